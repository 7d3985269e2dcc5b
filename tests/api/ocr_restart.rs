//! A server killed in the middle of an OCR job: after a restart the job completes, and its
//! pages are charged once. Runs the real `coffre serve` binary and kills it with SIGKILL.

use std::process::Stdio;
use std::time::Duration;

use serde_json::json;
use tokio::process::{Child, Command};

use crate::fixtures::fixtures;
use crate::helpers::TestApp;

/// Starts `coffre serve` on the test app's database and store, with one OCR worker and a
/// short lease so that a dead worker's job is taken over quickly.
fn start_server(app: &TestApp) -> Child {
    Command::new(env!("CARGO_BIN_EXE_coffre"))
        .arg("serve")
        .args(app.backend_args(true))
        .args(["--listen", "127.0.0.1:0", "--ocr-workers", "1", "--ocr-lease", "3", "--sweep-interval", "3600"])
        .env("COFFRE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("coffre serve starts")
}

/// Waits (bounded) until the job reaches `status`, polling the database.
async fn wait_for_status(app: &TestApp, id_job: &str, status: &str) -> coffre::db::ocr_jobs::OcrJob {
    for _ in 0..1200 {
        let job = coffre::db::ocr_jobs::get(app.app.db(), id_job).await.unwrap().unwrap();
        if job.status == status {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("job {id_job} never reached {status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_killed_mid_run_completes_after_restart_and_charges_once() {
    let app = TestApp::spawn().await;
    app.add_credits(2).await;
    let year = app.create_year().await;
    let bytes = fixtures().await.bytes("multipage.tiff");
    let file = app.upload_file(&year, "scan.tiff", "image/tiff", bytes).await.id();
    app.post(&app.file_path(&year, &file, "/ocr"), json!({})).await.ok(202);
    let id_job = app.get(&app.file_path(&year, &file, "")).await.body.clone();
    let id_job = coffre::db::files::get(app.app.db(), &app.org, &year, &file)
        .await
        .unwrap()
        .and_then(|f| f.id_ocr_job)
        .unwrap_or_else(|| panic!("no job: {id_job}"));

    let mut first = start_server(&app);
    wait_for_status(&app, &id_job, "running").await;
    first.kill().await.expect("SIGKILL");
    let orphaned = coffre::db::ocr_jobs::get(app.app.db(), &id_job).await.unwrap().unwrap();
    assert_eq!(orphaned.status, "running", "killed before it could finish");
    // The page reserved by the request stays reserved; the second may or may not have been
    // reserved yet when the job starts (after reading the TIFF).
    assert!(app.credits_available().await <= 1, "pages stay reserved");

    let mut second = start_server(&app);
    let done = wait_for_status(&app, &id_job, "done").await;
    second.kill().await.expect("stop");

    assert_eq!(done.attempts, 2, "claimed by the dead worker, then taken over");
    assert_eq!(done.pages_charged, 2);
    assert_eq!(app.credits_available().await, 0);
    let org = coffre::db::orgs::get(app.app.db(), &app.org).await.unwrap().unwrap();
    assert_eq!(org.ocr_pages_used, 2, "charged once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coffre_worker_runs_queued_jobs_without_serving_http() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = fixtures().await.bytes("text.pdf");
    let file = app.upload_file(&year, "text.pdf", "application/pdf", bytes).await.id();
    app.post(&app.file_path(&year, &file, "/ocr"), json!({})).await.ok(202);
    let id_job = coffre::db::files::get(app.app.db(), &app.org, &year, &file).await.unwrap().unwrap().id_ocr_job;

    let mut worker = Command::new(env!("CARGO_BIN_EXE_coffre"))
        .arg("worker")
        .args(app.backend_args(true))
        .args(["--ocr-workers", "1", "--sweep-interval", "3600"])
        .env("COFFRE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("coffre worker starts");
    let done = wait_for_status(&app, &id_job.unwrap(), "done").await;
    worker.kill().await.expect("stop");

    assert_eq!(done.pages_charged, 0);
    let result = app.get(&app.file_path(&year, &file, "/ocr")).await;
    assert_eq!(result.ok(200)["fields"]["invoiceNumber"]["value"], fixtures().await.truth("text.pdf")["invoiceNumber"]);
}
