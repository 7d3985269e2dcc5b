//! The web interface: server-rendered pages (askama templates in `templates/`, checked at
//! build time), static files embedded in the binary (`static/`), small JavaScript modules
//! for what a page cannot do alone (upload queue, live status, bulk selection). Page
//! handlers call the API's handlers and db functions; no rule is written twice. Every
//! string a person reads comes from the catalogue of their language ([`i18n`]).

pub mod files;
pub mod i18n;
pub mod org;
pub mod page;
pub mod session;
pub mod years;

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::app::App;

/// The pages, the sign-in and the static files.
pub fn router(app: App) -> Router {
    let csp = content_security_policy(&app);
    Router::new()
        .route("/", get(page::home))
        .route("/login", get(page::login_form).post(page::login))
        .route("/logout", post(page::logout))
        .route("/lang/{lang}", get(page::switch_language))
        .route("/years", get(years::years_page).post(years::create_year))
        .route("/years/{idYear}/close", get(years::close_confirm).post(years::close_year))
        .route("/years/{idYear}/export", post(years::export_year))
        .route("/years/{idYear}/exports/{idExport}", get(years::export_page))
        .route("/years/{idYear}", get(files::year_page))
        .route("/years/{idYear}/folders", post(files::create_folder))
        .route("/years/{idYear}/bulk", post(files::bulk_action))
        .route("/years/{idYear}/files/{idFile}", get(files::file_page).post(files::update_file))
        .route("/years/{idYear}/files/{idFile}/trash", post(files::trash_file))
        .route("/years/{idYear}/files/{idFile}/restore", post(files::restore_file))
        .route("/years/{idYear}/files/{idFile}/ocr", post(files::ocr_file))
        .route("/years/{idYear}/files/{idFile}/download", get(files::download_file))
        .route("/documents/{idFile}", get(files::find_document))
        .route("/trash", get(org::trash_page))
        .route("/usage", get(org::usage_page))
        .route("/static/{name}", get(static_file))
        .layer(axum::middleware::from_fn(move |req, next| security_headers(csp.clone(), req, next)))
        .with_state(app)
}

/// Scripts and styles from this origin only, no inline code; images, frames (the PDF
/// preview) and uploads may also reach the object store's origin.
fn content_security_policy(app: &App) -> HeaderValue {
    let store = store_origin(&app.blob().signer().endpoint);
    let value = format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' {store} data:; \
         frame-src 'self' {store}; connect-src 'self' {store}; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

/// `scheme://host[:port]` of a URL.
fn store_origin(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return String::new() };
    let host = rest.split('/').next().unwrap_or_default();
    format!("{scheme}://{host}")
}

async fn security_headers(csp: HeaderValue, request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The files of `static/`, compiled in.
const STATIC_FILES: &[(&str, &str, &[u8])] = &[
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../../static/app.js")),
    ("upload.js", "text/javascript; charset=utf-8", include_bytes!("../../static/upload.js")),
    ("style.css", "text/css; charset=utf-8", include_bytes!("../../static/style.css")),
];

async fn static_file(Path(name): Path<String>) -> Response {
    let Some((_, content_type, body)) = STATIC_FILES.iter().find(|(n, _, _)| *n == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")),
    ];
    (headers, *body).into_response()
}
