// Migrations: under construction.
