#!/usr/bin/env python3
"""Seeds a year with file records through the API, for benches/api.sh.

    python3 benches/seed.py BASE_URL ORG YEAR API_KEY COUNT [--start N] [--procs P] [--threads T]

Creates COUNT files named seed-<N>.pdf (N from --start) with POST .../years/YEAR/files, over
keep-alive connections: P processes (to use both cores despite the GIL) of T threads each,
one connection per thread. Standard library only. Exits non-zero at the first non-201 answer.
"""

import argparse
import http.client
import json
import multiprocessing
import sys
import threading
import time
import urllib.parse


def worker_process(base, path, key, names, threads, result):
    """Creates the files named in `names` with `threads` threads; puts (created, error) in result."""
    url = urllib.parse.urlsplit(base)
    lock = threading.Lock()
    state = {"next": 0, "created": 0, "error": None}
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def take():
        with lock:
            if state["error"] is not None or state["next"] >= len(names):
                return None
            name = names[state["next"]]
            state["next"] += 1
            return name

    def run():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        try:
            while (name := take()) is not None:
                body = json.dumps({"name": name})
                for attempt in range(3):
                    try:
                        conn.request("POST", path, body=body, headers=headers)
                        resp = conn.getresponse()
                        data = resp.read()
                        break
                    except (ConnectionError, http.client.HTTPException):
                        # A keep-alive connection closed by the server: reconnect and retry.
                        conn.close()
                        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
                        if attempt == 2:
                            raise
                if resp.status != 201:
                    with lock:
                        state["error"] = f"POST {path} -> HTTP {resp.status}: {data[:500]!r}"
                    return
                with lock:
                    state["created"] += 1
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
    result.put((state["created"], state["error"]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("org")
    p.add_argument("year")
    p.add_argument("key")
    p.add_argument("count", type=int)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--procs", type=int, default=2)
    p.add_argument("--threads", type=int, default=8)
    args = p.parse_args()
    if args.count <= 0:
        print("seed: nothing to do", file=sys.stderr)
        return 0

    path = f"{urllib.parse.urlsplit(args.base).path.rstrip('/')}/organizations/{args.org}/years/{args.year}/files"
    names = [f"seed-{args.start + i}.pdf" for i in range(args.count)]
    chunks = [names[i :: args.procs] for i in range(args.procs)]
    result = multiprocessing.Queue()
    t0 = time.monotonic()
    procs = [
        multiprocessing.Process(target=worker_process, args=(args.base, path, args.key, chunk, args.threads, result))
        for chunk in chunks
        if chunk
    ]
    for proc in procs:
        proc.start()
    created, errors = 0, []
    for _ in procs:
        n, err = result.get()
        created += n
        if err:
            errors.append(err)
    for proc in procs:
        proc.join()
    elapsed = time.monotonic() - t0
    print(f"seed: created {created} files in {elapsed:.1f} s ({created / elapsed:.0f}/s)", file=sys.stderr)
    if errors or created != args.count:
        for err in errors:
            print(f"seed: error: {err}", file=sys.stderr)
        print(f"seed: created {created} of {args.count}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
