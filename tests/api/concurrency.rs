use futures_util::future::join_all;
use serde_json::json;

use crate::helpers::{pdf, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_upload_urls_never_exceed_the_quota() {
    let app = TestApp::spawn().await;
    let size = 1_000_000u64;
    coffre::db::orgs::set_quota(app.app.db(), &app.org, 10 * size as i64).await.unwrap();
    let year = app.create_year().await;
    let mut files = Vec::new();
    for i in 0..20 {
        files.push(app.create_file(&year, json!({"name": format!("f{i}")})).await.id());
    }

    let results = join_all(files.iter().map(|f| app.upload_url(&year, f, "application/pdf", size))).await;

    let granted = results.iter().filter(|r| r.status == 200).count();
    let refused = results.iter().filter(|r| r.status == 403).count();
    assert_eq!(granted, 10, "exactly the quota's worth of reservations");
    assert_eq!(refused, 10);
    for r in results.iter().filter(|r| r.status == 403) {
        r.problem(403, "storage_quota_exceeded");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_finalizes_count_the_size_once() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("parallel finalize");
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    assert_eq!(app.put_presigned(&upload, bytes.clone()).await.status(), 200);

    let results = join_all((0..2).map(|_| app.finalize(&year, &file))).await;

    for r in &results {
        assert_eq!(r.ok(200)["status"], "available");
    }
    assert_eq!(results[0].body, results[1].body);
    assert_eq!(app.used_bytes().await, bytes.len() as i64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn crossed_parallel_moves_never_make_a_cycle() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    for round in 0..5 {
        let a = app.create_folder(&year, &format!("A{round}"), None).await.id();
        let b = app.create_folder(&year, &format!("B{round}"), None).await.id();
        let path = |id: &str| app.year_path(&year, &format!("/folders/{id}"));

        let (path_a, path_b) = (path(&a), path(&b));

        let (ab, ba) = tokio::join!(
            app.patch(&path_a, json!({"idFolderParent": b})),
            app.patch(&path_b, json!({"idFolderParent": a}))
        );

        let statuses = [ab.status.as_u16(), ba.status.as_u16()];
        assert!(statuses.contains(&200) && statuses.contains(&409), "{statuses:?}");
        let refused = if ab.status == 409 { &ab } else { &ba };
        refused.problem(409, "folder_cycle");
        let a_parent = app.get(&path(&a)).await.body["idFolderParent"].clone();
        let b_parent = app.get(&path(&b)).await.body["idFolderParent"].clone();
        assert!(a_parent.is_null() || b_parent.is_null(), "cycle: {a_parent} <-> {b_parent}");
    }
}

/// A write that reads before it takes the organization's lock (PostgreSQL) and finds the row
/// changed once it has the lock runs again under the lock: its audit entry records the row as
/// it was when trashed, not as it was first read. On SQLite the request waits for the writer
/// before reading, with the same outcome.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_trash_that_read_a_stale_row_before_the_lock_records_the_fresh_one() {
    use coffre::db::{files, lock_row, Backend, Lockable};
    let app = TestApp::spawn().await;
    let db = app.app.db().clone();
    let year = app.create_year().await;
    let id = app.create_file(&year, json!({"name": "before.pdf"})).await.id();
    // Another writer holds the organization's lock (and, on SQLite, the write connection).
    let mut held = db.begin_write().await.unwrap();
    lock_row(&mut held, db.backend(), Lockable::Organization, &app.org).await.unwrap();
    let waiting_before = db.pool_state().waiting;

    let delete = {
        let (client, url) = (app.client.clone(), app.url(&app.file_path(&year, &id, "")));
        let key = app.key.clone();
        tokio::spawn(async move { client.delete(url).bearer_auth(key).send().await.unwrap().status().as_u16() })
    };
    // Wait until the request queues for the writer (SQLite) or for the lock (PostgreSQL),
    // having read the file.
    loop {
        let waiting = match db.backend() {
            Backend::Sqlite => db.pool_state().waiting > waiting_before,
            Backend::Postgres => {
                let row: (i64,) = sqlx::query_as(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF o%'",
                )
                .fetch_one(db.pool())
                .await
                .unwrap();
                row.0 > 0
            }
        };
        if waiting {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let mut file = files::get(&db, &app.org, &year, &id).await.unwrap().unwrap();
    file.name = "after.pdf".into();
    file.last_updated_at += 1;
    assert!(files::update_metadata(&mut held, &file, None).await.unwrap());
    held.commit().await.unwrap();

    assert_eq!(delete.await.unwrap(), 204);
    let audit = app.get(&app.org_path("/audit?limit=1000")).await;
    let entries = audit.ok(200).as_array().unwrap().clone();
    let trashed = entries.iter().find(|e| e["action"] == "file.delete").expect("a file.delete entry");
    assert_eq!(trashed["details"]["name"], "after.pdf", "{trashed}");
    let (ok, out, err) = app.cli(&["audit", "verify"], false, &["--org", &app.org]).await;
    assert!(ok, "the audit chain holds: {out} {err}");
}

/// Eight parallel finalizes of one upload send one `file.available` event: the finalizes that
/// find the file already available, or its upload slot emptied by the winner, leave no outbox row.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_finalizes_emit_one_file_available_event() {
    let app = TestApp::spawn().await;
    sqlx::query(
        "INSERT INTO webhook_endpoints (id, id_organization, url, events, secret, created_at, updated_at) \
         VALUES ($1, $2, 'http://127.0.0.1:9/hook', ',file.available,', 'whsec_test', 0, 0)",
    )
    .bind(coffre::domain::new_id())
    .bind(&app.org)
    .execute(app.app.db().pool())
    .await
    .unwrap();
    let year = app.create_year().await;
    let bytes = pdf("one event");
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    assert_eq!(app.put_presigned(&upload, bytes).await.status(), 200);

    let results = join_all((0..8).map(|_| app.finalize(&year, &file))).await;

    for r in &results {
        assert_eq!(r.ok(200)["status"], "available");
    }
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM webhook_events WHERE type = 'file.available'")
        .fetch_one(app.app.db().pool())
        .await
        .unwrap();
    assert_eq!(events, 1, "one event for one finalized upload");
}
