#!/usr/bin/env bash
# The whole test run: system packages, PostgreSQL, Elasticsearch and OpenSearch on loopback,
# lint and Django checks, then pytest against all of them. Stops what it started, always.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/system-packages.sh"

cleanup() {
  "$ROOT/scripts/opensearch.sh" stop || true
  "$ROOT/scripts/elasticsearch.sh" stop || true
  "$ROOT/scripts/postgres.sh" stop || true
}
trap cleanup EXIT

"$ROOT/scripts/postgres.sh" start
# The engines start side by side: each spends most of its start-up waiting on the JVM.
"$ROOT/scripts/elasticsearch.sh" start & es=$!
"$ROOT/scripts/opensearch.sh" start & os=$!
wait "$es" || die "Elasticsearch did not start"
wait "$os" || die "OpenSearch did not start"

export DJANGO_SETTINGS_MODULE=tilondon.settings.test
export DATABASE_URL="postgres://postgres@127.0.0.1:${POSTGRES_PORT:-5433}/practice_library"
export TEST_ELASTICSEARCH_URL="http://127.0.0.1:${ELASTICSEARCH_PORT:-9200}"
export TEST_OPENSEARCH_URL="http://127.0.0.1:${OPENSEARCH_PORT:-9250}"
# The browser tests share the test database with the live server thread.
export DJANGO_ALLOW_ASYNC_UNSAFE=true

say "Django checks"
.venv/bin/python manage.py check --fail-level WARNING
.venv/bin/python manage.py makemigrations --check --dry-run >/dev/null \
  || die "models have changes without migrations: run manage.py makemigrations"

# Browser tests commit to the database for the live server, and restore the baseline rows
# after each test; they run as their own pytest session, after the rest.
say "pytest: models, views, search engines and API"
# Exit code 5 means "nothing selected", e.g. PYTEST_ARGS named only browser tests.
.venv/bin/python -m pytest -m "not browser" "$@" || [ $? -eq 5 ]
say "pytest: browser tests in Chromium"
.venv/bin/python -m pytest -m browser "$@" || [ $? -eq 5 ]
