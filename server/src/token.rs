//! Random tokens (sessions, CSRF, e-mail links), their stored hashes, and comparing secrets in
//! constant time. A leaf module, so the mail outbox and the staff sessions share it without
//! importing each other.

use sha2::{Digest, Sha256};

/// A new random token: 32 bytes from the OS, as 64 hex characters.
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// Session tokens are stored hashed, so a leaked database does not hand out live sessions.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
