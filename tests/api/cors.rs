use reqwest::Method;
use serde_json::json;

use crate::helpers::{use_embedded_store, TestApp};

#[tokio::test]
async fn configured_origins_may_preflight_api_calls_and_uploads() {
    // An external store's CORS is the bucket's configuration; here Coffre serves the uploads.
    let app = TestApp::spawn_with(|c| {
        use_embedded_store(c);
        c.cors_origins = vec!["https://compta.example".into()];
    })
    .await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    let upload = app.upload_url(&year, &file, "application/pdf", 10).await.ok(200).clone();
    let upload_url = upload["url"].as_str().unwrap().to_owned();
    let api_url = app.url(&app.year_path(&year, "/files"));

    for (url, method) in [(api_url.as_str(), "POST"), (upload_url.as_str(), "PUT")] {
        let preflight = app
            .client
            .request(Method::OPTIONS, url)
            .header("origin", "https://compta.example")
            .header("access-control-request-method", method)
            .header("access-control-request-headers", "content-type")
            .send()
            .await
            .unwrap();
        assert!(preflight.status().is_success(), "{url}: {}", preflight.status());
        assert_eq!(preflight.headers()["access-control-allow-origin"], "https://compta.example");
    }
    let stranger = app
        .client
        .request(Method::OPTIONS, &api_url)
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert!(stranger.headers().get("access-control-allow-origin").is_none());
}
