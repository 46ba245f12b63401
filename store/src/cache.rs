//! What every public answer reads and what changes rarely, kept in memory for a short while:
//! the published version of a form, the organisation's signing key, its controller profile and
//! a module's fields. A backend forgets an entry in the same call that changes it, so one
//! server instance never serves what it changed itself; [`FRESH_FOR`] bounds how long another
//! instance on the same database may serve an entry from before a change.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::{
        RwLock,
        atomic::{AtomicU64, Ordering},
    },
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
    /// How many times entries were forgotten: a value read before a change is not kept.
    changes: AtomicU64,
}

/// Taken before reading what to keep: [`Recent::put`] keeps the value only if nothing was
/// forgotten since, so a read that raced a change cannot put the old value back.
#[derive(Debug, Clone, Copy)]
pub struct Ticket(u64);

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    /// Entries that expire after `ttl`.
    pub fn expiring(ttl: Duration) -> Self {
        Recent {
            entries: RwLock::default(),
            ttl: Some(ttl),
            changes: AtomicU64::new(0),
        }
    }

    /// Entries of something that never changes once written.
    pub fn lasting() -> Self {
        Recent {
            entries: RwLock::default(),
            ttl: None,
            changes: AtomicU64::new(0),
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

    /// To take before reading the value to keep.
    pub fn ticket(&self) -> Ticket {
        Ticket(self.changes.load(Ordering::SeqCst))
    }

    /// Keeps `value`, read after `ticket` was taken, unless something was forgotten since.
    pub fn put(&self, ticket: Ticket, key: K, value: V) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if self.changes.load(Ordering::SeqCst) != ticket.0 {
            return;
        }
        if entries.len() >= MOST {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), value));
    }

    /// Forgets the entries `stale` picks (after a change to them).
    pub fn forget(&self, stale: impl Fn(&K) -> bool) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        self.changes.fetch_add(1, Ordering::SeqCst);
        entries.retain(|key, _| !stale(key));
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
    /// The oldest administrator's e-mail address, per organisation.
    pub contacts: Recent<OrganisationId, Option<String>>,
}

impl AnswerCache {
    /// Forgets every entry of an organisation (another server instance changed something
    /// of it).
    pub fn forget_organisation(&self, organisation: OrganisationId) {
        self.published.forget(|(o, _)| *o == organisation);
        self.keys.forget(|o| *o == organisation);
        self.profiles.forget(|o| *o == organisation);
        self.fields.forget(|(o, _)| *o == organisation);
        self.contacts.forget(|o| *o == organisation);
    }

    /// Forgets every entry (changes made elsewhere may have been missed).
    pub fn forget_all(&self) {
        self.published.forget(|_| true);
        self.keys.forget(|_| true);
        self.profiles.forget(|_| true);
        self.fields.forget(|_| true);
        self.contacts.forget(|_| true);
    }
}

impl Default for AnswerCache {
    fn default() -> Self {
        AnswerCache {
            published: Recent::expiring(FRESH_FOR),
            keys: Recent::lasting(),
            profiles: Recent::expiring(FRESH_FOR),
            fields: Recent::expiring(FRESH_FOR),
            contacts: Recent::expiring(FRESH_FOR),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisations_change_elsewhere_forgets_its_entries_only() {
        let cache = AnswerCache::default();
        let (a, b) = (
            OrganisationId(uuid::Uuid::from_u128(1)),
            OrganisationId(uuid::Uuid::from_u128(2)),
        );
        cache
            .keys
            .put(cache.keys.ticket(), a, ("a".into(), [1; 32]));
        cache
            .keys
            .put(cache.keys.ticket(), b, ("b".into(), [2; 32]));
        cache.contacts.put(cache.contacts.ticket(), a, None);
        cache.forget_organisation(a);
        assert_eq!(cache.keys.get(&a), None);
        assert_eq!(cache.contacts.get(&a), None);
        assert!(cache.keys.get(&b).is_some());
        cache.forget_all();
        assert_eq!(cache.keys.get(&b), None);
    }

    #[test]
    fn an_entry_is_served_until_forgotten_or_expired() {
        let lasting: Recent<u8, &str> = Recent::lasting();
        lasting.put(lasting.ticket(), 1, "a");
        assert_eq!(lasting.get(&1), Some("a"));
        lasting.forget(|k| *k == 1);
        assert_eq!(lasting.get(&1), None);
        let expiring: Recent<u8, &str> = Recent::expiring(Duration::ZERO);
        expiring.put(expiring.ticket(), 1, "a");
        assert_eq!(expiring.get(&1), None);
    }

    #[test]
    fn a_value_read_before_a_change_is_not_put_back_after_it() {
        let cache: Recent<u8, &str> = Recent::lasting();
        // A reader takes its ticket and reads the old value; a writer changes it and forgets.
        let ticket = cache.ticket();
        cache.forget(|k| *k == 1);
        cache.put(ticket, 1, "old");
        assert_eq!(cache.get(&1), None);
        cache.put(cache.ticket(), 1, "new");
        assert_eq!(cache.get(&1), Some("new"));
    }
}
