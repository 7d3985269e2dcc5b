//! The OCR job. A request queues a job in one transaction with the credits it certainly
//! needs; the worker that runs it reads the document (every external program under the
//! process's one limit), reserves the rest of the credits, runs the pipeline, and records
//! the outcome and settles the credits in one transaction, only while it still holds the
//! lease. A worker that dies leaves its lease to lapse; another claims the job and runs it
//! again, and since only the lease holder can finish it, a job completes and charges once.
//!
//! Request-time work is constant: no external program runs and no PDF is parsed in a
//! request. Credits reserved then come from what the type tells without reading: an image
//! is one page (a TIFF's pages are counted in process by walking its directory chain), an
//! XML e-invoice is free, a PDF's pages are known only once read: its credits are reserved
//! when the job starts, and a job that cannot get them fails with `ocr_credits_exhausted`.
//! At most one job per content is queued or running (a partial unique index backs it).

use serde::Serialize;

use super::lease;
use crate::app::App;
use crate::audit::{self, Event};
use crate::blob::{BlobError, ObjectKey};
use crate::db::files::{self, File};
use crate::db::jobs::Claimed;
use crate::db::ocr_jobs::{self, OcrJob, Outcome};
use crate::db::years;
use crate::db::{lock_row, DbError, Lockable, Tx};
use crate::domain::ids::new_id;
use crate::domain::text::normalize;
use crate::domain::time::now_millis;
use crate::metrics::JobKind;
use crate::ocr::extract::Hints;
use crate::ocr::{Analysis, OcrError, OcrOutput};
use chrono::NaiveDate;
use serde_json::json;

/// The failure code of a job that could not get the credits its pages need.
pub const CREDITS_EXHAUSTED: &str = "ocr_credits_exhausted";

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

/// Queues OCR of `file`'s content, or returns the job that already covers it: the one queued
/// or running (even with `force`), or unless `force` a done one. The credits the content
/// certainly needs are taken in the transaction that queues the job.
pub async fn request(app: &App, file: &File, force: bool) -> Result<OcrJob, RequestError> {
    let (Some(sha256), Some(key), Some(content_type)) = (&file.sha256, &file.content_key, &file.content_type) else {
        return Err(RequestError::NoContent);
    };
    let pages = known_pages(content_type);
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, &file.id_organization).await?;
    if let Some(job) = ocr_jobs::find_reusable(&mut tx, &file.id_organization, sha256, !force).await? {
        files::link_ocr_job(&mut tx, &file.id, &job.id).await?;
        tx.commit().await.map_err(DbError::from)?;
        return Ok(job);
    }
    let now = now_millis();
    if !ocr_jobs::reserve_credits(&mut tx, &file.id_organization, pages).await? {
        let org = crate::db::orgs::get_in(&mut tx, &file.id_organization).await?;
        let available = org.map_or(0, |o| o.ocr_pages_available);
        return Err(RequestError::CreditsExhausted { available, needed: pages });
    }
    let job = new_job(file, sha256, key, content_type, ocr_jobs::QUEUED, pages, pages, None, now);
    ocr_jobs::insert(&mut tx, &job).await?;
    files::link_ocr_job(&mut tx, &file.id, &job.id).await?;
    tx.commit().await.map_err(DbError::from)?;
    app.ocr_wake().notify_waiters();
    Ok(job)
}

/// Pages that certainly need OCR, known from the type alone, without reading the object: one
/// per image (a TIFF counts one here; its other pages are reserved when the job starts and
/// reads it), none for PDFs (read at job start) and XML. Request-time work stays constant.
fn known_pages(content_type: &str) -> i64 {
    match content_type {
        "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "image/tiff" => 1,
        _ => 0,
    }
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
    error: Option<&OcrError>,
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
        finished_at: error.map(|_| now),
        error_code: error.map(|e| e.code().to_owned()),
        error: error.map(ToString::to_string),
        attempts: 0,
        lease_token: None,
        created_at: now,
    }
}

/// What `GET .../ocr` returns once a job is done.
#[derive(Debug, Serialize)]
pub struct StoredResult<'a> {
    pub pages: &'a [crate::ocr::PageText],
    pub fields: &'a crate::ocr::Fields,
}

/// Runs jobs with `workers` concurrent loops until `stop` turns true.
pub async fn run_workers(app: App, workers: usize, stop: tokio::sync::watch::Receiver<bool>) {
    let loops = (0..workers)
        .map(|_| lease::job_loop(app.clone(), "ocr", stop.clone(), |app| async move { run_one(&app).await }));
    futures_util::future::join_all(loops).await;
}

/// Claims and runs one job; false when there was none. Tests drain the queue with it.
pub async fn run_one(app: &App) -> Result<bool, DbError> {
    let Some(claimed) = lease::claim::<OcrJob>(app).await? else {
        return Ok(false);
    };
    let exhausted = claimed.exhausted();
    let Claimed { mut job, token, .. } = claimed;
    let outcome = if exhausted {
        Ok(Outcome::failed("retries_exhausted", "the document could not be processed"))
    } else {
        let id = job.id.clone();
        lease::hold::<OcrJob, _>(app, &id, &token, execute(app, &mut job, &token)).await
    };
    match outcome {
        Ok(outcome) => lease::while_down(app, || record(app, &job, &token, &outcome)).await?,
        Err(Interrupted(cause)) => {
            tracing::warn!(cause, job = job.id, "OCR job interrupted by an outage; it will run again");
            lease::give_back::<OcrJob>(app, &job.id, &token).await?;
            app.metrics().job_finished(JobKind::ocr, "retried");
        }
    }
    Ok(true)
}

/// A run cut short by a dependency outage: the job goes back to the queue, not to `failed`.
struct Interrupted(String);

/// Reads the document, reserving the credits its pages need first.
async fn execute(app: &App, job: &mut OcrJob, token: &str) -> Result<Outcome, Interrupted> {
    let key = ObjectKey::from_stored(job.content_key.clone());
    let copy = match app.blob().local_copy(&key).await {
        Ok(Some(copy)) => copy,
        Ok(None) => return Ok(failure(job, &OcrError::ContentGone)),
        Err(e) if e.is_unavailable() => return Err(Interrupted(e.to_string())),
        Err(e) => {
            tracing::error!(error = %e, job = job.id, "OCR: object store failed");
            return Ok(Outcome::failed("store_unavailable", "the object store could not be read"));
        }
    };
    let engine = app.ocr_engine();
    let analysis = match engine.analyze(copy.path(), &job.content_type).await {
        Ok(analysis) => analysis,
        Err(e) => return Ok(failure(job, &e)),
    };
    if let Err(outcome) = reserve_needed(app, job, token, &analysis).await? {
        return Ok(outcome);
    }
    let hints = match hints(app, job).await {
        Ok(hints) => hints,
        Err(e) if e.is_unavailable() => return Err(Interrupted(e.to_string())),
        Err(e) => {
            tracing::warn!(error = %e, job = job.id, "OCR: the files' years could not be read; dates go unchecked");
            Hints::default()
        }
    };
    match engine.read_with(copy.path(), analysis, hints).await {
        Ok(output) => Ok(done(output)),
        Err(e) => Ok(failure(job, &e)),
    }
}

/// The fiscal year of the files this job reads (the span of their years when they are filed in
/// several), for the extraction's date check.
async fn hints(app: &App, job: &OcrJob) -> Result<Hints, DbError> {
    let periods = years::periods_of_ocr_job(app.db(), &job.id).await?;
    let parse = |day: &str| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    let parsed: Option<Vec<(NaiveDate, NaiveDate)>> =
        periods.iter().map(|(start, end)| Some((parse(start)?, parse(end)?))).collect();
    let period = parsed.and_then(|p| {
        let start = p.iter().map(|(s, _)| *s).min()?;
        let end = p.iter().map(|(_, e)| *e).max()?;
        Some((start, end))
    });
    Ok(Hints { period })
}

fn failure(job: &OcrJob, e: &OcrError) -> Outcome {
    if let OcrError::Engine(detail) = e {
        tracing::error!(detail, job = job.id, "OCR engine failure");
    }
    Outcome::failed(e.code(), &e.to_string())
}

/// Tops the job's reservation up to the pages the analysis says need OCR. The reservation is
/// stored on the job, so a run given back after an outage does not reserve again.
async fn reserve_needed(
    app: &App,
    job: &mut OcrJob,
    token: &str,
    analysis: &Analysis,
) -> Result<Result<(), Outcome>, Interrupted> {
    let needed = i64::from(analysis.ocr_pages());
    let extra = needed - job.pages_reserved;
    if extra <= 0 {
        return Ok(Ok(()));
    }
    let reserved = async {
        let mut tx = app.db().begin_write().await?;
        lock_row(&mut tx, app.db().backend(), Lockable::Organization, &job.id_organization).await?;
        let taken = ocr_jobs::reserve_more(&mut tx, job, token, extra).await?;
        tx.commit().await?;
        Ok::<_, DbError>(taken)
    };
    Ok(match reserved.await {
        Ok(Ok(())) => {
            job.pages_reserved = needed;
            Ok(())
        }
        Ok(Err(available)) => {
            let error = format!(
                "not enough OCR page credits: {needed} pages need OCR, {} available",
                available + job.pages_reserved
            );
            Err(Outcome::failed(CREDITS_EXHAUSTED, &error))
        }
        Err(e) if e.is_unavailable() => return Err(Interrupted(e.to_string())),
        Err(e) => {
            tracing::error!(error = %e, job = job.id, "OCR: cannot reserve credits");
            Err(Outcome::failed("internal_error", "the credits could not be reserved"))
        }
    })
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
    emit_outcome(&mut tx, job, outcome).await?;
    tx.commit().await?;
    app.ocr_wake().notify_waiters();
    let metrics = app.metrics();
    match outcome {
        Outcome::Done { pages, pages_charged, .. } => {
            metrics.ocr_pages.inc_by(*pages as u64);
            metrics.ocr_pages_charged.inc_by((*pages_charged).min(job.pages_reserved).max(0) as u64);
            metrics.job_finished(JobKind::ocr, "done");
        }
        Outcome::Failed { .. } => metrics.job_finished(JobKind::ocr, "failed"),
    }
    Ok(())
}

/// Tells the webhooks of every file that asked for this job how it ended.
async fn emit_outcome(tx: &mut Tx, job: &OcrJob, outcome: &Outcome) -> Result<(), DbError> {
    use crate::webhooks::{emit, EventType, Subject};
    let kind = match outcome {
        Outcome::Done { .. } => EventType::FileOcrDone,
        Outcome::Failed { .. } => EventType::FileOcrFailed,
    };
    for file in files::linked_to_job(tx, &job.id).await? {
        let subject = Subject { id_ocr_job: Some(&job.id), ..Subject::file(&file.id_year, &file.id) };
        emit(tx, &file.id_organization, kind, subject).await?;
    }
    Ok(())
}

/// Fills the empty date and reference of the job's files (open years only: a closed year's
/// documents no longer change), each change recorded in the audit trail.
async fn fill_files(tx: &mut Tx, job: &OcrJob, date: Option<&str>, reference: Option<&str>) -> Result<(), DbError> {
    let linked = files::linked_to_job(tx, &job.id).await?;
    // A file whose content changed since it asked is not filled from the older content.
    for file in linked.into_iter().filter(|f| f.sha256.as_deref() == Some(job.sha256.as_str())) {
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

/// Below this confidence a value stays in the OCR result but does not fill the file: a date far
/// from the file's fiscal year is reported at 0.4 at most.
const FILL_CONFIDENCE: f64 = 0.5;

/// The document date and invoice number from a stored result, if extracted with enough
/// confidence to fill a file.
fn filled_fields(result: &str) -> (Option<String>, Option<String>) {
    let value: serde_json::Value = serde_json::from_str(result).unwrap_or_default();
    let field = |name: &str| {
        let field = &value["fields"][name];
        let sure = field["confidence"].as_f64().is_some_and(|c| c >= FILL_CONFIDENCE);
        field["value"].as_str().filter(|_| sure).map(str::to_owned)
    };
    let reference = field("invoiceNumber").filter(|r| crate::domain::Reference::parse(r).is_ok());
    (field("date"), reference)
}
