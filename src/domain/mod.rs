//! Domain types and their rules. Values are parsed at the edge (HTTP, CLI) into these types;
//! past that point an invalid name, date or MIME type cannot exist.

pub mod api_key;
pub mod ids;
pub mod mime;
pub mod names;
pub mod text;
pub mod time;

pub use ids::new_id;
pub use mime::{MimeType, Sniffed};
pub use names::{DocDate, FolderName, Label, Reference, Sha256Hex};
