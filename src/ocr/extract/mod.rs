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

mod amounts;
mod dates;
#[cfg(test)]
mod de_forms_tests;
mod geometry;
mod identifiers;
mod kind;
mod labels;
mod locate;
mod normalize;
mod number;
#[cfg(test)]
mod precision_tests;
mod supplier;
#[cfg(test)]
mod tests;
mod totals;
mod vat;

use amounts::*;
use dates::*;
pub use geometry::relayout;
use identifiers::*;
use kind::*;
use labels::*;
pub use locate::{locate, withhold_misread};
use normalize::*;
use number::*;
use supplier::*;
use totals::*;
use vat::*;

use super::amount::Cents;
use super::fields::{DocumentKind, Field, Fields, Source, VatLine, Word};

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

/// What the caller knows about a document besides its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// First and last day of the fiscal year the document is filed in: a date printed far
    /// from it (more than a year before its start or after its end) loses to one near it, and
    /// is reported alone only with a confidence of 0.4 at most.
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// Extracts accounting fields from a document's text (one string per page, in order), read from
/// `source` (Source::TextLayer or Source::Ocr). Never panics, whatever the input.
pub fn extract(pages: &[&str], source: Source) -> Fields {
    extract_with(pages, source, Hints::default())
}

/// [`extract`], with what the caller knows of the document (its fiscal year).
pub fn extract_with(pages: &[&str], source: Source, hints: Hints) -> Fields {
    extract_as(pages, source, hints, None)
}

/// [`extract_with`], the document's kind given (`known`) rather than read from these pages: the
/// word rows may read a title the text's blocks mixed with a logo.
fn extract_as(pages: &[&str], source: Source, hints: Hints, known: Option<(DocumentKind, f32)>) -> Fields {
    let mut doc = Doc::new(pages, source);
    doc.period = hints.period;
    let kind = known.or_else(|| detect_kind(&doc));
    let document_kind = kind.map(|(k, _)| k);
    let breakdown = vat_breakdown(&doc);
    let totals = decide_totals(&doc, &total_candidates(&doc, &breakdown), &breakdown);
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
    if fields.date.is_none() {
        fields.ruled_out_dates = ruled_out_dates(&doc, document_kind).iter().map(ToString::to_string).collect();
    }
    set_totals(&mut fields, &totals, &breakdown, source);
    // Without any sign of an accounting document, a first line is just a first line.
    let looks_accounting = kind.is_some() || has_any_value(&fields);
    fields.supplier_name = wrap(supplier_name(&doc, looks_accounting));
    if document_kind == Some(DocumentKind::CreditNote) {
        credit_note_magnitudes(&mut fields);
    }
    // No mention of a kind: withheld rather than guessed ("other" is for XML type codes).
    fields.kind = kind.map(|(kind, confidence)| field(kind, confidence, source));
    fields
}

/// [`extract`], with a second reading of the same pages rebuilt from their word boxes
/// (`words[i]` are those of `pages[i]`: Tesseract's, from the run that wrote the text, or
/// `pdftotext -bbox-layout`'s for a text layer): rows as
/// they stand on the page, so a label and an amount that Tesseract put in separate blocks
/// (boxed totals, sidebars, labels stacked above their values) meet again. The text's reading
/// is kept where it holds; the rebuilt one is used for totals only when it passes
/// HT + TVA = TTC and the text's does not, and for other fields only when the text found none.
///
/// Words read again inside blocks the first OCR reading lost ([`Word::recovered`]) are a last
/// resort: they give totals only when neither reading found any, and only three labelled totals
/// that add up.
pub fn extract_with_words(pages: &[&str], words: &[&[Word]], source: Source, hints: Hints) -> Fields {
    let recovered = words.iter().any(|page| page.iter().any(Word::recovered));
    if !recovered {
        return extract_with_rows(pages, words, source, hints);
    }
    // Only pages with a lost block pay for the copy without its words.
    let first: Vec<Vec<Word>> =
        words.iter().map(|page| page.iter().filter(|w| !w.recovered()).cloned().collect()).collect();
    let first: Vec<&[Word]> = first.iter().map(Vec::as_slice).collect();
    let mut fields = extract_with_rows(pages, &first, source, hints);
    if no_totals(&fields) {
        let rows = rows_of(pages, words);
        let mut again = extract_with(&rows.iter().map(String::as_str).collect::<Vec<_>>(), source, hints);
        // Three labelled readings that add up, no repair nor arithmetic: the words of a lost
        // block were read without its layout's help.
        let labelled = again.totals_rule.as_deref().is_some_and(|rule| rule.starts_with("labels "));
        if again.consistent.is_some() && labelled {
            take_totals(&mut fields, &mut again, "lost-block rows");
        }
    }
    fields
}

/// Replaces the totals of `to` with those of another reading, `from`, the rule prefixed with
/// the reading's name.
fn take_totals(to: &mut Fields, from: &mut Fields, reading: &str) {
    to.total_excluding_tax = from.total_excluding_tax.take();
    to.total_tax = from.total_tax.take();
    to.total_including_tax = from.total_including_tax.take();
    to.consistent = from.consistent.take();
    to.vat_breakdown = from.vat_breakdown.take();
    to.totals_rule = from.totals_rule.take().map(|rule| format!("{reading} {rule}"));
}

/// Whether a reading found none of the three totals: then, and only then, the words recovered
/// from lost blocks are read ([`extract_with_words`]).
pub fn no_totals(fields: &Fields) -> bool {
    fields.total_excluding_tax.is_none() && fields.total_tax.is_none() && fields.total_including_tax.is_none()
}

/// Each page's text rebuilt in rows from its word boxes; pages without boxes (a text layer
/// beside OCR'd pages) keep their text.
fn rows_of(pages: &[&str], words: &[&[Word]]) -> Vec<String> {
    pages
        .iter()
        .enumerate()
        .map(|(i, text)| match words.get(i) {
            Some(w) if !w.is_empty() => relayout(w),
            _ => (*text).to_owned(),
        })
        .collect()
}

/// [`extract_with_words`] without the recovered words: the text's reading, and the rows'.
fn extract_with_rows(pages: &[&str], words: &[&[Word]], source: Source, hints: Hints) -> Fields {
    let mut fields = extract_with(pages, source, hints);
    if words.iter().all(|w| w.is_empty()) {
        return fields;
    }
    let rebuilt = rows_of(pages, words);
    let rebuilt: Vec<&str> = rebuilt.iter().map(String::as_str).collect();
    let mut second = extract_with(&rebuilt, source, hints);
    // The kind only the rows read decides the text's kind-dependent fields too (a credit note's
    // "Invoice Date" is the credited invoice's), as it will be reported.
    if fields.kind.is_none() {
        if let Some(kind) = &second.kind {
            fields = extract_as(pages, source, hints, Some((kind.value, kind.confidence)));
        }
    }
    let text_holds = fields.consistent.is_some();
    // Labelled totals of the text that contradict each other leave no TTC alone to the rows.
    let contradicted = fields.totals_rule.as_deref().is_some_and(|rule| rule.starts_with(CONTRADICTED));
    let alone = no_totals(&fields) && second.total_including_tax.is_some() && !contradicted;
    if (!text_holds && second.consistent.is_some()) || alone {
        take_totals(&mut fields, &mut second, "word-rows");
    }
    macro_rules! fill {
        ($($name:ident),*) => {$(
            if fields.$name.is_none() {
                fields.$name = second.$name;
            }
        )*};
    }
    // A number the text only guessed (a number word alone, "n° 2022-RS-06" of a contract, where
    // OCR put the "N° d'avoir" label away from its value) yields to one the rows read beside its
    // label.
    let guessed = |f: &Option<Field<String>>| f.as_ref().map_or(0.0, |f| f.confidence);
    if guessed(&second.invoice_number) > guessed(&fields.invoice_number) {
        fields.invoice_number = second.invoice_number.take();
    }
    // So does a date the text read beside a bare "Fecha:" when the rows read one under a better
    // label: OCR's text lost the gaps between a header's cells ("N° FACTURA FECHA" over
    // "eventos@... FV24-0191 03/08/2024"), the rows keep the columns.
    if guessed(&second.date) > guessed(&fields.date) && fields.date.is_some() {
        fields.date = second.date.take();
    }
    // A date the text ruled out by its label ("bis 11.01.2024", the end of a stay) is no
    // document's date because the rows lost that label (they put "bis" a row below).
    let unlabelled = |f: &Field<String>| f.confidence <= GUESS;
    if second.date.as_ref().is_some_and(|d| unlabelled(d) && fields.ruled_out_dates.contains(&d.value)) {
        second.date = None;
    }
    fill!(kind, date, invoice_number, siren, siret, vat_number, iban, currency);
    fields
}

/// Sign convention, the same as the e-invoice path (where EN 16931 credit notes carry positive
/// amounts): a credit note's totals and VAT lines are the amounts it credits, as positive
/// numbers; `kind: credit-note` says which way they go. "Total TTC -120,00" on an "Avoir" is
/// reported as "120.00".
fn credit_note_magnitudes(fields: &mut Fields) {
    let unsigned = |value: &mut String| {
        if let Some(rest) = value.strip_prefix('-') {
            *value = rest.to_owned();
        }
    };
    for total in [&mut fields.total_excluding_tax, &mut fields.total_tax, &mut fields.total_including_tax] {
        if let Some(total) = total.as_mut() {
            unsigned(&mut total.value);
        }
    }
    for line in fields.vat_breakdown.iter_mut().flat_map(|f| f.value.iter_mut()) {
        unsigned(&mut line.tax_amount);
        line.taxable_amount.iter_mut().for_each(unsigned);
    }
}

pub use super::checksum::{fr_vat_valid, iban_valid, luhn_valid, siren_valid, siret_valid};

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
    find_dates(text, DateOrder::DayFirst)
        .into_iter()
        .find(|hit| hit.start == 0 && hit.end == text.len())
        .map(|hit| hit.date.to_string())
}
