//! The embeddable widget: a form shown on other people's sites, inline or as a banner. Its
//! settings say which sites may embed it; its configuration is what the script renders; a
//! visitor's decision is stored as an anonymous consent event with a signed receipt.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    FieldError,
    forms::{FormLang, FormTexts, Purpose},
    records::Channel,
};

/// Most origins a form may be embedded on.
pub const MAX_ORIGINS: u32 = 20;

/// Most cookie names one purpose lists.
pub const MAX_COOKIES: u32 = 30;

/// How a form may be embedded on websites, and how its banner governs the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetSettings {
    /// The sites that may embed the form, as origins (`https://www.example.org`); none:
    /// embedding is off. Plain `http://` only for this machine and reserved test names
    /// (`localhost`, `*.localhost`, `*.test`).
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Drive Google Consent Mode v2 from the banner's decisions.
    #[serde(default)]
    pub consent_mode: bool,
    /// How Google's tags take part in Consent Mode.
    #[serde(default)]
    pub google: GoogleConsentMode,
    /// Tell Microsoft UET (`window.uetq`) the advertising decision too.
    #[serde(default)]
    pub microsoft_uet: bool,
    /// A registrable domain (`example.org`) whose subdomains share one decision, kept in a
    /// first-party cookie on it; none: each site keeps its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_domain: Option<String>,
    /// Per purpose key, the cookies its tags set: names, or prefixes ending in `*` (`_ga*`).
    /// The widget deletes them when the purpose is withdrawn.
    #[serde(default)]
    pub cookies: BTreeMap<String, Vec<String>>,
    /// What visitors outside the EU, EEA, UK, Switzerland and the US opt-out states get.
    #[serde(default)]
    pub elsewhere: RegionRule,
    /// How long a decision stands before it is asked again.
    #[serde(default)]
    pub lifetime: DecisionLifetime,
    /// Whether a page's `?consentry_region=` may set the visitor's region, for testing the
    /// rules (off: the region comes from the trusted proxy alone, so a link cannot switch an
    /// EU visitor to the opt-out notice).
    #[serde(default)]
    pub region_testing: bool,
}

/// How Google's tags take part in Consent Mode v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoogleConsentMode {
    /// Advanced mode: tags marked `data-consentry="google"` load at once with everything
    /// denied (cookieless pings); basic mode (false): they load only once the visitor grants
    /// a Consent Mode signal.
    #[serde(default)]
    pub advanced: bool,
    /// How long tags wait for the visitor's answer, in milliseconds (0–10,000).
    #[serde(default = "default_wait_for_update")]
    pub wait_for_update_ms: u32,
    /// Redact advertising click identifiers while `ad_storage` is denied.
    #[serde(default)]
    pub ads_data_redaction: bool,
    /// Pass click identifiers through links while storage is denied.
    #[serde(default)]
    pub url_passthrough: bool,
}

fn default_wait_for_update() -> u32 {
    500
}

impl Default for GoogleConsentMode {
    fn default() -> Self {
        GoogleConsentMode {
            advanced: false,
            wait_for_update_ms: default_wait_for_update(),
            ads_data_redaction: false,
            url_passthrough: false,
        }
    }
}

/// Longest `wait_for_update`, in milliseconds.
pub const MAX_WAIT_FOR_UPDATE_MS: u32 = 10_000;

/// How long a banner decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionLifetime {
    /// Days a decision stands (1–395; 13 months at most, as European regulators advise).
    #[serde(default = "default_lifetime_days")]
    pub days: u32,
    /// Days a refusal of every optional purpose stands, when shorter (1 up to `days`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal_days: Option<u32>,
}

fn default_lifetime_days() -> u32 {
    365
}

/// Longest decision lifetime, in days.
pub const MAX_LIFETIME_DAYS: u32 = 395;

impl Default for DecisionLifetime {
    fn default() -> Self {
        DecisionLifetime {
            days: default_lifetime_days(),
            refusal_days: None,
        }
    }
}

/// What the widget shows a visitor, by where the visitor is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionRule {
    /// The banner: nothing optional runs until the visitor agrees.
    #[default]
    OptIn,
    /// A notice with "Do not sell or share my personal information": purposes run until the
    /// visitor opts out; Global Privacy Control opts out of advertising and selling.
    OptOut,
    /// A notice: purposes run, and the visitor may choose.
    Notice,
    /// Nothing shown: purposes run (the visitor may still choose through `consentry.open()`).
    Nothing,
}

impl RegionRule {
    /// Every rule.
    pub const ALL: [RegionRule; 4] = [
        RegionRule::OptIn,
        RegionRule::OptOut,
        RegionRule::Notice,
        RegionRule::Nothing,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            RegionRule::OptIn => "opt_in",
            RegionRule::OptOut => "opt_out",
            RegionRule::Notice => "notice",
            RegionRule::Nothing => "nothing",
        }
    }

    /// The rule with this code.
    pub fn from_code(code: &str) -> Option<RegionRule> {
        RegionRule::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Countries whose visitors always get the opt-in banner: the EU, the EEA, the United Kingdom
/// and Switzerland (ISO 3166-1 alpha-2; Greece also as `EL`).
const OPT_IN_COUNTRIES: [&str; 33] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB",
    "CH",
];

/// US states with a consumer privacy law that gives an opt-out of sale, sharing and targeted
/// advertising (and honours Global Privacy Control), in force or coming by 2026.
const OPT_OUT_STATES: [&str; 19] = [
    "CA", "CO", "CT", "DE", "IA", "IN", "KY", "MD", "MN", "MT", "NE", "NH", "NJ", "OR", "RI", "TN",
    "TX", "UT", "VA",
];

/// Where a visitor is: a country (ISO 3166-1 alpha-2, upper case) and, when known, its
/// subdivision (`US-CA`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Region {
    country: String,
    subdivision: Option<String>,
}

impl Region {
    /// Parses `NL`, `us-ca` or `US-CA`; a country header's `XX`/`T1` (unknown, Tor) is none.
    pub fn parse(text: &str) -> Option<Region> {
        let text = text.trim().to_ascii_uppercase();
        let (country, subdivision) = match text.split_once('-') {
            Some((country, sub)) => (country, Some(sub)),
            None => (text.as_str(), None),
        };
        let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
        };
        if country.len() != 2
            || !country.bytes().all(|b| b.is_ascii_uppercase())
            || matches!(country, "XX" | "ZZ")
            || subdivision.is_some_and(|s| !letters(s, 1..=3))
        {
            return None;
        }
        Some(Region {
            country: country.to_owned(),
            subdivision: subdivision.map(str::to_owned),
        })
    }

    /// The country's code.
    pub fn country(&self) -> &str {
        &self.country
    }

    /// The same country with a subdivision a proxy sends on its own (`CA` for California).
    pub fn with_subdivision(self, subdivision: &str) -> Region {
        match Region::parse(&format!("{}-{}", self.country, subdivision.trim())) {
            Some(region) => region,
            None => self,
        }
    }

    /// The rule for a visitor from here: the opt-in banner in the EU, EEA, UK and
    /// Switzerland, the opt-out notice in US states with opt-out laws, else `elsewhere`.
    pub fn rule(&self, elsewhere: RegionRule) -> RegionRule {
        if OPT_IN_COUNTRIES.contains(&self.country.as_str()) {
            RegionRule::OptIn
        } else if self.country == "US"
            && self
                .subdivision
                .as_deref()
                .is_some_and(|s| OPT_OUT_STATES.contains(&s))
        {
            RegionRule::OptOut
        } else {
            elsewhere
        }
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.subdivision {
            Some(sub) => write!(f, "{}-{sub}", self.country),
            None => f.write_str(&self.country),
        }
    }
}

impl TryFrom<String> for Region {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, FieldError> {
        Region::parse(&value).ok_or(FieldError::NotAnOption)
    }
}

impl From<Region> for String {
    fn from(region: Region) -> String {
        region.to_string()
    }
}

/// Checks a consent domain: a host name (no scheme, port or path) that is not a public suffix
/// by itself; returns it in lower case. Whether it is registrable, and covers the form's
/// sites, the server checks against the Public Suffix List.
pub fn parse_domain(input: &str) -> Result<String, FieldError> {
    let text = input.trim().trim_start_matches('.').to_ascii_lowercase();
    let ok = !text.is_empty()
        && text.len() <= 253
        && text.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if ok {
        Ok(text)
    } else {
        Err(FieldError::NotAllowed)
    }
}

/// Checks a cookie name a purpose lists: an RFC 6265 token, optionally ending in `*` for a
/// prefix; at most 100 characters.
pub fn parse_cookie_name(input: &str) -> Result<String, FieldError> {
    let text = input.trim();
    let name = text.strip_suffix('*').unwrap_or(text);
    if name.is_empty() {
        return Err(FieldError::Empty);
    }
    if text.len() > 100 {
        return Err(FieldError::TooLong { max: 100 });
    }
    let token = name
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}*".contains(&b));
    if token {
        Ok(text.to_owned())
    } else {
        Err(FieldError::NotAllowed)
    }
}

/// Parses a site's origin: `https://host[:port]` (or `http://` to this machine or a reserved
/// test name), with no
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
    // This machine, and names reserved for testing that never reach the internet (RFC 6761).
    let local = matches!(host, "localhost" | "127.0.0.1")
        || host.ends_with(".localhost")
        || host.ends_with(".test");
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
    /// A blocked embed's placeholder; `{source}` and `{purpose}` stand for where it comes
    /// from and the purpose it needs.
    pub placeholder: String,
    /// Load one blocked embed, once.
    pub load_once: String,
    /// Grant the purpose a blocked embed needs.
    pub always_allow: String,
    /// After a withdrawal: what already runs may need a reload to stop.
    pub reload_hint: String,
    /// Reload the page.
    pub reload: String,
    /// The opt-out link of US state laws.
    pub do_not_sell: String,
    /// Close a notice, keeping what it says.
    pub ok: String,
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
    /// How the banner governs the page: Consent Mode, UET, consent domain, cookies per
    /// purpose, lifetime (the allowed origins are left out).
    pub widget: WidgetSettings,
    /// The rule this visitor gets, by region.
    pub rule: RegionRule,
    /// Where the visitor is, when a trusted proxy header or `region` said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
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
    /// The page's `?consentry_region=`, when the form allows it for testing; the server
    /// decides the rule stored from it and the trusted proxy's headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// The widget showed its banner or notice to a visitor: counted, nothing else kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BannerShown {
    /// The version shown.
    pub version: u32,
    /// The page's `?consentry_region=`, as for a decision; the server decides the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// How a form's banner did for one version under one rule: a counter per day of banners shown
/// (no identifier, cookie or address kept) beside the decisions stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BannerFigures {
    /// The form version.
    pub version: u32,
    /// The rule applied.
    pub rule: RegionRule,
    /// Times the banner or notice was shown.
    pub shown: u64,
    /// Decisions stored.
    pub decisions: u64,
    /// Of which every optional purpose was granted.
    pub accepted_all: u64,
    /// Of which every optional purpose was refused.
    pub rejected_all: u64,
    /// Of which some were granted and some refused.
    pub customised: u64,
    /// Per purpose key, the decisions that granted it.
    pub granted: BTreeMap<String, u64>,
}

impl BannerFigures {
    /// The share of decisions that granted `purpose`, in percent (none without decisions).
    pub fn opt_in_percent(&self, purpose: &str) -> Option<f64> {
        (self.decisions > 0).then(|| {
            100.0 * self.granted.get(purpose).copied().unwrap_or(0) as f64 / self.decisions as f64
        })
    }
}

/// A form's banner figures over a span of days, per version and rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BannerReport {
    /// The first day counted (UTC).
    pub from: chrono::NaiveDate,
    /// The last day counted (UTC).
    pub to: chrono::NaiveDate,
    /// The figures, newest version first.
    pub figures: Vec<BannerFigures>,
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
    /// The rule the banner applied.
    #[serde(default)]
    pub rule: RegionRule,
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

    #[test]
    fn regions_give_the_opt_in_banner_in_europe_and_the_notice_in_opt_out_states() {
        let rule = |text: &str| Region::parse(text).map(|r| r.rule(RegionRule::Nothing));
        for europe in ["DE", "nl", "EL", "GB", "CH", "NO", "IS", "LI"] {
            assert_eq!(rule(europe), Some(RegionRule::OptIn), "{europe}");
        }
        assert_eq!(rule("US-CA"), Some(RegionRule::OptOut));
        assert_eq!(rule("us-va"), Some(RegionRule::OptOut));
        assert_eq!(
            rule("US-NY"),
            Some(RegionRule::Nothing),
            "a state without such a law"
        );
        assert_eq!(rule("US"), Some(RegionRule::Nothing), "a state not known");
        assert_eq!(rule("JP"), Some(RegionRule::Nothing));
        for unknown in ["XX", "T1", "", "DEU", "D", "US-", "US-CAL1", "1A"] {
            assert_eq!(Region::parse(unknown), None, "{unknown}");
        }
        let us = Region::parse("US").expect("a country");
        assert_eq!(us.clone().with_subdivision("CA").to_string(), "US-CA");
        assert_eq!(us.with_subdivision("!!").to_string(), "US");
    }

    #[test]
    fn test_names_may_use_plain_http() {
        assert_eq!(
            parse_origin("http://www.site.test:8080"),
            Ok("http://www.site.test:8080".into())
        );
        assert_eq!(
            parse_origin("http://shop.localhost"),
            Ok("http://shop.localhost".into())
        );
        assert!(parse_origin("http://example.testing").is_err());
    }

    #[test]
    fn consent_domains_and_cookie_names_are_checked() {
        assert_eq!(parse_domain(" .Example.ORG "), Ok("example.org".into()));
        for bad in [
            "",
            "https://example.org",
            "example.org/x",
            "-a.org",
            "a..org",
            "a b.org",
        ] {
            assert_eq!(parse_domain(bad), Err(FieldError::NotAllowed), "{bad}");
        }
        assert_eq!(parse_cookie_name(" _ga* "), Ok("_ga*".into()));
        assert_eq!(parse_cookie_name("_fbp"), Ok("_fbp".into()));
        assert_eq!(parse_cookie_name("*"), Err(FieldError::Empty));
        for bad in ["a b", "a;b", "a=b", "a*b", "é"] {
            assert!(parse_cookie_name(bad).is_err(), "{bad}");
        }
    }
}
