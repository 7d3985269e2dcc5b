//! Admin commands: organizations, keys, credits. Each prints one JSON document.

use clap::Subcommand;
use serde_json::json;

use super::StoreOpts;
use crate::config::{Config, DEFAULT_QUOTA_BYTES};
use crate::db::{keys, orgs, Db};
use crate::domain::time::{now_millis, rfc3339};

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organization and its first (read-write) API key.
    Create {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        name: String,
    },
    /// Set an organization's storage limit in bytes.
    SetQuota {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        org: String,
        #[arg(long, value_parser = clap::value_parser!(i64).range(0..))]
        bytes: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Create an API key.
    Create {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        org: String,
        /// The key may only read.
        #[arg(long)]
        read_only: bool,
    },
    /// List an organization's keys (never their secrets).
    List {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        org: String,
    },
    /// Revoke a key.
    Revoke {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        key_id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CreditsCommand {
    /// Add OCR page credits to an organization.
    Add {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        org: String,
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
        pages: i64,
    },
}

async fn open(store: &StoreOpts) -> Result<Db, String> {
    let mut config = Config::embedded(store.data_dir.clone(), "127.0.0.1:0".parse().expect("valid address"));
    config.database_url = store.database_url.clone();
    crate::app::App::open_db(&config).await.map_err(|e| e.to_string())
}

fn print(value: serde_json::Value) {
    println!("{value}");
}

fn db_err(e: crate::db::DbError) -> String {
    e.to_string()
}

async fn require_org(db: &Db, id: &str) -> Result<(), String> {
    match orgs::get(db, id).await.map_err(db_err)? {
        Some(_) => Ok(()),
        None => Err(format!("organization {id} does not exist")),
    }
}

pub async fn run_org(cmd: OrgCommand) -> Result<(), String> {
    match cmd {
        OrgCommand::Create { store, name } => {
            let name = crate::domain::Label::parse(&name).map_err(|e| format!("--name {e}"))?;
            let db = open(&store).await?;
            let (id, key) =
                crate::admin::create_organization(&db, name.as_str(), DEFAULT_QUOTA_BYTES).await.map_err(db_err)?;
            print(json!({ "idOrganization": id, "apiKey": key }));
        }
        OrgCommand::SetQuota { store, org, bytes } => {
            let db = open(&store).await?;
            if !orgs::set_quota(&db, &org, bytes).await.map_err(db_err)? {
                return Err(format!("organization {org} does not exist"));
            }
            print(json!({ "idOrganization": org, "quotaBytes": bytes }));
        }
    }
    Ok(())
}

pub async fn run_key(cmd: KeyCommand) -> Result<(), String> {
    match cmd {
        KeyCommand::Create { store, org, read_only } => {
            let db = open(&store).await?;
            require_org(&db, &org).await?;
            let (id, key) = crate::admin::create_key(&db, &org, read_only).await.map_err(db_err)?;
            print(json!({ "idKey": id, "apiKey": key, "readOnly": read_only }));
        }
        KeyCommand::List { store, org } => {
            let db = open(&store).await?;
            require_org(&db, &org).await?;
            let list = keys::list(&db, &org).await.map_err(db_err)?;
            let items: Vec<_> = list
                .into_iter()
                .map(|k| {
                    json!({
                        "idKey": k.id,
                        "readOnly": k.read_only,
                        "createdAt": rfc3339(k.created_at),
                        "revokedAt": k.revoked_at.map(rfc3339),
                    })
                })
                .collect();
            print(json!(items));
        }
        KeyCommand::Revoke { store, key_id } => {
            let db = open(&store).await?;
            if !keys::revoke(&db, &key_id, now_millis()).await.map_err(db_err)? {
                return Err(format!("key {key_id} does not exist or is already revoked"));
            }
            print(json!({ "idKey": key_id, "revoked": true }));
        }
    }
    Ok(())
}

pub async fn run_credits(cmd: CreditsCommand) -> Result<(), String> {
    match cmd {
        CreditsCommand::Add { store, org, pages } => {
            let db = open(&store).await?;
            if !orgs::add_ocr_pages(&db, &org, pages).await.map_err(db_err)? {
                return Err(format!("organization {org} does not exist"));
            }
            let org = orgs::get(&db, &org).await.map_err(db_err)?.ok_or("organization vanished")?;
            print(json!({ "idOrganization": org.id, "ocrPagesAvailable": org.ocr_pages_available }));
        }
    }
    Ok(())
}
