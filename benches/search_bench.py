#!/usr/bin/env python3
"""Times searches for benches/search.sh: each query kind through the running server's API
(`GET .../files?q=...`, the new index, ranked, with snippets, a page of 100), and the same
words as the LIKE scan the server ran before (the SQL of the old `db::files::list`, run
directly on the database: SQLite through Python's sqlite3, PostgreSQL through one psql
session with \\timing). Prints one JSON object: {kind: {"new": [ms...], "like": [ms...],
"hits": n}}.

  search_bench.py BASE KEY ORG YEAR QUERIES.json SAMPLES sqlite DB_PATH
  search_bench.py BASE KEY ORG YEAR QUERIES.json SAMPLES postgres PSQL URL
"""

import http.client
import json
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse

LIKE_SQL = (
    "SELECT f.id, f.id_organization, f.id_year, f.id_folder, f.name, f.reference, f.doc_date, f.hash, "
    "f.allow_duplicate, f.status, f.content_type, f.size, f.sha256, f.content_key, f.upload_key, f.upload_id, "
    "f.upload_type, f.upload_size, f.upload_expires_at, f.id_ocr_job, f.date_source, f.reference_source, "
    "f.search_text, f.deleted_at, f.status_before_delete, f.verified_at, f.thumbnail_key, f.created_at, "
    "f.last_updated_at, j.status AS ocr_status, j.pages AS ocr_pages, j.pages_charged AS ocr_pages_charged, "
    "j.engine AS ocr_engine, j.error AS ocr_error "
    "FROM files f LEFT JOIN ocr_jobs j ON j.id = f.id_ocr_job AND j.sha256 = f.sha256 "
    "WHERE f.id_organization = {org} AND f.id_year = {year} AND f.id > '' AND f.status <> 'deleted' "
    "AND (f.search_text LIKE {p} ESCAPE '\\' OR COALESCE(j.search_text, '') LIKE {p} ESCAPE '\\') "
    "ORDER BY f.id LIMIT 101"
)


def api_times(base, key, org, year, values, samples):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    times, hits = [], 0
    for i in range(samples + len(values)):
        q = values[i % len(values)]["q"]
        path = f"/organizations/{org}/years/{year}/files?" + urllib.parse.urlencode({"q": q, "limit": 100})
        start = time.perf_counter()
        conn.request("GET", path, headers={"Authorization": f"Bearer {key}"})
        resp = conn.getresponse()
        body = resp.read()
        elapsed = (time.perf_counter() - start) * 1000
        if resp.status != 200:
            sys.exit(f"{q!r}: {resp.status} {body[:300]!r}")
        if i >= len(values):  # the first pass warms caches
            times.append(elapsed)
        else:
            hits += len(json.loads(body))
    return times, hits


def like_sqlite(db_path, org, year, values, samples):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    sql = LIKE_SQL.format(org="?", year="?", p="?")
    times = []
    for i in range(samples + len(values)):
        p = values[i % len(values)]["like"]
        start = time.perf_counter()
        db.execute(sql, (org, year, p, p)).fetchall()
        if i >= len(values):
            times.append((time.perf_counter() - start) * 1000)
    return times


def literal(s):
    return "'" + s.replace("'", "''") + "'"


def like_postgres(psql, url, org, year, values, samples):
    script = ["\\timing on"]
    for i in range(samples + len(values)):
        p = literal(values[i % len(values)]["like"])
        script.append(LIKE_SQL.format(org=literal(org), year=literal(year), p=p) + ";")
    out = subprocess.run([psql, "-X", "-q", "-o", "/dev/null", url], input="\n".join(script),
                         capture_output=True, text=True, check=True).stdout
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    return times[len(values):]


def main():
    base, key, org, year, queries_path, samples, backend = sys.argv[1:8]
    samples = int(samples)
    queries = json.load(open(queries_path))
    result = {}
    for kind, values in queries.items():
        new, hits = api_times(base, key, org, year, values, samples)
        if backend == "sqlite":
            like = like_sqlite(sys.argv[8], org, year, values, samples)
        else:
            like = like_postgres(sys.argv[8], sys.argv[9], org, year, values, samples)
        result[kind] = {"new": new, "like": like, "hits": hits / len(values)}
        print(f"  {kind}: done", file=sys.stderr)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
