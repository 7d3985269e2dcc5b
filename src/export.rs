//! Year exports: a ZIP with every available file of a year in its folder path, manifests
//! (JSON and CSV: id, path, name, reference, date, type, size, SHA-256, extracted fields),
//! the year's audit entries, and a `SHA256SUMS` file that `sha256sum -c` checks offline.
//! Built streaming: one file at a time goes through a small buffer, so memory does not grow
//! with the year. This is the pipeline only; the export job ([`crate::jobs::export`]) runs it.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use serde_json::{json, Value};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::app::App;
use crate::blob::{BlobError, DigestBuilder, ObjectKey};
use crate::db::audit::{self, Filter};
use crate::db::exports::{Archive, Export};
use crate::db::files::{self, File};
use crate::db::{folders, ocr_jobs, years, DbError};
use crate::domain::time::{now_millis, rfc3339};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Blob(#[from] BlobError),
    #[error("archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("archive I/O: {0}")]
    Io(#[from] std::io::Error),
    #[error("a file's content is missing from the store: {0}")]
    Missing(String),
    #[error("the year no longer exists")]
    YearGone,
}

impl From<tokio::task::JoinError> for ExportError {
    fn from(e: tokio::task::JoinError) -> Self {
        Self::Io(std::io::Error::other(e))
    }
}

type Zip = ZipWriter<std::fs::File>;

/// Builds the archive of `export`'s year and stores it.
pub async fn build(app: &App, export: &Export) -> Result<Archive, ExportError> {
    let year = years::get(app.db(), &export.id_organization, &export.id_year).await?.ok_or(ExportError::YearGone)?;
    let scratch = app.blob().scratch_file()?;
    let (file, path) = scratch.into_parts();
    let mut zip = ZipWriter::new(file);
    let mut paths = Paths::default();
    let folders = folder_paths(app, export, &mut paths).await?;
    let mut manifest = Vec::new();
    let mut sums = String::new();
    let mut after = String::new();
    loop {
        let page = files::with_content(app.db(), &export.id_organization, Some(&export.id_year), &after, 200).await?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        for file in page.into_iter().filter(File::is_available) {
            let entry_path = file_path(&mut paths, &folders, &file);
            zip = add_object(app, zip, &file, &entry_path).await?;
            sums.push_str(&format!("{}  {entry_path}\n", file.sha256.clone().unwrap_or_default()));
            manifest.push(manifest_entry(app, &file, &entry_path).await?);
        }
    }
    let count = manifest.len() as i64;
    let head = audit::list(app.db(), &export.id_organization, &Filter { after_seq: 0, limit: 1, ..Filter::default() })
        .await?
        .first()
        .map(|e| e.seq);
    let audit_lines = year_audit(app, export).await?;
    let manifest_json = serde_json::to_vec_pretty(&json!({
        "idOrganization": export.id_organization,
        "year": {"id": year.id, "label": year.label, "startingAt": year.starting_at, "endingAt": year.ending_at,
                 "closed": year.closed, "closedAt": year.closed_at.map(rfc3339)},
        "exportedAt": rfc3339(now_millis()),
        "idExport": export.id,
        "auditFirstSeq": head,
        "files": manifest,
    }))
    .unwrap_or_default();
    let csv = manifest_csv(&manifest);
    for (name, bytes) in [
        ("manifest.json", manifest_json),
        ("manifest.csv", csv.into_bytes()),
        ("audit.jsonl", audit_lines.into_bytes()),
    ] {
        sums.push_str(&format!("{}  {name}\n", hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes))));
        zip = add_bytes(zip, name, bytes).await?;
    }
    zip = add_bytes(zip, "SHA256SUMS", sums.into_bytes()).await?;
    zip = add_bytes(zip, "README.txt", README.as_bytes().to_vec()).await?;
    tokio::task::spawn_blocking(move || zip.finish().and_then(|f| f.sync_all().map_err(Into::into))).await??;
    let (size, sha256) = digest_path(&path).await?;
    let key = ObjectKey::new_content(&export.id_organization, &export.id);
    app.blob().put_file(&key, path, "application/zip").await?;
    Ok(Archive { key: key.as_str().to_owned(), size, sha256, files: count })
}

const README: &str = "Coffre year export.\n\n\
Check it offline:  sha256sum -c SHA256SUMS\n\
(every document under files/ and the manifests are listed with their SHA-256; a document's\n\
SHA-256 is also the one Coffre computed when it was uploaded: see manifest.csv).\n\n\
audit.jsonl holds the year's audit entries. Each entry's hash is the SHA-256 of its fields,\n\
one per line: seq, id, at (Unix ms), actor, action, idYear, idFolder, idFile, sha256, details\n\
(compact JSON), prevHash; prevHash is the hash of the organization's previous entry.\n";

/// Paths inside the archive, unique by construction: at each level, folders and files share
/// one namespace, compared as case-insensitive file systems do; a name already taken gets
/// the item's id appended, then a counter, until it is free.
#[derive(Default)]
struct Paths {
    taken: HashSet<String>,
}

impl Paths {
    /// Claims a free path for `name` (already sanitized) in directory `dir`.
    fn claim(&mut self, dir: &str, name: &str, id: &str) -> String {
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (&name[..i], &name[i..]),
            _ => (name, ""),
        };
        let mut candidate = format!("{dir}/{name}");
        let mut n = 1;
        while !self.taken.insert(candidate.to_lowercase()) {
            let suffix = if n == 1 { id.to_owned() } else { format!("{id}-{n}") };
            candidate = format!("{dir}/{stem} ({suffix}){ext}");
            n += 1;
        }
        candidate
    }
}

/// The archive path of each folder of the year, under `files/`; folders claim their names
/// before files do.
async fn folder_paths(app: &App, export: &Export, paths: &mut Paths) -> Result<HashMap<String, String>, ExportError> {
    let list = folders::list(app.db(), &export.id_organization, &export.id_year).await?;
    let by_id: HashMap<&str, (&str, Option<&str>)> =
        list.iter().map(|f| (f.id.as_str(), (f.name.as_str(), f.id_parent.as_deref()))).collect();
    let mut done: HashMap<String, String> = HashMap::new();
    for folder in &list {
        // The chain up to the first folder already placed (or the root), placed top down.
        let mut chain = Vec::new();
        let mut current = Some(folder.id.as_str());
        while let Some(id) = current.filter(|id| !done.contains_key(*id) && chain.len() < 64) {
            let Some((_, parent)) = by_id.get(id) else { break };
            chain.push(id);
            current = *parent;
        }
        let mut dir = current.and_then(|id| done.get(id)).cloned().unwrap_or_else(|| "files".into());
        for id in chain.into_iter().rev() {
            dir = paths.claim(&dir, &sanitize(by_id[id].0), id);
            done.insert(id.to_owned(), dir.clone());
        }
    }
    Ok(done)
}

/// A file's path inside the archive.
fn file_path(paths: &mut Paths, folders: &HashMap<String, String>, file: &File) -> String {
    let dir = file.id_folder.as_ref().and_then(|f| folders.get(f)).map_or("files", String::as_str);
    paths.claim(dir, &sanitize(&file.name), &file.id)
}

/// A name usable as one path segment in any unzip tool.
/// Short enough for file systems' 255-byte limit on a name, once a duplicate's suffix is added.
fn sanitize(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c == '/' || c == '\\' || c.is_control() { '_' } else { c }).collect();
    match cleaned.trim() {
        "" | "." | ".." => "_".into(),
        other => shorten(other, MAX_SEGMENT_BYTES),
    }
}

/// Longest archive name segment before a suffix, in bytes.
const MAX_SEGMENT_BYTES: usize = 200;

/// `name` cut to at most `max` bytes on a character boundary, keeping a short extension.
fn shorten(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let ext = name.rfind('.').map(|i| &name[i..]).filter(|e| e.len() <= 16 && e.len() < name.len()).unwrap_or("");
    let budget = max - ext.len();
    let cut = (0..=budget).rev().find(|i| name.is_char_boundary(*i)).unwrap_or(0);
    format!("{}{ext}", &name[..cut])
}

async fn add_object(app: &App, zip: Zip, file: &File, entry_path: &str) -> Result<Zip, ExportError> {
    let key = ObjectKey::from_stored(file.content_key.clone().unwrap_or_default());
    let copy = app.blob().local_copy(&key).await?.ok_or_else(|| ExportError::Missing(file.id.clone()))?;
    let entry_path = entry_path.to_owned();
    let large = file.size.unwrap_or(0) >= u32::MAX as i64;
    tokio::task::spawn_blocking(move || -> Result<Zip, ExportError> {
        let mut zip = zip;
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored).large_file(large);
        zip.start_file(entry_path, options)?;
        let mut source = std::fs::File::open(copy.path())?;
        std::io::copy(&mut source, &mut zip)?;
        Ok(zip)
    })
    .await?
}

async fn add_bytes(zip: Zip, name: &'static str, bytes: Vec<u8>) -> Result<Zip, ExportError> {
    tokio::task::spawn_blocking(move || -> Result<Zip, ExportError> {
        let mut zip = zip;
        zip.start_file(name, SimpleFileOptions::default().compression_method(CompressionMethod::Stored))?;
        zip.write_all(&bytes)?;
        Ok(zip)
    })
    .await?
}

async fn manifest_entry(app: &App, file: &File, entry_path: &str) -> Result<Value, ExportError> {
    let fields = match (&file.id_ocr_job, file.ocr.as_ref().map(|o| o.status.as_str())) {
        (Some(job), Some(ocr_jobs::DONE)) => ocr_jobs::result(app.db(), job)
            .await?
            .and_then(|r| serde_json::from_str::<Value>(&r).ok())
            .map(|r| compact_fields(&r["fields"])),
        _ => None,
    };
    Ok(json!({
        "id": file.id,
        "path": entry_path,
        "name": file.name,
        "reference": file.reference,
        "date": file.doc_date,
        "type": file.content_type,
        "size": file.size,
        "sha256": file.sha256,
        "fields": fields,
    }))
}

/// `{"date": "2026-03-15", ...}` from `{"date": {"value": ..., "confidence": ..., "source": ...}}`.
fn compact_fields(fields: &Value) -> Value {
    let map = fields.as_object().map(|m| m.iter().map(|(k, v)| (k.clone(), v["value"].clone())).collect());
    Value::Object(map.unwrap_or_default())
}

/// `manifest.csv`: every cell quoted, and neutralized (see [`neutralize`]).
fn manifest_csv(entries: &[Value]) -> String {
    let columns = ["id", "path", "name", "reference", "date", "type", "size", "sha256", "fields"];
    let mut csv = columns.join(",") + "\n";
    for entry in entries {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match &entry[*c] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .map(|cell| format!("\"{}\"", neutralize(&cell).replace('"', "\"\"")))
            .collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    csv
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return
/// first) starts with a single quote instead, as OWASP advises against CSV injection.
fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The year's audit entries, one JSON object per line.
async fn year_audit(app: &App, export: &Export) -> Result<String, ExportError> {
    let mut out = String::new();
    let mut after = 0;
    loop {
        let filter = Filter { id_year: Some(export.id_year.clone()), id_file: None, after_seq: after, limit: 1000 };
        let page = audit::list(app.db(), &export.id_organization, &filter).await?;
        let Some(last) = page.last() else { return Ok(out) };
        after = last.seq;
        for e in page {
            let line = json!({
                "seq": e.seq, "id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "idYear": e.id_year,
                "idFolder": e.id_folder, "idFile": e.id_file, "sha256": e.sha256, "details": e.details,
                "prevHash": e.prev_hash, "hash": e.hash,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
}

async fn digest_path(path: &std::path::Path) -> Result<(i64, String), ExportError> {
    let path = path.to_owned();
    Ok(tokio::task::spawn_blocking(move || -> std::io::Result<(i64, String)> {
        use std::io::Read;
        let mut file = std::fs::File::open(path)?;
        let mut digest = DigestBuilder::default();
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                let d = digest.finish();
                return Ok((d.size as i64, d.sha256));
            }
            digest.update(&buf[..n]);
        }
    })
    .await??)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_paths_never_collide() {
        let mut paths = Paths::default();
        let a = paths.claim("files", "x.pdf", "id1");
        let b = paths.claim("files", "X.PDF", "id2");
        let c = paths.claim("files", "x (id2).pdf", "id3");
        let d = paths.claim("files", "x (id2).pdf", "id2");
        assert_eq!([a.as_str(), b.as_str()], ["files/x.pdf", "files/X (id2).PDF"]);
        assert_eq!(c, "files/x (id2) (id3).pdf", "taken, ignoring case");
        assert_eq!(d, "files/x (id2) (id2).pdf");
    }

    #[test]
    fn long_names_fit_file_systems() {
        let long = format!("{}.pdf", "é".repeat(250));
        let short = sanitize(&long);
        assert!(short.len() <= MAX_SEGMENT_BYTES && short.ends_with("é.pdf"), "{short}");
        assert_eq!(sanitize(" a/b "), "a_b");
    }

    #[test]
    fn formulas_are_neutralized() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralize("Facture.pdf"), "Facture.pdf");
    }
}
