#!/usr/bin/env python3
"""Prepares files to finalize for benches/writes_cpu.sh: for each organization of TARGETS
(lines "ORG KEY YEAR"), N files, each created, given an upload URL for 1 byte of
application/octet-stream (duplicates allowed: every file holds the same byte), and PUT its one byte; prints one line "FINALIZE_PATH KEY" per file,
organizations interleaved (round robin), so that wrk threads spread over them.

    python3 benches/writes_prep.py BASE_URL TARGETS N > finalize.txt
"""

import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def call(method, url, key=None, body=None, headers=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if key:
        req.add_header("Authorization", f"Bearer {key}")
    if body is not None and not isinstance(body, bytes):
        req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req, timeout=30) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else None


def prepare(base, org, key, year, i):
    files = f"{base}/organizations/{org}/years/{year}/files"
    file = call("POST", files, key, {"name": f"finalize-{i}.bin", "allowDuplicate": True})
    path = f"/organizations/{org}/years/{year}/files/{file['id']}"
    signed = call("POST", f"{base}{path}/upload-url", key, {"type": "application/octet-stream", "size": 1})
    call(signed["method"], signed["url"], body=b"x", headers=signed["headers"])
    return f"{path}/finalize {key}"


def main():
    base, targets, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    orgs = [line.split() for line in open(targets) if line.strip()]
    jobs = [(org, key, year, i) for i in range(n) for (org, key, year) in orgs]
    with ThreadPoolExecutor(16) as pool:
        for line in pool.map(lambda j: prepare(base, *j), jobs):
            print(line)


if __name__ == "__main__":
    main()
