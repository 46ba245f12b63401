//! The audit trail's hash chain, the same for every backend.

use sha2::{Digest, Sha256};

/// The "previous hash" of an organisation's first entry.
pub const GENESIS: [u8; 32] = [0; 32];

/// The fields an entry's hash covers, besides the previous hash.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    /// Sequence number.
    pub seq: u64,
    /// Time in Unix milliseconds.
    pub at_ms: i64,
    /// Actor.
    pub actor: &'a str,
    /// Action.
    pub action: &'a str,
    /// Subject.
    pub subject: Option<&'a str>,
    /// State before, as stored (JSON text).
    pub before: Option<&'a str>,
    /// State after, as stored (JSON text).
    pub after: Option<&'a str>,
}

/// SHA-256 over the previous hash and every field, each length-prefixed so that no two
/// different entries hash the same bytes.
pub fn entry_hash(prev: &[u8], link: Link<'_>) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(prev);
    hasher.update(link.seq.to_le_bytes());
    hasher.update(link.at_ms.to_le_bytes());
    for field in [
        Some(link.actor),
        Some(link.action),
        link.subject,
        link.before,
        link.after,
    ] {
        match field {
            Some(text) => {
                hasher.update((text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes());
            }
            None => hasher.update(u64::MAX.to_le_bytes()),
        }
    }
    hasher.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(subject: Option<&'static str>) -> Link<'static> {
        Link {
            seq: 1,
            at_ms: 1_700_000_000_000,
            actor: "ada@acme.example",
            action: "record.basis_changed",
            subject,
            before: Some("{\"basis\":\"not_applicable\"}"),
            after: Some("{\"basis\":\"consent\"}"),
        }
    }

    #[test]
    fn every_field_and_the_previous_hash_change_the_hash() {
        let base = entry_hash(&GENESIS, link(Some("r1")));
        assert_ne!(base, entry_hash(&[1; 32], link(Some("r1"))));
        assert_ne!(base, entry_hash(&GENESIS, link(Some("r2"))));
        assert_ne!(base, entry_hash(&GENESIS, link(None)));
        assert_ne!(
            entry_hash(&GENESIS, link(None)),
            entry_hash(&GENESIS, link(Some("")))
        );
        assert_eq!(base, entry_hash(&GENESIS, link(Some("r1"))));
    }
}
