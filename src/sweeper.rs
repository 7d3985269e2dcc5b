//! Background clean-up, safe to run from every instance at once: each step is idempotent,
//! and every change it makes is a conditional update whose row count decides whether it
//! counts (usage released, purge recorded), so two sweepers never do the same work twice.
//! - retries queued object deletions, releasing the bytes they held once;
//! - releases the quota reservations of uploads never finalized;
//! - deletes objects no file points to (abandoned uploads, bytes PUT through dead upload URLs,
//!   copies of an interrupted finalize), once unchanged for an upload URL's lifetime;
//! - removes temporary files left by interrupted uploads;
//! - purges files in the trash for longer than the trash period (open years only);
//! - deletes the archives of expired exports;
//! - forgets webhook events, deliveries and attempts older than 30 days once delivered or given up.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::blob::{BlobError, BlobStore};
use crate::db::{deletions, exports, files, DbError};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SweepReport {
    pub deletions_done: usize,
    pub uploads_expired: u64,
    pub orphans_removed: usize,
    pub temporaries_removed: usize,
    pub trash_purged: usize,
    pub exports_expired: usize,
    pub webhook_events_pruned: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Blob(#[from] BlobError),
}

/// Sweeps every `interval` until `stop` turns true.
pub async fn run(app: App, interval: Duration, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(interval) => {}
        }
        match sweep_once(&app, Utc::now()).await {
            Ok(report) if report != SweepReport::default() => {
                count(&app, &report);
                tracing::info!(?report, "sweep");
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "sweep failed; will retry"),
        }
    }
}

/// Adds a pass's changes to the `coffre_sweeper_actions_total` counters.
fn count(app: &App, r: &SweepReport) {
    let m = app.metrics();
    m.sweeper_action("deletion_completed", r.deletions_done as u64);
    m.sweeper_action("reservation_released", r.uploads_expired);
    m.sweeper_action("orphan_deleted", r.orphans_removed as u64);
    m.sweeper_action("temporary_removed", r.temporaries_removed as u64);
    m.sweeper_action("trash_purged", r.trash_purged as u64);
    m.sweeper_action("export_expired", r.exports_expired as u64);
    m.sweeper_action("webhook_event_pruned", r.webhook_events_pruned);
}

/// One pass, as if the time were `now` (tests pass a future time instead of waiting).
pub async fn sweep_once(app: &App, now: DateTime<Utc>) -> Result<SweepReport, SweepError> {
    let now_ms = now.timestamp_millis();
    let mut report = SweepReport::default();
    for key in deletions::due(app.db(), now_ms, 1000).await? {
        match app.blob().delete(&crate::blob::ObjectKey::from_stored(key.clone())).await {
            // Deleting twice is harmless; completing (and releasing held bytes) happens once.
            Ok(()) => {
                if deletions::complete(app.db(), &key).await? {
                    report.deletions_done += 1;
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, key, "queued deletion failed again");
                deletions::retry_later(app.db(), &key, now_ms).await?;
            }
        }
    }
    report.trash_purged = crate::retention::purge_trash(app, now_ms).await?;
    report.exports_expired = crate::jobs::export::expire(app, now_ms).await?;
    report.webhook_events_pruned = crate::db::webhooks::prune(app.db(), now_ms - WEBHOOK_LOG_DAYS * 86_400_000).await?;
    let grace_ms = i64::from(app.config().upload_grace_secs) * 1000;
    files::release_expired_reservations(app.db(), now_ms).await?;
    report.uploads_expired = files::clear_expired_uploads(app.db(), now_ms - grace_ms).await?;
    let url_lifetime = chrono::Duration::seconds(i64::from(app.config().upload_url_ttl_secs));
    report.orphans_removed = remove_orphans(app, now - url_lifetime).await?;
    if let BlobStore::Local(store) = app.blob() {
        report.temporaries_removed = store.remove_stale_temporaries(now - chrono::Duration::days(1)).await?;
    }
    Ok(report)
}

/// How long the webhook delivery log and outbox keep what is done.
const WEBHOOK_LOG_DAYS: i64 = 30;

/// Deletes objects written before `before` that no file points to.
async fn remove_orphans(app: &App, before: DateTime<Utc>) -> Result<usize, SweepError> {
    let mut removed = 0;
    for object in app.blob().list().await? {
        if object.modified >= before {
            continue;
        }
        let key = object.key;
        let id_owner = key.id_file();
        let referenced = files::references_object(app.db(), id_owner, key.as_str()).await?
            || exports::references_object(app.db(), id_owner, key.as_str()).await?;
        if !referenced {
            app.blob().delete(&key).await?;
            removed += 1;
        }
    }
    Ok(removed)
}
