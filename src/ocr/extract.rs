//! Heuristic extraction of accounting fields from a document's text (PDF text layer or OCR).
//!
//! The text is expected in `pdftotext -layout` style: one string per visual line, columns kept
//! apart by runs of spaces, so a label and its value usually share a line. Every value is a best
//! effort that comes with a confidence; checksums and the HT + TVA = TTC identity are used to
//! tell good readings from bad ones. Nothing here may panic, whatever the input.

use std::cmp::Reverse;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Regex, RegexSet};

use super::amount::Cents;
use super::fields::{DocumentKind, Field, Fields, Source, VatLine};

/// A checksum that verifies makes a misread identifier very unlikely.
const CHECKSUMMED: f32 = 0.95;
const LABELLED: f32 = 0.85;
const GUESS: f32 = 0.6;
const WEAK_GUESS: f32 = 0.4;
/// OCR output deserves less trust than a text layer, whatever the heuristic that read it.
const OCR_FACTOR: f32 = 0.9;

/// Bounds that keep the work linear on hostile input (a huge line, thousands of numbers).
const MAX_LINE_CHARS: usize = 2000;
const MAX_LINES: usize = 20_000;
const MAX_HITS_PER_LINE: usize = 64;
const MAX_TOTAL_CANDIDATES: usize = 8;
/// The issuer's header sits in the first lines of the first page.
const TOP_LINES: usize = 15;
/// Columns of a header and of the value under it rarely line up exactly.
const COLUMN_SLACK: usize = 2;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/// Extracts accounting fields from a document's text (one string per page, in order), read from
/// `source` (Source::TextLayer or Source::Ocr). Never panics, whatever the input.
pub fn extract(pages: &[&str], source: Source) -> Fields {
    let doc = Doc::new(pages, source);
    let kind = detect_kind(&doc);
    let document_kind = kind.map(|(k, _)| k);
    let breakdown = vat_breakdown(&doc);
    let totals = choose_totals(&total_candidates(&doc, &breakdown));
    let ids = identifiers(&doc);
    let wrap = |found: Option<(String, f32)>| found.map(|(value, confidence)| field(value, confidence, source));
    let mut fields = Fields {
        date: wrap(document_date(&doc, document_kind)),
        invoice_number: wrap(invoice_number(&doc, document_kind)),
        siren: wrap(ids.siren),
        siret: wrap(ids.siret),
        vat_number: wrap(ids.vat),
        iban: wrap(ids.iban),
        currency: wrap(currency(&doc).map(|(code, confidence)| (code.to_owned(), confidence))),
        ..Fields::default()
    };
    set_totals(&mut fields, &totals, &breakdown, source);
    // Without any sign of an accounting document, a first line is just a first line.
    let looks_accounting = kind.is_some() || has_any_value(&fields);
    fields.supplier_name = wrap(supplier_name(&doc, looks_accounting));
    fields.kind = match kind {
        Some((kind, confidence)) => Some(field(kind, confidence, source)),
        None => looks_accounting.then(|| field(DocumentKind::Other, 0.3, source)),
    };
    fields
}

/// Luhn checksum over ASCII digits (SIREN, SIRET, card numbers). False if empty or not digits.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits.bytes().rev().enumerate().map(|(i, b)| luhn_term(u32::from(b - b'0'), i % 2 == 1)).sum();
    sum % 10 == 0
}

/// A SIREN: 9 digits, Luhn-valid.
pub fn siren_valid(siren: &str) -> bool {
    is_digits(siren, 9) && !is_zeros(siren) && luhn_valid(siren)
}

/// La Poste's establishments all share this SIREN and outnumber what Luhn leaves room for, so
/// INSEE numbers them by digit sum instead (its head office, 356 000 000 00048, is Luhn-valid).
const LA_POSTE_SIREN: &str = "356000000";

/// A SIRET: 14 digits, Luhn-valid, or La Poste's (sum of digits multiple of 5).
pub fn siret_valid(siret: &str) -> bool {
    if !is_digits(siret, 14) || is_zeros(siret) {
        return false;
    }
    let la_poste =
        siret.starts_with(LA_POSTE_SIREN) && siret.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0;
    la_poste || luhn_valid(siret)
}

/// A French VAT number: "FR" + 2-digit key + SIREN, key = (12 + 3 * (SIREN mod 97)) mod 97.
/// Spaces are ignored. Keys with letters (possible for some entities) cannot be checked: false.
pub fn fr_vat_valid(vat: &str) -> bool {
    let compact = compact(vat).to_ascii_uppercase();
    let Some(rest) = compact.strip_prefix("FR") else { return false };
    let (Some(key), Some(siren)) = (rest.get(..2), rest.get(2..)) else { return false };
    if !is_digits(key, 2) || !siren_valid(siren) {
        return false;
    }
    match (key.parse::<u64>(), siren.parse::<u64>()) {
        (Ok(key), Ok(siren)) => key == (12 + 3 * (siren % 97)) % 97,
        _ => false,
    }
}

/// An IBAN, ISO 13616 mod 97 (the country's own length is not checked). Spaces ignored.
pub fn iban_valid(iban: &str) -> bool {
    let compact = compact(iban).to_ascii_uppercase();
    let bytes = compact.as_bytes();
    let shape_ok = (15..=34).contains(&bytes.len())
        && bytes.iter().take(2).all(u8::is_ascii_uppercase)
        && bytes.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && bytes.iter().all(u8::is_ascii_alphanumeric);
    if !shape_ok {
        return false;
    }
    // The country code and check digits move to the end, letters count as 10..35.
    let remainder = bytes.iter().skip(4).chain(bytes.iter().take(4)).fold(0u32, |rem, &b| {
        if b.is_ascii_digit() {
            (rem * 10 + u32::from(b - b'0')) % 97
        } else {
            (rem * 100 + u32::from(b - b'A') + 10) % 97
        }
    });
    remainder == 1
}

/// Parses a French or English amount: "1 234,56 €", "1.234,56", "1,234.56", "1234.56", "€12.50",
/// "12,5", "1 234 €", negative "-12,00"; thin/non-breaking spaces (U+00A0, U+202F) as thousands
/// separators. None if not an amount.
pub fn parse_amount(raw: &str) -> Option<Cents> {
    let (negative, number) = strip_sign_and_currency(raw);
    let cents = parse_unsigned(number)?;
    Some(Cents(if negative { -cents } else { cents }))
}

/// Parses a date: "15/03/2026", "15-03-2026", "15.03.2026", "2026-03-15", "15 mars 2026",
/// "1er juin 2026", "15 March 2026", "March 15, 2026", "15 Mar 2026", 2-digit years "15/03/26" →
/// 2026. Returns YYYY-MM-DD; None if invalid (e.g. 31/02).
pub fn parse_date(raw: &str) -> Option<String> {
    let text = raw.trim().trim_end_matches(['.', ',']);
    find_dates(text).into_iter().find(|hit| hit.start == 0 && hit.end == text.len()).map(|hit| hit.date.to_string())
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

fn field<T>(value: T, confidence: f32, source: Source) -> Field<T> {
    let factor = if source == Source::Ocr { OCR_FACTOR } else { 1.0 };
    Field::new(value, confidence * factor, source)
}

fn luhn_term(digit: u32, doubled: bool) -> u32 {
    match (doubled, digit * 2) {
        (false, _) => digit,
        (true, twice) if twice > 9 => twice - 9,
        (true, twice) => twice,
    }
}

fn is_digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_zeros(text: &str) -> bool {
    text.bytes().all(|b| b == b'0')
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Word boundaries are ASCII ones: Unicode boundaries send the regex engine to its slow NFA on
/// any non-ASCII text (most French lines). Patterns therefore put no `\b` next to an accented
/// letter.
fn re(pattern: &str) -> Regex {
    Regex::new(&ascii_boundaries(pattern)).expect("static regex pattern is valid")
}

fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Column (in characters) of a byte offset, for lining up layout columns.
fn col_of(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 <= b.1 + COLUMN_SLACK && b.0 <= a.1 + COLUMN_SLACK
}

/// The up to `width` bytes before `end`, cut on a character boundary.
fn window_before(text: &str, end: usize, width: usize) -> &str {
    let mut start = end.saturating_sub(width);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..end).unwrap_or("")
}

fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// A label found in a line, by byte offsets.
#[derive(Debug, Clone, Copy)]
struct Hit<K> {
    kind: K,
    start: usize,
    end: usize,
}

/// Whitespace inside a label stays within one layout cell: "Date de facture     N° de facture"
/// holds two labels, not "facture     N°".
fn within_cell<K: Copy, P: AsRef<str>>(rows: &[(K, P)]) -> Vec<(K, String)> {
    rows.iter().map(|(kind, p)| (*kind, p.as_ref().replace(r"\s*", r"\s{0,2}").replace(r"\s+", r"\s{1,2}"))).collect()
}

/// Labelled patterns and the set of them all: most lines hold no label and then cost one scan
/// instead of one per pattern.
struct LabelTable<K> {
    set: RegexSet,
    rows: Vec<(K, Regex)>,
}

impl<K: Copy> LabelTable<K> {
    fn new<P: AsRef<str>>(rows: &[(K, P)]) -> Self {
        let patterns: Vec<String> =
            rows.iter().map(|(_, p)| ascii_boundaries(&format!("(?i){}", p.as_ref()))).collect();
        let set = RegexSet::new(&patterns).expect("static regex patterns are valid");
        let compile = |p: &String| Regex::new(p).expect("static regex pattern is valid");
        let rows = rows.iter().zip(&patterns).map(|((kind, _), p)| (*kind, compile(p))).collect();
        Self { set, rows }
    }
}

/// The labels of a line, leftmost first; where two overlap the longer wins, so "Total TVA" is
/// one label and not "Total" then "TVA", and "TVA intracommunautaire" is not the VAT amount.
fn find_labels<K: Copy>(text: &str, table: &LabelTable<K>) -> Vec<Hit<K>> {
    let matched = table.set.matches(text);
    let mut all: Vec<Hit<K>> = matched
        .iter()
        .filter_map(|i| table.rows.get(i))
        .flat_map(|(kind, re)| re.find_iter(text).map(move |m| Hit { kind: *kind, start: m.start(), end: m.end() }))
        .collect();
    all.sort_by_key(|hit| (hit.start, Reverse(hit.end)));
    let mut kept: Vec<Hit<K>> = Vec::new();
    for hit in all {
        if kept.last().is_none_or(|last| hit.start >= last.end) {
            kept.push(hit);
        }
    }
    kept
}

// ---------------------------------------------------------------------------------------------
// Amount parsing
// ---------------------------------------------------------------------------------------------

const CURRENCY_MARKS: [&str; 9] = ["EUROS", "EURO", "EUR", "USD", "GBP", "CHF", "€", "$", "£"];

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        text.get(prefix.len()..)
    } else {
        None
    }
}

fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    if text.get(cut..)?.eq_ignore_ascii_case(suffix) {
        text.get(..cut)
    } else {
        None
    }
}

fn strip_minus(text: &str) -> Option<&str> {
    text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}'))
}

/// Sign and currency may come in either order on either side: "-12 €", "€-12", receipts' "12,00-".
fn strip_sign_and_currency(raw: &str) -> (bool, &str) {
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

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Separators of one kind: all spaces alike, so "1 234" may mix normal and non-breaking ones.
fn separator_class(c: char) -> u8 {
    match c {
        '.' => 1,
        ',' => 2,
        '\'' => 3,
        _ => 0,
    }
}

fn parse_unsigned(text: &str) -> Option<i64> {
    let starts_ok = text.starts_with(|c: char| c.is_ascii_digit());
    let ends_ok = text.ends_with(|c: char| c.is_ascii_digit());
    let chars_ok = text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'') || is_group_space(c));
    if !(starts_ok && ends_ok && chars_ok) {
        return None;
    }
    let (int, frac, decimal) = split_decimal(text)?;
    let digits = ungroup(int, decimal)?;
    Cents::parse_decimal(&format!("{digits}.{frac}")).map(|cents| cents.0)
}

/// The decimal part follows the last '.' or ',' when one or two digits follow it; three digits
/// make it a thousands separator ("1.234"); anything else is not an amount.
fn split_decimal(text: &str) -> Option<(&str, &str, Option<char>)> {
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
fn ungroup(int: &str, decimal: Option<char>) -> Option<String> {
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

// ---------------------------------------------------------------------------------------------
// Amounts in a line of text
// ---------------------------------------------------------------------------------------------

/// Grouped thousands first, so "1 234,56" is one amount; the plain form catches "1234,56".
/// A sign only counts when glued: in layouts " - " is mostly a separator.
static AMOUNT_RE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:[-\x{2212}])?(?:(?:€|\$|£|EUR|USD|GBP|CHF)\s?)?",
        r"(?:\d{1,3}(?:[ \x{A0}\x{202F}\x{2009}'.,]\d{3})+|\d+)(?:[.,]\d{1,2})?",
        r"(?:\s?(?:€|\$|£|(?:EUR|USD|GBP|CHF)\b))?",
    ))
});

#[derive(Debug, Clone, Copy)]
struct AmountHit {
    start: usize,
    end: usize,
    cents: Cents,
}

fn find_amounts(masked: &str) -> Vec<AmountHit> {
    AMOUNT_RE
        .find_iter(masked)
        .filter(|m| amount_context_ok(masked, m.start(), m.end()))
        .filter_map(|m| Some(AmountHit { start: m.start(), end: m.end(), cents: parse_amount(m.as_str())? }))
        .take(MAX_HITS_PER_LINE)
        .collect()
}

/// Rejects numbers that are part of something else: a reference ("FA2026"), a rate ("20 %"),
/// a longer dotted number, a fraction.
fn amount_context_ok(text: &str, start: usize, end: usize) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

static DATE_NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2})\b"));
static DATE_ISO: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b"));
/// "1er" is often read "ter" or "ler" by OCR.
static DATE_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(\d{1,2}(?:st|nd|rd|th)?|1er|[tlI]er)\s*[-.]?\s*(\p{L}{3,9})\.?\s*[-.,]?\s*(\d{4}|\d{2})\b")
});
static DATE_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"));
static TIME_RE: LazyLock<Regex> = LazyLock::new(|| re(r"\b\d{1,2}\s?[:hH]\s?\d{2}(?:\s?:\s?\d{2})?\b"));

#[derive(Debug, Clone, Copy)]
struct DateHit {
    start: usize,
    end: usize,
    date: NaiveDate,
}

fn find_dates(text: &str) -> Vec<DateHit> {
    let mut hits: Vec<DateHit> = Vec::new();
    for caps in DATE_NUMERIC.captures_iter(text).take(MAX_HITS_PER_LINE) {
        push_date(&mut hits, &caps, numeric_date(&caps), text);
    }
    for caps in DATE_ISO.captures_iter(text).take(MAX_HITS_PER_LINE) {
        let date = make_date(cap(&caps, 1), cap(&caps, 2), cap(&caps, 3));
        push_date(&mut hits, &caps, date, text);
    }
    for caps in DATE_DAY_MONTH.captures_iter(text).take(MAX_HITS_PER_LINE) {
        let day = day_number(caps.get(1).map_or("", |m| m.as_str()));
        let month = month_number(caps.get(2).map_or("", |m| m.as_str()));
        push_date(&mut hits, &caps, month.and_then(|m| make_date(cap(&caps, 3), m, day)), text);
    }
    for caps in DATE_MONTH_DAY.captures_iter(text).take(MAX_HITS_PER_LINE) {
        let month = month_number(caps.get(1).map_or("", |m| m.as_str()));
        push_date(&mut hits, &caps, month.and_then(|m| make_date(cap(&caps, 3), m, cap(&caps, 2))), text);
    }
    hits.sort_by_key(|hit| (hit.start, Reverse(hit.end)));
    let mut kept: Vec<DateHit> = Vec::new();
    for hit in hits {
        if kept.last().is_none_or(|last| hit.start >= last.end) {
            kept.push(hit);
        }
    }
    kept
}

fn cap(caps: &regex::Captures<'_>, i: usize) -> u32 {
    caps.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

fn push_date(hits: &mut Vec<DateHit>, caps: &regex::Captures<'_>, date: Option<NaiveDate>, text: &str) {
    let (Some(whole), Some(date)) = (caps.get(0), date) else { return };
    if date_context_ok(text, whole.start(), whole.end()) {
        hits.push(DateHit { start: whole.start(), end: whole.end(), date });
    }
}

/// A date inside a longer dotted or dashed number (phone "01.23.45.67.89") is not a date.
fn date_context_ok(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let mut after = text.get(end..).unwrap_or("").chars();
    let chained = |sep: Option<char>, next: Option<char>| {
        matches!(sep, Some('.' | '/' | '-')) && next.is_some_and(|c| c.is_ascii_digit())
    };
    !chained(before.next(), before.next()) && !chained(after.next(), after.next())
}

/// Day-first as in France; month-first only when it cannot be otherwise and slashes are used
/// (US style "03/15/2026").
fn numeric_date(caps: &regex::Captures<'_>) -> Option<NaiveDate> {
    let (first, second) = (cap(caps, 1), cap(caps, 3));
    let year = year_number(caps.get(4).map_or("", |m| m.as_str()))?;
    let slash = caps.get(2).is_some_and(|m| m.as_str() == "/");
    if first <= 12 && second > 12 && slash {
        return make_date(year, first, second);
    }
    make_date(year, second, first)
}

fn year_number(raw: &str) -> Option<u32> {
    let value: u32 = raw.parse().ok()?;
    match raw.len() {
        2 => Some(2000 + value),
        4 => Some(value),
        _ => None,
    }
}

fn day_number(raw: &str) -> u32 {
    let lower = raw.to_lowercase();
    if lower.ends_with("er") {
        return 1;
    }
    lower.trim_end_matches(|c: char| c.is_alphabetic()).parse().unwrap_or(0)
}

fn make_date(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    let year = match year {
        0..=99 => 2000 + year,
        1900..=2199 => year,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// French and English month names and their usual abbreviations, accents optional.
fn month_number(raw: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["janvier", "janv", "jan", "january"],
        &["fevrier", "fevr", "fev", "feb", "february"],
        &["mars", "mar", "march"],
        &["avril", "avr", "apr", "april"],
        &["mai", "may"],
        &["juin", "jun", "june"],
        &["juillet", "juil", "jul", "july"],
        &["aout", "aug", "august"],
        &["septembre", "sept", "sep", "september"],
        &["octobre", "oct", "october"],
        &["novembre", "nov", "november"],
        &["decembre", "dec", "december"],
    ];
    let name = fold_accents(raw);
    let index = MONTHS.iter().position(|names| names.contains(&name.as_str()))?;
    u32::try_from(index + 1).ok()
}

fn fold_accents(raw: &str) -> String {
    raw.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' | 'ä' => 'a',
            'û' | 'ù' | 'ü' => 'u',
            'ô' | 'ö' => 'o',
            'î' | 'ï' => 'i',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

fn plausible(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (1990..=2099).contains(&date.year())
}

// ---------------------------------------------------------------------------------------------
// Document preparation
// ---------------------------------------------------------------------------------------------

struct Line {
    page: usize,
    text: String,
    /// `text` with dates and times blanked (same byte offsets), so "15/03/26 100,00" does not
    /// read as one amount.
    masked: String,
    amounts: Vec<AmountHit>,
    dates: Vec<DateHit>,
    totals: Vec<Hit<TotalLabel>>,
}

impl Line {
    fn new(page: usize, raw: &str, source: Source) -> Self {
        let text = prepare_text(raw, source);
        let dates = find_dates(&text);
        let masked = mask(&text, &dates);
        let amounts = find_amounts(&masked);
        let totals = find_labels(&text, &TOTAL_LABELS);
        Self { page, text, masked, amounts, dates, totals }
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn span_cols(&self, start: usize, end: usize) -> (usize, usize) {
        (col_of(&self.text, start), col_of(&self.text, end))
    }
}

/// Table borders ('|') and tabs become spaces so that columns stay columns.
fn prepare_text(raw: &str, source: Source) -> String {
    let mut text = String::with_capacity(raw.len().min(MAX_LINE_CHARS * 4));
    for c in truncate_chars(raw, MAX_LINE_CHARS).chars() {
        match c {
            '\t' => text.push_str("    "),
            '|' | '¦' => text.push(' '),
            c if c.is_control() => text.push(' '),
            c => text.push(c),
        }
    }
    let text = if source == Source::Ocr { fix_ocr_zeros(&text) } else { text };
    GLUED_LABEL.replace_all(&text, "$1 $2").into_owned()
}

/// "TVA20%", "HT12,50": receipts and OCR glue short labels to their figure.
static GLUED_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(tva|vat|ht|ttc)(\d)"));

fn is_numeric_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, 'O' | 'o' | '.' | ',')
}

/// OCR reads '0' as 'O' inside numbers ("1 2O4,5O"). A run of digits, O's and separators that
/// stands apart from letters and looks numeric (has a digit, a separator, or follows a digit
/// group) gets its O's back as zeros; words keep theirs.
fn fix_ocr_zeros(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if !is_numeric_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_numeric_char(chars[i]) {
            i += 1;
        }
        if zero_run_is_numeric(&chars, start, i) {
            for c in &mut out[start..i] {
                if matches!(*c, 'O' | 'o') {
                    *c = '0';
                }
            }
        }
    }
    out.into_iter().collect()
}

fn zero_run_is_numeric(chars: &[char], start: usize, end: usize) -> bool {
    let run = &chars[start..end];
    let letter_before = start > 0 && chars[start - 1].is_alphabetic();
    let letter_after = chars.get(end).is_some_and(|c| c.is_alphabetic());
    let has_o = run.iter().any(|c| matches!(c, 'O' | 'o'));
    let has_digit = run.iter().any(char::is_ascii_digit);
    let has_separator = run.len() >= 3 && run.iter().any(|c| matches!(c, '.' | ','));
    let after_group = start >= 2 && chars[start - 1] == ' ' && chars[start - 2].is_ascii_digit();
    !letter_before && !letter_after && has_o && (has_digit || has_separator || after_group)
}

fn mask(text: &str, dates: &[DateHit]) -> String {
    let mut spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    spans.extend(TIME_RE.find_iter(text).take(MAX_HITS_PER_LINE).map(|m| (m.start(), m.end())));
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in spans {
        if start < last {
            continue;
        }
        out.push_str(text.get(last..start).unwrap_or(""));
        out.extend(std::iter::repeat_n(' ', end - start));
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// A region of the page holding the client's block ("Facturé à", "Bill to"...): identifiers
/// and names found there belong to the client, not to the issuer.
#[derive(Debug, Clone, Copy)]
struct Zone {
    first: usize,
    last: usize,
    col_min: usize,
    col_max: usize,
}

struct Doc {
    lines: Vec<Line>,
    zones: Vec<Zone>,
    first_page: usize,
}

impl Doc {
    fn new(pages: &[&str], source: Source) -> Self {
        let mut lines = Vec::new();
        'pages: for (page, text) in pages.iter().enumerate() {
            for raw in text.split('\n') {
                let raw = raw.strip_suffix('\r').unwrap_or(raw);
                for part in raw.split(['\r', '\x0c']) {
                    if lines.len() >= MAX_LINES {
                        break 'pages;
                    }
                    lines.push(Line::new(page, part, source));
                }
            }
        }
        let first_page = lines.iter().find(|l| !l.is_blank()).map_or(0, |l| l.page);
        let zones = client_zones(&lines);
        Self { lines, zones, first_page }
    }

    fn in_client_zone(&self, line: usize, col: usize) -> bool {
        self.zones.iter().any(|z| (z.first..=z.last).contains(&line) && (z.col_min..z.col_max).contains(&col))
    }

    /// Indices of the first non-blank lines of the first page with text.
    fn top_lines(&self, count: usize) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| self.lines[i].page == self.first_page && !self.lines[i].is_blank())
            .take(count)
            .collect()
    }

    fn next_non_blank(&self, idx: usize) -> Option<usize> {
        let page = self.lines.get(idx)?.page;
        (idx + 1..self.lines.len().min(idx + 3)).find(|&i| !self.lines[i].is_blank() && self.lines[i].page == page)
    }

    fn prev_non_blank(&self, idx: usize) -> Option<usize> {
        let page = self.lines.get(idx)?.page;
        (idx.saturating_sub(2)..idx).rev().find(|&i| !self.lines[i].is_blank() && self.lines[i].page == page)
    }
}

// ---------------------------------------------------------------------------------------------
// Layout columns and the client's block
// ---------------------------------------------------------------------------------------------

/// A piece of a line between runs of two or more spaces: a layout column's cell.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    col: usize,
    end_col: usize,
}

fn chunks(text: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut start, mut end, mut spaces) = (None, 0, 0);
    for (i, c) in text.char_indices() {
        if c == ' ' {
            spaces += 1;
            if spaces >= 2 {
                if let Some(s) = start.take() {
                    out.push(make_chunk(text, s, end));
                }
            }
        } else {
            start.get_or_insert(i);
            spaces = 0;
            end = i + c.len_utf8();
        }
    }
    if let Some(s) = start {
        out.push(make_chunk(text, s, end));
    }
    out
}

fn make_chunk(text: &str, start: usize, end: usize) -> Chunk {
    Chunk { start, end, col: col_of(text, start), end_col: col_of(text, end) }
}

static CLIENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:factur[ée]e?\s+[àa](?:[\s:]|$)|client(?:\s*:|\s|$)|customer\b|bill(?:ed)?\s+to\b|sold\s+to\b",
        r"|ship\s+to\b|invoice\s+to\b|adresse\s+de\s+(?:facturation|livraison)|destinataire",
        r"|livr[ée]e?\s+[àa](?:[\s:]|$)",
        r"|acheteur|buyer\b|[àa]\s+l['’]attention\s+de)",
    ))
});
/// "Client n° 42" is a reference, not the start of the client's address block.
static CLIENT_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^client\s*(?:n\s?[°º]|no\b|num|code|id\b|r[ée]f)"));

fn client_zones(lines: &[Line]) -> Vec<Zone> {
    let mut zones = Vec::new();
    for (idx, line) in lines.iter().enumerate() {
        let cells = chunks(&line.text);
        for (k, cell) in cells.iter().enumerate() {
            let text = line.text.get(cell.start..cell.end).unwrap_or("");
            if CLIENT_LABEL.is_match(text) && !CLIENT_REFERENCE.is_match(text) {
                zones.push(zone_from(lines, idx, cell, cells.get(k + 1)));
            }
        }
    }
    zones
}

/// A label on the right claims everything right of it; on the left, everything up to the next
/// column of its line. The block ends at a blank line or where its column runs dry.
fn zone_from(lines: &[Line], idx: usize, cell: &Chunk, next: Option<&Chunk>) -> Zone {
    let (col_min, col_max) = if cell.col >= 15 {
        (cell.col.saturating_sub(4), usize::MAX)
    } else {
        (0, next.map_or(usize::MAX, |n| n.col.saturating_sub(1)))
    };
    let mut last = idx;
    for (i, line) in lines.iter().enumerate().skip(idx + 1).take(8) {
        let has_text = chunks(&line.text).iter().any(|c| c.end_col > col_min && c.col < col_max);
        if line.is_blank() || !has_text {
            break;
        }
        last = i;
    }
    Zone { first: idx, last, col_min, col_max }
}

// ---------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TotalLabel {
    Ht,
    Tax,
    TaxTotal,
    Ttc,
    Bare,
    Ignore,
}

const TVA: &str = r"(?:\bt(?:\.\s?v\.\s?a\b\.?|va\b)|\bvat\b|\btax(?:es)?\b)";
const HT: &str = r"(?:\bh\.?\s?t\b\.?|\bhors\s+taxes?\b)";
const TTC: &str = r"(?:\bt\.?\s?t\.?\s?c\b\.?|\btoutes\s+taxes\s+comprises\b)";
const EXCL: &str = r"(?:excl(?:\.|uding|usive|\b)|before|net\s+of|hors|sans|without|w/o)";
const INCL: &str = r"(?:incl(?:\.|uding|usive|\b)|with)";

static TOTAL_LABELS: LazyLock<LabelTable<TotalLabel>> = LazyLock::new(|| {
    use TotalLabel::*;
    let rows: Vec<(TotalLabel, String)> = vec![
        (Ht, format!(r"\b(?:montant\s+)?total\s*(?:net\s*)?{HT}")),
        (Ht, format!(r"\bmontant\s*(?:net\s*)?{HT}")),
        (Ht, format!(r"\bsous[-\s]?total\b(?:\s*{HT})?")),
        (Ht, r"\bsub[-\s]?total\b".into()),
        (Ht, format!(r"\b(?:total|amount)\s+{EXCL}\s*(?:of\s+)?{TVA}?")),
        (Ht, r"\bnet\s+amount\b|\btotal\s+net\b".into()),
        (TaxTotal, format!(r"\b(?:total|montant|sum)\s+(?:de\s+(?:la\s+)?|des\s+|of\s+)?{TVA}")),
        (Tax, TVA.into()),
        (Tax, format!(r"\bdont\s+{TVA}")),
        (Ttc, format!(r"\b(?:montant\s+)?(?:total|montant)\s*{TTC}")),
        (
            Ttc,
            r"\b(?:total\s+)?net\s+[àa]\s+payer\b|\b(?:total|montant|reste|solde)\s+[àa]\s+(?:payer|r[ée]gler)\b"
                .into(),
        ),
        (Ttc, r"\b(?:amount|total|balance)\s+(?:due|payable)\b|\bgrand\s+total\b|\btotal\s+amount\b".into()),
        (Ttc, format!(r"\btotal\s+{INCL}\s*(?:of\s+)?{TVA}?")),
        (Ttc, r"\binvoice\s+total\b|\btotal\s+g[ée]n[ée]ral\b".into()),
        (Bare, r"\btotal\b|\bmontant\s+total\b".into()),
        // Receipts print bare "MONTANT", "HT", "TTC" at the start of a line, the amount beside.
        (Bare, r"^\s*montant\b".into()),
        (Ht, format!(r"^\s*{HT}")),
        (Ttc, format!(r"^\s*{TTC}")),
        // Mentions of VAT that are not the VAT amount: identifiers, exemptions, column headers.
        (Ignore, format!(r"(?:\bn\s?[°º]\s*|\bnum[ée]ro\s+|\bid(?:entifiant)?\s+|\bcode\s+)(?:de\s+)?{TVA}")),
        (Ignore, format!(r"{TVA}\s*(?:intra\w*|n\s?[°º]|no\b|num\w*|number|reg\w*|id\b|identification|rate)")),
        (Ignore, format!(r"{TVA}\s+(?:non\s+applicable|not\s+applicable|exon\w*)|\bexon\w*\s+de\s+{TVA}")),
        (Ignore, format!(r"\b(?:taux|rate)\s+(?:de\s+)?{TVA}|\b{INCL}\s*{TVA}|\b{EXCL}\s*{TVA}")),
        (Ignore, r"\bart(?:icle)?\.?\s*\d+\s*[a-z]?\b|\btax\s+invoice\b|\bauto[-\s]?liquidation\b".into()),
        (Ignore, r"\breverse\s+charge\b|\bhors\s+taxes?\b|\btoutes\s+taxes\s+comprises\b".into()),
    ];
    LabelTable::new(&rows)
});

#[derive(Debug, Clone, Copy)]
struct Candidate {
    cents: Cents,
    /// How specific the label was; see `strength`.
    strength: u8,
    /// Line index: totals are summed up at the bottom, so later wins ties.
    order: usize,
}

#[derive(Debug, Default)]
struct Candidates {
    ht: Vec<Candidate>,
    tax: Vec<Candidate>,
    ttc: Vec<Candidate>,
}

impl Candidates {
    fn push(&mut self, kind: TotalLabel, candidate: Candidate) {
        match kind {
            TotalLabel::Ht => self.ht.push(candidate),
            TotalLabel::Tax | TotalLabel::TaxTotal => self.tax.push(candidate),
            TotalLabel::Ttc | TotalLabel::Bare => self.ttc.push(candidate),
            TotalLabel::Ignore => {}
        }
    }
}

/// Values read under a header row are weaker than values beside their label.
const COLUMN_STRENGTH: u8 = 3;

fn strength(kind: TotalLabel) -> u8 {
    match kind {
        TotalLabel::Ht | TotalLabel::TaxTotal | TotalLabel::Ttc => 6,
        TotalLabel::Tax | TotalLabel::Bare => 4,
        TotalLabel::Ignore => 0,
    }
}

fn total_candidates(doc: &Doc, breakdown: &[VatRow]) -> Candidates {
    let mut out = Candidates::default();
    for (idx, line) in doc.lines.iter().enumerate() {
        for (j, label) in line.totals.iter().enumerate() {
            if label.kind == TotalLabel::Ignore {
                continue;
            }
            let segment_end = line.totals.get(j + 1).map_or(line.text.len(), |next| next.start);
            let beside = line.amounts.iter().rev().find(|a| a.start >= label.end && a.end <= segment_end);
            let candidate = match beside {
                Some(hit) => Some(Candidate { cents: hit.cents, strength: strength(label.kind), order: idx }),
                None => amount_below(doc, idx, label),
            };
            if let Some(candidate) = candidate {
                out.push(label.kind, candidate);
            }
        }
    }
    push_breakdown_sums(&mut out, breakdown);
    out
}

/// Summary tables put labels in a header row and amounts in the row below.
fn amount_below(doc: &Doc, idx: usize, label: &Hit<TotalLabel>) -> Option<Candidate> {
    let span = doc.lines.get(idx)?.span_cols(label.start, label.end);
    let below_idx = doc.next_non_blank(idx)?;
    let below = doc.lines.get(below_idx)?;
    if below.totals.iter().any(|l| l.kind != TotalLabel::Ignore) {
        return None;
    }
    let hit = below.amounts.iter().find(|a| overlaps(span, below.span_cols(a.start, a.end)))?;
    Some(Candidate { cents: hit.cents, strength: COLUMN_STRENGTH, order: below_idx })
}

/// With several rates and no "Total TVA" line, the VAT total is the sum of the breakdown.
/// A receipt's single VAT row may be the only place its HT appears.
fn push_breakdown_sums(out: &mut Candidates, rows: &[VatRow]) {
    if rows.is_empty() {
        return;
    }
    let order = rows.iter().map(|r| r.line).max().unwrap_or(0);
    let tax = rows.iter().try_fold(0i64, |sum, r| sum.checked_add(r.tax.0));
    if let Some(tax) = tax {
        let strength = if rows.len() >= 2 { 5 } else { 2 };
        out.tax.push(Candidate { cents: Cents(tax), strength, order });
    }
    let bases = rows.iter().try_fold(0i64, |sum, r| sum.checked_add(r.base?.0));
    if let Some(base) = bases {
        out.ht.push(Candidate { cents: Cents(base), strength: 2, order });
    }
}

/// How the chosen totals stand against HT + TVA = TTC.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Check {
    /// Fewer than three totals were found: nothing to check.
    #[default]
    Unchecked,
    /// The three add up to the cent.
    Holds,
    /// Three were read but no combination adds up: HT and TVA are withheld.
    Failed,
}

#[derive(Debug, Default)]
struct Totals {
    ht: Option<Candidate>,
    tax: Option<Candidate>,
    ttc: Option<Candidate>,
    check: Check,
}

/// A label that names the total with tax included ("Total TTC", "Net à payer"), not a bare
/// "Total": such a TTC may stay when HT and TVA are withheld.
const TTC_LABEL_STRENGTH: u8 = 6;

fn choose_totals(c: &Candidates) -> Totals {
    if let Some(totals) = best_consistent(c) {
        return totals;
    }
    let pick = |v: &[Candidate]| v.iter().copied().max_by_key(|c| (c.strength, c.order));
    match (pick(&c.ht), pick(&c.tax), pick(&c.ttc)) {
        // At least one of the three is misread and nothing tells which: a triple that fails its
        // own check is never reported as read.
        (Some(_), Some(_), Some(ttc)) => {
            let ttc = (ttc.strength >= TTC_LABEL_STRENGTH).then_some(ttc);
            Totals { ht: None, tax: None, ttc, check: Check::Failed }
        }
        (ht, tax, ttc) => Totals { ht, tax, ttc, check: Check::Unchecked },
    }
}

/// Among the label readings, the combination where HT + TVA = TTC wins: that catches a misread
/// figure as well as a deposit deducted after the total. TVA candidates include the sum of a
/// multi-rate breakdown, so several rates are checked as one total.
fn best_consistent(c: &Candidates) -> Option<Totals> {
    let (hts, taxes, ttcs) = (recent(&c.ht), recent(&c.tax), recent(&c.ttc));
    let mut best: Option<((u32, usize), Totals)> = None;
    for h in &hts {
        for t in &taxes {
            for total in ttcs.iter().filter(|total| h.cents.0.checked_add(t.cents.0) == Some(total.cents.0)) {
                let strength = u32::from(h.strength) + u32::from(t.strength) + u32::from(total.strength);
                let score = (strength, h.order + t.order + total.order);
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    let totals = Totals { ht: Some(*h), tax: Some(*t), ttc: Some(*total), check: Check::Holds };
                    best = Some((score, totals));
                }
            }
        }
    }
    best.map(|(_, totals)| totals)
}

fn recent(candidates: &[Candidate]) -> Vec<Candidate> {
    let mut sorted = candidates.to_vec();
    sorted.sort_by_key(|c| Reverse(c.order));
    sorted.truncate(MAX_TOTAL_CANDIDATES);
    sorted
}

fn amount_confidence(candidate: &Candidate, check: Check) -> f32 {
    let base = match candidate.strength {
        6.. => 0.8,
        4 | 5 => 0.7,
        _ => 0.6,
    };
    match check {
        Check::Holds => base + 0.1,
        // A TTC kept alone beside figures that contradict it: below any plain guess.
        Check::Failed => base - 0.3,
        Check::Unchecked => base,
    }
}

fn set_totals(fields: &mut Fields, totals: &Totals, breakdown: &[VatRow], source: Source) {
    let amount = |c: &Option<Candidate>| {
        c.as_ref().map(|c| field(c.cents.to_string(), amount_confidence(c, totals.check), source))
    };
    fields.total_excluding_tax = amount(&totals.ht);
    fields.total_tax = amount(&totals.tax);
    fields.total_including_tax = amount(&totals.ttc);
    // Only ever true: three totals are reported together only when they add up.
    fields.consistent = (totals.check == Check::Holds).then(|| field(true, 0.9, source));
    fields.vat_breakdown = breakdown_field(breakdown, totals.tax.map(|t| t.cents), source);
}

fn has_any_value(fields: &Fields) -> bool {
    fields.date.is_some()
        || fields.invoice_number.is_some()
        || fields.siren.is_some()
        || fields.siret.is_some()
        || fields.vat_number.is_some()
        || fields.iban.is_some()
        || fields.total_excluding_tax.is_some()
        || fields.total_tax.is_some()
        || fields.total_including_tax.is_some()
}

// ---------------------------------------------------------------------------------------------
// VAT breakdown
// ---------------------------------------------------------------------------------------------

/// "20 %", "5,5%", "20.00 %": at most two integer digits keeps "2026 %" and the like out.
static RATE_RE: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{1,2}(?:[.,]\d{1,3})?)\s?%"));
/// Percentages on these lines are not VAT rates.
static NOT_VAT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)acompte|remise|discount|escompte|deposit|r[ée]duction|rabais|p[ée]nalit|int[ée]r[êe]t|interest",
        r"|commission|promo",
    ))
});

/// Rates in force in the EU, Switzerland and the UK, in percent: an unlabelled table row counts
/// as a VAT line only with one of these.
const KNOWN_RATES: [&str; 39] = [
    "20", "10", "5.5", "2.1", "8.5", "13", "0.9", "1.75", "19.6", "7", "19", "21", "12", "6", "4", "22", "5", "9",
    "17", "14", "8", "3", "23", "13.5", "4.8", "8.1", "2.6", "3.8", "7.7", "2.5", "3.7", "25", "25.5", "24", "27",
    "18", "15", "16", "11",
];

/// Thousandths of a percent, so that US rates such as 8.875 % stay exact: 20 % is 20000.
const PERCENT: i64 = 1000;

fn parse_rate(raw: &str) -> Option<i64> {
    let (int, frac) = raw.split_once(['.', ',']).unwrap_or((raw, ""));
    if int.is_empty()
        || int.len() > 2
        || frac.len() > 3
        || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let padded = format!("{frac:0<3}");
    Some(int.parse::<i64>().ok()? * PERCENT + padded.parse::<i64>().ok()?)
}

/// "20", "5.5", "8.875": no trailing zeros.
fn format_rate(rate: i64) -> String {
    let text = format!("{}.{:03}", rate / PERCENT, rate % PERCENT);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn known_rate(rate: i64) -> bool {
    KNOWN_RATES.iter().any(|known| parse_rate(known) == Some(rate))
}

#[derive(Debug, Clone, Copy)]
struct VatRow {
    /// In thousandths of a percent (`PERCENT`).
    rate: i64,
    base: Option<Cents>,
    tax: Cents,
    labelled: bool,
    line: usize,
}

#[derive(Debug, Clone, Copy)]
struct Rate {
    start: usize,
    end: usize,
    value: i64,
}

fn find_rates(masked: &str) -> Vec<Rate> {
    RATE_RE
        .captures_iter(masked)
        .take(MAX_HITS_PER_LINE)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let glued = masked.get(..whole.start()).and_then(|s| s.chars().next_back());
            if glued.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ',')) {
                return None;
            }
            let value = parse_rate(caps.get(1)?.as_str())?;
            (value > 0 && value <= 30 * PERCENT).then_some(Rate { start: whole.start(), end: whole.end(), value })
        })
        .collect()
}

fn vat_breakdown(doc: &Doc) -> Vec<VatRow> {
    let mut best: Vec<VatRow> = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate() {
        if NOT_VAT_LINE.is_match(&line.text) {
            continue;
        }
        let rates = find_rates(&line.masked);
        for (k, rate) in rates.iter().enumerate() {
            let from = if k == 0 { 0 } else { rates[k - 1].end };
            let to = rates.get(k + 1).map_or(line.text.len(), |r| r.start);
            if let Some(row) = vat_row(line, idx, rate, from, to) {
                keep_best_row(&mut best, row);
            }
        }
    }
    best
}

/// One row per rate: a labelled row or one with a base beats a bare one; later rows (the
/// summary at the bottom) beat earlier ones.
fn keep_best_row(best: &mut Vec<VatRow>, row: VatRow) {
    let rank = |r: &VatRow| u8::from(r.labelled) + u8::from(r.base.is_some());
    match best.iter_mut().find(|b| b.rate == row.rate) {
        Some(existing) if rank(&row) >= rank(existing) => *existing = row,
        Some(_) => {}
        None => best.push(row),
    }
}

fn vat_row(line: &Line, idx: usize, rate: &Rate, from: usize, to: usize) -> Option<VatRow> {
    let labelled = line
        .totals
        .iter()
        .any(|l| matches!(l.kind, TotalLabel::Tax | TotalLabel::TaxTotal) && l.end <= rate.start && l.start >= from);
    let amounts: Vec<Cents> = line
        .amounts
        .iter()
        .filter(|a| a.start >= from && a.end <= to && (a.end <= rate.start || a.start >= rate.end))
        .map(|a| a.cents)
        .collect();
    if let Some((base, tax)) = find_pair(&amounts, rate.value) {
        let plausible_rate = labelled || known_rate(rate.value);
        return plausible_rate.then_some(VatRow { rate: rate.value, base: Some(base), tax, labelled, line: idx });
    }
    let after = line.amounts.iter().rev().find(|a| a.start >= rate.end && a.end <= to)?;
    labelled.then_some(VatRow { rate: rate.value, base: None, tax: after.cents, labelled, line: idx })
}

/// A base and its tax in reading order, tax = base × rate; or a total with tax included and
/// its tax, tax = total × rate / (100 + rate), as some receipts print.
fn find_pair(amounts: &[Cents], rate: i64) -> Option<(Cents, Cents)> {
    let pairs = || amounts.iter().enumerate().flat_map(|(i, a)| amounts.iter().skip(i + 1).map(move |b| (*a, *b)));
    if let Some(pair) = pairs().find(|(base, tax)| close(percent_of(base.0, rate, 100 * PERCENT), tax.0)) {
        return Some(pair);
    }
    pairs()
        .find(|(ttc, tax)| close(percent_of(ttc.0, rate, 100 * PERCENT + rate), tax.0))
        .map(|(ttc, tax)| (Cents(ttc.0 - tax.0), tax))
}

/// `amount × rate / divisor`, rounded half away from zero, in i128 so no input overflows.
fn percent_of(amount: i64, rate: i64, divisor: i64) -> i64 {
    let product = i128::from(amount) * i128::from(rate);
    let divisor = i128::from(divisor);
    let rounded = (product.abs() + divisor / 2) / divisor;
    i64::try_from(if product < 0 { -rounded } else { rounded }).unwrap_or(i64::MAX)
}

/// Rounding per line or per total may differ by a cent or two.
fn close(expected: i64, tax: i64) -> bool {
    tax != 0 && expected.abs_diff(tax) <= 2
}

fn breakdown_field(rows: &[VatRow], total_tax: Option<Cents>, source: Source) -> Option<Field<Vec<VatLine>>> {
    if rows.is_empty() {
        return None;
    }
    let sum: i64 = rows.iter().map(|r| r.tax.0).fold(0, i64::saturating_add);
    let confidence = if total_tax.is_some_and(|t| t.0 == sum) { LABELLED } else { GUESS };
    let lines = rows
        .iter()
        .map(|r| VatLine {
            rate: format_rate(r.rate),
            taxable_amount: r.base.map(|b| b.to_string()),
            tax_amount: r.tax.to_string(),
        })
        .collect();
    Some(field(lines, confidence, source))
}

// ---------------------------------------------------------------------------------------------
// Document date
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateLabel {
    Strong,
    Weak,
    Due,
    Other,
}

static DATE_LABELS: LazyLock<LabelTable<DateLabel>> = LazyLock::new(|| {
    use DateLabel::*;
    LabelTable::new(&within_cell(&[
        (
            Strong,
            concat!(
                r"\bdate\s+(?:de\s+(?:la\s+)?|du\s+|d['’]\s*)?",
                r"(?:facture|facturation|[ée]mission|l['’]\s*avoir|avoir|document|vente|achat|transaction)\b",
            ),
        ),
        (
            Strong,
            r"\b(?:invoice|issue|billing|receipt|document|transaction)\s+date\b|\bdate\s+of\s+(?:issue|invoice)\b",
        ),
        (Strong, r"\bissued?\s+(?:on|date)\b|\bfait\s+le\b|(?:^|\s)[ée]mise?\s+le\b|\bdated\b"),
        (Strong, r"\b(?:facture|avoir|invoice|ticket|re[çc]u)\s+(?:du|of|dated)\b"),
        (Weak, r"\bdate\b|\ble\b"),
        (Due, r"[ée]ch[ée]ance|\bdue\b|\bdate\s+limite\b|(?:^|\s)[àa]\s+(?:payer|r[ée]gler)\b"),
        (
            Due,
            concat!(
                r"(?:(?:^|\s)[àa]\s+)?\b(?:payable|payer|r[ée]gler|paiement|payment|pay)\s+",
                r"(?:avant\s+le|avant|au\s+plus\s+tard\s+le|au\s+plus\s+tard|le|before|by|on)\b",
            ),
        ),
        (Due, r"\bvalid\w*|\bexpir\w*|\bpr[ée]l[èe]v\w*"),
        (Other, r"\blivr\w*|\bdelivery\b|\bcommande\b|\border\b|\bp[ée]riode\b|\bperiod\b|\bprestation\b"),
        (Other, r"\bservice\b|\bexp[ée]di\w*|\bship\w*|\bnaissance\b|\bdu\b|\bau\b|\bfrom\b|\bjusqu\w*|\bcontra\w*"),
    ]))
});

/// Separators of a period "du 01/03 au 31/03", "1 March - 31 March": both ends are not the
/// document's date.
static PERIOD_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:au|à|to|until|-|–|jusqu['’]au)\s*$"));

/// The document's own title word, by kind, for "Facture N° 12 du 03/02/2026". A credit note
/// quoting "facture F-1 du ..." dates the invoice, not itself.
static OWN_MENTION: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        re(r"(?i)\b(?:facture|invoice)\b"),
        re(r"(?i)\b(?:avoir|credit\s+note)\b"),
        re(r"(?i)\b(?:ticket|re[çc]u|receipt)\b"),
    ]
});
static REFERENCE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\br[ée]f|origin|\bsur\b|\bon\b|relati"));

fn date_rank(label: Option<DateLabel>) -> Option<(u8, f32)> {
    match label {
        Some(DateLabel::Strong) => Some((4, 0.9)),
        Some(DateLabel::Weak) => Some((3, 0.8)),
        None => Some((2, GUESS)),
        Some(DateLabel::Other) => Some((1, WEAK_GUESS)),
        Some(DateLabel::Due) => None,
    }
}

fn document_date(doc: &Doc, kind: Option<DocumentKind>) -> Option<(String, f32)> {
    let mut best: Option<(u8, f32, NaiveDate)> = None;
    for (idx, line) in doc.lines.iter().enumerate() {
        let labels = find_labels(&line.text, &DATE_LABELS);
        for (k, hit) in line.dates.iter().enumerate() {
            if !plausible(hit.date) {
                continue;
            }
            let Some((rank, confidence)) = date_rank(date_label(doc, idx, &labels, k, kind)) else { continue };
            if best.is_none_or(|(r, _, _)| rank > r) {
                best = Some((rank, confidence, hit.date));
            }
        }
    }
    best.map(|(_, confidence, date)| (date.to_string(), confidence))
}

fn date_label(
    doc: &Doc,
    idx: usize,
    labels: &[Hit<DateLabel>],
    k: usize,
    kind: Option<DocumentKind>,
) -> Option<DateLabel> {
    let line = doc.lines.get(idx)?;
    let hit = line.dates.get(k)?;
    if in_period(line, k) {
        return Some(DateLabel::Other);
    }
    let from = if k == 0 { 0 } else { line.dates[k - 1].end };
    let beside = labels.iter().rev().find(|l| l.end <= hit.start && l.start >= from);
    match beside {
        Some(label) if dated_document(line, label, kind) => Some(DateLabel::Strong),
        Some(label) => Some(label.kind),
        None => header_date_label(doc, idx, hit),
    }
}

/// "Facture N° 12 du 03/02/2026": a "du" that follows the document's own mention dates it.
fn dated_document(line: &Line, label: &Hit<DateLabel>, kind: Option<DocumentKind>) -> bool {
    let word = line.text.get(label.start..label.end).unwrap_or("").to_lowercase();
    let before = line.text.get(..label.start).unwrap_or("");
    let own = match kind {
        Some(DocumentKind::Invoice) => OWN_MENTION.first(),
        Some(DocumentKind::CreditNote) => OWN_MENTION.get(1),
        Some(DocumentKind::Receipt) => OWN_MENTION.get(2),
        _ => None,
    };
    label.kind == DateLabel::Other
        && matches!(word.as_str(), "du" | "of")
        && own.is_some_and(|re| re.is_match(before))
        && !REFERENCE_WORD.is_match(before)
}

fn in_period(line: &Line, k: usize) -> bool {
    let gap = |a: &DateHit, b: &DateHit| line.text.get(a.end..b.start).is_some_and(|g| PERIOD_GAP.is_match(g));
    let before = k.checked_sub(1).and_then(|p| line.dates.get(p)).zip(line.dates.get(k));
    let after = line.dates.get(k).zip(line.dates.get(k + 1));
    before.is_some_and(|(a, b)| gap(a, b)) || after.is_some_and(|(a, b)| gap(a, b))
}

/// In a table ("Date    Échéance" over "15/03/2026    14/04/2026") the header above names the
/// date by column.
fn header_date_label(doc: &Doc, idx: usize, hit: &DateHit) -> Option<DateLabel> {
    let line = doc.lines.get(idx)?;
    let above = doc.lines.get(doc.prev_non_blank(idx)?)?;
    if !above.dates.is_empty() {
        return None;
    }
    let span = line.span_cols(hit.start, hit.end);
    find_labels(&above.text, &DATE_LABELS)
        .into_iter()
        .find(|l| overlaps(span, above.span_cols(l.start, l.end)))
        .map(|l| l.kind)
}

// ---------------------------------------------------------------------------------------------
// Invoice number
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberLabel {
    Invoice,
    CreditNote,
    Receipt,
    Reference,
    Bare,
    Ignore,
}

const NO: &str = r"(?:\bn\s?[°º*']|\bno\b\.?|\bnr\b\.?|\bnum(?:[ée]ro|ber)?\b\.?|#)";

static NUMBER_LABELS: LazyLock<LabelTable<NumberLabel>> = LazyLock::new(|| {
    use NumberLabel::*;
    let rows: Vec<(NumberLabel, String)> = vec![
        (Invoice, format!(r"\b(?:facture|invoice)\s*{NO}|{NO}\s*(?:de\s+)?(?:la\s+)?(?:facture|invoice)\b")),
        (Invoice, r"\binvoice\s+(?:id|ref(?:erence)?)\b|\b(?:facture|invoice)\s*:".into()),
        (CreditNote, format!(r"\b(?:avoir|credit\s+note)\s*{NO}|{NO}\s*(?:de\s+|d['’]\s*)?(?:l['’]\s*)?avoir\b")),
        (CreditNote, format!(r"{NO}\s*(?:de\s+)?credit\s+note\b|\b(?:avoir|credit\s+note)\s*:")),
        (Receipt, format!(r"\b(?:ticket|re[çc]u|receipt|transaction)\s*{NO}")),
        (Receipt, format!(r"{NO}\s*(?:de\s+)?(?:ticket|re[çc]u|receipt)\b")),
        (Reference, r"\br[ée]f(?:[ée]rence)?\b\.?".into()),
        (Bare, r"\b(?:facture|invoice|avoir)\b".into()),
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

static NUMBER_TOKEN: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[:#.\-]?\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9\-/_.]*)"));

fn number_priority(label: NumberLabel, kind: Option<DocumentKind>) -> u8 {
    match (label, kind) {
        (NumberLabel::CreditNote, Some(DocumentKind::CreditNote))
        | (NumberLabel::Invoice, Some(DocumentKind::Invoice))
        | (NumberLabel::Receipt, Some(DocumentKind::Receipt)) => 5,
        (NumberLabel::Invoice | NumberLabel::CreditNote | NumberLabel::Receipt, _) => 4,
        (NumberLabel::Bare, _) => 2,
        (NumberLabel::Reference, _) => 1,
        (NumberLabel::Ignore, _) => 0,
    }
}

fn invoice_number(doc: &Doc, kind: Option<DocumentKind>) -> Option<(String, f32)> {
    let mut best: Option<(u8, String)> = None;
    for (idx, line) in doc.lines.iter().enumerate() {
        for label in find_labels(&line.text, &NUMBER_LABELS) {
            let priority = number_priority(label.kind, kind);
            if priority == 0 || best.as_ref().is_some_and(|(p, _)| *p >= priority) {
                continue;
            }
            let beside = number_token(line, label.end);
            let token = beside.or_else(|| (priority > 2).then(|| number_below(doc, idx, &label)).flatten());
            if let Some(token) = token {
                best = Some((priority, token));
            }
        }
    }
    best.map(|(priority, token)| (token, if priority >= 4 { LABELLED } else { GUESS }))
}

fn number_token(line: &Line, from: usize) -> Option<String> {
    let rest = line.text.get(from..)?;
    let m = NUMBER_TOKEN.captures(rest)?.get(1)?;
    let token = m.as_str().trim_end_matches(['.', '-', '/', '_']);
    let starts_date = line.dates.iter().any(|d| d.start == from + m.start());
    valid_number(token, starts_date).then(|| token.to_owned())
}

/// A document number has a digit, is short, and is neither a date nor a company identifier.
fn valid_number(token: &str, starts_date: bool) -> bool {
    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
    let identifier = digits.len() == token.len() && (siren_valid(&digits) || siret_valid(&digits));
    !digits.is_empty() && token.len() <= 30 && !starts_date && !identifier && parse_date(token).is_none()
}

/// "N° facture" in a header row, the number in the row below.
fn number_below(doc: &Doc, idx: usize, label: &Hit<NumberLabel>) -> Option<String> {
    let span = doc.lines.get(idx)?.span_cols(label.start, label.end);
    let below = doc.lines.get(doc.next_non_blank(idx)?)?;
    let cell = chunks(&below.text).into_iter().find(|c| overlaps(span, (c.col, c.end_col)))?;
    number_token(below, cell.start)
}

// ---------------------------------------------------------------------------------------------
// Identifiers: SIREN, SIRET, VAT number, IBAN
// ---------------------------------------------------------------------------------------------

static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| re(r"\d(?:[ .\x{A0}\x{202F}]?\d)*"));
static REGISTRATION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\bsir[eé]n\b|\bsir[eé]t\b|\brcs\b|\br\.c\.s\b|\bimmatricul\w*|\bregistration\b",
        r"|\bcompany\s+(?:no|number)\b",
    ))
});
static CLIENT_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:client|customer|acheteur|buyer|destinataire|bill(?:ed)?\s+to|votre|your|d[ée]biteur|debtor)\b",
        r"|factur[ée]e?\s+[àa](?:[\s:]|$)",
    ))
});
static FR_VAT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bFR[ .\x{A0}]?([0-9A-Z]{2})[ .\x{A0}]?(\d{3})[ .\x{A0}]?(\d{3})[ .\x{A0}]?(\d{3})\b"));
static EU_VAT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB)[ ]?[0-9A-Z]{8,12}\b")
});
static VAT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bt\.?v\.?a\b|\bvat\b|\bust\b|\bbtw\b|\biva\b|\bmwst\b|intracom"));
static IBAN_RE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[A-Z]{2}\d{2}(?:[ \x{A0}]?[0-9A-Z]){11,30}"));
static IBAN_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\biban\b"));

/// IBAN lengths of the countries a French business usually deals with; a reading can be cut
/// to this length when the next word got glued to it.
const IBAN_LENGTHS: [(&str, usize); 24] = [
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
struct IdHit {
    value: String,
    /// Weight of the evidence: labelled or checksummed-by-construction is 3, bare format 1.
    score: u8,
    order: usize,
}

#[derive(Debug, Default)]
struct IdHits {
    sirens: Vec<IdHit>,
    sirets: Vec<IdHit>,
    vats: Vec<IdHit>,
    foreign_vats: Vec<IdHit>,
    ibans: Vec<IdHit>,
}

#[derive(Debug, Default)]
struct Ids {
    siren: Option<(String, f32)>,
    siret: Option<(String, f32)>,
    vat: Option<(String, f32)>,
    iban: Option<(String, f32)>,
}

/// Whether a value at `start` on line `idx` belongs to the client rather than the issuer. The
/// zone test uses the start of the value's cell: a long issuer line may run under the client's
/// column without being part of it.
fn is_client(doc: &Doc, idx: usize, start: usize) -> bool {
    let Some(line) = doc.lines.get(idx) else { return false };
    let cell_col = chunks(&line.text).iter().find(|c| c.start <= start && start < c.end).map_or(0, |c| c.col);
    doc.in_client_zone(idx, cell_col) || CLIENT_CONTEXT.is_match(window_before(&line.text, start, 40))
}

fn identifiers(doc: &Doc) -> Ids {
    let mut hits = IdHits::default();
    for (idx, line) in doc.lines.iter().enumerate() {
        registration_numbers(doc, idx, line, &mut hits);
        vat_numbers(doc, idx, line, &mut hits);
        ibans(doc, idx, line, &mut hits);
    }
    choose_ids(&hits)
}

fn registration_numbers(doc: &Doc, idx: usize, line: &Line, hits: &mut IdHits) {
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
fn id_windows(groups: &[&str]) -> Vec<(String, bool)> {
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

fn vat_numbers(doc: &Doc, idx: usize, line: &Line, hits: &mut IdHits) {
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

fn ibans(doc: &Doc, idx: usize, line: &Line, hits: &mut IdHits) {
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
fn iban_from(raw: &str, labelled: bool) -> Option<String> {
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

fn choose_ids(hits: &IdHits) -> Ids {
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
fn best_hit(hits: &[IdHit], preferred: impl Fn(&IdHit) -> bool) -> Option<&IdHit> {
    hits.iter().max_by_key(|h| (preferred(h), h.score, Reverse(h.order)))
}

/// Every reading of a SIREN (itself, inside a SIRET, inside a VAT number) adds up, so the one
/// that the document repeats in several forms wins.
fn choose_siren(hits: &IdHits) -> Option<(String, f32)> {
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

// ---------------------------------------------------------------------------------------------
// Supplier name
// ---------------------------------------------------------------------------------------------

/// Case-sensitive on purpose: "sa" and "inc" are ordinary words in lowercase.
static LEGAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"\b(?:SASU|SAS|SARL|SA|EURL|SCI|SNC|SCOP|SCP|SCM|SELARL|SELAS|GIE|LTD|Ltd|Limited|LLC|LLP|GmbH|GMBH",
        r"|Inc|INC|Corp|PLC|plc|BV|NV|AG|SpA|SRL)\b|\bS\.A\.(?:R\.L\.|S\.(?:U\.)?)?",
    ))
});
/// Where a legal mention stops being the name: capital, registration, contact details, address.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:\s[-–—•·]\s|,\s*|\s+)(?:au\s+capital|capital|rcs\b|r\.c\.s|siret|siren|n°|tva\b|vat\b",
        r"|t[ée]l\b|tel\b|phone|fax|e-?mail|www\.|https?:|si[èe]ge|registered|company\s+(?:no|number))",
        r"|\s[-–—•·]\s+\d|,\s*\d",
    ))
});
/// Cells that are labels or titles, not a company's name.
static LABEL_CELL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:factur\w*|invoice|tax\s+invoice|avoir|credit|re[çc]u|receipt|ticket|devis|quote|date|n\s?[°º]|no",
        r"|num[ée]ro|page|client|customer|bill\w*|adresse|address|livr\w*|ship\w*|siret|siren|tva|vat|iban|bic",
        r"|t[ée]l\w*|phone|fax|e-?mail|www|https?|capital|rcs|total|sous-total|montant|net|conditions|mode",
        r"|paiement|payment|r[ée]f\w*|[ée]ch[ée]ance|due|p[ée]riode|objet|description|d[ée]signation|qt[ée]",
        r"|quantit[ée]|prix|price|unit|taux|rate|base|original|duplicata|copie|bonjour|madame|monsieur|dear)",
        r"(?:[^\p{L}\p{N}]|$)",
    ))
});
static SUPPLIER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:fournisseur|[ée]metteur|vendeur|seller|supplier|prestataire|from|factur[ée]e?\s+par)",
        r"\s*:\s*(\S.{1,80})$",
    ))
});

fn supplier_name(doc: &Doc, looks_accounting: bool) -> Option<(String, f32)> {
    let top = doc.top_lines(TOP_LINES);
    let all: Vec<usize> = (0..doc.lines.len()).collect();
    labelled_supplier(doc)
        .map(|name| (name, 0.8))
        .or_else(|| legal_form_name(doc, &top).map(|name| (name, 0.8)))
        .or_else(|| legal_form_name(doc, &all).map(|name| (name, GUESS)))
        .or_else(|| looks_accounting.then(|| first_line_name(doc, &doc.top_lines(5))).flatten().map(|n| (n, 0.5)))
}

/// The cells of the given lines that are not in the client's block.
fn issuer_cells<'a>(doc: &'a Doc, lines: &'a [usize]) -> impl Iterator<Item = &'a str> + 'a {
    lines.iter().flat_map(move |&idx| {
        let line = &doc.lines[idx];
        chunks(&line.text)
            .into_iter()
            .filter(move |c| !doc.in_client_zone(idx, c.col))
            .filter_map(move |c| line.text.get(c.start..c.end))
    })
}

fn labelled_supplier(doc: &Doc) -> Option<String> {
    let lines: Vec<usize> = (0..doc.lines.len()).collect();
    let name = issuer_cells(doc, &lines)
        .find_map(|cell| SUPPLIER_LABEL.captures(cell).and_then(|c| c.get(1)).map(|m| clean_name(m.as_str())));
    name
}

fn legal_form_name(doc: &Doc, lines: &[usize]) -> Option<String> {
    issuer_cells(doc, lines).filter(|cell| !LABEL_CELL.is_match(cell)).find_map(name_with_legal_form)
}

/// "ACME SAS au capital de 10 000 €" gives "ACME SAS"; a bare "SAS au capital..." gives nothing.
fn name_with_legal_form(cell: &str) -> Option<String> {
    let end = NAME_END.find(cell).map_or(cell.len(), |m| m.start());
    let name = clean_name(cell.get(..end)?);
    let form = LEGAL_FORM.find(&name)?;
    let letters = |text: &str| text.chars().filter(|c| c.is_alphabetic()).count();
    let other_letters = letters(&name).saturating_sub(letters(form.as_str()));
    (other_letters >= 2 && name.chars().count() <= 80).then_some(name)
}

/// The first cell that reads like a name, skipping titles, labels, and item or date lines.
fn first_line_name(doc: &Doc, lines: &[usize]) -> Option<String> {
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

fn clean_name(raw: &str) -> String {
    let edge = |c: char| c.is_whitespace() || matches!(c, ':' | '-' | ',' | ';' | '–' | '—' | '*');
    let trimmed = raw.trim_matches(edge);
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Kind and currency
// ---------------------------------------------------------------------------------------------

static CREDIT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\bfacture\s+d['’\s]?\s*avoir\b|\bavoir\s*(?:n\s?[°º*']|no\b|num|:)|^\s*avoir\b|\bcredit\s+note\b",
        r"|\bnote\s+de\s+cr[ée]dit\b|\bcredit\s+memo\b",
    ))
});
static INVOICE_MARK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bfacture\b|\binvoice\b"));
static RECEIPT_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bticket\b|^\s*re[çc]u\b|\breceipt\b|\bnote\s+de\s+caisse\b"));
static PAYMENT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:cb|carte(?:\s+bancaire)?|esp[èe]ces|cash|rendu|monnaie|sans\s+contact|contactless|visa",
        r"|mastercard)\b",
    ))
});

/// The first title-like mention decides: a receipt may offer "facture sur demande" at the
/// bottom, and a credit note quotes the invoice it cancels.
fn detect_kind(doc: &Doc) -> Option<(DocumentKind, f32)> {
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

static CURRENCIES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        ("EUR", re(r"(?i)€|\bEUR\b|\beuros?\b")),
        ("USD", re(r"\$|\bUSD\b")),
        ("GBP", re(r"£|\bGBP\b")),
        ("CHF", re(r"\bCHF\b")),
    ]
});

/// The currency of the totals lines, else the most frequent one; none when no mark is seen.
fn currency(doc: &Doc) -> Option<(&'static str, f32)> {
    let in_totals = |line: &&Line| line.totals.iter().any(|t| t.kind != TotalLabel::Ignore);
    most_frequent_currency(doc.lines.iter().filter(in_totals))
        .map(|code| (code, 0.9))
        .or_else(|| most_frequent_currency(doc.lines.iter()).map(|code| (code, 0.7)))
}

fn most_frequent_currency<'a>(lines: impl Iterator<Item = &'a Line>) -> Option<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[&str]) -> String {
        lines.join("\n")
    }

    fn value<T: Clone>(field: &Option<Field<T>>) -> Option<T> {
        field.as_ref().map(|f| f.value.clone())
    }

    fn amount(raw: &str) -> Option<String> {
        parse_amount(raw).map(|c| c.to_string())
    }

    fn vat_lines(fields: &Fields) -> Vec<(String, Option<String>, String)> {
        value(&fields.vat_breakdown)
            .unwrap_or_default()
            .into_iter()
            .map(|l| (l.rate, l.taxable_amount, l.tax_amount))
            .collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    // ---- checksums ----------------------------------------------------------------------

    #[test]
    fn luhn_and_siren() {
        assert!(luhn_valid("732829320"));
        assert!(luhn_valid("0"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("73282932a"));
        assert!(siren_valid("732829320"));
        assert!(siren_valid("552081317"));
        assert!(!siren_valid("732829321"));
        assert!(!siren_valid("123456789"));
        assert!(!siren_valid("73282932"));
        assert!(!siren_valid("000000000"));
        assert!(!siren_valid("732 829 320"));
    }

    #[test]
    fn siret_including_la_poste() {
        assert!(siret_valid("73282932000017"));
        assert!(siret_valid("55208131700018"));
        assert!(!siret_valid("73282932000018"));
        assert!(!siret_valid("7328293200001"));
        // La Poste: digit sum multiple of 5 even though Luhn fails; its head office is Luhn-valid.
        assert!(siret_valid("35600000049837"));
        assert!(!luhn_valid("35600000049837"));
        assert!(siret_valid("35600000000048"));
        assert!(!siret_valid("35600000000019"));
        // The digit-sum rule is La Poste's only.
        assert!(!siret_valid("73282932000004"));
    }

    #[test]
    fn french_vat_numbers() {
        assert!(fr_vat_valid("FR44732829320"));
        assert!(fr_vat_valid("FR 44 732 829 320"));
        assert!(fr_vat_valid("fr03552081317"));
        assert!(!fr_vat_valid("FR45732829320"));
        assert!(!fr_vat_valid("FR4473282932"));
        assert!(!fr_vat_valid("DE44732829320"));
        assert!(!fr_vat_valid("FRAB732829320"));
        assert!(!fr_vat_valid("FR"));
        assert!(!fr_vat_valid("FRé"));
    }

    #[test]
    fn ibans() {
        assert!(iban_valid("FR7630006000011234567890189"));
        assert!(iban_valid("FR76 3000 6000 0112 3456 7890 189"));
        assert!(iban_valid("fr7630006000011234567890189"));
        assert!(iban_valid("DE89370400440532013000"));
        assert!(iban_valid("GB82WEST12345698765432"));
        assert!(iban_valid("FR1420041010050500013M02606"));
        assert!(!iban_valid("FR7630006000011234567890188"));
        assert!(!iban_valid("FR76"));
        assert!(!iban_valid("7630006000011234567890189FR"));
        assert!(!iban_valid("FR76300060000112345678901€9"));
    }

    // ---- amounts and dates ----------------------------------------------------------------

    #[test]
    fn amounts_in_every_format() {
        assert_eq!(amount("1 234,56 €"), s("1234.56"));
        assert_eq!(amount("1.234,56"), s("1234.56"));
        assert_eq!(amount("1,234.56"), s("1234.56"));
        assert_eq!(amount("1234.56"), s("1234.56"));
        assert_eq!(amount("1234,56"), s("1234.56"));
        assert_eq!(amount("€12.50"), s("12.50"));
        assert_eq!(amount("12,5"), s("12.50"));
        assert_eq!(amount("1 234 €"), s("1234.00"));
        assert_eq!(amount("-12,00"), s("-12.00"));
        assert_eq!(amount("12,00-"), s("-12.00"));
        assert_eq!(amount("-€5"), s("-5.00"));
        assert_eq!(amount("1\u{a0}234,56"), s("1234.56"));
        assert_eq!(amount("1\u{202f}234\u{202f}567,89 EUR"), s("1234567.89"));
        assert_eq!(amount("USD 1,000"), s("1000.00"));
        assert_eq!(amount("1'234.50 CHF"), s("1234.50"));
        assert_eq!(amount("£0.99"), s("0.99"));
        assert_eq!(amount("  42  "), s("42.00"));
    }

    #[test]
    fn amounts_rejected() {
        for raw in ["", "abc", "€", "-", "12/03/2026", "1,2,3", "12.3456", "20 %", "1 23", "12 345 6789", "1.234.56"]
        {
            assert_eq!(parse_amount(raw), None, "{raw}");
        }
        assert_eq!(parse_amount("1.234,567"), None);
        assert_eq!(parse_amount("12a"), None);
        assert_eq!(parse_amount("99999999999999999999"), None);
    }

    #[test]
    fn dates_in_every_format() {
        let cases = [
            ("15/03/2026", "2026-03-15"),
            ("15-03-2026", "2026-03-15"),
            ("15.03.2026", "2026-03-15"),
            ("2026-03-15", "2026-03-15"),
            ("15 mars 2026", "2026-03-15"),
            ("1er juin 2026", "2026-06-01"),
            ("ter juin 2026", "2026-06-01"),
            ("15 March 2026", "2026-03-15"),
            ("March 15, 2026", "2026-03-15"),
            ("15 Mar 2026", "2026-03-15"),
            ("15 Mar. 2026", "2026-03-15"),
            ("15/03/26", "2026-03-15"),
            ("3 février 2026", "2026-02-03"),
            ("3 fevrier 2026", "2026-02-03"),
            ("25 DÉCEMBRE 2025", "2025-12-25"),
            ("1st August 2026", "2026-08-01"),
            ("03/15/2026", "2026-03-15"),
            (" 5/3/2026 ", "2026-03-05"),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse_date(raw), s(expected), "{raw}");
        }
    }

    #[test]
    fn dates_rejected() {
        for raw in ["31/02/2026", "32/01/2026", "15/13/2026", "", "mars 2026", "15 foo 2026", "le 15/03/2026", "2026"] {
            assert_eq!(parse_date(raw), None, "{raw}");
        }
        assert_eq!(parse_date("29/02/2024"), s("2024-02-29"));
        assert_eq!(parse_date("29/02/2025"), None);
    }

    #[test]
    fn ocr_zeros_only_inside_numbers() {
        assert_eq!(fix_ocr_zeros("1 2O4,5O"), "1 204,50");
        assert_eq!(fix_ocr_zeros("1 OOO.OO"), "1 000.00");
        assert_eq!(fix_ocr_zeros("FA-2O26 TOTAL No 12 GOOGLE"), "FA-2026 TOTAL No 12 GOOGLE");
    }

    // ---- whole documents --------------------------------------------------------------------

    fn french_invoice() -> String {
        text(&[
            "ACME CONSEIL SARL                                              FACTURE",
            "12 rue de la Paix",
            "75002 Paris                                        Facture N° : FA-2026-0042",
            "Tél : 01 23 45 67 89                               Date de facture : 15/03/2026",
            "SIRET : 732 829 320 00017                          Échéance : 14/04/2026",
            "N° TVA intracommunautaire : FR44 732 829 320",
            "",
            "                                          Facturé à :",
            "                                          BETA DISTRIBUTION SAS",
            "                                          5 avenue Foch",
            "                                          69006 Lyon",
            "                                          SIREN : 552 081 317",
            "                                          TVA : FR03552081317",
            "",
            "Désignation                         Qté    Prix unitaire HT      Total HT",
            "Conseil stratégique                   2            500,00 €    1 000,00 €",
            "Frais de déplacement                  1            250,00 €      250,00 €",
            "",
            "                                                      Total HT      1 250,00 €",
            "                                                      TVA 20 %        250,00 €",
            "                                                      Total TTC     1 500,00 €",
            "",
            "Conditions de paiement : 30 jours. Pénalités de retard : 3 fois le taux d'intérêt légal.",
            "IBAN : FR76 3000 6000 0112 3456 7890 189     BIC : AGRIFRPP",
            "ACME CONSEIL SARL au capital de 10 000 € - RCS Paris 732 829 320",
        ])
    }

    #[test]
    fn french_invoice_text_layer() {
        let doc = french_invoice();
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
        assert_eq!(value(&f.supplier_name), s("ACME CONSEIL SARL"));
        assert_eq!(value(&f.invoice_number), s("FA-2026-0042"));
        assert_eq!(value(&f.date), s("2026-03-15"));
        assert_eq!(value(&f.siren), s("732829320"));
        assert_eq!(value(&f.siret), s("73282932000017"));
        assert_eq!(value(&f.vat_number), s("FR44732829320"));
        assert_eq!(value(&f.iban), s("FR7630006000011234567890189"));
        assert_eq!(value(&f.currency), s("EUR"));
        assert_eq!(value(&f.total_excluding_tax), s("1250.00"));
        assert_eq!(value(&f.total_tax), s("250.00"));
        assert_eq!(value(&f.total_including_tax), s("1500.00"));
        assert_eq!(value(&f.consistent), Some(true));
        assert_eq!(vat_lines(&f), vec![("20".into(), None, "250.00".into())]);
        let siren = f.siren.as_ref().map(|f| (f.confidence, f.source));
        assert_eq!(siren, Some((CHECKSUMMED, Source::TextLayer)));
        let ttc = f.total_including_tax.as_ref().map(|f| f.confidence).unwrap_or(0.0);
        assert!((ttc - 0.9).abs() < 1e-6, "{ttc}");
    }

    #[test]
    fn english_invoice() {
        let doc = text(&[
            "Northwind Consulting Ltd                                  INVOICE",
            "1 Harbour Road, Dublin 2, Ireland",
            "VAT No: IE6388047V",
            "",
            "Bill to:                                   Invoice No: INV-2026-117",
            "Contoso Inc                                Invoice date: March 15, 2026",
            "500 Market Street                          Due date: April 14, 2026",
            "San Francisco, CA",
            "",
            "Description                  Qty      Unit price         Amount",
            "Software development          10        €150.00       €1,500.00",
            "Support (monthly)              1        €200.00         €200.00",
            "",
            "                                          Subtotal      €1,700.00",
            "                                          VAT 23%         €391.00",
            "                                          Total         €2,091.00",
            "",
            "Payment by bank transfer to IBAN IE29 AIBK 9311 5212 3456 78",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
        assert_eq!(value(&f.supplier_name), s("Northwind Consulting Ltd"));
        assert_eq!(value(&f.invoice_number), s("INV-2026-117"));
        assert_eq!(value(&f.date), s("2026-03-15"));
        assert_eq!(value(&f.vat_number), s("IE6388047V"));
        assert_eq!(f.vat_number.as_ref().map(|v| v.confidence), Some(GUESS));
        assert_eq!(value(&f.siren), None);
        assert_eq!(value(&f.iban), s("IE29AIBK93115212345678"));
        assert_eq!(value(&f.currency), s("EUR"));
        assert_eq!(value(&f.total_excluding_tax), s("1700.00"));
        assert_eq!(value(&f.total_tax), s("391.00"));
        assert_eq!(value(&f.total_including_tax), s("2091.00"));
        assert_eq!(value(&f.consistent), Some(true));
        assert_eq!(vat_lines(&f), vec![("23".into(), None, "391.00".into())]);
    }

    #[test]
    fn french_credit_note() {
        let doc = text(&[
            "DUPONT & FILS SAS",
            "8 boulevard Haussmann",
            "75009 Paris",
            "SIREN 542 107 651 - TVA FR13542107651",
            "",
            "AVOIR N° AV-2026-007",
            "Date : 20/03/2026",
            "Référence facture : F-2026-0042 du 15/03/2026",
            "",
            "Client : GAMMA SARL, 3 place Bellecour, 69002 Lyon, SIREN 443 061 841",
            "",
            "Désignation                                       Montant HT",
            "Remise commerciale sur facture F-2026-0042          -100,00",
            "",
            "Total HT                                            -100,00",
            "TVA 20 %                                             -20,00",
            "Total TTC                                           -120,00",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::CreditNote));
        assert_eq!(value(&f.supplier_name), s("DUPONT & FILS SAS"));
        assert_eq!(value(&f.invoice_number), s("AV-2026-007"));
        assert_eq!(value(&f.date), s("2026-03-20"));
        assert_eq!(value(&f.siren), s("542107651"));
        assert_eq!(value(&f.siret), None);
        assert_eq!(value(&f.vat_number), s("FR13542107651"));
        assert_eq!(value(&f.total_excluding_tax), s("-100.00"));
        assert_eq!(value(&f.total_tax), s("-20.00"));
        assert_eq!(value(&f.total_including_tax), s("-120.00"));
        assert_eq!(value(&f.consistent), Some(true));
        assert_eq!(value(&f.currency), None);
    }

    #[test]
    fn till_receipt() {
        let doc = text(&[
            "          CARREFOUR MARKET",
            "     12 AVENUE DE LA REPUBLIQUE",
            "           75011 PARIS",
            "     SIRET 383 474 814 00019",
            "        TICKET DE CAISSE",
            "",
            "15/03/2026 14:32   CAISSE 03   TICKET N° 004217",
            "",
            "PAIN COMPLET                        2,10",
            "LAIT DEMI-ECREME X2                 2,30",
            "POMMES GOLDEN 1,250 KG              3,74",
            "CAFE MOULU 250G                     4,36",
            "",
            "TOTAL                              12,50 EUR",
            "CB SANS CONTACT                    12,50 EUR",
            "",
            "TVA    TAUX        HT      TVA      TTC",
            "A      5,50%    11,85     0,65    12,50",
            "",
            "       MERCI DE VOTRE VISITE",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::Receipt));
        assert_eq!(value(&f.supplier_name), s("CARREFOUR MARKET"));
        assert_eq!(value(&f.invoice_number), s("004217"));
        assert_eq!(value(&f.date), s("2026-03-15"));
        assert_eq!(value(&f.siret), s("38347481400019"));
        assert_eq!(value(&f.siren), s("383474814"));
        assert_eq!(value(&f.total_including_tax), s("12.50"));
        assert_eq!(value(&f.total_tax), s("0.65"));
        assert_eq!(value(&f.total_excluding_tax), s("11.85"));
        assert_eq!(value(&f.consistent), Some(true));
        assert_eq!(value(&f.currency), s("EUR"));
        assert_eq!(vat_lines(&f), vec![("5.5".into(), s("11.85"), "0.65".into())]);
    }

    #[test]
    fn till_receipt_without_title() {
        let doc = text(&[
            "BOULANGERIE DU COIN",
            "2 BAGUETTES        2,40",
            "TOTAL              2,40",
            "ESPECES            5,00",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::Receipt));
        assert_eq!(value(&f.total_including_tax), s("2.40"));
    }

    fn multi_rate_invoice(with_total_tax: bool) -> String {
        let mut lines = vec![
            "LA BONNE TABLE SARL",
            "RCS Lyon 443 061 841",
            "FACTURE N° 2026-118                         Lyon, le 1er juin 2026",
            "",
            "Désignation                      Taux TVA       Montant HT",
            "Produits alimentaires              5,5 %            200,00",
            "Location de matériel              20 %              100,00",
            "",
            "Taux          Base HT        Montant TVA",
            "20,00 %        100,00              20,00",
            "5,50 %         200,00              11,00",
            "",
            "Total HT                         300,00 €",
        ];
        if with_total_tax {
            lines.push("Total TVA                         31,00 €");
        }
        lines.push("Total TTC                        331,00 €");
        text(&lines)
    }

    #[test]
    fn multi_rate_invoice_with_total_tax() {
        let doc = multi_rate_invoice(true);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
        assert_eq!(value(&f.supplier_name), s("LA BONNE TABLE SARL"));
        assert_eq!(value(&f.invoice_number), s("2026-118"));
        assert_eq!(value(&f.date), s("2026-06-01"));
        assert_eq!(value(&f.siren), s("443061841"));
        assert_eq!(value(&f.total_excluding_tax), s("300.00"));
        assert_eq!(value(&f.total_tax), s("31.00"));
        assert_eq!(value(&f.total_including_tax), s("331.00"));
        assert_eq!(value(&f.consistent), Some(true));
        let expected = vec![("20".into(), s("100.00"), "20.00".into()), ("5.5".into(), s("200.00"), "11.00".into())];
        assert_eq!(vat_lines(&f), expected);
        assert_eq!(f.vat_breakdown.as_ref().map(|b| b.confidence), Some(LABELLED));
    }

    #[test]
    fn multi_rate_invoice_sums_the_breakdown() {
        let doc = multi_rate_invoice(false);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.total_tax), s("31.00"));
        assert_eq!(value(&f.consistent), Some(true));
        assert_eq!(vat_lines(&f).len(), 2);
    }

    #[test]
    fn ocr_noisy_invoice() {
        let doc = text(&[
            "ACME CONSEIL SARL                         FACTURE",
            "12 rue de la Paix",
            "75OO2 Paris                                facture  n°  FA-2O26-OO42",
            "SIRET : 732 829 32O OOO17                  date de facture : ter juin 2026",
            "n° tva intracommunautaire : FR44 732 829 32O",
            "",
            "| Désignation          | Qté | Prix unitaire ht | total ht  |",
            "| Conseil stratégique  |  2  |      5OO.OO      | 1 OOO.OO  |",
            "| Frais de déplacement |  1  |      25O.OO      |   25O.OO  |",
            "",
            "                                  total  ht     1 25O.OO",
            "                                  T.V.A.  2O %    25O.OO",
            "                                  total  ttc    1 5OO.OO EUR",
            "IBAN : FR76 3OOO 6OOO O112 3456 789O 189",
        ]);
        let f = extract(&[&doc], Source::Ocr);
        assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
        assert_eq!(value(&f.supplier_name), s("ACME CONSEIL SARL"));
        assert_eq!(value(&f.invoice_number), s("FA-2026-0042"));
        assert_eq!(value(&f.date), s("2026-06-01"));
        assert_eq!(value(&f.siret), s("73282932000017"));
        assert_eq!(value(&f.siren), s("732829320"));
        assert_eq!(value(&f.vat_number), s("FR44732829320"));
        assert_eq!(value(&f.iban), s("FR7630006000011234567890189"));
        assert_eq!(value(&f.total_excluding_tax), s("1250.00"));
        assert_eq!(value(&f.total_tax), s("250.00"));
        assert_eq!(value(&f.total_including_tax), s("1500.00"));
        assert_eq!(value(&f.consistent), Some(true));
        assert_eq!(value(&f.currency), s("EUR"));
        let siren = f.siren.as_ref().map(|f| (f.confidence, f.source));
        assert_eq!(siren, Some((CHECKSUMMED * OCR_FACTOR, Source::Ocr)));
    }

    #[test]
    fn consistency_picks_the_right_reading() {
        // The first TTC reading is misread; the "Net à payer" line repeats the right one.
        let doc = text(&[
            "Facture n° 77",
            "Total HT           100,00",
            "TVA 20 %            20,00",
            "Total TTC          128,00",
            "Net à payer        120,00",
        ]);
        let f = extract(&[&doc], Source::Ocr);
        assert_eq!(value(&f.total_including_tax), s("120.00"));
        assert_eq!(value(&f.consistent), Some(true));
    }

    #[test]
    fn totals_that_do_not_add_up_are_withheld() {
        // No combination adds up: HT and TVA go, the TTC under its own label stays, flagged.
        let inconsistent = text(&["Facture n° 77", "Total HT 100,00", "TVA 20 % 20,00", "Total TTC 128,00"]);
        let f = extract(&[&inconsistent], Source::TextLayer);
        assert_eq!(value(&f.total_including_tax), s("128.00"));
        assert_eq!(value(&f.total_excluding_tax), None);
        assert_eq!(value(&f.total_tax), None);
        assert_eq!(value(&f.consistent), None);
        assert!(f.total_including_tax.as_ref().is_some_and(|t| t.confidence < GUESS));
    }

    #[test]
    fn a_bare_total_beside_contradicting_figures_is_withheld_too() {
        let doc = text(&["Facture n° 78", "Total HT 100,00", "TVA 20 % 20,00", "Total 128,00"]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!((value(&f.total_excluding_tax), value(&f.total_tax)), (None, None));
        assert_eq!(value(&f.total_including_tax), None);
        assert_eq!(value(&f.consistent), None);
    }

    /// A photographed invoice read on another machine: the table's header row put the first
    /// line's amount under both "TVA" and "Montant HT", and the totals block was lost.
    #[test]
    fn a_photo_whose_totals_block_is_lost_reports_no_false_triple() {
        let doc = text(&[
            "Facture n° FAC/2025/0367                 29 avril 2025",
            "Désignation                     TVA        Montant HT",
            "Licence logiciel annuelle       1 009,85   1 009,85",
            "Journée de conseil | |           539,71     539,71",
            "Montant TTC 539,71",
        ]);
        let f = extract(&[&doc], Source::Ocr);
        let triple = (value(&f.total_excluding_tax), value(&f.total_tax), value(&f.total_including_tax));
        assert_ne!(triple, (s("1009.85"), s("1009.85"), s("539.71")));
        assert!(f.total_excluding_tax.is_none() || f.total_tax.is_none() || f.total_including_tax.is_none());
        assert_ne!(value(&f.consistent), Some(false));
        if let Some(ttc) = &f.total_including_tax {
            assert!(ttc.confidence < GUESS, "an unchecked TTC says so: {}", ttc.confidence);
        }
    }

    #[test]
    fn choosing_totals_repairs_or_withholds() {
        let at = |cents: i64, strength: u8, order: usize| Candidate { cents: Cents(cents), strength, order };
        // The case seen on a new machine: TTC 539.71 next to HT and TVA both 1009.85.
        let seen = Candidates {
            ht: vec![at(100_985, COLUMN_STRENGTH, 3)],
            tax: vec![at(100_985, COLUMN_STRENGTH, 3)],
            ttc: vec![at(53_971, 6, 9)],
        };
        let totals = choose_totals(&seen);
        assert!(totals.ht.is_none() && totals.tax.is_none());
        assert_eq!(totals.ttc.map(|c| c.cents), Some(Cents(53_971)));
        assert_eq!(totals.check, Check::Failed);
        let mut fields = Fields::default();
        set_totals(&mut fields, &totals, &[], Source::Ocr);
        assert_eq!(value(&fields.consistent), None);
        assert!(fields.total_including_tax.as_ref().is_some_and(|t| t.confidence < GUESS));
        // Repair: other readings of each satisfy the identity; they win over the bad ones.
        let repairable = Candidates {
            ht: vec![at(100_985, COLUMN_STRENGTH, 3), at(311_214, 6, 10)],
            tax: vec![at(100_985, COLUMN_STRENGTH, 3), at(52_243, 5, 8), at(62_243, 6, 11)],
            ttc: vec![at(53_971, 6, 9), at(373_457, 6, 12)],
        };
        let totals = choose_totals(&repairable);
        let cents = |c: Option<Candidate>| c.map(|c| c.cents.0);
        assert_eq!(
            (cents(totals.ht), cents(totals.tax), cents(totals.ttc)),
            (Some(311_214), Some(62_243), Some(373_457))
        );
        assert_eq!(totals.check, Check::Holds);
    }

    #[test]
    fn due_date_before_document_date() {
        let doc = text(&[
            "SOLUTIONS NUMERIQUES SAS",
            "À payer avant le 14/04/2026",
            "Échéance : 14/04/2026",
            "Période du 01/02/2026 au 28/02/2026",
            "Date de facture : 15/03/2026",
            "Facture n° 2026-0099",
            "Total HT 100,00 €",
            "TVA 20 % 20,00 €",
            "Total TTC 120,00 €",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.date), s("2026-03-15"));
        assert_eq!(value(&f.invoice_number), s("2026-0099"));
        assert_eq!(value(&f.supplier_name), s("SOLUTIONS NUMERIQUES SAS"));
        assert_eq!(value(&f.consistent), Some(true));
    }

    #[test]
    fn header_row_values_below() {
        let doc = text(&[
            "FACTURE",
            "Imprimerie Martin",
            "N° facture        Date          Échéance",
            "F-881             02/03/2026    01/04/2026",
            "",
            "Total HT        TVA        Total TTC",
            "  50,00        10,00          60,00",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.invoice_number), s("F-881"));
        assert_eq!(value(&f.date), s("2026-03-02"));
        assert_eq!(value(&f.supplier_name), s("Imprimerie Martin"));
        assert_eq!(value(&f.total_excluding_tax), s("50.00"));
        assert_eq!(value(&f.total_tax), s("10.00"));
        assert_eq!(value(&f.total_including_tax), s("60.00"));
        assert_eq!(value(&f.consistent), Some(true));
    }

    #[test]
    fn nothing_useful() {
        let doc = text(&[
            "Compte rendu de réunion",
            "",
            "Les participants ont discuté du planning.",
            "Prochaine réunion à définir.",
        ]);
        for pages in [vec![doc.as_str()], vec![], vec![""], vec!["", "   \n\n"]] {
            assert_eq!(extract(&pages, Source::TextLayer), Fields::default());
        }
    }

    #[test]
    fn invoice_dated_in_its_title() {
        let doc = text(&[
            "ACME SAS                                  FACTURE N° 12 du 03/02/2026",
            "Commande n° 8 du 01/01/2026",
            "Livraison : 02/02/2026",
            "Total TTC : EUR 1 200,00",
        ]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.date), s("2026-02-03"));
        assert_eq!(value(&f.invoice_number), s("12"));
        assert_eq!(value(&f.total_including_tax), s("1200.00"));
        assert_eq!(value(&f.currency), s("EUR"));
        assert_eq!(value(&f.consistent), None);
    }

    #[test]
    fn multi_page_document() {
        let page1 = "ACME CONSEIL SARL\nFacture n° A-1\nDate : 05/01/2026\nConseil    100,00";
        let page2 = "Total HT   100,00\nTVA 20 %    20,00\nTotal TTC  120,00";
        let f = extract(&[page1, page2], Source::TextLayer);
        assert_eq!(value(&f.invoice_number), s("A-1"));
        assert_eq!(value(&f.total_including_tax), s("120.00"));
        assert_eq!(value(&f.consistent), Some(true));
    }

    /// Random documents made of the tokens the heuristics look for, to reach every branch.
    #[test]
    fn token_soup_never_panics() {
        const TOKENS: [&str; 40] = [
            "Total HT",
            "TVA",
            "T.V.A.",
            "20 %",
            "5,5%",
            "1 234,56",
            "-12,00",
            "€",
            "EUR",
            "Facturé à :",
            "Client :",
            "SIRET",
            "732 829 320 00017",
            "FR44 732 829 320",
            "IBAN",
            "FR76 3000 6000 0112 3456 7890 189",
            "\n",
            "\n\n",
            "   ",
            " ",
            "|",
            "O",
            "15/03/2026",
            "ter juin 2026",
            "N°",
            "Facture",
            "Avoir",
            "Ticket",
            "Total TTC",
            "Total",
            "SAS",
            "ACME",
            "du",
            "au",
            "Échéance",
            "Date",
            "100,00",
            "20,00",
            "120,00",
            "CB",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..300 {
            let count = 5 + next() % 120;
            let doc: String = (0..count).map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize]).collect();
            let fields = extract(&[&doc], Source::Ocr);
            assert_ne!(value(&fields.consistent), Some(false), "{doc}");
            if let (Some(ht), Some(tax), Some(ttc)) =
                (&fields.total_excluding_tax, &fields.total_tax, &fields.total_including_tax)
            {
                // Three totals are only ever reported when they add up.
                let sum = Cents::parse_decimal(&ht.value).zip(Cents::parse_decimal(&tax.value)).map(|(h, t)| h.0 + t.0);
                assert_eq!(sum, Cents::parse_decimal(&ttc.value).map(|c| c.0), "{doc}");
                assert_eq!(value(&fields.consistent), Some(true), "{doc}");
            }
            for f in [&fields.siren, &fields.siret, &fields.vat_number, &fields.iban].into_iter().flatten() {
                assert!(f.value.chars().all(|c| c.is_ascii_alphanumeric()), "{doc}");
            }
        }
    }

    #[test]
    fn garbage_never_panics() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..12 {
            let bytes: Vec<u8> = (0..2000 + round * 500).map(|_| (next() % 256) as u8).collect();
            let page = String::from_utf8_lossy(&bytes).into_owned();
            let _ = extract(&[&page, truncate_chars(&page, page.len() / 3)], Source::Ocr);
            let _ = extract(&[&page], Source::TextLayer);
            let _ = parse_amount(&page);
            let _ = parse_date(&page);
        }
        let long_lines = [
            "1 ".repeat(50_000),
            "Total TTC ".repeat(10_000) + &"9".repeat(100_000),
            "31/02/2026 ".repeat(10_000),
            "€".repeat(100_000),
            "FR76 ".repeat(20_000),
            "TVA 20 % 100,00 20,00 ".repeat(5_000),
            "é".repeat(100_000) + "\n" + &"|O".repeat(50_000),
            "\n".repeat(30_000),
        ];
        for line in &long_lines {
            let _ = extract(&[line, line], Source::Ocr);
            let _ = parse_amount(line);
            let _ = parse_date(line);
            let _ = iban_valid(line);
            let _ = fr_vat_valid(line);
        }
    }
}
