//! Object storage: keys, presigned URLs, and the stores behind them. The embedded default
//! keeps objects in a local directory and serves the presigned URLs itself
//! ([`endpoint`]); an external S3-compatible store is the other variant of [`BlobStore`].
//!
//! Error types: store operations return [`BlobError`]; the HTTP layer treats every
//! `BlobError` as an internal failure.

pub mod endpoint;
pub mod key;
pub mod local;
pub mod sigv4;

use chrono::{DateTime, Utc};

pub use key::ObjectKey;
pub use local::LocalStore;

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("object store I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("object store task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// A URL handed to a client, with the headers it must send and when it stops working.
#[derive(Debug, Clone)]
pub struct Presigned {
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub expires_at: DateTime<Utc>,
}

/// What finalize learns from reading a stored object end to end.
#[derive(Debug, Clone)]
pub struct Digest {
    pub size: u64,
    pub sha256: String,
    /// The first bytes, for type sniffing.
    pub head: Vec<u8>,
}

/// An object found by listing the store.
#[derive(Debug, Clone)]
pub struct Listed {
    pub key: ObjectKey,
    pub modified: DateTime<Utc>,
}

/// Where presigned URLs point and how they are signed.
#[derive(Debug, Clone)]
pub struct UrlSigner {
    pub credentials: sigv4::Credentials,
    /// Scheme and authority clients use, e.g. `http://127.0.0.1:8080`.
    pub public_base: String,
    /// Path before the bucket, e.g. `/s3` (empty for a store at the root).
    pub path_prefix: String,
    pub bucket: String,
}

impl UrlSigner {
    fn host(&self) -> &str {
        let rest = self.public_base.split("://").nth(1).unwrap_or(&self.public_base);
        rest.split('/').next().unwrap_or(rest)
    }

    /// Presigns `method` on `key`, with extra signed query parameters and headers.
    pub fn presign(
        &self,
        method: &str,
        key: &ObjectKey,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
        ttl_secs: u32,
    ) -> Presigned {
        let now = Utc::now();
        let path = format!("{}/{}/{}", self.path_prefix, self.bucket, key.as_str());
        let request = sigv4::PresignRequest {
            method,
            host: self.host(),
            path: &path,
            query,
            headers,
            now,
            expires_secs: ttl_secs,
        };
        let path_and_query = sigv4::presign(&self.credentials, &request);
        Presigned {
            url: format!("{}{}", self.public_base, path_and_query),
            headers: Vec::new(),
            expires_at: now + chrono::Duration::seconds(i64::from(ttl_secs)),
        }
    }
}

/// The object store behind Coffre.
#[derive(Debug, Clone)]
pub enum BlobStore {
    Local(LocalStore),
}

impl BlobStore {
    pub fn signer(&self) -> &UrlSigner {
        match self {
            Self::Local(s) => s.signer(),
        }
    }

    /// A URL that accepts exactly `size` bytes of type `content_type` at `key`.
    pub fn presign_put(&self, key: &ObjectKey, content_type: &str, size: u64, ttl_secs: u32) -> Presigned {
        let length = size.to_string();
        let headers = [("content-type", content_type), ("content-length", length.as_str())];
        let mut presigned = self.signer().presign("PUT", key, &[], &headers, ttl_secs);
        presigned.headers = vec![("Content-Type".into(), content_type.into()), ("Content-Length".into(), length)];
        presigned
    }

    /// A URL that downloads `key` as an attachment named `filename`.
    pub fn presign_get(&self, key: &ObjectKey, filename: &str, content_type: &str, ttl_secs: u32) -> Presigned {
        let disposition = content_disposition(filename);
        let query = [("response-content-disposition", disposition.as_str()), ("response-content-type", content_type)];
        self.signer().presign("GET", key, &query, &[], ttl_secs)
    }

    pub fn presign_delete(&self, key: &ObjectKey, ttl_secs: u32) -> Presigned {
        self.signer().presign("DELETE", key, &[], &[], ttl_secs)
    }

    /// Reads the whole object, streaming, off the async runtime. `None` if it does not exist.
    pub async fn digest(&self, key: &ObjectKey) -> Result<Option<Digest>, BlobError> {
        match self {
            Self::Local(s) => s.digest(key).await,
        }
    }

    /// Deletes an object; deleting a missing object succeeds.
    pub async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError> {
        match self {
            Self::Local(s) => s.delete(key).await,
        }
    }

    /// Every object in the store.
    pub async fn list(&self) -> Result<Vec<Listed>, BlobError> {
        match self {
            Self::Local(s) => s.list().await,
        }
    }

    /// Whether the store answers.
    pub async fn ping(&self) -> Result<(), BlobError> {
        match self {
            Self::Local(s) => s.ping().await,
        }
    }
}

/// `attachment` with the file's name, per RFC 6266: a quoted ASCII fallback for old clients
/// and the exact name in RFC 5987 `filename*`.
pub fn content_disposition(filename: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    const ATTR: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'!')
        .remove(b'#')
        .remove(b'$')
        .remove(b'&')
        .remove(b'+')
        .remove(b'-')
        .remove(b'.')
        .remove(b'^')
        .remove(b'_')
        .remove(b'`')
        .remove(b'|')
        .remove(b'~');
    let fallback: String = filename
        .chars()
        .map(|c| if c.is_ascii() && !c.is_ascii_control() && c != '"' && c != '\\' { c } else { '_' })
        .collect();
    let encoded = utf8_percent_encode(filename, ATTR);
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disposition_has_ascii_fallback_and_exact_utf8_name() {
        assert_eq!(
            content_disposition("Facture été \"2026\".pdf"),
            "attachment; filename=\"Facture _t_ _2026_.pdf\"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9%20%222026%22.pdf"
        );
    }
}
