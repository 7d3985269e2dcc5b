#!/usr/bin/env bash
# Outside evaluation of field extraction: documents the tuning of the extraction never sees.
#
#   bash benches/ocr/outside/run.sh --bin PATH_TO_COFFRE [--md FILE] [--out DIR] [run.py options]
#
# Installs what it needs (Debian: tesseract fra+eng, poppler-utils, qpdf, the DejaVu, Liberation
# and FreeFont TrueType fonts; Python: requirements.txt in a venv under
# ${COFFRE_CACHE:-$HOME/.cache/coffre}), fetches the set-A archives from PyPI into
# $COFFRE_CACHE/outside-fetched (sha256 checked), draws set B, runs every document through
# `coffre ocr run` two at a time and prints the aggregate tables. Per-document details:
# OUT/details.json (default OUT: a fresh directory under $TMPDIR, kept and named on stderr).
# See README.md beside this file.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../../scripts/lib.sh
source "$here/../../../scripts/lib.sh"

apt_install python3-venv tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng poppler-utils qpdf \
  fonts-dejavu-core fonts-liberation fonts-freefont-ttf

sum=$(sha256sum "$here/requirements.txt" | cut -c1-16)
venv="$COFFRE_CACHE/venv-outside-$sum"
if [ ! -x "$venv/bin/python" ]; then
  log "python venv $venv"
  python3 -m venv "$venv.tmp.$$"
  "$venv.tmp.$$/bin/pip" install -q -r "$here/requirements.txt"
  mv "$venv.tmp.$$" "$venv"
fi

args=("$@")
have_out=0
for a in "$@"; do [ "$a" = --out ] && have_out=1; done
if [ "$have_out" = 0 ]; then
  out=$(mktemp -d "${TMPDIR:-/tmp}/coffre-ocr-outside.XXXXXX")
  log "documents and details.json in $out"
  args+=(--out "$out")
fi
mkdir -p "$COFFRE_CACHE/outside-fetched"
export OMP_THREAD_LIMIT=1
exec "$venv/bin/python" "$here/run.py" --cache "$COFFRE_CACHE/outside-fetched" "${args[@]}"
