//! Encryption at rest: AES-256-GCM for field values, a master key that wraps the data keys,
//! and a keyed blind index (HMAC-SHA256) that keeps encrypted e-mail addresses findable by
//! exact match.
//!
//! A sealed value is text: a marker no field value can contain (U+0001, refused by every
//! field's parser), the data key's id, and base64url of nonce ‖ ciphertext ‖ tag. The record
//! id and field id are the associated data, so a ciphertext copied to another row or field
//! does not open.

use std::{
    collections::BTreeMap,
    io::Write,
    path::{Path, PathBuf},
};

use aes_gcm::{
    Aes256Gcm, Key, Nonce,
    aead::{Aead, AeadCore, KeyInit, OsRng, Payload, rand_core::RngCore},
};
use base64::{Engine, engine::general_purpose::STANDARD, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What every sealed value starts with.
pub const SEALED: &str = "\u{1}e1.";

/// Why a value or key could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    /// Not a sealed value.
    #[error("not a sealed value")]
    NotSealed,
    /// Sealed with a key this installation does not hold.
    #[error("sealed with data key {0}, which this installation does not hold")]
    UnknownKey(u32),
    /// Wrong key, wrong associated data, or altered bytes.
    #[error("the value does not open: a wrong key, another row or field, or altered bytes")]
    Rejected,
}

/// Bytes as lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 32 random bytes from the operating system.
pub fn random_key() -> [u8; 32] {
    random_bytes()
}

/// `N` bytes from the operating system's generator (salts, keys).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

fn cipher(key: &[u8; 32]) -> Aes256Gcm {
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
}

/// Encrypts with a fresh random nonce: nonce ‖ ciphertext ‖ tag.
fn encrypt(key: &[u8; 32], plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let sealed = cipher(key)
        .encrypt(
            &nonce,
            Payload {
                msg: plaintext,
                aad,
            },
        )
        // Only inputs beyond 64 GiB fail.
        .unwrap_or_else(|_| unreachable!("AES-GCM input too long"));
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    out
}

fn decrypt(key: &[u8; 32], bytes: &[u8], aad: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if bytes.len() < 12 + 16 {
        return Err(CryptoError::Rejected);
    }
    let (nonce, sealed) = bytes.split_at(12);
    cipher(key)
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .map_err(|_| CryptoError::Rejected)
}

/// The associated data of a field value: the record's and the field's ids.
pub fn field_aad(record: uuid::Uuid, field: uuid::Uuid) -> [u8; 32] {
    let mut aad = [0u8; 32];
    aad[..16].copy_from_slice(record.as_bytes());
    aad[16..].copy_from_slice(field.as_bytes());
    aad
}

/// The key that wraps the data keys: kept outside the database (a file or the environment).
#[derive(Clone)]
pub struct MasterKey([u8; 32]);

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

/// Why the master key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum MasterKeyError {
    /// The configured key is not 32 bytes of base64.
    #[error("encryption.master_key must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)")]
    Malformed,
    /// The key file could not be read or created.
    #[error("key file {path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The key file exists but holds no key.
    #[error("key file {0} does not hold a 32-byte base64 key; restore it from your backup")]
    BadFile(PathBuf),
    /// The key file may be read by others.
    #[error("key file {0} may be read by other users; run `chmod 600` on it")]
    Exposed(PathBuf),
}

impl MasterKey {
    /// A key given in base64 (configuration or environment).
    pub fn from_base64(text: &str) -> Result<MasterKey, MasterKeyError> {
        STANDARD
            .decode(text.trim())
            .ok()
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .map(MasterKey)
            .ok_or(MasterKeyError::Malformed)
    }

    /// Reads the key file, or creates it (mode 0600) with a new random key when missing.
    pub fn load_or_create(path: &Path) -> Result<MasterKey, MasterKeyError> {
        match MasterKey::load(path)? {
            Some(key) => Ok(key),
            None => MasterKey::create(path),
        }
    }

    /// Reads the key file; `None` when there is none.
    pub fn load(path: &Path) -> Result<Option<MasterKey>, MasterKeyError> {
        let file_error = |source| MasterKeyError::File {
            path: path.to_owned(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = std::fs::metadata(path)
                        .map_err(file_error)?
                        .permissions()
                        .mode();
                    if mode & 0o077 != 0 {
                        return Err(MasterKeyError::Exposed(path.to_owned()));
                    }
                }
                MasterKey::from_base64(&text)
                    .map(Some)
                    .map_err(|_| MasterKeyError::BadFile(path.to_owned()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(file_error(e)),
        }
    }

    /// Creates the key file (mode 0600) with a new random key; refuses to replace one.
    pub fn create(path: &Path) -> Result<MasterKey, MasterKeyError> {
        let file_error = |source| MasterKeyError::File {
            path: path.to_owned(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(file_error)?;
        }
        let key = random_key();
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(file_error)?;
        writeln!(file, "{}", STANDARD.encode(key)).map_err(file_error)?;
        file.sync_all().map_err(file_error)?;
        tracing::warn!(
            path = %path.display(),
            "created a new master key: back it up, without it encrypted values are lost"
        );
        Ok(MasterKey(key))
    }

    /// A key for one purpose (`label`), derived from the master key: HMAC-SHA256(master,
    /// label). Different labels give unrelated keys; none reveals the master key.
    pub fn derive(&self, label: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(label.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// Wraps a data key for storage in the database.
    pub fn wrap(&self, id: u32, key: &[u8; 32]) -> Vec<u8> {
        encrypt(&self.0, key, &wrap_aad(id))
    }

    /// Unwraps a stored data key.
    pub fn unwrap_key(&self, id: u32, wrapped: &[u8]) -> Result<[u8; 32], CryptoError> {
        decrypt(&self.0, wrapped, &wrap_aad(id))?
            .try_into()
            .map_err(|_| CryptoError::Rejected)
    }
}

impl MasterKey {
    /// Wraps a secret kept in the database (a webhook's signing secret, a receipt signing
    /// key, a hash key) so that a copy of the database alone does not hold it. `label` names
    /// what it is and which row it belongs to (e.g. `webhook <id>`): it is bound in as
    /// associated data, so a wrapped secret copied to another row does not open.
    pub fn wrap_secret(&self, label: &str, secret: &[u8]) -> Vec<u8> {
        encrypt(&self.0, secret, &secret_aad(label))
    }

    /// Unwraps a secret wrapped by [`MasterKey::wrap_secret`] under the same label.
    pub fn unwrap_secret(&self, label: &str, wrapped: &[u8]) -> Result<Vec<u8>, CryptoError> {
        decrypt(&self.0, wrapped, &secret_aad(label))
    }
}

fn secret_aad(label: &str) -> Vec<u8> {
    format!("consentry secret {label}").into_bytes()
}

fn wrap_aad(id: u32) -> Vec<u8> {
    format!("consentry data key {id}").into_bytes()
}

/// The data keys: the newest seals, every one still in use opens; and the blind-index key.
#[derive(Clone)]
pub struct Keyring {
    current: u32,
    keys: BTreeMap<u32, [u8; 32]>,
    index: [u8; 32],
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current)
            .field("keys", &self.keys.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Keyring {
    /// A keyring whose newest value key seals; `None` without any value key.
    pub fn new(keys: BTreeMap<u32, [u8; 32]>, index: [u8; 32]) -> Option<Keyring> {
        let current = *keys.keys().next_back()?;
        Some(Keyring {
            current,
            keys,
            index,
        })
    }

    /// The id of the key new values are sealed with.
    pub fn current(&self) -> u32 {
        self.current
    }

    /// Seals a value with the current key.
    pub fn seal(&self, plaintext: &str, aad: &[u8]) -> String {
        let key = &self.keys[&self.current];
        format!(
            "{SEALED}{}.{}",
            self.current,
            URL_SAFE_NO_PAD.encode(encrypt(key, plaintext.as_bytes(), aad))
        )
    }

    /// Opens a sealed value.
    pub fn open(&self, sealed: &str, aad: &[u8]) -> Result<String, CryptoError> {
        let (id, bytes) = parse(sealed)?;
        let key = self.keys.get(&id).ok_or(CryptoError::UnknownKey(id))?;
        String::from_utf8(decrypt(key, &bytes, aad)?).map_err(|_| CryptoError::Rejected)
    }

    /// The keyed blind index of an e-mail address within one organisation: equal for equal
    /// addresses (capitals and surrounding spaces ignored), unrelated across organisations.
    pub fn blind_index(&self, organisation: uuid::Uuid, email: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.index)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(organisation.as_bytes());
        mac.update(email.trim().to_lowercase().as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

/// Whether a stored value is sealed.
pub fn is_sealed(value: &str) -> bool {
    value.starts_with(SEALED)
}

/// The key id a sealed value names.
pub fn key_of(sealed: &str) -> Option<u32> {
    parse(sealed).ok().map(|(id, _)| id)
}

fn parse(sealed: &str) -> Result<(u32, Vec<u8>), CryptoError> {
    let rest = sealed.strip_prefix(SEALED).ok_or(CryptoError::NotSealed)?;
    let (id, body) = rest.split_once('.').ok_or(CryptoError::NotSealed)?;
    let id = id.parse().map_err(|_| CryptoError::NotSealed)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| CryptoError::Rejected)?;
    Ok((id, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(ids: &[u32]) -> Keyring {
        Keyring::new(
            ids.iter().map(|id| (*id, random_key())).collect(),
            random_key(),
        )
        .expect("a key")
    }

    const AAD: &[u8] = b"record 1, field 2";

    #[test]
    fn a_wrapped_secret_opens_only_with_its_key_and_label() {
        let master = MasterKey(random_key());
        let wrapped = master.wrap_secret("webhook 1", b"whsec_abc");
        assert!(!wrapped.windows(9).any(|w| w == b"whsec_abc"));
        assert_eq!(
            master.unwrap_secret("webhook 1", &wrapped),
            Ok(b"whsec_abc".to_vec())
        );
        assert_eq!(
            master.unwrap_secret("webhook 2", &wrapped),
            Err(CryptoError::Rejected)
        );
        let other = MasterKey(random_key());
        assert_eq!(
            other.unwrap_secret("webhook 1", &wrapped),
            Err(CryptoError::Rejected)
        );
    }

    #[test]
    fn a_value_round_trips_and_never_shows_its_plaintext() {
        let ring = ring(&[1]);
        let sealed = ring.seal("jan@example.nl", AAD);
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("jan"));
        assert_eq!(key_of(&sealed), Some(1));
        assert_eq!(ring.open(&sealed, AAD).as_deref(), Ok("jan@example.nl"));
        // A random nonce each time: equal values do not look equal.
        assert_ne!(ring.seal("jan@example.nl", AAD), sealed);
    }

    #[test]
    fn the_wrong_key_does_not_open() {
        let sealed = ring(&[1]).seal("Zwaantje", AAD);
        assert_eq!(ring(&[1]).open(&sealed, AAD), Err(CryptoError::Rejected));
        assert_eq!(
            ring(&[2]).open(&sealed, AAD),
            Err(CryptoError::UnknownKey(1))
        );
    }

    #[test]
    fn another_row_or_field_does_not_open() {
        let ring = ring(&[1]);
        let record = uuid::Uuid::now_v7();
        let field = uuid::Uuid::now_v7();
        let sealed = ring.seal("Zwaantje", &field_aad(record, field));
        assert_eq!(
            ring.open(&sealed, &field_aad(uuid::Uuid::now_v7(), field)),
            Err(CryptoError::Rejected)
        );
        assert_eq!(
            ring.open(&sealed, &field_aad(record, uuid::Uuid::now_v7())),
            Err(CryptoError::Rejected)
        );
        assert_eq!(
            ring.open(&sealed, &field_aad(record, field)).as_deref(),
            Ok("Zwaantje")
        );
    }

    #[test]
    fn a_tampered_ciphertext_does_not_open() {
        let ring = ring(&[1]);
        let sealed = ring.seal("Zwaantje", AAD);
        let mut bytes = sealed.clone().into_bytes();
        let last = bytes.len() - 3;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).expect("ascii");
        assert_eq!(ring.open(&tampered, AAD), Err(CryptoError::Rejected));
        assert_eq!(ring.open("plain", AAD), Err(CryptoError::NotSealed));
    }

    #[test]
    fn the_newest_key_seals_and_older_ones_still_open() {
        let mut keys = BTreeMap::new();
        keys.insert(1, random_key());
        let index = random_key();
        let old = Keyring::new(keys.clone(), index).expect("a key");
        let sealed = old.seal("Zwaantje", AAD);
        keys.insert(2, random_key());
        let new = Keyring::new(keys, index).expect("keys");
        assert_eq!(new.current(), 2);
        assert_eq!(new.open(&sealed, AAD).as_deref(), Ok("Zwaantje"));
        assert_eq!(key_of(&new.seal("Zwaantje", AAD)), Some(2));
        // The blind index does not change with the value keys.
        let org = uuid::Uuid::now_v7();
        assert_eq!(
            old.blind_index(org, "Jan@Example.nl "),
            new.blind_index(org, "jan@example.nl")
        );
        assert_ne!(
            new.blind_index(org, "jan@example.nl"),
            new.blind_index(uuid::Uuid::now_v7(), "jan@example.nl")
        );
    }

    #[test]
    fn data_keys_wrap_under_the_master_key_only() {
        let master = MasterKey(random_key());
        let key = random_key();
        let wrapped = master.wrap(3, &key);
        assert_eq!(master.unwrap_key(3, &wrapped), Ok(key));
        assert_eq!(master.unwrap_key(4, &wrapped), Err(CryptoError::Rejected));
        assert_eq!(
            MasterKey(random_key()).unwrap_key(3, &wrapped),
            Err(CryptoError::Rejected)
        );
    }

    #[test]
    fn the_key_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys").join("master.key");
        let created = MasterKey::load_or_create(&path).expect("created");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("file").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let read = MasterKey::load_or_create(&path).expect("read");
        assert_eq!(created.0, read.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            assert!(matches!(
                MasterKey::load_or_create(&path),
                Err(MasterKeyError::Exposed(_))
            ));
        }
        assert!(matches!(
            MasterKey::from_base64("c2hvcnQ="),
            Err(MasterKeyError::Malformed)
        ));
    }
}
