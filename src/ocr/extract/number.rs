//! Invoice number.

use super::*;

// Invoice number

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberLabel {
    Invoice,
    CreditNote,
    Receipt,
    Reference,
    Standalone,
    Bare,
    Ignore,
}

/// A number word: "N°", "Nº", "N.º", "n.", "No.", "Nr.", "Numéro", "Number", "Nummer", "#".
pub(super) const NO: &str = r"(?:\bn\.?\s?[°º*']|\bn\.|\bno\b\.?|\bnr\b\.?|\bn[uú](?:m(?:[ée]ro|ber)?|mmer)\b\.?|#)";

pub(super) static NUMBER_LABELS: LazyLock<LabelTable<NumberLabel>> = LazyLock::new(|| {
    use NumberLabel::*;
    let rows: Vec<(NumberLabel, String)> = vec![
        // The kind's title then a number word: "Facture n°", "Note d'honoraires N°", "Fattura n.".
        (Invoice, format!(r"(?:{INVOICE})\s*{NO}|{NO}\s*(?:de\s+)?(?:la\s+|della\s+)?(?:{DOC_WORD})\b")),
        (Invoice, r"\binvoice\s+(?:id|ref(?:erence)?)\b|\b(?:facture|invoice)\s*:".into()),
        (CreditNote, format!(r"\b(?:avoir|credit\s+note)\s*{NO}|{NO}\s*(?:de\s+|d['’]\s*)?(?:l['’]\s*)?avoir\b")),
        (CreditNote, format!(r"{NO}\s*(?:de\s+)?credit\s+note\b|\b(?:avoir|credit\s+note)\s*:")),
        (Receipt, format!(r"\b(?:ticket|re[çc]u|receipt|transaction)\s*{NO}")),
        (Receipt, format!(r"{NO}\s*(?:de\s+)?(?:ticket|re[çc]u|receipt)\b")),
        // A French restaurant's or hotel's bill: "Note n° 240217-135", "Addition N° 88".
        (Receipt, r"\b(?:note|addition)\s*n\.?\s?[°º*']".into()),
        (Receipt, RECEIPT_NUMBER.into()),
        // A number word alone at the start of a layout cell: "N° FA-12" in a header box.
        (Standalone, format!(r"(?:^|\s{{2}})\s*{NO}")),
        // OCR's reading of "Nº" with its raised o as an e ("Ne T25-045317"): only before a
        // number of a series' shape ([`ocr_number_sign`]).
        (Standalone, r"(?:^|\s{2})\s*(?-i:Ne)\b".into()),
        // A "Stornorechnung Nr." is a credit note's: its row before the "…rechnung Nr." one.
        (CreditNote, CREDIT_NUMBER.into()),
        (Invoice, INVOICE_NUMBER.into()),
        (Ignore, OTHER_NUMBER.into()),
        (Reference, r"\br[ée]f(?:[ée]rence)?\b\.?".into()),
        (Bare, r"\b(?:facture|invoice|avoir|rechnung|factuur|factura|fattura|\w*gutschrift)\b".into()),
        (Bare, RECEIPT.into()),
        (Bare, r"\b(?:ticket|receipt|re[çc]u)\b".into()),
        // "Bon 3-48975" opening a Dutch or German till receipt's line.
        (Bare, r"^\s*bon\b".into()),
        // References that are not the document's number.
        (
            Ignore,
            concat!(
                r"\br[ée]f(?:[ée]rence)?\b\.?\s*(?:de\s+)?",
                r"(?:client|commande|order|customer|article|produit|bancaire|mandat|paiement|payment|virement)\w*"
            )
            .into(),
        ),
        (Ignore, r"\b(?:votre|your|notre)\s+r[ée]f\w*".into()),
    ];
    LabelTable::new(&within_cell(&rows))
});

static AMOUNT_TAIL: LazyLock<Regex> = LazyLock::new(|| re(r"^,\d{2}(?:\D|$)"));

static SPLIT_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^ +\d{1,4}(?:\s|$)"));

/// The token after a label, past its punctuation: a colon, or what OCR read for one (";", ",",
/// a dash or rule before it: "Nr.; RE2024-523", "Invoice No, HI357678", "—_: RE2024-254").
pub(super) static NUMBER_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[.…_]{2,}\s*)?(?:[—–_]{1,2}\s*)?[:#.\-;,]?\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9\-/_.]*)"));

pub(super) fn number_priority(label: NumberLabel, kind: Option<DocumentKind>) -> u8 {
    match (label, kind) {
        (NumberLabel::CreditNote, Some(DocumentKind::CreditNote))
        | (NumberLabel::Invoice, Some(DocumentKind::Invoice))
        | (NumberLabel::Receipt, Some(DocumentKind::Receipt)) => 5,
        // On a credit note, an invoice's number label names the invoice it credits ("Réf.
        // facture : FAC-2408-48", "Rif. fattura n. 2024/274") more often than the note itself:
        // a number word alone ("N° AV-12", a "Numero" column) says more.
        (NumberLabel::Invoice, Some(DocumentKind::CreditNote)) => 2,
        (NumberLabel::Invoice | NumberLabel::CreditNote | NumberLabel::Receipt, _) => 4,
        (NumberLabel::Standalone, _) => 3,
        (NumberLabel::Bare, _) => 2,
        (NumberLabel::Reference, _) => 1,
        (NumberLabel::Ignore, _) => 0,
    }
}

pub(super) fn invoice_number(doc: &Doc, kind: Option<DocumentKind>) -> Option<(String, f32)> {
    let quoted_numbers = quoted_numbers(doc, kind);
    let mut best: Option<(u8, String)> = None;
    // Every token read beside a label, with its label's priority: see `misread_twice` below.
    let mut read: Vec<(u8, String)> = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate() {
        for label in find_labels(&line.text, &NUMBER_LABELS) {
            let quoted = quoted_label(doc, idx, &label, kind);
            // "############1817": a "#" that opens a masked card number is no number word.
            let masked = line.text.get(label.end..).is_some_and(|rest| rest.starts_with(['#', '*']));
            let priority = if quoted || masked { 0 } else { number_priority(label.kind, kind) };
            // A bare "Réf." names too many things (orders, customers, mandates) to be trusted.
            if priority <= 1 || best.as_ref().is_some_and(|(p, _)| *p > priority) {
                continue;
            }
            let beside = document_number(doc, line, label.end);
            let token = beside.or_else(|| (priority > 2).then(|| number_below(doc, idx, &label)).flatten());
            let token = token.filter(|t| priority >= 4 || weakly_labelled_shape(t));
            let token = token.filter(|t| !ocr_number_sign(line, &label) || SERIES_SHAPE.is_match(t));
            // The invoice a credit note quotes ("Avoir sur facture n° FA-12") is that one
            // wherever else its number is printed ("Facture FA-12 du 05/12/2024, montant TTC" in
            // the note's settlement box).
            let token = token.filter(|t| !quoted_numbers.contains(t));
            if let Some(token) = token {
                read.push((priority, token.clone()));
                if best.as_ref().is_none_or(|(p, _)| *p < priority) {
                    best = Some((priority, token));
                }
            }
        }
    }
    // The same label read twice, once with a letter more ("Factuurnummer 2024-2051" at the top,
    // "o.v.v. factuurnummer F2024-2051" at the foot): OCR dropped that letter from one of them,
    // and the page does not say which. (Numbers of one series differ by figures: "Facture n°
    // 2024-0841" beside "Acompte – facture n° 2024-0801" is no misreading.)
    let misread_twice = best.as_ref().is_some_and(|(p, token)| {
        read.iter().any(|(q, other)| q == p && (one_letter_more(other, token) || one_letter_more(token, other)))
    });
    best.filter(|_| !misread_twice).map(|(priority, token)| (token, if priority >= 4 { LABELLED } else { GUESS }))
}

/// Whether a label is "Ne", OCR's reading of "Nº": a word of its own in French ("Ne pas jeter
/// sur la voie publique"), so it labels only a number of a series' shape (capitals glued to
/// figures: "Ne T25-045317"), never figures alone.
fn ocr_number_sign(line: &Line, label: &Hit<NumberLabel>) -> bool {
    line.text.get(label.start..label.end).is_some_and(|l| l.trim() == "Ne")
}

/// Whether `long` is `short` with one letter added somewhere.
fn one_letter_more(long: &str, short: &str) -> bool {
    long.len() == short.len() + 1
        && (0..long.len()).any(|i| {
            long.is_char_boundary(i)
                && long[i..].chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && long.get(..i).zip(long.get(i + 1..)).is_some_and(|(a, b)| {
                    short.len() == a.len() + b.len() && short.starts_with(a) && short.ends_with(b)
                })
        })
}

/// Whether a number label names another document's number: "Avoir sur facture n° FC-12",
/// "annule et remplace la facture n° 7" (the document this one quotes), a deduction, or a
/// number word standing under another document's mention or in a row it keys
/// ([`keyed_by_other_document`]).
fn quoted_label(doc: &Doc, idx: usize, label: &Hit<NumberLabel>, kind: Option<DocumentKind>) -> bool {
    let Some(line) = doc.lines.get(idx) else { return false };
    let before = window_before(&line.text, label.start, 40);
    QUOTED_NUMBER.is_match(before)
        || DEDUCTED.is_match(before)
        || (label.kind == NumberLabel::Standalone
            && (under_other_document(doc, idx, label)
                || keyed_by_other_document(&line.text, label, kind)
                || in_legal_reference(before)))
}

/// Whether a number word alone stands in a legal reference: after a legal act's name ("D.Lgs.
/// n. 196/2003", "Reg. (UE) n. 1169/2011", "Legge n. 633") or inside a bracketed aside that
/// cites one ("Aliquota 10% (Tab. A p. III n. 127-bis)").
fn in_legal_reference(before: &str) -> bool {
    static LEGAL_ACT: LazyLock<Regex> = LazyLock::new(|| {
        re(concat!(
            r"(?i)(?:\bd\.\s?lgs|\bd\.\s?p\.\s?r|\bdpr|\blegge|\bdecreto(?:\s+legislativo)?|\breg(?:olamento|lamento)?",
            r"|\bverordnung|\br[èe]glement|\bley|\breal\s+decreto|\bdirettiva|\bdirective|\brichtlinie|\bdirectiva)",
            r"\.?\s*(?:\(\s*(?:ue|ce|cee|eu|eg|ewg)\s*\))?\s*$",
        ))
    });
    bracketed_aside(before) || LEGAL_ACT.is_match(before)
}

/// Whether a number word alone in its cell answers a row's key naming another document, in the
/// cell at its left: "Ordine          n. 134 del 12/12/2024", "Lieferschein     Nr. 8812"; on
/// an invoice or a credit note, a till's receipt too ("Documento commerciale   n. 0007-0127",
/// "Ticket   N° 4512": the receipt the invoice was made out from).
fn keyed_by_other_document(text: &str, label: &Hit<NumberLabel>, kind: Option<DocumentKind>) -> bool {
    static RECEIPT_KEY: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(r"(?i){RECEIPT}|\b(?:documento\s+commerciale|ticket|re[çc]u|receipt|bon\s+de\s+caisse)\b"))
    });
    let head = text.get(..label.start).unwrap_or("").trim_end();
    let key = head.rsplit("  ").next().unwrap_or("").trim();
    let receipt = matches!(kind, Some(DocumentKind::Invoice | DocumentKind::CreditNote)) && RECEIPT_KEY.is_match(key);
    !key.is_empty() && key.split_whitespace().count() <= 3 && (OTHER_DOCUMENT_WORD.is_match(key) || receipt)
}

/// On a credit note, the numbers printed beside an invoice's label that quotes it ("Avoir sur
/// facture n° FA-12", "Against Invoice SI-44506"): the credited invoice's, never the note's.
/// Other quotes are not collected: "cette facture n°", "notre facture n°" may name the document
/// itself.
fn quoted_numbers(doc: &Doc, kind: Option<DocumentKind>) -> Vec<String> {
    let mut numbers = Vec::new();
    if kind != Some(DocumentKind::CreditNote) {
        return numbers;
    }
    for line in &doc.lines {
        for label in find_labels(&line.text, &NUMBER_LABELS) {
            let words = line.text.get(label.start..label.end).unwrap_or("");
            let invoice = INVOICE_MARK.is_match(words) && !CREDIT_MARK.is_match(words);
            let before = window_before(&line.text, label.start, 40);
            if invoice && QUOTED_NUMBER.is_match(before) {
                numbers.extend(document_number(doc, line, label.end));
            }
        }
    }
    numbers
}

/// A deduction or a parenthesis before a number label: "À déduire : provision facturée le
/// 15/08/2024 (facture n° 2408-395)", "Less deposit invoice no. 88", "abzüglich Anzahlung
/// Rechnung Nr. 4410": the number of an earlier invoice, deducted or cited. Deposit words alone
/// do not say it ("Deposit Invoice No. 55" is a deposit invoice's own number).
static DEDUCTED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\(\s*$|\b(?:[àa]\s+d[ée]duire|d[ée]duction|d[ée]duite?s?|less|minus|abz[üu]glich|abzgl|a\s+dedurre",
        r"|da\s+detrarre|dedotto|menos|a\s+deducir|af\s*:|minder)(?:\s|:|$)",
    ))
});

/// Whether a number word alone ("n. 91/2024") stands under a column header naming another
/// document ("Preventivo" over "n. 91/2024 del 28/07/2024"): that document's number.
fn under_other_document(doc: &Doc, idx: usize, label: &Hit<NumberLabel>) -> bool {
    let Some(line) = doc.lines.get(idx) else { return false };
    doc.cell_text_above(idx, line.span_cols(label.start, label.end))
        .is_some_and(|cell| OTHER_DOCUMENT_WORD.is_match(cell))
}

/// A number read after a title word or a number word alone ("Facture 2024", "N° 3") must look
/// like a document number: at least three characters, and not a year on its own.
fn weakly_labelled_shape(token: &str) -> bool {
    let year = token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()) && matches!(&token[..2], "19" | "20");
    token.chars().count() >= 3 && !year
}

pub(super) fn number_token(line: &Line, from: usize) -> Option<String> {
    let (token, starts_date) = token_at(line, from)?;
    if valid_number(token, starts_date) {
        return Some(token.to_owned());
    }
    // A lone small letter that OCR made of the number sign's pieces ("N° o AV2433405"): the
    // number after it, when it has the shape of one (a series' capitals glued to its figures).
    let rest = line.text.get(from..)?;
    let junk = JUNK_LETTER.find(rest)?;
    let (token, starts_date) = token_at(line, from + junk.end())?;
    (SERIES_SHAPE.is_match(token) && valid_number(token, starts_date)).then(|| token.to_owned())
}

static JUNK_LETTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[a-z]\s"));
static SERIES_SHAPE: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z]{1,4}-?\d[A-Za-z0-9\-/]{3,}$"));

/// The token a number label is followed by, and whether a date starts there; none where it is
/// an amount's figures or the first piece of a number OCR split.
fn token_at(line: &Line, from: usize) -> Option<(&str, bool)> {
    let rest = line.text.get(from..)?;
    let m = NUMBER_TOKEN.captures(rest)?.get(1)?;
    let token = m.as_str().trim_end_matches(['.', '-', '/', '_']);
    // "TOTAL FACTURA 7.078,12 €": the figures before an amount's decimals are no number.
    if AMOUNT_TAIL.is_match(rest.get(m.end()..).unwrap_or("")) {
        return None;
    }
    // "FACTURE N° FA202 28": OCR split the number (FA2024-3028); its first piece is not it, however
    // far the word rows set the rest ("FA202          28"), unless that rest starts a date
    // ("F24-0533          14 juli 2024").
    let split = SPLIT_NUMBER.find(rest.get(m.end()..).unwrap_or("")).is_some_and(|piece| {
        let digits = from + m.end() + piece.as_str().len() - piece.as_str().trim_start().len();
        !line.dates.iter().any(|d| d.start == digits)
    });
    if split {
        return None;
    }
    let starts_date = line.dates.iter().any(|d| d.start == from + m.start());
    Some((token, starts_date))
}

/// [`number_token`], and a number printed as a series' capitals and its figures apart
/// ("Gutschrift Nr. RG 24-5502"). From OCR, only after two capitals or more: OCR puts spaces of
/// its own after a single one ("F 2024-6407" read from "F2024-6407").
pub(super) fn document_number(doc: &Doc, line: &Line, from: usize) -> Option<String> {
    // Where `number_token` would start reading, past the label's punctuation.
    let rest = line.text.get(from..)?;
    let start = NUMBER_TOKEN.captures(rest)?.get(1)?.start();
    let series = SERIES_PREFIX.captures(&rest[start..]);
    if let Some(series) = series.filter(|s| doc.source == Source::TextLayer || s[1].len() >= 2) {
        let token = format!("{} {}", &series[1], series[2].trim_end_matches(['.', '-', '/', '_']));
        return valid_number(&token, false).then_some(token);
    }
    number_token(line, from).or_else(|| unlisted_siren_shape(doc, line, from))
}

/// A number of nine figures that passes the SIREN checksum (one in ten does) under a number
/// label ("Factuurnummer" over "202402897"): the document's number all the same unless the page
/// prints those figures as a company's (beside a SIREN or RCS label, inside a SIRET or a VAT
/// number).
fn unlisted_siren_shape(doc: &Doc, line: &Line, from: usize) -> Option<String> {
    let (token, starts_date) = token_at(line, from)?;
    let shape = token.len() == 9 && token.bytes().all(|b| b.is_ascii_digit()) && siren_valid(token);
    if !shape || starts_date {
        return None;
    }
    let company = doc.lines.iter().any(|l| {
        DIGIT_RUN.find_iter(&l.text).any(|run| {
            let digits: String = run.as_str().chars().filter(char::is_ascii_digit).collect();
            digits.contains(token)
                && (digits.len() > token.len() || REGISTRATION_LABEL.is_match(window_before(&l.text, run.start(), 40)))
        })
    });
    (!company).then(|| token.to_owned())
}

/// A number printed as a series' capitals and its figures apart: "RG 24-5502", "FA 2024-118".
static SERIES_PREFIX: LazyLock<Regex> = LazyLock::new(|| re(r"^([A-Z]{1,4}) (\d[A-Za-z0-9\-/_.]*\d)(?:\s|$)"));

/// A document number has a digit, is short, and is none of the other numbers printed near a
/// number label: a date, a company identifier (SIREN, SIRET), a VAT number, an IBAN, an amount
/// ("1.234,56") or a phone number ("01.23.45.67.89", "+33...").
pub(super) fn valid_number(token: &str, starts_date: bool) -> bool {
    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
    let all_digits = digits.len() == token.len();
    let identifier = all_digits && (siren_valid(&digits) || siret_valid(&digits));
    let vat_or_iban = fr_vat_valid(token) || EU_VAT.is_match(token) && token.len() >= 10 || iban_valid(token);
    let amount = token.contains([',', '.'])
        && token.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && parse_amount(token).is_some_and(|_| split_decimal(token).is_some_and(|(_, frac, _)| frac.len() == 2));
    let phone = is_phone(token);
    // Italian e-invoices' document type ("Tipo documento: FATTURA TD01", TD04 a credit note),
    // OCR's O for 0 included.
    let type_code =
        token.len() == 4 && token.starts_with("TD") && token[2..].bytes().all(|b| b.is_ascii_digit() || b == b'O');
    !digits.is_empty()
        && !type_code
        && token.len() <= 30
        && !starts_date
        && !identifier
        && !vat_or_iban
        && !amount
        && !phone
        && parse_date(token).is_none()
}

/// "0478123456", "04.78.12.34.56", "+33478123456": French and international phone numbers.
fn is_phone(token: &str) -> bool {
    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
    let shape_ok = token.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '/'));
    let grouped =
        token.split(['.', '-', '/']).filter(|g| !g.is_empty()).all(|g| g.len() == 2) && token.contains(['.', '-']);
    shape_ok
        && (token.starts_with('+') && digits.len() >= 10
            || digits.len() == 10
                && digits.starts_with('0')
                && (grouped || token.len() == 10 && matches!(digits.as_bytes()[1], b'1'..=b'9')))
}

/// "N° facture" in a header row, the number in the row below; or up to two rows further down,
/// when the rows between hold other columns' text only ("DATE  INVOICE #" at the right, a web
/// address at the left of the next line, the values on the line after; a telephone line and a
/// speck OCR read as a word between "Nº FACTURA" and its value).
///
/// Only a label that opens its cell heads a column: one inside a run of words ("12 avenue de
/// Genève Facture n° Dossier n°", a header row whose gaps OCR's text lost) stands over nothing
/// this line's columns can tell (the word rows, which keep the gaps, are read for it).
pub(super) fn number_below(doc: &Doc, idx: usize, label: &Hit<NumberLabel>) -> Option<String> {
    let line = doc.lines.get(idx)?;
    let cell = cell_at(&line.text, label.start, label.end)?;
    if line.text.get(cell.start..label.start).is_none_or(|lead| !lead.trim().is_empty()) {
        return None;
    }
    // A number word alone followed in its cell by what it numbers ("N° cliente", "N° TVA")
    // heads that thing's column.
    let named = line
        .text
        .get(label.end..cell.end)
        .is_some_and(|rest| rest.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2));
    if label.kind == NumberLabel::Standalone && named {
        return None;
    }
    let span = line.span_cols(label.start, label.end);
    let first = doc.next_non_blank(idx)?;
    let below = doc.lines.get(first)?;
    if let Some(cell) = below.cell_over(span) {
        return document_number(doc, below, cell.start);
    }
    // Values aligned otherwise pair in order, as the dates do.
    if let Some(cell) = cell_in_order(&line.text, label.start, label.end, &below.text, 2) {
        return document_number(doc, below, cell.start);
    }
    let mut at = first;
    for _ in 0..ROWS_BETWEEN {
        at = doc.next_non_blank(at)?;
        let next = doc.lines.get(at)?;
        if let Some(cell) = next.cell_over(span) {
            return document_number(doc, next, cell.start);
        }
    }
    None
}
