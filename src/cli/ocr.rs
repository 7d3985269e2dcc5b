//! `coffre ocr run`: the OCR pipeline on a local file, without a server or credits; for
//! checking documents and for the accuracy benchmark.

use std::path::{Path, PathBuf};

use std::io::Write;

use clap::Subcommand;
use futures_util::StreamExt;

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
        /// The files. Several are read by one process, their runs overlapping within the
        /// --parallel-pages limit, as the service's OCR worker reads them; one line of JSON is
        /// printed per file, in order, `{"error": "..."}` for a file that failed (then the exit
        /// status is 1).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub async fn run(cmd: OcrCommand) -> Result<(), String> {
    let OcrCommand::Run { content_type, languages, parallel_pages, explain, files } = cmd;
    let mut config = EngineConfig { languages, ..EngineConfig::default() };
    if let Some(n) = parallel_pages {
        config.parallel_pages = n.max(1);
    }
    let parallel = config.parallel_pages;
    let engine = Engine::new(config);
    let content_type = content_type.as_deref();
    if let [file] = files.as_slice() {
        let json = read_one(&engine, content_type, explain, file).await?;
        // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
        let _ = writeln!(std::io::stdout().lock(), "{json}");
        return Ok(());
    }
    // In order, as they finish, a few ahead: the programs' limit stays the engine's.
    let ahead = 2 * parallel.max(1);
    let mut reads = futures_util::stream::iter(files.iter().map(|file| read_one(&engine, content_type, explain, file)))
        .buffered(ahead);
    let mut failed = 0;
    while let Some(result) = reads.next().await {
        let line = result.unwrap_or_else(|error| {
            failed += 1;
            serde_json::json!({ "error": error }).to_string()
        });
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} of {} files could not be read", files.len())),
    }
}

/// One file read as the OCR jobs read it: its output as JSON.
async fn read_one(engine: &Engine, content_type: Option<&str>, explain: bool, file: &Path) -> Result<String, String> {
    let content_type = match content_type {
        Some(t) => t.trim().to_ascii_lowercase(),
        None => guess_type(file)?,
    };
    let output = engine.run(file, &content_type).await.map_err(|e| e.to_string())?;
    if explain {
        eprintln!("totals: {}", output.fields.totals_rule.as_deref().unwrap_or("none"));
    }
    serde_json::to_string(&output).map_err(|e| e.to_string())
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
