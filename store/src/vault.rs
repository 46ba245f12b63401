//! Encryption at rest, whatever the backend: the master key and the data keys it unwraps,
//! the labels secrets are wrapped under, and sealing and opening the values of encrypted
//! fields as records are written and read. A backend keeps the wrapped keys and the sealed
//! values; what is sealed, and how, is decided here.

use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, RwLock},
};

use consentry_model::{
    Email, OrganisationId,
    fields::{FieldEncryption, FieldKind, FieldValue, StandardField},
    records::RecordFields,
};
use uuid::Uuid;

use crate::{
    StoreError, StoreResult, corrupt,
    crypto::{Keyring, MasterKey, field_aad, is_sealed, key_of},
};

/// The master key and the data keys it unwraps; the backend reloads them when another
/// process (`consentry rotate-key`) adds a key.
#[derive(Debug, Clone)]
pub struct Vault {
    master: MasterKey,
    ring: Arc<RwLock<Keyring>>,
}

/// The master key does not open a stored data key.
pub fn key_error(id: i64) -> StoreError {
    StoreError::Keys(format!(
        "the master key does not open data key {id}: is this the key file (or \
         CONSENTRY__ENCRYPTION__MASTER_KEY) this database was created with?"
    ))
}

impl Vault {
    /// The master key with the data keys it opened.
    pub fn new(master: MasterKey, ring: Keyring) -> Vault {
        Vault {
            master,
            ring: Arc::new(RwLock::new(ring)),
        }
    }

    /// The master key, to wrap a new data key.
    pub fn master(&self) -> &MasterKey {
        &self.master
    }

    /// Takes the keys as the database holds them now.
    pub fn replace(&self, ring: Keyring) {
        *self
            .ring
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = ring;
    }

    /// The keys as they are now.
    pub fn ring(&self) -> Keyring {
        self.ring
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// A key derived from the master key for one purpose (never stored).
    pub fn derive(&self, label: &str) -> [u8; 32] {
        self.master.derive(label)
    }

    /// Wraps a secret for storage (see [`MasterKey::wrap_secret`]).
    pub fn wrap_secret(&self, label: &str, secret: &[u8]) -> Vec<u8> {
        self.master.wrap_secret(label, secret)
    }

    /// Unwraps a stored secret; an error naming it when the master key does not open it.
    pub fn unwrap_secret(&self, label: &str, wrapped: &[u8]) -> StoreResult<Vec<u8>> {
        self.master.unwrap_secret(label, wrapped).map_err(|_| {
            StoreError::Keys(format!(
                "the master key does not open the {label}: is this the key file (or \
                 CONSENTRY__ENCRYPTION__MASTER_KEY) this database was created with?"
            ))
        })
    }
}

/// The keyring from the stored data keys: `(id, purpose, wrapped)` with purpose `values` or
/// `index`; an error naming the key the master key does not open.
pub fn keyring(
    master: &MasterKey,
    stored: impl IntoIterator<Item = (i64, String, Vec<u8>)>,
) -> StoreResult<Keyring> {
    let mut values = BTreeMap::new();
    let mut index = None;
    for (id, purpose, wrapped) in stored {
        let key_id = u32::try_from(id).map_err(|_| corrupt("data_keys.id", id.to_string()))?;
        let key = master
            .unwrap_key(key_id, &wrapped)
            .map_err(|_| key_error(id))?;
        if purpose == "index" {
            index = Some(key);
        } else {
            values.insert(key_id, key);
        }
    }
    index
        .and_then(|index| Keyring::new(values, index))
        .ok_or_else(|| corrupt("data_keys", "no value key or no index key"))
}

/// The label a webhook's secret is wrapped under.
pub fn webhook_label(id: Uuid) -> String {
    format!("secret of webhook {id}")
}

/// The label a receipt signing key is wrapped under.
pub fn signing_key_label(kid: &str) -> String {
    format!("receipt signing key {kid}")
}

/// The label an organisation's hash key is wrapped under.
pub fn hash_key_label(organisation: Uuid) -> String {
    format!("hash key of organisation {organisation}")
}

/// One encrypted (or half-encrypted) field of a module.
#[derive(Debug, Clone, Copy)]
pub struct SealedField {
    /// The field.
    pub id: Uuid,
    /// Its kind (how a value opens).
    pub kind: FieldKind,
    /// Whether values are sealed, being sealed or being opened.
    pub state: FieldEncryption,
}

/// What writing and reading an organisation's records needs: which fields are encrypted, and
/// the keys. Loaded per operation, so a change made by another process is never missed.
#[derive(Debug, Clone)]
pub struct Sealing {
    organisation: Uuid,
    ring: Option<Keyring>,
    fields: HashMap<(Uuid, String), SealedField>,
}

/// A column's new stored value.
#[derive(Debug, Clone)]
pub enum Resealed {
    /// Text (a value or a custom JSON object).
    Text(Option<String>),
    /// A blind index.
    Bytes(Option<Vec<u8>>),
}

/// A record's field values as stored.
#[derive(Debug, Clone, Default)]
pub struct StoredFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub email_index: Option<Vec<u8>>,
    pub phone: Option<String>,
    pub company: Option<String>,
    pub country: Option<String>,
    pub custom: String,
}

impl Sealing {
    /// The organisation's encrypted fields, by module and key; the keys only when there are
    /// any.
    pub fn new(
        organisation: OrganisationId,
        ring: Option<Keyring>,
        fields: HashMap<(Uuid, String), SealedField>,
    ) -> Sealing {
        Sealing {
            organisation: organisation.0,
            ring,
            fields,
        }
    }

    fn sealing(&self, module: Uuid, key: &str) -> Option<(&Keyring, Uuid)> {
        let field = self.fields.get(&(module, key.to_owned()))?;
        field.state.seals().then_some(())?;
        Some((self.ring.as_ref()?, field.id))
    }

    fn seal(&self, record: Uuid, module: Uuid, key: &str, value: Option<String>) -> Option<String> {
        let value = value?;
        Some(match self.sealing(module, key) {
            Some((ring, field)) => ring.seal(&value, &field_aad(record, field)),
            None => value,
        })
    }

    /// The values as they are stored: encrypted where the field says so, with the blind
    /// index of an encrypted e-mail address.
    pub fn seal_fields(&self, record: Uuid, module: Uuid, fields: &RecordFields) -> StoredFields {
        let email = fields.email.as_ref().map(|e| e.as_str().to_owned());
        let email_index = match (&email, self.sealing(module, StandardField::Email.key())) {
            (Some(address), Some((ring, _))) => Some(ring.blind_index(self.organisation, address)),
            _ => None,
        };
        let custom: BTreeMap<&String, FieldValue> = fields
            .custom
            .iter()
            .map(|(key, value)| {
                let stored = match (self.sealing(module, key), value) {
                    (Some((ring, field)), FieldValue::Text(text)) => {
                        FieldValue::Text(ring.seal(text, &field_aad(record, field)))
                    }
                    (Some((ring, field)), FieldValue::Number(n)) => {
                        FieldValue::Text(ring.seal(&n.to_string(), &field_aad(record, field)))
                    }
                    _ => value.clone(),
                };
                (key, stored)
            })
            .collect();
        StoredFields {
            first_name: self.seal(record, module, "first_name", fields.first_name.clone()),
            last_name: self.seal(record, module, "last_name", fields.last_name.clone()),
            email: self.seal(record, module, "email", email),
            email_index,
            phone: self.seal(record, module, "phone", fields.phone.clone()),
            company: self.seal(record, module, "company", fields.company.clone()),
            country: self.seal(record, module, "country", fields.country.clone()),
            custom: serde_json::to_string(&custom).unwrap_or_else(|_| "{}".into()),
        }
    }

    fn open(
        &self,
        record: Uuid,
        module: Uuid,
        key: &str,
        column: &'static str,
        value: Option<String>,
    ) -> StoreResult<Option<String>> {
        let Some(value) = value else {
            return Ok(None);
        };
        if !is_sealed(&value) {
            return Ok(Some(value));
        }
        let field = self
            .fields
            .get(&(module, key.to_owned()))
            .ok_or_else(|| corrupt(column, "encrypted, but the field is not"))?;
        let ring = self
            .ring
            .as_ref()
            .ok_or_else(|| corrupt(column, "encrypted, but no keys are loaded"))?;
        ring.open(&value, &field_aad(record, field.id))
            .map(Some)
            .map_err(|e| corrupt(column, e.to_string()))
    }

    /// A record's e-mail address as entered, from the stored one.
    pub fn open_email(
        &self,
        record: Uuid,
        module: Uuid,
        stored: Option<String>,
    ) -> StoreResult<Option<String>> {
        self.open(record, module, "email", "records.email", stored)
    }

    /// The values as entered, from the stored ones.
    pub fn open_fields(
        &self,
        record: Uuid,
        module: Uuid,
        stored: StoredFields,
    ) -> StoreResult<RecordFields> {
        let email = self
            .open(record, module, "email", "records.email", stored.email)?
            .map(|e| Email::from_stored(&e).map_err(|_| corrupt("records.email", e)))
            .transpose()?;
        let mut custom: BTreeMap<String, FieldValue> = serde_json::from_str(&stored.custom)
            .map_err(|_| corrupt("records.custom", stored.custom.clone()))?;
        for (key, value) in &mut custom {
            let FieldValue::Text(text) = value else {
                continue;
            };
            if !is_sealed(text) {
                continue;
            }
            let opened = self
                .open(record, module, key, "records.custom", Some(text.clone()))?
                .unwrap_or_default();
            let kind = self.fields.get(&(module, key.clone())).map(|f| f.kind);
            *value = if kind == Some(FieldKind::Number) {
                FieldValue::Number(
                    opened
                        .parse()
                        .map_err(|_| corrupt("records.custom", "a number that does not parse"))?,
                )
            } else {
                FieldValue::Text(opened)
            };
        }
        Ok(RecordFields {
            first_name: self.open(
                record,
                module,
                "first_name",
                "records.first_name",
                stored.first_name,
            )?,
            last_name: self.open(
                record,
                module,
                "last_name",
                "records.last_name",
                stored.last_name,
            )?,
            email,
            phone: self.open(record, module, "phone", "records.phone", stored.phone)?,
            company: self.open(record, module, "company", "records.company", stored.company)?,
            country: self.open(record, module, "country", "records.country", stored.country)?,
            custom,
        })
    }

    /// What must change in a stored record for its values to follow the fields' current
    /// states and the newest key: only those columns (a column already right is left alone, so
    /// its index is not rewritten). Empty when nothing changes.
    pub fn reseal(
        &self,
        record: Uuid,
        module: Uuid,
        stored: &StoredFields,
    ) -> StoreResult<Vec<(&'static str, Resealed)>> {
        let mut changes = Vec::new();
        let columns: [(&'static str, &Option<String>); 6] = [
            ("first_name", &stored.first_name),
            ("last_name", &stored.last_name),
            ("email", &stored.email),
            ("phone", &stored.phone),
            ("company", &stored.company),
            ("country", &stored.country),
        ];
        for (key, value) in columns {
            let Some(value) = value else { continue };
            if self.is_right(module, key, value) {
                continue;
            }
            let plain = self
                .open(record, module, key, "records", Some(value.clone()))?
                .unwrap_or_default();
            let resealed = self.seal(record, module, key, Some(plain.clone()));
            if key == "email" {
                let index = self
                    .sealing(module, key)
                    .map(|(ring, _)| ring.blind_index(self.organisation, &plain));
                changes.push(("email_index", Resealed::Bytes(index)));
            }
            changes.push((key, Resealed::Text(resealed)));
        }
        let custom: BTreeMap<String, FieldValue> = serde_json::from_str(&stored.custom)
            .map_err(|_| corrupt("records.custom", stored.custom.clone()))?;
        let wrong = custom.iter().any(|(key, value)| match value {
            FieldValue::Text(text) => !self.is_right(module, key, text),
            FieldValue::Number(_) => self.sealing(module, key).is_some(),
            FieldValue::Boolean(_) => false,
        });
        if wrong {
            let opened = self.open_fields(
                record,
                module,
                StoredFields {
                    custom: stored.custom.clone(),
                    ..StoredFields::default()
                },
            )?;
            let sealed = self.seal_fields(record, module, &opened);
            changes.push(("custom", Resealed::Text(Some(sealed.custom))));
        }
        Ok(changes)
    }

    /// Whether a stored value is as its field wants it: sealed with the newest key, or plain.
    fn is_right(&self, module: Uuid, key: &str, value: &str) -> bool {
        match (self.sealing(module, key), is_sealed(value)) {
            (Some((ring, _)), true) => key_of(value) == Some(ring.current()),
            (None, sealed) => !sealed,
            (Some(_), false) => false,
        }
    }

    /// The organisation whose fields these are.
    pub fn organisation(&self) -> Uuid {
        self.organisation
    }

    /// The blind index of an address in this organisation (for exact-match lookups), when
    /// any field is encrypted.
    pub fn index_of(&self, email: &str) -> Option<Vec<u8>> {
        self.ring
            .as_ref()
            .map(|ring| ring.blind_index(self.organisation, email))
    }
}
