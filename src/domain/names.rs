//! Validated text values. Each `parse` returns a human-readable reason on failure; the HTTP
//! layer attaches the field name.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

pub const MAX_NAME_CHARS: usize = 256;

/// Invisible format characters (Unicode general category Cf): bidirectional overrides and
/// isolates (U+202E turns `fdp.exe` into what reads as `exe.pdf`), zero-width spaces and
/// joiners, the BOM, soft hyphens. They make two names look alike or a name look like another.
/// The regex crate's Unicode tables are already in the build and follow the Unicode version.
static FORMAT_CHARS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Cf}").expect("valid pattern"));

/// Text of at most 256 characters, not blank, without control or invisible format characters
/// once trimmed. The length is the one sent, so that a schema's `maxLength` can state it.
fn parse_text(raw: &str) -> Result<String, String> {
    if raw.chars().count() > MAX_NAME_CHARS {
        return Err(format!("must be at most {MAX_NAME_CHARS} characters"));
    }
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("must not be empty".into());
    }
    if trimmed.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    if let Some(found) = FORMAT_CHARS.find(trimmed) {
        let c = found.as_str().chars().next().unwrap_or_default();
        return Err(format!("must not contain invisible format characters (U+{:04X})", u32::from(c)));
    }
    Ok(trimmed.to_owned())
}

macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, String> {
                parse_text(raw).map(Self)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_inner(self) -> String {
                self.0
            }
        }
    };
}

text_type!(
    /// A folder or file name.
    FolderName
);
text_type!(
    /// A user's reference for a file (an invoice number, a booking reference...).
    Reference
);
text_type!(
    /// A fiscal year's label.
    Label
);

impl FolderName {
    /// The key under which sibling names must be unique: case-insensitive, computed here
    /// rather than by the database so that SQLite and PostgreSQL agree on Unicode.
    pub fn unique_key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocDate(NaiveDate);

impl DocDate {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let valid_shape = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
        match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) if valid_shape => Ok(Self(date)),
            _ => Err("must be a date in the form YYYY-MM-DD".into()),
        }
    }
    pub fn to_iso(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }
}

/// A SHA-256 digest as 64 lowercase hexadecimal characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let ok = raw.len() == 64 && raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err("must be a SHA-256 digest as 64 lowercase hexadecimal characters".into())
        }
    }
    pub fn from_digest(bytes: &[u8]) -> Self {
        Self(hex::encode(bytes))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(FolderName::parse("  Achats ").unwrap().as_str(), "Achats");
        assert!(FolderName::parse("   ").is_err());
        assert!(FolderName::parse("a\u{0007}b").is_err());
        assert!(FolderName::parse(&"é".repeat(256)).is_ok());
        assert!(FolderName::parse(&"é".repeat(257)).is_err());
        // The bound is on what is sent, as the API document states it (maxLength).
        assert!(FolderName::parse(&format!(" {}", "é".repeat(256))).is_err());
        assert_eq!(FolderName::parse("ÉTÉ").unwrap().unique_key(), "été");
    }

    #[test]
    fn names_refuse_invisible_format_characters() {
        let invisible = [
            '\u{202E}',
            '\u{202A}',
            '\u{200B}',
            '\u{200E}',
            '\u{200F}',
            '\u{2060}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{061C}',
            '\u{E0001}',
        ];
        for c in invisible {
            let err = FolderName::parse(&format!("facture{c}fdp.exe")).unwrap_err();
            assert!(err.contains(&format!("U+{:04X}", u32::from(c))), "{err}");
            assert!(Reference::parse(&format!("{c}F-1")).is_err(), "U+{:04X}", u32::from(c));
            assert!(Label::parse(&format!("2026{c}")).is_err(), "U+{:04X}", u32::from(c));
        }
        // Visible non-ASCII text stays welcome.
        for ok in ["Été 2026", "Факту́ра", "فاتورة", "請求書", "Reçu n°12 – €"] {
            assert!(FolderName::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn dates_must_be_iso_calendar_dates() {
        assert_eq!(DocDate::parse("2026-02-28").unwrap().to_iso(), "2026-02-28");
        for bad in ["2026-02-30", "2026-2-3", "28/02/2026", "", "2026-02-28T00:00:00Z"] {
            assert!(DocDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sha256_must_be_lowercase_hex() {
        assert!(Sha256Hex::parse(&"a".repeat(64)).is_ok());
        assert!(Sha256Hex::parse(&"A".repeat(64)).is_err());
        assert!(Sha256Hex::parse("abc").is_err());
    }
}
