//! Files: the supporting documents. A file is `pending` until an upload is finalized, then
//! `available` with immutable content. The upload in progress lives on the row (its key,
//! declared type and size, URL expiry); its declared size counts against the quota until the
//! URL expires.

use std::sync::LazyLock;

use super::audit::Entry;
use super::group::{self, Plan};
use super::{flag, Backend, Db, DbError, Row, Tx};
use sqlx::any::AnyArguments;
use sqlx::Arguments as _;
use sqlx::Row as _;

pub const STATUS_PENDING: &str = "pending";
pub const STATUS_AVAILABLE: &str = "available";
/// In the trash: restorable for a while, then purged.
pub const STATUS_DELETED: &str = "deleted";

#[derive(Debug, Clone)]
pub struct File {
    pub id: String,
    pub id_organization: String,
    pub id_year: String,
    pub id_folder: Option<String>,
    pub name: String,
    pub reference: Option<String>,
    pub doc_date: Option<String>,
    pub hash: Option<String>,
    pub allow_duplicate: bool,
    pub status: String,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub content_key: Option<String>,
    pub upload: Option<Upload>,
    pub id_ocr_job: Option<String>,
    /// `user` or `ocr`.
    pub date_source: Option<String>,
    pub reference_source: Option<String>,
    /// Normalized name and reference, for searches.
    pub search_text: String,
    /// The OCR job's state, when one was requested.
    pub ocr: Option<OcrSummary>,
    pub deleted_at: Option<i64>,
    pub status_before_delete: Option<String>,
    pub verified_at: Option<i64>,
    /// The small JPEG of the first page, once the background job made it.
    pub thumbnail_key: Option<String>,
    pub created_at: i64,
    pub last_updated_at: i64,
}

/// The part of a file's OCR job shown with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcrSummary {
    pub status: String,
    pub pages: i64,
    pub pages_charged: i64,
    pub engine: Option<String>,
    pub error: Option<String>,
}

/// An upload URL handed out and not yet finalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// The file's upload slot.
    pub key: String,
    /// Names the live URL: a newer upload URL replaces it.
    pub id: String,
    pub content_type: String,
    pub size: i64,
    pub expires_at: i64,
}

impl File {
    pub(super) fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        let upload_key: Option<String> = row.try_get("upload_key")?;
        let upload = match upload_key {
            Some(key) => Some(Upload {
                key,
                id: row.try_get::<Option<String>, _>("upload_id")?.unwrap_or_default(),
                content_type: row.try_get("upload_type")?,
                size: row.try_get("upload_size")?,
                expires_at: row.try_get("upload_expires_at")?,
            }),
            None => None,
        };
        Ok(Self {
            id: row.try_get("id")?,
            id_organization: row.try_get("id_organization")?,
            id_year: row.try_get("id_year")?,
            id_folder: row.try_get("id_folder")?,
            name: row.try_get("name")?,
            reference: row.try_get("reference")?,
            doc_date: row.try_get("doc_date")?,
            hash: row.try_get("hash")?,
            allow_duplicate: flag(row, "allow_duplicate")?,
            status: row.try_get("status")?,
            content_type: row.try_get("content_type")?,
            size: row.try_get("size")?,
            sha256: row.try_get("sha256")?,
            content_key: row.try_get("content_key")?,
            upload,
            id_ocr_job: row.try_get("id_ocr_job")?,
            date_source: row.try_get("date_source")?,
            reference_source: row.try_get("reference_source")?,
            search_text: row.try_get("search_text")?,
            ocr: ocr_summary(row)?,
            deleted_at: row.try_get("deleted_at")?,
            status_before_delete: row.try_get("status_before_delete")?,
            verified_at: row.try_get("verified_at")?,
            thumbnail_key: row.try_get("thumbnail_key")?,
            created_at: row.try_get("created_at")?,
            last_updated_at: row.try_get("last_updated_at")?,
        })
    }

    pub fn is_available(&self) -> bool {
        self.status == STATUS_AVAILABLE
    }

    /// The pending file as [`make_available`] leaves it, without reading it back.
    pub fn made_available(&mut self, content: &Content, now: i64) {
        self.status = STATUS_AVAILABLE.to_owned();
        self.content_key = Some(content.key.clone());
        self.content_type = Some(content.content_type.clone());
        self.size = Some(content.size);
        self.sha256 = Some(content.sha256.clone());
        self.upload = None;
        self.thumbnail_key = None;
        self.last_updated_at = now;
    }
}

fn ocr_summary(row: &Row) -> Result<Option<OcrSummary>, sqlx::Error> {
    let Some(status) = row.try_get::<Option<String>, _>("ocr_status")? else {
        return Ok(None);
    };
    Ok(Some(OcrSummary {
        status,
        pages: row.try_get("ocr_pages")?,
        pages_charged: row.try_get("ocr_pages_charged")?,
        engine: row.try_get("ocr_engine")?,
        error: row.try_get("ocr_error")?,
    }))
}

/// Every read joins the OCR job, whose columns are aliased, only while it read the file's
/// current content: after a new upload, an older job's text and fields are not the file's.
/// `$extra` adds columns (of a table the caller joins).
macro_rules! select_files {
    ($extra:literal) => {
        concat!(
            "SELECT f.id, f.id_organization, f.id_year, f.id_folder, f.name, f.reference, f.doc_date, f.hash, \
            f.allow_duplicate, f.status, f.content_type, f.size, f.sha256, f.content_key, f.upload_key, f.upload_id, f.upload_type, \
            f.upload_size, f.upload_expires_at, f.id_ocr_job, f.date_source, f.reference_source, f.search_text, \
            f.deleted_at, f.status_before_delete, f.verified_at, f.thumbnail_key, \
            f.created_at, f.last_updated_at, j.status AS ocr_status, j.pages AS ocr_pages, \
            j.pages_charged AS ocr_pages_charged, j.engine AS ocr_engine, j.error AS ocr_error",
            $extra,
            " FROM files f LEFT JOIN ocr_jobs j ON j.id = f.id_ocr_job AND j.sha256 = f.sha256"
        )
    };
}

pub(super) const SELECT: &str = select_files!("");
const GET: &str = concat!(select_files!(""), " WHERE f.id = $1 AND f.id_organization = $2 AND f.id_year = $3");
const GET_WITH_YEAR: &str = concat!(
    select_files!(", y.closed AS year_closed"),
    " JOIN years y ON y.id = f.id_year AND y.id_organization = f.id_organization \
    WHERE f.id = $1 AND f.id_organization = $2 AND f.id_year = $3"
);

pub async fn insert(tx: &mut Tx, f: &File) -> Result<(), DbError> {
    sqlx::query_with(INSERT, insert_args(f)?).execute(&mut **tx).await?;
    Ok(())
}

/// [`insert`] if the file's year is the organization's and open, in one statement; false
/// (nothing written) otherwise.
pub async fn insert_into_open_year(tx: &mut Tx, f: &File) -> Result<bool, DbError> {
    let done = sqlx::query_with(INSERT_IF_OPEN, insert_args(f)?).execute(&mut **tx).await?;
    Ok(done.rows_affected() == 1)
}

/// SQLite: [`insert_into_open_year`] and the audit entry of `entry`, as one plan on the writer
/// (see `group.rs`), without the route holding a transaction: true once on disk, false if
/// not inserted (nothing written). SQLite only.
pub async fn insert_planned(db: &Db, f: &File, entry: Entry) -> Result<bool, DbError> {
    static SQL: LazyLock<String> = LazyLock::new(|| group::plan_sql(INSERT_IF_OPEN, 15));
    db.run_plan(Plan::new(&SQL, insert_args(f)?, f.id_organization.clone(), entry)).await
}

/// The parameters of [`INSERT`] and [`INSERT_IF_OPEN`], owned.
fn insert_args(f: &File) -> Result<AnyArguments<'static>, DbError> {
    let mut args = AnyArguments::default();
    add_insert_args(&mut args, f).map_err(|e| DbError::from(sqlx::Error::Encode(e)))?;
    Ok(args)
}

fn add_insert_args(args: &mut AnyArguments<'static>, f: &File) -> Result<(), sqlx::error::BoxDynError> {
    args.add(f.id.clone())?;
    args.add(f.id_organization.clone())?;
    args.add(f.id_year.clone())?;
    args.add(f.id_folder.clone())?;
    args.add(f.name.clone())?;
    args.add(f.reference.clone())?;
    args.add(f.doc_date.clone())?;
    args.add(f.hash.clone())?;
    args.add(i64::from(f.allow_duplicate))?;
    args.add(f.status.clone())?;
    args.add(f.created_at)?;
    args.add(f.last_updated_at)?;
    args.add(f.date_source.clone())?;
    args.add(f.reference_source.clone())?;
    args.add(f.search_text.clone())
}

macro_rules! insert_files {
    ($rows:literal) => {
        concat!(
            "INSERT INTO files (id, id_organization, id_year, id_folder, name, reference, doc_date, hash, \
            allow_duplicate, status, created_at, last_updated_at, date_source, reference_source, search_text) ",
            $rows
        )
    };
}
const INSERT: &str = insert_files!("VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");
const INSERT_IF_OPEN: &str = insert_files!(
    "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 \
    WHERE EXISTS (SELECT 1 FROM years WHERE id = $3 AND id_organization = $2 AND closed = 0)"
);

/// The file `id` if it belongs to this organization and year.
pub async fn get(db: &Db, id_organization: &str, id_year: &str, id: &str) -> Result<Option<File>, DbError> {
    let mut conn = db.acquire().await?;
    get_on(&mut conn, id_organization, id_year, id).await
}

/// [`get`] inside a transaction.
pub async fn get_in(tx: &mut Tx, id_organization: &str, id_year: &str, id: &str) -> Result<Option<File>, DbError> {
    get_on(tx, id_organization, id_year, id).await
}

async fn get_on(
    conn: &mut sqlx::AnyConnection,
    id_organization: &str,
    id_year: &str,
    id: &str,
) -> Result<Option<File>, DbError> {
    let row = sqlx::query(GET).bind(id).bind(id_organization).bind(id_year).fetch_optional(conn).await?;
    Ok(row.as_ref().map(File::from_row).transpose()?)
}

/// [`get`] and whether the file's year is closed, in one read.
pub async fn get_with_year(
    db: &Db,
    id_organization: &str,
    id_year: &str,
    id: &str,
) -> Result<Option<(File, bool)>, DbError> {
    get_with_year_on(&mut *db.acquire().await?, id_organization, id_year, id).await
}

/// [`get_with_year`] inside a transaction.
pub async fn get_with_year_in(
    tx: &mut Tx,
    id_organization: &str,
    id_year: &str,
    id: &str,
) -> Result<Option<(File, bool)>, DbError> {
    get_with_year_on(tx, id_organization, id_year, id).await
}

async fn get_with_year_on(
    conn: &mut sqlx::AnyConnection,
    id_organization: &str,
    id_year: &str,
    id: &str,
) -> Result<Option<(File, bool)>, DbError> {
    let row = sqlx::query(GET_WITH_YEAR).bind(id).bind(id_organization).bind(id_year).fetch_optional(conn).await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some((File::from_row(&row)?, flag(&row, "year_closed")?)))
}

/// Which files of a year to list.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    /// `Some(None)`: files at the top level; `Some(Some(id))`: files in that folder.
    pub folder: Option<Option<String>>,
    pub status: Option<String>,
    /// Keyset pagination: files whose id sorts after this one.
    pub after: Option<String>,
    pub limit: i64,
    /// Files skipped before the page (ranked searches page by offset).
    pub offset: i64,
}

/// One page of files in id (creation) order. Cost depends on the page size (and offset), not
/// on the year's. Searches are [`super::search::list`].
pub async fn list(db: &Db, id_organization: &str, id_year: &str, filter: &ListFilter) -> Result<Vec<File>, DbError> {
    let sql = list_sql(SELECT, filter);
    let rows = list_query(&sql, id_organization, id_year, filter).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(File::from_row).collect::<Result<_, _>>()?)
}

/// A file as a listing shows it: the columns of the API's file, nothing else.
#[derive(Debug, Clone)]
pub struct Listed {
    pub id: String,
    pub id_folder: Option<String>,
    pub name: String,
    pub reference: Option<String>,
    pub doc_date: Option<String>,
    pub hash: Option<String>,
    pub status: String,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub date_source: Option<String>,
    pub reference_source: Option<String>,
    pub ocr: Option<OcrSummary>,
    pub deleted_at: Option<i64>,
    pub verified_at: Option<i64>,
    pub created_at: i64,
    pub last_updated_at: i64,
}

/// A [`Listed`] from a row, by position, in [`LIST_COLUMNS`]'s order: a page decodes 100
/// rows, and looking columns up by name was a visible part of its cost. `$get` is the
/// driver's getter (`try_get` for sqlx rows, `get` for rusqlite's), `$err` its error type.
macro_rules! listed {
    ($row:expr, $get:ident, $err:ty) => {{
        let row = $row;
        (|| -> Result<Listed, $err> {
            let ocr_status: Option<String> = row.$get(16)?;
            let ocr = match ocr_status {
                Some(status) => Some(OcrSummary {
                    status,
                    pages: row.$get(17)?,
                    pages_charged: row.$get(18)?,
                    engine: row.$get(19)?,
                    error: row.$get(20)?,
                }),
                None => None,
            };
            Ok(Listed {
                id: row.$get(0)?,
                id_folder: row.$get(1)?,
                name: row.$get(2)?,
                reference: row.$get(3)?,
                doc_date: row.$get(4)?,
                hash: row.$get(5)?,
                status: row.$get(6)?,
                content_type: row.$get(7)?,
                size: row.$get(8)?,
                sha256: row.$get(9)?,
                date_source: row.$get(10)?,
                reference_source: row.$get(11)?,
                deleted_at: row.$get(12)?,
                verified_at: row.$get(13)?,
                created_at: row.$get(14)?,
                last_updated_at: row.$get(15)?,
                ocr,
            })
        })()
    }};
}

const LIST_COLUMNS: &str = "SELECT f.id, f.id_folder, f.name, f.reference, f.doc_date, f.hash, f.status, \
    f.content_type, f.size, f.sha256, f.date_source, f.reference_source, f.deleted_at, f.verified_at, \
    f.created_at, f.last_updated_at, j.status, j.pages, j.pages_charged, j.engine, j.error \
    FROM files f LEFT JOIN ocr_jobs j ON j.id = f.id_ocr_job AND j.sha256 = f.sha256";

/// The list query's variants, built once: by folder (any, top level, one) and status (not
/// deleted, given); see [`list_page_sql`].
static LIST_PAGE_SQL: LazyLock<[String; 6]> = LazyLock::new(|| {
    let folders = [None, Some(None), Some(Some(String::new()))];
    std::array::from_fn(|i| {
        let filter = ListFilter {
            folder: folders[i / 2].clone(),
            status: (i % 2 == 1).then(String::new),
            ..ListFilter::default()
        };
        list_sql(LIST_COLUMNS, &filter)
    })
});

fn list_page_sql(filter: &ListFilter) -> &'static str {
    let folder = match &filter.folder {
        None => 0,
        Some(None) => 1,
        Some(Some(_)) => 2,
    };
    &LIST_PAGE_SQL[folder * 2 + usize::from(filter.status.is_some())]
}

/// One page of files as the API lists them, in id (creation) order: [`list`] with only the
/// columns the page shows.
pub async fn list_page(
    db: &Db,
    id_organization: &str,
    id_year: &str,
    filter: &ListFilter,
) -> Result<Vec<Listed>, DbError> {
    let sql = list_page_sql(filter);
    let rows = match db.typed() {
        // One hop to a blocking thread for the whole page, rows decoded in place (`read.rs`).
        super::Typed::Sqlite(reader) => {
            let (org, year, filter) = (id_organization.to_owned(), id_year.to_owned(), filter.clone());
            return reader
                .run(move |conn| {
                    let after = filter.after.as_deref().unwrap_or("");
                    let mut params: Vec<&dyn rusqlite::ToSql> = vec![&org, &year, &after];
                    if let Some(Some(folder)) = &filter.folder {
                        params.push(folder);
                    }
                    if let Some(status) = &filter.status {
                        params.push(status);
                    }
                    params.extend([&filter.limit as &dyn rusqlite::ToSql, &filter.offset]);
                    let mut statement = conn.prepare_cached(sql)?;
                    let mut rows = statement.query(&*params)?;
                    let mut page = Vec::with_capacity(filter.limit.clamp(0, 1024) as usize);
                    while let Some(row) = rows.next()? {
                        page.push(listed!(row, get, rusqlite::Error)?);
                    }
                    Ok(page)
                })
                .await;
        }
        // The concrete driver: rows decode straight into `Listed`, without the `Any` driver's
        // conversion of every value.
        super::Typed::Postgres(reader) => {
            let mut query =
                sqlx::query(sql).bind(id_organization).bind(id_year).bind(filter.after.as_deref().unwrap_or(""));
            if let Some(Some(folder)) = &filter.folder {
                query = query.bind(folder.as_str());
            }
            if let Some(status) = &filter.status {
                query = query.bind(status.as_str());
            }
            let mut conn = reader.acquire().await?;
            let rows = query.bind(filter.limit).bind(filter.offset).fetch_all(&mut *conn).await?;
            conn.release();
            rows
        }
    };
    Ok(rows.iter().map(|row| listed!(row, try_get, sqlx::Error)).collect::<Result<Vec<_>, _>>()?)
}

/// One file as the API shows it ([`Listed`]), if it belongs to this organization and year,
/// on the same fast path as [`list_page`]. Files in the trash are returned too.
pub async fn get_listed(db: &Db, id_organization: &str, id_year: &str, id: &str) -> Result<Option<Listed>, DbError> {
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("{LIST_COLUMNS} WHERE f.id = $1 AND f.id_organization = $2 AND f.id_year = $3"));
    let row = match db.typed() {
        super::Typed::Sqlite(reader) => {
            let (org, year, id) = (id_organization.to_owned(), id_year.to_owned(), id.to_owned());
            return reader
                .run(move |conn| {
                    let mut statement = conn.prepare_cached(SQL.as_str())?;
                    let mut rows = statement.query([&id, &org, &year])?;
                    let file = rows.next()?.map(|row| listed!(row, get, rusqlite::Error)).transpose();
                    file
                })
                .await;
        }
        super::Typed::Postgres(reader) => {
            let mut conn = reader.acquire().await?;
            let row = sqlx::query(SQL.as_str())
                .bind(id)
                .bind(id_organization)
                .bind(id_year)
                .fetch_optional(&mut *conn)
                .await?;
            conn.release();
            row
        }
    };
    Ok(row.as_ref().map(|row| listed!(row, try_get, sqlx::Error)).transpose()?)
}

fn list_sql(select: &str, filter: &ListFilter) -> String {
    let mut sql = format!("{select} WHERE f.id_organization = $1 AND f.id_year = $2 AND f.id > $3");
    let mut next = 4;
    match &filter.folder {
        Some(None) => sql.push_str(" AND f.id_folder IS NULL"),
        Some(Some(_)) => {
            sql.push_str(&format!(" AND f.id_folder = ${next}"));
            next += 1;
        }
        None => {}
    }
    if filter.status.is_some() {
        sql.push_str(&format!(" AND f.status = ${next}"));
        next += 1;
    } else {
        sql.push_str(" AND f.status <> 'deleted'");
    }
    sql.push_str(&format!(" ORDER BY f.id LIMIT ${next} OFFSET ${}", next + 1));
    sql
}

fn list_query<'q>(
    sql: &'q str,
    id_organization: &'q str,
    id_year: &'q str,
    filter: &'q ListFilter,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let mut query = sqlx::query(sql).bind(id_organization).bind(id_year).bind(filter.after.as_deref().unwrap_or(""));
    if let Some(Some(folder)) = &filter.folder {
        query = query.bind(folder.as_str());
    }
    if let Some(status) = &filter.status {
        query = query.bind(status.as_str());
    }
    query.bind(filter.limit).bind(filter.offset)
}

/// Saves the user-editable metadata; with `expect`, only if the file's `last_updated_at` is
/// still that (false otherwise).
pub async fn update_metadata(tx: &mut Tx, f: &File, expect: Option<i64>) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE files SET id_folder = $2, name = $3, reference = $4, doc_date = $5, last_updated_at = $6, \
         date_source = $7, reference_source = $8, search_text = $9 WHERE id = $1 AND ($10 IS NULL OR last_updated_at = $10)",
    )
    .bind(&f.id)
    .bind(&f.id_folder)
    .bind(&f.name)
    .bind(&f.reference)
    .bind(&f.doc_date)
    .bind(f.last_updated_at)
    .bind(&f.date_source)
    .bind(&f.reference_source)
    .bind(&f.search_text)
    .bind(expect)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What [`set_upload`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetUpload {
    Done,
    /// Nothing written: the file is no longer pending, or the upload does not fit in the
    /// organization's quota (the caller finds out which).
    Refused,
}

/// Records a new upload in progress, replacing any previous one, if the file is still pending
/// and `upload.size` more bytes fit in the quota next to what is stored and what live upload
/// URLs reserve (as [`super::orgs::storage_in`] counts them, this file's own reservation
/// aside). The new upload's size replaces the previous one's (if still reserved) in the
/// organization's reserved bytes. The organization `id_organization` is locked by the caller.
///
/// The quota is checked against the maintained counter alone, which still holds the
/// reservations expired since the sweeper's last pass: only when that check refuses are the
/// organization's expired reservations released, here, and the check made again. The
/// accepted path is two statements and no read, whatever the number of live reservations.
pub async fn set_upload(
    tx: &mut Tx,
    id_organization: &str,
    id: &str,
    upload: &Upload,
    now: i64,
) -> Result<SetUpload, DbError> {
    let reserved = reserve_upload(tx, id, upload, now).await?
        || (release_expired_in(tx, id_organization, now).await? > 0 && reserve_upload(tx, id, upload, now).await?);
    Ok(if reserved { SetUpload::Done } else { SetUpload::Refused })
}

/// Moves the upload's size into the organization's reserved bytes for pending file `id` (its
/// previous reservation, if any, given back) if it fits in the quota as the counter stands,
/// and records the upload; false, with nothing written, otherwise or when the file is not
/// pending. On PostgreSQL one statement (the two updates in one, a round trip less under
/// the organization's lock), on SQLite two (its writer is in process).
async fn reserve_upload(tx: &mut Tx, id: &str, upload: &Upload, now: i64) -> Result<bool, DbError> {
    const RESERVE: &str = "UPDATE organizations SET reserved_bytes = reserved_bytes + $2 \
         - COALESCE((SELECT upload_size FROM files WHERE id = $1 AND upload_reserved = 1), 0) \
         WHERE id = (SELECT id_organization FROM files WHERE id = $1 AND status = 'pending') \
         AND used_bytes + reserved_bytes + $2 \
             - COALESCE((SELECT upload_size FROM files WHERE id = $1 AND upload_reserved = 1), 0) <= quota_bytes";
    const RECORD: &str = "UPDATE files SET upload_key = $3, upload_id = $4, upload_type = $5, upload_size = $2, \
         upload_expires_at = $6, upload_reserved = 1, last_updated_at = $7 WHERE id = $1 AND status = 'pending'";
    let bind = |sql| {
        sqlx::query(sql)
            .bind(id)
            .bind(upload.size)
            .bind(&upload.key)
            .bind(&upload.id)
            .bind(&upload.content_type)
            .bind(upload.expires_at)
            .bind(now)
    };
    if tx.backend() == Backend::Postgres {
        static BOTH: LazyLock<String> = LazyLock::new(|| {
            format!("WITH reserved AS ({RESERVE} RETURNING id) {RECORD} AND EXISTS (SELECT 1 FROM reserved)")
        });
        return Ok(bind(&BOTH).execute(&mut **tx).await?.rows_affected() == 1);
    }
    let reserve = sqlx::query(RESERVE).bind(id).bind(upload.size);
    if reserve.execute(&mut **tx).await?.rows_affected() != 1 {
        return Ok(false);
    }
    // The same condition as the first statement's, in the same transaction.
    Ok(bind(RECORD).execute(&mut **tx).await?.rows_affected() == 1)
}

/// SQLite: [`set_upload`]'s accepted path, for a pending file of an open year, and the audit
/// entry of `entry`, as one plan on the writer (see `group.rs`), without the route holding a
/// transaction: true once on disk; false, nothing written, if the quota as the counter stands
/// refuses it, or the file is no longer pending or its year open (the route then takes the
/// transaction path, which says why). SQLite only.
pub async fn set_upload_planned(
    db: &Db,
    id_organization: &str,
    id: &str,
    upload: &Upload,
    now: i64,
    entry: Entry,
) -> Result<bool, DbError> {
    // RESERVE, with the year's open state, then RECORD if it applied.
    const STATEMENTS: &str = "UPDATE organizations SET reserved_bytes = reserved_bytes + $2 \
         - COALESCE((SELECT upload_size FROM files WHERE id = $1 AND upload_reserved = 1), 0) \
         WHERE id = (SELECT f.id_organization FROM files f JOIN years y ON y.id = f.id_year \
             WHERE f.id = $1 AND f.status = 'pending' AND y.closed = 0) \
         AND used_bytes + reserved_bytes + $2 \
             - COALESCE((SELECT upload_size FROM files WHERE id = $1 AND upload_reserved = 1), 0) <= quota_bytes; \
         UPDATE files SET upload_key = $3, upload_id = $4, upload_type = $5, upload_size = $2, \
         upload_expires_at = $6, upload_reserved = 1, last_updated_at = $7 \
         WHERE id = $1 AND status = 'pending' AND changes() = 1";
    static SQL: LazyLock<String> = LazyLock::new(|| group::plan_sql(STATEMENTS, 7));
    let mut args = AnyArguments::default();
    let mut add = || -> Result<(), sqlx::error::BoxDynError> {
        args.add(id.to_owned())?;
        args.add(upload.size)?;
        args.add(upload.key.clone())?;
        args.add(upload.id.clone())?;
        args.add(upload.content_type.clone())?;
        args.add(upload.expires_at)?;
        args.add(now)
    };
    add().map_err(|e| DbError::from(sqlx::Error::Encode(e)))?;
    db.run_plan(Plan::new(&SQL, args, id_organization.to_owned(), entry)).await
}

/// Whether `key` is the upload slot of a pending file of an open year whose live, unexpired
/// upload is `upload_id`: the only case in which the embedded endpoint accepts a PUT.
pub async fn is_live_upload(db: &Db, id_file: &str, key: &str, upload_id: &str, now: i64) -> Result<bool, DbError> {
    let row = sqlx::query(
        "SELECT f.id FROM files f JOIN years y ON y.id = f.id_year \
         WHERE f.id = $1 AND f.upload_key = $2 AND f.upload_id = $3 AND f.upload_expires_at > $4 \
         AND f.status = 'pending' AND y.closed = 0",
    )
    .bind(id_file)
    .bind(key)
    .bind(upload_id)
    .bind(now)
    .fetch_optional(&mut *db.acquire().await?)
    .await?;
    Ok(row.is_some())
}

/// The verified facts about a finalized upload.
#[derive(Debug, Clone)]
pub struct Content {
    pub key: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

/// Makes `content` (copied from the upload `upload`) the file's content and counts its size in
/// the organization's usage. Returns false, with nothing written, when the file is no longer
/// pending with that upload (a concurrent finalize, a newer upload URL or a sweep of the
/// expired upload came first), or when an available file of the organization already has this
/// content and the file does not allow duplicates (the caller then says which).
pub async fn make_available(
    tx: &mut Tx,
    id: &str,
    upload: &Upload,
    content: &Content,
    now: i64,
) -> Result<bool, DbError> {
    // The reservation, if not yet released, turns into usage. Both statements require the
    // same: the upload still the file's, and (unless the file allows it) no available file of
    // the organization with this content.
    const COUNT: &str = "UPDATE organizations SET used_bytes = used_bytes + $4, reserved_bytes = reserved_bytes \
         - COALESCE((SELECT upload_size FROM files WHERE id = $1 AND upload_reserved = 1), 0) \
         WHERE id = (SELECT f.id_organization FROM files f WHERE f.id = $1 \
                     AND f.status = 'pending' AND f.upload_key = $2 AND f.upload_id = $3 \
                     AND (f.allow_duplicate = 1 OR NOT EXISTS (SELECT 1 FROM files d \
                         WHERE d.id_organization = f.id_organization AND d.sha256 = $5 \
                         AND d.status = 'available' AND d.id <> $1)))";
    const MAKE: &str = "UPDATE files SET status = 'available', content_key = $6, content_type = $7, size = $4, \
         sha256 = $5, upload_key = NULL, upload_id = NULL, upload_type = NULL, upload_size = NULL, \
         upload_expires_at = NULL, upload_reserved = 0, thumbnail_key = NULL, thumbnail_state = NULL, \
         last_updated_at = $8 WHERE id = $1 AND status = 'pending' AND upload_key = $2 AND upload_id = $3 \
         AND (allow_duplicate = 1 OR NOT EXISTS (SELECT 1 FROM files d \
             WHERE d.id_organization = files.id_organization AND d.sha256 = $5 \
             AND d.status = 'available' AND d.id <> $1))";
    let count =
        |sql| sqlx::query(sql).bind(id).bind(&upload.key).bind(&upload.id).bind(content.size).bind(&content.sha256);
    let make = |sql| count(sql).bind(&content.key).bind(&content.content_type).bind(now);
    if tx.backend() == Backend::Postgres {
        // One statement: a round trip less under the organization's lock.
        static BOTH: LazyLock<String> = LazyLock::new(|| {
            format!("WITH counted AS ({COUNT} RETURNING id) {MAKE} AND EXISTS (SELECT 1 FROM counted)")
        });
        return Ok(make(&BOTH).execute(&mut **tx).await?.rows_affected() == 1);
    }
    if count(COUNT).execute(&mut **tx).await?.rows_affected() != 1 {
        return Ok(false);
    }
    Ok(make(MAKE).execute(&mut **tx).await?.rows_affected() == 1)
}

/// Detaches the content `key`: the file is pending again and can take a new upload. False
/// when the file no longer has that content.
pub async fn detach_content(tx: &mut Tx, id: &str, key: &str, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE files SET status = 'pending', content_key = NULL, content_type = NULL, size = NULL, sha256 = NULL, \
         last_updated_at = $2 WHERE id = $1 AND status = 'available' AND content_key = $3",
    )
    .bind(id)
    .bind(now)
    .bind(key)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a file's record as it was read (`last_updated_at` unchanged); false when it is
/// gone (another purger came first) or changed since (restored meanwhile, say).
pub async fn delete_unchanged(tx: &mut Tx, id: &str, last_updated_at: i64) -> Result<bool, DbError> {
    sqlx::query(
        "UPDATE organizations SET reserved_bytes = reserved_bytes - (SELECT upload_size FROM files WHERE id = $1) \
         WHERE id = (SELECT id_organization FROM files WHERE id = $1 AND upload_reserved = 1 AND last_updated_at = $2)",
    )
    .bind(id)
    .bind(last_updated_at)
    .execute(&mut **tx)
    .await?;
    let done = sqlx::query("DELETE FROM files WHERE id = $1 AND last_updated_at = $2")
        .bind(id)
        .bind(last_updated_at)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// An available file of the organization with this content, other than `except`.
pub async fn find_available_by_sha256(
    conn: &mut sqlx::AnyConnection,
    id_organization: &str,
    sha256: &str,
    except: &str,
) -> Result<Option<String>, DbError> {
    let row = sqlx::query(
        "SELECT id FROM files WHERE id_organization = $1 AND sha256 = $2 AND status = 'available' AND id <> $3 \
         ORDER BY id LIMIT 1",
    )
    .bind(id_organization)
    .bind(sha256)
    .bind(except)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

/// A stored content of the organization, as the import lookup reports it.
#[derive(Debug, Clone)]
pub struct HashMatch {
    pub sha256: String,
    pub id: String,
    pub id_year: String,
    pub id_folder: Option<String>,
    pub name: String,
    pub status: String,
}

/// Files of the organization whose finalized content has one of these SHA-256s, available or
/// in the trash (pending files have no content yet). Served by `files_org_sha256`.
pub async fn find_by_sha256s(db: &Db, id_organization: &str, sha256s: &[String]) -> Result<Vec<HashMatch>, DbError> {
    if sha256s.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..sha256s.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT sha256, id, id_year, id_folder, name, status FROM files \
         WHERE id_organization = $1 AND sha256 IN ({}) AND status IN ('available', 'deleted') ORDER BY sha256, id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql).bind(id_organization);
    for sha256 in sha256s {
        query = query.bind(sha256);
    }
    let rows = query.fetch_all(&mut *db.acquire().await?).await?;
    let read = |r: &Row| -> Result<HashMatch, sqlx::Error> {
        Ok(HashMatch {
            sha256: r.try_get("sha256")?,
            id: r.try_get("id")?,
            id_year: r.try_get("id_year")?,
            id_folder: r.try_get("id_folder")?,
            name: r.try_get("name")?,
            status: r.try_get("status")?,
        })
    };
    Ok(rows.iter().map(read).collect::<Result<_, _>>()?)
}

/// Moves a file to the trash, remembering its status. False when it already was.
/// With `expect`, only if the file's `last_updated_at` is still that.
pub async fn trash(tx: &mut Tx, id: &str, now: i64, expect: Option<i64>) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE files SET status_before_delete = status, status = 'deleted', deleted_at = $2, last_updated_at = $2 \
         WHERE id = $1 AND status <> 'deleted' AND ($3 IS NULL OR last_updated_at = $3)",
    )
    .bind(id)
    .bind(now)
    .bind(expect)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a file out of the trash, back to the status it had. False when it was not in it.
/// With `expect`, only if the file's `last_updated_at` is still that.
pub async fn restore(tx: &mut Tx, id: &str, now: i64, expect: Option<i64>) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE files SET status = COALESCE(status_before_delete, 'pending'), status_before_delete = NULL, \
         deleted_at = NULL, last_updated_at = $2 WHERE id = $1 AND status = 'deleted' \
         AND ($3 IS NULL OR last_updated_at = $3)",
    )
    .bind(id)
    .bind(now)
    .bind(expect)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Files in the trash since before `before`, in open years: due for purging.
pub async fn trash_due(db: &Db, before: i64, limit: i64) -> Result<Vec<File>, DbError> {
    let sql = format!(
        "{SELECT} JOIN years y ON y.id = f.id_year \
         WHERE f.status = 'deleted' AND f.deleted_at < $1 AND y.closed = 0 ORDER BY f.id LIMIT $2"
    );
    let rows = sqlx::query(&sql).bind(before).bind(limit).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(File::from_row).collect::<Result<_, _>>()?)
}

/// Files of closed years that ended before `ended_before` (retention over).
pub async fn retention_due(db: &Db, ended_before: &str, limit: i64) -> Result<Vec<File>, DbError> {
    let sql = format!(
        "{SELECT} JOIN years y ON y.id = f.id_year \
         WHERE y.closed = 1 AND y.ending_at < $1 ORDER BY f.id LIMIT $2"
    );
    let rows = sqlx::query(&sql).bind(ended_before).bind(limit).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(File::from_row).collect::<Result<_, _>>()?)
}

/// Files whose content should be in the store (available, or in the trash with content),
/// optionally of one year, after `after_id`, for integrity checks and exports.
pub async fn with_content(
    db: &Db,
    id_organization: &str,
    id_year: Option<&str>,
    after_id: &str,
    limit: i64,
) -> Result<Vec<File>, DbError> {
    let year_clause = if id_year.is_some() { " AND f.id_year = $4" } else { "" };
    let sql = format!(
        "{SELECT} WHERE f.id_organization = $1 AND f.id > $2 AND f.content_key IS NOT NULL{year_clause} \
         ORDER BY f.id LIMIT $3"
    );
    let mut query = sqlx::query(&sql).bind(id_organization).bind(after_id).bind(limit);
    if let Some(year) = id_year {
        query = query.bind(year.to_owned());
    }
    let rows = query.fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(File::from_row).collect::<Result<_, _>>()?)
}

/// Records a successful re-read of the file's content.
pub async fn set_verified(db: &Db, id: &str, at: i64) -> Result<(), DbError> {
    db.execute_write(sqlx::query("UPDATE files SET verified_at = $2 WHERE id = $1").bind(id).bind(at)).await?;
    Ok(())
}

/// Points a file at its OCR job.
pub async fn link_ocr_job(tx: &mut Tx, id_file: &str, id_job: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE files SET id_ocr_job = $2 WHERE id = $1").bind(id_file).bind(id_job).execute(&mut **tx).await?;
    Ok(())
}

/// The files of open years whose content an OCR job read.
pub async fn linked_to_job(tx: &mut Tx, id_job: &str) -> Result<Vec<File>, DbError> {
    let sql = format!(
        "{SELECT} JOIN years y ON y.id = f.id_year WHERE f.id_ocr_job = $1 AND y.closed = 0 AND f.status <> 'deleted'"
    );
    let rows = sqlx::query(&sql).bind(id_job).fetch_all(&mut **tx).await?;
    Ok(rows.iter().map(File::from_row).collect::<Result<_, _>>()?)
}

/// Sets a file's date and reference from OCR, recording that they came from OCR. The caller
/// only passes values for fields that are empty.
pub async fn fill_from_ocr(
    tx: &mut Tx,
    file: &File,
    date: Option<&str>,
    reference: Option<&str>,
    search_text: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE files SET doc_date = COALESCE($2, doc_date), date_source = CASE WHEN $2 IS NULL THEN date_source ELSE 'ocr' END, \
         reference = COALESCE($3, reference), reference_source = CASE WHEN $3 IS NULL THEN reference_source ELSE 'ocr' END, \
         search_text = $4 WHERE id = $1",
    )
    .bind(&file.id)
    .bind(date)
    .bind(reference)
    .bind(search_text)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Releases the reservations of upload URLs expired at `now`, one organization (locked, as
/// every write) at a time; the uploads stay finalizable. Returns how many were released.
pub async fn release_expired_reservations(db: &Db, now: i64) -> Result<u64, DbError> {
    let rows = sqlx::query(
        "SELECT DISTINCT id_organization FROM files WHERE upload_reserved = 1 AND upload_expires_at <= $1 \
         ORDER BY id_organization",
    )
    .bind(now)
    .fetch_all(&mut *db.acquire().await?)
    .await?;
    let mut released = 0;
    for row in rows {
        let id_organization: String = row.try_get("id_organization")?;
        let mut tx = db.begin_write().await?;
        super::lock_row(&mut tx, db.backend(), super::Lockable::Organization, &id_organization).await?;
        released += release_expired_in(&mut tx, &id_organization, now).await?;
        tx.commit().await?;
    }
    Ok(released)
}

/// Releases the reservations of the organization's upload URLs expired at `now`; the
/// organization is locked by the caller. Conditional: of several sweepers (or a sweeper and
/// an upload-url refused by the quota), each reservation is released by exactly one.
async fn release_expired_in(tx: &mut Tx, id_organization: &str, now: i64) -> Result<u64, DbError> {
    let sizes = sqlx::query(
        "UPDATE files SET upload_reserved = 0 \
         WHERE id_organization = $1 AND upload_reserved = 1 AND upload_expires_at <= $2 RETURNING upload_size",
    )
    .bind(id_organization)
    .bind(now)
    .fetch_all(&mut **tx)
    .await?;
    if sizes.is_empty() {
        return Ok(0);
    }
    let total = sizes.iter().map(|r| r.try_get::<i64, _>("upload_size")).sum::<Result<i64, _>>()?;
    super::orgs::add_reserved_bytes(tx, id_organization, -total).await?;
    Ok(sizes.len() as u64)
}

/// Forgets uploads whose URL expired before `before` without being finalized (their
/// reservation already released); their objects become orphans for the sweeper.
pub async fn clear_expired_uploads(db: &Db, before: i64) -> Result<u64, DbError> {
    let done = db
        .execute_write(
            sqlx::query(
                "UPDATE files SET upload_key = NULL, upload_id = NULL, upload_type = NULL, upload_size = NULL, \
         upload_expires_at = NULL WHERE upload_key IS NOT NULL AND upload_expires_at < $1 AND upload_reserved = 0",
            )
            .bind(before),
        )
        .await?;
    Ok(done.rows_affected())
}

/// Whether any file points to this object, as content or as an upload in progress.
pub async fn references_object(db: &Db, id_file: &str, key: &str) -> Result<bool, DbError> {
    let row = sqlx::query(
        "SELECT id FROM files WHERE id = $1 AND (content_key = $2 OR upload_key = $2 OR thumbnail_key = $2)",
    )
    .bind(id_file)
    .bind(key)
    .fetch_optional(&mut *db.acquire().await?)
    .await?;
    Ok(row.is_some())
}

/// Available files whose thumbnail is still to be made, oldest first.
///
/// The partial index `files_thumbnail_due` holds exactly these rows, so a look for work costs
/// the same with a handful of available files or millions. SQLite's planner, without
/// statistics, would rather take the status index (every available file, then a sort): it is
/// named here.
pub async fn thumbnails_due(db: &Db, limit: i64) -> Result<Vec<File>, DbError> {
    let from = match db.backend() {
        Backend::Sqlite => "FROM files f INDEXED BY files_thumbnail_due",
        Backend::Postgres => "FROM files f",
    };
    let sql = format!(
        "{} WHERE f.status = 'available' AND f.content_key IS NOT NULL AND f.thumbnail_state IS NULL \
         ORDER BY f.id LIMIT $1",
        SELECT.replacen("FROM files f", from, 1)
    );
    let rows = sqlx::query(&sql).bind(limit).fetch_all(db.pool()).await?;
    Ok(rows.iter().map(File::from_row).collect::<Result<_, _>>()?)
}

/// Records the thumbnail made from `content_key` (`None`: none can be made). False when the
/// file's content changed meanwhile or another worker recorded one first.
pub async fn set_thumbnail(db: &Db, id: &str, content_key: &str, thumbnail: Option<&str>) -> Result<bool, DbError> {
    let state = if thumbnail.is_some() { "done" } else { "none" };
    let done = db
        .execute_write(
            sqlx::query(
                "UPDATE files SET thumbnail_key = $3, thumbnail_state = $4 \
         WHERE id = $1 AND content_key = $2 AND thumbnail_state IS NULL",
            )
            .bind(id)
            .bind(content_key)
            .bind(thumbnail)
            .bind(state),
        )
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The year of the organization's file `id`, whichever year it is in.
pub async fn year_of(db: &Db, id_organization: &str, id: &str) -> Result<Option<String>, DbError> {
    let row = sqlx::query("SELECT id_year FROM files WHERE id = $1 AND id_organization = $2")
        .bind(id)
        .bind(id_organization)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| r.try_get("id_year")).transpose()?)
}
