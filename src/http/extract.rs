//! Our own extractors, so that every malformed request gets our problem JSON, naming the
//! offending field, instead of the framework's plain-text rejections.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::app::App;
use crate::db::keys;
use crate::domain::api_key::ApiKeySecret;

/// A JSON body. An empty body reads as `{}`, so bodiless POSTs (finalize) work and a missing
/// required field is reported by name.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::InvalidRequest { field: None, detail: "the request body could not be read".into() }
            }
        })?;
        let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) { b"{}" } else { &bytes };
        let de = &mut serde_json::Deserializer::from_slice(text);
        serde_path_to_error::deserialize(de).map(ApiJson).map_err(|e| path_error("body", &e))
    }
}

/// Query-string parameters.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        let de = serde_urlencoded::Deserializer::new(form_urlencoded_parse(query));
        serde_path_to_error::deserialize(de).map(ApiQuery).map_err(|e| path_error("query", &e))
    }
}

fn form_urlencoded_parse(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

fn path_error<E: std::fmt::Display>(whole: &str, e: &serde_path_to_error::Error<E>) -> ApiError {
    let path = e.path().to_string();
    let inner = e.inner().to_string();
    // serde names the missing or unknown field in its message rather than in the path.
    let field = if path == "." { field_in_message(&inner).unwrap_or_else(|| whole.to_owned()) } else { path };
    ApiError::InvalidRequest { detail: format!("{field}: {}", strip_position(&inner)), field: Some(field) }
}

fn field_in_message(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

/// serde_json appends "at line 1 column 12"; the field name says more.
fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Path parameters; any that do not parse mean the resource does not exist.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|_| ApiError::NotFound)
    }
}

/// The caller, authenticated by `Authorization: Bearer <key>`.
#[derive(Debug, Clone)]
pub struct Auth {
    pub id_organization: String,
    pub id_key: String,
    pub read_only: bool,
}

impl Auth {
    /// 404 unless the path's organization is the key's: another organization's resources
    /// are indistinguishable from missing ones.
    pub fn check_org(&self, id_organization: &str) -> Result<(), ApiError> {
        if self.id_organization == id_organization {
            Ok(())
        } else {
            Err(ApiError::NotFound)
        }
    }

    /// How the audit trail names this caller.
    pub fn actor(&self) -> String {
        crate::audit::key_actor(&self.id_key)
    }

    /// [`Auth::check_org`], and refuses read-only keys.
    pub fn check_write(&self, id_organization: &str) -> Result<(), ApiError> {
        self.check_org(id_organization)?;
        if self.read_only {
            Err(ApiError::ReadOnlyKey)
        } else {
            Ok(())
        }
    }
}

impl FromRequestParts<App> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let Some(header) = parts.headers.get(header::AUTHORIZATION) else {
            return session_auth(parts, app).await;
        };
        let value = header.to_str().map_err(|_| ApiError::Unauthorized)?;
        let (scheme, key) = value.split_once(' ').ok_or(ApiError::Unauthorized)?;
        let key = key.trim();
        if !scheme.eq_ignore_ascii_case("bearer") || key.is_empty() || key.len() > 200 {
            return Err(ApiError::Unauthorized);
        }
        // Looked up by hash: the secret itself is never compared or stored.
        let found = keys::find_live_by_hash(app.db(), &ApiKeySecret::presented(key).hash()).await?;
        let found = found.ok_or(ApiError::Unauthorized)?;
        Ok(Auth { id_organization: found.id_organization, id_key: found.id, read_only: found.read_only })
    }
}

/// A browser signed in to the web interface calls the API with its session cookie instead of
/// a key. The cookie is `SameSite=Strict`; every request that may change state must also
/// carry the session's CSRF token in `X-CSRF-Token`.
async fn session_auth(parts: &Parts, app: &App) -> Result<Auth, ApiError> {
    let session = crate::web::session::from_headers(app, &parts.headers).await?.ok_or(ApiError::Unauthorized)?;
    let safe = matches!(parts.method, axum::http::Method::GET | axum::http::Method::HEAD);
    if !safe {
        let token = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
        if !crate::web::session::csrf_matches(&session.csrf, token) {
            return Err(ApiError::CsrfInvalid);
        }
    }
    Ok(Auth { id_organization: session.id_organization, id_key: session.id_key, read_only: session.read_only })
}
