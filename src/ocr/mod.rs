//! OCR and field extraction: the engines (PDF text layer, Tesseract, e-invoice XML) and the
//! pipeline that picks one per page. It does not know who runs it: the OCR job
//! ([`crate::jobs::ocr`]) and `coffre ocr run` both call [`Engine`].
//!
//! Error types: the pipeline returns [`OcrError`], whose message is shown to clients as the
//! job's `error` (it never carries paths or internal details).

pub mod amount;
pub mod checksum;
pub mod einvoice;
pub mod engine;
pub mod extract;
pub mod fields;
pub(crate) mod tools;

pub use engine::{Analysis, Engine, EngineConfig, OcrOutput, PageText};
pub use fields::{Fields, Source};

/// Why a document could not be read. Messages are client-facing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OcrError {
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the file cannot be read as {0}")]
    Unreadable(&'static str),
    #[error("this type of file cannot be read by the OCR engine: {0}")]
    Unsupported(String),
    #[error("the XML is not a CII or UBL e-invoice")]
    NotAnInvoice,
    #[error("a processing step (one page, or one program run) took longer than {0} seconds")]
    Timeout(u64),
    #[error("the OCR engine failed")]
    Engine(String),
    #[error("the file's content is no longer available")]
    ContentGone,
    #[error("the document has more than {0} pages")]
    TooManyPages(u32),
    #[error("the e-invoice XML is larger than {0} MB")]
    XmlTooLarge(usize),
    #[error("{0} produced more output than allowed")]
    OutputTooLarge(&'static str),
}

impl OcrError {
    /// A stable code for clients, beside the message.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Encrypted => "pdf_encrypted",
            Self::Unreadable(_) => "unreadable",
            Self::Unsupported(_) => "unsupported_type",
            Self::NotAnInvoice => "not_an_invoice",
            Self::Timeout(_) => "timeout",
            Self::Engine(_) => "engine_failure",
            Self::ContentGone => "content_gone",
            Self::TooManyPages(_) => "too_many_pages",
            Self::XmlTooLarge(_) => "xml_too_large",
            Self::OutputTooLarge(_) => "output_too_large",
        }
    }
}
