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
    let paths = folder_paths(app, export).await?;
    let mut manifest = Vec::new();
    let mut sums = String::new();
    let mut taken = HashSet::new();
    let mut after = String::new();
    loop {
        let page = files::with_content(app.db(), &export.id_organization, Some(&export.id_year), &after, 200).await?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        for file in page.into_iter().filter(File::is_available) {
            let entry_path = unique_path(&mut taken, &paths, &file);
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
    let key = ObjectKey::new_upload(&export.id_organization, &export.id);
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

/// `files/` + the folder path of each folder of the year.
async fn folder_paths(app: &App, export: &Export) -> Result<HashMap<String, String>, ExportError> {
    let list = folders::list(app.db(), &export.id_organization, &export.id_year).await?;
    let by_id: HashMap<&str, (&str, Option<&str>)> =
        list.iter().map(|f| (f.id.as_str(), (f.name.as_str(), f.id_parent.as_deref()))).collect();
    let mut paths = HashMap::new();
    for folder in &list {
        let mut segments = Vec::new();
        let mut current = Some(folder.id.as_str());
        while let Some(id) = current.filter(|_| segments.len() < 64) {
            let Some((name, parent)) = by_id.get(id) else { break };
            segments.push(sanitize(name));
            current = *parent;
        }
        segments.reverse();
        paths.insert(folder.id.clone(), segments.join("/"));
    }
    Ok(paths)
}

/// A path inside the archive, unique: a second file of the same name gets its id appended.
fn unique_path(taken: &mut HashSet<String>, folders: &HashMap<String, String>, file: &File) -> String {
    let dir = file.id_folder.as_ref().and_then(|f| folders.get(f)).map(|p| format!("files/{p}/"));
    let dir = dir.unwrap_or_else(|| "files/".into());
    let name = sanitize(&file.name);
    let mut candidate = format!("{dir}{name}");
    if !taken.insert(candidate.to_lowercase()) {
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (&name[..i], &name[i..]),
            _ => (name.as_str(), ""),
        };
        candidate = format!("{dir}{stem} ({}){ext}", file.id);
        taken.insert(candidate.to_lowercase());
    }
    candidate
}

/// A name usable as one path segment in any unzip tool.
fn sanitize(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c == '/' || c == '\\' || c.is_control() { '_' } else { c }).collect();
    match cleaned.trim() {
        "" | "." | ".." => "_".into(),
        other => other.to_owned(),
    }
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
            .map(|cell| format!("\"{}\"", cell.replace('"', "\"\"")))
            .collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    csv
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
