//! Consent on PostgreSQL. STUB SIGNATURES: the shared helpers other modules call; their bodies
//! and `ConsentStore` are being ported from `store-sqlite/src/consent.rs`.
#![allow(unused_variables, dead_code, clippy::unused_async)]

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use consentry_model::{OrganisationId, RecordId, records::DataSource};
use consentry_store::{
    ConsentEventWrite, ConsentLink, NewMessage, StoreResult,
    group::{Grant, LinkState},
    vault::Vault,
};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

pub(super) async fn insert_message(
    conn: &mut PgConnection,
    vault: &Vault,
    organisation: OrganisationId,
    message: &NewMessage,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    unimplemented!("consent: being ported")
}

pub(super) async fn insert_note(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    source: &DataSource,
) -> StoreResult<()> {
    unimplemented!("consent: being ported")
}

pub(super) async fn insert_consent_event(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    event: &ConsentEventWrite,
) -> StoreResult<Uuid> {
    unimplemented!("consent: being ported")
}

pub(super) async fn insert_consent_events(
    conn: &mut PgConnection,
    events: &[(OrganisationId, Uuid, ConsentEventWrite)],
) -> StoreResult<()> {
    unimplemented!("consent: being ported")
}

pub(super) async fn link_states(
    conn: &mut PgConnection,
    token_hashes: &[[u8; 32]],
) -> StoreResult<HashMap<[u8; 32], LinkState>> {
    unimplemented!("consent: being ported")
}

pub(super) async fn spend_links(
    conn: &mut PgConnection,
    spent: &[([u8; 32], DateTime<Utc>)],
) -> StoreResult<()> {
    unimplemented!("consent: being ported")
}

pub(super) async fn last_grants(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    records: &[RecordId],
) -> StoreResult<HashMap<RecordId, Grant>> {
    unimplemented!("consent: being ported")
}

pub(super) async fn consent_links(
    pool: &PgPool,
    token_hashes: Vec<[u8; 32]>,
) -> StoreResult<HashMap<[u8; 32], ConsentLink>> {
    unimplemented!("consent: being ported")
}
