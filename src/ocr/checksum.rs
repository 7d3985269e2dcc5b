//! Checksum rules for identifiers, the one place both the e-invoice XML path and the text path
//! ask: a value that fails here is never reported, whatever its source.

/// Luhn checksum over ASCII digits (SIREN, SIRET, card numbers). False if empty or not digits.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits.bytes().rev().enumerate().map(|(i, b)| luhn_term(u32::from(b - b'0'), i % 2 == 1)).sum();
    sum % 10 == 0
}

/// A SIREN: 9 digits, not all zeros, Luhn-valid.
pub fn siren_valid(siren: &str) -> bool {
    is_digits(siren, 9) && !is_zeros(siren) && luhn_valid(siren)
}

/// La Poste's establishments all share this SIREN and outnumber what Luhn leaves room for, so
/// INSEE numbers them by digit sum instead (its head office, 356 000 000 00048, is Luhn-valid).
const LA_POSTE_SIREN: &str = "356000000";

/// A SIRET: 14 digits, not all zeros, Luhn-valid, or La Poste's (sum of digits multiple of 5).
pub fn siret_valid(siret: &str) -> bool {
    if !is_digits(siret, 14) || is_zeros(siret) {
        return false;
    }
    let la_poste =
        siret.starts_with(LA_POSTE_SIREN) && siret.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0;
    la_poste || luhn_valid(siret)
}

/// A French VAT number: "FR" + 2-digit key + valid SIREN, key = (12 + 3 * (SIREN mod 97)) mod 97.
/// Spaces are ignored. Alphanumeric keys cannot be checked against the SIREN: rejected, on every
/// path, so that an unverifiable value is never reported as verified.
pub fn fr_vat_valid(vat: &str) -> bool {
    let compact = compact(vat).to_ascii_uppercase();
    let Some(rest) = compact.strip_prefix("FR") else { return false };
    let (Some(key), Some(siren)) = (rest.get(..2), rest.get(2..)) else { return false };
    if !is_digits(key, 2) || !siren_valid(siren) {
        return false;
    }
    match (key.parse::<u64>(), siren.parse::<u64>()) {
        (Ok(key), Ok(siren)) => key == (12 + 3 * (siren % 97)) % 97,
        _ => false,
    }
}

/// An intra-EU VAT number, normalised (upper case, no spaces): a country prefix and 2 to 13
/// alphanumerics; a French one must pass [`fr_vat_valid`]. None otherwise.
pub fn vat_number(raw: &str) -> Option<String> {
    let vat = compact(raw).to_ascii_uppercase();
    let bytes = vat.as_bytes();
    let shaped = (4..=15).contains(&bytes.len())
        && bytes.iter().take(2).all(u8::is_ascii_uppercase)
        && bytes.iter().skip(2).all(u8::is_ascii_alphanumeric)
        && bytes.iter().skip(2).any(u8::is_ascii_digit);
    match vat.strip_prefix("FR") {
        _ if !shaped => None,
        Some(_) => fr_vat_valid(&vat).then_some(vat),
        None => Some(vat),
    }
}

/// An IBAN, ISO 13616 mod 97 (the country's own length is not checked). Spaces ignored.
pub fn iban_valid(iban: &str) -> bool {
    let compact = compact(iban).to_ascii_uppercase();
    let bytes = compact.as_bytes();
    let shape_ok = (15..=34).contains(&bytes.len())
        && bytes.iter().take(2).all(u8::is_ascii_uppercase)
        && bytes.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && bytes.iter().all(u8::is_ascii_alphanumeric);
    if !shape_ok {
        return false;
    }
    // The country code and check digits move to the end, letters count as 10..35.
    let remainder = bytes.iter().skip(4).chain(bytes.iter().take(4)).fold(0u32, |rem, &b| {
        if b.is_ascii_digit() {
            (rem * 10 + u32::from(b - b'0')) % 97
        } else {
            (rem * 100 + u32::from(b - b'A') + 10) % 97
        }
    });
    remainder == 1
}

/// The IBAN normalised (upper case, no spaces) when [`iban_valid`].
pub fn iban(raw: &str) -> Option<String> {
    iban_valid(raw).then(|| compact(raw).to_ascii_uppercase())
}

fn luhn_term(digit: u32, doubled: bool) -> u32 {
    match (doubled, digit * 2) {
        (false, _) => digit,
        (true, twice) if twice > 9 => twice - 9,
        (true, twice) => twice,
    }
}

pub(crate) fn is_digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_zeros(text: &str) -> bool {
    text.bytes().all(|b| b == b'0')
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_every_path() {
        assert!(siren_valid("732829320"));
        assert!(!siren_valid("000000000"), "all zeros pass Luhn but are no SIREN");
        assert!(!siret_valid("00000000000000"));
        assert!(siret_valid("35600000049837"), "La Poste");
        assert!(!siret_valid("35600000049838"));
        assert_eq!(vat_number("FR 44 732 829 320").as_deref(), Some("FR44732829320"));
        assert_eq!(vat_number("FR45732829320"), None, "wrong key");
        assert_eq!(vat_number("FRAB732829320"), None, "letter keys cannot be verified");
        assert_eq!(vat_number("FR00000000000"), None);
        assert_eq!(vat_number("DE123456789").as_deref(), Some("DE123456789"));
        assert_eq!(vat_number("12345678901"), None);
        assert_eq!(iban("fr76 3000 6000 0112 3456 7890 189").as_deref(), Some("FR7630006000011234567890189"));
        assert!(!iban_valid("FR7630006000011234567890188"));
    }
}
