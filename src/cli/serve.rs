//! `coffre serve`.

use std::net::SocketAddr;

use clap::Args;

use super::StoreOpts;
use crate::config::Config;
use crate::server::{shutdown_signal, Server};

#[derive(Debug, Args)]
pub struct ServeOpts {
    #[command(flatten)]
    pub store: StoreOpts,
    /// Address to listen on.
    #[arg(long, env = "COFFRE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Base URL clients reach this server at, used in presigned URLs (default: http://LISTEN).
    #[arg(long, env = "COFFRE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Lifetime of upload and delete URLs, in seconds (at most 7 days).
    #[arg(long, env = "COFFRE_UPLOAD_URL_TTL", default_value_t = 900)]
    pub upload_url_ttl: u32,
    /// Lifetime of download URLs, in seconds (at most 7 days).
    #[arg(long, env = "COFFRE_DOWNLOAD_URL_TTL", default_value_t = 900)]
    pub download_url_ttl: u32,
    /// Accepted MIME types, comma-separated (default: PDF, JPEG, PNG, TIFF, WebP, HEIC/HEIF, GIF, XML).
    #[arg(long, env = "COFFRE_ALLOWED_TYPES", value_delimiter = ',')]
    pub allowed_types: Vec<String>,
    /// Access key of the embedded S3 endpoint (default: generated once, kept in the database).
    #[arg(long, env = "COFFRE_S3_ACCESS_KEY")]
    pub s3_access_key: Option<String>,
    /// Secret key of the embedded S3 endpoint.
    #[arg(long, env = "COFFRE_S3_SECRET_KEY", hide_env_values = true)]
    pub s3_secret_key: Option<String>,
    /// Seconds between background sweeps.
    #[arg(long, env = "COFFRE_SWEEP_INTERVAL", default_value_t = 60)]
    pub sweep_interval: u64,
}

impl ServeOpts {
    fn into_config(self) -> Config {
        let mut config = Config::embedded(self.store.data_dir, self.listen);
        config.database_url = self.store.database_url;
        config.public_url = self.public_url;
        config.upload_url_ttl_secs = self.upload_url_ttl;
        config.download_url_ttl_secs = self.download_url_ttl;
        if !self.allowed_types.is_empty() {
            config.allowed_types = self.allowed_types.iter().map(|t| t.trim().to_ascii_lowercase()).collect();
        }
        config.s3_access_key = self.s3_access_key;
        config.s3_secret_key = self.s3_secret_key;
        config.sweep_interval_secs = self.sweep_interval;
        config
    }
}

pub async fn run(opts: ServeOpts) -> Result<(), String> {
    let config = opts.into_config();
    let server = Server::bind(config).await.map_err(|e| e.to_string())?;
    tracing::info!(address = %server.local_addr(), "coffre listening");
    server.run(shutdown_signal()).await.map_err(|e| e.to_string())
}
