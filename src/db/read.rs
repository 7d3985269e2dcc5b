//! SQLite's read pool for the hottest reads (a page of files, one file): read-only
//! connections of `rusqlite`, linked to the same SQLite library as sqlx, driven
//! synchronously on tokio's blocking threads.
//!
//! Why not sqlx here: sqlx-sqlite runs every statement on a worker thread of its own and
//! sends each row back over a channel, so a page of 100 rows cost ~100 thread wake-ups and as
//! many allocations, about two thirds of the page's CPU. Here a whole read (every statement
//! it needs) is one hop to a blocking thread, and rows are decoded in place.
//!
//! The connections open the database read-only: in WAL mode a reader sees the last commit and
//! never waits for the writer (`group.rs`), nor the writer for it. `busy_timeout` covers the
//! rare moments a reader must wait (WAL recovery after a crash of another process). Each
//! connection caches its prepared statements.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use tokio::sync::Semaphore;

use super::DbError;

/// Statements each connection keeps prepared: the few variants of the hot reads.
const STATEMENT_CACHE: usize = 32;

/// A bounded pool of read-only SQLite connections, opened on first use.
pub struct Reader {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    /// One permit per connection that may be open at once.
    permits: Arc<Semaphore>,
    acquire_timeout: Duration,
}

impl Reader {
    pub fn new(path: PathBuf, max_connections: usize, acquire_timeout: Duration) -> Self {
        Self {
            path,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(max_connections.max(1))),
            acquire_timeout,
        }
    }

    /// Runs `read` on a connection of the pool, on a blocking thread. Waits at most the
    /// pool's acquire timeout for a connection (then fails as unavailable, like sqlx's pools).
    pub async fn run<T, F>(self: &Arc<Self>, read: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let permit = tokio::time::timeout(self.acquire_timeout, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)?
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let this = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let conn = match this.idle.lock().unwrap_or_else(|e| e.into_inner()).pop() {
                Some(conn) => conn,
                None => this.open()?,
            };
            let out = read(&conn);
            // A connection is stateless between reads (no transaction is left open: every
            // statement is reset when its rows are dropped), so it always goes back.
            this.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
            Ok(out?)
        })
        .await
        .map_err(|_| DbError::Sqlx(sqlx::Error::WorkerCrashed))?
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(conn)
    }

    /// Closes the idle connections; the pool stays usable (it reopens on demand).
    pub fn close(&self) {
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// PostgreSQL's connections for the same hot reads, pooled here rather than by sqlx: sqlx's
/// pool pings a connection (a round trip to the server) each time it hands one out and each
/// time one comes back, which tripled the round trips of a read. A connection whose read
/// failed is dropped, not reused; a connection that broke while idle (server restarted)
/// fails one read, which the caller reports as unavailable (503, try again), and is replaced.
pub struct PgReader {
    options: sqlx::postgres::PgConnectOptions,
    idle: Mutex<Vec<sqlx::PgConnection>>,
    permits: Arc<Semaphore>,
    acquire_timeout: Duration,
}

/// A connection of [`PgReader`]; [`PgLease::release`] gives it back, dropping it discards it.
pub struct PgLease<'a> {
    conn: Option<sqlx::PgConnection>,
    reader: &'a PgReader,
    _permit: tokio::sync::SemaphorePermit<'a>,
}

impl PgReader {
    pub fn new(options: sqlx::postgres::PgConnectOptions, max_connections: usize, acquire_timeout: Duration) -> Self {
        Self {
            options,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(max_connections.max(1))),
            acquire_timeout,
        }
    }

    pub async fn acquire(&self) -> Result<PgLease<'_>, DbError> {
        use sqlx::Connection as _;
        let permit = tokio::time::timeout(self.acquire_timeout, self.permits.acquire())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)?
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => tokio::time::timeout(self.acquire_timeout, sqlx::PgConnection::connect_with(&self.options))
                .await
                .map_err(|_| sqlx::Error::PoolTimedOut)??,
        };
        Ok(PgLease { conn: Some(conn), reader: self, _permit: permit })
    }

    /// Closes the idle connections; the pool stays usable (it reconnects on demand).
    pub fn close(&self) {
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

impl PgLease<'_> {
    /// Gives the connection back after a read that succeeded.
    pub fn release(mut self) {
        if let Some(conn) = self.conn.take() {
            self.reader.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        }
    }
}

impl std::ops::Deref for PgLease<'_> {
    type Target = sqlx::PgConnection;
    fn deref(&self) -> &sqlx::PgConnection {
        self.conn.as_ref().expect("a lease holds its connection until released")
    }
}

impl std::ops::DerefMut for PgLease<'_> {
    fn deref_mut(&mut self) -> &mut sqlx::PgConnection {
        self.conn.as_mut().expect("a lease holds its connection until released")
    }
}
