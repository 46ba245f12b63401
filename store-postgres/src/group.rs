//! Public answers on PostgreSQL: decided on the rows their transaction reads and locks, so
//! answers through one link, on one record or to one organisation's chain, from any instance,
//! are decided one after the other. Each answer through a consent link commits in a
//! transaction of its own, on the caller's task: PostgreSQL syncs concurrent commits together
//! by itself, and the locks keep answers handled at once on several instances right.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use consentry_model::{ConsentStatus, OrganisationId, RecordId};
use consentry_store::{
    AnswerOutcome, PublicAnswer, StoreError, StoreResult,
    group::{GroupAnswer, GroupState, LinkState, decide, links, records},
};
use sqlx::{PgConnection, PgPool};

use super::{
    audit::{chain_head, insert_entries, lock_chain},
    consent::{insert_consent_events, last_grants, link_states, spend_links},
    records::{insert_changes, stored_sections, write_sections},
    webhooks::enqueue_raised,
};

/// Writes a subject's answer through a consent link in one transaction, under the claim of
/// the keyed request answering (if any): locks the link, decides the answer on it and on the
/// record as this transaction reads them ([`decide_and_write`], where the same grant again
/// while it stands is a repeat), and spends the link when the answer used it up. Answers
/// through one link sent at once, to any instance, wait for each other's links: the first is
/// recorded, the next find it spent or repeated.
pub(super) async fn answer(pool: &PgPool, answer: &PublicAnswer) -> StoreResult<AnswerOutcome> {
    let answers = [GroupAnswer {
        answer,
        claim: consentry_store::keyed::current(),
    }];
    let mut tx = pool.begin().await?;
    let links = link_states(&mut tx, &links(&answers)).await?;
    let (mut outcomes, spent) = decide_and_write(&mut tx, &answers, links, true).await?;
    spend_links(&mut tx, &spent).await?;
    tx.commit().await?;
    outcomes
        .pop()
        .ok_or_else(|| StoreError::database(sqlx::Error::RowNotFound))
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
    // Organisations in one order, so two instances locking the same ones never deadlock.
    let mut by_organisation: Vec<(OrganisationId, Vec<RecordId>)> =
        records(answers).into_iter().collect();
    by_organisation.sort_unstable_by_key(|(organisation, _)| organisation.0);
    for (organisation, records) in &by_organisation {
        lock_chain(&mut *conn, *organisation).await?;
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
