//! Clients that hang up mid-request (a load balancer's deadline, a closed browser tab) must
//! leave nothing behind: no open transaction, no lock held, no half-written state.

use std::time::{Duration, Instant};

use futures_util::future::join_all;
use serde_json::json;
use tokio::io::AsyncWriteExt;

use crate::helpers::TestApp;

/// Sends `count` complete `POST .../files` requests on fresh connections and closes each
/// connection a few hundred microseconds to a few milliseconds later, before the answer.
async fn hang_up_requests(app: &TestApp, year: &str, client: usize, count: usize) {
    let addr = app.base.trim_start_matches("http://").to_owned();
    let path = app.year_path(year, "/files");
    for i in 0..count {
        let body = json!({"name": format!("hangup-{client}-{i}.pdf")}).to_string();
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            app.key,
            body.len()
        );
        let Ok(mut stream) = tokio::net::TcpStream::connect(&addr).await else { continue };
        if stream.write_all(request.as_bytes()).await.is_err() {
            continue;
        }
        // Spread the hang-ups over the handler's whole run: before, during and after its
        // transaction.
        tokio::time::sleep(Duration::from_micros(((client * 7919 + i * 104_729) % 3000) as u64)).await;
        drop(stream);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn clients_that_hang_up_leave_no_transaction_open() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;

    join_all((0..16).map(|c| hang_up_requests(&app, &year, c, 150))).await;

    // Writes are served at once afterwards (a leaked SQLite write lock made every later write
    // wait ~30 s for its busy timeout, then fail).
    let started = Instant::now();
    let probe = tokio::time::timeout(Duration::from_secs(10), app.create_file(&year, json!({"name": "after.pdf"})));
    let created = probe.await.expect("a write after the hang-ups is served, not stuck on a lock");
    created.ok(201);
    eprintln!("first write after 2400 hang-ups served in {:?}", started.elapsed());
    let started = Instant::now();
    let tx = tokio::time::timeout(Duration::from_secs(10), app.app.db().begin_write()).await;
    tx.expect("the write lock is free").expect("a write transaction starts").rollback().await.unwrap();
    eprintln!("write transaction started in {:?}", started.elapsed());

    // The server stops cleanly, once every request still running has finished.
    let config = app.app.config().clone();
    let org = app.org.clone();
    let stopped = tokio::time::timeout(Duration::from_secs(30), app.stop_keeping_data());
    let _data = stopped.await.expect("the server stops");

    // Every request either committed whole (the file and its audit entry) or left nothing.
    use sqlx::Row;
    let db = coffre::db::Db::connect(&config.database_url(), coffre::db::PoolSettings::admin()).await.unwrap();
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM files WHERE id_organization = $1")
        .bind(&org)
        .fetch_one(db.pool())
        .await
        .unwrap()
        .get("n");
    eprintln!("{count} files committed");
    let entries = coffre::db::audit::verify(&db, &org).await.unwrap().expect("the audit chain is intact");
    // One entry for the year, one per file.
    assert_eq!(entries, count as u64 + 1, "every created file has exactly its audit entry");
}
