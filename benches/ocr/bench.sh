#!/usr/bin/env bash
# OCR benchmark: per-field accuracy of `coffre ocr run` on a generated corpus with known truth
# (e-invoices, text-layer PDFs, scanned PDFs, phone photos, TIFF scans; French and English;
# invoices, credit notes and till receipts), against a plain `tesseract` + regex baseline, and
# OCR throughput against the tesseract command line on the same pages, in the same run.
#
#   bash benches/ocr/bench.sh
#
# Steps: installs tesseract (fra, eng) and poppler-utils if missing, the Python packages of the
# generator (reportlab, Pillow, factur-x) into the test venv, builds `cargo build --release`,
# generates COUNT documents with benches/ocr/generate.py (seeded, checked with --verify) into a
# scratch directory, then runs benches/ocr/bench.py, which prints the tables and writes them
# to benches/results/ocr.md.
#
# Environment (all optional):
#   COUNT=100        documents in the corpus (at least 100 for the published table)
#   SEED=20260315    corpus seed
#   ROUNDS=3         throughput rounds (Coffre and the reference alternate; best of each kept)
#   SKIP_BUILD=1     use the existing release binary
#   BENCH_KEEP=1     keep the scratch directory (corpus, truth.json, results.json with every
#                    extracted text and field)
#   BENCH_TMPDIR     parent of the scratch directory (default: $TMPDIR or /tmp)
#   BIN=PATH         the coffre binary to measure (default: the release build); a debug build
#                    gives the same fields, only slower
#   HELDOUT_ONLY=1   only the development / held-out corpus table (benches/ocr/heldout.py), no
#                    generated corpus, no baseline, no throughput
#
# Run it on an otherwise idle machine: the throughput part measures wall-clock time.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT=$(pwd)
# shellcheck source=../../scripts/lib.sh
source scripts/lib.sh

COUNT=${COUNT:-100}
SEED=${SEED:-20260315}
export ROUNDS=${ROUNDS:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-$REPO_ROOT/target}
BIN=${BIN:-$TARGET_DIR/release/coffre}

apt_install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng poppler-utils
install_python_tools # the pinned test venv (scripts/python/requirements.lock)
PY="$COFFRE_TEST_PYTHON"

if [[ "${SKIP_BUILD:-0}" != 1 && "$BIN" == "$TARGET_DIR/release/coffre" ]]; then
    log "cargo build --release"
    cargo build --release >&2
fi
[[ -x "$BIN" ]] || { echo "no binary at $BIN" >&2; exit 1; }

work=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/coffre-ocr-bench.XXXXXX")
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    log "scratch directory kept: $work"
else
    trap 'rm -rf "$work"' EXIT
fi

export OMP_THREAD_LIMIT=1
if [[ "${HELDOUT_ONLY:-0}" == 1 ]]; then
    log "development and held-out layouts (benches/ocr/heldout.py)"
    "$PY" benches/ocr/heldout.py --bin "$BIN" --out "$work/heldout" --md benches/results/ocr.md --append
    exit 0
fi

log "generating $COUNT documents (seed $SEED)"
"$PY" benches/ocr/generate.py --out "$work/corpus" --count "$COUNT" --seed "$SEED" --verify 2>"$work/generate.log" \
    || { cat "$work/generate.log" >&2; exit 1; }
tail -n 2 "$work/generate.log" >&2

log "benchmark (accuracy, then throughput)"
export OMP_THREAD_LIMIT=1
"$PY" benches/ocr/bench.py --corpus "$work/corpus" --bin "$BIN" --out benches/results/ocr.md \
    --dump "$work/results.json" --command "bash benches/ocr/bench.sh"

# The development corpus (19 layouts seen while tuning) and 5 held-out layouts (drawn before
# the precision pass, scored apart), 6 languages, text layer / scan / photo, appended to the same
# results file.
log "development corpus (benches/ocr/heldout.py)"
"$PY" benches/ocr/heldout.py --bin "$BIN" --out "$work/heldout" --md benches/results/ocr.md --append
