#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting, lints, unit, store contract and HTTP
# integration tests, the PostgreSQL schema's tests (on a throw-away cluster when no server is
# given), schema-based fuzzing of the API, then the browser tests against the real
# server and the real built app.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_wasm_target
ensure_node_modules
ensure_chromium
ensure_smtp_sink
ensure_checkers
ensure_postgres

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Widget size budget (widget.js + widget.css, gzip -9, at most 10 KiB)"
scripts/widget-budget.sh

step "Lints (clippy -D warnings): server, model and tools on the host, the app on wasm32"
cargo clippy --workspace --exclude consentry-app --exclude consentry-ui --exclude consentry-site --exclude consentry-signup --exclude consentry-privacy --all-targets -- -D warnings
cargo clippy --package consentry-app --package consentry-ui --package consentry-site --package consentry-signup --package consentry-privacy --target wasm32-unknown-unknown -- -D warnings

step "Unit, store contract and HTTP integration tests"
# The HTTP tests keep every receipt they see here; webhooks are checked with standardwebhooks.
CONSENTRY_RECEIPTS_DIR="$(mktemp -d)"
export CONSENTRY_RECEIPTS_DIR
# The servers the HTTP tests start log here, as JSON (searched for personal values below).
CONSENTRY_TEST_LOG_FILE="$(mktemp --suffix=.log)"
at_exit 'rm -f "$CONSENTRY_TEST_LOG_FILE"'
export CONSENTRY_TEST_LOG_FILE
cargo test --workspace --exclude consentry-app --exclude consentry-ui --exclude consentry-site --exclude consentry-signup --exclude consentry-privacy

step "The HTTP integration tests again, on PostgreSQL (a database per test)"
# Left out: tests of the SQLite file itself (backup and restore of the file, its move to
# PostgreSQL) and of what only older SQLite versions wrote. Every other test reaches the
# app's rows through tests/api/rows.rs and runs on both.
ON_SQLITE_FILE=(
  backup::a_backup_taken_during_writes_restores_verified_and_the_erased_subject_stays_erased
  backup::restoring_without_the_key_file_is_refused_before_anything_changes
  backup::scheduled_backups_are_made_when_due_sealed_and_the_oldest_pruned
  migrate::an_installation_moves_from_sqlite_to_postgres_with_all_of_its_evidence
  # Secrets as versions before they were wrapped stored them: those versions ran on SQLite
  # only. The PostgreSQL schema starts after that (an unwrapped secret there is corrupt), so
  # its store has nothing older to wrap when it opens.
  webhooks::secrets_stored_by_an_older_version_are_wrapped_when_the_store_opens
)
CONSENTRY_TEST_BACKEND=postgres cargo test --package consentry-server --test api -- \
  $(printf -- '--skip %s ' "${ON_SQLITE_FILE[@]}")

step "No test subject's address or name in the servers' log of both HTTP passes"
python3 scripts/scan-test-log.py "$CONSENTRY_TEST_LOG_FILE" server/tests/api/*.rs

step "Every receipt the tests produced against schemas/ (jsonschema, Draft 2020-12)"
"$CONSENTRY_PYTHON" scripts/validate-receipts.py "$CONSENTRY_RECEIPTS_DIR"
rm -rf "$CONSENTRY_RECEIPTS_DIR"

step "Building the admin app (release) and the server"
cargo xtask build-spa
cargo build --package consentry-server --bin consentry

export CONSENTRY_BIN="$CARGO_TARGET_DIR/debug/consentry"

step "The OpenAPI document against the OpenAPI 3.1 specification (openapi-spec-validator)"
OPENAPI_JSON="$(mktemp --suffix=.json)"
"$CONSENTRY_BIN" openapi >"$OPENAPI_JSON"
"$CONSENTRY_VENV/bin/openapi-spec-validator" "$OPENAPI_JSON"
rm -f "$OPENAPI_JSON"
scripts/fuzz-api.sh

step "Browser tests (Playwright, Debian Chromium, axe-core)"
E2E_DATA_DIR="$(mktemp -d)"
at_exit 'rm -rf "$E2E_DATA_DIR"'
export E2E_DATA_DIR
E2E_PORT="$(free_port)"
E2E_SMTP_PORT="$(free_port)"
E2E_HOST_PORT="$(free_port)"
export E2E_PORT E2E_SMTP_PORT E2E_HOST_PORT
export E2E_DIST_DIR="$ROOT/dist"
npx playwright test --config end2end/playwright.config.ts
