#!/usr/bin/env python3
"""Synthetic accounting supporting documents with known ground truth.

    generate.py --out DIR --count N [--seed S]     a benchmark corpus of N documents
    generate.py --out DIR --fixtures               the small fixed set used by the test suite
    generate.py --out DIR ... --verify             then re-read every file and check it

Writes the documents into DIR and their truth into DIR/truth.json: a list of
{"file", "mime", "category", "lang", "pages", "template", "fields": {...}}. `fields` holds only
what is printed on (or encoded in) the document: amounts as "1234.56", dates "YYYY-MM-DD",
identifiers without spaces. Everything is drawn from one seeded random generator, so a seed
gives the same documents and the same truth (the JPEG/TIFF/PDF bytes also repeat on the same
machine: reportlab runs in invariant mode and the noise comes from the seeded generator).

Identifiers are valid: SIREN and SIRET with a Luhn check digit, French VAT numbers with the
key (12 + 3 * (SIREN mod 97)) mod 97, IBANs built from a RIB with a valid key (mod 97).

Categories: text-pdf (reportlab, text layer), scan-pdf (the same kind of page rasterized by
`pdftoppm -r 300 -gray`, rotated, noised, blurred, JPEG-compressed and wrapped in a PDF with no
text layer), photo-jpeg (stronger degradation: darker border, uneven light, colour cast,
lower resolution), scan-tiff (two bilevel CCITT G4 pages: the invoice and an annex),
einvoice-facturx (a text PDF with an embedded EN 16931 CII XML, made with the `factur-x`
library), einvoice-ubl (UBL 2.1 Invoice/CreditNote XML) and einvoice-cii (bare CII XML).

Needs: Python 3.9+, reportlab, Pillow, factur-x (PyPI) and poppler-utils (pdftoppm).
"""

import argparse
import atexit
import datetime as dt
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist

from PIL import Image, ImageChops, ImageFilter, ImageOps
import reportlab
from reportlab.lib.pagesizes import A4, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas

CENT = Decimal("0.01")


def q2(value):
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


# ----------------------------------------------------------------------------- identifiers


def luhn_valid(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix):
    """The digit that makes prefix + digit Luhn-valid."""
    for d in "0123456789":
        if luhn_valid(prefix + d):
            return prefix + d
    raise AssertionError("unreachable")


def make_siren(rng):
    return luhn_complete(str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(7)))


def make_siret(rng, siren):
    return luhn_complete(siren + f"{rng.randint(1, 999):04d}")


def vat_key(siren):
    return (12 + 3 * (int(siren) % 97)) % 97


def make_vat(siren):
    return f"FR{vat_key(siren):02d}{siren}"


def iban_valid(iban):
    iban = iban.replace(" ", "").upper()
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def make_iban(rng):
    bank = f"{rng.randint(10000, 39999):05d}"
    branch = f"{rng.randint(0, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    rib_key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib_key:02d}"
    check = 98 - int(bban + "152700") % 97  # "FR00" moved to the end, letters as 15 and 27
    iban = f"FR{check:02d}{bban}"
    assert iban_valid(iban)
    return iban


BICS = ["BNPAFRPPXXX", "CEPAFRPP751", "AGRIFRPP882", "SOGEFRPPXXX", "CCBPFRPPLYN", "CMCIFR2A", "PSSTFRPPPAR"]

# ----------------------------------------------------------------------------- vocabulary

SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier",
            "Chevalier", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Perrin", "Clément", "Gauthier"]
BRANDS = ["Northwind", "Bluepeak", "Altair", "Cobalt", "Horizon", "Azur", "Boréal", "Helios", "Quartz", "Sirius",
          "Nova", "Vertigo", "Lumen", "Orion", "Atlas", "Zephyr", "Kestrel", "Pixel", "Opale", "Cèdre"]
LEGAL_FORMS = ["SARL", "SAS", "SA", "EURL", "SASU"]
CITIES = [("75011", "Paris"), ("69003", "Lyon"), ("13001", "Marseille"), ("31000", "Toulouse"), ("44000", "Nantes"),
          ("59000", "Lille"), ("33000", "Bordeaux"), ("67000", "Strasbourg"), ("35000", "Rennes"),
          ("34000", "Montpellier"), ("38000", "Grenoble"), ("21000", "Dijon"), ("06000", "Nice"),
          ("49100", "Angers"), ("37000", "Tours"), ("76000", "Rouen"), ("63000", "Clermont-Ferrand")]
STREETS = ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "place du Marché", "chemin des Vignes",
           "impasse des Lilas", "rue Victor Hugo", "allée des Érables", "quai de la Loire", "rue du Général Leclerc",
           "avenue de la Gare", "rue Pasteur", "cours Gambetta", "rue des Tanneurs"]

# Activities: (French trade name, English trade name, [(item fr, item en, rate, price range)])
ACTIVITIES = {
    "services": ("Conseil", "Consulting", [
        ("Audit des processus comptables", "Accounting process audit", "20", (400, 2500)),
        ("Journée de conseil", "Consulting day", "20", (450, 950)),
        ("Formation équipe (demi-journée)", "Team training (half day)", "20", (300, 800)),
        ("Maintenance applicative mensuelle", "Monthly application maintenance", "20", (150, 1200)),
        ("Licence logiciel annuelle", "Annual software licence", "20", (90, 1500)),
        ("Développement module export", "Export module development", "20", (600, 4000)),
        ("Hébergement serveur (mois)", "Server hosting (month)", "20", (25, 300)),
    ]),
    "renovation": ("Rénovation", "Renovation", [
        ("Pose de carrelage (m²)", "Tiling (m²)", "10", (35, 70)),
        ("Peinture murs et plafonds (m²)", "Wall and ceiling painting (m²)", "10", (18, 35)),
        ("Fourniture plaques de plâtre", "Plasterboard supply", "10", (8, 25)),
        ("Remplacement chauffe-eau", "Water heater replacement", "10", (600, 1400)),
        ("Déplacement et diagnostic", "Call-out and diagnosis", "20", (45, 120)),
        ("Location échafaudage", "Scaffolding rental", "20", (80, 400)),
    ]),
    "grocery": ("Épicerie", "Grocery", [
        ("Pain de campagne", "Country bread", "5.5", (2, 6)),
        ("Fromage de chèvre", "Goat cheese", "5.5", (3, 12)),
        ("Café moulu 1 kg", "Ground coffee 1 kg", "5.5", (9, 25)),
        ("Huile d'olive 75 cl", "Olive oil 75 cl", "5.5", (6, 18)),
        ("Vin rouge AOC", "AOC red wine", "20", (6, 30)),
        ("Produit ménager", "Cleaning product", "20", (2, 9)),
        ("Panier de légumes", "Vegetable basket", "5.5", (10, 35)),
    ]),
    "restaurant": ("Restaurant", "Restaurant", [
        ("Menu du jour", "Set menu", "10", (14, 32)),
        ("Plat du jour", "Dish of the day", "10", (11, 22)),
        ("Dessert maison", "Homemade dessert", "10", (5, 9)),
        ("Café", "Coffee", "10", (2, 4)),
        ("Verre de vin", "Glass of wine", "20", (4, 9)),
        ("Bouteille de vin", "Bottle of wine", "20", (18, 45)),
        ("Eau minérale", "Mineral water", "10", (3, 6)),
    ]),
    "books": ("Librairie", "Bookshop", [
        ("Livre broché", "Paperback book", "5.5", (8, 25)),
        ("Manuel de comptabilité", "Accounting handbook", "5.5", (25, 60)),
        ("Carnet de notes", "Notebook", "20", (4, 15)),
        ("Stylo plume", "Fountain pen", "20", (12, 60)),
        ("Abonnement revue", "Magazine subscription", "2.1", (20, 90)),
    ]),
    "transport": ("Transports", "Transport", [
        ("Transport de marchandises", "Freight transport", "20", (120, 900)),
        ("Location véhicule utilitaire (jour)", "Van rental (day)", "20", (60, 140)),
        ("Carburant", "Fuel", "20", (40, 120)),
        ("Manutention", "Handling", "20", (35, 250)),
    ]),
    "print": ("Imprimerie", "Printing", [
        ("Impression flyers A5 (1000 ex.)", "A5 flyer print (1000 copies)", "20", (80, 300)),
        ("Cartes de visite (500 ex.)", "Business cards (500 copies)", "20", (30, 90)),
        ("Reliure de documents", "Document binding", "20", (5, 40)),
        ("Affiches A2", "A2 posters", "20", (15, 60)),
    ]),
}
MULTI_RATE = ["renovation", "grocery", "restaurant", "books"]
SINGLE_RATE = ["services", "transport", "print"]

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]

ANNEX_TEXT = [
    "Conditions générales de vente",
    "Les présentes conditions s'appliquent à toutes les prestations du vendeur.",
    "Toute commande implique l'acceptation sans réserve des présentes conditions.",
    "Les réclamations doivent être adressées par écrit dans un délai raisonnable.",
    "En cas de retard de paiement, des pénalités seront appliquées de plein droit,",
    "ainsi qu'une indemnité forfaitaire pour frais de recouvrement.",
    "Aucun escompte n'est accordé pour paiement anticipé.",
    "Le transfert de propriété intervient au paiement complet du prix.",
]

# ----------------------------------------------------------------------------- formatting


def fmt_number(value, style):
    """`style`: fr_space "1 234,56", fr_nbsp (no-break space), fr_plain "1234,56", fr_dot "1.234,56",
    en "1,234.56", en_plain "1234.56"."""
    neg = value < 0
    text = f"{abs(value):.2f}"
    integer, frac = text.split(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    sep, dec = {"fr_space": (" ", ","), "fr_nbsp": ("\u00a0", ","), "fr_plain": ("", ","), "fr_dot": (".", ","),
                "en": (",", "."), "en_plain": ("", ".")}[style]
    return ("-" if neg else "") + sep.join(groups) + dec + frac


def fmt_money(value, st, with_currency=True):
    number = fmt_number(value, st["num"])
    if not with_currency:
        return number
    symbol = {"EUR": "€", "USD": "$"}[st["currency"]]
    pos = st["cur_pos"]
    if pos == "suffix_sym":
        return f"{number} {symbol}"
    if pos == "suffix_code":
        return f"{number} {st['currency']}"
    if pos == "prefix_sym":
        return f"{symbol}{number}"
    return f"{st['currency']} {number}"


def fmt_rate_print(rate, lang):
    return rate.replace(".", ",") if lang == "fr" else rate


def fmt_date(date, style):
    if style == "fr_slash":
        return date.strftime("%d/%m/%Y")
    if style == "fr_dash":
        return date.strftime("%d-%m-%Y")
    if style == "fr_long":
        day = "1er" if date.day == 1 else str(date.day)
        return f"{day} {MONTHS_FR[date.month - 1]} {date.year}"
    if style == "en_long":
        return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"
    if style == "en_us":
        return f"{MONTHS_EN[date.month - 1]} {date.day}, {date.year}"
    if style == "en_short":
        return f"{MONTHS_EN[date.month - 1][:3]} {date.day}, {date.year}"
    if style == "iso":
        return date.isoformat()
    raise ValueError(style)


def fmt_siren(siren, spaced):
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}" if spaced else siren


def fmt_siret(siret, spaced):
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}" if spaced else siret


def fmt_vat(vat, style):
    if style == 0:
        return vat
    if style == 1:
        return f"{vat[:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}"
    return f"{vat[:2]} {vat[2:4]} {vat[4:]}"


def fmt_iban(iban, grouped):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban


# ----------------------------------------------------------------------------- the document model


class Party:
    def __init__(self, rng, name):
        self.name = name
        self.siren = make_siren(rng)
        self.siret = make_siret(rng, self.siren)
        self.vat = make_vat(self.siren)
        self.street = f"{rng.randint(1, 120)} {rng.choice(STREETS)}"
        self.postcode, self.city = rng.choice(CITIES)
        self.phone = "0" + str(rng.randint(1, 5)) + "".join(f" {rng.randint(0, 99):02d}" for _ in range(4))
        self.email = "contact@" + "".join(ch for ch in name.lower().split()[0] if ch.isalpha() and ch.isascii()) + ".fr"


def company_name(rng, activity, lang):
    fr_trade, en_trade = ACTIVITIES[activity][0], ACTIVITIES[activity][1]
    form = rng.choice(LEGAL_FORMS)
    pattern = rng.randrange(4)
    if pattern == 0:
        return f"{fr_trade} {rng.choice(SURNAMES)} {form}"
    if pattern == 1:
        return f"{rng.choice(BRANDS)} {en_trade if lang == 'en' else fr_trade} {form}"
    if pattern == 2:
        return f"{rng.choice(SURNAMES)} & Fils {form}"
    return f"{rng.choice(BRANDS)} {form}"


class Doc:
    """One document: its data, how it is printed (style) and its truth."""

    def __init__(self, rng, lang, kind, layout, activity, n_lines=None, currency="EUR"):
        self.lang, self.kind, self.layout, self.activity, self.currency = lang, kind, layout, activity, currency
        year = rng.choice([2025, 2026])
        self.date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365 if year == 2025 else 180))
        self.due = self.date + dt.timedelta(days=rng.choice([15, 30, 45, 60]))
        if kind == "receipt":
            self.supplier = Party(rng, self._shop_name(rng))
        else:
            self.supplier = Party(rng, company_name(rng, activity, lang))
        self.client = Party(rng, company_name(rng, rng.choice(list(ACTIVITIES)), lang))
        self.iban = make_iban(rng)
        self.bic = rng.choice(BICS)
        self.number = self._number(rng)
        self.original_number = f"F{self.date.year}-{rng.randint(1, 999):04d}"
        self.original_date = self.date - dt.timedelta(days=rng.randint(5, 40))
        self.po_number = f"PO-{rng.randint(10000, 99999)}"
        self.client_ref = f"C{rng.randint(100, 9999):04d}"
        self.time = f"{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}"
        self.register = rng.randint(1, 9)
        self.capital = rng.choice([1000, 5000, 7500, 10000, 37000, 50000, 100000])
        items = ACTIVITIES[activity][2]
        if n_lines is None:
            n_lines = rng.randint(3, 9) if kind == "receipt" else rng.randint(1, 6)
        self.lines = []
        multi = activity in MULTI_RATE
        rates = sorted({it[2] for it in items if it[2] != "2.1" or rng.random() < 0.25})
        for i in range(n_lines):
            if multi and i < len(rates):  # the first lines cover every rate of the trade
                fr, en, rate, (lo, hi) = rng.choice([it for it in items if it[2] == rates[i]])
            else:
                fr, en, rate, (lo, hi) = rng.choice(items)
            qty = Decimal(rng.choice([1, 1, 1, 2, 3, 4, 5, 10, 12])) if kind != "receipt" else Decimal(rng.choice([1, 1, 1, 2, 3]))
            if "(m²)" in fr:
                qty = Decimal(rng.randint(8, 60))
            price = q2(Decimal(rng.randint(int(lo * 100), int(hi * 100))) / 100)
            self.lines.append({"fr": fr, "en": en, "rate": rate, "qty": qty, "price": price, "amount": q2(qty * price)})
        self._totals()

    def _shop_name(self, rng):
        trade = {"grocery": ["ÉPICERIE", "SUPÉRETTE", "PRIMEUR"], "restaurant": ["BRASSERIE", "CAFÉ", "RESTAURANT"],
                 "books": ["LIBRAIRIE", "PAPETERIE"]}[self.activity]
        return f"{rng.choice(trade)} {rng.choice(SURNAMES).upper()}"

    def _number(self, rng):
        y = self.date.year
        if self.kind == "receipt":
            return rng.choice([f"{rng.randint(1, 99):04d}-{rng.randint(1, 99999):05d}", f"{rng.randint(100000, 999999)}",
                               f"T{y}-{rng.randint(10000, 99999)}"])
        if self.kind == "credit-note":
            return rng.choice([f"AV-{y}-{rng.randint(1, 999):04d}", f"AV{rng.randint(100, 999999):06d}",
                               f"CN-{y}-{rng.randint(1, 9999):04d}"])
        return rng.choice([f"F{y}-{rng.randint(1, 9999):04d}", f"FA-{rng.randint(1, 999999):06d}",
                           f"{y}-{self.date.month:02d}-{rng.randint(1, 999):03d}", f"FAC/{y}/{rng.randint(1, 9999):04d}",
                           f"INV-{rng.randint(10000, 99999)}", f"{y}{self.date.month:02d}{rng.randint(100, 999)}"])

    def _totals(self):
        by_rate = {}
        for line in self.lines:
            by_rate.setdefault(line["rate"], Decimal(0))
            by_rate[line["rate"]] += line["amount"]
        self.breakdown = []
        for rate in sorted(by_rate, key=lambda r: -Decimal(r)):
            base = by_rate[rate]
            if self.kind == "receipt":  # receipt lines are prices including tax
                ttc = base
                ht = q2(ttc / (1 + Decimal(rate) / 100))
                self.breakdown.append({"rate": rate, "base": ht, "tax": ttc - ht, "ttc": ttc})
            else:
                tax = q2(base * Decimal(rate) / 100)
                self.breakdown.append({"rate": rate, "base": base, "tax": tax, "ttc": base + tax})
        self.ht = sum((b["base"] for b in self.breakdown), Decimal(0))
        self.tva = sum((b["tax"] for b in self.breakdown), Decimal(0))
        self.ttc = self.ht + self.tva

    def truth(self, printed):
        """The truth restricted to the fields in `printed`."""
        every = {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "invoiceNumber": self.number,
            "supplierName": self.supplier.name,
            "siren": self.supplier.siren,
            "siret": self.supplier.siret,
            "vatNumber": self.supplier.vat,
            "iban": self.iban,
            "currency": self.currency,
            "totalExcludingTax": str(self.ht),
            "totalTax": str(self.tva),
            "totalIncludingTax": str(self.ttc),
            "vatBreakdown": [{"rate": b["rate"], "taxableAmount": str(b["base"]), "taxAmount": str(b["tax"])}
                             for b in self.breakdown],
        }
        return {k: v for k, v in every.items() if k in printed}


def pick_style(rng, doc):
    """How the document prints numbers, dates, labels and identifiers."""
    fr = doc.lang == "fr"
    st = {
        "currency": doc.currency,
        "num": rng.choice(["fr_space", "fr_space", "fr_nbsp", "fr_plain", "fr_dot"]) if fr else rng.choice(["en", "en", "en_plain"]),
        "cur_pos": rng.choice(["suffix_sym", "suffix_sym", "suffix_code"]) if fr else rng.choice(["prefix_sym", "prefix_sym", "suffix_code", "prefix_code"]),
        "date": rng.choice(["fr_slash", "fr_slash", "fr_long", "fr_dash"]) if fr else rng.choice(["en_long", "en_us", "en_short", "iso", "fr_slash"]),
        "siren_spaced": rng.random() < 0.6,
        "siret_spaced": rng.random() < 0.5,
        "vat_style": rng.randrange(3),
        "iban_grouped": rng.random() < 0.85,
        "font": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
        "grid": rng.random() < 0.5,
        "print_siren": rng.random() < 0.8,
        "print_iban": rng.random() < 0.85,
    }
    st["bold"] = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[st["font"]]
    if fr:
        st["lbl_number"] = rng.choice(["Facture n°", "Facture N°", "N° de facture", "Numéro de facture", "Facture No"])
        st["lbl_date"] = rng.choice(["Date", "Date de facture", "Date d'émission", "Date facture"])
        st["lbl_ht"] = rng.choice(["Total HT", "Montant HT", "Sous-total HT", "Total hors taxes"])
        st["lbl_tva"] = rng.choice(["Total TVA", "Montant TVA", "TVA"])
        st["lbl_ttc"] = rng.choice(["Total TTC", "Montant TTC", "TOTAL TTC", "Net à payer TTC"])
    else:
        st["lbl_number"] = rng.choice(["Invoice No.", "Invoice number", "Invoice #", "Invoice No:"])
        st["lbl_date"] = rng.choice(["Date", "Invoice date", "Issue date", "Date of issue"])
        st["lbl_ht"] = rng.choice(["Subtotal", "Total excl. VAT", "Net amount"])
        st["lbl_tva"] = rng.choice(["Total VAT", "VAT amount", "VAT"])
        st["lbl_ttc"] = rng.choice(["Total", "Total due", "Amount due", "Total incl. VAT", "Grand total"])
    if doc.kind == "credit-note":
        st["lbl_number"] = rng.choice(["Avoir n°", "N° d'avoir"]) if fr else rng.choice(["Credit note No.", "Credit note #"])
        if not fr:
            st["lbl_ttc"] = rng.choice(["Total credit", "Total", "Amount to be refunded"])
        else:
            st["lbl_ttc"] = rng.choice(["Total TTC", "Montant TTC à rembourser", "TOTAL TTC"])
    return st


# ----------------------------------------------------------------------------- PDF layouts


# The standard PDF fonts are not embedded by default: the renderer (pdftoppm) then substitutes
# whatever the machine's fontconfig offers (Liberation, DejaVu, nothing...), and the same document
# draws different pixels on another machine. The Type 1 faces reportlab ships (pinned with it) are
# embedded instead, so every machine renders the same glyphs.
_EMBEDDED = {
    "Helvetica": "_a______",
    "Helvetica-Bold": "_ab_____",
    "Times-Roman": "_er_____",
    "Times-Bold": "_eb_____",
    "Courier": "com_____",
    "Courier-Bold": "cob_____",
}


def embedded(name):
    """The name of an embedded stand-in for a standard font, registered on first use."""
    alias = "Embedded-" + name
    if alias not in pdfmetrics.getRegisteredFontNames():
        base = os.path.join(os.path.dirname(reportlab.__file__), "fonts", _EMBEDDED[name])
        face = pdfmetrics.EmbeddedType1Face(base + ".afm", base + ".pfb")
        pdfmetrics.registerTypeFace(face)
        pdfmetrics.registerFont(pdfmetrics.Font(alias, face.name, "WinAnsiEncoding"))
    return alias


class Pen:
    """A thin helper over a reportlab canvas, with page breaks for long tables."""

    def __init__(self, c, st, page_h):
        self.c, self.st, self.page_h = c, st, page_h

    def text(self, x, y, s, size=9, bold=False, align="left", font=None):
        self.c.setFont(embedded(font or (self.st["bold"] if bold else self.st["font"])), size)
        if align == "right":
            self.c.drawRightString(x, y, s)
        elif align == "center":
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)

    def hline(self, x1, x2, y, width=0.6):
        self.c.setLineWidth(width)
        self.c.line(x1, y, x2, y)


def labels(doc):
    fr = doc.lang == "fr"
    return {
        "title": ("AVOIR" if fr else "CREDIT NOTE") if doc.kind == "credit-note" else ("FACTURE" if fr else "INVOICE"),
        "client": "Client" if fr else "Bill to",
        "due": "Échéance" if fr else "Due date",
        "desc": "Désignation" if fr else "Description",
        "qty": "Qté" if fr else "Qty",
        "unit": "PU HT" if fr else "Unit price",
        "vat": "TVA" if fr else "VAT",
        "amount": "Montant HT" if fr else "Amount",
        "phone": "Tél." if fr else "Phone",
        "siren": "SIREN" if fr else "Company ID (SIREN)",
        "vatno": "N° TVA intracommunautaire" if fr else "VAT number",
        "client_vat": "N° TVA" if fr else "VAT No.",
        "ref": "Réf. client" if fr else "Customer ref.",
        "po": "Votre commande" if fr else "PO number",
        "payment": "Règlement par virement bancaire" if fr else "Payment by bank transfer",
        "terms": "Paiement à 30 jours. Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire de 40 €."
        if fr else "Payment within 30 days. Late payment interest at three times the legal rate.",
        "cheque": "Règlement par chèque à l'ordre de" if fr else "Payment by cheque to the order of",
        "page": "Page" if fr else "Page",
        "carried": "Suite page suivante" if fr else "Continued on next page",
        "original": "Avoir sur facture n°" if fr else "Credit note for invoice No.",
        "of": "du" if fr else "of",
    }


def draw_lines_table(pen, doc, st, lb, y, x0=50, x1=545, bottom=150):
    """The table of lines from y downwards; returns the y below it (pages break as needed)."""
    cols = [x0 + 4, x1 - 190, x1 - 120, x1 - 62, x1 - 4]  # desc (left), qty, unit, vat, amount (right)
    fr = doc.lang == "fr"

    def header(y):
        if st["grid"]:
            pen.c.setFillGray(0.88)
            pen.c.rect(x0, y - 4, x1 - x0, 15, stroke=1, fill=1)
            pen.c.setFillGray(0)
        else:
            pen.hline(x0, x1, y - 4, 1)
        pen.text(cols[0], y, lb["desc"], 9, True)
        pen.text(cols[1], y, lb["qty"], 9, True, "right")
        pen.text(cols[2], y, lb["unit"], 9, True, "right")
        pen.text(cols[3], y, lb["vat"], 9, True, "right")
        pen.text(cols[4], y, lb["amount"], 9, True, "right")
        return y - 18

    y = header(y)
    for line in doc.lines:
        if y < bottom:
            pen.text(x1, y, lb["carried"], 8, False, "right")
            pen.c.showPage()
            y = header(pen.page_h - 80)
        pen.text(cols[0], y, line["fr"] if fr else line["en"], 9)
        pen.text(cols[1], y, str(line["qty"]), 9, align="right")
        pen.text(cols[2], y, fmt_money(line["price"], st, False), 9, align="right")
        pen.text(cols[3], y, f"{fmt_rate_print(line['rate'], doc.lang)} %", 9, align="right")
        pen.text(cols[4], y, fmt_money(line["amount"], st, False), 9, align="right")
        if st["grid"]:
            pen.c.setLineWidth(0.4)
            pen.c.rect(x0, y - 5, x1 - x0, 16, stroke=1, fill=0)
            for x in (x1 - 230, x1 - 160, x1 - 95, x1 - 55):
                pen.c.line(x, y - 5, x, y + 11)
        y -= 16
    return y - 10


def draw_totals(pen, doc, st, lb, y, x_label=360, x_value=545, boxed=False):
    """HT, one line per VAT rate, total VAT (several rates), TTC. Returns the y below."""
    if y < 170:
        pen.c.showPage()
        y = pen.page_h - 100
    rows = [(st["lbl_ht"], doc.ht, False)]
    for b in doc.breakdown:
        label = f"TVA {fmt_rate_print(b['rate'], 'fr')} %" if doc.lang == "fr" else f"VAT {b['rate']}%"
        rows.append((label, b["tax"], False))
    if len(doc.breakdown) > 1 or st["lbl_tva"] not in ("TVA", "VAT"):
        rows.append((st["lbl_tva"], doc.tva, False))
    rows.append((st["lbl_ttc"], doc.ttc, True))
    if boxed:
        pen.c.setFillGray(0.92)
        pen.c.rect(x_label - 8, y - 16 * len(rows) + 8, x_value - x_label + 14, 16 * len(rows) + 4, stroke=0, fill=1)
        pen.c.setFillGray(0)
    for label, value, strong in rows:
        pen.text(x_label, y, label, 10 if strong else 9, strong)
        pen.text(x_value, y, fmt_money(value, st), 10 if strong else 9, strong, "right")
        y -= 16
    return y - 6


def draw_vat_table(pen, doc, st, y, x0=50):
    """The VAT breakdown as a small table (rate, base, tax) on the left."""
    fr = doc.lang == "fr"
    head = ["Taux", "Base HT", "Montant TVA"] if fr else ["Rate", "Taxable", "VAT"]
    xs = [x0, x0 + 110, x0 + 190]
    pen.text(xs[0], y, head[0], 8, True)
    pen.text(xs[1], y, head[1], 8, True, "right")
    pen.text(xs[2], y, head[2], 8, True, "right")
    y -= 12
    for b in doc.breakdown:
        pen.text(xs[0], y, f"{fmt_rate_print(b['rate'], doc.lang)} %", 8)
        pen.text(xs[1], y, fmt_money(b["base"], st, False), 8, align="right")
        pen.text(xs[2], y, fmt_money(b["tax"], st, False), 8, align="right")
        y -= 11
    return y


def draw_payment(pen, doc, st, lb, y, x=50):
    if st["print_iban"]:
        pen.text(x, y, lb["payment"] + " :", 8, True)
        pen.text(x, y - 11, f"IBAN : {fmt_iban(doc.iban, st['iban_grouped'])}    BIC : {doc.bic}", 8)
        y -= 22
    else:
        pen.text(x, y, f"{lb['cheque']} {doc.supplier.name}", 8)
        y -= 11
    pen.text(x, y, lb["terms"], 7)
    return y - 12


def footer_line(doc, st):
    s = doc.supplier
    fr = doc.lang == "fr"
    parts = [f"{s.name} au capital de {fmt_number(Decimal(doc.capital), 'fr_space')[:-3]} €" if fr
             else f"{s.name}, share capital EUR {fmt_number(Decimal(doc.capital), 'en')[:-3]}"]
    if st["print_siren"]:
        parts.append(f"RCS {s.city} {fmt_siren(s.siren, st['siren_spaced'])}" if st["rcs"] else
                     f"SIREN {fmt_siren(s.siren, st['siren_spaced'])}")
    parts.append(f"SIRET {fmt_siret(s.siret, st['siret_spaced'])}")
    parts.append(f"{'TVA' if fr else 'VAT'} {fmt_vat(s.vat, st['vat_style'])}")
    return " - ".join(parts)


def draw_footer(pen, doc, st, page_w):
    pen.hline(50, page_w - 50, 58, 0.4)
    pen.text(page_w / 2, 46, footer_line(doc, st), 7, align="center")


def layout_classic(pen, doc, st):
    """Supplier top-left, client top-right with its own SIREN, title and references below."""
    lb, s, cl = labels(doc), doc.supplier, doc.client
    w, h = A4
    pen.text(50, h - 60, s.name, 15, True)
    pen.text(50, h - 76, s.street, 9)
    pen.text(50, h - 88, f"{s.postcode} {s.city}", 9)
    pen.text(50, h - 100, f"{lb['phone']} {s.phone}", 9)
    pen.text(50, h - 112, s.email, 9)
    bx = 330
    pen.c.setLineWidth(0.5)
    pen.c.rect(bx - 8, h - 160, 230, 102, stroke=1, fill=0)
    pen.text(bx, h - 70, lb["client"] + " :", 9, True)
    pen.text(bx, h - 84, cl.name, 10, True)
    pen.text(bx, h - 97, cl.street, 9)
    pen.text(bx, h - 109, f"{cl.postcode} {cl.city}", 9)
    pen.text(bx, h - 123, f"SIREN : {fmt_siren(cl.siren, st['siren_spaced'])}", 9)
    pen.text(bx, h - 135, f"{lb['client_vat']} : {fmt_vat(cl.vat, st['vat_style'])}", 9)
    y = h - 200
    pen.text(50, y, lb["title"], 20, True)
    y -= 24
    pen.text(50, y, f"{st['lbl_number']} : {doc.number}", 10, True)
    pen.text(330, y, f"{st['lbl_date']} : {fmt_date(doc.date, st['date'])}", 10)
    y -= 14
    if doc.kind == "credit-note":
        pen.text(50, y, f"{lb['original']} {doc.original_number} {lb['of']} {fmt_date(doc.original_date, st['date'])}", 9)
    else:
        pen.text(50, y, f"{lb['ref']} : {doc.client_ref}", 9)
        pen.text(330, y, f"{lb['due']} : {fmt_date(doc.due, st['date'])}", 9)
    y = draw_lines_table(pen, doc, st, lb, y - 30)
    top = y
    y = draw_totals(pen, doc, st, lb, y)
    if len(doc.breakdown) > 1 and top > 170:
        draw_vat_table(pen, doc, st, top)
    y = draw_payment(pen, doc, st, lb, min(y, top - 60) - 10)
    draw_footer(pen, doc, st, w)


def layout_modern(pen, doc, st):
    """Grey band with the supplier on the right, client on the left, references in a
    label-above-value row, totals in a shaded box."""
    lb, s, cl = labels(doc), doc.supplier, doc.client
    w, h = A4
    pen.c.setFillGray(0.85)
    pen.c.rect(0, h - 120, w, 120, stroke=0, fill=1)
    pen.c.setFillGray(0)
    pen.text(50, h - 70, lb["title"], 26, True)
    pen.text(w - 50, h - 50, s.name, 13, True, "right")
    pen.text(w - 50, h - 64, s.street, 9, align="right")
    pen.text(w - 50, h - 76, f"{s.postcode} {s.city}", 9, align="right")
    pen.text(w - 50, h - 88, f"SIRET {fmt_siret(s.siret, st['siret_spaced'])}", 9, align="right")
    pen.text(w - 50, h - 100, f"{'TVA' if doc.lang == 'fr' else 'VAT'} {fmt_vat(s.vat, st['vat_style'])}", 9, align="right")
    y = h - 160
    pen.text(50, y, lb["client"], 9, True)
    pen.text(50, y - 14, cl.name, 10)
    pen.text(50, y - 26, cl.street, 9)
    pen.text(50, y - 38, f"{cl.postcode} {cl.city}", 9)
    pen.text(50, y - 50, f"SIREN {fmt_siren(cl.siren, st['siren_spaced'])}", 9)
    y = h - 240
    heads = [st["lbl_number"], st["lbl_date"], lb["due"] if doc.kind != "credit-note" else lb["original"], lb["ref"]]
    vals = [doc.number, fmt_date(doc.date, st["date"]),
            fmt_date(doc.due, st["date"]) if doc.kind != "credit-note" else doc.original_number, doc.client_ref]
    for i, (hd, v) in enumerate(zip(heads, vals)):
        x = 50 + i * 125
        pen.text(x, y, hd, 8, True)
        pen.text(x, y - 14, v, 10)
    pen.hline(50, w - 50, y - 22, 0.8)
    y = draw_lines_table(pen, doc, st, lb, y - 50)
    y = draw_totals(pen, doc, st, lb, y, boxed=True)
    if st["print_siren"]:
        pen.text(50, y, f"{lb['siren']} : {fmt_siren(s.siren, st['siren_spaced'])}", 8)
        y -= 14
    draw_payment(pen, doc, st, lb, y - 10)
    pen.text(w / 2, 40, f"{s.name} - {s.street} - {s.postcode} {s.city} - {s.email}", 7, align="center")


def layout_header(pen, doc, st):
    """English-style: big title top right with number and dates, supplier identifiers under its
    name, 'Bill to' block below, VAT breakdown table and totals side by side."""
    lb, s, cl = labels(doc), doc.supplier, doc.client
    w, h = A4
    fr = doc.lang == "fr"
    pen.text(50, h - 60, s.name, 14, True)
    pen.text(50, h - 74, f"{s.street}, {s.postcode} {s.city}", 9)
    row = h - 86
    if st["print_siren"]:
        pen.text(50, row, f"{lb['siren']}: {fmt_siren(s.siren, st['siren_spaced'])}", 9)
        row -= 12
    pen.text(50, row, f"{lb['vatno']}: {fmt_vat(s.vat, st['vat_style'])}", 9)
    pen.text(w - 50, h - 66, lb["title"], 24, True, "right")
    pen.text(w - 50, h - 90, f"{st['lbl_number']} {doc.number}", 10, align="right")
    pen.text(w - 50, h - 104, f"{st['lbl_date']}: {fmt_date(doc.date, st['date'])}", 10, align="right")
    if doc.kind == "credit-note":
        pen.text(w - 50, h - 118, f"{lb['original']} {doc.original_number}", 9, align="right")
    else:
        pen.text(w - 50, h - 118, f"{lb['due']}: {fmt_date(doc.due, st['date'])}", 9, align="right")
        pen.text(w - 50, h - 130, f"{lb['po']}: {doc.po_number}", 9, align="right")
    y = h - 175
    pen.text(50, y, lb["client"] + ":", 9, True)
    pen.text(50, y - 13, cl.name, 10)
    pen.text(50, y - 25, f"{cl.street}, {cl.postcode} {cl.city}", 9)
    pen.text(50, y - 37, f"{lb['client_vat']} {fmt_vat(cl.vat, st['vat_style'])}", 9)
    y = draw_lines_table(pen, doc, st, lb, y - 75)
    top = y
    y = draw_totals(pen, doc, st, lb, y)
    if top > 170:
        draw_vat_table(pen, doc, st, top)
    y = draw_payment(pen, doc, st, lb, min(y, top - 60) - 10)
    pen.text(w / 2, 40, f"SIRET {fmt_siret(s.siret, st['siret_spaced'])}" + (" - " + s.email if fr else f" - {s.phone}"),
             7, align="center")


RECEIPT_W = 80 * mm


def receipt_height(doc):
    return (330 + 22 * len(doc.lines) + 12 * len(doc.breakdown))


def layout_receipt(pen, doc, st):
    """A till receipt: narrow, monospace, TICKET/TOTAL/CB, VAT table with codes."""
    s = doc.supplier
    fr = doc.lang == "fr"
    w, h = RECEIPT_W, receipt_height(doc)
    mono, size = "Courier", 8
    cx = w / 2
    right = w - 10
    y = h - 30
    pen.text(cx, y, s.name, 11, True, "center", font="Courier-Bold")
    y -= 14
    for t in (s.street, f"{s.postcode} {s.city}", f"{'Tél' if fr else 'Tel'} {s.phone}",
              f"SIRET {fmt_siret(s.siret, st['siret_spaced'])}"):
        pen.text(cx, y, t, size, align="center", font=mono)
        y -= 11
    if st["receipt_vat"]:
        pen.text(cx, y, f"{'TVA' if fr else 'VAT'} {fmt_vat(s.vat, st['vat_style'])}", size, align="center", font=mono)
        y -= 11
    y -= 4
    dash = "-" * 38
    pen.text(10, y, dash, size, font=mono)
    y -= 12
    pen.text(10, y, f"{'TICKET N°' if fr else 'RECEIPT No'} {doc.number}", size, font=mono)
    y -= 11
    pen.text(10, y, f"{fmt_date(doc.date, st['date'])} {doc.time}", size, font=mono)
    pen.text(right, y, f"{'Caisse' if fr else 'Till'} {doc.register}", size, align="right", font=mono)
    y -= 11
    pen.text(10, y, dash, size, font=mono)
    y -= 12
    codes = {b["rate"]: "ABCD"[i] for i, b in enumerate(doc.breakdown)}
    for line in doc.lines:
        name = (line["fr"] if fr else line["en"]).upper()[:24]
        pen.text(10, y, name, size, font=mono)
        pen.text(right, y, f"{fmt_money(line['amount'], st, False)} {codes[line['rate']]}", size, align="right", font=mono)
        y -= 10
        if line["qty"] > 1:
            pen.text(20, y, f"{line['qty']} x {fmt_money(line['price'], st, False)}", size - 1, font=mono)
            y -= 10
        y -= 2
    pen.text(10, y, dash, size, font=mono)
    y -= 14
    pen.text(10, y, "TOTAL", 10, font="Courier-Bold")
    pen.text(right, y, fmt_money(doc.ttc, st), 10, align="right", font="Courier-Bold")
    y -= 13
    pen.text(10, y, "CB" if fr else "CARD", size, font=mono)
    pen.text(right, y, fmt_money(doc.ttc, st, False), size, align="right", font=mono)
    y -= 11
    pen.text(10, y, dash, size, font=mono)
    y -= 12
    xs = [10, 50, 105, 150, right]
    head = ["", "TVA" if fr else "VAT", "HT" if fr else "NET", "TVA" if fr else "VAT", "TTC" if fr else "GROSS"]
    pen.text(xs[1], y, head[1], size, font=mono)
    for x, t in zip(xs[2:], head[2:]):
        pen.text(x + 25 if x != right else x, y, t, size, align="right", font=mono)
    y -= 11
    for b in doc.breakdown:
        pen.text(xs[0], y, codes[b["rate"]], size, font=mono)
        pen.text(xs[1], y, f"{fmt_rate_print(b['rate'], doc.lang)}%", size, font=mono)
        for x, v in zip(xs[2:], (b["base"], b["tax"], b["ttc"])):
            pen.text(x + 25 if x != right else x, y, fmt_money(v, st, False), size, align="right", font=mono)
        y -= 11
    if len(doc.breakdown) > 1:
        pen.text(xs[0], y, "TOTAL", size, font=mono)
        for x, v in zip(xs[2:], (doc.ht, doc.tva, doc.ttc)):
            pen.text(x + 25 if x != right else x, y, fmt_money(v, st, False), size, align="right", font=mono)
        y -= 11
    pen.text(10, y, dash, size, font=mono)
    y -= 14
    pen.text(cx, y, "MERCI DE VOTRE VISITE" if fr else "THANK YOU FOR YOUR VISIT", size, align="center", font=mono)
    y -= 11
    pen.text(cx, y, "A BIENTOT" if fr else "SEE YOU SOON", size, align="center", font=mono)


LAYOUTS = {"classic": layout_classic, "modern": layout_modern, "header": layout_header, "receipt": layout_receipt}


def printed_fields(doc, st):
    """The truth fields that the layout prints."""
    if doc.layout == "receipt":
        f = {"kind", "date", "invoiceNumber", "supplierName", "siret", "currency", "totalExcludingTax", "totalTax",
             "totalIncludingTax", "vatBreakdown"}
        if st["receipt_vat"]:
            f.add("vatNumber")
        return f
    f = {"kind", "date", "invoiceNumber", "supplierName", "siret", "vatNumber", "currency", "totalExcludingTax",
         "totalTax", "totalIncludingTax", "vatBreakdown"}
    if st["print_siren"]:
        f.add("siren")
    if st["print_iban"]:
        f.add("iban")
    return f


def render_pdf(doc, st, path, encrypt=None):
    """Draws the document with its layout into a text-layer PDF; returns its page count."""
    size = (RECEIPT_W, receipt_height(doc)) if doc.layout == "receipt" else A4
    c = rl_canvas.Canvas(path, pagesize=size, invariant=1, encrypt=encrypt, pageCompression=1)
    title = "Ticket" if doc.kind == "receipt" else labels(doc)["title"].capitalize()
    c.setTitle(f"{title} {doc.number}")
    c.setAuthor(doc.supplier.name)
    LAYOUTS[doc.layout](Pen(c, st, size[1]), doc, st)
    pages = c.getPageNumber()
    c.showPage()
    c.save()
    return pages


# ----------------------------------------------------------------------------- e-invoice XML

CII_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cii_party(tag, p, with_ids):
    ids = ""
    if with_ids:
        ids = f'<ram:GlobalID schemeID="0009">{p.siret}</ram:GlobalID>'
    legal = f'<ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{p.siren}</ram:ID></ram:SpecifiedLegalOrganization>'
    return (f"<ram:{tag}>{ids}<ram:Name>{esc(p.name)}</ram:Name>{legal}"
            f"<ram:PostalTradeAddress><ram:PostcodeCode>{p.postcode}</ram:PostcodeCode>"
            f"<ram:LineOne>{esc(p.street)}</ram:LineOne><ram:CityName>{esc(p.city)}</ram:CityName>"
            f"<ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>"
            f'<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{p.vat}</ram:ID></ram:SpecifiedTaxRegistration>'
            f"</ram:{tag}>")


def cii_xml(doc):
    """An EN 16931 (Factur-X 'EN 16931' profile) Cross Industry Invoice for the document."""
    type_code = "381" if doc.kind == "credit-note" else "380"
    cur = doc.currency
    lines = []
    for i, line in enumerate(doc.lines, 1):
        lines.append(
            f"<ram:IncludedSupplyChainTradeLineItem>"
            f"<ram:AssociatedDocumentLineDocument><ram:LineID>{i}</ram:LineID></ram:AssociatedDocumentLineDocument>"
            f"<ram:SpecifiedTradeProduct><ram:Name>{esc(line['fr'] if doc.lang == 'fr' else line['en'])}</ram:Name></ram:SpecifiedTradeProduct>"
            f"<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>{line['price']}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>"
            f'<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">{line["qty"]}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>'
            f"<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode>"
            f"<ram:RateApplicablePercent>{line['rate']}</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
            f"<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{line['amount']}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>"
            f"</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>")
    taxes = "".join(
        f"<ram:ApplicableTradeTax><ram:CalculatedAmount>{b['tax']}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>"
        f"<ram:BasisAmount>{b['base']}</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>"
        f"<ram:RateApplicablePercent>{b['rate']}</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
        for b in doc.breakdown)
    ns = " ".join(f'xmlns:{k}="{v}"' for k, v in CII_NS.items())
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice {ns}>'
        f"<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID>"
        f"</ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>"
        f"<rsm:ExchangedDocument><ram:ID>{esc(doc.number)}</ram:ID><ram:TypeCode>{type_code}</ram:TypeCode>"
        f'<ram:IssueDateTime><udt:DateTimeString format="102">{doc.date:%Y%m%d}</udt:DateTimeString></ram:IssueDateTime>'
        f"</rsm:ExchangedDocument>"
        f"<rsm:SupplyChainTradeTransaction>{''.join(lines)}"
        f"<ram:ApplicableHeaderTradeAgreement><ram:BuyerReference>{doc.client_ref}</ram:BuyerReference>"
        f"{cii_party('SellerTradeParty', doc.supplier, True)}{cii_party('BuyerTradeParty', doc.client, False)}"
        f"</ram:ApplicableHeaderTradeAgreement>"
        f"<ram:ApplicableHeaderTradeDelivery><ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime>"
        f'<udt:DateTimeString format="102">{doc.date:%Y%m%d}</udt:DateTimeString></ram:OccurrenceDateTime>'
        f"</ram:ActualDeliverySupplyChainEvent></ram:ApplicableHeaderTradeDelivery>"
        f"<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>{cur}</ram:InvoiceCurrencyCode>"
        f"<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>"
        f"<ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{doc.iban}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>"
        f"</ram:SpecifiedTradeSettlementPaymentMeans>{taxes}"
        f"<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime>"
        f'<udt:DateTimeString format="102">{doc.due:%Y%m%d}</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>'
        f"<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>{doc.ht}</ram:LineTotalAmount>"
        f"<ram:TaxBasisTotalAmount>{doc.ht}</ram:TaxBasisTotalAmount>"
        f'<ram:TaxTotalAmount currencyID="{cur}">{doc.tva}</ram:TaxTotalAmount>'
        f"<ram:GrandTotalAmount>{doc.ttc}</ram:GrandTotalAmount><ram:DuePayableAmount>{doc.ttc}</ram:DuePayableAmount>"
        f"</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
        f"</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>\n")


def ubl_party(tag, p, cur_supplier):
    ident = (f'<cbc:EndpointID schemeID="0009">{p.siret}</cbc:EndpointID>'
             f'<cac:PartyIdentification><cbc:ID schemeID="0009">{p.siret}</cbc:ID></cac:PartyIdentification>'
             if cur_supplier else f'<cbc:EndpointID schemeID="0002">{p.siren}</cbc:EndpointID>')
    return (f"<cac:{tag}><cac:Party>{ident}<cac:PartyName><cbc:Name>{esc(p.name)}</cbc:Name></cac:PartyName>"
            f"<cac:PostalAddress><cbc:StreetName>{esc(p.street)}</cbc:StreetName><cbc:CityName>{esc(p.city)}</cbc:CityName>"
            f"<cbc:PostalZone>{p.postcode}</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>"
            f"<cac:PartyTaxScheme><cbc:CompanyID>{p.vat}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>"
            f'<cac:PartyLegalEntity><cbc:RegistrationName>{esc(p.name)}</cbc:RegistrationName><cbc:CompanyID schemeID="0002">{p.siren}</cbc:CompanyID></cac:PartyLegalEntity>'
            f"</cac:Party></cac:{tag}>")


def ubl_xml(doc):
    """A UBL 2.1 Invoice (or CreditNote) following EN 16931."""
    credit = doc.kind == "credit-note"
    root = "CreditNote" if credit else "Invoice"
    cur = doc.currency
    a = f'currencyID="{cur}"'
    tax_cat = lambda rate: (f"<cbc:ID>S</cbc:ID><cbc:Percent>{rate}</cbc:Percent>"  # noqa: E731
                            f"<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>")
    lines = []
    for i, line in enumerate(doc.lines, 1):
        qty_tag = "CreditedQuantity" if credit else "InvoicedQuantity"
        line_tag = "CreditNoteLine" if credit else "InvoiceLine"
        lines.append(
            f"<cac:{line_tag}><cbc:ID>{i}</cbc:ID><cbc:{qty_tag} unitCode=\"C62\">{line['qty']}</cbc:{qty_tag}>"
            f"<cbc:LineExtensionAmount {a}>{line['amount']}</cbc:LineExtensionAmount>"
            f"<cac:Item><cbc:Name>{esc(line['fr'] if doc.lang == 'fr' else line['en'])}</cbc:Name>"
            f"<cac:ClassifiedTaxCategory>{tax_cat(line['rate'])}</cac:ClassifiedTaxCategory></cac:Item>"
            f"<cac:Price><cbc:PriceAmount {a}>{line['price']}</cbc:PriceAmount></cac:Price></cac:{line_tag}>")
    subtotals = "".join(
        f"<cac:TaxSubtotal><cbc:TaxableAmount {a}>{b['base']}</cbc:TaxableAmount><cbc:TaxAmount {a}>{b['tax']}</cbc:TaxAmount>"
        f"<cac:TaxCategory>{tax_cat(b['rate'])}</cac:TaxCategory></cac:TaxSubtotal>" for b in doc.breakdown)
    due = "" if credit else f"<cbc:DueDate>{doc.due.isoformat()}</cbc:DueDate>"
    type_code = "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>" if credit else "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>"
    billing_ref = (f"<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>{doc.original_number}</cbc:ID>"
                   f"<cbc:IssueDate>{doc.original_date.isoformat()}</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>"
                   if credit else "")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{root}-2" '
        f'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" '
        f'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">'
        f"<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>"
        f"<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>"
        f"<cbc:ID>{esc(doc.number)}</cbc:ID><cbc:IssueDate>{doc.date.isoformat()}</cbc:IssueDate>{due}{type_code}"
        f"<cbc:DocumentCurrencyCode>{cur}</cbc:DocumentCurrencyCode><cbc:BuyerReference>{doc.client_ref}</cbc:BuyerReference>"
        f"{billing_ref}"
        f"{ubl_party('AccountingSupplierParty', doc.supplier, True)}{ubl_party('AccountingCustomerParty', doc.client, False)}"
        f"<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>"
        f"<cac:PayeeFinancialAccount><cbc:ID>{doc.iban}</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>"
        f"<cac:TaxTotal><cbc:TaxAmount {a}>{doc.tva}</cbc:TaxAmount>{subtotals}</cac:TaxTotal>"
        f"<cac:LegalMonetaryTotal><cbc:LineExtensionAmount {a}>{doc.ht}</cbc:LineExtensionAmount>"
        f"<cbc:TaxExclusiveAmount {a}>{doc.ht}</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount {a}>{doc.ttc}</cbc:TaxInclusiveAmount>"
        f"<cbc:PayableAmount {a}>{doc.ttc}</cbc:PayableAmount></cac:LegalMonetaryTotal>"
        f"{''.join(lines)}</{root}>\n")


XML_FIELDS = {"kind", "date", "invoiceNumber", "supplierName", "siren", "siret", "vatNumber", "iban", "currency",
              "totalExcludingTax", "totalTax", "totalIncludingTax", "vatBreakdown"}

OTHER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Journal des mises à jour</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-03-15T10:00:00Z</updated>
  <entry>
    <title>Version 2.4 publiée</title>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2026-03-15T10:00:00Z</updated>
    <summary>Correctifs et améliorations. Total : 42 corrections, numéro de build 123456789.</summary>
  </entry>
</feed>
"""


def facturx_pdf(pdf_bytes, xml, lang):
    import facturx
    import facturx.facturx as fxmod

    # Fixed timestamps so that the same seed gives the same bytes.
    fxmod._get_pdf_timestamp = lambda date=None: "D:20260101000000+00'00'"
    fxmod._get_metadata_timestamp = lambda: "2026-01-01T00:00:00+00:00"
    return facturx.generate_from_binary(pdf_bytes, xml.encode("utf-8"), flavor="factur-x", level="en16931",
                                        check_xsd=True, lang="fr-FR" if lang == "fr" else "en-GB")


# ----------------------------------------------------------------------------- degradation


_NORMAL = NormalDist()


def noise_image(rng, size, sigma):
    """Gaussian noise centred on 128, from the seeded generator (Pillow's effect_noise is not seeded)."""
    lut = [max(0, min(255, round(128 + sigma * _NORMAL.inv_cdf((u + 0.5) / 256)))) for u in range(256)]
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).point(lut)


def add_noise(rng, im, sigma):
    return ImageChops.add(im, noise_image(rng, im.size, sigma), scale=1.0, offset=-128)


def jpeg_roundtrip(im, quality):
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert(im.mode)


def signed_angle(rng, lo, hi):
    return rng.uniform(lo, hi) * rng.choice([-1, 1])


def degrade_scan(rng, im, strength=1.0):
    """A flatbed scan: paper tone, slight skew, sensor noise, soft focus, JPEG."""
    paper = rng.randint(236, 250)
    im = im.point(lambda v: 18 + v * (paper - 18) // 255)
    im = im.rotate(signed_angle(rng, 0.3, 1.5 * strength), resample=Image.BICUBIC, fillcolor=paper)
    im = add_noise(rng, im, rng.uniform(7, 12) * strength)
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8) * strength))
    return jpeg_roundtrip(im, rng.randint(60, 80))


def degrade_photo(rng, im):
    """A phone photo: the sheet on a darker table, skew, uneven light, colour cast, lower
    resolution, heavier noise and JPEG compression. Returns an RGB image."""
    w, h = im.size
    table = rng.randint(60, 110)
    mx, my = int(w * rng.uniform(0.02, 0.05)), int(h * rng.uniform(0.02, 0.04))
    canvas = Image.new("L", (w + 2 * mx, h + 2 * my), table)
    canvas.paste(im.point(lambda v: 25 + v * 215 // 255), (mx + rng.randint(-mx // 2, mx // 2), my))
    im = canvas.rotate(signed_angle(rng, 0.5, 2.5), resample=Image.BICUBIC, fillcolor=table)
    light = Image.linear_gradient("L").transpose(rng.choice([Image.ROTATE_90, Image.ROTATE_180, Image.ROTATE_270,
                                                            Image.FLIP_LEFT_RIGHT])).resize(im.size)
    lo = rng.randint(150, 190)
    light = light.point(lambda v: lo + v * (255 - lo) // 255)
    im = ImageChops.multiply(im, light)
    im = add_noise(rng, im, rng.uniform(10, 16))
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.3)))
    scale = rng.uniform(0.62, 0.75)  # 300 dpi down to ~190-225 dpi
    im = im.resize((int(im.width * scale), int(im.height * scale)), Image.LANCZOS)
    r, g, b = (rng.uniform(0.97, 1.0), rng.uniform(0.92, 0.97), rng.uniform(0.82, 0.9))
    im = Image.merge("RGB", [im.point(lambda v, k=k: int(v * k)) for k in (r, g, b)])
    return im


def degrade_tiff(rng, im):
    """A bilevel office scan (fax-like): skew, light noise, threshold."""
    im = im.rotate(signed_angle(rng, 0.2, 1.0), resample=Image.BICUBIC, fillcolor=255)
    im = add_noise(rng, im, rng.uniform(5, 9))
    im = im.filter(ImageFilter.GaussianBlur(0.5))
    threshold = rng.randint(150, 175)
    return im.point(lambda v: 255 if v > threshold else 0).convert("1")


def rasterize(pdf_path, workdir, dpi=300):
    """pdftoppm -r 300 -gray: one grayscale image per page."""
    prefix = os.path.join(workdir, "page")
    for name in os.listdir(workdir):
        if name.startswith("page"):
            os.remove(os.path.join(workdir, name))
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf_path, prefix], check=True)
    pages = sorted(n for n in os.listdir(workdir) if n.startswith("page") and n.endswith(".pgm"))
    return [Image.open(os.path.join(workdir, n)).copy() for n in pages]


def annex_page(size):
    """A mostly blank second page with a few lines of general terms."""
    pdf = io.BytesIO()
    c = rl_canvas.Canvas(pdf, pagesize=A4, invariant=1)
    c.setFont(embedded("Helvetica-Bold"), 12)
    c.drawString(60, A4[1] - 80, ANNEX_TEXT[0])
    c.setFont(embedded("Helvetica"), 9)
    for i, t in enumerate(ANNEX_TEXT[1:]):
        c.drawString(60, A4[1] - 110 - 14 * i, t)
    c.drawCentredString(A4[0] / 2, 40, "2/2")
    c.showPage()
    c.save()
    return pdf.getvalue()


# ----------------------------------------------------------------------------- writers


class Writer:
    def __init__(self, out, rng):
        self.out, self.rng, self.truth = out, rng, []
        self.tmp = tempfile.mkdtemp(prefix="coffre-gen-")
        atexit.register(shutil.rmtree, self.tmp, True)  # also when generation fails

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)
        with open(os.path.join(self.out, "truth.json"), "w", encoding="utf-8") as f:
            json.dump(self.truth, f, ensure_ascii=False, indent=1)
            f.write("\n")

    def record(self, name, mime, category, doc, pages, fields, **extra):
        entry = {"file": name, "mime": mime, "category": category, "lang": doc.lang if doc else "fr", "pages": pages,
                 "template": f"{doc.layout}-{doc.kind}" if doc else "other", "fields": fields}
        entry.update(extra)
        self.truth.append(entry)

    def _tmp_pdf(self, doc, st):
        path = os.path.join(self.tmp, "doc.pdf")
        pages = render_pdf(doc, st, path)
        return path, pages

    def text_pdf(self, name, doc, st, category="text-pdf"):
        pages = render_pdf(doc, st, os.path.join(self.out, name))
        self.record(name, "application/pdf", category, doc, pages, doc.truth(printed_fields(doc, st)))

    def encrypted_pdf(self, name, doc, st, password):
        pages = render_pdf(doc, st, os.path.join(self.out, name), encrypt=password)
        self.record(name, "application/pdf", "encrypted-pdf", doc, pages, doc.truth(printed_fields(doc, st)),
                    password=password, expect="error")

    def facturx(self, name, doc, st):
        path, pages = self._tmp_pdf(doc, st)
        with open(path, "rb") as f:
            data = facturx_pdf(f.read(), cii_xml(doc), doc.lang)
        with open(os.path.join(self.out, name), "wb") as f:
            f.write(data)
        self.record(name, "application/pdf", "einvoice-facturx", doc, pages, doc.truth(XML_FIELDS))

    def xml(self, name, doc, flavor):
        text = ubl_xml(doc) if flavor == "ubl" else cii_xml(doc)
        with open(os.path.join(self.out, name), "w", encoding="utf-8") as f:
            f.write(text)
        self.record(name, "application/xml", f"einvoice-{flavor}", doc, 1, doc.truth(XML_FIELDS))

    def scan_pdf(self, name, doc, st):
        path, _ = self._tmp_pdf(doc, st)
        images = [degrade_scan(self.rng, im) for im in rasterize(path, self.tmp)]
        images[0].save(os.path.join(self.out, name), "PDF", resolution=300, save_all=True,
                       append_images=images[1:], quality=self.rng.randint(55, 75), producer="generate.py",
                       creationDate=time.gmtime(1767225600), modDate=time.gmtime(1767225600))
        self.record(name, "application/pdf", "scan-pdf", doc, len(images), doc.truth(printed_fields(doc, st)))

    def photo_jpeg(self, name, doc, st):
        path, _ = self._tmp_pdf(doc, st)
        im = degrade_photo(self.rng, rasterize(path, self.tmp)[0])
        # Phones write 72 dpi in the EXIF/JFIF header whatever the real resolution; some apps write none.
        dpi = {"dpi": (72, 72)} if self.rng.random() < 0.7 or name == "photo.jpg" else {}
        im.save(os.path.join(self.out, name), "JPEG", quality=self.rng.randint(55, 72), **dpi)
        self.record(name, "image/jpeg", "photo-jpeg", doc, 1, doc.truth(printed_fields(doc, st)))

    def scan_tiff(self, name, doc, st):
        path, _ = self._tmp_pdf(doc, st)
        first = rasterize(path, self.tmp)[0]
        annex_path = os.path.join(self.tmp, "annex.pdf")
        with open(annex_path, "wb") as f:
            f.write(annex_page(first.size))
        second = rasterize(annex_path, self.tmp)[0]
        pages = [degrade_tiff(self.rng, first), degrade_tiff(self.rng, second)]
        pages[0].save(os.path.join(self.out, name), "TIFF", compression="group4", dpi=(300, 300), save_all=True,
                      append_images=pages[1:])
        self.record(name, "image/tiff", "scan-tiff", doc, 2, doc.truth(printed_fields(doc, st)))

    def other_xml(self, name):
        with open(os.path.join(self.out, name), "w", encoding="utf-8") as f:
            f.write(OTHER_XML)
        self.record(name, "application/xml", "other-xml", None, 1, {}, expect="not-an-invoice")


# ----------------------------------------------------------------------------- corpus plan


def make_doc(rng, lang, kind, layout, currency="EUR", multi=None, n_lines=None):
    if kind == "receipt":
        activity = rng.choice(["grocery", "restaurant", "books", "grocery", "restaurant"])
    elif multi is None:
        activity = rng.choice(list(ACTIVITIES))
    else:
        activity = rng.choice(MULTI_RATE if multi else SINGLE_RATE)
    doc = Doc(rng, lang, kind, "receipt" if kind == "receipt" else layout, activity, n_lines=n_lines, currency=currency)
    st = pick_style(rng, doc)
    st["rcs"] = rng.random() < 0.5
    st["receipt_vat"] = rng.random() < 0.5
    if kind == "receipt":
        st["font"], st["bold"] = "Courier", "Courier-Bold"
        st["cur_pos"] = rng.choice(["suffix_sym", "suffix_code"]) if lang == "fr" else rng.choice(["suffix_code", "prefix_sym"])
        if lang == "fr":
            st["num"] = rng.choice(["fr_plain", "fr_space"])
        st["date"] = rng.choice(["fr_slash", "fr_dash"]) if lang == "fr" else rng.choice(["fr_slash", "iso"])
    return doc, st


def plan(count, rng):
    """Category of each document, in proportions that give, for 100 documents: 10 Factur-X,
    10 UBL, 5 CII, 32 text PDFs, 22 scanned PDFs, 16 photos, 5 two-page TIFFs."""
    shares = [("einvoice-facturx", 0.10), ("einvoice-ubl", 0.10), ("einvoice-cii", 0.05), ("scan-pdf", 0.22),
              ("photo-jpeg", 0.16), ("scan-tiff", 0.05)]
    cats = []
    for cat, share in shares:
        cats += [cat] * max(1, round(count * share)) if count >= 10 else []
    cats += ["text-pdf"] * (count - len(cats))
    cats = cats[:count]
    rng.shuffle(cats)
    return cats


def kinds_for(cats, rng):
    """Receipts among text/scan/photo (photos the most), credit notes about 10% elsewhere."""
    receipt_share = {"text-pdf": 0.10, "scan-pdf": 0.15, "photo-jpeg": 0.40}
    kinds = []
    counters = {}
    for cat in cats:
        n = counters[cat] = counters.get(cat, 0) + 1
        share = receipt_share.get(cat, 0)
        # Evenly spread: the k-th document of a category is a receipt when the running
        # share crosses an integer.
        if share and int(n * share) > int((n - 1) * share):
            kinds.append("receipt")
        elif n % 9 == 4:
            kinds.append("credit-note")
        else:
            kinds.append("invoice")
    return kinds


def generate_corpus(out, count, seed):
    rng = random.Random(seed)
    w = Writer(out, rng)
    cats = plan(count, rng)
    kinds = kinds_for(cats, rng)
    langs = ["fr", "en"] * (count // 2 + 1)
    langs = langs[:count]
    rng.shuffle(langs)
    layouts = ["classic", "modern", "header"]
    seen = {}
    for i, (cat, kind, lang) in enumerate(zip(cats, kinds, langs)):
        layout = layouts[i % 3] if lang == "fr" else layouts[(i + 1) % 3]
        currency = "USD" if lang == "en" and rng.random() < 0.12 else "EUR"
        seen[cat] = seen.get(cat, 0) + 1
        # One long invoice (30-42 lines, two pages) in eight, for the paged formats.
        long_doc = cat in ("text-pdf", "scan-pdf", "einvoice-facturx") and seen[cat] % 8 == 3 and kind != "receipt"
        n_lines = rng.randint(30, 42) if long_doc else None
        multi = rng.random() < 0.45
        doc, st = make_doc(rng, lang, kind, layout, currency, multi, n_lines)
        base = f"{i + 1:04d}-{cat}"
        if cat == "text-pdf":
            w.text_pdf(base + ".pdf", doc, st)
        elif cat == "scan-pdf":
            w.scan_pdf(base + ".pdf", doc, st)
        elif cat == "photo-jpeg":
            w.photo_jpeg(base + ".jpg", doc, st)
        elif cat == "scan-tiff":
            w.scan_tiff(base + ".tiff", doc, st)
        elif cat == "einvoice-facturx":
            w.facturx(base + ".pdf", doc, st)
        elif cat == "einvoice-ubl":
            w.xml(base + ".xml", doc, "ubl")
        elif cat == "einvoice-cii":
            w.xml(base + ".xml", doc, "cii")
        print(f"{base}: {doc.layout}/{doc.kind}/{lang}", file=sys.stderr)
    w.close()
    return w.truth


def generate_fixtures(out, seed):
    """The fixed set for the test suite, French unless said otherwise, one A4 page each."""
    rng = random.Random(seed)
    w = Writer(out, rng)

    def fixed(layout, kind="invoice", lang="fr", multi=False, **style):
        doc, st = make_doc(rng, lang, kind, layout, "EUR", multi, n_lines=None if kind == "receipt" else 3)
        st.update({"print_siren": True, "print_iban": True, **style})
        st["bold"] = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[st["font"]]
        return doc, st

    doc, st = fixed("classic", date="fr_slash", num="fr_space", cur_pos="suffix_sym", font="Helvetica")
    w.text_pdf("text.pdf", doc, st)
    doc, st = fixed("classic", multi=True, date="fr_slash", num="fr_space", cur_pos="suffix_sym", font="Helvetica")
    w.scan_pdf("scan.pdf", doc, st)
    doc, st = fixed("modern", date="fr_long", num="fr_space", cur_pos="suffix_sym", font="Helvetica")
    w.photo_jpeg("photo.jpg", doc, st)
    doc, st = fixed("classic", multi=True)
    w.facturx("facturx.pdf", doc, st)
    doc, st = fixed("header", lang="en")
    w.xml("ubl.xml", doc, "ubl")
    doc, st = fixed("classic")
    w.encrypted_pdf("encrypted.pdf", doc, st, "coffre")
    doc, st = fixed("classic", date="fr_slash", font="Helvetica")
    w.scan_tiff("multipage.tiff", doc, st)
    w.other_xml("other.xml")
    w.close()
    return w.truth


# ----------------------------------------------------------------------------- verification


def verify(out, truth):
    """Checks what can be checked without OCR: identifiers, sums, text layers, XML validity."""
    import facturx
    from facturx import xml_check_xsd

    problems = []
    for e in truth:
        f, path = e["fields"], os.path.join(out, e["file"])
        if "siren" in f and not (len(f["siren"]) == 9 and luhn_valid(f["siren"])):
            problems.append((e["file"], "siren"))
        if "siret" in f and not (len(f["siret"]) == 14 and luhn_valid(f["siret"])):
            problems.append((e["file"], "siret"))
        if "vatNumber" in f and f["vatNumber"] != make_vat(f["vatNumber"][4:]):
            problems.append((e["file"], "vatNumber"))
        if "iban" in f and not iban_valid(f["iban"]):
            problems.append((e["file"], "iban"))
        if "totalIncludingTax" in f:
            ht, tva, ttc = (Decimal(f[k]) for k in ("totalExcludingTax", "totalTax", "totalIncludingTax"))
            if ht + tva != ttc or sum(Decimal(b["taxAmount"]) for b in f["vatBreakdown"]) != tva:
                problems.append((e["file"], "sums"))
        if e.get("expect") == "error":
            r = subprocess.run(["pdftotext", path, "-"], capture_output=True)
            if r.returncode == 0:
                problems.append((e["file"], "readable without password"))
            continue
        if e["category"] in ("text-pdf", "einvoice-facturx"):
            text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
            if f["invoiceNumber"] not in text:
                problems.append((e["file"], "number not in text layer"))
        if e["category"] == "scan-pdf":
            text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
            if text.strip():
                problems.append((e["file"], "scan has a text layer"))
        if e["category"] == "einvoice-facturx":
            with open(path, "rb") as fh:
                xml_name, xml = facturx.get_xml_from_pdf(fh.read(), check_xsd=True)
            if not xml or f["invoiceNumber"].encode() not in xml:
                problems.append((e["file"], "factur-x xml"))
        if e["category"] == "einvoice-cii":
            with open(path, "rb") as fh:
                xml_check_xsd(fh.read(), flavor="factur-x", level="en16931")
        if e["category"] == "einvoice-ubl":
            with open(path, "rb") as fh:
                data = fh.read()
            xml_check_xsd(data, flavor="ubl-2.1-creditnote" if b"<CreditNote" in data else "ubl-2.1-invoice")
        if e["category"] in ("scan-pdf", "photo-jpeg", "scan-tiff"):
            n = count_pages(path, e["mime"])
            if n != e["pages"]:
                problems.append((e["file"], f"pages {n} != {e['pages']}"))
    return problems


def count_pages(path, mime):
    if mime == "application/pdf":
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--count", type=int, default=100, help="number of documents (corpus mode)")
    ap.add_argument("--seed", type=int, default=20260315)
    ap.add_argument("--fixtures", action="store_true", help="write the fixed test-suite set instead")
    ap.add_argument("--verify", action="store_true", help="check identifiers, sums, text layers and XML after writing")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    truth = generate_fixtures(args.out, args.seed) if args.fixtures else generate_corpus(args.out, args.count, args.seed)
    cats = {}
    for e in truth:
        cats[e["category"]] = cats.get(e["category"], 0) + 1
    print(f"wrote {len(truth)} documents to {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items())),
          file=sys.stderr)
    if args.verify:
        problems = verify(args.out, truth)
        for name, what in problems:
            print(f"verify: {name}: {what}", file=sys.stderr)
        if problems:
            sys.exit(1)
        print("verify: ok", file=sys.stderr)


if __name__ == "__main__":
    main()
