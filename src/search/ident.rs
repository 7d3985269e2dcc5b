//! Identifiers (invoice numbers, references, SIREN, SIRET, VAT numbers, IBAN) and amounts are
//! found exactly, through normalised values the database stores beside the full-text index
//! (table `search_identifiers`, filled by triggers: see migration 0008). The rules here are
//! the SQL's, written once more in Rust for the query side.

/// Identifier kinds stored in `search_identifiers.kind` (amounts excepted).
pub const IDENTIFIER_KINDS: &[&str] = &["reference", "invoiceNumber", "siren", "siret", "vatNumber", "iban"];
/// Amount kinds, whose value is a number of cents.
pub const AMOUNT_KINDS: &[&str] = &["totalIncludingTax", "totalExcludingTax", "totalTax"];

/// What a query may also match exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exact {
    /// A normalised identifier.
    pub identifier: Option<String>,
    /// An amount, in cents.
    pub cents: Option<i64>,
}

/// Reads `text` (the words of a query) as an identifier and as an amount.
pub fn exact(text: &str) -> Exact {
    let cents = amount_cents(text);
    // "1234.56" is an amount, not the identifier "123456".
    let identifier = if cents.is_some() { None } else { identifier(text) };
    Exact { identifier, cents }
}

/// Uppercase, without spaces, dashes, dots, slashes and underscores: "fa-2024/0012" →
/// "FA20240012". `None` unless what is left is 3 to 64 ASCII letters and digits with a digit.
pub fn identifier(text: &str) -> Option<String> {
    let value = normalise(text);
    let plausible = (3..=64).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_alphanumeric())
        && value.bytes().any(|b| b.is_ascii_digit());
    plausible.then_some(value)
}

/// The normalisation of stored identifiers (SQL: `upper(replace(...))` in migration 0008).
pub fn normalise(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '_')).map(|c| c.to_ascii_uppercase()).collect()
}

/// An amount as typed in French or English: `1 234,56`, `1234.56`, `1.234,56 €`, `1234 €`.
/// Without a currency sign it needs decimals (a bare `2024` is a word, not an amount).
pub fn amount_cents(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, currency) = match text.strip_suffix('€').or_else(|| text.strip_suffix("EUR")) {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let number = number.strip_prefix('€').map(str::trim_start).unwrap_or(number);
    let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let (units, decimals) = split_decimals(&digits);
    if decimals.is_none() && !currency {
        return None;
    }
    let units = thousands(units)?;
    let cents = match decimals {
        Some(d) if d.len() == 1 => d.parse::<i64>().ok()? * 10,
        Some(d) => d.parse::<i64>().ok()?,
        None => 0,
    };
    units.checked_mul(100)?.checked_add(cents)
}

/// `1.234,56` → ("1.234", "56"); `1234.56` → ("1234", "56"); `1.234` → ("1.234", none).
fn split_decimals(digits: &str) -> (&str, Option<&str>) {
    if let Some((units, decimals)) = digits.rsplit_once([',', '.']) {
        if (1..=2).contains(&decimals.len()) && decimals.bytes().all(|b| b.is_ascii_digit()) {
            return (units, Some(decimals));
        }
    }
    (digits, None)
}

/// Units with optional thousands separators (`.` or `,` every three digits).
fn thousands(units: &str) -> Option<i64> {
    let groups: Vec<&str> = units.split(['.', ',']).collect();
    let well_formed = !groups[0].is_empty()
        && groups[0].bytes().all(|b| b.is_ascii_digit())
        && groups[1..].iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed || units.len() > 15 {
        return None;
    }
    groups.concat().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_normalised() {
        assert_eq!(identifier("fa-2024-0012").as_deref(), Some("FA20240012"));
        assert_eq!(identifier("552 100 554").as_deref(), Some("552100554"));
        assert_eq!(identifier("FR76 3000 6000 0112 3456 7890 189").as_deref(), Some("FR7630006000011234567890189"));
        assert_eq!(identifier("FR 40.303.265.045").as_deref(), Some("FR40303265045"));
        assert_eq!(identifier("orange"), None);
        assert_eq!(identifier("12"), None);
        assert_eq!(identifier("Société 2024"), None);
    }

    #[test]
    fn amounts_in_french_and_english() {
        for typed in
            ["1 234,56", "1234,56", "1234.56", "1.234,56", "1,234.56", "1 234,56 €", "€1234.56", "1\u{a0}234,56"]
        {
            assert_eq!(amount_cents(typed), Some(123_456), "{typed}");
        }
        assert_eq!(amount_cents("1234 €"), Some(123_400));
        assert_eq!(amount_cents("12,5"), Some(1250));
        assert_eq!(amount_cents("2024"), None);
        assert_eq!(amount_cents("1.2.3"), None);
        assert_eq!(amount_cents("12,345"), None);
        assert_eq!(amount_cents("abc,12"), None);
        assert_eq!(amount_cents(&"9".repeat(40)), None);
        assert_eq!(exact("1234.56"), Exact { identifier: None, cents: Some(123_456) });
        assert_eq!(exact("FA-1"), Exact { identifier: Some("FA1".into()), cents: None });
    }
}
