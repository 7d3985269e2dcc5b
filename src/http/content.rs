//! File content: presigned upload, verified finalize, presigned download and delete.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, Auth};
use super::files::{check_duplicate, load_file, load_writable_file, writable_file, FileDto, FilePath};
use super::guard::{begin_org_write, begin_write, commit, lock_org_year};
use crate::app::App;
use crate::audit::{self, Event};
use crate::blob::{Digest, ObjectKey};
use crate::config::MAX_UPLOAD_BYTES;
use crate::db::files::{self, Content, File, SetUpload, Upload};
use crate::db::files::{STATUS_DELETED, STATUS_PENDING};
use crate::db::{deletions, orgs, Backend, Tx};
use crate::domain::mime::sniff;
use crate::domain::time::{now_millis, rfc3339};
use crate::domain::MimeType;
use serde_json::json;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UploadUrlRequest {
    /// Must equal the path's file id if given.
    pub id_file: Option<String>,
    /// MIME type of the content, from the allowed list.
    #[serde(rename = "type")]
    pub content_type: String,
    /// Exact size in bytes, 1 to 50 000 000.
    #[schema(value_type = i64)]
    pub size: serde_json::Number,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UploadUrlResponse {
    pub url: String,
    /// Always `PUT`.
    pub method: String,
    /// Headers the PUT must carry, exactly.
    pub headers: BTreeMap<String, String>,
    pub expires_at: String,
    pub file: FileDto,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignedUrl {
    pub url: String,
    pub expires_at: String,
}

/// Bodies of the content actions: an optional file id, checked against the path.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FileAction {
    pub id_file: Option<String>,
}

fn check_body_id(path: &FilePath, id_file: &Option<String>) -> Result<(), ApiError> {
    match id_file {
        Some(id) if id != &path.id_file => Err(ApiError::invalid("idFile", "must match the file id in the path")),
        _ => Ok(()),
    }
}

fn parse_size(raw: &serde_json::Number) -> Result<u64, ApiError> {
    if let Some(size) = raw.as_u64() {
        return match size {
            0 => Err(ApiError::invalid("size", "must be at least 1 byte")),
            s if s > MAX_UPLOAD_BYTES => Err(ApiError::FileTooLarge { max: MAX_UPLOAD_BYTES }),
            s => Ok(s),
        };
    }
    match raw.as_f64() {
        Some(f) if f > MAX_UPLOAD_BYTES as f64 => Err(ApiError::FileTooLarge { max: MAX_UPLOAD_BYTES }),
        // `3039.0` is the integer 3039 in JSON (and in JSON Schema).
        Some(f) if f >= 1.0 && f.fract() == 0.0 => Ok(f as u64),
        _ => Err(ApiError::invalid("size", "must be a whole number of bytes from 1 to 50000000")),
    }
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/upload-url", tag = "content",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body = UploadUrlRequest,
    responses((status = 200, body = UploadUrlResponse),
        (status = 400, description = "invalid_request, file_too_large", body = Problem),
        (status = 403, description = "storage_quota_exceeded, read_only_key", body = Problem),
        (status = 404, body = Problem), (status = 409, description = "content_immutable", body = Problem),
        (status = 415, description = "unsupported_media_type", body = Problem)))]
pub async fn create_upload_url(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
    ApiJson(body): ApiJson<UploadUrlRequest>,
) -> Result<Json<UploadUrlResponse>, ApiError> {
    auth.check_write(&path.id_organization)?;
    check_body_id(&path, &body.id_file)?;
    let size = parse_size(&body.size)?;
    let allowed = &app.config().allowed_types;
    let mime = MimeType::parse(&body.content_type, allowed)
        .ok_or_else(|| ApiError::UnsupportedMediaType { allowed: allowed.clone() })?;
    let ttl = app.config().upload_url_ttl_secs;
    let key = ObjectKey::upload_slot(&path.id_organization, &path.id_file);
    let now = now_millis();
    let upload = Upload {
        key: key.as_str().to_owned(),
        id: crate::domain::new_id(),
        content_type: mime.as_str().to_owned(),
        size: size as i64,
        expires_at: now + i64::from(ttl) * 1000,
    };
    let event = || {
        let details =
            json!({"type": upload.content_type, "size": upload.size, "expiresAt": rfc3339(upload.expires_at)});
        Event::new("file.upload_url").year(&path.id_year).file(&path.id_file).details(details)
    };
    // SQLite: a pending file of an open year, read on the read path, gets its URL from a plan
    // the writer runs itself (the route holds no transaction). Anything else, or a refusal,
    // takes the transaction below, which says why.
    if app.db().backend() == Backend::Sqlite {
        if let Some((mut file, false)) =
            files::get_with_year(app.db(), &path.id_organization, &path.id_year, &path.id_file).await?
        {
            if file.status == STATUS_PENDING {
                let entry = audit::entry(&auth.actor(), event());
                if files::set_upload_planned(app.db(), &file.id_organization, &file.id, &upload, now, entry).await? {
                    file.last_updated_at = now;
                    return Ok(Json(upload_url_response(&app, file, &key, &upload, ttl)));
                }
            }
        }
    }
    // Read and validate first; the organization's lock is taken just before the writes.
    let mut tx = begin_write(&app).await?;
    let mut file = load_writable_file(&mut tx, &path).await?;
    if file.is_available() {
        return Err(ApiError::ContentImmutable);
    }
    // The lock, with the year's open state re-checked under it (it may have closed meanwhile).
    lock_org_year(&app, &mut tx, &path.id_organization, &path.id_year).await?;
    // The quota is checked by the write itself; only a refusal reads why.
    if files::set_upload(&mut tx, &file.id_organization, &file.id, &upload, now).await? == SetUpload::Refused {
        // Finalized or moved to the trash since it was read, or over the quota: say which.
        if load_writable_file(&mut tx, &path).await?.is_available() {
            return Err(ApiError::ContentImmutable);
        }
        check_quota(&mut tx, &file, upload.size, now).await?;
        return Err(ApiError::ContentImmutable);
    }
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event()).await?;
    commit(tx).await?;
    file.last_updated_at = now;
    Ok(Json(upload_url_response(&app, file, &key, &upload, ttl)))
}

/// The signed PUT for `upload`, recorded on `file`.
fn upload_url_response(app: &App, file: File, key: &ObjectKey, upload: &Upload, ttl: u32) -> UploadUrlResponse {
    let presigned = app.blob().presign_put(key, &upload.id, &upload.content_type, upload.size as u64, ttl);
    UploadUrlResponse {
        url: presigned.url,
        method: "PUT".into(),
        headers: presigned.headers.into_iter().collect(),
        expires_at: rfc3339(upload.expires_at),
        file: file.into(),
    }
}

/// 403 `storage_quota_exceeded` unless `size` more bytes fit next to what is stored and
/// what other uploads have reserved. The organization's row is locked by the caller.
async fn check_quota(tx: &mut Tx, file: &File, size: i64, now: i64) -> Result<(), ApiError> {
    let org = orgs::storage_in(tx, &file.id_organization, now, &file.id).await?.ok_or(ApiError::NotFound)?;
    if org.used_bytes + org.reserved_bytes + size > org.quota_bytes {
        return Err(ApiError::QuotaExceeded {
            limit: org.quota_bytes,
            used: org.used_bytes,
            reserved: org.reserved_bytes,
            requested: size,
        });
    }
    Ok(())
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/finalize", tag = "content",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body(content = FileAction, description = "Optional"),
    responses((status = 200, body = FileDto),
        (status = 403, description = "storage_quota_exceeded (upload URL expired meanwhile)", body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "upload_missing, duplicate_file", body = Problem),
        (status = 422, description = "size_mismatch, content_type_mismatch, hash_mismatch", body = Problem)))]
pub async fn finalize_file(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
    ApiJson(body): ApiJson<FileAction>,
) -> Result<Json<FileDto>, ApiError> {
    auth.check_write(&path.id_organization)?;
    check_body_id(&path, &body.id_file)?;
    let (file, year_closed) = files::get_with_year(app.db(), &path.id_organization, &path.id_year, &path.id_file)
        .await?
        .ok_or(ApiError::NotFound)?;
    if file.is_available() {
        return Ok(Json(file.into()));
    }
    if file.status == STATUS_DELETED {
        return Err(ApiError::FileDeleted);
    }
    // Refuse early in a closed year; the commit checks again under the lock.
    if year_closed {
        return Err(ApiError::YearClosed);
    }
    let upload = file.upload.clone().ok_or(ApiError::UploadMissing)?;
    let slot = ObjectKey::from_stored(upload.key.clone());
    // A cheap HEAD first: a missing or wrongly sized object is refused without reading it.
    let size = match app.blob().head(&slot).await {
        Ok(Some(size)) => size,
        Ok(None) => return finalized_meanwhile(&app, &auth, &path, ApiError::UploadMissing).await,
        Err(e) => return finalized_meanwhile(&app, &auth, &path, e.into()).await,
    };
    if size != upload.size as u64 {
        delete_object_now_untracked(&app, &slot).await;
        return Err(ApiError::SizeMismatch { declared: upload.size, actual: size });
    }
    // The content moves to a key no PUT URL was ever signed for, and the hash is computed on
    // that copy: what is recorded is what is served forever after, whatever is PUT to the
    // slot meanwhile or later.
    let content_key = ObjectKey::new_content(&file.id_organization, &file.id);
    match app.blob().copy(&slot, &content_key).await {
        Ok(true) => {}
        Ok(false) => return finalized_meanwhile(&app, &auth, &path, ApiError::UploadMissing).await,
        Err(e) => {
            delete_object_now_untracked(&app, &content_key).await;
            return finalized_meanwhile(&app, &auth, &path, e.into()).await;
        }
    }
    let outcome = verify_and_commit(&app, &auth, &path, &file, &upload, &content_key).await;
    match &outcome {
        Ok(finalized) if finalized.content_key.as_deref() == Some(content_key.as_str()) => {
            // The slot's bytes now live under the content key.
            delete_object_now_untracked(&app, &slot).await;
        }
        // A concurrent finalize won (its copy is the content), or the upload was refused.
        Ok(_) => delete_object_now_untracked(&app, &content_key).await,
        Err(e) => {
            delete_object_now_untracked(&app, &content_key).await;
            if matches!(
                e,
                ApiError::SizeMismatch { .. }
                    | ApiError::ContentTypeMismatch { .. }
                    | ApiError::HashMismatch { .. }
                    | ApiError::DuplicateFile { .. }
                    | ApiError::QuotaExceeded { .. }
            ) {
                // The client can PUT again while its URL is valid, or ask for a new one.
                delete_object_now_untracked(&app, &slot).await;
            }
        }
    }
    let file = outcome?;
    // The thumbnail job starts at once rather than at its next poll.
    app.ocr_wake().notify_waiters();
    Ok(Json(file.into()))
}

/// The slot is empty, or the store failed on it: a concurrent finalize may have taken it (and
/// emptied it) since the file was read. Some stores (s3s-fs) answer 500 rather than 404 when
/// that finalize deletes the slot under a HEAD or a copy. If it committed, its file is the
/// answer, as for any repeated finalize; otherwise `otherwise` is.
async fn finalized_meanwhile(
    app: &App,
    auth: &Auth,
    path: &FilePath,
    otherwise: ApiError,
) -> Result<Json<FileDto>, ApiError> {
    let file = load_file(app, auth, path).await?;
    if file.is_available() {
        return Ok(Json(file.into()));
    }
    Err(otherwise)
}

/// Hashes the copied content, checks it against what the client declared, and commits it.
async fn verify_and_commit(
    app: &App,
    auth: &Auth,
    path: &FilePath,
    file: &File,
    upload: &Upload,
    content_key: &ObjectKey,
) -> Result<File, ApiError> {
    let digest = app.blob().digest(content_key).await?.ok_or(ApiError::UploadMissing)?;
    verify_upload(file, upload, &digest)?;
    let content = Content {
        key: content_key.as_str().to_owned(),
        content_type: upload.content_type.clone(),
        size: digest.size as i64,
        sha256: digest.sha256,
    };
    commit_finalize(app, auth, path, upload, &content).await
}

/// Checks the stored bytes against what the client declared.
fn verify_upload(file: &File, upload: &Upload, digest: &Digest) -> Result<(), ApiError> {
    if digest.size != upload.size as u64 {
        return Err(ApiError::SizeMismatch { declared: upload.size, actual: digest.size });
    }
    let declared = MimeType::from_stored(upload.content_type.clone());
    if !declared.matches(sniff(&digest.head)) {
        return Err(ApiError::ContentTypeMismatch { declared: upload.content_type.clone() });
    }
    match &file.hash {
        Some(expected) if expected != &digest.sha256 => {
            Err(ApiError::HashMismatch { expected: expected.clone(), actual: digest.sha256.clone() })
        }
        _ => Ok(()),
    }
}

/// Makes the verified upload the file's content and counts its size, once: a concurrent
/// finalize that committed first is answered with the same file.
async fn commit_finalize(
    app: &App,
    auth: &Auth,
    path: &FilePath,
    upload: &Upload,
    content: &Content,
) -> Result<File, ApiError> {
    let now = now_millis();
    // Read and validate first; the organization's lock is taken just before the writes.
    let mut tx = begin_write(app).await?;
    let (mut file, year_closed) = files::get_with_year_in(&mut tx, &path.id_organization, &path.id_year, &path.id_file)
        .await?
        .ok_or(ApiError::NotFound)?;
    if file.is_available() {
        // Committed, though unchanged: on SQLite the concurrent finalize read here may be in
        // this batch, and is only acknowledged once on disk.
        commit(tx).await?;
        return Ok(file);
    }
    writable_file(file.status.as_str(), year_closed)?;
    // The lock, with the year's open state re-checked under it (it may have closed meanwhile).
    lock_org_year(app, &mut tx, &path.id_organization, &path.id_year).await?;
    if upload.expires_at <= now {
        check_quota(&mut tx, &file, content.size, now).await?;
    }
    // The duplicate check is part of the write: one statement less under the lock.
    if !files::make_available(&mut tx, &file.id, upload, content, now).await? {
        check_duplicate(&mut tx, &file, &content.sha256).await?;
        // A concurrent finalize of this upload committed first: answer with the same file.
        let current = load_writable_file(&mut tx, path).await?;
        if current.is_available() {
            commit(tx).await?;
            return Ok(current);
        }
        // A newer upload URL replaced this one, or the sweeper released it, while we read it.
        return Err(ApiError::UploadMissing);
    }
    let details = json!({"type": content.content_type, "size": content.size});
    let event = Event::new("file.finalize").year(&file.id_year).file(&file.id).sha256(Some(&content.sha256));
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event.details(details)).await?;
    let subject = crate::webhooks::Subject::file(&file.id_year, &file.id);
    crate::webhooks::emit(&mut tx, &file.id_organization, crate::webhooks::EventType::FileAvailable, subject).await?;
    // The row as written, without reading it back (an OCR job of the same content, from
    // before the content was detached, is the one case that needs the join).
    if file.id_ocr_job.is_some() {
        file = files::get_in(&mut tx, &path.id_organization, &path.id_year, &path.id_file)
            .await?
            .ok_or(ApiError::NotFound)?;
    } else {
        file.made_available(content, now);
    }
    commit(tx).await?;
    app.ocr_wake().notify_waiters();
    app.metrics().uploads_finalized.inc();
    app.metrics().uploads_finalized_bytes.inc_by(content.size.max(0) as u64);
    Ok(file)
}

/// Deletes a refused upload's object. Not queued: the upload slot still points to the key,
/// and the sweeper removes it once the slot expires if this fails.
async fn delete_object_now_untracked(app: &App, key: &ObjectKey) {
    if let Err(e) = app.blob().delete(key).await {
        tracing::warn!(error = %e, key = key.as_str(), "cannot delete a refused upload; the sweeper will");
    }
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/download-url", tag = "content",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body(content = FileAction, description = "Optional"),
    responses((status = 200, body = SignedUrl), (status = 404, body = Problem),
        (status = 409, description = "no_content", body = Problem)))]
pub async fn create_download_url(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
    ApiJson(body): ApiJson<FileAction>,
) -> Result<Json<SignedUrl>, ApiError> {
    check_body_id(&path, &body.id_file)?;
    auth.check_org(&path.id_organization)?;
    // A read, allowed in closed years, but recorded: who obtained which document, when.
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let file = files::get_in(&mut tx, &path.id_organization, &path.id_year, &path.id_file).await?;
    let file = file.ok_or(ApiError::NotFound)?;
    if file.status == STATUS_DELETED {
        return Err(ApiError::FileDeleted);
    }
    let (Some(key), Some(content_type), true) = (&file.content_key, &file.content_type, file.is_available()) else {
        return Err(ApiError::NoContent);
    };
    let ttl = app.config().download_url_ttl_secs;
    let signed = app.blob().presign_get(&ObjectKey::from_stored(key.clone()), &file.name, content_type, ttl);
    let expires_at = rfc3339(signed.expires_at.timestamp_millis());
    let event = Event::new("file.download_url").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event.details(json!({"expiresAt": expires_at})))
        .await?;
    commit(tx).await?;
    Ok(Json(SignedUrl { url: signed.url, expires_at }))
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/years/{idYear}/files/{idFile}/delete-url", tag = "content",
    params(("idOrganization" = String, Path), ("idYear" = String, Path), ("idFile" = String, Path)),
    request_body(content = FileAction, description = "Optional"),
    responses((status = 200, body = SignedUrl), (status = 404, body = Problem),
        (status = 409, description = "no_content", body = Problem)))]
pub async fn create_delete_url(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<FilePath>,
    ApiJson(body): ApiJson<FileAction>,
) -> Result<Json<SignedUrl>, ApiError> {
    auth.check_write(&path.id_organization)?;
    check_body_id(&path, &body.id_file)?;
    let ttl = app.config().upload_url_ttl_secs;
    let now = now_millis();
    let mut tx = begin_org_write(&app, &path.id_organization).await?;
    let file = load_writable_file(&mut tx, &path).await?;
    let (Some(key), Some(size), true) = (file.content_key.clone(), file.size, file.is_available()) else {
        return Err(ApiError::NoContent);
    };
    if !files::detach_content(&mut tx, &file.id, &key, now).await? {
        return Err(ApiError::NoContent);
    }
    // The client is expected to DELETE; if it does not, the queue does once the URL expires.
    // Until the bytes are gone they keep counting against the quota: a file cannot hold more
    // than its content plus one upload, however often its content is detached and replaced.
    let held = deletions::Held { id_organization: &file.id_organization, size };
    deletions::enqueue(&mut tx, &key, now + i64::from(ttl) * 1000, Some(held)).await?;
    let event = Event::new("file.delete_url").year(&file.id_year).file(&file.id).sha256(file.sha256.as_deref());
    audit::record(&mut tx, &file.id_organization, &auth.actor(), event.details(json!({"size": size}))).await?;
    commit(tx).await?;
    let signed = app.blob().presign_delete(&ObjectKey::from_stored(key), ttl);
    Ok(Json(SignedUrl { url: signed.url, expires_at: rfc3339(signed.expires_at.timestamp_millis()) }))
}
