//! Files: records and metadata. Content (upload, finalize, download, delete) is in
//! [`super::content`].

use axum::extract::{OriginalUri, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::Json;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, ApiQuery, Auth};
use super::folders::begin_tree_change;
use super::patch::Patch;
use super::years::{load_year, YearPath};
use crate::app::App;
use crate::blob::ObjectKey;
use crate::db::files::{self, File, ListFilter, STATUS_AVAILABLE, STATUS_PENDING};
use crate::db::{deletions, folders, lock_row, orgs, DbError, Lockable, Tx};
use crate::domain::ids::looks_like_id;
use crate::domain::time::{now_millis, rfc3339};
use crate::domain::{new_id, DocDate, FolderName, Reference, Sha256Hex};

pub const DEFAULT_PAGE: i64 = 100;
pub const MAX_PAGE: i64 = 1000;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateFile {
    pub name: String,
    /// The folder to file it in; absent or null for the year's top level.
    pub id_folder: Option<String>,
    pub reference: Option<String>,
    /// The document's own date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Lowercase hex SHA-256 of the content to come; finalize refuses other bytes.
    pub hash: Option<String>,
    /// Accept content identical to another available file of the organization.
    #[serde(default)]
    pub allow_duplicate: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateFile {
    /// Must equal the path's file id if given.
    pub id_file: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub name: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub reference: Patch<String>,
    /// `YYYY-MM-DD`, or null to clear.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub date: Patch<String>,
    /// A folder to move to, or null for the top level.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub id_folder: Patch<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FileDto {
    pub id: String,
    pub id_organization: String,
    pub id_year: String,
    pub id_folder: Option<String>,
    pub name: String,
    pub reference: Option<String>,
    pub date: Option<String>,
    pub hash: Option<String>,
    /// `pending` (no content yet) or `available`.
    pub status: String,
    #[serde(rename = "type")]
    pub content_type: Option<String>,
    pub size: Option<i64>,
    /// Computed by the server from the stored bytes at finalize.
    pub sha256: Option<String>,
    pub created_at: String,
    pub last_updated_at: String,
}

impl From<File> for FileDto {
    fn from(f: File) -> Self {
        Self {
            id: f.id,
            id_organization: f.id_organization,
            id_year: f.id_year,
            id_folder: f.id_folder,
            name: f.name,
            reference: f.reference,
            date: f.doc_date,
            hash: f.hash,
            status: f.status,
            content_type: f.content_type,
            size: f.size,
            sha256: f.sha256,
            created_at: rfc3339(f.created_at),
            last_updated_at: rfc3339(f.last_updated_at),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct FilePath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
    #[serde(rename = "idYear")]
    pub id_year: String,
    #[serde(rename = "idFile")]
    pub id_file: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListFiles {
    /// A folder id, or `root` for the top level.
    pub id_folder: Option<String>,
    /// `pending` or `available`.
    pub status: Option<String>,
    /// Page size, 1 to 1000 (default 100).
    pub limit: Option<i64>,
    /// Opaque cursor from a previous page's `Link: <...>; rel="next"` header.
    pub cursor: Option<String>,
}

/// Loads the file named by the path, or 404 if it is not the caller's.
pub async fn load_file(app: &App, auth: &Auth, path: &FilePath) -> Result<File, ApiError> {
    auth.check_org(&path.id_organization)?;
    files::get(app.db(), &path.id_organization, &path.id_year, &path.id_file).await?.ok_or(ApiError::NotFound)
}

/// [`load_file`] inside a transaction, after locking the organization's row so that usage
/// and file state change together.
pub async fn load_file_locked(app: &App, tx: &mut Tx, path: &FilePath) -> Result<File, ApiError> {
    lock_row(tx, app.db().backend(), Lockable::Organization, &path.id_organization).await?;
    files::get_in(tx, &path.id_organization, &path.id_year, &path.id_file).await?.ok_or(ApiError::NotFound)
}

fn parse_opt<T>(
    field: &str,
    raw: Option<String>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Option<T>, ApiError> {
    raw.map(|v| parse(&v).map_err(|e| ApiError::invalid(field, e))).transpose()
}

/// 409 `duplicate_file` if an available file of the organization has this content.
pub async fn check_duplicate(conn: &mut sqlx::AnyConnection, file: &File, sha256: &str) -> Result<(), ApiError> {
    if file.allow_duplicate {
        return Ok(());
    }
    match files::find_available_by_sha256(conn, &file.id_organization, sha256, &file.id).await? {
        Some(existing) => Err(ApiError::DuplicateFile { existing }),
        None => Ok(()),
    }
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path)),
    request_body = CreateFile,
    responses((status = 201, body = FileDto), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "duplicate_file", body = Problem)))]
pub async fn create_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
    ApiJson(body): ApiJson<CreateFile>,
) -> Result<(StatusCode, Json<FileDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    let year = load_year(&app, &auth, &path.id_organization, &path.id_year).await?;
    let name = FolderName::parse(&body.name).map_err(|e| ApiError::invalid("name", e))?;
    let reference = parse_opt("reference", body.reference, Reference::parse)?;
    let date = parse_opt("date", body.date, DocDate::parse)?;
    let hash = parse_opt("hash", body.hash, Sha256Hex::parse)?;
    let now = now_millis();
    let file = File {
        id: new_id(),
        id_organization: year.id_organization.clone(),
        id_year: year.id.clone(),
        id_folder: body.id_folder,
        name: name.into_inner(),
        reference: reference.map(Reference::into_inner),
        doc_date: date.map(DocDate::to_iso),
        hash: hash.map(|h| h.as_str().to_owned()),
        allow_duplicate: body.allow_duplicate,
        status: STATUS_PENDING.into(),
        content_type: None,
        size: None,
        sha256: None,
        content_key: None,
        upload: None,
        created_at: now,
        last_updated_at: now,
    };
    let mut tx = begin_tree_change(&app, &year.id).await?;
    if let Some(folder) = &file.id_folder {
        folders::get_in(&mut tx, &year.id_organization, &year.id, folder).await?.ok_or(ApiError::NotFound)?;
    }
    if let Some(hash) = &file.hash {
        check_duplicate(&mut tx, &file, hash).await?;
    }
    files::insert(&mut tx, &file).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok((StatusCode::CREATED, Json(file.into())))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/files", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ListFiles),
    responses((status = 200, body = [FileDto], headers(("Link" = String, description = "rel=\"next\" when more files follow"))),
        (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn list_files(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
    ApiQuery(query): ApiQuery<ListFiles>,
    OriginalUri(uri): OriginalUri,
) -> Result<(HeaderMap, Json<Vec<FileDto>>), ApiError> {
    let year = load_year(&app, &auth, &path.id_organization, &path.id_year).await?;
    let limit = query.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::invalid("limit", format!("must be between 1 and {MAX_PAGE}")));
    }
    if let Some(status) = &query.status {
        if status != STATUS_PENDING && status != STATUS_AVAILABLE {
            return Err(ApiError::invalid("status", "must be pending or available"));
        }
    }
    let filter = ListFilter {
        folder: query.id_folder.clone().map(|f| (f != "root").then_some(f)),
        status: query.status.clone(),
        after: query.cursor.as_deref().map(decode_cursor).transpose()?,
        limit: limit + 1,
    };
    let mut page = files::list(app.db(), &year.id_organization, &year.id, &filter).await?;
    let mut headers = HeaderMap::new();
    if page.len() as i64 > limit {
        page.truncate(limit as usize);
        let last = page.last().map(|f| f.id.as_str()).unwrap_or_default();
        let link = next_link(uri.path(), &query, limit, last);
        if let Ok(value) = HeaderValue::from_str(&link) {
            headers.insert(header::LINK, value);
        }
    }
    Ok((headers, Json(page.into_iter().map(FileDto::from).collect())))
}

fn decode_cursor(raw: &str) -> Result<String, ApiError> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(raw).ok();
    let id = bytes.and_then(|b| String::from_utf8(b).ok()).filter(|id| looks_like_id(id));
    id.ok_or_else(|| ApiError::invalid("cursor", "is not a cursor returned by this API"))
}

fn next_link(path: &str, query: &ListFiles, limit: i64, last_id: &str) -> String {
    let cursor = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(last_id);
    let mut params = form_urlencoded::Serializer::new(String::new());
    if let Some(folder) = &query.id_folder {
        params.append_pair("idFolder", folder);
    }
    if let Some(status) = &query.status {
        params.append_pair("status", status);
    }
    params.append_pair("limit", &limit.to_string());
    params.append_pair("cursor", &cursor);
    format!("<{path}?{}>; rel=\"next\"", params.finish())
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    responses((status = 200, body = FileDto), (status = 404, body = Problem)))]
pub async fn get_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
) -> Result<Json<FileDto>, ApiError> {
    Ok(Json(load_file(&app, &auth, &path).await?.into()))
}

#[utoipa::path(patch, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body = UpdateFile,
    responses((status = 200, body = FileDto), (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn update_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
    ApiJson(body): ApiJson<UpdateFile>,
) -> Result<Json<FileDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    if body.id_file.as_ref().is_some_and(|id| id != &path.id_file) {
        return Err(ApiError::invalid("idFile", "must match the file id in the path"));
    }
    let name = match body.name {
        Patch::Null => return Err(ApiError::invalid("name", "must not be null")),
        other => other.apply(None, |v| FolderName::parse(&v).map_err(|e| ApiError::invalid("name", e)))?,
    };
    let mut tx = begin_tree_change(&app, &path.id_year).await?;
    let mut file =
        files::get_in(&mut tx, &path.id_organization, &path.id_year, &path.id_file).await?.ok_or(ApiError::NotFound)?;
    if let Some(name) = name {
        file.name = name.into_inner();
    }
    file.reference = body.reference.apply(file.reference, |v| {
        Reference::parse(&v).map(Reference::into_inner).map_err(|e| ApiError::invalid("reference", e))
    })?;
    file.doc_date = body
        .date
        .apply(file.doc_date, |v| DocDate::parse(&v).map(DocDate::to_iso).map_err(|e| ApiError::invalid("date", e)))?;
    if let Patch::Value(folder) = &body.id_folder {
        folders::get_in(&mut tx, &path.id_organization, &path.id_year, folder).await?.ok_or(ApiError::NotFound)?;
    }
    file.id_folder = body.id_folder.apply(file.id_folder, Ok::<_, ApiError>)?;
    file.last_updated_at = now_millis();
    files::update_metadata(&mut tx, &file).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Json(file.into()))
}

#[utoipa::path(delete, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
) -> Result<StatusCode, ApiError> {
    auth.check_write(&path.id_organization)?;
    let mut tx = app.db().begin_write().await?;
    let file = load_file_locked(&app, &mut tx, &path).await?;
    let now = now_millis();
    let keys: Vec<String> = file.content_key.iter().chain(file.upload.as_ref().map(|u| &u.key)).cloned().collect();
    for key in &keys {
        deletions::enqueue(&mut tx, key, now).await?;
    }
    if let (true, Some(size)) = (file.is_available(), file.size) {
        orgs::add_used_bytes(&mut tx, &file.id_organization, -size).await?;
    }
    files::delete(&mut tx, &file.id).await?;
    tx.commit().await.map_err(DbError::from)?;
    // The record is gone for good; the bytes follow now, or later from the retry queue.
    for key in keys {
        delete_object_now(&app, &key).await;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes an object whose deletion is queued; on failure the queue retries it later.
pub async fn delete_object_now(app: &App, key: &str) {
    match app.blob().delete(&ObjectKey::from_stored(key.to_owned())).await {
        Ok(()) => {
            if let Err(e) = deletions::done(app.db(), key).await {
                tracing::warn!(error = %e, key, "object deleted but its queue entry remains; the sweeper will retry");
            }
        }
        Err(e) => tracing::warn!(error = %e, key, "object deletion failed; queued for retry"),
    }
}
