#!/usr/bin/env bash
# Start or stop a single-node Elasticsearch on 127.0.0.1 for development and tests.
# The integration-test distribution comes from Maven Central (cached in ~/.m2); it has no
# bundled JDK and only core analysis. Security is off: it listens on loopback only.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

VERSION="${ELASTICSEARCH_VERSION:-9.5.4}"
PORT="${ELASTICSEARCH_PORT:-9200}"
PIDFILE="$RUN_DIR/elasticsearch.pid"
LOG="$LOG_DIR/elasticsearch.log"

start() {
  if pid_alive "$PIDFILE"; then say "Elasticsearch already running"; return 0; fi
  local user home dist java_home
  user=$(service_user practice-search)
  home=$(service_home "$user" "elasticsearch-$VERSION")
  dist="$home/elasticsearch-$VERSION"
  unpack_elasticsearch "$VERSION" "$user" "$home"
  java_home=$(find_java_home 21) || die "Elasticsearch $VERSION needs Java 21 or newer under /usr/lib/jvm"
  rm -rf "$home/data"
  mkdir -p "$home/data" "$home/logs"
  [ -z "$user" ] || chown -R "$user" "$home/data" "$home/logs"
  say "starting Elasticsearch $VERSION on 127.0.0.1:$PORT (Java: $java_home)"
  : > "$LOG"
  as_user "$user" env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$dist/bin/elasticsearch" -d -p "$home/es.pid" \
    -E cluster.name=practice-library-local -E node.name=local \
    -E network.host=127.0.0.1 -E http.port="$PORT" -E transport.port=9310 \
    -E discovery.type=single-node -E xpack.security.enabled=false \
    -E path.data="$home/data" -E path.logs="$home/logs" \
    -E action.destructive_requires_name=false -E cluster.routing.allocation.disk.threshold_enabled=false \
    >>"$LOG" 2>&1 || { tail -n 30 "$LOG" >&2; die "Elasticsearch failed to start"; }
  for _ in $(seq 1 30); do [ -s "$home/es.pid" ] && break; sleep 1; done
  cp "$home/es.pid" "$PIDFILE"
  wait_for_http "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" 120 Elasticsearch "$home/logs/practice-library-local.log"
}

stop() { stop_pidfile "$PIDFILE" Elasticsearch; }

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
