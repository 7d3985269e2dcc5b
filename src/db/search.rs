//! Full-text search over the index the triggers of migration 0008 maintain: FTS5 on SQLite,
//! a tsvector under GIN on PostgreSQL, and exact identifiers and amounts on both. On SQLite the
//! triggers only queue the file since migration 0014, and [`index_queued`] rebuilds the queued
//! documents (in the background, and first thing in every search). Results
//! are ranked (identifier hits first, then bm25 or ts_rank_cd, then id), one page at a time.

use super::files::{File, ListFilter, SELECT};
use super::{Backend, Db, DbError};
use crate::search::ident::{self, AMOUNT_KINDS, IDENTIFIER_KINDS};
use crate::search::render::{self, Arg, Params, MARK_END, MARK_START, PG_CONFIG};
use crate::search::SearchQuery;
use sqlx::Row as _;

/// A file found, with why.
#[derive(Debug, Clone)]
pub struct Hit {
    pub file: File,
    /// Higher is better; 0 when only an identifier or amount matched.
    pub score: f64,
    /// An identifier or amount of the file equals the query.
    pub identifier: bool,
    /// An extract around the words found: HTML, matches in `<mark>`.
    pub snippet: Option<String>,
}

/// FTS5 column weights: name, reference, OCR text, extracted fields.
const BM25: &str = "bm25(search_fts, 10.0, 10.0, 1.0, 4.0)";

/// Queued files whose search documents one transaction rebuilds, at most: the writer is held
/// for a few milliseconds, not for a whole bulk import's backlog.
const INDEX_BATCH: i64 = 256;

/// SQLite: rebuilds the search documents queued so far (migration 0014: the triggers queue a
/// file when it is created or renamed, or its OCR job is done), in transactions of at most
/// 256 files, and returns how many queue entries it took. Entries queued while it
/// runs wait for the next call. Safe to run in several tasks and processes at once: each
/// batch is read, rebuilt and removed in one write transaction. PostgreSQL rebuilds in the
/// writing transaction: nothing to do.
pub async fn index_queued(db: &Db) -> Result<u64, DbError> {
    if db.backend() != Backend::Sqlite {
        return Ok(0);
    }
    let last: Option<i64> =
        sqlx::query_scalar("SELECT max(seq) FROM search_queue").fetch_one(&mut *db.acquire().await?).await?;
    let Some(last) = last else { return Ok(0) };
    let mut taken = 0;
    loop {
        let mut tx = db.begin_write().await?;
        let upto: Option<i64> = sqlx::query_scalar(
            "SELECT max(seq) FROM (SELECT seq FROM search_queue WHERE seq <= $1 ORDER BY seq LIMIT $2)",
        )
        .bind(last)
        .bind(INDEX_BATCH)
        .fetch_one(&mut *tx)
        .await?;
        // Another task or process took the rest.
        let Some(upto) = upto else { return Ok(taken) };
        sqlx::query("INSERT INTO search_rebuild (id_file) SELECT DISTINCT id_file FROM search_queue WHERE seq <= $1")
            .bind(upto)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM search_queue WHERE seq <= $1").bind(upto).execute(&mut *tx).await?;
        tx.commit().await?;
        taken += done.rows_affected();
        if upto >= last {
            return Ok(taken);
        }
    }
}

/// One page of the files of `filter` (its folder, status, cursor, limit and offset) that
/// match `query`, best first.
pub async fn list(
    db: &Db,
    id_organization: &str,
    id_year: &str,
    filter: &ListFilter,
    query: &SearchQuery,
) -> Result<Vec<Hit>, DbError> {
    // Every write acknowledged before this search is in the index it reads. If the rebuild
    // cannot write (a full disk), the search still answers, from the index as it is.
    if let Err(e) = index_queued(db).await {
        tracing::warn!(error = %e, "cannot rebuild queued search documents before a search");
    }
    let mut params = Params::default();
    let org = params.text(id_organization);
    let year = params.text(id_year);
    let after = params.text(filter.after.clone().unwrap_or_default());
    let (ranked, hits, grouped) = hits_sql(db.backend(), query, &org, &mut params);
    // The ranking carries ids and scores only: the files' wide rows (their OCR text) are read
    // for the page alone, below, not for every match.
    let best = if grouped {
        "best AS (SELECT id_file, MAX(score) AS score, MAX(ident) AS ident FROM hits GROUP BY id_file)"
    } else {
        "best AS (SELECT id_file, score, ident FROM hits)"
    };
    let mut sql = format!(
        "WITH {ranked}hits (id_file, score, ident) AS ({hits}), {best} \
         SELECT b.id_file, b.score, b.ident FROM best b JOIN files f ON f.id = b.id_file \
         WHERE f.id_organization = {org} AND f.id_year = {year} AND f.id > {after}"
    );
    match &filter.folder {
        Some(None) => sql.push_str(" AND f.id_folder IS NULL"),
        Some(Some(folder)) => sql.push_str(&format!(" AND f.id_folder = {}", params.text(folder.clone()))),
        None => {}
    }
    match &filter.status {
        Some(status) => sql.push_str(&format!(" AND f.status = {}", params.text(status.clone()))),
        None => sql.push_str(" AND f.status <> 'deleted'"),
    }
    sql.push_str(&format!(
        " ORDER BY b.ident DESC, b.score DESC, f.id LIMIT {} OFFSET {}",
        params.int(filter.limit),
        params.int(filter.offset)
    ));
    let mut conn = db.acquire().await?;
    let ranking = bind(sqlx::query(&sql), &params.args).fetch_all(&mut *conn).await?;
    if ranking.is_empty() {
        return Ok(Vec::new());
    }
    let mut params = Params::default();
    let ids: Vec<String> = ranking
        .iter()
        .map(|row| row.try_get::<String, _>("id_file").map(|id| params.text(id)))
        .collect::<Result<_, _>>()?;
    let sql = format!("{SELECT} WHERE f.id IN ({})", ids.join(", "));
    let mut files = bind(sqlx::query(&sql), &params.args)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(File::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    drop(conn);
    let mut hits = Vec::with_capacity(ranking.len());
    for row in &ranking {
        let id: String = row.try_get("id_file")?;
        // A file deleted between the two statements is left out of the page.
        let Some(at) = files.iter().position(|f| f.id == id) else { continue };
        hits.push(Hit {
            file: files.swap_remove(at),
            score: row.try_get("score")?,
            identifier: row.try_get::<i64, _>("ident")? == 1,
            snippet: None,
        });
    }
    add_snippets(db, query, &mut hits).await?;
    Ok(hits)
}

/// `(id_file, score, ident)` rows: full-text matches, then exact identifier matches that no
/// exclusion removes. A query with nothing positive matches every file but the excluded.
/// Also returns the CTEs they need, if any, each followed by a comma, and whether a file
/// may come more than once.
fn hits_sql(backend: Backend, query: &SearchQuery, org: &str, params: &mut Params) -> (String, String, bool) {
    let mut parts = Vec::new();
    let mut ranked = String::new();
    let text = match backend {
        // bm25() needs the FTS5 table scanned by MATCH: materialized, the planner cannot
        // reorder the join around it.
        Backend::Sqlite => render::fts5_query(query).map(|m| {
            ranked = format!(
                "ranked AS MATERIALIZED (SELECT rowid AS doc, -{BM25} AS score FROM search_fts WHERE search_fts MATCH {}), ",
                params.text(m)
            );
            "SELECT d.id_file, r.score, CAST(0 AS BIGINT) FROM ranked r JOIN search_docs d ON d.id = r.doc".to_owned()
        }),
        Backend::Postgres => render::pg_query(query, params).map(|q| {
            format!(
                "SELECT d.id_file, ts_rank_cd(d.tsv, q.q, 1)::float8, CAST(0 AS BIGINT) FROM search_docs d, (SELECT {q} AS q) q \
                 WHERE d.id_organization = {org} AND d.tsv @@ q.q"
            )
        }),
    };
    let not_excluded = |params: &mut Params| {
        excluded_sql(backend, query, org, params)
            .map(|excluded| format!(" AND id_file NOT IN ({excluded})"))
            .unwrap_or_default()
    };
    match text {
        Some(text) => parts.push(text),
        None => parts.push(format!(
            "SELECT id_file, CAST(0 AS DOUBLE PRECISION), CAST(0 AS BIGINT) FROM search_docs \
             WHERE id_organization = {org}{}",
            not_excluded(params)
        )),
    }
    let exact = ident::exact(&query.positive_text());
    let mut alternatives = Vec::new();
    if let Some(value) = exact.identifier {
        alternatives.push(format!("(kind IN ({}) AND value = {})", kinds(IDENTIFIER_KINDS), params.text(value)));
    }
    if let Some(cents) = exact.cents {
        alternatives.push(format!(
            "(kind IN ({}) AND value = {})",
            kinds(AMOUNT_KINDS),
            params.text(cents.to_string())
        ));
    }
    if !alternatives.is_empty() {
        parts.push(format!(
            "SELECT id_file, CAST(0 AS DOUBLE PRECISION), CAST(1 AS BIGINT) FROM search_identifiers \
             WHERE id_organization = {org} AND ({}){}",
            alternatives.join(" OR "),
            not_excluded(params)
        ));
    }
    let grouped = parts.len() > 1;
    (ranked, parts.join(" UNION ALL "), grouped)
}

/// The files that match any exclusion, as a subquery; `None` without exclusions.
fn excluded_sql(backend: Backend, query: &SearchQuery, org: &str, params: &mut Params) -> Option<String> {
    query.negative().next()?;
    Some(match backend {
        Backend::Sqlite => format!(
            "SELECT d.id_file FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH {}",
            params.text(render::fts5_any(query.negative()))
        ),
        Backend::Postgres => format!(
            "SELECT id_file FROM search_docs WHERE id_organization = {org} AND tsv @@ {}",
            render::pg_any(query.negative(), params)
        ),
    })
}

fn kinds(kinds: &[&str]) -> String {
    kinds.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ")
}

/// Fills the snippets of the hits that matched the text (an identifier hit may have none).
async fn add_snippets(db: &Db, query: &SearchQuery, hits: &mut [Hit]) -> Result<(), DbError> {
    if hits.is_empty() || query.positive().next().is_none() {
        return Ok(());
    }
    let mut params = Params::default();
    let start = params.text(MARK_START);
    let end = params.text(MARK_END);
    let ids: Vec<String> = hits.iter().map(|h| params.text(h.file.id.clone())).collect();
    let ids = ids.join(", ");
    let sql = match db.backend() {
        // `+rowid`: one pass over the matches, the page's rows picked from it. A bare
        // `rowid IN` runs the MATCH once per row, and a prefix is expanded each time.
        Backend::Sqlite => format!(
            "WITH s AS MATERIALIZED (SELECT rowid AS doc, snippet(search_fts, -1, {start}, {end}, '…', 16) AS snippet \
             FROM search_fts WHERE search_fts MATCH {} AND +rowid IN (SELECT id FROM search_docs WHERE id_file IN ({ids}))) \
             SELECT d.id_file, s.snippet FROM s JOIN search_docs d ON d.id = s.doc",
            params.text(render::fts5_all(query.positive()))
        ),
        Backend::Postgres => {
            let q = render::pg_all(query.positive(), &mut params);
            let options = params.text(format!(
                "StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \""
            ));
            format!(
                "SELECT d.id_file, ts_headline({PG_CONFIG}, concat_ws(E'\\n', d.name, d.reference, d.fields, d.body), q.q, {options}) \
                 AS snippet FROM search_docs d, (SELECT {q} AS q) q WHERE d.id_file IN ({ids}) AND d.tsv @@ q.q"
            )
        }
    };
    let rows = bind(sqlx::query(&sql), &params.args).fetch_all(&mut *db.acquire().await?).await?;
    for row in rows {
        let id: String = row.try_get("id_file")?;
        let snippet: Option<String> = row.try_get("snippet")?;
        if let Some(hit) = hits.iter_mut().find(|h| h.file.id == id) {
            hit.snippet = snippet.map(|s| render::snippet_html(&s));
        }
    }
    Ok(())
}

fn bind<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    args: &'q [Arg],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for arg in args {
        query = match arg {
            Arg::Text(s) => query.bind(s.as_str()),
            Arg::Int(i) => query.bind(*i),
        };
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_columns_are_joined_to_the_ranking() {
        assert!(SELECT.contains(" FROM files f "), "db::files::SELECT changed shape");
    }
}
