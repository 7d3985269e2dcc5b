//! Fiscal years ("exercices") of an organization.

use std::sync::LazyLock;

use super::{flag, Db, DbError, Row, Tx, Typed};
use sqlx::Row as _;

#[derive(Debug, Clone)]
pub struct Year {
    pub id: String,
    pub id_organization: String,
    pub label: String,
    pub starting_at: String,
    pub ending_at: String,
    pub closed: bool,
    pub closed_at: Option<i64>,
    pub created_at: i64,
}

impl Year {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            label: row.try_get("label")?,
            starting_at: row.try_get("starting_at")?,
            ending_at: row.try_get("ending_at")?,
            closed: flag(row, "closed")?,
            closed_at: row.try_get("closed_at")?,
            created_at: row.try_get("created_at")?,
        })
    }
}

const COLUMNS: &str = "id, id_organization, label, starting_at, ending_at, closed, closed_at, created_at";

pub async fn insert(tx: &mut Tx, year: &Year) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO years (id, id_organization, label, starting_at, ending_at, closed, created_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6)",
    )
    .bind(&year.id)
    .bind(&year.id_organization)
    .bind(&year.label)
    .bind(&year.starting_at)
    .bind(&year.ending_at)
    .bind(year.created_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// [`get`] inside a transaction.
pub async fn get_in(tx: &mut Tx, id_organization: &str, id: &str) -> Result<Option<Year>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM years WHERE id = $1 AND id_organization = $2");
    let row = sqlx::query(&sql).bind(id).bind(id_organization).fetch_optional(&mut **tx).await?;
    Ok(row.as_ref().map(Year::from_row).transpose()?)
}

/// A year by id alone (admin commands).
pub async fn find(db: &Db, id: &str) -> Result<Option<Year>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM years WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *db.acquire().await?).await?;
    Ok(row.as_ref().map(Year::from_row).transpose()?)
}

/// Closes (`Some(now)`) or reopens (`None`) a year.
pub async fn set_closed(tx: &mut Tx, id: &str, closed_at: Option<i64>) -> Result<(), DbError> {
    sqlx::query("UPDATE years SET closed = $2, closed_at = $3 WHERE id = $1")
        .bind(id)
        .bind(i64::from(closed_at.is_some()))
        .bind(closed_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// First and last days (`YYYY-MM-DD`) of the years of the files an OCR job reads, one pair per
/// distinct year: the extraction checks the document's date against them.
pub async fn periods_of_ocr_job(db: &Db, id_job: &str) -> Result<Vec<(String, String)>, DbError> {
    let sql = "SELECT DISTINCT y.starting_at, y.ending_at FROM files f JOIN years y ON y.id = f.id_year \
               WHERE f.id_ocr_job = $1 AND f.status <> 'deleted'";
    let rows = sqlx::query(sql).bind(id_job).fetch_all(&mut *db.acquire().await?).await?;
    rows.iter().map(|row| Ok((row.try_get("starting_at")?, row.try_get("ending_at")?))).collect()
}

/// The year `id` if it belongs to `id_organization`. Every request on a year's files asks:
/// it runs on the fast read path ([`super::Typed`]), decoded by position.
pub async fn get(db: &Db, id_organization: &str, id: &str) -> Result<Option<Year>, DbError> {
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {COLUMNS} FROM years WHERE id = $1 AND id_organization = $2"));
    macro_rules! year {
        ($row:expr, $get:ident) => {
            Year {
                id: $row.$get(0)?,
                id_organization: $row.$get(1)?,
                label: $row.$get(2)?,
                starting_at: $row.$get(3)?,
                ending_at: $row.$get(4)?,
                closed: {
                    let flag: i64 = $row.$get(5)?;
                    flag != 0
                },
                closed_at: $row.$get(6)?,
                created_at: $row.$get(7)?,
            }
        };
    }
    match db.typed() {
        Typed::Sqlite(reader) => {
            let (id, id_organization) = (id.to_owned(), id_organization.to_owned());
            reader
                .run(move |conn| {
                    let mut statement = conn.prepare_cached(SQL.as_str())?;
                    let mut rows = statement.query([&id, &id_organization])?;
                    let year = match rows.next()? {
                        Some(row) => Some(year!(row, get)),
                        None => None,
                    };
                    Ok(year)
                })
                .await
        }
        Typed::Postgres(reader) => {
            let mut conn = reader.acquire().await?;
            let row = sqlx::query(SQL.as_str()).bind(id).bind(id_organization).fetch_optional(&mut *conn).await?;
            conn.release();
            let decode = |row: &sqlx::postgres::PgRow| -> Result<Year, sqlx::Error> { Ok(year!(row, try_get)) };
            Ok(row.as_ref().map(decode).transpose()?)
        }
    }
}

pub async fn list(db: &Db, id_organization: &str) -> Result<Vec<Year>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM years WHERE id_organization = $1 ORDER BY id");
    let rows = sqlx::query(&sql).bind(id_organization).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(Year::from_row).collect::<Result<_, _>>()?)
}
