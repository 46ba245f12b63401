//! What every public answer reads and what changes rarely, kept in memory for a short while:
//! the published version of a form, the organisation's signing key, its controller profile and
//! a module's fields. A backend forgets an entry in the same call that changes it, so one
//! server instance never serves what it changed itself; [`FRESH_FOR`] bounds how long another
//! instance on the same database may serve an entry from before a change.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::RwLock,
    time::{Duration, Instant},
};

use consentry_model::{
    FormId, ModuleId, OrganisationId,
    compliance::ControllerProfile,
    fields::Field,
    forms::{FormDesign, FormVersion},
};

/// How long an entry that can change is served without reading it again.
pub const FRESH_FOR: Duration = Duration::from_secs(5);

/// Most entries of one kind; past it the kind starts afresh (tenants beyond it read more).
const MOST: usize = 10_000;

/// Entries of one kind, each served until it is forgotten or, when `ttl` is set, expires.
#[derive(Debug)]
pub struct Recent<K, V> {
    entries: RwLock<HashMap<K, (Instant, V)>>,
    ttl: Option<Duration>,
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    /// Entries that expire after `ttl`.
    pub fn expiring(ttl: Duration) -> Self {
        Recent {
            entries: RwLock::default(),
            ttl: Some(ttl),
        }
    }

    /// Entries of something that never changes once written.
    pub fn lasting() -> Self {
        Recent {
            entries: RwLock::default(),
            ttl: None,
        }
    }

    /// The entry, while it is fresh.
    pub fn get(&self, key: &K) -> Option<V> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        let (kept, value) = entries.get(key)?;
        match self.ttl {
            Some(ttl) if kept.elapsed() >= ttl => None,
            _ => Some(value.clone()),
        }
    }

    /// Keeps `value` as read now.
    pub fn put(&self, key: K, value: V) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MOST {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), value));
    }

    /// Forgets the entries `stale` picks (after a change to them).
    pub fn forget(&self, stale: impl Fn(&K) -> bool) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|key, _| !stale(key));
    }
}

/// The entries a backend keeps for the answer path.
#[derive(Debug)]
pub struct AnswerCache {
    /// A form's published version and design.
    pub published: Recent<(OrganisationId, FormId), (FormVersion, FormDesign)>,
    /// The organisation's receipt signing key (never changed once created).
    pub keys: Recent<OrganisationId, (String, [u8; 32])>,
    /// The controller profile receipts name.
    pub profiles: Recent<OrganisationId, ControllerProfile>,
    /// A module's fields, which receipts describe.
    pub fields: Recent<(OrganisationId, ModuleId), Option<Vec<Field>>>,
}

impl Default for AnswerCache {
    fn default() -> Self {
        AnswerCache {
            published: Recent::expiring(FRESH_FOR),
            keys: Recent::lasting(),
            profiles: Recent::expiring(FRESH_FOR),
            fields: Recent::expiring(FRESH_FOR),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_served_until_forgotten_or_expired() {
        let lasting: Recent<u8, &str> = Recent::lasting();
        lasting.put(1, "a");
        assert_eq!(lasting.get(&1), Some("a"));
        lasting.forget(|k| *k == 1);
        assert_eq!(lasting.get(&1), None);
        let expiring: Recent<u8, &str> = Recent::expiring(Duration::ZERO);
        expiring.put(1, "a");
        assert_eq!(expiring.get(&1), None);
    }
}
