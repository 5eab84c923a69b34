#!/usr/bin/env bash
# `make bench`: PostgreSQL, Elasticsearch and OpenSearch on loopback, a fresh benchmark
# database, then the library benchmark. Stops only the services it started.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/system-packages.sh"

started=()
cleanup() {
  for service in "${started[@]}"; do "$ROOT/scripts/$service.sh" stop || true; done
}
trap cleanup EXIT

[ -f "$RUN_DIR/postgres.home" ] || started+=(postgres)
pid_alive "$RUN_DIR/elasticsearch.pid" || started+=(elasticsearch)
pid_alive "$RUN_DIR/opensearch.pid" || started+=(opensearch)
"$ROOT/scripts/postgres.sh" start
"$ROOT/scripts/elasticsearch.sh" start & es=$!
"$ROOT/scripts/opensearch.sh" start & os=$!
wait "$es" || die "Elasticsearch did not start"
wait "$os" || die "OpenSearch did not start"

PORT="${POSTGRES_PORT:-5433}"
DATABASE=practice_library_bench
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$bin/dropdb" -h 127.0.0.1 -p "$PORT" -U postgres --if-exists "$DATABASE"
"$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"

export DJANGO_SETTINGS_MODULE=benchmarks.settings
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/$DATABASE"
export BENCH_ELASTICSEARCH_URL="http://127.0.0.1:${ELASTICSEARCH_PORT:-9200}"
export BENCH_OPENSEARCH_URL="http://127.0.0.1:${OPENSEARCH_PORT:-9250}"
export ELASTICSEARCH_URL="" OPENSEARCH_URL=""

say "migrating the benchmark database"
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py bench_library
