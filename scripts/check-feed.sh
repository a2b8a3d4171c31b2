#!/usr/bin/env bash
# Checks a feed the way the app reads it, before readers see it: its format, the items the app
# will show, the items it skips and why, and what the publisher can fix (items without a date,
# relative links, pictures and articles over 1 MB, duplicate ids).
#
#   scripts/check-feed.sh FEED [--address URL]
#
#   FEED           a file, or an http(s) address
#   --address URL  where the file will be published (its relative links resolve against it)
#
# Exit codes: 0 the app will show at least one item (there may be warnings); 1 it will show
# nothing (no usable items, not a feed, over 16 MB); 2 usage error, or FEED cannot be read.
# It runs ban-tin-cli (built here on first use) from the repository's root.
set -euo pipefail
if [ "$#" -lt 1 ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
caller="$PWD"
cd "$(dirname "$0")/.."
# A relative FEED path given from another folder is the caller's, not the root's.
args=()
for arg in "$@"; do
  case "$arg" in
    -* | /* | http://* | https://* | file://*) args+=("$arg") ;;
    *) if [ "$caller" != "$PWD" ] && [ -e "$caller/$arg" ]; then args+=("$caller/$arg"); else args+=("$arg"); fi ;;
  esac
done
export PATH="$HOME/.cargo/bin:$PATH"
status=0
cargo run --quiet --release -p ban-tin-cli -- check "${args[@]}" || status=$?
exit "$status"
