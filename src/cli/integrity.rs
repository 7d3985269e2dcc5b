//! Admin commands of accounting integrity: reopening a year, verifying the audit chain and
//! the stored objects, retention reports and purges. Each prints JSON; checks exit non-zero
//! when they find a problem.

use chrono::NaiveDate;
use clap::Subcommand;
use serde_json::json;

use super::serve::ConfigOpts;
use super::StoreOpts;
use crate::app::App;
use crate::audit::{self, Event};
use crate::db::{audit as audit_db, lock_row, years, Lockable};

#[derive(Debug, Subcommand)]
pub enum YearCommand {
    /// Reopen a closed year (recorded in the audit trail with the reason).
    Reopen {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        year: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check an organization's audit chain; exits 1 naming the first broken link.
    Verify {
        #[command(flatten)]
        store: StoreOpts,
        #[arg(long)]
        org: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// List the documents whose retention is over (closed years ended more than 10 years ago).
    Report {
        #[command(flatten)]
        config: ConfigOpts,
        /// The date to judge on (default: today).
        #[arg(long)]
        before: Option<NaiveDate>,
    },
    /// Purge the documents whose retention is over on DATE (no later than today).
    Purge {
        #[command(flatten)]
        config: ConfigOpts,
        #[arg(long)]
        before: NaiveDate,
        /// Confirm: purged documents cannot be recovered.
        #[arg(long)]
        yes: bool,
    },
}

async fn open_app(config: ConfigOpts) -> Result<App, String> {
    let config = config.into_config("127.0.0.1:0".parse().expect("valid address"), None)?;
    App::build(config, "http://127.0.0.1".into()).await.map_err(|e| e.to_string())
}

async fn open_db(store: &StoreOpts) -> Result<crate::db::Db, String> {
    let mut config = crate::config::Config::embedded(store.data_dir.clone(), "127.0.0.1:0".parse().expect("valid"));
    config.database_url = store.database_url.clone();
    App::open_db(&config).await.map_err(|e| e.to_string())
}

pub async fn run_year(cmd: YearCommand) -> Result<(), String> {
    let YearCommand::Reopen { store, year, reason } = cmd;
    let reason = reason.trim().to_owned();
    if reason.is_empty() {
        return Err("--reason must say why the year is reopened".into());
    }
    let db = open_db(&store).await?;
    let found =
        years::find(&db, &year).await.map_err(|e| e.to_string())?.ok_or(format!("year {year} does not exist"))?;
    if !found.closed {
        return Err(format!("year {year} is not closed"));
    }
    let mut tx = db.begin_write().await.map_err(|e| e.to_string())?;
    lock_row(&mut tx, db.backend(), Lockable::Organization, &found.id_organization).await.map_err(|e| e.to_string())?;
    years::set_closed(&mut tx, &found.id, None).await.map_err(|e| e.to_string())?;
    let event = Event::new("year.reopen").year(&found.id).details(json!({"reason": reason}));
    audit::record(&mut tx, &found.id_organization, audit::ADMIN, event).await.map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    println!("{}", json!({"idYear": found.id, "closed": false, "reason": reason}));
    Ok(())
}

pub async fn run_audit(cmd: AuditCommand) -> Result<(), String> {
    let AuditCommand::Verify { store, org } = cmd;
    let db = open_db(&store).await?;
    match audit_db::verify(&db, &org).await.map_err(|e| e.to_string())? {
        Ok(checked) => {
            println!("{}", json!({"idOrganization": org, "valid": true, "entries": checked}));
            Ok(())
        }
        Err(broken) => {
            println!(
                "{}",
                json!({"idOrganization": org, "valid": false, "brokenAt": {"seq": broken.seq, "id": broken.id, "reason": broken.reason}})
            );
            Err(format!("audit chain broken at entry #{} ({}): {}", broken.seq, broken.id, broken.reason))
        }
    }
}

/// `coffre verify`: re-reads every stored object and compares SHA-256s.
pub async fn run_verify(config: ConfigOpts, org: String, year: Option<String>) -> Result<(), String> {
    let app = open_app(config).await?;
    let report = crate::integrity::verify(&app, &org, year.as_deref()).await.map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).map_err(|e| e.to_string())?);
    if report.is_clean() {
        Ok(())
    } else {
        Err(format!("{} missing and {} altered objects", report.missing.len(), report.altered.len()))
    }
}

pub async fn run_retention(cmd: RetentionCommand) -> Result<(), String> {
    let today = chrono::Utc::now().date_naive();
    match cmd {
        RetentionCommand::Report { config, before } => {
            let app = open_app(config).await?;
            let date = before.unwrap_or(today).min(today);
            let due = crate::retention::due(&app, date, i64::MAX).await.map_err(|e| e.to_string())?;
            let items: Vec<_> = due
                .iter()
                .map(|f| json!({"idFile": f.id, "idOrganization": f.id_organization, "idYear": f.id_year, "name": f.name, "size": f.size}))
                .collect();
            println!(
                "{}",
                json!({"date": date.to_string(), "yearsEndedBefore": crate::retention::retention_cutoff(date), "files": items})
            );
            Ok(())
        }
        RetentionCommand::Purge { config, before, yes } => {
            if !yes {
                return Err("purging is irreversible: add --yes to confirm".into());
            }
            if before > today {
                return Err("--before cannot be in the future".into());
            }
            let app = open_app(config).await?;
            let mut purged = 0u64;
            loop {
                let due = crate::retention::due(&app, before, 100).await.map_err(|e| e.to_string())?;
                if due.is_empty() {
                    break;
                }
                for file in &due {
                    crate::retention::purge_file(&app, file, audit::ADMIN, "retention period over")
                        .await
                        .map_err(|e| e.to_string())?;
                    purged += 1;
                }
            }
            println!("{}", json!({"date": before.to_string(), "purged": purged}));
            Ok(())
        }
    }
}
