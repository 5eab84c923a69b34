#!/usr/bin/env bash
# Set up and serve the site for development on SQLite: migrate, demo content, a local admin
# account, the background worker, then the development server on 127.0.0.1:8000.
# With "elasticsearch" or "opensearch" as the argument, start that engine first and use it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

case "${1:-}" in
  elasticsearch)
    "$ROOT/scripts/elasticsearch.sh" start
    export ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-http://127.0.0.1:${ELASTICSEARCH_PORT:-9200}}" ;;
  opensearch)
    "$ROOT/scripts/opensearch.sh" start
    export OPENSEARCH_URL="${OPENSEARCH_URL:-http://127.0.0.1:${OPENSEARCH_PORT:-9250}}" ;;
  "") ;;
  *) die "SEARCH must be elasticsearch or opensearch, not '$1'" ;;
esac

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-tilondon.settings.dev}"
PY="$ROOT/.venv/bin/python"
"$PY" manage.py migrate --no-input -v 0
"$PY" manage.py load_demo_content
"$PY" manage.py rebuild_library_index
"$PY" manage.py create_dev_admin

# The worker applies search index updates queued by publishing.
"$PY" manage.py db_worker >"$LOG_DIR/worker.log" 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT

say "serving http://127.0.0.1:8000 (Ctrl+C to stop)"
"$PY" manage.py runserver 127.0.0.1:8000
