//! The HTTP server: the JSON API and the embedded object endpoint on one listener, the
//! background sweeper beside them, graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::app::{App, StartError};
use futures_util::future::BoxFuture;

use crate::blob::{endpoint, BlobStore, ObjectKey};
use crate::config::{Config, MAX_UPLOAD_BYTES};
use crate::db::{deletions, files};
use crate::{http, jobs};

/// How long shutdown waits for requests still running.
const REQUEST_DRAIN: std::time::Duration = std::time::Duration::from_secs(30);

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

    /// Serves until `shutdown` completes, then lets in-flight requests finish.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let background = tokio::spawn(jobs::run(self.app.clone(), async {
            let _ = stop_rx.await;
        }));
        let router = router(self.app.clone());
        let served = axum::serve(self.listener, router).with_graceful_shutdown(shutdown).await;
        // Requests whose client hung up may still be running: let them commit or roll back.
        self.app.requests().close();
        if tokio::time::timeout(REQUEST_DRAIN, self.app.requests().wait()).await.is_err() {
            tracing::warn!("requests still running after {REQUEST_DRAIN:?}; stopping anyway");
        }
        let _ = stop_tx.send(());
        let _ = background.await;
        served
    }
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
    let router = http::router(app.clone()).merge(crate::web::router(app));
    let router = match objects {
        Some(objects) => router.merge(objects),
        None => router,
    };
    router
        .layer(axum::middleware::from_fn_with_state(requests, run_to_completion))
        .layer(cors)
        .layer(TraceLayer::new_for_http())
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
    match tasks.spawn(next.run(request)).await {
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

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
