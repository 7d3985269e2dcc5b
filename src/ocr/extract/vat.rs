//! VAT breakdown: rate, base and tax per line, checked by arithmetic.

use super::*;

// VAT breakdown

/// "20 %", "5,5%", "20.00 %": at most two integer digits keeps "2026 %" and the like out.
pub(super) static RATE_RE: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{1,2}(?:[.,]\d{1,3})?)\s?%"));
/// Percentages on these lines are not VAT rates.
pub(super) static NOT_VAT_LINE: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){NOT_VAT_WORDS}")));

/// What percentages on a line are of, other than VAT.
const NOT_VAT_WORDS: &str = concat!(
    r"acompte|remise|discount|escompte|deposit|r[ée]duction|rabais|p[ée]nalit|int[ée]r[êe]t|interest",
    r"|commission|promo",
    // Allowances, cash discounts and prepayments in the other languages: "abzgl. 3 % Rabatt",
    // "2 % Skonto", "Nachlass 5 %", "korting 2%", "descuento 5 %", "sconto 3%".
    r"|rabatt|nachlass|skonto|abschlag|anzahlung|vorauszahlung|korting|betalingskorting|descuento|pronto\s+pago",
    r"|\bsconto\b|abbuono|acconto|anticipo",
    // Withholding taxes: "Retención IRPF 7 %", "ritenuta d'acconto 20 %", "withholding 30 %".
    r"|\birpf\b|retenci[óo]n|ritenuta|withholding|quellensteuer|retenue\s+[àa]\s+la\s+source",
);

/// Words that may stand before a VAT rate in its cell: the tax's names, "rate", "code", "incl.".
static VAT_CONTEXT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:tva|vat|mwst|ust|btw|iva|tax\w*|steuer\w*|umsatzsteuer\w*|mehrwertsteuer\w*|impuest\w*|impost\w*",
        r"|taux|rate|tipo|aliquota|satz|steuersatz|tarief|dont|incl\w*|excl\w*|inkl\w*|zzgl\w*|zuz\w*|plus|total\w*",
        r"|montant|amount|betrag|bedrag|importe|importo|code|normal|standard|reduced|r[ée]duit|erm[äa]\w*|reducido",
        r"|ridott\w*|verlaagd|hoog|laag|gesamt|summe|sum|som",
        r"|del|des|der|die|das|dem|den|van|het|the|della|von|per|por|pour|for|sur|auf|sobre|over)$",
    ))
});

/// "of the ...", "van het ...", "du ...", "vom ...": what a percentage is taken of, by name.
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^\s*(?:of|van|de|du|des|von|vom|der|di|del|della|dello|sur|on|auf|su|sobre)\s+",
        r"(?:(?:het|the|la|le|les|den|dem|il|lo|el)\s+|l['’]\s*)?\p{L}{3,}",
    ))
});

/// Whether a rate follows a description in its layout cell ("Adeguamento costo gasolio 6 % su
/// 3.498,55", "Restocking fee 15%"), two words or more that are none of the tax's own, or stands
/// in a sentence (three such words in its cell: "Tipo reducido del 7 % por inicio de actividad").
/// Such a percentage surcharges, discounts, withholds or explains something; it is no VAT rate.
pub(super) fn described_rate(text: &str, rate: &Rate) -> bool {
    let Some(cell) = cell_at(text, rate.start, rate.end) else { return false };
    let words = |part: &str| {
        part.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3 && !VAT_CONTEXT_WORD.is_match(w))
            .count()
    };
    // Only the words next to the rate: in a row of positions ("Jardinière terre cuite 100 cm
    // 7 349,59 20% -2 447,13", one cell once OCR kept single spaces) quantities and prices stand
    // between the description and the rate of its VAT column.
    let lead = text.get(cell.start..rate.start).unwrap_or("");
    let lead = lead.rfind(|c: char| c.is_ascii_digit()).map_or(lead, |i| &lead[i + 1..]);
    let tail = text.get(rate.end..cell.end).unwrap_or("");
    let tail = tail.find(|c: char| c.is_ascii_digit()).map_or(tail, |i| &tail[..i]);
    let before = words(lead);
    // "Kantoorkosten 5% van het honorarium": a share of something named, not of an amount.
    before >= 2 || before + words(tail) >= 3 || before >= 1 && SHARE_OF.is_match(tail)
}

/// Rates in force in the EU, Switzerland and the UK, in percent: an unlabelled table row counts
/// as a VAT line only with one of these.
pub(super) const KNOWN_RATES: [&str; 39] = [
    "20", "10", "5.5", "2.1", "8.5", "13", "0.9", "1.75", "19.6", "7", "19", "21", "12", "6", "4", "22", "5", "9",
    "17", "14", "8", "3", "23", "13.5", "4.8", "8.1", "2.6", "3.8", "7.7", "2.5", "3.7", "25", "25.5", "24", "27",
    "18", "15", "16", "11",
];

/// Thousandths of a percent, so that US rates such as 8.875 % stay exact: 20 % is 20000.
pub(super) const PERCENT: i64 = 1000;

pub(super) fn parse_rate(raw: &str) -> Option<i64> {
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
pub(super) fn format_rate(rate: i64) -> String {
    let text = format!("{}.{:03}", rate / PERCENT, rate % PERCENT);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

pub(super) fn known_rate(rate: i64) -> bool {
    KNOWN_RATES.iter().any(|known| parse_rate(known) == Some(rate))
}

#[derive(Debug, Clone, Copy)]
pub(super) struct VatRow {
    /// In thousandths of a percent (`PERCENT`).
    pub(super) rate: i64,
    pub(super) base: Option<Cents>,
    pub(super) tax: Cents,
    pub(super) labelled: bool,
    pub(super) line: usize,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Rate {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: i64,
}

pub(super) fn find_rates(masked: &str) -> Vec<Rate> {
    percentages(masked)
        .filter_map(|(start, end, raw)| {
            let value = parse_rate(raw)?;
            (value > 0 && value <= 30 * PERCENT).then_some(Rate { start, end, value })
        })
        .collect()
}

/// Percentages not glued to a figure before them and not signed, as (start, end, figures).
fn percentages(masked: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    RATE_RE.captures_iter(masked).take(MAX_HITS_PER_LINE).filter_map(|caps| {
        let whole = caps.get(0)?;
        let before = masked.get(..whole.start()).unwrap_or("");
        let glued = before.chars().next_back();
        if glued.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ',')) {
            return None;
        }
        // "-10 % sur la raclette": no VAT rate is negative; a signed percentage is a discount.
        let signed = before.strip_suffix(['-', '\u{2212}']);
        if signed.is_some_and(|rest| rest.chars().next_back().is_none_or(char::is_whitespace)) {
            return None;
        }
        Some((whole.start(), whole.end(), caps.get(1)?.as_str()))
    })
}

/// Rates whose decimal separator OCR lost ("55%" for "5,5 %", "85%" for "8,5 %"): two figures
/// over 30, no rate, that are a rate in force with one decimal. Only a row whose base and tax
/// prove the rate ([`find_pair`]) may read them so.
fn separator_lost_rates(masked: &str) -> Vec<Rate> {
    percentages(masked)
        .filter_map(|(start, end, raw)| {
            let value = parse_rate(raw)? / 10;
            let lost = raw.len() == 2 && value > 3 * PERCENT && value % PERCENT != 0 && known_rate(value);
            lost.then_some(Rate { start, end, value })
        })
        .collect()
}

/// Whether a row's own amounts prove a percentage a discount: the amount right after it is the
/// one right before it (a unit price), or that times the quantity before that, less the
/// percentage, to the cent ("1,00   14,50   10%   13,05" when OCR lost the "Dto." header). A
/// VAT rate's row never reads so: its tax is a share of the base, its gross more than it.
fn proved_discount(line: &Line, rate: &Rate) -> bool {
    let before: Vec<i64> = line.amounts.iter().filter(|a| a.end <= rate.start).map(|a| a.cents.0).collect();
    let Some(after) = line.amounts.iter().find(|a| a.start >= rate.end).map(|a| a.cents.0) else { return false };
    let less = |gross: i64| percent_of(gross, 100 * PERCENT - rate.value, 100 * PERCENT);
    let price = before.last().copied();
    let times_quantity = match before[..] {
        [.., quantity, price] => i64::try_from(i128::from(quantity) * i128::from(price) / 100).ok(),
        _ => None,
    };
    [price, times_quantity].into_iter().flatten().any(|gross| gross > after && less(gross).abs_diff(after) <= 1)
}

/// The distinct VAT rates in force that the page prints ("7 %", "19 %"), outside discount,
/// deposit and interest lines, whether or not a breakdown row was read beside them.
pub(super) fn printed_rates(doc: &Doc) -> Vec<i64> {
    let mut rates = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate().filter(|(_, l)| !NOT_VAT_LINE.is_match(&l.text)) {
        for rate in find_rates(&line.masked) {
            if rates.contains(&rate.value) || described_rate(&line.text, &rate) || proved_discount(line, &rate) {
                continue;
            }
            // A listed rate counts unless its column names something else; an unlisted one
            // only when its column names the tax.
            let in_vat_column = column_header(doc, idx, &rate).map(|h| VAT_HEADER.is_match(h));
            if in_vat_column.unwrap_or(known_rate(rate.value)) {
                rates.push(rate.value);
            }
        }
    }
    rates
}

/// How far up a rate's column is followed to its header.
const MAX_HEADER_DISTANCE: usize = 15;

/// The header of the table column a rate stands in, words without figures: over the rows
/// above, the first cell in its column that is no rate itself, past the figures of the rows
/// above in a position's row. None when it cannot be told (no cell above, a figure over a
/// total's or tax's row). A header that names something else than VAT, a discount ("Remise",
/// "Dto."), a share ("Part"), a progress ("Avanc."), says the rate is no VAT rate; one that
/// names the tax ("IVA", "Tipo") says it is one, even a rate missing from [`KNOWN_RATES`]
/// (Spain's 2 % of 2024 under "IVA").
pub(super) fn column_header<'a>(doc: &'a Doc, idx: usize, rate: &Rate) -> Option<&'a str> {
    let line = doc.lines.get(idx)?;
    let span = line.span_cols(rate.start, rate.end);
    let mut past_figures = false;
    for above in doc.lines[idx.saturating_sub(MAX_HEADER_DISTANCE)..idx].iter().rev() {
        // A figure of the next column, reached through the slack of `cell_over` (a price right
        // beside an empty discount column), does not stand in this one: only a cell that
        // overlaps the rate itself, or words, may.
        let cells = chunks(&above.text);
        let strict = cells.iter().find(|c| c.col <= span.1 && span.0 <= c.end_col);
        let words = |c: &&Chunk| !above.text.get(c.start..c.end).unwrap_or("").chars().any(|ch| ch.is_ascii_digit());
        let slack = || cells.iter().find(|c| overlaps(span, (c.col, c.end_col))).filter(words);
        let Some(cell) = strict.or_else(slack) else {
            continue;
        };
        let text = above.text.get(cell.start..cell.end).unwrap_or("");
        if text.trim_end().ends_with('%') && find_rates(text).len() == 1 {
            continue;
        }
        let figure = text.chars().any(|c| c.is_ascii_digit());
        // In a row that names no total nor tax, a position's, the figures above are those of
        // the positions before ("750 mots" over a surcharge's "25 %"): the header is further up,
        // in a row of words that keeps its columns. Rows whose gaps OCR lost (one cell each)
        // tell no column: a description's second line would pass for a header.
        let columns = cells.len() >= 2;
        if figure && line.totals.is_empty() && columns {
            past_figures = true;
            continue;
        }
        let header_row = columns && !above.text.chars().any(|c| c.is_ascii_digit());
        let header = text.chars().any(char::is_alphabetic) && !figure && (header_row || !past_figures);
        return header.then_some(text);
    }
    None
}

/// A column header naming a discount, whole or abbreviated: "Remise", "Rem.", "Rem. %", "Dto.",
/// "Desc.", "Sc.%", "Sconto", "Rabatt", "Rab.", "Disc.", "Korting", "Nachlass".
static DISCOUNT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:rem(?:ise)?|dto|desc(?:uento)?|sc(?:onto)?|rab(?:att|ais)?|disc(?:ount)?|korting|nachlass)\b\.?\s*%?\s*$",
    )
});

/// A column header naming the tax or its rate.
static VAT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)tva|vat|mwst|\bust\b|btw|iva|tax|steuer|taux|rate|satz|tarief|aliquota|tipo|code|\bcod\b|impost|impuest")
});

/// A column header naming the VAT rate: "% IVA", "TVA %", "Taux TVA", "Aliquota",
/// "Steuersatz", "VAT rate", "BTW-tarief".
static RATE_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    let tax = r"\b(?:tva|vat|mwst|ust|btw|iva|igic|tax)\b";
    let rate = r"(?:%|\b(?:taux|rate|tasa|tipo|satz|tarief)\b)";
    re(&format!(r"(?i){tax}.*{rate}|{rate}.*{tax}|\baliquota\b|\b(?:steuer|ust|mwst)[-.]?satz\b|\bbtw[-\s]?tarief\b"))
});

/// Rates printed without their sign in a column whose header names the VAT rate ("% IVA" over
/// "21,00", "Aliquota" over "22"): a cell holding a rate in force and nothing else, whose
/// header (the first cell above it that is no figure) is such a header. A value right-aligned
/// under a left-aligned header may not stand under it: in a header row (words, no figure), the
/// header of a column is then the last cell that starts before the value ends.
fn rates_under_header(doc: &Doc, idx: usize) -> Vec<Rate> {
    let Some(line) = doc.lines.get(idx) else { return Vec::new() };
    let mut rates = Vec::new();
    for cell in chunks(&line.text) {
        let raw = line.text.get(cell.start..cell.end).unwrap_or("").trim();
        let Some(value) = parse_rate(raw).filter(|v| known_rate(*v)) else { continue };
        let span = (cell.col, cell.end_col);
        let header = doc.lines[idx.saturating_sub(MAX_HEADER_DISTANCE)..idx].iter().rev().find_map(|above| {
            let header_row = !above.text.chars().any(|c| c.is_ascii_digit());
            let cells = chunks(&above.text);
            let c = cells
                .iter()
                .find(|c| overlaps(span, (c.col, c.end_col)))
                .or_else(|| header_row.then(|| cells.iter().rfind(|c| c.col <= span.1)).flatten())?;
            let text = above.text.get(c.start..c.end).unwrap_or("");
            text.chars().any(char::is_alphabetic).then_some(text)
        });
        if header.is_some_and(|h| RATE_COLUMN.is_match(h)) {
            rates.push(Rate { start: cell.start, end: cell.end, value });
        }
    }
    rates
}

pub(super) fn vat_breakdown(doc: &Doc) -> Vec<VatRow> {
    let mut best: Vec<VatRow> = Vec::new();
    // Rates without "%" need a rate column's header: on a page without one, no line is searched.
    let rate_column_on_page = doc.lines.iter().any(|l| RATE_COLUMN.is_match(&l.text));
    for (idx, line) in doc.lines.iter().enumerate() {
        if NOT_VAT_LINE.is_match(&line.text) {
            continue;
        }
        let mut rates = find_rates(&line.masked);
        if rates.is_empty() && rate_column_on_page {
            rates = rates_under_header(doc, idx);
        }
        let lost = separator_lost_rates(&line.masked);
        let proved_only = |rate: &Rate| lost.iter().any(|l| l.start == rate.start);
        rates.extend(lost.iter().copied());
        rates.sort_by_key(|r| r.start);
        for (k, rate) in rates.iter().enumerate() {
            let from = if k == 0 { 0 } else { rates[k - 1].end };
            let to = rates.get(k + 1).map_or(line.text.len(), |r| r.start);
            // A rate under a discount's column ("Rem." over "10 %" in a row of positions) is that
            // position's discount, no VAT rate.
            let header = column_header(doc, idx, rate);
            if header.is_some_and(|h| DISCOUNT_HEADER.is_match(h)) || proved_discount(line, rate) {
                continue;
            }
            let in_vat_column = !known_rate(rate.value) && header.is_some_and(|h| VAT_HEADER.is_match(h));
            let row = vat_row(line, idx, rate, from, to, in_vat_column);
            if let Some(row) = row.filter(|row| row.base.is_some() || !proved_only(rate)) {
                keep_best_row(&mut best, row);
            }
        }
        if let Some(row) = zero_rate_row(line, idx) {
            keep_best_row(&mut best, row);
        }
    }
    if let Some(row) = zero_row_beside(doc, &best) {
        best.push(row);
    }
    best
}

/// A zero rate not glued to a figure before it: "0.00%", "0 %", "0,0%".
static ZERO_PERCENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^\d.,])0(?:[.,]0{1,3})?\s?%"));

/// The 0 % row of a breakdown whose tax word is only in its header: "Z   0.00%   1,944.00
/// 0.00" one or two lines from a row read at another rate ("S  20.00%  53.00  10.60"), in the
/// same shape (a base, then a tax of exactly zero, after the rate). A 0 % with two amounts says
/// too little alone (a discount, a tip); beside a breakdown row it is that table's zero-rated
/// goods, whose base is part of the HT.
fn zero_row_beside(doc: &Doc, best: &[VatRow]) -> Option<VatRow> {
    if best.iter().any(|r| r.rate == 0) {
        return None;
    }
    let mut found: Vec<VatRow> = Vec::new();
    for row in best.iter().filter(|r| r.base.is_some()) {
        for idx in (row.line.saturating_sub(2)..=row.line + 2).filter(|&idx| idx != row.line) {
            let Some(line) = doc.lines.get(idx) else { continue };
            if NOT_VAT_LINE.is_match(&line.text) || found.iter().any(|f| f.line == idx) {
                continue;
            }
            let Some(rate) = ZERO_PERCENT.find(&line.masked) else { continue };
            let row = zero_row_after(line, idx, rate.end(), false);
            found.extend(row.filter(|r| r.base.is_some_and(|b| b.0 > 0)));
        }
    }
    // Two zero-rated rows (an exemption and an intra-community supply, "E 0,00% 60,00" and "K
    // 0,00% 2,00") are two lines of one rate: one of them alone would leave the bases short.
    match found[..] {
        [row] => Some(row),
        _ => None,
    }
}

/// A tax word and a zero rate ("Btw 0% over", "VAT @ 0% on", "TVA 0,00 %"): the row of a
/// breakdown whose goods bear no VAT.
static ZERO_RATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:tva|vat|mwst|ust|btw|iva|igic)\.?\s*(?:@\s*)?\(?\s*0(?:[.,]0{1,3})?\s?%"));

/// The row of a zero rate in a multi-rate breakdown, "Btw 0% over € 5.251,00   € 0,00": its
/// base and a tax of exactly zero, the two amounts the line prints after the rate. Its base
/// belongs to the net total that the breakdown's bases add up to (a page of 0 % and 21 % goods
/// has an HT of both bases and a TVA of the 21 % row alone).
fn zero_rate_row(line: &Line, idx: usize) -> Option<VatRow> {
    zero_row_after(line, idx, ZERO_RATE.find(&line.masked)?.end(), true)
}

/// The 0 % row a rate ending at byte `rate_end` opens: the line prints exactly two amounts after
/// it, a base (not zero) and a tax of zero.
fn zero_row_after(line: &Line, idx: usize, rate_end: usize, labelled: bool) -> Option<VatRow> {
    let after: Vec<Cents> = line.amounts.iter().filter(|a| a.start >= rate_end).map(|a| a.cents).collect();
    match after[..] {
        [base, Cents(0)] if base.0 != 0 => {
            Some(VatRow { rate: 0, base: Some(base), tax: Cents(0), labelled, line: idx })
        }
        _ => None,
    }
}

/// One row per rate: a labelled row or one with a base beats a bare one; later rows (the
/// summary at the bottom) beat earlier ones.
pub(super) fn keep_best_row(best: &mut Vec<VatRow>, row: VatRow) {
    let rank = |r: &VatRow| u8::from(r.labelled) + u8::from(r.base.is_some());
    match best.iter_mut().find(|b| b.rate == row.rate) {
        Some(existing) if rank(&row) >= rank(existing) => *existing = row,
        Some(_) => {}
        None => best.push(row),
    }
}

/// `in_vat_column`: the rate stands under a column header naming the tax, which makes a rate
/// plausible that [`KNOWN_RATES`] lacks.
pub(super) fn vat_row(
    line: &Line,
    idx: usize,
    rate: &Rate,
    from: usize,
    to: usize,
    in_vat_column: bool,
) -> Option<VatRow> {
    let labelled = line.totals.iter().any(|l| {
        matches!(l.kind, TotalLabel::Tax | TotalLabel::TaxTotal)
            && ((l.end <= rate.start && l.start >= from) || rate_first(line, rate, l, from))
    });
    let around: Vec<&AmountHit> = line
        .amounts
        .iter()
        .filter(|a| a.start >= from && a.end <= to && (a.end <= rate.start || a.start >= rate.end))
        .collect();
    // Beside amounts written as money, an integer power of ten is a price's unit ("5.000   18,00
    // 1000   90,00   9%": the price of a thousand bulbs) or a round quantity, no base of an
    // unlabelled row (an integer otherwise may be an amount whose separator OCR lost).
    let money = around.iter().any(|a| is_money(line, a));
    let unit = |a: &AmountHit| !is_money(line, a) && matches!(a.cents.0, 1_000 | 10_000 | 100_000);
    let amounts: Vec<Cents> = around.iter().filter(|a| labelled || !money || !unit(a)).map(|a| a.cents).collect();
    if let Some((base, tax)) = find_pair(&amounts, rate.value) {
        let plausible_rate = labelled || (known_rate(rate.value) || in_vat_column) && !described_rate(&line.text, rate);
        return plausible_rate.then_some(VatRow { rate: rate.value, base: Some(base), tax, labelled, line: idx });
    }
    let after = line.amounts.iter().rev().find(|a| a.start >= rate.end && a.end <= to)?;
    // "zzgl. 19 % USt. auf 1.357,15 €" with the tax itself unread (OCR lost it): the amount the
    // rate applies to is the base, not the tax.
    let base_only = line.text.get(rate.end..after.start).is_some_and(|before| BASE_MARK.is_match(before));
    (labelled && !base_only).then_some(VatRow { rate: rate.value, base: None, tax: after.cents, labelled, line: idx })
}

/// The word that introduces the base a rate applies to: "19 % USt. auf", "TVA 20 % sur" (or
/// "s/"), "VAT 20% on", "btw 21% over", "IVA 21% sobre", "IVA 22% su".
static BASE_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:auf|sur|s/|on|over|sobre|su|von|van|de)\s*(?:€|EUR)?\s*$"));

/// "19 % MwSt.   23,75", "zzgl. 7 % USt.   7,00": the rate opens its cell (after at most a
/// "zzgl." / "plus") and the tax word follows it directly. Not "Preis inkl. 19 % MwSt.", whose
/// cell holds other words before the rate.
fn rate_first(line: &Line, rate: &Rate, label: &Hit<TotalLabel>, from: usize) -> bool {
    let between = line.text.get(rate.end..label.start).unwrap_or("x");
    let cell = line.text.get(from..rate.start).map_or("x", last_cell);
    label.start >= rate.end && between.trim().is_empty() && RATE_LEAD.is_match(cell)
}

static RATE_LEAD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:zzgl\.?|zuzgl\.?|zuz[üu]glich|plus|\+)?\s*$"));

/// A base and its tax in reading order, tax = base × rate; or a total with tax included and
/// its tax, tax = total × rate / (100 + rate), as some receipts print; or a base and its tax
/// read without its decimal separator.
pub(super) fn find_pair(amounts: &[Cents], rate: i64) -> Option<(Cents, Cents)> {
    let pairs = || amounts.iter().enumerate().flat_map(|(i, a)| amounts.iter().skip(i + 1).map(move |b| (*a, *b)));
    pairs()
        .find(|(base, tax)| close(percent_of(base.0, rate, 100 * PERCENT), tax.0))
        .or_else(|| {
            pairs()
                .find(|(ttc, tax)| close(percent_of(ttc.0, rate, 100 * PERCENT + rate), tax.0))
                .map(|(ttc, tax)| (Cents(ttc.0 - tax.0), tax))
        })
        // OCR lost the tax's decimal separator ("TVA 5,5 % sur 37,20   205€" for 2,05 €): the
        // figures read are exactly those of the base × rate, a hundred times too large.
        .or_else(|| {
            pairs().find_map(|(base, read)| {
                let tax = percent_of(base.0, rate, 100 * PERCENT);
                (tax != 0 && tax.checked_mul(100) == Some(read.0)).then_some((base, Cents(tax)))
            })
        })
}

/// `amount × rate / divisor`, rounded half away from zero, in i128 so no input overflows.
pub(super) fn percent_of(amount: i64, rate: i64, divisor: i64) -> i64 {
    let product = i128::from(amount) * i128::from(rate);
    let divisor = i128::from(divisor);
    let rounded = (product.abs() + divisor / 2) / divisor;
    i64::try_from(if product < 0 { -rounded } else { rounded }).unwrap_or(i64::MAX)
}

/// Rounding per line or per total may differ by a cent or two.
pub(super) fn close(expected: i64, tax: i64) -> bool {
    tax != 0 && expected.abs_diff(tax) <= 2
}

pub(super) fn breakdown_field(
    rows: &[VatRow],
    total_tax: Option<Cents>,
    source: Source,
) -> Option<Field<Vec<VatLine>>> {
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
