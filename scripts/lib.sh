# Shared helpers for the service scripts: where things live, who runs them, waiting.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR="$ROOT/var"
RUN_DIR="$VAR/run"
LOG_DIR="$VAR/log"
mkdir -p "$RUN_DIR" "$LOG_DIR"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The unprivileged account a service runs as when we are root (Elasticsearch and
# PostgreSQL both refuse to run as root). Empty when we are not root.
service_user() {
  local user="$1"
  [ "$(id -u)" = 0 ] || return 0
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user" || die "could not create user $user"
  fi
  echo "$user"
}

as_user() {
  local user="$1"; shift
  if [ -n "$user" ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# A folder the service account can write to: under var/ when it can reach the checkout,
# otherwise in /var/tmp (a checkout under /root is closed to other accounts).
service_home() {
  local user="$1" name="$2" dir
  dir="$VAR/engines/$name"
  if [ -n "$user" ] && ! runuser -u "$user" -- test -x "$ROOT" 2>/dev/null; then
    dir="/var/tmp/practice-library-$(echo "$ROOT" | md5sum | cut -c1-8)/$name"
  fi
  mkdir -p "$dir"
  [ -z "$user" ] || chown -R "$user" "$dir"
  echo "$dir"
}

# A JDK of at least the given major version, newest first.
find_java_home() {
  local want="$1" dir version
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -r) ${JAVA_HOME:+"$JAVA_HOME/"}; do
    [ -x "$dir/bin/java" ] || continue
    version=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ -n "$version" ] && [ "${version%%.*}" -ge "$want" ]; then echo "${dir%/}"; return 0; fi
  done
  return 1
}

# Elasticsearch's integration-test distribution, fetched from Maven Central (cached in ~/.m2)
# and unpacked once into `home` as home/elasticsearch-<version>. It has no bundled JDK and only
# core analysis, so every node stems with hunspell and Debian's en_GB dictionary, copied into
# its config folder here.
unpack_elasticsearch() {
  local version="$1" user="$2" home="$3" dist zip
  dist="$home/elasticsearch-$version"
  if [ ! -x "$dist/bin/elasticsearch" ]; then
    say "fetching Elasticsearch $version from Maven Central"
    mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip" -Dtransitive=false
    zip="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$version/elasticsearch-$version.zip"
    unzip -q -o "$zip" -d "$home"
  fi
  # Copied on every start, so a distribution unpacked before the dictionary was installed
  # still gets it.
  mkdir -p "$dist/config/hunspell/en_GB"
  cp /usr/share/hunspell/en_GB.aff /usr/share/hunspell/en_GB.dic "$dist/config/hunspell/en_GB/"
  [ -z "$user" ] || chown -R "$user" "$home"
}

# Wait until a URL answers 200, or fail after the given number of seconds.
wait_for_http() {
  local url="$1" seconds="$2" name="$3" log="$4" i
  for i in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then say "$name is up at $url"; return 0; fi
    sleep 1
  done
  echo "--- last lines of $log ---" >&2; tail -n 30 "$log" >&2 || true
  die "$name did not become healthy within ${seconds}s"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pidfile() {
  local pidfile="$1" name="$2" pid i
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; return 0; fi
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  say "stopped $name"
}
