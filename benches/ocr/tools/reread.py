#!/usr/bin/env python3
"""Development aid: read the documents of an earlier heldout.py run again with another build.

    reread.py --bin BIN --from DIR/results.json --out NEW/results.json [--only name,name]

The documents stay where the first run drew them; only `got` and `confidence` are new. With the
caching `tesseract` beside this file first on PATH, a reread costs little more than Coffre's own work.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from heldout import run  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--from", dest="source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", help="comma-separated document file names (e.g. fr-x-0-photo.png)")
    ap.add_argument("--languages", default="fra+eng")
    args = ap.parse_args()
    with open(args.source) as fh:
        entries = json.load(fh)
    if args.only:
        names = set(args.only.split(","))
        entries = [e for e in entries if os.path.basename(e["file"]) in names]
    entries = run(args.bin, entries, args.languages)
    with open(args.out, "w") as fh:
        json.dump(entries, fh, indent=1, default=str)


if __name__ == "__main__":
    main()
