//! Fiscal years.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, Auth};
use super::guard::{begin_org_write, commit};
use crate::app::App;
use crate::audit::{self, Event};
use crate::db::years::{self, Year};
use crate::domain::time::{now_millis, rfc3339};
use crate::domain::{new_id, DocDate, Label};
use serde_json::json;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateYear {
    pub label: String,
    /// First day, `YYYY-MM-DD`.
    pub starting_at: String,
    /// Last day, `YYYY-MM-DD`, after `startingAt`.
    pub ending_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct YearDto {
    pub id: String,
    pub id_organization: String,
    pub label: String,
    pub starting_at: String,
    pub ending_at: String,
    pub closed: bool,
    pub closed_at: Option<String>,
    pub created_at: String,
}

impl From<Year> for YearDto {
    fn from(y: Year) -> Self {
        Self {
            id: y.id,
            id_organization: y.id_organization,
            label: y.label,
            starting_at: y.starting_at,
            ending_at: y.ending_at,
            closed: y.closed,
            closed_at: y.closed_at.map(rfc3339),
            created_at: rfc3339(y.created_at),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct OrgPath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
}

#[derive(Debug, Deserialize)]
pub struct YearPath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
    #[serde(rename = "idYear")]
    pub id_year: String,
}

/// Loads the year named by the path, or 404 if it is not the caller's.
pub async fn load_year(app: &App, auth: &Auth, id_organization: &str, id_year: &str) -> Result<Year, ApiError> {
    auth.check_org(id_organization)?;
    years::get(app.db(), id_organization, id_year).await?.ok_or(ApiError::NotFound)
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years", tag = "years",
    params(("idOrganization" = String, Path)),
    request_body = CreateYear,
    responses((status = 201, body = YearDto), (status = 400, body = Problem), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn create_year(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
    ApiJson(body): ApiJson<CreateYear>,
) -> Result<(StatusCode, Json<YearDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    let label = Label::parse(&body.label).map_err(|e| ApiError::invalid("label", e))?;
    let start = DocDate::parse(&body.starting_at).map_err(|e| ApiError::invalid("startingAt", e))?;
    let end = DocDate::parse(&body.ending_at).map_err(|e| ApiError::invalid("endingAt", e))?;
    if start >= end {
        return Err(ApiError::invalid("endingAt", "must be after startingAt"));
    }
    let year = Year {
        id: new_id(),
        id_organization: path.id_organization,
        label: label.into_inner(),
        starting_at: start.to_iso(),
        ending_at: end.to_iso(),
        closed: false,
        closed_at: None,
        created_at: now_millis(),
    };
    let mut tx = begin_org_write(&app, &year.id_organization).await?;
    years::insert(&mut tx, &year).await?;
    let details = json!({"label": year.label, "startingAt": year.starting_at, "endingAt": year.ending_at});
    audit::record(
        &mut tx,
        &year.id_organization,
        &auth.actor(),
        Event::new("year.create").year(&year.id).details(details),
    )
    .await?;
    commit(tx).await?;
    Ok((StatusCode::CREATED, Json(year.into())))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years", tag = "years",
    params(("idOrganization" = String, Path)),
    responses((status = 200, body = [YearDto]), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn list_years(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
) -> Result<Json<Vec<YearDto>>, ApiError> {
    auth.check_org(&path.id_organization)?;
    let list = years::list(app.db(), &path.id_organization).await?;
    Ok(Json(list.into_iter().map(YearDto::from).collect()))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}", tag = "years",
    params(("idOrganization" = String, Path), ("idYear" = String, Path)),
    responses((status = 200, body = YearDto), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn get_year(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
) -> Result<Json<YearDto>, ApiError> {
    let year = load_year(&app, &auth, &path.id_organization, &path.id_year).await?;
    Ok(Json(year.into()))
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/close", tag = "years",
    params(("idOrganization" = String, Path), ("idYear" = String, Path)),
    responses((status = 200, description = "Closed (closing a closed year changes nothing)", body = YearDto),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn close_year(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
) -> Result<Json<YearDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let mut year = years::get_in(&mut tx, &path.id_organization, &path.id_year).await?.ok_or(ApiError::NotFound)?;
    if !year.closed {
        let now = now_millis();
        years::set_closed(&mut tx, &year.id, Some(now)).await?;
        audit::record(&mut tx, &year.id_organization, &auth.actor(), Event::new("year.close").year(&year.id)).await?;
        let subject = crate::webhooks::Subject::year(&year.id);
        crate::webhooks::emit(&mut tx, &year.id_organization, crate::webhooks::EventType::YearClosed, subject).await?;
        year.closed = true;
        year.closed_at = Some(now);
    }
    commit(tx).await?;
    app.ocr_wake().notify_waiters();
    Ok(Json(year.into()))
}
