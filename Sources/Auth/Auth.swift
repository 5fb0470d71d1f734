// Auth: under construction.
