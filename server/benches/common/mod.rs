//! What every benchmark starts from: a fresh database with one organisation.

#![allow(dead_code)] // Each benchmark uses its part.

use std::{sync::Arc, time::Duration};

use consentry_model::{OrganisationId, audit::AuditAction, auth::SetupRequest};
use consentry_server::{
    crypto::MasterKey,
    domain,
    store::{self, AuditNote, Store},
};

/// The allocator the `consentry` binary runs with, so a benchmark measures the server as
/// shipped (glibc's malloc cost a tenth of the consent load's time in its arenas).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The audit note of a change a benchmark makes while setting up.
pub fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "bench".into(),
        action,
        subject: None,
        before: None,
        after: None,
    }
}

/// The `p` quantile (0–1) of the samples, which it sorts.
pub fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i.min(samples.len() - 1)]
}

/// The master key beside the database file `db` (created on first use).
pub fn bench_key(db: &std::path::Path) -> MasterKey {
    MasterKey::load_or_create(&db.with_extension("key")).expect("key")
}

/// Opens (creating) the database file `db` and creates the organisation `slug` in it.
pub async fn tenant(db: &std::path::Path, slug: &str) -> (Arc<dyn Store>, OrganisationId) {
    tenant_at(&format!("sqlite://{}", db.display()), bench_key(db), slug).await
}

/// Opens (creating) the database at `url` and creates the organisation `slug` in it.
pub async fn tenant_at(
    url: &str,
    master: MasterKey,
    slug: &str,
) -> (Arc<dyn Store>, OrganisationId) {
    let store = store::connect(url, master).await.expect("store");
    let request: SetupRequest = serde_json::from_value(serde_json::json!({
        "organisation_name": slug, "organisation_slug": slug, "admin_name": "Bench Admin",
        "admin_email": format!("{slug}@example.org"), "admin_password": "bench password 123"
    }))
    .expect("valid");
    let (organisation, _) = domain::setup::create_tenant(
        store.as_ref(),
        &domain::passwords::Passwords::new(1, 0),
        request,
        true,
    )
    .await
    .expect("tenant");
    (store, organisation.id)
}
