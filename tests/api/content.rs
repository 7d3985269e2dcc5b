use serde_json::{json, Value};

use crate::helpers::{pdf, png, sha256_hex, TestApp};

fn url(upload: &Value) -> &str {
    upload["url"].as_str().unwrap()
}

#[tokio::test]
async fn upload_finalize_download_round_trip() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "Facture été n°1.pdf"})).await.id();
    let bytes = pdf("round trip");

    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await;
    let upload = upload.ok(200).clone();
    let put = app.put_presigned(&upload, bytes.clone()).await;
    let finalized = app.finalize(&year, &file).await;
    let download = app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await;

    assert_eq!(upload["method"], "PUT");
    assert_eq!(upload["headers"]["Content-Type"], "application/pdf");
    assert_eq!(upload["headers"]["Content-Length"], bytes.len().to_string());
    assert_eq!(upload["file"]["id"], file);
    assert!(upload["expiresAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(put.status(), 200);
    let finalized = finalized.ok(200).clone();
    assert_eq!(finalized["status"], "available");
    assert_eq!(finalized["size"], bytes.len());
    assert_eq!(finalized["type"], "application/pdf");
    assert_eq!(finalized["sha256"], sha256_hex(&bytes));
    let download = download.ok(200).clone();
    assert!(download["expiresAt"].is_string());
    let got = app.client.get(download["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(got.status(), 200);
    assert_eq!(got.headers()["content-type"], "application/pdf");
    let disposition = got.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.starts_with("attachment; filename=\""), "{disposition}");
    assert!(disposition.contains("filename*=UTF-8''Facture%20%C3%A9t%C3%A9%20n%C2%B01.pdf"), "{disposition}");
    assert_eq!(got.bytes().await.unwrap().to_vec(), bytes);
}

#[tokio::test]
async fn finalize_is_idempotent_and_counts_once() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("idempotent");
    let first = app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await;
    let file = first.id();

    let second = app.finalize(&year, &file).await;

    assert_eq!(second.ok(200), first.ok(200));
    assert_eq!(app.used_bytes().await, bytes.len() as i64);
}

#[tokio::test]
async fn upload_url_validates_type_and_size() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let path = app.file_path(&year, &file, "/upload-url");

    let too_large = app.post(&path, json!({"type": "application/pdf", "size": 50_000_001})).await;
    let way_too_large = app.post(&path, json!({"type": "application/pdf", "size": 1e15})).await;
    let zip = app.post(&path, json!({"type": "application/zip", "size": 10})).await;
    let max = app.post(&path, json!({"type": "Application/PDF", "size": 50_000_000})).await;

    assert_eq!(too_large.problem(400, "file_too_large")["maxSize"], 50_000_000);
    way_too_large.problem(400, "file_too_large");
    assert!(zip.problem(415, "unsupported_media_type")["allowedTypes"]
        .as_array()
        .unwrap()
        .contains(&json!("image/heic")));
    assert_eq!(max.ok(200)["headers"]["Content-Type"], "application/pdf");
    for (body, field) in [
        (json!({"type": "application/pdf", "size": 0}), "size"),
        (json!({"type": "application/pdf", "size": -3}), "size"),
        (json!({"type": "application/pdf", "size": 1.5}), "size"),
        (json!({"type": "application/pdf", "size": "12"}), "size"),
        (json!({"size": 12}), "type"),
        (json!({"type": "application/pdf"}), "size"),
        (json!({"type": "application/pdf", "size": 12, "idFile": "01m8hn6b4b9c7nabdj579d3wst"}), "idFile"),
    ] {
        assert_eq!(app.post(&path, body.clone()).await.problem(400, "invalid_request")["field"], field, "{body}");
    }
}

#[tokio::test]
async fn quota_is_reserved_by_upload_urls() {
    let app = TestApp::spawn().await;
    coffre::db::orgs::set_quota(app.app.db(), &app.org, 1000).await.unwrap();
    let year = app.create_year().await;
    let a = app.create_file(&year, json!({"name": "a"})).await.id();
    let b = app.create_file(&year, json!({"name": "b"})).await.id();

    let first = app.upload_url(&year, &a, "application/pdf", 600).await;
    let second = app.upload_url(&year, &b, "application/pdf", 600).await;
    let again_same_file = app.upload_url(&year, &a, "application/pdf", 1000).await;

    first.ok(200);
    let problem = second.problem(403, "storage_quota_exceeded");
    assert_eq!(problem["limit"], 1000);
    assert_eq!(problem["reserved"], 600);
    assert_eq!(problem["requested"], 600);
    // A new URL for the same file replaces its own reservation.
    again_same_file.ok(200);
}

/// A reservation stops counting when its URL expires, before any sweep: the upload-url
/// route checks the maintained counter, and releases the organization's expired
/// reservations itself when that check refuses.
#[tokio::test]
async fn an_expired_reservation_never_blocks_a_new_upload_url() {
    let app = TestApp::spawn().await;
    coffre::db::orgs::set_quota(app.app.db(), &app.org, 1000).await.unwrap();
    let year = app.create_year().await;
    let a = app.create_file(&year, json!({"name": "a"})).await.id();
    let b = app.create_file(&year, json!({"name": "b"})).await.id();
    let c = app.create_file(&year, json!({"name": "c"})).await.id();
    app.upload_url(&year, &a, "application/pdf", 600).await.ok(200);
    app.upload_url(&year, &b, "application/pdf", 300).await.ok(200);
    // a's URL expires; no sweeper runs.
    sqlx::query("UPDATE files SET upload_expires_at = 1 WHERE id = $1")
        .bind(&a)
        .execute(app.app.db().pool())
        .await
        .unwrap();

    let usage_before = app.get(&format!("/organizations/{}/usage", app.org)).await.ok(200).clone();
    let over = app.upload_url(&year, &c, "application/pdf", 701).await;
    let fits = app.upload_url(&year, &c, "application/pdf", 700).await;
    let usage_after = app.get(&format!("/organizations/{}/usage", app.org)).await.ok(200).clone();

    assert_eq!(usage_before["storage"]["reservedBytes"], 300, "{usage_before}");
    let problem = over.problem(403, "storage_quota_exceeded");
    assert_eq!(problem["reserved"], 300, "only b's live reservation counts: {problem}");
    fits.ok(200);
    assert_eq!(usage_after["storage"]["reservedBytes"], 1000, "{usage_after}");
    // The expired reservation was released once: the counter is b's and c's, before and
    // after a sweep.
    assert_eq!(reserved_counter(&app).await, 1000);
    let report = coffre::sweeper::sweep_once(&app.app, chrono::Utc::now()).await.unwrap();
    assert_eq!(reserved_counter(&app).await, 1000, "{report:?}");
}

/// The organization's maintained counter of reserved bytes, as stored.
async fn reserved_counter(app: &TestApp) -> i64 {
    use sqlx::Row;
    let row = sqlx::query("SELECT reserved_bytes FROM organizations WHERE id = $1")
        .bind(&app.org)
        .fetch_one(app.app.db().pool())
        .await
        .unwrap();
    row.try_get("reserved_bytes").unwrap()
}

#[tokio::test]
async fn finalized_content_is_immutable() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "a.pdf", "application/pdf", pdf("immutable")).await.id();

    let resp = app.upload_url(&year, &file, "application/pdf", 10).await;

    resp.problem(409, "content_immutable");
}

#[tokio::test]
async fn finalize_without_upload_is_upload_missing() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();

    app.finalize(&year, &file).await.problem(409, "upload_missing");
    app.upload_url(&year, &file, "application/pdf", 10).await.ok(200);
    app.finalize(&year, &file).await.problem(409, "upload_missing");

    assert_eq!(app.get(&app.file_path(&year, &file, "")).await.body["status"], "pending");
}

#[tokio::test]
async fn size_mismatch_deletes_the_object_and_allows_a_retry() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let bytes = pdf("size");
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    // An object of the wrong size, as a store that does not check lengths might hold.
    app.write_object_raw(url(&upload), b"%PDF-1.4 short".to_vec()).await;

    let refused = app.finalize(&year, &file).await;

    let problem = refused.problem(422, "size_mismatch");
    assert_eq!(problem["declaredSize"], bytes.len());
    assert_eq!(problem["actualSize"], 14);
    assert!(!app.object_exists(url(&upload)).await, "a refused object is deleted");
    assert_eq!(app.get(&app.file_path(&year, &file, "")).await.body["status"], "pending");
    assert_eq!(app.put_presigned(&upload, bytes).await.status(), 200);
    assert_eq!(app.finalize(&year, &file).await.ok(200)["status"], "available");
}

#[tokio::test]
async fn bytes_of_another_type_are_refused() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let zip = b"PK\x03\x04\x14\x00\x00\x00not a pdf at all".to_vec();
    let upload = app.upload_url(&year, &file, "application/pdf", zip.len() as u64).await.ok(200).clone();
    assert_eq!(app.put_presigned(&upload, zip).await.status(), 200);

    let refused = app.finalize(&year, &file).await;

    assert_eq!(refused.problem(422, "content_type_mismatch")["declaredType"], "application/pdf");
    assert!(!app.object_exists(url(&upload)).await);
    assert_eq!(app.used_bytes().await, 0);
}

#[tokio::test]
async fn hash_given_at_create_must_match() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = png("hash");
    let file = app.create_file(&year, json!({"name": "a.png", "hash": sha256_hex(b"other bytes")})).await.id();
    let upload = app.upload_url(&year, &file, "image/png", bytes.len() as u64).await.ok(200).clone();
    assert_eq!(app.put_presigned(&upload, bytes.clone()).await.status(), 200);

    let refused = app.finalize(&year, &file).await;

    assert_eq!(refused.problem(422, "hash_mismatch")["actualHash"], sha256_hex(&bytes));
    assert_eq!(app.get(&app.file_path(&year, &file, "")).await.body["status"], "pending");
}

#[tokio::test]
async fn duplicate_content_is_refused_at_finalize_unless_allowed() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("duplicate");
    let first = app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.id();

    let dup = app.upload_file(&year, "b.pdf", "application/pdf", bytes.clone()).await;
    let allowed_file = app.create_file(&year, json!({"name": "c.pdf", "allowDuplicate": true})).await.id();
    let upload = app.upload_url(&year, &allowed_file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&upload, bytes.clone()).await;
    let allowed = app.finalize(&year, &allowed_file).await;

    assert_eq!(dup.problem(409, "duplicate_file")["idFileExisting"], first);
    assert_eq!(allowed.ok(200)["sha256"], sha256_hex(&bytes));
    assert_eq!(app.used_bytes().await, 2 * bytes.len() as i64);
}

#[tokio::test]
async fn download_and_delete_urls_need_content() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();

    app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.problem(409, "no_content");
    app.post(&app.file_path(&year, &file, "/delete-url"), json!({})).await.problem(409, "no_content");
}

#[tokio::test]
async fn delete_url_detaches_content_at_once() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("detach");
    let file = app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.id();
    let download = app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.ok(200).clone();

    let signed = app.post(&app.file_path(&year, &file, "/delete-url"), json!({"idFile": file})).await;

    let signed = signed.ok(200).clone();
    let now = app.get(&app.file_path(&year, &file, "")).await.body;
    assert_eq!(now["status"], "pending");
    assert_eq!(now["sha256"], Value::Null);
    assert_eq!(app.used_bytes().await, bytes.len() as i64, "the bytes count until they are deleted");
    let deleted = app.client.delete(signed["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(deleted.status(), 204);
    if matches!(app.app.blob(), coffre::blob::BlobStore::Local(_)) {
        assert_eq!(app.used_bytes().await, 0, "the embedded endpoint releases them as it deletes them");
    }
    assert_eq!(app.client.get(download["url"].as_str().unwrap()).send().await.unwrap().status(), 404);
    // The file takes a new upload.
    let again = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&again, bytes).await;
    assert_eq!(app.finalize(&year, &file).await.ok(200)["status"], "available");
}

#[tokio::test]
async fn wrong_length_or_type_put_is_refused_by_the_endpoint() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a"})).await.id();
    let upload = app.upload_url(&year, &file, "application/pdf", 20).await.ok(200).clone();
    let url = upload["url"].as_str().unwrap();

    let longer =
        app.client.put(url).header("content-type", "application/pdf").body(vec![b'%'; 21]).send().await.unwrap();
    let other_type = app.client.put(url).header("content-type", "image/png").body(vec![b'%'; 20]).send().await.unwrap();

    for resp in [longer, other_type] {
        assert_eq!(resp.status(), 403);
        let body = resp.text().await.unwrap();
        assert!(body.contains("<Code>SignatureDoesNotMatch</Code>"), "{body}");
    }
}

#[tokio::test]
async fn a_50_megabyte_upload_works() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.resize(50_000_000, 0x42);

    let resp = app.upload_file(&year, "big.pdf", "application/pdf", bytes.clone()).await;

    let file = resp.ok(200);
    assert_eq!(file["size"], 50_000_000);
    assert_eq!(file["sha256"], sha256_hex(&bytes));
}
