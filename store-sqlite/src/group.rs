//! The group commit on SQLite: consent answers and banner decisions that arrive together are
//! written in one transaction, so they share one fsync and each is still durable before it is
//! acknowledged. The group's answers are decided by the backend-neutral
//! [`consentry_store::group::decide`] on what the transaction reads, and written as a few
//! multi-row statements. Should that fail, the group is written again one answer at a time,
//! each under its own savepoint, so one bad answer is refused alone.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use consentry_model::{ConsentStatus, OrganisationId, RecordId};
use sqlx::{
    SqliteConnection, SqlitePool,
    sqlite::{SqliteConnectOptions, SqlitePoolOptions},
};
use tokio::sync::{mpsc, oneshot};

use super::{
    SqliteStore,
    audit::{chain_head, insert_entries},
    consent::{insert_consent_events, last_grants, link_states, spend_links},
    records::{insert_changes, stored_sections, write_sections},
    webhooks::enqueue_raised,
    widget::{count_impressions, insert_visitor_consents},
};
use consentry_store::{
    AnswerOutcome, Impression, PublicAnswer, StoreError, StoreResult, VisitorConsentWrite,
    group::{GroupAnswer, GroupState, LinkState, decide, links, records},
};

/// What the group commit writes.
#[derive(Debug)]
pub(super) enum Answer {
    /// A data subject's answer through a consent link.
    Consent(Box<PublicAnswer>),
    /// A site visitor's banner decision.
    Visitor(OrganisationId, Box<VisitorConsentWrite>),
    /// A banner shown, counted.
    Impression(OrganisationId, Impression),
}

/// What the group commit wrote for one answer.
#[derive(Debug)]
pub(super) enum Written {
    /// What became of a subject's answer.
    Consent(AnswerOutcome),
    /// A banner decision, or a banner shown.
    Visitor,
}

/// One answer waiting for the group commit, and who waits for what became of it.
#[derive(Debug)]
pub(super) struct ConsentJob {
    answer: Answer,
    /// The `Idempotency-Key` claim of the request that handed it over, if keyed.
    claim: Option<[u8; 16]>,
    done: oneshot::Sender<StoreResult<Written>>,
}

impl SqliteStore {
    /// Hands an answer to the group commit and waits until it is durable.
    pub(super) async fn answer(&self, answer: Answer) -> StoreResult<Written> {
        let (done, result) = oneshot::channel();
        let gone = || StoreError::database(sqlx::Error::PoolClosed);
        self.answers
            .send(ConsentJob {
                answer,
                claim: consentry_store::keyed::current(),
                done,
            })
            .await
            .map_err(|_| gone())?;
        result.await.map_err(|_| gone())?
    }
}

/// Starts the group commit on a thread and runtime of its own, writing through a connection of
/// its own. Each group takes a dozen round trips to SQLite's worker thread; on the server's
/// runtime every one of them would wait behind the request tasks the last group woke, which
/// made a group's `BEGIN` alone take longer than its fsync. It stops when `jobs` closes.
pub(super) async fn start(
    options: SqliteConnectOptions,
    jobs: mpsc::Receiver<ConsentJob>,
) -> StoreResult<()> {
    let (ready, connected) = oneshot::channel();
    std::thread::Builder::new()
        .name("consentry-group-commit".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    let _ = ready.send(Err(StoreError::database(e)));
                    return;
                }
            };
            runtime.block_on(async move {
                let writer = SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options)
                    .await;
                match writer {
                    Ok(writer) => {
                        let _ = ready.send(Ok(()));
                        group_commit(writer, jobs).await;
                    }
                    Err(e) => {
                        let _ = ready.send(Err(e.into()));
                    }
                }
            });
        })
        .map_err(StoreError::database)?;
    connected
        .await
        .map_err(|_| StoreError::database(sqlx::Error::PoolClosed))?
}

/// Most answers in one transaction.
const GROUP_MAX: usize = 256;

/// Takes whatever arrived while the last group was being synced to disk as the next group.
async fn group_commit(pool: SqlitePool, mut jobs: mpsc::Receiver<ConsentJob>) {
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while batch.len() < GROUP_MAX {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let results = match write_group(&pool, &batch).await {
            Ok(results) => Ok(results),
            Err(e) => {
                tracing::warn!(error = %e, answers = batch.len(), "group commit failed; writing its answers one by one");
                write_one_by_one(&pool, &batch).await
            }
        };
        match results {
            Ok(results) => {
                for (job, result) in batch.into_iter().zip(results) {
                    let _ = job.done.send(result);
                }
            }
            Err(e) => {
                let reason = e.to_string();
                for job in batch {
                    let _ = job
                        .done
                        .send(Err(StoreError::database(sqlx::Error::Protocol(
                            reason.clone(),
                        ))));
                }
            }
        }
    }
}

/// The group's answers, each with its request's claim.
fn answers(batch: &[ConsentJob]) -> Vec<GroupAnswer<'_>> {
    batch
        .iter()
        .filter_map(|job| match &job.answer {
            Answer::Consent(answer) => Some(GroupAnswer {
                answer,
                claim: job.claim,
            }),
            Answer::Visitor(..) | Answer::Impression(..) => None,
        })
        .collect()
}

/// The whole group in one transaction and a few statements.
async fn write_group(
    pool: &SqlitePool,
    batch: &[ConsentJob],
) -> StoreResult<Vec<StoreResult<Written>>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut outcomes = write_answers(&mut tx, &answers(batch)).await?.into_iter();
    let visitors: Vec<(OrganisationId, &VisitorConsentWrite)> = batch
        .iter()
        .filter_map(|job| match &job.answer {
            Answer::Visitor(organisation, decision) => Some((*organisation, decision.as_ref())),
            Answer::Consent(_) | Answer::Impression(..) => None,
        })
        .collect();
    insert_visitor_consents(&mut tx, &visitors).await?;
    let impressions: Vec<(OrganisationId, Impression)> = batch
        .iter()
        .filter_map(|job| match &job.answer {
            Answer::Impression(organisation, impression) => Some((*organisation, *impression)),
            Answer::Consent(_) | Answer::Visitor(..) => None,
        })
        .collect();
    count_impressions(&mut tx, &impressions).await?;
    tx.commit().await?;
    batch
        .iter()
        .map(|job| match job.answer {
            Answer::Visitor(..) | Answer::Impression(..) => Ok(Ok(Written::Visitor)),
            Answer::Consent(_) => outcomes
                .next()
                .map(|outcome| Ok(Written::Consent(outcome)))
                .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound)),
        })
        .collect()
}

/// Each answer under its own savepoint: one that fails is rolled back alone and told why.
async fn write_one_by_one(
    pool: &SqlitePool,
    batch: &[ConsentJob],
) -> StoreResult<Vec<StoreResult<Written>>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        sqlx::query("SAVEPOINT answer").execute(&mut *tx).await?;
        let written = match &job.answer {
            Answer::Consent(answer) => {
                let one = [GroupAnswer {
                    answer,
                    claim: job.claim,
                }];
                write_answers(&mut tx, &one)
                    .await
                    .and_then(|mut outcomes| {
                        outcomes
                            .pop()
                            .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound))
                    })
                    .map(Written::Consent)
            }
            Answer::Visitor(organisation, decision) => {
                insert_visitor_consents(&mut tx, &[(*organisation, decision.as_ref())])
                    .await
                    .map(|()| Written::Visitor)
            }
            Answer::Impression(organisation, impression) => {
                count_impressions(&mut tx, &[(*organisation, *impression)])
                    .await
                    .map(|()| Written::Visitor)
            }
        };
        if written.is_err() {
            sqlx::query("ROLLBACK TO answer").execute(&mut *tx).await?;
        }
        sqlx::query("RELEASE answer").execute(&mut *tx).await?;
        results.push(written);
    }
    tx.commit().await?;
    Ok(results)
}

/// Reads the answers' links, then decides and writes them ([`decide_and_write`]) and spends
/// the links their answers used up; returns what became of each.
async fn write_answers(
    conn: &mut SqliteConnection,
    answers: &[GroupAnswer<'_>],
) -> StoreResult<Vec<AnswerOutcome>> {
    if answers.is_empty() {
        return Ok(Vec::new());
    }
    let links = link_states(&mut *conn, &links(answers)).await?;
    let (outcomes, spent) = decide_and_write(&mut *conn, answers, links, true).await?;
    spend_links(&mut *conn, &spent).await?;
    Ok(outcomes)
}

/// Decides the answers on `links` and on the records' sections and chain heads as this
/// transaction reads them, and writes every row they decided except the spending of their
/// links, which depends on where a link lives (consent links, sign-ups): returns what became
/// of each answer and the links used up. With `repeats`, the same grant again while it stands
/// is a repeat (a consent link's double click; a sign-up's confirmation always counts).
pub(super) async fn decide_and_write(
    conn: &mut SqliteConnection,
    answers: &[GroupAnswer<'_>],
    links: HashMap<[u8; 32], LinkState>,
    repeats: bool,
) -> StoreResult<(Vec<AnswerOutcome>, Vec<([u8; 32], DateTime<Utc>)>)> {
    let mut state = GroupState {
        links,
        ..GroupState::default()
    };
    for (organisation, records) in &records(answers) {
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
