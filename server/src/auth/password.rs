//! Password hashing with Argon2id, on a blocking thread so the server keeps answering, and at
//! most a few at a time: each check takes about 19 MiB, so a flood of logins must queue rather
//! than exhaust memory.

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
    #[error("too many password checks are waiting")]
    Busy,
}

/// Password checks running at once: one per core, as each is pure CPU work.
fn permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores.clamp(1, 8))
    })
}

/// How long a check may wait for its turn before the user is told to try again.
const QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

async fn turn() -> Result<tokio::sync::SemaphorePermit<'static>, PasswordError> {
    match tokio::time::timeout(QUEUE_WAIT, permits().acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => Err(PasswordError::Busy),
    }
}

pub async fn hash(password: String) -> Result<String, PasswordError> {
    let _turn = turn().await?;
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
    let _turn = turn().await?;
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
