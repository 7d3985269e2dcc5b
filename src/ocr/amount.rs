//! Money amounts as integer cents, so sums are exact.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    /// Parses a plain decimal as written in XML (`1234.5`, `-12.00`, `7`), rounding half away
    /// from zero past two decimals. `None` if it is not a decimal number.
    pub fn parse_decimal(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let (negative, digits) = match raw.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, raw.strip_prefix('+').unwrap_or(raw)),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let valid =
            !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit());
        if !valid || int.len() > 15 {
            return None;
        }
        let mut cents = int.parse::<i64>().ok()? * 100;
        let frac = frac.as_bytes();
        let digit = |i: usize| frac.get(i).map_or(0, |d| i64::from(d - b'0'));
        cents += digit(0) * 10 + digit(1);
        if digit(2) >= 5 {
            cents += 1;
        }
        Some(Self(if negative { -cents } else { cents }))
    }
}

/// `1234.56`, `-0.50`: the API's decimal-string form.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// A VAT rate as written in the API: `20`, `5.5`, `2.1` (no trailing zeros).
pub fn format_rate(raw: &str) -> Option<String> {
    let cents = Cents::parse_decimal(raw)?;
    let text = cents.to_string();
    Some(text.trim_end_matches('0').trim_end_matches('.').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_decimals() {
        assert_eq!(Cents::parse_decimal("1234.5").unwrap().to_string(), "1234.50");
        assert_eq!(Cents::parse_decimal("7").unwrap().to_string(), "7.00");
        assert_eq!(Cents::parse_decimal("-0.5").unwrap().to_string(), "-0.50");
        assert_eq!(Cents::parse_decimal("10.005").unwrap().to_string(), "10.01");
        assert!(Cents::parse_decimal("1,5").is_none());
        assert!(Cents::parse_decimal("").is_none());
        assert_eq!(format_rate("20.00").unwrap(), "20");
        assert_eq!(format_rate("5.5").unwrap(), "5.5");
    }
}
