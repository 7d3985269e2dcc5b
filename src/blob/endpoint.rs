//! The embedded S3-compatible endpoint: serves the presigned URLs of the local store,
//! path-style (`{prefix}/{bucket}/{key}`), verifying SigV4 query signatures as S3 does.
//! Errors are S3's XML errors, since S3 clients read this endpoint, not the JSON API.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use futures_util::future::BoxFuture;
use tokio_util::io::ReaderStream;

use super::local::{LocalStore, WriteError};
use super::sigv4::{self, SigError};
use super::ObjectKey;

#[derive(Clone)]
struct EndpointState {
    store: LocalStore,
    max_object_size: u64,
    gate: Arc<dyn ObjectGate>,
}

/// Where the endpoint is mounted: its S3 endpoint URL is the server's public URL + this.
pub const PATH_PREFIX: &str = "/s3";

/// The signed query parameter that names the upload a PUT URL was issued for.
pub const UPLOAD_PARAM: &str = "x-coffre-upload";

/// What the endpoint asks the metadata before a write, and tells it after a deletion. A valid
/// signature proves a URL was issued, not that it is still wanted: a PUT is accepted only for
/// the live upload of a pending file (a replaced, finalized or deleted upload's URL is dead).
pub trait ObjectGate: Send + Sync + 'static {
    /// Whether a PUT to `key` signed for the upload `upload_id` may store bytes now.
    fn may_put<'a>(&'a self, key: &'a ObjectKey, upload_id: &'a str) -> BoxFuture<'a, Result<bool, String>>;
    /// `key` was deleted through a presigned URL.
    fn deleted<'a>(&'a self, key: &'a ObjectKey) -> BoxFuture<'a, ()>;
}

/// The routes of the endpoint.
pub fn router(store: LocalStore, max_object_size: u64, gate: Arc<dyn ObjectGate>) -> Router {
    Router::new()
        .route(&format!("{PATH_PREFIX}/{{bucket}}/{{*key}}"), any(handle_object))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(EndpointState { store, max_object_size, gate })
}

async fn handle_object(
    State(state): State<EndpointState>,
    Path((bucket, raw_key)): Path<(String, String)>,
    OriginalUri(uri): OriginalUri,
    method: Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let signer = state.store.signer();
    let incoming = sigv4::IncomingRequest {
        method: &method,
        raw_path: uri.path(),
        raw_query: uri.query().unwrap_or(""),
        headers: &headers,
    };
    let lookup = |access_key: &str| (access_key == signer.credentials.access_key).then(|| signer.credentials.clone());
    if let Err(e) = sigv4::verify(lookup, &incoming, chrono::Utc::now()) {
        return sig_error(&e, uri.path());
    }
    if bucket != signer.bucket {
        return s3_error(StatusCode::NOT_FOUND, "NoSuchBucket", "The specified bucket does not exist", uri.path());
    }
    let Some(key) = ObjectKey::parse(&raw_key) else {
        return s3_error(StatusCode::NOT_FOUND, "NoSuchKey", "The specified key does not exist.", uri.path());
    };
    let query = parse_query(uri.query().unwrap_or(""));
    match method {
        Method::PUT => {
            let upload = query.iter().find(|(k, _)| k == UPLOAD_PARAM).map_or("", |(_, v)| v.as_str());
            match state.gate.may_put(&key, upload).await {
                Ok(true) => put_object(&state, &key, &headers, body, uri.path()).await,
                Ok(false) => s3_error(
                    StatusCode::FORBIDDEN,
                    "AccessDenied",
                    "This upload URL is no longer valid: it was replaced, finalized, or its file deleted.",
                    uri.path(),
                ),
                Err(e) => {
                    tracing::error!(error = %e, key = key.as_str(), "embedded endpoint: cannot check the upload");
                    s3_error(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "ServiceUnavailable",
                        "Please reduce your request rate.",
                        uri.path(),
                    )
                }
            }
        }
        Method::GET | Method::HEAD => {
            get_object(&state.store, &key, &query, &headers, method == Method::HEAD, uri.path()).await
        }
        Method::DELETE => {
            let response = delete_object(&state.store, &key, uri.path()).await;
            if response.status().is_success() {
                state.gate.deleted(&key).await;
            }
            response
        }
        _ => s3_error(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "The specified method is not allowed",
            uri.path(),
        ),
    }
}

async fn put_object(
    state: &EndpointState,
    key: &ObjectKey,
    headers: &HeaderMap,
    body: Body,
    resource: &str,
) -> Response {
    let length = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    let Some(length) = length else {
        return s3_error(
            StatusCode::LENGTH_REQUIRED,
            "MissingContentLength",
            "You must provide the Content-Length HTTP header.",
            resource,
        );
    };
    if length > state.max_object_size {
        return s3_error(
            StatusCode::BAD_REQUEST,
            "EntityTooLarge",
            "Your proposed upload exceeds the maximum allowed size",
            resource,
        );
    }
    match state.store.write(key, body.into_data_stream(), length).await {
        Ok(()) => StatusCode::OK.into_response(),
        Err(WriteError::LengthMismatch) => s3_error(
            StatusCode::BAD_REQUEST,
            "IncompleteBody",
            "You did not provide the number of bytes specified by the Content-Length HTTP header.",
            resource,
        ),
        Err(WriteError::Body(_)) => {
            s3_error(StatusCode::BAD_REQUEST, "IncompleteBody", "The request body was interrupted.", resource)
        }
        Err(WriteError::Io(e)) => {
            tracing::error!(error = %e, key = key.as_str(), "embedded endpoint: cannot store object");
            s3_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalError",
                "We encountered an internal error. Please try again.",
                resource,
            )
        }
    }
}

async fn get_object(
    store: &LocalStore,
    key: &ObjectKey,
    query: &[(String, String)],
    request: &HeaderMap,
    head_only: bool,
    resource: &str,
) -> Response {
    let (file, len, etag) = match open_with_etag(store, key).await {
        Ok(Some(opened)) => opened,
        Ok(None) => return s3_error(StatusCode::NOT_FOUND, "NoSuchKey", "The specified key does not exist.", resource),
        Err(e) => {
            tracing::error!(error = %e, key = key.as_str(), "embedded endpoint: cannot read object");
            return s3_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalError",
                "We encountered an internal error. Please try again.",
                resource,
            );
        }
    };
    let mut response = if none_match(request, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        match requested_range(request, &etag, len) {
            Ok(None) => whole_body(file, len, head_only).await,
            Ok(Some(range)) => match partial_body(file, range, len, head_only).await {
                Ok(response) => response,
                Err(e) => {
                    tracing::error!(error = %e, key = key.as_str(), "embedded endpoint: cannot seek object");
                    return s3_error(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "InternalError",
                        "We encountered an internal error. Please try again.",
                        resource,
                    );
                }
            },
            Err(()) => {
                let mut refused = s3_error(
                    StatusCode::RANGE_NOT_SATISFIABLE,
                    "InvalidRange",
                    "The requested range is not satisfiable",
                    resource,
                );
                if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                    refused.headers_mut().insert(header::CONTENT_RANGE, v);
                }
                return refused;
            }
        }
    };
    let param = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    let overrides = [
        ("response-content-type", header::CONTENT_TYPE),
        ("response-content-disposition", header::CONTENT_DISPOSITION),
        ("response-cache-control", header::CACHE_CONTROL),
    ];
    for (name, target) in overrides {
        if let Some(v) = param(name).and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(target, v);
        }
    }
    if !headers.contains_key(header::CONTENT_TYPE) {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
    }
    response
}

/// The object, its length and an ETag. Objects are never rewritten in place (content keys
/// are fresh ids; the store replaces a file by rename), so length and modification time
/// identify a version.
async fn open_with_etag(
    store: &LocalStore,
    key: &ObjectKey,
) -> std::io::Result<Option<(tokio::fs::File, u64, String)>> {
    let Some((file, len)) = store.open_read(key).await? else { return Ok(None) };
    let modified = file.metadata().await?.modified()?;
    let nanos = modified.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(Some((file, len, format!("\"{len:x}-{nanos:x}\""))))
}

/// Whether `If-None-Match` names this version (or `*`).
fn none_match(request: &HeaderMap, etag: &str) -> bool {
    let Some(value) = request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else { return false };
    value.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
}

/// An inclusive byte range, or `None` for the whole object. One range only: a list of ranges
/// is answered with the whole object, as S3 does; an unsatisfiable range is `Err`.
fn requested_range(request: &HeaderMap, etag: &str, len: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(value) = request.get(header::RANGE).and_then(|v| v.to_str().ok()) else { return Ok(None) };
    if let Some(if_range) = request.get(header::IF_RANGE).and_then(|v| v.to_str().ok()) {
        if if_range.trim() != etag {
            return Ok(None);
        }
    }
    parse_range(value, len)
}

pub(crate) fn parse_range(value: &str, len: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = value.trim().strip_prefix("bytes=") else { return Ok(None) };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((first, last)) = spec.trim().split_once('-') else { return Ok(None) };
    let number = |s: &str| s.trim().parse::<u64>().ok();
    let range = match (first.trim().is_empty(), last.trim().is_empty()) {
        (true, false) => {
            let Some(suffix) = number(last) else { return Ok(None) };
            if suffix == 0 || len == 0 {
                return Err(());
            }
            (len.saturating_sub(suffix), len - 1)
        }
        (false, _) => {
            let Some(start) = number(first) else { return Ok(None) };
            let end = if last.trim().is_empty() { Some(u64::MAX) } else { number(last) };
            let Some(end) = end else { return Ok(None) };
            if end < start {
                return Ok(None);
            }
            if start >= len {
                return Err(());
            }
            (start, end.min(len - 1))
        }
        (true, true) => return Ok(None),
    };
    Ok(Some(range))
}

async fn whole_body(file: tokio::fs::File, len: u64, head_only: bool) -> Response {
    let mut response = if head_only {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from_stream(ReaderStream::with_capacity(file, 64 * 1024)))
    };
    response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    response
}

async fn partial_body(
    mut file: tokio::fs::File,
    (start, end): (u64, u64),
    len: u64,
    head_only: bool,
) -> std::io::Result<Response> {
    use tokio::io::{AsyncReadExt as _, AsyncSeekExt as _};
    let count = end - start + 1;
    let mut response = if head_only {
        Response::new(Body::empty())
    } else {
        file.seek(std::io::SeekFrom::Start(start)).await?;
        Response::new(Body::from_stream(ReaderStream::with_capacity(file.take(count), 64 * 1024)))
    };
    *response.status_mut() = StatusCode::PARTIAL_CONTENT;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(count));
    if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{end}/{len}")) {
        headers.insert(header::CONTENT_RANGE, v);
    }
    Ok(response)
}

async fn delete_object(store: &LocalStore, key: &ObjectKey, resource: &str) -> Response {
    match store.delete(key).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => {
            tracing::error!(error = %e, key = key.as_str(), "embedded endpoint: cannot delete object");
            s3_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalError",
                "We encountered an internal error. Please try again.",
                resource,
            )
        }
    }
}

fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
            (decode(k), decode(v))
        })
        .collect()
}

fn sig_error(e: &SigError, resource: &str) -> Response {
    let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::FORBIDDEN);
    let message = match e {
        SigError::Expired => "Request has expired".to_owned(),
        SigError::SignatureDoesNotMatch => {
            "The request signature we calculated does not match the signature you provided.".to_owned()
        }
        other => other.to_string(),
    };
    s3_error(status, e.s3_code(), &message, resource)
}

/// An S3-style XML error body.
fn s3_error(status: StatusCode, code: &str, message: &str, resource: &str) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{}</Code><Message>{}</Message><Resource>{}</Resource></Error>",
        xml_escape(code),
        xml_escape(message),
        xml_escape(resource)
    );
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_are_read_as_s3_reads_them() {
        assert_eq!(parse_range("bytes=0-9", 100), Ok(Some((0, 9))));
        assert_eq!(parse_range("bytes=90-", 100), Ok(Some((90, 99))));
        assert_eq!(parse_range("bytes=-10", 100), Ok(Some((90, 99))));
        assert_eq!(parse_range("bytes=50-500", 100), Ok(Some((50, 99))));
        assert_eq!(parse_range("bytes=100-", 100), Err(()));
        assert_eq!(parse_range("bytes=0-1,5-6", 100), Ok(None));
        assert_eq!(parse_range("items=0-1", 100), Ok(None));
    }
}
