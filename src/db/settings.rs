//! Instance-wide settings generated once and shared by every instance (the embedded S3
//! endpoint's credentials).

use super::{Db, DbError};
use sqlx::Row as _;

/// Returns the stored value of `name`, storing `make()` first if there is none. Concurrent
/// callers all get the value that won.
pub async fn get_or_init(db: &Db, name: &str, make: impl FnOnce() -> String) -> Result<String, DbError> {
    db.execute_write(
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(make()),
    )
    .await?;
    let row = sqlx::query("SELECT value FROM settings WHERE name = $1")
        .bind(name)
        .fetch_one(&mut *db.acquire().await?)
        .await?;
    Ok(row.try_get("value")?)
}
