//! Timestamps are stored as Unix milliseconds and shown as RFC 3339 UTC.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

pub fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}

pub fn rfc3339(millis: i64) -> String {
    Utc.timestamp_millis_opt(millis).single().unwrap_or_default().to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn from_millis(millis: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(millis).single().unwrap_or_default()
}

/// [`rfc3339`] without allocating, for serializers of large pages: the same text
/// (`YYYY-MM-DDTHH:MM:SS.mmmZ`), written by hand from 1970 to 9999 and by chrono outside.
#[derive(Debug, Clone, Copy)]
pub struct Rfc3339(pub i64);

impl serde::Serialize for Rfc3339 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 24];
        match format_rfc3339(self.0, &mut buf) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.serialize_str(&rfc3339(self.0)),
        }
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's `civil_from_days`), for days >= 0.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn format_rfc3339(millis: i64, buf: &mut [u8; 24]) -> Option<&str> {
    // 10000-01-01T00:00:00Z: chrono's four-digit years end there.
    if !(0..253_402_300_800_000).contains(&millis) {
        return None;
    }
    let (day_ms, ms) = (millis.rem_euclid(86_400_000), millis % 1000);
    let (year, month, day) = civil_from_days(millis.div_euclid(86_400_000));
    let mut put = |at: usize, value: i64, width: usize| {
        let mut v = value;
        for i in (at..at + width).rev() {
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    put(11, day_ms / 3_600_000, 2);
    put(14, day_ms / 60_000 % 60, 2);
    put(17, day_ms / 1000 % 60, 2);
    put(20, ms, 3);
    for (at, sep) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'.'), (23, b'Z')] {
        buf[at] = sep;
    }
    std::str::from_utf8(buf).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_by_hand_matches_chrono() {
        let json = |millis| serde_json::to_string(&Rfc3339(millis)).unwrap();
        let mut millis: i64 = 0;
        // Every day boundary around leap years and centuries, and scattered instants to 9999.
        let mut samples = vec![0, 1, 999, 86_399_999, 951_782_400_000, 4_107_542_399_999, 253_402_300_799_999];
        samples.extend([-1, -86_400_001, 253_402_300_800_000, i64::MIN / 2]);
        while millis < 253_402_300_800_000 {
            samples.push(millis);
            millis += 7_777_777_777 + millis % 86_400_000;
        }
        for day in 0..=200_000 {
            samples.push(day * 86_400_000 - 1);
            samples.push(day * 86_400_000 + 43_261_007);
        }
        for m in samples {
            assert_eq!(json(m), format!("\"{}\"", rfc3339(m)), "at {m}");
        }
    }
}
