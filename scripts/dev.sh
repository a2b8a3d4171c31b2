#!/usr/bin/env bash
# Sets up what is missing, then serves the app on the bundled sample feed at
# http://127.0.0.1:8080/ with live rebuilds. Extra arguments go to trunk serve
# (for example --release, or --port 9000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
exec trunk serve "$@"
