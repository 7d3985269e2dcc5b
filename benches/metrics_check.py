"""/metrics as an independent parser reads it (PyPI prometheus_client), for benches/metrics.sh.

  metrics_check.py scrape METRICS_URL        prints {"routes": {route: requests}, "families": N}
  metrics_check.py send URL KEY N            sends exactly N GETs (8 threads, keep-alive), prints the 200s

`scrape` fails if either format does not parse, if a family documented in the README is missing,
or if a label value looks unbounded (an id).
"""

import http.client
import json
import re
import sys
import threading
import urllib.parse
import urllib.request

from prometheus_client.openmetrics.parser import text_string_to_metric_families as openmetrics_families
from prometheus_client.parser import text_string_to_metric_families

EXPECTED = {
    "coffre_http_requests", "coffre_http_request_duration_seconds", "coffre_db_pool_connections",
    "coffre_jobs_queued", "coffre_jobs_running", "coffre_jobs_oldest_queued_age_seconds",
    "coffre_dependency_up",
}
ID = re.compile(r"[0-9a-z]{20,}")


def fetch(url, accept=None):
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read().decode()


def scrape(url):
    """Parses the classic text format (what a plain client gets) and, asked for with Accept,
    the OpenMetrics one with its own stricter parser; both must name the same families."""
    families = list(text_string_to_metric_families(fetch(url)))
    names = {f.name.removesuffix("_total") for f in families}
    missing = EXPECTED - names
    if missing:
        raise SystemExit(f"missing families: {sorted(missing)}")
    om = {f.name for f in openmetrics_families(fetch(url, "application/openmetrics-text; version=1.0.0"))}
    if om != names:
        raise SystemExit(f"the formats disagree: {sorted(om ^ names)}")
    routes = {}
    for family in families:
        for sample in family.samples:
            for value in sample.labels.values():
                if ID.search(value):
                    raise SystemExit(f"unbounded label value in {sample.name}: {value}")
        if family.name.removesuffix("_total") == "coffre_http_requests":
            for sample in family.samples:
                if sample.name.endswith("_total"):
                    route = sample.labels["route"]
                    routes[route] = routes.get(route, 0) + int(sample.value)
    return {"routes": routes, "families": len(families)}


def send(url, key, n, threads=8):
    parsed = urllib.parse.urlsplit(url)
    target = parsed.path + ("?" + parsed.query if parsed.query else "")
    ok = [0] * threads
    sent = [0] * threads

    def worker(i, count):
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        for _ in range(count):
            conn.request("GET", target, headers={"Authorization": f"Bearer {key}"})
            resp = conn.getresponse()
            resp.read()
            sent[i] += 1
            ok[i] += resp.status == 200
        conn.close()

    shares = [n // threads + (1 if i < n % threads else 0) for i in range(threads)]
    pool = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(shares)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return {"sent": sum(sent), "ok": sum(ok)}


if __name__ == "__main__":
    if sys.argv[1] == "scrape":
        print(json.dumps(scrape(sys.argv[2])))
    else:
        print(json.dumps(send(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
