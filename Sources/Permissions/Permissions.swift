// Permissions: under construction.
