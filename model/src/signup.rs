//! Public sign-up through a consent form (`/f/{organisation}/{form}`), with double opt-in: the
//! consent counts only once the subject confirms through a link mailed to the address.

use serde::{Deserialize, Serialize};

use crate::{
    ModuleId,
    consent::ConsentOutcome,
    forms::{ConsentChoices, FormDesign, FormLang},
};

/// Whether and how a form takes sign-ups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpSettings {
    /// The module new sign-ups become records of; sign-up is off without one. Its compliance
    /// must be on.
    #[serde(default)]
    pub module_id: Option<ModuleId>,
    /// Double opt-in for this form: `null` follows the organisation's default.
    #[serde(default)]
    pub double_opt_in: Option<bool>,
}

/// What the public sign-up page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpPage {
    /// The organisation asking.
    pub organisation: String,
    /// The published design.
    pub design: FormDesign,
    /// Its version.
    pub version: u32,
    /// The language to show it in: the subject's most wanted one the form has, else the
    /// form's default.
    pub lang: crate::forms::FormLang,
    /// Whether a confirmation e-mail follows before consent counts.
    pub double_opt_in: bool,
    /// With double opt-in: the day until which a sign-up made now is kept unconfirmed; it is
    /// deleted after it (with the record it created, when that holds nothing else).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub kept_until: Option<chrono::NaiveDate>,
}

/// `YYYY-MM-DD` written and read by hand: chrono's own parser would add kilobytes to the
/// sign-up page's bundle for one date.
mod plain_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&super::ymd(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(day))) => i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, day))
                .map(Some)
                .ok_or_else(|| D::Error::custom("not a date")),
            _ => Err(D::Error::custom("not a date (YYYY-MM-DD)")),
        }
    }
}

/// A day as `YYYY-MM-DD`, without chrono's formatting machinery (small in a browser bundle).
pub fn ymd(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Someone signing up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpSubmission {
    /// The language they read.
    pub lang: FormLang,
    /// The version they read (a newer one may have been published meanwhile).
    pub version: u32,
    /// First name (optional).
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name (optional).
    #[serde(default)]
    pub last_name: Option<String>,
    /// E-mail address.
    pub email: String,
    /// What they ticked; required purposes must be granted.
    pub choices: ConsentChoices,
}

/// What became of a sign-up: `"confirmation_sent"`, or `{"recorded": {...}}` with the
/// consent outcome. The answer is the same whether or not the address was known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignUpOutcome {
    /// Double opt-in: a confirmation e-mail is on its way; nothing counts until confirmed.
    ConfirmationSent,
    /// Without double opt-in: consent is recorded at once.
    Recorded(ConsentOutcome),
}

/// What the confirmation page shows before the subject confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpConfirmation {
    /// The organisation.
    pub organisation: String,
    /// The form's title in the language of the sign-up.
    pub title: String,
    /// The language of the sign-up.
    pub lang: FormLang,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_until_reads_back_as_written() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 16).expect("date");
        let page = SignUpPage {
            organisation: "Acme".into(),
            design: crate::forms::starter_design("Acme"),
            version: 1,
            lang: crate::forms::FormLang::parse("en").expect("code"),
            double_opt_in: true,
            kept_until: Some(day),
        };
        let json = serde_json::to_value(&page).expect("json");
        assert_eq!(json["kept_until"], "2026-12-16");
        let back: SignUpPage = serde_json::from_value(json).expect("reads back");
        assert_eq!(back.kept_until, Some(day));
        assert_eq!(ymd(day), "2026-12-16");
    }
}
