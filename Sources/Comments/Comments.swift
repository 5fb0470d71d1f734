// Comments: under construction.
