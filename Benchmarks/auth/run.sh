#!/usr/bin/env bash
# What password hashing costs, and whether it disturbs everything else.
#
#   Benchmarks/auth/run.sh [BASE_URL]
#
# Needs a running server at BASE_URL (default http://127.0.0.1:8080), e.g. `make run`, or
# `.build/release/stepwork serve` with STEPWORK_* settings of your choice, and `wrk`, `curl`,
# `openssl`. Prints:
#   1. the time of one scrypt derivation at cost 17 (N = 2^17, r = 8, p = 1) through
#      libcrypto's `EVP_PBE_scrypt` path (`openssl kdf`), as the server runs it;
#   2. GET /healthz latency with wrk, alone, then during a storm of logins with the correct
#      password (so every admitted login costs one derivation; the rest get 503). Concurrent
#      logins count against the account's throttle until they succeed: start the server with
#      STEPWORK_LOGIN_MAX_FAILURES_PER_ACCOUNT=1000000 or most of the storm is 429, not hashing.
# Environment: DURATION (default 20s), CONNECTIONS for /healthz (8), STORM_CONNECTIONS (32),
# ROUNDS of alone/storm pairs (3), alternated so that outside load hits both alike.
set -euo pipefail
cd "$(dirname "$0")"
base=${1:-http://127.0.0.1:8080}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-8}
storm_connections=${STORM_CONNECTIONS:-32}
rounds=${ROUNDS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${storm:-}" ] && kill "$storm" 2>/dev/null || true' EXIT

echo "== one scrypt derivation, ln=17 r=8 p=1, 32-byte key (openssl kdf, 5 runs)"
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "  %e s wall, %M KiB peak memory" \
    openssl kdf -keylen 32 -kdfopt pass:bench-password-1234 -kdfopt hexsalt:000102030405060708090a0b0c0d0e0f \
      -kdfopt n:131072 -kdfopt r:8 -kdfopt p:1 -kdfopt maxmem_bytes:268435456 SCRYPT >/dev/null
done

email="bench-$(date +%s)-$$@example.org"
password="bench password $$ $RANDOM"
printf '{"email":"%s","password":"%s","displayName":"Bench"}' "$email" "$password" >"$work/register.json"
printf '{"email":"%s","password":"%s"}' "$email" "$password" >"$work/login.json"
echo "== one registration over HTTP (includes one derivation at the server's configured cost)"
curl -fsS -o /dev/null -w "  %{http_code} in %{time_total} s\n" -H 'Content-Type: application/json' \
  --data-binary @"$work/register.json" "$base/v1/auth/register"

for round in $(seq "$rounds"); do
  echo "== round $round/$rounds: GET /healthz alone: wrk -t1 -c$connections -d$duration"
  wrk -t1 -c"$connections" -d"$duration" --latency "$base/healthz" | grep -E "50%|90%|99%|Requests/sec"

  echo "== round $round/$rounds: GET /healthz during a login storm (wrk -t1 -c$storm_connections, correct password)"
  wrk -t1 -c"$storm_connections" -d"$(( ${duration%s} + 6 ))s" --timeout 60s --latency -s count-statuses.lua \
    "$base/v1/auth/login" -- "$work/login.json" >"$work/storm.txt" 2>&1 &
  storm=$!
  sleep 3
  wrk -t1 -c"$connections" -d"$duration" --latency "$base/healthz" | grep -E "50%|90%|99%|Requests/sec"
  wait "$storm"
  storm=
  echo "   the storm's logins (latency, rate, answers):"
  grep -E "50%|99%|Requests/sec|status|Socket errors" "$work/storm.txt"
  echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  sleep 10  # let the logins still queued in the server finish before the next quiet round
done
