//! Write transactions. Every write locks its organization's row (first, or, on the hot routes,
//! last: see [`Locking`]), so the organization's writes are serialized: quota, the audit chain, the folder tree and the
//! year's open/closed state are checked and changed without races, on every backend and
//! across instances, and no two transactions ever wait on each other's locks in opposite
//! orders.

use super::error::ApiError;
use crate::app::App;
use crate::db::years::{self, Year};
use crate::db::{lock_row, Backend, DbError, Lockable, Tx};

/// Starts a write transaction holding the organization's row lock from its first statement.
/// Hot routes use [`begin_write`] and [`lock_org_year`] instead, to hold the lock for less.
pub async fn begin_org_write(app: &App, id_organization: &str) -> Result<Tx, ApiError> {
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, id_organization).await?;
    Ok(tx)
}

/// Starts a write transaction without the organization's lock: the route reads and
/// validates first, then calls [`lock_org_year`] right before it writes, so that on PostgreSQL
/// the lock is held only for the re-checks, the writes, the audit entry and the commit.
pub async fn begin_write(app: &App) -> Result<Tx, ApiError> {
    Ok(app.db().begin_write().await?)
}

/// Takes the organization's row lock inside a transaction begun with [`begin_write`], for a
/// write into a year, with the year's re-check in the same statement: on
/// PostgreSQL one round trip locks the organization and reads whether the year is still open
/// (404 if it is not the organization's, 423 if closed meanwhile); a no-op on SQLite, whose
/// write transaction has serialized writers since the route read the year.
pub async fn lock_org_year(app: &App, tx: &mut Tx, id_organization: &str, id_year: &str) -> Result<(), ApiError> {
    if app.db().backend() != Backend::Postgres {
        return Ok(());
    }
    use sqlx::Row as _;
    tx.take_turn(id_organization).await;
    let row = sqlx::query(
        "SELECT y.closed FROM organizations o JOIN years y ON y.id_organization = o.id \
         WHERE o.id = $1 AND y.id = $2 FOR UPDATE OF o",
    )
    .bind(id_organization)
    .bind(id_year)
    .fetch_optional(&mut **tx)
    .await
    .map_err(DbError::from)?;
    let closed: i64 = row.ok_or(ApiError::NotFound)?.try_get(0).map_err(DbError::from)?;
    if closed != 0 {
        return Err(ApiError::YearClosed);
    }
    Ok(())
}

/// How a lock-later route runs: first [`Locking::Later`], reading and validating before it
/// takes the organization's lock (on PostgreSQL), its writes conditional on the row being as
/// it read it (`last_updated_at`); if the row changed before the lock, the route runs again
/// as [`Locking::First`], reading under the lock, as every route did before. On SQLite the
/// write transaction serializes writers from its start: the first run always succeeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locking {
    Later,
    First,
}

impl Locking {
    pub async fn begin(self, app: &App, id_organization: &str) -> Result<Tx, ApiError> {
        match self {
            Self::Later => begin_write(app).await,
            Self::First => begin_org_write(app, id_organization).await,
        }
    }

    /// Takes the lock (with the year's re-check) if not yet taken.
    pub async fn lock(self, app: &App, tx: &mut Tx, id_organization: &str, id_year: &str) -> Result<(), ApiError> {
        match self {
            Self::Later => lock_org_year(app, tx, id_organization, id_year).await,
            Self::First => Ok(()),
        }
    }

    /// The `last_updated_at` the write must still find: none when read under the lock.
    pub fn expect(self, read: i64) -> Option<i64> {
        match self {
            Self::Later => Some(read),
            Self::First => None,
        }
    }
}

/// The year inside the transaction: 404 if it is not the organization's, 423 if closed.
pub async fn writable_year(tx: &mut Tx, id_organization: &str, id_year: &str) -> Result<Year, ApiError> {
    let year = years::get_in(tx, id_organization, id_year).await?.ok_or(ApiError::NotFound)?;
    if year.closed {
        return Err(ApiError::YearClosed);
    }
    Ok(year)
}

pub async fn commit(tx: Tx) -> Result<(), ApiError> {
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}
