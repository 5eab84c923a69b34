#!/usr/bin/env bash
# A small Elasticsearch cluster on 127.0.0.1 for `make chaos` and the fault tests, and the
# faults it takes:
#
#   es-cluster.sh start | stop
#   es-cluster.sh kill-node N | restart-node N | freeze-node N | thaw-node N
#
# By default three nodes named chaos-N: node N answers HTTP on 960N and talks to the others on
# 970N. ES_CLUSTER_NAME, ES_CLUSTER_SIZE, ES_CLUSTER_HTTP_BASE, ES_CLUSTER_TRANSPORT_BASE and
# ES_CLUSTER_HEAP make another, e.g. the one-node cluster the fault tests kill and freeze. The
# nodes share the unpacked
# distribution that scripts/elasticsearch.sh uses (and its hunspell dictionary) but each has its
# own data, logs and pid file. `start` wipes their data; `restart-node` keeps it, so a killed
# node comes back with what it held. Security is off: everything listens on loopback only.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

VERSION="${ELASTICSEARCH_VERSION:-9.5.4}"
NAME="${ES_CLUSTER_NAME:-chaos}"
CLUSTER="practice-library-$NAME"
SIZE="${ES_CLUSTER_SIZE:-3}"
HTTP_BASE="${ES_CLUSTER_HTTP_BASE:-9600}"
TRANSPORT_BASE="${ES_CLUSTER_TRANSPORT_BASE:-9700}"
HEAP="${ES_CLUSTER_HEAP:-512m}"
NODES=($(seq 1 "$SIZE"))
SEED_HOSTS=$(for n in "${NODES[@]}"; do printf '127.0.0.1:%s,' $((TRANSPORT_BASE + n)); done)
SEED_HOSTS="${SEED_HOSTS%,}"
MASTERS=$(for n in "${NODES[@]}"; do printf '%s-%s,' "$NAME" "$n"; done)
MASTERS="${MASTERS%,}"

http_port() { echo $((HTTP_BASE + $1)); }
pidfile() { echo "$RUN_DIR/es-$NAME-$1.pid"; }
node_log() { echo "$LOG_DIR/es-$NAME-$1.log"; }

check_node() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "$SIZE" ] \
    || die "no node '${1:-}': the cluster has nodes 1 to $SIZE"
}

# Sets user, home (the distribution's service folder), dist and java_home for the callers.
prepare() {
  user=$(service_user practice-search)
  home=$(service_home "$user" "elasticsearch-$VERSION")
  dist="$home/elasticsearch-$VERSION"
  unpack_elasticsearch "$VERSION" "$user" "$home"
  java_home=$(find_java_home 21) || die "Elasticsearch $VERSION needs Java 21 or newer under /usr/lib/jvm"
}

node_dir() { echo "$home/$NAME-cluster/node-$1"; }

start_node() {
  local n="$1" dir log
  dir=$(node_dir "$n")
  log=$(node_log "$n")
  if pid_alive "$(pidfile "$n")"; then say "node $n already running"; return 0; fi
  mkdir -p "$dir/data" "$dir/logs"
  rm -f "$dir/es.pid"
  [ -z "$user" ] || chown -R "$user" "$dir"
  : > "$log"
  as_user "$user" env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
    "$dist/bin/elasticsearch" -d -p "$dir/es.pid" \
    -E cluster.name="$CLUSTER" -E node.name="$NAME-$n" \
    -E network.host=127.0.0.1 -E http.port="$(http_port "$n")" -E transport.port=$((TRANSPORT_BASE + n)) \
    -E discovery.seed_hosts="$SEED_HOSTS" -E cluster.initial_master_nodes="$MASTERS" \
    -E xpack.security.enabled=false \
    -E path.data="$dir/data" -E path.logs="$dir/logs" \
    -E action.destructive_requires_name=false -E cluster.routing.allocation.disk.threshold_enabled=false \
    >>"$log" 2>&1 || { tail -n 30 "$log" >&2; die "node $n failed to start"; }
  for _ in $(seq 1 30); do [ -s "$dir/es.pid" ] && break; sleep 1; done
  [ -s "$dir/es.pid" ] || die "node $n wrote no pid file"
  cp "$dir/es.pid" "$(pidfile "$n")"
  wait_for_http "http://127.0.0.1:$(http_port "$n")/_nodes/_local?filter_path=nodes.*.name" 120 "Elasticsearch node $n" "$dir/logs/$CLUSTER.log"
}

start() {
  prepare
  local n pids=()
  for n in "${NODES[@]}"; do
    if pid_alive "$(pidfile "$n")"; then die "node $n is already running: stop the cluster first"; fi
  done
  rm -rf "$home/$NAME-cluster"
  # Three nodes starting at once would race to create the shared keystore.
  if [ ! -f "$dist/config/elasticsearch.keystore" ]; then
    as_user "$user" env ES_JAVA_HOME="$java_home" "$dist/bin/elasticsearch-keystore" create >/dev/null
  fi
  say "starting a $CLUSTER cluster of ${#NODES[@]} Elasticsearch $VERSION nodes (Java: $java_home)"
  # Side by side: no node can finish joining until a majority of the masters is up.
  for n in "${NODES[@]}"; do start_node "$n" & pids+=($!); done
  for n in "${pids[@]}"; do wait "$n" || die "a node did not start"; done
  wait_for_http "http://127.0.0.1:$(http_port 1)/_cluster/health?wait_for_status=green&wait_for_nodes=${#NODES[@]}&timeout=1s" \
    120 "the $CLUSTER cluster" "$(node_dir 1)/logs/$CLUSTER.log"
}

# A frozen process cannot act on SIGTERM, so thaw it first.
stop_node() {
  local n="$1" own
  # A node interrupted while starting has only its own pid file so far. A killed node leaves
  # a stale one behind, so trust it only for a process working in this node's log folder
  # (Elasticsearch runs in its path.logs).
  own="$(node_dir "$n")/es.pid"
  if ! pid_alive "$(pidfile "$n")" && pid_alive "$own" \
    && [ "$(readlink "/proc/$(cat "$own")/cwd")" = "$(node_dir "$n")/logs" ]; then
    cp "$own" "$(pidfile "$n")"
  fi
  if pid_alive "$(pidfile "$n")"; then kill -CONT "$(cat "$(pidfile "$n")")" 2>/dev/null || true; fi
  stop_pidfile "$(pidfile "$n")" "Elasticsearch node $n"
}

stop() {
  local n pids=()
  user=$(service_user practice-search)
  home=$(service_home "$user" "elasticsearch-$VERSION")
  for n in "${NODES[@]}"; do stop_node "$n" & pids+=($!); done
  for n in "${pids[@]}"; do wait "$n" || true; done
}

kill_node() {
  local n="$1" pid
  pid_alive "$(pidfile "$n")" || die "node $n is not running"
  pid=$(cat "$(pidfile "$n")")
  kill -KILL "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$(pidfile "$n")"
  say "killed node $n (pid $pid)"
}

restart_node() {
  prepare
  [ -d "$(node_dir "$1")/data" ] || die "node $1 has no data to restart from: start the cluster first"
  start_node "$1"
}

signal_node() {
  local n="$1" signal="$2" verb="$3"
  pid_alive "$(pidfile "$n")" || die "node $n is not running"
  kill -"$signal" "$(cat "$(pidfile "$n")")"
  say "$verb node $n"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  kill-node) check_node "${2:-}"; kill_node "$2" ;;
  restart-node) check_node "${2:-}"; restart_node "$2" ;;
  freeze-node) check_node "${2:-}"; signal_node "$2" STOP froze ;;
  thaw-node) check_node "${2:-}"; signal_node "$2" CONT thawed ;;
  *) die "usage: $0 start|stop|kill-node N|restart-node N|freeze-node N|thaw-node N" ;;
esac
