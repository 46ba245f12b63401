//! The audit trail on PostgreSQL: one linear hash chain per organisation, also when writers
//! on several server instances append at once.

use chrono::{DateTime, Utc};
use consentry_model::OrganisationId;
use consentry_store::{
    AuditNote, StoreResult,
    chain::{Head, NewEntry},
};
use sqlx::PgConnection;

use super::{millis, webhooks};

/// Appends `note` to the organisation's chain in the caller's transaction (which commits it
/// with the change it records), and queues the webhooks it raises; its place in the chain.
/// Appends to one chain wait for each other until their transactions end, whichever
/// instance runs them, so each extends the head the one before it left.
pub(crate) async fn append(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    note: &AuditNote,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    lock_chain(conn, organisation).await?;
    let head: Option<(i64, Vec<u8>)> =
        sqlx::query_as("SELECT seq, hash FROM audit_heads WHERE organisation_id = $1")
            .bind(organisation.0)
            .fetch_optional(&mut *conn)
            .await?;
    let head = head.map(|(seq, hash)| Head {
        seq: seq.unsigned_abs(),
        hash,
    });
    let entry = NewEntry::after(
        organisation,
        head.as_ref(),
        note,
        millis(at).timestamp_millis(),
    );
    insert_entry(conn, &entry, consentry_store::keyed::current()).await?;
    webhooks::enqueue(conn, organisation, note, at).await?;
    Ok(entry.seq)
}

/// Takes the organisation's chain for the caller's transaction: appends to it from any
/// instance wait until that transaction ends.
pub(crate) async fn lock_chain(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<()> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(chain_lock(organisation))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The advisory lock that serialises appends to one organisation's chain.
fn chain_lock(organisation: OrganisationId) -> i64 {
    let bytes = organisation.0.as_u128();
    ((bytes >> 64) as i64) ^ (bytes as i64)
}

/// Writes a hashed entry with its detail, and under a keyed request's claim the change it
/// made, so a retry after a crash can tell a change that committed from one that never did.
async fn insert_entry(
    conn: &mut PgConnection,
    entry: &NewEntry,
    claim: Option<[u8; 16]>,
) -> StoreResult<()> {
    let at = DateTime::<Utc>::from_timestamp_millis(entry.at_ms).unwrap_or_default();
    let seq = i64::try_from(entry.seq).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO audit_log (organisation_id, seq, at, actor, action, subject, detail_hash,
                                prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(entry.organisation.0)
    .bind(seq)
    .bind(at)
    .bind(&entry.actor)
    .bind(entry.action)
    .bind(&entry.subject)
    .bind(entry.detail.as_ref().map(|d| d.commitment.to_vec()))
    .bind(&entry.prev_hash)
    .bind(entry.hash.to_vec())
    .execute(&mut *conn)
    .await?;
    if let Some(detail) = &entry.detail {
        // `json` keeps the text as written: the commitment is over these bytes.
        sqlx::query(
            "INSERT INTO audit_details (organisation_id, seq, salt, before, after)
             VALUES ($1, $2, $3, $4::json, $5::json)",
        )
        .bind(entry.organisation.0)
        .bind(seq)
        .bind(detail.salt.to_vec())
        .bind(&detail.before)
        .bind(&detail.after)
        .execute(&mut *conn)
        .await?;
    }
    if let Some(token) = claim {
        sqlx::query(
            "INSERT INTO idempotency_effects (claim_token, organisation_id, seq, action, at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(token.to_vec())
        .bind(entry.organisation.0)
        .bind(seq)
        .bind(entry.action)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

// STUB SIGNATURES below: ported with `AuditStore` from `store-sqlite/src/audit.rs`.

/// The organisation's chain head.
#[allow(unused_variables, clippy::unused_async)]
pub(super) async fn chain_head(
    conn: &mut PgConnection,
    organisation: OrganisationId,
) -> StoreResult<Option<Head>> {
    unimplemented!("audit: being ported")
}

/// Writes entries computed ahead (the group commit).
#[allow(unused_variables, clippy::unused_async)]
pub(super) async fn insert_entries(
    conn: &mut PgConnection,
    entries: &[(NewEntry, Option<[u8; 16]>)],
) -> StoreResult<()> {
    unimplemented!("audit: being ported")
}

/// Redacts an erased subject's values from the audit details.
#[allow(unused_variables, clippy::unused_async, clippy::too_many_arguments)]
pub(super) async fn redact(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    subjects: &[String],
    needles: &[String],
    note: AuditNote,
    request: Option<String>,
    at: DateTime<Utc>,
) -> StoreResult<usize> {
    unimplemented!("audit: being ported")
}
