//! Webhooks, signed per the Standard Webhooks specification: the events Coffre emits
//! ([`EventType`], [`emit`]), their signatures ([`sign`]) and where they may be sent
//! ([`target`]). Delivery is a background job: [`crate::jobs::webhooks`].

pub mod sign;
pub mod target;

use serde_json::{json, Value};

use crate::db::{webhooks, DbError, Tx};
use crate::domain::ids::new_id;
use crate::domain::time::{now_millis, rfc3339};

/// The events an endpoint can subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub enum EventType {
    /// A file's content was finalized: it can be downloaded.
    #[serde(rename = "file.available")]
    FileAvailable,
    /// OCR of a file's content finished; read it with `GET .../ocr`.
    #[serde(rename = "file.ocr.done")]
    FileOcrDone,
    #[serde(rename = "file.ocr.failed")]
    FileOcrFailed,
    /// A file was moved to the trash.
    #[serde(rename = "file.deleted")]
    FileDeleted,
    /// A file was restored from the trash.
    #[serde(rename = "file.restored")]
    FileRestored,
    #[serde(rename = "year.closed")]
    YearClosed,
    /// A year's export archive is ready.
    #[serde(rename = "export.done")]
    ExportDone,
}

impl EventType {
    pub const ALL: [EventType; 7] = [
        Self::FileAvailable,
        Self::FileOcrDone,
        Self::FileOcrFailed,
        Self::FileDeleted,
        Self::FileRestored,
        Self::YearClosed,
        Self::ExportDone,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::FileAvailable => "file.available",
            Self::FileOcrDone => "file.ocr.done",
            Self::FileOcrFailed => "file.ocr.failed",
            Self::FileDeleted => "file.deleted",
            Self::FileRestored => "file.restored",
            Self::YearClosed => "year.closed",
            Self::ExportDone => "export.done",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.name() == name)
    }
}

/// The ids an event is about (thin payloads: the receiver reads the rest through the API).
#[derive(Debug, Default, Clone)]
pub struct Subject<'a> {
    pub id_year: Option<&'a str>,
    pub id_file: Option<&'a str>,
    pub id_ocr_job: Option<&'a str>,
    pub id_export: Option<&'a str>,
}

impl<'a> Subject<'a> {
    pub fn file(id_year: &'a str, id_file: &'a str) -> Self {
        Self { id_year: Some(id_year), id_file: Some(id_file), ..Self::default() }
    }
    pub fn year(id_year: &'a str) -> Self {
        Self { id_year: Some(id_year), ..Self::default() }
    }
}

/// The body sent: `{"type", "timestamp", "data": {ids}}`.
pub fn payload(kind: EventType, id_organization: &str, subject: &Subject<'_>, at: i64) -> Value {
    let mut data = json!({ "idOrganization": id_organization });
    for (name, value) in [
        ("idYear", subject.id_year),
        ("idFile", subject.id_file),
        ("idOcrJob", subject.id_ocr_job),
        ("idExport", subject.id_export),
    ] {
        if let Some(value) = value {
            data[name] = json!(value);
        }
    }
    json!({ "type": kind.name(), "timestamp": rfc3339(at), "data": data })
}

/// Writes the event to the outbox in the caller's transaction (the one making the change), for
/// every endpoint of the organization subscribed to it. Wake the delivery workers after the
/// commit ([`crate::app::App::ocr_wake`]) to deliver at once.
pub async fn emit(tx: &mut Tx, id_organization: &str, kind: EventType, subject: Subject<'_>) -> Result<(), DbError> {
    let now = now_millis();
    let body = payload(kind, id_organization, &subject, now).to_string();
    webhooks::emit(tx, id_organization, &format!("msg_{}", new_id()), kind.name(), &body, now).await
}
