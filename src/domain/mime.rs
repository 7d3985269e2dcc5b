//! MIME types accepted for upload, and magic-byte sniffing to check that stored bytes are of
//! the declared type.

/// A lowercased MIME type without parameters, from the configured allow-list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MimeType(String);

/// The default allow-list: scans, photos and e-invoices.
pub const DEFAULT_ALLOWED: &[&str] = &[
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/webp",
    "image/heic",
    "image/heif",
    "image/gif",
    "application/xml",
    "text/xml",
];

impl MimeType {
    /// Parses `raw` and checks it against `allowed`; `None` means 415.
    pub fn parse(raw: &str, allowed: &[String]) -> Option<Self> {
        let normalized = raw.trim().to_ascii_lowercase();
        allowed.iter().any(|a| a == &normalized).then_some(Self(normalized))
    }
    /// A type read back from the database, already validated when it was stored.
    pub fn from_stored(raw: String) -> Self {
        Self(raw)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether bytes sniffed as `sniffed` may carry this declared type.
    pub fn matches(&self, sniffed: Sniffed) -> bool {
        let expected = match self.0.as_str() {
            "application/pdf" => Sniffed::Pdf,
            "image/jpeg" => Sniffed::Jpeg,
            "image/png" => Sniffed::Png,
            "image/tiff" => Sniffed::Tiff,
            "image/webp" => Sniffed::Webp,
            "image/heic" | "image/heif" => Sniffed::Heif,
            "image/gif" => Sniffed::Gif,
            "application/xml" | "text/xml" => Sniffed::Xml,
            // A type an operator added to the allow-list that we cannot sniff: trust it.
            _ => return true,
        };
        expected == sniffed
    }
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Pdf,
    Jpeg,
    Png,
    Tiff,
    Webp,
    Heif,
    Gif,
    Xml,
    Unknown,
}

/// How many leading bytes [`sniff`] looks at.
pub const SNIFF_LEN: usize = 1024;

/// Identifies a file from its first bytes (up to [`SNIFF_LEN`]).
pub fn sniff(head: &[u8]) -> Sniffed {
    const HEIF_BRANDS: &[&[u8]] = &[b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"];
    if head.starts_with(b"%PDF-") || find(head, b"%PDF-").is_some() {
        Sniffed::Pdf
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Png
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") || head.starts_with(b"II+\0") {
        Sniffed::Tiff
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Sniffed::Webp
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Sniffed::Gif
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" && HEIF_BRANDS.contains(&&head[8..12]) {
        Sniffed::Heif
    } else if looks_like_xml(head) {
        Sniffed::Xml
    } else {
        Sniffed::Unknown
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn looks_like_xml(head: &[u8]) -> bool {
    // UTF-16 documents: a byte-order mark then '<' as a 16-bit unit.
    if head.starts_with(&[0xFF, 0xFE, b'<', 0]) || head.starts_with(&[0xFE, 0xFF, 0, b'<']) {
        return true;
    }
    let body = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    first == Some(&b'<') && body.iter().all(|&b| b != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> Vec<String> {
        DEFAULT_ALLOWED.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn known_signatures() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Sniffed::Pdf);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Sniffed::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Sniffed::Png);
        assert_eq!(sniff(b"II*\0...."), Sniffed::Tiff);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Sniffed::Webp);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Sniffed::Heif);
        assert_eq!(sniff(b"GIF89a"), Sniffed::Gif);
        assert_eq!(sniff(b"\xEF\xBB\xBF <?xml version=\"1.0\"?>"), Sniffed::Xml);
        assert_eq!(sniff(b"PK\x03\x04zip"), Sniffed::Unknown);
    }

    #[test]
    fn declared_type_must_match_content() {
        let pdf = MimeType::parse("Application/PDF", &allowed()).unwrap();
        assert!(pdf.matches(Sniffed::Pdf));
        assert!(!pdf.matches(Sniffed::Unknown));
        assert!(MimeType::parse("application/zip", &allowed()).is_none());
    }
}
