#!/usr/bin/env bash
# Pre-renders the pages of a feed into a built dist/, so that the first view of every page is a
# static page (fast on weak connections, readable without JavaScript, with link previews), and
# the app takes over when it has loaded. Run it after each publication (cron or CI), and after
# every build:
#
#   scripts/prerender.sh DIST FEED [--prune]
#
#   DIST     a built dist/ (trunk build --release), with its config.json
#   FEED     the feed: a file, or an http(s) address
#   --prune  also delete the pages of articles and sections no longer in the feed (by default
#            they are kept: a shared link to an article that left the feed still opens)
#
# It renders the app's own views on this machine (ban-tin-cli, built here on first use), then
# writes sw.js again (node) so that the service worker precaches the shell, not the pages.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -lt 2 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
dist="$1"
shift
export PATH="$HOME/.cargo/bin:$PATH"
cargo run --quiet --release --locked --manifest-path "$root/Cargo.toml" -p ban-tin-cli -- render "$dist" "$@"
node "$root/scripts/finalize-dist.mjs" --service-worker "$dist"
