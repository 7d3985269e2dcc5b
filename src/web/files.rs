//! A year's documents: the year view (folder tree, sorted and paginated file list, search,
//! bulk actions, the drop zone) and a file's detail (preview, editable metadata, extracted
//! fields, OCR text, history). Changes go through the API's handlers.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::page::{render, see_other, Chrome, Form, Page};
use crate::blob::ObjectKey;
use crate::db::files::{self as db_files, File, ListFilter};
use crate::db::search as db_search;
use crate::db::{audit, folders, ocr_jobs};
use crate::domain::time::rfc3339;
use crate::http::content::FileAction;
use crate::http::error::ApiError;
use crate::http::extract::{ApiJson, ApiPath, Auth};
use crate::http::files::{self as api, FileDto, FilePath, UpdateFile};
use crate::http::folders::CreateFolder;
use crate::http::ocr::{OcrRequest, OcrResultDto};
use crate::http::patch::Patch;
use crate::http::years::{load_year, YearDto, YearPath};

/// Files shown on one page of the year view.
const PAGE_SIZE: usize = 100;
/// Most files of one folder or search the year view sorts (in memory).
const MAX_LISTED: i64 = 5000;

#[derive(Debug, Default, Deserialize)]
pub struct YearQuery {
    folder: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    desc: Option<u8>,
    page: Option<usize>,
}

pub struct FolderRow {
    pub id: String,
    pub name: String,
    pub depth: usize,
}

pub struct FileRow {
    pub id: String,
    pub name: String,
    pub date: String,
    pub supplier: String,
    pub total: String,
    pub status: String,
    pub status_key: String,
    pub ocr: String,
    pub ocr_key: String,
    pub thumbnail: Option<String>,
}

#[derive(Template)]
#[template(path = "year.html")]
struct YearPage {
    c: Chrome,
    year: YearDto,
    folders: Vec<FolderRow>,
    folder: Option<FolderRow>,
    rows: Vec<FileRow>,
    q: String,
    sort: String,
    desc: bool,
    page: usize,
    pages: usize,
    total: usize,
    editable: bool,
}

impl YearPage {
    /// A link to this view with one parameter changed.
    fn link(&self, sort: &str, desc: bool, page: usize) -> String {
        let mut params = form_urlencoded::Serializer::new(String::new());
        if let Some(f) = &self.folder {
            params.append_pair("folder", &f.id);
        }
        if !self.q.is_empty() {
            params.append_pair("q", &self.q);
        }
        params.append_pair("sort", sort);
        params.append_pair("desc", if desc { "1" } else { "0" });
        params.append_pair("page", &page.to_string());
        format!("/years/{}?{}", self.year.id, params.finish())
    }

    fn sort_link(&self, column: &str) -> String {
        let desc = self.sort == column && !self.desc;
        self.link(column, desc, 1)
    }

    fn page_link(&self, page: &usize) -> String {
        self.link(&self.sort, self.desc, *page)
    }

    fn sort_mark(&self, column: &str) -> &'static str {
        match (self.sort == column, self.desc) {
            (false, _) => "",
            (true, false) => "▲",
            (true, true) => "▼",
        }
    }

    fn aria_sort(&self, column: &str) -> &'static str {
        match (self.sort == column, self.desc) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// The year's folders in tree order, with their depth.
fn folder_tree(all: Vec<folders::Folder>) -> Vec<FolderRow> {
    fn walk(all: &[folders::Folder], parent: Option<&str>, depth: usize, out: &mut Vec<FolderRow>) {
        let mut children: Vec<_> = all.iter().filter(|f| f.id_parent.as_deref() == parent).collect();
        children.sort_by_key(|f| f.name.to_lowercase());
        for f in children {
            out.push(FolderRow { id: f.id.clone(), name: f.name.clone(), depth: depth.min(9) });
            walk(all, Some(&f.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&all, None, 0, &mut out);
    out
}

/// Supplier and total (TTC) from the file's extracted fields, when OCR is done.
async fn extracted_summary(page: &Page, file: &File) -> (String, String) {
    let Some(id_job) = file.id_ocr_job.as_ref().filter(|_| file.ocr.as_ref().is_some_and(|o| o.status == "done"))
    else {
        return (String::new(), String::new());
    };
    let Ok(Some(stored)) = ocr_jobs::result(page.app.db(), id_job).await else { return (String::new(), String::new()) };
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap_or_default();
    let field = |name: &str| value["fields"][name]["value"].as_str().unwrap_or_default().to_owned();
    (field("supplierName"), field("totalIncludingTax"))
}

fn thumbnail_url(page: &Page, file: &File) -> Option<String> {
    let key = file.thumbnail_key.clone()?;
    Some(page.app.blob().presign_thumbnail(&ObjectKey::from_stored(key)).url)
}

async fn file_row(page: &Page, file: File) -> FileRow {
    let (supplier, total) = extracted_summary(page, &file).await;
    FileRow {
        thumbnail: thumbnail_url(page, &file),
        id: file.id,
        name: file.name,
        date: file.doc_date.unwrap_or_default(),
        supplier,
        total,
        status_key: format!("status.{}", file.status),
        status: file.status,
        ocr_key: file.ocr.as_ref().map(|o| format!("status.{}", o.status)).unwrap_or_default(),
        ocr: file.ocr.map(|o| o.status).unwrap_or_default(),
    }
}

fn sort_files(files: &mut [File], sort: &str, desc: bool) {
    match sort {
        "name" => files.sort_by_key(|f| f.name.to_lowercase()),
        "date" => files.sort_by(|a, b| a.doc_date.cmp(&b.doc_date).then(a.id.cmp(&b.id))),
        _ => files.sort_by(|a, b| a.id.cmp(&b.id)),
    }
    if desc {
        files.reverse();
    }
}

pub async fn year_page(page: Page, Path(id_year): Path<String>, Query(query): Query<YearQuery>) -> Response {
    match year_view(&page, id_year, query).await {
        Ok(view) => render(&view),
        Err(e) => page.error(&e),
    }
}

async fn year_view(page: &Page, id_year: String, query: YearQuery) -> Result<YearPage, ApiError> {
    let auth = page.auth();
    let year = load_year(&page.app, &auth, &auth.id_organization, &id_year).await?;
    let tree = folder_tree(folders::list(page.app.db(), &year.id_organization, &year.id).await?);
    let folder = query.folder.as_deref().and_then(|id| tree.iter().find(|f| f.id == id));
    let folder = folder.map(|f| FolderRow { id: f.id.clone(), name: f.name.clone(), depth: f.depth });
    let q = query.q.clone().unwrap_or_default().trim().to_owned();
    let filter = ListFilter {
        // A search looks through the whole year; otherwise the folder (or the top level).
        folder: if q.is_empty() { Some(folder.as_ref().map(|f| f.id.clone())) } else { None },
        status: None,
        after: None,
        limit: MAX_LISTED,
        offset: 0,
    };
    let mut files = if q.is_empty() {
        db_files::list(page.app.db(), &year.id_organization, &year.id, &filter).await?
    } else {
        // A query with nothing to search for finds nothing.
        match crate::search::parse(&q) {
            Ok(search) => db_search::list(page.app.db(), &year.id_organization, &year.id, &filter, &search)
                .await?
                .into_iter()
                .map(|hit| hit.file)
                .collect(),
            Err(_) => Vec::new(),
        }
    };
    let sort = match query.sort.as_deref() {
        Some(s @ ("name" | "date" | "added")) => s.to_owned(),
        _ => "added".to_owned(),
    };
    let desc = query.desc.unwrap_or(1) == 1;
    sort_files(&mut files, &sort, desc);
    let total = files.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let current = query.page.unwrap_or(1).clamp(1, pages);
    let mut rows = Vec::new();
    for file in files.into_iter().skip((current - 1) * PAGE_SIZE).take(PAGE_SIZE) {
        rows.push(file_row(page, file).await);
    }
    let editable = !year.closed && !page.session.read_only;
    Ok(YearPage {
        c: page.chrome(),
        year: year.into(),
        folders: tree,
        folder,
        rows,
        q,
        sort,
        desc,
        page: current,
        pages,
        total,
        editable,
    })
}

fn year_path(page: &Page, id_year: &str) -> YearPath {
    YearPath { id_organization: page.org(), id_year: id_year.to_owned() }
}

fn file_path(page: &Page, id_year: &str, id_file: &str) -> FilePath {
    FilePath { id_organization: page.org(), id_year: id_year.to_owned(), id_file: id_file.to_owned() }
}

pub async fn create_folder(page: Page, Path(id_year): Path<String>, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(e) = form.check_csrf(&page) {
        return page.error(&e);
    }
    let body =
        CreateFolder { name: form.get("name").unwrap_or_default().to_owned(), id_folder_parent: form.text("parent") };
    let path = year_path(&page, &id_year);
    match crate::http::folders::create_folder(State(page.app.clone()), page.auth(), ApiPath(path), ApiJson(body)).await
    {
        Ok((_, Json(folder))) => see_other(&format!("/years/{id_year}?folder={}", folder.id)),
        Err(e) => page.error(&e),
    }
}

/// Moves, trashes or queues OCR for the checked files, one API call each; stops at the
/// first refusal and says which file it was.
pub async fn bulk_action(page: Page, Path(id_year): Path<String>, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(e) = form.check_csrf(&page) {
        return page.error(&e);
    }
    let ids = form.all("ids");
    let action = form.get("action").unwrap_or_default().to_owned();
    for id in &ids {
        let path = file_path(&page, &id_year, id);
        let (app, auth) = (State(page.app.clone()), page.auth());
        let done = match action.as_str() {
            "move" => {
                let target = form.text("target").filter(|t| t != "root");
                let body = UpdateFile { id_folder: target.map_or(Patch::Null, Patch::Value), ..update_nothing() };
                api::update_file(app, auth, ApiPath(path), ApiJson(body)).await.map(|_| ())
            }
            "trash" => api::delete_file(app, auth, ApiPath(path)).await.map(|_| ()),
            "ocr" => crate::http::ocr::request_ocr(app, auth, ApiPath(path), ApiJson(OcrRequest::default()))
                .await
                .map(|_| ()),
            _ => Err(ApiError::invalid("action", "must be move, trash or ocr")),
        };
        if let Err(e) = done {
            return page.error(&e);
        }
    }
    let back = form.text("back").filter(|b| b.starts_with("/years/")).unwrap_or_else(|| format!("/years/{id_year}"));
    see_other(&back)
}

fn update_nothing() -> UpdateFile {
    UpdateFile {
        id_file: None,
        name: Patch::Absent,
        reference: Patch::Absent,
        date: Patch::Absent,
        id_folder: Patch::Absent,
    }
}

pub struct FieldRow {
    pub name: String,
    pub label_key: String,
    pub value: String,
    pub confidence: String,
    pub low: bool,
    pub source: String,
}

pub struct HistoryRow {
    pub at: String,
    pub actor: String,
    pub action_key: String,
}

#[derive(Template)]
#[template(path = "file.html")]
struct FilePage {
    c: Chrome,
    year: YearDto,
    file: FileDto,
    folders: Vec<FolderRow>,
    preview: Option<String>,
    is_pdf: bool,
    fields: Vec<FieldRow>,
    ocr_error: String,
    text: String,
    history: Vec<HistoryRow>,
    editable: bool,
}

impl FilePage {
    fn status_key(&self) -> String {
        format!("status.{}", self.file.status)
    }

    fn ocr_key(&self) -> String {
        format!("status.{}", self.file.ocr.as_ref().map_or("", |o| o.status.as_str()))
    }
}

/// Fields below this confidence are marked for checking.
const LOW_CONFIDENCE: f64 = 0.8;

fn field_rows(ocr: &OcrResultDto) -> Vec<FieldRow> {
    let value = serde_json::to_value(&ocr.fields).unwrap_or_default();
    let Some(map) = value.as_object() else { return Vec::new() };
    map.iter()
        .map(|(name, field)| {
            let confidence = field["confidence"].as_f64().unwrap_or(0.0);
            let shown = match &field["value"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            FieldRow {
                label_key: format!("field.{name}"),
                name: name.clone(),
                value: shown,
                confidence: format!("{:.0} %", confidence * 100.0),
                low: confidence < LOW_CONFIDENCE,
                source: field["source"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

pub async fn file_page(page: Page, Path((id_year, id_file)): Path<(String, String)>) -> Response {
    match file_view(&page, &id_year, &id_file).await {
        Ok(view) => render(&view),
        Err(e) => page.error(&e),
    }
}

async fn file_view(page: &Page, id_year: &str, id_file: &str) -> Result<FilePage, ApiError> {
    let auth = page.auth();
    let year = load_year(&page.app, &auth, &auth.id_organization, id_year).await?;
    let path = file_path(page, id_year, id_file);
    let file = api::load_file(&page.app, &auth, &path).await?;
    let preview = file.content_key.as_ref().filter(|_| file.status != "deleted").map(|key| {
        let ttl = page.app.config().download_url_ttl_secs;
        let kind = file.content_type.as_deref().unwrap_or("application/octet-stream");
        page.app.blob().presign_view(&ObjectKey::from_stored(key.clone()), &file.name, kind, ttl).url
    });
    let is_pdf = file.content_type.as_deref() == Some("application/pdf");
    let (fields, text, ocr_error) =
        match crate::http::ocr::get_ocr(State(page.app.clone()), auth.clone(), ApiPath(path)).await {
            Ok(Json(ocr)) => {
                let text = ocr.pages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n\n");
                (field_rows(&ocr), text, ocr.error.clone().unwrap_or_default())
            }
            Err(ApiError::NotFound) => (Vec::new(), String::new(), String::new()),
            Err(e) => return Err(e),
        };
    let history = history(page, &auth, &file).await?;
    let tree = folder_tree(folders::list(page.app.db(), &year.id_organization, &year.id).await?);
    let editable = !year.closed && !page.session.read_only && file.status != "deleted";
    Ok(FilePage {
        c: page.chrome(),
        year: year.into(),
        file: file.into(),
        folders: tree,
        preview,
        is_pdf,
        fields,
        ocr_error,
        text,
        history,
        editable,
    })
}

async fn history(page: &Page, auth: &Auth, file: &File) -> Result<Vec<HistoryRow>, ApiError> {
    let filter = audit::Filter { id_year: None, id_file: Some(file.id.clone()), after_seq: 0, limit: 200 };
    let entries = audit::list(page.app.db(), &auth.id_organization, &filter).await?;
    Ok(entries
        .into_iter()
        .rev()
        .map(|e| HistoryRow { at: rfc3339(e.at), actor: e.actor, action_key: format!("audit.{}", e.action) })
        .collect())
}

pub async fn update_file(page: Page, Path((id_year, id_file)): Path<(String, String)>, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(e) = form.check_csrf(&page) {
        return page.error(&e);
    }
    let patch = |name: &str| match form.text(name) {
        Some(v) => Patch::Value(v),
        None if form.get(name).is_some() => Patch::Null,
        None => Patch::Absent,
    };
    let name = form.text("name").map_or(Patch::Absent, Patch::Value);
    let folder = match form.get("folder") {
        Some("root") | Some("") => Patch::Null,
        Some(id) => Patch::Value(id.to_owned()),
        None => Patch::Absent,
    };
    let body =
        UpdateFile { id_file: None, name, reference: patch("reference"), date: patch("date"), id_folder: folder };
    let path = file_path(&page, &id_year, &id_file);
    match api::update_file(State(page.app.clone()), page.auth(), ApiPath(path), ApiJson(body)).await {
        Ok(_) => see_other(&format!("/years/{id_year}/files/{id_file}")),
        Err(e) => page.error(&e),
    }
}

pub async fn trash_file(page: Page, Path((id_year, id_file)): Path<(String, String)>, body: Bytes) -> Response {
    if let Err(e) = Form::parse(&body).check_csrf(&page) {
        return page.error(&e);
    }
    let path = file_path(&page, &id_year, &id_file);
    match api::delete_file(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(_) => see_other(&format!("/years/{id_year}/files/{id_file}")),
        Err(e) => page.error(&e),
    }
}

pub async fn restore_file(page: Page, Path((id_year, id_file)): Path<(String, String)>, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(e) = form.check_csrf(&page) {
        return page.error(&e);
    }
    let path = file_path(&page, &id_year, &id_file);
    match api::restore_file(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(_) => {
            let back = form.text("back").filter(|b| b == "/trash");
            see_other(&back.unwrap_or_else(|| format!("/years/{id_year}/files/{id_file}")))
        }
        Err(e) => page.error(&e),
    }
}

pub async fn ocr_file(page: Page, Path((id_year, id_file)): Path<(String, String)>, body: Bytes) -> Response {
    if let Err(e) = Form::parse(&body).check_csrf(&page) {
        return page.error(&e);
    }
    let path = file_path(&page, &id_year, &id_file);
    let request = OcrRequest::default();
    match crate::http::ocr::request_ocr(State(page.app.clone()), page.auth(), ApiPath(path), ApiJson(request)).await {
        Ok(_) => see_other(&format!("/years/{id_year}/files/{id_file}")),
        Err(e) => page.error(&e),
    }
}

/// Redirects to a signed download URL (audited by the API handler).
pub async fn download_file(page: Page, Path((id_year, id_file)): Path<(String, String)>) -> Response {
    let path = file_path(&page, &id_year, &id_file);
    let body = FileAction { id_file: None };
    match crate::http::content::create_download_url(State(page.app.clone()), page.auth(), ApiPath(path), ApiJson(body))
        .await
    {
        Ok(Json(signed)) => see_other(&signed.url),
        Err(e) => page.error(&e),
    }
}

/// A document by id alone (links to an existing duplicate), redirected to its page; with
/// `?thumbnail`, to its thumbnail's signed URL.
pub async fn find_document(page: Page, Path(id_file): Path<String>, OriginalUri(uri): OriginalUri) -> Response {
    let org = page.org();
    let year = match db_files::year_of(page.app.db(), &org, &id_file).await {
        Ok(Some(year)) => year,
        Ok(None) => return page.error(&ApiError::NotFound),
        Err(e) => return page.error(&e.into()),
    };
    let wants_thumbnail = uri.query().is_some_and(|q| q.split('&').any(|p| p == "thumbnail"));
    if !wants_thumbnail {
        return see_other(&format!("/years/{year}/files/{id_file}"));
    }
    let file = match db_files::get(page.app.db(), &org, &year, &id_file).await {
        Ok(Some(file)) => file,
        Ok(None) => return page.error(&ApiError::NotFound),
        Err(e) => return page.error(&e.into()),
    };
    match thumbnail_url(&page, &file) {
        Some(url) => {
            let mut response = see_other(&url);
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=60"));
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
