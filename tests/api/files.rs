use serde_json::{json, Value};

use crate::helpers::{pdf, sha256_hex, TestApp};

#[tokio::test]
async fn create_and_get_a_pending_file() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let hash = sha256_hex(b"whatever");

    let created = app
        .create_file(
            &year,
            json!({"name": " Facture 42.pdf ", "idFolder": folder, "reference": "F-42", "date": "2026-03-15", "hash": hash}),
        )
        .await;

    let file = created.ok(201).clone();
    for (field, value) in [
        ("name", json!("Facture 42.pdf")),
        ("idFolder", json!(folder)),
        ("reference", json!("F-42")),
        ("date", json!("2026-03-15")),
        ("hash", json!(hash)),
        ("status", json!("pending")),
        ("type", Value::Null),
        ("size", Value::Null),
        ("sha256", Value::Null),
        ("idOrganization", json!(app.org)),
        ("idYear", json!(year)),
    ] {
        assert_eq!(file[field], value, "{field}");
    }
    let got = app.get(&app.file_path(&year, file["id"].as_str().unwrap(), "")).await;
    assert_eq!(got.ok(200), &file);
}

#[tokio::test]
async fn invalid_file_fields_are_named() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let cases = [
        (json!({"name": "   "}), "name"),
        (json!({"name": "a".repeat(257)}), "name"),
        (json!({"name": "a\u{0000}b"}), "name"),
        (json!({"name": 12}), "name"),
        (json!({}), "name"),
        (json!({"name": "a", "reference": ""}), "reference"),
        (json!({"name": "a", "hash": "ABC"}), "hash"),
        (json!({"name": "a", "hash": "A".repeat(64)}), "hash"),
        (json!({"name": "a", "date": "15/03/2026"}), "date"),
        (json!({"name": "a", "colour": "blue"}), "colour"),
        (json!({"name": "a", "allowDuplicate": "yes"}), "allowDuplicate"),
    ];
    for (body, field) in cases {
        let resp = app.create_file(&year, body.clone()).await;
        assert_eq!(resp.problem(400, "invalid_request")["field"], field, "{body}");
    }
    assert!(app.get(&app.year_path(&year, "/files")).await.body.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;

    let resp = app.post_raw(&app.year_path(&year, "/files"), "{\"name\": ").await;

    resp.problem(400, "invalid_request");
}

#[tokio::test]
async fn file_in_unknown_folder_is_404() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;

    let resp = app.create_file(&year, json!({"name": "a", "idFolder": "01m8hn6b4b9c7nabdj579d3wst"})).await;

    resp.problem(404, "not_found");
}

#[tokio::test]
async fn list_filters_by_folder_and_status() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let in_folder = app.create_file(&year, json!({"name": "in", "idFolder": folder})).await.id();
    let at_root = app.create_file(&year, json!({"name": "root"})).await.id();
    let available = app.upload_file(&year, "avail.pdf", "application/pdf", pdf("list")).await.id();
    let ids = |resp: &crate::helpers::Resp| -> Vec<String> {
        resp.body.as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_owned()).collect()
    };

    let by_folder = app.get(&app.year_path(&year, &format!("/files?idFolder={folder}"))).await;
    let root = app.get(&app.year_path(&year, "/files?idFolder=root")).await;
    let pending = app.get(&app.year_path(&year, "/files?status=pending")).await;
    let avail = app.get(&app.year_path(&year, "/files?status=available&idFolder=root")).await;

    assert_eq!(ids(&by_folder), vec![in_folder.clone()]);
    assert_eq!(ids(&root), vec![at_root.clone(), available.clone()]);
    assert_eq!(ids(&pending), vec![in_folder, at_root]);
    assert_eq!(ids(&avail), vec![available]);
    app.get(&app.year_path(&year, "/files?status=lost")).await.problem(400, "invalid_request");
}

#[tokio::test]
async fn list_paginates_with_link_header() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let mut created = Vec::new();
    for i in 0..7 {
        created.push(app.create_file(&year, json!({"name": format!("f{i}")})).await.id());
    }

    let mut seen = Vec::new();
    let mut next = Some(app.year_path(&year, "/files?limit=3"));
    let mut pages = 0;
    while let Some(path) = next.take() {
        let resp = app.get(&path).await;
        pages += 1;
        seen.extend(resp.ok(200).as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_owned()));
        next = resp.headers.get("link").map(|l| {
            let l = l.to_str().unwrap();
            assert!(l.ends_with("; rel=\"next\""), "{l}");
            l[1..l.find('>').unwrap()].to_owned()
        });
    }

    assert_eq!(pages, 3);
    assert_eq!(seen, created);
}

#[tokio::test]
async fn list_parameters_are_validated() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    for (query, field) in
        [("limit=0", "limit"), ("limit=1001", "limit"), ("limit=abc", "limit"), ("cursor=zzz", "cursor")]
    {
        let resp = app.get(&app.year_path(&year, &format!("/files?{query}"))).await;
        assert_eq!(resp.problem(400, "invalid_request")["field"], field, "{query}");
    }
    app.get(&app.year_path(&year, "/files?limit=1000")).await.ok(200);
}

#[tokio::test]
async fn patch_sets_clears_and_moves() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let file = app.create_file(&year, json!({"name": "a.pdf", "reference": "R1", "date": "2026-01-02"})).await.id();
    let path = app.file_path(&year, &file, "");

    let moved = app.patch(&path, json!({"idFolder": folder, "name": "b.pdf", "date": "2026-02-03"})).await;
    let moved = moved.ok(200).clone();
    let cleared = app.patch(&path, json!({"reference": null, "date": null, "idFolder": null})).await;
    let cleared = cleared.ok(200).clone();

    assert_eq!(moved["idFolder"], folder);
    assert_eq!(moved["name"], "b.pdf");
    assert_eq!(moved["date"], "2026-02-03");
    assert_eq!(moved["reference"], "R1");
    assert_eq!(cleared["reference"], Value::Null);
    assert_eq!(cleared["date"], Value::Null);
    assert_eq!(cleared["idFolder"], Value::Null);
    assert_eq!(cleared["name"], "b.pdf");
    assert_eq!(app.get(&path).await.body, cleared);
}

#[tokio::test]
async fn patch_rejects_bad_values_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let path = app.file_path(&year, &file, "");
    let before = app.get(&path).await.body;

    let cases = [
        (json!({"name": null}), "name"),
        (json!({"date": "2026-13-01", "name": "changed"}), "date"),
        (json!({"idFile": "01m8hn6b4b9c7nabdj579d3wst"}), "idFile"),
        (json!({"status": "available"}), "status"),
    ];
    for (body, field) in cases {
        assert_eq!(app.patch(&path, body).await.problem(400, "invalid_request")["field"], field);
    }
    let missing_folder = app.patch(&path, json!({"idFolder": "01m8hn6b4b9c7nabdj579d3wst"})).await;

    missing_folder.problem(404, "not_found");
    assert_eq!(app.get(&path).await.body, before);
}

#[tokio::test]
async fn delete_moves_to_the_trash_and_restore_brings_it_back() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("to delete");
    let file = app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.id();
    let path = app.file_path(&year, &file, "");

    assert_eq!(app.delete(&path).await.status, 204);

    app.get(&path).await.problem(404, "not_found");
    assert!(app.get(&app.year_path(&year, "/files")).await.body.as_array().unwrap().is_empty());
    let in_trash = app.get(&app.year_path(&year, "/files?status=deleted")).await;
    let trashed = &in_trash.ok(200).as_array().unwrap()[0];
    assert_eq!(in_trash.body.as_array().unwrap().len(), 1);
    assert_eq!(trashed["status"], "deleted");
    assert!(trashed["deletedAt"].is_string());
    assert_eq!(app.used_bytes().await, bytes.len() as i64, "the bytes are kept until purged");
    app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.problem(409, "file_deleted");
    app.patch(&path, json!({"name": "b.pdf"})).await.problem(409, "file_deleted");
    app.delete(&path).await.problem(409, "file_deleted");
    let restored = app.post(&app.file_path(&year, &file, "/restore"), json!({})).await;
    assert_eq!(restored.ok(200)["status"], "available");
    assert_eq!(restored.body["deletedAt"], Value::Null);
    app.post(&app.file_path(&year, &file, "/restore"), json!({})).await.problem(409, "not_deleted");
    app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.ok(200);
}

#[tokio::test]
async fn the_trash_is_purged_after_its_delay() {
    let app = TestApp::spawn_with(|c| c.trash_days = 1).await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "a.pdf", "application/pdf", pdf("purge")).await.id();
    let download = app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await.ok(200).clone();
    app.delete(&app.file_path(&year, &file, "")).await;

    let early = coffre::sweeper::sweep_once(&app.app, chrono::Utc::now()).await.unwrap();
    let late = coffre::sweeper::sweep_once(&app.app, chrono::Utc::now() + chrono::Duration::days(2)).await.unwrap();

    assert_eq!(early.trash_purged, 0);
    assert_eq!(late.trash_purged, 1);
    app.get(&app.file_path(&year, &file, "")).await.problem(404, "not_found");
    assert!(!app.object_exists(download["url"].as_str().unwrap()).await);
    assert_eq!(app.used_bytes().await, 0);
}

#[tokio::test]
async fn duplicate_detected_at_create_when_hash_is_given() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("dup");
    let existing = app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.id();

    let dup = app.create_file(&year, json!({"name": "b.pdf", "hash": sha256_hex(&bytes)})).await;
    let allowed =
        app.create_file(&year, json!({"name": "b.pdf", "hash": sha256_hex(&bytes), "allowDuplicate": true})).await;

    assert_eq!(dup.problem(409, "duplicate_file")["idFileExisting"], existing);
    allowed.ok(201);
}

#[tokio::test]
async fn restore_refuses_content_another_available_file_holds() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("restored twice");
    let trashed = app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.id();
    assert_eq!(app.delete(&app.file_path(&year, &trashed, "")).await.status, 204);
    let again = app.upload_file(&year, "b.pdf", "application/pdf", bytes).await.id();

    let refused = app.post(&app.file_path(&year, &trashed, "/restore"), json!({})).await;

    assert_eq!(refused.problem(409, "duplicate_file")["idFileExisting"], again);
    let trash = app.get(&app.year_path(&year, "/files?status=deleted")).await;
    assert_eq!(trash.ok(200)[0]["id"], trashed, "still in the trash");
    assert_eq!(app.delete(&app.file_path(&year, &again, "")).await.status, 204);
    let restored = app.post(&app.file_path(&year, &trashed, "/restore"), json!({})).await;
    assert_eq!(restored.ok(200)["status"], "available");
}

#[tokio::test]
async fn restore_accepts_a_duplicate_the_file_allowed() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let bytes = pdf("allowed twice");
    app.upload_file(&year, "a.pdf", "application/pdf", bytes.clone()).await.ok(200);
    let copy = app.create_file(&year, json!({"name": "b.pdf", "allowDuplicate": true})).await.id();
    let upload = app.upload_url(&year, &copy, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    assert!(app.put_presigned(&upload, bytes).await.status().is_success());
    app.finalize(&year, &copy).await.ok(200);
    assert_eq!(app.delete(&app.file_path(&year, &copy, "")).await.status, 204);

    let restored = app.post(&app.file_path(&year, &copy, "/restore"), json!({})).await;

    assert_eq!(restored.ok(200)["status"], "available");
}

/// U+202E shows "facture-fdp.exe" as "facture-exe.pdf"; zero-width and BOM characters make two
/// names look identical.
const INVISIBLE: [&str; 5] =
    ["facture-\u{202E}fdp.exe", "a\u{200B}.pdf", "\u{FEFF}a.pdf", "a\u{2066}b\u{2069}.pdf", "a\u{200D}.pdf"];

#[tokio::test]
async fn file_names_with_invisible_format_characters_are_refused() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let path = app.file_path(&year, &file, "");

    for name in INVISIBLE {
        let created = app.create_file(&year, json!({"name": name})).await;
        let renamed = app.patch(&path, json!({"name": name})).await;
        let referenced = app.patch(&path, json!({"reference": name})).await;

        assert_eq!(created.problem(400, "invalid_request")["field"], "name", "{name:?}");
        assert_eq!(renamed.problem(400, "invalid_request")["field"], "name", "{name:?}");
        assert_eq!(referenced.problem(400, "invalid_request")["field"], "reference", "{name:?}");
    }
    assert_eq!(app.get(&app.year_path(&year, "/files")).await.body.as_array().unwrap().len(), 1);
    assert_eq!(app.get(&path).await.body["name"], "a.pdf");
}
