//! Liveness and readiness.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::App;

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// `ok` when every dependency answers, else `unavailable`.
    pub status: &'static str,
    pub checks: Vec<Check>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Check {
    /// `database` or `objectStore`.
    pub name: &'static str,
    pub status: &'static str,
}

#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, body = Health)))]
pub async fn get_health() -> Json<Health> {
    Json(Health { status: "ok" })
}

#[utoipa::path(get, path = "/readyz", tag = "health",
    responses((status = 200, body = Readiness), (status = 503, body = Readiness)))]
pub async fn get_readiness(State(app): State<App>) -> (StatusCode, Json<Readiness>) {
    let (database, store) = tokio::join!(app.db().ping(), app.blob().ping());
    let database = database.map_err(|e| tracing::warn!(error = %e, "readiness: database"));
    let store = store.map_err(|e| tracing::warn!(error = %e, "readiness: object store"));
    let status = |ok: bool| if ok { "ok" } else { "unavailable" };
    let all_ok = database.is_ok() && store.is_ok();
    app.metrics().set_dependency("database", database.is_ok());
    app.metrics().set_dependency("objectStore", store.is_ok());
    let body = Readiness {
        status: status(all_ok),
        checks: vec![
            Check { name: "database", status: status(database.is_ok()) },
            Check { name: "objectStore", status: status(store.is_ok()) },
        ],
    };
    let code = if all_ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (code, Json(body))
}
