-- The request targets of the entry benchmarks, from the data of seeds/bench/bench.sql,
-- one `<bearer token> <path>` per line (`psql -qAt -v target=entry|shared -f`):
--   entry   GET /v1/entries/{id} by the sponsor of a shared entry (every shared entry once)
--   shared  GET /v1/shared by every user (each is the active sponsor of one sponsee)
--   comments GET /v1/entries/{id}/comments of a shared amend by its sponsor (10,000 threads)
SELECT translate(rtrim(encode(sha256(convert_to('bench-' || ((e - 1) / 100 + 1) % 10000 + 1, 'UTF8')), 'base64'), '='), '+/', '-_')
       || ' /v1/entries/' || md5('bench-entry-' || e)::uuid
FROM generate_series(1, 1000000) AS e
WHERE :'target' = 'entry' AND e % 10 < 3
UNION ALL
SELECT translate(rtrim(encode(sha256(convert_to('bench-' || ((e - 1) / 100 + 1) % 10000 + 1, 'UTF8')), 'base64'), '='), '+/', '-_')
       || ' /v1/entries/' || md5('bench-entry-' || e)::uuid || '/comments'
FROM generate_series(3, 1000000, 100) AS e
WHERE :'target' = 'comments'
UNION ALL
SELECT translate(rtrim(encode(sha256(convert_to('bench-' || n, 'UTF8')), 'base64'), '='), '+/', '-_') || ' /v1/shared'
FROM generate_series(1, 10000) AS n
WHERE :'target' = 'shared';
