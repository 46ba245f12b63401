#!/usr/bin/env bash
# The widget's figures: its bytes (raw and gzip -9) next to the npm tarballs of
# vanilla-cookieconsent, orejime and klaro measured the same way in the same run, and the
# banner's time-to-visible in headless Chromium next to vanilla-cookieconsent's on an
# identical page. Prints figures; gates nothing.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_chromium
ensure_smtp_sink

PEERS="$(mktemp -d)"
DATA="$(mktemp -d)"
trap 'rm -rf "$PEERS" "$DATA"' EXIT

measure() { # label, files...
  local label="$1" raw=0 gz=0
  shift
  for file in "$@"; do
    raw=$((raw + $(wc -c <"$file")))
    gz=$((gz + $(gzip -9 -c "$file" | wc -c)))
  done
  awk -v l="$label" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "  %-34s %8d bytes raw  %7d bytes gzip -9  (%.1f KiB)\n", l, r, g, g / 1024 }'
}

step "Fetching the peers' npm tarballs"
(cd "$PEERS" && npm pack --silent vanilla-cookieconsent@3.1.0 orejime@3.2.1 klaro@0.7.22 >/dev/null)
for tarball in "$PEERS"/*.tgz; do
  dir="${tarball%.tgz}"
  mkdir -p "$dir" && tar xzf "$tarball" -C "$dir"
done
vcc="$PEERS/vanilla-cookieconsent-3.1.0/package/dist"

step "Bytes a site loads (script + style, each compressed on its own)"
measure "Consentry widget.js + widget.css" widget/widget.js widget/widget.css
measure "vanilla-cookieconsent 3.1.0" "$vcc/cookieconsent.umd.js" "$vcc/cookieconsent.css"
measure "orejime 3.2.1 (standard, en)" "$PEERS/orejime-3.2.1/package/dist/orejime-standard-en.js" \
  "$PEERS/orejime-3.2.1/package/dist/orejime-standard.css"
measure "klaro 0.7.22 (style built in)" "$PEERS/klaro-0.7.22/package/dist/klaro.js"

step "Banner time-to-visible (headless Chromium)"
cargo build --quiet --package consentry-server --bin consentry
export CONSENTRY_BIN="$CARGO_TARGET_DIR/debug/consentry"
export E2E_DATA_DIR="$DATA" E2E_DIST_DIR="$ROOT/dist" E2E_PEERS_DIR="$vcc"
E2E_PORT="$(free_port)"
E2E_SMTP_PORT="$(free_port)"
E2E_HOST_PORT="$(free_port)"
export E2E_PORT E2E_SMTP_PORT E2E_HOST_PORT
npx playwright test --config end2end/bench.config.ts --reporter=line 2>&1 |
  grep -E '^(Banner|  )' || { echo "the banner benchmark failed" >&2; exit 1; }
