//! Background jobs on PostgreSQL. STUB SIGNATURES: the shared helpers other modules call;
//! their bodies and `JobStore` are being ported from `store-sqlite/src/jobs.rs`.
#![allow(unused_variables, dead_code, clippy::unused_async)]

use consentry_model::OrganisationId;
use consentry_store::{JobRow, StoreResult};
use sqlx::PgConnection;
use uuid::Uuid;

pub(super) async fn job_in(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    id: Uuid,
) -> StoreResult<Option<JobRow>> {
    unimplemented!("jobs: being ported")
}

pub(super) async fn forget_mentioning(
    tx: &mut PgConnection,
    organisation: OrganisationId,
    values: &[String],
) -> StoreResult<()> {
    unimplemented!("jobs: being ported")
}
