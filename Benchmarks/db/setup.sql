-- A TechEmpower-like `world` table for `make bench-db`: 10 000 rows, primary-key lookups.
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS stepwork;
DROP TABLE IF EXISTS stepwork.world;
CREATE TABLE stepwork.world (id integer PRIMARY KEY, randomnumber integer NOT NULL);
INSERT INTO stepwork.world SELECT id, 1 + floor(random() * 10000)::integer FROM generate_series(1, 10000) AS id;
ANALYZE stepwork.world;
