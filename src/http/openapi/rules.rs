//! The value rules that the domain types parse at the edge and the derive cannot see (name
//! patterns and bounds, date formats, page bounds, the accepted media types, optional bodies),
//! written into the derived document as JSON.

use serde_json::{json, Value};
use utoipa::OpenApi;

use super::{ApiDoc, FILES};
use crate::config::{Config, MAX_UPLOAD_BYTES};
use crate::domain::names::MAX_NAME_CHARS;
use crate::http::files;
use crate::http::lookup::MAX_LOOKUP;

/// The document as served: the derived one, with the value rules that the domain types parse
/// (and the derive cannot see) written into the request schemas.
pub fn document(config: &Config) -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    respell_links(&mut doc);
    if let Some(schemas) = doc.pointer_mut("/components/schemas").and_then(Value::as_object_mut) {
        schema_rules(schemas, config);
    }
    optional_empty_bodies(&mut doc);
    query_rules(&mut doc);
    doc
}

fn schema_rules(schemas: &mut serde_json::Map<String, Value>, config: &Config) {
    let types = json!({"type": "string", "enum": config.allowed_types});
    for (schema, field, rule) in field_rules().into_iter().chain([("UploadUrlRequest", "type", types)]) {
        if let Some(property) = schemas.get_mut(schema).and_then(|s| s.pointer_mut(&format!("/properties/{field}"))) {
            merge(property, rule);
        }
    }
    // Accepted when equal to the path's id (for clients of the original API), refused
    // otherwise: a rule no schema can state, so the document leaves these out.
    for (schema, field) in PATH_ID_ECHOES {
        if let Some(properties) = schemas.get_mut(schema).and_then(|s| s.get_mut("properties")) {
            properties.as_object_mut().map(|p| p.remove(field));
        }
    }
    for (schema, example) in examples() {
        if let Some(schema) = schemas.get_mut(schema).and_then(Value::as_object_mut) {
            schema.insert("examples".to_owned(), json!([example]));
        }
    }
}

fn query_rules(doc: &mut Value) {
    for (path, name, rule) in query_parameter_rules() {
        let parameters = doc.pointer_mut(&format!("/paths/{}/get/parameters", path.replace('/', "~1")));
        for parameter in parameters.and_then(Value::as_array_mut).into_iter().flatten() {
            if parameter["name"] == name {
                merge(&mut parameter["schema"], rule.clone());
            }
        }
    }
}

/// An empty body reads as `{}` ([`super::extract::ApiJson`]): where `{}` is a valid body
/// (no property is required), the body itself is optional.
fn optional_empty_bodies(doc: &mut Value) {
    let schemas = doc.pointer("/components/schemas").cloned().unwrap_or_default();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    let bodies = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(|op| op.get_mut("requestBody"));
    for body in bodies {
        let reference = body.pointer("/content/application~1json/schema/$ref").and_then(Value::as_str);
        let name = reference.and_then(|r| r.strip_prefix("#/components/schemas/")).unwrap_or_default();
        let required = schemas.get(name).and_then(|s| s.get("required")).and_then(Value::as_array);
        if !name.is_empty() && required.is_none_or(|r| r.is_empty()) {
            body["required"] = json!(false);
        }
    }
}

/// A request body of each kind, as the README's walkthrough sends them.
fn examples() -> [(&'static str, Value); 7] {
    [
        ("CreateYear", json!({"label": "Exercice 2026", "startingAt": "2026-01-01", "endingAt": "2026-12-31"})),
        ("CreateFolder", json!({"name": "Achats"})),
        ("UpdateFolder", json!({"name": "Achats 2026"})),
        ("CreateFile", json!({"name": "Facture F2026-001.pdf", "reference": "F2026-001", "date": "2026-03-15"})),
        ("UpdateFile", json!({"reference": "F2026-001", "date": "2026-03-16"})),
        ("UploadUrlRequest", json!({"type": "application/pdf", "size": 1024})),
        ("LookupRequest", json!({"sha256": ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]})),
    ]
}

/// (path, query parameter, rule to merge into its schema).
fn query_parameter_rules() -> [(&'static str, &'static str, Value); 3] {
    let limit = json!({"minimum": 1, "maximum": files::MAX_PAGE});
    [
        (FILES, "limit", limit.clone()),
        (FILES, "status", json!({"enum": ["pending", "available", "deleted"]})),
        ("/organizations/{idOrganization}/audit", "limit", limit),
    ]
}

/// Characters no name, label or reference may hold (see `domain::names`): control characters
/// and the invisible format characters (category Cf) of the Basic Multilingual Plane.
const FORBIDDEN_CHARS: &str = concat!(
    r"\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e",
    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb",
);

/// White space as `str::trim` sees it (Unicode White_Space), spelled out: `\s` differs
/// between regex dialects.
const WS: &str = r"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// (schema, property, rule to merge into the property's schema).
fn field_rules() -> Vec<(&'static str, &'static str, Value)> {
    let text = json!({
        "minLength": 1,
        "maxLength": MAX_NAME_CHARS,
        // Something besides white space, which is trimmed at both ends.
        "pattern": format!(r"^[{WS}]*[^{WS}{FORBIDDEN_CHARS}]([^{FORBIDDEN_CHARS}]*[^{WS}{FORBIDDEN_CHARS}])?[{WS}]*$"),
    });
    let date = json!({"format": "date"});
    let sha256 = json!({"pattern": "^[0-9a-f]{64}$"});
    vec![
        ("CreateYear", "label", text.clone()),
        ("CreateYear", "startingAt", date.clone()),
        ("CreateYear", "endingAt", date.clone()),
        ("CreateFolder", "name", text.clone()),
        ("UpdateFolder", "name", text.clone()),
        ("CreateFile", "name", text.clone()),
        ("CreateFile", "reference", text.clone()),
        ("CreateFile", "date", date.clone()),
        ("CreateFile", "hash", sha256),
        // A name can be changed, not removed.
        ("UpdateFile", "name", json!({"type": "string"})),
        ("UpdateFile", "name", text.clone()),
        ("UpdateFile", "reference", text),
        ("UpdateFile", "date", date),
        ("UploadUrlRequest", "size", json!({"minimum": 1, "maximum": MAX_UPLOAD_BYTES})),
        (
            "LookupRequest",
            "sha256",
            json!({"minItems": 1, "maxItems": MAX_LOOKUP, "items": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"}}),
        ),
    ]
}

const PATH_ID_ECHOES: [(&str, &str); 5] = [
    ("UpdateFile", "idFile"),
    ("UpdateFolder", "idFolder"),
    ("UploadUrlRequest", "idFile"),
    ("FileAction", "idFile"),
    ("OcrRequest", "idFile"),
];

fn merge(target: &mut Value, rule: Value) {
    if let (Some(target), Value::Object(rule)) = (target.as_object_mut(), rule) {
        target.extend(rule);
    }
}

/// utoipa 5.5 serializes a link's `operationId` as `operation_id` (its `Link` lacks the
/// camelCase renaming its other types have).
fn respell_links(doc: &mut Value) {
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        let responses = paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|item| item.values_mut())
            .filter_map(|op| op.get_mut("responses").and_then(Value::as_object_mut))
            .flat_map(|responses| responses.values_mut());
        for links in responses.filter_map(|r| r.get_mut("links").and_then(Value::as_object_mut)) {
            for link in links.values_mut().filter_map(Value::as_object_mut) {
                for (snake, camel) in [("operation_id", "operationId"), ("operation_ref", "operationRef")] {
                    if let Some(value) = link.remove(snake) {
                        link.insert(camel.to_owned(), value);
                    }
                }
            }
        }
    }
}
