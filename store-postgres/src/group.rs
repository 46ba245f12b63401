//! Public answers on PostgreSQL: the group commit of each instance, deciding on the rows its
//! transaction locks. Answers through consent links and banner decisions that arrive
//! together on one instance are written in one transaction, so they share one commit (and
//! its fsync) and each is still durable before it is acknowledged; answers on several
//! instances are kept right by the locks, taken in one order everywhere: each organisation's audit chain first (as every
//! writer does), then the links, then the records. Should a group fail, its answers are
//! written again one by one, so one bad answer is refused alone.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use consentry_model::{ConsentStatus, OrganisationId, RecordId};
use consentry_store::{
    AnswerOutcome, PublicAnswer, StoreError, StoreResult, VisitorConsentWrite,
    group::{GroupAnswer, GroupState, LinkState, decide, links, records},
};
use sqlx::{PgConnection, PgPool};
use tokio::sync::{mpsc, oneshot};

use super::{
    PostgresStore,
    audit::{chain_head, insert_entries, lock_chain},
    consent::{insert_consent_events, last_grants, link_states, spend_links},
    records::{insert_changes, stored_sections, write_sections},
    webhooks::enqueue_raised,
    widget::insert_visitor_consents,
};

/// Most answers in one transaction.
const GROUP_MAX: usize = 256;

/// What the group commit writes.
#[derive(Debug)]
pub(super) enum Answer {
    /// A data subject's answer through a consent link.
    Consent(Box<PublicAnswer>),
    /// A site visitor's banner decision.
    Visitor(OrganisationId, Box<VisitorConsentWrite>),
}

/// What the group commit wrote for one answer.
#[derive(Debug)]
pub(super) enum Written {
    /// What became of a subject's answer.
    Consent(AnswerOutcome),
    /// A banner decision.
    Visitor,
}

/// One answer waiting for the group commit, and who waits for what became of it.
#[derive(Debug)]
pub(super) struct Job {
    answer: Answer,
    /// The `Idempotency-Key` claim of the request that handed it over, if keyed.
    claim: Option<[u8; 16]>,
    done: oneshot::Sender<StoreResult<Written>>,
}

/// Starts this instance's group commit on the caller's runtime; it stops when every sender
/// of its jobs is dropped.
pub(super) fn start(pool: PgPool) -> mpsc::Sender<Job> {
    let (jobs, queue) = mpsc::channel(4 * GROUP_MAX);
    tokio::spawn(group_commit(pool, queue));
    jobs
}

impl PostgresStore {
    /// Hands an answer to the group commit and waits until it is durable.
    pub(super) async fn answer(&self, answer: Answer) -> StoreResult<Written> {
        let (done, result) = oneshot::channel();
        let gone = || StoreError::database(sqlx::Error::PoolClosed);
        self.answers
            .send(Job {
                answer,
                claim: consentry_store::keyed::current(),
                done,
            })
            .await
            .map_err(|_| gone())?;
        result.await.map_err(|_| gone())?
    }
}

/// Takes whatever arrived while the last group was being committed as the next group.
async fn group_commit(pool: PgPool, mut jobs: mpsc::Receiver<Job>) {
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while batch.len() < GROUP_MAX {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        match write_group(&pool, &batch).await {
            Ok(written) => {
                for (job, written) in batch.into_iter().zip(written) {
                    let _ = job.done.send(Ok(written));
                }
            }
            Err(error) if batch.len() == 1 => {
                // Alone already: its own error, not a second attempt.
                if let Some(job) = batch.pop() {
                    let _ = job.done.send(Err(error));
                }
            }
            Err(error) => {
                tracing::warn!(%error, answers = batch.len(), "group commit failed; writing its answers one by one");
                for job in batch {
                    let written = write_group(&pool, std::slice::from_ref(&job)).await;
                    let written = written.and_then(|mut written| {
                        written
                            .pop()
                            .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound))
                    });
                    let _ = job.done.send(written);
                }
            }
        }
    }
}

/// Writes a group in one transaction: the answers through consent links decided on the rows
/// it locks (organisations' chains, then links, then records: [`decide_and_write`], where the
/// same grant again while it stands is a repeat, and the links they used up spent), and the
/// banner decisions. Answers through one link, on any instance, wait for each other: the
/// first is recorded, the next find it spent or repeated. What each job became, in order.
async fn write_group(pool: &PgPool, batch: &[Job]) -> StoreResult<Vec<Written>> {
    let answers: Vec<GroupAnswer<'_>> = batch
        .iter()
        .filter_map(|job| match &job.answer {
            Answer::Consent(answer) => Some(GroupAnswer {
                answer,
                claim: job.claim,
            }),
            Answer::Visitor(..) => None,
        })
        .collect();
    let visitors: Vec<(OrganisationId, &VisitorConsentWrite)> = batch
        .iter()
        .filter_map(|job| match &job.answer {
            Answer::Visitor(organisation, decision) => Some((*organisation, decision.as_ref())),
            Answer::Consent(_) => None,
        })
        .collect();
    let mut tx = pool.begin().await?;
    let mut outcomes = Vec::new();
    if !answers.is_empty() {
        lock_chains(&mut tx, &answers).await?;
        let links = link_states(&mut tx, &links(&answers)).await?;
        let spent;
        (outcomes, spent) = decide_and_write(&mut tx, &answers, links, true).await?;
        spend_links(&mut tx, &spent).await?;
    }
    insert_visitor_consents(&mut tx, &visitors).await?;
    tx.commit().await?;
    let mut outcomes = outcomes.into_iter();
    batch
        .iter()
        .map(|job| match job.answer {
            Answer::Visitor(..) => Ok(Written::Visitor),
            Answer::Consent(_) => outcomes
                .next()
                .map(Written::Consent)
                .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound)),
        })
        .collect()
}

/// Takes the chains of the answers' organisations, in one order, before any row an answer
/// touches: every writer takes an organisation's chain before its records and links (an
/// erasure, a deletion, a new consent request revoking links), so none waits in a circle.
pub(super) async fn lock_chains(
    conn: &mut PgConnection,
    answers: &[GroupAnswer<'_>],
) -> StoreResult<()> {
    let mut organisations: Vec<OrganisationId> =
        answers.iter().map(|a| a.answer.organisation).collect();
    organisations.sort_unstable_by_key(|o| o.0);
    organisations.dedup();
    for organisation in organisations {
        lock_chain(&mut *conn, organisation).await?;
    }
    Ok(())
}

/// Decides the answers on `links` (read and locked by the caller) and on the records'
/// sections and chain heads as this transaction reads and locks them, and writes every row
/// they decided except the spending of their links, which depends on where a link lives
/// (consent links, sign-ups): returns what became of each answer and the links used up.
/// With `repeats`, the same grant again while it stands is a repeat (a consent link's double
/// click; a sign-up's confirmation always counts).
pub(super) async fn decide_and_write(
    conn: &mut PgConnection,
    answers: &[GroupAnswer<'_>],
    links: HashMap<[u8; 32], LinkState>,
    repeats: bool,
) -> StoreResult<(Vec<AnswerOutcome>, Vec<([u8; 32], DateTime<Utc>)>)> {
    let mut state = GroupState {
        links,
        ..GroupState::default()
    };
    // The chains are the caller's ([`lock_chains`]); taken again here (an advisory lock a
    // transaction holds is held once more at no cost) so no caller can forget them.
    lock_chains(&mut *conn, answers).await?;
    let mut by_organisation: Vec<(OrganisationId, Vec<RecordId>)> =
        records(answers).into_iter().collect();
    by_organisation.sort_unstable_by_key(|(organisation, _)| organisation.0);
    for (organisation, records) in &by_organisation {
        let sections = stored_sections(&mut *conn, *organisation, records).await?;
        if repeats {
            // Only where consent stands can an answer repeat a grant.
            let standing: Vec<RecordId> = sections
                .iter()
                .filter(|(_, p)| {
                    p.consent
                        .as_ref()
                        .is_some_and(|c| c.status == ConsentStatus::Obtained)
                })
                .map(|(record, _)| *record)
                .collect();
            let grants = last_grants(&mut *conn, *organisation, &standing).await?;
            state.last_grants.extend(
                grants
                    .into_iter()
                    .map(|(record, grant)| ((*organisation, record), grant)),
            );
        }
        state.privacy.extend(
            sections
                .into_iter()
                .map(|(record, privacy)| ((*organisation, record), privacy)),
        );
        let head = chain_head(&mut *conn, *organisation).await?;
        state.heads.insert(*organisation, head);
    }
    let writes = decide(answers, state)?;
    insert_consent_events(&mut *conn, &writes.events).await?;
    write_sections(&mut *conn, &writes.sections).await?;
    insert_changes(&mut *conn, &writes.changes).await?;
    insert_entries(&mut *conn, &writes.entries).await?;
    enqueue_raised(&mut *conn, &writes.raised).await?;
    Ok((writes.outcomes, writes.spent))
}
