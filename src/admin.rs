//! Administration used by the CLI (and tests): organizations, API keys, quotas, credits.

use crate::db::keys::{self, ApiKey};
use crate::db::orgs::{self, Organization};
use crate::db::{Db, DbError};
use crate::domain::api_key::ApiKeySecret;
use crate::domain::ids::new_id;
use crate::domain::time::now_millis;

/// Creates an organization with a read-write key; returns its id and the key, shown once.
pub async fn create_organization(db: &Db, name: &str, quota_bytes: i64) -> Result<(String, String), DbError> {
    let org = Organization {
        id: new_id(),
        name: name.to_owned(),
        quota_bytes,
        used_bytes: 0,
        ocr_pages_available: 0,
        ocr_pages_used: 0,
        created_at: now_millis(),
    };
    let mut tx = db.begin_write().await?;
    orgs::insert(&mut tx, &org).await?;
    tx.commit().await?;
    let (_, key) = create_key(db, &org.id, false).await?;
    Ok((org.id, key))
}

/// Creates a key for an existing organization; returns its id and the key, shown once.
pub async fn create_key(db: &Db, id_organization: &str, read_only: bool) -> Result<(String, String), DbError> {
    let secret = ApiKeySecret::generate();
    let key = ApiKey {
        id: new_id(),
        id_organization: id_organization.to_owned(),
        read_only,
        created_at: now_millis(),
        revoked_at: None,
    };
    keys::insert(db, &key, &secret.hash()).await?;
    Ok((key.id, secret.expose().to_owned()))
}
