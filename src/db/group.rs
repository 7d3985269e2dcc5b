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
//! A request whose writes need no read and no decision between them (creating a file,
//! reserving an upload) does not borrow the connection: it sends a [`Plan`], its statements
//! and its audit event, and the writer runs it itself, in one call, inside the same batch:
//!
//! ```text
//! <the plan's statements>; INSERT INTO audit_entries ... WHERE changes() = 1 RETURNING seq;
//! SAVEPOINT request     -- nested: the next request's, the plan's own stays open
//! ```
//!
//! Each statement changes nothing unless the one before it changed a row, so the audit entry
//! is written exactly when the last statement applied. A plan that did not apply (the
//! returned row is missing) is rolled back (`RELEASE request; ROLLBACK TO request`) and its
//! route reads why; one that applied is committed with its batch. The request costs the
//! writer one call and no hand-off between tasks. (What limited the writer, measured, was
//! rather the pages each commit writes: see `benches/results/api.md`.)
//!
//! The writer also remembers the last entry of each organization's audit chain (see
//! [`AuditTails`]), so that appending to the chain needs no read.
//!
//! A request's `commit()` returns only once the batch's `COMMIT` has succeeded, so a 2xx
//! means the change is on disk; if that `COMMIT` fails, every request of the batch gets the
//! error. A request that fails rolls back alone. Reads never come here: they use the pool
//! (WAL), which never waits for the writer.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use sqlx::any::{AnyArguments, AnyConnectOptions};
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

/// Writes the writer runs itself (see the module's documentation).
pub struct Plan {
    /// The statements and the audit insert, then `SAVEPOINT request` (see [`plan_sql`]).
    sql: &'static str,
    /// The statements' parameters; the audit entry's follow, bound by the writer.
    args: AnyArguments<'static>,
    id_organization: String,
    /// Linked to the organization's chain by the writer (`seq`, `prev_hash`, `hash`).
    entry: Entry,
    /// Taken by the writer when it starts the plan, or by the route when it stops waiting
    /// (the acquire timeout): whichever comes first, so a refused plan never runs.
    taken: Arc<AtomicBool>,
}

impl Plan {
    /// `sql` from [`plan_sql`], its parameters in `args`.
    pub fn new(sql: &'static str, args: AnyArguments<'static>, id_organization: String, entry: Entry) -> Self {
        Self { sql, args, id_organization, entry, taken: Arc::default() }
    }
}

/// The text of a plan: `statements` (`;`-separated, parameters `$1` to `$params`, each
/// changing nothing unless the one before it changed a row), then the audit insert under the
/// same condition, returning a row when it wrote one, then the next request's savepoint.
pub fn plan_sql(statements: &str, params: usize) -> String {
    let entry: Vec<String> = (params + 1..=params + 13).map(|n| format!("${n}")).collect();
    format!(
        "{statements}; INSERT INTO audit_entries (id_organization, seq, id, at, actor, action, id_year, id_folder, \
         id_file, sha256, details, prev_hash, hash) SELECT {} WHERE changes() = 1 RETURNING seq; SAVEPOINT request",
        entry.join(", ")
    )
}

enum Msg {
    Begin(oneshot::Sender<Result<Lease, sqlx::Error>>),
    Plan(Box<Plan>, oneshot::Sender<Result<bool, sqlx::Error>>),
    Close(oneshot::Sender<()>),
}

/// A request of a batch: one to lend the connection to, or a plan to run.
enum Queued {
    Lease(oneshot::Sender<Result<Lease, sqlx::Error>>),
    Plan(Box<Plan>, oneshot::Sender<Result<bool, sqlx::Error>>),
}

impl Queued {
    fn refuse(self, e: sqlx::Error) {
        match self {
            Self::Lease(reply) => drop(reply.send(Err(e))),
            Self::Plan(_, reply) => drop(reply.send(Err(e))),
        }
    }
}

/// A request of the batch whose changes wait for its `COMMIT`.
enum Committed {
    Lease(oneshot::Sender<Result<(), sqlx::Error>>),
    Plan(oneshot::Sender<Result<bool, sqlx::Error>>),
}

impl Committed {
    fn tell(self, outcome: Result<(), sqlx::Error>) {
        match self {
            Self::Lease(done) => drop(done.send(outcome)),
            Self::Plan(done) => drop(done.send(outcome.map(|()| true))),
        }
    }
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

    /// Runs `plan` in the next batch: true once its changes are on disk, false if it did not
    /// apply (nothing written). Refused, as [`Writer::begin`] is, if not started within the
    /// acquire timeout, and then it never runs; nor if the caller stops waiting before.
    pub async fn run(&self, plan: Plan) -> Result<bool, sqlx::Error> {
        let (reply, mut outcome) = oneshot::channel();
        let taken = plan.taken.clone();
        self.queue.send(Msg::Plan(Box::new(plan), reply)).map_err(|_| sqlx::Error::PoolClosed)?;
        let done = match tokio::time::timeout(self.acquire_timeout, &mut outcome).await {
            Ok(done) => done,
            // Not started yet: it never will be.
            Err(_) if !taken.swap(true, Ordering::AcqRel) => return Err(sqlx::Error::PoolTimedOut),
            // Started: its outcome comes with its batch's.
            Err(_) => outcome.await,
        };
        done.unwrap_or_else(|_| Err(writer_gone()))
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
    // The savepoints of a batch stay open until its COMMIT (plans nest theirs): the pages
    // their rollback would need, a few hundred kilobytes at most, stay in memory rather than
    // spill to a temporary file, one system call per page, past 64 KiB.
    conn.execute("PRAGMA temp_store = MEMORY").await?;
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
                Msg::Begin(reply) if !reply.is_closed() => batch.push(Queued::Lease(reply)),
                Msg::Plan(plan, reply) if !reply.is_closed() => batch.push(Queued::Plan(plan, reply)),
                Msg::Begin(_) | Msg::Plan(..) => {}
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
async fn run_batch(mut state: State, batch: &mut Vec<Queued>, stats: &Stats) -> Result<State, Arc<AuditTails>> {
    if let Err(e) = begin_batch(&mut state).await {
        for request in batch.drain(..) {
            request.refuse(batch_failed(&e));
        }
        return Ok(state);
    }
    let mut committed = Vec::with_capacity(batch.len());
    let mut requests = batch.drain(..).peekable();
    // Invariant at the top of the loop: the innermost savepoint, `request`, has no changes.
    let failure = loop {
        let reply = match requests.next() {
            None => break None,
            Some(Queued::Lease(reply)) => reply,
            Some(Queued::Plan(plan, reply)) => {
                // The route stopped waiting (timed out, or gone): nothing to run.
                if reply.is_closed() || plan.taken.swap(true, Ordering::AcqRel) {
                    continue;
                }
                match run_plan(&mut state, *plan).await {
                    Ok(true) => committed.push(Committed::Plan(reply)),
                    Ok(false) => drop(reply.send(Ok(false))),
                    Err(PlanError::Alone(e)) => drop(reply.send(Err(e))),
                    Err(PlanError::Batch(e)) => {
                        committed.push(Committed::Plan(reply));
                        break Some(e);
                    }
                }
                continue;
            }
        };
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
                Committed::tell(done, Err(writer_gone()));
            }
            for request in requests {
                request.refuse(writer_gone());
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
                let inserted = match audit::bind_insert(sql, &org, &entry) {
                    Ok(query) => query.execute(&mut state.conn).await,
                    Err(e) => Err(e),
                };
                match inserted {
                    Ok(_) if last => {
                        committed.push(Committed::Lease(done));
                        return Ok(batch_done(state, committed, Vec::new(), stats, Ok(())).await);
                    }
                    Ok(_) => committed.push(Committed::Lease(done)),
                    Err(e) => {
                        // If the insert failed, the savepoint is still open: this request alone
                        // is undone. If it is gone, the release or the commit failed: the batch.
                        state.tails.map().remove(&org);
                        if state.conn.execute("ROLLBACK TO request").await.is_err() {
                            committed.push(Committed::Lease(done));
                            break Some(e);
                        }
                        let _ = done.send(Err(e));
                    }
                }
            }
            None => {
                committed.push(Committed::Lease(done));
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

/// Why a plan failed: its own statements (undone, the batch goes on) or the batch's state.
enum PlanError {
    Alone(sqlx::Error),
    Batch(sqlx::Error),
}

/// Runs one plan inside the open savepoint: links its audit entry to the organization's chain
/// (reading the tail if the cache has none), sends everything in one call, and keeps the
/// cached tail right. Ok(false): it did not apply and is undone.
async fn run_plan(state: &mut State, plan: Plan) -> Result<bool, PlanError> {
    let Plan { sql, mut args, id_organization, mut entry, .. } = plan;
    let cached = state.tails.map().get(&id_organization).cloned();
    let tail = match cached {
        Some(tail) => Some(tail),
        None => {
            state.tails.misses.fetch_add(1, Ordering::Relaxed);
            audit::read_tail(&mut state.conn, &id_organization).await.map_err(PlanError::Alone)?
        }
    };
    audit::link(&mut entry, tail);
    let bound = audit::add_args(&mut args, &id_organization, &entry);
    let ran = match bound {
        Ok(()) => sqlx::query_with(sql, args).fetch_all(&mut state.conn).await,
        Err(e) => Err(sqlx::Error::Encode(e)),
    };
    match ran {
        Ok(rows) if rows.len() == 1 => {
            state.tails.map().insert(id_organization, (entry.seq, entry.hash));
            Ok(true)
        }
        // The trailing savepoint is open: drop it, then undo whatever the plan changed.
        Ok(_) => match state.conn.execute("RELEASE request; ROLLBACK TO request").await {
            Ok(_) => Ok(false),
            Err(e) => Err(PlanError::Batch(e)),
        },
        Err(e) => {
            // Stopped at the failing statement: the plan's savepoint is the innermost.
            state.tails.map().remove(&id_organization);
            match state.conn.execute("ROLLBACK TO request").await {
                Ok(_) => Err(PlanError::Alone(e)),
                Err(_) => Err(PlanError::Batch(e)),
            }
        }
    }
}

/// Tells each request of the batch its outcome: those `committed` and those not served yet
/// (`rest`, refused if the batch failed).
async fn batch_done(
    mut state: State,
    committed: Vec<Committed>,
    rest: Vec<Queued>,
    stats: &Stats,
    outcome: Result<(), sqlx::Error>,
) -> State {
    match outcome {
        Ok(()) => {
            stats.commits.fetch_add(1, Ordering::Relaxed);
            stats.requests.fetch_add(committed.len() as u64, Ordering::Relaxed);
            for done in committed {
                done.tell(Ok(()));
            }
        }
        Err(e) => {
            tracing::error!(error = %e, requests = committed.len(), "a group commit failed; its requests are refused");
            let _ = state.conn.execute("ROLLBACK").await;
            state.tails.clear();
            for done in committed {
                done.tell(Err(batch_failed(&e)));
            }
            for request in rest {
                request.refuse(batch_failed(&e));
            }
        }
    }
    state
}
