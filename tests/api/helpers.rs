//! `TestApp`: a real Coffre server on a free port, with a fresh database and object store,
//! and typed helpers per endpoint.
//!
//! The backends come from the environment, so the same suite runs on both:
//! - nothing set: the embedded default (SQLite and the local object endpoint);
//! - `COFFRE_TEST_DATABASE_URL` (a PostgreSQL server's admin URL): each test gets a new
//!   database on that server;
//! - `COFFRE_TEST_S3_ENDPOINT`, `_ACCESS_KEY`, `_SECRET_KEY`, `_BUCKET`: an external
//!   S3-compatible store, each test under its own key prefix.

use std::path::PathBuf;

use coffre::config::Config;
use coffre::server::Server;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Credentials of the embedded S3 endpoint in tests, so external clients can presign too.
pub const S3_ACCESS_KEY: &str = "COFFRETESTACCESSKEY";
pub const S3_SECRET_KEY: &str = "coffre-test-secret-key-0123456789abcdef";

/// Switches a test configuration to the embedded object store.
pub fn use_embedded_store(c: &mut Config) {
    c.s3_endpoint = None;
    c.s3_access_key = Some(S3_ACCESS_KEY.into());
    c.s3_secret_key = Some(S3_SECRET_KEY.into());
    c.s3_key_prefix = String::new();
    c.s3_bucket = "coffre".into();
}

/// A running server.
pub struct Instance {
    pub base: String,
    pub app: coffre::app::App,
    shutdown: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Instance {
    pub async fn start(config: Config) -> Self {
        let server = Server::bind(config).await.expect("server starts");
        let base = format!("http://{}", server.local_addr());
        let app = server.app().clone();
        if let coffre::blob::BlobStore::S3(store) = app.blob() {
            // Outage tests point at a store that is down on purpose.
            if let Err(e) = store.ensure_bucket().await {
                eprintln!("the test bucket could not be created: {e}");
            }
        }
        let (shutdown, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            server
                .run(async {
                    let _ = rx.await;
                })
                .await
                .expect("server runs");
        });
        Self { base, app, shutdown, task }
    }

    pub async fn stop(self) {
        let _ = self.shutdown.send(());
        self.task.await.expect("server task");
    }
}

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

    /// Spawns on the embedded object store whatever the environment says (for tests of the
    /// embedded S3 endpoint itself).
    pub async fn spawn_embedded_store() -> Self {
        Self::spawn_with(use_embedded_store).await
    }

    /// The configuration of a fresh test server on the backends the environment names.
    pub async fn test_config(data_dir: PathBuf) -> Config {
        let mut config = Config::embedded(data_dir, "127.0.0.1:0".parse().unwrap());
        config.s3_access_key = Some(S3_ACCESS_KEY.into());
        config.s3_secret_key = Some(S3_SECRET_KEY.into());
        config.sweep_interval_secs = 3600;
        config.max_db_connections = 8;
        // Tests run queued OCR jobs themselves (`drain_ocr`), so outcomes are deterministic.
        config.ocr_workers = 0;
        if let Ok(admin_url) = std::env::var("COFFRE_TEST_DATABASE_URL") {
            config.database_url = Some(fresh_postgres_database(&admin_url).await);
        }
        if let Ok(endpoint) = std::env::var("COFFRE_TEST_S3_ENDPOINT") {
            let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} must be set"));
            config.s3_endpoint = Some(endpoint);
            config.s3_access_key = Some(var("COFFRE_TEST_S3_ACCESS_KEY"));
            config.s3_secret_key = Some(var("COFFRE_TEST_S3_SECRET_KEY"));
            config.s3_bucket = var("COFFRE_TEST_S3_BUCKET");
            config.s3_key_prefix = format!("t{}/", coffre::domain::new_id());
        }
        config
    }

    /// Spawns with a configuration adjusted by `adjust`.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = dir.path().join("data");
        let mut config = Self::test_config(data_dir.clone()).await;
        adjust(&mut config);
        let instance = Instance::start(config).await;
        let (org, key) =
            coffre::admin::create_organization(instance.app.db(), "Test SARL", 1 << 30).await.expect("org");
        Self {
            base: instance.base,
            client: reqwest::Client::new(),
            org,
            key,
            app: instance.app,
            data_dir,
            _dir: dir,
            shutdown: Some(instance.shutdown),
            task: Some(instance.task),
        }
    }

    /// Another server on the same database and object store, as a second instance behind a
    /// load balancer would be.
    pub async fn second_instance(&self) -> Instance {
        Instance::start(self.app.config().clone()).await
    }

    /// Another server on the same database and object store, with its configuration adjusted.
    pub async fn instance_with(&self, adjust: impl FnOnce(&mut Config)) -> Instance {
        let mut config = self.app.config().clone();
        adjust(&mut config);
        Instance::start(config).await
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

    /// Stops the server gracefully, keeping its data directory until the returned guard drops.
    pub async fn stop_keeping_data(mut self) -> tempfile::TempDir {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("server task");
        }
        self._dir
    }

    /// Whether the object behind a presigned URL (upload or download) exists in the store.
    pub async fn object_exists(&self, url: &str) -> bool {
        self.app.blob().head(&key_from_url(url)).await.expect("store answers").is_some()
    }

    /// Stores `bytes` under the key of a presigned URL, bypassing its signed length and
    /// type: what a store that checks nothing would hold.
    pub async fn write_object_raw(&self, url: &str, bytes: Vec<u8>) {
        let key = key_from_url(url);
        if let coffre::blob::BlobStore::Local(store) = self.app.blob() {
            let len = bytes.len() as u64;
            let body = futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(bytes))]);
            store.write(&key, body, len).await.expect("raw write");
            return;
        }
        let signed = self.app.blob().presign_put(&key, "", "application/octet-stream", bytes.len() as u64, 60);
        let resp = self
            .client
            .put(signed.url)
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_success(), "raw write refused: {}", resp.status());
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

    /// Runs every queued OCR job to completion, as two workers would.
    pub async fn drain_ocr(&self) -> usize {
        let worker = || async {
            let mut ran = 0;
            while coffre::jobs::ocr::run_one(&self.app).await.expect("job runs") {
                ran += 1;
            }
            ran
        };
        let (a, b) = tokio::join!(worker(), worker());
        a + b
    }

    pub async fn add_credits(&self, pages: i64) {
        coffre::db::orgs::add_ocr_pages(self.app.db(), &self.org, pages).await.unwrap();
    }

    pub async fn credits_available(&self) -> i64 {
        coffre::db::orgs::get(self.app.db(), &self.org).await.unwrap().unwrap().ocr_pages_available
    }

    /// The flags that point a `coffre` command at this test's database (and, with
    /// `with_store`, its object store).
    pub fn backend_args(&self, with_store: bool) -> Vec<String> {
        let config = self.app.config();
        let mut args = vec!["--data-dir".to_owned(), config.data_dir.display().to_string()];
        if let Some(url) = &config.database_url {
            args.extend(["--database-url".to_owned(), url.clone()]);
        }
        if !with_store {
            return args;
        }
        if let Some(endpoint) = &config.s3_endpoint {
            args.extend(["--s3-endpoint".into(), endpoint.clone(), "--s3-bucket".into(), config.s3_bucket.clone()]);
            args.extend(["--s3-key-prefix".into(), config.s3_key_prefix.clone()]);
        }
        let access = config.s3_access_key.clone().unwrap_or_default();
        let secret = config.s3_secret_key.clone().unwrap_or_default();
        args.extend(["--s3-access-key".into(), access, "--s3-secret-key".into(), secret]);
        args
    }

    /// Runs `coffre <command...> <backend flags> <extra...>`; returns (success, stdout, stderr).
    pub async fn cli(&self, command: &[&str], with_store: bool, extra: &[&str]) -> (bool, String, String) {
        let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_coffre"))
            .args(command)
            .args(self.backend_args(with_store))
            .args(extra)
            .env("COFFRE_LOG", "warn")
            .output()
            .await
            .expect("coffre runs");
        let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
        (out.status.success(), text(out.stdout), text(out.stderr))
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

/// The object key of a presigned URL: its last three path segments.
pub fn key_from_url(url: &str) -> coffre::blob::ObjectKey {
    let path = url.split('?').next().unwrap();
    let segments: Vec<&str> = path.rsplit('/').take(3).collect();
    let key = format!("{}/{}/{}", segments[2], segments[1], segments[0]);
    coffre::blob::ObjectKey::parse(&key).unwrap_or_else(|| panic!("no object key in {url}"))
}

/// Creates an empty database on the PostgreSQL server of `admin_url`; returns its URL.
pub async fn fresh_postgres_database(admin_url: &str) -> String {
    use sqlx::{Connection, Executor};
    let name = format!("coffre_test_{}", coffre::domain::new_id());
    let mut conn = sqlx::PgConnection::connect(admin_url).await.expect("PostgreSQL reachable");
    conn.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create database");
    let base = &admin_url[..admin_url.rfind('/').expect("a database URL")];
    format!("{base}/{name}")
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
