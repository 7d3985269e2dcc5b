//! Web sessions. Signing in exchanges an API key, once, for a random session token held in
//! an `HttpOnly`, `SameSite=Strict` cookie (`Secure` when the public URL is HTTPS); the
//! database keeps only the token's SHA-256, the key it stands for, its CSRF token and its
//! expiry. The session acts with the key's rights (a read-only key, a read-only session) and
//! ends at sign-out, at expiry, or when the key is revoked.

use axum::http::{header, HeaderMap, HeaderValue};
use sha2::{Digest as _, Sha256};

use crate::app::App;
use crate::db::sessions::{self, NewSession, Session};
use crate::db::{keys, DbError};
use crate::domain::api_key::ApiKeySecret;
use crate::domain::ids::random_secret;
use crate::domain::time::now_millis;

pub const COOKIE: &str = "coffre_session";
/// The sign-in form's own CSRF token: a double-submit cookie, since there is no session yet.
pub const LOGIN_COOKIE: &str = "coffre_login";

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The value of cookie `name` in the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The live session named by the request's cookie.
pub async fn from_headers(app: &App, headers: &HeaderMap) -> Result<Option<Session>, DbError> {
    let Some(token) = cookie(headers, COOKIE) else { return Ok(None) };
    if token.is_empty() || token.len() > 100 {
        return Ok(None);
    }
    sessions::find_live(app.db(), &token_hash(token), now_millis()).await
}

/// Constant-time comparison of a presented CSRF token with the session's.
pub fn csrf_matches(expected: &str, presented: &str) -> bool {
    use subtle::ConstantTimeEq as _;
    !expected.is_empty()
        && expected.len() == presented.len()
        && bool::from(expected.as_bytes().ct_eq(presented.as_bytes()))
}

/// Opens a session for `key`; `None` when the key is not a live one. Returns the
/// `Set-Cookie` value.
pub async fn sign_in(app: &App, key: &str) -> Result<Option<HeaderValue>, DbError> {
    let key = key.trim();
    if key.is_empty() || key.len() > 200 {
        return Ok(None);
    }
    let Some(found) = keys::find_live_by_hash(app.db(), &ApiKeySecret::presented(key).hash()).await? else {
        return Ok(None);
    };
    let token = random_secret(32);
    let csrf = random_secret(24);
    let now = now_millis();
    let lifetime_secs = i64::from(app.config().web_session_hours) * 3600;
    let hash = token_hash(&token);
    let new = NewSession {
        token_hash: &hash,
        id_organization: &found.id_organization,
        id_key: &found.id,
        csrf: &csrf,
        now,
        expires_at: now + lifetime_secs * 1000,
    };
    sessions::insert(app.db(), &new).await?;
    // Forgetting others' expired sessions here keeps the table small without a sweeper task.
    sessions::delete_expired(app.db(), now).await?;
    Ok(Some(set_cookie(app, COOKIE, &token, lifetime_secs)))
}

/// Ends the request's session, if any; returns the cookie that clears it.
pub async fn sign_out(app: &App, headers: &HeaderMap) -> Result<HeaderValue, DbError> {
    if let Some(token) = cookie(headers, COOKIE) {
        sessions::delete(app.db(), &token_hash(token)).await?;
    }
    Ok(set_cookie(app, COOKIE, "", 0))
}

/// A `Set-Cookie` value for the whole site.
pub fn set_cookie(app: &App, name: &str, value: &str, max_age_secs: i64) -> HeaderValue {
    let secure = if is_https(app) { "; Secure" } else { "" };
    let value = format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Strict{secure}");
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn is_https(app: &App) -> bool {
    app.config().public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
}

/// A fresh token for the sign-in form.
pub fn new_login_token() -> String {
    random_secret(24)
}
