//! The audit trail's verification against signed checkpoints, and the checkpoints
//! themselves: the installation's audit key (derived from the master key, so a copy of the
//! database alone cannot forge one) signs an organisation's chain head at intervals and on
//! demand. Copies leave the database (a download, an `audit.checkpoint` webhook), so a trail
//! cut short or hashed anew afterwards no longer matches what someone else holds.

use crate::crypto::hex;
use chrono::{DateTime, TimeZone, Utc};
use consentry_model::{
    ErrorCode, OrganisationId,
    audit::{
        AuditCheckpoint, AuditVerdict, CHECKPOINT_IN_DATABASE, CHECKPOINT_IN_LOG, ChainProblem,
    },
};
use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Result;
use crate::jws::JwsError;
use crate::store::{
    Store,
    chain::{self, SignedHead},
};

/// The `typ` of a checkpoint's JWS header.
const CHECKPOINT_TYPE: &str = "consentry-audit-checkpoint+jwt";

/// What a checkpoint signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Claims {
    /// The organisation.
    org: uuid::Uuid,
    /// The entry signed.
    seq: u64,
    /// Its hash, hex.
    head: String,
    /// When, Unix seconds.
    iat: i64,
}

/// Why a checkpoint file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// Not a compact JWS of a checkpoint.
    #[error("not a Consentry audit checkpoint (a compact JWS)")]
    Malformed,
    /// Signed by a key this installation does not hold.
    #[error(
        "signed with key {0}, which is not this installation's audit key: the checkpoint comes \
         from another installation"
    )]
    OtherInstallation(String),
    /// The signature does not match.
    #[error("the signature does not match: the checkpoint was altered")]
    BadSignature,
}

/// The installation's audit key and its id.
pub struct AuditKey {
    key: SigningKey,
    kid: String,
}

impl AuditKey {
    /// The key of the store's installation.
    pub fn of(store: &dyn Store) -> AuditKey {
        AuditKey::from_seed(&store.audit_key())
    }

    /// A key from its seed.
    pub fn from_seed(seed: &[u8; 32]) -> AuditKey {
        let key = SigningKey::from_bytes(seed);
        let digest = Sha256::digest(key.verifying_key().as_bytes());
        let kid = format!("audit-{}", hex(&digest[..8]));
        AuditKey { key, kid }
    }

    /// The key id.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public key.
    pub fn public(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    fn sign(&self, claims: &Claims) -> String {
        crate::jws::sign(&self.key, &self.kid, CHECKPOINT_TYPE, claims)
    }

    /// Checks a checkpoint's signature and returns what it signed.
    fn open(&self, jws: &str) -> std::result::Result<Claims, CheckpointError> {
        let keys = [(self.kid.clone(), self.public().to_bytes())];
        crate::jws::verify(jws, &keys, Some(CHECKPOINT_TYPE)).map_err(|e| match e {
            JwsError::UnknownKey(kid) => CheckpointError::OtherInstallation(kid),
            JwsError::BadSignature => CheckpointError::BadSignature,
            JwsError::Malformed | JwsError::Algorithm(_) => CheckpointError::Malformed,
        })
    }
}

fn unhex(text: &str) -> Option<[u8; 32]> {
    let bytes: Option<Vec<u8>> = (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect();
    bytes.and_then(|b| b.try_into().ok())
}

/// A checkpoint's signed head, checked against the key and the organisation.
fn signed_head(
    key: &AuditKey,
    organisation: OrganisationId,
    jws: &str,
    source: &str,
) -> std::result::Result<SignedHead, CheckpointError> {
    let claims = key.open(jws)?;
    if claims.org != organisation.0 {
        return Err(CheckpointError::Malformed);
    }
    Ok(SignedHead {
        seq: claims.seq,
        head: unhex(&claims.head).ok_or(CheckpointError::Malformed)?,
        at: Utc
            .timestamp_opt(claims.iat, 0)
            .single()
            .ok_or(CheckpointError::Malformed)?,
        source: source.to_owned(),
    })
}

/// The organisation a checkpoint file is about (read before its signature is checked, to
/// pick the trail to check it against).
pub fn checkpoint_organisation(jws: &str) -> Option<OrganisationId> {
    crate::jws::unverified_claims::<Claims>(jws).map(|c| OrganisationId(c.org))
}

/// Every checkpoint the installation signed, also kept outside the database (a line each,
/// beside the erasure ledger): deleting the database's checkpoints then hides nothing, and the
/// server never signs a trail that no longer matches one of them.
#[derive(Debug)]
pub struct CheckpointLog {
    path: std::path::PathBuf,
    lock: tokio::sync::Mutex<()>,
}

impl CheckpointLog {
    /// The log at `path` (created on the first checkpoint).
    pub fn new(path: std::path::PathBuf) -> CheckpointLog {
        CheckpointLog {
            path,
            lock: tokio::sync::Mutex::new(()),
        }
    }

    /// The JWS of every checkpoint of the organisation in the log (a torn last line, from a
    /// crash while appending, is left out).
    pub fn of(&self, organisation: OrganisationId) -> Result<Vec<String>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(super::Error::Internal(format!(
                    "cannot read the audit checkpoint log {}: {e}",
                    self.path.display()
                )));
            }
        };
        let complete = text.rfind('\n').map_or("", |end| &text[..end]);
        Ok(complete
            .lines()
            .map(str::trim)
            .filter(|jws| checkpoint_organisation(jws) == Some(organisation))
            .map(str::to_owned)
            .collect())
    }

    async fn append(&self, jws: &str) -> Result<()> {
        let _one_at_a_time = self.lock.lock().await;
        let path = self.path.clone();
        let line = format!("{jws}\n").into_bytes();
        tokio::task::spawn_blocking(move || crate::ledger::append_line(&path, &line))
            .await
            .map_err(|e| super::Error::Internal(e.to_string()))?
            .map_err(|e| super::Error::Internal(e.to_string()))
    }
}

/// Verifies the organisation's trail: every entry and detail, every checkpoint in the
/// database and in the log, and `files` (checkpoints held elsewhere: `(source name, JWS)`).
pub async fn verify(
    store: &dyn Store,
    log: &CheckpointLog,
    organisation: OrganisationId,
    files: &[(String, String)],
) -> Result<AuditVerdict> {
    let key = AuditKey::of(store);
    let mut heads = Vec::new();
    let stored = store.audit_checkpoints(organisation).await?;
    let logged = log.of(organisation)?;
    let sources = stored
        .iter()
        .map(|c| (CHECKPOINT_IN_DATABASE.to_owned(), c.jws.clone()))
        .chain(
            logged
                .into_iter()
                .map(|jws| (CHECKPOINT_IN_LOG.to_owned(), jws)),
        )
        .chain(files.iter().cloned());
    for (source, jws) in sources {
        match signed_head(&key, organisation, &jws, &source) {
            Ok(head) => heads.push(head),
            Err(e) => {
                return Ok(AuditVerdict::Broken {
                    seq: 0,
                    problem: ChainProblem::CheckpointInvalid,
                    reason: format!("checkpoint from {source}: {e}"),
                });
            }
        }
    }
    // The noted head first: entries appended after it only make the trail longer.
    let recorded_end = store.audit_head(organisation).await?.map(|(seq, _)| seq);
    let (entries, details) = store.audit_chain(organisation).await?;
    Ok(chain::verify(
        &entries,
        &details,
        &heads,
        true,
        recorded_end,
    ))
}

/// Hashes anew the trails written before details moved out of the chain (once, after the
/// upgrade), except of organisations with a signed checkpoint, in this instance's log or in
/// the database (checkpoints came with the new form): their trails were signed in the new
/// form already, so a request to hash them anew can only come from someone editing the
/// database, and doing it would vouch for their edit.
pub async fn reseal_legacy_chains(store: &dyn Store, log: &CheckpointLog) -> Result<()> {
    let mut signed = Vec::new();
    for organisation in store.organisations().await? {
        if !log.of(organisation.id)?.is_empty()
            || !store.audit_checkpoints(organisation.id).await?.is_empty()
        {
            signed.push(organisation.id);
        }
    }
    for refused in store.reseal_legacy_chains(&signed).await? {
        tracing::error!(
            organisation = %refused.0,
            "refused to hash an audit trail anew: it has signed checkpoints (the database was edited)"
        );
    }
    Ok(())
}

/// A verdict in words, saying what the trail was checked against.
pub fn describe(verdict: &AuditVerdict) -> String {
    match verdict {
        AuditVerdict::Intact {
            entries,
            redacted,
            checkpoint,
        } => {
            let mut text = format!("intact: all {entries} entries verify");
            if *redacted > 0 {
                text.push_str(&format!(
                    "; {redacted} entries' details were redacted, each recorded by a redaction entry"
                ));
            }
            match checkpoint {
                Some(c) => text.push_str(&format!(
                    "; matches the checkpoint signed {} over entry {} ({})",
                    c.at.format("%Y-%m-%d %H:%M UTC"),
                    c.seq,
                    c.source
                )),
                None => text.push_str(
                    "; no signed checkpoint yet: entries removed from the end are told only by the \
                     head the database notes, which someone editing it could lower too",
                ),
            }
            text
        }
        AuditVerdict::Broken { seq, reason, .. } => format!("BROKEN at entry {seq}: {reason}"),
    }
}

/// Every organisation's verdict, each compared with the checkpoint files given for it
/// (`(organisation, source name, JWS)`, signatures checked with [`check_file`]).
pub async fn verify_all(
    store: &dyn Store,
    log: &CheckpointLog,
    files: &[(OrganisationId, String, String)],
) -> Result<Vec<(String, AuditVerdict)>> {
    let mut verdicts = Vec::new();
    for organisation in store.organisations().await? {
        let given: Vec<(String, String)> = files
            .iter()
            .filter(|(org, _, _)| *org == organisation.id)
            .map(|(_, source, jws)| (source.clone(), jws.clone()))
            .collect();
        let verdict = verify(store, log, organisation.id, &given).await?;
        verdicts.push((organisation.slug.to_string(), verdict));
    }
    Ok(verdicts)
}

/// Checks a checkpoint file's signature alone (before comparing it with a trail).
pub fn check_file(store: &dyn Store, jws: &str) -> std::result::Result<(), CheckpointError> {
    AuditKey::of(store).open(jws).map(|_| ())
}

/// Signs the organisation's current head unless the newest checkpoint already covers it;
/// returns the newest checkpoint either way (`None`: no entries yet). A checkpoint is not an
/// entry of the trail (it would move the head it signs): it is kept beside it, and in the log.
/// A trail that fails verification is never signed: that would vouch for the tampering.
pub async fn checkpoint(
    store: &dyn Store,
    log: &CheckpointLog,
    organisation: OrganisationId,
    now: DateTime<Utc>,
) -> Result<Option<AuditCheckpoint>> {
    if let AuditVerdict::Broken { seq, reason, .. } = verify(store, log, organisation, &[]).await? {
        tracing::error!(organisation = %organisation.0, seq, "the audit trail fails verification: not signing it");
        return Err(super::Error::Conflict {
            code: ErrorCode::AuditBroken,
            field: None,
            message: format!(
                "The audit trail fails verification at entry {seq} ({reason}), so it is not \
                 signed. Restore the database from a backup and compare it with your \
                 checkpoints."
            ),
        });
    }
    let key = AuditKey::of(store);
    // A new entry may land between reading the head and keeping the checkpoint: try again.
    for _ in 0..5 {
        let newest = store
            .audit_checkpoints(organisation)
            .await?
            .into_iter()
            .next();
        let Some((seq, head)) = store.audit_head(organisation).await? else {
            return Ok(None);
        };
        if let Some(newest) = newest.filter(|n| n.seq == seq) {
            return Ok(Some(newest));
        }
        let claims = Claims {
            org: organisation.0,
            seq,
            head: hex(&head),
            iat: now.timestamp(),
        };
        let checkpoint = AuditCheckpoint {
            seq,
            head: claims.head.clone(),
            at: Utc.timestamp_opt(claims.iat, 0).single().unwrap_or(now),
            jws: key.sign(&claims),
        };
        if store
            .insert_checkpoint(organisation, &checkpoint, head)
            .await?
        {
            log.append(&checkpoint.jws).await?;
            return Ok(Some(checkpoint));
        }
    }
    Err(super::Error::Conflict {
        code: ErrorCode::AuditBusy,
        field: None,
        message: "The audit trail kept changing while it was being signed; try again.".into(),
    })
}

/// Signs every organisation's head that moved since its last checkpoint (the hourly job).
pub async fn checkpoint_all(
    store: &dyn Store,
    log: &CheckpointLog,
    now: DateTime<Utc>,
) -> Result<usize> {
    let mut signed = 0;
    for organisation in store.organisations().await? {
        let before = store.audit_checkpoints(organisation.id).await?.len();
        checkpoint(store, log, organisation.id, now).await?;
        if store.audit_checkpoints(organisation.id).await?.len() > before {
            signed += 1;
        }
    }
    Ok(signed)
}

#[cfg(test)]
mod tests {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

    use super::*;

    #[test]
    fn a_checkpoint_opens_only_with_its_own_installations_key() {
        let ours = AuditKey::from_seed(&[1; 32]);
        let theirs = AuditKey::from_seed(&[2; 32]);
        let claims = Claims {
            org: uuid::Uuid::nil(),
            seq: 7,
            head: hex(&[9; 32]),
            iat: 1_700_000_000,
        };
        let jws = ours.sign(&claims);
        assert_eq!(ours.open(&jws), Ok(claims));
        assert!(matches!(
            theirs.open(&jws),
            Err(CheckpointError::OtherInstallation(_))
        ));
        // One changed character of the payload breaks the signature.
        let mut parts: Vec<String> = jws.split('.').map(str::to_owned).collect();
        let payload = URL_SAFE_NO_PAD.decode(&parts[1]).expect("b64");
        let changed = String::from_utf8(payload)
            .expect("utf8")
            .replace("\"seq\":7", "\"seq\":8");
        parts[1] = URL_SAFE_NO_PAD.encode(changed);
        assert_eq!(
            ours.open(&parts.join(".")),
            Err(CheckpointError::BadSignature)
        );
    }
}
