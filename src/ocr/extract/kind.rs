//! Document kind and currency.

use super::*;

// Kind and currency

pub(super) static CREDIT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        "(?i){}|{}|{CREDIT_NOTE}",
        r"\bfacture\s+d['’\s]?\s*avoir\b|\bavoir\s*(?:n\s?[°º*']|no\b|num|:)|^\s*avoir\b|\bcredit\s+note\b",
        r"\bnote\s+de\s+cr[ée]dit\b|\bcredit\s+memo\b",
    ))
});
pub(super) static INVOICE_MARK: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){INVOICE}")));
pub(super) static RECEIPT_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\bticket\b|^\s*re[çc]u\b|\breceipt\b|\bnote\s+de\s+caisse\b|{RECEIPT}")));
pub(super) static PAYMENT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:cb|carte(?:\s+bancaire)?|esp[èe]ces|cash|rendu|monnaie|sans\s+contact|contactless|visa",
        r"|mastercard)\b",
    ))
});

/// The first title-like mention decides: a receipt may offer "facture sur demande" at the
/// bottom, and a credit note quotes the invoice it cancels.
pub(super) fn detect_kind(doc: &Doc) -> Option<(DocumentKind, f32)> {
    let top = doc.top_lines(TOP_LINES);
    for (idx, line) in doc.lines.iter().enumerate() {
        let kind = if CREDIT_MARK.is_match(&line.text) {
            DocumentKind::CreditNote
        } else if INVOICE_MARK.is_match(&line.text) {
            DocumentKind::Invoice
        } else if RECEIPT_MARK.is_match(&line.text) {
            DocumentKind::Receipt
        } else {
            continue;
        };
        return Some((kind, if top.contains(&idx) { 0.9 } else { 0.7 }));
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
