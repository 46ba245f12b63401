//! Background jobs the API reports on (CSV imports, bulk consent requests), kept in the
//! store: their counts are written with the work they count, and a job whose process stopped
//! (each process renews its life while it runs) is marked interrupted, saying what was done
//! and what to do.

use std::{sync::Arc, time::Duration};

use consentry_model::{
    OrganisationId,
    audit::{Actor, AuditAction},
    consent::{BulkSendProgress, JobState},
    import::{ImportId, ImportProgress},
};
use serde_json::json;
use uuid::Uuid;

use super::{Error, Result, clock};
use crate::store::{AuditNote, JobDeliveries, JobKind, JobRow, Store};

/// What an interrupted import did and what to do now.
pub fn import_interruption(job: &JobRow) -> String {
    match job.handled_through_row {
        None => "The process running this import (the server, or a command-line import) \
                 stopped before the first batch of rows was written: nothing of this file was \
                 imported. Import the whole file again."
            .to_owned(),
        Some(last) => format!(
            "The process running this import (the server, or a command-line import) stopped \
             during it. Rows 2–{last} were handled: {} record(s) \
             imported, {} row(s) refused (listed here). Rows from {} on were not imported — \
             import them again from a file holding only those rows (with the same header row). \
             The file itself was not kept: it holds personal data.",
            job.done,
            job.error_count,
            last + 1
        ),
    }
}

/// What an interrupted bulk send did and what to do now.
pub fn bulk_interruption(job: &JobRow) -> String {
    let skipped: u64 = job.skipped.values().sum();
    format!(
        "The server stopped during this bulk consent request. {} request(s) were made before \
         it stopped: their messages are in the Outbox and are sent as usual. {} record(s) were \
         skipped. The other records of the list (about {}) were not asked: send the request to \
         the same list again with \"Skip records sent a consent request since\" set to {} \
         (`skip_asked_since`: {} in the API), so that no one this request reached is asked \
         twice; a record whose request failed is asked again.",
        job.done,
        skipped,
        job.total.saturating_sub(job.done + skipped),
        job.started_at.format("%Y-%m-%d %H:%M UTC"),
        job.started_at
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    )
}

/// An import's progress as the API reports it.
pub fn import_progress(job: JobRow) -> ImportProgress {
    let interruption = (job.state == JobState::Interrupted).then(|| import_interruption(&job));
    ImportProgress {
        id: ImportId(job.id),
        file_name: job.file_name.unwrap_or_default(),
        state: job.state,
        total: job.total,
        processed: job.processed,
        imported: job.done,
        errors: job.failures,
        error_count: job.error_count,
        handled_through_row: job.handled_through_row,
        started_at: Some(job.started_at),
        finished_at: job.finished_at,
        started_by: Some(job.started_by),
        interruption,
    }
}

/// An import of the organisation.
pub async fn import(
    store: &dyn Store,
    organisation: OrganisationId,
    id: ImportId,
) -> Result<ImportProgress> {
    match store.job(organisation, id.0).await? {
        Some(job) if job.kind == JobKind::Import => Ok(import_progress(job)),
        _ => Err(Error::NotFound("import")),
    }
}

/// A bulk send's progress: the job's own pass over the records, and how its messages stand
/// in the outbox now (still moving after the job finished, as the mail sender delivers or
/// gives up, and as failed ones are retried).
pub async fn bulk_send(
    store: &dyn Store,
    organisation: OrganisationId,
    id: Uuid,
) -> Result<BulkSendProgress> {
    match store.bulk_job(organisation, id).await? {
        Some((job, messages)) if job.kind == JobKind::BulkSend => Ok(bulk_progress(job, messages)),
        _ => Err(Error::NotFound("bulk send")),
    }
}

fn bulk_progress(job: JobRow, messages: JobDeliveries) -> BulkSendProgress {
    let interruption = (job.state == JobState::Interrupted).then(|| bulk_interruption(&job));
    BulkSendProgress {
        id: job.id,
        state: job.state,
        total: job.total,
        processed: job.processed,
        requested: job.done,
        queued: messages.queued,
        delivered: messages.delivered,
        failed: messages.failed,
        stored: messages.stored,
        skipped: job.skipped,
        started_at: Some(job.started_at),
        finished_at: job.finished_at,
        started_by: Some(job.started_by),
        interruption,
    }
}

/// The job a kept `202 Accepted` answer started, as it stands now: a retry of the request
/// that started it (same Idempotency-Key) must not be told "running" once it ended or was
/// cut off. `None` when the answer is not a job of the organisation.
pub async fn as_it_stands(
    store: &dyn Store,
    organisation: OrganisationId,
    answer: &[u8],
) -> Result<Option<Vec<u8>>> {
    #[derive(serde::Deserialize)]
    struct Started {
        id: Uuid,
    }
    let Ok(Started { id }) = serde_json::from_slice::<Started>(answer) else {
        return Ok(None);
    };
    let Some(job) = store.job(organisation, id).await? else {
        return Ok(None);
    };
    let body = match job.kind {
        JobKind::Import => serde_json::to_vec(&import_progress(job)),
        JobKind::BulkSend => match store.bulk_job(organisation, id).await? {
            Some((job, messages)) => serde_json::to_vec(&bulk_progress(job, messages)),
            None => return Ok(None),
        },
    }
    .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Some(body))
}

/// Marks interrupted every running job whose process stopped (it no longer renews its
/// instance's life: killed, crashed, or stopped mid-job), each with an audit entry saying what
/// it did; returns how many. A job of a living process (a command-line import beside this
/// server, a second server on the same database) is left running. Each job is checked again
/// in the transaction that marks it.
pub async fn interrupt_orphaned(store: &dyn Store) -> Result<usize> {
    let mut marked = 0;
    let now = clock::now();
    for job in store.orphaned_jobs(now).await? {
        let (kind, advice) = match job.kind {
            JobKind::Import => ("import", import_interruption(&job)),
            JobKind::BulkSend => ("bulk_send", bulk_interruption(&job)),
        };
        let note = AuditNote {
            actor: Actor::System.stored_name().to_owned(),
            action: AuditAction::JobInterrupted,
            subject: Some(job.id.to_string()),
            before: None,
            after: Some(json!({
                "kind": kind,
                "started_by": job.started_by,
                "started_at": job.started_at,
                "found_at": now,
                "total": job.total,
                "processed": job.processed,
                "done": job.done,
                "handled_through_row": job.handled_through_row,
                "refused": job.error_count,
                "skipped": job.skipped,
                "advice": advice,
            })),
        };
        if store
            .interrupt_orphaned_job(job.organisation, job.id, now, note)
            .await?
        {
            tracing::warn!(job = %job.id, kind, "a background job was cut off: its process stopped");
            marked += 1;
        }
    }
    Ok(marked)
}

/// Says that this process is alive for `lease` more (see [`crate::store::InstanceStore`]).
pub async fn keep_alive(store: &dyn Store, lease: Duration) -> Result<()> {
    let lease = chrono::TimeDelta::from_std(lease).map_err(|e| Error::Internal(e.to_string()))?;
    store.keep_alive(clock::now() + lease).await?;
    Ok(())
}

/// Keeps this process alive every quarter of `lease`, until asked to stop; with `sweep`,
/// also ends what stopped processes left behind: their jobs (interrupted) and their erasure
/// confirmations still being retried.
pub async fn stay_alive(
    store: Arc<dyn Store>,
    lease: Duration,
    sweep: bool,
    stop: crate::workers::Stop,
) {
    let every = lease / 4;
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(every) => {}
        }
        if let Err(e) = keep_alive(store.as_ref(), lease).await {
            tracing::error!(error = %e, "could not renew this process's lease");
        }
        if !sweep {
            continue;
        }
        if let Err(e) = interrupt_orphaned(store.as_ref()).await {
            tracing::error!(error = %e, "could not look for cut-off jobs");
        }
        if let Err(e) = super::erasure::end_cut_off_confirmations(store.as_ref()).await {
            tracing::error!(error = %e, "could not look for cut-off erasure confirmations");
        }
    }
}
