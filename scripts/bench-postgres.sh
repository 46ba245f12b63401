#!/usr/bin/env bash
# Benchmarks consent answers and banner decisions on PostgreSQL with 1, 2 and 3 instances next
# to pgbench and SQLite (server/benches/instances_load.rs). Uses the PostgreSQL server named in
# CONSENTRY_TEST_POSTGRES_URL, one answering on 127.0.0.1:5432, or a throw-away cluster it
# starts and stops (installing Debian's postgresql package when missing), as the test command.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_postgres
cargo bench -p consentry-server --bench instances_load
