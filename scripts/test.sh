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

step "Widget size budget (widget.js + widget.css, gzip -9, at most 12 KiB)"
scripts/widget-budget.sh

step "Lints (clippy -D warnings): server, model and tools on the host, the app on wasm32"
cargo clippy --workspace --exclude consentry-app --exclude consentry-ui --exclude consentry-site --exclude consentry-signup --exclude consentry-privacy --all-targets -- -D warnings
cargo clippy --package consentry-app --package consentry-ui --package consentry-site --package consentry-signup --package consentry-privacy --target wasm32-unknown-unknown -- -D warnings

step "Unit, store contract and HTTP integration tests"
# The HTTP tests keep every receipt they see here; webhooks are checked with standardwebhooks.
CONSENTRY_RECEIPTS_DIR="$(mktemp -d)"
export CONSENTRY_RECEIPTS_DIR
cargo test --workspace --exclude consentry-app --exclude consentry-ui --exclude consentry-site --exclude consentry-signup --exclude consentry-privacy

step "The HTTP integration tests again, on PostgreSQL (a database per test)"
# Left out: tests that read or write the SQLite file itself, or start the binary on it (its
# bytes after erasure, a kill -9 of its writer, backup and restore of the file, rows changed
# behind the server's back with SQLite's own SQL). Tests that change rows through
# tests/api/rows.rs run on both; these are still to be made so. Until then the PostgreSQL
# store's own tests (store-postgres/tests) are what checks those guarantees there.
ON_SQLITE_FILE=(
  backup::a_backup_taken_during_writes_restores_verified_and_the_erased_subject_stays_erased
  backup::restoring_without_the_key_file_is_refused_before_anything_changes
  crash::after_kill_9_and_a_restart_every_acknowledged_public_write_is_there
  encryption::encrypted_values_never_reach_the_files_yet_stay_readable_and_findable
  encryption::key_rotation_keeps_every_value_readable_and_leaves_nothing_on_the_old_key
  erasure::after_erasure_no_byte_of_the_subject_remains_in_the_database_its_wal_or_the_log
  export::the_export_holds_everything_about_the_subject_and_reaches_them_by_an_expiring_link
  fields::options_in_use_stay_and_a_removed_field_takes_its_values_along
  forms::a_new_form_starts_with_an_english_and_dutch_draft_and_publishes_immutable_versions
  idempotency_crash::keyed_writes_in_flight_at_kill_9_each_make_their_change_once_when_retried
  job_crash::a_command_line_import_goes_on_while_the_server_beside_it_restarts
  job_crash::an_import_batch_and_its_count_on_the_job_commit_together
  job_crash::an_import_cut_off_by_kill_9_is_interrupted_with_exactly_what_it_wrote
  job_crash::ctrl_c_stops_a_command_line_import_at_once_and_marks_it_interrupted
  mail_delivery::a_message_from_before_links_were_sealed_has_its_token_masked_at_start
  migrate::an_installation_moves_from_sqlite_to_postgres_with_all_of_its_evidence
  requests::unknown_addresses_get_the_same_answer_and_codes_expire_and_run_out
  webhooks::secrets_stored_by_an_older_version_are_wrapped_when_the_store_opens
)
CONSENTRY_TEST_BACKEND=postgres cargo test --package consentry-server --test api -- \
  $(printf -- '--skip %s ' "${ON_SQLITE_FILE[@]}")

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
