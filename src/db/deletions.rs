//! Objects owed a deletion from the store. A row is written in the same transaction that
//! detaches the object from its file, so no object is forgotten if the store is down.

use super::{Db, DbError, Tx};
use sqlx::Row as _;

pub async fn enqueue(tx: &mut Tx, key: &str, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO object_deletions (object_key, due_at) VALUES ($1, $2) ON CONFLICT (object_key) DO NOTHING",
    )
    .bind(key)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<String>, DbError> {
    let rows = sqlx::query("SELECT object_key FROM object_deletions WHERE due_at <= $1 ORDER BY due_at LIMIT $2")
        .bind(now)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(|r| r.try_get("object_key")).collect::<Result<_, _>>()?)
}

pub async fn done(db: &Db, key: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM object_deletions WHERE object_key = $1").bind(key).execute(db.pool()).await?;
    Ok(())
}

/// Pushes a failed deletion back, waiting longer after each failure (capped at an hour).
pub async fn retry_later(db: &Db, key: &str, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE object_deletions SET attempts = attempts + 1, \
         due_at = $2 + 1000 * (CASE WHEN attempts >= 12 THEN 3600 ELSE 5 * (attempts + 1) * (attempts + 1) END) \
         WHERE object_key = $1",
    )
    .bind(key)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}
