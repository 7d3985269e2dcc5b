//! Dates: parsing, and choosing the document's own date among those printed.

use super::*;

// Dates

pub(super) static DATE_NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2})\b"));
pub(super) static DATE_ISO: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b"));
/// "1er" is often read "ter" or "ler" by OCR.
/// Month names run to ten letters ("septiembre"); Spanish puts "de" around the month
/// ("12 de marzo de 2024"), German a dot after the day ("12. März 2024").
pub(super) static DATE_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(\d{1,2}(?:st|nd|rd|th)?|1er|[tlI]er)\s*[-.]?\s*(?:de\s+)?(\p{L}{3,10})\.?\s*[-.,]?\s*",
        r"(?:del?\s+)?(\d{4}|\d{2})\b",
    ))
});
/// "March 12, 2024"; OCR may put a space before the comma: "August 3 , 2014".
pub(super) static DATE_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s?,?\s+(\d{4})\b"));
pub(super) static TIME_RE: LazyLock<Regex> = LazyLock::new(|| re(r"\b\d{1,2}\s?[:hH]\s?\d{2}(?:\s?:\s?\d{2})?\b"));

#[derive(Debug, Clone, Copy)]
pub(super) struct DateHit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) date: NaiveDate,
    /// A numeric date with slashes whose day and month could be swapped ("03/11/2017") on a
    /// page that tells neither order: it is read day-first but never reported as the date.
    pub(super) ambiguous: bool,
}

pub(super) fn find_dates(text: &str, order: DateOrder) -> Vec<DateHit> {
    let mut hits: Vec<DateHit> = Vec::new();
    // Spaces may stand around a separator ("15 / 03 / 2024"), so a match may start inside a
    // number before the date ("Caisse 3 - 03/09/2024" reads "3 - 03/09" then "/2024"): when a
    // match is no date, the search goes on from its second character, not from its end.
    let mut at = 0;
    for _ in 0..MAX_HITS_PER_LINE {
        let Some(caps) = DATE_NUMERIC.captures_at(text, at) else { break };
        let Some(whole) = caps.get(0) else { break };
        let before = hits.len();
        push_date(&mut hits, &caps, numeric_date(&caps, order), text);
        at = match hits.get_mut(before) {
            Some(hit) => {
                hit.ambiguous = order == DateOrder::Unsure && swappable(&caps);
                whole.end()
            }
            None => whole.start() + text[whole.start()..].chars().next().map_or(1, char::len_utf8),
        };
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

pub(super) fn cap(caps: &regex::Captures<'_>, i: usize) -> u32 {
    caps.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

pub(super) fn push_date(hits: &mut Vec<DateHit>, caps: &regex::Captures<'_>, date: Option<NaiveDate>, text: &str) {
    let (Some(whole), Some(date)) = (caps.get(0), date) else { return };
    if date_context_ok(text, whole.start(), whole.end()) {
        hits.push(DateHit { start: whole.start(), end: whole.end(), date, ambiguous: false });
    }
}

/// A date inside a longer dotted or dashed number (phone "01.23.45.67.89") is not a date.
pub(super) fn date_context_ok(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let mut after = text.get(end..).unwrap_or("").chars();
    let chained = |sep: Option<char>, next: Option<char>| {
        matches!(sep, Some('.' | '/' | '-')) && next.is_some_and(|c| c.is_ascii_digit())
    };
    !chained(before.next(), before.next()) && !chained(after.next(), after.next())
}

/// Day-first as in France; month-first only when it cannot be otherwise and slashes are used
/// (US style "03/15/2026").
/// Which of day and month comes first in a document's numeric dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum DateOrder {
    #[default]
    DayFirst,
    MonthFirst,
    /// Nothing on the page tells: read day-first, and slashed dates that could be either
    /// (both numbers 12 or less, different) are marked ambiguous.
    Unsure,
}

/// "03/11/2017": day and month could be swapped. Dotted and dashed dates are day-first
/// everywhere this service's documents come from; only slashes are written both ways.
fn swappable(caps: &regex::Captures<'_>) -> bool {
    let (first, second) = (cap(caps, 1), cap(caps, 3));
    caps.get(2).is_some_and(|m| m.as_str() == "/") && first <= 12 && second <= 12 && first != second
}

static US_MARK: LazyLock<Regex> = LazyLock::new(|| re(r"\$|\bUSD\b"));
/// British pounds: an English page that writes dates day-first.
static UK_MARK: LazyLock<Regex> = LazyLock::new(|| re(r"£|\bGBP\b"));
static ENGLISH_MARK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:invoice|receipt|amount|due|bill\s+to)\b"));
static NON_ENGLISH_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:facture|rechnung|factuur|factura|fattura|avoir|gutschrift|montant|betrag|bedrag|importe|importo",
        r"|tva|ttc|merci|caisse|datum|fecha|mwst|ust|btw|iva|totaal|totale|summe|kassabon|kassenbon|scontrino)\b",
    ))
});

/// The order of a document's numeric dates, decided before any ambiguous one is read: its
/// unambiguous dates vote ("11/17/2017" proves month-first, "17/11/2017" day-first); without a
/// vote, or with votes both ways, the language decides: an English document in dollars reads
/// month-first, one in pounds day-first, a French, German, Dutch, Spanish or Italian one
/// day-first. An English page in euros (a French supplier may write either way) or a page with
/// no words to go by is `Unsure`: its swappable dates are not reported.
pub(super) fn date_order(pages: &[&str]) -> DateOrder {
    let (mut day_first, mut month_first) = (0usize, 0usize);
    for caps in pages.iter().flat_map(|page| DATE_NUMERIC.captures_iter(page)).take(MAX_LINES) {
        match (cap(&caps, 1), cap(&caps, 3)) {
            (first, second) if first > 12 && (1..=12).contains(&second) => day_first += 1,
            (first, second) if (1..=12).contains(&first) && second > 12 && second <= 31 => month_first += 1,
            _ => {}
        }
    }
    if month_first > 0 && day_first == 0 {
        return DateOrder::MonthFirst;
    }
    if day_first > 0 {
        return DateOrder::DayFirst;
    }
    let any = |re: &Regex| pages.iter().any(|page| re.is_match(page));
    if any(&NON_ENGLISH_MARK) {
        DateOrder::DayFirst
    } else if !any(&ENGLISH_MARK) {
        DateOrder::Unsure
    } else if any(&US_MARK) {
        DateOrder::MonthFirst
    } else if any(&UK_MARK) {
        DateOrder::DayFirst
    } else {
        DateOrder::Unsure
    }
}

/// A numeric date; an unambiguous one is read whatever `order` says ("25/12" and "12/25").
pub(super) fn numeric_date(caps: &regex::Captures<'_>, order: DateOrder) -> Option<NaiveDate> {
    let (first, second) = (cap(caps, 1), cap(caps, 3));
    let year = year_number(caps.get(4).map_or("", |m| m.as_str()))?;
    let month_first = match order {
        _ if first > 12 => false,
        _ if second > 12 => true,
        DateOrder::MonthFirst => true,
        DateOrder::DayFirst | DateOrder::Unsure => false,
    };
    if month_first {
        make_date(year, first, second)
    } else {
        make_date(year, second, first)
    }
}

pub(super) fn year_number(raw: &str) -> Option<u32> {
    let value: u32 = raw.parse().ok()?;
    match raw.len() {
        2 => Some(2000 + value),
        4 => Some(value),
        _ => None,
    }
}

pub(super) fn day_number(raw: &str) -> u32 {
    let lower = raw.to_lowercase();
    if lower.ends_with("er") {
        return 1;
    }
    lower.trim_end_matches(|c: char| c.is_alphabetic()).parse().unwrap_or(0)
}

pub(super) fn make_date(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    let year = match year {
        0..=99 => 2000 + year,
        1900..=2199 => year,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// French and English month names and their usual abbreviations, accents optional.
pub(super) fn month_number(raw: &str) -> Option<u32> {
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
    let index = MONTHS
        .iter()
        .zip(labels::MONTHS.iter())
        .position(|(names, more)| names.contains(&name.as_str()) || more.contains(&name.as_str()))?;
    u32::try_from(index + 1).ok()
}

pub(super) fn fold_accents(raw: &str) -> String {
    raw.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' | 'ä' | 'á' => 'a',
            'û' | 'ù' | 'ü' | 'ú' => 'u',
            'ô' | 'ö' | 'ó' => 'o',
            'î' | 'ï' | 'í' => 'i',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

pub(super) fn plausible(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (1990..=2099).contains(&date.year())
}

// Document date

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateLabel {
    Strong,
    Weak,
    Due,
    Other,
}

pub(super) static DATE_LABELS: LazyLock<LabelTable<DateLabel>> = LazyLock::new(|| {
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
        (
            Strong,
            r"\bissued?\s+(?:on|date)\b|\bissued\b|\bfait\s+le\b|(?:^|\s)(?:[ée]mise?|[ée]dit[ée]e?|[ée]tablie?)\s+le\b",
        ),
        // "Dated" opening its cell dates the document; after another one's mention ("Quotation
        // Q2019 dated 09/03/2024") it dates that one (the document's own, "Invoice no. 12
        // dated", is `OWN_TITLE_DATE`).
        (Strong, r"(?:^|\s{2})\s*dated\b"),
        (Other, r"\bdated\b"),
        (Strong, r"\b(?:facture|avoir|invoice|ticket|re[çc]u)\s+(?:du|of|dated)\b"),
        // A till's sale: "Vente du 03/09/2024   21:15".
        (Strong, r"^\s*vente\s+du\b"),
        (Strong, r"\b(?:\w*rechnung|\w*gutschrift)\s+vom\b|\bfactuur\s+van\b|\bfattura\s+del\b|\bfactura\s+del\b"),
        (Strong, ISSUE_DATE),
        (Strong, OWN_TITLE_DATE),
        // Dates of another document quoted by this one: a credit note's cancelled invoice.
        (Other, REFERENCED_DATE),
        // "Date le", "Fait à Lyon le": the document's (a participle before "le", "facturée le",
        // dates what it names: "provision facturée le 15/08/2024").
        (Weak, r"\bdate\s*:?\s*le\b"),
        (Strong, r"\bfait\s+[àa]\s+[\p{L}'’\-]+(?:\s+[\p{L}'’\-]+)?\s*,?\s+le\b"),
        (Weak, r"\bdate\b|\ble\b"),
        // The United Kingdom's "Date/Tax Point", whose "/" OCR reads as a letter ("DatelTax
        // Point"): the time of supply, the invoice's date unless an issue date says otherwise.
        (Weak, r"tax\s*point\b"),
        (Weak, BARE_DATE),
        (Due, DUE_DATE),
        // A payment term counted from the invoice date, "30 y 60 días fecha factura", "30 days
        // from invoice date", "30 jours date de facture", "30 Tage nach Rechnungsdatum": what
        // follows is an instalment's due date, not the invoice's.
        (
            Due,
            concat!(
                r"\b(?:d[ií]as|days|jours|tage[n]?|dagen|giorni|gg\.?)\s+(?:(?:from|after|nach|na|de|da|dalla)\s+)?",
                r"(?:(?:la|the|der)\s+)?(?:fecha\s+(?:de\s+)?(?:la\s+)?factura|invoice\s+date|date\s+of\s+(?:the\s+)?invoice",
                r"|date\s+(?:de\s+)?(?:la\s+)?facture",
                r"|rechnungsdatum|factuurdatum|data\s+(?:della\s+)?fattura|d\.\s?f\.)",
            ),
        ),
        (Other, OTHER_DATE),
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
        // An event of the business, not the document: "accepté et signé le", "reçu le", "payé le".
        (
            Other,
            concat!(
                r"\b(?:accept[ée]|sign[ée]|re[çc]u|encaiss[ée]|command[ée]|effectu[ée]|exp[ée]di[ée]|retourn[ée]",
                r"|pay[ée]|r[ée]gl[ée]|vers[ée]|d[ée]bit[ée]|pr[ée]lev[ée])e?s?\s+le\b",
            ),
        ),
        // The same events in Spanish, Italian, German and Dutch: "aceptado el", "firmato il",
        // "angenommen am", "ondertekend op".
        (
            Other,
            concat!(
                r"\b(?:aceptad|firmad|recibid|entregad|enviad|pagad|cobrad|accettat|firmat|ricevut|consegnat",
                r"|spedit|pagat)[oaie]s?\s+(?:el|il|l['’]|in\s+data)\b",
                r"|\b(?:angenommen|unterschrieben|erhalten|geliefert|versandt|bezahlt|beauftragt)\s+am\b",
                r"|\b(?:geaccepteerd|ondertekend|ontvangen|geleverd|verzonden|betaald)\s+op\b",
            ),
        ),
        // A purchase order's: "P.O. Date", "PO date".
        (Other, r"\bp\.\s?o\.\s*date\b|\bpo\s+date\b"),
        (
            Other,
            r"\bservice\b|\bexp[ée]di\w*|\bship\w*|\bnaissance\b|\bdu\b|\bdel\b|\bau\b|\bfrom\b|\bjusqu\w*|\bcontra\w*",
        ),
        // An event named before "le": "CHARGEMENT le 04/08/2024", "Intervention le", "Visite le"
        // (last: every label above that starts at the same word wins over it).
        (Other, r"\b\p{L}{3,}\s+le\b"),
    ]))
});

/// Separators of a period "du 01/03 au 31/03", "1 March - 31 March": both ends are not the
/// document's date. The Dutch "t/m" may lose its slash to OCR ("tm", "tlm").
pub(super) static PERIOD_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:au|à|to|until|-|–|jusqu['’]au|bis(?:\s+zum)?|tot(?:\s+en\s+met)?|t\.?[/l|]?m\.?|hasta(?:\s+el)?|al)\s*$",
    )
});

/// The document's own title word, by kind, for "Facture N° 12 du 03/02/2026". A credit note
/// quoting "facture F-1 du ..." dates the invoice, not itself.
pub(super) static OWN_MENTION: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        re(&format!(r"(?i){INVOICE}")),
        re(&format!(r"(?i)\b(?:avoir|credit\s+note)\b|{CREDIT_NOTE}")),
        re(&format!(r"(?i)\b(?:ticket|re[çc]u|receipt)\b|{RECEIPT}")),
    ]
});
static NUMBER_OPENS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:n\s?[°º]|n\.|no\.?|nr\.?|#)\s*[A-Za-z0-9][\w\-/.]*\s*$"));
pub(super) static REFERENCE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\br[ée]f|origin|\bsur\b|\bon\b|relati"));

/// The rank of an unlabelled date: among unlabelled dates, one printed with its clock time
/// ("01/09/2024 17:09", a till's stamp) ranks above the others.
const UNLABELLED_RANK: u8 = 2;

pub(super) fn date_rank(label: Option<DateLabel>) -> Option<(u8, f32)> {
    match label {
        Some(DateLabel::Strong) => Some((5, 0.9)),
        Some(DateLabel::Weak) => Some((4, 0.8)),
        None => Some((UNLABELLED_RANK, GUESS)),
        // Delivery, order, service, due and payment dates, and dates of another document,
        // are never the document's date, whatever else the page prints.
        Some(DateLabel::Other | DateLabel::Due) => None,
    }
}

/// How far outside its fiscal year a document's date may fall and still compete on equal terms:
/// an invoice of the last year's December filed in January, a late supplier.
const YEAR_SLACK_DAYS: i64 = 366;

/// Whether `date` lies within [`YEAR_SLACK_DAYS`] of the period `(start, end)`.
pub(super) fn near_period(date: NaiveDate, period: Option<(NaiveDate, NaiveDate)>) -> bool {
    period.is_none_or(|(start, end)| {
        let slack = chrono::Duration::days(YEAR_SLACK_DAYS);
        date >= start - slack && date <= end + slack
    })
}

/// The document's date, withheld unless the page leaves no doubt:
/// - only a date read beside an issue-date label, a bare date label, or (without any label)
///   the one unlabelled date of the page competes (one printed with its clock time before
///   the others: a till's stamp); delivery, order, service-period, due and
///   payment dates, and dates of another document, never do;
/// - the best-labelled rank must hold one date: two different "Invoice date" readings, or two
///   different unlabelled dates, give none, unless only one of them is stamped with its clock
///   time (a till's transaction beside an event the ticket mentions); a period's end ("bis
///   11.01.2024") never competes, but counts as an unlabelled date here: the page's other one
///   may be the period's start;
/// - a swappable date on a page that does not tell its order is skipped;
/// - an invoice is not issued after it falls due: a candidate later than every due date the
///   page prints is dropped;
/// - with the fiscal year known, a candidate near it (within a year of its ends) beats any
///   far from it; a date far outside the year that stands alone is reported at 0.4 at most.
pub(super) fn document_date(doc: &Doc, kind: Option<DocumentKind>) -> Option<(String, f32)> {
    struct Candidate {
        rank: u8,
        confidence: f32,
        date: NaiveDate,
        /// Printed with its clock time: a till's or a terminal's stamp.
        stamped: bool,
        /// A period's end ("bis 11.01.2024"): never the document's date, but the page's other
        /// unlabelled dates may be the period's start.
        blocks: bool,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut due: Option<NaiveDate> = None;
    let mut due_dates: Vec<NaiveDate> = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate() {
        let labels = find_labels(&line.text, &DATE_LABELS);
        for (k, hit) in line.dates.iter().enumerate() {
            if !plausible(hit.date) {
                continue;
            }
            let label = date_label(doc, idx, &labels, k, kind);
            if label == Some(DateLabel::Due) {
                due = Some(due.map_or(hit.date, |d| d.max(hit.date)));
                due_dates.push(hit.date);
            }
            if hit.ambiguous {
                continue;
            }
            if let Some((rank, confidence)) = date_rank(label) {
                let stamped = clock_time_follows(&line.text, hit.end);
                let rank = rank + u8::from(stamped && rank == UNLABELLED_RANK);
                // A position's date under a bare "Date" column (a delivery, a service day) ranks
                // below an unlabelled date outside the table: the document's own, whose label
                // OCR garbled ("Dat 05/11/2024" over a table of October's deliveries).
                let rank = if label.is_none() && position_date(doc, idx, k, kind) { rank - 1 } else { rank };
                candidates.push(Candidate { rank, confidence, date: hit.date, stamped, blocks: false });
            } else if label == Some(DateLabel::Other) && !in_period(line, k) && period_end(line, k) {
                let blocker = Candidate {
                    rank: UNLABELLED_RANK,
                    confidence: GUESS,
                    date: hit.date,
                    stamped: false,
                    blocks: true,
                };
                candidates.push(blocker);
            }
        }
    }
    candidates.retain(|c| due.is_none_or(|due| c.date <= due));
    // An unlabelled date that a due label gives elsewhere is that due date printed again (OCR
    // put "Vencimiento" a row below its "30/04/2024"), not the document's.
    candidates.retain(|c| c.rank > UNLABELLED_RANK + 1 || !due_dates.contains(&c.date));
    let near = |date: &NaiveDate| near_period(*date, doc.period);
    let inside = candidates.iter().any(|c| near(&c.date));
    if inside {
        candidates.retain(|c| near(&c.date));
    }
    let top = candidates.iter().map(|c| c.rank).max()?;
    candidates.retain(|c| c.rank == top);
    // Two dates of the same rank: the one stamped with its clock time ("LE 19/03/24 A 06:32",
    // a till's transaction) is the document's, the other an event it mentions ("DEPOSE LE").
    let first = candidates.first()?.date;
    if candidates.iter().any(|c| c.date != first) && candidates.iter().any(|c| c.stamped) {
        candidates.retain(|c| c.stamped);
    }
    let best = candidates.first().filter(|c| !c.blocks)?;
    let (confidence, date) = (best.confidence, best.date);
    if candidates.iter().any(|c| c.date != date) {
        return None;
    }
    let confidence = if inside { confidence } else { confidence.min(WEAK_GUESS) };
    Some((date.to_string(), confidence))
}

/// The dates of the page that a label rules out as the document's: delivery, order, due and
/// payment dates, a period's ends, another document's dates. A second reading of the same page
/// (the word rows) that finds one of them without a label of its own has not read it better.
pub(super) fn ruled_out_dates(doc: &Doc, kind: Option<DocumentKind>) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for (idx, line) in doc.lines.iter().enumerate() {
        if line.dates.is_empty() {
            continue;
        }
        let labels = find_labels(&line.text, &DATE_LABELS);
        for (k, hit) in line.dates.iter().enumerate() {
            if date_rank(date_label(doc, idx, &labels, k, kind)).is_none() && !out.contains(&hit.date) {
                out.push(hit.date);
            }
        }
    }
    out
}

/// Whether a clock time ("17:09", "11:56:03", "A 06:32", "à 14h05", "at 9:41") follows a date
/// in its cell: a till receipt's or a terminal's stamp of the transaction.
fn clock_time_follows(text: &str, date_end: usize) -> bool {
    static CLOCK: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^\s{1,3}(?:(?:[àa]|at|um|om|alle|ore|-)\s{1,3})?\d{1,2}[:h]\d{2}(?::\d{2})?\b"));
    text.get(date_end..).is_some_and(|rest| CLOCK.is_match(rest))
}

pub(super) fn date_label(
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
    let mut before = labels.iter().rev().filter(|l| l.end <= hit.start && l.start >= from);
    // A label of another column ("Lieferant GmbH        05.03.2013": a word, then the gap
    // between two layout columns) does not name the date.
    // A label completed by another name of the same date ("Invoice Date / Tax Point   17/11/2024")
    // still names it.
    let beside = before.next().filter(|l| {
        let gap = line.text.get(l.end..hit.start).unwrap_or("");
        // A weekday before the date ("Datum      wo 09-10-2024 09:59") is part of it.
        let words = gap
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !WEEKDAY_WORD.is_match(w));
        !(gap.contains("  ") && words && !gap.trim_start().starts_with(['/', '=', '&']))
    });
    match beside {
        // A numbered document dated on a row that goes on with an amount is a row of a table:
        // a deposit invoice deducted ("Acompte – facture n° 2024-0750 du 14/01/2024   - 5 000,00
        // €"), a previous statement, not the document's own title.
        Some(label) if label.kind == DateLabel::Strong && quoted_in_a_row(line, label, hit.end) => {
            Some(DateLabel::Other)
        }
        Some(label) if dated_document(doc, idx, line, label, kind) => Some(DateLabel::Strong),
        // On a credit note, "Invoice Date" dates the invoice it credits ("Against Invoice
        // SI-44506", "Invoice Date 19/05/2024").
        Some(label)
            if label.kind == DateLabel::Strong
                && names_invoice_only(line.text.get(label.start..label.end).unwrap_or(""), kind) =>
        {
            Some(DateLabel::Other)
        }
        // A bare date word that dates another thing: followed by that thing ("Data trasloco:
        // 12-02-2024", "Datum Lieferung"), in a row of positions ("Excel - niveau 2   le
        // 24/03/2024   7 h   9   700,00 €   6 300,00 €"), or after an event's participle ("Né(e)
        // le"), or inside a sentence that goes on after it ("le 08/05/2024 (délai bancaire 2 à 5
        // jours ouvrés)", the end of "recrédit sur la carte bancaire" on the line above).
        Some(label)
            if label.kind == DateLabel::Weak
                && is_bare_date_word(&line.text, label)
                && (line.text.get(label.end..hit.start).is_some_and(qualifies_another_thing)
                    || money_after(line, hit.end) >= 2
                    || event_participle(&line.text, label)
                    || sentence_goes_on(&line.text, label, hit.end)) =>
        {
            Some(DateLabel::Other)
        }
        // "Livraison effectuée le", "Échéance le", "payée le", "Order Date", "Due Date": a bare
        // "le" or date word takes the kind of the label it completes in its cell; alone ("Paris,
        // le 12 mars", "Date: 12/03/2024") it stays a bare date word.
        Some(label) if label.kind == DateLabel::Weak && is_bare_date_word(&line.text, label) => {
            // A Spanish "del" ("Av. del Puerto 214, bajo Fecha:") labels nothing it does not stand
            // right before (the French "au" of "au plus tard le" still does).
            let same_cell = |earlier: &&Hit<DateLabel>| {
                let word = line.text.get(earlier.start..earlier.end).unwrap_or("");
                let preposition = word.eq_ignore_ascii_case("del");
                !preposition
                    && line.text.get(earlier.end..label.start).is_some_and(|gap| !gap.contains("  ") && gap.len() <= 40)
            };
            match before.next().filter(same_cell) {
                Some(earlier) => Some(earlier.kind),
                None if names_another_date(&line.text, label) => Some(DateLabel::Other),
                None => Some(DateLabel::Weak),
            }
        }
        Some(label) => Some(label.kind),
        // "Berlin, 12. März 2024", "Milano, 12 marzo 2024": a letter's place and date.
        None if letter_head(&line.text, from, hit.start) => Some(DateLabel::Weak),
        // "Orden de reparación OR-24-1305 (entrada 19/06/2024)": a date a word names in brackets
        // is an aside's.
        None if bracketed_aside(line.text.get(from..hit.start).unwrap_or("")) => Some(DateLabel::Other),
        // "bis 11.01.2024" under "Aufenthalt vom 30.12.2023": the end of a period whose start
        // OCR misread, even where it lost the gap before the word.
        None if period_end(line, k) => Some(DateLabel::Other),
        // A date under a bare "Data" column, in a row that opens with another document's
        // numbered mention ("Contratto di noleggio n. 52833/24   02-10-2024"), is that one's.
        None => {
            header_date_label(doc, idx, k, kind).filter(|label| !line_item_date(doc, idx, k, *label)).map(|label| {
                let head = line.text.get(..hit.start).unwrap_or("");
                let numbered_other = OTHER_DOCUMENT_WORD.is_match(head)
                    && head.bytes().any(|b| b.is_ascii_digit())
                    && !OWN_MENTION.iter().any(|m| m.is_match(head));
                if label == DateLabel::Weak && numbered_other {
                    DateLabel::Other
                } else {
                    label
                }
            })
        }
    }
}

/// Whether the `k`th date of a line is a position's: under a bare date column of a table of
/// positions ([`line_item_date`]), or further down that column, each date a few rows below the
/// one above it (only the table's first row stands right under the header).
fn position_date(doc: &Doc, idx: usize, k: usize, kind: Option<DocumentKind>) -> bool {
    if header_date_label(doc, idx, k, kind).is_some_and(|label| line_item_date(doc, idx, k, label)) {
        return true;
    }
    let (mut at, mut j) = (idx, k);
    // Each step goes up a row: the walk ends.
    while let Some((above, m)) = date_above_in_column(doc, at, j) {
        (at, j) = (above, m);
    }
    at != idx && header_date_label(doc, at, j, kind).is_some()
}

/// The date right above the `k`th date of a line in its column, both opening their cells, a
/// few rows up: the previous row of a column of dates.
fn date_above_in_column(doc: &Doc, idx: usize, k: usize) -> Option<(usize, usize)> {
    let line = doc.lines.get(idx)?;
    let hit = line.dates.get(k)?;
    if !opens_cell(line, hit.start) {
        return None;
    }
    let span = line.span_cols(hit.start, hit.end);
    std::iter::successors(doc.prev_non_blank(idx), |&i| doc.prev_non_blank(i)).take(COLUMN_ROWS).find_map(|i| {
        let above = doc.lines.get(i)?;
        let m = above
            .dates
            .iter()
            .position(|d| overlaps(span, above.span_cols(d.start, d.end)) && opens_cell(above, d.start))?;
        Some((i, m))
    })
}

/// How many rows below a position's date the next one of its column is looked for.
const COLUMN_ROWS: usize = 4;

/// A date under a bare "Datum" / "Date" column that shares its row with an amount is the date
/// of a position (a service day, a delivery) in the table of lines, not the document's: it
/// stays an unlabelled date, so that a labelled "Datum: 05.03.2013" above the table is not
/// contradicted by it.
/// Only a money amount (two decimals, "1.890,24") counts: the integers of a header row
/// ("Kunden-Nr. 1234", a page count) do not make it a position. OCR may move the amounts of a
/// table elsewhere: a date with another date a few rows below it, in the same column and opening its
/// cell, is a column of positions' dates too.
fn line_item_date(doc: &Doc, idx: usize, k: usize, label: DateLabel) -> bool {
    let Some(line) = doc.lines.get(idx) else { return false };
    let Some(hit) = line.dates.get(k) else { return false };
    let span = line.span_cols(hit.start, hit.end);
    // The next date of the column may be four rows down: OCR's rows put a position's amounts
    // on a row of their own, and a position may have no date (a second article of the same
    // delivery).
    let column = std::iter::successors(doc.next_non_blank(idx), |&i| doc.next_non_blank(i))
        .take(COLUMN_ROWS)
        .filter_map(|i| doc.lines.get(i))
        .any(|b| b.dates.iter().any(|d| overlaps(span, b.span_cols(d.start, d.end)) && opens_cell(b, d.start)));
    label == DateLabel::Weak && (column || money_after(line, hit.end) > 0)
}

/// Whether the text before a date or a number opens a bracket that a word follows ("(entrada ",
/// "(livré le ", "(delivered ", "(Tab. A p. III "): what follows is named inside an aside.
pub(super) fn bracketed_aside(before: &str) -> bool {
    let Some(open) = before.rfind(['(', '[']) else { return false };
    let inside = &before[open + 1..];
    !inside.contains([')', ']'])
        && inside.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// Whether the `k`th date of a line comes right after "until" ([`ends_a_period`]).
fn period_end(line: &Line, k: usize) -> bool {
    let from = if k == 0 { 0 } else { line.dates[k - 1].end };
    line.dates.get(k).is_some_and(|hit| ends_a_period(line.text.get(from..hit.start).unwrap_or("")))
}

/// Whether the word right before a date says "until" ("bis", "until", "till", "hasta", "tot",
/// "t/m"): the date ends a period (a stay, a service), whatever the line holds before it.
fn ends_a_period(before: &str) -> bool {
    static UNTIL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|\s)(?:bis|until|till|hasta|tot|t/m)\s*:?\s*$"));
    UNTIL.is_match(before)
}

/// Whether a date opens its cell, as a table's value does: no word stands before it there ("Albarán
/// nº 24-14035 de fecha 10/08/2024" is a sentence's date, whatever column it reaches).
fn opens_cell(line: &Line, start: usize) -> bool {
    let cell = last_cell(line.text.get(..start).unwrap_or(""));
    !cell.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Whether a label holding a document's number ("facture n° 2024-0750 du") dates a row that
/// goes on with a money amount.
fn quoted_in_a_row(line: &Line, label: &Hit<DateLabel>, date_end: usize) -> bool {
    let numbered = line.text.get(label.start..label.end).is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()));
    numbered && money_after(line, date_end) >= 1
}

/// How many money amounts (two decimals: "1.890,24") stand on a line after byte `from`.
fn money_after(line: &Line, from: usize) -> usize {
    line.amounts.iter().filter(|a| a.start >= from && is_money(line, a)).count()
}

/// Whether a date label names an invoice, and not a credit note, on a credit note.
fn names_invoice_only(words: &str, kind: Option<DocumentKind>) -> bool {
    kind == Some(DocumentKind::CreditNote) && INVOICE_MARK.is_match(words) && !CREDIT_MARK.is_match(words)
}

/// "Né(e) le", "Vacciné le", "Livrés le", "Épreuve prévue le", "Reçu le": a French past
/// participle right before a bare "le", in its cell, names an event (issue participles, "émise
/// le", "éditée le", are labels of their own). The "é" is read as printed: the extraction's
/// accent-tolerant patterns would take any word ending in "e" ("12 rue Ampère", a column away
/// from "Date :") for a participle. Participles in "-u" ("prévu(e)", "reçu", "rendu", "échu")
/// count in their four forms, and so does "-ée" printed without its accent ("PASSEE LE", a till
/// receipt's capitals). So does an infinitive after "à", a thing still to do: "à retirer le
/// sam. 27/04/24" (a cake ordered on a bakery's receipt), "à régler le".
fn event_participle(text: &str, label: &Hit<DateLabel>) -> bool {
    static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\p{L}(?:ée?s?|[ée]\(e\)s?|\p{L}ue?s?|\p{L}u\(e\)s?|\p{L}ees?) $|(?:^|\s)[àa]\s+\p{L}{2,}(?:er|ir|re) $")
            .expect("static regex pattern is valid")
    });
    let word = text.get(label.start..label.end).unwrap_or("");
    word.eq_ignore_ascii_case("le") && PARTICIPLE.is_match(text.get(..label.start).unwrap_or(""))
}

/// Whether the cell of a bare "le" goes on with words after its date (three of three letters or
/// more), or holds a sentence before it (four such words, none naming the document: "selon
/// l'attestation remise par le client le 02/02/2024"): the date is told in a sentence, as an
/// event's ("remboursé ... le 08/05/2024 (délai bancaire 2 à 5 jours)"), not given as the
/// document's.
fn sentence_goes_on(text: &str, label: &Hit<DateLabel>, date_end: usize) -> bool {
    let word = text.get(label.start..label.end).unwrap_or("");
    if !word.eq_ignore_ascii_case("le") {
        return false;
    }
    fn long_words(cell: &str) -> Vec<&str> {
        cell.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).collect()
    }
    let rest = text.get(date_end..).unwrap_or("");
    if long_words(rest.split("  ").next().unwrap_or("")).len() >= 3 {
        return true;
    }
    let head = text.get(..label.start).unwrap_or("");
    let before = long_words(head.rsplit("  ").next().unwrap_or(""));
    before.len() >= 4 && !before.iter().any(|w| OWN_MENTION.iter().any(|m| m.is_match(w)))
}

/// Words that may stand between a bare date word and its date without naming another thing: the
/// document itself ("Date facture", "Data documento", "Fecha emisión"), a weekday, a format hint.
static OWN_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{WEEKDAY}|doc\w*|fact\w*|fatt\w*|rechn\w*|invoice|bill\w*|avoir|gutschrift|credit\w*|re[çc]u|receipt|ticket|{}",
        r"vente|sale|[ée]mis\w*|emis\w*|expedici\w*|ausstell\w*|uitgifte|issue|tax|point|time|heure|uhrzeit|zeit|hora|ora|tijd|the|del?|du|of|la|le|di|van|der|den)$",
    ))
});

/// Whether the text between a bare date word and its date names something the date belongs to
/// ("trasloco", "Lieferung"); words in brackets ("(jj/mm/aaaa)") are format hints. Words after a
/// slash give the same date another name ("Date / tax point"), even where OCR garbled them
/// ("Date / t int"): another label among them is found as a label of its own.
fn qualifies_another_thing(gap: &str) -> bool {
    if gap.trim_start().starts_with('/') {
        return false;
    }
    let mut depth = 0usize;
    let mut word = String::new();
    let mut other = false;
    for c in gap.chars().chain(std::iter::once(' ')) {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if c.is_alphabetic() && depth == 0 => {
                word.push(c);
                continue;
            }
            _ => {}
        }
        // A weekday's abbreviation too: "Le mar. 23/04/24 à 07:28".
        if word.chars().count() >= 3 && !OWN_QUALIFIER.is_match(&word) && !WEEKDAY_WORD.is_match(&word) {
            other = true;
        }
        word.clear();
    }
    other
}

/// An English "Date" that a word of its own cell names as another thing's: "Survey Date",
/// "Start Date", "Installation Date" (English puts what a date is of before it, and a word
/// no label knows is not the document's). The document's own ("Tax Date", "Sales Date", "Print
/// Date") and words that join ("Number and Date") leave it a bare date word. The cell must hold
/// at most two words before it: in a line whose gaps OCR lost ("18 boulevard Foch Date
/// 02/08/2024"), the word before "Date" is another column's.
fn names_another_date(text: &str, label: &Hit<DateLabel>) -> bool {
    static OWN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:and|or|the|of|your|our|this|tax|sales?|print(?:ed)?|posting|current|today['’]?s?|doc|inv|bill|facture)$",
        )
    });
    if !text.get(label.start..label.end).is_some_and(|w| w.eq_ignore_ascii_case("date")) {
        return false;
    }
    let cell = last_cell(text.get(..label.start).unwrap_or(""));
    let Some(word) = cell.split_whitespace().next_back() else { return false };
    let words = cell.split_whitespace().count();
    cell.ends_with(' ')
        && words <= 2
        && word.len() >= 3
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && !OWN.is_match(word)
}

fn is_bare_date_word(text: &str, label: &Hit<DateLabel>) -> bool {
    text.get(label.start..label.end)
        .is_some_and(|word| ["le", "date", "datum", "fecha", "data"].iter().any(|bare| word.eq_ignore_ascii_case(bare)))
}

/// The place a letter is written from, right before its date: "Berlin, ", "Paris, le ",
/// "Berlin, den ", "Milano, lì ", at the start of a line or of a cell; no digit in it. A weekday
/// may stand before or after the article: "München, Dienstag, ", "Paris, le mardi ".
static LETTER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let head = r"(?:^|\s{2})\s*\p{Lu}[\p{L}'’.\-]+(?:[\s\-]\p{L}[\p{L}'’.\-]*){0,3},\s*";
    re(&format!(r"{head}(?:{WEEKDAY},?\s*)?(?:le|den|am|il|el|op|l[iì])?\s*(?:{WEEKDAY},?\s*)?$"))
});

/// Weekdays in the six languages, any case.
const WEEKDAY: &str = concat!(
    r"(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag",
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lunes|martes|mi[ée]rcoles|jueves|viernes",
    r"|s[áa]bado|domingo|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica)",
);

/// A weekday, written out or abbreviated, in the six languages: "wo", "Mi.", "Tue", "jeu.".
static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{WEEKDAY}|{})\.?,?$",
        r"mo|di|mi|do|fr|sa|so|ma|wo|vr|za|zo|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mi[ée]|jue|vie|s[áa]b|dom|gio"
    ))
});

fn letter_head(text: &str, from: usize, start: usize) -> bool {
    text.get(from..start).is_some_and(|before| LETTER_HEAD.is_match(before))
}

/// "Facture N° 12 du 03/02/2026": a "du" ("del", "of") that follows the document's own mention
/// dates it.
/// Also "Avoir n° A-12" with "du 2 mai 2024" on the line below, in the same box.
pub(super) fn dated_document(
    doc: &Doc,
    idx: usize,
    line: &Line,
    label: &Hit<DateLabel>,
    kind: Option<DocumentKind>,
) -> bool {
    let word = line.text.get(label.start..label.end).unwrap_or("");
    if label.kind != DateLabel::Other || !["du", "del", "of"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return false;
    }
    let same_line = line.text.get(..label.start).unwrap_or("");
    let cell_start = cell_at(&line.text, label.start, label.end).map_or(0, |c| c.start);
    let same_cell = line.text.get(cell_start..label.start).unwrap_or("");
    // The cell over the label, on one of the few lines above (the sender's address at the left
    // of a header box is not what the box says, and may run a line longer); else the line above.
    // After the number that opens its cell ("n. FE24-225 del"), over that number: the title
    // stands over the number's words, which a letterhead's long line must not pass before.
    let span = if NUMBER_OPENS.is_match(same_cell) {
        line.span_cols(cell_start, label.end)
    } else {
        line.span_cols(label.start, label.end)
    };
    let above = |idx: usize| -> Option<(usize, &str)> {
        let first = doc.prev_non_blank(idx)?;
        let mut at = idx;
        for _ in 0..3 {
            let Some(i) = doc.prev_non_blank(at) else { break };
            let line = doc.lines.get(i)?;
            if let Some(cell) = line.cell_over(span) {
                return Some((i, line.text.get(cell.start..cell.end).unwrap_or(&line.text)));
            }
            at = i;
        }
        Some((first, doc.lines.get(first)?.text.as_str()))
    };
    let above_text = |idx: usize| above(idx).map_or("", |(_, text)| text);
    // "NOTE D'HONORAIRES" over "n° A-618 du 28/05/2024": the number that opens the line is the
    // title's, above. A "du" alone in its cell reads the cell above: "FACTURE" over "N° RE-17"
    // over "du 15/01/2024" in a header box, the sender's address at the left of all three.
    let before: std::borrow::Cow<'_, str> = match above(idx) {
        Some((up, text)) if same_cell.trim().is_empty() && NUMBER_OPENS.is_match(text) => {
            format!("{} {text}", above_text(up)).into()
        }
        _ if same_cell.trim().is_empty() => above_text(idx).into(),
        _ if NUMBER_OPENS.is_match(same_cell) => format!("{} {same_line}", above_text(idx)).into(),
        _ => same_line.into(),
    };
    let own = match kind {
        Some(DocumentKind::Invoice) => OWN_MENTION.first(),
        Some(DocumentKind::CreditNote) => OWN_MENTION.get(1),
        Some(DocumentKind::Receipt) => OWN_MENTION.get(2),
        _ => None,
    };
    // The "du" follows the mention closely ("Facture d'acompte n° 3 du", "Avoir n° AV-12 du"); in
    // a sentence ("Cet avoir sera déduit de votre relevé de factures du"), it dates what stands
    // between.
    let close = |re: &Regex| {
        re.find_iter(&before)
            .last()
            .is_some_and(|m| before.get(m.end()..).unwrap_or("").split_whitespace().count() <= 4)
    };
    own.is_some_and(close) && !REFERENCE_WORD.is_match(&before)
}

pub(super) fn in_period(line: &Line, k: usize) -> bool {
    let gap = |a: &DateHit, b: &DateHit| line.text.get(a.end..b.start).is_some_and(|g| PERIOD_GAP.is_match(g));
    let before = k.checked_sub(1).and_then(|p| line.dates.get(p)).zip(line.dates.get(k));
    let after = line.dates.get(k).zip(line.dates.get(k + 1));
    before.is_some_and(|(a, b)| gap(a, b)) || after.is_some_and(|(a, b)| gap(a, b))
}

/// In a table ("Date    Échéance" over "15/03/2026    14/04/2026") the header above names the
/// date by column. A header with as many date labels as the row below has dates
/// ("Rechnungsdatum  Lieferdatum  Kundennummer" over "12.03.2024  10.03.2024  4711") pairs them
/// in order, whatever the spacing OCR kept; otherwise the columns decide.
/// The cells of a header line, as (kind, whether the cell names a date): labels that read as one
/// cell are merged ("Date de commande", "Date d'échéance", "Fecha entrega", "Due Date"), the
/// more specific kind winning over the bare date word.
fn header_cells(text: &str, heads: &[Hit<DateLabel>]) -> Vec<HeaderCell> {
    let word = |l: &Hit<DateLabel>| text.get(l.start..l.end).unwrap_or("");
    let mut cells: Vec<HeaderCell> = Vec::new();
    for l in heads {
        let dated = DATE_WORD.is_match(word(l));
        if let Some(last) = cells.last_mut() {
            let gap = text.get(last.end..l.start).unwrap_or("");
            let joined = if last.kind == DateLabel::Weak && l.kind != DateLabel::Weak {
                // "Fecha entrega", "Data consegna": a qualifier that is no date word itself;
                // "Datum Lieferdatum" are two cells, and so are "Datum Auftrags-Nr." (OCR keeps
                // one space between cells): a word that numbers something heads a number column.
                (CELL_CONNECTOR.is_match(gap) || (gap == " " && !dated))
                    && !NUMBER_SUFFIX.is_match(text.get(l.end..).unwrap_or(""))
            } else {
                last.kind != DateLabel::Weak
                    && l.kind == DateLabel::Weak
                    && gap == " "
                    && word(l).eq_ignore_ascii_case("date")
            };
            if joined {
                if last.kind == DateLabel::Weak {
                    last.kind = l.kind;
                }
                last.dated |= dated;
                last.end = l.end;
                continue;
            }
        }
        cells.push(HeaderCell { kind: l.kind, dated, start: l.start, end: l.end });
    }
    cells
}

/// A header cell: its labels read as one ("Due Date"), the kind that names it, whether it names
/// a date, and its bytes in the header line.
#[derive(Debug, Clone, Copy)]
struct HeaderCell {
    kind: DateLabel,
    dated: bool,
    start: usize,
    end: usize,
}

/// What joins a date word to its qualifier within one header cell: "de", "d'", "of", "di".
static CELL_CONNECTOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^ (?:de|d['’]|of|di|del|de\s+la|du|des|van|der)\s?$"));

/// What makes a header word the label of a number ("Auftrags-Nr.", "Order No", "Commande n°",
/// "Bestellnummer" is one word already).
static NUMBER_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:-|\s)?(?:nr\b|n\s?[°º]|no\b|num(?:ber|ero|éro)?\b|#)"));

/// Header words that name a date column, in every language.
static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)dat[eu]|datum|fecha|\bdata\b|termin|[ée]ch[ée]ance|vencim|scadenza|\bdue\b|f[äa]llig|vervaldatum")
});

/// How many lines of other columns may stand between a header row and its values.
pub(super) const ROWS_BETWEEN: usize = 2;

pub(super) fn header_date_label(doc: &Doc, idx: usize, k: usize, kind: Option<DocumentKind>) -> Option<DateLabel> {
    let line = doc.lines.get(idx)?;
    let hit = line.dates.get(k)?;
    let span = line.span_cols(hit.start, hit.end);
    // Lines of another column may stand between the header and its row ("FACTURA" at the left,
    // under "Nº factura   Fecha factura" and over their values; the sender's telephone and
    // e-mail, then a speck OCR read as a word): nothing of them over the date.
    let mut above_idx = doc.prev_non_blank(idx)?;
    for _ in 0..ROWS_BETWEEN {
        if doc.lines.get(above_idx).is_some_and(|l| l.dates.is_empty() && l.cell_over(span).is_none()) {
            above_idx = doc.prev_non_blank(above_idx).unwrap_or(above_idx);
        }
    }
    let above = doc.lines.get(above_idx)?;
    if !above.dates.is_empty() {
        return None;
    }
    // A cell of a table row holds the date alone: a date inside a sentence ("Bitte bis zum
    // 26. März zahlen") under a line that names dates is no column of it. A weekday is part of
    // the date ("Prochain rendez-vous :" over "mercredi 11/09/2024 à 16:30").
    let from = if k == 0 { 0 } else { line.dates[k - 1].end };
    let cell = last_cell(line.text.get(from..hit.start).unwrap_or(""));
    let word = |token: &str| {
        token.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !token.chars().any(|c| c.is_ascii_digit())
            && !WEEKDAY_WORD.is_match(token)
    };
    if cell.split_whitespace().any(word) {
        return None;
    }
    let heads = find_labels(&above.text, &DATE_LABELS);
    let cells = header_cells(&above.text, &heads);
    // On a credit note, "Date de facture" heads the credited invoice's date, as it does beside it.
    // A bare date word whose cell goes on with what the date is of ("Date of visit", "Data di
    // collaudo") heads that thing's dates, as it does beside a date.
    let label_of = |cell: &HeaderCell| {
        let text = above.text.get(cell.start..cell.end).unwrap_or("");
        let qualified = cell.kind == DateLabel::Weak
            && DATE_WORD.is_match(text)
            && of_another_thing(above.text.get(cell.end..).unwrap_or(""));
        if (names_invoice_only(text, kind) && cell.kind == DateLabel::Strong) || qualified {
            DateLabel::Other
        } else {
            cell.kind
        }
    };
    let paired = (line.dates.len() >= 2)
        .then(|| {
            // "Rechnungsdatum  Auftragsnummer  Lieferdatum": the order number's cell holds no date.
            let dated: Vec<HeaderCell> = cells.iter().copied().filter(|c| c.dated).collect();
            let found = [&cells, &dated].into_iter().find(|paired| paired.len() == line.dates.len());
            found.map(|paired| paired.get(k).map(label_of))
        })
        .flatten();
    // OCR keeps one space between header cells: a date under two cells belongs to the one it
    // overlaps most ("Date de facture Échéance" over "29 avril 2025 13 juin 2025"). A cell is
    // read whole: under "DUE DATE", the date is due even where it lies under "DATE" only.
    let shared = |c: &HeaderCell| {
        let (start, end) = above.span_cols(c.start, c.end);
        end.min(span.1) as isize - start.max(span.0) as isize
    };
    let under = cells
        .iter()
        .filter(|c| overlaps(span, above.span_cols(c.start, c.end)))
        .max_by_key(|c| (shared(c), Reverse(c.start)));
    let label = paired.unwrap_or_else(|| under.map(label_of))?;
    // "Albarán   Fecha" over "13198   22/07/24": a bare date column right after a column that
    // names another document (a delivery note, an order), its number on the row, dates that one.
    let of_other_document = under.is_some_and(|c| {
        let before = above.text.get(..c.start).unwrap_or("");
        let words: Vec<&str> = before.split_whitespace().collect();
        let head = words[words.len().saturating_sub(3)..].join(" ");
        OTHER_DOCUMENT_WORD.is_match(&head) && !names_own_number(&above.text, kind)
    });
    let numbered_row = line.text.get(from..hit.start).is_some_and(|lead| lead.bytes().any(|b| b.is_ascii_digit()));
    if label == DateLabel::Weak && of_other_document && numbered_row {
        return Some(DateLabel::Other);
    }
    // "Nº FACTURA   FECHA   Nº CLIENTE" over "FV24-0191   03/08/2024   00849": a bare date
    // column beside the document's own number label dates the document, as "Fecha factura"
    // would (an event's "Fecha: 31/07/2024" elsewhere on the page does not). Not a row of a
    // table of positions (amounts on it, dates under it): a statement's list of invoices.
    if label == DateLabel::Weak && names_own_number(&above.text, kind) && !line_item_date(doc, idx, k, label) {
        return Some(DateLabel::Strong);
    }
    Some(label)
}

/// Whether a header cell goes on, after its date word, with a connector and a word naming what
/// the date is of: " of visit", " di collaudo", " der Abnahme" (not the document's own: " of
/// issue", " de facture"). Only after a connector: OCR keeps one space between header cells,
/// and a bare word there may head the next column.
fn of_another_thing(rest: &str) -> bool {
    static CONNECTED: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^ ?(?:of|de|d['’]|du|di|del|della|dello|van|der|des)\s?(\p{L}{3,})\b"));
    CONNECTED.captures(rest).and_then(|caps| caps.get(1)).is_some_and(|w| qualifies_another_thing(w.as_str()))
}

/// Whether a header line holds the label of the document's own number: "Nº FACTURA", "Invoice
/// No.", "Rechnungs-Nr." (on a credit note, an invoice's number label is the credited one's).
fn names_own_number(text: &str, kind: Option<DocumentKind>) -> bool {
    find_labels(text, &NUMBER_LABELS).iter().any(|label| {
        let own = matches!(label.kind, NumberLabel::Invoice | NumberLabel::CreditNote | NumberLabel::Receipt);
        own && number_priority(label.kind, kind) >= 4 && !QUOTED_NUMBER.is_match(window_before(text, label.start, 40))
    })
}
