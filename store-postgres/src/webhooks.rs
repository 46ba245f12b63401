//! Webhook deliveries on PostgreSQL, queued in the transaction of the change they report.

use chrono::{DateTime, Utc};
use consentry_model::OrganisationId;
use consentry_store::{AuditNote, StoreResult, raised_events};
use sqlx::PgConnection;
use uuid::Uuid;

use super::millis;

/// Queues a delivery of each event the audited change raises to every subscription of the
/// organisation that wants it, with the event's id and facts as they are now.
pub(crate) async fn enqueue(
    conn: &mut PgConnection,
    organisation: OrganisationId,
    note: &AuditNote,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let at = millis(at);
    for raised in raised_events(note) {
        // Which subscriptions want it: a containment search on their events (GIN index).
        let webhooks: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT id FROM webhooks
             WHERE organisation_id = $1 AND events @> jsonb_build_array($2::text)",
        )
        .bind(organisation.0)
        .bind(raised.event.code())
        .fetch_all(&mut *conn)
        .await?;
        for (webhook,) in webhooks {
            sqlx::query(
                "INSERT INTO webhook_deliveries (id, organisation_id, webhook_id, event, subject,
                     status, created_at, schedule_started_at, next_attempt_at, event_id, facts)
                 VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $6, $7, $8::json)",
            )
            .bind(Uuid::now_v7())
            .bind(organisation.0)
            .bind(webhook)
            .bind(raised.event.code())
            .bind(&note.subject)
            .bind(at)
            .bind(raised.id)
            .bind(raised.facts.to_string())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Queues a delivery of each raised event (the group commit's) to every subscription that
/// wants it. STUB SIGNATURE: ported with `WebhookStore`.
#[allow(unused_variables, clippy::unused_async)]
pub(super) async fn enqueue_raised(
    conn: &mut PgConnection,
    raised: &[consentry_store::group::Raised],
) -> StoreResult<()> {
    unimplemented!("webhooks: being ported")
}
