//! API keys: their records and the hash of each key (see [`crate::domain::api_key`]).

use super::{flag, Db, DbError, Row, Typed};
use crate::domain::api_key::KeyHash;
use sqlx::Row as _;

#[derive(Debug, Clone)]
pub struct ApiKey {
    pub id: String,
    pub id_organization: String,
    pub read_only: bool,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

impl ApiKey {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            read_only: flag(row, "read_only")?,
            created_at: row.try_get("created_at")?,
            revoked_at: row.try_get("revoked_at")?,
        })
    }
}

const COLUMNS: &str = "id, id_organization, read_only, created_at, revoked_at";

pub async fn insert(db: &Db, key: &ApiKey, key_hash: &KeyHash) -> Result<(), DbError> {
    db.execute_write(
        sqlx::query(
            "INSERT INTO api_keys (id, id_organization, key_hash, read_only, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&key.id)
        .bind(&key.id_organization)
        .bind(key_hash.as_str())
        .bind(i64::from(key.read_only))
        .bind(key.created_at),
    )
    .await?;
    Ok(())
}

/// The live (not revoked) key with this hash. Every authenticated request asks: it runs on
/// the fast read path ([`super::Typed`]), decoded by position.
pub async fn find_live_by_hash(db: &Db, key_hash: &KeyHash) -> Result<Option<ApiKey>, DbError> {
    const SQL: &str = "SELECT id, id_organization, read_only, created_at, revoked_at FROM api_keys \
        WHERE key_hash = $1 AND revoked_at IS NULL";
    macro_rules! key {
        ($row:expr, $get:ident) => {
            ApiKey {
                id: $row.$get(0)?,
                id_organization: $row.$get(1)?,
                read_only: {
                    let flag: i64 = $row.$get(2)?;
                    flag != 0
                },
                created_at: $row.$get(3)?,
                revoked_at: $row.$get(4)?,
            }
        };
    }
    match db.typed() {
        Typed::Sqlite(reader) => {
            let hash = key_hash.as_str().to_owned();
            reader
                .run(move |conn| {
                    let mut statement = conn.prepare_cached(SQL)?;
                    let mut rows = statement.query([&hash])?;
                    let key = match rows.next()? {
                        Some(row) => Some(key!(row, get)),
                        None => None,
                    };
                    Ok(key)
                })
                .await
        }
        Typed::Postgres(reader) => {
            let mut conn = reader.acquire().await?;
            let row = sqlx::query(SQL).bind(key_hash.as_str()).fetch_optional(&mut *conn).await?;
            conn.release();
            let decode = |row: &sqlx::postgres::PgRow| -> Result<ApiKey, sqlx::Error> { Ok(key!(row, try_get)) };
            Ok(row.as_ref().map(decode).transpose()?)
        }
    }
}

pub async fn list(db: &Db, id_organization: &str) -> Result<Vec<ApiKey>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM api_keys WHERE id_organization = $1 ORDER BY id");
    let rows = sqlx::query(&sql).bind(id_organization).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(ApiKey::from_row).collect::<Result<_, _>>()?)
}

/// Revokes a key; false when it does not exist or was already revoked.
pub async fn revoke(db: &Db, id: &str, now: i64) -> Result<bool, DbError> {
    let done = db
        .execute_write(
            sqlx::query("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL").bind(id).bind(now),
        )
        .await?;
    Ok(done.rows_affected() == 1)
}
