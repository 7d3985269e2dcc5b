#!/usr/bin/env python3
"""Prepares files ready to be finalized, for the finalize rows of benches/api.sh.

    python3 benches/prepare_finalize.py BASE_URL ORGS_TSV COUNT OUT [--tag T] [--procs P] [--threads T]

ORGS_TSV has lines "ORG<TAB>KEY<TAB>YEAR[<TAB>...]" (benches/api.sh's orgs.tsv; only the first
line is used with --orgs 1). For each of COUNT files, round robin over the organizations:
POST .../files (a record), POST .../upload-url (a signed PUT), then the PUT of a small unique
PDF-looking body to that URL, exactly with the headers the API returned. Writes one line
"FINALIZE_PATH KEY" per prepared file to OUT, for benches/finalize.lua.

Why not 1 byte: finalize checks the bytes against the declared type (a PDF must contain
`%PDF-`) and refuses a second available file with the same SHA-256 in an organization, so
1-byte objects cannot be finalized more than 256 times per organization and never as a PDF.
The body is `%PDF-1.4\\n%<tag>-<n>\\n` (about 20 bytes): the smallest object that finalize
accepts, distinct per file. Standard library only; exits non-zero at the first unexpected answer.
"""

import argparse
import http.client
import json
import multiprocessing
import sys
import threading
import time
import urllib.parse


def worker_process(base, jobs, threads, tag, result):
    """Prepares the files of `jobs` [(n, org, key, year)]; puts (lines, error) in result."""
    url = urllib.parse.urlsplit(base)
    prefix = url.path.rstrip("/")
    lock = threading.Lock()
    state = {"next": 0, "lines": [], "error": None}

    def take():
        with lock:
            if state["error"] is not None or state["next"] >= len(jobs):
                return None
            job = jobs[state["next"]]
            state["next"] += 1
            return job

    def call(conn, method, path, headers, body):
        for attempt in range(3):
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                return conn, resp.status, resp.read()
            except (ConnectionError, http.client.HTTPException):
                # A keep-alive connection closed by the server: reconnect and retry.
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def run():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        try:
            while (job := take()) is not None:
                n, org, key, year = job
                auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
                files = f"{prefix}/organizations/{org}/years/{year}/files"
                conn, status, data = call(conn, "POST", files, auth, json.dumps({"name": f"fin-{tag}-{n}.pdf"}))
                if status != 201:
                    raise RuntimeError(f"POST {files} -> HTTP {status}: {data[:300]!r}")
                id_file = json.loads(data)["id"]
                body = f"%PDF-1.4\n%{tag}-{n}\n".encode()
                req = json.dumps({"type": "application/pdf", "size": len(body)})
                conn, status, data = call(conn, "POST", f"{files}/{id_file}/upload-url", auth, req)
                if status != 200:
                    raise RuntimeError(f"POST upload-url -> HTTP {status}: {data[:300]!r}")
                signed = json.loads(data)
                put = urllib.parse.urlsplit(signed["url"])
                if (put.hostname, put.port) != (url.hostname, url.port):
                    raise RuntimeError(f"the signed URL is not on the server under test: {signed['url']}")
                target = put.path + (f"?{put.query}" if put.query else "")
                conn, status, data = call(conn, "PUT", target, dict(signed["headers"]), body)
                if status not in (200, 204):
                    raise RuntimeError(f"PUT signed URL -> HTTP {status}: {data[:300]!r}")
                with lock:
                    state["lines"].append(f"{files}/{id_file}/finalize {key}")
        except Exception as e:  # noqa: BLE001 - reported to the parent
            with lock:
                state["error"] = f"{type(e).__name__}: {e}"
        finally:
            conn.close()

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    result.put((state["lines"], state["error"]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("orgs_tsv")
    p.add_argument("count", type=int)
    p.add_argument("out")
    p.add_argument("--orgs", type=int, default=0, help="use the first N organizations (0: all)")
    p.add_argument("--tag", default="f")
    p.add_argument("--procs", type=int, default=2)
    p.add_argument("--threads", type=int, default=8)
    args = p.parse_args()

    orgs = [line.rstrip("\n").split("\t")[:3] for line in open(args.orgs_tsv) if line.strip()]
    if args.orgs:
        orgs = orgs[: args.orgs]
    jobs = [(n, *orgs[n % len(orgs)]) for n in range(args.count)]
    chunks = [jobs[i :: args.procs] for i in range(args.procs)]
    result = multiprocessing.Queue()
    t0 = time.monotonic()
    procs = [
        multiprocessing.Process(target=worker_process, args=(args.base, chunk, args.threads, args.tag, result))
        for chunk in chunks
        if chunk
    ]
    for proc in procs:
        proc.start()
    lines, errors = [], []
    for _ in procs:
        got, err = result.get()
        lines += got
        if err:
            errors.append(err)
    for proc in procs:
        proc.join()
    elapsed = time.monotonic() - t0
    print(f"prepare: {len(lines)} files ready to finalize in {elapsed:.1f} s over {len(orgs)} organization(s)",
          file=sys.stderr)
    if errors or len(lines) != args.count:
        for err in errors:
            print(f"prepare: error: {err}", file=sys.stderr)
        return 1
    # Interleave the organizations, so that every stretch of the list spreads over all of them.
    lines.sort(key=lambda l: l.split("/")[2])
    by_org = {}
    for line in lines:
        by_org.setdefault(line.split("/")[2], []).append(line)
    ordered = [l for group in zip(*by_org.values()) for l in group]
    ordered += [l for group in by_org.values() for l in group[len(ordered) // len(by_org):]]
    with open(args.out, "w") as f:
        f.write("\n".join(ordered) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
