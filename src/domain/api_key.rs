//! API keys: `cof_` + 43 characters (256 random bits, base64url). Only the SHA-256 of a key
//! is stored; keys carry 256 random bits, so a plain hash is enough (no password
//! stretching), and looking a key up by its hash never compares the secret itself.

use sha2::{Digest, Sha256};

use super::ids::random_secret;

/// The recognisable start of every key.
pub const PREFIX: &str = "cof_";

/// A key's secret, shown once at creation. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKeySecret(String);

impl ApiKeySecret {
    /// A new key: the prefix and 256 random bits.
    pub fn generate() -> Self {
        Self(format!("{PREFIX}{}", random_secret(32)))
    }

    /// A key presented by a client, as sent.
    pub fn presented(key: &str) -> Self {
        Self(key.to_owned())
    }

    /// The secret itself, to hand to the key's owner once.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The stored form: hex SHA-256 of the whole key.
    pub fn hash(&self) -> KeyHash {
        KeyHash(hex::encode(Sha256::digest(self.0.as_bytes())))
    }
}

impl std::fmt::Debug for ApiKeySecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKeySecret(<redacted>)")
    }
}

/// The stored form of a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHash(String);

impl KeyHash {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_have_the_documented_shape_and_a_hidden_secret() {
        let key = ApiKeySecret::generate();
        assert!(key.expose().starts_with("cof_"));
        assert_eq!(key.expose().len(), 4 + 43);
        assert!(!format!("{key:?}").contains(&key.expose()[4..]));
    }

    #[test]
    fn the_stored_hash_is_the_sha256_of_the_key() {
        let key = ApiKeySecret::presented("cof_abc");
        assert_eq!(key.hash().as_str(), hex::encode(Sha256::digest(b"cof_abc")));
    }
}
