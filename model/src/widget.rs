//! The embeddable widget: a form shown on other people's sites, inline or as a banner. Its
//! settings say which sites may embed it; its configuration is what the script renders; a
//! visitor's decision is stored as an anonymous consent event with a signed receipt.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    FieldError,
    forms::{FormLang, FormTexts, Purpose},
    records::Channel,
};

/// Most origins a form may be embedded on.
pub const MAX_ORIGINS: u32 = 20;

/// How a form may be embedded on websites.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetSettings {
    /// The sites that may embed the form, as origins (`https://www.example.org`); none:
    /// embedding is off. Plain `http://` only for this machine, for testing.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Drive Google Consent Mode v2 from the banner's decisions.
    #[serde(default)]
    pub consent_mode: bool,
}

/// Parses a site's origin: `https://host[:port]` (or `http://` to this machine), with no
/// path, query or fragment (host names and IPv4 addresses); returns it in its one canonical spelling (lower case, no
/// trailing slash, no default port).
pub fn parse_origin(input: &str) -> Result<String, FieldError> {
    let text = input.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = text.split_once("://").ok_or(FieldError::NotAllowed)?;
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => {
            let port: u16 = port.parse().map_err(|_| FieldError::NotAllowed)?;
            (host, Some(port))
        }
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    if !host_ok {
        return Err(FieldError::NotAllowed);
    }
    let local = matches!(host, "localhost" | "127.0.0.1");
    let default_port = match scheme {
        "https" => 443,
        "http" if local => 80,
        _ => return Err(FieldError::NotAllowed),
    };
    Ok(match port {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// The words of the widget's own buttons and fields (the form's texts are the form's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetLabels {
    /// Accept every purpose.
    pub accept_all: String,
    /// Refuse every purpose that is not required.
    pub reject_all: String,
    /// Choose per purpose.
    pub customise: String,
    /// Save the choices made.
    pub save: String,
    /// Close the dialog, keeping the earlier decision.
    pub close: String,
    /// The first-name field.
    pub first_name: String,
    /// The last-name field.
    pub last_name: String,
    /// The e-mail field.
    pub email: String,
    /// Shown after a sign-up that waits for its confirmation mail.
    pub check_mail: String,
    /// Shown beside purposes refused because the browser sends Global Privacy Control.
    pub gpc_notice: String,
    /// The privacy policy link.
    pub privacy_policy: String,
    /// What a sign-up keeps until when; `{date}` stands for the day.
    pub kept_until: String,
}

impl WidgetLabels {
    /// The labels in `lang` (English or Dutch; others get English).
    pub fn for_lang(lang: &FormLang) -> WidgetLabels {
        let [
            accept_all,
            reject_all,
            customise,
            save,
            close,
            first_name,
            last_name,
            email,
            check_mail,
            gpc_notice,
            privacy_policy,
            kept_until,
        ] = if lang.as_str() == "nl" {
            [
                "Alles accepteren",
                "Alles weigeren",
                "Zelf kiezen",
                "Keuzes opslaan",
                "Sluiten",
                "Voornaam",
                "Achternaam",
                "E-mailadres",
                "Bijna klaar: bevestig uw aanmelding via de link in de e-mail die we u sturen.",
                "Uit omdat uw browser Global Privacy Control stuurt.",
                "Privacyverklaring",
                "We bewaren uw aanmelding (uw naam, e-mailadres en keuzes) tot {date}; zonder \
                 bevestiging wordt ze dan verwijderd.",
            ]
        } else {
            [
                "Accept all",
                "Reject all",
                "Customise",
                "Save choices",
                "Close",
                "First name",
                "Last name",
                "E-mail address",
                "Almost done: confirm your sign-up through the link in the e-mail we are sending you.",
                "Off because your browser sends Global Privacy Control.",
                "Privacy policy",
                "We keep your sign-up (your name, e-mail address and choices) until {date}; \
                 without confirmation it is deleted then.",
            ]
        };
        WidgetLabels {
            accept_all: accept_all.into(),
            reject_all: reject_all.into(),
            customise: customise.into(),
            save: save.into(),
            close: close.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            email: email.into(),
            check_mail: check_mail.into(),
            gpc_notice: gpc_notice.into(),
            privacy_policy: privacy_policy.into(),
            kept_until: kept_until.into(),
        }
    }
}

/// What the widget script renders: the published form in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetConfig {
    /// The organisation asking.
    pub organisation: String,
    /// The published version.
    pub version: u32,
    /// Changes when purposes are added, removed or changed, not when only wording changes: a
    /// stored decision with another fingerprint is asked again.
    pub purposes_fingerprint: String,
    /// The language of `texts` and `labels`.
    pub lang: FormLang,
    /// The purposes, in display order.
    pub purposes: Vec<Purpose>,
    /// The contact channels the inline form offers.
    pub channels: Vec<Channel>,
    /// The form's texts.
    pub texts: FormTexts,
    /// The widget's own words.
    pub labels: WidgetLabels,
    /// The privacy policy (https).
    pub policy_url: Option<String>,
    /// Brand colour, `#rrggbb`.
    pub brand_colour: String,
    /// Whether the inline form takes sign-ups (a module is set for them).
    pub sign_up: bool,
    /// Whether a sign-up waits for its confirmation mail.
    pub double_opt_in: bool,
    /// With double opt-in: until when a sign-up made now is kept unconfirmed (then deleted);
    /// the inline form says so with [`WidgetLabels::kept_until`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_until: Option<chrono::NaiveDate>,
    /// Whether the banner drives Google Consent Mode v2.
    pub consent_mode: bool,
    /// Whether this request carried `Sec-GPC: 1`.
    pub gpc: bool,
}

/// A site visitor's decision on the banner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitorDecision {
    /// The version shown (a newer one may have been published meanwhile).
    pub version: u32,
    /// The language shown.
    pub lang: FormLang,
    /// Keys of the purposes granted (required ones are granted anyway).
    pub granted: BTreeSet<String>,
    /// Whether the browser said `navigator.globalPrivacyControl`.
    #[serde(default)]
    pub gpc: bool,
}

/// The stored decision, as the page keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitorReceipt {
    /// The consent event's id, which is also its receipt's.
    pub receipt_id: Uuid,
    /// The receipt, signed (compact JWS; check it at `/receipts/verify`).
    pub receipt: String,
    /// The purposes granted, required ones included.
    pub granted: BTreeSet<String>,
    /// Whether Global Privacy Control applied.
    pub gpc: bool,
}

/// How a visitor answered the banner, in one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitorChoice {
    /// Every optional purpose granted.
    AcceptedAll,
    /// Every optional purpose refused.
    RejectedAll,
    /// Some granted, some refused.
    Customised,
}

impl VisitorChoice {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            VisitorChoice::AcceptedAll => "accepted_all",
            VisitorChoice::RejectedAll => "rejected_all",
            VisitorChoice::Customised => "customised",
        }
    }

    /// The choice with this code.
    pub fn from_code(code: &str) -> Option<VisitorChoice> {
        [
            VisitorChoice::AcceptedAll,
            VisitorChoice::RejectedAll,
            VisitorChoice::Customised,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }
}

/// A visitor's decision as the consent log shows it (no address, no browser).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitorConsent {
    /// The event's id, which is also its receipt's.
    pub receipt_id: Uuid,
    /// The form version shown.
    pub version: u32,
    /// The language shown.
    pub lang: FormLang,
    /// How the visitor answered.
    pub choice: VisitorChoice,
    /// The purposes granted, required ones included.
    pub granted: BTreeSet<String>,
    /// Whether Global Privacy Control applied.
    pub gpc: bool,
    /// The site it was given on.
    pub origin: Option<String>,
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A page of a form's consent log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitorConsentPage {
    /// The decisions.
    pub consents: Vec<VisitorConsent>,
    /// Pass as `after` for the next (older) page; absent on the last.
    pub next: Option<Uuid>,
}

/// How a form's banner has been answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitorConsentSummary {
    /// Decisions stored.
    pub decisions: u64,
    /// Of which every optional purpose was granted.
    pub accepted_all: u64,
    /// Of which every optional purpose was refused.
    pub rejected_all: u64,
    /// Of which Global Privacy Control applied.
    pub gpc: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_spelled_one_way() {
        assert_eq!(
            parse_origin(" HTTPS://Shop.Example.org/ "),
            Ok("https://shop.example.org".into())
        );
        assert_eq!(
            parse_origin("https://example.org:443"),
            Ok("https://example.org".into())
        );
        assert_eq!(
            parse_origin("https://example.org:8443"),
            Ok("https://example.org:8443".into())
        );
        assert_eq!(
            parse_origin("http://localhost:5173"),
            Ok("http://localhost:5173".into())
        );
    }

    #[test]
    fn paths_plain_http_and_junk_are_refused() {
        for bad in [
            "example.org",
            "http://example.org",
            "https://example.org/shop",
            "https://example.org?x=1",
            "ftp://example.org",
            "https://",
            "https://exa mple.org",
            "https://example.org:99999",
        ] {
            assert_eq!(parse_origin(bad), Err(FieldError::NotAllowed), "{bad}");
        }
    }
}
