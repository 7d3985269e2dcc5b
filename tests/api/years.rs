use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn create_list_and_get_years() {
    let app = TestApp::spawn().await;
    let body = json!({"label": " Exercice 2026 ", "startingAt": "2026-01-01", "endingAt": "2026-12-31"});

    let created = app.post(&app.org_path("/years"), body).await;

    let year = created.ok(201).clone();
    assert_eq!(year["label"], "Exercice 2026");
    assert_eq!(year["idOrganization"], app.org);
    assert_eq!(year["closed"], false);
    assert!(year["createdAt"].as_str().unwrap().ends_with('Z'));
    let list = app.get(&app.org_path("/years")).await;
    assert_eq!(list.ok(200).as_array().unwrap().len(), 1);
    let one = app.get(&app.year_path(year["id"].as_str().unwrap(), "")).await;
    assert_eq!(one.ok(200)["id"], year["id"]);
}

#[tokio::test]
async fn year_dates_are_validated() {
    let app = TestApp::spawn().await;
    let cases = [
        (json!({"label": "x", "startingAt": "2026-12-31", "endingAt": "2026-01-01"}), "endingAt"),
        (json!({"label": "x", "startingAt": "2026-02-30", "endingAt": "2026-12-31"}), "startingAt"),
        (json!({"label": "", "startingAt": "2026-01-01", "endingAt": "2026-12-31"}), "label"),
        (json!({"startingAt": "2026-01-01", "endingAt": "2026-12-31"}), "label"),
    ];
    for (body, field) in cases {
        let resp = app.post(&app.org_path("/years"), body).await;
        assert_eq!(resp.problem(400, "invalid_request")["field"], field);
    }
}

#[tokio::test]
async fn unknown_year_is_404() {
    let app = TestApp::spawn().await;

    let resp = app.get(&app.year_path("01m8hn6b4b9c7nabdj579d3wst", "")).await;

    resp.problem(404, "not_found");
}

#[tokio::test]
async fn routes_are_also_served_under_v1() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;

    let resp = app.get(&format!("/v1{}", app.year_path(&year, ""))).await;

    assert_eq!(resp.ok(200)["id"], year);
}

#[tokio::test]
async fn a_malformed_change_in_a_closed_year_is_a_400_not_a_423() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "a.pdf"})).await.id();
    app.post(&app.year_path(&year, "/close"), json!({})).await.ok(200);

    let created = app.create_file(&year, json!({"name": "b.pdf", "date": "2026-13-01"})).await;
    let patched = app.patch(&app.file_path(&year, &file, ""), json!({"reference": "  "})).await;
    let valid = app.patch(&app.file_path(&year, &file, ""), json!({"reference": "R-1"})).await;

    assert_eq!(created.problem(400, "invalid_request")["field"], "date");
    assert_eq!(patched.problem(400, "invalid_request")["field"], "reference");
    valid.problem(423, "year_closed");
}
