//! Identifiers: SIREN, SIRET, VAT number, IBAN (checksums in `ocr::checksum`).

use super::*;

// Identifiers: SIREN, SIRET, VAT number, IBAN

pub(super) static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| re(r"\d(?:[ .\x{A0}\x{202F}]?\d)*"));
pub(super) static REGISTRATION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\bsir[eé]n\b|\bsir[eé]t\b|\brcs\b|\br\.c\.s\b|\bimmatricul\w*|\bregistration\b",
        r"|\bcompany\s+(?:no|number)\b",
    ))
});
pub(super) static CLIENT_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:client|customer|acheteur|buyer|destinataire|bill(?:ed)?\s+to|votre|your|d[ée]biteur|debtor)\b",
        // de, nl, es, it: Kunde, Leistungsempfänger, klant, afnemer, cliente, destinatario, comprador.
        r"|\b(?:kunden?|kd|rechnungsempf\w*|leistungsempf\w*|klant|afnemer|cliente|destinatario|comprador|committente)\b",
        r"|factur[ée]e?\s+[àa](?:[\s:]|$)",
    ))
});
pub(super) static FR_VAT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bFR[ .\x{A0}]?([0-9A-Z]{2})[ .\x{A0}]?(\d{3})[ .\x{A0}]?(\d{3})[ .\x{A0}]?(\d{3})\b"));
pub(super) static EU_VAT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB)[ ]?[0-9A-Z]{8,12}\b")
});
pub(super) static VAT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bt\.?v\.?a\b|\bvat\b|\bust\b|\bbtw\b|\biva\b|\bmwst\b|intracom"));
pub(super) static IBAN_RE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[A-Z]{2}\d{2}(?:[ \x{A0}]?[0-9A-Z]){11,30}"));
pub(super) static IBAN_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\biban\b"));

/// IBAN lengths of the countries a French business usually deals with; a reading can be cut
/// to this length when the next word got glued to it.
pub(super) const IBAN_LENGTHS: [(&str, usize); 24] = [
    ("FR", 27),
    ("MC", 27),
    ("DE", 22),
    ("BE", 16),
    ("ES", 24),
    ("IT", 27),
    ("NL", 18),
    ("LU", 20),
    ("CH", 21),
    ("GB", 22),
    ("PT", 25),
    ("AT", 20),
    ("IE", 22),
    ("LI", 21),
    ("PL", 28),
    ("SE", 24),
    ("DK", 18),
    ("FI", 18),
    ("GR", 27),
    ("CZ", 24),
    ("RO", 24),
    ("GP", 27),
    ("MQ", 27),
    ("RE", 27),
];

#[derive(Debug, Clone)]
pub(super) struct IdHit {
    pub(super) value: String,
    /// Weight of the evidence: labelled or checksummed-by-construction is 3, bare format 1.
    pub(super) score: u8,
    pub(super) order: usize,
}

#[derive(Debug, Default)]
pub(super) struct IdHits {
    pub(super) sirens: Vec<IdHit>,
    pub(super) sirets: Vec<IdHit>,
    pub(super) vats: Vec<IdHit>,
    pub(super) foreign_vats: Vec<IdHit>,
    pub(super) ibans: Vec<IdHit>,
}

#[derive(Debug, Default)]
pub(super) struct Ids {
    pub(super) siren: Option<(String, f32)>,
    pub(super) siret: Option<(String, f32)>,
    pub(super) vat: Option<(String, f32)>,
    pub(super) iban: Option<(String, f32)>,
}

/// Whether a value at `start` on line `idx` belongs to the client rather than the issuer. The
/// zone test uses the start of the value's cell: a long issuer line may run under the client's
/// column without being part of it.
pub(super) fn is_client(doc: &Doc, idx: usize, start: usize) -> bool {
    let Some(line) = doc.lines.get(idx) else { return false };
    let cell_col = chunks(&line.text).iter().find(|c| c.start <= start && start < c.end).map_or(0, |c| c.col);
    doc.in_client_zone(idx, cell_col) || CLIENT_CONTEXT.is_match(window_before(&line.text, start, 40))
}

pub(super) fn identifiers(doc: &Doc) -> Ids {
    let mut hits = IdHits::default();
    for (idx, line) in doc.lines.iter().enumerate() {
        registration_numbers(doc, idx, line, &mut hits);
        vat_numbers(doc, idx, line, &mut hits);
        ibans(doc, idx, line, &mut hits);
    }
    choose_ids(&hits)
}

pub(super) fn registration_numbers(doc: &Doc, idx: usize, line: &Line, hits: &mut IdHits) {
    for run in DIGIT_RUN.find_iter(&line.text).take(MAX_HITS_PER_LINE) {
        if !amount_context_ok(&line.text, run.start(), run.end()) || is_client(doc, idx, run.start()) {
            continue;
        }
        let labelled = REGISTRATION_LABEL.is_match(window_before(&line.text, run.start(), 40));
        let groups: Vec<&str> = run.as_str().split(|c: char| !c.is_ascii_digit()).take(12).collect();
        for (value, canonical) in id_windows(&groups) {
            let score = if labelled { 3 } else { 1 };
            let hit = IdHit { value: value.clone(), score, order: idx };
            if value.len() == 14 && (labelled || canonical) {
                hits.sirets.push(hit);
            } else if value.len() == 9 && labelled {
                hits.sirens.push(hit);
            }
        }
    }
}

/// Checksum-valid SIRENs and SIRETs made of consecutive digit groups of a run; `canonical` when
/// spaced the standard way ("732 829 320 00017"), which is evidence enough without a label.
pub(super) fn id_windows(groups: &[&str]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for i in 0..groups.len() {
        let mut value = String::new();
        for (j, group) in groups.iter().enumerate().skip(i) {
            value.push_str(group);
            let lengths: Vec<usize> = groups[i..=j].iter().map(|g| g.len()).collect();
            if value.len() == 14 && siret_valid(&value) {
                out.push((value.clone(), lengths == [3, 3, 3, 5]));
            } else if value.len() == 9 && siren_valid(&value) {
                out.push((value.clone(), lengths == [3, 3, 3]));
            }
            if value.len() >= 14 {
                break;
            }
        }
    }
    out
}

pub(super) fn vat_numbers(doc: &Doc, idx: usize, line: &Line, hits: &mut IdHits) {
    for m in FR_VAT.find_iter(&line.text).take(MAX_HITS_PER_LINE) {
        let value = compact(m.as_str()).to_ascii_uppercase().replace('.', "");
        if fr_vat_valid(&value) && !is_client(doc, idx, m.start()) {
            hits.vats.push(IdHit { value, score: 3, order: idx });
        }
    }
    let labelled = VAT_LABEL.is_match(&line.text);
    for m in EU_VAT.find_iter(&line.text).take(MAX_HITS_PER_LINE) {
        let value = compact(m.as_str());
        let digits = value.chars().filter(char::is_ascii_digit).count();
        if labelled && digits >= 6 && !is_client(doc, idx, m.start()) {
            hits.foreign_vats.push(IdHit { value, score: 1, order: idx });
        }
    }
}

pub(super) fn ibans(doc: &Doc, idx: usize, line: &Line, hits: &mut IdHits) {
    let labelled = IBAN_LABEL.is_match(&line.text)
        || doc.prev_non_blank(idx).is_some_and(|p| IBAN_LABEL.is_match(&doc.lines[p].text));
    for m in IBAN_RE.find_iter(&line.text).take(MAX_HITS_PER_LINE) {
        if is_client(doc, idx, m.start()) {
            continue;
        }
        if let Some(value) = iban_from(m.as_str(), labelled) {
            hits.ibans.push(IdHit { value, score: if labelled { 3 } else { 1 }, order: idx });
        }
    }
}

/// The reading may run into the next word ("... 189 BIC"): cut it to the country's length, or
/// for other countries (only when labelled) to a group boundary that verifies.
pub(super) fn iban_from(raw: &str, labelled: bool) -> Option<String> {
    let upper = raw.to_ascii_uppercase();
    let value = compact(&upper);
    let country = value.get(..2)?;
    if let Some((_, len)) = IBAN_LENGTHS.iter().find(|(c, _)| *c == country) {
        let cut = value.get(..*len)?;
        return iban_valid(cut).then(|| cut.to_owned());
    }
    if !labelled {
        return None;
    }
    let mut ends: Vec<usize> = Vec::new();
    let mut count = 0;
    for part in upper.split_whitespace() {
        count += part.len();
        ends.push(count);
    }
    ends.into_iter().rev().filter_map(|end| value.get(..end)).find(|v| iban_valid(v)).map(str::to_owned)
}

pub(super) fn choose_ids(hits: &IdHits) -> Ids {
    let siren = choose_siren(hits);
    let prefer = |v: &IdHit, len: usize| siren.as_ref().is_some_and(|(s, _)| v.value.get(len..len + 9) == Some(s));
    let siret = best_hit(&hits.sirets, |h| prefer(h, 0))
        .map(|h| (h.value.clone(), if h.score >= 3 { CHECKSUMMED } else { 0.7 }));
    let vat = best_hit(&hits.vats, |h| prefer(h, 4))
        .map(|h| (h.value.clone(), CHECKSUMMED))
        .or_else(|| best_hit(&hits.foreign_vats, |_| false).map(|h| (h.value.clone(), GUESS)));
    let iban =
        best_hit(&hits.ibans, |_| false).map(|h| (h.value.clone(), if h.score >= 3 { CHECKSUMMED } else { LABELLED }));
    Ids { siren, siret, vat, iban }
}

/// The preferred hit, then the best evidenced, then the first.
pub(super) fn best_hit(hits: &[IdHit], preferred: impl Fn(&IdHit) -> bool) -> Option<&IdHit> {
    hits.iter().max_by_key(|h| (preferred(h), h.score, Reverse(h.order)))
}

/// Every reading of a SIREN (itself, inside a SIRET, inside a VAT number) adds up, so the one
/// that the document repeats in several forms wins.
pub(super) fn choose_siren(hits: &IdHits) -> Option<(String, f32)> {
    let mut evidence: Vec<(String, u32, usize)> = Vec::new();
    let derived = hits
        .sirens
        .iter()
        .map(|h| (h.value.clone(), h))
        .chain(hits.sirets.iter().filter_map(|h| Some((h.value.get(..9)?.to_owned(), h))))
        .chain(hits.vats.iter().filter_map(|h| Some((h.value.get(4..)?.to_owned(), h))));
    for (siren, hit) in derived.filter(|(s, _)| siren_valid(s)) {
        match evidence.iter_mut().find(|(s, _, _)| *s == siren) {
            Some(entry) => {
                entry.1 += u32::from(hit.score);
                entry.2 = entry.2.min(hit.order);
            }
            None => evidence.push((siren, u32::from(hit.score), hit.order)),
        }
    }
    let (siren, score, _) = evidence.into_iter().max_by_key(|(_, score, order)| (*score, Reverse(*order)))?;
    Some((siren, if score >= 3 { CHECKSUMMED } else { 0.7 }))
}
