//! A data subject's answer — on the hosted consent page or by confirming a sign-up — as a pure
//! decision on the record's Data Privacy section. The store runs it inside the transaction that
//! writes the answer, on the section as it is there (see [`crate::store::PublicAnswer`]).

use chrono::{DateTime, NaiveDate, Utc};
use consentry_model::{
    ConsentStatus, ErrorCode, FormId, LegalBasis,
    audit::{Actor, AuditAction},
    consent::ConsentDecision,
    forms::ConsentChoices,
    records::DataPrivacy,
};
use serde_json::json;

use super::{
    consent::{answered, status_change},
    data_privacy::{ConsentAction, transition},
};
use crate::store::{AnswerPlan, AuditNote, Refusal};

/// The browser a public answer came from, as its request shows it (kept with the consent
/// event: the address shortened, the user agent cut to 300 characters).
#[derive(Debug, Clone)]
pub struct Browser<'a> {
    /// The client's address.
    pub ip: &'a str,
    /// Its `User-Agent`, when sent.
    pub user_agent: Option<String>,
}

/// How the subject answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answering {
    /// On the hosted page, through a consent link.
    Page(ConsentDecision),
    /// By confirming a sign-up (double opt-in): consent to what they ticked at sign-up.
    SignUpConfirmation,
}

/// A subject's answer to a form version, decided when written.
#[derive(Debug, Clone)]
pub struct SubjectAnswer {
    /// How.
    pub answering: Answering,
    /// The purposes and channels ticked.
    pub choices: ConsentChoices,
    /// The form answered.
    pub form: FormId,
    /// Its version, as read.
    pub version: u32,
    /// When.
    pub at: DateTime<Utc>,
    /// The organisation's day at that moment, in its time zone: the consent's date.
    pub day: NaiveDate,
}

const COMPLIANCE_DISABLED: Refusal = Refusal {
    code: ErrorCode::ComplianceDisabled,
    message: "Consent is not tracked for this record.",
};

/// Art. 18: a restriction the subject asked for is lifted only by the organisation, with a
/// reason on record; a grant through another link or a sign-up does not lift it silently.
pub(super) const PROCESSING_STOPPED: Refusal = Refusal {
    code: ErrorCode::StopProcessing,
    message: "Processing of your data is stopped, as you asked. Contact the organisation to \
              resume it before giving consent again.",
};

/// A link asks for consent while the record's basis is Consent: once the organisation moved
/// it to another basis, an answer through an older link does not move it back.
const NO_LONGER_ASKED: Refusal = Refusal {
    code: ErrorCode::BasisNotConsent,
    message: "The organisation no longer asks for your consent, so this answer was not \
              recorded. Contact them if you want to give or refuse it.",
};

pub(super) const INVALID_TRANSITION: Refusal = Refusal {
    code: ErrorCode::InvalidTransition,
    message: "This answer does not apply now.",
};

impl SubjectAnswer {
    /// What the answer writes on a record whose section is `before` (`None`: compliance is
    /// off), or why it writes nothing. Everything else on the section — remarks, a stop of
    /// processing an administrator set a moment ago — is kept as it is.
    pub fn decide(&self, before: Option<&DataPrivacy>) -> Result<AnswerPlan, Refusal> {
        let before = before.ok_or(COMPLIANCE_DISABLED)?;
        if matches!(self.answering, Answering::Page(_)) && before.basis != LegalBasis::Consent {
            return Err(NO_LONGER_ASKED);
        }
        let current = before.consent.as_ref().map(|c| c.status);
        let (action, decision) = match self.answering {
            Answering::SignUpConfirmation => (ConsentAction::Granted, "granted"),
            Answering::Page(ConsentDecision::StopProcessing) => (ConsentAction::Refused, "refused"),
            Answering::Page(ConsentDecision::Save) if self.choices.granted.is_empty() => {
                if current == Some(ConsentStatus::Obtained) {
                    (ConsentAction::Revoked, "withdrawn")
                } else {
                    (ConsentAction::Refused, "refused")
                }
            }
            Answering::Page(ConsentDecision::Save) => (ConsentAction::Granted, "granted"),
        };
        if before.stop_processing && action == ConsentAction::Granted {
            return Err(PROCESSING_STOPPED);
        }
        let status = transition(current.unwrap_or(ConsentStatus::Pending), action)
            .map_err(|_| INVALID_TRANSITION)?;
        let privacy = answered(Some(before), status, &self.choices, self.day);
        let mut after = json!({ "status": status, "form": self.form, "version": self.version });
        if self.answering == Answering::SignUpConfirmation {
            after["double_opt_in"] = json!(true);
        }
        // A confirmed sign-up moves a record on another basis to Consent: the trail says so.
        let mut was = current.map(|s| json!({ "status": s }));
        if before.basis != LegalBasis::Consent {
            was = Some(json!({ "basis": before.basis, "status": current }));
            after["basis"] = json!(LegalBasis::Consent);
        }
        Ok(AnswerPlan {
            change: status_change(before, &privacy),
            privacy,
            decision,
            // A link that granted stays usable for changing one's mind; any other answer
            // spends it.
            spend: status != ConsentStatus::Obtained,
            audit: AuditNote {
                actor: Actor::DataSubject.stored_name().into(),
                action: AuditAction::ConsentAnswered,
                subject: None,
                before: was,
                after: Some(after),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use consentry_model::records::Consent;

    use super::*;

    fn answer(answering: Answering, granted: &[&str]) -> SubjectAnswer {
        SubjectAnswer {
            answering,
            choices: ConsentChoices {
                granted: granted.iter().map(|k| (*k).to_owned()).collect(),
                channels: Default::default(),
            },
            form: FormId(uuid::Uuid::nil()),
            version: 3,
            at: chrono::Utc::now(),
            day: chrono::Utc::now().date_naive(),
        }
    }

    fn section(status: Option<ConsentStatus>) -> DataPrivacy {
        DataPrivacy {
            basis: LegalBasis::Consent,
            lawful_reason: None,
            consent: status.map(|status| Consent {
                status,
                date: None,
                through: None,
                contact_through: Vec::new(),
                remarks: Some("asked at the fair".into()),
                mail_sent_at: None,
            }),
            stop_processing: false,
        }
    }

    #[test]
    fn an_empty_save_withdraws_given_consent_and_refuses_otherwise() {
        let save = answer(Answering::Page(ConsentDecision::Save), &[]);
        let withdrawn = save
            .decide(Some(&section(Some(ConsentStatus::Obtained))))
            .expect("plan");
        assert_eq!(withdrawn.decision, "withdrawn");
        assert!(withdrawn.spend);
        let refused = save
            .decide(Some(&section(Some(ConsentStatus::Waiting))))
            .expect("plan");
        assert_eq!(refused.decision, "refused");
        assert_eq!(refused.status(), ConsentStatus::Denied);
    }

    #[test]
    fn a_grant_never_lifts_a_stop_of_processing() {
        let stopped = DataPrivacy {
            stop_processing: true,
            ..section(Some(ConsentStatus::Denied))
        };
        for answering in [
            Answering::Page(ConsentDecision::Save),
            Answering::SignUpConfirmation,
        ] {
            let refusal = answer(answering, &["news"])
                .decide(Some(&stopped))
                .expect_err("refused");
            assert_eq!(refusal.code, ErrorCode::StopProcessing);
        }
    }

    #[test]
    fn no_answer_through_a_link_lifts_a_stop_of_processing() {
        let stopped = DataPrivacy {
            stop_processing: true,
            ..section(Some(ConsentStatus::Obtained))
        };
        for answer in [
            answer(Answering::Page(ConsentDecision::Save), &[]),
            answer(Answering::Page(ConsentDecision::StopProcessing), &[]),
        ] {
            let plan = answer.decide(Some(&stopped)).expect("recorded");
            assert!(plan.privacy.stop_processing, "{:?}", plan.decision);
        }
    }

    #[test]
    fn an_answer_through_a_link_does_not_move_a_record_back_to_consent() {
        let moved = DataPrivacy {
            basis: LegalBasis::LegitimateInterests,
            lawful_reason: Some("existing customers".into()),
            consent: None,
            stop_processing: false,
        };
        for decision in [ConsentDecision::Save, ConsentDecision::StopProcessing] {
            let refusal = answer(Answering::Page(decision), &["news"])
                .decide(Some(&moved))
                .expect_err("refused");
            assert_eq!(refusal.code, ErrorCode::BasisNotConsent);
        }
        // Confirming a sign-up is the subject asking to be kept in touch: it is recorded, and
        // the trail says the basis moved.
        let confirmed = answer(Answering::SignUpConfirmation, &["news"])
            .decide(Some(&moved))
            .expect("recorded");
        assert_eq!(confirmed.privacy.basis, LegalBasis::Consent);
        assert_eq!(
            confirmed.audit.before,
            Some(json!({ "basis": "legitimate_interests", "status": null }))
        );
        assert_eq!(
            confirmed.audit.after.as_ref().map(|a| &a["basis"]),
            Some(&json!("consent"))
        );
    }

    #[test]
    fn a_grant_keeps_the_link_usable_and_what_the_officer_wrote() {
        let plan = answer(Answering::Page(ConsentDecision::Save), &["news"])
            .decide(Some(&section(Some(ConsentStatus::Waiting))))
            .expect("plan");
        assert_eq!(plan.status(), ConsentStatus::Obtained);
        assert!(!plan.spend);
        let consent = plan.privacy.consent.as_ref().expect("consent");
        assert_eq!(consent.remarks.as_deref(), Some("asked at the fair"));
        assert!(plan.change.is_some());
    }

    #[test]
    fn the_decision_is_taken_on_the_section_it_is_given() {
        // A stop of processing set meanwhile is kept; compliance switched off refuses.
        let mut stopped = section(Some(ConsentStatus::Waiting));
        stopped.stop_processing = true;
        let plan = answer(Answering::Page(ConsentDecision::StopProcessing), &[])
            .decide(Some(&stopped))
            .expect("plan");
        assert!(plan.privacy.stop_processing);
        let off = answer(Answering::Page(ConsentDecision::Save), &["news"]).decide(None);
        assert_eq!(off, Err(COMPLIANCE_DISABLED));
    }

    #[test]
    fn a_confirmed_sign_up_grants_and_says_so_in_the_audit_entry() {
        let plan = answer(Answering::SignUpConfirmation, &["news"])
            .decide(Some(&section(None)))
            .expect("plan");
        assert_eq!(plan.decision, "granted");
        assert_eq!(plan.status(), ConsentStatus::Obtained);
        let after = plan.audit.after.expect("after");
        assert_eq!(after["double_opt_in"], true);
        assert_eq!(after["version"], 3);
    }
}
