//! SQLite's one writer, with group commit.
//!
//! SQLite lets one connection write at a time. Instead of every request taking the file lock
//! itself (`BEGIN IMMEDIATE` and a busy loop), write transactions queue here, first come first
//! served, for the one write connection a task owns. That task takes every request queued at
//! that moment as a batch and runs one SQLite transaction for it:
//!
//! ```text
//! BEGIN IMMEDIATE; PRAGMA data_version; SAVEPOINT request
//!                       -- the connection is lent to request 1, which reads and writes
//! RELEASE request; SAVEPOINT request
//!                       -- on its commit (ROLLBACK TO request when it fails or is dropped,
//!                       -- which keeps the savepoint open for the next request)
//!                       -- request 2 ...
//! RELEASE request; COMMIT
//!                       -- one fsync (synchronous = FULL) for the whole batch
//! ```
//!
//! Each line is one call to SQLite's worker thread: a request costs the writer one round
//! trip, a batch one more.
//!
//! The writer also remembers the last entry of each organization's audit chain (see
//! [`AuditTails`]), so that appending to the chain needs no read.
//!
//! A request's `commit()` returns only once the batch's `COMMIT` has succeeded, so a 2xx
//! means the change is on disk; if that `COMMIT` fails, every request of the batch gets the
//! error. A request that fails rolls back alone. Reads never come here: they use the pool
//! (WAL), which never waits for the writer.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use sqlx::any::AnyConnectOptions;
use sqlx::{AnyConnection, ConnectOptions, Executor, Row as _};
use tokio::sync::{mpsc, oneshot};

use super::audit::{self, Entry};

/// Requests served by one `COMMIT`, at most: a bound on how long the last one waits.
const MAX_BATCH: usize = 128;

/// A request's deferred audit entry, its savepoint's release, and the next request's
/// savepoint or the batch's commit.
static INSERT_THEN_NEXT: LazyLock<String> =
    LazyLock::new(|| format!("{}; RELEASE request; SAVEPOINT request", audit::INSERT));
static INSERT_THEN_COMMIT: LazyLock<String> = LazyLock::new(|| format!("{}; RELEASE request; COMMIT", audit::INSERT));

/// The last `(seq, hash)` of each organization's audit chain as this connection wrote or read
/// it: the next entry's link, without a `SELECT`. Valid because every write of this process
/// goes through the one write connection, one request at a time; the writer empties it when
/// that stops being true: another connection (a `coffre worker`, an admin command) committed
/// since the last batch (`PRAGMA data_version` changed), a batch failed, the connection was
/// reopened. A request that rolls back forgets the organizations it appended to.
#[derive(Default)]
pub struct AuditTails {
    last: Mutex<HashMap<String, (i64, String)>>,
    /// Appends that found no tail here and read it (see [`Writer::audit_tail_reads`]).
    misses: AtomicU64,
}

impl AuditTails {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, (i64, String)>> {
        self.last.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn clear(&self) {
        self.map().clear();
    }
}

/// The connection a request holds between its `begin_write` and its commit or rollback.
pub struct Lease {
    conn: Option<AnyConnection>,
    back: Option<oneshot::Sender<Returned>>,
    tails: Arc<AuditTails>,
    /// Organizations whose cached tail this request changed.
    appended: Vec<String>,
    /// The request's last audit entry `(organization, entry)`, inserted by the writer with
    /// the request's `RELEASE`, in the same call to SQLite's worker thread.
    deferred: Option<Box<(String, Entry)>>,
}

/// A lent connection coming back, with the request's verdict: `Some` to commit, and its audit
/// entry still to insert.
struct Returned {
    conn: AnyConnection,
    commit: Option<oneshot::Sender<Result<(), sqlx::Error>>>,
    deferred: Option<Box<(String, Entry)>>,
}

impl Lease {
    pub fn conn(&self) -> &AnyConnection {
        self.conn.as_ref().expect("a lease holds its connection until it ends")
    }

    pub fn conn_mut(&mut self) -> &mut AnyConnection {
        self.conn.as_mut().expect("a lease holds its connection until it ends")
    }

    /// The organization's last audit entry `(seq, hash)`, if known without reading (a miss
    /// is counted: the caller reads it).
    pub fn audit_tail(&self, id_organization: &str) -> Option<(i64, String)> {
        let tail = self.tails.map().get(id_organization).cloned();
        if tail.is_none() {
            self.tails.misses.fetch_add(1, Ordering::Relaxed);
        }
        tail
    }

    /// Records the organization's new last audit entry, written by this request.
    pub fn set_audit_tail(&mut self, id_organization: &str, seq: i64, hash: &str) {
        let mut tails = self.tails.map();
        tails.insert(id_organization.to_owned(), (seq, hash.to_owned()));
        if !self.appended.iter().any(|o| o == id_organization) {
            self.appended.push(id_organization.to_owned());
        }
    }

    pub fn forget_audit_tail(&mut self, id_organization: &str) {
        self.tails.map().remove(id_organization);
    }

    /// Keeps `entry` to insert with the request's commit; returns the one kept before, which
    /// the caller inserts now.
    pub fn defer_audit_insert(&mut self, id_organization: String, entry: Entry) -> Option<(String, Entry)> {
        self.deferred.replace(Box::new((id_organization, entry))).map(|earlier| *earlier)
    }

    /// Keeps the request's changes and waits until the batch they are part of is on disk.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        let (done, outcome) = oneshot::channel();
        self.give_back(Some(done));
        outcome.await.unwrap_or_else(|_| Err(writer_gone()))
    }

    /// Undoes the request's changes; the batch goes on without them.
    pub async fn rollback(mut self) -> Result<(), sqlx::Error> {
        self.give_back(None);
        Ok(())
    }

    /// Returns the connection, once: `commit` and `rollback` give it back, and the drop that
    /// follows them finds nothing left to do (it must not forget the tails a commit keeps).
    fn give_back(&mut self, commit: Option<oneshot::Sender<Result<(), sqlx::Error>>>) {
        let (Some(conn), Some(back)) = (self.conn.take(), self.back.take()) else { return };
        if commit.is_none() && !self.appended.is_empty() {
            // Its entries are about to be undone: the next request reads the real tail.
            let mut tails = self.tails.map();
            for org in self.appended.drain(..) {
                tails.remove(&org);
            }
        }
        // Rolled back, the entry is never written.
        let deferred = if commit.is_some() { self.deferred.take() } else { None };
        // The writer gone, the connection closes here, which rolls back.
        let _ = back.send(Returned { conn, commit, deferred });
    }
}

impl Drop for Lease {
    /// A request that ends without committing (an error, a panic, a dropped future) rolls
    /// back its own changes only.
    fn drop(&mut self) {
        self.give_back(None);
    }
}

enum Msg {
    Begin(oneshot::Sender<Result<Lease, sqlx::Error>>),
    Close(oneshot::Sender<()>),
}

/// The handle requests queue on.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::UnboundedSender<Msg>,
    acquire_timeout: Duration,
    stats: Arc<Stats>,
    tails: Arc<AuditTails>,
}

/// Batches committed, and requests committed in them.
#[derive(Debug, Default)]
pub struct Stats {
    pub commits: AtomicU64,
    pub requests: AtomicU64,
}

impl Writer {
    /// Opens the write connection and starts the task that owns it.
    pub async fn start(options: AnyConnectOptions, acquire_timeout: Duration) -> Result<Self, sqlx::Error> {
        let conn = connect(&options).await?;
        let (queue, requests) = mpsc::unbounded_channel();
        let stats = Arc::<Stats>::default();
        let tails = Arc::<AuditTails>::default();
        tokio::spawn(run(conn, options, requests, stats.clone(), tails.clone()));
        Ok(Self { queue, acquire_timeout, stats, tails })
    }

    /// `(commits, requests committed)` so far.
    pub fn stats(&self) -> (u64, u64) {
        (self.stats.commits.load(Ordering::Relaxed), self.stats.requests.load(Ordering::Relaxed))
    }

    /// Audit appends that had to read their organization's last entry, so far.
    pub fn audit_tail_reads(&self) -> u64 {
        self.tails.misses.load(Ordering::Relaxed)
    }

    /// Waits for the connection, in arrival order; gives up (as a pool would) after the
    /// acquire timeout, so an overloaded database answers 503 rather than never.
    pub async fn begin(&self) -> Result<Lease, sqlx::Error> {
        let (reply, lease) = oneshot::channel();
        self.queue.send(Msg::Begin(reply)).map_err(|_| sqlx::Error::PoolClosed)?;
        match tokio::time::timeout(self.acquire_timeout, lease).await {
            Ok(Ok(lease)) => lease,
            Ok(Err(_)) => Err(sqlx::Error::PoolClosed),
            // The writer finds the request gone and skips it.
            Err(_) => Err(sqlx::Error::PoolTimedOut),
        }
    }

    /// Serves the requests already queued, then closes the connection.
    pub async fn close(&self) {
        let (done, closed) = oneshot::channel();
        if self.queue.send(Msg::Close(done)).is_ok() {
            let _ = closed.await;
        }
    }
}

async fn connect(options: &AnyConnectOptions) -> Result<AnyConnection, sqlx::Error> {
    let mut conn = options.connect().await?;
    super::sqlite_pragmas(&mut conn).await?;
    Ok(conn)
}

fn writer_gone() -> sqlx::Error {
    sqlx::Error::PoolClosed
}

/// Another request's failure, reported to each request of the batch it undid.
fn batch_failed(e: &sqlx::Error) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(format!("group commit failed: {e}")))
}

/// What the writer task keeps between batches.
struct State {
    conn: AnyConnection,
    tails: Arc<AuditTails>,
    /// `PRAGMA data_version` at the last batch: another connection's commit changes it.
    data_version: Option<i64>,
}

async fn run(
    conn: AnyConnection,
    options: AnyConnectOptions,
    mut queue: mpsc::UnboundedReceiver<Msg>,
    stats: Arc<Stats>,
    tails: Arc<AuditTails>,
) {
    let mut state = State { conn, tails, data_version: None };
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = queue.recv().await {
        let mut closing = None;
        let mut next = Some(first);
        while let Some(msg) = next.take() {
            match msg {
                Msg::Begin(reply) if !reply.is_closed() => batch.push(reply),
                Msg::Begin(_) => {}
                Msg::Close(done) => {
                    closing = Some(done);
                    break;
                }
            }
            if batch.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        if !batch.is_empty() {
            state = match run_batch(state, &mut batch, &stats).await {
                Ok(state) => state,
                Err(tails) => match reconnect(&options).await {
                    Some(conn) => {
                        tails.clear();
                        State { conn, tails, data_version: None }
                    }
                    None => return,
                },
            };
        }
        if let Some(done) = closing {
            let _ = sqlx::Connection::close(state.conn).await;
            let _ = done.send(());
            return;
        }
    }
}

/// A fresh write connection after one was lost, retried while the database is unreachable.
async fn reconnect(options: &AnyConnectOptions) -> Option<AnyConnection> {
    for _ in 0..30 {
        match connect(options).await {
            Ok(conn) => return Some(conn),
            Err(e) => {
                tracing::error!(error = %e, "cannot reopen the database's write connection");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
    None
}

/// Opens the batch's transaction and the first request's savepoint, in one round trip, and
/// forgets the cached audit tails if another connection committed since the last batch.
async fn begin_batch(state: &mut State) -> Result<(), sqlx::Error> {
    let rows = state.conn.fetch_all("BEGIN IMMEDIATE; PRAGMA data_version; SAVEPOINT request").await;
    let version = match rows.and_then(|rows| rows.first().map_or(Ok(None), |r| r.try_get::<i64, _>(0).map(Some))) {
        Ok(version) => version,
        Err(e) => {
            // Whichever part failed, no transaction stays open.
            let _ = state.conn.execute("ROLLBACK").await;
            return Err(e);
        }
    };
    if version.is_none() || version != state.data_version {
        state.tails.clear();
    }
    state.data_version = version;
    Ok(())
}

/// Runs one batch: each request in turn inside its savepoint, then one `COMMIT`. Returns the
/// writer's state, or (its connection lost) the cache to reuse; every request of the batch
/// has been told.
async fn run_batch(
    mut state: State,
    batch: &mut Vec<oneshot::Sender<Result<Lease, sqlx::Error>>>,
    stats: &Stats,
) -> Result<State, Arc<AuditTails>> {
    if let Err(e) = begin_batch(&mut state).await {
        for reply in batch.drain(..) {
            let _ = reply.send(Err(batch_failed(&e)));
        }
        return Ok(state);
    }
    let mut committed = Vec::with_capacity(batch.len());
    let mut requests = batch.drain(..).peekable();
    // Invariant at the top of the loop: one savepoint `request` is open, with no changes.
    let failure = loop {
        let Some(reply) = requests.next() else { break None };
        if reply.is_closed() {
            // Stopped waiting: nothing to lend, the savepoint serves the next request.
            continue;
        }
        let (back, returned) = oneshot::channel();
        let lease = Lease {
            conn: Some(state.conn),
            back: Some(back),
            tails: state.tails.clone(),
            appended: Vec::new(),
            deferred: None,
        };
        // A request that stopped waiting drops the lease, which comes straight back.
        let _ = reply.send(Ok(lease));
        let Ok(Returned { conn, commit, deferred }) = returned.await else {
            // Only a leaked lease gets here: its connection, and the batch, are gone.
            for done in committed {
                let _: Result<_, _> = oneshot::Sender::send(done, Err(writer_gone()));
            }
            for reply in requests {
                let _ = reply.send(Err(writer_gone()));
            }
            return Err(state.tails);
        };
        state.conn = conn;
        let Some(done) = commit else {
            // The request's changes are undone, the savepoint stays open for the next one;
            // the batch's other changes stay.
            if let Err(e) = state.conn.execute("ROLLBACK TO request").await {
                break Some(e);
            }
            continue;
        };
        let last = requests.peek().is_none();
        match deferred {
            // The entry, the savepoint's release and the next one's start (or the batch's
            // commit) in one call.
            Some(deferred) => {
                let (org, entry) = *deferred;
                let sql = if last { &*INSERT_THEN_COMMIT } else { &*INSERT_THEN_NEXT };
                match audit::bind_insert(sqlx::query(sql), &org, &entry).execute(&mut state.conn).await {
                    Ok(_) if last => {
                        committed.push(done);
                        return Ok(batch_done(state, committed, Vec::new(), stats, Ok(())).await);
                    }
                    Ok(_) => committed.push(done),
                    Err(e) => {
                        // If the insert failed, the savepoint is still open: this request alone
                        // is undone. If it is gone, the release or the commit failed: the batch.
                        state.tails.map().remove(&org);
                        if state.conn.execute("ROLLBACK TO request").await.is_err() {
                            committed.push(done);
                            break Some(e);
                        }
                        let _ = done.send(Err(e));
                    }
                }
            }
            None => {
                committed.push(done);
                if !last {
                    if let Err(e) = state.conn.execute("RELEASE request; SAVEPOINT request").await {
                        break Some(e);
                    }
                }
            }
        }
    };
    let outcome = match failure {
        None => state.conn.execute("RELEASE request; COMMIT").await.map(|_| ()),
        Some(e) => Err(e),
    };
    let rest = requests.collect();
    Ok(batch_done(state, committed, rest, stats, outcome).await)
}

/// Tells each request of the batch its outcome: those `committed` and those not served yet
/// (`rest`, refused if the batch failed).
async fn batch_done(
    mut state: State,
    committed: Vec<oneshot::Sender<Result<(), sqlx::Error>>>,
    rest: Vec<oneshot::Sender<Result<Lease, sqlx::Error>>>,
    stats: &Stats,
    outcome: Result<(), sqlx::Error>,
) -> State {
    match outcome {
        Ok(()) => {
            stats.commits.fetch_add(1, Ordering::Relaxed);
            stats.requests.fetch_add(committed.len() as u64, Ordering::Relaxed);
            for done in committed {
                let _ = done.send(Ok(()));
            }
        }
        Err(e) => {
            tracing::error!(error = %e, requests = committed.len(), "a group commit failed; its requests are refused");
            let _ = state.conn.execute("ROLLBACK").await;
            state.tails.clear();
            for done in committed {
                let _ = done.send(Err(batch_failed(&e)));
            }
            for reply in rest {
                let _ = reply.send(Err(batch_failed(&e)));
            }
        }
    }
    state
}
