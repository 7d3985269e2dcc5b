//! OCR through the API, on the real Tesseract and poppler, with generated documents.

use futures_util::future::join_all;
use serde_json::{json, Value};

use crate::fixtures::fixtures;
use crate::helpers::{Resp, TestApp};

const MIME: &[(&str, &str)] = &[
    ("text.pdf", "application/pdf"),
    ("scan.pdf", "application/pdf"),
    ("photo.jpg", "image/jpeg"),
    ("facturx.pdf", "application/pdf"),
    ("ubl.xml", "application/xml"),
    ("encrypted.pdf", "application/pdf"),
    ("multipage.tiff", "image/tiff"),
    ("other.xml", "application/xml"),
];

fn mime(name: &str) -> &'static str {
    MIME.iter().find(|(n, _)| *n == name).map(|(_, m)| *m).unwrap()
}

/// Uploads a fixture and returns the year and file ids.
async fn upload_fixture(app: &TestApp, name: &str) -> (String, String) {
    let year = app.create_year().await;
    let bytes = fixtures().await.bytes(name);
    let file = app.upload_file(&year, name, mime(name), bytes).await.id();
    (year, file)
}

async fn request_ocr(app: &TestApp, year: &str, file: &str, body: Value) -> Resp {
    app.post(&app.file_path(year, file, "/ocr"), body).await
}

async fn ocr_result(app: &TestApp, year: &str, file: &str) -> Value {
    app.get(&app.file_path(year, file, "/ocr")).await.ok(200).clone()
}

/// Asserts that each named field was extracted with the true value.
#[track_caller]
fn assert_fields(result: &Value, truth: &Value, names: &[&str]) {
    for name in names {
        assert_eq!(result["fields"][name]["value"], truth[name], "field {name}; result: {}", result["fields"]);
    }
}

#[tokio::test]
async fn text_layer_pdf_is_read_free_of_charge() {
    let app = TestApp::spawn().await;
    let (year, file) = upload_fixture(&app, "text.pdf").await;

    let queued = request_ocr(&app, &year, &file, json!({})).await;
    assert_eq!(queued.ok(202)["ocr"]["status"], "queued");
    assert_eq!(app.drain_ocr().await, 1);
    let result = ocr_result(&app, &year, &file).await;

    assert_eq!(result["status"], "done");
    assert_eq!(result["pagesCharged"], 0);
    assert_eq!(result["pages"][0]["source"], "text-layer");
    assert_eq!(result["fields"]["totalIncludingTax"]["source"], "text-layer");
    // Text-layer fields are located like OCR'd ones: page and box at 300 dpi (A4: 2480 × 3508).
    let total = &result["fields"]["totalIncludingTax"];
    assert_eq!(total["page"], 1);
    let bbox: Vec<u64> = total["bbox"].as_array().expect("a box").iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(bbox[2] > 0 && bbox[3] > 0 && bbox[0] + bbox[2] <= 2480 && bbox[1] + bbox[3] <= 3508, "{bbox:?}");
    let truth = fixtures().await.truth("text.pdf");
    assert_fields(&result, truth, &["date", "invoiceNumber", "totalIncludingTax", "totalExcludingTax", "totalTax"]);
    assert_fields(&result, truth, &["siret", "vatNumber", "iban"]);
    assert_eq!(app.credits_available().await, 0);
}

#[tokio::test]
async fn extraction_fills_empty_date_and_reference_only() {
    let app = TestApp::spawn().await;
    let (year, file) = upload_fixture(&app, "text.pdf").await;
    let path = app.file_path(&year, &file, "");
    app.patch(&path, json!({"reference": "MY-REF"})).await.ok(200);

    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let after = app.get(&path).await.body;

    let truth = fixtures().await.truth("text.pdf");
    assert_eq!(after["date"], truth["date"]);
    assert_eq!(after["dateSource"], "ocr");
    assert_eq!(after["reference"], "MY-REF", "a user's value is never overwritten");
    assert_eq!(after["referenceSource"], "user");
    assert_eq!(after["ocr"]["status"], "done");
}

/// A document dated years away from the fiscal year it is filed in: the date is still in the
/// OCR result, as a doubt (confidence 0.4 at most), and does not fill the file.
#[tokio::test]
async fn a_date_far_from_the_files_year_is_a_doubt_and_fills_nothing() {
    let app = TestApp::spawn().await;
    let body = json!({"label": "Exercice 2031", "startingAt": "2031-01-01", "endingAt": "2031-12-31"});
    let created = app.post(&app.org_path("/years"), body).await.ok(201).clone();
    let year = created["id"].as_str().expect("a year id").to_owned();
    let bytes = fixtures().await.bytes("text.pdf");
    let file = app.upload_file(&year, "text.pdf", mime("text.pdf"), bytes).await.id();

    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let result = ocr_result(&app, &year, &file).await;
    let after = app.get(&app.file_path(&year, &file, "")).await.body;

    let truth = fixtures().await.truth("text.pdf");
    assert_eq!(result["fields"]["date"]["value"], truth["date"]);
    assert!(result["fields"]["date"]["confidence"].as_f64().unwrap() <= 0.4, "{}", result["fields"]["date"]);
    assert_eq!(after["date"], Value::Null, "a doubtful date does not fill the file");
    assert_eq!(after["reference"], truth["invoiceNumber"], "the reference still does");
}

#[tokio::test]
async fn scanned_pdf_is_ocred_and_charged_per_page() {
    let app = TestApp::spawn().await;
    app.add_credits(5).await;
    let (year, file) = upload_fixture(&app, "scan.pdf").await;

    let queued = request_ocr(&app, &year, &file, json!({})).await;
    let reserved_balance = app.credits_available().await;
    app.drain_ocr().await;
    let result = ocr_result(&app, &year, &file).await;

    assert_eq!(queued.ok(202)["ocr"]["status"], "queued");
    assert_eq!(reserved_balance, 5, "a PDF's pages are known, and reserved, when its job starts");
    assert_eq!(result["status"], "done");
    assert_eq!(result["pagesCharged"], 1);
    assert_eq!(result["pages"][0]["source"], "ocr");
    assert!(result["engine"].as_str().unwrap().starts_with("tesseract"));
    assert_eq!(app.credits_available().await, 4);
    let truth = fixtures().await.truth("scan.pdf");
    assert_fields(&result, truth, &["date", "invoiceNumber", "totalIncludingTax"]);
    // Where the total was read, from the word boxes of the same Tesseract run (300 dpi A4).
    let total = &result["fields"]["totalIncludingTax"];
    assert_eq!(total["page"], 1);
    let bbox: Vec<u64> = total["bbox"].as_array().expect("a box").iter().map(|v| v.as_u64().unwrap()).collect();
    assert_eq!(bbox.len(), 4);
    assert!(bbox[2] > 0 && bbox[3] > 0 && bbox[0] + bbox[2] <= 2480 && bbox[1] + bbox[3] <= 3508, "{bbox:?}");
}

#[tokio::test]
async fn noisy_rotated_photo_is_read() {
    let app = TestApp::spawn().await;
    app.add_credits(1).await;
    let (year, file) = upload_fixture(&app, "photo.jpg").await;

    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let result = ocr_result(&app, &year, &file).await;

    assert_eq!(result["status"], "done");
    assert_eq!(result["pagesCharged"], 1);
    assert_fields(&result, fixtures().await.truth("photo.jpg"), &["date", "totalIncludingTax"]);
}

#[tokio::test]
async fn facturx_and_ubl_are_read_exactly_from_their_xml_for_free() {
    let app = TestApp::spawn().await;
    for name in ["facturx.pdf", "ubl.xml"] {
        let (year, file) = upload_fixture(&app, name).await;

        request_ocr(&app, &year, &file, json!({})).await.ok(202);
        app.drain_ocr().await;
        let result = ocr_result(&app, &year, &file).await;

        assert_eq!(result["status"], "done", "{name}: {result}");
        assert_eq!(result["pagesCharged"], 0);
        let truth = fixtures().await.truth(name);
        let names: Vec<&str> = truth.as_object().unwrap().keys().map(String::as_str).collect();
        assert!(names.len() >= 10, "{name}: the truth should cover most fields");
        for field in &names {
            assert_eq!(result["fields"][field]["source"], "xml", "{name} {field}");
            assert_eq!(result["fields"][field]["confidence"], 1.0, "{name} {field}");
        }
        assert_fields(&result, truth, &names);
    }
    assert_eq!(app.credits_available().await, 0);
}

#[tokio::test]
async fn not_enough_credits_is_402_and_queues_nothing() {
    let app = TestApp::spawn().await;
    let (year, file) = upload_fixture(&app, "multipage.tiff").await;

    let refused = request_ocr(&app, &year, &file, json!({})).await;

    // Known from the type alone: an image needs at least one page.
    let problem = refused.problem(402, "ocr_credits_exhausted");
    assert_eq!(problem["available"], 0);
    assert_eq!(problem["needed"], 1);
    assert_eq!(app.get(&app.file_path(&year, &file, "")).await.body["ocr"], Value::Null);
    assert_eq!(app.credits_available().await, 0);
    app.get(&app.file_path(&year, &file, "/ocr")).await.problem(404, "not_found");
}

#[tokio::test]
async fn a_tiffs_other_pages_are_reserved_when_its_job_starts() {
    let app = TestApp::spawn().await;
    let (year, file) = upload_fixture(&app, "multipage.tiff").await;
    app.add_credits(1).await;

    let queued = request_ocr(&app, &year, &file, json!({})).await;
    app.drain_ocr().await;
    let result = app.get(&app.file_path(&year, &file, "/ocr")).await;

    assert_eq!(queued.ok(202)["ocr"]["status"], "queued");
    assert_eq!(result.ok(200)["status"], "failed");
    assert_eq!(result.body["errorCode"], "ocr_credits_exhausted", "{}", result.text);
    assert_eq!(app.credits_available().await, 1, "nothing charged");
}

#[tokio::test]
async fn the_same_content_is_read_once_unless_forced() {
    let app = TestApp::spawn().await;
    app.add_credits(3).await;
    let (year, file) = upload_fixture(&app, "scan.pdf").await;
    request_ocr(&app, &year, &file, json!({})).await.ok(202);

    let while_queued = request_ocr(&app, &year, &file, json!({})).await;
    app.drain_ocr().await;
    let when_done = request_ocr(&app, &year, &file, json!({})).await;
    assert_eq!(app.credits_available().await, 2, "charged once");
    let forced = request_ocr(&app, &year, &file, json!({"force": true})).await;
    app.drain_ocr().await;

    assert_eq!(while_queued.ok(202)["ocr"]["status"], "queued");
    assert_eq!(when_done.ok(202)["ocr"]["status"], "done");
    assert_eq!(forced.ok(202)["ocr"]["status"], "queued");
    assert_eq!(app.credits_available().await, 1, "force runs and charges again");
}

#[tokio::test]
async fn unreadable_files_fail_with_a_reason_and_cost_nothing() {
    let app = TestApp::spawn().await;
    app.add_credits(5).await;
    for (name, reason) in [("encrypted.pdf", "encrypted"), ("other.xml", "not a CII or UBL")] {
        let (year, file) = upload_fixture(&app, name).await;

        let resp = request_ocr(&app, &year, &file, json!({})).await;
        app.drain_ocr().await;
        let result = ocr_result(&app, &year, &file).await;

        assert_eq!(resp.ok(202)["ocr"]["status"], "queued", "{name}: no program runs in the request");
        assert_eq!(result["status"], "failed");
        assert!(result["error"].as_str().unwrap().contains(reason), "{name}: {}", result["error"]);
    }
    assert_eq!(app.credits_available().await, 5);
}

#[tokio::test]
async fn multipage_tiff_pages_are_all_read() {
    let app = TestApp::spawn().await;
    app.add_credits(2).await;
    let (year, file) = upload_fixture(&app, "multipage.tiff").await;

    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let result = ocr_result(&app, &year, &file).await;

    assert_eq!(result["status"], "done");
    assert_eq!(result["pages"].as_array().unwrap().len(), 2);
    assert_eq!(result["pagesCharged"], 2);
    assert_eq!(app.credits_available().await, 0);
}

#[tokio::test]
async fn ocr_needs_content_and_a_write_key() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "empty"})).await.id();
    let (_, read_only) = coffre::admin::create_key(app.app.db(), &app.org, true).await.unwrap();

    request_ocr(&app, &year, &file, json!({})).await.problem(409, "no_content");
    let ro = app
        .request_as(Some(&read_only), reqwest::Method::POST, &app.file_path(&year, &file, "/ocr"), Some(json!({})))
        .await;
    ro.problem(403, "read_only_key");
    let bad = request_ocr(&app, &year, &file, json!({"force": "yes"})).await;
    assert_eq!(bad.problem(400, "invalid_request")["field"], "force");
}

#[tokio::test]
async fn search_matches_names_references_and_ocr_text() {
    let app = TestApp::spawn().await;
    let (year, file) = upload_fixture(&app, "text.pdf").await;
    let other = app.create_file(&year, json!({"name": "Relevé Été.pdf", "reference": "BQ-2026"})).await.id();
    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let truth = fixtures().await.truth("text.pdf");
    let supplier_word = truth["supplierName"].as_str().unwrap().split_whitespace().next().unwrap().to_lowercase();
    let ids = |resp: Resp| -> Vec<String> {
        resp.ok(200).as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_owned()).collect()
    };

    let by_text = ids(app.get(&app.year_path(&year, &format!("/files?q={supplier_word}"))).await);
    let by_name = ids(app.get(&app.year_path(&year, "/files?q=releve%20ete")).await);
    let by_reference = ids(app.get(&app.year_path(&year, "/files?q=bq-2026")).await);
    let nothing = ids(app.get(&app.year_path(&year, "/files?q=%25%25zzz")).await);

    assert_eq!(by_text, vec![file]);
    assert_eq!(by_name, vec![other.clone()]);
    assert_eq!(by_reference, vec![other]);
    assert!(nothing.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_requests_never_overdraw_credits() {
    let app = TestApp::spawn().await;
    app.add_credits(10).await;
    let year = app.create_year().await;
    let scan = fixtures().await.bytes("photo.jpg");
    let mut files = Vec::new();
    for i in 0..20 {
        // Distinct content per file: JPEG readers ignore bytes after the end marker.
        let mut bytes = scan.clone();
        bytes.extend_from_slice(format!("copy {i}").as_bytes());
        files.push(app.upload_file(&year, &format!("scan-{i}.jpg"), "image/jpeg", bytes).await.id());
    }

    let responses = join_all(files.iter().map(|f| request_ocr(&app, &year, f, json!({})))).await;

    let accepted = responses.iter().filter(|r| r.status == 202).count();
    let refused: Vec<&Resp> = responses.iter().filter(|r| r.status == 402).collect();
    assert_eq!(accepted, 10);
    assert_eq!(refused.len(), 10);
    for r in refused {
        assert_eq!(r.problem(402, "ocr_credits_exhausted")["needed"], 1);
    }
    assert_eq!(app.credits_available().await, 0);
    app.drain_ocr().await;
    assert_eq!(app.credits_available().await, 0);
    let org = coffre::db::orgs::get(app.app.db(), &app.org).await.unwrap().unwrap();
    assert_eq!(org.ocr_pages_used, 10);
}

/// `coffre ocr run` with several files reads them in one process and prints one JSON line per
/// file, in order; a file it cannot read gets an `error` line and the exit status 1, the
/// others are still read.
#[tokio::test]
async fn ocr_run_reads_several_files_in_one_process() {
    let fx = fixtures().await;
    let junk = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(junk.path(), b"neither PDF nor image").unwrap();
    let text = fx.dir.join("text.pdf");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_coffre"))
        .args(["ocr", "run"])
        .arg(&text)
        .arg(junk.path())
        .arg(&text)
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one file failed");
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "one line per file");
    let truth = fx.truth("text.pdf");
    for read in [&lines[0], &lines[2]] {
        assert_fields(read, truth, &["invoiceNumber", "totalIncludingTax"]);
        assert_eq!(read["pagesOcr"], 0);
    }
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("type")), "{}", lines[1]);
}
