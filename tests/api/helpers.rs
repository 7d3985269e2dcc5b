//! `TestApp`: a real Coffre server on a free port, with a fresh database and object store,
//! and typed helpers per endpoint.

use std::path::PathBuf;

use coffre::config::Config;
use coffre::server::Server;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Credentials of the embedded S3 endpoint in tests, so external clients can presign too.
pub const S3_ACCESS_KEY: &str = "COFFRETESTACCESSKEY";
pub const S3_SECRET_KEY: &str = "coffre-test-secret-key-0123456789abcdef";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub org: String,
    pub key: String,
    pub app: coffre::app::App,
    pub data_dir: PathBuf,
    _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

/// A response, its body parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Resp {
    /// Asserts an RFC 9457 problem with this status and code, and returns its body.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status.as_u16(), status, "unexpected status, body: {}", self.text);
        let content_type = self.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert_eq!(content_type, "application/problem+json", "body: {}", self.text);
        assert_eq!(self.body["code"], code, "body: {}", self.text);
        assert_eq!(self.body["status"], status);
        for member in ["type", "title", "detail"] {
            assert!(self.body[member].is_string(), "problem without {member}: {}", self.text);
        }
        &self.body
    }

    #[track_caller]
    pub fn ok(&self, status: u16) -> &Value {
        assert_eq!(self.status.as_u16(), status, "unexpected status, body: {}", self.text);
        &self.body
    }

    pub fn id(&self) -> String {
        self.body["id"].as_str().unwrap_or_else(|| panic!("no id in {}", self.text)).to_owned()
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Spawns with a configuration adjusted by `adjust`.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = dir.path().join("data");
        let mut config = Config::embedded(data_dir.clone(), "127.0.0.1:0".parse().unwrap());
        config.s3_access_key = Some(S3_ACCESS_KEY.into());
        config.s3_secret_key = Some(S3_SECRET_KEY.into());
        config.sweep_interval_secs = 3600;
        adjust(&mut config);
        let server = Server::bind(config).await.expect("server starts");
        let base = format!("http://{}", server.local_addr());
        let app = server.app().clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            server
                .run(async {
                    let _ = rx.await;
                })
                .await
                .expect("server runs");
        });
        let (org, key) = coffre::admin::create_organization(app.db(), "Test SARL", 1 << 30).await.expect("org");
        Self {
            base,
            client: reqwest::Client::new(),
            org,
            key,
            app,
            data_dir,
            _dir: dir,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("server task");
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// `/organizations/{org}` + `rest`.
    pub fn org_path(&self, rest: &str) -> String {
        format!("/organizations/{}{}", self.org, rest)
    }

    pub async fn request_as(&self, key: Option<&str>, method: Method, path: &str, body: Option<Value>) -> Resp {
        let mut req = self.client.request(method, self.url(path));
        if let Some(key) = key {
            req = req.bearer_auth(key);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        read(req.send().await.expect("request sent")).await
    }

    pub async fn request(&self, method: Method, path: &str, body: Option<Value>) -> Resp {
        self.request_as(Some(&self.key.clone()), method, path, body).await
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.request(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Resp {
        self.request(Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Resp {
        self.request(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Resp {
        self.request(Method::DELETE, path, None).await
    }

    /// Sends a raw body with a content type.
    pub async fn post_raw(&self, path: &str, body: &'static str) -> Resp {
        let req = self
            .client
            .post(self.url(path))
            .bearer_auth(&self.key)
            .header("content-type", "application/json")
            .body(body);
        read(req.send().await.expect("request sent")).await
    }

    pub async fn create_year(&self) -> String {
        let body = json!({"label": "Exercice 2026", "startingAt": "2026-01-01", "endingAt": "2026-12-31"});
        self.post(&self.org_path("/years"), body).await.ok(201);
        let years = self.get(&self.org_path("/years")).await;
        years.body.as_array().and_then(|a| a.last()).expect("a year")["id"].as_str().unwrap().to_owned()
    }

    pub fn year_path(&self, year: &str, rest: &str) -> String {
        self.org_path(&format!("/years/{year}{rest}"))
    }

    pub fn file_path(&self, year: &str, file: &str, rest: &str) -> String {
        self.year_path(year, &format!("/files/{file}{rest}"))
    }

    pub async fn create_folder(&self, year: &str, name: &str, parent: Option<&str>) -> Resp {
        self.post(&self.year_path(year, "/folders"), json!({"name": name, "idFolderParent": parent})).await
    }

    pub async fn create_file(&self, year: &str, body: Value) -> Resp {
        self.post(&self.year_path(year, "/files"), body).await
    }

    pub async fn upload_url(&self, year: &str, file: &str, content_type: &str, size: u64) -> Resp {
        self.post(&self.file_path(year, file, "/upload-url"), json!({"type": content_type, "size": size})).await
    }

    /// PUTs `bytes` to a presigned URL with the headers the API asked for.
    pub async fn put_presigned(&self, upload: &Value, bytes: Vec<u8>) -> reqwest::Response {
        let mut req = self.client.put(upload["url"].as_str().expect("url"));
        for (name, value) in upload["headers"].as_object().expect("headers") {
            if !name.eq_ignore_ascii_case("content-length") {
                req = req.header(name, value.as_str().unwrap());
            }
        }
        req.body(bytes).send().await.expect("PUT sent")
    }

    pub async fn finalize(&self, year: &str, file: &str) -> Resp {
        self.post(&self.file_path(year, file, "/finalize"), json!({})).await
    }

    /// Creates a file and uploads `bytes` as `content_type` through the whole flow; returns the
    /// finalize response.
    pub async fn upload_file(&self, year: &str, name: &str, content_type: &str, bytes: Vec<u8>) -> Resp {
        let file = self.create_file(year, json!({"name": name})).await.id();
        let upload = self.upload_url(year, &file, content_type, bytes.len() as u64).await;
        let upload = upload.ok(200).clone();
        let put = self.put_presigned(&upload, bytes).await;
        assert_eq!(put.status(), 200, "PUT refused: {}", put.text().await.unwrap_or_default());
        self.finalize(year, &file).await
    }

    /// Organization usage straight from the database.
    pub async fn used_bytes(&self) -> i64 {
        coffre::db::orgs::get(self.app.db(), &self.org).await.unwrap().unwrap().used_bytes
    }

    /// A second organization with its own key, for isolation tests.
    pub async fn other_org(&self) -> (String, String) {
        coffre::admin::create_organization(self.app.db(), "Other SAS", 1 << 30).await.unwrap()
    }
}

pub async fn read(response: reqwest::Response) -> Resp {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Resp { status, headers, body, text }
}

/// A small valid-looking PDF with unique content.
pub fn pdf(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").into_bytes()
}

/// A minimal PNG header with unique trailing bytes.
pub fn png(tag: &str) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend_from_slice(tag.as_bytes());
    bytes
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}
