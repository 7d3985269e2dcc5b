"""Set B of the outside evaluation: ten invoice layouts drawn for it alone.

Designed apart from benches/ocr/generate.py and benches/ocr/heldout.py (no drawing code shared):
TrueType fonts from Debian's fonts-dejavu-core, fonts-liberation and fonts-freefont-ttf embedded
through reportlab's TTFont, other label wordings, other positions for the totals, and the traps
of real invoices: two VAT rates, 0 % reverse charge, credit notes, month-first US dates, narrow
till receipts, thousands separators ("1 234,56", "1.234,56", "1,234.56"), legal mentions with
numbers next to the totals, delivery and due dates next to the invoice date, cash given and
change on a receipt, a VAT base printed on the same line as its tax.

Every document is drawn from a seeded random.Random: same seed, same documents, same truth.
"""

import datetime as dt
import glob
import os
from collections import OrderedDict
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

CENT = Decimal("0.01")

# name -> file name (searched under /usr/share/fonts)
FONT_FILES = {
    "DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSerif": "DejaVuSerif.ttf", "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
    "DejaVuCond": "DejaVuSansCondensed.ttf", "DejaVuCond-Bold": "DejaVuSansCondensed-Bold.ttf",
    "LibSans": "LiberationSans-Regular.ttf", "LibSans-Bold": "LiberationSans-Bold.ttf",
    "LibSerif": "LiberationSerif-Regular.ttf", "LibSerif-Bold": "LiberationSerif-Bold.ttf",
    "LibNarrow": "LiberationSansNarrow-Regular.ttf", "LibNarrow-Bold": "LiberationSansNarrow-Bold.ttf",
    "LibMono": "LiberationMono-Regular.ttf", "LibMono-Bold": "LiberationMono-Bold.ttf",
    "FreeSans": "FreeSans.ttf", "FreeSans-Bold": "FreeSansBold.ttf",
    "FreeSerif": "FreeSerif.ttf", "FreeSerif-Bold": "FreeSerifBold.ttf",
    "FreeMono": "FreeMono.ttf", "FreeMono-Bold": "FreeMonoBold.ttf",
}
_registered = set()


def font(name):
    if name not in _registered:
        hits = sorted(glob.glob(f"/usr/share/fonts/**/{FONT_FILES[name]}", recursive=True))
        if not hits:
            raise SystemExit(f"font {FONT_FILES[name]} not found: apt-get install fonts-dejavu-core "
                             "fonts-liberation fonts-freefont-ttf")
        pdfmetrics.registerFont(TTFont(name, hits[0]))
        _registered.add(name)
    return name


def q(x):
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


def money(x, thousands, decimal):
    """money(1234.5, ' ', ',') -> '1 234,50'."""
    s = f"{q(x):,.2f}"  # 1,234.50
    return s.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def fr(x):
    return money(x, " ", ",")


def fr_nbsp(x):
    return money(x, "\u00a0", ",")


def de(x):
    return money(x, ".", ",")


def us(x):
    return money(x, ",", ".")


def rate_txt(r, decimal=","):
    return format(Decimal(r).normalize(), "f").replace(".", decimal)


MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}


def month(lang, d):
    return MONTHS[lang].split()[d.month - 1]


class Invoice:
    """One document's content, drawn at random; the layout decides how it is printed."""

    def __init__(self, rng, rates, kind, items, unit_range=(800, 90000), qty=(1, 12), lines=(2, 5),
                 number=None, inclusive=False):
        self.kind = kind
        self.date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
        self.delivery = self.date - dt.timedelta(days=rng.randint(1, 12))
        self.due = self.date + dt.timedelta(days=rng.choice([10, 15, 30, 45, 60]))
        self.lines = []
        n = rng.randint(*lines)
        for i in range(n):
            rate = rates[i % len(rates)] if i < len(rates) else rng.choice(rates)
            self.lines.append((rng.choice(items), rng.randint(*qty), q(Decimal(rng.randint(*unit_range)) / 100), rate))
        self.base = OrderedDict()
        for r in rates:
            b = sum((q(qt * u) for _, qt, u, rr in self.lines if rr == r), Decimal(0))
            if b:
                self.base[r] = b
        self.vat = OrderedDict((r, q(b * Decimal(r) / 100)) for r, b in self.base.items())
        if inclusive:  # till receipts: printed prices include VAT; the base is worked back from them
            self.vat = OrderedDict((r, b - q(b * 100 / (100 + Decimal(r)))) for r, b in self.base.items())
            self.base = OrderedDict((r, b - self.vat[r]) for r, b in self.base.items())
        self.ht = sum(self.base.values(), Decimal(0))
        self.tva = sum(self.vat.values(), Decimal(0))
        self.ttc = self.ht + self.tva
        self.number = number(rng, self) if number else f"{self.date.year}-{rng.randint(1000, 99999)}"

    def truth(self):
        return {"kind": self.kind, "invoiceNumber": self.number, "date": self.date.isoformat(),
                "totalExcludingTax": str(q(self.ht)), "totalTax": str(q(self.tva)),
                "totalIncludingTax": str(q(self.ttc))}


class Page:
    def __init__(self, path, size=A4):
        self.c = canvas.Canvas(path, pagesize=size, invariant=1)
        self.w, self.h = size

    def t(self, x, y, s, f, size=9, align="l", gray=0):
        self.c.setFillGray(gray)
        self.c.setFont(font(f), size)
        {"l": self.c.drawString, "r": self.c.drawRightString, "c": self.c.drawCentredString}[align](x, y, s)
        self.c.setFillGray(0)

    def box(self, x, y, w, h, fill=None, stroke=1, width=0.8):
        self.c.setLineWidth(width)
        if fill is not None:
            self.c.setFillGray(fill)
        self.c.rect(x, y, w, h, fill=1 if fill is not None else 0, stroke=stroke)
        self.c.setFillGray(0)

    def hline(self, x1, x2, y, width=0.5):
        self.c.setLineWidth(width)
        self.c.line(x1, y, x2, y)

    def save(self):
        self.c.showPage()
        self.c.save()


def item_rows(p, d, y, cols, fmt, f, fb, size=8.5, step=15, rate_col=None):
    """cols: [(header, x, align)] for description, quantity, unit price, [rate], amount."""
    for head, x, al in cols:
        p.t(x, y, head, fb, size, al)
    p.hline(cols[0][1], cols[-1][1] if cols[-1][2] != "r" else cols[-1][1], y - 4)
    for desc, qt, unit, rate in d.lines:
        y -= step
        vals = [desc, str(qt), fmt(unit)] + ([rate_col(rate)] if rate_col else []) + [fmt(q(qt * unit))]
        for (head, x, al), v in zip(cols, vals):
            p.t(x, y, v, f, size, al)
    return y - step


# ---- 1. fr-bandeau: French invoice, two VAT rates, totals boxed, legal mention below -------------

FR_ITEMS = ["Pose de parquet chêne", "Fourniture lames 14 mm", "Plinthes assorties", "Livraison sur chantier",
            "Vernis mat 5 L", "Dépose ancien revêtement", "Ouvrage documentaire", "Location nacelle (jour)"]


def fr_bandeau(d, path, rng):
    p = Page(path)
    p.box(0, 770, p.w, 72, fill=0.25, stroke=0)
    p.t(40, 805, "ATELIER BOISSERIE DU RHÔNE", "DejaVuSans-Bold", 15, gray=1)
    p.t(40, 788, "SAS au capital de 15 000 € · 27 quai Perrache · 69002 Lyon", "DejaVuSans", 8, gray=1)
    p.t(555, 800, "FACTURE", "DejaVuSans-Bold", 20, "r", gray=1)
    y = 740
    for lab, val in [("Facture n°", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"),
                     ("Date de livraison", f"{d.delivery:%d/%m/%Y}"), ("Date d'échéance", f"{d.due:%d/%m/%Y}")]:
        p.t(330, y, lab, "DejaVuSans", 8.5)
        p.t(555, y, val, "DejaVuSans-Bold", 8.5, "r")
        y -= 13
    p.t(40, 740, "Client", "DejaVuSans-Bold", 8.5)
    p.t(40, 727, "Mairie de Villeurbanne — Services techniques", "DejaVuSans", 8.5)
    p.t(40, 714, "Place Lazare-Goujon, 69100 Villeurbanne", "DejaVuSans", 8.5)
    y = item_rows(p, d, 660, [("Désignation", 40, "l"), ("Qté", 300, "r"), ("PU HT", 380, "r"), ("TVA", 430, "r"),
                              ("Montant HT", 555, "r")], fr, "DejaVuSans", "DejaVuSans-Bold",
                  rate_col=lambda r: rate_txt(r) + " %")
    y -= 10
    p.t(40, y, "Taux", "DejaVuSans-Bold", 8)
    p.t(140, y, "Base HT", "DejaVuSans-Bold", 8, "r")
    p.t(220, y, "TVA", "DejaVuSans-Bold", 8, "r")
    for i, r in enumerate(d.base):
        p.t(40, y - 12 * (i + 1), rate_txt(r) + " %", "DejaVuSans", 8)
        p.t(140, y - 12 * (i + 1), fr(d.base[r]), "DejaVuSans", 8, "r")
        p.t(220, y - 12 * (i + 1), fr(d.vat[r]), "DejaVuSans", 8, "r")
    p.box(330, y - 62, 225, 70)
    for i, (lab, v) in enumerate([("Montant net", d.ht), ("TVA", d.tva), ("Total à payer", d.ttc)]):
        bold = i == 2
        p.t(340, y - 8 - 22 * i, lab, "DejaVuSans-Bold" if bold else "DejaVuSans", 10 if bold else 9)
        p.t(548, y - 8 - 22 * i, fr(v) + " €", "DejaVuSans-Bold" if bold else "DejaVuSans", 10 if bold else 9, "r")
    p.t(40, y - 80, "Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité forfaitaire pour frais de "
        "recouvrement : 40 € (art. L441-10 et D441-5", "DejaVuSans", 6.5)
    p.t(40, y - 89, "du Code de commerce). Escompte pour paiement anticipé : néant. SIRET 552 081 317 00028 — "
        "RCS Lyon 552 081 317 — APE 4332A.", "DejaVuSans", 6.5)
    p.save()


# ---- 2. fr-ticket: French till receipt, narrow, VAT included -------------------------------------

def fr_ticket(d, path, rng):
    p = Page(path, (204, 470))
    y = 445
    for s, f, size in [("BOULANGERIE DES CAPUCINS", "LibMono-Bold", 8.5), ("12 rue Thiers 33000 BORDEAUX", "LibMono", 7),
                       ("SIRET 803 115 667 00014", "LibMono", 7), ("Tél. 05 56 44 21 09", "LibMono", 7)]:
        p.t(102, y, s, f, size, "c")
        y -= 10
    y -= 6
    p.t(8, y, f"Ticket n° {d.number}", "LibMono", 7)
    y -= 10
    p.t(8, y, f"Le {d.date:%d/%m/%Y} à {rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}  Caisse 2", "LibMono", 7)
    y -= 14
    for desc, qt, unit, rate in d.lines:
        p.t(8, y, f"{qt} x {desc[:18]}", "LibMono", 7)
        p.t(196, y, fr(q(qt * unit)), "LibMono", 7, "r")
        y -= 9
    y -= 4
    p.hline(8, 196, y + 4)
    y -= 8
    p.t(8, y, "TOTAL TTC", "LibMono-Bold", 9)
    p.t(196, y, "EUR " + fr(d.ttc), "LibMono-Bold", 9, "r")
    y -= 14
    p.t(8, y, "Taux    HT      TVA     TTC", "LibMono", 6.5)
    for r in d.base:
        y -= 9
        p.t(8, y, f"{rate_txt(r):>5}%  {fr(d.base[r]):>7} {fr(d.vat[r]):>7} {fr(d.base[r] + d.vat[r]):>7}", "LibMono", 6.5)
    y -= 12
    p.t(8, y, f"dont TVA        {fr(d.tva)}", "LibMono", 7)
    y -= 9
    p.t(8, y, f"Total HT        {fr(d.ht)}", "LibMono", 7)
    y -= 12
    p.t(8, y, "CB SANS CONTACT  " + fr(d.ttc), "LibMono", 7)
    p.t(102, y - 16, "Merci de votre visite !", "LibMono", 7, "c")
    p.save()


# ---- 3. en-us-sidebar: US invoice, month-first dates, totals in a right sidebar -------------------

EN_ITEMS = ["Consulting hours", "Annual license", "Onboarding workshop", "Support plan (monthly)", "Cloud storage 1 TB",
            "Custom integration", "Travel expenses", "Hardware token"]


def en_us_sidebar(d, path, rng):
    p = Page(path, LETTER)
    p.box(412, 0, 200, 792, fill=0.88, stroke=0)
    p.t(40, 740, "Harbor Analytics LLC", "LibSans-Bold", 16)
    p.t(40, 725, "1200 Pine Street, Suite 410 · Seattle, WA 98101 · (206) 555-0143", "LibSans", 8)
    p.t(40, 690, "Bill to", "LibSans-Bold", 9)
    p.t(40, 677, "Gamma Conseil SARL, 4 rue de la Paix, 75002 Paris, France", "LibSans", 9)
    y = item_rows(p, d, 630, [("Description", 40, "l"), ("Qty", 230, "r"), ("Unit price", 310, "r"),
                              ("Amount", 395, "r")], us, "LibSans", "LibSans-Bold")
    rate = next(iter(d.base))
    for i, (lab, v) in enumerate([("Subtotal", d.ht), (f"Sales tax ({rate_txt(rate, '.')}%)", d.tva), ("Total", d.ttc)]):
        p.t(250, y - 16 * i, lab, "LibSans-Bold" if i == 2 else "LibSans", 9)
        p.t(395, y - 16 * i, "$" + us(v), "LibSans-Bold" if i == 2 else "LibSans", 9, "r")
    p.t(40, 90, "Terms: Net 30. Late payments accrue 1.5% per month. Federal Tax ID 91-1234567.", "LibSans", 7)
    p.t(430, 740, "INVOICE", "LibSans-Bold", 22)
    y = 705
    for lab, val in [("Invoice No.", d.number), ("Invoice Date", f"{d.date:%m/%d/%Y}"),
                     ("Ship Date", f"{d.delivery:%m/%d/%Y}"), ("Payment Due", f"{d.due:%m/%d/%Y}"),
                     ("PO Number", f"PO-{rng.randint(10000, 99999)}")]:
        p.t(430, y, lab, "LibSans", 8, gray=0.3)
        p.t(430, y - 13, val, "LibSans-Bold", 11)
        y -= 36
    p.t(430, y - 10, "Balance Due", "LibSans", 9, gray=0.3)
    p.t(430, y - 32, "$" + us(d.ttc), "LibSans-Bold", 18)
    p.save()


def us_dates(rng, d):
    """A US layout carries at least one date whose day proves the month-first order."""
    return any(x.day > 12 for x in (d.date, d.delivery, d.due))


# ---- 4. en-gb-credit: UK credit note, written dates, amounts in brackets on the lines -------------

def en_gb_credit(d, path, rng):
    p = Page(path)
    p.t(40, 790, "Kestrel Office Supplies Ltd", "FreeSerif-Bold", 17)
    p.t(40, 775, "Unit 9, Canal Wharf, Birmingham B1 2JT · VAT Reg. GB 274 1938 52 · Company No. 07412398",
        "FreeSerif", 8)
    p.t(40, 735, "CREDIT NOTE", "FreeSerif-Bold", 20)
    inv = f"INV-{rng.randint(100000, 999999)}"
    y = 705
    for lab, val in [("Credit note number", d.number), ("Date of issue", f"{d.date.day} {d.date:%B %Y}"),
                     ("Against invoice", inv), ("Invoice date", f"{d.delivery:%d/%m/%Y}")]:
        p.t(40, y, lab + ":", "FreeSerif", 10)
        p.t(170, y, val, "FreeSerif-Bold", 10)
        y -= 14
    p.t(330, 705, "Reason: goods returned damaged", "FreeSerif", 9)
    y = item_rows(p, d, 620, [("Item", 40, "l"), ("Qty", 290, "r"), ("Unit price", 380, "r"), ("Credit", 540, "r")],
                  lambda v: f"(£{us(v)})", "FreeSerif", "FreeSerif-Bold", size=9.5)
    rate = next(iter(d.base))
    for i, (lab, v) in enumerate([("Net amount", d.ht), (f"VAT at {rate_txt(rate, '.')}%", d.tva),
                                  ("Total credit", d.ttc)]):
        p.t(330, y - 18 * i, lab, "FreeSerif-Bold" if i == 2 else "FreeSerif", 10.5)
        p.t(540, y - 18 * i, "£" + us(v), "FreeSerif-Bold" if i == 2 else "FreeSerif", 10.5, "r")
    p.t(40, y - 80, "This amount will be refunded to your account within 14 days.", "FreeSerif", 8.5)
    p.save()


# ---- 5. de-zwei-saetze: German invoice, 19 % and 7 %, base printed on the tax line ----------------

DE_ITEMS = ["Fachbuch Steuerrecht", "Seminargebühr", "Druckerpatrone XL", "Lieferung frei Haus", "Wartungspauschale",
            "Kopierpapier A4 (Karton)", "Montagearbeiten (Std.)", "Zeitschriften-Abo"]


def de_zwei_saetze(d, path, rng):
    p = Page(path)
    p.t(40, 780, "Buch & Büro Hansen GmbH · Lindenallee 3 · 50968 Köln", "DejaVuSerif", 7)
    p.hline(40, 280, 776)
    for i, s in enumerate(["Steuerkanzlei Weber & Partner", "Frau A. Weber", "Goethestraße 18", "60313 Frankfurt am Main"]):
        p.t(40, 760 - 12 * i, s, "DejaVuSerif", 9.5)
    y = 770
    for lab, val in [("Rechnungs-Nr.", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"),
                     ("Leistungsdatum", f"{d.delivery:%d.%m.%Y}"), ("Kunden-Nr.", str(rng.randint(20000, 89999))),
                     ("Fällig am", f"{d.due:%d.%m.%Y}")]:
        p.t(360, y, lab, "DejaVuSerif", 8.5)
        p.t(555, y, val, "DejaVuSerif", 8.5, "r")
        y -= 12
    p.t(40, 680, f"Rechnung {d.number}", "DejaVuSerif-Bold", 13)
    p.t(40, 664, "Sehr geehrte Damen und Herren, wir berechnen Ihnen:", "DejaVuSerif", 9)
    y = item_rows(p, d, 635, [("Bezeichnung", 40, "l"), ("Menge", 290, "r"), ("Einzelpreis", 370, "r"),
                              ("USt.", 420, "r"), ("Gesamt", 555, "r")], de, "DejaVuSerif", "DejaVuSerif-Bold",
                  rate_col=lambda r: rate_txt(r) + " %")
    p.hline(300, 555, y + 8)
    rows = [("Zwischensumme", d.ht)] + [(f"zzgl. USt. {rate_txt(r)} % auf {de(d.base[r])} €", d.vat[r]) for r in d.base] \
        + [("Rechnungsbetrag", d.ttc)]
    for i, (lab, v) in enumerate(rows):
        bold = i == len(rows) - 1
        p.t(300, y - 15 * i, lab, "DejaVuSerif-Bold" if bold else "DejaVuSerif", 9)
        p.t(555, y - 15 * i, de(v) + " €", "DejaVuSerif-Bold" if bold else "DejaVuSerif", 9, "r")
    y -= 15 * len(rows) + 20
    p.t(40, y, f"Zahlbar ohne Abzug bis zum {d.due:%d.%m.%Y}. Bei Zahlung innerhalb von 8 Tagen 2 % Skonto.",
        "DejaVuSerif", 8)
    p.hline(40, 555, 70)
    p.t(40, 58, "Sitz Köln · Amtsgericht Köln HRB 84412 · Geschäftsführer: J. Hansen · USt-IdNr. DE 812 345 679",
        "DejaVuSerif", 6.5)
    p.t(40, 49, "Sparkasse KölnBonn · IBAN DE44 3705 0198 0012 3456 78 · BIC COLSDE33", "DejaVuSerif", 6.5)
    p.save()


# ---- 6. de-gutschrift: German credit note, written date, negative totals in a box ---------------

def de_gutschrift(d, path, rng):
    p = Page(path)
    p.t(555, 800, "ELEKTROGROSSHANDEL NORD KG", "FreeSans-Bold", 12, "r")
    p.t(555, 787, "Am Hafen 21 · 28217 Bremen · Tel. 0421 33 88 10", "FreeSans", 8, "r")
    p.t(40, 730, "Gutschrift", "FreeSans-Bold", 22)
    p.t(40, 708, f"Gutschrift Nr. {d.number} vom {d.date.day}. {month('de', d.date)} {d.date.year}", "FreeSans", 10)
    p.t(40, 694, f"Bezug: Rechnung R-{rng.randint(10000, 99999)} vom {d.delivery:%d.%m.%Y}", "FreeSans", 9)
    y = item_rows(p, d, 650, [("Pos. / Artikel", 40, "l"), ("Anzahl", 300, "r"), ("Preis", 390, "r"),
                              ("Betrag", 555, "r")], lambda v: "-" + de(v), "FreeSans", "FreeSans-Bold")
    p.box(310, y - 50, 245, 60, fill=0.93)
    rate = next(iter(d.base))
    for i, (lab, v) in enumerate([("Nettobetrag", d.ht), (f"MwSt {rate_txt(rate)} %", d.tva),
                                  ("Gutschriftbetrag", d.ttc)]):
        p.t(320, y - 4 - 18 * i, lab, "FreeSans-Bold" if i == 2 else "FreeSans", 10)
        p.t(548, y - 4 - 18 * i, "-" + de(v) + " EUR", "FreeSans-Bold" if i == 2 else "FreeSans", 10, "r")
    p.t(40, y - 80, "Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.", "FreeSans", 8.5)
    p.save()


# ---- 7. nl-verlegd: Dutch invoice, reverse charge 0 %, narrow font, legal mention -----------------

NL_ITEMS = ["Installatie zonnepanelen", "Omvormer 5 kW", "Montagemateriaal", "Arbeidsuren", "Voorrijkosten",
            "Kabelgoot 2 m", "Advieswerk", "Steigerhuur (week)"]


def nl_verlegd(d, path, rng):
    p = Page(path)
    p.t(40, 790, "Zonnewerk Noord B.V.", "LibNarrow-Bold", 18)
    p.t(40, 775, "Industrieweg 44 · 9723 JB Groningen · KvK 71234567 · btw NL8601.23.456.B01", "LibNarrow", 8.5)
    p.t(555, 740, "FACTUUR", "LibNarrow-Bold", 16, "r")
    y = 720
    for lab, val in [("Factuurnr.", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"),
                     ("Leverdatum", f"{d.delivery:%d-%m-%Y}"), ("Vervaldatum", f"{d.due:%d-%m-%Y}")]:
        p.t(420, y, lab, "LibNarrow", 9)
        p.t(555, y, val, "LibNarrow", 9, "r")
        y -= 12
    p.t(40, 720, "Installatiebedrijf Dupont SPRL", "LibNarrow", 9)
    p.t(40, 708, "Rue de la Station 8, 4000 Liège, België · btw BE0412.345.678", "LibNarrow", 9)
    y = item_rows(p, d, 640, [("Omschrijving", 40, "l"), ("Aantal", 300, "r"), ("Prijs", 390, "r"),
                              ("Bedrag", 555, "r")], lambda v: "€ " + de(v), "LibNarrow", "LibNarrow-Bold", size=9.5)
    for i, (lab, v) in enumerate([("Totaal excl. btw", d.ht), ("Btw verlegd (0%)", d.tva), ("Te betalen", d.ttc)]):
        if i == 2:
            p.hline(360, 555, y - 18 * i + 12)
        p.t(360, y - 18 * i, lab, "LibNarrow-Bold" if i == 2 else "LibNarrow", 10)
        p.t(555, y - 18 * i, "€ " + de(v), "LibNarrow-Bold" if i == 2 else "LibNarrow", 10, "r")
    p.t(40, y - 70, "Btw verlegd: intracommunautaire dienst, artikel 44 en 196 Richtlijn 2006/112/EG.", "LibNarrow", 8.5)
    p.t(40, y - 82, f"Gelieve binnen 30 dagen over te maken op NL91 ABNA 0417 1643 00 o.v.v. {d.number}.",
        "LibNarrow", 8.5)
    p.save()


# ---- 8. es-columnas: Spanish invoice, 21 % and 10 %, one column of totals -------------------------

ES_ITEMS = ["Servicio de mantenimiento", "Material eléctrico", "Desplazamiento", "Mano de obra (horas)",
            "Comidas de empresa", "Alquiler de equipo", "Licencia anual", "Transporte"]


def es_columnas(d, path, rng):
    p = Page(path)
    p.t(40, 790, "Instalaciones Guadalquivir, S.L.", "DejaVuCond-Bold", 15)
    p.t(40, 776, "Avda. de la Constitución 112 · 41001 Sevilla · CIF B41234567", "DejaVuCond", 8)
    p.t(40, 740, "FACTURA", "DejaVuCond-Bold", 18)
    y = 715
    for lab, val in [("Nº de factura:", d.number),
                     ("Fecha de emisión:", f"{d.date.day} de {month('es', d.date)} de {d.date.year}"),
                     ("Fecha de operación:", f"{d.delivery:%d/%m/%Y}"), ("Vencimiento:", f"{d.due:%d/%m/%Y}")]:
        p.t(40, y, lab, "DejaVuCond", 9)
        p.t(150, y, val, "DejaVuCond-Bold", 9)
        y -= 13
    p.t(350, 715, "Cliente: Hotel Triana Plaza, S.A.", "DejaVuCond", 9)
    y = item_rows(p, d, 640, [("Concepto", 40, "l"), ("Uds.", 280, "r"), ("Precio", 360, "r"), ("IVA", 410, "r"),
                              ("Importe", 555, "r")], lambda v: de(v), "DejaVuCond", "DejaVuCond-Bold",
                  rate_col=lambda r: rate_txt(r) + "%")
    rows = []
    for r in d.base:
        rows += [(f"Base imponible {rate_txt(r)}%", d.base[r]), (f"Cuota IVA {rate_txt(r)}%", d.vat[r])]
    rows += [("Total base imponible", d.ht), ("Total IVA", d.tva), ("Importe total", d.ttc)]
    for i, (lab, v) in enumerate(rows):
        bold = i == len(rows) - 1
        p.t(470, y - 14 * i, lab, "DejaVuCond-Bold" if bold else "DejaVuCond", 9, "r")
        p.t(555, y - 14 * i, de(v) + " €", "DejaVuCond-Bold" if bold else "DejaVuCond", 9, "r")
    p.t(40, y - 14 * len(rows) - 16, "Inscrita en el Registro Mercantil de Sevilla, Tomo 4521, Folio 88, Hoja SE-70312.",
        "DejaVuCond", 7)
    p.t(40, y - 14 * len(rows) - 26, "Forma de pago: transferencia a ES91 2100 0418 4502 0005 1332.", "DejaVuCond", 7)
    p.save()


# ---- 9. it-riquadro: Italian invoice, totals in a grey box at the bottom left --------------------

IT_ITEMS = ["Consulenza fiscale", "Canone software", "Materiale di consumo", "Trasporto", "Manutenzione impianto",
            "Stampa brochure", "Ore di assistenza", "Noleggio stampante"]


def it_riquadro(d, path, rng):
    p = Page(path)
    p.t(297, 800, "STUDIO GRAFICO ARCOBALENO S.R.L.", "LibSerif-Bold", 14, "c")
    p.t(297, 786, "Via Garibaldi 58 · 10122 Torino · P.IVA 09876543217 · Tel. 011 562 7788", "LibSerif", 8, "c")
    p.hline(40, 555, 778)
    p.t(40, 745, f"FATTURA N. {d.number}", "LibSerif-Bold", 13)
    p.t(40, 729, f"Data: {d.date:%d/%m/%Y}", "LibSerif", 10)
    p.t(160, 729, f"Data consegna: {d.delivery:%d/%m/%Y}", "LibSerif", 10)
    p.t(330, 729, f"Scadenza: {d.due:%d/%m/%Y}", "LibSerif", 10)
    p.t(330, 700, "Spett.le Librairie Martin SARL", "LibSerif", 10)
    p.t(330, 687, "12 rue des Carmes, 13002 Marseille (FR)", "LibSerif", 10)
    y = item_rows(p, d, 640, [("Descrizione", 40, "l"), ("Q.tà", 300, "r"), ("Prezzo unit.", 390, "r"),
                              ("Importo", 555, "r")], lambda v: "€ " + de(v), "LibSerif", "LibSerif-Bold", size=9.5)
    rate = next(iter(d.base))
    p.box(40, y - 62, 240, 72, fill=0.9)
    for i, (lab, v) in enumerate([("Imponibile", d.ht), (f"IVA {rate_txt(rate)}%", d.tva), ("Totale da pagare", d.ttc)]):
        p.t(50, y - 6 - 20 * i, lab, "LibSerif-Bold" if i == 2 else "LibSerif", 10.5)
        p.t(270, y - 6 - 20 * i, "€ " + de(v), "LibSerif-Bold" if i == 2 else "LibSerif", 10.5, "r")
    p.t(300, y - 6, "Contributo ambientale CONAI assolto ove dovuto.", "LibSerif", 7.5)
    p.t(300, y - 16, "Operazione ai sensi dell'art. 21 D.P.R. 633/72.", "LibSerif", 7.5)
    p.t(300, y - 26, "Capitale sociale € 10.000,00 i.v. · REA TO-1187654", "LibSerif", 7.5)
    p.t(300, y - 36, "IBAN IT60 X054 2811 1010 0000 0123 456", "LibSerif", 7.5)
    p.save()


# ---- 10. es-ticket: Spanish simplified invoice (till receipt), cash given and change ---------------

ES_TICKET_ITEMS = ["Menú del día", "Café con leche", "Agua mineral", "Tostada", "Caña", "Tarta de queso", "Zumo natural"]


def es_ticket(d, path, rng):
    p = Page(path, (210, 460))
    y = 435
    for s, f in [("BAR RESTAURANTE LA PLAZA", "FreeMono-Bold"), ("C/ Mayor 3, 28013 Madrid", "FreeMono"),
                 ("NIF B86123457", "FreeMono")]:
        p.t(105, y, s, f, 7.5, "c")
        y -= 10
    y -= 6
    p.t(8, y, "FACTURA SIMPLIFICADA", "FreeMono-Bold", 7.5)
    y -= 10
    p.t(8, y, f"Nº {d.number}", "FreeMono", 7.5)
    y -= 10
    p.t(8, y, f"Fecha: {d.date:%d/%m/%Y}  Hora: {rng.randint(12, 23):02d}:{rng.randint(0, 59):02d}", "FreeMono", 7.5)
    y -= 10
    p.t(8, y, f"Mesa {rng.randint(1, 20)}   Comensales {rng.randint(1, 6)}", "FreeMono", 7.5)
    y -= 14
    for desc, qt, unit, rate in d.lines:
        p.t(8, y, f"{qt} {desc[:16]}", "FreeMono", 7.5)
        p.t(202, y, de(q(qt * unit)), "FreeMono", 7.5, "r")
        y -= 9
    y -= 6
    p.t(8, y, "TOTAL (IVA incl.)", "FreeMono-Bold", 8.5)
    p.t(202, y, de(d.ttc) + " €", "FreeMono-Bold", 8.5, "r")
    y -= 12
    rate = next(iter(d.base))
    p.t(8, y, f"Base imponible {de(d.ht)}  IVA {rate_txt(rate)}% {de(d.tva)}", "FreeMono", 6.5)
    y -= 12
    given = q((d.ttc / 10).to_integral_value(rounding="ROUND_CEILING") * 10 + 10)
    p.t(8, y, "Entregado", "FreeMono", 7.5)
    p.t(202, y, de(given), "FreeMono", 7.5, "r")
    y -= 9
    p.t(8, y, "Cambio", "FreeMono", 7.5)
    p.t(202, y, de(given - d.ttc), "FreeMono", 7.5, "r")
    p.t(105, y - 18, "Gracias por su visita", "FreeMono", 7.5, "c")
    p.save()


# name -> (draw, language, kind, rates, items, Invoice options)
LAYOUTS = OrderedDict([
    ("fr-bandeau", (fr_bandeau, "fr", "invoice", ["20", "5.5"], FR_ITEMS,
                    dict(number=lambda rng, d: f"FC-{d.date.year}-{rng.randint(1, 999):04d}", lines=(3, 5)))),
    ("fr-ticket", (fr_ticket, "fr", "receipt", ["10"], ["Baguette tradition", "Croissant beurre", "Pain aux céréales",
                                                        "Tarte aux pommes", "Café crème", "Éclair chocolat"],
                   dict(unit_range=(110, 2400), qty=(1, 4), lines=(2, 5), inclusive=True,
                        number=lambda rng, d: f"{rng.randint(1, 9):03d}-{rng.randint(10000, 99999)}"))),
    ("en-us-sidebar", (en_us_sidebar, "en", "invoice", ["8.5"], EN_ITEMS,
                       dict(number=lambda rng, d: str(rng.randint(10000, 99999))))),
    ("en-gb-credit", (en_gb_credit, "en", "credit-note", ["20"], EN_ITEMS,
                      dict(number=lambda rng, d: f"CN-{d.date:%y}-{rng.randint(1, 9999):05d}", lines=(1, 3)))),
    ("de-zwei-saetze", (de_zwei_saetze, "de", "invoice", ["19", "7"], DE_ITEMS,
                        dict(number=lambda rng, d: f"RE-{d.date.year}/{rng.randint(1000, 9999)}", lines=(3, 5)))),
    ("de-gutschrift", (de_gutschrift, "de", "credit-note", ["19"], DE_ITEMS,
                       dict(number=lambda rng, d: f"GS{d.date:%y%m}{rng.randint(100, 999)}", lines=(1, 3)))),
    ("nl-verlegd", (nl_verlegd, "nl", "invoice", ["0"], NL_ITEMS,
                    dict(number=lambda rng, d: f"{d.date.year}{rng.randint(1, 999):04d}"))),
    ("es-columnas", (es_columnas, "es", "invoice", ["21", "10"], ES_ITEMS,
                     dict(number=lambda rng, d: f"A-{d.date.year}-{rng.randint(1, 9999):05d}", lines=(3, 5)))),
    ("it-riquadro", (it_riquadro, "it", "invoice", ["22"], IT_ITEMS,
                     dict(number=lambda rng, d: f"{rng.randint(1, 400)}/{d.date.year}"))),
    ("es-ticket", (es_ticket, "es", "receipt", ["10"], ES_TICKET_ITEMS,
                   dict(unit_range=(150, 1800), qty=(1, 4), lines=(2, 5), inclusive=True,
                        number=lambda rng, d: f"T{d.date:%y}-{rng.randint(1, 99999):06d}"))),
])


def generate(out, per_layout, rng):
    """Draws per_layout documents of every layout into out; returns [(pdf path, layout, lang, truth)]."""
    os.makedirs(out, exist_ok=True)
    docs = []
    for name, (draw, lang, kind, rates, items, opts) in LAYOUTS.items():
        for k in range(per_layout):
            while True:
                d = Invoice(rng, rates, kind, items, **opts)
                if len(d.base) == len(rates) and (name != "en-us-sidebar" or us_dates(rng, d)):
                    break
            path = os.path.join(out, f"{name}-{k}.pdf")
            draw(d, path, rng)
            docs.append((path, name, lang, d.truth()))
    return docs
