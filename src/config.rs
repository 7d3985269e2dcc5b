//! One `Config`, built once at start from flags and environment (clap reads both; flags win)
//! and validated there. Secrets are redacted from `Debug`.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::domain::mime::DEFAULT_ALLOWED;

/// The original API's limit: 50 MB.
pub const MAX_UPLOAD_BYTES: u64 = 50_000_000;
/// S3's limit for presigned URLs.
pub const MAX_URL_TTL_SECS: u32 = 7 * 24 * 3600;
/// Default storage quota of a new organization: 1 GiB.
pub const DEFAULT_QUOTA_BYTES: i64 = 1 << 30;

#[derive(Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub listen: SocketAddr,
    /// Base URL clients use to reach this server; defaults to `http://{listen}`.
    pub public_url: Option<String>,
    /// `sqlite://...` or `postgres://...`; defaults to SQLite in the data directory.
    pub database_url: Option<String>,
    pub upload_url_ttl_secs: u32,
    pub download_url_ttl_secs: u32,
    pub allowed_types: Vec<String>,
    /// An external S3-compatible store's API URL (as Coffre reaches it). Unset: the embedded
    /// store in the data directory.
    pub s3_endpoint: Option<String>,
    /// The store's URL as clients reach it, when it differs from `s3_endpoint`.
    pub s3_public_endpoint: Option<String>,
    /// Credentials of the external store, or of the embedded endpoint (generated and stored on
    /// first start if unset).
    pub s3_access_key: Option<String>,
    pub s3_secret_key: Option<String>,
    pub s3_region: String,
    pub s3_bucket: String,
    pub s3_virtual_host: bool,
    /// Prefix of every object key in the bucket (external store only).
    pub s3_key_prefix: String,
    pub sweep_interval_secs: u64,
    /// How long after its URL expires an upload may still be finalized before its
    /// reservation and object are swept.
    pub upload_grace_secs: u32,
    pub max_db_connections: u32,
    /// Browser origins allowed to call the API and the embedded endpoint (CORS); empty: none.
    pub cors_origins: Vec<String>,
    /// OCR jobs run at once by this process (0: none; another process runs them).
    pub ocr_workers: usize,
    /// Tesseract processes at once in this process.
    pub ocr_parallel_pages: usize,
    pub ocr_page_timeout_secs: u64,
    /// How long a worker's claim on a job lasts without renewal (after a crash, the job is
    /// taken over once it lapses).
    pub ocr_lease_secs: u64,
    pub ocr_languages: String,
    /// Days a deleted file stays restorable in the trash before it is purged.
    pub trash_days: u32,
    /// Days a ready export's archive is kept before the sweeper deletes it.
    pub export_ttl_days: u32,
    /// Hours between scheduled integrity checks of every stored object (0: off).
    pub verify_interval_hours: u64,
    /// Hours a web interface session lasts after sign-in.
    pub web_session_hours: u32,
    /// How long a query waits for a database connection before answering 503.
    pub db_acquire_timeout_secs: u64,
    /// How long a request to the external store may take to connect, and to wait for each
    /// read, before the store is taken for down (503).
    pub s3_connect_timeout_secs: u64,
    pub s3_read_timeout_secs: u64,
    /// How long shutdown waits for requests in flight.
    pub shutdown_timeout_secs: u64,
    /// Serve `GET /metrics` and measure requests.
    pub metrics: bool,
    /// Serve `/metrics` on this address instead of the main listener.
    pub metrics_listen: Option<SocketAddr>,
    /// Webhook deliveries sent at once by this process (0: leave them to other processes).
    pub webhooks_workers: usize,
    /// Let webhook endpoints point at private, loopback and link-local addresses.
    pub webhooks_allow_private: bool,
    /// Delays between a failed delivery attempt and the next one; its length bounds the retries.
    pub webhooks_retry_schedule: Vec<std::time::Duration>,
    /// How long the previous secret of a rotated endpoint keeps signing deliveries.
    pub webhooks_secret_grace_secs: u64,
    /// How long one delivery request may take in all.
    pub webhooks_timeout_secs: u64,
}

/// The default webhook retry schedule: the Standard Webhooks schedule (immediately, then 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), stretched to about three days.
pub const WEBHOOKS_RETRY_SCHEDULE: &str = "5s,5m,30m,2h,5h,10h,10h,14h,14h,16h";

/// Parses a comma-separated list of durations with units (`500ms`, `5s`, `5m`, `2h`).
pub fn parse_durations(text: &str) -> Result<Vec<std::time::Duration>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let split = d.find(|c: char| !c.is_ascii_digit()).unwrap_or(d.len());
            let (number, unit) = d.split_at(split);
            let n: u64 = number.parse().map_err(|_| format!("{d}: not a duration like 500ms, 5s, 5m or 2h"))?;
            let ms = match unit {
                "ms" => n,
                "s" => n * 1000,
                "m" => n * 60_000,
                "h" => n * 3_600_000,
                _ => return Err(format!("{d}: not a duration like 500ms, 5s, 5m or 2h")),
            };
            Ok(std::time::Duration::from_millis(ms))
        })
        .collect()
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("database_url", &self.database_url.as_ref().map(|u| redact_url(u)))
            .field("upload_url_ttl_secs", &self.upload_url_ttl_secs)
            .field("download_url_ttl_secs", &self.download_url_ttl_secs)
            .field("allowed_types", &self.allowed_types)
            .field("s3_endpoint", &self.s3_endpoint)
            .field("s3_public_endpoint", &self.s3_public_endpoint)
            .field("s3_access_key", &self.s3_access_key)
            .field("s3_secret_key", &self.s3_secret_key.as_ref().map(|_| "<redacted>"))
            .field("s3_region", &self.s3_region)
            .field("s3_bucket", &self.s3_bucket)
            .field("s3_virtual_host", &self.s3_virtual_host)
            .field("s3_key_prefix", &self.s3_key_prefix)
            .field("sweep_interval_secs", &self.sweep_interval_secs)
            .field("metrics", &self.metrics)
            .field("metrics_listen", &self.metrics_listen)
            .field("webhooks_workers", &self.webhooks_workers)
            .field("webhooks_allow_private", &self.webhooks_allow_private)
            .finish_non_exhaustive()
    }
}

/// Hides the password of a database URL.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://<redacted>@{}", &url[..scheme], &url[at + 1..]),
        _ => url.to_owned(),
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

impl Config {
    /// The defaults of the embedded mode, with data under `data_dir`.
    pub fn embedded(data_dir: PathBuf, listen: SocketAddr) -> Self {
        Self {
            data_dir,
            listen,
            public_url: None,
            database_url: None,
            upload_url_ttl_secs: 900,
            download_url_ttl_secs: 900,
            allowed_types: DEFAULT_ALLOWED.iter().map(|s| s.to_string()).collect(),
            s3_endpoint: None,
            s3_public_endpoint: None,
            s3_access_key: None,
            s3_secret_key: None,
            s3_region: "us-east-1".into(),
            s3_bucket: "coffre".into(),
            s3_virtual_host: false,
            s3_key_prefix: String::new(),
            sweep_interval_secs: 60,
            upload_grace_secs: 3600,
            max_db_connections: 16,
            cors_origins: Vec::new(),
            ocr_workers: cores(),
            ocr_parallel_pages: cores(),
            ocr_page_timeout_secs: 120,
            ocr_lease_secs: 60,
            ocr_languages: "fra+eng".into(),
            trash_days: 30,
            web_session_hours: 12,
            verify_interval_hours: 0,
            export_ttl_days: 7,
            db_acquire_timeout_secs: 3,
            s3_connect_timeout_secs: 3,
            s3_read_timeout_secs: 4,
            shutdown_timeout_secs: 30,
            metrics: true,
            metrics_listen: None,
            webhooks_workers: 4,
            webhooks_allow_private: false,
            webhooks_retry_schedule: parse_durations(WEBHOOKS_RETRY_SCHEDULE).unwrap_or_default(),
            webhooks_secret_grace_secs: 24 * 3600,
            webhooks_timeout_secs: 15,
        }
    }

    pub fn pool_settings(&self) -> crate::db::PoolSettings {
        crate::db::PoolSettings {
            max_connections: self.max_db_connections,
            acquire_timeout: std::time::Duration::from_secs(self.db_acquire_timeout_secs),
        }
    }

    /// Short, readable, without secrets: `PostgreSQL`, or SQLite and its file.
    pub fn database_summary(&self) -> String {
        match &self.database_url {
            Some(url) if url.starts_with("postgres") => "PostgreSQL".into(),
            _ => format!(
                "SQLite ({})",
                self.database_url().trim_start_matches("sqlite://").split('?').next().unwrap_or("")
            ),
        }
    }

    /// The object store, without credentials.
    pub fn store_summary(&self) -> String {
        match &self.s3_endpoint {
            Some(endpoint) => format!("S3 {} bucket {}", redact_url(endpoint), self.s3_bucket),
            None => format!("embedded ({})", self.data_dir.join("objects").display()),
        }
    }

    /// Checks every setting, naming the first bad one.
    pub fn validate(&self) -> Result<(), String> {
        for (name, ttl) in
            [("upload-url-ttl", self.upload_url_ttl_secs), ("download-url-ttl", self.download_url_ttl_secs)]
        {
            if ttl == 0 || ttl > MAX_URL_TTL_SECS {
                return Err(format!("--{name} must be between 1 and {MAX_URL_TTL_SECS} seconds"));
            }
        }
        if self.allowed_types.is_empty() {
            return Err("--allowed-types must list at least one MIME type".into());
        }
        if let Some(url) = &self.public_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) || url.ends_with('/') {
                return Err("--public-url must be an http(s) URL without a trailing slash".into());
            }
        }
        if self.s3_access_key.is_some() != self.s3_secret_key.is_some() {
            return Err("--s3-access-key and --s3-secret-key must be set together".into());
        }
        self.validate_s3()?;
        if let Some(bad) = self.cors_origins.iter().find(|o| o.as_str() != "*" && !o.starts_with("http")) {
            return Err(format!("--cors-origins: {bad} is not an origin like https://app.example.com"));
        }
        if self.ocr_lease_secs < 3 || self.ocr_page_timeout_secs == 0 || self.ocr_parallel_pages == 0 {
            return Err(
                "--ocr-lease must be at least 3 s, --ocr-page-timeout and --ocr-parallel-pages at least 1".into()
            );
        }
        if !(1..=3650).contains(&self.export_ttl_days) {
            return Err("--export-ttl-days must be between 1 and 3650".into());
        }
        for (name, secs) in [
            ("db-acquire-timeout", self.db_acquire_timeout_secs),
            ("s3-connect-timeout", self.s3_connect_timeout_secs),
            ("s3-read-timeout", self.s3_read_timeout_secs),
        ] {
            if !(1..=300).contains(&secs) {
                return Err(format!("--{name} must be between 1 and 300 seconds"));
            }
        }
        if self.metrics_listen.is_some() && !self.metrics {
            return Err("--metrics-listen needs metrics on (--metrics true)".into());
        }
        if self.sweep_interval_secs == 0 {
            return Err("--sweep-interval must be at least 1 second".into());
        }
        if self.webhooks_retry_schedule.len() > 50 {
            return Err("--webhooks-retry-schedule may list at most 50 delays".into());
        }
        if !(1..=300).contains(&self.webhooks_timeout_secs) {
            return Err("--webhooks-timeout must be between 1 and 300 seconds".into());
        }
        Ok(())
    }

    fn validate_s3(&self) -> Result<(), String> {
        for (name, url) in [("s3-endpoint", &self.s3_endpoint), ("s3-public-endpoint", &self.s3_public_endpoint)] {
            if let Some(url) = url {
                if !(url.starts_with("http://") || url.starts_with("https://")) || url.ends_with('/') {
                    return Err(format!("--{name} must be an http(s) URL without a trailing slash"));
                }
            }
        }
        if self.s3_endpoint.is_some() && self.s3_access_key.is_none() {
            return Err("--s3-endpoint needs --s3-access-key and --s3-secret-key (or --s3-secret-key-file)".into());
        }
        if self.s3_public_endpoint.is_some() && self.s3_endpoint.is_none() {
            return Err("--s3-public-endpoint needs --s3-endpoint".into());
        }
        let bucket_ok = (3..=63).contains(&self.s3_bucket.len())
            && self.s3_bucket.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !bucket_ok {
            return Err("--s3-bucket must be 3 to 63 lowercase letters, digits, '-' or '.'".into());
        }
        let prefix_ok = self.s3_key_prefix.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
        if !prefix_ok || (!self.s3_key_prefix.is_empty() && !self.s3_key_prefix.ends_with('/')) {
            return Err("--s3-key-prefix must be URL-safe ASCII ending with '/'".into());
        }
        Ok(())
    }

    /// The database URL in effect.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", self.data_dir.join("coffre.db").display()))
    }
}
