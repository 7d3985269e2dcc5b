//! Supplier name.

use super::*;

// Supplier name

/// Case-sensitive on purpose: "sa" and "inc" are ordinary words in lowercase.
pub(super) static LEGAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"\b(?:SASU|SAS|SARL|SA|EURL|SCI|SNC|SCOP|SCP|SCM|SELARL|SELAS|GIE|LTD|Ltd|Limited|LLC|LLP|GmbH|GMBH",
        r"|Inc|INC|Corp|PLC|plc|BV|NV|AG|SpA|SRL)\b|\bS\.A\.(?:R\.L\.|S\.(?:U\.)?)?",
    ))
});
/// Where a legal mention stops being the name: capital, registration, contact details, address.
pub(super) static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:\s[-–—•·]\s|,\s*|\s+)(?:au\s+capital|capital|rcs\b|r\.c\.s|siret|siren|n°|tva\b|vat\b",
        r"|t[ée]l\b|tel\b|phone|fax|e-?mail|www\.|https?:|si[èe]ge|registered|company\s+(?:no|number))",
        r"|\s[-–—•·]\s+\d|,\s*\d",
    ))
});
/// Cells that are labels or titles, not a company's name.
pub(super) static LABEL_CELL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:factur\w*|invoice|tax\s+invoice|avoir|credit|re[çc]u|receipt|ticket|devis|quote|date|n\s?[°º]|no",
        r"|num[ée]ro|page|client|customer|bill\w*|adresse|address|livr\w*|ship\w*|siret|siren|tva|vat|iban|bic",
        r"|t[ée]l\w*|phone|fax|e-?mail|www|https?|capital|rcs|total|sous-total|montant|net|conditions|mode",
        r"|paiement|payment|r[ée]f\w*|[ée]ch[ée]ance|due|p[ée]riode|objet|description|d[ée]signation|qt[ée]",
        r"|quantit[ée]|prix|price|unit|taux|rate|base|original|duplicata|copie|bonjour|madame|monsieur|dear)",
        r"(?:[^\p{L}\p{N}]|$)",
    ))
});
pub(super) static SUPPLIER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:fournisseur|[ée]metteur|vendeur|seller|supplier|prestataire|from|factur[ée]e?\s+par)",
        r"\s*:\s*(\S.{1,80})$",
    ))
});

pub(super) fn supplier_name(doc: &Doc, looks_accounting: bool) -> Option<(String, f32)> {
    let top = doc.top_lines(TOP_LINES);
    let all: Vec<usize> = (0..doc.lines.len()).collect();
    labelled_supplier(doc)
        .map(|name| (name, 0.8))
        .or_else(|| legal_form_name(doc, &top).map(|name| (name, 0.8)))
        .or_else(|| legal_form_name(doc, &all).map(|name| (name, GUESS)))
        .or_else(|| looks_accounting.then(|| first_line_name(doc, &doc.top_lines(5))).flatten().map(|n| (n, 0.5)))
}

/// The cells of the given lines that are not in the client's block.
pub(super) fn issuer_cells<'a>(doc: &'a Doc, lines: &'a [usize]) -> impl Iterator<Item = &'a str> + 'a {
    lines.iter().flat_map(move |&idx| {
        let line = &doc.lines[idx];
        chunks(&line.text)
            .into_iter()
            .filter(move |c| !doc.in_client_zone(idx, c.col))
            .filter_map(move |c| line.text.get(c.start..c.end))
    })
}

pub(super) fn labelled_supplier(doc: &Doc) -> Option<String> {
    let lines: Vec<usize> = (0..doc.lines.len()).collect();
    let name = issuer_cells(doc, &lines)
        .find_map(|cell| SUPPLIER_LABEL.captures(cell).and_then(|c| c.get(1)).map(|m| clean_name(m.as_str())));
    name
}

pub(super) fn legal_form_name(doc: &Doc, lines: &[usize]) -> Option<String> {
    issuer_cells(doc, lines).filter(|cell| !LABEL_CELL.is_match(cell)).find_map(name_with_legal_form)
}

/// "ACME SAS au capital de 10 000 €" gives "ACME SAS"; a bare "SAS au capital..." gives nothing.
pub(super) fn name_with_legal_form(cell: &str) -> Option<String> {
    let end = NAME_END.find(cell).map_or(cell.len(), |m| m.start());
    let name = clean_name(cell.get(..end)?);
    let form = LEGAL_FORM.find(&name)?;
    let letters = |text: &str| text.chars().filter(|c| c.is_alphabetic()).count();
    let other_letters = letters(&name).saturating_sub(letters(form.as_str()));
    (other_letters >= 2 && name.chars().count() <= 80).then_some(name)
}

/// The first cell that reads like a name, skipping titles, labels, and item or date lines.
pub(super) fn first_line_name(doc: &Doc, lines: &[usize]) -> Option<String> {
    let plain: Vec<usize> =
        lines.iter().copied().filter(|&i| doc.lines[i].amounts.is_empty() && doc.lines[i].dates.is_empty()).collect();
    let name = issuer_cells(doc, &plain)
        .filter(|cell| !LABEL_CELL.is_match(cell) && !cell.contains('@'))
        .filter(|cell| !cell.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|cell| cell.chars().filter(char::is_ascii_digit).count() * 3 < cell.chars().count())
        .find(|cell| cell.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .map(clean_name)
        .filter(|name| name.chars().count() <= 80);
    name
}

pub(super) fn clean_name(raw: &str) -> String {
    let edge = |c: char| c.is_whitespace() || matches!(c, ':' | '-' | ',' | ';' | '–' | '—' | '*');
    let trimmed = raw.trim_matches(edge);
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}
