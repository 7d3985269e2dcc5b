//! The HTTP server: the JSON API and the embedded object endpoint on one listener, the
//! background sweeper beside them, graceful shutdown.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use tokio::net::TcpListener;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::app::{App, StartError};
use futures_util::future::BoxFuture;

use crate::blob::{endpoint, BlobStore, ObjectKey};
use crate::config::{Config, MAX_UPLOAD_BYTES};
use crate::db::{deletions, files};
use crate::http::observe;
use crate::{http, jobs};

pub struct Server {
    listener: TcpListener,
    app: App,
}

impl Server {
    /// Binds the listen address (port 0 picks a free port) and builds the app. Presigned
    /// URLs point at `public_url`, or at the bound address.
    pub async fn bind(config: Config) -> Result<Self, StartError> {
        config.validate().map_err(StartError::Config)?;
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let public = config.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
        let app = App::build(config, public).await?;
        Ok(Self { listener, app })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// Serves until `shutdown` completes, then stops accepting and lets in-flight requests
    /// finish for at most `--shutdown-timeout`. Background work is told to stop at once and
    /// given the same bound; a job cut short keeps its lease until it lapses, then another
    /// worker resumes it.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let grace = Duration::from_secs(self.app.config().shutdown_timeout_secs);
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let stopped = move || {
            let mut rx = stop_rx.clone();
            async move {
                let _ = rx.wait_for(|stop| *stop).await;
            }
        };
        let background = tokio::spawn(jobs::run(self.app.clone(), stopped()));
        let metrics = self.spawn_metrics_listener(stopped()).await?;
        let router = router(self.app.clone());
        let signalled = async move {
            shutdown.await;
            let _ = stop_tx.send(true);
        };
        let served = axum::serve(self.listener, router).with_graceful_shutdown(signalled).into_future();
        tokio::pin!(served);
        let deadline = async {
            stopped().await;
            tokio::time::sleep(grace).await;
        };
        let started = Instant::now();
        let served = tokio::select! {
            served = &mut served => served,
            () = deadline => {
                tracing::warn!("connections still open after {grace:?}; stopping anyway");
                Ok(())
            }
        };
        // Requests whose client hung up may still be running: let them commit or roll back.
        self.app.requests().close();
        let left = grace.saturating_sub(started.elapsed());
        if tokio::time::timeout(left, self.app.requests().wait()).await.is_err() {
            tracing::warn!("requests still running after {grace:?}; stopping anyway");
        }
        let _ = background.await;
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        close_db(&self.app).await;
        served
    }

    /// Serves `/metrics` alone on `--metrics-listen`, when set.
    async fn spawn_metrics_listener(
        &self,
        stopped: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<Option<tokio::task::JoinHandle<()>>> {
        let (true, Some(addr)) = (self.app.config().metrics, self.app.config().metrics_listen) else {
            return Ok(None);
        };
        let listener = TcpListener::bind(addr).await?;
        let router =
            Router::new().route("/metrics", axum::routing::get(observe::get_metrics)).with_state(self.app.clone());
        Ok(Some(tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).with_graceful_shutdown(stopped).await {
                tracing::error!(error = %e, "metrics listener failed");
            }
        })))
    }
}

/// Closes the pool, not waiting for connections held by requests that never ended.
pub async fn close_db(app: &App) {
    let _ = tokio::time::timeout(Duration::from_secs(1), app.db().close()).await;
}

/// Every route of the server.
pub fn router(app: App) -> Router {
    let cors = cors_layer(&app.config().cors_origins);
    let objects = match app.blob() {
        BlobStore::Local(store) => {
            let gate = std::sync::Arc::new(UploadGate(app.clone()));
            Some(endpoint::router(store.clone(), MAX_UPLOAD_BYTES, gate))
        }
        BlobStore::S3(_) => None,
    };
    let requests = app.requests().clone();
    let measured = app.config().metrics;
    let router = http::router(app.clone()).merge(crate::web::router(app.clone()));
    let router = match objects {
        Some(objects) => router.merge(objects),
        None => router,
    };
    let router = router.layer(axum::middleware::from_fn_with_state(requests, run_to_completion)).layer(cors);
    let router = if measured {
        router.layer(axum::middleware::from_fn_with_state(app, observe::record_metrics))
    } else {
        router
    };
    // Internal errors and outages are logged once by `ApiError`; the trace layer logs each
    // request's outcome.
    let trace = TraceLayer::new_for_http()
        .make_span_with(observe::request_span)
        .on_request(())
        .on_response(DefaultOnResponse::new().level(Level::INFO))
        .on_failure(());
    router.layer(trace).layer(axum::middleware::from_fn(observe::request_id))
}

/// Runs the rest of the request in a task of its own. A client that hangs up makes hyper
/// drop the request's future; without this, a handler dropped between `BEGIN` and `COMMIT`
/// would leave its transaction to whatever the driver does on drop. Here the handler, and
/// every transaction it opened, runs to its commit or rollback whatever the client does;
/// only the response is thrown away.
async fn run_to_completion(
    axum::extract::State(tasks): axum::extract::State<tokio_util::task::TaskTracker>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let id = request.extensions().get::<observe::RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let span = tracing::Span::current();
    let handler = observe::CURRENT.scope(id, tracing::Instrument::instrument(next.run(request), span));
    match tasks.spawn(handler).await {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "request task failed");
            axum::response::IntoResponse::into_response(http::error::ApiError::Internal("request task failed".into()))
        }
    }
}

/// The embedded endpoint's questions, answered from the database.
struct UploadGate(App);

impl endpoint::ObjectGate for UploadGate {
    fn may_put<'a>(&'a self, key: &'a ObjectKey, upload_id: &'a str) -> BoxFuture<'a, Result<bool, String>> {
        Box::pin(async move {
            let now = crate::domain::time::now_millis();
            files::is_live_upload(self.0.db(), key.id_file(), key.as_str(), upload_id, now)
                .await
                .map_err(|e| e.to_string())
        })
    }

    fn deleted<'a>(&'a self, key: &'a ObjectKey) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            if let Err(e) = deletions::complete(self.0.db(), key.as_str()).await {
                tracing::warn!(error = %e, key = key.as_str(), "deleted object not recorded; the sweeper will");
            }
        })
    }
}

/// Lets the configured browser origins call the API and PUT to presigned URLs. Preflight
/// requests are answered here, before any authentication or signature check.
fn cors_layer(origins: &[String]) -> CorsLayer {
    use axum::http::{header, HeaderName, HeaderValue, Method};
    let allow_origin = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_methods([Method::GET, Method::HEAD, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([header::LINK, header::CONTENT_DISPOSITION, HeaderName::from_static("etag")])
        .max_age(std::time::Duration::from_secs(3600))
}

/// Completes on SIGINT or SIGTERM. The handlers are installed at once, not when the future is
/// first polled: a signal that arrives during start-up is not lost to the default action.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{signal, SignalKind};
        (signal(SignalKind::terminate()).ok(), signal(SignalKind::interrupt()).ok())
    };
    async move {
        #[cfg(unix)]
        {
            let (terminate, interrupt) = signals;
            tokio::select! {
                () = next_signal(terminate) => {},
                () = next_signal(interrupt) => {},
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down");
    }
}

#[cfg(unix)]
async fn next_signal(signal: Option<tokio::signal::unix::Signal>) {
    match signal {
        Some(mut signal) => {
            signal.recv().await;
        }
        None => std::future::pending::<()>().await,
    }
}
