//! Organizations: storage quota and usage, OCR page credits.

use super::{Db, DbError, Row, Tx};
use sqlx::Row as _;

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub quota_bytes: i64,
    pub used_bytes: i64,
    pub ocr_pages_available: i64,
    pub ocr_pages_used: i64,
    pub created_at: i64,
}

impl Organization {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            quota_bytes: row.try_get("quota_bytes")?,
            used_bytes: row.try_get("used_bytes")?,
            ocr_pages_available: row.try_get("ocr_pages_available")?,
            ocr_pages_used: row.try_get("ocr_pages_used")?,
            created_at: row.try_get("created_at")?,
        })
    }
}

const COLUMNS: &str = "id, name, quota_bytes, used_bytes, ocr_pages_available, ocr_pages_used, created_at";

pub async fn insert(tx: &mut Tx, org: &Organization) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO organizations (id, name, quota_bytes, used_bytes, ocr_pages_available, ocr_pages_used, created_at) \
         VALUES ($1, $2, $3, 0, 0, 0, $4)",
    )
    .bind(&org.id)
    .bind(&org.name)
    .bind(org.quota_bytes)
    .bind(org.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Organization>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM organizations WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *db.acquire().await?).await?;
    Ok(row.as_ref().map(Organization::from_row).transpose()?)
}

pub async fn get_in(tx: &mut Tx, id: &str) -> Result<Option<Organization>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM organizations WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    Ok(row.as_ref().map(Organization::from_row).transpose()?)
}

/// Sets the storage limit; false when the organization does not exist.
pub async fn set_quota(db: &Db, id: &str, bytes: i64) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE organizations SET quota_bytes = $2 WHERE id = $1")
        .bind(id)
        .bind(bytes)
        .execute(&mut *db.acquire().await?)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds OCR page credits; false when the organization does not exist.
pub async fn add_ocr_pages(db: &Db, id: &str, pages: i64) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE organizations SET ocr_pages_available = ocr_pages_available + $2 WHERE id = $1")
        .bind(id)
        .bind(pages)
        .execute(&mut *db.acquire().await?)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves stored bytes into (positive `delta`) or out of (negative) the organization's usage.
pub async fn add_used_bytes(tx: &mut Tx, id: &str, delta: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE organizations SET used_bytes = used_bytes + $2 WHERE id = $1")
        .bind(id)
        .bind(delta)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Bytes promised to uploads whose URL has not yet expired, other than `except_file`'s.
pub async fn reserved_bytes(tx: &mut Tx, id: &str, now: i64, except_file: &str) -> Result<i64, DbError> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(upload_size), 0) AS BIGINT) AS reserved FROM files \
         WHERE id_organization = $1 AND upload_key IS NOT NULL AND upload_expires_at > $2 AND id <> $3",
    )
    .bind(id)
    .bind(now)
    .bind(except_file)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("reserved")?)
}

/// Bytes reserved by live upload URLs of the organization.
pub async fn reserved_bytes_now(db: &Db, id: &str) -> Result<i64, DbError> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(upload_size), 0) AS BIGINT) AS reserved FROM files \
         WHERE id_organization = $1 AND upload_key IS NOT NULL AND upload_expires_at > $2",
    )
    .bind(id)
    .bind(crate::domain::time::now_millis())
    .fetch_one(&mut *db.acquire().await?)
    .await?;
    Ok(row.try_get("reserved")?)
}

/// Every organization's id.
pub async fn list_ids(db: &Db) -> Result<Vec<String>, DbError> {
    let rows = sqlx::query("SELECT id FROM organizations ORDER BY id").fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?)
}

/// Whether any organization exists (a fresh deployment has none).
pub async fn any(db: &Db) -> Result<bool, DbError> {
    let row = sqlx::query("SELECT id FROM organizations LIMIT 1").fetch_optional(&mut *db.acquire().await?).await?;
    Ok(row.is_some())
}
