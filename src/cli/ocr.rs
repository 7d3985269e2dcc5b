//! `coffre ocr run`: the OCR pipeline on a local file, without a server or credits; for
//! checking documents and for the accuracy benchmark.

use std::path::PathBuf;

use std::io::Write;

use clap::Subcommand;

use crate::ocr::{Engine, EngineConfig};

#[derive(Debug, Subcommand)]
pub enum OcrCommand {
    /// Read a file as the OCR jobs do and print the result as JSON.
    Run {
        /// MIME type of the file (default: guessed from its first bytes).
        #[arg(long = "type")]
        content_type: Option<String>,
        /// Tesseract languages.
        #[arg(long, default_value = "fra+eng")]
        languages: String,
        /// Pages OCR'd at once (default: cores).
        #[arg(long)]
        parallel_pages: Option<usize>,
        /// Also print, on stderr, how the totals were decided (the rule and each reading's
        /// strength), for the accuracy benchmarks.
        #[arg(long)]
        explain: bool,
        file: PathBuf,
    },
}

pub async fn run(cmd: OcrCommand) -> Result<(), String> {
    let OcrCommand::Run { content_type, languages, parallel_pages, explain, file } = cmd;
    let content_type = match content_type {
        Some(t) => t.trim().to_ascii_lowercase(),
        None => guess_type(&file)?,
    };
    let mut config = EngineConfig { languages, ..EngineConfig::default() };
    if let Some(n) = parallel_pages {
        config.parallel_pages = n.max(1);
    }
    let output = Engine::new(config).run(&file, &content_type).await.map_err(|e| e.to_string())?;
    if explain {
        eprintln!("totals: {}", output.fields.totals_rule.as_deref().unwrap_or("none"));
    }
    let json = serde_json::to_string(&output).map_err(|e| e.to_string())?;
    // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
    let _ = writeln!(std::io::stdout().lock(), "{json}");
    Ok(())
}

fn guess_type(file: &std::path::Path) -> Result<String, String> {
    use crate::domain::mime::{sniff, Sniffed, SNIFF_LEN};
    use std::io::Read;
    let mut head = vec![0u8; SNIFF_LEN];
    let mut f = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let n = f.read(&mut head).map_err(|e| e.to_string())?;
    let mime = match sniff(&head[..n]) {
        Sniffed::Pdf => "application/pdf",
        Sniffed::Jpeg => "image/jpeg",
        Sniffed::Png => "image/png",
        Sniffed::Tiff => "image/tiff",
        Sniffed::Webp => "image/webp",
        Sniffed::Gif => "image/gif",
        Sniffed::Heif => "image/heic",
        Sniffed::Xml => "application/xml",
        Sniffed::Unknown => return Err("cannot tell the file's type; pass --type".into()),
    };
    Ok(mime.to_owned())
}
