#!/usr/bin/env bash
# The web interface's figures (benches/results/web.md): 20 one-megabyte PDFs dropped in
# headless Chromium against the same uploads with curl, and the weight and load times of a
# year view of 100 documents. Release build; Chromium, chromedriver, curl and jq installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_runtime_deps
install_test_tools
install_python_tools
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$COFFRE_CACHE/target}"
out=$(mktemp)
COFFRE_BENCH_OUT="$out" cargo test --release --locked --test api browser::bench_web_interface -- --ignored --nocapture
{
  echo "# Web interface"
  echo
  echo "Measured by \`benches/web.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, release build, embedded store"
  echo "and SQLite, headless Chromium $(chromium --version 2>/dev/null | awk '{print $2}'), everything on loopback)."
  echo "Browser time: from the drop event to the 20th row shown available (finalized), read in"
  echo "the page with \`performance.now()\`; the browser hashes each file, creates it, PUTs it with"
  echo "progress and finalizes it, three at a time, then asks for OCR (not counted). Page weight: bytes"
  echo "of HTML, JS, CSS and thumbnails (uncompressed sizes), after scrolling the whole list (the"
  echo "thumbnails load lazily)."
  echo
  cat "$out"
} > benches/results/web.md
cat benches/results/web.md
