//! Module fields on PostgreSQL. STUB SIGNATURES: the shared helpers other modules call; their
//! bodies and `FieldStore` are being ported from `store-sqlite/src/fields.rs`.
#![allow(unused_variables, dead_code, clippy::unused_async)]

use consentry_model::{ModuleId, fields::Field};
use consentry_store::StoreResult;
use sqlx::PgConnection;

pub(super) async fn module_fields(
    conn: &mut PgConnection,
    module: ModuleId,
) -> StoreResult<Vec<Field>> {
    unimplemented!("fields: being ported")
}
