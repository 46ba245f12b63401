//! `consentry backup` and `consentry restore`: a consistent copy of the database taken while
//! the server runs (`VACUUM INTO`), optionally sealed with a key derived from the master key,
//! and putting one back with its checks (SQLite's integrity, the erasure ledger replayed, the
//! audit trails verified).
//!
//! A sealed backup is a header (magic, a random salt and nonce prefix) followed by the
//! database in chunks of 1 MiB, each sealed with AES-256-GCM under a key derived from the
//! master key and the salt; each chunk's nonce holds its number and whether it is the last,
//! and the header is the associated data of every chunk, so chunks cannot be reordered,
//! dropped, cut off or moved to another file unnoticed (the STREAM construction).

pub mod schedule;

use std::{
    io::{Read, Write},
    path::{Path, PathBuf},
    str::FromStr,
};

use aes_gcm::{
    Aes256Gcm, Key, Nonce,
    aead::{Aead, KeyInit, OsRng, Payload, rand_core::RngCore},
};
use consentry_model::audit::AuditVerdict;
use sqlx::{ConnectOptions, Connection, sqlite::SqliteConnectOptions};

use crate::{Settings, crypto::MasterKey, ledger::ErasureLedger, ledger::sync_dir, store};

/// What a sealed backup starts with.
pub const MAGIC: &[u8; 16] = b"CONSENTRY-BKP-1\n";
const SALT: usize = 32;
const PREFIX: usize = 7;
const HEADER: usize = MAGIC.len() + SALT + PREFIX;
const CHUNK: usize = 1 << 20;
const TAG: usize = 16;

fn backup_key(master: &MasterKey, salt: &[u8]) -> [u8; 32] {
    let salt: String = salt.iter().map(|b| format!("{b:02x}")).collect();
    master.derive(&format!("consentry backup {salt}"))
}

fn nonce(prefix: &[u8], counter: u32, last: bool) -> [u8; 12] {
    let mut nonce = [0u8; 12];
    nonce[..PREFIX].copy_from_slice(prefix);
    nonce[PREFIX..PREFIX + 4].copy_from_slice(&counter.to_be_bytes());
    nonce[11] = u8::from(last);
    nonce
}

/// Reads until `buf` is full or the input ends; how many bytes were read.
fn fill(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Seals `plain` into `out` under a key derived from `master`.
pub fn seal(master: &MasterKey, plain: &mut impl Read, out: &mut impl Write) -> Result<(), String> {
    let mut header = [0u8; HEADER];
    header[..MAGIC.len()].copy_from_slice(MAGIC);
    OsRng.fill_bytes(&mut header[MAGIC.len()..]);
    let key = backup_key(master, &header[MAGIC.len()..MAGIC.len() + SALT]);
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key));
    let prefix = header[MAGIC.len() + SALT..].to_vec();
    out.write_all(&header).map_err(|e| e.to_string())?;
    let mut buf = vec![0u8; CHUNK];
    let mut counter: u32 = 0;
    loop {
        let n = fill(plain, &mut buf).map_err(|e| e.to_string())?;
        // The last chunk is the first one shorter than CHUNK (possibly empty), so a reader
        // knows it without a length field.
        let last = n < CHUNK;
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(&nonce(&prefix, counter, last)),
                Payload {
                    msg: &buf[..n],
                    aad: &header,
                },
            )
            .map_err(|_| "the backup could not be sealed".to_owned())?;
        out.write_all(&sealed).map_err(|e| e.to_string())?;
        if last {
            return Ok(());
        }
        counter = counter
            .checked_add(1)
            .ok_or("the database is too large to seal")?;
    }
}

/// Opens a sealed backup into `out`; refuses one altered, cut off, or sealed under another
/// master key.
pub fn unseal(
    master: &MasterKey,
    sealed: &mut impl Read,
    out: &mut impl Write,
) -> Result<(), String> {
    let refused = "the sealed backup does not open: it was sealed with another master key, or \
                   it is damaged or cut off";
    let mut header = [0u8; HEADER];
    if fill(sealed, &mut header).map_err(|e| e.to_string())? != HEADER
        || &header[..MAGIC.len()] != MAGIC
    {
        return Err("not a sealed Consentry backup".into());
    }
    let key = backup_key(master, &header[MAGIC.len()..MAGIC.len() + SALT]);
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key));
    let prefix = header[MAGIC.len() + SALT..].to_vec();
    let mut buf = vec![0u8; CHUNK + TAG];
    let mut counter: u32 = 0;
    loop {
        let n = fill(sealed, &mut buf).map_err(|e| e.to_string())?;
        let last = n < CHUNK + TAG;
        let plain = cipher
            .decrypt(
                Nonce::from_slice(&nonce(&prefix, counter, last)),
                Payload {
                    msg: &buf[..n],
                    aad: &header,
                },
            )
            .map_err(|_| refused.to_owned())?;
        out.write_all(&plain).map_err(|e| e.to_string())?;
        if last {
            return Ok(());
        }
        counter = counter.checked_add(1).ok_or(refused)?;
    }
}

/// Whether the file is a sealed backup.
pub fn is_sealed(path: &Path) -> std::io::Result<bool> {
    let mut start = [0u8; MAGIC.len()];
    let n = fill(&mut std::fs::File::open(path)?, &mut start)?;
    Ok(n == MAGIC.len() && &start == MAGIC)
}

/// A name beside `path` for a file being written.
fn partial(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{what}-{}", uuid::Uuid::new_v4().simple()))
}

/// Removes a file when dropped unless kept: no half-written backup is left behind.
struct Partial(Option<PathBuf>);

impl Partial {
    fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }
    fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Backups of this kind are of a SQLite file; a PostgreSQL database is backed up with the
/// server's own tools.
fn on_sqlite(settings: &Settings) -> Result<(), String> {
    match settings.database.backend() {
        Some(crate::config::Backend::Postgres) => Err(
            "the database is on PostgreSQL: back it up with pg_dump (pg_dump --format=custom \
             --file=consentry.dump <database>) and restore it with pg_restore, keeping the key \
             file and the erasure ledger with it; see the README"
                .to_owned(),
        ),
        _ => Ok(()),
    }
}

fn sync_file(path: &Path) -> Result<(), String> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes a consistent copy of the configured database to `target` (sealed with a key
/// derived from the master key when `sealed`); never overwrites. Safe while the server runs.
/// Returns what to tell the operator.
pub async fn backup(settings: &Settings, target: &Path, sealed: bool) -> Result<String, String> {
    on_sqlite(settings)?;
    let database = settings.database_path();
    if !database.exists() {
        return Err(format!("there is no database at {}", database.display()));
    }
    if target.exists() {
        return Err(format!(
            "{} exists already: a backup never overwrites a file; choose another name",
            target.display()
        ));
    }
    let master = if sealed {
        Some(
            store::master_key(settings)
                .await
                .map_err(|e| e.to_string())?,
        )
    } else {
        None
    };
    let copy = Partial(Some(partial(target, "partial")));
    let mut conn = SqliteConnectOptions::from_str(&settings.database.url)
        .map_err(|e| e.to_string())?
        .create_if_missing(false)
        .busy_timeout(std::time::Duration::from_secs(30))
        .connect()
        .await
        .map_err(|e| format!("cannot open {}: {e}", database.display()))?;
    // One read transaction: a consistent snapshot however many writes run meanwhile.
    sqlx::query("VACUUM INTO ?1")
        .bind(copy.path().to_string_lossy().into_owned())
        .execute(&mut conn)
        .await
        .map_err(|e| format!("the backup failed: {e}"))?;
    conn.close().await.map_err(|e| e.to_string())?;
    let written = match &master {
        Some(master) => {
            let out = Partial(Some(partial(target, "sealing")));
            let mut plain = std::fs::File::open(copy.path()).map_err(|e| e.to_string())?;
            let mut file = std::io::BufWriter::new(
                std::fs::File::create_new(out.path()).map_err(|e| e.to_string())?,
            );
            seal(master, &mut plain, &mut file)?;
            file.flush().map_err(|e| e.to_string())?;
            drop(copy);
            out
        }
        None => copy,
    };
    sync_file(written.path())?;
    // A hard link fails when the name exists: the backup appears whole, or not at all, and
    // never replaces a file that appeared meanwhile.
    std::fs::hard_link(written.path(), target).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!(
                "{} exists already: a backup never overwrites a file",
                target.display()
            )
        } else {
            format!("{}: {e}", target.display())
        }
    })?;
    drop(written);
    sync_dir(target).map_err(|e| e.to_string())?;
    let size = std::fs::metadata(target)
        .map(|m| m.len())
        .unwrap_or_default();
    Ok(format!(
        "Backed up {} to {} ({size} bytes{}). Keep the key file ({}) and the erasure ledger \
         ({}) too: without the key nothing encrypted opens, and the ledger keeps erased \
         subjects erased when this backup is restored.",
        database.display(),
        target.display(),
        if sealed {
            ", sealed with the master key"
        } else {
            ""
        },
        settings.key_file().display(),
        settings.ledger_file().display(),
    ))
}

/// Puts a backup in place of the configured database (refusing a database that is not
/// empty unless `force`), then checks it: SQLite's integrity check, the erasure ledger
/// replayed, every organisation's audit trail verified. Prints as it goes; an error means a
/// failed check or a refusal.
pub async fn restore(settings: &Settings, file: &Path, force: bool) -> Result<(), String> {
    on_sqlite(settings)?;
    let database = settings.database_path();
    if !file.is_file() {
        return Err(format!("{} is not a file", file.display()));
    }
    let occupied = std::fs::metadata(&database).is_ok_and(|m| m.len() > 0);
    if occupied && !force {
        return Err(format!(
            "the database {} is not empty: stop the server and give --force to replace it \
             (back it up first if you may need it)",
            database.display()
        ));
    }
    // Without its master key the restored database cannot start (and no new key file may
    // be made for it): say so before anything changes.
    let master = match &settings.encryption.master_key {
        Some(key) => MasterKey::from_base64(key).map_err(|e| e.to_string())?,
        None => MasterKey::load(&settings.key_file())
            .map_err(|e| e.to_string())?
            .ok_or_else(|| {
                format!(
                    "the key file {} is missing: restore it from your backup first (the \
                     database's data keys open only with the master key they were made with)",
                    settings.key_file().display()
                )
            })?,
    };
    if let Some(parent) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    let copy = Partial(Some(partial(&database, "restoring")));
    {
        let mut input = std::io::BufReader::new(
            std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?,
        );
        let mut out = std::io::BufWriter::new(
            std::fs::File::create_new(copy.path()).map_err(|e| e.to_string())?,
        );
        if is_sealed(file).map_err(|e| e.to_string())? {
            unseal(&master, &mut input, &mut out)?;
            println!("Unsealed {}.", file.display());
        } else {
            std::io::copy(&mut input, &mut out).map_err(|e| e.to_string())?;
        }
        out.flush().map_err(|e| e.to_string())?;
    }
    sync_file(copy.path())?;
    integrity_check(copy.path()).await?;
    println!("SQLite integrity check: ok.");
    // A WAL left by the database being replaced belongs to it, not to the backup.
    for suffix in ["-wal", "-shm"] {
        let mut side = database.clone().into_os_string();
        side.push(suffix);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", PathBuf::from(side).display())),
        }
    }
    std::fs::rename(copy.path(), &database).map_err(|e| e.to_string())?;
    copy.keep();
    sync_dir(&database).map_err(|e| e.to_string())?;
    println!("Restored {} to {}.", file.display(), database.display());

    let store = store::connect(&settings.database.url, master.clone())
        .await
        .map_err(|e| e.to_string())?;
    let ledger = ErasureLedger::new(settings.ledger_file(), &master);
    let replayed = crate::domain::erasure::replay(store.as_ref(), &ledger)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "Erasure ledger {}: {} erasure(s) made after this backup applied again ({} record(s), \
         {} address(es) erased).",
        ledger.path().display(),
        replayed.entries,
        replayed.records,
        replayed.addresses
    );
    let log = crate::domain::audit::CheckpointLog::new(settings.checkpoint_log_file());
    crate::domain::audit::reseal_legacy_chains(store.as_ref(), &log)
        .await
        .map_err(|e| e.to_string())?;
    let mut broken = 0;
    let verdicts = crate::domain::audit::verify_all(store.as_ref(), &log, &[])
        .await
        .map_err(|e| e.to_string())?;
    for (slug, verdict) in verdicts {
        if matches!(verdict, AuditVerdict::Broken { .. }) {
            broken += 1;
        }
        println!(
            "{slug}: audit trail {}",
            crate::domain::audit::describe(&verdict)
        );
    }
    store.close().await.map_err(|e| e.to_string())?;
    if broken > 0 {
        return Err(format!(
            "{broken} audit trail(s) broken in the restored database"
        ));
    }
    println!("The restored database is whole.");
    Ok(())
}

async fn integrity_check(path: &Path) -> Result<(), String> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .connect()
        .await
        .map_err(|e| format!("the backup is not an SQLite database: {e}"))?;
    let rows: Result<Vec<(String,)>, _> = sqlx::query_as("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await;
    let _ = conn.close().await;
    let rows = rows.map_err(|e| format!("the backup is not a usable SQLite database: {e}"))?;
    if rows.len() == 1 && rows[0].0 == "ok" {
        Ok(())
    } else {
        Err(format!(
            "the backup fails SQLite's integrity check: {}",
            rows.into_iter()
                .map(|(r,)| r)
                .collect::<Vec<_>>()
                .join("; ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn master(byte: u8) -> MasterKey {
        MasterKey::from_base64(&base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            [byte; 32],
        ))
        .expect("key")
    }

    fn sealed(plain: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        seal(&master(1), &mut &plain[..], &mut out).expect("sealed");
        out
    }

    #[test]
    fn sealing_round_trips_at_every_chunk_boundary() {
        for len in [0, 5, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let out = sealed(&plain);
            assert!(!out.windows(64).any(|w| plain.windows(64).next() == Some(w)));
            let mut back = Vec::new();
            unseal(&master(1), &mut &out[..], &mut back).expect("opens");
            assert_eq!(back, plain, "length {len}");
        }
    }

    #[test]
    fn another_key_a_cut_or_a_changed_byte_does_not_open() {
        let plain = vec![7u8; CHUNK + 10];
        let out = sealed(&plain);
        let refuse = |bytes: &[u8], key: u8| {
            let mut back = Vec::new();
            unseal(&master(key), &mut &bytes[..], &mut back).is_err()
        };
        assert!(refuse(&out, 2), "another key");
        assert!(
            refuse(&out[..HEADER + CHUNK + TAG], 1),
            "cut at a chunk boundary"
        );
        assert!(refuse(&out[..out.len() - 1], 1), "cut short");
        let mut changed = out.clone();
        changed[HEADER + 100] ^= 1;
        assert!(refuse(&changed, 1), "a changed byte");
        let mut header = out.clone();
        header[MAGIC.len() + 1] ^= 1;
        assert!(refuse(&header, 1), "a changed header");
        assert!(!refuse(&out, 1));
    }
}
