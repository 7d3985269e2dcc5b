//! Folders: a tree per fiscal year. Sibling names are unique case-insensitively through the
//! `folders_sibling_name` index on (year, parent key, lowercased name).

use super::{DbError, Row, Tx};
use crate::db::Db;
use sqlx::Row as _;

#[derive(Debug, Clone)]
pub struct Folder {
    pub id: String,
    pub id_organization: String,
    pub id_year: String,
    pub id_parent: Option<String>,
    pub name: String,
    pub name_key: String,
    pub created_at: i64,
    pub last_updated_at: i64,
}

impl Folder {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            id_year: row.try_get("id_year")?,
            id_parent: row.try_get("id_parent")?,
            name: row.try_get("name")?,
            name_key: row.try_get("name_key")?,
            created_at: row.try_get("created_at")?,
            last_updated_at: row.try_get("last_updated_at")?,
        })
    }

    fn parent_key(&self) -> &str {
        self.id_parent.as_deref().unwrap_or("")
    }
}

const COLUMNS: &str = "id, id_organization, id_year, id_parent, name, name_key, created_at, last_updated_at";

/// Inserts a folder; a unique violation means a sibling has the same name.
pub async fn insert(tx: &mut Tx, f: &Folder) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO folders (id, id_organization, id_year, id_parent, parent_key, name, name_key, created_at, last_updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&f.id)
    .bind(&f.id_organization)
    .bind(&f.id_year)
    .bind(&f.id_parent)
    .bind(f.parent_key())
    .bind(&f.name)
    .bind(&f.name_key)
    .bind(f.created_at)
    .bind(f.last_updated_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Saves name and parent; a unique violation means a sibling has the same name.
/// With `expect`, only if the folder's `last_updated_at` is still that (false otherwise).
pub async fn update(tx: &mut Tx, f: &Folder, expect: Option<i64>) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE folders SET id_parent = $2, parent_key = $3, name = $4, name_key = $5, last_updated_at = $6 \
         WHERE id = $1 AND ($7 IS NULL OR last_updated_at = $7)",
    )
    .bind(&f.id)
    .bind(&f.id_parent)
    .bind(f.parent_key())
    .bind(&f.name)
    .bind(&f.name_key)
    .bind(f.last_updated_at)
    .bind(expect)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// With `expect`, only if the folder's `last_updated_at` is still that (false otherwise).
pub async fn delete(tx: &mut Tx, id: &str, expect: Option<i64>) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM folders WHERE id = $1 AND ($2 IS NULL OR last_updated_at = $2)")
        .bind(id)
        .bind(expect)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The folder `id` if it belongs to this organization and year.
pub async fn get(db: &Db, id_organization: &str, id_year: &str, id: &str) -> Result<Option<Folder>, DbError> {
    let mut conn = db.acquire().await?;
    get_on(&mut conn, id_organization, id_year, id).await
}

/// [`get`] inside a transaction.
pub async fn get_in(tx: &mut Tx, id_organization: &str, id_year: &str, id: &str) -> Result<Option<Folder>, DbError> {
    get_on(tx, id_organization, id_year, id).await
}

async fn get_on(
    conn: &mut sqlx::AnyConnection,
    id_organization: &str,
    id_year: &str,
    id: &str,
) -> Result<Option<Folder>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM folders WHERE id = $1 AND id_organization = $2 AND id_year = $3");
    let row = sqlx::query(&sql).bind(id).bind(id_organization).bind(id_year).fetch_optional(conn).await?;
    Ok(row.as_ref().map(Folder::from_row).transpose()?)
}

pub async fn list(db: &Db, id_organization: &str, id_year: &str) -> Result<Vec<Folder>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM folders WHERE id_organization = $1 AND id_year = $2 ORDER BY id");
    let rows = sqlx::query(&sql).bind(id_organization).bind(id_year).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(Folder::from_row).collect::<Result<_, _>>()?)
}

/// Whether a folder holds any folder or file.
pub async fn has_children(tx: &mut Tx, id: &str) -> Result<bool, DbError> {
    let row = sqlx::query(
        "SELECT (EXISTS (SELECT 1 FROM folders WHERE id_parent = $1) OR EXISTS (SELECT 1 FROM files WHERE id_folder = $1)) AS busy",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    // EXISTS is a boolean on PostgreSQL and an integer on SQLite.
    Ok(row.try_get::<bool, _>("busy").or_else(|_| row.try_get::<i64, _>("busy").map(|v| v != 0))?)
}

/// The ids from `id` up to its root, `id` first.
pub async fn ancestors(tx: &mut Tx, id: &str) -> Result<Vec<String>, DbError> {
    let rows = sqlx::query(
        "WITH RECURSIVE chain (id, id_parent, depth) AS ( \
             SELECT id, id_parent, CAST(1 AS BIGINT) FROM folders WHERE id = $1 \
             UNION ALL \
             SELECT f.id, f.id_parent, c.depth + 1 FROM folders f JOIN chain c ON f.id = c.id_parent WHERE c.depth < 64 \
         ) SELECT id FROM chain ORDER BY depth",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?)
}

/// The number of levels in the subtree rooted at `id` (1 for a folder without subfolders).
pub async fn subtree_height(tx: &mut Tx, id: &str) -> Result<i64, DbError> {
    let row = sqlx::query(
        "WITH RECURSIVE sub (id, depth) AS ( \
             SELECT id, CAST(1 AS BIGINT) FROM folders WHERE id = $1 \
             UNION ALL \
             SELECT f.id, s.depth + 1 FROM folders f JOIN sub s ON f.id_parent = s.id WHERE s.depth < 64 \
         ) SELECT CAST(COALESCE(MAX(depth), 0) AS BIGINT) AS height FROM sub",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("height")?)
}
