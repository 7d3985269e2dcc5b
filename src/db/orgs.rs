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
    let done = db
        .execute_write(sqlx::query("UPDATE organizations SET quota_bytes = $2 WHERE id = $1").bind(id).bind(bytes))
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds OCR page credits; false when the organization does not exist.
pub async fn add_ocr_pages(db: &Db, id: &str, pages: i64) -> Result<bool, DbError> {
    let done = db
        .execute_write(
            sqlx::query("UPDATE organizations SET ocr_pages_available = ocr_pages_available + $2 WHERE id = $1")
                .bind(id)
                .bind(pages),
        )
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

/// Counts `delta` more (or fewer) bytes as reserved by upload URLs.
pub async fn add_reserved_bytes(tx: &mut Tx, id: &str, delta: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE organizations SET reserved_bytes = reserved_bytes + $2 WHERE id = $1")
        .bind(id)
        .bind(delta)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The maintained counter, less the reservations that expired since the sweeper's last pass
/// (read among the organization's live reservations, `files_reserved`; only the usage page
/// and a refused quota read this, never the upload-url route) and less `except_file`'s own
/// live one: bytes promised to live upload URLs, exactly.
const LIVE_RESERVED: &str = "CAST(o.reserved_bytes \
    - COALESCE((SELECT SUM(f.upload_size) FROM files f \
                WHERE f.id_organization = o.id AND f.upload_reserved = 1 AND f.upload_expires_at <= $2), 0) \
    - COALESCE((SELECT f.upload_size FROM files f \
                WHERE f.id = $3 AND f.id_organization = o.id AND f.upload_reserved = 1 AND f.upload_expires_at > $2), 0) \
    AS BIGINT)";

/// What a quota check needs, in one statement.
#[derive(Debug, Clone, Copy)]
pub struct Storage {
    pub quota_bytes: i64,
    pub used_bytes: i64,
    pub reserved_bytes: i64,
}

/// The organization's storage at `now`, not counting `except_file`'s reservation.
pub async fn storage_in(tx: &mut Tx, id: &str, now: i64, except_file: &str) -> Result<Option<Storage>, DbError> {
    storage_on(tx, id, now, except_file).await
}

async fn storage_on(
    conn: &mut sqlx::AnyConnection,
    id: &str,
    now: i64,
    except_file: &str,
) -> Result<Option<Storage>, DbError> {
    let sql =
        format!("SELECT o.quota_bytes, o.used_bytes, {LIVE_RESERVED} AS reserved FROM organizations o WHERE o.id = $1");
    let row = sqlx::query(&sql).bind(id).bind(now).bind(except_file).fetch_optional(conn).await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Storage {
        quota_bytes: row.try_get("quota_bytes")?,
        used_bytes: row.try_get("used_bytes")?,
        reserved_bytes: row.try_get("reserved")?,
    }))
}

/// Bytes promised to uploads whose URL has not yet expired, other than `except_file`'s.
pub async fn reserved_bytes(tx: &mut Tx, id: &str, now: i64, except_file: &str) -> Result<i64, DbError> {
    Ok(storage_on(tx, id, now, except_file).await?.map_or(0, |s| s.reserved_bytes))
}

/// Bytes reserved by live upload URLs of the organization.
pub async fn reserved_bytes_now(db: &Db, id: &str) -> Result<i64, DbError> {
    let now = crate::domain::time::now_millis();
    Ok(storage_on(&mut *db.acquire().await?, id, now, "").await?.map_or(0, |s| s.reserved_bytes))
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
