//! The audit trail: append-only, one chain per organization. Each entry's hash covers its
//! content and the previous entry's hash, so editing, deleting or reordering rows breaks the
//! chain at the first altered entry. Appends happen inside the transaction that makes the
//! change, with the organization's row locked, so entries are gapless and in commit order.

use sha2::{Digest, Sha256};
use sqlx::Row as _;

use super::{Db, DbError, Row, Tx};

/// The `prev_hash` of an organization's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: i64,
    pub id: String,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub id_year: Option<String>,
    pub id_folder: Option<String>,
    pub id_file: Option<String>,
    pub sha256: Option<String>,
    /// JSON object: before/after values and other facts of the change.
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

impl Entry {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
        Ok(Self {
            seq: row.try_get("seq")?,
            id: row.try_get("id")?,
            at: row.try_get("at")?,
            actor: row.try_get("actor")?,
            action: row.try_get("action")?,
            id_year: row.try_get("id_year")?,
            id_folder: row.try_get("id_folder")?,
            id_file: row.try_get("id_file")?,
            sha256: row.try_get("sha256")?,
            details: row.try_get("details")?,
            prev_hash: row.try_get("prev_hash")?,
            hash: row.try_get("hash")?,
        })
    }

    /// The hash this entry must carry: SHA-256 over its fields, one per line (none holds a
    /// raw newline: details are compact JSON), ending with the previous hash.
    pub fn expected_hash(&self) -> String {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let canonical = format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            self.seq,
            self.id,
            self.at,
            self.actor,
            self.action,
            opt(&self.id_year),
            opt(&self.id_folder),
            opt(&self.id_file),
            opt(&self.sha256),
            self.details,
            self.prev_hash
        );
        hex::encode(Sha256::digest(canonical.as_bytes()))
    }
}

const COLUMNS: &str = "seq, id, at, actor, action, id_year, id_folder, id_file, sha256, details, prev_hash, hash";

/// Appends `entry` (its `seq`, `prev_hash` and `hash` are computed here) to its organization's
/// chain. The caller holds the organization's row lock.
///
/// The chain's tail comes from the transaction when it knows it (see `Tx::audit_tail`). On
/// PostgreSQL that link may be behind the database (another process appended since): then
/// the entry's `seq` is taken, the insert writes nothing, and the tail is read and the entry
/// written again.
pub async fn append(tx: &mut Tx, id_organization: &str, mut entry: Entry) -> Result<Entry, DbError> {
    if let Some(tail) = tx.audit_tail(id_organization) {
        link(&mut entry, Some(tail));
        if tx.audit_tail_exact() {
            // The SQLite writer sends the insert with the request's commit (see `group.rs`).
            tx.set_audit_tail(id_organization, entry.seq, &entry.hash);
            tx.defer_audit_insert(id_organization, entry.clone()).await?;
            return Ok(entry);
        }
        // PostgreSQL's link may be behind: the insert says whether its seq was still free.
        if insert(tx, id_organization, &entry, true).await? {
            tx.set_audit_tail(id_organization, entry.seq, &entry.hash);
            return Ok(entry);
        }
        // Behind the database: forget it and read the tail.
        tx.forget_audit_tail(id_organization);
    }
    let tail = read_tail(tx, id_organization).await?;
    link(&mut entry, tail);
    insert(tx, id_organization, &entry, false).await?;
    tx.set_audit_tail(id_organization, entry.seq, &entry.hash);
    Ok(entry)
}

/// The organization's last entry `(seq, hash)`, read; `None` for an empty chain.
pub(super) async fn read_tail(
    conn: &mut sqlx::AnyConnection,
    id_organization: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let last = sqlx::query("SELECT seq, hash FROM audit_entries WHERE id_organization = $1 ORDER BY seq DESC LIMIT 1")
        .bind(id_organization)
        .fetch_optional(conn)
        .await?;
    last.map(|row| Ok((row.try_get::<i64, _>("seq")?, row.try_get::<String, _>("hash")?))).transpose()
}

/// Makes `entry` the successor of `tail` (`None`: the first of its chain).
pub(super) fn link(entry: &mut Entry, tail: Option<(i64, String)>) {
    let (seq, prev_hash) = match tail {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    entry.seq = seq;
    entry.prev_hash = prev_hash;
    entry.hash = entry.expected_hash();
}

/// The insert of one entry, its parameters bound by [`bind_insert`].
pub(super) const INSERT: &str = "INSERT INTO audit_entries (id_organization, seq, id, at, actor, action, id_year, \
     id_folder, id_file, sha256, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

/// `sql` (any statement that starts with [`INSERT`]) with [`INSERT`]'s parameters.
pub(super) fn bind_insert<'q>(
    sql: &'q str,
    id_organization: &str,
    entry: &Entry,
) -> Result<sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>, sqlx::Error> {
    let mut args = sqlx::any::AnyArguments::default();
    add_args(&mut args, id_organization, entry).map_err(sqlx::Error::Encode)?;
    Ok(sqlx::query_with(sql, args))
}

/// Adds [`INSERT`]'s parameters, owned, after those already in `args` (a plan's, see
/// `group.rs`, or none: [`bind_insert`]).
pub(super) fn add_args(
    args: &mut sqlx::any::AnyArguments<'_>,
    id_organization: &str,
    entry: &Entry,
) -> Result<(), sqlx::error::BoxDynError> {
    use sqlx::Arguments as _;
    args.add(id_organization.to_owned())?;
    args.add(entry.seq)?;
    args.add(entry.id.clone())?;
    args.add(entry.at)?;
    args.add(entry.actor.clone())?;
    args.add(entry.action.clone())?;
    args.add(entry.id_year.clone())?;
    args.add(entry.id_folder.clone())?;
    args.add(entry.id_file.clone())?;
    args.add(entry.sha256.clone())?;
    args.add(entry.details.clone())?;
    args.add(entry.prev_hash.clone())?;
    args.add(entry.hash.clone())
}

/// Inserts `entry`; with `unless_taken`, writes nothing and returns false when its `seq` is
/// already in the chain.
async fn insert(tx: &mut Tx, id_organization: &str, entry: &Entry, unless_taken: bool) -> Result<bool, DbError> {
    static UNLESS_TAKEN: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{INSERT} ON CONFLICT (id_organization, seq) DO NOTHING"));
    let sql = if unless_taken { UNLESS_TAKEN.as_str() } else { INSERT };
    let done = bind_insert(sql, id_organization, entry)?
        .execute(&mut **tx)
        .await
        .inspect_err(|_| tx.forget_audit_tail(id_organization))?;
    Ok(done.rows_affected() == 1)
}

/// Which entries to list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub id_year: Option<String>,
    pub id_file: Option<String>,
    /// Entries after this sequence number.
    pub after_seq: i64,
    pub limit: i64,
}

/// Entries in chain order.
pub async fn list(db: &Db, id_organization: &str, filter: &Filter) -> Result<Vec<Entry>, DbError> {
    let mut sql = format!("SELECT {COLUMNS} FROM audit_entries WHERE id_organization = $1 AND seq > $2");
    let mut next = 3;
    if filter.id_year.is_some() {
        sql.push_str(&format!(" AND id_year = ${next}"));
        next += 1;
    }
    if filter.id_file.is_some() {
        sql.push_str(&format!(" AND id_file = ${next}"));
        next += 1;
    }
    sql.push_str(&format!(" ORDER BY seq LIMIT ${next}"));
    let mut query = sqlx::query(&sql).bind(id_organization).bind(filter.after_seq);
    if let Some(year) = &filter.id_year {
        query = query.bind(year.clone());
    }
    if let Some(file) = &filter.id_file {
        query = query.bind(file.clone());
    }
    let rows = query.bind(filter.limit).fetch_all(&mut *db.acquire().await?).await?;
    Ok(rows.iter().map(Entry::from_row).collect::<Result<_, _>>()?)
}

/// Where a chain stops being trustworthy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub seq: i64,
    pub id: String,
    pub reason: String,
}

/// Checks an organization's whole chain, page by page; returns how many entries were checked.
pub async fn verify(db: &Db, id_organization: &str) -> Result<Result<u64, Break>, DbError> {
    let mut checked = 0u64;
    let mut previous: Option<Entry> = None;
    loop {
        let filter = Filter { after_seq: previous.as_ref().map_or(0, |e| e.seq), limit: 1000, ..Filter::default() };
        let page = list(db, id_organization, &filter).await?;
        if page.is_empty() {
            return Ok(Ok(checked));
        }
        for entry in page {
            if let Some(reason) = check_link(previous.as_ref(), &entry) {
                return Ok(Err(Break { seq: entry.seq, id: entry.id, reason }));
            }
            checked += 1;
            previous = Some(entry);
        }
    }
}

/// Why `entry` does not follow `previous`, if it does not.
pub fn check_link(previous: Option<&Entry>, entry: &Entry) -> Option<String> {
    let (expected_seq, expected_prev) = match previous {
        Some(p) => (p.seq + 1, p.hash.as_str()),
        None => (1, GENESIS),
    };
    if entry.seq != expected_seq {
        return Some(format!("expected entry #{expected_seq}, found #{}: an entry was deleted or moved", entry.seq));
    }
    if entry.prev_hash != expected_prev {
        return Some("its previous-hash does not match the entry before it: entries were reordered or replaced".into());
    }
    if entry.hash != entry.expected_hash() {
        return Some("its content does not match its hash: the entry was edited".into());
    }
    None
}
