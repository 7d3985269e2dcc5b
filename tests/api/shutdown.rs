//! SIGTERM on the real `coffre serve`: it stops accepting connections, lets a request in
//! flight finish, exits 0; and it does not wait longer than `--shutdown-timeout` for a
//! request that never ends. Also: its first start on an empty database says how to create an
//! organization, and `COFFRE_LOG_FORMAT=json` writes JSON lines.

use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

use crate::helpers::TestApp;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start(args: Vec<String>, port: u16, extra_env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coffre"));
    command
        .arg("serve")
        .args(args)
        .args(["--listen", &format!("127.0.0.1:{port}"), "--ocr-workers", "0", "--shutdown-timeout", "2"])
        .env("COFFRE_LOG", "info")
        .stdout(Stdio::null())
        .stderr(if extra_env.is_empty() { Stdio::null() } else { Stdio::piped() })
        .kill_on_drop(true);
    for (name, value) in extra_env {
        command.env(name, value);
    }
    let child = command.spawn().expect("coffre serve starts");
    for _ in 0..400 {
        if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("coffre serve never listened on {port}");
}

fn terminate(child: &Child) {
    let pid = child.id().expect("running").to_string();
    let status = std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(status.success());
}

/// Sends a request's head and half its body on a connection the server has already served
/// once (so it is accepted, not waiting in the backlog).
async fn half_sent_request(app: &TestApp, port: u16) -> (TcpStream, &'static [u8]) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n").await.unwrap();
    let mut buf = [0u8; 512];
    let n = stream.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    let body: &'static [u8] = br#"{"label":"Exercice 2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}"#;
    let head = format!(
        "POST /organizations/{}/years HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {}\r\n\
         content-type: application/json\r\ncontent-length: {}\r\n\r\n",
        app.org,
        app.key,
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body[..10]).await.unwrap();
    // Time for the server to read the head and start the handler; nothing to poll for.
    tokio::time::sleep(Duration::from_millis(300)).await;
    (stream, &body[10..])
}

async fn exits_within(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    tokio::time::timeout(limit, child.wait()).await.expect("the server exits in time").unwrap()
}

#[tokio::test]
async fn sigterm_stops_accepting_finishes_the_request_in_flight_and_exits_0() {
    let app = TestApp::spawn().await;
    let port = free_port();
    let mut child = start(app.backend_args(true), port, &[]).await;
    let (mut stream, rest) = half_sent_request(&app, port).await;

    terminate(&child);
    let mut refused = false;
    for _ in 0..200 {
        if TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    stream.write_all(rest).await.unwrap();
    let mut answer = String::new();
    BufReader::new(&mut stream).read_line(&mut answer).await.unwrap();
    let status = exits_within(&mut child, Duration::from_secs(10)).await;

    assert!(refused, "new connections are still accepted after SIGTERM");
    assert!(answer.starts_with("HTTP/1.1 201"), "the request in flight got {answer:?}");
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn sigterm_does_not_wait_longer_than_the_shutdown_timeout() {
    let app = TestApp::spawn().await;
    let port = free_port();
    let mut child = start(app.backend_args(true), port, &[]).await;
    let (_stalled, _) = half_sent_request(&app, port).await;

    let started = Instant::now();
    terminate(&child);
    let status = exits_within(&mut child, Duration::from_secs(10)).await;

    assert_eq!(status.code(), Some(0));
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(1900) && took < Duration::from_secs(6), "took {took:?}");
}

#[tokio::test]
async fn first_start_says_how_to_create_an_organization_in_json_logs() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut args = vec!["--data-dir".to_owned(), data_dir.display().to_string()];
    if let Ok(admin) = std::env::var("COFFRE_TEST_DATABASE_URL") {
        // A fresh PostgreSQL database, empty like a new deployment's.
        let config = TestApp::test_config(data_dir.clone()).await;
        args.extend(["--database-url".to_owned(), config.database_url.unwrap_or(admin)]);
    }
    let port = free_port();
    let mut child = start(args, port, &[("COFFRE_LOG_FORMAT", "json")]).await;
    terminate(&child);
    exits_within(&mut child, Duration::from_secs(10)).await;
    let mut logs = String::new();
    child.stderr.take().unwrap().read_to_string(&mut logs).await.unwrap();

    let lines: Vec<serde_json::Value> =
        logs.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}"))).collect();
    let messages: Vec<&str> = lines.iter().filter_map(|l| l["message"].as_str()).collect();
    let summary = messages.iter().find(|m| m.starts_with("coffre listening")).expect("a start-up line");
    assert!(summary.contains(&format!("127.0.0.1:{port}")) && summary.contains("database:"), "{summary}");
    let hint = messages.iter().find(|m| m.contains("coffre org create --name")).expect("a first-run hint");
    assert!(hint.contains("--data-dir") || hint.contains("--database-url"), "{hint}");
}
