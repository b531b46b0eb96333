#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the server tests.
#   source .ci/postgres.sh && pg_throwaway_start   exports ANNOTATOR_TEST_PG_URL (superuser URL)
#   pg_throwaway_stop                               stops it and deletes its folder
# PostgreSQL refuses to run as root, so when we are root the binaries run as the `postgres` user.
# The server listens on a Unix socket in its own folder and on 127.0.0.1 only.
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"

_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "postgres.sh: no PostgreSQL binaries found (set PG_BIN)" >&2; return 1
  fi
  PG_DIR="$(mktemp -d /tmp/annotator-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
  PG_PORT="${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
  _pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 \
    --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=120" >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PG_DIR PG_PORT
  export ANNOTATOR_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

pg_throwaway_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/server.log" ] \
      && grep -q "deadlock detected" "$PG_DIR/server.log"; then
    # The log goes with the cluster: show who deadlocked with whom before it does.
    echo "postgres.sh: the server reported a deadlock:" >&2
    grep -B1 -A10 "deadlock detected" "$PG_DIR/server.log" >&2
  fi
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
