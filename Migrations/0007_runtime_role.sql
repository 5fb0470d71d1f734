-- The runtime role: what `stepwork serve` acts as, through a login role that is a member of it.
-- It reads and writes rows of the tables below and nothing more: no DDL, no TRUNCATE, and the
-- migrations bookkeeping only to read (serve checks for pending migrations). The owner, the
-- role these migrations run as, keeps everything else.
--
-- Roles belong to the cluster, not to one database. The migrating role creates this one when it
-- may (a superuser, or CREATEROLE); otherwise an administrator creates it first (config/README.md).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stepwork_runtime') THEN
        CREATE ROLE stepwork_runtime NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'role stepwork_runtime does not exist, and % may not create it', current_user
        USING DETAIL = 'As a superuser: CREATE ROLE stepwork_runtime NOLOGIN; '
                     'CREATE ROLE stepwork_app LOGIN PASSWORD ''…'' IN ROLE stepwork_runtime;';
END
$$;

GRANT USAGE ON SCHEMA stepwork TO stepwork_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA stepwork TO stepwork_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA stepwork TO stepwork_runtime;
REVOKE INSERT, UPDATE, DELETE ON stepwork.schema_migrations FROM stepwork_runtime;

-- Tables and sequences that later migrations create (as this same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA stepwork
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stepwork_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA stepwork
    GRANT USAGE, SELECT ON SEQUENCES TO stepwork_runtime;
