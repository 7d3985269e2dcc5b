//! The fields extracted from a document, whatever the source (e-invoice XML, PDF text layer,
//! OCR). Serialized as the `fields` object of `GET .../files/:idFile/ocr`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a value was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Parsed from an e-invoice's XML (Factur-X/ZUGFeRD CII, bare CII, UBL 2.1): exact.
    Xml,
    /// Read from a PDF's text layer.
    TextLayer,
    /// Read by OCR from pixels.
    Ocr,
}

/// One extracted value with how sure we are and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Field<T> {
    pub value: T,
    /// 0.0 to 1.0. XML values are 1.0; checksummed identifiers that verify score high.
    pub confidence: f32,
    pub source: Source,
    /// Text layer and OCR only: the page (1-based) where the value is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where on that page, as `[left, top, width, height]` in pixels of the image Tesseract read
    /// (300 dpi for PDF pages), from Tesseract's word boxes of the same run; for a PDF's text
    /// layer, in pixels of the page rendered at 300 dpi, from `pdftotext -bbox-layout`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[u32; 4]>,
}

impl<T> Field<T> {
    pub fn new(value: T, confidence: f32, source: Source) -> Self {
        Self { value, confidence: confidence.clamp(0.0, 1.0), source, page: None, bbox: None }
    }
}

/// One word read by Tesseract, from its `tsv` output: page (1-based within the image run),
/// text and box in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub bbox: [u32; 4],
    /// Block, paragraph and line numbers: words of one line share them.
    pub line: (u32, u32, u32),
    /// How sure the recognition is of the word's characters, 0 to 100 (Tesseract's `conf`;
    /// 100 for a PDF's text layer).
    pub conf: u8,
}

/// Parses Tesseract's `tsv` output into words per page (index 0 is the image's first page).
/// Lines that are not words (level < 5) or empty words are skipped; malformed lines too.
pub fn parse_tsv(tsv: &str) -> Vec<Vec<Word>> {
    let mut pages: Vec<Vec<Word>> = Vec::new();
    for (index, word) in tsv_words(tsv) {
        if word.text.is_empty() {
            continue;
        }
        if pages.len() <= index {
            pages.resize_with(index + 1, Vec::new);
        }
        pages[index].push(word);
    }
    pages
}

/// Every word row of a `tsv` output, blank ones included, with its page index (0-based).
fn tsv_words(tsv: &str) -> impl Iterator<Item = (usize, Word)> + '_ {
    tsv.lines().skip(1).filter_map(|row| {
        let cols: Vec<&str> = row.split('\t').collect();
        let [level, page, block, par, line, _word, left, top, width, height, conf, text] = cols[..] else {
            return None;
        };
        let num = |s: &str| s.trim().parse::<u32>().ok();
        let (Some(5), Some(page), Some(left), Some(top), Some(width), Some(height)) =
            (num(level), num(page), num(left), num(top), num(width), num(height))
        else {
            return None;
        };
        if page == 0 || page > 10_000 {
            return None;
        }
        let line = (num(block).unwrap_or(0), num(par).unwrap_or(0), num(line).unwrap_or(0));
        let conf = conf.trim().parse::<f32>().map_or(0, |c| c.clamp(0.0, 100.0).round() as u8);
        Some((page as usize - 1, Word { text: text.trim().to_owned(), bbox: [left, top, width, height], line, conf }))
    })
}

/// How many times the page's usual word height a blank word must be, both ways, to be a block.
const BLANK_BLOCK_LINES: u32 = 3;
/// A blank word's least height, in pixels, on a page without any word read.
const BLANK_PAGE_BLOCK: u32 = 40;

/// Regions Tesseract's page layout analysis marked as a block of text and then read as one
/// blank word the size of the block: a till receipt's totals between two dashed rules, lost
/// whole (measured: a clean scan's "TOTAL TTC 118,30" and its VAT table, 211 px high, came
/// back as one word " "). Their boxes per page (index 0 is the image's first page); a blank
/// word counts when it is at least three of the page's usual word heights high and wide.
pub fn blank_blocks(tsv: &str) -> Vec<Vec<[u32; 4]>> {
    let mut heights: Vec<Vec<u32>> = Vec::new();
    let mut blanks: Vec<(usize, [u32; 4])> = Vec::new();
    for (index, word) in tsv_words(tsv) {
        if heights.len() <= index {
            heights.resize_with(index + 1, Vec::new);
        }
        if word.text.is_empty() {
            blanks.push((index, word.bbox));
        } else {
            heights[index].push(word.bbox[3]);
        }
    }
    let least: Vec<u32> = heights
        .iter_mut()
        .map(|page| {
            page.sort_unstable();
            page.get(page.len() / 2).map_or(BLANK_PAGE_BLOCK, |h| h.saturating_mul(BLANK_BLOCK_LINES))
        })
        .collect();
    let mut pages: Vec<Vec<[u32; 4]>> = vec![Vec::new(); heights.len()];
    for (index, bbox) in blanks {
        let least = least[index];
        if bbox[2] >= least && bbox[3] >= least {
            pages[index].push(bbox);
        }
    }
    pages
}

/// The words of a second reading (`again`) that stand inside the blank blocks of the first
/// (`blanks`, from [`blank_blocks`]), per page, on lines of their own (block numbers past the
/// first reading's).
pub fn words_in_blanks(blanks: &[Vec<[u32; 4]>], again: Vec<Vec<Word>>) -> Vec<Vec<Word>> {
    let inside = |b: &[u32; 4], w: &Word| {
        let (x, y) = (w.bbox[0] + w.bbox[2] / 2, w.bbox[1] + w.bbox[3] / 2);
        b[0] <= x && x <= b[0] + b[2] && b[1] <= y && y <= b[1] + b[3]
    };
    again
        .into_iter()
        .enumerate()
        .map(|(index, words)| {
            let Some(boxes) = blanks.get(index) else { return Vec::new() };
            words
                .into_iter()
                .filter(|w| boxes.iter().any(|b| inside(b, w)))
                .map(|w| Word { line: (w.line.0 + RECOVERED_BLOCKS, w.line.1, w.line.2), ..w })
                .collect()
        })
        .collect()
}

/// Block numbers of words recovered from blank blocks start here.
const RECOVERED_BLOCKS: u32 = 100_000;

impl Word {
    /// Whether the word was read again inside a block the first reading lost ([`words_in_blanks`]).
    pub fn recovered(&self) -> bool {
        self.line.0 >= RECOVERED_BLOCKS
    }
}

/// A text layer's words are its characters: sure.
const TEXT_LAYER_CONF: u8 = 100;

/// Scale from PDF points (1/72 in) to pixels of a 300 dpi rendering, the grid of OCR'd pages.
const POINTS_TO_300_DPI: f64 = 300.0 / 72.0;

/// Parses `pdftotext -bbox-layout` output (XHTML: `<page>`, `<block>`, `<line>`, `<word xMin
/// yMin xMax yMax>`) into words per page, boxes in pixels at 300 dpi like OCR'd pages, so that
/// text-layer fields are located the same way. Malformed words are skipped.
pub fn parse_bbox_layout(xhtml: &str) -> Vec<Vec<Word>> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(concat!(
            r#"<(page|block|line)\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">"#,
            r"([^<]*)</word>",
        ))
        .expect("static regex pattern is valid")
    });
    let mut pages: Vec<Vec<Word>> = Vec::new();
    let (mut block, mut line) = (0u32, 0u32);
    for caps in TAG.captures_iter(xhtml) {
        match caps.get(1).map(|m| m.as_str()) {
            Some("page") => pages.push(Vec::new()),
            Some("block") => block += 1,
            Some(_) => line += 1,
            None => {
                let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<f64>().ok());
                let (Some(x0), Some(y0), Some(x1), Some(y1)) = (num(2), num(3), num(4), num(5)) else { continue };
                let text = unescape(caps.get(6).map_or("", |m| m.as_str()).trim());
                let Some(page) = pages.last_mut() else { continue };
                if text.is_empty() || x1 < x0 || y1 < y0 {
                    continue;
                }
                let px = |v: f64| (v * POINTS_TO_300_DPI).round().clamp(0.0, f64::from(u32::MAX)) as u32;
                let bbox = [px(x0), px(y0), px(x1 - x0), px(y1 - y0)];
                page.push(Word { text, bbox, line: (block, 0, line), conf: TEXT_LAYER_CONF });
            }
        }
    }
    pages
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Document kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    Invoice,
    CreditNote,
    Receipt,
    Other,
}

/// One line of a VAT breakdown. Amounts are decimal strings with two decimals ("1234.56");
/// the rate is a percentage as a decimal string ("20", "5.5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VatLine {
    pub rate: String,
    pub taxable_amount: Option<String>,
    pub tax_amount: String,
}

/// Every field is absent (not serialized) when not found. Amounts are decimal strings
/// ("1234.56"), dates `YYYY-MM-DD`, identifiers without spaces.
///
/// Sign convention: a credit note's totals and VAT lines are the amounts it credits, positive,
/// from every source (an EN 16931 credit note, type 381, carries them positive in its XML; a
/// printed "Avoir" or "Gutschrift" showing "-120,00" is reported "120.00"); `kind: credit-note`
/// says which way they go.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Fields {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub kind: Option<Field<DocumentKind>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub date: Option<Field<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub invoice_number: Option<Field<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub supplier_name: Option<Field<String>>,
    /// 9 digits, Luhn-valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub siren: Option<Field<String>>,
    /// 14 digits, Luhn-valid (La Poste's SIRETs excepted per INSEE rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub siret: Option<Field<String>>,
    /// Intra-EU VAT number; French ones have a verified key.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub vat_number: Option<Field<String>>,
    /// Mod-97 verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub iban: Option<Field<String>>,
    /// ISO 4217 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub currency: Option<Field<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub total_excluding_tax: Option<Field<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub total_tax: Option<Field<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub total_including_tax: Option<Field<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub vat_breakdown: Option<Field<Vec<VatLine>>>,
    /// Whether total excluding tax + total tax = total including tax (to the cent), present only
    /// next to all three totals. From text or OCR it is only ever `true`: when the totals read
    /// do not add up (whatever combination of the readings is tried), the total excluding tax
    /// and the total tax are withheld, and the total including tax stays only if its own label
    /// names it ("Total TTC", "Net à payer"), with a confidence of 0.5 at most. From an
    /// e-invoice's XML the amounts are the document's own, and `false` says the document does
    /// not add up.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub consistent: Option<Field<bool>>,
    /// How the totals were decided, for `coffre ocr run --explain` and the accuracy benchmarks:
    /// the rule that answered and the strength of each reading. Not part of the API.
    #[serde(skip)]
    #[schema(ignore)]
    pub totals_rule: Option<String>,
    /// Found no date: the dates (ISO) a label ruled out as the document's (delivery, due, a
    /// period's end, another document's), so that a second reading of the page does not report
    /// one of them unlabelled. Not part of the API.
    #[serde(skip)]
    #[schema(ignore)]
    pub ruled_out_dates: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /// Each word keeps Tesseract's confidence, rounded to a whole number; a value that is not
    /// a number reads as 0.
    #[test]
    fn a_words_confidence_is_kept() {
        let tsv = [
            HEADER,
            "5\t1\t1\t1\t1\t1\t10\t10\t90\t14\t56.4\t24102068\n",
            "5\t1\t1\t1\t1\t2\t110\t10\t40\t14\tx\tdu\n",
        ]
        .concat();
        let confs: Vec<u8> = parse_tsv(&tsv)[0].iter().map(|w| w.conf).collect();
        assert_eq!(confs, [56, 0]);
    }

    /// The receipt's totals block came back as one blank word 211 px high among words 13 to 17
    /// px high: that block, and only it, is lost; a blank word of a line's size is not.
    #[test]
    fn a_blank_word_the_size_of_a_block_is_a_lost_block_and_its_words_are_read_again() {
        let tsv = [
            HEADER,
            "5\t1\t2\t9\t1\t1\t35\t599\t9\t13\t94\t2\n",
            "5\t1\t2\t9\t1\t2\t58\t599\t68\t13\t94\tCOGNAC\n",
            "5\t1\t2\t9\t1\t5\t523\t599\t56\t17\t93\t16,00\n",
            "5\t1\t3\t1\t1\t1\t18\t618\t594\t211\t95\t \n",
            "5\t1\t4\t1\t1\t1\t24\t845\t82\t14\t92\tESPECES\n",
            "5\t1\t4\t1\t1\t2\t537\t845\t70\t17\t96\t120,00\n",
            "5\t1\t4\t1\t2\t1\t300\t873\t30\t16\t96\t \n",
        ]
        .concat();
        let blanks = blank_blocks(&tsv);
        assert_eq!(blanks, vec![vec![[18, 618, 594, 211]]]);
        assert_eq!(parse_tsv(&tsv)[0].len(), 5);
        let word =
            |text: &str, bbox: [u32; 4], line: u32| Word { text: text.into(), bbox, line: (1, 1, line), conf: 96 };
        let again = vec![vec![
            word("COGNAC", [58, 599, 68, 13], 1),
            word("TOTAL", [22, 630, 130, 25], 2),
            word("118,30", [420, 630, 110, 25], 2),
            word("ESPECES", [24, 845, 82, 14], 3),
        ]];
        let found = words_in_blanks(&blanks, again);
        let texts: Vec<&str> = found[0].iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["TOTAL", "118,30"]);
        assert!(found[0].iter().all(|w| w.line.0 > 4));
        assert!(blank_blocks(&[HEADER, "5\t1\t1\t1\t1\t1\t10\t10\t30\t16\t96\tTotal\n"].concat())[0].is_empty());
    }
}
