//! The lawful reason a basis change carries: one rule, used by the server (which refuses) and
//! the admin app (which asks before it sends).
//!
//! Every change states its own reason; a reason is never carried over from an earlier change.
//! Art. 5(2) GDPR has the controller demonstrate the basis: for Legitimate Interests that is
//! the balancing test, for Legal Obligation the law, for Public and Vital Interests the task or
//! the interest. Those bases are refused without a reason; Contract is accepted without one,
//! with a warning (the contract is usually evidence enough, but a DPO expects to see which).

use serde::{Deserialize, Serialize};

use crate::{FieldError, LegalBasis, records::parse_text_of_lines};

/// Most characters of a lawful reason.
pub const MAX_REASON_CHARS: usize = 1000;

/// What a basis asks of the lawful reason that comes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonNeed {
    /// The basis takes no reason (Not Applicable; Consent, whose evidence is the consent).
    NotTaken,
    /// A reason is required; the value says what it must show.
    Required(ReasonShows),
    /// A reason is asked for but not required (Contract): without one, a warning.
    Recommended,
}

/// What a required reason must show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonShows {
    /// Legitimate Interests: the interest and the outcome of the balancing test against the
    /// subject's rights (art. 6(1)(f)).
    BalancingTest,
    /// Legal Obligation: the law that obliges the processing (art. 6(1)(c)).
    Law,
    /// Public Interests: the public task and its basis in law (art. 6(1)(e)).
    PublicTask,
    /// Vital Interests: whose life or health is protected, and why consent cannot be asked
    /// (art. 6(1)(d)).
    VitalInterest,
}

/// What a basis asks of its lawful reason.
pub fn reason_need(basis: LegalBasis) -> ReasonNeed {
    match basis {
        LegalBasis::NotApplicable | LegalBasis::Consent => ReasonNeed::NotTaken,
        LegalBasis::Contract => ReasonNeed::Recommended,
        LegalBasis::LegitimateInterests => ReasonNeed::Required(ReasonShows::BalancingTest),
        LegalBasis::LegalObligation => ReasonNeed::Required(ReasonShows::Law),
        LegalBasis::PublicInterests => ReasonNeed::Required(ReasonShows::PublicTask),
        LegalBasis::VitalInterests => ReasonNeed::Required(ReasonShows::VitalInterest),
    }
}

/// A warning about an accepted change: it was made, but a reviewer would ask about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeWarning {
    /// Contract without a lawful reason: name the contract (order, agreement) so the basis
    /// can be shown later.
    ContractWithoutReason,
}

impl ChangeWarning {
    /// The field the warning is about (as in a single change's body).
    pub fn field(self) -> &'static str {
        match self {
            ChangeWarning::ContractWithoutReason => "lawful_reason",
        }
    }
}

/// A lawful reason, checked against its basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedReason {
    /// The reason to store (trimmed); `None` when none was given.
    pub text: Option<String>,
    /// A warning to show with the accepted change.
    pub warning: Option<ChangeWarning>,
}

/// Checks the lawful reason given with a change to `basis`: text of several lines, at most
/// [`MAX_REASON_CHARS`], nothing hidden in it; required ([`FieldError::Empty`]) for the bases
/// that must show why, refused ([`FieldError::NotAllowed`]) for the bases that take none, and
/// warned about when missing for Contract.
pub fn parse_lawful_reason(
    basis: LegalBasis,
    text: Option<&str>,
) -> Result<CheckedReason, FieldError> {
    let text = match text {
        Some(text) => parse_text_of_lines(text, MAX_REASON_CHARS)?,
        None => None,
    };
    let warning = match (reason_need(basis), &text) {
        (ReasonNeed::NotTaken, Some(_)) => return Err(FieldError::NotAllowed),
        (ReasonNeed::Required(_), None) => return Err(FieldError::Empty),
        (ReasonNeed::Recommended, None) => Some(ChangeWarning::ContractWithoutReason),
        _ => None,
    };
    Ok(CheckedReason { text, warning })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_basis_that_must_show_why_refuses_a_missing_reason() {
        for basis in [
            LegalBasis::LegitimateInterests,
            LegalBasis::LegalObligation,
            LegalBasis::PublicInterests,
            LegalBasis::VitalInterests,
        ] {
            assert_eq!(
                parse_lawful_reason(basis, None),
                Err(FieldError::Empty),
                "{basis:?}"
            );
            assert_eq!(
                parse_lawful_reason(basis, Some("  \n ")),
                Err(FieldError::Empty),
                "{basis:?}: blank is missing"
            );
            assert_eq!(
                parse_lawful_reason(basis, Some(" Art. 52 AWR ")),
                Ok(CheckedReason {
                    text: Some("Art. 52 AWR".into()),
                    warning: None
                })
            );
        }
    }

    #[test]
    fn contract_without_a_reason_is_accepted_with_a_warning() {
        assert_eq!(
            parse_lawful_reason(LegalBasis::Contract, None),
            Ok(CheckedReason {
                text: None,
                warning: Some(ChangeWarning::ContractWithoutReason)
            })
        );
        assert_eq!(
            parse_lawful_reason(LegalBasis::Contract, Some("Order 12")),
            Ok(CheckedReason {
                text: Some("Order 12".into()),
                warning: None
            })
        );
    }

    #[test]
    fn bases_without_a_reason_refuse_one_and_hidden_characters_are_refused() {
        for basis in [LegalBasis::Consent, LegalBasis::NotApplicable] {
            assert_eq!(
                parse_lawful_reason(basis, Some("because")),
                Err(FieldError::NotAllowed)
            );
            assert_eq!(
                parse_lawful_reason(basis, None).map(|r| r.warning),
                Ok(None)
            );
        }
        assert!(matches!(
            parse_lawful_reason(LegalBasis::LegalObligation, Some("Wet\u{202E}x")),
            Err(FieldError::InvisibleCharacter { .. })
        ));
        assert_eq!(
            parse_lawful_reason(
                LegalBasis::LegalObligation,
                Some(&"x".repeat(MAX_REASON_CHARS + 1))
            ),
            Err(FieldError::TooLong {
                max: MAX_REASON_CHARS
            })
        );
    }
}
