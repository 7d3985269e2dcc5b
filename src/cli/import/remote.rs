//! The server side of an import, which is the source of truth: folders mirrored by name,
//! pending records left by an interrupted run, and the create / PUT / finalize of one file.

use std::collections::HashMap;

use reqwest::Method;
use serde_json::{json, Value};

use super::api::{Api, Failure};
use super::report::{Outcome, Status};
use super::scan::Entry;

/// The year's folders: (parent id or none, lowercased name) -> id.
pub struct Folders {
    by_name: HashMap<(Option<String>, String), String>,
}

fn folder_key(parent: &Option<String>, name: &str) -> (Option<String>, String) {
    (parent.clone(), name.trim().to_lowercase())
}

impl Folders {
    pub async fn load(api: &Api) -> Result<Self, Failure> {
        let (list, _) = api.call(Method::GET, &api.year_path("/folders"), None).await?;
        let mut by_name = HashMap::new();
        for f in list.as_array().into_iter().flatten() {
            let parent = f["idFolderParent"].as_str().map(str::to_owned);
            let (Some(name), Some(id)) = (f["name"].as_str(), f["id"].as_str()) else { continue };
            by_name.insert(folder_key(&parent, name), id.to_owned());
        }
        Ok(Self { by_name })
    }

    pub fn contains_id(&self, id: &str) -> bool {
        self.by_name.values().any(|v| v == id)
    }

    pub fn find(&self, parent: &Option<String>, name: &str) -> Option<String> {
        self.by_name.get(&folder_key(parent, name)).cloned()
    }

    /// The folder `name` under `parent`, created unless one of that name exists (the server
    /// compares names as it does for siblings: a 409 `name_taken` means someone made it).
    pub async fn ensure(&mut self, api: &Api, parent: &Option<String>, name: &str) -> Result<String, Failure> {
        if let Some(id) = self.find(parent, name) {
            return Ok(id);
        }
        let body = json!({"name": name, "idFolderParent": parent});
        match api.call(Method::POST, &api.year_path("/folders"), Some(&body)).await {
            Ok((folder, _)) => {
                let id = folder["id"].as_str().unwrap_or_default().to_owned();
                self.by_name.insert(folder_key(parent, name), id.clone());
                Ok(id)
            }
            Err(e) if e.is("name_taken") => {
                *self = Self::load(api).await?;
                self.find(parent, name).ok_or(e)
            }
            Err(e) => Err(e),
        }
    }
}

/// A pending record: created by an earlier run that did not finish it.
#[derive(Debug, Clone)]
pub struct Pending {
    pub id: String,
    pub hash: Option<String>,
}

/// Pending records of one folder (`None`: the top level), by name.
pub async fn pending_in(api: &Api, folder: &Option<String>) -> Result<HashMap<String, Vec<Pending>>, Failure> {
    let id = folder.as_deref().unwrap_or("root");
    let mut next = Some(api.year_path(&format!("/files?idFolder={id}&status=pending&limit=1000")));
    let mut found: HashMap<String, Vec<Pending>> = HashMap::new();
    while let Some(url) = next.take() {
        let (page, link) = api.call(Method::GET, &url, None).await?;
        for f in page.as_array().into_iter().flatten() {
            let (Some(name), Some(id)) = (f["name"].as_str(), f["id"].as_str()) else { continue };
            let hash = f["hash"].as_str().map(str::to_owned);
            found.entry(name.to_owned()).or_default().push(Pending { id: id.to_owned(), hash });
        }
        next = link.filter(|l| l.contains("rel=\"next\"")).and_then(|l| api.next_url(&l));
    }
    Ok(found)
}

/// Moves a record this import created and cannot finish to the trash, so that no pending
/// record is left behind.
pub async fn discard(api: &Api, id: &str) {
    let _ = api.call(Method::DELETE, &api.year_path(&format!("/files/{id}")), None).await;
}

/// The MIME type the API is asked for, from the file's extension; `None`: not a type the
/// API takes.
pub fn mime_for(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "pdf" => "application/pdf",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "tif" | "tiff" => "image/tiff",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "heif" => "image/heif",
        "gif" => "image/gif",
        "xml" => "application/xml",
        _ => return None,
    })
}

/// How many fresh upload URLs one file may get (expired or refused PUTs, vanished uploads).
const FRESH_URLS: usize = 3;

/// Uploads one file: reuses `pending` (same name and hash, from an earlier run) or creates a
/// record, then PUT and finalize. Network failures leave the record for the next run.
pub async fn upload(
    api: &Api,
    entry: &Entry,
    hash: &str,
    folder: &Option<String>,
    pending: Option<String>,
) -> Result<Outcome, Failure> {
    let mime = mime_for(&entry.name).unwrap_or("application/octet-stream");
    let id = match pending {
        Some(id) => id,
        None => {
            let body = json!({"name": entry.name, "idFolder": folder, "hash": hash});
            match api.call(Method::POST, &api.year_path("/files"), Some(&body)).await {
                Ok((file, _)) => file["id"].as_str().unwrap_or_default().to_owned(),
                Err(Failure::Problem { code, .. }) if code == "duplicate_file" => {
                    return Ok(Outcome::new(&entry.rel, Status::Duplicate, entry.size));
                }
                Err(e) => return refusal(entry, e),
            }
        }
    };
    let file_path = api.year_path(&format!("/files/{id}"));
    let mut last = None;
    for _ in 0..FRESH_URLS {
        let body = json!({"type": mime, "size": entry.size});
        let upload = match api.call(Method::POST, &format!("{file_path}/upload-url"), Some(&body)).await {
            Ok((upload, _)) => upload,
            Err(e) if e.is("content_immutable") => Value::Null,
            Err(e) => return give_up(api, &id, entry, e).await,
        };
        if !upload.is_null() {
            match api.put(&upload, &entry.path, entry.size).await {
                Ok(()) => {}
                // An expired or otherwise refused URL: ask for a fresh one.
                Err(e @ Failure::Problem { .. }) => {
                    last = Some(e);
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
        match api.call(Method::POST, &format!("{file_path}/finalize"), Some(&json!({}))).await {
            Ok((file, _)) => {
                let mut outcome = Outcome::new(&entry.rel, Status::Uploaded, entry.size);
                outcome.id_file = file["id"].as_str().map(str::to_owned);
                return Ok(outcome);
            }
            Err(e) if e.is("upload_missing") => last = Some(e),
            Err(e) if e.is("duplicate_file") => {
                discard(api, &id).await;
                return Ok(Outcome::new(&entry.rel, Status::Duplicate, entry.size));
            }
            Err(e) => return give_up(api, &id, entry, e).await,
        }
    }
    let e = last.unwrap_or(Failure::Network("no upload URL worked".into()));
    give_up(api, &id, entry, e).await
}

/// A refusal (the same bytes would meet it again: too large, refused type, quota...) becomes
/// the file's outcome, its record discarded; network and auth failures go up.
async fn give_up(api: &Api, id: &str, entry: &Entry, e: Failure) -> Result<Outcome, Failure> {
    if matches!(e, Failure::Problem { .. }) {
        discard(api, id).await;
    }
    refusal(entry, e)
}

fn refusal(entry: &Entry, e: Failure) -> Result<Outcome, Failure> {
    match e {
        Failure::Problem { code, detail, .. } => Ok(Outcome::failed(&entry.rel, entry.size, &code, detail)),
        other => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_extensions() {
        assert_eq!(mime_for("Facture.PDF"), Some("application/pdf"));
        assert_eq!(mime_for("scan.jpeg"), Some("image/jpeg"));
        assert_eq!(mime_for("notes.txt"), None);
        assert_eq!(mime_for("README"), None);
    }
}
