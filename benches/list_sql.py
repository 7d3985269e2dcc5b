#!/usr/bin/env python3
"""Extracts the list-files SQL from a `coffre serve` log written with
COFFRE_LOG=sqlx::query=debug, for benches/api.sh, and inlines its parameters.

    python3 benches/list_sql.py LOG ORG YEAR CURSOR_ID LIMIT

Prints the last logged statement that selects from `files` ordered by id with a LIMIT (the
list query), with $1..$3 replaced by the organization, year and cursor id, the LIMIT's by the limit and
an OFFSET's by 0, as the
server binds them for GET .../files?limit=N&cursor=C. Fails if none is found or if the
statement has other parameters (the script would then explain a different query).
"""

import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def rust_debug_unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\", "0": "\0"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def main():
    log, org, year, cursor, limit = sys.argv[1:6]
    found = None
    for line in open(log, errors="replace"):
        line = ANSI.sub("", line)
        m = re.search(r'db\.statement="((?:[^"\\]|\\.)*)"', line)
        if not m:
            continue
        sql = rust_debug_unescape(m.group(1)).strip()
        if (re.search(r"\bFROM files\b", sql) and re.search(r"id_year = \$2", sql)
                and re.search(r"ORDER BY \S*id LIMIT \$\d+", sql)):
            found = sql
    if found is None:
        sys.exit(f"list_sql: no list query in {log}")
    params = sorted(set(int(p) for p in re.findall(r"\$(\d+)", found)))
    values = {"1": f"'{org}'", "2": f"'{year}'", "3": f"'{cursor}'"}
    m = re.search(r"LIMIT \$(\d+)", found)
    values[m.group(1)] = str(int(limit))
    m = re.search(r"OFFSET \$(\d+)", found)
    if m:
        values[m.group(1)] = "0"  # keyset pages: the cursor is an id, no offset
    if params != sorted(int(k) for k in values):
        sys.exit(f"list_sql: unexpected parameters {params} in: {found}")
    print(re.sub(r"\$(\d+)", lambda m: values[m.group(1)], found))


if __name__ == "__main__":
    main()
