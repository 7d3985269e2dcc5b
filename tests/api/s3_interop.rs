//! The embedded S3 endpoint as S3 clients see it: boto3, an independent SigV4 implementation,
//! presigns with Coffre's credentials and must be accepted or refused exactly as AWS S3 would
//! (`tests/s3/interop.py`); and the endpoint's errors are S3's XML errors.

use std::process::Output;
use std::time::Duration;

use coffre::blob::ObjectKey;
use coffre::domain::new_id;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/s3/interop.py");

/// The script's exit status when it cannot run at all (boto3 missing, environment incomplete).
const SETUP_ERROR: i32 = 2;

/// Every case the script must report as passing, so that a case dropped from it, or skipped
/// because an environment variable went missing, fails here instead of passing silently.
const CASES: [&str; 15] = [
    "put_presigned_for_a_key_that_is_no_live_upload_is_refused",
    "get_presigned_returns_the_same_bytes",
    "head_presigned_returns_content_length",
    "get_presigned_with_response_overrides_sets_headers",
    "url_presigned_for_get_is_refused_for_delete",
    "tampered_signature_is_refused",
    "tampered_key_in_path_is_refused",
    "tampered_expires_is_refused",
    "expired_url_is_refused",
    "put_with_another_length_than_signed_is_refused",
    "put_with_another_type_than_signed_is_refused",
    "wrong_secret_key_is_refused",
    "unknown_access_key_is_refused",
    "delete_presigned_removes_the_object",
    "coffre_presigned_put_works_from_urllib",
];

#[tokio::test(flavor = "multi_thread")]
async fn boto3_agrees_with_the_embedded_endpoint() {
    let app = TestApp::spawn_embedded_store().await;
    let year = app.create_year().await;
    let file = app.create_file(&year, json!({"name": "facture.pdf"})).await.id();
    let body = pdf("s3-interop");
    let upload = app.upload_url(&year, &file, "application/pdf", body.len() as u64).await.ok(200).clone();
    let prefix = format!("{}/{file}", app.org);
    let url = upload["url"].as_str().expect("url");
    assert!(url.starts_with(&app.url(&format!("/s3/coffre/{prefix}/"))), "unexpected upload URL {url}");

    let output = run_script(&app, &prefix, &upload, &body).await;
    assert_script_passed(&output);

    // The script PUT `body` through Coffre's own URL with urllib, read it back with boto3's
    // URLs, then deleted it with one. The URL is still the file's live upload: PUT again, and
    // Coffre must see those bytes.
    app.finalize(&year, &file).await.problem(409, "upload_missing");
    assert_eq!(app.put_presigned(&upload, body.clone()).await.status(), 200);
    let finalized = app.finalize(&year, &file).await;
    assert_eq!(finalized.ok(200)["sha256"], sha256_hex(&body), "{}", finalized.text);
    app.stop().await;
}

async fn run_script(app: &TestApp, prefix: &str, upload: &Value, body: &[u8]) -> Output {
    let python = std::env::var("COFFRE_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let body = std::str::from_utf8(body).expect("the test PDF is text");
    let run = tokio::process::Command::new(&python)
        .arg(SCRIPT)
        .env("COFFRE_S3_ENDPOINT", app.url("/s3"))
        .env("COFFRE_S3_BUCKET", &app.app.blob().signer().bucket)
        .env("COFFRE_S3_ACCESS_KEY", S3_ACCESS_KEY)
        .env("COFFRE_S3_SECRET_KEY", S3_SECRET_KEY)
        .env("COFFRE_S3_KEY_PREFIX", prefix)
        .env("COFFRE_S3_COFFRE_PUT_URL", upload["url"].as_str().expect("url"))
        .env("COFFRE_S3_COFFRE_PUT_HEADERS", upload["headers"].to_string())
        .env("COFFRE_S3_COFFRE_PUT_BODY", body)
        .kill_on_drop(true)
        .output();
    // A hung request must fail the test, not the CI job's own timeout.
    tokio::time::timeout(Duration::from_secs(120), run)
        .await
        .expect("interop.py did not finish within 2 minutes")
        .unwrap_or_else(|e| panic!("cannot run `{python}` (set COFFRE_TEST_PYTHON to a Python 3 with boto3): {e}"))
}

#[track_caller]
fn assert_script_passed(output: &Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report = format!("--- stdout\n{stdout}--- stderr\n{stderr}");
    // Shown with --nocapture, so a passing run still documents what was checked.
    println!("{stdout}");
    assert_ne!(
        output.status.code(),
        Some(SETUP_ERROR),
        "interop.py could not run; boto3 must be installed for COFFRE_TEST_PYTHON:\n{report}"
    );
    assert!(output.status.success(), "interop.py reported failures ({}):\n{report}", output.status);
    let passed = |case: &&str| stdout.lines().any(|line| line == format!("PASS {case}"));
    let missing: Vec<&str> = CASES.iter().filter(|case| !passed(case)).copied().collect();
    assert!(missing.is_empty(), "cases not reported as passing: {missing:?}\n{report}");
}

#[tokio::test(flavor = "multi_thread")]
async fn endpoint_errors_are_s3_xml_errors() {
    let app = TestApp::spawn_embedded_store().await;
    let signer = app.app.blob().signer().clone();
    let key = ObjectKey::new_content(&app.org, &new_id());
    let path = format!("/s3/coffre/{}", key.as_str());

    let unsigned = send(&app, Method::PUT, &app.url(&path)).await;
    assert_s3_error(&unsigned, 403, "AccessDenied", &path);
    let get = signer.presign("GET", coffre::blob::Target::Object(&key), &[], &[], 60);
    // Also proves the unsigned PUT stored nothing.
    assert_s3_error(&send(&app, Method::GET, &get.url).await, 404, "NoSuchKey", &path);

    let partial = app.url(&format!("{path}?X-Amz-Algorithm=AWS4-HMAC-SHA256"));
    assert_s3_error(&send(&app, Method::GET, &partial).await, 400, "AuthorizationQueryParametersError", &path);

    let post = signer.presign("POST", coffre::blob::Target::Object(&key), &[], &[], 60);
    assert_s3_error(&send(&app, Method::POST, &post.url).await, 405, "MethodNotAllowed", &path);

    // A key of another shape is never looked up on disk, even when validly signed.
    let odd = ObjectKey::from_stored("not/an/id".to_owned());
    let odd_url = signer.presign("GET", coffre::blob::Target::Object(&odd), &[], &[], 60).url;
    assert_s3_error(&send(&app, Method::GET, &odd_url).await, 404, "NoSuchKey", "/s3/coffre/not/an/id");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn another_bucket_is_refused_unsigned_and_missing_once_signed() {
    let app = TestApp::spawn_embedded_store().await;
    let mut signer = app.app.blob().signer().clone();
    signer.bucket = "autre".to_owned();
    let key = ObjectKey::new_content(&app.org, &new_id());
    let path = format!("/s3/autre/{}", key.as_str());

    // The signature is checked before the bucket, so an anonymous client learns nothing.
    let unsigned = send(&app, Method::GET, &app.url(&path)).await;
    assert_s3_error(&unsigned, 403, "AccessDenied", &path);
    let signed = signer.presign("GET", coffre::blob::Target::Object(&key), &[], &[], 60);
    assert_s3_error(&send(&app, Method::GET, &signed.url).await, 404, "NoSuchBucket", &path);
    app.stop().await;
}

async fn send(app: &TestApp, method: Method, url: &str) -> Resp {
    read(app.client.request(method, url).send().await.expect("request sent")).await
}

/// Asserts the S3 error S3 clients parse: status, XML content type, `<Code>` and `<Resource>`.
#[track_caller]
fn assert_s3_error(resp: &Resp, status: u16, code: &str, resource: &str) {
    assert_eq!(resp.status.as_u16(), status, "body: {}", resp.text);
    let content_type = resp.headers.get("content-type").and_then(|v| v.to_str().ok());
    assert_eq!(content_type, Some("application/xml"), "body: {}", resp.text);
    assert!(resp.text.starts_with("<?xml"), "not an XML document: {}", resp.text);
    assert_eq!(xml_element(&resp.text, "Code"), Some(code), "body: {}", resp.text);
    assert_eq!(xml_element(&resp.text, "Resource"), Some(resource), "body: {}", resp.text);
    assert!(xml_element(&resp.text, "Message").is_some_and(|m| !m.is_empty()), "body: {}", resp.text);
}

/// The text of the first `<name>` element; S3 error bodies are flat, so no XML parser is needed.
fn xml_element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let start = xml.find(&format!("<{name}>"))? + name.len() + 2;
    let len = xml[start..].find(&format!("</{name}>"))?;
    Some(&xml[start..start + len])
}
