//! Text normalisation: lines, columns, OCR clean-up, the client's block and small helpers.

use super::*;
use std::sync::OnceLock;

// Small helpers

pub(super) fn field<T>(value: T, confidence: f32, source: Source) -> Field<T> {
    let factor = if source == Source::Ocr { OCR_FACTOR } else { 1.0 };
    Field::new(value, confidence * factor, source)
}

pub(super) fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Word boundaries are ASCII ones: Unicode boundaries send the regex engine to its slow NFA on
/// any non-ASCII text (most French lines). Patterns therefore put no `\b` next to an accented
/// letter.
pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(&for_ocr(pattern)).expect("static regex pattern is valid")
}

/// A pattern as every regex of the extraction is compiled: ASCII word boundaries, and accented
/// vowels that accept any accented vowel (see [`accent_tolerant`]).
pub(super) fn for_ocr(pattern: &str) -> String {
    accent_tolerant(&pattern.replace(r"\b", r"(?-u:\b)"))
}

/// Accented vowels as Tesseract's French and English models read them.
const ACCENTED_VOWELS: &str = "àáâãäåèéêëìíîïòóôõöùúûüÿœ";

/// Every accented vowel of a pattern also matches its bare letter and any other accented vowel:
/// read with French and English data, the accents of other languages come out as French ones or
/// none ("Fecha de expedición" as "expediciôn" or "expedicién", "Constitución" as
/// "Constitucion"), and a French accent may be misread too ("échéance" as "échêance"). In a
/// class (`[óo]`) the letters are added to it; outside one the letter becomes a class. Likewise
/// "ß" accepts "B" and "ss" ("einschlieBlich"). Patterns hold no range with an accented end
/// (`[à-ü]`) and no negated class of accented letters.
pub(super) fn accent_tolerant(pattern: &str) -> String {
    let base = |c: char| match c {
        'à'..='å' => Some('a'),
        'è'..='ë' => Some('e'),
        'ì'..='ï' => Some('i'),
        'ò'..='ö' => Some('o'),
        'ù'..='ü' => Some('u'),
        'ÿ' => Some('y'),
        'œ' => Some('o'),
        _ => None,
    };
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut chars = pattern.chars();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '[' => {
                depth += 1;
                out.push(c);
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            // "ß" as OCR with French and English data reads it: "B" ("einschlieBlich"), or "ss".
            'ß' if depth > 0 => out.push_str("ßB"),
            'ß' => out.push_str("(?:ß|ss|B)"),
            _ => match base(c) {
                Some(letter) if depth > 0 => {
                    out.push(letter);
                    out.push_str(ACCENTED_VOWELS);
                }
                Some(letter) => {
                    out.push('[');
                    out.push(letter);
                    out.push_str(ACCENTED_VOWELS);
                    out.push(']');
                }
                None => out.push(c),
            },
        }
    }
    out
}

/// Column (in characters) of a byte offset, for lining up layout columns.
pub(super) fn col_of(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

pub(super) fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 <= b.1 + COLUMN_SLACK && b.0 <= a.1 + COLUMN_SLACK
}

/// The up to `width` bytes before `end`, cut on a character boundary.
pub(super) fn window_before(text: &str, end: usize, width: usize) -> &str {
    let mut start = end.saturating_sub(width);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..end).unwrap_or("")
}

pub(super) fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// A label found in a line, by byte offsets.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit<K> {
    pub(super) kind: K,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Whitespace inside a label stays within one layout cell: "Date de facture     N° de facture"
/// holds two labels, not "facture     N°".
pub(super) fn within_cell<K: Copy, P: AsRef<str>>(rows: &[(K, P)]) -> Vec<(K, String)> {
    rows.iter().map(|(kind, p)| (*kind, p.as_ref().replace(r"\s*", r"\s{0,2}").replace(r"\s+", r"\s{1,2}"))).collect()
}

/// Labelled patterns and the set of them all: most lines hold no label and then cost one scan
/// instead of one per pattern. A pattern is compiled on its own only when the set first finds
/// it on a line: a document prints a few of the tables' labels, in one language, and compiling
/// every pattern of a table cost about as much as compiling the set (`coffre ocr run` compiles
/// them once a process: tens of milliseconds a document).
pub(super) struct LabelTable<K> {
    pub(super) set: RegexSet,
    rows: Vec<(K, String, OnceLock<Regex>)>,
}

impl<K: Copy> LabelTable<K> {
    pub(super) fn new<P: AsRef<str>>(rows: &[(K, P)]) -> Self {
        let patterns: Vec<String> = rows.iter().map(|(_, p)| for_ocr(&format!("(?i){}", p.as_ref()))).collect();
        let set = RegexSet::new(&patterns).expect("static regex patterns are valid");
        let rows = rows.iter().zip(patterns).map(|((kind, _), p)| (*kind, p, OnceLock::new())).collect();
        Self { set, rows }
    }

    /// Row `index`: its kind and its pattern, compiled.
    fn row(&self, index: usize) -> Option<(K, &Regex)> {
        let (kind, pattern, compiled) = self.rows.get(index)?;
        Some((*kind, compiled.get_or_init(|| Regex::new(pattern).expect("static regex pattern is valid"))))
    }
}

/// The labels of a line, leftmost first; where two overlap the longer wins, so "Total TVA" is
/// one label and not "Total" then "TVA", and "TVA intracommunautaire" is not the VAT amount.
pub(super) fn find_labels<K: Copy>(text: &str, table: &LabelTable<K>) -> Vec<Hit<K>> {
    let matched = table.set.matches(text);
    let mut all: Vec<Hit<K>> = matched
        .iter()
        .filter_map(|i| table.row(i))
        .flat_map(|(kind, re)| re.find_iter(text).map(move |m| Hit { kind, start: m.start(), end: m.end() }))
        // Patterns anchored at a line's start ("^\s*montant") also take its indentation: the
        // label starts at its first letter, so that a longer label there still wins.
        .map(|mut hit| {
            let matched = text.get(hit.start..hit.end).unwrap_or("");
            hit.start += matched.len() - matched.trim_start().len();
            hit
        })
        .filter(|hit| hit.start < hit.end)
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

// Document preparation

pub(super) struct Line {
    pub(super) page: usize,
    pub(super) text: String,
    /// `text` with dates and times blanked (same byte offsets), so "15/03/26 100,00" does not
    /// read as one amount.
    pub(super) masked: String,
    pub(super) amounts: Vec<AmountHit>,
    pub(super) dates: Vec<DateHit>,
    pub(super) totals: Vec<Hit<TotalLabel>>,
}

impl Line {
    pub(super) fn new(page: usize, raw: &str, source: Source, order: DateOrder) -> Self {
        let text = prepare_text(raw, source);
        let dates = find_dates(&text, order);
        let masked = mask(&text, &dates);
        let amounts = find_amounts(&masked);
        let totals = find_labels(&text, &TOTAL_LABELS);
        Self { page, text, masked, amounts, dates, totals }
    }

    pub(super) fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub(super) fn span_cols(&self, start: usize, end: usize) -> (usize, usize) {
        (col_of(&self.text, start), col_of(&self.text, end))
    }

    /// The first layout cell of this line standing in the columns `span` of another line.
    pub(super) fn cell_over(&self, span: (usize, usize)) -> Option<Chunk> {
        chunks(&self.text).into_iter().find(|c| overlaps(span, (c.col, c.end_col)))
    }
}

/// Table borders ('|') and tabs become spaces so that columns stay columns.
pub(super) fn prepare_text(raw: &str, source: Source) -> String {
    let mut text = String::with_capacity(raw.len().min(MAX_LINE_CHARS * 4));
    for c in truncate_chars(raw, MAX_LINE_CHARS).chars() {
        match c {
            '\t' => text.push_str("    "),
            '|' | '¦' => text.push(' '),
            c if c.is_control() => text.push(' '),
            c => text.push(c),
        }
    }
    let text = if source == Source::Ocr {
        fix_slashed_dates(join_split_cents(&fix_ocr_zeros(&underscored_spaces(&text))))
    } else {
        text
    };
    let text = join_spaced_titles(&text);
    GLUED_LABEL.replace_all(&text, "$1 $2").into_owned()
}

/// OCR reads a space as an underscore after a number sign ("N°_facture") or a rule before a
/// value ("Rechnungsdatum —_19.01.2024"): an underscore between "°" and a letter, or between a
/// space, a dash or a colon and a digit, is a space. Others stay: between letters they join an
/// identifier's words ("invoice_number_1", "REF_CLIENT"), after a letter its parts ("FA_2024").
fn underscored_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('_') {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let sign = |c: Option<&char>| c.is_some_and(|c| matches!(c, '°' | 'º'));
    let rule = |c: Option<&char>| c.is_some_and(|c| c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':'));
    let spaced = chars.iter().enumerate().map(|(i, &c)| {
        let next = chars.get(i + 1);
        let between = i > 0
            && ((sign(chars.get(i - 1)) && next.is_some_and(|n| n.is_alphabetic()))
                || (rule(chars.get(i - 1)) && next.is_some_and(char::is_ascii_digit)));
        if c == '_' && between {
            ' '
        } else {
            c
        }
    });
    spaced.collect::<String>().into()
}

/// A title set in spaced capitals ("F A C T U R E", "R E C H N U N G") comes out of the text
/// layer and of OCR with spaces inside the word, or some of them ("F ACTURE"): it is joined, the
/// spaces moved behind it so that the line keeps its length and its columns.
/// Every line goes through it: a line without such a title is not copied.
pub(super) fn join_spaced_titles(text: &str) -> std::borrow::Cow<'_, str> {
    SPACED_TITLE.replace_all(text, |caps: &regex::Captures<'_>| {
        let word = caps.get(0).map_or("", |m| m.as_str());
        let joined: String = word.chars().filter(|c| *c != ' ').collect();
        format!("{joined}{}", " ".repeat(word.len() - joined.len()))
    })
}

/// The document titles in capitals, a single space allowed between any two letters (at least
/// one must be there for the title to change).
static SPACED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    let titles = [
        "FACTURE",
        "AVOIR",
        "INVOICE",
        "RECEIPT",
        "RECHNUNG",
        "GUTSCHRIFT",
        "QUITTUNG",
        "FACTUUR",
        "CREDITNOTA",
        "FACTURA",
        "RECIBO",
        "FATTURA",
        "RICEVUTA",
        "SCONTRINO",
    ];
    let spaced: Vec<String> =
        titles.iter().map(|t| t.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ?")).collect();
    Regex::new(&format!(r"\b(?:{})\b", spaced.join("|"))).expect("static regex pattern is valid")
});

/// OCR puts a space after the decimal comma of some amounts ("-409, 18 €", "74, 32") and rates
/// ("20, 00%"), which then read as two numbers. Two digits after "digit, " and before a currency
/// or percent sign, a column's gap (two spaces), another number or the line's end are that
/// number's decimals ("articles 1, 23 et 45" is a list): the space moves behind them, so the line
/// keeps its length and its columns. Twice, for a run of split amounts ("6.165, 62 10, 00").
pub(super) fn join_split_cents(text: &str) -> String {
    let once = SPLIT_CENTS.replace_all(text, "$1$2 $3");
    SPLIT_CENTS.replace_all(&once, "$1$2 $3").into_owned()
}

static SPLIT_CENTS: LazyLock<Regex> = LazyLock::new(|| re(r"(?m)(\d[,.]) (\d{2})( ?[€$£%]|\s\s|$| [-\x{2212}]?\d)"));

/// "TVA20%", "HT12,50": receipts and OCR glue short labels to their figure.
pub(super) static GLUED_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(tva|vat|ht|ttc)(\d)"));

pub(super) fn is_numeric_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, 'O' | 'o' | '.' | ',')
}

/// OCR reads the slashes of a date in a thin font as '1', 'I' or 'l': "24/07/2024" comes out as
/// "2410712024". A token of exactly that shape, with a day, a month and a year of 19xx or 20xx
/// around the two misread slashes, gets them back (the same length: columns stay). A reference
/// of ten digits has about one chance in 100 000 of that shape.
pub(super) fn fix_slashed_dates(mut text: String) -> String {
    static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?:^|\s)((?:0[1-9]|[12]\d|3[01])[1Il](?:0[1-9]|1[0-2])[1Il](?:19|20)\d\d)(?:$|[\s,.;:)])")
    });
    let starts: Vec<usize> = SLASHED.captures_iter(&text).filter_map(|caps| caps.get(1)).map(|m| m.start()).collect();
    for start in starts {
        // Bytes 2 and 5 of the token are the misread slashes (all of it is ASCII).
        for offset in [2, 5] {
            text.replace_range(start + offset..start + offset + 1, "/");
        }
    }
    text
}

/// The layout cell that ends `lead` (the text before some position): what follows its last
/// column gap (two spaces), or all of it.
pub(super) fn last_cell(lead: &str) -> &str {
    lead.rsplit_once("  ").map_or(lead, |(_, cell)| cell)
}

/// OCR reads '0' as 'O' inside numbers ("1 2O4,5O"). A run of digits, O's and separators that
/// stands apart from letters and looks numeric (has a digit, a separator, or follows a digit
/// group) gets its O's back as zeros; words keep theirs.
pub(super) fn fix_ocr_zeros(text: &str) -> String {
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

pub(super) fn zero_run_is_numeric(chars: &[char], start: usize, end: usize) -> bool {
    let run = &chars[start..end];
    let letter_before = start > 0 && chars[start - 1].is_alphabetic();
    let letter_after = chars.get(end).is_some_and(|c| c.is_alphabetic());
    let has_o = run.iter().any(|c| matches!(c, 'O' | 'o'));
    let has_digit = run.iter().any(char::is_ascii_digit);
    let has_separator = run.len() >= 3 && run.iter().any(|c| matches!(c, '.' | ','));
    let after_group = start >= 2 && chars[start - 1] == ' ' && chars[start - 2].is_ascii_digit();
    !letter_before && !letter_after && has_o && (has_digit || has_separator || after_group)
}

pub(super) fn mask(text: &str, dates: &[DateHit]) -> String {
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
pub(super) struct Zone {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) col_min: usize,
    pub(super) col_max: usize,
}

pub(super) struct Doc {
    pub(super) lines: Vec<Line>,
    pub(super) zones: Vec<Zone>,
    pub(super) first_page: usize,
    /// The fiscal year the document is filed in, when known: dates far from it lose.
    pub(super) period: Option<(NaiveDate, NaiveDate)>,
    /// Where the text was read: OCR may split or join what a text layer prints as it is.
    pub(super) source: Source,
}

impl Doc {
    pub(super) fn new(pages: &[&str], source: Source) -> Self {
        let mut lines = Vec::new();
        let order = date_order(pages);
        'pages: for (page, text) in pages.iter().enumerate() {
            for raw in text.split('\n') {
                let raw = raw.strip_suffix('\r').unwrap_or(raw);
                for part in raw.split(['\r', '\x0c']) {
                    if lines.len() >= MAX_LINES {
                        break 'pages;
                    }
                    lines.push(Line::new(page, part, source, order));
                }
            }
        }
        let first_page = lines.iter().find(|l| !l.is_blank()).map_or(0, |l| l.page);
        let zones = client_zones(&lines);
        Self { lines, zones, first_page, period: None, source }
    }

    pub(super) fn in_client_zone(&self, line: usize, col: usize) -> bool {
        self.zones.iter().any(|z| (z.first..=z.last).contains(&line) && (z.col_min..z.col_max).contains(&col))
    }

    /// Indices of the first non-blank lines of the first page with text.
    pub(super) fn top_lines(&self, count: usize) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| self.lines[i].page == self.first_page && !self.lines[i].is_blank())
            .take(count)
            .collect()
    }

    pub(super) fn next_non_blank(&self, idx: usize) -> Option<usize> {
        let page = self.lines.get(idx)?.page;
        (idx + 1..self.lines.len().min(idx + 4)).find(|&i| !self.lines[i].is_blank() && self.lines[i].page == page)
    }

    /// The text of the layout cell that stands in the columns `span` on the line above `idx`.
    pub(super) fn cell_text_above(&self, idx: usize, span: (usize, usize)) -> Option<&str> {
        let above = self.lines.get(self.prev_non_blank(idx)?)?;
        let cell = above.cell_over(span)?;
        above.text.get(cell.start..cell.end)
    }

    pub(super) fn prev_non_blank(&self, idx: usize) -> Option<usize> {
        let page = self.lines.get(idx)?.page;
        (idx.saturating_sub(3)..idx).rev().find(|&i| !self.lines[i].is_blank() && self.lines[i].page == page)
    }
}

// Layout columns and the client's block

/// A piece of a line between runs of two or more spaces: a layout column's cell.
#[derive(Debug, Clone, Copy)]
pub(super) struct Chunk {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) col: usize,
    pub(super) end_col: usize,
}

/// The layout cell of `text` that holds the bytes `start..end`.
pub(super) fn cell_at(text: &str, start: usize, end: usize) -> Option<Chunk> {
    chunks(text).into_iter().find(|c| c.start <= start && end <= c.end)
}

/// A header row over a row of values aligned otherwise (right-aligned under left-aligned or
/// wider labels): with as many cells in both rows, at least `min`, the value of the header cell
/// holding `start..end` is the cell in the same position below.
pub(super) fn cell_in_order(header: &str, start: usize, end: usize, below: &str, min: usize) -> Option<Chunk> {
    let heads = chunks(header);
    let cells = chunks(below);
    if heads.len() < min || heads.len() != cells.len() {
        return None;
    }
    let k = heads.iter().position(|h| h.start <= start && end <= h.end)?;
    cells.get(k).copied()
}

pub(super) fn chunks(text: &str) -> Vec<Chunk> {
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

pub(super) fn make_chunk(text: &str, start: usize, end: usize) -> Chunk {
    Chunk { start, end, col: col_of(text, start), end_col: col_of(text, end) }
}

pub(super) static CLIENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:factur[ée]e?\s+[àa](?:[\s:]|$)|client(?:\s*:|\s|$)|customer\b|bill(?:ed)?\s+to\b|sold\s+to\b",
        r"|ship\s+to\b|invoice\s+to\b|adresse\s+de\s+(?:facturation|livraison)|destinataire",
        r"|livr[ée]e?\s+[àa](?:[\s:]|$)",
        r"|acheteur|buyer\b|[àa]\s+l['’]attention\s+de)",
    ))
});
/// "Client n° 42" is a reference, not the start of the client's address block.
pub(super) static CLIENT_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^client\s*(?:n\s?[°º]|no\b|num|code|id\b|r[ée]f)"));

pub(super) fn client_zones(lines: &[Line]) -> Vec<Zone> {
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
pub(super) fn zone_from(lines: &[Line], idx: usize, cell: &Chunk, next: Option<&Chunk>) -> Zone {
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
