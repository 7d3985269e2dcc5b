//! Integrity checks: every stored object is re-read and its SHA-256 compared with the one
//! recorded at finalize. Reports missing and altered objects; records `verifiedAt` on
//! files that match.

use serde::Serialize;

use crate::app::App;
use crate::blob::{BlobError, ObjectKey};
use crate::db::files;
use crate::db::DbError;
use crate::domain::time::now_millis;

#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub checked: u64,
    pub ok: u64,
    pub missing: Vec<Problem>,
    pub altered: Vec<Problem>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub id_file: String,
    pub id_year: String,
    pub name: String,
    pub expected_sha256: String,
    /// What the store holds now (absent when missing).
    pub actual_sha256: Option<String>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.altered.is_empty()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Blob(#[from] BlobError),
}

/// Re-reads every object of the organization (or of one year).
pub async fn verify(app: &App, id_organization: &str, id_year: Option<&str>) -> Result<Report, VerifyError> {
    let mut report = Report::default();
    let mut after = String::new();
    loop {
        let page = files::with_content(app.db(), id_organization, id_year, &after, 200).await?;
        let Some(last) = page.last() else {
            return Ok(report);
        };
        after = last.id.clone();
        for file in page {
            let (Some(key), Some(expected)) = (file.content_key.clone(), file.sha256.clone()) else {
                continue;
            };
            report.checked += 1;
            let digest = app.blob().digest(&ObjectKey::from_stored(key)).await?;
            let problem = |actual| Problem {
                id_file: file.id.clone(),
                id_year: file.id_year.clone(),
                name: file.name.clone(),
                expected_sha256: expected.clone(),
                actual_sha256: actual,
            };
            match digest {
                None => report.missing.push(problem(None)),
                Some(d) if d.sha256 != expected => report.altered.push(problem(Some(d.sha256))),
                Some(_) => {
                    files::set_verified(app.db(), &file.id, now_millis()).await?;
                    report.ok += 1;
                }
            }
        }
    }
}

/// Verifies every organization; problems are logged.
pub async fn verify_all(app: &App) -> Result<(), VerifyError> {
    for org in crate::db::orgs::list_ids(app.db()).await? {
        let report = verify(app, &org, None).await?;
        if !report.is_clean() {
            tracing::error!(
                organization = org,
                missing = report.missing.len(),
                altered = report.altered.len(),
                "integrity check found missing or altered objects"
            );
        }
    }
    Ok(())
}
