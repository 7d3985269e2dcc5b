//! Year exports: queued, built by workers, downloaded through a signed URL.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiPath, Auth};
use super::guard::{begin_org_write, commit};
use super::years::YearPath;
use crate::app::App;
use crate::audit::{self, Event};
use crate::blob::ObjectKey;
use crate::db::exports::{self, Export};
use crate::db::years;
use crate::domain::time::rfc3339;
use crate::jobs;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportDto {
    pub id: String,
    pub id_year: String,
    /// `queued`, `running`, `ready`, `failed`, or `expired` (the archive was deleted after its
    /// time to live; request a new export).
    pub status: String,
    pub files: Option<i64>,
    pub size: Option<i64>,
    /// SHA-256 of the ZIP archive.
    pub sha256: Option<String>,
    /// A signed download URL, once ready.
    pub url: Option<String>,
    pub expires_at: Option<String>,
    pub error: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Deserialize)]
pub struct ExportPath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
    #[serde(rename = "idYear")]
    pub id_year: String,
    #[serde(rename = "idExport")]
    pub id_export: String,
}

fn dto(e: Export) -> ExportDto {
    ExportDto {
        id: e.id,
        id_year: e.id_year,
        status: e.status,
        files: e.files,
        size: e.size,
        sha256: e.sha256,
        url: None,
        expires_at: None,
        error: e.error,
        created_at: rfc3339(e.created_at),
    }
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/export", tag = "exports",
    params(("idOrganization" = String, Path), ("idYear" = String, Path)),
    responses((status = 202, description = "Queued, or the year's export already queued or running, or a ready one of the unchanged year", body = ExportDto), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn create_export(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
) -> Result<(StatusCode, Json<ExportDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let year = years::get_in(&mut tx, &path.id_organization, &path.id_year).await?.ok_or(ApiError::NotFound)?;
    let (export, existing) = jobs::export::queue(&app, &mut tx, &year).await?;
    let details = json!({"idExport": export.id, "existing": existing});
    let event = Event::new("year.export").year(&year.id).details(details);
    audit::record(&mut tx, &year.id_organization, &auth.actor(), event).await?;
    commit(tx).await?;
    app.ocr_wake().notify_waiters();
    Ok((StatusCode::ACCEPTED, Json(dto(export))))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/exports/{idExport}", tag = "exports",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idExport" = String, Path)),
    responses((status = 200, body = ExportDto), (status = 404, body = Problem)))]
pub async fn get_export(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<ExportPath>,
) -> Result<Json<ExportDto>, ApiError> {
    auth.check_org(&path.id_organization)?;
    let export = exports::get(app.db(), &path.id_organization, &path.id_year, &path.id_export).await?;
    let export = export.ok_or(ApiError::NotFound)?;
    let Some(key) = export.object_key.clone().filter(|_| export.status == exports::READY) else {
        return Ok(Json(dto(export)));
    };
    let ttl = app.config().download_url_ttl_secs;
    let filename = format!("coffre-export-{}-{}.zip", export.id_year, export.id);
    let signed = app.blob().presign_get(&ObjectKey::from_stored(key), &filename, "application/zip", ttl);
    let expires_at = rfc3339(signed.expires_at.timestamp_millis());
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let details = json!({"idExport": export.id, "expiresAt": expires_at});
    let event = Event::new("export.download_url").year(&export.id_year).sha256(export.sha256.as_deref());
    audit::record(&mut tx, &export.id_organization, &auth.actor(), event.details(details)).await?;
    commit(tx).await?;
    let mut body = dto(export);
    body.url = Some(signed.url);
    body.expires_at = Some(expires_at);
    Ok(Json(body))
}
