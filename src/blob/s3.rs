//! An external S3-compatible store (AWS S3, MinIO, Garage, Ceph, SeaweedFS...). Coffre talks
//! to it with SigV4-presigned requests from [`super::sigv4`], so no SDK is needed: clients get
//! URLs signed for the public endpoint, and the server's own requests (HEAD, GET to hash,
//! DELETE, listing) are signed for the internal one.

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use reqwest::{Method, StatusCode};

use super::{BlobError, Digest, DigestBuilder, Listed, ObjectKey, Target, UrlSigner};

/// Lifetime of the URLs Coffre signs for its own requests.
const INTERNAL_TTL_SECS: u32 = 300;

/// Bounds on the store's answers: past them the store is taken for down.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: std::time::Duration,
    /// Between two reads of an answer (not for a whole body: large objects stream).
    pub read: std::time::Duration,
}

/// A failed exchange with the store (refused, reset, timed out). The URL is left out: it
/// carries a signature.
fn transport(e: reqwest::Error) -> BlobError {
    BlobError::Http(e.without_url().to_string())
}
#[derive(Debug, Clone)]
pub struct S3Store {
    client: reqwest::Client,
    /// Signs requests Coffre sends itself.
    internal: UrlSigner,
    /// Signs URLs handed to clients (same store, possibly another host name).
    public: UrlSigner,
}

impl S3Store {
    /// `public_endpoint` defaults to the internal one.
    pub fn new(internal: UrlSigner, public_endpoint: Option<String>, timeouts: Timeouts) -> Self {
        let mut public = internal.clone();
        if let Some(endpoint) = public_endpoint {
            public.endpoint = endpoint;
        }
        let client = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .read_timeout(timeouts.read)
            .build()
            .unwrap_or_default();
        Self { client, internal, public }
    }

    pub fn public_signer(&self) -> &UrlSigner {
        &self.public
    }

    async fn send(
        &self,
        method: Method,
        target: Target<'_>,
        query: &[(&str, &str)],
    ) -> Result<reqwest::Response, BlobError> {
        let signed = self.internal.presign(method.as_str(), target, query, &[], INTERNAL_TTL_SECS);
        self.client.request(method, signed.url).send().await.map_err(transport)
    }

    pub async fn head(&self, key: &ObjectKey) -> Result<Option<u64>, BlobError> {
        let resp = self.send(Method::HEAD, Target::Object(key), &[]).await?;
        match resp.status() {
            StatusCode::NOT_FOUND => Ok(None),
            // The header, not `content_length()`: a HEAD response has an empty body.
            s if s.is_success() => {
                let length = resp.headers().get(reqwest::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok());
                length
                    .and_then(|v| v.parse().ok())
                    .map(Some)
                    .ok_or(BlobError::Status { operation: "HEAD", status: 200 })
            }
            s => Err(BlobError::Status { operation: "HEAD", status: s.as_u16() }),
        }
    }

    pub async fn digest(&self, key: &ObjectKey) -> Result<Option<Digest>, BlobError> {
        let resp = self.send(Method::GET, Target::Object(key), &[]).await?;
        match resp.status() {
            StatusCode::NOT_FOUND => return Ok(None),
            s if !s.is_success() => return Err(BlobError::Status { operation: "GET", status: s.as_u16() }),
            _ => {}
        }
        // Chunks go to a blocking thread for hashing; the bounded channel keeps memory flat.
        let (tx, mut rx) = tokio::sync::mpsc::channel::<bytes::Bytes>(8);
        let hashing = tokio::task::spawn_blocking(move || {
            let mut digest = DigestBuilder::default();
            while let Some(chunk) = rx.blocking_recv() {
                digest.update(&chunk);
            }
            digest.finish()
        });
        let mut body = resp.bytes_stream();
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(transport)?;
            if tx.send(chunk).await.is_err() {
                break;
            }
        }
        drop(tx);
        Ok(Some(hashing.await?))
    }

    /// Downloads an object to a temporary file, streaming. `None` if it does not exist.
    pub async fn download(&self, key: &ObjectKey) -> Result<Option<tempfile::TempPath>, BlobError> {
        use tokio::io::AsyncWriteExt;
        let resp = self.send(Method::GET, Target::Object(key), &[]).await?;
        match resp.status() {
            StatusCode::NOT_FOUND => return Ok(None),
            s if !s.is_success() => return Err(BlobError::Status { operation: "GET", status: s.as_u16() }),
            _ => {}
        }
        let path = tempfile::NamedTempFile::new()?.into_temp_path();
        let mut file = tokio::fs::File::create(&path).await?;
        let mut body = resp.bytes_stream();
        while let Some(chunk) = body.next().await {
            file.write_all(&chunk.map_err(transport)?).await?;
        }
        file.flush().await?;
        Ok(Some(path))
    }

    /// Uploads a local file as `key`, streaming, its length and type signed.
    pub async fn upload(&self, key: &ObjectKey, path: &std::path::Path, content_type: &str) -> Result<(), BlobError> {
        let file = tokio::fs::File::open(path).await?;
        let length = file.metadata().await?.len();
        let len = length.to_string();
        let headers = [("content-type", content_type), ("content-length", len.as_str())];
        let signed = self.internal.presign("PUT", Target::Object(key), &[], &headers, INTERNAL_TTL_SECS);
        let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::new(file));
        let resp = self
            .client
            .put(signed.url)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .header(reqwest::header::CONTENT_LENGTH, length)
            .body(body)
            .send()
            .await
            .map_err(transport)?;
        if resp.status().is_success() {
            Ok(())
        } else {
            Err(BlobError::Status { operation: "PUT", status: resp.status().as_u16() })
        }
    }

    /// CopyObject, server-side: the store copies one version of the source.
    pub async fn copy(&self, from: &ObjectKey, to: &ObjectKey) -> Result<bool, BlobError> {
        let source = format!("{}/{}{}", self.internal.bucket, self.internal.key_prefix, from.as_str());
        let headers = [("x-amz-copy-source", source.as_str())];
        let signed = self.internal.presign("PUT", Target::Object(to), &[], &headers, INTERNAL_TTL_SECS);
        let resp = self.client.put(signed.url).header("x-amz-copy-source", &source).send().await.map_err(transport)?;
        let status = resp.status();
        let body = resp.text().await.map_err(transport)?;
        match status {
            StatusCode::NOT_FOUND => Ok(false),
            // S3 may answer 200 and report a failure in the body.
            s if s.is_success() && !body.contains("<Error>") => Ok(true),
            s => Err(BlobError::Status { operation: "CopyObject", status: s.as_u16() }),
        }
    }

    pub async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError> {
        let resp = self.send(Method::DELETE, Target::Object(key), &[]).await?;
        match resp.status() {
            s if s.is_success() || s == StatusCode::NOT_FOUND => Ok(()),
            s => Err(BlobError::Status { operation: "DELETE", status: s.as_u16() }),
        }
    }

    /// Lists the deployment's objects with ListObjectsV2, page by page.
    pub async fn list(&self) -> Result<Vec<Listed>, BlobError> {
        let mut found = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut query = vec![("list-type", "2"), ("prefix", self.internal.key_prefix.as_str())];
            if let Some(t) = &token {
                query.push(("continuation-token", t.as_str()));
            }
            let resp = self.send(Method::GET, Target::Bucket, &query).await?;
            if !resp.status().is_success() {
                return Err(BlobError::Status { operation: "ListObjectsV2", status: resp.status().as_u16() });
            }
            let xml = resp.text().await.map_err(transport)?;
            let page = parse_list(&xml);
            found.extend(page.objects.into_iter().filter_map(|(key, modified)| {
                let key = ObjectKey::parse(self.internal.strip_prefix(&key)?)?;
                Some(Listed { key, modified })
            }));
            match page.next_token {
                Some(next) if page.truncated => token = Some(next),
                _ => return Ok(found),
            }
        }
    }

    pub async fn ping(&self) -> Result<(), BlobError> {
        let resp = self.send(Method::HEAD, Target::Bucket, &[]).await?;
        if resp.status().is_success() {
            Ok(())
        } else {
            Err(BlobError::Status { operation: "HeadBucket", status: resp.status().as_u16() })
        }
    }

    /// Creates the bucket if it does not exist (tests and first-time setup).
    pub async fn ensure_bucket(&self) -> Result<(), BlobError> {
        if self.ping().await.is_ok() {
            return Ok(());
        }
        let resp = self.send(Method::PUT, Target::Bucket, &[]).await?;
        match resp.status() {
            s if s.is_success() || s == StatusCode::CONFLICT => Ok(()),
            s => Err(BlobError::Status { operation: "CreateBucket", status: s.as_u16() }),
        }
    }
}

struct ListPage {
    objects: Vec<(String, DateTime<Utc>)>,
    truncated: bool,
    next_token: Option<String>,
}

/// Reads the few elements of a ListObjectsV2 answer that the sweeper needs.
fn parse_list(xml: &str) -> ListPage {
    let objects = elements(xml, "Contents")
        .filter_map(|contents| {
            let key = unescape(elements(contents, "Key").next()?);
            let modified = elements(contents, "LastModified").next()?;
            let modified = DateTime::parse_from_rfc3339(modified).ok()?.with_timezone(&Utc);
            Some((key, modified))
        })
        .collect();
    ListPage {
        objects,
        truncated: elements(xml, "IsTruncated").next() == Some("true"),
        next_token: elements(xml, "NextContinuationToken").next().map(unescape),
    }
}

/// The text inside each `<tag>...</tag>`.
fn elements<'a>(xml: &'a str, tag: &str) -> impl Iterator<Item = &'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut rest = xml;
    std::iter::from_fn(move || {
        let start = rest.find(&open)? + open.len();
        let len = rest[start..].find(&close)?;
        let inner = &rest[start..start + len];
        rest = &rest[start + len + close.len()..];
        Some(inner)
    })
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_list_objects_v2() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult><Name>b</Name><Prefix>p/</Prefix><IsTruncated>true</IsTruncated>
<Contents><Key>p/a&amp;b</Key><LastModified>2026-11-28T18:00:00.000Z</LastModified><Size>3</Size></Contents>
<Contents><Key>p/c</Key><LastModified>2026-11-28T18:00:01Z</LastModified></Contents>
<NextContinuationToken>tok&amp;en</NextContinuationToken></ListBucketResult>"#;

        let page = parse_list(xml);

        assert_eq!(page.objects.len(), 2);
        assert_eq!(page.objects[0].0, "p/a&b");
        assert!(page.truncated);
        assert_eq!(page.next_token.as_deref(), Some("tok&en"));
    }
}
