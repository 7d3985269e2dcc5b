//! Application state shared by handlers and background tasks, built from a [`Config`].

use std::sync::Arc;

use crate::blob::endpoint::PATH_PREFIX;
use crate::blob::{sigv4::Credentials, BlobStore, LocalStore, S3Store, UrlSigner};
use crate::config::Config;
use crate::db::{settings, Db};
use crate::domain::ids::random_secret;
use crate::ocr::{Engine, EngineConfig};

#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    db: Db,
    blob: BlobStore,
    ocr: Engine,
    ocr_wake: tokio::sync::Notify,
    requests: tokio_util::task::TaskTracker,
    metrics: crate::metrics::Metrics,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("invalid configuration: {0}")]
    Config(String),
    #[error("cannot open the database: {0}")]
    Db(#[from] crate::db::DbError),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl App {
    /// Opens the database (running migrations) and the object store. `public_base` is the
    /// URL clients reach this server at, used in presigned URLs.
    pub async fn build(config: Config, public_base: String) -> Result<Self, StartError> {
        config.validate().map_err(StartError::Config)?;
        std::fs::create_dir_all(&config.data_dir)?;
        let db = Db::connect(&config.database_url(), config.pool_settings()).await?;
        let blob = match &config.s3_endpoint {
            Some(endpoint) => external_store(&config, endpoint),
            None => embedded_store(&config, &db, public_base).await?,
        };
        let ocr = Engine::new(EngineConfig {
            languages: config.ocr_languages.clone(),
            page_timeout: std::time::Duration::from_secs(config.ocr_page_timeout_secs),
            parallel_pages: config.ocr_parallel_pages,
        });
        let ocr_wake = tokio::sync::Notify::new();
        let requests = tokio_util::task::TaskTracker::new();
        let metrics = crate::metrics::Metrics::new();
        Ok(Self { inner: Arc::new(Inner { config, db, blob, ocr, ocr_wake, requests, metrics }) })
    }

    /// Opens only the database, for admin commands.
    pub async fn open_db(config: &Config) -> Result<Db, StartError> {
        std::fs::create_dir_all(&config.data_dir)?;
        Ok(Db::connect(&config.database_url(), crate::db::PoolSettings::admin()).await?)
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    pub fn blob(&self) -> &BlobStore {
        &self.inner.blob
    }

    pub fn ocr_engine(&self) -> &Engine {
        &self.inner.ocr
    }

    /// The tasks requests run in (they outlive a client that hangs up); shutdown waits for them.
    pub fn requests(&self) -> &tokio_util::task::TaskTracker {
        &self.inner.requests
    }

    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.inner.metrics
    }

    /// True when the database holds no organization yet: a fresh deployment, whose operator
    /// must create one (`coffre org create`). False if the database cannot be read.
    pub async fn needs_bootstrap(&self) -> bool {
        matches!(crate::db::orgs::any(self.db()).await, Ok(false))
    }

    /// Woken when a job is queued by this process, so idle workers start at once.
    pub fn ocr_wake(&self) -> &tokio::sync::Notify {
        &self.inner.ocr_wake
    }
}

fn external_store(config: &Config, endpoint: &str) -> BlobStore {
    let credentials = Credentials {
        access_key: config.s3_access_key.clone().unwrap_or_default(),
        secret_key: config.s3_secret_key.clone().unwrap_or_default(),
        region: config.s3_region.clone(),
    };
    let signer = UrlSigner {
        credentials,
        endpoint: endpoint.to_owned(),
        bucket: config.s3_bucket.clone(),
        virtual_host: config.s3_virtual_host,
        key_prefix: config.s3_key_prefix.clone(),
    };
    let timeouts = crate::blob::s3::Timeouts {
        connect: std::time::Duration::from_secs(config.s3_connect_timeout_secs),
        read: std::time::Duration::from_secs(config.s3_read_timeout_secs),
    };
    BlobStore::S3(S3Store::new(signer, config.s3_public_endpoint.clone(), timeouts))
}

async fn embedded_store(config: &Config, db: &Db, public_base: String) -> Result<BlobStore, StartError> {
    let signer = UrlSigner {
        credentials: embedded_credentials(config, db).await?,
        endpoint: format!("{public_base}{PATH_PREFIX}"),
        bucket: config.s3_bucket.clone(),
        virtual_host: false,
        key_prefix: String::new(),
    };
    Ok(BlobStore::Local(LocalStore::open(config.data_dir.join("objects"), signer)?))
}

/// The embedded endpoint's credentials: configured, or generated once and kept in the
/// database so that every instance and every restart signs alike.
async fn embedded_credentials(config: &Config, db: &Db) -> Result<Credentials, StartError> {
    let (access_key, secret_key) = match (&config.s3_access_key, &config.s3_secret_key) {
        (Some(a), Some(s)) => (a.clone(), s.clone()),
        _ => {
            let access = settings::get_or_init(db, "s3_access_key", || {
                format!("COFFRE{}", random_secret(10).to_uppercase().replace(['-', '_'], "X"))
            })
            .await?;
            let secret = settings::get_or_init(db, "s3_secret_key", || random_secret(30)).await?;
            (access, secret)
        }
    };
    Ok(Credentials { access_key, secret_key, region: config.s3_region.clone() })
}
