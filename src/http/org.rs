//! Organization-wide reads: the audit trail and usage.

use axum::extract::{OriginalUri, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, Problem};
use super::extract::{ApiPath, ApiQuery, Auth};
use super::years::OrgPath;
use crate::app::App;
use crate::db::audit::{self, Entry, Filter};
use crate::db::orgs;
use crate::domain::time::rfc3339;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub id_year: Option<String>,
    pub id_file: Option<String>,
    /// Page size, 1 to 1000 (default 100).
    pub limit: Option<i64>,
    /// Entries after this sequence number (the next page's `Link` sets it).
    pub after: Option<i64>,
}

/// One entry of the audit trail.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryDto {
    pub seq: i64,
    pub id: String,
    pub at: String,
    /// `key:<idKey>`, `admin` or `system`.
    pub actor: String,
    /// e.g. `file.create`, `file.update`, `file.download_url`, `year.close`.
    pub action: String,
    pub id_year: Option<String>,
    pub id_folder: Option<String>,
    pub id_file: Option<String>,
    pub sha256: Option<String>,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

impl From<Entry> for AuditEntryDto {
    fn from(e: Entry) -> Self {
        Self {
            seq: e.seq,
            id: e.id,
            at: rfc3339(e.at),
            actor: e.actor,
            action: e.action,
            id_year: e.id_year,
            id_folder: e.id_folder,
            id_file: e.id_file,
            sha256: e.sha256,
            details: serde_json::from_str(&e.details).unwrap_or_default(),
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/audit", tag = "audit",
    params(("idOrganization" = String, Path), AuditQuery),
    responses((status = 200, body = [AuditEntryDto], headers(("Link" = String, description = "rel=\"next\" when more entries follow"))),
        (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn list_audit(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
    ApiQuery(query): ApiQuery<AuditQuery>,
    OriginalUri(uri): OriginalUri,
) -> Result<(HeaderMap, Json<Vec<AuditEntryDto>>), ApiError> {
    auth.check_org(&path.id_organization)?;
    let limit = query.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be between 1 and 1000"));
    }
    let filter = Filter {
        id_year: query.id_year.clone(),
        id_file: query.id_file.clone(),
        after_seq: query.after.unwrap_or(0).max(0),
        limit: limit + 1,
    };
    let mut entries = audit::list(app.db(), &path.id_organization, &filter).await?;
    let mut headers = HeaderMap::new();
    if entries.len() as i64 > limit {
        entries.truncate(limit as usize);
        let last = entries.last().map_or(0, |e| e.seq);
        let mut params = form_urlencoded::Serializer::new(String::new());
        if let Some(year) = &query.id_year {
            params.append_pair("idYear", year);
        }
        if let Some(file) = &query.id_file {
            params.append_pair("idFile", file);
        }
        params.append_pair("limit", &limit.to_string());
        params.append_pair("after", &last.to_string());
        let link = format!("<{}?{}>; rel=\"next\"", uri.path(), params.finish());
        if let Ok(value) = HeaderValue::from_str(&link) {
            headers.insert(header::LINK, value);
        }
    }
    Ok((headers, Json(entries.into_iter().map(AuditEntryDto::from).collect())))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UsageDto {
    pub storage: StorageUsage,
    pub ocr: OcrUsage,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StorageUsage {
    /// Bytes of finalized content (files in the trash included until purged).
    pub used_bytes: i64,
    /// Bytes promised to upload URLs that have not expired.
    pub reserved_bytes: i64,
    pub limit_bytes: i64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcrUsage {
    pub pages_available: i64,
    pub pages_used: i64,
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/usage", tag = "usage",
    params(("idOrganization" = String, Path)),
    responses((status = 200, body = UsageDto), (status = 404, body = Problem)))]
pub async fn get_usage(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
) -> Result<Json<UsageDto>, ApiError> {
    auth.check_org(&path.id_organization)?;
    let org = orgs::get(app.db(), &path.id_organization).await?.ok_or(ApiError::NotFound)?;
    let reserved = orgs::reserved_bytes_now(app.db(), &org.id).await?;
    Ok(Json(UsageDto {
        storage: StorageUsage { used_bytes: org.used_bytes, reserved_bytes: reserved, limit_bytes: org.quota_bytes },
        ocr: OcrUsage { pages_available: org.ocr_pages_available, pages_used: org.ocr_pages_used },
    }))
}

/// Who the caller is: the organization and key behind the credentials presented.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeDto {
    pub id_organization: String,
    /// The API key presented, or the one a web session was signed in with.
    pub id_key: String,
    pub read_only: bool,
}

/// The organization and key of the caller, so that a client holding only a key can find its
/// organization.
#[utoipa::path(get, path = "/me", tag = "me", responses((status = 200, body = MeDto, description = "The caller")))]
pub async fn get_me(auth: Auth) -> Json<MeDto> {
    Json(MeDto { id_organization: auth.id_organization, id_key: auth.id_key, read_only: auth.read_only })
}
