//! Extractors: JSON bodies whose errors name the field, the signed-in user, and permission
//! checks that a handler declares in its signature.

use std::marker::PhantomData;

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::{header, request::Parts},
};
use axum_extra::extract::CookieJar;
use chrono::Utc;
use consentry_model::{Permission, api_keys::Scope, auth::Session};
use serde::{Serialize, de::DeserializeOwned};

use super::{AppState, error::ApiError, session::SESSION_COOKIE};
use crate::domain::auth::{SessionToken, session_view};

/// A JSON body. Unlike `axum::Json`, a bad value answers with the JSON path of the field at
/// fault and the parse error of its model type, in the house [`ApiError`] shape.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned + Serialize, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim();
                mime == "application/json" || mime.ends_with("+json")
            });
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::MalformedJson(rejection.body_text())
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// A CSV upload (`Content-Type: text/csv`), read whole.
#[derive(Debug, Clone)]
pub struct CsvBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for CsvBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_csv = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| matches!(mime.trim(), "text/csv" | "application/csv"));
        if !is_csv {
            return Err(ApiError::UnsupportedMediaType);
        }
        Bytes::from_request(req, state)
            .await
            .map(CsvBody)
            .map_err(|rejection| {
                if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::MalformedJson(rejection.body_text())
                }
            })
    }
}

/// Deserializes `bytes`, classifying failures as malformed JSON or an invalid field. A field
/// the body's type does not know is refused, naming it: a misspelt `evidence` or
/// `lawful_reason` would otherwise be dropped without a word while the change is recorded.
/// It is named first, also when it made a required field go missing.
pub fn parse_json<T: DeserializeOwned + Serialize>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let mut unknown: Option<String> = None;
    let mut note = |path: serde_ignored::Path| {
        unknown.get_or_insert_with(|| field_path(&path));
    };
    let tracked = serde_ignored::Deserializer::new(&mut deserializer, &mut note);
    let parsed: Result<T, _> = serde_path_to_error::deserialize(tracked);
    let value = match parsed {
        Ok(value) => value,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            // A body that is not JSON at all is said to be so first, even when a field went
            // missing before the parser reached the fault (`{"lang":"en"}}`).
            if let Err(broken) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                return Err(ApiError::MalformedJson(broken.to_string()));
            }
            // serde_json calls a number, `true` or `null` where a choice of words (an enum) is
            // expected a syntax error; in a body that is valid JSON it is the field's fault.
            if inner.is_syntax() || inner.is_eof() || inner.is_io() {
                // A `\u` escape of half a character (a lone surrogate) is valid JSON to a
                // parser that skips strings, but no text.
                let said = inner.to_string();
                let message = if said.contains("surrogate") || said.contains("hex escape") {
                    "Give text of whole characters: a \\u escape here names half of one \
                     (a lone surrogate)."
                } else {
                    "Give one of the values the schema lists."
                };
                return Err(invalid_field(&path, message));
            }
            let message = strip_position(&inner.to_string());
            return Err(match unknown {
                Some(field) => unknown_field(field),
                None => match refused_field(bytes, &path, &message) {
                    Some(tag) => invalid_field(&tag, &message),
                    None => invalid_field(&path, &message),
                },
            });
        }
    };
    deserializer
        .end()
        .map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    if let Some(field) = unknown {
        return Err(unknown_field(field));
    }
    if let Some(field) = repeated_key(bytes) {
        return Err(ApiError::Invalid {
            message: format!("Send {field} once."),
            field: Some(field),
        });
    }
    same_shape(bytes, &value)?;
    Ok(value)
}

/// The first key sent twice in one object, by its path (`basis`, `fields[1].key`): a parser
/// that keeps the last one (as for the fields of a tagged choice) would hide the first.
fn repeated_key(bytes: &[u8]) -> Option<String> {
    use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use std::cell::RefCell;

    struct Walk<'a> {
        path: String,
        found: &'a RefCell<Option<String>>,
    }

    impl Walk<'_> {
        fn at(&self, step: String) -> Walk<'_> {
            Walk {
                path: step,
                found: self.found,
            }
        }
    }

    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut keys = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                let path = match self.path.as_str() {
                    "" => key.clone(),
                    parent => format!("{parent}.{key}"),
                };
                if !keys.insert(key) && self.found.borrow().is_none() {
                    *self.found.borrow_mut() = Some(path.clone());
                }
                map.next_value_seed(self.at(path))?;
            }
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0;
            while seq
                .next_element_seed(self.at(format!("{}[{i}]", self.path)))?
                .is_some()
            {
                i += 1;
            }
            Ok(())
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
    }

    let found = RefCell::new(None);
    let walk = Walk {
        path: String::new(),
        found: &found,
    };
    walk.deserialize(&mut serde_json::Deserializer::from_slice(bytes))
        .ok()?;
    found.into_inner()
}

/// Refuses what serde takes but the schema does not: an array where an object belongs (serde
/// reads a struct from its fields in order, so `["en", {…}, "save"]` would pass for an
/// answer) and an item sent twice in a list of distinct items (a set would fold it away).
/// The value read is written back out and compared with what was sent, path by path.
fn same_shape<T: Serialize>(bytes: &[u8], value: &T) -> Result<(), ApiError> {
    use serde_json::Value;
    fn walk(sent: &Value, read: &Value, path: &str) -> Result<(), ApiError> {
        let at = |step: &dyn std::fmt::Display, index: bool| match (path, index) {
            ("", false) => step.to_string(),
            (_, true) => format!("{path}[{step}]"),
            (_, false) => format!("{path}.{step}"),
        };
        match (sent, read) {
            (Value::Array(_), Value::Object(_)) => Err(ApiError::Invalid {
                field: (!path.is_empty()).then(|| path.to_owned()),
                message: "Send an object here, with the fields its schema names, not a list."
                    .into(),
            }),
            (Value::Array(sent), Value::Array(read)) if sent.len() != read.len() => {
                Err(ApiError::Invalid {
                    field: (!path.is_empty()).then(|| path.to_owned()),
                    message: "Send each item once: this list holds distinct items.".into(),
                })
            }
            (Value::Array(sent), Value::Array(read)) => sent
                .iter()
                .zip(read)
                .enumerate()
                .try_for_each(|(i, (sent, read))| walk(sent, read, &at(&i, true))),
            (Value::Object(sent), Value::Object(read)) => {
                sent.iter().try_for_each(|(key, sent)| {
                    read.get(key)
                        .map_or(Ok(()), |read| walk(sent, read, &at(key, false)))
                })
            }
            _ => Ok(()),
        }
    }
    let (Ok(sent), Ok(read)) = (
        serde_json::from_slice::<Value>(bytes),
        serde_json::to_value(value),
    ) else {
        return Ok(());
    };
    walk(&sent, &read, "")
}

/// The field of an internally tagged body (`{"action": "extend", "months": 99999999999}`)
/// whose value serde refused, the tag's unknown word or another field's value: serde reports
/// it at the object's path, so the field is found as the one of that object holding the value
/// serde's message quotes.
fn refused_field(bytes: &[u8], path: &str, message: &str) -> Option<String> {
    let quoted = |rest: &str, open: char, close: char| {
        rest.strip_prefix(open)
            .and_then(|r| r.split(close).next())
            .map(str::to_owned)
    };
    let refused = message
        .strip_prefix("invalid value: ")
        .or_else(|| message.strip_prefix("invalid type: "));
    let holds: Box<dyn Fn(&serde_json::Value) -> bool> =
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let word = quoted(rest, '`', '`')?;
            Box::new(move |value| value.as_str() == Some(word.as_str()))
        } else if let Some(rest) = refused.and_then(|r| r.strip_prefix("string ")) {
            let text = quoted(rest, '"', '"')?;
            Box::new(move |value| value.as_str() == Some(text.as_str()))
        } else if let Some(rest) = refused.and_then(|r| {
            r.strip_prefix("integer ")
                .or_else(|| r.strip_prefix("floating point "))
        }) {
            let number = quoted(rest, '`', '`')?;
            Box::new(move |value| value.as_number().is_some_and(|n| n.to_string() == number))
        } else {
            return None;
        };
    let body: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let pointer = if path == "." {
        String::new()
    } else {
        path.split('.')
            .map(|step| match step.split_once('[') {
                Some((name, index)) => format!("/{name}/{}", index.trim_end_matches(']')),
                None => format!("/{step}"),
            })
            .collect()
    };
    let (field, _) = body
        .pointer(&pointer)?
        .as_object()?
        .iter()
        .find(|(_, value)| holds(value))?;
    Some(if pointer.is_empty() {
        field.clone()
    } else {
        format!("{path}.{field}")
    })
}

fn unknown_field(field: String) -> ApiError {
    ApiError::Invalid {
        message: format!(
            "Unknown field `{field}`: check its spelling; this request takes only the fields its \
             schema names."
        ),
        field: Some(field),
    }
}

/// A value serde refused at `path`, said for a person. Missing, unknown (in a tagged body)
/// and repeated fields are reported at their parent's path: the field itself is named.
fn invalid_field(path: &str, message: &str) -> ApiError {
    let named = |rest: &str| {
        let name = rest.split('`').next().unwrap_or_default();
        if path == "." {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    let (field, message) = if let Some(rest) = message.strip_prefix("missing field `") {
        let field = named(rest);
        let message = format!("Fill in {field}.");
        (field, message)
    } else if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field(named(rest));
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        let field = named(rest);
        let message = format!("Send {field} once.");
        (field, message)
    } else if path == "."
        && (message.starts_with("invalid type: ") || message.starts_with("invalid length "))
    {
        // The body as a whole is of the wrong kind: there is no field to name. (A list where
        // an object belongs reads as a list of the object's fields of the wrong length.)
        let kinds = match message.strip_prefix("invalid type: ") {
            Some(rest) => rest.to_owned(),
            None => format!(
                "sequence, {}",
                message.rsplit(", ").next().unwrap_or_default()
            ),
        };
        return ApiError::Invalid {
            field: None,
            message: whole_body(&kinds),
        };
    } else if CHRONO_PARSE_ERRORS.contains(&message) {
        (
            path.to_owned(),
            "Give a time as RFC 3339 with its offset, such as 2026-12-03T09:30:00Z, or a date \
             as 2026-12-03."
                .to_owned(),
        )
    } else {
        (path.to_owned(), message.to_owned())
    };
    ApiError::Invalid {
        field: (field != ".").then_some(field),
        message,
    }
}

/// What to say of a body of the wrong kind, from serde's "null, expected struct X": what
/// the body must be and what it was, in JSON's words.
fn whole_body(invalid_type: &str) -> String {
    let (found, expected) = invalid_type
        .split_once(", expected ")
        .unwrap_or((invalid_type, ""));
    let kind = |serde_words: &str| match serde_words.split_whitespace().next() {
        Some("struct" | "map" | "internally" | "adjacently" | "enum") => "a JSON object",
        Some("sequence" | "tuple") => "a JSON list",
        Some("string") => "a string",
        Some("integer" | "floating") => "a number",
        Some("boolean") => "true or false",
        Some("null" | "unit") => "null",
        _ => "a JSON object",
    };
    format!("Send the body as {}, not {}.", kind(expected), kind(found))
}

/// What chrono says of a date or time it cannot read (its `ParseError` texts): said again in
/// the API's own words.
const CHRONO_PARSE_ERRORS: [&str; 7] = [
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

/// A field's path the way the other answers name fields (`consent.remarks`,
/// `fields[2].key`), optional and newtype layers left out.
fn field_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", field_path(parent)),
        Path::Map { parent, key } => match field_path(parent) {
            parent if parent.is_empty() => key.clone(),
            parent => format!("{parent}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => field_path(parent),
    }
}

/// Drops serde_json's " at line 1 column 42" suffix: people need the reason, not the column.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// A path parameter; one that does not parse answers 404 in the house shape.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// Query parameters; one that does not parse answers 400 in the house shape.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

/// The signed-in user's session. Rejects with 401 when there is none or it expired.
#[derive(Debug, Clone)]
pub struct Authenticated(pub Session);

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(secret) = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        {
            return crate::domain::api_keys::session_for(state.store.as_ref(), secret.trim())
                .await?
                .map(Authenticated)
                .ok_or(ApiError::UnknownApiKey);
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar
            .get(SESSION_COOKIE)
            .map(|c| SessionToken::from_client(c.value()))
            .ok_or(ApiError::Unauthenticated)?;
        let row = state
            .store
            .session(&token.hash(), Utc::now())
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
            .ok_or(ApiError::Unauthenticated)?;
        Ok(Authenticated(session_view(row)))
    }
}

/// A permission, named as a type so a handler's signature says what it requires: of a signed-in
/// person, the permission; of an API key, the scope (none: the route takes no API key).
pub trait Needs: Send + Sync {
    /// The permission required.
    const PERMISSION: Permission;
    /// The scope an API key needs instead.
    const SCOPE: Option<Scope> = None;
}

/// Requires `manage_compliance_settings`.
#[derive(Debug)]
pub struct ManageComplianceSettings;
impl Needs for ManageComplianceSettings {
    const PERMISSION: Permission = Permission::ManageComplianceSettings;
}

/// Requires `manage_users`.
#[derive(Debug)]
pub struct ManageUsers;
impl Needs for ManageUsers {
    const PERMISSION: Permission = Permission::ManageUsers;
}

/// Requires `view_records`.
#[derive(Debug)]
pub struct ViewRecords;
impl Needs for ViewRecords {
    const PERMISSION: Permission = Permission::ViewRecords;
    const SCOPE: Option<Scope> = Some(Scope::RecordsRead);
}

/// Requires `edit_records`.
#[derive(Debug)]
pub struct EditRecords;
impl Needs for EditRecords {
    const PERMISSION: Permission = Permission::EditRecords;
    const SCOPE: Option<Scope> = Some(Scope::RecordsWrite);
}

/// Reads the compliance settings: `manage_compliance_settings`, or the `settings:read` scope.
#[derive(Debug)]
pub struct ReadComplianceSettings;
impl Needs for ReadComplianceSettings {
    const PERMISSION: Permission = Permission::ManageComplianceSettings;
    const SCOPE: Option<Scope> = Some(Scope::SettingsRead);
}

/// `P`'s permission, for people only: an API key is refused whatever its scopes (a route
/// with no scope of its own yet, or one that must not serve keys, like revealing a value).
#[derive(Debug)]
pub struct InPerson<P>(PhantomData<P>);
impl<P: Needs> Needs for InPerson<P> {
    const PERMISSION: Permission = P::PERMISSION;
}

/// Sends a record a consent request or records consent obtained elsewhere: `edit_records`, or
/// the `consent:write` scope.
#[derive(Debug)]
pub struct WriteConsent;
impl Needs for WriteConsent {
    const PERMISSION: Permission = Permission::EditRecords;
    const SCOPE: Option<Scope> = Some(Scope::ConsentWrite);
}

/// Reads a record's consent events: `view_records`, or the `consent:read` scope.
#[derive(Debug)]
pub struct ReadConsent;
impl Needs for ReadConsent {
    const PERMISSION: Permission = Permission::ViewRecords;
    const SCOPE: Option<Scope> = Some(Scope::ConsentRead);
}

/// Reads the request queue: `manage_compliance_settings`, or the `dsr:read` scope.
#[derive(Debug)]
pub struct ReadRequests;
impl Needs for ReadRequests {
    const PERMISSION: Permission = Permission::ManageComplianceSettings;
    const SCOPE: Option<Scope> = Some(Scope::DsrRead);
}

/// Reads a record's requests: `view_records`, or the `dsr:read` scope.
#[derive(Debug)]
pub struct ReadRecordRequests;
impl Needs for ReadRecordRequests {
    const PERMISSION: Permission = Permission::ViewRecords;
    const SCOPE: Option<Scope> = Some(Scope::DsrRead);
}

/// Files a request on a record: `edit_records`, or the `dsr:write` scope.
#[derive(Debug)]
pub struct FileRequests;
impl Needs for FileRequests {
    const PERMISSION: Permission = Permission::EditRecords;
    const SCOPE: Option<Scope> = Some(Scope::DsrWrite);
}

/// Moves a request along: `manage_compliance_settings`, or the `dsr:write` scope.
#[derive(Debug)]
pub struct HandleRequests;
impl Needs for HandleRequests {
    const PERMISSION: Permission = Permission::ManageComplianceSettings;
    const SCOPE: Option<Scope> = Some(Scope::DsrWrite);
}

/// Requires `manage_api_keys`.
#[derive(Debug)]
pub struct ManageApiKeys;
impl Needs for ManageApiKeys {
    const PERMISSION: Permission = Permission::ManageApiKeys;
}

/// Requires `manage_encryption`.
#[derive(Debug)]
pub struct ManageEncryption;
impl Needs for ManageEncryption {
    const PERMISSION: Permission = Permission::ManageEncryption;
}

/// The signed-in user's session, after checking their profile grants `P` (403 otherwise).
#[derive(Debug)]
pub struct Authorized<P: Needs> {
    /// The session, whose profile grants `P`.
    pub session: Session,
    permission: PhantomData<P>,
}

impl<P: Needs> FromRequestParts<AppState> for Authorized<P> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Authenticated(session) = Authenticated::from_request_parts(parts, state).await?;
        if let Some(key) = &session.api_key {
            return match P::SCOPE {
                Some(scope) if key.scopes.contains(&scope) => Ok(Authorized {
                    session,
                    permission: PhantomData,
                }),
                scope => Err(ApiError::MissingScope(scope)),
            };
        }
        if session.can(P::PERMISSION) {
            Ok(Authorized {
                session,
                permission: PhantomData,
            })
        } else {
            Err(ApiError::Forbidden(P::PERMISSION))
        }
    }
}

/// The client as every per-client limit counts it ([`super::client::Client`]: an IPv4 address
/// or an IPv6 /64), for throttling.
#[derive(Debug, Clone)]
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = super::client::Client::of_request(&parts.extensions)
            .map_or_else(|| "unknown".into(), |client| client.to_string());
        Ok(ClientAddr(addr))
    }
}

/// The `User-Agent` a request carries, when it is text.
pub fn user_agent(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::auth::SetupRequest;

    fn field_of(json: &str) -> (Option<String>, String) {
        match parse_json::<SetupRequest>(json.as_bytes()) {
            Err(ApiError::Invalid { field, message }) => (field, message),
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn an_invalid_value_names_its_field_and_says_why() {
        let (field, message) = field_of(
            r#"{"organisation_name":"Acme","organisation_slug":"acme","admin_name":"Jan",
                "admin_email":"nope","admin_password":"long enough password"}"#,
        );
        assert_eq!(field.as_deref(), Some("admin_email"));
        assert!(message.contains("name@example.org"), "{message}");
        assert!(!message.contains("line"), "{message}");
    }

    #[test]
    fn half_a_character_is_named_as_such() {
        let (field, message) = field_of(
            r#"{"organisation_name":"Ac\ud800me","organisation_slug":"acme","admin_name":"Jan",
                "admin_email":"jan@acme.example","admin_password":"long enough password"}"#,
        );
        assert_eq!(field.as_deref(), Some("organisation_name"));
        assert!(message.contains("lone surrogate"), "{message}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let (field, message) = field_of(r#"{"organisation_name":"Acme"}"#);
        assert_eq!(field.as_deref(), Some("organisation_slug"));
        assert_eq!(message, "Fill in organisation_slug.");
    }

    #[test]
    fn an_unknown_field_is_refused_by_its_path_not_dropped() {
        let (field, message) = field_of(
            r#"{"organisation_name":"Acme","organisation_slug":"acme","admin_name":"Jan",
                "admin_email":"jan@acme.example","admin_password":"long enough password",
                "admin_passwrd":"typo"}"#,
        );
        assert_eq!(field.as_deref(), Some("admin_passwrd"));
        assert!(message.contains("check its spelling"), "{message}");
        // Nested: the path says where.
        let nested = parse_json::<consentry_model::records::BasisChange>(
            br#"{"basis":"consent","consent":{"date":"2026-01-01","through":"phone","contact_through":[],"remarkz":"x"}}"#,
        );
        match nested {
            Err(ApiError::Invalid { field, .. }) => {
                assert_eq!(field.as_deref(), Some("consent.remarkz"))
            }
            other => panic!("expected an unknown field, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_field_is_named_before_the_field_it_left_missing_and_in_tagged_bodies() {
        // `admin_passwrd` for `admin_password`: the typo is what to fix.
        let (field, message) = field_of(
            r#"{"organisation_name":"Acme","organisation_slug":"acme","admin_name":"Jan",
                "admin_email":"jan@acme.example","admin_passwrd":"long enough password"}"#,
        );
        assert_eq!(field.as_deref(), Some("admin_passwrd"), "{message}");
        for (body, unknown) in [
            (r#"{"action":"verify","reson":"x"}"#, "reson"),
            (
                r#"{"action":"reject","reason":"r","notify":false}"#,
                "notify",
            ),
        ] {
            match parse_json::<consentry_model::requests::RequestAction>(body.as_bytes()) {
                Err(ApiError::Invalid { field, message }) => {
                    assert_eq!(field.as_deref(), Some(unknown), "{message}");
                    assert!(message.contains("check its spelling"), "{message}");
                }
                other => panic!("expected an unknown field, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_list_where_an_object_belongs_and_an_item_sent_twice_are_refused() {
        use consentry_model::consent::ConsentSubmission;
        for (body, expected) in [
            (
                r#"["en",{"granted":["newsletter"],"channels":["email"]},"save"]"#,
                None,
            ),
            (
                r#"{"lang":"en","decision":"save","choices":[["newsletter"],["email"]]}"#,
                Some("choices"),
            ),
            (
                r#"{"lang":"en","decision":"save","choices":{"granted":["a","a"],"channels":[]}}"#,
                Some("choices.granted"),
            ),
        ] {
            match parse_json::<ConsentSubmission>(body.as_bytes()) {
                Err(ApiError::Invalid { field, .. }) => {
                    assert_eq!(field.as_deref(), expected, "{body}")
                }
                other => panic!("{body}: expected an invalid field, got {other:?}"),
            }
        }
        let fine = r#"{"lang":"en","decision":"save","choices":{"granted":["b","a"],"channels":["email"]}}"#;
        assert!(parse_json::<ConsentSubmission>(fine.as_bytes()).is_ok());
    }

    #[test]
    fn a_body_of_the_wrong_kind_says_what_it_must_be_in_jsons_words() {
        for (body, was) in [
            ("null", "not null"),
            ("\"yes\"", "not a string"),
            ("42", "not a number"),
            ("true", "not true or false"),
            ("[]", "not a JSON list"),
        ] {
            match parse_json::<consentry_model::consent::ConsentSubmission>(body.as_bytes()) {
                Err(ApiError::Invalid { field, message }) => {
                    assert_eq!(field, None, "{body}");
                    assert!(
                        message.starts_with("Send the body as a JSON object"),
                        "{body}: {message}"
                    );
                    assert!(message.contains(was), "{body}: {message}");
                    assert!(!message.contains("struct"), "{message}");
                }
                other => panic!("{body}: expected an invalid body, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_key_sent_twice_is_refused_by_its_path_also_in_a_tagged_choice() {
        for (body, path) in [
            (r#"{"basis":"contract","basis":"consent"}"#, "basis"),
            (
                r#"{"basis":"consent","consent":{"date":"2026-11-20","date":"2026-11-21",
                   "through":"phone","contact_through":["email"]}}"#,
                "consent.date",
            ),
        ] {
            match parse_json::<consentry_model::records::BasisChange>(body.as_bytes()) {
                Err(ApiError::Invalid { field, message }) => {
                    assert_eq!(field.as_deref(), Some(path), "{message}");
                    assert!(message.contains("once"), "{message}");
                }
                other => panic!("{body}: expected a repeated key, got {other:?}"),
            }
        }
        assert_eq!(repeated_key(br#"[{"a":1},{"a":2,"b":{"a":3}}]"#), None);
        assert_eq!(
            repeated_key(br#"[{"a":1},{"a":2,"b":{"c":3,"c":4}}]"#).as_deref(),
            Some("[1].b.c")
        );
    }

    #[test]
    fn a_refused_value_in_a_tagged_body_names_its_field() {
        match parse_json::<consentry_model::requests::RequestAction>(
            br#"{"action":"extend","months":99999999999,"reason":"Backlog"}"#,
        ) {
            Err(ApiError::Invalid { field, message }) => {
                assert_eq!(field.as_deref(), Some("months"), "{message}")
            }
            other => panic!("expected an invalid months, got {other:?}"),
        }
        match parse_json::<consentry_model::requests::RequestAction>(
            br#"{"action":"extend","months":"two","reason":"Backlog"}"#,
        ) {
            Err(ApiError::Invalid { field, message }) => {
                assert_eq!(field.as_deref(), Some("months"), "{message}")
            }
            other => panic!("expected an invalid months, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_tag_names_the_tag_field() {
        match parse_json::<consentry_model::requests::RequestAction>(br#"{"action":"delete"}"#) {
            Err(ApiError::Invalid { field, message }) => {
                assert_eq!(field.as_deref(), Some("action"), "{message}");
                assert!(message.contains("`verify`"), "{message}");
            }
            other => panic!("expected an invalid action, got {other:?}"),
        }
    }

    #[test]
    fn a_number_true_or_null_where_a_word_is_expected_names_the_field_not_the_syntax() {
        for wrong in ["1", "true", "null"] {
            let body = format!(
                r#"{{"lang":"en","decision":{wrong},"choices":{{"granted":[],"channels":[]}}}}"#
            );
            match parse_json::<consentry_model::consent::ConsentSubmission>(body.as_bytes()) {
                Err(ApiError::Invalid { field, .. }) => {
                    assert_eq!(field.as_deref(), Some("decision"), "{wrong}")
                }
                other => panic!("{wrong}: expected an invalid field, got {other:?}"),
            }
        }
        // Broken JSON stays malformed, also when a field went missing before the fault.
        for broken in [r#"{"decision": }"#, r#"{"lang":"en"}}"#] {
            assert!(
                matches!(
                    parse_json::<consentry_model::consent::ConsentSubmission>(broken.as_bytes()),
                    Err(ApiError::MalformedJson(_))
                ),
                "{broken}"
            );
        }
    }

    #[test]
    fn a_repeated_field_and_an_unreadable_time_are_named_and_said_plainly() {
        let (field, message) = field_of(
            r#"{"organisation_name":"Acme","organisation_name":"Acme 2","organisation_slug":"acme",
                "admin_name":"Jan","admin_email":"jan@acme.example","admin_password":"long enough password"}"#,
        );
        assert_eq!(field.as_deref(), Some("organisation_name"));
        assert_eq!(message, "Send organisation_name once.");
        let bulk = parse_json::<consentry_model::consent::BulkConsentRequest>(
            br#"{"filter":{},"form_id":"01a23a44-337a-7767-87b0-f51501f33840","skip_asked_since":"2026-12-03 05:02 UTC"}"#,
        );
        match bulk {
            Err(ApiError::Invalid { field, message }) => {
                assert_eq!(field.as_deref(), Some("skip_asked_since"));
                assert!(message.contains("RFC 3339"), "{message}");
            }
            other => panic!("expected an invalid time, got {other:?}"),
        }
    }

    #[test]
    fn broken_json_is_malformed_not_invalid() {
        assert!(matches!(
            parse_json::<SetupRequest>(b"{\"organisation_name\":"),
            Err(ApiError::MalformedJson(_))
        ));
        assert!(matches!(
            parse_json::<SetupRequest>(b"{} trailing"),
            Err(ApiError::MalformedJson(_)) | Err(ApiError::Invalid { .. })
        ));
    }
}
