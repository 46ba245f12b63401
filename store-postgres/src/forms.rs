//! Consent forms on PostgreSQL. STUB SIGNATURES: the shared helpers other modules call; their
//! bodies and `FormStore` are being ported from `store-sqlite/src/forms.rs`.
#![allow(unused_variables, dead_code, clippy::unused_async)]

use consentry_model::{
    FormId, OrganisationId,
    forms::{ConsentForm, FormDesign},
    widget::WidgetSettings,
};
use consentry_store::{AuditNote, StoreResult};
use sqlx::PgConnection;

pub(crate) fn text_hash(json: &str) -> String {
    unimplemented!("forms: being ported")
}

pub(super) fn design(column: &'static str, json: &str) -> StoreResult<FormDesign> {
    unimplemented!("forms: being ported")
}

pub(super) async fn load(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: FormId,
) -> StoreResult<Option<ConsentForm>> {
    unimplemented!("forms: being ported")
}

pub(super) async fn finish_change(
    tx: sqlx::Transaction<'_, sqlx::Postgres>,
    organisation: OrganisationId,
    id: FormId,
    changed: u64,
    audit: &AuditNote,
) -> StoreResult<Option<ConsentForm>> {
    unimplemented!("forms: being ported")
}

pub(super) fn widget_settings(origins: &str, consent_mode: bool) -> StoreResult<WidgetSettings> {
    unimplemented!("forms: being ported")
}
