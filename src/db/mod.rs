//! All SQL lives here, one module per table. One [`Db`] handle serves SQLite (the embedded
//! default) and PostgreSQL: queries are written once with `$N` placeholders, which both
//! drivers accept, and only locking differs by backend (see [`Db::begin_write`] and
//! [`lock_row`]).
//!
//! Error types: functions return [`DbError`]; callers that can blame the client for a
//! constraint violation check [`DbError::is_unique_violation`] at the call site.

pub mod audit;
pub mod deletions;
pub mod exports;
pub mod files;
pub mod folders;
pub mod jobs;
pub mod keys;
mod migrate;
pub mod ocr_jobs;
pub mod orgs;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod years;

use std::str::FromStr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Connection as _, Executor};

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;
pub type Row = sqlx::any::AnyRow;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("unsupported database URL (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
}

impl DbError {
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, Self::Sqlx(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
    pub fn is_foreign_key_violation(&self) -> bool {
        matches!(self, Self::Sqlx(sqlx::Error::Database(e)) if e.is_foreign_key_violation())
    }

    /// The database could not be reached or stopped serving (pool timeout, connection lost or
    /// refused, server shutting down): try again later; not a fault of the request.
    pub fn is_unavailable(&self) -> bool {
        use sqlx::Error as E;
        match self {
            Self::Sqlx(E::PoolTimedOut | E::PoolClosed | E::Io(_) | E::Tls(_) | E::WorkerCrashed | E::Protocol(_)) => {
                true
            }
            // SQLSTATE 08: connection exception; 57P01-03: administrator / crash shutdown,
            // cannot connect now; 53300: too many connections.
            Self::Sqlx(E::Database(e)) => {
                e.code().is_some_and(|c| c.starts_with("08") || c.starts_with("57P") || c == "53300")
            }
            _ => false,
        }
    }
}

/// A snapshot of the pool, for metrics.
#[derive(Debug, Clone, Copy)]
pub struct PoolState {
    pub in_use: i64,
    pub idle: i64,
    pub waiting: i64,
}

/// How the connection pool behaves.
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    pub max_connections: u32,
    /// How long a query waits for a connection (or for the server to accept one) before
    /// failing as unavailable.
    pub acquire_timeout: Duration,
}

impl PoolSettings {
    /// A small pool for one-shot admin commands.
    pub fn admin() -> Self {
        Self { max_connections: 2, acquire_timeout: Duration::from_secs(30) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// Tasks waiting for a connection right now (for metrics; sqlx does not count them).
    waiting: Arc<AtomicI64>,
}

/// Counts one waiting task while alive (also when its future is dropped).
struct Waiting<'a>(&'a AtomicI64);

impl<'a> Waiting<'a> {
    fn enter(counter: &'a AtomicI64) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        Self(counter)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Db {
    /// Connects and runs the embedded migrations of the URL's backend.
    pub async fn connect(url: &str, settings: PoolSettings) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(DbError::UnsupportedUrl);
        };
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 30000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                    }
                    Ok(())
                })
            })
            // A connection must never go back into use with a transaction open: on SQLite
            // that transaction would hold the database's write lock for good. Handlers run to
            // completion in their own task (see `server::run_to_completion`), so this is a
            // backstop: such a connection is closed (which rolls back) instead of reused.
            .after_release(|conn, _meta| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
            .before_acquire(|conn, _meta| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // Persistent: readers no longer block the writer.
            pool.execute("PRAGMA journal_mode = WAL").await?;
        }
        let db = Self { pool, backend, waiting: Arc::default() };
        migrate::run(&db).await?;
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A connection from the pool, counted in [`Db::pool_state`] while waited for.
    pub async fn acquire(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, DbError> {
        let _waiting = Waiting::enter(&self.waiting);
        Ok(self.pool.acquire().await?)
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so read-then-write sequences are serialized instead of failing
    /// with a busy snapshot; on PostgreSQL rows are locked explicitly with [`lock_row`].
    pub async fn begin_write(&self) -> Result<Tx, DbError> {
        let conn = self.acquire().await?;
        let statement = match self.backend {
            Backend::Sqlite => Some("BEGIN IMMEDIATE".into()),
            Backend::Postgres => None,
        };
        Ok(sqlx::Transaction::begin(conn, statement).await?)
    }

    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&mut *self.acquire().await?).await?;
        Ok(())
    }

    /// Connections `(in use, idle)` and tasks waiting for one.
    pub fn pool_state(&self) -> PoolState {
        let (size, idle) = (self.pool.size() as i64, self.pool.num_idle() as i64);
        PoolState { in_use: (size - idle).max(0), idle, waiting: self.waiting.load(Ordering::Relaxed).max(0) }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Tables whose rows serialize concurrent writers (see [`lock_row`]).
#[derive(Debug, Clone, Copy)]
pub enum Lockable {
    Organization,
}

/// Locks one row until the transaction ends, so that checks made after it (quota, folder
/// cycles, file state) cannot be invalidated by a concurrent transaction. A no-op on SQLite,
/// whose write transactions already hold the database lock.
pub async fn lock_row(tx: &mut Tx, backend: Backend, table: Lockable, id: &str) -> Result<(), DbError> {
    if backend == Backend::Sqlite {
        return Ok(());
    }
    let sql = match table {
        Lockable::Organization => "SELECT id FROM organizations WHERE id = $1 FOR UPDATE",
    };
    sqlx::query(sql).bind(id).fetch_optional(&mut **tx).await?;
    Ok(())
}

/// Reads a 0/1 integer column as a bool.
fn flag(row: &Row, column: &str) -> Result<bool, sqlx::Error> {
    use sqlx::Row as _;
    Ok(row.try_get::<i64, _>(column)? != 0)
}
