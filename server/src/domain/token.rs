//! Secret tokens handed to a browser or put in a link (sessions, consent links): 256 random
//! bits, of which only the SHA-256 is stored, so a copy of the database opens nothing.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

/// A secret token as the client holds it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl std::fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretToken(***)")
    }
}

impl SecretToken {
    /// A fresh token with 256 bits from the OS random generator.
    pub fn generate() -> SecretToken {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        SecretToken(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Wraps a token received from a client.
    pub fn from_client(value: &str) -> SecretToken {
        SecretToken(value.to_owned())
    }

    /// The token text for the cookie or link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The SHA-256 under which the token is stored.
    pub fn hash(&self) -> [u8; 32] {
        Sha256::digest(self.0.as_bytes()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let a = SecretToken::generate();
        let b = SecretToken::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 43, "32 bytes, base64url without padding");
        assert_eq!(SecretToken::from_client(a.as_str()).hash(), a.hash());
        assert_ne!(a.hash(), b.hash());
        assert_eq!(format!("{a:?}"), "SecretToken(***)", "never printed");
    }
}
