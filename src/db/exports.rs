//! Year exports: job rows (see [`super::jobs`]) whose outcome is a stored archive, kept until
//! it expires. At most one export per year is queued or running (a partial unique index backs
//! it); a ready one is reused while the year is unchanged (same fingerprint).

use super::jobs::{JobTable, HELD, RELEASE};
use super::{Db, DbError, Row, Tx};
use sqlx::Row as _;

pub const QUEUED: &str = "queued";
pub const READY: &str = "ready";
pub const FAILED: &str = "failed";
/// The archive was deleted after its time to live.
pub const EXPIRED: &str = "expired";

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
    /// The year's state when the export was requested (see [`year_fingerprint`]).
    pub fingerprint: String,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    /// When a ready archive is deleted.
    pub expires_at: Option<i64>,
}

impl JobTable for Export {
    const TABLE: &'static str = "exports";
    const COLUMNS: &'static str = COLUMNS;

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
            fingerprint: row.try_get::<Option<String>, _>("fingerprint")?.unwrap_or_default(),
            created_at: row.try_get("created_at")?,
            finished_at: row.try_get("finished_at")?,
            expires_at: row.try_get("expires_at")?,
        })
    }
}

const COLUMNS: &str = "id, id_organization, id_year, status, object_key, size, sha256, files, error, attempts, \
    fingerprint, created_at, finished_at, expires_at";

pub async fn insert(tx: &mut Tx, e: &Export) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO exports (id, id_organization, id_year, status, fingerprint, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&e.id)
    .bind(&e.id_organization)
    .bind(&e.id_year)
    .bind(&e.status)
    .bind(&e.fingerprint)
    .bind(e.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The export `id` of this organization and year.
pub async fn get(db: &Db, id_organization: &str, id_year: &str, id: &str) -> Result<Option<Export>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM exports WHERE id = $1 AND id_organization = $2 AND id_year = $3");
    let row = sqlx::query(&sql)
        .bind(id)
        .bind(id_organization)
        .bind(id_year)
        .fetch_optional(&mut *db.acquire().await?)
        .await?;
    Ok(row.as_ref().map(Export::from_row).transpose()?)
}

/// The year's export that is queued or running, if any (there is at most one).
pub async fn find_active(tx: &mut Tx, id_year: &str) -> Result<Option<Export>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM exports WHERE id_year = $1 AND status IN ('queued', 'running')");
    let row = sqlx::query(&sql).bind(id_year).fetch_optional(&mut **tx).await?;
    Ok(row.as_ref().map(Export::from_row).transpose()?)
}

/// The newest ready export of the year made from the same state, whose archive lives at
/// least until `alive_until`.
pub async fn find_ready(
    tx: &mut Tx,
    id_year: &str,
    fingerprint: &str,
    alive_until: i64,
) -> Result<Option<Export>, DbError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM exports WHERE id_year = $1 AND status = 'ready' AND fingerprint = $2 \
         AND expires_at > $3 ORDER BY id DESC LIMIT 1"
    );
    let row = sqlx::query(&sql).bind(id_year).bind(fingerprint).bind(alive_until).fetch_optional(&mut **tx).await?;
    Ok(row.as_ref().map(Export::from_row).transpose()?)
}

/// The state of a year as an export would show it: the newest audit entry of the year that
/// changed something (every change is audited in its own transaction; reads such as
/// download URLs and export requests are not changes), plus the OCR results its files point
/// to (a job finishing is not audited, yet its fields go into the manifest).
pub async fn year_fingerprint(tx: &mut Tx, id_organization: &str, id_year: &str) -> Result<String, DbError> {
    let row = sqlx::query(
        "SELECT \
           (SELECT COALESCE(MAX(seq), 0) FROM audit_entries WHERE id_organization = $1 AND id_year = $2 \
              AND action NOT IN ('file.download_url', 'export.download_url', 'year.export')) AS seq, \
           (SELECT COUNT(j.id) FROM files f JOIN ocr_jobs j ON j.id = f.id_ocr_job \
              WHERE f.id_year = $2 AND j.status = 'done') AS ocr_done, \
           (SELECT COALESCE(MAX(j.finished_at), 0) FROM files f JOIN ocr_jobs j ON j.id = f.id_ocr_job \
              WHERE f.id_year = $2) AS ocr_at",
    )
    .bind(id_organization)
    .bind(id_year)
    .fetch_one(&mut **tx)
    .await?;
    let (seq, done, at): (i64, i64, i64) = (row.try_get("seq")?, row.try_get("ocr_done")?, row.try_get("ocr_at")?);
    Ok(format!("audit:{seq};ocr:{done}:{at}"))
}

/// A stored archive.
#[derive(Debug, Clone)]
pub struct Archive {
    pub key: String,
    pub size: i64,
    pub sha256: String,
    pub files: i64,
}

/// The archive is stored: records it, to be deleted at `expires_at`. False if the lease was
/// lost meanwhile.
pub async fn finish_ready(
    tx: &mut Tx,
    id: &str,
    token: &str,
    archive: &Archive,
    now: i64,
    expires_at: i64,
) -> Result<bool, DbError> {
    let sql = format!(
        "UPDATE exports SET status = 'ready', object_key = $3, size = $4, sha256 = $5, files = $6, finished_at = $7, \
         expires_at = $8, {RELEASE} WHERE {HELD}"
    );
    let done = sqlx::query(&sql)
        .bind(id)
        .bind(token)
        .bind(&archive.key)
        .bind(archive.size)
        .bind(&archive.sha256)
        .bind(archive.files)
        .bind(now)
        .bind(expires_at)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failure; false if the lease was lost meanwhile.
pub async fn finish_failed(db: &Db, id: &str, token: &str, error: &str, now: i64) -> Result<bool, DbError> {
    let sql = format!("UPDATE exports SET status = 'failed', error = $3, finished_at = $4, {RELEASE} WHERE {HELD}");
    let done = db.execute_write(sqlx::query(&sql).bind(id).bind(token).bind(error).bind(now)).await?;
    Ok(done.rows_affected() == 1)
}

/// Ready exports whose archive expired before `now`.
pub async fn expired(db: &Db, now: i64, limit: i64) -> Result<Vec<Export>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM exports WHERE status = 'ready' AND expires_at <= $1 ORDER BY id LIMIT $2");
    let rows = sqlx::query(&sql).bind(now).bind(limit).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(Export::from_row).collect::<Result<_, _>>()?)
}

/// Marks a ready export expired; false when another sweeper did it first.
pub async fn mark_expired(tx: &mut Tx, id: &str) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE exports SET status = 'expired' WHERE id = $1 AND status = 'ready'")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a live export's archive is this object (the sweeper keeps it).
pub async fn references_object(db: &Db, id: &str, key: &str) -> Result<bool, DbError> {
    let row = sqlx::query("SELECT id FROM exports WHERE id = $1 AND object_key = $2 AND status <> 'expired'")
        .bind(id)
        .bind(key)
        .fetch_optional(&mut *db.acquire().await?)
        .await?;
    Ok(row.is_some())
}
