//! Accounting integrity: closed years, the audit trail, object verification, retention,
//! year exports, usage.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{pdf, Resp, TestApp};

/// A year with a folder, an available file, a pending file with an upload URL, then closed.
struct ClosedYear {
    year: String,
    folder: String,
    available: String,
    pending: String,
}

async fn closed_year(app: &TestApp) -> ClosedYear {
    let year = app.create_year().await;
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let available = app.upload_file(&year, "a.pdf", "application/pdf", pdf("closed")).await.id();
    let pending = app.create_file(&year, json!({"name": "p.pdf"})).await.id();
    app.upload_url(&year, &pending, "application/pdf", 10).await.ok(200);
    let closed = app.post(&app.year_path(&year, "/close"), json!({})).await;
    assert_eq!(closed.ok(200)["closed"], true);
    assert!(closed.body["closedAt"].is_string());
    ClosedYear { year, folder, available, pending }
}

#[tokio::test]
async fn every_write_to_a_closed_year_is_423() {
    let app = TestApp::spawn().await;
    let c = closed_year(&app).await;
    let file = |id: &str, rest: &str| app.file_path(&c.year, id, rest);
    let folder = app.year_path(&c.year, &format!("/folders/{}", c.folder));
    let writes: Vec<(Method, String, Value)> = vec![
        (Method::POST, app.year_path(&c.year, "/files"), json!({"name": "new.pdf"})),
        (Method::PATCH, file(&c.available, ""), json!({"name": "renamed.pdf"})),
        (Method::DELETE, file(&c.available, ""), json!({})),
        (Method::POST, file(&c.pending, "/upload-url"), json!({"type": "application/pdf", "size": 10})),
        (Method::POST, file(&c.available, "/delete-url"), json!({})),
        (Method::POST, file(&c.pending, "/finalize"), json!({})),
        (Method::POST, file(&c.available, "/restore"), json!({})),
        (Method::POST, app.year_path(&c.year, "/folders"), json!({"name": "Ventes"})),
        (Method::PATCH, folder.clone(), json!({"name": "Renamed"})),
        (Method::PATCH, folder.clone(), json!({"idFolderParent": null})),
        (Method::DELETE, folder, json!({})),
    ];
    for (method, path, body) in writes {
        let resp = app.request(method.clone(), &path, Some(body)).await;
        assert_eq!(resp.status, 423, "{method} {path}: {}", resp.text);
        resp.problem(423, "year_closed");
    }
    let unchanged = app.get(&file(&c.available, "")).await.body;
    assert_eq!(unchanged["name"], "a.pdf");
    assert_eq!(unchanged["status"], "available");
}

#[tokio::test]
async fn every_read_of_a_closed_year_still_works() {
    let app = TestApp::spawn().await;
    let c = closed_year(&app).await;
    let file = |rest: &str| app.file_path(&c.year, &c.available, rest);
    let reads: Vec<(Method, String, u16)> = vec![
        (Method::GET, app.org_path("/years"), 200),
        (Method::GET, app.year_path(&c.year, ""), 200),
        (Method::GET, app.year_path(&c.year, "/folders"), 200),
        (Method::GET, app.year_path(&c.year, &format!("/folders/{}", c.folder)), 200),
        (Method::GET, app.year_path(&c.year, "/files"), 200),
        (Method::GET, file(""), 200),
        (Method::POST, file("/download-url"), 200),
        (Method::POST, file("/finalize"), 200),
        (Method::POST, file("/ocr"), 202),
        (Method::GET, file("/ocr"), 200),
        (Method::POST, app.year_path(&c.year, "/close"), 200),
        (Method::POST, app.year_path(&c.year, "/export"), 202),
        (Method::GET, app.org_path("/audit"), 200),
        (Method::GET, app.org_path("/usage"), 200),
    ];
    for (method, path, status) in reads {
        let resp = app.request(method.clone(), &path, Some(json!({}))).await;
        assert_eq!(resp.status.as_u16(), status, "{method} {path}: {}", resp.text);
    }
}

#[tokio::test]
async fn a_year_is_reopened_only_by_the_admin_command_and_it_is_recorded() {
    let app = TestApp::spawn().await;
    let c = closed_year(&app).await;

    let (ok, out, err) =
        app.cli(&["year", "reopen"], false, &["--year", &c.year, "--reason", "Erreur de clôture"]).await;

    assert!(ok, "{err}");
    assert!(out.contains("\"closed\":false"), "{out}");
    app.patch(&app.file_path(&c.year, &c.available, ""), json!({"name": "b.pdf"})).await.ok(200);
    let audit = app.get(&app.org_path(&format!("/audit?idYear={}", c.year))).await.body;
    let reopen = audit.as_array().unwrap().iter().find(|e| e["action"] == "year.reopen").expect("recorded");
    assert_eq!(reopen["actor"], "admin");
    assert_eq!(reopen["details"]["reason"], "Erreur de clôture");
    let (again, _, err) = app.cli(&["year", "reopen"], false, &["--year", &c.year, "--reason", "x"]).await;
    assert!(!again && err.contains("not closed"), "{err}");
}

/// Every change so far, in chain order.
async fn audit_entries(app: &TestApp) -> Vec<Value> {
    app.get(&app.org_path("/audit?limit=1000")).await.ok(200).as_array().unwrap().clone()
}

#[tokio::test]
async fn the_audit_trail_records_who_what_when_and_before_after() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "a.pdf", "application/pdf", pdf("audit")).await;
    let id = file.id();
    app.patch(&app.file_path(&year, &id, ""), json!({"reference": "F-1"})).await.ok(200);
    app.post(&app.file_path(&year, &id, "/download-url"), json!({})).await.ok(200);

    let entries = audit_entries(&app).await;

    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        ["year.create", "file.create", "file.upload_url", "file.finalize", "file.update", "file.download_url"]
    );
    let key_actor = entries[0]["actor"].as_str().unwrap();
    assert!(key_actor.starts_with("key:"), "{key_actor}");
    let update = &entries[4];
    assert_eq!(update["details"]["before"]["reference"], Value::Null);
    assert_eq!(update["details"]["after"]["reference"], "F-1");
    assert_eq!(entries[3]["sha256"], file.body["sha256"]);
    assert_eq!(entries[5]["sha256"], file.body["sha256"]);
    for pair in entries.windows(2) {
        assert_eq!(pair[1]["prevHash"], pair[0]["hash"]);
    }
    let by_file = app.get(&app.org_path(&format!("/audit?idFile={id}"))).await.body;
    assert_eq!(by_file.as_array().unwrap().len(), 5);
    let paged = app.get(&app.org_path("/audit?limit=2")).await;
    assert!(paged.headers["link"].to_str().unwrap().contains("after=2"));
}

async fn verify_audit(app: &TestApp) -> (bool, String, String) {
    app.cli(&["audit", "verify"], false, &["--org", &app.org]).await
}

/// Runs SQL statements on the test's database, as someone with database access would.
async fn tamper(app: &TestApp, sql: &str) {
    for statement in sql.split(';') {
        sqlx::query(statement).execute(app.app.db().pool()).await.expect("tampering statement runs");
    }
}

#[tokio::test]
async fn editing_deleting_or_reordering_audit_rows_is_detected() {
    let cases = [
        ("UPDATE audit_entries SET details = '{\"before\":{}}' WHERE seq = 3", 3, "edited"),
        ("DELETE FROM audit_entries WHERE seq = 2", 3, "deleted"),
        // Swapping two entries' places, through a free slot (the key is unique).
        (
            "UPDATE audit_entries SET seq = -1 WHERE seq = 2; UPDATE audit_entries SET seq = 2 WHERE seq = 3; \
             UPDATE audit_entries SET seq = 3 WHERE seq = -1",
            2,
            "reordered",
        ),
        ("UPDATE audit_entries SET actor = 'key:someone-else' WHERE seq = 4", 4, "edited"),
    ];
    for (sql, broken_seq, word) in cases {
        let app = TestApp::spawn().await;
        let year = app.create_year().await;
        app.upload_file(&year, "a.pdf", "application/pdf", pdf("chain")).await.ok(200);
        let (ok, out, _) = verify_audit(&app).await;
        assert!(ok && out.contains("\"valid\":true"), "{out}");

        tamper(&app, sql).await;
        let (ok, out, err) = verify_audit(&app).await;

        assert!(!ok, "{sql}: must fail");
        assert!(out.contains(&format!("\"seq\":{broken_seq}")), "{sql}: {out}");
        assert!(err.contains(&format!("entry #{broken_seq}")) && err.contains(word), "{sql}: {err}");
    }
}

#[tokio::test]
async fn verify_reports_altered_and_missing_objects() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let good = app.upload_file(&year, "good.pdf", "application/pdf", pdf("good")).await.id();
    let flipped_bytes = pdf("flipped");
    let flipped = app.upload_file(&year, "flipped.pdf", "application/pdf", flipped_bytes.clone()).await.id();
    let gone = app.upload_file(&year, "gone.pdf", "application/pdf", pdf("gone")).await.id();
    let (ok, out, _) = app.cli(&["verify"], true, &["--org", &app.org]).await;
    assert!(ok, "{out}");
    // Flip one byte of a stored object, and delete another, behind Coffre's back.
    let mut altered = flipped_bytes;
    altered[12] ^= 0x01;
    app.write_object_raw(&download_url(&app, &year, &flipped).await, altered).await;
    let gone_url = download_url(&app, &year, &gone).await;
    app.app.blob().delete(&crate::helpers::key_from_url(&gone_url)).await.unwrap();

    let (ok, out, err) = app.cli(&["verify"], true, &["--org", &app.org]).await;

    assert!(!ok, "{out}");
    assert!(err.contains("1 missing and 1 altered"), "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["checked"], 3);
    assert_eq!(report["altered"][0]["idFile"], flipped);
    assert_eq!(report["missing"][0]["idFile"], gone);
    let verified = app.get(&app.file_path(&year, &good, "")).await.body;
    assert!(verified["verifiedAt"].is_string());
}

async fn download_url(app: &TestApp, year: &str, file: &str) -> String {
    let resp = app.post(&app.file_path(year, file, "/download-url"), json!({})).await;
    resp.ok(200)["url"].as_str().unwrap().to_owned()
}

async fn year_ending(app: &TestApp, start: &str, end: &str) -> String {
    let body = json!({"label": format!("Exercice {end}"), "startingAt": start, "endingAt": end});
    let resp = app.post(&app.org_path("/years"), body).await;
    resp.ok(201);
    resp.id()
}

#[tokio::test]
async fn retention_keeps_closed_years_ten_years_then_purges_on_request() {
    let app = TestApp::spawn_with(|c| c.trash_days = 1).await;
    let old = year_ending(&app, "2010-01-01", "2010-12-31").await;
    let recent = year_ending(&app, "2020-01-01", "2020-12-31").await;
    let old_file = app.upload_file(&old, "old.pdf", "application/pdf", pdf("old")).await.id();
    let recent_file = app.upload_file(&recent, "recent.pdf", "application/pdf", pdf("recent")).await.id();
    let trashed = app.upload_file(&recent, "trashed.pdf", "application/pdf", pdf("trashed")).await.id();
    app.delete(&app.file_path(&recent, &trashed, "")).await;
    for year in [&old, &recent] {
        app.post(&app.year_path(year, "/close"), json!({})).await.ok(200);
    }

    // The trash delay does not apply to a closed year's documents.
    let swept = coffre::sweeper::sweep_once(&app.app, chrono::Utc::now() + chrono::Duration::days(60)).await.unwrap();
    let (ok, report, err) = app.cli(&["retention", "report"], true, &[]).await;
    let (refused, _, why) = app.cli(&["retention", "purge"], true, &["--before", "2026-01-01"]).await;
    let today = chrono::Utc::now().date_naive().to_string();
    let (purged, out, perr) = app.cli(&["retention", "purge"], true, &["--before", &today, "--yes"]).await;

    assert_eq!(swept.trash_purged, 0);
    assert!(ok, "{err}");
    let listed: Value = serde_json::from_str(&report).unwrap();
    let ids: Vec<&str> = listed["files"].as_array().unwrap().iter().map(|f| f["idFile"].as_str().unwrap()).collect();
    assert_eq!(ids, [old_file.as_str()]);
    assert!(!refused && why.contains("--yes"));
    assert!(purged, "{perr}");
    assert!(out.contains("\"purged\":1"), "{out}");
    app.get(&app.file_path(&old, &old_file, "")).await.problem(404, "not_found");
    app.get(&app.file_path(&recent, &recent_file, "")).await.ok(200);
    let trash = app.get(&app.year_path(&recent, "/files?status=deleted")).await;
    assert_eq!(trash.ok(200)[0]["id"], trashed.as_str(), "a closed year's trash is kept");
    let purge = audit_entries(&app).await.into_iter().find(|e| e["action"] == "file.purge").expect("recorded");
    assert_eq!(purge["idFile"], old_file);
    assert_eq!(purge["actor"], "admin");
}

#[tokio::test]
async fn usage_reports_storage_and_ocr_pages() {
    let app = TestApp::spawn().await;
    app.add_credits(7).await;
    let year = app.create_year().await;
    let bytes = pdf("usage");
    app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.ok(200);
    let pending = app.create_file(&year, json!({"name": "p"})).await.id();
    app.upload_url(&year, &pending, "application/pdf", 1234).await.ok(200);

    let usage = app.get(&app.org_path("/usage")).await;

    let usage = usage.ok(200);
    assert_eq!(usage["storage"]["usedBytes"], bytes.len());
    assert_eq!(usage["storage"]["reservedBytes"], 1234);
    assert_eq!(usage["storage"]["limitBytes"], 1u64 << 30);
    assert_eq!(usage["ocr"]["pagesAvailable"], 7);
    assert_eq!(usage["ocr"]["pagesUsed"], 0);
}

/// Downloads an export and checks it offline with the README's commands.
async fn check_archive_offline(app: &TestApp, url: &str) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = app.client.get(url).send().await.unwrap().bytes().await.unwrap();
    std::fs::write(dir.path().join("export.zip"), &bytes).unwrap();
    let script = "unzip -q export.zip -d export && cd export && sha256sum -c SHA256SUMS";
    let out = tokio::process::Command::new("sh").arg("-c").arg(script).current_dir(dir.path()).output().await.unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "offline check failed: {text}");
    (text, dir)
}

#[tokio::test]
async fn a_year_export_holds_every_file_in_its_folder_path_and_verifies_offline() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let achats = app.create_folder(&year, "Achats", None).await.id();
    let janvier = app.create_folder(&year, "Janvier", Some(&achats)).await.id();
    let mut expected = Vec::new();
    for i in 0..12 {
        let folder = [None, Some(&achats), Some(&janvier)][i % 3];
        let file = app
            .create_file(&year, json!({"name": "Facture.pdf", "idFolder": folder, "reference": format!("F-{i}")}))
            .await
            .id();
        let bytes = pdf(&format!("export {i}"));
        let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
        app.put_presigned(&upload, bytes).await;
        expected.push(app.finalize(&year, &file).await.ok(200)["sha256"].as_str().unwrap().to_owned());
    }
    app.create_file(&year, json!({"name": "pending.pdf"})).await.ok(201);

    let created = app.post(&app.year_path(&year, "/export"), json!({})).await;
    let id = created.ok(202)["id"].as_str().unwrap().to_owned();
    let queued = app.get(&app.year_path(&year, &format!("/exports/{id}"))).await.ok(200).clone();
    while coffre::jobs::export::run_one(&app.app).await.unwrap() {}
    let ready: Resp = app.get(&app.year_path(&year, &format!("/exports/{id}"))).await;

    assert_eq!(queued["status"], "queued");
    assert_eq!(queued["url"], Value::Null);
    let ready = ready.ok(200).clone();
    assert_eq!(ready["status"], "ready", "{ready}");
    assert_eq!(ready["files"], 12);
    let (checked, dir) = check_archive_offline(&app, ready["url"].as_str().unwrap()).await;
    assert_eq!(checked.matches(": OK").count(), 15, "12 files and 3 manifests: {checked}");
    let root = dir.path().join("export");
    assert!(root.join("files/Achats/Janvier/Facture.pdf").exists());
    assert!(root.join("files/Achats/Facture.pdf").exists());
    assert!(root.join("files/Facture.pdf").exists());
    let manifest: Value = serde_json::from_slice(&std::fs::read(root.join("manifest.json")).unwrap()).unwrap();
    let mut sums: Vec<String> =
        manifest["files"].as_array().unwrap().iter().map(|f| f["sha256"].as_str().unwrap().to_owned()).collect();
    sums.sort();
    expected.sort();
    assert_eq!(sums, expected);
    let csv = std::fs::read_to_string(root.join("manifest.csv")).unwrap();
    assert!(csv.starts_with("id,path,name,reference,date,type,size,sha256,fields\n"));
    assert_eq!(csv.lines().count(), 13);
    let audit = std::fs::read_to_string(root.join("audit.jsonl")).unwrap();
    assert!(audit.lines().any(|l| l.contains("\"file.finalize\"")));
}
