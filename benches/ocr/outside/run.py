#!/usr/bin/env python3
"""Outside evaluation of field extraction: documents the tuning of the extraction never sees.

    run.py --bin PATH_TO_COFFRE --out DIR [--cache DIR] [--md FILE] [--per-layout 2] [--seed 11] [--jobs 2]

Set A: printed pages of e-invoices and real supplier invoices published in package registries
       (fetch list with exact versions and sha256 below; fetched and unpacked at run time, never
       committed). Truth: the embedded CII XML (Factur-X / ZUGFeRD), taken out of the PDF before
       the page is read, or the expected JSON published next to the PDF (invoice2data). A truth
       value is kept only if it is printed on the page (see `visible`), otherwise that field of
       that document is not scored.
Set B: ten layouts drawn for this evaluation alone (layouts.py), six languages.

Every document is read as its text-layer PDF, a clean scan (200 dpi grey) and a degraded photo,
by `coffre ocr run --type MIME --languages fra+eng FILE` as benches/ocr/heldout.py does.
Stdout gets the aggregate tables only; per-document details go to DIR/details.json.

Needs: poppler-utils (pdfdetach, pdftoppm, pdftotext), qpdf, pip, the packages
of requirements.txt, the fonts of fonts-dejavu-core, fonts-liberation, fonts-freefont-ttf.
"""

import argparse
import datetime as dt
import fnmatch
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal, InvalidOperation

from PIL import Image, ImageChops, ImageFilter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layouts  # noqa: E402

FIELDS = ["kind", "invoiceNumber", "date", "totalExcludingTax", "totalTax", "totalIncludingTax"]
SHORT = {"kind": "kind", "invoiceNumber": "number", "date": "date", "totalExcludingTax": "HT", "totalTax": "TVA",
         "totalIncludingTax": "TTC"}

# ---- set A: what is fetched, from where, and how its truth is read --------------------------------
# client: pip-wheel (pip download --no-deps --only-binary :all:) or pip-sdist (--no-binary :all:).
# members: glob patterns inside the archive. lang: per member file name pattern (first match wins).
SOURCES = [
    {
        "id": "oca-facturx", "client": "pip-wheel",
        "spec": "odoo-addon-account-invoice-import-facturx==18.0.1.1.0.2",
        "file": "odoo_addon_account_invoice_import_facturx-18.0.1.1.0.2-py3-none-any.whl",
        "sha256": "011698664d2e40d99c8dc5911123537ca8225168d14069501b66f6587c85365b",
        "licence": "AGPL-3.0 (Odoo Community Association)",
        "members": ["odoo/addons/account_invoice_import_facturx/tests/files/*.pdf"],
        "truth": "xml",
        "lang": [("Facture_FR_*", "fr", "Factur-X (FNFE-MPE samples)"),
                 ("ZUGFeRD_1p0_*", "de", "ZUGFeRD 1.0 (FeRD samples)")],
    },
    {
        "id": "factur-x", "client": "pip-sdist", "spec": "factur-x==7.8", "file": "factur_x-7.8.tar.gz",
        "sha256": "c7efa5e559612a790faf97904aa5bc64300d11f7c35c9ba52467b0c5fb6d4c53",
        "licence": "BSD (Akretion)",
        "members": ["factur_x-7.8/tests/fixtures/pdf/invoice_EN16931.pdf"],
        "truth": "xml",
        "lang": [("*", "fr", "Factur-X (factur-x test fixture)")],
    },
    {
        "id": "oca-simple-pdf", "client": "pip-wheel",
        "spec": "odoo-addon-account-invoice-import-simple-pdf==18.0.1.1.0.3",
        "file": "odoo_addon_account_invoice_import_simple_pdf-18.0.1.1.0.3-py3-none-any.whl",
        "sha256": "3ec8875a499e2d83ddc37a0189762d593380219a8336ce07dc99cad4c4ad88db",
        "licence": "AGPL-3.0 (Odoo Community Association)",
        "members": ["odoo/addons/account_invoice_import_simple_pdf/tests/pdf/akretion_france-test.pdf"],
        # the values its tests/test_invoice_import.py (test_complete_import) asserts for this PDF
        "truth": "inline",
        "values": {"akretion_france-test": {"kind": None, "invoiceNumber": "VT/2022/0001", "date": "2022-09-21",
                                            "totalExcludingTax": "1509.00", "totalTax": "301.80",
                                            "totalIncludingTax": "1810.80"}},
        "lang": [("*", "fr", "real supplier invoices (OCA test)")],
    },
    {
        "id": "invoice2data", "client": "pip-sdist", "spec": "invoice2data==0.4.0", "file": "invoice2data-0.4.0.tar.gz",
        "sha256": "d84f2384903ff38e3ba9fb38104d4dbc9016b6559a848b8134691e0d3796c2c8",
        "licence": "MIT (invoice2data)",
        "members": ["invoice2data-0.4.0/tests/compare/*.pdf", "invoice2data-0.4.0/tests/compare/*.json"],
        "truth": "json",
        "lang": [("*Netpresse*", "fr", "real supplier invoices (invoice2data)"),
                 ("*free_fiber*", "fr", "real supplier invoices (invoice2data)"),
                 ("*QualityHosting*", "de", "real supplier invoices (invoice2data)"),
                 ("*", "en", "real supplier invoices (invoice2data)")],
    },
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(src, cache):
    """The archive of src in cache, downloaded with pip if missing; its sha256 checked."""
    path = os.path.join(cache, src["file"])
    if not (os.path.exists(path) and sha256(path) == src["sha256"]):
        tmp = tempfile.mkdtemp(dir=cache)
        binary = ["--only-binary", ":all:"] if src["client"] == "pip-wheel" else ["--no-binary", ":all:"]
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", *binary, "-d", tmp, src["spec"]]
        r = subprocess.run(cmd, capture_output=True, text=True)
        got = os.path.join(tmp, src["file"])
        if not os.path.exists(got):
            shutil.rmtree(tmp, ignore_errors=True)
            raise SystemExit(f"pip download {src['spec']} failed:\n{r.stderr[-2000:]}")
        os.replace(got, path)
        shutil.rmtree(tmp, ignore_errors=True)
    digest = sha256(path)
    if digest != src["sha256"]:
        raise SystemExit(f"{src['file']}: sha256 {digest}, expected {src['sha256']}")
    return path


def unpack(archive, patterns, dest):
    os.makedirs(dest, exist_ok=True)
    out = []
    if archive.endswith(".whl") or archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            names = z.namelist()
            for n in sorted(names):
                if any(fnmatch.fnmatch(n, p) for p in patterns):
                    target = os.path.join(dest, os.path.basename(n))
                    with z.open(n) as s, open(target, "wb") as t:
                        shutil.copyfileobj(s, t)
                    out.append(target)
    else:
        with tarfile.open(archive) as t:
            for m in sorted(t.getmembers(), key=lambda m: m.name):
                if m.isfile() and any(fnmatch.fnmatch(m.name, p) for p in patterns):
                    target = os.path.join(dest, os.path.basename(m.name))
                    with t.extractfile(m) as s, open(target, "wb") as f:
                        shutil.copyfileobj(s, f)
                    out.append(target)
    return out


def tool(*cmd):
    return subprocess.run(list(cmd), capture_output=True, text=True, check=True).stdout


def attachments(pdf):
    first = tool("pdfdetach", "-list", pdf).splitlines()[0]
    return int(first.split()[0])


# ---- truth from CII XML (ZUGFeRD 1.0 CrossIndustryDocument and CII D16B CrossIndustryInvoice) -----

def local(tag):
    return tag.rsplit("}", 1)[-1]


def chains(el, chain=()):
    """(chain of local names from root, element) for root and every element under it."""
    chain = chain + (local(el.tag),)
    yield chain, el
    for ch in el:
        yield from chains(ch, chain)


def find_all(root, *path):
    """Elements under root whose chain of local names ends with path."""
    return [el for chain, el in chains(root) if chain[-len(path):] == path]


def cii_truth(xml_bytes):
    root = ET.fromstring(xml_bytes)
    doc = "ExchangedDocument" if local(root.tag) == "CrossIndustryInvoice" else "HeaderExchangedDocument"
    number = find_all(root, doc, "ID")
    type_code = find_all(root, doc, "TypeCode")
    issue = find_all(root, doc, "IssueDateTime", "DateTimeString")
    currency = find_all(root, "InvoiceCurrencyCode")
    cur = currency[0].text.strip() if currency else None

    def amount(name):
        # the document-level summation only (not line or tax-breakdown amounts)
        els = [e for e in find_all(root, "SpecifiedTradeSettlementMonetarySummation", name)
               + find_all(root, "SpecifiedTradeSettlementHeaderMonetarySummation", name)]
        if name == "TaxTotalAmount" and cur:
            same = [e for e in els if e.get("currencyID") in (None, cur)]
            els = same or els
        if not els:
            return None
        return Decimal(els[0].text.strip())

    ht, tva, ttc = amount("TaxBasisTotalAmount"), amount("TaxTotalAmount"), amount("GrandTotalAmount")
    code = type_code[0].text.strip() if type_code else None
    negative = any(v is not None and v < 0 for v in (ht, tva, ttc))
    kind = {"380": "invoice", "386": "invoice", "389": "invoice", "751": "invoice", "381": "credit-note"}.get(code)
    if negative and kind == "invoice":  # a correction with negative totals: credit or invoice? not decidable
        kind = None
    date = None
    if issue:
        s = issue[0].text.strip()
        if re.fullmatch(r"\d{8}", s):
            date = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return {"kind": kind, "invoiceNumber": number[0].text.strip() if number else None, "date": date,
            "totalExcludingTax": fmt_amount(ht), "totalTax": fmt_amount(tva), "totalIncludingTax": fmt_amount(ttc),
            "typeCode": code, "other": other_amounts(root, amount)}


def other_amounts(root, amount):
    """The document's other amounts, by what they are, to name what a wrong total was instead
    (the "wrong totals" table): never scored, never printed one by one."""
    other = defaultdict(set)
    for name in ("LineTotalAmount", "ChargeTotalAmount", "AllowanceTotalAmount", "TotalPrepaidAmount",
                 "DuePayableAmount"):
        v = amount(name)
        if v is not None:
            other["summation " + name].add(fmt_amount(v))
    for tax in find_all(root, "ApplicableTradeTax"):
        for el in tax:
            if local(el.tag) in ("CalculatedAmount", "BasisAmount") and (el.text or "").strip():
                other["a VAT breakdown row's " + local(el.tag)].add(fmt_amount(Decimal(el.text.strip())))
    for chain, el in chains(root):
        v = (el.text or "").strip()
        if chain[-1] == "DateTimeString" and re.fullmatch(r"\d{8}", v):
            other["date: " + " ".join(chain[-3:-1])].add(f"{v[:4]}-{v[4:6]}-{v[6:]}")
    for el in find_all(root, "SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount") + \
            find_all(root, "SpecifiedLineTradeSettlement", "SpecifiedTradeSettlementLineMonetarySummation",
                     "LineTotalAmount"):
        if (el.text or "").strip():
            other["a line's amount"].add(fmt_amount(Decimal(el.text.strip())))
    return {k: sorted(v) for k, v in other.items()}


def fmt_amount(v):
    return None if v is None else str(abs(Decimal(v)).quantize(Decimal("0.01")))


def json_truth(path):
    d = json.load(open(path))
    d = d[0] if isinstance(d, list) else d

    def dec(k):
        return None if d.get(k) is None else Decimal(str(d[k]))

    ttc, ht = dec("amount"), dec("amount_untaxed")
    tva = ttc - ht if ttc is not None and ht is not None else None
    return {"kind": None, "invoiceNumber": d.get("invoice_number"), "date": (d.get("date") or "")[:10] or None,
            "totalExcludingTax": fmt_amount(ht), "totalTax": fmt_amount(tva), "totalIncludingTax": fmt_amount(ttc)}


# ---- is a truth value printed on the page? ------------------------------------------------------

MONTH_NAMES = {k: v.split() for k, v in layouts.MONTHS.items()}


def norm_text(s):
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", " ", s).replace(" ,", ",").lower()


def amount_forms(v):
    v = Decimal(v)
    ent, cents = f"{v:.2f}".split(".")
    groups = f"{int(ent):,}".split(",")
    forms = set()
    for dec in ",.":
        forms.add(f"{ent}{dec}{cents}")
        for th in [" ", ".", ",", "'"]:
            if th != dec:
                forms.add(th.join(groups) + dec + cents)
    if cents == "00":
        forms.add(ent)
    return forms


def date_forms(iso):
    d = dt.date.fromisoformat(iso)
    forms = set()
    for fmt in ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%m/%d/%Y", "%d/%m/%y", "%d.%m.%y", "%d-%m-%y",
                "%Y/%m/%d", "%Y%m%d"]:
        forms.add(d.strftime(fmt))
    for names in MONTH_NAMES.values():
        m = names[d.month - 1].lower()
        for day in {str(d.day), f"{d.day:02d}"}:
            forms |= {f"{day} {m} {d.year}", f"{day}. {m} {d.year}", f"{day} de {m} de {d.year}", f"{m} {day}, {d.year}",
                      f"{day} {m[:3]} {d.year}", f"{day}-{m[:3]}-{d.year}", f"{m[:3]} {day}, {d.year}",
                      f"{day} {m[:3]}. {d.year}", f"{day}-{m[:3]}-{d.year % 100:02d}"}
    return forms


def visible(field, value, text):
    """Whether value is printed in text (normalised pdftotext output of the page)."""
    if value is None:
        return False
    if field == "kind":
        return True  # read from the type code, not looked for on the page
    if field == "invoiceNumber":
        squeeze = text.replace(" ", "")
        return norm_number(value).lower() in squeeze
    if field == "date":
        return any(re.search(r"(?<![\d])" + re.escape(f) + r"(?![\d])", text) for f in date_forms(value))
    return any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|[.,]\d)", text) for f in amount_forms(value))


# ---- scans and photos ----------------------------------------------------------------------------

def rasterise(pdf, stem):
    tool("pdftoppm", "-r", "200", "-gray", "-png", pdf, stem + "-page")
    return sorted(f for f in (os.path.join(os.path.dirname(stem), n) for n in os.listdir(os.path.dirname(stem)))
                  if f.startswith(stem + "-page") and f.endswith(".png"))


def degrade(img, rng):
    """A phone photo of a page: 150 dpi, tilted, uneven light, sensor noise, soft focus, JPEG."""
    img = img.convert("L")
    img = img.resize((img.width * 3 // 4, img.height * 3 // 4), Image.LANCZOS)
    img = img.rotate(rng.uniform(-2.0, 2.0), expand=True, fillcolor=rng.randint(150, 200), resample=Image.BICUBIC)
    shade = Image.linear_gradient("L").rotate(rng.choice([0, 90, 180, 270]))  # light from one side
    img = ImageChops.subtract(img, shade.resize(img.size, Image.BILINEAR).point(lambda v: v * 45 // 255))
    # sensor noise from the seeded rng (Image.effect_noise is not seeded): uniform, sd ~22 around 128
    noise = Image.frombytes("L", img.size, rng.randbytes(img.width * img.height))
    img = Image.blend(img, noise.point(lambda v: 128 + (v - 128) * 3 // 10), 0.10)
    return img.filter(ImageFilter.GaussianBlur(0.7))


def copies(pdf, stem, rng):
    """[(path, mime, source)]: the text-layer PDF, a clean scan and a degraded photo. A one-page
    document gives a PNG scan and a JPEG photo; a longer one image-only PDFs of every page."""
    pages = rasterise(pdf, stem)
    out = [(pdf, "application/pdf", "text")]
    photos = [degrade(Image.open(p), rng) for p in pages]
    if len(pages) == 1:
        os.replace(pages[0], stem + "-scan.png")
        out.append((stem + "-scan.png", "image/png", "scan"))
        photos[0].save(stem + "-photo.jpg", quality=50)
        out.append((stem + "-photo.jpg", "image/jpeg", "photo"))
    else:
        imgs = [Image.open(p).convert("L") for p in pages]
        imgs[0].save(stem + "-scan.pdf", save_all=True, append_images=imgs[1:], resolution=200)
        out.append((stem + "-scan.pdf", "application/pdf", "scan"))
        photos[0].save(stem + "-photo.pdf", save_all=True, append_images=photos[1:], resolution=150, quality=50)
        out.append((stem + "-photo.pdf", "application/pdf", "photo"))
        for p in pages:
            os.remove(p)
    return out


# ---- building the sets ---------------------------------------------------------------------------

def strip(pdf, out):
    """The printed pages only: qpdf copies the pages into an empty document, so the document-level
    attachments (the Factur-X / ZUGFeRD XML), /AF and XMP metadata stay behind. Checked."""
    r = subprocess.run(["qpdf", "--empty", "--pages", pdf, "1-z", "--", out], capture_output=True, text=True)
    if r.returncode not in (0, 3):  # 3: warnings (a damaged xref qpdf repaired)
        raise SystemExit(f"qpdf {pdf}: {r.stderr[-500:]}")
    if attachments(out) != 0:
        raise SystemExit(f"{out} still carries embedded files")
    plain = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", out, "-"], capture_output=True).stdout
    if b"CrossIndustry" in plain or b"ZUGFeRD-invoice" in plain or b"factur-x.xml" in plain:
        raise SystemExit(f"{out} still contains the invoice XML")


def set_a(out, cache, rng):
    entries, skipped, seen = [], [], {}
    for src in SOURCES:
        archive = fetch(src, cache)
        raw = os.path.join(out, "A-raw", src["id"])
        files = unpack(archive, src["members"], raw)
        for pdf in [f for f in files if f.endswith(".pdf")]:
            name = os.path.splitext(os.path.basename(pdf))[0]
            lang, origin = next((lg, o) for pat, lg, o in src["lang"] if fnmatch.fnmatch(os.path.basename(pdf), pat))
            stem = os.path.join(out, "A", f"{src['id']}-{name}")
            os.makedirs(os.path.dirname(stem), exist_ok=True)
            if src["truth"] == "xml":
                xdir = tempfile.mkdtemp(dir=out)
                tool("pdfdetach", "-saveall", "-o", xdir, pdf)
                xmls = [os.path.join(xdir, n) for n in sorted(os.listdir(xdir)) if n.lower().endswith(".xml")]
                if not xmls:
                    skipped.append((src["id"], name, "no embedded XML"))
                    continue
                truth = cii_truth(open(xmls[0], "rb").read())
                shutil.rmtree(xdir)
                key = tuple(truth.get(f) for f in FIELDS[1:])
                if key in seen:  # one invoice published in several profiles: its page counts once
                    skipped.append((src["id"], name, "same invoice as " + seen[key]))
                    continue
                seen[key] = name
                strip(pdf, stem + ".pdf")
            elif src["truth"] == "inline":
                truth = dict(src["values"][name])
                shutil.copy(pdf, stem + ".pdf")
                if attachments(stem + ".pdf") != 0:
                    raise SystemExit(f"{stem}.pdf carries embedded files")
            else:
                jpath = os.path.splitext(pdf)[0] + ".json"
                if not os.path.exists(jpath):
                    skipped.append((src["id"], name, "no expected JSON"))
                    continue
                truth = json_truth(jpath)
                shutil.copy(pdf, stem + ".pdf")
                if attachments(stem + ".pdf") != 0:
                    raise SystemExit(f"{stem}.pdf carries embedded files")
            text = norm_text(tool("pdftotext", "-q", stem + ".pdf", "-"))
            kept, dropped = {}, []
            for f in FIELDS:
                v = truth.get(f)
                if v is not None and visible(f, v, text):
                    kept[f] = v
                else:
                    kept[f] = None
                    dropped.append(f)
            if not any(kept[f] for f in FIELDS if f != "kind"):
                skipped.append((src["id"], name, "no truth value printed on the page"))
                continue
            for path, mime, source in copies(stem + ".pdf", stem, rng):
                entries.append({"set": "A", "file": path, "mime": mime, "source": source, "lang": lang,
                                "origin": origin, "doc": f"{src['id']}/{name}", "truth": kept, "unscored": dropped,
                                "typeCode": truth.get("typeCode"), "other": truth.get("other")})
    shutil.rmtree(os.path.join(out, "A-raw"), ignore_errors=True)
    return entries, skipped


def set_b(out, per_layout, rng):
    entries = []
    for pdf, name, lang, truth in layouts.generate(os.path.join(out, "B"), per_layout, rng):
        stem = os.path.splitext(pdf)[0]
        for path, mime, source in copies(pdf, stem, rng):
            entries.append({"set": "B", "file": path, "mime": mime, "source": source, "lang": lang, "origin": name,
                            "doc": os.path.basename(stem), "truth": truth, "unscored": []})
    return entries


# ---- running Coffre and scoring --------------------------------------------------------------------

def run(binary, entries, langs, jobs):
    def one(e):
        cmd = [binary, "ocr", "run", "--explain", "--type", e["mime"], "--languages", langs, e["file"]]
        try:
            r = subprocess.run(cmd, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}, timeout=900)
            fields = json.loads(r.stdout)["fields"] if r.returncode == 0 else {}
            e["exit"] = r.returncode
            if r.returncode != 0:
                e["stderr"] = r.stderr.decode(errors="replace")[-500:]
        except (subprocess.TimeoutExpired, ValueError, KeyError) as err:
            fields, e["exit"], e["stderr"] = {}, -1, str(err)[:500]
        e["got"] = {f: (fields.get(f) or {}).get("value") for f in FIELDS}
        e["full"] = fields
        rule = re.search(r"^totals: (.*)$", r.stderr.decode(errors="replace"), re.M) if r.returncode == 0 else None
        e["totalsRule"] = rule.group(1) if rule else None
        return e

    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(one, entries))


def norm_number(s):
    s = re.sub(r"\s", "", str(s)).upper()
    return s.lstrip("#")


def same(field, got, want):
    if got is None:
        return False
    if field in ("totalExcludingTax", "totalTax", "totalIncludingTax"):
        try:  # credit notes: amounts compared as magnitudes (the sign convention is Coffre's to document)
            return abs(Decimal(str(got))) == Decimal(want)
        except InvalidOperation:
            return False
    if field == "invoiceNumber":
        return norm_number(got) == norm_number(want)
    return str(got) == want


def score(entries, keyfn):
    """key -> {"docs": n, field: [printed, reported, right]}; a field without truth is not counted."""
    rows = defaultdict(lambda: {"docs": 0, **{f: [0, 0, 0] for f in FIELDS}})
    for e in entries:
        for key in keyfn(e):
            rows[key]["docs"] += 1
            for f in FIELDS:
                want = e["truth"].get(f)
                if want is None:
                    continue
                got = e["got"][f]
                cell = rows[key][f]
                cell[0] += 1
                cell[1] += got is not None
                cell[2] += same(f, got, want)
    return rows


def pct(a, b):
    return "–" if b == 0 else f"{100 * a / b:.0f}"


def table(rows, first="lang"):
    head = f"| {first} | source | docs | " + " | ".join(SHORT[f] for f in FIELDS) + " | all: acc / prec / recall |"
    out = [head, "|---|---|---:|" + "---:|" * len(FIELDS) + "---|"]
    for key in sorted(rows, key=lambda k: (k[0] != "all", k[0], k[1] != "all", k[1])):
        cells = rows[key]
        acc = " | ".join("–" if c[0] == 0 else f"{pct(c[2], c[0])} / {pct(c[2], c[1])} / {pct(c[1], c[0])}"
                         for c in (cells[f] for f in FIELDS))
        tot = [sum(cells[f][i] for f in FIELDS) for i in range(3)]
        out.append(f"| {key[0]} | {key[1]} | {cells['docs']} | {acc} | {pct(tot[2], tot[0])} / {pct(tot[2], tot[1])} / "
                   f"{pct(tot[1], tot[0])} |")
    return "\n".join(out)


def report(entries, skipped):
    text = ["Cells: accuracy / precision / recall in % (accuracy = right / printed, precision = right / values "
            "reported, recall = values reported / printed); `–` in a field: no truth for it in that group. "
            "docs = documents × copies.", ""]
    for s, title in [("A", "Set A: documents from outside the project (printed page only)"),
                     ("B", "Set B: layouts designed for this evaluation (" + ", ".join(layouts.LAYOUTS) + ")")]:
        part = [e for e in entries if e["set"] == s]
        if not part:
            continue
        by_lang = score(part, lambda e: [(e["lang"], e["source"]), (e["lang"], "all"), ("all", e["source"]),
                                          ("all", "all")])
        text += [f"#### {title}", "", table(by_lang), ""]
        if s == "A":  # by layout for set B would point the tuning at single layouts: details.json only
            by_origin = score(part, lambda e: [(e["origin"], e["source"]), (e["origin"], "all")])
            text += ["By origin:", "", table(by_origin, "origin"), ""]
    wrong = wrong_totals([e for e in entries if e["set"] == "A"])
    if wrong:
        text += ["Set A, wrong dates and totals by what the value was instead (counts over all copies; first "
                 "class that matches: for totals the other two totals, then the XML's other amounts; for dates "
                 "day and month swapped, then the XML's other dates by element):", "", wrong, ""]
    if skipped:
        text.append(f"Set A documents left out (the same invoice in another profile, or no truth printed on the page): {len(skipped)}.")
    return "\n".join(text)


def wrong_totals(entries):
    """field -> class -> count, for dates and totals reported with a wrong value: an aggregate that names the
    failure class without showing any document."""
    totals = ("totalExcludingTax", "totalTax", "totalIncludingTax")
    counts = defaultdict(lambda: defaultdict(int))
    for e in entries:
        for f in totals:
            want, got = e["truth"].get(f), e["got"][f]
            if want is None or got is None or same(f, got, want):
                continue
            try:
                g = fmt_amount(Decimal(str(got)))
            except InvalidOperation:
                counts[f]["not an amount"] += 1
                continue
            cls = next((f"the truth's {SHORT[o]}" for o in totals if o != f and e["truth"].get(o) == g), None)
            if cls is None:
                cls = next((k for k, vs in (e.get("other") or {}).items() if g in vs), None)
            if cls is None and e["truth"].get(f):
                w = Decimal(e["truth"][f])
                if w and Decimal(g) == -w:
                    cls = "the truth, negated"
                elif w and abs(Decimal(g) - w) <= Decimal("0.05"):
                    cls = "within 5 cents of the truth"
                elif w and Decimal(g) in (w * 10, w * 100, w * 1000, w / 10, w / 100, w / 1000):
                    cls = "the truth with a separator misread (x or / 10, 100, 1000)"
                elif w:
                    cls = "none of these, below the truth" if Decimal(g) < w else "none of these, above the truth"
            counts[f][cls or "none of these"] += 1
    for e in entries:
        want, got = e["truth"].get("date"), e["got"]["date"]
        if want is None or got is None or same("date", got, want):
            continue
        cls = None
        if len(str(got)) == 10 and str(got)[:4] == want[:4] and str(got)[5:7] == want[8:] and str(got)[8:] == want[5:7]:
            cls = "day and month swapped"
        cls = cls or next((k[len("date: "):] + " (XML)" for k, vs in (e.get("other") or {}).items()
                           if k.startswith("date: ") and str(got) in vs), None)
        if cls is None and str(got)[:4] != want[:4]:
            cls = "another year"
        counts["date"][cls or "none of these"] += 1
    for e in entries:  # which rule of the extraction gave the wrong totals (and its readings' strengths)
        if any(e["truth"].get(f) is not None and e["got"][f] is not None and not same(f, e["got"][f], e["truth"][f])
               for f in totals):
            counts["totals rule"][e.get("totalsRule") or "unknown"] += 1
    if not counts:
        return ""
    out = ["| field | what the wrong value was | count |", "|---|---|---:|"]
    for f in ("date",) + totals + ("totals rule",):
        for cls, n in sorted(counts[f].items(), key=lambda kv: -kv[1]):
            out.append(f"| {SHORT.get(f, f)} | {cls} | {n} |")
    return "\n".join(out)


def composition(entries, skipped):
    """'set A: 19 documents (de 11, en 4, fr 4), 6 skipped; set B: ...' (documents, not copies)."""
    parts = []
    for s in ("A", "B"):
        docs = {(e["doc"], e["lang"]) for e in entries if e["set"] == s}
        if not docs:
            continue
        per = defaultdict(int)
        for _, lang in docs:
            per[lang] += 1
        extra = f", {len(skipped)} skipped (duplicate or no printed truth)" if s == "A" else ""
        parts.append(f"set {s}: {len(docs)} documents (" + ", ".join(f"{k} {v}" for k, v in sorted(per.items()))
                     + f"){extra}, each as text layer, scan and photo")
    return "; ".join(parts)


def default_label(binary):
    """The binary and the sources' commit ("+changes" when the tree is dirty), read before the run so
    that an edit made during it cannot relabel the table."""
    def git(*cmd):
        here = os.path.dirname(os.path.abspath(__file__))
        r = subprocess.run(["git", *cmd], capture_output=True, text=True, cwd=here)
        return r.stdout.strip() if r.returncode == 0 else ""
    commit = git("rev-parse", "--short", "HEAD") or "unknown commit"
    dirty = " +changes" if git("status", "--porcelain", "--untracked-files=no") else ""
    return f"`{binary}`, sources at {commit}{dirty}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", required=True, help="scratch directory (documents, details.json)")
    ap.add_argument("--cache", help="where fetched archives are kept (default: OUT/fetched)")
    ap.add_argument("--per-layout", type=int, default=2)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--languages", default="fra+eng")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sets", default="A,B")
    ap.add_argument("--sources", default="text,scan,photo",
                    help="comma-separated copies to read (text: the text-layer PDF; scan, photo: OCR)")
    ap.add_argument("--md", help="write the tables to this Markdown file")
    ap.add_argument("--command", default="bash benches/ocr/outside/run.sh --bin BIN", help="command line for --md")
    ap.add_argument("--label", default="", help="what was measured, for --md (branch, commit, build)")
    args = ap.parse_args()
    label = args.label or default_label(args.bin)
    os.makedirs(args.out, exist_ok=True)
    cache = args.cache or os.path.join(args.out, "fetched")
    os.makedirs(cache, exist_ok=True)
    rng = random.Random(args.seed)
    entries, skipped = [], []
    sets = args.sets.split(",")
    if "A" in sets:
        a, skipped = set_a(args.out, cache, random.Random(args.seed + 1))
        entries += a
    if "B" in sets:
        entries += set_b(args.out, args.per_layout, rng)
    entries = [e for e in entries if e["source"] in args.sources.split(",")]
    print(f"{len(entries)} documents to read", file=sys.stderr)
    entries = run(os.path.abspath(args.bin), entries, args.languages, args.jobs)
    with open(os.path.join(args.out, "details.json"), "w") as f:
        json.dump({"entries": entries, "skipped": skipped}, f, indent=1, default=str, ensure_ascii=False)
    text = report(entries, skipped)
    print(text)
    if args.md:
        when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
        with open(args.md, "w") as f:
            f.write("# Outside evaluation of field extraction (`benches/ocr/outside`)\n\n")
            f.write(f"- date: {when}\n- measured: {label}\n- command: `{args.command}`\n")
            f.write(f"- seed {args.seed}, {args.per_layout} documents per set-B layout, languages `{args.languages}`, "
                    f"{args.jobs} documents at a time, OMP_THREAD_LIMIT=1\n")
            f.write(f"- {composition(entries, skipped)}\n")
            f.write("- provenance, licences and how the truth is obtained: `benches/ocr/outside/README.md`; "
                    "per-document details: `OUT/details.json` (not published here on purpose: the tuning "
                    "of the extraction must not see these documents)\n\n")
            f.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
