#!/usr/bin/env python3
"""Helper of benches/export.sh (standard library only).

  export_seed.py seed   --base URL --org ID --key KEY --year ID --files N --large L
                        --concurrency C --out expected.json
      Creates nested folders in the year, then uploads N distinct PDFs through the real API
      flow (create file -> upload-url -> PUT to the signed URL with its headers -> finalize)
      with C concurrent clients. L of them are a few MB, the others 20-200 KB; some share a
      name in one folder (also differing only by case), so the export must disambiguate them.
      Writes what was uploaded (id, name, folder path, size, sha256) to expected.json.

  export_seed.py verify --expected expected.json --dir EXTRACTED
      Checks the extracted archive against what the client itself uploaded: every file id is
      in manifest.json once, with the client's sha256 and size, at a path under its folder,
      and the bytes at that path hash to the client's sha256; all paths are distinct.
      Prints one JSON summary line; exits 1 on any mismatch.
"""

import argparse
import hashlib
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, as_completed

# (path segments) of the folders to create, parents before children. Names with spaces,
# accents and punctuation on purpose; all valid as archive path segments.
FOLDERS = [
    ("Achats",),
    ("Achats", "Fournisseurs"),
    ("Achats", "Fournisseurs", "2026-T1"),
    ("Achats", "Fournisseurs", "2026-T2"),
    ("Achats", "Fournisseurs", "2026-T2", "Énergie & télécom"),
    ("Ventes",),
    ("Ventes", "Clients France"),
    ("Ventes", "Clients export"),
    ("Banque",),
    ("Banque", "Relevés"),
    ("Notes de frais",),
    ("Notes de frais", "Déplacements", "Hôtels"),
]
# Where the files sharing a name go, and which names.
SHARED_FOLDER = ("Achats", "Fournisseurs", "2026-T1")
SHARED_NAMES = ["scan.pdf"] * 8 + ["Scan.pdf", "SCAN.PDF"] + ["Facture été n°12.pdf"] * 3


class Client:
    """One keep-alive HTTP connection per thread (API and embedded endpoint share a host)."""

    def __init__(self, base, key):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.key = key
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "conn", None)
        if c is None:
            c = http.client.HTTPConnection(self.host, self.port, timeout=120)
            self.local.conn = c
        return c

    def raw(self, method, target, body=None, headers=None):
        """Sends one request, retrying once on a dropped keep-alive connection."""
        for attempt in (1, 2):
            c = self.conn()
            try:
                c.request(method, target, body=body, headers=headers or {})
                r = c.getresponse()
                return r.status, r.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                c.close()
                self.local.conn = None
                if attempt == 2:
                    raise

    def api(self, method, path, payload=None, expect=(200, 201)):
        headers = {"Authorization": f"Bearer {self.key}"}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        status, data = self.raw(method, path, body, headers)
        if status not in expect:
            raise RuntimeError(f"{method} {path} -> HTTP {status}: {data[:500]!r}")
        return json.loads(data) if data else None


def pdf_bytes(size):
    """A distinct PDF-looking body of exactly `size` bytes (magic bytes + random bytes)."""
    head = b"%PDF-1.4\n"
    return head + os.urandom(size - len(head))


def plan(n, large, rng):
    """[(name, folder segments or None, size)] for n files; `large` of them a few MB."""
    folders = [None] + FOLDERS
    out = []
    for i, name in enumerate(SHARED_NAMES):
        out.append((name, SHARED_FOLDER, rng.randint(20_000, 200_000)))
    for i in range(large):
        out.append((f"Grand livre {i + 1:02d}.pdf", ("Banque", "Relevés"), rng.randint(2_000_000, 8_000_000)))
    i = 0
    while len(out) < n:
        i += 1
        folder = folders[i % len(folders)]
        out.append((f"Pièce {i:04d} - facture F2026-{i:05d}.pdf", folder, rng.randint(20_000, 200_000)))
    out = out[:n]
    rng.shuffle(out)  # mix the shared names and the large files into the creation order
    return out


def seed(args):
    client = Client(args.base, args.key)
    api_year = f"/organizations/{args.org}/years/{args.year}"
    folder_ids = {}
    for segments in FOLDERS:
        # Create missing ancestors too (e.g. "Déplacements" has no entry of its own).
        for depth in range(1, len(segments) + 1):
            seg = segments[:depth]
            if seg in folder_ids:
                continue
            parent = folder_ids.get(seg[:-1])
            body = {"name": seg[-1]}
            if parent:
                body["idFolderParent"] = parent
            folder_ids[seg] = client.api("POST", f"{api_year}/folders", body)["id"]

    items = plan(args.files, args.large, random.Random(args.seed))
    total = sum(s for _, _, s in items)
    done = [0]
    lock = threading.Lock()
    t0 = time.monotonic()

    def upload(idx, name, folder, size):
        body = pdf_bytes(size)
        sha = hashlib.sha256(body).hexdigest()
        create = {"name": name, "reference": f"BENCH-{idx:05d}"}
        if folder:
            create["idFolder"] = folder_ids[folder]
        f = client.api("POST", f"{api_year}/files", create)
        up = client.api("POST", f"{api_year}/files/{f['id']}/upload-url", {"type": "application/pdf", "size": size})
        if up.get("method") != "PUT":
            raise RuntimeError(f"upload-url answered method {up.get('method')!r}")
        u = urllib.parse.urlsplit(up["url"])
        target = u.path + ("?" + u.query if u.query else "")
        status, data = client.raw("PUT", target, body, dict(up["headers"]))
        if status != 200:
            raise RuntimeError(f"PUT {name} -> HTTP {status}: {data[:500]!r}")
        fin = client.api("POST", f"{api_year}/files/{f['id']}/finalize")
        if fin["status"] != "available" or fin["sha256"] != sha or fin["size"] != size:
            raise RuntimeError(f"finalize {name}: {fin['status']} {fin['size']} {fin['sha256']}, expected {size} {sha}")
        with lock:
            done[0] += 1
            if done[0] % 100 == 0:
                print(f"  {done[0]}/{len(items)} uploaded", file=sys.stderr, flush=True)
        return {"id": f["id"], "name": name, "folder": "/".join(folder) if folder else "", "size": size, "sha256": sha}

    results = []
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        futures = [pool.submit(upload, i, *item) for i, item in enumerate(items)]
        for fut in as_completed(futures):
            results.append(fut.result())  # the first failure aborts the run
    elapsed = time.monotonic() - t0
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump({"files": results, "bytes": total, "seconds": elapsed, "folders": len(folder_ids)}, fh,
                  ensure_ascii=False)
    print(json.dumps({"files": len(results), "bytes": total, "seconds": round(elapsed, 3),
                      "folders": len(folder_ids)}))


def verify(args):
    with open(args.expected, encoding="utf-8") as fh:
        expected = {f["id"]: f for f in json.load(fh)["files"]}
    with open(os.path.join(args.dir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    problems = []
    seen_ids, seen_paths = set(), set()
    renamed = 0
    for entry in manifest["files"]:
        fid, path = entry["id"], entry["path"]
        exp = expected.get(fid)
        if exp is None:
            problems.append(f"{fid}: in the manifest, not uploaded by the benchmark")
            continue
        if fid in seen_ids:
            problems.append(f"{fid}: listed twice")
        seen_ids.add(fid)
        if path.lower() in seen_paths:
            problems.append(f"{path}: path used twice (case-insensitively)")
        seen_paths.add(path.lower())
        prefix = "files/" + (exp["folder"] + "/" if exp["folder"] else "")
        if not path.startswith(prefix) or "/" in path[len(prefix):]:
            problems.append(f"{fid}: path {path!r} is not directly under {prefix!r}")
        if os.path.basename(path) != exp["name"]:
            renamed += 1
        if entry["sha256"] != exp["sha256"] or entry["size"] != exp["size"]:
            problems.append(f"{fid}: manifest says {entry['size']} {entry['sha256']}, uploaded {exp['size']} {exp['sha256']}")
        h = hashlib.sha256()
        try:
            with open(os.path.join(args.dir, path), "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            if h.hexdigest() != exp["sha256"]:
                problems.append(f"{path}: bytes hash to {h.hexdigest()}, uploaded {exp['sha256']}")
        except OSError as e:
            problems.append(f"{path}: {e}")
    # Names equal case-insensitively in one folder: all but the first must have been renamed.
    groups = {}
    for f in expected.values():
        k = (f["folder"], f["name"].lower())
        groups[k] = groups.get(k, 0) + 1
    expected_renamed = sum(n - 1 for n in groups.values())
    if renamed != expected_renamed:
        problems.append(f"{renamed} files renamed in the archive, expected {expected_renamed} (same-name files)")
    for fid in expected.keys() - seen_ids:
        problems.append(f"{fid} ({expected[fid]['name']}): uploaded, missing from the manifest")
    print(json.dumps({"ok": not problems, "files": len(seen_ids), "distinctPaths": len(seen_paths),
                      "renamed": renamed, "problems": problems[:20], "problemCount": len(problems)},
                     ensure_ascii=False))
    return 0 if not problems else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--base", required=True)
    s.add_argument("--org", required=True)
    s.add_argument("--key", required=True)
    s.add_argument("--year", required=True)
    s.add_argument("--files", type=int, default=1000)
    s.add_argument("--large", type=int, default=6)
    s.add_argument("--concurrency", type=int, default=8)
    s.add_argument("--seed", type=int, default=2026, help="seeds the plan (names, sizes), not the bytes")
    s.add_argument("--out", required=True)
    v = sub.add_parser("verify")
    v.add_argument("--expected", required=True)
    v.add_argument("--dir", required=True)
    args = p.parse_args()
    if args.cmd == "seed":
        seed(args)
        return 0
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
