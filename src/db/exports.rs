//! Year exports: rows claimed by workers under a lease, like OCR jobs.

use super::{Backend, Db, DbError, Row, Tx};
use sqlx::Row as _;

pub const QUEUED: &str = "queued";
pub const READY: &str = "ready";
pub const FAILED: &str = "failed";

#[derive(Debug, Clone)]
pub struct Export {
    pub id: String,
    pub id_organization: String,
    pub id_year: String,
    pub status: String,
    pub object_key: Option<String>,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub files: Option<i64>,
    pub error: Option<String>,
    pub attempts: i64,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

impl Export {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            id_year: row.try_get("id_year")?,
            status: row.try_get("status")?,
            object_key: row.try_get("object_key")?,
            size: row.try_get("size")?,
            sha256: row.try_get("sha256")?,
            files: row.try_get("files")?,
            error: row.try_get("error")?,
            attempts: row.try_get("attempts")?,
            created_at: row.try_get("created_at")?,
            finished_at: row.try_get("finished_at")?,
        })
    }
}

const COLUMNS: &str =
    "id, id_organization, id_year, status, object_key, size, sha256, files, error, attempts, created_at, finished_at";

pub async fn insert(tx: &mut Tx, e: &Export) -> Result<(), DbError> {
    sqlx::query("INSERT INTO exports (id, id_organization, id_year, status, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&e.id)
        .bind(&e.id_organization)
        .bind(&e.id_year)
        .bind(&e.status)
        .bind(e.created_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The export `id` of this organization and year.
pub async fn get(db: &Db, id_organization: &str, id_year: &str, id: &str) -> Result<Option<Export>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM exports WHERE id = $1 AND id_organization = $2 AND id_year = $3");
    let row = sqlx::query(&sql).bind(id).bind(id_organization).bind(id_year).fetch_optional(db.pool()).await?;
    Ok(row.as_ref().map(Export::from_row).transpose()?)
}

/// Claims the oldest queued export, or one whose worker's lease lapsed.
pub async fn claim(db: &Db, token: &str, now: i64, lease_until: i64) -> Result<Option<Export>, DbError> {
    let skip_locked = match db.backend() {
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE exports SET status = 'running', lease_token = $1, lease_until = $2, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM exports WHERE status = 'queued' OR (status = 'running' AND lease_until < $3) \
                     ORDER BY id LIMIT 1 {skip_locked}) \
         RETURNING {COLUMNS}"
    );
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(&sql).bind(token).bind(lease_until).bind(now).fetch_optional(&mut *tx).await?;
    tx.commit().await?;
    Ok(row.as_ref().map(Export::from_row).transpose()?)
}

pub async fn extend_lease(db: &Db, id: &str, token: &str, lease_until: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE exports SET lease_until = $3 WHERE id = $1 AND lease_token = $2 AND status = 'running'")
        .bind(id)
        .bind(token)
        .bind(lease_until)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A stored archive.
#[derive(Debug, Clone)]
pub struct Archive {
    pub key: String,
    pub size: i64,
    pub sha256: String,
    pub files: i64,
}

/// The archive is stored: records it. False if the lease was lost meanwhile.
pub async fn finish_ready(db: &Db, id: &str, token: &str, archive: &Archive, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE exports SET status = 'ready', object_key = $3, size = $4, sha256 = $5, files = $6, finished_at = $7, \
         lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2 AND status = 'running'",
    )
    .bind(id)
    .bind(token)
    .bind(&archive.key)
    .bind(archive.size)
    .bind(&archive.sha256)
    .bind(archive.files)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn finish_failed(db: &Db, id: &str, token: &str, error: &str, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE exports SET status = 'failed', error = $3, finished_at = $4, lease_token = NULL, lease_until = NULL \
         WHERE id = $1 AND lease_token = $2 AND status = 'running'",
    )
    .bind(id)
    .bind(token)
    .bind(error)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Whether an export's archive is this object (the sweeper keeps it).
pub async fn references_object(db: &Db, id: &str, key: &str) -> Result<bool, DbError> {
    let row = sqlx::query("SELECT id FROM exports WHERE id = $1 AND object_key = $2")
        .bind(id)
        .bind(key)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some())
}
