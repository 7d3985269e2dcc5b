//! The one claim/lease implementation shared by every job table (`ocr_jobs`, `exports`).
//! A job table has these columns with these meanings: `id` (time-ordered), `id_organization`,
//! `status` (`queued`, `running`, then a final status), `attempts` (claims so far),
//! `lease_token`/`lease_until` (the claim of the worker running it), `claimed_at` (when it was
//! last claimed, for fairness between organizations).
//!
//! A claim takes a queued job, or a running one whose lease lapsed (its worker died). Among
//! them it takes the oldest job of the organization that least recently had a job of this
//! table claimed, so one organization's backlog never starves another's: organizations take
//! turns. After [`MAX_ATTEMPTS`] claims a job is handed out as exhausted, for its runner to fail
//! it instead of running it again.

use super::{Backend, Db, DbError, Row};

/// After this many claims, a job whose workers keep dying fails instead of running again.
pub const MAX_ATTEMPTS: i64 = 3;

/// A table of jobs with the columns above.
pub trait JobTable: Sized {
    const TABLE: &'static str;
    /// The columns read into `Self`, for `RETURNING`.
    const COLUMNS: &'static str;
    fn from_row(row: &Row) -> Result<Self, sqlx::Error>;
}

/// A job held under a lease by `token`.
#[derive(Debug, Clone)]
pub struct Claimed<J> {
    pub job: J,
    pub token: String,
    pub attempts: i64,
}

impl<J> Claimed<J> {
    /// Claimed too many times without finishing: to be failed, not run.
    pub fn exhausted(&self) -> bool {
        self.attempts > MAX_ATTEMPTS
    }
}

/// Claims one job of `J`'s table for `token` until `lease_until`; None when there is none.
/// PostgreSQL skips rows other workers are claiming; SQLite serializes claims.
pub async fn claim<J: JobTable>(
    db: &Db,
    token: &str,
    now: i64,
    lease_until: i64,
) -> Result<Option<Claimed<J>>, DbError> {
    let skip_locked = match db.backend() {
        Backend::Postgres => "FOR UPDATE OF j SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let (table, columns) = (J::TABLE, J::COLUMNS);
    // A read first: an idle queue costs a worker's wake-up (every request that queues work
    // wakes every worker) no write, which on SQLite would wait in the one writer's queue.
    let probe = format!(
        "SELECT 1 AS due FROM {table} j WHERE j.status = 'queued' OR (j.status = 'running' AND j.lease_until < $1) LIMIT 1"
    );
    if sqlx::query(&probe).bind(now).fetch_optional(db.pool()).await?.is_none() {
        return Ok(None);
    }
    let sql = format!(
        "UPDATE {table} SET status = 'running', lease_token = $1, lease_until = $2, claimed_at = $3, \
         attempts = attempts + 1 \
         WHERE id = (SELECT j.id FROM {table} j \
                     WHERE j.status = 'queued' OR (j.status = 'running' AND j.lease_until < $3) \
                     ORDER BY (SELECT COALESCE(MAX(o.claimed_at), 0) FROM {table} o \
                               WHERE o.id_organization = j.id_organization), j.id \
                     LIMIT 1 {skip_locked}) \
         RETURNING attempts, {columns}"
    );
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(&sql).bind(token).bind(lease_until).bind(now).fetch_optional(&mut *tx).await?;
    tx.commit().await?;
    let Some(row) = row else { return Ok(None) };
    let attempts = sqlx::Row::try_get(&row, "attempts")?;
    Ok(Some(Claimed { job: J::from_row(&row)?, token: token.to_owned(), attempts }))
}

/// Extends a lease; false when the job is no longer held by `token`.
pub async fn extend_lease<J: JobTable>(db: &Db, id: &str, token: &str, lease_until: i64) -> Result<bool, DbError> {
    let sql =
        format!("UPDATE {} SET lease_until = $3 WHERE id = $1 AND lease_token = $2 AND status = 'running'", J::TABLE);
    let done = db.execute_write(sqlx::query(&sql).bind(id).bind(token).bind(lease_until)).await?;
    Ok(done.rows_affected() == 1)
}

/// The condition every outcome update adds, so that only the lease holder records one:
/// `$1` is the job's id and `$2` the holder's token.
pub const HELD: &str = "id = $1 AND lease_token = $2 AND status = 'running'";

/// The columns reset when a job ends.
pub const RELEASE: &str = "lease_token = NULL, lease_until = NULL";

/// How many jobs of a table wait and run, and when the oldest waiting one was queued.
#[derive(Debug, Clone, Copy)]
pub struct QueueStats {
    pub queued: i64,
    pub running: i64,
    pub oldest_queued_at: Option<i64>,
}

pub async fn queue_stats<J: JobTable>(db: &Db) -> Result<QueueStats, DbError> {
    let table = J::TABLE;
    let sql = format!(
        "SELECT (SELECT COUNT(*) FROM {table} WHERE status = 'queued') AS queued, \
         (SELECT COUNT(*) FROM {table} WHERE status = 'running') AS running, \
         (SELECT MIN(created_at) FROM {table} WHERE status = 'queued') AS oldest"
    );
    let row = sqlx::query(&sql).fetch_one(&mut *db.acquire().await?).await?;
    use sqlx::Row as _;
    Ok(QueueStats {
        queued: row.try_get("queued")?,
        running: row.try_get("running")?,
        oldest_queued_at: row.try_get("oldest")?,
    })
}

/// Gives a job held by `token` back to the queue without counting the claim: its run was cut
/// short by a dependency outage, not by the job. False when the job is no longer held.
pub async fn release<J: JobTable>(db: &Db, id: &str, token: &str) -> Result<bool, DbError> {
    let sql = format!("UPDATE {} SET status = 'queued', attempts = attempts - 1, {RELEASE} WHERE {HELD}", J::TABLE);
    let done = db.execute_write(sqlx::query(&sql).bind(id).bind(token)).await?;
    Ok(done.rows_affected() == 1)
}
