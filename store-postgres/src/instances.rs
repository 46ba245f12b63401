//! The server instances working on the database, each alive while it renews its lease.

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use consentry_store::{InstanceStore, StoreResult};
use uuid::Uuid;

use super::{PostgresStore, millis};

#[async_trait]
impl InstanceStore for PostgresStore {
    fn instance(&self) -> Uuid {
        self.instance
    }

    async fn keep_alive(&self, until: DateTime<Utc>) -> StoreResult<()> {
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO instances (id, started_at, alive_until) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET alive_until = excluded.alive_until",
        )
        .bind(self.instance)
        .bind(millis(now))
        .bind(millis(until))
        .execute(&self.pool)
        .await?;
        // Instances gone for a day are forgotten (their jobs say what became of them).
        sqlx::query("DELETE FROM instances WHERE alive_until < $1")
            .bind(millis(now - TimeDelta::days(1)))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn retire(&self) -> StoreResult<()> {
        sqlx::query("UPDATE instances SET alive_until = 'epoch' WHERE id = $1")
            .bind(self.instance)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn instance_alive(&self, instance: Uuid, now: DateTime<Utc>) -> StoreResult<bool> {
        let alive: Option<(i32,)> =
            sqlx::query_as("SELECT 1 FROM instances WHERE id = $1 AND alive_until >= $2")
                .bind(instance)
                .bind(millis(now))
                .fetch_optional(&self.pool)
                .await?;
        Ok(alive.is_some())
    }

    async fn mail_queued_elsewhere(&self) {
        self.mail_queued.notified().await;
    }
}
