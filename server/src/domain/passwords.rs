//! Password hashing under a bound: Argon2id needs 19 MiB and a core for a while per hash, so
//! at most `permits` hashes run at once and at most `queue` more wait for their turn; anyone
//! beyond that is told to come back (503 with `Retry-After`) instead of piling up memory.

use std::sync::{
    OnceLock,
    atomic::{AtomicUsize, Ordering},
};

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng},
};
use consentry_model::Password;
use tokio::sync::Semaphore;

use super::{Error, Result};

/// Runs every Argon2id hash and verification of the server.
#[derive(Debug)]
pub struct Passwords {
    running: Semaphore,
    /// Callers holding or waiting for a permit.
    admitted: AtomicUsize,
    /// `permits + queue`: more than this are refused at once.
    capacity: usize,
}

impl Passwords {
    /// At most `permits` hashes at once (at least one), `queue` more waiting.
    pub fn new(permits: usize, queue: usize) -> Passwords {
        let permits = permits.max(1);
        Passwords {
            running: Semaphore::new(permits),
            admitted: AtomicUsize::new(0),
            capacity: permits + queue,
        }
    }

    /// Hashes a password (OWASP parameters: 19 MiB, 2 passes) on a blocking thread.
    pub async fn hash(&self, password: &Password) -> Result<String> {
        let password = password.expose().to_owned();
        self.run(move || hash_blocking(&password)).await
    }

    /// Whether `candidate` is the password of `hash`.
    pub async fn verify(&self, hash: String, candidate: String) -> Result<bool> {
        self.run(move || verify_blocking(&hash, &candidate)).await
    }

    /// Verifies `candidate` against a hash nobody has: an unknown address costs the same as a
    /// wrong password, so timing tells no one which addresses have an account.
    pub async fn verify_decoy(&self, candidate: String) -> Result<bool> {
        self.run(move || {
            let decoy = decoy_hash()?;
            verify_blocking(&decoy, &candidate)
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T> + Send + 'static,
    ) -> Result<T> {
        // The slot is taken before waiting: N callers at once count as N.
        let admitted = self.admitted.fetch_add(1, Ordering::AcqRel);
        let _slot = Slot(&self.admitted);
        if admitted >= self.capacity {
            return Err(Error::Busy {
                retry_after_secs: 1,
            });
        }
        let _permit = self
            .running
            .acquire()
            .await
            .map_err(|e| Error::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| Error::Internal(e.to_string()))?
    }
}

/// Gives the caller's place back however the call ends (also when its future is dropped).
struct Slot<'a>(&'a AtomicUsize);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

fn hash_blocking(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| Error::Internal(e.to_string()))
}

fn verify_blocking(hash: &str, candidate: &str) -> Result<bool> {
    let parsed = PasswordHash::new(hash).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Argon2::default()
        .verify_password(candidate.as_bytes(), &parsed)
        .is_ok())
}

fn decoy_hash() -> Result<String> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DECOY.get() {
        return Ok(hash.clone());
    }
    let hash = hash_blocking("decoy password that matches no account")?;
    Ok(DECOY.get_or_init(|| hash).clone())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_the_same_password() {
        let passwords = Passwords::new(1, 0);
        let password = Password::parse("correct horse battery").expect("valid");
        let hash = passwords.hash(&password).await.expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            passwords
                .verify(hash.clone(), "correct horse battery".into())
                .await
                .expect("verify")
        );
        assert!(
            !passwords
                .verify(hash, "Correct horse battery".into())
                .await
                .expect("verify")
        );
        assert!(
            !passwords
                .verify_decoy("anything".into())
                .await
                .expect("decoy")
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn callers_beyond_the_permits_and_queue_are_refused_at_once() {
        let passwords = Arc::new(Passwords::new(1, 2));
        let mut calls = tokio::task::JoinSet::new();
        for _ in 0..12 {
            let passwords = Arc::clone(&passwords);
            calls.spawn(async move { passwords.verify_decoy("guess".into()).await });
        }
        let answers = calls.join_all().await;
        let checked = answers.iter().filter(|a| matches!(a, Ok(false))).count();
        let busy = answers
            .iter()
            .filter(|a| matches!(a, Err(Error::Busy { .. })))
            .count();
        assert_eq!(checked + busy, 12);
        assert!(
            (1..=3).contains(&checked),
            "{checked} checked, at most 1 + 2"
        );
        assert_eq!(
            passwords.admitted.load(Ordering::Acquire),
            0,
            "every slot returned"
        );
        // After the burst everyone is served again.
        assert!(
            !passwords
                .verify_decoy("again".into())
                .await
                .expect("served")
        );
    }
}
