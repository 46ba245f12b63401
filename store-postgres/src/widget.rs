//! Widget decisions on PostgreSQL. STUB SIGNATURES: the shared helpers other modules call;
//! their bodies and `WidgetStore` are being ported from `store-sqlite/src/widget.rs`.
#![allow(unused_variables, dead_code, clippy::unused_async)]

use consentry_model::OrganisationId;
use consentry_store::{StoreResult, VisitorConsentWrite};
use sqlx::PgConnection;

pub(super) async fn insert_visitor_consents(
    conn: &mut PgConnection,
    consents: &[(OrganisationId, &VisitorConsentWrite)],
) -> StoreResult<()> {
    unimplemented!("widget: being ported")
}
