"""Load through a dependency outage (run by scripts/chaos, which starts the servers).

Eight clients loop over create file, upload-url, PUT to the store, finalize, get and list,
while the store is stopped, then the database, then both are started again. Checks:
- before the outage, every answer is a success;
- from the first stop until the restart, every answer is a success or a 503
  `service_unavailable` problem with `Retry-After`, naming the dependency, within 5 s;
- every request started 10 s after the restart or later succeeds;
- nothing acknowledged is lost: every created file exists, every finalized file is available
  with its SHA-256 and serves its bytes; an upload whose finalize met the outage is finalized
  once the store is back.
Standard library only. Prints a summary; exits 1 on the first failed check.
"""

import hashlib
import http.client
import json
import os
import shlex
import subprocess
import sys
import threading
import time
import urllib.parse

BASE = os.environ["CHAOS_BASE"]
ORG = os.environ["CHAOS_ORG"]
KEY = os.environ["CHAOS_KEY"]
CLIENTS = 8
OUTAGE_LIMIT_S = 5.0
RECOVERY_S = 10.0
NO_UPLOAD = "finalize after a failed PUT"


def request(method, url, body=None, headers=None, timeout=15.0):
    """(status, headers, body bytes, seconds); status 0 when the connection failed."""
    parsed = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    target = parsed.path + ("?" + parsed.query if parsed.query else "")
    started = time.monotonic()
    try:
        conn.request(method, target, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, time.monotonic() - started
    except OSError:
        return 0, {}, b"", time.monotonic() - started
    finally:
        conn.close()


class Api:
    def __init__(self):
        self.lock = threading.Lock()
        self.answers = []  # (started, seconds, what, status, headers, body)

    def call(self, method, path, payload=None, what=None):
        headers = {"Authorization": f"Bearer {KEY}"}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        started = time.monotonic()
        status, hdrs, data, took = request(method, BASE + path, body, headers)
        with self.lock:
            self.answers.append((started, took, what or path, status, hdrs, data))
        try:
            return status, json.loads(data) if data else None
        except ValueError:
            return status, None


api = Api()
state_lock = threading.Lock()
created = {}  # id -> None
finalized = {}  # id -> sha256
pending_uploads = {}  # id -> bytes (PUT succeeded, finalize did not)
stop = threading.Event()


def year_path():
    status, year = api.call(
        "POST", f"/organizations/{ORG}/years",
        {"label": "Exercice 2026", "startingAt": "2026-01-01", "endingAt": "2026-12-31"}, "create year")
    assert status == 201, (status, year)
    return f"/organizations/{ORG}/years/{year['id']}"


def pdf(tag):
    return f"%PDF-1.4\n% {tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".encode()


def client(n, ypath):
    i = 0
    while not stop.is_set():
        i += 1
        tag = f"c{n}-{i}-{time.time_ns()}"
        status, f = api.call("POST", f"{ypath}/files", {"name": f"{tag}.pdf"}, "create file")
        if status != 201:
            time.sleep(0.2)
            continue
        fid = f["id"]
        with state_lock:
            created[fid] = None
        data = pdf(tag)
        status, up = api.call("POST", f"{ypath}/files/{fid}/upload-url",
                              {"type": "application/pdf", "size": len(data)}, "upload-url")
        if status != 200:
            continue
        put, _, _, _ = request("PUT", up["url"], data, up["headers"], timeout=10)
        if put != 200:
            # The store is down for the client too; a finalize now must say so (503), or, if
            # the store came back meanwhile, that nothing was uploaded (409).
            api.call("POST", f"{ypath}/files/{fid}/finalize", None, NO_UPLOAD)
            continue
        with state_lock:
            pending_uploads[fid] = data
        status, done = api.call("POST", f"{ypath}/files/{fid}/finalize", None, "finalize")
        if status == 200:
            with state_lock:
                pending_uploads.pop(fid, None)
                finalized[fid] = done["sha256"]
        api.call("GET", f"{ypath}/files/{fid}", None, "get file")
        api.call("GET", f"{ypath}/files?limit=5", None, "list files")


def run(cmd):
    subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_port(port, limit=10.0):
    end = time.monotonic() + limit
    import socket
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing listens on {port}")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    stop.set()
    sys.exit(1)


def succeeded(a):
    """A success, or the client's own 409 for a finalize whose PUT the store refused."""
    _, _, what, status, _, data = a
    return 200 <= status < 300 or (what == NO_UPLOAD and status == 409 and b"upload_missing" in data)


def check_outage_answer(a):
    started, took, what, status, hdrs, data = a
    if succeeded(a):
        return None
    if took > OUTAGE_LIMIT_S:
        return f"{what}: answered {status} after {took:.1f} s"
    if status != 503:
        return f"{what}: {status} {data[:300]!r}"
    body = json.loads(data)
    if hdrs.get("content-type") != "application/problem+json" or body.get("code") != "service_unavailable":
        return f"{what}: 503 without the problem: {data[:300]!r}"
    if "retry-after" not in hdrs:
        return f"{what}: 503 without Retry-After"
    if body.get("dependency") not in ("database", "objectStore") or body["dependency"] == "":
        return f"{what}: 503 naming no dependency: {data[:300]!r}"
    if "127.0.0.1" in body.get("detail", "") or "postgres" in body.get("detail", ""):
        return f"{what}: the detail leaks an address: {body['detail']}"
    return None


def readyz():
    status, _, data, _ = request("GET", BASE + "/readyz")
    return status, json.loads(data) if data else None


def main():
    ypath = year_path()
    threads = [threading.Thread(target=client, args=(n, ypath), daemon=True) for n in range(CLIENTS)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(3)
    store_port = urllib.parse.urlsplit(os.environ["COFFRE_S3_ENDPOINT"]).port

    t_store = time.monotonic()
    run(os.environ["CHAOS_STOP_STORE"])
    time.sleep(6)
    status, ready = readyz()
    if status != 503 or {"name": "objectStore", "status": "unavailable"} not in ready["checks"]:
        fail(f"/readyz with the store down: {status} {ready}")

    t_db = time.monotonic()
    run(os.environ["CHAOS_STOP_DB"])
    time.sleep(6)

    t_restart = time.monotonic()
    run(os.environ["CHAOS_START_DB"])
    store = subprocess.Popen(shlex.split(os.environ["CHAOS_START_STORE"]),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.environ["CHAOS_STORE_PID_FILE"], "w") as f:
        f.write(str(store.pid))
    wait_port(store_port)
    t_up = time.monotonic()
    time.sleep(RECOVERY_S + 5)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    t_end = time.monotonic()

    answers = sorted(api.answers)
    before = [a for a in answers if a[0] + a[1] < t_store]
    during = [a for a in answers if a[0] + a[1] >= t_store and a[0] < t_restart]
    after = [a for a in answers if a[0] >= t_restart]
    late = [a for a in after if a[0] >= t_restart + RECOVERY_S]
    for a in before:
        if not 200 <= a[3] < 300:
            fail(f"before the outage: {a[2]} {a[3]} {a[5][:200]!r}")
    errors = [e for e in (check_outage_answer(a) for a in during + after) if e]
    if errors:
        fail(f"{len(errors)} bad answers, first: {errors[0]}")
    for a in late:
        if not succeeded(a):
            fail(f"{a[0] - t_restart:.1f} s after the restart: {a[2]} {a[3]} {a[5][:200]!r}")
    failed_after = [a for a in after if not succeeded(a)]
    recovered = max((a[0] + a[1] - t_restart for a in failed_after), default=0.0)
    unavailable = [a for a in during + after if a[3] == 503]
    slowest = max((a[1] for a in unavailable), default=0.0)
    by_dep = {}
    for a in unavailable:
        dep = json.loads(a[5])["dependency"]
        by_dep[dep] = by_dep.get(dep, 0) + 1
    if not by_dep.get("database") or not by_dep.get("objectStore"):
        fail(f"the outage was not seen: {by_dep}")

    status, ready = readyz()
    if status != 200:
        fail(f"/readyz after the restart: {status} {ready}")

    # Nothing lost: uploads whose finalize met the outage are finalized now.
    for fid, data in list(pending_uploads.items()):
        status, done = api.call("POST", f"{ypath}/files/{fid}/finalize", None, "late finalize")
        if status != 200 or done["sha256"] != hashlib.sha256(data).hexdigest():
            fail(f"late finalize of {fid}: {status} {done}")
        finalized[fid] = done["sha256"]
    for fid in created:
        status, f = api.call("GET", f"{ypath}/files/{fid}", None, "check file")
        if status != 200:
            fail(f"created file {fid} lost: {status}")
        if fid in finalized and (f["status"] != "available" or f["sha256"] != finalized[fid]):
            fail(f"finalized file {fid} changed: {f}")
    for fid, sha in list(finalized.items())[:50]:
        status, signed = api.call("POST", f"{ypath}/files/{fid}/download-url", None, "download-url")
        got, _, data, _ = request("GET", signed["url"])
        if got != 200 or hashlib.sha256(data).hexdigest() != sha:
            fail(f"finalized file {fid} does not serve its bytes: {got}")

    print(json.dumps({
        "answers": len(answers),
        "answersDuringOutage": len(during),
        "unavailable503": by_dep,
        "slowest503Seconds": round(slowest, 2),
        "secondsToRecoverAfterRestart": round(recovered, 2),
        "restartTookSeconds": round(t_up - t_restart, 2),
        "filesCreated": len(created),
        "filesFinalized": len(finalized),
        "finalizedAfterRecovery": len(pending_uploads),
        "seconds": round(t_end - t0, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
