// Postgres: under construction.
