#!/usr/bin/env python3
"""Development aid: what changed between two runs of heldout.py, field by field.

    compare.py BEFORE/results.json AFTER/results.json [--sets held-out-33,held-out-34] [--list]
    compare.py RUN/results.json --cells [--sets ...]

Two runs: every field whose verdict changed (right, wrong, none), counted by transition and,
with --list, named by document. One run with --cells: the issue's target cells per set
(accuracy (precision), %) and the all-fields figures.
"""
import argparse
import json
import os
from collections import Counter, defaultdict

FIELDS = ["kind", "invoiceNumber", "date", "totalExcludingTax", "totalTax", "totalIncludingTax"]


def verdict(e, f):
    got, want = e["got"][f], e["truth"][f]
    return "none" if got is None else ("right" if got == want else "wrong")


def load(path):
    with open(path) as fh:
        return {os.path.basename(e["file"]): e for e in json.load(fh)}


def figures(entries):
    n = rep = right = 0
    for e in entries:
        for f in FIELDS:
            n += 1
            rep += e["got"][f] is not None
            right += e["got"][f] == e["truth"][f]
    return n, rep, right


def pct(a, b):
    return "-" if b == 0 else f"{100 * a / b:.2f}"


def cells(entries):
    groups = defaultdict(list)
    for e in entries:
        lang = "fr" if e["lang"] == "fr" else "other"
        groups[(lang, e["source"])].append(e)
    out = []
    for lang in ("fr", "other"):
        for source in ("text", "scan", "photo"):
            n, rep, right = figures(groups[(lang, source)])
            if n:
                out.append(f"{lang} {source} {100 * right / n:.0f} ({100 * right / rep if rep else 0:.0f})")
    return ", ".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--sets")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--cells", action="store_true")
    args = ap.parse_args()
    sets = set(args.sets.split(",")) if args.sets else None
    runs = [load(p) for p in args.runs]
    keep = [{k: e for k, e in r.items() if sets is None or e["set"] in sets} for r in runs]
    if args.cells:
        by_set = defaultdict(list)
        for e in keep[-1].values():
            by_set[e["set"]].append(e)
        for s in sorted(by_set, key=lambda s: (len(s), s)):
            n, rep, right = figures(by_set[s])
            print(f"{s}: {pct(right, n)} / {pct(right, rep)} / {pct(rep, n)}  {cells(by_set[s])}")
        n, rep, right = figures(keep[-1].values())
        wrong = rep - right
        print(f"all {len(keep[-1])} documents: {pct(right, n)} / {pct(right, rep)} / {pct(rep, n)}, {wrong} wrong")
        return
    before, after = keep[0], keep[1]
    moves = Counter()
    for name in sorted(set(before) & set(after)):
        for f in FIELDS:
            a, b = verdict(before[name], f), verdict(after[name], f)
            if a != b or before[name]["got"][f] != after[name]["got"][f]:
                moves[(a, b)] += 1
                if args.list:
                    print(f"{name} {f}: {before[name]['got'][f]!r} ({a}) -> {after[name]['got'][f]!r} ({b}); "
                          f"truth {after[name]['truth'][f]!r}")
    only = set(before) ^ set(after)
    if only:
        print(f"{len(only)} documents in one run only")
    for (a, b), k in sorted(moves.items()):
        print(f"{a} -> {b}: {k}")
    print(f"{sum(moves.values())} fields changed over {len(set(before) & set(after))} documents")


if __name__ == "__main__":
    main()
