#!/usr/bin/env bash
# `make chaos`: PostgreSQL and a three-node Elasticsearch cluster on loopback, a fresh chaos
# database, then benchmarks/chaos.py, which serves the site and breaks things under load.
# Always stops the cluster, the site's processes and anything else it started.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/system-packages.sh"

started_postgres=
cleanup() {
  # The driver stops its own gunicorn and worker; these pid files catch them if it could not.
  stop_pidfile "$RUN_DIR/chaos-gunicorn.pid" "the chaos site" || true
  stop_pidfile "$RUN_DIR/chaos-worker.pid" "the chaos worker" || true
  stop_pidfile "$RUN_DIR/chaos-rebuild.pid" "the chaos rebuild" || true
  "$ROOT/scripts/es-cluster.sh" stop || true
  [ -z "$started_postgres" ] || "$ROOT/scripts/postgres.sh" stop || true
}
trap cleanup EXIT

[ -f "$RUN_DIR/postgres.home" ] || started_postgres=1
"$ROOT/scripts/postgres.sh" start

PORT="${POSTGRES_PORT:-5433}"
DATABASE=practice_library_chaos
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$bin/dropdb" -h 127.0.0.1 -p "$PORT" -U postgres --if-exists "$DATABASE"
"$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"

"$ROOT/scripts/es-cluster.sh" start

.venv/bin/python -m benchmarks.chaos
