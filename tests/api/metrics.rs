//! `GET /metrics`: requests counted by route template and status class, job queues read from
//! the database, no id in any label; turned off by `--metrics false`.

use serde_json::json;

use crate::helpers::{pdf, TestApp};

/// The value of the sample `name{labels}` (labels as written by the exporter).
fn sample(text: &str, name_and_labels: &str) -> Option<f64> {
    text.lines().find_map(|l| l.strip_prefix(name_and_labels)?.trim().parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_report_queues() {
    let app = TestApp::spawn().await;
    app.add_credits(5).await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "a.pdf", "application/pdf", pdf("m")).await.id();
    for _ in 0..3 {
        app.get(&app.file_path(&year, &file, "")).await.ok(200);
    }
    app.get(&app.file_path(&year, "nope", "")).await.problem(404, "not_found");
    app.post(&app.file_path(&year, &file, "/ocr"), json!({})).await.ok(202);

    let text = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();

    let route = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}";
    let ok = format!("coffre_http_requests_total{{method=\"GET\",route=\"{route}\",status=\"2xx\"}}");
    let missing = format!("coffre_http_requests_total{{method=\"GET\",route=\"{route}\",status=\"4xx\"}}");
    assert_eq!(sample(&text, &ok), Some(3.0), "{text}");
    assert_eq!(sample(&text, &missing), Some(1.0));
    assert_eq!(sample(&text, "coffre_uploads_finalized_total"), Some(1.0));
    assert_eq!(sample(&text, "coffre_jobs_queued{kind=\"ocr\"}"), Some(1.0));
    assert_eq!(sample(&text, "coffre_dependency_up{dependency=\"database\"}"), Some(1.0));
    assert!(text.contains("# TYPE coffre_http_requests_total counter"));
    let commits = sample(&text, "coffre_db_group_commits_total").expect("commits");
    let committed = sample(&text, "coffre_db_group_committed_transactions_total").expect("committed");
    if let Some((c, r)) = app.app.db().group_commits() {
        // The year, the file's creation, upload URL and finalize at least, counted by the writer.
        assert!(committed >= 4.0 && commits >= 1.0 && committed >= commits, "{commits} {committed}");
        assert!(commits <= c as f64 && committed <= r as f64);
    } else {
        assert_eq!((commits, committed), (0.0, 0.0), "PostgreSQL has no group commit");
    }
    for id in [&app.org, &year, &file] {
        assert!(!text.contains(id.as_str()), "an id in the metrics: {id}");
    }
}

#[tokio::test]
async fn metrics_can_be_turned_off() {
    let app = TestApp::spawn_with(|c| c.metrics = false).await;

    app.get("/metrics").await.problem(404, "not_found");
}
