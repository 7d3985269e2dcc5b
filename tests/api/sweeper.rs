use chrono::{Duration, Utc};
use serde_json::json;

use crate::helpers::{pdf, TestApp};

#[tokio::test]
async fn abandoned_uploads_are_swept_and_their_reservation_released() {
    let app = TestApp::spawn().await;
    coffre::db::orgs::set_quota(app.app.db(), &app.org, 1000).await.unwrap();
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let bytes = pdf("abandoned");
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&upload, bytes).await;
    let url = upload["url"].as_str().unwrap();

    let early = coffre::sweeper::sweep_once(&app.app, Utc::now()).await.unwrap();
    let late = coffre::sweeper::sweep_once(&app.app, Utc::now() + Duration::hours(3)).await.unwrap();

    assert_eq!(early.orphans_removed, 0, "a live upload is left alone");
    assert_eq!(late.uploads_expired, 1);
    assert_eq!(late.orphans_removed, 1);
    assert!(!app.object_exists(url).await);
    app.finalize(&year, &file).await.problem(409, "upload_missing");
    let other = app.create_file(&year, json!({"name": "b"})).await.id();
    app.upload_url(&year, &other, "application/pdf", 1000).await.ok(200);
}

#[tokio::test]
async fn bytes_put_through_a_finalized_files_url_are_orphans() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let bytes = pdf("finalized");
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&upload, bytes.clone()).await;
    app.finalize(&year, &file).await.ok(200);
    let late = app.put_presigned(&upload, pdf("too late")).await.status();

    let report = coffre::sweeper::sweep_once(&app.app, Utc::now() + Duration::minutes(16)).await.unwrap();

    let stored_late = late == 200;
    assert_eq!(report.orphans_removed, usize::from(stored_late), "a late PUT's bytes are swept");
    assert!(!app.object_exists(upload["url"].as_str().unwrap()).await, "the upload slot is empty");
    let report = coffre::integrity::verify(&app.app, &app.org, None).await.unwrap();
    assert!(report.is_clean() && report.ok == 1, "{report:?}");
}

#[tokio::test]
async fn detached_content_is_deleted_even_if_the_client_never_calls_the_url() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "a.pdf", "application/pdf", pdf("detached")).await.id();
    let download = app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.ok(200).clone();
    app.post(&app.file_path(&year, &file, "/delete-url"), json!({})).await.ok(200);

    let report = coffre::sweeper::sweep_once(&app.app, Utc::now() + Duration::minutes(16)).await.unwrap();

    assert_eq!(report.deletions_done, 1);
    assert!(!app.object_exists(download["url"].as_str().unwrap()).await);
}

/// Usage as the files say it should be: the sizes of contents still held (available or in the
/// trash), plus detached contents whose deletion is owed.
pub async fn expected_usage(app: &TestApp) -> i64 {
    use sqlx::Row;
    let files = sqlx::query(
        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) AS s FROM files WHERE id_organization = $1 AND content_key IS NOT NULL",
    )
    .bind(&app.org)
    .fetch_one(app.app.db().pool())
    .await
    .unwrap();
    let held = sqlx::query(
        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) AS s FROM object_deletions WHERE id_organization = $1",
    )
    .bind(&app.org)
    .fetch_one(app.app.db().pool())
    .await
    .unwrap();
    files.get::<i64, _>("s") + held.get::<i64, _>("s")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_sweepers_purge_and_release_each_thing_once() {
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    let year = app.create_year().await;
    let mut trashed = Vec::new();
    for i in 0..12 {
        let file = app.upload_file(&year, &format!("t{i}.pdf"), "application/pdf", pdf(&format!("trash {i}"))).await;
        let file = file.id();
        app.delete(&app.file_path(&year, &file, "")).await.ok(204);
        trashed.push(file);
    }
    let kept = app.upload_file(&year, "kept.pdf", "application/pdf", pdf("kept")).await.id();
    for i in 0..6 {
        let file = app.upload_file(&year, &format!("d{i}.pdf"), "application/pdf", pdf(&format!("detach {i}"))).await;
        app.post(&app.file_path(&year, &file.id(), "/delete-url"), json!({})).await.ok(200);
    }
    let later = Utc::now() + Duration::days(31);

    let (a, b) =
        tokio::join!(coffre::sweeper::sweep_once(&app.app, later), coffre::sweeper::sweep_once(&other.app, later));

    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.trash_purged + b.trash_purged, 12, "each file purged once: {a:?} {b:?}");
    // Owed deletions (6 detached contents, 12 purged ones) are all done, none twice.
    assert!(a.deletions_done + b.deletions_done <= 6 + 12, "{a:?} {b:?}");
    let owed = sqlx::query("SELECT object_key FROM object_deletions").fetch_all(app.app.db().pool()).await.unwrap();
    assert!(owed.is_empty(), "no deletion left owed");
    assert_eq!(app.used_bytes().await, expected_usage(&app).await);
    assert_eq!(app.used_bytes().await, pdf("kept").len() as i64);
    let audit = app.get(&format!("{}?limit=1000", app.org_path("/audit"))).await;
    let purges: Vec<&str> = audit
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "file.purge")
        .map(|e| e["idFile"].as_str().unwrap())
        .collect();
    assert_eq!(purges.len(), 12, "one purge entry per file");
    let unique: std::collections::HashSet<&str> = purges.iter().copied().collect();
    assert_eq!(unique.len(), 12);
    assert!(coffre::db::audit::verify(app.app.db(), &app.org).await.unwrap().is_ok());
    app.get(&app.file_path(&year, &kept, "")).await.ok(200);
    other.stop().await;
}
