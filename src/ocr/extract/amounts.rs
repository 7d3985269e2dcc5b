//! Amounts: parsing one, and finding those of a line that are amounts (not dates, legal references, postcodes, quantities, percentages or phone numbers).

use super::*;

// Amount parsing

pub(super) const CURRENCY_MARKS: [&str; 9] = ["EUROS", "EURO", "EUR", "USD", "GBP", "CHF", "€", "$", "£"];

pub(super) fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        text.get(prefix.len()..)
    } else {
        None
    }
}

pub(super) fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    if text.get(cut..)?.eq_ignore_ascii_case(suffix) {
        text.get(..cut)
    } else {
        None
    }
}

pub(super) fn strip_minus(text: &str) -> Option<&str> {
    text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}'))
}

/// Sign and currency may come in either order on either side: "-12 €", "€-12", receipts' "12,00-".
pub(super) fn strip_sign_and_currency(raw: &str) -> (bool, &str) {
    let mut text = raw.trim();
    let mut negative = false;
    loop {
        if let Some(rest) = strip_minus(text) {
            negative = true;
            text = rest.trim_start();
        } else if let Some(rest) = CURRENCY_MARKS.iter().find_map(|mark| strip_prefix_ci(text, mark)) {
            text = rest.trim_start();
        } else {
            break;
        }
    }
    loop {
        if let Some(rest) = text.strip_suffix('-') {
            negative = true;
            text = rest.trim_end();
        } else if let Some(rest) = CURRENCY_MARKS.iter().find_map(|mark| strip_suffix_ci(text, mark)) {
            text = rest.trim_end();
        } else {
            break;
        }
    }
    (negative, text)
}

pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Separators of one kind: all spaces alike, so "1 234" may mix normal and non-breaking ones.
pub(super) fn separator_class(c: char) -> u8 {
    match c {
        '.' => 1,
        ',' => 2,
        '\'' => 3,
        _ => 0,
    }
}

pub(super) fn parse_unsigned(text: &str) -> Option<i64> {
    let starts_ok = text.starts_with(|c: char| c.is_ascii_digit());
    let ends_ok = text.ends_with(|c: char| c.is_ascii_digit());
    let chars_ok = text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'') || is_group_space(c));
    if !(starts_ok && ends_ok && chars_ok) {
        return None;
    }
    let (int, frac, decimal) = split_decimal(text)?;
    let digits = ungroup(int, decimal).or_else(|| misread_grouping(int, frac, decimal))?;
    Cents::parse_decimal(&format!("{digits}.{frac}")).map(|cents| cents.0)
}

/// Thousands separators that OCR read as the decimal one ("-4,419,55" for "-4.419,55",
/// "1.234.56" for "1,234.56"): groups of three digits, each after that same separator, then
/// exactly two decimals. Nothing else prints an amount that way.
fn misread_grouping(int: &str, frac: &str, decimal: Option<char>) -> Option<String> {
    let decimal = decimal?;
    let separators_ok = int.chars().all(|c| c.is_ascii_digit() || c == decimal);
    let groups: Vec<&str> = int.split(decimal).collect();
    let shaped = groups.len() >= 2
        && groups.len() <= 5
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    (frac.len() == 2 && separators_ok && shaped).then(|| groups.concat())
}

/// The decimal part follows the last '.' or ',' when one or two digits follow it; three digits
/// make it a thousands separator ("1.234"); anything else is not an amount.
pub(super) fn split_decimal(text: &str) -> Option<(&str, &str, Option<char>)> {
    let Some(pos) = text.rfind(['.', ',']) else { return Some((text, "", None)) };
    let frac = text.get(pos + 1..)?;
    let separator = text.get(pos..pos + 1)?.chars().next();
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match frac.len() {
        1 | 2 => Some((text.get(..pos)?, frac, separator)),
        3 => Some((text, "", None)),
        _ => None,
    }
}

/// Removes thousands separators: groups of exactly three digits after the first, all with the
/// same kind of separator, which must differ from the decimal one.
pub(super) fn ungroup(int: &str, decimal: Option<char>) -> Option<String> {
    let groups: Vec<&str> = int.split(|c: char| !c.is_ascii_digit()).collect();
    let separators: Vec<char> = int.chars().filter(|c| !c.is_ascii_digit()).collect();
    if separators.is_empty() {
        return (int.len() <= 13).then(|| int.to_owned());
    }
    let same_kind = separators.windows(2).all(|w| separator_class(w[0]) == separator_class(w[1]));
    let distinct = decimal.is_none_or(|d| separators.iter().all(|s| separator_class(*s) != separator_class(d)));
    let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
    let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
    (same_kind && distinct && first_ok && rest_ok && groups.len() <= 5).then(|| groups.concat())
}

// Amounts in a line of text

/// Grouped thousands first, so "1 234,56" is one amount; the plain form catches "1234,56".
/// A sign only counts when glued: in layouts " - " is mostly a separator.
pub(super) static AMOUNT_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:[-\x{2212}])?(?:(?:€|\$|£|EUR|USD|GBP|CHF)\s?)?",
        r"(?:\d{1,3}(?:[ \x{A0}\x{202F}\x{2009}'.,]\d{3})+|\d+)(?:[.,]\d{1,2})?",
        r"(?:\s?(?:€|\$|£|(?:EUR|USD|GBP|CHF)\b))?",
    ))
});

#[derive(Debug, Clone, Copy)]
pub(super) struct AmountHit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) cents: Cents,
}

/// Whether an amount of a line is written as money, with two decimals ("1.890,24", "700,00 €"):
/// not an integer that the amount pattern also reads (a page count, "Kunden-Nr. 1234", a
/// company number).
pub(super) fn is_money(line: &Line, hit: &AmountHit) -> bool {
    // The amount's bytes may end with its currency: "700,00 €".
    let raw = line.text.get(hit.start..hit.end).unwrap_or("").trim_end_matches(|c: char| !c.is_ascii_digit());
    let digits = raw.bytes().rev().take_while(u8::is_ascii_digit).count();
    let sep = raw.bytes().rev().nth(digits);
    digits == 2 && matches!(sep, Some(b',' | b'.'))
}

pub(super) fn find_amounts(masked: &str) -> Vec<AmountHit> {
    AMOUNT_RE
        .find_iter(masked)
        .filter(|m| amount_context_ok(masked, m.start(), m.end()))
        .filter(|m| !other_number(masked, m.start(), m.end(), m.as_str()))
        .filter_map(|m| Some(AmountHit { start: m.start(), end: m.end(), cents: parse_amount(m.as_str())? }))
        .take(MAX_HITS_PER_LINE)
        .collect()
}

/// Rejects numbers that are part of something else: a reference ("FA2026"), a rate ("20 %"),
/// a longer dotted number, a fraction.
pub(super) fn amount_context_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after_text = text.get(end..).unwrap_or("");
    let mut after = after_text.chars();
    let (next, next2) = (after.next(), after.next());
    let glued_before =
        before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '°' | 'º' | '#' | '.' | ',' | '_' | '-'));
    let glued_after = next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '°' | '_'));
    let continues = matches!(next, Some('.' | ',' | ':' | '-')) && next2.is_some_and(|c| c.is_ascii_digit());
    let percent = after_text.trim_start().starts_with('%');
    !(glued_before || glued_after || continues || percent)
}

/// A legal reference just before the number: "article 262 ter I du CGI", "§ 13b UStG", "art. 44".
static LEGAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:\bart(?:icles?|ikel|icol[oi]|[íi]culos?|s?)?\b\.?|§+|\bparagra(?:ph|fo)\w*|\balin[ée]a\b",
        r"|\bloi\b|\bd[ée]cret\b|\bn[°º]\s*|\bdirective\b|\brichtlinie\b|\bcgi\b|\bustg\b)",
        r"(?:\s*\d+\s*(?:(?:bis|ter|quater|[a-z]|[ivx]{1,4})\b\s*)?(?:[,/]|et|and|und|y|e|en)?)*\s*$",
    ))
});
/// What follows a legal reference's number: "ter", "bis", "du CGI", "UStG", a Roman numeral.
static LEGAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s?(?:bis|ter|quater|quinquies|sexies|[a-z]?\s*(?:du|of|des|de\s+la|del|des)?\s*(?:cgi|ustg|code|mwstsystrl|cee|ce)\b|[IVX]{1,4}\b)",
    )
});
/// A phone, fax or postcode label in the few characters before.
static PHONE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bt[ée]l(?:[ée]phone|efon[oa]?)?\b|\bphone\b|\bfax\b|\btfno\b|\bmobile?\b|\bgsm\b|\bcell\b|\+\d{1,3})[.:\s]*(?:\+?\(?\d+\)?[\s.\-/]*)*\+?$",
    )
});
/// A city after a postcode: "75008 Paris", "1012 AB Amsterdam", "75008 CEDEX".
static POSTCODE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?: \p{Lu}\p{Ll}| [A-Z]{2} \p{Lu}| ?-? ?cedex\b)"));
/// A unit after a quantity: "3 x", "12 Stück", "2,5 h".
static AFTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^\s{0,3}(?:x\b|×|pcs?\b|pces?\b|st(?:ck|ück|\.)?\b|unit[ée]?s?\b|uds?\b|pz\b|h\b|hrs?\b|heures?\b|stunden?\b",
        r"|std\b|stk\b|uur\b|ore\b|horas?\b|kg\b|jours?\b|days?\b|tage?\b|dagen\b|d[íi]as\b|giorni\b|m²|m2?\b|km\b|l\b)",
    ))
});

/// Numbers that are not amounts whatever their shape: legal references, phone numbers,
/// postcodes and quantities. An amount with a currency mark is always an amount.
pub(super) fn other_number(text: &str, start: usize, end: usize, raw: &str) -> bool {
    if raw.contains(['€', '$', '£']) || raw.to_ascii_uppercase().contains(['E', 'U', 'S', 'G', 'C']) {
        return false;
    }
    let before = window_before(text, start, 48);
    let after = text.get(end..).unwrap_or("");
    let whole = !raw.contains([',', '.']) || raw.trim().len() > 1 && phone_groups(raw);
    (whole && (LEGAL_BEFORE.is_match(before) || LEGAL_AFTER.is_match(after) || PHONE_BEFORE.is_match(before)))
        || AFTER_NUMBER.is_match(after)
        || (matches!(raw.trim().len(), 4 | 5)
            && raw.trim().bytes().all(|b| b.is_ascii_digit())
            && POSTCODE_AFTER.is_match(after))
}

/// "01.23.45" or "06 12 34": groups of two digits read as one number are a phone's.
fn phone_groups(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split([' ', '.', '\u{a0}']).collect();
    groups.len() >= 3 && groups.iter().all(|g| g.len() == 2)
}
