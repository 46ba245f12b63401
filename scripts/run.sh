#!/usr/bin/env bash
# Sets up what is missing, builds the admin app and starts Consentry on the embedded SQLite
# database (./data/consentry.db). Extra arguments go to `consentry serve`.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_wasm_target
ensure_node_modules

step "Building the admin app (WebAssembly)"
cargo xtask build-spa

step "Building and starting the server"
cargo build --release --package consentry-server --bin consentry
exec "$CARGO_TARGET_DIR/release/consentry" serve "$@"
