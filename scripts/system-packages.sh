#!/usr/bin/env bash
# Install the Debian packages the tests need, if any are missing: PostgreSQL, Chromium and
# its driver, and the British English hunspell dictionary used for stemming in the index.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

packages=(postgresql chromium chromium-driver hunspell-en-gb curl unzip)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

say "installing Debian packages: ${missing[*]}"
[ "$(id -u)" = 0 ] || die "run as root, or install them yourself: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The package starts a cluster of its own on 5432; the tests run a private one instead.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r v c; do pg_ctlcluster "$v" "$c" stop || true; done
fi
