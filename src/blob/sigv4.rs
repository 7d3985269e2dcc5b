//! AWS Signature Version 4 query-string authentication ("presigned URLs"):
//! signing, and the server-side verification that Amazon S3 performs.
//!
//! Only the query-string flavour is handled: the payload hash is always
//! `UNSIGNED-PAYLOAD` and the service is always `s3`. The signer does not
//! emit session tokens; on the verifying side an `X-Amz-Security-Token`
//! parameter is merely one more signed query parameter.

use std::collections::BTreeMap;
use std::fmt;

// The `http` crate is reached through axum's re-export: Coffre has no direct
// dependency on it, and the types are the ones its handlers already hold.
use axum::http::header::{HeaderName, HeaderValue};
use axum::http::{HeaderMap, Method};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use hmac::{Hmac, Mac};
use percent_encoding::{percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Longest validity S3 accepts for a presigned URL: seven days.
pub const MAX_EXPIRES_SECS: u32 = 604_800;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const SERVICE: &str = "s3";
const TERMINATOR: &str = "aws4_request";
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
const AMZ_DATE_FORMAT: &str = "%Y%m%dT%H%M%SZ";
/// S3 tolerates this much clock drift for requests signed "in the future".
const CLOCK_SKEW: TimeDelta = TimeDelta::minutes(15);

const ALGORITHM_PARAM: &str = "X-Amz-Algorithm";
const CREDENTIAL_PARAM: &str = "X-Amz-Credential";
const DATE_PARAM: &str = "X-Amz-Date";
const EXPIRES_PARAM: &str = "X-Amz-Expires";
const SIGNED_HEADERS_PARAM: &str = "X-Amz-SignedHeaders";
const SIGNATURE_PARAM: &str = "X-Amz-Signature";
/// Order matters: `find_auth_params` returns the values in this order.
const AUTH_PARAMS: [&str; 6] =
    [ALGORITHM_PARAM, CREDENTIAL_PARAM, DATE_PARAM, EXPIRES_PARAM, SIGNED_HEADERS_PARAM, SIGNATURE_PARAM];

/// RFC 3986 unreserved characters are the only bytes `SigV4` leaves unencoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// Paths keep their '/' separators; query names and values encode them.
const PATH_UNRESERVED: &AsciiSet = &UNRESERVED.remove(b'/');

const MISSING_PARAMS: &str = "Query-string authentication version 4 requires the X-Amz-Algorithm, \
     X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
const BAD_CREDENTIAL: &str = "Error parsing the X-Amz-Credential parameter; \
     expected <access key>/<yyyymmdd>/<region>/s3/aws4_request";

type HmacSha256 = Hmac<Sha256>;

/// Credentials of the embedded S3 endpoint or an external store.
///
/// `Debug` never prints `secret_key`, so the value may be logged.
#[derive(Clone)]
pub struct Credentials {
    pub access_key: String,
    pub secret_key: String,
    pub region: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .field("region", &self.region)
            .finish()
    }
}

/// What to presign.
///
/// - `method`: the HTTP method the client will use, e.g. `"PUT"`.
/// - `host`: the exact `Host` header the client will send, port included
///   when it is not the scheme's default (e.g. `"127.0.0.1:8080"`).
/// - `path`: the decoded absolute path; it is percent-encoded by [`presign`].
/// - `query`: extra decoded query parameters, signed too. They must not be
///   `X-Amz-*` authentication parameters.
/// - `headers`: extra headers the client must send with exactly these values
///   (names are lowercased). A `host` entry is ignored: `host` is always
///   signed, with the value of the `host` field.
/// - `expires_secs`: validity in seconds, `1..=604800`; values outside that
///   range are clamped into it.
#[derive(Debug, Clone, Copy)]
pub struct PresignRequest<'a> {
    pub method: &'a str,
    pub host: &'a str,
    pub path: &'a str,
    pub query: &'a [(&'a str, &'a str)],
    pub headers: &'a [(&'a str, &'a str)],
    pub now: DateTime<Utc>,
    pub expires_secs: u32,
}

/// Presigns `req` with `creds`.
///
/// Returns the encoded path followed by the query string, ready to append to
/// the endpoint base, e.g. `"/coffre/key?X-Amz-Algorithm=...&X-Amz-Signature=..."`.
/// The query parameters are in canonical order, `X-Amz-Signature` last.
#[must_use]
pub fn presign(creds: &Credentials, req: &PresignRequest) -> String {
    let amz_date = req.now.format(AMZ_DATE_FORMAT).to_string();
    let headers = presign_headers(req);
    let signed_headers = signed_header_list(&headers);
    let credential = format!("{}/{}", creds.access_key, scope(&amz_date[..8], &creds.region));
    let expires = req.expires_secs.clamp(1, MAX_EXPIRES_SECS).to_string();
    let auth = [
        (ALGORITHM_PARAM, ALGORITHM),
        (CREDENTIAL_PARAM, credential.as_str()),
        (DATE_PARAM, amz_date.as_str()),
        (EXPIRES_PARAM, expires.as_str()),
        (SIGNED_HEADERS_PARAM, signed_headers.as_str()),
    ];
    let params = req.query.iter().chain(auth.iter());
    let query = canonical_query(params.map(|(n, v)| (n.as_bytes(), v.as_bytes())));
    let uri = canonical_uri(req.path.as_bytes());
    let request = canonical_request(req.method, &uri, &query, &headers);
    let signature = sign(creds, &amz_date, &request);
    format!("{uri}?{query}&{SIGNATURE_PARAM}={signature}")
}

/// An incoming HTTP request to verify.
///
/// `raw_path` and `raw_query` are exactly as received (still percent-encoded;
/// the query without its leading '?'). `headers` must contain `host`: HTTP/1.1
/// always carries it, an HTTP/2 front end must copy `:authority` into it.
#[derive(Debug, Clone, Copy)]
pub struct IncomingRequest<'a> {
    pub method: &'a Method,
    pub raw_path: &'a str,
    pub raw_query: &'a str,
    pub headers: &'a HeaderMap,
}

/// The result of a successful verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The access key that signed the request.
    pub access_key: String,
    /// `X-Amz-Date`.
    pub signed_at: DateTime<Utc>,
    /// `X-Amz-Date` plus `X-Amz-Expires`; the request is valid up to this instant included.
    pub expires_at: DateTime<Utc>,
    /// The signed header names, lowercase and sorted; always includes `host`.
    pub signed_headers: Vec<String>,
}

/// Why a presigned request was refused; [`SigError::s3_code`] and
/// [`SigError::http_status`] give the S3 error response to send.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SigError {
    #[error("the request carries no SigV4 query signature")]
    Missing,
    #[error("malformed authorization query parameters: {0}")]
    Malformed(&'static str),
    #[error("unknown access key")]
    UnknownAccessKey,
    #[error("request has expired")]
    Expired,
    #[error("request is not valid yet")]
    NotYetValid,
    #[error("signature does not match")]
    SignatureDoesNotMatch,
}

impl SigError {
    /// The S3 error code (`<Code>` of the XML error body).
    #[must_use]
    pub fn s3_code(&self) -> &'static str {
        match self {
            Self::Missing | Self::Expired | Self::NotYetValid => "AccessDenied",
            Self::Malformed(_) => "AuthorizationQueryParametersError",
            Self::UnknownAccessKey => "InvalidAccessKeyId",
            Self::SignatureDoesNotMatch => "SignatureDoesNotMatch",
        }
    }

    /// The HTTP status S3 answers with.
    #[must_use]
    pub fn http_status(&self) -> u16 {
        match self {
            Self::Malformed(_) => 400,
            _ => 403,
        }
    }
}

/// Verifies a presigned request as S3 does; `lookup` maps an access key to
/// its credentials, `None` meaning the key is unknown.
///
/// # Errors
///
/// Checks run in this order, which mirrors S3's, so the first failure is the
/// error S3 would report:
/// 1. authentication parameters present ([`SigError::Missing`] when none of
///    them is) and well formed, path and query correctly percent-encoded
///    ([`SigError::Malformed`]);
/// 2. access key known ([`SigError::UnknownAccessKey`]) and credential scope
///    naming its region ([`SigError::Malformed`]);
/// 3. validity window: [`SigError::NotYetValid`] when signed more than 15
///    minutes after `now`, [`SigError::Expired`] when `now` is past
///    `X-Amz-Date + X-Amz-Expires`;
/// 4. signature ([`SigError::SignatureDoesNotMatch`], also when a signed
///    header is absent from the request).
pub fn verify(
    lookup: impl Fn(&str) -> Option<Credentials>,
    req: &IncomingRequest,
    now: DateTime<Utc>,
) -> Result<Verified, SigError> {
    let query = parse_query(req.raw_query)?;
    let auth = parse_auth_params(&query)?;
    let path =
        percent_decode_strict(req.raw_path).ok_or(SigError::Malformed("invalid percent-encoding in the path"))?;
    let creds = lookup(&auth.access_key).ok_or(SigError::UnknownAccessKey)?;
    if creds.region != auth.region {
        return Err(SigError::Malformed("Error parsing the X-Amz-Credential parameter; the region is wrong"));
    }
    let expires_at = validity_window(auth.signed_at, auth.expires_secs, now)?;
    let expected = expected_signature(&creds, &auth, req, &path, &query)?;
    if !bool::from(expected.as_bytes().ct_eq(auth.signature.as_bytes())) {
        return Err(SigError::SignatureDoesNotMatch);
    }
    Ok(Verified {
        access_key: auth.access_key,
        signed_at: auth.signed_at,
        expires_at,
        signed_headers: auth.signed_headers,
    })
}

/// The authentication parameters of a presigned request, validated.
struct AuthParams {
    access_key: String,
    region: String,
    /// Kept verbatim because the string to sign uses it as received.
    amz_date: String,
    signed_at: DateTime<Utc>,
    expires_secs: u32,
    signed_headers: Vec<String>,
    signature: String,
}

/// A query parameter, percent-decoded. Bytes rather than `String` because a
/// decoded value need not be UTF-8 and is re-encoded byte for byte anyway.
type Param = (Vec<u8>, Vec<u8>);

fn parse_auth_params(query: &[Param]) -> Result<AuthParams, SigError> {
    let [algorithm, credential, amz_date, expires, signed_headers, signature] = find_auth_params(query)?;
    if algorithm != ALGORITHM {
        return Err(SigError::Malformed("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
    }
    let signed_at = parse_amz_date(amz_date)
        .ok_or(SigError::Malformed("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""))?;
    let (access_key, region) = parse_credential(credential, &amz_date[..8])?;
    Ok(AuthParams {
        access_key,
        region,
        amz_date: amz_date.to_owned(),
        signed_at,
        expires_secs: parse_expires(expires)?,
        signed_headers: parse_signed_headers(signed_headers)?,
        signature: parse_signature(signature)?,
    })
}

/// The values of the six authentication parameters, in `AUTH_PARAMS` order.
fn find_auth_params(query: &[Param]) -> Result<[&str; 6], SigError> {
    let mut found = [None; 6];
    for (name, value) in query {
        let Some(slot) = AUTH_PARAMS.iter().position(|p| p.as_bytes() == name) else {
            continue;
        };
        if found[slot].is_some() {
            // Which occurrence was signed would be ambiguous.
            return Err(SigError::Malformed("duplicate X-Amz-* parameter"));
        }
        let value =
            std::str::from_utf8(value).map_err(|_| SigError::Malformed("X-Amz-* parameter is not valid UTF-8"))?;
        found[slot] = Some(value);
    }
    if found.iter().all(Option::is_none) {
        return Err(SigError::Missing);
    }
    let mut values = [""; 6];
    for (value, slot) in values.iter_mut().zip(found) {
        *value = slot.ok_or(SigError::Malformed(MISSING_PARAMS))?;
    }
    Ok(values)
}

/// Splits `AKID/yyyymmdd/region/s3/aws4_request` into access key and region,
/// requiring its date to be `date` (the date part of `X-Amz-Date`).
fn parse_credential(credential: &str, date: &str) -> Result<(String, String), SigError> {
    let parts: Vec<&str> = credential.split('/').collect();
    let [access_key, scope_date, region, service, terminator] = parts.as_slice() else {
        return Err(SigError::Malformed(BAD_CREDENTIAL));
    };
    if access_key.is_empty() || region.is_empty() {
        return Err(SigError::Malformed(BAD_CREDENTIAL));
    }
    if *scope_date != date {
        return Err(SigError::Malformed(
            "Error parsing the X-Amz-Credential parameter; its date does not match X-Amz-Date",
        ));
    }
    if *service != SERVICE {
        return Err(SigError::Malformed(
            "Error parsing the X-Amz-Credential parameter; incorrect service, expecting \"s3\"",
        ));
    }
    if *terminator != TERMINATOR {
        return Err(SigError::Malformed(
            "Error parsing the X-Amz-Credential parameter; incorrect terminal, expecting \"aws4_request\"",
        ));
    }
    Ok(((*access_key).to_owned(), (*region).to_owned()))
}

fn parse_expires(raw: &str) -> Result<u32, SigError> {
    // Only plain digits: `u32::from_str` would also accept a leading '+'.
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SigError::Malformed("X-Amz-Expires should be a number"));
    }
    // With digits only, parsing fails on overflow alone, which is too large anyway.
    let secs = raw.parse::<u32>().unwrap_or(u32::MAX);
    if secs == 0 {
        return Err(SigError::Malformed("X-Amz-Expires must be positive"));
    }
    if secs > MAX_EXPIRES_SECS {
        return Err(SigError::Malformed("X-Amz-Expires must be less than a week (in seconds) that is; 604800 seconds"));
    }
    Ok(secs)
}

fn parse_signed_headers(raw: &str) -> Result<Vec<String>, SigError> {
    let names: Vec<&str> = raw.split(';').collect();
    let lowercase = names.iter().all(|n| HeaderName::from_lowercase(n.as_bytes()).is_ok());
    // Strictly ascending also rules out duplicates.
    let sorted = names.windows(2).all(|w| w[0] < w[1]);
    if !lowercase || !sorted {
        return Err(SigError::Malformed(
            "X-Amz-SignedHeaders must be lowercase header names, sorted and separated by ';'",
        ));
    }
    if !names.contains(&"host") {
        return Err(SigError::Malformed("X-Amz-SignedHeaders must include \"host\""));
    }
    Ok(names.into_iter().map(str::to_owned).collect())
}

fn parse_signature(raw: &str) -> Result<String, SigError> {
    let lower_hex = raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if raw.len() != 64 || !lower_hex {
        return Err(SigError::Malformed("X-Amz-Signature must be 64 lowercase hexadecimal digits"));
    }
    Ok(raw.to_owned())
}

/// Parses the strict `yyyymmddTHHMMSSZ` form. chrono's parser is not used
/// because it tolerates signs and variable field widths.
fn parse_amz_date(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if !s.is_ascii() || b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        let digits = &s[from..to];
        if digits.bytes().all(|c| c.is_ascii_digit()) {
            digits.parse().ok()
        } else {
            None
        }
    };
    let year = i32::try_from(num(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, num(4, 6)?, num(6, 8)?)?;
    let time = date.and_hms_opt(num(9, 11)?, num(11, 13)?, num(13, 15)?)?;
    Some(time.and_utc())
}

/// Returns the expiry instant when `now` lies within the validity window.
fn validity_window(signed_at: DateTime<Utc>, expires_secs: u32, now: DateTime<Utc>) -> Result<DateTime<Utc>, SigError> {
    if signed_at > now + CLOCK_SKEW {
        return Err(SigError::NotYetValid);
    }
    let expires_at = signed_at + TimeDelta::seconds(i64::from(expires_secs));
    if now > expires_at {
        return Err(SigError::Expired);
    }
    Ok(expires_at)
}

/// The signature the incoming request should carry.
fn expected_signature(
    creds: &Credentials,
    auth: &AuthParams,
    req: &IncomingRequest,
    decoded_path: &[u8],
    query: &[Param],
) -> Result<String, SigError> {
    let headers = incoming_headers(req.headers, &auth.signed_headers)?;
    let signed_params = query
        .iter()
        .filter(|(name, _)| name != SIGNATURE_PARAM.as_bytes())
        .map(|(name, value)| (name.as_slice(), value.as_slice()));
    let request =
        canonical_request(req.method.as_str(), &canonical_uri(decoded_path), &canonical_query(signed_params), &headers);
    Ok(sign(creds, &auth.amz_date, &request))
}

/// Canonical values of the signed headers, in the order of `names`.
fn incoming_headers(map: &HeaderMap, names: &[String]) -> Result<Vec<(String, String)>, SigError> {
    names
        .iter()
        .map(|name| {
            let values = map.get_all(name.as_str());
            // The signer saw a value we cannot reproduce, so the signature
            // cannot match; S3 reports it that way too.
            if values.iter().next().is_none() {
                return Err(SigError::SignatureDoesNotMatch);
            }
            let value = canonical_header_value(values.iter().map(HeaderValue::as_bytes));
            Ok((name.clone(), value))
        })
        .collect()
}

/// Signed headers of a presigned request: lowercase names in ascending order,
/// each with its canonical value, `host` always included.
fn presign_headers(req: &PresignRequest) -> Vec<(String, String)> {
    let mut grouped: BTreeMap<String, Vec<&[u8]>> = BTreeMap::new();
    grouped.insert("host".to_owned(), vec![req.host.as_bytes()]);
    for (name, value) in req.headers {
        let name = name.to_ascii_lowercase();
        if name != "host" {
            grouped.entry(name).or_default().push(value.as_bytes());
        }
    }
    grouped.into_iter().map(|(name, values)| (name, canonical_header_value(values))).collect()
}

/// Trims each value, collapses inner whitespace runs to one space (as
/// botocore does) and joins repeated values with ','.
fn canonical_header_value<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> String {
    let canonical: Vec<String> = values
        .into_iter()
        .map(|value| {
            let words: Vec<&[u8]> = value.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).collect();
            // Non-UTF-8 (obs-text) values are replaced lossily: such a header
            // then fails to verify, which is acceptable for a header nobody
            // legitimately signs.
            String::from_utf8_lossy(&words.join(&b' ')).into_owned()
        })
        .collect();
    canonical.join(",")
}

/// Decodes `%XX` escapes; `None` when a '%' is not followed by two hex
/// digits. '+' stays a literal '+', as S3 reads query strings.
fn percent_decode_strict(raw: &str) -> Option<Vec<u8>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let pair = bytes.get(i + 1..i + 3)?;
            out.push((hex_digit(pair[0])? << 4) | hex_digit(pair[1])?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Splits a raw query string into decoded parameters; empty segments (as in
/// `a=1&&b=2`) are skipped and a name without '=' has an empty value.
fn parse_query(raw: &str) -> Result<Vec<Param>, SigError> {
    let decode =
        |s: &str| percent_decode_strict(s).ok_or(SigError::Malformed("invalid percent-encoding in the query string"));
    raw.split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let (name, value) = segment.split_once('=').unwrap_or((segment, ""));
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

/// Encodes every decoded name and value strictly, then sorts by name and value.
fn canonical_query<'a>(params: impl Iterator<Item = (&'a [u8], &'a [u8])>) -> String {
    let mut encoded: Vec<(String, String)> =
        params.map(|(name, value)| (uri_encode(name, UNRESERVED), uri_encode(value, UNRESERVED))).collect();
    encoded.sort();
    let pairs: Vec<String> = encoded.iter().map(|(name, value)| format!("{name}={value}")).collect();
    pairs.join("&")
}

/// Re-encodes a decoded path, so that clients that escape differently
/// (e.g. `~` as `%7E`, lowercase hex) agree on one form.
fn canonical_uri(decoded_path: &[u8]) -> String {
    if decoded_path.is_empty() {
        return "/".to_owned();
    }
    uri_encode(decoded_path, PATH_UNRESERVED)
}

fn uri_encode(bytes: &[u8], set: &'static AsciiSet) -> String {
    // percent-encoding emits uppercase hex, as SigV4 requires.
    percent_encode(bytes, set).to_string()
}

fn canonical_request(method: &str, uri: &str, query: &str, headers: &[(String, String)]) -> String {
    let mut out = format!("{method}\n{uri}\n{query}\n");
    for (name, value) in headers {
        out.push_str(name);
        out.push(':');
        out.push_str(value);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&signed_header_list(headers));
    out.push('\n');
    out.push_str(UNSIGNED_PAYLOAD);
    out
}

fn signed_header_list(headers: &[(String, String)]) -> String {
    let names: Vec<&str> = headers.iter().map(|(name, _)| name.as_str()).collect();
    names.join(";")
}

fn scope(date: &str, region: &str) -> String {
    format!("{date}/{region}/{SERVICE}/{TERMINATOR}")
}

/// Lowercase hex signature of `canonical_request` signed at `amz_date`
/// (`yyyymmddTHHMMSSZ`) with `creds`.
fn sign(creds: &Credentials, amz_date: &str, canonical_request: &str) -> String {
    let date = &amz_date[..8];
    let string_to_sign = format!(
        "{ALGORITHM}\n{amz_date}\n{}\n{}",
        scope(date, &creds.region),
        hex::encode(Sha256::digest(canonical_request.as_bytes()))
    );
    let key = signing_key(&creds.secret_key, date, &creds.region);
    hex::encode(hmac(&key, string_to_sign.as_bytes()))
}

fn signing_key(secret: &str, date: &str, region: &str) -> [u8; 32] {
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, SERVICE.as_bytes());
    hmac(&k_service, TERMINATOR.as_bytes())
}

fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(amz_date: &str) -> DateTime<Utc> {
        parse_amz_date(amz_date).expect("valid test date")
    }

    fn creds() -> Credentials {
        Credentials {
            access_key: "COFFRETESTKEY".to_owned(),
            secret_key: "coffre-secret/with+chars".to_owned(),
            region: "eu-west-3".to_owned(),
        }
    }

    fn aws_doc_creds() -> Credentials {
        Credentials {
            access_key: "AKIAIOSFODNN7EXAMPLE".to_owned(),
            secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".to_owned(),
            region: "us-east-1".to_owned(),
        }
    }

    fn header_map(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(HeaderName::from_bytes(name.as_bytes()).unwrap(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    /// Verifies `url` (path and query, as returned by `presign`) against a
    /// store that knows `known`.
    fn check(
        known: &Credentials,
        method: Method,
        url: &str,
        headers: &[(&str, &str)],
        now: DateTime<Utc>,
    ) -> Result<Verified, SigError> {
        let (raw_path, raw_query) = url.split_once('?').unwrap_or((url, ""));
        let headers = header_map(headers);
        let req = IncomingRequest { method: &method, raw_path, raw_query, headers: &headers };
        let lookup = |key: &str| (key == known.access_key).then(|| known.clone());
        verify(lookup, &req, now)
    }

    const PUT_HEADERS: &[(&str, &str)] =
        &[("host", "127.0.0.1:8080"), ("content-type", "application/pdf"), ("content-length", "1234")];

    fn presigned_put(path: &str) -> String {
        presign(
            &creds(),
            &PresignRequest {
                method: "PUT",
                host: "127.0.0.1:8080",
                path,
                query: &[],
                headers: &[("content-type", "application/pdf"), ("content-length", "1234")],
                now: at("20250314T092653Z"),
                expires_secs: 900,
            },
        )
    }

    const DISPOSITION: &str = "attachment; filename=\"a b.pdf\"";

    fn presigned_get() -> String {
        presign(
            &creds(),
            &PresignRequest {
                method: "GET",
                host: "127.0.0.1:8080",
                path: "/coffre/org/2025/file/abc",
                query: &[("response-content-disposition", DISPOSITION)],
                headers: &[],
                now: at("20250314T092653Z"),
                expires_secs: 900,
            },
        )
    }

    const WITHIN: &str = "20250314T093000Z";

    #[test]
    fn aws_documentation_presigned_get_example() {
        let url = presign(
            &aws_doc_creds(),
            &PresignRequest {
                method: "GET",
                host: "examplebucket.s3.amazonaws.com",
                path: "/test.txt",
                query: &[],
                headers: &[],
                now: at("20130524T000000Z"),
                expires_secs: 86400,
            },
        );
        assert_eq!(
            url,
            "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\
             &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        );
        let host = [("host", "examplebucket.s3.amazonaws.com")];
        let verified =
            check(&aws_doc_creds(), Method::GET, &url, &host, at("20130524T120000Z")).expect("AWS example verifies");
        assert_eq!(verified.access_key, "AKIAIOSFODNN7EXAMPLE");
        assert_eq!(verified.expires_at, at("20130525T000000Z"));
    }

    #[test]
    fn put_round_trip_signs_content_type_and_length() {
        let url = presigned_put("/coffre/org/2025/file/abc");
        assert!(url.contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"));
        let verified = check(&creds(), Method::PUT, &url, PUT_HEADERS, at(WITHIN)).unwrap();
        assert_eq!(
            verified,
            Verified {
                access_key: "COFFRETESTKEY".to_owned(),
                signed_at: at("20250314T092653Z"),
                expires_at: at("20250314T094153Z"),
                signed_headers: vec!["content-length".to_owned(), "content-type".to_owned(), "host".to_owned()],
            }
        );
    }

    #[test]
    fn get_round_trip_with_signed_query_parameter() {
        let url = presigned_get();
        assert!(url.contains("response-content-disposition=attachment%3B%20filename%3D%22a%20b.pdf%22"));
        let host = [("host", "127.0.0.1:8080")];
        assert!(check(&creds(), Method::GET, &url, &host, at(WITHIN)).is_ok());
    }

    #[test]
    fn tampered_path_is_refused() {
        let url = presigned_put("/coffre/org/2025/file/abc").replace("abc", "abd");
        let result = check(&creds(), Method::PUT, &url, PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn tampered_method_is_refused() {
        let url = presigned_put("/coffre/a");
        let result = check(&creds(), Method::POST, &url, PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn tampered_query_value_is_refused() {
        let url = presigned_get().replace("a%20b.pdf", "evil.exe");
        let host = [("host", "127.0.0.1:8080")];
        let result = check(&creds(), Method::GET, &url, &host, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn added_query_parameter_is_refused() {
        let url = format!("{}&versionId=1", presigned_put("/coffre/a"));
        let result = check(&creds(), Method::PUT, &url, PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn wrong_content_length_is_refused() {
        let url = presigned_put("/coffre/a");
        let headers = [("host", "127.0.0.1:8080"), ("content-type", "application/pdf"), ("content-length", "999999")];
        let result = check(&creds(), Method::PUT, &url, &headers, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn wrong_content_type_is_refused() {
        let url = presigned_put("/coffre/a");
        let headers = [("host", "127.0.0.1:8080"), ("content-type", "text/html"), ("content-length", "1234")];
        let result = check(&creds(), Method::PUT, &url, &headers, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn wrong_host_is_refused() {
        let url = presigned_put("/coffre/a");
        let headers = [("host", "evil.example:8080"), ("content-type", "application/pdf"), ("content-length", "1234")];
        let result = check(&creds(), Method::PUT, &url, &headers, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn missing_signed_header_is_refused() {
        let url = presigned_put("/coffre/a");
        let headers = [("host", "127.0.0.1:8080"), ("content-length", "1234")];
        let result = check(&creds(), Method::PUT, &url, &headers, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn unsigned_extra_headers_are_ignored() {
        let url = presigned_put("/coffre/a");
        let mut headers = PUT_HEADERS.to_vec();
        headers.push(("user-agent", "curl/8"));
        assert!(check(&creds(), Method::PUT, &url, &headers, at(WITHIN)).is_ok());
    }

    #[test]
    fn expiry_is_inclusive_then_refused() {
        let url = presigned_put("/coffre/a");
        let last_valid = check(&creds(), Method::PUT, &url, PUT_HEADERS, at("20250314T094153Z"));
        assert!(last_valid.is_ok());
        let result = check(&creds(), Method::PUT, &url, PUT_HEADERS, at("20250314T094154Z"));
        assert_eq!(result, Err(SigError::Expired));
    }

    #[test]
    fn expiry_is_checked_before_the_signature() {
        let url = presigned_put("/coffre/a").replace("/a?", "/b?");
        let result = check(&creds(), Method::PUT, &url, PUT_HEADERS, at("20250315T000000Z"));
        assert_eq!(result, Err(SigError::Expired));
    }

    #[test]
    fn signed_in_the_future_beyond_skew_is_not_yet_valid() {
        let url = presigned_put("/coffre/a");
        let within_skew = check(&creds(), Method::PUT, &url, PUT_HEADERS, at("20250314T091153Z"));
        assert!(within_skew.is_ok());
        let result = check(&creds(), Method::PUT, &url, PUT_HEADERS, at("20250314T091152Z"));
        assert_eq!(result, Err(SigError::NotYetValid));
    }

    #[test]
    fn unknown_access_key_is_refused() {
        let url = presigned_put("/coffre/a");
        let other = Credentials { access_key: "SOMEONEELSE".to_owned(), ..creds() };
        let result = check(&other, Method::PUT, &url, PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::UnknownAccessKey));
    }

    #[test]
    fn wrong_secret_is_refused() {
        let url = presigned_put("/coffre/a");
        let other = Credentials { secret_key: "another-secret".to_owned(), ..creds() };
        let result = check(&other, Method::PUT, &url, PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn wrong_region_is_malformed() {
        let url = presigned_put("/coffre/a");
        let other = Credentials { region: "us-east-1".to_owned(), ..creds() };
        let result = check(&other, Method::PUT, &url, PUT_HEADERS, at(WITHIN));
        assert!(matches!(result, Err(SigError::Malformed(_))), "{result:?}");
    }

    fn assert_malformed(url: &str) {
        let result = check(&creds(), Method::PUT, url, PUT_HEADERS, at(WITHIN));
        assert!(matches!(result, Err(SigError::Malformed(_))), "{url}: {result:?}");
    }

    #[test]
    fn malformed_dates_are_refused() {
        let url = presigned_put("/coffre/a");
        assert_malformed(&url.replace("20250314T092653Z", "2025-03-14T09:26:53Z"));
        assert_malformed(&url.replace("20250314T092653Z", "20250314T092653"));
        assert_malformed(&url.replace("20250314T092653Z", "20251314T092653Z"));
        assert_malformed(&url.replace("20250314T092653Z", "+2025314T092653Z"));
        // Credential scope dated another day than X-Amz-Date.
        assert_malformed(&url.replace("20250314T092653Z", "20250315T092653Z"));
    }

    #[test]
    fn malformed_parameters_are_refused() {
        let url = presigned_put("/coffre/a");
        assert_malformed(&url.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"));
        assert_malformed(&url.replace("X-Amz-Expires=900", "X-Amz-Expires=0"));
        assert_malformed(&url.replace("X-Amz-Expires=900", "X-Amz-Expires=604801"));
        assert_malformed(&url.replace("X-Amz-Expires=900", "X-Amz-Expires=%2B900"));
        assert_malformed(&url.replace("X-Amz-Expires=900", "X-Amz-Expires=99999999999"));
        assert_malformed(&url.replace("content-length%3Bcontent-type", "content-type%3Bcontent-length"));
        assert_malformed(&url.replace("%3Bhost", ""));
        assert_malformed(&url.replace("content-type", "Content-Type"));
        assert_malformed(&url.replace("%2Fs3%2F", "%2Fs4%2F"));
        assert_malformed(&url.replace("%2Faws4_request", "%2Faws5_request"));
        assert_malformed(&url.replace("%2Feu-west-3", ""));
        assert_malformed(&url.replace("X-Amz-Date=", "X-Amz-Datum="));
        assert_malformed(&format!("{url}&X-Amz-Date=20250314T092653Z"));
        let signature = url.rsplit_once('=').unwrap().1;
        assert_malformed(&url.replace(signature, &signature.to_uppercase()));
        assert_malformed(&url.replace(signature, &signature[..63]));
        assert_malformed(&url.replace("/coffre/a", "/coffre/%zz"));
        assert_malformed(&url.replace("/coffre/a", "/coffre/a%4"));
        assert_malformed(&format!("{url}&x=%"));
    }

    #[test]
    fn request_without_signature_is_missing() {
        let result = check(&creds(), Method::GET, "/coffre/a?versionId=3", PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::Missing));
        let result = check(&creds(), Method::GET, "/coffre/a", PUT_HEADERS, at(WITHIN));
        assert_eq!(result, Err(SigError::Missing));
    }

    #[test]
    fn keys_with_spaces_and_accents_round_trip() {
        let url = presigned_put("/coffre/org/2025/facture été n°1 (copie).pdf");
        assert!(url.starts_with("/coffre/org/2025/facture%20%C3%A9t%C3%A9%20n%C2%B01%20%28copie%29.pdf?"));
        assert!(check(&creds(), Method::PUT, &url, PUT_HEADERS, at(WITHIN)).is_ok());
    }

    #[test]
    fn differently_encoded_raw_path_still_verifies() {
        let url = presigned_put("/coffre/a~b/été");
        assert!(url.starts_with("/coffre/a~b/%C3%A9t%C3%A9?"));
        for variant in [
            url.replace("a~b", "a%7Eb"),
            url.replace("a~b", "a%7eb"),
            url.replace("%C3%A9t%C3%A9", "%c3%a9t%c3%a9"),
            url.replace("/coffre/", "/%63offre/"),
        ] {
            let result = check(&creds(), Method::PUT, &variant, PUT_HEADERS, at(WITHIN));
            assert!(result.is_ok(), "{variant}: {result:?}");
        }
    }

    #[test]
    fn plus_in_raw_query_is_a_literal_plus() {
        let url = presign(
            &creds(),
            &PresignRequest {
                method: "GET",
                host: "127.0.0.1:8080",
                path: "/coffre/a",
                query: &[("response-content-type", "image/svg+xml")],
                headers: &[],
                now: at("20250314T092653Z"),
                expires_secs: 900,
            },
        );
        assert!(url.contains("response-content-type=image%2Fsvg%2Bxml"));
        let host = [("host", "127.0.0.1:8080")];
        let literal_plus = url.replace("svg%2Bxml", "svg+xml").replace("%2Fsvg", "/svg");
        assert!(check(&creds(), Method::GET, &literal_plus, &host, at(WITHIN)).is_ok());
        let space = url.replace("svg%2Bxml", "svg%20xml");
        let result = check(&creds(), Method::GET, &space, &host, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn header_values_are_trimmed_collapsed_and_joined() {
        let values: [&[u8]; 2] = [b"  a   b \t c ", b"d"];
        assert_eq!(canonical_header_value(values), "a b c,d");
        let url = presigned_put("/coffre/a");
        let headers = [
            ("host", "127.0.0.1:8080"),
            ("content-type", "application/pdf"),
            ("content-length", "1234"),
            ("content-length", "5"),
        ];
        let result = check(&creds(), Method::PUT, &url, &headers, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn presign_clamps_expiry_and_ignores_a_host_header_entry() {
        let url = presign(
            &creds(),
            &PresignRequest {
                method: "GET",
                host: "127.0.0.1:8080",
                path: "/coffre/a",
                query: &[],
                headers: &[("host", "evil.example")],
                now: at("20250314T092653Z"),
                expires_secs: 10_000_000,
            },
        );
        assert!(url.contains("X-Amz-Expires=604800&X-Amz-SignedHeaders=host&"));
        let host = [("host", "127.0.0.1:8080")];
        assert!(check(&creds(), Method::GET, &url, &host, at(WITHIN)).is_ok());
    }

    // boto3 / botocore 1.43.11 interop. Generated with
    //   boto3.client("s3", endpoint_url="http://127.0.0.1:9000",
    //       aws_access_key_id="COFFRETESTKEY",
    //       aws_secret_access_key="coffre-secret/with+chars", region_name="eu-west-3",
    //       config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
    // with botocore.auth.get_current_datetime patched to 2025-03-14T09:26:53Z.
    //
    // What boto3 signs for a presigned URL (botocore.auth.S3SigV4QueryAuth):
    // every header the operation serializes, minus a small blocklist
    // (user-agent, expect, connection, transfer-encoding, ...), plus `host`
    // taken from the endpoint URL (port kept when not the default). So for
    // put_object, Params ContentType and ContentLength become the signed
    // headers `content-type` and `content-length`, and the uploader MUST send
    // exactly those values; Metadata becomes signed `x-amz-meta-*` headers and
    // ContentMD5 a signed `content-md5`. Without those Params only `host` is
    // signed. No flexible-checksum header or parameter is added to presigned
    // URLs by this version. Query-type Params (ResponseContentDisposition, ...)
    // go into the query string, before the X-Amz-* parameters (not sorted);
    // the payload hash is UNSIGNED-PAYLOAD. The key is encoded with
    // quote(safe="/~"), i.e. the same AWS rules as here.
    const BOTO3_PUT_PATH: &str = "/coffre/org/2025/facture%20%C3%A9t%C3%A9%20~x.pdf";
    const BOTO3_PUT_QUERY: &str = "X-Amz-Algorithm=AWS4-HMAC-SHA256\
        &X-Amz-Credential=COFFRETESTKEY%2F20250314%2Feu-west-3%2Fs3%2Faws4_request\
        &X-Amz-Date=20250314T092653Z&X-Amz-Expires=900\
        &X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost\
        &X-Amz-Signature=863ee4d59479c848ddda88a7b4e5242201039d4b7f6dfcfba98bb6eb74d02e1d";
    const BOTO3_HEADERS: &[(&str, &str)] =
        &[("host", "127.0.0.1:9000"), ("content-type", "application/pdf"), ("content-length", "1234")];

    #[test]
    fn boto3_presigned_put_verifies() {
        let url = format!("{BOTO3_PUT_PATH}?{BOTO3_PUT_QUERY}");
        let verified = check(&creds(), Method::PUT, &url, BOTO3_HEADERS, at(WITHIN)).unwrap();
        assert_eq!(verified.signed_headers, ["content-length", "content-type", "host"]);
        let without_length = &BOTO3_HEADERS[..2];
        let result = check(&creds(), Method::PUT, &url, without_length, at(WITHIN));
        assert_eq!(result, Err(SigError::SignatureDoesNotMatch));
    }

    #[test]
    fn presign_reproduces_boto3_put() {
        let url = presign(
            &creds(),
            &PresignRequest {
                method: "PUT",
                host: "127.0.0.1:9000",
                path: "/coffre/org/2025/facture été ~x.pdf",
                query: &[],
                headers: &[("content-type", "application/pdf"), ("content-length", "1234")],
                now: at("20250314T092653Z"),
                expires_secs: 900,
            },
        );
        assert_eq!(url, format!("{BOTO3_PUT_PATH}?{BOTO3_PUT_QUERY}"));
    }

    #[test]
    fn boto3_presigned_get_with_response_disposition_verifies() {
        // boto3 puts the operation parameter first: order must not matter.
        let url = "/coffre/org/2025/facture%20%C3%A9t%C3%A9%20~x.pdf\
            ?response-content-disposition=attachment%3B%20filename%3D%22a%20b.pdf%22\
            &X-Amz-Algorithm=AWS4-HMAC-SHA256\
            &X-Amz-Credential=COFFRETESTKEY%2F20250314%2Feu-west-3%2Fs3%2Faws4_request\
            &X-Amz-Date=20250314T092653Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host\
            &X-Amz-Signature=82d0099af60e6d5a08f2f4fe6a3ee06d577d5d32b7f0d6abd8286226170e1a24";
        let host = [("host", "127.0.0.1:9000")];
        assert!(check(&creds(), Method::GET, url, &host, at(WITHIN)).is_ok());
        let ours = presign(
            &creds(),
            &PresignRequest {
                method: "GET",
                host: "127.0.0.1:9000",
                path: "/coffre/org/2025/facture été ~x.pdf",
                query: &[("response-content-disposition", DISPOSITION)],
                headers: &[],
                now: at("20250314T092653Z"),
                expires_secs: 900,
            },
        );
        assert!(ours.ends_with("X-Amz-Signature=82d0099af60e6d5a08f2f4fe6a3ee06d577d5d32b7f0d6abd8286226170e1a24"));
    }

    #[test]
    fn boto3_presigned_get_with_reserved_characters_verifies() {
        let key = "/coffre/odd/a+b=c&d!*'()@,;:$ [x]#ü.pdf";
        let url = "/coffre/odd/a%2Bb%3Dc%26d%21%2A%27%28%29%40%2C%3B%3A%24%20%5Bx%5D%23%C3%BC.pdf\
            ?X-Amz-Algorithm=AWS4-HMAC-SHA256\
            &X-Amz-Credential=COFFRETESTKEY%2F20250314%2Feu-west-3%2Fs3%2Faws4_request\
            &X-Amz-Date=20250314T092653Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host\
            &X-Amz-Signature=23666b8333ce073c30c59f8392f94f2a73a70b4e09fe242a85514d251acf9a27";
        let host = [("host", "127.0.0.1:9000")];
        assert!(check(&creds(), Method::GET, url, &host, at(WITHIN)).is_ok());
        let ours = presign(
            &creds(),
            &PresignRequest {
                method: "GET",
                host: "127.0.0.1:9000",
                path: key,
                query: &[],
                headers: &[],
                now: at("20250314T092653Z"),
                expires_secs: 3600,
            },
        );
        assert_eq!(ours, url);
    }

    #[test]
    fn debug_redacts_the_secret() {
        let shown = format!("{:?}", creds());
        assert!(shown.contains("COFFRETESTKEY"));
        assert!(!shown.contains("coffre-secret"));
    }

    #[test]
    fn errors_map_to_s3_codes_and_statuses() {
        let cases = [
            (SigError::Missing, "AccessDenied", 403),
            (SigError::Malformed("x"), "AuthorizationQueryParametersError", 400),
            (SigError::UnknownAccessKey, "InvalidAccessKeyId", 403),
            (SigError::Expired, "AccessDenied", 403),
            (SigError::NotYetValid, "AccessDenied", 403),
            (SigError::SignatureDoesNotMatch, "SignatureDoesNotMatch", 403),
        ];
        for (error, code, status) in cases {
            assert_eq!((error.s3_code(), error.http_status()), (code, status));
        }
    }
}
