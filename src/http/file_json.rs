//! The JSON of files as lists (and GET of one file) send them, written straight from the rows
//! ([`Listed`]) into the response body: no intermediate [`FileDto`] with its copied strings
//! and formatted dates, and one buffer for the whole page. The output is [`FileDto`]'s, byte
//! for byte (checked below); the schema of the API stays [`FileDto`].
//!
//! [`FileDto`]: super::files::FileDto

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::{Serialize, Serializer};

use super::error::ApiError;
use crate::db::files::{Listed, OcrSummary};
use crate::domain::time::Rfc3339;

/// One file, in [`super::files::FileDto`]'s field order and names.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileJson<'a> {
    id: &'a str,
    id_organization: &'a str,
    id_year: &'a str,
    id_folder: Option<&'a str>,
    name: &'a str,
    reference: Option<&'a str>,
    date: Option<&'a str>,
    hash: Option<&'a str>,
    status: &'a str,
    #[serde(rename = "type")]
    content_type: Option<&'a str>,
    size: Option<i64>,
    sha256: Option<&'a str>,
    date_source: Option<&'a str>,
    reference_source: Option<&'a str>,
    ocr: Option<OcrJson<'a>>,
    deleted_at: Option<Rfc3339>,
    verified_at: Option<Rfc3339>,
    created_at: Rfc3339,
    last_updated_at: Rfc3339,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OcrJson<'a> {
    status: &'a str,
    pages: i64,
    pages_charged: i64,
    engine: Option<&'a str>,
    error: Option<&'a str>,
}

impl<'a> FileJson<'a> {
    fn new(f: &'a Listed, id_organization: &'a str, id_year: &'a str) -> Self {
        Self {
            id: &f.id,
            id_organization,
            id_year,
            id_folder: f.id_folder.as_deref(),
            name: &f.name,
            reference: f.reference.as_deref(),
            date: f.doc_date.as_deref(),
            hash: f.hash.as_deref(),
            status: &f.status,
            content_type: f.content_type.as_deref(),
            size: f.size,
            sha256: f.sha256.as_deref(),
            date_source: f.date_source.as_deref(),
            reference_source: f.reference_source.as_deref(),
            ocr: f.ocr.as_ref().map(OcrJson::new),
            deleted_at: f.deleted_at.map(Rfc3339),
            verified_at: f.verified_at.map(Rfc3339),
            created_at: Rfc3339(f.created_at),
            last_updated_at: Rfc3339(f.last_updated_at),
        }
    }
}

impl<'a> OcrJson<'a> {
    fn new(o: &'a OcrSummary) -> Self {
        Self {
            status: &o.status,
            pages: o.pages,
            pages_charged: o.pages_charged,
            engine: o.engine.as_deref(),
            error: o.error.as_deref(),
        }
    }
}

/// A file of a listing is about 600 bytes of JSON: one allocation serves most pages.
const BYTES_PER_FILE: usize = 640;

/// The JSON array of a page of files of one organization's year.
pub fn page(files: &[Listed], id_organization: &str, id_year: &str) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::with_capacity(2 + files.len() * BYTES_PER_FILE);
    let mut serializer = serde_json::Serializer::new(&mut body);
    serializer
        .collect_seq(files.iter().map(|f| FileJson::new(f, id_organization, id_year)))
        .map_err(|e| ApiError::Internal(format!("serializing a page of files: {e}")))?;
    Ok(body)
}

/// The JSON object of one file.
pub fn one(file: &Listed, id_organization: &str, id_year: &str) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::with_capacity(BYTES_PER_FILE);
    serde_json::to_writer(&mut body, &FileJson::new(file, id_organization, id_year))
        .map_err(|e| ApiError::Internal(format!("serializing a file: {e}")))?;
    Ok(body)
}

/// A JSON body, as `axum::Json` sends it.
pub fn response(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::rfc3339;
    use crate::http::files::{FileDto, OcrStateDto};

    fn listed(full: bool) -> Listed {
        let some = |s: &str| full.then(|| s.to_owned());
        Listed {
            id: "01m8hvq2wey5npdrrg37mg72sg".into(),
            id_folder: some("01m8hvq2wey5npdrrg37mg72sh"),
            name: "Facture \"été\" \\ n°1\u{1}.pdf".into(),
            reference: some("FA-2024-0012"),
            doc_date: some("2024-06-01"),
            hash: some(&"a".repeat(64)),
            status: "available".into(),
            content_type: some("application/pdf"),
            size: full.then_some(123_456),
            sha256: some(&"b".repeat(64)),
            date_source: some("ocr"),
            reference_source: some("user"),
            ocr: full.then(|| OcrSummary {
                status: "failed".into(),
                pages: 3,
                pages_charged: 2,
                engine: Some("tesseract".into()),
                error: None,
            }),
            deleted_at: full.then_some(1_764_484_770_123),
            verified_at: full.then_some(1_764_484_770_000),
            created_at: 1_764_484_769_001,
            last_updated_at: 1_764_484_770_999,
        }
    }

    /// What the handlers sent before: a `FileDto` through `axum::Json`.
    fn dto(f: Listed) -> FileDto {
        FileDto {
            id: f.id,
            id_organization: "org".into(),
            id_year: "year".into(),
            id_folder: f.id_folder,
            name: f.name,
            reference: f.reference,
            date: f.doc_date,
            hash: f.hash,
            status: f.status,
            content_type: f.content_type,
            size: f.size,
            sha256: f.sha256,
            date_source: f.date_source,
            reference_source: f.reference_source,
            ocr: f.ocr.map(OcrStateDto::from),
            deleted_at: f.deleted_at.map(rfc3339),
            verified_at: f.verified_at.map(rfc3339),
            created_at: rfc3339(f.created_at),
            last_updated_at: rfc3339(f.last_updated_at),
            search: None,
        }
    }

    #[test]
    fn same_bytes_as_file_dto() {
        let files = vec![listed(true), listed(false)];
        let expected = serde_json::to_vec(&files.iter().cloned().map(dto).collect::<Vec<_>>()).unwrap();
        assert_eq!(
            String::from_utf8(page(&files, "org", "year").unwrap()).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        let expected = serde_json::to_vec(&dto(listed(true))).unwrap();
        assert_eq!(one(&listed(true), "org", "year").unwrap(), expected);
        assert_eq!(page(&[], "org", "year").unwrap(), b"[]");
    }
}
