//! Files: records and metadata. Content (upload, finalize, download, delete) is in
//! [`super::content`].

use axum::extract::{OriginalUri, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, ApiQuery, Auth};
use super::file_json;
use super::guard::{begin_write, commit, lock_org_year, writable_year, Locking};
use super::patch::Patch;
use super::years::{load_year, YearPath};
use crate::app::App;
use crate::audit::{self, Event};
use crate::db::files::{self, File, ListFilter, STATUS_AVAILABLE, STATUS_DELETED, STATUS_PENDING};
use crate::db::search::{self as db_search, Hit};
use crate::db::{folders, years, Backend, Tx};
use crate::domain::ids::looks_like_id;
use crate::domain::text::normalize;
use crate::domain::time::{now_millis, rfc3339};
use crate::domain::{new_id, DocDate, FolderName, Reference, Sha256Hex};
use crate::search;
use serde_json::json;

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
    /// `pending` (no content yet), `available`, or `deleted` (in the trash).
    pub status: String,
    #[serde(rename = "type")]
    pub content_type: Option<String>,
    pub size: Option<i64>,
    /// Computed by the server from the stored bytes at finalize.
    pub sha256: Option<String>,
    /// `user`, or `ocr` when extraction filled an empty date.
    pub date_source: Option<String>,
    /// `user`, or `ocr` when extraction filled an empty reference.
    pub reference_source: Option<String>,
    /// The OCR job of the file's content, once requested.
    pub ocr: Option<OcrStateDto>,
    /// When it was moved to the trash.
    pub deleted_at: Option<String>,
    /// When its stored bytes were last re-read and found to match `sha256`.
    pub verified_at: Option<String>,
    pub created_at: String,
    pub last_updated_at: String,
    /// Only in a list searched with `q`: why this file matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchHitDto>,
}

/// How a file matched a search (`q`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SearchHitDto {
    /// Relevance, higher is better, comparable only within one search: BM25 on SQLite,
    /// `ts_rank_cd` on PostgreSQL; 0 when only an identifier or an amount matched.
    pub score: f64,
    /// An identifier (reference, invoice number, SIREN, SIRET, VAT number, IBAN) or an amount
    /// (totals) of the file equals the query: such files come first.
    pub identifier: bool,
    /// An extract of the matching text, as HTML: the text escaped, the words found in
    /// `<mark>...</mark>`. Absent when only an identifier or amount matched.
    pub snippet: Option<String>,
}

impl From<Hit> for FileDto {
    fn from(hit: Hit) -> Self {
        let search = SearchHitDto { score: hit.score, identifier: hit.identifier, snippet: hit.snippet };
        Self { search: Some(search), ..hit.file.into() }
    }
}

/// The state of a file's OCR.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcrStateDto {
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub pages: i64,
    pub pages_charged: i64,
    pub engine: Option<String>,
    /// Why it failed.
    pub error: Option<String>,
}

impl From<files::OcrSummary> for OcrStateDto {
    fn from(o: files::OcrSummary) -> Self {
        Self { status: o.status, pages: o.pages, pages_charged: o.pages_charged, engine: o.engine, error: o.error }
    }
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
    /// `pending`, `available`, or `deleted` (the trash; excluded otherwise).
    pub status: Option<String>,
    /// Page size, 1 to 1000 (default 100).
    pub limit: Option<i64>,
    /// Cursor from a previous page's `Link: <...>; rel="next"` header: the last file id of
    /// the previous page, or, in a search (`q`) whose results are ranked, `o` and the number
    /// of results already seen.
    #[param(pattern = "^([0-9a-hjkmnp-tv-z]{26}|o(0|[1-9][0-9]{0,5}))$")]
    pub cursor: Option<String>,
    /// A search of names, references, OCR text and extracted fields, case and accents ignored
    /// (see the README, "Search"): words, `"phrases"`, `-exclusions`, the last word also as a
    /// prefix; an identifier (`FA-2024-0012`, a SIREN, an IBAN) or an amount (`1 234,56`)
    /// also matches exactly. Results come ranked, each with a `search` member. At most 512
    /// characters; 400 `invalid_search_query` when it holds no word.
    pub q: Option<String>,
}

/// Loads the file named by the path, or 404 if it is not the caller's.
pub async fn load_file(app: &App, auth: &Auth, path: &FilePath) -> Result<File, ApiError> {
    auth.check_org(&path.id_organization)?;
    files::get(app.db(), &path.id_organization, &path.id_year, &path.id_file).await?.ok_or(ApiError::NotFound)
}

/// The path's file inside a write transaction (`guard::begin_org_write`), for a change: 404 if
/// missing, 423 if its year is closed, 409 if it is in the trash.
pub async fn load_writable_file(tx: &mut Tx, path: &FilePath) -> Result<File, ApiError> {
    let found = files::get_with_year_in(tx, &path.id_organization, &path.id_year, &path.id_file).await?;
    let Some((file, year_closed)) = found else {
        // 423 rather than 404 when the year is closed, as the year is checked first.
        writable_year(tx, &path.id_organization, &path.id_year).await?;
        return Err(ApiError::NotFound);
    };
    writable_file(&file.status, year_closed)?;
    Ok(file)
}

/// 423 if the file's year is closed, else 409 if the file is in the trash.
pub fn writable_file(status: &str, year_closed: bool) -> Result<(), ApiError> {
    if year_closed {
        return Err(ApiError::YearClosed);
    }
    if status == STATUS_DELETED {
        return Err(ApiError::FileDeleted);
    }
    Ok(())
}

/// The audited form of a file's metadata.
pub fn snapshot(file: &File) -> serde_json::Value {
    json!({
        "name": file.name,
        "reference": file.reference,
        "date": file.doc_date,
        "idFolder": file.id_folder,
        "status": file.status,
    })
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
    // A malformed request is refused as such (400) before any state is looked at.
    let name = FolderName::parse(&body.name).map_err(|e| ApiError::invalid("name", e))?;
    let reference = parse_opt("reference", body.reference, Reference::parse)?;
    let date = parse_opt("date", body.date, DocDate::parse)?;
    let hash = parse_opt("hash", body.hash, Sha256Hex::parse)?;
    let now = now_millis();
    let search_text = search_text(name.as_str(), reference.as_ref().map(Reference::as_str));
    let file = File {
        id: new_id(),
        id_organization: path.id_organization,
        id_year: path.id_year,
        id_folder: body.id_folder,
        name: name.into_inner(),
        reference: reference.clone().map(Reference::into_inner),
        doc_date: date.map(DocDate::to_iso),
        hash: hash.map(|h| h.as_str().to_owned()),
        allow_duplicate: body.allow_duplicate,
        status: STATUS_PENDING.into(),
        content_type: None,
        size: None,
        sha256: None,
        content_key: None,
        upload: None,
        id_ocr_job: None,
        date_source: date.map(|_| "user".to_owned()),
        reference_source: reference.as_ref().map(|_| "user".to_owned()),
        search_text,
        ocr: None,
        deleted_at: None,
        status_before_delete: None,
        verified_at: None,
        thumbnail_key: None,
        created_at: now,
        last_updated_at: now,
    };
    let event = Event::new("file.create").year(&file.id_year).file(&file.id).details(snapshot(&file));
    // With no folder and no hash to check against the year's files, the insert itself checks
    // that the year is open: on SQLite the writer runs it with the audit entry, the route
    // holding no transaction.
    if app.db().backend() == Backend::Sqlite && file.id_folder.is_none() && file.hash.is_none() {
        let entry = audit::entry(&auth.actor(), event);
        if files::insert_planned(app.db(), &file, entry).await? {
            return Ok((StatusCode::CREATED, Json(file.into())));
        }
        // Not the organization's year (404), or closed (423).
        let year = years::get(app.db(), &file.id_organization, &file.id_year).await?;
        return Err(if year.is_some_and(|y| y.closed) { ApiError::YearClosed } else { ApiError::NotFound });
    }
    // Read and validate first; the organization's lock is taken just before the writes.
    let mut tx = begin_write(&app).await?;
    // Otherwise the year is checked first, so that a closed year is a 423 whatever else is
    // wrong.
    if file.id_folder.is_some() || file.hash.is_some() {
        writable_year(&mut tx, &file.id_organization, &file.id_year).await?;
    }
    if let Some(folder) = &file.id_folder {
        folders::get_in(&mut tx, &file.id_organization, &file.id_year, folder).await?.ok_or(ApiError::NotFound)?;
    }
    // The lock, with the year's open state re-checked under it (it may have closed meanwhile).
    lock_org_year(&app, &mut tx, &file.id_organization, &file.id_year).await?;
    if let Some(hash) = &file.hash {
        check_duplicate(&mut tx, &file, hash).await?;
    }
    // A folder deleted since it was read fails the foreign key: the folder is not found.
    let inserted = files::insert_into_open_year(&mut tx, &file).await.map_err(|e| {
        if e.is_foreign_key_violation() {
            ApiError::NotFound
        } else {
            e.into()
        }
    })?;
    if !inserted {
        // Not the organization's year (404), or closed (423).
        writable_year(&mut tx, &file.id_organization, &file.id_year).await?;
        return Err(ApiError::NotFound);
    }
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event).await?;
    commit(tx).await?;
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
) -> Result<Response, ApiError> {
    let year = load_year(&app, &auth, &path.id_organization, &path.id_year).await?;
    let limit = query.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::invalid("limit", format!("must be between 1 and {MAX_PAGE}")));
    }
    if let Some(status) = &query.status {
        if ![STATUS_PENDING, STATUS_AVAILABLE, STATUS_DELETED].contains(&status.as_str()) {
            return Err(ApiError::invalid("status", "must be pending, available or deleted"));
        }
    }
    let search = query.q.as_deref().filter(|q| !q.trim().is_empty()).map(search::parse).transpose()?;
    let cursor = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let filter = ListFilter {
        folder: query.id_folder.clone().map(|f| (f != "root").then_some(f)),
        status: query.status.clone(),
        after: cursor.as_ref().and_then(|c| c.after.clone()),
        limit: limit + 1,
        offset: cursor.as_ref().map_or(0, |c| c.offset),
    };
    // Truncated to `limit` below; one more row says whether a next page exists.
    let (body, more, last_id) = match &search {
        Some(q) => {
            let mut page: Vec<FileDto> = db_search::list(app.db(), &year.id_organization, &year.id, &filter, q)
                .await?
                .into_iter()
                .map(FileDto::from)
                .collect();
            let more = page.len() as i64 > limit;
            page.truncate(limit as usize);
            let last_id = page.last().map(|f| f.id.clone());
            let body = serde_json::to_vec(&page).map_err(|e| ApiError::Internal(e.to_string()))?;
            (body, more, last_id)
        }
        None => {
            let mut page = files::list_page(app.db(), &year.id_organization, &year.id, &filter).await?;
            let more = page.len() as i64 > limit;
            page.truncate(limit as usize);
            let last_id = page.last().map(|f| f.id.clone());
            (file_json::page(&page, &year.id_organization, &year.id)?, more, last_id)
        }
    };
    let mut headers = HeaderMap::new();
    if more && filter.offset + limit <= MAX_OFFSET {
        // Ranked results page by offset; files in id order by the last id seen.
        let next = match (&search, &cursor) {
            (Some(_), _) | (None, Some(Cursor { after: None, .. })) => format!("o{}", filter.offset + limit),
            _ => last_id.unwrap_or_default(),
        };
        let link = next_link(uri.path(), &query, limit, &next);
        if let Ok(value) = HeaderValue::from_str(&link) {
            headers.insert(header::LINK, value);
        }
    }
    Ok((headers, file_json::response(body)).into_response())
}

/// What `q` matches besides OCR text.
fn search_text(name: &str, reference: Option<&str>) -> String {
    normalize(&format!("{name} {}", reference.unwrap_or("")))
}

/// Where a page starts: after a file id, or after a number of ranked results.
#[derive(Debug, Clone)]
struct Cursor {
    after: Option<String>,
    offset: i64,
}

/// The deepest offset a cursor may name (the pattern's six digits).
const MAX_OFFSET: i64 = 999_999;

/// A cursor is the last id of the previous page, or `o` and an offset: both shapes are
/// documented, so a well-formed cursor is always accepted.
fn decode_cursor(raw: &str) -> Result<Cursor, ApiError> {
    if looks_like_id(raw) {
        return Ok(Cursor { after: Some(raw.to_owned()), offset: 0 });
    }
    let digits = |d: &&str| !d.is_empty() && d.len() <= 6 && d.bytes().all(|b| b.is_ascii_digit());
    let offset = raw.strip_prefix('o').filter(digits).filter(|d| d == &"0" || !d.starts_with('0'));
    match offset.and_then(|d| d.parse::<i64>().ok()).filter(|o| (0..=MAX_OFFSET).contains(o)) {
        Some(offset) => Ok(Cursor { after: None, offset }),
        None => Err(ApiError::invalid("cursor", "is not a cursor returned by this API")),
    }
}

fn next_link(path: &str, query: &ListFiles, limit: i64, last_id: &str) -> String {
    let mut params = form_urlencoded::Serializer::new(String::new());
    if let Some(folder) = &query.id_folder {
        params.append_pair("idFolder", folder);
    }
    if let Some(status) = &query.status {
        params.append_pair("status", status);
    }
    if let Some(q) = &query.q {
        params.append_pair("q", q);
    }
    params.append_pair("limit", &limit.to_string());
    params.append_pair("cursor", last_id);
    format!("<{path}?{}>; rel=\"next\"", params.finish())
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    responses((status = 200, body = FileDto),
        (status = 404, description = "missing, or in the trash (listed with `status=deleted`)", body = Problem)))]
pub async fn get_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
) -> Result<Response, ApiError> {
    auth.check_org(&path.id_organization)?;
    let file = files::get_listed(app.db(), &path.id_organization, &path.id_year, &path.id_file).await?;
    // A deleted file is gone from reads, as DELETE promises; the trash listing and restore
    // still reach it.
    let file = file.filter(|f| f.status != STATUS_DELETED).ok_or(ApiError::NotFound)?;
    Ok(file_json::response(file_json::one(&file, &path.id_organization, &path.id_year)?))
}

#[utoipa::path(patch, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body = UpdateFile,
    responses((status = 200, body = FileDto), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "file_deleted", body = Problem)))]
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
    // Parsed before any state is looked at: a malformed request is a 400 even in a closed year.
    let reference = body
        .reference
        .parse(|v| Reference::parse(&v).map(Reference::into_inner).map_err(|e| ApiError::invalid("reference", e)))?;
    let date =
        body.date.parse(|v| DocDate::parse(&v).map(DocDate::to_iso).map_err(|e| ApiError::invalid("date", e)))?;
    let change = MetadataChange { name, reference, date, id_folder: body.id_folder };
    match update_file_once(&app, &auth, &path, &change, Locking::Later).await? {
        Some(file) => Ok(Json(file.into())),
        // The file changed between the read and the lock: again, under the lock.
        None => Ok(Json(
            update_file_once(&app, &auth, &path, &change, Locking::First).await?.ok_or(ApiError::NotFound)?.into(),
        )),
    }
}

/// A PATCH of a file's metadata, parsed.
struct MetadataChange {
    name: Option<FolderName>,
    reference: Patch<String>,
    date: Patch<String>,
    id_folder: Patch<String>,
}

/// Applies the change; None when the file changed since it was read before the lock.
async fn update_file_once(
    app: &App,
    auth: &Auth,
    path: &FilePath,
    change: &MetadataChange,
    locking: Locking,
) -> Result<Option<File>, ApiError> {
    let mut tx = locking.begin(app, &path.id_organization).await?;
    let mut file = load_writable_file(&mut tx, path).await?;
    let read_at = file.last_updated_at;
    let before = snapshot(&file);
    if let Some(name) = &change.name {
        file.name = name.as_str().to_owned();
    }
    if change.reference != Patch::Absent {
        file.reference_source = Some("user".into());
    }
    if change.date != Patch::Absent {
        file.date_source = Some("user".into());
    }
    file.reference = change.reference.clone().apply(file.reference, Ok::<_, ApiError>)?;
    file.doc_date = change.date.clone().apply(file.doc_date, Ok::<_, ApiError>)?;
    file.reference_source = file.reference.as_ref().and(file.reference_source);
    file.date_source = file.doc_date.as_ref().and(file.date_source);
    file.search_text = search_text(&file.name, file.reference.as_deref());
    if let Patch::Value(folder) = &change.id_folder {
        folders::get_in(&mut tx, &path.id_organization, &path.id_year, folder).await?.ok_or(ApiError::NotFound)?;
    }
    file.id_folder = change.id_folder.clone().apply(file.id_folder, Ok::<_, ApiError>)?;
    file.last_updated_at = now_millis();
    // The lock, with the year's open state re-checked under it (it may have closed meanwhile).
    locking.lock(app, &mut tx, &path.id_organization, &path.id_year).await?;
    // A folder deleted since it was read fails the foreign key: the folder is not found.
    let saved = files::update_metadata(&mut tx, &file, locking.expect(read_at)).await.map_err(|e| {
        if e.is_foreign_key_violation() {
            ApiError::NotFound
        } else {
            e.into()
        }
    })?;
    if !saved {
        return Ok(None);
    }
    let event = Event::new("file.update").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event.change(before, snapshot(&file))).await?;
    commit(tx).await?;
    Ok(Some(file))
}

#[utoipa::path(delete, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    responses((status = 204, description = "Moved to the trash (restorable, purged after the trash period)"),
        (status = 404, body = Problem), (status = 409, description = "file_deleted", body = Problem),
        (status = 423, description = "year_closed", body = Problem)))]
pub async fn delete_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
) -> Result<StatusCode, ApiError> {
    auth.check_write(&path.id_organization)?;
    if !delete_file_once(&app, &auth, &path, Locking::Later).await? {
        // The file changed between the read and the lock: again, under the lock.
        delete_file_once(&app, &auth, &path, Locking::First).await?;
    }
    app.ocr_wake().notify_waiters();
    Ok(StatusCode::NO_CONTENT)
}

/// Moves the file to the trash; false when it changed since it was read before the lock.
async fn delete_file_once(app: &App, auth: &Auth, path: &FilePath, locking: Locking) -> Result<bool, ApiError> {
    let mut tx = locking.begin(app, &path.id_organization).await?;
    let file = load_writable_file(&mut tx, path).await?;
    locking.lock(app, &mut tx, &path.id_organization, &path.id_year).await?;
    if !files::trash(&mut tx, &file.id, now_millis(), locking.expect(file.last_updated_at)).await? {
        return match locking {
            Locking::Later => Ok(false),
            Locking::First => Err(ApiError::FileDeleted),
        };
    }
    let event = Event::new("file.delete").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event.details(snapshot(&file))).await?;
    let subject = crate::webhooks::Subject::file(&file.id_year, &file.id);
    crate::webhooks::emit(&mut tx, &file.id_organization, crate::webhooks::EventType::FileDeleted, subject).await?;
    commit(tx).await?;
    Ok(true)
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/restore", tag = "files",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    responses((status = 200, body = FileDto), (status = 404, description = "missing, or purged", body = Problem),
        (status = 409, description = "not_deleted, or duplicate_file (with idFileExisting)", body = Problem),
        (status = 423, description = "year_closed", body = Problem)))]
pub async fn restore_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
) -> Result<Json<FileDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    let restored = match restore_file_once(&app, &auth, &path, Locking::Later).await? {
        Some(file) => file,
        // The file changed between the read and the lock: again, under the lock.
        None => restore_file_once(&app, &auth, &path, Locking::First).await?.ok_or(ApiError::NotDeleted)?,
    };
    app.ocr_wake().notify_waiters();
    Ok(Json(restored.into()))
}

/// Takes the file out of the trash; None when it changed since it was read before the lock.
async fn restore_file_once(
    app: &App,
    auth: &Auth,
    path: &FilePath,
    locking: Locking,
) -> Result<Option<File>, ApiError> {
    let mut tx = locking.begin(app, &path.id_organization).await?;
    let found = files::get_with_year_in(&mut tx, &path.id_organization, &path.id_year, &path.id_file).await?;
    let Some((file, year_closed)) = found else {
        writable_year(&mut tx, &path.id_organization, &path.id_year).await?;
        return Err(ApiError::NotFound);
    };
    if year_closed {
        return Err(ApiError::YearClosed);
    }
    let trash_ms = i64::from(app.config().trash_days) * 86_400_000;
    match file.deleted_at {
        None => return Err(ApiError::NotDeleted),
        // Past the trash period the file is as good as purged.
        Some(at) if at + trash_ms < now_millis() => return Err(ApiError::NotFound),
        Some(_) => {}
    }
    locking.lock(app, &mut tx, &path.id_organization, &path.id_year).await?;
    // The same rule as create and finalize: the content, or the hash declared at create for a
    // file that had none yet, must not be another available file's.
    if let Some(sha256) = file.sha256.as_deref().or(file.hash.as_deref()) {
        check_duplicate(&mut tx, &file, sha256).await?;
    }
    if !files::restore(&mut tx, &file.id, now_millis(), locking.expect(file.last_updated_at)).await? {
        return match locking {
            Locking::Later => Ok(None),
            Locking::First => Err(ApiError::NotDeleted),
        };
    }
    let event = Event::new("file.restore").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event).await?;
    let subject = crate::webhooks::Subject::file(&file.id_year, &file.id);
    crate::webhooks::emit(&mut tx, &file.id_organization, crate::webhooks::EventType::FileRestored, subject).await?;
    let restored = files::get_in(&mut tx, &path.id_organization, &path.id_year, &path.id_file).await?;
    commit(tx).await?;
    Ok(Some(restored.ok_or(ApiError::NotFound)?))
}
