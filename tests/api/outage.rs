//! A dependency that is down is a 503 `service_unavailable` problem with `Retry-After`, given
//! within seconds and naming the dependency; jobs it cuts short go back to the queue. A store
//! that refuses connections and one that accepts them and never answers both stand in for a
//! stopped object store (the database's outage is exercised by `scripts/chaos`).

use std::time::{Duration, Instant};

use coffre::app::App;
use coffre::config::Config;
use serde_json::json;

use crate::fixtures::fixtures;
use crate::helpers::{Resp, TestApp};

fn dead_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A store that accepts connections and never answers.
async fn hung_store() -> (u16, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    (port, task)
}

fn with_store_at(config: &mut Config, port: u16) {
    config.s3_endpoint = Some(format!("http://127.0.0.1:{port}"));
    config.s3_bucket = "coffre".into();
    config.s3_key_prefix = String::new();
    config.s3_connect_timeout_secs = 1;
    config.s3_read_timeout_secs = 1;
}

#[track_caller]
fn assert_unavailable(resp: &Resp, dependency: &str) {
    let body = resp.problem(503, "service_unavailable");
    assert_eq!(body["dependency"], dependency);
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains(if dependency == "database" { "database" } else { "object store" }), "{detail}");
    assert!(!detail.contains("127.0.0.1"), "the detail leaks an address: {detail}");
    assert_eq!(resp.headers["retry-after"], "5");
    let id = resp.headers["x-request-id"].to_str().unwrap();
    assert_eq!(body["instance"], format!("urn:coffre:request:{id}"));
}

async fn pending_upload(app: &TestApp) -> (String, String) {
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    app.upload_url(&year, &file, "application/pdf", 100).await.ok(200);
    (year, file)
}

#[tokio::test]
async fn a_refused_store_is_503_object_store_at_once_and_reads_still_work() {
    let port = dead_port();
    let app = TestApp::spawn_with(|c| with_store_at(c, port)).await;
    let (year, file) = pending_upload(&app).await;

    let started = Instant::now();
    let finalize = app.finalize(&year, &file).await;

    assert_unavailable(&finalize, "objectStore");
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert_eq!(app.get(&app.file_path(&year, &file, "")).await.ok(200)["status"], "pending");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, 503);
    assert!(ready.body["checks"]
        .as_array()
        .unwrap()
        .contains(&json!({"name": "objectStore", "status": "unavailable"})));
}

#[tokio::test]
async fn a_store_that_never_answers_is_503_after_the_read_timeout() {
    let (port, _store) = hung_store().await;
    let app = TestApp::spawn_with(|c| with_store_at(c, port)).await;
    let (year, file) = pending_upload(&app).await;

    let started = Instant::now();
    let finalize = app.finalize(&year, &file).await;

    assert_unavailable(&finalize, "objectStore");
    assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
}

#[tokio::test]
async fn request_ids_are_kept_when_sane_and_generated_otherwise() {
    let app = TestApp::spawn().await;
    let url = app.url(&app.org_path("/years/nope"));
    let send = |id: &'static str| app.client.get(&url).bearer_auth(&app.key).header("x-request-id", id).send();

    let kept = crate::helpers::read(send("abc-123.DEF_4").await.unwrap()).await;
    let replaced = crate::helpers::read(send("bad id, with spaces").await.unwrap()).await;

    assert_eq!(kept.headers["x-request-id"], "abc-123.DEF_4");
    assert_eq!(kept.problem(404, "not_found")["instance"], "urn:coffre:request:abc-123.DEF_4");
    let generated = replaced.headers["x-request-id"].to_str().unwrap();
    assert!(!generated.is_empty() && !generated.contains(' '));
    assert_eq!(replaced.body["instance"], format!("urn:coffre:request:{generated}"));
}

/// A worker whose store is down claims an OCR job as often as it likes: the job goes back to
/// the queue each time, uncounted, and a healthy worker then runs it and charges it once.
#[tokio::test]
async fn an_ocr_job_cut_short_by_an_outage_runs_again_and_charges_once() {
    let app = TestApp::spawn().await;
    app.add_credits(5).await;
    let year = app.create_year().await;
    let bytes = fixtures().await.bytes("photo.jpg");
    let file = app.upload_file(&year, "photo.jpg", "image/jpeg", bytes).await.id();
    app.post(&app.file_path(&year, &file, "/ocr"), json!({})).await.ok(202);
    let mut config = app.app.config().clone();
    with_store_at(&mut config, dead_port());
    let cut_off = App::build(config, "http://127.0.0.1".into()).await.unwrap();

    for _ in 0..=coffre::db::jobs::MAX_ATTEMPTS {
        assert!(coffre::jobs::ocr::run_one(&cut_off).await.unwrap(), "the job was claimed");
        let job = app.get(&app.file_path(&year, &file, "/ocr")).await;
        assert_eq!(job.ok(200)["status"], "queued", "{}", job.text);
    }
    assert_eq!(app.drain_ocr().await, 1);

    let result = app.get(&app.file_path(&year, &file, "/ocr")).await;
    assert_eq!(result.ok(200)["status"], "done", "{}", result.text);
    assert_eq!(result.body["pagesCharged"], 1);
    assert_eq!(app.credits_available().await, 4);
}

#[tokio::test]
async fn an_export_cut_short_by_an_outage_runs_again() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    app.upload_file(&year, "a.pdf", "application/pdf", crate::helpers::pdf("a")).await.ok(200);
    let export = app.post(&app.year_path(&year, "/export"), json!({})).await.id();
    let mut config = app.app.config().clone();
    with_store_at(&mut config, dead_port());
    let cut_off = App::build(config, "http://127.0.0.1".into()).await.unwrap();

    assert!(coffre::jobs::export::run_one(&cut_off).await.unwrap());
    let queued = app.get(&app.year_path(&year, &format!("/exports/{export}"))).await;
    assert_eq!(queued.ok(200)["status"], "queued", "{}", queued.text);
    assert!(coffre::jobs::export::run_one(&app.app).await.unwrap());

    let ready = app.get(&app.year_path(&year, &format!("/exports/{export}"))).await;
    assert_eq!(ready.ok(200)["status"], "ready", "{}", ready.text);
}
