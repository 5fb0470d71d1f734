// Web: under construction.
