#!/usr/bin/env bash
# The product's read paths on the benchmark data (`make seed-bench` first), from one sitting and
# one build, each for DURATION under `wrk -t THREADS -c CONNECTIONS`:
#
#   baseline  /db of stepwork-bench-server (one primary-key SELECT, no session) on the same cluster
#   me        GET /v1/me as a random bench user: the product's own baseline, the same session
#             lookup as every read and one primary-key read of `users`
#   entry     GET /v1/entries/{id} as the sponsor the entry is shared with
#   shared    GET /v1/shared (a page of 50)
#   comments  GET /v1/entries/{id}/comments of a shared amend, as its sponsor
#   create    POST /v1/entries (a journal entry, sealed like every text) as a random bench user
#
# and a summary: req/s, p50, p99 and each path's ratio to the baseline's req/s.
#
#   scripts/bench/entries.sh [CLUSTER_DIR]   (default .data/postgres, the `make run` cluster;
#                                           BENCH_DB names the database, default stepwork_bench)
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster=${1:-.data/postgres}
database=${BENCH_DB:-stepwork_bench}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-8089}
baseline_port=$((port + 1))
pool=${POOL_SIZE:-16}
url="$(scripts/pg.sh url "$cluster") dbname=$database"
socket_dir=$(cd "$cluster/sock" && pwd)
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }

# The baseline's table (TechEmpower `world`, 10,000 rows), beside the product's schema.
psql "$url" -qc "CREATE TABLE IF NOT EXISTS public.world (id int PRIMARY KEY, randomnumber int NOT NULL)" \
  -c "INSERT INTO public.world SELECT n, (random() * 9999)::int + 1 FROM generate_series(1, 10000) n ON CONFLICT DO NOTHING" \
  -c "ANALYZE public.world"

for target in entry shared comments; do
  psql "$url" -qAt -v target=$target -f scripts/bench/pairs.sql >"$work/$target.txt"
done
sed 's| /v1/shared$| /v1/me|' "$work/shared.txt" >"$work/me.txt"

PG_SOCKET="$socket_dir/.s.PGSQL.${STEPWORK_PG_PORT:-5432}" PG_USER=stepwork PG_DB=$database PG_POOL_MAX=$pool \
  SERVER_PORT=$baseline_port .build/release/stepwork-bench-server &
pids+=($!)
STEPWORK_DATABASE_URL="$(scripts/pg.sh runtime-url "$cluster") dbname=$database" STEPWORK_PORT=$port \
  STEPWORK_LOG_LEVEL=warning STEPWORK_DB_POOL_SIZE=$pool STEPWORK_WORKER_THREADS=$pool \
  STEPWORK_SESSION_IDLE_LIFETIME_SECONDS=86400 .build/release/stepwork serve &
pids+=($!)
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && curl -fs "http://127.0.0.1:$baseline_port/db" >/dev/null; do
  sleep 0.2
done

run() {  # name, then wrk arguments
  local name=$1; shift
  echo "== $name: wrk -t$threads -c$connections -d$duration"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" | tee "$work/$name.out"
}
run baseline "http://127.0.0.1:$baseline_port/db"
for target in me entry shared comments; do
  BENCH_PAIRS="$work/$target.txt" run "$target" -s scripts/bench/random-get.lua "http://127.0.0.1:$port"
done
BENCH_PAIRS="$work/shared.txt" run create -s scripts/bench/post-entry.lua "http://127.0.0.1:$port"

echo
echo "== summary (one sitting, one build)"
base=$(awk '/^Requests\/sec/ {print $2}' "$work/baseline.out")
me=$(awk '/^Requests\/sec/ {print $2}' "$work/me.out")
printf '%-10s %12s %10s %10s %8s %8s\n' path req/s p50 p99 "to /db" "to me"
for name in baseline me entry shared comments create; do
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/$name.out")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$name.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.out")
  awk -v n="$name" -v r="$rps" -v a="$p50" -v b="$p99" -v base="$base" -v me="$me" \
    'BEGIN { printf "%-10s %12s %10s %10s %8.2f %8.2f\n", n, r, a, b, r / base, r / me }'
done
