//! Object keys: the one place that decides where bytes live. A key is
//! `{organization}/{file}/{object}`, three generated ids, so keys are URL-safe and never carry
//! a user-supplied name. Two kinds:
//! - the file's **upload slot**, `{organization}/{file}/{file}`: the only key a presigned PUT
//!   is ever issued for, the same for every upload URL of the file (so dead URLs can occupy at
//!   most one object per file);
//! - **content** keys, `{organization}/{file}/{fresh id}`: finalize copies the slot to a fresh
//!   content key inside the store and hashes that copy. No PUT URL is ever signed for a content
//!   key, so the bytes behind a finalized file can never be replaced through a URL.

use crate::domain::ids::{looks_like_id, new_id};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ObjectKey(String);

impl ObjectKey {
    /// The upload slot of `id_file`: where every presigned PUT for the file writes.
    pub fn upload_slot(id_organization: &str, id_file: &str) -> Self {
        Self(format!("{id_organization}/{id_file}/{id_file}"))
    }

    /// A fresh key for finalized content of `id_file` (or another generated object, such as an
    /// export archive, whose owner id stands in the middle).
    pub fn new_content(id_organization: &str, id_file: &str) -> Self {
        Self(format!("{id_organization}/{id_file}/{}", new_id()))
    }

    /// Whether this is a file's upload slot.
    pub fn is_upload_slot(&self) -> bool {
        let mut parts = self.0.split('/').skip(1);
        parts.next() == parts.next()
    }

    /// Accepts only keys of the shape [`ObjectKey::upload_slot`] and [`ObjectKey::new_content`] make, so a key can never
    /// escape the store's directory.
    pub fn parse(raw: &str) -> Option<Self> {
        let parts: Vec<&str> = raw.split('/').collect();
        let valid = parts.len() == 3 && parts.iter().all(|p| looks_like_id(p));
        valid.then(|| Self(raw.to_owned()))
    }

    /// A key read back from the database, where only valid keys are written.
    pub fn from_stored(raw: String) -> Self {
        Self(raw)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The file this object was uploaded for.
    pub fn id_file(&self) -> &str {
        self.0.split('/').nth(1).unwrap_or_default()
    }

    /// The key as a relative path below the store's root.
    pub fn path(&self) -> std::path::PathBuf {
        self.0.split('/').collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_refuse_escapes() {
        let (org, file) = (new_id(), new_id());
        let key = ObjectKey::new_content(&org, &file);
        assert_eq!(ObjectKey::parse(key.as_str()), Some(key.clone()));
        assert_eq!(key.path().components().count(), 3);
        assert!(!key.is_upload_slot());
        let slot = ObjectKey::upload_slot(&org, &file);
        assert!(slot.is_upload_slot());
        assert_eq!(slot.id_file(), file);
        assert_eq!(ObjectKey::parse(slot.as_str()), Some(slot.clone()));
        for bad in ["../../etc/passwd", "a/b/c", "", "x"] {
            assert!(ObjectKey::parse(bad).is_none(), "{bad}");
        }
    }
}
