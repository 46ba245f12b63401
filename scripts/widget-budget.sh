#!/usr/bin/env bash
# The widget's size budget: widget.js plus widget.css, each compressed with gzip -9 as a
# browser fetches them, must stay within 10 KiB. Prints the figures; fails over budget.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

BUDGET=$((10 * 1024))
total=0
for file in widget/widget.js widget/widget.css; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '  %-20s %6d bytes raw  %6d bytes gzip -9\n' "$file" "$raw" "$gz"
done
printf '  %-20s %6s            %6d bytes gzip -9 (budget %d)\n' "together" "" "$total" "$BUDGET"
if [ "$total" -gt "$BUDGET" ]; then
  echo "The widget is over its size budget by $((total - BUDGET)) bytes." >&2
  exit 1
fi
