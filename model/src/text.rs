//! Parse-don't-validate newtypes for text that arrives from people: a value of one of these
//! types has passed its rules, in the browser form and again on the server.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// Describes a text type to OpenAPI with the rules its `parse` function enforces, so that
/// clients (and schema-based fuzzing) know them: `text_schema!(Type, min chars, max chars,
/// pattern, format)`.
macro_rules! text_schema {
    ($name:ident, $min:expr, $max:expr, $pattern:expr, $format:expr) => {
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                use utoipa::openapi::schema::{ObjectBuilder, Type};
                let pattern: Option<&str> = $pattern;
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .min_length(Some($min))
                    .max_length(Some($max))
                    .pattern(pattern)
                    .format($format)
                    .into()
            }
        }
        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}
    };
}
pub(crate) use text_schema;

/// Declares a `String` newtype that deserializes only through its `parse` function.
macro_rules! parsed_text {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The parsed value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(value: String) -> Result<Self, FieldError> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

parsed_text!(
    /// An e-mail address, trimmed, with its domain lower-cased. The local part keeps its case:
    /// RFC 5321 lets a mail server treat it as case-sensitive.
    Email
);
parsed_text!(
    /// A person's display name: 1–200 characters after trimming, no control characters.
    PersonName
);
parsed_text!(
    /// An organisation's display name: 1–200 characters after trimming, no control characters.
    OrganisationName
);
parsed_text!(
    /// The URL-safe short name of an organisation (`acme-bv`), used in public links such as
    /// `/privacy/acme-bv`: 2–63 lower-case letters, digits and single hyphens.
    OrgSlug
);

parsed_text!(
    /// A time zone of the IANA database, such as `Europe/Amsterdam` or `UTC`: where the admin
    /// app shows moments (they are stored in UTC). This type checks the shape of the name;
    /// the server checks it against the database before storing it.
    TimeZoneName
);

/// Printable text with at least one visible character (no control characters).
#[cfg(feature = "openapi")]
const VISIBLE_TEXT: Option<&str> = Some(
    "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$",
);
#[cfg(feature = "openapi")]
const EMAIL_FORMAT: Option<utoipa::openapi::schema::SchemaFormat> = Some(
    utoipa::openapi::schema::SchemaFormat::KnownFormat(utoipa::openapi::schema::KnownFormat::Email),
);
text_schema!(Email, 3, Email::MAX_LEN, None, EMAIL_FORMAT);
text_schema!(PersonName, 1, 200, VISIBLE_TEXT, None);
text_schema!(OrganisationName, 1, 200, VISIBLE_TEXT, None);
text_schema!(
    TimeZoneName,
    1,
    TimeZoneName::MAX_LEN,
    Some("^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$"),
    None
);
text_schema!(OrgSlug, 2, 63, Some("^[a-z0-9]+(-[a-z0-9]+)*$"), None);
text_schema!(
    Password,
    Password::MIN_CHARS,
    Password::MAX_CHARS,
    None,
    None
);

impl Email {
    /// The longest address SMTP can carry (RFC 5321 forward-path limit).
    pub const MAX_LEN: usize = 254;

    /// Parses an e-mail address with an RFC 5322 parser (`email_address`): a dot-atom local
    /// part of at most 64 bytes (letters of every script allowed, RFC 6531), `@`, a domain of
    /// at least two labels of letters, digits and inner hyphens. Refused besides: quoted local
    /// parts (`"a<b"@x.nl`: legal, unused, and a way to smuggle `<`, `,` or spaces into mail
    /// headers and CSV files), display names (`Jan <jan@x.nl>`), address literals
    /// (`jan@[10.0.0.1]`), whitespace, control and invisible characters.
    pub fn parse(input: &str) -> Result<Email, FieldError> {
        use email_address::{EmailAddress, Options};

        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldError::Empty);
        }
        if trimmed.chars().count() > Self::MAX_LEN {
            return Err(FieldError::TooLong { max: Self::MAX_LEN });
        }
        let invalid = || FieldError::Email;
        if trimmed
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"')
        {
            return Err(invalid());
        }
        crate::invisible::refuse_invisible(trimmed)?;
        let options = Options::default()
            .with_required_tld()
            .without_domain_literal()
            .without_display_text();
        let parsed = EmailAddress::parse_with_options(trimmed, options).map_err(|_| invalid())?;
        let (local, domain) = (parsed.local_part(), parsed.domain());
        // The parser lets a domain label hold any atom character (`exa_mple`, `a+b`); a host
        // name has letters, digits and inner hyphens only.
        let hostname = domain.split('.').all(|label| {
            !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || !c.is_ascii())
        });
        if !hostname {
            return Err(invalid());
        }
        // Checked again once normalised: some capitals lower-case to two characters (`İ` to
        // `i̇`), and an address must parse again as it is stored.
        let email = format!("{local}@{}", domain.to_lowercase());
        if email.chars().count() > Self::MAX_LEN {
            return Err(FieldError::TooLong { max: Self::MAX_LEN });
        }
        Ok(Email(email))
    }

    /// Reads an address back from the database. One stored before the rules above were
    /// tightened (`a,b@x.nl` was accepted) stays readable, so the record or user holding it
    /// can still be shown, exported and erased; it is refused only when entered again. It
    /// must still be one address: text around one `@`, no whitespace or control characters.
    pub fn from_stored(value: &str) -> Result<Email, FieldError> {
        Self::parse(value).or_else(|error| {
            let one_address = value.split('@').count() == 2
                && !value.starts_with('@')
                && !value.ends_with('@')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control());
            if one_address {
                Ok(Email(value.to_owned()))
            } else {
                Err(error)
            }
        })
    }
}

/// Shared rules for the display names: trimmed, 1–200 characters, no control characters.
fn parse_display_name(input: &str) -> Result<String, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::Empty);
    }
    if trimmed.chars().count() > 200 {
        return Err(FieldError::TooLong { max: 200 });
    }
    crate::invisible::refuse_hidden(trimmed, &[])?;
    Ok(trimmed.to_owned())
}

/// A display name read back from the database: one stored before invisible and blank-looking
/// characters were refused may hold one, and stays readable (its user can still sign in, its organisation's
/// pages still open) until it is next edited; every other rule still holds.
fn stored_display_name(value: &str) -> Result<String, FieldError> {
    match parse_display_name(value) {
        Err(
            FieldError::InvisibleCharacter { .. }
            | FieldError::NothingVisible
            | FieldError::LoneMark { .. },
        ) => Ok(value.to_owned()),
        other => other,
    }
}

impl PersonName {
    /// Parses a person's name.
    pub fn parse(input: &str) -> Result<PersonName, FieldError> {
        parse_display_name(input).map(PersonName)
    }

    /// Reads a name back from the database (see [`Email::from_stored`]).
    pub fn from_stored(value: &str) -> Result<PersonName, FieldError> {
        stored_display_name(value).map(PersonName)
    }
}

impl OrganisationName {
    /// Parses an organisation's name.
    pub fn parse(input: &str) -> Result<OrganisationName, FieldError> {
        parse_display_name(input).map(OrganisationName)
    }

    /// Reads a name back from the database (see [`Email::from_stored`]).
    pub fn from_stored(value: &str) -> Result<OrganisationName, FieldError> {
        stored_display_name(value).map(OrganisationName)
    }
}

impl TimeZoneName {
    /// The longest name accepted; the longest in the database has 32 characters.
    pub const MAX_LEN: usize = 64;

    /// Parses a name shaped like an IANA time zone: `/`-separated parts of letters, digits,
    /// `_`, `+` and `-`.
    pub fn parse(input: &str) -> Result<TimeZoneName, FieldError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(FieldError::Empty);
        }
        if name.len() > Self::MAX_LEN {
            return Err(FieldError::TooLong { max: Self::MAX_LEN });
        }
        let part = |p: &str| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
        };
        if name.split('/').all(part) {
            Ok(TimeZoneName(name.to_owned()))
        } else {
            Err(FieldError::NotAnOption)
        }
    }

    /// Coordinated Universal Time, where every organisation starts.
    pub fn utc() -> TimeZoneName {
        TimeZoneName("UTC".to_owned())
    }
}

impl Default for TimeZoneName {
    fn default() -> Self {
        Self::utc()
    }
}

impl OrgSlug {
    /// Parses a slug: 2–63 characters of `a-z`, `0-9` and `-`, no leading, trailing or double
    /// hyphen.
    pub fn parse(input: &str) -> Result<OrgSlug, FieldError> {
        let s = input.trim();
        let ok = (2..=63).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(OrgSlug(s.to_owned()))
        } else {
            Err(FieldError::Slug)
        }
    }

    /// Derives a slug suggestion from a display name (`Acme B.V.` → `acme-b-v`).
    pub fn suggest(name: &str) -> String {
        let mut slug = String::new();
        for c in name.trim().to_lowercase().chars() {
            let c = match c {
                'à'..='å' => 'a',
                'è'..='ë' => 'e',
                'ì'..='ï' => 'i',
                'ò'..='ö' => 'o',
                'ù'..='ü' => 'u',
                c => c,
            };
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        slug.truncate(63);
        slug.trim_end_matches('-').to_owned()
    }
}

/// A new password as typed by a person. The server never sends one back and never logs one
/// (`Debug` hides it); it serializes only so that the browser can submit it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct Password(String);

impl Password {
    /// Fewest characters a new password may have (NIST SP 800-63B asks for at least 8; we ask
    /// for 10 because admin accounts guard personal data).
    pub const MIN_CHARS: usize = 10;
    /// Most characters: argon2 would hash more, but nobody types more.
    pub const MAX_CHARS: usize = 256;

    /// Parses a new password: 10–256 characters. No composition rules (NIST SP 800-63B 5.1.1.2).
    pub fn parse(input: &str) -> Result<Password, FieldError> {
        let n = input.chars().count();
        if n < Self::MIN_CHARS {
            return Err(FieldError::TooShort {
                min: Self::MIN_CHARS,
            });
        }
        if n > Self::MAX_CHARS {
            return Err(FieldError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        Ok(Password(input.to_owned()))
    }

    /// The password's characters, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Password {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, FieldError> {
        Self::parse(&value)
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn time_zone_names_are_shaped_like_the_iana_database() {
        use super::TimeZoneName;
        for good in [
            "UTC",
            "Europe/Amsterdam",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+1",
        ] {
            assert_eq!(
                TimeZoneName::parse(good).map(|z| z.to_string()),
                Ok(good.to_owned())
            );
        }
        assert_eq!(TimeZoneName::parse(" "), Err(FieldError::Empty));
        for bad in [
            "Europe/",
            "/UTC",
            "Europe//Paris",
            "Europe/Par is",
            "../etc/passwd",
        ] {
            assert_eq!(
                TimeZoneName::parse(bad),
                Err(FieldError::NotAnOption),
                "{bad}"
            );
        }
        assert!(TimeZoneName::parse(&"A".repeat(65)).is_err());
    }

    use super::*;

    #[test]
    fn email_is_trimmed_and_its_domain_lower_cased() {
        let email = Email::parse("  Jan.Jansen@Example.NL ").expect("valid");
        assert_eq!(email.as_str(), "Jan.Jansen@example.nl");
    }

    #[test]
    fn email_without_at_sign_or_dot_in_domain_is_rejected() {
        for bad in [
            "",
            "jan",
            "jan@",
            "@example.org",
            "jan@localhost",
            "jan@exa mple.org",
            "jan@example..org",
            "jan@-example.org",
            "a@b@example.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn email_with_header_or_csv_syntax_in_the_local_part_is_refused() {
        for bad in [
            "a<b@x.nl",
            "a>b@x.nl",
            "a,b@x.nl",
            "a;b@x.nl",
            "\"a<b\"@x.nl",
            "\"a b\"@x.nl",
            "Jan <jan@x.nl>",
            "jan@[10.0.0.1]",
            "a\u{7}b@x.nl",
            "a\u{85}b@x.nl",
            "jan.@x.nl",
            ".jan@x.nl",
            "ja..n@x.nl",
            "jan@exa_mple.nl",
            "jan@a+b.nl",
        ] {
            assert_eq!(Email::parse(bad), Err(FieldError::Email), "{bad:?}");
        }
        assert_eq!(
            Email::parse("ja\u{200B}n@x.nl"),
            Err(FieldError::InvisibleCharacter { code_point: 0x200B })
        );
        assert_eq!(
            Email::parse("jan@x\u{202E}ln.com"),
            Err(FieldError::InvisibleCharacter { code_point: 0x202E })
        );
    }

    #[test]
    fn internationalised_addresses_stay_allowed() {
        assert_eq!(
            Email::parse("jörg@Müller.de").expect("valid").as_str(),
            "jörg@müller.de"
        );
        assert!(Email::parse("用户@例子.广告").is_ok());
        assert!(Email::parse("δοκιμή@παράδειγμα.δοκιμή").is_ok());
        assert!(Email::parse("o'brien+news@example.ie").is_ok());
        assert!(Email::parse("jan_jansen-1@sub.example.nl").is_ok());
    }

    #[test]
    fn email_longer_than_smtp_allows_is_rejected() {
        let long = format!("{}@example.org", "a".repeat(250));
        assert!(Email::parse(&long).is_err());
    }

    #[test]
    fn an_address_whose_lower_cased_domain_grows_past_the_limit_is_refused() {
        // Caught by the text-parser fuzz target's rule that what parses parses again to
        // itself: 205 characters as typed, 405 once the domain was lower-cased, so the stored
        // address no longer parsed.
        let grows = format!("a@{}.nl", "İ".repeat(200));
        assert!(
            Email::parse(&grows).is_err(),
            "refused, whichever rule says so"
        );
        // Labels short enough as typed, too long once lower-cased.
        let label = "İ".repeat(30);
        let grows = format!("a@{label}.{label}.{label}.{label}.{label}.nl");
        match Email::parse(&grows) {
            Ok(email) => assert_eq!(Email::parse(email.as_str()), Ok(email.clone())),
            Err(refused) => assert!(matches!(
                refused,
                FieldError::TooLong { .. } | FieldError::Email
            )),
        }
    }

    #[test]
    fn email_deserializes_only_when_valid() {
        let ok: Result<Email, _> = serde_json::from_str("\"x@example.org\"");
        assert!(ok.is_ok());
        let bad: Result<Email, _> = serde_json::from_str("\"not-an-address\"");
        let message = bad.expect_err("invalid").to_string();
        assert!(message.contains("name@example.org"), "{message}");
    }

    #[test]
    fn slug_rules() {
        assert!(OrgSlug::parse("acme-bv").is_ok());
        assert!(OrgSlug::parse("a").is_err());
        assert!(OrgSlug::parse("Acme").is_err());
        assert!(OrgSlug::parse("acme--bv").is_err());
        assert!(OrgSlug::parse("-acme").is_err());
        assert!(OrgSlug::parse(&"a".repeat(64)).is_err());
    }

    #[test]
    fn slug_suggestion_is_a_valid_slug() {
        assert_eq!(OrgSlug::suggest("Acme B.V."), "acme-b-v");
        assert_eq!(OrgSlug::suggest("Café Één"), "cafe-een");
        assert!(OrgSlug::parse(&OrgSlug::suggest("Gemeente 's-Hertogenbosch")).is_ok());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Jan ").expect("valid").as_str(), "Jan");
        assert!(PersonName::parse("   ").is_err());
        assert!(PersonName::parse(&"x".repeat(201)).is_err());
        assert!(OrganisationName::parse("Acme\nBV").is_err());
    }

    #[test]
    fn names_with_invisible_characters_are_refused_naming_the_character() {
        for (name, code_point) in [
            ("Jan\u{202E}nesnaJ", 0x202E),
            ("\u{2066}Jan\u{2069}", 0x2066),
            ("Ja\u{200B}n", 0x200B),
            ("\u{FEFF}Jan", 0xFEFF),
            ("Jan\u{2028}Jansen", 0x2028),
            ("Jan\u{2029}Jansen", 0x2029),
            ("Jan\u{E0041}", 0xE0041),
            ("Jan\u{00AD}sen", 0xAD),
        ] {
            assert_eq!(
                PersonName::parse(name),
                Err(FieldError::InvisibleCharacter { code_point }),
                "{name:?}"
            );
            assert_eq!(
                OrganisationName::parse(name),
                Err(FieldError::InvisibleCharacter { code_point }),
                "{name:?}"
            );
        }
        for name in [
            "Zoë",
            "Øyvind",
            "O'Brien",
            "王秀英",
            "Anne-Marie",
            "حسین\u{200C}زاده",
        ] {
            assert_eq!(PersonName::parse(name).expect("valid").as_str(), name);
        }
    }

    #[test]
    fn values_stored_under_earlier_rules_stay_readable_but_not_enterable() {
        assert!(Email::parse("a,b@x.nl").is_err());
        assert_eq!(
            Email::from_stored("a,b@x.nl").expect("stored").as_str(),
            "a,b@x.nl"
        );
        assert!(Email::from_stored("not an address").is_err());
        assert!(Email::from_stored("a@b@x.nl").is_err());
        assert!(PersonName::parse("Ja\u{200B}n").is_err());
        assert!(PersonName::from_stored("Ja\u{200B}n").is_ok());
        assert!(OrganisationName::from_stored("Acme\u{00AD}").is_ok());
        assert!(PersonName::from_stored("Jan\nJansen").is_err());
        assert!(PersonName::from_stored("").is_err());
    }

    #[test]
    fn password_length_rules_and_debug_hides_it() {
        assert!(Password::parse("short").is_err());
        let password = Password::parse("correct horse battery").expect("valid");
        assert_eq!(format!("{password:?}"), "Password(***)");
        assert!(Password::parse(&"x".repeat(257)).is_err());
    }
}
