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

/// What may happen to a record while its consent is Pending or Waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PendingProcessing {
    /// Keep processing the record until the subject answers.
    #[default]
    Allow,
    /// Treat the record as restricted (no e-mails, exports or bulk actions) until consent is
    /// obtained.
    Restrict,
}

impl PendingProcessing {
    /// Stable storage code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            PendingProcessing::Allow => "allow",
            PendingProcessing::Restrict => "restrict",
        }
    }

    /// Parses a code written by [`PendingProcessing::code`].
    pub fn from_code(code: &str) -> Option<PendingProcessing> {
        [PendingProcessing::Allow, PendingProcessing::Restrict]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// A number of days within bounds, checked when parsed.
macro_rules! bounded_days {
    ($(#[$doc:meta])* $name:ident, $min:expr, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(try_from = "u32", into = "u32")]
        pub struct $name(u32);

        impl $name {
            /// Smallest allowed number of days.
            pub const MIN: u32 = $min;
            /// Largest allowed number of days.
            pub const MAX: u32 = $max;

            /// Parses a number of days within the bounds.
            pub fn new(days: u32) -> Result<Self, crate::FieldError> {
                if (Self::MIN..=Self::MAX).contains(&days) {
                    Ok(Self(days))
                } else {
                    Err(crate::FieldError::OutOfRange {
                        min: Self::MIN,
                        max: Self::MAX,
                    })
                }
            }

            /// The number of days.
            pub fn days(self) -> u32 {
                self.0
            }
        }

        impl TryFrom<u32> for $name {
            type Error = crate::FieldError;
            fn try_from(days: u32) -> Result<Self, crate::FieldError> {
                Self::new(days)
            }
        }

        impl From<$name> for u32 {
            fn from(value: $name) -> u32 {
                value.0
            }
        }
    };
}

bounded_days!(
    /// How long a consent request waits for an answer before the status becomes Not Responded.
    WaitingPeriod,
    1,
    365
);
bounded_days!(
    /// How long records are kept (GDPR art. 5(1)(e), storage limitation).
    RetentionPeriod,
    1,
    36_500
);

bounded_days!(
    /// How long Obtained consent holds before it is renewal due (about a month to ten years).
    ConsentLifetime,
    30,
    3650
);
bounded_days!(
    /// How long consent that is renewal due stays Obtained without a renewed answer before it
    /// becomes Not Responded.
    RenewalGrace,
    1,
    365
);

/// An organisation's compliance preferences (Setup > Compliance Settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplianceSettings {
    /// Whether GDPR compliance features are on for the organisation.
    pub enabled: bool,
    /// Days a consent request waits for an answer.
    pub waiting_period_days: WaitingPeriod,
    /// What may happen to records while consent is Pending or Waiting.
    pub processing_while_pending: PendingProcessing,
    /// Whether sign-ups must confirm their e-mail address before consent counts (organisation
    /// default; a consent form may override it).
    pub double_opt_in: bool,
    /// Days records are kept; `null` keeps them until deleted by hand.
    pub retention_days: Option<RetentionPeriod>,
    /// Whether records the retention review finds lapsed are erased without waiting for a
    /// privacy officer (after each daily review).
    #[serde(default)]
    pub retention_auto_erase: bool,
    /// Days Obtained consent holds before it is renewal due; `null`: consent does not age.
    #[serde(default)]
    pub consent_lifetime_days: Option<ConsentLifetime>,
    /// Days consent that is renewal due stays Obtained without a renewed answer; then it
    /// becomes Not Responded.
    #[serde(default = "RenewalGrace::default_grace")]
    pub renewal_grace_days: RenewalGrace,
    /// Which personal fields exports, API reads and webhooks leave out.
    #[serde(default)]
    pub personal_data: crate::handling::PersonalDataHandling,
}

impl Default for ComplianceSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            waiting_period_days: WaitingPeriod(30),
            processing_while_pending: PendingProcessing::Allow,
            double_opt_in: true,
            retention_days: None,
            retention_auto_erase: false,
            consent_lifetime_days: None,
            renewal_grace_days: RenewalGrace::default_grace(),
            personal_data: crate::handling::PersonalDataHandling::default(),
        }
    }
}

impl RenewalGrace {
    /// A month: the default grace period.
    pub fn default_grace() -> RenewalGrace {
        RenewalGrace(30)
    }
}

/// Counts for the Overview dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    /// Records whose basis is Not Applicable.
    pub not_applicable: u64,
    /// Records with a legal basis other than Not Applicable.
    pub with_basis: u64,
    /// Records per basis (every basis listed, zero included).
    pub per_basis: Vec<BasisCount>,
    /// Records per consent status (every status listed, zero included).
    pub per_status: Vec<StatusCount>,
    /// Basis and consent changes per day over the last 30 days (every day listed).
    pub changes_per_day: Vec<DayCount>,
    /// Data-subject requests: open, overdue, due within seven days.
    #[serde(default)]
    pub requests: crate::requests::RequestCounts,
    /// Records whose Obtained consent is older than the consent lifetime (0 while consent
    /// does not age).
    #[serde(default)]
    pub renewal_due: u64,
}

/// Changes on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCount {
    /// The day (UTC).
    pub day: chrono::NaiveDate,
    /// How many basis or consent changes.
    pub count: u64,
}

/// Records with one basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BasisCount {
    /// The basis.
    pub basis: LegalBasis,
    /// How many records.
    pub count: u64,
}

/// Records with one consent status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    /// The status.
    pub status: ConsentStatus,
    /// How many records.
    pub count: u64,
}

#[cfg(test)]
mod settings_tests {
    use super::*;

    #[test]
    fn waiting_period_outside_bounds_is_rejected_with_its_name() {
        assert!(WaitingPeriod::new(0).is_err());
        assert!(WaitingPeriod::new(366).is_err());
        assert_eq!(WaitingPeriod::new(14).map(WaitingPeriod::days), Ok(14));
        let json = r#"{"enabled":true,"waiting_period_days":0,"processing_while_pending":"allow","double_opt_in":true,"retention_days":null}"#;
        let err = serde_json::from_str::<ComplianceSettings>(json).expect_err("out of range");
        assert!(err.to_string().contains("from 1 to 365"), "{err}");
    }

    #[test]
    fn defaults_are_off_with_thirty_days_and_double_opt_in() {
        let settings = ComplianceSettings::default();
        assert!(!settings.enabled);
        assert_eq!(settings.waiting_period_days.days(), 30);
        assert!(settings.double_opt_in);
    }
}

/// The controller's identity and contact details (GDPR art. 13(1)(a): given to every data
/// subject when their data is obtained), as every consent receipt carries them in Kantara
/// CR 1.1's `piiControllers[]`. The controller's name is the organisation's name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ControllerProfile {
    /// Whom to contact about personal data: a person or a role, e.g. "Privacy officer".
    #[serde(default)]
    pub contact: String,
    /// Street and number of the postal address.
    #[serde(default)]
    pub street_address: String,
    /// Postal code.
    #[serde(default)]
    pub postal_code: String,
    /// Town or city.
    #[serde(default)]
    pub locality: String,
    /// Country: ISO 3166-1 alpha-2 code, e.g. `NL`.
    #[serde(default)]
    pub country: String,
    /// E-mail address for questions about personal data.
    #[serde(default)]
    pub email: String,
    /// Phone number.
    #[serde(default)]
    pub phone: String,
    /// The controller's website (`https://…`); a receipt's policy link when the form has
    /// none.
    #[serde(default)]
    pub url: String,
}

impl ControllerProfile {
    /// The fields a receipt needs, in the order the form shows them.
    pub const REQUIRED: [&'static str; 8] = [
        "contact",
        "street_address",
        "postal_code",
        "locality",
        "country",
        "email",
        "phone",
        "url",
    ];

    /// Checks and tidies what was entered: each field may be empty, and is refused, named,
    /// when it is filled but not valid.
    pub fn parse(self) -> Result<ControllerProfile, (&'static str, crate::FieldError)> {
        use crate::FieldError;
        let line = |name: &'static str, text: &str, max: usize| {
            let text = text.trim();
            crate::invisible::refuse_hidden(text, &[]).map_err(|e| (name, e))?;
            if text.chars().count() > max {
                return Err((name, FieldError::TooLong { max }));
            }
            Ok(text.to_owned())
        };
        let country = line("country", &self.country, 2)?.to_ascii_uppercase();
        let two_letters = country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase());
        if !(country.is_empty() || two_letters) {
            return Err(("country", FieldError::NotAnOption));
        }
        let email = line("email", &self.email, 254)?;
        let email = if email.is_empty() {
            email
        } else {
            crate::Email::parse(&email)
                .map_err(|e| ("email", e))?
                .as_str()
                .to_owned()
        };
        let phone = line("phone", &self.phone, 40)?;
        let phone = if phone.is_empty() {
            phone
        } else {
            crate::fields::parse_phone(&phone).map_err(|e| ("phone", e))?
        };
        let url = line("url", &self.url, 500)?;
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !url.is_empty() && (!web || url.contains(char::is_whitespace) || url.contains('"')) {
            return Err(("url", FieldError::NotAllowed));
        }
        Ok(ControllerProfile {
            contact: line("contact", &self.contact, 200)?,
            street_address: line("street_address", &self.street_address, 200)?,
            postal_code: line("postal_code", &self.postal_code, 20)?,
            locality: line("locality", &self.locality, 100)?,
            country,
            email,
            phone,
            url,
        })
    }

    /// The first field a receipt needs that is still empty, if any.
    pub fn missing(&self) -> Option<&'static str> {
        let values = [
            &self.contact,
            &self.street_address,
            &self.postal_code,
            &self.locality,
            &self.country,
            &self.email,
            &self.phone,
            &self.url,
        ];
        Self::REQUIRED
            .into_iter()
            .zip(values)
            .find(|(_, value)| value.trim().is_empty())
            .map(|(name, _)| name)
    }
}

#[cfg(test)]
mod controller_tests {
    use super::*;
    use crate::FieldError;

    fn filled() -> ControllerProfile {
        ControllerProfile {
            contact: " Privacy officer ".into(),
            street_address: "Herengracht 1".into(),
            postal_code: "1015 BA".into(),
            locality: "Amsterdam".into(),
            country: "nl".into(),
            email: "privacy@acme.example".into(),
            phone: "+31 20 123 4567".into(),
            url: "https://acme.example".into(),
        }
    }

    #[test]
    fn a_filled_profile_is_tidied_and_complete() {
        let profile = filled().parse().expect("valid");
        assert_eq!(profile.contact, "Privacy officer");
        assert_eq!(profile.country, "NL");
        assert_eq!(profile.missing(), None);
        assert_eq!(ControllerProfile::default().missing(), Some("contact"));
    }

    #[test]
    fn bad_values_are_refused_by_name() {
        let bad = |change: fn(&mut ControllerProfile)| {
            let mut p = filled();
            change(&mut p);
            p.parse().map(|_| ()).map_err(|(field, _)| field)
        };
        assert_eq!(bad(|p| p.email = "not an address".into()), Err("email"));
        assert_eq!(bad(|p| p.phone = "call me".into()), Err("phone"));
        assert_eq!(bad(|p| p.country = "Netherlands".into()), Err("country"));
        assert_eq!(bad(|p| p.url = "ftp://acme.example".into()), Err("url"));
        assert_eq!(bad(|p| p.contact = "a\nb".into()), Err("contact"));
        assert_eq!(
            ControllerProfile {
                locality: "x".repeat(101),
                ..filled()
            }
            .parse()
            .map(|_| ()),
            Err(("locality", FieldError::TooLong { max: 100 }))
        );
    }
}
