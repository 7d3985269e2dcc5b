//! Two `coffre serve` instances on the same database and object store answer as one.

use futures_util::future::join_all;
use serde_json::json;

use crate::helpers::{pdf, read, Resp, TestApp};

async fn call(app: &TestApp, base: &str, method: reqwest::Method, path: String, body: serde_json::Value) -> Resp {
    let req = app.client.request(method, format!("{base}{path}")).bearer_auth(&app.key).json(&body);
    read(req.send().await.unwrap()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_share_quota_finalize_and_folder_tree() {
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    let bases = [app.base.clone(), other.base.clone()];
    let size = 1_000_000u64;
    coffre::db::orgs::set_quota(app.app.db(), &app.org, 10 * size as i64).await.unwrap();
    let year = app.create_year().await;
    let mut files = Vec::new();
    for i in 0..20 {
        files.push(app.create_file(&year, json!({"name": format!("f{i}")})).await.id());
    }

    // 20 reservations spread over both instances, twice the quota.
    let uploads = join_all(files.iter().enumerate().map(|(i, f)| {
        let body = json!({"type": "application/pdf", "size": size});
        call(&app, &bases[i % 2], reqwest::Method::POST, app.file_path(&year, f, "/upload-url"), body)
    }))
    .await;
    assert_eq!(uploads.iter().filter(|r| r.status == 200).count(), 10);
    assert_eq!(uploads.iter().filter(|r| r.status == 403).count(), 10);

    // One finalize per instance for the same file counts once.
    let granted = uploads.iter().position(|r| r.status == 200).unwrap();
    let bytes = {
        let mut b = pdf("two instances");
        b.resize(size as usize, b' ');
        b
    };
    assert_eq!(app.put_presigned(&uploads[granted].body, bytes).await.status(), 200);
    let finalize_path = app.file_path(&year, &files[granted], "/finalize");
    let finals =
        join_all(bases.iter().map(|b| call(&app, b, reqwest::Method::POST, finalize_path.clone(), json!({})))).await;
    for f in &finals {
        assert_eq!(f.ok(200)["status"], "available");
    }
    assert_eq!(app.used_bytes().await, size as i64);

    // A folder moved into its own subtree concurrently from both instances: never a cycle.
    for round in 0..5 {
        let a = app.create_folder(&year, &format!("A{round}"), None).await.id();
        let b = app.create_folder(&year, &format!("B{round}"), None).await.id();
        let (pa, pb) = (app.year_path(&year, &format!("/folders/{a}")), app.year_path(&year, &format!("/folders/{b}")));
        let (ab, ba) = tokio::join!(
            call(&app, &bases[0], reqwest::Method::PATCH, pa.clone(), json!({"idFolderParent": b})),
            call(&app, &bases[1], reqwest::Method::PATCH, pb.clone(), json!({"idFolderParent": a}))
        );
        let mut statuses = [ab.status.as_u16(), ba.status.as_u16()];
        statuses.sort();
        assert_eq!(statuses, [200, 409]);
        let a_parent = app.get(&pa).await.body["idFolderParent"].clone();
        let b_parent = app.get(&pb).await.body["idFolderParent"].clone();
        assert!(a_parent.is_null() || b_parent.is_null(), "cycle: {a_parent} <-> {b_parent}");
    }
    other.stop().await;
}

/// Each instance keeps the audit links it committed (PostgreSQL); the other's appends make
/// them stale, which the next append finds out and repairs: writes alternating between the
/// instances, then at once on both, leave one dense, valid chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writes_alternating_between_instances_keep_one_audit_chain() {
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    let bases = [app.base.clone(), other.base.clone()];
    let year = app.create_year().await;
    let files_path = app.year_path(&year, "/files");
    let before = coffre::db::audit::verify(app.app.db(), &app.org).await.unwrap().expect("a valid chain");

    for i in 0..6 {
        let body = json!({"name": format!("alternate-{i}")});
        call(&app, &bases[i % 2], reqwest::Method::POST, files_path.clone(), body).await.ok(201);
    }
    let at_once = join_all((0..20).map(|i| {
        let body = json!({"name": format!("at-once-{i}")});
        call(&app, &bases[i % 2], reqwest::Method::POST, files_path.clone(), body)
    }))
    .await;

    for r in &at_once {
        r.ok(201);
    }
    let entries = coffre::db::audit::verify(app.app.db(), &app.org).await.unwrap();
    // One entry per file, each linked to the one before.
    assert_eq!(entries.expect("the chain is valid"), before + 26);
    other.stop().await;
}
