//! The web interface's server side: sign-in and sessions, CSRF, security headers, escaping,
//! languages, read-only sessions, thumbnails; and the embedded endpoint's HTTP for viewers
//! (Range, ETag/If-None-Match, HEAD, inline disposition), also through boto3's presigned URLs.

use reqwest::header::{HeaderMap, CONTENT_TYPE, COOKIE, SET_COOKIE};
use reqwest::{redirect, Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

/// A browser-like client: no redirects followed, cookies kept by hand.
pub struct Browser {
    client: reqwest::Client,
    base: String,
    pub cookies: Vec<(String, String)>,
    pub csrf: String,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// The `value` of the first `<input ... name="NAME" value="...">` of a page.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).unwrap_or_else(|| panic!("no {name} in {body}")) + marker.len();
    body[start..start + body[start..].find('"').unwrap()].to_owned()
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        let client = reqwest::Client::builder().redirect(redirect::Policy::none()).build().unwrap();
        Self { client, base: app.base.clone(), cookies: Vec::new(), csrf: String::new() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Page {
        let response = request.header(COOKIE, self.cookie_header()).send().await.expect("request");
        for set in response.headers().get_all(SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(k, _)| k != name);
            if !value.is_empty() {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
        let (status, headers) = (response.status(), response.headers().clone());
        Page { status, headers, body: response.text().await.unwrap_or_default() }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let request = self.client.get(format!("{}{path}", self.base));
        self.send(request).await
    }

    pub async fn get_with(&mut self, path: &str, header: (&str, &str)) -> Page {
        let request = self.client.get(format!("{}{path}", self.base)).header(header.0, header.1);
        self.send(request).await
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        self.send(request).await
    }

    /// A form post carrying the session's CSRF token.
    pub async fn submit(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let csrf = self.csrf.clone();
        let mut all = vec![("_csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all).await
    }

    /// The JSON API with the session cookie (and optionally the CSRF header).
    pub async fn api(&mut self, method: Method, path: &str, body: serde_json::Value, csrf: bool) -> Page {
        let mut request = self.client.request(method, format!("{}{path}", self.base)).json(&body);
        if csrf {
            request = request.header("x-csrf-token", self.csrf.clone());
        }
        self.send(request).await
    }

    pub async fn sign_in(&mut self, key: &str) -> Page {
        let form = self.get("/login").await;
        let token = hidden(&form.body, "_login");
        let page = self.post_form("/login", &[("_login", &token), ("key", key)]).await;
        if page.status == StatusCode::SEE_OTHER {
            let years = self.get("/years").await;
            self.csrf = hidden(&years.body, "_csrf");
        }
        page
    }
}

#[tokio::test]
async fn sign_in_opens_a_strict_http_only_session_that_sign_out_ends() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);

    assert_eq!(browser.get("/years").await.location(), "/login");
    let refused = browser.sign_in("coffre_not_a_key").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(browser.cookies.iter().all(|(k, _)| k != "coffre_session"));

    let form = browser.get("/login").await;
    let token = hidden(&form.body, "_login");
    let signed = browser.post_form("/login", &[("_login", &token), ("key", &app.key)]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let cookie = signed
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("coffre_session="));
    let cookie = cookie.expect("a session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP gets no Secure flag: {cookie}");
    assert!(!cookie.contains(&app.key), "the key itself is never the cookie");
    let years = browser.get("/years").await;
    assert_eq!(years.status, StatusCode::OK);
    browser.csrf = hidden(&years.body, "_csrf");

    // The session calls the API as its key would.
    browser.api(Method::GET, &app.org_path("/years"), json!(null), false).await;
    let listed = browser.api(Method::GET, &app.org_path("/years"), json!(null), false).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);

    let out = browser.submit("/logout", &[]).await;
    assert_eq!(out.location(), "/login");
    assert_eq!(browser.get("/years").await.location(), "/login");
    let api = browser.api(Method::GET, &app.org_path("/years"), json!(null), false).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn sign_in_without_its_form_token_is_refused() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    let page = browser.post_form("/login", &[("_login", "forged"), ("key", &app.key)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(browser.cookies.iter().all(|(k, _)| k != "coffre_session"));
}

#[tokio::test]
async fn expired_sessions_and_revoked_keys_are_signed_out() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;
    assert_eq!(browser.get("/years").await.status, StatusCode::OK);
    sqlx::query("UPDATE web_sessions SET expires_at = 1").execute(app.app.db().pool()).await.unwrap();
    assert_eq!(browser.get("/years").await.location(), "/login");
    let api = browser.api(Method::GET, &app.org_path("/years"), json!(null), false).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn state_changes_need_the_sessions_csrf_token() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;
    let fields = [("label", "2026"), ("startingAt", "2026-01-01"), ("endingAt", "2026-12-31")];

    let forged = browser.post_form("/years", &[("_csrf", "forged"), fields[0], fields[1], fields[2]]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(forged.body.contains("csrf_token_invalid"));
    let without = browser
        .api(
            Method::POST,
            &app.org_path("/years"),
            json!({"label": "x", "startingAt": "2026-01-01", "endingAt": "2026-12-31"}),
            false,
        )
        .await;
    assert_eq!(without.status, StatusCode::FORBIDDEN);
    let problem: serde_json::Value = serde_json::from_str(&without.body).unwrap();
    assert_eq!(problem["code"], "csrf_token_invalid");
    assert_eq!(app.get(&app.org_path("/years")).await.body.as_array().unwrap().len(), 0, "nothing was created");

    let created = browser.submit("/years", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let with = browser
        .api(
            Method::POST,
            &app.org_path("/years"),
            json!({"label": "y", "startingAt": "2027-01-01", "endingAt": "2027-12-31"}),
            true,
        )
        .await;
    assert_eq!(with.status, StatusCode::CREATED, "{}", with.body);
}

#[tokio::test]
async fn pages_carry_strict_security_headers() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    for path in ["/login", "/static/app.js"] {
        let page = browser.get(path).await;
        let csp = page.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
        assert_eq!(page.headers["x-content-type-options"], "nosniff");
        assert_eq!(page.headers["referrer-policy"], "same-origin");
    }
    let login = browser.get("/login").await;
    assert_eq!(login.headers[CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(!login.body.contains("style="), "no inline style");
    assert!(!login.body.contains("<script>"), "no inline script");
}

#[tokio::test]
async fn user_text_is_escaped_and_languages_follow_the_browser() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let xss = "<img src=x onerror=alert(1)>";
    let file = app.upload_file(&year, xss, "application/pdf", pdf("xss")).await.id();
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;

    let list = browser.get(&format!("/years/{year}")).await;
    assert!(
        list.body.contains("&#60;img src=x onerror=alert(1)&#62;") || list.body.contains("&lt;img src=x"),
        "{}",
        list.body
    );
    assert!(!list.body.contains(xss));
    let detail = browser.get(&format!("/years/{year}/files/{file}")).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(!detail.body.contains(xss));

    assert!(browser.get("/years").await.body.contains("Exercices"));
    let english = browser.get_with("/years", ("accept-language", "en-US,en;q=0.9")).await;
    assert!(english.body.contains("Fiscal years") && english.body.contains("lang=\"en\""));
    let switched = browser.get("/lang/en?back=/usage").await;
    assert_eq!(switched.location(), "/usage");
    assert!(browser.get("/years").await.body.contains("Fiscal years"));
    assert_eq!(browser.get("/lang/fr?back=//evil.example").await.location(), "/", "no open redirect");
}

#[tokio::test]
async fn a_read_only_key_sees_no_edit_control_and_a_closed_year_neither() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "facture.pdf", "application/pdf", pdf("ro")).await.id();
    let (_, key) = coffre::admin::create_key(app.app.db(), &app.org, true).await.expect("a read-only key");
    let mut viewer = Browser::new(&app);
    assert_eq!(viewer.sign_in(&key).await.status, StatusCode::SEE_OTHER);
    let detail = viewer.get(&format!("/years/{year}/files/{file}")).await;
    assert!(!detail.body.contains("id=\"edit\"") && !detail.body.contains("id=\"trash\""));
    assert!(!viewer.get(&format!("/years/{year}")).await.body.contains("id=\"drop\""));

    let mut editor = Browser::new(&app);
    editor.sign_in(&app.key).await;
    assert!(editor.get(&format!("/years/{year}/files/{file}")).await.body.contains("id=\"edit\""));
    assert_eq!(editor.submit(&format!("/years/{year}/close"), &[]).await.status, StatusCode::SEE_OTHER);
    let closed = editor.get(&format!("/years/{year}/files/{file}")).await;
    assert!(!closed.body.contains("id=\"edit\"") && !closed.body.contains("id=\"trash\""));
    let refused = editor.submit(&format!("/years/{year}/files/{file}"), &[("name", "autre.pdf")]).await;
    assert_eq!(refused.status, StatusCode::LOCKED);
}

/// A real one-page PDF and a real PNG.
async fn real_documents() -> (Vec<u8>, Vec<u8>) {
    let fixtures = crate::fixtures::fixtures().await;
    let picture = image::RgbImage::from_fn(800, 600, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    let mut png = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut png, image::ImageFormat::Png).unwrap();
    (fixtures.bytes("facturx.pdf"), png.into_inner())
}

#[tokio::test]
async fn thumbnails_are_made_in_the_background_and_served_signed_and_cacheable() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let (pdf_bytes, png_bytes) = real_documents().await;
    let pdf_file = app.upload_file(&year, "facture.pdf", "application/pdf", pdf_bytes).await.id();
    let png_file = app.upload_file(&year, "photo.png", "image/png", png_bytes).await.id();
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;
    assert_eq!(
        browser.get(&format!("/documents/{pdf_file}?thumbnail")).await.status,
        StatusCode::NOT_FOUND,
        "not made yet"
    );

    assert_eq!(coffre::jobs::thumbnails::drain(&app.app).await.unwrap(), 2);
    for file in [&pdf_file, &png_file] {
        let redirect = browser.get(&format!("/documents/{file}?thumbnail")).await;
        assert_eq!(redirect.status, StatusCode::SEE_OTHER);
        let url = redirect.location().to_owned();
        let again = browser.get(&format!("/documents/{file}?thumbnail")).await;
        assert_eq!(again.location(), url, "the same URL within the hour, so browsers cache it");
        let response = reqwest::get(&url).await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "image/jpeg");
        assert_eq!(response.headers()["cache-control"], "private, max-age=3600");
        let jpeg = response.bytes().await.unwrap();
        let decoded = image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg).expect("a JPEG");
        assert!(decoded.width() <= 300 && decoded.height() <= 300 && decoded.width().max(decoded.height()) >= 250);
    }
    let list = browser.get(&format!("/years/{year}")).await;
    assert_eq!(list.body.matches("<img src=").count(), 2, "both rows show their thumbnail");
    assert_eq!(coffre::jobs::thumbnails::drain(&app.app).await.unwrap(), 0, "made once");
}

/// The download URL of a new file with `body`, and the endpoint's ETag of it.
async fn stored(app: &TestApp, body: Vec<u8>) -> String {
    let year = app.create_year().await;
    let file = app.upload_file(&year, "facture.pdf", "application/pdf", body).await.id();
    let signed = app.post(&app.file_path(&year, &file, "/download-url"), json!({})).await;
    signed.ok(200)["url"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_embedded_endpoint_serves_ranges_etags_and_not_modified() {
    let app = TestApp::spawn_embedded_store().await;
    let body = pdf("ranges-0123456789");
    let url = stored(&app, body.clone()).await;
    let client = reqwest::Client::new();

    let whole = client.get(&url).send().await.unwrap();
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    let etag = whole.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'));

    let part = client.get(&url).header("range", "bytes=2-9").send().await.unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(part.headers()["content-range"], format!("bytes 2-9/{}", body.len()));
    assert_eq!(part.bytes().await.unwrap(), body[2..10]);
    let tail = client.get(&url).header("range", "bytes=-5").send().await.unwrap();
    assert_eq!(tail.status(), 206);
    assert_eq!(tail.bytes().await.unwrap(), body[body.len() - 5..]);
    let beyond = client.get(&url).header("range", format!("bytes={}-", body.len())).send().await.unwrap();
    assert_eq!(beyond.status(), 416);
    assert_eq!(beyond.headers()["content-range"], format!("bytes */{}", body.len()));
    let several = client.get(&url).header("range", "bytes=0-1,4-5").send().await.unwrap();
    assert_eq!(several.status(), 200, "several ranges: the whole object, as S3 does");
    let stale = client.get(&url).header("range", "bytes=0-1").header("if-range", "\"other\"").send().await.unwrap();
    assert_eq!(stale.status(), 200, "If-Range with another version: the whole object");

    let cached = client.get(&url).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(cached.status(), 304);
    assert_eq!(cached.headers()["etag"], etag.as_str());
    assert!(cached.bytes().await.unwrap().is_empty());
    let changed = client.get(&url).header("if-none-match", "\"other\"").send().await.unwrap();
    assert_eq!(changed.status(), 200);

    // HEAD, with a URL signed for HEAD.
    let key = key_from_url(&url);
    let signer = app.app.blob().signer();
    let head_url = signer.presign("HEAD", coffre::blob::Target::Object(&key), &[], &[], 60).url;
    let head = client.head(&head_url).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-length"], body.len().to_string().as_str());
    assert_eq!(head.headers()["etag"], etag.as_str());
}

#[tokio::test]
async fn previews_are_inline_and_downloads_attachments() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let file = app.upload_file(&year, "facture été.pdf", "application/pdf", pdf("inline")).await.id();
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;
    let detail = browser.get(&format!("/years/{year}/files/{file}")).await;
    let start = detail.body.find("<iframe src=\"").expect("a PDF preview frame") + 13;
    let src =
        detail.body[start..start + detail.body[start..].find('"').unwrap()].replace("&amp;", "&").replace("&#38;", "&");
    let preview = reqwest::get(&src).await.unwrap();
    assert_eq!(preview.status(), 200, "{src}");
    assert!(preview.headers()["content-disposition"].to_str().unwrap().starts_with("inline;"));
    assert_eq!(preview.headers()["content-type"], "application/pdf");

    let download = browser.get(&format!("/years/{year}/files/{file}/download")).await;
    assert_eq!(download.status, StatusCode::SEE_OTHER);
    let attachment = reqwest::get(download.location()).await.unwrap();
    assert!(attachment.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
}

#[tokio::test(flavor = "multi_thread")]
async fn boto3_presigned_ranged_get_and_not_modified() {
    let app = TestApp::spawn_embedded_store().await;
    let body = pdf("boto3-range");
    let url = stored(&app, body.clone()).await;
    let key = key_from_url(&url);
    let script = r#"
import json, os, sys, urllib.request, urllib.error
import boto3
from botocore.client import Config
s3 = boto3.client("s3", endpoint_url=os.environ["E"], region_name="us-east-1", aws_access_key_id=os.environ["A"],
                  aws_secret_access_key=os.environ["S"], config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
url = s3.generate_presigned_url("get_object", Params={"Bucket": os.environ["B"], "Key": os.environ["K"]}, ExpiresIn=300)
r = urllib.request.urlopen(urllib.request.Request(url, headers={"Range": "bytes=1-4"}))
out = {"status": r.status, "range": r.headers["Content-Range"], "body": r.read().decode(), "etag": r.headers["ETag"]}
try:
    urllib.request.urlopen(urllib.request.Request(url, headers={"If-None-Match": out["etag"]}))
    out["again"] = 200
except urllib.error.HTTPError as e:
    out["again"] = e.code
print(json.dumps(out))
"#;
    let python = std::env::var("COFFRE_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = tokio::process::Command::new(&python)
        .args(["-c", script])
        .env("E", app.url("/s3"))
        .env("A", S3_ACCESS_KEY)
        .env("S", S3_SECRET_KEY)
        .env("B", &app.app.blob().signer().bucket)
        .env("K", key.as_str())
        .output()
        .await
        .expect("python runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let out: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(out["status"], 206);
    assert_eq!(out["range"], format!("bytes 1-4/{}", body.len()));
    assert_eq!(out["body"], std::str::from_utf8(&body[1..5]).unwrap());
    assert_eq!(out["again"], 304);
}

#[tokio::test]
async fn behind_https_the_session_cookie_is_secure() {
    let app = TestApp::spawn_with(|c| c.public_url = Some("https://compta.example".into())).await;
    let mut browser = Browser::new(&app);
    let form = browser.get("/login").await;
    let token = hidden(&form.body, "_login");
    let signed = browser.post_form("/login", &[("_login", &token), ("key", &app.key)]).await;
    let cookies: Vec<String> =
        signed.headers.get_all(SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    let session = cookies.iter().find(|c| c.starts_with("coffre_session=")).expect("a session cookie");
    assert!(session.contains("; Secure"), "{session}");
}

#[tokio::test]
async fn bulk_actions_move_trash_and_queue_ocr_through_the_api_rules() {
    let app = TestApp::spawn().await;
    app.add_credits(10).await;
    let year = app.create_year().await;
    let folder = app.create_folder(&year, "Achats", None).await.id();
    let a = app.upload_file(&year, "a.pdf", "application/pdf", pdf("bulk-a")).await.id();
    let b = app.upload_file(&year, "b.pdf", "application/pdf", pdf("bulk-b")).await.id();
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;

    let moved = browser
        .submit(&format!("/years/{year}/bulk"), &[("action", "move"), ("target", &folder), ("ids", &a), ("ids", &b)])
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    for id in [&a, &b] {
        assert_eq!(app.get(&app.file_path(&year, id, "")).await.ok(200)["idFolder"], folder.as_str());
    }
    let read = browser.submit(&format!("/years/{year}/bulk"), &[("action", "ocr"), ("ids", &a)]).await;
    assert_eq!(read.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&app.file_path(&year, &a, "")).await.body["ocr"]["status"], "queued");
    let trashed = browser.submit(&format!("/years/{year}/bulk"), &[("action", "trash"), ("ids", &b)]).await;
    assert_eq!(trashed.status, StatusCode::SEE_OTHER);
    // A trashed file is gone from reads (404) and listed in the trash.
    app.get(&app.file_path(&year, &b, "")).await.problem(404, "not_found");
    let listed = app.get(&format!("{}?status=deleted", app.year_path(&year, "/files"))).await;
    assert_eq!(listed.ok(200).as_array().unwrap().len(), 1);
    let trash = browser.get("/trash").await;
    assert!(trash.body.contains("b.pdf") && !trash.body.contains("a.pdf"));

    let unknown = browser.submit(&format!("/years/{year}/bulk"), &[("action", "shred"), ("ids", &a)]).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "a client mistake, never a 500");
}

#[tokio::test]
async fn a_year_is_exported_and_its_archive_downloaded_from_the_years_screen() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    app.upload_file(&year, "a.pdf", "application/pdf", pdf("export-web")).await.ok(200);
    let mut browser = Browser::new(&app);
    browser.sign_in(&app.key).await;
    let queued = browser.submit(&format!("/years/{year}/export"), &[]).await;
    assert_eq!(queued.status, StatusCode::SEE_OTHER);
    let page_path = queued.location().to_owned();
    let waiting = browser.get(&page_path).await;
    assert!(waiting.body.contains("http-equiv=\"refresh\""), "the page refreshes itself while queued");
    while coffre::jobs::export::run_one(&app.app).await.unwrap() {}
    let ready = browser.get(&page_path).await;
    assert!(!ready.body.contains("http-equiv=\"refresh\""));
    let start = ready
        .body
        .find("id=\"export-download\"")
        .map(|_| ready.body.find("<a class=\"button primary\" href=\"").unwrap() + 32);
    let start = start.expect("a download link");
    let url =
        ready.body[start..start + ready.body[start..].find('"').unwrap()].replace("&#38;", "&").replace("&amp;", "&");
    let archive = reqwest::get(&url).await.unwrap();
    assert_eq!(archive.status(), 200);
    assert_eq!(&archive.bytes().await.unwrap()[..2], b"PK");
}
