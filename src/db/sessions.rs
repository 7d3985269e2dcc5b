//! Web sessions: a browser's sign-in, held server side. Only the SHA-256 of the cookie's
//! token is stored, like API keys; the session acts as the key it was opened with.

use super::{Db, DbError};
use sqlx::Row as _;

#[derive(Debug, Clone)]
pub struct Session {
    pub id_organization: String,
    pub id_key: String,
    pub csrf: String,
    pub read_only: bool,
    pub expires_at: i64,
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub id_organization: &'a str,
    pub id_key: &'a str,
    pub csrf: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

pub async fn insert(db: &Db, s: &NewSession<'_>) -> Result<(), DbError> {
    db.execute_write(
        sqlx::query(
            "INSERT INTO web_sessions (token_hash, id_organization, id_key, csrf, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(s.token_hash)
        .bind(s.id_organization)
        .bind(s.id_key)
        .bind(s.csrf)
        .bind(s.now)
        .bind(s.expires_at),
    )
    .await?;
    Ok(())
}

/// The live session with this token hash, whose key is still live (revoking a key ends its
/// sessions).
pub async fn find_live(db: &Db, token_hash: &str, now: i64) -> Result<Option<Session>, DbError> {
    let row = sqlx::query(
        "SELECT s.id_organization, s.id_key, s.csrf, s.expires_at, k.read_only FROM web_sessions s \
         JOIN api_keys k ON k.id = s.id_key \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND k.revoked_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Session {
        id_organization: row.try_get("id_organization")?,
        id_key: row.try_get("id_key")?,
        csrf: row.try_get("csrf")?,
        expires_at: row.try_get("expires_at")?,
        read_only: super::flag(&row, "read_only")?,
    }))
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), DbError> {
    db.execute_write(sqlx::query("DELETE FROM web_sessions WHERE token_hash = $1").bind(token_hash)).await?;
    Ok(())
}

/// Forgets sessions that expired before `now`.
pub async fn delete_expired(db: &Db, now: i64) -> Result<u64, DbError> {
    let done = db.execute_write(sqlx::query("DELETE FROM web_sessions WHERE expires_at <= $1").bind(now)).await?;
    Ok(done.rows_affected())
}
