//! Webhooks: endpoints, the outbox of events, delivery jobs and the attempt log.
//!
//! An event is written by [`emit`] inside the transaction of the change it reports, together
//! with one delivery job per subscribed endpoint: it commits or rolls back with the change.
//! Delivery jobs are claimed like every job table (see [`super::jobs`]), except that a queued
//! delivery also waits for its `next_attempt_at` (the retry schedule).

use sqlx::Row as _;

use super::jobs::{Claimed, JobTable, HELD, RELEASE};
use super::{flag, Backend, Db, DbError, Row, Tx};

pub const QUEUED: &str = "queued";
pub const SUCCEEDED: &str = "succeeded";
pub const FAILED: &str = "failed";
pub const CANCELLED: &str = "cancelled";

/// A receiver of events.
#[derive(Clone)]
pub struct Endpoint {
    pub id: String,
    pub id_organization: String,
    pub url: String,
    pub description: String,
    /// Subscribed event types.
    pub events: Vec<String>,
    /// `whsec_...`.
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_until: Option<i64>,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("events", &self.events)
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

impl Endpoint {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        let events: String = row.try_get("events")?;
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            url: row.try_get("url")?,
            description: row.try_get("description")?,
            events: events.split(',').filter(|e| !e.is_empty()).map(str::to_owned).collect(),
            secret: row.try_get("secret")?,
            previous_secret: row.try_get("previous_secret")?,
            previous_until: row.try_get("previous_until")?,
            enabled: flag(row, "enabled")?,
            disabled_reason: row.try_get("disabled_reason")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        })
    }

    /// The stored form of `events`: `,a,b,` (see the migration).
    fn events_column(&self) -> String {
        format!(",{},", self.events.join(","))
    }
}

const ENDPOINT_COLUMNS: &str = "id, id_organization, url, description, events, secret, previous_secret, \
    previous_until, enabled, disabled_reason, created_at, updated_at";

pub async fn insert_endpoint(tx: &mut Tx, e: &Endpoint) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO webhook_endpoints (id, id_organization, url, description, events, secret, enabled, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&e.id)
    .bind(&e.id_organization)
    .bind(&e.url)
    .bind(&e.description)
    .bind(e.events_column())
    .bind(&e.secret)
    .bind(i64::from(e.enabled))
    .bind(e.created_at)
    .bind(e.updated_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn count_endpoints(tx: &mut Tx, id_organization: &str) -> Result<i64, DbError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM webhook_endpoints WHERE id_organization = $1")
        .bind(id_organization)
        .fetch_one(&mut **tx)
        .await?;
    Ok(row.try_get("n")?)
}

pub async fn list_endpoints(db: &Db, id_organization: &str) -> Result<Vec<Endpoint>, DbError> {
    let sql = format!("SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id_organization = $1 ORDER BY id");
    let rows = sqlx::query(&sql).bind(id_organization).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(Endpoint::from_row).collect::<Result<_, _>>()?)
}

pub async fn get_endpoint(db: &Db, id_organization: &str, id: &str) -> Result<Option<Endpoint>, DbError> {
    let mut conn = db.acquire().await?;
    get_endpoint_on(&mut conn, id_organization, id).await
}

pub async fn get_endpoint_in(tx: &mut Tx, id_organization: &str, id: &str) -> Result<Option<Endpoint>, DbError> {
    get_endpoint_on(tx, id_organization, id).await
}

async fn get_endpoint_on(
    conn: &mut sqlx::AnyConnection,
    id_organization: &str,
    id: &str,
) -> Result<Option<Endpoint>, DbError> {
    let sql = format!("SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND id_organization = $2");
    let row = sqlx::query(&sql).bind(id).bind(id_organization).fetch_optional(conn).await?;
    Ok(row.as_ref().map(Endpoint::from_row).transpose()?)
}

/// Saves the changeable fields (url, description, events, enabled state).
pub async fn update_endpoint(tx: &mut Tx, e: &Endpoint) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE webhook_endpoints SET url = $2, description = $3, events = $4, enabled = $5, \
         disabled_reason = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(&e.id)
    .bind(&e.url)
    .bind(&e.description)
    .bind(e.events_column())
    .bind(i64::from(e.enabled))
    .bind(&e.disabled_reason)
    .bind(e.updated_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Replaces the secret; the current one keeps signing until `previous_until`.
pub async fn rotate_secret(tx: &mut Tx, id: &str, secret: &str, previous_until: i64, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE webhook_endpoints SET previous_secret = secret, previous_until = $3, secret = $2, updated_at = $4 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(secret)
    .bind(previous_until)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Disables an endpoint from a delivery worker (the receiver answered 410).
pub async fn disable_endpoint(tx: &mut Tx, id: &str, reason: &str, now: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE webhook_endpoints SET enabled = 0, disabled_reason = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(reason)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Deletes an endpoint, its deliveries and their log; false if it did not exist.
pub async fn delete_endpoint(tx: &mut Tx, id_organization: &str, id: &str) -> Result<bool, DbError> {
    // Explicitly, rather than trusting every database's cascade settings.
    sqlx::query("DELETE FROM webhook_attempts WHERE id_endpoint = $1").bind(id).execute(&mut **tx).await?;
    sqlx::query("DELETE FROM webhook_deliveries WHERE id_endpoint = $1").bind(id).execute(&mut **tx).await?;
    let done = sqlx::query("DELETE FROM webhook_endpoints WHERE id = $1 AND id_organization = $2")
        .bind(id)
        .bind(id_organization)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Writes event `id` of `kind` to the outbox with one delivery job per enabled endpoint of the
/// organization subscribed to it, in the caller's transaction; nothing when none is.
pub async fn emit(
    tx: &mut Tx,
    id_organization: &str,
    id: &str,
    kind: &str,
    payload: &str,
    now: i64,
) -> Result<(), DbError> {
    let subscribed = "FROM webhook_endpoints e WHERE e.id_organization = $1 AND e.enabled = 1 \
                      AND e.events LIKE '%,' || $2 || ',%'";
    let sql = format!(
        "INSERT INTO webhook_events (id, id_organization, type, payload, created_at) \
         SELECT $3, $1, $2, $4, $5 WHERE EXISTS (SELECT 1 {subscribed})"
    );
    let done =
        sqlx::query(&sql).bind(id_organization).bind(kind).bind(id).bind(payload).bind(now).execute(&mut **tx).await?;
    if done.rows_affected() == 0 {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO webhook_deliveries (id, id_organization, id_endpoint, id_event, status, next_attempt_at, created_at) \
         SELECT $3 || '-' || e.id, $1, e.id, $3, 'queued', $4, $4 {subscribed}"
    );
    sqlx::query(&sql).bind(id_organization).bind(kind).bind(id).bind(now).execute(&mut **tx).await?;
    Ok(())
}

/// An event of the outbox.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub kind: String,
    pub payload: String,
}

pub async fn get_event(db: &Db, id: &str) -> Result<Option<Event>, DbError> {
    let row = sqlx::query("SELECT id, type, payload FROM webhook_events WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *db.acquire().await?)
        .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Event { id: row.try_get("id")?, kind: row.try_get("type")?, payload: row.try_get("payload")? }))
}

/// One delivery of one event to one endpoint: a job (see [`super::jobs`]).
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: String,
    pub id_organization: String,
    pub id_endpoint: String,
    pub id_event: String,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub created_at: i64,
}

impl JobTable for Delivery {
    const TABLE: &'static str = "webhook_deliveries";
    const COLUMNS: &'static str = DELIVERY_COLUMNS;

    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            id_endpoint: row.try_get("id_endpoint")?,
            id_event: row.try_get("id_event")?,
            status: row.try_get("status")?,
            attempts: row.try_get("attempts")?,
            next_attempt_at: row.try_get("next_attempt_at")?,
            created_at: row.try_get("created_at")?,
        })
    }
}

const DELIVERY_COLUMNS: &str =
    "id, id_organization, id_endpoint, id_event, status, attempts, next_attempt_at, created_at";

/// Claims one due delivery for `token` until `lease_until`, as [`super::jobs::claim`] does,
/// oldest due first: a queued one whose time has come, or a running one whose lease lapsed.
pub async fn claim_due(db: &Db, token: &str, now: i64, lease_until: i64) -> Result<Option<Claimed<Delivery>>, DbError> {
    let skip_locked = match db.backend() {
        Backend::Postgres => "FOR UPDATE OF j SKIP LOCKED",
        Backend::Sqlite => "",
    };
    // A read first, as in [`super::jobs::claim`]: an idle queue costs no write.
    let probe = "SELECT 1 AS due FROM webhook_deliveries j WHERE (j.status = 'queued' AND j.next_attempt_at <= $1) \
                 OR (j.status = 'running' AND j.lease_until < $1) LIMIT 1";
    if sqlx::query(probe).bind(now).fetch_optional(db.pool()).await?.is_none() {
        return Ok(None);
    }
    let sql = format!(
        "UPDATE webhook_deliveries SET status = 'running', lease_token = $1, lease_until = $2, claimed_at = $3, \
         attempts = attempts + 1 \
         WHERE id = (SELECT j.id FROM webhook_deliveries j \
                     WHERE (j.status = 'queued' AND j.next_attempt_at <= $3) \
                        OR (j.status = 'running' AND j.lease_until < $3) \
                     ORDER BY j.next_attempt_at, j.id LIMIT 1 {skip_locked}) \
         RETURNING {DELIVERY_COLUMNS}"
    );
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(&sql).bind(token).bind(lease_until).bind(now).fetch_optional(&mut *tx).await?;
    tx.commit().await?;
    let Some(row) = row else { return Ok(None) };
    let job = Delivery::from_row(&row)?;
    Ok(Some(Claimed { attempts: job.attempts, job, token: token.to_owned() }))
}

/// When the next delivery is due (for the worker's sleep), if any is queued.
pub async fn next_due(db: &Db) -> Result<Option<i64>, DbError> {
    let row = sqlx::query("SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'queued'")
        .fetch_one(&mut *db.acquire().await?)
        .await?;
    Ok(row.try_get("at")?)
}

/// Ends a held delivery with a final status; false if the lease was lost.
pub async fn finish(tx: &mut Tx, id: &str, token: &str, status: &str, now: i64) -> Result<bool, DbError> {
    let sql = format!("UPDATE webhook_deliveries SET status = $3, finished_at = $4, {RELEASE} WHERE {HELD}");
    let done = sqlx::query(&sql).bind(id).bind(token).bind(status).bind(now).execute(&mut **tx).await?;
    Ok(done.rows_affected() == 1)
}

/// Queues a held delivery again for `at`; false if the lease was lost.
pub async fn retry_at(tx: &mut Tx, id: &str, token: &str, at: i64) -> Result<bool, DbError> {
    let sql = format!("UPDATE webhook_deliveries SET status = 'queued', next_attempt_at = $3, {RELEASE} WHERE {HELD}");
    let done = sqlx::query(&sql).bind(id).bind(token).bind(at).execute(&mut **tx).await?;
    Ok(done.rows_affected() == 1)
}

/// Queues a new delivery of event `id_event` to endpoint `id_endpoint` now (a manual
/// redelivery: the same `webhook-id`, a fresh retry schedule).
pub async fn queue_redelivery(tx: &mut Tx, d: &Delivery) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO webhook_deliveries (id, id_organization, id_endpoint, id_event, status, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, 'queued', $5, $6)",
    )
    .bind(&d.id)
    .bind(&d.id_organization)
    .bind(&d.id_endpoint)
    .bind(&d.id_event)
    .bind(d.next_attempt_at)
    .bind(d.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One delivery attempt, as the log shows it.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub id: String,
    pub id_organization: String,
    pub id_endpoint: String,
    pub id_delivery: String,
    pub id_event: String,
    pub event_type: String,
    pub attempt: i64,
    pub attempted_at: i64,
    pub duration_ms: i64,
    pub status_code: Option<i64>,
    pub success: bool,
    pub error_class: Option<String>,
    pub response_excerpt: Option<String>,
}

impl Attempt {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            id_endpoint: row.try_get("id_endpoint")?,
            id_delivery: row.try_get("id_delivery")?,
            id_event: row.try_get("id_event")?,
            event_type: row.try_get("event_type")?,
            attempt: row.try_get("attempt")?,
            attempted_at: row.try_get("attempted_at")?,
            duration_ms: row.try_get("duration_ms")?,
            status_code: row.try_get("status_code")?,
            success: flag(row, "success")?,
            error_class: row.try_get("error_class")?,
            response_excerpt: row.try_get("response_excerpt")?,
        })
    }
}

const ATTEMPT_COLUMNS: &str = "id, id_organization, id_endpoint, id_delivery, id_event, event_type, attempt, \
    attempted_at, duration_ms, status_code, success, error_class, response_excerpt";

pub async fn insert_attempt(tx: &mut Tx, a: &Attempt) -> Result<(), DbError> {
    let sql = format!(
        "INSERT INTO webhook_attempts ({ATTEMPT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    );
    sqlx::query(&sql)
        .bind(&a.id)
        .bind(&a.id_organization)
        .bind(&a.id_endpoint)
        .bind(&a.id_delivery)
        .bind(&a.id_event)
        .bind(&a.event_type)
        .bind(a.attempt)
        .bind(a.attempted_at)
        .bind(a.duration_ms)
        .bind(a.status_code)
        .bind(i64::from(a.success))
        .bind(&a.error_class)
        .bind(&a.response_excerpt)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The endpoint's attempts, newest first, older than attempt `before` when given.
pub async fn list_attempts(
    db: &Db,
    id_endpoint: &str,
    before: Option<&str>,
    limit: i64,
) -> Result<Vec<Attempt>, DbError> {
    let sql = format!(
        "SELECT {ATTEMPT_COLUMNS} FROM webhook_attempts WHERE id_endpoint = $1 AND ($2 = '' OR id < $2) \
         ORDER BY id DESC LIMIT $3"
    );
    let rows = sqlx::query(&sql)
        .bind(id_endpoint)
        .bind(before.unwrap_or(""))
        .bind(limit)
        .fetch_all(&mut *db.acquire().await?)
        .await?;
    Ok(rows.iter().map(Attempt::from_row).collect::<Result<_, _>>()?)
}

pub async fn get_attempt(tx: &mut Tx, id_endpoint: &str, id: &str) -> Result<Option<Attempt>, DbError> {
    let sql = format!("SELECT {ATTEMPT_COLUMNS} FROM webhook_attempts WHERE id = $1 AND id_endpoint = $2");
    let row = sqlx::query(&sql).bind(id).bind(id_endpoint).fetch_optional(&mut **tx).await?;
    Ok(row.as_ref().map(Attempt::from_row).transpose()?)
}

/// Forgets what is done and older than `before`: attempts, finished deliveries, and events left
/// without deliveries. Returns how many events were deleted.
pub async fn prune(db: &Db, before: i64) -> Result<u64, DbError> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM webhook_attempts WHERE attempted_at < $1").bind(before).execute(&mut *tx).await?;
    sqlx::query(
        "DELETE FROM webhook_deliveries WHERE status IN ('succeeded', 'failed', 'cancelled') AND created_at < $1 \
         AND id NOT IN (SELECT id_delivery FROM webhook_attempts)",
    )
    .bind(before)
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query(
        "DELETE FROM webhook_events WHERE created_at < $1 \
         AND id NOT IN (SELECT id_event FROM webhook_deliveries)",
    )
    .bind(before)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}
