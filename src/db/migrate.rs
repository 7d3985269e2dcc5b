//! Embedded migrations, one folder per backend, applied in order at start. Safe when several
//! instances start at once: SQLite serializes through its write lock, PostgreSQL through an
//! advisory lock.

use super::{Backend, Db, DbError};
use sqlx::Row as _;

const SQLITE: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/sqlite/0001_init.sql")),
    (2, include_str!("../../migrations/sqlite/0002_ocr.sql")),
    (3, include_str!("../../migrations/sqlite/0003_integrity.sql")),
    (4, include_str!("../../migrations/sqlite/0004_uploads.sql")),
    (5, include_str!("../../migrations/sqlite/0005_jobs.sql")),
    (6, include_str!("../../migrations/sqlite/0006_web.sql")),
    (7, include_str!("../../migrations/sqlite/0007_reserved.sql")),
    (8, include_str!("../../migrations/sqlite/0008_search.sql")),
    (9, include_str!("../../migrations/sqlite/0009_webhooks.sql")),
    (10, include_str!("../../migrations/sqlite/0010_thumbnail_queue.sql")),
    (11, include_str!("../../migrations/sqlite/0011_write_path.sql")),
    (12, include_str!("../../migrations/sqlite/0012_upload_hot.sql")),
    (13, include_str!("../../migrations/sqlite/0013_sha256_partial.sql")),
    (14, include_str!("../../migrations/sqlite/0014_search_queue.sql")),
    (15, include_str!("../../migrations/sqlite/0015_cold_indexes.sql")),
];
const POSTGRES: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/postgres/0001_init.sql")),
    (2, include_str!("../../migrations/postgres/0002_ocr.sql")),
    (3, include_str!("../../migrations/postgres/0003_integrity.sql")),
    (4, include_str!("../../migrations/postgres/0004_uploads.sql")),
    (5, include_str!("../../migrations/postgres/0005_jobs.sql")),
    (6, include_str!("../../migrations/postgres/0006_web.sql")),
    (7, include_str!("../../migrations/postgres/0007_reserved.sql")),
    (8, include_str!("../../migrations/postgres/0008_search.sql")),
    (9, include_str!("../../migrations/postgres/0009_webhooks.sql")),
    (10, include_str!("../../migrations/postgres/0010_thumbnail_queue.sql")),
    (11, include_str!("../../migrations/postgres/0011_write_path.sql")),
    (12, include_str!("../../migrations/postgres/0012_upload_hot.sql")),
    (13, include_str!("../../migrations/postgres/0013_sha256_partial.sql")),
];

/// An arbitrary constant shared by every Coffre instance.
const ADVISORY_LOCK_KEY: i64 = 0x00C0_FFE0;

pub(super) async fn run(db: &Db) -> Result<(), DbError> {
    let migrations = match db.backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(ADVISORY_LOCK_KEY).execute(&mut *tx).await?;
    }
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
    )
    .execute(&mut *tx)
    .await?;
    // Every version not applied yet, not only those above the highest applied: a database
    // may have met a later-numbered migration first (branches landing out of number order).
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get("version"))
        .collect::<Result<_, _>>()?;
    for (version, sql) in migrations.iter().filter(|(v, _)| !applied.contains(v)) {
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(version)
            .bind(crate::domain::time::now_millis())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
