-- Benchmark data, NOT demo data: 10,000 users, 1,000,000 entries, ~300,000 shares.
-- Load it into a scratch database with `make seed-bench` (never into one holding real data):
--
--   user n (1..10000)  email bench-<n>@bench.invalid, id md5('bench-user-<n>')::uuid
--                      one session whose bearer token is base64url(sha256('bench-<n>'))
--   sponsorships       n is the active sponsee of n % 10000 + 1; every 10th user also has an
--                      ended sponsorship with (n + 1) % 10000 + 1
--   entries            100 per user, every kind, updated over the past year
--   shares             30 % of each user's entries with their active sponsor, read or comment,
--                      and every amend e with e % 10 = 3 for comment
--   comments           5 on every shared amend e with e % 100 = 3 (10,000 threads), by its sponsor
--
-- Idempotent: it deletes the previous bench users (and, by cascade, everything of theirs) first.

\set ON_ERROR_STOP on
SET search_path = stepwork;

BEGIN;

DELETE FROM users WHERE email LIKE 'bench-%@bench.invalid';

INSERT INTO users (id, email, display_name, password_hash, created_at)
SELECT md5('bench-user-' || n)::uuid, 'bench-' || n || '@bench.invalid', 'Bench ' || n,
       '$scrypt$ln=10,r=8,p=1$YmVuY2g$YmVuY2g', now() - interval '400 days'
FROM generate_series(1, 10000) AS n;

-- Long-lived sessions, so a benchmark run started any time soon finds them valid.
INSERT INTO sessions (user_id, token_hash, user_agent, expires_at)
SELECT md5('bench-user-' || n)::uuid, encode(sha256(sha256(convert_to('bench-' || n, 'UTF8'))), 'hex'),
       'bench', now() + interval '30 days'
FROM generate_series(1, 10000) AS n;

INSERT INTO sponsorships (id, sponsor_id, sponsee_id, started_at)
SELECT md5('bench-sponsorship-' || n)::uuid, md5('bench-user-' || (n % 10000 + 1))::uuid,
       md5('bench-user-' || n)::uuid, now() - interval '300 days'
FROM generate_series(1, 10000) AS n;

INSERT INTO sponsorships (sponsor_id, sponsee_id, status, started_at, ended_at)
SELECT md5('bench-user-' || ((n + 1) % 10000 + 1))::uuid, md5('bench-user-' || n)::uuid, 'ended',
       now() - interval '390 days', now() - interval '310 days'
FROM generate_series(10, 10000, 10) AS n;

-- Entry e (1..1,000,000) belongs to user (e - 1) / 100 + 1.
INSERT INTO entries (id, owner_id, kind, title, body, step, fields, version, created_at, updated_at)
SELECT md5('bench-entry-' || e)::uuid,
       md5('bench-user-' || ((e - 1) / 100 + 1))::uuid,
       kind,
       'Bench entry ' || e,
       repeat('One day at a time. ', 10 + e % 40),
       CASE WHEN kind = 'step_work' THEN e % 12 + 1 END,
       CASE kind
           WHEN 'amend' THEN jsonb_build_object('person', 'Person ' || e, 'harm', NULL, 'plan', 'Call and apologise.',
                                                'method', 'phone', 'status', 'planned', 'madeOn', NULL)
           WHEN 'meeting' THEN jsonb_build_object('date', to_char(date '2026-01-01' + e % 300, 'YYYY-MM-DD'), 'name', 'Home group')
           ELSE '{}'::jsonb
       END,
       1 + e % 3,
       stamp - interval '1 day',
       stamp
FROM (
    SELECT e,
           (ARRAY['journal', 'step_work', 'inventory', 'amend', 'meeting'])[e % 5 + 1] AS kind,
           now() - (e::bigint * 7919 % 31536000) * interval '1 second' - (e % 1000) * interval '1 microsecond' AS stamp
    FROM generate_series(1, 1000000) AS e
) AS seed;

INSERT INTO shares (entry_id, sponsorship_id, owner_id, access, granted_at)
SELECT md5('bench-entry-' || e)::uuid, md5('bench-sponsorship-' || ((e - 1) / 100 + 1))::uuid,
       md5('bench-user-' || ((e - 1) / 100 + 1))::uuid,
       CASE WHEN e % 2 = 0 THEN 'read' ELSE 'comment' END, now() - interval '10 days'
FROM generate_series(1, 1000000) AS e
WHERE e % 10 < 3 OR e % 10 = 3;

INSERT INTO comments (entry_id, author_id, entry_version, body, created_at)
SELECT md5('bench-entry-' || e)::uuid, md5('bench-user-' || ((e - 1) / 100 + 1) % 10000 + 1)::uuid, 1,
       'A thought on this amend, number ' || c || '.', now() - interval '5 days' + c * interval '1 hour'
FROM generate_series(3, 1000000, 100) AS e, generate_series(1, 5) AS c;

COMMIT;

ANALYZE users, sessions, sponsorships, entries, shares, comments;
