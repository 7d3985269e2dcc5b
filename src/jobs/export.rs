//! The export job. Bounded by construction:
//! - a request while the year's export is queued or running returns that export (at most one
//!   per year, backed by a partial unique index);
//! - a request for a year whose state did not change since a ready export (same fingerprint,
//!   see [`exports::year_fingerprint`]) returns that export instead of building another;
//! - a ready archive expires after `--export-ttl-days`: the sweeper deletes its object and
//!   marks the export `expired`;
//! - workers claim fairly across organizations (see [`crate::db::jobs`]).

use super::lease;
use crate::app::App;
use crate::blob::ObjectKey;
use crate::db::exports::{self, Export};
use crate::db::years::Year;
use crate::db::{DbError, Tx};
use crate::domain::ids::new_id;
use crate::domain::time::now_millis;
use crate::export::{build, ExportError};
use crate::metrics::JobKind;

const DAY_MS: i64 = 24 * 3600 * 1000;

/// The export to answer a request for `year` with, and whether it is an existing one.
pub async fn queue(app: &App, tx: &mut Tx, year: &Year) -> Result<(Export, bool), DbError> {
    if let Some(active) = exports::find_active(tx, &year.id).await? {
        return Ok((active, true));
    }
    let fingerprint = exports::year_fingerprint(tx, &year.id_organization, &year.id).await?;
    // A reused archive must outlive the download URL the client will ask for.
    let alive_until = now_millis() + i64::from(app.config().download_url_ttl_secs) * 1000;
    if let Some(ready) = exports::find_ready(tx, &year.id, &fingerprint, alive_until).await? {
        return Ok((ready, true));
    }
    let export = Export {
        id: new_id(),
        id_organization: year.id_organization.clone(),
        id_year: year.id.clone(),
        status: exports::QUEUED.into(),
        object_key: None,
        size: None,
        sha256: None,
        files: None,
        error: None,
        attempts: 0,
        fingerprint,
        created_at: now_millis(),
        finished_at: None,
        expires_at: None,
    };
    exports::insert(tx, &export).await?;
    Ok((export, false))
}

/// Runs export jobs with `workers` loops until `stop` turns true.
pub async fn run_workers(app: App, workers: usize, stop: tokio::sync::watch::Receiver<bool>) {
    let loops = (0..workers)
        .map(|_| lease::job_loop(app.clone(), "export", stop.clone(), |app| async move { run_one(&app).await }));
    futures_util::future::join_all(loops).await;
}

/// Claims and builds one export; false when none was queued. Tests drain the queue with it.
pub async fn run_one(app: &App) -> Result<bool, DbError> {
    let Some(claimed) = lease::claim::<Export>(app).await? else {
        return Ok(false);
    };
    let (export, token) = (&claimed.job, &claimed.token);
    if claimed.exhausted() {
        let error = "the archive could not be built (its workers stopped 3 times)";
        lease::while_down(app, || exports::finish_failed(app.db(), &export.id, token, error, now_millis())).await?;
        app.metrics().job_finished(JobKind::export, "failed");
        return Ok(true);
    }
    match lease::hold::<Export, _>(app, &export.id, token, build(app, export)).await {
        Ok(archive) => {
            let now = now_millis();
            let expires_at = now + i64::from(app.config().export_ttl_days) * DAY_MS;
            let finish = || finish_ready(app, export, token, &archive, now, expires_at);
            if lease::while_down(app, finish).await? {
                app.metrics().job_finished(JobKind::export, "done");
            } else {
                let _ = app.blob().delete(&ObjectKey::from_stored(archive.key)).await;
            }
        }
        Err(e) if is_outage(&e) => {
            // Its partial archive was never recorded: the orphan sweep deletes it.
            tracing::warn!(error = %e, export = export.id, "export interrupted by an outage; it will run again");
            lease::give_back::<Export>(app, &export.id, token).await?;
            app.metrics().job_finished(JobKind::export, "retried");
        }
        Err(e) => {
            tracing::error!(error = %e, export = export.id, "export failed");
            let message = match e {
                ExportError::Missing(_) | ExportError::YearGone => e.to_string(),
                _ => "the archive could not be built".into(),
            };
            let fail = || exports::finish_failed(app.db(), &export.id, token, &message, now_millis());
            lease::while_down(app, fail).await?;
            app.metrics().job_finished(JobKind::export, "failed");
        }
    }
    Ok(true)
}

/// Records the archive and tells the webhooks, in one transaction; false if the lease was lost.
async fn finish_ready(
    app: &App,
    export: &Export,
    token: &str,
    archive: &exports::Archive,
    now: i64,
    expires_at: i64,
) -> Result<bool, DbError> {
    use crate::webhooks::{emit, EventType, Subject};
    let mut tx = app.db().begin_write().await?;
    if !exports::finish_ready(&mut tx, &export.id, token, archive, now, expires_at).await? {
        return Ok(false);
    }
    let subject = Subject { id_export: Some(&export.id), ..Subject::year(&export.id_year) };
    emit(&mut tx, &export.id_organization, EventType::ExportDone, subject).await?;
    tx.commit().await?;
    app.ocr_wake().notify_waiters();
    Ok(true)
}

/// A failure of the database or the store, not of the export: worth running again.
fn is_outage(e: &ExportError) -> bool {
    match e {
        ExportError::Db(e) => e.is_unavailable(),
        ExportError::Blob(e) => e.is_unavailable(),
        _ => false,
    }
}

/// Marks the exports that expired by `now` `expired` and deletes their archives; returns how
/// many. Several sweepers may run this at once: only the one whose conditional update marks an
/// export deletes its archive. An archive whose deletion fails is no longer referenced, so the
/// sweeper's orphan step deletes it later.
pub async fn expire(app: &App, now: i64) -> Result<usize, DbError> {
    let mut expired = 0;
    for export in exports::expired(app.db(), now, 1000).await? {
        let mut tx = app.db().begin_write().await?;
        if !exports::mark_expired(&mut tx, &export.id).await? {
            continue;
        }
        tx.commit().await?;
        expired += 1;
        let Some(key) = export.object_key else { continue };
        if let Err(e) = app.blob().delete(&ObjectKey::from_stored(key.clone())).await {
            tracing::warn!(error = %e, key, "expired export: the orphan sweep will delete its archive");
        }
    }
    Ok(expired)
}
