//! Year exports are bounded: reused while the year is unchanged, one queued or running per
//! year, expired and deleted after their time to live, fair between organizations, failed
//! after three claims; and their archives always extract, whatever the names.

use chrono::Utc;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{pdf, Resp, TestApp};

async fn request_export(app: &TestApp, year: &str) -> String {
    app.post(&app.year_path(year, "/export"), json!({})).await.ok(202)["id"].as_str().unwrap().to_owned()
}

async fn get_export(app: &TestApp, year: &str, id: &str) -> Value {
    app.get(&app.year_path(year, &format!("/exports/{id}"))).await.ok(200).clone()
}

/// Builds every queued export; returns how many.
async fn drain_exports(app: &TestApp) -> usize {
    let mut built = 0;
    while coffre::jobs::export::run_one(&app.app).await.unwrap() {
        built += 1;
    }
    built
}

/// A year with one uploaded file.
async fn year_with_a_file(app: &TestApp) -> (String, String) {
    let year = app.create_year().await;
    let bytes = pdf(&format!("export {year}"));
    let file = app.upload_file(&year, "Facture.pdf", "application/pdf", bytes).await.ok(200)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (year, file)
}

#[tokio::test]
async fn an_unchanged_year_reuses_its_export_and_a_changed_one_gets_a_new_one() {
    let app = TestApp::spawn().await;
    let (year, file) = year_with_a_file(&app).await;

    let first = request_export(&app, &year).await;
    let while_queued = request_export(&app, &year).await;
    let built = drain_exports(&app).await;
    let ready = get_export(&app, &year, &first).await;
    // Reads are not changes: a download URL for a file or for the export keeps the archive.
    app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.ok(200);
    let when_ready = request_export(&app, &year).await;
    app.patch(&app.file_path(&year, &file, ""), json!({"reference": "F-1"})).await.ok(200);
    let after_change = request_export(&app, &year).await;
    let built_again = drain_exports(&app).await;

    assert_eq!(while_queued, first, "one export per year at a time");
    assert_eq!(built, 1);
    assert_eq!(ready["status"], "ready");
    assert_eq!(when_ready, first, "an unchanged year reuses its archive");
    assert_ne!(after_change, first, "a changed year gets a new archive");
    assert_eq!(built_again, 1);
    assert_eq!(get_export(&app, &year, &after_change).await["status"], "ready");
}

#[tokio::test]
async fn fifty_requests_build_one_archive() {
    let app = TestApp::spawn().await;
    let (year, _) = year_with_a_file(&app).await;

    let mut ids = Vec::new();
    for _ in 0..50 {
        ids.push(request_export(&app, &year).await);
    }
    let built = drain_exports(&app).await;
    for _ in 0..10 {
        ids.push(request_export(&app, &year).await);
    }

    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(built, 1);
    assert_eq!(drain_exports(&app).await, 0);
}

#[tokio::test]
async fn archives_expire_after_their_time_to_live_and_are_deleted() {
    let app = TestApp::spawn_with(|c| c.export_ttl_days = 2).await;
    let (year, _) = year_with_a_file(&app).await;
    let id = request_export(&app, &year).await;
    drain_exports(&app).await;
    let url = get_export(&app, &year, &id).await["url"].as_str().unwrap().to_owned();
    assert!(app.object_exists(&url).await);

    let day = chrono::Duration::days(1);
    let early = coffre::sweeper::sweep_once(&app.app, Utc::now() + day).await.unwrap();
    let still = get_export(&app, &year, &id).await;
    let late = coffre::sweeper::sweep_once(&app.app, Utc::now() + day * 3).await.unwrap();
    let again = coffre::sweeper::sweep_once(&app.app, Utc::now() + day * 3).await.unwrap();
    let expired = get_export(&app, &year, &id).await;
    let renewed = request_export(&app, &year).await;

    assert_eq!(early.exports_expired, 0);
    assert_eq!(still["status"], "ready");
    assert_eq!(late.exports_expired, 1);
    assert_eq!(again.exports_expired, 0, "expired once");
    assert_eq!(expired["status"], "expired");
    assert_eq!(expired["url"], Value::Null);
    assert!(!app.object_exists(&url).await, "the archive is deleted");
    assert_ne!(renewed, id, "an expired export is not reused");
}

#[tokio::test]
async fn organizations_take_turns_for_exports() {
    let app = TestApp::spawn().await;
    let mut mine = Vec::new();
    for _ in 0..3 {
        let (year, _) = year_with_a_file(&app).await;
        mine.push((year.clone(), request_export(&app, &year).await));
    }
    let (other, key) = app.other_org().await;
    let body = json!({"label": "2026", "startingAt": "2026-01-01", "endingAt": "2026-12-31"});
    let years = format!("/organizations/{other}/years");
    let other_year = app.request_as(Some(&key), Method::POST, &years, Some(body)).await.id();
    let export = format!("{years}/{other_year}/export");
    let theirs = app.request_as(Some(&key), Method::POST, &export, Some(json!({}))).await.id();

    // Two builds: the oldest export of the first organization, then the other one's.
    assert!(coffre::jobs::export::run_one(&app.app).await.unwrap());
    assert!(coffre::jobs::export::run_one(&app.app).await.unwrap());

    let get = format!("{years}/{other_year}/exports/{theirs}");
    let other_status: Resp = app.request_as(Some(&key), Method::GET, &get, None).await;
    assert_eq!(other_status.ok(200)["status"], "ready", "the second organization waited one build only");
    assert_eq!(get_export(&app, &mine[0].0, &mine[0].1).await["status"], "ready");
    assert_eq!(get_export(&app, &mine[1].0, &mine[1].1).await["status"], "queued");
}

#[tokio::test]
async fn an_export_claimed_three_times_without_finishing_fails() {
    let app = TestApp::spawn().await;
    let (year, _) = year_with_a_file(&app).await;
    let id = request_export(&app, &year).await;

    // Three workers that claim it and die: their leases lapse at once.
    for token in ["dead-1", "dead-2", "dead-3"] {
        let now = coffre::domain::time::now_millis();
        let claimed = coffre::db::jobs::claim::<coffre::db::exports::Export>(app.app.db(), token, now, now - 1);
        assert_eq!(claimed.await.unwrap().expect("claimed").job.id, id);
    }
    drain_exports(&app).await;
    let export = get_export(&app, &year, &id).await;

    assert_eq!(export["status"], "failed", "{export}");
    assert_eq!(export["url"], Value::Null);
}

/// Downloads a ready export and extracts it; returns the extraction directory.
async fn extract(app: &TestApp, url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bytes = app.client.get(url).send().await.unwrap().bytes().await.unwrap();
    std::fs::write(dir.path().join("export.zip"), &bytes).unwrap();
    let script = "unzip -q export.zip -d export && cd export && sha256sum -c --quiet SHA256SUMS";
    let out = tokio::process::Command::new("sh").arg("-c").arg(script).current_dir(dir.path()).output().await.unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the archive does not extract or check: {text}");
    dir
}

/// Every regular file under `dir`, recursively.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[tokio::test]
async fn an_export_never_fails_on_names_and_every_file_is_extracted() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let upload = |name: &'static str, folder: Option<String>, tag: &'static str| {
        let (app, year) = (&app, &year);
        async move {
            let file = app.create_file(year, json!({"name": name, "idFolder": folder})).await.id();
            let bytes = pdf(tag);
            let url = app.upload_url(year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
            app.put_presigned(&url, bytes).await;
            app.finalize(year, &file).await.ok(200);
            file
        }
    };
    let older = upload("y.pdf", None, "c").await;
    let first = upload("x.pdf", None, "a").await;
    let second = upload("X.PDF", None, "b").await;
    // An older file renamed to the suffix the exporter gives the second file as a duplicate.
    app.patch(&app.file_path(&year, &older, ""), json!({"name": format!("X ({second}).PDF")})).await.ok(200);
    // A file and a folder of the same name at one level.
    let folder = app.create_folder(&year, "Achats", None).await.id();
    upload("Achats", None, "d").await;
    upload("x.pdf", Some(folder.clone()), "e").await;
    upload("a/b", Some(folder), "f").await;
    // 254 characters, 504 bytes: longer than a file system takes as one name.
    let long: &'static str = Box::leak(format!("{}.pdf", "é".repeat(250)).into_boxed_str());
    upload(long, None, "g").await;

    let id = request_export(&app, &year).await;
    drain_exports(&app).await;
    let export = get_export(&app, &year, &id).await;
    assert_eq!(export["status"], "ready", "{export}");
    let dir = extract(&app, export["url"].as_str().unwrap()).await;

    let root = dir.path().join("export");
    let extracted = files_under(&root.join("files"));
    assert_eq!(extracted.len(), 7, "every file is in the archive: {extracted:?}");
    let manifest: Value = serde_json::from_slice(&std::fs::read(root.join("manifest.json")).unwrap()).unwrap();
    let mut paths: Vec<String> =
        manifest["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_lowercase()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), 7, "paths differ even ignoring case: {paths:?}");
    assert!(root.join("files/x.pdf").exists(), "the first file keeps its name ({first})");
}

#[tokio::test]
async fn manifest_csv_cells_are_never_formulas() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let name = "=HYPERLINK(\"http://evil.example\",\"open\")";
    let file =
        app.upload_file(&year, name, "application/pdf", pdf("csv")).await.ok(200)["id"].as_str().unwrap().to_owned();
    app.patch(&app.file_path(&year, &file, ""), json!({"reference": "+33 1 23"})).await.ok(200);

    let id = request_export(&app, &year).await;
    drain_exports(&app).await;
    let export = get_export(&app, &year, &id).await;
    let dir = extract(&app, export["url"].as_str().unwrap()).await;
    let csv = std::fs::read_to_string(dir.path().join("export/manifest.csv")).unwrap();

    let row = csv.lines().nth(1).unwrap();
    let cells: Vec<&str> = row.split("\",\"").collect();
    assert!(row.contains("\"'=HYPERLINK("), "{row}");
    assert!(row.contains("\"'+33 1 23\""), "{row}");
    for cell in cells {
        let cell = cell.trim_matches('"');
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live formula in {row}");
    }
}
