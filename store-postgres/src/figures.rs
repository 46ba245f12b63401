//! The figures an operator watches (see [`consentry_store::figures`]), read in one
//! repeatable-read transaction so they agree with each other.

use chrono::{DateTime, NaiveDate, Utc};
use consentry_store::{
    StoreResult,
    figures::{OperatingFigures, PoolFigures, QueueFigures, RequestFigures, count, waiting},
};

use super::PostgresStore;

impl PostgresStore {
    pub(crate) async fn read_figures(&self, today: NaiveDate) -> StoreResult<OperatingFigures> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await?;
        let (queued, failed, oldest, stored): (i64, i64, Option<DateTime<Utc>>, i64) =
            sqlx::query_as(
                "SELECT count(*) FILTER (WHERE status = 'queued'),
                    count(*) FILTER (WHERE status = 'failed'),
                    min(created_at) FILTER (WHERE status = 'queued'),
                    count(*) FILTER (WHERE status = 'stored')
             FROM outbox",
            )
            .fetch_one(&mut *tx)
            .await?;
        let outbox = QueueFigures::from_counts(queued, failed, oldest);
        let (pending, dead, oldest): (i64, i64, Option<DateTime<Utc>>) = sqlx::query_as(
            "SELECT count(*) FILTER (WHERE status = 'pending'),
                    count(*) FILTER (WHERE status = 'dead'),
                    min(created_at) FILTER (WHERE status = 'pending')
             FROM webhook_deliveries",
        )
        .fetch_one(&mut *tx)
        .await?;
        let webhooks = QueueFigures::from_counts(pending, dead, oldest);
        let (jobs_running,): (i64,) =
            sqlx::query_as("SELECT count(*) FROM jobs WHERE state = 'running'")
                .fetch_one(&mut *tx)
                .await?;
        let requests: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT o.slug, count(r.id),
                    count(r.id) FILTER (WHERE COALESCE(r.extended_due_on, r.due_on) < $1)
             FROM organisations o LEFT JOIN data_subject_requests r
                  ON r.organisation_id = o.id
                 AND r.status IN ('received', 'verified', 'in_progress')
             GROUP BY o.slug ORDER BY o.slug",
        )
        .bind(today)
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
