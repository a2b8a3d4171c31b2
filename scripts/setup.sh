#!/usr/bin/env bash
# Installs what the project needs and is missing; reuses whatever is already installed.
# Usage: scripts/setup.sh [--test]   (--test also installs what the tests use from Debian:
#                                      Chromium for the browser tests, nginx for the deployment test)
# Source it (". scripts/setup.sh") or run it; either way it ends by printing the tool versions.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
want_test_tools=0
for arg in "$@"; do
  [ "$arg" = "--test" ] && want_test_tools=1
done

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

step() { printf '\n== %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

have cargo || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
have node && have npm || { echo "node and npm are missing: install Node.js 20 or newer" >&2; exit 1; }

if have rustup && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION\b"; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: one of its locked dependencies is not served by the registry here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci (wasm-opt from binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

if [ "$want_test_tools" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    as_root apt-get install -y --no-install-recommends "${missing[@]}" \
      || { as_root apt-get update && as_root apt-get install -y --no-install-recommends "${missing[@]}"; }
  fi
fi

step "tools"
echo "$(cargo --version)"
echo "$(trunk --version)"
echo "$(wasm-bindgen --version)"
echo "wasm-opt: $(wasm-opt --version)"
echo "node $(node --version)"
if [ "$want_test_tools" = 1 ]; then
  /usr/bin/chromium --version 2>/dev/null || true
  /usr/sbin/nginx -v 2>&1 || true
fi
true
