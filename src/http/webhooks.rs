//! Webhook endpoints of an organization, their secrets, delivery log and manual redelivery.
//! The secret is returned at creation and at rotation, never again.

use axum::extract::{OriginalUri, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, ApiQuery, Auth};
use super::guard::{begin_org_write, commit};
use super::years::OrgPath;
use crate::app::App;
use crate::audit::{self, Event};
use crate::db::webhooks::{self as db, Attempt, Delivery, Endpoint};
use crate::db::Tx;
use crate::domain::new_id;
use crate::domain::time::{now_millis, rfc3339};
use crate::webhooks::target::{self, TargetError};
use crate::webhooks::{sign, EventType};

/// Endpoints an organization may have.
pub const MAX_ENDPOINTS: i64 = 20;
const MAX_DESCRIPTION_CHARS: usize = 200;

#[derive(Debug, Deserialize)]
pub struct WebhookPath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
    #[serde(rename = "idWebhook")]
    pub id_webhook: String,
}

#[derive(Debug, Deserialize)]
pub struct DeliveryPath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
    #[serde(rename = "idWebhook")]
    pub id_webhook: String,
    #[serde(rename = "idDelivery")]
    pub id_delivery: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateWebhook {
    /// Where events are POSTed: `https://` (or `http://`), without credentials. Its host must
    /// resolve to public addresses unless the server allows private ones. (IPv6 literals and
    /// any port are accepted too; the pattern states the common forms.)
    #[schema(
        max_length = 2048,
        pattern = r"^https?://(((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])|([A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*)(:[0-9]{1,4})?([/?#]\S*)?$"
    )]
    pub url: String,
    /// Event types to send (default: all of them).
    #[schema(min_items = 1)]
    pub events: Option<Vec<EventType>>,
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1f\x7f-\x9f]*$")]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateWebhook {
    #[schema(
        max_length = 2048,
        pattern = r"^https?://(((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])|([A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*)(:[0-9]{1,4})?([/?#]\S*)?$"
    )]
    pub url: Option<String>,
    #[schema(min_items = 1)]
    pub events: Option<Vec<EventType>>,
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1f\x7f-\x9f]*$")]
    pub description: Option<String>,
    /// `true` re-enables an endpoint disabled after a 410 answer; `false` pauses it (events
    /// that occur meanwhile are not sent later).
    pub enabled: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookDto {
    pub id: String,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub enabled: bool,
    /// Why it is disabled: `gone` (the receiver answered 410) or `manual`.
    pub disabled_reason: Option<String>,
    /// Until when deliveries are also signed with the secret before the last rotation.
    pub previous_secret_expires_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// An endpoint with its signing secret: only in the answer that created it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedWebhookDto {
    #[serde(flatten)]
    pub webhook: WebhookDto,
    /// `whsec_` and the base64 of 32 random bytes: verify signatures with it. Shown once.
    pub secret: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RotatedSecretDto {
    /// The new secret. Shown once.
    pub secret: String,
    /// Until then, deliveries carry a signature with the previous secret too.
    pub previous_secret_expires_at: String,
}

/// One delivery attempt.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryDto {
    pub id: String,
    /// The event's id, also the `webhook-id` header (the same for every attempt).
    pub id_event: String,
    pub event_type: String,
    /// 1 for the first attempt of a delivery, 2 for its first retry, ...
    pub attempt: i64,
    pub attempted_at: String,
    pub duration_ms: i64,
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<i64>,
    pub success: bool,
    /// Why it failed: `http_status`, `redirect` (3xx, never followed), `gone` (410: the
    /// endpoint was disabled), `timeout`, `connect`, `blocked_address`, `request`.
    pub error_class: Option<String>,
    /// The first 256 characters of the receiver's answer.
    pub response_excerpt: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RedeliveryDto {
    pub id_event: String,
    /// `queued`: sent again shortly, with a fresh retry schedule.
    pub status: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// Page size, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// Attempts older than this attempt id (the next page's `Link` sets it).
    pub before: Option<String>,
}

fn dto(e: Endpoint) -> WebhookDto {
    let previous = e.previous_until.filter(|until| *until > now_millis()).map(rfc3339);
    WebhookDto {
        id: e.id,
        url: e.url,
        description: e.description,
        events: e.events.iter().filter_map(|name| EventType::parse(name)).collect(),
        enabled: e.enabled,
        disabled_reason: e.disabled_reason,
        previous_secret_expires_at: previous,
        created_at: rfc3339(e.created_at),
        updated_at: rfc3339(e.updated_at),
    }
}

fn delivery_dto(a: Attempt) -> DeliveryDto {
    DeliveryDto {
        id: a.id,
        id_event: a.id_event,
        event_type: a.event_type,
        attempt: a.attempt,
        attempted_at: rfc3339(a.attempted_at),
        duration_ms: a.duration_ms,
        status_code: a.status_code,
        success: a.success,
        error_class: a.error_class,
        response_excerpt: a.response_excerpt,
    }
}

/// Checks the URL's shape and where it resolves to now.
async fn checked_url(app: &App, raw: &str) -> Result<String, ApiError> {
    match target::check(raw.trim(), app.config().webhooks_allow_private).await {
        Ok(url) => Ok(url.to_string()),
        Err(TargetError::Invalid) => Err(ApiError::invalid("url", TargetError::Invalid)),
        Err(TargetError::Unresolvable) => Err(ApiError::WebhookUrlRefused { reason: "unresolvable" }),
        Err(TargetError::Forbidden) => Err(ApiError::WebhookUrlRefused { reason: "non_public_address" }),
    }
}

fn event_names(events: Option<Vec<EventType>>) -> Result<Vec<String>, ApiError> {
    let events = events.unwrap_or_else(|| EventType::ALL.to_vec());
    if events.is_empty() {
        return Err(ApiError::invalid("events", "must list at least one event type"));
    }
    // In the catalogue's order, each once.
    Ok(EventType::ALL.iter().filter(|e| events.contains(e)).map(|e| e.name().to_owned()).collect())
}

fn description(raw: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(text) = raw else { return Ok(None) };
    if text.chars().count() > MAX_DESCRIPTION_CHARS || text.chars().any(char::is_control) {
        return Err(ApiError::invalid("description", "at most 200 characters, without control characters"));
    }
    Ok(Some(text.trim().to_owned()))
}

async fn record(tx: &mut Tx, auth: &Auth, action: &'static str, e: &Endpoint) -> Result<(), ApiError> {
    let details = json!({"idWebhook": e.id, "url": e.url, "events": e.events, "enabled": e.enabled});
    audit::record(tx, &e.id_organization, &auth.actor(), Event::new(action).details(details)).await?;
    Ok(())
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/webhooks", tag = "webhooks",
    params(("idOrganization" = String, Path)), request_body = CreateWebhook,
    responses((status = 201, body = CreatedWebhookDto),
        (status = 404, body = Problem),
        (status = 409, description = "webhook_limit_reached: 20 endpoints already", body = Problem),
        (status = 422, description = "webhook_url_refused: the host does not resolve, or resolves to a non-public address", body = Problem)))]
pub async fn create_webhook(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
    ApiJson(body): ApiJson<CreateWebhook>,
) -> Result<(StatusCode, Json<CreatedWebhookDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    let events = event_names(body.events)?;
    let description = description(body.description)?.unwrap_or_default();
    let url = checked_url(&app, &body.url).await?;
    let now = now_millis();
    let endpoint = Endpoint {
        id: new_id(),
        id_organization: path.id_organization.clone(),
        url,
        description,
        events,
        secret: sign::new_secret(),
        previous_secret: None,
        previous_until: None,
        enabled: true,
        disabled_reason: None,
        created_at: now,
        updated_at: now,
    };
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    if db::count_endpoints(&mut tx, &path.id_organization).await? >= MAX_ENDPOINTS {
        return Err(ApiError::WebhookLimitReached { max: MAX_ENDPOINTS });
    }
    db::insert_endpoint(&mut tx, &endpoint).await?;
    record(&mut tx, &auth, "webhook.create", &endpoint).await?;
    commit(tx).await?;
    let secret = endpoint.secret.clone();
    Ok((StatusCode::CREATED, Json(CreatedWebhookDto { webhook: dto(endpoint), secret })))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/webhooks", tag = "webhooks",
    params(("idOrganization" = String, Path)),
    responses((status = 200, body = [WebhookDto]), (status = 404, body = Problem)))]
pub async fn list_webhooks(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
) -> Result<Json<Vec<WebhookDto>>, ApiError> {
    auth.check_org(&path.id_organization)?;
    let endpoints = db::list_endpoints(app.db(), &path.id_organization).await?;
    Ok(Json(endpoints.into_iter().map(dto).collect()))
}

async fn load(app: &App, auth: &Auth, path: &WebhookPath) -> Result<Endpoint, ApiError> {
    auth.check_org(&path.id_organization)?;
    let found = db::get_endpoint(app.db(), &path.id_organization, &path.id_webhook).await?;
    found.ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/webhooks/{idWebhook}", tag = "webhooks",
    params(("idOrganization" = String, Path), ("idWebhook" = String, Path)),
    responses((status = 200, body = WebhookDto), (status = 404, body = Problem)))]
pub async fn get_webhook(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<WebhookPath>,
) -> Result<Json<WebhookDto>, ApiError> {
    Ok(Json(dto(load(&app, &auth, &path).await?)))
}

#[utoipa::path(patch, path = "/organizations/{idOrganization}/webhooks/{idWebhook}", tag = "webhooks",
    params(("idOrganization" = String, Path), ("idWebhook" = String, Path)), request_body = UpdateWebhook,
    responses((status = 200, body = WebhookDto), (status = 404, body = Problem),
        (status = 422, description = "webhook_url_refused", body = Problem)))]
pub async fn update_webhook(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<WebhookPath>,
    ApiJson(body): ApiJson<UpdateWebhook>,
) -> Result<Json<WebhookDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    let events = body.events.map(|e| event_names(Some(e))).transpose()?;
    let description = description(body.description)?;
    let url = match &body.url {
        Some(raw) => Some(checked_url(&app, raw).await?),
        None => None,
    };
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let found = db::get_endpoint_in(&mut tx, &path.id_organization, &path.id_webhook).await?;
    let mut endpoint = found.ok_or(ApiError::NotFound)?;
    endpoint.url = url.unwrap_or(endpoint.url);
    endpoint.events = events.unwrap_or(endpoint.events);
    endpoint.description = description.unwrap_or(endpoint.description);
    if let Some(enabled) = body.enabled {
        endpoint.disabled_reason = (!enabled).then(|| "manual".to_owned());
        endpoint.enabled = enabled;
    }
    endpoint.updated_at = now_millis();
    db::update_endpoint(&mut tx, &endpoint).await?;
    record(&mut tx, &auth, "webhook.update", &endpoint).await?;
    commit(tx).await?;
    Ok(Json(dto(endpoint)))
}

#[utoipa::path(delete, path = "/organizations/{idOrganization}/webhooks/{idWebhook}", tag = "webhooks",
    params(("idOrganization" = String, Path), ("idWebhook" = String, Path)),
    responses((status = 204, description = "Deleted, with its pending deliveries and its log"),
        (status = 404, body = Problem)))]
pub async fn delete_webhook(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<WebhookPath>,
) -> Result<StatusCode, ApiError> {
    auth.check_write(&path.id_organization)?;
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let found = db::get_endpoint_in(&mut tx, &path.id_organization, &path.id_webhook).await?;
    let endpoint = found.ok_or(ApiError::NotFound)?;
    db::delete_endpoint(&mut tx, &path.id_organization, &endpoint.id).await?;
    record(&mut tx, &auth, "webhook.delete", &endpoint).await?;
    commit(tx).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/webhooks/{idWebhook}/rotate-secret", tag = "webhooks",
    params(("idOrganization" = String, Path), ("idWebhook" = String, Path)),
    responses((status = 200, body = RotatedSecretDto), (status = 404, body = Problem)))]
pub async fn rotate_secret(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<WebhookPath>,
) -> Result<Json<RotatedSecretDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let found = db::get_endpoint_in(&mut tx, &path.id_organization, &path.id_webhook).await?;
    let endpoint = found.ok_or(ApiError::NotFound)?;
    let (secret, now) = (sign::new_secret(), now_millis());
    let until = now + (app.config().webhooks_secret_grace_secs as i64).saturating_mul(1000);
    db::rotate_secret(&mut tx, &endpoint.id, &secret, until, now).await?;
    record(&mut tx, &auth, "webhook.rotate_secret", &endpoint).await?;
    commit(tx).await?;
    Ok(Json(RotatedSecretDto { secret, previous_secret_expires_at: rfc3339(until) }))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/webhooks/{idWebhook}/deliveries", tag = "webhooks",
    params(("idOrganization" = String, Path), ("idWebhook" = String, Path), DeliveriesQuery),
    responses((status = 200, description = "Delivery attempts, newest first", body = [DeliveryDto],
            headers(("Link" = String, description = "rel=\"next\" when older attempts follow"))),
        (status = 404, body = Problem)))]
pub async fn list_deliveries(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<WebhookPath>,
    ApiQuery(query): ApiQuery<DeliveriesQuery>,
    OriginalUri(uri): OriginalUri,
) -> Result<(HeaderMap, Json<Vec<DeliveryDto>>), ApiError> {
    let endpoint = load(&app, &auth, &path).await?;
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be between 1 and 200"));
    }
    let mut attempts = db::list_attempts(app.db(), &endpoint.id, query.before.as_deref(), limit + 1).await?;
    let mut headers = HeaderMap::new();
    if attempts.len() as i64 > limit {
        attempts.truncate(limit as usize);
        let last = attempts.last().map(|a| a.id.clone()).unwrap_or_default();
        let link = format!("<{}?limit={limit}&before={last}>; rel=\"next\"", uri.path());
        if let Ok(value) = HeaderValue::from_str(&link) {
            headers.insert(header::LINK, value);
        }
    }
    Ok((headers, Json(attempts.into_iter().map(delivery_dto).collect())))
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/webhooks/{idWebhook}/deliveries/{idDelivery}/redeliver", tag = "webhooks",
    params(("idOrganization" = String, Path), ("idWebhook" = String, Path), ("idDelivery" = String, Path)),
    responses((status = 202, description = "The attempt's event is queued for this endpoint again", body = RedeliveryDto),
        (status = 404, body = Problem), (status = 409, description = "webhook_disabled", body = Problem)))]
pub async fn redeliver(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<DeliveryPath>,
) -> Result<(StatusCode, Json<RedeliveryDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let found = db::get_endpoint_in(&mut tx, &path.id_organization, &path.id_webhook).await?;
    let endpoint = found.ok_or(ApiError::NotFound)?;
    let attempt = db::get_attempt(&mut tx, &endpoint.id, &path.id_delivery).await?.ok_or(ApiError::NotFound)?;
    if !endpoint.enabled {
        return Err(ApiError::WebhookDisabled);
    }
    let now = now_millis();
    let delivery = Delivery {
        id: new_id(),
        id_organization: endpoint.id_organization.clone(),
        id_endpoint: endpoint.id.clone(),
        id_event: attempt.id_event.clone(),
        status: db::QUEUED.into(),
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
    };
    db::queue_redelivery(&mut tx, &delivery).await?;
    commit(tx).await?;
    app.ocr_wake().notify_waiters();
    Ok((StatusCode::ACCEPTED, Json(RedeliveryDto { id_event: attempt.id_event, status: db::QUEUED.into() })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_documented_url_pattern_accepts_only_urls_that_parse() {
        let config = Config::embedded("/nonexistent".into(), "127.0.0.1:0".parse().unwrap());
        let doc = crate::http::openapi::document(&config);
        let pattern = doc["components"]["schemas"]["CreateWebhook"]["properties"]["url"]["pattern"].as_str().unwrap();
        let pattern = regex::Regex::new(pattern).unwrap();
        for url in ["https://hooks.example.com/coffre?x=1", "http://1.2.3.4:8080/", "http://a-b.c/é", "http://x#y"] {
            assert!(pattern.is_match(url) && target::parse(url).is_ok(), "{url}");
        }
        let description =
            doc["components"]["schemas"]["CreateWebhook"]["properties"]["description"]["pattern"].as_str();
        let description = regex::Regex::new(description.unwrap()).unwrap();
        assert!(
            description.is_match("Comptabilité, été")
                && !description.is_match("a\u{7}")
                && !description.is_match("\u{8b}")
        );
        for url in ["http://", "http://1.2.3.4.5/", "http://999.1.1.1/", "http://u@h/", "http://h:99999/", "ftp://h/"] {
            assert!(!pattern.is_match(url), "{url}");
        }
    }
}
