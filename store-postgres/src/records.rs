//! Records on PostgreSQL. STUB SIGNATURES: the shared helpers other modules call; their bodies
//! and `RecordStore` are being ported from `store-sqlite/src/records.rs`.
#![allow(unused_variables, dead_code, clippy::unused_async)]

use consentry_model::{
    Email, ModuleId, OrganisationId, RecordId,
    records::{DataPrivacy, DataSource, Record},
};
use consentry_store::{
    BulkOutcome, PrivacyAudit, PrivacyChange, PrivacyRule, RecordWrite, Selection, StoreResult,
    group::{ChangeWrite, SectionWrite},
    vault::{Sealing, StoredFields},
};
use sqlx::{PgConnection, Postgres, QueryBuilder};

pub(super) fn push_email_match(
    query: &mut QueryBuilder<'_, Postgres>,
    email: &str,
    sealing: &Sealing,
) {
    unimplemented!("records: being ported")
}

pub(super) async fn write_fields(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: RecordId,
    stored: &StoredFields,
) -> StoreResult<()> {
    unimplemented!("records: being ported")
}

pub(super) async fn stored_privacy(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: RecordId,
) -> StoreResult<Option<DataPrivacy>> {
    unimplemented!("records: being ported")
}

pub(super) async fn stored_sections(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    ids: &[RecordId],
) -> StoreResult<std::collections::HashMap<RecordId, DataPrivacy>> {
    unimplemented!("records: being ported")
}

pub(super) async fn load_record(
    conn: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    id: RecordId,
) -> StoreResult<Option<Record>> {
    unimplemented!("records: being ported")
}

pub(super) async fn write_privacy(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    privacy: &DataPrivacy,
    source: &DataSource,
) -> StoreResult<()> {
    unimplemented!("records: being ported")
}

pub(super) async fn write_sections(
    conn: &mut PgConnection,
    sections: &[SectionWrite],
) -> StoreResult<()> {
    unimplemented!("records: being ported")
}

pub(super) async fn insert_event(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    record: RecordId,
    change: &PrivacyChange,
    source: &DataSource,
) -> StoreResult<()> {
    unimplemented!("records: being ported")
}

pub(super) async fn insert_changes(
    conn: &mut PgConnection,
    changes: &[ChangeWrite],
) -> StoreResult<()> {
    unimplemented!("records: being ported")
}

pub(super) async fn insert_batch(
    tx: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    records: &[RecordWrite],
) -> StoreResult<Option<Vec<RecordId>>> {
    unimplemented!("records: being ported")
}

pub(super) async fn existing_emails_in(
    conn: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    module: ModuleId,
    emails: &[Email],
) -> StoreResult<std::collections::HashSet<String>> {
    unimplemented!("records: being ported")
}

pub(super) async fn change_privacy_in(
    tx: &mut PgConnection,
    sealing: &Sealing,
    organisation: OrganisationId,
    selection: Selection<'_>,
    rule: PrivacyRule<'_>,
    source: DataSource,
    audit: PrivacyAudit<'_>,
) -> StoreResult<BulkOutcome> {
    unimplemented!("records: being ported")
}
