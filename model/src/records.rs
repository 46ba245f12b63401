//! Modules, records and their Data Privacy section.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::fields::{FieldValue, parse_phone};

use crate::{ConsentStatus, Email, FieldError, LegalBasis, ModuleId, RecordId};

/// A way the data subject may be contacted ("contact through").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// E-mail.
    Email,
    /// Telephone.
    Phone,
    /// Surveys.
    Survey,
    /// Social media.
    Social,
}

impl Channel {
    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Survey => "survey",
            Channel::Social => "social",
        }
    }

    /// Every channel, in display order.
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::Phone,
        Channel::Survey,
        Channel::Social,
    ];
}

/// How consent was obtained ("consent through").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentThrough {
    /// Consentry's hosted consent form.
    ConsentForm,
    /// A web form or the embedded widget.
    WebForm,
    /// An e-mail reply.
    Email,
    /// A phone call.
    Phone,
    /// In person.
    InPerson,
    /// A customer portal.
    Portal,
    /// A data import.
    Import,
    /// Another system through the API.
    Api,
}

impl ConsentThrough {
    /// Every way, in display order.
    pub const ALL: [ConsentThrough; 8] = [
        ConsentThrough::ConsentForm,
        ConsentThrough::WebForm,
        ConsentThrough::Email,
        ConsentThrough::Phone,
        ConsentThrough::InPerson,
        ConsentThrough::Portal,
        ConsentThrough::Import,
        ConsentThrough::Api,
    ];
}

/// How a record was created or last changed (data source tracking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// By a user in the admin app.
    Manual,
    /// By a CSV import (detail: the file name).
    Import,
    /// Through the API (detail: the key or service name).
    Api,
    /// Through a consent form or the widget (detail: form name, website, IP).
    ConsentForm,
    /// From an e-mail.
    Email,
}

impl SourceKind {
    /// Every source, in display order.
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Manual,
        SourceKind::Import,
        SourceKind::Api,
        SourceKind::ConsentForm,
        SourceKind::Email,
    ];
}

/// Who changed a record, when, and through what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataSource {
    /// Through what.
    pub through: SourceKind,
    /// Who (user name, API key name, form name).
    pub by: String,
    /// Detail: file name, website and IP, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// A module: a collection of records about people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Module {
    /// Module id.
    pub id: ModuleId,
    /// Stable key (`leads`, `contacts`, `vendors`, or a custom one).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Built in (cannot be removed).
    pub builtin: bool,
    /// Whether GDPR compliance (the Data Privacy section) is on for this module.
    pub compliance_enabled: bool,
    /// Records in the module.
    pub record_count: u64,
}

impl Module {
    /// The built-in module this is while it keeps the name it was created with (so screens
    /// show that name in their reader's language); `None` for a custom or renamed module.
    pub fn builtin_kind(&self) -> Option<BuiltinModule> {
        BuiltinModule::ALL
            .into_iter()
            .find(|b| self.builtin && b.key() == self.key && b.default_name() == self.name)
    }
}

/// The modules every organisation starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinModule {
    /// Prospective customers.
    Leads,
    /// People the organisation deals with.
    Contacts,
    /// Suppliers' contact persons.
    Vendors,
}

impl BuiltinModule {
    /// Every built-in module, in the order they are created.
    pub const ALL: [BuiltinModule; 3] = [
        BuiltinModule::Leads,
        BuiltinModule::Contacts,
        BuiltinModule::Vendors,
    ];

    /// Its stable key.
    pub fn key(self) -> &'static str {
        match self {
            BuiltinModule::Leads => "leads",
            BuiltinModule::Contacts => "contacts",
            BuiltinModule::Vendors => "vendors",
        }
    }

    /// The name it is created with (stored; screens translate it).
    pub fn default_name(self) -> &'static str {
        match self {
            BuiltinModule::Leads => "Leads",
            BuiltinModule::Contacts => "Contacts",
            BuiltinModule::Vendors => "Vendors",
        }
    }
}

/// Free text of a record field: trimmed, at most 200 characters, no control characters; empty
/// means absent.
pub fn parse_short_text(input: &str) -> Result<Option<String>, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > 200 {
        return Err(FieldError::TooLong { max: 200 });
    }
    crate::invisible::refuse_hidden(trimmed, &[])?;
    Ok(Some(trimmed.to_owned()))
}

/// Free text of several lines (a request's details, a reason): trimmed, at most 2000
/// characters, line breaks and tabs but no other control or invisible characters; empty means
/// absent.
pub fn parse_long_text(input: &str) -> Result<Option<String>, FieldError> {
    parse_text_of_lines(input, 2000)
}

/// Free text of several lines of at most `max` characters (a lawful reason, a remark, the
/// evidence of consent): trimmed, line breaks and tabs but no other control or invisible
/// characters; empty means absent.
pub fn parse_text_of_lines(input: &str, max: usize) -> Result<Option<String>, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    crate::invisible::refuse_hidden(trimmed, &['\n', '\r', '\t'])?;
    Ok(Some(trimmed.to_owned()))
}

/// The fields of a record: the standard ones, all optional (a record needs at least a name or
/// an e-mail address to identify the data subject), and the module's custom fields by key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordFields {
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<Email>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Company.
    #[serde(default)]
    pub company: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
    /// Custom fields' values by field key; a field without a value is absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<String, FieldValue>,
}

impl RecordFields {
    /// Checks the free-text fields; returns the first field at fault.
    pub fn check(&self) -> Result<(), (&'static str, FieldError)> {
        for (name, value) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("phone", &self.phone),
            ("company", &self.company),
            ("country", &self.country),
        ] {
            if let Some(v) = value {
                match parse_short_text(v) {
                    Ok(Some(clean)) if clean == *v => {}
                    Ok(_) => return Err((name, FieldError::Empty)),
                    Err(e) => return Err((name, e)),
                }
            }
        }
        if let Some(phone) = &self.phone {
            parse_phone(phone).map_err(|e| ("phone", e))?;
        }
        if self.first_name.is_none() && self.last_name.is_none() && self.email.is_none() {
            return Err(("last_name", FieldError::Empty));
        }
        Ok(())
    }

    /// "First Last", or the e-mail address when there is no name.
    pub fn display_name(&self) -> String {
        let name = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.email
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        } else {
            name
        }
    }
}

/// Consent details, present while the basis is Consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consent {
    /// Where consent stands.
    pub status: ConsentStatus,
    /// When consent was given (or refused).
    pub date: Option<NaiveDate>,
    /// How it was obtained.
    pub through: Option<ConsentThrough>,
    /// The channels the subject agreed to be contacted through.
    pub contact_through: Vec<Channel>,
    /// Remarks.
    pub remarks: Option<String>,
    /// When the last consent request was mailed.
    pub mail_sent_at: Option<DateTime<Utc>>,
}

/// The Data Privacy section of a record in a module with compliance enabled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataPrivacy {
    /// Data Processing Basis.
    pub basis: LegalBasis,
    /// Why processing is lawful (non-consent bases).
    pub lawful_reason: Option<String>,
    /// Consent details (basis Consent only).
    pub consent: Option<Consent>,
    /// Processing is stopped (GDPR art. 18): read-only, no e-mails, exports or bulk actions.
    pub stop_processing: bool,
}

/// A record with its Data Privacy section (absent when the module's compliance is off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Record {
    /// Record id.
    pub id: RecordId,
    /// Its module.
    pub module_id: ModuleId,
    /// Standard fields.
    pub fields: RecordFields,
    /// Data Privacy section.
    pub privacy: Option<DataPrivacy>,
    /// How and by whom the record was created.
    pub created: DataSource,
    /// How and by whom it was last changed.
    pub updated: DataSource,
    /// Sensitive values hidden from this reader (who lacks View Sensitive Fields), by field
    /// key: the value is left out of `fields` and shown masked here (`j•••@example.com`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub masked: BTreeMap<String, String>,
    /// Where the newest consent request to the record stands on its way (only in the answer
    /// for one record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_request: Option<crate::consent::RequestDelivery>,
    /// What a reviewer would ask about the change just made (only in the answer to a basis
    /// change, e.g. Contract without a lawful reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::lawful_reason::ChangeWarning>,
}

impl Record {
    /// The name to show: the fields' display name, with masked values where the reader sees
    /// them masked.
    pub fn shown_name(&self) -> String {
        let part = |key: &str, value: &Option<String>| {
            value.clone().or_else(|| self.masked.get(key).cloned())
        };
        let name = [
            part("first_name", &self.fields.first_name),
            part("last_name", &self.fields.last_name),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        if name.is_empty() {
            self.shown_email().unwrap_or_default()
        } else {
            name
        }
    }

    /// The e-mail address to show, masked where the reader sees it masked.
    pub fn shown_email(&self) -> Option<String> {
        self.fields
            .email
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| self.masked.get("email").cloned())
    }
}

/// Consent entered by hand (a signed paper form, a phone call): the record's consent becomes
/// Obtained with these details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ManualConsent {
    /// When consent was given.
    pub date: NaiveDate,
    /// How it was obtained.
    pub through: ConsentThrough,
    /// The channels agreed to; at least one.
    pub contact_through: Vec<Channel>,
    /// Remarks.
    #[serde(default)]
    pub remarks: Option<String>,
}

/// What the data subject decided, as another system recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordedDecision {
    /// Consent given: status Obtained.
    Granted,
    /// Consent refused, asking to stop processing: status Denied, processing stopped.
    Refused,
    /// Consent given earlier taken back (art. 7(3)): status Withdrawn.
    Withdrawn,
}

/// Consent an integrating system obtained itself (its own sign-up form, a call centre, a
/// signed paper form): the record's basis becomes Consent and its consent follows the
/// decision, with the evidence kept in the consent remarks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordedConsent {
    /// What the subject decided.
    pub decision: RecordedDecision,
    /// When (not in the future).
    pub date: NaiveDate,
    /// How it was obtained.
    pub through: ConsentThrough,
    /// The channels agreed to: at least one when granted, none otherwise.
    #[serde(default)]
    pub contact_through: Vec<Channel>,
    /// Where the proof is kept: a document or ticket reference, a form submission id, a
    /// call recording (1–1000 characters).
    pub evidence: String,
}

/// A change of a record's Data Processing Basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BasisChange {
    /// The new basis.
    pub basis: LegalBasis,
    /// Why processing is lawful; only for non-consent bases.
    #[serde(default)]
    pub lawful_reason: Option<String>,
    /// Consent obtained outside Consentry; only with basis Consent.
    #[serde(default)]
    pub consent: Option<ManualConsent>,
}

/// What a record list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct RecordFilter {
    /// Only this module.
    #[serde(default)]
    pub module: Option<ModuleId>,
    /// Only this basis.
    #[serde(default)]
    pub basis: Option<LegalBasis>,
    /// Only this consent status.
    #[serde(default)]
    pub consent_status: Option<ConsentStatus>,
    /// Only records created through this source.
    #[serde(default)]
    pub source: Option<SourceKind>,
    /// Only the records this import created (the id its start answered with).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<crate::import::ImportId>,
    /// Only records whose Obtained consent is older than the organisation's consent lifetime
    /// (renewal due); none while consent does not age.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub renewal_due: bool,
    /// Exact e-mail address, or the start of a first or last name (any capitals).
    #[serde(default, deserialize_with = "search_text")]
    pub q: Option<String>,
    /// Only these records: a selection made in the list, at most
    /// [`RecordFilter::MOST_SELECTED`]. Empty means every record the other filters match.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "selection"
    )]
    pub ids: Vec<RecordId>,
}

impl RecordFilter {
    /// The most records a selection holds; to act on more, filter instead of selecting.
    pub const MOST_SELECTED: usize = 500;
}

/// Reads a selection of record ids, refusing more than [`RecordFilter::MOST_SELECTED`].
fn selection<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<RecordId>, D::Error> {
    checked_selection(Vec::deserialize(deserializer)?).map_err(serde::de::Error::custom)
}

/// Reads a comma-separated list of record ids (a query string's `ids`) as a selection.
pub fn parse_selection(text: &str) -> Result<Vec<RecordId>, String> {
    let ids = text
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(|id| {
            id.parse::<uuid::Uuid>().map(RecordId).map_err(|_| {
                format!("{id:?} is not a record id: give record ids separated by commas")
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    checked_selection(ids)
}

fn checked_selection(ids: Vec<RecordId>) -> Result<Vec<RecordId>, String> {
    if ids.len() > RecordFilter::MOST_SELECTED {
        return Err(format!(
            "select at most {} records; to act on more, clear the selection and use the filters",
            RecordFilter::MOST_SELECTED
        ));
    }
    Ok(ids)
}

/// Reads a search text, refusing control characters: no name or address holds one, and
/// PostgreSQL refuses a NUL in any text.
pub fn search_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let q = Option::<String>::deserialize(deserializer)?;
    if q.as_deref()
        .is_some_and(|q| q.chars().any(char::is_control))
    {
        return Err(serde::de::Error::custom(
            "a search holds no control characters: type a name or an e-mail address",
        ));
    }
    Ok(q)
}

/// The order of a record list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordSort {
    /// Most recently created first.
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// By last name, A to Z (records without one first).
    LastName,
    /// By last name, Z to A (records without one last): the exact reverse of `last_name`.
    LastNameDesc,
}

impl RecordSort {
    /// Every order, as the list offers them.
    pub const ALL: [RecordSort; 4] = [
        RecordSort::Newest,
        RecordSort::Oldest,
        RecordSort::LastName,
        RecordSort::LastNameDesc,
    ];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            RecordSort::Newest => "newest",
            RecordSort::Oldest => "oldest",
            RecordSort::LastName => "last_name",
            RecordSort::LastNameDesc => "last_name_desc",
        }
    }

    /// Whether it orders by last name.
    pub fn by_last_name(self) -> bool {
        matches!(self, RecordSort::LastName | RecordSort::LastNameDesc)
    }

    /// Parses a code written by [`RecordSort::code`].
    pub fn from_code(code: &str) -> Option<RecordSort> {
        RecordSort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One page of a record list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordPage {
    /// The records, in the requested order.
    pub records: Vec<Record>,
    /// Pass as `after` (with the same filters and order) for the next page; absent on the
    /// last page. Opaque: do not build one yourself.
    pub next: Option<String>,
    /// Name fields the search did not look in because they are encrypted (by key, e.g.
    /// `last_name`): such records are found by exact e-mail address only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_searched: Vec<String>,
}

/// Change the basis of every record matching a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkBasisChange {
    /// Which records.
    pub filter: RecordFilter,
    /// The change.
    pub change: BasisChange,
    /// How many records the person confirmed would change. When the filter now matches a
    /// different number, nothing is changed and the answer is 409.
    pub confirmed_count: u64,
}

/// How many records a bulk change touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkResult {
    /// Records changed.
    pub changed: u64,
    /// Records left alone because processing is stopped for them.
    pub skipped_stop_processing: u64,
    /// What a reviewer would ask about the change (e.g. Contract without a lawful reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::lawful_reason::ChangeWarning>,
}

/// A record to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRecord {
    /// The module.
    pub module_id: ModuleId,
    /// Standard fields.
    pub fields: RecordFields,
    /// A basis to start with instead of Not Applicable.
    #[serde(default)]
    pub basis: Option<BasisChange>,
}

/// Consent obtained outside Consentry, as it was recorded with one change (by hand, or by
/// another system through the API): when and how the subject gave it, and to which channels.
/// The decision is the change's status after; the evidence is the change's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GivenConsent {
    /// When the subject decided.
    pub date: NaiveDate,
    /// How it was obtained.
    pub through: ConsentThrough,
    /// The channels agreed to (none for a refusal or withdrawal).
    #[serde(default)]
    pub contact_through: Vec<Channel>,
}

/// An immutable consent/basis event: one change of a record's basis or consent status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (user, API key or form name).
    pub actor: String,
    /// Through what.
    pub source: SourceKind,
    /// Basis before; absent when the record had no Data Privacy section yet.
    pub before_basis: Option<LegalBasis>,
    /// Basis after.
    pub after_basis: LegalBasis,
    /// Consent status before.
    pub before_status: Option<ConsentStatus>,
    /// Consent status after.
    pub after_status: Option<ConsentStatus>,
    /// What happened, when the event says more than the change (e.g. "Consent request
    /// delivered"); an event with the same status before and after is such a note.
    #[serde(default)]
    pub detail: Option<String>,
    /// The lawful reason given with this change (each change carries its own; absent when
    /// none was given or the basis takes none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lawful_reason: Option<String>,
    /// The evidence given when consent obtained elsewhere was recorded (the call, the signed
    /// form); absent for other changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// When, how and to which channels consent recorded with this change was given; absent
    /// for other changes (and for consent recorded before this was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<GivenConsent>,
    /// The event's number among the organisation's privacy events (ascending in time).
    #[serde(default)]
    pub id: u64,
}

/// How many records match a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordCount {
    /// The number of matching records.
    pub count: u64,
}

/// Turn compliance on or off for a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModuleCompliance {
    /// Whether the module's records get a Data Privacy section.
    pub compliance_enabled: bool,
}

/// A custom module to add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewModule {
    /// Display name, e.g. "Members"; its key is derived from it (`members`).
    pub name: String,
}

impl NewModule {
    /// The display name, checked: 1–60 characters, no control characters.
    pub fn checked_name(&self) -> Result<String, FieldError> {
        match parse_short_text(&self.name)? {
            None => Err(FieldError::Empty),
            Some(name) if name.chars().count() > 60 => Err(FieldError::TooLong { max: 60 }),
            Some(name) => Ok(name),
        }
    }

    /// The module's key: lower-case letters, digits and hyphens from the name.
    pub fn key(name: &str) -> Option<String> {
        let key = crate::OrgSlug::suggest(name);
        (!key.is_empty()).then_some(key)
    }
}
