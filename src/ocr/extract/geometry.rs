//! Word-box geometry: Tesseract's `tsv` (written by the same run as the text), or a text
//! layer's `pdftotext -bbox-layout`, laid out again one string per visual row with columns kept
//! apart by spaces.
//!
//! Tesseract's text follows its blocks: a boxed totals table, a sidebar or labels stacked above
//! their amounts come out as a block of labels, then a block of amounts. Rebuilt from the boxes,
//! a label and its amount share a row again (or sit in the same columns of two rows), which the
//! text rules already read. Used as a second reading, never instead of the text: see
//! [`super::extract_with_words`].

use crate::ocr::fields::Word;

/// Words whose vertical centres are this close (in fractions of the row's height) share a row.
const ROW_TOLERANCE: f32 = 0.5;
/// A layout is bounded like any text: beyond this many columns a row is cut.
const MAX_COLUMNS: usize = 400;

/// The page's words laid out in rows and character columns.
pub fn relayout(words: &[Word]) -> String {
    let words: Vec<&Word> = words.iter().filter(|w| w.bbox[2] > 0 && w.bbox[3] > 0).collect();
    if words.is_empty() {
        return String::new();
    }
    let chars: u64 = words.iter().map(|w| w.text.chars().count().max(1) as u64).sum();
    let width: u64 = words.iter().map(|w| u64::from(w.bbox[2])).sum();
    let char_width = (width as f32 / chars as f32).max(1.0);
    let mut rows = rows(&words);
    let mut out = String::new();
    for row in &mut rows {
        row.sort_by_key(|w| w.bbox[0]);
        let line = layout_row(row, char_width);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn centre(word: &Word) -> f32 {
    word.bbox[1] as f32 + word.bbox[3] as f32 / 2.0
}

/// A word at most this fraction of its row's usual height ("-", "rue", "·") is a small one.
const SMALL_WORD: f32 = 0.7;

/// Groups words into visual rows: sorted by their vertical centre, a word joins the current row
/// when its centre lies within the row's tolerance band. The band is the smaller of the row's
/// and the word's heights, so that a tall box (a table rule read as "|") does not swallow the
/// next line; for a small word ("-", "rue": no capital, no ascender), whose own height would
/// leave it alone, it is the row's median height.
fn rows<'a>(words: &[&'a Word]) -> Vec<Vec<&'a Word>> {
    let mut sorted = words.to_vec();
    sorted.sort_by(|a, b| centre(a).total_cmp(&centre(b)));
    let mut rows: Vec<Vec<&Word>> = Vec::new();
    let mut band: Option<(f32, f32)> = None; // (centre of the row, height)
    let mut heights: Vec<f32> = Vec::new();
    for word in sorted {
        let c = centre(word);
        let h = word.bbox[3] as f32;
        let joins = band.is_some_and(|(rc, rh)| {
            let usual = median(&heights);
            (c - rc).abs() <= ROW_TOLERANCE * rh.min(h).max(1.0)
                || h <= SMALL_WORD * usual && (c - rc).abs() <= ROW_TOLERANCE * usual
        });
        match (band, rows.last_mut()) {
            (Some((rc, rh)), Some(row)) if joins => {
                let n = row.len() as f32;
                band = Some(((rc * n + c) / (n + 1.0), rh.max(h)));
                row.push(word);
                heights.push(h);
            }
            _ => {
                band = Some((c, h));
                rows.push(vec![word]);
                heights.clear();
                heights.push(h);
            }
        }
    }
    rows
}

fn median(values: &[f32]) -> f32 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f32::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
}

/// One row as text: each word at the column of its left edge, at least one space after the
/// previous word, two when the gap between them is wider than a character.
fn layout_row(row: &[&Word], char_width: f32) -> String {
    let mut line = String::new();
    let mut col = 0usize;
    let mut prev_right: Option<u32> = None;
    for word in row {
        let want = (word.bbox[0] as f32 / char_width).round() as usize;
        let min = match prev_right {
            None => 0,
            Some(right) => {
                let gap = word.bbox[0].saturating_sub(right) as f32;
                col + if gap > 1.5 * char_width { 2 } else { 1 }
            }
        };
        let at = if prev_right.is_some_and(|right| (word.bbox[0].saturating_sub(right) as f32) <= 1.5 * char_width) {
            min
        } else {
            want.max(min)
        };
        if at > MAX_COLUMNS {
            break;
        }
        line.extend(std::iter::repeat_n(' ', at - col));
        line.push_str(&word.text);
        col = at + word.text.chars().count();
        prev_right = Some(word.bbox[0].saturating_add(word.bbox[2]));
    }
    line
}
