//! OCR of a file's content: queued as a job that consumes page credits, read back when done.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, Auth};
use super::files::{load_file, FileDto, FilePath};
use super::guard::{begin_org_write, commit};
use crate::app::App;
use crate::audit::{self, Event};
use crate::db::ocr_jobs;
use crate::jobs::ocr::{self as jobs, RequestError};
use crate::ocr::{Fields, PageText};
use serde_json::json;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OcrRequest {
    /// Must equal the path's file id if given.
    pub id_file: Option<String>,
    /// Run again (and charge again) even if this content was already read.
    #[serde(default)]
    pub force: bool,
}

/// The full OCR result of a file.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcrResultDto {
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub engine: Option<String>,
    pub pages_charged: i64,
    pub error: Option<String>,
    /// A stable code for the failure: `ocr_credits_exhausted`, `too_many_pages`,
    /// `xml_too_large`, `output_too_large`, `timeout`, `pdf_encrypted`, `unreadable`, ...
    pub error_code: Option<String>,
    /// Text per page, once done.
    pub pages: Vec<PageText>,
    /// Extracted fields, once done; each `{value, confidence, source}`, absent when not found.
    pub fields: Fields,
}

impl From<RequestError> for ApiError {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::CreditsExhausted { available, needed } => ApiError::CreditsExhausted { available, needed },
            RequestError::NoContent => ApiError::NoContent,
            RequestError::Db(e) => e.into(),
            RequestError::Blob(e) => e.into(),
        }
    }
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/ocr", tag = "ocr",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body(content = OcrRequest, description = "Optional"),
    responses((status = 202, description = "Queued (or already queued/done for this content); see `ocr` in the file", body = FileDto),
        (status = 402, description = "ocr_credits_exhausted", body = Problem),
        (status = 404, body = Problem), (status = 409, description = "no_content", body = Problem)))]
pub async fn request_ocr(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
    ApiJson(body): ApiJson<OcrRequest>,
) -> Result<(StatusCode, Json<FileDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    if body.id_file.as_ref().is_some_and(|id| id != &path.id_file) {
        return Err(ApiError::invalid("idFile", "must match the file id in the path"));
    }
    let file = load_file(&app, &auth, &path).await?;
    if file.status == crate::db::files::STATUS_DELETED {
        return Err(ApiError::FileDeleted);
    }
    if !file.is_available() {
        return Err(ApiError::NoContent);
    }
    let job = jobs::request(&app, &file, body.force).await?;
    let mut tx = begin_org_write(&app, &file.id_organization).await?;
    let details = json!({"idOcrJob": job.id, "force": body.force, "pagesReserved": job.pages_reserved});
    let event = Event::new("file.ocr_request").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event.details(details)).await?;
    commit(tx).await?;
    let file = load_file(&app, &auth, &path).await?;
    Ok((StatusCode::ACCEPTED, Json(file.into())))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/ocr", tag = "ocr",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    responses((status = 200, body = OcrResultDto), (status = 404, description = "no such file, or no OCR requested", body = Problem)))]
pub async fn get_ocr(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
) -> Result<Json<OcrResultDto>, ApiError> {
    let file = load_file(&app, &auth, &path).await?;
    // No summary: no job, or one that read content the file no longer has.
    let id_job = file.id_ocr_job.filter(|_| file.ocr.is_some()).ok_or(ApiError::NotFound)?;
    let job = ocr_jobs::get(app.db(), &id_job).await?.ok_or(ApiError::NotFound)?;
    let mut dto = OcrResultDto {
        status: job.status,
        engine: job.engine,
        pages_charged: job.pages_charged,
        error: job.error,
        error_code: job.error_code,
        pages: Vec::new(),
        fields: Fields::default(),
    };
    if let Some(stored) = ocr_jobs::result(app.db(), &id_job).await? {
        let parsed: StoredResult = serde_json::from_str(&stored).map_err(|e| ApiError::Internal(e.to_string()))?;
        dto.pages = parsed.pages;
        dto.fields = parsed.fields;
    }
    Ok(Json(dto))
}

/// The stored JSON, read back.
#[derive(Deserialize)]
struct StoredResult {
    pages: Vec<PageText>,
    fields: Fields,
}
