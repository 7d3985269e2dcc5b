//! Secrets and signatures of the Standard Webhooks specification: a secret is `whsec_` and the
//! base64 of random bytes; a signature is `v1,` and the base64 HMAC-SHA256, keyed with the
//! decoded secret, of `{webhook-id}.{webhook-timestamp}.{body}`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

pub const PREFIX: &str = "whsec_";

/// A new secret of 32 random bytes.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// `v1,<signature>` of the message with `secret`; None if the secret is malformed.
pub fn sign(secret: &str, msg_id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix(PREFIX)?).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{msg_id}.{timestamp}.{body}").as_bytes());
    Some(format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes())))
}

/// The `webhook-signature` header: one signature per secret, space-separated (during a
/// rotation's grace period, the new and the previous secret).
pub fn header(secrets: &[&str], msg_id: &str, timestamp: i64, body: &str) -> String {
    secrets.iter().filter_map(|s| sign(s, msg_id, timestamp, body)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specification's test vector.
    #[test]
    fn signs_like_the_specification() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        let got = sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap();
        assert_eq!(got, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn new_secrets_decode_to_32_bytes() {
        let secret = new_secret();
        assert_eq!(STANDARD.decode(secret.strip_prefix(PREFIX).unwrap()).unwrap().len(), 32);
        assert_ne!(secret, new_secret());
        assert_eq!(header(&[&secret, &secret], "m", 1, "b").split(' ').count(), 2);
    }
}
