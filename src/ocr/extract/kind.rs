//! Document kind and currency.

use super::*;

// Kind and currency

pub(super) static CREDIT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        "(?i){}|{}{}|{CREDIT_NOTE}",
        r"\bfacture\s+d['’\s]?\s*avoir\b|\bavoir\s*(?:n\s?[°º*']|no\b|num|:)|^\s*avoir\b|\bcredit\s+note\b",
        r"\bnote\s+de\s+cr[ée]dit\b|\bcredit\s+memo\b",
        // The noun after a determiner or in a total: "cet avoir", "Total avoir TTC", "Montant
        // de l'avoir" (the verb takes none of these).
        r"|\b(?:cet|votre|notre)\s+avoir\b|\b(?:total|montant)\s+(?:de\s+(?:l['’]|cet)\s*|d['’]\s*)?avoir\b",
    ))
});
pub(super) static INVOICE_MARK: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){INVOICE}|{INVOICE_COMPOUND}")));
/// Labels that name the kind inside one word ("Factuurnummer", "Rechnungsdatum"), and the
/// abbreviations of Italian and French document types ("TD24 Fatt. differita", "Fact. n°"): on
/// a page without a title they say as much as "N° de facture" does.
const INVOICE_COMPOUND: &str = r"\b(?:factuur|rechnungs)(?:nummer|nr|datum|bedrag|betrag)\b|\b(?:fatt|fact)\.";
/// "AVOIR" is also a French verb: alone in its layout cell, wherever it stands on the line,
/// it is a title; elsewhere only the marks of `CREDIT_MARK` count.
static CREDIT_TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bavoir\b"));
pub(super) static SIMPLIFIED_MARK: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){SIMPLIFIED}")));
/// Receipt titles, and receipt number labels ("Bonnummer", "Número de ticket"), which name a
/// receipt as "N° de facture" names an invoice.
pub(super) static RECEIPT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\bticket\b|^\s*re[çc]u\b|\breceipt\b|\bnote\s+de\s+caisse\b|{NOTE_TITLE}|{RECEIPT}|{RECEIPT_NUMBER}"
    ))
});
/// A bare "NOTE" opening its line, then its number or nothing: a taxi's or a restaurant's
/// note, a receipt ("Note d'honoraires", "note de frais" go on with "de").
const NOTE_TITLE: &str = r"^\s*note(?:\s*$|\s{2,}|\s*n\s?[°º.]|\s+no\b)";

/// How a till receipt says it was paid, in the six languages: cash, card, the change given; and
/// the German cash register's security module ("TSE-Signatur"), printed on receipts only.
pub(super) static PAYMENT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:cb|carte(?:\s+bancaire)?|esp[èe]ces|cash|rendu|monnaie|sans\s+contact|contactless|visa",
        r"|mastercard|change\s+due|bar(?:geld|zahlung)?|r[üu]ckgeld|wechselgeld|ec[-\s]?karte|girocard|tse",
        r"|pin(?:betaling)?|maestro|contant|wisselgeld|efectivo|tarjeta|contanti|bancomat)\b",
    ))
});

/// A mention of a document that is another one: "annule et remplace la facture du", "zur
/// Rechnung vom", "original invoice", "la factura rectificada", "la fattura n. 12 del"; or one
/// in brackets, a reference beside a line: "Acconto versato con bonifico (ricevuta n. 24)".
pub(super) static OTHER_DOCUMENT: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)(?:\b(?:la|une|the|der|die|de|{QUOTING})\s+|\(\s*)$")));

/// The words that make a mention another document's, where an article alone would not: "Avoir
/// sur facture n° 12" quotes an invoice, "N° de factura" labels this one.
const QUOTING: &str = concat!(
    r"votre|notre|sur|cette|our|your|original|zur|ursprünglichen|oorspronkelijke",
    r"|annule|remplace|replaces|cancels|storniert|betreft|concerne|regarding|bez[üu]glich|against|gegen|tegen",
    // Italian "Rif. fattura n. 2024/274": a reference is always to another document.
    r"|rif\.?|riferimento",
    // Invoices to come or gone: "déduit de votre prochaine facture", "your next invoice".
    r"|prochaine|pr[ée]c[ée]dente|derni[èe]re|next|previous|last|n[äa]chsten?|vorigen?|volgende",
    r"|pr[óo]xima|anterior|prossima|precedente",
);

/// A mention followed by what makes it another document, or no document: "Facture d'origine",
/// "factura original", "fattura originale", "facture initiale"; the Italian "ricevuta bancaria"
/// (RiBa) is a way to pay, a "ticket restaurant" a meal voucher.
static ORIGINAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:d['’]\s*origine|originale?|initiale|rectifi[ée]e|rectificada|bancari[ae]|restaurants?)\b")
});

/// Another document, by name: a quote, an order, a delivery note, a contract, a booking.
pub(super) static OTHER_DOCUMENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:devis|commande|bon\s+de\s+livraison|contrat|quot\w*|estimate|order|delivery\s+note|contract",
        r"|angebot|auftrag|bestellung|lieferschein|vertrag|offerte|bestelling|pakbon|opdracht|presupuesto|pedido",
        r"|albar[áa]n|contrato|preventivo|ordine|ddt|contratto|appalto",
        r"|r[ée]servation|booking|reservierung|reservering|boeking|reserva|prenotazione)\b",
        // A works contract: "Marché n° M-2023-118 du 13/06/2023" (its accent ends the word: no
        // ASCII word boundary follows it).
        r"|\bmarch[ée](?:[^\p{L}]|$)",
    ))
});

/// A column header or a label naming the document's type: "TIPO DOCUMENTO" over "Fattura
/// differita", "Type de document : Facture", "Belegart", "Document type".
static DOC_TYPE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:tipo\s+(?:di\s+|de\s+)?doc(?:umento|\.)?|type\s+(?:de\s+|du\s+)?doc(?:ument|\.)?|doc(?:ument|\.)?\s*type",
        r"|nature\s+(?:du\s+)?document|beleg[-\s]?art|dokument(?:en)?[-\s]?(?:art|typ)|document[-\s]?soort|soort\s+document)\b",
    ))
});

/// The Italian e-invoice's document type code before its name, "TD01 fattura", "TD04 nota di
/// credito" (OCR reads the zero as a letter O): the type, wherever its header went.
static TYPE_CODE: LazyLock<Regex> = LazyLock::new(|| re(r"\bTD[0O\d][\dO]\s+$"));

/// Whether the mention at `start..end` of line `idx` is the value of a document-type label: in
/// the cell right below that label, or after it in the same cell.
fn typed_by_header(doc: &Doc, idx: usize, start: usize, end: usize) -> bool {
    let Some(line) = doc.lines.get(idx) else { return false };
    let cell = cell_at(&line.text, start, end).map_or(0, |c| c.start);
    let before = line.text.get(cell..start).unwrap_or("");
    if DOC_TYPE_HEADER.is_match(before) || TYPE_CODE.is_match(before) {
        return true;
    }
    doc.cell_text_above(idx, line.span_cols(start, end)).is_some_and(|cell| DOC_TYPE_HEADER.is_match(cell))
}

/// A number label right after a quoting word (an article may stand between): the number of the
/// document this one quotes ("Avoir sur facture n°", "annule et remplace la facture n°").
pub(super) static QUOTED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:{QUOTING})\s+(?:(?:la|une|the|der|die|de)\s+)?$")));

/// How much a mention of a kind says about the document: a title (its line, or its layout
/// cell, holds little else: "AVOIR", "Receipt FA-12"; or it is the value of a document-type
/// label: "Fattura differita" under "TIPO DOCUMENTO") 3, the kind's number label ("Avoir n°")
/// 2, a mention in running text 1, a mention of another document ("la facture du 12/02")
/// nothing.
fn mention_weight(doc: &Doc, idx: usize, start: usize, end: usize) -> u8 {
    let Some(line) = doc.lines.get(idx) else { return 0 };
    let text = &line.text;
    let before = window_before(text, start, 40);
    if OTHER_DOCUMENT.is_match(before) || ORIGINAL_AFTER.is_match(text.get(end..).unwrap_or("")) {
        return 0;
    }
    // The layout cell the mention stands in: a title at the right of the sender's name
    // ("Groothandel Van der Meulen B.V.        CREDITNOTA") is alone in its cell.
    let (from, to) = cell_at(text, start, end).map_or((0, text.len()), |c| (c.start, c.end));
    let rest: usize = text
        .get(from..start)
        .unwrap_or("")
        .chars()
        .chain(text.get(end..to).unwrap_or("").chars())
        .filter(|c| c.is_alphabetic())
        .count();
    let numbered = find_labels(text, &NUMBER_LABELS).iter().any(|l| {
        l.start <= end
            && l.end >= start
            && matches!(l.kind, NumberLabel::Invoice | NumberLabel::CreditNote | NumberLabel::Receipt)
    });
    if rest <= 3 || typed_by_header(doc, idx, start, end) {
        3
    } else if numbered {
        2
    } else {
        1
    }
}

/// The strongest mention decides, the first one among equals: a title beats a number label,
/// which beats running text; a receipt may offer "facture sur demande" at the bottom, and a
/// credit note quotes the invoice it cancels ("annule et remplace la facture du ...").
/// Mentions in running text only (no title, no number label) that name different kinds decide
/// nothing: the kind is then withheld.
pub(super) fn detect_kind(doc: &Doc) -> Option<(DocumentKind, f32)> {
    let top = doc.top_lines(TOP_LINES);
    let mut best: Option<(u8, usize, DocumentKind)> = None;
    let mut weak_kinds: Vec<DocumentKind> = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate() {
        for (kind, re, least) in [
            (DocumentKind::CreditNote, &*CREDIT_MARK, 1),
            (DocumentKind::CreditNote, &*CREDIT_TITLE, 3),
            (DocumentKind::Receipt, &*SIMPLIFIED_MARK, 1),
            (DocumentKind::Invoice, &*INVOICE_MARK, 1),
            (DocumentKind::Receipt, &*RECEIPT_MARK, 1),
        ] {
            let weight = re
                .find_iter(&line.text)
                .map(|m| mention_weight(doc, idx, m.start(), m.end()))
                .filter(|w| *w >= least)
                .max();
            if let Some(weight) = weight.filter(|w| *w > 0) {
                if weight == 1 && !weak_kinds.contains(&kind) {
                    weak_kinds.push(kind);
                }
                if best.is_none_or(|(w, _, _)| weight > w) {
                    best = Some((weight, idx, kind));
                }
                // The first kind found on a line wins over the others on that line.
                break;
            }
        }
    }
    if let Some((weight, idx, kind)) = best {
        if weight == 1 && weak_kinds.len() > 1 {
            return None;
        }
        let confidence = match (weight, top.contains(&idx)) {
            (2.., true) => 0.9,
            (2.., false) => 0.7,
            (_, _) => 0.5,
        };
        return Some((kind, confidence));
    }
    let has_total =
        doc.lines.iter().any(|l| l.totals.iter().any(|t| matches!(t.kind, TotalLabel::Bare | TotalLabel::Ttc)));
    let has_payment = doc.lines.iter().any(|l| PAYMENT_MARK.is_match(&l.text));
    (has_total && has_payment).then_some((DocumentKind::Receipt, GUESS))
}

pub(super) static CURRENCIES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        ("EUR", re(r"(?i)€|\bEUR\b|\beuros?\b")),
        ("USD", re(r"\$|\bUSD\b")),
        ("GBP", re(r"£|\bGBP\b")),
        ("CHF", re(r"\bCHF\b")),
    ]
});

/// The currency of the totals lines, else the most frequent one; none when no mark is seen.
pub(super) fn currency(doc: &Doc) -> Option<(&'static str, f32)> {
    let in_totals = |line: &&Line| line.totals.iter().any(|t| t.kind != TotalLabel::Ignore);
    most_frequent_currency(doc.lines.iter().filter(in_totals))
        .map(|code| (code, 0.9))
        .or_else(|| most_frequent_currency(doc.lines.iter()).map(|code| (code, 0.7)))
}

pub(super) fn most_frequent_currency<'a>(lines: impl Iterator<Item = &'a Line>) -> Option<&'static str> {
    let mut counts = vec![0usize; CURRENCIES.len()];
    for line in lines {
        for (count, (_, re)) in counts.iter_mut().zip(CURRENCIES.iter()) {
            *count += re.find_iter(&line.text).count();
        }
    }
    let (i, n) = counts.iter().enumerate().max_by_key(|(i, n)| (**n, Reverse(*i)))?;
    if *n == 0 {
        return None;
    }
    CURRENCIES.get(i).map(|(code, _)| *code)
}
