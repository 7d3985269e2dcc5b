//! Webhooks: a loopback receiver records every delivery; the PyPI `standardwebhooks` package
//! (tests/webhooks/verify.py) verifies every signature; the delivery log tells retries apart.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::helpers::{pdf, Instance, TestApp};

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    path: String,
    headers: HashMap<String, String>,
    body: String,
}

#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    /// Listens on a loopback port; answers by path: `/ok` 200, `/flaky` 500 then 200,
    /// `/gone` 410, `/redirect` 302 to `/ok`.
    async fn start() -> (Self, String) {
        let receiver = Self::default();
        let router = axum::Router::new().route("/{name}", axum::routing::post(receive)).with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        (receiver, base)
    }

    fn at(&self, path: &str) -> Vec<Received> {
        self.got.lock().unwrap().iter().filter(|r| r.path == path).cloned().collect()
    }
}

async fn receive(State(r): State<Receiver>, Path(name): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let headers = headers.iter().map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned())).collect();
    let path = format!("/{name}");
    let seen = {
        let mut got = r.got.lock().unwrap();
        got.push(Received { path: path.clone(), headers, body: String::from_utf8_lossy(&body).into_owned() });
        got.iter().filter(|g| g.path == path).count()
    };
    match path.as_str() {
        "/flaky" if seen == 1 => (StatusCode::INTERNAL_SERVER_ERROR, "try later").into_response(),
        "/gone" => StatusCode::GONE.into_response(),
        "/redirect" => (StatusCode::FOUND, [("location", "/ok")]).into_response(),
        _ => (StatusCode::OK, "thanks").into_response(),
    }
}

/// Webhook settings for tests: loopback allowed, retries 200 ms apart.
fn quick(c: &mut coffre::config::Config) {
    c.webhooks_allow_private = true;
    c.webhooks_workers = 2;
    c.webhooks_retry_schedule = vec![Duration::from_millis(200); 3];
}

/// Polls `check` until it holds, for at most 30 s.
async fn until<F, Fut>(what: &str, check: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !check().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn create_webhook(app: &TestApp, url: String, events: Option<Vec<&str>>) -> (String, String) {
    let mut body = json!({ "url": url });
    if let Some(events) = events {
        body["events"] = json!(events);
    }
    let created = app.post(&app.org_path("/webhooks"), body).await;
    let created = created.ok(201);
    (created["id"].as_str().unwrap().to_owned(), created["secret"].as_str().unwrap().to_owned())
}

async fn deliveries(app: &TestApp, id: &str) -> Vec<Value> {
    let log = app.get(&app.org_path(&format!("/webhooks/{id}/deliveries"))).await;
    log.ok(200).as_array().unwrap().clone()
}

/// Checks every delivery's signature with `standardwebhooks`, once per secret.
fn verify_with_python(received: &[Received], secrets: &[&str]) {
    let items: Vec<Value> = received
        .iter()
        .flat_map(|r| secrets.iter().map(move |s| json!({"secret": s, "headers": r.headers, "body": r.body})))
        .collect();
    let python = std::env::var("COFFRE_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/webhooks/verify.py");
    let mut child = std::process::Command::new(&python)
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(Value::Array(items.clone()).to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "standardwebhooks refused a signature (is it installed for {python}?):\n{report}");
    assert_eq!(report.lines().filter(|l| l.ends_with(": ok")).count(), items.len(), "{report}");
}

/// Uploads a file; returns (year, file).
async fn available_file(app: &TestApp, tag: &str) -> (String, String) {
    let year = app.create_year().await;
    let file = app.upload_file(&year, &format!("{tag}.pdf"), "application/pdf", pdf(tag)).await;
    (year, file.ok(200)["id"].as_str().unwrap().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn deliveries_are_signed_retried_disabled_on_410_and_never_redirected() {
    let (receiver, base) = Receiver::start().await;
    let app = TestApp::spawn_with(quick).await;
    let (ok, ok_secret) = create_webhook(&app, format!("{base}/ok"), None).await;
    let (flaky, _) = create_webhook(&app, format!("{base}/flaky"), Some(vec!["file.available"])).await;
    let (gone, _) = create_webhook(&app, format!("{base}/gone"), Some(vec!["file.available", "file.deleted"])).await;
    let (redirect, _) = create_webhook(&app, format!("{base}/redirect"), Some(vec!["file.available"])).await;

    let (year, file) = available_file(&app, "signed").await;
    until("the 410 to disable its endpoint", || async {
        app.get(&app.org_path(&format!("/webhooks/{gone}"))).await.body["enabled"] == false
    })
    .await;
    app.delete(&app.file_path(&year, &file, "")).await.ok(204);
    app.post(&app.file_path(&year, &file, "/restore"), json!({})).await.ok(200);
    app.post(&app.year_path(&year, "/close"), json!({})).await.ok(200);

    until("four events at /ok", || async { receiver.at("/ok").len() >= 4 }).await;
    until("a success after the 500", || async { deliveries(&app, &flaky).await.iter().any(|d| d["success"] == true) })
        .await;
    until("the redirect's retries to end", || async { deliveries(&app, &redirect).await.len() == 4 }).await;

    let at_ok = receiver.at("/ok");
    let bodies: Vec<Value> = at_ok.iter().map(|r| serde_json::from_str(&r.body).unwrap()).collect();
    let mut types: Vec<&str> = bodies.iter().map(|b| b["type"].as_str().unwrap()).collect();
    types.sort();
    assert_eq!(types, ["file.available", "file.deleted", "file.restored", "year.closed"]);
    let available = bodies.iter().find(|b| b["type"] == "file.available").unwrap();
    assert_eq!(available["data"], json!({"idOrganization": app.org, "idYear": year, "idFile": file}));
    assert!(available["timestamp"].as_str().unwrap().ends_with('Z'));
    assert_eq!(at_ok[0].headers["content-type"], "application/json");
    verify_with_python(&at_ok, &[&ok_secret]);

    // 500 then 200: one retry, one success.
    let log = deliveries(&app, &flaky).await;
    let outcomes: Vec<(Value, Value, Value)> =
        log.iter().rev().map(|d| (d["attempt"].clone(), d["statusCode"].clone(), d["success"].clone())).collect();
    assert_eq!(outcomes, [(json!(1), json!(500), json!(false)), (json!(2), json!(200), json!(true))]);
    assert_eq!(log[1]["errorClass"], "http_status");
    assert_eq!(log[1]["responseExcerpt"], "try later");
    assert_eq!(log[0]["idEvent"], log[1]["idEvent"]);
    assert_eq!(receiver.at("/flaky").len(), 2);

    // 410: disabled at once, nothing more sent to it.
    let gone_endpoint = app.get(&app.org_path(&format!("/webhooks/{gone}"))).await;
    assert_eq!(gone_endpoint.body["disabledReason"], "gone");
    assert_eq!(receiver.at("/gone").len(), 1);
    assert_eq!(deliveries(&app, &gone).await[0]["errorClass"], "gone");

    // 3xx: a failure, retried, never followed (`/ok` got exactly its own four events).
    let log = deliveries(&app, &redirect).await;
    assert!(log.iter().all(|d| d["statusCode"] == 302 && d["errorClass"] == "redirect" && d["success"] == false));
    assert_eq!(receiver.at("/redirect").len(), 4);
    assert_eq!(receiver.at("/ok").len(), 4);

    // A manual redelivery sends the same event again, with the same id.
    let oldest = deliveries(&app, &ok).await.last().unwrap().clone();
    let again = app
        .post(
            &app.org_path(&format!("/webhooks/{ok}/deliveries/{}/redeliver", oldest["id"].as_str().unwrap())),
            json!({}),
        )
        .await;
    assert_eq!(again.ok(202)["idEvent"], oldest["idEvent"]);
    until("the redelivery", || async { receiver.at("/ok").len() == 5 }).await;
    assert_eq!(receiver.at("/ok")[4].headers["webhook-id"], oldest["idEvent"].as_str().unwrap());

    // The secret is never shown again.
    let listed = app.get(&app.org_path("/webhooks")).await;
    assert!(!listed.text.contains("whsec_"), "{}", listed.text);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rotation_signs_with_the_old_and_the_new_secret_during_the_grace_period() {
    let (receiver, base) = Receiver::start().await;
    let app = TestApp::spawn_with(quick).await;
    let (id, old) = create_webhook(&app, format!("{base}/ok"), Some(vec!["file.available"])).await;

    let rotated = app.post(&app.org_path(&format!("/webhooks/{id}/rotate-secret")), json!({})).await;
    let new = rotated.ok(200)["secret"].as_str().unwrap().to_owned();
    available_file(&app, "rotated").await;
    until("the delivery", || async { receiver.at("/ok").len() == 1 }).await;

    let got = receiver.at("/ok");
    assert_ne!(old, new);
    assert_eq!(got[0].headers["webhook-signature"].split(' ').count(), 2);
    verify_with_python(&got, &[&old, &new]);
    let audit = app.get(&app.org_path("/audit")).await;
    let actions: Vec<&str> = audit.body.as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"webhook.create") && actions.contains(&"webhook.rotate_secret"), "{actions:?}");
    assert!(!audit.text.contains(&new) && !audit.text.contains(&old));

    // After 30 days the sweeper forgets the delivered event and its log.
    let later = chrono::Utc::now() + chrono::Duration::days(31);
    let report = coffre::sweeper::sweep_once(&app.app, later).await.unwrap();
    assert_eq!(report.webhook_events_pruned, 1);
    assert!(deliveries(&app, &id).await.is_empty());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn private_addresses_are_refused_without_the_setting_at_creation_and_at_delivery() {
    let (receiver, base) = Receiver::start().await;
    let app = TestApp::spawn_with(|c| {
        quick(c);
        c.webhooks_workers = 0;
    })
    .await;
    let strict = app
        .instance_with(|c| {
            c.webhooks_allow_private = false;
            c.webhooks_workers = 1;
        })
        .await;
    let key = app.key.clone();
    let post_strict = |url: &str| {
        let req = app.client.post(format!("{}{}", strict.base, app.org_path("/webhooks"))).bearer_auth(&key);
        req.json(&json!({ "url": url })).send()
    };
    for url in [
        format!("{base}/ok"),
        "http://localhost:9/".into(),
        "http://[::ffff:10.0.0.1]/".into(),
        "http://169.254.169.254/".into(),
    ] {
        let refused = crate::helpers::read(post_strict(&url).await.unwrap()).await;
        assert_eq!(refused.problem(422, "webhook_url_refused")["reason"], "non_public_address", "{url}");
    }
    let bad = crate::helpers::read(post_strict("ftp://example.com/").await.unwrap()).await;
    bad.problem(400, "invalid_request");

    // Created where loopback is allowed, delivered by an instance where it is not: refused
    // at delivery too, without a connection.
    let (id, _) = create_webhook(&app, format!("{base}/ok"), None).await;
    available_file(&app, "private").await;
    until("a refused attempt", || async { !deliveries(&app, &id).await.is_empty() }).await;
    assert_eq!(deliveries(&app, &id).await[0]["errorClass"], "blocked_address");
    assert!(receiver.at("/ok").is_empty());
    strict.stop().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_restart_between_the_change_and_its_delivery_loses_no_event() {
    let (receiver, base) = Receiver::start().await;
    // No delivery worker: the events stay in the outbox when the server stops.
    let app = TestApp::spawn_with(|c| {
        quick(c);
        c.webhooks_workers = 0;
    })
    .await;
    let (_, secret) = create_webhook(&app, format!("{base}/ok"), None).await;
    let (year, _) = available_file(&app, "restart").await;
    app.post(&app.year_path(&year, "/close"), json!({})).await.ok(200);
    let mut config = app.app.config().clone();
    let _data = app.stop_keeping_data().await;
    assert!(receiver.at("/ok").is_empty());

    config.webhooks_workers = 2;
    let restarted = Instance::start(config).await;
    until("both events after the restart", || async { receiver.at("/ok").len() >= 2 }).await;
    let got = receiver.at("/ok");
    assert_eq!(got.len(), 2);
    verify_with_python(&got, &[&secret]);
    restarted.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_deliver_each_event_once() {
    let (receiver, base) = Receiver::start().await;
    let app = TestApp::spawn_with(quick).await;
    let other = app.instance_with(|_| {}).await;
    create_webhook(&app, format!("{base}/ok"), Some(vec!["file.deleted", "file.restored"])).await;
    let (year, file) = available_file(&app, "instances").await;

    for _ in 0..15 {
        app.delete(&app.file_path(&year, &file, "")).await.ok(204);
        app.post(&app.file_path(&year, &file, "/restore"), json!({})).await.ok(200);
    }
    let db = app.app.db().clone();
    until("every delivery to end", || async {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status <> 'succeeded'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        sqlx::Row::try_get::<i64, _>(&row, "n").unwrap() == 0
    })
    .await;

    let got = receiver.at("/ok");
    let mut ids: Vec<&str> = got.iter().map(|r| r.headers["webhook-id"].as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((got.len(), ids.len()), (30, 30));
    other.stop().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ocr_and_export_outcomes_are_sent_and_refused_changes_send_nothing() {
    let (receiver, base) = Receiver::start().await;
    let app = TestApp::spawn_with(quick).await;
    let events = vec!["file.ocr.done", "file.ocr.failed", "export.done", "file.deleted"];
    let (_, secret) = create_webhook(&app, format!("{base}/ok"), Some(events)).await;
    let (year, file) = available_file(&app, "outcomes").await;

    app.post(&app.file_path(&year, &file, "/ocr"), json!({})).await.ok(202);
    assert_eq!(app.drain_ocr().await, 1);
    let export = app.post(&app.year_path(&year, "/export"), json!({})).await.ok(202)["id"].clone();
    assert!(coffre::jobs::export::run_one(&app.app).await.unwrap());
    // Refused (423), so rolled back: no event.
    app.post(&app.year_path(&year, "/close"), json!({})).await.ok(200);
    app.delete(&app.file_path(&year, &file, "")).await.problem(423, "year_closed");

    until("the OCR and export events", || async { receiver.at("/ok").len() >= 2 }).await;
    let got = receiver.at("/ok");
    let bodies: Vec<Value> = got.iter().map(|r| serde_json::from_str(&r.body).unwrap()).collect();
    let ocr = bodies.iter().find(|b| b["type"].as_str().unwrap().starts_with("file.ocr.")).expect("an OCR event");
    assert_eq!(ocr["data"]["idFile"], file.as_str());
    assert!(ocr["data"]["idOcrJob"].is_string());
    let done = bodies.iter().find(|b| b["type"] == "export.done").expect("export.done");
    assert_eq!(done["data"], json!({"idOrganization": app.org, "idYear": year, "idExport": export}));
    verify_with_python(&got, &[&secret]);
    let pending = sqlx::query("SELECT COUNT(*) AS n FROM webhook_events").fetch_one(app.app.db().pool()).await.unwrap();
    assert_eq!(sqlx::Row::try_get::<i64, _>(&pending, "n").unwrap(), 2, "{bodies:?}");
    app.stop().await;
}
