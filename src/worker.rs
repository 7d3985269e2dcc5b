//! Background work shared by `coffre serve` and `coffre worker`: started beside the HTTP
//! server, or alone. Every instance may run it; each piece is safe to run concurrently.

use std::future::Future;
use std::time::Duration;

use crate::app::App;
use crate::sweeper;

/// Runs background work until `shutdown` completes.
pub async fn run(app: App, shutdown: impl Future<Output = ()>) {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let interval = Duration::from_secs(app.config().sweep_interval_secs);
    let sweeper = tokio::spawn(sweeper::run(app.clone(), interval, stop_rx));
    shutdown.await;
    let _ = stop_tx.send(true);
    let _ = sweeper.await;
    app.db().close().await;
}
