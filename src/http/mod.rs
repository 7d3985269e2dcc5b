//! The JSON API: routes, extractors, the error type, and the OpenAPI description.

pub mod content;
pub mod error;
pub mod exports;
pub mod extract;
mod file_json;
pub mod files;
pub mod folders;
pub mod guard;
pub mod health;
pub mod lookup;
pub mod observe;
pub mod ocr;
pub mod openapi;
pub mod org;
pub mod patch;
pub mod webhooks;
pub mod years;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::app::App;
use error::ApiError;

/// JSON bodies are small; uploads go to the object endpoint, not here.
const JSON_BODY_LIMIT: usize = 1 << 20;

/// The storage API, as in the original API page.
fn api_routes() -> Router<App> {
    let year = "/organizations/{idOrganization}/years/{idYear}";
    let file = format!("{year}/files/{{idFile}}");
    Router::new()
        .route("/organizations/{idOrganization}/years", post(years::create_year).get(years::list_years))
        .route(year, get(years::get_year))
        .route(&format!("{year}/close"), post(years::close_year))
        .route(&format!("{year}/export"), post(exports::create_export))
        .route(&format!("{year}/exports/{{idExport}}"), get(exports::get_export))
        .route("/organizations/{idOrganization}/audit", get(org::list_audit))
        .route("/organizations/{idOrganization}/usage", get(org::get_usage))
        .route("/organizations/{idOrganization}/files/lookup", post(lookup::lookup_files))
        .route("/me", get(org::get_me))
        .route(&format!("{year}/folders"), post(folders::create_folder).get(folders::list_folders))
        .route(
            &format!("{year}/folders/{{idFolder}}"),
            get(folders::get_folder).patch(folders::update_folder).delete(folders::delete_folder),
        )
        .route(&format!("{year}/files"), post(files::create_file).get(files::list_files))
        .route(&file, get(files::get_file).patch(files::update_file).delete(files::delete_file))
        .route(&format!("{file}/upload-url"), post(content::create_upload_url))
        .route(&format!("{file}/finalize"), post(content::finalize_file))
        .route(&format!("{file}/restore"), post(files::restore_file))
        .route(&format!("{file}/download-url"), post(content::create_download_url))
        .route(&format!("{file}/delete-url"), post(content::create_delete_url))
        .route(&format!("{file}/ocr"), post(ocr::request_ocr).get(ocr::get_ocr))
        .merge(webhook_routes())
}

/// Webhook endpoints of an organization, their delivery log and redelivery.
fn webhook_routes() -> Router<App> {
    let webhooks = "/organizations/{idOrganization}/webhooks";
    let webhook = format!("{webhooks}/{{idWebhook}}");
    Router::new()
        .route(webhooks, post(webhooks::create_webhook).get(webhooks::list_webhooks))
        .route(&webhook, get(webhooks::get_webhook).patch(webhooks::update_webhook).delete(webhooks::delete_webhook))
        .route(&format!("{webhook}/rotate-secret"), post(webhooks::rotate_secret))
        .route(&format!("{webhook}/deliveries"), get(webhooks::list_deliveries))
        .route(&format!("{webhook}/deliveries/{{idDelivery}}/redeliver"), post(webhooks::redeliver))
}

/// The API under `/` and `/v1`, with health checks and the OpenAPI document.
pub fn router(app: App) -> Router {
    let api = api_routes();
    let mut router = Router::new();
    // Without `--metrics-listen`, metrics are served here, without a key: they hold no
    // tenant data (no ids, no organizations), only counts by route template.
    if app.config().metrics && app.config().metrics_listen.is_none() {
        router = router.route("/metrics", get(observe::get_metrics));
    }
    router
        .merge(api.clone())
        .nest("/v1", api)
        .route("/healthz", get(health::get_health))
        .route("/readyz", get(health::get_readiness))
        .route("/openapi.json", get(openapi::get_openapi))
        .fallback(|| async { ApiError::NotFound })
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(axum::middleware::map_response(problem_for_bare_errors))
        .with_state(app)
}

/// The framework answers a wrong method with an empty 405; give it our problem body.
async fn problem_for_bare_errors(response: Response) -> Response {
    if response.status() == StatusCode::METHOD_NOT_ALLOWED && !response.headers().contains_key("content-type") {
        let allow = response.headers().get("allow").cloned();
        let mut problem = ApiError::MethodNotAllowed.into_response();
        if let Some(allow) = allow {
            problem.headers_mut().insert("allow", allow);
        }
        return problem;
    }
    response
}
