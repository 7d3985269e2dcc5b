use reqwest::Method;
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn missing_malformed_unknown_and_revoked_keys_are_401() {
    let app = TestApp::spawn().await;
    let path = app.org_path("/years");
    let (id_key, key) = coffre::admin::create_key(app.app.db(), &app.org, false).await.unwrap();
    coffre::db::keys::revoke(app.app.db(), &id_key, 0).await.unwrap();

    for key in [None, Some("garbage"), Some("cof_unknownkeyunknownkeyunknownkey"), Some(key.as_str())] {
        let resp = app.request_as(key, Method::GET, &path, None).await;
        resp.problem(401, "unauthorized");
    }
    let basic = app.client.get(app.url(&path)).header("authorization", "Basic Zm9vOmJhcg==").send().await.unwrap();
    assert_eq!(basic.status(), 401);
}

#[tokio::test]
async fn read_only_key_reads_but_cannot_write() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let (_, read_only) = coffre::admin::create_key(app.app.db(), &app.org, true).await.unwrap();
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();

    let read = app.request_as(Some(&read_only), Method::GET, &app.file_path(&year, &file, ""), None).await;
    let write = app.request_as(Some(&read_only), Method::DELETE, &app.file_path(&year, &file, ""), None).await;
    let create = app
        .request_as(Some(&read_only), Method::POST, &app.year_path(&year, "/folders"), Some(json!({"name": "x"})))
        .await;

    read.ok(200);
    write.problem(403, "read_only_key");
    create.problem(403, "read_only_key");
}

#[tokio::test]
async fn other_organizations_resources_are_indistinguishable_from_missing() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let (other_org, other_key) = app.other_org().await;

    // The other organization's key on our paths, and our key on its path.
    let paths = [
        app.org_path("/years"),
        app.year_path(&year, ""),
        app.year_path(&year, &format!("/folders/{folder}")),
        app.file_path(&year, &file, ""),
    ];
    for path in paths {
        app.request_as(Some(&other_key), Method::GET, &path, None).await.problem(404, "not_found");
    }
    app.get(&format!("/organizations/{other_org}/years")).await.problem(404, "not_found");
    // A year of ours used with another organization's path is not found either.
    let (_, _) = (other_org, other_key);
}

#[tokio::test]
async fn a_file_is_only_found_under_its_own_year() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let other_year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();

    app.get(&app.file_path(&other_year, &file, "")).await.problem(404, "not_found");
}

#[tokio::test]
async fn me_names_the_organization_and_key_of_the_caller() {
    let app = TestApp::spawn().await;
    let (id_key, key) = coffre::admin::create_key(app.app.db(), &app.org, false).await.unwrap();
    let (id_read_only, read_only) = coffre::admin::create_key(app.app.db(), &app.org, true).await.unwrap();

    let me = app.request_as(Some(&key), Method::GET, "/me", None).await;
    let me_read_only = app.request_as(Some(&read_only), Method::GET, "/v1/me", None).await;
    let anonymous = app.request_as(None, Method::GET, "/me", None).await;
    let mut browser = crate::web::Browser::new(&app);
    browser.sign_in(&read_only).await;
    let session = browser.get("/me").await;

    assert_eq!(me.ok(200), &json!({"idOrganization": app.org, "idKey": id_key, "readOnly": false}));
    assert_eq!(me_read_only.ok(200), &json!({"idOrganization": app.org, "idKey": id_read_only, "readOnly": true}));
    anonymous.problem(401, "unauthorized");
    assert_eq!(session.status, 200, "{}", session.body);
    let session: serde_json::Value = serde_json::from_str(&session.body).unwrap();
    assert_eq!(session, json!({"idOrganization": app.org, "idKey": id_read_only, "readOnly": true}));
    app.stop().await;
}
