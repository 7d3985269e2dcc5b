//! The pipeline: for each document, the cheapest exact source first.
//! - e-invoice XML (bare CII/UBL, or embedded in a Factur-X PDF): parsed, no OCR;
//! - PDF pages with a text layer: `pdftotext -layout`, no OCR;
//! - other PDF pages: rasterized at 300 dpi (`pdftoppm -gray`) and read by Tesseract;
//! - images (JPEG, PNG, TIFF with several pages, WebP, GIF): Tesseract.
//!
//! Tesseract runs as a process per page with `OMP_THREAD_LIMIT=1`. Every external program
//! (pdfinfo, pdftotext, pdfdetach, pdftoppm, tesseract) runs under one limit of parallel
//! runs shared by every job of the process, with one fixed timeout and capped output.
//!
//! Limits: at most [`MAX_PAGES`] pages, an e-invoice XML of at most [`MAX_XML_BYTES`], a
//! program's output of at most [`MAX_TEXT_OUTPUT`].

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::Hints;
use super::fields::{blank_blocks, parse_bbox_layout, parse_tsv, words_in_blanks, Fields, Source, Word};
use super::tools::Tools;
use super::{einvoice, extract, OcrError};

/// Most pages read in one document.
pub const MAX_PAGES: u32 = 500;
/// Largest e-invoice XML read, bare or embedded in a PDF.
pub const MAX_XML_BYTES: usize = 10 * 1024 * 1024;
/// Most text a program may print (pdftotext of every page, tesseract of a TIFF).
pub const MAX_TEXT_OUTPUT: usize = 16 * 1024 * 1024;
/// Most a program may print where only a listing is expected (pdfinfo, pdfdetach -list, pdftoppm).
const MAX_SMALL_OUTPUT: usize = 256 * 1024;

/// A page needs OCR when its text layer has fewer visible characters than this.
const MIN_TEXT_LAYER_CHARS: usize = 16;
/// Longest XML kept as a page's text.
const MAX_XML_TEXT: usize = 256 * 1024;

#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Tesseract languages, e.g. `fra+eng`.
    pub languages: String,
    /// How long any one program run may take (fixed: never scaled by a page count).
    pub page_timeout: Duration,
    /// External programs run at once by this process.
    pub parallel_pages: usize,
}

impl Default for EngineConfig {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self { languages: "fra+eng".into(), page_timeout: Duration::from_secs(120), parallel_pages: cores }
    }
}

/// One page of a result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PageText {
    pub number: u32,
    pub text: String,
    pub source: Source,
    /// Word boxes: Tesseract's, from the run that wrote `text`, or `pdftotext -bbox-layout`'s for
    /// a text layer. Not stored.
    #[serde(skip)]
    #[schema(ignore)]
    pub words: Vec<Word>,
}

/// What a run produced.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcrOutput {
    pub pages: Vec<PageText>,
    pub fields: Fields,
    /// Pages read by OCR: the pages that cost credits.
    pub pages_ocr: u32,
    pub engine: String,
}

/// What a document needs, known before running it: the basis of the credit reservation.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub pages: u32,
    plan: Plan,
}

#[derive(Debug, Clone)]
enum Plan {
    Xml,
    FacturX { attachment: u32, texts: Vec<String> },
    Pdf { texts: Vec<String> },
    Image,
}

impl Analysis {
    /// Pages that will need OCR (and credits).
    pub fn ocr_pages(&self) -> u32 {
        match &self.plan {
            Plan::Xml | Plan::FacturX { .. } => 0,
            Plan::Pdf { texts } => texts.iter().filter(|t| !has_text_layer(t)).count() as u32,
            Plan::Image => self.pages,
        }
    }
}

#[derive(Clone)]
pub struct Engine {
    config: EngineConfig,
    tools: Tools,
}

impl Engine {
    pub fn new(config: EngineConfig) -> Self {
        let tools = Tools::new(config.parallel_pages, config.page_timeout);
        Self { config, tools }
    }

    /// Inspects a stored file of type `mime` without OCR'ing anything.
    pub async fn analyze(&self, path: &Path, mime: &str) -> Result<Analysis, OcrError> {
        match mime {
            "application/xml" | "text/xml" => {
                let xml = read_xml_file(path).await?;
                einvoice::detect(&xml).ok_or(OcrError::NotAnInvoice)?;
                Ok(Analysis { pages: 1, plan: Plan::Xml })
            }
            "application/pdf" => self.analyze_pdf(path).await,
            "image/tiff" => Ok(Analysis { pages: count_tiff_pages(path).await?, plan: Plan::Image }),
            "image/jpeg" | "image/png" | "image/webp" | "image/gif" => Ok(Analysis { pages: 1, plan: Plan::Image }),
            other => Err(OcrError::Unsupported(other.to_owned())),
        }
    }

    async fn analyze_pdf(&self, path: &Path) -> Result<Analysis, OcrError> {
        let info = self.tools.run("pdfinfo", [path], MAX_SMALL_OUTPUT).await?;
        if !info.success {
            return Err(if info.stderr.contains("password") {
                OcrError::Encrypted
            } else {
                OcrError::Unreadable("PDF")
            });
        }
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|v| v.trim().parse::<u32>().ok())
            .ok_or(OcrError::Unreadable("PDF"))?;
        if pages > MAX_PAGES {
            return Err(OcrError::TooManyPages(MAX_PAGES));
        }
        let args = [path.as_os_str(), "-layout".as_ref(), "-enc".as_ref(), "UTF-8".as_ref(), "-".as_ref()];
        let text = self.tools.run("pdftotext", args, MAX_TEXT_OUTPUT).await?;
        if !text.success {
            return Err(OcrError::Unreadable("PDF"));
        }
        let mut texts: Vec<String> = String::from_utf8_lossy(&text.stdout).split('\u{c}').map(str::to_owned).collect();
        texts.resize(pages as usize, String::new());
        match self.find_einvoice_attachment(path).await? {
            Some(attachment) => Ok(Analysis { pages, plan: Plan::FacturX { attachment, texts } }),
            None => Ok(Analysis { pages, plan: Plan::Pdf { texts } }),
        }
    }

    /// The index (for `pdfdetach -save`) of a Factur-X/ZUGFeRD XML attachment.
    async fn find_einvoice_attachment(&self, path: &Path) -> Result<Option<u32>, OcrError> {
        let listed = self.tools.run("pdfdetach", ["-list".as_ref(), path.as_os_str()], MAX_SMALL_OUTPUT).await?;
        if !listed.success {
            return Ok(None);
        }
        let listing = String::from_utf8_lossy(&listed.stdout).into_owned();
        Ok(listing.lines().find_map(|line| {
            let (index, name) = line.split_once(": ")?;
            einvoice::is_embedded_invoice_name(name.trim()).then(|| index.trim().parse().ok()).flatten()
        }))
    }

    /// Reads a document: text per page and the extracted fields.
    pub async fn run(&self, path: &Path, mime: &str) -> Result<OcrOutput, OcrError> {
        let analysis = self.analyze(path, mime).await?;
        self.read(path, analysis).await
    }

    /// Reads a document already analyzed (by [`Engine::analyze`]).
    pub async fn read(&self, path: &Path, analysis: Analysis) -> Result<OcrOutput, OcrError> {
        self.read_with(path, analysis, Hints::default()).await
    }

    /// [`Engine::read`], with what is known of the document (its fiscal year) to check the
    /// text and OCR extraction against. E-invoice XML is read as it is.
    pub async fn read_with(&self, path: &Path, analysis: Analysis, hints: Hints) -> Result<OcrOutput, OcrError> {
        match analysis.plan {
            Plan::Xml => read_xml(path).await,
            Plan::FacturX { attachment, texts } => self.read_facturx(path, attachment, texts).await,
            Plan::Pdf { texts } => self.read_pdf(path, texts, hints).await,
            Plan::Image => self.read_image(path, analysis.pages, hints).await,
        }
    }

    async fn read_facturx(&self, path: &Path, attachment: u32, texts: Vec<String>) -> Result<OcrOutput, OcrError> {
        // Saved to the pipe rather than a file, so the cap holds however much it inflates.
        let index = attachment.to_string();
        let args = ["-save".as_ref(), index.as_ref(), "-o".as_ref(), "/dev/stdout".as_ref(), path.as_os_str()];
        let saved = match self.tools.run("pdfdetach", args, MAX_XML_BYTES).await {
            Err(OcrError::OutputTooLarge(_)) => return Err(OcrError::XmlTooLarge(MAX_XML_BYTES / (1024 * 1024))),
            other => other?,
        };
        if !saved.success {
            return Err(OcrError::Unreadable("Factur-X PDF"));
        }
        let xml = saved.stdout;
        let fields = einvoice::parse(&xml).map_err(|_| OcrError::NotAnInvoice)?;
        let pages = numbered(texts, Source::TextLayer);
        Ok(OcrOutput { pages, fields, pages_ocr: 0, engine: "factur-x".into() })
    }

    async fn read_pdf(&self, path: &Path, texts: Vec<String>, hints: Hints) -> Result<OcrOutput, OcrError> {
        let dir = scratch_dir()?;
        let tasks = texts.into_iter().enumerate().map(|(i, text)| {
            let number = i as u32 + 1;
            let dir = dir.path().to_owned();
            async move {
                if has_text_layer(&text) {
                    let page = PageText { number, text, source: Source::TextLayer, words: Vec::new() };
                    return Ok((page, Vec::new()));
                }
                let mut read = self.ocr_pdf_page(path, number, &dir).await?;
                let words = if read.words.is_empty() { Vec::new() } else { read.words.swap_remove(0) };
                let blanks = if read.blanks.is_empty() { Vec::new() } else { read.blanks.swap_remove(0) };
                Ok((PageText { number, text: read.text, source: Source::Ocr, words }, blanks))
            }
        });
        let (mut pages, blanks): (Vec<PageText>, Vec<Vec<Blank>>) =
            futures_util::future::try_join_all(tasks).await?.into_iter().unzip();
        if pages.iter().any(|p| p.source == Source::TextLayer) {
            self.text_layer_boxes(path, &mut pages).await;
        }
        let mut fields = self.fields(&pages, hints);
        if lost_blocks_wanted(&fields, &blanks) {
            // Each page with a lost block is rendered again (the same image: pdftoppm is
            // deterministic) rather than kept on disk from the first reading, which rarely
            // needs it.
            let again = pages.iter().zip(&blanks).filter(|(_, b)| !b.is_empty()).map(|(page, blanks)| {
                let dir = dir.path().to_owned();
                async move {
                    let prefix = dir.join(format!("again-{}", page.number));
                    let Ok(image) = self.render_pdf_page(path, page.number, &prefix).await else { return Vec::new() };
                    let again = self.uniform_block(&image, &prefix).await;
                    let _ = tokio::fs::remove_file(&image).await;
                    words_in_blanks(std::slice::from_ref(blanks), again).into_iter().next().unwrap_or_default()
                }
            });
            let found = futures_util::future::join_all(again).await;
            let lost = pages.iter_mut().zip(&blanks).filter(|(_, b)| !b.is_empty());
            for ((page, _), found) in lost.zip(found) {
                page.words.extend(found);
            }
            fields = self.fields(&pages, hints);
        }
        Ok(self.output(pages, fields))
    }

    /// Word boxes of the text-layer pages (`pdftotext -bbox-layout`, no OCR), so that their
    /// fields carry a `bbox` as OCR'd ones do and are read a second time, rows rebuilt from the
    /// boxes. A failure only leaves the boxes out.
    async fn text_layer_boxes(&self, path: &Path, pages: &mut [PageText]) {
        let args = [path.as_os_str(), "-bbox-layout".as_ref(), "-enc".as_ref(), "UTF-8".as_ref(), "-".as_ref()];
        let Ok(out) = self.tools.run("pdftotext", args, MAX_TEXT_OUTPUT).await else { return };
        if !out.success {
            return;
        }
        let boxes = parse_bbox_layout(&String::from_utf8_lossy(&out.stdout));
        for (page, words) in pages.iter_mut().zip(boxes) {
            if page.source == Source::TextLayer {
                page.words = words;
            }
        }
    }

    async fn ocr_pdf_page(&self, path: &Path, number: u32, dir: &Path) -> Result<Reading, OcrError> {
        let prefix = dir.join(format!("page-{number}"));
        let image = self.render_pdf_page(path, number, &prefix).await?;
        let read = self.tesseract(&image, &prefix).await;
        let _ = tokio::fs::remove_file(&image).await;
        read
    }

    /// Page `number` of a PDF rendered for OCR, at 300 dpi in gray, to `prefix`.pgm.
    async fn render_pdf_page(&self, path: &Path, number: u32, prefix: &Path) -> Result<PathBuf, OcrError> {
        let n = number.to_string();
        let args: [&std::ffi::OsStr; 10] = [
            "-r".as_ref(),
            "300".as_ref(),
            "-gray".as_ref(),
            "-singlefile".as_ref(),
            "-f".as_ref(),
            n.as_ref(),
            "-l".as_ref(),
            n.as_ref(),
            path.as_os_str(),
            prefix.as_os_str(),
        ];
        let rendered = self.tools.run("pdftoppm", args, MAX_SMALL_OUTPUT).await?;
        if !rendered.success {
            return Err(OcrError::Unreadable("PDF"));
        }
        Ok(prefix.with_extension("pgm"))
    }

    async fn read_image(&self, path: &Path, pages: u32, hints: Hints) -> Result<OcrOutput, OcrError> {
        let dir = scratch_dir()?;
        let base = dir.path().join("image");
        let read = self.tesseract(path, &base).await?;
        // Tesseract separates the pages of a multi-page TIFF with form feeds.
        let mut texts: Vec<String> = read.text.split('\u{c}').map(str::to_owned).collect();
        texts.resize(pages.max(1) as usize, String::new());
        let mut words = read.words;
        words.resize_with(texts.len(), Vec::new);
        let mut pages = numbered(texts, Source::Ocr);
        for (page, words) in pages.iter_mut().zip(words) {
            page.words = words;
        }
        let mut fields = self.fields(&pages, hints);
        if lost_blocks_wanted(&fields, &read.blanks) {
            let again = self.uniform_block(path, &base).await;
            for (page, found) in pages.iter_mut().zip(words_in_blanks(&read.blanks, again)) {
                page.words.extend(found);
            }
            fields = self.fields(&pages, hints);
        }
        Ok(self.output(pages, fields))
    }

    /// Tesseract on an image (every page of a TIFF, in one run): the text and the word boxes,
    /// both written by the same recognition (`txt tsv` configs) to `out_base`.txt / .tsv, and
    /// the blocks of each page that recognition lost ([`blank_blocks`]).
    /// A till roll's image ([`till_roll`]) is read as one uniform block of text (`--psm 6`): the
    /// layout analysis of the default mode drops the column of amounts at its right edge.
    async fn tesseract(&self, image: &Path, out_base: &Path) -> Result<Reading, OcrError> {
        use std::ffi::OsStr;
        let mut args: Vec<&OsStr> =
            vec![image.as_os_str(), out_base.as_os_str(), OsStr::new("-l"), OsStr::new(&self.config.languages)];
        let roll = till_roll(image).await;
        if roll {
            args.extend([OsStr::new("--psm"), OsStr::new("6")]);
        }
        args.extend([OsStr::new("txt"), OsStr::new("tsv")]);
        let out = self.tools.run("tesseract", args, MAX_SMALL_OUTPUT).await?;
        if !out.success {
            let reason = out.stderr.lines().last().unwrap_or("").to_owned();
            return Err(if reason.contains("Image") || reason.contains("image") || reason.contains("read") {
                OcrError::Unreadable("an image")
            } else {
                OcrError::Engine(reason)
            });
        }
        let text = read_output(&out_base.with_extension("txt")).await?;
        let tsv = read_output(&out_base.with_extension("tsv")).await?;
        // One uniform block has no layout analysis to lose a block to.
        let blanks = if roll { Vec::new() } else { blank_blocks(&tsv) };
        if blanks.iter().any(|page| !page.is_empty()) {
            tracing::debug!(image = %image.display(), "the recognition lost a block");
        }
        Ok(Reading { text, words: parse_tsv(&tsv), blanks })
    }

    /// The image's words read again as one uniform block of text (`--psm 6`), line after line
    /// across the page, for the blocks the page layout analysis lost ([`blank_blocks`]); none
    /// when that run fails.
    async fn uniform_block(&self, image: &Path, out_base: &Path) -> Vec<Vec<Word>> {
        let mut base = out_base.as_os_str().to_owned();
        base.push("-uniform");
        let base = PathBuf::from(base);
        let args = [
            image.as_os_str(),
            base.as_os_str(),
            "-l".as_ref(),
            self.config.languages.as_ref(),
            "--psm".as_ref(),
            "6".as_ref(),
            "tsv".as_ref(),
        ];
        match self.tools.run("tesseract", args, MAX_SMALL_OUTPUT).await {
            Ok(out) if out.success => match read_output(&base.with_extension("tsv")).await {
                Ok(tsv) => parse_tsv(&tsv),
                Err(_) => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// The fields of a document's pages, read from their text and word boxes.
    fn fields(&self, pages: &[PageText], hints: Hints) -> Fields {
        let source = if pages.iter().any(|p| p.source == Source::Ocr) { Source::Ocr } else { Source::TextLayer };
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        let words: Vec<&[Word]> = pages.iter().map(|p| p.words.as_slice()).collect();
        // The second reading, rows rebuilt from the word boxes, serves text layers too:
        // `pdftotext -layout` can leave a label and its value on different lines or in different
        // blocks where the page shows them side by side (measured on outside invoices: German
        // text layers' invoice number 50 -> 100 %, date 36 -> 73 %, no precision lost).
        let mut fields = extract::extract_with_words(&texts, &words, source, hints);
        extract::withhold_misread(&mut fields, &words);
        extract::locate(&mut fields, &texts, &words);
        fields
    }

    fn output(&self, pages: Vec<PageText>, fields: Fields) -> OcrOutput {
        let pages_ocr = pages.iter().filter(|p| p.source == Source::Ocr).count() as u32;
        let engine = if pages_ocr > 0 { format!("tesseract ({})", self.config.languages) } else { "text-layer".into() };
        OcrOutput { pages, fields, pages_ocr, engine }
    }

    #[cfg(test)]
    fn finish(&self, pages: Vec<PageText>, hints: Hints) -> OcrOutput {
        let fields = self.fields(&pages, hints);
        self.output(pages, fields)
    }
}

/// Whether an image is a till roll's: narrower than [`TILL_ROLL_RATIO`] of its height (A4 and
/// Letter pages are wider). Its lines run across the roll in one column, amounts at the right
/// edge, and Tesseract's default page layout analysis (`--psm 3`) loses that column whole on
/// scans and photos ("dont Total HT   86,17" read "dont Total HT"), where one uniform block
/// (`--psm 6`) reads every line: measured on the 168 narrow scans and photos of the held-out
/// corpus, 56 fields gained, 1 wrong value put right and 5 fields lost (withheld, none wrong), at
/// the same Tesseract time (benches/results/ocr.md, session 24). An image whose size cannot be
/// read (a TIFF: the `image` crate is built without it) keeps the default mode.
async fn till_roll(image: &Path) -> bool {
    let image = image.to_owned();
    let size = tokio::task::spawn_blocking(move || {
        image::ImageReader::open(&image).ok()?.with_guessed_format().ok()?.into_dimensions().ok()
    });
    match size.await {
        Ok(Some((width, height))) => f64::from(width) < TILL_ROLL_RATIO * f64::from(height),
        _ => false,
    }
}

/// Width over height below which an image is a till roll's ([`till_roll`]): till receipts in
/// the corpus measure 0.31 to 0.67, pages of A4 0.71.
const TILL_ROLL_RATIO: f64 = 0.68;

/// A block a page's recognition lost, in pixels (left, top, width, height).
type Blank = [u32; 4];

/// What one Tesseract run read of an image: its text, and per page its word boxes and lost
/// blocks.
struct Reading {
    text: String,
    words: Vec<Vec<Word>>,
    blanks: Vec<Vec<Blank>>,
}

/// Whether the lost blocks are worth a second Tesseract run (`--psm 6`): their words serve
/// only when the first reading found no totals ([`extract::extract_with_words`]), so the run,
/// which costs as much as the first, is made only then, and the fields are those it would
/// have given had it always run.
fn lost_blocks_wanted(fields: &Fields, blanks: &[Vec<Blank>]) -> bool {
    let lost = blanks.iter().filter(|page| !page.is_empty()).count();
    let wanted = lost > 0 && extract::no_totals(fields);
    if wanted {
        tracing::debug!(pages = lost, "no totals: blocks the first reading lost are read again");
    }
    wanted
}

/// A bare XML file, refused past [`MAX_XML_BYTES`] before it is read.
async fn read_xml_file(path: &Path) -> Result<Vec<u8>, OcrError> {
    let size = tokio::fs::metadata(path).await.map_err(|_| OcrError::Unreadable("XML"))?.len();
    if size > MAX_XML_BYTES as u64 {
        return Err(OcrError::XmlTooLarge(MAX_XML_BYTES / (1024 * 1024)));
    }
    tokio::fs::read(path).await.map_err(|_| OcrError::Unreadable("XML"))
}

async fn read_xml(path: &Path) -> Result<OcrOutput, OcrError> {
    let xml = read_xml_file(path).await?;
    let fields = einvoice::parse(&xml).map_err(|_| OcrError::NotAnInvoice)?;
    let mut text = String::from_utf8_lossy(&xml).into_owned();
    if text.len() > MAX_XML_TEXT {
        let cut = (0..=MAX_XML_TEXT).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.truncate(cut);
    }
    let pages = vec![PageText { number: 1, text, source: Source::Xml, words: Vec::new() }];
    Ok(OcrOutput { pages, fields, pages_ocr: 0, engine: "xml".into() })
}

fn numbered(texts: Vec<String>, source: Source) -> Vec<PageText> {
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| PageText { number: i as u32 + 1, text, source, words: Vec::new() })
        .collect()
}

fn has_text_layer(text: &str) -> bool {
    text.chars().filter(|c| !c.is_whitespace()).count() >= MIN_TEXT_LAYER_CHARS
}

/// A file Tesseract wrote, refused past [`MAX_TEXT_OUTPUT`] (the cap its stdout had), removed
/// once read.
async fn read_output(path: &Path) -> Result<String, OcrError> {
    let size = tokio::fs::metadata(path).await.map_err(|e| OcrError::Engine(e.to_string()))?.len();
    if size > MAX_TEXT_OUTPUT as u64 {
        let _ = tokio::fs::remove_file(path).await;
        return Err(OcrError::OutputTooLarge("tesseract"));
    }
    let bytes = tokio::fs::read(path).await.map_err(|e| OcrError::Engine(e.to_string()))?;
    let _ = tokio::fs::remove_file(path).await;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn scratch_dir() -> Result<tempfile::TempDir, OcrError> {
    tempfile::Builder::new().prefix("coffre-ocr-").tempdir().map_err(|e| OcrError::Engine(e.to_string()))
}

/// Counts a TIFF's pages by walking its chain of image directories, in process (no external
/// program): cheap enough for a request. More than [`MAX_PAGES`] fails.
pub async fn count_tiff_pages(path: &Path) -> Result<u32, OcrError> {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || tiff_pages(&path)).await.map_err(|e| OcrError::Engine(e.to_string()))?
}

fn tiff_pages(path: &PathBuf) -> Result<u32, OcrError> {
    use std::io::{Read, Seek, SeekFrom};
    let bad = || OcrError::Unreadable("TIFF");
    let mut file = std::fs::File::open(path).map_err(|_| bad())?;
    let mut header = [0u8; 8];
    file.read_exact(&mut header).map_err(|_| bad())?;
    let little = match &header[..4] {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return Err(bad()),
    };
    let u16_at = |b: [u8; 2]| if little { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) };
    let u32_at = |b: [u8; 4]| if little { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) };
    let mut offset = u32_at([header[4], header[5], header[6], header[7]]);
    let mut pages = 0u32;
    while offset != 0 {
        if pages == MAX_PAGES {
            return Err(OcrError::TooManyPages(MAX_PAGES));
        }
        file.seek(SeekFrom::Start(u64::from(offset))).map_err(|_| bad())?;
        let mut count = [0u8; 2];
        file.read_exact(&mut count).map_err(|_| bad())?;
        let entries = i64::from(u16_at(count));
        file.seek(SeekFrom::Current(entries * 12)).map_err(|_| bad())?;
        let mut next = [0u8; 4];
        file.read_exact(&mut next).map_err(|_| bad())?;
        pages += 1;
        offset = u32_at(next);
    }
    if pages == 0 {
        return Err(bad());
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A till roll's scan (PNG, or the PGM pdftoppm renders a narrow PDF page to) is told from
    /// an A4 page's by its shape; a file that is no image, or one missing, is no roll.
    #[tokio::test]
    async fn a_till_roll_is_told_by_its_shape() {
        let dir = tempfile::tempdir().unwrap();
        let save = |name: &str, width: u32, height: u32| {
            let path = dir.path().join(name);
            image::GrayImage::new(width, height).save(&path).unwrap();
            path
        };
        let roll = save("roll.png", 640, 2400);
        let pgm = save("page-1.pgm", 560, 1400);
        let a4 = save("a4.png", 1654, 2339);
        let square = save("square.png", 800, 800);
        assert!(till_roll(&roll).await);
        assert!(till_roll(&pgm).await);
        assert!(!till_roll(&a4).await);
        assert!(!till_roll(&square).await);
        let junk = dir.path().join("junk.png");
        std::fs::write(&junk, b"not an image").unwrap();
        assert!(!till_roll(&junk).await);
        assert!(!till_roll(&dir.path().join("missing.png")).await);
    }

    /// The second reading serves text layers as it serves OCR: a text layer whose text gives its
    /// totals' labels in one block and their amounts in another (amounts drawn before their labels,
    /// as a generator may draw a boxed totals table column by column) is read again from its word boxes, rows as on the page.
    #[test]
    fn a_text_layer_is_read_again_from_its_word_boxes() {
        // Word boxes in pixels at 300 dpi, as `pdftotext -bbox-layout` gives them after conversion.
        let word = |text: &str, left: u32, top: u32| Word {
            text: text.into(),
            bbox: [left, top, 24 * text.chars().count() as u32, 36],
            line: (0, 0, 0),
            conf: 100,
        };
        let words = [
            word("Nettobetrag", 1400, 2000),
            word("1.000,00", 2000, 2004),
            word("EUR", 2220, 2004),
            word("MwSt.", 1400, 2060),
            word("170,00", 2048, 2064),
            word("EUR", 2220, 2064),
            word("Gesamtbetrag", 1400, 2120),
            word("1.170,00", 2000, 2124),
            word("EUR", 2220, 2124),
        ];
        let text = "Rechnung\n\n                     1.000,00 EUR\n                       170,00 EUR\n\
                    \x20                    1.170,00 EUR\n\n   Nettobetrag\n   MwSt.\n   Gesamtbetrag\n";
        // 17 % (Luxembourg) is no rate the arithmetic would assume without a label.
        let alone = extract::extract(&[text], Source::TextLayer);
        assert_eq!(alone.consistent, None, "the premise: the text alone pairs nothing");

        let page = PageText { number: 1, text: text.into(), source: Source::TextLayer, words: words.to_vec() };
        let out = Engine::new(EngineConfig::default()).finish(vec![page], Hints::default());
        let value = |f: &Option<crate::ocr::fields::Field<String>>| f.as_ref().map(|f| f.value.clone());
        let f = &out.fields;
        let triple = (value(&f.total_excluding_tax), value(&f.total_tax), value(&f.total_including_tax));
        let want = |v: &str| Some(v.to_owned());
        assert_eq!(triple, (want("1000.00"), want("170.00"), want("1170.00")));
        assert_eq!(f.consistent.as_ref().map(|c| c.value), Some(true));
        assert_eq!(
            f.total_including_tax.as_ref().and_then(|t| t.bbox).map(|b| b[1]),
            Some(2124),
            "located on its word"
        );
    }
}
