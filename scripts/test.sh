#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test:
#   formatting, clippy (host and wasm32), host unit tests, the release build, the pre-render
#   command, the size report, and the browser end-to-end tests against the release build served
#   on 127.0.0.1 (plain, pre-rendered, and under nginx).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" --test
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy (wasm32)"
# ban-tin-cli is a host command (it renders pages at deploy time), never built for the browser.
cargo clippy --workspace --exclude ban-tin-cli --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "cargo test (host)"
cargo test --workspace --locked

step "trunk build --release"
trunk build --release --locked

step "cargo build --release -p ban-tin-cli (the pre-render command the browser tests run)"
cargo build --release --locked -p ban-tin-cli

step "size report"
node scripts/size-report.mjs dist

step "browser tests (Chromium, release build on 127.0.0.1)"
node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec tests/
