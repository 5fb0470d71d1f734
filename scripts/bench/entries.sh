#!/usr/bin/env bash
# Latency of the entry read paths on the benchmark data (`make seed-bench` first):
#   GET /v1/entries/{id} as a sponsor the entry is shared with, and GET /v1/shared,
# each for DURATION under `wrk -c CONNECTIONS`, against a release `stepwork serve`.
#
#   scripts/bench/entries.sh [CLUSTER_DIR]   (default .data/postgres, the `make run` cluster)
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster=${1:-.data/postgres}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-8089}
url="$(scripts/pg.sh url "$cluster") dbname=stepwork_bench"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

for target in entry shared; do
  psql "$url" -qAt -v target=$target -f scripts/bench/pairs.sql >"$work/$target.txt"
done

STEPWORK_DATABASE_URL="$(scripts/pg.sh runtime-url "$cluster") dbname=stepwork_bench" STEPWORK_PORT=$port STEPWORK_LOG_LEVEL=warning \
  STEPWORK_DB_POOL_SIZE=${POOL_SIZE:-32} STEPWORK_SESSION_IDLE_LIFETIME_SECONDS=86400 \
  .build/release/stepwork serve &
server=$!
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done

for target in entry shared; do
  echo "== GET $( [ $target = entry ] && echo '/v1/entries/{id} (sponsor, shared)' || echo '/v1/shared' ), wrk -t$threads -c$connections -d$duration"
  BENCH_PAIRS="$work/$target.txt" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s scripts/bench/random-get.lua "http://127.0.0.1:$port"
done
