//! OCR jobs: rows claimed by workers under a lease, completed exactly once. Page credits move
//! in the same transactions: reserved when a job is queued, settled when it ends.

use super::jobs::{JobTable, HELD, RELEASE};
use super::{Db, DbError, Row, Tx};
use sqlx::Row as _;

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";

#[derive(Debug, Clone)]
pub struct OcrJob {
    pub id: String,
    pub id_organization: String,
    pub sha256: String,
    pub content_key: String,
    pub content_type: String,
    pub status: String,
    pub pages: i64,
    pub pages_reserved: i64,
    pub pages_charged: i64,
    pub engine: Option<String>,
    pub error: Option<String>,
    /// A stable code for the failure (`pdf_encrypted`, `too_many_pages`, `ocr_credits_exhausted`, ...).
    pub error_code: Option<String>,
    pub attempts: i64,
    pub lease_token: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

impl JobTable for OcrJob {
    const TABLE: &'static str = "ocr_jobs";
    const COLUMNS: &'static str = COLUMNS;

    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            sha256: row.try_get("sha256")?,
            content_key: row.try_get("content_key")?,
            content_type: row.try_get("content_type")?,
            status: row.try_get("status")?,
            pages: row.try_get("pages")?,
            pages_reserved: row.try_get("pages_reserved")?,
            pages_charged: row.try_get("pages_charged")?,
            engine: row.try_get("engine")?,
            error: row.try_get("error")?,
            error_code: row.try_get("error_code")?,
            attempts: row.try_get("attempts")?,
            lease_token: row.try_get("lease_token")?,
            created_at: row.try_get("created_at")?,
            finished_at: row.try_get("finished_at")?,
        })
    }
}

const COLUMNS: &str = "id, id_organization, sha256, content_key, content_type, status, pages, pages_reserved, \
    pages_charged, engine, error, error_code, attempts, lease_token, created_at, finished_at";

pub async fn insert(tx: &mut Tx, job: &OcrJob) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO ocr_jobs (id, id_organization, sha256, content_key, content_type, status, pages, pages_reserved, \
         error, error_code, created_at, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&job.id)
    .bind(&job.id_organization)
    .bind(&job.sha256)
    .bind(&job.content_key)
    .bind(&job.content_type)
    .bind(&job.status)
    .bind(job.pages)
    .bind(job.pages_reserved)
    .bind(&job.error)
    .bind(&job.error_code)
    .bind(job.created_at)
    .bind(job.finished_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The newest job for this content that is queued or running (there is at most one), or
/// with `done`, done.
pub async fn find_reusable(
    tx: &mut Tx,
    id_organization: &str,
    sha256: &str,
    done: bool,
) -> Result<Option<OcrJob>, DbError> {
    let statuses = if done { "'queued', 'running', 'done'" } else { "'queued', 'running'" };
    let sql = format!(
        "SELECT {COLUMNS} FROM ocr_jobs WHERE id_organization = $1 AND sha256 = $2 AND status IN ({statuses}) \
         ORDER BY id DESC LIMIT 1"
    );
    let row = sqlx::query(&sql).bind(id_organization).bind(sha256).fetch_optional(&mut **tx).await?;
    Ok(row.as_ref().map(OcrJob::from_row).transpose()?)
}

pub async fn get(db: &Db, id: &str) -> Result<Option<OcrJob>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM ocr_jobs WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *db.acquire().await?).await?;
    Ok(row.as_ref().map(OcrJob::from_row).transpose()?)
}

/// The stored result JSON of a job, once done.
pub async fn result(db: &Db, id: &str) -> Result<Option<String>, DbError> {
    let row = sqlx::query("SELECT result FROM ocr_jobs WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *db.acquire().await?)
        .await?;
    Ok(row.map(|r| r.try_get::<Option<String>, _>("result")).transpose()?.flatten())
}

/// The end of a run, written once.
#[derive(Debug, Clone)]
pub enum Outcome {
    Done { pages: i64, pages_charged: i64, engine: String, result: String, search_text: String },
    Failed { code: String, error: String },
}

impl Outcome {
    pub fn failed(code: &str, error: &str) -> Self {
        Self::Failed { code: code.to_owned(), error: error.to_owned() }
    }
}

/// Records the outcome and settles the reservation: pages charged are used, the rest is
/// returned. False (and nothing changes) when the job is no longer held by `token`.
pub async fn finish(tx: &mut Tx, job: &OcrJob, token: &str, outcome: &Outcome, now: i64) -> Result<bool, DbError> {
    let (status, charged) = match outcome {
        Outcome::Done { pages_charged, .. } => (DONE, (*pages_charged).min(job.pages_reserved)),
        Outcome::Failed { .. } => (FAILED, 0),
    };
    let (pages, engine, result, search_text, error, code) = match outcome {
        Outcome::Done { pages, engine, result, search_text, .. } => {
            (*pages, Some(engine.as_str()), Some(result.as_str()), Some(search_text.as_str()), None, None)
        }
        Outcome::Failed { code, error } => (job.pages, None, None, None, Some(error.as_str()), Some(code.as_str())),
    };
    let sql = format!(
        "UPDATE ocr_jobs SET status = $3, pages = $4, pages_charged = $5, engine = $6, result = $7, search_text = $8, \
         error = $9, finished_at = $10, error_code = $11, {RELEASE} WHERE {HELD}"
    );
    let done = sqlx::query(&sql)
        .bind(&job.id)
        .bind(token)
        .bind(status)
        .bind(pages)
        .bind(charged)
        .bind(engine)
        .bind(result)
        .bind(search_text)
        .bind(error)
        .bind(now)
        .bind(code)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE organizations SET ocr_pages_available = ocr_pages_available + $2, ocr_pages_used = ocr_pages_used + $3 \
         WHERE id = $1",
    )
    .bind(&job.id_organization)
    .bind(job.pages_reserved - charged)
    .bind(charged)
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

/// Takes `pages` credits; false (nothing taken) when fewer are available.
pub async fn reserve_credits(tx: &mut Tx, id_organization: &str, pages: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE organizations SET ocr_pages_available = ocr_pages_available - $2 WHERE id = $1 AND ocr_pages_available >= $2",
    )
    .bind(id_organization)
    .bind(pages)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes `extra` more credits for a running job held by `token`; `Err(available)` (nothing
/// taken) when fewer are available. The caller's transaction is rolled back when the job is
/// no longer held.
pub async fn reserve_more(tx: &mut Tx, job: &OcrJob, token: &str, extra: i64) -> Result<Result<(), i64>, DbError> {
    if !reserve_credits(tx, &job.id_organization, extra).await? {
        let org = super::orgs::get_in(tx, &job.id_organization).await?;
        return Ok(Err(org.map_or(0, |o| o.ocr_pages_available)));
    }
    let sql = format!("UPDATE ocr_jobs SET pages_reserved = pages_reserved + $3 WHERE {HELD}");
    let done = sqlx::query(&sql).bind(&job.id).bind(token).bind(extra).execute(&mut **tx).await?;
    if done.rows_affected() != 1 {
        return Err(DbError::Sqlx(sqlx::Error::RowNotFound));
    }
    Ok(Ok(()))
}
