#!/usr/bin/env python3
"""Evaluation of field extraction on a development corpus of independently drawn layouts.

    heldout.py --bin target/release/coffre --out DIR [--per-layout 2] [--seed 7] [--md FILE [--append]]

One hundred and eighty-two layouts, each its own drawing function (fonts, label wordings, orders,
positions of the totals, currencies and date formats differ), in six languages. The first twelve were split
into TUNING and HELD_OUT for one first-sight run (kept below for the record); those, the next
seven (TUNING_2) and twelve about invoice dates (TUNING_3) have been seen while tuning: the
DEVELOPMENT corpus. HELD_OUT_2 (five layouts, drawn before the precision pass) and HELD_OUT_3
(five about dates, drawn before the date pass) are scored in tables of their own, never
inspected document by document while tuning; except that two of HELD_OUT_2 (es-columnas and
fr-avoir-net, whose scans failed for sessions) were inspected in session 10: that table is no
longer a held-out one, and keeps its place only to stay comparable with the earlier runs.
TUNING_4 (four German business forms) and HELD_OUT_4 (two, drawn before the change, scored
apart) came with the German business-form pass. HELD_OUT_5 (seven layouts in six languages,
session 10) were designed by someone who did not read the extraction rules and scored once at
first sight, before any change of that session (benches/results/ocr.md); their failures were
then inspected and fixed as classes, so their table is development from then on. HELD_OUT_6
(eight layouts in six languages, session 10) were designed the same way while HELD_OUT_5 was
being worked on, scored once at first sight, then inspected in turn. HELD_OUT_7 (eight layouts
in six languages, session 10), designed the same way after the second changes by someone who
reported only their names, were scored at first sight, then inspected in turn as well.
HELD_OUT_8 (eight layouts in six languages, session 10), designed the same way after the third
changes by someone who reported only their names, were the held-out table of session 10, then
inspected in session 11. HELD_OUT_9 and HELD_OUT_10 (eight layouts in six languages each, session
11) were designed the same way, at the same time, by two people who reported only their names;
both were scored once at first sight (benches/results/ocr.md), then HELD_OUT_9 was inspected.
HELD_OUT_11 and HELD_OUT_12 (the same, drawn after the changes HELD_OUT_9 led to) were scored
once at first sight in turn, then HELD_OUT_11 was inspected. HELD_OUT_10 and HELD_OUT_12 were the
held-out tables of session 11, then inspected in session 12 once HELD_OUT_13 and 14 were drawn.
HELD_OUT_13 and HELD_OUT_14 (eight layouts in six languages each, session 12) were designed the same
way, at the same time, by two people who reported only their names; scored at first sight and after
the changes HELD_OUT_10 and 12 led to, then inspected once HELD_OUT_15 and 16 were drawn.
HELD_OUT_15 and HELD_OUT_16 (the same, drawn after those changes) are the held-out tables of session
12: scored at first sight and on the final code, never inspected document by document.
HELD_OUT_17 (eight layouts in six languages, session 13) were designed the same way by someone who
reported only their names; scored only as a table of their own, never inspected document by document.
HELD_OUT_18 (eight layouts in six languages, session 13) were designed the same way, at the same time,
by another person who reported only their names: scored only as a table of its own, never inspected
document by document.
HELD_OUT_19 (eight layouts in six languages, session 13) were designed the same way by yet another
person who reported only their names: scored only as a table of its own, never inspected document by document.
HELD_OUT_20 (eight layouts in six languages, session 13) were designed the same way, at the same time,
by someone else who reported only their names: scored only as a table of its own, never inspected
document by document.
HELD_OUT_21 (eight layouts in six languages, session 14) were designed the same way by someone who
reported only their names: scored only as a table of its own, never inspected document by document.
Photos' noise is seeded per document (since session 10; Pillow's effect_noise was not, so
photo figures of earlier runs moved by a document or two between runs).
`--only tuning` runs the development layouts alone.
Every document exists as a text-layer PDF, a clean scan (200 dpi grey PNG) and a degraded
photo (rotated, noised, blurred, 150 dpi JPEG). Each goes through `coffre ocr run`; the table
gives, per language and source, for the fields kind, number, date, HT, TVA, TTC:
accuracy (right / printed), precision (right / reported) and recall (reported / printed).

Needs: reportlab, Pillow (versions in benches/ocr/requirements.txt), poppler-utils.
"""

import argparse
import datetime as dt
import io
import json
import math
import os
import random
import subprocess
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist

from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

TUNING = ["fr-box", "en-us", "de-classic", "nl-table"]
HELD_OUT = ["es-sidebar", "it-footer", "fr-multirate", "de-credit-stacked", "en-receipt", "fr-avoir",
            "nl-kassabon", "en-credit"]
FIELDS = ["kind", "invoiceNumber", "date", "totalExcludingTax", "totalTax", "totalIncludingTax"]
LANG = {"fr-box": "fr", "en-us": "en", "de-classic": "de", "nl-table": "nl", "es-sidebar": "es", "it-footer": "it",
        "fr-multirate": "fr", "de-credit-stacked": "de", "en-receipt": "en", "fr-avoir": "fr", "nl-kassabon": "nl",
        "en-credit": "en", "de-two-rates": "de", "fr-shipping": "fr", "en-fr-supplier": "en",
        "de-en16931": "de", "nl-verlegd": "nl", "es-simplificada": "es", "fr-facturx": "fr",
        "de-gutschrift-box": "de", "en-us-tax": "en", "es-columnas": "es", "fr-avoir-net": "fr", "en-eu-reverse": "en",
        "de-kopftabelle": "de", "de-datum": "de", "de-brief": "de", "fr-lettre": "fr", "en-long": "en",
        "nl-lang": "nl", "es-largo": "es", "it-lungo": "it", "fr-seule": "fr", "en-us-proof": "en",
        "de-spalten": "de", "it-lettera": "it", "es-cabecera": "es", "en-uk-ordinal": "en", "nl-kop": "nl",
        "de-spalten-links": "de", "it-intestazione": "it", "de-zugferd-brief": "de",
        "de-en16931-ansicht": "de", "en-en16931": "en", "de-kopf-rabatt": "de", "de-steuertabelle": "de",
        "de-dienstleistung": "de", "fr-periode-encadre": "fr", "fr-ticket-caisse": "fr", "en-us-billto": "en",
        "de-summenzeile": "de", "nl-zijbalk": "nl", "es-banda-pie": "es", "it-riepilogo": "it",
        "fr-acompte-chantier": "fr", "fr-abonnement": "fr", "fr-avoir-ref": "fr", "en-gb-taxpoint": "en",
        "de-handwerk-lohn": "de", "nl-fietsherstel": "nl", "es-hotel-folio": "es", "it-impianti": "it",
        "fr-note-honoraires": "fr", "fr-pharmacie": "fr", "fr-imprimerie": "fr", "en-gb-freelance": "en",
        "de-mobilfunk": "de", "nl-creditnota": "nl", "es-alquiler": "es", "it-officina": "it",
        "fr-station-carburant": "fr", "fr-energie": "fr", "fr-avoir-jardinerie": "fr", "en-gb-cleaning": "en",
        "de-zahnlabor": "de", "nl-bloemist": "nl", "es-restaurante": "es", "it-traslochi": "it",
        "fr-grossiste-boissons": "fr", "fr-organisme-formation": "fr", "fr-parking-recu": "fr",
        "en-gb-it-credit": "en", "de-hotel-rechnung": "de", "nl-webshop": "nl", "es-autonomo-irpf": "es",
        "it-autotrasporti": "it",
        "fr-viennoiserie-chr": "fr", "fr-saas-minimal": "fr", "fr-avoir-telesurveillance": "fr",
        "en-ie-it-consulting": "en", "de-stb-gebuehren": "de", "nl-supermarkt-bon": "nl",
        "es-ferreteria-albaran": "es", "it-grossista-alimentari": "it",
        "fr-clinique-veterinaire": "fr", "fr-architecte-honoraires": "fr", "fr-avoir-cooperative-agricole": "fr",
        "en-gb-trade-counter": "en", "de-elektro-grosshandel": "de", "nl-accountantskantoor": "nl",
        "es-optica": "es", "it-studio-legale": "it",
        "fr-photographe-auteur": "fr", "fr-traiteur-avoir": "fr", "fr-librairie-ticket": "fr",
        "en-gb-recruitment": "en", "de-apotheke-kassenbon": "de", "nl-autobedrijf": "nl",
        "es-clinica-veterinaria": "es", "it-ferramenta-nota-credito": "it",
        "fr-boucherie-ticket": "fr", "fr-electromenager-avoir": "fr", "fr-location-materiel": "fr",
        "en-gb-catering-supplier": "en", "de-gartenbau": "de", "nl-kapsalon": "nl", "es-fontaneria": "es",
        "it-agriturismo": "it",
        "fr-plomberie-chauffage": "fr", "fr-poissonnerie-ticket": "fr", "fr-materiel-medical-avoir": "fr",
        "en-uk-plant-hire": "en", "de-schornsteinfeger": "de", "nl-schildersbedrijf": "nl", "es-reformas": "es",
        "it-manutenzione-ascensori": "it",
        "fr-auto-ecole": "fr", "fr-blanchisserie-ticket": "fr", "fr-cuisiniste-avoir": "fr", "en-gb-courier": "en",
        "de-kaffeeroesterei": "de", "nl-busvervoer": "nl", "es-cerrajeria": "es", "it-caseificio": "it",
        "fr-pneumatiques-avoir": "fr", "fr-taxi-note": "fr", "fr-vitrerie": "fr", "en-ie-waste-collection": "en",
        "de-weinhandlung": "de", "nl-slijterij-bon": "nl", "es-papeleria": "es", "it-pastificio": "it",
        "fr-chocolatier-ticket": "fr", "fr-diagnostic-immobilier": "fr", "fr-ameublement-avoir": "fr",
        "en-gb-boatyard": "en", "de-kfz-sachverstaendiger": "de", "nl-dakdekker": "nl", "es-heladeria": "es",
        "it-autonoleggio": "it",
        "fr-theatre-billetterie": "fr", "fr-salle-reception": "fr", "fr-pisciniste-avoir": "fr",
        "en-uk-scaffolding": "en", "de-partyservice": "de", "nl-muziekwinkel": "nl", "es-muebles-rectificativa": "es",
        "it-serramenti": "it",
        "fr-epicerie-vrac-ticket": "fr", "fr-centre-equestre": "fr", "fr-jouets-avoir": "fr",
        "en-gb-electrician": "en", "de-heizoelhandel": "de", "nl-loonbedrijf": "nl", "es-climatizacion": "es",
        "it-legna-accompagnatoria": "it",
        "fr-primeur-ticket": "fr", "fr-pompes-funebres": "fr", "fr-negoce-materiaux-avoir": "fr",
        "en-uk-mobility-aids": "en", "de-stadtwerke-abrechnung": "de", "nl-zonnepanelen": "nl", "es-panaderia": "es",
        "it-vivaio": "it",
        "fr-kiosque-presse-ticket": "fr", "fr-geometre-expert": "fr", "fr-emballages-avoir": "fr",
        "en-ie-joinery": "en", "de-campingplatz": "de", "nl-evenementenverhuur": "nl", "es-herbolario-ticket": "es",
        "it-frantoio": "it"}
# Added on branch ocr2: TUNING_2 seen while tuning; HELD_OUT_2 drawn before the changes and scored
# only as a table (never inspected per document while tuning).
TUNING_2 = ["de-en16931", "nl-verlegd", "es-simplificada", "fr-facturx"]
HELD_OUT_2 = ["de-gutschrift-box", "en-us-tax", "es-columnas", "fr-avoir-net", "en-eu-reverse"]
# Added on branch dates (invoice dates as suppliers print them): TUNING_3 seen while tuning the
# date rules; HELD_OUT_3 drawn in the same sitting before any change, scored only as a table.
TUNING_3 = ["de-kopftabelle", "de-datum", "de-brief", "fr-lettre", "en-long", "nl-lang", "es-largo", "it-lungo",
            "fr-seule", "en-us-proof", "de-spalten-links",
            "it-intestazione"]
HELD_OUT_3 = ["de-spalten", "it-lettera", "es-cabecera", "en-uk-ordinal", "nl-kop"]
# Added on branch de-forms (German business forms, EN 16931 totals): TUNING_4 seen while tuning;
# HELD_OUT_4 drawn in the same sitting before any change, scored only as a table.
TUNING_4 = ["de-zugferd-brief", "de-en16931-ansicht", "en-en16931", "de-dienstleistung"]
HELD_OUT_4 = ["de-kopf-rabatt", "de-steuertabelle"]
# Added on branch held-out-5 (session 10): seven layouts designed without looking at the extraction
# rules, drawn before any change and scored only as a table (never inspected per document while tuning).
HELD_OUT_5 = ["fr-periode-encadre", "fr-ticket-caisse", "en-us-billto", "de-summenzeile", "nl-zijbalk",
              "es-banda-pie", "it-riepilogo"]
# Added on branch held-out-6 (session 10, after the first changes): eight layouts designed without looking
# at the extraction rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_6 = ["fr-acompte-chantier", "fr-abonnement", "fr-avoir-ref", "en-gb-taxpoint", "de-handwerk-lohn",
              "nl-fietsherstel", "es-hotel-folio", "it-impianti"]
# Added on branch held-out-7 (session 10, after the second changes): eight layouts designed without
# looking at the extraction rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_7 = ["fr-note-honoraires", "fr-pharmacie", "fr-imprimerie", "en-gb-freelance", "de-mobilfunk",
              "nl-creditnota", "es-alquiler", "it-officina"]
# Added on branch held-out-8 (session 10, after the third changes): eight layouts designed without
# looking at the extraction rules; session 10's held-out table, inspected in session 11.
HELD_OUT_8 = ["fr-station-carburant", "fr-energie", "fr-avoir-jardinerie", "en-gb-cleaning", "de-zahnlabor",
              "nl-bloemist", "es-restaurante", "it-traslochi"]
# Added on branch held-out-9 (session 11): eight layouts designed without looking at the extraction
# rules, scored once at first sight, then inspected.
HELD_OUT_9 = ["fr-grossiste-boissons", "fr-organisme-formation", "fr-parking-recu", "en-gb-it-credit",
              "de-hotel-rechnung", "nl-webshop", "es-autonomo-irpf", "it-autotrasporti"]
# Added on branch held-out-10 (session 11): eight layouts designed without looking at the extraction
# rules, scored only as a table in session 11, inspected in session 12.
HELD_OUT_10 = ["fr-viennoiserie-chr", "fr-saas-minimal", "fr-avoir-telesurveillance", "en-ie-it-consulting",
               "de-stb-gebuehren", "nl-supermarkt-bon", "es-ferreteria-albaran", "it-grossista-alimentari"]
# Added on branch held-out-11 (session 11): eight layouts designed without looking at the extraction
# rules, scored once at first sight, then inspected.
HELD_OUT_11 = ["fr-clinique-veterinaire", "fr-architecte-honoraires", "fr-avoir-cooperative-agricole",
               "en-gb-trade-counter", "de-elektro-grosshandel", "nl-accountantskantoor", "es-optica",
               "it-studio-legale"]
# Added on branch held-out-12 (session 11): eight layouts designed without looking at the extraction
# rules, scored only as a table in session 11, inspected in session 12.
HELD_OUT_12 = ["fr-photographe-auteur", "fr-traiteur-avoir", "fr-librairie-ticket", "en-gb-recruitment",
               "de-apotheke-kassenbon", "nl-autobedrijf", "es-clinica-veterinaria", "it-ferramenta-nota-credito"]
# Added on branch held-out-13 (session 12): eight layouts designed without looking at the extraction
# rules, scored as a table at first sight and after the first changes, then inspected.
HELD_OUT_13 = ["fr-boucherie-ticket", "fr-electromenager-avoir", "fr-location-materiel", "en-gb-catering-supplier",
               "de-gartenbau", "nl-kapsalon", "es-fontaneria", "it-agriturismo"]
# Added on branch held-out-14 (session 12): eight layouts designed without looking at the extraction
# rules, scored as a table at first sight and after the first changes, then inspected.
HELD_OUT_14 = ["fr-plomberie-chauffage", "fr-poissonnerie-ticket", "fr-materiel-medical-avoir", "en-uk-plant-hire",
               "de-schornsteinfeger", "nl-schildersbedrijf", "es-reformas", "it-manutenzione-ascensori"]
# Added on branch held-out-15 (session 12): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_15 = ["fr-auto-ecole", "fr-blanchisserie-ticket", "fr-cuisiniste-avoir", "en-gb-courier",
               "de-kaffeeroesterei", "nl-busvervoer", "es-cerrajeria", "it-caseificio"]
# Added on branch held-out-16 (session 12): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_16 = ["fr-pneumatiques-avoir", "fr-taxi-note", "fr-vitrerie", "en-ie-waste-collection", "de-weinhandlung",
               "nl-slijterij-bon", "es-papeleria", "it-pastificio"]
# Added on branch held-out-17 (session 13): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_17 = ["fr-chocolatier-ticket", "fr-diagnostic-immobilier", "fr-ameublement-avoir", "en-gb-boatyard",
               "de-kfz-sachverstaendiger", "nl-dakdekker", "es-heladeria", "it-autonoleggio"]
# Added on branch held-out-18 (session 13): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_18 = ["fr-theatre-billetterie", "fr-salle-reception", "fr-pisciniste-avoir", "en-uk-scaffolding",
               "de-partyservice", "nl-muziekwinkel", "es-muebles-rectificativa", "it-serramenti"]
# Added on branch held-out-19 (session 13): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_19 = ["fr-epicerie-vrac-ticket", "fr-centre-equestre", "fr-jouets-avoir", "en-gb-electrician",
               "de-heizoelhandel", "nl-loonbedrijf", "es-climatizacion", "it-legna-accompagnatoria"]
# Added on branch held-out-20 (session 13): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_20 = ["fr-primeur-ticket", "fr-pompes-funebres", "fr-negoce-materiaux-avoir", "en-uk-mobility-aids",
               "de-stadtwerke-abrechnung", "nl-zonnepanelen", "es-panaderia", "it-vivaio"]
# Added on branch held-out-21 (session 14): eight layouts designed without looking at the extraction
# rules, scored only as a table (never inspected per document while tuning).
HELD_OUT_21 = ["fr-kiosque-presse-ticket", "fr-geometre-expert", "fr-emballages-avoir", "en-ie-joinery",
               "de-campingplatz", "nl-evenementenverhuur", "es-herbolario-ticket", "it-frantoio"]
CENT = Decimal("0.01")


def q(x):
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


def eu(x, sep="."):
    """1234.5 -> '1.234,50' (sep '.'), '1 234,50' (sep ' ')."""
    s = f"{q(x):,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", sep)


def us(x):
    return f"{q(x):,.2f}"


MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"]}


class Doc:
    def __init__(self, rng, rates, kind="invoice"):
        self.kind = kind
        self.date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        self.other = self.date + dt.timedelta(days=rng.choice([14, 30, 45]))
        self.before = self.date - dt.timedelta(days=rng.randint(2, 20))
        self.lines = []
        for _ in range(rng.randint(2, 4)):
            rate = rng.choice(rates)
            qty = rng.randint(1, 9)
            unit = q(Decimal(rng.randint(500, 40000)) / 100)
            self.lines.append((rng.choice(["Article", "Service", "Produit", "Modul", "Item"]) + f" {rng.randint(10, 99)}",
                               qty, unit, rate))
        self.base = defaultdict(Decimal)
        for _, qty, unit, rate in self.lines:
            self.base[rate] += q(qty * unit)
        self.vat = {r: q(b * Decimal(r) / 100) for r, b in self.base.items()}
        self.ht = sum(self.base.values())
        self.tva = sum(self.vat.values())
        self.ttc = self.ht + self.tva
        self.number = rng.choice(["F", "RE", "INV-", "A", "FA"]) + f"{self.date.year}-{rng.randint(100, 9999)}"

    def truth(self):
        return {"kind": self.kind, "invoiceNumber": self.number, "date": self.date.isoformat(),
                "totalExcludingTax": str(q(self.ht)), "totalTax": str(q(self.tva)), "totalIncludingTax": str(q(self.ttc))}


def pen(path, font="Helvetica"):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setFont(font, 10)
    return c


def txt(c, x, y, s, size=10, font=None, right=False):
    if font:
        c.setFont(font, size)
    else:
        c.setFontSize(size)
    (c.drawRightString if right else c.drawString)(x, y, s)


def lines_table(c, d, y, heads, money, x=50, font="Helvetica"):
    c.setFont(font + "-Bold" if font != "Times-Roman" else "Times-Bold", 9)
    for i, h in enumerate(heads):
        c.drawString(x + [0, 220, 290, 380][i], y, h)
    c.setFont(font, 9)
    for name, qty, unit, rate in d.lines:
        y -= 16
        c.drawString(x, y, name)
        c.drawString(x + 220, y, str(qty))
        c.drawRightString(x + 360, y, money(unit))
        c.drawRightString(x + 470, y, money(q(qty * unit)))
    return y - 30


# ---- tuning layouts ---------------------------------------------------------------------------

def fr_box(d, path, rng):
    c = pen(path)
    txt(c, 50, 800, "Menuiserie Lambert SARL", 14, "Helvetica-Bold")
    txt(c, 50, 785, "8 rue des Artisans, 69003 Lyon — Tél. 04 78 12 34 56", 9, "Helvetica")
    txt(c, 400, 760, "FACTURE", 18, "Helvetica-Bold")
    txt(c, 400, 740, f"N° {d.number}", 10, "Helvetica")
    txt(c, 400, 726, f"Date : {d.date:%d/%m/%Y}")
    txt(c, 400, 712, f"Échéance : {d.other:%d/%m/%Y}")
    y = lines_table(c, d, 660, ["Désignation", "Qté", "PU HT", "Total HT"], lambda v: eu(v, " "))
    c.rect(330, y - 60, 220, 70)
    for i, (lab, v) in enumerate([("Total HT", d.ht), (f"TVA {fmt_rate(d)} %", d.tva), ("Total TTC", d.ttc)]):
        txt(c, 340, y - 10 - 20 * i, lab, 10, "Helvetica-Bold" if i == 2 else "Helvetica")
        txt(c, 540, y - 10 - 20 * i, eu(v, " ") + " €", right=True)
    c.save()


def en_us(d, path, rng):
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "Brightline Software Inc.", 16, "Times-Bold")
    txt(c, 50, 784, "500 Market Street, Suite 300, San Francisco, CA 94105", 9, "Times-Roman")
    txt(c, 50, 750, "INVOICE", 20, "Times-Bold")
    txt(c, 50, 728, f"Invoice #: {d.number}", 10, "Times-Roman")
    txt(c, 50, 714, f"Invoice Date: {d.date:%m/%d/%Y}")
    txt(c, 50, 700, f"Due Date: {d.other:%m/%d/%Y}")
    txt(c, 300, 728, f"Order Date: {d.before:%m/%d/%Y}")
    y = lines_table(c, d, 650, ["Description", "Qty", "Rate", "Amount"], lambda v: "$" + us(v), font="Times-Roman")
    for i, (lab, v) in enumerate([("Subtotal", d.ht), (f"Sales Tax ({fmt_rate(d)}%)", d.tva), ("Total Due", d.ttc)]):
        txt(c, 360, y - 18 * i, lab, 11, "Times-Bold" if i == 2 else "Times-Roman")
        txt(c, 540, y - 18 * i, "$" + us(v), right=True)
    c.save()


def de_classic(d, path, rng):
    c = pen(path)
    txt(c, 50, 810, "Schreiner Müller GmbH · Industriestr. 12 · 80339 München", 8, "Helvetica")
    txt(c, 400, 800, "Schreiner Müller GmbH", 11, "Helvetica-Bold")
    txt(c, 400, 786, "Tel. 089 123456", 9, "Helvetica")
    txt(c, 50, 720, "Rechnung", 16, "Helvetica-Bold")
    txt(c, 50, 700, f"Rechnungsnummer: {d.number}", 10, "Helvetica")
    txt(c, 300, 700, f"Rechnungsdatum: {d.date:%d.%m.%Y}")
    txt(c, 50, 686, f"Lieferdatum: {d.before:%d.%m.%Y}")
    txt(c, 300, 686, f"Kundennummer: {rng.randint(10000, 99999)}")
    y = lines_table(c, d, 640, ["Bezeichnung", "Menge", "Einzelpreis", "Gesamt"], lambda v: eu(v, "."))
    for i, (lab, v) in enumerate([("Nettobetrag", d.ht), (f"zzgl. {fmt_rate(d)} % MwSt.", d.tva), ("Gesamtbetrag", d.ttc)]):
        txt(c, 330, y - 16 * i, lab, 10, "Helvetica-Bold" if i == 2 else "Helvetica")
        txt(c, 540, y - 16 * i, eu(v, ".") + " EUR", right=True)
    txt(c, 50, y - 80, f"Zahlbar bis {d.other:%d.%m.%Y} ohne Abzug.", 9)
    c.save()


def nl_table(d, path, rng):
    c = pen(path)
    txt(c, 50, 800, "Drukkerij Van Dijk B.V.", 15, "Helvetica-Bold")
    txt(c, 50, 784, "Keizersgracht 100, 1015 CJ Amsterdam", 9, "Helvetica")
    txt(c, 50, 750, "FACTUUR", 16, "Helvetica-Bold")
    rows = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"), ("Vervaldatum", f"{d.other:%d-%m-%Y}")]
    for i, (a, b) in enumerate(rows):
        txt(c, 50, 730 - 14 * i, a, 10, "Helvetica")
        txt(c, 160, 730 - 14 * i, b)
    y = lines_table(c, d, 660, ["Omschrijving", "Aantal", "Prijs", "Bedrag"], lambda v: "€ " + eu(v, "."))
    for i, (lab, v) in enumerate([("Subtotaal", d.ht), (f"BTW {fmt_rate(d)}%", d.tva), ("Totaal", d.ttc)]):
        c.rect(330, y - 18 * i - 5, 220, 18)
        txt(c, 335, y - 18 * i, lab, 10, "Helvetica-Bold" if i == 2 else "Helvetica")
        txt(c, 545, y - 18 * i, "€ " + eu(v, "."), right=True)
    c.save()


# ---- held-out layouts -------------------------------------------------------------------------

def es_sidebar(d, path, rng):
    c = pen(path, "Times-Roman")
    c.setFillGray(0.9)
    c.rect(0, 0, 150, 842, fill=1, stroke=0)
    c.setFillGray(0)
    txt(c, 15, 780, "FACTURA", 16, "Times-Bold")
    txt(c, 15, 750, "Nº Factura", 9, "Times-Bold")
    txt(c, 15, 738, d.number, 10, "Times-Roman")
    txt(c, 15, 715, "Fecha", 9, "Times-Bold")
    txt(c, 15, 703, f"{d.date:%d/%m/%Y}", 10, "Times-Roman")
    txt(c, 15, 680, "Vencimiento", 9, "Times-Bold")
    txt(c, 15, 668, f"{d.other:%d/%m/%Y}", 10, "Times-Roman")
    txt(c, 180, 790, "Distribuciones Levante S.L.", 15, "Times-Bold")
    txt(c, 180, 775, "Calle Mayor 21, 46001 Valencia · Tfno. 963 12 34 56", 9, "Times-Roman")
    y = lines_table(c, d, 650, ["Concepto", "Cant.", "Precio", "Importe"], lambda v: eu(v, ".") + " €", x=180,
                    font="Times-Roman")
    for i, (lab, v) in enumerate([("Base imponible", d.ht), (f"IVA {fmt_rate(d)}%", d.tva), ("TOTAL", d.ttc)]):
        txt(c, 400, y - 18 * i, lab, 11, "Times-Bold" if i == 2 else "Times-Roman")
        txt(c, 570, y - 18 * i, eu(v, ".") + " €", right=True)
    c.save()


def it_footer(d, path, rng):
    c = pen(path, "Courier")
    txt(c, 50, 800, "Tipografia Bianchi S.r.l.", 14, "Courier-Bold")
    txt(c, 50, 786, "Via Roma 15, 20121 Milano - P.IVA 01234567890", 8, "Courier")
    txt(c, 50, 750, f"FATTURA N. {d.number} del {d.date:%d/%m/%Y}", 12, "Courier-Bold")
    txt(c, 50, 734, f"Data consegna: {d.before:%d/%m/%Y}", 9, "Courier")
    y = lines_table(c, d, 690, ["Descrizione", "Q.tà", "Prezzo", "Importo"], lambda v: eu(v, "."), font="Courier")
    c.line(50, 120, 545, 120)
    txt(c, 50, 105, f"Imponibile € {eu(d.ht, '.')}   IVA {fmt_rate(d)}% € {eu(d.tva, '.')}", 9, "Courier")
    txt(c, 50, 90, f"Totale documento € {eu(d.ttc, '.')}", 11, "Courier-Bold")
    txt(c, 50, 70, f"Scadenza pagamento: {d.other:%d/%m/%Y}", 8, "Courier")
    c.save()


def fr_multirate(d, path, rng):
    c = pen(path, "Courier")
    txt(c, 50, 800, "EPICERIE FINE DUVAL SAS", 13, "Courier-Bold")
    txt(c, 50, 786, "3 place du Marché 33000 Bordeaux - Tél : 05 56 00 11 22", 8, "Courier")
    txt(c, 50, 760, f"Facture n° {d.number}", 12, "Courier-Bold")
    txt(c, 330, 760, f"Bordeaux, le {d.date.day} {MONTHS['fr'][d.date.month - 1]} {d.date.year}", 10, "Courier")
    txt(c, 50, 744, f"Date de livraison : {d.before:%d/%m/%Y}", 9, "Courier")
    y = lines_table(c, d, 700, ["Désignation", "Qté", "PU HT", "Montant HT"], lambda v: eu(v, " "), font="Courier")
    txt(c, 50, y, "Taux     Base HT        TVA", 9, "Courier-Bold")
    for i, r in enumerate(sorted(d.base)):
        txt(c, 50, y - 14 * (i + 1), f"{fmt(r):<8} {eu(d.base[r], ' '):>10}   {eu(d.vat[r], ' '):>10}", 9, "Courier")
    y -= 14 * (len(d.base) + 2)
    for i, (lab, v) in enumerate([("Total HT", d.ht), ("Total TVA", d.tva), ("Net à payer", d.ttc)]):
        txt(c, 330, y - 16 * i, f"{lab:<14}{eu(v, ' '):>12} EUR", 10, "Courier-Bold" if i == 2 else "Courier")
    txt(c, 50, 80, "Pénalités de retard : article L441-10 du Code de commerce, 40 € d'indemnité.", 7, "Courier")
    c.save()


def de_credit_stacked(d, path, rng):
    c = pen(path)
    txt(c, 50, 800, "Elektro Schmidt KG", 14, "Helvetica-Bold")
    txt(c, 50, 786, "Bahnhofstraße 4, 50667 Köln", 9, "Helvetica")
    txt(c, 50, 740, "GUTSCHRIFT", 18, "Helvetica-Bold")
    txt(c, 50, 718, "Gutschriftsnummer", 8, "Helvetica")
    txt(c, 50, 706, d.number, 11, "Helvetica-Bold")
    txt(c, 200, 718, "Datum", 8, "Helvetica")
    txt(c, 200, 706, f"{d.date:%d.%m.%Y}", 11, "Helvetica-Bold")
    txt(c, 330, 718, "zur Rechnung vom", 8, "Helvetica")
    txt(c, 330, 706, f"{d.before:%d.%m.%Y}", 11, "Helvetica")
    y = lines_table(c, d, 650, ["Artikel", "Menge", "Preis", "Betrag"], lambda v: eu(v, "."))
    labels = ["Netto", "MwSt.", "Gutschriftsbetrag"]
    for i, (lab, v) in enumerate(zip(labels, [d.ht, d.tva, d.ttc])):
        txt(c, 250 + 110 * i, y, lab, 8, "Helvetica")
        txt(c, 250 + 110 * i, y - 14, "-" + eu(v, ".") + " €", 11, "Helvetica-Bold")
    c.save()


def en_receipt(d, path, rng):
    c = canvas.Canvas(path, pagesize=(226, 500), invariant=1)
    y = 470
    for s, f in [("THE CORNER CAFE", "Courier-Bold"), ("12 High Street, Leeds LS1 4AP", "Courier"),
                 ("VAT Reg No GB123456789", "Courier"), (f"Receipt {d.number}", "Courier"),
                 (f"{d.date.day} {d.date:%b %Y} 12:41", "Courier")]:
        txt(c, 10, y, s, 8, f)
        y -= 12
    y -= 8
    for name, qty, unit, rate in d.lines:
        txt(c, 10, y, f"{qty} x {name[:12]}", 8, "Courier")
        txt(c, 216, y, us(q(qty * unit)), 8, right=True)
        y -= 11
    y -= 8
    for lab, v in [("Net", d.ht), (f"VAT {fmt_rate(d)}%", d.tva), ("TOTAL GBP", d.ttc)]:
        txt(c, 10, y, lab, 9, "Courier-Bold" if lab.startswith("TOTAL") else "Courier")
        txt(c, 216, y, us(v), right=True)
        y -= 12
    txt(c, 10, y - 10, "Paid by card - Thank you!", 8, "Courier")
    c.save()


def fr_avoir(d, path, rng):
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "Cabinet Moreau & Associés", 15, "Times-Bold")
    txt(c, 50, 785, "12 boulevard Haussmann 75009 Paris", 9, "Times-Roman")
    txt(c, 360, 760, "AVOIR", 20, "Times-Bold")
    txt(c, 360, 740, f"Avoir n° {d.number}", 10, "Times-Roman")
    txt(c, 360, 726, f"du {d.date.day} {MONTHS['fr'][d.date.month - 1]} {d.date.year}")
    txt(c, 50, 700, f"Annule et remplace la facture du {d.before:%d/%m/%Y}", 9)
    y = lines_table(c, d, 660, ["Désignation", "Qté", "PU HT", "Total HT"], lambda v: eu(v, " "), font="Times-Roman")
    c.rect(300, y - 55, 250, 68)
    for i, (lab, v) in enumerate([("Montant HT", d.ht), ("Montant TVA", d.tva), ("Montant TTC à rembourser", d.ttc)]):
        txt(c, 310, y - 20 * i, lab, 10, "Times-Bold" if i == 2 else "Times-Roman")
        txt(c, 540, y - 20 * i, eu(v, " ") + " €", right=True)
    c.save()


def nl_kassabon(d, path, rng):
    c = canvas.Canvas(path, pagesize=(230, 520), invariant=1)
    y = 490
    for s in ["BAKKERIJ DE ZON", "Dorpsstraat 7, 3512 AB Utrecht", "KASSABON", f"Bonnummer: {d.number}",
              f"Datum: {d.date:%d-%m-%Y}  14:05"]:
        txt(c, 12, y, s, 8, "Helvetica")
        y -= 12
    y -= 6
    for name, qty, unit, rate in d.lines:
        txt(c, 12, y, f"{qty}x {name[:14]}", 8, "Helvetica")
        txt(c, 218, y, eu(q(qty * unit), "."), 8, right=True)
        y -= 11
    y -= 6
    txt(c, 12, y, "Totaal", 10, "Helvetica-Bold")
    txt(c, 218, y, eu(d.ttc, "."), right=True)
    y -= 14
    txt(c, 12, y, f"BTW {fmt_rate(d)}% over {eu(d.ht, '.')}", 8, "Helvetica")
    txt(c, 218, y, eu(d.tva, "."), 8, right=True)
    y -= 12
    txt(c, 12, y, f"Excl. BTW {eu(d.ht, '.')}", 8, "Helvetica")
    txt(c, 12, y - 20, "Betaald met PIN", 8, "Helvetica")
    c.save()


def en_credit(d, path, rng):
    c = pen(path)
    txt(c, 50, 800, "Northwind Supplies Ltd", 14, "Helvetica-Bold")
    txt(c, 50, 786, "Unit 4, Riverside Park, Bristol BS1 6XX · +44 117 496 0000", 8, "Helvetica")
    txt(c, 50, 750, "CREDIT NOTE", 17, "Helvetica-Bold")
    txt(c, 320, 750, f"Credit note no. {d.number}", 10, "Helvetica")
    txt(c, 320, 736, f"Issue date: {d.date.day} {d.date:%B %Y}", 10)
    txt(c, 320, 722, f"Original invoice date: {d.before.day} {d.before:%B %Y}", 9)
    y = lines_table(c, d, 670, ["Description", "Qty", "Unit price", "Net"], lambda v: "£" + us(v))
    for i, (lab, v) in enumerate([("Net total", d.ht), (f"VAT @ {fmt_rate(d)}%", d.tva), ("Total credit", d.ttc)]):
        txt(c, 360, y - 16 * i, lab, 10, "Helvetica-Bold" if i == 2 else "Helvetica")
        txt(c, 545, y - 16 * i, "£" + us(v), right=True)
    c.save()


# ---- layouts added after every layout above had been seen (development corpus) -------------

def de_two_rates(d, path, rng):
    """Two German rates summed, an address window, "Rechnungs-Nr." in a right-hand info box,
    the delivery date before the invoice date, totals labelled netto / USt. / brutto."""
    c = pen(path)
    txt(c, 50, 800, "Feinkost Wagner OHG", 14, "Helvetica-Bold")
    txt(c, 50, 786, "Marktplatz 3, 01067 Dresden · Tel. 0351 4455667 · USt-IdNr. DE123456789", 8, "Helvetica")
    txt(c, 50, 730, "Brasserie du Port SARL", 10)
    txt(c, 50, 716, "4 quai des Chartrons, 33000 Bordeaux")
    txt(c, 50, 702, "USt-IdNr. des Kunden: FR44732829320", 8)
    c.rect(350, 670, 200, 70)
    for i, (a, b) in enumerate([("Lieferdatum", f"{d.before:%d.%m.%Y}"), ("Rechnungs-Nr.", d.number),
                                ("Datum", f"{d.date:%d.%m.%Y}"), ("Kunden-Nr.", str(rng.randint(1000, 9999)))]):
        txt(c, 358, 728 - 15 * i, a, 9, "Helvetica")
        txt(c, 545, 728 - 15 * i, b, 9, right=True)
    txt(c, 50, 640, "RECHNUNG", 15, "Helvetica-Bold")
    y = lines_table(c, d, 610, ["Artikel", "Menge", "Preis", "Summe"], lambda v: eu(v, "."))
    txt(c, 330, y, "Summe netto", 10)
    txt(c, 545, y, eu(d.ht, ".") + " €", right=True)
    for i, r in enumerate(sorted(d.base)):
        txt(c, 330, y - 15 * (i + 1), f"USt. {r} % auf {eu(d.base[r], '.')}", 9)
        txt(c, 545, y - 15 * (i + 1), eu(d.vat[r], ".") + " €", right=True)
    y -= 15 * (len(d.base) + 1)
    txt(c, 330, y - 4, "Rechnungsbetrag brutto", 10, "Helvetica-Bold")
    txt(c, 545, y - 4, eu(d.ttc, ".") + " €", right=True)
    txt(c, 50, 90, f"Zahlbar bis {d.other:%d.%m.%Y} ohne Abzug. Bankverbindung: IBAN DE89 3704 0044 0532 0130 00", 8)
    c.save()


def fr_shipping(d, path, rng):
    """A French web-shop invoice: number and date in a header box, labels above their values;
    "Total HT" of the goods printed before the shipping fees while the VAT base includes them;
    the client's SIRET in the address block; a payment date after the due date."""
    ship = q(Decimal(rng.choice([690, 990, 1490])) / 100)
    rate = next(iter(d.base))
    d.base[rate] += ship
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    goods = d.ht
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva
    c = pen(path)
    txt(c, 50, 800, "Boutique Azur SAS", 15, "Helvetica-Bold")
    txt(c, 50, 786, "Zone Artisanale, 06200 Nice — SIRET 732 829 320 00074", 8, "Helvetica")
    c.rect(330, 730, 220, 40)
    for i, (a, b) in enumerate([("N°", d.number), ("Date d'émission", f"{d.date:%d/%m/%Y}")]):
        txt(c, 340 + 110 * i, 758, a, 8, "Helvetica")
        txt(c, 340 + 110 * i, 740, b, 10, "Helvetica-Bold")
    txt(c, 50, 740, "Client : Atelier Rivière SARL", 9, "Helvetica")
    txt(c, 50, 728, "SIRET client : 552 081 317 00018", 8)
    txt(c, 50, 700, "FACTURE", 14, "Helvetica-Bold")
    y = lines_table(c, d, 670, ["Produit", "Qté", "Prix HT", "Total HT"], lambda v: eu(v, " "))
    rows = [("Total HT", goods), ("Frais de port HT", ship), (f"TVA {fmt_rate(d)} %", d.tva), ("Total TTC", d.ttc)]
    for i, (lab, v) in enumerate(rows):
        txt(c, 340, y - 16 * i, lab, 10, "Helvetica-Bold" if i == 3 else "Helvetica")
        txt(c, 545, y - 16 * i, eu(v, " ") + " €", right=True)
    txt(c, 50, 120, f"Échéance : {d.other:%d/%m/%Y}", 8)
    txt(c, 50, 108, f"Réglé par carte le {(d.other + dt.timedelta(days=3)):%d/%m/%Y}", 8)
    c.save()


def en_fr_supplier(d, path, rng):
    """An English invoice from a French supplier: month-first dates in euros (a due date with a
    day above 12 proves the order), "Invoice No." under its label, the amount due in a box at
    the top before the net total and "Tax Total" at the bottom."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "Atelier Numérique SAS", 15, "Times-Bold")
    txt(c, 50, 786, "21 rue de la Paix, 75002 Paris, France", 9, "Times-Roman")
    txt(c, 50, 750, "INVOICE", 18, "Times-Bold")
    heads = [("Invoice No.", d.number), ("Invoice Date", f"{d.date:%m/%d/%Y}"), ("Due Date", f"{d.other:%m/%d/%Y}")]
    for i, (a, b) in enumerate(heads):
        txt(c, 50 + 120 * i, 728, a, 9, "Times-Bold")
        txt(c, 50 + 120 * i, 714, b, 10, "Times-Roman")
    c.rect(400, 700, 150, 44)
    txt(c, 410, 730, "Amount Due (EUR)", 9, "Times-Bold")
    txt(c, 540, 710, "€" + us(d.ttc), 12, "Times-Bold", right=True)
    y = lines_table(c, d, 660, ["Description", "Qty", "Unit price", "Amount"], lambda v: "€" + us(v), font="Times-Roman")
    for i, (lab, v) in enumerate([("Net total", d.ht), (f"Tax Total ({fmt_rate(d)}%)", d.tva), ("Total", d.ttc)]):
        txt(c, 360, y - 16 * i, lab, 10, "Times-Bold" if i == 2 else "Times-Roman")
        txt(c, 545, y - 16 * i, "€" + us(v), right=True)
    txt(c, 50, 100, f"Late payment penalties apply after {d.other:%m/%d/%Y}: article L441-10 of the French Commercial Code.", 8)
    c.save()


# ---- layouts added for the precision pass (issue 10, branch ocr2) ------------------------------
# TUNING_2 were looked at while changing the extraction; HELD_OUT_2 were drawn before any change
# and only scored, never inspected document by document, until the final run.

def de_en16931(d, path, rng):
    """A German EN 16931-style print: info block on the right, a shipping charge between
    "Summe Positionen" and "Nettobetrag", VAT at 19 % and 7 % on the same invoice, gross total
    then a prepayment and the amount due ("Zahlbetrag"), delivery date and service period."""
    ship = q(Decimal(rng.choice([490, 890, 1250])) / 100)
    goods = d.ht
    d.base["19"] += ship
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva
    deposit = q(d.ttc * Decimal(rng.choice([20, 30, 50])) / 100)
    c = pen(path)
    txt(c, 50, 805, "Bürobedarf Hoffmann GmbH", 14, "Helvetica-Bold")
    txt(c, 50, 792, "Lindenallee 7 · 30159 Hannover · Tel. +49 511 998877 · USt-IdNr. DE811907980", 8, "Helvetica")
    txt(c, 50, 740, "Kanzlei Petit & Roux", 10)
    txt(c, 50, 727, "18 rue Nationale, 59000 Lille")
    rows = [("Rechnungsnummer", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"),
            ("Lieferdatum", f"{d.before:%d.%m.%Y}"), ("Kundennummer", str(rng.randint(10000, 99999))),
            ("Bestellnummer", f"PO-{rng.randint(1000, 9999)}")]
    for i, (a, b) in enumerate(rows):
        txt(c, 340, 750 - 13 * i, a, 9, "Helvetica")
        txt(c, 545, 750 - 13 * i, b, 9, right=True)
    txt(c, 50, 660, "Rechnung", 16, "Helvetica-Bold")
    start = d.before.replace(day=1)
    txt(c, 50, 644, f"Leistungszeitraum: {start:%d.%m.%Y} - {d.before:%d.%m.%Y}", 9, "Helvetica")
    y = lines_table(c, d, 615, ["Bezeichnung", "Menge", "Einzelpreis", "Gesamt netto"], lambda v: eu(v, "."))
    rows = [("Summe Positionen", goods), ("Zuschläge (Versand)", ship), ("Nettobetrag", d.ht)]
    rows += [(f"Umsatzsteuer {r} % auf {eu(d.base[r], '.')}", d.vat[r]) for r in sorted(d.base, key=Decimal, reverse=True)]
    rows += [("Bruttobetrag", d.ttc), ("Anzahlung", -deposit), ("Zahlbetrag", d.ttc - deposit)]
    for i, (lab, v) in enumerate(rows):
        bold = lab in ("Bruttobetrag", "Zahlbetrag")
        txt(c, 300, y - 15 * i, lab, 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, y - 15 * i, eu(v, ".") + " EUR", 9, right=True)
    txt(c, 50, 90, f"Fällig am {d.other:%d.%m.%Y}. IBAN DE89 3704 0044 0532 0130 00", 8, "Helvetica")
    c.save()


def nl_verlegd(d, path, rng):
    """A Dutch invoice to a French business under reverse charge: no VAT charged, "BTW verlegd",
    a 0 % rate in the totals and the customer's VAT number."""
    c = pen(path)
    txt(c, 50, 800, "Transportbedrijf Jansen B.V.", 15, "Helvetica-Bold")
    txt(c, 50, 786, "Havenweg 12, 3089 JJ Rotterdam · KvK 24123456 · BTW NL001234567B01", 8, "Helvetica")
    txt(c, 50, 740, "Factuur aan:", 9)
    txt(c, 50, 727, "Logistique Durand SAS, 12 avenue Foch, 67000 Strasbourg")
    txt(c, 50, 714, "BTW-nummer afnemer: FR44732829320", 8)
    txt(c, 380, 760, "FACTUUR", 16, "Helvetica-Bold")
    for i, (a, b) in enumerate([("Factuurnummer:", d.number), ("Factuurdatum:", f"{d.date:%d-%m-%Y}"),
                                ("Leveringsdatum:", f"{d.before:%d-%m-%Y}"), ("Vervaldatum:", f"{d.other:%d-%m-%Y}")]):
        txt(c, 380, 740 - 13 * i, a, 9, "Helvetica")
        txt(c, 545, 740 - 13 * i, b, 9, right=True)
    y = lines_table(c, d, 650, ["Omschrijving", "Aantal", "Prijs", "Bedrag"], lambda v: "€ " + eu(v, "."))
    for i, (lab, v) in enumerate([("Subtotaal", d.ht), ("BTW 0% (verlegd)", d.tva), ("Totaal te betalen", d.ttc)]):
        txt(c, 330, y - 16 * i, lab, 10, "Helvetica-Bold" if i == 2 else "Helvetica")
        txt(c, 545, y - 16 * i, "€ " + eu(v, "."), right=True)
    txt(c, 50, y - 70, "BTW verlegd: btw verlegd naar de afnemer (art. 196 Richtlijn 2006/112/EG).", 8)
    c.save()


def es_simplificada(d, path, rng):
    """A Spanish till receipt ("factura simplificada"): prices with VAT included, the base and
    the VAT worked out at the bottom, date and time on one line."""
    gross = [(name, qty, q(qty * unit * Decimal("1.21"))) for name, qty, unit, _ in d.lines]
    d.ttc = sum(g for _, _, g in gross)
    d.ht = q(d.ttc / Decimal("1.21"))
    d.tva = d.ttc - d.ht
    c = canvas.Canvas(path, pagesize=(230, 520), invariant=1)
    y = 490
    for s, f in [("FERRETERIA GARCIA S.L.", "Courier-Bold"), ("C/ Alcala 45, 28014 Madrid", "Courier"),
                 ("NIF B12345678", "Courier"), ("FACTURA SIMPLIFICADA", "Courier-Bold"),
                 (f"Num: {d.number}", "Courier"), (f"Fecha: {d.date:%d/%m/%Y}  Hora: 17:2{rng.randint(0, 9)}", "Courier")]:
        txt(c, 10, y, s, 8, f)
        y -= 12
    y -= 6
    for name, qty, g in gross:
        txt(c, 10, y, f"{qty} x {name[:14]}", 8, "Courier")
        txt(c, 220, y, eu(g, "."), 8, right=True)
        y -= 11
    y -= 6
    txt(c, 10, y, "TOTAL EUR", 10, "Courier-Bold")
    txt(c, 220, y, eu(d.ttc, "."), 10, right=True)
    y -= 16
    txt(c, 10, y, "IVA    BASE      CUOTA", 8, "Courier")
    txt(c, 10, y - 11, f"21%  {eu(d.ht, '.'):>9}  {eu(d.tva, '.'):>8}", 8, "Courier")
    txt(c, 10, y - 30, "Pago con tarjeta. IVA incluido.", 8, "Courier")
    c.save()


def fr_facturx(d, path, rng):
    """A French Factur-X-style printed page: order, delivery and due dates beside the invoice
    date in a reference grid, a discount before the VAT base, "Total TVA" and "Net à payer",
    legal mentions with article numbers and the supplier's capital."""
    disc = q(d.ht * Decimal(rng.choice([2, 5, 10])) / 100)
    rate = next(iter(d.base))
    goods = d.ht
    d.base[rate] -= disc
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Lumière Équipements SA", 15, "Times-Bold")
    txt(c, 50, 791, "Capital de 250 000 € — 14 allée des Tilleuls 44000 Nantes — SIREN 732 829 320", 8, "Times-Roman")
    txt(c, 50, 760, "FACTURE", 16, "Times-Bold")
    grid = [("N° de facture", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"),
            ("Date de commande", f"{(d.before - dt.timedelta(days=5)):%d/%m/%Y}"),
            ("Date de livraison", f"{d.before:%d/%m/%Y}"), ("Date d'échéance", f"{d.other:%d/%m/%Y}")]
    for i, (a, b) in enumerate(grid):
        txt(c, 50 + 100 * i, 735, a, 8, "Times-Bold")
        txt(c, 50 + 100 * i, 722, b, 9, "Times-Roman")
    y = lines_table(c, d, 680, ["Désignation", "Qté", "PU HT", "Montant HT"], lambda v: eu(v, " "), font="Times-Roman")
    rows = [("Total articles HT", goods), (f"Remise {rng.choice(['commerciale', 'fidélité'])}", -disc),
            ("Total HT", d.ht), (f"Total TVA ({fmt_rate(d)} %)", d.tva), ("Total TTC", d.ttc), ("Net à payer", d.ttc)]
    for i, (lab, v) in enumerate(rows):
        txt(c, 320, y - 15 * i, lab, 10, "Times-Bold" if lab == "Net à payer" else "Times-Roman")
        txt(c, 545, y - 15 * i, eu(v, " ") + " €", right=True)
    txt(c, 50, 95, "Escompte pour paiement anticipé : néant. Indemnité forfaitaire de recouvrement : 40 € "
        "(art. L441-10 et D441-5 du Code de commerce).", 7, "Times-Roman")
    c.save()


def de_gutschrift_box(d, path, rng):
    """A German credit note: the totals as a table (rate, net, tax, gross per rate and a sum
    row), the invoice it corrects quoted with its own date, amounts printed positive."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Gartenbau Krüger e.K.", 14, "Times-Bold")
    txt(c, 50, 792, "Am Stadtpark 9, 04109 Leipzig, Telefon 0341 2233445", 8, "Times-Roman")
    txt(c, 50, 745, "GUTSCHRIFT", 17, "Times-Bold")
    txt(c, 50, 725, f"Gutschrift-Nr.: {d.number}", 10, "Times-Roman")
    txt(c, 50, 711, f"Datum: {d.date:%d.%m.%Y}", 10)
    txt(c, 300, 725, f"Bezug: Rechnung RE-{rng.randint(1000, 9999)} vom {d.before:%d.%m.%Y}", 9)
    txt(c, 300, 711, f"Leistungsdatum: {d.before:%d.%m.%Y}", 9)
    y = lines_table(c, d, 660, ["Leistung", "Menge", "Preis", "Betrag"], lambda v: eu(v, "."), font="Times-Roman")
    heads = ["USt-Satz", "Netto", "USt", "Brutto"]
    for i, h in enumerate(heads):
        txt(c, 260 + 85 * i, y, h, 9, "Times-Bold")
    rows = [(f"{r} %", d.base[r], d.vat[r], d.base[r] + d.vat[r]) for r in sorted(d.base, key=Decimal, reverse=True)]
    rows.append(("Summe", d.ht, d.tva, d.ttc))
    for k, row in enumerate(rows):
        yy = y - 14 * (k + 1)
        txt(c, 260, yy, row[0], 9, "Times-Bold" if row[0] == "Summe" else "Times-Roman")
        for i, v in enumerate(row[1:]):
            txt(c, 330 + 85 * (i + 1) - 10, yy, eu(v, "."), 9, right=True)
    txt(c, 50, y - 14 * (len(rows) + 3), f"Der Betrag von {eu(d.ttc, '.')} EUR wird Ihrem Konto gutgeschrieben.", 9)
    c.save()


def en_us_tax(d, path, rng):
    """A US service invoice: month-first dates in dollars (nothing on the page proves the order
    but the currency and the language), Subtotal / Tax at a US sales-tax rate / Total, a
    period of service and a due date."""
    c = pen(path)
    txt(c, 50, 805, "Cloudpeak Hosting LLC", 15, "Helvetica-Bold")
    txt(c, 50, 791, "1200 Pine Ave, Portland, OR 97205 · (503) 555-0142", 8, "Helvetica")
    txt(c, 400, 770, "Invoice", 18, "Helvetica-Bold")
    for i, (a, b) in enumerate([("Invoice number", d.number), ("Date of issue", f"{d.date:%m/%d/%Y}"),
                                ("Date due", f"{d.other:%m/%d/%Y}")]):
        txt(c, 360, 748 - 13 * i, a, 9, "Helvetica")
        txt(c, 545, 748 - 13 * i, b, 9, right=True)
    txt(c, 50, 740, "Bill to", 9, "Helvetica-Bold")
    txt(c, 50, 727, "Studio Marceau SARL, 5 rue Vivienne, 75002 Paris, France", 9, "Helvetica")
    start = d.before
    txt(c, 50, 690, f"Service period: {start:%m/%d/%Y} - {d.date:%m/%d/%Y}", 9)
    y = lines_table(c, d, 660, ["Description", "Qty", "Unit price", "Amount"], lambda v: "$" + us(v))
    rate = next(iter(d.base))
    for i, (lab, v) in enumerate([("Subtotal", d.ht), (f"Tax ({rate}%)", d.tva), ("Total", d.ttc),
                                  ("Amount due", d.ttc)]):
        txt(c, 360, y - 16 * i, lab, 10, "Helvetica-Bold" if i == 3 else "Helvetica")
        txt(c, 545, y - 16 * i, "$" + us(v) + (" USD" if i == 3 else ""), right=True)
    c.save()


def es_columnas(d, path, rng):
    """A Spanish invoice whose totals are columns (labels in a header row, values below), with
    "Fecha de expedición" beside "Fecha de operación" and the customer's NIF."""
    c = pen(path)
    txt(c, 50, 805, "Suministros Navarro S.A.", 15, "Helvetica-Bold")
    txt(c, 50, 791, "Avenida de la Constitución 8, 41001 Sevilla · CIF A41234567", 8, "Helvetica")
    txt(c, 50, 760, "FACTURA", 15, "Helvetica-Bold")
    txt(c, 50, 742, f"Nº de factura: {d.number}", 10)
    txt(c, 50, 728, f"Fecha de expedición: {d.date:%d/%m/%Y}", 10)
    txt(c, 50, 714, f"Fecha de operación: {d.before:%d/%m/%Y}", 9)
    txt(c, 330, 742, "Cliente: Hôtel Bellevue SARL", 9)
    txt(c, 330, 728, "NIF/IVA: FR44732829320", 9)
    y = lines_table(c, d, 670, ["Descripción", "Uds.", "Precio", "Importe"], lambda v: eu(v, "."))
    rate = next(iter(d.base))
    heads = [("Base imponible", d.ht), ("% IVA", None), ("Cuota IVA", d.tva), ("TOTAL FACTURA", d.ttc)]
    for i, (h, v) in enumerate(heads):
        x = 120 + 110 * i
        txt(c, x, y, h, 9, "Helvetica-Bold")
        txt(c, x, y - 16, f"{rate} %" if v is None else eu(v, ".") + " €", 10, "Helvetica")
    txt(c, 50, y - 60, f"Vencimiento: {d.other:%d/%m/%Y} · Transferencia bancaria", 8)
    c.save()


def fr_avoir_net(d, path, rng):
    """A French credit note with negative totals, "Net à déduire", the invoice it refers to
    with its number and date, a VAT table per rate."""
    c = pen(path, "Courier")
    txt(c, 50, 805, "SARL Garage Lemaire", 13, "Courier-Bold")
    txt(c, 50, 792, "Route de Rennes, 35000 Rennes - SIRET 552 081 317 00018", 8, "Courier")
    txt(c, 350, 760, f"AVOIR N° {d.number}", 12, "Courier-Bold")
    txt(c, 350, 745, f"Date : {d.date:%d/%m/%Y}", 10, "Courier")
    txt(c, 50, 725, f"Réf. facture F{d.before.year}-{rng.randint(100, 999)} du {d.before:%d/%m/%Y}", 9, "Courier")
    y = lines_table(c, d, 690, ["Désignation", "Qté", "PU HT", "Total HT"], lambda v: eu(v, " "), font="Courier")
    txt(c, 50, y, "Taux   Base HT      Montant TVA", 9, "Courier-Bold")
    for i, r in enumerate(sorted(d.base)):
        txt(c, 50, y - 13 * (i + 1), f"{fmt(r):<6} {'-' + eu(d.base[r], ' '):>11}  {'-' + eu(d.vat[r], ' '):>11}", 9,
            "Courier")
    y -= 13 * (len(d.base) + 2)
    for i, (lab, v) in enumerate([("Total HT", d.ht), ("Total TVA", d.tva), ("Net à déduire TTC", d.ttc)]):
        txt(c, 300, y - 15 * i, f"{lab:<18}{'-' + eu(v, ' '):>12} €", 10, "Courier-Bold" if i == 2 else "Courier")
    c.save()


def en_eu_reverse(d, path, rng):
    """An English invoice from an EU supplier under reverse charge: VAT 0 %, the legal mention,
    the net total equal to the total; dates written out ("3 March 2024")."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Nordlys Design ApS", 15, "Times-Bold")
    txt(c, 50, 791, "Vesterbrogade 10, 1620 Copenhagen V, Denmark · VAT DK12345678", 8, "Times-Roman")
    txt(c, 50, 760, "INVOICE", 16, "Times-Bold")
    txt(c, 50, 742, f"Invoice no: {d.number}", 10)
    txt(c, 50, 728, f"Invoice date: {d.date.day} {d.date:%B %Y}", 10)
    txt(c, 50, 714, f"Delivery date: {d.before.day} {d.before:%B %Y}", 9)
    txt(c, 330, 742, "Customer: Maison Lefort SAS", 9)
    txt(c, 330, 728, "Customer VAT no: FR44732829320", 9)
    y = lines_table(c, d, 670, ["Description", "Qty", "Unit price", "Net"], lambda v: "EUR " + us(v), font="Times-Roman")
    for i, (lab, v) in enumerate([("Net total", d.ht), ("VAT 0%", d.tva), ("Total EUR", d.ttc)]):
        txt(c, 360, y - 16 * i, lab, 10, "Times-Bold" if i == 2 else "Times-Roman")
        txt(c, 545, y - 16 * i, us(v), right=True)
    txt(c, 50, y - 70, "Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).", 8)
    txt(c, 50, y - 82, f"Payment due within 30 days, by {d.other.day} {d.other:%B %Y}.", 8)
    c.save()


def fmt(r):
    return (f"{Decimal(r):f}".rstrip("0").rstrip(".") if "." in str(r) else str(r)).replace(".", ",") + " %"



# ---- layouts added for the date pass (issue 10, branch dates) ---------------------------------
# Invoice dates as suppliers print them: header tables with several date columns and the values
# on the line below, a bare "Datum", letter-head "City, date", month names in six languages, the
# invoice date as the page's only unlabelled date beside a labelled due date, month-first dates
# proved by another date. TUNING_3 are looked at while changing the date rules; HELD_OUT_3 were
# drawn in the same sitting, before any change, and are only scored as a table of their own.

MONTH_NAMES = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
}


def long_date(day, lang):
    m = MONTH_NAMES[lang][day.month - 1]
    return {"de": f"{day.day}. {m} {day.year}", "en": f"{m} {day.day}, {day.year}",
            "fr": f"{'1er' if day.day == 1 else day.day} {m} {day.year}", "nl": f"{day.day} {m} {day.year}",
            "es": f"{day.day} de {m} de {day.year}", "it": f"{day.day} {m} {day.year}"}[lang]


def totals_rows(c, rows, y, x_label=330, x_value=545, size=10, step=16, bold_last=True):
    for i, (lab, v) in enumerate(rows):
        last = bold_last and i == len(rows) - 1
        txt(c, x_label, y - step * i, lab, size, "Helvetica-Bold" if last else "Helvetica")
        txt(c, x_value, y - step * i, v, size, right=True)


def de_kopftabelle(d, path, rng):
    """German header table: a ruled row of cells "Rechnungsdatum | Lieferdatum | Kundennummer |
    Seite" with the values in the row below, the delivery date before the invoice date."""
    c = pen(path)
    txt(c, 50, 805, "Elektro Schubert GmbH & Co. KG", 13, "Helvetica-Bold")
    txt(c, 50, 792, "Am Hafen 3 · 28217 Bremen · Tel. 0421 556677", 8, "Helvetica")
    txt(c, 50, 750, "Stadtwerke Nord GmbH, Postfach 1020, 28195 Bremen", 9)
    txt(c, 50, 700, f"Rechnung Nr. {d.number}", 15, "Helvetica-Bold")
    heads = ["Rechnungsdatum", "Lieferdatum", "Kundennummer", "Seite"]
    values = [f"{d.date:%d.%m.%Y}", f"{d.before:%d.%m.%Y}", str(rng.randint(100000, 999999)), "1/1"]
    xs = [50, 175, 300, 425]
    for x, h, v in zip(xs, heads, values):
        c.rect(x - 4, 650, 125, 34)
        txt(c, x, 672, h, 8, "Helvetica-Bold")
        txt(c, x, 656, v, 10, "Helvetica")
    y = lines_table(c, d, 610, ["Artikel", "Menge", "Preis", "Betrag"], lambda v: eu(v, "."))
    totals_rows(c, [("Warenwert netto", eu(d.ht, ".") + " €"), (f"MwSt. {fmt_rate(d)} %", eu(d.tva, ".") + " €"),
                    ("Rechnungsbetrag", eu(d.ttc, ".") + " €")], y)
    txt(c, 50, 120, f"Zahlungsziel: {d.other:%d.%m.%Y} netto. Lieferung frei Haus.", 8)
    c.save()


def de_datum(d, path, rng):
    """A German craftsman's invoice whose only date label is a bare "Datum", beside a
    "Leistungsdatum" and a due date in words ("zahlbar bis")."""
    c = pen(path, "Times-Roman")
    txt(c, 330, 800, "Malerbetrieb Krüger", 14, "Times-Bold")
    txt(c, 330, 786, "Gartenweg 9, 04109 Leipzig", 9, "Times-Roman")
    txt(c, 50, 740, "Herrn Jean Dupont, 3 rue Pasteur, 67000 Strasbourg", 9)
    txt(c, 50, 690, "RECHNUNG", 16, "Times-Bold")
    txt(c, 330, 700, f"Nr.: {d.number}", 10, "Times-Roman")
    txt(c, 330, 686, f"Datum: {d.date:%d.%m.%Y}")
    txt(c, 330, 672, f"Leistungsdatum: {d.before:%d.%m.%Y}")
    y = lines_table(c, d, 630, ["Leistung", "Menge", "Preis", "Summe"], lambda v: eu(v, "."), font="Times-Roman")
    totals_rows(c, [("Nettosumme", eu(d.ht, ".") + " EUR"), (f"zzgl. USt {fmt_rate(d)} %", eu(d.tva, ".") + " EUR"),
                    ("Gesamtsumme", eu(d.ttc, ".") + " EUR")], y)
    txt(c, 50, y - 70, f"Bitte zahlbar bis {d.other:%d.%m.%Y} ohne Abzug.", 9)
    c.save()


def de_brief(d, path, rng):
    """A letter-style German invoice: the date only in the letter head "Berlin, 12. März 2024"
    (no label), a due date written the same way, "Leistungsdatum entspricht Rechnungsdatum"."""
    c = pen(path)
    txt(c, 50, 805, "Dr. Weber Unternehmensberatung", 13, "Helvetica-Bold")
    txt(c, 50, 792, "Friedrichstraße 120 · 10117 Berlin", 8, "Helvetica")
    txt(c, 50, 740, "Atelier Moreau SARL", 10)
    txt(c, 50, 727, "5 quai des Chartrons, 33000 Bordeaux")
    txt(c, 545, 700, f"Berlin, {long_date(d.date, 'de')}", 10, right=True)
    txt(c, 50, 670, f"Rechnung {d.number}", 14, "Helvetica-Bold")
    txt(c, 50, 652, "Leistungsdatum entspricht Rechnungsdatum.", 9, "Helvetica")
    y = lines_table(c, d, 620, ["Position", "Std.", "Satz", "Betrag"], lambda v: eu(v, "."))
    totals_rows(c, [("Summe netto", eu(d.ht, ".") + " €"), (f"Umsatzsteuer {fmt_rate(d)} %", eu(d.tva, ".") + " €"),
                    ("Gesamtbetrag", eu(d.ttc, ".") + " €")], y)
    txt(c, 50, y - 70, f"Bitte überweisen Sie den Betrag bis zum {long_date(d.other, 'de')}.", 9)
    txt(c, 50, y - 84, "Mit freundlichen Grüßen", 9)
    c.save()


def fr_lettre(d, path, rng):
    """A French letter head "Paris, le 12 mars 2024" as the only issue date, an "Échéance" in
    words, a delivery date in numbers."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Cabinet Girard Architectes", 14, "Times-Bold")
    txt(c, 50, 791, "14 rue de Rivoli, 75004 Paris", 9, "Times-Roman")
    txt(c, 545, 740, f"Paris, le {long_date(d.date, 'fr')}", 10, right=True)
    txt(c, 50, 700, f"FACTURE N° {d.number}", 14, "Times-Bold")
    txt(c, 50, 684, f"Livraison effectuée le {d.before:%d/%m/%Y}", 9, "Times-Roman")
    y = lines_table(c, d, 650, ["Désignation", "Qté", "Prix unitaire", "Montant HT"], lambda v: eu(v, " "),
                    font="Times-Roman")
    totals_rows(c, [("Total HT", eu(d.ht, " ") + " €"), (f"TVA {fmt_rate(d)} %", eu(d.tva, " ") + " €"),
                    ("Total TTC", eu(d.ttc, " ") + " €")], y)
    txt(c, 50, y - 70, f"Échéance : {long_date(d.other, 'fr')}", 9)
    c.save()


def en_long(d, path, rng):
    """An English invoice in pounds with written dates "March 12, 2024": invoice, order and due
    dates in a right-hand block."""
    c = pen(path)
    txt(c, 50, 805, "Kestrel Design Ltd", 14, "Helvetica-Bold")
    txt(c, 50, 792, "21 Brick Lane, London E1 6PU", 8, "Helvetica")
    txt(c, 50, 740, "INVOICE", 18, "Helvetica-Bold")
    rows = [("Invoice no.", d.number), ("Order date", long_date(d.before, "en")),
            ("Invoice date", long_date(d.date, "en")), ("Due date", long_date(d.other, "en"))]
    for i, (a, b) in enumerate(rows):
        txt(c, 330, 750 - 14 * i, a, 9, "Helvetica")
        txt(c, 545, 750 - 14 * i, b, 9, right=True)
    y = lines_table(c, d, 660, ["Description", "Qty", "Price", "Amount"], lambda v: "£" + us(v))
    totals_rows(c, [("Net total", "£" + us(d.ht)), (f"VAT {fmt_rate(d)}%", "£" + us(d.tva)),
                    ("Total due", "£" + us(d.ttc))], y)
    c.save()


def nl_lang(d, path, rng):
    """Dutch, dates written "12 maart 2024" after "Datum:", a delivery period and a due date."""
    c = pen(path)
    txt(c, 50, 800, "Bakkerij De Graaf", 14, "Helvetica-Bold")
    txt(c, 50, 787, "Marktstraat 4, 3511 AB Utrecht", 8, "Helvetica")
    txt(c, 50, 740, "Factuur", 16, "Helvetica-Bold")
    txt(c, 50, 722, f"Nummer: {d.number}", 10, "Helvetica")
    txt(c, 50, 708, f"Datum: {long_date(d.date, 'nl')}")
    txt(c, 300, 722, f"Leveringsdatum: {long_date(d.before, 'nl')}")
    y = lines_table(c, d, 660, ["Omschrijving", "Aantal", "Prijs", "Totaal"], lambda v: "€ " + eu(v, "."))
    totals_rows(c, [("Subtotaal", "€ " + eu(d.ht, ".")), (f"BTW {fmt_rate(d)}%", "€ " + eu(d.tva, ".")),
                    ("Totaal", "€ " + eu(d.ttc, "."))], y)
    txt(c, 50, y - 70, f"Gelieve te betalen vóór {long_date(d.other, 'nl')}.", 9)
    c.save()


def es_largo(d, path, rng):
    """Spanish, "Fecha de factura: 12 de marzo de 2024" and "Vencimiento: 11 de abril de 2024"."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "Gráficas Navarro S.L.", 14, "Times-Bold")
    txt(c, 50, 786, "Calle Mayor 22, 46001 Valencia · CIF B46123456", 8, "Times-Roman")
    txt(c, 50, 740, "FACTURA", 16, "Times-Bold")
    txt(c, 50, 722, f"Número de factura: {d.number}", 10, "Times-Roman")
    txt(c, 50, 708, f"Fecha de factura: {long_date(d.date, 'es')}")
    txt(c, 50, 694, f"Vencimiento: {long_date(d.other, 'es')}")
    y = lines_table(c, d, 650, ["Concepto", "Cant.", "Precio", "Importe"], lambda v: eu(v, ".") + " €",
                    font="Times-Roman")
    totals_rows(c, [("Base imponible", eu(d.ht, ".") + " €"), (f"IVA {fmt_rate(d)}%", eu(d.tva, ".") + " €"),
                    ("Total factura", eu(d.ttc, ".") + " €")], y)
    c.save()


def it_lungo(d, path, rng):
    """Italian, "Data: 12 marzo 2024" under the title, a delivery date and a due date in words."""
    c = pen(path)
    txt(c, 50, 800, "Tipografia Rossi S.r.l.", 14, "Helvetica-Bold")
    txt(c, 50, 787, "Via Roma 10, 20121 Milano · P. IVA 01234567890", 8, "Helvetica")
    txt(c, 50, 740, f"FATTURA N. {d.number}", 15, "Helvetica-Bold")
    txt(c, 50, 722, f"Data: {long_date(d.date, 'it')}", 10, "Helvetica")
    txt(c, 300, 722, f"Data di consegna: {long_date(d.before, 'it')}")
    y = lines_table(c, d, 660, ["Descrizione", "Q.tà", "Prezzo", "Importo"], lambda v: "€ " + eu(v, "."))
    totals_rows(c, [("Imponibile", "€ " + eu(d.ht, ".")), (f"IVA {fmt_rate(d)}%", "€ " + eu(d.tva, ".")),
                    ("Totale documento", "€ " + eu(d.ttc, "."))], y)
    txt(c, 50, y - 70, f"Scadenza: {long_date(d.other, 'it')}", 9)
    c.save()


def fr_seule(d, path, rng):
    """The invoice date is the page's only unlabelled date (top right, under the number), the
    due date is labelled, with the conditions of payment below."""
    c = pen(path)
    txt(c, 50, 805, "Plomberie Chevalier", 14, "Helvetica-Bold")
    txt(c, 50, 792, "22 allée des Tilleuls, 44000 Nantes · SIRET 732 829 320 00074", 8, "Helvetica")
    txt(c, 400, 760, "FACTURE", 16, "Helvetica-Bold")
    txt(c, 400, 742, d.number, 10, "Helvetica")
    txt(c, 400, 728, f"{d.date:%d/%m/%Y}")
    txt(c, 50, 740, "Client : Mme Rousseau, 7 rue Lafayette, 44000 Nantes", 9)
    y = lines_table(c, d, 660, ["Intervention", "Qté", "PU HT", "Total HT"], lambda v: eu(v, " "))
    totals_rows(c, [("Total HT", eu(d.ht, " ") + " €"), (f"TVA {fmt_rate(d)} %", eu(d.tva, " ") + " €"),
                    ("Net à payer", eu(d.ttc, " ") + " €")], y)
    txt(c, 50, y - 70, f"Date d'échéance : {d.other:%d/%m/%Y} — paiement par virement.", 9)
    c.save()


def en_us_proof(d, path, rng):
    """An English invoice in euros from a French supplier, month-first dates: the invoice date may
    read either way (11/03), the due date (day over 12) proves the order."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Vignobles Fabre SAS", 14, "Times-Bold")
    txt(c, 50, 791, "Route de Bordeaux, 33250 Pauillac, France", 9, "Times-Roman")
    txt(c, 50, 740, "INVOICE", 18, "Times-Bold")
    txt(c, 50, 720, f"Invoice number: {d.number}", 10, "Times-Roman")
    txt(c, 50, 706, f"Invoice date: {d.date:%m/%d/%Y}")
    y = lines_table(c, d, 650, ["Wine", "Qty", "Unit price", "Amount"], lambda v: "EUR " + us(v), font="Times-Roman")
    totals_rows(c, [("Total excl. VAT", "EUR " + us(d.ht)), (f"VAT {fmt_rate(d)}%", "EUR " + us(d.tva)),
                    ("Total incl. VAT", "EUR " + us(d.ttc))], y)
    due = d.date + dt.timedelta(days=30)
    while due.day <= 12:
        due += dt.timedelta(days=1)
    txt(c, 50, y - 70, f"Payment due by {due:%m/%d/%Y}, bank transfer.", 9)
    c.save()


# Held out (HELD_OUT_3): drawn with the ones above, never inspected per document while tuning.

def de_spalten(d, path, rng):
    """German header row without rules, single-spaced in places: "Kunden-Nr.  Rechnungs-Datum
    Liefertermin  Seite" with values below, the date in the second column."""
    c = pen(path, "Courier")
    txt(c, 50, 805, "Kfz-Teile Brandt OHG", 12, "Courier-Bold")
    txt(c, 50, 793, "Hauptstr. 44, 70173 Stuttgart", 8, "Courier")
    txt(c, 50, 730, f"RECHNUNG {d.number}", 13, "Courier-Bold")
    heads = ["Kunden-Nr.", "Rechnungs-Datum", "Liefertermin", "Seite"]
    values = [str(rng.randint(1000, 9999)), f"{d.date:%d.%m.%Y}", f"{d.before:%d.%m.%Y}", "1"]
    xs = [50, 150, 280, 400]
    for x, h, v in zip(xs, heads, values):
        txt(c, x, 700, h, 9, "Courier-Bold")
        txt(c, x, 686, v, 9, "Courier")
    y = lines_table(c, d, 640, ["Teil", "Anz.", "Preis", "Summe"], lambda v: eu(v, "."), font="Courier")
    totals_rows(c, [("Netto", eu(d.ht, ".")), (f"MwSt {fmt_rate(d)}%", eu(d.tva, ".")),
                    ("Endbetrag EUR", eu(d.ttc, "."))], y)
    txt(c, 50, y - 70, f"Fällig: {d.other:%d.%m.%Y}", 8)
    c.save()


def it_lettera(d, path, rng):
    """Italian letter head "Milano, 12 marzo 2024", "Scadenza" in numbers."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Studio Bianchi & Associati", 14, "Times-Bold")
    txt(c, 50, 791, "Corso Venezia 8, 20121 Milano", 9, "Times-Roman")
    txt(c, 545, 745, f"Milano, {long_date(d.date, 'it')}", 10, right=True)
    txt(c, 50, 705, f"Fattura n. {d.number}", 14, "Times-Bold")
    y = lines_table(c, d, 660, ["Prestazione", "Ore", "Tariffa", "Importo"], lambda v: eu(v, ".") + " €",
                    font="Times-Roman")
    totals_rows(c, [("Imponibile", eu(d.ht, ".") + " €"), (f"IVA {fmt_rate(d)}%", eu(d.tva, ".") + " €"),
                    ("Totale da pagare", eu(d.ttc, ".") + " €")], y)
    txt(c, 50, y - 70, f"Scadenza pagamento: {d.other:%d/%m/%Y}", 9)
    c.save()


def es_cabecera(d, path, rng):
    """Spanish header table "Fecha | Nº Pedido | Fecha entrega" with values below, month names
    abbreviated in the delivery column."""
    c = pen(path)
    txt(c, 50, 805, "Suministros Ortega S.A.", 13, "Helvetica-Bold")
    txt(c, 50, 792, "Polígono Sur 7, 41016 Sevilla", 8, "Helvetica")
    txt(c, 380, 760, "FACTURA", 16, "Helvetica-Bold")
    txt(c, 380, 742, f"Nº {d.number}", 10, "Helvetica")
    heads = ["Fecha", "Nº Pedido", "Fecha entrega"]
    values = [f"{d.date:%d/%m/%Y}", f"P-{rng.randint(1000, 9999)}", f"{d.before:%d/%m/%Y}"]
    for x, h, v in zip([50, 200, 350], heads, values):
        txt(c, x, 700, h, 9, "Helvetica-Bold")
        txt(c, x, 686, v, 9, "Helvetica")
    y = lines_table(c, d, 640, ["Artículo", "Uds.", "Precio", "Importe"], lambda v: eu(v, "."))
    totals_rows(c, [("Base imponible", eu(d.ht, ".") + " €"), (f"IVA {fmt_rate(d)}%", eu(d.tva, ".") + " €"),
                    ("Total", eu(d.ttc, ".") + " €")], y)
    c.save()


def en_uk_ordinal(d, path, rng):
    """British ordinals "12th March 2024": "Date:", "Delivered:" and "Payment due:"."""
    def ordinal(day):
        suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
        return f"{day.day}{suffix} {MONTH_NAMES['en'][day.month - 1]} {day.year}"
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Harper & Finch Joinery", 14, "Times-Bold")
    txt(c, 50, 791, "3 Mill Road, Cambridge CB1 2AD", 9, "Times-Roman")
    txt(c, 50, 740, f"Invoice {d.number}", 14, "Times-Bold")
    txt(c, 330, 740, f"Date: {ordinal(d.date)}", 10, "Times-Roman")
    txt(c, 330, 726, f"Delivered: {ordinal(d.before)}")
    y = lines_table(c, d, 680, ["Item", "Qty", "Price", "Total"], lambda v: "£" + us(v), font="Times-Roman")
    totals_rows(c, [("Subtotal", "£" + us(d.ht)), (f"VAT @ {fmt_rate(d)}%", "£" + us(d.tva)),
                    ("Balance due", "£" + us(d.ttc))], y)
    txt(c, 50, y - 70, f"Payment due: {ordinal(d.other)}", 9)
    c.save()


def nl_kop(d, path, rng):
    """Dutch header table "Factuurdatum  Vervaldatum  Klantnummer" over its values."""
    c = pen(path)
    txt(c, 50, 805, "Installatiebedrijf Visser", 13, "Helvetica-Bold")
    txt(c, 50, 792, "Dorpsstraat 18, 5611 AA Eindhoven", 8, "Helvetica")
    txt(c, 50, 740, f"FACTUUR {d.number}", 15, "Helvetica-Bold")
    heads = ["Factuurdatum", "Vervaldatum", "Klantnummer"]
    values = [f"{d.date:%d-%m-%Y}", f"{d.other:%d-%m-%Y}", str(rng.randint(10000, 99999))]
    for x, h, v in zip([50, 190, 330], heads, values):
        c.rect(x - 4, 690, 135, 32)
        txt(c, x, 710, h, 9, "Helvetica-Bold")
        txt(c, x, 695, v, 9, "Helvetica")
    y = lines_table(c, d, 650, ["Omschrijving", "Aantal", "Prijs", "Bedrag"], lambda v: "€ " + eu(v, "."))
    totals_rows(c, [("Totaal excl. BTW", "€ " + eu(d.ht, ".")), (f"BTW {fmt_rate(d)}%", "€ " + eu(d.tva, ".")),
                    ("Totaal incl. BTW", "€ " + eu(d.ttc, "."))], y)
    c.save()



def de_spalten_links(d, path, rng):
    """Two columns side by side: the customer's block on the left with label-like words
    ("Auftragsbüro", "Lieferanschrift", "Bestellservice") on the lines of the date block on the
    right (the invoice date under its header, an order date "Bestellung vom")."""
    c = pen(path)
    txt(c, 50, 805, "Lieferanten-Service Ost GmbH", 13, "Helvetica-Bold")
    txt(c, 50, 792, "Lieferantenweg 2 · 01067 Dresden", 8, "Helvetica")
    left = ["Kunde: Auftragsbüro Meyer KG", "Lieferanschrift: Lagerstraße 4, 22525 Hamburg",
            "Bestellservice: Frau Lange"]
    right = [("Rechnungsdatum", "Helvetica-Bold"), (f"{d.date:%d.%m.%Y}", "Helvetica"),
             (f"Bestellung vom {d.before:%d.%m.%Y}", "Helvetica")]
    for i, (a, (b, font)) in enumerate(zip(left, right)):
        txt(c, 50, 730 - 14 * i, a, 9, "Helvetica")
        txt(c, 380, 730 - 14 * i, b, 9, font)
    txt(c, 50, 670, f"Rechnung {d.number}", 15, "Helvetica-Bold")
    y = lines_table(c, d, 630, ["Artikel", "Menge", "Preis", "Betrag"], lambda v: eu(v, "."))
    totals_rows(c, [("Summe netto", eu(d.ht, ".") + " €"), (f"USt. {fmt_rate(d)} %", eu(d.tva, ".") + " €"),
                    ("Summe brutto", eu(d.ttc, ".") + " €")], y)
    c.save()



def it_intestazione(d, path, rng):
    """Italian header row "Data | Data consegna | Codice cliente" with values below: the bare
    date word and the same word qualified by what follows it."""
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Ferramenta Colombo S.n.c.", 13, "Times-Bold")
    txt(c, 50, 791, "Via Garibaldi 31, 10122 Torino", 8, "Times-Roman")
    txt(c, 50, 740, f"FATTURA N. {d.number}", 14, "Times-Bold")
    heads = ["Data", "Data consegna", "Codice cliente"]
    values = [f"{d.date:%d/%m/%Y}", f"{d.before:%d/%m/%Y}", f"C-{rng.randint(100, 999)}"]
    for x, h, v in zip([50, 180, 310], heads, values):
        txt(c, x, 712, h, 9, "Times-Bold")
        txt(c, x, 698, v, 9, "Times-Roman")
    y = lines_table(c, d, 650, ["Articolo", "Q.tà", "Prezzo", "Importo"], lambda v: eu(v, ".") + " €",
                    font="Times-Roman")
    totals_rows(c, [("Imponibile", eu(d.ht, ".") + " €"), (f"IVA {fmt_rate(d)}%", eu(d.tva, ".") + " €"),
                    ("Totale fattura", eu(d.ttc, ".") + " €")], y)
    c.save()


# ---- layouts added for German business forms (issue 10, branch de-forms) ---------------------
# German invoices as ERP systems print them (ZUGFeRD / EN 16931 era): DIN 5008 letter with a
# right-hand info block of label/value pairs (several dates), line items with 4-decimal
# quantities and prices, document allowances and charges between the sum of the lines and the tax
# basis, one tax row per rate (rate, base and tax), the gross total then a prepayment and an
# amount due that differs from it, cash-discount ("Skonto") terms with their own amounts and
# dates, and a footer of bank and register lines. Truth, as on the XML path: HT = tax basis total
# (lines - allowances + charges), TVA = total tax, TTC = grand total (not the amount due).
# TUNING_4 seen while tuning; HELD_OUT_4 drawn in the same sitting before any change, scored only
# as a table of its own.

def rebase(d, rate, delta):
    """A document allowance (delta < 0) or charge (delta > 0) on the base of `rate`."""
    d.base[rate] += delta
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def de_footer(c, y=70, font="Helvetica"):
    cols = [["Muster Handels GmbH", "Sitz: Hamburg, AG Hamburg HRB 123456", "Geschäftsführer: K. Albers"],
            ["Commerzbank Hamburg", "IBAN DE89 3704 0044 0532 0130 00", "BIC COBADEFFXXX"],
            ["Steuernummer 123/456/78901", "USt-IdNr. DE123456789", "Tel. +49 40 1234567-0"]]
    c.line(50, y + 12, 545, y + 12)
    for i, col in enumerate(cols):
        for j, s in enumerate(col):
            txt(c, 50 + 170 * i, y - 9 * j, s, 7, font)


def de_items(c, d, y, money4=True, font="Helvetica", rate_col=True):
    """Pos. | Art.-Nr. | Bezeichnung | Menge Einheit | Einzelpreis | USt | Betrag, quantities
    and unit prices with four decimals."""
    bold = font + "-Bold"
    heads = [(50, "Pos."), (78, "Art.-Nr."), (135, "Bezeichnung"), (300, "Menge"), (390, "Einzelpreis")]
    if rate_col:
        heads.append((440, "USt"))
    for x, h in heads:
        txt(c, x, y, h, 8, bold)
    txt(c, 545, y, "Betrag", 8, bold, right=True)
    for i, (name, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        txt(c, 50, y, str(i + 1), 8, font)
        txt(c, 78, y, f"{4711 + 17 * i}", 8)
        txt(c, 135, y, name)
        txt(c, 340, y, f"{qty},0000 Stk" if money4 else f"{qty} Stk", 8, right=True)
        txt(c, 430, y, eu(unit, ".") + ("00" if money4 else ""), 8, right=True)
        if rate_col:
            txt(c, 440, y, f"{rate} %", 8)
        txt(c, 545, y, eu(q(qty * unit), "."), 8, right=True)
    c.line(50, y - 6, 545, y - 6)
    return y - 24


def de_zugferd_brief(d, path, rng):
    """DIN 5008 letter: sender line over the address window, a right-hand info block
    (Kundennummer, Rechnungsnummer, Rechnungsdatum, Lieferdatum, Bestellnummer, Bestelldatum,
    Ihr Zeichen), 4-decimal line items, "Summe Positionen", a discount and a shipping charge,
    "Gesamtsumme netto", "zzgl. 19 % USt. auf ...", "Steuerbetrag", "Bruttobetrag",
    "Bereits gezahlt", "Zahlbetrag", Skonto terms and a register footer."""
    goods = d.ht
    top = max(d.base, key=Decimal)
    pct = rng.choice([2, 3, 5])
    rabatt = q(d.base[top] * Decimal(pct) / 100)
    rebase(d, top, -rabatt)
    ship = q(Decimal(rng.choice([595, 990, 1490])) / 100)
    rebase(d, "19", ship)
    paid = q(d.ttc * Decimal(rng.choice([10, 25, 40])) / 100)
    c = pen(path)
    txt(c, 340, 805, "Muster Handels GmbH", 15, "Helvetica-Bold")
    txt(c, 340, 792, "Großhandel für Bürotechnik", 8, "Helvetica")
    txt(c, 50, 748, "Muster Handels GmbH · Hafenstraße 12 · 20457 Hamburg", 6, "Helvetica")
    for i, s in enumerate(["Kunden AG Mitte", "z. Hd. Frau Hannah Muster", "Kundenstraße 15", "69876 Frankfurt"]):
        txt(c, 50, 730 - 12 * i, s, 10)
    info = [("Kundennummer", str(rng.randint(10000, 99999))), ("Rechnungsnummer", d.number),
            ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"), ("Lieferdatum", f"{d.before:%d.%m.%Y}"),
            ("Bestellnummer", f"B-{rng.randint(1000, 9999)}"),
            ("Bestelldatum", f"{d.before - dt.timedelta(days=rng.randint(3, 9)):%d.%m.%Y}"),
            ("Ihr Zeichen", "HM"), ("Seite", "1 von 1")]
    for i, (a, b) in enumerate(info):
        txt(c, 340, 745 - 12 * i, a, 8, "Helvetica")
        txt(c, 440, 745 - 12 * i, b, 8)
    txt(c, 50, 630, f"Rechnung {d.number}", 13, "Helvetica-Bold")
    txt(c, 50, 614, "Sehr geehrte Damen und Herren, wir berechnen Ihnen wie folgt:", 9, "Helvetica")
    y = de_items(c, d, 590)
    # Two wordings of the same block, chosen without drawing from rng (the documents of the
    # layouts after this one stay as they were drawn).
    net, gross = [("Gesamtsumme netto", "Bruttobetrag"), ("Steuerbasisbetrag", "Bruttosumme")][d.date.day % 2]
    rows = [("Summe Positionen", eu(goods, ".")), (f"abzgl. {fmt(pct)} Rabatt", "-" + eu(rabatt, ".")),
            ("zzgl. Versandkosten", eu(ship, ".")), (net, eu(d.ht, "."))]
    # The second wording puts the rate first and prints no base ("19 % MwSt.").
    rows += [(f"zzgl. {fmt(r)} USt. auf {eu(d.base[r], '.')}" if d.date.day % 2 == 0 else f"{fmt(r)} MwSt.",
              eu(d.vat[r], ".")) for r in sorted(d.base, key=Decimal, reverse=True)]
    rows += [("Steuerbetrag", eu(d.tva, ".")), (gross, eu(d.ttc, ".")),
             ("Bereits gezahlt", "-" + eu(paid, ".")), ("Zahlbetrag EUR", eu(d.ttc - paid, "."))]
    for i, (a, b) in enumerate(rows):
        bold = a.startswith((gross, "Zahlbetrag"))
        txt(c, 300, y - 13 * i, a, 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, y - 13 * i, b, 9, right=True)
    y -= 13 * len(rows) + 14
    skonto = q((d.ttc - paid) * 2 / 100)
    txt(c, 50, y, f"Zahlungsbedingungen: zahlbar bis {d.date + dt.timedelta(days=10):%d.%m.%Y} mit 2 % Skonto "
                  f"({eu(skonto, '.')} EUR), bis {d.other:%d.%m.%Y} netto.", 8)
    txt(c, 50, y - 11, "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.", 8)
    de_footer(c)
    c.save()


def de_en16931_ansicht(d, path, rng):
    """An EN 16931 reading view (as e-invoice viewers print one): sections with labels in one
    column and values far right in another, ISO-free German dates, a period of service, totals
    named after the standard's business terms and a VAT breakdown with category, rate, base and
    tax on one row; a paid amount and an amount due that differ from the grand total."""
    lines_sum = d.ht
    top = max(d.base, key=Decimal)
    allow = q(Decimal(rng.randint(500, 3000)) / 100)
    rebase(d, top, -allow)
    charge = q(Decimal(rng.randint(300, 1500)) / 100)
    rebase(d, top, charge)
    paid = q(Decimal(rng.randint(50, 200)))
    c = pen(path)
    txt(c, 50, 805, "Rechnung", 16, "Helvetica-Bold")
    y = 780

    def section(title, rows):
        nonlocal y
        txt(c, 50, y, title, 10, "Helvetica-Bold")
        c.line(50, y - 3, 545, y - 3)
        y -= 15
        for a, b in rows:
            txt(c, 60, y, a + ":", 8, "Helvetica")
            txt(c, 545, y, b, 8, right=True)
            y -= 11
        y -= 6

    start = d.before.replace(day=1)
    section("Verkäufer", [("Name", "Technik Vertrieb Süd GmbH"), ("Anschrift", "Werkstraße 4, 70173 Stuttgart"),
                          ("Umsatzsteuer-ID", "DE811907980"), ("Steuernummer", "99/721/12345")])
    section("Käufer", [("Name", "Atelier Lumière SARL"), ("Anschrift", "2 rue Carnot, 69002 Lyon"),
                       ("Käuferreferenz", f"04011000-{rng.randint(10000, 99999)}-{rng.randint(10, 99)}")])
    section("Rechnungsdaten", [("Rechnungsnummer", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"),
                               ("Rechnungsart", "380 (Handelsrechnung)"), ("Währung", "EUR"),
                               ("Leistungszeitraum von", f"{start:%d.%m.%Y}"),
                               ("Leistungszeitraum bis", f"{d.before:%d.%m.%Y}"),
                               ("Fälligkeitsdatum", f"{d.other:%d.%m.%Y}"),
                               ("Bestellnummer", f"{rng.randint(100000, 999999)}")])
    txt(c, 50, y, "Positionen", 10, "Helvetica-Bold")
    y = de_items(c, d, y - 16, money4=False) + 8
    section("Gesamtbeträge", [("Summe aller Positionen netto", eu(lines_sum, ".")),
                              ("Summe Nachlässe netto", eu(allow, ".")),
                              ("Summe Zuschläge netto", eu(charge, ".")),
                              ("Gesamtbetrag ohne Umsatzsteuer", eu(d.ht, ".")),
                              ("Summe Umsatzsteuer", eu(d.tva, ".")),
                              ("Gesamtbetrag einschließlich Umsatzsteuer", eu(d.ttc, ".")),
                              ("Gezahlter Betrag", eu(paid, ".")), ("Rundungsbetrag", "0,00"),
                              ("Fälliger Betrag", eu(d.ttc - paid, "."))])
    txt(c, 50, y, "Aufschlüsselung der Umsatzsteuer", 10, "Helvetica-Bold")
    y -= 14
    for x, h in [(60, "Kategorie"), (200, "Steuersatz"), (420, "Gesamtbetrag netto")]:
        txt(c, x, y, h, 8, "Helvetica-Bold")
    txt(c, 545, y, "Steuerbetrag", 8, "Helvetica-Bold", right=True)
    for r in sorted(d.base, key=Decimal, reverse=True):
        y -= 11
        txt(c, 60, y, "S (Normalsatz)" if r == "19" else "S (ermäßigt)", 8, "Helvetica")
        txt(c, 200, y, fmt(r), 8)
        txt(c, 480, y, eu(d.base[r], "."), 8, right=True)
        txt(c, 545, y, eu(d.vat[r], "."), 8, right=True)
    c.save()


def en_en16931(d, path, rng):
    """The English reading view of an EN 16931 invoice from a German supplier: business-term
    labels ("Invoice total amount without VAT", "Amount due for payment"), ISO dates, a VAT
    breakdown row "S 19 % taxable 1,234.56 tax 234.57", a paid amount, allowances and charges."""
    lines_sum = d.ht
    top = max(d.base, key=Decimal)
    allow = q(lines_sum * Decimal(rng.choice([3, 5])) / 100)
    rebase(d, top, -allow)
    charge = q(Decimal(rng.randint(500, 2500)) / 100)
    rebase(d, "19", charge)
    paid = q(d.ttc * Decimal(rng.choice([20, 50])) / 100)
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Kessler Maschinenbau GmbH", 14, "Times-Bold")
    txt(c, 50, 792, "Industriepark 9, 86150 Augsburg, Germany · VAT ID DE268716520 · HRB 4711 Augsburg", 8)
    txt(c, 50, 760, "INVOICE", 16, "Times-Bold")
    rows = [("Invoice number", d.number), ("Invoice issue date", d.date.isoformat()),
            ("Actual delivery date", d.before.isoformat()), ("Purchase order reference", f"PO{rng.randint(10000, 99999)}"),
            ("Buyer reference", f"BR-{rng.randint(100, 999)}"), ("Payment due date", d.other.isoformat())]
    for i, (a, b) in enumerate(rows):
        txt(c, 50, 740 - 12 * i, a, 9)
        txt(c, 250, 740 - 12 * i, b, 9)
    txt(c, 340, 740, "Buyer", 9, "Times-Bold")
    for i, s in enumerate(["Dupont Industries SAS", "12 avenue Foch", "75116 Paris, France"]):
        txt(c, 340, 728 - 11 * i, s, 9, "Times-Roman")
    y = 650
    for x, h in [(50, "Line"), (80, "Item"), (280, "Quantity"), (360, "Net price"), (430, "VAT")]:
        txt(c, x, y, h, 8, "Times-Bold")
    txt(c, 545, y, "Line net amount", 8, "Times-Bold", right=True)
    for i, (name, qty, unit, rate) in enumerate(d.lines):
        y -= 13
        txt(c, 50, y, str(i + 1), 8, "Times-Roman")
        txt(c, 80, y, name)
        txt(c, 320, y, f"{qty}.00 H87", right=True)
        txt(c, 410, y, us(unit), right=True)
        txt(c, 430, y, f"S {rate}%")
        txt(c, 545, y, us(q(qty * unit)), right=True)
    y -= 28
    rows = [("Sum of Invoice line net amount", us(lines_sum)), ("Sum of allowances on document level", us(allow)),
            ("Sum of charges on document level", us(charge)), ("Invoice total amount without VAT", us(d.ht)),
            ("Invoice total VAT amount", us(d.tva)), ("Invoice total amount with VAT", us(d.ttc)),
            ("Paid amount", us(paid)), ("Amount due for payment", us(d.ttc - paid))]
    for i, (a, b) in enumerate(rows):
        txt(c, 250, y - 12 * i, a, 9, "Times-Bold" if a.startswith("Amount due") else "Times-Roman")
        txt(c, 545, y - 12 * i, "EUR " + b, 9, right=True)
    y -= 12 * len(rows) + 16
    txt(c, 50, y, "VAT breakdown", 9, "Times-Bold")
    for r in sorted(d.base, key=Decimal, reverse=True):
        y -= 12
        txt(c, 50, y, f"Standard rated S   {r}%   taxable amount {us(d.base[r])}   VAT amount {us(d.vat[r])}", 9,
            "Times-Roman")
    txt(c, 50, 80, "Payment terms: 30 days net. IBAN DE44 5001 0517 5407 3249 31, BIC INGDDEFFXXX", 8)
    c.save()


def de_dienstleistung(d, path, rng):
    """A service invoice: "Rechnung Nr." and a bare "Datum" in the info block, the table of
    positions dated day by day under a "Datum" column, an insurance-style tax line
    ("Versicherungssteuer", "Nettobeitrag / Bruttobeitrag") on the even days, else bare cells
    "Netto / 19 % MwSt. / Brutto", a partial payment deducted after the gross total."""
    insurance = d.date.day % 2 == 0
    paid = q(d.ttc * Decimal(rng.choice([20, 30])) / 100)
    c = pen(path)
    txt(c, 50, 805, "Hausverwaltung Zimmermann GmbH" if not insurance else "Rheinland Assekuranz AG", 14,
        "Helvetica-Bold")
    txt(c, 50, 792, "Domplatz 2 · 50667 Köln · Tel. 0221 123 45 67", 8, "Helvetica")
    for i, s in enumerate(["Eigentümergemeinschaft Lindenhof", "Lindenstraße 40", "50674 Köln"]):
        txt(c, 50, 745 - 12 * i, s, 10)
    for i, (a, b) in enumerate([("Rechnung Nr.", d.number), ("Datum", f"{d.date:%d.%m.%Y}"),
                                ("Kundennr.", str(rng.randint(1000, 9999)))]):
        txt(c, 360, 745 - 12 * i, a, 9, "Helvetica")
        txt(c, 545, 745 - 12 * i, b, 9, right=True)
    txt(c, 50, 670, "Rechnung" if not insurance else "Beitragsrechnung", 14, "Helvetica-Bold")
    y = 640
    for x, h in [(50, "Datum"), (120, "Leistung"), (380, "Stunden")]:
        txt(c, x, y, h, 8, "Helvetica-Bold")
    txt(c, 545, y, "Betrag", 8, "Helvetica-Bold", right=True)
    for i, (name, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        txt(c, 50, y, f"{d.before - dt.timedelta(days=3 * i):%d.%m.%Y}", 8, "Helvetica")
        txt(c, 120, y, name)
        txt(c, 400, y, str(qty), right=True)
        txt(c, 545, y, eu(q(qty * unit), "."), right=True)
    net, tax, gross = (("Nettobeitrag", f"Versicherungssteuer {fmt_rate(d)} %", "Bruttobeitrag") if insurance else
                       ("Netto", f"{fmt_rate(d)} % MwSt.", "Brutto"))
    totals_rows(c, [(net, eu(d.ht, ".") + " EUR"), (tax, eu(d.tva, ".") + " EUR"), (gross, eu(d.ttc, ".") + " EUR"),
                    (f"abzgl. Abschlag vom {d.before:%d.%m.%Y}", "-" + eu(paid, ".") + " EUR"),
                    ("Restbetrag", eu(d.ttc - paid, ".") + " EUR")], y - 30)
    de_footer(c)
    c.save()


# held out (drawn in the same sitting, scored only as a table)

def de_kopf_rabatt(d, path, rng):
    """A ruled header row "Rechnungs-Nr. | Datum | Kunden-Nr. | Auftrags-Nr. | Auftragsdatum"
    over its values, a totals box "Warenwert / ./. Nachlass / + Fracht / Nettobetrag / MwSt. x %
    von / Rechnungsbetrag / abzgl. Anzahlung vom / Restbetrag", a three-column footer."""
    goods = d.ht
    top = max(d.base, key=Decimal)
    nachlass = q(d.base[top] * Decimal(5) / 100)
    rebase(d, top, -nachlass)
    fracht = q(Decimal(rng.choice([1500, 2450, 3900])) / 100)
    rebase(d, "19", fracht)
    anz = q(Decimal(rng.randint(100, 400)))
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Holzbau Brandt GmbH & Co. KG", 15, "Times-Bold")
    txt(c, 50, 791, "Sägewerkstraße 21 · 97070 Würzburg · Telefon 0931 778899", 8, "Times-Roman")
    for i, s in enumerate(["Gartenbau Lindner", "Am Anger 5", "96047 Bamberg"]):
        txt(c, 50, 745 - 12 * i, s, 10)
    txt(c, 50, 690, "RECHNUNG", 14, "Times-Bold")
    heads = ["Rechnungs-Nr.", "Datum", "Kunden-Nr.", "Auftrags-Nr.", "Auftragsdatum"]
    values = [d.number, f"{d.date:%d.%m.%Y}", str(rng.randint(1000, 9999)), f"A{rng.randint(10000, 99999)}",
              f"{d.before:%d.%m.%Y}"]
    for i, (h, v) in enumerate(zip(heads, values)):
        x = 50 + 99 * i
        c.rect(x - 3, 640, 99, 34)
        txt(c, x, 662, h, 8, "Times-Bold")
        txt(c, x, 646, v, 9, "Times-Roman")
    y = lines_table(c, d, 610, ["Artikel", "Menge", "E-Preis", "Gesamt"], lambda v: eu(v, "."), font="Times-Roman")
    rows = [("Warenwert", eu(goods, ".")), ("./. Nachlass 5 %", eu(nachlass, ".")), ("+ Fracht", eu(fracht, ".")),
            ("Nettobetrag", eu(d.ht, "."))]
    rows += [(f"MwSt. {fmt(r)} von {eu(d.base[r], '.')}", eu(d.vat[r], "."))
             for r in sorted(d.base, key=Decimal, reverse=True)]
    rows += [("Rechnungsbetrag", eu(d.ttc, ".")), (f"abzgl. Anzahlung vom {d.before:%d.%m.%Y}", eu(anz, ".")),
             ("Restbetrag", eu(d.ttc - anz, "."))]
    c.rect(290, y - 14 * len(rows) + 6, 260, 14 * len(rows) + 8)
    for i, (a, b) in enumerate(rows):
        txt(c, 296, y - 14 * i, a, 9, "Times-Bold" if a in ("Rechnungsbetrag", "Restbetrag") else "Times-Roman")
        txt(c, 520, y - 14 * i, b, 9, right=True)
        txt(c, 524, y - 14 * i, "€", 9)
    txt(c, 50, y - 14 * len(rows) - 20, f"Zahlungsziel: 14 Tage, bis {d.other:%d.%m.%Y}.", 8)
    de_footer(c, font="Times-Roman")
    c.save()


def de_steuertabelle(d, path, rng):
    """Number and date on the left under the address ("Rechnung Nr.", "vom"), a Leistungsdatum
    equal to nothing else, and the totals only as a tax table "MwSt.-Satz | Netto | MwSt. |
    Brutto" with one row per rate and a "Summe" row, then "Zu zahlen" after a deduction."""
    abzug = q(Decimal(rng.randint(2000, 9000)) / 100)
    c = pen(path)
    txt(c, 330, 805, "Druckhaus Vogel e.K.", 14, "Helvetica-Bold")
    txt(c, 330, 792, "Papiermühlweg 1 · 34117 Kassel", 8, "Helvetica")
    txt(c, 50, 760, "Druckhaus Vogel e.K. · Papiermühlweg 1 · 34117 Kassel", 6)
    for i, s in enumerate(["Verlag Sonnenschein GmbH", "Postfach 44 01", "53001 Bonn"]):
        txt(c, 50, 745 - 12 * i, s, 10)
    txt(c, 50, 680, f"Rechnung Nr. {d.number}", 13, "Helvetica-Bold")
    txt(c, 50, 665, f"vom {d.date:%d.%m.%Y}", 10, "Helvetica")
    txt(c, 330, 680, f"Leistungsdatum: {d.before:%d.%m.%Y}", 9)
    txt(c, 330, 668, f"Ihre Bestellung vom {d.before - dt.timedelta(days=10):%d.%m.%Y}", 9)
    y = de_items(c, d, 630)
    heads = [(300, "MwSt.-Satz"), (400, "Netto"), (470, "MwSt."), (545, "Brutto")]
    for x, h in heads:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=x > 300)
    for r in sorted(d.base, key=Decimal, reverse=True):
        y -= 13
        txt(c, 300, y, fmt(r), 8, "Helvetica")
        txt(c, 400, y, eu(d.base[r], "."), 8, right=True)
        txt(c, 470, y, eu(d.vat[r], "."), 8, right=True)
        txt(c, 545, y, eu(d.base[r] + d.vat[r], "."), 8, right=True)
    y -= 15
    c.line(300, y + 10, 545, y + 10)
    txt(c, 300, y, "Summe", 9, "Helvetica-Bold")
    for x, v in [(400, d.ht), (470, d.tva), (545, d.ttc)]:
        txt(c, x, y, eu(v, "."), 9, "Helvetica-Bold", right=True)
    y -= 16
    txt(c, 300, y, "abzgl. Gutschrift", 9, "Helvetica")
    txt(c, 545, y, eu(abzug, "."), 9, right=True)
    txt(c, 300, y - 14, "Zu zahlen EUR", 9, "Helvetica-Bold")
    txt(c, 545, y - 14, eu(d.ttc - abzug, "."), 9, "Helvetica-Bold", right=True)
    txt(c, 50, y - 40, f"Fälligkeitsdatum: {d.other:%d.%m.%Y}", 8)
    de_footer(c)
    c.save()


# ---- layouts added for held-out set 5 (session 10) ---------------------------------------------
# Seven layouts, each designed on its own after real suppliers' prints (a French monthly invoice
# with two rates, a French till receipt, a US product invoice, a German seminar invoice, a Dutch
# gardener's invoice, a Spanish wholesaler's invoice, an Italian invoice with its VAT summary),
# without looking at the extraction rules. HELD_OUT_5: drawn before any change, scored only as a
# table of its own, never inspected document by document while tuning.

def fr_periode_encadre(d, path, rng):
    """A French catering company's monthly invoice: an info box at the top right ("N° de facture",
    "Date de facture", "N° client", "Votre commande ... du ...", "Date d'échéance"), the billing
    period of the previous month, meals at 10 % and drinks at 20 % in a TVA column, a totals box
    with one line per rate, payment terms with an IBAN, the legal mentions and "Page 1/1"."""
    end = d.date.replace(day=1) - dt.timedelta(days=1)
    start = end.replace(day=1)
    order = start - dt.timedelta(days=rng.randint(3, 12))
    names = {"10": ["Repas self-service", "Plateaux-repas", "Pauses café", "Cocktail déjeunatoire"],
             "20": ["Vins et boissons alcoolisées", "Location de vaisselle", "Nappage et linge", "Frais de livraison"]}
    c = pen(path)
    txt(c, 50, 800, "Saveurs & Compagnie", 16, "Helvetica-Bold")
    txt(c, 50, 786, "Restauration collective et traiteur", 9, "Helvetica-Oblique")
    for i, s in enumerate(["27 avenue Jean Jaurès", "69007 Lyon", "Tél. 04 72 71 00 35 · compta@saveurs-compagnie.fr"]):
        txt(c, 50, 772 - 11 * i, s, 8, "Helvetica")
    txt(c, 545, 800, "FACTURE", 20, "Helvetica-Bold", right=True)
    info = [("N° de facture", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"),
            ("N° client", f"CL{rng.randint(10000, 99999)}"),
            ("Votre commande", f"BC-{rng.randint(1000, 9999)} du {order:%d/%m/%Y}"),
            ("Date d'échéance", f"{d.other:%d/%m/%Y}")]
    c.rect(330, 770 - 15 * len(info) + 8, 215, 15 * len(info) + 5)
    for i, (a, b) in enumerate(info):
        txt(c, 338, 770 - 15 * i, a, 8, "Helvetica")
        txt(c, 537, 770 - 15 * i, b, 9, "Helvetica-Bold" if i < 2 else "Helvetica", right=True)
    for i, s in enumerate(["Clinique du Parc", "Service comptabilité fournisseurs", "155 boulevard de Stalingrad",
                           "69006 Lyon"]):
        txt(c, 50, 730 - 12 * i, s, 10 if i == 0 else 9, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 50, 655, f"Période de facturation du {start:%d/%m/%Y} au {end:%d/%m/%Y}", 10, "Helvetica-Bold")
    y = 625
    for x, h in [(50, "Désignation"), (310, "Qté"), (380, "PU HT"), (430, "TVA"), (545, "Montant HT")]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=x > 50)
    c.line(50, y - 5, 545, y - 5)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 50, y, names[rate][i], 9, "Helvetica")
        txt(c, 310, y, str(qty), right=True)
        txt(c, 380, y, eu(unit, " "), right=True)
        txt(c, 430, y, fmt(rate), right=True)
        txt(c, 545, y, eu(q(qty * unit), " "), right=True)
    c.line(50, y - 6, 545, y - 6)
    rows = [("Total HT", d.ht)]
    rows += [(f"TVA {fmt(r)} sur {eu(d.base[r], ' ')}", d.vat[r]) for r in sorted(d.base, key=Decimal, reverse=True)]
    rows += [("Total TVA", d.tva), ("Total TTC", d.ttc)]
    top = y - 30
    c.rect(320, top - 15 * len(rows) + 8, 225, 15 * len(rows) + 6)
    for i, (a, v) in enumerate(rows):
        bold = i == len(rows) - 1
        txt(c, 328, top - 15 * i, a, 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 537, top - 15 * i, eu(v, " ") + " €", 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
    for i, s in enumerate([f"Règlement par virement au plus tard le {d.other:%d/%m/%Y}.",
                           "IBAN FR76 1027 8073 0000 0201 2340 176", "BIC CMCIFR2A",
                           "Escompte pour paiement anticipé : néant."]):
        txt(c, 50, top - 12 * i, s, 8, "Helvetica")
    txt(c, 50, 72, "En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal et "
                   "indemnité forfaitaire de 40 € pour frais", 6.5, "Helvetica")
    txt(c, 50, 63, "de recouvrement (art. L441-10 et D441-5 du Code de commerce).", 6.5)
    txt(c, 50, 50, "Saveurs & Compagnie SAS au capital de 80 000 € · RCS Lyon 512 345 678 · SIRET 512 345 678 00021 · "
                   "APE 5629A · TVA FR32 512345678", 6.5)
    txt(c, 545, 35, "Page 1/1", 7, right=True)
    c.save()


def fr_ticket_caisse(d, path, rng):
    """A French grocery till receipt: prices with VAT included and a letter code per line (5,5 %
    food, 20 % the rest), "TOTAL A PAYER", the card payment and change, the VAT worked out per
    rate in a table "Code Taux HT TVA TTC", the card slip (same day, two-digit year), a return
    deadline and the shop's SIRET; the ticket number under the date and time."""
    food = ["BAGUETTE TRADITION", "CAFE MOULU 250G", "YAOURT NATURE X8", "JUS ORANGE 1L"]
    other = ["LESSIVE LIQUIDE 2L", "PILES AA X4", "SHAMPOOING 250ML", "AMPOULE LED E27"]
    rows, ttc = [], defaultdict(Decimal)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        each = q(unit / 25 * (100 + Decimal(rate)) / 100)
        rows.append(((food if rate == "5.5" else other)[i], qty, each, rate))
        ttc[rate] += q(qty * each)
    # The VAT is worked out from the prices with VAT, per rate, as tills do.
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in ttc.items()})
    d.vat = {r: ttc[r] - d.base[r] for r in ttc}
    d.ht, d.tva, d.ttc = sum(d.base.values()), sum(d.vat.values()), sum(ttc.values())
    code = {r: "AB"[i] for i, r in enumerate(sorted(ttc, key=Decimal))}
    hh, mm, ss = rng.randint(8, 19), rng.randint(0, 59), rng.randint(0, 59)
    c = canvas.Canvas(path, pagesize=(226, 480), invariant=1)
    y = 455

    def line(s, right=None, size=8, font="Courier", center=False):
        nonlocal y
        if center:
            c.setFont(font, size)
            c.drawCentredString(113, y, s)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 216, y, right, size, font, right=True)
        y -= size + 3

    line("SUPERETTE DES HALLES", size=10, font="Courier-Bold", center=True)
    for s in ["12 place des Halles", "37000 TOURS", "Tel : 02 47 05 18 62"]:
        line(s, center=True)
    y -= 6
    line(f"{d.date:%d/%m/%Y} {hh:02d}:{mm:02d}   CAISSE 02  HOTE 117")
    line(f"TICKET N° {d.number}")
    line("-" * 34)
    for name, qty, each, rate in rows:
        line(name, f"{eu(q(qty * each), ' ')} {code[rate]}")
        if qty > 1:
            line(f"  {qty} x {eu(each, ' ')}")
    line("-" * 34)
    line(f"{sum(r[1] for r in rows)} ARTICLES")
    y -= 2
    line("TOTAL A PAYER", eu(d.ttc, " ") + " EUR", size=10, font="Courier-Bold")
    line("CB SANS CONTACT", eu(d.ttc, " "))
    line("RENDU", "0,00")
    y -= 8
    for x, h in [(10, "CODE"), (40, "TAUX"), (120, "HT"), (165, "TVA"), (216, "TTC")]:
        txt(c, x, y, h, 7, "Courier-Bold", right=x > 40)
    for r in sorted(ttc, key=Decimal):
        y -= 10
        txt(c, 10, y, code[r], 7, "Courier")
        txt(c, 40, y, f"{Decimal(r):.2f}".replace(".", ",") + "%", 7)
        for x, v in [(120, d.base[r]), (165, d.vat[r]), (216, ttc[r])]:
            txt(c, x, y, eu(v, " "), 7, right=True)
    y -= 10
    txt(c, 10, y, "TOTAL", 7, "Courier-Bold")
    for x, v in [(120, d.ht), (165, d.tva), (216, d.ttc)]:
        txt(c, x, y, eu(v, " "), 7, "Courier", right=True)
    y -= 20
    for s in ["CARTE BANCAIRE SANS CONTACT", "A0000000421010   CB",
              f"LE {d.date:%d/%m/%y} A {hh:02d}:{mm:02d}:{ss:02d}", f"MONTANT REEL = {eu(d.ttc, ' ')} EUR", "DEBIT",
              "TICKET CLIENT A CONSERVER"]:
        line(s, size=7)
    y -= 8
    line(f"Echange possible jusqu'au {d.date + dt.timedelta(days=30):%d/%m/%Y}", size=7)
    line("sur presentation du ticket.", size=7)
    line(f"Carte fidelite ****{rng.randint(1000, 9999)} : {rng.randint(2, 40)} points", size=7)
    y -= 6
    line("SIRET 812 345 678 00015 - NAF 4711B", size=7, center=True)
    line("MERCI DE VOTRE VISITE - A BIENTOT", size=7, center=True)
    c.save()


def en_us_billto(d, path, rng):
    """A US product invoice as small-business accounting software prints it: "Invoice" top right
    over a "DATE | INVOICE #" box, Bill To / Ship To boxes, a ruled row "P.O. NO. | P.O. DATE |
    TERMS | SHIP DATE | SHIP VIA | DUE DATE" (month-first dates, the P.O. date's day above 12),
    an items grid whose last rows are Subtotal, Sales Tax, Total, Payments/Credits, Balance Due."""
    po = d.before - dt.timedelta(days=1)
    while po.day <= 12:
        po -= dt.timedelta(days=1)
    names = ["Copy paper, letter, 10-ream case", "Toner cartridge, black, high yield", "Ergonomic task chair, mesh",
             "Label tape 1/2 in., 4-pack"]
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Lone Star Office Supply, Inc.", 15, "Times-Bold")
    for i, s in enumerate(["4100 Burnet Road, Suite 210", "Austin, TX 78756",
                           "Phone (512) 555-0187 · Fax (512) 555-0188", "www.lonestaroffice.com"]):
        txt(c, 50, 791 - 11 * i, s, 9, "Times-Roman")
    txt(c, 545, 800, "Invoice", 24, "Times-Bold", right=True)
    for k, (h, v) in enumerate([("DATE", f"{d.date:%m/%d/%Y}"), ("INVOICE #", d.number)]):
        x = 395 + 75 * k
        c.rect(x, 740, 75, 36)
        c.line(x, 762, x + 75, 762)
        c.setFont("Times-Bold", 8)
        c.drawCentredString(x + 37.5, 766, h)
        c.setFont("Times-Roman", 9)
        c.drawCentredString(x + 37.5, 747, v)
    boxes = [(50, "BILL TO", ["Accounts Payable", "Hill Country Dental Group, PLLC", "2201 S Lamar Blvd",
                              "Austin, TX 78704"]),
             (325, "SHIP TO", ["Hill Country Dental Group", "Attn: Front Desk", "8700 N Mopac Expy, Ste 150",
                               "Austin, TX 78759"])]
    for x, h, rows in boxes:
        c.rect(x, 640, 220, 78)
        c.line(x, 704, x + 220, 704)
        txt(c, x + 6, 708, h, 8, "Times-Bold")
        for i, s in enumerate(rows):
            txt(c, x + 6, 690 - 12 * i, s, 9, "Times-Roman")
    heads = ["P.O. NO.", "P.O. DATE", "TERMS", "SHIP DATE", "SHIP VIA", "DUE DATE"]
    values = [str(rng.randint(40000, 99999)), f"{po:%m/%d/%Y}", f"Net {(d.other - d.date).days}",
              f"{d.before:%m/%d/%Y}", "UPS Ground", f"{d.other:%m/%d/%Y}"]
    for k, (h, v) in enumerate(zip(heads, values)):
        x = 50 + 82.5 * k
        c.rect(x, 590, 82.5, 32)
        c.line(x, 608, x + 82.5, 608)
        c.setFont("Times-Bold", 8)
        c.drawCentredString(x + 41.25, 612, h)
        c.setFont("Times-Roman", 9)
        c.drawCentredString(x + 41.25, 595, v)
    txt(c, 50, 575, f"Customer ID: HCD-{rng.randint(100, 999)}    Sales Rep: JMR", 8, "Times-Roman")
    cols = [50, 90, 160, 400, 470, 545]
    top = 562
    c.rect(50, top - 16, 495, 16)
    for x, h in zip(cols, ["QTY", "ITEM", "DESCRIPTION", "PRICE EACH", "AMOUNT"]):
        txt(c, x + 4, top - 11, h, 8, "Times-Bold")
    y = top - 16
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        txt(c, 86, y - 13, str(qty), 9, "Times-Roman", right=True)
        txt(c, 94, y - 13, f"OS-{1040 + 37 * i}", 9)
        txt(c, 164, y - 13, names[i], 9)
        txt(c, 466, y - 13, us(unit), 9, right=True)
        txt(c, 541, y - 13, us(q(qty * unit)), 9, right=True)
        y -= 18
    y -= 18  # an empty row, as the grid runs on below the items
    for x in cols:
        c.line(x, top - 16, x, y)
    c.line(50, y, 545, y)
    rate = next(iter(d.base))
    rows = [("Subtotal", "$" + us(d.ht)), (f"Sales Tax ({rate}%)", "$" + us(d.tva)), ("Total", "$" + us(d.ttc)),
            ("Payments/Credits", "$0.00"), ("Balance Due", "$" + us(d.ttc))]
    for a, v in rows:
        bold = a in ("Total", "Balance Due")
        c.rect(380, y - 18, 165, 18)
        c.line(470, y - 18, 470, y)
        txt(c, 466, y - 13, a, 9, "Times-Bold" if bold else "Times-Roman", right=True)
        txt(c, 541, y - 13, v, 9, "Times-Bold" if bold else "Times-Roman", right=True)
        y -= 18
    for i, s in enumerate(["Make all checks payable to Lone Star Office Supply, Inc.",
                           "Remit to: P.O. Box 201457, Austin, TX 78720-1457",
                           "A finance charge of 1.5% per month applies to balances past due.",
                           "Thank you for your business!"]):
        txt(c, 50, 110 - 11 * i, s, 8, "Times-Italic" if i == 3 else "Times-Roman")
    txt(c, 545, 50, "Page 1 of 1", 8, "Times-Roman", right=True)
    c.save()


def de_summenzeile(d, path, rng):
    """A German seminar provider's DIN 5008 letter: a sender line over the address window, an info
    block ("Rechnungs-Nr.", "Rechnungsdatum", "Kunden-Nr.", "Auftrag vom", "Lieferdatum",
    "Ansprechpartnerin"), "Leistungszeitraum ... bis ...", a ruled table whose last rows are the
    totals (net, one VAT row per rate, the VAT sum, gross), "Zahlbar bis zum" with the due date written out
    and a three-column footer with register, bank (IBAN), Steuernummer and USt-IdNr."""
    start, end = d.before - dt.timedelta(days=rng.choice([1, 2, 4])), d.before
    order = start - dt.timedelta(days=rng.randint(14, 40))
    names = {"19": ["Inhouse-Seminar Projektmanagement (Tag)", "Online-Workshop Kommunikation",
                    "Trainerreisekosten pauschal", "Teilnehmerzertifikate"],
             "7": ["Fachbuch „Agiles Projektmanagement“", "Seminarhandbuch (gedruckt)", "Fachbuch „Moderation“",
                   "Arbeitsheft Konfliktgespräche"]}
    c = pen(path, "Times-Roman")
    txt(c, 545, 805, "LERNWERK Seminare GmbH", 16, "Times-Bold", right=True)
    txt(c, 545, 791, "Colonnaden 5 · 20354 Hamburg · Telefon 040 3020 1015 · info@lernwerk.de", 8, "Times-Roman",
        right=True)
    txt(c, 50, 752, "Lernwerk Seminare GmbH · Colonnaden 5 · 20354 Hamburg", 6)
    c.line(50, 749, 250, 749)
    for i, s in enumerate(["Stadtwerke Lüneburg GmbH", "Personalentwicklung", "z. Hd. Herrn Tobias Krämer",
                           "Am Sande 12", "21335 Lüneburg"]):
        txt(c, 50, 734 - 12 * i, s, 10)
    info = [("Rechnungs-Nr.", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"),
            ("Kunden-Nr.", str(rng.randint(20000, 29999))), ("Auftrag vom", f"{order:%d.%m.%Y}"),
            ("Lieferdatum", f"{d.before:%d.%m.%Y}"), ("Ansprechpartnerin", "Frau Yilmaz"),
            ("Durchwahl", "040 3020 1015-23")]
    for i, (a, b) in enumerate(info):
        txt(c, 360, 745 - 12 * i, a + ":", 9, "Times-Roman")
        txt(c, 450, 745 - 12 * i, b, 9, "Times-Bold" if i < 2 else "Times-Roman")
    txt(c, 50, 640, "Rechnung", 14, "Times-Bold")
    txt(c, 50, 624, f"Leistungszeitraum: {start:%d.%m.%Y} bis {end:%d.%m.%Y}", 10, "Times-Roman")
    txt(c, 50, 602, "Sehr geehrter Herr Krämer,", 10)
    txt(c, 50, 588, "für die im genannten Zeitraum erbrachten Leistungen und gelieferten Unterlagen berechnen wir "
                    "Ihnen:", 10)
    cols = [50, 78, 340, 410, 455, 493, 545]
    top = 565
    y = top - 16
    for x, h, right in [(54, "Pos.", False), (82, "Bezeichnung", False), (406, "Menge", True),
                        (451, "Einzelpreis", True), (459, "USt.", False), (541, "Gesamtpreis", True)]:
        txt(c, x, top - 11, h, 8, "Times-Bold", right=right)
    c.line(50, top, 545, top)
    c.line(50, y, 545, y)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        txt(c, 54, y - 12, str(i + 1), 9, "Times-Roman")
        txt(c, 82, y - 12, names[rate][i], 9)
        txt(c, 406, y - 12, f"{qty} {'Tag' if i == 0 and rate == '19' else 'Stk.'}", 9, right=True)
        txt(c, 451, y - 12, eu(unit, "."), 9, right=True)
        txt(c, 459, y - 12, fmt(rate), 9)
        txt(c, 541, y - 12, eu(q(qty * unit), "."), 9, right=True)
        y -= 16
        c.line(50, y, 545, y)
    for x in cols:
        c.line(x, top, x, y)
    rows = [("Zwischensumme netto", eu(d.ht, ".") + " €")]
    rows += [(f"zzgl. {fmt(r)} USt. auf {eu(d.base[r], '.')} €", eu(d.vat[r], ".") + " €")
             for r in sorted(d.base, key=Decimal)]
    rows += [("Summe Umsatzsteuer", eu(d.tva, ".") + " €"), ("Rechnungsbetrag brutto", eu(d.ttc, ".") + " €")]
    for i, (a, b) in enumerate(rows):
        last = i == len(rows) - 1
        if last:
            c.line(50, y - 2, 545, y - 2)
        txt(c, 82, y - 12, a, 9, "Times-Bold" if last else "Times-Roman")
        txt(c, 541, y - 12, b, 9, "Times-Bold" if last else "Times-Roman", right=True)
        c.line(50, y, 50, y - 16)
        c.line(545, y, 545, y - 16)
        y -= 16
        c.line(50, y, 545, y)
    txt(c, 50, y - 24, f"Zahlbar bis zum {long_date(d.other, 'de')} ohne Abzug auf das unten genannte Konto.", 10,
        "Times-Roman")
    txt(c, 50, y - 38, f"Bitte geben Sie als Verwendungszweck die Rechnungsnummer {d.number} an.", 10)
    txt(c, 50, y - 62, "Mit freundlichen Grüßen", 10)
    txt(c, 50, y - 76, "Lernwerk Seminare GmbH", 10)
    cols3 = [["Lernwerk Seminare GmbH · Sitz Hamburg", "Amtsgericht Hamburg HRB 98765",
              "Geschäftsführerin: Dr. Anna Berger"],
             ["Hamburger Sparkasse", "IBAN DE12 2005 0550 1234 5678 90", "BIC HASPDEHHXXX"],
             ["Steuernummer 27/123/04567", "USt-IdNr. DE298765432", "Seite 1/1"]]
    c.line(50, 80, 545, 80)
    for i, col in enumerate(cols3):
        for j, s in enumerate(col):
            txt(c, 50 + 170 * i, 68 - 9 * j, s, 7, "Times-Roman")
    c.save()


def nl_zijbalk(d, path, rng):
    """A Dutch gardener's invoice with a grey sidebar on the right holding the firm's details (KvK,
    btw-nummer, IBAN) and, at its foot, the totals: "Totaal excl. btw", "Btw 9% over € ...",
    "Btw 21% over € ...", "Totaal btw", "Totaal incl. btw"; dates without leading zeros ("5-3-2024"), the
    number and the amount repeated in the payment request under the lines."""
    def nl(day):
        return f"{day.day}-{day.month}-{day.year}"
    names = {"21": ["Arbeidsuren hovenier", "Afvoer groenafval", "Huur minigraver (dag)", "Bestrating leggen"],
             "9": ["Heesters Buxus 40-50 cm", "Graszoden per m²", "Vaste planten mix", "Haagbeuk 125-150 cm"]}
    c = pen(path)
    c.setFillGray(0.92)
    c.rect(415, 0, 180, 842, fill=1, stroke=0)
    c.setFillGray(0)
    side = [("Groen & Zonen", "Helvetica-Bold", 11), ("Hoveniersbedrijf", "Helvetica-Oblique", 8), ("", None, 8),
            ("Molenweg 41", "Helvetica", 8), ("3941 LK Doorn", "Helvetica", 8), ("", None, 8),
            ("T 0343 41 22 90", "Helvetica", 8), ("info@groenenzonen.nl", "Helvetica", 8), ("", None, 8),
            ("KvK 30123456", "Helvetica", 8), ("Btw-nr. NL812345678B01", "Helvetica", 8), ("", None, 8),
            ("IBAN NL91 RABO 0123 4567 89", "Helvetica", 8), ("BIC RABONL2U", "Helvetica", 8)]
    y = 790
    for s, font, size in side:
        if s:
            txt(c, 428, y, s, size, font)
        y -= size + 5
    txt(c, 40, 785, "FACTUUR", 22, "Helvetica-Bold")
    for i, s in enumerate(["Dhr. P. de Vries", "Lindelaan 12", "3971 AB Driebergen-Rijsenburg"]):
        txt(c, 40, 740 - 12 * i, s, 10, "Helvetica")
    meta = [("Factuurnummer", d.number), ("Factuurdatum", nl(d.date)), ("Vervaldatum", nl(d.other)),
            ("Klantnummer", str(rng.randint(1000, 9999))), ("Uw referentie", "Tuinaanleg achtertuin"),
            ("Uitgevoerd op", nl(d.before))]
    for i, (a, b) in enumerate(meta):
        txt(c, 40, 685 - 13 * i, a, 9, "Helvetica-Bold")
        txt(c, 140, 685 - 13 * i, b, 9, "Helvetica")
    y = 590
    for x, h in [(40, "Omschrijving"), (215, "Aantal"), (280, "Prijs"), (315, "Btw"), (395, "Bedrag")]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=x > 40)
    c.line(40, y - 5, 395, y - 5)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 40, y, names[rate][i], 8.5, "Helvetica")
        txt(c, 215, y, str(qty), 8.5, right=True)
        txt(c, 280, y, "€ " + eu(unit, "."), 8.5, right=True)
        txt(c, 315, y, f"{rate}%", 8.5, right=True)
        txt(c, 395, y, "€ " + eu(q(qty * unit), "."), 8.5, right=True)
    c.line(40, y - 6, 395, y - 6)
    days = (d.other - d.date).days
    for i, s in enumerate([f"Wij verzoeken u vriendelijk het totaalbedrag van € {eu(d.ttc, '.')} binnen {days} dagen,",
                           f"uiterlijk op {nl(d.other)}, over te maken op NL91 RABO 0123 4567 89",
                           f"onder vermelding van factuurnummer {d.number}."]):
        txt(c, 40, y - 30 - 11 * i, s, 8, "Helvetica")
    txt(c, 40, 60, "Op al onze werkzaamheden zijn de algemene voorwaarden van de VHG van toepassing.", 7)
    txt(c, 395, 45, "Pagina 1 van 1", 7, right=True)
    y = 240
    txt(c, 428, y, "Overzicht", 10, "Helvetica-Bold")
    rows = [("Totaal excl. btw", d.ht)]
    rows += [(f"Btw {r}% over € {eu(d.base[r], '.')}", d.vat[r]) for r in sorted(d.base, key=Decimal)]
    rows += [("Totaal btw", d.tva)]
    for a, v in rows:
        y -= 16
        txt(c, 428, y, a, 8, "Helvetica")
        txt(c, 583, y, "€ " + eu(v, "."), 8, right=True)
    c.line(428, y - 7, 583, y - 7)
    txt(c, 428, y - 24, "Totaal incl. btw", 10, "Helvetica-Bold")
    txt(c, 583, y - 40, "€ " + eu(d.ttc, "."), 13, "Helvetica-Bold", right=True)
    c.save()


def es_banda_pie(d, path, rng):
    """A Spanish food-service wholesaler's invoice in a fixed-pitch ERP print: "Número", "Fecha"
    (dashes) and "Página" in a box, the customer's code and NIF, the delivery note ("Albarán") and
    order with their dates, food at 10 % and cleaning goods at 21 %, the totals in a grey band
    at the foot (base, % IVA and cuota per rate, their sums, "TOTAL FACTURA"), a due date, IBAN
    and the mercantile register line."""
    names = {"10": ["Aceite oliva virgen extra 5 L", "Arroz redondo saco 10 kg", "Atun en aceite lote 6",
                    "Cafe en grano 1 kg"],
             "21": ["Detergente lavavajillas 10 L", "Servilletas 40x40 caja", "Film transparente 300 m",
                    "Bolsas basura 120 L"]}
    albaran = d.before
    pedido = albaran - dt.timedelta(days=rng.randint(1, 6))
    c = pen(path, "Courier")
    txt(c, 40, 805, "DISTRIBUCIONES HOSTELERAS DEL SUR, S.L.", 12, "Courier-Bold")
    for i, s in enumerate(["Pol. Ind. La Isla, C/ Rio Viejo 14", "41703 Dos Hermanas (Sevilla)",
                           "CIF B41876543 - Tel. 954 93 12 40"]):
        txt(c, 40, 791 - 10 * i, s, 8, "Courier")
    c.rect(370, 715, 185, 62)
    txt(c, 380, 763, "FACTURA", 12, "Courier-Bold")
    for i, (a, b) in enumerate([("Número:", d.number), ("Fecha:", f"{d.date:%d-%m-%Y}"), ("Página:", "1 de 1")]):
        txt(c, 380, 748 - 12 * i, a, 9, "Courier")
        txt(c, 450, 748 - 12 * i, b, 9, "Courier-Bold" if i < 2 else "Courier")
    c.rect(40, 665, 300, 70)
    for i, s in enumerate([f"CLIENTE: {rng.randint(1000, 9999):06d}", "RESTAURANTE CASA MANOLO, S.L.", "NIF B91234567",
                           "Avda. de la Constitucion 33", "41004 Sevilla"]):
        txt(c, 48, 723 - 12 * i, s, 9, "Courier-Bold" if i == 1 else "Courier")
    txt(c, 40, 645, f"Albarán n.º AL-{rng.randint(10000, 99999)} de fecha {albaran:%d-%m-%Y}", 8, "Courier")
    txt(c, 40, 634, f"Su pedido n.º {rng.randint(100, 999)}/{d.date.year} de {pedido:%d-%m-%Y}", 8)
    txt(c, 330, 645, "Forma de pago: TRANSFERENCIA", 8)
    y = 605
    for x, h in [(40, "CODIGO"), (100, "DESCRIPCION"), (350, "CANT."), (420, "PRECIO"), (460, "%IVA"),
                 (555, "IMPORTE")]:
        txt(c, x, y, h, 8, "Courier-Bold", right=x in (350, 420, 555))
    c.line(40, y - 4, 555, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        txt(c, 40, y, f"{rate}{300 + 17 * i:04d}", 8.5, "Courier")
        txt(c, 100, y, names[rate][i], 8.5)
        txt(c, 350, y, f"{qty},00", 8.5, right=True)
        txt(c, 420, y, eu(unit, "."), 8.5, right=True)
        txt(c, 470, y, rate, 8.5)
        txt(c, 555, y, eu(q(qty * unit), "."), 8.5, right=True)
    c.setFillGray(0.88)
    c.rect(30, 125, 535, 85, fill=1, stroke=0)
    c.setFillGray(0)
    txt(c, 135, 195, "BASE IMPONIBLE", 8, "Courier-Bold", right=True)
    txt(c, 150, 195, "% IVA", 8)
    txt(c, 280, 195, "CUOTA IVA", 8, right=True)
    yy = 195
    for r in sorted(d.base, key=Decimal, reverse=True):
        yy -= 12
        txt(c, 135, yy, eu(d.base[r], "."), 9, "Courier", right=True)
        txt(c, 160, yy, f"{r},00", 9)
        txt(c, 280, yy, eu(d.vat[r], "."), 9, right=True)
    c.line(45, yy - 5, 285, yy - 5)
    yy -= 16
    txt(c, 135, yy, eu(d.ht, "."), 9, "Courier-Bold", right=True)
    txt(c, 150, yy, "SUMAS", 8, "Courier")
    txt(c, 280, yy, eu(d.tva, "."), 9, "Courier-Bold", right=True)
    c.setFillGray(1)
    c.rect(395, 140, 160, 60, fill=1, stroke=1)
    c.setFillGray(0)
    txt(c, 405, 185, "TOTAL FACTURA", 9, "Courier-Bold")
    txt(c, 545, 155, eu(d.ttc, ".") + " EUR", 13, "Courier-Bold", right=True)
    txt(c, 40, 108, f"VENCIMIENTO: {d.other:%d-%m-%Y}   IMPORTE: {eu(d.ttc, '.')} EUR", 8, "Courier")
    txt(c, 40, 97, "IBAN ES91 2100 0418 4502 0005 1332 (CaixaBank)", 8)
    txt(c, 40, 70, "Inscrita en el Registro Mercantil de Sevilla, Tomo 4521, Folio 87, Hoja SE-70123.", 6.5)
    txt(c, 40, 61, "Sus datos se tratan conforme al Reglamento (UE) 2016/679 para la gestion de la relacion comercial.",
        6.5)
    c.save()


def it_riepilogo(d, path, rng):
    """An Italian hotel supplier's invoice (courtesy copy of the e-invoice): a ruled header row
    "Fattura n. | Data | Cod. cliente | Agente | Pag.", the customer's P.IVA and SDI code, "Rif. DDT
    n. ... del ..." and the order's date, food at 10 % and goods at 22 %, a "Riepilogo IVA" table
    (Aliquota, Imponibile, Imposta), a box "Totale imponibile / Totale IVA / Totale documento /
    Netto a pagare", a "Data scadenza" table, capital, REA and the IBAN."""
    names = {"10": ["Pasta di semola 5 kg", "Passata di pomodoro 6x700 g", "Parmigiano Reggiano 24 mesi",
                    "Caffè in grani 1 kg"],
             "22": ["Tovaglioli carta 2 veli (cartone)", "Detergente pavimenti 5 l", "Bicchieri tumbler 6 pz",
                    "Sacchi rifiuti 70x110"]}
    ddt = d.before
    ordine = ddt - dt.timedelta(days=rng.randint(2, 8))
    c = pen(path)
    txt(c, 50, 805, "Rossi Forniture Alberghiere S.p.A.", 14, "Helvetica-Bold")
    for i, s in enumerate(["Via dell'Industria 18 – 40138 Bologna (BO)",
                           "Tel. 051 6012345 – info@rossiforniture.it – PEC rossiforniture@legalmail.it",
                           "P.IVA e C.F. 03456780371"]):
        txt(c, 50, 791 - 10 * i, s, 7.5, "Helvetica")
    txt(c, 340, 748, "Spett.le", 8, "Helvetica")
    for i, s in enumerate(["Hotel Bellavista S.r.l.", "Viale Regina Elena 101", "47921 Rimini (RN)",
                           "P.IVA 02345670409", "Codice destinatario: M5UXCR1"]):
        txt(c, 340, 736 - 12 * i, s, 9, "Helvetica-Bold" if i == 0 else "Helvetica")
    heads = ["Fattura n.", "Data", "Cod. cliente", "Agente", "Pag."]
    values = [d.number, f"{d.date:%d/%m/%Y}", f"C0{rng.randint(1000, 9999)}", "Bianchi M.", "1/1"]
    widths = [120, 90, 90, 110, 85]
    x = 50
    for h, v, w in zip(heads, values, widths):
        c.rect(x, 630, w, 30)
        txt(c, x + 4, 650, h, 7, "Helvetica")
        txt(c, x + 4, 636, v, 9, "Helvetica-Bold" if h in ("Fattura n.", "Data") else "Helvetica")
        x += w
    txt(c, 50, 615, f"Rif. DDT n. {rng.randint(100, 999)} del {ddt:%d/%m/%Y} – Vs. ordine n. {rng.randint(10, 99)} "
                    f"del {ordine:%d/%m/%Y}", 8, "Helvetica")
    y = 590
    for x, h in [(50, "Codice"), (110, "Descrizione"), (320, "U.M."), (380, "Q.tà"), (450, "Prezzo unit."),
                 (515, "Importo"), (545, "IVA")]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=x >= 380)
    c.line(50, y - 5, 545, y - 5)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        txt(c, 50, y, f"RF{rate}{410 + 23 * i}", 8.5, "Helvetica")
        txt(c, 110, y, names[rate][i], 8.5)
        txt(c, 320, y, "CF" if rate == "22" else "PZ", 8.5)
        txt(c, 380, y, f"{qty},00", 8.5, right=True)
        txt(c, 450, y, eu(unit, "."), 8.5, right=True)
        txt(c, 515, y, eu(q(qty * unit), "."), 8.5, right=True)
        txt(c, 545, y, rate, 8.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    y = min(y - 40, 420)
    txt(c, 50, y, "Riepilogo IVA", 9, "Helvetica-Bold")
    for x, h in [(50, "Aliquota"), (170, "Imponibile"), (240, "Imposta"), (255, "Descrizione")]:
        txt(c, x, y - 14, h, 8, "Helvetica-Bold", right=x in (170, 240))
    yy = y - 14
    for r in sorted(d.base, key=Decimal, reverse=True):
        yy -= 12
        txt(c, 50, yy, f"{r}%", 8.5, "Helvetica")
        txt(c, 170, yy, eu(d.base[r], "."), 8.5, right=True)
        txt(c, 240, yy, eu(d.vat[r], "."), 8.5, right=True)
        txt(c, 255, yy, "Aliquota ordinaria" if r == "22" else "Aliquota ridotta", 8.5)
    rows = [("Totale imponibile", d.ht), ("Totale IVA", d.tva), ("Totale documento", d.ttc), ("Netto a pagare", d.ttc)]
    c.rect(345, y - 16 * (len(rows) - 1) - 8, 200, 16 * (len(rows) - 1) + 22)
    for i, (a, v) in enumerate(rows):
        bold = a == "Totale documento"
        txt(c, 352, y - 16 * i, a, 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 538, y - 16 * i, "€ " + eu(v, "."), 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y -= 16 * len(rows) + 30
    txt(c, 50, y, "Scadenze", 9, "Helvetica-Bold")
    for x, h in [(50, "Data scadenza"), (200, "Importo"), (220, "Modalità di pagamento")]:
        txt(c, x, y - 14, h, 8, "Helvetica-Bold", right=x == 200)
    txt(c, 50, y - 27, f"{d.other:%d/%m/%Y}", 8.5, "Helvetica")
    txt(c, 200, y - 27, "€ " + eu(d.ttc, "."), 8.5, right=True)
    txt(c, 220, y - 27, f"Bonifico bancario {(d.other - d.date).days} gg d.f.", 8.5)
    txt(c, 50, y - 45, "IBAN IT60 X054 2811 1010 0000 0123 456 – BPER Banca, filiale di Bologna", 8)
    txt(c, 50, 75, "Contributo ambientale CONAI assolto ove dovuto. Copia di cortesia: l'originale è il file XML "
                   "trasmesso tramite SdI.", 6.5)
    txt(c, 50, 65, "Capitale sociale € 500.000,00 i.v. – Registro Imprese di Bologna, REA BO-512345 – "
                   "P.IVA e C.F. 03456780371", 6.5)
    c.save()


# ---- layouts added for held-out set 6 (session 10) ---------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a heating engineer's invoice with a deposit, a software
# subscription, a bookshop's credit note), a UK tax invoice, a German craftsman's invoice, a Dutch
# bicycle workshop, a Spanish hotel and an Italian plumber's e-invoice courtesy copy. HELD_OUT_6:
# drawn before any change, scored only as a table of its own, never inspected per document while tuning.

def fr_acompte_chantier(d, path, rng):
    """A French heating engineer's invoice after a quote: the site address, the quote's number and
    dates, the works' period, works at 10 % and goods supplied without fitting at 20 %, the totals
    at the bottom left with one VAT line per rate, the deposit paid and "Reste à payer", the payment
    terms beside them, the 10 % mention, the ten-year insurance and the legal line."""
    names = {"10": ["Dépose et évacuation ancienne chaudière", "Chaudière gaz condensation 24 kW fournie posée",
                    "Main-d'œuvre plombier chauffagiste (h)", "Désembouage du circuit de chauffage"],
             "20": ["Fourniture seule : sèche-serviettes 500 W", "Fourniture seule : thermostat connecté",
                    "Fourniture seule : filtre anti-boues", "Fourniture seule : adoucisseur 20 L"]}
    devis = d.before - dt.timedelta(days=rng.randint(25, 60))
    accord = devis + dt.timedelta(days=rng.randint(3, 12))
    start = d.before - dt.timedelta(days=rng.randint(1, 4))
    part = rng.choice([30, 40])
    acompte = q(d.ttc * Decimal(part) / 100)
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "THERMIQUE LEROUX", 17, "Times-Bold")
    txt(c, 50, 791, "Plomberie · Chauffage · Énergies renouvelables", 10, "Times-Italic")
    for i, s in enumerate(["ZA des Grands Champs – 2 rue Denis Papin – 49130 Les Ponts-de-Cé",
                           "Tél. 02 41 44 56 78 – Port. 06 12 34 56 78 – contact@thermique-leroux.fr",
                           f"Qualification RGE QualiPAC n° QPAC/{rng.randint(10000, 99999)}"]):
        txt(c, 50, 778 - 11 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate(["M. et Mme HUBERT", "14 chemin des Vignes", "49000 ANGERS"]):
        txt(c, 340, 735 - 14 * i, s, 11, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 680, f"FACTURE N° {d.number}", 14, "Times-Bold")
    txt(c, 50, 664, f"Date : {d.date:%d/%m/%Y}", 11, "Times-Roman")
    txt(c, 340, 680, f"Client n° C{rng.randint(1000, 9999)}", 10)
    txt(c, 340, 664, f"Devis n° D{devis.year}-{rng.randint(100, 999)} du {devis:%d/%m/%Y}", 10)
    txt(c, 340, 650, f"accepté et signé le {accord:%d/%m/%Y}", 10)
    txt(c, 50, 636, "Chantier : 14 chemin des Vignes, 49000 Angers (maison individuelle, construite en 1978)", 9.5)
    txt(c, 50, 623, f"Travaux réalisés du {start:%d/%m/%Y} au {d.before:%d/%m/%Y}", 9.5)
    y = 598
    for x, h, right in [(50, "Désignation", False), (330, "Qté", True), (400, "PU HT", True), (440, "TVA", True),
                        (545, "Total HT", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 50, y, names[rate][i], 9.5, "Times-Roman")
        txt(c, 330, y, str(qty), 9.5, right=True)
        txt(c, 400, y, eu(unit, " "), 9.5, right=True)
        txt(c, 440, y, fmt(rate), 9.5, right=True)
        txt(c, 545, y, eu(q(qty * unit), " "), 9.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    rows = [("Total HT", eu(d.ht, " ") + " €", False)]
    rows += [(f"TVA {fmt(r)} sur {eu(d.base[r], ' ')} €", eu(d.vat[r], " ") + " €", False) for r in sorted(d.base)]
    if len(d.base) > 1:
        rows.append(("Total TVA", eu(d.tva, " ") + " €", False))
    rows += [("Total TTC", eu(d.ttc, " ") + " €", True),
             (f"Acompte de {part} % versé le {accord:%d/%m/%Y}", "- " + eu(acompte, " ") + " €", False),
             ("Reste à payer", eu(d.ttc - acompte, " ") + " €", True)]
    top = y - 34
    c.rect(46, top - 16 * len(rows) + 10, 250, 16 * len(rows) + 6)
    for i, (a, b, bold) in enumerate(rows):
        txt(c, 54, top - 16 * i, a, 10, "Times-Bold" if bold else "Times-Roman")
        txt(c, 288, top - 16 * i, b, 10, right=True)
    for i, s in enumerate(["Conditions de règlement :", "à réception de facture, par virement ou par chèque",
                           "à l'ordre de SARL Thermique Leroux.", "IBAN FR76 1790 6000 3200 0812 3456 789",
                           "BIC AGRIFRPP879 – Crédit Agricole Anjou Maine", "",
                           "Pas d'escompte pour paiement anticipé."]):
        txt(c, 320, top - 12 * i, s, 8.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 118, "TVA au taux de 10 % : travaux d'amélioration et d'entretien d'un local d'habitation achevé depuis "
                    "plus de deux ans", 7.5, "Times-Italic")
    txt(c, 50, 109, "(art. 279-0 bis du CGI), attestation simplifiée remise par le client.", 7.5)
    txt(c, 50, 90, "Assurance décennale : SMABTP, contrat n° 512834 T 1002, couverture France métropolitaine.", 7.5,
        "Times-Roman")
    txt(c, 50, 80, "En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal et indemnité "
                   "forfaitaire de 40 € pour frais de recouvrement.", 7)
    txt(c, 50, 62, "SARL Thermique Leroux au capital de 20 000 € – SIRET 498 765 432 00027 – RCS Angers – APE 4322B – "
                   "TVA FR58 498765432", 7)
    txt(c, 545, 45, "Page 1/1", 8, right=True)
    c.save()


def fr_abonnement(d, path, rng):
    """A French software subscription invoice as billing platforms print it: a grey strip at the
    top with the amount due and the direct-debit date, the number and written dates ("12 mars
    2024") in a right-hand column, the billing period, thousands separated by no-break spaces,
    "Montant HT / TVA (20 %) / Montant TTC / Montant payé / Montant dû" in a right column."""
    sp = "\u00a0"

    def money(v):
        return eu(v, sp) + sp + "€"

    month = d.date.month % 12 + 1
    year = d.date.year + (d.date.month == 12)
    end = d.date.replace(year=year, month=month, day=min(d.date.day, 28)) - dt.timedelta(days=1)
    names = ["Forfait Pro (par utilisateur)", "Module Paie & RH", "Stockage supplémentaire 100 Go",
             "Support prioritaire"]
    short = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    c = pen(path)
    txt(c, 50, 798, "planifique", 24, "Helvetica-Bold")
    txt(c, 50, 782, "Planifique SAS · 4 rue Voltaire · 44000 Nantes · France", 8, "Helvetica")
    txt(c, 545, 798, "Facture", 22, "Helvetica-Bold", right=True)
    c.setFillGray(0.93)
    c.rect(50, 712, 495, 52, fill=1, stroke=0)
    c.setFillGray(0)
    strip = [("Montant dû", money(d.ttc)), ("Prélèvement SEPA prévu le", long_date(d.other, "fr")),
             ("Client", f"cus_{rng.randint(10 ** 7, 10 ** 8 - 1)}")]
    for i, (a, b) in enumerate(strip):
        txt(c, 62 + 165 * i, 748, a, 8, "Helvetica")
        txt(c, 62 + 165 * i, 726, b, 13 if i == 0 else 10, "Helvetica-Bold")
    txt(c, 50, 690, "Facturé à", 8, "Helvetica-Bold")
    for i, s in enumerate(["Agence Horizon Voyages SARL", "À l'attention de la comptabilité", "9 cours Jean Jaurès",
                           "33000 Bordeaux", "N° TVA : FR27 443061841"]):
        txt(c, 50, 676 - 12 * i, s, 9, "Helvetica")
    info = [("Numéro de facture", d.number), ("Date d'émission", long_date(d.date, "fr")),
            ("Date d'échéance", long_date(d.other, "fr")), ("Bon de commande", "—")]
    for i, (a, b) in enumerate(info):
        txt(c, 330, 690 - 13 * i, a, 8.5, "Helvetica")
        txt(c, 545, 690 - 13 * i, b, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica", right=True)
    txt(c, 50, 600, f"Abonnement mensuel · période du {long_date(d.date, 'fr')} au {long_date(end, 'fr')}", 10,
        "Helvetica-Bold")
    y = 575
    for x, h, right in [(50, "Description", False), (350, "Qté", True), (450, "Prix unitaire HT", True),
                        (545, "Montant HT", True)]:
        txt(c, x, y, h, 8, "Helvetica", right=right)
    c.line(50, y - 5, 545, y - 5)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 16
        txt(c, 50, y, names[i], 9.5, "Helvetica")
        txt(c, 350, y, str(qty), 9.5, right=True)
        txt(c, 450, y, money(unit), 9.5, right=True)
        txt(c, 545, y, money(q(qty * unit)), 9.5, right=True)
        txt(c, 50, y - 10, f"{d.date.day} {short[d.date.month - 1]} – {end.day} {short[end.month - 1]} {end.year}", 7,
            "Helvetica")
        y -= 8
    c.line(330, y - 10, 545, y - 10)
    rows = [("Montant HT", money(d.ht)), (f"TVA ({fmt(next(iter(d.base)))})", money(d.tva)),
            ("Montant TTC", money(d.ttc)), ("Montant payé", money(0)), ("Montant dû", money(d.ttc))]
    for i, (a, b) in enumerate(rows):
        bold = a == "Montant dû"
        txt(c, 330, y - 26 - 16 * i, a, 9.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, y - 26 - 16 * i, b, 9.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y -= 26 + 16 * len(rows) + 20
    for i, s in enumerate([f"Le montant dû sera prélevé le {long_date(d.other, 'fr')} sur le compte FR76 **** **** "
                           f"**** **** **{rng.randint(10, 99)} {rng.randint(100, 999)}",
                           f"(mandat SEPA RUM PLQ-{rng.randint(100000, 999999)}). Prochaine facture le "
                           f"{long_date(end + dt.timedelta(days=1), 'fr')}.",
                           "Une question sur cette facture ? facturation@planifique.fr"]):
        txt(c, 50, y - 12 * i, s, 8, "Helvetica")
    txt(c, 50, 70, "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de "
                   "recouvrement : 40 €. Pas d'escompte.", 6.5, "Helvetica")
    txt(c, 50, 60, "Planifique SAS au capital de 12 500 € · RCS Nantes 889 123 456 · TVA FR12 889123456 · "
                   "12 rue de la Paix, 75002 Paris (siège)", 6.5)
    txt(c, 545, 45, "Page 1 sur 1", 7, right=True)
    c.save()


def fr_avoir_ref(d, path, rng):
    """A French bookshop's "Facture d'avoir" to a school, in a fixed-pitch font: the title centred,
    the credit note's number and date (dashes) left, the invoice it corrects with its own number and
    date, the reason and the return slip, books at 5,5 % and stationery at 20 %, a centred recap
    table per rate, totals with dotted leaders, no thousands separator, the refund terms."""
    names = {"5.5": ["Manuel Mathématiques 4e", "Dictionnaire Le Robert Collège", "Atlas géographique scolaire",
                     "Roman poche « Le Petit Prince »"],
             "20": ["Cahier 24x32 96 p. grands carreaux", "Calculatrice scientifique collège", "Classeur A4 4 anneaux",
                    "Stylos bille bleus (boîte de 50)"]}
    inv = f"FA{d.before.year}-{rng.randint(1000, 9999)}"
    retour = d.date - dt.timedelta(days=rng.randint(1, 5))

    def amt(v):
        return eu(v, "")

    c = pen(path, "Courier")
    txt(c, 50, 805, "LIBRAIRIE-PAPETERIE DU BEFFROI", 13, "Courier-Bold")
    for i, s in enumerate(["18 Grand'Place - 59800 LILLE", "Tel. 03 20 55 12 12 - scolaire@librairie-beffroi.fr"]):
        txt(c, 50, 792 - 10 * i, s, 8, "Courier")
    for i, s in enumerate(["COLLEGE JEAN MOULIN", "Service intendance", "12 rue des Ecoles", "59000 LILLE"]):
        txt(c, 340, 750 - 12 * i, s, 9, "Courier-Bold" if i == 0 else "Courier")
    c.setFont("Courier-Bold", 15)
    c.drawCentredString(297.5, 680, "FACTURE D'AVOIR")
    info = [("Avoir n°", d.number), ("Date", f"{d.date:%d-%m-%Y}"), ("Code client", f"ECO{rng.randint(100, 999)}"),
            ("Sur facture", f"{inv} du {d.before:%d-%m-%Y}"),
            ("Motif", f"retour marchandises (bon n° BR{rng.randint(1000, 9999)} reçu le {retour:%d-%m-%Y})")]
    for i, (a, b) in enumerate(info):
        txt(c, 50, 650 - 12 * i, f"{a:<12}: {b}", 9, "Courier")
    y = 575
    txt(c, 50, y, f"{'Réf.':<8}{'Désignation':<36}{'Qté':>4}{'PU HT':>10}{'TVA':>7}{'Mt HT':>11}", 8.5, "Courier-Bold")
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 13
        ref = f"{978 if rate == '5.5' else 300}{rng.randint(1000, 9999)}"
        txt(c, 50, y, f"{ref:<8}{names[rate][i]:<36}{qty:>4}{amt(unit):>10}{fmt(rate).replace(' ', ''):>7}"
                      f"{amt(q(qty * unit)):>11}", 8.5, "Courier")
    c.line(50, y - 6, 545, y - 6)
    y -= 36
    rows = [f"{'Taux':<8}{'Base HT':>12}{'TVA':>12}{'TTC':>12}"]
    rows += [f"{fmt(r).replace(' ', ''):<8}{amt(d.base[r]):>12}{amt(d.vat[r]):>12}{amt(d.base[r] + d.vat[r]):>12}"
             for r in sorted(d.base, key=Decimal)]
    rows.append(f"{'Total':<8}{amt(d.ht):>12}{amt(d.tva):>12}{amt(d.ttc):>12}")
    c.rect(160, y - 12 * len(rows) + 6, 275, 12 * len(rows) + 8)
    for i, s in enumerate(rows):
        c.setFont("Courier-Bold" if i in (0, len(rows) - 1) else "Courier", 9)
        c.drawCentredString(297.5, y - 12 * i, s)
    y -= 12 * len(rows) + 24
    for i, (a, v) in enumerate([("Total HT", d.ht), ("Total TVA", d.tva), ("TOTAL AVOIR TTC", d.ttc)]):
        c.setFont("Courier-Bold" if i == 2 else "Courier", 10)
        c.drawCentredString(297.5, y - 14 * i, f"{a} {'.' * (24 - len(a))} {amt(v):>10} EUR")
    y -= 14 * 3 + 18
    for i, s in enumerate([f"Cet avoir vient en déduction de la facture {inv}.",
                           "Le solde en votre faveur sera remboursé par virement sous 30 jours",
                           "ou imputé sur votre prochaine commande, à votre convenance."]):
        txt(c, 50, y - 11 * i, s, 8.5, "Courier")
    txt(c, 50, 62, "SAS au capital de 8000 EUR - RCS Lille Métropole 412 345 678 - TVA FR23412345678", 7, "Courier")
    txt(c, 545, 48, "Page 1/1", 7, "Courier", right=True)
    c.save()


def en_gb_taxpoint(d, path, rng):
    """A UK wholesaler's "TAX INVOICE" as accounting packages print it: the VAT registration number
    in the header, "Invoice Date / Tax Point" among order, account and despatch references in a
    ruled grid, invoice and delivery addresses, a VAT code per line, carriage charged at the
    standard rate, and at the foot of the page a VAT analysis beside "Goods / Carriage / Total Net /
    Total VAT / Invoice Total"; day-first dates, the due date in the terms."""
    goods = d.ht
    carriage = q(Decimal(rng.choice([795, 1250, 1895])) / 100)
    rebase(d, "20", carriage)
    names = ["Stainless gastronorm pan 1/1 150mm", "Heavy duty cling film 450mm x 300m", "Commercial blender 2L",
             "Chef knife 25cm, POM handle"]
    c = pen(path)
    txt(c, 50, 805, "Pennine Catering Equipment Ltd", 15, "Helvetica-Bold")
    for i, s in enumerate(["Unit 7, Calder Trading Estate, Lower Quay Street", "Huddersfield HD1 6QT",
                           "Tel 01484 531 700 · sales@penninecatering.co.uk", "VAT Reg No: GB 284 5512 37"]):
        txt(c, 50, 791 - 11 * i, s, 8.5, "Helvetica")
    txt(c, 545, 800, "TAX INVOICE", 18, "Helvetica-Bold", right=True)
    grid = [("Invoice No", d.number), ("Invoice Date / Tax Point", f"{d.date:%d/%m/%Y}"),
            ("Account Ref", f"HOS{rng.randint(100, 999)}"), ("Your Order No", f"PO-{rng.randint(10000, 99999)}"),
            ("Order Date", f"{d.before - dt.timedelta(days=rng.randint(1, 5)):%d/%m/%Y}"),
            ("Despatch Note", f"DN{rng.randint(100000, 999999)}"), ("Page", "1 of 1")]
    for i, (a, b) in enumerate(grid):
        yy = 770 - 14 * i
        c.rect(345, yy - 4, 200, 14)
        c.line(465, yy - 4, 465, yy + 10)
        txt(c, 349, yy, a, 7.5, "Helvetica")
        txt(c, 469, yy, b, 8, "Helvetica-Bold" if i < 2 else "Helvetica")
    for x, h, rows in [(50, "Invoice Address", ["The Old Granary Hotel Ltd", "Accounts Department", "12 Castle Hill",
                                                "Skipton", "BD23 1AB"]),
                       (190, "Delivery Address", ["The Old Granary Hotel", "Goods In (rear entrance)", "12 Castle Hill",
                                                  "Skipton", "BD23 1AB"])]:
        txt(c, x, 735, h, 8, "Helvetica-Bold")
        for i, s in enumerate(rows):
            txt(c, x, 722 - 11 * i, s, 8.5, "Helvetica")
    y = 640
    cols = [(50, "Product Code", False), (120, "Description", False), (345, "Qty", True), (410, "Unit Price", True),
            (450, "VAT", True), (545, "Net Amount", True)]
    c.setFillGray(0.88)
    c.rect(46, y - 4, 503, 14, fill=1, stroke=0)
    c.setFillGray(0)
    for x, h, right in cols:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        txt(c, 50, y, f"PCE{rng.randint(1000, 9999)}", 8.5, "Helvetica")
        txt(c, 120, y, names[i], 8.5)
        txt(c, 345, y, f"{qty}.00", 8.5, right=True)
        txt(c, 410, y, us(unit), 8.5, right=True)
        txt(c, 450, y, "S", 8.5, right=True)
        txt(c, 545, y, us(q(qty * unit)), 8.5, right=True)
    txt(c, 50, y - 24, f"Terms: strictly 30 days net. Payment due by {d.other:%d/%m/%Y}.", 8, "Helvetica")
    txt(c, 50, y - 35, "Goods remain the property of Pennine Catering Equipment Ltd until paid for in full.", 8)
    txt(c, 50, y - 46, "Shortages or damage must be reported within 48 hours of delivery.", 8)
    # the foot panel, at a fixed place whatever the number of lines
    c.rect(46, 120, 503, 110)
    c.line(300, 120, 300, 230)
    txt(c, 54, 216, "VAT Analysis", 8.5, "Helvetica-Bold")
    for x, h in [(54, "Code"), (90, "Rate"), (200, "Net"), (290, "VAT")]:
        txt(c, x, 202, h, 8, "Helvetica-Bold", right=x > 90)
    txt(c, 54, 188, "S", 8.5, "Helvetica")
    txt(c, 90, 188, "20.00%", 8.5)
    txt(c, 200, 188, us(d.ht), 8.5, right=True)
    txt(c, 290, 188, us(d.tva), 8.5, right=True)
    txt(c, 54, 174, "Z", 8.5)
    txt(c, 90, 174, "0.00%", 8.5)
    txt(c, 200, 174, "0.00", 8.5, right=True)
    txt(c, 290, 174, "0.00", 8.5, right=True)
    rows = [("Goods", us(goods)), ("Carriage", us(carriage)), ("Total Net", "£" + us(d.ht)),
            ("Total VAT", "£" + us(d.tva)), ("Invoice Total", "£" + us(d.ttc))]
    for i, (a, b) in enumerate(rows):
        bold = a == "Invoice Total"
        txt(c, 310, 212 - 18 * i, a, 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 541, 212 - 18 * i, b, 10 if bold else 9, right=True)
    for i, s in enumerate(["BACS: Barclays Bank plc · Sort Code 20-45-77 · Account No 53917406",
                           "Pennine Catering Equipment Ltd · Registered in England & Wales No. 08123456 · "
                           "Registered Office: Unit 7, Calder Trading Estate, Huddersfield HD1 6QT"]):
        txt(c, 50, 95 - 10 * i, s, 7, "Helvetica")
    c.save()


def de_handwerk_lohn(d, path, rng):
    """A German heating and plumbing firm's invoice: the firm centred at the top, the address window
    with its sender line, contact details on the right, "Rechnung Nr." left and "Rechnungsdatum" /
    "Leistungsdatum" right, the positions with the quantity first, split into "Lohnleistungen" and
    "Material" with their subtotals, a totals box "Lohnanteil / Materialanteil / Nettobetrag /
    zzgl. 19 % MwSt. / Gesamtbetrag", the labour costs for § 35a EStG, Skonto terms and a footer."""
    labour = ["Monteurstunden Geselle", "Meisterstunden", "Helferstunden", "Anfahrtspauschale"]
    parts = ["Hocheffizienzpumpe 25/1-6 130 mm", "Einhebel-Waschtischarmatur chrom", "Kugelhahn 3/4\" DN 20",
             "Klein- und Befestigungsmaterial"]
    k = max(1, len(d.lines) // 2)
    lohn = sum(q(qty * unit) for _, qty, unit, _ in d.lines[:k])
    material = d.ht - lohn
    order = d.before - dt.timedelta(days=rng.randint(5, 20))
    c = pen(path, "Times-Roman")
    c.setFont("Times-Bold", 18)
    c.drawCentredString(297.5, 808, "Krause Haustechnik GmbH")
    c.setFont("Times-Italic", 9)
    c.drawCentredString(297.5, 795, "Sanitär · Heizung · Klima · Meisterbetrieb seit 1987")
    c.line(50, 788, 545, 788)
    txt(c, 50, 752, "Krause Haustechnik GmbH · Lange Straße 12 · 30159 Hannover", 6.5, "Times-Roman")
    c.line(50, 749, 260, 749)
    for i, s in enumerate(["Herrn", "Dieter Schulte", "Am Lindenhof 7", "30627 Hannover"]):
        txt(c, 50, 734 - 13 * i, s, 11, "Times-Roman")
    for i, s in enumerate(["Lange Straße 12", "30159 Hannover", "Telefon 0511 123 45 67", "Telefax 0511 123 45 68",
                           "info@krause-haustechnik.de", "www.krause-haustechnik.de"]):
        txt(c, 420, 752 - 11 * i, s, 8.5, "Times-Roman")
    txt(c, 50, 655, f"Rechnung Nr. {d.number}", 14, "Times-Bold")
    txt(c, 50, 640, f"Kunden-Nr. {rng.randint(10000, 19999)} · Ihr Auftrag vom {order:%d.%m.%Y}", 9.5, "Times-Roman")
    txt(c, 545, 655, f"Rechnungsdatum: {d.date:%d.%m.%Y}", 10, right=True)
    txt(c, 545, 640, f"Leistungsdatum: {d.before:%d.%m.%Y}", 9.5, right=True)
    txt(c, 50, 622, "Objekt: Am Lindenhof 7, 30627 Hannover – Austausch Heizungsumwälzpumpe und Waschtischarmatur",
        9.5, "Times-Italic")
    txt(c, 50, 600, "Sehr geehrter Herr Schulte,", 10, "Times-Roman")
    txt(c, 50, 587, "für die ausgeführten Arbeiten erlauben wir uns zu berechnen:", 10)
    y = 562
    for x, h, right in [(50, "Pos.", False), (110, "Menge", True), (118, "Einh.", False), (160, "Bezeichnung", False),
                        (470, "EP €", True), (545, "GP €", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for title, rows, start, label, total in [("Lohnleistungen", d.lines[:k], 0, "Lohnanteil", lohn),
                                             ("Material", d.lines[k:], k, "Materialanteil", material)]:
        y -= 16
        txt(c, 50, y, title, 9.5, "Times-Bold")
        for j, (_, qty, unit, _) in enumerate(rows):
            i = start + j
            y -= 13
            txt(c, 50, y, f"{i + 1:02d}", 9, "Times-Roman")
            txt(c, 110, y, f"{qty},00", 9.5, right=True)
            txt(c, 118, y, "Std." if i < k else "Stk.", 9.5)
            txt(c, 160, y, (labour if i < k else parts)[i], 9.5)
            txt(c, 470, y, eu(unit, "."), 9.5, right=True)
            txt(c, 545, y, eu(q(qty * unit), "."), 9.5, right=True)
        y -= 14
        txt(c, 160, y, f"Summe {label} netto", 9, "Times-Italic")
        txt(c, 545, y, eu(total, "."), 9, "Times-Italic", right=True)
    c.line(50, y - 6, 545, y - 6)
    rows = [("Lohnanteil", lohn), ("Materialanteil", material), ("Nettobetrag", d.ht),
            (f"zzgl. {fmt('19')} MwSt.", d.tva), ("Gesamtbetrag", d.ttc)]
    top = y - 30
    c.rect(330, top - 16 * len(rows) + 10, 215, 16 * len(rows) + 6)
    for i, (a, v) in enumerate(rows):
        bold = a == "Gesamtbetrag"
        if bold:
            c.line(330, top - 16 * i + 12, 545, top - 16 * i + 12)
        txt(c, 338, top - 16 * i, a, 10, "Times-Bold" if bold else "Times-Roman")
        txt(c, 537, top - 16 * i, eu(v, ".") + " €", 10, "Times-Bold" if bold else "Times-Roman", right=True)
    y = top - 16 * len(rows) - 20
    skonto = q(d.ttc * 2 / 100)
    for i, s in enumerate([f"Im Rechnungsbetrag enthaltene Arbeits- und Fahrtkosten (§ 35a EStG): {eu(lohn, '.')} € "
                           f"netto zzgl. {eu(q(lohn * Decimal('0.19')), '.')} € MwSt.",
                           f"Zahlbar bis zum {d.date + dt.timedelta(days=10):%d.%m.%Y} abzüglich 2 % Skonto "
                           f"({eu(skonto, '.')} €) = {eu(d.ttc - skonto, '.')} € oder bis zum "
                           f"{d.other:%d.%m.%Y} ohne Abzug.",
                           "Die gelieferte Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.", "",
                           "Mit freundlichen Grüßen", "Krause Haustechnik GmbH"]):
        txt(c, 50, y - 12 * i, s, 9, "Times-Roman")
    c.line(50, 78, 545, 78)
    for i, s in enumerate(["Krause Haustechnik GmbH · Geschäftsführer Jens Krause · Amtsgericht Hannover HRB 55123 · "
                           "Handwerkskammer Hannover Betriebs-Nr. 41 2233",
                           "Sparkasse Hannover · IBAN DE21 2505 0180 0000 1234 56 · BIC SPKHDE2HXXX · "
                           "Steuer-Nr. 25/201/12345 · USt-IdNr. DE812345678"]):
        c.setFont("Times-Roman", 7)
        c.drawCentredString(297.5, 66 - 9 * i, s)
    txt(c, 545, 40, "Seite 1 von 1", 7.5, right=True)
    c.save()


def nl_fietsherstel(d, path, rng):
    """A Dutch bicycle workshop's invoice printed from its till software in a fixed-pitch font: a
    padded label block (number, invoice date, work order, the day the bike was brought in), the
    bike and its frame number, repair labour at 9 % and parts at 21 %, a centred framed "BTW-
    specificatie" with the totals under it, amounts without thousands separator, dashes in dates."""
    names = {"9": ["Arbeidsloon monteur (uur)", "Onderhoudsbeurt groot", "Wiel richten en spaken", "Remmen afstellen"],
             "21": ["Buitenband 28x1.40 reflex", "Ketting + cassette 8-speed", "Remblokken set V-brake",
                    "LED-verlichtingsset naaf"]}
    work = f"W{rng.randint(20000, 29999)}"

    def amt(v):
        return eu(v, "")

    c = pen(path, "Courier")
    txt(c, 50, 805, "TWEEWIELERS DE SPAAK", 14, "Courier-Bold")
    for i, s in enumerate(["Reparatie - Verkoop - Verhuur", "Lange Nieuwstraat 88, 3512 PN Utrecht",
                           "Tel. 030-2312345  www.despaak.nl", "KvK 30212345  BTW NL812345678B01"]):
        txt(c, 50, 791 - 10 * i, s, 8, "Courier")
    txt(c, 545, 805, "FACTUUR", 16, "Courier-Bold", right=True)
    for i, s in enumerate(["Mevr. S. Jansen", "Oudegracht 201", "3511 NK  UTRECHT"]):
        txt(c, 340, 740 - 12 * i, s, 9.5, "Courier")
    info = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"), ("Werkorder", work),
            ("Binnengebracht", f"{d.before:%d-%m-%Y}"), ("Klantnummer", str(rng.randint(1000, 9999)))]
    for i, (a, b) in enumerate(info):
        txt(c, 50, 740 - 12 * i, f"{a:<15}: {b}", 9, "Courier")
    txt(c, 50, 665, f"Fiets: Gazelle Orange C7 HMB, framenummer GZ{rng.randint(1000000, 9999999)}", 9, "Courier")
    y = 630
    txt(c, 50, y, f"{'Omschrijving':<30}{'Aantal':>7}{'Prijs':>10}{'BTW':>5}{'Bedrag':>11}", 9, "Courier-Bold")
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 13
        txt(c, 50, y, f"{names[rate][i]:<30}{qty:>7}{amt(unit):>10}{rate + '%':>5}{amt(q(qty * unit)):>11}", 9,
            "Courier")
    c.line(50, y - 6, 545, y - 6)
    y -= 40
    rows = [("BTW-specificatie", None)]
    rows.append((f"{'Tarief':<8}{'Grondslag':>12}{'BTW':>10}", None))
    rows += [(f"{r + '%':<8}{amt(d.base[r]):>12}{amt(d.vat[r]):>10}", None) for r in sorted(d.base, key=Decimal)]
    rows.append(("", None))
    rows += [(f"{'Totaal excl. BTW':<18}EUR{amt(d.ht):>9}", None), (f"{'Totaal BTW':<18}EUR{amt(d.tva):>9}", None),
             (f"{'Totaal incl. BTW':<18}EUR{amt(d.ttc):>9}", "bold")]
    c.rect(170, y - 13 * len(rows) + 8, 255, 13 * len(rows) + 8)
    for i, (s, bold) in enumerate(rows):
        c.setFont("Courier-Bold" if bold or i == 0 else "Courier", 9.5)
        c.drawCentredString(297.5, y - 13 * i, s)
    y -= 13 * len(rows) + 24
    for i, s in enumerate([f"Graag binnen 14 dagen, uiterlijk {d.other:%d-%m-%Y}, overmaken op",
                           "NL20 INGB 0001 2345 67 t.n.v. Tweewielers De Spaak",
                           f"o.v.v. factuurnummer {d.number}.", "",
                           "Garantie: 3 maanden op arbeid, 6 maanden op onderdelen.",
                           "Fietsen die na 30 dagen niet zijn opgehaald, worden in rekening gebracht (stalling)."]):
        txt(c, 50, y - 11 * i, s, 8.5, "Courier")
    txt(c, 545, 45, "Pagina 1/1", 7, "Courier", right=True)
    c.save()


def es_hotel_folio(d, path, rng):
    """A Spanish hotel's invoice to a travel agency: the hotel centred at the top, the customer's
    data and the stay (room, booking, arrival and departure, guest) in two boxes, the charges dated
    day by day (lodging and meals at 10 %, parking and spa at 21 %), a centred table per VAT rate
    with a total row, "TOTAL FACTURA" under it, the card payment and the balance, the register."""
    names = {"10": ["Alojamiento habitación doble", "Desayuno buffet", "Cena restaurante El Faro", "Media pensión"],
             "21": ["Parking cubierto", "Circuito spa", "Servicio de lavandería", "Alquiler sala de reuniones"]}
    arrival = d.before
    departure = arrival + dt.timedelta(days=rng.randint(1, (d.date - d.before).days))
    nights = (departure - arrival).days
    c = pen(path, "Times-Roman")
    c.setFont("Times-Bold", 17)
    c.drawCentredString(297.5, 806, "HOTEL MIRADOR DE LA BAHÍA ****")
    c.setFont("Times-Roman", 8.5)
    c.drawCentredString(297.5, 793, "Paseo Marítimo Rey de España 45 · 29602 Marbella (Málaga) · Tel. +34 952 77 41 00")
    c.drawCentredString(297.5, 782, "reservas@miradorbahia.es · www.miradorbahia.es")
    c.rect(50, 680, 240, 85)
    txt(c, 58, 752, "DATOS DEL CLIENTE", 8, "Times-Bold")
    for i, s in enumerate(["Viajes Atlántida, S.A.", "CIF A28123456", "C/ Serrano 90, 5º", "28006 Madrid"]):
        txt(c, 58, 738 - 12 * i, s, 9.5, "Times-Roman")
    c.rect(305, 680, 240, 85)
    stay = [("Factura nº", d.number), ("Fecha", f"{d.date:%d/%m/%Y}"), ("Reserva", f"R{rng.randint(100000, 999999)}"),
            ("Habitación", str(rng.randint(101, 520))), ("Llegada", f"{arrival:%d/%m/%Y}"),
            ("Salida", f"{departure:%d/%m/%Y}")]
    for i, (a, b) in enumerate(stay):
        txt(c, 313, 752 - 12 * i, a, 9, "Times-Roman")
        txt(c, 390, 752 - 12 * i, b, 9, "Times-Bold" if i < 2 else "Times-Roman")
    txt(c, 58, 665, f"Huésped: Sr. D. Javier Molina Ruiz · {nights} noche{'s' if nights > 1 else ''} · 2 adultos",
        9, "Times-Roman")
    y = 635
    for x, h, right in [(50, "Fecha", False), (110, "Concepto", False), (330, "Uds.", True), (400, "Precio", True),
                        (450, "% IVA", True), (545, "Importe", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        day = min(arrival + dt.timedelta(days=i), departure)
        txt(c, 50, y, f"{day:%d/%m/%Y}", 9, "Times-Roman")
        txt(c, 110, y, names[rate][i], 9)
        txt(c, 330, y, str(qty), 9, right=True)
        txt(c, 400, y, eu(unit, ".") + " €", 9, right=True)
        txt(c, 450, y, rate, 9, right=True)
        txt(c, 545, y, eu(q(qty * unit), ".") + " €", 9, right=True)
    c.line(50, y - 6, 545, y - 6)
    y -= 36
    xs = [(150, "% IVA"), (300, "Base imponible"), (390, "Cuota IVA"), (470, "Total")]
    c.setFillGray(0.9)
    c.rect(120, y - 4, 355, 14, fill=1, stroke=0)
    c.setFillGray(0)
    for x, h in xs:
        txt(c, x, y, h, 9, "Times-Bold", right=x > 150)
    for r in sorted(d.base, key=Decimal):
        y -= 14
        txt(c, 150, y, f"{r} %", 9.5, "Times-Roman")
        for x, v in [(300, d.base[r]), (390, d.vat[r]), (470, d.base[r] + d.vat[r])]:
            txt(c, x, y, eu(v, ".") + " €", 9.5, right=True)
    y -= 16
    c.line(120, y + 11, 475, y + 11)
    txt(c, 150, y, "Total", 9.5, "Times-Bold")
    for x, v in [(300, d.ht), (390, d.tva), (470, d.ttc)]:
        txt(c, x, y, eu(v, ".") + " €", 9.5, right=True)
    y -= 34
    c.setFont("Times-Bold", 13)
    c.drawCentredString(297.5, y, f"TOTAL FACTURA: {eu(d.ttc, '.')} €")
    c.setFont("Times-Roman", 9.5)
    c.drawCentredString(297.5, y - 18, f"Pagado con tarjeta VISA ****{rng.randint(1000, 9999)}: {eu(d.ttc, '.')} €"
                                       "  ·  Saldo pendiente: 0,00 €")
    c.drawCentredString(297.5, y - 32, "Gracias por su estancia. ¡Esperamos volver a verle pronto!")
    for i, s in enumerate(["Explotaciones Turísticas Costa del Sol, S.L. · CIF B29123456 · Inscrita en el Registro "
                           "Mercantil de Málaga, Tomo 3120, Folio 45, Hoja MA-61234",
                           "Registro de Turismo de Andalucía H/MA/01234 · IBAN ES76 2100 2345 6102 0012 3456"]):
        c.setFont("Times-Roman", 7)
        c.drawCentredString(297.5, 70 - 9 * i, s)
    c.save()


def it_impianti(d, path, rng):
    """The courtesy copy of an Italian plumber's e-invoice as the tax agency's viewer prints it:
    the supplier's and the customer's boxes, a ruled row of document data (type, number, date in
    dashes, recipient code), the lines with "Sconto o magg." and "%IVA", the works at 10 % with
    their legal reference and goods at 22 %, the VAT summary per rate, the totals as a row of cells
    ending with "Totale documento", the payment row with IBAN and due date."""
    names = {"10": ["Caldaia a condensazione 25 kW installata", "Manodopera idraulico (ore)",
                    "Sostituzione valvole termostatiche", "Lavaggio chimico impianto"],
             "22": ["Filtro defangatore magnetico (senza posa)", "Cronotermostato Wi-Fi (senza posa)",
                    "Kit addolcitore (senza posa)", "Analisi di combustione e bollino"]}
    c = pen(path)
    txt(c, 50, 815, "Copia di cortesia della fattura elettronica", 7, "Helvetica-Oblique")
    boxes = [(50, "Cedente/prestatore (fornitore)",
              ["Identificativo fiscale ai fini IVA: IT02345670234", "Codice fiscale: 02345670234",
               "Denominazione: TERMOIDRAULICA FERRI LUCA & C. S.N.C.", "Regime fiscale: RF01 (ordinario)",
               "Indirizzo: Via Bassa 14", "Comune: Verona Provincia: VR", "Cap: 37135 Nazione: IT",
               "Telefono: 045 8201234", "Email: amministrazione@ferriimpianti.it"]),
             (305, "Cessionario/committente (cliente)",
              ["Codice fiscale: RSSMRA65C12L781Y", "Cognome nome: ROSSI MARIO", "Indirizzo: Via Mazzini 8",
               "Comune: Verona Provincia: VR", "Cap: 37121 Nazione: IT"])]
    for x, h, rows in boxes:
        c.rect(x, 680, 240, 125)
        txt(c, x + 6, 793, h, 8, "Helvetica-Bold")
        for i, s in enumerate(rows):
            txt(c, x + 6, 780 - 11 * i, s, 7.5, "Helvetica")
    heads = [("Tipologia documento", "TD01 fattura", 130), ("Art. 73", "", 50), ("Numero documento", d.number, 115),
             ("Data documento", f"{d.date:%d-%m-%Y}", 100), ("Codice destinatario", "0000000", 100)]
    x = 50
    for h, v, w in heads:
        c.rect(x, 635, w, 30)
        txt(c, x + 4, 655, h, 7, "Helvetica-Bold")
        txt(c, x + 4, 640, v, 8.5, "Helvetica")
        x += w
    txt(c, 50, 620, f"Causale: sostituzione generatore di calore presso abitazione del committente - rif. preventivo "
                    f"n. {rng.randint(10, 99)}/{d.before.year} del {d.before:%d-%m-%Y}", 7.5, "Helvetica")
    y = 595
    cols = [(50, "Cod. articolo", False), (110, "Descrizione", False), (300, "Quantità", True),
            (360, "Prezzo unitario", True), (368, "UM", False), (440, "Sconto o magg.", True), (480, "%IVA", True),
            (545, "Prezzo totale", True)]
    c.rect(50, y - 4, 495, 14)
    for x, h, right in cols:
        txt(c, x, y, h, 7, "Helvetica-Bold", right=right)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 13
        txt(c, 50, y, f"TF{rng.randint(1000, 9999)}", 7.5, "Helvetica")
        txt(c, 110, y, names[rate][i], 7.5)
        txt(c, 300, y, f"{qty},00", 7.5, right=True)
        txt(c, 360, y, eu(unit, "."), 7.5, right=True)
        txt(c, 368, y, "ore" if "(ore)" in names[rate][i] else "nr", 7.5)
        txt(c, 480, y, f"{rate},00", 7.5, right=True)
        txt(c, 545, y, eu(q(qty * unit), "."), 7.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    y -= 30
    txt(c, 50, y, "RIEPILOGHI IVA E TOTALI", 8, "Helvetica-Bold")
    y -= 16
    heads = [(50, "esigibilità iva / riferimenti normativi", 215), (265, "%IVA", 50), (315, "Spese accessorie", 70),
             (385, "Arr.", 40), (425, "Totale imponibile", 60), (485, "Totale imposta", 60)]
    for x, h, w in heads:
        c.rect(x, y - 4, w, 14)
        txt(c, x + 3, y, h, 6.5, "Helvetica-Bold")
    for r in sorted(d.base, key=Decimal, reverse=True):
        y -= 14
        ref = "I (esigibilità immediata) - Tab. A p. III n. 127-quaterdecies" if r == "10" else \
            "I (esigibilità immediata)"
        txt(c, 53, y, ref, 6.5, "Helvetica")
        txt(c, 312, y, f"{r},00", 7.5, right=True)
        txt(c, 382, y, "0,00", 7.5, right=True)
        txt(c, 482, y, eu(d.base[r], "."), 7.5, right=True)
        txt(c, 542, y, eu(d.vat[r], "."), 7.5, right=True)
    y -= 30
    cells = [("Importo bollo", ""), ("Sconto/Maggiorazione", ""), ("Arr.", ""), ("Totale imponibile", eu(d.ht, ".")),
             ("Totale imposta", eu(d.tva, ".")), ("Totale documento", eu(d.ttc, "."))]
    x = 50
    for h, v in cells:
        c.rect(x, y - 18, 82.5, 30)
        txt(c, x + 3, y + 2, h, 6.5, "Helvetica-Bold")
        txt(c, x + 79, y - 12, v, 9, "Helvetica-Bold" if h == "Totale documento" else "Helvetica", right=True)
        x += 82.5
    y -= 50
    heads = [("Modalità pagamento", "MP05 bonifico", 95), ("IBAN", "IT60 X054 2811 7010 0000 0123 456", 170),
             ("Istituto", "Banco BPM", 70), ("Data scadenza", f"{d.other:%d-%m-%Y}", 75),
             ("Importo", eu(d.ttc, "."), 85)]
    x = 50
    for h, v, w in heads:
        c.rect(x, y - 18, w, 30)
        txt(c, x + 3, y + 2, h, 6.5, "Helvetica-Bold")
        txt(c, x + 3, y - 12, v, 8, "Helvetica")
        x += w
    txt(c, 50, 75, "Documento privo di valenza fiscale ai sensi dell'art. 21 DPR 633/72: l'originale è disponibile "
                   "nell'area riservata del sito dell'Agenzia delle Entrate.", 6.5, "Helvetica")
    txt(c, 50, 65, "Detrazione fiscale: conservare la fattura e la ricevuta del bonifico parlante (art. 16-bis "
                   "TUIR).", 6.5)
    txt(c, 545, 45, "Pagina 1 di 1", 7, right=True)
    c.save()


# ---- layouts added for held-out set 7 (session 10) ---------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a law firm's fee note, a pharmacy receipt, a print shop's
# invoice), a UK freelance developer, a German mobile-phone bill, a Dutch food wholesaler's credit
# note, a Spanish car-rental invoice and an Italian garage's invoice. HELD_OUT_7: drawn after the
# second changes, scored only as a table of its own, never inspected per document while tuning.

def fr_note_honoraires(d, path, rng):
    """A French law firm's "note d'honoraires": the firm and its bar, the client's address on the
    right, a centred ruled title with "n° ... du ..." under it, the case and its court reference, the
    fee agreement's date, time entries dated day by day (duration and hourly rate), the totals on the
    right with the retainer received and the balance, "TVA acquittée sur les encaissements", the
    Bâtonnier mention and the signature; thousands separated by no-break spaces."""
    sp = "\u00a0"
    tasks = ["Étude du dossier et des pièces adverses", "Rédaction des conclusions en réplique",
             "Audience de plaidoirie – tribunal judiciaire", "Correspondances, appels et diligences diverses"]
    conv = d.before - dt.timedelta(days=rng.randint(60, 150))
    paid_on = conv + dt.timedelta(days=rng.randint(2, 10))
    provision = q(d.ttc * Decimal(rng.choice([25, 40, 50])) / 100)
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "SELARL VASSEUR & BLANC", 15, "Times-Bold")
    txt(c, 50, 791, "Avocats au Barreau de Lyon", 10, "Times-Italic")
    for i, s in enumerate(["42 quai Saint-Antoine – 69002 Lyon", "Tél. 04 78 37 21 90 – Toque 1187",
                           "cabinet@vasseur-blanc-avocats.fr"]):
        txt(c, 50, 777 - 11 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate(["SCI LES ACACIAS", "Monsieur Bernard Olivier, gérant", "8 montée du Chemin Neuf",
                           "69005 LYON"]):
        txt(c, 330, 745 - 13 * i, s, 10.5, "Times-Bold" if i == 0 else "Times-Roman")
    c.setLineWidth(1.2)
    c.line(50, 676, 545, 676)
    c.line(50, 648, 545, 648)
    c.setLineWidth(1)
    c.setFont("Times-Bold", 15)
    c.drawCentredString(297.5, 657, "NOTE D'HONORAIRES")
    c.setFont("Times-Roman", 10.5)
    c.drawCentredString(297.5, 632, f"n° {d.number} du {d.date:%d/%m/%Y}")
    txt(c, 50, 605, f"Affaire : SCI Les Acacias c/ Martin – RG n° {rng.randint(20, 23)}/{rng.randint(1000, 9999)}", 10,
        "Times-Bold")
    txt(c, 50, 592, f"Notre référence : {conv.year}-{rng.randint(100, 999)} VB/ML", 9.5, "Times-Roman")
    txt(c, 50, 579, f"Convention d'honoraires du {conv:%d/%m/%Y} – honoraires au temps passé", 9.5)
    y = 550
    for x, h, right in [(50, "Date", False), (115, "Diligences", False), (390, "Durée", True),
                        (465, "Taux horaire", True), (545, "Montant HT", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 50, y, f"{d.before - dt.timedelta(days=9 * (len(d.lines) - 1 - i)):%d/%m/%Y}", 9.5, "Times-Roman")
        txt(c, 115, y, tasks[i], 9.5)
        txt(c, 390, y, f"{qty} h 00", 9.5, right=True)
        txt(c, 465, y, eu(unit, sp), 9.5, right=True)
        txt(c, 545, y, eu(q(qty * unit), sp), 9.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    rows = [("Total honoraires HT", d.ht, False), (f"TVA {fmt_rate(d)} %", d.tva, False),
            ("Total TTC", d.ttc, True), (f"Provision reçue le {paid_on:%d/%m/%Y}", -provision, False),
            ("Solde restant dû", d.ttc - provision, True)]
    top = y - 30
    for i, (a, v, bold) in enumerate(rows):
        txt(c, 320, top - 16 * i, a, 10, "Times-Bold" if bold else "Times-Roman")
        txt(c, 545, top - 16 * i, eu(v, sp) + sp + "€", 10, "Times-Bold" if bold else "Times-Roman", right=True)
    y = top - 16 * len(rows) - 16
    for i, s in enumerate([f"Règlement à réception, au plus tard le {d.other:%d/%m/%Y}, par virement :",
                           "CARPA Lyon – IBAN FR76 1007 1690 0000 0020 0456 781 – BIC TRPUFRP1",
                           "TVA acquittée sur les encaissements.",
                           "En cas de contestation, le Bâtonnier de l'Ordre des avocats de Lyon peut être saisi "
                           "(art. 174 et s. du décret du 27 novembre 1991)."]):
        txt(c, 50, y - 12 * i, s, 8.5, "Times-Roman")
    txt(c, 380, y - 70, "Maître Valérie VASSEUR", 10, "Times-Italic")
    txt(c, 50, 62, "SELARL au capital de 10 000 € – RCS Lyon 812 456 789 – SIRET 812 456 789 00012 – "
                   "TVA intracommunautaire FR45 812456789", 7, "Times-Roman")
    c.save()


def fr_pharmacie(d, path, rng):
    """A French pharmacy's till receipt: the pharmacist in charge, the FINESS number, the ticket
    number, the date with a two-digit year and the time, a prescription date, medicines not
    reimbursed at 10 % and parapharmacy at 20 % with prices VAT included and a rate code per line,
    "TOTAL TTC" then the shares paid by the health insurance and the top-up insurer, "RESTE A
    PAYER", the card payment and "dont TVA" lines per rate with their bases, then "Total HT"."""
    meds = ["PARACETAMOL 1G CPR B/8", "IBUPROFENE 400MG CPR B/12", "PASTILLES GORGE MIEL B/24",
            "SIROP TOUX SECHE 150ML"]
    para = ["CREME MAINS REPARATRICE 50ML", "PANSEMENTS ASSORTIS X20", "THERMOMETRE DIGITAL",
            "SERUM PHYSIO 30 UNIDOSES"]
    rows, ttc = [], defaultdict(Decimal)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        each = q(unit / 40 * (100 + Decimal(rate)) / 100)
        rows.append(((meds if rate == "10" else para)[i], qty, each, rate))
        ttc[rate] += q(qty * each)
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in ttc.items()})
    d.vat = {r: ttc[r] - d.base[r] for r in ttc}
    d.ht, d.tva, d.ttc = sum(d.base.values()), sum(d.vat.values()), sum(ttc.values())
    code = {"10": "T2", "20": "T3"}
    hh, mm = rng.randint(8, 19), rng.randint(0, 59)
    c = canvas.Canvas(path, pagesize=(230, 540), invariant=1)
    y = 515

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        if center:
            c.setFont(font, size)
            c.drawCentredString(115, y, s)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 220, y, right, size, font, right=True)
        y -= size + 3

    line("PHARMACIE DE LA COMEDIE", size=10, font="Courier-Bold", center=True)
    for s in ["Claire FABRE - Pharmacien titulaire", "3 place de la Comedie", "34000 MONTPELLIER",
              "Tel 04 67 60 12 34", "FINESS 340012345"]:
        line(s, center=True)
    y -= 6
    line(f"Ticket n° {d.number}")
    line(f"Le {d.date:%d/%m/%y} a {hh:02d}h{mm:02d}  Poste 2  Op. SL")
    line(f"Ordonnance du {d.before:%d/%m/%Y}")
    line(f"Dr P. ROUX - RPPS 10{rng.randint(100000000, 999999999)}")
    line("=" * 37)
    for name, qty, each, rate in rows:
        line(name[:26])
        line(f"   {qty} x {eu(each, ' ')}", f"{eu(q(qty * each), ' ')} {code[rate]}")
    line("=" * 37)
    line("TOTAL TTC", eu(d.ttc, " ") + " EUR", size=9.5, font="Courier-Bold")
    line("Part AMO", "0,00")
    line("Part AMC", "0,00")
    line("RESTE A PAYER", eu(d.ttc, " "), size=8.5, font="Courier-Bold")
    line("CARTE BANCAIRE", eu(d.ttc, " "))
    y -= 6
    for r in sorted(ttc, key=Decimal):
        line(f"{code[r]} dont TVA {Decimal(r):.2f}".replace(".", ",") + f"% s/ {eu(d.base[r], ' ')}",
             eu(d.vat[r], " "), size=7)
    line("Total HT", eu(d.ht, " "), size=7)
    line("Total TVA", eu(d.tva, " "), size=7)
    y -= 8
    line("Medicaments non rembourses : T2 (10%)", size=6.5)
    line("Parapharmacie : T3 (20%)", size=6.5)
    y -= 4
    line("Conservez ce ticket, il vaut facture.", size=6.5, center=True)
    line("SELARL Pharmacie de la Comedie", size=6.5, center=True)
    line("SIRET 512 879 341 00016 - TVA FR61512879341", size=6.5, center=True)
    line("Bonne journee !", size=7, center=True)
    c.save()


def fr_imprimerie(d, path, rng):
    """A French print shop's invoice: a black band across the page with the number, the date and the
    page in white, the quote, the order, the proof approval ("BAT validé le") and the delivery with
    their own numbers and dates, books at 5,5 % and printed matter at 20 % with a technical line
    under each, a VAT recap table on the left beside "Total HT / Total TVA", the amount to pay in a
    black band, thousands separated by a dot, the due date and LCR terms, the legal footer."""
    names = {"5.5": [("Livre « Chemins du Jura »", "160 p. 15x21 cm, couché mat 115 g, dos carré collé"),
                     ("Recueil de poèmes « Lisières »", "96 p. 13x20 cm, bouffant 90 g, couv. 300 g pelliculée"),
                     ("Catalogue d'exposition", "64 p. 21x29,7 cm, couché brillant 135 g, piqûre 2 points"),
                     ("Livre jeunesse « Le renard bleu »", "32 p. 24x24 cm, couverture cartonnée")],
             "20": [("Flyers A5 recto-verso", "couché 135 g, quadri, le mille"),
                    ("Affiches 40x60 cm", "couché satin 170 g, quadri recto"),
                    ("Marque-pages", "5x18 cm, 350 g, pelliculage mat"),
                    ("Cartes de visite", "85x55 mm, 350 g, la boîte de 250")]}
    devis = d.before - dt.timedelta(days=rng.randint(20, 40))
    bat = d.before - dt.timedelta(days=rng.randint(4, 9))
    c = pen(path)
    txt(c, 50, 805, "IMPRIMERIE DES TANNEURS", 16, "Helvetica-Bold")
    txt(c, 50, 791, "Offset · Numérique · Façonnage · Imprim'Vert", 9, "Helvetica-Oblique")
    for i, s in enumerate(["17 rue des Tanneurs – 25000 Besançon", "03 81 82 44 10 – pao@imprimerie-tanneurs.fr"]):
        txt(c, 50, 778 - 10 * i, s, 8, "Helvetica")
    for i, s in enumerate(["ÉDITIONS DU LAC", "Service fabrication", "5 rue du Port", "39130 CLAIRVAUX-LES-LACS"]):
        txt(c, 340, 790 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    c.rect(0, 715, 595, 26, fill=1, stroke=0)
    c.setFillGray(1)
    txt(c, 50, 724, f"FACTURE N° {d.number}", 12, "Helvetica-Bold")
    txt(c, 330, 724, f"Date : {d.date:%d/%m/%Y}", 10, "Helvetica")
    txt(c, 545, 724, "Page 1/1", 9, right=True)
    c.setFillGray(0)
    refs = [("Code client", f"411EDL{rng.randint(10, 99)}"),
            ("Devis", f"DV{devis:%y}-{rng.randint(1000, 9999)} du {devis:%d/%m/%Y}"),
            ("Votre commande", f"BC {rng.randint(100, 999)} du {devis + dt.timedelta(days=3):%d/%m/%Y}"),
            ("BAT validé le", f"{bat:%d/%m/%Y}"),
            ("Livraison", f"BL {rng.randint(10000, 99999)} du {d.before:%d/%m/%Y}")]
    for i, (a, b) in enumerate(refs):
        x, yy = 50 + 250 * (i % 2), 698 - 12 * (i // 2)
        txt(c, x, yy, a, 8, "Helvetica-Bold")
        txt(c, x + 80, yy, b, 8, "Helvetica")
    y = 640
    for x, h, right in [(50, "Désignation", False), (345, "Quantité", True), (420, "PU HT", True),
                        (455, "TVA", True), (545, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        title, spec = names[rate][i]
        y -= 15
        txt(c, 50, y, title, 9, "Helvetica")
        txt(c, 345, y, str(qty), 9, right=True)
        txt(c, 420, y, eu(unit, "."), 9, right=True)
        txt(c, 455, y, str(rate).replace(".", ","), 9, right=True)
        txt(c, 545, y, eu(q(qty * unit), "."), 9, right=True)
        txt(c, 58, y - 10, spec, 7, "Helvetica-Oblique")
        y -= 8
    c.line(50, y - 6, 545, y - 6)
    y -= 34
    txt(c, 50, y, "Récapitulatif TVA", 8.5, "Helvetica-Bold")
    for x, h in [(50, "Code"), (85, "Taux"), (190, "Base HT"), (270, "Montant TVA")]:
        txt(c, x, y - 14, h, 8, "Helvetica-Bold", right=x > 85)
    yy = y - 14
    for k, r in enumerate(sorted(d.base, key=Decimal)):
        yy -= 12
        txt(c, 50, yy, str(k + 1), 8.5, "Helvetica")
        txt(c, 85, yy, fmt(r), 8.5)
        txt(c, 190, yy, eu(d.base[r], "."), 8.5, right=True)
        txt(c, 270, yy, eu(d.vat[r], "."), 8.5, right=True)
    for i, (a, v) in enumerate([("Total HT", d.ht), ("Total TVA", d.tva)]):
        txt(c, 340, y - 14 * i, a, 10, "Helvetica")
        txt(c, 545, y - 14 * i, eu(v, ".") + " €", 10, right=True)
    c.rect(330, y - 50, 225, 24, fill=1, stroke=0)
    c.setFillGray(1)
    txt(c, 340, y - 42, "NET À PAYER TTC", 11, "Helvetica-Bold")
    txt(c, 545, y - 42, eu(d.ttc, ".") + " €", 12, "Helvetica-Bold", right=True)
    c.setFillGray(0)
    y = min(yy, y - 50) - 30
    for i, s in enumerate([f"Échéance : {d.other:%d/%m/%Y} – règlement par LCR directe ou virement.",
                           "IBAN FR76 3000 4008 2800 0101 2345 678 – BIC BNPAFRPPXXX",
                           "Pas d'escompte pour paiement anticipé. Pénalités : 3 fois le taux d'intérêt légal ; "
                           "indemnité forfaitaire 40 €.",
                           "Réserve de propriété : les marchandises restent notre propriété jusqu'au paiement "
                           "intégral (loi du 12 mai 1980)."]):
        txt(c, 50, y - 11 * i, s, 7.5, "Helvetica")
    txt(c, 50, 50, "SAS Imprimerie des Tanneurs au capital de 150.000 € – RCS Besançon 349 221 876 – "
                   "APE 1812Z – N° TVA FR09 349221876", 6.5, "Helvetica")
    c.save()


def en_gb_freelance(d, path, rng):
    """A UK freelance developer's invoice from a minimalist template: small grey capitals in a left
    column labelling each block on the right (invoice number, issued, due, billed to, project),
    dates like "12 Mar 2024", days at a day rate, the totals as "Total excluding VAT / VAT at 20% /
    Total including VAT / Amount due (GBP)", the bank details and the VAT registration number."""
    def short(day):
        return f"{day.day} {MONTH_NAMES['en'][day.month - 1][:3]} {day.year}"

    end = d.before.replace(day=1) - dt.timedelta(days=1)
    work = ["Backend development – customer portal", "Frontend development – React components",
            "Code review and deployment support", "Technical workshop with client team"]
    c = pen(path)
    txt(c, 50, 800, "Oliver Grant", 20, "Helvetica-Bold")
    txt(c, 50, 784, "Freelance software developer", 10, "Helvetica")
    txt(c, 545, 800, "Invoice", 20, "Helvetica", right=True)
    for i, s in enumerate(["Flat 3, 27 Cotham Hill", "Bristol BS6 6JY", "+44 7700 900462",
                           "hello@olivergrant.dev"]):
        txt(c, 545, 784 - 11 * i, s, 8.5, "Helvetica", right=True)

    def block(y, label, rows, bold_first=False):
        c.setFillGray(0.5)
        txt(c, 50, y, label, 7, "Helvetica-Bold")
        c.setFillGray(0)
        for i, s in enumerate(rows):
            txt(c, 160, y - 12 * i, s, 9.5, "Helvetica-Bold" if bold_first and i == 0 else "Helvetica")
        return y - 12 * len(rows) - 10

    y = block(720, "INVOICE NUMBER", [d.number], True)
    y = block(y, "ISSUED", [short(d.date)])
    y = block(y, "DUE", [short(d.other)])
    y = block(y, "BILLED TO", ["Harbourside Analytics Ltd", "2nd Floor, 40 Queen Square", "Bristol BS1 4QP",
                               f"Company no. 0{rng.randint(8000000, 9999999)}"], True)
    y = block(y, "PROJECT", [f"Customer portal rebuild – work to {short(end)}",
                             f"Your PO 45000{rng.randint(10000, 99999)}"])
    y -= 8
    c.setFillGray(0.5)
    txt(c, 50, y, "SERVICES", 7, "Helvetica-Bold")
    c.setFillGray(0)
    for x, h, right in [(160, "Description", False), (400, "Days", True), (470, "Day rate", True),
                        (545, "Amount", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    c.line(160, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 160, y, work[i], 9, "Helvetica")
        txt(c, 400, y, f"{qty}.0", 9, right=True)
        txt(c, 470, y, "£" + us(unit), 9, right=True)
        txt(c, 545, y, "£" + us(q(qty * unit)), 9, right=True)
    c.line(160, y - 6, 545, y - 6)
    y -= 24
    rows = [("Total excluding VAT", "£" + us(d.ht)), (f"VAT at {fmt_rate(d)}%", "£" + us(d.tva)),
            ("Total including VAT", "£" + us(d.ttc)), ("Amount due (GBP)", "£" + us(d.ttc))]
    for i, (a, b) in enumerate(rows):
        bold = i == 3
        if bold:
            c.line(330, y - 14 * i + 11, 545, y - 14 * i + 11)
        txt(c, 330, y - 14 * i, a, 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, y - 14 * i, b, 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y -= 14 * len(rows) + 20
    y = block(y, "PAYMENT", ["Bank transfer within 14 days to Oliver Grant", "Sort code 20-32-06 · Account 43912785",
                             f"Please quote {d.number} as the payment reference."])
    block(y, "NOTES", ["Thank you for your business. Late payments may incur interest under the",
                       "Late Payment of Commercial Debts (Interest) Act 1998."])
    txt(c, 50, 50, f"VAT registration no. GB 318 4456 09 · UTR 58{rng.randint(10000000, 99999999)}", 7.5,
        "Helvetica")
    c.save()


def de_mobilfunk(d, path, rng):
    """A German mobile-phone bill: "Ihre Rechnung für <Monat>" with the billing period, one line of
    references (Datum, Rechnungsnummer, Kundennummer, Buchungskonto), the amount in a framed summary
    with the direct-debit date, the mandate and the IBAN, then "Beträge in Euro" grouped by phone
    number into monthly and usage-based items, "Summe netto / Umsatzsteuer 19 % / Rechnungsbetrag"
    and a register footer; period dates without a year ("01.02. – 29.02.2024")."""
    end = d.date.replace(day=1) - dt.timedelta(days=1)
    start = end.replace(day=1)
    items = ["Grundpreis Tarif Funkwerk L", "Zusatzoption EU-Roaming Plus", "Verbindungen ins Ausland",
             "Gerätezuzahlung Smartphone (Rate)"]
    phone = f"0176 {rng.randint(1000000, 9999999)}"
    c = pen(path)
    txt(c, 50, 800, "funkwerk", 22, "Helvetica-Bold")
    txt(c, 146, 800, "mobil", 22, "Helvetica")
    txt(c, 50, 760, "Funkwerk Mobil GmbH · Postfach 10 12 34 · 40003 Düsseldorf", 6.5, "Helvetica")
    for i, s in enumerate(["Frau", "Sabine Hartmann", "Kastanienallee 18", "10435 Berlin"]):
        txt(c, 50, 745 - 12 * i, s, 10, "Helvetica")
    txt(c, 50, 665, f"Ihre Rechnung für {MONTH_NAMES['de'][end.month - 1]} {end.year}", 15, "Helvetica-Bold")
    txt(c, 50, 650, f"Abrechnungszeitraum {start:%d.%m.} – {end:%d.%m.%Y}", 9, "Helvetica")
    refs = [("Datum", f"{d.date:%d.%m.%Y}"), ("Rechnungsnummer", d.number),
            ("Kundennummer", str(rng.randint(100000000, 999999999))),
            ("Buchungskonto", f"4{rng.randint(10 ** 8, 10 ** 9 - 1)}")]
    x = 50
    for a, b in refs:
        txt(c, x, 628, a, 7, "Helvetica")
        txt(c, x, 617, b, 9, "Helvetica-Bold")
        x += 125
    c.setFillGray(0.94)
    c.rect(50, 545, 495, 55, fill=1, stroke=0)
    c.setFillGray(0)
    txt(c, 60, 582, "Rechnungsbetrag", 11, "Helvetica-Bold")
    txt(c, 535, 580, eu(d.ttc, ".") + " €", 16, "Helvetica-Bold", right=True)
    txt(c, 60, 566, f"Der Rechnungsbetrag wird frühestens am {d.other:%d.%m.%Y} von Ihrem Konto "
                    f"DE{rng.randint(10, 99)} **** **** **** **{rng.randint(10, 99)} abgebucht.", 8, "Helvetica")
    txt(c, 60, 555, f"Gläubiger-ID DE98ZZZ09999999999 · Mandatsreferenz FM{rng.randint(10 ** 9, 10 ** 10 - 1)}", 7.5)
    y = 515
    txt(c, 50, y, "Beträge in Euro", 10, "Helvetica-Bold")
    txt(c, 545, y, "netto", 8, "Helvetica", right=True)
    c.line(50, y - 4, 545, y - 4)
    y -= 18
    txt(c, 50, y, f"Rufnummer {phone}", 9, "Helvetica-Bold")
    k = max(1, len(d.lines) // 2)
    for title, group, first in [("Monatliche Beträge", d.lines[:k], 0), ("Nutzungsabhängige Beträge", d.lines[k:], k)]:
        if not group:
            continue
        y -= 14
        txt(c, 60, y, title, 8.5, "Helvetica-Oblique")
        for j, (_, qty, unit, rate) in enumerate(group):
            y -= 12
            txt(c, 70, y, items[first + j], 8.5, "Helvetica")
            txt(c, 330, y, f"{start:%d.%m.} – {end:%d.%m.}", 8)
            txt(c, 440, y, f"{qty} x {eu(unit, '.')}", 8, right=True)
            txt(c, 545, y, eu(q(qty * unit), "."), 8.5, right=True)
    c.line(330, y - 8, 545, y - 8)
    totals_rows(c, [("Summe netto", eu(d.ht, ".")), (f"Umsatzsteuer {fmt_rate(d)} %", eu(d.tva, ".")),
                    ("Rechnungsbetrag", eu(d.ttc, "."))], y - 22, x_label=330, size=9, step=14)
    txt(c, 50, 130, "Fragen zur Rechnung? Kundenservice 0800 330 1234 (kostenlos) · funkwerk-mobil.de/rechnung", 8,
        "Helvetica")
    txt(c, 50, 119, "Einwendungen gegen die Rechnung sind innerhalb von acht Wochen nach Zugang zu erheben.", 8)
    for i, s in enumerate(["Funkwerk Mobil GmbH · Königsallee 92 · 40212 Düsseldorf · Amtsgericht Düsseldorf HRB 81234",
                           "Geschäftsführung: Dr. M. Lenz, A. Kaya · USt-IdNr. DE 298 123 456 · "
                           "Deutsche Bank IBAN DE12 3007 0010 0123 4567 00"]):
        txt(c, 50, 62 - 9 * i, s, 6.5, "Helvetica")
    txt(c, 545, 40, "Seite 1 von 1", 7, right=True)
    c.save()


def nl_creditnota(d, path, rng):
    """A Dutch food wholesaler's credit note: the firm with KvK, btw and IBAN, "CREDITNOTA" on the
    right, a colon-aligned block (credit note number, date written "12 mrt. 2024", debtor number,
    the invoice it refers to with its date, return slip), the reason, returned goods with negative
    quantities and amounts (food at 9 %, non-food at 21 %), the totals as one ruled row of cells at
    the foot ("Netto laag / Netto hoog / Totaal excl. btw / Btw laag / Btw hoog / Totaal btw / Totaal
    incl. btw"), the offsetting mention."""
    mon = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]

    def nl(day):
        return f"{day.day} {mon[day.month - 1]} {day.year}"

    names = {"9": ["Frituurolie 10 ltr", "Gouda jong belegen 4,5 kg", "Kipfilet 2,5 kg diepvries",
                   "Koffiebonen 1 kg"],
             "21": ["Vaatwastabletten 200 st", "Servetten 3-laags 33x33", "Afvalzakken 120 ltr rol",
                    "Schoonmaakmiddel 5 ltr"]}
    inv = f"{d.before.year}-{rng.randint(10000, 99999)}"
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Groothandel Van der Meulen B.V.", 15, "Times-Bold")
    txt(c, 50, 792, "Horeca- en grootverbruik", 9.5, "Times-Italic")
    for i, s in enumerate(["Industrieweg 27, 7418 AK Deventer · tel. 0570 62 30 00",
                           "KvK 38012345 · btw NL853012345B01 · IBAN NL36 ABNA 0412 3456 78"]):
        txt(c, 50, 780 - 10 * i, s, 8, "Times-Roman")
    txt(c, 545, 805, "CREDITNOTA", 17, "Times-Bold", right=True)
    for i, s in enumerate(["Eetcafé De Waag", "t.a.v. crediteurenadministratie", "Brink 70", "7411 BW  DEVENTER"]):
        txt(c, 340, 745 - 12 * i, s, 10, "Times-Bold" if i == 0 else "Times-Roman")
    meta = [("Creditnotanummer", d.number), ("Datum", nl(d.date)), ("Debiteurnummer", str(rng.randint(20000, 29999))),
            ("Betreft factuur", f"{inv} van {nl(d.before)}"), ("Retourbon", f"RB{rng.randint(100000, 999999)}")]
    for i, (a, b) in enumerate(meta):
        txt(c, 50, 745 - 13 * i, a, 9.5, "Times-Roman")
        txt(c, 140, 745 - 13 * i, ": " + b, 9.5, "Times-Bold" if i < 2 else "Times-Roman")
    txt(c, 50, 665, "Reden: retour beschadigde colli en artikelen met verstreken houdbaarheidsdatum.", 9.5,
        "Times-Italic")
    y = 635
    for x, h, right in [(50, "Art.nr.", False), (105, "Omschrijving", False), (320, "Aantal", True),
                        (390, "Prijs", True), (425, "Btw", True), (545, "Bedrag", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        txt(c, 50, y, f"{rng.randint(100000, 999999)}", 9, "Times-Roman")
        txt(c, 105, y, names[rate][i], 9)
        txt(c, 320, y, f"-{qty}", 9, right=True)
        txt(c, 390, y, eu(unit, "."), 9, right=True)
        txt(c, 425, y, f"{rate}%", 9, right=True)
        txt(c, 545, y, "-" + eu(q(qty * unit), "."), 9, right=True)
    c.line(50, y - 6, 545, y - 6)
    rates = sorted(d.base, key=Decimal)
    level = {r: ("laag" if r == "9" else "hoog") for r in rates}
    cells = [(f"Netto {level[r]} {r}%", d.base[r]) for r in rates] + [("Totaal excl. btw", d.ht)]
    cells += [(f"Btw {level[r]} {r}%", d.vat[r]) for r in rates] + [("Totaal btw", d.tva), ("Totaal incl. btw", d.ttc)]
    w = 495 / len(cells)
    for i, (h, v) in enumerate(cells):
        x = 50 + w * i
        last = i == len(cells) - 1
        c.rect(x, 150, w, 36)
        c.line(x, 172, x + w, 172)
        txt(c, x + 3, 177, h, 6.5, "Times-Bold")
        txt(c, x + w - 3, 157, "-" + eu(v, "."), 9 if last else 8.5, "Times-Bold" if last else "Times-Roman",
            right=True)
    txt(c, 50, 135, f"Het creditbedrag van € {eu(d.ttc, '.')} wordt verrekend met uw eerstvolgende factuur.", 9,
        "Times-Roman")
    txt(c, 50, 70, "Op al onze leveringen zijn de algemene voorwaarden van Van der Meulen B.V. van toepassing, "
                   "gedeponeerd bij de KvK.", 7)
    c.save()


def es_alquiler(d, path, rng):
    """A Spanish car-rental invoice: "FACTURA" with the number and date left, the firm's name right,
    two boxes (the renter with DNI and licence; the vehicle with plate, pick-up and return with time
    and place, kilometres out and in), rental days and extras at 21 %, the totals at the bottom left
    ("Base imponible / IVA 21 % / TOTAL FACTURA"), the card charge and the deposit released on its
    own date on the right, the registry line."""
    days = rng.randint(2, 9)
    pick = d.before - dt.timedelta(days=days)
    km0 = rng.randint(12000, 80000)
    extras = ["Alquiler vehículo grupo C (días)", "Seguro a todo riesgo sin franquicia", "Conductor adicional",
              "Silla infantil grupo 1"]
    c = pen(path)
    txt(c, 50, 800, "FACTURA", 22, "Helvetica-Bold")
    txt(c, 50, 778, f"Nº factura: {d.number}", 10, "Helvetica")
    txt(c, 50, 764, f"Fecha: {d.date:%d/%m/%Y}", 10)
    txt(c, 50, 750, f"Contrato de alquiler nº {rng.randint(100000, 999999)}", 8.5)
    for i, (s, f, size) in enumerate([("LEVANTE DRIVE RENT A CAR, S.L.", "Helvetica-Bold", 11),
                                      ("Avda. del Puerto 112, 46023 Valencia", "Helvetica", 8),
                                      ("CIF B98765432 · Tel. 961 23 45 67", "Helvetica", 8),
                                      ("www.levantedrive.es", "Helvetica", 8)]):
        txt(c, 545, 800 - 13 * i, s, size, f, right=True)
    boxes = [(50, "ARRENDATARIO", ["Dña. Lucía Serrano Gil", "DNI 48123456-K", "C/ Colón 15, 3º B",
                                   "46004 Valencia", f"Permiso de conducir nº 48123456 ({pick.year - 12})"]),
             (305, "VEHÍCULO Y RECORRIDO", [f"Matrícula {rng.randint(1000, 9999)} LMN · Seat León 1.5 TSI",
                                           f"Recogida: {pick:%d/%m/%Y} 09:30 Aeropuerto de Valencia",
                                           f"Devolución: {d.before:%d/%m/%Y} 19:15 Valencia Joaquín Sorolla",
                                           f"Km salida: {km0:,}".replace(",", "."),
                                           f"Km llegada: {km0 + rng.randint(150, 1400):,}".replace(",", ".")])]
    for x, h, rows in boxes:
        c.rect(x, 625, 240, 95)
        txt(c, x + 6, 708, h, 8, "Helvetica-Bold")
        for i, s in enumerate(rows):
            txt(c, x + 6, 693 - 13 * i, s, 8.5, "Helvetica")
    y = 595
    for x, h, right in [(50, "Concepto", False), (330, "Cantidad", True), (420, "Precio", True),
                        (545, "Importe", True)]:
        txt(c, x, y, h, 9, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 50, y, extras[i], 9, "Helvetica")
        txt(c, 330, y, str(qty), 9, right=True)
        txt(c, 420, y, eu(unit, ".") + " €", 9, right=True)
        txt(c, 545, y, eu(q(qty * unit), ".") + " €", 9, right=True)
    c.line(50, y - 6, 545, y - 6)
    top = y - 36
    rows = [("Base imponible", d.ht), (f"IVA {fmt_rate(d)} %", d.tva), ("TOTAL FACTURA", d.ttc)]
    c.rect(50, top - 16 * len(rows) + 8, 230, 16 * len(rows) + 8)
    for i, (a, v) in enumerate(rows):
        bold = i == len(rows) - 1
        txt(c, 58, top - 16 * i, a, 10, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 272, top - 16 * i, eu(v, ".") + " €", 10, "Helvetica-Bold" if bold else "Helvetica", right=True)
    for i, s in enumerate([f"Cargado en tarjeta VISA ****{rng.randint(1000, 9999)}: {eu(d.ttc, '.')} €",
                           "Fianza retenida en la recogida: 300,00 €",
                           f"Fianza liberada el {d.before + dt.timedelta(days=1):%d/%m/%Y}",
                           "Importe pendiente: 0,00 €"]):
        txt(c, 310, top - 13 * i, s, 8.5, "Helvetica")
    txt(c, 50, 95, "Vehículo devuelto con el depósito lleno. Las multas de tráfico del periodo de alquiler se "
                   "notificarán al arrendatario.", 7, "Helvetica")
    txt(c, 50, 70, "Levante Drive Rent a Car, S.L. · Inscrita en el Registro Mercantil de Valencia, Tomo 10.452, "
                   "Libro 7.734, Folio 12, Hoja V-181234", 6.5)
    c.save()


def it_officina(d, path, rng):
    """An Italian garage's invoice in a fixed-pitch font: the garage and its P.IVA, the customer on the
    right with the tax code, a label block (document, number, date), a ruled row of vehicle data
    (plate, model, VIN, km, acceptance and return dates), labour hours and spare parts in two
    sections, a totals box on the right ("Totale manodopera / Totale ricambi / Imponibile / IVA 22%
    / TOTALE FATTURA"), the payment at delivery and the next service date."""
    k = max(1, len(d.lines) // 2)
    labour = ["Manodopera meccanica (ore)", "Diagnosi elettronica", "Manodopera elettrauto (ore)",
              "Equilibratura e convergenza"]
    parts = ["Kit distribuzione con pompa acqua", "Olio motore 5W30 (lt)", "Filtro abitacolo carboni attivi",
             "Pastiglie freno anteriori"]
    mano = sum(q(qty * unit) for _, qty, unit, _ in d.lines[:k])
    ricambi = d.ht - mano
    accettazione = d.before - dt.timedelta(days=rng.randint(1, 4))
    km = rng.randint(40000, 190000)
    c = pen(path, "Courier")
    txt(c, 50, 805, "AUTOFFICINA F.LLI COLOMBO S.N.C.", 12, "Courier-Bold")
    for i, s in enumerate(["Meccanica - Elettrauto - Gomme", "Via Emilia Ovest 230 - 41123 Modena (MO)",
                           "Tel. 059 334455 - P.IVA 01987650365"]):
        txt(c, 50, 792 - 10 * i, s, 8, "Courier")
    txt(c, 340, 750, "Spett.le", 8, "Courier")
    for i, s in enumerate(["FERRARI MARCO", "Via Giardini 12", "41124 MODENA (MO)", "C.F. FRRMRC80A01F257X"]):
        txt(c, 340, 738 - 11 * i, s, 9, "Courier-Bold" if i == 0 else "Courier")
    for i, (a, b) in enumerate([("Documento", "FATTURA IMMEDIATA"), ("Numero", d.number),
                                ("Data", f"{d.date:%d/%m/%Y}"), ("Cod. cliente", f"{rng.randint(1000, 9999)}")]):
        txt(c, 50, 738 - 12 * i, f"{a:<13}{b}", 9, "Courier-Bold" if i in (1, 2) else "Courier")
    heads = [("Targa", f"G{rng.choice('ABCDEF')}{rng.randint(100, 999)}{rng.choice('KLMN')}{rng.choice('PRST')}", 70),
             ("Modello", "Fiat Tipo 1.6 MJT", 115), ("Telaio", f"ZFA35600006{rng.randint(100000, 999999)}", 135),
             ("Km", f"{km:,}".replace(",", "."), 55), ("Accettazione", f"{accettazione:%d/%m/%Y}", 60),
             ("Riconsegna", f"{d.before:%d/%m/%Y}", 60)]
    x = 50
    for h, v, w in heads:
        c.rect(x, 655, w, 26)
        txt(c, x + 3, 671, h, 6.5, "Courier-Bold")
        txt(c, x + 3, 660, v, 7.5, "Courier")
        x += w
    y = 630
    txt(c, 50, y, f"{'Codice':<10}{'Descrizione':<36}{'Q.ta':>6}{'Prezzo':>11}{'Importo':>12}", 8.5, "Courier-Bold")
    c.line(50, y - 4, 545, y - 4)
    for title, rows, first, names in [("MANODOPERA", d.lines[:k], 0, labour), ("RICAMBI", d.lines[k:], k, parts)]:
        y -= 15
        txt(c, 50, y, title, 8.5, "Courier-Bold")
        for j, (_, qty, unit, rate) in enumerate(rows):
            y -= 12
            code = ("MO" if first == 0 else "RC") + f"{rng.randint(1000, 9999)}"
            txt(c, 50, y, f"{code:<10}{names[first + j]:<36}{qty:>6}{eu(unit, '.'):>11}{eu(q(qty * unit), '.'):>12}",
                8.5, "Courier")
    c.line(50, y - 6, 545, y - 6)
    rows = [("Totale manodopera", mano), ("Totale ricambi", ricambi), ("Imponibile", d.ht),
            (f"IVA {fmt_rate(d)}%", d.tva), ("TOTALE FATTURA", d.ttc)]
    top = y - 32
    c.rect(300, top - 15 * len(rows) + 8, 245, 15 * len(rows) + 8)
    for i, (a, v) in enumerate(rows):
        bold = i == len(rows) - 1
        txt(c, 308, top - 15 * i, f"{a:<18}EUR", 9, "Courier-Bold" if bold else "Courier")
        txt(c, 537, top - 15 * i, eu(v, "."), 9, "Courier-Bold" if bold else "Courier", right=True)
    for i, s in enumerate(["Pagamento: alla consegna del veicolo", "(contanti / bancomat / carta)",
                           "Garanzia ricambi: 24 mesi", "Prossimo tagliando entro il",
                           f"{d.before.replace(year=d.before.year + 1, day=min(d.before.day, 28)):%d/%m/%Y} "
                           f"o a km {km + 20000:,}".replace(",", ".")]):
        txt(c, 50, top - 11 * i, s, 8, "Courier")
    txt(c, 50, 75, "I ricambi sostituiti sono stati resi al cliente, che ne ha preso visione.", 7, "Courier")
    txt(c, 50, 65, "Copia di cortesia: l'originale della fattura elettronica e' disponibile nel Suo cassetto "
                   "fiscale.", 7)
    c.save()


# ---- layouts added for held-out set 8 (session 10) ---------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a motorway fuel station's receipt, an energy supplier's bill, a
# garden centre's credit note), a UK office-cleaning contractor, a German dental laboratory, a Dutch
# florist, a Spanish restaurant's full invoice and an Italian removal firm. HELD_OUT_8: drawn after
# the third changes, scored only as a table of its own, never inspected per document while tuning.

def fr_station_carburant(d, path, rng):
    """A French fuel station's till receipt: fuel by the litre and shop items with prices VAT
    included, "TOTAL TTC", the card slip (authorisation, transaction numbers), "dont TVA 20,00 %"
    and "Montant HT", the date and time on one line after the ticket number."""
    fuel = q(Decimal(rng.randint(2000, 6500)) / 100)
    price = Decimal("1.7") + Decimal(rng.randint(0, 250)) / 1000
    rows = [(f"GAZOLE  Pompe {rng.randint(1, 8)}", f"{eu(fuel, ' ')} L x {price:.3f}".replace(".", ","),
             q(fuel * price))]
    shop = ["CAFE GRAND GOBELET", "SANDWICH JAMBON BEURRE", "LAVE-GLACE ETE 5L"]
    for i, (_, qty, unit, _) in enumerate(d.lines[1:]):
        each = q(unit / 30 * Decimal("1.2"))
        rows.append((shop[i], f"{qty} x {eu(each, ' ')}", q(qty * each)))
    d.ttc = sum(r[2] for r in rows)
    d.ht = q(d.ttc / Decimal("1.2"))
    d.tva = d.ttc - d.ht
    d.base, d.vat = defaultdict(Decimal, {"20": d.ht}), {"20": d.tva}
    c = canvas.Canvas(path, pagesize=(226, 470), invariant=1)
    y = 445

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        c.setFont(font, size)
        (c.drawCentredString(113, y, s) if center else c.drawString(10, y, s))
        if right is not None:
            c.drawRightString(216, y, right)
        y -= size + 3

    line("RELAIS DU COL DE LA CROIX", size=9.5, font="Courier-Bold", center=True)
    for s in ["Aire de Saint-Rambert - A7 sens Sud", "26140 ANDANCETTE", "Tel 04 75 31 22 08"]:
        line(s, center=True)
    y -= 6
    line(f"TICKET N° {d.number}")
    line(f"{d.date:%d/%m/%Y}  {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}   CAISSE 02")
    line("-" * 38)
    for name, detail, amount in rows:
        line(name)
        line("  " + detail, eu(amount, " "))
    line("-" * 38)
    line("TOTAL TTC", eu(d.ttc, " ") + " EUR", size=9.5, font="Courier-Bold")
    line("CB SANS CONTACT", eu(d.ttc, " "))
    y -= 4
    line(f"CARTE ************{rng.randint(1000, 9999)}")
    line(f"AUTO {rng.randint(100000, 999999)}  TRANS {rng.randint(1000000, 9999999)}")
    line(f"A {rng.randint(1000000, 9999999)}  CONTRAT 4827193")
    y -= 4
    line("TVA 20,00 %", eu(d.tva, " "))
    line("MONTANT HT", eu(d.ht, " "))
    y -= 8
    line("Facture sur demande a la caisse", size=6.5, center=True)
    line("SAS RELAIS DU COL - RCS ROMANS 489 201 776", size=6.5, center=True)
    line("TVA FR 27 489201776", size=6.5, center=True)
    line("MERCI DE VOTRE VISITE", size=7, center=True)
    c.save()


def fr_energie(d, path, rng):
    """A French energy supplier's bill to a small business: the supplier's band at the top, the
    amount to pay in a large box at the top right with the direct-debit date, "Facture du <long
    date>" and its number on the left, the delivery point, the meter readings' period, the
    subscription at 5,5 % and the consumption at 20 %, a VAT summary table per rate, then "Total HT",
    "Total TVA", "Total TTC"; thousands separated by spaces."""
    c = pen(path)
    c.setFillGray(0.2)
    c.rect(0, 790, 595, 52, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 50, 812, "ÉNERGIES DU RHÔNE", 18, "Helvetica-Bold")
    txt(c, 50, 798, "Électricité verte pour les professionnels", 8, "Helvetica")
    c.setFillGray(0)
    txt(c, 50, 760, f"Facture du {long_date(d.date, 'fr')}", 13, "Helvetica-Bold")
    txt(c, 50, 744, f"N° de facture : {d.number}", 9.5, "Helvetica")
    txt(c, 50, 731, f"Référence client : {rng.randint(1000000000, 9999999999)}", 9.5)
    txt(c, 50, 718, f"Point de livraison (PDL) : {rng.randint(10 ** 13, 10 ** 14 - 1)}", 9.5)
    start = d.before - dt.timedelta(days=30)
    txt(c, 50, 705, f"Période de consommation : du {start:%d/%m/%Y} au {d.before:%d/%m/%Y}", 9.5)
    c.rect(345, 690, 200, 80)
    txt(c, 355, 752, "Montant à payer", 10, "Helvetica")
    txt(c, 535, 726, eu(d.ttc, " ") + " €", 20, "Helvetica-Bold", right=True)
    txt(c, 355, 700, f"Prélevé le {d.other:%d/%m/%Y}", 9, "Helvetica")
    for i, s in enumerate(["BOULANGERIE MAZET SARL", "12 rue Paul Bert", "26000 VALENCE"]):
        txt(c, 345, 660 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    labels = {"5.5": ["Abonnement Pro 36 kVA", "Abonnement compteur", "Contribution tarifaire (CTA)",
                      "Abonnement option HP/HC"],
              "20": ["Consommation heures pleines", "Consommation heures creuses", "Accise sur l'électricité",
                     "Frais de mise en service"]}
    y = 600
    for x, h, right in [(50, "Détail de votre facture", False), (330, "Quantité", True),
                        (420, "Prix unitaire HT", True), (470, "TVA", False), (545, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        kwh = rate == "20" and i < 2
        txt(c, 50, y, labels[rate][i], 8.5, "Helvetica")
        txt(c, 330, y, f"{qty * 100} kWh" if kwh else f"{qty} mois", 8.5, right=True)
        txt(c, 420, y, (f"{unit / 100:.4f}".replace(".", ",")) if kwh else eu(unit, " "), 8.5, right=True)
        txt(c, 470, y, fmt(rate), 8.5)
        txt(c, 545, y, eu(q(qty * unit), " "), 8.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    y -= 34
    txt(c, 50, y, "Récapitulatif TVA", 9, "Helvetica-Bold")
    for x, h in [(140, "Base HT"), (220, "Montant TVA")]:
        txt(c, x, y - 14, h, 8, "Helvetica-Bold", right=True)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        txt(c, 50, y - 28 - 13 * i, f"TVA {fmt(r)}", 8.5, "Helvetica")
        txt(c, 140, y - 28 - 13 * i, eu(d.base[r], " "), 8.5, right=True)
        txt(c, 220, y - 28 - 13 * i, eu(d.vat[r], " "), 8.5, right=True)
    totals_rows(c, [("Total HT", eu(d.ht, " ") + " €"), ("Total TVA", eu(d.tva, " ") + " €"),
                    ("Total TTC", eu(d.ttc, " ") + " €")], y, x_label=370)
    txt(c, 50, 150, f"Prochain relevé prévu le {d.other + dt.timedelta(days=20):%d/%m/%Y}. Index relevé : "
                    f"{rng.randint(10000, 99999)} kWh.", 8, "Helvetica")
    txt(c, 50, 138, "Prélèvement SEPA sur IBAN FR76 3000 4012 3400 0101 2345 ***, mandat n° ER-"
                    f"{rng.randint(100000, 999999)}", 8)
    txt(c, 50, 70, "Énergies du Rhône SA au capital de 2 500 000 € – RCS Lyon 538 912 004 – TVA FR33538912004 – "
                   "Service clients 09 70 81 42 42", 6.5)
    c.save()


def fr_avoir_jardinerie(d, path, rng):
    """A French garden centre's credit note: "AVOIR" in large capitals at the top right over the
    number and "Émis le", the invoice it cancels and its date, the reason, plants at 10 % and
    equipment at 20 % as negative amounts, a VAT table at the bottom left (code, rate, base, VAT)
    and the totals at the bottom right, "Montant de l'avoir TTC"."""
    items = {"10": ["Olivier en pot 80/100 cm", "Haie de photinias (lot de 10)", "Rosiers buisson assortis",
                    "Terreau plantation 50 L"],
             "20": ["Jardinière terre cuite 100 cm", "Tuteurs bambou 150 cm", "Arrosoir galvanisé 10 L",
                    "Sécateur professionnel"]}
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "Jardinerie des Quatre Saisons", 16, "Times-BoldItalic")
    for i, s in enumerate(["Route de Nantes – ZA du Moulin", "44470 CARQUEFOU", "Tél. 02 40 52 18 76"]):
        txt(c, 50, 785 - 11 * i, s, 9, "Times-Roman")
    txt(c, 545, 800, "AVOIR", 26, "Times-Bold", right=True)
    txt(c, 545, 780, f"N° {d.number}", 11, "Times-Bold", right=True)
    txt(c, 545, 766, f"Émis le {d.date:%d/%m/%Y}", 10, "Times-Roman", right=True)
    for i, s in enumerate(["Mairie de Sainte-Luce-sur-Loire", "Service des espaces verts", "1 place de l'Église",
                           "44980 SAINTE-LUCE-SUR-LOIRE"]):
        txt(c, 330, 720 - 12 * i, s, 10, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 650, f"Avoir sur facture n° FC{d.before:%y%m}-{rng.randint(1000, 9999)} du {d.before:%d/%m/%Y}", 10,
        "Times-Bold")
    txt(c, 50, 636, f"Bon de commande mairie n° {rng.randint(2000, 2999)}/{d.date.year} – "
                    "Motif : retour de marchandises non conformes", 9.5, "Times-Roman")
    y = 605
    for x, h, right in [(50, "Désignation", False), (320, "Qté", True), (400, "P.U. HT", True), (430, "TVA", False),
                        (545, "Total HT", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 15
        txt(c, 50, y, items[rate][n[rate]], 9.5, "Times-Roman")
        n[rate] += 1
        txt(c, 320, y, f"-{qty}", 9.5, right=True)
        txt(c, 400, y, eu(unit, " "), 9.5, right=True)
        txt(c, 430, y, fmt(rate), 9.5)
        txt(c, 545, y, "-" + eu(q(qty * unit), " "), 9.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    top = y - 36
    for x, h in [(50, "Code"), (85, "Taux"), (190, "Base HT"), (265, "TVA")]:
        txt(c, x, top, h, 9, "Times-Bold", right=x > 100)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = top - 14 * (i + 1)
        txt(c, 50, yy, str(i + 1), 9, "Times-Roman")
        txt(c, 85, yy, fmt(r), 9)
        txt(c, 190, yy, "-" + eu(d.base[r], " "), 9, right=True)
        txt(c, 265, yy, "-" + eu(d.vat[r], " "), 9, right=True)
    rows = [("Total HT", d.ht), ("Total TVA", d.tva), ("Montant de l'avoir TTC", d.ttc)]
    for i, (a, v) in enumerate(rows):
        bold = i == 2
        txt(c, 340, top - 16 * i, a, 10.5, "Times-Bold" if bold else "Times-Roman")
        txt(c, 545, top - 16 * i, "-" + eu(v, " ") + " €", 10.5, "Times-Bold" if bold else "Times-Roman", right=True)
    txt(c, 50, top - 90, "Cet avoir sera déduit de votre prochaine facture ou remboursé par virement sur demande.",
        9, "Times-Italic")
    txt(c, 50, 70, "SARL Jardinerie des Quatre Saisons – capital 45 000 € – SIRET 402 118 339 00027 – APE 4776Z – "
                   "TVA FR18402118339 – IBAN FR76 1470 6000 1400 0412 5566 190", 6.5, "Times-Roman")
    c.save()


def en_gb_cleaning(d, path, rng):
    """A UK office-cleaning contractor's invoice: the firm's name and address top left, "INVOICE"
    top right with a key-value block (invoice no., date as 12-Mar-2024, account, PO, terms), the
    service period, the lines, and the totals as three boxes side by side across the page ("Net",
    "VAT @ 20%", "Total due"); bank details with sort code and company and VAT registration."""
    jobs = ["Daily office cleaning – contract hours", "Washroom consumables and hygiene units",
            "Window cleaning – internal and external", "Carpet deep clean (per floor)"]
    c = pen(path)
    txt(c, 50, 805, "BrightSpace Cleaning Services Ltd", 14, "Helvetica-Bold")
    for i, s in enumerate(["Unit 4, Riverside Business Park", "Leeds LS10 1QN", "accounts@brightspace.co.uk"]):
        txt(c, 50, 790 - 11 * i, s, 8.5, "Helvetica")
    txt(c, 545, 800, "INVOICE", 20, "Helvetica-Bold", right=True)
    kv = [("Invoice No.", d.number), ("Invoice Date", f"{d.date:%d-%b-%Y}"),
          ("Account", f"HAR{rng.randint(100, 999)}"), ("Customer PO", f"PO-{rng.randint(40000, 49999)}"),
          ("Terms", "30 days net")]
    for i, (k, v) in enumerate(kv):
        txt(c, 390, 775 - 13 * i, k, 8.5, "Helvetica-Bold")
        txt(c, 545, 775 - 13 * i, v, 8.5, "Helvetica", right=True)
    txt(c, 50, 735, "Bill to", 8, "Helvetica-Oblique")
    for i, s in enumerate(["Harrington & Cole LLP", "Finance Department", "3 Park Row", "Leeds LS1 5HD"]):
        txt(c, 50, 722 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    start = d.before.replace(day=1)
    txt(c, 50, 655, f"Service period: {start:%d-%b-%Y} to {d.before:%d-%b-%Y}    Site: 3 Park Row, floors 2–5", 9)
    y = 625
    c.setFillGray(0.9)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(55, "Description", False), (360, "Qty", True), (450, "Rate", True), (540, "Amount", True)]:
        txt(c, x, y, h, 9, "Helvetica-Bold", right=right)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 16
        txt(c, 55, y, jobs[i], 9, "Helvetica")
        txt(c, 360, y, str(qty), 9, right=True)
        txt(c, 450, y, "£" + us(unit), 9, right=True)
        txt(c, 540, y, "£" + us(q(qty * unit)), 9, right=True)
    y -= 50
    for i, (lab, v) in enumerate([("Net", d.ht), ("VAT @ 20%", d.tva), ("Total due", d.ttc)]):
        x = 50 + 170 * i
        c.setFillGray(0.15 if i == 2 else 0.93)
        c.rect(x, y, 155, 42, stroke=0, fill=1)
        c.setFillGray(1 if i == 2 else 0)
        txt(c, x + 8, y + 28, lab, 8.5, "Helvetica")
        txt(c, x + 147, y + 9, "£" + us(v), 13, "Helvetica-Bold", right=True)
    c.setFillGray(0)
    for i, s in enumerate([f"Please pay by {d.other:%d-%b-%Y} quoting {d.number}.",
                           "Bank: Yorkshire Bank · Sort code 05-08-22 · Account 31926845",
                           "Late payments may incur interest under the Late Payment of Commercial Debts Act 1998."]):
        txt(c, 50, y - 30 - 12 * i, s, 8.5, "Helvetica")
    txt(c, 50, 60, "BrightSpace Cleaning Services Ltd · Registered in England & Wales No. 08123456 · "
                   "VAT Reg. No. GB 291 4476 35", 7, "Helvetica")
    c.save()


def de_zahnlabor(d, path, rng):
    """A German dental laboratory's invoice to a dental practice: the lab's letterhead centred, the
    practice in the address window, a right-hand column (Rechnungs-Nr., Rechnungsdatum, Auftrag vom,
    Patient, Kassenart), BEL positions at 7 % and shipping or materials at 19 %, the totals on the
    left under the table ("Summe netto", "zzgl. 7 % MwSt. auf ...", "Rechnungsbetrag"), the MDR
    declaration and the bank details."""
    pos = {"7": [("0010", "Modell"), ("1022", "Teilkrone Keramik"), ("0120", "Mittelwertartikulator"),
                 ("1650", "Verblendung Keramik")],
           "19": [("9330", "Versandkosten"), ("9700", "Legierung NEM (g)"), ("9800", "Fotodokumentation"),
                  ("9900", "Verpackung")]}
    c = pen(path, "Times-Roman")
    c.setFont("Times-Bold", 16)
    c.drawCentredString(297.5, 805, "Dentallabor Krüger & Sohn GmbH")
    c.setFont("Times-Italic", 9)
    c.drawCentredString(297.5, 792, "Meisterlabor für Zahntechnik · Lindenstraße 17 · 33602 Bielefeld")
    c.line(50, 785, 545, 785)
    txt(c, 50, 752, "Dentallabor Krüger & Sohn GmbH · Lindenstr. 17 · 33602 Bielefeld", 6.5, "Times-Roman")
    for i, s in enumerate(["Zahnarztpraxis", "Dr. med. dent. Anna Winter", "Obernstraße 44", "33602 Bielefeld"]):
        txt(c, 50, 736 - 13 * i, s, 10.5, "Times-Roman")
    kv = [("Rechnungs-Nr.", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"),
          ("Auftrag vom", f"{d.before:%d.%m.%Y}"), ("Patient", "M. Schröder"), ("Kassenart", "AOK / Kasse"),
          ("Kunden-Nr.", str(rng.randint(10000, 99999)))]
    for i, (k, v) in enumerate(kv):
        txt(c, 370, 745 - 13 * i, k, 9, "Times-Bold")
        txt(c, 455, 745 - 13 * i, v, 9, "Times-Roman")
    txt(c, 50, 640, "Rechnung", 14, "Times-Bold")
    txt(c, 50, 625, f"Arbeitsart: Teilkrone regio {rng.choice([16, 26, 36, 46])} · Fertigstellung "
                    f"{d.before + dt.timedelta(days=1):%d.%m.%Y}", 9.5, "Times-Roman")
    y = 598
    for x, h, right in [(50, "BEL-Nr.", False), (100, "Leistung", False), (330, "Anzahl", True),
                        (410, "Einzelpreis", True), (440, "MwSt", False), (545, "Gesamt €", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 14
        code, name = pos[rate][n[rate]]
        n[rate] += 1
        txt(c, 50, y, code, 9, "Times-Roman")
        txt(c, 100, y, name, 9)
        txt(c, 330, y, f"{qty},00", 9, right=True)
        txt(c, 410, y, eu(unit, "."), 9, right=True)
        txt(c, 440, y, f"{rate} %", 9)
        txt(c, 545, y, eu(q(qty * unit), "."), 9, right=True)
    c.line(50, y - 6, 545, y - 6)
    rows = [("Summe netto", "", d.ht)]
    for r in sorted(d.base, key=Decimal):
        rows.append((f"zzgl. {r} % MwSt. auf", eu(d.base[r], ".") + " €", d.vat[r]))
    rows += [("Summe MwSt.", "", d.tva), ("Rechnungsbetrag", "", d.ttc)]
    top = y - 28
    for i, (a, b, v) in enumerate(rows):
        bold = i in (0, len(rows) - 1)
        txt(c, 50, top - 15 * i, a, 10, "Times-Bold" if bold else "Times-Roman")
        txt(c, 250, top - 15 * i, b, 10, "Times-Roman", right=True)
        txt(c, 345, top - 15 * i, eu(v, ".") + " €", 10, "Times-Bold" if bold else "Times-Roman", right=True)
    y = top - 15 * len(rows) - 20
    for i, s in enumerate([f"Zahlbar bis {d.other:%d.%m.%Y} ohne Abzug.",
                           "Konformitätserklärung gemäß Art. 52 Abs. 8 MDR liegt bei. Herstellungsort: Bielefeld.",
                           "Verwendete Materialien: Lithiumdisilikat (CE 0123), Charge "
                           f"{rng.randint(100000, 999999)}."]):
        txt(c, 50, y - 12 * i, s, 8.5, "Times-Roman")
    c.line(50, 82, 545, 82)
    txt(c, 50, 70, "Sparkasse Bielefeld · IBAN DE12 4805 0161 0065 4321 00 · BIC SPBIDE3BXXX", 7, "Times-Roman")
    txt(c, 50, 60, "Amtsgericht Bielefeld HRB 40122 · Geschäftsführer: Jens Krüger · USt-IdNr. DE276543210 · "
                   "Steuer-Nr. 305/5712/0456", 7)
    c.save()


def nl_bloemist(d, path, rng):
    """A Dutch florist's invoice for event flowers: the studio's name centred in a serif-free
    light font, a grey strip with "Factuurnummer | Factuurdatum | Debiteurnummer | Vervaldatum"
    (dates as 12-03-2024), the event date and place, flowers at 9 % and hire items at 21 %, the totals
    on the right with "Btw 9% over € ..." per rate, the payment request with IBAN and the KvK."""
    items = {"9": ["Tafelstukken seizoensbloemen", "Bruidsboeket rozen en pioenen", "Corsages",
                   "Losse bloemen per bos"],
             "21": ["Huur glazen vazen", "Bezorging en opbouw", "Huur bloemenboog", "Steekschuim en materiaal"]}
    c = pen(path)
    c.setFont("Helvetica", 20)
    c.drawCentredString(297.5, 800, "B L O E M E N A T E L I E R   D E   L I N D E")
    c.setFont("Helvetica", 8)
    c.drawCentredString(297.5, 786, "Oudegracht 201 · 3511 NH Utrecht · 030 231 88 40 · hallo@bloemendelinde.nl")
    for i, s in enumerate(["Hotel Karel V B.V.", "t.a.v. afdeling evenementen", "Geertebolwerk 1",
                           "3511 XA Utrecht"]):
        txt(c, 50, 735 - 12 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    c.setFillGray(0.9)
    c.rect(50, 645, 495, 34, stroke=0, fill=1)
    c.setFillGray(0)
    cells = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"),
             ("Debiteurnummer", str(rng.randint(2000, 2999))), ("Vervaldatum", f"{d.other:%d-%m-%Y}")]
    for i, (k, v) in enumerate(cells):
        txt(c, 58 + 124 * i, 667, k, 7.5, "Helvetica")
        txt(c, 58 + 124 * i, 652, v, 10, "Helvetica-Bold")
    txt(c, 50, 620, f"Betreft: bloemwerk bruiloft Van Dijk – Jansen, {d.before:%d-%m-%Y}, Hotel Karel V", 9.5,
        "Helvetica")
    y = 590
    for x, h, right in [(50, "Omschrijving", False), (330, "Aantal", True), (410, "Stukprijs", True),
                        (450, "Btw", False), (545, "Bedrag", True)]:
        txt(c, x, y, h, 9, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 15
        txt(c, 50, y, items[rate][n[rate]], 9, "Helvetica")
        n[rate] += 1
        txt(c, 330, y, str(qty), 9, right=True)
        txt(c, 410, y, "€ " + eu(unit, "."), 9, right=True)
        txt(c, 450, y, f"{rate}%", 9)
        txt(c, 545, y, "€ " + eu(q(qty * unit), "."), 9, right=True)
    c.line(300, y - 8, 545, y - 8)
    rows = [("Subtotaal excl. btw", d.ht)]
    rows += [(f"Btw {r}% over € {eu(d.base[r], '.')}", d.vat[r]) for r in sorted(d.base, key=Decimal)]
    rows += [("Totaal btw", d.tva), ("Totaal incl. btw", d.ttc)]
    top = y - 26
    for i, (a, v) in enumerate(rows):
        bold = i == len(rows) - 1
        txt(c, 300, top - 15 * i, a, 9.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, top - 15 * i, "€ " + eu(v, "."), 9.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y = top - 15 * len(rows) - 30
    txt(c, 50, y, f"Wij verzoeken u vriendelijk het totaalbedrag vóór {d.other:%d-%m-%Y} over te maken op", 9)
    txt(c, 50, y - 12, f"NL91 ABNA 0417 1643 00 t.n.v. Bloemenatelier De Linde o.v.v. {d.number}.", 9)
    txt(c, 50, 65, "KvK 30187654 · btw-id NL001234567B01 · Op al onze leveringen zijn de algemene voorwaarden van "
                   "de VBW van toepassing.", 7)
    c.save()


def es_restaurante(d, path, rng):
    """A Spanish restaurant's full invoice for a company lunch: the restaurant centred in a serif
    font, "FACTURA Nº" and "Fecha de expedición" with a separate "Fecha de operación", the table and
    the ticket it replaces, the customer's company and NIF, menus and drinks at 10 %, one centred
    line "Base imponible ... IVA 10 % ..." over a large "TOTAL" and the payment."""
    dishes = ["Menú degustación", "Vino tinto D.O. Ribera del Duero", "Agua mineral y cafés",
              "Suplemento reservado privado"]
    c = pen(path, "Times-Roman")
    c.setFont("Times-Bold", 18)
    c.drawCentredString(297.5, 805, "Restaurante Casa Lucio Verde")
    c.setFont("Times-Italic", 9)
    c.drawCentredString(297.5, 791, "Calle de la Cava Baja 31 · 28005 Madrid · Tel. 913 65 32 52 · NIF B84123456")
    c.line(150, 782, 445, 782)
    txt(c, 50, 750, f"FACTURA Nº {d.number}", 12, "Times-Bold")
    txt(c, 50, 735, f"Fecha de expedición: {d.date:%d/%m/%Y}", 10, "Times-Roman")
    txt(c, 50, 721, f"Fecha de operación: {d.before:%d/%m/%Y}", 10)
    txt(c, 50, 707, f"Sustituye al ticket nº {rng.randint(10000, 99999)} · Mesa {rng.randint(1, 30)} · "
                    f"Comensales {rng.randint(6, 14)}", 9)
    for i, s in enumerate(["Cliente:", "Consultora Meseta Norte, S.L.", "NIF B47812345",
                           "Paseo de Zorrilla 88, 47006 Valladolid"]):
        txt(c, 340, 750 - 13 * i, s, 10, "Times-Bold" if i == 1 else "Times-Roman")
    y = 660
    for x, h, right in [(50, "Uds.", False), (90, "Descripción", False), (420, "Precio", True),
                        (545, "Importe", True)]:
        txt(c, x, y, h, 10, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 16
        txt(c, 50, y, str(qty), 10, "Times-Roman")
        txt(c, 90, y, dishes[i], 10)
        txt(c, 420, y, eu(unit, "."), 10, right=True)
        txt(c, 545, y, eu(q(qty * unit), "."), 10, right=True)
    c.line(50, y - 8, 545, y - 8)
    c.setFont("Times-Roman", 10.5)
    c.drawCentredString(297.5, y - 34, f"Base imponible: {eu(d.ht, '.')} €     IVA 10 %: {eu(d.tva, '.')} €")
    c.setFont("Times-Bold", 16)
    c.drawCentredString(297.5, y - 60, f"TOTAL: {eu(d.ttc, '.')} €")
    c.setFont("Times-Italic", 9)
    c.drawCentredString(297.5, y - 80, f"Pagado con tarjeta MASTERCARD ****{rng.randint(1000, 9999)} · Gracias por "
                                       "su visita")
    txt(c, 50, 70, "Casa Lucio Verde, S.L. · Registro Mercantil de Madrid, Tomo 24.881, Folio 112, Hoja M-447812 · "
                   "Servicio no incluido", 7, "Times-Roman")
    c.save()


def it_traslochi(d, path, rng):
    """An Italian removal firm's invoice in a fixed-pitch font: the firm top left with P.IVA and REA,
    a boxed block top right ("FATTURA", "Numero", "Data" as 12-03-2024), the customer with codice
    fiscale, the removal date and the quote it follows, services at 22 %, the totals as a boxed
    column on the right ("Imponibile", "IVA 22%", "Totale documento", "Netto a pagare"), the due
    date and the IBAN, the stamp-duty and privacy mentions."""
    jobs = ["Trasloco abitazione 3 locali", "Smontaggio e rimontaggio mobili", "Imballaggio materiale fragile",
            "Noleggio piattaforma aerea"]
    c = pen(path, "Courier")
    txt(c, 50, 805, "TRASLOCHI FRATELLI RICCI S.N.C.", 12, "Courier-Bold")
    for i, s in enumerate(["Via Emilia Ponente 455", "40133 Bologna (BO)", "P.IVA 02874310371",
                           "REA BO-471223"]):
        txt(c, 50, 790 - 11 * i, s, 8.5, "Courier")
    c.rect(360, 742, 185, 70)
    txt(c, 370, 795, "FATTURA", 13, "Courier-Bold")
    txt(c, 370, 777, f"Numero: {d.number}", 9, "Courier")
    txt(c, 370, 764, f"Data:   {d.date:%d-%m-%Y}", 9)
    txt(c, 370, 751, "Pagina 1/1", 8)
    txt(c, 50, 715, "Spett.le / Cliente:", 8.5, "Courier")
    for i, s in enumerate(["Sig.ra Elena Marchetti", "Via San Vitale 27", "40125 Bologna (BO)",
                           "C.F. MRCLNE78C52A944K"]):
        txt(c, 50, 701 - 12 * i, s, 9.5, "Courier-Bold" if i == 0 else "Courier")
    txt(c, 50, 640, f"Rif. preventivo n. {rng.randint(100, 999)}/{d.date.year} del "
                    f"{d.before - dt.timedelta(days=20):%d-%m-%Y}", 9)
    txt(c, 50, 627, f"Data trasloco: {d.before:%d-%m-%Y}  Da: Via Mazzini 8, Bologna  A: Via San Vitale 27", 9)
    y = 598
    for x, h, right in [(50, "DESCRIZIONE", False), (330, "Q.TA'", True), (420, "PREZZO", True),
                        (450, "IVA", False), (545, "IMPORTO", True)]:
        txt(c, x, y, h, 8.5, "Courier-Bold", right=right)
    txt(c, 50, y - 8, "-" * 82, 8, "Courier")
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        txt(c, 50, y - 4, jobs[i], 8.5, "Courier")
        txt(c, 330, y - 4, f"{qty},00", 8.5, right=True)
        txt(c, 420, y - 4, eu(unit, "."), 8.5, right=True)
        txt(c, 450, y - 4, rate, 8.5)
        txt(c, 545, y - 4, eu(q(qty * unit), "."), 8.5, right=True)
    rows = [("Imponibile", d.ht), (f"IVA {fmt_rate(d)}%", d.tva), ("Totale documento", d.ttc),
            ("Netto a pagare", d.ttc)]
    top = y - 40
    c.rect(330, top - 16 * len(rows) + 10, 215, 16 * len(rows) + 6)
    for i, (a, v) in enumerate(rows):
        bold = i >= 2
        txt(c, 338, top - 16 * i, a, 9, "Courier-Bold" if bold else "Courier")
        txt(c, 540, top - 16 * i, "EUR " + eu(v, "."), 9, "Courier-Bold" if bold else "Courier", right=True)
    for i, s in enumerate(["Pagamento: bonifico bancario 30 gg d.f.", f"Scadenza: {d.other:%d-%m-%Y}",
                           "IBAN IT60 X054 2811 1010 0000 0123 456", "BPER Banca - Ag. Bologna 4"]):
        txt(c, 50, top - 12 * i, s, 8.5, "Courier")
    txt(c, 50, 80, "Copia di cortesia: l'originale e' stato trasmesso al Sistema di Interscambio (SdI).", 7,
        "Courier")
    txt(c, 50, 70, "Informativa privacy ai sensi del Reg. UE 2016/679 disponibile presso la sede.", 7)
    c.save()


# ---- layouts added for held-out set 9 (session 11) ---------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a drinks wholesaler's invoice, a training organisation's invoice,
# a car park's pay-station receipt), a UK IT reseller's credit note, a German hotel's invoice, a
# Dutch online bookshop, a Spanish freelance designer and an Italian haulier. HELD_OUT_9: drawn in
# session 11, scored once at first sight, then inspected.

def ho9_bases(d, base):
    """Re-total d from its bases excluding tax per rate."""
    d.base = defaultdict(Decimal, base)
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht, d.tva = sum(d.base.values()), sum(d.vat.values())
    d.ttc = d.ht + d.tva


def ho9_lines(d, lines):
    """Re-total d from (name, qty, unit price excluding tax, rate) lines."""
    d.lines = lines
    base = defaultdict(Decimal)
    for _, qty, unit, rate in lines:
        base[rate] += q(qty * unit)
    ho9_bases(d, base)


def ho9_gross(d, gross):
    """Re-total d from totals including tax per rate (prices VAT included, as shops print them)."""
    d.base = defaultdict(Decimal, {r: q(g * 100 / (100 + Decimal(r))) for r, g in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht, d.tva, d.ttc = sum(d.base.values()), sum(d.vat.values()), sum(gross.values())


def ho9_centre(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fr_grossiste_boissons(d, path, rng):
    """A French drinks wholesaler's invoice to a café, printed from its ERP in a fixed-pitch font: a
    ruled header grid (number, date, customer code, page), delivery-note and order references, up to
    a dozen lines with packaging, unit price, line discount and a VAT code (soft drinks at 5,5 %,
    alcohol at 20 %), and a ruled band at the foot of the page: VAT summary per code, gross total,
    discounts, total excluding and including VAT, returnable packaging outside VAT and the net due."""
    soft = [("EAU MINERALE PLATE 1L VC", "CS 12"), ("EAU GAZEUSE 50CL VC", "CS 20"),
            ("JUS D'ORANGE 25CL VP", "CS 24"), ("COLA 33CL BOITE", "PACK 24"),
            ("LIMONADE ARTISANALE 75CL", "CS 12"), ("SIROP DE MENTHE 1L", "CS 6"),
            ("NECTAR D'ABRICOT 25CL VP", "CS 24"), ("TONIC 20CL VP", "CS 24"), ("THE GLACE PECHE 33CL", "PACK 24")]
    alco = [("BIERE BLONDE PRESSION 30L", "FUT"), ("BIERE IPA 33CL VP", "CS 24"),
            ("COTES DU RHONE ROUGE 75CL", "CS 6"), ("PICPOUL DE PINET 75CL", "CS 6"), ("PASTIS 45% 1L", "CS 6"),
            ("RHUM AMBRE 70CL", "BTL"), ("CIDRE BRUT 75CL VC", "CS 12"), ("CREMANT DE LIMOUX 75CL", "CS 6"),
            ("GIN 40% 70CL", "BTL")]
    rng.shuffle(soft)
    rng.shuffle(alco)
    rows, base, brut, deposit = [], defaultdict(Decimal), Decimal(0), Decimal(0)
    for i in range(rng.randint(7, 12)):
        rate = "20" if i == 0 else "5.5" if i == 1 else rng.choice(["5.5", "20"])
        pool = alco if rate == "20" else soft
        if not pool:
            rate, pool = ("5.5", soft) if rate == "20" else ("20", alco)
        name, cond = pool.pop()
        qty = rng.randint(1, 15)
        pu = q(Decimal(rng.randint(300, 9800)) / 100)
        rem = rng.choice([0, 0, 0, 5, 8, 10])
        gross = q(qty * pu)
        net = q(gross * (100 - rem) / 100)
        rows.append((f"B{rng.randint(10000, 99999)}", name, cond, qty, pu, rem, net, "1" if rate == "5.5" else "2"))
        base[rate] += net
        brut += gross
        if cond == "FUT":
            deposit += 30 * qty
        elif name.endswith(" VC"):
            deposit += Decimal("4.80") * qty
    ho9_bases(d, base)
    returned = Decimal(30) * rng.randint(0, 3)
    net_due = d.ttc + deposit - returned
    c = pen(path, "Courier")
    txt(c, 40, 800, "DISTRIBOISSONS DU LANGUEDOC", 15, "Helvetica-Bold")
    txt(c, 40, 787, "Grossiste en boissons - Cafés, Hôtels, Restaurants", 8.5, "Helvetica-Oblique")
    for i, s in enumerate(["ZAE Garosud - 95 rue de la Jasse - 34070 MONTPELLIER",
                           "Tél. 04 67 27 55 10 - Fax 04 67 27 55 19", "commandes@distriboissons.fr"]):
        txt(c, 40, 772 - 10 * i, s, 8, "Courier")
    txt(c, 555, 800, "FACTURE", 16, "Courier-Bold", right=True)
    cols = [320, 405, 467, 515, 555]
    c.rect(320, 752, 235, 32)
    for x in cols[1:-1]:
        c.line(x, 752, x, 784)
    c.line(320, 770, 555, 770)
    client = f"C{rng.randint(1000, 9999):05d}"
    for x, lab, val in zip(cols, ["N° facture", "Date", "Client", "Page"], [d.number, f"{d.date:%d/%m/%Y}", client, "1/1"]):
        txt(c, x + 4, 774, lab, 7, "Courier")
        txt(c, x + 4, 758, val, 9, "Courier-Bold")
    for i, s in enumerate(["BRASSERIE DES ARTS", "SARL LES ARTS", "4 place de la Canourgue", "34000 MONTPELLIER"]):
        txt(c, 330, 725 - 12 * i, s, 9.5 if i == 0 else 9, "Courier-Bold" if i == 0 else "Courier")
    order = d.before - dt.timedelta(days=rng.randint(1, 3))
    refs = [f"Bon de livraison : BL{rng.randint(100000, 999999)} du {d.before:%d/%m/%Y}",
            f"Votre commande   : {rng.randint(1000, 9999)} du {order:%d/%m/%Y}",
            f"Représentant     : K. BENALI - Tournée {rng.randint(1, 12):02d}",
            f"N° TVA client    : FR{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
            f"{rng.randint(100, 999)}",
            "Règlement        : LCR directe à 30 jours",
            f"Échéance         : {d.other:%d/%m/%Y}"]
    for i, s in enumerate(refs):
        txt(c, 40, 725 - 11 * i, s, 8, "Courier")
    y = 640
    c.line(40, y + 10, 555, y + 10)
    for x, h, right in [(40, "Code", False), (78, "Désignation", False), (208, "Cond.", False), (275, "Qté", True),
                        (340, "PU HT", True), (385, "Rem.%", True), (470, "Montant HT", True), (492, "TVA", False)]:
        txt(c, x, y, h, 7.5, "Courier-Bold", right=right)
    c.line(40, y - 4, 555, y - 4)
    for code, name, cond, qty, pu, rem, net, vcode in rows:
        y -= 13
        for x, s, right in [(40, code, False), (78, name, False), (208, cond, False), (275, str(qty), True),
                            (340, eu(pu, " "), True), (385, f"{rem:.2f}".replace(".", ",") if rem else "", True),
                            (470, eu(net, " "), True), (500, vcode, False)]:
            txt(c, x, y, s, 7.5, "Courier", right=right)
    c.line(40, y - 6, 555, y - 6)
    txt(c, 40, y - 18, f"Nombre de lignes : {len(rows)}    Nombre de colis : {sum(r[3] for r in rows)}", 7.5,
        "Courier")
    c.rect(40, 100, 515, 125)
    c.line(235, 100, 235, 225)
    c.line(400, 100, 400, 225)
    txt(c, 45, 212, "RÉCAPITULATIF TVA", 7.5, "Courier-Bold")
    for x, h, right in [(45, "Code", False), (75, "Taux", False), (172, "Base HT", True), (230, "TVA", True)]:
        txt(c, x, 198, h, 7.5, "Courier-Bold", right=right)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = 185 - 12 * i
        txt(c, 45, yy, "1" if r == "5.5" else "2", 7.5, "Courier")
        txt(c, 75, yy, fmt(r), 7.5)
        txt(c, 172, yy, eu(d.base[r], " "), 7.5, right=True)
        txt(c, 230, yy, eu(d.vat[r], " "), 7.5, right=True)
    for i, (lab, v) in enumerate([("Total brut HT", eu(brut, " ")), ("Remises", "-" + eu(brut - d.ht, " ")),
                                  ("Total HT", eu(d.ht, " ")), ("Total TVA", eu(d.tva, " ")),
                                  ("Total TTC", eu(d.ttc, " "))]):
        bold = lab in ("Total HT", "Total TTC")
        txt(c, 242, 212 - 15 * i, lab, 8, "Courier-Bold" if bold else "Courier")
        txt(c, 394, 212 - 15 * i, v, 8, right=True)
    txt(c, 406, 212, "Consignes", 8, "Courier")
    txt(c, 549, 212, eu(deposit, " "), 8, right=True)
    txt(c, 406, 198, "Déconsignes", 8)
    txt(c, 549, 198, ("-" if returned else "") + eu(returned, " "), 8, right=True)
    txt(c, 406, 186, "(emballages hors TVA)", 6.5)
    c.line(400, 176, 555, 176)
    txt(c, 406, 160, "NET A PAYER", 9, "Courier-Bold")
    txt(c, 549, 135, eu(net_due, " ") + " EUR", 13, "Courier-Bold", right=True)
    txt(c, 406, 110, f"au {d.other:%d/%m/%Y}", 8, "Courier")
    for i, s in enumerate([
            "Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de",
            "recouvrement : 40 EUR. Pas d'escompte pour paiement anticipé. Les emballages consignés restent",
            "notre propriété. Clause de réserve de propriété (loi n° 80-335 du 12 mai 1980).",
            "SAS DISTRIBOISSONS DU LANGUEDOC au capital de 120 000 EUR - RCS Montpellier 412 587 390",
            "SIRET 412 587 390 00027 - APE 4634Z - TVA intracommunautaire FR 46 412587390"]):
        txt(c, 40, 86 - 9 * i, s, 6.5, "Courier")
    c.save()


def fr_organisme_formation(d, path, rng):
    """A French training organisation's invoice to a company, in a serif: the firm's name large at the
    top left, "FACTURE", its number and "Lyon, le <long date>" at the top right, the training
    agreement and order references, a table of sessions (dates, hours, trainees, price per trainee),
    a totals box with VAT at zero, the deposit paid and the balance, the VAT exemption article,
    payment terms and the training-activity declaration number in the footer."""
    titles = ["Excel - niveau perfectionnement", "Manager une équipe",
              "Prise de parole en public", "Gestion du temps et des priorités", "Word - documents longs",
              "Sauveteur secouriste du travail (SST)"]
    rng.shuffle(titles)
    lines, sessions = [], []
    for i, (_, qty, unit, _) in enumerate(d.lines):
        days = rng.choice([1, 2, 3])
        start = d.before - dt.timedelta(days=rng.randint(0, 40))
        end = start + dt.timedelta(days=days - 1)
        price = Decimal(rng.randint(24, 145) * 10)
        lines.append((titles[i], qty, price, "0"))
        sessions.append((start, f"le {start:%d/%m/%Y}" if days == 1 else f"du {start:%d/%m} au {end:%d/%m/%Y}",
                         f"{7 * days} h"))
    order = sorted(range(len(lines)), key=lambda i: sessions[i][0])
    lines, sessions = [lines[i] for i in order], [sessions[i][1:] for i in order]
    ho9_lines(d, lines)
    deposit = (d.ttc * Decimal("0.3")).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    signed = d.before - dt.timedelta(days=45)
    c = pen(path, "Times-Roman")
    txt(c, 50, 792, "PRISME FORMATION", 20, "Times-Bold")
    txt(c, 50, 777, "Conseil et formation professionnelle continue", 10, "Times-Italic")
    txt(c, 50, 763, "27 cours Gambetta - 69007 Lyon", 9, "Times-Roman")
    txt(c, 50, 752, "Tél. 04 78 58 21 90 - contact@prisme-formation.fr", 9)
    txt(c, 545, 792, "FACTURE", 22, "Times-Bold", right=True)
    txt(c, 545, 774, f"N° {d.number}", 11, "Times-Roman", right=True)
    txt(c, 545, 760, f"Lyon, le {long_date(d.date, 'fr')}", 10, "Times-Italic", right=True)
    txt(c, 320, 715, "Destinataire", 8.5, "Times-Italic")
    for i, s in enumerate(["SAS ORIFLAM INDUSTRIE", "Service Ressources humaines", "14 rue de l'Industrie",
                           "38200 VIENNE"]):
        txt(c, 320, 702 - 12 * i, s, 10.5 if i == 0 else 10, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 320, 652, f"SIRET {rng.randint(300, 899)} {rng.randint(100, 999)} {rng.randint(100, 999)} 000"
                     f"{rng.randint(10, 99)}", 8.5, "Times-Roman")
    txt(c, 50, 715, "Références", 9, "Times-Bold")
    refs = [f"Convention de formation n° CV{d.date.year}-{rng.randint(1, 250):03d} du {signed:%d/%m/%Y}",
            f"Votre bon de commande : {rng.randint(4500000000, 4509999999)}",
            f"Code client : PF{rng.randint(1000, 9999)}",
            "Lieu : dans nos locaux, Lyon 7e"]
    for i, s in enumerate(refs):
        txt(c, 50, 702 - 12 * i, s, 9.5, "Times-Roman")
    y = 610
    for x, h, right in [(50, "Action de formation", False), (215, "Dates", False), (345, "Durée", True),
                        (390, "Stagiaires", True), (470, "Prix HT / stagiaire", True), (545, "Montant HT", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for (name, qty, price, _), (when, hours) in zip(d.lines, sessions):
        y -= 17
        for x, s, right in [(50, name, False), (215, when, False), (345, hours, True), (390, str(qty), True),
                            (470, eu(price, " ") + " €", True), (545, eu(q(qty * price), " ") + " €", True)]:
            txt(c, x, y, s, 9, "Times-Roman", right=right)
    c.line(50, y - 8, 545, y - 8)
    top = y - 30
    c.rect(320, top - 86, 225, 100)
    rows = [("Total HT", eu(d.ht, " ") + " €"), ("TVA (exonération)", eu(d.tva, " ") + " €"),
            ("Total TTC", eu(d.ttc, " ") + " €"),
            (f"Acompte versé le {signed:%d/%m/%Y}", "- " + eu(deposit, " ") + " €"),
            ("Reste à payer", eu(d.ttc - deposit, " ") + " €")]
    for i, (lab, v) in enumerate(rows):
        yy = top - 18 * i - (4 if i == 4 else 0)
        font = "Times-Bold" if i in (2, 4) else "Times-Roman"
        txt(c, 330, yy, lab, 10, font)
        txt(c, 537, yy, v, 10, font, right=True)
    c.line(320, top - 64, 545, top - 64)
    notes = ["Exonération de TVA en application de l'article 261-4-4° a du Code général des impôts.",
             f"Règlement par virement à réception de la facture et au plus tard le {d.other:%d/%m/%Y}.",
             "IBAN FR76 1548 9047 2100 0213 5670 112 - BIC CMCIFR2A - Crédit Mutuel Lyon Gambetta",
             "En cas de retard de paiement : pénalités égales à trois fois le taux d'intérêt légal et indemnité",
             "forfaitaire de 40 € pour frais de recouvrement (articles L441-10 et D441-5 du Code de commerce)."]
    for i, s in enumerate(notes):
        txt(c, 50, top - 120 - 12 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate([
            "Déclaration d'activité enregistrée sous le n° 84 69 15432 69 auprès du préfet de région "
            "Auvergne-Rhône-Alpes.", "Cet enregistrement ne vaut pas agrément de l'État. Organisme certifié "
            "Qualiopi au titre des actions de formation.",
            "Prisme Formation SARL au capital de 15 000 € - SIRET 803 214 567 00025 - NAF 8559A - "
            "TVA FR 19 803214567"]):
        ho9_centre(c, 297.5, 70 - 10 * i, s, 7.5, "Times-Roman")
    c.save()


def fr_parking_recu(d, path, rng):
    """A French car park's pay-station receipt on narrow thermal paper: the car park and its operator,
    the receipt number, the payment date and time, the entry ticket, entry and latest exit times and
    the length of stay, parking and sometimes an electric-vehicle charge, "TOTAL TTC", a VAT grid
    (rate, excluding VAT, VAT, including VAT) and the contactless card slip."""
    hh, mm = rng.randint(7, 21), rng.randint(0, 59)
    paid = dt.datetime(d.date.year, d.date.month, d.date.day, hh, mm)
    stay = rng.randint(25, 3 * 1440)
    entry = paid - dt.timedelta(minutes=stay)
    leave = paid + dt.timedelta(minutes=15)
    days, rest = divmod(stay, 1440)
    park = 22 * days + min(Decimal(22), q(Decimal("0.6") * -(-rest // 15)))
    kwh = Decimal(rng.randint(50, 420)) / 10 if rng.random() < 0.6 else None
    ev = q(kwh * Decimal("0.45")) if kwh else Decimal(0)
    ho9_gross(d, {"20": park + ev})
    c = canvas.Canvas(path, pagesize=(204, 350), invariant=1)
    y = 328

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        if center:
            ho9_centre(c, 102, y, s, size, font)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 194, y, right, size, font, right=True)
        y -= size + 3.5

    line("PARKING SAINT-ROCH", size=10, font="Courier-Bold", center=True)
    for s in ["Parc relais gare - niveaux -1 à -4", "Rue de la République", "34000 MONTPELLIER",
              "Exploitant : PARC'OC SAS"]:
        line(s, size=7, center=True)
    y -= 6
    line("REÇU DE PAIEMENT", size=8.5, font="Courier-Bold", center=True)
    line(f"N° {d.number}")
    line(f"Date   {d.date:%d/%m/%Y}  {hh:02d}:{mm:02d}")
    line(f"Caisse automatique 2  Ticket {rng.randint(100000, 999999)}")
    line("-" * 40)
    line(f"Entrée        {entry:%d/%m/%Y %H:%M}")
    line(f"Sortie avant  {leave:%d/%m/%Y %H:%M}")
    line("Durée         " + (f"{days} j {rest // 60:02d} h {rest % 60:02d} min" if days else
                            f"{rest // 60} h {rest % 60:02d} min"))
    line("-" * 40)
    line("Stationnement horaire", eu(park, " "))
    if kwh:
        line(f"Recharge VE {str(kwh).replace('.', ',')} kWh", eu(ev, " "))
    line("=" * 40)
    line("TOTAL TTC", eu(d.ttc, " ") + " EUR", size=9.5, font="Courier-Bold")
    y -= 3
    line(f"{'Taux':<5}{'HT':>11}{'TVA':>10}{'TTC':>10}", size=7)
    line(f"20,0%{eu(d.ht, ' '):>11}{eu(d.tva, ' '):>10}{eu(d.ttc, ' '):>10}", size=7)
    line("-" * 40)
    line("CB SANS CONTACT", eu(d.ttc, " "))
    line(f"VISA **** **** **** {rng.randint(1000, 9999)}", size=7)
    line(f"AUTO {rng.randint(100000, 999999)}   TRANS {rng.randint(1000000, 9999999)}", size=7)
    y -= 6
    for s in ["Facture détaillée sur parcoc.fr/recu", "PARC'OC SAS - SIRET 829 441 076 00018",
              "TVA intracom. FR 70 829441076", "Bonne route !"]:
        line(s, size=6.5, center=True)
    c.save()


def en_gb_it_credit(d, path, rng):
    """A UK IT reseller's credit note for returned goods: "CREDIT NOTE" top right over label/value rows
    (number, date and tax point, account, the invoice credited and its date, RMA reference, page),
    the customer on the left, the reason for credit, part numbers and prices in pounds with a
    restocking fee deducted, a VAT analysis at the bottom left and right-aligned totals."""
    parts = [("Business laptop 14in i5 16GB 512GB", "NB-14I5-16"), ("24in IPS monitor HDMI/DP", "MON-24IPS"),
             ("USB-C docking station 100W", "DCK-USBC100"), ("1TB NVMe SSD M.2", "SSD-1TNVME"),
             ("Wireless keyboard and mouse set", "KBM-WL-UK"), ("UPS 1500VA line-interactive", "UPS-1500LI"),
             ("Cat6 patch lead 3m, pack of 10", "CAT6-3M-10"), ("Network switch 24-port PoE", "SW-24POE")]
    rng.shuffle(parts)
    lines = [(parts[i], qty, q(unit * 3), "20") for i, (_, qty, unit, _) in enumerate(d.lines)]
    fee = q(lines[0][1] * lines[0][2] * Decimal("0.15"))
    ho9_lines(d, lines + [(("Restocking fee 15% (opened item)", "RESTOCK"), 1, -fee, "20")])
    money = lambda v: ("-" if v < 0 else "") + "£" + us(abs(v))
    c = pen(path)
    txt(c, 50, 795, "KESTREL", 22, "Helvetica-Bold")
    txt(c, 50, 781, "I T   S O L U T I O N S", 8, "Helvetica")
    txt(c, 50, 766, "Unit 7, Thames Valley Park, Reading RG6 1PT", 8, "Helvetica")
    txt(c, 50, 756, "Tel 0118 496 0732  ·  accounts@kestrel-it.co.uk", 8)
    txt(c, 545, 795, "CREDIT NOTE", 18, "Helvetica-Bold", right=True)
    info = [("Credit Note No.", d.number), ("Date / Tax Point", f"{d.date:%d/%m/%Y}"),
            ("Account No.", f"HAR{rng.randint(100, 999)}"), ("Against Invoice", f"SI-{rng.randint(40000, 49999)}"),
            ("Invoice Date", f"{d.before:%d/%m/%Y}"), ("RMA Ref.", f"RMA{rng.randint(10000, 99999)}"),
            ("Page", "1 of 1")]
    for i, (lab, v) in enumerate(info):
        txt(c, 370, 770 - 13 * i, lab, 8.5, "Helvetica")
        txt(c, 545, 770 - 13 * i, v, 8.5, "Helvetica-Bold", right=True)
    txt(c, 50, 720, "Credit to", 8, "Helvetica-Bold")
    for i, s in enumerate(["Harbour & Vale Solicitors LLP", "2nd Floor, 18 Castle Street", "Guildford",
                           "Surrey GU1 3UW"]):
        txt(c, 50, 706 - 12 * i, s, 10 if i == 0 else 9, "Helvetica")
    collected = d.before + (d.date - d.before) / 2
    txt(c, 50, 640, f"Reason for credit: goods returned faulty on arrival, collected by courier on "
                    f"{collected:%d/%m/%Y}.", 8.5, "Helvetica-Oblique")
    y = 612
    c.setFillGray(0.86)
    c.rect(50, y - 5, 495, 17, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(55, "Part No.", False), (135, "Description", False), (360, "Qty", True),
                        (428, "Unit Price", True), (440, "VAT", False), (540, "Net", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for (name, part), qty, unit, _ in d.lines:
        y -= 16
        for x, s, right in [(55, part, False), (135, name, False), (360, str(qty), True),
                            (428, money(unit), True), (443, "S", False), (540, money(q(qty * unit)), True)]:
            txt(c, x, y, s, 8.5, "Helvetica", right=right)
    c.line(50, y - 8, 545, y - 8)
    y -= 30
    rows = [("Total Net Amount", money(d.ht)), ("Carriage", money(Decimal(0))), ("Total VAT Amount", money(d.tva))]
    for i, (lab, v) in enumerate(rows):
        txt(c, 380, y - 15 * i, lab, 9, "Helvetica")
        txt(c, 540, y - 15 * i, v, 9, right=True)
    c.line(380, y - 52, 545, y - 52)
    txt(c, 380, y - 66, "Credit Note Total", 10, "Helvetica-Bold")
    txt(c, 540, y - 66, money(d.ttc), 10, "Helvetica-Bold", right=True)
    txt(c, 55, y, "VAT Analysis", 8.5, "Helvetica-Bold")
    for x, h, right in [(55, "Code", False), (85, "Rate", False), (190, "Net", True), (260, "VAT", True)]:
        txt(c, x, y - 14, h, 8, "Helvetica-Bold", right=right)
    for x, s, right in [(55, "S", False), (85, "20.00%", False), (190, us(d.ht), True), (260, us(d.tva), True)]:
        txt(c, x, y - 27, s, 8, "Helvetica", right=right)
    notes = ["This credit has been allocated to your account and will be offset against your next invoice.",
             "For a refund instead, email accounts@kestrel-it.co.uk quoting your account number.",
             "Returned goods remain subject to our terms of trading, available at kestrel-it.co.uk/terms."]
    for i, s in enumerate(notes):
        txt(c, 50, y - 110 - 11 * i, s, 8, "Helvetica")
    for i, s in enumerate(["Kestrel IT Solutions Ltd · Registered in England and Wales No. 07234519 · "
                           "Registered office: Unit 7, Thames Valley Park, Reading RG6 1PT",
                           "VAT Registration No. GB 284 5519 02 · Lloyds Bank plc · Sort code 30-94-57 · "
                           "Account 21436587"]):
        ho9_centre(c, 297.5, 60 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def de_hotel_rechnung(d, path, rng):
    """A German hotel's invoice to a guest's employer: the hotel's name centred in a serif, the address
    window, an info block (date, room, guest, arrival, departure, booking number, cashier, page), the
    invoice number in the title, the charges day by day with prices including VAT (rooms at 7 %,
    breakfast, garage and minibar at 19 %), the invoice amount settled by card, then a ruled tax
    table near the foot with net, tax and gross per rate and their sums."""
    nights = rng.randint(1, 4)
    arrival = d.date - dt.timedelta(days=nights)
    room = Decimal(rng.randint(89, 179))
    garage = rng.random() < 0.5
    rows, gross = [], defaultdict(Decimal)
    for i in range(nights):
        day = arrival + dt.timedelta(days=i)
        rows.append((day, "Übernachtung Einzelzimmer Komfort", 1, room, "7"))
        rows.append((day + dt.timedelta(days=1), "Frühstücksbuffet", 1, Decimal("19.50"), "19"))
        if garage:
            rows.append((day, "Tiefgarage Stellplatz", 1, Decimal("14.00"), "19"))
    if rng.random() < 0.6:
        rows.append((d.date - dt.timedelta(days=1), "Minibar Getränke", rng.randint(1, 4), Decimal("4.50"), "19"))
    rows.sort(key=lambda r: r[0])
    for _, _, n, price, rate in rows:
        gross[rate] += q(n * price)
    ho9_gross(d, gross)
    c = pen(path)
    ho9_centre(c, 297.5, 800, "Hotel Zum Goldenen Hirsch", 20, "Times-Bold")
    ho9_centre(c, 297.5, 786, "Ihr Haus am Marktplatz seit 1887", 9, "Times-Italic")
    ho9_centre(c, 297.5, 774, "Marktplatz 9 · 97070 Würzburg · Telefon 0931 3547-0 · Telefax 0931 3547-99 · "
                              "info@goldener-hirsch-wuerzburg.de", 7.5, "Helvetica")
    txt(c, 57, 732, "Hotel Zum Goldenen Hirsch · Marktplatz 9 · 97070 Würzburg", 6.5, "Helvetica")
    c.line(57, 729, 245, 729)
    for i, s in enumerate(["Kessler Maschinenbau GmbH", "z. Hd. Herrn Jonas Weber", "Industriestraße 40",
                           "74076 Heilbronn"]):
        txt(c, 57, 712 - 13 * i, s, 10, "Helvetica")
    info = [("Datum", f"{d.date:%d.%m.%Y}"), ("Zimmer", str(rng.randint(101, 348))), ("Gast", "Weber, Jonas"),
            ("Anreise", f"{arrival:%d.%m.%Y}"), ("Abreise", f"{d.date:%d.%m.%Y}"),
            ("Buchungs-Nr.", f"GH{rng.randint(1000000, 9999999)}"), ("Kassierer/in", "S. Hartmann"),
            ("Seite", "1 von 1")]
    for i, (lab, v) in enumerate(info):
        txt(c, 370, 735 - 12 * i, lab, 8.5, "Helvetica")
        txt(c, 455, 735 - 12 * i, v, 8.5, "Helvetica")
    txt(c, 57, 615, f"Rechnung Nr. {d.number}", 13, "Helvetica-Bold")
    txt(c, 57, 592, "Sehr geehrter Herr Weber,", 9.5, "Helvetica")
    txt(c, 57, 579, "vielen Dank für Ihren Aufenthalt in unserem Haus. Für Ihren Besuch berechnen wir Ihnen:", 9.5)
    y = 550
    for x, h, right in [(57, "Datum", False), (120, "Leistung", False), (350, "Anzahl", True),
                        (420, "Einzelpreis", True), (462, "MwSt.", True), (540, "Betrag EUR", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(57, y - 4, 540, y - 4)
    for day, name, n, price, rate in rows:
        y -= 13
        for x, s, right in [(57, f"{day:%d.%m.%y}", False), (120, name, False), (350, str(n), True),
                            (420, eu(price, "."), True), (462, f"{rate} %", True), (540, eu(q(n * price), "."), True)]:
            txt(c, x, y, s, 8.5, "Helvetica", right=right)
    c.line(57, y - 6, 540, y - 6)
    y -= 22
    txt(c, 300, y, "Rechnungsbetrag", 10, "Helvetica-Bold")
    txt(c, 540, y, eu(d.ttc, ".") + " EUR", 10, "Helvetica-Bold", right=True)
    txt(c, 300, y - 15, f"Mastercard ****{rng.randint(1000, 9999)} am {d.date:%d.%m.%Y}", 9, "Helvetica")
    txt(c, 540, y - 15, "-" + eu(d.ttc, "."), 9, right=True)
    txt(c, 300, y - 30, "Offener Saldo", 9)
    txt(c, 540, y - 30, "0,00", 9, right=True)
    y = 190
    txt(c, 57, y + 16, "Enthaltene Mehrwertsteuer", 8.5, "Helvetica-Bold")
    cols = [(57, "MwSt.-Satz", False), (250, "Netto", True), (340, "MwSt.", True), (430, "Brutto", True)]
    c.line(57, y + 11, 440, y + 11)
    for x, h, right in cols:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(57, y - 4, 440, y - 4)
    body = [(f"{r} %", d.base[r], d.vat[r], gross[r]) for r in sorted(d.base, key=Decimal)]
    body.append(("Summe", d.ht, d.tva, d.ttc))
    for i, (lab, net, tax, gr) in enumerate(body):
        yy = y - 15 - 13 * i
        font = "Helvetica-Bold" if lab == "Summe" else "Helvetica"
        if lab == "Summe":
            c.line(57, yy + 9, 440, yy + 9)
        for (x, _, right), s in zip(cols, [lab, eu(net, "."), eu(tax, "."), eu(gr, ".")]):
            txt(c, x, yy, s, 8.5, font, right=right)
    c.line(57, y - 15 - 13 * len(body) + 8, 440, y - 15 - 13 * len(body) + 8)
    notes = ["Leistungszeitraum entspricht dem Aufenthaltszeitraum. Übernachtungsleistungen unterliegen dem",
             "ermäßigten Steuersatz nach § 12 Abs. 2 Nr. 11 UStG, alle übrigen Leistungen dem Regelsteuersatz."]
    for i, s in enumerate(notes):
        txt(c, 57, 100 - 10 * i, s, 7.5, "Helvetica")
    c.line(57, 72, 540, 72)
    for i, s in enumerate(["Goldener Hirsch Hotelbetriebs GmbH · Geschäftsführerin: Anna Riedl · Amtsgericht "
                           "Würzburg HRB 8812 · USt-IdNr. DE 214 556 781",
                           "Sparkasse Mainfranken Würzburg · IBAN DE12 7905 0000 0012 3456 78 · BIC BYLADEM1SWU"]):
        ho9_centre(c, 297.5, 62 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def nl_webshop(d, path, rng):
    """A Dutch online bookshop's invoice to a primary school: the shop's name as a wordmark, its
    registration details stacked at the top right, invoice and delivery addresses side by side, an
    order block (invoice number and date, order number and date, customer number, payment by iDEAL
    and its date, carrier), EAN article numbers and prices including VAT at 9 % (books) and 21 %
    (games, stationery), then right-aligned totals including VAT followed by the amount excluding
    VAT, the VAT per rate with its base and the VAT in total, and the payment received."""
    books = [("Het geheim van de molen (paperback)", "9789044"), ("Atlas van Nederland, editie 2024", "9789001"),
             ("Groenten uit eigen tuin - kookboek", "9789462"), ("De vliegende fiets (leesboek groep 5)", "9789025"),
             ("Woordenboek Nederlands voor de basisschool", "9789066")]
    other = [("Legpuzzel 1000 stukjes Amsterdam", "8710126"), ("Notitieboek A5 gelinieerd", "8714181"),
             ("Bordspel Polderstrijd", "8720077"), ("Kleurpotloden 24 stuks in blik", "8712079")]
    rng.shuffle(books)
    rng.shuffle(other)
    rows, gross = [], defaultdict(Decimal)
    for i in range(rng.randint(3, 6)):
        rate = "9" if i == 0 else "21" if i == 1 else rng.choice(["9", "21"])
        pool = books if rate == "9" else other
        if not pool:
            rate, pool = ("21", other) if rate == "9" else ("9", books)
        name, prefix = pool.pop()
        qty = rng.choice([1, 1, 2, 3, 5, 25, 30]) if rate == "9" else rng.randint(1, 4)
        price = q(Decimal(rng.randint(799, 4999)) / 100)
        rows.append((prefix + f"{rng.randint(100000, 999999)}", name, qty, price, rate))
        gross[rate] += q(qty * price)
    items = sum(gross.values())
    shipping = Decimal(0) if items >= 50 else Decimal("4.95")
    gross["21"] += shipping
    ho9_gross(d, gross)
    money = lambda v: "€ " + eu(v, ".")
    c = pen(path)
    txt(c, 50, 788, "leeshuis", 26, "Helvetica-Bold")
    txt(c, 50 + c.stringWidth("leeshuis", "Helvetica-Bold", 26), 788, ".nl", 26, "Helvetica")
    txt(c, 52, 773, "boeken · spellen · cadeaus", 9, "Helvetica-Oblique")
    for i, s in enumerate(["Het Leeshuis B.V.", "Oudegracht 144", "3511 AZ Utrecht", "klantenservice@leeshuis.nl",
                           "KvK 61234567", "Btw NL854123678B01", "IBAN NL91 ABNA 0417 1643 00"]):
        txt(c, 545, 800 - 10 * i, s, 7.5, "Helvetica-Bold" if i == 0 else "Helvetica", right=True)
    txt(c, 50, 715, "Factuur", 20, "Helvetica-Bold")
    for x, head, lines in [(50, "Factuuradres", ["OBS De Regenboog", "t.a.v. de administratie", "Postbus 1042",
                                                 "3800 BA Amersfoort"]),
                           (200, "Afleveradres", ["OBS De Regenboog", "t.a.v. juf Sanne (groep 5)", "Lindenlaan 12",
                                                  "3817 CE Amersfoort"])]:
        txt(c, x, 685, head, 8, "Helvetica-Bold")
        for i, s in enumerate(lines):
            txt(c, x, 671 - 12 * i, s, 9, "Helvetica")
    order = d.before
    info = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"),
            ("Bestelnummer", f"LH-{rng.randint(1000000, 9999999)}"), ("Besteldatum", f"{order:%d-%m-%Y}"),
            ("Klantnummer", str(rng.randint(200000, 899999))), ("Betaalmethode", "iDEAL"),
            ("Betaald op", f"{order:%d-%m-%Y}"), ("Verzonden met", "PostNL")]
    for i, (lab, v) in enumerate(info):
        txt(c, 370, 700 - 12 * i, lab, 8.5, "Helvetica")
        txt(c, 460, 700 - 12 * i, v, 8.5, "Helvetica-Bold" if i < 2 else "Helvetica")
    y = 575
    for x, h, right in [(50, "Artikelnr.", False), (130, "Omschrijving", False), (375, "Aantal", True),
                        (435, "Stukprijs", True), (470, "Btw", True), (545, "Totaal", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for ean, name, qty, price, rate in rows:
        y -= 16
        for x, s, right in [(50, ean, False), (130, name, False), (375, str(qty), True), (435, money(price), True),
                            (470, f"{rate}%", True), (545, money(q(qty * price)), True)]:
            txt(c, x, y, s, 8.5, "Helvetica", right=right)
    c.line(50, y - 8, 545, y - 8)
    txt(c, 50, y - 22, "Alle prijzen zijn inclusief btw.", 7.5, "Helvetica-Oblique")
    y -= 30
    rows2 = [("Subtotaal artikelen", money(items), "Helvetica"),
             ("Verzendkosten", "gratis" if not shipping else money(shipping), "Helvetica"),
             ("Totaal (incl. btw)", money(d.ttc), "Helvetica-Bold")]
    for i, (lab, v, font) in enumerate(rows2):
        txt(c, 340, y - 15 * i, lab, 9.5, font)
        txt(c, 545, y - 15 * i, v, 9.5, font, right=True)
    y -= 45
    c.line(340, y + 8, 545, y + 8)
    rows3 = [("Bedrag excl. btw", money(d.ht))]
    rows3 += [(f"Btw {r}% over {money(d.base[r])}", money(d.vat[r])) for r in sorted(d.base, key=Decimal)]
    rows3.append(("Btw totaal", money(d.tva)))
    for i, (lab, v) in enumerate(rows3):
        txt(c, 340, y - 5 - 12 * i, lab, 8.5, "Helvetica")
        txt(c, 545, y - 5 - 12 * i, v, 8.5, right=True)
    y -= 5 + 12 * len(rows3) + 8
    txt(c, 340, y, f"Ontvangen via iDEAL op {order:%d-%m-%Y}", 8.5, "Helvetica")
    txt(c, 545, y, "- " + money(d.ttc), 8.5, right=True)
    txt(c, 340, y - 12, "Nog te betalen", 8.5, "Helvetica-Bold")
    txt(c, 545, y - 12, money(Decimal(0)), 8.5, "Helvetica-Bold", right=True)
    for i, s in enumerate(["Retourneren kan binnen 30 dagen na ontvangst via leeshuis.nl/retour.",
                           "Op al onze leveringen zijn onze algemene voorwaarden van toepassing.",
                           "Vragen over je bestelling? Bel 030 - 230 41 17 (ma t/m vr 9.00 - 17.00 uur)."]):
        txt(c, 50, 90 - 10 * i, s, 7.5, "Helvetica")
    c.save()


def es_autonomo_irpf(d, path, rng):
    """A Spanish freelance designer's invoice typed in a serif word-processor template: her name, trade
    and NIF at the top left, "FACTURA" large at the right over number, date and due date, the
    client's box with its CIF, the accepted quote and the delivery date, the concepts, then a ruled
    box at the bottom right: taxable base, VAT at 21 %, total with VAT, the income-tax withholding
    deducted (15 % or 7 %) and the net amount to receive."""
    works = [("Diseño de etiqueta vino tinto crianza", "ud."), ("Adaptación de etiqueta a formato magnum", "ud."),
             ("Ilustración a mano del viñedo", "ud."), ("Maquetación de catálogo", "h"),
             ("Revisión de pruebas de imprenta", "h"), ("Manual de identidad corporativa", "ud.")]
    rng.shuffle(works)
    irpf_rate = rng.choice([15, 7])
    lines = [(works[i], qty, unit, rate) for i, (_, qty, unit, rate) in enumerate(d.lines)]
    ho9_lines(d, lines)
    irpf = q(d.ht * irpf_rate / 100)
    money = lambda v: eu(v, ".") + " €"
    c = pen(path, "Times-Roman")
    txt(c, 50, 792, "Lucía Ferrer Domínguez", 18, "Times-Bold")
    txt(c, 50, 776, "Diseño gráfico e ilustración", 11, "Times-Italic")
    for i, s in enumerate(["NIF 28745219K", "C/ Feria, 74, 2.º B · 41003 Sevilla", "654 218 730 · hola@luciaferrer.es"]):
        txt(c, 50, 760 - 11 * i, s, 9.5, "Times-Roman")
    txt(c, 545, 785, "FACTURA", 28, "Times-Bold", right=True)
    for i, (lab, v) in enumerate([("Número", d.number), ("Fecha", f"{d.date:%d/%m/%Y}"),
                                  ("Vencimiento", f"{d.other:%d/%m/%Y}")]):
        txt(c, 390, 758 - 14 * i, lab, 10, "Times-Italic")
        txt(c, 545, 758 - 14 * i, v, 10, "Times-Roman", right=True)
    c.rect(50, 625, 250, 75)
    txt(c, 58, 688, "FACTURAR A", 8, "Times-Bold")
    for i, s in enumerate(["Bodegas Hermanos Salcedo, S.L.", "CIF B11874532", "Avda. de la Constitución, 12",
                           "11403 Jerez de la Frontera (Cádiz)"]):
        txt(c, 58, 674 - 13 * i, s, 10, "Times-Roman")
    quote = d.before - dt.timedelta(days=rng.randint(10, 30))
    for i, s in enumerate([f"Presupuesto n.º P-{d.date.year % 100}-{rng.randint(1, 99):03d} aceptado el "
                           f"{quote:%d/%m/%Y}", f"Entrega de artes finales: {d.before:%d/%m/%Y}",
                           f"Su pedido: OC-{rng.randint(1000, 9999)}"]):
        txt(c, 330, 674 - 13 * i, s, 10, "Times-Roman")
    y = 570
    for x, h, right in [(50, "Concepto", False), (360, "Cantidad", True), (450, "Precio", True),
                        (545, "Importe", True)]:
        txt(c, x, y, h, 10, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for (name, unit_name), qty, unit, _ in d.lines:
        y -= 18
        for x, s, right in [(50, name, False), (360, f"{qty} {unit_name}", True), (450, money(unit), True),
                            (545, money(q(qty * unit)), True)]:
            txt(c, x, y, s, 10, "Times-Roman", right=right)
    c.line(50, y - 8, 545, y - 8)
    top = y - 40
    c.rect(310, top - 98, 235, 112)
    rows = [("Base imponible", money(d.ht)), ("IVA 21 %", money(d.tva)), ("Total con IVA", money(d.ttc)),
            (f"Retención IRPF {irpf_rate} %", "-" + money(irpf))]
    for i, (lab, v) in enumerate(rows):
        font = "Times-Bold" if i == 2 else "Times-Roman"
        txt(c, 320, top - 18 * i, lab, 10.5, font)
        txt(c, 537, top - 18 * i, v, 10.5, font, right=True)
    c.line(310, top - 66, 545, top - 66)
    txt(c, 320, top - 86, "TOTAL A PERCIBIR", 12, "Times-Bold")
    txt(c, 537, top - 86, money(d.ttc - irpf), 12, "Times-Bold", right=True)
    notes = [f"Forma de pago: transferencia bancaria antes del {d.other:%d/%m/%Y}",
             "IBAN ES76 2100 1234 5602 0012 3456 (CaixaBank)",
             "Retención del IRPF practicada según el art. 101 de la Ley 35/2006."]
    if irpf_rate == 7:
        notes.append("Tipo reducido del 7 % por inicio de actividad profesional.")
    for i, s in enumerate(notes):
        txt(c, 50, top - 130 - 12 * i, s, 9, "Times-Roman")
    txt(c, 50, 60, "Sus datos se tratan conforme al Reglamento (UE) 2016/679 para la gestión de la relación "
                   "comercial.", 7.5, "Times-Italic")
    c.save()


def it_autotrasporti(d, path, rng):
    """An Italian haulier's deferred invoice listing the period's consignments: the firm with P.IVA, REA
    and hauliers' register number top left, the customer with P.IVA and SDI code on the right, a
    ruled header row (document type, number, date, customer code, payment terms, page), one line per
    transport note (date, DDT number, route, pallets, weight, price per pallet, amount) and a fuel
    surcharge, then ruled boxes at the foot: taxable amount, VAT rate, tax, document total, the bank
    receipt's due date and the amount to pay."""
    routes = ["Verona / Modena", "Verona / Bologna Interporto", "Verona / Reggio Emilia", "Verona / Carpi (MO)",
              "Verona / Sassuolo (MO)"]
    trips = sorted((d.before - dt.timedelta(days=rng.randint(0, 25)), rng.choice(routes), qty,
                    qty * rng.randint(350, 900), unit) for _, qty, unit, _ in d.lines)
    ddt = rng.randint(100, 700)
    for i, t in enumerate(trips):
        ddt += rng.randint(3, 40)
        trips[i] = (t[0], f"{ddt}/{t[0]:%y}") + t[1:]
    goods = sum(q(t[3] * t[5]) for t in trips)
    pct = rng.choice(["4.5", "6", "7.5"])
    fuel = q(goods * Decimal(pct) / 100)
    ho9_lines(d, [(t[2], t[3], t[5], "22") for t in trips] + [("gasolio", 1, fuel, "22")])
    end = d.date + dt.timedelta(days=60)
    due = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    c = pen(path)
    txt(c, 40, 800, "AUTOTRASPORTI RINALDI", 16, "Helvetica-Bold")
    txt(c, 40, 787, "di Rinaldi Marco & C. S.n.c.", 9, "Helvetica-Oblique")
    for i, s in enumerate(["Via dell'Industria, 18 - 37135 Verona (VR)",
                           "Tel. 045 820 4471 - amministrazione@rinalditrasporti.it",
                           "P.IVA e C.F. 03418290237 - REA VR-331207", "Albo Autotrasportatori VR/5012874/K"]):
        txt(c, 40, 774 - 10 * i, s, 8, "Helvetica")
    txt(c, 340, 790, "Spett.le", 8, "Helvetica")
    for i, s in enumerate(["LOGIMARK ITALIA S.p.A.", "Via Emilia Ovest, 1420", "41123 Modena (MO)",
                           "P.IVA 02915730366", "Codice destinatario SDI: M5UXCR1"]):
        txt(c, 340, 777 - 12 * i, s, 10 if i == 0 else 9, "Helvetica-Bold" if i == 0 else "Helvetica")
    cols = [40, 150, 250, 320, 385, 510, 555]
    c.rect(40, 672, 515, 30)
    c.line(40, 688, 555, 688)
    for x in cols[1:-1]:
        c.line(x, 672, x, 702)
    heads = ["Tipo documento", "Numero", "Data", "Cod. cliente", "Pagamento", "Pag."]
    vals = ["TD24 Fatt. differita", d.number, f"{d.date:%d/%m/%Y}", f"C{rng.randint(100, 999):05d}",
            "Ri.Ba. 60 gg d.f.f.m.", "1/1"]
    for x, h, v in zip(cols, heads, vals):
        txt(c, x + 4, 692, h, 6.5, "Helvetica")
        txt(c, x + 4, 677, v, 8.5, "Helvetica-Bold")
    txt(c, 40, 652, f"Trasporti eseguiti dal {trips[0][0]:%d/%m/%Y} al {trips[-1][0]:%d/%m/%Y} come da documenti "
                    "di trasporto sotto elencati", 8.5, "Helvetica")
    y = 630
    spec = [(45, "Data", False), (95, "DDT n.", False), (148, "Tratta", False), (330, "Bancali", True),
            (390, "Peso kg", True), (455, "€/bancale", True), (550, "Importo €", True)]
    c.line(40, y + 11, 555, y + 11)
    for x, h, right in spec:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    c.line(40, y - 5, 555, y - 5)
    for day, ddt, route, qty, kg, unit in trips:
        y -= 15
        for (x, _, right), s in zip(spec, [f"{day:%d/%m/%Y}", ddt, route, str(qty), f"{kg:,}".replace(",", "."),
                                           eu(unit, "."), eu(q(qty * unit), ".")]):
            txt(c, x, y, s, 8.5, "Helvetica", right=right)
    y -= 15
    txt(c, 148, y, f"Adeguamento costo gasolio {pct.replace('.', ',')} % su {eu(goods, '.')}", 8.5, "Helvetica")
    txt(c, 550, y, eu(fuel, "."), 8.5, right=True)
    c.line(40, y - 7, 555, y - 7)
    cells = [40, 165, 255, 320, 420, 555]
    c.rect(40, 175, 515, 32)
    c.line(40, 192, 555, 192)
    for x in cells[1:-1]:
        c.line(x, 175, x, 207)
    for x, h, v in zip(cells, ["Totale imponibile", "Aliquota IVA", "Esigibilità", "Imposta", "Totale documento"],
                       ["€ " + eu(d.ht, "."), "22 %", "I (immediata)", "€ " + eu(d.tva, "."), "€ " + eu(d.ttc, ".")]):
        txt(c, x + 4, 196, h, 6.5, "Helvetica")
        txt(c, x + 4, 180, v, 9, "Helvetica-Bold" if h == "Totale documento" else "Helvetica")
    c.rect(40, 135, 515, 32)
    c.line(40, 152, 555, 152)
    c.line(320, 135, 320, 167)
    txt(c, 44, 156, "Scadenze", 6.5, "Helvetica")
    txt(c, 44, 140, f"{due:%d/%m/%Y}   € {eu(d.ttc, '.')}   Ri.Ba.", 9, "Helvetica")
    txt(c, 324, 156, "Netto a pagare", 6.5, "Helvetica")
    txt(c, 549, 139, "€ " + eu(d.ttc, "."), 11, "Helvetica-Bold", right=True)
    for i, s in enumerate(["Appoggio bancario: Banco BPM, filiale Verona Z.A.I. - ABI 05034 CAB 11750",
                           "Il vettore dichiara di essere in regola con gli obblighi retributivi, previdenziali e "
                           "assicurativi (art. 83-bis D.L. 112/2008).",
                           "Copia di cortesia: la fattura elettronica è stata trasmessa tramite SdI e resta "
                           "disponibile nell'area riservata dell'Agenzia delle Entrate."]):
        txt(c, 40, 115 - 10 * i, s, 7, "Helvetica")
    c.save()


# ---- layouts added for held-out set 10 (session 11) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a bakery wholesaler's monthly invoice to restaurants, a software
# subscription's invoice in a minimal style, an alarm company's credit note), an Irish IT
# consultancy, a German tax adviser's fee invoice, a Dutch supermarket till receipt, a Spanish
# hardware wholesaler and an Italian food wholesaler. HELD_OUT_10: drawn in session 11, scored only
# as a table of its own in that session; inspected in session 12.

def reprice_h10(d, base):
    """Sets the bases per rate (after discounts or extra charges) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items()})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def fr_viennoiserie_chr(d, path, rng):
    """A French bakery wholesaler's monthly invoice to a restaurant: the delivery notes of the month
    line by line (date and number of each), bread and pastry at 5,5 % and confectionery or packaging
    at 20 % under a VAT code, then a ruled grid at the foot of the page with the VAT per code and a
    row of totals, the LCR due date and the legal mentions."""
    names = {"5.5": ["Baguette tradition 250 g (x 40)", "Croissant pur beurre cru 60 g (x 50)",
                     "Pain de mie sans croûte 1 kg", "Tarte fine aux pommes Ø 28 cm"],
             "20": ["Confiseries assorties, boîte 1 kg", "Nougat tendre, barre 500 g",
                    "Sachets kraft imprimés (x 1000)", "Location vitrine réfrigérée"]}
    code = {"5.5": "1", "20": "2"}
    c = pen(path)
    txt(c, 50, 805, "Le Fournil du Val de Saône", 17, "Helvetica-Bold")
    txt(c, 50, 791, "Boulangerie · Pâtisserie · Viennoiserie — Vente aux professionnels (CHR)", 8.5,
        "Helvetica-Oblique")
    for i, s in enumerate(["ZA des Bouchardes – 4 allée des Meuniers", "71680 CRÊCHES-SUR-SAÔNE",
                           "Tél. 03 85 37 14 90 – commandes@fournil-valdesaone.fr"]):
        txt(c, 50, 777 - 10 * i, s, 8, "Helvetica")
    c.setLineWidth(1.2)
    c.rect(370, 745, 175, 62)
    c.setLineWidth(1)
    txt(c, 380, 790, "FACTURE", 14, "Helvetica-Bold")
    txt(c, 380, 773, f"N° {d.number}", 10, "Helvetica-Bold")
    txt(c, 380, 758, f"du {d.date:%d/%m/%Y}", 10, "Helvetica")
    client = rng.randint(100, 899)
    txt(c, 370, 725, f"Code client : C{client:04d}   Tournée n° {rng.randint(1, 6)}", 8, "Helvetica")
    for i, s in enumerate(["BRASSERIE DU PORT", "M. et Mme Perrault", "2 quai Lamartine", "71000 MÂCON"]):
        txt(c, 370, 708 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    first = d.before - dt.timedelta(days=24)
    txt(c, 50, 645, f"Relevé des livraisons du {first:%d/%m/%Y} au {d.before:%d/%m/%Y}", 9.5, "Helvetica-Bold")
    y = 620
    c.setFillGray(0.88)
    c.rect(50, y - 4, 495, 14, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Date BL", False), (100, "N° BL", False), (150, "Désignation", False),
                        (370, "Qté", True), (430, "P.U. HT €", True), (455, "TVA", False),
                        (541, "Montant HT €", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    n = defaultdict(int)
    bl = rng.randint(2000, 8000)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 15
        day = first + dt.timedelta(days=6 * i + rng.randint(0, 5))
        txt(c, 54, y, f"{day:%d/%m}", 8.5, "Helvetica")
        txt(c, 100, y, f"{bl + 7 * i}", 8.5)
        txt(c, 150, y, names[rate][n[rate]], 8.5)
        n[rate] += 1
        txt(c, 370, y, str(qty), 8.5, right=True)
        txt(c, 430, y, eu(unit, " "), 8.5, right=True)
        txt(c, 462, y, code[rate], 8.5)
        txt(c, 541, y, eu(q(qty * unit), " "), 8.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    txt(c, 50, y - 20, f"{len(d.lines)} bons de livraison – reprise des caisses consignées : néant", 8,
        "Helvetica-Oblique")
    # Foot grid: VAT per code on the left, totals on the right.
    top = 215
    c.rect(50, top - 60, 230, 74)
    c.line(50, top - 4, 280, top - 4)
    for x, h in [(58, "Code"), (92, "Taux"), (190, "Base HT"), (272, "Montant TVA")]:
        txt(c, x, top, h, 8, "Helvetica-Bold", right=x > 100)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = top - 18 - 14 * i
        txt(c, 58, yy, code[r], 8.5, "Helvetica")
        txt(c, 92, yy, fmt(r), 8.5)
        txt(c, 190, yy, eu(d.base[r], " "), 8.5, right=True)
        txt(c, 272, yy, eu(d.vat[r], " "), 8.5, right=True)
    heads = ["Total HT", "Total TVA", "Total TTC", "Net à payer"]
    vals = [d.ht, d.tva, d.ttc, d.ttc]
    w = 65
    for i, (h, v) in enumerate(zip(heads, vals)):
        x = 285 + w * i
        c.rect(x, top - 34, w, 48)
        if i == 3:
            c.setFillGray(0.88)
            c.rect(x, top - 4, w, 18, stroke=0, fill=1)
            c.setFillGray(0)
        txt(c, x + w / 2 - c.stringWidth(h, "Helvetica-Bold", 8) / 2, top + 1, h, 8, "Helvetica-Bold")
        txt(c, x + w - 5, top - 25, eu(v, " ") + " €", 8.5, "Helvetica-Bold" if i == 3 else "Helvetica",
            right=True)
    txt(c, 285, top - 52, f"Échéance : {d.other:%d/%m/%Y} – règlement par LCR directe", 8.5, "Helvetica-Bold")
    txt(c, 285, top - 64, "Domiciliation : Crédit Agricole Centre-Est, RIB 17806 00410 04512378900 52", 7.5,
        "Helvetica")
    for i, s in enumerate(["Pas d'escompte pour paiement anticipé. Tout retard de paiement entraîne des pénalités "
                           "égales à trois fois le taux d'intérêt légal",
                           "et une indemnité forfaitaire de 40 € pour frais de recouvrement (C. com. art. L441-10). "
                           "Marchandises payables à Crêches-sur-Saône.",
                           "SAS Le Fournil du Val de Saône au capital de 60 000 € – RCS Mâcon 821 447 036 – "
                           "SIRET 821 447 036 00018 – NAF 1071B – TVA FR 64 821447036"]):
        txt(c, 50, 100 - 9 * i, s, 6.5, "Helvetica")
    txt(c, 545, 60, "Page 1/1", 7, "Helvetica", right=True)
    c.save()


MONTHS_SHORT_FR_H10 = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                       "déc."]


def fr_saas_minimal(d, path, rng):
    """A French software-as-a-service invoice in a sparse modern style: small grey labels, the
    issue date as a long date, the amount with "payée le" in large type, lines with their service
    period, a launch discount, the totals stacked at the right ending with the amount paid and
    nothing left to pay."""
    names = ["Forfait Équipe – par utilisateur", "Module notes de frais", "Stockage supplémentaire 100 Go",
             "Connecteur bancaire (synchronisation)"]
    sub = d.ht
    disc = q(sub * Decimal("0.15"))
    reprice_h10(d, {"20": sub - disc})

    def short(day):
        return f"{day.day} {MONTHS_SHORT_FR_H10[day.month - 1]} {day.year}"

    start = d.date.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    paid = d.date + dt.timedelta(days=rng.randint(0, 2))
    grey = 0.45
    c = pen(path)

    def label(x, y, s, right=False):
        c.setFillGray(grey)
        txt(c, x, y, s, 8, "Helvetica", right=right)
        c.setFillGray(0)

    txt(c, 50, 790, "Facture", 22, "Helvetica-Bold")
    txt(c, 545, 795, "tilleul", 16, "Helvetica-Bold", right=True)
    label(545, 783, "logiciel de gestion pour cabinets", right=True)
    kv = [("Numéro de facture", d.number), ("Date d'émission", long_date(d.date, "fr")),
          ("Date d'échéance", long_date(d.date, "fr")), ("Identifiant client", f"cus_{rng.randint(10 ** 7, 10 ** 8)}")]
    for i, (k, v) in enumerate(kv):
        label(50, 755 - 14 * i, k)
        txt(c, 150, 755 - 14 * i, v, 9, "Helvetica")
    blocks = [(50, ["Tilleul Logiciels SAS", "18 rue Kervégan", "44000 Nantes", "France", "facturation@tilleul.app"]),
              (230, ["Facturé à", "Cabinet Rousseau Avocats", "9 cours Franklin Roosevelt", "69006 Lyon",
                     "TVA FR 41 798345112"])]
    for x, rows in blocks:
        for i, s in enumerate(rows):
            if x == 230 and i == 0:
                label(x, 682, s)
            else:
                txt(c, x, 682 - 12 * i, s, 9, "Helvetica-Bold" if i == 0 or (x == 230 and i == 1) else "Helvetica")
    txt(c, 50, 600, f"{eu(d.ttc, ' ')} € payée le {long_date(paid, 'fr')}", 15, "Helvetica-Bold")
    label(50, 586, f"Prélevée sur la carte Visa se terminant par {rng.randint(1000, 9999)}, "
                   "aucune action n'est requise de votre part.")
    y = 548
    for x, h, right in [(50, "Description", False), (350, "Qté", True), (435, "Prix unitaire", True),
                        (480, "TVA", True), (545, "Montant HT", True)]:
        label(x, y, h, right=right)
    c.setStrokeGray(0.7)
    c.line(50, y - 6, 545, y - 6)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 18
        txt(c, 50, y, names[i], 9, "Helvetica")
        label(50, y - 10, f"{short(start)} – {short(end)}")
        txt(c, 350, y, str(qty), 9, "Helvetica", right=True)
        txt(c, 435, y, eu(unit, " ") + " €", 9, right=True)
        txt(c, 480, y, "20 %", 9, right=True)
        txt(c, 545, y, eu(q(qty * unit), " ") + " €", 9, right=True)
        y -= 10
    c.line(50, y - 8, 545, y - 8)
    rows = [("Sous-total", eu(sub, " ") + " €", False),
            ("Remise LANCEMENT (15 %)", "-" + eu(disc, " ") + " €", False),
            ("Total hors taxes", eu(d.ht, " ") + " €", False),
            (f"TVA 20 % (sur {eu(d.ht, ' ')} €)", eu(d.tva, " ") + " €", False),
            ("Total TTC", eu(d.ttc, " ") + " €", True),
            (f"Payé le {paid:%d/%m/%Y}", "-" + eu(d.ttc, " ") + " €", False),
            ("Reste à payer", "0,00 €", True)]
    yy = y - 28
    for i, (a, v, bold) in enumerate(rows):
        if i in (4, 6):
            c.line(330, yy + 12, 545, yy + 12)
        txt(c, 330, yy, a, 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, yy, v, 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
        yy -= 17
    c.setStrokeGray(0)
    label(50, 90, "Tilleul Logiciels SAS au capital de 12 500 € · RCS Nantes 901 234 567 · "
                  "SIRET 901 234 567 00014 · TVA FR 23 901234567")
    label(50, 79, "Des questions ? Écrivez-nous à facturation@tilleul.app ou consultez votre espace "
                  "Paramètres › Facturation.")
    label(545, 60, "Page 1 sur 1", right=True)
    c.save()


def fr_avoir_telesurveillance(d, path, rng):
    """A French alarm and remote-monitoring company's credit note in a serif font: the credit
    note's number and date under the letterhead, the invoice and the contract it refers to, the
    reason, credited lines, and the totals in a grey column down the right of the page, with how
    the credit will be used."""
    names = ["Abonnement télésurveillance (prorata)", "Maintenance préventive non réalisée",
             "Location détecteur volumétrique", "Frais de levée de doute facturés à tort"]
    c = pen(path, "Times-Roman")
    c.setFillGray(0.9)
    c.rect(420, 0, 175, 842, stroke=0, fill=1)
    c.setFillGray(0)
    txt(c, 50, 800, "VIGILIS Protection", 19, "Times-Bold")
    txt(c, 50, 786, "Télésurveillance · Alarmes · Vidéoprotection", 9.5, "Times-Italic")
    for i, s in enumerate(["140 avenue de la République", "59110 LA MADELEINE", "Tél. 03 20 55 71 08",
                           "Autorisation CNAPS AUT-059-2117-03-08-20180398712"]):
        txt(c, 50, 771 - 11 * i, s, 8.5, "Times-Roman")
    txt(c, 50, 705, f"AVOIR N° {d.number}", 15, "Times-Bold")
    txt(c, 50, 688, f"Date de l'avoir : {d.date:%d/%m/%Y}", 10.5, "Times-Roman")
    ref = f"FV{d.before:%y%m}{rng.randint(100, 999)}"
    txt(c, 50, 660, f"Facture d'origine : {ref} du {d.before:%d/%m/%Y}", 9.5, "Times-Roman")
    txt(c, 50, 647, f"Contrat de télésurveillance n° TS-{rng.randint(10000, 99999)} – "
                    f"Site : entrepôt, 12 rue Pasteur, Roubaix", 9.5)
    off = d.before - dt.timedelta(days=rng.randint(20, 40))
    txt(c, 50, 628, f"Motif : interruption de la liaison du {off:%d/%m/%Y} au "
                    f"{off + dt.timedelta(days=9):%d/%m/%Y}, geste commercial.", 9.5, "Times-Italic")
    y = 595
    for x, h, right in [(50, "Désignation", False), (275, "Qté", True), (335, "P.U. HT", True),
                        (405, "Crédité HT", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(50, y - 4, 405, y - 4)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 15
        txt(c, 50, y, names[i], 9, "Times-Roman")
        txt(c, 275, y, str(qty), 9, right=True)
        txt(c, 335, y, eu(unit, " "), 9, right=True)
        txt(c, 405, y, eu(q(qty * unit), " "), 9, right=True)
    c.line(50, y - 6, 405, y - 6)
    txt(c, 50, y - 30, "Montants exprimés en euros.", 8.5, "Times-Italic")
    for i, s in enumerate(["VILLE DE ROUBAIX", "Direction du patrimoine", "Grand'Place – CS 70737",
                           "59066 ROUBAIX CEDEX 1"]):
        txt(c, 432, 760 - 12 * i, s, 9.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 432, 690, f"Client n° {rng.randint(300000, 399999)}", 9, "Times-Roman")
    txt(c, 432, 610, "RÉCAPITULATIF", 11, "Times-Bold")
    c.line(432, 604, 583, 604)
    items = [("Total HT", d.ht, 11), ("TVA 20 %", d.tva, 11), ("Total TTC de l'avoir", d.ttc, 14)]
    yy = 585
    for lab, v, size in items:
        txt(c, 432, yy, lab, 9.5, "Times-Roman" if size == 11 else "Times-Bold")
        txt(c, 583, yy - 16, eu(v, " ") + " €", size, "Times-Bold", right=True)
        yy -= 44
    for i, s in enumerate(["Ce montant sera déduit de", "votre prochaine échéance", "trimestrielle."]):
        txt(c, 432, yy - 6 - 11 * i, s, 8.5, "Times-Italic")
    txt(c, 50, 80, "VIGILIS Protection SARL au capital de 30 000 € – RCS Lille Métropole 492 816 305 – "
                   "SIRET 492 816 305 00031", 6.5, "Times-Roman")
    txt(c, 50, 71, "TVA intracommunautaire FR 72 492816305 – APE 8020Z – L'autorisation d'exercice ne confère "
                   "aucune prérogative de puissance publique.", 6.5)
    c.save()


def en_ie_it_consulting(d, path, rng):
    """An Irish IT consultancy's invoice: the firm top left with its CRO and VAT numbers, "INVOICE"
    and a details block on the right (date as 05 March 2024), consultant days at a day rate, a
    boxed totals block at 23 % followed by a retainer already received and the balance due, and
    the bank details."""
    jobs = ["Cloud migration – senior consultant (days)", "Landing zone design & review (days)",
            "Project management (days)", "Security hardening workshop (days)"]
    c = pen(path)
    txt(c, 50, 805, "Quayside Digital Consulting Ltd", 15, "Helvetica-Bold")
    for i, s in enumerate(["3rd Floor, 25 Sir John Rogerson's Quay", "Dublin 2, D02 X576, Ireland",
                           "+353 1 672 4410 · accounts@quaysidedigital.ie", "CRO 612734 · VAT IE 3456789WH"]):
        txt(c, 50, 790 - 11 * i, s, 8.5, "Helvetica")
    txt(c, 545, 805, "INVOICE", 18, "Helvetica-Bold", right=True)
    kv = [("Invoice number", d.number), ("Invoice date", f"{d.date:%d %B %Y}"),
          ("Purchase order", f"4500{rng.randint(100000, 999999)}"), ("Engagement", f"QD-{rng.randint(200, 499)}"),
          ("Terms", "Net 30 days")]
    for i, (k, v) in enumerate(kv):
        txt(c, 360, 782 - 13 * i, k, 8.5, "Helvetica")
        txt(c, 545, 782 - 13 * i, v, 8.5, "Helvetica-Bold" if i < 2 else "Helvetica", right=True)
    txt(c, 50, 720, "INVOICE TO", 7.5, "Helvetica-Bold")
    for i, s in enumerate(["Liffey Freight Services DAC", "Attn: Accounts Payable",
                           "Unit 9, Ballycoolin Business Park", "Dublin 15, D15 K2P8"]):
        txt(c, 50, 707 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    month = d.before.replace(day=1)
    txt(c, 50, 645, f"Professional services for the period {month:%d %B %Y} to {d.before:%d %B %Y}", 9.5,
        "Helvetica")
    y = 615
    c.line(50, y + 12, 545, y + 12)
    for x, h, right in [(50, "Description", False), (360, "Days", True), (450, "Day rate", True),
                        (545, "Amount", True)]:
        txt(c, x, y, h, 9, "Helvetica-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 16
        txt(c, 50, y, jobs[i], 9, "Helvetica")
        txt(c, 360, y, f"{qty}.0", 9, right=True)
        txt(c, 450, y, "€" + us(unit), 9, right=True)
        txt(c, 545, y, "€" + us(q(qty * unit)), 9, right=True)
    c.line(50, y - 7, 545, y - 7)
    retainer = Decimal(int(d.ttc * Decimal("0.3") / 50) * 50)
    rows = [("Total excluding VAT", d.ht, False), ("VAT @ 23%", d.tva, False), ("Invoice total", d.ttc, True)]
    if retainer:
        rows += [(f"Less retainer received {d.before - dt.timedelta(days=40):%d/%m/%Y}", -retainer, False),
                 ("Balance due", d.ttc - retainer, True)]
    top = y - 35
    c.rect(300, top - 16 * len(rows) + 8, 245, 16 * len(rows) + 8)
    for i, (a, v, bold) in enumerate(rows):
        txt(c, 308, top - 16 * i, a, 9, "Helvetica-Bold" if bold else "Helvetica")
        s = ("-€" if v < 0 else "€") + us(abs(v))
        txt(c, 537, top - 16 * i, s, 9.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y = top - 16 * len(rows) - 30
    for i, s in enumerate([f"Payment due by {d.other:%d %B %Y}. Please quote the invoice number with your payment.",
                           "AIB Bank, 7/12 Dame Street, Dublin 2 · IBAN IE29 AIBK 9311 5212 3456 78 · BIC AIBKIE2D",
                           "Thank you for your business."]):
        txt(c, 50, y - 12 * i, s, 8.5, "Helvetica")
    txt(c, 50, 62, "Quayside Digital Consulting Ltd · Registered in Ireland No. 612734 · Registered office as above · "
                   "Directors: A. Byrne, C. Walsh", 7, "Helvetica")
    c.save()


def de_stb_gebuehren(d, path, rng):
    """A German tax adviser's fee invoice as a letter: the window address, "Hannover, <long date>"
    on the right, the subject "Gebührenrechnung Nr. ...", fees per the StBVV with the object value
    and rate, the postage flat fee, the totals stacked right-aligned with a double rule, payment
    request, signature and the chamber and tax numbers at the foot."""
    fees = [("Einkommensteuererklärung", "§ 24 Abs. 1 Nr. 1", "3/10"),
            ("Einkünfte aus Vermietung und Verpachtung", "§ 27 Abs. 1", "4/20"),
            ("Lohnbuchführung (je Arbeitnehmer und Monat)", "§ 34 Abs. 2", "–"),
            ("Beratung zur Gestaltung der Nachfolge (Zeitgebühr)", "§ 13", "–")]
    post = Decimal("20.00")
    reprice_h10(d, {"19": d.ht + post})
    c = pen(path, "Times-Roman")
    txt(c, 545, 805, "Dr. Hartmann & Kollegen", 16, "Times-Bold", right=True)
    txt(c, 545, 791, "Steuerberatungsgesellschaft mbH", 10, "Times-Italic", right=True)
    for i, s in enumerate(["Georgstraße 38", "30159 Hannover", "Telefon 0511 32 66 80", "kanzlei@hartmann-stb.de"]):
        txt(c, 545, 776 - 11 * i, s, 8.5, "Times-Roman", right=True)
    txt(c, 50, 745, "Dr. Hartmann & Kollegen StBG mbH · Georgstraße 38 · 30159 Hannover", 7, "Times-Roman")
    c.line(50, 742, 290, 742)
    for i, s in enumerate(["Herrn", "Thomas Albers", "Tischlerei Albers", "Am Lindener Hafen 7", "30453 Hannover"]):
        txt(c, 50, 726 - 13 * i, s, 10.5, "Times-Roman")
    txt(c, 545, 670, f"Mandanten-Nr. {rng.randint(10000, 19999)}", 9, "Times-Roman", right=True)
    txt(c, 545, 657, f"Hannover, {long_date(d.date, 'de')}", 10.5, "Times-Roman", right=True)
    txt(c, 50, 620, f"Gebührenrechnung Nr. {d.number}", 12.5, "Times-Bold")
    q1 = d.before.replace(day=1)
    txt(c, 50, 598, "Sehr geehrter Herr Albers,", 10.5, "Times-Roman")
    txt(c, 50, 582, f"für unsere Tätigkeit im Zeitraum {q1:%d.%m.%Y} bis {d.before:%d.%m.%Y} berechnen wir Ihnen "
                    "nach der Steuerberatervergütungs-", 10.5)
    txt(c, 50, 568, "verordnung (StBVV):", 10.5)
    y = 540
    for x, h, right in [(50, "Pos.", False), (75, "Tätigkeit / Vorschrift", False), (390, "Gegenstandswert", True),
                        (430, "Satz", False), (545, "Betrag €", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 14
        name, law, rate = fees[i]
        value = f"{rng.randint(8, 180) * 500:,}".replace(",", ".") + ",00 €" if rate != "–" else f"{qty} × {eu(unit)}"
        txt(c, 50, y, f"{i + 1}.", 9.5, "Times-Roman")
        txt(c, 75, y, name, 9.5)
        txt(c, 390, y, value, 9.5, right=True)
        txt(c, 430, y, rate, 9.5)
        txt(c, 545, y, eu(q(qty * unit)), 9.5, right=True)
        y -= 12
        txt(c, 75, y, law + " StBVV", 8.5, "Times-Italic")
    y -= 16
    txt(c, 50, y, f"{len(d.lines) + 1}.", 9.5, "Times-Roman")
    txt(c, 75, y, "Entgelte für Post- und Telekommunikationsdienstleistungen, Pauschale § 16 StBVV", 9.5)
    txt(c, 545, y, eu(post), 9.5, right=True)
    c.line(330, y - 8, 545, y - 8)
    rows = [("Summe Gebühren und Auslagen", d.ht, "Times-Roman"), ("zuzüglich 19 % Umsatzsteuer", d.tva, "Times-Roman"),
            ("Rechnungsbetrag", d.ttc, "Times-Bold")]
    yy = y - 24
    for a, v, f in rows:
        txt(c, 330, yy, a, 10.5, f)
        txt(c, 545, yy, eu(v) + " €", 10.5, f, right=True)
        yy -= 16
    c.line(450, yy + 10, 545, yy + 10)
    c.line(450, yy + 8, 545, yy + 8)
    yy -= 14
    for i, s in enumerate([f"Bitte überweisen Sie den Rechnungsbetrag bis zum {d.other:%d.%m.%Y} unter Angabe der "
                           "Rechnungsnummer auf unser unten", "genanntes Konto.", "",
                           "Mit freundlichen Grüßen", "", "Dr. Marion Hartmann", "Steuerberaterin"]):
        txt(c, 50, yy - 13 * i, s, 10.5, "Times-Italic" if i == 5 else "Times-Roman")
    c.line(50, 92, 545, 92)
    for i, s in enumerate(["Sitz Hannover · Amtsgericht Hannover HRB 61234 · Geschäftsführerin: Dr. Marion Hartmann",
                           "Zuständige Kammer: Steuerberaterkammer Niedersachsen · Steuer-Nr. 25/206/12345 · "
                           "USt-IdNr. DE 812 345 678",
                           "Sparkasse Hannover · IBAN DE41 2505 0180 0900 1234 56 · BIC SPKHDE2HXXX"]):
        txt(c, 297.5 - c.stringWidth(s, "Times-Roman", 7.5) / 2, 80 - 10 * i, s, 7.5, "Times-Roman")
    c.save()


def nl_supermarkt_bon(d, path, rng):
    """A Dutch neighbourhood supermarket's till receipt: prices with btw, a bonus discount, "TOTAAL"
    and the PIN payment, a btw table with the amounts excluding btw per rate and a total row, the
    PIN slip, then the till, cashier and receipt number at the foot."""
    food = ["HALFVOLLE MELK 1L", "VOLKORENBROOD HEEL", "GOUDSE KAAS BLOK", "APPELS ELSTAR 1KG"]
    other = ["PILS 6X30CL", "AFWASMIDDEL 500ML", "TANDPASTA 75ML", "WC-PAPIER 8 ROL"]
    rows, ttc = [], defaultdict(Decimal)
    bonus_done = False
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        each = q(unit / 30 * (100 + Decimal(rate)) / 100)
        amount = q(qty * each)
        ttc[rate] += amount
        bonus = None
        if qty >= 2 and not bonus_done:
            bonus = q(amount * Decimal("0.25"))
            ttc[rate] -= bonus
            bonus_done = True
        rows.append(((food if rate == "9" else other)[i], qty, each, amount, bonus))
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in ttc.items()})
    d.vat = {r: ttc[r] - d.base[r] for r in ttc}
    d.ht, d.tva, d.ttc = sum(d.base.values()), sum(d.vat.values()), sum(ttc.values())
    hh, mm = rng.randint(8, 21), rng.randint(0, 59)
    height = 445 + 16 * len(rows)
    c = canvas.Canvas(path, pagesize=(230, height), invariant=1)
    y = height - 28

    def line(s, right=None, size=8, font="Helvetica", center=False):
        nonlocal y
        c.setFont(font, size)
        if center:
            c.drawCentredString(115, y, s)
        else:
            c.drawString(12, y, s)
        if right is not None:
            c.drawRightString(218, y, right)
        y -= size + 3.5

    line("BUURTSUPER VAN DER MEULEN", size=10, font="Helvetica-Bold", center=True)
    for s in ["Lange Nieuwstraat 42", "3512 PJ Utrecht", "Tel. 030 - 231 44 55"]:
        line(s, size=7.5, center=True)
    y -= 8
    c.setFont("Helvetica-Bold", 7)
    c.drawString(12, y, "AANTAL  OMSCHRIJVING")
    c.drawRightString(170, y, "PRIJS")
    c.drawRightString(218, y, "BEDRAG")
    y -= 11
    for name, qty, each, amount, bonus in rows:
        c.setFont("Helvetica", 7.5)
        c.drawString(12, y, str(qty))
        c.drawString(34, y, name)
        c.drawRightString(170, y, eu(each) if qty > 1 else "")
        c.drawRightString(218, y, eu(amount))
        y -= 10.5
        if bonus:
            line("        BONUS 25% KORTING", "-" + eu(bonus), size=7)
    line("-" * 52, size=7)
    line(f"{sum(r[1] for r in rows)} ARTIKELEN", size=7.5)
    line("TOTAAL", eu(d.ttc), size=11, font="Helvetica-Bold")
    y -= 2
    line("PINNEN", eu(d.ttc))
    line("U BESPAARDE", eu(sum(r[4] or 0 for r in rows)), size=7.5)
    y -= 8
    c.setFont("Helvetica-Bold", 7)
    for x, h in [(12, "BTW"), (110, "OVER"), (160, "BTW"), (218, "INCL")]:
        (c.drawString if x == 12 else c.drawRightString)(x, y, h)
    y -= 10
    c.setFont("Helvetica", 7.5)
    for r in sorted(ttc, key=Decimal):
        c.drawString(12, y, f"{r}%")
        for x, v in [(110, d.base[r]), (160, d.vat[r]), (218, ttc[r])]:
            c.drawRightString(x, y, eu(v))
        y -= 10
    c.setFont("Helvetica-Bold", 7.5)
    c.drawString(12, y, "TOTAAL")
    for x, v in [(110, d.ht), (160, d.tva), (218, d.ttc)]:
        c.drawRightString(x, y, eu(v))
    y -= 22
    for s in ["Klantticket", f"Terminal   {rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Merchant   {rng.randint(100000, 999999)}",
              f"Periode    {rng.randint(4000, 4999)}", f"Transactie {rng.randint(10 ** 7, 10 ** 8 - 1)}",
              "Maestro", f"(A0000000043060)    Kaart xxxxxxxxxxxxxxx{rng.randint(1000, 9999)}",
              f"BETALING    Datum {d.date:%d-%m-%Y} {hh:02d}:{mm:02d}", f"Autorisatiecode {rng.randint(100000, 999999)}",
              f"Totaal {eu(d.ttc)} EUR", "Akkoord"]:
        line(s, size=7, font="Courier")
    y -= 8
    line(f"{d.date:%d-%m-%Y}   {hh:02d}:{mm:02d}   KASSA 3   KASSIER 17", size=7.5)
    line(f"BONNR. {d.number}", size=7.5, font="Helvetica-Bold")
    y -= 4
    line("Ruilen binnen 14 dagen met kassabon.", size=7, center=True)
    line("Bedankt en tot ziens!", size=7.5, font="Helvetica-Bold", center=True)
    c.save()


def es_ferreteria_albaran(d, path, rng):
    """A Spanish hardware wholesaler's invoice from a fixed-pitch ERP print: a boxed header with
    number, date, customer code and "Página 1 de 1", the delivery note the lines come from, a
    discount per line, and the classic ruled table at the foot (bruto, discount, base, % IVA, cuota,
    TOTAL FACTURA), then the due date of the direct debit and the registry data."""
    items = [("TOR-0612", "Tornillo rosca chapa 6x60 caja 200u"), ("BRO-1045", "Broca SDS-Plus 10x160 mm"),
             ("SIL-0300", "Silicona neutra blanca 300 ml"), ("DIS-2300", "Disco corte inox 230x1,9 mm")]
    dtos = [rng.choice([0, 5, 10, 15, 20]) for _ in d.lines]
    net = [q(qty * unit * (100 - k) / 100) for (_, qty, unit, _), k in zip(d.lines, dtos)]
    gross = d.ht
    reprice_h10(d, {"21": sum(net)})
    c = pen(path, "Courier")
    txt(c, 50, 805, "FERRETERIA Y SUMINISTROS GOMEZ, S.L.", 12, "Courier-Bold")
    for i, s in enumerate(["Pol. Ind. El Pla, Nave 14", "46870 ONTINYENT (Valencia)", "CIF B96123456",
                           "Tel. 962 38 41 00"]):
        txt(c, 50, 791 - 10 * i, s, 8, "Courier")
    c.rect(340, 740, 205, 72)
    txt(c, 350, 798, "FACTURA", 12, "Courier-Bold")
    kv = [("Numero", d.number), ("Fecha", f"{d.date:%d/%m/%Y}"), ("Cod. cliente", f"{rng.randint(4300000, 4309999)}"),
          ("Pagina", "1 de 1")]
    for i, (k, v) in enumerate(kv):
        txt(c, 350, 784 - 12 * i, f"{k:<13}{v}", 8.5, "Courier")
    c.rect(340, 660, 205, 68)
    for i, s in enumerate(["CONSTRUCCIONES ALBAIDA, S.L.", "C/ Mayor 18, bajo", "46860 ALBAIDA (Valencia)",
                           "CIF B46987654"]):
        txt(c, 348, 714 - 12 * i, s, 8.5, "Courier-Bold" if i == 0 else "Courier")
    alb = f"A{rng.randint(10, 99)}/{rng.randint(1000, 9999)}"
    y = 630
    c.line(50, y + 11, 545, y + 11)
    for x, h, right in [(50, "Codigo", False), (120, "Descripcion", False), (365, "Cant.", True),
                        (425, "Precio", True), (470, "Dto%", True), (545, "Importe", True)]:
        txt(c, x, y, h, 8, "Courier-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    y -= 16
    txt(c, 50, y, f"*** Albaran {alb} de fecha {d.before:%d/%m/%Y} - Obra: C/ San Rafael 4 ***", 8, "Courier")
    for i, ((_, qty, unit, _), k, v) in enumerate(zip(d.lines, dtos, net)):
        y -= 13
        code, name = items[i]
        txt(c, 50, y, code, 8, "Courier")
        txt(c, 120, y, name, 8)
        txt(c, 365, y, f"{qty},00", 8, right=True)
        txt(c, 425, y, eu(unit), 8, right=True)
        txt(c, 470, y, f"{k},00" if k else "", 8, right=True)
        txt(c, 545, y, eu(v), 8, right=True)
    # Foot table.
    top = 185
    heads = ["Importe bruto", "Dto.", "Base imponible", "% IVA", "Cuota IVA", "TOTAL FACTURA"]
    vals = [eu(gross), eu(gross - d.ht), eu(d.ht), "21,00", eu(d.tva), eu(d.ttc) + " EUR"]
    widths = [85, 65, 90, 50, 80, 125]
    x = 50
    c.rect(50, top - 30, 495, 46)
    c.line(50, top - 6, 545, top - 6)
    for i, (h, v, w) in enumerate(zip(heads, vals, widths)):
        if i:
            c.line(x, top - 30, x, top + 16)
        bold = i == len(heads) - 1
        txt(c, x + 4, top + 3, h, 7.5, "Courier-Bold")
        txt(c, x + w - 4, top - 22, v, 9.5 if bold else 8.5, "Courier-Bold" if bold else "Courier", right=True)
        x += w
    txt(c, 50, top - 50, "Forma de pago: RECIBO DOMICILIADO 30 DIAS", 8.5, "Courier")
    txt(c, 50, top - 62, f"Vencimiento: {d.other:%d/%m/%Y}   Importe: {eu(d.ttc)}", 8.5, "Courier")
    txt(c, 50, top - 74, "Domiciliacion: ES12 2100 4521 8802 0012 3456", 8.5, "Courier")
    txt(c, 50, 72, "Inscrita en el Registro Mercantil de Valencia, Tomo 5.432, Libro 2.744, Folio 88, Hoja V-45123.",
        6.5, "Courier")
    txt(c, 50, 63, "Sus datos se tratan conforme al RGPD (UE) 2016/679 para la gestion de la relacion comercial.",
        6.5)
    c.save()


def it_grossista_alimentari(d, path, rng):
    """An Italian food wholesaler's deferred invoice to a trattoria in a serif font: the supplier
    top left with capital and REA, the customer boxed on the right with its SDI code, a row of
    header cells (document type, number, date, customer code, payment), lines grouped under their
    DDT at 4, 10 and 22 %, a VAT summary and the totals in boxes side by side at the foot, with the
    due date of the bank receipt."""
    items = {"4": [("PA01", "Pasta di Gragnano IGP 500 g", "CF"), ("FA25", "Farina tipo 00 sacco 25 kg", "SC"),
                   ("PP25", "Pomodori pelati latta 2,5 kg", "CT"), ("LT10", "Latte intero UHT 1 l", "CF")],
             "10": [("MB250", "Mozzarella di bufala DOP 250 g", "KG"), ("PC01", "Prosciutto crudo disossato", "KG"),
                    ("TN80", "Tonno all'olio d'oliva 800 g", "PZ"), ("YO12", "Ricotta fresca vaccina", "KG")],
             "22": [("AG75", "Aglianico DOC 0,75 l", "CT"), ("CA01", "Caffè in grani 1 kg", "PZ"),
                    ("AM50", "Acqua minerale frizzante 0,5 l", "CF"), ("DP05", "Detergente piatti 5 l", "PZ")]}
    c = pen(path, "Times-Roman")
    txt(c, 50, 805, "Esposito Ingrosso Alimentari S.r.l.", 15, "Times-Bold")
    txt(c, 50, 791, "Forniture per la ristorazione dal 1968", 9, "Times-Italic")
    for i, s in enumerate(["Via Argine 310 – 80147 Napoli (NA)", "Tel. 081 759 22 10 – amministrazione@espositoingrosso.it",
                           "P.IVA e C.F. 07123450632 – REA NA-865432", "Capitale sociale € 50.000,00 i.v."]):
        txt(c, 50, 777 - 11 * i, s, 8.5, "Times-Roman")
    c.rect(340, 705, 205, 80)
    txt(c, 348, 773, "Spett.le", 8.5, "Times-Italic")
    for i, s in enumerate(["Trattoria Da Gennaro", "di Russo Gennaro", "Via dei Tribunali 94", "80138 Napoli (NA)",
                           "P.IVA 05432109876 – Cod. SDI M5UXCR1"]):
        txt(c, 348, 760 - 11 * i, s, 9.5 if i < 4 else 8, "Times-Bold" if i == 0 else "Times-Roman")
    heads = ["Tipo documento", "Numero", "Data", "Cod. cliente", "Pagamento"]
    vals = ["TD24 Fattura differita", d.number, f"{d.date:%d/%m/%Y}", f"{rng.randint(1000, 1999)}",
            "RiBa 30 gg f.m."]
    widths = [120, 100, 75, 70, 130]
    x, top = 50, 680
    for h, v, w in zip(heads, vals, widths):
        c.rect(x, top - 26, w, 36)
        txt(c, x + 4, top + 1, h, 7.5, "Times-Italic")
        txt(c, x + 4, top - 18, v, 10, "Times-Bold")
        x += w
    y = 620
    for x, h, right in [(50, "Codice", False), (100, "Descrizione", False), (300, "U.M.", False),
                        (375, "Quantità", True), (440, "Prezzo", True), (505, "Importo", True), (515, "IVA", False)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    n = defaultdict(int)
    ddt = rng.randint(300, 900)
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        y -= 14
        if i % 2 == 0:
            day = d.before - dt.timedelta(days=10 - 4 * i)
            txt(c, 100, y, f"DDT n. {ddt + i} del {day:%d/%m/%Y}", 9, "Times-Italic")
            y -= 13
        code, name, um = items[rate][n[rate]]
        n[rate] += 1
        txt(c, 50, y, code, 9, "Times-Roman")
        txt(c, 100, y, name, 9)
        txt(c, 300, y, um, 9)
        txt(c, 375, y, f"{qty},000", 9, right=True)
        txt(c, 440, y, eu(unit), 9, right=True)
        txt(c, 505, y, eu(q(qty * unit)), 9, right=True)
        txt(c, 520, y, rate, 9)
    c.line(50, y - 6, 545, y - 6)
    top = y - 34
    txt(c, 50, top, "Riepilogo IVA", 9.5, "Times-Bold")
    for x, h in [(50, "Aliquota"), (175, "Imponibile"), (255, "Imposta"), (270, "Descrizione")]:
        txt(c, x, top - 14, h, 8.5, "Times-Italic", right=175 <= x <= 255)
    desc = {"4": "Beni di prima necessità", "10": "Alimenti", "22": "Aliquota ordinaria"}
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = top - 28 - 12 * i
        txt(c, 50, yy, f"{r},00%", 9, "Times-Roman")
        txt(c, 175, yy, eu(d.base[r]), 9, right=True)
        txt(c, 255, yy, eu(d.vat[r]), 9, right=True)
        txt(c, 270, yy, desc[r], 9)
    y = top - 28 - 12 * len(d.base) - 30
    boxes = [("Totale imponibile", d.ht), ("Totale IVA", d.tva), ("Totale documento", d.ttc)]
    for i, (h, v) in enumerate(boxes):
        x = 215 + 110 * i
        c.setLineWidth(1.5 if i == 2 else 0.8)
        c.rect(x, y - 22, 110, 40)
        txt(c, x + 5, y + 6, h, 8, "Times-Italic")
        txt(c, x + 104, y - 13, "€ " + eu(v), 11, "Times-Bold" if i == 2 else "Times-Roman", right=True)
    c.setLineWidth(1)
    txt(c, 50, y + 6, "Scadenze", 8, "Times-Italic")
    txt(c, 50, y - 13, f"{d.other:%d/%m/%Y}  € {eu(d.ttc)}", 9.5, "Times-Roman")
    txt(c, 50, y - 50, "Appoggio RiBa: Banca di Credito Popolare – ABI 05142 CAB 03400", 8.5, "Times-Roman")
    txt(c, 50, 78, "Contributo CONAI assolto ove dovuto. Merce viaggiante a rischio del committente.", 7.5,
        "Times-Roman")
    txt(c, 50, 68, "Copia di cortesia priva di valore fiscale: la fattura elettronica è disponibile nella Sua area "
                   "riservata dell'Agenzia delle Entrate.", 7.5)
    c.save()


# ---- layouts added for held-out set 11 (session 11) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a veterinary clinic's invoice, an architect's fee note billing a
# mission by stage of progress, an agricultural cooperative's credit note for returned goods), a UK
# plumbing merchant's trade-counter receipt, a German electrical wholesaler with metal surcharges, a
# Dutch accountancy firm, a Spanish optician and an Italian law firm with its pension contribution
# and withholding. HELD_OUT_11: drawn in session 11, scored once at first sight, then inspected.

def reprice_h11(d, base):
    """Sets the bases excluding tax per rate (after discounts, surcharges or fees) and works the VAT
    out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items()})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h11(d, gross):
    """Sets the totals including tax per rate (prices printed VAT included) and works the bases and
    the VAT out of them."""
    d.base = defaultdict(Decimal, {r: q(g * 100 / (100 + Decimal(r))) for r, g in gross.items()})
    d.vat = {r: q(gross[r]) - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def centre_h11(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fr_clinique_veterinaire(d, path, rng):
    """A French veterinary clinic's invoice from its practice software: the clinic, its vets and its
    Order number at the top, the owner in the window, a ruled panel about the animal (species, breed,
    birth date, chip, weight), dated acts and products priced VAT included with a discount column,
    then a framed totals box, the card payment and the next vaccine reminder."""
    acts = [("CS01", "Consultation de suivi"), ("VA12", "Vaccin CHPPiL + rage"), ("HO02", "Hospitalisation (par jour)"),
            ("BI08", "Bilan biochimique 8 paramètres"), ("RX02", "Radiographie thorax 2 incidences"),
            ("MB25", "Milbemax chien 5-25 kg (comprimé)"), ("GI20", "Croquettes Gastro Intestinal 2 kg"),
            ("DT01", "Détartrage sous anesthésie gazeuse")]
    rng.shuffle(acts)
    pets = [("Pixel", "Chien", "Border collie", "Mâle castré"), ("Moka", "Chat", "Européen", "Femelle stérilisée"),
            ("Ulysse", "Chien", "Labrador retriever", "Mâle"), ("Nala", "Chat", "Maine coon", "Femelle")]
    pet = rng.choice(pets)
    rows, total = [], Decimal(0)
    rebate_at = rng.randrange(len(d.lines))
    for i, (_, qty, unit, _) in enumerate(d.lines):
        pu = q(unit * Decimal("1.2"))
        pct = rng.choice([5, 10]) if i == rebate_at else 0
        amount = q(qty * pu * (100 - pct) / 100)
        day = d.date - dt.timedelta(days=len(d.lines) - 1 - i)
        rows.append((day, acts[i], qty, pu, pct, amount))
        total += amount
    gross_h11(d, {"20": total})
    hh, mm = rng.randint(8, 19), rng.randint(0, 59)
    c = pen(path)
    txt(c, 50, 805, "CLINIQUE VÉTÉRINAIRE DES TROIS RIVIÈRES", 13, "Helvetica-Bold")
    for i, s in enumerate(["Drs Claire Moulin, Thanh Nguyen et Anaïs Perrin – vétérinaires associés",
                           "26 avenue du Général Leclerc – 91100 Corbeil-Essonnes",
                           "Tél. 01 64 96 21 37 – Urgences 7j/7 : 01 64 96 21 30",
                           "Domicile professionnel d'exercice n° 24917 (Ordre des vétérinaires)"]):
        txt(c, 50, 791 - 10.5 * i, s, 8, "Helvetica")
    txt(c, 545, 800, "FACTURE", 20, "Helvetica-Bold", right=True)
    txt(c, 545, 781, f"N° {d.number}", 11, "Helvetica-Bold", right=True)
    txt(c, 545, 767, f"Éditée le {d.date:%d/%m/%Y} à {hh}h{mm:02d}", 9, "Helvetica", right=True)
    txt(c, 545, 755, f"Client n° {rng.randint(1000, 29999)}  –  Page 1/1", 8.5, "Helvetica", right=True)
    for i, s in enumerate(["Madame Sophie LEFÈVRE", "14 rue des Glycines", "91250 SAINT-GERMAIN-LÈS-CORBEIL"]):
        txt(c, 330, 705 - 13 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    born = d.date - dt.timedelta(days=rng.randint(400, 4000))
    chip = f"250269{rng.randint(100000000, 999999999)}"
    weight = str(Decimal(rng.randint(30, 420)) / 10).replace(".", ",")
    c.setFillGray(0.94)
    c.rect(50, 602, 495, 42, fill=1, stroke=1)
    c.setFillGray(0)
    txt(c, 58, 630, f"Animal : {pet[0]}", 9, "Helvetica-Bold")
    txt(c, 160, 630, f"Espèce : {pet[1]}    Race : {pet[2]}    Sexe : {pet[3]}", 9, "Helvetica")
    txt(c, 58, 613, f"Né(e) le {born:%d/%m/%Y}    Identification (transpondeur) : {chip}    Poids : {weight} kg", 9,
        "Helvetica")
    txt(c, 50, 585, "Vétérinaire : Dr Claire Moulin", 8.5, "Helvetica-Oblique")
    y = 560
    c.setFillGray(0.85)
    c.rect(50, y - 4, 495, 14, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Date", False), (95, "Code", False), (135, "Acte / produit", False), (365, "Qté", True),
                        (425, "P.U. TTC", True), (475, "Remise", True), (541, "Montant TTC", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for day, (code, name), qty, pu, pct, amount in rows:
        y -= 16
        txt(c, 54, y, f"{day:%d/%m}", 8.5, "Helvetica")
        txt(c, 95, y, code, 8.5)
        txt(c, 135, y, name, 8.5)
        txt(c, 365, y, str(qty), 8.5, right=True)
        txt(c, 425, y, eu(pu, " "), 8.5, right=True)
        txt(c, 475, y, f"{pct} %" if pct else "", 8.5, right=True)
        txt(c, 541, y, eu(amount, " "), 8.5, right=True)
    c.line(50, y - 7, 545, y - 7)
    top = y - 40
    c.rect(345, top - 52, 200, 66)
    c.line(345, top - 30, 545, top - 30)
    for i, (lab, v) in enumerate([("Total H.T.", d.ht), ("T.V.A. 20,00 %", d.tva)]):
        txt(c, 353, top - 14 * i, lab, 9, "Helvetica")
        txt(c, 537, top - 14 * i, eu(v, " ") + " €", 9, "Helvetica", right=True)
    txt(c, 353, top - 45, "Total T.T.C.", 11.5, "Helvetica-Bold")
    txt(c, 537, top - 45, eu(d.ttc, " ") + " €", 11.5, "Helvetica-Bold", right=True)
    txt(c, 50, top, "Règlement(s)", 8.5, "Helvetica-Bold")
    txt(c, 50, top - 13, f"Carte bancaire le {d.date:%d/%m/%Y} : {eu(d.ttc, ' ')} €", 8.5, "Helvetica")
    txt(c, 50, top - 26, "Reste dû : 0,00 €", 8.5, "Helvetica")
    txt(c, 50, top - 52, f"Prochain rappel de vaccination conseillé : {d.date + dt.timedelta(days=365):%d/%m/%Y}", 8.5,
        "Helvetica-Oblique")
    for i, s in enumerate(["Médicaments délivrés sur prescription (art. L. 5143-2 du Code de la santé publique) ; "
                           "ils ne sont ni repris ni échangés.",
                           "Tout retard de paiement entraîne des pénalités au taux légal majoré de 10 points "
                           "(art. L. 441-10 du Code de commerce).",
                           "SELARL Clinique vétérinaire des Trois Rivières au capital de 45 000 € – RCS Évry "
                           "512 384 906 – SIRET 512 384 906 00027",
                           "N° TVA intracommunautaire FR 33 512384906 – Médiateur de la consommation : "
                           "www.mediateur-conso-veterinaire.fr"]):
        txt(c, 50, 96 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def fr_architecte_honoraires(d, path, rng):
    """A French architect's fee note in a serif letter: the practice and its Order registration, the
    client, "Rennes, le <long date>", the project and the contract, then a grid of the mission's
    stages with their share, fee, progress, cumulative, already billed and this note's amount, a
    totals row, this note's amounts stacked at the right, the earlier notes and the payment terms."""
    stages = [("ESQ", "Esquisse", 5), ("APS", "Avant-projet sommaire", 10), ("APD", "Avant-projet définitif", 15),
              ("PC", "Dossier de permis de construire", 10), ("PRO", "Études de projet", 15),
              ("DCE", "Consultation des entreprises", 10), ("ACT", "Assistance aux contrats de travaux", 5),
              ("DET", "Direction de l'exécution des travaux", 25), ("AOR", "Assistance aux opérations de réception", 5)]
    works = Decimal(rng.randint(11800, 64500) * 10)
    rate = Decimal(rng.choice(["9.5", "10", "11", "12.5"]))
    fee_total = q(works * rate / 100)
    fees = [q(fee_total * share / 100) for _, _, share in stages[:-1]]
    fees.append(fee_total - sum(fees))
    k = rng.randint(2, 7)
    prev_pct, now_pct = rng.choice([40, 50, 60]), rng.choice([20, 30, 50])
    progress, cumul, before = [], [], []
    for i, fee in enumerate(fees):
        now = 100 if i < k else (now_pct if i == k else 0)
        was = 100 if i < k - 1 else (prev_pct if i == k - 1 else 0)
        progress.append(now)
        cumul.append(q(fee * now / 100))
        before.append(q(fee * was / 100))
    this = [a - b for a, b in zip(cumul, before)]
    reprice_h11(d, {"20": sum(this)})
    money = lambda v: eu(v, " ")
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "ATELIER KERBRAT", 20, "Times-Bold")
    txt(c, 50, 785, "architectes", 11, "Times-Italic")
    for i, s in enumerate(["7 quai Duguay-Trouin – 35000 Rennes", "02 99 31 48 60 – agence@atelier-kerbrat.fr",
                           "Ordre des architectes de Bretagne, inscription n° S 16724"]):
        txt(c, 50, 770 - 11 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate(["SCI Les Chênes", "M. Pierre Guillou, gérant", "12 rue de la Motte Brûlon",
                           "35510 Cesson-Sévigné"]):
        txt(c, 340, 735 - 13 * i, s, 10.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 340, 668, f"Rennes, le {long_date(d.date, 'fr')}", 10.5, "Times-Roman")
    contract = d.date - dt.timedelta(days=rng.randint(200, 500))
    txt(c, 50, 630, f"NOTE D'HONORAIRES N° {d.number}", 14, "Times-Bold")
    txt(c, 50, 615, f"Acompte n° {k} – mission complète de maîtrise d'œuvre", 10.5, "Times-Italic")
    for i, s in enumerate(["Opération : construction d'une maison individuelle, 4 allée des Hortensias, Cesson-Sévigné",
                           f"Contrat d'architecte signé le {contract:%d/%m/%Y} – permis de construire "
                           f"PC 035 051 {contract:%y} {rng.randint(10000, 99999)}",
                           f"Montant prévisionnel des travaux : {money(works)} € HT – taux de rémunération : "
                           f"{str(rate).replace('.', ',')} % – forfait : {money(fee_total)} € HT",
                           f"Avancement constaté au {d.before:%d/%m/%Y}"]):
        txt(c, 50, 592 - 13 * i, s, 9.5, "Times-Roman")
    y = 525
    cols = [(300, "Part"), (350, "Honoraires"), (395, "Avanc."), (450, "Cumul"), (500, "Facturé"), (545, "Présente")]
    seconds = {350: "HT", 450: "HT", 500: "antérieur", 545: "note"}
    txt(c, 50, y, "Élément de mission", 8.5, "Times-Bold")
    for x, h in cols:
        txt(c, x, y, h, 8.5, "Times-Bold", right=True)
        if x in seconds:
            txt(c, x, y - 10, seconds[x], 8.5, "Times-Bold", right=True)
    c.line(50, y - 15, 545, y - 15)
    y -= 15
    for (code, name, share), fee, pct, cu, bf, th in zip(stages, fees, progress, cumul, before, this):
        y -= 13
        txt(c, 50, y, code, 8.5, "Times-Bold")
        txt(c, 78, y, name, 8.5, "Times-Roman")
        txt(c, 300, y, f"{share} %", 8.5, right=True)
        txt(c, 350, y, money(fee), 8.5, right=True)
        txt(c, 395, y, f"{pct} %" if pct else "–", 8.5, right=True)
        txt(c, 450, y, money(cu) if cu else "–", 8.5, right=True)
        txt(c, 500, y, money(bf) if bf else "–", 8.5, right=True)
        txt(c, 545, y, money(th) if th else "–", 8.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    y -= 19
    txt(c, 50, y, "Totaux", 8.5, "Times-Bold")
    for x, v in [(350, fee_total), (450, sum(cumul)), (500, sum(before)), (545, d.ht)]:
        txt(c, x, y, money(v), 8.5, "Times-Bold", right=True)
    c.line(50, y - 5, 545, y - 5)
    top = y - 34
    rows = [("Montant de la présente note HT", d.ht, "Times-Roman"), ("TVA au taux de 20 %", d.tva, "Times-Roman"),
            ("Montant TTC à régler", d.ttc, "Times-Bold")]
    for i, (lab, v, f) in enumerate(rows):
        txt(c, 330, top - 16 * i, lab, 10.5, f)
        txt(c, 545, top - 16 * i, money(v) + " €", 10.5, f, right=True)
    c.line(330, top - 37, 545, top - 37)
    notes = []
    span = (d.before - contract).days
    for j in range(1, k):
        when = contract + dt.timedelta(days=span * j // k + rng.randint(0, 6))
        notes.append(f"n° {j} du {when:%d/%m/%Y}")
    txt(c, 50, top, "Acomptes précédents (réglés) :", 9, "Times-Italic")
    for i in range(0, len(notes), 2):
        txt(c, 50, top - 13 - 12 * (i // 2), " ; ".join(notes[i:i + 2]), 9, "Times-Roman")
    yy = top - 100
    for i, s in enumerate([f"Règlement par virement à 30 jours, au plus tard le {d.other:%d/%m/%Y}, en rappelant la "
                           "référence de la note.",
                           "Crédit Mutuel de Bretagne – IBAN FR76 1558 9351 0204 5126 7840 142 – BIC CMBRFR2BARK",
                           "Pénalités de retard : trois fois le taux d'intérêt légal ; indemnité forfaitaire pour "
                           "frais de recouvrement : 40 €.",
                           "Pas d'escompte pour paiement anticipé."]):
        txt(c, 50, yy - 12 * i, s, 9, "Times-Roman")
    for i, s in enumerate(["SARL d'architecture Atelier Kerbrat au capital de 8 000 € – RCS Rennes 539 201 774 – "
                           "SIRET 539 201 774 00035 – TVA FR 18 539201774",
                           "Assurance de responsabilité professionnelle : Mutuelle des Architectes Français, "
                           "contrat n° 161823/B"]):
        txt(c, 297.5 - c.stringWidth(s, "Times-Roman", 7.5) / 2, 70 - 9 * i, s, 7.5, "Times-Roman")
    c.save()


def fr_avoir_cooperative_agricole(d, path, rng):
    """A French agricultural cooperative's credit note to a member farm, printed in a fixed-pitch
    font by its ERP: the cooperative with its approval number, a boxed header (number, date, member
    number, page), the invoice and the return slip it refers to, returned seed, feed and supplies at
    10 % and 20 %, and a grey band at the foot with the VAT per rate and the totals, then the
    member's account balance after the credit."""
    items = {"10": [("SEMMAI40", "Semences maïs DKC4098 dose 50 000 gr", "DO"),
                    ("ALVL18G", "Aliment VL 18 % granulé vrac", "T"),
                    ("SEMBLE25", "Semences blé RGT Sacramento sac 25 kg", "SC"),
                    ("MINVL25", "Minéral vaches laitières seau 25 kg", "SE")],
             "20": [("FIC130", "Ficelle sisal 130 m/kg bobine", "BO"),
                    ("FILET123", "Filet enrubannage 1,23 x 3 000 m", "RL"),
                    ("FILM750", "Film étirable vert 750 mm x 1 500 m", "RL"),
                    ("GANT09", "Gants nitrile T9 boîte de 100", "BT")]}
    member = f"{rng.randint(1000, 99999):07d}"
    c = pen(path, "Courier")
    txt(c, 50, 805, "COOPÉRATIVE AGRICOLE TERRES DU LAYON", 12.5, "Courier-Bold")
    for i, s in enumerate(["Société coopérative agricole à capital variable", "Agrément HCCA n° 12.345",
                           "2 route de Saumur - 49700 DOUÉ-EN-ANJOU", "Tél. 02 41 59 12 80",
                           "Dépôt de Martigné-Briand - libre-service agricole"]):
        txt(c, 50, 791 - 10 * i, s, 7.5, "Courier")
    c.rect(360, 725, 185, 90)
    txt(c, 370, 798, "A V O I R", 15, "Courier-Bold")
    for i, (k, v) in enumerate([("N° avoir", d.number), ("Date", f"{d.date:%d/%m/%Y}"), ("N° adhérent", member),
                                ("Page", "1/1")]):
        txt(c, 370, 780 - 13 * i, f"{k:<12}: {v}", 8.5, "Courier")
    for i, s in enumerate(["EARL DU PETIT MOULIN", "M. Guillaume BRETAULT", "La Basse Roche", "49540 MARTIGNÉ-BRIAND",
                           "TVA FR 47 423156789"]):
        txt(c, 360, 700 - 11 * i, s, 9, "Courier-Bold" if i == 0 else "Courier")
    ref = f"{d.before:%y}{rng.randint(100000, 999999)}"
    back = d.before + dt.timedelta(days=rng.randint(1, max(1, (d.date - d.before).days)))
    txt(c, 50, 628, f"Réf. : votre facture n° {ref} du {d.before:%d/%m/%Y}", 8.5, "Courier")
    txt(c, 50, 616, f"Motif : reprise de marchandise non utilisée - bon de retour BR{rng.randint(1000, 9999)} "
                    f"du {back:%d/%m/%Y}", 8.5, "Courier")
    y = 585
    c.line(50, y + 11, 545, y + 11)
    for x, h, right in [(50, "Article", False), (120, "Désignation", False), (345, "U", False),
                        (395, "Quantité", True), (455, "P.U. HT", True), (490, "TVA", True),
                        (545, "Montant HT", True)]:
        txt(c, x, y, h, 8, "Courier-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 14
        code, name, um = items[rate][n[rate]]
        n[rate] += 1
        txt(c, 50, y, code, 7.5, "Courier")
        txt(c, 120, y, name, 7.5)
        txt(c, 345, y, um, 7.5)
        txt(c, 395, y, f"{qty},000", 7.5, right=True)
        txt(c, 455, y, eu(unit, " ") + "0", 7.5, right=True)
        txt(c, 490, y, fmt(rate).replace(" ", ""), 7.5, right=True)
        txt(c, 545, y, eu(q(qty * unit), " "), 7.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    txt(c, 50, y - 20, f"{len(d.lines)} ligne(s) - marchandise réintégrée en stock au dépôt", 7.5, "Courier")
    # Foot band: VAT per rate on the left, totals on the right.
    top = 220
    c.setFillGray(0.87)
    c.rect(45, top - 78, 505, 96, stroke=0, fill=1)
    c.setFillGray(0)
    txt(c, 55, top + 4, "DÉTAIL TVA", 8, "Courier-Bold")
    txt(c, 55, top - 10, f"{'Taux':<8}{'Base HT':>12}{'Montant TVA':>14}", 8, "Courier-Bold")
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        txt(c, 55, top - 24 - 12 * i, f"{fmt(r):<8}{eu(d.base[r], ' '):>12}{eu(d.vat[r], ' '):>14}", 8, "Courier")
    rows = [("TOTAL HT", d.ht), ("TOTAL TVA", d.tva), ("TOTAL AVOIR TTC", d.ttc)]
    for i, (lab, v) in enumerate(rows):
        bold = i == 2
        yy = top - 14 * i - (8 if bold else 0)
        txt(c, 330, yy, lab, 9.5 if bold else 8.5, "Courier-Bold" if bold else "Courier")
        txt(c, 540, yy, eu(v, " ") + " EUR", 9.5 if bold else 8.5, right=True)
    txt(c, 330, top - 58, "Montant porté au crédit de", 7.5, "Courier")
    txt(c, 330, top - 68, f"votre compte adhérent {member}", 7.5, "Courier")
    balance = Decimal(rng.randint(20000, 900000)) / 100
    txt(c, 50, top - 98, f"Solde de votre compte adhérent après imputation : {eu(balance, ' ')} EUR débiteur", 8,
        "Courier")
    for i, s in enumerate(["Coopérative agricole - SIRET 786 120 334 00046 - APE 4621Z - TVA FR 82 786120334",
                           "Agrément distribution produits phytopharmaceutiques PL01234 - Conditions générales de "
                           "vente et statuts sur demande.",
                           "Les avoirs sont imputés sur la prochaine échéance du compte adhérent."]):
        txt(c, 50, 70 - 9 * i, s, 6.5, "Courier")
    c.save()


def en_gb_trade_counter(d, path, rng):
    """A UK plumbing and heating merchant's trade-counter till receipt on thermal paper: the branch,
    its VAT registration, "VAT RECEIPT", the receipt number, date and time, branch, till and
    operator, a cash-sale account and job reference, product codes with quantity at the trade price
    excluding VAT, an account discount, net goods, VAT, the total in pounds, the card slip and the
    returns policy."""
    items = [("CT15-3", "15MM COPPER TUBE 3M"), ("EF22E-10", "22MM END FEED ELBOW X10"), ("PTFE12", "PTFE TAPE 12M X10"),
             ("F1-500", "FERNOX F1 INHIBITOR 500ML"), ("TRV15A", "TRV 15MM ANGLED WHITE"),
             ("MF22", "MAGNETIC SYSTEM FILTER 22MM"), ("LAF100", "FLUX PASTE 100G"), ("CIV28", "28MM COMP ISOL VALVE")]
    rng.shuffle(items)
    goods = d.ht
    pct = Decimal(rng.choice(["5", "7.5", "10", "12.5"]))
    disc = q(goods * pct / 100)
    reprice_h11(d, {"20": goods - disc})
    hh, mm = rng.randint(6, 17), rng.randint(0, 59)
    height = 465 + 22 * len(d.lines)
    c = canvas.Canvas(path, pagesize=(226, height), invariant=1)
    y = height - 26

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h11(c, 113, y, s, size, font)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 216, y, right, size, font, right=True)
        y -= size + 3.5

    line("ASHWORTH PLUMBING", size=10.5, font="Courier-Bold", center=True)
    line("& HEATING SUPPLIES LTD", size=8.5, font="Courier-Bold", center=True)
    for s in ["Unit 4, Hempshaw Lane Ind. Est.", "Stockport SK1 4LG", "Tel 0161 480 2291",
              "VAT Reg No GB 284 5512 09"]:
        line(s, size=7, center=True)
    y -= 5
    line("TRADE COUNTER - VAT RECEIPT", size=8.5, font="Courier-Bold", center=True)
    y -= 2
    line(f"Receipt No : {d.number}")
    line(f"Date/Time  : {d.date.day:02d}-{d.date:%b-%Y} {hh:02d}:{mm:02d}")
    line(f"Branch 041  Till 02  Op {rng.randint(100, 199)}", size=7)
    line("Account    : CASH SALE", size=7)
    line(f"Cust Ref   : JOB {rng.randint(10, 99)} BOILER SWAP", size=7)
    line("-" * 40, size=7)
    for (code, name), (_, qty, unit, _) in zip(items, d.lines):
        line(f"{code:<9}{name}", size=7)
        line(f"   {qty} @ {us(unit)}", us(q(qty * unit)), size=7.5)
    line("-" * 40, size=7)
    line(f"{sum(l[1] for l in d.lines)} ITEMS", size=7)
    line("GOODS", us(goods))
    line(f"ACCOUNT DISC {str(pct)}%", "-" + us(disc))
    line("NET GOODS", us(d.ht))
    line("VAT @ 20.00%", us(d.tva))
    y -= 3
    line("TOTAL", "£" + us(d.ttc), size=10.5, font="Courier-Bold")
    y -= 3
    line("VISA DEBIT", "£" + us(d.ttc))
    line("CHANGE", "£0.00")
    line("-" * 40, size=7)
    for s in ["CARDHOLDER COPY", f"MID ****{rng.randint(1000, 9999)}  TID ****{rng.randint(1000, 9999)}",
              f"VISA DEBIT ************{rng.randint(1000, 9999)}", "CONTACTLESS  AID A0000000031010",
              f"AUTH CODE {rng.randint(100000, 999999)}", "PIN NOT REQUIRED", "PLEASE RETAIN FOR YOUR RECORDS"]:
        line(s, size=6.5)
    y -= 5
    for s in ["All prices exclude VAT unless stated.", "Returns within 30 days, unused, in original",
              "packaging, with this receipt.", "Specials & cut lengths non-returnable.",
              "Registered in England No. 01234567"]:
        line(s, size=6.5, center=True)
    y -= 3
    line("THANK YOU FOR YOUR CUSTOM", size=7.5, font="Courier-Bold", center=True)
    c.save()


def de_elektro_grosshandel(d, path, rng):
    """A German electrical wholesaler's invoice: DIN letter with the sender line over the window, the
    branch and contact on the right, a ruled row of header cells (document number and date, customer,
    order, page), the order and delivery note, lines with list price per price unit and a discount,
    cables by the metre with their copper surcharge below, a row of total cells across the foot, the
    cash-discount terms, and bank and register columns."""
    cables = [("1019437", "NYM-J 3x1,5 mm² Mantelleitung grau", 43), ("1019451", "NYM-J 5x2,5 mm² Mantelleitung grau", 120),
              ("1020388", "H07V-K 1x6 mm² Aderleitung schwarz", 58), ("1033120", "J-Y(ST)Y 2x2x0,8 Fernmeldekabel", 13)]
    parts = [("2240516", "LS-Schalter B16 1-polig 6 kA"), ("2241870", "FI-Schutzschalter 40/0,03 A 4-polig"),
             ("3102277", "Schuko-Steckdose UP reinweiß"), ("3304511", "Abzweigkasten AP IP55 grau"),
             ("4410093", "LED-Panel 62x62 cm 36 W 4000 K")]
    rng.shuffle(cables)
    rng.shuffle(parts)
    del_price = Decimal(rng.randint(78000, 92000)) / 100
    rows, goods, metal = [], Decimal(0), Decimal(0)
    for _, qty, unit, _ in d.lines:
        disc = rng.choice([0, 20, 30, 35, 42])
        amount = q(qty * unit * (100 - disc) / 100)
        if rng.random() < 0.45 and cables:
            art, name, cu = cables.pop()
            metres = qty * 100
            sur = q(Decimal(metres) * cu / 1000 * (del_price - 150) / 100)
            rows.append((art, name, f"{metres} m", eu(unit), "100", disc, amount, (cu, sur)))
            metal += sur
        else:
            art, name = parts.pop()
            rows.append((art, name, f"{qty} Stk", eu(unit), "1", disc, amount, None))
        goods += amount
    freight = Decimal("9.50") if goods < 500 else Decimal(0)
    reprice_h11(d, {"19": goods + metal + freight})
    c = pen(path)
    txt(c, 545, 805, "KRAFT & SOHN", 19, "Helvetica-Bold", right=True)
    txt(c, 545, 791, "Elektrogroßhandel seit 1952", 9, "Helvetica-Oblique", right=True)
    for i, s in enumerate(["Niederlassung Heilbronn", "Wannenäckerstraße 41", "74078 Heilbronn",
                           "Telefon 07131 9455-0", "Telefax 07131 9455-99", "Ihr Ansprechpartner: Herr Dietz, -214",
                           "www.kraft-elektro.de"]):
        txt(c, 545, 770 - 10 * i, s, 8, "Helvetica", right=True)
    txt(c, 50, 752, "Kraft & Sohn GmbH · Wannenäckerstraße 41 · 74078 Heilbronn", 7, "Helvetica")
    c.line(50, 749, 300, 749)
    for i, s in enumerate(["Elektro Wagner GmbH", "Herrn Jens Wagner", "Lindenstraße 12", "74072 Heilbronn"]):
        txt(c, 50, 732 - 13 * i, s, 10, "Helvetica")
    txt(c, 50, 655, "RECHNUNG", 15, "Helvetica-Bold")
    order = d.before - dt.timedelta(days=rng.randint(1, 6))
    heads = ["Beleg-Nr.", "Belegdatum", "Kunden-Nr.", "Auftrags-Nr.", "Seite"]
    vals = [d.number, f"{d.date:%d.%m.%Y}", f"{rng.randint(200000, 299999)}", f"{rng.randint(7000000, 7999999)}", "1 von 1"]
    widths = [120, 95, 95, 110, 75]
    x, top = 50, 630
    for h, v, w in zip(heads, vals, widths):
        c.rect(x, top - 22, w, 34)
        txt(c, x + 4, top + 2, h, 7, "Helvetica")
        txt(c, x + 4, top - 14, v, 9.5, "Helvetica-Bold" if h.startswith("Beleg") else "Helvetica")
        x += w
    ls = rng.randint(80000000, 89999999)
    txt(c, 50, 585, f"Ihre Bestellung KOM-{rng.randint(100, 999)} vom {order:%d.%m.%Y} · Kommission: Neubau MFH "
                    f"Lindenweg 8", 8.5, "Helvetica")
    txt(c, 50, 573, f"Lieferschein {ls} vom {d.before:%d.%m.%Y} · Liefer- und Leistungsdatum {d.before:%d.%m.%Y}",
        8.5, "Helvetica")
    y = 545
    for x, h, right in [(50, "Pos.", False), (75, "Art.-Nr.", False), (125, "Bezeichnung", False),
                        (345, "Menge", True), (400, "Preis", True), (425, "PE", True), (465, "Rab. %", True),
                        (545, "Betrag EUR", True)]:
        txt(c, x, y, h, 7.5, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (art, name, menge, price, pe, disc, amount, cu) in enumerate(rows):
        y -= 14
        txt(c, 50, y, f"{10 * (i + 1):03d}", 8, "Helvetica")
        txt(c, 75, y, art, 8)
        txt(c, 125, y, name, 8)
        txt(c, 345, y, menge, 8, right=True)
        txt(c, 400, y, price, 8, right=True)
        txt(c, 425, y, pe, 8, right=True)
        txt(c, 465, y, f"{disc},0" if disc else "", 8, right=True)
        txt(c, 545, y, eu(amount), 8, right=True)
        if cu:
            y -= 11
            txt(c, 125, y, f"Metallzuschlag Cu {cu[0]} kg/km · DEL {eu(del_price)} EUR/100 kg · Basis 150,00", 7,
                "Helvetica-Oblique")
            txt(c, 545, y, eu(cu[1]), 7.5, "Helvetica", right=True)
    if freight:
        y -= 14
        txt(c, 125, y, "Fracht- und Verpackungspauschale (Auftragswert unter 500 EUR)", 8, "Helvetica")
        txt(c, 545, y, eu(freight), 8, right=True)
    c.line(50, y - 6, 545, y - 6)
    top = 215
    heads = ["Warenwert", "Metallzuschläge", "Fracht", "Nettobetrag", "USt 19 %", "Rechnungsbetrag EUR"]
    vals = [goods, metal, freight, d.ht, d.tva, d.ttc]
    widths = [80, 80, 55, 85, 80, 115]
    x = 50
    for i, (h, v, w) in enumerate(zip(heads, vals, widths)):
        c.setLineWidth(1.4 if i == 5 else 0.6)
        c.rect(x, top - 24, w, 38)
        bold = i == 5
        txt(c, x + 4, top + 3, h, 7, "Helvetica")
        txt(c, x + w - 5, top - 15, eu(v), 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
        x += w
    c.setLineWidth(1)
    until = d.date + dt.timedelta(days=10)
    skonto = q(d.ttc * 2 / 100)
    for i, s in enumerate([f"Zahlbar bis {until:%d.%m.%Y} mit 2 % Skonto ({eu(skonto)} EUR, Zahlbetrag "
                           f"{eu(d.ttc - skonto)} EUR), bis {d.other:%d.%m.%Y} netto ohne Abzug.",
                           "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. Es gelten unsere "
                           "Allgemeinen Verkaufsbedingungen.",
                           "Metallzuschläge nach DEL-Notiz des Vortages der Lieferung. WEEE-Reg.-Nr. DE 43012345."]):
        txt(c, 50, top - 45 - 11 * i, s, 7.5, "Helvetica")
    cols = [["Kraft & Sohn GmbH", "Sitz Heilbronn, AG Stuttgart HRB 104512", "Geschäftsführer: Martin Kraft"],
            ["Kreissparkasse Heilbronn", "IBAN DE71 6205 0000 0012 3456 78", "BIC HEISDE66XXX"],
            ["USt-IdNr. DE 145 678 923", "Steuer-Nr. 65206/12345", "Lieferantennr. bei Ihnen: 40117"]]
    c.line(50, 84, 545, 84)
    for i, col in enumerate(cols):
        for j, s in enumerate(col):
            txt(c, 50 + 170 * i, 72 - 9 * j, s, 7, "Helvetica")
    c.save()


def nl_accountantskantoor(d, path, rng):
    """A Dutch accountancy firm's invoice with a grey column down the right: the firm's details, the
    invoice details and an overview of the amounts (sometimes less an advance invoice, with the
    balance to pay) in that column, and on the left the client, the subject, the hours worked by
    date and rate, the fee, the office-costs surcharge and the payment request."""
    works = ["Administratie Q4 en btw-aangifte", "Samenstellen jaarrekening", "Aangifte vennootschapsbelasting",
             "Bespreking jaarcijfers met directie", "Loonadministratie en loonaangiften",
             "Advies herstructurering holding", "Aangifte inkomstenbelasting DGA"]
    rng.shuffle(works)
    rows, fee = [], Decimal(0)
    for i, (_, qty, _, _) in enumerate(d.lines):
        hours = Decimal(qty) + Decimal(rng.choice(["0", "0.25", "0.5", "0.75"]))
        rate = Decimal(rng.choice([95, 115, 135, 165]))
        day = d.before - dt.timedelta(days=7 * (len(d.lines) - 1 - i) + rng.randint(0, 3))
        amount = q(hours * rate)
        rows.append((day, works[i], hours, rate, amount))
        fee += amount
    office = q(fee * 5 / 100)
    reprice_h11(d, {"21": fee + office})
    advance = Decimal(int(d.ttc * Decimal("0.4") / 50) * 50) if rng.random() < 0.5 else Decimal(0)
    money = lambda v: "€ " + eu(v, ".")
    year = d.date.year - 1
    c = pen(path)
    c.setFillGray(0.92)
    c.rect(405, 0, 190, 842, stroke=0, fill=1)
    c.setFillGray(0)
    sx = 420
    txt(c, sx, 800, "Van Leeuwen & De Bruijn", 12, "Helvetica-Bold")
    txt(c, sx, 787, "accountants · belastingadviseurs", 8, "Helvetica-Oblique")
    for i, s in enumerate(["Stationsweg 14", "2312 AV Leiden", "T 071 512 40 30", "administratie@vlb-accountants.nl",
                           "", "KvK 28091234", "Btw-id NL812345678B01", "IBAN NL91 ABNA 0417 1643 00"]):
        txt(c, sx, 768 - 10.5 * i, s, 8, "Helvetica")
    txt(c, sx, 665, "FACTUURGEGEVENS", 8, "Helvetica-Bold")
    for i, (k, v) in enumerate([("Factuurnummer", d.number), ("Factuurdatum", long_date(d.date, "nl")),
                                ("Vervaldatum", long_date(d.other, "nl")), ("Relatienummer", f"{rng.randint(10000, 49999)}"),
                                ("Uw referentie", "jaarwerk " + str(year))]):
        txt(c, sx, 648 - 24 * i, k, 7.5, "Helvetica")
        txt(c, sx, 638 - 24 * i, v, 9.5, "Helvetica-Bold" if i < 2 else "Helvetica")
    top = 500
    txt(c, sx, top, "OVERZICHT", 8, "Helvetica-Bold")
    rows_side = [("Totaal excl. btw", d.ht, False), ("Btw 21%", d.tva, False), ("Totaal incl. btw", d.ttc, True)]
    if advance:
        rows_side += [("Af: voorschotnota", -advance, False), ("Te betalen", d.ttc - advance, True)]
    yy = top - 18
    for lab, v, bold in rows_side:
        if bold:
            c.line(sx, yy + 10, 580, yy + 10)
        txt(c, sx, yy, lab, 8.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 580, yy, ("- " if v < 0 else "") + money(abs(v)), 8.5, "Helvetica-Bold" if bold else "Helvetica",
            right=True)
        yy -= 16
    for i, s in enumerate(["Aan", "Bakkerij Verhoeven B.V.", "t.a.v. de heer R. Verhoeven", "Haarlemmerstraat 88",
                           "2312 GD Leiden"]):
        txt(c, 50, 745 - 13 * i, s, 7.5 if i == 0 else 10, "Helvetica-Bold" if i == 1 else "Helvetica")
    txt(c, 50, 640, "Factuur", 22, "Helvetica-Bold")
    txt(c, 50, 618, f"Betreft: jaarwerk {year} en lopende werkzaamheden", 9.5, "Helvetica")
    txt(c, 50, 605, f"Conform opdrachtbevestiging van {long_date(d.date - dt.timedelta(days=rng.randint(90, 300)), 'nl')}",
        8.5, "Helvetica-Oblique")
    y = 570
    for x, h, right in [(50, "Datum", False), (102, "Werkzaamheden", False), (300, "Uren", True), (345, "Tarief", True),
                        (392, "Bedrag", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 392, y - 4)
    for day, work, hours, rate, amount in rows:
        y -= 15
        txt(c, 50, y, f"{day:%d-%m-%Y}", 8, "Helvetica")
        txt(c, 102, y, work, 8)
        txt(c, 300, y, eu(hours, "."), 8, right=True)
        txt(c, 345, y, money(rate), 8, right=True)
        txt(c, 392, y, money(amount), 8, right=True)
    c.line(50, y - 6, 392, y - 6)
    for i, (lab, v) in enumerate([("Honorarium", fee), ("Kantoorkosten 5% van het honorarium", office)]):
        txt(c, 102, y - 20 - 14 * i, lab, 8.5, "Helvetica")
        txt(c, 392, y - 20 - 14 * i, money(v), 8.5, right=True)
    y -= 70
    pay = d.ttc - advance
    for i, s in enumerate(["Wij verzoeken u vriendelijk het bedrag van " + money(pay) + " vóór " +
                           long_date(d.other, "nl"), "over te maken op IBAN NL91 ABNA 0417 1643 00 onder vermelding "
                           "van", f"factuurnummer {d.number}."]):
        txt(c, 50, y - 12 * i, s, 8.5, "Helvetica")
    if advance:
        txt(c, 50, y - 44, f"De voorschotnota van {long_date(d.before - dt.timedelta(days=60), 'nl')} "
                           f"({money(advance)} incl. btw) is hierop in mindering gebracht.", 8, "Helvetica-Oblique")
    for i, s in enumerate(["Op al onze werkzaamheden zijn onze algemene voorwaarden van toepassing,",
                           "gedeponeerd bij de Kamer van Koophandel onder nummer 28091234.",
                           "Klachten over deze factuur binnen 30 dagen schriftelijk melden."]):
        txt(c, 50, 80 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def es_optica(d, path, rng):
    """A Spanish optician's invoice to a private customer in a serif font: the shop centred at the
    top with its health-centre registration, the invoice number and date, the customer's box with
    NIF, the job order and delivery dates, the prescription grid, the products at 10 % (corrective
    lenses and frames) and 21 % (sunglasses, accessories) with a discount column, a VAT table, the
    totals stacked at the right, the deposit paid at order and the amount collected."""
    items = {"10": [("MON-RB5154", "Montura Ray-Ban RB5154 49-21 145"),
                    ("LEN-VXC16", "Lente progresiva Varilux Comfort 1,6 Crizal"),
                    ("LC-MEN6", "Lentes de contacto mensuales (caja 6 u.)"), ("SOL-360", "Solución única 360 ml")],
             "21": [("SOL-PLD21", "Gafas de sol Polaroid PLD 2134/S"), ("FUN-RIG", "Funda rígida con cierre"),
                    ("COR-SIL", "Cordón de silicona sujetagafas"), ("SPR-30", "Spray limpiador antivaho 30 ml")]}
    rows, base = [], defaultdict(Decimal)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        dto = rng.choice([0, 0, 10, 15, 20])
        amount = q(qty * unit * (100 - dto) / 100)
        rows.append((items[rate][n[rate]], qty, unit, dto, rate, amount))
        n[rate] += 1
        base[rate] += amount
    reprice_h11(d, base)
    deposit = Decimal(int(d.ttc * Decimal("0.3") / 10) * 10)
    money = lambda v: eu(v, ".") + " €"
    c = pen(path, "Times-Roman")
    centre_h11(c, 297.5, 800, "ÓPTICA MIRAMAR", 20, "Times-Bold")
    centre_h11(c, 297.5, 786, "Óptica · Optometría · Contactología · Audiología", 9.5, "Times-Italic")
    centre_h11(c, 297.5, 773, "Avda. del Puerto, 112 – 46023 Valencia – Tel. 963 30 21 45 – info@opticamiramar.es", 8.5,
               "Times-Roman")
    centre_h11(c, 297.5, 762, "Óptica Miramar, S.L. – CIF B98457123 – Centro sanitario autorizado C.S. n.º 12387", 8.5,
               "Times-Roman")
    c.line(50, 755, 545, 755)
    txt(c, 50, 725, "FACTURA", 17, "Times-Bold")
    txt(c, 50, 707, f"N.º {d.number}", 11, "Times-Bold")
    txt(c, 50, 693, f"Fecha de factura: {d.date:%d/%m/%Y}", 10, "Times-Roman")
    order = d.date - dt.timedelta(days=rng.randint(5, 15))
    job = f"{d.date.year}/{rng.randint(100, 999):04d}"
    c.rect(320, 672, 225, 68)
    txt(c, 328, 728, "Cliente n.º " + str(rng.randint(3000, 19999)), 8, "Times-Italic")
    for i, s in enumerate(["D.ª María José Herrero Calvo", "NIF 22587431X", "C/ Doctor Sumsi, 27, 4.º 8.ª",
                           "46005 Valencia"]):
        txt(c, 328, 715 - 12 * i, s, 9.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 655, f"Encargo n.º {job} – fecha de encargo {order:%d/%m/%Y} – entregado el {d.date:%d/%m/%Y}", 9.5,
        "Times-Roman")
    # Prescription grid.
    top = 630
    heads = ["", "Esfera", "Cilindro", "Eje", "Adición", "DNP", "Altura"]
    xs = [50, 95, 160, 225, 275, 335, 385, 435]
    c.rect(50, top - 36, 385, 48)
    c.line(50, top - 4, 435, top - 4)
    for x, h in zip(xs, heads):
        txt(c, x + 6, top, h, 8.5, "Times-Bold")
    add = Decimal(rng.choice([100, 125, 150, 175, 200, 225, 250])) / 100
    for j, eye in enumerate(["OD", "OI"]):
        sph = Decimal(rng.randint(-24, 16) * 25) / 100
        cyl = Decimal(rng.randint(-8, 0) * 25) / 100
        vals = [eye, f"{sph:+.2f}".replace(".", ","), f"{cyl:+.2f}".replace(".", ",") if cyl else "0,00",
                f"{rng.randint(1, 18) * 10}°" if cyl else "–", f"+{add:.2f}".replace(".", ","),
                f"{Decimal(rng.randint(290, 345)) / 10}".replace(".", ","), str(rng.randint(18, 24))]
        for x, v in zip(xs, vals):
            txt(c, x + 6, top - 17 - 13 * j, v, 9, "Times-Bold" if x == 50 else "Times-Roman")
    txt(c, 445, top - 10, "Graduación prescrita", 8.5, "Times-Italic")
    txt(c, 445, top - 22, "Óptico-optometrista:", 8.5, "Times-Italic")
    txt(c, 445, top - 34, "M. Ruiz, col. 12.345", 8.5, "Times-Roman")
    y = 560
    for x, h, right in [(50, "Código", False), (120, "Descripción", False), (345, "Cant.", True),
                        (405, "Precio", True), (440, "Dto.", True), (475, "IVA", True), (545, "Importe", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for (code, name), qty, unit, dto, rate, amount in rows:
        y -= 15
        txt(c, 50, y, code, 8.5, "Times-Roman")
        txt(c, 120, y, name, 9)
        txt(c, 345, y, str(qty), 9, right=True)
        txt(c, 405, y, money(unit), 9, right=True)
        txt(c, 440, y, f"{dto} %" if dto else "", 9, right=True)
        txt(c, 475, y, f"{rate} %", 9, right=True)
        txt(c, 545, y, money(amount), 9, right=True)
    c.line(50, y - 6, 545, y - 6)
    top = y - 30
    txt(c, 50, top, "Base imponible", 8.5, "Times-Bold")
    txt(c, 140, top, "% IVA", 8.5, "Times-Bold")
    txt(c, 230, top, "Cuota", 8.5, "Times-Bold", right=True)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        txt(c, 50, top - 13 * (i + 1), money(d.base[r]), 9, "Times-Roman")
        txt(c, 140, top - 13 * (i + 1), f"{r} %", 9)
        txt(c, 230, top - 13 * (i + 1), money(d.vat[r]), 9, right=True)
    rows_t = [("Total base imponible", d.ht, "Times-Roman", 10), ("Total IVA", d.tva, "Times-Roman", 10),
              ("TOTAL FACTURA", d.ttc, "Times-Bold", 12.5)]
    for i, (lab, v, f, size) in enumerate(rows_t):
        yy = top - 16 * i - (4 if i == 2 else 0)
        txt(c, 340, yy, lab, size, f)
        txt(c, 545, yy, money(v), size, f, right=True)
    c.line(340, top - 42, 545, top - 42)
    for i, (lab, v) in enumerate([(f"Entregado a cuenta el {order:%d/%m/%Y}", deposit),
                                  (f"Cobrado con tarjeta el {d.date:%d/%m/%Y}", d.ttc - deposit),
                                  ("Pendiente de pago", Decimal(0))]):
        txt(c, 340, top - 58 - 13 * i, lab, 9, "Times-Italic")
        txt(c, 545, top - 58 - 13 * i, money(v), 9, "Times-Roman", right=True)
    for i, s in enumerate(["Garantía de adaptación a lentes progresivas: 3 meses desde la entrega. Conserve esta factura "
                           "como justificante de garantía.",
                           "Producto sanitario a medida conforme al Reglamento (UE) 2017/745; declaración de "
                           "conformidad a su disposición.",
                           "Inscrita en el Registro Mercantil de Valencia, tomo 9.876, folio 123, hoja V-156.789. Sus "
                           "datos se tratan según el RGPD."]):
        txt(c, 50, 78 - 9 * i, s, 7, "Times-Roman")
    c.save()


def it_studio_legale(d, path, rng):
    """An Italian law firm's invoice in a serif font: the firm centred at the top with its partners,
    PEC and VAT number, the client with its recipient code, number and date at the right, the case
    and court reference, the fees per phase of the proceedings, then the summary stacked at the
    right with the general expenses, the lawyers' pension contribution, the taxable amount, VAT,
    the invoice total, the withholding tax and the net amount to pay, and the payment terms."""
    phases = ["Compenso professionale – fase di studio della controversia",
              "Compenso professionale – fase introduttiva del giudizio",
              "Compenso professionale – fase istruttoria e/o di trattazione",
              "Compenso professionale – fase decisionale",
              "Assistenza stragiudiziale e corrispondenza con controparte",
              "Redazione parere scritto"]
    start = rng.randint(0, 2)
    fees = [q(qty * unit) for _, qty, unit, _ in d.lines]
    comp = sum(fees)
    general = q(comp * 15 / 100)
    cpa = q((comp + general) * 4 / 100)
    reprice_h11(d, {"22": comp + general + cpa})
    ritenuta = q((comp + general) * 20 / 100)
    money = lambda v: "€ " + eu(v, ".")
    c = pen(path, "Times-Roman")
    centre_h11(c, 297.5, 800, "STUDIO LEGALE FERRETTI SANTORO", 16, "Times-Bold")
    centre_h11(c, 297.5, 786, "Avv. Marco Ferretti – Avv. Giulia Santoro – Avv. Paolo Bernardi", 9.5, "Times-Italic")
    centre_h11(c, 297.5, 773, "Via Santo Stefano 38 – 40125 Bologna – Tel. 051 23 45 67 – "
                              "PEC ferretti.santoro@ordineavvocatibopec.it", 8.5, "Times-Roman")
    centre_h11(c, 297.5, 762, "C.F. e P.IVA 03456780371", 8.5, "Times-Roman")
    c.line(50, 754, 545, 754)
    for i, s in enumerate(["Spett.le", "Officine Meccaniche Reno S.p.A.", "Via del Lavoro 22",
                           "40033 Casalecchio di Reno (BO)", "P.IVA 01987650378 – Cod. destinatario KRRH6B9"]):
        txt(c, 50, 730 - 12 * i, s, 8.5 if i in (0, 4) else 10, "Times-Bold" if i == 1 else "Times-Roman")
    for i, (k, v) in enumerate([("Fattura n.", d.number), ("Data", f"{d.date:%d/%m/%Y}"),
                                ("Pratica", f"{d.date.year - 1}/{rng.randint(10, 299):03d}")]):
        txt(c, 380, 730 - 15 * i, k, 10, "Times-Italic")
        txt(c, 545, 730 - 15 * i, v, 10.5, "Times-Bold" if i < 2 else "Times-Roman", right=True)
    rg = f"{rng.randint(1000, 9999)}/{d.date.year - 1}"
    for i, s in enumerate([f"Oggetto: causa R.G. n. {rg} – Tribunale di Bologna, sez. II civile –",
                           "Officine Meccaniche Reno S.p.A. c/ Alfa Logistica S.r.l.",
                           f"Attività svolta sino al {d.before:%d/%m/%Y}, compensi liquidati ai sensi del "
                           "D.M. 55/2014 e successive modifiche."]):
        txt(c, 50, 650 - 13 * i, s, 10 if i < 2 else 9, "Times-Bold" if i < 2 else "Times-Italic")
    y = 595
    txt(c, 50, y, "Descrizione", 9.5, "Times-Bold")
    txt(c, 545, y, "Importo", 9.5, "Times-Bold", right=True)
    c.line(50, y - 4, 545, y - 4)
    for i, fee in enumerate(fees):
        y -= 16
        txt(c, 50, y, phases[start + i], 10, "Times-Roman")
        txt(c, 545, y, money(fee), 10, right=True)
    c.line(50, y - 7, 545, y - 7)
    rows = [("Totale compensi", comp, False), ("Spese generali 15% (art. 2 D.M. 55/2014)", general, False),
            ("Cassa Avvocati C.P.A. 4%", cpa, False), ("Totale imponibile", d.ht, True),
            ("I.V.A. 22%", d.tva, False), ("Totale fattura", d.ttc, True),
            (f"Ritenuta d'acconto 20% su {money(comp + general)}", -ritenuta, False),
            ("Netto a pagare", d.ttc - ritenuta, True)]
    yy = y - 30
    for lab, v, bold in rows:
        if lab in ("Totale imponibile", "Totale fattura", "Netto a pagare"):
            c.line(300, yy + 11, 545, yy + 11)
        f = "Times-Bold" if bold else "Times-Roman"
        txt(c, 300, yy, lab, 10, f)
        txt(c, 545, yy, ("- " if v < 0 else "") + money(abs(v)), 10, f, right=True)
        yy -= 16
    yy -= 20
    for i, s in enumerate([f"Pagamento: bonifico bancario entro il {d.other:%d/%m/%Y}",
                           "BPER Banca – IBAN IT60 X054 2811 1010 0000 0123 456",
                           "Il committente, sostituto d'imposta, è tenuto a versare la ritenuta d'acconto e a "
                           "rilasciarne certificazione."]):
        txt(c, 50, yy - 13 * i, s, 9.5, "Times-Roman")
    for i, s in enumerate(["Avvocati iscritti all'Albo dell'Ordine degli Avvocati di Bologna – polizza RC professionale "
                           "n. 1/39012/122/171441",
                           "Copia di cortesia: la fattura elettronica è stata trasmessa tramite Sistema di Interscambio "
                           "ed è disponibile nel Suo cassetto fiscale."]):
        txt(c, 297.5 - c.stringWidth(s, "Times-Roman", 7.5) / 2, 72 - 9 * i, s, 7.5, "Times-Roman")
    c.save()


# ---- layouts added for held-out set 12 (session 11) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (an author-photographer's invoice with a booking deposit, an event
# caterer's credit note, an independent bookshop's till receipt), a UK recruitment agency's invoice
# for temporary workers, a German pharmacy's till receipt, a Dutch car garage's invoice, a Spanish
# veterinary clinic and an Italian hardware shop's credit note. HELD_OUT_12: drawn in session 11,
# scored only as a table of its own in that session; inspected in session 12.

def net_h12(d, base):
    """Sets the bases per rate (after discounts or extra charges) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h12(d, gross):
    """Prices that include VAT (till receipts): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h12(c, x, y, s, size, font):
    txt(c, x - c.stringWidth(s, font, size) / 2, y, s, size, font)


def fr_photographe_auteur(d, path, rng):
    """A French author-photographer's invoice in a serif letterhead: the name centred at the top,
    "Strasbourg, le <long date>" under the number, the shoot and the accepted quote, shooting at
    20 % and the assignment of rights at 10 %, a rate-by-rate VAT table beside totals stacked at
    the right, less the deposit paid at booking and the balance, then the copyright terms."""
    names = {"20": ["Prise de vue – reportage demi-journée", "Retouche avancée (par image)",
                    "Tirage fine art 40 x 60 cm, papier baryté", "Frais de déplacement (forfait)"],
             "10": ["Cession de droits – site internet, 3 ans", "Cession de droits – brochure 5 000 ex.",
                    "Cession de droits – affichage local, 1 an", "Cession de droits – réseaux sociaux, 2 ans"]}
    c = pen(path, "Times-Roman")
    centre_h12(c, 297.5, 800, "CAMILLE  VERDIER", 22, "Times-Bold")
    centre_h12(c, 297.5, 784, "Photographe auteur  ·  portrait, entreprise & événementiel", 10, "Times-Italic")
    c.setLineWidth(0.5)
    c.line(200, 776, 395, 776)
    for i, s in enumerate(["Atelier : 27 rue des Tanneurs", "67000 Strasbourg", "06 71 42 88 13",
                           "bonjour@camilleverdier.fr", "SIRET 842 117 309 00026 – APE 7420Z"]):
        txt(c, 50, 750 - 11 * i, s, 8.5, "Times-Roman")
    txt(c, 360, 752, "Facture", 20, "Times-Bold")
    txt(c, 360, 734, f"n° {d.number}", 11, "Times-Roman")
    txt(c, 360, 719, f"Strasbourg, le {long_date(d.date, 'fr')}", 10.5, "Times-Roman")
    for i, s in enumerate(["Maison Keller & Fils", "Service communication", "Mme Aurélie Schmitt",
                           "4 quai des Bateliers", "67000 STRASBOURG"]):
        txt(c, 360, 680 - 12 * i, s, 10, "Times-Bold" if i == 0 else "Times-Roman")
    quote = d.before - dt.timedelta(days=rng.randint(15, 40))
    txt(c, 50, 605, f"Objet : reportage « Portraits des équipes » – séance du {d.before:%d/%m/%Y} dans vos "
                    "locaux", 10, "Times-Roman")
    txt(c, 50, 591, f"Selon devis n° D{quote:%y}-{rng.randint(10, 99)}{rng.randint(0, 9)} accepté le "
                    f"{quote:%d/%m/%Y}", 10, "Times-Roman")
    y = 560
    c.setLineWidth(0.8)
    c.line(50, y + 13, 545, y + 13)
    for x, h, right in [(50, "Désignation", False), (330, "Qté", True), (410, "Prix unit. HT", True),
                        (455, "TVA", True), (545, "Total HT", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 16
        txt(c, 50, y, names[rate][n[rate]], 9.5, "Times-Roman")
        n[rate] += 1
        txt(c, 330, y, str(qty), 9.5, right=True)
        txt(c, 410, y, eu(unit, " "), 9.5, right=True)
        txt(c, 455, y, fmt(rate), 9.5, right=True)
        txt(c, 545, y, eu(q(qty * unit), " "), 9.5, right=True)
    c.line(50, y - 8, 545, y - 8)
    top = y - 34
    txt(c, 50, top, "Détail de la TVA", 9.5, "Times-Bold")
    for x, h in [(50, "Taux"), (160, "Base HT"), (240, "TVA")]:
        txt(c, x, top - 14, h, 8.5, "Times-Italic", right=x > 50)
    for i, r in enumerate(sorted(d.base, key=Decimal, reverse=True)):
        txt(c, 50, top - 28 - 12 * i, fmt(r), 9, "Times-Roman")
        txt(c, 160, top - 28 - 12 * i, eu(d.base[r], " "), 9, right=True)
        txt(c, 240, top - 28 - 12 * i, eu(d.vat[r], " "), 9, right=True)
    deposit = Decimal(int(d.ttc * Decimal("0.3") / 10) * 10)
    rows = [("Montant hors taxes", d.ht, "Times-Roman"), ("Montant de la TVA", d.tva, "Times-Roman"),
            ("Total toutes taxes comprises", d.ttc, "Times-Bold")]
    if deposit:
        rows += [(f"Acompte versé le {quote + dt.timedelta(days=3):%d/%m/%Y}", -deposit, "Times-Roman"),
                 ("Reste à régler", d.ttc - deposit, "Times-Bold")]
    yy = top
    for i, (a, v, f) in enumerate(rows):
        if i in (2, 4):
            c.line(330, yy + 12, 545, yy + 12)
        txt(c, 330, yy, a, 10, f)
        txt(c, 545, yy, ("- " if v < 0 else "") + eu(abs(v), " ") + " €", 10, f, right=True)
        yy -= 16
    y = min(yy, top - 28 - 12 * len(d.base)) - 30
    for i, s in enumerate(["Droits cédés pour les seuls usages, supports et durées désignés ci-dessus ; toute autre "
                           "exploitation fera l'objet d'une", "nouvelle cession (art. L131-3 du Code de la propriété "
                           "intellectuelle). Crédit photo obligatoire : « © Camille Verdier ».",
                           f"Règlement à 30 jours, soit au plus tard le {d.other:%d/%m/%Y}, par virement : "
                           "IBAN FR76 1027 8010 0000 0201 3450 182 – BIC CMCIFR2A.",
                           "En cas de retard, pénalités au taux de trois fois l'intérêt légal et indemnité "
                           "forfaitaire de 40 € pour frais de recouvrement."]):
        txt(c, 50, y - 11 * i, s, 8.5, "Times-Roman")
    txt(c, 297.5 - c.stringWidth("TVA intracommunautaire FR 18 842117309", "Times-Roman", 7.5) / 2, 60,
        "TVA intracommunautaire FR 18 842117309", 7.5, "Times-Roman")
    c.save()


def fr_traiteur_avoir(d, path, rng):
    """A French event caterer's credit note: the number and date in a box at the top right, the
    invoice and the wedding it corrects with the reason, the credited dishes at 10 % and drinks or
    hire at 20 %, and a full-width ruled table at the foot of the page, one row per rate and a total
    row (excl. VAT, VAT, incl. VAT), then how the credit is refunded."""
    names = {"10": ["Cocktail dînatoire, 12 pièces par convive", "Menu « Vendanges » entrée-plat-dessert",
                    "Pièce montée en choux, par convive", "Brunch du lendemain, par convive"],
             "20": ["Champagne brut AOC, bouteille 75 cl", "Vouvray pétillant, bouteille 75 cl",
                    "Location vaisselle et nappage (lot)", "Open bar cocktails, par heure"]}
    c = pen(path)
    c.setFillGray(0.15)
    c.rect(50, 770, 40, 40, stroke=0, fill=1)
    c.setFillGray(1)
    centre_h12(c, 70, 783, "ML", 16, "Helvetica-Bold")
    c.setFillGray(0)
    txt(c, 100, 796, "Maison Lefranc", 16, "Helvetica-Bold")
    txt(c, 100, 782, "Traiteur organisateur de réceptions", 9, "Helvetica-Oblique")
    for i, s in enumerate(["ZA du Moulin – 12 rue Ampère", "37300 Joué-lès-Tours", "02 47 53 10 88 · "
                           "contact@maison-lefranc.fr"]):
        txt(c, 50, 755 - 10 * i, s, 8, "Helvetica")
    c.rect(360, 735, 185, 75)
    txt(c, 370, 790, "AVOIR", 16, "Helvetica-Bold")
    txt(c, 370, 772, f"N° {d.number}", 10, "Helvetica-Bold")
    txt(c, 370, 758, f"Date : {d.date:%d/%m/%Y}", 10, "Helvetica")
    txt(c, 370, 744, f"Code client : CL{rng.randint(1000, 9999)}", 8.5, "Helvetica")
    for i, s in enumerate(["Madame et Monsieur DUBREUIL", "La Grange des Prés", "8 chemin des Vignes",
                           "37210 VOUVRAY"]):
        txt(c, 360, 700 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    event = d.before - dt.timedelta(days=rng.randint(3, 12))
    guests = rng.randint(60, 180)
    txt(c, 50, 635, f"Réf. facture : FAC-{d.before:%y%m}-{rng.randint(10, 99)} du {d.before:%d/%m/%Y}", 9,
        "Helvetica")
    txt(c, 50, 622, f"Réception : mariage du {long_date(event, 'fr')} – {guests} convives – Domaine de la Tour, "
                    "Vouvray", 9)
    txt(c, 50, 609, "Motif : convives décommandés avant J-7 et bouteilles non ouvertes reprises.", 9,
        "Helvetica-Oblique")
    y = 575
    c.setFillGray(0.9)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(55, "Désignation", False), (330, "Qté", True), (410, "P.U. HT", True),
                        (460, "Taux", True), (540, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 16
        txt(c, 55, y, names[rate][n[rate]], 9, "Helvetica")
        n[rate] += 1
        txt(c, 330, y, str(qty), 9, right=True)
        txt(c, 410, y, eu(unit, " ") + " €", 9, right=True)
        txt(c, 460, y, fmt(rate), 9, right=True)
        txt(c, 540, y, eu(q(qty * unit), " ") + " €", 9, right=True)
    c.line(50, y - 8, 545, y - 8)
    # Foot table: one row per rate, then the credit note's total.
    rates = sorted(d.base, key=Decimal)
    top = 235
    xs = [50, 170, 295, 420, 545]
    h = 18 * (len(rates) + 2)
    c.rect(50, top - h + 13, 495, h)
    for x in xs[1:-1]:
        c.line(x, top - h + 13, x, top + 13)
    for i in range(1, len(rates) + 2):
        c.line(50, top + 13 - 18 * i, 545, top + 13 - 18 * i)
    for i, hd in enumerate(["Taux de TVA", "Base hors taxes", "Montant de TVA", "Total TTC"]):
        txt(c, xs[i] + 6, top, hd, 8.5, "Helvetica-Bold")
    for j, r in enumerate(rates):
        yy = top - 18 * (j + 1)
        txt(c, xs[0] + 6, yy, fmt(r), 9, "Helvetica")
        for i, v in enumerate([d.base[r], d.vat[r], d.base[r] + d.vat[r]]):
            txt(c, xs[i + 2] - 6, yy, eu(v, " ") + " €", 9, right=True)
    yy = top - 18 * (len(rates) + 1)
    txt(c, xs[0] + 6, yy, "Total de l'avoir", 9, "Helvetica-Bold")
    for i, v in enumerate([d.ht, d.tva, d.ttc]):
        txt(c, xs[i + 2] - 6, yy, eu(v, " ") + " €", 9.5, "Helvetica-Bold", right=True)
    yy -= 34
    txt(c, 50, yy, f"Remboursement par virement au plus tard le {d.other:%d/%m/%Y} sur le compte ayant servi "
                   "au règlement de la facture.", 8.5, "Helvetica")
    for i, s in enumerate(["SAS Maison Lefranc au capital de 20 000 € – RCS Tours 510 238 947 – SIRET 510 238 947 "
                           "00025 – TVA FR 33 510238947", "Agrément sanitaire FR 37.122.004 CE – Assurance RC Pro "
                           "n° 114 872 205"]):
        txt(c, 50, 70 - 9 * i, s, 7, "Helvetica")
    txt(c, 545, 52, "1/1", 7, "Helvetica", right=True)
    c.save()


def fr_librairie_ticket(d, path, rng):
    """An independent French bookshop's till receipt in a fixed-pitch font: books by EAN at 5,5 %
    (prix unique, with the 5 % loyalty discount) and stationery at 20 %, the total and the card
    payment, a VAT grid with a total row, then the date, till and ticket number at the foot."""
    books = [("9782070368228", "L'ETRANGER"), ("9782253004226", "BEL-AMI"), ("9782330173876", "LE MAGE DU KREMLIN"),
             ("9782072973109", "VIVRE VITE"), ("9782226474650", "LA TRESSE")]
    paper = [("3037920182451", "CARNET LIGNE A5 NOIR"), ("4006381333627", "STYLO ROLLER BLEU"),
             ("3141920097013", "MARQUE-PAGES CUIR"), ("3660731100245", "CARTE POSTALE ILLUSTR")]
    rows = []
    for i, (_, qty, unit, rate) in enumerate(d.lines):
        qty = qty if qty <= 2 else 1
        if rate == "5.5":
            ean, name = books[i]
            each = Decimal(rng.choice(["7.10", "8.90", "9.50", "19.90", "21.00", "22.50", "24.00"]))
        else:
            ean, name = paper[i]
            each = Decimal(rng.choice(["1.50", "3.90", "6.50", "12.90", "14.95"]))
        rows.append((ean, name, qty, each, q(qty * each), rate))
    card = rng.random() < 0.6
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[5]] += r[4]
    disc = q(gross["5.5"] * Decimal("0.05")) if card and gross.get("5.5") else Decimal(0)
    if disc:
        gross["5.5"] -= disc
    gross_h12(d, gross)
    height = 370 + 22 * len(rows) + (12 if disc else 0) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(215, height), invariant=1)
    y = height - 28

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h12(c, 107.5, y, s, size, font)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 205, y, right, size, font, right=True)
        y -= size + 3.5

    line("LIBRAIRIE LA PAGE BLANCHE", size=9.5, font="Courier-Bold", center=True)
    for s in ["Librairie indépendante", "14 rue Saint-Malo", "35000 RENNES", "Tél 02 99 31 46 72"]:
        line(s, size=7, center=True)
    y -= 6
    for ean, name, qty, each, amount, rate in rows:
        line(name, eu(amount, " "))
        line(f"  {ean}  {qty} x {eu(each, ' ')}  {'1' if rate == '5.5' else '2'}", size=6.5)
        y -= 2
    if disc:
        line("REMISE FIDELITE 5% LIVRES", "-" + eu(disc, " "))
    line("-" * 43)
    line("A REGLER", eu(d.ttc, " ") + " EUR", size=9.5, font="Courier-Bold")
    line("PAIEMENT CB", eu(d.ttc, " "))
    line(f"{sum(r[2] for r in rows)} ARTICLE(S)", size=7)
    y -= 4
    line(f"{'':<2}{'TAUX':<7}{'HT':>11}{'TVA':>10}{'TTC':>11}", size=7)
    for r in sorted(d.base, key=Decimal):
        code = "1" if r == "5.5" else "2"
        line(f"{code:<2}{fmt(r).replace(' ', ''):<7}{eu(d.base[r], ' '):>11}{eu(d.vat[r], ' '):>10}"
             f"{eu(d.base[r] + d.vat[r], ' '):>11}", size=7)
    line(f"{'TOTAL':<9}{eu(d.ht, ' '):>11}{eu(d.tva, ' '):>10}{eu(d.ttc, ' '):>11}", size=7, font="Courier-Bold")
    y -= 4
    if card:
        line(f"CARTE FIDELITE {rng.randint(10 ** 7, 10 ** 8 - 1)}", size=7)
        line(f"SOLDE POINTS : {rng.randint(3, 95)}", size=7)
    line("-" * 43)
    hh, mm = rng.randint(10, 19), rng.randint(0, 59)
    line(f"{d.date:%d/%m/%Y} {hh:02d}:{mm:02d}  CAISSE 1  VEND. 03", size=7)
    line(f"TICKET {d.number}", size=8, font="Courier-Bold")
    y -= 4
    for s in ["Prix unique du livre :", "loi du 10 août 1981", "Echange sous 15 jours avec ce ticket",
              "SIRET 477 512 890 00017", "TVA FR 61 477512890", "Merci et bonne lecture !"]:
        line(s, size=6.5, center=True)
    c.save()


def en_gb_recruitment(d, path, rng):
    """A UK recruitment agency's invoice for temporary workers: the agency's details down the
    right, an invoice details grid (date as 14 Mar 2024, account, PO, terms, due date), one line per
    worker and week ending with hours and charge rate, and a boxed summary at the bottom right with
    a shaded heading, then the bank details and the terms of business."""
    workers = ["K. Nowak – Warehouse Operative", "D. Okafor – Counterbalance FLT Driver",
               "S. Ahmed – Picker / Packer (nights)", "R. Clarke – Shift Team Leader"]
    sunday = d.before - dt.timedelta(days=(d.before.weekday() + 1) % 7)
    rows = []
    for i, (_, qty, unit, _) in enumerate(d.lines):
        hours = Decimal(rng.choice(["37.50", "40.00", "22.50", "45.00", "16.00", "30.25", "42.75"]))
        rate = q(Decimal(1250 + int(unit * 100) % 1550) / 100)
        rows.append((sunday - dt.timedelta(days=7 * (i // 2)), workers[i], hours, rate, q(hours * rate)))
    net_h12(d, {"20": sum(r[4] for r in rows)})
    c = pen(path)
    txt(c, 50, 795, "NorthStaff", 24, "Helvetica-Bold")
    txt(c, 50, 780, "RECRUITMENT SOLUTIONS", 8, "Helvetica")
    for i, s in enumerate(["NorthStaff Recruitment Ltd", "Unit 4, Mercia Court", "Coventry CV1 2TT",
                           "T 024 7655 0193", "accounts@northstaff.co.uk", "VAT Reg. No. GB 284 5531 07"]):
        txt(c, 545, 800 - 11 * i, s, 8, "Helvetica-Bold" if i == 0 else "Helvetica", right=True)
    c.setLineWidth(2)
    c.line(50, 725, 545, 725)
    c.setLineWidth(1)
    txt(c, 50, 700, "INVOICE", 16, "Helvetica-Bold")
    txt(c, 50, 680, "Invoice to", 8, "Helvetica-Oblique")
    for i, s in enumerate(["Midlands Parcel Hub Ltd", "FAO Accounts Payable", "Building 2, Ansty Park",
                           "Coventry CV7 9JU"]):
        txt(c, 50, 667 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    grid = [("Invoice Number", d.number), ("Invoice Date", f"{d.date:%d %b %Y}"),
            ("Account No.", f"MPH{rng.randint(100, 999)}"), ("Your PO", f"PO-{rng.randint(40000, 49999)}"),
            ("Terms", "14 days"), ("Payment Due", f"{d.date + dt.timedelta(days=14):%d %b %Y}")]
    for i, (k, v) in enumerate(grid):
        yy = 700 - 15 * i
        c.rect(330, yy - 4, 85, 15)
        c.rect(415, yy - 4, 130, 15)
        txt(c, 335, yy, k, 8.5, "Helvetica-Bold")
        txt(c, 420, yy, v, 8.5, "Helvetica")
    y = 585
    c.setFillGray(0.85)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(55, "W/E", False), (120, "Worker / Role", False), (375, "Hours", True),
                        (450, "Rate £", True), (540, "Net £", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for we, who, hours, rate, amount in rows:
        y -= 16
        txt(c, 55, y, f"{we:%d/%m/%y}", 8.5, "Helvetica")
        txt(c, 120, y, who, 8.5)
        txt(c, 375, y, f"{hours:.2f}", 8.5, right=True)
        txt(c, 450, y, us(rate), 8.5, right=True)
        txt(c, 540, y, us(amount), 8.5, right=True)
    c.line(50, y - 8, 545, y - 8)
    txt(c, 50, y - 24, "Timesheets authorised by the client's site manager are available on the NorthStaff portal.",
        8, "Helvetica-Oblique")
    top = 260
    c.rect(330, top - 62, 215, 82)
    c.setFillGray(0.85)
    c.rect(330, top + 2, 215, 18, stroke=1, fill=1)
    c.setFillGray(0)
    txt(c, 338, top + 7, "SUMMARY", 9, "Helvetica-Bold")
    for i, (a, v, bold) in enumerate([("Net Total", d.ht, False), ("VAT @ 20.00%", d.tva, False),
                                      ("TOTAL DUE (GBP)", d.ttc, True)]):
        yy = top - 15 - 18 * i
        txt(c, 338, yy, a, 9.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 537, yy, "£" + us(v), 9.5 if not bold else 10.5, "Helvetica-Bold" if bold else "Helvetica",
            right=True)
    for i, s in enumerate(["Please pay by BACS quoting the invoice number:", "Barclays Bank plc",
                           "Sort code 20-45-77", "Account 43017788"]):
        txt(c, 50, top + 7 - 13 * i, s, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    for i, s in enumerate(["Any query on this invoice must be raised within 7 days of its date. Supplied under our "
                           "Terms of Business for the supply of temporary workers",
                           "(Conduct of Employment Agencies and Employment Businesses Regulations 2003). Late payment "
                           "interest may be charged under the Late Payment",
                           "of Commercial Debts (Interest) Act 1998.",
                           "NorthStaff Recruitment Ltd · Registered in England & Wales No. 09812345 · Registered "
                           "office: Unit 4, Mercia Court, Coventry CV1 2TT"]):
        txt(c, 50, 110 - 10 * i, s, 7, "Helvetica")
    txt(c, 545, 55, "Page 1 of 1", 7, "Helvetica", right=True)
    c.save()


def de_apotheke_kassenbon(d, path, rng):
    """A German pharmacy's till receipt: each article with its PZN and tax letter, the total, card
    or cash with change, a tax table per letter with a sum row, the receipt number, date and time,
    then the fiscal (TSE) block with its own start and end timestamps."""
    items = {"19": ["IBUPROFEN 400 AKUT 20 ST", "BEPANTHEN WUND-U.HEILSALBE 20 G", "GRIPPOSTAD C 24 KAPS",
                    "ZUZAHLUNG REZEPT"],
             "7": ["KAMILLENBLUETEN TEE 20 FB", "HIPP BIO BREI APFEL 190 G", "DEXTRO ENERGY WUERFEL",
                   "EMSER PASTILLEN O.Z. 30 ST"]}
    rows = []
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        qty = qty if qty <= 3 else 1
        each = Decimal(rng.choice(["2.95", "4.49", "5.00", "6.97", "8.45", "10.00", "12.79"]))
        name = items[rate][n[rate]]
        n[rate] += 1
        rows.append((name, f"{rng.randint(1000000, 19999999):08d}", qty, each, q(qty * each), rate))
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[5]] += r[4]
    gross_h12(d, gross)
    letter = {"19": "A", "7": "B"}
    cash = rng.random() < 0.4
    height = 380 + 22 * len(rows) + (12 if cash else 0) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(210, height), invariant=1)
    y = height - 26

    def line(s, right=None, size=7.5, font="Helvetica", center=False, x=10):
        nonlocal y
        if center:
            centre_h12(c, 105, y, s, size, font)
        else:
            txt(c, x, y, s, size, font)
        if right is not None:
            txt(c, 200, y, right, size, font, right=True)
        y -= size + 3.5

    line("Apotheke am Marktplatz", size=10.5, font="Helvetica-Bold", center=True)
    for s in ["Inh. Dr. Sabine Krüger e.K.", "Marktplatz 3 · 72070 Tübingen", "Tel. 07071 55 23 40",
              "USt-IdNr. DE 146 227 981"]:
        line(s, size=7, center=True)
    y -= 8
    line("Artikel", "EUR", size=7, font="Helvetica-Bold")
    for name, pzn, qty, each, amount, rate in rows:
        line(name, f"{eu(amount)} {letter[rate]}")
        line(f"PZN {pzn}     {qty} x {eu(each)}", size=6.5, x=18)
        y -= 1
    c.setDash(2, 2)
    c.line(10, y + 4, 200, y + 4)
    c.setDash()
    y -= 6
    line("SUMME EUR", eu(d.ttc), size=10, font="Helvetica-Bold")
    y -= 2
    if cash:
        given = Decimal(((int(d.ttc) // 10) + 1) * 10)
        line("Bar", eu(given))
        line("Rückgeld", eu(given - d.ttc))
    else:
        line("girocard", eu(d.ttc))
    y -= 6
    txt(c, 10, y, "MwSt", 6.5, "Helvetica-Bold")
    for x, h in [(92, "Netto"), (145, "Steuer"), (200, "Brutto")]:
        txt(c, x, y, h, 6.5, "Helvetica-Bold", right=True)
    y -= 10
    for r in sorted(d.base, key=Decimal, reverse=True):
        yy = y
        txt(c, 10, yy, f"{letter[r]} {r},00 %", 7, "Helvetica")
        for x, v in [(92, d.base[r]), (145, d.vat[r]), (200, d.base[r] + d.vat[r])]:
            txt(c, x, yy, eu(v), 7, right=True)
        y -= 10
    txt(c, 10, y, "Summe", 7, "Helvetica-Bold")
    for x, v in [(92, d.ht), (145, d.tva), (200, d.ttc)]:
        txt(c, x, y, eu(v), 7, "Helvetica-Bold", right=True)
    y -= 18
    hh, mm, ss = rng.randint(8, 18), rng.randint(0, 58), rng.randint(0, 50)
    line(f"Beleg-Nr. {d.number}", size=8, font="Helvetica-Bold")
    line(f"{d.date:%d.%m.%Y}  {hh:02d}:{mm:02d} Uhr   Kasse 2   Bed. 04", size=7.5)
    y -= 6
    start = dt.datetime(d.date.year, d.date.month, d.date.day, hh, mm, ss)
    for s in [f"TSE-Transaktion: {rng.randint(10000, 99999)}", f"TSE-Start: {start:%Y-%m-%dT%H:%M:%S}",
              f"TSE-Ende:  {start + dt.timedelta(seconds=rng.randint(20, 70)):%Y-%m-%dT%H:%M:%S}",
              f"TSE-Seriennr.: {rng.getrandbits(64):016x}", f"Signaturzähler: {rng.randint(10000, 99999)}"]:
        line(s, size=6, font="Courier")
    y -= 6
    line("Vielen Dank für Ihren Besuch!", size=7.5, font="Helvetica-Bold", center=True)
    line("Gute Besserung.", size=7, center=True)
    c.save()


def nl_autobedrijf(d, path, rng):
    """A Dutch car garage's invoice: the vehicle's plate, make, mileage and VIN in a box, a ruled
    header row (invoice number, date, customer, work order), labour and parts lines with a code, a
    discount column and an environment surcharge, the next MOT date, and the totals in a grey band
    across the foot of the page, with the payment line below it."""
    jobs = [("A", "Arbeid APK-keuring en afmelden RDW (uur)"), ("A", "Arbeid grote onderhoudsbeurt (uur)"),
            ("O", "Remblokken vooras (set)"), ("O", "Motorolie 5W-30 longlife (liter)")]
    disc = [rng.choice([0, 0, 5, 10]) if code == "O" else 0 for code, _ in jobs]
    amounts = [q(qty * unit * (100 - disc[i]) / 100) for i, (_, qty, unit, _) in enumerate(d.lines)]
    env = Decimal("7.95")
    net_h12(d, {"21": sum(amounts) + env})
    c = pen(path)
    txt(c, 50, 800, "Autobedrijf Van Leeuwen", 18, "Helvetica-Bold")
    txt(c, 50, 786, "Onderhoud · APK · Reparatie alle merken · BOVAG-lid", 8.5, "Helvetica")
    for i, s in enumerate(["Industrieweg 17", "3861 RB Nijkerk", "Tel. 033 - 245 67 89", "info@autovanleeuwen.nl"]):
        txt(c, 545, 800 - 11 * i, s, 8.5, "Helvetica", right=True)
    for i, s in enumerate(["Dhr. P. de Groot", "Zeedijk 12", "3862 AB  NIJKERK"]):
        txt(c, 50, 735 - 13 * i, s, 10, "Helvetica")
    c.rect(330, 690, 215, 62)
    plate = f"{rng.choice(['GX', 'KL', 'HN'])}-{rng.randint(100, 999)}-{rng.choice('BDFGHJKLNPRSTXZ')}"
    km = rng.randint(35000, 190000)
    for i, (k, v) in enumerate([("Kenteken", plate), ("Merk / type", "Volkswagen Golf 1.5 TSI"),
                                ("Km-stand", f"{km:,}".replace(",", ".")),
                                ("VIN", f"WVWZZZAUZKW{rng.randint(100000, 999999)}")]):
        txt(c, 336, 740 - 13 * i, k, 8, "Helvetica-Bold")
        txt(c, 400, 740 - 13 * i, v, 8, "Helvetica")
    txt(c, 50, 655, "FACTUUR", 15, "Helvetica-Bold")
    heads = ["Factuurnummer", "Factuurdatum", "Klantnummer", "Werkorder"]
    vals = [d.number, f"{d.date:%d-%m-%Y}", f"{rng.randint(10000, 29999)}", f"WO {rng.randint(5000, 9999)}"]
    for i, (h, v) in enumerate(zip(heads, vals)):
        x = 50 + 123.75 * i
        c.rect(x, 610, 123.75, 32)
        txt(c, x + 5, 631, h, 7.5, "Helvetica")
        txt(c, x + 5, 616, v, 10, "Helvetica-Bold")
    y = 585
    for x, h, right in [(50, "Code", False), (85, "Omschrijving", False), (350, "Aantal", True),
                        (420, "Prijs", True), (465, "Kort.", True), (545, "Bedrag", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, (_, qty, unit, _) in enumerate(d.lines):
        y -= 15
        code, name = jobs[i]
        txt(c, 50, y, code, 8.5, "Helvetica")
        txt(c, 85, y, name, 8.5)
        txt(c, 350, y, f"{qty},00", 8.5, right=True)
        txt(c, 420, y, eu(unit), 8.5, right=True)
        txt(c, 465, y, f"{disc[i]}%" if disc[i] else "", 8.5, right=True)
        txt(c, 545, y, eu(amounts[i]), 8.5, right=True)
    y -= 15
    txt(c, 50, y, "T", 8.5, "Helvetica")
    txt(c, 85, y, "Milieutoeslag en klein materiaal", 8.5)
    txt(c, 545, y, eu(env), 8.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    txt(c, 50, y - 20, "Code: A = arbeid, O = onderdelen, T = toeslag. Prijzen in euro, exclusief btw.", 7.5,
        "Helvetica-Oblique")
    apk = d.date.replace(year=d.date.year + 1) if not (d.date.month == 2 and d.date.day == 29) else \
        d.date + dt.timedelta(days=365)
    txt(c, 50, y - 45, f"APK geldig tot: {apk:%d-%m-%Y}", 9, "Helvetica-Bold")
    txt(c, 50, y - 58, f"Volgende onderhoudsbeurt: bij {km + 15000:,} km of uiterlijk {apk:%d-%m-%Y}".replace(",", "."),
        9, "Helvetica")
    txt(c, 50, y - 71, "Garantie op onderdelen en arbeid: 6 maanden of 10.000 km.", 9, "Helvetica")
    band = 150
    c.setFillGray(0.85)
    c.rect(50, band, 495, 46, stroke=0, fill=1)
    c.setFillGray(0)
    for i, (h, v) in enumerate([("Totaal exclusief btw", d.ht), ("21% btw", d.tva), ("Factuurbedrag", d.ttc)]):
        x = 50 + 165 * i
        txt(c, x + 10, band + 30, h, 8.5, "Helvetica")
        txt(c, x + 155, band + 10, "€ " + eu(v), 13 if i == 2 else 11, "Helvetica-Bold" if i == 2 else "Helvetica",
            right=True)
    if rng.random() < 0.5:
        pay = f"Voldaan per pin op {d.date:%d-%m-%Y}. Hartelijk dank!"
    else:
        pay = f"Gelieve binnen 14 dagen te betalen, uiterlijk {d.date + dt.timedelta(days=14):%d-%m-%Y}, " \
              "o.v.v. het factuurnummer."
    txt(c, 50, band - 18, pay, 9, "Helvetica")
    txt(c, 50, band - 31, "Rabobank IBAN NL91 RABO 0315 2478 64 · KvK 08123456 · Btw-id NL812345678B01", 8,
        "Helvetica")
    txt(c, 50, 60, "Op al onze werkzaamheden zijn de BOVAG-voorwaarden voor reparatie en onderhoud van toepassing.",
        7, "Helvetica")
    c.save()


def es_clinica_veterinaria(d, path, rng):
    """A Spanish veterinary clinic's invoice in a serif font: the clinic and the client at the top,
    a patient box (name, species, microchip, birth date), services at 21 % and medicines at 10 %,
    and a grey column down the right holding the invoice number, issue and service dates, the VAT
    breakdown per rate and the total, with the card payment date and the next check-up."""
    names = {"21": ["Consulta veterinaria general", "Análisis bioquímico completo", "Radiografía, 2 proyecciones",
                    "Limpieza dental con ultrasonidos"],
             "10": ["Vacuna antirrábica", "Antiparasitario oral 20-40 kg", "Amoxicilina/clavulánico 250 mg",
                    "Meloxicam suspensión oral 32 ml"]}
    c = pen(path, "Times-Roman")
    c.setFillGray(0.9)
    c.rect(415, 0, 180, 842, stroke=0, fill=1)
    c.setFillGray(0)
    txt(c, 40, 800, "Clínica Veterinaria Mediterránea", 17, "Times-Bold")
    for i, s in enumerate(["Avda. del Puerto 214, bajo · 46023 Valencia", "Tel. 963 30 71 22 · Urgencias 24 h "
                           "669 41 20 87", "CIF B98765432 · Centro autorizado CV-VA-0412"]):
        txt(c, 40, 785 - 11 * i, s, 8.5, "Times-Roman")
    txt(c, 40, 735, "Cliente", 9, "Times-Italic")
    for i, s in enumerate(["Dña. Lucía Ferrer Soler", "NIF 22554871K", "C/ Sueca 41, 5º 9ª", "46006 Valencia"]):
        txt(c, 40, 722 - 12 * i, s, 10, "Times-Bold" if i == 0 else "Times-Roman")
    born = d.date - dt.timedelta(days=rng.randint(400, 4000))
    c.rect(220, 663, 180, 84)
    txt(c, 226, 735, "Paciente", 9, "Times-Italic")
    for i, s in enumerate([f"{rng.choice(['Bruno', 'Luna', 'Coco', 'Nala'])} (canino, Labrador)",
                           f"Microchip {rng.randint(10 ** 14, 10 ** 15 - 1)}", f"Nacimiento {born:%d/%m/%Y}",
                           f"Peso {rng.randint(80, 420) / 10:.1f} kg".replace(".", ","),
                           f"Historia clínica nº {rng.randint(1000, 9999)}"]):
        txt(c, 226, 722 - 12 * i, s, 9.5, "Times-Bold" if i == 0 else "Times-Roman")
    y = 615
    for x, h, right in [(40, "Concepto", False), (255, "Uds.", True), (320, "Precio", True),
                        (350, "IVA", True), (405, "Importe", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(40, y - 4, 405, y - 4)
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        y -= 15
        txt(c, 40, y, names[rate][n[rate]], 9, "Times-Roman")
        n[rate] += 1
        txt(c, 255, y, str(qty), 9, right=True)
        txt(c, 320, y, eu(unit), 9, right=True)
        txt(c, 350, y, f"{rate}%", 9, right=True)
        txt(c, 405, y, eu(q(qty * unit)), 9, right=True)
    c.line(40, y - 6, 405, y - 6)
    nxt = d.date + dt.timedelta(days=rng.choice([180, 365]))
    txt(c, 40, y - 30, f"Próxima revisión / vacunación: {nxt:%d/%m/%Y}", 10, "Times-Bold")
    txt(c, 40, y - 44, "Le enviaremos un recordatorio por SMS una semana antes.", 9, "Times-Italic")
    # Right column.
    x0, x1 = 425, 575
    txt(c, x0, 790, "FACTURA", 18, "Times-Bold")
    info = [("Nº de factura", d.number), ("Fecha de expedición", f"{d.date:%d/%m/%Y}"),
            ("Fecha de la operación", f"{d.before:%d/%m/%Y}")]
    for i, (k, v) in enumerate(info):
        txt(c, x0, 762 - 30 * i, k, 8.5, "Times-Italic")
        txt(c, x0, 749 - 30 * i, v, 11, "Times-Bold" if i < 2 else "Times-Roman")
    y = 640
    txt(c, x0, y, "Desglose del IVA", 10, "Times-Bold")
    c.line(x0, y - 4, x1, y - 4)
    y -= 18
    for r in sorted(d.base, key=Decimal, reverse=True):
        for k, v in [(f"Base al {r}%", d.base[r]), (f"IVA al {r}%", d.vat[r])]:
            txt(c, x0, y, k, 9, "Times-Roman")
            txt(c, x1, y, eu(v) + " €", 9, right=True)
            y -= 13
        y -= 5
    c.line(x0, y + 8, x1, y + 8)
    y -= 6
    for k, v in [("Suma bases imponibles", d.ht), ("Suma cuotas IVA", d.tva)]:
        txt(c, x0, y, k, 9.5, "Times-Roman")
        txt(c, x1, y, eu(v) + " €", 9.5, right=True)
        y -= 14
    y -= 10
    txt(c, x0, y, "IMPORTE TOTAL", 10, "Times-Bold")
    txt(c, x1, y - 20, eu(d.ttc) + " €", 16, "Times-Bold", right=True)
    y -= 50
    for i, s in enumerate(["Forma de pago: tarjeta", f"Cobrado el {d.date:%d/%m/%Y}",
                           f"Terminal TPV {rng.randint(10000000, 99999999)}"]):
        txt(c, x0, y - 12 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate(["Clínica Veterinaria Mediterránea, S.L. · Inscrita en el Registro Mercantil de Valencia,",
                           "tomo 9.812, folio 140, hoja V-158.233. Sus datos se tratan conforme al RGPD",
                           "(UE) 2016/679; puede ejercer sus derechos en dpd@vetmediterranea.es."]):
        txt(c, 40, 80 - 9 * i, s, 7, "Times-Roman")
    c.save()


def it_ferramenta_nota_credito(d, path, rng):
    """An Italian hardware shop's credit note from a fixed-pitch management program: a row of
    header cells (document type TD04, number, date, customer code, page), the customer with its SDI
    code, the invoice and delivery note it reverses with the reason, lines with a discount column,
    and three boxes side by side at the foot for the taxable amount, VAT and total."""
    items = [("UT-2231", "Trapano avvitatore 18V 2 batt.", "PZ"), ("VE-0410", "Smalto antiruggine grigio 2,5 l", "LT"),
             ("FE-1188", "Tassello nylon 10x50 conf. 100", "CF"), ("CA-0907", "Scala alluminio 7 gradini", "PZ")]
    sc = [rng.choice([0, 5, 10, 20]) for _ in d.lines]
    net = [q(qty * unit * (100 - k) / 100) for (_, qty, unit, _), k in zip(d.lines, sc)]
    net_h12(d, {"22": sum(net)})
    c = pen(path, "Courier")
    txt(c, 50, 805, "FERRAMENTA COLOMBO", 15, "Courier-Bold")
    txt(c, 50, 792, "di Colombo Luigi & C. s.n.c.", 9, "Courier")
    for i, s in enumerate(["Utensileria - Colori - Casalinghi", "Via Garibaldi 88 - 24121 Bergamo (BG)",
                           "Tel. 035 24 18 73", "P.IVA/C.F. 01987650163 - REA BG-254871"]):
        txt(c, 50, 779 - 10 * i, s, 8, "Courier")
    c.rect(330, 700, 215, 95)
    txt(c, 338, 783, "Spett.le", 8, "Courier")
    for i, s in enumerate(["EDILPIU' S.R.L.", "Via Moroni 212", "24127 Bergamo (BG)", "P.IVA 03456780169",
                           "Cod. destinatario KRRH6B9"]):
        txt(c, 338, 770 - 12 * i, s, 8.5, "Courier-Bold" if i == 0 else "Courier")
    heads = ["Tipo doc. SdI", "Numero", "Data", "Cod. cli.", "Pag."]
    vals = ["TD04 NOTA DI CREDITO", d.number, f"{d.date:%d/%m/%Y}", f"{rng.randint(100, 999)}", "1/1"]
    widths = [140, 115, 90, 80, 70]
    x, top = 50, 670
    for h, v, w in zip(heads, vals, widths):
        c.rect(x, top - 24, w, 36)
        txt(c, x + 4, top + 2, h, 7, "Courier")
        txt(c, x + 4, top - 15, v, 9, "Courier-Bold")
        x += w
    ref_day = d.before
    txt(c, 50, 620, f"Rif. fattura n. {ref_day.year}/{rng.randint(100, 999)} del {ref_day:%d/%m/%Y} - "
                    f"DDT n. {rng.randint(1000, 4999)} del {ref_day - dt.timedelta(days=2):%d/%m/%Y}", 8.5, "Courier")
    txt(c, 50, 608, "Causale: reso merce non conforme e storno prezzi", 8.5, "Courier")
    y = 580
    c.line(50, y + 11, 545, y + 11)
    for x, h, right in [(50, "Codice", False), (115, "Descrizione", False), (345, "UM", False),
                        (395, "Q.ta", True), (455, "Prezzo", True), (490, "Sc%", True), (545, "Importo", True)]:
        txt(c, x, y, h, 8, "Courier-Bold", right=right)
    c.line(50, y - 4, 545, y - 4)
    for i, ((_, qty, unit, _), k, v) in enumerate(zip(d.lines, sc, net)):
        y -= 14
        code, name, um = items[i]
        txt(c, 50, y, code, 8, "Courier")
        txt(c, 115, y, name, 8)
        txt(c, 345, y, um, 8)
        txt(c, 395, y, f"{qty},00", 8, right=True)
        txt(c, 455, y, eu(unit), 8, right=True)
        txt(c, 490, y, str(k) if k else "", 8, right=True)
        txt(c, 545, y, eu(v), 8, right=True)
    c.line(50, y - 6, 545, y - 6)
    txt(c, 50, y - 22, "Aliquota IVA 22% - Esigibilita' immediata", 8, "Courier")
    txt(c, 50, y - 34, "Importo da compensare con le prossime forniture.", 8, "Courier")
    top = 190
    for i, (h, v) in enumerate([("IMPONIBILE", d.ht), ("IMPOSTA 22%", d.tva), ("TOTALE NOTA DI CREDITO", d.ttc)]):
        w = [150, 150, 195][i]
        x = [50, 200, 350][i]
        c.setLineWidth(1.6 if i == 2 else 0.8)
        c.rect(x, top - 26, w, 44)
        txt(c, x + 6, top + 5, h, 7.5, "Courier-Bold" if i == 2 else "Courier")
        txt(c, x + w - 6, top - 16, "EUR " + eu(v), 11 if i == 2 else 10, "Courier-Bold", right=True)
    c.setLineWidth(1)
    for i, s in enumerate(["Documento trasmesso al Sistema di Interscambio: questa stampa non costituisce "
                           "documento fiscale", "(art. 21 D.P.R. 633/1972). Conservare per 10 anni.",
                           "Banca Popolare di Sondrio - IBAN IT60 X054 2811 1010 0000 0123 456"]):
        txt(c, 50, 120 - 10 * i, s, 7, "Courier")
    c.save()


# ---- layouts added for held-out set 13 (session 12) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a butcher's till receipt with weighed meat and the card slip, an
# appliance store's credit note with the eco-contribution lines, an equipment-hire invoice with the
# hire period and the contract), a UK foodservice wholesaler's tax invoice with zero-rated food, a
# German landscaper's invoice with the labour costs of § 35a EStG, a Dutch hair salon's receipt with
# the next appointment, a Spanish plumber's invoice at 10 % and 21 % and an Italian farm stay's
# invoice. HELD_OUT_13: drawn in session 12, scored as a table of its own, then inspected in
# session 12 once HELD_OUT_15 and 16 were drawn.

def net_h13(d, base):
    """Sets the bases per rate (prices excluding VAT, after discounts or extras) and works the VAT out."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h13(d, gross):
    """Prices including VAT (till receipts): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def eom_h13(day, months):
    """The last day of the month `months` after the one of `day` (0: that month's own end)."""
    y, m = day.year, day.month + months + 1
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def centre_h13(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fr_boucherie_ticket(d, path, rng):
    """A French butcher-delicatessen's till receipt: the ticket number, till and seller under the
    shop's name, weighed meat (kg x price per kg) at 5,5 % and wine at 20 % with a tax code, the
    total, a VAT table with the totals excl. and incl. VAT, then the card slip with its own date,
    time and authorisation number, and the date and time of the sale at the very bottom."""
    meats = [("ENTRECOTE VBF", "38.90"), ("ROTI DE PORC FILET", "16.50"), ("POULET FERMIER LABEL ROUGE", "11.90"),
             ("SAUCISSE DE TOULOUSE", "14.20"), ("JAMBON BLANC MAISON", "24.90"), ("BOEUF BOURGUIGNON", "17.80"),
             ("TERRINE DE CAMPAGNE", "19.50"), ("GIGOT D'AGNEAU", "29.90")]
    wines = [("COTES DU RHONE AOC 75CL", "8.90"), ("CHAMPAGNE BRUT 75CL", "27.50"),
             ("BOURGOGNE PINOT NOIR 75CL", "14.40"), ("BIERE ARTISANALE 33CL", "3.20")]
    meats = rng.sample(meats, 4)
    rows = []
    n = defaultdict(int)
    for _, qty, unit, rate in d.lines:
        if rate == "5.5":
            name, per_kg = meats[n[rate]]
            kg = Decimal(rng.randint(180, 1650)) / 1000
            rows.append((name, f"{kg:.3f} kg x {eu(Decimal(per_kg))} EUR/kg".replace(".", ",", 1),
                         q(kg * Decimal(per_kg)), "A"))
        else:
            name, each = wines[n[rate]]
            k = min(qty, 6)
            rows.append((name, f"{k} x {eu(Decimal(each))}", q(k * Decimal(each)), "B"))
        n[rate] += 1
    gross = defaultdict(Decimal)
    for r in rows:
        gross["5.5" if r[3] == "A" else "20"] += r[2]
    gross_h13(d, gross)
    d.number = f"{rng.randint(1000, 99999):06d}"
    cash = rng.random() < 0.35
    height = 490 + 22 * len(rows) + 11 * len(d.base) - (125 if cash else 0)
    c = canvas.Canvas(path, pagesize=(220, height), invariant=1)
    y = height - 24

    def line(s, right=None, size=7.5, font="Courier", center=False, x=12):
        nonlocal y
        if center:
            centre_h13(c, 110, y, s, size, font)
        else:
            txt(c, x, y, s, size, font)
        if right is not None:
            txt(c, 208, y, right, size, font, right=True)
        y -= size + 3.5

    line("BOUCHERIE - CHARCUTERIE", size=7, font="Helvetica", center=True)
    y -= 5
    line("MAISON MARCHAL", size=13, font="Helvetica-Bold", center=True)
    line("Traiteur - Volailles - Gibier", size=7, font="Helvetica-Oblique", center=True)
    for s in ["3 place du Marché", "21000 DIJON", "Tél. 03 80 45 12 78"]:
        line(s, size=7, font="Helvetica", center=True)
    y -= 6
    seller = rng.choice(["PATRICK", "SYLVIE", "KEVIN", "NADIA"])
    line(f"Ticket N° {d.number}", f"Caisse 0{rng.randint(1, 2)}", size=8, font="Courier-Bold")
    line(f"Vendeur : {seller}", size=7)
    line("=" * 40, size=7)
    for name, detail, amount, code in rows:
        line(name, f"{eu(amount)} {code}", size=7.5, font="Courier-Bold")
        line("  " + detail, size=7)
        y -= 1
    line("=" * 40, size=7)
    line(f"{len(rows)} article(s)", size=7)
    y -= 2
    line("TOTAL TTC", eu(d.ttc) + " EUR", size=11, font="Courier-Bold")
    y -= 2
    if cash:
        given = Decimal(((int(d.ttc) // 10) + 1) * 10)
        line("ESPECES", eu(given), size=7.5)
        line("RENDU", eu(given - d.ttc), size=7.5)
    else:
        line("CB SANS CONTACT", eu(d.ttc), size=7.5)
    y -= 6
    line(f"{'Code':<5}{'Taux':>6}{'HT':>10}{'TVA':>8}{'TTC':>10}", size=7, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        code = "A" if r == "5.5" else "B"
        line(f"{code:<5}{fmt(r).replace(' ', ''):>6}{eu(d.base[r]):>10}{eu(d.vat[r]):>8}"
             f"{eu(d.base[r] + d.vat[r]):>10}", size=7)
    y -= 2
    line("Total HT", eu(d.ht), size=7.5)
    line("Total TVA", eu(d.tva), size=7.5)
    y -= 4
    line(f"Carte fidélité {rng.randint(10 ** 9, 10 ** 10 - 1)}", size=6.5)
    line(f"Points cumulés : {rng.randint(5, 240)}", size=6.5)
    hh, mm, ss = rng.randint(8, 18), rng.randint(0, 55), rng.randint(0, 59)
    if not cash:
        y -= 6
        c.setDash(1, 2)
        c.line(12, y + 6, 208, y + 6)
        c.setDash()
        y -= 4
        for s in ["CARTE BANCAIRE", "SANS CONTACT", "A0000000421010", f"LE {d.date:%d/%m/%y} A "
                  f"{hh:02d}:{mm + 1:02d}:{ss:02d}", "BOUCHERIE MARCHAL", "21000 DIJON",
                  f"{rng.randint(1000000, 9999999)}", f"{rng.randint(10 ** 11, 10 ** 12 - 1)}",
                  f"No AUTO : {rng.randint(100000, 999999)}", f"MONTANT = {eu(d.ttc)} EUR", "DEBIT",
                  "TICKET CLIENT A CONSERVER"]:
            line(s, size=6.5, center=True)
    y -= 6
    line("Origine des viandes : voir affichage", size=6.5, font="Helvetica", center=True)
    line("Merci de votre visite et à bientôt !", size=6.5, font="Helvetica", center=True)
    line("SIRET 512 044 781 00019 - NAF 4722Z", size=6, font="Helvetica", center=True)
    line("TVA intracom. FR 27 512044781", size=6, font="Helvetica", center=True)
    y -= 4
    line(f"{d.date:%d/%m/%Y}  {hh:02d}:{mm:02d}", size=8, font="Courier-Bold", center=True)
    c.save()


def fr_electromenager_avoir(d, path, rng):
    """A French appliance store's credit note: a dark band with the store's name, the credit note
    number and date in a framed box, a grid of references (original invoice and its date, return
    slip, order), the reason, a ruled table where each returned appliance is followed by its
    eco-contribution line, the totals in a box at the bottom right with the refund (card and date)
    beside them, and the legal mentions in the footer."""
    prods = [("LV9-1400B", "Lave-linge hublot 9 kg 1400 trs/min", "415.83", "8.33"),
             ("RC340NF", "Réfrigérateur combiné 340 L No Frost", "582.50", "20.83"),
             ("LVV14-60", "Lave-vaisselle 60 cm 14 couverts", "374.17", "8.33"),
             ("MOG25I", "Micro-ondes gril 25 L inox", "124.92", "3.33"),
             ("ASB-LION", "Aspirateur balai sans fil 25,2 V", "207.50", "0.83"),
             ("FP-ENC71", "Four encastrable pyrolyse 71 L", "457.50", "5.00")]
    prods = rng.sample(prods, len(d.lines))
    rows = []
    for (_, qty, _, _), (ref, name, ht, eco) in zip(d.lines, prods):
        k = 1 if qty > 2 else qty
        rows.append((ref, name, k, Decimal(ht)))
        rows.append(("", "   Éco-participation DEEE", k, Decimal(eco)))
    if rng.random() < 0.5:
        rows.append(("LIV-DOM", "Livraison à domicile et mise en service", 1, Decimal("24.92")))
    net_h13(d, {"20": sum(q(k * u) for _, _, k, u in rows)})
    d.number = f"AV{d.date:%y}{rng.randint(10000, 99999)}"
    c = pen(path)
    c.setFillGray(0.2)
    c.rect(0, 772, 595, 70, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 40, 810, "ÉLECTRO GIRARDIN", 20, "Helvetica-Bold")
    txt(c, 40, 794, "Électroménager  ·  Image & Son  ·  Cuisines équipées", 9, "Helvetica")
    for i, s in enumerate(["Magasin de Besançon-Chalezeule", "ZAC des Marnières – 25220 Chalezeule",
                           "03 81 61 42 90 – sav@electro-girardin.fr"]):
        txt(c, 555, 818 - 11 * i, s, 8, "Helvetica", right=True)
    c.setFillGray(0)
    txt(c, 40, 745, "Client", 8, "Helvetica-Oblique")
    cust = f"C{rng.randint(100000, 999999)}"
    for i, s in enumerate(["M. Julien ROUSSEL", "12 rue de Vesoul", "25000 BESANÇON", f"Compte client : {cust}"]):
        txt(c, 40, 732 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    c.setLineWidth(1.5)
    c.rect(355, 680, 200, 76)
    c.setLineWidth(1)
    txt(c, 365, 735, "AVOIR", 18, "Helvetica-Bold")
    txt(c, 440, 737, "(note de crédit)", 8, "Helvetica-Oblique")
    txt(c, 365, 714, "N°", 9, "Helvetica")
    txt(c, 430, 714, d.number, 11, "Helvetica-Bold")
    txt(c, 365, 697, "Date", 9, "Helvetica")
    txt(c, 430, 697, f"{d.date:%d/%m/%Y}", 11, "Helvetica-Bold")
    inv = d.before - dt.timedelta(days=rng.randint(3, 12))
    refs = [("Facture d'origine", f"FC{inv:%y}{rng.randint(10000, 99999)}"), ("Date de facture", f"{inv:%d/%m/%Y}"),
            ("Bon de retour", f"BR-{rng.randint(1000, 9999)}"), ("Date du retour", f"{d.before:%d/%m/%Y}"),
            ("Commande", f"CMD {rng.randint(100000, 999999)}")]
    xs = [40, 143, 246, 349, 452, 555]
    c.setFillGray(0.9)
    c.rect(40, 638, 515, 14, stroke=0, fill=1)
    c.setFillGray(0)
    c.rect(40, 620, 515, 32)
    for i, (h, v) in enumerate(refs):
        if i:
            c.line(xs[i], 620, xs[i], 652)
        txt(c, xs[i] + 4, 642, h, 7.5, "Helvetica-Bold")
        txt(c, xs[i] + 4, 625, v, 9, "Helvetica")
    reason = rng.choice(["Rétractation dans le délai légal de 14 jours – produit retourné dans son emballage "
                         "d'origine.", "Appareil défectueux à la livraison, constaté par notre technicien.",
                         "Erreur de référence à la commande – produit repris en magasin."])
    txt(c, 40, 600, "Motif : " + reason, 8.5, "Helvetica-Oblique")
    y = 570
    cols = [40, 110, 350, 385, 455, 500, 555]
    c.setFillGray(0.2)
    c.rect(40, y - 5, 515, 17, stroke=0, fill=1)
    c.setFillGray(1)
    for x, h, right in [(44, "Référence", False), (114, "Désignation", False), (381, "Qté", True),
                        (451, "P.U. HT", True), (496, "TVA", True), (551, "Montant HT", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    c.setFillGray(0)
    top = y + 12
    for ref, name, k, u in rows:
        y -= 16
        small = ref == ""
        txt(c, 44, y, ref, 8, "Helvetica")
        txt(c, 114, y, name.strip() if not small else name, 7.5 if small else 8.5,
            "Helvetica-Oblique" if small else "Helvetica")
        txt(c, 381, y, str(k), 8.5, "Helvetica", right=True)
        txt(c, 451, y, eu(u, " "), 8.5, right=True)
        txt(c, 496, y, "20 %", 8.5, right=True)
        txt(c, 551, y, eu(q(k * u), " "), 8.5, right=True)
        if not small:
            continue
        c.setLineWidth(0.3)
        c.line(40, y - 5, 555, y - 5)
        c.setLineWidth(1)
    bottom = y - 5
    c.rect(40, bottom, 515, top - bottom)
    for x in cols[1:-1]:
        c.line(x, bottom, x, top)
    # Totals box at the bottom right, the refund on its left.
    b = 170
    c.rect(355, b, 200, 66)
    for i, (a, v) in enumerate([("Total HT", d.ht), ("TVA 20,00 %", d.tva)]):
        txt(c, 363, b + 48 - 16 * i, a, 9.5, "Helvetica")
        txt(c, 547, b + 48 - 16 * i, eu(v, " ") + " €", 9.5, "Helvetica", right=True)
    c.setFillGray(0.2)
    c.rect(355, b, 200, 22, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 363, b + 7, "TOTAL AVOIR TTC", 10, "Helvetica-Bold")
    txt(c, 547, b + 7, eu(d.ttc, " ") + " €", 11, "Helvetica-Bold", right=True)
    c.setFillGray(0)
    refund = d.date + dt.timedelta(days=rng.randint(1, 4))
    for i, s in enumerate(["Remboursement :", f"recrédit sur la carte bancaire **** {rng.randint(1000, 9999)}",
                           f"le {refund:%d/%m/%Y} (délai bancaire 2 à 5 jours ouvrés).",
                           "Cet avoir annule et remplace partiellement la facture",
                           "d'origine citée ci-dessus."]):
        txt(c, 40, b + 54 - 12 * i, s, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    for i, s in enumerate(["L'éco-participation est reversée intégralement à l'éco-organisme agréé ecosystem pour la "
                           "collecte et le recyclage des appareils usagés.",
                           "Garantie légale de conformité (art. L217-3 et s. du Code de la consommation) et garantie "
                           "des vices cachés (art. 1641 et s. du Code civil).",
                           "SAS Girardin Électroménager au capital de 150 000 € – RCS Besançon 438 112 907 – "
                           "TVA FR 52 438112907 – NAF 4754Z"]):
        txt(c, 297.5 - c.stringWidth(s, "Helvetica", 6.5) / 2, 80 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def fr_location_materiel(d, path, rng):
    """A French equipment-hire agency's invoice: a row of framed cells (invoice number, date,
    hire contract, customer code, agency), the site and the billing address side by side, the hire
    period from departure to return with the customer's order number, hired machines by the day,
    damage waiver, transport and fuel, then the totals at the right with a deposit deducted and the
    balance, the due date at 30 days end of month, and the hire terms in the footer."""
    machines = [("MP25", "Mini-pelle 2,5 t", "165.00"), ("PV90", "Plaque vibrante 90 kg", "38.00"),
                ("NC08E", "Nacelle ciseaux électrique 8 m", "120.00"), ("BT350", "Bétonnière 350 l", "22.00"),
                ("ER06", "Échafaudage roulant 6 m", "45.00"), ("MP25K", "Marteau-piqueur 25 kg", "39.00"),
                ("GE6K", "Groupe électrogène 6 kVA", "48.00")]
    kit = rng.sample(machines, min(3, len(d.lines)))
    days = rng.randint(2, 9)
    end = d.date - dt.timedelta(days=rng.randint(0, 4))
    end -= dt.timedelta(days=max(0, end.weekday() - 4))
    start = end - dt.timedelta(days=days)
    start -= dt.timedelta(days=max(0, start.weekday() - 4))
    billed = sum(1 for i in range((end - start).days + 1) if (start + dt.timedelta(days=i)).weekday() < 5)
    rows = []
    for code, name, rate in kit:
        rows.append((code, f"{name} – location", f"{billed} j", Decimal(rate), q(billed * Decimal(rate))))
    hire = sum(r[4] for r in rows)
    rows.append(("ASS10", "Garantie dommages 10 % du montant de location", "", None, q(hire / 10)))
    if any(k[0] == "MP25" for k in kit):
        rows.append(("TRP", "Transport porte-engins aller et retour", "2", Decimal("85.00"), Decimal("170.00")))
    else:
        rows.append(("LIV", "Livraison et reprise sur chantier", "1", Decimal("45.00"), Decimal("45.00")))
    if rng.random() < 0.6:
        litres = rng.randint(8, 45)
        rows.append(("GNR", "Carburant GNR complété au retour", f"{litres} l", Decimal("1.62"),
                     q(litres * Decimal("1.62"))))
    rows.append(("ENV", "Participation gestion environnementale", "", None, Decimal("4.90")))
    net_h13(d, {"20": sum(r[4] for r in rows)})
    d.number = f"FL{d.date:%y%m}-{rng.randint(1000, 9999)}"
    c = pen(path)
    c.setFillGray(0.1)
    c.roundRect(40, 776, 46, 46, 6, stroke=0, fill=1)
    c.setFillGray(1)
    centre_h13(c, 63, 794, "LM", 18, "Helvetica-Bold")
    c.setFillGray(0)
    txt(c, 96, 806, "LOCAMAT PRO", 17, "Helvetica-Bold")
    txt(c, 96, 792, "Location de matériel BTP, espaces verts et événementiel", 8.5, "Helvetica")
    txt(c, 96, 780, "Agence de Chambéry – 145 avenue de la Boisse – 73000 Chambéry – 04 79 33 18 20", 7.5,
        "Helvetica")
    txt(c, 555, 800, "FACTURE", 22, "Helvetica-Bold", right=True)
    cells = [("N° facture", d.number, 110), ("Date facture", f"{d.date:%d/%m/%Y}", 90),
             ("N° contrat", f"CT{rng.randint(100000, 999999)}", 100), ("Code client", f"{rng.randint(40000, 49999)}", 85),
             ("Agence", "CHY – 073", 130)]
    x = 40
    for h, v, w in cells:
        c.rect(x, 722, w, 34)
        txt(c, x + 5, 746, h, 7, "Helvetica")
        txt(c, x + 5, 729, v, 10, "Helvetica-Bold")
        x += w
    txt(c, 40, 700, "Chantier", 8, "Helvetica-Bold")
    for i, s in enumerate(["Résidence Les Hauts de Bissy – lot 4", "Chemin de la Cassine", "73000 Chambéry",
                           "Contact : M. Favre 06 12 48 90 33"]):
        txt(c, 40, 688 - 11 * i, s, 8.5, "Helvetica")
    c.rect(320, 632, 235, 78)
    txt(c, 328, 698, "Adresse de facturation", 8, "Helvetica-Bold")
    for i, s in enumerate(["SARL BATI-ALPES RÉNOVATION", "Service comptabilité", "ZA de Bissy – 8 rue des Frênes",
                           "73000 CHAMBÉRY"]):
        txt(c, 328, 684 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    days_fr = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    txt(c, 40, 610, f"Période de location : du {days_fr[start.weekday()]} {start:%d/%m/%Y} 07:30 au "
                    f"{days_fr[end.weekday()]} {end:%d/%m/%Y} 17:00 – {billed} jour(s) ouvré(s) facturé(s)", 9,
        "Helvetica")
    txt(c, 40, 597, f"Votre bon de commande : BC-{rng.randint(2000, 8999)}     Bon de livraison : "
                    f"BL{rng.randint(100000, 999999)} du {start:%d/%m/%Y}", 9, "Helvetica")
    y = 565
    c.setLineWidth(0.8)
    c.line(40, y + 14, 555, y + 14)
    for x, h, right in [(40, "Code", False), (95, "Désignation", False), (345, "Qté", True),
                        (420, "Tarif HT", True), (470, "TVA", True), (555, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(40, y - 5, 555, y - 5)
    for i, (code, name, qty, unit, amount) in enumerate(rows):
        y -= 17
        if i % 2:
            c.setFillGray(0.94)
            c.rect(40, y - 5, 515, 17, stroke=0, fill=1)
            c.setFillGray(0)
        txt(c, 40, y, code, 8, "Courier")
        txt(c, 95, y, name, 8.5, "Helvetica")
        txt(c, 345, y, qty, 8.5, right=True)
        txt(c, 420, y, eu(unit, " ") if unit is not None else "", 8.5, right=True)
        txt(c, 470, y, "20 %", 8.5, right=True)
        txt(c, 555, y, eu(amount, " "), 8.5, right=True)
    c.line(40, y - 8, 555, y - 8)
    y -= 40
    deposit = Decimal(rng.choice([0, 0, 100, 150, 200]))
    rows_t = [("Total HT", d.ht, False), ("TVA 20 %", d.tva, False), ("Total TTC", d.ttc, True)]
    if deposit:
        rows_t += [(f"Acompte versé le {start - dt.timedelta(days=2):%d/%m/%Y}", -deposit, False),
                   ("Net à payer", d.ttc - deposit, True)]
    for i, (a, v, bold) in enumerate(rows_t):
        yy = y - 17 * i
        if bold:
            c.setFillGray(0.88)
            c.rect(350, yy - 5, 205, 17, stroke=0, fill=1)
            c.setFillGray(0)
        txt(c, 356, yy, a, 9.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 550, yy, ("- " if v < 0 else "") + eu(abs(v), " ") + " €", 9.5,
            "Helvetica-Bold" if bold else "Helvetica", right=True)
    due = eom_h13(d.date + dt.timedelta(days=30), 0)
    for i, s in enumerate(["Conditions de règlement : 30 jours fin de mois", f"Échéance : {due:%d/%m/%Y}",
                           "Virement : IBAN FR76 1810 6000 1996 7203 4512 087", "BIC AGRIFRPP881"]):
        txt(c, 40, y - 13 * i, s, 8.5, "Helvetica-Bold" if i == 1 else "Helvetica")
    for i, s in enumerate(["Location soumise à nos conditions générales de location remises avec le contrat. Le "
                           "matériel est placé sous la garde du locataire du départ jusqu'au retour en agence.",
                           "Pas d'escompte pour paiement anticipé. En cas de retard : pénalités au taux de 3 fois "
                           "l'intérêt légal et indemnité forfaitaire pour frais de recouvrement de 40 €.",
                           "Locamat Pro SAS au capital de 500 000 € – RCS Chambéry 812 330 471 – SIRET 812 330 471 "
                           "00031 – TVA intracommunautaire FR 09 812330471"]):
        txt(c, 40, 78 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def en_gb_catering_supplier(d, path, rng):
    """A UK foodservice wholesaler's tax invoice: the title and a details box at the top right
    (invoice number, tax point, account, order and delivery note numbers, delivery date, route and
    drop, terms, due date), invoice and delivery addresses, lines with a pack size and a VAT code
    (Z for zero-rated food, S for standard-rated drinks, snacks and chemicals), a VAT analysis
    table at the bottom left and the totals at the bottom right."""
    food = [("CHK210", "Chicken breast fillets, fresh", "2 kg"), ("RIC045", "Basmati rice", "10 kg"),
            ("FLR016", "Plain flour", "16 kg"), ("CHP442", "Frozen chips 3/8\" cut", "4 x 2.5 kg"),
            ("MOZ120", "Mozzarella, grated", "2 kg"), ("TOM800", "Chopped tomatoes", "6 x 2.5 kg")]
    std = [("CCL330", "Coca-Cola cans", "24 x 330 ml"), ("BRL006", "Blue centrefeed rolls", "6 x 150 m"),
           ("DGR005", "Heavy duty degreaser", "5 l"), ("CRS032", "Crisps, assorted", "32 x 25 g")]
    food, std = rng.sample(food, 4), rng.sample(std, 4)
    n = defaultdict(int)
    rows = []
    for _, qty, unit, rate in d.lines:
        code, name, pack = (food if rate == "0" else std)[n[rate]]
        n[rate] += 1
        price = q(Decimal(rng.randint(450, 4200)) / 100)
        k = min(qty, 6)
        rows.append((code, name, pack, k, price, q(k * price), "Z" if rate == "0" else "S"))
    base = defaultdict(Decimal)
    for r in rows:
        base["0" if r[6] == "Z" else "20"] += r[5]
    net_h13(d, base)
    d.number = f"SI{rng.randint(100000, 999999)}"
    c = pen(path)
    txt(c, 45, 800, "HARROW & VALE", 20, "Helvetica-Bold")
    txt(c, 45, 786, "FOODSERVICE", 9, "Helvetica")
    for i, s in enumerate(["Harrow & Vale Foodservice Ltd", "Unit 9, Meadowhall Trade Park", "Sheffield S9 1EZ",
                           "Tel 0114 256 8800  ·  orders@harrowvale.co.uk"]):
        txt(c, 45, 768 - 10 * i, s, 7.5, "Helvetica")
    txt(c, 552, 805, "TAX INVOICE", 18, "Helvetica-Bold", right=True)
    deliv = d.date - dt.timedelta(days=rng.choice([0, 1]))
    due = eom_h13(d.date, 1)
    box = [("Invoice No", d.number), ("Tax Point / Date", f"{d.date:%d/%m/%Y}"),
           ("Account No", f"{rng.choice(['BRG', 'CAF', 'TKW'])}{rng.randint(1000, 9999)}"),
           ("Customer Order", f"{rng.randint(100000, 999999)}"), ("Delivery Note", f"DN{rng.randint(1000000, 9999999)}"),
           ("Delivery Date", f"{deliv:%d/%m/%Y}"), ("Route / Drop", f"R{rng.randint(10, 40)} / {rng.randint(1, 25)}"),
           ("Terms", "30 days end of month"), ("Payment Due", f"{due:%d/%m/%Y}")]
    top = 785
    c.rect(362, top - 12 * len(box) - 6, 190, 12 * len(box) + 2)
    for i, (k, v) in enumerate(box):
        yy = top - 12 * (i + 1)
        txt(c, 368, yy, k, 7.5, "Helvetica")
        txt(c, 546, yy, v, 8, "Helvetica-Bold" if i < 2 else "Helvetica", right=True)
    for j, (head, lines) in enumerate([("INVOICE TO", ["The Brass Monkey Ltd", "Accounts Department", "41 Division Street",
                                                        "Sheffield S1 4GE"]),
                                       ("DELIVER TO", ["The Brass Monkey Kitchen", "Rear entrance, Rockingham Lane",
                                                       "Sheffield S1 4EB", "Deliver before 10:00"])]):
        x = 45 + 160 * j
        txt(c, x, 700, head, 7.5, "Helvetica-Bold")
        for i, s in enumerate(lines):
            txt(c, x, 688 - 11 * i, s, 9, "Helvetica")
    y = 610
    c.setLineWidth(0.6)
    c.rect(45, y - 6, 507, 17)
    for x, h, right in [(50, "Product", False), (102, "Description", False), (292, "Pack", False),
                        (385, "Qty", True), (440, "Price", True), (470, "VAT", False), (547, "Net £", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for code, name, pack, k, price, amount, vc in rows:
        y -= 15
        txt(c, 50, y, code, 8, "Courier")
        txt(c, 102, y, name, 8.5, "Helvetica")
        txt(c, 292, y, pack, 8.5)
        txt(c, 385, y, str(k), 8.5, right=True)
        txt(c, 440, y, us(price), 8.5, right=True)
        txt(c, 476, y, vc, 8.5)
        txt(c, 547, y, us(amount), 8.5, right=True)
    c.line(45, y - 8, 552, y - 8)
    txt(c, 45, y - 22, f"Cases delivered: {sum(r[3] for r in rows)}   Checked by: ________   Temperature on delivery "
                       f"(chilled): {rng.randint(1, 5)}.{rng.randint(0, 9)} °C", 7.5, "Helvetica")
    # VAT analysis at the bottom left, totals at the bottom right.
    b = 230
    txt(c, 45, b + 20, "VAT ANALYSIS", 8, "Helvetica-Bold")
    c.rect(45, b - 12 * len(d.base) - 4, 250, 16 + 12 * len(d.base))
    for x, h, right in [(50, "Code", False), (110, "Rate", True), (200, "Goods £", True), (288, "VAT £", True)]:
        txt(c, x, b, h, 7.5, "Helvetica-Bold", right=right)
    for i, r in enumerate(sorted(d.base, key=Decimal, reverse=True)):
        yy = b - 12 * (i + 1)
        txt(c, 50, yy, "S" if r == "20" else "Z", 8, "Helvetica")
        txt(c, 110, yy, f"{Decimal(r):.2f}%", 8, right=True)
        txt(c, 200, yy, us(d.base[r]), 8, right=True)
        txt(c, 288, yy, us(d.vat[r]), 8, right=True)
    for i, (a, v) in enumerate([("Total Goods", d.ht), ("Total VAT", d.tva), ("INVOICE TOTAL", d.ttc)]):
        yy = b + 12 - 20 * i
        last = i == 2
        if last:
            c.setLineWidth(1.2)
            c.rect(362, yy - 7, 190, 21)
            c.setLineWidth(0.6)
        txt(c, 370, yy, a, 10 if last else 9, "Helvetica-Bold" if last else "Helvetica")
        txt(c, 546, yy, "£" + us(v), 11 if last else 9, "Helvetica-Bold" if last else "Helvetica", right=True)
    for i, s in enumerate(["Shortages or damaged goods must be reported to our Customer Services team within 24 hours of "
                           "delivery. Title to the goods remains with",
                           "Harrow & Vale Foodservice Ltd until paid in full. Please remit by BACS to Lloyds Bank, sort "
                           "code 30-96-26, account 18274455, quoting",
                           "your account number. Registered in England No. 04418276. VAT Reg No. GB 812 4471 36."]):
        txt(c, 45, 110 - 9 * i, s, 7, "Helvetica")
    txt(c, 552, 60, "Page 1 of 1", 7, "Helvetica", right=True)
    c.save()


def de_gartenbau(d, path, rng):
    """A German landscaper's invoice as a DIN 5008 letter: the sender line over the address
    window, an information block at the right (invoice number, date, customer number, quote,
    period of service, contact), numbered positions with quantity and unit, works at 19 % and
    plants and seed at 7 %, the totals stacked with the VAT per rate and a total VAT row, the
    labour costs of § 35a EStG, the due date with a cash discount, and a footer in four columns."""
    works = [("Std.", "Gärtnerfacharbeiter, Arbeitsstunde", "52.50", True, (4, 24)),
             ("m²", "Rasenfläche vertikutieren und nachsäen", "1.85", True, (40, 260)),
             ("lfm", "Heckenschnitt Liguster, beidseitig, inkl. Abfuhr", "6.40", True, (12, 70)),
             ("m³", "Grünschnitt abfahren und entsorgen (Deponiegebühr)", "38.00", False, (1, 5)),
             ("Std.", "Minibagger 1,8 t mit Bediener", "68.00", False, (2, 9))]
    plants = [("Stk.", "Buxus sempervirens, Topfballen 30-40 cm", "8.90", False, (6, 40)),
              ("Stk.", "Hortensie 'Annabelle', Container 5 l", "14.50", False, (3, 15)),
              ("Stk.", "Rhododendron 'Cunningham's White', 40-50 cm", "24.90", False, (2, 8)),
              ("kg", "Rasensaatgut Strapazierrasen RSM 2.3", "6.20", False, (2, 12))]
    works, plants = rng.sample(works, 4), rng.sample(plants, 4)
    n = defaultdict(int)
    rows = []
    for _, _, _, rate in d.lines:
        unit, name, price, labour, (lo, hi) = (works if rate == "19" else plants)[n[rate]]
        n[rate] += 1
        qty = Decimal(rng.randint(lo, hi)) + (Decimal("0.5") if unit == "Std." and rng.random() < 0.4 else 0)
        rows.append((qty, unit, name, Decimal(price), q(qty * Decimal(price)), rate, labour))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[4]
    net_h13(d, base)
    d.number = f"{d.date:%y}{rng.randint(1000, 4999)}"
    c = pen(path)
    c.setFillGray(0.35)
    c.circle(529, 773, 16, stroke=0, fill=1)
    c.setFillGray(1)
    centre_h13(c, 529, 768, "GF", 12, "Helvetica-Bold")
    c.setFillGray(0)
    txt(c, 505, 772, "Grün & Form", 17, "Helvetica-Bold", right=True)
    txt(c, 505, 760, "Garten- und Landschaftsbau Meyer GmbH", 8, "Helvetica", right=True)
    sender = "Grün & Form GaLaBau Meyer GmbH · Lindenstraße 48 · 49080 Osnabrück"
    txt(c, 57, 722, sender, 6.5, "Helvetica")
    c.setLineWidth(0.4)
    c.line(57, 719, 57 + c.stringWidth(sender, "Helvetica", 6.5), 719)
    for i, s in enumerate(["Frau", "Dr. Katharina Wessel", "Am Schölerberg 7", "49082 Osnabrück"]):
        txt(c, 57, 700 - 13 * i, s, 10.5, "Helvetica")
    start = d.before - dt.timedelta(days=rng.randint(0, 9))
    offer = start - dt.timedelta(days=rng.randint(14, 45))
    info = [("Rechnungs-Nr.", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"),
            ("Kunden-Nr.", f"{rng.randint(10000, 19999)}"), ("Angebot", f"AN-{rng.randint(1000, 9999)} vom "
                                                                    f"{offer:%d.%m.%Y}"),
            ("Leistungszeitraum", f"{start:%d.%m.}–{d.before:%d.%m.%Y}"), ("Ansprechpartner", "Herr Tobias Meyer"),
            ("Telefon", "0541 9 11 27 40")]
    for i, (k, v) in enumerate(info):
        txt(c, 350, 712 - 13 * i, k, 8.5, "Helvetica")
        txt(c, 545, 712 - 13 * i, v, 8.5, "Helvetica-Bold" if i < 2 else "Helvetica", right=True)
    txt(c, 57, 598, "Rechnung", 13, "Helvetica-Bold")
    txt(c, 57, 582, "Gartenpflege und Neupflanzung, Am Schölerberg 7", 10, "Helvetica")
    txt(c, 57, 560, "Sehr geehrte Frau Dr. Wessel,", 10, "Helvetica")
    txt(c, 57, 546, "für die ausgeführten Arbeiten erlauben wir uns, Ihnen folgende Leistungen in Rechnung zu stellen:",
        10, "Helvetica")
    y = 520
    for x, h, right in [(57, "Pos.", False), (110, "Menge", True), (116, "Einh.", False), (150, "Bezeichnung", False),
                        (425, "EP €", True), (460, "USt", True), (545, "GP €", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.setLineWidth(0.8)
    c.line(57, y - 4, 545, y - 4)
    for i, (qty, unit, name, price, amount, rate, _) in enumerate(rows):
        y -= 15
        txt(c, 57, y, f"{i + 1:02d}", 8.5, "Helvetica")
        txt(c, 110, y, f"{qty:.2f}".replace(".", ","), 8.5, right=True)
        txt(c, 116, y, unit, 8.5)
        txt(c, 150, y, name, 8.5)
        txt(c, 425, y, eu(price), 8.5, right=True)
        txt(c, 460, y, f"{rate} %", 8.5, right=True)
        txt(c, 545, y, eu(amount), 8.5, right=True)
    c.line(57, y - 6, 545, y - 6)
    y -= 24
    rows_t = [("Summe netto", d.ht)]
    for r in sorted(d.base, key=Decimal, reverse=True):
        rows_t.append((f"zzgl. {r} % USt auf {eu(d.base[r])} €", d.vat[r]))
    rows_t += [("Umsatzsteuer gesamt", d.tva), ("Rechnungsbetrag", d.ttc)]
    for i, (a, v) in enumerate(rows_t):
        last = i == len(rows_t) - 1
        if last:
            c.line(330, y + 11, 545, y + 11)
            c.line(330, y - 4, 545, y - 4)
            c.line(330, y - 6, 545, y - 6)
        txt(c, 330, y, a, 9.5 if not last else 10, "Helvetica-Bold" if last else "Helvetica")
        txt(c, 545, y, eu(v) + " €", 9.5 if not last else 10, "Helvetica-Bold" if last else "Helvetica", right=True)
        y -= 14
    y -= 14
    lab = sum(r[4] for r in rows if r[6])
    if lab:
        lab_vat = q(lab * Decimal("0.19"))
        for i, s in enumerate([f"In dem Rechnungsbetrag sind Arbeitskosten gemäß § 35a EStG in Höhe von {eu(lab)} € "
                               f"netto zzgl. {eu(lab_vat)} € USt,",
                               f"also {eu(lab + lab_vat)} € brutto, enthalten (haushaltsnahe Dienstleistungen / "
                               "Handwerkerleistungen)."]):
            txt(c, 57, y - 12 * i, s, 8.5, "Helvetica")
        y -= 30
    due = d.date + dt.timedelta(days=14)
    sk = d.date + dt.timedelta(days=7)
    for i, s in enumerate([f"Zahlbar ohne Abzug bis zum {due:%d.%m.%Y}. Bei Zahlung bis zum {sk:%d.%m.%Y} gewähren "
                           f"wir 2 % Skonto ({eu(q(d.ttc * Decimal('0.02')))} €).",
                           "Bitte überweisen Sie unter Angabe der Rechnungsnummer. Vielen Dank für Ihren Auftrag!",
                           "", "Mit freundlichen Grüßen", "Tobias Meyer"]):
        txt(c, 57, y - 13 * i, s, 9.5, "Helvetica")
    cols = [["Grün & Form GaLaBau Meyer GmbH", "Lindenstraße 48", "49080 Osnabrück"],
            ["Tel. 0541 9 11 27 40", "info@gruen-form-meyer.de", "www.gruen-form-meyer.de"],
            ["Sparkasse Osnabrück", "IBAN DE41 2655 0105 0012 3456 78", "BIC NOLADE22XXX"],
            ["Geschäftsführer: Tobias Meyer", "Amtsgericht Osnabrück HRB 21874", "USt-IdNr. DE 298 117 604"]]
    c.setLineWidth(0.4)
    c.line(57, 72, 545, 72)
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 57 + 124 * j, 62 - 8.5 * i, s, 6.5, "Helvetica")
    c.save()


def nl_kapsalon(d, path, rng):
    """A Dutch hair salon's receipt, printed wide: the salon centred at the top, the receipt
    number, date and time and the stylist, treatments at 9 % and products at 21 % with the rate
    after each amount, a loyalty discount on products, the total and the PIN payment, a btw table
    with a total row, and the next appointment and a gift-voucher code at the foot."""
    treat = [("Knippen dames incl. wassen en föhnen", "42.50"), ("Knippen heren", "27.50"),
             ("Uitgroei kleuren", "49.00"), ("Balayage highlights", "95.00"), ("Baard trimmen en modelleren", "17.50"),
             ("Kinderknipbeurt t/m 11 jaar", "19.50")]
    prods = [("Shampoo Color Protect 250 ml", "18.95"), ("Haarmasker Repair 200 ml", "24.50"),
             ("Styling wax matt 75 ml", "16.95"), ("Hittebeschermende spray 150 ml", "21.95")]
    treat, prods = rng.sample(treat, 4), rng.sample(prods, 4)
    n = defaultdict(int)
    rows = []
    for _, qty, _, rate in d.lines:
        name, price = (treat if rate == "9" else prods)[n[rate]]
        n[rate] += 1
        k = 1 if rate == "9" or qty > 3 else qty
        rows.append((name, k, Decimal(price), q(k * Decimal(price)), rate))
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[4]] += r[3]
    disc = q(gross["21"] * Decimal("0.10")) if gross.get("21") and rng.random() < 0.5 else Decimal(0)
    if disc:
        gross["21"] -= disc
    gross_h13(d, gross)
    d.number = f"{rng.randint(1, 3)}-{rng.randint(10000, 99999)}"
    height = 420 + 24 * len(rows) + (14 if disc else 0) + 11 * len(d.base)
    w = 250
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 30

    def line(s, right=None, size=8, font="Helvetica", center=False, x=16):
        nonlocal y
        if center:
            centre_h13(c, w / 2, y, s, size, font)
        else:
            txt(c, x, y, s, size, font)
        if right is not None:
            txt(c, w - 16, y, right, size, font, right=True)
        y -= size + 4

    line("knipwerk", size=20, font="Times-BoldItalic", center=True)
    line("KAPSALON & BARBIER", size=7, font="Helvetica", center=True)
    for s in ["Oudegracht 211", "3511 NK Utrecht", "030 - 231 88 46", "www.knipwerk-utrecht.nl"]:
        line(s, size=7.5, center=True)
    y -= 8
    days_nl = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    hh, mm = rng.randint(9, 17), rng.randint(0, 59)
    line("Bonnummer", d.number, size=8)
    line("Datum", f"{days_nl[d.date.weekday()]} {d.date:%d-%m-%Y} {hh:02d}:{mm:02d}", size=8)
    line("Kapper", rng.choice(["Sanne", "Mo", "Lieke", "Daan"]), size=8)
    line("Klant", f"{rng.choice(['mevr.', 'dhr.'])} {rng.choice(['De Vries', 'Jansen', 'El Amrani', 'Bakker'])}",
         size=8)
    c.setLineWidth(0.5)
    c.line(16, y + 6, w - 16, y + 6)
    y -= 6
    for name, k, price, amount, rate in rows:
        line(name, f"€ {eu(amount)}  {rate}%", size=8)
        if k > 1:
            line(f"   {k} x € {eu(price)}", size=7)
        y -= 2
    if disc:
        line("Klantenkaart 10% op producten", f"-€ {eu(disc)}  21%", size=8, font="Helvetica-Oblique")
    c.line(16, y + 6, w - 16, y + 6)
    y -= 8
    line("TOTAAL", f"€ {eu(d.ttc)}", size=13, font="Helvetica-Bold")
    y -= 2
    line("Betaald PIN (Maestro)", f"€ {eu(d.ttc)}", size=8)
    line(f"Terminal {rng.randint(10000000, 99999999)}  Transactie {rng.randint(100000, 999999)}", size=6.5)
    y -= 8
    line("Btw", size=7.5, font="Helvetica-Bold")
    for x, h in [(120, "Excl."), (175, "Btw"), (w - 16, "Incl.")]:
        txt(c, x, y + 11.5, h, 7.5, "Helvetica-Bold", right=True)
    for r in sorted(d.base, key=Decimal):
        txt(c, 16, y, f"{r}% {'behandelingen' if r == '9' else 'producten'}", 7.5, "Helvetica")
        for x, v in [(120, d.base[r]), (175, d.vat[r]), (w - 16, d.base[r] + d.vat[r])]:
            txt(c, x, y, eu(v), 7.5, right=True)
        y -= 11.5
    txt(c, 16, y, "Totaal", 7.5, "Helvetica-Bold")
    for x, v in [(120, d.ht), (175, d.tva), (w - 16, d.ttc)]:
        txt(c, x, y, eu(v), 7.5, "Helvetica-Bold", right=True)
    y -= 22
    nxt = d.date + dt.timedelta(days=rng.choice([28, 35, 42, 56]))
    c.setDash(3, 2)
    c.rect(16, y - 30, w - 32, 40)
    c.setDash()
    line("Uw volgende afspraak:", size=8, font="Helvetica-Bold", center=True)
    line(f"{days_nl[nxt.weekday()]} {nxt:%d-%m-%Y} om {rng.choice(['09:30', '11:00', '13:15', '16:45'])}",
         size=9, center=True)
    line("Afzeggen kan tot 24 uur van tevoren.", size=6.5, center=True)
    y -= 10
    line(f"Cadeaubon? Vraag ernaar! Code {rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}", size=6.5, center=True)
    line("KvK 61234987  ·  btw NL002198765B01", size=6.5, center=True)
    line("Bedankt en tot ziens!", size=8, font="Helvetica-Oblique", center=True)
    c.save()


def es_fontaneria(d, path, rng):
    """A Spanish plumbing and heating firm's invoice: a coloured band with the firm's name, a row of
    framed cells (invoice number, date, customer number, payment method), the customer and the
    address of the works, the work order and the accepted estimate with their own dates, labour and
    installed materials at the reduced 10 % for a home repair and parts sold without fitting at 21 %,
    a VAT breakdown table with one row per rate at the foot, the total in a black box, the legal
    mention of the reduced rate and the registry details."""
    labour = [("Mano de obra oficial fontanero", "h", "32.00"), ("Mano de obra ayudante", "h", "24.00"),
              ("Sustitución de bajante PVC 110 mm, instalado", "ml", "28.50"),
              ("Desplazamiento y diagnóstico de avería", "ud", "35.00"),
              ("Termo eléctrico 80 l, instalado y probado", "ud", "289.00")]
    parts = [("Grifo monomando lavabo cromado (sin instalación)", "ud", "46.90"),
             ("Latiguillo flexible 1/2\" 40 cm", "ud", "4.35"), ("Kit de mantenimiento caldera", "ud", "38.00"),
             ("Válvula termostática radiador", "ud", "21.80")]
    labour, parts = rng.sample(labour, 4), rng.sample(parts, 4)
    n = defaultdict(int)
    rows = []
    for _, qty, _, rate in d.lines:
        name, um, price = (labour if rate == "10" else parts)[n[rate]]
        n[rate] += 1
        k = Decimal(qty if um != "ud" or qty <= 2 else 1)
        if um == "h":
            k = Decimal(rng.randint(2, 16)) / 2
        dto = rng.choice([0, 0, 5, 10]) if rate == "21" else 0
        amount = q(k * Decimal(price) * (100 - dto) / 100)
        rows.append((name, um, k, Decimal(price), dto, amount, rate))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[6]] += r[5]
    net_h13(d, base)
    d.number = f"FV{d.date:%y}/{rng.randint(1, 999):04d}"
    pay = rng.choice(["Transferencia", "Tarjeta", "Bizum"])
    c = pen(path)
    c.setFillColorRGB(0.05, 0.3, 0.55)
    c.rect(0, 780, 595, 62, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    txt(c, 40, 812, "Hermanos Ruiz", 20, "Helvetica-Bold")
    txt(c, 40, 796, "FONTANERÍA · CALEFACCIÓN · GAS · AIRE ACONDICIONADO", 8, "Helvetica")
    for i, s in enumerate(["Fontanería Hermanos Ruiz, S.L. · CIF B-41882617", "C/ Arroyo 52 · 41003 Sevilla",
                           "954 41 27 80 · avisos@fontaneriaruiz.es"]):
        txt(c, 555, 818 - 11 * i, s, 8, "Helvetica", right=True)
    c.setFillColorRGB(0, 0, 0)
    txt(c, 40, 750, "FACTURA", 16, "Helvetica-Bold")
    cells = [("Nº factura", d.number), ("Fecha factura", f"{d.date:%d-%m-%Y}"),
             ("Nº cliente", f"{rng.randint(3000, 8999)}"), ("Forma de pago", pay)]
    for i, (h, v) in enumerate(cells):
        x = 175 + 95 * i
        c.rect(x, 735, 95, 32)
        txt(c, x + 5, 757, h, 7, "Helvetica")
        txt(c, x + 5, 741, v, 9.5, "Helvetica-Bold")
    txt(c, 40, 710, "Cliente", 8, "Helvetica-Bold")
    for i, s in enumerate(["D. Manuel Ortega Vidal", "NIF 28765431W", "C/ Feria 118, 2º B", "41002 Sevilla"]):
        txt(c, 40, 697 - 12 * i, s, 9.5, "Helvetica")
    txt(c, 300, 710, "Dirección de la obra", 8, "Helvetica-Bold")
    for i, s in enumerate(["C/ Feria 118, 2º B (vivienda habitual)", "41002 Sevilla",
                           "Referencia catastral 5831207TG3453B0007KZ"]):
        txt(c, 300, 697 - 12 * i, s, 9.5, "Helvetica")
    est = d.before - dt.timedelta(days=rng.randint(5, 25))
    txt(c, 40, 635, f"Parte de trabajo nº PT-{rng.randint(10000, 99999)} de fecha {d.before:%d-%m-%Y}  ·  "
                    f"Presupuesto nº {rng.randint(100, 999)}/{est:%y} aceptado el {est:%d-%m-%Y}", 8.5, "Helvetica")
    y = 605
    c.setFillColorRGB(0.85, 0.9, 0.95)
    c.rect(40, y - 5, 515, 17, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for x, h, right in [(45, "Concepto", False), (300, "Ud.", False), (360, "Cant.", True), (420, "Precio", True),
                        (460, "Dto.", True), (490, "IVA", True), (550, "Importe", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for name, um, k, price, dto, amount, rate in rows:
        y -= 16
        txt(c, 45, y, name, 8.5, "Helvetica")
        txt(c, 300, y, um, 8.5)
        txt(c, 360, y, eu(k), 8.5, right=True)
        txt(c, 420, y, eu(price), 8.5, right=True)
        txt(c, 460, y, f"{dto}%" if dto else "", 8.5, right=True)
        txt(c, 490, y, f"{rate}%", 8.5, right=True)
        txt(c, 550, y, eu(amount), 8.5, right=True)
        c.setLineWidth(0.3)
        c.line(40, y - 5, 555, y - 5)
    c.setLineWidth(1)
    txt(c, 40, y - 25, "Garantía de la mano de obra: 6 meses desde la fecha de intervención. Materiales: garantía del "
                       "fabricante.", 8, "Helvetica-Oblique")
    # Breakdown table at the foot, total in a black box at its right.
    top = 230
    rates = sorted(d.base, key=Decimal)
    xs = [40, 130, 225, 300, 395]
    c.rect(40, top - 16 * (len(rates) + 1) - 4, 355, 16 * (len(rates) + 2))
    for i, h in enumerate(["Base imponible", "Tipo IVA", "Cuota IVA", "Total"]):
        txt(c, xs[i + 1] - 6, top, h, 8, "Helvetica-Bold", right=True)
    for j, r in enumerate(rates):
        yy = top - 16 * (j + 1)
        txt(c, xs[1] - 6, yy, eu(d.base[r]), 9, "Helvetica", right=True)
        txt(c, xs[2] - 6, yy, f"{r} %", 9, right=True)
        txt(c, xs[3] - 6, yy, eu(d.vat[r]), 9, right=True)
        txt(c, xs[4] - 6, yy, eu(d.base[r] + d.vat[r]), 9, right=True)
    yy = top - 16 * (len(rates) + 1)
    c.line(40, yy + 12, 395, yy + 12)
    txt(c, xs[1] - 6, yy, eu(d.ht), 9, "Helvetica-Bold", right=True)
    txt(c, xs[3] - 6, yy, eu(d.tva), 9, "Helvetica-Bold", right=True)
    txt(c, xs[4] - 6, yy, eu(d.ttc), 9, "Helvetica-Bold", right=True)
    txt(c, 46, yy, "Suma", 8, "Helvetica-Bold")
    c.setFillColorRGB(0, 0, 0)
    c.rect(405, top - 40, 150, 56, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    txt(c, 413, top + 2, "TOTAL FACTURA", 9, "Helvetica-Bold")
    txt(c, 547, top - 28, eu(d.ttc) + " €", 15, "Helvetica-Bold", right=True)
    c.setFillColorRGB(0, 0, 0)
    legal = ["IVA reducido del 10 % aplicado a la ejecución de obra de reparación en vivienda particular "
             "(art. 91.Uno.2.10º Ley 37/1992);",
             "el destinatario declara que la vivienda se destina a uso particular y que la obra se realiza "
             "transcurridos dos años de su construcción."] if "10" in d.base else []
    if pay == "Transferencia":
        legal.append(f"Transferencia a ES76 2100 8421 3502 0012 4578 indicando el nº de factura. Vencimiento: "
                     f"{d.other:%d-%m-%Y}.")
    else:
        legal.append(f"Cobrado mediante {pay.lower() if pay == 'Tarjeta' else pay} el {d.date:%d-%m-%Y}. Gracias por su confianza.")
    for i, s in enumerate(legal):
        txt(c, 40, 150 - 10 * i, s, 7, "Helvetica")
    for i, s in enumerate(["Inscrita en el Registro Mercantil de Sevilla, tomo 4.521, folio 87, hoja SE-71.240 · "
                           "Empresa instaladora habilitada RI 41/0012874",
                           "Responsable del tratamiento: Fontanería Hermanos Ruiz, S.L. Puede ejercer sus derechos "
                           "ARSOPL en protecciondatos@fontaneriaruiz.es"]):
        txt(c, 297.5 - c.stringWidth(s, "Helvetica", 6.5) / 2, 62 - 8 * i, s, 6.5, "Helvetica")
    c.save()


def it_agriturismo(d, path, rng):
    """An Italian farm stay's invoice in a serif font: the farm's name centred, the guest at the
    left and the invoice number and date at the right with the booking number and its date, a box
    with the stay (arrival, departure, nights, guests), lodging and meals at 10 % and wine to take
    away, bike hire or a tasting at 22 %, a VAT summary, the totals with the deposit and the balance,
    the tourist tax collected apart and the electronic-invoice mention."""
    nights = rng.randint(2, 7)
    guests = rng.choice([2, 2, 3, 4])
    arrive = d.date - dt.timedelta(days=nights)
    stay = [("Pernottamento camera doppia con colazione (per notte)", nights, rng.choice(["118.00", "135.00", "162.00"])),
            ("Cena tipica toscana (a persona)", guests * rng.randint(1, 2), "38.00"),
            ("Cestino pranzo al sacco (a persona)", guests, "14.00"),
            ("Supplemento letto aggiunto (per notte)", nights, "25.00"),
            ("Prima colazione ospite esterno", rng.randint(1, 4), "12.00")]
    extra = [("Chianti Classico DOCG, bottiglia da asporto", "19.50"), ("Noleggio e-bike (giornata)", "35.00"),
             ("Degustazione guidata in cantina (a persona)", "25.00"),
             ("Lezione di cucina toscana (a persona)", "55.00")]
    first, rest = stay[0], rng.sample(stay[1:], 3)
    stay = [first] + rest
    extra = rng.sample(extra, 4)
    n = defaultdict(int)
    rows = []
    for _, qty, _, rate in d.lines:
        if rate == "10":
            name, k, price = stay[n[rate]]
        else:
            name, price = extra[n[rate]]
            k = min(qty, 4)
        n[rate] += 1
        rows.append((name, k, Decimal(price), q(k * Decimal(price)), rate))
    rows.sort(key=lambda r: Decimal(r[4]))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[4]] += r[3]
    net_h13(d, base)
    d.number = f"{rng.randint(12, 240)}/{d.date.year}"
    c = pen(path, "Times-Roman")
    centre_h13(c, 297.5, 802, "Agriturismo Il Poggio dei Lecci", 22, "Times-BoldItalic")
    centre_h13(c, 297.5, 786, "Azienda agricola biologica  ·  Camere e appartamenti  ·  Cantina", 9.5, "Times-Roman")
    centre_h13(c, 297.5, 774, "Località Poggio 12 – 53024 Montalcino (SI) – tel. 0577 84 12 09 – "
                              "info@poggiodeilecci.it", 8.5, "Times-Roman")
    centre_h13(c, 297.5, 763, "P.IVA 01287650524 – C.F. RSSGPP61C12F402T", 8.5, "Times-Roman")
    c.setLineWidth(0.6)
    c.line(60, 754, 535, 754)
    txt(c, 60, 730, "Gentile ospite", 9, "Times-Italic")
    for i, s in enumerate(["Sig. Klaus Becker", "Hauptstraße 14", "80331 München (D)",
                           "Passaporto C4K7L9R21"]):
        txt(c, 60, 716 - 13 * i, s, 10.5, "Times-Bold" if i == 0 else "Times-Roman")
    booked = d.before - dt.timedelta(days=rng.randint(20, 90))
    txt(c, 535, 730, f"FATTURA N. {d.number}", 15, "Times-Bold", right=True)
    txt(c, 535, 712, f"del {d.date:%d/%m/%Y}", 11, "Times-Roman", right=True)
    txt(c, 535, 694, f"Prenotazione n. {rng.randint(1000, 9999)} del {booked:%d/%m/%Y}", 9, "Times-Roman", right=True)
    txt(c, 535, 681, f"Canale: {rng.choice(['diretto (e-mail)', 'sito web', 'telefono'])}", 9, "Times-Roman",
        right=True)
    c.roundRect(60, 615, 475, 40, 5)
    for i, (k, v) in enumerate([("Arrivo", f"{arrive:%d/%m/%Y}"), ("Partenza", f"{d.date:%d/%m/%Y}"),
                                ("Notti", str(nights)), ("Ospiti", f"{guests} adulti"),
                                ("Alloggio", rng.choice(["Camera Il Leccio", "Camera La Vigna", "App. Il Fienile"]))]):
        x = 70 + 95 * i
        txt(c, x, 640, k, 8, "Times-Italic")
        txt(c, x, 624, v, 10, "Times-Bold")
    y = 585
    c.line(60, y + 13, 535, y + 13)
    for x, h, right in [(60, "Descrizione", False), (350, "Q.tà", True), (420, "Prezzo", True),
                        (465, "IVA", True), (535, "Importo", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(60, y - 5, 535, y - 5)
    for name, k, price, amount, rate in rows:
        y -= 16
        txt(c, 60, y, name, 9.5, "Times-Roman")
        txt(c, 350, y, str(k), 9.5, right=True)
        txt(c, 420, y, eu(price), 9.5, right=True)
        txt(c, 465, y, f"{rate}%", 9.5, right=True)
        txt(c, 535, y, eu(amount), 9.5, right=True)
    c.line(60, y - 8, 535, y - 8)
    top = y - 34
    txt(c, 60, top, "Riepilogo IVA", 10, "Times-Bold")
    for x, h in [(60, "Aliquota"), (175, "Imponibile"), (245, "Imposta"), (320, "Totale")]:
        txt(c, x, top - 14, h, 8.5, "Times-Italic", right=x > 60)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = top - 28 - 12 * i
        txt(c, 60, yy, f"{r}%", 9, "Times-Roman")
        txt(c, 175, yy, eu(d.base[r]), 9, right=True)
        txt(c, 245, yy, eu(d.vat[r]), 9, right=True)
        txt(c, 320, yy, eu(d.base[r] + d.vat[r]), 9, right=True)
    deposit = q(d.ttc * Decimal("0.3")) if rng.random() < 0.6 else Decimal(0)
    deposit = Decimal(int(deposit / 10) * 10)
    tot = [("Totale imponibile", d.ht, "Times-Roman"), ("Totale IVA", d.tva, "Times-Roman"),
           ("TOTALE FATTURA", d.ttc, "Times-Bold")]
    if deposit:
        tot += [(f"Caparra versata il {booked:%d/%m/%Y}", deposit, "Times-Italic"),
                ("Saldo pagato alla partenza", d.ttc - deposit, "Times-Roman")]
    for i, (a, v, f) in enumerate(tot):
        yy = top - 16 * i
        if i == 2:
            c.line(360, yy + 12, 535, yy + 12)
        txt(c, 360, yy, a, 10.5 if i == 2 else 9.5, f)
        txt(c, 535, yy, "€ " + eu(v), 10.5 if i == 2 else 9.5, f, right=True)
    y = min(top - 16 * len(tot), top - 28 - 12 * len(d.base)) - 26
    tax = Decimal("2.50") * guests * min(nights, 5)
    for i, s in enumerate([f"Imposta di soggiorno (€ 2,50 x {guests} ospiti x {min(nights, 5)} notti) di € {eu(tax)} "
                           "riscossa per conto del Comune di Montalcino con",
                           "quietanza separata: non compresa nel totale della presente fattura.",
                           "Pagamento: " + rng.choice(["carta di credito", "bonifico bancario", "bancomat"]) +
                           f" il {d.date:%d/%m/%Y}."]):
        txt(c, 60, y - 12 * i, s, 9, "Times-Roman")
    for i, s in enumerate(["Copia di cortesia: la fattura elettronica è stata trasmessa al Sistema di Interscambio "
                           "(codice destinatario 0000000).",
                           "Azienda agricola Il Poggio dei Lecci di Giuseppe Rossi – Iscr. elenco regionale operatori "
                           "agrituristici n. 412/SI – CIN IT052037B5ZQ7RLW9M",
                           "Grazie per averci scelto: arrivederci in Toscana!"]):
        centre_h13(c, 297.5, 78 - 10 * i, s, 7.5 if i < 2 else 9, "Times-Roman" if i < 2 else "Times-Italic")
    c.save()


# ---- layouts added for held-out set 14 (session 12) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a plumbing and heating firm's renovation invoice at the reduced
# rates with the deposit deducted, a fishmonger's till receipt with weighed lines, a home medical
# equipment provider's credit note), a UK plant hire invoice with its remittance slip, a German
# chimney sweep's invoice, a Dutch painting firm's invoice at 9 % and 21 %, a Spanish renovation
# firm's invoice and an Italian lift maintenance invoice to a block of flats with the 4 % withholding.
# HELD_OUT_14: drawn in session 12, scored as a table of its own, then inspected in session 12
# once HELD_OUT_15 and 16 were drawn.

def net_h14(d, base):
    """Sets the bases per rate (as printed on the lines) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h14(d, gross):
    """Prices that include VAT (till receipts): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h14(c, x, y, s, size, font):
    txt(c, x - c.stringWidth(s, font, size) / 2, y, s, size, font)


def qty_h14(v, places=2, sep=","):
    """A quantity as printed on the line: '7,50', '1'."""
    s = f"{Decimal(v):.{places}f}" if places else str(int(v))
    return s.replace(".", sep)


def fr_plomberie_chauffage(d, path, rng):
    """A French plumbing and heating firm's invoice for renovation work in a home: the RGE badge
    beside the letterhead, "FACTURE" over a small grid (number, date, customer, quote, work dates),
    billing and site addresses in two boxes, a ruled table with a reference, unit and VAT column,
    heat-pump work at 5,5 % and plumbing at 10 %, a VAT summary at the left and the totals at the
    right less the deposit paid with the signed quote, then the reduced-rate and insurance notes."""
    cat = {"5.5": [("PAC-AE08", "Pompe à chaleur air/eau 8 kW, monobloc", "u", ["1"],
                    ["5490.00", "6120.00", "6890.00"]),
                   ("CET-200", "Chauffe-eau thermodynamique 200 L", "u", ["1"], ["1890.00", "2240.00"]),
                   ("MO-PAC", "Pose, raccordement et mise en service PAC", "fft", ["1"], ["1450.00", "1680.00"]),
                   ("RTH-15", "Robinet thermostatique + équilibrage réseau", "u", ["4", "6", "8"],
                    ["68.00", "74.50"])],
           "10": [("MO-PL", "Main d'œuvre plombier-chauffagiste", "h", ["3.5", "6", "7.5", "12"],
                   ["52.00", "58.00", "62.00"]),
                  ("DEP-2", "Déplacement zone 2", "fft", ["1", "2"], ["35.00", "45.00"]),
                  ("FOUR", "Fournitures cuivre, raccords, brasure", "fft", ["1"], ["86.40", "124.90", "212.35"]),
                  ("WC-SUS", "Bâti-support + WC suspendu, abattant frein de chute", "u", ["1"],
                   ["689.00", "742.00"])]}
    rows, n = [], defaultdict(int)
    for _, _, _, rate in d.lines:
        ref, name, unit_name, qtys, prices = cat[rate][n[rate]]
        n[rate] += 1
        qty, each = Decimal(rng.choice(qtys)), Decimal(rng.choice(prices))
        rows.append((ref, name, qty, unit_name, each, rate, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h14(d, base)
    d.number = f"FAC{d.date:%y}{rng.randint(1000, 4999)}"
    quote_day = d.before - dt.timedelta(days=rng.randint(20, 60))
    start = d.before - dt.timedelta(days=rng.randint(1, 4))
    c = pen(path)
    c.setLineWidth(1.5)
    c.roundRect(50, 768, 46, 46, 6)
    centre_h14(c, 73, 785, "GT", 18, "Helvetica-Bold")
    c.setLineWidth(1)
    txt(c, 106, 800, "GUILLOU THERMIQUE & SANITAIRE", 13, "Helvetica-Bold")
    txt(c, 106, 787, "Plomberie · Chauffage · Pompes à chaleur · Salles de bain", 8.5, "Helvetica")
    for i, s in enumerate(["5 rue de la Tannerie – 29200 Brest", "Tél. 02 98 44 17 60 – contact@guillou-ts.fr"]):
        txt(c, 106, 775 - 10 * i, s, 8, "Helvetica")
    c.rect(50, 722, 100, 30)
    txt(c, 56, 741, "Qualifié RGE", 8, "Helvetica-Bold")
    txt(c, 56, 729, "QualiPAC n° 71892", 7.5, "Helvetica")
    txt(c, 360, 792, "FACTURE", 22, "Helvetica-Bold")
    grid = [("N° de facture", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"),
            ("Réf. client", f"C{rng.randint(10000, 19999)}"),
            ("Devis n°", f"DEV{quote_day:%y}{rng.randint(100, 999)} du {quote_day:%d/%m/%Y}"),
            ("Travaux réalisés", f"du {start:%d/%m/%Y} au {d.before:%d/%m/%Y}")]
    for i, (k, v) in enumerate(grid):
        yy = 772 - 13 * i
        txt(c, 360, yy, k, 8, "Helvetica")
        txt(c, 440, yy, v, 8, "Helvetica-Bold")
    client = rng.choice([("M. et Mme LE GALL Yannick", "14 hent Kerzu", "29810 PLOUARZEL"),
                         ("Mme QUÉRÉ Anne", "3 allée des Mouettes", "29280 PLOUZANÉ"),
                         ("M. TANGUY Erwan", "27 rue de Siam", "29200 BREST")])
    c.rect(50, 620, 240, 78)
    c.rect(305, 620, 240, 78)
    txt(c, 56, 686, "Adresse de facturation", 7.5, "Helvetica-Oblique")
    txt(c, 311, 686, "Adresse du chantier", 7.5, "Helvetica-Oblique")
    for i, s in enumerate(client):
        txt(c, 56, 670 - 13 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    for i, s in enumerate(["Maison individuelle (construite en 1987)", client[1], client[2]]):
        txt(c, 311, 670 - 13 * i, s, 9, "Helvetica")
    txt(c, 50, 600, "Objet : remplacement de la chaudière fioul par une pompe à chaleur et travaux de plomberie",
        9, "Helvetica-Bold")
    xs = [50, 105, 345, 380, 410, 470, 495, 545]
    y = 575
    c.setFillGray(0.88)
    c.rect(50, y - 6, 495, 18, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Réf.", False), (109, "Désignation", False), (376, "Qté", True), (384, "U.", False),
                        (466, "PU HT", True), (491, "TVA", True), (541, "Total HT", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    top = y + 12
    for ref, name, qty, unit_name, each, rate, amount in rows:
        y -= 17
        txt(c, 54, y, ref, 8, "Helvetica")
        txt(c, 109, y, name, 8.5)
        txt(c, 376, y, qty_h14(qty) if unit_name == "h" else qty_h14(qty, 0), 8.5, right=True)
        txt(c, 384, y, unit_name, 8.5)
        txt(c, 466, y, eu(each, " "), 8.5, right=True)
        txt(c, 491, y, fmt(rate).replace(" ", ""), 8, right=True)
        txt(c, 541, y, eu(amount, " "), 8.5, right=True)
    bottom = y - 10
    c.rect(50, bottom, 495, top - bottom)
    for x in xs[1:-1]:
        c.line(x, bottom, x, top)
    c.line(50, top - 18, 545, top - 18)
    # VAT summary at the left, totals at the right.
    yt = bottom - 30
    txt(c, 50, yt, "Détail TVA", 8.5, "Helvetica-Bold")
    for x, h in [(50, "Taux"), (150, "Base HT"), (230, "Montant TVA")]:
        txt(c, x, yt - 13, h, 7.5, "Helvetica-Oblique", right=x > 50)
    yy = yt - 26
    for r in sorted(d.base, key=Decimal):
        txt(c, 50, yy, fmt(r), 8.5, "Helvetica")
        txt(c, 150, yy, eu(d.base[r], " "), 8.5, right=True)
        txt(c, 230, yy, eu(d.vat[r], " "), 8.5, right=True)
        yy -= 12
    c.line(50, yy + 8, 230, yy + 8)
    txt(c, 50, yy - 2, "Total", 8.5, "Helvetica-Bold")
    txt(c, 150, yy - 2, eu(d.ht, " "), 8.5, "Helvetica-Bold", right=True)
    txt(c, 230, yy - 2, eu(d.tva, " "), 8.5, "Helvetica-Bold", right=True)
    deposit = Decimal(int(d.ttc * Decimal("0.3"))) if rng.random() < 0.7 else Decimal(0)
    rows_t = [("Total HT", d.ht, False), ("Total TVA", d.tva, False), ("Total TTC", d.ttc, True)]
    if deposit:
        rows_t += [(f"Acompte versé le {quote_day + dt.timedelta(days=6):%d/%m/%Y}", -deposit, False),
                   ("Net à payer", d.ttc - deposit, True)]
    h = 18 * len(rows_t) + 8
    c.rect(330, yt - h + 12, 215, h)
    for i, (a, v, bold) in enumerate(rows_t):
        yy2 = yt - 18 * i
        if bold:
            c.setFillGray(0.92)
            c.rect(330.5, yy2 - 5, 214, 17, stroke=0, fill=1)
            c.setFillGray(0)
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 338, yy2, a, 9.5, f)
        txt(c, 537, yy2, ("- " if v < 0 else "") + eu(abs(v), " ") + " €", 9.5, f, right=True)
    y = min(yy - 2, yt - h + 12) - 30
    for i, s in enumerate([
            "TVA au taux réduit de 5,5 % (art. 278-0 bis A du CGI) et de 10 % (art. 279-0 bis du CGI) : travaux "
            "dans un logement achevé depuis",
            "plus de deux ans, selon l'attestation simplifiée signée par le client et jointe au devis.",
            f"Règlement à réception, au plus tard le {d.other:%d/%m/%Y}, par chèque ou virement "
            "(IBAN FR76 1558 9297 1100 0412 3456 789).",
            "Pas d'escompte pour paiement anticipé. Pénalités de retard : 3 fois le taux d'intérêt légal ; "
            "indemnité forfaitaire pour frais de recouvrement : 40 €."]):
        txt(c, 50, y - 10 * i, s, 7.5, "Helvetica")
    c.line(50, 78, 545, 78)
    for i, s in enumerate(["SARL Guillou Thermique & Sanitaire au capital de 15 000 € – RCS Brest 823 417 560 – "
                           "SIRET 823 417 560 00019 – APE 4322B – TVA FR 62 823417560",
                           "Assurance décennale : MAAF Pro, contrat n° 194 552 870 – couverture France "
                           "métropolitaine"]):
        centre_h14(c, 297.5, 66 - 9 * i, s, 6.8, "Helvetica")
    c.save()


def fr_poissonnerie_ticket(d, path, rng):
    """A French fishmonger's till receipt in a fixed-pitch font: the date, time and ticket number
    under the shop's name, weighed fish (weight x price per kg) and shellfish at 5,5 %, wine and
    bags at 20 % with a letter code, "TOTAL TTC" and the payment, a VAT grid, the totals excl. VAT
    and VAT on their own lines, the catch area and a voucher's expiry date at the foot."""
    fish = [("BAR DE LIGNE", "kg", ["29.90", "34.50", "36.90"]), ("FILET DE CABILLAUD", "kg", ["22.90", "26.50"]),
            ("HUITRES SPECIALES N3", "dz", ["12.50", "14.90"]), ("CREVETTES GRISES CUITES", "kg", ["39.00", "44.00"])]
    other = [("MUSCADET SUR LIE 75CL", "u", ["8.90", "11.50"]), ("PICPOUL DE PINET 75CL", "u", ["9.50", "10.90"]),
             ("SAC ISOTHERME", "u", ["2.50"]), ("COUTEAU A HUITRES", "u", ["12.90", "15.90"])]
    rows, n = [], defaultdict(int)
    for i, (_, qty, _, rate) in enumerate(d.lines):
        rate = "5.5" if i == 0 else rate  # a fishmonger's ticket starts with fish
        name, unit_name, prices = (fish if rate == "5.5" else other)[n[rate]]
        n[rate] += 1
        each = Decimal(rng.choice(prices))
        if unit_name == "kg":
            amount_qty = Decimal(rng.randint(250, 1450)) / 1000
        else:
            amount_qty = Decimal(qty if qty <= 3 else 1)
        rows.append((name, unit_name, amount_qty, each, q(amount_qty * each), rate))
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[5]] += r[4]
    gross_h14(d, gross)
    d.number = f"{rng.randint(1, 3):02d}-{rng.randint(1000, 9999):06d}"
    code = {"5.5": "A", "20": "B"}
    cash = rng.random() < 0.35
    height = 330 + 21 * len(rows) + (11 if cash else 0) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(220, height), invariant=1)
    y = height - 26

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h14(c, 110, y, s, size, font)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 210, y, right, size, font, right=True)
        y -= size + 3.5

    line("LA MAREE DU PORT", size=11, font="Courier-Bold", center=True)
    for s in ["Poissonnerie - Ecailler", "Quai Gambetta", "62200 BOULOGNE-SUR-MER", "Tel 03 21 31 58 04"]:
        line(s, size=7, center=True)
    y -= 6
    hh, mm = rng.randint(8, 12), rng.randint(0, 59)
    line(f"Le {d.date:%d/%m/%Y} a {hh:02d}h{mm:02d}", size=7.5)
    line(f"Ticket n. {d.number}", size=7.5, font="Courier-Bold")
    line(f"Balance 2   Vendeur : {rng.choice(['SOPHIE', 'MARC', 'LUDO', 'CELINE'])}", size=7)
    line("-" * 40, size=7)
    for name, unit_name, amount_qty, each, amount, rate in rows:
        line(name, f"{eu(amount, ' ')} {code[rate]}")
        if unit_name == "kg":
            line(f"   {qty_h14(amount_qty, 3)} kg x {eu(each, ' ')} EUR/kg", size=6.5)
        else:
            line(f"   {int(amount_qty)} {unit_name} x {eu(each, ' ')}", size=6.5)
        y -= 1
    line("-" * 40, size=7)
    line("TOTAL TTC", eu(d.ttc, " ") + " EUR", size=10, font="Courier-Bold")
    y -= 2
    if cash:
        given = Decimal(((int(d.ttc) // 10) + 1) * 10)
        line("ESPECES", eu(given, " "))
        line("RENDU", eu(given - d.ttc, " "))
    else:
        line("CB SANS CONTACT", eu(d.ttc, " "))
    y -= 6
    line(f"{'TVA':<5}{'TAUX':>7}{'HT':>10}{'TVA':>8}{'TTC':>10}", size=7, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        line(f"{code[r]:<5}{Decimal(r):>6.2f}%{eu(d.base[r], ' '):>10}{eu(d.vat[r], ' '):>8}"
             f"{eu(d.base[r] + d.vat[r], ' '):>10}".replace(".", ","), size=7)
    y -= 2
    line("Total HT", eu(d.ht, " "), size=7.5)
    line("Total TVA", eu(d.tva, " "), size=7.5)
    line("-" * 40, size=7)
    line("Zone de peche : Atlantique Nord-Est", size=6.5, center=True)
    line("(FAO 27) - Peche en mer - Chalut/Ligne", size=6.5, center=True)
    y -= 4
    line("BON DE REDUCTION -5% sur votre", size=7, font="Courier-Bold", center=True)
    line(f"prochain achat, valable jusqu'au {d.date + dt.timedelta(days=30):%d/%m/%Y}", size=7, center=True)
    y -= 4
    for s in ["SAS La Maree du Port - SIRET 401 229 518 00023", "TVA FR 08 401229518",
              "Merci de votre visite et a bientot !"]:
        line(s, size=6.5, center=True)
    c.save()


def fr_materiel_medical_avoir(d, path, rng):
    """A French home medical equipment provider's credit note in a serif font: the provider at the
    top left, "AVOIR" at the right over a column of labels and values (number, date, invoice it
    corrects and its date, customer, beneficiary), the reason with the date the equipment was
    returned, lines with a code (LPP) and the rental period credited, rentals at 5,5 % and service
    at 20 %, and the totals stacked at the left under the VAT bases, then how the credit is paid."""
    cat = {"5.5": [("1243010", "Location lit médicalisé électrique – forfait hebdomadaire", ["16.90", "18.74"]),
                   ("1283040", "Location fauteuil roulant manuel – forfait hebdomadaire", ["9.60", "11.52"]),
                   ("1213620", "Location matelas à air motorisé – forfait hebdomadaire", ["19.20", "21.35"]),
                   ("1252110", "Location soulève-malade électrique – forfait hebdomadaire", ["23.80", "26.60"])],
           "20": [("LIV-INST", "Livraison, installation et reprise à domicile", ["45.00", "60.00"]),
                  ("DESINF", "Désinfection et reconditionnement du matériel", ["25.00", "32.00"]),
                  ("TAB-RL", "Location tablette de lit à roulettes – semaine", ["4.50", "5.90"]),
                  ("COUS-P", "Coussin de positionnement (reprise)", ["38.00", "42.50"])]}
    returned = d.before
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "5.5" if i == 0 else rate  # the credit always gives back rental weeks
        code, name, prices = cat[rate][n[rate]]
        n[rate] += 1
        each = Decimal(rng.choice(prices))
        weekly = "hebdomadaire" in name or "semaine" in name
        qty = rng.randint(1, 4) if weekly else 1
        period = f"{returned:%d/%m} – {returned + dt.timedelta(days=7 * qty - 1):%d/%m/%Y}" if weekly else ""
        rows.append((code, name, period, qty, each, rate, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h14(d, base)
    d.number = f"AV{d.date:%y}-{rng.randint(100, 2999):05d}"
    inv_day = returned - dt.timedelta(days=rng.randint(20, 40))
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "MédiDom Santé", 20, "Times-Bold")
    txt(c, 50, 785, "Prestataire de santé à domicile", 10, "Times-Italic")
    for i, s in enumerate(["Vente – Location – Livraison de matériel médical", "18 boulevard Foch",
                           "49100 ANGERS", "Tél. 02 41 87 23 90 – Fax 02 41 87 23 91", "www.medidom-sante.fr"]):
        txt(c, 50, 768 - 11 * i, s, 8.5, "Times-Roman")
    txt(c, 545, 800, "AVOIR", 24, "Times-Bold", right=True)
    grid = [("Avoir n°", d.number), ("Date", f"{d.date:%d/%m/%Y}"),
            ("Sur facture n°", f"FA{inv_day:%y}-{rng.randint(3000, 9999):05d}"),
            ("du", f"{inv_day:%d/%m/%Y}"), ("Client n°", f"{rng.randint(400000, 499999)}"),
            ("N° de dossier", f"LOC-{rng.randint(10000, 99999)}")]
    for i, (k, v) in enumerate(grid):
        yy = 774 - 13 * i
        txt(c, 400, yy, k, 9.5, "Times-Roman")
        txt(c, 545, yy, v, 9.5, "Times-Bold", right=True)
    who = rng.choice([("Madame Jeanne MOREAU", "12 rue du Mail", "49000 ANGERS"),
                      ("Monsieur Paul BESNARD", "Résidence Les Tilleuls, apt 14", "49130 LES PONTS-DE-CÉ"),
                      ("Madame Odile PIVETEAU", "7 chemin de la Roche", "49800 TRÉLAZÉ")])
    txt(c, 320, 680, "Bénéficiaire :", 9, "Times-Italic")
    for i, s in enumerate(who):
        txt(c, 320, 666 - 13 * i, s, 10.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 610, f"Motif : restitution anticipée du matériel le {returned:%d/%m/%Y} (fin de prise en charge).",
        10, "Times-Roman")
    txt(c, 50, 597, "Les semaines de location facturées d'avance et non utilisées, ainsi que les prestations "
                       "non réalisées, vous sont créditées.",
        10, "Times-Italic")
    y = 565
    c.setLineWidth(0.8)
    c.line(50, y + 13, 545, y + 13)
    for x, h, right in [(50, "Code", False), (105, "Désignation", False), (338, "Période créditée", False),
                        (428, "Qté", True), (464, "P.U. HT", True), (492, "TVA", True), (545, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for code, name, period, qty, each, rate, amount in rows:
        y -= 15
        txt(c, 50, y, code, 8.5, "Times-Roman")
        txt(c, 105, y, name, 8.5)
        txt(c, 338, y, period, 8)
        txt(c, 428, y, str(qty), 8.5, right=True)
        txt(c, 464, y, eu(each, " "), 8.5, right=True)
        txt(c, 492, y, fmt(rate).replace(" ", ""), 8, right=True)
        txt(c, 545, y, eu(amount, " "), 8.5, right=True)
    c.line(50, y - 8, 545, y - 8)
    y -= 40
    txt(c, 50, y, "Récapitulatif de l'avoir", 11, "Times-Bold")
    y -= 18
    for r in sorted(d.base, key=Decimal):
        txt(c, 50, y, f"Base HT à {fmt(r)}", 10, "Times-Roman")
        txt(c, 230, y, eu(d.base[r], " ") + " €", 10, right=True)
        txt(c, 260, y, f"TVA {fmt(r)}", 10, "Times-Roman")
        txt(c, 400, y, eu(d.vat[r], " ") + " €", 10, right=True)
        y -= 15
    c.line(50, y + 8, 400, y + 8)
    y -= 6
    for a, v, bold in [("Total HT", d.ht, False), ("Total TVA", d.tva, False),
                       ("Total TTC de l'avoir", d.ttc, True)]:
        txt(c, 50, y, a, 11 if bold else 10, "Times-Bold" if bold else "Times-Roman")
        txt(c, 230, y, eu(v, " ") + " €", 11 if bold else 10, "Times-Bold" if bold else "Times-Roman", right=True)
        y -= 16
    c.setLineWidth(1.4)
    c.rect(46, y + 11, 190, 19)
    c.setLineWidth(1)
    y -= 24
    txt(c, 50, y, f"Remboursement par virement sur votre compte au plus tard le {d.other:%d/%m/%Y}.", 9.5,
        "Times-Roman")
    txt(c, 50, y - 13, "La part prise en charge par l'Assurance Maladie fait l'objet d'une régularisation séparée "
                       "auprès de votre caisse.", 9.5, "Times-Roman")
    for i, s in enumerate(["TVA à 5,5 % : appareillages pour personnes handicapées (art. 278-0 bis A du CGI) ; "
                           "prestations de service : 20 %.",
                           "SAS MédiDom Santé au capital de 40 000 € – RCS Angers 532 981 004 – SIRET 532 981 004 "
                           "00031 – TVA FR 41 532981004 – N° AM 49 6 00812 3"]):
        centre_h14(c, 297.5, 66 - 10 * i, s, 7.5, "Times-Roman")
    c.save()


def en_uk_plant_hire(d, path, rng):
    """A UK plant hire company's VAT invoice: the depot's details at the right of a bold name, a
    ruled grid of invoice number, tax point, account, contract and order numbers, the site and the
    hire period, one line per machine with its weeks and weekly rate, delivery and collection and
    the damage waiver, the totals in a box at the right, and a remittance slip to tear off at the
    foot repeating the account, invoice number, date and amount."""
    fleet = [("MX15", "1.5t Mini Excavator, rubber tracks", ["195.00", "225.00", "260.00"]),
             ("DMP3", "3t Hi-Tip Dumper", ["140.00", "165.00"]),
             ("BRK110", "Hydraulic Breaker 110v c/w chisel", ["48.00", "56.00"]),
             ("PC400", "Plate Compactor 400mm, petrol", ["38.00", "44.50"])]
    weeks = rng.randint(1, 3)
    off = d.before - dt.timedelta(days=7 * weeks)
    rows = []
    for i, (_, qty, _, _) in enumerate(d.lines):
        code, name, prices = fleet[i]
        units = 1 if i < 2 else rng.randint(1, 2)
        rate = Decimal(rng.choice(prices))
        rows.append((code, name, units, f"{weeks} wk", rate, q(units * weeks * rate)))
    hire = sum(r[5] for r in rows)
    haul = Decimal(rng.choice(["65.00", "75.00", "85.00"]))
    rows.append(("TRANS", "Delivery & collection (each way)", 2, "", haul, q(2 * haul)))
    ldw = q(hire * Decimal("0.12"))
    rows.append(("LDW", "Loss & damage waiver @ 12% of hire", 1, "", ldw, ldw))
    net_h14(d, {"20": sum(r[5] for r in rows)})
    d.number = f"HI{rng.randint(100000, 399999)}"
    account = f"{rng.choice(['BRC', 'HAL', 'KES', 'MAR'])}{rng.randint(100, 999):04d}"
    c = pen(path)
    txt(c, 50, 798, "PENNINE", 26, "Helvetica-Bold")
    txt(c, 50, 780, "PLANT & TOOL HIRE", 11, "Helvetica-Bold")
    c.setLineWidth(3)
    c.line(50, 772, 210, 772)
    c.setLineWidth(1)
    for i, s in enumerate(["Pennine Plant Hire Ltd", "Sheffield Depot, Unit 7 Parkway Trading Estate",
                           "Sheffield S9 3BL", "Tel 0114 256 0890  ·  hire@pennineplant.co.uk",
                           "VAT Reg No. 318 4402 61"]):
        txt(c, 545, 805 - 11 * i, s, 8, "Helvetica-Bold" if i == 0 else "Helvetica", right=True)
    txt(c, 50, 735, "VAT INVOICE", 15, "Helvetica-Bold")
    txt(c, 50, 715, "Invoice to:", 8, "Helvetica-Oblique")
    for i, s in enumerate(["Hallam Groundworks Ltd", "Accounts Department", "41 Attercliffe Road",
                           "Sheffield S4 7WZ"]):
        txt(c, 50, 702 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 200, 715, "Delivered to site:", 8, "Helvetica-Oblique")
    for i, s in enumerate([f"Plot {rng.randint(3, 40)}, Orgreave Business Park", "Orgreave Drive",
                           "Sheffield S13 9NP", f"Site contact: {rng.choice(['D. Walsh', 'K. Hirst', 'P. Booth'])}"]):
        txt(c, 200, 702 - 12 * i, s, 9, "Helvetica")
    grid = [("Invoice No.", d.number), ("Date / Tax Point", f"{d.date:%d/%m/%Y}"), ("Account", account),
            ("Contract No.", f"C{rng.randint(40000, 89999)}"), ("Your Order No.", f"HG/{rng.randint(1000, 4999)}"),
            ("Page", "1 of 1")]
    for i, (k, v) in enumerate(grid):
        yy = 735 - 16 * i
        c.rect(360, yy - 5, 80, 16)
        c.rect(440, yy - 5, 105, 16)
        txt(c, 365, yy, k, 8, "Helvetica")
        txt(c, 445, yy, v, 8.5, "Helvetica-Bold")
    txt(c, 50, 622, f"Hire period: {off:%d/%m/%Y} to {d.before:%d/%m/%Y} ({weeks} week{'s' if weeks > 1 else ''})"
                    f"      Off-hire ref: OH{rng.randint(10000, 99999)}", 9, "Helvetica-Bold")
    y = 595
    c.setFillGray(0.15)
    c.rect(50, y - 5, 495, 17, stroke=0, fill=1)
    c.setFillGray(1)
    for x, h, right in [(55, "Item", False), (110, "Description", False), (330, "Qty", True), (385, "Period", True),
                        (455, "Rate £", True), (540, "Net £", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.setFillGray(0)
    for code, name, units, period, rate, amount in rows:
        y -= 16
        txt(c, 55, y, code, 8.5, "Helvetica")
        txt(c, 110, y, name, 8.5)
        txt(c, 330, y, str(units), 8.5, right=True)
        txt(c, 385, y, period, 8.5, right=True)
        txt(c, 455, y, us(rate), 8.5, right=True)
        txt(c, 540, y, us(amount), 8.5, right=True)
        c.setStrokeGray(0.8)
        c.line(50, y - 5, 545, y - 5)
        c.setStrokeGray(0)
    y -= 30
    txt(c, 50, y, "VAT analysis", 8.5, "Helvetica-Bold")
    txt(c, 50, y - 12, f"Code S   Standard 20.00%   Net £{us(d.ht)}   VAT £{us(d.tva)}", 8, "Helvetica")
    txt(c, 50, y - 30, "Equipment off-hired by phone must be quoted with the off-hire reference.", 7.5,
        "Helvetica-Oblique")
    txt(c, 50, y - 40, "Fuel used is charged on return at the current litre rate.", 7.5, "Helvetica-Oblique")
    c.setLineWidth(1.2)
    c.rect(345, y - 52, 200, 62)
    c.setLineWidth(1)
    for i, (a, v, bold) in enumerate([("Total Net", d.ht, False), ("Total VAT", d.tva, False),
                                      ("Invoice Total", d.ttc, True)]):
        yy = y - 6 - 18 * i
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 353, yy, a, 10 if bold else 9.5, f)
        txt(c, 537, yy, "£" + us(v), 10.5 if bold else 9.5, f, right=True)
    txt(c, 345, y - 66, f"Terms: 30 days. Payment due by {d.date + dt.timedelta(days=30):%d/%m/%Y}.", 8,
        "Helvetica")
    # Remittance slip.
    slip = 150
    c.setDash(4, 3)
    c.line(40, slip + 22, 555, slip + 22)
    c.setDash()
    centre_h14(c, 297.5, slip + 26, "please detach and return with your payment", 6.5, "Helvetica-Oblique")
    txt(c, 50, slip, "REMITTANCE ADVICE", 11, "Helvetica-Bold")
    txt(c, 50, slip - 14, "Pennine Plant Hire Ltd, Unit 7 Parkway Trading Estate, Sheffield S9 3BL", 8,
        "Helvetica")
    txt(c, 50, slip - 26, "BACS: Lloyds Bank  Sort code 30-94-57  Account 01448823", 8, "Helvetica")
    for i, (k, v) in enumerate([("Account", account), ("Invoice No.", d.number), ("Invoice Date", f"{d.date:%d/%m/%Y}"),
                                ("Amount Due", "£" + us(d.ttc)), ("Amount Paid", "")]):
        yy = slip - 4 - 15 * i
        txt(c, 360, yy, k, 8.5, "Helvetica")
        txt(c, 545, yy, v, 8.5, "Helvetica-Bold", right=True)
    c.line(460, slip - 66, 545, slip - 66)
    txt(c, 50, 52, "Pennine Plant Hire Ltd. Registered in England No. 05528317. All hires are subject to the CPA "
                   "Model Conditions for the Hiring of Plant (2011).", 6.5, "Helvetica")
    c.save()


def de_schornsteinfeger(d, path, rng):
    """A German chimney sweep's invoice as a DIN letter in a serif font: the sweep's district and
    return line over the address window, an information block at the right (customer number,
    invoice number, invoice date, date of the work), the property as subject, the work in
    "Arbeitswerte" (AW) times the price per AW plus a flat travel charge, the totals at the right,
    the labour share for § 35a EStG under them, the next due work and a three-column footer."""
    jobs = [("Feuerstättenschau gem. § 14 SchfHwG", ["9.1", "10.4"]),
            ("Abgaswegüberprüfung Gas-Brennwertkessel, raumluftunabh.", ["12.6", "14.3"]),
            ("Kehren Schornstein (Festbrennstoff), je Termin", ["11.8", "13.2"]),
            ("Emissionsmessung Öl-Feuerung gem. 1. BImSchV", ["21.5", "23.0"])]
    aw_price = Decimal(rng.choice(["1.30", "1.39"]))
    rows = []
    for i, (_, qty, _, _) in enumerate(d.lines):
        name, aws = jobs[i]
        count = 2 if i == 2 and qty > 6 else 1
        aw = Decimal(rng.choice(aws)) * count
        rows.append((name, count, aw, q(aw * aw_price)))
    rows.insert(0, ("Grundwert je Termin", 1, Decimal("8.0"), q(Decimal("8.0") * aw_price)))
    travel = Decimal(rng.choice(["6.40", "7.60", "8.90"]))
    net_h14(d, {"19": sum(r[3] for r in rows) + travel})
    d.number = f"{d.date:%y}-{rng.randint(1000, 4999)}"
    work_day = d.before
    c = pen(path, "Times-Roman")
    txt(c, 545, 805, "Jan Hoffmann", 16, "Times-Bold", right=True)
    txt(c, 545, 790, "Schornsteinfegermeister · Gebäudeenergieberater (HWK)", 9, "Times-Italic", right=True)
    txt(c, 545, 778, "bevollmächtigter Bezirksschornsteinfeger, Kehrbezirk Breisgau-Hochschwarzwald 07", 8,
        "Times-Roman", right=True)
    txt(c, 57, 728, "J. Hoffmann · Schwarzwaldstraße 41 · 79117 Freiburg im Breisgau", 7, "Times-Roman")
    c.setLineWidth(0.4)
    c.line(57, 725, 275, 725)
    who = rng.choice([("Herrn", "Markus Weber", "Lindenweg 8", "79199 Kirchzarten"),
                      ("Frau", "Dr. Ulrike Sommer", "Am Rebberg 3", "79219 Staufen"),
                      ("Eheleute", "Petra und Klaus Riedel", "Talstraße 112", "79117 Freiburg")])
    for i, s in enumerate(who):
        txt(c, 57, 705 - 13 * i, s, 10.5, "Times-Roman")
    info = [("Kunden-Nr.", f"{rng.randint(3000, 8999)}"), ("Rechnungs-Nr.", d.number),
            ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"), ("Leistungsdatum", f"{work_day:%d.%m.%Y}"),
            ("Telefon", "0761 470 38 21"), ("E-Mail", "info@schornsteinfeger-hoffmann.de")]
    for i, (k, v) in enumerate(info):
        yy = 730 - 13 * i
        txt(c, 340, yy, k, 8.5, "Times-Roman")
        txt(c, 415, yy, v, 8.5, "Times-Bold" if i < 4 else "Times-Roman")
    txt(c, 57, 600, f"Rechnung Nr. {d.number}", 13, "Times-Bold")
    txt(c, 57, 585, f"Liegenschaft: {who[2]}, {who[3][6:]} – Schornsteinfegerarbeiten nach KÜO / 1. BImSchV", 10,
        "Times-Roman")
    txt(c, 57, 560, "Sehr geehrte Damen und Herren,", 10.5, "Times-Roman")
    txt(c, 57, 546, f"für die am {work_day:%d.%m.%Y} ausgeführten Arbeiten berechne ich Ihnen:", 10.5, "Times-Roman")
    y = 515
    for x, h, right in [(57, "Pos.", False), (90, "Leistung", False), (375, "Anz.", True), (425, "AW", True),
                        (480, "€/AW", True), (540, "Betrag €", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.setLineWidth(0.8)
    c.line(57, y - 4, 540, y - 4)
    for i, (name, count, aw, amount) in enumerate(rows):
        y -= 15
        txt(c, 57, y, str(i + 1), 9.5, "Times-Roman")
        txt(c, 90, y, name, 9.5)
        txt(c, 375, y, str(count), 9.5, right=True)
        txt(c, 425, y, qty_h14(aw, 1), 9.5, right=True)
        txt(c, 480, y, eu(aw_price), 9.5, right=True)
        txt(c, 540, y, eu(amount), 9.5, right=True)
    y -= 15
    txt(c, 57, y, str(len(rows) + 1), 9.5, "Times-Roman")
    txt(c, 90, y, "Fahrtkostenpauschale (Anfahrt im Kehrbezirk)", 9.5)
    txt(c, 540, y, eu(travel), 9.5, right=True)
    c.line(57, y - 6, 540, y - 6)
    y -= 26
    for i, (a, v, bold) in enumerate([("Summe netto", d.ht, False), ("zzgl. 19 % Umsatzsteuer", d.tva, False),
                                      ("Rechnungsbetrag", d.ttc, True)]):
        if bold:
            c.line(360, y + 11, 540, y + 11)
        f = "Times-Bold" if bold else "Times-Roman"
        txt(c, 360, y, a, 10.5, f)
        txt(c, 540, y, eu(v) + " €", 10.5, f, right=True)
        y -= 15
    c.line(360, y + 10, 540, y + 10)
    c.line(360, y + 8, 540, y + 8)
    labour = q((d.ht - travel) * Decimal("1.19"))
    y -= 20
    txt(c, 57, y, f"Im Rechnungsbetrag enthaltene Arbeitskosten (inkl. USt.) nach § 35a EStG: {eu(labour)} €", 9.5,
        "Times-Roman")
    txt(c, 57, y - 26, f"Bitte überweisen Sie den Rechnungsbetrag bis zum {d.other:%d.%m.%Y} unter Angabe der "
                       "Rechnungsnummer.", 10, "Times-Roman")
    nxt = rng.choice(["Kehrung", "Abgaswegüberprüfung", "Feuerstättenschau"])
    txt(c, 57, y - 40, f"Nächste fällige Arbeit ({nxt}) laut Feuerstättenbescheid: "
                       f"{MONTH_NAMES['de'][(d.date.month + 5) % 12]} {d.date.year + (1 if d.date.month > 6 else 0)}.",
        10, "Times-Roman")
    txt(c, 57, y - 66, "Mit freundlichen Grüßen", 10.5, "Times-Roman")
    txt(c, 57, y - 92, "Jan Hoffmann", 10.5, "Times-Italic")
    c.line(57, 90, 540, 90)
    cols = [["Jan Hoffmann", "Schwarzwaldstraße 41", "79117 Freiburg im Breisgau"],
            ["Sparkasse Freiburg-Nördlicher Breisgau", "IBAN DE12 6805 0101 0012 3456 78", "BIC FRSPDE66XXX"],
            ["Steuer-Nr. 06466/41327", "USt-IdNr. DE 287 441 902", "Handwerkskammer Freiburg"]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 57 + 170 * j, 78 - 9 * i, s, 7, "Times-Roman")
    c.save()


def nl_schildersbedrijf(d, path, rng):
    """A Dutch painting firm's invoice: a dark band across the top with the name in white and the
    address at its right, the customer and a block of invoice number, date (as 14 maart 2024), due
    date, debtor and quote numbers, the project with the weeks of the work, labour at 9 % (painting
    a home older than two years) and materials and scaffolding at 21 % with a column for the rate,
    and the totals with one VAT line per rate over its base and a total VAT line."""
    cat = {"9": [("Arbeidsloon schilderwerk kozijnen, ramen en deuren", "uur", ["48.50", "52.00"]),
                 ("Arbeidsloon voorbehandeling: schuren, kitten, plamuren", "uur", ["48.50", "52.00"]),
                 ("Arbeidsloon houtrotherstel dorpels en kozijnhoeken", "uur", ["54.00", "56.50"]),
                 ("Arbeidsloon binnenschilderwerk plafonds en wanden", "uur", ["46.00", "49.50"])],
           "21": [("Verf en materialen (Sikkens Rubbol BL, grondverf, kit)", "post", ["284.60", "412.35", "538.90"]),
                  ("Steigerhuur incl. op- en afbouw", "week", ["165.00", "190.00"]),
                  ("Houtrotreparatiemiddelen (2K epoxy, plugs)", "post", ["96.80", "143.20"]),
                  ("Afvoer afval en verfresten", "post", ["35.00", "45.00"])]}
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "9" if i == 0 else rate  # a painter's invoice always has labour
        name, unit_name, prices = cat[rate][n[rate]]
        n[rate] += 1
        if unit_name == "uur":
            qty = Decimal(rng.choice([8, 12, 16, 24, 32, 40, 56]))
        elif unit_name == "week":
            qty = Decimal(rng.randint(1, 3))
        else:
            qty = Decimal(1)
        each = Decimal(rng.choice(prices))
        rows.append((name, qty, unit_name, each, rate, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[4]] += r[5]
    net_h14(d, base)
    d.number = f"{d.date:%Y}{rng.randint(100, 999):04d}"
    end = d.before
    begin = end - dt.timedelta(days=rng.choice([4, 11, 18]))
    c = pen(path)
    c.setFillGray(0.2)
    c.rect(0, 760, 595, 82, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 50, 805, "SCHILDERSBEDRIJF", 10, "Helvetica")
    txt(c, 50, 785, "DE VRIES & ZN.", 20, "Helvetica-Bold")
    txt(c, 50, 770, "Binnen- en buitenschilderwerk · Glaszetten · Houtrotherstel", 8, "Helvetica")
    for i, s in enumerate(["Ambachtsweg 22", "3542 DG Utrecht", "030 - 241 88 90", "www.devriesschilders.nl"]):
        txt(c, 545, 810 - 11 * i, s, 8.5, "Helvetica", right=True)
    c.setFillGray(0)
    who = rng.choice([("Familie Jansen", "Prinses Irenelaan 14", "3621 VB  BREUKELEN"),
                      ("Dhr. en mevr. Visser", "Wilhelminapark 37", "3581 NE  UTRECHT"),
                      ("Mevr. A. de Boer", "Kerkweg 5", "3451 RC  VLEUTEN")])
    for i, s in enumerate(who):
        txt(c, 50, 700 - 14 * i, s, 10.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 50, 630, "Factuur", 20, "Helvetica-Bold")
    block = [("Factuurnummer", d.number), ("Factuurdatum", long_date(d.date, "nl")),
             ("Vervaldatum", f"{d.date + dt.timedelta(days=14):%d-%m-%Y}"),
             ("Debiteurnummer", f"{rng.randint(2000, 2999)}"),
             ("Offertenummer", f"OFF-{d.date.year}-{rng.randint(10, 99):03d}")]
    for i, (k, v) in enumerate(block):
        yy = 712 - 14 * i
        txt(c, 345, yy, k, 9, "Helvetica")
        txt(c, 440, yy, v, 9, "Helvetica-Bold" if i < 2 else "Helvetica")
    txt(c, 50, 607, f"Project: buitenschilderwerk woning {who[1]}", 9.5, "Helvetica")
    txt(c, 50, 594, f"Uitgevoerd van {begin:%d-%m-%Y} t/m {end:%d-%m-%Y} (week {begin.isocalendar()[1]} t/m "
                    f"{end.isocalendar()[1]}), conform offerte en meerwerkafspraken.", 9.5, "Helvetica")
    y = 560
    for x, h, right in [(50, "Omschrijving", False), (360, "Aantal", True), (368, "Eenh.", False),
                        (450, "Prijs", True), (480, "Btw", True), (545, "Bedrag", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.setLineWidth(1.5)
    c.line(50, y - 5, 545, y - 5)
    c.setLineWidth(0.5)
    for name, qty, unit_name, each, rate, amount in rows:
        y -= 17
        txt(c, 50, y, name, 9, "Helvetica")
        txt(c, 360, y, qty_h14(qty), 9, right=True)
        txt(c, 368, y, unit_name, 9)
        txt(c, 450, y, "€ " + eu(each), 9, right=True)
        txt(c, 480, y, f"{rate}%", 9, right=True)
        txt(c, 545, y, "€ " + eu(amount), 9, right=True)
        c.line(50, y - 6, 545, y - 6)
    c.setLineWidth(1)
    y -= 40
    rows_t = [("Totaal excl. btw", d.ht, False)]
    for r in sorted(d.base, key=Decimal):
        rows_t.append((f"Btw {r}% over € {eu(d.base[r])}", d.vat[r], False))
    rows_t += [("Totaal btw", d.tva, False), ("Totaal incl. btw", d.ttc, True)]
    for a, v, bold in rows_t:
        if bold:
            c.setLineWidth(1.5)
            c.line(320, y + 13, 545, y + 13)
            c.setLineWidth(1)
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 320, y, a, 11 if bold else 9.5, f)
        txt(c, 545, y, "€ " + eu(v), 11 if bold else 9.5, f, right=True)
        y -= 16
    y -= 30
    for i, s in enumerate([f"Wij verzoeken u het totaalbedrag van € {eu(d.ttc)} binnen 14 dagen over te maken op "
                           "NL37 INGB 0006 8123 45",
                           "t.n.v. Schildersbedrijf De Vries & Zn. onder vermelding van het factuurnummer.",
                           "Het verlaagde btw-tarief van 9% is toegepast op het arbeidsloon voor het schilderen van "
                           "een woning ouder dan twee jaar.",
                           "Op het schilderwerk geven wij 2 jaar garantie volgens de Algemene Voorwaarden van "
                           "OnderhoudNL."]):
        txt(c, 50, y - 12 * i, s, 8.5, "Helvetica")
    c.setStrokeGray(0.6)
    c.line(50, 72, 545, 72)
    c.setStrokeGray(0)
    centre_h14(c, 297.5, 60, "KvK 30145872  ·  Btw-id NL8154.77.209.B01  ·  Lid van OnderhoudNL  ·  "
                             "Op al onze offertes en werkzaamheden zijn onze algemene voorwaarden van toepassing",
               6.8, "Helvetica")
    c.save()


def es_reformas(d, path, rng):
    """A Spanish renovation firm's invoice in a serif font: the firm at the top left, "FACTURA" in a
    framed block at the right (number, date, customer code), the customer with its NIF in a box,
    the site, the accepted estimate and the end of the work, lines by chapter with unit, quantity
    and price, work in a home at 10 % and supplied fittings at 21 %, and at the foot a table of
    bases and VAT per rate beside the totals, the payment terms and the registry mention."""
    cat = {"10": [("01", "Demolición de alicatado y retirada de escombros a vertedero", "m²", ["14.50", "18.00"]),
                  ("02", "Fontanería: red de agua fría/caliente y desagües del baño", "ud", ["690.00", "845.00"]),
                  ("03", "Alicatado y solado porcelánico, material y mano de obra", "m²", ["42.00", "48.50"]),
                  ("04", "Pintura plástica lisa en techos y paramentos", "m²", ["8.90", "10.50"])],
           "21": [("05", "Suministro de mampara de ducha, vidrio templado 8 mm", "ud", ["385.00", "459.00"]),
                  ("06", "Suministro de mueble de baño 80 cm con lavabo", "ud", ["312.00", "398.00"]),
                  ("07", "Suministro de termo eléctrico 80 l", "ud", ["219.00", "264.00"]),
                  ("08", "Suministro de radiador toallero eléctrico", "ud", ["145.00", "189.00"])]}
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "10" if i == 0 else rate  # the renovation work itself comes first
        chap, name, unit_name, prices = cat[rate][n[rate]]
        n[rate] += 1
        qty = Decimal(rng.randint(600, 3200)) / 100 if unit_name == "m²" else Decimal(1)
        each = Decimal(rng.choice(prices))
        rows.append((chap, name, unit_name, qty, each, rate, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h14(d, base)
    d.number = f"R{d.date:%y}/{rng.randint(1, 450):04d}"
    budget = d.before - dt.timedelta(days=rng.randint(25, 70))
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "REFORMAS TURIA", 20, "Times-Bold")
    txt(c, 50, 786, "Reformas integrales · Baños y cocinas · Fontanería y electricidad", 9, "Times-Italic")
    for i, s in enumerate(["Reformas Turia, S.L. – CIF B98765432", "Av. del Puerto 214, bajo", "46023 Valencia",
                           "Tel. 963 30 47 12 · obras@reformasturia.es"]):
        txt(c, 50, 770 - 11 * i, s, 8.5, "Times-Roman")
    c.setLineWidth(1.2)
    c.rect(360, 735, 185, 70)
    c.setLineWidth(1)
    txt(c, 370, 788, "FACTURA", 15, "Times-Bold")
    for i, (k, v) in enumerate([("Nº factura:", d.number), ("Fecha:", f"{d.date:%d/%m/%Y}"),
                                ("Cód. cliente:", f"{rng.randint(400, 999)}")]):
        txt(c, 370, 771 - 13 * i, k, 9.5, "Times-Roman")
        txt(c, 440, 771 - 13 * i, v, 9.5, "Times-Bold")
    who = rng.choice([("D. Vicente Ferrer Llopis", "NIF 22587413K", "C/ de Cuba 18, pta. 7", "46006 Valencia"),
                      ("Dª Amparo Soler Martí", "NIF 20441987B", "C/ Sueca 61, 3º", "46006 Valencia"),
                      ("D. Jorge Navarro Ribes", "NIF 73581204H", "Av. Blasco Ibáñez 95, 9ª", "46022 Valencia")])
    c.rect(300, 640, 245, 72)
    txt(c, 306, 702, "Cliente", 8, "Times-Italic")
    for i, s in enumerate(who):
        txt(c, 306, 688 - 13 * i, s, 10, "Times-Bold" if i == 0 else "Times-Roman")
    for i, s in enumerate([f"Obra: reforma de baño en vivienda habitual, {who[2]}, {who[3]}",
                           f"Presupuesto nº P{budget:%y}-{rng.randint(100, 399)} aceptado el {budget:%d/%m/%Y}",
                           f"Fecha de finalización de la obra: {d.before:%d/%m/%Y}"]):
        txt(c, 50, 615 - 13 * i, s, 9.5, "Times-Roman")
    y = 560
    c.setFillGray(0.9)
    c.rect(50, y - 5, 495, 17, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Cap.", False), (85, "Concepto", False), (355, "Ud.", False), (410, "Cant.", True),
                        (460, "Precio", True), (490, "IVA", True), (541, "Importe", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    for chap, name, unit_name, qty, each, rate, amount in rows:
        y -= 16
        txt(c, 54, y, chap, 9, "Times-Roman")
        txt(c, 85, y, name, 9)
        txt(c, 355, y, unit_name, 9)
        txt(c, 410, y, qty_h14(qty), 9, right=True)
        txt(c, 460, y, eu(each), 9, right=True)
        txt(c, 490, y, f"{rate}%", 9, right=True)
        txt(c, 541, y, eu(amount) + " €", 9, right=True)
    c.line(50, y - 8, 545, y - 8)
    # Foot: bases per rate at the left, totals at the right.
    top = 230
    xs = [50, 140, 190, 280]
    c.rect(50, top - 16 - 15 * len(d.base), 230, 30 + 15 * len(d.base))
    for x, h in zip(xs, ["Base imponible", "% IVA", "Cuota IVA"]):
        txt(c, x + 4, top, h, 8.5, "Times-Bold")
    c.line(50, top - 4, 280, top - 4)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = top - 17 - 15 * i
        txt(c, 136, yy, eu(d.base[r]), 9.5, "Times-Roman", right=True)
        txt(c, 186, yy, f"{r} %", 9.5, right=True)
        txt(c, 276, yy, eu(d.vat[r]), 9.5, right=True)
    for i, (a, v, bold) in enumerate([("TOTAL BASE IMPONIBLE", d.ht, False), ("TOTAL CUOTA IVA", d.tva, False),
                                      ("TOTAL FACTURA", d.ttc, True)]):
        yy = top - 18 * i
        f = "Times-Bold" if bold else "Times-Roman"
        if bold:
            c.rect(320, yy - 6, 225, 20)
        txt(c, 326, yy, a, 10.5 if bold else 9.5, f)
        txt(c, 539, yy, eu(v) + " €", 11 if bold else 9.5, f, right=True)
    y = top - 40 - 15 * len(d.base)
    for i, s in enumerate([f"Forma de pago: transferencia bancaria a ES91 2100 0418 4502 0005 1332. "
                           f"Vencimiento: {d.other:%d/%m/%Y}.",
                           "IVA reducido del 10 % (art. 91.Uno.2.10º de la Ley 37/1992): obra de renovación en "
                           "vivienda de particular, con declaración",
                           "del destinatario; los aparatos suministrados aparte tributan al 21 %.",
                           "Garantía de la obra: 2 años. Gestión de residuos conforme al R.D. 105/2008."]):
        txt(c, 50, y - 11 * i, s, 8, "Times-Roman")
    centre_h14(c, 297.5, 55, "Reformas Turia, S.L. – Inscrita en el Registro Mercantil de Valencia, Tomo 9.871, "
                             "Folio 112, Hoja V-158.233 – CIF B98765432", 7, "Times-Roman")
    c.save()


def it_manutenzione_ascensori(d, path, rng):
    """An Italian lift maintenance firm's invoice to a block of flats: the firm and its company
    data at the top, the condominium c/o its administrator with the tax code and SDI code, a row of
    header cells (document type, number, date, customer code, due date), the lift's serial number
    and contract, the quarterly fee with its period and other work at 10 % and the alarm SIM and
    assistance at 22 %, a VAT summary, the document total, the 4 % withholding the condominium
    keeps and the net to pay, then the payment and the electronic invoice's courtesy-copy notes."""
    cat = {"10": [("Canone manutenzione ordinaria trimestrale (contratto full service)",
                   ["420.00", "465.00", "510.00"]),
                  ("Intervento su chiamata: ripristino contatti porte di piano", ["95.00", "128.00"]),
                  ("Sostituzione pattini di scorrimento cabina (n. 4)", ["236.00", "284.00"]),
                  ("Sostituzione pulsantiera di piano antivandalo", ["178.00", "215.00"])],
           "22": [("Canone trimestrale SIM combinatore allarme cabina", ["27.00", "36.00"]),
                  ("Assistenza a verifica periodica biennale (D.P.R. 162/99)", ["90.00", "110.00"]),
                  ("Diritto di chiamata fuori orario", ["65.00", "80.00"]),
                  ("Batteria tampone luce di emergenza cabina", ["42.00", "48.00"])]}
    qs = dt.date(d.date.year, 3 * ((d.date.month - 1) // 3) + 1, 1)
    qe = (dt.date(qs.year + (qs.month == 10), (qs.month + 2) % 12 + 1, 1)) - dt.timedelta(days=1)
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "10" if i == 0 else rate  # the quarterly fee is always billed
        name, prices = cat[rate][n[rate]]
        n[rate] += 1
        each = Decimal(rng.choice(prices))
        rows.append((name, Decimal(1), each, rate, each))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[3]] += r[4]
    net_h14(d, base)
    d.number = f"{rng.randint(100, 1999)}/E"
    wht = q(d.ht * Decimal("0.04"))
    due = d.date + dt.timedelta(days=30)
    c = pen(path)
    txt(c, 50, 802, "ASCENSORI ADRIATICA", 17, "Helvetica-Bold")
    txt(c, 50, 789, "Installazione · Manutenzione · Riparazione impianti elevatori", 8.5, "Helvetica-Oblique")
    for i, s in enumerate(["Ascensori Adriatica S.r.l. – Via Tiburtina Valeria 318 – 65129 Pescara (PE)",
                           "Tel. 085 431 22 70 – assistenza 24h 800 123 456 – amministrazione@ascensoriadriatica.it",
                           "P.IVA e C.F. 01876540685 – REA PE-134871 – Cap. soc. € 50.000,00 i.v."]):
        txt(c, 50, 775 - 10 * i, s, 7.5, "Helvetica")
    adm = rng.choice(["Studio Amministrazioni Di Rocco", "Rag. Marisa Cipollone amministratrice",
                      "Gestioni Condominiali Pace s.a.s."])
    c.rect(320, 665, 225, 78)
    txt(c, 326, 733, "Spett.le", 8, "Helvetica")
    street = rng.choice(["Via Mazzini 42", "Viale Bovio 118", "Via Firenze 9"])
    for i, s in enumerate([f"CONDOMINIO {street.upper()}", f"c/o {adm}", f"{street} – 65122 Pescara (PE)",
                           f"C.F. 91{rng.randint(100000000, 999999999)}", "Codice destinatario: 0000000"]):
        txt(c, 326, 720 - 12 * i, s, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    heads = ["Tipo documento", "Numero", "Data", "Cod. cliente", "Scadenza"]
    vals = ["TD01 Fattura", d.number, f"{d.date:%d/%m/%Y}", f"C{rng.randint(1000, 1999)}", f"{due:%d/%m/%Y}"]
    widths = [115, 90, 90, 90, 110]
    x, top = 50, 630
    for h, v, w in zip(heads, vals, widths):
        c.setFillGray(0.9)
        c.rect(x, top + 2, w, 13, stroke=1, fill=1)
        c.setFillGray(0)
        c.rect(x, top - 16, w, 18)
        txt(c, x + 4, top + 5, h, 7, "Helvetica")
        txt(c, x + 4, top - 10, v, 9, "Helvetica-Bold")
        x += w
    txt(c, 50, 592, f"Impianto: ascensore matricola PE {rng.randint(1000, 4999)}/{rng.randint(70, 99)} – "
                    f"{street}, Pescara – Contratto n. {rng.randint(200, 899)}/{d.date.year - rng.randint(2, 9)}",
        8.5, "Helvetica")
    txt(c, 50, 580, f"Periodo di competenza del canone: dal {qs:%d/%m/%Y} al {qe:%d/%m/%Y}", 8.5, "Helvetica")
    y = 552
    c.setLineWidth(0.8)
    c.line(50, y + 12, 545, y + 12)
    for x, h, right in [(50, "Descrizione", False), (380, "Q.tà", True), (445, "Prezzo unit.", True),
                        (480, "IVA", True), (545, "Importo", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for name, qty, each, rate, amount in rows:
        y -= 15
        txt(c, 50, y, name, 8.5, "Helvetica")
        txt(c, 380, y, "1,00", 8.5, right=True)
        txt(c, 445, y, eu(each), 8.5, right=True)
        txt(c, 480, y, rate, 8.5, right=True)
        txt(c, 545, y, eu(amount), 8.5, right=True)
    c.line(50, y - 7, 545, y - 7)
    y -= 35
    txt(c, 50, y, "RIEPILOGO IVA", 8.5, "Helvetica-Bold")
    for x, h in [(50, "Aliquota"), (155, "Imponibile"), (215, "Imposta"), (228, "Esigibilità")]:
        txt(c, x, y - 13, h, 7.5, "Helvetica-Oblique", right=50 < x < 228)
    yy = y - 26
    for r in sorted(d.base, key=Decimal):
        txt(c, 50, yy, f"{r},00%", 8, "Helvetica")
        txt(c, 155, yy, eu(d.base[r]), 8, right=True)
        txt(c, 215, yy, eu(d.vat[r]), 8, right=True)
        txt(c, 228, yy, "I (immediata)", 7.5)
        yy -= 12
    rows_t = [("Totale imponibile", d.ht, False), ("Totale IVA", d.tva, False), ("Totale documento", d.ttc, True),
              ("Ritenuta d'acconto 4%", -wht, False), ("Netto a pagare", d.ttc - wht, True)]
    for i, (a, v, bold) in enumerate(rows_t):
        yt = y - 16 * i
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 320, yt, a, 9, f)
        txt(c, 545, yt, ("- " if v < 0 else "") + "€ " + eu(abs(v)), 9, f, right=True)
        if i in (2, 4):
            c.line(320, yt + 12, 545, yt + 12)
    y = min(yy, y - 16 * len(rows_t)) - 24
    for i, s in enumerate(["La ritenuta del 4% (art. 25-ter D.P.R. 600/1973) è operata dal condominio sostituto "
                           "d'imposta e versata con F24 (cod. tributo 1019).",
                           f"Pagamento: bonifico bancario entro il {due:%d/%m/%Y} – BPER Banca, IBAN IT40 S053 8715 "
                           "4000 0000 3217 654.",
                           "Aliquota 10% su prestazioni di manutenzione in edifici a prevalente destinazione "
                           "abitativa (art. 7, c. 1, lett. b, L. 488/1999)."]):
        txt(c, 50, y - 11 * i, s, 7.5, "Helvetica")
    c.setLineWidth(0.5)
    c.line(50, 78, 545, 78)
    for i, s in enumerate(["Copia di cortesia: l'originale della fattura elettronica è trasmesso tramite il Sistema "
                           "di Interscambio ed è disponibile nell'area riservata",
                           "del sito dell'Agenzia delle Entrate. Impresa abilitata ai sensi del D.M. 37/2008 – "
                           "Certificazione UNI EN ISO 9001:2015."]):
        centre_h14(c, 297.5, 66 - 9 * i, s, 6.5, "Helvetica")
    c.save()


# ---- layouts added for held-out set 15 (session 12) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a driving school's invoice with the books at 5,5 % and the
# instalment plan, a dry cleaner's till receipt with the pick-up date, a kitchen showroom's credit
# note against the fitting invoice with the balance left to pay), a UK courier's account invoice
# listing the consignments of a period with zero-rated exports and the remittance slip, a German
# coffee roaster's invoice at 7 % and 19 % with the early-payment discount, a Dutch coach
# operator's invoice for a day trip at 9 %, a Spanish locksmith's call-out invoice with the work
# order and an Italian dairy's deferred invoice grouping its delivery notes at 4 % and 22 %.
# HELD_OUT_15: drawn in session 12, scored only as a table of its own, never inspected per document
# while tuning.

def net_h15(d, base):
    """Sets the bases per rate (the line amounts excluding VAT) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h15(d, gross):
    """Prices including VAT (till receipts): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h15(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def picks_h15(d, cat, rng, main=None):
    """One catalogue entry per line of the document, in the line's VAT rate, none twice; when no
    line has the rate of the trade's main goods (`main`), the first line takes it."""
    pool = {r: rng.sample(v, len(v)) for r, v in cat.items()}
    out = []
    for i, (_, _, _, rate) in enumerate(d.lines):
        if i == 0 and main and all(line[3] != main for line in d.lines):
            rate = main
        out.append((rate, pool[rate].pop(0)))
    return out


def fr_auto_ecole(d, path, rng):
    """A French driving school's invoice to a learner: a blue band with the school's name and its
    approval number, "FACTURE" and a small grid (number, date, learner number, NEPH), the learner
    and the training (enrolment date, the planned driving test), lessons and fees at 20 % and the
    highway code books at 5,5 %, the VAT summary at the left and the totals at the right less the
    deposit paid at enrolment, then the instalment plan with its dates and the legal mentions."""
    cat = {"20": [("Évaluation de départ (1 h avec enseignant)", [1], ["49.00", "55.00", "60.00"]),
                  ("Leçon de conduite individuelle – permis B (1 h)", [6, 10, 15, 20], ["52.00", "56.00", "61.50"]),
                  ("Frais de dossier et inscription ANTS", [1], ["60.00", "75.00", "90.00"]),
                  ("Accompagnement à l'épreuve pratique", [1], ["55.00", "68.00", "79.00"]),
                  ("Accès code en ligne – 6 mois", [1], ["29.90", "39.00"])],
           "5.5": [("Livre de code de la route – édition 2024", [1], ["14.90", "16.50"]),
                   ("Livret d'apprentissage + fiches de suivi", [1], ["9.90", "12.00"]),
                   ("Manuel « Réussir sa conduite »", [1], ["19.90", "22.50"]),
                   ("Carnet de révision du code – tests commentés", [1], ["8.50", "11.90"])]}
    rows = []
    for rate, (name, qtys, prices) in picks_h15(d, cat, rng, main="20"):
        qty, each = rng.choice(qtys), Decimal(rng.choice(prices))
        rows.append((name, qty, each, rate, q(qty * each)))
    rows.sort(key=lambda r: r[3] != "20")  # lessons and fees first, then the books
    base = defaultdict(Decimal)
    for r in rows:
        base[r[3]] += r[4]
    net_h15(d, base)
    d.number = f"{d.date:%y%m}-{rng.randint(12, 389):03d}"
    enrol = d.before - dt.timedelta(days=rng.randint(15, 70))
    exam = d.date + dt.timedelta(days=rng.randint(12, 45))
    c = pen(path)
    c.setFillColorRGB(0.11, 0.27, 0.55)
    c.rect(0, 770, 595, 72, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.roundRect(40, 784, 44, 44, 5, stroke=0, fill=1)
    c.setFillColorRGB(0.11, 0.27, 0.55)
    centre_h15(c, 62, 796, "A", 28, "Helvetica-Bold")
    c.setFillColorRGB(1, 1, 1)
    txt(c, 96, 808, "AUTO-ÉCOLE DU MAIL", 20, "Helvetica-Bold")
    txt(c, 96, 792, "Permis B · Conduite accompagnée · Code · Perfectionnement", 9, "Helvetica")
    txt(c, 555, 808, "Agrément préfectoral", 7.5, "Helvetica", right=True)
    txt(c, 555, 797, "n° E 13 037 0045 0", 8.5, "Helvetica-Bold", right=True)
    txt(c, 555, 784, "Label Qualité des formations", 7.5, "Helvetica-Oblique", right=True)
    c.setFillColorRGB(0, 0, 0)
    for i, s in enumerate(["12 place du Grand-Marché – 37000 Tours", "Tél. 02 47 61 22 08",
                           "contact@autoecole-dumail.fr"]):
        txt(c, 40, 752 - 11 * i, s, 8.5, "Helvetica")
    txt(c, 360, 748, "FACTURE", 18, "Helvetica-Bold")
    neph = f"{rng.randint(10, 99)}{rng.randint(1000, 9999)}{rng.randint(100000, 999999)}"
    grid = [("Facture n°", d.number), ("Date", f"{d.date:%d/%m/%Y}"), ("Élève n°", f"{rng.randint(2100, 2999)}"),
            ("N° NEPH", neph)]
    for i, (k, v) in enumerate(grid):
        yy = 728 - 13 * i
        txt(c, 360, yy, k, 8.5, "Helvetica")
        txt(c, 430, yy, v, 8.5, "Helvetica-Bold")
    who = rng.choice([("Mlle Léa BOUCHER", "8 rue Colbert", "37000 TOURS"),
                      ("M. Hugo RENARD", "21 avenue de Grammont", "37000 TOURS"),
                      ("M. Yanis HADDAD", "4 allée des Peupliers", "37170 CHAMBRAY-LÈS-TOURS")])
    txt(c, 40, 700, "Élève", 7.5, "Helvetica-Oblique")
    for i, s in enumerate(who):
        txt(c, 40, 686 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    c.setStrokeColorRGB(0.11, 0.27, 0.55)
    c.rect(40, 588, 515, 42)
    c.setStrokeColorRGB(0, 0, 0)
    txt(c, 48, 616, "Formation : permis B – boîte manuelle – forfait 20 heures", 9, "Helvetica-Bold")
    txt(c, 48, 602, f"Contrat de formation signé le {enrol:%d/%m/%Y}", 8.5, "Helvetica")
    txt(c, 300, 602, f"Épreuve pratique prévue le {exam:%d/%m/%Y}", 8.5, "Helvetica")
    y = 560
    c.setFillColorRGB(0.87, 0.91, 0.97)
    c.rect(40, y - 5, 515, 17, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for x, h, right in [(46, "Désignation", False), (360, "Qté", True), (430, "PU HT", True), (470, "TVA", True),
                        (549, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for name, qty, each, rate, amount in rows:
        y -= 17
        txt(c, 46, y, name, 9, "Helvetica")
        txt(c, 360, y, str(qty), 9, right=True)
        txt(c, 430, y, eu(each, " "), 9, right=True)
        txt(c, 470, y, fmt(rate).replace(" ", ""), 8.5, right=True)
        txt(c, 549, y, eu(amount, " "), 9, right=True)
        c.setStrokeGray(0.8)
        c.line(40, y - 5, 555, y - 5)
        c.setStrokeGray(0)
    yt = y - 34
    txt(c, 40, yt, "Taux", 8, "Helvetica-Bold")
    for x, h in [(130, "Base HT"), (190, "TVA"), (255, "TTC")]:
        txt(c, x, yt, h, 8, "Helvetica-Bold", right=True)
    yy = yt
    for r in sorted(d.base, key=Decimal):
        yy -= 12
        txt(c, 40, yy, fmt(r), 8.5, "Helvetica")
        txt(c, 130, yy, eu(d.base[r], " "), 8.5, right=True)
        txt(c, 190, yy, eu(d.vat[r], " "), 8.5, right=True)
        txt(c, 255, yy, eu(d.base[r] + d.vat[r], " "), 8.5, right=True)
    deposit = Decimal(rng.choice([100, 150, 200])) if rng.random() < 0.6 else Decimal(0)
    tot = [("Total HT", d.ht, False), ("Total TVA", d.tva, False), ("Total TTC", d.ttc, True)]
    if deposit:
        tot += [(f"Acompte versé le {enrol:%d/%m/%Y}", -deposit, False), ("Reste à régler", d.ttc - deposit, True)]
    for i, (a, v, bold) in enumerate(tot):
        yy2 = yt - 16 * i
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 350, yy2, a, 9.5, f)
        txt(c, 549, yy2, ("- " if v < 0 else "") + eu(abs(v), " ") + " €", 9.5, f, right=True)
    c.rect(342, yt - 16 * (len(tot) - 1) - 7, 213, 16 * len(tot) + 4)
    y = min(yy, yt - 16 * (len(tot) - 1)) - 40
    due = d.ttc - deposit
    part = q(due / 3)
    plan = [part, part, due - 2 * part]
    txt(c, 40, y, "Échéancier – paiement en 3 fois sans frais", 9, "Helvetica-Bold")
    for i, amount in enumerate(plan):
        day = d.date + dt.timedelta(days=30 * i)
        txt(c, 48, y - 14 - 12 * i, f"{i + 1}{'re' if i == 0 else 'e'} échéance le {day:%d/%m/%Y}", 8.5, "Helvetica")
        txt(c, 250, y - 14 - 12 * i, eu(amount, " ") + " €", 8.5, "Helvetica", right=True)
    y -= 66
    for i, s in enumerate([
            "Règlement par chèque, carte bancaire, virement ou CPF. Tout retard de paiement entraîne des pénalités "
            "au taux de 3 fois le taux d'intérêt légal.",
            "Les heures de conduite non décommandées 48 heures à l'avance sont dues, sauf motif légitime justifié "
            "(art. L. 213-2 du code de la route).",
            "Médiateur de la consommation : CNPM Médiation Consommation – 27 avenue de la Libération, 42400 "
            "Saint-Chamond."]):
        txt(c, 40, y - 10 * i, s, 7, "Helvetica")
    c.setFillColorRGB(0.11, 0.27, 0.55)
    c.rect(0, 40, 595, 30, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    centre_h15(c, 297.5, 58, "SARL Auto-École du Mail au capital de 8 000 € – RCS Tours 512 664 081 – SIRET 512 664 081 "
                             "00027 – TVA intracommunautaire FR 23 512664081", 7, "Helvetica")
    centre_h15(c, 297.5, 48, "Établissement d'enseignement de la conduite agréé – Garantie financière Atradius n° "
                             "GF 84 1123", 7, "Helvetica")
    c.setFillColorRGB(0, 0, 0)
    c.save()


def fr_blanchisserie_ticket(d, path, rng):
    """A French dry cleaner's till receipt, paid when the clothes are left: the shop's name, the
    ticket number, date and time, the customer's loyalty number, the garments with the numbers of
    their tags, an optional loyalty discount, "TOTAL TTC" and the card payment, the VAT line with
    the amounts excluding VAT and VAT, the pick-up date in large type and the shop's conditions."""
    items = [("CHEMISE HOMME", ["3.90", "4.50"], 6), ("PANTALON", ["7.90", "8.50"], 3),
             ("VESTE DE COSTUME", ["11.50", "12.90"], 2), ("COSTUME 2 PIECES", ["17.90", "19.50"], 1),
             ("ROBE SIMPLE", ["12.90", "14.50"], 2), ("MANTEAU LAINE", ["18.90", "21.00"], 1),
             ("COUETTE 2 PERS.", ["24.90", "29.00"], 1), ("PULL", ["6.90", "7.50"], 3),
             ("NAPPE RONDE", ["9.80", "11.00"], 2), ("OURLET PANTALON", ["12.00", "14.00"], 2)]
    chosen = rng.sample(items, min(len(items), len(d.lines) + rng.randint(0, 2)))
    tag = rng.randint(1000, 9899)
    rows, n = [], 0
    for name, prices, most in chosen:
        k = rng.randint(1, most)
        each = Decimal(rng.choice(prices))
        rows.append((name, k, each, q(k * each), f"{tag}-{n + 1}" + (f" a {tag}-{n + k}" if k > 1 else "")))
        n += k
    sub = sum(r[3] for r in rows)
    disc = q(sub * Decimal("0.10")) if rng.random() < 0.35 else Decimal(0)
    gross_h15(d, {"20": sub - disc})
    d.number = f"{rng.randint(10000, 49999):06d}"
    pickup = d.date + dt.timedelta(days=rng.randint(2, 4))
    days = ["LUN.", "MAR.", "MER.", "JEU.", "VEN.", "SAM.", "DIM."]
    ops = []

    def op(s, right=None, size=7.5, font="Helvetica", center=False, gap=3.5, cols=()):
        ops.append((s, right, size, font, center, gap, cols))

    op("PRESSING DU MARCHÉ", size=12, font="Helvetica-Bold", center=True)
    for s in ["Nettoyage à sec - Blanchisserie - Retouches", "27 rue Nationale - 59800 LILLE", "Tél. 03 20 54 18 72"]:
        op(s, size=7, center=True)
    op("", size=2)
    hh, mm = rng.randint(8, 18), rng.randint(0, 59)
    op(f"TICKET N° {d.number}", size=8.5, font="Helvetica-Bold")
    op(f"{d.date:%d/%m/%Y}  {hh:02d}:{mm:02d}", f"Caisse 1  Op. : {rng.choice(['NADIA', 'KARIM', 'SYLVIE'])}")
    op(f"Client : {rng.choice(['M. DUPONT', 'MME LEROY', 'M. HADJ', 'MME VASSEUR'])}",
       f"Carte fidélité {rng.randint(100, 999):05d}")
    op("- " * 50, size=6, gap=2)
    op("QTE  ARTICLE", "MONTANT", size=7, font="Helvetica-Bold")
    for name, k, each, amount, tags in rows:
        op(f"{k:>2}  {name}", eu(amount, " "))
        op(f"       {k} x {eu(each, ' ')}   Etiq. {tags}", size=6.5, gap=4)
    op("- " * 50, size=6, gap=2)
    if disc:
        op("SOUS-TOTAL", eu(sub, " "))
        op("REMISE FIDELITE 10 %", "-" + eu(disc, " "))
    op("TOTAL TTC EUR", eu(d.ttc, " "), size=11, font="Helvetica-Bold", gap=5)
    op(rng.choice(["CB SANS CONTACT", "CARTE BANCAIRE", "CB VISA"]), eu(d.ttc, " "))
    op(f"Nombre d'articles : {n}", size=7)
    op("", size=2)
    op("TAUX", "TTC", size=7, font="Helvetica-Bold", cols=[(110, "HT"), (160, "TVA")])
    op("20,00 %", eu(d.ttc, " "), size=7, cols=[(110, eu(d.ht, " ")), (160, eu(d.tva, " "))])
    op("Total HT", eu(d.ht, " "), size=7.5)
    op("dont TVA 20 %", eu(d.tva, " "), size=7.5)
    op("- " * 50, size=6, gap=2)
    op("VOS ARTICLES SERONT PRETS LE", size=8, font="Helvetica-Bold", center=True)
    op(f"{days[pickup.weekday()]} {pickup:%d/%m/%Y} APRES 17H", size=10, font="Helvetica-Bold", center=True, gap=6)
    for s in ["Merci de présenter ce ticket au retrait.", "Les articles non retirés dans un délai de 3 mois",
              "ne pourront plus être réclamés. Notre responsabilité", "est limitée selon le barème de la profession.",
              "SAS Pressing du Marché - SIRET 790 214 563 00018", "TVA FR 57 790214563 - NAF 9601B",
              "Merci de votre confiance !"]:
        op(s, size=6.5, center=True)
    height = sum(o[2] + o[5] for o in ops) + 44
    c = canvas.Canvas(path, pagesize=(226, height), invariant=1)
    y = height - 28
    for s, right, size, font, center, gap, cols in ops:
        if center:
            centre_h15(c, 113, y, s, size, font)
        elif s:
            txt(c, 12, y, s, size, font)
        for x, v in cols:
            txt(c, x, y, v, size, font, right=True)
        if right is not None:
            txt(c, 214, y, right, size, font, right=True)
        y -= size + gap
    c.save()


def fr_cuisiniste_avoir(d, path, rng):
    """A French kitchen showroom's credit note in a serif font: a monogram and the showroom at the
    top left, "AVOIR" in a grey box at the right over its number and date, the invoice it corrects,
    the order and the customer code, the customer's address, the subject with the plan number and
    the reason, a ruled table of the credited items (units and a commercial gesture at 20 %, fitting
    work at 10 %), the totals at the right with the VAT per rate, and at the left the balance of the
    invoice left to pay once the credit is set against it."""
    cat = {"20": [("FA-6070-CC", "Façade porte 60 x 70 chêne cendré – coloris non conforme", [1, 2, 3],
                   ["89.00", "118.00", "149.00"]),
                  ("PB-160-IX", "Poignée barre inox 160 mm – retour non posée", [6, 8, 12], ["6.90", "8.40"]),
                  ("GC-RETARD", "Geste commercial – retard de livraison", [1], ["150.00", "200.00", "250.00"]),
                  ("PL-240-CC", "Plinthe assortie 2,40 m – retour magasin", [1, 2], ["24.50", "29.90"]),
                  ("HT-90-DIF", "Hotte décorative 90 cm – différence de modèle", [1], ["120.00", "165.00", "210.00"])],
           "10": [("POSE-HAUT", "Reprise de la pose des meubles hauts (forfait)", [1], ["180.00", "240.00", "320.00"]),
                  ("DEP-ANC", "Dépose de l'ancienne cuisine – non réalisée", [1], ["240.00", "290.00", "390.00"]),
                  ("DEPL-2", "Déplacement technicien – 2e intervention annulée", [1], ["65.00", "85.00"]),
                  ("RACC-EV", "Raccordement évier et lave-vaisselle – non réalisé", [1], ["110.00", "150.00"])]}
    rows = []
    for rate, (ref, name, qtys, prices) in picks_h15(d, cat, rng):
        qty, each = rng.choice(qtys), Decimal(rng.choice(prices))
        rows.append((ref, name, qty, each, rate, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[4]] += r[5]
    net_h15(d, base)
    d.number = f"AV{d.date:%y}-{rng.randint(40, 680):04d}"
    inv_day = d.before - dt.timedelta(days=rng.randint(3, 25))
    order_day = inv_day - dt.timedelta(days=rng.randint(40, 90))
    inv_no = f"FC{inv_day:%y}-{rng.randint(1200, 4800):04d}"
    c = pen(path, "Times-Roman")
    c.setLineWidth(1.2)
    c.circle(75, 790, 25)
    c.setLineWidth(1)
    centre_h15(c, 75, 782, "CL", 20, "Times-Bold")
    txt(c, 110, 800, "Cuisines Lemaire", 19, "Times-Bold")
    txt(c, 110, 786, "Cuisines · Salles de bains · Rangements sur mesure", 9.5, "Times-Italic")
    for i, s in enumerate(["Showroom : 140 route de Nantes – 44800 Saint-Herblain", "Tél. 02 40 92 61 30 – "
                           "www.cuisines-lemaire.fr"]):
        txt(c, 110, 773 - 11 * i, s, 8.5, "Times-Roman")
    c.setFillGray(0.85)
    c.rect(380, 774, 165, 34, stroke=0, fill=1)
    c.setFillGray(0)
    centre_h15(c, 462.5, 784, "AVOIR", 22, "Times-Bold")
    grid = [("N° d'avoir", d.number), ("Date", f"{d.date:%d/%m/%Y}"), ("Facture d'origine", inv_no),
            ("du", f"{inv_day:%d/%m/%Y}"), ("Bon de commande", f"BC-{rng.randint(10000, 29999)} du {order_day:%d/%m/%Y}"),
            ("Code client", f"CL{rng.randint(1000, 9999):05d}")]
    for i, (k, v) in enumerate(grid):
        yy = 758 - 12 * i
        txt(c, 380, yy, k, 9, "Times-Roman")
        txt(c, 545, yy, v, 9, "Times-Bold", right=True)
    who = rng.choice([("M. et Mme Julien PERRAUD", "9 rue des Hortensias", "44700 ORVAULT"),
                      ("Mme Claire NGUYEN", "32 boulevard des Anglais", "44100 NANTES"),
                      ("M. Stéphane GUILLET", "La Haute Pilardière", "44470 CARQUEFOU")])
    for i, s in enumerate(who):
        txt(c, 320, 668 - 13 * i, s, 10.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 668, "Votre conseiller : " + rng.choice(["Anthony B.", "Sandrine M.", "Loïc T."]), 9, "Times-Italic")
    txt(c, 50, 610, f"Objet : avoir sur la facture {inv_no} – projet cuisine « {rng.choice(['Alba', 'Nova', 'Loft'])} » "
                    f"(plan n° P{rng.randint(2000, 8999)})", 10.5, "Times-Bold")
    txt(c, 50, 596, "Motif : éléments retournés ou non conformes, prestations de pose non réalisées et geste "
                    "commercial accordé.", 9.5, "Times-Italic")
    y = 568
    c.line(50, y + 13, 545, y + 13)
    for x, h, right in [(50, "Référence", False), (125, "Désignation", False), (390, "Qté", True),
                        (448, "P.U. HT", True), (478, "TVA", True), (545, "Montant HT", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for ref, name, qty, each, rate, amount in rows:
        y -= 16
        txt(c, 50, y, ref, 8.5, "Times-Roman")
        txt(c, 125, y, name, 9)
        txt(c, 390, y, str(qty), 9, right=True)
        txt(c, 448, y, eu(each, " "), 9, right=True)
        txt(c, 478, y, fmt(rate).replace(" ", ""), 8.5, right=True)
        txt(c, 545, y, eu(amount, " "), 9, right=True)
    c.line(50, y - 8, 545, y - 8)
    yt = y - 34
    tot = [("Total HT", d.ht, "Times-Roman", 10)]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"TVA {fmt(r)} sur {eu(d.base[r], ' ')}", d.vat[r], "Times-Roman", 10))
    tot += [("Total TVA", d.tva, "Times-Roman", 10), ("Total TTC de l'avoir", d.ttc, "Times-Bold", 11.5)]
    for i, (a, v, f, s) in enumerate(tot):
        txt(c, 340, yt - 16 * i, a, s, f)
        txt(c, 545, yt - 16 * i, eu(v, " ") + " €", s, f, right=True)
    yl = yt - 16 * (len(tot) - 1)
    c.line(340, yl + 12, 545, yl + 12)
    c.line(340, yl - 5, 545, yl - 5)
    balance = d.ttc + Decimal(rng.randint(600, 4200)) + Decimal(rng.choice(["0", "0.50", "0.90"]))
    c.rect(50, yt - 50, 250, 62)
    txt(c, 58, yt, "Imputation sur votre compte", 9.5, "Times-Bold")
    for i, (a, v) in enumerate([(f"Solde dû sur la facture {inv_no}", eu(balance, " ") + " €"),
                                ("Déduction du présent avoir", "- " + eu(d.ttc, " ") + " €"),
                                ("Reste à régler", eu(balance - d.ttc, " ") + " €")]):
        txt(c, 58, yt - 14 - 12 * i, a, 8.5, "Times-Roman")
        txt(c, 292, yt - 14 - 12 * i, v, 8.5, "Times-Roman", right=True)
    y = min(yl, yt - 50) - 34
    for i, s in enumerate([
            "TVA au taux intermédiaire de 10 % sur la pose : travaux d'amélioration dans un local d'habitation "
            "achevé depuis plus de deux ans",
            f"(art. 279-0 bis du CGI), selon l'attestation remise par le client le {order_day:%d/%m/%Y}. Fournitures "
            "et mobilier : 20 %.",
            "Cet avoir n'est pas remboursable en espèces ; il vient en déduction des sommes restant dues au titre "
            "de la commande."]):
        txt(c, 50, y - 11 * i, s, 8, "Times-Roman")
    c.line(50, 78, 545, 78)
    for i, s in enumerate(["SAS Cuisines Lemaire au capital de 60 000 € – RCS Nantes 449 127 350 – SIRET 449 127 350 "
                           "00024 – TVA FR 72 449127350 – APE 4759A",
                           "Garantie des meubles 10 ans, électroménager 2 ans – Médiateur : Médiation de la "
                           "consommation FNAEM, www.fnaem.fr"]):
        centre_h15(c, 297.5, 66 - 10 * i, s, 7.5, "Times-Roman")
    c.save()


def en_gb_courier(d, path, rng):
    """A UK courier's account invoice for a period: the name in red italics with the depot's address
    at the right, "VAT INVOICE" over four boxes (invoice number, invoice date and tax point, account,
    terms), the period covered and the purchase order, one row per consignment (date, consignment
    number, the customer's reference, service, destination, pieces, weight, VAT code, net) with
    domestic services standard-rated and exports zero-rated, a fuel surcharge per VAT code, the
    VAT analysis at the left and the totals at the right, then a remittance slip under a cut line."""
    dom = [("Same Day Direct - small van", ["68.00", "95.00", "142.50", "185.00"]),
           ("Next Day by 12:00", ["14.95", "18.50", "22.40"]), ("Next Day Standard", ["9.85", "11.20", "13.60"]),
           ("Saturday Delivery", ["21.50", "26.00"]), ("Timed by 09:00", ["24.75", "29.90"])]
    towns = ["Leeds LS11", "Manchester M17", "Bristol BS1", "Glasgow G2", "Birmingham B6", "Cardiff CF10",
             "Norwich NR3", "Reading RG1"]
    intl = [("International Express", ["38.50", "54.20", "79.00"]),
            ("International Economy", ["28.40", "33.90", "41.70"]),
            ("International Express 12:00", ["96.00", "128.50", "160.00"])]
    abroad = ["Paris FR", "Hamburg DE", "Dublin IE", "Rotterdam NL", "Milan IT", "New York US", "Zurich CH"]
    end = d.date - dt.timedelta(days=rng.randint(1, 3))
    start = end - dt.timedelta(days=13)
    cons = []
    for _, _, _, rate in d.lines:
        for _ in range(rng.randint(1, 3)):
            service, prices = rng.choice(dom if rate == "20" else intl)
            day = start + dt.timedelta(days=rng.randint(0, 13))
            cons.append((day, service, rng.choice(towns if rate == "20" else abroad), rng.randint(1, 4),
                         Decimal(rng.randint(5, 480)) / 10, "S" if rate == "20" else "Z", rate,
                         Decimal(rng.choice(prices))))
    cons.sort(key=lambda k: k[0])
    first_no = rng.randint(410000000, 489999999)
    fuel_pct = Decimal(rng.choice(["8.50", "9.75", "11.25"]))
    per = defaultdict(Decimal)
    for k in cons:
        per[k[6]] += k[7]
    fuel = {r: q(v * fuel_pct / 100) for r, v in per.items()}
    net_h15(d, {r: per[r] + fuel[r] for r in per})
    d.number = f"SL{rng.randint(104000, 189999)}"
    account = f"SWI{rng.randint(1000, 9999)}"
    due = d.date + dt.timedelta(days=30)
    c = pen(path)
    c.setFillColorRGB(0.78, 0.08, 0.12)
    c.setFont("Helvetica-BoldOblique", 26)
    c.drawString(50, 792, "SWIFTLINE")
    c.rect(50, 784, 150, 3, stroke=0, fill=1)
    c.setFillGray(0.35)
    txt(c, 50, 772, "COURIERS  ·  SAME DAY  ·  NEXT DAY  ·  WORLDWIDE", 7.5, "Helvetica-Bold")
    c.setFillGray(0)
    for i, s in enumerate(["Swiftline Couriers Ltd", "Unit 7, Brookside Trading Estate", "Sheffield Road, Rotherham S60 1BZ",
                           "Tel 01709 382 440", "accounts@swiftline-couriers.co.uk"]):
        txt(c, 545, 805 - 10.5 * i, s, 8, "Helvetica-Bold" if i == 0 else "Helvetica", right=True)
    txt(c, 50, 736, "VAT INVOICE", 16, "Helvetica-Bold")
    boxes = [("Invoice No.", d.number), ("Invoice Date / Tax Point", f"{d.date:%d/%m/%Y}"), ("Account No.", account),
             ("Terms", "30 days net")]
    for i, (k, v) in enumerate(boxes):
        x = 50 + 124 * i
        c.setFillGray(0.9)
        c.rect(x, 708, 119, 14, stroke=0, fill=1)
        c.setFillGray(0)
        c.rect(x, 690, 119, 32)
        txt(c, x + 4, 712, k, 7, "Helvetica-Bold")
        txt(c, x + 4, 695, v, 9.5, "Helvetica")
    cust = rng.choice([("Accounts Payable", "Hallam Medical Supplies Ltd", "42 Carlisle Street East", "Sheffield S4 7QN"),
                       ("Purchase Ledger", "Don Valley Print & Pack Ltd", "Unit 3, Meadowhall Way",
                        "Sheffield S9 1EG"),
                       ("Finance Dept.", "Peak Outdoor Equipment plc", "Riverside Works, Station Road",
                        "Chesterfield S41 9AB")])
    txt(c, 50, 672, "Invoice to:", 7.5, "Helvetica-Oblique")
    for i, s in enumerate(cust):
        txt(c, 50, 660 - 11 * i, s, 9, "Helvetica-Bold" if i == 1 else "Helvetica")
    for i, (k, v) in enumerate([("Period covered", f"{start:%d/%m/%Y} to {end:%d/%m/%Y}"),
                                ("Your order no.", f"PO-{rng.randint(20000, 69999)}"),
                                ("Consignments", str(len(cons))), ("Fuel surcharge", f"{fuel_pct}% (index-linked)")]):
        txt(c, 330, 660 - 12 * i, k, 8, "Helvetica")
        txt(c, 420, 660 - 12 * i, v, 8, "Helvetica-Bold")
    y = 598
    c.setFillGray(0.15)
    c.rect(50, y - 4, 495, 14, stroke=0, fill=1)
    c.setFillGray(1)
    for x, h, right in [(53, "Date", False), (95, "Consignment", False), (158, "Your ref", False),
                        (212, "Service", False), (340, "Destination", False), (430, "Pcs", True), (465, "Kg", True),
                        (486, "VAT", False), (542, "Net £", True)]:
        txt(c, x, y, h, 7.5, "Helvetica-Bold", right=right)
    c.setFillGray(0)
    for i, (day, service, dest, pcs, kg, code, rate, net) in enumerate(cons):
        y -= 13
        if i % 2:
            c.setFillGray(0.95)
            c.rect(50, y - 3.5, 495, 13, stroke=0, fill=1)
            c.setFillGray(0)
        txt(c, 53, y, f"{day:%d/%m/%y}", 7.5, "Helvetica")
        txt(c, 95, y, str(first_no + 37 * i + rng.randint(0, 30)), 7.5)
        txt(c, 158, y, rng.choice(["", f"ORD{rng.randint(10000, 99999)}", f"RMA-{rng.randint(100, 999)}"]), 7.5)
        txt(c, 212, y, service, 7.5)
        txt(c, 340, y, dest, 7.5)
        txt(c, 430, y, str(pcs), 7.5, right=True)
        txt(c, 465, y, f"{kg:.1f}", 7.5, right=True)
        txt(c, 490, y, code, 7.5)
        txt(c, 542, y, us(net), 7.5, right=True)
    for r in sorted(per, key=Decimal, reverse=True):
        y -= 13
        code = "S" if r == "20" else "Z"
        txt(c, 212, y, f"Fuel surcharge {fuel_pct}% on £{us(per[r])}", 7.5, "Helvetica-Oblique")
        txt(c, 490, y, code, 7.5, "Helvetica")
        txt(c, 542, y, us(fuel[r]), 7.5, right=True)
    c.line(50, y - 6, 545, y - 6)
    yt = y - 26
    txt(c, 50, yt, "VAT analysis", 8, "Helvetica-Bold")
    for x, h in [(50, "Code"), (80, "Rate"), (170, "Net £"), (230, "VAT £")]:
        txt(c, x, yt - 12, h, 7.5, "Helvetica-Bold", right=x > 80)
    yy = yt - 12
    for r in sorted(d.base, key=Decimal, reverse=True):
        yy -= 11
        txt(c, 50, yy, "S" if r == "20" else "Z", 8, "Helvetica")
        txt(c, 80, yy, f"{r}.00%" if r != "0" else "0.00% (export)", 8)
        txt(c, 170, yy, us(d.base[r]), 8, right=True)
        txt(c, 230, yy, us(d.vat[r]), 8, right=True)
    c.rect(345, yt - 40, 200, 52)
    for i, (a, v, bold) in enumerate([("Total net", d.ht, False), ("Total VAT", d.tva, False),
                                      ("TOTAL DUE", d.ttc, True)]):
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 352, yt - 16 * i, a, 10 if bold else 9, f)
        txt(c, 538, yt - 16 * i, "£" + us(v), 10 if bold else 9, f, right=True)
    y = min(yy, yt - 40) - 22
    txt(c, 50, y, f"Payment is due by {due.day} {MONTH_NAMES['en'][due.month - 1]} {due.year}. Please quote your account number with "
                  f"every payment. Late payments may attract", 7.5, "Helvetica")
    txt(c, 50, y - 10, "interest and compensation under the Late Payment of Commercial Debts (Interest) Act 1998. "
                       "Queries within 14 days, please.", 7.5, "Helvetica")
    c.setDash(4, 3)
    c.line(30, 205, 565, 205)
    c.setDash()
    txt(c, 30, 208, "cut here", 6, "Helvetica-Oblique")
    txt(c, 50, 186, "REMITTANCE ADVICE", 11, "Helvetica-Bold")
    txt(c, 50, 174, "Please return this slip with your payment, or e-mail it to accounts@swiftline-couriers.co.uk",
        7.5, "Helvetica")
    for i, (k, v) in enumerate([("Account No.", account), ("Invoice No.", d.number),
                                ("Invoice date", f"{d.date:%d/%m/%Y}"), ("Due date", f"{due:%d/%m/%Y}")]):
        txt(c, 50, 154 - 13 * i, k, 8.5, "Helvetica")
        txt(c, 130, 154 - 13 * i, v, 8.5, "Helvetica-Bold")
    c.rect(345, 120, 200, 46)
    txt(c, 352, 154, "Amount due", 8.5, "Helvetica")
    txt(c, 538, 130, "£" + us(d.ttc), 13, "Helvetica-Bold", right=True)
    txt(c, 345, 106, "Bank: NatWest  Sort code 60-09-18  Account 48213370", 7.5, "Helvetica")
    c.line(50, 72, 545, 72)
    for i, s in enumerate(["Swiftline Couriers Ltd. Registered in England and Wales No. 07623411. Registered office: "
                           "Unit 7, Brookside Trading Estate, Rotherham S60 1BZ.",
                           "VAT Reg. No. GB 318 4471 26. All goods are carried subject to our Conditions of Carriage, "
                           "available on request."]):
        centre_h15(c, 297.5, 60 - 9 * i, s, 6.8, "Helvetica")
    c.save()


def de_kaffeeroesterei(d, path, rng):
    """A German coffee roaster's invoice to a café, as a DIN 5008 letter: fold marks, the roaster's
    name and a coffee bean at the top right, the return address line over the window, an info block
    (customer number, invoice number and date, delivery date, delivery note, order), a greeting, a
    ruled table with positions and article numbers, roasted coffee at 7 % and accessories and the
    machine service at 19 %, the totals at the right with the VAT per rate, the early-payment
    discount with its date and amount, and the four-column footer."""
    cat = {"7": [("1001", "Espresso „Hafenblend“, ganze Bohne", "kg", [2, 3, 5, 6, 8, 10], ["21.90", "24.50"]),
                 ("1014", "Filterkaffee Kolumbien Huila, gemahlen", "kg", [1, 2, 3, 4], ["19.80", "22.40"]),
                 ("1020", "Crema entkoffeiniert (CO2-Verfahren)", "kg", [1, 2], ["24.90", "27.60"]),
                 ("1031", "Espresso Single Origin Brasil Cerrado", "kg", [2, 3, 4, 6], ["23.40", "26.10"]),
                 ("1040", "Probierset 4 x 250 g, ganze Bohne", "Set", [1, 2, 4], ["29.50"])],
           "19": [("5010", "Reinigungstabletten Siebträger, 100 St.", "Pck", [1, 2, 3], ["14.90", "17.50"]),
                  ("5022", "Milchkännchen Edelstahl 600 ml", "St", [1, 2, 4], ["18.40", "21.90"]),
                  ("7001", "Wartung Espressomaschine 2-gruppig, pauschal", "psch", [1], ["129.00", "149.00"]),
                  ("5030", "Coffee-to-go-Becher 300 ml, Karton 1.000 St.", "Krt", [1, 2], ["68.00", "74.50"]),
                  ("7005", "Anfahrt Techniker Zone 1", "psch", [1], ["35.00", "45.00"])]}
    rows = []
    for rate, (art, name, unit_name, qtys, prices) in picks_h15(d, cat, rng, main="7"):
        qty, each = rng.choice(qtys), Decimal(rng.choice(prices))
        rows.append((art, name, qty, unit_name, each, rate, q(qty * each)))
    rows.sort(key=lambda r: r[0])
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h15(d, base)
    d.number = f"R{d.date:%y}-{rng.randint(1000, 9999)}"
    delivered = d.before
    ordered = delivered - dt.timedelta(days=rng.randint(1, 6))
    c = pen(path)
    for yy in (544, 247):
        c.line(12, yy, 22, yy)
    c.line(8, 421, 22, 421)
    c.setFillColorRGB(0.33, 0.2, 0.12)
    c.ellipse(440, 770, 470, 812, stroke=0, fill=1)
    c.setStrokeColorRGB(1, 1, 1)
    c.setLineWidth(1.6)
    p = c.beginPath()
    p.moveTo(455, 808)
    p.curveTo(448, 797, 462, 786, 455, 774)
    c.drawPath(p, stroke=1, fill=0)
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(1)
    txt(c, 478, 796, "HANSEN", 18, "Helvetica-Bold")
    c.setFillColorRGB(0, 0, 0)
    txt(c, 478, 784, "Kaffeerösterei", 8, "Helvetica")
    txt(c, 478, 775, "Hamburg · seit 1952", 7, "Helvetica")
    txt(c, 57, 736, "Rösterei Hansen GmbH · Am Sandtorkai 23 · 20457 Hamburg", 7, "Helvetica")
    c.line(57, 733, 257, 733)
    cust = rng.choice([("Café Elbblick", "Inh. Maren Schulte", "Övelgönne 31", "22605 Hamburg"),
                       ("Bäckerei & Café Kruse GmbH", "Einkauf", "Lange Reihe 88", "20099 Hamburg"),
                       ("Rathaus-Café Lüneburg", "Herrn Tobias Wendt", "Am Markt 1", "21335 Lüneburg")])
    for i, s in enumerate(cust):
        txt(c, 57, 716 - 13 * i, s, 10, "Helvetica")
    info = [("Kunden-Nr.", f"{rng.randint(20000, 29999)}"), ("Rechnungs-Nr.", d.number),
            ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"), ("Lieferdatum", f"{delivered:%d.%m.%Y}"),
            ("Lieferschein-Nr.", f"LS{rng.randint(300000, 399999)}"),
            ("Ihre Bestellung", f"vom {ordered:%d.%m.%Y}"),
            ("Bearbeiter", rng.choice(["Frau Petersen", "Herr Öztürk", "Frau Lindqvist"]))]
    for i, (k, v) in enumerate(info):
        txt(c, 380, 730 - 12 * i, k, 8.5, "Helvetica")
        txt(c, 465, 730 - 12 * i, v, 8.5, "Helvetica")
    txt(c, 57, 612, "Rechnung", 15, "Helvetica-Bold")
    txt(c, 57, 590, "Sehr geehrte Damen und Herren,", 9.5, "Helvetica")
    txt(c, 57, 577, f"für unsere Lieferung vom {delivered:%d.%m.%Y} berechnen wir Ihnen wie folgt:", 9.5, "Helvetica")
    y = 550
    c.line(57, y + 12, 545, y + 12)
    for x, h, right in [(57, "Pos.", False), (85, "Art.-Nr.", False), (125, "Bezeichnung", False), (362, "Menge", True),
                        (368, "Einh.", False), (448, "Einzelpreis €", True), (478, "USt.", True),
                        (545, "Gesamt €", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(57, y - 5, 545, y - 5)
    for i, (art, name, qty, unit_name, each, rate, amount) in enumerate(rows):
        y -= 16
        txt(c, 57, y, str(10 * (i + 1)), 9, "Helvetica")
        txt(c, 85, y, art, 9)
        txt(c, 125, y, name, 9)
        txt(c, 362, y, f"{qty},00" if unit_name == "kg" else str(qty), 9, right=True)
        txt(c, 368, y, unit_name, 9)
        txt(c, 448, y, eu(each), 9, right=True)
        txt(c, 478, y, f"{rate} %", 9, right=True)
        txt(c, 545, y, eu(amount), 9, right=True)
    c.line(57, y - 8, 545, y - 8)
    yt = y - 28
    tot = [("Warenwert netto", eu(d.ht))]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"zzgl. {r} % USt. auf {eu(d.base[r])}", eu(d.vat[r])))
    tot.append(("Umsatzsteuer gesamt", eu(d.tva)))
    for i, (a, v) in enumerate(tot):
        txt(c, 330, yt - 14 * i, a, 9, "Helvetica")
        txt(c, 545, yt - 14 * i, v + " €", 9, "Helvetica", right=True)
    yl = yt - 14 * len(tot) - 6
    c.line(330, yl + 14, 545, yl + 14)
    txt(c, 330, yl, "Rechnungsbetrag", 11, "Helvetica-Bold")
    txt(c, 545, yl, eu(d.ttc) + " €", 11, "Helvetica-Bold", right=True)
    c.line(330, yl - 5, 545, yl - 5)
    c.line(330, yl - 7, 545, yl - 7)
    skonto = q(d.ttc * Decimal("0.02"))
    y = yl - 36
    for i, s in enumerate([
            f"Zahlbar bis zum {d.date + dt.timedelta(days=10):%d.%m.%Y} abzüglich 2 % Skonto ({eu(skonto)} €, "
            f"Zahlbetrag {eu(d.ttc - skonto)} €)",
            f"oder bis zum {d.date + dt.timedelta(days=30):%d.%m.%Y} ohne Abzug. Bitte geben Sie bei Zahlung die "
            "Rechnungsnummer an.",
            "Die Preise für Röstkaffee enthalten die Kaffeesteuer. Die Ware bleibt bis zur vollständigen Bezahlung "
            "unser Eigentum.",
            "Leistungsdatum entspricht dem Lieferdatum."]):
        txt(c, 57, y - 12 * i, s, 8.5, "Helvetica")
    txt(c, 57, y - 62, "Mit freundlichen Grüßen aus der Speicherstadt", 9, "Helvetica-Oblique")
    c.line(57, 82, 545, 82)
    cols = [["Rösterei Hansen GmbH", "Am Sandtorkai 23", "20457 Hamburg", "Tel. 040 3280 1190"],
            ["Geschäftsführer: Jens Hansen", "Amtsgericht Hamburg", "HRB 81234", "USt-IdNr. DE118452907"],
            ["Hamburger Sparkasse", "IBAN DE21 2005 0550 1234 5678 90", "BIC HASPDEHHXXX", ""],
            ["info@hansen-kaffee.de", "www.hansen-kaffee.de", "Steuer-Nr. 46/721/01234", ""]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 57 + 125 * j, 72 - 9 * i, s, 6.8, "Helvetica")
    c.save()


def nl_busvervoer(d, path, rng):
    """A Dutch coach operator's invoice for a day trip: a dark green sidebar down the left with the
    firm's name, address and registration numbers, "Factuur" with the invoice number, the date
    written out and the customer and quotation numbers, the customer's address, a framed block with
    the trip (date, departure and return times, from, to, passengers, trip number), the coach and
    the extras at 9 %, the totals with an optional deposit already paid, and the payment request
    with its due date."""
    short, dest = rng.choice([("Efteling", "Efteling, Kaatsheuvel"), ("Amsterdam", "Rijksmuseum, Amsterdam"),
                              ("Haarzuilens", "Kasteel de Haar, Haarzuilens"), ("Walibi", "Walibi Holland, Biddinghuizen"),
                              ("Mechelen (B)", "Zoo Planckendael, Mechelen (B)")])
    main = rng.choice([(f"Dagtocht touringcar 50 pers. {short} v.v.", [1], ["1195.00", "1340.00", "1485.00"]),
                       (f"Dagtocht dubbeldekker 78 pers. {short} v.v.", [1], ["1590.00", "1725.00"]),
                       (f"Midibus 30 pers. {short} v.v.", [1], ["845.00", "960.00"])])
    extras = [("Extra wachturen chauffeur", [1, 2, 3], ["47.50", "52.00"]),
              ("Extra kilometers boven 350 km", [20, 40, 60, 90, 120], ["1.95", "2.15"]),
              ("Parkeer- en tolkosten", [1], ["18.50", "27.00", "46.00"]),
              ("Toeslag vertrek vóór 07:00 uur", [1], ["45.00", "60.00"]),
              ("Maaltijdvergoeding chauffeur", [1], ["22.50", "27.50"])]
    rows = []
    for name, qtys, prices in [main] + rng.sample(extras, len(d.lines) - 1):
        qty, each = rng.choice(qtys), Decimal(rng.choice(prices))
        rows.append((name, qty, each, q(qty * each)))
    net_h15(d, {"9": sum(r[3] for r in rows)})
    d.number = f"F{d.date:%y}-{rng.randint(100, 1899):04d}"
    trip = d.before
    due = d.date + dt.timedelta(days=14)
    c = pen(path)
    green = (0.09, 0.3, 0.22)
    c.setFillColorRGB(*green)
    c.rect(0, 0, 150, 842, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    txt(c, 20, 790, "DE VRIES", 20, "Helvetica-Bold")
    txt(c, 20, 770, "REIZEN", 20, "Helvetica")
    txt(c, 20, 752, "Touringcars sinds 1961", 8, "Helvetica-Oblique")
    side = [("Bezoekadres", ["Industrieweg 14", "8251 KM Dronten"]), ("Contact", ["T 0321 31 45 60",
            "planning@devries-reizen.nl", "www.devries-reizen.nl"]),
            ("Gegevens", ["KvK 39087214", "Btw NL805412345B01", "IBAN NL44 RABO", "0312 4567 89"])]
    y = 250
    for head, ls in side:
        txt(c, 20, y, head, 8, "Helvetica-Bold")
        for i, s in enumerate(ls):
            txt(c, 20, y - 11 * (i + 1), s, 7.5, "Helvetica")
        y -= 11 * (len(ls) + 1) + 12
    txt(c, 20, 40, "Aangesloten bij BusVervoer NL", 6.5, "Helvetica-Oblique")
    c.setFillColorRGB(0, 0, 0)
    cust = rng.choice([("CSG Het Streek", "t.a.v. mevr. J. Bakker", "Postbus 104", "6710 BC Ede"),
                       ("Personeelsvereniging Van Dijk Logistiek", "t.a.v. dhr. R. Mulder", "Handelsweg 9",
                        "3899 AE Zeewolde"),
                       ("Zonnebloem afd. Lelystad", "t.a.v. mevr. A. de Boer", "Kempenaar 12-04", "8231 RX Lelystad")])
    for i, s in enumerate(cust):
        txt(c, 180, 760 - 13 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 180, 672, "Factuur", 24, "Helvetica-Bold")
    grid = [("Factuurnummer", d.number), ("Factuurdatum", long_date(d.date, "nl")),
            ("Debiteurnummer", f"{rng.randint(10100, 14999)}"), ("Offertenummer", f"OF{d.date:%y}-{rng.randint(100, 999)}")]
    for i, (k, v) in enumerate(grid):
        x = 180 + 96 * i
        txt(c, x, 650, k, 7.5, "Helvetica")
        txt(c, x, 637, v, 9.5, "Helvetica-Bold")
    c.setStrokeColorRGB(*green)
    c.rect(180, 540, 375, 80)
    c.setStrokeColorRGB(0, 0, 0)
    txt(c, 188, 606, "Ritgegevens", 9.5, "Helvetica-Bold")
    days = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    info = [("Ritdatum", f"{days[trip.weekday()]} {trip:%d-%m-%Y}"),
            ("Vertrek", f"{rng.choice(['06:45', '07:30', '08:00', '08:15'])} uur"),
            ("Terug", f"{rng.choice(['17:30', '18:15', '19:00', '20:30'])} uur"),
            ("Ritnummer", f"{trip:%y}{rng.randint(1000, 4999)}")]
    place = [("Vertrekadres", cust[2] if not cust[2].startswith("Postbus") else "Schoolplein, Stationsweg 3, Ede"),
             ("Bestemming", dest), ("Aantal personen", str(rng.randint(24, 76)))]
    for i, (k, v) in enumerate(info):
        txt(c, 188, 590 - 12 * i, k, 8.5, "Helvetica")
        txt(c, 260, 590 - 12 * i, v, 8.5, "Helvetica")
    for i, (k, v) in enumerate(place):
        txt(c, 350, 590 - 12 * i, k, 8.5, "Helvetica")
        txt(c, 430, 590 - 12 * i, v, 8.5, "Helvetica")
    y = 510
    for x, h, right in [(180, "Omschrijving", False), (420, "Aantal", True), (472, "Prijs", True), (500, "Btw", True),
                        (555, "Bedrag", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.setStrokeColorRGB(*green)
    c.setLineWidth(1.5)
    c.line(180, y - 5, 555, y - 5)
    c.setLineWidth(1)
    c.setStrokeColorRGB(0, 0, 0)
    for name, qty, each, amount in rows:
        y -= 16
        txt(c, 180, y, name, 8.5, "Helvetica")
        txt(c, 420, y, str(qty), 8.5, right=True)
        txt(c, 472, y, eu(each), 8.5, right=True)
        txt(c, 500, y, "9%", 8.5, right=True)
        txt(c, 555, y, eu(amount), 8.5, right=True)
    c.line(180, y - 8, 555, y - 8)
    yt = y - 30
    tot = [("Totaal excl. btw", d.ht, False), ("Btw 9%", d.tva, False), ("Totaal incl. btw", d.ttc, True)]
    deposit = q(d.ttc * Decimal("0.3")).quantize(Decimal("1")) if rng.random() < 0.5 else Decimal(0)
    if deposit:
        paid = d.date - dt.timedelta(days=rng.randint(20, 50))
        tot += [(f"Aanbetaling d.d. {paid:%d-%m-%Y}", -deposit, False), ("Nog te betalen", d.ttc - deposit, True)]
    for i, (a, v, bold) in enumerate(tot):
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 340, yt - 15 * i, a, 9.5, f)
        txt(c, 555, yt - 15 * i, ("- " if v < 0 else "") + "€ " + eu(abs(v)), 9.5, f, right=True)
    y = yt - 15 * len(tot) - 30
    left = d.ttc - deposit
    for i, s in enumerate([f"Wij verzoeken u vriendelijk het bedrag van € {eu(left)} binnen 14 dagen, uiterlijk op "
                           f"{due:%d-%m-%Y},",
                           f"over te maken op IBAN NL44 RABO 0312 4567 89 t.n.v. De Vries Reizen B.V. o.v.v. "
                           f"{d.number}.",
                           "Op al onze diensten zijn de Algemene Vervoerscondities BusVervoer Nederland van "
                           "toepassing."]):
        txt(c, 180, y - 12 * i, s, 8.5, "Helvetica")
    txt(c, 180, y - 50, "Bedankt voor het reizen met De Vries! Wij hopen u snel weer aan boord te verwelkomen.", 8.5,
        "Helvetica-Oblique")
    c.save()


def es_cerrajeria(d, path, rng):
    """A Spanish locksmith's call-out invoice: a key drawn beside the firm's name, a grey box with
    "FACTURA", its number and date, two framed boxes (the customer with the NIF, the work order with
    the call number, the day of the service, arrival and finish times and the technician), a table in
    a fixed-pitch font led by the urgent call-out, with a discount column, the totals as a four-cell
    band (taxable base, VAT rate, VAT amount, invoice total), how it was paid, the customer's
    signature box, the guarantee and the data-protection and registry mentions."""
    first = ("DESP-24", "Desplazamiento urgente 24 h", ["1"], ["60.00", "75.00", "90.00"], False)
    others = [("APER-SR", "Apertura de puerta sin rotura", ["1"], ["80.00", "95.00", "120.00"], False),
              ("CIL-AB40", "Cilindro antibumping 30x40 niquelado", ["1", "2"], ["65.00", "89.00", "112.00"], True),
              ("ESC-ACO", "Escudo protector acorazado", ["1"], ["95.00", "135.00"], True),
              ("MO-OF", "Mano de obra oficial cerrajero (h)", ["0.5", "1", "1.5", "2"], ["38.00", "42.00"], False),
              ("COP-SEG", "Copia de llave de seguridad", ["2", "3", "4"], ["6.50", "9.00", "18.00"], True),
              ("BOM-BUZ", "Bombín de buzón con 2 llaves", ["1"], ["14.50", "18.00"], True)]
    night = rng.random() < 0.5
    rows = []
    for code, name, qtys, prices, material in [first] + rng.sample(others, len(d.lines) - 1):
        qty, each = Decimal(rng.choice(qtys)), Decimal(rng.choice(prices))
        if code == "DESP-24" and night:
            name, each = name + " (nocturno)", each + 30
        dto = 10 if material and rng.random() < 0.3 else 0
        rows.append((code, name, qty, each, dto, q(qty * each * (100 - dto) / 100)))
    net_h15(d, {"21": sum(r[5] for r in rows)})
    d.number = f"A{d.date:%y}/{rng.randint(100, 2999):04d}"
    served = d.date - dt.timedelta(days=rng.randint(0, 3))
    c = pen(path)
    c.setLineWidth(3)
    c.circle(66, 800, 12)
    c.setLineWidth(1)
    c.rect(78, 797, 38, 6, stroke=0, fill=1)
    c.rect(103, 789, 4, 8, stroke=0, fill=1)
    c.rect(110, 789, 4, 8, stroke=0, fill=1)
    txt(c, 125, 805, "CERRAJERÍA SAN BLAS 24H", 15, "Helvetica-Bold")
    txt(c, 125, 792, "Aperturas urgentes · Amaestramientos · Cajas fuertes · Puertas acorazadas", 7.5, "Helvetica")
    txt(c, 125, 781, "C/ Alcalá 512, 28027 Madrid · Tel. 91 742 18 60 · Urgencias 24 h: 600 123 456", 7.5,
        "Helvetica")
    txt(c, 125, 770, "Cerrajería San Blas, S.L. · CIF B86234517", 7.5, "Helvetica-Bold")
    c.setFillGray(0.88)
    c.rect(420, 740, 125, 70, stroke=0, fill=1)
    c.setFillGray(0)
    centre_h15(c, 482.5, 790, "FACTURA", 16, "Helvetica-Bold")
    txt(c, 428, 770, "Nº:", 9, "Helvetica")
    txt(c, 537, 770, d.number, 9, "Helvetica-Bold", right=True)
    txt(c, 428, 754, "Fecha:", 9, "Helvetica")
    txt(c, 537, 754, f"{d.date:%d/%m/%Y}", 9, "Helvetica-Bold", right=True)
    cust = rng.choice([("Comunidad de Propietarios Arturo Soria 214", "H78451236", "C/ Arturo Soria 214",
                        "28043 Madrid"),
                       ("María José Ruiz Calvo", "50123456K", "C/ Hermanos García Noblejas 41, 3º B", "28037 Madrid"),
                       ("Talleres Ventas Motor, S.L.", "B81234570", "Av. Daroca 188", "28017 Madrid")])
    c.rect(50, 630, 240, 90)
    c.rect(305, 630, 240, 90)
    txt(c, 58, 708, "DATOS DEL CLIENTE", 8, "Helvetica-Bold")
    txt(c, 313, 708, "PARTE DE TRABAJO", 8, "Helvetica-Bold")
    for i, (k, v) in enumerate([("Nombre", cust[0]), ("NIF", cust[1]), ("Dirección", cust[2]), ("", cust[3])]):
        txt(c, 58, 692 - 13 * i, k, 7.5, "Helvetica")
        txt(c, 100, 692 - 13 * i, v, 8, "Helvetica")
    hh = rng.choice([1, 2, 3, 23]) if night else rng.randint(9, 19)
    mm = rng.randint(0, 59)
    dur = rng.randint(25, 90)
    fin = dt.datetime(2024, 1, 1, hh, mm) + dt.timedelta(minutes=dur)
    part = [("Nº parte", f"PT-{rng.randint(10000, 39999)}"), ("Nº aviso", f"{rng.randint(100000, 999999)}"),
            ("Fecha servicio", f"{served:%d/%m/%Y}"), ("Llegada / fin", f"{hh:02d}:{mm:02d} / {fin:%H:%M}"),
            ("Técnico", rng.choice(["J. Moreno (T-04)", "R. Castillo (T-07)", "A. Iglesias (T-02)"]))]
    for i, (k, v) in enumerate(part):
        txt(c, 313, 692 - 12 * i, k, 7.5, "Helvetica")
        txt(c, 390, 692 - 12 * i, v, 8, "Helvetica")
    y = 600
    c.setFillGray(0.2)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillGray(1)
    for x, h, right in [(54, "CÓDIGO", False), (110, "CONCEPTO", False), (370, "CANT.", True), (430, "PRECIO", True),
                        (470, "DTO.", True), (541, "IMPORTE", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    c.setFillGray(0)
    for code, name, qty, each, dto, amount in rows:
        y -= 15
        txt(c, 54, y, code, 8.5, "Courier")
        txt(c, 110, y, name, 8.5)
        txt(c, 370, y, f"{qty:.2f}".replace(".", ","), 8.5, right=True)
        txt(c, 430, y, eu(each), 8.5, right=True)
        txt(c, 470, y, f"{dto}%" if dto else "", 8.5, right=True)
        txt(c, 541, y, eu(amount), 8.5, right=True)
    c.line(50, y - 8, 545, y - 8)
    yb = y - 60
    cells = [("BASE IMPONIBLE", eu(d.ht) + " €"), ("% IVA", "21 %"), ("CUOTA IVA", eu(d.tva) + " €"),
             ("TOTAL FACTURA", eu(d.ttc) + " €")]
    for i, (k, v) in enumerate(cells):
        x = 50 + 123.75 * i
        c.setFillGray(0.88 if i < 3 else 0.7)
        c.rect(x, yb + 20, 123.75, 16, stroke=0, fill=1)
        c.setFillGray(0)
        c.rect(x, yb, 123.75, 36)
        centre_h15(c, x + 61.9, yb + 25, k, 7.5, "Helvetica-Bold")
        centre_h15(c, x + 61.9, yb + 6, v, 10.5 if i == 3 else 9.5, "Helvetica-Bold" if i == 3 else "Helvetica")
    y = yb - 26
    if rng.random() < 0.6:
        txt(c, 50, y, "Forma de pago: tarjeta de crédito en el acto – PAGADO", 8.5, "Helvetica-Bold")
    else:
        txt(c, 50, y, f"Forma de pago: transferencia bancaria – vencimiento {d.date + dt.timedelta(days=15):%d/%m/%Y}",
            8.5, "Helvetica-Bold")
        txt(c, 50, y - 12, "IBAN ES76 2100 1234 5102 0045 6789 (CaixaBank)", 8.5, "Helvetica")
    c.rect(385, y - 60, 160, 58)
    txt(c, 392, y - 12, "Conforme el cliente (firma):", 7.5, "Helvetica-Oblique")
    y -= 84
    for i, s in enumerate([
            "Garantía: 6 meses en mano de obra y la del fabricante en materiales. El presupuesto fue aceptado por el "
            "cliente antes de iniciar el trabajo.",
            "Dispone de hojas de reclamaciones a disposición del consumidor. Precios de desplazamiento según tarifa "
            "expuesta (servicio nocturno 22 h – 8 h)."]):
        txt(c, 50, y - 10 * i, s, 7, "Helvetica")
    c.line(50, 80, 545, 80)
    for i, s in enumerate(["Cerrajería San Blas, S.L. – Inscrita en el Registro Mercantil de Madrid, Tomo 31.842, "
                           "Folio 112, Hoja M-573214 – CIF B86234517",
                           "Sus datos se tratan conforme al Reglamento (UE) 2016/679 (RGPD) para la gestión del servicio "
                           "y la facturación; puede ejercer sus derechos en",
                           "lopd@cerrajeriasanblas.es."]):
        txt(c, 50, 68 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def it_caseificio(d, path, rng):
    """An Italian dairy cooperative's deferred invoice in a serif font: the dairy and its number at the
    top left, the customer ("Spett.le") with the SDI code at the right, a grey bar (document type,
    number, date, customer code, payment terms), the lines grouped under the delivery notes (DDT
    number and date) they were delivered with, Parmigiano Reggiano weighed to the gram, ricotta and
    butter at 4 %, gift boxes, knives and transport at 22 %, the VAT summary at the left, the totals
    in a box at the right, the bank draft's due date and the courtesy-copy mentions."""
    cat = {"4": [("PR24", "Parmigiano Reggiano DOP 24 mesi – sottovuoto", "kg", None, ["15.80", "16.90", "18.40"]),
                 ("PR36", "Parmigiano Reggiano DOP 36 mesi – punta", "kg", None, ["19.50", "21.30", "23.80"]),
                 ("RIC15", "Ricotta vaccina fresca 1,5 kg", "pz", [4, 6, 8, 12], ["4.20", "4.80"]),
                 ("BUR25", "Burro di panna 250 g", "pz", [12, 24, 36], ["2.10", "2.45"]),
                 ("GRA1", "Parmigiano Reggiano DOP grattugiato 1 kg", "pz", [5, 10], ["17.50", "18.90"])],
           "22": [("CONF1", "Confezione regalo in legno 1 kg", "pz", [2, 4, 6, 10], ["6.50", "8.90"]),
                  ("TRASP", "Spese di trasporto refrigerato", "n.", [1], ["25.00", "38.00", "48.00"]),
                  ("COLT", "Coltello a mandorla per grana", "pz", [1, 2, 3], ["14.90", "19.90"]),
                  ("POP", "Materiale promozionale e cartellini prezzo", "cf", [1], ["9.50", "15.00"])]}
    rows = []
    for rate, (code, name, unit_name, qtys, prices) in picks_h15(d, cat, rng, main="4"):
        qty = Decimal(rng.randint(4000, 26000)) / 1000 if qtys is None else Decimal(rng.choice(qtys))
        each = Decimal(rng.choice(prices))
        rows.append((code, name, unit_name, qty, each, rate, q(qty * each)))
    rows.sort(key=lambda r: (r[5] != "4", r[0] == "TRASP"))  # cheese first, transport last
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h15(d, base)
    n_ddt = rng.randint(1, min(3, len(rows)))
    cuts = sorted(rng.sample(range(1, len(rows)), n_ddt - 1))
    month_start = d.date.replace(day=1)
    span = (d.date - month_start).days
    ddt_days = sorted(month_start + dt.timedelta(days=rng.randint(0, span)) for _ in range(n_ddt))
    ddt_no = rng.randint(100, 880)
    d.number = f"{rng.randint(120, 980)}/{d.date:%Y}"
    due = eom_h13(d.date + dt.timedelta(days=60), 0)
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "Caseificio Valle dell'Enza", 20, "Times-Bold")
    txt(c, 50, 786, "Società Agricola Cooperativa", 10.5, "Times-Italic")
    for i, s in enumerate(["Produzione Parmigiano Reggiano DOP – Caseificio n. 2045",
                           "Via per Ciano 41 – 42026 Canossa (RE)",
                           "Tel. 0522 876 213 – amministrazione@caseificiovalledellenza.it",
                           "P.IVA e C.F. 00412380357 – REA RE-118452"]):
        txt(c, 50, 771 - 11 * i, s, 8.5, "Times-Roman")
    cust = rng.choice([("Salumeria Garibaldi di Rossi Marco & C. s.n.c.", "Via Garibaldi 14", "40124 Bologna (BO)",
                        "P.IVA 02145870376", "M5UXCR1"),
                       ("Gastronomia Il Tagliere s.r.l.", "Corso Vittorio Emanuele II 102", "41121 Modena (MO)",
                        "P.IVA 03498210369", "KRRH6B9"),
                       ("Bottega Emiliana di Ferri Laura", "Piazza Grande 7", "43121 Parma (PR)",
                        "P.IVA 02871450340", "0000000")])
    txt(c, 330, 765, "Spett.le", 9, "Times-Italic")
    for i, s in enumerate(cust[:4]):
        txt(c, 330, 751 - 12.5 * i, s, 10 if i == 0 else 9.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 330, 696, f"Codice destinatario SDI: {cust[4]}", 8.5, "Times-Roman")
    heads = [("TIPO DOCUMENTO", "Fattura differita"), ("NUMERO", d.number), ("DATA", f"{d.date:%d/%m/%Y}"),
             ("COD. CLIENTE", f"C{rng.randint(1000, 1999)}"), ("PAGAMENTO", "RiBa 60 gg d.f.f.m.")]
    widths = [110, 80, 80, 80, 145]
    x = 50
    for (k, v), w in zip(heads, widths):
        c.setFillGray(0.85)
        c.rect(x, 660, w, 14, stroke=0, fill=1)
        c.setFillGray(0)
        c.rect(x, 642, w, 32)
        txt(c, x + 4, 664, k, 7, "Times-Bold")
        txt(c, x + 4, 647, v, 9.5, "Times-Roman")
        x += w
    y = 620
    c.line(50, y + 12, 545, y + 12)
    for x, h, right in [(50, "Codice", False), (100, "Descrizione", False), (330, "U.M.", False),
                        (400, "Quantità", True), (450, "Prezzo", True), (505, "Importo", True), (540, "IVA", True)]:
        txt(c, x, y, h, 8.5, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    bounds = [0] + cuts + [len(rows)]
    for j in range(n_ddt):
        y -= 15
        txt(c, 100, y, f"Rif. DDT n. {ddt_no + 3 * j} del {ddt_days[j]:%d/%m/%Y}", 8.5, "Times-BoldItalic")
        for code, name, unit_name, qty, each, rate, amount in rows[bounds[j]:bounds[j + 1]]:
            y -= 14
            txt(c, 50, y, code, 8.5, "Times-Roman")
            txt(c, 100, y, name, 9)
            txt(c, 330, y, unit_name, 9)
            txt(c, 400, y, f"{qty:.3f}".replace(".", ",") if unit_name == "kg" else str(int(qty)), 9, right=True)
            txt(c, 450, y, eu(each), 9, right=True)
            txt(c, 505, y, eu(amount), 9, right=True)
            txt(c, 540, y, rate, 9, right=True)
    c.line(50, y - 8, 545, y - 8)
    yt = y - 32
    txt(c, 50, yt, "RIEPILOGO IVA", 9, "Times-Bold")
    for x, h in [(50, "Aliquota"), (170, "Imponibile"), (240, "Imposta"), (255, "Descrizione")]:
        txt(c, x, yt - 13, h, 8, "Times-Italic", right=x in (170, 240))
    yy = yt - 13
    for r in sorted(d.base, key=Decimal):
        yy -= 12
        txt(c, 50, yy, f"{r}%", 9, "Times-Roman")
        txt(c, 170, yy, eu(d.base[r]), 9, right=True)
        txt(c, 240, yy, eu(d.vat[r]), 9, right=True)
        txt(c, 255, yy, "Prodotti lattiero-caseari" if r == "4" else "Aliquota ordinaria", 8)
    c.rect(340, yt - 44, 205, 58)
    for i, (a, v, bold) in enumerate([("Totale imponibile", d.ht, False), ("Totale IVA", d.tva, False),
                                      ("TOTALE DOCUMENTO €", d.ttc, True)]):
        f = "Times-Bold" if bold else "Times-Roman"
        txt(c, 348, yt - 18 * i, a, 10.5 if bold else 10, f)
        txt(c, 538, yt - 18 * i, eu(v), 10.5 if bold else 10, f, right=True)
    y = min(yy, yt - 44) - 30
    txt(c, 50, y, "SCADENZE", 9, "Times-Bold")
    txt(c, 50, y - 13, f"Ricevuta bancaria con scadenza {due:%d/%m/%Y}: € {eu(d.ttc)}", 9, "Times-Roman")
    txt(c, 50, y - 26, "Banca d'appoggio: BPER Banca – filiale di San Polo d'Enza – ABI 05387 CAB 66410", 9,
        "Times-Roman")
    c.line(50, 90, 545, 90)
    for i, s in enumerate(["Copia di cortesia priva di valore fiscale: l'originale della fattura elettronica è stato "
                           "trasmesso tramite il Sistema di Interscambio (art. 21 D.P.R. 633/72).",
                           "Contributo ambientale CONAI assolto ove dovuto. Fattura differita ai sensi dell'art. 21, "
                           "comma 4, lett. a) del D.P.R. 633/72.",
                           "Iscritta all'Albo Società Cooperative n. A112345 – Capitale sociale variabile – Reg. CE "
                           "IT 08 227 CE"]):
        centre_h15(c, 297.5, 78 - 9 * i, s, 6.8, "Times-Roman")
    c.save()


# ---- layouts added for held-out set 16 (session 12) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a tyre distributor's credit note to a garage for returned tyres
# with their eco-contribution, a Paris taxi's note printed by the meter, a glazier's invoice with
# panes priced by the square metre at 10 % and a mirror sold alone at 20 %), an Irish commercial
# waste collection bill with its lifts at 13.5 % and bin hire at 23 %, a German wine merchant's
# invoice to an inn at 19 % and 7 % with the cash discount, a Dutch liquor store's till receipt at
# 9 % and 21 % with the card slip, a Spanish stationer's invoice to a school with textbooks at 4 %
# and an Italian fresh pasta maker's deferred invoice grouping the delivery notes at 4 %, 10 % and
# 22 %. HELD_OUT_16: drawn in session 12, scored only as a table of its own, never inspected per
# document while tuning.

def net_h16(d, base):
    """Sets the bases per rate (net amounts as printed on the lines) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h16(d, gross):
    """Prices including VAT (receipts): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h16(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def eom_h16(day, months=0):
    """The last day of the month `months` after the one of `day`."""
    y, m = day.year, day.month + months + 1
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def cell_h16(c, x, y, w, h, label, value, size=9, font="Helvetica-Bold", label_size=6.5):
    """A ruled cell with its small label in the top left corner and the value under it."""
    c.rect(x, y, w, h)
    txt(c, x + 3, y + h - label_size - 2, label, label_size, "Helvetica")
    txt(c, x + 3, y + 4, value, size, font)


def fr_pneumatiques_avoir(d, path, rng):
    """A French tyre distributor's credit note to a garage: a tyre drawn beside the distributor's
    name, "AVOIR" and its number white on a dark band at the right, a row of ruled cells (date,
    customer, sales rep, invoice credited and its date, return note), the garage in the window,
    the reason with the return agreement, the returned tyres with negative quantities, gross
    price, discount and net price, each followed by its eco-contribution line, sometimes a
    restocking charge, a VAT line at the left and negative totals in a box at the right, then the
    amount in the garage's favour and the statement it will be set against."""
    tyres = [("MIC2055516V", "205/55 R16 91V MICHELIN PRIMACY 4+", ["112.40", "121.90", "128.30"]),
             ("CON2254517Y", "225/45 R17 94Y XL CONTINENTAL PREMIUM 6", ["131.50", "139.80"]),
             ("BRI1956515H", "195/65 R15 91H BRIDGESTONE TURANZA 6", ["86.70", "92.10"]),
             ("GDY2156016V", "215/60 R16 99V XL GOODYEAR EFFIGRIP PERF 2", ["118.20", "124.60"]),
             ("HAN1857014T", "185/70 R14 88T HANKOOK KINERGY ECO 2", ["64.90", "69.50"])]
    picks = rng.sample(tyres, len(d.lines) if len(d.lines) < 4 else 3)
    eco = Decimal(rng.choice(["1.45", "1.55", "1.65"]))
    rows = []
    for ref, name, prices in picks:
        qty = rng.choice([2, 2, 4, 4, 1])
        gross_each = Decimal(rng.choice(prices))
        disc = rng.choice([30, 32, 35, 38, 40])
        net_each = q(gross_each * (100 - disc) / 100)
        rows.append((ref, name, -qty, gross_each, f"{disc},00", net_each, q(-qty * net_each)))
        rows.append(("ECOPNEU", "   Éco-contribution pneumatique VL (Aliapur)", -qty, eco, "", eco, q(-qty * eco)))
    returned = -sum(r[6] for r in rows)
    restock = rng.random() < 0.5
    if restock:
        fee = q(returned * Decimal("0.10"))
        rows.append(("FRREP", "Frais de reprise et de remise en stock 10 %", 1, fee, "", fee, fee))
    net_h16(d, {"20": -sum(r[6] for r in rows)})
    d.number = f"AV{d.date:%y}{rng.randint(10000, 39999)}"
    inv_day = d.before - dt.timedelta(days=rng.randint(8, 40))
    c = pen(path)
    # The tyre.
    c.setLineWidth(7)
    c.circle(78, 790, 22)
    c.setLineWidth(1)
    c.circle(78, 790, 9)
    c.circle(78, 790, 3, fill=1)
    txt(c, 112, 798, "PNEUS OUEST DISTRIBUTION", 15, "Helvetica-Bold")
    txt(c, 112, 786, "Grossiste en pneumatiques tourisme · 4x4 · utilitaires · agraire", 8, "Helvetica-Oblique")
    txt(c, 112, 774, "ZA de la Chauvinière – 12 rue Gutenberg – 44800 Saint-Herblain", 8, "Helvetica")
    txt(c, 112, 764, "Tél. 02 40 92 11 80 – commandes@pneus-ouest.fr – www.pneus-ouest.fr", 8, "Helvetica")
    c.setFillGray(0.18)
    c.rect(395, 760, 150, 50, stroke=0, fill=1)
    c.setFillGray(1)
    centre_h16(c, 470, 789, "AVOIR", 20, "Helvetica-Bold")
    centre_h16(c, 470, 769, f"N° {d.number}", 11, "Helvetica-Bold")
    c.setFillGray(0)
    cells = [("Date", f"{d.date:%d/%m/%Y}"), ("Code client", f"4110{rng.randint(1000, 9999)}"),
             ("Représentant", rng.choice(["J. MORIN", "S. GUÉRIN", "T. BAUDRY"])),
             ("Facture d'origine", f"FC{inv_day:%y}{rng.randint(40000, 99999)}"),
             ("Date facture", f"{inv_day:%d/%m/%Y}"), ("Bon de retour", f"BR{rng.randint(100000, 199999)}")]
    for i, (k, v) in enumerate(cells):
        cell_h16(c, 50 + 82.5 * i, 712, 82.5, 28, k, v, 8.5)
    garage = rng.choice([("GARAGE DU CENTRE AUTO", "M. Perraud", "45 avenue de la République",
                          "85000 LA ROCHE-SUR-YON"),
                         ("SARL AUTO SERVICES DU LAC", "Service comptabilité", "Route de Nort",
                          "44240 SUCÉ-SUR-ERDRE"),
                         ("PNEUS & FREINS CHOLETAIS", "M. Gaborit", "8 rue de la Sarthe", "49300 CHOLET")])
    for i, s in enumerate(garage):
        txt(c, 330, 680 - 13 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 50, 680, "Livraison :", 8, "Helvetica-Oblique")
    txt(c, 50, 668, f"Tournée {rng.choice(['VENDÉE 2', 'NANTES NORD', 'ANJOU 1'])}", 9, "Helvetica")
    why = rng.choice(["erreur de référence", "commande client annulée", "doublon de livraison"])
    txt(c, 50, 600, f"Motif : retour marchandise – {why}"
                    f" (accord de retour AR{rng.randint(1000, 9999)} du {d.before:%d/%m/%Y})", 9, "Helvetica-Bold")
    y = 575
    c.setFillGray(0.85)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(53, "Référence", False), (123, "Désignation", False), (342, "Qté", True),
                        (394, "PU brut HT", True), (428, "Rem.%", True), (478, "PU net HT", True),
                        (525, "Montant HT", True), (542, "T", True)]:
        txt(c, x, y, h, 7.5, "Helvetica-Bold", right=right)
    for ref, name, qty, gross_each, disc, net_each, amount in rows:
        y -= 15
        eco_line = ref == "ECOPNEU"
        txt(c, 53, y, ref, 7.5, "Helvetica")
        txt(c, 123, y, name, 7.5 if eco_line else 8, "Helvetica-Oblique" if eco_line else "Helvetica")
        txt(c, 342, y, str(qty), 8, "Helvetica", right=True)
        txt(c, 394, y, eu(gross_each, " "), 8, right=True)
        txt(c, 428, y, disc, 8, right=True)
        txt(c, 478, y, eu(net_each, " "), 8, right=True)
        txt(c, 525, y, ("-" if amount < 0 else "") + eu(abs(amount), " "), 8, right=True)
        txt(c, 542, y, "1", 8, right=True)
        if eco_line:
            c.setStrokeGray(0.75)
            c.line(50, y - 5, 545, y - 5)
            c.setStrokeGray(0)
    y -= 14
    txt(c, 53, y, f"Nombre de pneumatiques repris : {-sum(r[2] for r in rows if r[0] != 'ECOPNEU' and r[2] < 0)}",
        8, "Helvetica-Oblique")
    c.line(50, y - 8, 545, y - 8)
    # VAT line at the left, totals at the right.
    yt = y - 40
    c.rect(50, yt - 30, 240, 44)
    for x, h in [(55, "Code"), (85, "Taux"), (190, "Base HT"), (285, "TVA")]:
        txt(c, x, yt, h, 7.5, "Helvetica-Bold", right=x > 85)
    txt(c, 55, yt - 18, "1", 8.5, "Helvetica")
    txt(c, 85, yt - 18, "20,00 %", 8.5)
    txt(c, 190, yt - 18, "-" + eu(d.ht, " "), 8.5, right=True)
    txt(c, 285, yt - 18, "-" + eu(d.tva, " "), 8.5, right=True)
    c.rect(345, yt - 48, 200, 62)
    for i, (a, v, bold) in enumerate([("Total HT", d.ht, False), ("Total TVA", d.tva, False),
                                      ("Total TTC", d.ttc, True)]):
        yy = yt - 18 * i
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 352, yy, a, 10 if bold else 9, f)
        txt(c, 538, yy, "-" + eu(v, " ") + " €", 10 if bold else 9, f, right=True)
    statement = eom_h16(d.date)
    txt(c, 345, yt - 66, f"Net en votre faveur : {eu(d.ttc, ' ')} €", 9.5, "Helvetica-Bold")
    txt(c, 50, yt - 90, f"Cet avoir sera imputé sur votre relevé de factures du {statement:%d/%m/%Y}"
                        f" (prélèvement au {statement + dt.timedelta(days=10):%d/%m/%Y}).", 8.5, "Helvetica")
    txt(c, 50, yt - 102, "Les pneumatiques repris doivent être neufs, non montés, dans leur étiquetage d'origine et "
                         "de moins de 2 ans (DOT).", 8, "Helvetica-Oblique")
    if restock:
        txt(c, 50, yt - 114, "Reprise hors erreur de notre part : décote de 10 % appliquée conformément à nos CGV.", 8,
            "Helvetica-Oblique")
    c.setStrokeGray(0.5)
    c.line(50, 76, 545, 76)
    c.setStrokeGray(0)
    for i, s in enumerate(["Pneus Ouest Distribution SAS au capital de 250 000 € – RCS Nantes 441 902 336 – SIRET "
                           "441 902 336 00027 – APE 4531Z – TVA FR 27 441902336",
                           "Éco-contribution reversée intégralement à Aliapur pour la collecte et la valorisation des "
                           "pneumatiques usagés (art. R543-137 s. du Code de l'environnement)."]):
        centre_h16(c, 297.5, 64 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def fr_taxi_note(d, path, rng):
    """A Paris taxi's note as its meter's printer gives it: a narrow ticket in a fixed-pitch font
    with the taxi's licence, plate and driver, the note number, the date and the times the meter
    started and stopped, the pick-up and drop-off, either an airport flat fare or the meter's
    fare with the rate letter and distance, the supplements, "PRIX TTC" with the 10 % VAT included
    and the price excl. VAT, the card payment, blank lines for the customer's name, and where to
    complain."""
    flat = rng.random() < 0.45
    sups = []
    if flat:
        where, fare = rng.choice([("PARIS RIVE GAUCHE", "65.00"), ("PARIS RIVE DROITE", "56.00")])
        airport = rng.choice(["AEROPORT CDG T2E", "AEROPORT CDG T1"])
        start, end = (where, airport) if rng.random() < 0.5 else (airport, where)
        fare = Decimal(fare)
        fare_lines = [(f"FORFAIT CDG {'RIVE G.' if 'GAUCHE' in where else 'RIVE D.'}", fare)]
        km = Decimal(rng.randint(240, 330)) / 10
        tarif = "FORFAIT"
    else:
        start = rng.choice(["PARIS 15E", "PARIS 7E", "PARIS 11E", "PARIS 17E"])
        end = rng.choice(["GARE DE LYON", "GARE MONTPARNASSE", "LA DEFENSE", "BOULOGNE-BILL."])
        km = Decimal(rng.randint(35, 140)) / 10
        tarif = rng.choice(["A", "B", "C"])
        fare = Decimal(rng.randint(160, 520)) / 10
        fare_lines = [("PRISE EN CHARGE", Decimal("4.30")), (f"COMPTEUR TARIF {tarif}", fare - Decimal("4.30"))]
    if rng.random() < 0.5:
        sups.append(("RESERVATION IMMEDIATE", Decimal("4.00")))
    if rng.random() < 0.35:
        sups.append(("5E PASSAGER", Decimal("5.50")))
    total = sum(v for _, v in fare_lines) + sum(v for _, v in sups)
    gross_h16(d, {"10": total})
    d.number = f"{rng.randint(100, 9999):06d}"
    h0 = rng.randint(6, 21)
    m0 = rng.randint(0, 59)
    dur = rng.randint(14, 55)
    t1 = dt.datetime(2000, 1, 1, h0, m0) + dt.timedelta(minutes=dur)
    height = 450 + 10 * (len(fare_lines) + len(sups))
    c = canvas.Canvas(path, pagesize=(170, height), invariant=1)
    y = height - 22

    def line(s, right=None, size=7, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h16(c, 85, y, s, size, font)
        else:
            txt(c, 8, y, s, size, font)
        if right is not None:
            txt(c, 162, y, right, size, font, right=True)
        y -= size + 3

    line("TAXI PARISIEN", size=10, font="Courier-Bold", center=True)
    line(f"ADS N. {rng.randint(1000, 19999)}  PARIS", center=True)
    line(f"IMMAT. {rng.choice('DEFGH')}{rng.choice('ABKLMN')}-{rng.randint(100, 999)}-"
         f"{rng.choice('JKLMN')}{rng.choice('PRSTVW')}", center=True)
    line(f"CHAUFFEUR : {rng.choice(['M. DIALLO', 'M. BENALI', 'MME NGUYEN', 'M. LEROY'])}", center=True)
    line(f"SIRET {rng.randint(800, 899)} {rng.randint(100, 999)} {rng.randint(100, 999)} 00017", size=6.5, center=True)
    line("-" * 34)
    line("NOTE", f"N. {d.number}", size=8, font="Courier-Bold")
    line("DATE", f"{d.date:%d/%m/%Y}")
    line("DEBUT COURSE", f"{h0:02d}:{m0:02d}")
    line("FIN COURSE", f"{t1:%H:%M}")
    line("DEPART", start[:20])
    line("ARRIVEE", end[:20])
    line("TARIF", tarif)
    line("DISTANCE", f"{eu(km, ' ')[:-1]} KM")
    line("-" * 34)
    for a, v in fare_lines + sups:
        line(a, eu(v, " "))
    line("-" * 34)
    line("PRIX TTC", eu(d.ttc, " ") + " EUR", size=9, font="Courier-Bold")
    line("DONT TVA 10 %", eu(d.tva, " "))
    line("PRIX HT", eu(d.ht, " "))
    line("-" * 34)
    line("REGLEMENT", rng.choice(["CB SANS CONTACT", "CB", "ESPECES"]))
    line(f"TAXIMETRE N. {rng.randint(20000, 89999)}", size=6)
    y -= 4
    line("NOM DU CLIENT :", size=6.5)
    line("..................................", size=6.5)
    line("SIGNATURE DU CHAUFFEUR :", size=6.5)
    y -= 12
    line("-" * 34)
    for s in ["RECLAMATIONS :", "PREFECTURE DE POLICE", "BUREAU DES TAXIS", "36 RUE DES MORILLONS",
              "75732 PARIS CEDEX 15", "", "TVA 10 % - TRANSPORT DE", "VOYAGEURS - MERCI !"]:
        line(s, size=6.5, center=True)
    c.save()


def fr_vitrerie(d, path, rng):
    """A French glazier's invoice in a serif font: a centred letterhead under a trade line, "Rouen,
    le 12 mars 2024" at the right, the invoice number with the work order and the customer's
    request dates, the customer in the window, the site as subject, panes priced by the square
    metre with their sizes in mm and the area billed, removal and labour at 10 % (work in a home)
    and a mirror sold without fitting at 20 %, a box with the terms at the left and the totals at
    the right with one VAT line per rate, and the insurance and registry at the foot."""
    panes = [("Double vitrage 4/16/4 FE argon, intercalaire warm-edge", ["148.00", "162.00", "185.00"]),
             ("Verre feuilleté 44.2 clair (vitrage de sécurité)", ["96.00", "118.00"]),
             ("Vitrage dépoli acide 4 mm (salle de bains)", ["64.00", "79.00"])]
    works = [("Dépose de l'ancien vitrage, mastic et parcloses, évacuation", "u", ["32.00", "38.00", "45.00"]),
             ("Main-d'œuvre vitrier", "h", ["48.00", "52.00", "56.00"]),
             ("Déplacement Rouen et agglomération", "fft", ["35.00", "42.00"])]
    alone = [("Miroir argenté 5 mm, bords polis, sur mesure (fourniture seule)", ["89.00", "104.00", "110.00"]),
             ("Crédence verre laqué blanc 6 mm (fourniture seule, sans pose)", ["165.00", "182.00"]),
             ("Kit de fixation miroir, vis et caches chromés", ["14.90", "18.50"])]
    rows = []  # (name, dims, qty, area, each, rate, amount)
    n = defaultdict(int)
    panes_count = 0
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "10" if i == 0 else rate  # the glazing comes first
        if rate == "10" and n["pane"] == 0:
            name, prices = panes[rng.randrange(len(panes))]
            n["pane"] += 1
            w, h = rng.randint(80, 280) * 5, rng.randint(80, 300) * 5
            qty = rng.randint(1, 3)
            panes_count = qty
            area = max(Decimal(w * h) / 1000000, Decimal("0.5")) * qty
            area = q(area)
            each = Decimal(rng.choice(prices))
            rows.append((name, f"{w} x {h}", str(qty), area, each, rate, q(area * each)))
        elif rate == "10":
            name, unit_name, prices = works[n["10"] % 3]
            n["10"] += 1
            qty = {"u": max(panes_count, 1), "h": Decimal(rng.choice(["1.5", "2", "2.5", "3"])), "fft": 1}[unit_name]
            each = Decimal(rng.choice(prices))
            rows.append((name, "", (qty_h14(qty, 1) if unit_name == "h" else str(qty)) + " " + unit_name, None,
                         each, rate, q(Decimal(qty) * each)))
        else:
            name, prices = alone[n["20"]]
            n["20"] += 1
            each = Decimal(rng.choice(prices))
            if "fixation" in name:
                rows.append((name, "", "1 u", None, each, rate, each))
            else:
                w, h = rng.randint(80, 200) * 5, rng.randint(60, 160) * 5
                area = q(max(Decimal(w * h) / 1000000, Decimal("0.5")))
                rows.append((name, f"{w} x {h}", "1", area, each, rate, q(area * each)))
    rows.sort(key=lambda r: r[5] != "10")  # the work in the home first, then what is sold alone
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h16(d, base)
    d.number = f"{d.date:%y}-{rng.randint(100, 999):04d}"
    order = d.before - dt.timedelta(days=rng.randint(3, 12))
    c = pen(path, "Times-Roman")
    centre_h16(c, 297.5, 812, "V I T R E R I E   –   M I R O I T E R I E", 8.5, "Times-Roman")
    centre_h16(c, 297.5, 790, "Maison Lefèvre & Fils", 22, "Times-BoldItalic")
    centre_h16(c, 297.5, 775, "Vitrages isolants · Miroirs sur mesure · Crédences · Dépannage 7 j / 7", 9,
               "Times-Italic")
    centre_h16(c, 297.5, 763, "27 rue Saint-Nicolas – 76000 Rouen – Tél. 02 35 71 44 09 – vitrerie.lefevre@orange.fr",
               8.5, "Times-Roman")
    c.setLineWidth(0.6)
    c.line(150, 756, 445, 756)
    c.line(150, 753, 445, 753)
    c.setLineWidth(1)
    txt(c, 545, 730, f"Rouen, le {long_date(d.date, 'fr')}", 10.5, "Times-Roman", right=True)
    txt(c, 50, 712, f"FACTURE N° {d.number}", 15, "Times-Bold")
    txt(c, 50, 696, f"Bon d'intervention n° BI-{rng.randint(4000, 8999)} du {d.before:%d/%m/%Y}", 9.5, "Times-Roman")
    txt(c, 50, 684, f"Votre demande du {order:%d/%m/%Y}", 9.5, "Times-Roman")
    who = rng.choice([("Madame Claire DUBOC", "14 rue Eau-de-Robec", "76000 ROUEN"),
                      ("Monsieur et Madame HAMEL", "3 impasse des Capucins", "76130 MONT-SAINT-AIGNAN"),
                      ("Monsieur Thierry VASSEUR", "112 route de Darnétal", "76230 BOIS-GUILLAUME")])
    for i, s in enumerate(who):
        txt(c, 330, 690 - 14 * i, s, 11, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 628, f"Objet : remplacement de vitrages – logement de plus de deux ans, {who[1]}, {who[2].title()}",
        10, "Times-Italic")
    y = 598
    c.setLineWidth(0.8)
    c.line(50, y + 13, 545, y + 13)
    for x, h, right in [(50, "Désignation", False), (292, "Dim. (mm)", False), (362, "Qté", True),
                        (400, "m²", True), (458, "P.U. HT", True), (485, "TVA", True), (545, "Montant HT", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for name, dims, qty, area, each, rate, amount in rows:
        y -= 16
        txt(c, 50, y, name, 8.5 if len(name) > 52 else 9, "Times-Roman")
        txt(c, 292, y, dims, 8.5)
        txt(c, 362, y, qty, 9, right=True)
        txt(c, 400, y, eu(area, " ") if area is not None else "", 9, right=True)
        txt(c, 458, y, eu(each, " ") + ("/m²" if area is not None else ""), 9, right=True)
        txt(c, 485, y, f"{rate} %".replace(".", ","), 8.5, right=True)
        txt(c, 545, y, eu(amount, " "), 9, right=True)
    c.line(50, y - 8, 545, y - 8)
    txt(c, 50, y - 20, "Surface minimum facturée : 0,50 m² par volume.", 8, "Times-Italic")
    yt = y - 55
    c.rect(50, yt - 62, 230, 76)
    txt(c, 56, yt + 2, "Conditions de règlement", 9, "Times-Bold")
    for i, s in enumerate(["Paiement à réception de facture",
                           f"au plus tard le {d.date + dt.timedelta(days=15):%d/%m/%Y}",
                           "Chèque à l'ordre de Maison Lefèvre & Fils",
                           "ou virement : FR76 1027 8021 0500 0204 5670 133"]):
        txt(c, 56, yt - 12 - 12 * i, s, 8.5, "Times-Roman")
    trows = [("Total HT", d.ht, False)]
    for r in sorted(d.base, key=Decimal):
        trows.append((f"TVA {fmt(r)}", d.vat[r], False))
    trows.append(("Total TTC", d.ttc, True))
    for i, (a, v, bold) in enumerate(trows):
        yy = yt - 16 * i
        f = "Times-Bold" if bold else "Times-Roman"
        if bold:
            c.line(330, yy + 12, 545, yy + 12)
        txt(c, 335, yy, a, 11 if bold else 10, f)
        txt(c, 545, yy, eu(v, " ") + " €", 11 if bold else 10, f, right=True)
    yy = yt - 16 * len(trows) - 8
    c.setLineWidth(1.2)
    c.rect(330, yy - 6, 215, 20)
    c.setLineWidth(1)
    txt(c, 335, yy, "NET À PAYER", 11, "Times-Bold")
    txt(c, 540, yy, eu(d.ttc, " ") + " €", 11, "Times-Bold", right=True)
    y = min(yy, yt - 62) - 30
    for i, s in enumerate(["TVA au taux de 10 % sur les travaux (art. 279-0 bis du CGI), attestation du client "
                           "conservée ; fournitures vendues sans pose : 20 %.",
                           "En cas de retard de paiement : pénalités au taux de trois fois l'intérêt légal et "
                           "indemnité forfaitaire de 40 € pour frais de recouvrement."]):
        txt(c, 50, y - 11 * i, s, 7.5, "Times-Roman")
    for i, s in enumerate(["SARL Lefèvre & Fils au capital de 8 000 € – SIRET 318 554 209 00024 – RCS Rouen – APE "
                           "4334Z – N° TVA FR 59 318554209",
                           "Assurance décennale SMABTP, police n° 4781203/1000 – Artisan inscrit au Répertoire des "
                           "Métiers de la Seine-Maritime"]):
        centre_h16(c, 297.5, 60 - 9 * i, s, 7, "Times-Roman")
    c.save()


def en_ie_waste_collection(d, path, rng):
    """An Irish waste contractor's monthly commercial bill laid out like a utility's: a coloured band
    with the contractor's name, the business customer at the left, an account summary box at the
    right (account and invoice numbers, invoice date as 14 March 2024, the billing period, the
    direct debit), a summary with the balance brought forward and the payment received, the
    charges of the period by bin (lifts and weight at 13.5 %, bin rental and supplies at 23 %), a
    log of the lifts with their dates and weights, a VAT analysis and the permit numbers."""
    first = (d.date.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    last = d.date.replace(day=1) - dt.timedelta(days=1)
    weekday = rng.randint(0, 4)
    days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    lifts = [x for x in days if x.weekday() == weekday]
    fortnight = lifts[::2]
    weights = [rng.randint(38, 112) for _ in lifts]
    services = [("240L Mixed Dry Recycling", "Lift charge (fortnightly)", len(fortnight), "lift", ["4.50", "5.25"]),
                ("240L Food Waste (brown bin)", "Lift charge", len(lifts), "lift", ["3.80", "4.20"]),
                ("240L Glass", "Lift charge (monthly)", 1, "lift", ["9.50", "11.00"])]
    supplies = [("1100L General Waste", "Bin rental (monthly)", 1, "month", ["12.00", "14.50"]),
                ("1100L General Waste", "Bin lock supply & fit", 1, "each", ["35.00", "42.00"]),
                ("240L Mixed Dry Recycling", "Replacement wheelie bin", 1, "each", ["45.00", "52.00"])]
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "13.5" if i == 0 else rate  # the general waste lifts are always billed
        if rate == "13.5" and n[rate] == 0:
            per_lift = Decimal(rng.choice(["14.50", "16.00", "18.00"]))
            per_kg = Decimal(rng.choice(["0.21", "0.23", "0.26"]))
            rows.append(("1100L General Waste", "Lift charge (weekly)", len(lifts), "lift", per_lift, rate))
            rows.append(("1100L General Waste", "Weight charge (see lift log)", sum(weights), "kg", per_kg, rate))
        elif rate == "13.5":
            b, s, qty, unit_name, prices = services[n[rate] - 1]
            rows.append((b, s, qty, unit_name, Decimal(rng.choice(prices)), rate))
        else:
            b, s, qty, unit_name, prices = supplies[n[rate]]
            rows.append((b, s, qty, unit_name, Decimal(rng.choice(prices)), rate))
        n[rate] += 1
    rows = [r + (q(r[2] * r[4]),) for r in rows]
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h16(d, base)
    d.number = f"GW{rng.randint(1000000, 1999999)}"
    prev = Decimal(rng.randint(15000, 90000)) / 100
    paid = d.date.replace(day=1) + dt.timedelta(days=rng.randint(1, 6))
    paid = min(paid, d.date)
    debit = d.date + dt.timedelta(days=14)

    def long_ie(day):
        return f"{day.day} {MONTH_NAMES['en'][day.month - 1]} {day.year}"

    c = pen(path)
    c.setFillColorRGB(0.08, 0.36, 0.22)
    c.rect(0, 772, 595, 70, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    txt(c, 50, 808, "GREENSIDE", 24, "Helvetica-Bold")
    txt(c, 50, 790, "Waste & Recycling", 12, "Helvetica")
    for i, s in enumerate(["Commercial Waste · Skip Hire · Confidential Shredding",
                           "Unit 4, Ballymount Industrial Estate, Dublin 12, D12 K7P3",
                           "Tel 01 460 2290 · accounts@greenside.ie · www.greenside.ie"]):
        txt(c, 545, 815 - 12 * i, s, 8, "Helvetica", right=True)
    c.setFillColorRGB(0, 0, 0)
    txt(c, 50, 742, "INVOICE", 16, "Helvetica-Bold")
    who = rng.choice([("The Accounts Manager", "Hanlon's Bar & Kitchen Ltd", "22 Main Street", "Naas",
                       "Co. Kildare W91 X2C4"),
                      ("Accounts Payable", "Brennan Print Finishing Ltd", "Unit 9, Cookstown Business Park",
                       "Tallaght", "Dublin 24 D24 FX81"),
                      ("The Practice Manager", "Riverside Dental Care", "3 Quay Street", "Athlone",
                       "Co. Westmeath N37 E2H6")])
    for i, s in enumerate(who):
        txt(c, 50, 720 - 13 * i, s, 10, "Helvetica-Bold" if i == 1 else "Helvetica")
    c.setStrokeColorRGB(0.08, 0.36, 0.22)
    c.setLineWidth(1.2)
    c.rect(330, 618, 215, 132)
    c.setLineWidth(1)
    c.setStrokeColorRGB(0, 0, 0)
    txt(c, 338, 738, "Account summary", 10, "Helvetica-Bold")
    acct = f"{rng.randint(100, 399)}-{rng.randint(10000, 99999)}"
    for i, (k, v) in enumerate([("Account number", acct), ("Invoice number", d.number),
                                ("Invoice date", long_ie(d.date)),
                                ("Billing period", f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"),
                                ("Payment method", "Direct Debit")]):
        yy = 722 - 13 * i
        txt(c, 338, yy, k, 8, "Helvetica")
        txt(c, 540, yy, v, 8, "Helvetica-Bold", right=True)
    c.line(338, 652, 537, 652)
    txt(c, 338, 637, "Amount due", 11, "Helvetica-Bold")
    txt(c, 540, 637, "€" + us(d.ttc), 13, "Helvetica-Bold", right=True)
    txt(c, 338, 624, f"To be collected by Direct Debit on or after {long_ie(debit)}", 7, "Helvetica-Oblique")
    y = 590
    txt(c, 50, y, "Summary of charges", 11, "Helvetica-Bold")
    summary = [("Balance brought forward from previous invoice", us(prev)),
               (f"Payment received {paid:%d/%m/%Y} – thank you", "-" + us(prev)),
               ("Charges this period (excl. VAT)", us(d.ht)), ("VAT", us(d.tva)),
               ("Total amount due", us(d.ttc))]
    for i, (k, v) in enumerate(summary):
        yy = y - 16 - 14 * i
        f = "Helvetica-Bold" if i == len(summary) - 1 else "Helvetica"
        txt(c, 50, yy, k, 9, f)
        txt(c, 300, yy, "€" + v if not v.startswith("-") else "-€" + v[1:], 9, f, right=True)
    c.line(50, y - 16 - 14 * 4 + 11, 300, y - 16 - 14 * 4 + 11)
    y = 480
    txt(c, 50, y, "Charges this period", 11, "Helvetica-Bold")
    txt(c, 50, y - 13, f"Collection address: {who[1]}, {who[2]}, {who[3]}  ·  Collection day: "
                       f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][weekday]}", 8, "Helvetica")
    y -= 36
    c.setFillColorRGB(0.88, 0.93, 0.89)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for x, h, right in [(54, "Bin", False), (170, "Service", False), (365, "Qty", True), (372, "Unit", False),
                        (440, "Rate €", True), (480, "VAT", True), (541, "Net €", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for b, s, qty, unit_name, each, rate, amount in rows:
        y -= 15
        txt(c, 54, y, b, 8, "Helvetica")
        txt(c, 170, y, s, 8)
        txt(c, 365, y, f"{qty:,}", 8, right=True)
        txt(c, 372, y, unit_name, 8)
        txt(c, 440, y, us(each), 8, right=True)
        txt(c, 480, y, f"{rate}%", 8, right=True)
        txt(c, 541, y, us(amount), 8, right=True)
    c.line(50, y - 6, 545, y - 6)
    y -= 30
    top = y
    txt(c, 50, y, "Lift log – 1100L General Waste", 9, "Helvetica-Bold")
    for i, (day, kg) in enumerate(zip(lifts, weights)):
        yy = y - 13 - 11 * i
        txt(c, 50, yy, f"{day:%a %d/%m/%Y}", 8, "Helvetica")
        txt(c, 160, yy, f"{kg} kg", 8, right=True)
        txt(c, 170, yy, f"Truck {rng.choice(['GW21', 'GW14', 'GW09'])}", 7.5)
    txt(c, 50, y - 13 - 11 * len(lifts), f"Total weight: {sum(weights):,} kg", 8, "Helvetica-Bold")
    txt(c, 300, top, "VAT analysis", 9, "Helvetica-Bold")
    for x, h in [(300, "Rate"), (400, "Net €"), (470, "VAT €"), (541, "Gross €")]:
        txt(c, x, top - 13, h, 8, "Helvetica-Oblique", right=x > 300)
    yy = top - 26
    for r in sorted(d.base, key=Decimal):
        txt(c, 300, yy, f"{r}%", 8.5, "Helvetica")
        txt(c, 400, yy, us(d.base[r]), 8.5, right=True)
        txt(c, 470, yy, us(d.vat[r]), 8.5, right=True)
        txt(c, 541, yy, us(d.base[r] + d.vat[r]), 8.5, right=True)
        yy -= 12
    c.line(300, yy + 9, 545, yy + 9)
    txt(c, 300, yy - 2, "Total", 8.5, "Helvetica-Bold")
    txt(c, 400, yy - 2, us(d.ht), 8.5, "Helvetica-Bold", right=True)
    txt(c, 470, yy - 2, us(d.tva), 8.5, "Helvetica-Bold", right=True)
    txt(c, 541, yy - 2, us(d.ttc), 8.5, "Helvetica-Bold", right=True)
    y = min(y - 13 - 11 * len(lifts), yy) - 30
    for i, s in enumerate(["Waste collection services are charged at the reduced rate of 13.5%; bin rental and "
                           "supplies at the standard rate of 23%.",
                           "Queries on this invoice should be raised within 14 days. Please quote your account number "
                           "in all correspondence.",
                           "Contaminated recycling bins may be charged as general waste."]):
        txt(c, 50, y - 11 * i, s, 7.5, "Helvetica")
    c.setStrokeColorRGB(0.08, 0.36, 0.22)
    c.line(50, 70, 545, 70)
    c.setStrokeColorRGB(0, 0, 0)
    for i, s in enumerate(["Greenside Waste & Recycling Ltd. Registered in Ireland No. 512884. Registered office as "
                           "above. VAT No. IE 9718234R.",
                           "Waste Collection Permit NWCPO-12-03456-02  ·  Directors: P. Kavanagh, S. Doyle  ·  "
                           "Bank: AIB, IBAN IE29 AIBK 9311 5212 3456 78"]):
        centre_h16(c, 297.5, 58 - 9 * i, s, 6.8, "Helvetica")
    c.save()


def de_weinhandlung(d, path, rng):
    """A German wine merchant's invoice to an inn as a DIN letter: the merchant's name in a script-
    like serif over a thin rule, the return line over the address window, an information block at
    the right (customer number, invoice number, date, delivery note and delivery date, the order
    date, who handled it), a greeting, positions with article numbers, vintage wines and water at
    19 % (with the crate deposit) and delicatessen at 7 %, the net value and one VAT line per rate
    over its base, the invoice amount double-underlined, the cash discount terms with both dates
    and the four-column footer."""
    cat = {"19": [("20418", "2022 Silvaner trocken, Escherndorfer Lump, 0,75 l", "Fl.", [6, 12, 18, 24],
                   ["9.80", "11.40", "12.90"]),
                  ("31207", "2021 Spätburgunder trocken, Centgrafenberg, 0,75 l", "Fl.", [6, 12],
                   ["16.80", "18.60"]),
                  ("50112", "Mineralwasser medium, 12 x 0,75 l Glas", "Kiste", [3, 5, 8], ["8.40", "9.10"]),
                  ("22935", "2023 Bacchus Kabinett, Bocksbeutel 0,75 l", "Fl.", [12, 18], ["7.60", "8.20"])],
           "7": [("80345", "Olivenöl nativ extra, Kreta, 5-l-Kanister", "Stk.", [1, 2], ["48.50", "54.00"]),
                 ("81120", "Pasta di Gragnano, Spaghetti, 12 x 500 g", "Ktn.", [1, 2, 3], ["27.60", "29.90"]),
                 ("80971", "Aceto Balsamico di Modena IGP, 6 x 0,5 l", "Ktn.", [1], ["31.80", "36.40"]),
                 ("82204", "Fränkischer Senf, grob, 6 x 1 kg Eimer", "Ktn.", [1], ["22.30", "24.90"])]}
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "19" if i == 0 else rate  # a wine merchant's invoice starts with wine
        art, name, unit_name, qtys, prices = cat[rate][n[rate]]
        n[rate] += 1
        qty = rng.choice(qtys)
        each = Decimal(rng.choice(prices))
        rows.append((art, name, qty, unit_name, each, rate, q(qty * each)))
        if art == "50112":
            rows.append(("99001", "Pfand Kiste 12 x 0,75 l Glas (3,30 €)", qty, "Kiste", Decimal("3.30"), rate,
                         q(qty * Decimal("3.30"))))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h16(d, base)
    d.number = f"R{d.date:%y}-{rng.randint(1000, 6999)}"
    ordered = d.before - dt.timedelta(days=rng.randint(1, 4))
    skonto_day = d.date + dt.timedelta(days=10)
    c = pen(path)
    txt(c, 50, 805, "W E I N H A N D L U N G", 8, "Times-Roman")
    txt(c, 50, 783, "Kessler & Söhne", 24, "Times-BoldItalic")
    txt(c, 545, 800, "seit 1898", 10, "Times-Italic", right=True)
    txt(c, 545, 787, "Weine · Sekte · Spirituosen · Feinkost", 9, "Times-Italic", right=True)
    c.setLineWidth(0.5)
    c.line(50, 774, 545, 774)
    c.setLineWidth(1)
    txt(c, 57, 728, "Weinhandlung Kessler & Söhne OHG · Marktplatz 7 · 97070 Würzburg", 6.5, "Helvetica")
    c.line(57, 725, 290, 725)
    inn = rng.choice([("Gasthaus Zum Hirschen", "Inh. Markus Brand", "Domstraße 12", "97070 Würzburg"),
                      ("Hotel-Restaurant Mainblick GmbH", "Küche / Einkauf", "Uferstraße 3", "97286 Sommerhausen"),
                      ("Weinstube Am Kranen", "Frau Sabine Pfister", "Büttnergasse 5", "97070 Würzburg")])
    for i, s in enumerate(inn):
        txt(c, 57, 708 - 13 * i, s, 10, "Helvetica")
    info = [("Kunden-Nr.", f"{rng.randint(10000, 19999)}"), ("Rechnungs-Nr.", d.number),
            ("Datum", f"{d.date:%d.%m.%Y}"), ("Lieferschein-Nr.", f"LS {rng.randint(24000, 29999)}"),
            ("Lieferdatum", f"{d.before:%d.%m.%Y}"), ("Ihre Bestellung vom", f"{ordered:%d.%m.%Y}"),
            ("Bearbeiter/in", rng.choice(["Fr. Lang", "Hr. Seuffert", "Fr. Kraus"])),
            ("Telefon", "0931 35 27 40")]
    for i, (k, v) in enumerate(info):
        yy = 730 - 12 * i
        txt(c, 370, yy, k, 8, "Helvetica")
        txt(c, 460, yy, v, 8, "Helvetica")
    txt(c, 57, 600, "Rechnung", 14, "Helvetica-Bold")
    salut = {"Gasthaus Zum Hirschen": "Sehr geehrter Herr Brand,", "Weinstube Am Kranen": "Sehr geehrte Frau Pfister,"}
    txt(c, 57, 578, salut.get(inn[0], "Sehr geehrte Damen und Herren,"), 10, "Helvetica")
    txt(c, 57, 564, "für unsere Lieferung berechnen wir Ihnen wie folgt:", 10, "Helvetica")
    y = 536
    for x, h, right in [(57, "Pos.", False), (82, "Art.-Nr.", False), (125, "Bezeichnung", False),
                        (380, "Menge", True), (386, "Einh.", False), (460, "E-Preis €", True), (508, "Gesamt €", True),
                        (540, "USt", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    c.line(57, y - 4, 545, y - 4)
    for k, (art, name, qty, unit_name, each, rate, amount) in enumerate(rows, 1):
        y -= 15
        txt(c, 57, y, str(k), 8.5, "Helvetica")
        txt(c, 82, y, art, 8.5)
        txt(c, 125, y, name, 8.5)
        txt(c, 380, y, str(qty), 8.5, right=True)
        txt(c, 386, y, unit_name, 8.5)
        txt(c, 460, y, eu(each), 8.5, right=True)
        txt(c, 508, y, eu(amount), 8.5, right=True)
        txt(c, 540, y, f"{rate} %", 8, right=True)
    c.line(57, y - 6, 545, y - 6)
    y -= 24
    trows = [("Warenwert netto", eu(d.ht), False)]
    for r in sorted(d.base, key=Decimal):
        trows.append((f"zzgl. {r} % USt. auf {eu(d.base[r])} €", eu(d.vat[r]), False))
    trows.append(("Rechnungsbetrag", eu(d.ttc), True))
    for i, (a, v, bold) in enumerate(trows):
        yy = y - 15 * i
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 300, yy, a, 9.5, f)
        txt(c, 508, yy, v, 9.5, f, right=True)
        txt(c, 512, yy, "€", 9.5, f)
    yy = y - 15 * (len(trows) - 1)
    c.line(430, yy + 12, 545, yy + 12)
    c.line(430, yy - 4, 545, yy - 4)
    c.line(430, yy - 6, 545, yy - 6)
    y = yy - 34
    skonto = q(d.ttc * Decimal("0.02"))
    for i, s in enumerate(["Leistungsdatum entspricht Lieferdatum.",
                           f"Zahlbar bis {skonto_day:%d.%m.%Y} mit 2 % Skonto ({eu(skonto)} €, Zahlbetrag "
                           f"{eu(d.ttc - skonto)} €) oder bis {d.other:%d.%m.%Y} netto ohne Abzug.",
                           "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. Leergut wird bei der "
                           "nächsten Lieferung gutgeschrieben.",
                           "", "Mit freundlichen Grüßen", "Weinhandlung Kessler & Söhne"]):
        txt(c, 57, y - 13 * i, s, 9, "Helvetica")
    c.setLineWidth(0.4)
    c.line(50, 92, 545, 92)
    c.setLineWidth(1)
    cols = [["Weinhandlung Kessler & Söhne OHG", "Marktplatz 7", "97070 Würzburg", "www.kessler-wein.de"],
            ["Tel. 0931 35 27 40", "Fax 0931 35 27 49", "info@kessler-wein.de"],
            ["Sparkasse Mainfranken", "IBAN DE42 7905 0000 0042 1187 93", "BIC BYLADEM1SWU"],
            ["Gesellschafter: T. und J. Kessler", "Amtsgericht Würzburg HRA 2217", "USt-IdNr. DE 134 552 870",
             "Steuer-Nr. 257/153/40128"]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 50 + 127 * j, 82 - 8 * i, s, 6.3, "Helvetica")
    c.save()


def nl_slijterij_bon(d, path, rng):
    """A Dutch liquor store's till receipt: the shop's name centred, the receipt, till, cashier,
    date and time, spirits, wine and beer at 21 % and soft drinks, alcohol-free beer and snacks at
    9 % with a letter code, a multi-buy discount line, the total with the number of articles and
    the card payment, a VAT table with the amounts excl. VAT, VAT and incl. VAT per rate and a
    total row, the age check and loyalty points, then the card terminal's customer slip."""
    cat = {"21": [("HENDRICK'S GIN 70CL", ["34.99", "36.49"]), ("BOLS JONGE JENEVER 1L", ["17.49", "18.99"]),
                  ("RIOJA CRIANZA 75CL", ["8.99", "9.99"]), ("GLENFIDDICH 12Y 70CL", ["39.99", "42.99"]),
                  ("PROSECCO DOC EXTRA DRY", ["7.49", "8.49"])],
           "9": [("FEVER-TREE TONIC 4X20CL", ["5.49", "5.99"]), ("BAVARIA 0.0 6X33CL", ["5.79", "6.29"]),
                 ("BORRELNOTEN 300G", ["3.29", "3.49"]), ("OLIJVEN GROEN 200G", ["2.79", "2.99"])]}
    rows, n = [], defaultdict(int)  # (name, qty, each, rate, amount, discount)
    for i, (_, qty, _, rate) in enumerate(d.lines):
        rate = "21" if i == 0 else rate  # a liquor store's receipt always has a bottle
        name, prices = cat[rate][n[rate]]
        n[rate] += 1
        each = Decimal(rng.choice(prices))
        k = 1 if qty > 6 else (2 if qty > 3 else (qty if qty > 1 else 1))
        k = min(k, 3)
        disc = q(each / 2) if rate == "21" and k >= 2 and each < 20 else Decimal(0)
        rows.append((name, k, each, rate, q(k * each), disc))
    gross = defaultdict(Decimal)
    for name, k, each, rate, amount, disc in rows:
        gross[rate] += amount - disc
    gross_h16(d, gross)
    code = {"9": "A", "21": "B"}
    kassa = rng.randint(1, 3)
    d.number = f"{kassa}-{rng.randint(10000, 99999)}"
    hh, mm = rng.randint(10, 20), rng.randint(0, 58)
    lines_n = len(rows) + sum(1 for r in rows if r[1] > 1) + sum(1 for r in rows if r[5])
    height = 450 + 11 * lines_n + 11 * len(d.base)
    c = canvas.Canvas(path, pagesize=(210, height), invariant=1)
    y = height - 26

    def line(s, right=None, size=7.5, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h16(c, 105, y, s, size, font)
        else:
            txt(c, 9, y, s, size, font)
        if right is not None:
            txt(c, 201, y, right, size, font, right=True)
        y -= size + 3.5

    line("DE WIJNKELDER", size=12, font="Helvetica-Bold", center=True)
    line("Slijterij & Wijnhandel", size=7.5, font="Helvetica-Oblique", center=True)
    for s in ["Oudegracht 211", "3511 NH  Utrecht", "Tel. 030-231 44 55", "KvK 30187652  BTW NL812344671B01"]:
        line(s, size=7, center=True)
    y -= 5
    line(f"Bon {d.number}", f"Kassa {kassa}", size=7.5)
    line(f"{d.date:%d-%m-%Y}  {hh:02d}:{mm:02d}", f"Mdw: {rng.choice(['Ilse', 'Joost', 'Fatima', 'Ruud'])}")
    line("-" * 42, size=6.5)
    for name, k, each, rate, amount, disc in rows:
        if k > 1:
            line(f"  {k} x {eu(each, '')}", size=7)
        line(name, f"{eu(amount, '')} {code[rate]}")
        if disc:
            line("  2E HALVE PRIJS", f"-{eu(disc, '')} {code[rate]}", size=7)
    line("-" * 42, size=6.5)
    articles = sum(r[1] for r in rows)
    line(f"TOTAAL ({articles} art.)", f"EUR {eu(d.ttc, '')}", size=9, font="Courier-Bold")
    line("PIN", eu(d.ttc, ""))
    saved = sum(r[5] for r in rows)
    if saved:
        line("U heeft vandaag bespaard", eu(saved, ""), size=7)
    y -= 5
    line(f"{'BTW':<8}{'Excl':>9}{'BTW':>8}{'Incl':>9}", size=7, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        line(f"{code[r]} {r:>3}%  {eu(d.base[r], ''):>9}{eu(d.vat[r], ''):>8}{eu(d.base[r] + d.vat[r], ''):>9}",
             size=7)
    line(f"{'Totaal':<8}{eu(d.ht, ''):>9}{eu(d.tva, ''):>8}{eu(d.ttc, ''):>9}", size=7)
    y -= 5
    line("NIX18 - leeftijd gecontroleerd", size=7, center=True)
    points = int(d.ttc)
    line(f"Spaarpunten: {points}  Saldo: {points + rng.randint(20, 400)}", size=7, center=True)
    line("Ruilen binnen 14 dagen met kassabon", size=7, center=True)
    y -= 8
    line("*** KLANTTICKET ***", size=7, font="Courier-Bold", center=True)
    for a, b in [("Terminal", f"{rng.randint(10000000, 99999999)}"), ("Merchant", f"{rng.randint(100000, 999999)}"),
                 ("Periode", f"{rng.randint(4001, 4365)}"), ("Transactie", f"{rng.randint(10000000, 99999999)}")]:
        line(a, b, size=7)
    line(rng.choice(["MAESTRO", "V PAY", "DEBIT MASTERCARD"]), f"(A0000000{rng.randint(10, 99)}1010)", size=7)
    line("Kaart", f"xxxxxxxxxxxxxxx{rng.randint(100, 999)}", size=7)
    line("Kaartvolgnummer", f"{rng.randint(1, 9):03d}", size=7)
    line("BETALING", size=7)
    line(f"Datum {d.date:%d/%m/%Y}", f"{hh:02d}:{mm + 1:02d}", size=7)
    line("Autorisatiecode", f"{rng.randint(100000, 999999)}", size=7)
    line("Totaal", f"{eu(d.ttc, '')} EUR", size=7.5, font="Courier-Bold")
    line("Leesmethode", "NFC chip", size=7)
    line("Betaling geslaagd", size=7, center=True)
    y -= 6
    line("Bedankt en tot ziens!", size=8, font="Helvetica-Oblique", center=True)
    c.save()


def es_papeleria(d, path, rng):
    """A Spanish stationer's invoice to a school: the shop's name and trade at the top left,
    "FACTURA" at the right, the issuer's and the customer's data in two framed boxes, a grey band
    of header cells (invoice number, date, customer code, payment, order and delivery note with
    their dates) with the values under it, lines with reference, quantity, price and discount,
    textbooks at 4 % and office supplies at 21 %, at the foot a ruled grid of bases, rates and
    VAT per rate beside the total, the due date with its amount, and the data protection text."""
    cat = {"4": [("9788467591234", "Matemáticas 3º ESO – Ed. SM, proyecto Revuela", ["42.50", "44.20"]),
                 ("9788414334567", "Lengua Castellana y Literatura 1º ESO – Santillana", ["44.90", "46.30"]),
                 ("9788468250123", "Marianela (B. Pérez Galdós) – Vicens Vives, Clásicos", ["9.95", "10.40"]),
                 ("9788469891247", "Atlas geográfico escolar – Anaya", ["21.30", "22.60"])],
           "21": [("PAP-A4-80", "Papel A4 80 g, caja 5 paquetes x 500 hojas", ["19.90", "22.40", "24.50"]),
                  ("TON-CF226A", "Tóner compatible HP 26A negro", ["54.00", "61.50"]),
                  ("ARC-AZ-LA", "Archivador A-Z lomo ancho, cartón forrado", ["2.35", "2.60"]),
                  ("ROT-PIZ-4", "Rotulador pizarra blanca, estuche 4 colores", ["3.80", "4.25"])]}
    rows, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "4" if i == 0 else rate  # the school orders its textbooks first
        ref, name, prices = cat[rate][n[rate]]
        n[rate] += 1
        qty = rng.randint(18, 30) if rate == "4" and "ESO" in name else rng.randint(2, 25)
        each = Decimal(rng.choice(prices))
        disc = 5 if rate == "4" else rng.choice([0, 0, 10, 15])
        rows.append((ref, name, qty, each, disc, rate, q(qty * each * (100 - disc) / 100)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h16(d, base)
    d.number = f"F{d.date:%Y}/{rng.randint(80, 2999):05d}"
    order_day = d.before - dt.timedelta(days=rng.randint(5, 20))
    c = pen(path)
    txt(c, 50, 798, "Papelería Albero", 20, "Helvetica-Bold")
    txt(c, 50, 784, "Material de oficina · Material escolar · Libros de texto · Consumibles informáticos", 8,
        "Helvetica-Oblique")
    txt(c, 545, 792, "FACTURA", 22, "Helvetica-Bold", right=True)
    c.roundRect(50, 690, 240, 78, 4)
    c.roundRect(305, 690, 240, 78, 4)
    txt(c, 56, 758, "EMISOR", 7, "Helvetica-Bold")
    for i, s in enumerate(["Albero Papelería y Suministros, S.L.", "C/ Conde de Aranda 54, local",
                           "50003 Zaragoza", "NIF B50987654 · Tel. 976 43 21 08", "pedidos@papeleriaalbero.es"]):
        txt(c, 56, 745 - 11 * i, s, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 311, 758, "CLIENTE", 7, "Helvetica-Bold")
    school = rng.choice([("Colegio Santa María del Pilar", "CIF R5000123C", "Pº Ruiseñores 30", "50006 Zaragoza"),
                         ("Colegio Sagrado Corazón – Fundación Educativa", "CIF R5000456J", "C/ Moncasi 6",
                          "50006 Zaragoza"),
                         ("Centro de Estudios Montearagón, S.Coop.", "CIF F50789123", "Ctra. de Huesca km 5",
                          "50830 Villanueva de Gállego")])
    for i, s in enumerate(school + ("Dpto. Administración",)):
        txt(c, 311, 745 - 11 * i, s, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    heads = [("Nº FACTURA", d.number), ("FECHA", f"{d.date:%d/%m/%Y}"), ("CÓD. CLIENTE", f"{rng.randint(4300, 4399)}"),
             ("FORMA DE PAGO", "Transferencia 30 días"),
             ("PEDIDO", f"{rng.randint(200, 899)} ({order_day:%d/%m/%y})"),
             ("ALBARÁN", f"A-{rng.randint(1000, 9999)} ({d.before:%d/%m/%y})")]
    widths = [80, 62, 68, 105, 85, 95]
    x = 50
    c.setFillGray(0.82)
    c.rect(50, 656, 495, 14, stroke=0, fill=1)
    c.setFillGray(0)
    for (k, v), w in zip(heads, widths):
        c.rect(x, 638, w, 32)
        txt(c, x + 4, 660, k, 7, "Helvetica-Bold")
        txt(c, x + 4, 644, v, 8.5, "Helvetica")
        x += w
    y = 610
    c.setFillGray(0.82)
    c.rect(50, y - 5, 495, 15, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Referencia", False), (130, "Descripción", False), (375, "Cant.", True),
                        (425, "Precio", True), (458, "Dto.", True), (488, "IVA", True), (541, "Importe", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for ref, name, qty, each, disc, rate, amount in rows:
        y -= 16
        txt(c, 54, y, ref, 7.5, "Helvetica")
        txt(c, 130, y, name, 8)
        txt(c, 375, y, str(qty), 8, right=True)
        txt(c, 425, y, eu(each), 8, right=True)
        txt(c, 458, y, f"{disc}%" if disc else "", 8, right=True)
        txt(c, 488, y, f"{rate}%", 8, right=True)
        txt(c, 541, y, eu(amount), 8, right=True)
        c.setStrokeGray(0.8)
        c.line(50, y - 5, 545, y - 5)
        c.setStrokeGray(0)
    txt(c, 54, y - 20, "Libros de texto con el descuento máximo del 5 % (Ley 10/2007, de la lectura, del libro y de "
                       "las bibliotecas).", 7.5, "Helvetica-Oblique")
    # Foot: a grid of bases, rates and VAT per rate, and the total at the right.
    top = 200
    cols = [(50, 100, "IMPORTE BRUTO"), (150, 100, "BASE IMPONIBLE"), (250, 50, "% IVA"), (300, 90, "CUOTA IVA")]
    rates = sorted(d.base, key=Decimal)
    hgt = 16 + 14 * len(rates)
    for x0, w, h in cols:
        c.rect(x0, top - hgt, w, hgt + 14)
        txt(c, x0 + 4, top + 3, h, 7, "Helvetica-Bold")
    c.line(50, top, 390, top)
    for i, r in enumerate(rates):
        yy = top - 13 - 14 * i
        brut = sum(q(rw[2] * rw[3]) for rw in rows if rw[5] == r)
        txt(c, 146, yy, eu(brut), 8.5, "Helvetica", right=True)
        txt(c, 246, yy, eu(d.base[r]), 8.5, right=True)
        txt(c, 296, yy, f"{r},00", 8.5, right=True)
        txt(c, 386, yy, eu(d.vat[r]), 8.5, right=True)
    c.setLineWidth(1.5)
    c.rect(405, top - hgt, 140, hgt + 14)
    c.setLineWidth(1)
    txt(c, 411, top + 3, "TOTAL FACTURA", 8, "Helvetica-Bold")
    txt(c, 539, top - hgt + 8, eu(d.ttc) + " €", 14, "Helvetica-Bold", right=True)
    yy = top - hgt - 16
    txt(c, 50, yy, f"Total base imponible: {eu(d.ht)} €      Total cuota IVA: {eu(d.tva)} €", 8.5, "Helvetica")
    txt(c, 50, yy - 14, f"Vencimiento: {d.date + dt.timedelta(days=30):%d/%m/%Y}      Importe: {eu(d.ttc)} €      "
                        f"IBAN: ES12 2085 5201 1103 3045 6789 (Ibercaja)", 8.5, "Helvetica-Bold")
    for i, s in enumerate(["Protección de datos: en cumplimiento del Reglamento (UE) 2016/679 y de la LO 3/2018, le "
                           "informamos de que sus datos se tratan por Albero Papelería y",
                           "Suministros, S.L. con la finalidad de gestionar la relación comercial. Puede ejercer sus "
                           "derechos en pedidos@papeleriaalbero.es.",
                           "Albero Papelería y Suministros, S.L. – Inscrita en el Registro Mercantil de Zaragoza, "
                           "Tomo 3.412, Folio 88, Hoja Z-41.207."]):
        txt(c, 50, 78 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def it_pastificio(d, path, rng):
    """An Italian fresh pasta maker's deferred invoice to a restaurant: the maker's name and
    company data at the top left, the customer with its VAT and SDI codes in a box at the right,
    two rows of labelled cells (document type, number, date, customer code, page; payment terms,
    bank, agent), the lines grouped under the delivery notes (DDT number and date) they come
    from, pasta at 4 %, sauces and gnocchi at 10 % and take-away trays at 22 % with the VAT code
    per line, a VAT summary with codes, the totals boxed at the right, the due date of the bank
    receipt, and the courtesy-copy and CONAI notes."""
    cat = {"4": [("TAGU", "Tagliatelle all'uovo", "KG", ["6.80", "7.20"]),
                 ("TORP", "Tortellini al prosciutto crudo", "KG", ["17.50", "18.90"]),
                 ("LASV", "Sfoglia per lasagne verdi", "KG", ["7.40", "7.90"]),
                 ("GARG", "Garganelli al pettine", "KG", ["7.60", "8.10"])],
           "10": [("RAGB", "Ragù alla bolognese, vaschetta 1 kg", "PZ", ["11.80", "12.60"]),
                  ("GNOP", "Gnocchi di patate", "KG", ["4.90", "5.40"]),
                  ("BESC", "Besciamella, vaschetta 1 kg", "PZ", ["5.20", "5.80"])],
           "22": [("VAS1", "Vaschette alluminio asporto 1 porz. (conf. 100)", "CF", ["14.90", "16.50"]),
                  ("SACV", "Sacchetti sottovuoto 20x30 (conf. 100)", "CF", ["9.80", "11.20"]),
                  ("CFOR", "Carta forno professionale, rotolo 50 m", "PZ", ["6.40", "7.10"])]}
    items, n = [], defaultdict(int)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "4" if i == 0 else rate  # a pasta maker sells pasta first
        code, name, unit_name, prices = cat[rate][n[rate]]
        n[rate] += 1
        qty = Decimal(rng.choice([5, 6, 8, 10, 12, 15, 20])) if unit_name == "KG" else Decimal(rng.randint(2, 12))
        each = Decimal(rng.choice(prices))
        disc = rng.choice([0, 0, 5, 10]) if rate != "22" else 0
        items.append((code, name, unit_name, qty, each, disc, rate))
    ddts = sorted(rng.sample(range(3, 29), rng.randint(2, 3)), reverse=True)
    ddt_days = [d.date - dt.timedelta(days=k) for k in ddts]
    first_ddt = rng.randint(200, 900)
    groups = []  # (ddt number, ddt date, [rows])
    for j, day in enumerate(ddt_days):
        groups.append((first_ddt + 7 * j, day, []))
    for k, (code, name, unit_name, qty, each, disc, rate) in enumerate(items):
        amount = q(qty * each * (100 - disc) / 100)
        groups[k % len(groups)][2].append((code, name, unit_name, qty, each, disc, rate, amount))
    groups = [g for g in groups if g[2]]
    base = defaultdict(Decimal)
    for g in groups:
        for r in g[2]:
            base[r[6]] += r[7]
    net_h16(d, base)
    d.number = f"{rng.randint(60, 700)}/FD"
    due = eom_h16(d.date + dt.timedelta(days=30))
    c = pen(path)
    txt(c, 50, 802, "PASTIFICIO F.LLI MARCHETTI", 15, "Helvetica-Bold")
    txt(c, 50, 789, "di Marchetti Luca & C. S.n.c. – Pasta fresca e ripiena dal 1974", 8.5, "Helvetica-Oblique")
    for i, s in enumerate(["Via Emilia Ovest 412 – 41123 Modena (MO)",
                           "Tel. 059 827 441 – ordini@pastificiomarchetti.it",
                           "P.IVA e C.F. 02845610364 – REA MO-334512", "Cap. soc. € 20.000,00 i.v."]):
        txt(c, 50, 776 - 10 * i, s, 8, "Helvetica")
    c.rect(320, 730, 225, 78)
    txt(c, 326, 798, "Spett.le", 7.5, "Helvetica-Oblique")
    who = rng.choice([("Ristorante La Ghirlandina S.r.l.", "Via Canalino 21", "41121 Modena (MO)", "03198760368",
                       "M5UXCR1"),
                      ("Trattoria Da Gianni di Bonfatti G.", "Piazza Grande 9", "41012 Carpi (MO)", "02771430364",
                       "KRRH6B9"),
                      ("Osteria del Cavaliere S.a.s.", "Corso Canalgrande 40", "41121 Modena (MO)", "03540120361",
                       "T04ZHR3")])
    for i, s in enumerate([who[0], who[1], who[2], f"P.IVA {who[3]}", f"Codice destinatario SDI: {who[4]}"]):
        txt(c, 326, 786 - 11 * i, s, 9 if i == 0 else 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    row1 = [(50, 150, "Tipo documento", "FATTURA DIFFERITA"), (200, 80, "Numero", d.number),
            (280, 85, "Data documento", f"{d.date:%d/%m/%Y}"), (365, 90, "Cod. cliente", f"C{rng.randint(1000, 1999)}"),
            (455, 90, "Pagina", "1 di 1")]
    for x, w, k, v in row1:
        cell_h16(c, x, 686, w, 26, k, v, 9)
    row2 = [(50, 190, "Pagamento", "RI.BA. 30 GG D.F. FINE MESE"),
            (240, 215, "Banca d'appoggio", "BPER Banca – Ag. 4 Modena – ABI 05387 CAB 12904"),
            (455, 90, "Agente", rng.choice(["ROSSI M.", "BERTANI P.", "—"]))]
    for x, w, k, v in row2:
        cell_h16(c, x, 660, w, 26, k, v, 8)
    y = 636
    c.setFillGray(0.86)
    c.rect(50, y - 5, 495, 15, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Codice", False), (92, "Descrizione", False), (318, "U.M.", False),
                        (380, "Quantità", True), (430, "Prezzo", True), (462, "Sc.%", True), (520, "Importo", True),
                        (541, "IVA", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for num, day, rows in groups:
        y -= 17
        txt(c, 92, y, f"Rif. DDT n. {num} del {day:%d/%m/%Y}", 8.5, "Helvetica-BoldOblique")
        for code, name, unit_name, qty, each, disc, rate, amount in rows:
            y -= 14
            txt(c, 54, y, code, 8, "Helvetica")
            txt(c, 92, y, name, 8.5)
            txt(c, 318, y, unit_name, 8)
            txt(c, 380, y, eu(qty, ".").replace(",00", ",000") if unit_name == "KG" else str(int(qty)), 8.5, right=True)
            txt(c, 430, y, eu(each), 8.5, right=True)
            txt(c, 462, y, f"{disc},00" if disc else "", 8.5, right=True)
            txt(c, 520, y, eu(amount), 8.5, right=True)
            txt(c, 541, y, f"{int(rate):02d}", 8.5, right=True)
    c.line(50, y - 8, 545, y - 8)
    txt(c, 54, y - 20, "Trasporto a cura del cedente con mezzo refrigerato. Merce consegnata come da DDT sopra "
                       "indicati.", 7.5, "Helvetica-Oblique")
    # VAT summary at the left, totals at the right.
    top = 235
    txt(c, 50, top + 6, "RIEPILOGO IVA", 8, "Helvetica-Bold")
    desc = {"4": "Aliquota 4% – beni prima necessità", "10": "Aliquota 10%", "22": "Aliquota ordinaria 22%"}
    rates = sorted(d.base, key=Decimal)
    c.rect(50, top - 18 - 13 * len(rates), 290, 20 + 13 * len(rates))
    for x, h in [(54, "Cod."), (84, "Descrizione"), (270, "Imponibile"), (336, "Imposta")]:
        txt(c, x, top - 9, h, 7.5, "Helvetica-Bold", right=x > 200)
    for i, r in enumerate(rates):
        yy = top - 22 - 13 * i
        txt(c, 54, yy, f"{int(r):02d}", 8, "Helvetica")
        txt(c, 84, yy, desc[r], 8)
        txt(c, 270, yy, eu(d.base[r]), 8, right=True)
        txt(c, 336, yy, eu(d.vat[r]), 8, right=True)
    for i, (k, v, bold) in enumerate([("Totale imponibile", d.ht, False), ("Totale IVA", d.tva, False),
                                      ("TOTALE DOCUMENTO €", d.ttc, True)]):
        yy = top - 22 * i
        c.setLineWidth(1.5 if bold else 1)
        c.rect(360, yy - 14, 185, 22)
        c.setLineWidth(1)
        txt(c, 365, yy - 7, k, 9 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 540, yy - 7, eu(v), 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
    yy = top - 18 - 13 * len(rates) - 20
    txt(c, 50, min(yy, top - 60), f"Scadenze: {due:%d/%m/%Y}  € {eu(d.ttc)}  (RI.BA.)", 9, "Helvetica-Bold")
    for i, s in enumerate(["Contributo CONAI assolto ove dovuto. Prodotti freschi da conservare tra 0 °C e +4 °C; "
                           "consumare entro la data indicata in etichetta.",
                           "Copia di cortesia priva di valore fiscale: l'originale della fattura elettronica è "
                           "disponibile nella Sua area riservata del sito dell'Agenzia delle Entrate.",
                           "Fattura differita emessa ai sensi dell'art. 21, c. 4, lett. a) del D.P.R. 633/72 per le "
                           "cessioni documentate dai DDT sopra indicati."]):
        txt(c, 50, 100 - 10 * i, s, 6.6, "Helvetica")
    c.save()


# ---- layouts added for held-out set 17 (session 13) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a chocolatier's till receipt with bars at 5,5 % and chocolates at
# 20 %, a property diagnostics firm's invoice for the surveys before a sale, a furniture store's
# credit note for returned furniture with its eco-participation), a British boatyard's VAT invoice
# for a winter ashore, a German motor assessor's fee invoice to the liable party's insurer, a Dutch
# roofer's invoice (itemised or an instalment of the contract sum), a Spanish ice-cream parlour's
# simplified invoice and an Italian car hire firm's e-invoice as its courtesy copy. HELD_OUT_17:
# drawn in session 13, scored only as a table of its own, never inspected per document while tuning.

def net_h17(d, base):
    """Sets the bases per rate (net amounts as printed on the lines) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h17(d, gross):
    """Prices including VAT: per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h17(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fill_h17(c, x, y, w, h, grey):
    c.setFillGray(grey)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setFillGray(0)


def fr_chocolatier_ticket(d, path, rng):
    """A French chocolatier's till receipt on narrow paper: the house's name in a large serif over
    its trade and address, the ticket and till numbers, the date with the time and the saleswoman,
    sometimes the pre-order collected with its own number and date, bars, spreads and cocoa at
    5,5 % and chocolates, pralines by weight and confectionery at 20 % with a VAT code per line,
    the number of articles, the total, the payment with the change, a VAT table per code with the
    amounts excl. VAT, VAT and incl. VAT, the loyalty points and the storage advice."""
    cat = {"5.5": [("TABLETTE NOIR 72% 100G", ["5.90", "6.40", "6.90"]),
                   ("TABLETTE LAIT NOISETTES 100G", ["6.20", "6.80"]),
                   ("PATE A TARTINER 250G", ["9.50", "10.90"]), ("CACAO PUR EN POUDRE 250G", ["8.40", "8.90"]),
                   ("TABLETTE NOIR 85% EQUATEUR", ["6.60", "7.20"])],
           "20": [("BALLOTIN ASSORTI 250G", ["21.50", "23.00", "24.50"]),
                  ("PRALINES AU POIDS", None), ("ORANGETTES 150G", ["12.90", "13.80"]),
                  ("GUIMAUVES VANILLE 120G", ["7.20", "7.90"]), ("BALLOTIN ASSORTI 500G", ["41.00", "44.00"]),
                  ("MENDIANTS LAIT/NOIR 180G", ["11.50", "12.40"]), ("CARAMELS BEURRE SALE 200G", ["8.90", "9.60"])]}
    rates = ["20"] + [line[3] for line in d.lines[1:]]  # a chocolatier sells chocolates first
    if "5.5" not in rates:
        rates[-1] = "5.5"  # and a bar or a spread beside them
    rows, n = [], defaultdict(int)  # (name, detail, qty, amount, rate)
    for (_, qty, _, _), rate in zip(d.lines, rates):
        name, prices = cat[rate][n[rate] % len(cat[rate])]
        n[rate] += 1
        if prices is None:
            kg = Decimal(rng.randint(95, 420)) / 1000
            per_kg = Decimal(rng.choice(["92.00", "98.00", "104.00"]))
            rows.append((name, f"  {kg:.3f} kg x {eu(per_kg, '')} EUR/kg".replace(".", ","), 1, q(kg * per_kg), rate))
        else:
            k = 1 if qty < 6 else 2
            each = Decimal(rng.choice(prices))
            rows.append((name, f"  {k} x {eu(each, '')}" if k > 1 else None, k, q(k * each), rate))
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[4]] += r[3]
    gross_h17(d, gross)
    till = rng.randint(1, 2)
    d.number = f"{till:02d}-{rng.randint(10000, 99999)}"
    code = {"5.5": "1", "20": "2"}
    hh, mm = rng.randint(9, 18), rng.randint(0, 59)
    preorder = rng.random() < 0.4
    extra = sum(1 for r in rows if r[1]) + (2 if preorder else 0)
    height = 410 + 11 * (len(rows) + extra) + 11 * len(d.base)
    w = 212
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 30

    def line(s, right=None, size=7.5, font="Helvetica", center=False):
        nonlocal y
        if center:
            centre_h17(c, w / 2, y, s, size, font)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, w - 10, y, right, size, font, right=True)
        y -= size + 3.5

    line("Maison Aubertin", size=15, font="Times-BoldItalic", center=True)
    y -= 2
    line("CHOCOLATIER  -  CONFISEUR", size=7, font="Helvetica", center=True)
    for s in ["14, rue Colbert - 37000 TOURS", "Tel. 02 47 05 61 18", "SIRET 512 334 871 00019",
              "TVA FR 41 512334871"]:
        line(s, size=6.8, center=True)
    y -= 4
    line("-" * 46, size=6.5, font="Courier")
    line(f"TICKET N° {d.number}", f"CAISSE {till}", size=7.5, font="Helvetica-Bold")
    line(f"LE {d.date:%d/%m/%Y} A {hh:02d}:{mm:02d}",
         f"VENDEUSE : {rng.choice(['MANON', 'CLAIRE', 'INES', 'LEA'])}", size=7)
    if preorder:
        ordered = d.before
        line(f"RETRAIT COMMANDE N° C{rng.randint(100, 999)}", size=7)
        line(f"PASSEE LE {ordered:%d/%m/%Y}", size=7)
    line("-" * 46, size=6.5, font="Courier")
    for name, detail, k, amount, rate in rows:
        if detail:
            line(detail, size=6.8)
        line(name, f"{eu(amount, '')} {code[rate]}", size=7.5)
    line("-" * 46, size=6.5, font="Courier")
    articles = sum(r[2] for r in rows)
    line(f"{articles} ARTICLE(S)", size=7)
    line("TOTAL TTC", f"{eu(d.ttc, '')} EUR", size=10, font="Helvetica-Bold")
    y -= 2
    if rng.random() < 0.55:
        line("CARTE BANCAIRE", eu(d.ttc, ""), size=7.5)
        line("RENDU", "0,00", size=7.5)
    else:
        given = (int(d.ttc) // 10 + 1) * 10 + rng.choice([0, 0, 10])
        line("ESPECES", eu(Decimal(given), ""), size=7.5)
        line("RENDU", eu(Decimal(given) - d.ttc, ""), size=7.5)
    y -= 4
    line(f"{'CODE':<5}{'TAUX':>7}{'HT':>9}{'TVA':>8}{'TTC':>9}", size=6.8, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        line(f"{code[r]:<5}{fmt(r).replace(' ', ''):>7}{eu(d.base[r], ''):>9}{eu(d.vat[r], ''):>8}"
             f"{eu(d.base[r] + d.vat[r], ''):>9}", size=6.8, font="Courier")
    line(f"{'TOTAL':<12}{eu(d.ht, ''):>9}{eu(d.tva, ''):>8}{eu(d.ttc, ''):>9}", size=6.8, font="Courier")
    y -= 6
    points = int(d.ttc // 5)
    line(f"CARTE FIDELITE N° 2900{rng.randint(100000, 999999)}", size=6.8, center=True)
    line(f"POINTS GAGNES : {points}   CUMUL : {points + rng.randint(5, 180)}", size=6.8, center=True)
    y -= 4
    for s in ["A conserver entre 16 et 18 degres,", "a l'abri de la lumiere et de l'humidite.",
              "Facture sur demande.", "", "MERCI DE VOTRE VISITE !",
              "www.maison-aubertin.fr"]:
        line(s, size=6.8, font="Helvetica-Oblique" if s.startswith("MERCI") else "Helvetica", center=True)
    c.save()


def fr_diagnostic_immobilier(d, path, rng):
    """A French property diagnostics firm's invoice for the surveys before a sale or a letting: the
    firm's name with its certification line, "FACTURE N° … du …" white on a dark band, the
    property surveyed and the party billed in two boxes, a file line (file number, mission, the
    order and the visit dates, the surveyor and his certificate), a table of the surveys with the
    regulation and how long each report is valid, a package discount, the totals at the right with
    an online deposit sometimes taken off, and the insurance and certification notes at the foot."""
    year_built = rng.choice([1932, 1958, 1968, 1975, 1986, 1994, 2003])
    letting = rng.random() < 0.3
    kind = rng.choice(["Maison individuelle T5", "Appartement T3", "Appartement T2", "Maison individuelle T4"])
    copro = "Appartement" in kind
    surveys = [("Diagnostic de performance énergétique (DPE)", "Art. L126-26 CCH", "10 ans",
                ["125.00", "140.00", "155.00"])]
    if year_built < 1997:
        surveys.append(("Repérage amiante avant vente" if not letting else "Dossier amiante parties privatives",
                        "Art. R1334-15 CSP", "illimitée si absence", ["95.00", "110.00"]))
    if year_built < 1949:
        surveys.append(("Constat de risque d'exposition au plomb (CREP)", "Art. L1334-5 CSP",
                        "1 an (vente)" if not letting else "6 ans (location)", ["120.00", "140.00"]))
    surveys.append(("État de l'installation intérieure d'électricité", "Art. L134-7 CCH",
                    "3 ans" if not letting else "6 ans", ["85.00", "95.00", "105.00"]))
    if rng.random() < 0.6:
        surveys.append(("État de l'installation intérieure de gaz", "Art. L134-6 CCH",
                        "3 ans" if not letting else "6 ans", ["85.00", "95.00"]))
    if not letting and rng.random() < 0.5:
        surveys.append(("État relatif à la présence de termites", "Art. L133-6 CCH", "6 mois", ["90.00", "105.00"]))
    surveys.append(("État des risques et pollutions (ERP)", "Art. L125-5 C. env.", "6 mois", ["20.00", "25.00"]))
    if copro:
        surveys.append(("Mesurage loi Carrez" if not letting else "Surface habitable loi Boutin",
                        "Loi 96-1107" if not letting else "Loi 2009-323", "illimitée", ["65.00", "80.00"]))
    rows = [(name, reg, valid, Decimal(rng.choice(prices))) for name, reg, valid, prices in surveys]
    sub = sum(r[3] for r in rows)
    disc_pct = {3: 0, 4: 10, 5: 12, 6: 15}.get(len(rows), 15)
    discount = q(-sub * disc_pct / 100) if disc_pct else Decimal(0)
    net_h17(d, {"20": sub + discount})
    d.number = f"FA{d.date:%y%m}-{rng.randint(100, 999):04d}"
    file_no = f"D{d.date:%y}-{rng.randint(1000, 9999):05d}"
    visit = d.before
    ordered = visit - dt.timedelta(days=rng.randint(3, 15))
    sent = visit + dt.timedelta(days=1)
    c = pen(path)
    # Letterhead: a small house mark, the name, the certifications.
    c.setLineWidth(2)
    c.setStrokeColorRGB(0.1, 0.35, 0.3)
    c.line(50, 790, 68, 806)
    c.line(68, 806, 86, 790)
    c.rect(55, 772, 26, 18)
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(1)
    c.setFillColorRGB(0.1, 0.35, 0.3)
    txt(c, 98, 792, "ARMOR DIAGNOSTICS", 17, "Helvetica-Bold")
    c.setFillGray(0)
    txt(c, 98, 779, "Diagnostics immobiliers · Vente · Location · Travaux", 8.5, "Helvetica-Oblique")
    txt(c, 98, 768, "5 rue de la Frébardière – 35510 Cesson-Sévigné – 02 99 83 40 12 – contact@armor-diag.fr", 7.5,
        "Helvetica")
    txt(c, 545, 800, "Certifications de personnes", 7, "Helvetica", right=True)
    txt(c, 545, 791, "par organisme accrédité COFRAC", 7, "Helvetica", right=True)
    txt(c, 545, 782, "(accréditation n° 4-0609, portée disponible", 7, "Helvetica", right=True)
    txt(c, 545, 773, "sur www.cofrac.fr)", 7, "Helvetica", right=True)
    c.setFillColorRGB(0.1, 0.35, 0.3)
    c.rect(50, 730, 495, 24, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 60, 738, f"FACTURE N° {d.number} du {d.date:%d/%m/%Y}", 12.5, "Helvetica-Bold")
    txt(c, 535, 738, f"Page 1/1", 8, "Helvetica", right=True)
    c.setFillGray(0)
    city = rng.choice([("12 allée des Tilleuls", "35700 RENNES"), ("3 rue du Moulin", "35830 BETTON"),
                       ("27 boulevard de la Liberté", "35000 RENNES")])
    if copro:
        kind += f" – lot n° {rng.randint(10, 140)}, {rng.choice(['2e', '3e', '4e'])} étage"
    c.rect(50, 636, 240, 82)
    txt(c, 56, 706, "BIEN EXPERTISÉ", 7.5, "Helvetica-Bold")
    for i, s in enumerate([city[0], city[1], kind, f"Année de construction : {year_built}",
                           f"Mission : {'location' if letting else 'vente'}"]):
        txt(c, 56, 692 - 12 * i, s, 8.5, "Helvetica")
    billed = rng.choice([("Monsieur et Madame LE GALL", "8 rue de Brest", "29200 BREST"),
                         ("Madame Anne-Sophie ROPERS", "41 quai Duguay-Trouin", "35400 SAINT-MALO"),
                         ("SCI LES GLYCINES", "chez M. Pierre TANGUY", "17 rue Nationale", "35300 FOUGÈRES")])
    c.rect(305, 636, 240, 82)
    txt(c, 311, 706, "FACTURÉ À", 7.5, "Helvetica-Bold")
    for i, s in enumerate(billed):
        txt(c, 311, 690 - 13 * i, s, 10 if i == 0 else 9, "Helvetica-Bold" if i == 0 else "Helvetica")
    agency = rng.choice(["Agence Immobilière du Thabor", "Cabinet Kermarrec Immobilier", "Étude de Me Hervé, notaire"])
    txt(c, 50, 618, f"Dossier {file_no}  ·  Donneur d'ordre : {agency}  ·  Client n° C{rng.randint(10000, 59999)}", 8.5,
        "Helvetica")
    txt(c, 50, 606, f"Commande du {ordered:%d/%m/%Y}  ·  Visite du {visit:%d/%m/%Y} à "
                    f"{rng.choice(['9 h 00', '10 h 30', '14 h 00', '16 h 30'])}  ·  Rapports transmis le "
                    f"{sent:%d/%m/%Y}", 8.5, "Helvetica")
    txt(c, 50, 594, f"Opérateur : {rng.choice(['Yann MORVAN', 'Gaëlle PRIGENT', 'Thomas CORRE'])} – certificat "
                    f"n° CPDI{rng.randint(1000, 6999)}", 8.5, "Helvetica")
    y = 566
    fill_h17(c, 50, y - 5, 495, 16, 0.88)
    for x, h, right in [(55, "Prestation", False), (300, "Réglementation", False), (400, "Validité", False),
                        (540, "Montant HT", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for name, reg, valid, amount in rows:
        y -= 17
        txt(c, 55, y, name, 8.5, "Helvetica")
        txt(c, 300, y, reg, 7.5)
        txt(c, 400, y, valid, 7.5)
        txt(c, 540, y, eu(amount, " ") + " €", 8.5, right=True)
        c.setStrokeGray(0.8)
        c.line(50, y - 6, 545, y - 6)
        c.setStrokeGray(0)
    if discount:
        y -= 17
        txt(c, 55, y, f"Remise forfait {len(rows)} diagnostics ({disc_pct} %)", 8.5, "Helvetica-Oblique")
        txt(c, 540, y, "-" + eu(-discount, " ") + " €", 8.5, "Helvetica-Oblique", right=True)
    deposit = q(d.ttc * Decimal("0.30")) if rng.random() < 0.4 else None
    y -= 40
    trows = [("Total HT", d.ht, False), ("TVA 20 %", d.tva, False), ("Total TTC", d.ttc, True)]
    for i, (a, v, bold) in enumerate(trows):
        yy = y - 17 * i
        f = "Helvetica-Bold" if bold else "Helvetica"
        if bold:
            fill_h17(c, 340, yy - 5, 205, 17, 0.88)
        txt(c, 346, yy, a, 10 if bold else 9.5, f)
        txt(c, 540, yy, eu(v, " ") + " €", 10 if bold else 9.5, f, right=True)
    yy = y - 17 * len(trows)
    if deposit:
        txt(c, 346, yy, f"Acompte réglé en ligne le {ordered:%d/%m/%Y}", 8.5, "Helvetica")
        txt(c, 540, yy, "-" + eu(deposit, " ") + " €", 8.5, right=True)
        yy -= 17
        txt(c, 346, yy, "Reste à payer", 10, "Helvetica-Bold")
        txt(c, 540, yy, eu(d.ttc - deposit, " ") + " €", 10, "Helvetica-Bold", right=True)
    txt(c, 50, y, "Règlement", 8.5, "Helvetica-Bold")
    for i, s in enumerate([f"À réception, au plus tard le {d.other:%d/%m/%Y}.",
                           "Virement : FR76 1558 9351 2005 0213 4780 151",
                           "Chèque à l'ordre d'Armor Diagnostics.",
                           "Les rapports vous ont été adressés par courriel."]):
        txt(c, 50, y - 13 - 12 * i, s, 8, "Helvetica")
    y = min(yy, y - 60) - 36
    for i, s in enumerate(["Assurance responsabilité civile professionnelle : Hiscox, contrat n° HA RCP0233415 "
                           "(art. L271-6 et R271-2 du CCH).",
                           "Attestation d'indépendance et de moyens jointe au dossier de diagnostic technique.",
                           "Pénalités de retard : trois fois le taux d'intérêt légal ; indemnité forfaitaire pour "
                           "frais de recouvrement : 40 €. Pas d'escompte pour paiement anticipé."]):
        txt(c, 50, y - 10 * i, s, 7, "Helvetica")
    c.setStrokeColorRGB(0.1, 0.35, 0.3)
    c.line(50, 62, 545, 62)
    c.setStrokeColorRGB(0, 0, 0)
    centre_h17(c, 297.5, 52, "ARMOR DIAGNOSTICS SARL au capital de 15 000 € – RCS Rennes 803 117 452 – SIRET "
                             "803 117 452 00028 – NAF 7120B – TVA intracommunautaire FR 62 803117452", 6.5, "Helvetica")
    c.save()


def fr_ameublement_avoir(d, path, rng):
    """A French furniture store's credit note to a private customer, in a serif font: the store's
    name with its showroom address, "AVOIR" framed at the right with its number and date, the
    customer and delivery addresses, a strip with the invoice credited and its date, the order
    number and date, the delivery date and the salesman, the reason, the furniture taken back
    with prices incl. VAT and the eco-participation of each article, sometimes a goodwill gesture
    for the late delivery, a VAT summary box (base, rate, VAT, total) and "MONTANT DE L'AVOIR" in a
    heavy frame, how it will be refunded, and the consumer mediator and registry at the foot."""
    items = [("CNV-ODEON3", "Canapé 3 places convertible, tissu gris chiné", ["899.00", "1049.00", "1190.00"],
              "9.00"),
             ("TB-NORDIK", "Table basse chêne massif 110 x 60 cm", ["329.00", "349.00"], "1.50"),
             ("BUF-LUNA", "Buffet 3 portes laqué blanc mat", ["549.00", "599.00"], "4.00"),
             ("REL-OSLO", "Fauteuil relax électrique, cuir vachette cognac", ["749.00", "819.00"], "3.20"),
             ("CH-MILA", "Chaise tissu velours, piètement métal noir", ["89.00", "99.00"], "0.90"),
             ("MAT-HR160", "Matelas 160 x 200 mousse HR 7 zones, ép. 24 cm", ["690.00", "790.00"], "6.00"),
             ("LIT-BALI", "Lit coffre 160 x 200 avec tête de lit capitonnée", ["599.00", "689.00"], "7.50")]
    picks = rng.sample(items, min(len(d.lines), 3) - (1 if len(d.lines) > 2 and rng.random() < 0.5 else 0))
    rows = []  # (ref, name, qty, each ttc, eco each, total ttc)
    for ref, name, prices, eco in picks:
        qty = rng.choice([2, 4]) if ref == "CH-MILA" else 1
        each, eco = Decimal(rng.choice(prices)), Decimal(eco)
        rows.append((ref, name, qty, each, eco, q(qty * (each + eco))))
    late = rng.random() < 0.45
    if late:
        g = Decimal(rng.choice(["50.00", "80.00", "100.00", "150.00"]))
        rows.append(("GESTE", "Geste commercial – retard de livraison", 1, g, None, g))
    gross_h17(d, {"20": sum(r[5] for r in rows)})
    d.number = f"AV{d.date:%Y}{rng.randint(100, 9999):05d}"
    invoice_day = d.before - dt.timedelta(days=rng.randint(10, 40))
    order_day = invoice_day - dt.timedelta(days=rng.randint(20, 70))
    delivered = d.before
    c = pen(path, "Times-Roman")
    txt(c, 50, 800, "MEUBLES GARNIER", 22, "Times-Bold")
    txt(c, 50, 784, "Salon · Séjour · Literie · Décoration — depuis 1962", 9.5, "Times-Italic")
    txt(c, 50, 770, "Zone commerciale de l'Atoll – 2 rue du Pont-Noir – 49070 Beaucouzé", 8.5, "Times-Roman")
    txt(c, 50, 759, "Tél. 02 41 73 20 55 – sav@meubles-garnier.fr – Ouvert du lundi au samedi 10 h – 19 h", 8.5,
        "Times-Roman")
    c.setLineWidth(1.5)
    c.rect(390, 748, 155, 62)
    c.setLineWidth(1)
    centre_h17(c, 467.5, 788, "AVOIR", 19, "Times-Bold")
    centre_h17(c, 467.5, 770, f"N° {d.number}", 10, "Times-Roman")
    centre_h17(c, 467.5, 756, f"Angers, le {d.date:%d/%m/%Y}", 9.5, "Times-Roman")
    who = rng.choice([("Madame Élodie BRETON", "7 rue des Lices", "49100 ANGERS"),
                      ("Monsieur Julien FOUCHER", "La Grande Métairie", "49130 LES PONTS-DE-CÉ"),
                      ("Monsieur et Madame ROBIN", "22 avenue Pasteur", "49300 CHOLET")])
    txt(c, 330, 718, "Client", 8, "Times-Italic")
    for i, s in enumerate(who):
        txt(c, 330, 704 - 13 * i, s, 11, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 50, 718, "Adresse de livraison", 8, "Times-Italic")
    for i, s in enumerate(who[1:]):
        txt(c, 50, 704 - 13 * i, s, 9.5, "Times-Roman")
    txt(c, 50, 678, f"Client n° {rng.randint(100000, 399999)} – Tél. 06 {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}", 9, "Times-Roman")
    # Strip of references.
    y = 640
    c.setLineWidth(0.5)
    c.line(50, y + 14, 545, y + 14)
    c.line(50, y - 20, 545, y - 20)
    c.setLineWidth(1)
    refs = [("Facture d'origine", f"FC{invoice_day:%y}{rng.randint(10000, 99999)}"),
            ("du", f"{invoice_day:%d/%m/%Y}"), ("Bon de commande", f"BC-{rng.randint(30000, 69999)}"),
            ("du", f"{order_day:%d/%m/%Y}"), ("Livré le", f"{delivered:%d/%m/%Y}"),
            ("Vendeur", rng.choice(["P. Cadeau", "N. Hamon", "S. Jouin"]))]
    xs = [50, 132, 200, 285, 355, 440]
    for x, (k, v) in zip(xs, refs):
        txt(c, x, y + 3, k, 7.5, "Times-Italic")
        txt(c, x, y - 10, v, 9.5, "Times-Bold")
    why = rng.choice(["Article livré endommagé, constaté à la livraison (réserves sur le bon de livraison)",
                      "Rétractation du client – vente conclue hors établissement (art. L221-18 C. consom.)",
                      "Article non conforme à la commande (coloris)"])
    txt(c, 50, 600, f"Motif : {why}", 9.5, "Times-Italic")
    y = 572
    c.setLineWidth(0.8)
    c.line(50, y + 13, 545, y + 13)
    for x, h, right in [(50, "Référence", False), (130, "Désignation", False), (370, "Qté", True),
                        (430, "P.U. TTC", True), (485, "Éco-part.", True), (545, "Montant TTC", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for ref, name, qty, each, eco, total in rows:
        y -= 17
        txt(c, 50, y, "" if ref == "GESTE" else ref, 8.5, "Times-Roman")
        txt(c, 130, y, name, 9.5, "Times-Italic" if ref == "GESTE" else "Times-Roman")
        txt(c, 370, y, str(qty), 9.5, right=True)
        txt(c, 430, y, eu(each, " "), 9.5, right=True)
        txt(c, 485, y, eu(eco, " ") if eco is not None else "", 9.5, right=True)
        txt(c, 545, y, eu(total, " "), 9.5, right=True)
    c.line(50, y - 8, 545, y - 8)
    eco_total = sum(r[2] * r[4] for r in rows if r[4] is not None)
    txt(c, 50, y - 22, f"Dont éco-participation mobilier (Éco-mobilier) : {eu(eco_total, ' ')} € TTC, "
                       f"reprise incluse.", 8.5, "Times-Italic")
    # VAT summary box at the left, amount of the credit note framed at the right.
    yb = y - 70
    c.rect(50, yb - 30, 285, 44)
    for x, h in [(56, "Base HT"), (135, "Taux TVA"), (200, "Montant TVA"), (329, "Total TTC")]:
        txt(c, x, yb, h, 8.5, "Times-Bold", right=x == 329)
    c.line(50, yb - 6, 335, yb - 6)
    txt(c, 56, yb - 21, eu(d.ht, " ") + " €", 10, "Times-Roman")
    txt(c, 135, yb - 21, "20,00 %", 10)
    txt(c, 200, yb - 21, eu(d.tva, " ") + " €", 10)
    txt(c, 329, yb - 21, eu(d.ttc, " ") + " €", 10, right=True)
    c.setLineWidth(2)
    c.rect(350, yb - 30, 195, 44)
    c.setLineWidth(1)
    txt(c, 358, yb - 1, "MONTANT DE L'AVOIR", 10, "Times-Bold")
    txt(c, 538, yb - 22, eu(d.ttc, " ") + " € TTC", 14, "Times-Bold", right=True)
    y = yb - 60
    if rng.random() < 0.5:
        how = [f"Remboursement par virement sur le compte ayant servi au paiement, au plus tard le "
               f"{d.date + dt.timedelta(days=14):%d/%m/%Y}."]
    else:
        how = [f"Avoir utilisable en une ou plusieurs fois dans nos magasins jusqu'au "
               f"{d.date + dt.timedelta(days=365):%d/%m/%Y}, sur présentation de ce document.",
               "Il peut être remboursé à tout moment sur simple demande."]
    for i, s in enumerate(how + ["Le mobilier repris a été enlevé à votre domicile par nos livreurs, sans frais."]):
        txt(c, 50, y - 13 * i, s, 9.5, "Times-Roman")
    txt(c, 400, y - 60, "Le service après-vente", 9.5, "Times-Italic")
    c.setLineWidth(0.4)
    c.line(50, 74, 545, 74)
    c.setLineWidth(1)
    for i, s in enumerate(["Garnier Ameublement SAS au capital de 120 000 € – 2 rue du Pont-Noir 49070 Beaucouzé – "
                           "RCS Angers 389 114 702 – SIRET 389 114 702 00035 – TVA FR 18 389114702",
                           "Médiateur de la consommation : Médiateur de l'ameublement (MEDIAMEUBLE), "
                           "www.mediateur-ameublement.fr – Garantie légale de conformité : art. L217-3 s. du "
                           "Code de la consommation."]):
        centre_h17(c, 297.5, 62 - 9 * i, s, 6.6, "Times-Roman")
    c.save()


def en_gb_boatyard(d, path, rng):
    """A Cornish boatyard's VAT invoice for a yacht's winter ashore: the yard's name white on a navy
    band, the owner at the left, a ruled box at the right (invoice number, "Date/Tax Point" as 14
    March 2024, account, job sheet, vessel and her length, where she lies), the storage period,
    charges by the metre (lift-out, storage, launch) with the length worked into the price, labour
    hours and chandlery at 20 %, the totals at the right with a deposit sometimes taken off and the
    balance due, the yard's lien and the company and VAT registration at the foot."""
    loa = Decimal(rng.randint(72, 124)) / 10
    months = rng.randint(3, 6)
    vessels = [("Sea Wren", "Westerly Centaur 26"), ("Curlew", "Hallberg-Rassy 31"), ("Blue Fulmar", "Moody 33"),
               ("Morwenna", "Contessa 32"), ("Tern III", "Sadler 29"), ("Kittiwake", "Bavaria 34 Cruiser")]
    name, model = rng.choice(vessels)
    lift_m = Decimal(rng.choice(["26.50", "28.00", "31.00"]))
    store_m = Decimal(rng.choice(["5.80", "6.20", "6.90"]))
    launch_m = Decimal(rng.choice(["18.50", "21.00"]))
    store_each = q(loa * store_m)
    rows = [("LIFT", f"Lift out, pressure wash and chock ashore ({loa} m LOA @ £{lift_m}/m)", Decimal(1), "",
             q(loa * lift_m)),
            ("STOR", f"Winter storage ashore, hard standing ({loa} m @ £{store_m}/m/month)", Decimal(months), "mth",
             store_each),
            ("LNCH", f"Launch and return to berth ({loa} m @ £{launch_m}/m)", Decimal(1), "", q(loa * launch_m))]
    extra = [("LAB", "Antifouling: flat, prepare and apply two coats (labour)", Decimal(rng.choice(["3.5", "4", "5.5"])),
              "hr", Decimal(rng.choice(["54.00", "58.00"]))),
             ("CH1024", "International Micron 350 antifouling, navy, 2.5 L", Decimal(rng.choice([1, 2])), "",
              Decimal(rng.choice(["129.95", "139.50"]))),
             ("CH0311", "Zinc shaft anode 25 mm", Decimal(rng.choice([1, 2])), "", Decimal(rng.choice(["17.40", "18.90"]))),
             ("ENG", "Engine winterisation: oil and filters, impeller, antifreeze (Volvo Penta D1-20)", Decimal(1), "",
              Decimal(rng.choice(["185.00", "210.00"]))),
             ("ELEC", f"Shore power (metered) {rng.randint(40, 180)} kWh", Decimal(1), "",
              Decimal(rng.randint(1500, 6900)) / 100)]
    rows += rng.sample(extra, max(1, len(d.lines) - 1))
    rows = [(code, desc, qty, unit, each, q(qty * each)) for code, desc, qty, unit, each in rows]
    net_h17(d, {"20": sum(r[5] for r in rows)})
    d.number = f"KC{rng.randint(10000, 29999)}"
    job_open = d.before - dt.timedelta(days=months * 30)
    launched = d.before
    c = pen(path)
    c.setFillColorRGB(0.08, 0.16, 0.33)
    c.rect(0, 770, 595, 72, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 50, 808, "Kestrel Creek Boatyard", 22, "Times-Bold")
    txt(c, 50, 790, "Storage ashore · Marine engineering · Rigging · Chandlery", 9, "Helvetica")
    txt(c, 50, 778, "Lower Quay, Polruan, Fowey, Cornwall PL23 1PA", 8, "Helvetica")
    txt(c, 545, 808, "VAT INVOICE", 15, "Helvetica-Bold", right=True)
    txt(c, 545, 790, "Tel 01726 870 412", 8, "Helvetica", right=True)
    txt(c, 545, 778, "office@kestrelcreek.co.uk", 8, "Helvetica", right=True)
    c.setFillGray(0)
    owner = rng.choice([("Mr R. Trelawny", "Rosewarne House", "3 Church Lane", "Truro TR1 2AZ"),
                        ("Dr Helen Pascoe", "14 Harbour View", "St Mawes", "Truro TR2 5DT"),
                        ("Mr & Mrs G. Vosper", "Chy an Mor", "Trevone Road", "Padstow PL28 8QX")])
    txt(c, 50, 742, "Invoice to", 8, "Helvetica-Oblique")
    for i, s in enumerate(owner):
        txt(c, 50, 728 - 13 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    box = [("Invoice No.", d.number), ("Date/Tax Point", f"{d.date.day} {MONTH_NAMES['en'][d.date.month - 1]} {d.date.year}"),
           ("Account", f"{owner[0].split()[-1].upper()[:6]}{rng.randint(1, 99):02d}"),
           ("Job sheet", f"J{rng.randint(3000, 6999)} (opened {job_open:%d/%m/%Y})"),
           ("Vessel", f"\"{name}\" – {model}"), ("LOA", f"{loa} m"),
           ("Location", rng.choice(["Yard bay C", "Berth P14", "Shed 2", "Pontoon B-07"]))]
    c.rect(320, 636, 225, 118)
    for i, (k, v) in enumerate(box):
        yy = 740 - 15.5 * i
        txt(c, 326, yy, k, 8, "Helvetica")
        txt(c, 395, yy, v, 8.5, "Helvetica-Bold" if i < 2 else "Helvetica")
        if i < len(box) - 1:
            c.setStrokeGray(0.8)
            c.line(320, yy - 5, 545, yy - 5)
            c.setStrokeGray(0)
    txt(c, 50, 616, f"Storage period: {job_open:%d/%m/%Y} to {launched:%d/%m/%Y}  ·  Launched {launched:%d/%m/%Y}",
        8.5, "Helvetica")
    y = 592
    c.setFillColorRGB(0.86, 0.89, 0.94)
    c.rect(50, y - 5, 495, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(54, "Code", False), (96, "Description", False), (420, "Qty", True), (475, "Unit £", True),
                        (541, "Net £", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for code, desc, qty, unit, each, amount in rows:
        y -= 16
        txt(c, 54, y, code, 7.5, "Helvetica")
        txt(c, 96, y, desc, 7.5 if len(desc) > 64 else 8, "Helvetica")
        qs = (f"{qty.normalize():f}" if qty == qty.to_integral() else f"{qty}") + (f" {unit}" if unit else "")
        txt(c, 420, y, qs, 8, right=True)
        txt(c, 475, y, us(each), 8, right=True)
        txt(c, 541, y, us(amount), 8, right=True)
    c.line(50, y - 8, 545, y - 8)
    deposit = Decimal(rng.choice(["150.00", "250.00"])) if rng.random() < 0.5 else None
    y -= 30
    trows = [("Total net", "£" + us(d.ht)), ("VAT @ 20%", "£" + us(d.tva)), ("Invoice total", "£" + us(d.ttc))]
    if deposit:
        trows += [(f"Less deposit received {job_open:%d/%m/%Y}", "-£" + us(deposit)),
                  ("BALANCE DUE", "£" + us(d.ttc - deposit))]
    for i, (a, v) in enumerate(trows):
        yy = y - 16 * i
        bold = a in ("Invoice total", "BALANCE DUE")
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 340, yy, a, 9.5 if not a.startswith("Less") else 8, f)
        txt(c, 541, yy, v, 9.5, f, right=True)
        if a == "Invoice total":
            c.line(340, yy + 12, 545, yy + 12)
    txt(c, 50, y, "Payment terms: 30 days net", 8.5, "Helvetica-Bold")
    txt(c, 50, y - 13, f"Due by {d.date + dt.timedelta(days=30):%d/%m/%Y}", 8.5, "Helvetica")
    txt(c, 50, y - 26, "BACS: Kestrel Creek Boatyard Ltd", 8.5, "Helvetica")
    txt(c, 50, y - 39, "Sort code 30-96-26  Account 41827733", 8.5, "Helvetica")
    txt(c, 50, y - 52, f"Please quote {d.number} as reference.", 8.5, "Helvetica")
    y = min(y - 16 * len(trows), y - 52) - 30
    for i, s in enumerate(["The yard reserves a general lien over the vessel, her gear and equipment for all sums due "
                           "(Conditions of Business, clause 14).",
                           "Vessels will not be launched or released while any account is overdue. Owners' "
                           "insurance must remain in force while the vessel is ashore."]):
        txt(c, 50, y - 10 * i, s, 7, "Helvetica-Oblique")
    c.setStrokeColorRGB(0.08, 0.16, 0.33)
    c.setLineWidth(2)
    c.line(50, 66, 545, 66)
    c.setLineWidth(1)
    c.setStrokeColorRGB(0, 0, 0)
    centre_h17(c, 297.5, 54, "Kestrel Creek Boatyard Ltd · Registered in England and Wales No. 04418237 · Registered "
                             "office: Lower Quay, Polruan PL23 1PA", 6.5, "Helvetica")
    centre_h17(c, 297.5, 45, "VAT Reg. No. GB 812 4471 36 · Member of British Marine · The Yacht Harbour "
                             "Association Code of Practice applies", 6.5, "Helvetica")
    c.save()


def de_kfz_sachverstaendiger(d, path, rng):
    """A German motor assessor's fee invoice to the liable party's insurer, as a DIN letter: the
    engineer's name and his appointment, the return line over the window with the insurer, a
    reference block at the right (claim number, policyholder, claimant, registration, the day of
    the accident, the inspection, the report number and date, the invoice number and date), the
    repair cost and replacement value the basic fee follows, the fee and the incidental costs
    (mileage, photographs, typing, copies, postage) with their counts and unit prices at 19 %, the
    net sum, the VAT and the invoice amount, the assignment of the claim and the payment date."""
    damage = q(Decimal(rng.randint(90000, 1450000)) / 100)
    table = [(500, 226), (1000, 308), (1500, 363), (2000, 410), (2500, 449), (3000, 485), (3500, 518), (4000, 548),
             (4500, 575), (5000, 602), (6000, 647), (7000, 688), (8000, 727), (9000, 762), (10000, 796),
             (12500, 870), (15000, 938)]
    fee = Decimal(next(f for top, f in table if damage <= top))
    km = rng.randint(12, 68)
    photos = rng.randint(10, 24)
    pages = rng.randint(14, 26)
    rows = [("Grundhonorar gem. Honorartabelle (Schadenhöhe bis "
             f"{eu(Decimal(next(t for t, f in table if damage <= t)))} €)", Decimal(1), "pauschal", fee),
            ("Fahrtkosten (Hin- und Rückfahrt)", Decimal(km * 2), "km", Decimal("0.70")),
            ("Lichtbilder, 1. Fotosatz", Decimal(photos), "Stk.", Decimal("2.00")),
            ("Lichtbilder, 2. Fotosatz", Decimal(photos), "Stk.", Decimal("0.50")),
            ("Schreibkosten Original", Decimal(pages), "Seiten", Decimal("1.80")),
            ("Schreibkosten je Kopie", Decimal(pages * 2), "Seiten", Decimal("0.50")),
            ("Porto, Telefon, EDV-Abrufe", Decimal(1), "pauschal", Decimal(rng.choice(["15.00", "18.00", "20.00"])))]
    if rng.random() < 0.4:
        rows.append(("Restwertermittlung über Restwertbörse", Decimal(1), "pauschal", Decimal("35.00")))
    rows = [(a, k, u, e, q(k * e)) for a, k, u, e in rows]
    net_h17(d, {"19": sum(r[4] for r in rows)})
    seq = rng.randint(100, 899)
    d.number = f"{d.date.year}-{seq:04d}"
    report_no = f"{seq:04d}/{d.date:%y}"
    accident = d.before - dt.timedelta(days=rng.randint(2, 12))
    inspection = d.before
    report_day = d.before + dt.timedelta(days=1)
    pay_by = d.date + dt.timedelta(days=14)
    c = pen(path)
    txt(c, 545, 805, "Dipl.-Ing. (FH) Markus Albers", 13, "Helvetica-Bold", right=True)
    txt(c, 545, 791, "Kfz-Sachverständiger", 9, "Helvetica", right=True)
    txt(c, 545, 780, "von der IHK Nürnberg für Mittelfranken öffentlich bestellt und vereidigt", 7, "Helvetica",
        right=True)
    txt(c, 545, 770, "für Kfz-Schäden und -Bewertung", 7, "Helvetica", right=True)
    c.setLineWidth(0.6)
    c.line(50, 762, 545, 762)
    c.setLineWidth(1)
    txt(c, 57, 718, "Ing.-Büro Albers · Fürther Straße 212 · 90429 Nürnberg", 6.5, "Helvetica")
    c.line(57, 715, 270, 715)
    insurer = rng.choice([("Frankonia Versicherung AG", "Kraftfahrt-Schaden", "Postfach 44 01 20", "90206 Nürnberg"),
                          ("Rheinische Allgemeine Versicherung AG", "Schadenservice Kfz", "Kaiser-Wilhelm-Ring 18",
                           "50672 Köln"),
                          ("Süddeutsche Kraftfahrt-Versicherung a. G.", "Abt. KH-Schaden", "Ludwigstraße 9",
                           "80539 München")])
    for i, s in enumerate(insurer):
        txt(c, 57, 698 - 13 * i, s, 10, "Helvetica")
    claimant = rng.choice(["Herr Stefan Wöhrl", "Frau Petra Ammon", "Herr Deniz Yildiz", "Frau Katrin Geißler"])
    his = "seinen" if claimant.startswith("Herr") else "ihren"
    plate = f"{rng.choice(['N', 'FÜ', 'ER', 'AN'])}-{rng.choice(['AB', 'KM', 'TR', 'PS'])} {rng.randint(10, 9999)}"
    info = [("Ihre Schaden-Nr.", f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}-{d.date:%y}"),
            ("Ihr Versicherungsnehmer", rng.choice(["Hr. Oliver Kunz", "Fa. Bau-Logistik Eder GmbH", "Fr. Ute Rahn"])),
            ("Anspruchsteller", claimant), ("Amtl. Kennzeichen", plate),
            ("Schadentag", f"{accident:%d.%m.%Y}"), ("Besichtigung", f"{inspection:%d.%m.%Y}"),
            ("Gutachten-Nr.", f"{report_no} vom {report_day:%d.%m.%Y}"),
            ("Rechnungs-Nr.", d.number), ("Rechnungsdatum", f"{d.date:%d.%m.%Y}")]
    for i, (k, v) in enumerate(info):
        yy = 728 - 12.5 * i
        txt(c, 345, yy, k, 7.5, "Helvetica")
        txt(c, 440, yy, v, 8, "Helvetica-Bold" if k.startswith("Rechnungs") else "Helvetica")
    txt(c, 57, 590, f"Rechnung – Sachverständigenkosten, Haftpflichtschaden {claimant.split(' ', 1)[1]} ./. Ihr VN",
        10, "Helvetica-Bold")
    txt(c, 57, 568, "Sehr geehrte Damen und Herren,", 9.5, "Helvetica")
    body = [f"im Auftrag von {claimant} haben wir das Fahrzeug mit dem amtlichen Kennzeichen {plate}",
            f"am {inspection:%d.%m.%Y} besichtigt und das Gutachten Nr. {report_no} erstellt. Die Reparaturkosten",
            f"betragen lt. Gutachten {eu(damage)} € netto. Für unsere Leistungen berechnen wir:"]
    for i, s in enumerate(body):
        txt(c, 57, 552 - 13 * i, s, 9.5, "Helvetica")
    y = 500
    for x, h, right in [(57, "Pos.", False), (85, "Leistung", False), (360, "Anzahl", True), (368, "Einheit", False),
                        (470, "Einzelpreis", True), (545, "Betrag", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(57, y - 5, 545, y - 5)
    for k, (a, qty, unit, each, amount) in enumerate(rows, 1):
        y -= 15
        txt(c, 57, y, f"{k:02d}", 8.5, "Helvetica")
        txt(c, 85, y, a, 8.5 if len(a) < 60 else 7.8)
        txt(c, 360, y, f"{qty:f}", 8.5, right=True)
        txt(c, 368, y, unit, 8.5)
        txt(c, 470, y, eu(each) + " €", 8.5, right=True)
        txt(c, 545, y, eu(amount) + " €", 8.5, right=True)
    c.line(57, y - 6, 545, y - 6)
    y -= 24
    trows = [("Summe netto", d.ht), ("zzgl. 19 % Umsatzsteuer", d.tva), ("Rechnungsbetrag", d.ttc)]
    for i, (a, v) in enumerate(trows):
        yy = y - 15 * i
        f = "Helvetica-Bold" if i == 2 else "Helvetica"
        txt(c, 345, yy, a, 9.5, f)
        txt(c, 545, yy, eu(v) + " €", 9.5, f, right=True)
    c.line(345, y - 15 * 2 + 12, 545, y - 15 * 2 + 12)
    c.line(440, y - 15 * 2 - 4, 545, y - 15 * 2 - 4)
    c.line(440, y - 15 * 2 - 6, 545, y - 15 * 2 - 6)
    y -= 70
    for i, s in enumerate([f"{claimant} hat {his} Anspruch auf Erstattung der Sachverständigenkosten mit Erklärung",
                           f"vom {inspection:%d.%m.%Y} erfüllungshalber an uns abgetreten (Kopie anbei). Wir bitten um "
                           "Zahlung",
                           f"direkt an uns bis zum {pay_by:%d.%m.%Y} unter Angabe der Rechnungs-Nr.",
                           f"Leistungszeitraum: {inspection:%d.%m.%Y} bis {report_day:%d.%m.%Y}.",
                           "", "Mit freundlichen Grüßen", "", "Markus Albers"]):
        txt(c, 57, y - 13 * i, s, 9, "Helvetica")
    c.setLineWidth(0.4)
    c.line(50, 86, 545, 86)
    c.setLineWidth(1)
    cols = [["Ing.-Büro Albers", "Fürther Straße 212", "90429 Nürnberg"],
            ["Tel. 0911 32 70 88-0", "Fax 0911 32 70 88-9", "gutachten@albers-kfz.de"],
            ["Sparkasse Nürnberg", "IBAN DE71 7605 0101 0011 4420 87", "BIC SSKNDE77XXX"],
            ["Steuer-Nr. 241/274/55012", "USt-IdNr. DE 287 114 530", "Mitglied im BVSK"]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 50 + 127 * j, 76 - 8 * i, s, 6.3, "Helvetica")
    c.save()


def nl_dakdekker(d, path, rng):
    """A Dutch roofer's invoice: a roof drawn beside the firm's name, its address at the right, the
    customer at the left, a grid of shaded labels (invoice number and date, due date, debtor,
    quote and its date, project, site address, when the work was done), then either the work
    itemised by the square and running metre with the skip and call-out, or an instalment of the
    contract sum with the contract sum and what was invoiced before, the totals in a box at the
    right at 21 %, the part to pay into the blocked G-account and the guarantee and registry notes."""
    instalment = rng.random() < 0.45
    area = rng.randint(18, 95)
    if instalment:
        contract = Decimal(rng.randint(900, 3200) * 10)
        term = rng.choice([2, 3])
        pct = {2: 40, 3: 30}[term]
        rows = [(f"Termijn {term} van 3: {pct} % van de aanneemsom – "
                 f"{'gereedmelding isolatie en dakbedekking' if term == 2 else 'oplevering'}", "1", "post",
                 q(contract * pct / 100), q(contract * pct / 100))]
    else:
        work = [("Verwijderen en afvoeren bestaande dakbedekking", Decimal(area), "m²", ["11.50", "12.75", "14.00"]),
                ("Leveren en aanbrengen PIR-isolatie 100 mm, Rd 4,50", Decimal(area), "m²", ["36.50", "39.00"]),
                ("Leveren en aanbrengen 2-laags bitumineuze dakbedekking (APP), incl. opstanden", Decimal(area), "m²",
                 ["44.00", "47.50", "49.00"]),
                ("Zinken mastgoot vervangen, incl. hemelwaterafvoer", Decimal(rng.randint(6, 18)), "m¹",
                 ["58.00", "64.00"]),
                ("Loodslabben schoorsteen vernieuwen", Decimal(1), "post", ["185.00", "240.00"]),
                ("Arbeid dakdekker (regie)", Decimal(rng.choice(["4", "6", "7.5", "8"])), "uur", ["56.50", "59.50"])]
        picks = [work[0], work[2]] + rng.sample([work[1], work[3], work[4], work[5]], max(1, len(d.lines) - 2))
        picks.sort(key=work.index)
        rows = []
        for name, qty, unit, prices in picks:
            each = Decimal(rng.choice(prices))
            rows.append((name, qty_h14(qty, 2 if unit == "uur" else 0), unit, each, q(qty * each)))
        rows.append(("Container 6 m³ incl. stortkosten", "1", "st", Decimal("385.00"), Decimal("385.00")))
        rows.append(("Voorrijkosten", "1", "st", Decimal("45.00"), Decimal("45.00")))
    net_h17(d, {"21": sum(r[4] for r in rows)})
    d.number = f"{d.date.year}{rng.randint(1300, 1999)}"
    quote_day = d.before - dt.timedelta(days=rng.randint(30, 90))
    work_from = d.before - dt.timedelta(days=rng.randint(2, 6))
    due = d.date + dt.timedelta(days=14)
    c = pen(path)
    # The roof.
    c.setFillColorRGB(0.62, 0.16, 0.12)
    p = c.beginPath()
    p.moveTo(50, 784)
    p.lineTo(82, 812)
    p.lineTo(114, 784)
    p.lineTo(106, 784)
    p.lineTo(82, 804)
    p.lineTo(58, 784)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    txt(c, 124, 796, "Dakwerken De Boer B.V.", 18, "Helvetica-Bold")
    c.setFillGray(0.35)
    txt(c, 124, 783, "Platte daken · Pannendaken · Zinkwerk · Dakisolatie", 8.5, "Helvetica")
    c.setFillGray(0)
    for i, s in enumerate(["Industrieweg 31", "8071 CS  Nunspeet", "T 0341 25 84 10", "info@deboerdakwerken.nl",
                           "www.deboerdakwerken.nl"]):
        txt(c, 545, 808 - 11 * i, s, 8, "Helvetica", right=True)
    who = rng.choice([("Dhr. J. van den Berg", "Stationsweg 44", "8071 CX  Nunspeet"),
                      ("Mevr. A. Hoekstra-Visser", "Harderwijkerweg 7", "3852 AA  Ermelo"),
                      ("VvE Het Hoge Veld", "t.a.v. de penningmeester", "Bosweg 120", "3851 ZM  Ermelo")])
    for i, s in enumerate(who):
        txt(c, 50, 720 - 13 * i, s, 10.5, "Helvetica")
    txt(c, 50, 640, "FACTUUR", 20, "Helvetica-Bold")
    grid = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"),
            ("Vervaldatum", f"{due:%d-%m-%Y}"), ("Debiteurnummer", f"{rng.randint(10000, 19999)}"),
            ("Offerte", f"OF-{quote_day.year}-{rng.randint(100, 499):03d} d.d. {quote_day:%d-%m-%Y}"),
            ("Project", f"P{d.date:%y}-{rng.randint(10, 99):03d}"),
            ("Werkadres", who[-2] + ", " + who[-1].split("  ")[1]),
            ("Uitgevoerd", f"{work_from:%d-%m-%Y} t/m {d.before:%d-%m-%Y}")]
    for i, (k, v) in enumerate(grid):
        col, row = i % 2, i // 2
        x, yy = 50 + 250 * col, 612 - 18 * row
        fill_h17(c, x, yy - 5, 82, 16, 0.9)
        txt(c, x + 4, yy, k, 8, "Helvetica-Bold")
        txt(c, x + 88, yy, v, 8.5 if len(v) < 30 else 7.5, "Helvetica")
    y = 520
    c.setLineWidth(1.5)
    c.line(50, y + 13, 545, y + 13)
    c.setLineWidth(1)
    for x, h, right in [(50, "Omschrijving", False), (365, "Aantal", True), (372, "Eenh.", False),
                        (465, "Prijs", True), (545, "Bedrag", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for name, qty, unit, each, amount in rows:
        y -= 16
        txt(c, 50, y, name, 8.5 if len(name) < 66 else 7.6, "Helvetica")
        txt(c, 365, y, qty, 8.5, right=True)
        txt(c, 372, y, unit, 8.5)
        txt(c, 465, y, "€ " + eu(each), 8.5, right=True)
        txt(c, 545, y, "€ " + eu(amount), 8.5, right=True)
    if instalment:
        y -= 24
        before = {2: [("Termijn 1 (30 %) – bij opdracht", q(contract * 30 / 100))],
                  3: [("Termijn 1 (30 %) – bij opdracht", q(contract * 30 / 100)),
                      ("Termijn 2 (40 %) – gereedmelding isolatie en dakbedekking", q(contract * 40 / 100))]}[term]
        txt(c, 50, y, f"Aanneemsom volgens offerte, excl. btw: € {eu(contract)}", 8, "Helvetica-Oblique")
        for j, (a, v) in enumerate(before):
            txt(c, 50, y - 12 * (j + 1), f"Reeds gefactureerd: {a}: € {eu(v)}", 8, "Helvetica-Oblique")
        y -= 12 * len(before)
    c.line(50, y - 8, 545, y - 8)
    yt = y - 34
    c.rect(330, yt - 42, 215, 56)
    for i, (a, v) in enumerate([("Totaal excl. btw", d.ht), ("Btw 21%", d.tva), ("Totaal incl. btw", d.ttc)]):
        yy = yt - 18 * i
        f = "Helvetica-Bold" if i == 2 else "Helvetica"
        txt(c, 336, yy, a, 10 if i == 2 else 9.5, f)
        txt(c, 539, yy, "€ " + eu(v), 10 if i == 2 else 9.5, f, right=True)
    g_part = q(d.ttc * Decimal("0.25"))
    for i, s in enumerate([f"Wij verzoeken u het totaalbedrag vóór {due:%d-%m-%Y} over te maken onder vermelding van",
                           f"het factuurnummer: € {eu(d.ttc - g_part)} op NL42 RABO 0312 4471 09 en",
                           f"€ {eu(g_part)} op onze G-rekening NL17 INGB 0990 3318 72 (Wet ketenaansprakelijkheid).",
                           "",
                           "Op de uitgevoerde dakbedekking geven wij 10 jaar garantie volgens onze voorwaarden.",
                           "Op al onze werkzaamheden zijn de algemene voorwaarden van de branchevereniging van "
                           "toepassing."]):
        txt(c, 50, yt - 70 - 12 * i, s, 8.5, "Helvetica")
    c.setStrokeColorRGB(0.62, 0.16, 0.12)
    c.setLineWidth(2)
    c.line(50, 62, 545, 62)
    c.setLineWidth(1)
    c.setStrokeColorRGB(0, 0, 0)
    centre_h17(c, 297.5, 50, "Dakwerken De Boer B.V. · KvK 08123957 · btw-id NL809114372B01 · IBAN NL42 RABO 0312 4471 "
                             "09 · Lid van Dakdekkers Nederland", 6.8, "Helvetica")
    c.save()


def es_heladeria(d, path, rng):
    """A Valencian ice-cream parlour's simplified invoice from its till, in a fixed-pitch font: the
    parlour's name and trade name, the company with its NIF and address, "FACTURA SIMPLIFICADA"
    with its number, the date and the time, the till, the table or take-away and who served,
    cones, tubs, horchata, slushes and take-away litres with units and prices, the total with
    "IVA INCLUIDO", cash given and change or the card, the VAT breakdown at 10 % (base, rate,
    quota), and the thanks with the note that a full invoice can be asked for."""
    cat = [("CUCURUCHO 1 BOLA", ["2.80", "3.00"]), ("CUCURUCHO 2 BOLAS", ["4.20", "4.50"]),
           ("TARRINA MEDIANA", ["4.50", "4.80"]), ("HORCHATA VASO GRANDE", ["3.50", "3.80"]),
           ("GRANIZADO LIMON", ["3.20", "3.40"]), ("FARTONS (UD)", ["0.60", "0.70"]),
           ("GOFRE CHOCOLATE", ["5.50", "5.90"]), ("BATIDO VAINILLA", ["4.20", "4.60"]),
           ("HELADO 1 L LLEVAR", ["14.00", "15.50"]), ("AGUA MINERAL 50 CL", ["1.50", "1.60"]),
           ("CAFE CON HIELO", ["1.80", "2.00"]), ("COPA DE LA CASA", ["7.50", "8.20"])]
    picks = rng.sample(cat, len(d.lines) + rng.randint(0, 2))
    rows = []
    for name, prices in picks:
        k = rng.randint(3, 6) if name.startswith("FARTONS") else rng.choice([1, 1, 2, 2, 3])
        each = Decimal(rng.choice(prices))
        rows.append((k, name, each, q(k * each)))
    gross_h17(d, {"10": sum(r[3] for r in rows)})
    till = rng.randint(1, 2)
    d.number = f"FS{till}-{rng.randint(1, 29999):06d}"
    hh, mm, ss = rng.randint(12, 23), rng.randint(0, 59), rng.randint(0, 59)
    height = 430 + 11 * len(rows)
    w = 204
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 28

    def line(s, right=None, size=7, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h17(c, w / 2, y, s, size, font)
        else:
            txt(c, 8, y, s, size, font)
        if right is not None:
            txt(c, w - 8, y, right, size, font, right=True)
        y -= size + 3.2

    line("HELADERIA", size=9, font="Courier-Bold", center=True)
    line("LA VALENCIANA", size=13, font="Courier-Bold", center=True)
    line("Horchateria - Heladeria artesana", size=6.5, center=True)
    y -= 3
    for s in ["HELADOS Y HORCHATAS TORRES S.L.", "NIF B-46218375", "C/ de la Paz, 19", "46003 VALENCIA",
              "Tel. 963 52 17 40"]:
        line(s, size=6.5, center=True)
    y -= 4
    line("FACTURA SIMPLIFICADA", size=8, font="Courier-Bold", center=True)
    line(f"Num.: {d.number}", size=7)
    line(f"Fecha: {d.date:%d/%m/%Y}", f"Hora: {hh:02d}:{mm:02d}:{ss:02d}", size=7)
    where = rng.choice(["MESA 3", "MESA 7", "TERRAZA 12", "BARRA", "PARA LLEVAR"])
    line(f"Caja: {till}  {where}", f"Le atendio: {rng.choice(['LUCIA', 'PEPE', 'AMPARO', 'VICENT'])}", size=6.5)
    line("=" * 38, size=6.5)
    line(f"{'UDS':<4}{'DESCRIPCION':<21}{'PRECIO':>7}", "IMPORTE", size=6.5)
    line("-" * 38, size=6.5)
    for k, name, each, amount in rows:
        line(f"{k:<4}{name[:20]:<21}{eu(each, ''):>7}", eu(amount, ""), size=6.5)
    line("-" * 38, size=6.5)
    line(f"{sum(r[0] for r in rows)} UNIDADES", size=6.5)
    line("TOTAL EUR", eu(d.ttc, "."), size=10, font="Courier-Bold")
    line("(IVA INCLUIDO)", size=6.5)
    y -= 3
    if rng.random() < 0.5:
        given = Decimal((int(d.ttc) // 5 + 1) * 5)
        line("ENTREGADO", eu(given, "."), size=7)
        line("CAMBIO", eu(given - d.ttc, "."), size=7)
    else:
        line("TARJETA", eu(d.ttc, "."), size=7)
        line(f"VISA ****{rng.randint(1000, 9999)}  AUT. {rng.randint(100000, 999999)}", size=6.5)
    y -= 4
    line(f"{'TIPO IVA':<10}{'BASE':>10}{'CUOTA':>9}{'TOTAL':>9}", size=6.5, font="Courier-Bold")
    line(f"{'10,00%':<10}{eu(d.ht, '.'):>10}{eu(d.tva, '.'):>9}{eu(d.ttc, '.'):>9}", size=6.5)
    y -= 6
    for s in ["GRACIAS POR SU VISITA", "Si necesita factura completa", "solicitela en caja con este ticket",
              "Abierto todos los dias de 10 a 24 h"]:
        line(s, size=6.5, center=True)
    c.save()


def it_autonoleggio(d, path, rng):
    """An Italian car hire firm's invoice as the courtesy copy of its electronic invoice, drawn like
    the usual SdI style sheet: the firm's logotype, a note that the fiscal original went through
    the Exchange System, the supplier and customer boxes with their tax identifiers, a row with the
    document type, number, date and recipient code, the rental contract with its own number and
    date, the lines (code, description with the car, plate, pick-up and return, quantity, unit
    price, unit, VAT %, total) at 22 %, the VAT summary and totals rows, the payment row with its
    due date, and the deposit blocked on the card as a note."""
    days = rng.randint(2, 9)
    returned = d.date - dt.timedelta(days=rng.choice([0, 0, 1]))
    picked = returned - dt.timedelta(days=days)
    cars = [("B", "Fiat Panda 1.0 Hybrid", ["34.00", "39.00", "44.00"]),
            ("C", "Lancia Ypsilon 1.0 Hybrid", ["38.00", "45.00"]),
            ("D", "Jeep Renegade 1.6 Mjt", ["58.00", "66.00", "72.00"]),
            ("F", "Fiat Doblò 1.5 BlueHDi 7 posti", ["69.00", "79.00"])]
    grp, car, prices = rng.choice(cars)
    plate = f"G{rng.choice('HJKLM')}{rng.randint(100, 999)}{rng.choice('ABCDEFGHKLMNPRSTVZ')}" \
            f"{rng.choice('ABCDEFGHKLMNPRSTVZ')}"
    sites = ["Grosseto Centro", "Aeroporto di Pisa", "Follonica", "Firenze Santa Maria Novella"]
    start_site = rng.choice(sites[:3])
    end_site = start_site if rng.random() < 0.6 else rng.choice([s for s in sites if s != start_site])
    day_rate = Decimal(rng.choice(prices))
    rows = [("NOL-" + grp, f"Noleggio gruppo {grp} {car} targa {plate}", Decimal(days), "gg", day_rate),
            ("ORC", "Oneri di circolazione e immatricolazione", Decimal(days), "gg", Decimal("2.90"))]
    km_in = rng.randint(12000, 88000)
    km_run = rng.randint(180, 400 + 150 * days)
    free = 250 * days
    options = [("SCDW", "Super Cover – riduzione franchigia danni e furto", Decimal(days), "gg",
                Decimal(rng.choice(["14.90", "16.50"]))),
               ("SEGG", "Seggiolino bambino gruppo 1", Decimal(days), "gg", Decimal("8.00")),
               ("CARB", "Rifornimento carburante mancante", Decimal(rng.randint(60, 240)) / 10, "l",
                Decimal(rng.choice(["2.35", "2.45"]))),
               ("GUID", "Guidatore aggiuntivo", Decimal(days), "gg", Decimal("7.50"))]
    if km_run > free:
        options.append(("KMX", f"Km eccedenti ({km_run} percorsi, {free} inclusi)", Decimal(km_run - free), "km",
                        Decimal("0.25")))
    rows += rng.sample(options, min(len(options), len(d.lines) - 1))
    if end_site != start_site:
        rows.append(("ONEW", f"Supplemento riconsegna in altra sede ({end_site})", Decimal(1), "nr",
                     Decimal("65.00")))
    if "Aeroporto" in start_site:
        rows.append(("AER", "Oneri di servizio aeroportuale (16 % sul noleggio)", Decimal(1), "nr",
                     q(days * day_rate * Decimal("0.16"))))
    rows = [(code, desc, qty, um, each, q(qty * each)) for code, desc, qty, um, each in rows]
    net_h17(d, {"22": sum(r[5] for r in rows)})
    d.number = f"{rng.randint(100, 2999)}/RA"
    contract = f"{rng.randint(10000, 59999)}/{d.date:%y}"
    c = pen(path)
    txt(c, 50, 800, "MAREMMA", 20, "Helvetica-BoldOblique")
    c.setFillColorRGB(0.85, 0.45, 0.05)
    txt(c, 54 + c.stringWidth("MAREMMA", "Helvetica-BoldOblique", 20), 800, "RENT", 20, "Helvetica-BoldOblique")
    c.setFillGray(0)
    txt(c, 50, 787, "Autonoleggi dal 1987 · Grosseto · Follonica · Aeroporto di Pisa", 7.5, "Helvetica")
    txt(c, 545, 803, "Copia di cortesia della fattura elettronica", 7.5, "Helvetica-Oblique", right=True)
    txt(c, 545, 793, "L'originale è stato trasmesso al Sistema di Interscambio", 7, "Helvetica-Oblique", right=True)
    txt(c, 545, 784, "ed è disponibile nel Suo cassetto fiscale.", 7, "Helvetica-Oblique", right=True)

    def box(x, top, wdt, title, rows_):
        h = 18 + 10 * len(rows_)
        c.setLineWidth(0.6)
        c.rect(x, top - h, wdt, h)
        fill_h17(c, x + 0.3, top - 12, wdt - 0.6, 11.7, 0.88)
        txt(c, x + 4, top - 9, title, 7, "Helvetica-Bold")
        for i, (k, v) in enumerate(rows_):
            txt(c, x + 4, top - 22 - 10 * i, f"{k}: ", 6.8, "Helvetica")
            txt(c, x + 4 + c.stringWidth(f"{k}: ", "Helvetica", 6.8), top - 22 - 10 * i, v, 6.8, "Helvetica-Bold")
        return top - h

    sup = [("Identificativo fiscale ai fini IVA", "IT01572230534"), ("Codice fiscale", "01572230534"),
           ("Denominazione", "Maremma Rent S.r.l."), ("Regime fiscale", "RF01 (ordinario)"),
           ("Indirizzo", "Via Aurelia Nord 112"), ("Comune", "Grosseto   Provincia: GR"),
           ("Cap", "58100   Nazione: IT"), ("Telefono", "0564 452110"), ("Email", "amministrazione@maremmarent.it")]
    cust = rng.choice([[("Identificativo fiscale ai fini IVA", "IT04417350482"), ("Codice fiscale", "04417350482"),
                        ("Denominazione", "Studio Tecnico Ferri & Landi"), ("Indirizzo", "Viale Mazzini 41"),
                        ("Comune", "Firenze   Provincia: FI"), ("Cap", "50132   Nazione: IT"),
                        ("Pec", "studioferrilandi@pec.it")],
                       [("Codice fiscale", "BRNMRC79H12D612K"), ("Cognome nome", "BRUNI MARCO"),
                        ("Indirizzo", "Via del Mare 8"), ("Comune", "Livorno   Provincia: LI"),
                        ("Cap", "57128   Nazione: IT")],
                       [("Identificativo fiscale ai fini IVA", "IT02275630981"), ("Codice fiscale", "02275630981"),
                        ("Denominazione", "Vivai Corsini Soc. Agr. s.s."), ("Indirizzo", "Loc. Bellaria 3"),
                        ("Comune", "Pistoia   Provincia: PT"), ("Cap", "51100   Nazione: IT")]])
    card = len(cust) == 5 or rng.random() < 0.5  # a private customer pays by card at the desk
    due = d.date if card else d.date + dt.timedelta(days=30)
    b1 = box(50, 770, 240, "Cedente/prestatore (fornitore)", sup)
    b2 = box(305, 770, 240, "Cessionario/committente (cliente)", cust)
    top = min(b1, b2) - 16

    def grid(top, cols, values, bold=()):
        """A row of headed cells: cols = [(x, width, head)], values under the heads."""
        c.setLineWidth(0.6)
        for j, ((x, wdt, head), v) in enumerate(zip(cols, values)):
            c.rect(x, top - 26, wdt, 26)
            fill_h17(c, x + 0.3, top - 11, wdt - 0.6, 10.7, 0.88)
            txt(c, x + 3, top - 8, head, 6.3, "Helvetica-Bold")
            f = "Helvetica-Bold" if j in bold else "Helvetica"
            txt(c, x + 3, top - 21, v, 7.5 if c.stringWidth(v, f, 7.5) < wdt - 6 else 6.4, f)
        return top - 26

    code = "0000000" if len(cust) == 5 else rng.choice(["M5UXCR1", "SUBM70N", "KRRH6B9"])
    top = grid(top, [(50, 120, "Tipologia documento"), (170, 45, "Art. 73"), (215, 120, "Numero documento"),
                     (335, 90, "Data documento"), (425, 120, "Codice destinatario")],
               ["TD01 fattura", "", d.number, f"{d.date:%d-%m-%Y}", code], bold=(2, 3)) - 8
    top = grid(top, [(50, 125, "Dati contratto – Id documento"), (175, 55, "Data"), (230, 315, "Riferimenti")],
               [f"Contratto di noleggio n. {contract}", f"{picked:%d-%m-%Y}",
                f"Ritiro {start_site} {picked:%d-%m-%Y}  –  Riconsegna {end_site} {returned:%d-%m-%Y}"]) - 12
    cols = [(50, 52, "Cod. articolo", False), (102, 200, "Descrizione", False), (302, 40, "Quantità", True),
            (342, 60, "Prezzo unitario", True), (402, 22, "UM", False), (424, 48, "Sconto o magg.", True),
            (472, 28, "%IVA", True), (500, 45, "Prezzo totale", True)]
    c.setLineWidth(0.6)
    fill_h17(c, 50, top - 12, 495, 12, 0.88)
    for x, wdt, head, right in cols:
        txt(c, x + wdt - 2 if right else x + 2, top - 9, head, 5.8, "Helvetica-Bold", right=right)
    c.rect(50, top - 12, 495, 12)
    y = top - 12
    for codev, desc, qty, um, each, amount in rows:
        parts = [desc] if c.stringWidth(desc, "Helvetica", 6.8) < 196 else [desc[:desc.rfind(" ", 0, 52)],
                                                                             desc[desc.rfind(" ", 0, 52) + 1:]]
        h = 6 + 9 * len(parts)
        vals = [codev, None, f"{qty:.2f}".replace(".", ","), eu(each, "."), um, "", "22,00", eu(amount, ".")]
        for (x, wdt, head, right), v in zip(cols, vals):
            c.rect(x, y - h, wdt, h)
            if v is None:
                for i, p in enumerate(parts):
                    txt(c, x + 2, y - 9 - 9 * i, p, 6.8, "Helvetica")
            else:
                txt(c, x + wdt - 2 if right else x + 2, y - 9, v, 6.8, "Helvetica", right=right)
        y -= h
    txt(c, 52, y - 10, f"Km uscita {km_in} – km rientro {km_in + km_run}", 6.5, "Helvetica-Oblique")
    top = y - 24
    fill_h17(c, 50, top - 12, 495, 12, 0.75)
    txt(c, 54, top - 9, "RIEPILOGHI IVA E TOTALI", 7, "Helvetica-Bold")
    top -= 16
    top = grid(top, [(50, 175, "esigibilità iva / riferimenti normativi"), (225, 45, "%IVA"),
                     (270, 70, "Spese accessorie"), (340, 35, "Arr."), (375, 90, "Totale imponibile"),
                     (465, 80, "Totale imposta")],
               ["I (esigibilità immediata)", "22,00", "", "", eu(d.ht, "."), eu(d.tva, ".")]) - 6
    top = grid(top, [(50, 120, "Importo bollo"), (170, 130, "Sconto/Maggiorazione"), (300, 75, "Arr."),
                     (375, 170, "Totale documento")], ["", "", "", eu(d.ttc, ".")], bold=(3,)) - 12
    pay = ("MP08 (carta di pagamento)", "Pagato al ritiro con carta di credito") if card else \
        ("MP05 (bonifico)", "IBAN IT60 X054 2814 3000 0000 0123 456")
    top = grid(top, [(50, 120, "Modalità pagamento"), (170, 205, "Dettagli"), (375, 80, "Data scadenza"),
                     (455, 90, "Importo")], [pay[0], pay[1], f"{due:%d-%m-%Y}", eu(d.ttc, ".")]) - 24
    deposit = rng.choice(["300,00", "500,00", "800,00"])
    for i, s in enumerate([f"Deposito cauzionale di € {deposit} preautorizzato sulla carta il {picked:%d-%m-%Y} e "
                           f"svincolato alla riconsegna del veicolo.",
                           "Eventuali multe e pedaggi notificati successivamente saranno addebitati con separata "
                           "fattura, maggiorati delle spese di gestione pratica.",
                           "Condizioni generali di noleggio sottoscritte al ritiro; franchigia danni e furto come da "
                           "contratto."]):
        txt(c, 50, top - 10 * i, s, 7, "Helvetica")
    c.setLineWidth(0.4)
    c.line(50, 62, 545, 62)
    centre_h17(c, 297.5, 52, "Maremma Rent S.r.l. – Via Aurelia Nord 112, 58100 Grosseto – Cap. soc. € 50.000,00 i.v. – "
                             "R.E.A. GR-131572 – P.IVA e C.F. 01572230534", 6.3, "Helvetica")
    c.save()


# ---- layouts added for held-out set 18 (session 13) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a theatre box office's narrow ticket standing as a simplified
# invoice, seats at 5.5 % and interval drinks pre-ordered at 10 % and 20 %, the performance's date
# printed under the sale's; a wedding venue's balance invoice with the hire of the rooms at 20 %,
# the catering at 10 % and the wines at 20 %, the two deposit invoices deducted under the total;
# a pool firm's credit note on the early cancellation of a maintenance contract, its period, the
# visits not made and the products taken back, less a cancellation fee), a British scaffolding
# contractor's invoice with the hire weeks, the tax point and the reverse-charge statement, a
# German butcher's party service invoice as a DIN 5008 letter at 7 % and 19 % with its cash
# discount, a Dutch music shop's invoice to a music school with sheet music at 9 % and
# instruments and repairs at 21 %, a Spanish furniture store's rectifying invoice for goods
# returned, in negative amounts, and an Italian window maker's invoice splitting the "beni
# significativi" between 10 % and 22 %. HELD_OUT_18: drawn in session 13, scored only as a table
# of its own, never inspected per document while tuning.

WEEKDAYS_FR_H18 = ["LUN", "MAR", "MER", "JEU", "VEN", "SAM", "DIM"]


def rate_h18(r):
    """'5.5' -> '5,50', '20' -> '20,00' (a rate with two decimals and a comma)."""
    return eu(Decimal(r), "")


def band_h18(c, x, y, w, h, gray):
    c.setFillGray(gray)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setFillGray(0)


def fr_theatre_billetterie(d, path, rng):
    """A French theatre box office's ticket from its till printer, in a fixed-pitch font on narrow
    paper: the theatre's name, status, address, SIRET, VAT number and show licence centred, "FACTURE
    SIMPLIFIEE" and the ticket number, the sale's date and time, box and cashier with the booking
    file number, the show with the day, date and time of the performance, the hall, row and seats,
    the seats per fare at 5.5 % (code A), the interval drinks pre-ordered at the foyer bar at 10 %
    (B) and 20 % (C), the number of articles, "TOTAL TTC", the payment (card, or cash with the
    change), the VAT table per code with a total row, and the terms of the tickets."""
    shows = [("LE MISANTHROPE", "Moliere - m.e.s. Claire Aubry"),
             ("EN ATTENDANT GODOT", "S. Beckett - Cie du Fil Tendu"),
             ("CYRANO DE BERGERAC", "E. Rostand - Cie Les Treteaux"),
             ("LA CERISAIE", "A. Tchekhov - Theatre du Rivage")]
    fares = [("PLEIN TARIF", ["32.00", "28.00"]), ("TARIF REDUIT", ["22.00", "19.00"]),
             ("MOINS DE 26 ANS", ["12.00", "10.00"]), ("ABONNE CARTE 4 SPECT.", ["18.00", "16.00"])]
    bar = {"10": [("JUS DE POMME BIO 25CL", "3.50"), ("CAFE EXPRESSO", "2.00"), ("FONDANT AU CHOCOLAT", "4.50")],
           "20": [("COUPE CHAMPAGNE BRUT", "9.00"), ("VERRE VIN ROUGE AOP", "5.50"), ("VESTIAIRE", "1.50")]}
    code = {"5.5": "A", "10": "B", "20": "C"}
    rows, n = [], defaultdict(int)  # (name, count, each, rate)
    for i, (_, qty, _, rate) in enumerate(d.lines):
        rate = "5.5" if i == 0 else rate  # a box office ticket always sells seats
        if rate == "5.5":
            name, prices = fares[n[rate]]
            k = 1 + qty % 4
        else:
            name, price = bar[rate][n[rate]]
            prices = [price]
            k = 1 + qty % 3
        n[rate] += 1
        rows.append((name, k, Decimal(rng.choice(prices)), rate))
    gross = defaultdict(Decimal)
    for name, k, each, rate in rows:
        gross[rate] += k * each
    gross_h16(d, gross)
    box = rng.randint(1, 3)
    d.number = f"{box:04d}-{rng.randint(10000, 99999):06d}"
    show = rng.choice(shows)
    perf = d.date + dt.timedelta(days=rng.choice([0, 0, 2, 6, 11, 23, 38]))
    seats_n = sum(r[1] for r in rows if r[3] == "5.5")
    row_letter = rng.choice("CDEFGHJK")
    first_seat = rng.randint(1, 20)
    hh, mm = rng.randint(11, 19), rng.randint(0, 59)
    cash = rng.random() < 0.3
    height = 430 + 20 * len(rows) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(204, height), invariant=1)
    y = height - 24

    def line(s, right=None, size=7, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h16(c, 102, y, s, size, font)
        else:
            txt(c, 9, y, s, size, font)
        if right is not None:
            txt(c, 195, y, right, size, font, right=True)
        y -= size + 3

    sep = "-" * 44
    line("THEATRE DES", size=11, font="Courier-Bold", center=True)
    line("QUATRE-VENTS", size=11, font="Courier-Bold", center=True)
    line("Scène conventionnée d'intérêt national", size=6.5, font="Helvetica-Oblique", center=True)
    line("2 PLACE DU RALLIEMENT - 49100 ANGERS", size=6.5, center=True)
    line("BILLETTERIE 02 41 88 47 10", size=6.5, center=True)
    line("SIRET 319 402 118 00024 - APE 9001Z", size=6.5, center=True)
    line("TVA FR 64 319402118", size=6.5, center=True)
    line("LIC. PLATESV-R-2021-004512", size=6.5, center=True)
    line(sep, size=6.5)
    line("FACTURE SIMPLIFIEE", size=8, font="Courier-Bold", center=True)
    line("TICKET N.", d.number, size=7.5, font="Courier-Bold")
    line(f"LE {d.date:%d/%m/%Y} A {hh:02d}:{mm:02d}", f"GUICHET {box}")
    line(f"CAISSE : {rng.choice(['MARINE', 'YANNICK', 'SOPHIE', 'KARIM'])}", f"DOSSIER {rng.randint(400000, 699999)}")
    line(sep, size=6.5)
    line(show[0], size=8, font="Courier-Bold", center=True)
    line(show[1], size=6.5, center=True)
    line(f"REPRESENTATION DU {WEEKDAYS_FR_H18[perf.weekday()]} {perf:%d/%m/%Y}", size=7, center=True)
    line(f"A {rng.choice(['19H00', '20H00', '20H30'])} - OUVERTURE DES PORTES 45 MIN AVANT", size=6, center=True)
    line(f"SALLE VILAR - {rng.choice(['PARTERRE', 'CORBEILLE', '1ER BALCON'])} - RANG {row_letter}", size=6.5,
         center=True)
    line(f"PLACES {first_seat} A {first_seat + seats_n - 1}" if seats_n > 1 else f"PLACE {first_seat}", size=6.5,
         center=True)
    line(sep, size=6.5)
    drinks = False
    for name, k, each, rate in rows:
        if rate != "5.5" and not drinks:
            drinks = True
            line("PRE-COMMANDE ENTRACTE - BAR DU FOYER", size=6.5, font="Courier-Bold")
        line(name, f"{eu(k * each, ' ')} {code[rate]}")
        if k > 1:
            line(f"   {k} X {eu(each, ' ')}", size=6.5)
    line(sep, size=6.5)
    line(f"NB ARTICLES : {sum(r[1] for r in rows)}", size=6.5)
    line("TOTAL TTC", f"{eu(d.ttc, ' ')} EUR", size=9, font="Courier-Bold")
    if cash:
        given = Decimal((int(d.ttc) // 10 + 1) * 10)
        line("ESPECES", eu(given, " "))
        line("RENDU MONNAIE", eu(given - d.ttc, " "))
    else:
        line("CB SANS CONTACT", eu(d.ttc, " "))
        line(f"CARTE ****{rng.randint(1000, 9999)}  AUTO {rng.randint(100000, 999999)}", size=6.5)
    line(sep, size=6.5)
    line(f"{'CODE':<5}{'TAUX':>7}{'HT':>10}{'TVA':>8}{'TTC':>10}", size=7, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        line(f"{code[r]:<5}{rate_h18(r) + '%':>7}{eu(d.base[r], ' '):>10}{eu(d.vat[r], ' '):>8}"
             f"{eu(d.base[r] + d.vat[r], ' '):>10}", size=7)
    line(f"{'TOTAL':<12}{eu(d.ht, ' '):>10}{eu(d.tva, ' '):>8}{eu(d.ttc, ' '):>10}", size=7)
    line(sep, size=6.5)
    for s in ["BILLETS NI REPRIS NI ECHANGES,", "SAUF ANNULATION DU SPECTACLE.",
              "LE PLACEMENT N'EST PLUS GARANTI", "APRES LE DEBUT DE LA REPRESENTATION.",
              "TICKET A CONSERVER : IL TIENT LIEU", "DE FACTURE SIMPLIFIEE (ART. 242 NONIES A",
              "ANNEXE II DU CGI)."]:
        line(s, size=6.5, center=True)
    y -= 4
    line("MERCI ET BON SPECTACLE !", size=7.5, font="Courier-Bold", center=True)
    line("www.theatre-quatre-vents.fr", size=6.5, center=True)
    c.save()


def fr_salle_reception(d, path, rng):
    """A French wedding venue's balance invoice in a serif font: a dark band down the left edge with
    the venue's trades set vertically, the estate's name and address, "FACTURE DE SOLDE" with the
    number, date and due date at the right, the couple in a box, the event (its long date, the
    contract and the day it was signed, the guests), the lines in three sections with their own
    VAT rate and subtotal (hire of the rooms at 20 %, catering and soft drinks at 10 %, wines and
    champagne at 20 %), the totals at the right with one VAT line per rate, then the two deposit
    invoices (number and date) deducted and the balance to pay, bank details and legal mentions."""
    guests = rng.randint(70, 150)
    kids = rng.randint(3, 14)
    adults = guests - kids
    hire = [("Location salle des Pressoirs (240 m²), samedi 10 h - dimanche 4 h", "forfait", 1,
             ["2650.00", "2950.00", "3300.00"]),
            ("Parc, terrasse et orangerie (cérémonie laïque, vin d'honneur)", "forfait", 1, ["480.00", "620.00"]),
            ("Mobilier : tables rondes Ø 180, chaises Napoléon III, nappage", "forfait", 1, ["390.00", "440.00"]),
            ("Prolongation de la soirée au-delà de 4 h", "heure", rng.randint(1, 2), ["150.00", "180.00"]),
            ("Ménage et remise en état des espaces", "forfait", 1, ["260.00", "310.00"])]
    food = [("Vin d'honneur : 10 pièces cocktail par invité", "pers.", guests, ["10.50", "12.00", "13.50"]),
            ("Menu « Vendanges » : entrée, plat, fromages, pièce montée", "couv.", adults, ["64.00", "69.00", "76.00"]),
            ("Menu enfant (moins de 12 ans)", "couv.", kids, ["19.00", "23.00"]),
            ("Forfait boissons sans alcool : eaux, jus, sodas, café", "pers.", guests, ["4.50", "5.50"]),
            ("Service au-delà de 1 h : maître d'hôtel et serveurs", "heure", rng.randint(4, 12), ["41.00", "46.00"]),
            ("Brunch du lendemain", "pers.", rng.randint(25, 60), ["26.00", "29.00"])]
    wines = [("Forfait vins de Bourgogne, 1/2 bouteille par adulte", "pers.", adults, ["14.00", "16.50"]),
             ("Champagne brut au dessert, une coupe par adulte", "pers.", adults, ["8.50", "9.50"]),
             ("Droit de bouchon (vins fournis par les mariés)", "bt", rng.randint(12, 40), ["7.00", "9.00"])]

    def pick(items, lo, hi):
        return sorted(rng.sample(items, rng.randint(lo, hi)), key=items.index)

    sections = [("LOCATION DES ESPACES", "20", [hire[0]] + pick(hire[1:], 1, 3)),
                ("RESTAURATION ET BOISSONS SANS ALCOOL", "10", food[:2] + pick(food[2:], 1, 3)),
                ("VINS ET CHAMPAGNE", "20", pick(wines, 1, 2))]
    table = []
    base = defaultdict(Decimal)
    for title, rate, items in sections:
        rows = []
        for label, unit, qty, prices in items:
            each = Decimal(rng.choice(prices))
            rows.append((label, unit, qty, each, q(qty * each)))
            base[rate] += q(qty * each)
        table.append((title, rate, rows))
    net_h16(d, base)
    n = rng.randint(160, 900)
    d.number = f"{d.date:%Y}-{n:04d}"
    event = d.before
    signed = event - dt.timedelta(days=rng.randint(180, 330))
    second = event - dt.timedelta(days=rng.randint(28, 45))
    k2 = rng.randint(20, 60)
    k1 = k2 + rng.randint(40, 95)

    def serial(day, k):
        return f"{day:%Y}-{(n - k if day.year == d.date.year else 980 - k):04d}"

    dep1 = Decimal(int(d.ttc * Decimal("0.3") / 100) * 100)
    dep2 = Decimal(int(d.ttc * Decimal("0.4") / 100) * 100)
    due = d.date + dt.timedelta(days=15)
    c = pen(path, "Times-Roman")
    band_h18(c, 0, 0, 40, 842, 0.22)
    c.saveState()
    c.setFillGray(1)
    c.setFont("Times-Roman", 11)
    c.translate(26, 421)
    c.rotate(90)
    c.drawCentredString(0, 0, "DOMAINE DES VERGERS  ·  RÉCEPTIONS  ·  MARIAGES  ·  SÉMINAIRES  ·  MEURSAULT")
    c.restoreState()
    txt(c, 70, 796, "Domaine des Vergers", 24, "Times-BoldItalic")
    txt(c, 70, 780, "Salles de réception & traiteur – Côte de Beaune", 10, "Times-Italic")
    txt(c, 70, 766, "12 route de Volnay – 21190 Meursault", 9, "Times-Roman")
    txt(c, 70, 755, "Tél. 03 80 21 64 90 – evenements@domaine-des-vergers.fr", 9)
    txt(c, 545, 796, "FACTURE DE SOLDE", 15, "Times-Bold", right=True)
    for i, (k, v) in enumerate([("Facture n°", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"),
                                ("Date d'échéance", f"{due:%d/%m/%Y}"),
                                ("Réf. client", f"MAR-{event:%y}-{rng.randint(10, 99)}")]):
        txt(c, 400, 778 - 13 * i, k, 9, "Times-Roman")
        txt(c, 545, 778 - 13 * i, v, 9.5, "Times-Bold", right=True)
    couple = rng.choice([("M. et Mme Julien ROUSSEL", "8 rue des Tanneurs", "21000 DIJON"),
                         ("Mme Camille BERTHIER et M. Hugo LANGLOIS", "45 avenue Foch", "71100 CHALON-SUR-SAÔNE"),
                         ("M. Thomas GIRARD et Mme Léa PERRIN", "3 impasse des Vignes", "21200 BEAUNE")])
    c.rect(345, 640, 200, 62)
    txt(c, 351, 692, "Facturé à", 8, "Times-Italic")
    for i, s in enumerate(couple):
        txt(c, 351, 678 - 12 * i, s, 10 if i == 0 else 9.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 70, 700, "Événement", 8, "Times-Italic")
    txt(c, 70, 686, f"Mariage du {long_date(event, 'fr')}", 12, "Times-Bold")
    txt(c, 70, 672, f"Contrat n° CR-{signed:%y}-{rng.randint(100, 199)} signé le {signed:%d/%m/%Y}", 9, "Times-Roman")
    txt(c, 70, 660, f"Invités : {adults} adultes, {kids} enfants (confirmés le "
                    f"{event - dt.timedelta(days=10):%d/%m/%Y})", 9, "Times-Roman")
    txt(c, 70, 648, "Coordinatrice : Élise Marchand", 9, "Times-Roman")
    y = 612
    band_h18(c, 65, y - 4, 480, 15, 0.85)
    for x, h, right in [(70, "Désignation", False), (348, "Unité", False), (392, "Qté", True), (448, "PU HT", True),
                        (480, "TVA", True), (542, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Times-Bold", right=right)
    for title, rate, rows in table:
        y -= 18
        txt(c, 70, y, title, 8.5, "Times-Bold")
        for label, unit, qty, each, amount in rows:
            y -= 13
            txt(c, 76, y, label, 8.5, "Times-Roman")
            txt(c, 348, y, unit, 8.5)
            txt(c, 392, y, str(qty), 8.5, right=True)
            txt(c, 448, y, eu(each, " "), 8.5, right=True)
            txt(c, 480, y, f"{rate} %", 8.5, right=True)
            txt(c, 542, y, eu(amount, " "), 8.5, right=True)
        y -= 13
        c.setStrokeGray(0.6)
        c.line(400, y + 9, 545, y + 9)
        c.setStrokeGray(0)
        txt(c, 470, y, f"Sous-total {title.split()[0].lower()} HT", 8, "Times-Italic", right=True)
        txt(c, 542, y, eu(sum(r[4] for r in rows), " "), 8.5, "Times-Italic", right=True)
    y -= 30
    rows = [("Total HT", eu(d.ht, " ") + " €", "Times-Roman")]
    for r in sorted(d.base, key=Decimal):
        rows.append((f"TVA {r} % sur {eu(d.base[r], ' ')} €", eu(d.vat[r], " ") + " €", "Times-Roman"))
    rows.append(("Total TTC", eu(d.ttc, " ") + " €", "Times-Bold"))
    for i, (k, v, f) in enumerate(rows):
        txt(c, 330, y - 15 * i, k, 10, f)
        txt(c, 542, y - 15 * i, v, 10, f, right=True)
    y -= 15 * len(rows)
    c.line(330, y + 10, 545, y + 10)
    deps = [(f"Acompte – facture n° {serial(signed, k1)} du {signed:%d/%m/%Y}", dep1),
            (f"Acompte – facture n° {serial(second, k2)} du {second:%d/%m/%Y}", dep2)]
    for i, (k, v) in enumerate(deps):
        txt(c, 270, y - 3 - 14 * i, k, 9, "Times-Italic")
        txt(c, 542, y - 3 - 14 * i, "- " + eu(v, " ") + " €", 9, "Times-Italic", right=True)
    y -= 3 + 14 * len(deps) + 8
    c.setLineWidth(1.2)
    c.rect(326, y - 6, 219, 20)
    c.setLineWidth(1)
    txt(c, 332, y, "RESTE À PAYER", 11, "Times-Bold")
    txt(c, 540, y, eu(d.ttc - dep1 - dep2, " ") + " €", 11, "Times-Bold", right=True)
    txt(c, 70, 150, f"Règlement du solde par virement avant le {due:%d/%m/%Y} :", 9, "Times-Bold")
    txt(c, 70, 138, "IBAN FR76 1027 8080 6400 0204 5110 128 – BIC CMCIFR2A – Crédit Mutuel Beaune", 9, "Times-Roman")
    txt(c, 70, 122, "Pas d'escompte pour paiement anticipé. Tout retard de paiement entraîne des pénalités au taux "
                    "d'intérêt légal majoré de 10 points.", 7.5, "Times-Italic")
    txt(c, 70, 112, "La caution de 1 500 € (chèque non encaissé) sera restituée après l'état des lieux de sortie.",
        7.5, "Times-Italic")
    c.setStrokeGray(0.5)
    c.line(70, 80, 545, 80)
    c.setStrokeGray(0)
    for i, s in enumerate(["SAS Domaine des Vergers au capital de 80 000 € – RCS Dijon 812 447 903 – SIRET 812 447 903 "
                           "00015 – APE 5621Z",
                           "N° TVA intracommunautaire FR 48 812447903 – Licence restaurant n° 21-0418"]):
        centre_h16(c, 307, 68 - 9 * i, s, 7, "Times-Roman")
    c.save()


def fr_pisciniste_avoir(d, path, rng):
    """A French pool firm's credit note to a private customer: waves drawn beside the firm's name,
    a framed "AVOIR" block at the right with its number, date, customer code and the invoice
    credited with its date, the customer's address under it, the subject giving the maintenance
    contract, its yearly period and the day the cancellation was received, a ruled table with the
    monthly visits not made, the services of the contract not carried out and the products taken
    back as positive amounts, less the early cancellation fee, a VAT summary at the left and the
    totals in a shaded box at the right ("TOTAL AVOIR TTC"), the refund, and the firm's insurance
    and registry at the foot."""
    signed = d.before - dt.timedelta(days=rng.randint(60, 240))
    start = dt.date(signed.year, signed.month, 1)
    end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    left = max(2, (end.year - d.before.year) * 12 + end.month - d.before.month)
    contract = f"CE-{start:%y}-{rng.randint(100, 480):04d}"
    extra = [("CE-HIV", "Hivernage actif de fin de saison (compris au contrat)", 1, ["145.00", "165.00"]),
             ("CE-REM", "Remise en route de printemps (comprise au contrat)", 1, ["135.00", "155.00"]),
             ("PR-CHL5", "Reprise : chlore lent galets 250 g, seau 5 kg, non entamé", rng.randint(1, 3),
              ["54.90", "59.90"]),
             ("PR-PHM6", "Reprise : pH moins micro-billes, seau 6 kg, non entamé", rng.randint(1, 2),
              ["29.50", "32.90"]),
             ("PR-FLOC", "Reprise : floculant en cartouches, boîte de 8", rng.randint(1, 3), ["18.90", "21.40"])]
    rows = [("CE-PASS", f"Passages d'entretien mensuels non effectués jusqu'au {end:%d/%m/%Y}", left,
             Decimal(rng.choice(["58.00", "65.00", "72.00"])))]
    for ref, label, qty, prices in sorted(rng.sample(extra, min(len(d.lines), 3)), key=extra.index):
        rows.append((ref, label, qty, Decimal(rng.choice(prices))))
    if rng.random() < 0.6:
        rows.append(("FR-RES", "Frais de résiliation anticipée (art. 11 du contrat)", 1,
                     -Decimal(rng.choice(["60.00", "75.00"]))))
    net_h16(d, {"20": sum(q(qty * each) for _, _, qty, each in rows)})
    d.number = f"AV-{d.date:%y}-{rng.randint(10, 250):04d}"
    origin = start + dt.timedelta(days=rng.randint(0, 12))
    origin_no = f"FC-{origin:%y}-{rng.randint(300, 2400):04d}"
    c = pen(path)
    c.setStrokeColorRGB(0.1, 0.35, 0.6)
    c.setLineWidth(2)
    for k in range(3):
        p = c.beginPath()
        p.moveTo(50, 792 - 8 * k)
        for j in range(3):
            x0 = 50 + 16 * j
            p.curveTo(x0 + 4, 798 - 8 * k, x0 + 12, 786 - 8 * k, x0 + 16, 792 - 8 * k)
        c.drawPath(p)
    c.setStrokeGray(0)
    c.setLineWidth(1)
    txt(c, 108, 794, "AZUR BASSINS", 19, "Helvetica-Bold")
    txt(c, 108, 780, "Construction · Rénovation · Entretien de piscines et spas", 8.5, "Helvetica-Oblique")
    txt(c, 50, 756, "145 avenue de la Mer – 83500 La Seyne-sur-Mer", 8.5, "Helvetica")
    txt(c, 50, 745, "Tél. 04 94 30 18 72 – sav@azurbassins.fr", 8.5)
    c.setLineWidth(1.5)
    c.rect(360, 730, 185, 80)
    c.setLineWidth(1)
    centre_h16(c, 452, 792, "AVOIR", 16, "Helvetica-Bold")
    for i, (k, v) in enumerate([("N° :", d.number), ("Date :", f"{d.date:%d/%m/%Y}"),
                                ("Code client :", f"C{rng.randint(1000, 4999)}"),
                                ("Sur facture :", f"{origin_no} du {origin:%d/%m/%Y}")]):
        txt(c, 366, 776 - 12 * i, k, 8.5, "Helvetica")
        txt(c, 540, 776 - 12 * i, v, 8.5, "Helvetica-Bold", right=True)
    who = rng.choice([("M. et Mme Bertrand FAURE", "27 chemin des Oliviers", "83150 BANDOL"),
                      ("Mme Nathalie COSTA", "Villa Les Mimosas, 4 allée des Pins", "83110 SANARY-SUR-MER"),
                      ("M. Philippe AUBERT", "112 montée du Faron", "83200 TOULON")])
    for i, s in enumerate(who):
        txt(c, 360, 700 - 13 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 50, 640, f"Objet : résiliation du contrat d'entretien n° {contract}", 9.5, "Helvetica-Bold")
    txt(c, 50, 627, f"Période du contrat : du {start:%d/%m/%Y} au {end:%d/%m/%Y} – demande de résiliation reçue "
                    f"le {d.before:%d/%m/%Y} (lettre recommandée)", 8.5, "Helvetica")
    txt(c, 50, 615, "Le présent avoir annule les prestations facturées d'avance et non réalisées.", 8.5,
        "Helvetica-Oblique")
    y = 585
    c.setLineWidth(0.6)
    c.line(50, y + 12, 545, y + 12)
    for x, h, right in [(54, "Réf.", False), (104, "Désignation", False), (426, "Qté", True), (481, "P.U. HT", True),
                        (541, "Montant HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for ref, label, qty, each in rows:
        y -= 17
        txt(c, 54, y, ref, 8, "Helvetica")
        txt(c, 104, y, label, 8)
        txt(c, 426, y, str(qty), 8, right=True)
        txt(c, 481, y, ("-" if each < 0 else "") + eu(abs(each), " "), 8, right=True)
        txt(c, 541, y, ("-" if each < 0 else "") + eu(abs(q(qty * each)), " "), 8, right=True)
        c.setStrokeGray(0.8)
        c.line(50, y - 6, 545, y - 6)
        c.setStrokeGray(0)
    for x in [50, 100, 400, 430, 485, 545]:
        c.line(x, 597, x, y - 6)
    c.setLineWidth(1)
    yt = y - 50
    txt(c, 50, yt + 14, "Récapitulatif TVA", 8, "Helvetica-Bold")
    c.rect(50, yt - 24, 250, 34)
    for x, h in [(56, "Taux"), (150, "Base HT"), (220, "TVA"), (294, "TTC")]:
        txt(c, x, yt, h, 8, "Helvetica-Bold", right=x > 56)
    txt(c, 56, yt - 16, "20,00 %", 8.5, "Helvetica")
    txt(c, 150, yt - 16, eu(d.ht, " "), 8.5, right=True)
    txt(c, 220, yt - 16, eu(d.tva, " "), 8.5, right=True)
    txt(c, 294, yt - 16, eu(d.ttc, " "), 8.5, right=True)
    band_h18(c, 340, yt - 46, 205, 64, 0.88)
    c.rect(340, yt - 46, 205, 64)
    for i, (k, v, bold) in enumerate([("Total HT", d.ht, False), ("TVA 20,00 %", d.tva, False),
                                      ("TOTAL AVOIR TTC", d.ttc, True)]):
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 348, yt + 4 - 19 * i, k, 10.5 if bold else 9.5, f)
        txt(c, 538, yt + 4 - 19 * i, eu(v, " ") + " €", 10.5 if bold else 9.5, f, right=True)
    refund = d.date + dt.timedelta(days=15)
    txt(c, 50, yt - 72, f"Remboursement par virement sur le compte ayant servi au prélèvement, au plus tard le "
                        f"{refund:%d/%m/%Y}.", 8.5, "Helvetica")
    txt(c, 50, yt - 84, "Les produits repris l'ont été dans leur emballage d'origine scellé ; aucun produit "
                        "entamé n'est repris.", 8, "Helvetica-Oblique")
    c.setStrokeGray(0.5)
    c.line(50, 78, 545, 78)
    c.setStrokeGray(0)
    for i, s in enumerate(["SARL Azur Bassins au capital de 15 000 € – RCS Toulon 502 118 774 – SIRET 502 118 774 "
                           "00031 – APE 4299Z – TVA intracommunautaire FR 71 502118774",
                           "Garantie décennale : SMABTP, contrat n° 3204715/1091 – couverture France métropolitaine – "
                           "Médiateur de la consommation : CM2C, 14 rue Saint-Jean, 75017 Paris"]):
        centre_h16(c, 297.5, 66 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def en_uk_scaffolding(d, path, rng):
    """A British scaffolding contractor's invoice: a dark band across the top with the firm's name
    in white and "INVOICE" at its right, the trade line and the NASC membership under it, "Invoice
    To" at the left and a ruled grid at the right (invoice number, invoice date / tax point,
    account, customer's order number, job number, quotation with its date), the site address,
    lines with code, description, quantity, unit, rate and net amount, the erection and
    dismantling when the job starts, the weekly hire for a hire period with its dates and weeks,
    extras, a VAT analysis at the left and the totals at the right in pounds, the statement that the
    domestic reverse charge does not apply, the due date, bank details and the company's
    registration at the foot."""
    weeks = rng.randint(2, 6)
    w0 = rng.choice([1, 1, 5, 9, 13])
    period_end = d.before
    period_start = period_end - dt.timedelta(days=7 * weeks - 1)
    extras = [("ROOF", "Temporary roof, Haki system, incl. sheeting", 1, "job", ["1450.00", "1720.00"]),
              ("ALARM", "Monitored scaffold alarm, hire", weeks, "wk", ["22.00", "28.00"]),
              ("INSP", "Additional inspection & Scafftag after high winds", 1, "ea", ["65.00", "75.00"]),
              ("LBAY", "Loading bay 1.5 t with up-and-over gate", 1, "ea", ["240.00", "285.00"]),
              ("ADAPT", "Adaptation: drop lift for window fitters (2 men)", rng.randint(3, 8), "hr",
               ["32.00", "36.00"])]
    rows = []
    if w0 == 1:
        rows.append(("E&D", "Erect & dismantle independent scaffold, rear elevation, 4 lifts", 1, "job",
                     Decimal(rng.choice(["1850.00", "2240.00", "2680.00"]))))
    rows.append(("HIRE", f"Scaffold hire, weeks {w0} to {w0 + weeks - 1} ({period_start:%d/%m/%y} - "
                         f"{period_end:%d/%m/%y})", weeks, "wk", Decimal(rng.choice(["85.00", "110.00", "145.00"]))))
    for code, label, qty, unit, prices in sorted(rng.sample(extras, len(d.lines) - 1), key=extras.index):
        rows.append((code, label, qty, unit, Decimal(rng.choice(prices))))
    net_h16(d, {"20": sum(q(r[2] * r[4]) for r in rows)})
    d.number = str(rng.randint(14000, 29999))
    due = d.date + dt.timedelta(days=30)
    quote_day = period_start - dt.timedelta(days=rng.randint(10, 50))

    def gbp(v):
        return "£" + us(v)

    c = pen(path)
    band_h18(c, 0, 770, 595, 72, 0.15)
    c.setFillGray(1)
    txt(c, 40, 808, "CASTLEGATE SCAFFOLDING LTD", 19, "Helvetica-Bold")
    txt(c, 40, 792, "Commercial & Domestic Scaffolding · Temporary Roofs · Edge Protection", 8.5, "Helvetica")
    txt(c, 40, 780, "Unit 7, Parkway Industrial Estate, Sheffield S9 3BL · 0114 244 7810", 8, "Helvetica")
    txt(c, 555, 800, "INVOICE", 24, "Helvetica-Bold", right=True)
    c.setFillGray(0)
    txt(c, 40, 755, "NASC Full Contractor Member · CISRS-trained operatives · SMAS accredited", 7.5,
        "Helvetica-Oblique")
    txt(c, 40, 730, "Invoice To", 8, "Helvetica-Bold")
    who = rng.choice([("Northfield Homes Housing Association", "Property Services", "Carver House, 12 Carver Street",
                       "Sheffield", "S1 4FS"),
                      ("St Wilfrid's Academy Trust", "Estates Department", "Abbeydale Road South", "Sheffield",
                       "S17 3LB"),
                      ("Mr & Mrs R. Whitworth", "", "41 Endcliffe Rise Road", "Sheffield", "S11 8RU")])
    site = {"N": rng.choice(["Block C, Gleadless Valley Estate, Sheffield S2 3AN",
                             "1-24 Norfolk Park Court, Sheffield S2 2PL"]),
            "S": "St Wilfrid's Academy, Sports Hall, Sheffield S17 3LB",
            "M": "41 Endcliffe Rise Road, Sheffield S11 8RU"}[who[0][0]]
    yy = 716
    for s in who:
        if s:
            txt(c, 40, yy, s, 9.5, "Helvetica-Bold" if yy == 716 else "Helvetica")
            yy -= 12
    grid = [("Invoice No.", d.number), ("Invoice Date / Tax Point", f"{d.date:%d/%m/%Y}"),
            ("Account", f"{who[0][:3].upper().replace(' ', '')}{rng.randint(1, 99):03d}"),
            ("Your Order No.", rng.choice(["PO-", "WO/", "4500"]) + str(rng.randint(10000, 99999))),
            ("Job No.", f"J{period_start:%y}-{rng.randint(100, 899)}"),
            ("Quotation", f"Q{rng.randint(2000, 4999)} dated {quote_day:%d/%m/%Y}")]
    for i, (k, v) in enumerate(grid):
        y0 = 730 - 16 * i
        c.rect(310, y0 - 5, 245, 16)
        band_h18(c, 310.5, y0 - 4.5, 115, 15, 0.9)
        c.rect(310, y0 - 5, 115, 16)
        txt(c, 314, y0, k, 8, "Helvetica-Bold")
        txt(c, 430, y0, v, 8.5, "Helvetica")
    txt(c, 40, 620, "Site:", 9, "Helvetica-Bold")
    txt(c, 70, 620, site, 9, "Helvetica")
    txt(c, 40, 607, f"Hire period this invoice: {period_start:%d %B %Y} to {period_end:%d %B %Y} ({weeks} weeks). "
                    "Minimum hire 4 weeks.", 8, "Helvetica")
    y = 580
    band_h18(c, 40, y - 5, 515, 16, 0.15)
    c.setFillGray(1)
    for x, h, right in [(44, "Code", False), (84, "Description", False), (400, "Qty", True), (410, "Unit", False),
                        (490, "Rate", True), (551, "Net", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.setFillGray(0)
    for code, label, qty, unit, each in rows:
        y -= 18
        txt(c, 44, y, code, 8, "Helvetica")
        txt(c, 84, y, label, 8.5)
        txt(c, 400, y, str(qty), 8.5, right=True)
        txt(c, 410, y, unit, 8.5)
        txt(c, 490, y, us(each), 8.5, right=True)
        txt(c, 551, y, us(q(qty * each)), 8.5, right=True)
        c.setStrokeGray(0.75)
        c.line(40, y - 6, 555, y - 6)
        c.setStrokeGray(0)
    y -= 50
    txt(c, 40, y + 14, "VAT Analysis", 8.5, "Helvetica-Bold")
    for i, row in enumerate([("Code", "Rate", "Net", "VAT"), ("S", "20.00%", gbp(d.ht), gbp(d.tva))]):
        f = "Helvetica-Bold" if i == 0 else "Helvetica"
        txt(c, 40, y - 13 * i, row[0], 8, f)
        txt(c, 70, y - 13 * i, row[1], 8, f)
        txt(c, 170, y - 13 * i, row[2], 8, f, right=True)
        txt(c, 240, y - 13 * i, row[3], 8, f, right=True)
    for i, (k, v, bold) in enumerate([("Net Total", d.ht, False), ("VAT @ 20%", d.tva, False),
                                      ("TOTAL DUE", d.ttc, True)]):
        f = "Helvetica-Bold" if bold else "Helvetica"
        txt(c, 380, y - 17 * i, k, 11 if bold else 9.5, f)
        txt(c, 551, y - 17 * i, gbp(v), 11 if bold else 9.5, f, right=True)
    c.setLineWidth(1.5)
    c.line(380, y - 40, 555, y - 40)
    c.line(380, y - 43, 555, y - 43)
    c.setLineWidth(1)
    txt(c, 40, y - 40, "Domestic reverse charge does not apply: the customer has confirmed", 7.5, "Helvetica-Oblique")
    txt(c, 40, y - 49, "in writing that it is an end user (VAT Notice 735, section 7).", 7.5, "Helvetica-Oblique")
    yb = 150
    c.roundRect(40, yb - 40, 300, 58, 4)
    txt(c, 48, yb + 6, f"Payment terms: strictly 30 days. Please pay by {due.day} {due:%B %Y}.", 8.5, "Helvetica-Bold")
    txt(c, 48, yb - 8, "Barclays Bank plc · Sort code 20-45-77 · Account 43917266", 8.5, "Helvetica")
    txt(c, 48, yb - 20, f"Please quote invoice {d.number} as your payment reference.", 8.5)
    txt(c, 48, yb - 32, "Hire continues until an off-hire number is issued by our office.", 7.5, "Helvetica-Oblique")
    txt(c, 555, yb + 6, "Thank you for your business", 9, "Helvetica-Oblique", right=True)
    c.setStrokeGray(0.5)
    c.line(40, 72, 555, 72)
    c.setStrokeGray(0)
    for i, s in enumerate(["Castlegate Scaffolding Ltd · Registered in England & Wales No. 07412298 · Registered "
                           "office: Unit 7, Parkway Industrial Estate, Sheffield S9 3BL",
                           "VAT Reg. No. GB 298 4471 62 · Late payments attract interest and compensation under the "
                           "Late Payment of Commercial Debts (Interest) Act 1998"]):
        centre_h16(c, 297.5, 60 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def de_partyservice(d, path, rng):
    """A German butcher's party service invoice as a DIN 5008 letter in a serif font: the shop's
    name at the top right, the small sender line over the address window, the customer in the
    window, an information block at the right (customer number, invoice number, order date,
    delivery note, date of service, date), the subject with the event and its long date, the
    salutation, a table with position, quantity, unit, description, VAT rate, unit price and total,
    food delivered without service at 7 % and drinks, hired tableware and delivery at 19 %, the net
    amount per rate, the VAT per rate and "Rechnungsbetrag", the due date and the cash discount
    with the amount it would leave, the closing, and the three-column footer."""
    persons = rng.randint(40, 180)
    cat = {"7": [("Spanferkel vom Holzkohlegrill mit Kruste", "Port.", persons, ["14.50", "16.90"]),
                 ("Warmes Buffet „Oberpfalz“: Braten, Knödel, Blaukraut", "Pers.", persons, ["21.50", "24.80"]),
                 ("Kalte Platten: Aufschnitt, Käse, Obatzda, Radi", "Pers.", persons, ["12.90", "14.50"]),
                 ("Brezen und Bauernbrot", "Stk.", 2 * persons, ["0.95", "1.10"]),
                 ("Dessert: Apfelstrudel mit Vanillesoße", "Pers.", persons, ["5.80", "6.50"])],
           "19": [("Getränke lt. Lieferschein (Bier, Limonaden, Wasser)", "pausch.", 1,
                   ["186.50", "242.80", "318.40"]),
                  ("Leihgeschirr und Besteck inkl. Spülservice", "Gedeck", persons, ["2.40", "2.80"]),
                  ("Miete Chafing Dish inkl. Brennpaste", "Stk.", rng.randint(4, 10), ["9.50", "12.00"]),
                  ("Stehtisch mit Husse (Miete)", "Stk.", rng.randint(4, 12), ["12.00", "14.00"]),
                  ("Anlieferung und Abholung, Pauschale", "pausch.", 1, ["45.00", "65.00"])]}
    rows, n = [], defaultdict(int)  # (qty, unit, label, rate, each, amount)
    for i, (_, _, _, rate) in enumerate(d.lines):
        rate = "7" if i == 0 else rate  # a party service delivers food first
        label, unit, qty, prices = cat[rate][n[rate]]
        n[rate] += 1
        each = Decimal(rng.choice(prices))
        rows.append((qty, unit, label, rate, each, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[3]] += r[5]
    net_h16(d, base)
    d.number = f"R{d.date:%y}-{rng.randint(100, 2999):05d}"
    event = d.before
    ordered = event - dt.timedelta(days=rng.randint(14, 60))
    what = rng.choice(["Weihnachtsfeier", "Jahresabschlussfeier"] if d.before.month in (11, 12) else
                      ["Sommerfest", "Firmenjubiläum 25 Jahre", "Vereinsfeier 100 Jahre", "Richtfest"]
                      if 5 <= d.before.month <= 9 else ["Firmenjubiläum 25 Jahre", "Vereinsfeier 100 Jahre",
                                                         "Richtfest", "Geburtstagsfeier 60 Jahre"])
    due = d.date + dt.timedelta(days=14)
    skonto_day = d.date + dt.timedelta(days=7)
    skonto = q(d.ttc * Decimal("0.02"))
    c = pen(path, "Times-Roman")
    txt(c, 545, 792, "Brandl", 34, "Times-BoldItalic", right=True)
    txt(c, 545, 776, "Metzgerei · Partyservice · Catering – seit 1968", 9, "Times-Italic", right=True)
    txt(c, 57, 716, "Metzgerei Brandl GmbH · Bahnhofstraße 18 · 93047 Regensburg", 7, "Times-Roman")
    c.setLineWidth(0.4)
    c.line(57, 713, 290, 713)
    c.setLineWidth(1)
    who = rng.choice([("Holzbau Kerscher GmbH", "Frau Anna Huber", "Industriestraße 5", "93073 Neutraubling"),
                      ("TSV Lappersdorf 1921 e.V.", "z. Hd. Herrn Stefan Weigl", "Am Sportpark 2",
                       "93138 Lappersdorf"),
                      ("Autohaus Brunner KG", "Buchhaltung", "Straubinger Straße 80", "93055 Regensburg")])
    for i, s in enumerate(who):
        txt(c, 57, 696 - 13 * i, s, 10.5, "Times-Roman")
    info = [("Kunden-Nr.", f"{rng.randint(10000, 19999)}"), ("Rechnungs-Nr.", d.number),
            ("Auftrag vom", f"{ordered:%d.%m.%Y}"), ("Lieferschein-Nr.", f"LS {rng.randint(3000, 8999)}"),
            ("Leistungsdatum", f"{event:%d.%m.%Y}"), ("Datum", f"{d.date:%d.%m.%Y}")]
    for i, (k, v) in enumerate(info):
        txt(c, 380, 712 - 13 * i, k, 9, "Times-Roman")
        txt(c, 545, 712 - 13 * i, v, 9, "Times-Roman", right=True)
    txt(c, 380, 712 - 13 * len(info) - 6, "Ihr Ansprechpartner: Michaela Brandl", 8, "Times-Italic")
    txt(c, 380, 712 - 13 * len(info) - 16, "Tel. 0941 56 23 70 · party@metzgerei-brandl.de", 8, "Times-Italic")
    txt(c, 57, 595, f"Rechnung Nr. {d.number}", 13, "Times-Bold")
    txt(c, 57, 580, f"{what} am {long_date(event, 'de')} – Anlieferung {rng.choice(['11:30', '16:00', '17:30'])} Uhr",
        10.5, "Times-Roman")
    txt(c, 57, 555, "Sehr geehrte Damen und Herren,", 10.5)
    txt(c, 57, 541, "vielen Dank für Ihren Auftrag. Für die Bewirtung Ihrer Veranstaltung erlauben wir uns, "
                    "wie folgt zu berechnen:", 10.5)
    y = 512
    c.line(57, y - 4, 545, y - 4)
    for x, h, right in [(57, "Pos.", False), (112, "Menge", True), (118, "Einheit", False),
                        (158, "Bezeichnung", False), (418, "USt.", True), (478, "Einzelpreis €", True),
                        (545, "Gesamt €", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    for i, (qty, unit, label, rate, each, amount) in enumerate(rows):
        y -= 16
        txt(c, 57, y, str(i + 1), 9.5, "Times-Roman")
        txt(c, 112, y, str(qty), 9.5, right=True)
        txt(c, 118, y, unit, 9.5)
        txt(c, 158, y, label, 9.5)
        txt(c, 418, y, f"{rate} %", 9.5, right=True)
        txt(c, 478, y, eu(each), 9.5, right=True)
        txt(c, 545, y, eu(amount), 9.5, right=True)
    c.line(57, y - 7, 545, y - 7)
    y -= 24
    rates = sorted(d.base, key=Decimal)
    lines = [(f"Nettobetrag {r} %", d.base[r], False) for r in rates]
    lines.append(("Summe netto", d.ht, False))
    lines += [(f"zzgl. {r} % USt. auf {eu(d.base[r])} €", d.vat[r], False) for r in rates]
    lines.append(("Rechnungsbetrag", d.ttc, True))
    for i, (k, v, bold) in enumerate(lines):
        f = "Times-Bold" if bold else "Times-Roman"
        yy = y - 14 * i - (4 if bold else 0)
        if bold:
            c.line(330, yy + 11, 545, yy + 11)
        txt(c, 330, yy, k, 11 if bold else 9.5, f)
        txt(c, 545, yy, eu(v) + " €", 11 if bold else 9.5, f, right=True)
    y -= 14 * len(lines) + 4
    c.line(330, y + 9, 545, y + 9)
    c.line(330, y + 7, 545, y + 7)
    y -= 22
    txt(c, 57, y, f"Bitte überweisen Sie den Rechnungsbetrag bis zum {due:%d.%m.%Y} ohne Abzug.", 10, "Times-Roman")
    txt(c, 57, y - 13, f"Bei Zahlung bis zum {skonto_day:%d.%m.%Y} gewähren wir 2 % Skonto ({eu(skonto)} €), "
                       f"Zahlbetrag dann {eu(d.ttc - skonto)} €.", 10)
    txt(c, 57, y - 30, "Speisen ohne Service geliefert: ermäßigter Steuersatz nach § 12 Abs. 2 Nr. 1 UStG; Getränke "
                       "und Mietartikel zum Regelsteuersatz.", 8, "Times-Italic")
    txt(c, 57, y - 55, "Mit freundlichen Grüßen", 10.5, "Times-Roman")
    txt(c, 57, y - 70, "Metzgerei Brandl GmbH", 10.5)
    c.setLineWidth(0.5)
    c.line(57, 92, 545, 92)
    c.setLineWidth(1)
    cols = [["Metzgerei Brandl GmbH", "Bahnhofstraße 18, 93047 Regensburg", "Geschäftsführer: Josef Brandl",
             "Amtsgericht Regensburg HRB 9127"],
            ["Sparkasse Regensburg", "IBAN DE27 7505 0000 0026 1148 03", "BIC BYLADEM1RBG"],
            ["Steuernummer 244/128/40517", "USt-IdNr. DE 813 274 096", "EU-Zulassung DE BY 40417 EG"]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 57 + 170 * j, 82 - 9 * i, s, 7, "Times-Roman")
    c.save()


def nl_muziekwinkel(d, path, rng):
    """A Dutch music shop's invoice to a music school or a brass band: a grey sidebar at the right
    with the shop's address, contact, Chamber of Commerce and VAT numbers, bank and opening hours,
    "Factuur" large at the top left, the customer, a block of labels and values (invoice number,
    invoice date written out, customer number, the customer's reference, delivery date, due date),
    lines with article number, description, quantity, price, discount, VAT rate and amount, sheet
    music and method books at 9 %, instruments, accessories and repairs at 21 %, the totals excl.
    VAT, the VAT per rate over its base and the total incl. VAT in a dark band, and the payment
    request with the due date and the terms."""
    cat = {"21": [("YAM-P145B", "Yamaha P-145 digitale piano, zwart", ["389.00", "412.00"]),
                  ("DAD-EJ16-10", "D'Addario EJ16 snarenset akoestisch, 10-pack", ["54.50", "59.00"]),
                  ("KM-10010", "K&M 100/1 muzieklessenaar, zwart", ["18.90", "21.50"]),
                  ("SRV-STEM", "Stemmen en afstellen piano op locatie", ["95.00", "110.00"]),
                  ("SRV-KLAR", "Revisie klarinet: kurken en kussens vervangen", ["145.00", "165.00"]),
                  ("STG-SCL34", "Stagg klassieke gitaar 3/4 met hoes", ["79.00", "86.00"])],
           "9": [("BM-RB1C", "Bladmuziek: The Real Book vol. 1, C-editie", ["32.50", "34.90"]),
                 ("LB-PA1NL", "Lesboek Piano Adventures niveau 1", ["14.95", "16.50"]),
                 ("LB-FLF1", "Methode Fluit Fluitje deel 1 met cd", ["17.95", "19.50"]),
                 ("BM-MESS", "Koorpartituur Messiah (Händel), Novello", ["12.80", "13.95"])]}
    rows, n = [], defaultdict(int)  # (ref, name, qty, each, disc, rate, amount)
    for i, (_, qty, _, rate) in enumerate(d.lines):
        rate = "9" if i == 0 else rate  # a music school orders its method books first
        ref, name, prices = cat[rate][n[rate]]
        n[rate] += 1
        if ref.startswith("SRV"):
            k = rng.randint(1, 3)
        elif rate == "9":
            k = rng.randint(6, 24)
        else:
            k = qty
        each = Decimal(rng.choice(prices))
        disc = rng.choice([0, 10]) if rate == "9" else rng.choice([0, 0, 5])
        rows.append((ref, name, k, each, disc, rate, q(k * each * (100 - disc) / 100)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h16(d, base)
    d.number = f"{d.date:%Y}.{rng.randint(100, 2999):04d}"
    delivered = d.before
    due = d.date + dt.timedelta(days=14)
    c = pen(path)
    band_h18(c, 440, 0, 155, 842, 0.9)
    txt(c, 452, 800, "MUZIEKHUIS", 13, "Helvetica-Bold")
    txt(c, 452, 786, "KLAVERSTRA", 13, "Helvetica-Bold")
    txt(c, 452, 774, "instrumenten · bladmuziek · reparatie", 7, "Helvetica-Oblique")
    side = [("Adres", ["Vismarkt 27", "9712 CB Groningen"]), ("Contact", ["050 - 312 45 67", "info@klaverstra.nl",
                                                                          "www.klaverstra.nl"]),
            ("KvK", ["01089234"]), ("Btw-nummer", ["NL001234567B01"]),
            ("Bank", ["NL44 RABO 0312 4567 89", "BIC RABONL2U"]),
            ("Openingstijden", ["di t/m vr 10.00 - 18.00", "za 10.00 - 17.00", "ma gesloten"])]
    y = 740
    for k, vals in side:
        txt(c, 452, y, k.upper(), 6.5, "Helvetica-Bold")
        for v in vals:
            y -= 10
            txt(c, 452, y, v, 8, "Helvetica")
        y -= 18
    txt(c, 40, 778, "Factuur", 28, "Helvetica-Bold")
    who = rng.choice([("Muziekschool De Toonladder", "t.a.v. de administratie", "Oude Boteringestraat 40",
                       "9712 GJ Groningen"),
                      ("Stichting Harmonie Excelsior", "t.a.v. penningmeester", "Dorpsstraat 12", "9481 AA Vries"),
                      ("Cultuurhuis Het Kielzog", "afd. muziekonderwijs", "Kieldiep 1", "9602 AG Hoogezand")])
    for i, s in enumerate(who):
        txt(c, 40, 735 - 12 * i, s, 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    meta = [("Factuurnummer", d.number), ("Factuurdatum", long_date(d.date, "nl")),
            ("Klantnummer", f"K{rng.randint(2000, 2999)}"),
            ("Uw referentie", rng.choice(["bestelling lesmateriaal", f"inkooporder {d.date.year}-{rng.randint(10, 99)}",
                                          "mail M. de Boer"])),
            ("Leverdatum", f"{delivered:%d-%m-%Y}"), ("Vervaldatum", f"{due:%d-%m-%Y}")]
    for i, (k, v) in enumerate(meta):
        txt(c, 250, 735 - 12 * i, k, 8.5, "Helvetica")
        txt(c, 330, 735 - 12 * i, v, 8.5, "Helvetica-Bold")
    y = 640
    c.setLineWidth(1.2)
    c.line(40, y + 12, 425, y + 12)
    c.setLineWidth(1)
    for x, h, right in [(40, "Artikelnr.", False), (98, "Omschrijving", False), (295, "Aantal", True),
                        (335, "Prijs", True), (358, "Krt.", True), (380, "Btw", True), (425, "Bedrag", True)]:
        txt(c, x, y, h, 7.5, "Helvetica-Bold", right=right)
    c.line(40, y - 5, 425, y - 5)
    for ref, name, k, each, disc, rate, amount in rows:
        y -= 16
        txt(c, 40, y, ref, 6.5, "Helvetica")
        txt(c, 98, y, name, 7.5)
        txt(c, 295, y, str(k), 7.5, right=True)
        txt(c, 335, y, eu(each), 7.5, right=True)
        txt(c, 358, y, f"{disc}%" if disc else "", 7.5, right=True)
        txt(c, 380, y, f"{rate}%", 7.5, right=True)
        txt(c, 425, y, eu(amount), 7.5, right=True)
    c.line(40, y - 8, 425, y - 8)
    y -= 30
    tot = [("Totaal excl. btw", "€ " + eu(d.ht))]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"Btw {r}% over € {eu(d.base[r])}", "€ " + eu(d.vat[r])))
    for i, (k, v) in enumerate(tot):
        txt(c, 230, y - 15 * i, k, 9, "Helvetica")
        txt(c, 425, y - 15 * i, v, 9, "Helvetica", right=True)
    y -= 15 * len(tot) + 8
    band_h18(c, 225, y - 6, 200, 20, 0.2)
    c.setFillGray(1)
    txt(c, 231, y, "Totaal incl. btw", 10.5, "Helvetica-Bold")
    txt(c, 420, y, "€ " + eu(d.ttc), 10.5, "Helvetica-Bold", right=True)
    c.setFillGray(0)
    y -= 45
    txt(c, 40, y, f"Wij verzoeken u vriendelijk het totaalbedrag vóór {due:%d-%m-%Y} over te maken op", 8.5, "Helvetica")
    txt(c, 40, y - 12, f"NL44 RABO 0312 4567 89 t.n.v. Muziekhuis Klaverstra, o.v.v. factuurnummer {d.number}.", 8.5)
    txt(c, 40, y - 30, "Bladmuziek en lesmethodes vallen onder het verlaagde btw-tarief van 9%.", 7.5,
        "Helvetica-Oblique")
    txt(c, 40, y - 40, "Garantie op instrumenten: 2 jaar; op reparaties: 6 maanden. Bewaar deze factuur.", 7.5,
        "Helvetica-Oblique")
    txt(c, 40, 60, "Op al onze leveringen en diensten zijn onze algemene voorwaarden van toepassing,", 6.5,
        "Helvetica")
    txt(c, 40, 51, "gedeponeerd bij de KvK Noord-Nederland en te vinden op www.klaverstra.nl/voorwaarden.", 6.5)
    c.save()


def es_muebles_rectificativa(d, path, rng):
    """A Spanish furniture store's rectifying invoice ("factura rectificativa") for goods returned:
    a square monogram and the store's name, trade and data at the top left, the title at the right
    with its series, a grid of cells (rectifying invoice number, date of issue, invoice rectified
    and its date, order number, customer code), the customer with his NIF in a box, the reason for
    the rectification, the lines returned with reference, description, negative units, price,
    discount and negative amount, sometimes the share of the delivery and assembly, at the foot a
    grid of taxable base, VAT rate, VAT and total in negative amounts, the amount to be refunded
    to the customer, how and when, the legal basis and the data protection text."""
    cat = [("SOF-3P-GP", "Sofá 3 plazas, tela antimanchas gris perla", ["649.00", "729.00", "899.00"]),
           ("COL-VIS150", "Colchón viscoelástico 150x190 cm, firmeza media", ["429.00", "489.00"]),
           ("MES-CEN-RB", "Mesa de centro elevable, roble natural", ["189.00", "219.00"]),
           ("APA-4P-BL", "Aparador 4 puertas, lacado blanco mate", ["359.00", "399.00"]),
           ("CAN-ABT150", "Canapé abatible 150x190, gran capacidad", ["299.00", "339.00"]),
           ("SIL-CMD-2", "Sillas de comedor tapizadas (pack 2 uds.)", ["139.00", "159.00"])]
    rows = []  # (ref, name, units, price, disc, amount), units and amount negative
    for ref, name, prices in rng.sample(cat, len(d.lines)):
        units = -rng.choice([1, 1, 1, 2])
        each = Decimal(rng.choice(prices))
        disc = rng.choice([0, 0, 10, 15])
        rows.append((ref, name, units, each, disc, q(units * each * (100 - disc) / 100)))
    if rng.random() < 0.5:
        fee = Decimal(rng.choice(["35.00", "45.00"]))
        rows.append(("SRV-TRM", "Portes y montaje (parte proporcional)", -1, fee, 0, -fee))
    net_h16(d, {"21": -sum(r[5] for r in rows)})
    d.number = f"R{d.date:%y}/{rng.randint(1, 300):05d}"
    sold = d.before - dt.timedelta(days=rng.randint(5, 40))
    sold_no = f"F{sold:%y}/{rng.randint(500, 4000):05d}"
    refund = d.date + dt.timedelta(days=rng.choice([3, 5, 7]))
    c = pen(path, "Times-Roman")
    c.setLineWidth(2)
    c.rect(40, 770, 44, 44)
    c.setLineWidth(1)
    centre_h16(c, 62, 784, "MO", 20, "Helvetica-Bold")
    txt(c, 94, 800, "MUEBLES ORTEGA", 18, "Helvetica-Bold")
    txt(c, 94, 787, "Hogar · Descanso · Cocinas · Desde 1979", 8.5, "Times-Italic")
    txt(c, 94, 775, "Ortega Hogar, S.L. – CIF B30456123", 8.5, "Times-Roman")
    txt(c, 40, 756, "Avda. Juan de Borbón 112 – 30007 Murcia – Tel. 968 24 51 30 – tienda@mueblesortega.es", 8.5)
    txt(c, 555, 800, "FACTURA RECTIFICATIVA", 15, "Helvetica-Bold", right=True)
    txt(c, 555, 786, "Serie R – Rectificación por devolución", 8.5, "Times-Italic", right=True)
    cells = [("Nº FACTURA RECTIFICATIVA", d.number), ("FECHA DE EXPEDICIÓN", f"{d.date:%d/%m/%Y}"),
             ("CÓD. CLIENTE", f"{rng.randint(20000, 39999)}"),
             ("FACTURA RECTIFICADA", sold_no), ("FECHA FACTURA RECTIFICADA", f"{sold:%d/%m/%Y}"),
             ("Nº PEDIDO", f"P{sold:%y}-{rng.randint(1000, 9999)}")]
    for i, (k, v) in enumerate(cells):
        x = 40 + 171.67 * (i % 3)
        yc = 716 - 28 * (i // 3)
        cell_h16(c, x, yc, 171.67, 26, k, v, 9.5, "Times-Bold", 6.5)
    who = rng.choice([("Dña. Carmen López Sánchez", "NIF 23456789-K", "C/ Trapería 14, 3º B", "30001 Murcia"),
                      ("D. Antonio Martínez Ruiz", "NIF 48712390-T", "Avda. de la Libertad 7", "30009 Murcia"),
                      ("D. José Ángel Navarro Pérez", "NIF 27341186-D", "C/ Mayor 52", "30820 Alcantarilla")])
    c.roundRect(40, 600, 250, 74, 3)
    txt(c, 46, 664, "DATOS DEL CLIENTE", 7, "Helvetica-Bold")
    for i, s in enumerate(who):
        txt(c, 46, 650 - 12 * i, s, 9.5, "Times-Bold" if i == 0 else "Times-Roman")
    c.roundRect(305, 600, 250, 74, 3)
    txt(c, 311, 664, "MOTIVO DE LA RECTIFICACIÓN", 7, "Helvetica-Bold")
    why = rng.choice([["Devolución de mercancía por defecto de", "fabricación detectado en la entrega."],
                      ["Devolución de mercancía dentro del plazo", "de 30 días de la política comercial."],
                      ["Anulación parcial del pedido a petición", "del cliente antes del montaje."]])
    for i, s in enumerate(why):
        txt(c, 311, 650 - 12 * i, s, 9.5, "Times-Roman")
    txt(c, 311, 614, f"Recogida de la mercancía: {d.before:%d/%m/%Y}", 9, "Times-Italic")
    y = 572
    band_h18(c, 40, y - 5, 515, 15, 0.8)
    for x, h, right in [(44, "Referencia", False), (112, "Descripción", False), (372, "Uds.", True),
                        (432, "Precio", True), (470, "Dto.", True), (551, "Importe", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for ref, name, units, each, disc, amount in rows:
        y -= 17
        txt(c, 44, y, ref, 8.5, "Times-Roman")
        txt(c, 112, y, name, 9.5)
        txt(c, 372, y, str(units), 9.5, right=True)
        txt(c, 432, y, eu(each), 9.5, right=True)
        txt(c, 470, y, f"{disc}%" if disc else "", 9.5, right=True)
        txt(c, 551, y, "-" + eu(-amount), 9.5, right=True)
        c.setStrokeGray(0.8)
        c.line(40, y - 6, 555, y - 6)
        c.setStrokeGray(0)
    top = 230
    heads = [("BASE IMPONIBLE", "-" + eu(d.ht)), ("% IVA", "21,00"), ("CUOTA IVA", "-" + eu(d.tva)),
             ("TOTAL FACTURA", "-" + eu(d.ttc) + " €")]
    widths = [150, 70, 130, 165]
    x = 40
    for (k, v), w in zip(heads, widths):
        band_h18(c, x, top, w, 14, 0.8)
        c.rect(x, top - 22, w, 36)
        txt(c, x + 5, top + 4, k, 7.5, "Helvetica-Bold")
        txt(c, x + w - 6, top - 15, v, 11 if k.startswith("TOTAL") else 10,
            "Times-Bold" if k.startswith("TOTAL") else "Times-Roman", right=True)
        x += w
    txt(c, 40, top - 46, f"IMPORTE A DEVOLVER AL CLIENTE: {eu(d.ttc)} €", 11, "Helvetica-Bold")
    how = rng.choice(["abono en la tarjeta utilizada en la compra",
                      "transferencia bancaria a la cuenta facilitada por el cliente"])
    txt(c, 40, top - 62, f"Forma de devolución: {how}", 9, "Times-Roman")
    txt(c, 40, top - 75, f"Fecha prevista del abono: {refund:%d/%m/%Y}", 9)
    for i, s in enumerate(["Factura rectificativa expedida conforme al artículo 15 del Real Decreto 1619/2012 y al "
                           "artículo 80 de la Ley 37/1992 del IVA.",
                           "Protección de datos: sus datos se tratan por Ortega Hogar, S.L. para gestionar la relación "
                           "comercial (RGPD y LO 3/2018).",
                           "Ortega Hogar, S.L. – Registro Mercantil de Murcia, Tomo 2.981, Folio 145, Hoja MU-71.344."]):
        txt(c, 40, 80 - 9 * i, s, 6.8, "Times-Roman")
    c.save()


def it_serramenti(d, path, rng):
    """An Italian window maker's invoice to a private customer for replacing the windows of his
    home: the firm and its company data at the top left, the customer with his tax code in a box
    at the right, labelled cells (document type, number, date, customer code, payment; quotation
    and its date, end of works, site), the subject, the lines (windows and doors as "beni
    significativi" marked 10/22, fitting, removal and other materials at 10 %), a box working out
    the VAT split (the windows at 10 % up to the value of the rest of the job, the excess at 22 %),
    a VAT summary per rate, the totals in boxes at the right, the payment by "bonifico parlante"
    for the tax deduction with its due date, and the courtesy-copy note."""
    goods = [("FIN2A", "Finestra PVC 2 ante 1200x1400, vetro basso emissivo", ["540.00", "610.00", "685.00"]),
             ("PF2A", "Portafinestra PVC 2 ante 1400x2300, Uw 1,2", ["890.00", "980.00"]),
             ("FIN1A", "Finestra PVC 1 anta 700x1200, Uw 1,3", ["360.00", "410.00"]),
             ("PBL3", "Portoncino blindato classe 3, pannello noce", ["1450.00", "1690.00"])]
    rows = []  # (code, description, unit, qty, each, amount, significant)
    for code, name, prices in sorted(rng.sample(goods, min(len(d.lines), 3)), key=goods.index):
        qty = 1 if code == "PBL3" else rng.randint(1, 5)
        each = Decimal(rng.choice(prices))
        rows.append((code, name, "pz", qty, each, q(qty * each), True))
    pieces = sum(r[3] for r in rows)
    others = [("POSA", "Posa in opera serramenti con schiuma e sigillanti", "pz", pieces, ["95.00", "120.00"]),
              ("SMON", "Smontaggio e smaltimento infissi esistenti", "pz", pieces, ["35.00", "45.00"]),
              ("CTL", "Controtelai in legno abete", "pz", pieces, ["28.00", "34.00"]),
              ("ZANZ", "Zanzariere a rullo verticali", "pz", rng.randint(1, pieces), ["85.00", "98.00"]),
              ("MUR", "Opere murarie di ripristino davanzali", "ore", rng.randint(4, 12), ["38.00", "42.00"])]
    for code, name, unit, qty, prices in others[:2] + sorted(rng.sample(others[2:], rng.randint(0, 2)),
                                                             key=others.index):
        each = Decimal(rng.choice(prices))
        rows.append((code, name, unit, qty, each, q(qty * each), False))
    value_goods = sum(r[5] for r in rows if r[6])
    value_rest = sum(r[5] for r in rows if not r[6])
    at10 = min(value_goods, value_rest)
    net_h16(d, {"10": value_rest + at10, "22": value_goods - at10})
    d.number = f"{rng.randint(40, 420)}/{d.date.year}"
    quote_day = d.before - dt.timedelta(days=rng.randint(60, 150))
    due = d.date + dt.timedelta(days=rng.choice([10, 15, 30]))
    c = pen(path)
    txt(c, 40, 802, "SERRAMENTI VALBRUNA S.r.l.", 16, "Helvetica-Bold")
    txt(c, 40, 790, "Infissi in PVC, alluminio e legno-alluminio · Porte blindate · Zanzariere", 8,
        "Helvetica-Oblique")
    for i, s in enumerate(["Via dell'Artigianato 22 – 36015 Schio (VI)",
                           "Tel. 0445 678 210 – info@serramentivalbruna.it", "PEC serramentivalbruna@legalmail.it",
                           "P.IVA e C.F. 03418790244 – REA VI-322145", "Capitale sociale € 50.000,00 i.v."]):
        txt(c, 40, 777 - 10 * i, s, 7.5, "Helvetica")
    who = rng.choice([("Sig. Marco Dalla Valle", "Via Pasubio 14", "36100 Vicenza (VI)", "DLLMRC71C12L840Q"),
                      ("Sig.ra Elena Zordan", "Contrà San Marco 5", "36100 Vicenza (VI)", "ZRDLNE68H55L840B"),
                      ("Sig. Giorgio Pozzan", "Via Maraschin 31", "36015 Schio (VI)", "PZZGRG59A21I531W")])
    c.rect(330, 740, 225, 70)
    txt(c, 336, 800, "Spett.le cliente", 7, "Helvetica-Oblique")
    for i, s in enumerate([who[0], who[1], who[2], f"C.F. {who[3]}"]):
        txt(c, 336, 788 - 12 * i, s, 9.5 if i == 0 else 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    row1 = [(40, 130, "Tipo documento", "FATTURA (TD01)"), (170, 80, "Numero", d.number),
            (250, 80, "Data", f"{d.date:%d/%m/%Y}"), (330, 70, "Cod. cliente", f"{rng.randint(800, 1999)}"),
            (400, 155, "Pagamento", "Bonifico ex art. 16-bis TUIR")]
    for x, w, k, v in row1:
        cell_h16(c, x, 694, w, 26, k, v, 9)
    row2 = [(40, 130, "Preventivo", f"n. {rng.randint(20, 180)}/{quote_day.year} del {quote_day:%d/%m/%Y}"),
            (170, 80, "Fine lavori", f"{d.before:%d/%m/%Y}"),
            (250, 305, "Luogo intervento", f"{who[1]}, {who[2]} – abitazione"), ]
    for x, w, k, v in row2:
        cell_h16(c, x, 668, w, 26, k, v, 8.5, "Helvetica")
    txt(c, 40, 648, "Oggetto: sostituzione serramenti – manutenzione straordinaria su edificio residenziale "
                    "(art. 3, c. 1, lett. b, D.P.R. 380/2001)", 8.5, "Helvetica-Bold")
    y = 622
    band_h18(c, 40, y - 5, 515, 15, 0.85)
    for x, h, right in [(44, "Codice", False), (84, "Descrizione", False), (330, "U.M.", False),
                        (378, "Q.tà", True), (432, "Prezzo", True), (502, "Importo", True), (551, "IVA", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for code, name, unit, qty, each, amount, significant in rows:
        y -= 15
        txt(c, 44, y, code, 8, "Helvetica")
        txt(c, 84, y, name, 8.5)
        txt(c, 330, y, unit, 8.5)
        txt(c, 378, y, str(qty), 8.5, right=True)
        txt(c, 432, y, eu(each), 8.5, right=True)
        txt(c, 502, y, eu(amount), 8.5, right=True)
        txt(c, 551, y, "10/22*" if significant else "10", 8.5, right=True)
    c.line(40, y - 7, 555, y - 7)
    txt(c, 44, y - 19, "* beni significativi (D.M. 29/12/1999): aliquota 10% fino a concorrenza del valore della "
                       "prestazione al netto dei beni stessi, 22% sull'eccedenza.", 7, "Helvetica-Oblique")
    y -= 42
    c.rect(40, y - 70, 320, 80)
    txt(c, 46, y, "Determinazione dell'IVA – beni significativi", 8.5, "Helvetica-Bold")
    calc = [("Valore complessivo dell'intervento", value_goods + value_rest),
            ("di cui beni significativi (serramenti)", value_goods),
            ("Differenza: manodopera e altri materiali", value_rest),
            ("Beni significativi al 10%", at10), ("Beni significativi al 22% (eccedenza)", value_goods - at10)]
    for i, (k, v) in enumerate(calc):
        txt(c, 46, y - 14 - 11.5 * i, k, 8, "Helvetica")
        txt(c, 354, y - 14 - 11.5 * i, "€ " + eu(v), 8, "Helvetica", right=True)
    ys = y - 96
    txt(c, 40, ys, "RIEPILOGO IVA", 8, "Helvetica-Bold")
    for x, h in [(46, "Aliquota"), (200, "Imponibile"), (280, "Imposta"), (300, "Tipo")]:
        txt(c, x, ys - 13, h, 7.5, "Helvetica-Bold", right=x in (200, 280))
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = ys - 26 - 12 * i
        txt(c, 46, yy, f"{r},00%", 8.5, "Helvetica")
        txt(c, 200, yy, eu(d.base[r]), 8.5, right=True)
        txt(c, 280, yy, eu(d.vat[r]), 8.5, right=True)
        txt(c, 300, yy, "agevolata" if r == "10" else "ordinaria", 8, "Helvetica")
    for i, (k, v, bold) in enumerate([("Totale imponibile", d.ht, False), ("Totale IVA", d.tva, False),
                                      ("TOTALE FATTURA", d.ttc, True)]):
        yy = y - 24 * i
        c.setLineWidth(1.5 if bold else 0.8)
        c.rect(380, yy - 16, 175, 22)
        c.setLineWidth(1)
        txt(c, 386, yy - 9, k, 9 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 550, yy - 9, "€ " + eu(v), 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
    txt(c, 380, y - 86, f"Scadenza: {due:%d/%m/%Y}", 9, "Helvetica-Bold")
    yp = ys - 26 - 12 * len(d.base) - 24
    for i, s in enumerate(["Pagamento con bonifico parlante per detrazione fiscale (ecobonus/bonus casa): indicare "
                           f"causale, C.F. del beneficiario {who[3]}",
                           "e P.IVA del fornitore 03418790244. IBAN IT60 X054 2811 8010 0000 0123 456 – Banca "
                           "Popolare di Vicenza, filiale di Schio.",
                           "La banca opererà la ritenuta d'acconto dell'8% sull'importo del bonifico (art. 25 D.L. "
                           "78/2010)."]):
        txt(c, 40, yp - 10 * i, s, 7.5, "Helvetica")
    for i, s in enumerate(["Copia di cortesia priva di valore fiscale: la fattura elettronica è stata trasmessa al "
                           "Sistema di Interscambio ed è disponibile",
                           "nella Sua area riservata del sito dell'Agenzia delle Entrate (art. 21 D.P.R. 633/72). "
                           "Dichiarazione di conformità CE dei serramenti allegata."]):
        txt(c, 40, 62 - 9 * i, s, 6.5, "Helvetica")
    c.save()


# ---- layouts added for held-out set 19 (session 13) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a bulk organic grocer's narrow till receipt with goods weighed
# by the kilo or the litre, food at 5.5 % and household goods at 20 %, the VAT table by code and
# the card slip; a riding centre's monthly invoice to a horse owner, livery and care at 20 % and
# riding lessons and the use of the arenas at 5.5 %, paid by SEPA direct debit; a toy wholesaler's
# credit note to a toy shop for goods returned, toys and their eco-contribution at 20 % and
# children's books at 5.5 %, with the customer's discount and the invoice credited), a British
# electrical contractor's invoice with solar panels and batteries zero-rated beside standard-rated
# work, the tax point, and sometimes a deposit deducted under the total, a German heating oil
# dealer's invoice as a DIN 5008 letter with the meter readings of the tanker and the levies
# included in the price, a Dutch agricultural contractor's invoice listing each job with its date
# and field, contract work at 21 % and seed at 9 %, a Spanish air-conditioning installer's invoice
# with its registry data set vertically in the margin, a totals grid and two instalments, and an
# Italian firewood and pellet dealer's "fattura accompagnatoria" with its transport block,
# firewood at 10 % and pellet at 22 %. HELD_OUT_19: drawn in session 13, scored only as a table of
# its own, never inspected per document while tuning.

def net_h19(d, base):
    """Sets the bases per rate (net amounts as printed on the lines) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h19(d, gross):
    """Prices including VAT (till receipts): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h19(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fill_h19(c, x, y, w, h, grey):
    c.setFillGray(grey)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setFillGray(0)


def eom_h19(day, months=0):
    """The last day of the month `months` after the one of `day`."""
    y, m = day.year, day.month + months + 1
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def dec_h19(v, places, sep=","):
    """Decimal(0.235), 3 -> '0,235' (a quantity with a fixed number of decimals)."""
    return f"{Decimal(v):.{places}f}".replace(".", sep)


def fr_epicerie_vrac_ticket(d, path, rng):
    """A French bulk organic grocer's till receipt in a fixed-pitch font on narrow paper: the shop's
    name, trade, address, SIRET and VAT number centred, the date with the seconds, the till, the
    ticket number and the cashier, goods weighed by the kilo (gross weight and the tare of the
    customer's jar on some) and liquids by the litre at 5.5 % (code A), household goods by the
    unit at 20 % (code B), the number of articles, "TOTAL A PAYER", the payment (card or cash with
    the change), the VAT table per code with a total row, the loyalty card with its points, the
    exchange deadline for non-food goods, and, when paid by card, the customer's card slip."""
    bulk = [("AMANDES DECORTIQUEES BIO", "28.90"), ("FLOCONS D'AVOINE BIO", "4.20"),
            ("LENTILLES CORAIL BIO", "6.80"), ("RIZ BASMATI COMPLET BIO", "5.95"),
            ("NOIX DE CAJOU NATURE BIO", "32.50"), ("MUESLI CROUSTILLANT", "11.40"),
            ("FUSILLI BLE COMPLET BIO", "4.60"), ("CAFE GRAINS ETHIOPIE", "36.00"),
            ("PALETS CHOCOLAT NOIR 70%", "24.90"), ("POIS CHICHES BIO", "5.10"),
            ("RAISINS SECS SULTANINE", "9.80"), ("FARINE T80 MEULE PIERRE", "2.90")]
    liquids = [("HUILE OLIVE VIERGE EXTRA", "14.80", "5.5"), ("VINAIGRE DE CIDRE BIO", "4.40", "5.5"),
               ("LESSIVE LIQUIDE ECOLABEL", "5.40", "20"), ("LIQUIDE VAISSELLE CONC.", "6.20", "20")]
    units = [("SAVON DE MARSEILLE 300G", "4.50"), ("BROSSE A DENTS BAMBOU", "3.20"),
             ("BOCAL VERRE 1L A JOINT", "3.90"), ("SAC COTON BIO A VRAC", "2.50"),
             ("EPONGE LOOFAH NATURELLE", "2.80")]
    code = {"5.5": "A", "20": "B"}
    rows = []  # (name, [detail lines], amount, rate, articles)
    for name, price in rng.sample(bulk, len(d.lines)):
        grams = rng.randint(85, 960)
        price = Decimal(price)
        kg = Decimal(grams) / 1000
        detail = []
        if rng.random() < 0.5:
            tare = rng.choice([96, 212, 318, 405])
            detail.append(f"  BRUT {dec_h19(Decimal(grams + tare) / 1000, 3)} kg TARE {dec_h19(Decimal(tare) / 1000, 3)}")
        detail.append(f"  {dec_h19(kg, 3)} kg x {eu(price, ' ')} EUR/kg")
        rows.append((name, detail, q(kg * price), "5.5", 1))
    name, price, rate = rng.choice(liquids)
    litres = Decimal(rng.choice(["0.500", "0.750", "1.000", "1.500"]))
    rows.append((name, [f"  {dec_h19(litres, 3)} L x {eu(Decimal(price), ' ')} EUR/L"], q(litres * Decimal(price)),
                 rate, 1))
    for name, price in rng.sample(units, rng.randint(1, 2)):
        k = rng.choice([1, 1, 2, 3])
        rows.append((name, [f"  {k} x {eu(Decimal(price), ' ')}"] if k > 1 else [], k * Decimal(price), "20", k))
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[3]] += r[2]
    gross_h19(d, gross)
    caisse = rng.randint(1, 3)
    d.number = f"{rng.randint(21000, 189999):06d}"
    hh, mm, ss = rng.randint(9, 19), rng.randint(0, 59), rng.randint(0, 59)
    card = rng.random() < 0.7
    nlines = sum(1 + len(r[1]) for r in rows)
    height = 430 + 10 * nlines + (130 if card else 0)
    c = canvas.Canvas(path, pagesize=(216, height), invariant=1)
    y = height - 26

    def line(s, right=None, size=7, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h19(c, 108, y, s, size, font)
        else:
            txt(c, 10, y, s, size, font)
        if right is not None:
            txt(c, 206, y, right, size, font, right=True)
        y -= size + 3

    sep = "=" * 46
    line("LA GRAINETERIE", size=13, font="Courier-Bold", center=True)
    line("Epicerie vrac - Bio - Zero dechet", size=7, font="Courier-Oblique", center=True)
    y -= 2
    for s in ["14 RUE DES TANNEURS", "37000 TOURS", "TEL 02 47 05 61 38",
              "SIRET 852 117 409 00019 - NAF 4729Z", "N. TVA FR 27 852117409"]:
        line(s, size=6.5, center=True)
    line(sep, size=6.5)
    line(f"{d.date:%d/%m/%Y} {hh:02d}:{mm:02d}:{ss:02d}", f"CAISSE {caisse:02d}")
    line(f"TICKET {d.number}", f"HOTE: {rng.choice(['LEA', 'MATHIS', 'CHLOE', 'NOAH'])}")
    line(sep, size=6.5)
    for name, detail, amount, rate, _ in rows:
        line(name, f"{eu(amount, ' ')} {code[rate]}")
        for s in detail:
            line(s, size=6.5)
    line(sep, size=6.5)
    line(f"NB ARTICLES : {sum(r[4] for r in rows)}")
    y -= 2
    line("TOTAL A PAYER", f"{eu(d.ttc, ' ')} EUR", size=9.5, font="Courier-Bold")
    y -= 2
    if card:
        line("CARTE BANCAIRE", f"{eu(d.ttc, ' ')} EUR")
    else:
        given = Decimal((int(d.ttc) // 5 + 1) * 5)
        line("ESPECES", f"{eu(given, ' ')} EUR")
        line("RENDU", f"{eu(given - d.ttc, ' ')} EUR")
    line(sep, size=6.5)
    line(f"{'CODE':<5}{'TAUX':>7}{'HT':>10}{'TVA':>9}{'TTC':>10}", size=6.8, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        line(f"{code[r]:<5}{eu(Decimal(r), '') + '%':>7}{eu(d.base[r], ' '):>10}{eu(d.vat[r], ' '):>9}"
             f"{eu(d.base[r] + d.vat[r], ' '):>10}", size=6.8)
    line(f"{'TOTAL':<12}{eu(d.ht, ' '):>10}{eu(d.tva, ' '):>9}{eu(d.ttc, ' '):>10}", size=6.8)
    line(sep, size=6.5)
    points = int(d.ttc)
    line(f"CARTE FIDELITE 2900 0471 {rng.randint(1000, 9999)}", size=6.5)
    line(f"POINTS CE JOUR : {points}", f"CUMUL : {points + rng.randint(20, 180)}", size=6.5)
    line("UN BON DE 5 EUR TOUS LES 200 POINTS", size=6.5)
    line(sep, size=6.5)
    line("ARTICLES NON ALIMENTAIRES ECHANGES", size=6.5, center=True)
    line(f"SUR PRESENTATION DU TICKET JUSQU'AU {d.date + dt.timedelta(days=15):%d/%m/%Y}", size=6.5, center=True)
    line("FACTURE SUR DEMANDE EN CAISSE", size=6.5, center=True)
    y -= 3
    line("MERCI ! PENSEZ A RAPPORTER VOS BOCAUX", size=7, font="Courier-Bold", center=True)
    if card:
        y -= 6
        line("- - - - - - - - - - - - - - - - - - - - - - -", size=6.5)
        line("CARTE BANCAIRE", size=7, font="Courier-Bold", center=True)
        line("SANS CONTACT", size=6.5, center=True)
        line(f"A0000000{rng.choice(['42', '03', '04'])}1010", size=6.5, center=True)
        line(f"LE {d.date:%d/%m/%y} A {hh:02d}:{mm + 1 if mm < 59 else mm:02d}:{rng.randint(0, 59):02d}", size=6.5,
             center=True)
        line("LA GRAINETERIE", size=6.5, center=True)
        line("37000 TOURS", size=6.5, center=True)
        line(f"{rng.randint(1000000, 9999999)}", size=6.5, center=True)
        line(f"############{rng.randint(1000, 9999)}", size=6.5, center=True)
        line(f"{rng.randint(10000000, 99999999):X} {rng.randint(100000, 999999)}", size=6.5, center=True)
        line("MONTANT REEL", size=6.5, center=True)
        line(f"{eu(d.ttc, ' ')} EUR", size=8, font="Courier-Bold", center=True)
        line("DEBIT", size=6.5, center=True)
        line("TICKET CLIENT A CONSERVER", size=6.5, center=True)
    c.save()


def fr_centre_equestre(d, path, rng):
    """A French riding centre's monthly invoice to a horse owner in a serif font: a horseshoe drawn
    beside the centre's name, trades and federation number, "FACTURE" at the top right over a
    ruled block (number, date, due date, member number, rider's licence), the owner's address and
    the horse with its UELN, the subject and period, a ruled table with a date column: the livery
    of the month (20 %), the use of the arenas and riding lessons (5.5 %) and the care given on
    given days (clipping, show transport, work under saddle, wormer, 20 %), a VAT column; a VAT
    summary at the left and the totals at the right ("TOTAL TTC", "NET A PAYER"), the SEPA direct
    debit with its date and mandate reference, the rules of the livery, and the farm's legal data
    in the footer."""
    months = MONTH_NAMES["fr"]
    start = d.date.replace(day=1)
    end = eom_h19(d.date)
    livery = rng.choice([("Pension box complète (foin, paille, 2 rations)", ["395.00", "420.00", "445.00"]),
                         ("Pension box + paddock individuel", ["465.00", "490.00"]),
                         ("Pension pré avec abri (foin l'hiver)", ["210.00", "235.00"])])
    rows = [(f"{start:%d/%m}-{end:%d/%m}", f"{livery[0]} – {months[d.date.month - 1]} {d.date.year}", "mois", 1,
             Decimal(rng.choice(livery[1])), "20")]
    lessons = [("Accès installations (carrière, manège) – forfait propriétaire", "mois", 1, ["35.00", "40.00"]),
               ("Forfait 4 cours collectifs d'1 h – galops 5 à 7", "forfait", 1, ["96.00", "112.00"]),
               ("Cours particulier (45 min) avec votre cheval", "séance", rng.randint(1, 3), ["38.00", "42.00"]),
               ("Stage obstacle – journée avec repas tiré du sac", "jour", rng.randint(1, 2), ["58.00", "65.00"])]
    care = [("Tonte complète", "forfait", 1, ["65.00", "75.00"]),
            ("Transport en camion – sortie concours", "sortie", 1, ["45.00", "55.00"]),
            ("Travail du cheval monté par un enseignant", "séance", rng.randint(2, 4), ["25.00", "30.00"]),
            ("Vermifuge pâte orale (fourni et administré)", "dose", 1, ["16.50", "18.90"]),
            ("Sortie au marcheur (supplément)", "semaine", rng.randint(1, 3), ["12.00", "15.00"])]
    picks = [(x, "5.5") for x in rng.sample(lessons, rng.randint(1, 2))]
    picks += [(x, "20") for x in rng.sample(care, max(0, len(d.lines) - 2))]
    for (label, unit, qty, prices), rate in picks:
        when = d.date - dt.timedelta(days=rng.randint(1, 26))
        rows.append((f"{when:%d/%m/%Y}" if unit != "mois" else f"{start:%d/%m}-{end:%d/%m}", label, unit, qty,
                     Decimal(rng.choice(prices)), rate))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += q(r[3] * r[4])
    net_h19(d, base)
    d.number = f"{d.date:%Y}-{d.date:%m}-{rng.randint(30, 260):04d}"
    due = d.date + dt.timedelta(days=rng.choice([8, 10]))
    horse = rng.choice([("ULYSSE DU BOIS", "25000120041875U"), ("QUARTZ DES PRES", "25000116083312Q"),
                        ("VOLTIGE D'AUNIS", "25000121009647V"), ("SAPHIR DE LA LANDE", "25000118052290S")])
    who = rng.choice([("Mme Camille ROUSSEAU", "12 rue du Maréchal Foch", "49000 ANGERS"),
                      ("M. Julien PELLETIER", "La Petite Noue", "49250 BEAUFORT-EN-ANJOU"),
                      ("Mme Agathe LEMOINE-DURAND", "4 impasse des Tilleuls", "49800 TRÉLAZÉ")])
    c = pen(path, "Times-Roman")
    c.setStrokeColorRGB(0.45, 0.3, 0.15)
    c.setLineWidth(5)
    c.arc(48, 762, 92, 810, -55, 290)
    c.setLineWidth(1)
    c.setStrokeGray(0)
    txt(c, 104, 796, "ÉCURIE DES GRANDS PRÉS", 17, "Helvetica-Bold")
    txt(c, 104, 782, "Centre équestre · Poney-club · Pension de chevaux · Valorisation", 9, "Times-Italic")
    txt(c, 104, 770, "Établissement affilié à la Fédération Française d'Équitation n° 4912035", 8, "Times-Roman")
    txt(c, 48, 746, "Lieu-dit Les Grands Prés – 49250 Beaufort-en-Anjou", 8.5, "Times-Roman")
    txt(c, 48, 735, "Tél. 02 41 79 52 06 – contact@ecurie-grandspres.fr", 8.5)
    txt(c, 545, 796, "FACTURE", 22, "Helvetica-Bold", right=True)
    info = [("N° de facture", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"),
            ("Date d'échéance", f"{due:%d/%m/%Y}"), ("N° d'adhérent", f"A-{rng.randint(100, 899)}"),
            ("Licence FFE", f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJK')}")]
    c.setLineWidth(0.5)
    for i, (k, v) in enumerate(info):
        yy = 766 - 14 * i
        c.line(380, yy - 4, 545, yy - 4)
        txt(c, 382, yy, k, 8.5, "Times-Italic")
        txt(c, 543, yy, v, 9.5, "Times-Bold" if i == 0 else "Times-Roman", right=True)
    c.setLineWidth(1)
    txt(c, 330, 680, "Facturé à :", 8.5, "Times-Italic")
    for i, s in enumerate(who):
        txt(c, 330, 666 - 13 * i, s, 10.5, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 48, 680, "Cheval en pension :", 8.5, "Times-Italic")
    txt(c, 48, 666, horse[0], 11, "Helvetica-Bold")
    txt(c, 48, 653, f"UELN {horse[1]} – box n° {rng.randint(1, 38)}", 9, "Times-Roman")
    txt(c, 48, 612, f"Objet : pension et prestations du mois de {months[d.date.month - 1]} {d.date.year} "
                    f"(période du {start:%d/%m/%Y} au {end:%d/%m/%Y})", 10, "Times-Bold")
    y = 580
    c.setFillColorRGB(0.93, 0.9, 0.84)
    c.rect(48, y - 5, 497, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(52, "Date", False), (112, "Désignation", False), (384, "Unité", False),
                        (428, "Qté", True), (470, "P.U. HT", True), (500, "TVA", True), (541, "Total HT", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for when, label, unit, qty, each, rate in rows:
        y -= 17
        txt(c, 52, y, when, 8.5, "Times-Roman")
        txt(c, 112, y, label, 8.8)
        txt(c, 384, y, unit, 8.5)
        txt(c, 428, y, str(qty), 9, right=True)
        txt(c, 470, y, eu(each, " "), 9, right=True)
        txt(c, 500, y, fmt(rate), 8.5, right=True)
        txt(c, 541, y, eu(q(qty * each), " "), 9, right=True)
        c.setStrokeColorRGB(0.8, 0.75, 0.65)
        c.line(48, y - 6, 545, y - 6)
        c.setStrokeGray(0)
    y -= 40
    txt(c, 48, y + 14, "Détail de la TVA", 8.5, "Helvetica-Bold")
    c.setLineWidth(0.5)
    c.rect(48, y - 10 - 14 * len(d.base), 230, 22 + 14 * len(d.base))
    for x, h in [(54, "Taux"), (160, "Base HT"), (230, "TVA"), (272, "TTC")]:
        txt(c, x, y, h, 8.5, "Times-Bold", right=x > 54)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = y - 14 * (i + 1)
        txt(c, 54, yy, fmt(r), 9, "Times-Roman")
        txt(c, 160, yy, eu(d.base[r], " "), 9, right=True)
        txt(c, 230, yy, eu(d.vat[r], " "), 9, right=True)
        txt(c, 272, yy, eu(d.base[r] + d.vat[r], " "), 9, right=True)
    tot = [("Total HT", d.ht, False)] + [(f"TVA {fmt(r)}", d.vat[r], False) for r in sorted(d.base, key=Decimal)]
    tot += [("TOTAL TTC", d.ttc, True), ("NET À PAYER", d.ttc, True)]
    for i, (k, v, bold) in enumerate(tot):
        yy = y - 16 * i
        if k == "TOTAL TTC":
            c.line(340, yy + 12, 545, yy + 12)
        txt(c, 340, yy, k, 10.5 if bold else 9.5, "Helvetica-Bold" if bold else "Times-Roman")
        txt(c, 545, yy, eu(v, " ") + " €", 10.5 if bold else 9.5, "Helvetica-Bold" if bold else "Times-Roman",
            right=True)
    c.setLineWidth(1)
    y -= 16 * len(tot) + 24
    txt(c, 48, y, f"Règlement : prélèvement SEPA le {due:%d/%m/%Y} sur le compte FR76 •••• •••• ••{rng.randint(10, 99)} "
                  f"– RUM EGP-{rng.randint(1000, 9999)} – ICS FR42ZZZ{rng.randint(100000, 999999)}", 8.5,
        "Times-Roman")
    txt(c, 48, y - 12, "Pension facturée par mois civil, tout mois commencé est dû ; les prestations "
                       "complémentaires sont facturées avec la pension.", 8.5, "Times-Italic")
    txt(c, 48, y - 24, "Enseignement et accès aux installations : TVA 5,5 % (art. 279-0 b du CGI) ; pension et soins "
                       "aux équidés : TVA 20 %.", 8.5, "Times-Italic")
    c.setStrokeColorRGB(0.45, 0.3, 0.15)
    c.line(48, 74, 545, 74)
    c.setStrokeGray(0)
    centre_h19(c, 297, 63, "EARL des Grands Prés – exploitation agricole au capital de 7 500 € – SIRET 443 219 876 "
                           "00014 – APE 0143Z – TVA intracommunautaire FR 58 443219876", 6.8, "Times-Roman")
    centre_h19(c, 297, 54, "Assurance responsabilité civile professionnelle : Groupama Loire Bretagne, contrat "
                           "n° 40127733 – Carte professionnelle d'enseignant d'équitation n° 04909ED0041", 6.8,
               "Times-Roman")
    c.save()


def fr_jouets_avoir(d, path, rng):
    """A French toy wholesaler's credit note to a toy shop: the wholesaler's name and trades at the
    top left, "AVOIR" in a dark band at the right over a grid of cells (credit note number, date,
    customer code, sales representative, page), the shop's billing and delivery addresses in two
    boxes, the references (the invoice credited and its date, the return authorisation and the
    day the goods came back), the reason, a ruled table with reference, EAN, designation,
    quantity, gross unit price, the customer's discount, net unit price, amount and a VAT code
    (1: toys at 20 %, 2: children's books at 5.5 %), the eco-contribution on the toys returned
    (20 %), at the foot a VAT grid per code and the totals (gross, discount, net HT, VAT, "TOTAL
    AVOIR TTC"), "NET EN VOTRE FAVEUR", how it will be settled, and the legal mentions."""
    toys = [("PZL-1000-PH", "Puzzle 1000 pièces « Phare breton »", "12.90"),
            ("JEU-COOP-FO", "Jeu coopératif « La forêt enchantée »", "17.50"),
            ("TRN-BOIS-24", "Circuit de train en bois, 24 pièces", "28.40"),
            ("CST-MAG-60", "Construction magnétique 60 pièces", "34.90"),
            ("DOU-LAP-30", "Doudou lapin 30 cm, coton bio", "11.20"),
            ("ARC-DINO-01", "Coffret archéologue dinosaure", "9.80"),
            ("TOU-ACT-BO", "Table d'activités en bois 3 en 1", "42.50")]
    books = [("LIV-ANI-FER", "Livre animé « Les animaux de la ferme »", "7.60"),
             ("LIV-SON-CPT", "Livre sonore « Mes premières comptines »", "9.45"),
             ("LIV-TOU-NUI", "Livre à toucher « Bonne nuit petit ours »", "6.85")]
    n_books = rng.randint(1, 2)
    picks = [(x, "20") for x in rng.sample(toys, max(1, len(d.lines) - n_books))]
    picks += [(x, "5.5") for x in rng.sample(books, n_books)]
    disc = rng.choice([5, 8, 10, 12])
    rows = []  # (ref, ean, label, qty, gross, net, amount, rate)
    for (ref, label, price), rate in picks:
        qty = rng.choice([1, 2, 2, 3, 4, 6])
        gross = Decimal(price)
        net = q(gross * (100 - disc) / 100)
        rows.append((ref, f"3770{rng.randint(100000000, 999999999)}", label, qty, gross, net, q(qty * net), rate))
    eco_units = sum(r[3] for r in rows if r[7] == "20")
    eco = Decimal(rng.choice(["0.06", "0.08", "0.12"]))
    rows.append(("ECO-REP-JX", "", "Éco-participation REP Jouets (Ecomaison)", eco_units, eco, eco,
                 q(eco_units * eco), "20"))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[7]] += r[6]
    net_h19(d, base)
    d.number = f"AV{d.date:%y}-{rng.randint(100, 1999):05d}"
    received = d.date - dt.timedelta(days=rng.randint(1, 6))
    agreed = received - dt.timedelta(days=rng.randint(3, 12))
    sold = agreed - dt.timedelta(days=rng.randint(10, 50))
    sold_no = f"FA{sold:%y}-{rng.randint(2000, 19999):06d}"
    why = rng.choice(["Retour de marchandise : articles défectueux constatés à la mise en rayon",
                      "Retour de marchandise : erreur de préparation (articles non commandés)",
                      "Reprise d'invendus après la période de Noël selon accord commercial"])
    shop = rng.choice([("LA BOÎTE À MALICE", "SARL Pichon & Fils", "7 rue Nationale", "37000 TOURS"),
                       ("LE COIN DES LUTINS", "EURL Marchal", "22 Grande Rue", "25000 BESANÇON"),
                       ("JOUETS DU CHÂTEAU", "SAS Ludo Family", "3 place du Château", "44000 NANTES")])
    c = pen(path)
    txt(c, 40, 800, "LUDIVERSE", 22, "Helvetica-Bold")
    txt(c, 40, 785, "DISTRIBUTION", 10, "Helvetica")
    txt(c, 40, 770, "Jeux · Jouets · Livres d'éveil – grossiste agréé", 8, "Helvetica-Oblique")
    for i, s in enumerate(["ZA des Gloriettes – 12 rue Ampère", "69330 MEYZIEU", "Tél. 04 72 02 18 90",
                           "adv@ludiverse-distribution.fr"]):
        txt(c, 40, 754 - 10 * i, s, 8, "Helvetica")
    fill_h19(c, 330, 784, 225, 28, 0.15)
    c.setFillGray(1)
    centre_h19(c, 442, 792, "AVOIR", 18, "Helvetica-Bold")
    c.setFillGray(0)
    cells = [("N° d'avoir", d.number), ("Date", f"{d.date:%d/%m/%Y}"), ("Code client", f"C{rng.randint(10000, 48999)}"),
             ("Représentant", rng.choice(["R04 – T. Gauthier", "R11 – S. Benali", "R07 – M. Roux"])),
             ("Page", "1 / 1")]
    widths = [(330, 80), (410, 70), (480, 75), (330, 150), (480, 75)]
    for i, ((k, v), (x, w)) in enumerate(zip(cells, widths)):
        yc = 756 - 28 * (i // 3)
        c.rect(x, yc, w, 28)
        txt(c, x + 3, yc + 19, k, 6.5, "Helvetica")
        txt(c, x + 3, yc + 5, v, 9, "Helvetica-Bold")
    for j, (title, lines) in enumerate([("Adresse de facturation", [shop[0], shop[1], shop[2], shop[3]]),
                                        ("Adresse de livraison", [shop[0], "Réserve – accès cour arrière",
                                                                  shop[2], shop[3]])]):
        x = 40 + 260 * j
        c.roundRect(x, 620, 250, 68, 4)
        txt(c, x + 6, 678, title, 7, "Helvetica-Oblique")
        for i, s in enumerate(lines):
            txt(c, x + 6, 664 - 12 * i, s, 9, "Helvetica-Bold" if i == 0 else "Helvetica")
    refs = [("Facture d'origine", f"{sold_no} du {sold:%d/%m/%Y}"),
            ("Accord de retour", f"RT-{rng.randint(1000, 9999)} du {agreed:%d/%m/%Y}"),
            ("Marchandise reçue le", f"{received:%d/%m/%Y}")]
    for i, (k, v) in enumerate(refs):
        txt(c, 40 + 175 * i, 600, k, 7, "Helvetica")
        txt(c, 40 + 175 * i, 589, v, 8.5, "Helvetica-Bold")
    txt(c, 40, 570, f"Motif : {why}", 8.5, "Helvetica-Oblique")
    y = 545
    fill_h19(c, 40, y - 5, 515, 15, 0.85)
    for x, h, right in [(43, "Référence", False), (103, "EAN", False), (172, "Désignation", False),
                        (378, "Qté", True), (418, "PU brut", True), (448, "Rem.", True), (490, "PU net", True),
                        (538, "Montant HT", True), (552, "T", True)]:
        txt(c, x, y, h, 7.5, "Helvetica-Bold", right=right)
    for ref, ean, label, qty, gross, net, amount, rate in rows:
        y -= 15
        txt(c, 43, y, ref, 7, "Helvetica")
        txt(c, 103, y, ean, 7)
        txt(c, 172, y, label, 7.8)
        txt(c, 378, y, str(qty), 7.8, right=True)
        txt(c, 418, y, eu(gross, " "), 7.8, right=True)
        txt(c, 448, y, f"{disc}%" if ref != "ECO-REP-JX" else "", 7.8, right=True)
        txt(c, 490, y, eu(net, " "), 7.8, right=True)
        txt(c, 538, y, eu(amount, " "), 7.8, right=True)
        txt(c, 552, y, "1" if rate == "20" else "2", 7.8, right=True)
    c.setLineWidth(0.5)
    c.line(40, y - 6, 555, y - 6)
    for x in [40, 100, 169, 358, 382, 422, 452, 494, 542, 555]:
        c.line(x, 556, x, y - 6)
    c.setLineWidth(1)
    gross_total = sum(q(r[3] * r[4]) for r in rows)
    top = 200
    txt(c, 40, top + 30, "Récapitulatif TVA", 7.5, "Helvetica-Bold")
    heads = ["Code", "Taux", "Base HT", "TVA"]
    for j, h in enumerate(heads):
        x = 40 + 60 * j
        c.rect(x, top + 10, 60, 14)
        txt(c, x + 3, top + 14, h, 7, "Helvetica-Bold")
    for i, r in enumerate(sorted(d.base, key=Decimal, reverse=True)):
        yy = top - 4 - 14 * i
        vals = ["1" if r == "20" else "2", eu(Decimal(r), " ") + " %", eu(d.base[r], " "), eu(d.vat[r], " ")]
        for j, v in enumerate(vals):
            x = 40 + 60 * j
            c.rect(x, yy, 60, 14)
            txt(c, x + 57, yy + 4, v, 8, "Helvetica", right=True)
    tot = [("Total brut HT", gross_total, False), (f"Remise client {disc} %", d.ht - gross_total, False),
           ("Total net HT", d.ht, False), ("Total TVA", d.tva, False), ("TOTAL AVOIR TTC", d.ttc, True)]
    c.rect(330, top - 66, 225, 96)
    for i, (k, v, bold) in enumerate(tot):
        yy = top + 16 - 17 * i
        if bold:
            fill_h19(c, 331, yy - 5, 223, 17, 0.85)
        txt(c, 336, yy, k, 9.5 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 549, yy, eu(v, " ") + " €", 9.5 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
    txt(c, 330, top - 84, f"NET EN VOTRE FAVEUR : {eu(d.ttc, ' ')} EUR", 10.5, "Helvetica-Bold")
    settle = d.date.replace(day=1) + dt.timedelta(days=40)
    txt(c, 40, top - 50, "Mode de règlement : imputation sur votre relevé", 8, "Helvetica")
    txt(c, 40, top - 61, f"de fin de mois (prélèvement du {settle.replace(day=10):%d/%m/%Y}).", 8)
    txt(c, 40, top - 72, "Avoir à déduire – ne pas régler.", 8, "Helvetica-Bold")
    for i, s in enumerate(["Éco-participation reversée à Ecomaison (filière REP jouets, art. L541-10-1 du Code de "
                           "l'environnement) – identifiant unique FR123456_03ABCD.",
                           "Les livres sont soumis au taux réduit de 5,5 % (art. 278-0 bis du CGI) ; jeux et jouets "
                           "au taux normal de 20 %.",
                           "Ludiverse Distribution SAS au capital de 120 000 € – RCS Lyon 811 402 337 – SIRET "
                           "811 402 337 00025 – APE 4649Z – TVA FR 39 811402337"]):
        txt(c, 40, 72 - 9 * i, s, 6.5, "Helvetica")
    c.save()


def en_gb_electrician(d, path, rng):
    """A British electrical contractor's invoice to a householder, as accounting software prints
    it: the contractor's name and accreditations at the top left, "TAX INVOICE" at the right, the
    customer and the installation address side by side, a column of dates and references at the
    right (invoice date, tax point, invoice number, reference, completion, due date), a table with
    description, quantity, unit price, VAT rate and amount: solar panels and battery storage
    zero-rated as energy-saving materials, and standard-rated work (consumer unit, EV charger,
    inspection report, sockets) at 20 %, then "Subtotal", "TOTAL VAT 0%", "TOTAL VAT 20%", "TOTAL
    GBP", sometimes less the deposit paid with its date and "AMOUNT DUE GBP", the certificates,
    the bank details and the registered office."""
    zero = [("Supply and install {k:.2f} kWp solar PV system: {n} x 430 W all-black panels, hybrid inverter, "
             "roof mounting kit", ["5480.00", "6120.00", "6890.00"]),
            ("Supply and install 5.2 kWh battery storage unit incl. isolators and commissioning", ["2950.00", "3340.00"]),
            ("Bird mesh protection around PV array", ["280.00", "340.00"])]
    std = [("Replace consumer unit: 18th Edition, 14-way RCBO board, surge protection", 1, ["585.00", "640.00"]),
           ("Supply and install 7.4 kW tethered EV charger, incl. earth rod and cabling", 1, ["895.00", "960.00"]),
           ("Electrical Installation Condition Report (EICR) – domestic", 1, ["160.00", "185.00"]),
           ("Additional double socket outlets, flush, chased and made good", rng.randint(2, 5), ["68.00", "75.00"]),
           ("External IP66 socket and LED floodlight with PIR, garage wall", 1, ["145.00", "165.00"])]
    rows = []  # (description, qty, unit, rate)
    n = rng.randint(10, 16)
    first = zero[0]
    rows.append((first[0].format(k=n * 0.43, n=n), 1, Decimal(rng.choice(first[1])), "0"))
    for label, prices in rng.sample(zero[1:], rng.randint(0, 1 if len(d.lines) < 4 else 2)):
        rows.append((label, 1, Decimal(rng.choice(prices)), "0"))
    for label, qty, prices in rng.sample(std, max(1, len(d.lines) - len(rows))):
        rows.append((label, qty, Decimal(rng.choice(prices)), "20"))
    base = defaultdict(Decimal)
    for label, qty, each, rate in rows:
        base[rate] += q(qty * each)
    net_h19(d, base)
    d.number = f"INV-{rng.randint(1200, 4999)}"
    done = d.date - dt.timedelta(days=rng.randint(1, 9))
    due = d.date + dt.timedelta(days=rng.choice([7, 14]))
    deposit = None
    if rng.random() < 0.5:
        deposit = (q(Decimal(rng.choice(["1000", "1500", "2000"]))), done - dt.timedelta(days=rng.randint(20, 45)))
    quote = f"QU-{rng.randint(600, 1999)}"
    who = rng.choice([("Mr & Mrs D. Hughes", "14 Sycamore Close", "Wellington", "Telford", "TF1 2LQ"),
                      ("Ms Rachel Turner", "The Old Forge, Church Lane", "Much Wenlock", "Shropshire", "TF13 6AS"),
                      ("Mr Gareth Evans", "7 Priory Road", "Shifnal", "Shropshire", "TF11 8AU")])

    def gbdate(x):
        return f"{x.day} {x:%b %Y}"

    c = pen(path)
    c.setFillColorRGB(0.98, 0.75, 0.1)
    p = c.beginPath()
    p.moveTo(58, 812)
    p.lineTo(46, 790)
    p.lineTo(55, 790)
    p.lineTo(49, 770)
    p.lineTo(66, 796)
    p.lineTo(57, 796)
    p.lineTo(64, 812)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.setFillGray(0)
    txt(c, 74, 796, "BRIGHTWIRE", 18, "Helvetica-Bold")
    txt(c, 74, 782, "ELECTRICAL LTD", 10, "Helvetica")
    txt(c, 40, 756, "NICEIC Approved Contractor · MCS Certified Solar PV & Battery Installer · OZEV Approved", 7.5,
        "Helvetica-Oblique")
    txt(c, 555, 796, "TAX INVOICE", 20, "Helvetica-Bold", right=True)
    for i, s in enumerate(["Unit 7, Hadley Court", "Hadley Park East", "Telford TF1 5QX",
                           "01952 604 318", "accounts@brightwire-electrical.co.uk", "VAT Reg No. GB 318 4471 92"]):
        txt(c, 555, 778 - 10 * i, s, 8, "Helvetica", right=True)
    txt(c, 40, 716, "Invoice to", 7.5, "Helvetica-Bold")
    for i, s in enumerate(who):
        txt(c, 40, 703 - 11 * i, s, 9, "Helvetica")
    txt(c, 200, 716, "Installation address", 7.5, "Helvetica-Bold")
    site = ["As invoice address"] if rng.random() < 0.6 else rng.choice([
        ["Holly Cottage, Bridgnorth Road", "Broseley", "Shropshire", "TF12 5EL"],
        ["Unit 2, Stafford Park 4", "Telford", "TF3 3BA"],
        ["Ivy House Farm, Stirchley Lane", "Telford", "TF3 1EB"]])
    for i, s in enumerate(site):
        txt(c, 200, 703 - 11 * i, s, 9, "Helvetica")
    meta = [("Invoice Date", gbdate(d.date)), ("Tax Point", gbdate(d.date)), ("Invoice Number", d.number),
            ("Reference", f"{quote} / Job {rng.randint(3000, 3999)}"), ("Work Completed", gbdate(done)),
            ("Due Date", gbdate(due))]
    for i, (k, v) in enumerate(meta):
        txt(c, 390, 716 - 12 * i, k, 7.5, "Helvetica-Bold")
        txt(c, 470, 716 - 12 * i, v, 8.5, "Helvetica")
    y = 620
    c.setLineWidth(1.2)
    c.line(40, y - 5, 555, y - 5)
    c.setLineWidth(1)
    for x, h, right in [(40, "Description", False), (380, "Quantity", True), (450, "Unit Price", True),
                        (500, "VAT", True), (555, "Amount GBP", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for label, qty, each, rate in rows:
        y -= 22
        words, lines = label.split(), [""]
        for w in words:
            if len(lines[-1]) + len(w) > 58:
                lines.append("")
            lines[-1] = (lines[-1] + " " + w).strip()
        for j, s in enumerate(lines):
            txt(c, 40, y - 10 * j, s, 8.5, "Helvetica")
        txt(c, 380, y, f"{qty:.2f}", 8.5, right=True)
        txt(c, 450, y, us(each), 8.5, right=True)
        txt(c, 500, y, "0%" if rate == "0" else "20%", 8.5, right=True)
        txt(c, 555, y, us(q(qty * each)), 8.5, right=True)
        y -= 10 * (len(lines) - 1)
        c.setStrokeGray(0.8)
        c.line(40, y - 7, 555, y - 7)
        c.setStrokeGray(0)
    y -= 30
    tot = [("Subtotal", us(d.ht), False)]
    if "0" in d.base:
        tot.append(("TOTAL VAT 0%", us(d.vat["0"]), False))
    tot.append(("TOTAL VAT 20%", us(d.vat["20"]), False))
    tot.append(("TOTAL GBP", us(d.ttc), True))
    if deposit:
        tot.append((f"Less Deposit Paid {gbdate(deposit[1])}", us(deposit[0]), False))
        tot.append(("AMOUNT DUE GBP", us(d.ttc - deposit[0]), True))
    for i, (k, v, bold) in enumerate(tot):
        yy = y - 16 * i
        if bold:
            c.setLineWidth(0.8)
            c.line(350, yy + 12, 555, yy + 12)
        txt(c, 460, yy, k, 9.5 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
        txt(c, 555, yy, v, 9.5 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y -= 16 * len(tot) + 20
    for i, s in enumerate(["Solar PV and battery storage installed in residential accommodation are zero-rated as "
                           "energy-saving materials (VAT Notice 708/6).",
                           f"MCS certificate no. MCS-{rng.randint(10000000, 99999999)} and the Building Regulations "
                           "Part P notification have been issued separately.",
                           "Workmanship warranty 2 years; manufacturers' warranties as per the handover pack."]):
        txt(c, 40, y - 11 * i, s, 7.5, "Helvetica-Oblique")
    c.setFillColorRGB(0.97, 0.95, 0.88)
    c.rect(40, 88, 515, 52, stroke=0, fill=1)
    c.setFillGray(0)
    txt(c, 48, 128, "PAYMENT ADVICE", 8, "Helvetica-Bold")
    txt(c, 48, 116, "Bank transfer to Brightwire Electrical Ltd · Lloyds Bank · Sort code 30-96-26 · "
                    "Account 41852207", 8, "Helvetica")
    txt(c, 48, 104, f"Please quote {d.number} as the payment reference. Payment due by {gbdate(due)}.", 8)
    txt(c, 48, 94, "Card payments accepted by phone (no surcharge).", 7.5, "Helvetica-Oblique")
    centre_h19(c, 297, 66, "Brightwire Electrical Ltd · Registered in England and Wales No. 09871234 · Registered "
                           "office: Unit 7, Hadley Court, Telford TF1 5QX", 6.5, "Helvetica")
    c.save()


def de_heizoelhandel(d, path, rng):
    """A German heating oil dealer's invoice to a household as a DIN 5008 letter: a coloured band
    with the firm's trades at the top, its address at the right, the small sender line over the
    address window, the customer in the window, a framed information block at the right
    (customer number, invoice number, invoice date, delivery note, delivery date, order date,
    clerk), "Rechnung" for the delivery, a shaded block with the tanker, the driver, the meter
    readings at the start and the end, the quantity at 15 °C and the tank, a table with position,
    quantity, unit, description, net price per 100 litres or per lump sum and amount, with
    surcharges for small quantities, long hoses or express delivery, the taxes and levies included
    in the price, "Summe netto", "zzgl. 19 % MwSt.", "Rechnungsbetrag", the SEPA direct debit with
    its date or the due date with the cash discount, and the three-column footer."""
    litres = rng.randint(800, 6200)
    premium = rng.random() < 0.4
    per100 = q(Decimal(rng.randint(8650, 11480)) / 100) + (Decimal("1.50") if premium else 0)
    rows = [(f"{litres:,}".replace(",", "."), "l",
             "Heizöl EL schwefelarm DIN 51603-1" + (" – Premium mit Additiv" if premium else ""),
             f"{eu(per100)} / 100 l", q(Decimal(litres) * per100 / 100))]
    if litres < 1500:
        each = Decimal(rng.choice(["35.00", "45.00"]))
        rows.append(("1", "Pausch.", "Mindermengenzuschlag (Abnahme unter 1.500 l)", eu(each), each))
    extras = [("Schlauchzuschlag (Schlauchlänge über 40 m)", ["15.00", "20.00"]),
              ("Eilzuschlag Lieferung innerhalb 48 Stunden", ["39.00", "49.00"]),
              ("Zweite Abladestelle gleiche Anschrift", ["25.00"])]
    for label, prices in rng.sample(extras, max(0, len(d.lines) - 2)):
        each = Decimal(rng.choice(prices))
        rows.append(("1", "Pausch.", label, eu(each), each))
    net_h19(d, {"19": sum(r[4] for r in rows)})
    d.number = f"{d.date:%y}-{rng.randint(1000, 29999):05d}"
    delivered = d.date - dt.timedelta(days=rng.randint(0, 3))
    ordered = delivered - dt.timedelta(days=rng.randint(2, 12))
    start = rng.randint(120000, 480000)
    sepa = rng.random() < 0.6
    pay_day = d.date + dt.timedelta(days=rng.choice([10, 14]))
    who = rng.choice([("Herrn", "Thomas Maier", "Lindenstraße 24", "71636 Ludwigsburg"),
                      ("Frau", "Sabine Krämer", "Am Weinberg 3", "74321 Bietigheim-Bissingen"),
                      ("Familie", "Jürgen und Petra Scholz", "Hauptstraße 117", "71679 Asperg")])
    c = pen(path)
    c.setFillColorRGB(0.75, 0.1, 0.1)
    c.rect(0, 818, 595, 24, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 57, 826, "HARTMANN ENERGIE", 12, "Helvetica-Bold")
    txt(c, 538, 826, "Heizöl · Diesel · Holzpellets · Schmierstoffe", 8.5, "Helvetica", right=True)
    c.setFillGray(0)
    txt(c, 538, 796, "Brennstoffe Hartmann GmbH & Co. KG", 9, "Helvetica-Bold", right=True)
    for i, s in enumerate(["Porschestraße 21", "71634 Ludwigsburg", "Telefon 07141 9 74 30-0",
                           "bestellung@hartmann-energie.de"]):
        txt(c, 538, 785 - 10 * i, s, 8, "Helvetica", right=True)
    txt(c, 57, 728, "Brennstoffe Hartmann GmbH & Co. KG · Porschestraße 21 · 71634 Ludwigsburg", 6.5, "Helvetica")
    c.setLineWidth(0.4)
    c.line(57, 725, 300, 725)
    for i, s in enumerate(who):
        txt(c, 57, 708 - 12 * i, s, 10, "Helvetica")
    c.setLineWidth(0.6)
    c.rect(368, 632, 170, 92)
    info = [("Kunden-Nr.", f"{rng.randint(40000, 69999)}"), ("Rechnungs-Nr.", d.number),
            ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"), ("Lieferschein-Nr.", f"{rng.randint(700000, 799999)}"),
            ("Lieferdatum", f"{delivered:%d.%m.%Y}"), ("Ihr Auftrag vom", f"{ordered:%d.%m.%Y}"),
            ("Bearbeiter", rng.choice(["Fr. Öztürk", "Hr. Brenner", "Fr. Wolf"]))]
    for i, (k, v) in enumerate(info):
        txt(c, 373, 711 - 12 * i, k, 8, "Helvetica")
        txt(c, 533, 711 - 12 * i, v, 8, "Helvetica-Bold" if k == "Rechnungs-Nr." else "Helvetica", right=True)
    txt(c, 57, 600, "Rechnung", 14, "Helvetica-Bold")
    txt(c, 57, 585, f"für Ihre Heizöllieferung vom {delivered:%d.%m.%Y}", 10, "Helvetica")
    c.setFillColorRGB(0.96, 0.93, 0.93)
    c.rect(57, 524, 481, 48, stroke=0, fill=1)
    c.setFillGray(0)
    meter = [("Fahrzeug", f"LB-HE {rng.randint(100, 899)}"), ("Fahrer", rng.choice(["Kowalski", "Berisha", "Hahn"])),
             ("Zählwerk Beginn", f"{start:,} l".replace(",", ".")),
             ("Zählwerk Ende", f"{start + litres:,} l".replace(",", ".")),
             ("Abgabemenge bei 15 °C", f"{litres:,} l".replace(",", ".")),
             ("Tankanlage", rng.choice(["Batterietank 5 x 1.500 l", "Stahltank Keller 7.000 l", "Erdtank 8.000 l"]))]
    for i, (k, v) in enumerate(meter):
        x = 62 + 160 * (i % 3)
        yy = 560 - 22 * (i // 3)
        txt(c, x, yy, k, 6.5, "Helvetica")
        txt(c, x, yy - 9, v, 8.5, "Helvetica-Bold")
    y = 500
    c.setLineWidth(0.8)
    c.line(57, y - 4, 538, y - 4)
    for x, h, right in [(57, "Pos.", False), (122, "Menge", True), (128, "Einh.", False), (165, "Bezeichnung", False),
                        (470, "Preis netto €", True), (538, "Betrag €", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for i, (qty, unit, label, price, amount) in enumerate(rows):
        y -= 16
        txt(c, 57, y, str(i + 1), 9, "Helvetica")
        txt(c, 122, y, qty, 9, right=True)
        txt(c, 128, y, unit, 9)
        txt(c, 165, y, label, 9)
        txt(c, 470, y, price, 9, right=True)
        txt(c, 538, y, eu(amount), 9, right=True)
    c.line(57, y - 7, 538, y - 7)
    y -= 22
    co2 = Decimal("14.29") if d.date.year >= 2024 else Decimal("9.53")
    txt(c, 57, y, f"Im Preis enthalten: Energiesteuer 6,135 € / 100 l, CO2-Abgabe nach BEHG (45 € / t) "
                  f"{eu(co2)} € / 100 l, EBV-Beitrag 0,36 € / 100 l.", 7.5, "Helvetica-Oblique")
    y -= 26
    for i, (k, v, bold) in enumerate([("Summe netto", d.ht, False), ("zzgl. 19 % MwSt.", d.tva, False),
                                      ("Rechnungsbetrag", d.ttc, True)]):
        yy = y - 15 * i
        if bold:
            c.line(360, yy + 11, 538, yy + 11)
        txt(c, 360, yy, k, 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 538, yy, eu(v) + " €", 10 if bold else 9, "Helvetica-Bold" if bold else "Helvetica", right=True)
    c.line(360, y - 34, 538, y - 34)
    c.line(360, y - 36, 538, y - 36)
    y -= 62
    if sepa:
        txt(c, 57, y, f"Den Rechnungsbetrag ziehen wir am {pay_day:%d.%m.%Y} von Ihrem Konto "
                      f"DE•• •••• •••• •••• ••{rng.randint(10, 99)} {rng.randint(10, 99)} ein.", 9, "Helvetica")
        txt(c, 57, y - 12, f"Mandatsreferenz HE-{rng.randint(10000, 99999)}, Gläubiger-ID "
                           f"DE71ZZZ00000{rng.randint(100000, 999999)}. Bitte sorgen Sie für ausreichende Deckung.", 9)
    else:
        skonto = q(d.ttc * Decimal("0.01"))
        txt(c, 57, y, f"Zahlbar bis {pay_day:%d.%m.%Y} ohne Abzug. Bei Überweisung innerhalb von 5 Tagen gewähren "
                      f"wir 1 % Skonto", 9, "Helvetica")
        txt(c, 57, y - 12, f"({eu(skonto)} €, Zahlbetrag dann {eu(d.ttc - skonto)} €).", 9)
    txt(c, 57, y - 32, "Die gelieferte Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. Es gelten unsere "
                       "Allgemeinen Lieferbedingungen.", 7.5, "Helvetica")
    txt(c, 57, y - 42, "Hinweis: Lassen Sie Ihre Heizungsanlage regelmäßig warten – ein sauberer Brenner spart "
                       "bis zu 10 % Heizöl.", 7.5, "Helvetica-Oblique")
    c.setLineWidth(0.4)
    c.line(57, 92, 538, 92)
    cols = [["Brennstoffe Hartmann GmbH & Co. KG", "Sitz Ludwigsburg, Amtsgericht Stuttgart HRA 203417",
             "phG: Hartmann Verwaltungs GmbH, HRB 204118", "Geschäftsführer: Markus Hartmann"],
            ["Kreissparkasse Ludwigsburg", "IBAN DE42 6045 0050 0030 1187 44", "BIC SOLADES1LBG"],
            ["USt-IdNr. DE 145 872 309", "Steuer-Nr. 71381/04512", "Mitglied im Verband für Energiehandel",
             "Südwest-Mitte e.V."]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 57 + 165 * j, 82 - 8.5 * i, s, 6.5, "Helvetica")
    c.save()


def nl_loonbedrijf(d, path, rng):
    """A Dutch agricultural contractor's invoice to a farm: a green band with the firm's name and
    trades, the address and registration numbers under it, the farm's address at the left,
    "FACTUUR" with a boxed block at the right (invoice number, invoice date, debtor number, due
    date, the farm's VAT number, the period of the work), a table listing each job with its date
    and field (manure injection per m³, sowing, mowing, baling per bale, tractor and trailer or
    excavator by the hour), contract work at 21 %, seed delivered at 9 %, a VAT column; a VAT
    specification at the left, the totals at the right ("Totaal excl. btw", one VAT line per rate,
    "Totaal incl. btw"), the payment request and the trade association's conditions."""
    work = [("Mest injecteren met zodebemester", "m³", lambda: Decimal(rng.randint(240, 900)), ["2.95", "3.25", "3.60"], 0),
            ("Maïs zaaien 6-rijig incl. rijenbemesting", "ha", lambda: Decimal(rng.randint(42, 186)) / 10,
             ["64.00", "69.50", "74.00"], 2),
            ("Gras maaien met kneuzer, 9 m werkbreedte", "ha", lambda: Decimal(rng.randint(55, 240)) / 10,
             ["38.50", "42.00", "46.00"], 2),
            ("Persen vierkante balen 120x90 incl. netwikkel", "st", lambda: Decimal(rng.randint(60, 240)),
             ["6.40", "7.10", "7.85"], 0),
            ("Trekker met kipper, transport kuilgras", "uur", lambda: Decimal(rng.randint(7, 22)) / 2,
             ["62.50", "68.00", "72.50"], 2),
            ("Graafmachine 15 ton incl. machinist, sloot uitdiepen", "uur", lambda: Decimal(rng.randint(6, 18)) / 2,
             ["78.00", "84.50"], 2)]
    seed = [("Levering maïszaad (eenheid 50.000 korrels)", "eh", lambda: Decimal(rng.randint(8, 30)),
             ["129.00", "136.50", "142.00"], 0),
            ("Levering graszaadmengsel herinzaai, zak 15 kg", "zak", lambda: Decimal(rng.randint(2, 12)),
             ["74.50", "81.00"], 0)]
    fields = ["Achter de schuur", "Lange kamp", "Esweg perceel 3", "Kampje bij de dijk", "Huiskavel", "Middelste stuk"]
    picks = [(x, "21") for x in rng.sample(work, max(2, len(d.lines)))] + [(rng.choice(seed), "9")]
    rows = []  # (date, label, field, qty, places, unit, price, amount, rate)
    for (label, unit, qty, prices, places), rate in picks:
        when = d.date - dt.timedelta(days=rng.randint(3, 40))
        n = qty()
        each = Decimal(rng.choice(prices))
        rows.append((when, label, rng.choice(fields) if rate == "21" else "", n, places, unit, each, q(n * each), rate))
    rows.sort(key=lambda r: r[0])
    base = defaultdict(Decimal)
    for r in rows:
        base[r[8]] += r[7]
    net_h19(d, base)
    d.number = f"{d.date:%Y}{rng.randint(1, 899):04d}"
    due = d.date + dt.timedelta(days=30)
    farm = rng.choice([("Maatschap Bakker-Visser", "Hoofdweg 82", "7722 PK  DALFSEN", "NL001234567B01"),
                       ("Melkveebedrijf G.J. Schutte", "Oude Rijksweg 15", "7951 DN  STAPHORST", "NL812765430B01"),
                       ("V.O.F. Van 't Hul", "Westerveldseweg 4", "7731 RX  OMMEN", "NL855123987B01")])
    c = pen(path)
    c.setFillColorRGB(0.16, 0.42, 0.2)
    c.rect(0, 780, 595, 62, stroke=0, fill=1)
    c.setFillGray(1)
    txt(c, 45, 812, "Loonbedrijf Gebr. Van der Heide B.V.", 17, "Helvetica-Bold")
    txt(c, 45, 794, "Loonwerk  ·  Grondverzet  ·  Mesttransport  ·  Sleufsilo's", 9.5, "Helvetica")
    c.setFillGray(0)
    txt(c, 45, 764, "Middenweg 14 · 7711 HH Nieuwleusen · T 0529 48 12 70 · info@vanderheide-loonwerk.nl", 8,
        "Helvetica")
    txt(c, 45, 753, "KvK 05061234 · btw NL009876543B01 · IBAN NL63 RABO 0312 4478 90", 8)
    for i, s in enumerate(farm[:3]):
        txt(c, 45, 712 - 13 * i, s, 10, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 330, 726, "FACTUUR", 18, "Helvetica-Bold")
    first, last = rows[0][0], rows[-1][0]
    meta = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"),
            ("Debiteurnummer", f"{rng.randint(1000, 3999)}"), ("Vervaldatum", f"{due:%d-%m-%Y}"),
            ("Uw btw-nummer", farm[3]), ("Periode", f"{first:%d-%m-%Y} t/m {last:%d-%m-%Y}")]
    c.setLineWidth(0.6)
    c.rect(330, 622, 220, 90)
    for i, (k, v) in enumerate(meta):
        txt(c, 336, 700 - 14 * i, k, 8, "Helvetica")
        txt(c, 430, 700 - 14 * i, v, 8.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    y = 590
    c.setFillColorRGB(0.85, 0.92, 0.85)
    c.rect(45, y - 5, 505, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(48, "Datum", False), (100, "Omschrijving", False), (320, "Perceel", False),
                        (418, "Aantal", True), (422, "Eenh.", False), (474, "Prijs", True), (524, "Bedrag", True),
                        (548, "Btw", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for when, label, field, n, places, unit, each, amount, rate in rows:
        y -= 16
        txt(c, 48, y, f"{when:%d-%m-%y}", 8, "Helvetica")
        txt(c, 100, y, label, 8)
        txt(c, 320, y, field, 7.5)
        txt(c, 418, y, dec_h19(n, places), 8, right=True)
        txt(c, 422, y, unit, 8)
        txt(c, 474, y, "€ " + eu(each), 8, right=True)
        txt(c, 524, y, "€ " + eu(amount), 8, right=True)
        txt(c, 548, y, f"{rate}%", 8, right=True)
        c.setStrokeColorRGB(0.8, 0.87, 0.8)
        c.line(45, y - 5, 550, y - 5)
        c.setStrokeGray(0)
    y -= 40
    txt(c, 45, y + 14, "Btw-specificatie", 8, "Helvetica-Bold")
    for j, h in enumerate(["Btw %", "Grondslag", "Btw-bedrag"]):
        txt(c, 45 + [0, 120, 200][j], y, h, 8, "Helvetica-Bold", right=j > 0)
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        yy = y - 13 * (i + 1)
        txt(c, 45, yy, f"{r}%", 8.5, "Helvetica")
        txt(c, 165, yy, "€ " + eu(d.base[r]), 8.5, right=True)
        txt(c, 245, yy, "€ " + eu(d.vat[r]), 8.5, right=True)
    tot = [("Totaal excl. btw", d.ht, False)]
    tot += [(f"Btw {r}% over € {eu(d.base[r])}", d.vat[r], False) for r in sorted(d.base, key=Decimal)]
    tot.append(("Totaal incl. btw", d.ttc, True))
    for i, (k, v, bold) in enumerate(tot):
        yy = y - 15 * i
        if bold:
            c.setFillColorRGB(0.85, 0.92, 0.85)
            c.rect(330, yy - 5, 220, 17, stroke=0, fill=1)
            c.setFillGray(0)
        txt(c, 335, yy, k, 10 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica")
        txt(c, 545, yy, "€ " + eu(v), 10 if bold else 8.5, "Helvetica-Bold" if bold else "Helvetica", right=True)
    y -= 15 * len(tot) + 30
    txt(c, 45, y, f"Wij verzoeken u het totaalbedrag vóór {due:%d-%m-%Y} over te maken op NL63 RABO 0312 4478 90 "
                  f"t.n.v. Loonbedrijf Gebr. Van der Heide B.V.,", 8.5, "Helvetica")
    txt(c, 45, y - 11, f"onder vermelding van factuurnummer {d.number}. Hoeveelheden volgens werkbonnen en "
                       "GPS-registratie van de machines.", 8.5)
    c.setLineWidth(0.4)
    c.line(45, 70, 550, 70)
    centre_h19(c, 297, 58, "Op al onze werkzaamheden zijn de CUMELA-voorwaarden van toepassing, gedeponeerd bij de "
                           "Kamer van Koophandel. Een exemplaar wordt u op verzoek kosteloos toegezonden.", 6.2,
               "Helvetica")
    c.save()


def es_climatizacion(d, path, rng):
    """A Spanish air-conditioning installer's invoice to a business in a serif body with sans
    headings: the firm's registry data set vertically in the left margin, the firm's name, trades
    and licences at the top left, "FACTURA" at the right over a grid of cells (invoice number,
    date, customer code, page), the customer with its tax number in a box, the references (the
    quotation accepted and its date, the customer's order, the delivery note and its date, the
    start-up date of the installation), a ruled table with code, description, quantity, price,
    discount and amount, the totals as a grid at the foot (gross amount, prompt payment discount,
    taxable base, VAT rate, VAT, "TOTAL FACTURA"), two instalments by direct debit with their due
    dates and amounts, the warranty, and the data protection text."""
    equip = [("MSZ-HR35", "Split pared inverter 3,5 kW R32 Mitsubishi MSZ-HR35VF", [1, 2, 3], ["689.00", "745.00"]),
             ("FCA-71", "Cassette 4 vías 7,1 kW R32 Daikin FCAG71B + bomba condens.", [1, 2],
              ["1590.00", "1745.00"]),
             ("CONS-100", "Conductos 10 kW R32 Fujitsu ARXG36KMLA, plenum y rejillas", [1], ["2480.00", "2715.00"])]
    extra = [("LIN-1438", "Línea frigorífica aislada 1/4\"-3/8\" (m)", lambda: rng.randint(6, 28), ["18.50", "21.00"]),
             ("MO-OF1", "Mano de obra oficial 1ª instalador frigorista (h)", lambda: rng.randint(4, 18),
              ["34.00", "38.00"]),
             ("GAS-R32", "Carga adicional refrigerante R32 (kg)", lambda: rng.randint(1, 3), ["45.00", "52.00"]),
             ("SOP-ANT", "Soporte mural antivibratorio unidad exterior", lambda: rng.randint(1, 3), ["32.00", "38.50"]),
             ("CERT-RITE", "Certificado instalación térmica (RITE) y registro Industria", lambda: 1,
              ["120.00", "145.00"]),
             ("DESP", "Desplazamiento y medios de elevación", lambda: 1, ["25.00", "60.00"])]
    rows = []  # (code, label, qty, price, disc, amount)
    code, label, counts, prices = rng.choice(equip)
    disc = rng.choice([0, 5, 8, 10])
    qty, each = rng.choice(counts), Decimal(rng.choice(prices))
    rows.append((code, label, qty, each, disc, q(qty * each * (100 - disc) / 100)))
    for code, label, n, prices in rng.sample(extra, len(d.lines)):
        qty, each = n(), Decimal(rng.choice(prices))
        rows.append((code, label, qty, each, 0, q(qty * each)))
    net_h19(d, {"21": sum(r[5] for r in rows)})
    d.number = f"A{d.date:%y}/{rng.randint(100, 1800):04d}"
    quote_day = d.before - dt.timedelta(days=rng.randint(10, 40))
    delivery = d.before
    start_up = d.date - dt.timedelta(days=rng.randint(0, 2))
    first = eom_h19(d.date + dt.timedelta(days=30))
    second = eom_h19(d.date + dt.timedelta(days=60))
    half = q(d.ttc / 2)
    who = rng.choice([("Restaurante La Alacena, S.L.", "CIF B91234567", "C/ Betis 31", "41010 Sevilla"),
                      ("Clínica Dental Triana, S.L.P.", "CIF B90876543", "C/ San Jacinto 88", "41010 Sevilla"),
                      ("Comunidad de Propietarios Edif. Giralda", "CIF H41765432", "Avda. de la Constitución 12",
                       "41004 Sevilla")])
    c = pen(path, "Times-Roman")
    c.saveState()
    c.translate(22, 90)
    c.rotate(90)
    txt(c, 0, 0, "Frío Sur Climatización, S.L. – Inscrita en el Registro Mercantil de Sevilla, Tomo 5.812, Folio 44, "
                 "Hoja SE-98.341, Inscripción 1ª – CIF B91567234", 6.5, "Times-Roman")
    c.restoreState()
    c.setFillColorRGB(0.05, 0.35, 0.6)
    txt(c, 45, 798, "FRÍO SUR", 24, "Helvetica-Bold")
    c.setFillGray(0)
    txt(c, 45, 784, "CLIMATIZACIÓN, S.L.", 10, "Helvetica-Bold")
    for i, s in enumerate(["Aire acondicionado · Calefacción · Ventilación · Mantenimiento",
                           "Empresa habilitada RITE nº 41/2011/0318",
                           "Certificado empresa gases fluorados nº F-41-1187",
                           "Pol. Ind. La Isla, C/ Río Viejo 38, nave 6",
                           "41703 Dos Hermanas (Sevilla) · Tel. 954 93 21 07",
                           "administracion@friosur.es"]):
        txt(c, 45, 768 - 10 * i, s, 8, "Times-Italic" if i == 0 else "Times-Roman")
    txt(c, 550, 798, "FACTURA", 20, "Helvetica-Bold", right=True)
    cells = [("Nº FACTURA", d.number, 90), ("FECHA", f"{d.date:%d/%m/%Y}", 70), ("CLIENTE", f"{rng.randint(430, 2990)}", 45),
             ("PÁG.", "1 de 1", 35)]
    x = 310
    for k, v, w in cells:
        c.setFillColorRGB(0.05, 0.35, 0.6)
        c.rect(x, 764, w, 12, stroke=0, fill=1)
        c.setFillGray(1)
        txt(c, x + 3, 767, k, 6.5, "Helvetica-Bold")
        c.setFillGray(0)
        c.rect(x, 746, w, 30)
        centre_h19(c, x + w / 2, 751, v, 9.5, "Times-Bold" if k == "Nº FACTURA" else "Times-Roman")
        x += w
    c.roundRect(310, 652, 240, 78, 4)
    txt(c, 316, 720, "DATOS DEL CLIENTE", 6.5, "Helvetica-Bold")
    for i, s in enumerate(who):
        txt(c, 316, 706 - 13 * i, s, 10, "Times-Bold" if i == 0 else "Times-Roman")
    refs = [("Presupuesto", f"P{quote_day:%y}-{rng.randint(100, 999):04d} aceptado el {quote_day:%d/%m/%Y}"),
            ("Su pedido", f"{rng.choice(['OC-', 'Ped. ', ''])}{rng.randint(100, 9999)}"),
            ("Albarán", f"AL{delivery:%y}-{rng.randint(1000, 9999)} de {delivery:%d/%m/%Y}"),
            ("Puesta en marcha", f"{start_up:%d/%m/%Y}")]
    for i, (k, v) in enumerate(refs):
        txt(c, 45, 696 - 13 * i, k + ":", 8.5, "Helvetica-Bold")
        txt(c, 125, 696 - 13 * i, v, 9.5, "Times-Roman")
    txt(c, 45, 630, "Obra: instalación de climatización en el local del cliente según presupuesto y memoria técnica.",
        9.5, "Times-Italic")
    y = 600
    c.setLineWidth(0.8)
    c.line(45, y + 12, 550, y + 12)
    c.line(45, y - 5, 550, y - 5)
    for x, h, right in [(48, "CÓDIGO", False), (110, "DESCRIPCIÓN", False), (402, "CANT.", True),
                        (456, "PRECIO", True), (490, "DTO.", True), (548, "IMPORTE", True)]:
        txt(c, x, y, h, 7.5, "Helvetica-Bold", right=right)
    for code, label, qty, each, dsc, amount in rows:
        y -= 17
        txt(c, 48, y, code, 8, "Helvetica")
        txt(c, 110, y, label, 9, "Times-Roman")
        txt(c, 402, y, dec_h19(qty, 2), 9, right=True)
        txt(c, 456, y, eu(each), 9, right=True)
        txt(c, 490, y, f"{dsc},00" if dsc else "", 9, right=True)
        txt(c, 548, y, eu(amount), 9, right=True)
    c.line(45, y - 8, 550, y - 8)
    top = 250
    grid = [("IMPORTE BRUTO", eu(d.ht), 95), ("DTO. P.P.", "0,00", 60), ("BASE IMPONIBLE", eu(d.ht), 95),
            ("% IVA", "21,00", 50), ("CUOTA IVA", eu(d.tva), 85), ("TOTAL FACTURA", eu(d.ttc) + " €", 120)]
    x = 45
    for k, v, w in grid:
        last = k.startswith("TOTAL")
        if last:
            c.setFillColorRGB(0.05, 0.35, 0.6)
        else:
            c.setFillGray(0.85)
        c.rect(x, top, w, 13, stroke=0, fill=1)
        c.setFillGray(1 if last else 0)
        txt(c, x + 3, top + 3.5, k, 6.8, "Helvetica-Bold")
        c.setFillGray(0)
        c.rect(x, top - 22, w, 35)
        txt(c, x + w - 5, top - 15, v, 11 if last else 9.5, "Times-Bold" if last else "Times-Roman", right=True)
        x += w
    txt(c, 45, top - 48, "FORMA DE PAGO", 8.5, "Helvetica-Bold")
    txt(c, 45, top - 61, "Recibo domiciliado a 30 y 60 días fecha factura, fin de mes", 9, "Times-Roman")
    txt(c, 45, top - 73, f"Domiciliación: ES•• •••• •••• •••• •••• {rng.randint(1000, 9999)}", 9, "Times-Roman")
    txt(c, 360, top - 48, "VENCIMIENTOS", 8.5, "Helvetica-Bold")
    for i, (day, amount) in enumerate([(first, half), (second, d.ttc - half)]):
        txt(c, 360, top - 61 - 12 * i, f"{i + 1}.º  {day:%d/%m/%Y}", 9, "Times-Roman")
        txt(c, 500, top - 61 - 12 * i, eu(amount) + " €", 9, right=True)
    txt(c, 45, top - 100, f"Garantía de equipos y mano de obra: 3 años desde la puesta en marcha ({start_up:%d/%m/%Y}), "
                          "condicionada al mantenimiento anual según RITE.", 8, "Times-Italic")
    for i, s in enumerate(["Información básica sobre protección de datos: responsable Frío Sur Climatización, S.L.; "
                           "finalidad: gestión de la relación comercial y facturación;",
                           "legitimación: ejecución del contrato; derechos: acceso, rectificación, supresión y demás "
                           "recogidos en el RGPD, ante administracion@friosur.es."]):
        txt(c, 45, 70 - 8 * i, s, 6.3, "Times-Roman")
    c.save()


def it_legna_accompagnatoria(d, path, rng):
    """An Italian firewood and pellet dealer's "fattura accompagnatoria" (invoice that travels with
    the goods), filled in a fixed-pitch font on a printed form: the firm's name, trades and
    company data at the top left, the title and the law at the right, a row of cells (document
    type, number, date, customer code, page), the buyer with his tax code and the place of
    delivery in two boxes, the payment terms, bank and due date, the customer's order and its
    date, a ruled table with code, description of the goods, unit, quantity, unit price, discount,
    amount and VAT rate (firewood by the quintal or the pallet at 10 %, pellet, briquettes,
    firelighters and the pallets at 22 %), the transport block (reason, carried by, aspect of the
    goods, packages, weight, carriage, date and time the transport starts, signatures), the VAT
    summary per rate and the totals ("TOTALE DOCUMENTO"), and the e-invoicing and CONAI
    mentions."""
    wood = [("LF33", "Legna da ardere faggio stagionata, spacco 33 cm", "q.li", lambda: rng.randint(10, 60),
             ["17.00", "18.50", "19.50"], 100),
            ("LM25", "Legna mista faggio/carpino, spacco 25 cm", "q.li", lambda: rng.randint(10, 40),
             ["15.50", "16.80"], 100),
            ("LB18", "Legna di faggio in bancale retinato (ca. 1,8 mst)", "banc.", lambda: rng.randint(1, 4),
             ["165.00", "178.00"], 900)]
    other = [("PE15A1", "Pellet di abete certificato ENplus A1, sacchi da 15 kg", "sacchi",
              lambda: rng.choice([35, 70, 70, 105, 140, 210]), ["5.40", "5.90", "6.20"], 15),
             ("BRI10", "Bricchetti di faggio, confezione da 10 kg", "conf.", lambda: rng.randint(10, 50),
              ["4.20", "4.60"], 10),
             ("ACC100", "Accendifuoco ecologico in lana di legno, conf. 100 pz", "conf.", lambda: rng.randint(1, 4),
              ["5.90", "6.50"], 1)]
    n10 = 1 if len(d.lines) == 2 else rng.randint(1, 2)
    picks = [(x, "10") for x in rng.sample(wood, n10)] + [(x, "22") for x in rng.sample(other, len(d.lines) - n10)]
    rows = []  # (code, label, unit, qty, price, disc, amount, rate, kg)
    for (code, label, unit, n, prices, kg), rate in picks:
        qty, each = n(), Decimal(rng.choice(prices))
        disc = 3 if unit == "q.li" and qty >= 40 else 0
        rows.append((code, label, unit, qty, each, disc, q(qty * each * (100 - disc) / 100), rate, qty * kg))
        if code == "PE15A1":
            pallets = -(-qty // 70)
            rows.append(("EPAL", "Bancale EPAL (a perdere)", "pz", pallets, Decimal("12.00"), 0,
                         q(pallets * Decimal("12.00")), "22", 25 * pallets))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[7]] += r[6]
    net_h19(d, base)
    d.number = f"{rng.randint(12, 480)}/{d.date.year}"
    ordered = d.date - dt.timedelta(days=rng.randint(2, 15))
    cash = rng.random() < 0.4
    due = d.date if cash else eom_h19(d.date + dt.timedelta(days=30))
    who = rng.choice([("BERTOLINI MARIO", "Via Trento 14", "38025 DIMARO FOLGARIDA (TN)", "C.F. BRTMRA58C12D336K"),
                      ("RIFUGIO MALGA BORDOLONA S.A.S.", "Loc. Bordolona 1", "38020 RUMO (TN)",
                       "P.IVA 02145660221"),
                      ("ZANON ELISA", "Via Roma 3/B", "38027 MALÈ (TN)", "C.F. ZNNLSE71E48F837Y")])
    dest = rng.choice(["IDEM", "Baita Pra del Sol – Loc. Pradalago", "Magazzino – Via dell'Artigianato 9"])
    form, fill = "Helvetica", "Courier"
    c = pen(path, fill)
    txt(c, 40, 800, "F.LLI DALLAPICCOLA LEGNAMI", 15, "Helvetica-Bold")
    txt(c, 40, 787, "s.n.c. di Dallapiccola Luca & C.", 9, "Helvetica-Oblique")
    for i, s in enumerate(["Legna da ardere · Pellet · Bricchetti · Cippato · Consegna a domicilio",
                           "Loc. Plan 12 – 38027 Malè (TN) – Tel. 0463 901 245 – info@dallapiccolalegnami.it",
                           "P.IVA e C.F. 01987650220 – R.E.A. TN-187654 – PEC dallapiccolalegnami@pec.it"]):
        txt(c, 40, 774 - 10 * i, s, 7.5, form)
    c.setLineWidth(1.2)
    c.rect(370, 770, 185, 40)
    c.setLineWidth(0.6)
    centre_h19(c, 462, 796, "FATTURA ACCOMPAGNATORIA", 11, "Helvetica-Bold")
    centre_h19(c, 462, 785, "fattura immediata e documento di trasporto", 7, form)
    centre_h19(c, 462, 776, "(D.P.R. 633/1972 art. 21 – D.P.R. 472/1996)", 6.5, form)

    def cell(x, y, w, h, label, value, size=9, font=fill):
        c.rect(x, y, w, h)
        txt(c, x + 3, y + h - 7.5, label, 6, form)
        txt(c, x + 4, y + 4, value, size, font)

    cell(40, 708, 150, 24, "Tipo documento", "FATTURA ACC.")
    cell(190, 708, 90, 24, "Numero", d.number, 10, "Courier-Bold")
    cell(280, 708, 90, 24, "Data", f"{d.date:%d/%m/%Y}", 10, "Courier-Bold")
    cell(370, 708, 110, 24, "Codice cliente", f"{rng.randint(100, 999):06d}")
    cell(480, 708, 75, 24, "Pagina", "1/1")
    c.rect(40, 630, 255, 70)
    txt(c, 43, 692, "Spett.le / Cessionario", 6, form)
    for i, s in enumerate(who):
        txt(c, 46, 678 - 12 * i, s, 9, "Courier-Bold" if i == 0 else fill)
    c.rect(300, 630, 255, 70)
    txt(c, 303, 692, "Luogo di destinazione", 6, form)
    txt(c, 306, 678, dest, 9, fill)
    if dest != "IDEM":
        txt(c, 306, 666, who[2], 9, fill)
    pay = ("RIMESSA DIRETTA ALLA CONSEGNA", "CONTANTI/POS") if cash else ("BONIFICO 30 GG D.F.F.M.",
                                                                         "CASSA RURALE VAL DI SOLE")
    cell(40, 598, 200, 24, "Condizioni di pagamento", pay[0], 8.5)
    cell(240, 598, 140, 24, "Banca d'appoggio", pay[1], 8)
    cell(380, 598, 75, 24, "Scadenza", f"{due:%d/%m/%Y}", 8.5)
    cell(455, 598, 100, 24, "Vs. ordine del", f"{ordered:%d/%m/%Y}", 8.5)
    y = 572
    c.setFillGray(0.88)
    c.rect(40, y - 5, 515, 15, stroke=0, fill=1)
    c.setFillGray(0)
    for x, h, right in [(43, "Codice", False), (90, "Descrizione dei beni (natura e qualità)", False),
                        (345, "U.M.", False), (413, "Quantità", True), (458, "Prezzo", True), (481, "Sc.%", True),
                        (531, "Importo", True), (552, "IVA", True)]:
        txt(c, x, y, h, 7, "Helvetica-Bold", right=right)
    for code, label, unit, qty, each, disc, amount, rate, _ in rows:
        y -= 15
        txt(c, 43, y, code, 8, fill)
        txt(c, 90, y, label, 7.5)
        txt(c, 345, y, unit, 8)
        txt(c, 413, y, dec_h19(qty, 2), 8, right=True)
        txt(c, 458, y, eu(each), 8, right=True)
        txt(c, 481, y, str(disc) if disc else "", 8, right=True)
        txt(c, 531, y, eu(amount), 8, right=True)
        txt(c, 552, y, rate, 8, right=True)
    for x in [40, 87, 342, 378, 416, 462, 484, 535, 555]:
        c.line(x, 582, x, 380)
    c.line(40, 380, 555, 380)
    top = 350
    packages = sum(r[3] for r in rows if r[2] in ("banc.", "conf.", "pz"))
    aspect = " + ".join(a for a, ok in [("SFUSO", any(r[2] == "q.li" for r in rows)),
                                         ("BANCALI", any(r[2] in ("banc.", "pz") for r in rows)),
                                         ("CONFEZIONI", any(r[2] == "conf." for r in rows))] if ok)
    carrier = rng.random() < 0.3
    hh, mm = rng.randint(6, 14), rng.choice([0, 15, 30, 45])
    trans = [(40, top, 150, "Causale del trasporto", "VENDITA"),
             (190, top, 120, "Trasporto a cura del", "VETTORE" if carrier else "MITTENTE"),
             (310, top, 245, "Vettore (ditta, domicilio)",
              "AUTOTRASPORTI SOLANDRI SRL - CLES (TN)" if carrier else ""),
             (40, top - 26, 150, "Aspetto esteriore dei beni", aspect),
             (190, top - 26, 60, "N. colli", str(packages) if packages else "-"),
             (250, top - 26, 60, "Peso lordo kg", f"{sum(r[8] for r in rows):,}".replace(",", ".")),
             (310, top - 26, 70, "Porto", "FRANCO"),
             (380, top - 26, 175, "Data e ora inizio trasporto", f"{d.date:%d/%m/%Y} ORE {hh:02d}:{mm:02d}"),
             (40, top - 52, 255, "Firma del conducente", ""), (295, top - 52, 260, "Firma del destinatario", "")]
    for x, yy, w, k, v in trans:
        cell(x, yy, w, 24, k, v, 8.5)
    yy = top - 90
    txt(c, 40, yy + 8, "Riepilogo IVA", 7, "Helvetica-Bold")
    for j, h in enumerate(["Aliq.", "Imponibile", "Imposta", "Descrizione"]):
        txt(c, 40 + [0, 95, 155, 165][j], yy - 4, h, 7, "Helvetica-Bold", right=j in (1, 2))
    for i, r in enumerate(sorted(d.base, key=Decimal)):
        y2 = yy - 16 - 11 * i
        txt(c, 40, y2, f"{r}%", 8.5, fill)
        txt(c, 135, y2, eu(d.base[r]), 8.5, right=True)
        txt(c, 195, y2, eu(d.vat[r]), 8.5, right=True)
        txt(c, 205, y2, "ALIQ. RIDOTTA LEGNA DA ARDERE" if r == "10" else "ALIQUOTA ORDINARIA", 7.5)
    c.setLineWidth(1.2)
    c.rect(380, yy - 50, 175, 62)
    c.setLineWidth(0.6)
    for i, (k, v) in enumerate([("Totale imponibile", d.ht), ("Totale IVA", d.tva)]):
        txt(c, 385, yy - 13 * i, k, 7.5, form)
        txt(c, 550, yy - 13 * i, eu(v), 9, fill, right=True)
    c.line(380, yy - 22, 555, yy - 22)
    txt(c, 385, yy - 34, "TOTALE DOCUMENTO €", 8.5, "Helvetica-Bold")
    txt(c, 550, yy - 46, eu(d.ttc), 12, "Courier-Bold", right=True)
    for i, s in enumerate(["Contributo ambientale CONAI assolto ove dovuto.",
                           "Copia cartacea della fattura elettronica trasmessa al Sistema di Interscambio (SdI): "
                           "l'originale è disponibile nella Sua area riservata del sito dell'Agenzia delle Entrate.",
                           "Legna stagionata minimo 18 mesi, umidità inferiore al 20 %. La merce viaggia a rischio e "
                           "pericolo del committente."]):
        txt(c, 40, 80 - 9 * i, s, 6.5, form)
    c.save()


# ---- layouts added for held-out set 20 (session 13) --------------------------------------------
# Eight layouts, each designed on its own after real suppliers' prints, without looking at the
# extraction rules: three French (a greengrocer's till receipt with weighed produce at 5,5 %, cut
# flowers and plants at 10 % and cider, beer and bags at 20 %; a funeral director's invoice with
# the transport of the body at 10 % and the rest at 20 %, the costs advanced for the family
# listed after the total and a deposit deducted; a building materials merchant's credit note for
# goods returned from a site, with the eco-contribution, the pallets taken back and a restocking
# fee), a British mobility aids firm's tax invoice with the zero rate for disabled customers or the
# 5 % rate for fitting aids in the home of someone over 60 beside standard-rated items, a German
# municipal utility's yearly bill for electricity at 19 % and drinking water at 7 % with the meter
# readings, the instalments paid and the balance, a Dutch solar installer's invoice with the
# panels at the zero rate and a home battery or charger at 21 %, a Spanish bakery café's
# simplified invoice with bread at the reduced rates of 2024 (0 %, then 2 % from July), pastries
# and coffee at 10 % and candles or bags at 21 %, and an Italian plant nursery's e-invoice to a
# town council under the split payment. HELD_OUT_20: drawn in session 13, scored only as a table of
# its own, never inspected per document while tuning.

WEEKDAYS_FR_H20 = ["LUN", "MAR", "MER", "JEU", "VEN", "SAM", "DIM"]


def net_h20(d, base):
    """Sets the bases per rate (net amounts as printed on the lines) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h20(d, gross):
    """Prices including VAT (tills): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h20(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fill_h20(c, x, y, w, h, grey):
    c.setFillGray(grey)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setFillGray(0)


def eom_h20(day, months=0):
    """The last day of the month `months` after the one of `day`."""
    y, m = day.year, day.month + months + 1
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def fr_primeur_ticket(d, path, rng):
    """A French greengrocer's till receipt on narrow paper, in a fixed-pitch font: the shop's name
    and trade, address, company, SIRET and VAT number centred, the weekday, date and time with the
    till, the ticket number and the seller, the articles in the order they were rung up (weighed
    produce with weight and price per kilo, pieces with count and unit price) each with its VAT
    code, the number of articles, the total, the payment (card or cash with the change), the VAT
    table per code (rate, net, VAT, gross) with its total row, the loyalty card and the thanks."""
    produce = [("POMME DE TERRE RATTE", "kg", ["3.20", "3.60"]), ("TOMATE COEUR DE BOEUF", "kg", ["4.90", "5.80"]),
               ("CAROTTE DES SABLES", "kg", ["1.90", "2.30"]), ("POMME GALA FRANCE", "kg", ["2.60", "2.95"]),
               ("POIRE CONFERENCE", "kg", ["3.10", "3.40"]), ("CLEMENTINE CORSE IGP", "kg", ["4.20", "4.80"]),
               ("COURGETTE", "kg", ["2.80", "3.20"]), ("AVOCAT HASS", "pce", ["1.20", "1.50"]),
               ("SALADE BATAVIA", "pce", ["1.10", "1.30"]), ("BOTTE RADIS", "pce", ["1.50", "1.80"]),
               ("BANANE CAT.1", "kg", ["2.20", "2.40"]), ("FRAISE GARIGUETTE 250G", "bq", ["3.90", "4.50"]),
               ("CHAMPIGNON DE PARIS", "kg", ["5.90", "6.50"]), ("OEUFS PLEIN AIR X6", "bte", ["2.70", "2.95"]),
               ("JUS POMME ARTISANAL 1L", "bt", ["3.60", "3.90"])]
    others = {"10": [("BOUQUET FLEURS SAISON", "pce", ["12.00", "15.00"]), ("POT BASILIC", "pce", ["2.50"])],
              "20": [("CIDRE BRUT FERMIER 75CL", "bt", ["4.80", "5.20"]), ("SAC CABAS JUTE", "pce", ["2.00"]),
                     ("BONBONS ANCIENS 200G", "sac", ["4.50"]), ("BIERE BLONDE LOCALE 33CL", "bt", ["2.90", "3.20"])]}
    picks = [(p, "5.5") for p in rng.sample(produce, len(d.lines) + rng.randint(1, 3))]
    if rng.random() < 0.35:
        picks.append((rng.choice(others["10"]), "10"))
    picks += [(p, "20") for p in rng.sample(others["20"], rng.randint(1, 2))]
    rng.shuffle(picks)
    rows = []  # (name, detail, amount, rate)
    for (name, unit, prices), rate in picks:
        each = Decimal(rng.choice(prices))
        if unit == "kg":
            weight = Decimal(rng.randint(180, 2400)) / 1000
            rows.append((name, f"{weight:.3f} kg x {eu(each, '')} EUR/kg".replace(".", ","), q(weight * each), rate))
        else:
            k = rng.choice([1, 1, 2, 3])
            rows.append((name, f"{k} x {eu(each, '')}" if k > 1 else None, k * each, rate))
    gross = defaultdict(Decimal)
    for _, _, amount, rate in rows:
        gross[rate] += amount
    gross_h20(d, gross)
    code = {"5.5": "1", "10": "2", "20": "3"}
    till = rng.randint(1, 3)
    d.number = f"{rng.randint(1, 24999):06d}"
    hh, mm, ss = rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 59)
    w = 215
    height = 310 + 19 * len(rows) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 26

    def line(s, right=None, size=7, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h20(c, w / 2, y, s, size, font)
        else:
            txt(c, 9, y, s, size, font)
        if right is not None:
            txt(c, w - 9, y, right, size, font, right=True)
        y -= size + 3

    sep = "-" * 50
    line("AU JARDIN DE LEONIE", size=12, font="Helvetica-Bold", center=True)
    line("Primeur - Fruits & Légumes - Épicerie fine", size=7, font="Helvetica-Oblique", center=True)
    y -= 2
    for s in ["14 PLACE DU GRAND-MARCHE", "37000 TOURS", "TEL. 02 47 05 31 88",
              "SARL LES VERGERS DE LEONIE", "SIRET 853 214 677 00018 - NAF 4721Z", "TVA FR23853214677"]:
        line(s, size=6.5, center=True)
    line(sep, size=6.5)
    line(f"{WEEKDAYS_FR_H20[d.date.weekday()]} {d.date:%d/%m/%Y} {hh:02d}:{mm:02d}:{ss:02d}", f"CAISSE {till:02d}")
    line(f"TICKET N° {d.number}", f"VENDEUR: {rng.choice(['SANDRINE', 'MEHDI', 'JOSIANE', 'THEO'])}")
    line(sep, size=6.5)
    for name, detail, amount, rate in rows:
        line(name, f"{eu(amount, '')}  {code[rate]}")
        if detail:
            line("   " + detail, size=6.5)
    line(sep, size=6.5)
    line(f"NB ARTICLES : {len(rows)}", size=6.5)
    y -= 2
    line("TOTAL", f"{eu(d.ttc, '')} EUR", size=10, font="Courier-Bold")
    y -= 2
    if rng.random() < 0.4:
        given = Decimal((int(d.ttc) // 10 + 1) * 10)
        line("ESPECES", eu(given, ""))
        line("RENDU", eu(given - d.ttc, ""))
    else:
        line("CB EMV SANS CONTACT", eu(d.ttc, ""))
        line(f"  CARTE XXXX XXXX XXXX {rng.randint(1000, 9999)}", size=6.5)
    line(sep, size=6.5)
    line(f"{'CODE':<5}{'TAUX':>7}{'HT':>10}{'TVA':>8}{'TTC':>10}", size=6.5, font="Courier-Bold")
    for r in sorted(d.base, key=Decimal):
        line(f"{code[r]:<5}{eu(Decimal(r), '') + '%':>7}{eu(d.base[r], ''):>10}{eu(d.vat[r], ''):>8}"
             f"{eu(d.base[r] + d.vat[r], ''):>10}", size=6.5)
    line(f"{'TOTAL':<12}{eu(d.ht, ''):>10}{eu(d.tva, ''):>8}{eu(d.ttc, ''):>10}", size=6.5, font="Courier-Bold")
    line(sep, size=6.5)
    points = int(d.ttc)
    line(f"CARTE FIDELITE N° 2900{rng.randint(100000, 999999)}", size=6.5)
    line(f"POINTS DU JOUR : {points}   CUMUL : {points + rng.randint(0, 90)}", size=6.5)
    line("100 POINTS = 5 EUR DE REMISE", size=6.5)
    y -= 4
    line("MERCI DE VOTRE VISITE", size=8, font="Courier-Bold", center=True)
    line("Ouvert 7 jours sur 7 de 7h30 a 19h30", size=6.5, center=True)
    line("Livraison a domicile des 30 EUR d'achat", size=6.5, center=True)
    c.save()


def fr_pompes_funebres(d, path, rng):
    """A French funeral director's invoice to the family, in a serif font: the firm's name, trades,
    address, 24-hour telephone and prefectoral licence centred over a double rule, the family at the
    left and a ruled block at the right (invoice number, date, file number, accepted quotation and
    its date), the funeral (the deceased, the day of death, the day and place of the burial or the
    cremation), the lines in sections as the regulatory quotation orders them with the rate of each
    (the transport of the body and the flowers at 10 %, the rest at 20 %), the totals at the right
    with one VAT line per rate, then the costs advanced for the family (municipal taxes, notice in
    the newspaper) outside VAT, the deposit received and the amount left to pay, the terms and the
    firm's registry at the foot."""
    burial = rng.random() < 0.55
    sections = [
        ("PRÉPARATION ET ORGANISATION DES OBSÈQUES", [
            ("Démarches et formalités administratives", 1, ["190.00", "240.00"], "20", True),
            ("Toilette mortuaire et habillage du défunt", 1, ["120.00", "150.00"], "20", False),
            ("Soins de conservation (thanatopraxie)", 1, ["380.00", "420.00"], "20", False),
            ("Séjour en chambre funéraire (par jour)", rng.randint(2, 4), ["65.00", "75.00"], "20", True)]),
        ("TRANSPORT DU DÉFUNT", [
            (f"Transport de corps avant mise en bière ({rng.randint(6, 45)} km)", 1, ["195.00", "230.00"], "10", True),
            ("Corbillard avec chauffeur, transport après mise en bière", 1, ["310.00", "360.00"], "10", True)]),
        ("CERCUEIL ET ACCESSOIRES", [
            ("Cercueil chêne massif 4 poignées, vernis satiné" if burial
             else "Cercueil pin parisien 22 mm, adapté à la crémation", 1,
             ["1180.00", "1490.00", "1890.00"] if burial else ["690.00", "820.00"], "20", True),
            ("Capiton et garniture étanche", 1, ["95.00", "140.00"], "20", True),
            ("Plaque d'identité gravée", 1, ["30.00", "45.00"], "20", True),
            ("Emblème (croix ou emblème civil)", 1, ["40.00", "65.00"], "20", False)]),
        ("CÉRÉMONIE ET INHUMATION" if burial else "CÉRÉMONIE ET CRÉMATION", [
            ("Porteurs (4) et maître de cérémonie", 1, ["520.00", "640.00"], "20", True),
            ("Ouverture et fermeture de caveau" if burial else "Urne cinéraire en céramique", 1,
             ["380.00", "450.00"] if burial else ["120.00", "190.00"], "20", True),
            ("Gravure sur monument (nom, dates)" if burial else "Plaque pour case de columbarium", 1,
             ["240.00", "320.00"] if burial else ["85.00", "110.00"], "20", False),
            ("Gerbe de fleurs naturelles", 1, ["95.00", "150.00"], "10", False),
            ("Registre de condoléances", 1, ["25.00", "35.00"], "20", False)])]
    table = []
    base = defaultdict(Decimal)
    for title, items in sections:
        rows = []
        for label, qty, prices, rate, always in items:
            if not always and rng.random() < 0.45:
                continue
            each = Decimal(rng.choice(prices))
            rows.append((label, qty, each, rate, q(qty * each)))
            base[rate] += q(qty * each)
        table.append((title, rows))
    net_h20(d, base)
    town = rng.choice([("Tours", "cimetière de La Salle", "crématorium de Tours-Sud"),
                       ("Joué-lès-Tours", "cimetière du Morier", "crématorium de Tours-Sud"),
                       ("Amboise", "cimetière de la Grille-Verte", "crématorium d'Amboise")])
    advanced = []
    if burial:
        advanced.append((f"Taxe municipale d'inhumation – Ville de {town[0]}", Decimal(rng.choice(["27.00", "45.00"]))))
    else:
        advanced.append(("Vacation de police (fermeture du cercueil)", Decimal("25.00")))
        advanced.append((f"Dispersion au jardin du souvenir – Ville de {town[0]}", Decimal(rng.choice(["35.00",
                                                                                                     "42.00"]))))
    advanced.append(("Avis de décès – La Nouvelle République (montant TTC facturé par le journal)",
                     Decimal(rng.choice(["148.20", "186.60", "224.40"]))))
    adv = sum(v for _, v in advanced)
    deposit = Decimal(int(d.ttc * Decimal("0.3") / 100) * 100)
    funeral = d.before
    death = funeral - dt.timedelta(days=rng.randint(3, 7))
    quote = death + dt.timedelta(days=1)
    d.number = f"PF-{d.date:%Y}-{rng.randint(150, 980):04d}"
    folder = f"{death:%Y}/{rng.randint(40, 260):03d}"
    quote_no = f"D{quote:%y}{rng.randint(1000, 4999)}"
    who = rng.choice([("M.", "Roger FOUCHER", "Madame Nicole FOUCHER", "12 rue des Lilas", "37300 JOUÉ-LÈS-TOURS"),
                      ("Mme", "Jeannine BODIN née RAGOT", "Monsieur Patrick BODIN", "5 allée des Tilleuls",
                       "37400 AMBOISE"),
                      ("M.", "André LEMAIRE", "Madame Sylvie CHARPENTIER", "48 avenue de Grammont", "37000 TOURS")])
    c = pen(path, "Times-Roman")
    centre_h20(c, 297, 800, "POMPES FUNÈBRES VERDIER", 20, "Times-Bold")
    centre_h20(c, 297, 784, "Organisation d'obsèques – Chambre funéraire – Marbrerie – Prévoyance", 10, "Times-Italic")
    centre_h20(c, 297, 771, "28 boulevard Béranger – 37000 Tours – Tél. 02 47 61 22 05 (24 h/24, 7 j/7)", 9,
               "Times-Roman")
    centre_h20(c, 297, 760, "Habilitation préfectorale n° 23-37-0158", 8.5, "Times-Roman")
    c.line(50, 752, 545, 752)
    c.line(50, 749, 545, 749)
    txt(c, 55, 725, "Famille de", 8.5, "Times-Italic")
    txt(c, 55, 711, who[2], 11, "Times-Bold")
    txt(c, 55, 698, who[3], 10, "Times-Roman")
    txt(c, 55, 685, who[4], 10)
    txt(c, 345, 728, "FACTURE", 17, "Times-Bold")
    block = [("N° de facture", d.number), ("Date de facture", f"{d.date:%d/%m/%Y}"), ("N° de dossier", folder),
             ("Devis accepté", f"n° {quote_no} du {quote:%d/%m/%Y}")]
    for i, (k, v) in enumerate(block):
        yy = 710 - 14 * i
        c.rect(345, yy - 4, 200, 14)
        txt(c, 349, yy, k, 8.5, "Times-Roman")
        txt(c, 541, yy, v, 9.5, "Times-Bold", right=True)
    deceased = f"{'Monsieur' if who[0] == 'M.' else 'Madame'} {who[1]}"
    txt(c, 55, 640, f"Obsèques de {deceased},", 10.5, "Times-Bold")
    txt(c, 55, 627, f"{'décédé' if who[0] == 'M.' else 'décédée'} le {long_date(death, 'fr')} à {town[0]} ; "
                    + (f"inhumation le {funeral:%d/%m/%Y} au {town[1]}." if burial
                       else f"crémation le {funeral:%d/%m/%Y} au {town[2]}."), 10, "Times-Roman")
    y = 600
    c.setLineWidth(0.6)
    c.line(50, y + 12, 545, y + 12)
    for x, h, right in [(55, "Désignation", False), (350, "Qté", True), (420, "P.U. HT", True), (462, "TVA", True),
                        (541, "Montant HT", True)]:
        txt(c, x, y, h, 9, "Times-Bold", right=right)
    c.line(50, y - 5, 545, y - 5)
    for title, rows in table:
        y -= 16
        txt(c, 55, y, title, 8.5, "Times-Bold")
        for label, qty, each, rate, amount in rows:
            y -= 12
            txt(c, 65, y, label, 9, "Times-Roman")
            txt(c, 350, y, str(qty), 9, right=True)
            txt(c, 420, y, eu(each, " "), 9, right=True)
            txt(c, 462, y, f"{rate} %", 9, right=True)
            txt(c, 541, y, eu(amount, " "), 9, right=True)
    c.line(50, y - 8, 545, y - 8)
    y -= 24
    tot = [("Total HT", eu(d.ht, " ") + " €", "Times-Roman")]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"TVA {r} % sur {eu(d.base[r], ' ')} €", eu(d.vat[r], " ") + " €", "Times-Roman"))
    tot.append(("Total TVA", eu(d.tva, " ") + " €", "Times-Roman"))
    tot.append(("Total TTC", eu(d.ttc, " ") + " €", "Times-Bold"))
    for i, (k, v, f) in enumerate(tot):
        txt(c, 360, y - 14 * i, k, 10, f)
        txt(c, 541, y - 14 * i, v, 10, f, right=True)
    ya = y - 14 * len(tot) - 10
    c.rect(50, ya - 13 * len(advanced) - 22, 495, 13 * len(advanced) + 34)
    txt(c, 55, ya, "Frais avancés pour le compte de la famille (débours – art. 267 II-2° du CGI, hors champ de la "
                   "TVA)", 9, "Times-BoldItalic")
    for i, (k, v) in enumerate(advanced):
        txt(c, 65, ya - 14 - 13 * i, k, 9, "Times-Roman")
        txt(c, 541, ya - 14 - 13 * i, eu(v, " ") + " €", 9, right=True)
    txt(c, 65, ya - 14 - 13 * len(advanced) - 2, "Total des frais avancés", 9, "Times-Italic")
    txt(c, 541, ya - 14 - 13 * len(advanced) - 2, eu(adv, " ") + " €", 9, "Times-Italic", right=True)
    yb = ya - 13 * len(advanced) - 42
    fin = [("Prestations TTC", eu(d.ttc, " ") + " €"), ("Frais avancés", eu(adv, " ") + " €"),
           (f"Acompte reçu le {quote:%d/%m/%Y}", "- " + eu(deposit, " ") + " €")]
    for i, (k, v) in enumerate(fin):
        txt(c, 360, yb - 13 * i, k, 9.5, "Times-Roman")
        txt(c, 541, yb - 13 * i, v, 9.5, right=True)
    yb -= 13 * len(fin) + 8
    c.setLineWidth(1.2)
    c.rect(355, yb - 6, 190, 20)
    c.setLineWidth(1)
    txt(c, 360, yb, "RESTE À PAYER", 11, "Times-Bold")
    txt(c, 541, yb, eu(d.ttc + adv - deposit, " ") + " €", 11, "Times-Bold", right=True)
    notes = ["Facture payable à réception, par chèque à l'ordre de PF Verdier ou par virement :",
             "IBAN FR76 1940 6370 1512 3456 7890 184 – BIC AGRIFRPP894 – Crédit Agricole de la Touraine et du Poitou.",
             "Les frais d'obsèques peuvent être réglés par prélèvement sur les comptes bancaires du défunt "
             "(art. L. 312-1-4 du Code monétaire et financier),",
             "sur présentation de la présente facture. Pas d'escompte pour paiement anticipé."]
    for i, s in enumerate(notes):
        txt(c, 50, 118 - 10 * i, s, 7.8, "Times-Roman")
    c.setLineWidth(0.4)
    c.line(50, 66, 545, 66)
    centre_h20(c, 297, 56, "SARL Pompes Funèbres Verdier au capital de 30 000 € – RCS Tours 421 588 903 – SIRET "
                           "421 588 903 00027 – TVA intracom. FR 71 421588903", 7, "Times-Roman")
    centre_h20(c, 297, 47, "Entreprise habilitée conformément à l'article L. 2223-23 du CGCT – Médiation de la "
                           "consommation : Médiateur des services funéraires", 7, "Times-Roman")
    c.save()


def fr_negoce_materiaux_avoir(d, path, rng):
    """A French building materials merchant's credit note to a builder for goods brought back from a
    site: a dark band with the merchant's name and branch, "AVOIR" in a frame at the right with its
    number, date, customer account and page, a row of ruled cells (invoice credited and its date,
    return slip and its date, salesman, site), the customer in the window, the reason, the ruled
    table (code, description, quantity, unit, net unit price, trade discount, net amount, VAT code)
    with the eco-contribution for building products under each article, the deposit pallets taken
    back and a restocking fee deducted, a VAT summary at the left and the totals at the right, the
    statement it will be set against, the terms of returns and the company's registry."""
    cat = [("CIM35R", "Ciment CEM II/B-LL 32,5 R sac 35 kg", "SAC", ["8.95", "9.40"], "0.11"),
           ("PLBA13", "Plaque de plâtre BA13 standard 2,50 x 1,20", "U", ["7.85", "8.60"], "0.09"),
           ("PARP20", "Bloc béton creux 20x20x50 B40", "U", ["1.42", "1.58"], "0.02"),
           ("RAIL48", "Rail métallique R48 longueur 3,00 m", "U", ["3.10", "3.45"], "0.01"),
           ("LDV100", "Laine de verre 100 mm R 2,50 rouleau 6 m²", "RL", ["29.90", "34.50"], "0.32"),
           ("CARR60", "Carrelage grès cérame 60x60 gris mat", "M2", ["24.90", "27.80"], "0.18"),
           ("PVC100", "Tube PVC évacuation Ø 100 longueur 4 m", "U", ["13.20", "14.90"], "0.06"),
           ("MCOL25", "Mortier colle C2 gris sac 25 kg", "SAC", ["17.50", "19.90"], "0.09")]
    disc = rng.choice([0, 8, 12, 15, 18])
    rows = []  # (code, label, qty, unit, each, disc, amount, eco)
    goods = Decimal(0)
    for code, label, unit, prices, eco in sorted(rng.sample(cat, len(d.lines) + rng.randint(0, 1)), key=cat.index):
        qty = rng.choice([2, 3, 5, 6, 10, 12, 20, 25]) if unit in ("U", "SAC") else rng.randint(2, 14)
        each = Decimal(rng.choice(prices))
        amount = q(qty * each * (100 - disc) / 100)
        goods += amount
        rows.append((code, label, qty, unit, each, disc, amount, False))
        rows.append(("ECOPMCB", "   Éco-contribution PMCB (filière Valobat)", qty, unit, Decimal(eco), 0,
                     q(qty * Decimal(eco)), True))
    pallets = rng.randint(0, 3)
    if pallets:
        rows.append(("PALCON", "Reprise palettes consignées 80 x 120", pallets, "U", Decimal("12.00"), 0,
                     q(pallets * Decimal("12.00")), False))
    fee_rate = rng.choice([10, 15])
    fee = q(goods * fee_rate / 100)
    rows.append(("FRREP", f"Frais de reprise et de remise en stock {fee_rate} %", 1, "FF", -fee, 0, -fee, False))
    net_h20(d, {"20": sum(r[6] for r in rows)})
    d.number = f"AV{d.date:%y}{rng.randint(10000, 99999)}"
    sold = d.before - dt.timedelta(days=rng.randint(6, 35))
    sold_no = f"FC{sold:%y}{rng.randint(100000, 399999)}"
    back_no = f"BR{rng.randint(20000, 69999)}"
    account = f"411{rng.randint(10000, 49999)}"
    c = pen(path)
    fill_h20(c, 0, 770, 595, 72, 0.18)
    c.setFillGray(1)
    txt(c, 40, 808, "MATÉRIAUX DU BERRY", 20, "Helvetica-Bold")
    txt(c, 40, 792, "Gros œuvre · Plâtrerie · Isolation · Carrelage · Sanitaire", 9, "Helvetica")
    txt(c, 40, 779, "Agence de Châteauroux – ZI du Buxerioux – 36000 Châteauroux – Tél. 02 54 22 71 40", 8,
        "Helvetica")
    c.setFillGray(0)
    c.setLineWidth(1.5)
    c.rect(390, 676, 165, 80)
    c.setLineWidth(1)
    centre_h20(c, 472, 736, "AVOIR", 18, "Helvetica-Bold")
    for i, (k, v) in enumerate([("N° avoir", d.number), ("Date", f"{d.date:%d/%m/%Y}"), ("Compte client", account),
                                ("Page", "1 / 1")]):
        txt(c, 396, 720 - 12 * i, k, 8, "Helvetica")
        txt(c, 549, 720 - 12 * i, v, 9, "Helvetica-Bold", right=True)
    who = rng.choice([("SARL BATI-RÉNOV 36", "5 rue des Ingrains", "36000 CHÂTEAUROUX"),
                      ("EURL MAÇONNERIE PERRONNET", "Le Bourg", "36250 SAINT-MAUR"),
                      ("SAS ISOL'CONFORT", "22 avenue de Verdun", "36100 ISSOUDUN")])
    txt(c, 40, 738, "Adresse de facturation", 7.5, "Helvetica-Oblique")
    for i, s in enumerate(who):
        txt(c, 40, 724 - 12 * i, s, 10 if i == 0 else 9.5, "Helvetica-Bold" if i == 0 else "Helvetica")
    cells = [("Facture d'origine", sold_no), ("Date facture", f"{sold:%d/%m/%Y}"), ("Bon de retour", back_no),
             ("Date du retour", f"{d.before:%d/%m/%Y}"),
             ("Commercial", rng.choice(["F. MOREAU", "L. PETIT", "N. AUCLAIR"])),
             ("Chantier", rng.choice(["Rénovation maison Duval", "Lotissement Les Chaumes lot 7",
                                      "Extension école Buzançais"]))]
    widths = [82, 62, 70, 62, 70, 169]
    x = 40
    for (k, v), wd in zip(cells, widths):
        c.rect(x, 630, wd, 28)
        txt(c, x + 3, 650, k, 6.5, "Helvetica")
        txt(c, x + 3, 636, v, 8.5, "Helvetica-Bold")
        x += wd
    reason = rng.choice(["Retour de marchandises non utilisées en fin de chantier",
                         "Erreur de commande – marchandises reprises en l'état",
                         "Surplus de livraison restitué par le client"])
    txt(c, 40, 610, f"Motif : {reason}", 9, "Helvetica-Oblique")
    y = 584
    fill_h20(c, 40, y - 4, 515, 15, 0.82)
    cols = [(44, "Code", False), (98, "Désignation", False), (350, "Qté", True), (358, "U", False),
            (420, "PU HT", True), (452, "Rem.", True), (520, "Montant HT", True), (551, "TVA", True)]
    for x, h, right in cols:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for code, label, qty, unit, each, dsc, amount, eco in rows:
        y -= 14 if not eco else 11
        font, size = ("Helvetica-Oblique", 7.5) if eco else ("Helvetica", 8.5)
        txt(c, 44, y, "" if eco else code, size, font)
        txt(c, 98, y, label, size, font)
        txt(c, 350, y, str(qty), size, font, right=True)
        txt(c, 358, y, unit, size, font)
        txt(c, 420, y, eu(each, " "), size, font, right=True)
        txt(c, 452, y, f"{dsc} %" if dsc else "", size, font, right=True)
        txt(c, 520, y, eu(amount, " "), size, font, right=True)
        txt(c, 551, y, "1", size, font, right=True)
    c.line(40, y - 8, 555, y - 8)
    for x in (40, 555):
        c.line(x, y - 8, x, 595)
    top = y - 40
    txt(c, 40, top, "Récapitulatif TVA", 8.5, "Helvetica-Bold")
    for x, h in [(40, "Code"), (120, "Base HT"), (170, "Taux"), (240, "Montant TVA")]:
        txt(c, x, top - 14, h, 8, "Helvetica-Bold", right=x != 40)
    txt(c, 40, top - 27, "1", 8.5, "Helvetica")
    txt(c, 120, top - 27, eu(d.ht, " "), 8.5, right=True)
    txt(c, 170, top - 27, "20,00", 8.5, right=True)
    txt(c, 240, top - 27, eu(d.tva, " "), 8.5, right=True)
    tot = [("Total HT", eu(d.ht, " ")), ("Total TVA", eu(d.tva, " "))]
    for i, (k, v) in enumerate(tot):
        txt(c, 360, top - 16 * i, k, 9.5, "Helvetica")
        txt(c, 551, top - 16 * i, v + " €", 9.5, "Helvetica", right=True)
    fill_h20(c, 355, top - 44, 200, 20, 0.85)
    txt(c, 360, top - 37, "TOTAL AVOIR TTC", 10.5, "Helvetica-Bold")
    txt(c, 551, top - 37, eu(d.ttc, " ") + " €", 10.5, "Helvetica-Bold", right=True)
    stmt = eom_h20(d.date)
    txt(c, 40, top - 70, f"Cet avoir sera déduit de votre relevé de factures du {stmt:%d/%m/%Y} (règlement à "
                         f"{rng.choice([30, 45])} jours fin de mois).", 8.5, "Helvetica")
    txt(c, 40, top - 82, "Aucun remboursement en espèces ne sera effectué.", 8.5, "Helvetica")
    for i, s in enumerate(["Reprise de marchandises : uniquement dans un délai de 30 jours, en emballage d'origine "
                           "non ouvert, sur présentation du bon de livraison ;",
                           "les produits sur commande, coupés à dimension ou détériorés ne sont ni repris ni échangés. "
                           "Palettes reprises au prix de consigne si en bon état.",
                           "Éco-contribution PMCB reversée à l'éco-organisme Valobat (filière REP des produits et "
                           "matériaux de construction du secteur du bâtiment)."]):
        txt(c, 40, 96 - 9 * i, s, 6.6, "Helvetica")
    c.setLineWidth(0.5)
    c.line(40, 62, 555, 62)
    centre_h20(c, 297, 52, "Matériaux du Berry SAS au capital de 450 000 € – Siège : 12 route de Bourges, 36130 "
                           "Déols – RCS Châteauroux 338 712 460", 6.8, "Helvetica")
    centre_h20(c, 297, 43, "SIRET 338 712 460 00041 – APE 4673A – TVA FR 29 338712460 – Code TVA 1 = taux normal "
                           "20 %", 6.8, "Helvetica")
    c.save()


def en_uk_mobility_aids(d, path, rng):
    """A British stairlift and mobility aids firm's tax invoice to a private customer: a coloured
    roundel and the firm's name and address at the top left, "TAX INVOICE" and a two-column block
    (invoice number, date / tax point, account, order, survey and installation dates) at the right,
    the invoice and installation addresses in boxes, a shaded table (quantity, description, unit
    price, VAT rate, net), either zero-rated equipment for a customer who signed an eligibility
    declaration (VAT Notice 701/7) or aids fitted at 5 % in the home of someone aged 60 or over
    (Notice 701/59), beside standard-rated items, the relief statement in a box, the totals with a
    VAT line per rate, sometimes a deposit deducted and the balance, payment details and the company
    registration at the foot."""
    disabled = rng.random() < 0.5
    if disabled:
        relief = [("Straight stairlift, powered swivel seat, folding rail, left-hand", ["2195.00", "2450.00", "2795.00"]),
                  ("Survey, installation and commissioning of stairlift", ["250.00", "295.00"]),
                  ("Riser recliner chair, dual motor, made to measure", ["1095.00", "1290.00"]),
                  ("Wheeled shower commode chair", ["289.00", "345.00"]),
                  ("Profiling bed with side rails, 4-section", ["1450.00", "1690.00"])]
        rate = "0"
    else:
        relief = [("Supply and fit of grab rails, 600 mm, incl. fixings (per rail)", ["48.00", "55.00"]),
                  ("Supply and installation of curved stairlift, single bend", ["3950.00", "4400.00"]),
                  ("Supply and fit of modular threshold ramp, 3 rise", ["265.00", "310.00"]),
                  ("Supply and installation of over-bath shower seat", ["185.00", "220.00"])]
        rate = "5"
    standard = [("Pressure relief seat cushion, memory foam", ["49.00", "59.00"]),
                ("Key safe, police-approved (supply only)", ["45.00", "55.00"]),
                ("Removal and disposal of old furniture", ["40.00", "60.00"]),
                ("Extended 3-year parts and labour cover", ["195.00", "240.00"]),
                ("Spare remote handset (supply only)", ["35.00", "42.00"])]
    rows = []  # (qty, description, unit, rate, net)
    for label, prices in rng.sample(relief, min(len(relief), len(d.lines))):
        k = rng.randint(2, 4) if "per rail" in label else 1
        each = Decimal(rng.choice(prices))
        rows.append((k, label, each, rate, q(k * each)))
    for label, prices in rng.sample(standard, rng.randint(1, 2)):
        each = Decimal(rng.choice(prices))
        rows.append((1, label, each, "20", each))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[3]] += r[4]
    net_h20(d, base)
    d.number = f"HSM{rng.randint(20000, 39999)}"
    install = d.before
    survey = install - dt.timedelta(days=rng.randint(10, 30))
    account = f"CUS-{rng.randint(1000, 9999)}"
    order = f"SO{rng.randint(50000, 79999)}"
    due = d.date + dt.timedelta(days=14)
    deposit = Decimal(250 if d.ttc < 1500 else 500) if rng.random() < 0.5 else None
    c = pen(path)
    c.setFillColorRGB(0.10, 0.42, 0.55)
    c.circle(70, 790, 26, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    centre_h20(c, 70, 783, "HS", 20, "Helvetica-Bold")
    c.setFillColorRGB(0, 0, 0)
    txt(c, 106, 800, "Hartwell Stairlifts & Mobility Ltd", 15, "Helvetica-Bold")
    txt(c, 106, 786, "Unit 4, Riverside Trading Estate, Nottingham Road, Derby DE21 4BN", 8.5, "Helvetica")
    txt(c, 106, 775, "Tel 01332 468 120  ·  accounts@hartwell-mobility.co.uk  ·  hartwell-mobility.co.uk", 8.5)
    txt(c, 555, 740, "TAX INVOICE", 20, "Helvetica-Bold", right=True)
    info = [("Invoice No.", d.number), ("Date / Tax Point", f"{d.date:%d/%m/%Y}"), ("Account No.", account),
            ("Order No.", order), ("Survey Date", f"{survey:%d/%m/%Y}"), ("Installed", f"{install:%d/%m/%Y}")]
    for i, (k, v) in enumerate(info):
        txt(c, 395, 718 - 12.5 * i, k, 8.5, "Helvetica")
        txt(c, 555, 718 - 12.5 * i, v, 9, "Helvetica-Bold", right=True)
    who = rng.choice([("Mrs Margaret Holloway", "14 Elm Grove", "Allestree", "Derby DE22 2GT"),
                      ("Mr Dennis Whitfield", "3 Cavendish Close", "Long Eaton", "Nottingham NG10 4LP"),
                      ("Mr & Mrs K. Patel", "27 Station Road", "Borrowash", "Derby DE72 3LG")])
    for bx, title, lines in [(40, "Invoice to", who),
                             (215, "Installation address", who[1:] if rng.random() < 0.7 else
                              ("c/o Mrs J. Carter (daughter)", "8 Mill Lane", "Duffield", "Belper DE56 4HA"))]:
        c.rect(bx, 632, 165, 70)
        txt(c, bx + 5, 692, title, 7.5, "Helvetica-Bold")
        for i, s in enumerate(lines):
            txt(c, bx + 5, 678 - 11 * i, s, 9, "Helvetica")
    y = 600
    c.setFillColorRGB(0.85, 0.91, 0.94)
    c.rect(40, y - 5, 515, 16, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for x, h, right in [(46, "Qty", False), (76, "Description", False), (420, "Unit Price", True),
                        (470, "VAT", True), (551, "Net £", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    for k, label, each, r, amount in rows:
        y -= 17
        txt(c, 46, y, str(k), 9, "Helvetica")
        txt(c, 76, y, label, 9)
        txt(c, 420, y, us(each), 9, right=True)
        txt(c, 470, y, f"{r}%", 9, right=True)
        txt(c, 551, y, us(amount), 9, right=True)
        c.setStrokeGray(0.8)
        c.line(40, y - 6, 555, y - 6)
        c.setStrokeGray(0)
    y -= 34
    c.rect(40, y - 58, 280, 70)
    if disabled:
        stmt = ["ZERO-RATED SUPPLY – VAT RELIEF FOR DISABLED PEOPLE",
                "The customer has signed a written declaration of eligibility",
                f"(signed {survey:%d/%m/%Y}) that the goods marked 0% are for the",
                "personal use of a chronically sick or disabled person",
                "(VAT Notice 701/7). Other items are standard-rated."]
    else:
        stmt = ["REDUCED RATE 5% – MOBILITY AIDS FOR OLDER PEOPLE",
                "Supply and installation of mobility aids in the home of",
                "a person aged 60 or over: the customer's declaration of",
                f"age was received on {survey:%d/%m/%Y} (VAT Notice 701/59).",
                "Goods supplied without installation are standard-rated."]
    for i, s in enumerate(stmt):
        txt(c, 46, y - 11 * i, s, 7.8, "Helvetica-Bold" if i == 0 else "Helvetica")
    tot = [("Total net", "£" + us(d.ht), "Helvetica")]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"VAT @ {r}% on £{us(d.base[r])}", "£" + us(d.vat[r]), "Helvetica"))
    tot.append(("Total VAT", "£" + us(d.tva), "Helvetica"))
    tot.append(("INVOICE TOTAL", "£" + us(d.ttc), "Helvetica-Bold"))
    if deposit:
        tot.append((f"Less deposit paid {survey:%d/%m/%Y}", "-£" + us(deposit), "Helvetica"))
        tot.append(("BALANCE DUE", "£" + us(d.ttc - deposit), "Helvetica-Bold"))
    for i, (k, v, f) in enumerate(tot):
        txt(c, 340, y - 15 * i, k, 9.5, f)
        txt(c, 551, y - 15 * i, v, 9.5, f, right=True)
    yp = min(y - 90, y - 15 * len(tot) - 20)
    txt(c, 40, yp, f"Payment due by {due:%d/%m/%Y} (14 days). Please quote {d.number} as your reference.", 9,
        "Helvetica-Bold")
    txt(c, 40, yp - 13, "BACS: Hartwell Stairlifts & Mobility Ltd · Sort code 30-94-57 · Account 41826390 · "
                        "or by card on 01332 468 120", 8.5, "Helvetica")
    txt(c, 40, yp - 26, "Your stairlift is covered by a 2-year manufacturer's warranty from the installation date."
        if any("stairlift" in r[1] for r in rows) else
        "All fitted items carry our 12-month workmanship guarantee from the installation date.", 8.5, "Helvetica")
    c.setStrokeColorRGB(0.10, 0.42, 0.55)
    c.setLineWidth(2)
    c.line(40, 66, 555, 66)
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(1)
    centre_h20(c, 297, 54, "Hartwell Stairlifts & Mobility Ltd · Registered in England & Wales No. 07458123 · "
                           "Registered office as above", 7, "Helvetica")
    centre_h20(c, 297, 45, "VAT Reg. No. GB 284 6611 73 · Member of the British Healthcare Trades Association", 7,
               "Helvetica")
    c.save()


def de_stadtwerke_abrechnung(d, path, rng):
    """A German municipal utility's yearly bill for electricity and drinking water as a DIN 5008
    letter: the utility's logo at the top right, the return line and the customer in the window,
    an information block (customer number, contract account, bill number, bill date, contact),
    the title with the billing period and the supply point, a shaded box with the result at a
    glance (bill amount, instalments paid, balance due or credit), the electricity and water with
    meter numbers and the readings with their dates, the consumption, unit and standing charges,
    the bill amount per utility with its VAT rate (19 % and 7 %), the instalments deducted, the
    direct debit or refund date, the new monthly instalments with their due dates, the legal notes
    and the company data in three columns at the foot."""
    end = d.before
    try:
        start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
    except ValueError:
        start = dt.date(end.year - 1, 3, 1)
    days = (end - start).days + 1
    kwh_old = rng.randint(12000, 48000)
    kwh = rng.randint(1600, 4200)
    ct = Decimal(rng.choice(["29.41", "30.87", "31.92", "33.15"]))
    per_day = Decimal(rng.choice(["0.3982", "0.4210", "0.4517"]))
    m3_old = rng.randint(300, 2400)
    m3 = rng.randint(45, 160)
    per_m3 = Decimal(rng.choice(["1.98", "2.14", "2.31"]))
    per_month = Decimal(rng.choice(["5.90", "6.30", "7.15"]))
    power = [("Arbeitspreis", f"{kwh:,} kWh".replace(",", "."), f"{eu(ct)} ct/kWh", q(kwh * ct / 100)),
             ("Grundpreis", f"{days} Tage", f"{str(per_day).replace('.', ',')} €/Tag",
              q(days * per_day))]
    water = [("Mengenpreis", f"{m3} m³", f"{eu(per_m3)} €/m³", q(m3 * per_m3)),
             ("Grundpreis Zähler Q3 = 4", "12 Monate", f"{eu(per_month)} €/Monat", q(12 * per_month))]
    strom = sum(r[3] for r in power)
    wasser = sum(r[3] for r in water)
    net_h20(d, {"19": strom, "7": wasser})
    gross_s = strom + d.vat["19"]
    gross_w = wasser + d.vat["7"]
    ab_s = Decimal(int(gross_s / 12 * Decimal(rng.uniform(0.85, 1.12))))
    ab_w = Decimal(int(gross_w / 12 * Decimal(rng.uniform(0.85, 1.12))))
    paid_n = 11
    paid = paid_n * (ab_s + ab_w)
    balance = d.ttc - paid
    new_s = Decimal(int(gross_s / 12) + 1)
    new_w = Decimal(int(gross_w / 12) + 1)
    d.number = f"{rng.randint(30, 39)}{rng.randint(10000000, 99999999)}"
    customer = f"{rng.randint(1000000, 1999999)}"
    account = f"2000{rng.randint(10000000, 99999999)}"
    debit = d.date + dt.timedelta(days=14)
    first_new = dt.date(d.date.year + (d.date.month == 12), d.date.month % 12 + 1, 15)
    c = pen(path)
    for i, g in enumerate([0.25, 0.45, 0.65]):
        fill_h20(c, 430 + 9 * i, 790, 6, 26 - 6 * i, g)
    txt(c, 462, 806, "Stadtwerke", 11, "Helvetica")
    txt(c, 462, 790, "Mühlbach", 18, "Helvetica-Bold")
    txt(c, 57, 742, "Stadtwerke Mühlbach GmbH · Am Wasserturm 3 · 74523 Mühlbach", 7, "Helvetica")
    c.setLineWidth(0.4)
    c.line(57, 739, 298, 739)
    who = rng.choice([("Herrn", "Jürgen Albrecht", "Lindenstraße 12", "74523 Mühlbach"),
                      ("Frau", "Sabine Krämer", "Am Kirchberg 4", "74523 Mühlbach-Weiler"),
                      ("Familie", "Özdemir", "Schillerweg 27", "74523 Mühlbach")])
    for i, s in enumerate(who):
        txt(c, 57, 722 - 13 * i, s, 10, "Helvetica")
    info = [("Kundennummer", customer), ("Vertragskonto", account), ("Rechnungsnummer", d.number),
            ("Rechnungsdatum", f"{d.date:%d.%m.%Y}"), ("Ihr Kontakt", rng.choice(["Frau Berger", "Herr Yilmaz"])),
            ("Telefon", "07931 9412-300"), ("E-Mail", "kundenservice@sw-muehlbach.de")]
    for i, (k, v) in enumerate(info):
        txt(c, 360, 742 - 12 * i, k, 8, "Helvetica")
        txt(c, 555, 742 - 12 * i, v, 8.5, "Helvetica-Bold" if i < 4 else "Helvetica", right=True)
    txt(c, 57, 642, "Jahresabrechnung Strom und Trinkwasser", 13, "Helvetica-Bold")
    txt(c, 57, 627, f"Abrechnungszeitraum {start:%d.%m.%Y} bis {end:%d.%m.%Y} ({days} Tage)", 9, "Helvetica")
    txt(c, 57, 615, f"Verbrauchsstelle: {who[2]}, {who[3]}", 8.5, "Helvetica")
    fill_h20(c, 57, 540, 498, 64, 0.9)
    txt(c, 65, 590, "Ihr Ergebnis auf einen Blick", 9.5, "Helvetica-Bold")
    glance = [("Rechnungsbetrag (brutto)", eu(d.ttc) + " €"),
              (f"abzüglich geleisteter Abschläge ({paid_n} Monate)", "- " + eu(paid) + " €"),
              ("Nachzahlung" if balance >= 0 else "Guthaben", eu(abs(balance)) + " €")]
    for i, (k, v) in enumerate(glance):
        f = "Helvetica-Bold" if i == 2 else "Helvetica"
        txt(c, 65, 576 - 13 * i, k, 9, f)
        txt(c, 380, 576 - 13 * i, v, 9, f, right=True)
    txt(c, 400, 576, "Neuer Abschlag ab", 8, "Helvetica")
    txt(c, 400, 564, f"{first_new:%d.%m.%Y} monatlich:", 8, "Helvetica")
    txt(c, 548, 550, eu(new_s + new_w) + " €", 11, "Helvetica-Bold", right=True)
    y = 515

    def part(title, meter, reading, rows, total, y):
        txt(c, 57, y, title, 10, "Helvetica-Bold")
        txt(c, 555, y, meter, 8, "Helvetica", right=True)
        y -= 13
        txt(c, 57, y, reading, 8, "Helvetica-Oblique")
        y -= 14
        c.setLineWidth(0.5)
        c.line(57, y + 9, 555, y + 9)
        for x, h, right in [(57, "Position", False), (190, "Zeitraum", False), (380, "Menge", True),
                            (470, "Preis netto", True), (555, "Betrag netto", True)]:
            txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
        for k, qty, price, amount in rows:
            y -= 12
            txt(c, 57, y, k, 8.5, "Helvetica")
            txt(c, 190, y, f"{start:%d.%m.%Y} – {end:%d.%m.%Y}", 8.5)
            txt(c, 380, y, qty, 8.5, right=True)
            txt(c, 470, y, price, 8.5, right=True)
            txt(c, 555, y, eu(amount) + " €", 8.5, right=True)
        y -= 13
        c.line(400, y + 9, 555, y + 9)
        txt(c, 470, y, f"Summe {title.split()[0]} netto", 8.5, "Helvetica-Bold", right=True)
        txt(c, 555, y, eu(total) + " €", 8.5, "Helvetica-Bold", right=True)
        return y - 22

    meter_s = f"Zähler-Nr. 1ESY11{rng.randint(10000000, 99999999)} · Marktlokation {rng.randint(10000000000, 99999999999)}"
    y = part("Strom · Tarif MühlbachStrom Basis", meter_s,
             f"Zählerstand {start - dt.timedelta(days=1):%d.%m.%Y}: {kwh_old:,} kWh (Ablesung Netzbetreiber) · "
             f"Zählerstand {end:%d.%m.%Y}: {kwh_old + kwh:,} kWh (Kundenablesung)".replace(",", "."),
             power, strom, y)
    y = part("Trinkwasser", f"Zähler-Nr. {rng.randint(10, 29)}-{rng.randint(100000, 999999)}",
             f"Zählerstand {start - dt.timedelta(days=1):%d.%m.%Y}: {m3_old} m³ · Zählerstand {end:%d.%m.%Y}: "
             f"{m3_old + m3} m³ (Ablesung Stadtwerke)", water, wasser, y)
    txt(c, 57, y, "Rechnungsbetrag", 10, "Helvetica-Bold")
    y -= 15
    for x, h in [(57, "Sparte"), (300, "Netto"), (360, "USt-Satz"), (450, "Umsatzsteuer"), (555, "Brutto")]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=x != 57)
    for label, r, net in [("Strom", "19", strom), ("Trinkwasser", "7", wasser)]:
        y -= 12
        txt(c, 57, y, label, 8.5, "Helvetica")
        txt(c, 300, y, eu(net) + " €", 8.5, right=True)
        txt(c, 360, y, f"{r} %", 8.5, right=True)
        txt(c, 450, y, eu(d.vat[r]) + " €", 8.5, right=True)
        txt(c, 555, y, eu(net + d.vat[r]) + " €", 8.5, right=True)
    y -= 14
    c.line(57, y + 10, 555, y + 10)
    txt(c, 57, y, "Summe", 8.5, "Helvetica-Bold")
    txt(c, 300, y, eu(d.ht) + " €", 8.5, "Helvetica-Bold", right=True)
    txt(c, 450, y, eu(d.tva) + " €", 8.5, "Helvetica-Bold", right=True)
    txt(c, 555, y, eu(d.ttc) + " €", 8.5, "Helvetica-Bold", right=True)
    y -= 15
    first_ab = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 15)
    last_ab = dt.date(first_ab.year + (first_ab.month + 9) // 12, (first_ab.month + 9) % 12 + 1, 15)
    txt(c, 57, y, f"abzüglich Abschläge {first_ab:%d.%m.%Y} bis {last_ab:%d.%m.%Y} ({paid_n} × {eu(ab_s + ab_w)} €)",
        8.5, "Helvetica")
    txt(c, 555, y, "- " + eu(paid) + " €", 8.5, right=True)
    y -= 14
    txt(c, 57, y, "Nachzahlung" if balance >= 0 else "Guthaben", 9.5, "Helvetica-Bold")
    txt(c, 555, y, eu(abs(balance)) + " €", 9.5, "Helvetica-Bold", right=True)
    y -= 22
    iban = f"DE{rng.randint(10, 99)} XXXX XXXX XXXX XX{rng.randint(10, 99)} {rng.randint(1000, 9999)}"
    if balance >= 0:
        pay = [f"Den Betrag von {eu(balance)} € buchen wir am {debit:%d.%m.%Y} per SEPA-Lastschrift von Ihrem Konto",
               f"{iban} ab (Gläubiger-ID DE71ZZZ00000398211, Mandatsreferenz SWM-{customer}-01)."]
    else:
        pay = [f"Das Guthaben von {eu(-balance)} € überweisen wir bis zum {debit:%d.%m.%Y} auf Ihr Konto {iban}.",
               "Bitte teilen Sie uns eine geänderte Bankverbindung umgehend mit."]
    for i, s in enumerate(pay):
        txt(c, 57, y - 11 * i, s, 8.5, "Helvetica")
    y -= 32
    dues = [dt.date(first_new.year + (first_new.month + k - 1) // 12, (first_new.month + k - 1) % 12 + 1, 15)
            for k in range(4)]
    txt(c, 57, y, f"Ihre neuen Abschläge: Strom {eu(new_s)} € + Trinkwasser {eu(new_w)} € = {eu(new_s + new_w)} € "
                  "monatlich,", 8.5, "Helvetica-Bold")
    txt(c, 57, y - 11, "fällig jeweils am 15. des Monats: " + ", ".join(f"{x:%d.%m.%Y}" for x in dues) + " usw.", 8.5,
        "Helvetica")
    notes = ["Im Arbeitspreis enthalten: Stromsteuer 2,05 ct/kWh, Konzessionsabgabe und Netzentgelte Ihres "
             "Netzbetreibers Netze Mühlbach GmbH.",
             "Bei Fragen zur Abrechnung wenden Sie sich an unseren Kundenservice. Verbraucherschlichtung: "
             "Schlichtungsstelle Energie e.V., Friedrichstraße 133, 10117 Berlin.",
             "Diese Rechnung wurde maschinell erstellt und ist ohne Unterschrift gültig."]
    for i, s in enumerate(notes):
        txt(c, 57, 112 - 9 * i, s, 6.8, "Helvetica")
    c.setLineWidth(0.4)
    c.line(57, 76, 555, 76)
    cols = [["Stadtwerke Mühlbach GmbH", "Am Wasserturm 3, 74523 Mühlbach", "www.sw-muehlbach.de"],
            ["Geschäftsführer: Dipl.-Ing. Martin Haug", "Amtsgericht Stuttgart HRB 581234",
             "USt-IdNr. DE 146 823 551"],
            ["Sparkasse Schwäbisch Hall-Crailsheim", "IBAN DE43 6225 0030 0005 1234 56", "BIC SOLADES1SHA"]]
    for j, col in enumerate(cols):
        for i, s in enumerate(col):
            txt(c, 57 + 170 * j, 66 - 8 * i, s, 6.5, "Helvetica")
    c.save()


def nl_zonnepanelen(d, path, rng):
    """A Dutch solar installer's invoice to a home owner: a drawn sun beside the firm's name at the
    top left and its address, KvK, VAT number and IBAN in small type at the top right, the customer
    in the window, "FACTUUR" with a block (invoice number, invoice date written out, due date,
    customer number, quotation, date of delivery), the subject with the size of the system and the
    site, a table under a dark header (description, quantity, unit, price, VAT, total) with the
    panels, inverter, mounting and work at the zero rate for solar panels on homes and a home
    battery, charger or app at 21 %, the totals with a VAT line per rate, sometimes the deposit
    invoice already paid and the amount left, the zero-rate note, warranties, payment terms and
    the general conditions at the foot."""
    panels = rng.choice([8, 10, 12, 14, 16, 18])
    wp = rng.choice([410, 430, 445])
    zero = [(f"Zonnepaneel {wp} Wp monokristallijn, full black", panels, "st", ["119.00", "135.00", "149.00"]),
            ("Hybride omvormer " + ("3,6 kW" if panels <= 10 else "5,0 kW") + " incl. wifi-module", 1, "st",
             ["845.00", "1095.00"]),
            ("Montagesysteem schuin pannendak (per paneel)", panels, "st", ["42.50", "48.00"]),
            ("DC-bekabeling, connectoren en aarding", 1, "post", ["165.00", "210.00"]),
            ("Installatie, montage en inbedrijfstelling", 1, "post", ["650.00", "790.00", "950.00"])]
    optional = ("Extra groep in meterkast t.b.v. omvormer", 1, "st", ["145.00", "175.00"])
    full = [("Thuisbatterij 5,12 kWh LiFePO4, incl. installatie", 1, "st", ["3295.00", "3650.00"]),
            ("Laadpaal 11 kW met vaste kabel, incl. montage", 1, "st", ["1095.00", "1249.00"]),
            ("Energiemanagement-app, abonnement 12 maanden", 1, "st", ["59.00", "79.00"]),
            ("Dakgoot vervangen (zinken mastgoot, per m¹)", rng.randint(4, 12), "m¹", ["38.50", "44.00"])]
    items = [(x, "0") for x in zero[:2]] + [(zero[2], "0"), (zero[3], "0")]
    if rng.random() < 0.5:
        items.append((optional, "0"))
    items.append((zero[4], "0"))
    items += [(x, "21") for x in rng.sample(full, rng.randint(1, 2))]
    rows = []  # (label, qty, unit, each, rate, amount)
    for (label, qty, unit, prices), rate in items:
        each = Decimal(rng.choice(prices))
        rows.append((label, qty, unit, each, rate, q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[4]] += r[5]
    net_h20(d, base)
    n = rng.randint(1200, 4999)
    d.number = f"ZV{d.date:%y}-{n}"
    quote = d.before - dt.timedelta(days=rng.randint(35, 90))
    quote_no = f"OFF-{quote:%y}{rng.randint(100, 999)}"
    dep_day = quote + dt.timedelta(days=rng.randint(5, 12))
    dep_no = f"ZV{dep_day:%y}-{max(1000, n - rng.randint(40, 400))}"
    deposit = q(d.ttc * Decimal("0.25")) if rng.random() < 0.5 else None
    due = d.date + dt.timedelta(days=14)
    c = pen(path)
    c.setFillColorRGB(0.98, 0.72, 0.12)
    c.circle(62, 796, 15, stroke=0, fill=1)
    c.setStrokeColorRGB(0.98, 0.72, 0.12)
    c.setLineWidth(2.2)
    for k in range(12):
        a = k * math.pi / 6
        c.line(62 + 19 * math.cos(a), 796 + 19 * math.sin(a), 62 + 26 * math.cos(a), 796 + 26 * math.sin(a))
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(1)
    c.setFillColorRGB(0.05, 0.2, 0.35)
    txt(c, 96, 798, "ZonVast", 22, "Helvetica-Bold")
    c.setFillColorRGB(0, 0, 0)
    txt(c, 96, 783, "installaties b.v. · zonnepanelen · thuisbatterijen · laadpalen", 8.5, "Helvetica-Oblique")
    for i, s in enumerate(["Industrieweg 41", "3771 MA Barneveld", "T 0342 - 74 19 60", "info@zonvast.nl",
                           "KvK 71834522", "Btw NL858912340B01", "IBAN NL42 RABO 0317 4420 91"]):
        txt(c, 555, 810 - 9.5 * i, s, 7.5, "Helvetica", right=True)
    who = rng.choice([("Dhr. en mevr. Van den Berg", "Kastanjelaan 18", "3772 KL Barneveld"),
                      ("Mevrouw S. de Groot-Bakker", "Dorpsstraat 102", "6741 AK Lunteren"),
                      ("De heer J. Hendriksen", "Burgemeester Roeststraat 7", "3781 BR Voorthuizen")])
    for i, s in enumerate(who):
        txt(c, 60, 706 - 13 * i, s, 10, "Helvetica")
    txt(c, 340, 722, "FACTUUR", 20, "Helvetica-Bold")
    block = [("Factuurnummer", d.number), ("Factuurdatum", long_date(d.date, "nl")),
             ("Vervaldatum", f"{due:%d-%m-%Y}"), ("Klantnummer", f"K{rng.randint(10000, 29999)}"),
             ("Offerte", f"{quote_no} van {quote:%d-%m-%Y}"), ("Opleverdatum", f"{d.before:%d-%m-%Y}")]
    for i, (k, v) in enumerate(block):
        txt(c, 340, 702 - 12 * i, k, 8.5, "Helvetica")
        txt(c, 420, 702 - 12 * i, v, 8.5, "Helvetica-Bold")
    kwp = f"{panels * wp / 1000:.2f}".replace(".", ",")
    txt(c, 60, 612, f"Betreft: levering en installatie zonnestroomsysteem, {panels} panelen ({kwp} kWp)", 10,
        "Helvetica-Bold")
    txt(c, 60, 599, f"Installatieadres: {who[1]}, {who[2]}", 9, "Helvetica")
    y = 572
    c.setFillColorRGB(0.05, 0.2, 0.35)
    c.rect(55, y - 5, 500, 17, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    for x, h, right in [(60, "Omschrijving", False), (345, "Aantal", True), (352, "Eenh.", False),
                        (440, "Prijs", True), (478, "Btw", True), (550, "Totaal", True)]:
        txt(c, x, y, h, 8.5, "Helvetica-Bold", right=right)
    c.setFillColorRGB(0, 0, 0)
    for label, qty, unit, each, rate, amount in rows:
        y -= 16
        txt(c, 60, y, label, 8.8, "Helvetica")
        txt(c, 345, y, str(qty), 8.8, right=True)
        txt(c, 352, y, unit, 8.8)
        txt(c, 440, y, "€ " + eu(each), 8.8, right=True)
        txt(c, 478, y, f"{rate}%", 8.8, right=True)
        txt(c, 550, y, "€ " + eu(amount), 8.8, right=True)
    c.setStrokeGray(0.6)
    c.line(55, y - 8, 555, y - 8)
    c.setStrokeGray(0)
    y -= 28
    tot = [("Subtotaal excl. btw", "€ " + eu(d.ht), "Helvetica")]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"Btw {r}% over € {eu(d.base[r])}", "€ " + eu(d.vat[r]), "Helvetica"))
    tot.append(("Totaal incl. btw", "€ " + eu(d.ttc), "Helvetica-Bold"))
    if deposit:
        tot.append((f"Af: aanbetaling {dep_no} van {dep_day:%d-%m-%Y}", "- € " + eu(deposit), "Helvetica"))
        tot.append(("Nog te voldoen", "€ " + eu(d.ttc - deposit), "Helvetica-Bold"))
    for i, (k, v, f) in enumerate(tot):
        if f.endswith("Bold"):
            c.line(305, y - 15 * i + 11, 555, y - 15 * i + 11)
        txt(c, 305, y - 15 * i, k, 9, f)
        txt(c, 550, y - 15 * i, v, 9, f, right=True)
    yn = y - 15 * len(tot) - 20
    notes = ["Btw 0%: nultarief voor de levering en installatie van zonnepanelen op of bij een woning "
             "(sinds 1 januari 2023).",
             "Overige producten en werkzaamheden zijn belast met 21% btw.",
             "Garantie: 25 jaar product- en vermogensgarantie op de panelen, 10 jaar op de omvormer en 5 jaar op "
             "de installatie.",
             f"Wij verzoeken u het openstaande bedrag vóór {due:%d-%m-%Y} over te maken op NL42 RABO 0317 4420 91 "
             f"o.v.v. {d.number}."]
    for i, s in enumerate(notes):
        txt(c, 60, yn - 11 * i, s, 8, "Helvetica-Bold" if i == 3 else "Helvetica")
    c.setStrokeColorRGB(0.98, 0.72, 0.12)
    c.setLineWidth(3)
    c.line(55, 62, 555, 62)
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(1)
    centre_h20(c, 305, 50, "Op al onze offertes, leveringen en werkzaamheden zijn onze algemene voorwaarden van "
                           "toepassing, gedeponeerd bij de KvK onder nummer 71834522.", 6.8, "Helvetica")
    centre_h20(c, 305, 41, "ZonVast Installaties B.V. · erkend installateur InstallQ · aangesloten bij Techniek "
                           "Nederland", 6.8, "Helvetica")
    c.save()


def es_panaderia(d, path, rng):
    """A Spanish bakery café's simplified invoice from its till on 80 mm paper: the bakery's name and
    trades, company, CIF, address and telephone centred, "FACTURA SIMPLIFICADA" in reversed type,
    the number, date and time, till, counter or table and who served, the lines with units,
    description, unit price, amount and VAT rate: common bread at the rate of the day (0 % until
    30 June 2024, 2 % afterwards), pastries, coffee and juice at 10 %, birthday candles, a paper bag
    or a can to take away at 21 %, the total with VAT included, cash and change or card, the VAT
    breakdown per rate with its total row, and the thanks."""
    bread_rate = "0" if d.date < dt.date(2024, 7, 1) else ("2" if d.date.year == 2024 else "4")
    bread = [("BARRA PAN", ["0.90", "1.00"]), ("PAN DE PUEBLO 500G", ["1.80", "2.00"]), ("CHAPATA", ["1.10", "1.20"]),
             ("PISTOLA", ["0.60", "0.65"]), ("BARRA INTEGRAL", ["1.10", "1.25"]), ("HOGAZA 1KG", ["3.20", "3.50"])]
    ten = [("CAFE CON LECHE", ["1.50", "1.70"]), ("CORTADO", ["1.30", "1.40"]),
           ("CROISSANT MANTEQUILLA", ["1.60", "1.80"]), ("NAPOLITANA CHOCOLATE", ["1.70", "1.90"]),
           ("MAGDALENAS 6 UDS", ["3.20", "3.50"]), ("EMPANADA ATUN RACION", ["2.80", "3.20"]),
           ("TARTA DE SANTIAGO", ["14.50", "16.00"]), ("ZUMO NARANJA NATURAL", ["2.80", "3.00"]),
           ("PALMERA HOJALDRE", ["1.40", "1.60"])]
    full = [("VELA NUMERO CUMPLE", ["2.50"]), ("BOLSA PAPEL", ["0.15"]), ("REFRESCO LATA LLEVAR", ["1.60"])]
    picks = [(p, bread_rate) for p in rng.sample(bread, rng.randint(1, 2))]
    picks += [(p, "10") for p in rng.sample(ten, len(d.lines) - 1 + rng.randint(0, 1))]
    if rng.random() < 0.6:
        picks.append((rng.choice(full), "21"))
    rows = []  # (units, name, each, amount, rate)
    for (name, prices), rate in picks:
        k = 1 if name.startswith(("TARTA", "HOGAZA", "BOLSA", "VELA")) else rng.choice([1, 1, 2, 2, 3, 4])
        each = Decimal(rng.choice(prices))
        rows.append((k, name, each, k * each, rate))
    gross = defaultdict(Decimal)
    for r in rows:
        gross[r[4]] += r[3]
    gross_h20(d, gross)
    till = rng.randint(1, 2)
    d.number = f"{d.date:%Y}/B{till}/{rng.randint(1, 40000):05d}"
    hh, mm = rng.randint(7, 20), rng.randint(0, 59)
    w = 227
    height = 365 + 12 * len(rows) + 11 * len(d.base)
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 30
    centre_h20(c, w / 2, y, "HORNO SAN ISIDRO", 15, "Helvetica-Bold")
    y -= 12
    centre_h20(c, w / 2, y, "Panadería · Pastelería · Cafetería", 7.5, "Helvetica-Oblique")
    y -= 14
    for s in ["OBRADOR ARTESANO SAN ISIDRO, S.L.", "CIF B47632118", "C/ Santiago, 23 - 47001 VALLADOLID",
              "Tel. 983 35 42 10"]:
        centre_h20(c, w / 2, y, s, 7, "Helvetica")
        y -= 9.5
    y -= 6
    c.rect(10, y - 4, w - 20, 15, stroke=0, fill=1)
    c.setFillGray(1)
    centre_h20(c, w / 2, y, "FACTURA SIMPLIFICADA", 9, "Helvetica-Bold")
    c.setFillGray(0)
    y -= 18
    txt(c, 10, y, f"Nº: {d.number}", 8, "Helvetica-Bold")
    y -= 11
    txt(c, 10, y, f"Fecha: {d.date:%d-%m-%Y}", 7.5, "Helvetica")
    txt(c, w - 10, y, f"Hora: {hh:02d}:{mm:02d}", 7.5, "Helvetica", right=True)
    y -= 10
    txt(c, 10, y, f"Caja {till} · {rng.choice(['BARRA', 'MESA 2', 'MESA 5', 'TERRAZA 1', 'PARA LLEVAR'])}", 7.5)
    txt(c, w - 10, y, f"Le atendió: {rng.choice(['ROCÍO', 'MARIO', 'INÉS', 'ÁLVARO'])}", 7.5, right=True)
    y -= 8
    c.setDash(2, 2)
    c.line(10, y, w - 10, y)
    y -= 10
    for x, h, right in [(10, "Ud", False), (24, "Artículo", False), (158, "Precio", True), (196, "Importe", True),
                        (w - 10, "IVA", True)]:
        txt(c, x, y, h, 7, "Helvetica-Bold", right=right)
    y -= 4
    c.line(10, y, w - 10, y)
    for k, name, each, amount, rate in rows:
        y -= 11
        txt(c, 10, y, str(k), 7.5, "Helvetica")
        txt(c, 24, y, name, 7.5)
        txt(c, 158, y, eu(each), 7.5, right=True)
        txt(c, 196, y, eu(amount), 7.5, right=True)
        txt(c, w - 10, y, f"{rate}%", 7, right=True)
    y -= 6
    c.line(10, y, w - 10, y)
    c.setDash()
    y -= 16
    txt(c, 10, y, "TOTAL", 12, "Helvetica-Bold")
    txt(c, w - 10, y, eu(d.ttc) + " €", 12, "Helvetica-Bold", right=True)
    y -= 10
    txt(c, 10, y, "IVA incluido", 7, "Helvetica-Oblique")
    y -= 13
    if rng.random() < 0.55:
        given = Decimal((int(d.ttc) // 5 + 1) * 5)
        txt(c, 10, y, "Efectivo", 8, "Helvetica")
        txt(c, w - 10, y, eu(given), 8, right=True)
        y -= 10
        txt(c, 10, y, "Cambio", 8)
        txt(c, w - 10, y, eu(given - d.ttc), 8, right=True)
    else:
        txt(c, 10, y, f"Tarjeta ****{rng.randint(1000, 9999)}", 8, "Helvetica")
        txt(c, w - 10, y, eu(d.ttc), 8, right=True)
        y -= 10
        txt(c, 10, y, f"Autorización {rng.randint(100000, 999999)} · Contactless", 7)
    y -= 18
    txt(c, 10, y, "DESGLOSE DE IVA", 7.5, "Helvetica-Bold")
    y -= 11
    for x, h in [(10, "Tipo"), (100, "Base imp."), (150, "Cuota"), (w - 10, "Total")]:
        txt(c, x, y, h, 7, "Helvetica-Bold", right=x != 10)
    for r in sorted(d.base, key=Decimal):
        y -= 10
        txt(c, 10, y, f"{eu(Decimal(r))}%", 7.5, "Helvetica")
        txt(c, 100, y, eu(d.base[r]), 7.5, right=True)
        txt(c, 150, y, eu(d.vat[r]), 7.5, right=True)
        txt(c, w - 10, y, eu(d.base[r] + d.vat[r]), 7.5, right=True)
    y -= 11
    txt(c, 10, y, "Suma", 7.5, "Helvetica-Bold")
    txt(c, 100, y, eu(d.ht), 7.5, "Helvetica-Bold", right=True)
    txt(c, 150, y, eu(d.tva), 7.5, "Helvetica-Bold", right=True)
    txt(c, w - 10, y, eu(d.ttc), 7.5, "Helvetica-Bold", right=True)
    y -= 22
    for s in ["¡GRACIAS POR SU VISITA!", "Pan recién hecho todos los días desde las 7:00",
              "Si necesita factura completa, solicítela en caja", "presentando este ticket."]:
        centre_h20(c, w / 2, y, s, 7.5 if s.startswith("¡") else 6.8, "Helvetica-Bold" if s.startswith("¡")
                   else "Helvetica")
        y -= 10
    c.save()


def it_vivaio(d, path, rng):
    """An Italian plant nursery's e-invoice to a town council, as the courtesy copy a management
    program prints: boxes for the supplier and the customer (VAT and tax numbers, tax regime,
    addresses, the council's office code), a row of cells (document type, number, date, recipient
    code), the references of the purchase (CIG, CUP, council decision and its date, delivery notes
    and their dates), the lines (code, description, quantity, unit, price, VAT rate, total) with
    trees and shrubs at 10 % and planting, irrigation, mulch and transport at 22 %, the VAT summary
    per rate marked "S" for split payment, the document total, the VAT the council pays to the
    State itself (art. 17-ter) and the net amount to pay, the payment details and due date, and the
    note that the electronic invoice was sent through the exchange system."""
    plants = [("ACE-CAM-1820", "Acer campestre circ. 18-20 cm, in zolla", (2, 8), ["148.00", "165.00"]),
              ("TIL-COR-1618", "Tilia cordata 'Greenspire' circ. 16-18 cm", (2, 6), ["132.00", "149.00"]),
              ("PRU-LAU-125", "Prunus laurocerasus 'Novita' h 125-150, vaso 18", (20, 60), ["14.50", "16.80"]),
              ("LAV-ANG-V14", "Lavandula angustifolia 'Hidcote', vaso 14", (40, 120), ["3.20", "3.60"]),
              ("ROS-OFF-V9", "Rosmarinus officinalis 'Prostratus', vaso 9", (30, 90), ["2.60", "2.90"]),
              ("CAR-BET-1416", "Carpinus betulus circ. 14-16 cm, in zolla", (3, 10), ["118.00", "128.00"])]
    works = [("SRV-MDD", "Messa a dimora alberature con pali tutori e legature", "n.", ["45.00", "58.00"]),
             ("SRV-IRR", "Impianto di irrigazione a goccia, fornitura e posa", "m", ["6.80", "7.90"]),
             ("MAT-PAC", "Pacciamatura con corteccia di pino, fornitura e stesa", "m³", ["62.00", "70.00"]),
             ("TRA-GRU", "Trasporto con autocarro con gru", "viaggio", ["180.00", "220.00"])]
    rows = []  # (code, description, qty, unit, each, rate, amount)
    chosen = sorted(rng.sample(plants, len(d.lines)), key=plants.index)
    trees = 0
    for code, label, (lo, hi), prices in chosen:
        qty = rng.randint(lo, hi)
        if "circ." in label:
            trees += qty
        each = Decimal(rng.choice(prices))
        rows.append((code, label, qty, "n.", each, "10", q(qty * each)))
    for code, label, unit, prices in works:
        if code == "SRV-MDD":
            if not trees:
                continue
            qty = trees
        elif code == "TRA-GRU":
            qty = rng.randint(1, 2)
        elif rng.random() < 0.5:
            continue
        else:
            qty = rng.randint(40, 180) if unit == "m" else rng.randint(3, 12)
        each = Decimal(rng.choice(prices))
        rows.append((code, label, qty, unit, each, "22", q(qty * each)))
    base = defaultdict(Decimal)
    for r in rows:
        base[r[5]] += r[6]
    net_h20(d, base)
    d.number = f"{rng.randint(3, 240)}/PA"
    ddt1 = d.before
    ddts = [(rng.randint(180, 900), ddt1)]
    if rng.random() < 0.5:
        ddts.insert(0, (ddts[0][0] - rng.randint(3, 15), ddt1 - dt.timedelta(days=rng.randint(2, 9))))
    decision = ddts[0][1] - dt.timedelta(days=rng.randint(20, 60))
    due = d.date + dt.timedelta(days=30)
    town = rng.choice([("Comune di Valsorda", "Piazza Municipio 1", "38050", "Valsorda", "TN", "UF7K2P", "00348120221"),
                       ("Comune di Roncegno Alto", "Via Roma 12", "38051", "Roncegno Alto", "TN", "UFQ3LM",
                        "81001230227"),
                       ("Comune di Castel Brenta", "Piazza della Pieve 4", "38057", "Castel Brenta", "TN", "UF2H9A",
                        "00412560229")])
    c = pen(path)
    txt(c, 40, 808, "Vivai Fratelli Bertolini", 16, "Times-Bold")
    txt(c, 40, 794, "Società agricola s.s. · piante ornamentali, alberature, progettazione e manutenzione del verde",
        8, "Times-Italic")

    def boxed(x, title, lines):
        c.setLineWidth(0.6)
        c.rect(x, 676, 255, 104)
        fill_h20(c, x, 766, 255, 14, 0.85)
        txt(c, x + 4, 770, title, 7.5, "Helvetica-Bold")
        for i, (k, v) in enumerate(lines):
            txt(c, x + 4, 754 - 10 * i, k + ":", 7, "Helvetica")
            txt(c, x + 92, 754 - 10 * i, v, 7.5, "Helvetica-Bold")

    boxed(40, "Cedente/prestatore (fornitore)",
          [("Id. fiscale ai fini IVA", "IT02184670225"), ("Codice fiscale", "02184670225"),
           ("Denominazione", "Vivai F.lli Bertolini S.S."), ("Regime fiscale", "RF01 (ordinario)"),
           ("Indirizzo", "Via dei Campi 27"), ("Comune", "38057 Pergine Valsugana (TN)"),
           ("Telefono", "0461 531 884"), ("PEC", "vivaibertolini@pec.it")])
    boxed(300, "Cessionario/committente (cliente)",
          [("Codice fiscale", town[6]), ("Denominazione", town[0]), ("Indirizzo", town[1]),
           ("Comune", f"{town[2]} {town[3]} ({town[4]})"), ("Nazione", "IT"),
           ("Codice Univoco Ufficio", town[5]), ("Ufficio", "Servizio Lavori Pubblici"),
           ("Split payment", "Sì (art. 17-ter)")])
    heads = [("Tipologia documento", 100), ("Art. 73", 50), ("Numero documento", 110), ("Data documento", 100),
             ("Codice destinatario", 155)]
    vals = ["TD01 fattura", "", d.number, f"{d.date:%d-%m-%Y}", town[5]]
    x = 40
    for (h, wd), v in zip(heads, vals):
        c.rect(x, 636, wd, 28)
        txt(c, x + 3, 655, h, 6.5, "Helvetica")
        txt(c, x + 3, 641, v, 8.5, "Helvetica-Bold")
        x += wd
    cig = "Z" + "".join(rng.choice("0123456789ABCDEF") for _ in range(9))
    cup = f"{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}D{rng.randint(10, 99)}{rng.randint(100000, 999999)}0001"
    refs = [f"Dati ordine d'acquisto: Determinazione n. {rng.randint(40, 380)} del {decision:%d-%m-%Y} · "
            f"CIG {cig} · CUP {cup}",
            "Dati DDT: " + " · ".join(f"DDT n. {k} del {day:%d-%m-%Y}" for k, day in ddts),
            "Causale: fornitura e messa a dimora di alberature e arbusti – riqualificazione aree verdi comunali"]
    for i, s in enumerate(refs):
        txt(c, 40, 620 - 11 * i, s, 7.8, "Helvetica")
    y = 578
    fill_h20(c, 40, y - 4, 515, 14, 0.85)
    for x, h, right in [(43, "Cod. articolo", False), (108, "Descrizione", False), (370, "Quantità", True),
                        (380, "UM", False), (462, "Prezzo unitario", True), (495, "%IVA", True),
                        (552, "Prezzo totale", True)]:
        txt(c, x, y, h, 7, "Helvetica-Bold", right=right)
    for code, label, qty, unit, each, rate, amount in rows:
        y -= 14
        txt(c, 43, y, code, 7.3, "Helvetica")
        txt(c, 108, y, label, 7.8)
        txt(c, 370, y, f"{qty},00", 7.8, right=True)
        txt(c, 380, y, unit, 7.8)
        txt(c, 462, y, eu(each), 7.8, right=True)
        txt(c, 495, y, f"{rate},00", 7.8, right=True)
        txt(c, 552, y, eu(amount), 7.8, right=True)
    c.line(40, y - 7, 555, y - 7)
    y -= 28
    txt(c, 40, y, "RIEPILOGHI IVA E TOTALI", 7.5, "Helvetica-Bold")
    y -= 12
    for x, h, right in [(43, "Esigibilità IVA / riferimenti normativi", False), (300, "%IVA", True),
                        (320, "Spese accessorie", False), (470, "Totale imponibile", True),
                        (552, "Totale imposta", True)]:
        txt(c, x, y, h, 6.8, "Helvetica", right=right)
    for r in sorted(d.base, key=Decimal):
        y -= 12
        txt(c, 43, y, "S (scissione dei pagamenti)", 7.8, "Helvetica")
        txt(c, 300, y, f"{r},00", 7.8, right=True)
        txt(c, 470, y, eu(d.base[r]), 7.8, right=True)
        txt(c, 552, y, eu(d.vat[r]), 7.8, right=True)
    y -= 22
    cells = [("Importo bollo", ""), ("Sconto/Maggiorazione", ""), ("Arrotondamento", ""),
             ("Valuta", "EUR"), ("Totale documento", eu(d.ttc))]
    widths = [80, 110, 90, 60, 175]
    x = 40
    for (k, v), wd in zip(cells, widths):
        c.rect(x, y - 14, wd, 26)
        txt(c, x + 3, y + 4, k, 6.5, "Helvetica")
        txt(c, x + wd - 4, y - 9, v, 9 if k.startswith("Totale") else 8,
            "Helvetica-Bold" if k.startswith("Totale") else "Helvetica", right=True)
        x += wd
    y -= 32
    for k, v in [("Totale imponibile", eu(d.ht)), ("Totale IVA", eu(d.tva)), ("Totale documento", eu(d.ttc))]:
        txt(c, 300, y, k, 8, "Helvetica")
        txt(c, 552, y, v, 8, right=True)
        y -= 11
    txt(c, 300, y, "IVA da versare a cura dell'ente (art. 17-ter)", 8, "Helvetica")
    txt(c, 552, y, "- " + eu(d.tva), 8, right=True)
    y -= 14
    txt(c, 300, y, "NETTO A PAGARE", 9.5, "Helvetica-Bold")
    txt(c, 552, y, "€ " + eu(d.ht), 9.5, "Helvetica-Bold", right=True)
    y -= 26
    for x, h, v in [(43, "Modalità pagamento", "MP05 bonifico"), (140, "IBAN", "IT38 K083 0435 6500 0000 0412 873"),
                    (330, "Istituto finanziario", "Cassa Rurale Alta Valsugana"),
                    (450, "Data scadenza", f"{due:%d-%m-%Y}")]:
        txt(c, x, y, h, 6.8, "Helvetica")
        txt(c, x, y - 11, v, 7.8, "Helvetica-Bold")
    txt(c, 552, y, "Importo", 6.8, "Helvetica", right=True)
    txt(c, 552, y - 11, eu(d.ht), 7.8, "Helvetica-Bold", right=True)
    for i, s in enumerate(["Operazione soggetta alla scissione dei pagamenti ai sensi dell'art. 17-ter del D.P.R. "
                           "633/72: l'IVA esposta è versata direttamente dall'ente all'Erario.",
                           "Piante vive e prodotti della floricoltura: aliquota 10% (Tabella A, parte III, D.P.R. "
                           "633/72); servizi e materiali: aliquota ordinaria 22%.",
                           "Copia di cortesia priva di valore fiscale: il documento originale è stato trasmesso "
                           "tramite il Sistema di Interscambio (SdI).",
                           "Tracciabilità dei flussi finanziari ai sensi della L. 136/2010: conto corrente dedicato "
                           "indicato sopra."]):
        txt(c, 40, 92 - 9 * i, s, 6.5, "Helvetica")
    c.setLineWidth(0.4)
    c.line(40, 50, 555, 50)
    centre_h20(c, 297, 41, "Vivai F.lli Bertolini S.S. società agricola – Via dei Campi 27, 38057 Pergine Valsugana "
                           "(TN) – P.IVA e C.F. 02184670225 – R.E.A. TN-201847", 6.5, "Helvetica")
    c.save()


# ---- layouts added for held-out set 21 (session 14) --------------------------------------------
# Eight layouts, each designed on its own after real businesses' prints, without looking at the
# extraction rules: three French (a newsagent's till receipt with newspapers and magazines at
# 2,1 %, books and take-away drinks at 5,5 %, stationery and sweets at 20 % and postage stamps
# outside VAT; a chartered land surveyor's invoice for a boundary survey, in a letter with a
# sidebar, the deposit invoiced earlier deducted after the total; a packaging distributor's credit
# note for goods returned or wrongly priced, with the totals in a row of cells at the foot), an
# Irish joinery firm's VAT invoice with fitted work at 13.5 % and free-standing furniture at 23 %
# and the deposit deducted, a German campsite's bill on A5 with the pitch, persons and bread
# rolls at 7 %, electricity from the meter readings, the dog and the washing tokens at 19 % and the
# visitor's tax outside VAT, a Dutch party rental firm's invoice with ice and soft drinks at 9 %
# and the hire at 21 % and the down payment deducted, a Spanish herbalist's simplified invoice with
# books at 4 %, food supplements and teas at 10 % and cosmetics at 21 %, and an Italian olive mill's
# invoice to a delicatessen with oil at 4 %, olives and preserves at 10 % and gift boxes at 22 %.
# HELD_OUT_21: drawn in session 14, scored only as a table of its own, never inspected per document
# while tuning.

def net_h21(d, base):
    """Sets the bases per rate (net amounts as printed on the lines) and works the VAT out again."""
    d.base = defaultdict(Decimal, {r: q(b) for r, b in base.items() if b})
    d.vat = {r: q(b * Decimal(r) / 100) for r, b in d.base.items()}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = d.ht + d.tva


def gross_h21(d, gross):
    """Prices including VAT (shops, campsites): per rate, the base is worked back from the amount paid."""
    gross = {r: q(t) for r, t in gross.items() if t}
    d.base = defaultdict(Decimal, {r: q(t * 100 / (100 + Decimal(r))) for r, t in gross.items()})
    d.vat = {r: gross[r] - d.base[r] for r in gross}
    d.ht = sum(d.base.values())
    d.tva = sum(d.vat.values())
    d.ttc = sum(gross.values())


def centre_h21(c, x, y, s, size, font):
    c.setFont(font, size)
    c.drawCentredString(x, y, s)


def fill_h21(c, x, y, w, h, grey):
    c.setFillGray(grey)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setFillGray(0)


def wrap_h21(c, s, font, size, width):
    """Splits a label into lines that fit the width, on spaces."""
    out, cur = [], ""
    for word in s.split(" "):
        test = (cur + " " + word).strip()
        if cur and c.stringWidth(test, font, size) > width:
            out.append(cur)
            cur = word
        else:
            cur = test
    return out + [cur]


def fr_kiosque_presse_ticket(d, path, rng):
    """A French newsagent's (maison de la presse) till receipt on a narrow roll, in a fixed-pitch
    font: the shop's sign, trades, address, company, SIRET and VAT number centred, the note that the
    ticket was printed at the customer's request, the date (two-digit year) and time with the till,
    the ticket number and the seller, the articles with their quantity and a letter for the VAT
    rate (newspapers and magazines at 2,1 %, books and take-away drinks at 5,5 %, stationery, cards
    and sweets at 20 %, postage stamps outside VAT), the number of articles, the total, the payment,
    the VAT table per letter with its total row, a parcel-point line or a subscription reminder, a
    voucher with its expiry date and the certified till software line."""
    press = [("OUEST-FRANCE", "1.40"), ("LA MANCHE LIBRE", "1.30"), ("LE MONDE", "3.20"), ("L'EQUIPE", "2.00"),
             ("LE FIGARO", "3.00"), ("TELE 7 JOURS", "1.90"), ("PARIS MATCH", "3.50"), ("LE CANARD ENCHAINE", "1.50"),
             ("PICSOU MAGAZINE", "5.95"), ("AUTO PLUS", "2.90"), ("SPORT SUDOKU", "3.90"), ("FEMME ACTUELLE", "2.20")]
    books = [("ROMAN POCHE FOLIO", ["7.90", "8.90", "9.40"]), ("LIVRE COLORIAGE ENFANT", ["4.95", "6.50"]),
             ("GUIDE ROUTARD NORMANDIE", ["14.90"]), ("BD ALBUM CARTONNE", ["11.50", "12.95"]),
             ("RECUEIL MOTS FLECHES", ["5.90"])]
    drinks = [("EAU MINERALE 50CL", "0.90"), ("JUS ORANGE 33CL", "1.60"), ("THE GLACE PECHE 50CL", "2.10")]
    shop = [("STYLO BIC 4 COULEURS", "2.95"), ("CARTE POSTALE", "0.80"), ("CARTE ANNIVERSAIRE", "3.50"),
            ("ENVELOPPES KRAFT X20", "2.40"), ("PILES LR06 AA X4", "6.90"), ("CHEWING-GUM HOLLYWOOD", "1.60"),
            ("BARRE CHOCOLAT LAIT", "1.50"), ("CAHIER 96P SEYES", "2.20"), ("ROULEAU ADHESIF", "1.95")]
    rows = []  # (qty, name, each, rate)
    for name, price in rng.sample(press, rng.randint(1, 3)):
        rows.append((1, name, Decimal(price), "2.1"))
    if rng.random() < 0.5:
        name, prices = rng.choice(books)
        rows.append((1, name, Decimal(rng.choice(prices)), "5.5"))
    if rng.random() < 0.45:
        name, price = rng.choice(drinks)
        rows.append((rng.choice([1, 1, 2]), name, Decimal(price), "5.5"))
    for name, price in rng.sample(shop, rng.randint(1, 2)):
        rows.append((rng.choice([1, 1, 1, 2, 3]), name, Decimal(price), "20"))
    if rng.random() < 0.45:
        rows.append((rng.choice([1, 2, 5, 12]), "TIMBRE LETTRE VERTE", Decimal("1.39"), "0"))
    rng.shuffle(rows)
    gross = defaultdict(Decimal)
    for qty, _, each, rate in rows:
        gross[rate] += qty * each
    gross_h21(d, gross)
    letter = {"2.1": "A", "5.5": "B", "20": "C", "0": "D"}
    shown = {"2.1": "2,10", "5.5": "5,50", "20": "20,00", "0": "EXO"}
    till = rng.randint(1, 2)
    d.number = f"{rng.randint(1, 39999):06d}"
    hh, mm = rng.randint(6, 19), rng.randint(0, 59)
    w = 204
    height = 380 + 11 * len(rows) + 10 * sum(1 for r in rows if r[0] > 1) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 24

    def line(s, right=None, size=7, font="Courier", center=False):
        nonlocal y
        if center:
            centre_h21(c, w / 2, y, s, size, font)
        else:
            txt(c, 8, y, s, size, font)
        if right is not None:
            txt(c, w - 8, y, right, size, font, right=True)
        y -= size + 3

    sep = "=" * 43
    line("MAISON DE LA PRESSE", size=10, font="Courier-Bold", center=True)
    line("LE FIL D'ARIANE", size=9, font="Courier-Bold", center=True)
    line("Presse - Librairie - Papeterie - Point relais", size=6, center=True)
    for s in ["7 PLACE DU PARVIS NOTRE-DAME", "50200 COUTANCES", "TEL 02 33 45 12 87",
              "SARL ARIANE PRESSE", "SIRET 812 447 905 00014", "TVA INTRA FR48812447905"]:
        line(s, size=6.5, center=True)
    line(sep, size=6.5)
    line("Ticket imprime a la demande du client", size=6.5, center=True)
    line(f"LE {d.date:%d/%m/%y} A {hh:02d}:{mm:02d}", f"CAISSE {till}")
    line(f"TICKET {d.number}", f"VEND. {rng.choice(['MARTINE', 'KEVIN', 'ODILE', 'YANN'])}")
    line(sep, size=6.5)
    for qty, name, each, rate in rows:
        line(f"{qty:>2} {name}", f"{eu(qty * each, '')} {letter[rate]}")
        if qty > 1:
            line(f"     {qty} x {eu(each, '')}", size=6.5)
    line("-" * 43, size=6.5)
    line(f"{len(rows)} LIGNE(S)  {sum(r[0] for r in rows)} ARTICLE(S)", size=6.5)
    y -= 2
    line("TOTAL TTC", eu(d.ttc, "") + " EUR", size=9.5, font="Courier-Bold")
    y -= 2
    if rng.random() < 0.45:
        given = Decimal((int(d.ttc) // 5 + 1) * 5)
        line("ESPECES", eu(given, ""))
        line("RENDU MONNAIE", eu(given - d.ttc, ""))
    else:
        line("CARTE BANCAIRE SANS CONTACT", eu(d.ttc, ""))
        line(f"  ************{rng.randint(1000, 9999)}  AUTO {rng.randint(100000, 999999)}", size=6.5)
    line("-" * 43, size=6.5)
    line(f"{'T':<2}{'TAUX':>6}{'HT':>10}{'TVA':>8}{'TTC':>10}", size=6.5, font="Courier-Bold")
    for r in sorted(d.base, key=lambda r: "ABCD".index(letter[r])):
        line(f"{letter[r]:<2}{shown[r]:>6}{eu(d.base[r], ''):>10}{eu(d.vat[r], ''):>8}"
             f"{eu(d.base[r] + d.vat[r], ''):>10}", size=6.5)
    line(f"{'TOTAL':<8}{eu(d.ht, ''):>10}{eu(d.tva, ''):>8}{eu(d.ttc, ''):>10}", size=6.5, font="Courier-Bold")
    line("D : timbres-poste, operation exoneree", size=6)
    line(sep, size=6.5)
    if rng.random() < 0.5:
        line("POINT RELAIS - RETRAIT COLIS", size=6.5)
        line(f"  COLIS N. {rng.randint(10 ** 11, 10 ** 12 - 1)}", size=6.5)
        line(f"  DEPOSE LE {d.before:%d/%m/%y}", size=6.5)
    else:
        end = d.date + dt.timedelta(days=rng.choice([9, 16, 23]))
        line(f"ABONNEMENT PORTAGE N. {rng.randint(4000, 8999)}", size=6.5)
        line(f"  FIN DE VOTRE ABONNEMENT LE {end:%d/%m/%y}", size=6.5)
    line(f"BON -10% PAPETERIE VALABLE JUSQU'AU {d.other:%d/%m/%y}", size=6)
    y -= 3
    line("MERCI ET A BIENTOT", size=8, font="Courier-Bold", center=True)
    line("Ouvert du lundi au samedi 6h30-19h30", size=6, center=True)
    line("dimanche 7h-12h30", size=6, center=True)
    y -= 2
    line(f"NF525 - CAISSE {till} - OP 0{rng.randint(1, 4)} - {d.number} - V4.12", size=5.5, center=True)
    c.save()


def fr_geometre_expert(d, path, rng):
    """A French chartered land surveyor's invoice for a boundary survey, as a letter in a serif font
    with a grey sidebar at the left (the firm's name, trades, address, contacts, registration with
    the professional order, SIRET, VAT number and insurer), the town and long date at the top right,
    the client's address, "FACTURE" and a row of ruled cells (invoice number, file number, the
    client's reference, due date), the subject (the municipality, the cadastral section and plots,
    the place name), the lines (research, notices to the neighbours, survey, the meeting on site
    and its date, the official report, the cadastral document for a division, boundary stones,
    travel) with quantity, unit price and amount, the totals at the right (net, VAT 20 %, total),
    the deposit invoiced earlier and its date deducted with the amount left to pay, the date of
    the service, payment terms and late-payment penalties, and the order's code at the foot."""
    communes = [("Seynod", "Les Grands Prés", "AC"), ("Sévrier", "Le Crêt du Maure", "B"),
                ("Argonay", "Les Teppes", "A"), ("Poisy", "Champ Fleuri", "C"), ("Talloires", "Les Granges", "D")]
    commune, place, section = rng.choice(communes)
    plots = sorted(rng.sample(range(40, 990), rng.choice([1, 2])))
    division = rng.random() < 0.5
    meeting = d.before
    neighbours = rng.randint(2, 5)
    stones = rng.randint(2, 6)
    items = [("Recherches foncières, analyse des titres de propriété et des documents cadastraux", 1,
              rng.choice(["180.00", "240.00"])),
             ("Convocation des propriétaires riverains par lettre recommandée avec AR", neighbours, "22.00"),
             (f"Levé topographique de la propriété (environ {rng.randint(6, 28) * 100} m²)", 1,
              rng.choice(["480.00", "560.00", "690.00"])),
             (f"Réunion contradictoire de bornage sur site le {meeting:%d/%m/%Y}", 1, rng.choice(["420.00", "520.00"])),
             ("Procès-verbal de bornage et de reconnaissance de limites, plan annexé", 1,
              rng.choice(["260.00", "310.00"]))]
    if division:
        items.append(("Document modificatif du parcellaire cadastral (DMPC), dépôt au service du cadastre", 1,
                      rng.choice(["350.00", "390.00"])))
    items.append(("Fourniture et pose de bornes OGE", stones, "42.00"))
    items.append(("Frais de déplacement (forfait zone 2)", 1, "45.00"))
    rows = [(label, qty, Decimal(each), q(qty * Decimal(each))) for label, qty, each in items]
    net_h21(d, {"20": sum(r[3] for r in rows)})
    d.number = f"{d.date:%y%m}-{rng.randint(10, 399):03d}"
    folder = f"{(d.before - dt.timedelta(days=60)):%Y}-{rng.randint(100, 899)}"
    deposit = Decimal(rng.choice([300, 400, 500, 600]))
    dep_date = meeting - dt.timedelta(days=rng.randint(20, 50))
    dep_no = f"{dep_date:%y%m}-{rng.randint(10, 399):03d}"
    client = rng.choice([("Monsieur et Madame Frédéric BURNIER", "145 route des Creuses", "74600 SEYNOD"),
                         ("Madame Anne-Laure DUCRET", "9 chemin des Vignes", "74320 SÉVRIER"),
                         ("SCI LES TEPPES", "Monsieur Paul MOLLIER, gérant", "74370 ARGONAY")])
    c = pen(path, "Times-Roman")
    fill_h21(c, 0, 0, 165, 842, 0.9)
    txt(c, 18, 790, "CABINET", 9, "Times-Roman")
    txt(c, 18, 774, "BRUNET & ROSSET", 13, "Times-Bold")
    txt(c, 18, 760, "Géomètres-Experts associés", 9, "Times-Italic")
    for i, s in enumerate(["Foncier – Bornage", "Topographie – 3D", "Copropriété", "Urbanisme – VRD"]):
        txt(c, 18, 732 - 12 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate(["12 avenue de Genève", "74000 ANNECY", "", "Tél. 04 50 51 27 90",
                           "contact@brunet-rosset-ge.fr", "www.brunet-rosset-ge.fr"]):
        txt(c, 18, 660 - 12 * i, s, 8.5, "Times-Roman")
    for i, s in enumerate(["SELARL au capital de 40 000 €", "inscrite au Tableau de l'Ordre", "des Géomètres-Experts",
                           "sous le n° 2009B200147", "", "RCS Annecy 512 334 870", "SIRET 512 334 870 00029",
                           "TVA FR 63 512334870", "", "Assurance RC professionnelle", "MAF – contrat n° 158 422/B"]):
        txt(c, 18, 200 - 11 * i, s, 7.5, "Times-Roman")
    txt(c, 555, 800, f"Annecy, le {long_date(d.date, 'fr')}", 10.5, "Times-Roman", right=True)
    for i, s in enumerate(client):
        txt(c, 330, 752 - 14 * i, s, 10.5 if i == 0 else 10, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 190, 690, "FACTURE", 22, "Times-Bold")
    cells = [("Facture n°", d.number), ("Dossier n°", folder),
             ("Votre référence", rng.choice(["Vente terrain", "Bornage", f"Devis du {dep_date:%d/%m/%Y}"])),
             ("Échéance", "à réception")]
    x = 190
    for k, v in cells:
        c.rect(x, 640, 91, 30)
        txt(c, x + 4, 660, k, 7.5, "Times-Italic")
        txt(c, x + 4, 646, v, 10, "Times-Bold")
        x += 91
    txt(c, 190, 614, "Objet :", 10, "Times-Bold")
    txt(c, 228, 614, "Bornage contradictoire" + (" et division parcellaire" if division else ""), 10, "Times-Roman")
    txt(c, 228, 601, f"Commune de {commune} – section {section} n° " + " et ".join(str(p) for p in plots)
        + f" – lieu-dit « {place} »", 10, "Times-Roman")
    y = 570
    c.setLineWidth(0.8)
    c.line(190, y + 13, 555, y + 13)
    for x, h, right in [(194, "Désignation", False), (420, "Qté", True), (480, "P.U. HT", True),
                        (552, "Montant HT", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    c.line(190, y - 5, 555, y - 5)
    y -= 8
    for label, qty, each, amount in rows:
        parts = wrap_h21(c, label, "Times-Roman", 9.5, 205)
        y -= 13
        for i, p in enumerate(parts):
            txt(c, 194, y - 11 * i, p, 9.5, "Times-Roman")
        txt(c, 420, y, str(qty), 9.5, right=True)
        txt(c, 480, y, eu(each, " "), 9.5, right=True)
        txt(c, 552, y, eu(amount, " "), 9.5, right=True)
        y -= 11 * (len(parts) - 1) + 3
    c.line(190, y - 6, 555, y - 6)
    y -= 26
    for i, (k, v) in enumerate([("Total HT", eu(d.ht, " ") + " €"), ("TVA 20 %", eu(d.tva, " ") + " €")]):
        txt(c, 390, y - 15 * i, k, 10.5, "Times-Roman")
        txt(c, 552, y - 15 * i, v, 10.5, "Times-Roman", right=True)
    y -= 36
    c.setLineWidth(1.2)
    c.rect(385, y - 6, 170, 20)
    c.setLineWidth(1)
    txt(c, 390, y, "Total TTC", 11.5, "Times-Bold")
    txt(c, 552, y, eu(d.ttc, " ") + " €", 11.5, "Times-Bold", right=True)
    y -= 26
    txt(c, 194, y, f"À déduire : provision facturée le {dep_date:%d/%m/%Y} (facture n° {dep_no}), réglée",
        9.5, "Times-Italic")
    txt(c, 552, y, "- " + eu(deposit, " ") + " €", 9.5, "Times-Italic", right=True)
    y -= 18
    txt(c, 390, y, "Net à payer", 11, "Times-Bold")
    txt(c, 552, y, eu(d.ttc - deposit, " ") + " €", 11, "Times-Bold", right=True)
    y -= 34
    notes = [f"Date de réalisation de la prestation : {meeting:%d/%m/%Y} (réunion sur site), plans et procès-verbal "
             "remis ensuite.",
             "Règlement à réception, par virement : IBAN FR76 1810 6000 1596 4213 7802 411 – BIC AGRIFRPP881, ou par "
             "chèque à l'ordre du Cabinet Brunet & Rosset.",
             "Pas d'escompte pour paiement anticipé. En cas de retard, pénalités au taux de trois fois le taux "
             "d'intérêt légal et, pour les professionnels, indemnité forfaitaire de 40 € pour frais de recouvrement "
             "(art. L. 441-10 et D. 441-5 du code de commerce)."]
    for i, s in enumerate(notes):
        for j, p in enumerate(wrap_h21(c, s, "Times-Roman", 8.5, 360)):
            txt(c, 194, y, p, 8.5, "Times-Roman")
            y -= 10
        y -= 3
    c.setLineWidth(0.4)
    c.line(190, 60, 555, 60)
    for i, s in enumerate(["Profession réglementée – loi n° 46-942 du 7 mai 1946 – code des devoirs professionnels "
                           "(décret n° 96-478 du 31 mai 1996).",
                           "Médiation de la consommation : Médiateur de l'Ordre des géomètres-experts, 40 avenue "
                           "Hoche, 75008 Paris."]):
        txt(c, 190, 50 - 9 * i, s, 6.8, "Times-Roman")
    c.save()


def fr_emballages_avoir(d, path, rng):
    """A French packaging distributor's credit note to a mail-order firm, as an ERP prints it: the
    distributor's name and line of business at the top left, "AVOIR" in a dark box at the right
    with its number, two rows of ruled cells (date, customer code, the customer's VAT number,
    sales representative; invoice credited and its date, delivery note, customer order), the
    delivery and invoicing addresses side by side, the reason, a ruled table (reference,
    description, quantity, unit, net unit price, discount, amount) either for goods sent back or
    for a price wrongly invoiced (quantity times the difference), then the totals in a row of cells
    across the foot (gross, invoice discount, carriage, net, VAT 20 %, total) and a framed amount
    to be deducted, the way it will be settled and the company's registry."""
    cat = [("CAR-SC-3122", "Caisse américaine simple cannelure 310x220x150", "PQT 25", ["11.40", "12.60"]),
           ("CAR-DC-6040", "Caisse double cannelure 600x400x400 brune", "PQT 10", ["18.90", "21.40"]),
           ("FIL-M17-450", "Film étirable manuel 17 µ 450 mm x 300 m", "RLX", ["6.85", "7.40"]),
           ("ADH-PP48-BR", "Ruban adhésif PP 48 mm x 66 m brun silencieux", "CT 36", ["44.50", "49.90"]),
           ("BUL-50-100", "Film à bulles 50 cm x 100 m, 60 g/m²", "RLX", ["23.40", "26.80"]),
           ("CAL-CHIP-500", "Chips de calage polystyrène, sac 500 L", "SAC", ["19.90", "22.50"]),
           ("ETQ-TH-10015", "Étiquettes thermiques 100 x 150, rouleau de 500", "RLX", ["9.80", "11.20"]),
           ("POC-PD-C5", "Pochettes porte-documents C5 « Documents ci-joints », boîte 1000", "BTE", ["34.00", "38.50"])]
    price_error = rng.random() < 0.4
    disc = rng.choice([0, 5, 8, 10])
    rows = []  # (ref, label, qty, unit, each, disc, amount)
    for ref, label, unit, prices in sorted(rng.sample(cat, rng.randint(2, 4)), key=cat.index):
        qty = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20])
        if price_error:
            each = q(Decimal(rng.choice(prices)) * Decimal(rng.choice(["0.08", "0.10", "0.12", "0.15"])))
            label = "Écart de prix – " + label
        else:
            each = Decimal(rng.choice(prices))
        rows.append((ref, label, qty, unit, each, disc, q(qty * each * (100 - disc) / 100)))
    gross = sum(r[6] for r in rows)
    foot = rng.choice([0, 0, 2, 3])
    foot_amount = q(gross * foot / 100)
    carriage = Decimal(rng.choice(["14.50", "18.90"])) if not price_error and rng.random() < 0.4 else Decimal(0)
    net_h21(d, {"20": gross - foot_amount + carriage})
    d.number = f"AV{d.date:%y%m}-{rng.randint(1, 420):04d}"
    sold = d.before - dt.timedelta(days=rng.randint(5, 30))
    inv_no = f"FA{sold:%y%m}-{rng.randint(500, 4999):05d}"
    bl_no = f"BL{rng.randint(100000, 499999)}"
    order = rng.choice(["PO-", "CDE ", "ACH-"]) + str(rng.randint(2000, 9999))
    account = f"C{rng.randint(10000, 39999)}"
    c = pen(path)
    txt(c, 40, 798, "EMBALL'OUEST", 22, "Helvetica-Bold")
    txt(c, 40, 784, "DISTRIBUTION", 10, "Helvetica")
    txt(c, 40, 768, "Emballages, calage et consommables d'expédition", 8.5, "Helvetica-Oblique")
    for i, s in enumerate(["ZA de la Brosse – 3 rue des Artisans", "44800 SAINT-HERBLAIN",
                           "Tél. 02 40 63 18 70 – commandes@emballouest.fr"]):
        txt(c, 40, 752 - 11 * i, s, 8.5, "Helvetica")
    fill_h21(c, 380, 760, 175, 50, 0.2)
    c.setFillGray(1)
    txt(c, 392, 788, "AVOIR", 20, "Helvetica-Bold")
    txt(c, 392, 770, f"N° {d.number}", 11, "Helvetica-Bold")
    c.setFillGray(0)
    grid = [[("Date", f"{d.date:%d/%m/%Y}"), ("Code client", account), ("N° TVA client", rng.choice(
        ["FR 21 830412558", "FR 07 791225004", "FR 54 880934117"])), ("Représentant", rng.choice(["J. Le Goff",
                                                                                                 "S. Bertin"]))],
            [("Facture d'origine", inv_no), ("Du", f"{sold:%d/%m/%Y}"), ("Bon de livraison", bl_no),
             ("Votre commande", order)]]
    for j, row in enumerate(grid):
        x = 40
        for (k, v), wd in zip(row, [110, 110, 150, 145]):
            c.rect(x, 694 - 30 * j, wd, 30)
            txt(c, x + 4, 714 - 30 * j, k, 7, "Helvetica")
            txt(c, x + 4, 700 - 30 * j, v, 9.5, "Helvetica-Bold")
            x += wd
    who = rng.choice([("BOUTIQUE DES LANDES SAS", "Service comptabilité", "12 rue du Port", "40100 DAX"),
                      ("LA MALLE À THÉ SARL", "", "Parc d'activités du Moulin", "85000 LA ROCHE-SUR-YON"),
                      ("CYCLO-PIÈCES.COM SAS", "Entrepôt logistique", "4 allée Newton", "49000 ANGERS")])
    txt(c, 40, 646, "Adresse de livraison", 7.5, "Helvetica-Oblique")
    txt(c, 320, 646, "Adresse de facturation", 7.5, "Helvetica-Oblique")
    yy = 632
    for s in who:
        if s:
            txt(c, 40, yy, s, 9, "Helvetica")
            txt(c, 320, yy, s, 9.5, "Helvetica-Bold" if s == who[0] else "Helvetica")
            yy -= 12
    reason = ("Erreur de tarif sur la facture d'origine : prix contrat non appliqué" if price_error else
              rng.choice(["Retour de marchandise : cartons écrasés à la livraison (réserves sur le bon de transport)",
                          "Retour de marchandise non conforme à la commande",
                          "Reprise de surstock accordée à titre commercial"]))
    txt(c, 40, 578, "Motif : " + reason, 9, "Helvetica-Bold")
    y = 552
    fill_h21(c, 40, y - 5, 515, 17, 0.85)
    for x, h, right in [(44, "Référence", False), (118, "Désignation", False), (365, "Qté", True), (372, "Unité", False),
                        (445, "P.U. net HT", True), (485, "Rem.", True), (551, "Montant HT", True)]:
        txt(c, x, y, h, 8, "Helvetica-Bold", right=right)
    for ref, label, qty, unit, each, dsc, amount in rows:
        parts = wrap_h21(c, label, "Helvetica", 8, 225)
        y -= 15
        txt(c, 44, y, ref, 7.5, "Helvetica")
        for i, p in enumerate(parts):
            txt(c, 118, y - 10 * i, p, 8, "Helvetica")
        txt(c, 365, y, str(qty), 8, right=True)
        txt(c, 372, y, unit, 8)
        txt(c, 445, y, eu(each, " "), 8, right=True)
        txt(c, 485, y, f"{dsc},00 %" if dsc else "", 8, right=True)
        txt(c, 551, y, eu(amount, " "), 8, right=True)
        y -= 10 * (len(parts) - 1)
    if carriage:
        txt(c, 118, y - 22, "Frais de port de la livraison d'origine remboursés : voir ci-dessous.", 8,
            "Helvetica-Oblique")
    c.setLineWidth(0.5)
    c.rect(40, 250, 515, 314)
    top = 214
    cells = [("Total brut HT", eu(gross, " ")), (f"Remise {foot} %" if foot else "Remise", eu(foot_amount, " ")),
             ("Port HT", eu(carriage, " ")), ("Net HT", eu(d.ht, " ")), ("TVA 20,00 %", eu(d.tva, " ")),
             ("Total TTC", eu(d.ttc, " "))]
    x = 40
    for k, v in cells:
        c.rect(x, top, 60, 30)
        txt(c, x + 30 - c.stringWidth(k, "Helvetica", 7) / 2, top + 20, k, 7, "Helvetica")
        txt(c, x + 56, top + 6, v, 9, "Helvetica", right=True)
        x += 60
    c.setLineWidth(1.5)
    c.rect(405, top, 150, 30)
    c.setLineWidth(1)
    txt(c, 410, top + 20, "NET À DÉDUIRE EUR", 8, "Helvetica-Bold")
    txt(c, 550, top + 5, eu(d.ttc, " "), 12, "Helvetica-Bold", right=True)
    settle = rng.choice([f"Cet avoir sera imputé sur votre prochaine échéance du {d.other:%d/%m/%Y}.",
                         f"Remboursement par virement sur votre compte sous 15 jours, au plus tard le {d.other:%d/%m/%Y}."])
    txt(c, 40, top - 22, settle, 8.5, "Helvetica")
    txt(c, 40, top - 34, "Base TVA : " + eu(d.ht, " ") + " € au taux normal de 20 %. Les montants ci-dessus sont "
                         "portés au crédit de votre compte client.", 8.5, "Helvetica")
    for i, s in enumerate(["Tout retour de marchandise doit faire l'objet d'un accord préalable écrit ; les produits "
                           "imprimés ou fabriqués sur mesure ne sont ni repris ni échangés.",
                           "Nos conditions générales de vente s'appliquent à toute commande. Clause de réserve de "
                           "propriété (loi n° 80-335 du 12 mai 1980)."]):
        txt(c, 40, 96 - 9 * i, s, 6.6, "Helvetica")
    c.setLineWidth(0.5)
    c.line(40, 66, 555, 66)
    centre_h21(c, 297, 56, "Emball'Ouest Distribution SAS au capital de 250 000 € – RCS Nantes 419 220 573 – SIRET "
                           "419 220 573 00036 – NAF 4676Z", 6.8, "Helvetica")
    centre_h21(c, 297, 47, "TVA intracommunautaire FR 38 419220573 – IBAN FR76 3000 4008 2800 0104 7715 942 – "
                           "BIC BNPAFRPPXXX", 6.8, "Helvetica")
    c.save()


def en_ie_joinery(d, path, rng):
    """An Irish joinery firm's VAT invoice to a householder, in a serif font: the firm's name at the
    top left and its address, contacts and VAT number at the top right over a heavy rule, "VAT
    INVOICE", the customer and the site at the left and a block at the right (invoice number, the
    date written out, account, quotation and its date, order), a shaded table (quantity,
    description, unit price, VAT rate, net amount) with work fitted in the house at the reduced
    rate of 13.5 % and free-standing furniture at 23 %, the totals at the right with the VAT per
    rate and its base, the deposit paid with the quotation deducted and the balance in a box, the
    note on the two rates, the terms with the due date, bank details and the company's
    registration at the foot."""
    fitted = [("Supply and fit solid oak staircase, 13 treads, newel posts, handrail and spindles", (1, 1),
               ["4850.00", "5620.00"]),
              ("Supply and fit built-in wardrobes, painted MDF carcasses, soft-close hinges", (1, 2),
               ["1980.00", "2640.00"]),
              ("Supply and hang internal oak doors incl. frames, architraves and ironmongery", (3, 8),
               ["385.00", "420.00"]),
              ("Supply and fit oak skirting board 150 mm, ground floor (per lin. m)", (20, 60), ["14.50", "16.80"]),
              ("Sash window overhaul: new cords, parting beads and draught seals (per window)", (2, 6),
               ["165.00", "190.00"]),
              ("Labour: adjustments, scribing and making good (per hour)", (4, 12), ["48.00", "55.00"])]
    loose = [("Free-standing oak dining table 1.8 m, made to order", ["1650.00", "1980.00"]),
             ("Pair of oak benches to match table", ["690.00", "780.00"]),
             ("Solid ash bookcase 2.1 m x 1.2 m, free-standing", ["940.00", "1120.00"]),
             ("Oak hall console table with two drawers", ["520.00", "640.00"])]
    rows = []  # (qty, desc, each, rate, amount)
    for desc, (lo, hi), prices in sorted(rng.sample(fitted, rng.randint(2, 3)), key=fitted.index):
        qty = rng.randint(lo, hi)
        each = Decimal(rng.choice(prices))
        rows.append((qty, desc, each, "13.5", q(qty * each)))
    for desc, prices in rng.sample(loose, rng.randint(1, 2)):
        each = Decimal(rng.choice(prices))
        rows.append((1, desc, each, "23", each))
    base = defaultdict(Decimal)
    for _, _, _, rate, amount in rows:
        base[rate] += amount
    net_h21(d, base)
    d.number = str(rng.randint(2100, 2899))
    quote = d.before - dt.timedelta(days=rng.randint(30, 75))
    quote_no = f"Q-{rng.randint(600, 1299)}"
    deposit = Decimal(int(d.ttc * Decimal("0.25") / 100) * 100)
    account = rng.choice(["MUR", "FIT", "POW", "KEA", "DAL"]) + f"{rng.randint(1, 40):03d}"
    who = rng.choice([("Mr & Mrs D. Murphy", "14 Johnstown Road", "Waterford X91 R2C8"),
                      ("Ms Aoife Fitzgerald", "Ballyhack House, Ballyhack", "New Ross, Co. Wexford Y34 FX60"),
                      ("Mr Ciarán Power", "3 The Orchard, Tramore Road", "Waterford X91 E6P3")])
    c = pen(path, "Times-Roman")
    txt(c, 40, 792, "HENNESSY", 26, "Times-Bold")
    txt(c, 42, 776, "J O I N E R Y   L T D", 10, "Times-Roman")
    txt(c, 42, 762, "Staircases · Doors · Fitted & Free-standing Furniture", 8.5, "Times-Italic")
    for i, s in enumerate(["Unit 4, Kilbarry Business Park", "Dunmore Road, Waterford X91 K2T6",
                           "Tel. 051 855 214  ·  info@hennessyjoinery.ie", "VAT Reg. No. IE 3345678LH"]):
        txt(c, 555, 798 - 12 * i, s, 9, "Times-Roman", right=True)
    c.setLineWidth(2.2)
    c.line(40, 748, 555, 748)
    c.setLineWidth(1)
    txt(c, 40, 718, "VAT INVOICE", 17, "Times-Bold")
    txt(c, 40, 696, "Invoice to:", 9, "Times-Italic")
    for i, s in enumerate(who):
        txt(c, 40, 682 - 13 * i, s, 10.5 if i == 0 else 10, "Times-Bold" if i == 0 else "Times-Roman")
    txt(c, 40, 634, "Site: as above" if rng.random() < 0.6 else f"Site: {rng.choice(['Ard na Gréine', 'Rose Cottage'])}"
                                                                f", Dunmore East, Co. Waterford", 9.5, "Times-Italic")
    date_txt = f"{d.date.day} {MONTH_NAMES['en'][d.date.month - 1]} {d.date.year}"
    block = [("Invoice No.", d.number), ("Invoice Date", date_txt), ("Account", account),
             ("Quotation", f"{quote_no} of {quote:%d/%m/%Y}"),
             ("Your Order", rng.choice(["verbal", "email", f"PO {rng.randint(100, 999)}"]))]
    for i, (k, v) in enumerate(block):
        txt(c, 345, 716 - 15 * i, k, 10, "Times-Roman")
        txt(c, 555, 716 - 15 * i, v, 10, "Times-Bold", right=True)
    y = 598
    fill_h21(c, 40, y - 5, 515, 17, 0.8)
    for x, h, right in [(62, "Qty", True), (72, "Description", False), (440, "Unit Price", True), (482, "VAT", True),
                        (551, "Net €", True)]:
        txt(c, x, y, h, 9.5, "Times-Bold", right=right)
    for qty, desc, each, rate, amount in rows:
        parts = wrap_h21(c, desc, "Times-Roman", 10, 300)
        y -= 17
        txt(c, 62, y, str(qty), 10, "Times-Roman", right=True)
        for i, p in enumerate(parts):
            txt(c, 72, y - 12 * i, p, 10, "Times-Roman")
        txt(c, 440, y, us(each), 10, right=True)
        txt(c, 482, y, f"{rate}%", 10, right=True)
        txt(c, 551, y, us(amount), 10, right=True)
        y -= 12 * (len(parts) - 1)
    c.setLineWidth(0.5)
    c.line(40, y - 10, 555, y - 10)
    y -= 30
    tot = [("Total excl. VAT", "€" + us(d.ht))]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"VAT @ {r}% on €{us(d.base[r])}", "€" + us(d.vat[r])))
    tot.append(("Total VAT", "€" + us(d.tva)))
    for i, (k, v) in enumerate(tot):
        txt(c, 330, y - 15 * i, k, 10, "Times-Roman")
        txt(c, 551, y - 15 * i, v, 10, "Times-Roman", right=True)
    y -= 15 * len(tot) + 4
    c.line(325, y + 11, 555, y + 11)
    txt(c, 330, y, "Total incl. VAT", 11, "Times-Bold")
    txt(c, 551, y, "€" + us(d.ttc), 11, "Times-Bold", right=True)
    y -= 16
    txt(c, 330, y, f"Less deposit received {quote + dt.timedelta(days=rng.randint(1, 9)):%d/%m/%Y}", 10,
        "Times-Italic")
    txt(c, 551, y, "(€" + us(deposit) + ")", 10, "Times-Italic", right=True)
    y -= 26
    c.setLineWidth(1.4)
    c.rect(325, y - 7, 230, 22)
    c.setLineWidth(1)
    txt(c, 332, y, "BALANCE DUE", 11.5, "Times-Bold")
    txt(c, 550, y, "€" + us(d.ttc - deposit), 11.5, "Times-Bold", right=True)
    y -= 44
    due = d.date + dt.timedelta(days=14)
    for i, s in enumerate(["VAT at the reduced rate of 13.5% applies to work on and fixtures installed in the "
                           "customer's home; free-standing furniture is charged",
                           "at the standard rate of 23%.",
                           f"Terms: strictly 14 days from the date of invoice, i.e. by {due:%d/%m/%Y}. Please quote "
                           "the invoice number with your payment.",
                           "Bank: AIB, The Quay, Waterford · IBAN IE29 AIBK 9311 5212 3456 78 · BIC AIBKIE2D",
                           "All timber is FSC certified. Goods remain the property of Hennessy Joinery Ltd until paid "
                           "for in full."]):
        txt(c, 40, y - 12 * i, s, 8.8, "Times-Roman")
    c.setLineWidth(0.4)
    c.line(40, 56, 555, 56)
    centre_h21(c, 297, 46, "Hennessy Joinery Limited · Registered in Ireland, CRO No. 512874 · Registered office: "
                           "Unit 4, Kilbarry Business Park, Waterford", 7, "Times-Roman")
    centre_h21(c, 297, 37, "Directors: Michael Hennessy, Clare Hennessy · Member of the Construction Industry "
                           "Federation", 7, "Times-Roman")
    c.save()


def de_campingplatz(d, path, rng):
    """A German campsite's bill at departure on an A5 page: the site's name, family firm, address
    and contacts centred, the guest's address at the left and a block at the right (bill number,
    date, booking number, pitch, arrival and departure), the lines with quantity, price, VAT rate
    and gross amount: the pitch, adults and children per night and the bread rolls at 7 %,
    electricity from the two meter readings, the dog and the washing tokens at 19 %, the visitor's
    tax outside VAT; the total including VAT, the VAT table per rate (net, VAT, gross), the deposit
    paid with the booking and the card payment at departure, the period of the stay and the tax
    and bank details at the foot."""
    d.date = dt.date(2024, rng.randint(5, 9), rng.randint(1, 28))
    nights = rng.randint(3, 14)
    arrival = d.date - dt.timedelta(days=nights)
    adults = rng.choice([1, 2, 2, 2, 3, 4])
    kids = rng.choice([0, 0, 1, 2])
    pitch = rng.randint(1, 140)
    cat, price = rng.choice([("Komfort", ["19.00", "21.50"]), ("Standard", ["15.50", "16.50"]),
                             ("Seeblick", ["24.00", "26.50"])])
    meter = rng.randint(10000, 89999)
    kwh = nights * rng.randint(2, 8) + rng.randint(0, 5)
    rows = [(f"Stellplatz {cat} Nr. {pitch}", nights, Decimal(rng.choice(price)), "7"),
            (f"Erwachsene ({adults} x {nights} Nächte)", adults * nights, Decimal(rng.choice(["9.50", "10.50"])), "7")]
    if kids:
        rows.append((f"Kinder 6-15 J. ({kids} x {nights} Nächte)", kids * nights, Decimal("5.50"), "7"))
    rows.append((f"Strom: Zähler {meter} - {meter + kwh} = {kwh} kWh", kwh, Decimal(rng.choice(["0.65", "0.69"])),
                 "19"))
    if rng.random() < 0.4:
        rows.append(("Hund", nights, Decimal("3.50"), "19"))
    if rng.random() < 0.6:
        rows.append(("Brötchenservice", rng.randint(nights, nights * 6), Decimal(rng.choice(["0.45", "0.50"])), "7"))
    if rng.random() < 0.5:
        rows.append(("Waschmarken (Waschmaschine/Trockner)", rng.randint(1, 5), Decimal("4.00"), "19"))
    rows.append(("Gästebeitrag Erwachsene", adults * nights, Decimal("2.20"), "0"))
    if kids:
        rows.append(("Gästebeitrag Kinder", kids * nights, Decimal("1.10"), "0"))
    gross = defaultdict(Decimal)
    for _, qty, each, rate in rows:
        gross[rate] += q(qty * each)
    gross_h21(d, gross)
    d.number = f"{d.date:%y}/{rng.randint(100, 2999):05d}"
    booking = f"B-{rng.randint(1000, 9999)}"
    booked = arrival - dt.timedelta(days=rng.randint(20, 150))
    deposit = Decimal(rng.choice([50, 100])) if d.ttc < 250 else Decimal(rng.choice([100, 150, 200]))
    guest = rng.choice([("Herrn", "Markus Weidinger", "Lindenstraße 8", "73728 Esslingen am Neckar"),
                        ("Frau", "Sabine Kohlhaas", "Am Mühlbach 23", "90480 Nürnberg"),
                        ("Familie", "Jansen", "Kerkstraat 41", "NL-6511 KC Nijmegen"),
                        ("Herrn", "Thomas Brändle", "Rheinweg 5", "CH-8200 Schaffhausen")])
    w, h = 420, 595
    c = canvas.Canvas(path, pagesize=(w, h), invariant=1)
    centre_h21(c, w / 2, 560, "Camping am Waldsee", 17, "Helvetica-Bold")
    centre_h21(c, w / 2, 546, "klassifiziert mit 4 Sternen (BVCD) · geöffnet 1. April bis 31. Oktober", 7,
               "Helvetica-Oblique")
    centre_h21(c, w / 2, 535, "Familie Gruber GbR · Seeweg 12 · 88316 Isny im Allgäu · Tel. 07562 91 23 45 · "
                              "info@camping-waldsee-isny.de", 6.5, "Helvetica")
    c.setLineWidth(0.6)
    c.line(30, 528, w - 30, 528)
    txt(c, 30, 508, guest[0], 8.5, "Helvetica")
    txt(c, 30, 497, guest[1], 8.5, "Helvetica")
    txt(c, 30, 486, guest[2], 8.5, "Helvetica")
    txt(c, 30, 475, guest[3], 8.5, "Helvetica")
    block = [("Rechnung Nr.", d.number), ("Datum", f"{d.date:%d.%m.%Y}"), ("Buchungs-Nr.", booking),
             ("Stellplatz", str(pitch)), ("Anreise", f"{arrival:%d.%m.%Y}"), ("Abreise", f"{d.date:%d.%m.%Y}")]
    for i, (k, v) in enumerate(block):
        txt(c, 255, 510 - 11 * i, k, 7.5, "Helvetica")
        txt(c, w - 30, 510 - 11 * i, v, 7.5, "Helvetica-Bold", right=True)
    txt(c, 30, 430, "Rechnung", 13, "Helvetica-Bold")
    y = 408
    c.line(30, y + 10, w - 30, y + 10)
    for x, hd, right in [(30, "Leistung", False), (255, "Menge", True), (305, "Preis", True), (340, "MwSt", True),
                         (w - 30, "Betrag", True)]:
        txt(c, x, y, hd, 7.5, "Helvetica-Bold", right=right)
    c.line(30, y - 4, w - 30, y - 4)
    for label, qty, each, rate in rows:
        y -= 12
        txt(c, 30, y, label, 7.5, "Helvetica")
        txt(c, 255, y, str(qty), 7.5, right=True)
        txt(c, 305, y, eu(each), 7.5, right=True)
        txt(c, 340, y, f"{rate} %" if rate != "0" else "-", 7.5, right=True)
        txt(c, w - 30, y, eu(q(qty * each)), 7.5, right=True)
    c.line(30, y - 6, w - 30, y - 6)
    y -= 20
    txt(c, 200, y, "Gesamtbetrag inkl. MwSt.", 9, "Helvetica-Bold")
    txt(c, w - 30, y, eu(d.ttc) + " €", 9, "Helvetica-Bold", right=True)
    y -= 24
    for x, hd in [(30, "MwSt-Satz"), (215, "Netto"), (265, "MwSt"), (320, "Brutto")]:
        txt(c, x, y, hd, 7, "Helvetica-Bold", right=x != 30)
    for r in sorted(d.base, key=Decimal, reverse=True):
        y -= 10
        txt(c, 30, y, f"{r} %" if r != "0" else "0 % (Gästebeitrag, nicht steuerbar)", 7, "Helvetica")
        txt(c, 215, y, eu(d.base[r]), 7, right=True)
        txt(c, 265, y, eu(d.vat[r]), 7, right=True)
        txt(c, 320, y, eu(d.base[r] + d.vat[r]), 7, right=True)
    y -= 10
    txt(c, 30, y, "Summe", 7, "Helvetica-Bold")
    txt(c, 215, y, eu(d.ht), 7, "Helvetica", right=True)
    txt(c, 265, y, eu(d.tva), 7, right=True)
    txt(c, 320, y, eu(d.ttc), 7, "Helvetica-Bold", right=True)
    y -= 26
    pays = [(f"Anzahlung vom {booked:%d.%m.%Y} (Überweisung)", "-" + eu(deposit) + " €"),
            (f"Bezahlt {rng.choice(['girocard', 'Kreditkarte', 'bar'])} am {d.date:%d.%m.%Y}",
             "-" + eu(d.ttc - deposit) + " €"),
            ("Offener Betrag", "0,00 €")]
    for i, (k, v) in enumerate(pays):
        txt(c, 200, y - 11 * i, k, 7.5, "Helvetica-Bold" if i == 2 else "Helvetica")
        txt(c, w - 30, y - 11 * i, v, 7.5, "Helvetica-Bold" if i == 2 else "Helvetica", right=True)
    y -= 52
    txt(c, 30, y, f"Leistungszeitraum: {arrival:%d.%m.%Y} bis {d.date:%d.%m.%Y} ({nights} Übernachtungen)", 7.5,
        "Helvetica")
    txt(c, 30, y - 10, "Der Gästebeitrag wird im Auftrag der Stadt Isny erhoben und unverändert abgeführt.", 7.5,
        "Helvetica")
    centre_h21(c, w / 2, 58, "Vielen Dank für Ihren Aufenthalt und eine gute Heimreise!", 8, "Helvetica-Oblique")
    c.setLineWidth(0.4)
    c.line(30, 48, w - 30, 48)
    centre_h21(c, w / 2, 39, "Steuernummer 91077/12345 · USt-IdNr. DE287455910 · Inhaber: Josef und Maria Gruber",
               6, "Helvetica")
    centre_h21(c, w / 2, 31, "Sparkasse Allgäu · IBAN DE12 7335 0000 0514 3287 90 · BIC BYLADEM1ALG", 6, "Helvetica")
    c.save()


def nl_evenementenverhuur(d, path, rng):
    """A Dutch party and event rental firm's invoice: the firm's name at the top right with its
    trade, the return address line and the customer at the left, "Factuur" and a block of details
    at the right (invoice number, date, due date, customer number, order number, the event and its
    date, delivery and return dates), a table (article number, description, quantity, price,
    discount, VAT rate, amount) with the hire, transport and breakage at 21 % and ice, soft drinks
    and coffee at 9 %, the totals with the VAT per rate and its base, the down payment deducted and
    the amount still due, the request to pay with the invoice number, the note on the deposit
    returned and the chamber of commerce, VAT and bank numbers at the foot."""
    hire = [("TNT-612", "Partytent 6 x 12 m incl. zijwanden en grondzeil", (1, 1), ["395.00", "445.00"]),
            ("TNT-P45", "Pagodetent 5 x 5 m", (1, 2), ["165.00", "185.00"]),
            ("STA-80", "Statafel Ø 80 cm incl. rok wit", (4, 16), ["9.50", "11.00"]),
            ("STL-KLW", "Klapstoel wit", (20, 120), ["1.75", "1.95"]),
            ("BTS-220", "Biertafelset (tafel + 2 banken)", (3, 15), ["14.00", "15.50"]),
            ("HTR-GAS", "Terrasheater op gas incl. gasfles", (1, 4), ["45.00", "52.50"]),
            ("GLW-LD24", "Glaswerk longdrink (krat à 24)", (2, 10), ["6.50", "7.25"]),
            ("GLW-WN24", "Wijnglazen (krat à 24)", (2, 8), ["7.50", "8.25"]),
            ("KLW-250", "Koelaanhanger 2,5 m incl. stroomkabel", (1, 1), ["125.00", "145.00"]),
            ("DVL-M2", "Dansvloer (per m²)", (12, 48), ["6.50", "7.00"])]
    goods = [("IJS-2KG", "IJsblokjes, zak 2 kg", (5, 30), ["2.25", "2.40"]),
             ("FRS-KRAT", "Frisdrank assortiment, krat 24 x 0,2 L", (2, 8), ["16.50", "17.95"]),
             ("KOF-1KG", "Koffiebonen, 1 kg", (1, 3), ["18.50", "19.75"])]
    korting = rng.choice([0, 0, 5, 10])
    rows = []  # (code, desc, qty, each, disc, rate, amount)
    for code, desc, (lo, hi), prices in sorted(rng.sample(hire, rng.randint(3, 6)), key=hire.index):
        qty = rng.randint(lo, hi)
        each = Decimal(rng.choice(prices))
        rows.append((code, desc, qty, each, korting, "21", q(qty * each * (100 - korting) / 100)))
    for code, desc, (lo, hi), prices in rng.sample(goods, rng.randint(1, 2)):
        qty = rng.randint(lo, hi)
        each = Decimal(rng.choice(prices))
        rows.append((code, desc, qty, each, 0, "9", q(qty * each)))
    zone = rng.randint(1, 3)
    each = Decimal(["135.00", "175.00", "210.00"][zone - 1])
    rows.append(("TRN-Z" + str(zone), f"Transport, op- en afbouw (zone {zone})", 1, each, 0, "21", each))
    if rng.random() < 0.35:
        k = rng.randint(2, 9)
        rows.append(("BRK-GLS", "Breuk / vermissing glaswerk (per stuk)", k, Decimal("2.50"), 0, "21",
                     q(k * Decimal("2.50"))))
    base = defaultdict(Decimal)
    for row in rows:
        base[row[5]] += row[6]
    net_h21(d, base)
    d.number = f"{d.date:%Y}-{rng.randint(100, 1999):04d}"
    event = d.before
    delivered = event - dt.timedelta(days=1)
    returned = event + dt.timedelta(days=1)
    ordered = event - dt.timedelta(days=rng.randint(30, 90))
    due = d.date + dt.timedelta(days=14)
    down = Decimal(int(d.ttc * Decimal("0.3") / 10) * 10)
    customer = f"K{rng.randint(10000, 19999)}"
    order = f"O-{ordered:%y}-{rng.randint(100, 999)}"
    who, what = rng.choice([(("Dhr. R. van Dijk", "Beukenlaan 17", "5271 AB Sint-Michielsgestel"), "Bruiloft"),
                            (("Tennisvereniging De Kaai", "t.a.v. penningmeester", "Sportpark 3",
                              "5211 JE 's-Hertogenbosch"), "Clubtoernooi"),
                            (("Mevr. S. Bosman", "Dorpsstraat 102", "5261 EB Vught"), "Verjaardag 50 jaar"),
                            (("Stichting Buurtfeest Noord", "Kastanjelaan 4", "5482 HK Schijndel"), "Buurtfeest")])
    c = pen(path)
    txt(c, 555, 796, "HENDRIKS", 26, "Helvetica-Bold", right=True)
    txt(c, 555, 780, "feest- & evenementenverhuur", 10, "Helvetica-Oblique", right=True)
    txt(c, 555, 766, "Industrieweg 14 · 5262 GJ Vught · 073 656 21 40 · info@hendriksverhuur.nl", 7.5, "Helvetica",
        right=True)
    c.setLineWidth(3)
    c.line(355, 758, 555, 758)
    c.setLineWidth(1)
    txt(c, 50, 728, "Hendriks Verhuur B.V. · Industrieweg 14 · 5262 GJ Vught", 6.5, "Helvetica")
    c.setLineWidth(0.3)
    c.line(50, 725, 230, 725)
    c.setLineWidth(1)
    for i, s in enumerate(who):
        txt(c, 50, 708 - 13 * i, s, 10, "Helvetica")
    txt(c, 50, 620, "Factuur", 22, "Helvetica-Bold")
    meta = [("Factuurnummer", d.number), ("Factuurdatum", f"{d.date:%d-%m-%Y}"), ("Vervaldatum", f"{due:%d-%m-%Y}"),
            ("Klantnummer", customer), ("Ordernummer", order), ("Evenement", f"{what} {event:%d-%m-%Y}"),
            ("Levering", f"{delivered:%d-%m-%Y}"), ("Retour", f"{returned:%d-%m-%Y}")]
    for i, (k, v) in enumerate(meta):
        txt(c, 345, 718 - 13 * i, k, 8.5, "Helvetica-Bold")
        txt(c, 430, 718 - 13 * i, v, 8.5, "Helvetica")
    y = 585
    c.setLineWidth(0.8)
    c.line(50, y + 12, 555, y + 12)
    for x, hd, right in [(50, "Art.nr.", False), (110, "Omschrijving", False), (360, "Aantal", True),
                         (420, "Prijs", True), (458, "Korting", True), (490, "Btw", True), (555, "Bedrag", True)]:
        txt(c, x, y, hd, 8.5, "Helvetica-Bold", right=right)
    c.line(50, y - 5, 555, y - 5)
    c.setLineWidth(1)
    for code, desc, qty, each, disc, rate, amount in rows:
        y -= 15
        txt(c, 50, y, code, 8, "Helvetica")
        txt(c, 110, y, desc, 8.5, "Helvetica")
        txt(c, 360, y, str(qty), 8.5, right=True)
        txt(c, 420, y, "€ " + eu(each), 8.5, right=True)
        txt(c, 458, y, f"{disc}%" if disc else "", 8.5, right=True)
        txt(c, 490, y, f"{rate}%", 8.5, right=True)
        txt(c, 555, y, "€ " + eu(amount), 8.5, right=True)
    c.setLineWidth(0.5)
    c.line(50, y - 8, 555, y - 8)
    y -= 28
    tot = [("Subtotaal excl. btw", "€ " + eu(d.ht), "Helvetica")]
    for r in sorted(d.base, key=Decimal):
        tot.append((f"Btw {r}% over € {eu(d.base[r])}", "€ " + eu(d.vat[r]), "Helvetica"))
    tot.append(("Totaal btw", "€ " + eu(d.tva), "Helvetica"))
    tot.append(("Totaal incl. btw", "€ " + eu(d.ttc), "Helvetica-Bold"))
    tot.append((f"Aanbetaling d.d. {ordered + dt.timedelta(days=rng.randint(1, 6)):%d-%m-%Y}", "- € " + eu(down),
                "Helvetica"))
    for i, (k, v, f) in enumerate(tot):
        txt(c, 345, y - 15 * i, k, 9.5, f)
        txt(c, 555, y - 15 * i, v, 9.5, f, right=True)
    y -= 15 * len(tot) + 6
    fill_h21(c, 340, y - 6, 215, 20, 0.88)
    txt(c, 345, y, "Nog te voldoen", 10.5, "Helvetica-Bold")
    txt(c, 555 - 4, y, "€ " + eu(d.ttc - down), 10.5, "Helvetica-Bold", right=True)
    y -= 44
    borg = Decimal(rng.choice([100, 150, 250]))
    for i, s in enumerate([f"Wij verzoeken u het bedrag van € {eu(d.ttc - down)} vóór {due:%d-%m-%Y} over te maken op "
                           "NL63 RABO 0312 4567 89 t.n.v. Hendriks Verhuur B.V.,",
                           f"onder vermelding van factuurnummer {d.number}.",
                           f"De borg van € {eu(borg)} is na controle van de retourgoederen op {returned:%d-%m-%Y} aan u "
                           "teruggestort (niet belast met btw).",
                           "Op al onze verhuringen zijn onze algemene verhuurvoorwaarden van toepassing;",
                           "deze zijn gedeponeerd bij de KvK en staan op onze website."]):
        txt(c, 50, y - 12 * i, s, 8.5, "Helvetica")
    fill_h21(c, 0, 0, 595, 40, 0.2)
    c.setFillGray(1)
    centre_h21(c, 297, 22, "Hendriks Verhuur B.V.  |  KvK 17081234  |  Btw NL812345678B01  |  IBAN NL63 RABO 0312 "
                           "4567 89  |  www.hendriksverhuur.nl", 7.5, "Helvetica")
    c.setFillGray(0)
    c.save()


def es_herbolario_ticket(d, path, rng):
    """A Spanish herbalist's simplified invoice on a till roll, in a sans-serif font: the shop's
    name, trades, address, company and tax number centred, "FACTURA SIMPLIFICADA" with its series
    and number, the date and time, till and shop assistant, the articles with quantity, VAT rate
    and amount (books and magazines at 4 %, honey, teas and food supplements at 10 %, essential
    oils, soaps and creams at 21 %), the number of articles, the total with VAT included, the
    payment, the breakdown per rate (base, tax, total), the loyalty card, an offer with its end
    date, the returns policy and the offer of a full invoice on request."""
    books = [("LIBRO PLANTAS MEDICINALES", ["14.90", "18.50"]), ("REVISTA INTEGRAL", ["4.50"]),
             ("LIBRO COCINA VEGANA FACIL", ["19.95"])]
    food = [("MIEL DE ROMERO CRUDA 500G", ["8.90", "9.50"]), ("TE VERDE SENCHA BIO 100G", ["6.20"]),
            ("INFUSION DIGESTIVA 20 FILTROS", ["3.95"]), ("COPOS AVENA SIN GLUTEN 500G", ["3.40"]),
            ("LEVADURA CERVEZA 150 COMP", ["7.50"]), ("MAGNESIO + B6 60 CAPS", ["12.90"]),
            ("JALEA REAL FRESCA 20G", ["11.90"]), ("ESPIRULINA BIO 100 COMP", ["9.80"])]
    cosm = [("ACEITE ESENCIAL LAVANDA 10ML", ["7.95"]), ("CREMA DE CALENDULA 50ML", ["9.50"]),
            ("JABON ACEITE DE OLIVA", ["3.20"]), ("CHAMPU SOLIDO ORTIGA", ["8.90"]),
            ("DESODORANTE PIEDRA ALUMBRE", ["6.50"]), ("ACEITE ROSA MOSQUETA 30ML", ["12.50"])]
    rows = []  # (qty, name, each, rate)
    for name, prices in rng.sample(food, rng.randint(1, 3)):
        rows.append((rng.choice([1, 1, 2]), name, Decimal(rng.choice(prices)), "10"))
    for name, prices in rng.sample(cosm, rng.randint(1, 2)):
        rows.append((rng.choice([1, 1, 1, 2]), name, Decimal(rng.choice(prices)), "21"))
    if rng.random() < 0.45:
        name, prices = rng.choice(books)
        rows.append((1, name, Decimal(rng.choice(prices)), "4"))
    rng.shuffle(rows)
    gross = defaultdict(Decimal)
    for qty, _, each, rate in rows:
        gross[rate] += qty * each
    gross_h21(d, gross)
    till = rng.randint(1, 2)
    d.number = f"T{till}-{d.date:%y}/{rng.randint(1, 9999):06d}"
    hh, mm = rng.randint(9, 20), rng.randint(0, 59)
    w = 198
    height = 400 + 11 * len(rows) + 9 * sum(1 for r in rows if r[0] > 1) + 10 * len(d.base)
    c = canvas.Canvas(path, pagesize=(w, height), invariant=1)
    y = height - 22

    def line(s, right=None, size=7, font="Helvetica", center=False, mid=None):
        nonlocal y
        if center:
            centre_h21(c, w / 2, y, s, size, font)
        else:
            txt(c, 9, y, s, size, font)
        if mid is not None:
            txt(c, 153, y, mid, size, font, right=True)
        if right is not None:
            txt(c, w - 9, y, right, size, font, right=True)
        y -= size + 3

    line("HERBOLARIO", size=7, font="Helvetica", center=True)
    y -= 7
    line("El Romero", size=15, font="Helvetica-Bold", center=True)
    line("Dietética · Cosmética natural · Libros", size=6.5, font="Helvetica-Oblique", center=True)
    for s in ["C/ San Antón, 41 · 18005 Granada", "Tel. 958 25 36 14", "Herboristería Romero Sánchez, S.L.",
              "NIF B18765432"]:
        line(s, size=6.5, center=True)
    y -= 4
    line("FACTURA SIMPLIFICADA", size=8.5, font="Helvetica-Bold", center=True)
    line(f"Nº {d.number}", size=7.5, font="Helvetica-Bold", center=True)
    y -= 2
    line(f"Fecha: {d.date:%d/%m/%Y}", f"Hora: {hh:02d}:{mm:02d}")
    line(f"Caja: {till}", f"Le atendió: {rng.choice(['LUCÍA', 'ANTONIO', 'MARÍA JOSÉ', 'PILAR'])}")
    c.setLineWidth(0.5)
    c.line(9, y + 5, w - 9, y + 5)
    y -= 3
    line("UDS  DESCRIPCIÓN", "IMPORTE", size=6.5, font="Helvetica-Bold", mid="IVA")
    for qty, name, each, rate in rows:
        line(f"{qty}    {name}", eu(qty * each), size=6.3, mid=f"{rate}%")
        if qty > 1:
            line(f"       {qty} x {eu(each)}", size=6)
    c.line(9, y + 5, w - 9, y + 5)
    y -= 3
    line(f"Total artículos: {sum(r[0] for r in rows)}", size=6.5)
    y -= 2
    line("TOTAL (IVA incluido)", eu(d.ttc) + " €", size=10, font="Helvetica-Bold")
    y -= 2
    if rng.random() < 0.5:
        given = Decimal((int(d.ttc) // 10 + 1) * 10)
        line("Entregado", eu(given))
        line("Cambio", eu(given - d.ttc))
    else:
        line("Tarjeta", eu(d.ttc))
        line(f"  VISA ****{rng.randint(1000, 9999)}  Op. {rng.randint(100000, 999999)}", size=6)
    c.line(9, y + 5, w - 9, y + 5)
    y -= 3
    for x, hd in [(9, "TIPO IVA"), (95, "BASE IMP."), (140, "CUOTA"), (w - 9, "TOTAL")]:
        txt(c, x, y, hd, 6.5, "Helvetica-Bold", right=x != 9)
    y -= 9.5
    for r in sorted(d.base, key=Decimal):
        txt(c, 9, y, f"{r},00 %", 6.5, "Helvetica")
        txt(c, 95, y, eu(d.base[r]), 6.5, right=True)
        txt(c, 140, y, eu(d.vat[r]), 6.5, right=True)
        txt(c, w - 9, y, eu(d.base[r] + d.vat[r]), 6.5, right=True)
        y -= 9.5
    txt(c, 9, y, "TOTAL", 6.5, "Helvetica-Bold")
    txt(c, 95, y, eu(d.ht), 6.5, right=True)
    txt(c, 140, y, eu(d.tva), 6.5, right=True)
    txt(c, w - 9, y, eu(d.ttc), 6.5, right=True)
    y -= 16
    pts = int(d.ttc)
    line(f"Tarjeta cliente Nº 0045 {rng.randint(1000, 9999)}", size=6.5)
    line(f"Puntos esta compra: {pts} · Saldo: {pts + rng.randint(20, 400)}", size=6.5)
    line(f"PROMO 3x2 en infusiones hasta el {d.other:%d/%m/%Y}", size=6.5, font="Helvetica-Bold")
    y -= 3
    for s in ["Cambios y devoluciones en 15 días con este ticket", "(excepto cosmética abierta y alimentación).",
              "Si necesita factura completa, solicítela en caja.", "GRACIAS POR SU VISITA"]:
        line(s, size=6.2, center=True)
    c.save()


def eom_h21(day, months=0):
    """The last day of the month `months` after the one of `day`."""
    y, m = day.year, day.month + months + 1
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def it_frantoio(d, path, rng):
    """An Italian olive mill's invoice to a delicatessen, as the courtesy copy of an e-invoice: the
    mill's name and trades at the top left with its address and VAT number, the customer in a box
    at the right with its VAT number and recipient code, two rows of ruled cells (document type,
    number, date, customer code, page; delivery note and its date, the customer's order and its
    date, payment terms, bank), a table (code, description, unit, quantity, price, discount,
    amount, VAT rate) with extra-virgin oil at 4 % (each with its lot and best-before date),
    olives and preserves at 10 % and gift boxes, oil cruets and bags at 22 %, the VAT summary per
    rate at the left, the totals at the right, the instalment due at the end of the month, and the
    notes on the electronic original, packaging levy and late interest."""
    oil = [("EVO-L5", "Olio extravergine di oliva 100% italiano, latta 5 L", ["42.00", "46.50"], (4, 20)),
           ("EVO-B75", "Olio EVO Coratina monocultivar, bottiglia 0,75 L", ["9.80", "11.20"], (12, 60)),
           ("DOP-B50", "Olio EVO DOP Terra di Bari Castel del Monte, bott. 0,50 L", ["10.50", "12.00"], (12, 48)),
           ("EVO-BIB3", "Olio extravergine di oliva, bag-in-box 3 L", ["27.00", "29.50"], (4, 16))]
    preserves = [("OLV-BEL580", "Olive Bella di Cerignola in salamoia, vaso 580 g", ["5.40", "6.10"]),
                 ("PAT-OLN180", "Patè di olive nere, vaso 180 g", ["3.60", "3.95"]),
                 ("CAR-SO280", "Carciofini sott'olio extravergine, vaso 280 g", ["6.20", "6.90"]),
                 ("POM-SEC200", "Pomodori secchi sott'olio, vaso 200 g", ["4.40", "4.90"])]
    gifts = [("CFZ-LEG2", "Cofanetto regalo in legno per 2 bottiglie (vuoto)", ["6.50", "7.80"]),
             ("OLR-CER", "Oliera in ceramica dipinta a mano", ["12.00", "14.50"]),
             ("SHP-JUT", "Shopper in juta con logo frantoio", ["1.80", "2.10"])]
    rows = []  # (code, desc, qty, each, disc, rate, amount, lot)
    sc = rng.choice([0, 5, 10])
    for code, desc, prices, (lo, hi) in sorted(rng.sample(oil, rng.randint(1, 3)), key=oil.index):
        qty = rng.randint(lo, hi)
        each = Decimal(rng.choice(prices))
        lot = (f"L23{rng.randint(305, 365)}-{rng.randint(1, 4)}", eom_h21(dt.date(2025, rng.choice([6, 9, 12]), 1)))
        rows.append((code, desc, qty, each, sc, "4", q(qty * each * (100 - sc) / 100), lot))
    for code, desc, prices in rng.sample(preserves, rng.randint(1, 2)):
        qty = rng.choice([6, 12, 12, 24])
        each = Decimal(rng.choice(prices))
        rows.append((code, desc, qty, each, 0, "10", q(qty * each), None))
    if rng.random() < 0.7:
        code, desc, prices = rng.choice(gifts)
        qty = rng.choice([5, 10, 20])
        each = Decimal(rng.choice(prices))
        rows.append((code, desc, qty, each, 0, "22", q(qty * each), None))
    base = defaultdict(Decimal)
    for row in rows:
        base[row[5]] += row[6]
    net_h21(d, base)
    d.number = f"{rng.randint(90, 480)}/A"
    ddt_date = d.before
    ddt_no = str(rng.randint(150, 700))
    order_date = ddt_date - dt.timedelta(days=rng.randint(3, 12))
    order_no = str(rng.randint(20, 140))
    due = eom_h21(d.date, 2)
    customer = f"C{rng.randint(100, 999):04d}"
    who = rng.choice([("Gastronomia Il Pozzo di Marchetti Luca", "Via Emilia, 120", "40026 Imola (BO)", "03412870372",
                       "M5UXCR1"),
                      ("Enoteca Bacco & Tabacco S.r.l.", "Corso Vittorio Emanuele II, 48", "10123 Torino (TO)",
                       "11287340016", "KRRH6B9"),
                      ("Bottega Sapori del Sud S.n.c.", "Via Roma, 7", "20121 Milano (MI)", "09814520963",
                       "0000000")])
    c = pen(path)
    txt(c, 40, 806, "FRANTOIO OLEARIO", 9, "Helvetica")
    txt(c, 40, 786, "LOMBARDI", 24, "Times-Bold")
    txt(c, 40, 772, "dal 1921 · olio extravergine di oliva · molitura conto terzi · vendita diretta", 7.5,
        "Times-Italic")
    for i, s in enumerate(["Contrada Santa Lucia, 14 · 76123 Andria (BT)", "Tel. 0883 551 204 · info@frantoiolombardi.it",
                           "P.IVA e C.F. 05123470725 · REA BA-398712", "PEC frantoiolombardi@pec.it"]):
        txt(c, 40, 756 - 10 * i, s, 7.5, "Helvetica")
    c.rect(320, 710, 235, 95)
    txt(c, 326, 794, "Spett.le", 7.5, "Helvetica-Oblique")
    for i, s in enumerate(who[:3]):
        txt(c, 326, 780 - 12 * i, s, 9.5 if i == 0 else 9, "Helvetica-Bold" if i == 0 else "Helvetica")
    txt(c, 326, 730, f"P.IVA {who[3]}", 8, "Helvetica")
    txt(c, 326, 719, f"Codice destinatario SdI: {who[4]}", 8, "Helvetica")
    grid = [[("Tipo documento", "TD01 Fattura", 125), ("Numero", d.number, 80), ("Data", f"{d.date:%d/%m/%Y}", 85),
             ("Codice cliente", customer, 85), ("Pagina", "1 di 1", 140)],
            [("Documento di trasporto", f"DDT n. {ddt_no} del {ddt_date:%d/%m/%Y}", 165),
             ("Vs. ordine", f"n. {order_no} del {order_date:%d/%m/%Y}", 125),
             ("Pagamento", "RiBa 60 gg d.f.f.m.", 105), ("Banca d'appoggio", "BCC di Andria", 120)]]
    for j, row in enumerate(grid):
        x = 40
        for k, v, wd in row:
            c.rect(x, 664 - 28 * j, wd, 28)
            txt(c, x + 3, 682 - 28 * j, k, 6.5, "Helvetica")
            txt(c, x + 3, 669 - 28 * j, v, 8.5, "Helvetica-Bold")
            x += wd
    y = 612
    fill_h21(c, 40, y - 5, 515, 16, 0.85)
    for x, hd, right in [(43, "Codice", False), (100, "Descrizione", False), (342, "U.M.", False), (390, "Q.tà", True),
                         (440, "Prezzo", True), (470, "Sc.%", True), (528, "Importo", True), (552, "IVA", True)]:
        txt(c, x, y, hd, 7.5, "Helvetica-Bold", right=right)
    for code, desc, qty, each, disc, rate, amount, lot in rows:
        y -= 14
        txt(c, 43, y, code, 7, "Helvetica")
        txt(c, 100, y, desc, 7.5, "Helvetica")
        txt(c, 342, y, "PZ", 7.5)
        txt(c, 390, y, f"{qty},00", 7.5, right=True)
        txt(c, 440, y, eu(each), 7.5, right=True)
        txt(c, 470, y, f"{disc},00" if disc else "", 7.5, right=True)
        txt(c, 528, y, eu(amount), 7.5, right=True)
        txt(c, 552, y, rate, 7.5, right=True)
        if lot:
            y -= 9
            txt(c, 108, y, f"Lotto {lot[0]} · campagna olearia 2023/2024 · da consumarsi preferibilmente entro il "
                           f"{lot[1]:%d/%m/%Y}", 6.3, "Helvetica-Oblique")
    c.setLineWidth(0.5)
    c.rect(40, y - 10, 515, 633 - y)
    top = y - 40
    txt(c, 40, top, "RIEPILOGO IVA", 7.5, "Helvetica-Bold")
    for x, hd in [(40, "Aliquota"), (90, "Descrizione"), (230, "Imponibile"), (290, "Imposta"), (315, "Esig.")]:
        txt(c, x, top - 12, hd, 7, "Helvetica-Bold", right=x in (230, 290))
    label = {"4": "Tab. A p. II (olio)", "10": "Tab. A p. III", "22": "Aliquota ordinaria"}
    yy = top - 12
    for r in sorted(d.base, key=Decimal):
        yy -= 11
        txt(c, 40, yy, f"{r},00 %", 7.5, "Helvetica")
        txt(c, 90, yy, label[r], 7.5, "Helvetica")
        txt(c, 230, yy, eu(d.base[r]), 7.5, right=True)
        txt(c, 290, yy, eu(d.vat[r]), 7.5, right=True)
        txt(c, 315, yy, "I", 7.5)
    tot = [("Totale imponibile", eu(d.ht)), ("Totale IVA", eu(d.tva))]
    for i, (k, v) in enumerate(tot):
        txt(c, 380, top - 14 * i, k, 8.5, "Helvetica")
        txt(c, 552, top - 14 * i, v, 8.5, "Helvetica", right=True)
    c.setLineWidth(1.2)
    c.rect(375, top - 48, 180, 20)
    c.setLineWidth(1)
    txt(c, 380, top - 41, "TOTALE DOCUMENTO €", 9, "Helvetica-Bold")
    txt(c, 552, top - 41, eu(d.ttc), 10, "Courier-Bold", right=True)
    yd = min(yy, top - 48) - 30
    txt(c, 40, yd, "SCADENZE", 7.5, "Helvetica-Bold")
    txt(c, 40, yd - 12, f"RiBa n. 1 scadenza {due:%d/%m/%Y}", 8, "Helvetica")
    txt(c, 300, yd - 12, "€ " + eu(d.ttc), 8, "Helvetica", right=True)
    txt(c, 40, yd - 24, "Appoggio: BCC di Andria – ABI 08460 CAB 41340", 8, "Helvetica")
    for i, s in enumerate(["Copia di cortesia: l'originale della fattura elettronica è stato trasmesso tramite il "
                           "Sistema di Interscambio ed è disponibile nella Sua area riservata.",
                           "Contributo ambientale CONAI assolto ove dovuto. Olio extravergine di oliva: categoria "
                           "superiore ottenuta direttamente dalle olive e unicamente mediante procedimenti meccanici.",
                           "In caso di ritardato pagamento saranno applicati gli interessi di mora ai sensi del D.Lgs. "
                           "231/2002. Foro competente: Trani."]):
        txt(c, 40, 84 - 9 * i, s, 6.3, "Helvetica")
    c.setLineWidth(0.4)
    c.line(40, 52, 555, 52)
    centre_h21(c, 297, 43, "Frantoio Oleario Lombardi S.r.l. · capitale sociale € 50.000 i.v. · Reg. Imprese di Bari "
                           "05123470725 · IBAN IT 60 X 08460 41340 000000123456", 6.5, "Helvetica")
    c.save()


def fmt_rate(d):
    r = next(iter(d.base))
    s = str(r)
    return s.replace(".", ",") if LANG_OF.get("cur") != "en" else s


LANG_OF = {}
LAYOUTS = {
    "fr-box": (fr_box, ["20"], "invoice"), "en-us": (en_us, ["10"], "invoice"),
    "de-classic": (de_classic, ["19"], "invoice"), "nl-table": (nl_table, ["21"], "invoice"),
    "es-sidebar": (es_sidebar, ["21"], "invoice"), "it-footer": (it_footer, ["22"], "invoice"),
    "fr-multirate": (fr_multirate, ["20", "5.5"], "invoice"),
    "de-credit-stacked": (de_credit_stacked, ["19"], "credit-note"), "en-receipt": (en_receipt, ["20"], "receipt"),
    "fr-avoir": (fr_avoir, ["20"], "credit-note"), "nl-kassabon": (nl_kassabon, ["9"], "receipt"),
    "en-credit": (en_credit, ["20"], "credit-note"),
    "de-two-rates": (de_two_rates, ["19", "7"], "invoice"), "fr-shipping": (fr_shipping, ["20"], "invoice"),
    "en-fr-supplier": (en_fr_supplier, ["20"], "invoice"),
    "de-en16931": (de_en16931, ["19", "7"], "invoice"), "nl-verlegd": (nl_verlegd, ["0"], "invoice"),
    "es-simplificada": (es_simplificada, ["21"], "receipt"), "fr-facturx": (fr_facturx, ["20"], "invoice"),
    "de-gutschrift-box": (de_gutschrift_box, ["19", "7"], "credit-note"),
    "en-us-tax": (en_us_tax, ["8.875"], "invoice"), "es-columnas": (es_columnas, ["21"], "invoice"),
    "fr-avoir-net": (fr_avoir_net, ["20", "10"], "credit-note"), "en-eu-reverse": (en_eu_reverse, ["0"], "invoice"),
    "de-kopftabelle": (de_kopftabelle, ["19"], "invoice"), "de-datum": (de_datum, ["19"], "invoice"),
    "de-brief": (de_brief, ["19"], "invoice"), "fr-lettre": (fr_lettre, ["20"], "invoice"),
    "en-long": (en_long, ["20"], "invoice"), "nl-lang": (nl_lang, ["9"], "invoice"),
    "es-largo": (es_largo, ["21"], "invoice"), "it-lungo": (it_lungo, ["22"], "invoice"),
    "fr-seule": (fr_seule, ["10"], "invoice"), "en-us-proof": (en_us_proof, ["20"], "invoice"),
    "de-spalten": (de_spalten, ["19"], "invoice"), "it-lettera": (it_lettera, ["22"], "invoice"),
    "es-cabecera": (es_cabecera, ["21"], "invoice"), "en-uk-ordinal": (en_uk_ordinal, ["20"], "invoice"),
    "nl-kop": (nl_kop, ["21"], "invoice"), "de-spalten-links": (de_spalten_links, ["19"], "invoice"),
    "it-intestazione": (it_intestazione, ["22"], "invoice"),
    "de-zugferd-brief": (de_zugferd_brief, ["19", "7"], "invoice"),
    "de-en16931-ansicht": (de_en16931_ansicht, ["19", "7"], "invoice"),
    "en-en16931": (en_en16931, ["19", "7"], "invoice"),
    "de-kopf-rabatt": (de_kopf_rabatt, ["19", "7"], "invoice"),
    "de-steuertabelle": (de_steuertabelle, ["19", "7"], "invoice"),
    # Added after the held-out layouts above, so that their documents stay as first drawn.
    "de-dienstleistung": (de_dienstleistung, ["19"], "invoice"),
    # HELD_OUT_5 (session 10): appended last so that every earlier document stays as first drawn
    "fr-periode-encadre": (fr_periode_encadre, ["20", "10"], "invoice"),
    "fr-ticket-caisse": (fr_ticket_caisse, ["5.5", "20"], "receipt"),
    "en-us-billto": (en_us_billto, ["8.25"], "invoice"),
    "de-summenzeile": (de_summenzeile, ["19", "7"], "invoice"),
    "nl-zijbalk": (nl_zijbalk, ["21", "9"], "invoice"),
    "es-banda-pie": (es_banda_pie, ["21", "10"], "invoice"),
    "it-riepilogo": (it_riepilogo, ["22", "10"], "invoice"),
    # HELD_OUT_6 (session 10): appended last so that every earlier document stays as first drawn
    "fr-acompte-chantier": (fr_acompte_chantier, ["10", "20"], "invoice"),
    "fr-abonnement": (fr_abonnement, ["20"], "invoice"),
    "fr-avoir-ref": (fr_avoir_ref, ["5.5", "20"], "credit-note"),
    "en-gb-taxpoint": (en_gb_taxpoint, ["20"], "invoice"),
    "de-handwerk-lohn": (de_handwerk_lohn, ["19"], "invoice"),
    "nl-fietsherstel": (nl_fietsherstel, ["21", "9"], "invoice"),
    "es-hotel-folio": (es_hotel_folio, ["10", "21"], "invoice"),
    "it-impianti": (it_impianti, ["22", "10"], "invoice"),
    # HELD_OUT_7 (session 10): appended last so that every earlier document stays as first drawn
    "fr-note-honoraires": (fr_note_honoraires, ["20"], "invoice"),
    "fr-pharmacie": (fr_pharmacie, ["10", "20"], "receipt"),
    "fr-imprimerie": (fr_imprimerie, ["5.5", "20"], "invoice"),
    "en-gb-freelance": (en_gb_freelance, ["20"], "invoice"),
    "de-mobilfunk": (de_mobilfunk, ["19"], "invoice"),
    "nl-creditnota": (nl_creditnota, ["9", "21"], "credit-note"),
    "es-alquiler": (es_alquiler, ["21"], "invoice"),
    "it-officina": (it_officina, ["22"], "invoice"),
    # HELD_OUT_8 (session 10): appended last so that every earlier document stays as first drawn
    "fr-station-carburant": (fr_station_carburant, ["20"], "receipt"),
    "fr-energie": (fr_energie, ["5.5", "20"], "invoice"),
    "fr-avoir-jardinerie": (fr_avoir_jardinerie, ["10", "20"], "credit-note"),
    "en-gb-cleaning": (en_gb_cleaning, ["20"], "invoice"),
    "de-zahnlabor": (de_zahnlabor, ["7", "19"], "invoice"),
    "nl-bloemist": (nl_bloemist, ["9", "21"], "invoice"),
    "es-restaurante": (es_restaurante, ["10"], "invoice"),
    "it-traslochi": (it_traslochi, ["22"], "invoice"),
    # HELD_OUT_9 (session 11): appended last so that every earlier document stays as first drawn
    "fr-grossiste-boissons": (fr_grossiste_boissons, ["5.5", "20"], "invoice"),
    "fr-organisme-formation": (fr_organisme_formation, ["0"], "invoice"),
    "fr-parking-recu": (fr_parking_recu, ["20"], "receipt"),
    "en-gb-it-credit": (en_gb_it_credit, ["20"], "credit-note"),
    "de-hotel-rechnung": (de_hotel_rechnung, ["7", "19"], "invoice"),
    "nl-webshop": (nl_webshop, ["9", "21"], "invoice"),
    "es-autonomo-irpf": (es_autonomo_irpf, ["21"], "invoice"),
    "it-autotrasporti": (it_autotrasporti, ["22"], "invoice"),
    # HELD_OUT_10 (session 11): appended last so that every earlier document stays as first drawn
    "fr-viennoiserie-chr": (fr_viennoiserie_chr, ["5.5", "20"], "invoice"),
    "fr-saas-minimal": (fr_saas_minimal, ["20"], "invoice"),
    "fr-avoir-telesurveillance": (fr_avoir_telesurveillance, ["20"], "credit-note"),
    "en-ie-it-consulting": (en_ie_it_consulting, ["23"], "invoice"),
    "de-stb-gebuehren": (de_stb_gebuehren, ["19"], "invoice"),
    "nl-supermarkt-bon": (nl_supermarkt_bon, ["9", "21"], "receipt"),
    "es-ferreteria-albaran": (es_ferreteria_albaran, ["21"], "invoice"),
    "it-grossista-alimentari": (it_grossista_alimentari, ["4", "10", "22"], "invoice"),
    # HELD_OUT_11 (session 11): appended last so that every earlier document stays as first drawn
    "fr-clinique-veterinaire": (fr_clinique_veterinaire, ["20"], "invoice"),
    "fr-architecte-honoraires": (fr_architecte_honoraires, ["20"], "invoice"),
    "fr-avoir-cooperative-agricole": (fr_avoir_cooperative_agricole, ["10", "20"], "credit-note"),
    "en-gb-trade-counter": (en_gb_trade_counter, ["20"], "receipt"),
    "de-elektro-grosshandel": (de_elektro_grosshandel, ["19"], "invoice"),
    "nl-accountantskantoor": (nl_accountantskantoor, ["21"], "invoice"),
    "es-optica": (es_optica, ["10", "21"], "invoice"),
    "it-studio-legale": (it_studio_legale, ["22"], "invoice"),
    # HELD_OUT_12 (session 11): appended last so that every earlier document stays as first drawn
    "fr-photographe-auteur": (fr_photographe_auteur, ["20", "10"], "invoice"),
    "fr-traiteur-avoir": (fr_traiteur_avoir, ["10", "20"], "credit-note"),
    "fr-librairie-ticket": (fr_librairie_ticket, ["5.5", "20"], "receipt"),
    "en-gb-recruitment": (en_gb_recruitment, ["20"], "invoice"),
    "de-apotheke-kassenbon": (de_apotheke_kassenbon, ["19", "7"], "receipt"),
    "nl-autobedrijf": (nl_autobedrijf, ["21"], "invoice"),
    "es-clinica-veterinaria": (es_clinica_veterinaria, ["21", "10"], "invoice"),
    "it-ferramenta-nota-credito": (it_ferramenta_nota_credito, ["22"], "credit-note"),
    # HELD_OUT_13 (session 12): appended last so that every earlier document stays as first drawn
    "fr-boucherie-ticket": (fr_boucherie_ticket, ["5.5", "20"], "receipt"),
    "fr-electromenager-avoir": (fr_electromenager_avoir, ["20"], "credit-note"),
    "fr-location-materiel": (fr_location_materiel, ["20"], "invoice"),
    "en-gb-catering-supplier": (en_gb_catering_supplier, ["0", "20"], "invoice"),
    "de-gartenbau": (de_gartenbau, ["19", "7"], "invoice"),
    "nl-kapsalon": (nl_kapsalon, ["9", "21"], "receipt"),
    "es-fontaneria": (es_fontaneria, ["10", "21"], "invoice"),
    "it-agriturismo": (it_agriturismo, ["10", "22"], "invoice"),
    # HELD_OUT_14 (session 12): appended after HELD_OUT_13 so that every earlier document stays as first drawn
    "fr-plomberie-chauffage": (fr_plomberie_chauffage, ["10", "5.5"], "invoice"),
    "fr-poissonnerie-ticket": (fr_poissonnerie_ticket, ["5.5", "20"], "receipt"),
    "fr-materiel-medical-avoir": (fr_materiel_medical_avoir, ["5.5", "20"], "credit-note"),
    "en-uk-plant-hire": (en_uk_plant_hire, ["20"], "invoice"),
    "de-schornsteinfeger": (de_schornsteinfeger, ["19"], "invoice"),
    "nl-schildersbedrijf": (nl_schildersbedrijf, ["9", "21"], "invoice"),
    "es-reformas": (es_reformas, ["10", "21"], "invoice"),
    "it-manutenzione-ascensori": (it_manutenzione_ascensori, ["10", "22"], "invoice"),
    # HELD_OUT_15 (session 12): appended after HELD_OUT_14 so that every earlier document stays as first drawn
    "fr-auto-ecole": (fr_auto_ecole, ["20", "5.5"], "invoice"),
    "fr-blanchisserie-ticket": (fr_blanchisserie_ticket, ["20"], "receipt"),
    "fr-cuisiniste-avoir": (fr_cuisiniste_avoir, ["20", "10"], "credit-note"),
    "en-gb-courier": (en_gb_courier, ["20", "0"], "invoice"),
    "de-kaffeeroesterei": (de_kaffeeroesterei, ["7", "19"], "invoice"),
    "nl-busvervoer": (nl_busvervoer, ["9"], "invoice"),
    "es-cerrajeria": (es_cerrajeria, ["21"], "invoice"),
    "it-caseificio": (it_caseificio, ["4", "22"], "invoice"),
    # HELD_OUT_16 (session 12): appended after HELD_OUT_15 so that every earlier document stays as first drawn
    "fr-pneumatiques-avoir": (fr_pneumatiques_avoir, ["20"], "credit-note"),
    "fr-taxi-note": (fr_taxi_note, ["10"], "receipt"),
    "fr-vitrerie": (fr_vitrerie, ["10", "20"], "invoice"),
    "en-ie-waste-collection": (en_ie_waste_collection, ["13.5", "23"], "invoice"),
    "de-weinhandlung": (de_weinhandlung, ["19", "7"], "invoice"),
    "nl-slijterij-bon": (nl_slijterij_bon, ["21", "9"], "receipt"),
    "es-papeleria": (es_papeleria, ["4", "21"], "invoice"),
    "it-pastificio": (it_pastificio, ["4", "10", "22"], "invoice"),
    # HELD_OUT_17 (session 13): appended after HELD_OUT_16 so that every earlier document stays as first drawn
    "fr-chocolatier-ticket": (fr_chocolatier_ticket, ["5.5", "20"], "receipt"),
    "fr-diagnostic-immobilier": (fr_diagnostic_immobilier, ["20"], "invoice"),
    "fr-ameublement-avoir": (fr_ameublement_avoir, ["20"], "credit-note"),
    "en-gb-boatyard": (en_gb_boatyard, ["20"], "invoice"),
    "de-kfz-sachverstaendiger": (de_kfz_sachverstaendiger, ["19"], "invoice"),
    "nl-dakdekker": (nl_dakdekker, ["21"], "invoice"),
    "es-heladeria": (es_heladeria, ["10"], "receipt"),
    "it-autonoleggio": (it_autonoleggio, ["22"], "invoice"),
    # HELD_OUT_18 (session 13): appended after HELD_OUT_17 so that every earlier document stays as first drawn
    "fr-theatre-billetterie": (fr_theatre_billetterie, ["5.5", "10", "20"], "receipt"),
    "fr-salle-reception": (fr_salle_reception, ["10", "20"], "invoice"),
    "fr-pisciniste-avoir": (fr_pisciniste_avoir, ["20"], "credit-note"),
    "en-uk-scaffolding": (en_uk_scaffolding, ["20"], "invoice"),
    "de-partyservice": (de_partyservice, ["7", "19"], "invoice"),
    "nl-muziekwinkel": (nl_muziekwinkel, ["9", "21"], "invoice"),
    "es-muebles-rectificativa": (es_muebles_rectificativa, ["21"], "credit-note"),
    "it-serramenti": (it_serramenti, ["10", "22"], "invoice"),
    # HELD_OUT_19 (session 13): appended after HELD_OUT_18 so that every earlier document stays as first drawn
    "fr-epicerie-vrac-ticket": (fr_epicerie_vrac_ticket, ["5.5", "20"], "receipt"),
    "fr-centre-equestre": (fr_centre_equestre, ["20", "5.5"], "invoice"),
    "fr-jouets-avoir": (fr_jouets_avoir, ["20", "5.5"], "credit-note"),
    "en-gb-electrician": (en_gb_electrician, ["0", "20"], "invoice"),
    "de-heizoelhandel": (de_heizoelhandel, ["19"], "invoice"),
    "nl-loonbedrijf": (nl_loonbedrijf, ["21", "9"], "invoice"),
    "es-climatizacion": (es_climatizacion, ["21"], "invoice"),
    "it-legna-accompagnatoria": (it_legna_accompagnatoria, ["10", "22"], "invoice"),
    # HELD_OUT_20 (session 13): appended after HELD_OUT_19 so that every earlier document stays as first drawn
    "fr-primeur-ticket": (fr_primeur_ticket, ["5.5", "20"], "receipt"),
    "fr-pompes-funebres": (fr_pompes_funebres, ["10", "20"], "invoice"),
    "fr-negoce-materiaux-avoir": (fr_negoce_materiaux_avoir, ["20"], "credit-note"),
    "en-uk-mobility-aids": (en_uk_mobility_aids, ["0", "5", "20"], "invoice"),
    "de-stadtwerke-abrechnung": (de_stadtwerke_abrechnung, ["7", "19"], "invoice"),
    "nl-zonnepanelen": (nl_zonnepanelen, ["0", "21"], "invoice"),
    "es-panaderia": (es_panaderia, ["2", "10", "21"], "receipt"),
    "it-vivaio": (it_vivaio, ["10", "22"], "invoice"),
    # HELD_OUT_21 (session 14): appended after HELD_OUT_20 so that every earlier document stays as first drawn
    "fr-kiosque-presse-ticket": (fr_kiosque_presse_ticket, ["2.1", "5.5", "20"], "receipt"),
    "fr-geometre-expert": (fr_geometre_expert, ["20"], "invoice"),
    "fr-emballages-avoir": (fr_emballages_avoir, ["20"], "credit-note"),
    "en-ie-joinery": (en_ie_joinery, ["13.5", "23"], "invoice"),
    "de-campingplatz": (de_campingplatz, ["7", "19", "0"], "invoice"),
    "nl-evenementenverhuur": (nl_evenementenverhuur, ["9", "21"], "invoice"),
    "es-herbolario-ticket": (es_herbolario_ticket, ["4", "10", "21"], "receipt"),
    "it-frantoio": (it_frantoio, ["4", "10", "22"], "invoice"),
}


def noise_image(rng, size, sigma):
    """Gaussian noise centred on 128 (as Pillow's effect_noise), from a seeded generator."""
    normal = NormalDist()
    lut = [max(0, min(255, round(128 + sigma * normal.inv_cdf((u + 0.5) / 256)))) for u in range(256)]
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).point(lut)


def scans(pdf, stem, rng):
    out = []
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", pdf, stem + "-scan"], check=True)
    out.append((stem + "-scan.png", "image/png", "scan"))
    img = Image.open(stem + "-scan.png").convert("L")
    img = img.resize((img.width * 3 // 4, img.height * 3 // 4))
    img = img.rotate(rng.uniform(-1.5, 1.5), expand=True, fillcolor=200, resample=Image.BICUBIC)
    # Seeded noise (Pillow's effect_noise is not: photos differed from run to run), from a
    # generator of this document's own, so that the shared one draws the same documents as before.
    noise = noise_image(random.Random(os.path.basename(stem)), img.size, 18)
    img = Image.blend(img, noise, 0.12).filter(ImageFilter.GaussianBlur(0.6))
    img.save(stem + "-photo.jpg", quality=55)
    out.append((stem + "-photo.jpg", "image/jpeg", "photo"))
    return out


def generate(out, per_layout, seed, only=None):
    rng = random.Random(seed)
    entries = []
    for name, (draw, rates, kind) in LAYOUTS.items():
        for k in range(per_layout):
            # Every layout draws, so that a subset run sees the same documents as a full one.
            d = Doc(rng, rates, kind)
            if len(rates) > 1 and len(d.base) < 2:  # a multi-rate layout prints several rates
                d = Doc(rng, rates, kind)
            LANG_OF["cur"] = LANG[name]
            stem = os.path.join(out, f"{name}-{k}")
            draw(d, stem + ".pdf", rng)
            if only and name not in only:
                scans(stem + ".pdf", stem, rng)
                continue
            files = [(stem + ".pdf", "application/pdf", "text")] + scans(stem + ".pdf", stem, rng)
            for path, mime, source in files:
                entries.append({"file": path, "mime": mime, "source": source, "layout": name, "lang": LANG[name],
                                "set": set_of(name),
                                "truth": d.truth()})
    return entries


def set_of(name):
    """The table a layout is scored in: one per set drawn apart, the rest development."""
    sets = [("held-out", HELD_OUT_2), ("held-out-3", HELD_OUT_3), ("held-out-4", HELD_OUT_4),
            ("held-out-5", HELD_OUT_5), ("held-out-6", HELD_OUT_6), ("held-out-7", HELD_OUT_7),
            ("held-out-8", HELD_OUT_8), ("held-out-9", HELD_OUT_9), ("held-out-10", HELD_OUT_10),
            ("held-out-11", HELD_OUT_11), ("held-out-12", HELD_OUT_12), ("held-out-13", HELD_OUT_13),
            ("held-out-14", HELD_OUT_14), ("held-out-15", HELD_OUT_15),
            ("held-out-16", HELD_OUT_16), ("held-out-17", HELD_OUT_17),
            ("held-out-18", HELD_OUT_18), ("held-out-19", HELD_OUT_19),
            ("held-out-20", HELD_OUT_20), ("held-out-21", HELD_OUT_21)]
    return next((tag for tag, layouts in sets if name in layouts), "development")


def run(binary, entries, langs):
    from concurrent.futures import ThreadPoolExecutor

    def one(e):
        r = subprocess.run([binary, "ocr", "run", "--type", e["mime"], "--languages", langs, e["file"]],
                           capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        fields = json.loads(r.stdout)["fields"] if r.returncode == 0 else {}
        e["got"] = {f: (fields.get(f) or {}).get("value") for f in FIELDS}
        return e

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(one, entries))


def score(entries):
    rows = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))  # (set, lang, source) -> field -> [printed, reported, right]
    for e in entries:
        for key in [(e["set"], e["lang"], e["source"]), (e["set"], "all", e["source"]), (e["set"], "all", "all")]:
            for f in FIELDS:
                got, want = e["got"][f], e["truth"][f]
                cell = rows[key][f]
                cell[0] += 1
                cell[1] += got is not None
                cell[2] += got == want
    return rows


def pct(a, b):
    return "–" if b == 0 else f"{100 * a / b:.0f}"


def table(rows, which):
    short = {"kind": "kind", "invoiceNumber": "number", "date": "date", "totalExcludingTax": "HT",
             "totalTax": "TVA", "totalIncludingTax": "TTC"}
    head = "| lang | source | docs | " + " | ".join(short[f] for f in FIELDS) + " | all: acc / prec / recall |"
    out = [head, "|---|---|---:|" + "---:|" * len(FIELDS) + "---|"]
    for key in sorted(k for k in rows if k[0] == which):
        cells = rows[key]
        n = cells[FIELDS[0]][0]
        acc = " | ".join(f"{pct(c[2], c[0])} / {pct(c[2], c[1])} / {pct(c[1], c[0])}" for c in (cells[f] for f in FIELDS))
        tot = [sum(cells[f][i] for f in FIELDS) for i in range(3)]
        out.append(f"| {key[1]} | {key[2]} | {n} | {acc} | {pct(tot[2], tot[0])} / {pct(tot[2], tot[1])} / "
                   f"{pct(tot[1], tot[0])} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-layout", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--languages", default="fra+eng")
    ap.add_argument("--md", help="write the tables to this Markdown file")
    ap.add_argument("--append", action="store_true", help="append to --md instead of replacing it")
    ap.add_argument("--only", help="comma-separated layouts, or 'tuning' (every layout but the HELD_OUT_2 to "
                    "HELD_OUT_21 ones)")
    ap.add_argument("--sources", default="text,scan,photo",
                    help="comma-separated copies to read (text: the text-layer PDF; scan, photo: OCR)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    only = None
    held = (HELD_OUT_2 + HELD_OUT_3 + HELD_OUT_4 + HELD_OUT_5 + HELD_OUT_6 + HELD_OUT_7 + HELD_OUT_8 + HELD_OUT_9
            + HELD_OUT_10 + HELD_OUT_11 + HELD_OUT_12 + HELD_OUT_13 + HELD_OUT_14 + HELD_OUT_15
            + HELD_OUT_16 + HELD_OUT_17 + HELD_OUT_18 + HELD_OUT_19 + HELD_OUT_20 + HELD_OUT_21)
    if args.only == "tuning":
        only = [n for n in LAYOUTS if n not in held]
    elif args.only:
        only = args.only.split(",")
    sources = args.sources.split(",")
    entries = [e for e in generate(args.out, args.per_layout, args.seed, only) if e["source"] in sources]
    entries = run(args.bin, entries, args.languages)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(entries, f, indent=1, default=str)
    rows = score(entries)
    text = ["Cells: accuracy / precision / recall, % (accuracy = right / printed, precision = right / reported, "
            "recall = reported / printed).", "",
            f"#### Development corpus (seen while tuning): {len(LAYOUTS) - len(held)} layouts: "
            + ", ".join(n for n in LAYOUTS if n not in held), "",
            table(rows, "development")]
    if any(k[0] == "held-out" for k in rows):
        text += ["", f"#### Layouts of the precision pass (HELD_OUT_2, drawn before it; two of them inspected per "
                 f"document in session 10, so no longer held out): "
                 f"{len(HELD_OUT_2)} layouts: " + ", ".join(HELD_OUT_2), "", table(rows, "held-out")]
    if any(k[0] == "held-out-3" for k in rows):
        text += ["", f"#### Held-out date layouts (drawn before the date pass, never inspected while tuning): "
                 f"{len(HELD_OUT_3)} layouts: " + ", ".join(HELD_OUT_3), "", table(rows, "held-out-3")]
    if any(k[0] == "held-out-4" for k in rows):
        text += ["", f"#### Held-out German business forms (drawn before the de-forms pass, never inspected "
                 f"while tuning): {len(HELD_OUT_4)} layouts: " + ", ".join(HELD_OUT_4), "", table(rows, "held-out-4")]
    if any(k[0] == "held-out-5" for k in rows):
        text += ["", f"#### Layouts of session 10's first sight (HELD_OUT_5; inspected after it, so no longer held "
                 f"out): {len(HELD_OUT_5)} layouts: " + ", ".join(HELD_OUT_5), "",
                 table(rows, "held-out-5")]
    if any(k[0] == "held-out-6" for k in rows):
        text += ["", f"#### Layouts of session 10's second first sight (HELD_OUT_6; inspected after it, so no longer "
                 f"held out): {len(HELD_OUT_6)} layouts: " + ", ".join(HELD_OUT_6), "",
                 table(rows, "held-out-6")]
    if any(k[0] == "held-out-7" for k in rows):
        text += ["", f"#### Layouts of session 10's third first sight (HELD_OUT_7; inspected after it, so no longer "
                 f"held out): {len(HELD_OUT_7)} layouts: " + ", ".join(HELD_OUT_7), "",
                 table(rows, "held-out-7")]
    if any(k[0] == "held-out-8" for k in rows):
        text += ["", f"#### Layouts of session 10's held-out table (HELD_OUT_8; inspected in session 11, so no longer "
                 f"held out): {len(HELD_OUT_8)} layouts: " + ", ".join(HELD_OUT_8), "",
                 table(rows, "held-out-8")]
    if any(k[0] == "held-out-9" for k in rows):
        text += ["", f"#### Layouts of session 11's first sight (HELD_OUT_9; inspected after it, so no longer held "
                 f"out): {len(HELD_OUT_9)} layouts: " + ", ".join(HELD_OUT_9), "",
                 table(rows, "held-out-9")]
    if any(k[0] == "held-out-10" for k in rows):
        text += ["", f"#### Layouts of session 11's held-out table (HELD_OUT_10; inspected in session 12, so no "
                 f"longer held out): {len(HELD_OUT_10)} layouts: "
                 + ", ".join(HELD_OUT_10), "", table(rows, "held-out-10")]
    if any(k[0] == "held-out-11" for k in rows):
        text += ["", f"#### Layouts of session 11's second first sight (HELD_OUT_11; inspected after it, so no "
                 f"longer held out): {len(HELD_OUT_11)} layouts: " + ", ".join(HELD_OUT_11), "",
                 table(rows, "held-out-11")]
    if any(k[0] == "held-out-12" for k in rows):
        text += ["", f"#### Layouts of session 11's second held-out table (HELD_OUT_12; inspected in session 12, so "
                 f"no longer held out): {len(HELD_OUT_12)} layouts: "
                 + ", ".join(HELD_OUT_12), "", table(rows, "held-out-12")]
    if any(k[0] == "held-out-13" for k in rows):
        text += ["", f"#### Layouts of session 12's first held-out tables (HELD_OUT_13; inspected after HELD_OUT_15 "
                 f"and 16 were drawn, so no longer held out): {len(HELD_OUT_13)} layouts: "
                 + ", ".join(HELD_OUT_13), "", table(rows, "held-out-13")]
    if any(k[0] == "held-out-14" for k in rows):
        text += ["", f"#### Layouts of session 12's first held-out tables (HELD_OUT_14; inspected after HELD_OUT_15 "
                 f"and 16 were drawn, so no longer held out): {len(HELD_OUT_14)} layouts: "
                 + ", ".join(HELD_OUT_14), "", table(rows, "held-out-14")]
    if any(k[0] == "held-out-15" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_15, drawn in session 12 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_15)} layouts: "
                 + ", ".join(HELD_OUT_15), "", table(rows, "held-out-15")]
    if any(k[0] == "held-out-16" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_16, drawn in session 12 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_16)} layouts: "
                 + ", ".join(HELD_OUT_16), "", table(rows, "held-out-16")]
    if any(k[0] == "held-out-17" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_17, drawn in session 13 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_17)} layouts: "
                 + ", ".join(HELD_OUT_17), "", table(rows, "held-out-17")]
    if any(k[0] == "held-out-18" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_18, drawn in session 13 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_18)} layouts: "
                 + ", ".join(HELD_OUT_18), "", table(rows, "held-out-18")]
    if any(k[0] == "held-out-19" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_19, drawn in session 13 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_19)} layouts: "
                 + ", ".join(HELD_OUT_19), "", table(rows, "held-out-19")]
    if any(k[0] == "held-out-20" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_20, drawn in session 13 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_20)} layouts: "
                 + ", ".join(HELD_OUT_20), "", table(rows, "held-out-20")]
    if any(k[0] == "held-out-21" for k in rows):
        text += ["", f"#### Held-out layouts (HELD_OUT_21, drawn in session 14 by someone who did not read the "
                 f"extraction rules, never inspected per document while tuning): {len(HELD_OUT_21)} layouts: "
                 + ", ".join(HELD_OUT_21), "", table(rows, "held-out-21")]
    print("\n".join(text))
    if args.md:
        with open(args.md, "a" if args.append else "w") as f:
            when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
            f.write(f"\n## Development corpus, all layouts seen ({when}, `benches/ocr/heldout.py`, seed {args.seed})\n\n")
            f.write("\n".join(text) + "\n")


if __name__ == "__main__":
    sys.exit(main())
