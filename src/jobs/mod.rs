//! Background work, in one place: the lease loop ([`lease`]), the jobs it runs ([`ocr`],
//! [`export`]) and the periodic tasks (sweeper, scheduled integrity check). Started beside
//! the HTTP server by `coffre serve`, or alone by `coffre worker`. Every instance may run it;
//! each piece is safe to run concurrently. The pipelines the jobs run ([`crate::ocr`],
//! [`crate::export`]) do not know who schedules them.

pub mod export;
pub mod lease;
pub mod ocr;
pub mod thumbnails;
pub mod webhooks;

use std::future::Future;
use std::time::Duration;

use crate::app::App;
use crate::sweeper;

/// Runs background work until `shutdown` completes; then gives work in progress at most
/// `--shutdown-timeout` to end before cutting it short.
pub async fn run(app: App, shutdown: impl Future<Output = ()>) {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let interval = Duration::from_secs(app.config().sweep_interval_secs);
    let workers = app.config().ocr_workers;
    let mut tasks = tokio::task::JoinSet::new();
    tasks.spawn(sweeper::run(app.clone(), interval, stop_rx.clone()));
    tasks.spawn(ocr::run_workers(app.clone(), workers, stop_rx.clone()));
    // `--ocr-workers 0` leaves every job (OCR and exports) to other processes.
    tasks.spawn(export::run_workers(app.clone(), workers.min(1), stop_rx.clone()));
    if workers > 0 {
        tasks.spawn(thumbnails::run(app.clone(), stop_rx.clone()));
    }
    // Independent of `--ocr-workers`: deliveries are short HTTP requests, not CPU work.
    tasks.spawn(webhooks::run_workers(app.clone(), app.config().webhooks_workers, stop_rx.clone()));
    tasks.spawn(index_search(app.clone(), stop_rx.clone()));
    tasks.spawn(scheduled_verify(app.clone(), stop_rx));
    shutdown.await;
    let _ = stop_tx.send(true);
    let grace = Duration::from_secs(app.config().shutdown_timeout_secs);
    if tokio::time::timeout(grace, async { while tasks.join_next().await.is_some() {} }).await.is_err() {
        // The job's lease lapses and another worker takes it over; nothing was recorded, so
        // nothing is charged twice.
        tracing::warn!("background work still running after {grace:?}; cutting it short");
        tasks.shutdown().await;
    }
}

/// How often SQLite's search queue is taken (see [`crate::db::search::index_queued`]); a
/// search takes it first anyway.
const SEARCH_INDEX_INTERVAL: Duration = Duration::from_millis(100);

/// SQLite: rebuilds the queued search documents in the background, so that the queue stays
/// short and a search seldom has any to rebuild.
async fn index_search(app: App, mut stop: tokio::sync::watch::Receiver<bool>) {
    if app.db().backend() != crate::db::Backend::Sqlite {
        return;
    }
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(SEARCH_INDEX_INTERVAL) => {}
        }
        if let Err(e) = crate::db::search::index_queued(app.db()).await {
            tracing::warn!(error = %e, "rebuilding queued search documents failed; will retry");
        }
    }
}

/// Re-reads every stored object every `verify_interval_hours` (when set).
async fn scheduled_verify(app: App, mut stop: tokio::sync::watch::Receiver<bool>) {
    let hours = app.config().verify_interval_hours;
    if hours == 0 {
        return;
    }
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(Duration::from_secs(hours * 3600)) => {}
        }
        if let Err(e) = crate::integrity::verify_all(&app).await {
            tracing::warn!(error = %e, "scheduled integrity check failed; will retry");
        }
    }
}
