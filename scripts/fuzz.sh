#!/usr/bin/env bash
# Coverage-guided fuzzing beyond the API (cargo-fuzz, libFuzzer): the CSV import, the merge-field
# templates, the receipt verifier and the model's text parsers (targets in fuzz/fuzz_targets/).
# Each target runs for FUZZ_SECONDS (default 60) from its hand-written seeds (fuzz/seeds/) and
# its kept corpus (fuzz/corpus/, in the repository); afterwards the corpus is minimised with
# `cargo fuzz cmin`. Prints per target the runs, execs/s and coverage; exits non-zero when a
# target crashed (the input is in fuzz/artifacts/<target>/, not committed: turn it into a unit
# test beside the code it broke).
#
#   scripts/fuzz.sh                     every target, 60 s each
#   FUZZ_SECONDS=10 scripts/fuzz.sh receipts templates
#
# Not part of scripts/test.sh: the instrumented build of the server and its dependencies is long
# cold (76 minutes on this project's shared 2-core machines), then 4 minutes of fuzzing.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/consentry-target-fuzz}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
CARGO_FUZZ_VERSION=0.13.2
TARGETS=(csv_import templates receipts text_parsers)
[ "$#" -gt 0 ] && TARGETS=("$@")

if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  step "Installing cargo-fuzz $CARGO_FUZZ_VERSION (crates.io)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
command -v c++ >/dev/null || apt_install g++ # libfuzzer-sys compiles libFuzzer itself

# cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov-module, ...). The toolchain
# here is stable and no nightly can be fetched, so the stable compiler is told to accept them.
# AddressSanitizer works so: stable's rust-std ships its runtime (librustc-stable_rt.asan.a).
# The targets are safe Rust, so it mostly guards the C++ of libFuzzer and the C in the
# dependencies; FUZZ_SANITIZER=none runs faster without it.
export RUSTC_BOOTSTRAP=1
SANITIZER="${FUZZ_SANITIZER:-address}"
FUZZ=(cargo fuzz)
BUILD_FLAGS=(--sanitizer "$SANITIZER")

LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT

step "Building the fuzz targets (sanitizer: $SANITIZER)"
for target in "${TARGETS[@]}"; do
  "${FUZZ[@]}" build "${BUILD_FLAGS[@]}" "$target" >"$LOGS/build.log" 2>&1 || {
    echo "The fuzz target $target does not build:" >&2
    tail -40 "$LOGS/build.log" >&2
    exit 1
  }
done

declare -A RESULT
failed=()
for target in "${TARGETS[@]}"; do
  step "Fuzzing $target for ${FUZZ_SECONDS}s"
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  extra=()
  [ -f "fuzz/$target.dict" ] && extra+=("-dict=fuzz/$target.dict")
  if "${FUZZ[@]}" run "${BUILD_FLAGS[@]}" "$target" "$corpus" "fuzz/seeds/$target" -- \
    -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    "${extra[@]}" >"$LOGS/$target.log" 2>&1; then
    outcome=ok
  else
    outcome=CRASHED
    failed+=("$target")
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written to' "$LOGS/$target.log" | head -20 >&2 || true
  fi
  log="$LOGS/$target.log"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)"
  RESULT[$target]="$outcome|${runs:-?}|${speed:-?}|${cov:-?}"
done

step "Minimising the corpus (cargo fuzz cmin)"
for target in "${TARGETS[@]}"; do
  if [ -n "$(ls -A "fuzz/corpus/$target" 2>/dev/null)" ]; then
    "${FUZZ[@]}" cmin "${BUILD_FLAGS[@]}" "$target" "fuzz/corpus/$target" >"$LOGS/$target.cmin.log" 2>&1 ||
      { echo "cmin of $target failed:" >&2; tail -20 "$LOGS/$target.cmin.log" >&2; }
  fi
done

step "Results (${FUZZ_SECONDS}s per target, sanitizer $SANITIZER)"
printf '%-14s %-8s %12s %10s  %-24s %s\n' target outcome runs execs/s coverage corpus
for target in "${TARGETS[@]}"; do
  IFS='|' read -r outcome runs speed cov <<<"${RESULT[$target]}"
  files="$(find "fuzz/corpus/$target" -type f | wc -l)"
  size="$(($(du -sb --apparent-size "fuzz/corpus/$target" | cut -f1) / 1024)) KB"
  printf '%-14s %-8s %12s %10s  %-24s %s files, %s\n' "$target" "$outcome" "$runs" "$speed" "$cov" "$files" "$size"
done
total_kb="$(($(du -sb --apparent-size fuzz/corpus | cut -f1) / 1024))"
echo "Corpus in the repository: ${total_kb} KB (keep it under 2 MB)."

if [ "${#failed[@]}" -gt 0 ]; then
  echo "Crashed: ${failed[*]} — the inputs are in fuzz/artifacts/; reproduce one with" \
    "RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer $SANITIZER <target> <file>." >&2
  exit 1
fi
