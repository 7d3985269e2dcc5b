//! Prometheus metrics, exposed by `GET /metrics` (OpenMetrics text format). Every label value
//! comes from a closed set (route templates, status classes, job kinds, dependency names):
//! never an id or an organization. Counters are updated where things happen; gauges that
//! describe the outside world (pool, queues, dependencies) are refreshed when scraped.
//! The README lists every metric.

use std::sync::atomic::AtomicU64;
use std::time::Duration;

use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::app::App;
use crate::db::exports::Export;
use crate::db::jobs::{self, JobTable};
use crate::db::ocr_jobs::OcrJob;
use crate::db::webhooks::Delivery;

/// Latency buckets, in seconds: 1 ms to 10 s.
const LATENCY_BUCKETS: [f64; 13] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// How long a scrape waits for each dependency before calling it down.
const SCRAPE_PROBE_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    pub method: &'static str,
    /// The route template (`/organizations/{idOrganization}/years`), or `unmatched`.
    pub route: String,
    /// `2xx`, `3xx`, `4xx` or `5xx`.
    pub status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum JobKind {
    ocr,
    export,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabels {
    pub kind: JobKind,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    pub kind: JobKind,
    /// `done`, `failed` or `retried` (given back to the queue after a dependency outage).
    pub outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ActionLabels {
    pub action: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StateLabels {
    pub state: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct WebhookLabels {
    /// `success` or `failure`.
    pub outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DependencyLabels {
    pub dependency: &'static str,
}

type HistogramFamily = Family<HttpLabels, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    pub http_requests: Family<HttpLabels, Counter>,
    pub http_duration: HistogramFamily,
    pub ocr_pages: Counter,
    pub ocr_pages_charged: Counter,
    pub jobs_finished: Family<OutcomeLabels, Counter>,
    pub uploads_finalized: Counter,
    pub uploads_finalized_bytes: Counter,
    pub sweeper_actions: Family<ActionLabels, Counter>,
    db_pool: Family<StateLabels, Gauge>,
    jobs_queued: Family<KindLabels, Gauge>,
    jobs_running: Family<KindLabels, Gauge>,
    jobs_oldest_age: Family<KindLabels, Gauge<f64, AtomicU64>>,
    pub dependency_up: Family<DependencyLabels, Gauge>,
    webhook_attempts: Family<WebhookLabels, Counter>,
    webhook_backlog: Gauge,
    /// SQLite's writer: `COMMIT`s and the transactions they committed (group commit).
    db_commits: Counter,
    db_committed: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("coffre");
        let http_requests = Family::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route template and status class",
            http_requests.clone(),
        );
        let http_duration: HistogramFamily = Family::new_with_constructor(|| Histogram::new(LATENCY_BUCKETS));
        registry.register("http_request_duration_seconds", "Time to answer HTTP requests", http_duration.clone());
        let ocr_pages = Counter::default();
        registry.register("ocr_pages", "Pages read by finished OCR jobs", ocr_pages.clone());
        let ocr_pages_charged = Counter::default();
        registry.register("ocr_pages_charged", "OCR page credits charged", ocr_pages_charged.clone());
        let jobs_finished = Family::default();
        registry.register("jobs_finished", "Jobs ended by this process, by kind and outcome", jobs_finished.clone());
        let uploads_finalized = Counter::default();
        registry.register("uploads_finalized", "Uploads finalized (content made available)", uploads_finalized.clone());
        let uploads_finalized_bytes = Counter::default();
        registry.register("uploads_finalized_bytes", "Bytes of finalized uploads", uploads_finalized_bytes.clone());
        let sweeper_actions = Family::default();
        registry.register("sweeper_actions", "Changes made by the sweeper, by action", sweeper_actions.clone());
        let db_pool = Family::default();
        registry.register(
            "db_pool_connections",
            "Database connections in use, idle, and tasks waiting",
            db_pool.clone(),
        );
        let jobs_queued = Family::default();
        registry.register("jobs_queued", "Jobs waiting for a worker (all processes)", jobs_queued.clone());
        let jobs_running = Family::default();
        registry.register("jobs_running", "Jobs claimed by a worker (all processes)", jobs_running.clone());
        let jobs_oldest_age = Family::default();
        registry.register("jobs_oldest_queued_age_seconds", "Age of the oldest queued job", jobs_oldest_age.clone());
        let dependency_up = Family::default();
        registry.register("dependency_up", "1 when the dependency answered its last probe", dependency_up.clone());
        let webhook_attempts = Family::default();
        registry.register(
            "webhook_delivery_attempts",
            "Webhook delivery attempts made by this process, by outcome",
            webhook_attempts.clone(),
        );
        let webhook_backlog = Gauge::default();
        registry.register(
            "webhook_outbox_backlog",
            "Webhook deliveries not yet done: waiting (retries included) or being sent (all processes)",
            webhook_backlog.clone(),
        );
        let db_commits = Counter::default();
        registry.register(
            "db_group_commits",
            "COMMITs of SQLite's write connection, each for a batch of write transactions (0 on PostgreSQL)",
            db_commits.clone(),
        );
        let db_committed = Counter::default();
        registry.register(
            "db_group_committed_transactions",
            "Write transactions committed by those COMMITs (divided by the COMMITs: the mean batch)",
            db_committed.clone(),
        );
        Self {
            registry,
            db_commits,
            db_committed,
            http_requests,
            http_duration,
            ocr_pages,
            ocr_pages_charged,
            jobs_finished,
            uploads_finalized,
            uploads_finalized_bytes,
            sweeper_actions,
            db_pool,
            jobs_queued,
            jobs_running,
            jobs_oldest_age,
            dependency_up,
            webhook_attempts,
            webhook_backlog,
        }
    }

    pub fn webhook_delivered(&self, outcome: &'static str) {
        self.webhook_attempts.get_or_create(&WebhookLabels { outcome }).inc();
    }

    /// Counts one answered request.
    pub fn observe_request(&self, method: &axum::http::Method, route: Option<&str>, status: u16, took: Duration) {
        let labels = HttpLabels {
            method: method_label(method),
            route: route.unwrap_or("unmatched").to_owned(),
            status: status_class(status),
        };
        self.http_duration.get_or_create(&labels).observe(took.as_secs_f64());
        self.http_requests.get_or_create(&labels).inc();
    }

    pub fn job_finished(&self, kind: JobKind, outcome: &'static str) {
        self.jobs_finished.get_or_create(&OutcomeLabels { kind, outcome }).inc();
    }

    pub fn sweeper_action(&self, action: &'static str, count: u64) {
        self.sweeper_actions.get_or_create(&ActionLabels { action }).inc_by(count);
    }

    pub fn set_dependency(&self, dependency: &'static str, up: bool) {
        self.dependency_up.get_or_create(&DependencyLabels { dependency }).set(i64::from(up));
    }

    /// The text exposition, after refreshing the gauges that describe the outside world.
    pub async fn render(&self, app: &App) -> String {
        let pool = app.db().pool_state();
        for (state, value) in [("in_use", pool.in_use), ("idle", pool.idle), ("waiting", pool.waiting)] {
            self.db_pool.get_or_create(&StateLabels { state }).set(value);
        }
        if let Some((commits, committed)) = app.db().group_commits() {
            // Counted by the writer; copied here at each scrape.
            self.db_commits.inner().store(commits, std::sync::atomic::Ordering::Relaxed);
            self.db_committed.inner().store(committed, std::sync::atomic::Ordering::Relaxed);
        }
        let (db_up, store_up) = tokio::join!(
            tokio::time::timeout(SCRAPE_PROBE_TIMEOUT, app.db().ping()),
            tokio::time::timeout(SCRAPE_PROBE_TIMEOUT, app.blob().ping()),
        );
        self.set_dependency("database", matches!(db_up, Ok(Ok(()))));
        self.set_dependency("objectStore", matches!(store_up, Ok(Ok(()))));
        if matches!(db_up, Ok(Ok(()))) {
            self.refresh_queue::<OcrJob>(app, JobKind::ocr).await;
            self.refresh_queue::<Export>(app, JobKind::export).await;
            let backlog = tokio::time::timeout(SCRAPE_PROBE_TIMEOUT, jobs::queue_stats::<Delivery>(app.db())).await;
            if let Ok(Ok(stats)) = backlog {
                self.webhook_backlog.set(stats.queued + stats.running);
            }
        }
        let mut text = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &self.registry) {
            tracing::error!(error = %e, "cannot encode metrics");
        }
        text
    }

    async fn refresh_queue<J: JobTable>(&self, app: &App, kind: JobKind) {
        let stats = tokio::time::timeout(SCRAPE_PROBE_TIMEOUT, jobs::queue_stats::<J>(app.db())).await;
        let Ok(Ok(stats)) = stats else { return };
        let labels = KindLabels { kind };
        self.jobs_queued.get_or_create(&labels).set(stats.queued);
        self.jobs_running.get_or_create(&labels).set(stats.running);
        let now = crate::domain::time::now_millis();
        let age = stats.oldest_queued_at.map_or(0.0, |at| (now - at).max(0) as f64 / 1000.0);
        self.jobs_oldest_age.get_or_create(&labels).set(age);
    }
}

/// The classic Prometheus text format from OpenMetrics text: a counter's `HELP` and `TYPE`
/// name its samples (`x_total`, not `x`), and there is no `# UNIT` or `# EOF`.
pub fn to_prometheus_text(openmetrics: &str) -> String {
    let counters: std::collections::HashSet<&str> =
        openmetrics.lines().filter_map(|l| l.strip_prefix("# TYPE ")?.strip_suffix(" counter")).collect();
    let mut out = String::with_capacity(openmetrics.len());
    for line in openmetrics.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        let meta = ["# HELP ", "# TYPE "].into_iter().find_map(|p| Some((p, line.strip_prefix(p)?)));
        match meta {
            Some((prefix, rest)) => {
                let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                let suffix = if counters.contains(name) { "_total" } else { "" };
                out.push_str(&format!("{prefix}{name}{suffix} {tail}"));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method as M;
    match *method {
        M::GET => "GET",
        M::HEAD => "HEAD",
        M::POST => "POST",
        M::PUT => "PUT",
        M::PATCH => "PATCH",
        M::DELETE => "DELETE",
        M::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

fn status_class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prometheus_text_names_counters_by_their_samples() {
        let om = "# HELP a_requests Requests.\n# TYPE a_requests counter\na_requests_total{x=\"1\"} 2\n\
                  # HELP b Gauge.\n# TYPE b gauge\nb 1\n# EOF\n";

        let text = to_prometheus_text(om);

        assert_eq!(
            text,
            "# HELP a_requests_total Requests.\n# TYPE a_requests_total counter\na_requests_total{x=\"1\"} 2\n\
             # HELP b Gauge.\n# TYPE b gauge\nb 1\n"
        );
    }
}
