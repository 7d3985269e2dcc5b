//! Which contents an organization already holds, by SHA-256: bulk importers ask before they
//! upload (see `coffre import`).

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiPath, Auth};
use super::years::OrgPath;
use crate::app::App;
use crate::db::files::{self, HashMatch};
use crate::domain::Sha256Hex;

/// Hashes one lookup may ask about.
pub const MAX_LOOKUP: usize = 1000;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupRequest {
    /// 1 to 1000 SHA-256 digests, 64 hexadecimal characters each (either case).
    pub sha256: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LookupResponse {
    /// One entry per file holding one of the contents, in no particular order; hashes
    /// nobody holds are absent.
    pub matches: Vec<LookupMatch>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LookupMatch {
    /// Lowercase, whatever case was asked.
    pub sha256: String,
    pub id_file: String,
    pub id_year: String,
    pub id_folder: Option<String>,
    pub name: String,
    /// `available`, or `deleted` (in the trash), as in the file's own status.
    pub status: String,
}

impl From<HashMatch> for LookupMatch {
    fn from(m: HashMatch) -> Self {
        Self {
            sha256: m.sha256,
            id_file: m.id,
            id_year: m.id_year,
            id_folder: m.id_folder,
            name: m.name,
            status: m.status,
        }
    }
}

/// Lowercases and checks every hash; duplicates are asked once.
pub fn parse_hashes(raw: &[String]) -> Result<Vec<String>, ApiError> {
    if raw.is_empty() || raw.len() > MAX_LOOKUP {
        return Err(ApiError::invalid("sha256", format!("must hold 1 to {MAX_LOOKUP} hashes")));
    }
    let mut hashes = raw
        .iter()
        .enumerate()
        .map(|(i, h)| {
            Sha256Hex::parse(&h.to_ascii_lowercase()).map(|h| h.as_str().to_owned()).map_err(|_| {
                ApiError::invalid(format!("sha256[{i}]"), "must be a SHA-256 digest (64 hexadecimal characters)")
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    hashes.sort();
    hashes.dedup();
    Ok(hashes)
}

#[utoipa::path(post, path = "/organizations/{idOrganization}/files/lookup", tag = "files",
    params(("idOrganization" = String, Path)),
    request_body = LookupRequest,
    responses((status = 200, description = "The organization's files holding these contents, in any year, \
        available or in the trash", body = LookupResponse),
        (status = 400, description = "invalid_request: not 1 to 1000 hashes, or one is not a SHA-256", body = Problem),
        (status = 404, body = Problem)))]
pub async fn lookup_files(
    State(app): State<App>,
    auth: Auth,
    ApiPath(path): ApiPath<OrgPath>,
    ApiJson(body): ApiJson<LookupRequest>,
) -> Result<Json<LookupResponse>, ApiError> {
    auth.check_org(&path.id_organization)?;
    let hashes = parse_hashes(&body.sha256)?;
    let found = files::find_by_sha256s(app.db(), &path.id_organization, &hashes).await?;
    Ok(Json(LookupResponse { matches: found.into_iter().map(LookupMatch::from).collect() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_lowercased_deduplicated_and_bounded() {
        let upper = "AB".repeat(32);
        let parsed = parse_hashes(&[upper.clone(), upper.to_lowercase()]).unwrap();
        assert_eq!(parsed, vec!["ab".repeat(32)]);
        assert!(parse_hashes(&[]).is_err());
        assert!(parse_hashes(&vec!["a".repeat(64); MAX_LOOKUP + 1]).is_err());
        let err = parse_hashes(&["a".repeat(64), "xyz".into()]).unwrap_err();
        assert_eq!(err.code(), "invalid_request");
        assert!(err.to_string().starts_with("sha256[1]"), "{err}");
    }
}
