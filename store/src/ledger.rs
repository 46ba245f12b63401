//! The erasure ledger: an append-only file outside the database (beside the key file) with one
//! line per erasure, so that restoring a backup taken before an erasure cannot bring the
//! subject back. A line holds an entry id, the organisation and request ids, the time, and
//! keyed hashes (HMAC-SHA256 under a key derived from the master key) of each erased record
//! id and each erased address (trimmed, lower-case): no personal value. Every start and
//! every restore replays the entries the database has not applied yet
//! ([`crate::domain::erasure::replay`]).

use crate::crypto::hex;
use std::{
    collections::HashMap,
    io::Write,
    path::{Path, PathBuf},
};

use chrono::{DateTime, Utc};
use consentry_model::{OrganisationId, RecordId, RequestId};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

use crate::crypto::MasterKey;

/// One erasure, as the ledger keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// The entry's id (also kept in the database once applied).
    pub id: Uuid,
    /// The organisation the subject was erased from.
    pub organisation: Uuid,
    /// The erasure request.
    pub request: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Keyed hashes (hex) of the erased records' ids.
    pub records: Vec<String>,
    /// Keyed hashes (hex) of the erased addresses.
    pub addresses: Vec<String>,
}

/// Why the ledger could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// Reading or writing the file failed.
    #[error("erasure ledger {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// A complete line does not parse: the file was edited or damaged.
    #[error(
        "erasure ledger {path}, line {line}, is damaged: restore the file from your backup \
         (never delete it: it keeps erased subjects erased)"
    )]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The line number (from 1).
        line: usize,
    },
}

/// The ledger file and the key of its hashes.
#[derive(Debug)]
pub struct ErasureLedger {
    path: PathBuf,
    key: [u8; 32],
    /// One append at a time, so lines never interleave.
    lock: tokio::sync::Mutex<()>,
}

const LABEL: &str = "consentry erasure ledger";

impl ErasureLedger {
    /// The ledger at `path`, its hashes keyed by a key derived from `master`.
    pub fn new(path: PathBuf, master: &MasterKey) -> ErasureLedger {
        ErasureLedger {
            path,
            key: master.derive(LABEL),
            lock: tokio::sync::Mutex::new(()),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn hash(&self, organisation: Uuid, kind: &[u8], value: &[u8]) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(organisation.as_bytes());
        mac.update(kind);
        mac.update(value);
        hex(&mac.finalize().into_bytes())
    }

    fn record_hash(&self, organisation: Uuid, record: Uuid) -> String {
        self.hash(organisation, b"record\0", record.as_bytes())
    }

    fn address_hash(&self, organisation: Uuid, address: &str) -> String {
        self.hash(
            organisation,
            b"address\0",
            address.trim().to_lowercase().as_bytes(),
        )
    }

    /// A new entry for an erasure of `records` and `addresses`.
    pub fn entry(
        &self,
        organisation: OrganisationId,
        request: RequestId,
        records: &[RecordId],
        addresses: &[String],
    ) -> LedgerEntry {
        let mut records: Vec<String> = records
            .iter()
            .map(|r| self.record_hash(organisation.0, r.0))
            .collect();
        let mut addresses: Vec<String> = addresses
            .iter()
            .map(|a| self.address_hash(organisation.0, a))
            .collect();
        records.sort();
        records.dedup();
        addresses.sort();
        addresses.dedup();
        LedgerEntry {
            id: Uuid::now_v7(),
            organisation: organisation.0,
            request: request.0,
            at: Utc::now(),
            records,
            addresses,
        }
    }

    /// Appends an entry as one line and syncs it to disk before returning.
    pub async fn append(&self, entry: &LedgerEntry) -> Result<(), LedgerError> {
        let _one_at_a_time = self.lock.lock().await;
        let path = self.path.clone();
        let mut line = serde_json::to_vec(entry).unwrap_or_else(|_| unreachable!("plain JSON"));
        line.push(b'\n');
        tokio::task::spawn_blocking(move || append_line(&path, &line))
            .await
            .map_err(|e| LedgerError::Io {
                path: self.path.clone(),
                source: std::io::Error::other(e.to_string()),
            })?
    }

    /// Every entry. A missing file is an empty ledger; a last line without its newline (a
    /// crash while appending, before the erasure was answered) is left out.
    pub fn read(&self) -> Result<Vec<LedgerEntry>, LedgerError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(LedgerError::Io {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let complete = match text.rfind('\n') {
            Some(end) => &text[..end],
            None => "",
        };
        let mut entries = Vec::new();
        for (n, line) in complete.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            entries.push(
                serde_json::from_str(line).map_err(|_| LedgerError::Damaged {
                    path: self.path.clone(),
                    line: n + 1,
                })?,
            );
        }
        Ok(entries)
    }

    /// What finds the records and addresses of `entries` (all of one organisation).
    pub fn matcher<'a>(&self, organisation: Uuid, entries: &[&'a LedgerEntry]) -> Matcher<'a> {
        let mut records = HashMap::new();
        let mut addresses = HashMap::new();
        for entry in entries {
            for hash in &entry.records {
                records.insert(hash.clone(), *entry);
            }
            for hash in &entry.addresses {
                addresses.insert(hash.clone(), *entry);
            }
        }
        Matcher {
            organisation,
            key: self.key,
            records,
            addresses,
        }
    }
}

/// Tells whether a record id or an address is named by one of some ledger entries, and by
/// which.
#[derive(Debug)]
pub struct Matcher<'a> {
    organisation: Uuid,
    key: [u8; 32],
    records: HashMap<String, &'a LedgerEntry>,
    addresses: HashMap<String, &'a LedgerEntry>,
}

impl<'a> Matcher<'a> {
    fn hash(&self, kind: &[u8], value: &[u8]) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(self.organisation.as_bytes());
        mac.update(kind);
        mac.update(value);
        hex(&mac.finalize().into_bytes())
    }

    /// The entry that erased this record, if one did.
    pub fn record(&self, id: Uuid) -> Option<&'a LedgerEntry> {
        if self.records.is_empty() {
            return None;
        }
        self.records
            .get(&self.hash(b"record\0", id.as_bytes()))
            .copied()
    }

    /// The entry that erased this address, if one did.
    pub fn address(&self, address: &str) -> Option<&'a LedgerEntry> {
        if self.addresses.is_empty() {
            return None;
        }
        self.addresses
            .get(&self.hash(b"address\0", address.trim().to_lowercase().as_bytes()))
            .copied()
    }
}

pub fn append_line(path: &Path, line: &[u8]) -> Result<(), LedgerError> {
    let io = |source| LedgerError::Io {
        path: path.to_owned(),
        source,
    };
    let created = !path.exists();
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(io)?;
    file.write_all(line).map_err(io)?;
    file.sync_all().map_err(io)?;
    if created {
        // The new file's name must survive a power loss too.
        sync_dir(path).map_err(io)?;
    }
    Ok(())
}

/// Syncs the directory holding `path`, so a file created or renamed in it stays.
pub fn sync_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger(dir: &Path) -> ErasureLedger {
        let master = MasterKey::from_base64(&base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            [9u8; 32],
        ))
        .expect("key");
        ErasureLedger::new(dir.join("erasures.ledger"), &master)
    }

    #[tokio::test]
    async fn entries_hold_no_personal_value_and_match_what_they_erased() {
        let dir = tempfile::tempdir().expect("dir");
        let ledger = ledger(dir.path());
        let org = OrganisationId(Uuid::now_v7());
        let record = Uuid::now_v7();
        let entry = ledger.entry(
            org,
            RequestId(Uuid::now_v7()),
            &[RecordId(record)],
            &["Jan@Example.nl".into()],
        );
        ledger.append(&entry).await.expect("appended");
        let text = std::fs::read_to_string(ledger.path()).expect("file");
        assert!(!text.to_lowercase().contains("jan@example.nl"), "{text}");
        assert!(!text.contains(&record.to_string()), "{text}");
        let read = ledger.read().expect("read");
        assert_eq!(read, vec![entry]);
        let refs: Vec<&LedgerEntry> = read.iter().collect();
        let matcher = ledger.matcher(org.0, &refs);
        assert!(matcher.record(record).is_some());
        assert!(matcher.record(Uuid::now_v7()).is_none());
        assert!(matcher.address(" jan@example.NL").is_some());
        assert!(matcher.address("piet@example.nl").is_none());
        // Another organisation's hashes differ.
        assert!(
            ledger
                .matcher(Uuid::now_v7(), &refs)
                .record(record)
                .is_none()
        );
    }

    #[tokio::test]
    async fn a_torn_last_line_is_left_out_and_a_damaged_one_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let ledger = ledger(dir.path());
        let org = OrganisationId(Uuid::now_v7());
        let entry = ledger.entry(org, RequestId(Uuid::now_v7()), &[], &["a@b.nl".into()]);
        ledger.append(&entry).await.expect("appended");
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(ledger.path())
            .expect("open");
        file.write_all(b"{\"id\":\"01").expect("write");
        assert_eq!(ledger.read().expect("read").len(), 1);
        file.write_all(b"\n").expect("write");
        assert!(matches!(
            ledger.read(),
            Err(LedgerError::Damaged { line: 2, .. })
        ));
    }
}
