//! What `coffre import` tells: one JSON line per file (`--json`) or a human summary, progress
//! bars on a terminal, and the exit code.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// Exit codes, as documented in the README ("Bulk import").
pub const EXIT_OK: i32 = 0;
pub const EXIT_ERROR: i32 = 1;
pub const EXIT_PARTIAL: i32 = 3;
pub const EXIT_AUTH: i32 = 4;
pub const EXIT_NETWORK: i32 = 5;
pub const EXIT_INTERRUPTED: i32 = 130;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Uploaded,
    Duplicate,
    Skipped,
    Failed,
}

/// The fate of one local file.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub path: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    pub size: u64,
    /// Why it was skipped, or what the refusal said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A duplicate whose only copy on the server is in the trash.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub trashed: bool,
    /// A duplicate of another file of the same tree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
}

impl Outcome {
    pub fn new(path: &str, status: Status, size: u64) -> Self {
        Self {
            path: path.to_owned(),
            status,
            code: None,
            id_file: None,
            sha256: None,
            size,
            detail: None,
            trashed: false,
            duplicate_of: None,
            dry_run: false,
        }
    }

    pub fn failed(path: &str, size: u64, code: &str, detail: impl Into<String>) -> Self {
        Self { code: Some(code.to_owned()), detail: Some(detail.into()), ..Self::new(path, Status::Failed, size) }
    }
}

#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    uploaded: u64,
    duplicate: u64,
    skipped: u64,
    failed: u64,
    bytes_uploaded: u64,
    seconds: f64,
    exit_code: i32,
    failed_paths: Vec<String>,
}

pub struct Reporter {
    json: bool,
    started: Instant,
    state: Mutex<(Summary, Vec<Outcome>)>,
    bar: Mutex<Option<ProgressBar>>,
}

impl Reporter {
    pub fn new(json: bool) -> Self {
        Self { json, started: Instant::now(), state: Mutex::default(), bar: Mutex::new(None) }
    }

    /// A progress bar over `bytes` on stderr, drawn only on a terminal.
    pub fn start_phase(&self, label: &str, files: u64, bytes: u64) {
        let target =
            if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        let bar = ProgressBar::with_draw_target(Some(bytes), target);
        let template = "{prefix:>9} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}";
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(label.to_owned());
        bar.set_message(format!("0/{files} files"));
        if let Some(old) = self.bar.lock().expect("bar").replace(bar) {
            old.finish_and_clear();
        }
    }

    /// Advances the current bar by one file of `bytes`.
    pub fn advance(&self, done: u64, files: u64, bytes: u64) {
        if let Some(bar) = self.bar.lock().expect("bar").as_ref() {
            bar.inc(bytes);
            bar.set_message(format!("{done}/{files} files"));
        }
    }

    pub fn finish_phase(&self) {
        if let Some(bar) = self.bar.lock().expect("bar").take() {
            bar.finish_and_clear();
        }
    }

    /// Records a file's outcome, and prints its JSON line at once.
    pub fn file(&self, outcome: Outcome) {
        let mut state = self.state.lock().expect("report");
        let summary = &mut state.0;
        match outcome.status {
            Status::Uploaded => {
                summary.uploaded += 1;
                summary.bytes_uploaded += outcome.size;
            }
            Status::Duplicate => summary.duplicate += 1,
            Status::Skipped => summary.skipped += 1,
            Status::Failed => {
                summary.failed += 1;
                summary.failed_paths.push(outcome.path.clone());
            }
        }
        if self.json {
            let line = serde_json::to_string(&outcome).unwrap_or_default();
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
        state.1.push(outcome);
    }

    pub fn failed_count(&self) -> u64 {
        self.state.lock().expect("report").0.failed
    }

    /// Prints the summary and returns the exit code.
    pub fn finish(&self, exit_code: i32, note: Option<&str>) -> i32 {
        self.finish_phase();
        let mut state = self.state.lock().expect("report");
        let (summary, outcomes) = &mut *state;
        summary.seconds = (self.started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
        summary.exit_code = exit_code;
        let mut out = std::io::stdout().lock();
        if self.json {
            let mut line = serde_json::json!({ "summary": summary });
            if let Some(note) = note {
                line["error"] = note.into();
            }
            let _ = writeln!(out, "{line}");
        } else {
            let mb = summary.bytes_uploaded as f64 / 1e6;
            let _ = writeln!(
                out,
                "{} uploaded ({mb:.1} MB), {} duplicates, {} skipped, {} failed in {:.1} s",
                summary.uploaded, summary.duplicate, summary.skipped, summary.failed, summary.seconds
            );
            for o in outcomes.iter().filter(|o| o.status == Status::Failed) {
                let _ = writeln!(
                    out,
                    "  failed  {}: {} ({})",
                    o.path,
                    o.code.as_deref().unwrap_or(""),
                    o.detail.as_deref().unwrap_or("")
                );
            }
            let trashed = outcomes.iter().filter(|o| o.trashed).count();
            if trashed > 0 {
                let _ = writeln!(out, "  {trashed} files match documents in the trash: restore them instead");
            }
            if let Some(note) = note {
                let _ = writeln!(out, "{note}");
            }
        }
        let _ = out.flush();
        exit_code
    }
}
