//! Password hashing with Argon2id, on a blocking thread so the server keeps answering.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("could not hash the password")]
    Hash(String),
    #[error("the hashing thread failed")]
    Join(#[from] tokio::task::JoinError),
}

pub async fn hash(password: String) -> Result<String, PasswordError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| PasswordError::Hash(e.to_string()))
    })
    .await?
}

/// A valid hash of an unguessable password, checked against when the user does not exist, so an
/// attacker cannot tell from the answer's timing which e-mail addresses have accounts.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$gZiV/M1gPc22ElAH/Jh1Hw$CWOrkoo7oJBQ/iyh7uJ0LO2aLEfrHwTWllSAxT0zRno";

/// Whether `password` matches `stored` (or, with no account, a dummy hash that never matches).
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, PasswordError> {
    tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let hash_text = stored.unwrap_or_else(|| DUMMY_HASH.to_string());
        let Ok(parsed) = PasswordHash::new(&hash_text) else {
            return false;
        };
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        ok && exists
    })
    .await
    .map_err(PasswordError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dummy_hash_is_a_real_argon2_hash() {
        // If it did not parse, unknown users would be answered faster than known ones.
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[tokio::test]
    async fn hash_then_verify() {
        let h = hash("korrekt hest batteri".into()).await.unwrap();
        assert!(
            verify("korrekt hest batteri".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("forkert".into(), Some(h)).await.unwrap());
        assert!(!verify("anything".into(), None).await.unwrap());
    }
}
