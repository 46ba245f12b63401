//! The audit trail's hash chain and its verification, the same for every backend.
//!
//! An entry's hash covers the previous entry's hash, its place, time, actor, action and
//! subject (ids and names only), and a salted commitment to its detail (the states before and
//! after, which may be personal). Erasure may delete a detail; the entry then still verifies,
//! and a later `audit.redacted` entry names it, so a redaction is told apart from tampering.
//! Signed checkpoints of the chain's head reveal entries cut off after them and a chain hashed
//! anew by someone without the key.

use std::collections::BTreeMap;

use consentry_model::audit::{AuditVerdict, ChainProblem, CheckpointRef};
use serde::{Deserialize, Serialize};
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
    /// Subject (an id).
    pub subject: Option<&'a str>,
    /// The commitment to the entry's detail, when it has one.
    pub detail: Option<&'a [u8]>,
}

fn update_field(hasher: &mut Sha256, field: Option<&[u8]>) {
    match field {
        Some(bytes) => {
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
        None => hasher.update(u64::MAX.to_le_bytes()),
    }
}

/// SHA-256 over the previous hash and every field, each length-prefixed so that no two
/// different entries hash the same bytes.
pub fn entry_hash(prev: &[u8], link: Link<'_>) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(prev);
    hasher.update(link.seq.to_le_bytes());
    hasher.update(link.at_ms.to_le_bytes());
    for field in [
        Some(link.actor.as_bytes()),
        Some(link.action.as_bytes()),
        link.subject.map(str::as_bytes),
        link.detail,
    ] {
        update_field(&mut hasher, field);
    }
    hasher.finalize().into()
}

/// The salted commitment to a detail: without the salt (deleted with the detail) nobody can
/// test a guessed value against it.
pub fn detail_hash(salt: &[u8], before: Option<&str>, after: Option<&str>) -> [u8; 32] {
    let mut hasher = Sha256::new();
    update_field(&mut hasher, Some(salt));
    update_field(&mut hasher, before.map(str::as_bytes));
    update_field(&mut hasher, after.map(str::as_bytes));
    hasher.finalize().into()
}

/// The head of an organisation's chain: its last entry's place and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The last entry's sequence number.
    pub seq: u64,
    /// Its hash.
    pub hash: Vec<u8>,
}

/// An entry's detail as stored beside it: the states before and after, and the salt of the
/// commitment the entry's hash covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDetail {
    /// Random, deleted with the detail.
    pub salt: [u8; 16],
    /// The commitment ([`detail_hash`]).
    pub commitment: [u8; 32],
    /// State before (JSON text).
    pub before: Option<String>,
    /// State after (JSON text).
    pub after: Option<String>,
}

/// An entry to append, hashed onto its chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    /// Whose chain.
    pub organisation: consentry_model::OrganisationId,
    /// Its place.
    pub seq: u64,
    /// Time in Unix milliseconds.
    pub at_ms: i64,
    /// Actor.
    pub actor: String,
    /// Action code.
    pub action: &'static str,
    /// Subject (an id).
    pub subject: Option<String>,
    /// Its detail, when it has one.
    pub detail: Option<NewDetail>,
    /// The previous entry's hash.
    pub prev_hash: Vec<u8>,
    /// Its own hash.
    pub hash: [u8; 32],
}

impl NewEntry {
    /// The entry recording `note` at `at_ms` after `head` (`None`: the chain's first).
    pub fn after(
        organisation: consentry_model::OrganisationId,
        head: Option<&Head>,
        note: &crate::AuditNote,
        at_ms: i64,
    ) -> NewEntry {
        let (seq, prev_hash) = head.map_or((1, GENESIS.to_vec()), |h| (h.seq + 1, h.hash.clone()));
        let before = note.before.as_ref().map(ToString::to_string);
        let after = note.after.as_ref().map(ToString::to_string);
        let detail = (before.is_some() || after.is_some()).then(|| {
            let salt: [u8; 16] = crate::crypto::random_bytes();
            NewDetail {
                salt,
                commitment: detail_hash(&salt, before.as_deref(), after.as_deref()),
                before,
                after,
            }
        });
        let hash = entry_hash(
            &prev_hash,
            Link {
                seq,
                at_ms,
                actor: &note.actor,
                action: note.action.code(),
                subject: note.subject.as_deref(),
                detail: detail.as_ref().map(|d| d.commitment.as_slice()),
            },
        );
        NewEntry {
            organisation,
            seq,
            at_ms,
            actor: note.actor.clone(),
            action: note.action.code(),
            subject: note.subject.clone(),
            detail,
            prev_hash,
            hash,
        }
    }

    /// The chain's head once this entry is appended.
    pub fn head(&self) -> Head {
        Head {
            seq: self.seq,
            hash: self.hash.to_vec(),
        }
    }
}

/// The action of the entry that records redactions.
pub const REDACTED: &str = "audit.redacted";

/// What an `audit.redacted` entry's detail says (no personal value: places and a reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redaction {
    /// The entries whose details were deleted.
    pub seqs: Vec<u64>,
    /// Why, e.g. `erasure`.
    pub reason: String,
    /// The request that caused it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
}

/// An entry as a backend stored it.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    /// Sequence number.
    pub seq: u64,
    /// Time in Unix milliseconds.
    pub at_ms: i64,
    /// Actor.
    pub actor: String,
    /// Action code.
    pub action: String,
    /// Subject.
    pub subject: Option<String>,
    /// Commitment to the detail.
    pub detail_hash: Option<Vec<u8>>,
    /// The previous entry's hash, as stored.
    pub prev_hash: Vec<u8>,
    /// This entry's hash, as stored.
    pub hash: Vec<u8>,
}

/// A detail as a backend stored it.
#[derive(Debug, Clone)]
pub struct StoredDetail {
    /// The salt.
    pub salt: Vec<u8>,
    /// State before (JSON text).
    pub before: Option<String>,
    /// State after (JSON text).
    pub after: Option<String>,
}

/// A checkpoint whose signature was checked: the head the key holder saw at `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedHead {
    /// The entry.
    pub seq: u64,
    /// Its hash.
    pub head: [u8; 32],
    /// When it was signed.
    pub at: chrono::DateTime<chrono::Utc>,
    /// Where it came from: `database` or a file name.
    pub source: String,
}

/// The entries whose details later `audit.redacted` entries say were deleted, with those
/// entries' places. Only redaction entries whose own detail is intact count.
fn redactions(
    entries: &[StoredEntry],
    details: &BTreeMap<u64, StoredDetail>,
) -> BTreeMap<u64, u64> {
    let mut redacted = BTreeMap::new();
    for entry in entries.iter().filter(|e| e.action == REDACTED) {
        let Some(detail) = details.get(&entry.seq) else {
            continue;
        };
        let Some(redaction) = detail
            .after
            .as_deref()
            .and_then(|a| serde_json::from_str::<Redaction>(a).ok())
        else {
            continue;
        };
        for seq in redaction.seqs.into_iter().filter(|s| *s < entry.seq) {
            redacted.entry(seq).or_insert(entry.seq);
        }
    }
    redacted
}

fn broken(seq: u64, problem: ChainProblem, reason: impl Into<String>) -> AuditVerdict {
    AuditVerdict::Broken {
        seq,
        problem,
        reason: reason.into(),
    }
}

/// Verifies an organisation's entries (oldest first), their details and the signed heads it
/// knows of; `expect_entries` says the organisation exists and so must have a trail, and
/// `recorded_end` is the place of the newest entry the database noted as each was appended
/// (read before the entries, so a concurrent append never makes it run ahead of them).
pub fn verify(
    entries: &[StoredEntry],
    details: &BTreeMap<u64, StoredDetail>,
    heads: &[SignedHead],
    expect_entries: bool,
    recorded_end: Option<u64>,
) -> AuditVerdict {
    let redacted = redactions(entries, details);
    let mut prev = GENESIS.to_vec();
    let mut redacted_count = 0;
    for (expected, entry) in (1u64..).zip(entries) {
        if entry.seq != expected {
            return broken(
                expected,
                ChainProblem::EntryMissing,
                format!("entry {expected} is missing"),
            );
        }
        if entry.prev_hash != prev {
            return broken(
                entry.seq,
                ChainProblem::EntryChanged,
                "does not follow the previous entry",
            );
        }
        match (&entry.detail_hash, details.get(&entry.seq)) {
            (Some(commitment), Some(detail)) => {
                let computed = detail_hash(
                    &detail.salt,
                    detail.before.as_deref(),
                    detail.after.as_deref(),
                );
                if computed[..] != commitment[..] {
                    return broken(
                        entry.seq,
                        ChainProblem::DetailChanged,
                        "its detail does not match the hash the chain holds",
                    );
                }
            }
            (Some(_), None) => {
                if redacted.contains_key(&entry.seq) {
                    redacted_count += 1;
                } else {
                    return broken(
                        entry.seq,
                        ChainProblem::DetailMissing,
                        "its detail was removed without a redaction entry",
                    );
                }
            }
            (None, Some(_)) => {
                return broken(
                    entry.seq,
                    ChainProblem::DetailChanged,
                    "a detail was added to an entry that had none",
                );
            }
            (None, None) => {}
        }
        let computed = entry_hash(
            &prev,
            Link {
                seq: entry.seq,
                at_ms: entry.at_ms,
                actor: &entry.actor,
                action: &entry.action,
                subject: entry.subject.as_deref(),
                detail: entry.detail_hash.as_deref(),
            },
        );
        if computed[..] != entry.hash[..] {
            return broken(
                entry.seq,
                ChainProblem::EntryChanged,
                "content does not match its hash",
            );
        }
        prev.clone_from(&entry.hash);
    }
    let last = entries.last().map_or(0, |e| e.seq);
    if entries.is_empty() && expect_entries {
        return broken(
            1,
            ChainProblem::Emptied,
            "the organisation exists but its trail has no entries: the trail was emptied",
        );
    }
    let mut newest: Option<&SignedHead> = None;
    for head in heads {
        if head.seq > last {
            return broken(
                last + 1,
                ChainProblem::Truncated,
                format!(
                    "the checkpoint signed {} ({}) covers entry {}, but the trail ends at {last}: \
                     entries were removed from its end",
                    head.at.format("%Y-%m-%d %H:%M UTC"),
                    head.source,
                    head.seq
                ),
            );
        }
        let signed = head
            .seq
            .checked_sub(1)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| entries.get(i));
        if signed.is_none_or(|entry| entry.hash[..] != head.head[..]) {
            return broken(
                head.seq,
                ChainProblem::Rehashed,
                format!(
                    "entry {} differs from the head signed {} ({}): the trail was changed and \
                     hashed anew",
                    head.seq,
                    head.at.format("%Y-%m-%d %H:%M UTC"),
                    head.source
                ),
            );
        }
        // On a tie the later source wins: files given to check come after the database's.
        if newest.is_none_or(|n| head.seq >= n.seq) {
            newest = Some(head);
        }
    }
    // Signed heads first (they name when and by whom); this one is unsigned, so a careful
    // editor can lower it too, but it catches rows deleted by hand.
    if let Some(end) = recorded_end.filter(|end| *end > last) {
        return broken(
            last + 1,
            ChainProblem::Truncated,
            format!(
                "the database noted entry {end} as the newest when it was appended, but the \
                 trail ends at {last}: entries were removed from its end"
            ),
        );
    }
    AuditVerdict::Intact {
        entries: last,
        redacted: redacted_count,
        checkpoint: newest.map(|h| CheckpointRef {
            seq: h.seq,
            at: h.at,
            source: h.source.clone(),
        }),
    }
}

/// The actions whose details are never redacted: they hold places and a reason, no personal
/// value, and verification needs them.
pub const NEVER_REDACTED: [&str; 1] = [REDACTED];

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
            detail: Some(&[7; 32]),
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
        let mut other = link(Some("r1"));
        other.detail = Some(&[8; 32]);
        assert_ne!(base, entry_hash(&GENESIS, other));
        assert_eq!(base, entry_hash(&GENESIS, link(Some("r1"))));
    }

    #[test]
    fn the_detail_commitment_depends_on_the_salt_and_both_states() {
        let base = detail_hash(&[1; 16], Some("{}"), Some("{\"a\":1}"));
        assert_ne!(base, detail_hash(&[2; 16], Some("{}"), Some("{\"a\":1}")));
        assert_ne!(base, detail_hash(&[1; 16], None, Some("{\"a\":1}")));
        assert_ne!(base, detail_hash(&[1; 16], Some("{}"), Some("{\"a\":2}")));
    }

    /// A chain of `n` entries; entry 2 has a detail.
    fn chain(n: u64) -> (Vec<StoredEntry>, BTreeMap<u64, StoredDetail>) {
        let mut entries = Vec::new();
        let mut details = BTreeMap::new();
        let mut prev = GENESIS.to_vec();
        for seq in 1..=n {
            let detail = (seq == 2).then(|| StoredDetail {
                salt: vec![seq as u8; 16],
                before: None,
                after: Some("{\"name\":\"Zwaan\"}".into()),
            });
            let commitment = detail
                .as_ref()
                .map(|d| detail_hash(&d.salt, d.before.as_deref(), d.after.as_deref()).to_vec());
            let hash = entry_hash(
                &prev,
                Link {
                    seq,
                    at_ms: 1000 + seq as i64,
                    actor: "system",
                    action: "record.updated",
                    subject: Some("r"),
                    detail: commitment.as_deref(),
                },
            );
            entries.push(StoredEntry {
                seq,
                at_ms: 1000 + seq as i64,
                actor: "system".into(),
                action: "record.updated".into(),
                subject: Some("r".into()),
                detail_hash: commitment,
                prev_hash: prev.clone(),
                hash: hash.to_vec(),
            });
            if let Some(d) = detail {
                details.insert(seq, d);
            }
            prev = hash.to_vec();
        }
        (entries, details)
    }

    fn problem(verdict: AuditVerdict) -> ChainProblem {
        match verdict {
            AuditVerdict::Broken { problem, .. } => problem,
            AuditVerdict::Intact { .. } => panic!("intact"),
        }
    }

    #[test]
    fn a_removed_detail_is_tampering_unless_a_redaction_entry_names_it() {
        let (entries, mut details) = chain(3);
        assert!(matches!(
            verify(&entries, &details, &[], true, None),
            AuditVerdict::Intact {
                entries: 3,
                redacted: 0,
                ..
            }
        ));
        details.remove(&2);
        assert_eq!(
            problem(verify(&entries, &details, &[], true, None)),
            ChainProblem::DetailMissing
        );
    }

    #[test]
    fn a_changed_detail_is_reported() {
        let (entries, mut details) = chain(3);
        if let Some(d) = details.get_mut(&2) {
            d.after = Some("{\"name\":\"Other\"}".into());
        }
        assert_eq!(
            problem(verify(&entries, &details, &[], true, None)),
            ChainProblem::DetailChanged
        );
    }

    #[test]
    fn checkpoints_reveal_a_cut_off_tail_and_a_rehashed_chain() {
        let (entries, details) = chain(5);
        let head = SignedHead {
            seq: 5,
            head: entries[4].hash.clone().try_into().expect("32"),
            at: chrono::Utc::now(),
            source: "database".into(),
        };
        assert!(matches!(
            verify(&entries, &details, std::slice::from_ref(&head), true, None),
            AuditVerdict::Intact {
                checkpoint: Some(_),
                ..
            }
        ));
        assert_eq!(
            problem(verify(
                &entries[..4],
                &details,
                std::slice::from_ref(&head),
                true,
                None
            )),
            ChainProblem::Truncated
        );
        // Without a checkpoint, the head the database noted at each append still tells.
        assert_eq!(
            problem(verify(&entries[..4], &details, &[], true, Some(5))),
            ChainProblem::Truncated
        );
        assert!(matches!(
            verify(&entries, &details, &[], true, Some(5)),
            AuditVerdict::Intact { .. }
        ));
        let (mut other, other_details) = chain(5);
        other[4].at_ms += 1;
        // Hashed anew: the last entry is consistent again, but not the one that was signed.
        other[4].hash = entry_hash(
            &other[3].hash,
            Link {
                seq: 5,
                at_ms: other[4].at_ms,
                actor: "system",
                action: "record.updated",
                subject: Some("r"),
                detail: None,
            },
        )
        .to_vec();
        assert_eq!(
            problem(verify(&other, &other_details, &[head], true, None)),
            ChainProblem::Rehashed
        );
        assert_eq!(
            problem(verify(&[], &BTreeMap::new(), &[], true, None)),
            ChainProblem::Emptied
        );
    }
}
