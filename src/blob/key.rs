//! Object keys: the one place that decides where bytes live. A key is
//! `{organization}/{file}/{upload}`, three generated ids, so keys are URL-safe, never carry
//! a user-supplied name, and every upload gets a fresh one.

use crate::domain::ids::{looks_like_id, new_id};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ObjectKey(String);

impl ObjectKey {
    /// A fresh key for a new upload of `id_file`.
    pub fn new_upload(id_organization: &str, id_file: &str) -> Self {
        Self(format!("{id_organization}/{id_file}/{}", new_id()))
    }

    /// Accepts only keys of the shape [`ObjectKey::new_upload`] makes, so a key can never
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
        let key = ObjectKey::new_upload(&new_id(), &new_id());
        assert_eq!(ObjectKey::parse(key.as_str()), Some(key.clone()));
        assert_eq!(key.path().components().count(), 3);
        for bad in ["../../etc/passwd", "a/b/c", "", "x"] {
            assert!(ObjectKey::parse(bad).is_none(), "{bad}");
        }
    }
}
