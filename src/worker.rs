//! Background work shared by `coffre serve` and `coffre worker`: started beside the HTTP
//! server, or alone. Every instance may run it; each piece is safe to run concurrently.

use std::future::Future;
use std::time::Duration;

use crate::app::App;
use crate::ocr::jobs;
use crate::sweeper;

/// Runs background work until `shutdown` completes.
pub async fn run(app: App, shutdown: impl Future<Output = ()>) {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let interval = Duration::from_secs(app.config().sweep_interval_secs);
    let sweeper = tokio::spawn(sweeper::run(app.clone(), interval, stop_rx.clone()));
    let ocr = tokio::spawn(jobs::run_workers(app.clone(), app.config().ocr_workers, stop_rx.clone()));
    // `--ocr-workers 0` leaves every job (OCR and exports) to other processes.
    let export = match app.config().ocr_workers {
        0 => tokio::spawn(async {}),
        _ => tokio::spawn(crate::export::run_worker(app.clone(), stop_rx.clone())),
    };
    let verify = tokio::spawn(scheduled_verify(app.clone(), stop_rx));
    shutdown.await;
    let _ = stop_tx.send(true);
    let _ = sweeper.await;
    // A job cut short here is taken over by another worker once its lease lapses.
    let _ = ocr.await;
    let _ = verify.await;
    let _ = export.await;
    app.db().close().await;
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

/// Runs `run_one` back to back while it finds work; when the queue is empty, waits for a
/// wake-up from this process or `idle`, until `stop` turns true. Errors are logged and retried.
pub async fn job_loop<F, Fut>(app: App, what: &'static str, mut stop: tokio::sync::watch::Receiver<bool>, run_one: F)
where
    F: Fn(App) -> Fut,
    Fut: Future<Output = Result<bool, crate::db::DbError>>,
{
    let idle = Duration::from_millis(500);
    loop {
        if *stop.borrow() {
            return;
        }
        match run_one(app.clone()).await {
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, what, "job worker: cannot claim; will retry"),
        }
        let wake = app.ocr_wake().notified();
        tokio::select! {
            _ = stop.changed() => return,
            () = wake => {}
            () = tokio::time::sleep(idle) => {}
        }
    }
}

/// Drives `work` to completion, calling `renew` every third of `lease` so that the claim on
/// the job does not lapse while it runs.
pub async fn with_heartbeat<T, R>(work: impl Future<Output = T>, lease: Duration, renew: impl Fn() -> R) -> T
where
    R: Future<Output = ()>,
{
    tokio::pin!(work);
    let mut beat = tokio::time::interval(lease / 3);
    beat.tick().await;
    loop {
        tokio::select! {
            outcome = &mut work => return outcome,
            _ = beat.tick() => renew().await,
        }
    }
}
