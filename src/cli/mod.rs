//! Command line: `coffre serve` and the admin commands. Admin commands print JSON on stdout.

mod admin;
mod import;
mod integrity;
mod ocr;
mod serve;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "coffre", version, about = "Storage for accounting supporting documents")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the API server (and the embedded S3-compatible endpoint).
    Serve(serve::ServeOpts),
    /// Run background work (sweeper, jobs) without serving HTTP.
    Worker(serve::WorkerOpts),
    /// Manage organizations.
    #[command(subcommand)]
    Org(admin::OrgCommand),
    /// Manage API keys.
    #[command(subcommand)]
    Key(admin::KeyCommand),
    /// Manage OCR page credits.
    #[command(subcommand)]
    Credits(admin::CreditsCommand),
    /// Manage fiscal years.
    #[command(subcommand)]
    Year(integrity::YearCommand),
    /// The audit trail.
    #[command(subcommand)]
    Audit(integrity::AuditCommand),
    /// Re-read every stored object of an organization and compare SHA-256s (exits 1 on a problem).
    Verify {
        #[command(flatten)]
        config: serve::ConfigOpts,
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: Option<String>,
    },
    /// Retention of closed years' documents (10 years).
    #[command(subcommand)]
    Retention(integrity::RetentionCommand),
    /// Run the OCR pipeline on a local file.
    #[command(subcommand)]
    Ocr(ocr::OcrCommand),
    /// Import a folder tree into a fiscal year over the API (resumable).
    Import(import::ImportOpts),
}

/// Where the data lives; shared by every command.
#[derive(Debug, Clone, Args)]
pub struct StoreOpts {
    /// Directory for the embedded database and objects.
    #[arg(long, env = "COFFRE_DATA_DIR", default_value = "./coffre-data")]
    pub data_dir: PathBuf,
    /// Metadata database: sqlite://PATH or postgres://...; default: SQLite in the data directory.
    #[arg(long, env = "COFFRE_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

/// Runs the parsed command; the error is printed by `main`.
pub async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve(opts) => serve::run(opts).await,
        Command::Worker(opts) => serve::run_worker(opts).await,
        Command::Org(cmd) => admin::run_org(cmd).await,
        Command::Key(cmd) => admin::run_key(cmd).await,
        Command::Credits(cmd) => admin::run_credits(cmd).await,
        Command::Ocr(cmd) => ocr::run(cmd).await,
        Command::Year(cmd) => integrity::run_year(cmd).await,
        Command::Audit(cmd) => integrity::run_audit(cmd).await,
        Command::Verify { config, org, year } => integrity::run_verify(config, org, year).await,
        Command::Retention(cmd) => integrity::run_retention(cmd).await,
        Command::Import(opts) => import::run(opts).await,
    }
}
