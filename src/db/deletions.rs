//! Objects owed a deletion from the store. A row is written in the same transaction that
//! detaches the object from its file, so no object is forgotten if the store is down.
//!
//! A row may carry bytes still counted in an organization's usage (content detached by a
//! delete URL): they are released by [`complete`], in the transaction that removes the row,
//! so the release happens once however many processes finish the same deletion.

use super::{orgs, Db, DbError, Tx};
use sqlx::Row as _;

/// Bytes that keep counting against an organization's usage until the object is gone.
#[derive(Debug, Clone)]
pub struct Held<'a> {
    pub id_organization: &'a str,
    pub size: i64,
}

pub async fn enqueue(tx: &mut Tx, key: &str, due_at: i64, held: Option<Held<'_>>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO object_deletions (object_key, due_at, id_organization, size) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (object_key) DO NOTHING",
    )
    .bind(key)
    .bind(due_at)
    .bind(held.as_ref().map(|h| h.id_organization.to_owned()))
    .bind(held.as_ref().map(|h| h.size))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<String>, DbError> {
    let rows = sqlx::query("SELECT object_key FROM object_deletions WHERE due_at <= $1 ORDER BY due_at LIMIT $2")
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *db.acquire().await?)
        .await?;
    Ok(rows.iter().map(|r| r.try_get("object_key")).collect::<Result<_, _>>()?)
}

/// Records that the object `key` is gone: removes its row and releases the bytes it held, in
/// one transaction. False when the row was already gone (another process completed it).
pub async fn complete(db: &Db, key: &str) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    // Organization first, as every write transaction does, so that none waits on another in
    // the opposite order.
    let owner = sqlx::query("SELECT id_organization FROM object_deletions WHERE object_key = $1")
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some(Some(id_organization)) = owner.map(|r| r.try_get::<Option<String>, _>("id_organization")).transpose()? {
        super::lock_row(&mut tx, db.backend(), super::Lockable::Organization, &id_organization).await?;
    }
    let row = sqlx::query("DELETE FROM object_deletions WHERE object_key = $1 RETURNING id_organization, size")
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Ok(false);
    };
    let id_organization: Option<String> = row.try_get("id_organization")?;
    let size: Option<i64> = row.try_get("size")?;
    if let (Some(id_organization), Some(size)) = (id_organization, size) {
        orgs::add_used_bytes(&mut tx, &id_organization, -size).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Pushes a failed deletion back, waiting longer after each failure (capped at an hour).
pub async fn retry_later(db: &Db, key: &str, now: i64) -> Result<(), DbError> {
    db.execute_write(
        sqlx::query(
            "UPDATE object_deletions SET attempts = attempts + 1, \
         due_at = $2 + 1000 * (CASE WHEN attempts >= 12 THEN 3600 ELSE 5 * (attempts + 1) * (attempts + 1) END) \
         WHERE object_key = $1",
        )
        .bind(key)
        .bind(now),
    )
    .await?;
    Ok(())
}
