#!/usr/bin/env bash
# Start or stop a private PostgreSQL cluster on 127.0.0.1 for the tests, from Debian's
# postgresql package. Its data lives in var/ and is thrown away on each start.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT="${POSTGRES_PORT:-5433}"
DATABASE="practice_library"

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$dir/initdb" ] || die "PostgreSQL server is not installed (Debian package: postgresql)"
  echo "$dir"
}

start() {
  local user bin home
  user=$(service_user postgres)
  bin=$(bindir)
  home=$(service_home "$user" postgres)
  if as_user "$user" "$bin/pg_ctl" -D "$home/data" status >/dev/null 2>&1; then
    say "PostgreSQL already running"; return 0
  fi
  rm -rf "$home/data"
  mkdir -p "$home/socket"
  [ -z "$user" ] || chown -R "$user" "$home"
  as_user "$user" "$bin/initdb" -D "$home/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  say "starting PostgreSQL on 127.0.0.1:$PORT"
  as_user "$user" "$bin/pg_ctl" -D "$home/data" -l "$home/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $home/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { tail -n 30 "$home/postgres.log" >&2; die "PostgreSQL failed to start"; }
  "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"
  echo "$home" > "$RUN_DIR/postgres.home"
  say "PostgreSQL is up: postgres://postgres@127.0.0.1:$PORT/$DATABASE"
}

stop() {
  [ -f "$RUN_DIR/postgres.home" ] || return 0
  local user home
  user=$(service_user postgres)
  home=$(cat "$RUN_DIR/postgres.home")
  as_user "$user" "$(bindir)/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -f "$RUN_DIR/postgres.home"
  say "stopped PostgreSQL"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
