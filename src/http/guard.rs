//! Write transactions. Every write locks its organization's row first, so the
//! organization's writes are serialized: quota, the audit chain, the folder tree and the
//! year's open/closed state are checked and changed without races, on every backend and
//! across instances, and no two transactions ever wait on each other's locks in opposite
//! orders.

use super::error::ApiError;
use crate::app::App;
use crate::db::years::{self, Year};
use crate::db::{lock_row, Backend, DbError, Lockable, Tx};

/// Starts a write transaction holding the organization's row lock from its first statement.
/// Hot routes use [`begin_write`] and [`lock_org`] instead, to hold the lock for less.
pub async fn begin_org_write(app: &App, id_organization: &str) -> Result<Tx, ApiError> {
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, id_organization).await?;
    Ok(tx)
}

/// Starts a write transaction without the organization's lock: the route reads and
/// validates first, then calls [`lock_org`] right before it writes, so that on PostgreSQL
/// the lock is held only for the re-checks, the writes, the audit entry and the commit.
pub async fn begin_write(app: &App) -> Result<Tx, ApiError> {
    Ok(app.db().begin_write().await?)
}

/// Takes the organization's row lock inside a transaction begun with [`begin_write`].
/// Returns true when what the route read before may have changed meanwhile (PostgreSQL, READ
/// COMMITTED): the route then re-reads what the lock protects (the year's open state, quota,
/// duplicates, the folder tree), which every statement after the lock sees up to date.
/// Returns false on SQLite, whose write transaction has serialized writers since it began.
pub async fn lock_org(app: &App, tx: &mut Tx, id_organization: &str) -> Result<bool, ApiError> {
    lock_row(tx, app.db().backend(), Lockable::Organization, id_organization).await?;
    Ok(app.db().backend() == Backend::Postgres)
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
