//! The public HTTP API as `coffre import` uses it, with retries: network errors, 429 and 503
//! (and 502/504 from a proxy) are retried with exponential backoff and full jitter, honouring
//! `Retry-After`; any other answer is returned to the caller at once.

use std::time::Duration;

use rand::Rng;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::credentials::Credentials;

/// Retries after a request's first attempt before giving up as a network failure
/// (`--retries`); 6 retries wait about 30 s in all on average.
pub const DEFAULT_RETRIES: u32 = 6;
const BASE_DELAY: Duration = Duration::from_millis(250);
const MAX_DELAY: Duration = Duration::from_secs(30);

/// Why a request did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// 401, or 403 `read_only_key`: nothing else will work either.
    Auth(String),
    /// The API answered with a problem: its status and stable code.
    Problem { status: u16, code: String, detail: String },
    /// No answer after every retry.
    Network(String),
}

impl Failure {
    pub fn code(&self) -> &str {
        match self {
            Self::Auth(_) => "unauthorized",
            Self::Problem { code, .. } => code,
            Self::Network(_) => "network",
        }
    }

    pub fn is(&self, wanted: &str) -> bool {
        self.code() == wanted
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Auth(detail) | Self::Network(detail) => f.write_str(detail),
            Self::Problem { status, code, detail } => write!(f, "{status} {code}: {detail}"),
        }
    }
}

#[derive(Clone)]
pub struct Api {
    http: reqwest::Client,
    base: String,
    key: String,
    /// Attempts per request: the first and the retries.
    attempts: u32,
    pub org: String,
    pub year: String,
}

/// A transient answer: worth another try after a pause.
fn transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// Full jitter over an exponential ceiling, or the server's `Retry-After` when longer.
pub fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    let ceiling = BASE_DELAY.saturating_mul(1 << attempt.min(10)).min(MAX_DELAY);
    let jittered = Duration::from_millis(rand::thread_rng().gen_range(0..=ceiling.as_millis() as u64));
    retry_after.map_or(jittered, |r| r.min(MAX_DELAY).max(jittered))
}

fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let value = response.headers().get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

impl Api {
    /// `org` is the credentials' organization, or empty until [`Api::whoami`] tells it.
    pub fn new(base: &str, credentials: &Credentials, year: &str, retries: u32) -> Result<Self, String> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(600))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_owned(),
            key: credentials.api_key.clone(),
            attempts: retries.saturating_add(1),
            org: credentials.organization.clone().unwrap_or_default(),
            year: year.to_owned(),
        })
    }

    /// `/organizations/{org}/years/{year}` + `rest`.
    pub fn year_path(&self, rest: &str) -> String {
        format!("/organizations/{}/years/{}{rest}", self.org, self.year)
    }

    pub fn org_path(&self, rest: &str) -> String {
        format!("/organizations/{}{rest}", self.org)
    }

    /// A JSON request to the API; returns the body and the `Link` header.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<(Value, Option<String>), Failure> {
        let url = if path.starts_with("http") { path.to_owned() } else { format!("{}{path}", self.base) };
        let mut attempt = 0;
        loop {
            let mut request = self.http.request(method.clone(), &url).bearer_auth(&self.key);
            if let Some(body) = body {
                request = request
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(serde_json::to_vec(body).unwrap_or_default());
            }
            let pause = match request.send().await {
                Ok(response) if transient(response.status()) => retry_after(&response),
                Ok(response) => return read(response).await,
                Err(e) if attempt + 1 >= self.attempts => return Err(Failure::Network(format!("{url}: {e}"))),
                Err(_) => None,
            };
            attempt += 1;
            if attempt >= self.attempts {
                return Err(Failure::Network(format!("{url}: the server stayed unavailable")));
            }
            tokio::time::sleep(backoff(attempt, pause)).await;
        }
    }

    /// A `Link: <...>; rel="next"` target as a full URL.
    pub fn next_url(&self, link: &str) -> Option<String> {
        let start = link.find('<')? + 1;
        let end = link[start..].find('>')? + start;
        let target = &link[start..end];
        // The server writes the path it was called on; `base` may already hold a prefix.
        let origin = self.base.split('/').take(3).collect::<Vec<_>>().join("/");
        Some(format!("{origin}{target}"))
    }

    /// Streams `path`'s bytes to a presigned URL with the headers the API asked for.
    /// Retries network errors and transient answers; any other refusal is returned.
    pub async fn put(&self, upload: &Value, file: &std::path::Path, size: u64) -> Result<(), Failure> {
        let url = upload["url"].as_str().unwrap_or_default();
        let mut attempt = 0;
        loop {
            let body = tokio::fs::File::open(file).await.map_err(|e| Failure::Problem {
                status: 0,
                code: "unreadable".into(),
                detail: format!("{}: {e}", file.display()),
            })?;
            let stream = tokio_util::io::ReaderStream::with_capacity(body, 256 * 1024);
            let mut request = self.http.put(url).body(reqwest::Body::wrap_stream(stream));
            let headers = upload["headers"].as_object().into_iter().flatten();
            for (name, value) in headers.filter(|(n, _)| !n.eq_ignore_ascii_case("content-length")) {
                request = request.header(name.as_str(), value.as_str().unwrap_or_default());
            }
            request = request.header(reqwest::header::CONTENT_LENGTH, size);
            let pause = match request.send().await {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) if transient(r.status()) => retry_after(&r),
                Ok(r) => {
                    let status = r.status().as_u16();
                    let detail = r.text().await.unwrap_or_default();
                    return Err(Failure::Problem { status, code: "upload_refused".into(), detail });
                }
                Err(e) if attempt + 1 >= self.attempts => return Err(Failure::Network(format!("PUT: {e}"))),
                Err(_) => None,
            };
            attempt += 1;
            if attempt >= self.attempts {
                return Err(Failure::Network("PUT: the store stayed unavailable".into()));
            }
            tokio::time::sleep(backoff(attempt, pause)).await;
        }
    }
}

async fn read(response: reqwest::Response) -> Result<(Value, Option<String>), Failure> {
    let status = response.status();
    let link = response.headers().get(reqwest::header::LINK).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let text = response.text().await.map_err(|e| Failure::Network(e.to_string()))?;
    let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if status.is_success() {
        return Ok((body, link));
    }
    let code = body["code"].as_str().unwrap_or("http_error").to_owned();
    let detail = body["detail"].as_str().unwrap_or(&text).to_owned();
    if status == StatusCode::UNAUTHORIZED || code == "read_only_key" {
        return Err(Failure::Auth(format!("{code}: {detail}")));
    }
    Err(Failure::Problem { status: status.as_u16(), code, detail })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_capped_and_honours_retry_after() {
        for attempt in 0..20 {
            assert!(backoff(attempt, None) <= MAX_DELAY);
        }
        assert!(backoff(1, Some(Duration::from_secs(5))) >= Duration::from_secs(5));
        assert!(backoff(1, Some(Duration::from_secs(3600))) <= MAX_DELAY);
    }
}
