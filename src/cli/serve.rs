//! `coffre serve` and `coffre worker`, and the options they share.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

use super::StoreOpts;
use crate::config::Config;
use crate::server::{shutdown_signal, Server};

/// Everything but the listener: shared by `serve` and `worker`. Every flag has an
/// environment variable; flags win.
#[derive(Debug, Args)]
pub struct ConfigOpts {
    #[command(flatten)]
    pub store: StoreOpts,
    /// Lifetime of upload and delete URLs, in seconds (at most 7 days).
    #[arg(long, env = "COFFRE_UPLOAD_URL_TTL", default_value_t = 900)]
    pub upload_url_ttl: u32,
    /// Lifetime of download URLs, in seconds (at most 7 days).
    #[arg(long, env = "COFFRE_DOWNLOAD_URL_TTL", default_value_t = 900)]
    pub download_url_ttl: u32,
    /// Accepted MIME types, comma-separated (default: PDF, JPEG, PNG, TIFF, WebP, HEIC/HEIF, GIF, XML).
    #[arg(long, env = "COFFRE_ALLOWED_TYPES", value_delimiter = ',')]
    pub allowed_types: Vec<String>,
    /// External S3-compatible store API URL, as Coffre reaches it (default: embedded store).
    #[arg(long, env = "COFFRE_S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,
    /// The store's URL as clients reach it, if different (put in presigned URLs).
    #[arg(long, env = "COFFRE_S3_PUBLIC_ENDPOINT")]
    pub s3_public_endpoint: Option<String>,
    /// Access key of the external store, or of the embedded endpoint (default: generated once).
    #[arg(long, env = "COFFRE_S3_ACCESS_KEY")]
    pub s3_access_key: Option<String>,
    /// Secret key matching --s3-access-key.
    #[arg(long, env = "COFFRE_S3_SECRET_KEY", hide_env_values = true, conflicts_with = "s3_secret_key_file")]
    pub s3_secret_key: Option<String>,
    /// A file holding the secret key (first line), for secrets mounted as files.
    #[arg(long, env = "COFFRE_S3_SECRET_KEY_FILE")]
    pub s3_secret_key_file: Option<PathBuf>,
    #[arg(long, env = "COFFRE_S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,
    #[arg(long, env = "COFFRE_S3_BUCKET", default_value = "coffre")]
    pub s3_bucket: String,
    /// Virtual-hosted addressing (bucket.host) instead of path-style (host/bucket).
    #[arg(long, env = "COFFRE_S3_VIRTUAL_HOST")]
    pub s3_virtual_host: bool,
    /// Prefix of every key in the bucket, ending with '/' (to share a bucket).
    #[arg(long, env = "COFFRE_S3_KEY_PREFIX", default_value = "")]
    pub s3_key_prefix: String,
    /// Seconds between background sweeps.
    #[arg(long, env = "COFFRE_SWEEP_INTERVAL", default_value_t = 60)]
    pub sweep_interval: u64,
    /// Browser origins allowed to call the API and upload to the embedded endpoint
    /// (comma-separated, or `*`).
    #[arg(long, env = "COFFRE_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// OCR jobs run at once by this process (0: leave them to `coffre worker`; default: cores).
    #[arg(long, env = "COFFRE_OCR_WORKERS")]
    pub ocr_workers: Option<usize>,
    /// Tesseract processes at once in this process (default: cores).
    #[arg(long, env = "COFFRE_OCR_PARALLEL_PAGES")]
    pub ocr_parallel_pages: Option<usize>,
    /// Seconds one page may take before its job fails.
    #[arg(long, env = "COFFRE_OCR_PAGE_TIMEOUT", default_value_t = 120)]
    pub ocr_page_timeout: u64,
    /// Seconds a worker's claim on a job lasts without renewal.
    #[arg(long, env = "COFFRE_OCR_LEASE", default_value_t = 60)]
    pub ocr_lease: u64,
    /// Tesseract languages.
    #[arg(long, env = "COFFRE_OCR_LANGUAGES", default_value = "fra+eng")]
    pub ocr_languages: String,
    /// Days a deleted file stays restorable in the trash.
    #[arg(long, env = "COFFRE_TRASH_DAYS", default_value_t = 30)]
    pub trash_days: u32,
    /// Hours a web interface session lasts after sign-in.
    #[arg(long, env = "COFFRE_WEB_SESSION_HOURS", default_value_t = 12)]
    pub web_session_hours: u32,
    /// Hours between integrity checks of every stored object (0: off).
    #[arg(long, env = "COFFRE_VERIFY_INTERVAL_HOURS", default_value_t = 0)]
    pub verify_interval_hours: u64,
    /// Days a ready export's archive is kept before it is deleted.
    #[arg(long, env = "COFFRE_EXPORT_TTL_DAYS", default_value_t = 7)]
    pub export_ttl_days: u32,
    /// Database connections per process.
    #[arg(long, env = "COFFRE_DB_CONNECTIONS", default_value_t = 16)]
    pub db_connections: u32,
    /// Seconds a request waits for a database connection before answering 503.
    #[arg(long, env = "COFFRE_DB_ACQUIRE_TIMEOUT", default_value_t = 3)]
    pub db_acquire_timeout: u64,
    /// Seconds to connect to the external S3 store before taking it for down.
    #[arg(long, env = "COFFRE_S3_CONNECT_TIMEOUT", default_value_t = 3)]
    pub s3_connect_timeout: u64,
    /// Seconds to wait for each read from the external S3 store before taking it for down.
    #[arg(long, env = "COFFRE_S3_READ_TIMEOUT", default_value_t = 4)]
    pub s3_read_timeout: u64,
    /// Seconds shutdown (SIGTERM) waits for requests in flight before exiting anyway.
    #[arg(long, env = "COFFRE_SHUTDOWN_TIMEOUT", default_value_t = 30)]
    pub shutdown_timeout: u64,
    /// Webhook deliveries sent at once by this process (0: leave them to other processes).
    #[arg(long, env = "COFFRE_WEBHOOKS_WORKERS", default_value_t = 4)]
    pub webhooks_workers: usize,
    /// Let webhook endpoints point at private, loopback and link-local addresses.
    #[arg(long, env = "COFFRE_WEBHOOKS_ALLOW_PRIVATE")]
    pub webhooks_allow_private: bool,
    /// Delays between webhook delivery attempts, comma-separated (e.g. 5s,5m,30m,2h); the
    /// number of delays is the number of retries.
    #[arg(long, env = "COFFRE_WEBHOOKS_RETRY_SCHEDULE", default_value = crate::config::WEBHOOKS_RETRY_SCHEDULE)]
    pub webhooks_retry_schedule: String,
    /// Seconds a rotated webhook secret keeps signing deliveries beside the new one.
    #[arg(long, env = "COFFRE_WEBHOOKS_SECRET_GRACE", default_value_t = 86400)]
    pub webhooks_secret_grace: u64,
    /// Seconds one webhook delivery request may take in all.
    #[arg(long, env = "COFFRE_WEBHOOKS_TIMEOUT", default_value_t = 15)]
    pub webhooks_timeout: u64,
}

impl ConfigOpts {
    pub fn into_config(self, listen: SocketAddr, public_url: Option<String>) -> Result<Config, String> {
        let mut config = Config::embedded(self.store.data_dir, listen);
        config.database_url = self.store.database_url;
        config.public_url = public_url;
        config.upload_url_ttl_secs = self.upload_url_ttl;
        config.download_url_ttl_secs = self.download_url_ttl;
        if !self.allowed_types.is_empty() {
            config.allowed_types = self.allowed_types.iter().map(|t| t.trim().to_ascii_lowercase()).collect();
        }
        config.s3_endpoint = self.s3_endpoint;
        config.s3_public_endpoint = self.s3_public_endpoint;
        config.s3_access_key = self.s3_access_key;
        config.s3_secret_key = match self.s3_secret_key_file {
            Some(path) => Some(read_secret(&path)?),
            None => self.s3_secret_key,
        };
        config.s3_region = self.s3_region;
        config.s3_bucket = self.s3_bucket;
        config.s3_virtual_host = self.s3_virtual_host;
        config.s3_key_prefix = self.s3_key_prefix;
        config.sweep_interval_secs = self.sweep_interval;
        config.max_db_connections = self.db_connections.max(1);
        config.cors_origins = self.cors_origins;
        if let Some(n) = self.ocr_workers {
            config.ocr_workers = n;
        }
        if let Some(n) = self.ocr_parallel_pages {
            config.ocr_parallel_pages = n;
        }
        config.ocr_page_timeout_secs = self.ocr_page_timeout;
        config.ocr_lease_secs = self.ocr_lease;
        config.ocr_languages = self.ocr_languages;
        config.trash_days = self.trash_days;
        config.web_session_hours = self.web_session_hours.max(1);
        config.verify_interval_hours = self.verify_interval_hours;
        config.export_ttl_days = self.export_ttl_days;
        config.db_acquire_timeout_secs = self.db_acquire_timeout;
        config.s3_connect_timeout_secs = self.s3_connect_timeout;
        config.s3_read_timeout_secs = self.s3_read_timeout;
        config.shutdown_timeout_secs = self.shutdown_timeout;
        config.webhooks_workers = self.webhooks_workers;
        config.webhooks_allow_private = self.webhooks_allow_private;
        config.webhooks_retry_schedule = crate::config::parse_durations(&self.webhooks_retry_schedule)
            .map_err(|e| format!("--webhooks-retry-schedule: {e}"))?;
        config.webhooks_secret_grace_secs = self.webhooks_secret_grace;
        config.webhooks_timeout_secs = self.webhooks_timeout;
        config.validate()?;
        Ok(config)
    }
}

fn read_secret(path: &std::path::Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("--s3-secret-key-file: cannot read {}: {e}", path.display()))?;
    let secret = text.lines().next().unwrap_or("").trim().to_owned();
    if secret.is_empty() {
        return Err(format!("--s3-secret-key-file: {} is empty", path.display()));
    }
    Ok(secret)
}

#[derive(Debug, Args)]
pub struct ServeOpts {
    #[command(flatten)]
    pub config: ConfigOpts,
    /// Address to listen on.
    #[arg(long, env = "COFFRE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Base URL clients reach this server at, used in presigned URLs (default: http://LISTEN).
    #[arg(long, env = "COFFRE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Serve Prometheus metrics at GET /metrics and measure requests (true or false).
    #[arg(long, env = "COFFRE_METRICS", default_value_t = true, action = clap::ArgAction::Set)]
    pub metrics: bool,
    /// Serve /metrics on this address only (e.g. an internal interface), not on --listen.
    #[arg(long, env = "COFFRE_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
}

pub async fn run(opts: ServeOpts) -> Result<(), String> {
    let shutdown = shutdown_signal();
    let mut config = opts.config.into_config(opts.listen, opts.public_url)?;
    config.metrics = opts.metrics;
    config.metrics_listen = opts.metrics_listen;
    config.validate()?;
    let server = Server::bind(config).await.map_err(|e| e.to_string())?;
    log_summary(&server);
    if server.app().needs_bootstrap().await {
        tracing::warn!("{}", bootstrap_hint(server.app().config()));
    }
    server.run(shutdown).await.map_err(|e| e.to_string())
}

/// One readable line: where it listens and what it runs on; never a secret.
fn log_summary(server: &Server) {
    let config = server.app().config();
    let metrics = match (config.metrics, config.metrics_listen) {
        (false, _) => "off".to_owned(),
        (true, None) => "/metrics".to_owned(),
        (true, Some(addr)) => format!("http://{addr}/metrics"),
    };
    tracing::info!(
        "coffre listening on http://{} (database: {}; object store: {}; OCR workers: {}; metrics: {})",
        server.local_addr(),
        config.database_summary(),
        config.store_summary(),
        config.ocr_workers,
        metrics,
    );
}

/// What to run to create the first organization, with the options that reach this database.
pub fn bootstrap_hint(config: &Config) -> String {
    let target = match &config.database_url {
        // The URL may hold a password: point at the variable, not its value.
        Some(_) if std::env::var_os("COFFRE_DATABASE_URL").is_some() => {
            "--database-url \"$COFFRE_DATABASE_URL\"".into()
        }
        Some(_) => "--database-url 'postgres://...' (the URL this server uses)".into(),
        None => format!("--data-dir '{}'", config.data_dir.display()),
    };
    format!(
        "no organization yet: create one and its API key with `coffre org create --name \"Your company\" {target}` \
         (it prints the key once)"
    )
}

#[derive(Debug, Args)]
pub struct WorkerOpts {
    #[command(flatten)]
    pub config: ConfigOpts,
}

/// Background work without HTTP: the sweeper (and, later, jobs), until SIGINT/SIGTERM.
pub async fn run_worker(opts: WorkerOpts) -> Result<(), String> {
    let shutdown = shutdown_signal();
    let config = opts.config.into_config("127.0.0.1:0".parse().expect("valid address"), None)?;
    // Presigned URLs are never handed out by a worker; the base only matters to the
    // embedded store's signer.
    let app = crate::app::App::build(config, "http://127.0.0.1".into()).await.map_err(|e| e.to_string())?;
    tracing::info!("coffre worker running");
    crate::jobs::run(app.clone(), shutdown).await;
    crate::server::close_db(&app).await;
    Ok(())
}
