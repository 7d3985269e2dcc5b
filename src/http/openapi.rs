//! The OpenAPI 3.1 document, generated from the handlers' annotations and the DTO types, so
//! it describes what the server really does.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{content, exports, files, folders, health, ocr, org, years};

#[derive(OpenApi)]
#[openapi(
    info(title = "Coffre storage API", description = "Accounting supporting documents: fiscal years, folders, files, S3-compatible presigned uploads and downloads. Every route is also served under /v1. Errors are RFC 9457 problem documents with a stable `code`."),
    paths(
        years::create_year, years::list_years, years::get_year, years::close_year,
        org::list_audit, org::get_usage, exports::create_export, exports::get_export,
        folders::create_folder, folders::list_folders, folders::get_folder, folders::update_folder, folders::delete_folder,
        files::create_file, files::list_files, files::get_file, files::update_file, files::delete_file,
        files::restore_file,
        content::create_upload_url, content::finalize_file, content::create_download_url, content::create_delete_url,
        ocr::request_ocr, ocr::get_ocr,
        health::get_health, health::get_readiness,
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn get_openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
