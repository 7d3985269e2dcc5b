use reqwest::Method;
use serde_json::json;

use crate::helpers::{read, TestApp};

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let app = TestApp::spawn().await;

    app.get("/nowhere").await.problem(404, "not_found");
    let wrong_method = app.request(Method::PUT, &app.org_path("/years"), None).await;

    wrong_method.problem(405, "method_not_allowed");
    assert!(wrong_method.headers.contains_key("allow"));
}

#[tokio::test]
async fn oversized_json_bodies_are_413() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let huge = json!({"name": "x".repeat(2 << 20)});

    let resp = app.post(&app.year_path(&year, "/files"), huge).await;

    resp.problem(413, "payload_too_large");
}

#[tokio::test]
async fn health_readiness_and_openapi() {
    let app = TestApp::spawn().await;

    let health = read(app.client.get(app.url("/healthz")).send().await.unwrap()).await;
    let ready = read(app.client.get(app.url("/readyz")).send().await.unwrap()).await;
    let spec = read(app.client.get(app.url("/openapi.json")).send().await.unwrap()).await;

    assert_eq!(health.ok(200)["status"], "ok");
    let ready = ready.ok(200);
    assert_eq!(ready["status"], "ok");
    assert_eq!(ready["checks"].as_array().unwrap().len(), 2);
    let spec = spec.ok(200);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = spec["paths"].as_object().unwrap();
    for path in [
        "/organizations/{idOrganization}/years",
        "/organizations/{idOrganization}/years/{idYear}/folders/{idFolder}",
        "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/upload-url",
        "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/finalize",
        "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/download-url",
        "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/delete-url",
        "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/ocr",
        "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/restore",
        "/organizations/{idOrganization}/years/{idYear}/close",
        "/organizations/{idOrganization}/years/{idYear}/export",
        "/organizations/{idOrganization}/years/{idYear}/exports/{idExport}",
        "/organizations/{idOrganization}/audit",
        "/organizations/{idOrganization}/usage",
    ] {
        assert!(paths.contains_key(path), "{path} missing from the OpenAPI document");
    }
}

#[tokio::test]
async fn readiness_reports_a_missing_object_store() {
    // Removing the store's directory is how the embedded store goes missing.
    let app = TestApp::spawn_embedded_store().await;
    std::fs::remove_dir_all(app.data_dir.join("objects")).unwrap();

    let ready = read(app.client.get(app.url("/readyz")).send().await.unwrap()).await;

    let body = ready.ok(503);
    assert_eq!(body["status"], "unavailable");
    assert!(body["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "objectStore" && c["status"] == "unavailable"));
}
