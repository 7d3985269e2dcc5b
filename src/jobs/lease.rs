//! The lease loop: claim a job (see [`crate::db::jobs`]), run it while renewing the lease,
//! record the outcome; when the queue is empty, wait for a wake-up. A bad job never kills
//! the loop: errors are logged and the loop goes on.

use std::future::Future;
use std::time::Duration;

use crate::app::App;
use crate::db::jobs::{self, Claimed, JobTable};
use crate::db::DbError;
use crate::domain::ids::new_id;
use crate::domain::time::now_millis;

/// Runs `run_one` back to back while it finds work; when the queue is empty, waits for a
/// wake-up from this process or `idle`, until `stop` turns true. Errors are logged and retried.
pub async fn job_loop<F, Fut>(app: App, what: &'static str, mut stop: tokio::sync::watch::Receiver<bool>, run_one: F)
where
    F: Fn(App) -> Fut,
    Fut: Future<Output = Result<bool, DbError>>,
{
    let idle = Duration::from_millis(500);
    loop {
        if *stop.borrow() {
            return;
        }
        match run_one(app.clone()).await {
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, what, "job worker: cannot claim or record; will retry"),
        }
        let wake = app.ocr_wake().notified();
        tokio::select! {
            _ = stop.changed() => return,
            () = wake => {}
            () = tokio::time::sleep(idle) => {}
        }
    }
}

/// How long a claim lasts without renewal.
pub fn lease(app: &App) -> Duration {
    Duration::from_secs(app.config().ocr_lease_secs)
}

/// Claims the next job of `J`'s table under a fresh lease.
pub async fn claim<J: JobTable>(app: &App) -> Result<Option<Claimed<J>>, DbError> {
    let now = now_millis();
    let until = now + lease(app).as_millis() as i64;
    jobs::claim::<J>(app.db(), &new_id(), now, until).await
}

/// Drives `work` to completion while renewing the lease on job `id` every third of the
/// lease, so that a long job is not taken over while it runs.
pub async fn hold<J: JobTable, T>(app: &App, id: &str, token: &str, work: impl Future<Output = T>) -> T {
    let lease = lease(app);
    let renew = || async {
        let until = now_millis() + lease.as_millis() as i64;
        match jobs::extend_lease::<J>(app.db(), id, token, until).await {
            Ok(true) => {}
            Ok(false) => tracing::warn!(job = id, table = J::TABLE, "lease lost: another worker took the job over"),
            Err(e) => tracing::warn!(error = %e, job = id, table = J::TABLE, "cannot extend lease"),
        }
    };
    with_heartbeat(work, lease, renew).await
}

/// Drives `work` to completion, calling `renew` every third of `lease`.
async fn with_heartbeat<T, R>(work: impl Future<Output = T>, lease: Duration, renew: impl Fn() -> R) -> T
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
