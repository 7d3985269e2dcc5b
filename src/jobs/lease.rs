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
    let mut failures = 0u32;
    loop {
        if *stop.borrow() {
            return;
        }
        match run_one(app.clone()).await {
            Ok(true) => {
                failures = 0;
                continue;
            }
            Ok(false) => failures = 0,
            Err(e) => {
                failures += 1;
                // Once, then now and then: an outage must not flood the log.
                if failures == 1 || failures % 20 == 0 {
                    tracing::warn!(error = %e, what, failures, "job worker: cannot claim or record; backing off");
                }
            }
        }
        // After failures, wait longer each time (up to 10 s) and ignore wake-ups.
        let pause = if failures == 0 { idle } else { backoff(failures) };
        let wake = app.ocr_wake().notified();
        tokio::select! {
            _ = stop.changed() => return,
            () = wake, if failures == 0 => {}
            () = tokio::time::sleep(pause) => {}
        }
    }
}

/// 0.5 s, 1 s, 2 s, ... up to 10 s.
fn backoff(failures: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1 << failures.min(5).saturating_sub(1))).min(Duration::from_secs(10))
}

/// Runs `attempt` again, backing off, while it fails because the database is down, for at
/// most a lease's length (past it, the claim lapses anyway).
pub async fn while_down<T, F, Fut>(app: &App, attempt: F) -> Result<T, DbError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, DbError>>,
{
    let until = tokio::time::Instant::now() + lease(app);
    let mut failures = 0;
    loop {
        match attempt().await {
            Err(e) if e.is_unavailable() && tokio::time::Instant::now() < until => {
                failures += 1;
                tokio::time::sleep(backoff(failures)).await;
            }
            other => return other,
        }
    }
}

/// Gives job `id` back to the queue after a dependency outage cut its run short: the claim
/// does not count against its attempts, and nothing was recorded or charged for the run.
pub async fn give_back<J: JobTable>(app: &App, id: &str, token: &str) -> Result<(), DbError> {
    if while_down(app, || jobs::release::<J>(app.db(), id, token)).await? {
        tracing::info!(job = id, table = J::TABLE, "job given back to the queue after a dependency outage");
    }
    Ok(())
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
