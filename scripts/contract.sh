#!/usr/bin/env bash
# The contract run: Schemathesis generates requests from openapi.yaml for every operation it
# declares and checks each answer against the document (`--checks all`), against a real
# `stepwork serve` of this checkout on its own migrated database. Any failure fails the run.
#
#   scripts/contract.sh CLUSTER_DIR   (a cluster `scripts/pg.sh up` started; `make test` passes its own)
#
# Two phases, so that the run cannot end the session it authenticates with:
#   1. every operation without `x-ends-session: true`, as a freshly registered user;
#   2. every operation with `x-ends-session: true` (logout, ending a session, changing the
#      password), once phase 1 is over, each request with a session of its own: the hooks in
#      scripts/contract_hooks.py log the same user in afresh for it.
# New operations are covered without touching this script; one that can end the caller's own
# session must carry `x-ends-session: true` in openapi.yaml. Operations tagged `streams`
# (Server-Sent Events) are left out: their answer stays open, so no check could ever end.
#
# Bounded: a fixed seed and CONTRACT_MAX_EXAMPLES cases per operation and generation phase.
# Schemathesis (pinned below) is installed into .build/contract-venv when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

cluster=${1:?usage: scripts/contract.sh CLUSTER_DIR}
seed=${CONTRACT_SEED:-20261129}
max_examples=${CONTRACT_MAX_EXAMPLES:-20}
schemathesis_version=4.32.5
venv=.build/contract-venv
work=$(mktemp -d)
server=
database=contract_$(od -An -vtx1 -N8 /dev/urandom | tr -d ' \n')
owner_url=$(scripts/pg.sh url "$cluster")

cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  psql "$owner_url" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

install_schemathesis() {
  [ -x "$venv/bin/st" ] && [ "$("$venv/bin/st" --version 2>/dev/null)" = "st, version $schemathesis_version" ] && return 0
  echo "installing schemathesis $schemathesis_version into $venv" >&2
  rm -rf "$venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    local sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$schemathesis_version"
}

# The token of a freshly registered user.
register() {
  curl -fsS -H 'Content-Type: application/json' "$base/v1/auth/register" \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Contract\"}" |
    "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

install_schemathesis
swift build --product stepwork >/dev/null
psql "$owner_url" -qc "CREATE DATABASE $database"
STEPWORK_DATABASE_URL="$owner_url dbname=$database" .build/debug/stepwork migrate >/dev/null 2>&1

# Throttles high enough that the generated logins and registrations are answered rather than
# refused; cheap password hashes so that the run stays short.
STEPWORK_DATABASE_URL="$(scripts/pg.sh runtime-url "$cluster") dbname=$database" \
  STEPWORK_PORT=0 STEPWORK_LOG_LEVEL=info STEPWORK_PASSWORD_HASH_COST=10 STEPWORK_HASHING_CONCURRENCY=2 \
  STEPWORK_REGISTER_MAX_PER_ADDRESS=1000000 STEPWORK_LOGIN_MAX_FAILURES_PER_ACCOUNT=1000000 \
  STEPWORK_LOGIN_MAX_FAILURES_PER_ADDRESS=1000000 STEPWORK_LOGIN_ACCOUNT_CEILING=1000000 \
  STEPWORK_LOGIN_FAILED_HASHES_PER_SECOND=100000 STEPWORK_INVITE_ACCEPT_MAX_FAILURES_PER_ADDRESS=1000000 \
  .build/debug/stepwork serve >"$work/serve.log" 2>&1 &
server=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*event=listening.* port=\([0-9]*\).*/\1/p' "$work/serve.log" 2>/dev/null || true)
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { echo "stepwork serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
base=http://127.0.0.1:$port

email=contract-$database@example.org
password=contract-run-$database
st=("$venv/bin/st" --config-file config/schemathesis.toml --no-color run openapi.yaml --url "$base" --checks all
    --seed "$seed" --max-examples "$max_examples" --workers 1)

started=$SECONDS
status=0
echo "== contract phase 1: every operation that cannot end the caller's session"
token=$(register)
"${st[@]}" --exclude-by '/x-ends-session == true' --exclude-tag streams -H "Authorization: Bearer $token" || status=1

echo "== contract phase 2: every operation that can end the caller's session, each request on a session of its own"
CONTRACT_BASE_URL=$base CONTRACT_EMAIL=$email CONTRACT_PASSWORD=$password SCHEMATHESIS_HOOKS=contract_hooks \
  PYTHONPATH=scripts "${st[@]}" --include-by '/x-ends-session == true' \
  || status=1
if [ $status != 0 ]; then
  echo "the server's warnings and errors during the run:" >&2
  grep -E 'level=(warning|error)' "$work/serve.log" | tail -n 40 >&2 || true
fi
echo "contract run: $((SECONDS - started)) s, $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
