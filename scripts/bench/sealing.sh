#!/usr/bin/env bash
# What encryption at rest costs the read path: the same build serves two copies of the
# benchmark data side by side, one in the clear (`stepwork_bench_clear`, as `make seed-bench`
# loads it) and one sealed (`stepwork_bench`, after `stepwork encrypt`), and `wrk` reads
# GET /v1/entries/{id} as the sponsor from each in turn, ROUNDS times (default 4), alternating
# so that the machine's noise falls on both alike. Prints each round and the ratio of the
# medians: sealed req/s to clear req/s.
#
#   scripts/bench/sealing.sh [CLUSTER_DIR]   (default .data/postgres, the `make run` cluster)
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster=${1:-.data/postgres}
duration=${DURATION:-10s}
rounds=${ROUNDS:-4}
connections=${CONNECTIONS:-32}
port=${PORT:-8089}
pool=${POOL_SIZE:-16}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }

psql "$(scripts/pg.sh url "$cluster") dbname=stepwork_bench" -qAt -v target=entry -f scripts/bench/pairs.sql >"$work/entry.txt"
serve() {  # database, port
  STEPWORK_DATABASE_URL="$(scripts/pg.sh runtime-url "$cluster") dbname=$1" STEPWORK_PORT=$2 \
    STEPWORK_LOG_LEVEL=warning STEPWORK_DB_POOL_SIZE=$pool STEPWORK_WORKER_THREADS=$pool \
    STEPWORK_SESSION_IDLE_LIFETIME_SECONDS=86400 .build/release/stepwork serve &
  pids+=($!)
  until curl -fs "http://127.0.0.1:$2/readyz" >/dev/null; do sleep 0.2; done
}
serve stepwork_bench_clear "$port"
serve stepwork_bench $((port + 1))

for round in $(seq "$rounds"); do
  for form in clear sealed; do
    target=$port; [ "$form" = sealed ] && target=$((port + 1))
    BENCH_PAIRS="$work/entry.txt" wrk -t2 -c"$connections" -d"$duration" --latency \
      -s scripts/bench/random-get.lua "http://127.0.0.1:$target" >"$work/$form-$round.out"
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/$form-$round.out")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$form-$round.out")
    echo "round $round $form: $rps req/s, p99 $p99"
    echo "$rps" >>"$work/$form.rps"
  done
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
clear=$(median "$work/clear.rps"); sealed=$(median "$work/sealed.rps")
awk -v c="$clear" -v s="$sealed" 'BEGIN { printf "median: clear %.0f req/s, sealed %.0f req/s, sealed/clear %.3f (%.1f %% slower)\n", c, s, s / c, (1 - s / c) * 100 }'
