#!/usr/bin/env python3
"""Seeds one fiscal year with N files that have OCR text, straight into Coffre's database.

The rows are what the real pipeline would leave: an `ocr_jobs` row (done, its `result` JSON
holding the page text and the extracted fields, its normalised `search_text`) and an
available `files` row pointing at it, with the invoice number as its reference. Coffre's own
triggers (migration 0008) build the search index as the rows go in, as they would in
production. The text is French invoice-like prose of a few hundred words, varied: suppliers,
clients, line items, amounts, identifiers and legal mentions drawn from a seeded generator.

  search_seed.py sqlite PATH ORG YEAR N      writes into the SQLite database at PATH
  search_seed.py postgres ORG YEAR N         prints COPY statements for psql on stdout
  search_seed.py queries N                   prints the benchmark's queries (JSON)

Python standard library only. Deterministic for a given N.
"""

import hashlib
import json
import multiprocessing
import random
import sqlite3
import sys
import unicodedata

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"

SUPPLIER_TRADES = [
    "Plomberie", "Électricité", "Boulangerie", "Imprimerie", "Menuiserie", "Informatique",
    "Télécommunications", "Transports", "Nettoyage", "Sécurité", "Papeterie", "Garage",
    "Traiteur", "Architecture", "Comptabilité", "Énergie", "Chauffage", "Jardinage",
    "Location", "Assurances", "Conseil", "Formation", "Publicité", "Maçonnerie",
]
SUPPLIER_NAMES = [
    "Dupont", "Martin", "Lefèvre", "Moreau", "Garçon", "Bérénice", "Hélios", "Rivière",
    "Chênevert", "Beaulieu", "Marchand", "Rousseau", "Lemaître", "Fournier", "Girard",
    "Bonnet", "Mercier", "Faure", "André", "Noël", "Leroy", "Clément", "Perrin", "Aubry",
]
SUPPLIER_FORMS = ["SARL", "SAS", "SA", "EURL", "& Fils", "et Associés"]
CITIES = [
    "Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Strasbourg", "Montpellier", "Bordeaux",
    "Lille", "Rennes", "Reims", "Saint-Étienne", "Le Havre", "Grenoble", "Dijon", "Angers",
    "Nîmes", "Besançon", "Orléans", "Mulhouse", "Caen", "Nancy", "Périgueux", "Évreux",
]
STREETS = ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "place du Marché",
           "chemin des Écoliers", "rue Pasteur", "allée des Tilleuls", "quai de la Loire"]
ITEMS = [
    "maintenance préventive des installations", "remplacement d'un chauffe-eau électrique",
    "fourniture de papier A4 recyclé", "abonnement fibre optique professionnelle",
    "réparation de la toiture et des gouttières", "nettoyage des locaux et des vitres",
    "location d'un véhicule utilitaire", "formation bureautique sur deux journées",
    "frais de port et d'emballage", "mise en service du matériel", "déplacement du technicien",
    "licence annuelle du logiciel de gestion", "impression de cartes de visite",
    "contrôle réglementaire des extincteurs", "entretien des espaces verts",
    "conseil juridique et rédaction des statuts", "tenue de la comptabilité mensuelle",
    "hébergement du site internet", "fourniture de cartouches d'encre", "ramonage de la chaudière",
    "pose de prises électriques supplémentaires", "création graphique d'une plaquette",
    "livraison de plateaux-repas pour réunion", "audit de sécurité informatique",
    "abonnement téléphonique mobile", "installation d'une alarme anti-intrusion",
    "révision annuelle du véhicule", "remplacement des plaquettes de frein",
    "étude thermique du bâtiment", "assurance responsabilité civile professionnelle",
]
PROSE = [
    "Conformément à votre bon de commande, nous vous prions de trouver ci-dessous le détail des prestations réalisées.",
    "Les travaux ont été effectués dans les délais convenus et ont fait l'objet d'un procès-verbal de réception sans réserve.",
    "Nous vous remercions de votre confiance et restons à votre disposition pour toute information complémentaire.",
    "Le matériel reste la propriété du vendeur jusqu'au paiement intégral du prix, conformément à la clause de réserve de propriété.",
    "En cas de retard de paiement, une pénalité égale à trois fois le taux d'intérêt légal sera exigible, ainsi qu'une indemnité forfaitaire de quarante euros pour frais de recouvrement.",
    "Aucun escompte ne sera accordé en cas de paiement anticipé.",
    "La présente facture est payable à réception par virement bancaire sur le compte indiqué ci-dessous.",
    "Pour toute réclamation, merci de contacter notre service client en rappelant la référence de la facture.",
    "Les prestations de maintenance couvrent la période du premier au dernier jour du mois.",
    "Le technicien est intervenu sur site et a vérifié le bon fonctionnement de l'ensemble des équipements.",
    "Les pièces remplacées sont garanties douze mois à compter de la date d'intervention.",
    "Cette facture annule et remplace le devis transmis précédemment.",
    "Les frais de déplacement sont calculés selon le barème en vigueur au jour de l'intervention.",
    "TVA acquittée sur les débits. Dispensé d'immatriculation au registre du commerce pour les artisans inscrits au répertoire des métiers.",
]
CLIENTS = ["Société Générale des Eaux", "Cabinet Aubert et Associés", "Mairie de Villeneuve",
           "Clinique du Parc", "Hôtel Bellevue", "Association Les Amis du Théâtre",
           "Pharmacie Centrale", "Restaurant Le Relais", "École Sainte-Marie", "Garage du Centre"]


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits + "0")):
        n = int(d)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return digits + str((10 - total % 10) % 10)


def fr_amount(cents):
    units, c = divmod(cents, 100)
    grouped = f"{units:,}".replace(",", " ")
    return f"{grouped},{c:02d}"


def new_id(i):
    """An id shaped like Coffre's (26 Crockford base32 characters), sorting in seed order."""
    n = (1_780_000_000_000 << 80) | (i << 16) | 0x5eed
    out = []
    for _ in range(26):
        out.append(CROCKFORD[n & 31])
        n >>= 5
    return "".join(reversed(out))


def normalize(text):
    """Coffre's domain::text::normalize: lowercase, accents folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.replace("œ", "oe").replace("æ", "ae").split())


def document(i):
    rng = random.Random(i)
    trade = rng.choice(SUPPLIER_TRADES)
    supplier = f"{trade} {rng.choice(SUPPLIER_NAMES)} {rng.choice(SUPPLIER_FORMS)}"
    city = rng.choice(CITIES)
    siren = luhn_complete(f"{rng.randrange(10**7, 10**8)}")
    number = f"FA-2026-{i:06d}"
    lines = []
    ht = 0
    for _ in range(rng.randint(3, 8)):
        qty = rng.randint(1, 12)
        price = rng.randint(500, 90000)
        ht += qty * price
        lines.append(f"{rng.choice(ITEMS).capitalize()} : {qty} x {fr_amount(price)} € = {fr_amount(qty * price)} €")
    tva = round(ht * 0.2)
    ttc = ht + tva
    prose = rng.sample(PROSE, rng.randint(5, 8))
    iban = f"FR76 {rng.randrange(10000, 99999)} {rng.randrange(10000, 99999)} {rng.randrange(10**10, 10**11)} {rng.randrange(10, 99)}"
    text = "\n".join([
        supplier.upper(),
        f"{rng.randint(1, 180)} {rng.choice(STREETS)}, {rng.randint(10, 95)}000 {city}",
        f"SIREN : {siren[:3]} {siren[3:6]} {siren[6:]} - TVA intracommunautaire FR{rng.randint(10, 99)}{siren}",
        f"Facture N° {number}",
        f"Date : {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2026",
        f"Client : {rng.choice(CLIENTS)}, {rng.choice(CITIES)}",
        prose[0],
        *lines,
        *prose[1:],
        f"Total HT {fr_amount(ht)} €",
        f"TVA 20 % {fr_amount(tva)} €",
        f"Total TTC {fr_amount(ttc)} €",
        f"IBAN : {iban}",
        f"{supplier}, société au capital de {rng.randint(1, 500) * 1000} euros, RCS {city} {siren}.",
    ])
    fields = {
        "invoiceNumber": {"value": number, "confidence": 0.85, "source": "text-layer", "page": 1},
        "supplierName": {"value": supplier, "confidence": 0.5, "source": "text-layer", "page": 1},
        "siren": {"value": siren, "confidence": 0.95, "source": "text-layer", "page": 1},
        "totalExcludingTax": {"value": f"{ht // 100}.{ht % 100:02d}", "confidence": 0.9, "source": "text-layer"},
        "totalTax": {"value": f"{tva // 100}.{tva % 100:02d}", "confidence": 0.8, "source": "text-layer"},
        "totalIncludingTax": {"value": f"{ttc // 100}.{ttc % 100:02d}", "confidence": 0.9, "source": "text-layer"},
    }
    slug = normalize(trade).replace(" ", "-")
    return {
        "name": f"facture-{slug}-{i:06d}.pdf",
        "reference": number,
        "text": text,
        "result": json.dumps({"pages": [{"number": 1, "text": text, "source": "text-layer"}], "fields": fields},
                             ensure_ascii=False),
        "ttc": ttc,
        "siren": siren,
    }


def rows(org, year, n):
    # Generating the text is most of the seeding's Python time: on every core.
    with multiprocessing.Pool() as pool:
        for i, d in enumerate(pool.imap(document, range(n), chunksize=500)):
            yield row(org, year, i, d)


def row(org, year, i, d):
    file_id, job_id = new_id(2 * i), new_id(2 * i + 1)
    sha = hashlib.sha256(f"search-bench-{i}".encode()).hexdigest()
    at = 1_780_000_000_000 + i
    job = (job_id, org, sha, f"{org}/c/{file_id}", "application/pdf", "done", 1, 1, 0, "text-layer",
           d["result"], normalize(d["text"]), at, at)
    file = (file_id, org, year, d["name"], d["reference"], "available", "application/pdf", 20_000 + i, sha,
            f"{org}/c/{file_id}", job_id, "ocr", normalize(d["name"] + " " + d["reference"]), at, at)
    return job, file


JOB_COLS = ("id, id_organization, sha256, content_key, content_type, status, pages, pages_reserved, "
            "pages_charged, engine, result, search_text, created_at, finished_at")
FILE_COLS = ("id, id_organization, id_year, name, reference, status, content_type, size, sha256, content_key, "
             "id_ocr_job, reference_source, search_text, created_at, last_updated_at")


def seed_sqlite(path, org, year, n):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    with db:
        for job, file in rows(org, year, n):
            db.execute(f"INSERT INTO ocr_jobs ({JOB_COLS}) VALUES ({', '.join('?' * 14)})", job)
            db.execute(f"INSERT INTO files ({FILE_COLS}) VALUES ({', '.join('?' * 15)})", file)
    db.execute("ANALYZE")
    db.close()


def copy_value(v):
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def seed_postgres(org, year, n):
    out = sys.stdout
    files = []
    out.write(f"COPY ocr_jobs ({JOB_COLS}) FROM stdin;\n")
    for job, file in rows(org, year, n):
        out.write("\t".join(copy_value(v) for v in job) + "\n")
        files.append(file)
    out.write("\\.\n")
    out.write(f"COPY files ({FILE_COLS}) FROM stdin;\n")
    for file in files:
        out.write("\t".join(copy_value(v) for v in file) + "\n")
    out.write("\\.\nANALYZE;\n")


def queries(n):
    """Per kind, the values the benchmark cycles through, and the LIKE pattern of each."""
    rng = random.Random(2026)
    picks = [rng.randrange(n) for _ in range(20)]
    kinds = {
        "word": ["plomberie", "boulangerie", "chaudière", "extincteurs", "gouttières", "plaquette", "théâtre", "toiture"],
        "accent-folded": ["electricite", "telecommunications", "securite", "energie", "periode", "reception", "ecole", "recouvrement"],
        "phrase": ['"bon de commande"', '"frais de port"', '"mise en service"', '"espaces verts"', '"cartes de visite"', '"réserve de propriété"'],
        "prefix": ["maint", "fourn", "abonn", "répar", "chauff", "instal"],
        "identifier": [f"FA-2026-{i:06d}" for i in picks[:10]],
        "amount": [fr_amount(document(i)["ttc"]) for i in picks[10:]],
        "exclusion": ["maintenance -informatique", "toiture -plomberie", "formation -bureautique", "abonnement -mobile"],
    }
    def like(q):
        positive = " ".join(w for w in q.split(" -")[0].split() if not w.startswith("-")).strip('"')
        return "%" + normalize(positive).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return {k: [{"q": q, "like": like(q)} for q in v] for k, v in kinds.items()}


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "sqlite":
        seed_sqlite(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif cmd == "postgres":
        seed_postgres(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "queries":
        json.dump(queries(int(sys.argv[2])), sys.stdout, ensure_ascii=False, indent=1)
    else:
        sys.exit(__doc__)
