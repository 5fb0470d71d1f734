// Entries: under construction.
