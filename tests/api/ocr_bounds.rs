//! OCR work is bounded and never free by accident: no program runs in the request, one
//! queued or running job per content, credits for a PDF's pages taken when its job starts,
//! capped page counts and XML sizes, and results that belong to the content they read.

use serde_json::{json, Value};

use crate::fixtures::fixtures;
use crate::helpers::{pdf, TestApp};

async fn request_ocr(app: &TestApp, year: &str, file: &str, body: Value) -> crate::helpers::Resp {
    app.post(&app.file_path(year, file, "/ocr"), body).await
}

async fn ocr_result(app: &TestApp, year: &str, file: &str) -> Value {
    app.get(&app.file_path(year, file, "/ocr")).await.ok(200).clone()
}

async fn upload(app: &TestApp, year: &str, name: &str, mime: &str, bytes: Vec<u8>) -> String {
    app.upload_file(year, name, mime, bytes).await.ok(200)["id"].as_str().unwrap().to_owned()
}

/// A valid PDF of `pages` empty pages.
fn pdf_with_pages(pages: usize) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Count {pages} /Kids [{}] >>",
            (0..pages).map(|i| format!("{} 0 R", i + 3)).collect::<Vec<_>>().join(" ")
        ),
    ];
    objects.extend((0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>".to_owned()));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out.extend_from_slice(trailer.as_bytes());
    out
}

/// A little-endian TIFF whose chain holds `pages` empty image directories.
fn tiff_with_pages(pages: u32) -> Vec<u8> {
    let mut out = b"II*\0".to_vec();
    out.extend_from_slice(&8u32.to_le_bytes());
    for i in 0..pages {
        out.extend_from_slice(&0u16.to_le_bytes());
        let next = if i + 1 == pages { 0 } else { 8 + 6 * (i + 1) };
        out.extend_from_slice(&next.to_le_bytes());
    }
    out
}

#[tokio::test]
async fn force_never_queues_a_second_job_for_the_same_content() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = upload(&app, &year, "text.pdf", "application/pdf", fixtures().await.bytes("text.pdf")).await;

    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    for _ in 0..20 {
        let forced = request_ocr(&app, &year, &file, json!({"force": true})).await;
        assert_eq!(forced.ok(202)["ocr"]["status"], "queued");
    }
    let ran = app.drain_ocr().await;

    assert_eq!(ran, 1, "one job while one is queued, however often it is forced");
    assert_eq!(ocr_result(&app, &year, &file).await["status"], "done");
}

#[tokio::test]
async fn a_pdf_whose_pages_need_more_credits_than_left_fails_at_job_start() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = upload(&app, &year, "scan.pdf", "application/pdf", fixtures().await.bytes("scan.pdf")).await;

    let queued = request_ocr(&app, &year, &file, json!({})).await;
    app.drain_ocr().await;
    let result = ocr_result(&app, &year, &file).await;

    assert_eq!(queued.ok(202)["ocr"]["status"], "queued");
    assert_eq!(result["status"], "failed");
    assert_eq!(result["errorCode"], "ocr_credits_exhausted", "{result}");
    assert_eq!(result["pagesCharged"], 0);
    assert_eq!(app.credits_available().await, 0);
    let org = coffre::db::orgs::get(app.app.db(), &app.org).await.unwrap().unwrap();
    assert_eq!(org.ocr_pages_used, 0);
}

#[tokio::test]
async fn page_counts_are_capped() {
    let app = TestApp::spawn().await;
    app.add_credits(1000).await;
    let year = app.create_year().await;
    let long_pdf = upload(&app, &year, "long.pdf", "application/pdf", pdf_with_pages(501)).await;
    let long_tiff = upload(&app, &year, "long.tiff", "image/tiff", tiff_with_pages(501)).await;
    let short_pdf = upload(&app, &year, "short.pdf", "application/pdf", pdf_with_pages(3)).await;

    for file in [&long_pdf, &long_tiff, &short_pdf] {
        request_ocr(&app, &year, file, json!({})).await.ok(202);
    }
    app.drain_ocr().await;

    for file in [&long_pdf, &long_tiff] {
        let result = ocr_result(&app, &year, file).await;
        assert_eq!(result["status"], "failed");
        assert_eq!(result["errorCode"], "too_many_pages", "{result}");
        assert!(result["error"].as_str().unwrap().contains("500 pages"));
    }
    let short = ocr_result(&app, &year, &short_pdf).await;
    assert_ne!(short["errorCode"], "too_many_pages", "{short}");
    assert_eq!(app.credits_available().await + short["pagesCharged"].as_i64().unwrap(), 1000);
}

#[tokio::test]
async fn an_xml_over_ten_megabytes_is_not_read() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let mut xml = b"<?xml version=\"1.0\"?>\n<Invoice><!-- ".to_vec();
    xml.resize(11 * 1024 * 1024, b'x');
    xml.extend_from_slice(b" --></Invoice>\n");
    let file = upload(&app, &year, "big.xml", "application/xml", xml).await;

    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let result = ocr_result(&app, &year, &file).await;

    assert_eq!(result["status"], "failed");
    assert_eq!(result["errorCode"], "xml_too_large", "{result}");
}

#[tokio::test]
async fn an_ocr_result_belongs_to_the_content_it_read() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = upload(&app, &year, "text.pdf", "application/pdf", fixtures().await.bytes("text.pdf")).await;
    request_ocr(&app, &year, &file, json!({})).await.ok(202);
    app.drain_ocr().await;
    let truth = fixtures().await.truth("text.pdf");
    let word = truth["supplierName"].as_str().unwrap().split_whitespace().next().unwrap().to_lowercase();
    let search = app.year_path(&year, &format!("/files?q={word}"));
    assert_eq!(app.get(&search).await.ok(200).as_array().unwrap().len(), 1);

    app.post(&app.file_path(&year, &file, "/delete-url"), json!({})).await.ok(200);
    let bytes = pdf("other content");
    let upload = app.upload_url(&year, &file, "application/pdf", bytes.len() as u64).await.ok(200).clone();
    app.put_presigned(&upload, bytes).await;
    let replaced = app.finalize(&year, &file).await.ok(200).clone();

    assert_eq!(replaced["ocr"], Value::Null, "{replaced}");
    app.get(&app.file_path(&year, &file, "/ocr")).await.problem(404, "not_found");
    assert!(app.get(&search).await.ok(200).as_array().unwrap().is_empty(), "the old text is not searched");
    let export = app.post(&app.year_path(&year, "/export"), json!({})).await.ok(202)["id"].as_str().unwrap().to_owned();
    while coffre::jobs::export::run_one(&app.app).await.unwrap() {}
    let export = app.get(&app.year_path(&year, &format!("/exports/{export}"))).await.ok(200).clone();
    let zip = app.client.get(export["url"].as_str().unwrap()).send().await.unwrap().bytes().await.unwrap();
    let manifest = String::from_utf8_lossy(&zip).into_owned();
    assert!(manifest.contains("\"fields\": null"), "the manifest has no fields for the new content");
}
