-- The application's own schema: PostgreSQL 15 denies CREATE on `public` to non-owners.
CREATE SCHEMA IF NOT EXISTS stepwork;
