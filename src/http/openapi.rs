//! The OpenAPI 3.1 document, generated from the handlers' annotations and the DTO types, so
//! it describes what the server really does.
//!
//! What every operation shares is added here, in one place, rather than repeated in each
//! annotation: the responses any authenticated route can give (401, 403 for writes, 413 for
//! bodies, 423 under a closed year), the problem media type of every error, the routes that
//! need no key, and the links that lead from a created resource to the routes that read,
//! change and delete it (clients and stateful testers follow them).
//! `scripts/check-openapi` holds the server to this document with schemathesis.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};
use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use super::{content, exports, files, folders, health, lookup, ocr, org, webhooks, years};
use crate::app::App;

mod rules;
pub use rules::document;

#[derive(OpenApi)]
#[openapi(
    info(title = "Coffre storage API", description = "Accounting supporting documents: fiscal years, folders, files, S3-compatible presigned uploads and downloads. Every route is also served under /v1. Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`."),
    paths(
        years::create_year, years::list_years, years::get_year, years::close_year,
        org::list_audit, org::get_usage, exports::create_export, exports::get_export,
        folders::create_folder, folders::list_folders, folders::get_folder, folders::update_folder, folders::delete_folder,
        files::create_file, files::list_files, files::get_file, files::update_file, files::delete_file,
        files::restore_file, lookup::lookup_files, org::get_me,
        content::create_upload_url, content::finalize_file, content::create_download_url, content::create_delete_url,
        ocr::request_ocr, ocr::get_ocr,
        health::get_health, health::get_readiness,
        webhooks::create_webhook, webhooks::list_webhooks, webhooks::get_webhook, webhooks::update_webhook,
        webhooks::delete_webhook, webhooks::rotate_secret, webhooks::list_deliveries, webhooks::redeliver,
    ),
    components(schemas(super::error::Problem)),
    modifiers(&BearerAuth, &CommonResponses, &PublicRoutes, &ProblemMediaType, &Links),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Routes that answer without a key.
const PUBLIC_PATHS: [&str; 2] = ["/healthz", "/readyz"];

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

/// Every operation of a path item, with its method.
fn operations(item: &mut PathItem) -> impl Iterator<Item = (&'static str, &mut Operation)> {
    [
        ("get", &mut item.get),
        ("put", &mut item.put),
        ("post", &mut item.post),
        ("delete", &mut item.delete),
        ("patch", &mut item.patch),
        ("head", &mut item.head),
        ("options", &mut item.options),
        ("trace", &mut item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_mut().map(|op| (method, op)))
}

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    let content = Content::new(Some(Ref::from_schema_name("Problem")));
    RefOr::T(ResponseBuilder::new().description(description).content(PROBLEM_JSON, content).build())
}

fn add_response(op: &mut Operation, status: &str, description: &str) {
    op.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description));
}

/// Responses that the extractors and guards give on every route they guard.
struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            if PUBLIC_PATHS.contains(&path.as_str()) {
                continue;
            }
            let under_year = path.contains("{idYear}/");
            for (method, op) in operations(item) {
                add_response(op, "401", "unauthorized: no valid API key");
                let has_query =
                    op.parameters.iter().flatten().any(|p| p.parameter_in == utoipa::openapi::path::ParameterIn::Query);
                if op.request_body.is_some() || has_query {
                    add_response(op, "400", "invalid_request: a malformed body or parameter, named in `field`");
                }
                if method == "get" {
                    continue;
                }
                add_response(op, "403", "read_only_key");
                if op.request_body.is_some() {
                    add_response(op, "413", "payload_too_large: the JSON body is over 1 MiB");
                }
                if under_year {
                    add_response(op, "423", "year_closed: the fiscal year is closed");
                }
            }
        }
    }
}

/// Health checks need no key.
struct PublicRoutes;

impl Modify for PublicRoutes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for path in PUBLIC_PATHS {
            if let Some(item) = openapi.paths.paths.get_mut(path) {
                for (_, op) in operations(item) {
                    op.security = Some(Vec::new());
                }
            }
        }
    }
}

/// Errors leave as `application/problem+json` ([`super::error`]); annotations name only the
/// body type, which utoipa files under `application/json`.
struct ProblemMediaType;

impl Modify for ProblemMediaType {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for (_, op) in operations(item) {
                let errors = op.responses.responses.iter_mut().filter(|(status, _)| status.starts_with(['4', '5']));
                for (_, response) in errors {
                    if let RefOr::T(response) = response {
                        if let Some(content) = response.content.shift_remove("application/json") {
                            response.content.insert(PROBLEM_JSON.to_owned(), content);
                        }
                    }
                }
            }
        }
    }
}

/// From a created resource to the routes of the same resource (and, for a year, to the routes
/// that create and list what it holds): `$response.body#/id` is the new id, the other path
/// parameters are the creating request's.
struct Links;

const YEAR: &str = "/organizations/{idOrganization}/years";
const FOLDERS: &str = "/organizations/{idOrganization}/years/{idYear}/folders";
pub(crate) const FILES: &str = "/organizations/{idOrganization}/years/{idYear}/files";

impl Modify for Links {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let from_org = [("idOrganization", "$request.path.idOrganization"), ("idYear", "$response.body#/id")];
        let year_children = [
            ("GetYear", "get_year"),
            ("ListFolders", "list_folders"),
            ("CreateFolder", "create_folder"),
            ("ListFiles", "list_files"),
            ("CreateFile", "create_file"),
        ];
        add_links(openapi, YEAR, "201", &year_children, &from_org);
        let in_year = |id: &'static str| {
            [
                ("idOrganization", "$request.path.idOrganization"),
                ("idYear", "$request.path.idYear"),
                (id, "$response.body#/id"),
            ]
        };
        let folder =
            [("GetFolder", "get_folder"), ("UpdateFolder", "update_folder"), ("DeleteFolder", "delete_folder")];
        add_links(openapi, FOLDERS, "201", &folder, &in_year("idFolder"));
        let file = [
            ("GetFile", "get_file"),
            ("UpdateFile", "update_file"),
            ("DeleteFile", "delete_file"),
            ("RestoreFile", "restore_file"),
        ];
        add_links(openapi, FILES, "201", &file, &in_year("idFile"));
    }
}

fn add_links(
    openapi: &mut utoipa::openapi::OpenApi,
    path: &str,
    status: &str,
    targets: &[(&str, &str)],
    parameters: &[(&str, &str)],
) {
    let op = openapi.paths.paths.get_mut(path).and_then(|item| item.post.as_mut());
    let Some(RefOr::T(response)) = op.and_then(|op| op.responses.responses.get_mut(status)) else {
        return;
    };
    for (name, operation_id) in targets {
        let link = parameters
            .iter()
            .fold(LinkBuilder::new().operation_id(*operation_id), |link, (param, value)| {
                link.parameter(*param, json!(value))
            })
            .build();
        response.links.insert((*name).to_owned(), RefOr::T(link));
    }
}

/// Built per request: it depends on the configuration (the accepted media types), and it is
/// small.
pub async fn get_openapi(State(app): State<App>) -> Json<Value> {
    Json(document(app.config()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::domain::names::MAX_NAME_CHARS;

    fn document() -> Value {
        let config = Config::embedded("/nonexistent".into(), "127.0.0.1:0".parse().unwrap());
        super::document(&config)
    }

    #[test]
    fn health_routes_need_no_key_and_the_rest_document_401() {
        let doc = document();
        for path in PUBLIC_PATHS {
            assert_eq!(doc["paths"][path]["get"]["security"], json!([]), "{path}");
            assert!(doc["paths"][path]["get"]["responses"].get("401").is_none(), "{path}");
        }
        let file = &doc["paths"]["/organizations/{idOrganization}/years/{idYear}/files/{idFile}"];
        assert!(file["get"]["responses"]["401"].is_object());
        assert!(file["patch"]["responses"]["403"].is_object());
        assert!(file["delete"]["responses"]["423"].is_object());
    }

    #[test]
    fn errors_are_documented_as_problems() {
        let doc = document();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                for (status, response) in op["responses"].as_object().unwrap() {
                    if status.starts_with(['4', '5']) {
                        let media: Vec<&String> = response["content"].as_object().unwrap().keys().collect();
                        assert_eq!(media, [PROBLEM_JSON], "{method} {path} {status}");
                    }
                }
            }
        }
    }

    #[test]
    fn created_resources_link_to_their_routes() {
        let doc = document();
        let links = &doc["paths"][FILES]["post"]["responses"]["201"]["links"];
        assert_eq!(links["GetFile"]["operationId"], "get_file");
        assert_eq!(links["DeleteFile"]["parameters"]["idFile"], "$response.body#/id");
        let op_ids: Vec<String> = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|item| {
                item.as_object().unwrap().values().map(|op| op["operationId"].as_str().unwrap_or("").to_owned())
            })
            .collect();
        for path in [YEAR, FOLDERS, FILES] {
            for link in doc["paths"][path]["post"]["responses"]["201"]["links"].as_object().unwrap().values() {
                let target = link["operationId"].as_str().unwrap();
                assert!(op_ids.iter().any(|id| id == target), "{path} links to unknown {target}");
            }
        }
    }

    #[test]
    fn request_schemas_state_the_rules_the_domain_parses() {
        let doc = document();
        let schemas = &doc["components"]["schemas"];
        let name = &schemas["CreateFile"]["properties"]["name"];
        assert_eq!(name["maxLength"], MAX_NAME_CHARS);
        let pattern = regex::Regex::new(name["pattern"].as_str().unwrap()).unwrap();
        for ok in ["Facture 42.pdf", "  été ", "請求書", "a", "\u{b}a b\t", "\u{85}x\u{3000}"] {
            assert!(pattern.is_match(ok) && crate::domain::FolderName::parse(ok).is_ok(), "{ok:?}");
        }
        for bad in ["", "   ", "a\u{0}b", "a\u{202E}b", "\u{FEFF}a", "a\u{200B}", "\u{1c}a", "a\tb"] {
            assert!(!pattern.is_match(bad) && crate::domain::FolderName::parse(bad).is_err(), "{bad:?}");
        }
        assert!(schemas["UpdateFile"]["properties"].get("idFile").is_none());
        assert_eq!(schemas["UpdateFile"]["properties"]["name"]["type"], "string");
        assert_eq!(schemas["UploadUrlRequest"]["properties"]["type"]["enum"][0], "application/pdf");
        assert_eq!(schemas["CreateYear"]["properties"]["startingAt"]["format"], "date");
    }
}
