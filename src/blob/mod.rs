//! Object storage: keys, presigned URLs, and the stores behind them. The embedded default
//! keeps objects in a local directory and serves the presigned URLs itself
//! ([`endpoint`]); an external S3-compatible store is the other variant of [`BlobStore`].
//!
//! Error types: store operations return [`BlobError`]; the HTTP layer treats every
//! `BlobError` as an internal failure.

pub mod endpoint;
pub mod key;
pub mod local;
pub mod s3;
pub mod sigv4;

use chrono::{DateTime, Utc};

pub use key::ObjectKey;
pub use local::LocalStore;
pub use s3::S3Store;

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("object store I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("object store task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("object store request failed: {0}")]
    Http(String),
    #[error("object store answered {status} to {operation}")]
    Status { operation: &'static str, status: u16 },
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
    /// The S3 API's base URL, `scheme://host[:port][/path]`, without a trailing slash.
    pub endpoint: String,
    pub bucket: String,
    /// Virtual-hosted addressing (`bucket.host/key`) instead of path-style (`host/bucket/key`).
    pub virtual_host: bool,
    /// Prepended to every key inside the bucket, so that several deployments (or test runs)
    /// can share one bucket.
    pub key_prefix: String,
}

/// What a signed request addresses.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Object(&'a ObjectKey),
    Bucket,
}

impl UrlSigner {
    /// `(scheme, host, path)` of the endpoint.
    fn endpoint_parts(&self) -> (&str, &str, &str) {
        let (scheme, rest) = self.endpoint.split_once("://").unwrap_or(("http", &self.endpoint));
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        (scheme, host, path)
    }

    /// The base URL, `Host` header and decoded path of a request to `target`.
    fn locate(&self, target: Target<'_>) -> (String, String, String) {
        let (scheme, host, base_path) = self.endpoint_parts();
        let object = match target {
            Target::Object(key) => format!("/{}{}", self.key_prefix, key.as_str()),
            Target::Bucket => "/".to_owned(),
        };
        if self.virtual_host {
            let host = format!("{}.{host}", self.bucket);
            (format!("{scheme}://{host}"), host, format!("{base_path}{object}"))
        } else {
            let path = match target {
                Target::Object(_) => format!("{base_path}/{}{object}", self.bucket),
                Target::Bucket => format!("{base_path}/{}", self.bucket),
            };
            (format!("{scheme}://{host}"), host.to_owned(), path)
        }
    }

    /// Presigns `method` on `target`, with extra signed query parameters and headers.
    pub fn presign(
        &self,
        method: &str,
        target: Target<'_>,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
        ttl_secs: u32,
    ) -> Presigned {
        self.presign_at(Utc::now(), method, target, query, headers, ttl_secs)
    }

    /// [`UrlSigner::presign`] as of `now`: the same inputs give the same URL, which a browser
    /// can cache.
    pub fn presign_at(
        &self,
        now: chrono::DateTime<Utc>,
        method: &str,
        target: Target<'_>,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
        ttl_secs: u32,
    ) -> Presigned {
        let ttl_secs = ttl_secs.clamp(1, sigv4::MAX_EXPIRES_SECS);
        let (base, host, path) = self.locate(target);
        let request =
            sigv4::PresignRequest { method, host: &host, path: &path, query, headers, now, expires_secs: ttl_secs };
        let path_and_query = sigv4::presign(&self.credentials, &request);
        Presigned {
            url: format!("{base}{path_and_query}"),
            headers: Vec::new(),
            expires_at: now + chrono::Duration::seconds(i64::from(ttl_secs)),
        }
    }

    /// The key inside the bucket of an object key, or `None` for objects of other prefixes.
    pub fn strip_prefix<'a>(&self, bucket_key: &'a str) -> Option<&'a str> {
        bucket_key.strip_prefix(&self.key_prefix)
    }
}

/// The object store behind Coffre.
#[derive(Debug, Clone)]
pub enum BlobStore {
    Local(LocalStore),
    S3(S3Store),
}

impl BlobStore {
    /// The signer of URLs handed to clients.
    pub fn signer(&self) -> &UrlSigner {
        match self {
            Self::Local(s) => s.signer(),
            Self::S3(s) => s.public_signer(),
        }
    }

    /// A URL that accepts exactly `size` bytes of type `content_type` at `key`, for the upload
    /// `upload_id`. The embedded endpoint also signs the upload id into the URL and accepts the
    /// PUT only while that upload is the file's live one (see [`endpoint::ObjectGate`]).
    pub fn presign_put(
        &self,
        key: &ObjectKey,
        upload_id: &str,
        content_type: &str,
        size: u64,
        ttl_secs: u32,
    ) -> Presigned {
        let length = size.to_string();
        let headers = [("content-type", content_type), ("content-length", length.as_str())];
        let query: &[(&str, &str)] = match self {
            Self::Local(_) => &[(endpoint::UPLOAD_PARAM, upload_id)],
            Self::S3(_) => &[],
        };
        let mut presigned = self.signer().presign("PUT", Target::Object(key), query, &headers, ttl_secs);
        presigned.headers = vec![("Content-Type".into(), content_type.into()), ("Content-Length".into(), length)];
        presigned
    }

    /// A URL that downloads `key` as an attachment named `filename`.
    pub fn presign_get(&self, key: &ObjectKey, filename: &str, content_type: &str, ttl_secs: u32) -> Presigned {
        let disposition = content_disposition(filename);
        let query = [("response-content-disposition", disposition.as_str()), ("response-content-type", content_type)];
        self.signer().presign("GET", Target::Object(key), &query, &[], ttl_secs)
    }

    /// A URL that shows `key` in the browser (`inline`), for previews.
    pub fn presign_view(&self, key: &ObjectKey, filename: &str, content_type: &str, ttl_secs: u32) -> Presigned {
        let disposition = content_disposition(filename).replacen("attachment", "inline", 1);
        let query = [
            ("response-cache-control", "private, max-age=300"),
            ("response-content-disposition", disposition.as_str()),
            ("response-content-type", content_type),
        ];
        self.signer().presign("GET", Target::Object(key), &query, &[], ttl_secs)
    }

    /// A cacheable URL for a thumbnail: signed as of the start of the current hour for two
    /// hours, so that it stays the same (and the browser's cached copy is used) for an hour.
    pub fn presign_thumbnail(&self, key: &ObjectKey) -> Presigned {
        let now = Utc::now().timestamp();
        let hour = chrono::DateTime::from_timestamp(now - now.rem_euclid(3600), 0).unwrap_or_else(Utc::now);
        let query = [("response-cache-control", "private, max-age=3600"), ("response-content-type", "image/jpeg")];
        self.signer().presign_at(hour, "GET", Target::Object(key), &query, &[], 7200)
    }

    pub fn presign_delete(&self, key: &ObjectKey, ttl_secs: u32) -> Presigned {
        self.signer().presign("DELETE", Target::Object(key), &[], &[], ttl_secs)
    }

    /// The size of an object, or `None` if it does not exist.
    pub async fn head(&self, key: &ObjectKey) -> Result<Option<u64>, BlobError> {
        match self {
            Self::Local(s) => s.head(key).await,
            Self::S3(s) => s.head(key).await,
        }
    }

    /// Reads the whole object, streaming, hashing off the async runtime. `None` if it does
    /// not exist.
    pub async fn digest(&self, key: &ObjectKey) -> Result<Option<Digest>, BlobError> {
        match self {
            Self::Local(s) => s.digest(key).await,
            Self::S3(s) => s.digest(key).await,
        }
    }

    /// Copies `from` to `to` inside the store, atomically: `to` holds the bytes `from` had at
    /// one instant, whatever is written to `from` meanwhile or afterwards, and its modification
    /// time is now. False if `from` does not exist.
    pub async fn copy(&self, from: &ObjectKey, to: &ObjectKey) -> Result<bool, BlobError> {
        match self {
            Self::Local(s) => s.copy(from, to).await,
            Self::S3(s) => s.copy(from, to).await,
        }
    }

    /// Deletes an object; deleting a missing object succeeds.
    pub async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError> {
        match self {
            Self::Local(s) => s.delete(key).await,
            Self::S3(s) => s.delete(key).await,
        }
    }

    /// The object as a local file, for programs that read files (OCR): the stored file itself
    /// on the embedded store, a temporary download otherwise. `None` if it does not exist.
    pub async fn local_copy(&self, key: &ObjectKey) -> Result<Option<LocalCopy>, BlobError> {
        match self {
            Self::Local(s) => Ok(s.head(key).await?.map(|_| LocalCopy::Stored(s.path_of(key)))),
            Self::S3(s) => Ok(s.download(key).await?.map(LocalCopy::Temporary)),
        }
    }

    /// A new temporary file, on the same disk as the embedded store's objects (so that
    /// [`BlobStore::put_file`] is a rename there).
    pub fn scratch_file(&self) -> std::io::Result<tempfile::NamedTempFile> {
        match self {
            Self::Local(s) => tempfile::NamedTempFile::new_in(s.tmp_dir()),
            Self::S3(_) => tempfile::NamedTempFile::new(),
        }
    }

    /// Stores a finished local file as the object `key` (durably, all or nothing).
    pub async fn put_file(
        &self,
        key: &ObjectKey,
        file: tempfile::TempPath,
        content_type: &str,
    ) -> Result<(), BlobError> {
        match self {
            Self::Local(s) => s.adopt(key, file).await,
            Self::S3(s) => s.upload(key, &file, content_type).await,
        }
    }

    /// Every object of this deployment in the store.
    pub async fn list(&self) -> Result<Vec<Listed>, BlobError> {
        match self {
            Self::Local(s) => s.list().await,
            Self::S3(s) => s.list().await,
        }
    }

    /// Whether the store answers.
    pub async fn ping(&self) -> Result<(), BlobError> {
        match self {
            Self::Local(s) => s.ping().await,
            Self::S3(s) => s.ping().await,
        }
    }
}

/// A readable local file holding an object's bytes.
pub enum LocalCopy {
    Stored(std::path::PathBuf),
    Temporary(tempfile::TempPath),
}

impl LocalCopy {
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::Stored(p) => p,
            Self::Temporary(p) => p,
        }
    }
}

/// Computes a [`Digest`] from chunks; runs on a blocking thread.
#[derive(Default)]
pub struct DigestBuilder {
    hasher: sha2::Sha256,
    head: Vec<u8>,
    size: u64,
}

impl DigestBuilder {
    pub fn update(&mut self, chunk: &[u8]) {
        use sha2::Digest as _;
        let room = crate::domain::mime::SNIFF_LEN.saturating_sub(self.head.len());
        self.head.extend_from_slice(&chunk[..room.min(chunk.len())]);
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
    }

    pub fn finish(self) -> Digest {
        use sha2::Digest as _;
        Digest { size: self.size, sha256: hex::encode(self.hasher.finalize()), head: self.head }
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
