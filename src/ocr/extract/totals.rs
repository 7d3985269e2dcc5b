//! Totals: candidates from labels, columns and VAT sums; HT + TVA = TTC chooses.

use super::*;

// Totals

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TotalLabel {
    Ht,
    Tax,
    TaxTotal,
    Ttc,
    Bare,
    Ignore,
}

pub(super) static TOTAL_LABELS: LazyLock<LabelTable<TotalLabel>> = LazyLock::new(|| {
    use TotalLabel::*;
    let rows: Vec<(TotalLabel, String)> = vec![
        (Ht, format!(r"\b(?:montant\s+)?total\s*(?:net\s*)?{HT}")),
        (Ht, format!(r"\bmontant\s*(?:net\s*)?{HT}")),
        (Ht, format!(r"\bsous[-\s]?total\b(?:\s*{HT})?")),
        (Ht, r"\bsub[-\s]?total\b".into()),
        (Ht, format!(r"\b(?:total|amount)\s+{EXCL}\s*(?:of\s+)?{TVA}?")),
        (Ht, r"\bnet\s+amount\b|\btotal\s+net\b".into()),
        (
            TaxTotal,
            format!(
                r"\b(?:total|montant|sum|summe|gesamt|totaal|totale|importe|betrag|bedrag)\s+(?:de\s+(?:la\s+)?|des\s+|of\s+|der\s+|del(?:la)?\s+)?{TVA}"
            ),
        ),
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
        (Ht, NET_TOTAL.into()),
        (TaxTotal, TAX_TOTAL.into()),
        (Ttc, GROSS_TOTAL.into()),
        (Ttc, format!(r"\b{TOTAL_WORD}\s*\(?\s*{INCL}\.?\s*{TVA}")),
        (Ht, format!(r"\b(?:sub[-\s]?(?:total|totaal|totale)|{TOTAL_WORD})\s*\(?\s*{EXCL}\.?\s*{TVA}")),
        (Bare, BARE_TOTAL.into()),
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
        (Ignore, NOT_TAX_AMOUNT.into()),
        (Ignore, r"\breverse\s+charge\b|\bhors\s+taxes?\b|\btoutes\s+taxes\s+comprises\b".into()),
    ];
    LabelTable::new(&rows)
});

#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) cents: Cents,
    /// How specific the label was; see `strength`.
    pub(super) strength: u8,
    /// Line index: totals are summed up at the bottom, so later wins ties.
    pub(super) order: usize,
}

#[derive(Debug, Default)]
pub(super) struct Candidates {
    pub(super) ht: Vec<Candidate>,
    pub(super) tax: Vec<Candidate>,
    pub(super) ttc: Vec<Candidate>,
    /// A label naming the TTC ("TOTAL A PAYER", "Total TTC") stands on the page with no amount
    /// read for it: a bare "Total" elsewhere may be another sum (see [`fallback_totals`]).
    pub(super) ttc_unread: bool,
    /// The largest money amount (two decimals) the page prints, in cents, whatever its label.
    pub(super) largest: i64,
}

impl Candidates {
    pub(super) fn push(&mut self, kind: TotalLabel, candidate: Candidate) {
        match kind {
            TotalLabel::Ht => self.ht.push(candidate),
            TotalLabel::Tax | TotalLabel::TaxTotal => self.tax.push(candidate),
            TotalLabel::Ttc | TotalLabel::Bare => self.ttc.push(candidate),
            TotalLabel::Ignore => {}
        }
    }
}

/// Values read under a header row are weaker than values beside their label.
pub(super) const COLUMN_STRENGTH: u8 = 3;

pub(super) fn strength(kind: TotalLabel) -> u8 {
    match kind {
        TotalLabel::Ht | TotalLabel::TaxTotal | TotalLabel::Ttc => 6,
        TotalLabel::Tax | TotalLabel::Bare => 4,
        TotalLabel::Ignore => 0,
    }
}

pub(super) fn total_candidates(doc: &Doc, breakdown: &[VatRow]) -> Candidates {
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
            if let Some([ht, tax, ttc]) = sum_row(line, label, segment_end) {
                // "Summe   195,62   18,88   214,50" under "Netto  MwSt.  Brutto": the row that
                // sums a VAT table gives all three totals.
                for (kind, cents) in [(TotalLabel::Ht, ht), (TotalLabel::Tax, tax), (TotalLabel::Ttc, ttc)] {
                    out.push(kind, Candidate { cents, strength: SUM_ROW_STRENGTH, order: idx });
                }
            }
            out.ttc_unread |= label.kind == TotalLabel::Ttc && candidate.is_none();
            if let Some(candidate) = candidate {
                out.push(label.kind, candidate);
                // "Summe 225,00" right above "MwSt. 30,75": a bare total over a tax line may be
                // the net sum. A weak HT reading beside its TTC one: only a triple that adds up
                // (HT + TVA = TTC, read on the page) takes it.
                if label.kind == TotalLabel::Bare && tax_line_below(doc, idx) {
                    out.ht.push(Candidate { strength: 2, ..candidate });
                }
            }
        }
    }
    let money = doc.lines.iter().flat_map(|l| l.amounts.iter().filter(|a| is_money(l, a)));
    out.largest = money.map(|a| a.cents.0.saturating_abs()).max().unwrap_or(0);
    push_breakdown_sums(&mut out, breakdown);
    push_block_pairs(doc, &mut out);
    out
}

/// Each total read from a labelled sum row of three amounts: less than a label of its own.
const SUM_ROW_STRENGTH: u8 = 5;

/// A bare total label ("Summe", "Total", "Gesamt") followed by exactly three amounts, no rate
/// among them, where the first two add up to the third with a plausible tax: net, tax, gross.
/// One of the three may have lost its decimal separator to OCR ("Total 34,26 474 39,00"): an
/// integer of at least three figures, beside two amounts written as money, that makes the sum
/// exact once read in cents.
fn sum_row(line: &Line, label: &Hit<TotalLabel>, segment_end: usize) -> Option<[Cents; 3]> {
    if label.kind != TotalLabel::Bare || !find_rates(&line.masked).is_empty() {
        return None;
    }
    let hits: Vec<&AmountHit> = line.amounts.iter().filter(|a| a.start >= label.end && a.end <= segment_end).collect();
    let [a, b, c] = hits[..] else { return None };
    let adds_up =
        |[ht, tax, ttc]: [Cents; 3]| ht.0.checked_add(tax.0) == Some(ttc.0) && tax.0 != 0 && tax_possible(ht.0, tax.0);
    let read = [a.cents, b.cents, c.cents];
    if adds_up(read) {
        return Some(read);
    }
    let money = [a, b, c].map(|hit| is_money(line, hit));
    let lost = (0..3).filter(|&i| !money[i]).collect::<Vec<_>>();
    let [i] = lost[..] else { return None };
    let raw = line.text.get(hits[i].start..hits[i].end).unwrap_or("").trim();
    if raw.len() < 3 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut repaired = read;
    repaired[i] = Cents(read[i].0 / 100);
    adds_up(repaired).then_some(repaired)
}

/// Whether the next line holds a tax label and an amount.
fn tax_line_below(doc: &Doc, idx: usize) -> bool {
    doc.next_non_blank(idx).and_then(|i| doc.lines.get(i)).is_some_and(|below| {
        !below.amounts.is_empty()
            && below.totals.iter().any(|l| matches!(l.kind, TotalLabel::Tax | TotalLabel::TaxTotal))
    })
}

/// OCR of a boxed totals table often emits the labels as one block of lines and the amounts as
/// another, further down. The k labels of such a block are paired, in order, with the last k
/// lines of the first run of at least k bare amounts that follows. Weak candidates: only
/// HT + TVA = TTC can choose them.
pub(super) fn push_block_pairs(doc: &Doc, out: &mut Candidates) {
    let mut idx = 0;
    while idx < doc.lines.len() {
        // Blocks start on a label line: scanning from every blank line would be quadratic.
        let labels = if doc.lines[idx].totals.is_empty() { Vec::new() } else { label_block(doc, idx) };
        if labels.len() < 2 {
            idx += 1;
            continue;
        }
        let after = labels.last().map_or(idx, |(line, _)| line + 1);
        if let Some(amounts) = amount_run(doc, after, labels.len()) {
            let tail = &amounts[amounts.len() - labels.len()..];
            for ((_, kind), (line, cents)) in labels.iter().zip(tail) {
                out.push(*kind, Candidate { cents: *cents, strength: 2, order: *line });
            }
        }
        idx = after;
    }
}

/// The run of lines from `start` (blank lines skipped) that each hold one total label and
/// nothing else that counts.
pub(super) fn label_block(doc: &Doc, start: usize) -> Vec<(usize, TotalLabel)> {
    let mut block = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate().skip(start) {
        if line.is_blank() {
            continue;
        }
        match line.totals.as_slice() {
            [label] if label.kind != TotalLabel::Ignore && line.amounts.is_empty() => block.push((idx, label.kind)),
            _ => break,
        }
    }
    block
}

/// How far below its labels a block of amounts is looked for; keeps the work linear.
pub(super) const BLOCK_WINDOW: usize = 40;

/// The first run, after `start` and on the same page, of at least `min` lines that each hold
/// one amount and nothing else but a currency (blank lines skipped).
pub(super) fn amount_run(doc: &Doc, start: usize, min: usize) -> Option<Vec<(usize, Cents)>> {
    let page = doc.lines.get(start)?.page;
    let mut run = Vec::new();
    let window = doc.lines.iter().enumerate().skip(start).take(BLOCK_WINDOW);
    for (idx, line) in window.take_while(|(_, l)| l.page == page) {
        if line.is_blank() {
            continue;
        }
        match bare_amount(line) {
            Some(cents) => run.push((idx, cents)),
            None if run.len() >= min => break,
            None => run.clear(),
        }
    }
    (run.len() >= min).then_some(run)
}

pub(super) fn bare_amount(line: &Line) -> Option<Cents> {
    let [hit] = line.amounts.as_slice() else { return None };
    if !line.totals.is_empty() {
        return None;
    }
    let rest: String = format!("{}{}", &line.text[..hit.start], &line.text[hit.end..])
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    matches!(rest.as_str(), "" | "EUR" | "USD" | "GBP" | "CHF").then_some(hit.cents)
}

/// Summary tables put labels in a header row and amounts in the row below. A header over a
/// column of several amounts heads a table (one row per VAT rate: "Nettobetrag | USt-Betrag |
/// Bruttobetrag" over a 7 % and a 19 % row), and its first row is no total: the column gives
/// its first sum row (an amount that is the sum of the ones above it), else nothing.
pub(super) fn amount_below(doc: &Doc, idx: usize, label: &Hit<TotalLabel>) -> Option<Candidate> {
    let line = doc.lines.get(idx)?;
    let own = line.span_cols(label.start, label.end);
    let mut span = own;
    // A label whose cell ends its line (a sidebar's "Total HT" over a value set flush right):
    // its column runs on to the right, as far as such a value stands.
    let last_cell = cell_at(&line.text, label.start, label.end)
        .is_some_and(|cell| line.text.get(cell.end..).is_some_and(|rest| rest.trim().is_empty()));
    if last_cell {
        span.1 = line.span_cols(label.start, line.text.trim_end().len()).1 + FLUSH_RIGHT_COLS;
    }
    let mut column: Vec<(usize, Cents)> = Vec::new();
    let mut at = idx;
    let mut skipped = false;
    while column.len() < MAX_COLUMN_ROWS {
        let Some(below_idx) = doc.next_non_blank(at) else { break };
        let Some(below) = doc.lines.get(below_idx) else { break };
        // A labelled row ends the column, unless its label stands right of the column: that
        // one names amounts further right ("TOTAL FACTURA" beside a VAT table's first row).
        if below.totals.iter().any(|l| l.kind != TotalLabel::Ignore && below.span_cols(l.start, l.end).0 <= own.1) {
            break;
        }
        // A deduction under the label's value ("Acompte versé le 10/09/2024  - 1 780,00 €" under
        // "Total TTC  5 947,74 €" of a totals grid) is a line of its own, not the column's next row.
        if column.len() == 1 && NOT_VAT_LINE.is_match(&below.text) {
            break;
        }
        // A summary row printed twice ("1062,60  15,00  1056,05  200,65  19,0  1256,70", then
        // the same amounts with "EUR" for the rate) is one row, not a column of two.
        if let [(first, _)] = column[..] {
            if repeats_row(doc.lines.get(first), below) {
                break;
            }
        }
        let under = below.amounts.iter().find(|a| overlaps(span, below.span_cols(a.start, a.end)));
        // A header row over a row of as many amounts, each its cell's whole content: they pair
        // in order, however they are aligned (right-aligned under wider labels, an amount
        // reaching under the next label's first letters: "Netto laag 9%   Netto hoog 21%" over
        // "-1.703,52   -2.117,94").
        let paired = (column.is_empty() && !skipped).then(|| in_order(doc, idx, label, below)).flatten();
        let Some(hit) = paired.or_else(|| under.filter(|a| alone_in_cell(below, a))) else {
            // One row of other columns between the label and its value, nothing under the label
            // in it ("TOTAL FACTURA" beside the first row of a VAT table, the amount two rows
            // down; "TVA 20 %" in a sidebar beside a sentence of the body).
            let empty_there = below.cell_over(span).is_none();
            if column.is_empty() && !skipped && empty_there {
                skipped = true;
                at = below_idx;
                continue;
            }
            break;
        };
        column.push((below_idx, hit.cents));
        at = below_idx;
    }
    if let [(line, only)] = column[..] {
        return Some(Candidate { cents: only, strength: COLUMN_STRENGTH, order: line });
    }
    // The first sum row: what the column holds after it (a payment line further down that
    // happens to stand in the same columns) is no row of the table.
    let mut sum = 0i64;
    for (k, &(line, cents)) in column.iter().enumerate() {
        if k >= 2 && cents.0 == sum {
            return Some(Candidate { cents, strength: COLUMN_STRENGTH, order: line });
        }
        sum = sum.checked_add(cents.0)?;
    }
    None
}

/// How far right of a label that ends its line its value may stand (in layout columns): a
/// sidebar's amounts are set flush right under labels set flush left.
const FLUSH_RIGHT_COLS: usize = 40;

/// Whether a row of at least three amounts holds only amounts of the row above it.
fn repeats_row(above: Option<&Line>, row: &Line) -> bool {
    above.is_some_and(|above| {
        row.amounts.len() >= 3 && row.amounts.iter().all(|a| above.amounts.iter().any(|b| b.cents == a.cents))
    })
}

/// Whether an amount is its layout cell's whole content (a currency aside): a table's value,
/// not a figure in a sentence ("Het creditbedrag van € 4.419,55 wordt verrekend").
fn alone_in_cell(line: &Line, hit: &AmountHit) -> bool {
    let text = &line.text;
    cell_at(text, hit.start, hit.end).is_some_and(|c| {
        let around =
            text.get(c.start..hit.start).unwrap_or("").chars().chain(text.get(hit.end..c.end).unwrap_or("").chars());
        around.filter(|ch| ch.is_alphanumeric()).count() <= 3
    })
}

/// The amount in the same position, among the cells of the row below, as the label's cell among
/// the header's cells ([`cell_in_order`], at least three), when every cell below is one amount.
fn in_order<'a>(doc: &Doc, idx: usize, label: &Hit<TotalLabel>, below: &'a Line) -> Option<&'a AmountHit> {
    let header = &doc.lines.get(idx)?.text;
    let cell = cell_in_order(header, label.start, label.end, &below.text, 3)?;
    if below.amounts.len() != chunks(&below.text).len() {
        return None;
    }
    below.amounts.iter().find(|a| cell.start <= a.start && a.end <= cell.end && alone_in_cell(below, a))
}

/// How many rows down a header's column is followed.
const MAX_COLUMN_ROWS: usize = 12;

/// With several rates and no "Total TVA" line, the VAT total is the sum of the breakdown.
/// A receipt's single VAT row may be the only place its HT appears.
pub(super) fn push_breakdown_sums(out: &mut Candidates, rows: &[VatRow]) {
    if rows.is_empty() {
        return;
    }
    let order = rows.iter().map(|r| r.line).max().unwrap_or(0);
    let tax = rows.iter().try_fold(0i64, |sum, r| sum.checked_add(r.tax.0));
    if let Some(tax) = tax {
        // A zero-rate row adds no tax: the sum of one taxed row is that row's tax.
        let strength = if rows.iter().filter(|r| r.tax.0 != 0).count() >= 2 { 5 } else { 2 };
        out.tax.push(Candidate { cents: Cents(tax), strength, order });
    }
    let bases = rows.iter().try_fold(0i64, |sum, r| sum.checked_add(r.base?.0));
    if let Some(base) = bases {
        out.ht.push(Candidate { cents: Cents(base), strength: 2, order });
    }
}

/// How the chosen totals stand against HT + TVA = TTC.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// Fewer than three totals were found: nothing to check.
    #[default]
    Unchecked,
    /// The three add up to the cent.
    Holds,
    /// Three were read but no combination adds up: HT and TVA are withheld.
    Failed,
}

#[derive(Debug, Default)]
pub(super) struct Totals {
    pub(super) ht: Option<Candidate>,
    pub(super) tax: Option<Candidate>,
    pub(super) ttc: Option<Candidate>,
    pub(super) check: Check,
    /// Which step of [`decide_totals`] answered.
    pub(super) rule: &'static str,
}

impl Totals {
    /// Three totals that add up (the rule is set by [`decide_totals`]).
    fn holding(ht: Candidate, tax: Candidate, ttc: Candidate) -> Self {
        Self { ht: Some(ht), tax: Some(tax), ttc: Some(ttc), check: Check::Holds, rule: "" }
    }
}

/// A label that names the total with tax included ("Total TTC", "Net à payer"), not a bare
/// "Total": such a TTC may stay when HT and TVA are withheld.
pub(super) const TTC_LABEL_STRENGTH: u8 = 6;

/// Labelled readings only: a consistent triple, else what the labels give (see
/// [`decide_totals`] for the whole chain).
#[cfg(test)]
pub(super) fn choose_totals(c: &Candidates) -> Totals {
    best_consistent(c).unwrap_or_else(|| fallback_totals(c, &[]))
}

/// The totals of a document, in order of evidence:
/// 1. labelled readings where HT + TVA = TTC with a tax plausible for the HT;
/// 2. two labelled readings and a plausible rate (or the VAT breakdown) that prove the third,
///    which then replaces a misread or missing one; a zero tax (0 %, reverse charge,
///    exemption) counts only when the page prints it as such;
/// 3. three amounts of the page that satisfy HT + TVA = TTC with a plausible rate, at least one
///    of them read beside its label, labels breaking ties;
/// 4. otherwise a TTC alone, named as such beside its value and unambiguous on the page; HT and
///    TVA that no arithmetic proves are withheld.
///
/// Whichever step answers, a triple that is one rate's row of a breakdown holding several rates
/// is that row, not the document's totals: it is not reported (see [`one_rate_row`]).
pub(super) fn decide_totals(doc: &Doc, c: &Candidates, breakdown: &[VatRow]) -> Totals {
    let zero_rated = zero_rated(doc);
    let printed = printed_rates(doc);
    let (rule, mut totals) = if let Some(t) = best_consistent(c) {
        ("labels", t)
    } else if let Some(t) = repair(doc, c, breakdown, &printed) {
        ("repair", t)
    } else if let Some(t) = zero_tax(c, zero_rated) {
        ("zero-tax", t)
    } else if let Some(t) = arithmetic(doc, c, breakdown, &printed) {
        ("arithmetic", t)
    } else if contradicted(c) {
        (CONTRADICTED, Totals { check: Check::Failed, ..Totals::default() })
    } else {
        ("ttc-alone", fallback_totals(c, breakdown))
    };
    if one_rate_row(&totals, breakdown, &printed) || column_row_below_labels(&totals, c, breakdown, &printed) {
        return Totals { check: Check::Failed, rule: "one-rate-row", ..Totals::default() };
    }
    totals.rule = rule;
    totals
}

/// Whether the totals' HT and TVA are the base and tax of one row of a VAT breakdown on a page
/// of at least two rates, and not the sums of its rows: a page that prints "7 % on 99,00: 6,93"
/// and "19 % on 100,00: 19,00" has totals of 199,00 and 25,93, and a triple (99,00, 6,93,
/// 105,93) is the 7 % row (its gross included), however well it adds up. The three are
/// withheld: the TTC found beside such a row is as likely the row's as the document's. The
/// rates are those of the breakdown's rows and those the page prints (`printed`): when OCR lost
/// the 19 % row's tax, the 7 % row alone is still one row of two, and the sums of two rows of
/// three are no totals either.
pub(super) fn one_rate_row(totals: &Totals, breakdown: &[VatRow], printed: &[i64]) -> bool {
    let (Some(ht), Some(tax)) = (totals.ht, totals.tax) else { return false };
    // Zero-rated goods beside taxed ones ("Z  0.00%  1,944.00  0.00"): the HT holds their base
    // too, so an HT that is one taxed row's base is that row's.
    let zero_rated_base = breakdown.iter().any(|r| r.rate == 0 && r.base.is_some_and(|b| b.0 != 0));
    if zero_rated_base && breakdown.iter().any(|r| r.rate != 0 && r.base == Some(ht.cents)) {
        return true;
    }
    // Three totals each read beside a label of its own ("Total HT", "Total TVA", "Montant TTC de
    // l'avoir") are the document's, whatever rate a misread row adds ("20,00 %  21,50  4,30" read
    // "06.00 %  180  430" beside the 20 % row).
    let named = |c: Option<Candidate>| c.is_some_and(|c| c.strength >= TTC_LABEL_STRENGTH);
    if named(totals.ht) && named(totals.tax) && named(totals.ttc) {
        return false;
    }
    let mut rows: Vec<i64> = breakdown.iter().filter(|r| r.tax.0 != 0).map(|r| r.rate).collect();
    rows.sort_unstable();
    rows.dedup();
    let rates = page_rates(breakdown, printed);
    if rates.len() < 2 {
        return false;
    }
    let sum = breakdown.iter().try_fold(0i64, |acc, r| acc.checked_add(r.tax.0));
    let sums_every_rate = rows.len() == rates.len() && sum == Some(tax.cents.0);
    // The sums of some rows only (OCR lost the third rate's tax: "21,00%  5,29  111  6,40") are
    // no more the totals than one row is.
    let sums_some_rates = rows.len() >= 2 && rows.len() < rates.len() && sum == Some(tax.cents.0);
    sums_some_rates
        || !sums_every_rate && breakdown.iter().any(|r| r.tax == tax.cents && r.base.is_none_or(|b| b == ht.cents))
}

/// Whether a triple read only under a table's header ("Imponibile  Imposta  Totale" over "22%
/// 114,39  25,16  139,55"), on a page of at least two rates, is one rate's row: the page labels
/// a larger net or tax total beside its value ("Totale imponibile € 519,29"), the sums of
/// every rate (OCR lost the 4 % row, whose rate the page still prints).
fn column_row_below_labels(totals: &Totals, c: &Candidates, breakdown: &[VatRow], printed: &[i64]) -> bool {
    let (Some(ht), Some(tax), Some(ttc)) = (totals.ht, totals.tax, totals.ttc) else { return false };
    if [ht, tax, ttc].iter().any(|t| t.strength > COLUMN_STRENGTH) {
        return false;
    }
    let larger = |read: &[Candidate], total: Candidate| {
        read.iter().any(|r| r.strength >= TTC_LABEL_STRENGTH && r.cents.0.abs() > total.cents.0.abs())
    };
    page_rates(breakdown, printed).len() >= 2 && (larger(&c.ht, ht) || larger(&c.tax, tax))
}

/// The distinct VAT rates of a page: those of its breakdown's taxed rows and those it prints.
fn page_rates(breakdown: &[VatRow], printed: &[i64]) -> Vec<i64> {
    let mut rates: Vec<i64> =
        breakdown.iter().filter(|r| r.tax.0 != 0).map(|r| r.rate).chain(printed.iter().copied()).collect();
    rates.sort_unstable();
    rates.dedup();
    rates
}

/// Mentions that make a zero VAT a reading rather than a gap: reverse charge and exemptions in
/// every language, or a 0 % rate printed beside a VAT label.
static ZERO_VAT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\breverse[-\s]charge\b|\bautoliquidation\b|\bbtw\s+verlegd\b|\bverlegd\b|\bsteuerschuldnerschaft\b",
        r"|\binversi[óo]n\s+del\s+sujeto\s+pasivo\b|\binversione\s+contabile\b|\bexon[ée]r|\bexempt\w*\b",
        r"|\bsteuerfrei\w*|\bnon\s+soggett|\bexent[oa]\b|\bvrijgesteld\b|\b(?:tva|vat)\s+non\s+applicable\b",
        r"|\bintra[-\s]?(?:communautaire|community)\s+(?:supply|delivery|livraison)|\blivraison\s+intracommunautaire\b",
        r"|\b(?:tva|vat|mwst|ust|btw|iva)\.?\s*(?:\(?\s*)0(?:[.,]0{1,2})?\s?%",
    ))
});

pub(super) fn zero_rated(doc: &Doc) -> bool {
    doc.lines.iter().any(|line| ZERO_VAT.is_match(&line.text))
}

/// A zero tax proved by the page: a VAT label printed beside "0,00" with a TTC, or an HT and a
/// TTC that are the same amount on a page that says why (reverse charge, exemption, 0 %). The
/// triple HT = TTC, TVA = 0 is then a reading like any other.
pub(super) fn zero_tax(c: &Candidates, zero_rated: bool) -> Option<Totals> {
    let beside = |v: &[Candidate]| -> Vec<Candidate> {
        recent(v).into_iter().filter(|c| c.strength > COLUMN_STRENGTH).collect()
    };
    let (hts, taxes, ttcs) = (beside(&c.ht), beside(&c.tax), beside(&c.ttc));
    let ttc = unambiguous_ttc(&ttcs)?;
    if ttc.cents.0 == 0 {
        return None;
    }
    let printed_zero = taxes.iter().find(|t| t.cents.0 == 0);
    let same_ht = hts.iter().find(|h| h.cents == ttc.cents);
    // A non-zero tax beside its label contradicts a zero one.
    if taxes.iter().any(|t| t.cents.0 != 0) || hts.iter().any(|h| h.cents != ttc.cents) {
        return None;
    }
    let derived = |cents: i64| Candidate { cents: Cents(cents), strength: COLUMN_STRENGTH, order: ttc.order };
    let (ht, tax) = match (same_ht, printed_zero) {
        (Some(h), Some(t)) => (*h, *t),
        (None, Some(t)) => (derived(ttc.cents.0), *t),
        (Some(h), None) if zero_rated => (*h, derived(0)),
        _ => return None,
    };
    Some(Totals::holding(ht, tax, ttc))
}

/// The TTC among labelled readings when the page leaves no doubt: the strongest label's value
/// if every reading at that strength agrees, else the largest of them (a gross total above the
/// amount left to pay after a deposit). None when two strongest readings disagree and neither
/// is the largest labelled total.
pub(super) fn unambiguous_ttc(ttcs: &[Candidate]) -> Option<Candidate> {
    let top = ttcs.iter().map(|c| c.strength).max()?;
    let strongest: Vec<&Candidate> = ttcs.iter().filter(|c| c.strength == top).collect();
    let largest = ttcs.iter().max_by_key(|c| (c.cents.0.unsigned_abs(), c.strength, c.order))?;
    if strongest.iter().all(|c| c.cents == strongest[0].cents) {
        return strongest.iter().max_by_key(|c| c.order).map(|c| **c);
    }
    (largest.strength == top).then_some(*largest)
}

/// The rule of a page whose HT, TVA and TTC are each read beside a label of their own and do
/// not add up, the TTC short of HT + TVA: one of the three is misread, or the TTC is what is
/// left to pay ("Netto a pagare" after a withholding, a TTC whose first figure OCR lost), and
/// nothing tells which, so none is reported, not even the TTC alone that another reading of
/// the page may find. (A TTC above them is left to [`fallback_totals`]: on a page of several
/// rates, the labels may have read one rate's base and tax.)
pub(super) const CONTRADICTED: &str = "contradicted";

/// Whether a labelled TTC falls short of a labelled HT plus a labelled TVA.
fn contradicted(c: &Candidates) -> bool {
    let labelled = |cs: &[Candidate]| -> Vec<i64> {
        cs.iter().filter(|c| c.strength >= TTC_LABEL_STRENGTH).map(|c| c.cents.0.abs()).collect()
    };
    let (hts, taxes, ttcs) = (labelled(&c.ht), labelled(&c.tax), labelled(&c.ttc));
    hts.iter().any(|h| taxes.iter().any(|t| ttcs.iter().any(|ttc| *ttc < h.saturating_add(*t))))
}

/// Nothing adds up: only a TTC named as such beside its value ("Total TTC", "Bruttobetrag",
/// "Amount due") and unambiguous on the page stays, below any checked value's confidence.
fn fallback_totals(c: &Candidates, breakdown: &[VatRow]) -> Totals {
    // A bare "Total" is the TTC of a till receipt that prints nothing else; beside an HT or a
    // tax that do not add up with it, only a label naming the TTC counts. When the page names
    // its TTC ("TOTAL A PAYER") where no amount was read, a bare "TOTAL" counts only as the
    // largest amount of the page, as a grand total is: a smaller one may sum another column
    // ("CODE TAUX HT" over two rates' rows and "TOTAL 45,86", the TVA and TTC columns lost by
    // OCR, "50,94 EUR" printed elsewhere).
    let alone = c.ht.is_empty() && c.tax.is_empty() && breakdown.is_empty();
    let min = if alone { strength(TotalLabel::Bare) } else { TTC_LABEL_STRENGTH };
    let counts = |t: &Candidate| {
        t.strength >= min
            && (t.strength >= TTC_LABEL_STRENGTH || !c.ttc_unread || t.cents.0.saturating_abs() >= c.largest)
    };
    let beside: Vec<Candidate> = recent(&c.ttc).into_iter().filter(counts).collect();
    let ttc = unambiguous_ttc(&beside);
    // A TTC below a labelled HT is the amount left to pay or a misreading.
    let below_ht =
        |t: &Candidate| c.ht.iter().any(|h| h.strength > COLUMN_STRENGTH && h.cents.0.abs() > t.cents.0.abs());
    let ttc = ttc.filter(|t| t.cents.0 != 0 && !below_ht(t));
    let check = if alone { Check::Unchecked } else { Check::Failed };
    Totals { ht: None, tax: None, ttc, check, rule: "" }
}

/// VAT rates met on a French business's purchases, in thousandths of a percent: France (20,
/// 10, 5.5, 2.1; 8.5 in the overseas departments), Germany (19, 7), the Netherlands (21, 9),
/// Spain (21, 10, 4), Italy (22, 10, 5, 4), Belgium (21, 12, 6), the UK (20, 5).
pub(super) const PLAUSIBLE_RATES: [i64; 14] =
    [20_000, 10_000, 5_500, 2_100, 8_500, 19_000, 7_000, 21_000, 9_000, 4_000, 22_000, 5_000, 12_000, 6_000];

/// Whether `tax` is the VAT of `ht` at the rate printed in a single-row breakdown, or else at
/// one plausible rate (to `slack` cents: lines rounded one
/// by one), or the sum of a multi-rate breakdown whose bases add up to `ht`. Signs must agree
/// (a credit note prints all three negative). A zero tax (exemption, reverse charge) is not
/// proved by arithmetic: only labels may report it.
pub(super) fn tax_fits(ht: i64, tax: i64, breakdown: &[VatRow], slack: u64) -> bool {
    if ht == 0 || tax == 0 || (ht < 0) != (tax < 0) {
        return false;
    }
    let (ht, tax) = (ht.abs(), tax.abs());
    // A rate printed on the page (one VAT row) is the rate; else any plausible one.
    let printed: Vec<i64> = breakdown.iter().filter(|r| r.tax.0 != 0).map(|r| r.rate).collect();
    let rates: &[i64] = if printed.len() == 1 { &printed } else { &PLAUSIBLE_RATES };
    if rates.iter().any(|&rate| percent_of(ht, rate, 100 * PERCENT).abs_diff(tax) <= slack) {
        return true;
    }
    let sum_tax: i64 = breakdown.iter().map(|r| r.tax.0.abs()).fold(0, i64::saturating_add);
    let bases: Option<i64> = breakdown.iter().try_fold(0i64, |sum, r| sum.checked_add(r.base?.0.abs()));
    breakdown.len() >= 2 && sum_tax == tax && bases.is_none_or(|b| b == ht)
}

/// Whether `tax` is a blend of the page's printed rates on `ht`: between the lowest rate's tax
/// and the highest's (to a cent), on a page that prints at least two rates. Weaker than
/// [`tax_fits`]: only labels on both amounts and a third reading make it count.
fn blend_fits(ht: i64, tax: i64, rates: &[i64]) -> bool {
    let (Some(&low), Some(&high)) = (rates.iter().min(), rates.iter().max()) else { return false };
    if rates.len() < 2 || ht == 0 || tax == 0 || (ht < 0) != (tax < 0) {
        return false;
    }
    let (ht, tax) = (ht.abs(), tax.abs());
    percent_of(ht, low, 100 * PERCENT) <= tax + 1 && tax <= percent_of(ht, high, 100 * PERCENT) + 1
}

/// A tax that no rate in force anywhere could give: more than 27 % of the HT.
fn tax_possible(ht: i64, tax: i64) -> bool {
    tax == 0 || ((ht < 0) == (tax < 0) && ht != 0 && i128::from(tax.abs()) * 100 <= i128::from(ht.abs()) * 27)
}

/// Two labelled totals and a plausible rate prove the third: it is computed, and replaces a
/// reading of it that disagrees or fills its absence. A reading it replaces must be one it
/// explains: a misreading of it ([`misread_of`]), or a figure the page itself sets apart from it
/// by an amount printed below that reading and above the other two ("Total HT 4 533,30",
/// "Frais de port HT 6,90", "TVA 20 % 908,04" on 4 540,20). Otherwise the two proved something
/// else (a VAT row of a multi-rate page, 100,00 + 19,00, beside "Gesamtbetrag 224,93"), and
/// the triple is dropped.
/// `rates`: the rates the page prints ([`printed_rates`]). On a page of several rates whose
/// breakdown OCR lost, a labelled HT and a labelled TVA at a blend of them prove the TTC only
/// over a reading that is a misreading of their sum ("TOTAL FACTURA 791,92 €" for 1 791,92).
pub(super) fn repair(doc: &Doc, c: &Candidates, breakdown: &[VatRow], rates: &[i64]) -> Option<Totals> {
    let (hts, taxes, ttcs) = (recent(&c.ht), recent(&c.tax), recent(&c.ttc));
    // Weak readings (a block's amounts paired in order, strength 2) are not evidence against
    // what two labels and a rate prove: only a labelled reading must be explained. A value
    // read on two lines ("TOTAL TTC 69,40 €" and a VAT table's "Total ... 69,40") is not
    // misread on both: a sum a few figures away from it is another one (the table's 5.5 % row,
    // "61,42  3,38  64,80").
    let twice = |read: &[Candidate], r: &Candidate| read.iter().any(|o| o.cents == r.cents && o.order != r.order);
    let fills = |read: &[Candidate], cents: i64, proof: usize| {
        read.iter().all(|r| r.strength <= 2)
            || read.iter().any(|r| {
                r.cents.0 == cents
                    || (misread_of(cents, r.cents.0) && !twice(read, r))
                    || gap_printed(doc, r, cents.saturating_sub(r.cents.0), proof)
            })
    };
    let misread = |read: &[Candidate], cents: i64| read.iter().any(|r| misread_of(cents, r.cents.0));
    let derived = |cents: i64, order: usize| Candidate { cents: Cents(cents), strength: COLUMN_STRENGTH, order };
    let mut found: Vec<(u32, Totals)> = Vec::new();
    let strength = |a: &Candidate, b: &Candidate| u32::from(a.strength) + u32::from(b.strength);
    for h in &hts {
        for t in &taxes {
            let sum = h.cents.0.saturating_add(t.cents.0);
            let blend =
                h.strength > 2 && t.strength > 2 && blend_fits(h.cents.0, t.cents.0, rates) && misread(&ttcs, sum);
            if (blend || tax_fits(h.cents.0, t.cents.0, breakdown, 2)) && fills(&ttcs, sum, h.order.max(t.order)) {
                let ttc = derived(sum, h.order.max(t.order));
                found.push((strength(h, t), Totals::holding(*h, *t, ttc)));
            }
        }
        for total in &ttcs {
            let tax = total.cents.0.saturating_sub(h.cents.0);
            if tax_fits(h.cents.0, tax, breakdown, 2) && fills(&taxes, tax, h.order.max(total.order)) {
                let t = derived(tax, h.order.max(total.order));
                found.push((strength(h, total), Totals::holding(*h, t, *total)));
            }
        }
    }
    for t in &taxes {
        for total in &ttcs {
            let ht = total.cents.0.saturating_sub(t.cents.0);
            if tax_fits(ht, t.cents.0, breakdown, 2) && fills(&hts, ht, t.order.max(total.order)) {
                let h = derived(ht, t.order.max(total.order));
                found.push((strength(t, total), Totals::holding(h, *t, *total)));
            }
        }
    }
    unique_best(found)
}

/// Whether `gap` (not zero) is printed on a line after the reading's own and up to the last
/// line of the two readings that proved the value, a line without a tax label: a charge or an
/// allowance between the printed total and the rest of the totals block.
fn gap_printed(doc: &Doc, read: &Candidate, gap: i64, proof: usize) -> bool {
    gap != 0
        && doc.lines.iter().skip(read.order + 1).take(proof.saturating_sub(read.order)).any(|line| {
            !line.totals.iter().any(|l| matches!(l.kind, TotalLabel::Tax | TotalLabel::TaxTotal))
                && line.amounts.iter().any(|a| a.cents.0.abs() == gap.abs())
        })
}

/// Whether `read` could be `value` misread (or the reading a line before a charge the VAT also
/// bears): its figures, in cents, at most two edits away (a digit misread, dropped or added),
/// or the same figures at another scale (a decimal separator missed: 123456 for 1 234,56).
/// Amounts of fewer than three figures are too short to tell.
pub(super) fn misread_of(value: i64, read: i64) -> bool {
    let figures = |v: i64| v.unsigned_abs().to_string().into_bytes();
    let scaled = |d: &[u8]| {
        let end = d.iter().rposition(|b| *b != b'0').map_or(1, |i| i + 1);
        d[..end].to_vec()
    };
    let (a, b) = (figures(value), figures(read));
    if scaled(&a) == scaled(&b) {
        return true;
    }
    if a.len().min(b.len()) < 3 {
        return false;
    }
    // Edit distance; amounts have at most 19 figures.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        prev = row;
    }
    prev[b.len()] <= 2
}

/// The best-scored triple, unless another triple with other amounts scores as well: then the
/// page does not tell which, and nothing is chosen.
fn unique_best<S: Ord + Copy>(mut found: Vec<(S, Totals)>) -> Option<Totals> {
    found.sort_by_key(|f| Reverse(f.0));
    let key = |t: &Totals| (t.ht.map(|c| c.cents), t.tax.map(|c| c.cents), t.ttc.map(|c| c.cents));
    let mut iter = found.into_iter();
    let (score, best) = iter.next()?;
    let tied = iter.take_while(|(s, _)| *s == score).any(|(_, other)| key(&other) != key(&best));
    (!tied).then_some(best)
}

/// Distinct amounts considered by the arithmetic search (the last ones of the document).
const MAX_ARITHMETIC_AMOUNTS: usize = 80;

/// Labels unread (OCR) or absent: the three amounts of the page that satisfy HT + TVA = TTC
/// with a plausible rate, to the cent. Amounts that labels also offer score higher, then
/// amounts further down the page.
/// `rates`: the rates the page prints ([`printed_rates`]).
pub(super) fn arithmetic(doc: &Doc, c: &Candidates, breakdown: &[VatRow], rates: &[i64]) -> Option<Totals> {
    let mut seen: Vec<(i64, usize)> = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate().rev() {
        for hit in line.amounts.iter().rev() {
            if hit.cents.0 != 0 && !seen.iter().any(|(v, _)| *v == hit.cents.0) {
                seen.push((hit.cents.0, idx));
            }
        }
        if seen.len() >= MAX_ARITHMETIC_AMOUNTS {
            break;
        }
    }
    let labelled =
        |list: &[Candidate], cents: i64| list.iter().filter(|c| c.cents.0 == cents).max_by_key(|c| c.strength).copied();
    let largest = seen.iter().map(|(v, _)| v.unsigned_abs()).max().unwrap_or(0);
    let several_labelled_taxes = {
        let mut taxes: Vec<i64> = c.tax.iter().filter(|t| t.strength > 2).map(|t| t.cents.0).collect();
        taxes.sort_unstable();
        taxes.dedup();
        taxes.len() >= 2
    };
    let mut found = Vec::new();
    // A labelled HT and a labelled TVA at a blend of the page's rates (its breakdown unread), their
    // sum printed on the page: "Suma bases: 1.107,10   Suma cuotas IVA: 177,03" and 1.284,13
    // under a total's label that OCR garbled.
    let both_labelled = |h: i64, t: i64| {
        labelled(&c.ht, h).is_some_and(|x| x.strength > 2) && labelled(&c.tax, t).is_some_and(|x| x.strength > 2)
    };
    for &(h, h_line) in &seen {
        for &(t, t_line) in &seen {
            if t.abs() >= h.abs() || !(tax_fits(h, t, breakdown, 1) || (blend_fits(h, t, rates) && both_labelled(h, t)))
            {
                continue;
            }
            let Some(&(total, total_line)) = seen.iter().find(|(v, _)| Some(*v) == h.checked_add(t)) else { continue };
            let pick = |list: &[Candidate], cents: i64, line: usize| {
                labelled(list, cents).unwrap_or(Candidate { cents: Cents(cents), strength: 2, order: line })
            };
            let (hc, tc, ttc) = (pick(&c.ht, h, h_line), pick(&c.tax, t, t_line), pick(&c.ttc, total, total_line));
            let support = [hc.strength, tc.strength, ttc.strength].iter().filter(|s| **s > 2).count();
            // Three unlabelled amounts that add up are as often a line of the table (net, VAT,
            // gross) as the totals: without a label, they must stand as a totals block does.
            if support == 0 && !stacked_block(doc, [h_line, t_line, total_line], total, largest) {
                continue;
            }
            // One label and two amounts that merely add up with it: on a page of many amounts
            // (positions, a tax table, a payment plan) some pair differs by the labelled tax.
            // The two must stand with the label as a totals block does, a few lines apart.
            if support == 1 && line_span([h_line, t_line, total_line]) > MAX_BLOCK_SPAN {
                continue;
            }
            // The tax alone labelled, on a page that labels two different taxes (one per rate):
            // the triple is built on one of them, as likely a rate's row as the totals.
            if support == 1 && tc.strength > 2 && several_labelled_taxes {
                continue;
            }
            // A page that prints several VAT rates taxes its total at a blend of them: amounts
            // whose tax is exactly one of those rates of the base are as likely that rate's net,
            // tax and gross as the totals, unless labels name at least two of them.
            if support < 2 && rates.len() >= 2 && rates.iter().any(|&r| close(percent_of(h, r, 100 * PERCENT), t)) {
                continue;
            }
            let score = (support, h_line.min(t_line).min(total_line), h_line + t_line + total_line);
            found.push((score, Totals::holding(hc, tc, ttc)));
        }
    }
    unique_best(found)
}

/// How many lines a totals block may span, from its first amount to its last: HT, charges and
/// discounts, a tax line per rate, TTC, and the blank or ruled lines between them.
const MAX_BLOCK_SPAN: usize = 10;

fn line_span(lines: [usize; 3]) -> usize {
    let (min, max) = (lines.iter().min(), lines.iter().max());
    max.zip(min).map_or(0, |(max, min)| max - min)
}

/// Unlabelled HT, TVA and TTC read as a totals block: on three lines in that order, each holding
/// that amount alone, the TTC the largest amount of the page.
fn stacked_block(doc: &Doc, lines: [usize; 3], total: i64, largest: u64) -> bool {
    let alone = |idx: usize| doc.lines.get(idx).is_some_and(|l| l.amounts.len() == 1);
    lines[0] < lines[1] && lines[1] < lines[2] && lines.iter().all(|&i| alone(i)) && total.unsigned_abs() == largest
}

/// Among the label readings, the combination where HT + TVA = TTC wins: that catches a misread
/// figure as well as a deposit deducted after the total. TVA candidates include the sum of a
/// multi-rate breakdown, so several rates are checked as one total. A tax above any rate in
/// force (27 %) is no tax of that HT, whatever the sum says.
pub(super) fn best_consistent(c: &Candidates) -> Option<Totals> {
    let (hts, taxes, ttcs) = (recent(&c.ht), recent(&c.tax), recent(&c.ttc));
    let mut best: Option<((u32, usize), Totals)> = None;
    for h in &hts {
        for t in taxes.iter().filter(|t| tax_possible(h.cents.0, t.cents.0)) {
            for total in ttcs.iter().filter(|total| h.cents.0.checked_add(t.cents.0) == Some(total.cents.0)) {
                let strength = u32::from(h.strength) + u32::from(t.strength) + u32::from(total.strength);
                let score = (strength, h.order + t.order + total.order);
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    let totals = Totals::holding(*h, *t, *total);
                    best = Some((score, totals));
                }
            }
        }
    }
    best.map(|(_, totals)| totals)
}

pub(super) fn recent(candidates: &[Candidate]) -> Vec<Candidate> {
    let mut sorted = candidates.to_vec();
    sorted.sort_by_key(|c| Reverse(c.order));
    sorted.truncate(MAX_TOTAL_CANDIDATES);
    sorted
}

pub(super) fn amount_confidence(candidate: &Candidate, check: Check) -> f32 {
    let base = match candidate.strength {
        6.. => 0.8,
        4 | 5 => 0.7,
        _ => 0.6,
    };
    match check {
        Check::Holds => base + 0.1,
        // A TTC kept alone beside figures that contradict it: below any plain guess.
        Check::Failed => base - 0.3,
        // A TTC alone, nothing to check it against.
        Check::Unchecked => base - 0.2,
    }
}

pub(super) fn set_totals(fields: &mut Fields, totals: &Totals, breakdown: &[VatRow], source: Source) {
    let amount = |c: &Option<Candidate>| {
        c.as_ref().map(|c| field(c.cents.to_string(), amount_confidence(c, totals.check), source))
    };
    fields.total_excluding_tax = amount(&totals.ht);
    fields.total_tax = amount(&totals.tax);
    fields.total_including_tax = amount(&totals.ttc);
    // Only ever true: three totals are reported together only when they add up.
    fields.consistent = (totals.check == Check::Holds).then(|| field(true, 0.9, source));
    let strength = |c: &Option<Candidate>| c.map_or("-".to_owned(), |c| c.strength.to_string());
    let found = totals.ht.is_some() || totals.tax.is_some() || totals.ttc.is_some();
    fields.totals_rule = (found || totals.rule == CONTRADICTED).then(|| {
        format!(
            "{} ht:{} tva:{} ttc:{}",
            totals.rule,
            strength(&totals.ht),
            strength(&totals.tax),
            strength(&totals.ttc)
        )
    });
    fields.vat_breakdown = breakdown_field(breakdown, totals.tax.map(|t| t.cents), source);
}

pub(super) fn has_any_value(fields: &Fields) -> bool {
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
