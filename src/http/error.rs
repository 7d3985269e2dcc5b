//! The one API error type. Handlers return `Result<_, ApiError>` and use `?`; lower layers'
//! errors ([`DbError`], [`BlobError`]) convert into [`ApiError::Unavailable`] when the
//! dependency is down (503 with `Retry-After`: try again), else into [`ApiError::Internal`],
//! which is logged once here and answered with a generic 500. A failure that is the client's
//! fault is turned into its own variant at the call site, never left to become a 500.
//!
//! Every error leaves as an RFC 9457 `application/problem+json` body with a stable `code`,
//! and the request's id as `instance`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{json, Map, Value};
use utoipa::ToSchema;

use crate::blob::BlobError;
use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{detail}")]
    InvalidRequest { field: Option<String>, detail: String },
    #[error("the file is larger than the maximum of {max} bytes")]
    FileTooLarge { max: u64 },
    #[error("a valid API key is required (Authorization: Bearer <key>)")]
    Unauthorized,
    #[error("this API key is read-only")]
    ReadOnlyKey,
    #[error("the form or request is missing its CSRF token, or it does not match the session's")]
    CsrfInvalid,
    #[error("the upload would exceed the organization's storage quota")]
    QuotaExceeded { limit: i64, used: i64, reserved: i64, requested: i64 },
    #[error("the resource does not exist")]
    NotFound,
    #[error("the method is not allowed on this resource")]
    MethodNotAllowed,
    #[error("a sibling folder already has this name")]
    NameTaken,
    #[error("a folder cannot be moved under itself or one of its descendants")]
    FolderCycle,
    #[error("folders cannot be nested more than {max} levels deep")]
    FolderTooDeep { max: i64 },
    #[error("the folder still holds files or folders")]
    FolderNotEmpty,
    #[error("the file's content is finalized and cannot be replaced")]
    ContentImmutable,
    #[error("no uploaded object was found for this file: PUT the content to the upload URL first")]
    UploadMissing,
    #[error("the file has no content")]
    NoContent,
    #[error("the fiscal year is closed: its documents can no longer change")]
    YearClosed,
    #[error("the file is in the trash; restore it first")]
    FileDeleted,
    #[error("the file is not in the trash")]
    NotDeleted,
    #[error("an available file of this organization has the same content")]
    DuplicateFile { existing: String },
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("q: {0}")]
    InvalidSearchQuery(#[from] crate::search::ParseError),
    #[error("this media type is not accepted")]
    UnsupportedMediaType { allowed: Vec<String> },
    #[error("the uploaded object is {actual} bytes, but {declared} were declared")]
    SizeMismatch { declared: i64, actual: u64 },
    #[error("the uploaded bytes are not of the declared type {declared}")]
    ContentTypeMismatch { declared: String },
    #[error("the SHA-256 of the uploaded bytes differs from the hash given at creation")]
    HashMismatch { expected: String, actual: String },
    #[error("not enough OCR page credits: {needed} needed, {available} available")]
    CreditsExhausted { available: i64, needed: i64 },
    #[error("the webhook URL is refused: {}", if *.reason == "unresolvable" { "its host does not resolve" } else { "its host resolves to a private, loopback, link-local or otherwise non-public address" })]
    WebhookUrlRefused { reason: &'static str },
    #[error("the organization already has {max} webhook endpoints")]
    WebhookLimitReached { max: i64 },
    #[error("the webhook endpoint is disabled; enable it first")]
    WebhookDisabled,
    #[error("the {} is unavailable; try again in a few seconds", .dependency.describe())]
    Unavailable { dependency: Dependency, cause: String },
    #[error("internal error: {0}")]
    Internal(String),
}

/// What the service depends on, as named in problems, `/readyz` and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dependency {
    Database,
    ObjectStore,
}

impl Dependency {
    pub fn name(self) -> &'static str {
        match self {
            Self::Database => "database",
            Self::ObjectStore => "objectStore",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Database => "database",
            Self::ObjectStore => "object store",
        }
    }
}

/// Seconds a client is asked to wait after a 503.
pub const RETRY_AFTER_SECS: u64 = 5;

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        if e.is_unavailable() {
            Self::Unavailable { dependency: Dependency::Database, cause: e.to_string() }
        } else {
            Self::Internal(e.to_string())
        }
    }
}

impl From<BlobError> for ApiError {
    fn from(e: BlobError) -> Self {
        if e.is_unavailable() {
            Self::Unavailable { dependency: Dependency::ObjectStore, cause: e.to_string() }
        } else {
            Self::Internal(e.to_string())
        }
    }
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, detail: impl std::fmt::Display) -> Self {
        let field = field.into();
        Self::InvalidRequest { detail: format!("{field}: {detail}"), field: Some(field) }
    }

    /// The message a person may read: the detail, except for internal errors.
    pub fn public_detail(&self) -> String {
        match self {
            Self::Internal(_) => "internal error".into(),
            other => other.to_string(),
        }
    }

    pub fn status(&self) -> StatusCode {
        self.meta().0
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.meta().1
    }

    /// HTTP status, stable code and title.
    fn meta(&self) -> (StatusCode, &'static str, &'static str) {
        use StatusCode as S;
        match self {
            Self::InvalidRequest { .. } => (S::BAD_REQUEST, "invalid_request", "Invalid request"),
            Self::FileTooLarge { .. } => (S::BAD_REQUEST, "file_too_large", "File too large"),
            Self::Unauthorized => (S::UNAUTHORIZED, "unauthorized", "Unauthorized"),
            Self::ReadOnlyKey => (S::FORBIDDEN, "read_only_key", "Read-only key"),
            Self::CsrfInvalid => (S::FORBIDDEN, "csrf_token_invalid", "CSRF token invalid"),
            Self::QuotaExceeded { .. } => (S::FORBIDDEN, "storage_quota_exceeded", "Storage quota exceeded"),
            Self::NotFound => (S::NOT_FOUND, "not_found", "Not found"),
            Self::MethodNotAllowed => (S::METHOD_NOT_ALLOWED, "method_not_allowed", "Method not allowed"),
            Self::NameTaken => (S::CONFLICT, "name_taken", "Name taken"),
            Self::FolderCycle => (S::CONFLICT, "folder_cycle", "Folder cycle"),
            Self::FolderTooDeep { .. } => (S::CONFLICT, "folder_too_deep", "Folder too deep"),
            Self::FolderNotEmpty => (S::CONFLICT, "folder_not_empty", "Folder not empty"),
            Self::ContentImmutable => (S::CONFLICT, "content_immutable", "Content immutable"),
            Self::UploadMissing => (S::CONFLICT, "upload_missing", "Upload missing"),
            Self::NoContent => (S::CONFLICT, "no_content", "No content"),
            Self::YearClosed => (S::LOCKED, "year_closed", "Year closed"),
            Self::FileDeleted => (S::CONFLICT, "file_deleted", "File deleted"),
            Self::NotDeleted => (S::CONFLICT, "not_deleted", "Not deleted"),
            Self::DuplicateFile { .. } => (S::CONFLICT, "duplicate_file", "Duplicate file"),
            Self::PayloadTooLarge => (S::PAYLOAD_TOO_LARGE, "payload_too_large", "Payload too large"),
            Self::InvalidSearchQuery(_) => (S::BAD_REQUEST, "invalid_search_query", "Invalid search query"),
            Self::UnsupportedMediaType { .. } => {
                (S::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Unsupported media type")
            }
            Self::SizeMismatch { .. } => (S::UNPROCESSABLE_ENTITY, "size_mismatch", "Size mismatch"),
            Self::ContentTypeMismatch { .. } => {
                (S::UNPROCESSABLE_ENTITY, "content_type_mismatch", "Content type mismatch")
            }
            Self::HashMismatch { .. } => (S::UNPROCESSABLE_ENTITY, "hash_mismatch", "Hash mismatch"),
            Self::CreditsExhausted { .. } => (S::PAYMENT_REQUIRED, "ocr_credits_exhausted", "OCR credits exhausted"),
            Self::WebhookUrlRefused { .. } => (S::UNPROCESSABLE_ENTITY, "webhook_url_refused", "Webhook URL refused"),
            Self::WebhookLimitReached { .. } => (S::CONFLICT, "webhook_limit_reached", "Webhook limit reached"),
            Self::WebhookDisabled => (S::CONFLICT, "webhook_disabled", "Webhook disabled"),
            Self::Unavailable { .. } => (S::SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable"),
            Self::Internal(_) => (S::INTERNAL_SERVER_ERROR, "internal_error", "Internal error"),
        }
    }

    /// Members beyond the standard ones, for clients that act on them.
    fn extensions(&self) -> Map<String, Value> {
        let value = match self {
            Self::InvalidRequest { field: Some(field), .. } => json!({ "field": field }),
            Self::InvalidSearchQuery(_) => json!({ "field": "q" }),
            Self::FileTooLarge { max } => json!({ "maxSize": max }),
            Self::QuotaExceeded { limit, used, reserved, requested } => {
                json!({ "limit": limit, "used": used, "reserved": reserved, "requested": requested })
            }
            Self::FolderTooDeep { max } => json!({ "maxDepth": max }),
            Self::DuplicateFile { existing } => json!({ "idFileExisting": existing }),
            Self::UnsupportedMediaType { allowed } => json!({ "allowedTypes": allowed }),
            Self::SizeMismatch { declared, actual } => json!({ "declaredSize": declared, "actualSize": actual }),
            Self::ContentTypeMismatch { declared } => json!({ "declaredType": declared }),
            Self::CreditsExhausted { available, needed } => json!({ "available": available, "needed": needed }),
            Self::HashMismatch { expected, actual } => json!({ "expectedHash": expected, "actualHash": actual }),
            Self::Unavailable { dependency, .. } => json!({ "dependency": dependency.name() }),
            Self::WebhookUrlRefused { reason } => json!({ "field": "url", "reason": reason }),
            Self::WebhookLimitReached { max } => json!({ "maxWebhooks": max }),
            _ => json!({}),
        };
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

/// An RFC 9457 problem document, as documented in the OpenAPI description.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `urn:coffre:problem:{code}`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code.
    pub code: String,
    /// `urn:coffre:request:{id}`: the request's id, also in the `x-request-id` header and
    /// the server's log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, title) = self.meta();
        let detail = match &self {
            Self::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                "An internal error occurred; it has been logged.".to_owned()
            }
            Self::Unavailable { dependency, cause } => {
                tracing::warn!(%cause, dependency = dependency.name(), "dependency unavailable");
                self.to_string()
            }
            other => other.to_string(),
        };
        let mut body = json!({
            "type": format!("urn:coffre:problem:{code}"),
            "title": title,
            "status": status.as_u16(),
            "detail": detail,
            "code": code,
        });
        if let Value::Object(map) = &mut body {
            map.extend(self.extensions());
            if let Some(id) = super::observe::current_request_id() {
                map.insert("instance".into(), Value::String(super::observe::instance(&id)));
            }
        }
        let mut response =
            (status, [(header::CONTENT_TYPE, "application/problem+json")], body.to_string()).into_response();
        if matches!(self, Self::Unavailable { .. }) {
            response.headers_mut().insert(header::RETRY_AFTER, RETRY_AFTER_SECS.into());
        }
        response
    }
}
