//! The figures an operator watches (see [`consentry_store::figures`]), read in one
//! transaction so they agree with each other.

use chrono::NaiveDate;
use consentry_store::{
    StoreResult,
    figures::{OperatingFigures, PoolFigures, QueueFigures, RequestFigures, count, waiting},
};

use super::{Millis, SqliteStore};

impl SqliteStore {
    pub(crate) async fn read_figures(&self, today: NaiveDate) -> StoreResult<OperatingFigures> {
        let mut tx = self.pool.begin().await?;
        let (queued, failed, oldest, stored): (i64, i64, Option<Millis>, i64) = sqlx::query_as(
            "SELECT COUNT(*) FILTER (WHERE status = 'queued'),
                    COUNT(*) FILTER (WHERE status = 'failed'),
                    MIN(created_at) FILTER (WHERE status = 'queued'),
                    COUNT(*) FILTER (WHERE status = 'stored')
             FROM outbox",
        )
        .fetch_one(&mut *tx)
        .await?;
        let outbox = QueueFigures::from_counts(queued, failed, oldest.map(|t| t.0));
        let (pending, dead, oldest): (i64, i64, Option<Millis>) = sqlx::query_as(
            "SELECT COUNT(*) FILTER (WHERE status = 'pending'),
                    COUNT(*) FILTER (WHERE status = 'dead'),
                    MIN(created_at) FILTER (WHERE status = 'pending')
             FROM webhook_deliveries",
        )
        .fetch_one(&mut *tx)
        .await?;
        let webhooks = QueueFigures::from_counts(pending, dead, oldest.map(|t| t.0));
        let (jobs_running,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM jobs WHERE state = 'running'")
                .fetch_one(&mut *tx)
                .await?;
        let requests: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT o.slug, COUNT(r.id),
                    COUNT(r.id) FILTER (WHERE COALESCE(r.extended_due_on, r.due_on) < ?1)
             FROM organisations o LEFT JOIN data_subject_requests r
                  ON r.organisation_id = o.id
                 AND r.status IN ('received', 'verified', 'in_progress')
             GROUP BY o.slug ORDER BY o.slug",
        )
        .bind(today.to_string())
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(OperatingFigures {
            outbox,
            outbox_stored: count(stored),
            webhooks,
            jobs_running: count(jobs_running),
            answers_waiting: waiting(&self.answers),
            pool: PoolFigures::of(&self.pool),
            requests: requests.into_iter().map(RequestFigures::from_row).collect(),
        })
    }
}
