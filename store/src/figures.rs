//! What an operator watches of a running installation, read in one go for the metrics
//! endpoint: queues, jobs, the connection pool and the data-subject requests' deadlines. No
//! figure names or counts a person: organisations are named by their slug.

use chrono::{DateTime, Utc};

/// One queue of outgoing work (the outbox, webhook deliveries).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueFigures {
    /// Waiting to go out (queued mail, pending deliveries).
    pub pending: u64,
    /// Given up for good (failed mail, dead deliveries), kept for the privacy officer.
    pub failed: u64,
    /// When the oldest pending one was made.
    pub oldest_pending: Option<DateTime<Utc>>,
}

/// An organisation's open data-subject requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFigures {
    /// The organisation's slug.
    pub organisation: String,
    /// Received, verified or in progress.
    pub open: u64,
    /// Open and past their (extended) due date.
    pub overdue: u64,
}

/// The database's connections of this process.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolFigures {
    /// Connections open now.
    pub open: u32,
    /// Of those, not lent out.
    pub idle: u32,
    /// The most it opens.
    pub max: u32,
}

/// Everything [`crate::LifecycleStore::figures`] reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OperatingFigures {
    pub outbox: QueueFigures,
    /// Mail stored for the privacy officer to send by hand (no SMTP server).
    pub outbox_stored: u64,
    pub webhooks: QueueFigures,
    /// Background jobs (imports, bulk sends) running on any instance.
    pub jobs_running: u64,
    /// Public answers waiting in this process's group commit.
    pub answers_waiting: u64,
    pub pool: PoolFigures,
    /// Every organisation's open and overdue requests, by slug.
    pub requests: Vec<RequestFigures>,
}

impl QueueFigures {
    /// From the counts a backend read (`COUNT(*)` gives `i64`).
    pub fn from_counts(pending: i64, failed: i64, oldest_pending: Option<DateTime<Utc>>) -> Self {
        QueueFigures {
            pending: count(pending),
            failed: count(failed),
            oldest_pending,
        }
    }
}

impl RequestFigures {
    /// From a row of organisation slug, open and overdue counts.
    pub fn from_row((organisation, open, overdue): (String, i64, i64)) -> Self {
        RequestFigures {
            organisation,
            open: count(open),
            overdue: count(overdue),
        }
    }
}

impl PoolFigures {
    /// The connections of `pool` now.
    pub fn of<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> Self {
        PoolFigures {
            open: pool.size(),
            idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            max: pool.options().get_max_connections(),
        }
    }
}

/// A count as read (`COUNT(*)` is signed), never negative.
pub fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}

/// What waits in a group commit's queue: its capacity less the room left.
pub fn waiting<T>(queue: &tokio::sync::mpsc::Sender<T>) -> u64 {
    (queue.max_capacity() - queue.capacity()) as u64
}
