//! SQLite's one writer, with group commit.
//!
//! SQLite lets one connection write at a time. Instead of every request taking the file lock
//! itself (`BEGIN IMMEDIATE` and a busy loop), write transactions queue here, first come first
//! served, for the one write connection a task owns. That task takes every request queued at
//! that moment as a batch and runs one SQLite transaction for it:
//!
//! ```text
//! BEGIN IMMEDIATE
//!   SAVEPOINT request   -- the connection is lent to request 1, which reads and writes
//!   RELEASE request     -- on its commit (ROLLBACK TO + RELEASE when it fails or is dropped)
//!   SAVEPOINT request   -- request 2 ...
//! COMMIT                -- one fsync (synchronous = FULL) for the whole batch
//! ```
//!
//! A request's `commit()` returns only once the batch's `COMMIT` has succeeded, so a 2xx
//! means the change is on disk; if that `COMMIT` fails, every request of the batch gets the
//! error. A request that fails rolls back alone. Reads never come here: they use the pool
//! (WAL), which never waits for the writer.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyConnectOptions;
use sqlx::{AnyConnection, ConnectOptions, Executor};
use tokio::sync::{mpsc, oneshot};

/// Requests served by one `COMMIT`, at most: a bound on how long the last one waits.
const MAX_BATCH: usize = 128;

/// The connection a request holds between its `begin_write` and its commit or rollback.
pub struct Lease {
    conn: Option<AnyConnection>,
    back: Option<oneshot::Sender<Returned>>,
}

/// A lent connection coming back, with the request's verdict: `Some` to commit.
struct Returned {
    conn: AnyConnection,
    commit: Option<oneshot::Sender<Result<(), sqlx::Error>>>,
}

impl Lease {
    pub fn conn(&self) -> &AnyConnection {
        self.conn.as_ref().expect("a lease holds its connection until it ends")
    }

    pub fn conn_mut(&mut self) -> &mut AnyConnection {
        self.conn.as_mut().expect("a lease holds its connection until it ends")
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

    fn give_back(&mut self, commit: Option<oneshot::Sender<Result<(), sqlx::Error>>>) {
        if let (Some(conn), Some(back)) = (self.conn.take(), self.back.take()) {
            // The writer gone, the connection closes here, which rolls back.
            let _ = back.send(Returned { conn, commit });
        }
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
        tokio::spawn(run(conn, options, requests, stats.clone()));
        Ok(Self { queue, acquire_timeout, stats })
    }

    /// `(commits, requests committed)` so far.
    pub fn stats(&self) -> (u64, u64) {
        (self.stats.commits.load(Ordering::Relaxed), self.stats.requests.load(Ordering::Relaxed))
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

async fn run(
    mut conn: AnyConnection,
    options: AnyConnectOptions,
    mut queue: mpsc::UnboundedReceiver<Msg>,
    stats: Arc<Stats>,
) {
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
            conn = match run_batch(conn, &mut batch, &stats).await {
                Some(conn) => conn,
                None => match reconnect(&options).await {
                    Some(conn) => conn,
                    None => return,
                },
            };
        }
        if let Some(done) = closing {
            let _ = sqlx::Connection::close(conn).await;
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

/// Runs one batch: each request in turn inside its savepoint, then one `COMMIT`. Returns the
/// connection, or None when it was lost (every request of the batch has been told).
async fn run_batch(
    mut conn: AnyConnection,
    batch: &mut Vec<oneshot::Sender<Result<Lease, sqlx::Error>>>,
    stats: &Stats,
) -> Option<AnyConnection> {
    if let Err(e) = conn.execute("BEGIN IMMEDIATE").await {
        for reply in batch.drain(..) {
            let _ = reply.send(Err(batch_failed(&e)));
        }
        return Some(conn);
    }
    let mut committed = Vec::with_capacity(batch.len());
    let mut requests = batch.drain(..);
    let failure = loop {
        let Some(reply) = requests.next() else { break None };
        if let Err(e) = conn.execute("SAVEPOINT request").await {
            let _ = reply.send(Err(batch_failed(&e)));
            break Some(e);
        }
        let (back, returned) = oneshot::channel();
        // A request that stopped waiting drops the lease, which comes straight back.
        let _ = reply.send(Ok(Lease { conn: Some(conn), back: Some(back) }));
        let Ok(Returned { conn: c, commit }) = returned.await else {
            // Only a leaked lease gets here: its connection, and the batch, are gone.
            for done in committed {
                let _: Result<_, _> = oneshot::Sender::send(done, Err(writer_gone()));
            }
            for reply in requests {
                let _ = reply.send(Err(writer_gone()));
            }
            return None;
        };
        conn = c;
        let kept = match commit {
            Some(done) => match conn.execute("RELEASE request").await {
                Ok(_) => {
                    committed.push(done);
                    continue;
                }
                Err(e) => Some((done, e)),
            },
            None => None,
        };
        // The request's changes are undone; the batch's other changes stay.
        let undone = match conn.execute("ROLLBACK TO request").await {
            Ok(_) => conn.execute("RELEASE request").await.map(|_| ()),
            Err(e) => Err(e),
        };
        if let Err(e) = undone {
            if let Some((done, _)) = kept {
                let _ = done.send(Err(batch_failed(&e)));
            }
            break Some(e);
        }
        if let Some((done, e)) = kept {
            let _ = done.send(Err(e));
        }
    };
    let outcome = match failure {
        None => conn.execute("COMMIT").await.map(|_| ()),
        Some(e) => Err(e),
    };
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
            let _ = conn.execute("ROLLBACK").await;
            for done in committed {
                let _ = done.send(Err(batch_failed(&e)));
            }
            for reply in requests {
                let _ = reply.send(Err(batch_failed(&e)));
            }
        }
    }
    Some(conn)
}
