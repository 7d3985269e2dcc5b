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
mod group;
pub mod jobs;
pub mod keys;
mod links;
mod migrate;
pub mod ocr_jobs;
pub mod orgs;
pub mod read;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod turns;
pub mod webhooks;
pub mod years;

use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Connection as _, Executor};

pub type Row = sqlx::any::AnyRow;

/// A write transaction ([`Db::begin_write`]). It derefs to the connection (`&mut **tx` is an
/// executor) and ends with [`Tx::commit`] or [`Tx::rollback`]; dropped, it rolls back.
///
/// `commit` returns once the change is durable. On SQLite the transaction is one request of a
/// group commit (see `group.rs`): what it reads includes changes of earlier requests of its
/// batch that are not on disk yet, so a request that answers success from what it read here
/// commits (even with nothing changed) rather than drops the transaction.
pub struct Tx {
    inner: TxInner,
    /// PostgreSQL: this process's queue of the organization's writers (see `turns.rs`).
    turns: Option<Arc<turns::Turns>>,
    /// The turn taken, released after the transaction ends (fields drop in order).
    turn: Option<turns::Turn>,
    /// PostgreSQL: the audit links this process committed (see `links.rs`), and those this
    /// transaction wrote, kept there once it commits.
    links: Option<Arc<links::CommittedLinks>>,
    written: Vec<(String, i64, String)>,
    backend: Backend,
}

enum TxInner {
    Pool(sqlx::Transaction<'static, sqlx::Any>),
    Group(group::Lease),
}

impl Tx {
    /// Keeps the changes; Ok means they are on disk.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.inner {
            TxInner::Pool(tx) => {
                let done = tx.commit().await;
                if let Some(links) = &self.links {
                    if done.is_ok() {
                        links.publish(self.written);
                    } else {
                        // Committed or not, nobody knows: read the tails again.
                        self.written.iter().for_each(|(org, _, _)| links.forget(org));
                    }
                }
                done
            }
            TxInner::Group(lease) => lease.commit().await,
        }
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self.inner {
            TxInner::Pool(tx) => tx.rollback().await,
            TxInner::Group(lease) => lease.rollback().await,
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// PostgreSQL: waits for the organization's turn among this process's writers, first
    /// come first served, before the caller locks the organization's row (see `turns.rs`).
    /// Once per transaction; a no-op on SQLite, whose writer already queues.
    pub async fn take_turn(&mut self, id_organization: &str) {
        if self.turn.is_some() {
            return;
        }
        if let Some(turns) = &self.turns {
            self.turn = turns.take(id_organization).await;
        }
    }

    /// The organization's last audit entry `(seq, hash)` when known without reading: from
    /// the SQLite writer (see `group::AuditTails`), exact; on PostgreSQL from this
    /// transaction's own appends or this process's committed ones (see `links.rs`), possibly
    /// behind the database. None means read it.
    fn audit_tail(&self, id_organization: &str) -> Option<(i64, String)> {
        match &self.inner {
            TxInner::Pool(_) => {
                let own = self.written.iter().rev().find(|(org, _, _)| org == id_organization);
                match own {
                    Some((_, seq, hash)) => Some((*seq, hash.clone())),
                    None => self.links.as_ref()?.get(id_organization),
                }
            }
            TxInner::Group(lease) => lease.audit_tail(id_organization),
        }
    }

    /// SQLite: keeps the insert of `entry` to send to SQLite with the request's `RELEASE`, in
    /// one call (see `group.rs`); one kept before is written now, so entries keep their order.
    /// Elsewhere, inserts it now.
    async fn defer_audit_insert(&mut self, id_organization: &str, entry: audit::Entry) -> Result<(), DbError> {
        let earlier = match &mut self.inner {
            TxInner::Group(lease) => lease.defer_audit_insert(id_organization.to_owned(), entry),
            TxInner::Pool(_) => Some((id_organization.to_owned(), entry)),
        };
        if let Some((org, entry)) = earlier {
            audit::bind_insert(audit::INSERT, &org, &entry)?
                .execute(&mut **self)
                .await
                .inspect_err(|_| self.forget_audit_tail(&org))?;
        }
        Ok(())
    }

    /// Whether [`Tx::audit_tail`] is exact (the SQLite writer's) or may be behind.
    fn audit_tail_exact(&self) -> bool {
        matches!(self.inner, TxInner::Group(_))
    }

    /// Reads the organization's last audit entry next time.
    fn forget_audit_tail(&mut self, id_organization: &str) {
        match &mut self.inner {
            TxInner::Pool(_) => {
                self.written.retain(|(org, _, _)| org != id_organization);
                if let Some(links) = &self.links {
                    links.forget(id_organization);
                }
            }
            TxInner::Group(lease) => lease.forget_audit_tail(id_organization),
        }
    }

    /// The organization's new last audit entry, written by this transaction.
    fn set_audit_tail(&mut self, id_organization: &str, seq: i64, hash: &str) {
        match &mut self.inner {
            TxInner::Pool(_) => {
                if self.links.is_some() {
                    self.written.push((id_organization.to_owned(), seq, hash.to_owned()));
                }
            }
            TxInner::Group(lease) => lease.set_audit_tail(id_organization, seq, hash),
        }
    }
}

impl Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match &self.inner {
            TxInner::Pool(tx) => tx,
            TxInner::Group(lease) => lease.conn(),
        }
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.inner {
            TxInner::Pool(tx) => tx,
            TxInner::Group(lease) => lease.conn_mut(),
        }
    }
}

/// Every SQLite connection's settings. `synchronous = FULL`: in WAL mode each `COMMIT`
/// fsyncs the log, so an acknowledged write survives a power failure (NORMAL may lose the
/// last commits); group commit makes that one fsync per batch of requests.
async fn sqlite_pragmas(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute("PRAGMA foreign_keys = ON").await?;
    // Other processes (a `coffre worker`, admin commands) write through their own writer.
    conn.execute("PRAGMA busy_timeout = 30000").await?;
    conn.execute("PRAGMA synchronous = FULL").await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    /// From SQLite's read pool ([`read::Reader`]).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
            Self::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy
                    | rusqlite::ErrorCode::DatabaseLocked
                    | rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::SystemIoFailure
            ),
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
    /// Reads, and on PostgreSQL every transaction.
    pool: AnyPool,
    /// SQLite's one write connection.
    writer: Option<group::Writer>,
    backend: Backend,
    /// Tasks waiting for a connection right now (for metrics; sqlx does not count them).
    waiting: Arc<AtomicI64>,
    /// The hottest reads (a page of files) on the concrete driver, whose rows decode without
    /// the `Any` driver's per-row conversion (see [`Typed`]).
    typed: Typed,
    /// PostgreSQL: the organizations' write queues of this process (see `turns.rs`).
    turns: Option<Arc<turns::Turns>>,
    /// PostgreSQL: the audit links this process committed (see `links.rs`).
    links: Option<Arc<links::CommittedLinks>>,
}

/// A second pool on the same database, for the hottest reads only, connected lazily (idle
/// until the first page of files is listed): on SQLite read-only `rusqlite` connections run
/// synchronously on blocking threads, on PostgreSQL concrete `PgConnection`s (see `read.rs`). It
/// holds at most [`TYPED_MAX_CONNECTIONS`] connections, next to the `Any` pool's.
#[derive(Clone)]
pub enum Typed {
    Sqlite(Arc<read::Reader>),
    Postgres(Arc<read::PgReader>),
}

/// Connections of the concrete read pool: a page of files takes well under a millisecond,
/// so a few connections serve every listing client of a 2 to 8 core machine.
pub const TYPED_MAX_CONNECTIONS: u32 = 4;

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
                        sqlite_pragmas(conn).await?;
                        // Up to 16 of these, for the reads off the hot path (search, jobs,
                        // exports): 1 MB of page cache each instead of SQLite's 2 MB default
                        // keeps the server's memory bounded on a large database; the pages
                        // stay in the operating system's cache anyway.
                        conn.execute("PRAGMA cache_size = -1024").await?;
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
            .connect_with(options.clone())
            .await?;
        let writer = if backend == Backend::Sqlite {
            // Persistent: readers no longer block the writer.
            pool.execute("PRAGMA journal_mode = WAL").await?;
            Some(group::Writer::start(options, settings.acquire_timeout).await?)
        } else {
            None
        };
        let typed = match backend {
            Backend::Sqlite => {
                let path = sqlx::sqlite::SqliteConnectOptions::from_str(url)?.get_filename().to_owned();
                let max = settings.max_connections.clamp(1, TYPED_MAX_CONNECTIONS) as usize;
                Typed::Sqlite(Arc::new(read::Reader::new(path, max, settings.acquire_timeout)))
            }
            Backend::Postgres => {
                let options = sqlx::postgres::PgConnectOptions::from_str(url)?;
                let max = settings.max_connections.clamp(1, TYPED_MAX_CONNECTIONS) as usize;
                Typed::Postgres(Arc::new(read::PgReader::new(options, max, settings.acquire_timeout)))
            }
        };
        let turns = (backend == Backend::Postgres).then(Arc::default);
        let links = (backend == Backend::Postgres).then(Arc::default);
        let db = Self { pool, writer, backend, waiting: Arc::default(), typed, turns, links };
        migrate::run(&db).await?;
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The concrete read pool ([`Typed`]).
    pub fn typed(&self) -> &Typed {
        &self.typed
    }

    /// A connection from the pool, counted in [`Db::pool_state`] while waited for.
    pub async fn acquire(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, DbError> {
        let _waiting = Waiting::enter(&self.waiting);
        Ok(self.pool.acquire().await?)
    }

    /// One write statement on its own, outside any request's transaction (background work:
    /// leases, thumbnails, verification stamps, sessions, admin commands). On SQLite it goes
    /// through the writer's queue like every other write: as an autocommit statement on a
    /// pooled connection it would take SQLite's file lock itself, wait behind the writer's
    /// batches (seconds under load) and make the writer back off in turn (SQLite's busy
    /// handler sleeps up to 100 ms). On PostgreSQL it is an autocommit statement. Never call it
    /// while the same task holds a [`Tx`]: on SQLite it would wait for that transaction.
    pub async fn execute_write<'q>(
        &self,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<sqlx::any::AnyQueryResult, DbError> {
        if self.writer.is_none() {
            return Ok(query.execute(&mut *self.acquire().await?).await?);
        }
        let mut tx = self.begin_write().await?;
        let done = query.execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Starts a transaction that will write. On SQLite it waits its turn, first come first
    /// served, for the one write connection (see `group.rs`): read-then-write sequences are
    /// serialized and committed in groups; on PostgreSQL it is a pool transaction, and rows
    /// are locked explicitly with [`lock_row`].
    pub async fn begin_write(&self) -> Result<Tx, DbError> {
        let _waiting = Waiting::enter(&self.waiting);
        let inner = match &self.writer {
            Some(writer) => TxInner::Group(writer.begin().await?),
            None => TxInner::Pool(self.pool.begin().await?),
        };
        let (turns, links) = (self.turns.clone(), self.links.clone());
        Ok(Tx { inner, turns, turn: None, links, written: Vec::new(), backend: self.backend })
    }

    /// SQLite: runs `plan` on the writer (see `group.rs`): true once its changes are on disk,
    /// false if it did not apply (nothing written). PostgreSQL has no writer to run it: the
    /// route runs its transaction instead.
    async fn run_plan(&self, plan: group::Plan) -> Result<bool, DbError> {
        let writer = self.writer.as_ref().ok_or(sqlx::Error::PoolClosed)?;
        let _waiting = Waiting::enter(&self.waiting);
        Ok(writer.run(plan).await?)
    }

    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&mut *self.acquire().await?).await?;
        Ok(())
    }

    /// SQLite's group commit so far: `(commits, write transactions committed)`; None on
    /// PostgreSQL.
    pub fn group_commits(&self) -> Option<(u64, u64)> {
        self.writer.as_ref().map(group::Writer::stats)
    }

    /// SQLite's audit appends that read their chain's last entry instead of the writer's
    /// cache, so far; None on PostgreSQL.
    pub fn audit_tail_reads(&self) -> Option<u64> {
        self.writer.as_ref().map(group::Writer::audit_tail_reads)
    }

    /// Connections `(in use, idle)` and tasks waiting for one.
    pub fn pool_state(&self) -> PoolState {
        let (size, idle) = (self.pool.size() as i64, self.pool.num_idle() as i64);
        PoolState { in_use: (size - idle).max(0), idle, waiting: self.waiting.load(Ordering::Relaxed).max(0) }
    }

    pub async fn close(&self) {
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
        self.pool.close().await;
        match &self.typed {
            Typed::Sqlite(reader) => reader.close(),
            Typed::Postgres(reader) => reader.close(),
        }
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
        Lockable::Organization => {
            tx.take_turn(id).await;
            "SELECT id FROM organizations WHERE id = $1 FOR UPDATE"
        }
    };
    sqlx::query(sql).bind(id).fetch_optional(&mut **tx).await?;
    Ok(())
}

/// Reads a 0/1 integer column as a bool.
fn flag(row: &Row, column: &str) -> Result<bool, sqlx::Error> {
    use sqlx::Row as _;
    Ok(row.try_get::<i64, _>(column)? != 0)
}
