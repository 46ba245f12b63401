//! The rules of a record's Data Privacy section: how the basis changes, when consent exists,
//! and which consent status may follow which.

use chrono::NaiveDate;
use consentry_model::{
    ConsentStatus, FieldError, LegalBasis,
    lawful_reason::parse_lawful_reason,
    records::{
        BasisChange, Consent, DataPrivacy, GivenConsent, RecordedConsent, RecordedDecision,
        parse_text_of_lines,
    },
};

use crate::store::PrivacyChange;

/// Most characters of a lawful reason or consent remark.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Why a Data Privacy change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivacyError {
    /// A field of the change is wrong.
    Invalid {
        /// JSON path of the field.
        field: &'static str,
        /// Why.
        error: FieldError,
    },
    /// Processing is stopped for the record (art. 18): it is read-only until lifted.
    StopProcessing,
    /// The status cannot follow the current one.
    Transition {
        /// Current status.
        from: ConsentStatus,
        /// What was attempted.
        action: ConsentAction,
    },
}

/// Something that happens to consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentAction {
    /// A consent request was e-mailed.
    RequestSent,
    /// The subject granted consent.
    Granted,
    /// The subject refused and asked to stop processing.
    Refused,
    /// The subject withdrew (revoked) consent given earlier.
    Revoked,
    /// The waiting period ran out without an answer.
    WaitingExpired,
}

/// The status that follows `from` after `action`.
pub fn transition(
    from: ConsentStatus,
    action: ConsentAction,
) -> Result<ConsentStatus, PrivacyError> {
    use ConsentAction as A;
    use ConsentStatus as S;
    let to = match (from, action) {
        // Asking again is fine until the subject has answered; someone who answered is not
        // pestered (a Denied subject asked to stop processing).
        (S::Pending | S::Waiting | S::NotResponded, A::RequestSent) => Some(S::Waiting),
        // Art. 7(3): a subject may always give consent, and always refuse.
        (_, A::Granted) => Some(S::Obtained),
        (_, A::Refused) => Some(S::Denied),
        (S::Obtained, A::Revoked) => Some(S::Withdrawn),
        (S::Waiting, A::WaitingExpired) => Some(S::NotResponded),
        _ => None,
    };
    to.ok_or(PrivacyError::Transition { from, action })
}

fn invalid(field: &'static str, error: FieldError) -> PrivacyError {
    PrivacyError::Invalid { field, error }
}

/// A lawful reason, remark or evidence: text of several lines, at most [`MAX_NOTE_CHARS`],
/// nothing hidden in it (a regulator reads it as written); empty means absent.
fn parse_note(field: &'static str, text: Option<&str>) -> Result<Option<String>, PrivacyError> {
    text.map_or(Ok(None), |text| {
        parse_text_of_lines(text, MAX_NOTE_CHARS).map_err(|e| invalid(field, e))
    })
}

/// Applies a basis change to a record's Data Privacy section (`current` is `None` when the
/// record has none yet). Returns the new section and the event to record, or `None` when
/// nothing changed.
pub fn change_basis(
    current: Option<&DataPrivacy>,
    change: &BasisChange,
    today: NaiveDate,
) -> Result<(DataPrivacy, Option<PrivacyChange>), PrivacyError> {
    if current.is_some_and(|p| p.stop_processing) {
        return Err(PrivacyError::StopProcessing);
    }
    // One rule for the server and the app: required for the bases that must show why,
    // refused where none is taken, warned about for Contract. Only this change's own text
    // counts: nothing of an earlier reason is carried over.
    let lawful_reason = parse_lawful_reason(change.basis, change.lawful_reason.as_deref())
        .map_err(|e| invalid("lawful_reason", e))?
        .text;
    if change.consent.is_some() && change.basis != LegalBasis::Consent {
        return Err(invalid("consent", FieldError::NotAllowed));
    }
    let consent = match (&change.consent, current.and_then(|p| p.consent.as_ref())) {
        _ if change.basis != LegalBasis::Consent => None,
        // Consent entered by hand: obtained, with the evidence given.
        (Some(manual), _) => {
            if manual.contact_through.is_empty() {
                return Err(invalid("consent.contact_through", FieldError::Empty));
            }
            if !possible_consent_date(manual.date, today) {
                return Err(invalid("consent.date", FieldError::ConsentDate));
            }
            let channels = super::distinct(manual.contact_through.clone())
                .map_err(|_| invalid("consent.contact_through", FieldError::Duplicate))?;
            Some(Consent {
                status: ConsentStatus::Obtained,
                date: Some(manual.date),
                through: Some(manual.through),
                contact_through: channels,
                remarks: parse_note("consent.remarks", manual.remarks.as_deref())?,
                mail_sent_at: current
                    .and_then(|p| p.consent.as_ref())
                    .and_then(|c| c.mail_sent_at),
            })
        }
        // Already on Consent: the subject's answer stands.
        (None, Some(existing)) => Some(existing.clone()),
        // Newly on Consent: nothing asked yet.
        (None, None) => Some(Consent {
            status: ConsentStatus::Pending,
            date: None,
            through: None,
            contact_through: Vec::new(),
            remarks: None,
            mail_sent_at: None,
        }),
    };
    let next = DataPrivacy {
        basis: change.basis,
        lawful_reason,
        consent,
        stop_processing: false,
    };
    let before_basis = current.map(|p| p.basis);
    let before_status = current.and_then(|p| p.consent.as_ref()).map(|c| c.status);
    let after_status = next.consent.as_ref().map(|c| c.status);
    // Consent entered by hand is evidence like consent recorded through the API: the
    // event keeps when, how and to which channels it was given, and the remarks typed.
    let given = change.consent.as_ref().and(next.consent.as_ref());
    let event = (current != Some(&next)).then_some(PrivacyChange {
        before_basis,
        after_basis: next.basis,
        before_status,
        after_status,
        lawful_reason: next.lawful_reason.clone(),
        evidence: given.and_then(|c| c.remarks.clone()),
        given: given.and_then(given_consent),
    });
    Ok((next, event))
}

/// Applies consent another system obtained: basis Consent, the status the decision leads to
/// (Denied stops processing, as a refusal on the hosted page does), the date, the way, the
/// channels and the evidence. A record whose processing is stopped is left alone.
pub fn record_consent(
    current: &DataPrivacy,
    recorded: &RecordedConsent,
    today: NaiveDate,
) -> Result<(DataPrivacy, Option<PrivacyChange>), PrivacyError> {
    if current.stop_processing {
        return Err(PrivacyError::StopProcessing);
    }
    let Some(evidence) = parse_note("evidence", Some(&recorded.evidence))? else {
        return Err(invalid("evidence", FieldError::Empty));
    };
    if !possible_consent_date(recorded.date, today) {
        return Err(invalid("date", FieldError::ConsentDate));
    }
    let granted = recorded.decision == RecordedDecision::Granted;
    match (granted, recorded.contact_through.is_empty()) {
        (true, true) => return Err(invalid("contact_through", FieldError::Empty)),
        (false, false) => return Err(invalid("contact_through", FieldError::NotAllowed)),
        _ => {}
    }
    let action = match recorded.decision {
        RecordedDecision::Granted => ConsentAction::Granted,
        RecordedDecision::Refused => ConsentAction::Refused,
        RecordedDecision::Withdrawn => ConsentAction::Revoked,
    };
    let before_status = current.consent.as_ref().map(|c| c.status);
    let status = transition(before_status.unwrap_or(ConsentStatus::Pending), action)?;
    let channels = super::distinct(recorded.contact_through.clone())
        .map_err(|_| invalid("contact_through", FieldError::Duplicate))?;
    let next = DataPrivacy {
        basis: LegalBasis::Consent,
        lawful_reason: None,
        consent: Some(Consent {
            status,
            date: Some(recorded.date),
            through: Some(recorded.through),
            contact_through: channels,
            remarks: Some(evidence.clone()),
            mail_sent_at: current.consent.as_ref().and_then(|c| c.mail_sent_at),
        }),
        stop_processing: status == ConsentStatus::Denied,
    };
    let event = (current != &next).then_some(PrivacyChange {
        before_basis: Some(current.basis),
        after_basis: next.basis,
        before_status,
        after_status: Some(status),
        lawful_reason: None,
        evidence: Some(evidence),
        given: next.consent.as_ref().and_then(given_consent),
    });
    Ok((next, event))
}

/// Whether consent can have been given on `date`: not after today, not before 1900.
fn possible_consent_date(date: NaiveDate, today: NaiveDate) -> bool {
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    (earliest..=today).contains(&date)
}

/// When, how and to which channels consent recorded from elsewhere was given, as its event
/// keeps it.
fn given_consent(consent: &Consent) -> Option<GivenConsent> {
    Some(GivenConsent {
        date: consent.date?,
        through: consent.through?,
        contact_through: consent.contact_through.clone(),
    })
}

/// The Data Privacy section every record of a module gets when compliance is enabled.
pub fn not_applicable() -> DataPrivacy {
    DataPrivacy {
        basis: LegalBasis::NotApplicable,
        lawful_reason: None,
        consent: None,
        stop_processing: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConsentAction::*;
    use ConsentStatus::{Denied, NotResponded, Obtained, Pending, Waiting};
    use consentry_model::records::{Channel, ConsentThrough, ManualConsent};

    fn day(d: &str) -> NaiveDate {
        d.parse().expect("date")
    }

    fn basis(b: LegalBasis) -> BasisChange {
        BasisChange {
            basis: b,
            lawful_reason: None,
            consent: None,
        }
    }

    #[test]
    fn every_status_transition_follows_the_rules() {
        let allowed = [
            (Pending, RequestSent, Waiting),
            (Waiting, RequestSent, Waiting),
            (NotResponded, RequestSent, Waiting),
            (Waiting, WaitingExpired, NotResponded),
            (Obtained, Revoked, ConsentStatus::Withdrawn),
        ];
        for (from, action, to) in allowed {
            assert_eq!(transition(from, action), Ok(to), "{from:?} + {action:?}");
        }
        for from in ConsentStatus::ALL {
            assert_eq!(transition(from, Granted), Ok(Obtained), "anyone may grant");
            assert_eq!(transition(from, Refused), Ok(Denied), "anyone may refuse");
        }
        let refused = [
            (Obtained, RequestSent),
            (Denied, RequestSent),
            (ConsentStatus::Withdrawn, RequestSent),
            (Pending, Revoked),
            (Waiting, Revoked),
            (Denied, Revoked),
            (Pending, WaitingExpired),
            (Obtained, WaitingExpired),
        ];
        for (from, action) in refused {
            assert!(transition(from, action).is_err(), "{from:?} + {action:?}");
        }
    }

    #[test]
    fn a_note_with_hidden_characters_is_refused_by_its_field() {
        let today = day("2026-11-29");
        for hidden in [
            "Con\u{202E}tract",
            "zero\u{200B}width",
            "nul\u{0}",
            "esc\u{1B}[31m",
        ] {
            let change = BasisChange {
                basis: LegalBasis::Contract,
                lawful_reason: Some(hidden.into()),
                consent: None,
            };
            let refused = change_basis(Some(&not_applicable()), &change, today);
            assert!(
                matches!(
                    refused,
                    Err(PrivacyError::Invalid {
                        field: "lawful_reason",
                        ..
                    })
                ),
                "{hidden:?}: {refused:?}"
            );
        }
        // Lines and tabs are text.
        let change = BasisChange {
            basis: LegalBasis::Contract,
            lawful_reason: Some("Order 12\n\tdelivery".into()),
            consent: None,
        };
        assert!(change_basis(Some(&not_applicable()), &change, today).is_ok());
    }

    #[test]
    fn consent_status_exists_only_while_the_basis_is_consent() {
        let today = day("2026-11-29");
        let (consent, event) =
            change_basis(Some(&not_applicable()), &basis(LegalBasis::Consent), today)
                .expect("valid");
        assert_eq!(consent.consent.as_ref().map(|c| c.status), Some(Pending));
        let event = event.expect("an event");
        assert_eq!(event.before_basis, Some(LegalBasis::NotApplicable));
        assert_eq!(
            (event.before_status, event.after_status),
            (None, Some(Pending))
        );

        let (contract, event) =
            change_basis(Some(&consent), &basis(LegalBasis::Contract), today).expect("valid");
        assert_eq!(contract.consent, None);
        assert_eq!(event.expect("event").after_status, None);
    }

    #[test]
    fn consent_entered_by_hand_is_obtained_with_its_evidence() {
        let change = BasisChange {
            basis: LegalBasis::Consent,
            lawful_reason: None,
            consent: Some(ManualConsent {
                date: day("2026-11-20"),
                through: ConsentThrough::InPerson,
                contact_through: vec![Channel::Phone, Channel::Email],
                remarks: Some("  Signed paper form  ".into()),
            }),
        };
        let mut twice = change.clone();
        if let Some(consent) = twice.consent.as_mut() {
            consent.contact_through.push(Channel::Phone);
        }
        assert_eq!(
            change_basis(Some(&not_applicable()), &twice, day("2026-11-29")),
            Err(invalid("consent.contact_through", FieldError::Duplicate)),
            "a channel sent twice is refused, not folded away"
        );
        let (privacy, event) =
            change_basis(Some(&not_applicable()), &change, day("2026-11-29")).expect("valid");
        let consent = privacy.consent.expect("consent");
        assert_eq!(consent.status, Obtained);
        assert_eq!(consent.date, Some(day("2026-11-20")));
        assert_eq!(
            consent.contact_through,
            vec![Channel::Email, Channel::Phone]
        );
        assert_eq!(consent.remarks.as_deref(), Some("Signed paper form"));
        assert_eq!(event.expect("event").after_status, Some(Obtained));
    }

    #[test]
    fn staying_on_consent_keeps_the_subjects_answer_and_records_no_event() {
        let today = day("2026-11-29");
        let (pending, _) =
            change_basis(Some(&not_applicable()), &basis(LegalBasis::Consent), today).expect("ok");
        let mut obtained = pending.clone();
        if let Some(c) = obtained.consent.as_mut() {
            c.status = Obtained;
        }
        let (same, event) =
            change_basis(Some(&obtained), &basis(LegalBasis::Consent), today).expect("ok");
        assert_eq!(same.consent.map(|c| c.status), Some(Obtained));
        assert_eq!(event, None);
    }

    #[test]
    fn misplaced_or_invalid_details_name_their_field() {
        let today = day("2026-11-29");
        let mut reason_on_consent = basis(LegalBasis::Consent);
        reason_on_consent.lawful_reason = Some("because".into());
        assert_eq!(
            change_basis(None, &reason_on_consent, today),
            Err(invalid("lawful_reason", FieldError::NotAllowed))
        );
        let mut consent_on_contract = basis(LegalBasis::Contract);
        consent_on_contract.consent = Some(ManualConsent {
            date: today,
            through: ConsentThrough::Phone,
            contact_through: vec![Channel::Phone],
            remarks: None,
        });
        assert_eq!(
            change_basis(None, &consent_on_contract, today),
            Err(invalid("consent", FieldError::NotAllowed))
        );
        let mut no_channel = consent_on_contract.clone();
        no_channel.basis = LegalBasis::Consent;
        if let Some(c) = no_channel.consent.as_mut() {
            c.contact_through.clear();
        }
        assert_eq!(
            change_basis(None, &no_channel, today),
            Err(invalid("consent.contact_through", FieldError::Empty))
        );
        let mut future = consent_on_contract;
        future.basis = LegalBasis::Consent;
        if let Some(c) = future.consent.as_mut() {
            c.date = day("2026-12-01");
        }
        assert_eq!(
            change_basis(None, &future, today),
            Err(invalid("consent.date", FieldError::ConsentDate))
        );
        // Nor before 1900 (year 0 and the like are not a day consent was given).
        if let Some(c) = future.consent.as_mut() {
            c.date = day("0000-01-01");
        }
        assert_eq!(
            change_basis(None, &future, today),
            Err(invalid("consent.date", FieldError::ConsentDate))
        );
        if let Some(c) = future.consent.as_mut() {
            c.date = day("1900-01-01");
        }
        assert!(change_basis(None, &future, today).is_ok());
        let mut long = basis(LegalBasis::LegitimateInterests);
        long.lawful_reason = Some("x".repeat(MAX_NOTE_CHARS + 1));
        assert!(matches!(
            change_basis(None, &long, today),
            Err(PrivacyError::Invalid {
                field: "lawful_reason",
                ..
            })
        ));
    }

    #[test]
    fn a_record_with_processing_stopped_is_read_only() {
        let mut stopped = not_applicable();
        stopped.stop_processing = true;
        assert_eq!(
            change_basis(
                Some(&stopped),
                &basis(LegalBasis::Contract),
                day("2026-11-29")
            ),
            Err(PrivacyError::StopProcessing)
        );
    }

    #[test]
    fn a_lawful_reason_is_kept_for_non_consent_bases() {
        let mut change = basis(LegalBasis::LegitimateInterests);
        change.lawful_reason = Some("Existing customer relationship".into());
        let (privacy, event) = change_basis(None, &change, day("2026-11-29")).expect("valid");
        assert_eq!(
            privacy.lawful_reason.as_deref(),
            Some("Existing customer relationship")
        );
        assert_eq!(event.expect("event").before_basis, None);
    }

    #[test]
    fn each_change_carries_only_its_own_reason_into_its_event() {
        let today = day("2026-11-29");
        let mut first = basis(LegalBasis::LegitimateInterests);
        first.lawful_reason = Some("Balancing test 2026-11".into());
        let (li, event) = change_basis(Some(&not_applicable()), &first, today).expect("valid");
        assert_eq!(
            event.expect("event").lawful_reason.as_deref(),
            Some("Balancing test 2026-11")
        );
        // The next change gives none: nothing of the first is carried over.
        let (contract, event) =
            change_basis(Some(&li), &basis(LegalBasis::Contract), today).expect("valid");
        assert_eq!(contract.lawful_reason, None);
        assert_eq!(event.expect("event").lawful_reason, None);
        // A required basis without one is refused, naming the field.
        assert_eq!(
            change_basis(Some(&contract), &basis(LegalBasis::LegalObligation), today),
            Err(invalid("lawful_reason", FieldError::Empty))
        );
    }

    fn recorded(decision: RecordedDecision, channels: &[Channel]) -> RecordedConsent {
        RecordedConsent {
            decision,
            date: day("2026-11-20"),
            through: ConsentThrough::Phone,
            contact_through: channels.to_vec(),
            evidence: "  Call 4411, recorded  ".into(),
        }
    }

    #[test]
    fn recorded_consent_follows_the_decision_with_its_evidence() {
        let today = day("2026-11-29");
        let (granted, event) = record_consent(
            &not_applicable(),
            &recorded(RecordedDecision::Granted, &[Channel::Phone, Channel::Email]),
            today,
        )
        .expect("granted");
        assert_eq!(
            record_consent(
                &not_applicable(),
                &recorded(
                    RecordedDecision::Granted,
                    &[Channel::Phone, Channel::Email, Channel::Phone],
                ),
                today,
            ),
            Err(invalid("contact_through", FieldError::Duplicate))
        );
        let consent = granted.consent.clone().expect("consent");
        assert_eq!(granted.basis, LegalBasis::Consent);
        assert_eq!(consent.status, Obtained);
        assert_eq!(
            consent.contact_through,
            vec![Channel::Email, Channel::Phone]
        );
        assert_eq!(consent.remarks.as_deref(), Some("Call 4411, recorded"));
        assert_eq!(consent.through, Some(ConsentThrough::Phone));
        let event = event.expect("a change");
        assert_eq!(
            (event.before_status, event.after_status),
            (None, Some(Obtained))
        );

        let (withdrawn, _) =
            record_consent(&granted, &recorded(RecordedDecision::Withdrawn, &[]), today)
                .expect("withdrawn");
        assert_eq!(
            withdrawn.consent.expect("consent").status,
            ConsentStatus::Withdrawn
        );
        assert!(!withdrawn.stop_processing);

        let (refused, _) =
            record_consent(&granted, &recorded(RecordedDecision::Refused, &[]), today)
                .expect("refused");
        assert_eq!(refused.consent.expect("consent").status, Denied);
        assert!(refused.stop_processing, "refusing asks to stop processing");
    }

    #[test]
    fn recorded_consent_is_refused_when_it_does_not_hold() {
        let today = day("2026-11-29");
        let none = not_applicable();
        let invalid_field = |r: Result<_, PrivacyError>| match r {
            Err(PrivacyError::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        };
        let mut blank = recorded(RecordedDecision::Granted, &[Channel::Email]);
        blank.evidence = "   ".into();
        assert_eq!(
            invalid_field(record_consent(&none, &blank, today)),
            "evidence"
        );
        let mut future = recorded(RecordedDecision::Granted, &[Channel::Email]);
        future.date = day("2026-11-30");
        assert_eq!(invalid_field(record_consent(&none, &future, today)), "date");
        assert_eq!(
            invalid_field(record_consent(
                &none,
                &recorded(RecordedDecision::Granted, &[]),
                today
            )),
            "contact_through"
        );
        assert_eq!(
            invalid_field(record_consent(
                &none,
                &recorded(RecordedDecision::Refused, &[Channel::Email]),
                today
            )),
            "contact_through"
        );
        assert!(matches!(
            record_consent(&none, &recorded(RecordedDecision::Withdrawn, &[]), today),
            Err(PrivacyError::Transition {
                from: Pending,
                action: Revoked
            })
        ));
        let mut stopped = none.clone();
        stopped.stop_processing = true;
        assert_eq!(
            record_consent(
                &stopped,
                &recorded(RecordedDecision::Granted, &[Channel::Email]),
                today
            ),
            Err(PrivacyError::StopProcessing)
        );
    }
}
