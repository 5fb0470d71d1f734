#!/usr/bin/env bash
# Stepwork scaled out on one machine, private to the checkout (.data/cluster/), loopback only:
#
#   HAProxy on 127.0.0.1:$CLUSTER_PORT (default 8100), health-checking /readyz of
#   two `stepwork serve` processes on 127.0.0.1:$((CLUSTER_PORT+1)) and $((CLUSTER_PORT+2)),
#   a PostgreSQL primary (.data/cluster/primary, Unix socket only) and one streaming replica
#   (.data/cluster/replica, `pg_basebackup -R`, physical replication), which the servers read
#   from where it is safe (STEPWORK_DATABASE_REPLICA_URL, see config/README.md).
#
#   scripts/cluster.sh up                    create (once) and start everything; migrate as the owner
#   scripts/cluster.sh down                  stop everything (data stays; rm -rf .data/cluster to forget)
#   scripts/cluster.sh status                what runs, and the replica's lag
#   scripts/cluster.sh server-start N        start server N (1 or 2) when it is not running
#   scripts/cluster.sh server-stop N [SIG]   signal server N (default TERM: it fails /readyz, serves on
#                                            for its grace until HAProxy took it out, drains, exits)
#                                            and wait until it is gone
#   scripts/cluster.sh server-roll N         rolling restart of server N: HAProxy drains it (no new
#                                            requests; waits for its current ones), SIGTERM, start, ready
#   scripts/cluster.sh pg-restart primary|replica
#   scripts/cluster.sh pg-stop|pg-start primary|replica
#   scripts/cluster.sh url|runtime-url|replica-url   connection strings (owner; runtime; runtime on the replica)
#
# The servers inherit STEPWORK_* settings from the environment (the drill lowers the password
# hash cost and raises the per-address throttles: every client is 127.0.0.1 behind the proxy).
# Needs the release build (`make cluster` builds it); installs Debian's haproxy when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

root=$PWD/.data/cluster
port=${CLUSTER_PORT:-8100}
primary=$root/primary
replica=$root/replica
primary_pg_port=${CLUSTER_PRIMARY_PG_PORT:-5441}
replica_pg_port=${CLUSTER_REPLICA_PG_PORT:-5442}
binary=$PWD/.build/release/stepwork
# HAProxy checks each server's /readyz every check_inter_ms and takes it out after check_fall
# failures in a row. A server told to stop (SIGTERM) answers 503 there while it serves on for
# its shutdown grace: at least (fall + 1) x inter (the check under way, then fall more), plus a
# margin for a slow check, so that it stops accepting only once HAProxy sends it nothing new.
# (STEPWORK_SHUTDOWN_GRACE_SECONDS in the environment overrides it: 0 shows what a bare SIGTERM does.)
check_inter_ms=500
check_fall=2
grace_ms=$(( (check_fall + 1) * check_inter_ms + 500 ))
export STEPWORK_SECRET_FILE=${STEPWORK_SECRET_FILE:-$PWD/.data/secret}
export STEPWORK_KEY_FILE=${STEPWORK_KEY_FILE:-$PWD/.data/keys}

pg() { STEPWORK_PG_PORT=$primary_pg_port scripts/pg.sh "$@"; }
pg_bindir() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
primary_url() { pg url "$primary"; }
runtime_url() { pg runtime-url "$primary"; }
replica_url() { echo "host=$replica/sock port=$replica_pg_port dbname=stepwork user=stepwork_app"; }
server_port() { echo $((port + $1)); }
pidfile() { echo "$root/server-$1.pid"; }
running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

ensure_haproxy() {
  command -v haproxy >/dev/null && return 0
  local sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "installing haproxy" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq haproxy >/dev/null
}

primary_up() {
  pg up "$primary"
  if ! grep -q '^local replication' "$primary/data/pg_hba.conf"; then
    printf 'local replication postgres trust\n' | as_postgres tee -a "$primary/data/pg_hba.conf" >/dev/null
    as_postgres "$(pg_bindir)/pg_ctl" -D "$primary/data" reload >/dev/null
  fi
}

replica_up() {
  local bin; bin=$(pg_bindir)
  mkdir -p "$replica/sock"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$replica" "$replica/sock"
  if [ ! -s "$replica/data/PG_VERSION" ]; then
    as_postgres "$bin/pg_basebackup" -h "$primary/sock" -p "$primary_pg_port" -U postgres \
      -D "$replica/data" -R -X stream -c fast >"$replica/basebackup.log" 2>&1
    as_postgres tee -a "$replica/data/postgresql.conf" >/dev/null <<CONF
# --- Stepwork cluster: the streaming replica ---
port = $replica_pg_port
unix_socket_directories = '$replica/sock'
hot_standby = on
hot_standby_feedback = on
CONF
  fi
  pg_start replica
}

pg_dir() { case $1 in primary) echo "$primary" ;; replica) echo "$replica" ;; *) echo "no cluster $1" >&2; exit 2 ;; esac; }
pg_start() {
  local dir; dir=$(pg_dir "$1")
  as_postgres "$(pg_bindir)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 ||
    as_postgres "$(pg_bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
}
pg_stop() {
  local dir; dir=$(pg_dir "$1")
  as_postgres "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

server_start() {
  local n=$1 file; file=$(pidfile "$1")
  running "$file" && return 0
  STEPWORK_DATABASE_URL="$(runtime_url)" STEPWORK_DATABASE_REPLICA_URL="$(replica_url)" \
    STEPWORK_HOST=127.0.0.1 STEPWORK_PORT="$(server_port "$n")" \
    STEPWORK_TRUSTED_PROXIES=127.0.0.1 STEPWORK_PUBLIC_ORIGIN="http://127.0.0.1:$port" \
    STEPWORK_MAX_UPLOADS_PER_CLIENT="${STEPWORK_MAX_UPLOADS_PER_CLIENT:-1000}" \
    STEPWORK_SHUTDOWN_GRACE_SECONDS="${STEPWORK_SHUTDOWN_GRACE_SECONDS:-$((grace_ms / 1000)).$(printf %03d $((grace_ms % 1000)))}" \
    nohup "$binary" serve >>"$root/server-$n.log" 2>&1 &
  echo $! >"$file"
  for _ in $(seq 150); do
    curl -fs "http://127.0.0.1:$(server_port "$n")/readyz" >/dev/null && return 0
    running "$file" || { echo "server $n exited; see $root/server-$n.log" >&2; return 1; }
    sleep 0.1
  done
  echo "server $n not ready after 15 s; see $root/server-$n.log" >&2; return 1
}

server_stop() {
  local file; file=$(pidfile "$1")
  running "$file" || return 0
  local pid; pid=$(cat "$file")
  kill -"${2:-TERM}" "$pid"
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$file"
}

# One command on HAProxy's admin socket; prints the answer.
haproxy_command() {
  /usr/bin/python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(sys.argv[2].encode() + b"\n")
answer = b""
while chunk := s.recv(65536): answer += chunk
print(answer.decode(), end="")' "$root/haproxy.sock" "$1"
}

server_roll() {
  local n=$1
  haproxy_command "set server servers/s$n state drain" >/dev/null
  for _ in $(seq 100); do  # its current sessions (column scur) done, within 10 s
    [ "$(haproxy_command "show stat" | awk -F, -v s="s$n" '$1 == "servers" && $2 == s {print $5}')" = 0 ] && break
    sleep 0.1
  done
  server_stop "$n" TERM
  server_start "$n"
  haproxy_command "set server servers/s$n state ready" >/dev/null
}

haproxy_up() {
  ensure_haproxy
  cat >"$root/haproxy.cfg" <<CFG
# written by scripts/cluster.sh
global
    maxconn 8000
    pidfile $root/haproxy.pid
    stats socket $root/haproxy.sock mode 600 level admin
    log stderr format short local0 warning

defaults
    mode http
    log global
    option dontlognull
    option forwardfor
    option http-server-close
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    # a connection refused or reset before the request was sent is retried on the other server;
    # a request that reached a server is never replayed (the client retries writes with its key)
    retries 3
    option redispatch 1

frontend stepwork
    bind 127.0.0.1:$port
    default_backend servers

backend servers
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter ${check_inter_ms}ms fall $check_fall rise 2 maxconn 512
    server s1 127.0.0.1:$(server_port 1) check
    server s2 127.0.0.1:$(server_port 2) check
CFG
  if ! running "$root/haproxy.pid"; then
    haproxy -f "$root/haproxy.cfg" -D >>"$root/haproxy.log" 2>&1
  fi
}

case "${1:?usage: cluster.sh up|down|status|server-start N|server-stop N [SIG]|server-roll N|pg-restart|pg-stop|pg-start primary|replica}" in
  up)
    [ -x "$binary" ] || { echo "no release build at $binary: swift build -c release --product stepwork" >&2; exit 1; }
    mkdir -p "$root"
    primary_up
    STEPWORK_DATABASE_URL="$(primary_url)" "$binary" migrate
    replica_up
    server_start 1
    server_start 2
    haproxy_up
    echo "Stepwork cluster: http://127.0.0.1:$port/ (HAProxy) -> servers :$(server_port 1) :$(server_port 2);"
    echo "  primary $(primary_url)"
    echo "  replica $(replica_url)"
    ;;
  down)
    if running "$root/haproxy.pid"; then kill "$(cat "$root/haproxy.pid")"; rm -f "$root/haproxy.pid"; fi
    server_stop 1; server_stop 2
    pg_stop replica; pg_stop primary
    ;;
  status)
    for n in 1 2; do
      if running "$(pidfile "$n")"; then echo "server $n: pid $(cat "$(pidfile "$n")") on :$(server_port "$n")"; else echo "server $n: stopped"; fi
    done
    if running "$root/haproxy.pid"; then echo "haproxy: pid $(cat "$root/haproxy.pid") on :$port"; else echo "haproxy: stopped"; fi
    psql "$(primary_url)" -qAtc "SELECT 'primary: up, insert LSN ' || pg_current_wal_insert_lsn()" 2>/dev/null || echo "primary: down"
    psql "$(replica_url)" -qAtc "SELECT 'replica: up, replayed LSN ' || pg_last_wal_replay_lsn() || ', lag ' || coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3)::text, '?') || ' s since the last replayed commit'" 2>/dev/null || echo "replica: down"
    ;;
  server-start) server_start "${2:?server 1 or 2}" ;;
  server-stop) server_stop "${2:?server 1 or 2}" "${3:-TERM}" ;;
  server-roll) server_roll "${2:?server 1 or 2}" ;;
  pg-start) pg_start "${2:?primary or replica}" ;;
  pg-stop) pg_stop "${2:?primary or replica}" ;;
  pg-restart) pg_stop "${2:?primary or replica}"; pg_start "$2" ;;
  url) primary_url ;;
  runtime-url) runtime_url ;;
  replica-url) replica_url ;;
  *) echo "usage: cluster.sh up|down|status|server-start N|server-stop N [SIG]|server-roll N|pg-restart|pg-stop|pg-start primary|replica" >&2; exit 2 ;;
esac
