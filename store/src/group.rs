//! The group commit of public answers, decided the same way on every backend.
//!
//! Many data subjects answer at once; a backend commits whatever arrived together in one
//! transaction, so they share one durable sync. Inside it, the backend reads what the group
//! touches — its links, the records' Data Privacy sections, each organisation's audit-chain
//! head — and [`decide`] takes the answers one after the other on that state, each seeing what
//! the earlier ones wrote (a second answer through a spent link finds it spent). What comes out
//! is rows, written in a few multi-row statements instead of a dozen statements per answer.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use consentry_model::{
    ConsentStatus, FormId, OrganisationId, RecordId,
    records::{ConsentThrough, DataPrivacy, DataSource},
};
use uuid::Uuid;

use crate::{
    AnswerOutcome, ConsentEventWrite, LinkGone, PrivacyChange, PublicAnswer, RaisedEvent,
    StoreResult,
    chain::{Head, NewEntry},
    corrupt, raised_events,
};

/// A consent link (or pending sign-up) as the transaction read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkState {
    /// An answer through it was recorded.
    pub spent: bool,
    /// A newer request replaced it.
    pub revoked: bool,
    /// When its time runs out.
    pub expires_at: DateTime<Utc>,
}

impl LinkState {
    /// Why the link takes no answer at `at`, if it takes none.
    pub fn gone(&self, at: DateTime<Utc>) -> Option<LinkGone> {
        if self.spent {
            Some(LinkGone::Spent)
        } else if self.revoked {
            Some(LinkGone::Revoked)
        } else if self.expires_at <= at {
            Some(LinkGone::Expired)
        } else {
            None
        }
    }
}

/// What a group's answers are decided on, read in the group's transaction.
#[derive(Debug, Default)]
pub struct GroupState {
    /// The links answered through, by token hash (a missing one is [`LinkGone::Missing`]).
    pub links: HashMap<[u8; 32], LinkState>,
    /// The records' sections (missing: no such record, or compliance is off for it).
    pub privacy: HashMap<(OrganisationId, RecordId), DataPrivacy>,
    /// Every answering organisation's chain head (`None`: no entries yet).
    pub heads: HashMap<OrganisationId, Option<Head>>,
    /// Each record's latest consent event when it is a grant: what was granted. The same
    /// grant again, while the consent it gave stands, is a repeat.
    pub last_grants: HashMap<(OrganisationId, RecordId), Grant>,
}

/// What a grant granted: to which form version, read in which language, which choices (as
/// JSON). An answer to a newer version, or in another language, is a new decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The form.
    pub form: FormId,
    /// Its version.
    pub version: u32,
    /// The language read.
    pub lang: String,
    /// The choices, as the event keeps them.
    pub choices: String,
}

/// One answer of a group, with the `Idempotency-Key` claim of the request that sent it.
#[derive(Debug, Clone, Copy)]
pub struct GroupAnswer<'a> {
    /// The answer.
    pub answer: &'a PublicAnswer,
    /// Its request's claim, if keyed.
    pub claim: Option<[u8; 16]>,
}

impl GroupAnswer<'_> {
    fn record(&self) -> (OrganisationId, RecordId) {
        (self.answer.organisation, self.answer.event.record)
    }
}

/// The token hashes of the links the answers came through, each once.
pub fn links(answers: &[GroupAnswer<'_>]) -> Vec<[u8; 32]> {
    let mut links: Vec<[u8; 32]> = answers.iter().map(|a| a.answer.token_hash).collect();
    links.sort_unstable();
    links.dedup();
    links
}

/// The records the answers are about, each once, by organisation: the sections and chain heads
/// to read before [`decide`].
pub fn records(answers: &[GroupAnswer<'_>]) -> HashMap<OrganisationId, Vec<RecordId>> {
    let mut records: HashMap<OrganisationId, Vec<RecordId>> = HashMap::new();
    for answer in answers {
        let (organisation, record) = answer.record();
        records.entry(organisation).or_default().push(record);
    }
    for ids in records.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    records
}

/// A record's Data Privacy section to store, stamped with its data source.
#[derive(Debug, Clone)]
pub struct SectionWrite {
    /// Whose.
    pub organisation: OrganisationId,
    /// The record.
    pub record: RecordId,
    /// The section.
    pub privacy: DataPrivacy,
    /// Who changed it, how and when.
    pub source: DataSource,
}

/// A privacy event to append.
#[derive(Debug, Clone)]
pub struct ChangeWrite {
    /// Whose.
    pub organisation: OrganisationId,
    /// The record.
    pub record: RecordId,
    /// The change.
    pub change: PrivacyChange,
    /// Who made it, how and when.
    pub source: DataSource,
}

/// A webhook event raised by an answer's audit entry.
#[derive(Debug, Clone)]
pub struct Raised {
    /// Whose.
    pub organisation: OrganisationId,
    /// The entry's subject.
    pub subject: Option<String>,
    /// The event.
    pub event: RaisedEvent,
    /// When.
    pub at: DateTime<Utc>,
}

/// The rows a group's answers write, and what became of each answer.
#[derive(Debug, Default)]
pub struct GroupWrites {
    /// Per answer, in the order given.
    pub outcomes: Vec<AnswerOutcome>,
    /// Consent events with their ids.
    pub events: Vec<(OrganisationId, Uuid, ConsentEventWrite)>,
    /// Each changed record's section as the group leaves it (one per record).
    pub sections: Vec<SectionWrite>,
    /// Privacy events, in order.
    pub changes: Vec<ChangeWrite>,
    /// Audit entries, chained in order, with their requests' claims.
    pub entries: Vec<(NewEntry, Option<[u8; 16]>)>,
    /// Webhook events for the subscribers.
    pub raised: Vec<Raised>,
    /// Links spent, with when.
    pub spent: Vec<([u8; 32], DateTime<Utc>)>,
}

/// Decides the group's answers one after the other on `state`; returns the rows to write.
/// Fails only when `state` lacks an answering organisation's chain head (a backend's bug:
/// appending without it would fork the chain).
pub fn decide(answers: &[GroupAnswer<'_>], mut state: GroupState) -> StoreResult<GroupWrites> {
    let mut writes = GroupWrites::default();
    // Where each record's section sits in `writes.sections`: a later answer replaces it.
    let mut section_at: HashMap<(OrganisationId, RecordId), usize> = HashMap::new();
    for answer in answers {
        let GroupAnswer { answer, claim } = *answer;
        let at = answer.event.at;
        let link = state.links.get_mut(&answer.token_hash);
        let gone = link
            .as_ref()
            .map_or(Some(LinkGone::Missing), |l| l.gone(at));
        if let Some(gone) = gone {
            writes.outcomes.push(AnswerOutcome::LinkGone(gone));
            continue;
        }
        let key = (answer.organisation, answer.event.record);
        // BTreeSets: the same choices are the same text, as the events keep them.
        let choices = serde_json::to_string(&answer.event.choices)
            .map_err(|e| corrupt("consent_events.choices", e.to_string()))?;
        let grant = Grant {
            form: answer.event.form,
            version: answer.event.version,
            lang: answer.event.lang.as_str().to_owned(),
            choices,
        };
        // Consent a subject gave through a form, not one the organisation recorded since.
        let consent_stands = state
            .privacy
            .get(&key)
            .and_then(|p| p.consent.as_ref())
            .is_some_and(|c| {
                c.status == ConsentStatus::Obtained
                    && c.through == Some(ConsentThrough::ConsentForm)
            });
        if consent_stands && state.last_grants.get(&key) == Some(&grant) {
            writes
                .outcomes
                .push(AnswerOutcome::LinkGone(LinkGone::Repeated));
            continue;
        }
        let plan = match (answer.rule)(state.privacy.get(&key)) {
            Ok(plan) => plan,
            Err(refusal) => {
                writes.outcomes.push(AnswerOutcome::Refused(refusal));
                continue;
            }
        };
        let head = state
            .heads
            .get_mut(&answer.organisation)
            .ok_or_else(|| corrupt("audit_log.head", "not read by the group commit"))?;
        if plan.spend
            && let Some(link) = link
        {
            link.spent = true;
            writes.spent.push((answer.token_hash, at));
        }
        if plan.decision == "granted" {
            state.last_grants.insert(key, grant);
        } else {
            state.last_grants.remove(&key);
        }
        let id = Uuid::now_v7();
        writes.events.push((
            answer.organisation,
            id,
            ConsentEventWrite {
                decision: plan.decision,
                ..answer.event.clone()
            },
        ));
        let section = SectionWrite {
            organisation: answer.organisation,
            record: answer.event.record,
            privacy: plan.privacy.clone(),
            source: answer.source.clone(),
        };
        match section_at.get(&key) {
            Some(&i) => writes.sections[i] = section,
            None => {
                section_at.insert(key, writes.sections.len());
                writes.sections.push(section);
            }
        }
        state.privacy.insert(key, plan.privacy.clone());
        if let Some(change) = &plan.change {
            writes.changes.push(ChangeWrite {
                organisation: answer.organisation,
                record: answer.event.record,
                change: change.clone(),
                source: answer.source.clone(),
            });
        }
        let mut audit = plan.audit.clone();
        audit.subject = Some(answer.event.record.to_string());
        let entry = NewEntry::after(
            answer.organisation,
            head.as_ref(),
            &audit,
            at.timestamp_millis(),
        );
        *head = Some(entry.head());
        writes.entries.push((entry, claim));
        writes
            .raised
            .extend(raised_events(&audit).into_iter().map(|event| Raised {
                organisation: answer.organisation,
                subject: audit.subject.clone(),
                event,
                at,
            }));
        writes.outcomes.push(AnswerOutcome::Recorded {
            event: id,
            plan: Box::new(plan),
        });
    }
    Ok(writes)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use consentry_model::{LegalBasis, audit::AuditAction, forms::FormLang, records::SourceKind};

    use super::*;
    use crate::{AnswerPlan, AuditNote, Refusal, chain};

    /// An answer through `token` to `record` whose rule appends "x" to the lawful reason it
    /// finds (so what an answer saw is visible in what it wrote), spending the link if asked.
    fn answer(token: u8, record: RecordId, spend: bool) -> PublicAnswer {
        let at = Utc::now();
        PublicAnswer {
            organisation: OrganisationId(Uuid::nil()),
            token_hash: [token; 32],
            event: ConsentEventWrite {
                record,
                form: FormId(Uuid::nil()),
                version: 1,
                text_hash: "ab".into(),
                lang: FormLang::parse("en").expect("lang"),
                decision: "",
                choices: Default::default(),
                at,
                ip: None,
                user_agent: None,
            },
            source: DataSource {
                through: SourceKind::ConsentForm,
                by: "Newsletter".into(),
                detail: None,
                at,
            },
            rule: Box::new(move |before| {
                let Some(before) = before else {
                    return Err(Refusal {
                        code: consentry_model::ErrorCode::ComplianceDisabled,
                        message: "off",
                    });
                };
                let reason = format!("{}x", before.lawful_reason.clone().unwrap_or_default());
                Ok(AnswerPlan {
                    privacy: DataPrivacy {
                        lawful_reason: Some(reason),
                        ..before.clone()
                    },
                    change: None,
                    decision: "granted",
                    spend,
                    audit: AuditNote {
                        actor: "subject".into(),
                        action: AuditAction::ConsentRecorded,
                        subject: None,
                        before: None,
                        after: Some(serde_json::json!({"status": "given"})),
                    },
                })
            }),
        }
    }

    fn live() -> LinkState {
        LinkState {
            spent: false,
            revoked: false,
            expires_at: Utc::now() + Duration::days(1),
        }
    }

    fn section() -> DataPrivacy {
        DataPrivacy {
            basis: LegalBasis::Consent,
            lawful_reason: None,
            consent: None,
            stop_processing: false,
        }
    }

    fn state(links: &[u8], records: &[RecordId], head: Option<chain::Head>) -> GroupState {
        let organisation = OrganisationId(Uuid::nil());
        GroupState {
            links: links.iter().map(|&t| ([t; 32], live())).collect(),
            privacy: records
                .iter()
                .map(|&r| ((organisation, r), section()))
                .collect(),
            heads: [(organisation, head)].into_iter().collect(),
            last_grants: HashMap::new(),
        }
    }

    fn group<'a>(answers: &'a [PublicAnswer]) -> Vec<GroupAnswer<'a>> {
        answers
            .iter()
            .map(|answer| GroupAnswer {
                answer,
                claim: None,
            })
            .collect()
    }

    #[test]
    fn a_second_answer_through_a_link_the_first_spent_finds_it_spent() {
        let record = RecordId(Uuid::now_v7());
        let answers = [answer(1, record, true), answer(1, record, true)];
        let writes = decide(&group(&answers), state(&[1], &[record], None)).expect("decided");
        assert!(matches!(writes.outcomes[0], AnswerOutcome::Recorded { .. }));
        assert_eq!(writes.outcomes[1], AnswerOutcome::LinkGone(LinkGone::Spent));
        assert_eq!(writes.events.len(), 1);
        assert_eq!(writes.entries.len(), 1);
        assert_eq!(writes.spent.len(), 1);
    }

    #[test]
    fn the_same_grant_again_while_it_stands_is_a_repeat_and_a_changed_one_is_recorded() {
        let record = RecordId(Uuid::now_v7());
        let grant = |news: bool| {
            let mut answer = answer(1, record, false);
            answer.event.decision = "granted";
            if news {
                answer.event.choices.granted.insert("news".into());
            }
            answer
        };
        let obtained = |mut state: GroupState| {
            for section in state.privacy.values_mut() {
                section.consent = Some(consentry_model::records::Consent {
                    status: ConsentStatus::Obtained,
                    date: None,
                    through: Some(ConsentThrough::ConsentForm),
                    contact_through: Vec::new(),
                    remarks: None,
                    mail_sent_at: None,
                });
            }
            state
        };
        let answers = [grant(false), grant(false), grant(true)];
        let writes =
            decide(&group(&answers), obtained(state(&[1], &[record], None))).expect("decided");
        assert!(matches!(writes.outcomes[0], AnswerOutcome::Recorded { .. }));
        assert_eq!(
            writes.outcomes[1],
            AnswerOutcome::LinkGone(LinkGone::Repeated)
        );
        assert!(matches!(writes.outcomes[2], AnswerOutcome::Recorded { .. }));
        assert_eq!(writes.events.len(), 2);
        // A later group reads the record's latest grant.
        let organisation = OrganisationId(Uuid::nil());
        let given = Grant {
            form: FormId(Uuid::nil()),
            version: 1,
            lang: "en".into(),
            choices: serde_json::to_string(&grant(true).event.choices).expect("json"),
        };
        let mut later = obtained(state(&[1], &[record], None));
        later
            .last_grants
            .insert((organisation, record), given.clone());
        let writes = decide(&group(&[grant(true)]), later).expect("decided");
        assert_eq!(
            writes.outcomes[0],
            AnswerOutcome::LinkGone(LinkGone::Repeated)
        );
        // A new decision: to a newer version, or read in another language.
        for newer in [
            Grant {
                version: 2,
                ..given.clone()
            },
            Grant {
                lang: "nl".into(),
                ..given.clone()
            },
        ] {
            let mut later = obtained(state(&[1], &[record], None));
            later.last_grants.insert((organisation, record), newer);
            let writes = decide(&group(&[grant(true)]), later).expect("decided");
            assert!(matches!(writes.outcomes[0], AnswerOutcome::Recorded { .. }));
        }
        // Once the consent it gave no longer stands (withdrawn, or recorded again by the
        // organisation), the same grant is recorded again.
        let mut withdrawn = state(&[1], &[record], None);
        withdrawn
            .last_grants
            .insert((organisation, record), given.clone());
        let writes = decide(&group(&[grant(true)]), withdrawn).expect("decided");
        assert!(matches!(writes.outcomes[0], AnswerOutcome::Recorded { .. }));
        let mut recorded_by_phone = obtained(state(&[1], &[record], None));
        for section in recorded_by_phone.privacy.values_mut() {
            if let Some(consent) = section.consent.as_mut() {
                consent.through = Some(ConsentThrough::Phone);
            }
        }
        recorded_by_phone
            .last_grants
            .insert((organisation, record), given);
        let writes = decide(&group(&[grant(true)]), recorded_by_phone).expect("decided");
        assert!(matches!(writes.outcomes[0], AnswerOutcome::Recorded { .. }));
    }

    #[test]
    fn answers_to_one_record_see_each_other_and_leave_one_section() {
        let record = RecordId(Uuid::now_v7());
        let answers = [answer(1, record, false), answer(2, record, false)];
        let writes = decide(&group(&answers), state(&[1, 2], &[record], None)).expect("decided");
        assert_eq!(writes.events.len(), 2);
        assert_eq!(writes.sections.len(), 1);
        assert_eq!(
            writes.sections[0].privacy.lawful_reason.as_deref(),
            Some("xx")
        );
        assert!(writes.spent.is_empty());
    }

    #[test]
    fn entries_continue_the_chain_from_its_head_one_after_the_other() {
        let (a, b) = (RecordId(Uuid::now_v7()), RecordId(Uuid::now_v7()));
        let head = chain::Head {
            seq: 7,
            hash: vec![9; 32],
        };
        let answers = [answer(1, a, true), answer(2, b, true)];
        let writes =
            decide(&group(&answers), state(&[1, 2], &[a, b], Some(head))).expect("decided");
        let entries: Vec<&chain::NewEntry> = writes.entries.iter().map(|(e, _)| e).collect();
        assert_eq!((entries[0].seq, entries[1].seq), (8, 9));
        assert_eq!(entries[0].prev_hash, vec![9; 32]);
        assert_eq!(entries[1].prev_hash, entries[0].hash.to_vec());
        assert_eq!(entries[1].subject, Some(b.to_string()));
    }

    #[test]
    fn gone_links_and_refusals_write_nothing() {
        let (kept, off) = (RecordId(Uuid::now_v7()), RecordId(Uuid::now_v7()));
        let mut state = state(&[1, 3], &[kept], None);
        state.links.insert(
            [4; 32],
            LinkState {
                expires_at: Utc::now() - Duration::seconds(1),
                ..live()
            },
        );
        state.links.insert(
            [5; 32],
            LinkState {
                revoked: true,
                ..live()
            },
        );
        let answers = [
            answer(2, kept, true),
            answer(3, off, true),
            answer(4, kept, true),
            answer(5, kept, true),
        ];
        let writes = decide(&group(&answers), state).expect("decided");
        assert_eq!(
            writes.outcomes[0],
            AnswerOutcome::LinkGone(LinkGone::Missing)
        );
        assert!(matches!(writes.outcomes[1], AnswerOutcome::Refused(_)));
        assert_eq!(
            writes.outcomes[2],
            AnswerOutcome::LinkGone(LinkGone::Expired)
        );
        assert_eq!(
            writes.outcomes[3],
            AnswerOutcome::LinkGone(LinkGone::Revoked)
        );
        assert!(writes.events.is_empty() && writes.entries.is_empty() && writes.spent.is_empty());
    }

    #[test]
    fn an_organisation_whose_head_was_not_read_is_an_error_not_a_forked_chain() {
        let record = RecordId(Uuid::now_v7());
        let answers = [answer(1, record, true)];
        let mut state = state(&[1], &[record], None);
        state.heads.clear();
        assert!(decide(&group(&answers), state).is_err());
    }
}
