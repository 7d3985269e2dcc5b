//! Purging documents for good: files left in the trash past the trash period (open years
//! only), and documents of closed years once their 10-year retention is over (Code de
//! commerce L123-22). Each purge is recorded in the audit trail.

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use crate::app::App;
use crate::audit::{self, Event};
use crate::blob::ObjectKey;
use crate::db::files::{self, File};
use crate::db::{deletions, lock_row, orgs, DbError, Lockable};
use crate::domain::time::now_millis;

/// Years a closed year's documents are kept after its end.
pub const RETENTION_YEARS: i32 = 10;

/// Deletes a file's record and its objects, releasing its storage, as `actor` for `reason`.
/// False when another process purged it first, or the file changed since it was read: then
/// nothing is counted or recorded twice, and nothing changed meanwhile is lost.
pub async fn purge_file(app: &App, file: &File, actor: &str, reason: &str) -> Result<bool, DbError> {
    let now = now_millis();
    let keys: Vec<String> = file.content_key.iter().chain(file.upload.as_ref().map(|u| &u.key)).cloned().collect();
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, &file.id_organization).await?;
    if !files::delete_unchanged(&mut tx, &file.id, file.last_updated_at).await? {
        return Ok(false);
    }
    for key in &keys {
        deletions::enqueue(&mut tx, key, now, None).await?;
    }
    if let (Some(_), Some(size)) = (&file.content_key, file.size) {
        orgs::add_used_bytes(&mut tx, &file.id_organization, -size).await?;
    }
    let details = json!({"reason": reason, "name": file.name, "reference": file.reference, "date": file.doc_date});
    let event = Event::new("file.purge").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, actor, event.details(details)).await?;
    tx.commit().await?;
    for key in keys {
        if app.blob().delete(&ObjectKey::from_stored(key.clone())).await.is_ok() {
            deletions::complete(app.db(), &key).await?;
        }
    }
    Ok(true)
}

/// Purges files in the trash for longer than the trash period; returns how many.
pub async fn purge_trash(app: &App, now: i64) -> Result<usize, DbError> {
    let before = now - i64::from(app.config().trash_days) * 86_400_000;
    let mut purged = 0;
    loop {
        let due = files::trash_due(app.db(), before, 100).await?;
        if due.is_empty() {
            return Ok(purged);
        }
        for file in &due {
            if purge_file(app, file, audit::SYSTEM, "trash period over").await? {
                purged += 1;
            }
        }
    }
}

/// The last day of years whose retention is over on `date`: a year that ended before
/// `date` minus 10 years may be purged.
pub fn retention_cutoff(date: NaiveDate) -> String {
    let cutoff = date.with_year(date.year() - RETENTION_YEARS).unwrap_or(date);
    cutoff.format("%Y-%m-%d").to_string()
}

/// Documents of closed years whose retention is over on `date` (at most `limit`).
pub async fn due(app: &App, date: NaiveDate, limit: i64) -> Result<Vec<File>, DbError> {
    files::retention_due(app.db(), &retention_cutoff(date), limit).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_is_ten_years_after_the_year_end() {
        let today = NaiveDate::from_ymd_opt(2037, 1, 1).unwrap();
        assert_eq!(retention_cutoff(today), "2027-01-01");
        // A year that ended 2026-12-31 may be purged from 2037-01-01 on, not on 2036-12-31.
        assert!("2026-12-31" < retention_cutoff(today).as_str());
        assert!("2026-12-31" >= retention_cutoff(NaiveDate::from_ymd_opt(2036, 12, 31).unwrap()).as_str());
    }
}
