//! Finalized content cannot be replaced through any URL, old or new; dead upload URLs store
//! nothing that is ever served; what a tenant can occupy is bounded.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{key_from_url, pdf, sha256_hex, TestApp};

fn embedded(app: &TestApp) -> bool {
    matches!(app.app.blob(), coffre::blob::BlobStore::Local(_))
}

async fn download(app: &TestApp, year: &str, file: &str) -> Vec<u8> {
    let signed = app.post(&app.file_path(year, file, "/download-url"), json!({})).await.ok(200).clone();
    let resp = app.client.get(signed["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    resp.bytes().await.unwrap().to_vec()
}

/// Objects of `file` in the store, whatever their key.
async fn objects_of(app: &TestApp, file: &str) -> usize {
    app.app.blob().list().await.unwrap().iter().filter(|o| o.key.id_file() == file).count()
}

#[tokio::test]
async fn finalized_bytes_cannot_be_replaced_through_the_upload_url() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let original = pdf("original-0");
    let forged = pdf("forged!-00");
    assert_eq!(original.len(), forged.len());
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let upload = app.upload_url(&year, &file, "application/pdf", original.len() as u64).await.ok(200).clone();
    assert_eq!(app.put_presigned(&upload, original.clone()).await.status(), 200);
    let finalized = app.finalize(&year, &file).await.ok(200).clone();

    // The same URL, still within its lifetime, with other bytes of the same length and type.
    let replay = app.put_presigned(&upload, forged.clone()).await.status();
    app.post(&app.year_path(&year, "/close"), json!({})).await.ok(200);
    let replay_after_close = app.put_presigned(&upload, forged).await.status();

    if embedded(&app) {
        assert_eq!(replay, 403, "the embedded endpoint refuses a finalized upload's URL");
        assert_eq!(replay_after_close, 403);
    }
    assert_eq!(download(&app, &year, &file).await, original, "the download serves the finalized bytes");
    assert_eq!(finalized["sha256"], sha256_hex(&original));
    let report = coffre::integrity::verify(&app.app, &app.org, None).await.unwrap();
    assert!(report.is_clean(), "coffre verify finds nothing altered: {report:?}");
}

#[tokio::test]
async fn the_copy_finalize_hashes_keeps_its_bytes_when_the_slot_is_written_again() {
    let app = TestApp::spawn().await;
    let (org, file) = (coffre::domain::new_id(), coffre::domain::new_id());
    let slot = coffre::blob::ObjectKey::upload_slot(&org, &file);
    let content = coffre::blob::ObjectKey::new_content(&org, &file);
    let first = pdf("first bytes");
    let signed = app.app.blob().presign_put(&slot, "", "application/pdf", first.len() as u64, 60);
    app.write_object_raw(&signed.url, first.clone()).await;

    assert!(app.app.blob().copy(&slot, &content).await.unwrap());
    app.write_object_raw(&signed.url, pdf("later bytes")).await;

    let digest = app.app.blob().digest(&content).await.unwrap().expect("the copy exists");
    assert_eq!(digest.sha256, sha256_hex(&first));
    let missing = coffre::blob::ObjectKey::upload_slot(&org, &coffre::domain::new_id());
    assert!(!app.app.blob().copy(&missing, &content).await.unwrap(), "copying nothing is reported");
}

#[tokio::test]
async fn a_replaced_upload_url_is_dead() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let old_bytes = pdf("old");
    let new_bytes = pdf("new!");
    let old = app.upload_url(&year, &file, "application/pdf", old_bytes.len() as u64).await.ok(200).clone();
    let new = app.upload_url(&year, &file, "application/pdf", new_bytes.len() as u64).await.ok(200).clone();

    let late = app.put_presigned(&old, old_bytes).await.status();

    if embedded(&app) {
        assert_eq!(late, 403, "the replaced URL stopped working");
        app.finalize(&year, &file).await.problem(409, "upload_missing");
    } else {
        // An external store still takes the PUT, but its bytes are never the file's content.
        app.finalize(&year, &file).await.problem(422, "size_mismatch");
    }
    assert_eq!(app.put_presigned(&new, new_bytes.clone()).await.status(), 200);
    assert_eq!(app.finalize(&year, &file).await.ok(200)["sha256"], sha256_hex(&new_bytes));
    assert_eq!(download(&app, &year, &file).await, new_bytes);
}

#[tokio::test]
async fn a_deleted_files_upload_url_is_dead() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let bytes = pdf("deleted");
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.delete(&app.file_path(&year, &file, "")).await.ok(204);

    let put = app.put_presigned(&upload, bytes).await.status();

    if embedded(&app) {
        assert_eq!(put, 403);
        assert!(!app.object_exists(upload["url"].as_str().unwrap()).await);
    }
    app.finalize(&year, &file).await.problem(409, "file_deleted");
}

#[tokio::test]
async fn many_upload_urls_for_one_file_occupy_one_slot() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let bytes = vec![b'%'; 64 * 1024];
    let mut urls: Vec<Value> = Vec::new();
    for _ in 0..20 {
        urls.push(app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone());
    }

    let mut accepted = 0;
    for upload in &urls {
        if app.put_presigned(upload, bytes.clone()).await.status() == 200 {
            accepted += 1;
        }
    }

    if embedded(&app) {
        assert_eq!(accepted, 1, "only the live URL stores bytes");
    }
    let keys: std::collections::HashSet<String> =
        urls.iter().map(|u| key_from_url(u["url"].as_str().unwrap()).as_str().to_owned()).collect();
    assert_eq!(keys.len(), 1, "every URL of a file writes its one upload slot");
    assert_eq!(objects_of(&app, &file).await, 1, "twenty URLs, one object");
}

#[tokio::test]
async fn detached_content_counts_until_its_bytes_are_gone() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let size = pdf("cycle-0").len() as i64;
    coffre::db::orgs::set_quota(app.app.db(), &app.org, 3 * size).await.unwrap();
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();

    // Upload, finalize, detach, again: each detached content is held until deleted.
    let mut delete_urls = Vec::new();
    for i in 0..3 {
        let bytes = pdf(&format!("cycle-{i}"));
        let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
        app.put_presigned(&upload, bytes).await;
        app.finalize(&year, &file).await.ok(200);
        let signed = app.post(&app.file_path(&year, &file, "/delete-url"), json!({})).await.ok(200).clone();
        delete_urls.push(signed["url"].as_str().unwrap().to_owned());
    }
    assert_eq!(app.used_bytes().await, 3 * size, "detached bytes still count");
    app.upload_url(&year, &file, "application/pdf", size as u64).await.problem(403, "storage_quota_exceeded");

    // The client deletes one through its URL; the sweeper deletes the others once due.
    assert_eq!(app.client.delete(&delete_urls[0]).send().await.unwrap().status().as_u16() / 100, 2);
    let later = Utc::now() + Duration::minutes(16);
    let report = coffre::sweeper::sweep_once(&app.app, later).await.unwrap();

    assert_eq!(app.used_bytes().await, 0, "released once the bytes are gone");
    let expected_by_sweeper = if embedded(&app) { 2 } else { 3 };
    assert_eq!(report.deletions_done, expected_by_sweeper);
    assert_eq!(objects_of(&app, &file).await, 0);
    app.upload_url(&year, &file, "application/pdf", size as u64).await.ok(200);
}
