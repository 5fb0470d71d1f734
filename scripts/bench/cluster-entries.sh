#!/usr/bin/env bash
# GET /v1/entries/{id} (as the sponsor the entry is shared with) under `wrk`, in one sitting:
# one server directly, then HAProxy in front of both servers of the `make cluster` cluster.
# Loads seeds/bench into the cluster's database first when it is not there (about a minute;
# benchmark data, never real), and restarts both servers with benchmark settings (warnings
# only, pool and workers POOL_SIZE, long session idle lifetime) through scripts/cluster.sh.
#
#   scripts/bench/cluster-entries.sh      (after `make cluster`; DURATION, CONNECTIONS, THREADS, POOL_SIZE)
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${CLUSTER_PORT:-8100}
url=$(scripts/cluster.sh url)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
if [ -z "$(psql "$url" -qAtc "SELECT 1 FROM stepwork.users WHERE email = 'bench-1@bench.invalid'")" ]; then
  psql "$url" -q -f seeds/bench/bench.sql
fi
psql "$url" -qAt -v target=entry -f scripts/bench/pairs.sql >"$work/entry.txt"

export STEPWORK_LOG_LEVEL=warning STEPWORK_DB_POOL_SIZE=${POOL_SIZE:-16} STEPWORK_WORKER_THREADS=${POOL_SIZE:-16} \
  STEPWORK_SESSION_IDLE_LIFETIME_SECONDS=86400
for n in 1 2; do scripts/cluster.sh server-stop $n; scripts/cluster.sh server-start $n; done
sleep 2  # HAProxy's health checks see both up (rise 2, every 0.5 s)

run() {  # name, URL
  echo "== $1: wrk -t$threads -c$connections -d$duration $2"
  BENCH_PAIRS="$work/entry.txt" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s scripts/bench/random-get.lua "$2" | tee "$work/$1.out"
}
run "one server directly" "http://127.0.0.1:$((port + 1))"
run "HAProxy, two servers" "http://127.0.0.1:$port"

echo "== summary: GET /v1/entries/{id}, wrk -c$connections -d$duration"
for name in "one server directly" "HAProxy, two servers"; do
  awk -v name="$name" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$4}
    END {printf "%-22s %10s req/s  p50 %-8s p99 %-8s non-2xx %s\n", name, rps, p50, p99, bad ? bad : 0}' "$work/$name.out"
done
