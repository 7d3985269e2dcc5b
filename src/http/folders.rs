//! Folders: a tree per fiscal year.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, Auth};
use super::guard::{begin_write, commit, lock_org_year, writable_year, Locking};
use super::patch::Patch;
use super::years::{load_year, YearPath};
use crate::app::App;
use crate::audit::{self, Event};
use crate::db::folders::{self, Folder};
use crate::db::Tx;
use crate::domain::time::{now_millis, rfc3339};
use crate::domain::{new_id, FolderName};
use serde_json::json;

/// Folders nest at most this deep (a root folder has depth 1).
pub const MAX_DEPTH: i64 = 32;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CreateFolder {
    pub name: String,
    /// The parent folder; absent or null for the year's top level.
    pub id_folder_parent: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateFolder {
    /// Must equal the path's folder id if given.
    pub id_folder: Option<String>,
    pub name: Option<String>,
    /// A folder to move under, or `null` to move to the top level.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub id_folder_parent: Patch<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FolderDto {
    pub id: String,
    pub id_organization: String,
    pub id_year: String,
    pub id_folder_parent: Option<String>,
    pub name: String,
    pub created_at: String,
    pub last_updated_at: String,
}

impl From<Folder> for FolderDto {
    fn from(f: Folder) -> Self {
        Self {
            id: f.id,
            id_organization: f.id_organization,
            id_year: f.id_year,
            id_folder_parent: f.id_parent,
            name: f.name,
            created_at: rfc3339(f.created_at),
            last_updated_at: rfc3339(f.last_updated_at),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct FolderPath {
    #[serde(rename = "idOrganization")]
    pub id_organization: String,
    #[serde(rename = "idYear")]
    pub id_year: String,
    #[serde(rename = "idFolder")]
    pub id_folder: String,
}

/// The audited form of a folder.
fn snapshot(folder: &Folder) -> serde_json::Value {
    json!({"name": folder.name, "idFolderParent": folder.id_parent})
}

fn parse_name(raw: &str) -> Result<FolderName, ApiError> {
    FolderName::parse(raw).map_err(|e| ApiError::invalid("name", e))
}

/// Saves with `save`, turning a sibling-name collision into 409 `name_taken`.
fn name_conflict(e: crate::db::DbError) -> ApiError {
    if e.is_unique_violation() {
        ApiError::NameTaken
    } else if e.is_foreign_key_violation() {
        // The parent folder was deleted since it was read.
        ApiError::NotFound
    } else {
        e.into()
    }
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/folders", tag = "folders",
    params(("idOrganization" = String, Path), ("idYear" = String, Path)),
    request_body = CreateFolder,
    responses((status = 201, body = FolderDto), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "name_taken, folder_too_deep", body = Problem)))]
pub async fn create_folder(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
    ApiJson(body): ApiJson<CreateFolder>,
) -> Result<(StatusCode, Json<FolderDto>), ApiError> {
    auth.check_write(&path.id_organization)?;
    let name = parse_name(&body.name)?;
    // Read and validate first; the organization's lock is taken before the tree is checked.
    let mut tx = begin_write(&app).await?;
    let year = writable_year(&mut tx, &path.id_organization, &path.id_year).await?;
    if let Some(parent) = &body.id_folder_parent {
        folders::get_in(&mut tx, &year.id_organization, &year.id, parent).await?.ok_or(ApiError::NotFound)?;
    }
    // The lock, with the year's open state re-checked under it (it may have closed meanwhile).
    lock_org_year(&app, &mut tx, &path.id_organization, &path.id_year).await?;
    if let Some(parent) = &body.id_folder_parent {
        // Under the lock: a concurrent move cannot change the depth checked here.
        let depth = folders::ancestors(&mut tx, parent).await?.len() as i64 + 1;
        if depth > MAX_DEPTH {
            return Err(ApiError::FolderTooDeep { max: MAX_DEPTH });
        }
    }
    let now = now_millis();
    let folder = Folder {
        id: new_id(),
        id_organization: year.id_organization,
        id_year: year.id,
        id_parent: body.id_folder_parent,
        name_key: name.unique_key(),
        name: name.into_inner(),
        created_at: now,
        last_updated_at: now,
    };
    folders::insert(&mut tx, &folder).await.map_err(name_conflict)?;
    let event = Event::new("folder.create").year(&folder.id_year).folder(&folder.id).details(snapshot(&folder));
    audit::record(&mut tx, &folder.id_organization, &auth.actor(), event).await?;
    commit(tx).await?;
    Ok((StatusCode::CREATED, Json(folder.into())))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/folders", tag = "folders",
    params(("idOrganization" = String, Path), ("idYear" = String, Path)),
    responses((status = 200, body = [FolderDto]), (status = 404, body = Problem)))]
pub async fn list_folders(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<YearPath>,
) -> Result<Json<Vec<FolderDto>>, ApiError> {
    let year = load_year(&app, &auth, &path.id_organization, &path.id_year).await?;
    let list = folders::list(app.db(), &year.id_organization, &year.id).await?;
    Ok(Json(list.into_iter().map(FolderDto::from).collect()))
}

#[utoipa::path(get, path = "/organizations/{idOrganization}/years/{idYear}/folders/{idFolder}", tag = "folders",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFolder" = String, Path)),
    responses((status = 200, body = FolderDto), (status = 404, body = Problem)))]
pub async fn get_folder(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FolderPath>,
) -> Result<Json<FolderDto>, ApiError> {
    auth.check_org(&path.id_organization)?;
    let folder = folders::get(app.db(), &path.id_organization, &path.id_year, &path.id_folder).await?;
    Ok(Json(folder.ok_or(ApiError::NotFound)?.into()))
}

#[utoipa::path(patch, path = "/organizations/{idOrganization}/years/{idYear}/folders/{idFolder}", tag = "folders",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFolder" = String, Path)),
    request_body = UpdateFolder,
    responses((status = 200, body = FolderDto), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "name_taken, folder_cycle, folder_too_deep", body = Problem)))]
pub async fn update_folder(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FolderPath>,
    ApiJson(body): ApiJson<UpdateFolder>,
) -> Result<Json<FolderDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    if body.id_folder.as_ref().is_some_and(|id| id != &path.id_folder) {
        return Err(ApiError::invalid("idFolder", "must match the folder id in the path"));
    }
    let name = body.name.as_deref().map(parse_name).transpose()?;
    let parent = body.id_folder_parent;
    let folder = match update_folder_once(&app, &auth, &path, name.as_ref(), &parent, Locking::Later).await? {
        Some(folder) => folder,
        // The folder changed between the read and the lock: again, under the lock.
        None => update_folder_once(&app, &auth, &path, name.as_ref(), &parent, Locking::First)
            .await?
            .ok_or(ApiError::NotFound)?,
    };
    Ok(Json(folder.into()))
}

/// Renames and/or moves the folder; None when it changed since it was read before the lock.
async fn update_folder_once(
    app: &App,
    auth: &Auth,
    path: &FolderPath,
    name: Option<&FolderName>,
    parent: &Patch<String>,
    locking: Locking,
) -> Result<Option<Folder>, ApiError> {
    let mut tx = locking.begin(app, &path.id_organization).await?;
    writable_year(&mut tx, &path.id_organization, &path.id_year).await?;
    let mut folder = folders::get_in(&mut tx, &path.id_organization, &path.id_year, &path.id_folder)
        .await?
        .ok_or(ApiError::NotFound)?;
    let read_at = folder.last_updated_at;
    let before = snapshot(&folder);
    // The lock, with the year's open state re-checked under it; the tree is checked under it.
    locking.lock(app, &mut tx, &path.id_organization, &path.id_year).await?;
    match parent {
        Patch::Absent => {}
        Patch::Null => folder.id_parent = None,
        Patch::Value(parent) => {
            check_move(&mut tx, &folder, parent).await?;
            folder.id_parent = Some(parent.clone());
        }
    }
    if let Some(name) = name {
        folder.name_key = name.unique_key();
        folder.name = name.as_str().to_owned();
    }
    folder.last_updated_at = now_millis();
    if !folders::update(&mut tx, &folder, locking.expect(read_at)).await.map_err(name_conflict)? {
        return Ok(None);
    }
    let event = Event::new("folder.update").year(&folder.id_year).folder(&folder.id).change(before, snapshot(&folder));
    audit::record(&mut tx, &folder.id_organization, &auth.actor(), event).await?;
    commit(tx).await?;
    Ok(Some(folder))
}

/// Refuses a move under a missing folder, into the folder's own subtree, or too deep.
async fn check_move(tx: &mut Tx, folder: &Folder, parent: &str) -> Result<(), ApiError> {
    folders::get_in(tx, &folder.id_organization, &folder.id_year, parent).await?.ok_or(ApiError::NotFound)?;
    let chain = folders::ancestors(tx, parent).await?;
    if chain.iter().any(|id| id == &folder.id) {
        return Err(ApiError::FolderCycle);
    }
    let height = folders::subtree_height(tx, &folder.id).await?;
    if chain.len() as i64 + height > MAX_DEPTH {
        return Err(ApiError::FolderTooDeep { max: MAX_DEPTH });
    }
    Ok(())
}

#[utoipa::path(delete, path = "/organizations/{idOrganization}/years/{idYear}/folders/{idFolder}", tag = "folders",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFolder" = String, Path)),
    responses((status = 204), (status = 404, body = Problem), (status = 409, description = "folder_not_empty", body = Problem)))]
pub async fn delete_folder(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FolderPath>,
) -> Result<StatusCode, ApiError> {
    auth.check_write(&path.id_organization)?;
    if !delete_folder_once(&app, &auth, &path, Locking::Later).await? {
        // The folder changed between the read and the lock: again, under the lock.
        delete_folder_once(&app, &auth, &path, Locking::First).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes the empty folder; false when it changed since it was read before the lock.
async fn delete_folder_once(app: &App, auth: &Auth, path: &FolderPath, locking: Locking) -> Result<bool, ApiError> {
    let mut tx = locking.begin(app, &path.id_organization).await?;
    writable_year(&mut tx, &path.id_organization, &path.id_year).await?;
    let folder = folders::get_in(&mut tx, &path.id_organization, &path.id_year, &path.id_folder)
        .await?
        .ok_or(ApiError::NotFound)?;
    locking.lock(app, &mut tx, &path.id_organization, &path.id_year).await?;
    // Under the lock: a concurrent create or move cannot fill it after this check.
    if folders::has_children(&mut tx, &path.id_folder).await? {
        return Err(ApiError::FolderNotEmpty);
    }
    if !folders::delete(&mut tx, &path.id_folder, locking.expect(folder.last_updated_at)).await? {
        return match locking {
            Locking::Later => Ok(false),
            Locking::First => Err(ApiError::NotFound),
        };
    }
    let event = Event::new("folder.delete").year(&folder.id_year).folder(&folder.id).details(snapshot(&folder));
    audit::record(&mut tx, &folder.id_organization, &auth.actor(), event).await?;
    commit(tx).await?;
    Ok(true)
}
