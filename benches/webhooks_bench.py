"""Webhook delivery delay under 1 000 changes (benches/webhooks.sh runs it).

A loopback receiver records when each delivery arrives; CLIENTS clients make CHANGES evented
changes (each client moves its own file to the trash and restores it, alternately: one
`file.deleted` or `file.restored` event per request). The delay of an event is its arrival
time minus the event's `timestamp` (set inside the change's transaction, just before its
commit). Standard library only."""

import json
import os
import statistics
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BASE = os.environ["BENCH_BASE"]
KEY = os.environ["BENCH_KEY"]
ORG = os.environ["BENCH_ORG"]
CHANGES = int(os.environ.get("BENCH_CHANGES", "1000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))

arrivals = {}
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's naming
        at = time.time()
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        event = json.loads(body)
        with lock:
            arrivals.setdefault(self.headers["webhook-id"], []).append((at, event["timestamp"]))
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def api(method, path, body=None, raw=None, headers=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("authorization", f"Bearer {KEY}")
    if body is not None:
        req.add_header("content-type", "application/json")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    with urllib.request.urlopen(req, timeout=60) as resp:
        text = resp.read()
        return json.loads(text) if text else None


def upload(year, i):
    org = f"/organizations/{ORG}/years/{year}"
    content = f"%PDF-1.4\n% bench {i} {time.time()}\n%%EOF\n".encode()
    file = api("POST", f"{org}/files", {"name": f"bench-{i}.pdf"})
    up = api("POST", f"{org}/files/{file['id']}/upload-url", {"type": "application/pdf", "size": len(content)})
    headers = {k: v for k, v in up["headers"].items() if k.lower() != "content-length"}
    req = urllib.request.Request(up["url"], data=content, method="PUT", headers=headers)
    urllib.request.urlopen(req, timeout=60).read()
    api("POST", f"{org}/files/{file['id']}/finalize", {})
    return f"{org}/files/{file['id']}"


def parse_ts(text):
    # 2026-11-30T04:12:01.123Z
    from datetime import datetime

    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=__import__("datetime").timezone.utc).timestamp()


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    year = api("POST", f"/organizations/{ORG}/years",
               {"label": "Bench", "startingAt": "2026-01-01", "endingAt": "2026-12-31"})["id"]
    files = [upload(year, i) for i in range(CLIENTS)]
    api("POST", f"/organizations/{ORG}/webhooks", {"url": url, "events": ["file.deleted", "file.restored"]})

    per_client = CHANGES // CLIENTS

    def client(path):
        for n in range(per_client):
            if n % 2 == 0:
                api("DELETE", path)
            else:
                api("POST", f"{path}/restore", {})

    started = time.time()
    threads = [threading.Thread(target=client, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    changed = time.time()
    total = per_client * CLIENTS
    deadline = time.time() + 300
    while time.time() < deadline:
        with lock:
            if len(arrivals) >= total:
                break
        time.sleep(0.05)
    done = time.time()
    with lock:
        delays = sorted((at - parse_ts(ts)) * 1000 for got in arrivals.values() for at, ts in got[:1])
        duplicates = sum(len(got) - 1 for got in arrivals.values())
    q = statistics.quantiles(delays, n=100, method="inclusive")
    result = {
        "changes": total,
        "delivered": len(delays),
        "duplicates": duplicates,
        "changes_per_s": round(total / (changed - started), 1),
        "p50_ms": round(q[49], 1),
        "p90_ms": round(q[89], 1),
        "p99_ms": round(q[98], 1),
        "max_ms": round(delays[-1], 1),
        "drain_s_after_last_change": round(done - changed, 2),
    }
    print(json.dumps(result))
    return 0 if len(delays) == total and duplicates == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
