//! The GDPR vocabulary of a record's Data Privacy section.

use serde::{Deserialize, Serialize};

/// Data Processing Basis: the lawful basis of GDPR art. 6(1) on which a record is processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// No basis chosen yet: the default for every record once compliance is enabled.
    #[default]
    NotApplicable,
    /// Art. 6(1)(a): the data subject consented.
    Consent,
    /// Art. 6(1)(b): needed for a contract with the data subject.
    Contract,
    /// Art. 6(1)(c): needed to meet a legal obligation.
    LegalObligation,
    /// Art. 6(1)(d): protects someone's vital interests.
    VitalInterests,
    /// Art. 6(1)(e): a task in the public interest.
    PublicInterests,
    /// Art. 6(1)(f): the controller's legitimate interests.
    LegitimateInterests,
}

impl LegalBasis {
    /// Every basis, in the order the Data Privacy section lists them.
    pub const ALL: [LegalBasis; 7] = [
        LegalBasis::NotApplicable,
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicInterests,
        LegalBasis::LegitimateInterests,
    ];

    /// Stable storage code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            LegalBasis::NotApplicable => "not_applicable",
            LegalBasis::Consent => "consent",
            LegalBasis::Contract => "contract",
            LegalBasis::LegalObligation => "legal_obligation",
            LegalBasis::VitalInterests => "vital_interests",
            LegalBasis::PublicInterests => "public_interests",
            LegalBasis::LegitimateInterests => "legitimate_interests",
        }
    }

    /// Parses a code written by [`LegalBasis::code`].
    pub fn from_code(code: &str) -> Option<LegalBasis> {
        LegalBasis::ALL.into_iter().find(|b| b.code() == code)
    }

    /// Whether this basis is documented with a free-text lawful reason (every basis but
    /// `Not Applicable` and `Consent`, whose evidence is the consent itself).
    pub fn takes_lawful_reason(self) -> bool {
        !matches!(self, LegalBasis::NotApplicable | LegalBasis::Consent)
    }
}

/// Where consent stands. Exists only while the basis is [`LegalBasis::Consent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    /// No request sent yet.
    Pending,
    /// Request sent, no answer yet (Zoho: "Awaiting").
    Waiting,
    /// The data subject consented.
    Obtained,
    /// The data subject refused and asked to stop processing.
    Denied,
    /// The waiting period ran out without an answer.
    NotResponded,
    /// Consent was obtained and later revoked (art. 7(3)).
    Withdrawn,
}

impl ConsentStatus {
    /// Every status, in the order the consent chart draws them.
    pub const ALL: [ConsentStatus; 6] = [
        ConsentStatus::Pending,
        ConsentStatus::Waiting,
        ConsentStatus::Obtained,
        ConsentStatus::Denied,
        ConsentStatus::NotResponded,
        ConsentStatus::Withdrawn,
    ];

    /// Stable storage code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            ConsentStatus::Pending => "pending",
            ConsentStatus::Waiting => "waiting",
            ConsentStatus::Obtained => "obtained",
            ConsentStatus::Denied => "denied",
            ConsentStatus::NotResponded => "not_responded",
            ConsentStatus::Withdrawn => "withdrawn",
        }
    }

    /// Parses a code written by [`ConsentStatus::code`].
    pub fn from_code(code: &str) -> Option<ConsentStatus> {
        ConsentStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_the_json_form() {
        for basis in LegalBasis::ALL {
            assert_eq!(LegalBasis::from_code(basis.code()), Some(basis));
            let json = serde_json::to_string(&basis).expect("serializes");
            assert_eq!(json, format!("\"{}\"", basis.code()));
        }
        for status in ConsentStatus::ALL {
            assert_eq!(ConsentStatus::from_code(status.code()), Some(status));
            let json = serde_json::to_string(&status).expect("serializes");
            assert_eq!(json, format!("\"{}\"", status.code()));
        }
    }

    #[test]
    fn default_basis_is_not_applicable_and_only_non_consent_bases_take_a_reason() {
        assert_eq!(LegalBasis::default(), LegalBasis::NotApplicable);
        assert!(!LegalBasis::NotApplicable.takes_lawful_reason());
        assert!(!LegalBasis::Consent.takes_lawful_reason());
        assert!(LegalBasis::LegitimateInterests.takes_lawful_reason());
    }
}
