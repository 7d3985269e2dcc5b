//! Webhook delivery: workers claim due deliveries (see [`crate::db::webhooks::claim_due`]),
//! POST the event signed per the Standard Webhooks specification, and record the attempt and
//! the outcome in one transaction, under the delivery's lease, so that two instances deliver
//! each event once and a restart loses none (an event is in the outbox from the commit of its
//! change on; a delivery cut short by a crash is taken over when its lease lapses).
//!
//! A 2xx answer is a success. Anything else is retried on the retry schedule (with jitter, and
//! no sooner than the receiver's `Retry-After`), except 410 Gone, which disables the endpoint.
//! Redirects are never followed: a 3xx is a failure.

use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE, RETRY_AFTER};

use super::lease;
use crate::app::App;
use crate::db::jobs::Claimed;
use crate::db::webhooks::{self as db, Attempt, Delivery, Endpoint, Event};
use crate::db::DbError;
use crate::domain::ids::new_id;
use crate::domain::time::now_millis;
use crate::webhooks::{sign, target};

/// Longest excerpt of a receiver's answer kept in the log.
const EXCERPT_CHARS: usize = 256;
/// Longest wait a receiver's `Retry-After` can impose on one retry.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);
/// How long connecting to a receiver may take (the whole request: `--webhooks-timeout`).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The client deliveries are sent with: no redirects, no proxy, bounded time, and the
/// resolver that refuses non-public addresses unless allowed.
pub fn client(app: &App) -> reqwest::Client {
    let config = app.config();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .connect_timeout(CONNECT_TIMEOUT.min(Duration::from_secs(config.webhooks_timeout_secs)))
        .timeout(Duration::from_secs(config.webhooks_timeout_secs))
        .user_agent(concat!("Coffre-Webhooks/", env!("CARGO_PKG_VERSION")))
        .dns_resolver(std::sync::Arc::new(target::GuardedResolver { allow_private: config.webhooks_allow_private }))
        .build()
        .unwrap_or_default()
}

/// Runs `workers` delivery loops until `stop` turns true.
pub async fn run_workers(app: App, workers: usize, stop: tokio::sync::watch::Receiver<bool>) {
    let client = client(&app);
    let loops = (0..workers).map(|_| {
        let client = client.clone();
        lease::job_loop(app.clone(), "webhook", stop.clone(), move |app| {
            let client = client.clone();
            async move { run_one(&app, &client).await }
        })
    });
    futures_util::future::join_all(loops).await;
}

/// Claims and sends one due delivery; false when none is due. Tests drive it directly too.
pub async fn run_one(app: &App, client: &reqwest::Client) -> Result<bool, DbError> {
    let now = now_millis();
    let until = now + lease::lease(app).as_millis() as i64;
    let Some(claimed) = db::claim_due(app.db(), &new_id(), now, until).await? else {
        return Ok(false);
    };
    let delivery = &claimed.job;
    let endpoint = db::get_endpoint(app.db(), &delivery.id_organization, &delivery.id_endpoint).await?;
    let event = db::get_event(app.db(), &delivery.id_event).await?;
    let (Some(endpoint), Some(event)) = (endpoint.filter(|e| e.enabled), event) else {
        // The endpoint was disabled or deleted since: nothing to send.
        let mut tx = app.db().begin_write().await?;
        db::finish(&mut tx, &delivery.id, &claimed.token, db::CANCELLED, now_millis()).await?;
        tx.commit().await?;
        return Ok(true);
    };
    let sent =
        lease::hold::<Delivery, _>(app, &delivery.id, &claimed.token, send(app, client, &endpoint, &event)).await;
    record(app, &claimed, &endpoint, &event, sent).await?;
    Ok(true)
}

/// What one attempt gave.
#[derive(Debug)]
struct Sent {
    at: i64,
    took: Duration,
    status: Option<u16>,
    error_class: Option<&'static str>,
    excerpt: Option<String>,
    retry_after: Option<Duration>,
}

impl Sent {
    fn success(&self) -> bool {
        self.error_class.is_none()
    }
}

async fn send(app: &App, client: &reqwest::Client, endpoint: &Endpoint, event: &Event) -> Sent {
    let at = now_millis();
    let started = Instant::now();
    let failed = |class: &'static str| Sent {
        at,
        took: started.elapsed(),
        status: None,
        error_class: Some(class),
        excerpt: None,
        retry_after: None,
    };
    let Ok(url) = target::parse(&endpoint.url) else { return failed("invalid_url") };
    if target::literal_forbidden(&url, app.config().webhooks_allow_private) {
        return failed("blocked_address");
    }
    let headers = signed_headers(endpoint, event, at / 1000);
    let response = match client.post(url).headers(headers).body(event.payload.clone()).send().await {
        Ok(response) => response,
        Err(e) => return failed(error_class(&e)),
    };
    let status = response.status();
    let retry_after = response.headers().get(RETRY_AFTER).and_then(parse_retry_after);
    let excerpt = excerpt(response).await;
    let error_class = match status.as_u16() {
        200..=299 => None,
        300..=399 => Some("redirect"),
        410 => Some("gone"),
        _ => Some("http_status"),
    };
    Sent { at, took: started.elapsed(), status: Some(status.as_u16()), error_class, excerpt, retry_after }
}

/// The specification's three headers, signed with the current secret and, during a
/// rotation's grace period, the previous one too.
fn signed_headers(endpoint: &Endpoint, event: &Event, timestamp: i64) -> HeaderMap {
    let mut secrets = vec![endpoint.secret.as_str()];
    if let (Some(previous), Some(until)) = (&endpoint.previous_secret, endpoint.previous_until) {
        if until > now_millis() {
            secrets.push(previous);
        }
    }
    let signature = sign::header(&secrets, &event.id, timestamp, &event.payload);
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    for (name, value) in [
        ("webhook-id", event.id.clone()),
        ("webhook-timestamp", timestamp.to_string()),
        ("webhook-signature", signature),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    headers
}

fn error_class(e: &reqwest::Error) -> &'static str {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        if s.is::<target::Blocked>() {
            return "blocked_address";
        }
        source = s.source();
    }
    if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "request"
    }
}

/// The first characters of the answer, read no further than needed.
async fn excerpt(mut response: reqwest::Response) -> Option<String> {
    let mut bytes = Vec::new();
    while bytes.len() < EXCERPT_CHARS * 4 {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    let text: String = String::from_utf8_lossy(&bytes).chars().take(EXCERPT_CHARS).collect();
    Some(text).filter(|t| !t.is_empty())
}

/// `Retry-After`: seconds, or an HTTP date.
fn parse_retry_after(value: &HeaderValue) -> Option<Duration> {
    let text = value.to_str().ok()?.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(text).ok()?;
    let ms = at.timestamp_millis() - now_millis();
    Some(Duration::from_millis(ms.max(0) as u64))
}

/// Records the attempt and what follows from it, in one transaction under the lease.
async fn record(
    app: &App,
    claimed: &Claimed<Delivery>,
    endpoint: &Endpoint,
    event: &Event,
    sent: Sent,
) -> Result<(), DbError> {
    let delivery = &claimed.job;
    let attempt = Attempt {
        id: new_id(),
        id_organization: delivery.id_organization.clone(),
        id_endpoint: endpoint.id.clone(),
        id_delivery: delivery.id.clone(),
        id_event: event.id.clone(),
        event_type: event.kind.clone(),
        attempt: claimed.attempts,
        attempted_at: sent.at,
        duration_ms: sent.took.as_millis() as i64,
        status_code: sent.status.map(i64::from),
        success: sent.success(),
        error_class: sent.error_class.map(str::to_owned),
        response_excerpt: sent.excerpt.clone(),
    };
    let now = now_millis();
    let next = next_attempt_at(app, claimed.attempts, sent.retry_after, now);
    let record = || async {
        let mut tx = app.db().begin_write().await?;
        let held = match (&sent, next) {
            (s, _) if s.success() => db::finish(&mut tx, &delivery.id, &claimed.token, db::SUCCEEDED, now).await?,
            (s, _) if s.error_class == Some("gone") => {
                db::disable_endpoint(&mut tx, &endpoint.id, "gone", now).await?;
                db::finish(&mut tx, &delivery.id, &claimed.token, db::FAILED, now).await?
            }
            (_, Some(at)) => db::retry_at(&mut tx, &delivery.id, &claimed.token, at).await?,
            (_, None) => db::finish(&mut tx, &delivery.id, &claimed.token, db::FAILED, now).await?,
        };
        if !held {
            // Another worker took the delivery over: its attempt is the one on record.
            return Ok(false);
        }
        db::insert_attempt(&mut tx, &attempt).await?;
        tx.commit().await?;
        Ok::<_, DbError>(true)
    };
    if lease::while_down(app, record).await? {
        let outcome = if sent.success() { "success" } else { "failure" };
        app.metrics().webhook_delivered(outcome);
        if !sent.success() {
            tracing::info!(
                endpoint = endpoint.id,
                event = event.id,
                error = sent.error_class,
                status = sent.status,
                "webhook delivery failed"
            );
        }
    }
    Ok(())
}

/// When to try again after attempt number `attempts` failed; None when retries are over.
/// The delay is the schedule's, give or take 10 % (so that retries of many deliveries spread
/// out), and no shorter than the receiver's `Retry-After`.
fn next_attempt_at(app: &App, attempts: i64, retry_after: Option<Duration>, now: i64) -> Option<i64> {
    let schedule = &app.config().webhooks_retry_schedule;
    let delay = *schedule.get(usize::try_from(attempts - 1).ok()?)?;
    let jitter = rand::thread_rng().gen_range(0.9..1.1);
    let delay = delay.mul_f64(jitter).max(retry_after.unwrap_or_default().min(MAX_RETRY_AFTER));
    Some(now + delay.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after(&HeaderValue::from_static("120")), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after(&HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT")), Some(Duration::ZERO));
        assert_eq!(parse_retry_after(&HeaderValue::from_static("soon")), None);
    }
}
