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
