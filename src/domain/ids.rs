//! Identifiers: 26 lowercase Crockford base32 characters, a 48-bit millisecond timestamp followed
//! by 80 random bits. Random enough to be unguessable, and sortable by creation time, which gives
//! stable keyset pagination for free.

use rand::RngCore;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A new opaque, URL-safe, time-ordered identifier.
pub fn new_id() -> String {
    let millis = chrono::Utc::now().timestamp_millis().max(0) as u128;
    let mut random = [0u8; 10];
    rand::thread_rng().fill_bytes(&mut random);
    let mut value = millis << 80;
    for (i, byte) in random.iter().enumerate() {
        value |= u128::from(*byte) << (8 * (9 - i));
    }
    (0..26).rev().map(|i| ALPHABET[((value >> (5 * i)) & 31) as usize] as char).collect()
}

/// Whether a string has the shape of an id produced by [`new_id`]. Used to reject garbage
/// before it reaches a query.
pub fn looks_like_id(s: &str) -> bool {
    s.len() == 26 && s.bytes().all(|b| ALPHABET.contains(&b))
}

/// A random secret of `bytes` bytes, base64url without padding.
pub fn random_secret(bytes: usize) -> String {
    use base64::Engine;
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_safe_unique_and_ordered() {
        let a = new_id();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = new_id();
        assert!(looks_like_id(&a) && looks_like_id(&b));
        assert!(a < b, "{a} should sort before {b}");
        assert!(!looks_like_id("../etc/passwd"));
    }
}
