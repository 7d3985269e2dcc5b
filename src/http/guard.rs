//! Write transactions. Every write locks its organization's row first, so the
//! organization's writes are serialized: quota, the audit chain, the folder tree and the
//! year's open/closed state are checked and changed without races, on every backend and
//! across instances, and no two transactions ever wait on each other's locks in opposite
//! orders.

use super::error::ApiError;
use crate::app::App;
use crate::db::years::{self, Year};
use crate::db::{lock_row, DbError, Lockable, Tx};

/// Starts a write transaction holding the organization's row lock.
pub async fn begin_org_write(app: &App, id_organization: &str) -> Result<Tx, ApiError> {
    let mut tx = app.db().begin_write().await?;
    lock_row(&mut tx, app.db().backend(), Lockable::Organization, id_organization).await?;
    Ok(tx)
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
