//! What every request carries for operators: an id (the client's `x-request-id` when sane,
//! else a new one), returned in the response's `x-request-id`, in the request's log span and
//! in problem documents as `instance`; and its count and latency in the metrics, by route
//! template (never by id).

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::app::App;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A request's id, in its extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

tokio::task_local! {
    /// The id of the request the current task serves (set by `server::run_to_completion`).
    pub static CURRENT: String;
}

/// The id of the request being served by this task, if any.
pub fn current_request_id() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}

/// A problem document's `instance`: a URI naming the request.
pub fn instance(id: &str) -> String {
    format!("urn:coffre:request:{id}")
}

/// Ids from clients are kept when short and made of URL-safe characters (so they are safe in
/// logs and URIs); anything else gets a fresh id.
fn sane(value: &HeaderValue) -> Option<String> {
    let s = value.to_str().ok()?;
    let ok = (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
    ok.then(|| s.to_owned())
}

/// Gives the request its id (in its extensions) and returns it in `x-request-id`.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let id = request.headers().get(&REQUEST_ID).and_then(sane).unwrap_or_else(crate::domain::new_id);
    request.extensions_mut().insert(RequestId(id.clone()));
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// The span every request's log lines sit in.
pub fn request_span(request: &Request) -> tracing::Span {
    let id = request.extensions().get::<RequestId>().map_or("", |r| r.0.as_str());
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str);
    tracing::info_span!("request", id, method = %request.method(), route)
}

/// Counts the request and its latency by method, route template and status class.
pub async fn record_metrics(State(app): State<App>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let response = next.run(request).await;
    app.metrics().observe_request(&method, route.as_deref(), response.status().as_u16(), started.elapsed());
    response
}

/// `GET /metrics`: OpenMetrics text to clients that accept it (Prometheus does), else the
/// classic Prometheus text format (0.0.4).
pub async fn get_metrics(State(app): State<App>, headers: axum::http::HeaderMap) -> Response {
    let openmetrics = headers
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.contains("application/openmetrics-text")));
    let text = app.metrics().render(&app).await;
    let (body, content_type) = if openmetrics {
        (text, "application/openmetrics-text; version=1.0.0; charset=utf-8")
    } else {
        (crate::metrics::to_prometheus_text(&text), "text/plain; version=0.0.4; charset=utf-8")
    };
    let mut response = Response::new(axum::body::Body::from(body));
    response.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
