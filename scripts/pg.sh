#!/usr/bin/env bash
# A private PostgreSQL cluster inside the checkout, reached on a Unix socket only.
#
#   scripts/pg.sh up DIR           create (once) and start the cluster in DIR; database `stepwork`,
#                                  its owner `stepwork` (migrations), and the runtime login role
#                                  `stepwork_app`, a member of `stepwork_runtime` (serve)
#   scripts/pg.sh up DIR throwaway the same for a cluster whose data may be lost with the machine
#                                  (the tests'): no fsync, so the suite's many databases and
#                                  commits wait for no disk; a crash of PostgreSQL alone still
#                                  loses nothing committed (the kernel holds the writes)
#   scripts/pg.sh down DIR         stop it
#   scripts/pg.sh url DIR          print the libpq connection string for the `stepwork` database, as its owner
#   scripts/pg.sh runtime-url DIR  the same as the runtime role `stepwork_app`
#   scripts/pg.sh ctl DIR          print the pg_ctl command line for DIR (tests use it to restart a cluster)
#
# As root the cluster runs as the unprivileged `postgres` user that Debian's package creates:
# PostgreSQL refuses to run as root.
set -euo pipefail

cmd=${1:?usage: pg.sh up|down|url|runtime-url|ctl DIR}
dir=$(mkdir -p "${2:?usage: pg.sh up|down|url|runtime-url|ctl DIR}" && cd "$2" && pwd)
port=${STEPWORK_PG_PORT:-5432}

ensure_packages() {
  local missing=()
  [ -x "$(pg_bindir)/initdb" ] || missing+=(postgresql)
  [ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
  [ -f /usr/include/openssl/evp.h ] || missing+=(libssl-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  echo "${d:-/usr/lib/postgresql/15/bin}"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "host=$dir/sock port=$port dbname=stepwork user=${1:-stepwork}"; }

case "$cmd" in
  up)
    ensure_packages
    bin=$(pg_bindir)
    mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" "$dir/sock"
    if [ ! -s "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
      cat >>"$dir/data/postgresql.conf" <<CONF
# --- Stepwork private cluster ---
listen_addresses = ''
port = $port
unix_socket_directories = '$dir/sock'
unix_socket_permissions = 0770
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
CONF
      if [ "${3:-}" = throwaway ]; then
        printf 'fsync = off\nfull_page_writes = off\n' >>"$dir/data/postgresql.conf"
      fi
      printf 'local all all trust\n' >"$dir/data/pg_hba.conf"
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    fi
    psql=("$bin/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
    # The owner creates databases (the tests make one each); the runtime role's privileges come
    # from Migrations/0007_runtime_role.sql, granted to the group `stepwork_runtime`.
    as_owner "${psql[@]}" -c "SET client_min_messages = warning" -c "DO \$\$BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stepwork') THEN CREATE ROLE stepwork LOGIN CREATEDB; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stepwork_runtime') THEN CREATE ROLE stepwork_runtime NOLOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stepwork_app') THEN CREATE ROLE stepwork_app LOGIN; END IF;
      GRANT stepwork_runtime TO stepwork_app;
    END\$\$;"
    if [ -z "$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'stepwork'")" ]; then
      as_owner "${psql[@]}" -c "CREATE DATABASE stepwork OWNER stepwork"
    fi
    ;;
  down)
    bin=$(pg_bindir)
    if [ -s "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  url) url ;;
  runtime-url) url stepwork_app ;;
  ctl)
    if [ "$(id -u)" = 0 ]; then printf 'runuser -u postgres -- '; fi
    echo "$(pg_bindir)/pg_ctl -D $dir/data -l $dir/server.log"
    ;;
  *) echo "usage: pg.sh up|down|url|runtime-url|ctl DIR" >&2; exit 2 ;;
esac
