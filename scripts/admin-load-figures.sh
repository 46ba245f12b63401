#!/usr/bin/env bash
# The admin app's first load in headless Chromium: time to the sign-in page being usable
# (median of 11 cold loads) and the bytes it took, for the built app in dist/ and, when given,
# for another build's dist directory (e.g. one built from an earlier commit) to compare with.
# Prints figures; gates nothing.
#   scripts/admin-load-figures.sh [other-dist-dir]
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_chromium
ensure_smtp_sink

[ -f dist/index.html ] || cargo xtask build-spa
cargo build --quiet --package consentry-server --bin consentry
export CONSENTRY_BIN="$CARGO_TARGET_DIR/debug/consentry"

measure() { # label, dist dir
  local data
  data="$(mktemp -d)"
  E2E_PORT="$(free_port)" E2E_SMTP_PORT="$(free_port)" E2E_HOST_PORT="$(free_port)" \
    E2E_DATA_DIR="$data" E2E_DIST_DIR="$2" BENCH_LABEL="$1" \
    npx playwright test --config end2end/bench.config.ts --reporter=line admin-load 2>&1 |
    grep -E '^(Admin|  each)' || { echo "the admin load benchmark failed" >&2; rm -rf "$data"; exit 1; }
  rm -rf "$data"
}

step "Admin sign-in on a cold load (headless Chromium)"
measure "this build" "$ROOT/dist"
if [ -n "${1:-}" ]; then
  measure "$1" "$(cd "$1" && pwd)"
fi
