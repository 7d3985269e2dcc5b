//! Recording changes in the audit trail: who, what, when, the file's SHA-256, and before/after
//! values. Every change is recorded in the transaction that makes it.

use serde_json::{json, Value};

use crate::db::audit::{self, Entry};
use crate::db::{DbError, Tx};
use crate::domain::ids::new_id;
use crate::domain::time::now_millis;

/// Who made a change: an API key, the admin CLI, or Coffre itself (sweeper, OCR).
pub fn key_actor(id_key: &str) -> String {
    format!("key:{id_key}")
}
pub const ADMIN: &str = "admin";
pub const SYSTEM: &str = "system";

/// A change to record.
#[derive(Debug, Clone)]
pub struct Event {
    action: &'static str,
    id_year: Option<String>,
    id_folder: Option<String>,
    id_file: Option<String>,
    sha256: Option<String>,
    details: Value,
}

impl Event {
    pub fn new(action: &'static str) -> Self {
        Self { action, id_year: None, id_folder: None, id_file: None, sha256: None, details: json!({}) }
    }
    pub fn year(mut self, id: &str) -> Self {
        self.id_year = Some(id.to_owned());
        self
    }
    pub fn folder(mut self, id: &str) -> Self {
        self.id_folder = Some(id.to_owned());
        self
    }
    pub fn file(mut self, id: &str) -> Self {
        self.id_file = Some(id.to_owned());
        self
    }
    pub fn sha256(mut self, sha256: Option<&str>) -> Self {
        self.sha256 = sha256.map(str::to_owned);
        self
    }
    pub fn details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }
    /// `{"before": ..., "after": ...}`.
    pub fn change(self, before: Value, after: Value) -> Self {
        self.details(json!({ "before": before, "after": after }))
    }
}

/// Appends `event` to the organization's chain. The caller's transaction holds the
/// organization's row lock.
pub async fn record(tx: &mut Tx, id_organization: &str, actor: &str, event: Event) -> Result<(), DbError> {
    audit::append(tx, id_organization, entry(actor, event)).await?;
    Ok(())
}

/// The entry recording `event`, to link to its chain (`seq`, `prev_hash` and `hash` empty).
pub fn entry(actor: &str, event: Event) -> Entry {
    Entry {
        seq: 0,
        id: new_id(),
        at: now_millis(),
        actor: actor.to_owned(),
        action: event.action.to_owned(),
        id_year: event.id_year,
        id_folder: event.id_folder,
        id_file: event.id_file,
        sha256: event.sha256,
        details: event.details.to_string(),
        prev_hash: String::new(),
        hash: String::new(),
    }
}
