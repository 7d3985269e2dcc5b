//! A server killed with SIGKILL in the middle of 24 concurrent upload + finalize loops loses
//! nothing it acknowledged, alters nothing, and leaves usage exact. Runs the real
//! `coffre serve` binary.

use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use futures_util::future::join_all;
use serde_json::{json, Value};
use tokio::process::{Child, Command};

use crate::helpers::{pdf, read, sha256_hex, TestApp};
use crate::sweeper::expected_usage;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `coffre serve` on the test's database and store; returns once it accepts connections.
async fn start_server(app: &TestApp, port: u16) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_coffre"))
        .arg("serve")
        .args(app.backend_args(true))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--ocr-workers", "0", "--sweep-interval", "3600"])
        .env("COFFRE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("coffre serve starts");
    for _ in 0..400 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("coffre serve never listened on {port}");
}

/// What a client saw of one upload.
#[derive(Debug, Clone)]
struct Outcome {
    id: String,
    bytes: Vec<u8>,
    put_ok: bool,
    finalized: bool,
}

struct Client {
    http: reqwest::Client,
    base: String,
    key: String,
    year_path: String,
}

impl Client {
    async fn post(&self, path: &str, body: Value) -> Option<crate::helpers::Resp> {
        let req = self.http.post(format!("{}{path}", self.base)).bearer_auth(&self.key).json(&body);
        Some(read(req.send().await.ok()?).await)
    }

    /// One create, upload-url, PUT, finalize; `None` once the server is gone.
    async fn upload_one(&self, tag: &str, outcomes: &Mutex<Vec<Outcome>>) -> Option<()> {
        let bytes = pdf(tag);
        let created = self.post(&format!("{}/files", self.year_path), json!({"name": format!("{tag}.pdf")})).await?;
        let id = created.body["id"].as_str()?.to_owned();
        let mut outcome = Outcome { id: id.clone(), bytes: bytes.clone(), put_ok: false, finalized: false };
        let file_path = format!("{}/files/{id}", self.year_path);
        let body = json!({"type": "application/pdf", "size": bytes.len()});
        let signed = self.post(&format!("{file_path}/upload-url"), body).await;
        let Some(url) = signed.as_ref().and_then(|s| s.body["url"].as_str()) else {
            outcomes.lock().unwrap().push(outcome);
            return None;
        };
        let put = self.http.put(url).header("content-type", "application/pdf").body(bytes).send().await;
        outcome.put_ok = put.is_ok_and(|r| r.status() == 200);
        outcomes.lock().unwrap().push(outcome.clone());
        let finalized = self.post(&format!("{file_path}/finalize"), json!({})).await?;
        if finalized.status == 200 {
            let mut all = outcomes.lock().unwrap();
            all.iter_mut().find(|o| o.id == id).unwrap().finalized = true;
        }
        Some(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_during_concurrent_uploads_loses_and_alters_nothing() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let port = free_port();
    let mut server = start_server(&app, port).await;
    let client = Arc::new(Client {
        http: reqwest::Client::new(),
        base: format!("http://127.0.0.1:{port}"),
        key: app.key.clone(),
        year_path: app.year_path(&year, ""),
    });
    let outcomes = Arc::new(Mutex::new(Vec::<Outcome>::new()));
    let finalized = Arc::new(AtomicUsize::new(0));

    // 24 loops, killed with SIGKILL once 60 uploads have been finalized.
    let loops = (0..24).map(|n| {
        let (client, outcomes, finalized) = (client.clone(), outcomes.clone(), finalized.clone());
        tokio::spawn(async move {
            for i in 0.. {
                if client.upload_one(&format!("crash-{n}-{i}"), &outcomes).await.is_none() {
                    return;
                }
                finalized.fetch_add(1, Ordering::SeqCst);
            }
        })
    });
    let loops: Vec<_> = loops.collect();
    while finalized.load(Ordering::SeqCst) < 60 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.start_kill().expect("SIGKILL");
    server.wait().await.unwrap();
    join_all(loops).await;

    let mut restarted = start_server(&app, port).await;
    let outcomes = outcomes.lock().unwrap().clone();
    let acknowledged = outcomes.iter().filter(|o| o.finalized).count();
    eprintln!("{} uploads started, {acknowledged} finalize acknowledged before the kill", outcomes.len());
    assert!(acknowledged >= 60);

    // Every acknowledged finalize survived, with exactly its bytes.
    for o in outcomes.iter().filter(|o| o.finalized) {
        let file = app.get(&app.file_path(&year, &o.id, "")).await;
        assert_eq!(file.ok(200)["status"], "available", "{o:?}");
        assert_eq!(file.body["sha256"], sha256_hex(&o.bytes));
    }
    // Uploads cut short can be finalized now, or were never stored: nothing half-done.
    for o in outcomes.iter().filter(|o| !o.finalized) {
        let again = client.post(&format!("{}/files/{}/finalize", client.year_path, o.id), json!({})).await.unwrap();
        match again.status.as_u16() {
            200 => assert_eq!(again.body["sha256"], sha256_hex(&o.bytes)),
            409 => assert_eq!(again.body["code"], "upload_missing", "{o:?} {}", again.text),
            other => panic!("finalize after restart answered {other}: {}", again.text),
        }
    }
    assert_eq!(app.used_bytes().await, expected_usage(&app).await, "usage is exact");
    let report = coffre::integrity::verify(&app.app, &app.org, None).await.unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert!(coffre::db::audit::verify(app.app.db(), &app.org).await.unwrap().is_ok());

    // Leftovers of interrupted finalizes are orphans: swept, and nothing referenced goes.
    coffre::sweeper::sweep_once(&app.app, Utc::now() + chrono::Duration::hours(3)).await.unwrap();
    let report = coffre::integrity::verify(&app.app, &app.org, None).await.unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(app.used_bytes().await, expected_usage(&app).await);
    restarted.start_kill().unwrap();
    restarted.wait().await.unwrap();
}
