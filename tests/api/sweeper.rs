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
async fn replaced_upload_objects_are_orphans() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let bytes = pdf("replaced");
    let old = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&old, bytes.clone()).await;
    let new = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&new, bytes).await;

    let report = coffre::sweeper::sweep_once(&app.app, Utc::now() + Duration::minutes(16)).await.unwrap();

    assert_eq!(report.orphans_removed, 1);
    assert!(!app.object_exists(old["url"].as_str().unwrap()).await);
    assert!(app.object_exists(new["url"].as_str().unwrap()).await);
    assert_eq!(app.finalize(&year, &file).await.ok(200)["status"], "available");
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
