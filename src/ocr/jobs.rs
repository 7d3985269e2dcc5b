//! The OCR job queue. A request reserves page credits and queues a job in one transaction;
//! workers claim jobs under a lease (renewed while they run), run the engine, and record the
//! outcome and settle the credits in one transaction, only while they still hold the lease.
//! A worker that dies leaves its lease to lapse; another claims the job and runs it again, and
//! since only the lease holder can finish it, a job completes and charges exactly once.

use std::time::Duration;

use serde::Serialize;

use super::{OcrError, OcrOutput};
use crate::app::App;
use crate::audit::{self, Event};
use crate::blob::{BlobError, ObjectKey};
use crate::db::files::{self, File};
use crate::db::ocr_jobs::{self, OcrJob, Outcome};
use crate::db::{lock_row, DbError, Lockable, Tx};
use crate::domain::ids::new_id;
use crate::domain::text::normalize;
use crate::domain::time::now_millis;
use serde_json::json;

/// After this many claims, a job whose workers keep dying fails instead of running again.
const MAX_ATTEMPTS: i64 = 3;

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("not enough OCR page credits")]
    CreditsExhausted { available: i64, needed: i64 },
    #[error("the file has no content")]
    NoContent,
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Blob(#[from] BlobError),
}

/// Queues OCR of `file`'s content, or returns the job that already covers it (queued,
/// running or done) unless `force`. Credits for the pages that need OCR are taken in the
/// same transaction that queues the job.
pub async fn request(app: &App, file: &File, force: bool) -> Result<OcrJob, RequestError> {
    let (Some(sha256), Some(key), Some(content_type)) = (&file.sha256, &file.content_key, &file.content_type) else {
        return Err(RequestError::NoContent);
    };
    if !force {
        if let Some(job) = reuse_existing(app, file, sha256).await? {
            return Ok(job);
        }
    }
    // Reading the file happens before the transaction: it may take a while.
    let analysis = analyze(app, key, content_type).await?;
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, &file.id_organization).await?;
    if !force {
        if let Some(job) = ocr_jobs::find_reusable(&mut tx, &file.id_organization, sha256).await? {
            files::link_ocr_job(&mut tx, &file.id, &job.id).await?;
            tx.commit().await.map_err(DbError::from)?;
            return Ok(job);
        }
    }
    let now = now_millis();
    let job = match analysis {
        Ok((pages, needed)) => {
            if !ocr_jobs::reserve_credits(&mut tx, &file.id_organization, needed).await? {
                let org = crate::db::orgs::get_in(&mut tx, &file.id_organization).await?;
                let available = org.map_or(0, |o| o.ocr_pages_available);
                return Err(RequestError::CreditsExhausted { available, needed });
            }
            new_job(file, sha256, key, content_type, ocr_jobs::QUEUED, pages, needed, None, now)
        }
        // An unreadable file fails at once, free of charge.
        Err(e) => new_job(file, sha256, key, content_type, ocr_jobs::FAILED, 0, 0, Some(e.to_string()), now),
    };
    ocr_jobs::insert(&mut tx, &job).await?;
    files::link_ocr_job(&mut tx, &file.id, &job.id).await?;
    tx.commit().await.map_err(DbError::from)?;
    app.ocr_wake().notify_waiters();
    Ok(job)
}

async fn reuse_existing(app: &App, file: &File, sha256: &str) -> Result<Option<OcrJob>, RequestError> {
    let mut tx = app.db().begin_write().await?;
    let job = ocr_jobs::find_reusable(&mut tx, &file.id_organization, sha256).await?;
    if let Some(job) = &job {
        files::link_ocr_job(&mut tx, &file.id, &job.id).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(job)
}

/// Total pages and pages needing OCR, or why the file cannot be read.
async fn analyze(app: &App, key: &str, content_type: &str) -> Result<Result<(i64, i64), OcrError>, RequestError> {
    let Some(copy) = app.blob().local_copy(&ObjectKey::from_stored(key.to_owned())).await? else {
        return Ok(Err(OcrError::ContentGone));
    };
    Ok(app
        .ocr_engine()
        .analyze(copy.path(), content_type)
        .await
        .map(|a| (i64::from(a.pages), i64::from(a.ocr_pages()))))
}

#[allow(clippy::too_many_arguments)]
fn new_job(
    file: &File,
    sha256: &str,
    key: &str,
    content_type: &str,
    status: &str,
    pages: i64,
    reserved: i64,
    error: Option<String>,
    now: i64,
) -> OcrJob {
    OcrJob {
        id: new_id(),
        id_organization: file.id_organization.clone(),
        sha256: sha256.to_owned(),
        content_key: key.to_owned(),
        content_type: content_type.to_owned(),
        status: status.to_owned(),
        pages,
        pages_reserved: reserved,
        pages_charged: 0,
        engine: None,
        finished_at: error.as_ref().map(|_| now),
        error,
        attempts: 0,
        lease_token: None,
        created_at: now,
    }
}

/// What `GET .../ocr` returns once a job is done.
#[derive(Debug, Serialize)]
pub struct StoredResult<'a> {
    pub pages: &'a [super::PageText],
    pub fields: &'a super::Fields,
}

/// Runs jobs with `workers` concurrent loops until `stop` turns true.
pub async fn run_workers(app: App, workers: usize, stop: tokio::sync::watch::Receiver<bool>) {
    let loops = (0..workers)
        .map(|_| crate::worker::job_loop(app.clone(), "ocr", stop.clone(), |app| async move { run_one(&app).await }));
    futures_util::future::join_all(loops).await;
}

/// Claims and runs one job; false when there was none. Tests drain the queue with it.
pub async fn run_one(app: &App) -> Result<bool, DbError> {
    let lease = Duration::from_secs(app.config().ocr_lease_secs);
    let token = new_id();
    let now = now_millis();
    let Some(job) = ocr_jobs::claim(app.db(), &token, now, now + lease.as_millis() as i64).await? else {
        return Ok(false);
    };
    let outcome = if job.attempts > MAX_ATTEMPTS {
        Outcome::Failed { error: "the document could not be processed".into() }
    } else {
        execute_with_heartbeat(app, &job, &token, lease).await
    };
    record(app, &job, &token, &outcome).await?;
    Ok(true)
}

/// Runs the engine while renewing the lease, so a long job is not taken over.
async fn execute_with_heartbeat(app: &App, job: &OcrJob, token: &str, lease: Duration) -> Outcome {
    let renew = || async {
        let until = now_millis() + lease.as_millis() as i64;
        if let Err(e) = ocr_jobs::extend_lease(app.db(), &job.id, token, until).await {
            tracing::warn!(error = %e, job = job.id, "cannot extend OCR lease");
        }
    };
    crate::worker::with_heartbeat(execute(app, job), lease, renew).await
}

async fn execute(app: &App, job: &OcrJob) -> Outcome {
    let key = ObjectKey::from_stored(job.content_key.clone());
    let copy = match app.blob().local_copy(&key).await {
        Ok(Some(copy)) => copy,
        Ok(None) => return Outcome::Failed { error: OcrError::ContentGone.to_string() },
        Err(e) => {
            tracing::error!(error = %e, job = job.id, "OCR: object store failed");
            return Outcome::Failed { error: "the object store could not be read".into() };
        }
    };
    match app.ocr_engine().run(copy.path(), &job.content_type).await {
        Ok(output) => done(output),
        Err(e) => {
            if let OcrError::Engine(detail) = &e {
                tracing::error!(detail, job = job.id, "OCR engine failure");
            }
            Outcome::Failed { error: e.to_string() }
        }
    }
}

fn done(output: OcrOutput) -> Outcome {
    let text: Vec<&str> = output.pages.iter().map(|p| p.text.as_str()).collect();
    let result = serde_json::to_string(&StoredResult { pages: &output.pages, fields: &output.fields })
        .unwrap_or_else(|_| "{}".into());
    Outcome::Done {
        pages: output.pages.len() as i64,
        pages_charged: i64::from(output.pages_ocr),
        engine: output.engine,
        result,
        search_text: normalize(&text.join(" ")),
    }
}

/// Writes the outcome, settles credits and fills the files' empty fields, in one transaction.
async fn record(app: &App, job: &OcrJob, token: &str, outcome: &Outcome) -> Result<(), DbError> {
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, &job.id_organization).await?;
    if !ocr_jobs::finish(&mut tx, job, token, outcome, now_millis()).await? {
        tracing::warn!(job = job.id, "OCR job was taken over by another worker; its result is dropped");
        return Ok(());
    }
    if let Outcome::Done { result, .. } = outcome {
        let (date, reference) = filled_fields(result);
        fill_files(&mut tx, job, date.as_deref(), reference.as_deref()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Fills the empty date and reference of the job's files (open years only: a closed year's
/// documents no longer change), each change recorded in the audit trail.
async fn fill_files(tx: &mut Tx, job: &OcrJob, date: Option<&str>, reference: Option<&str>) -> Result<(), DbError> {
    for file in files::linked_to_job(tx, &job.id).await? {
        let date = date.filter(|_| file.doc_date.is_none());
        let reference = reference.filter(|_| file.reference.is_none());
        if date.is_none() && reference.is_none() {
            continue;
        }
        let search_text =
            normalize(&format!("{} {}", file.name, reference.or(file.reference.as_deref()).unwrap_or("")));
        files::fill_from_ocr(tx, &file, date, reference, &search_text).await?;
        let details = json!({"date": date, "reference": reference, "idOcrJob": job.id});
        let event = Event::new("file.ocr_fill").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
        audit::record(tx, &file.id_organization, audit::SYSTEM, event.details(details)).await?;
    }
    Ok(())
}

/// The document date and invoice number from a stored result, if extracted.
fn filled_fields(result: &str) -> (Option<String>, Option<String>) {
    let value: serde_json::Value = serde_json::from_str(result).unwrap_or_default();
    let field = |name: &str| value["fields"][name]["value"].as_str().map(str::to_owned);
    let reference = field("invoiceNumber").filter(|r| crate::domain::Reference::parse(r).is_ok());
    (field("date"), reference)
}
