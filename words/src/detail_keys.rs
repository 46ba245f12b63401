//! The keys of audit details that have a name of their own.

use consentry_model::Lang;

/// A key of an audit entry's detail that has a name of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKey {
    /// `status`.
    Status,
    /// `state`.
    State,
    /// `delivery`.
    Delivery,
    /// `records`.
    Records,
    /// `module, module_id`.
    Module,
    /// `basis, legal_basis`.
    Basis,
    /// `lawful_reason`.
    LawfulReason,
    /// `name`.
    Name,
    /// `label`.
    Label,
    /// `kind`.
    Kind,
    /// `version`.
    Version,
    /// `source`.
    Source,
    /// `personal`.
    Personal,
    /// `first_name`.
    FirstName,
    /// `last_name`.
    LastName,
    /// `email`.
    Email,
    /// `phone`.
    Phone,
    /// `company`.
    Company,
    /// `form, form_id`.
    Form,
    /// `action`.
    Action,
    /// `webhook`.
    Webhook,
    /// `slug`.
    Slug,
    /// `required`.
    Required,
    /// `requested_on`.
    RequestedOn,
    /// `reason`.
    Reason,
    /// `organisation_name`.
    OrganisationName,
    /// `options`.
    Options,
    /// `id`.
    Id,
    /// `filter`.
    Filter,
    /// `excluded_from`.
    ExcludedFrom,
    /// `due_on, due`.
    DueOn,
    /// `addresses`.
    Addresses,
    /// `url`.
    Url,
    /// `scopes`.
    Scopes,
    /// `prefix`.
    Prefix,
    /// `sign_ups`.
    SignUps,
    /// `messages_deleted`.
    MessagesDeleted,
    /// `record_deleted`.
    RecordDeleted,
    /// `records_stopped`.
    RecordsStopped,
    /// `record, record_id`.
    Record,
    /// `link_expires, expires_at`.
    LinkExpires,
    /// `imported`.
    Imported,
    /// `head`.
    Head,
    /// `format`.
    Format,
    /// `file_name`.
    FileName,
    /// `fields`.
    Fields,
    /// `field`.
    Field,
    /// `events`.
    Events,
    /// `erased_at`.
    ErasedAt,
    /// `entries`.
    Entries,
    /// `encryption`.
    Encryption,
    /// `encrypted`.
    Encrypted,
    /// `double_opt_in`.
    DoubleOptIn,
    /// `decision`.
    Decision,
    /// `confirmation`.
    Confirmation,
    /// `compliance_enabled, enabled`.
    ComplianceEnabled,
    /// `client`.
    Client,
    /// `checkpoint`.
    Checkpoint,
    /// `attempts`.
    Attempts,
    /// `key`.
    Key,
    /// `replayed_ledger_entry`.
    ReplayedLedgerEntry,
    /// `consent`.
    Consent,
    /// `stop_processing`.
    StopProcessing,
    /// `privacy`.
    Privacy,
    /// `date`.
    Date,
    /// `through, updated_through`.
    Through,
    /// `remarks`.
    Remarks,
    /// `contact_through, channels`.
    ContactThrough,
    /// `mail_sent_at`.
    MailSentAt,
    /// `seqs`.
    Seqs,
    /// `request, request_id`.
    Request,
    /// `granted`.
    Granted,
    /// `q`.
    Search,
    /// `waiting_period_days`.
    WaitingPeriodDays,
    /// `processing_while_pending`.
    ProcessingWhilePending,
    /// `retention_days`.
    RetentionDays,
    /// `personal_data`.
    PersonalData,
    /// `exports`.
    Exports,
    /// `origins, allowed_origins`.
    Origins,
    /// `consent_mode`.
    ConsentMode,
    /// `template, template_id`.
    Template,
    /// `profile`.
    Profile,
    /// `contact`.
    Contact,
    /// `street_address`.
    StreetAddress,
    /// `postal_code`.
    PostalCode,
    /// `locality`.
    Locality,
    /// `country`.
    Country,
    /// `text, body_text`.
    Text,
    /// `subject`.
    Subject,
    /// `text_hash`.
    TextHash,
    /// `before_status, before_basis`.
    Before,
    /// `after_status, after_basis`.
    After,
    /// `sender`.
    Sender,
    /// `advice`.
    Advice,
    /// `done`.
    Done,
    /// `handled_through_row`.
    HandledThroughRow,
    /// `processed`.
    Processed,
    /// `refused`.
    Refused,
    /// `skipped`.
    Skipped,
    /// `started_at`.
    StartedAt,
    /// `started_by`.
    StartedBy,
    /// `total`.
    Total,
    /// `found_at`.
    FoundAt,
    /// `evidence`.
    Evidence,
    /// `consent_status`.
    ConsentStatusKey,
    /// `records_changed`.
    RecordsChanged,
    /// `kept`.
    Kept,
    /// `per_reason`.
    PerReason,
    /// `contract_ended_on`.
    ContractEndedOn,
    /// `legal_hold`.
    LegalHoldKey,
    /// `since`.
    Since,
    /// `by`.
    By,
    /// `retention_auto_erase`.
    RetentionAutoErase,
    /// `consent_lifetime_days`.
    ConsentLifetimeDays,
    /// `renewal_grace_days`.
    RenewalGraceDays,
}

impl DetailKey {
    /// The key a stored detail uses.
    pub fn from_code(code: &str) -> Option<DetailKey> {
        use DetailKey::*;
        Some(match code {
            "status" => Status,
            "state" => State,
            "delivery" => Delivery,
            "records" => Records,
            "module" | "module_id" => Module,
            "basis" | "legal_basis" => Basis,
            "lawful_reason" => LawfulReason,
            "name" => Name,
            "label" => Label,
            "kind" => Kind,
            "version" => Version,
            "source" => Source,
            "personal" => Personal,
            "first_name" => FirstName,
            "last_name" => LastName,
            "email" => Email,
            "phone" => Phone,
            "company" => Company,
            "form" | "form_id" => Form,
            "action" => Action,
            "webhook" => Webhook,
            "slug" => Slug,
            "required" => Required,
            "requested_on" => RequestedOn,
            "reason" => Reason,
            "organisation_name" => OrganisationName,
            "options" => Options,
            "id" => Id,
            "filter" => Filter,
            "excluded_from" => ExcludedFrom,
            "due_on" | "due" => DueOn,
            "addresses" => Addresses,
            "url" => Url,
            "scopes" => Scopes,
            "prefix" => Prefix,
            "sign_ups" => SignUps,
            "messages_deleted" => MessagesDeleted,
            "record_deleted" => RecordDeleted,
            "records_stopped" => RecordsStopped,
            "record" | "record_id" => Record,
            "link_expires" | "expires_at" => LinkExpires,
            "imported" => Imported,
            "head" => Head,
            "format" => Format,
            "file_name" => FileName,
            "fields" => Fields,
            "field" => Field,
            "events" => Events,
            "erased_at" => ErasedAt,
            "entries" => Entries,
            "encryption" => Encryption,
            "encrypted" => Encrypted,
            "double_opt_in" => DoubleOptIn,
            "decision" => Decision,
            "confirmation" => Confirmation,
            "compliance_enabled" | "enabled" => ComplianceEnabled,
            "client" => Client,
            "checkpoint" => Checkpoint,
            "attempts" => Attempts,
            "key" => Key,
            "replayed_ledger_entry" => ReplayedLedgerEntry,
            "consent" => Consent,
            "stop_processing" => StopProcessing,
            "privacy" => Privacy,
            "date" => Date,
            "through" | "updated_through" => Through,
            "remarks" => Remarks,
            "contact_through" | "channels" => ContactThrough,
            "mail_sent_at" => MailSentAt,
            "seqs" => Seqs,
            "request" | "request_id" => Request,
            "granted" => Granted,
            "q" => Search,
            "waiting_period_days" => WaitingPeriodDays,
            "processing_while_pending" => ProcessingWhilePending,
            "retention_days" => RetentionDays,
            "personal_data" => PersonalData,
            "exports" => Exports,
            "origins" | "allowed_origins" => Origins,
            "consent_mode" => ConsentMode,
            "template" | "template_id" => Template,
            "profile" => Profile,
            "contact" => Contact,
            "street_address" => StreetAddress,
            "postal_code" => PostalCode,
            "locality" => Locality,
            "country" => Country,
            "text" | "body_text" => Text,
            "subject" => Subject,
            "text_hash" => TextHash,
            "before_status" | "before_basis" => Before,
            "after_status" | "after_basis" => After,
            "sender" => Sender,
            "evidence" => Evidence,
            "consent_status" => ConsentStatusKey,
            "records_changed" => RecordsChanged,
            "advice" => Advice,
            "done" => Done,
            "handled_through_row" => HandledThroughRow,
            "processed" => Processed,
            "refused" => Refused,
            "skipped" => Skipped,
            "started_at" => StartedAt,
            "started_by" => StartedBy,
            "total" => Total,
            "found_at" => FoundAt,
            "kept" => Kept,
            "per_reason" => PerReason,
            "contract_ended_on" => ContractEndedOn,
            "legal_hold" => LegalHoldKey,
            "since" => Since,
            "by" => By,
            "retention_auto_erase" => RetentionAutoErase,
            "consent_lifetime_days" => ConsentLifetimeDays,
            "renewal_grace_days" => RenewalGraceDays,
            _ => return None,
        })
    }
}

/// The label of a key of an audit entry's detail.
pub fn detail_key_name(lang: Lang, key: DetailKey) -> &'static str {
    use DetailKey::*;
    match (lang, key) {
        (Lang::En, Status) => "Status",
        (Lang::En, State) => "Delivery state",
        (Lang::En, Delivery) => "Delivery",
        (Lang::En, Records) => "Records",
        (Lang::En, Module) => "Module",
        (Lang::En, Basis) => "Legal basis",
        (Lang::En, LawfulReason) => "Lawful reason",
        (Lang::En, Name) => "Name",
        (Lang::En, Label) => "Label",
        (Lang::En, Kind) => "Kind",
        (Lang::En, Version) => "Version",
        (Lang::En, Source) => "Source",
        (Lang::En, Personal) => "Personal data",
        (Lang::En, FirstName) => "First name",
        (Lang::En, LastName) => "Last name",
        (Lang::En, Email) => "E-mail address",
        (Lang::En, Phone) => "Phone",
        (Lang::En, Company) => "Company",
        (Lang::En, Form) => "Consent form",
        (Lang::En, Action) => "Step",
        (Lang::En, Webhook) => "Webhook",
        (Lang::En, Slug) => "Web address",
        (Lang::En, Required) => "Required",
        (Lang::En, RequestedOn) => "Requested on",
        (Lang::En, Reason) => "Reason",
        (Lang::En, OrganisationName) => "Organisation",
        (Lang::En, Options) => "Options",
        (Lang::En, Id) => "Identifier",
        (Lang::En, Filter) => "Selection",
        (Lang::En, ExcludedFrom) => "Left out of",
        (Lang::En, DueOn) => "Due on",
        (Lang::En, Addresses) => "E-mail addresses",
        (Lang::En, Url) => "Address (URL)",
        (Lang::En, Scopes) => "Permissions",
        (Lang::En, Prefix) => "Key begins with",
        (Lang::En, SignUps) => "Sign-ups",
        (Lang::En, MessagesDeleted) => "Confirmation mails deleted",
        (Lang::En, RecordDeleted) => "Record deleted",
        (Lang::En, RecordsStopped) => "Records stopped",
        (Lang::En, Record) => "Record",
        (Lang::En, LinkExpires) => "Link valid until",
        (Lang::En, Imported) => "Imported",
        (Lang::En, Head) => "Chain head",
        (Lang::En, Format) => "File format",
        (Lang::En, FileName) => "File name",
        (Lang::En, Fields) => "Fields",
        (Lang::En, Field) => "Field",
        (Lang::En, Events) => "Events",
        (Lang::En, ErasedAt) => "Erased at",
        (Lang::En, Entries) => "Entries",
        (Lang::En, Encryption) => "Encryption",
        (Lang::En, Encrypted) => "Encrypted",
        (Lang::En, DoubleOptIn) => "Double opt-in",
        (Lang::En, Decision) => "Decision",
        (Lang::En, Confirmation) => "Confirmation mail",
        (Lang::En, ComplianceEnabled) => "Compliance on",
        (Lang::En, Client) => "From (network address)",
        (Lang::En, Checkpoint) => "Checkpoint",
        (Lang::En, Attempts) => "Attempts",
        (Lang::En, Key) => "Key",
        (Lang::En, ReplayedLedgerEntry) => "Erasure ledger entry applied again",
        (Lang::En, Consent) => "Consent",
        (Lang::En, StopProcessing) => "Processing stopped",
        (Lang::En, Privacy) => "Data privacy",
        (Lang::En, Date) => "Date",
        (Lang::En, Through) => "Through",
        (Lang::En, Remarks) => "Remarks",
        (Lang::En, ContactThrough) => "May be contacted by",
        (Lang::En, MailSentAt) => "Mail sent at",
        (Lang::En, Seqs) => "Entries (numbers)",
        (Lang::En, Request) => "Request",
        (Lang::En, Granted) => "Purposes agreed to",
        (Lang::En, Search) => "Search",
        (Lang::En, WaitingPeriodDays) => "Waiting period (days)",
        (Lang::En, ProcessingWhilePending) => "Processing while pending",
        (Lang::En, RetentionDays) => "Retention (days)",
        (Lang::En, PersonalData) => "Personal data handling",
        (Lang::En, Exports) => "Exports",
        (Lang::En, Origins) => "Allowed websites",
        (Lang::En, ConsentMode) => "Consent Mode",
        (Lang::En, Template) => "E-mail template",
        (Lang::En, Profile) => "Profile",
        (Lang::En, Contact) => "Contact",
        (Lang::En, StreetAddress) => "Street and number",
        (Lang::En, PostalCode) => "Postal code",
        (Lang::En, Locality) => "Town or city",
        (Lang::En, Country) => "Country code",
        (Lang::En, Text) => "Text",
        (Lang::En, Subject) => "Subject line",
        (Lang::En, TextHash) => "Fingerprint of the wording (SHA-256)",
        (Lang::En, Before) => "Before",
        (Lang::En, After) => "After",
        (Lang::En, Sender) => "Sending process",
        (Lang::En, Evidence) => "Evidence",
        (Lang::En, ConsentStatusKey) => "Consent status",
        (Lang::En, RecordsChanged) => "Records changed",
        (Lang::En, Advice) => "What to do",
        (Lang::En, Done) => "Done",
        (Lang::En, HandledThroughRow) => "Handled through row",
        (Lang::En, Processed) => "Processed",
        (Lang::En, Refused) => "Refused",
        (Lang::En, Skipped) => "Skipped",
        (Lang::En, StartedAt) => "Started at",
        (Lang::En, StartedBy) => "Started by",
        (Lang::En, Total) => "Total",
        (Lang::En, FoundAt) => "Found at",
        (Lang::Nl, Status) => "Stand",
        (Lang::Nl, State) => "Afleverstatus",
        (Lang::Nl, Delivery) => "Aflevering",
        (Lang::Nl, Records) => "Records",
        (Lang::Nl, Module) => "Module",
        (Lang::Nl, Basis) => "Rechtsgrond",
        (Lang::Nl, LawfulReason) => "Grondslagtoelichting",
        (Lang::Nl, Name) => "Naam",
        (Lang::Nl, Label) => "Label",
        (Lang::Nl, Kind) => "Soort",
        (Lang::Nl, Version) => "Versie",
        (Lang::Nl, Source) => "Bron",
        (Lang::Nl, Personal) => "Persoonsgegeven",
        (Lang::Nl, FirstName) => "Voornaam",
        (Lang::Nl, LastName) => "Achternaam",
        (Lang::Nl, Email) => "E-mailadres",
        (Lang::Nl, Phone) => "Telefoon",
        (Lang::Nl, Company) => "Bedrijf",
        (Lang::Nl, Form) => "Toestemmingsformulier",
        (Lang::Nl, Action) => "Stap",
        (Lang::Nl, Webhook) => "Webhook",
        (Lang::Nl, Slug) => "Webadres",
        (Lang::Nl, Required) => "Verplicht",
        (Lang::Nl, RequestedOn) => "Ingediend op",
        (Lang::Nl, Reason) => "Reden",
        (Lang::Nl, OrganisationName) => "Organisatie",
        (Lang::Nl, Options) => "Opties",
        (Lang::Nl, Id) => "Kenmerk",
        (Lang::Nl, Filter) => "Selectie",
        (Lang::Nl, ExcludedFrom) => "Weggelaten uit",
        (Lang::Nl, DueOn) => "Uiterlijk op",
        (Lang::Nl, Addresses) => "E-mailadressen",
        (Lang::Nl, Url) => "Adres (URL)",
        (Lang::Nl, Scopes) => "Rechten",
        (Lang::Nl, Prefix) => "Sleutel begint met",
        (Lang::Nl, SignUps) => "Aanmeldingen",
        (Lang::Nl, MessagesDeleted) => "Bevestigingsmails verwijderd",
        (Lang::Nl, RecordDeleted) => "Record verwijderd",
        (Lang::Nl, RecordsStopped) => "Records gestopt",
        (Lang::Nl, Record) => "Record",
        (Lang::Nl, LinkExpires) => "Link geldig tot",
        (Lang::Nl, Imported) => "Geïmporteerd",
        (Lang::Nl, Head) => "Kop van de keten",
        (Lang::Nl, Format) => "Bestandsformaat",
        (Lang::Nl, FileName) => "Bestandsnaam",
        (Lang::Nl, Fields) => "Velden",
        (Lang::Nl, Field) => "Veld",
        (Lang::Nl, Events) => "Gebeurtenissen",
        (Lang::Nl, ErasedAt) => "Gewist op",
        (Lang::Nl, Entries) => "Regels",
        (Lang::Nl, Encryption) => "Versleuteling",
        (Lang::Nl, Encrypted) => "Versleuteld",
        (Lang::Nl, DoubleOptIn) => "Dubbele bevestiging",
        (Lang::Nl, Decision) => "Besluit",
        (Lang::Nl, Confirmation) => "Bevestigingsmail",
        (Lang::Nl, ComplianceEnabled) => "Naleving aan",
        (Lang::Nl, Client) => "Vanaf (netwerkadres)",
        (Lang::Nl, Checkpoint) => "Controlepunt",
        (Lang::Nl, Attempts) => "Pogingen",
        (Lang::Nl, Key) => "Sleutel",
        (Lang::Nl, ReplayedLedgerEntry) => "Opnieuw toegepaste regel van het wisregister",
        (Lang::Nl, Consent) => "Toestemming",
        (Lang::Nl, StopProcessing) => "Verwerking gestopt",
        (Lang::Nl, Privacy) => "Gegevensbescherming",
        (Lang::Nl, Date) => "Datum",
        (Lang::Nl, Through) => "Via",
        (Lang::Nl, Remarks) => "Opmerkingen",
        (Lang::Nl, ContactThrough) => "Mag benaderd worden via",
        (Lang::Nl, MailSentAt) => "Mail verstuurd op",
        (Lang::Nl, Seqs) => "Regels (nummers)",
        (Lang::Nl, Request) => "Verzoek",
        (Lang::Nl, Granted) => "Doelen ingestemd",
        (Lang::Nl, Search) => "Zoektekst",
        (Lang::Nl, WaitingPeriodDays) => "Wachttijd (dagen)",
        (Lang::Nl, ProcessingWhilePending) => "Verwerken tijdens wachten",
        (Lang::Nl, RetentionDays) => "Bewaartermijn (dagen)",
        (Lang::Nl, PersonalData) => "Omgang met persoonsgegevens",
        (Lang::Nl, Exports) => "Exports",
        (Lang::Nl, Origins) => "Toegestane websites",
        (Lang::Nl, ConsentMode) => "Consent Mode",
        (Lang::Nl, Template) => "E-mailsjabloon",
        (Lang::Nl, Profile) => "Profiel",
        (Lang::Nl, Contact) => "Contact",
        (Lang::Nl, StreetAddress) => "Straat en huisnummer",
        (Lang::Nl, PostalCode) => "Postcode",
        (Lang::Nl, Locality) => "Plaats",
        (Lang::Nl, Country) => "Landcode",
        (Lang::Nl, Text) => "Tekst",
        (Lang::Nl, Subject) => "Onderwerpregel",
        (Lang::Nl, TextHash) => "Vingerafdruk van de tekst (SHA-256)",
        (Lang::Nl, Before) => "Ervoor",
        (Lang::Nl, After) => "Erna",
        (Lang::Nl, Sender) => "Verzendend proces",
        (Lang::Nl, Evidence) => "Bewijs",
        (Lang::Nl, ConsentStatusKey) => "Toestemmingsstatus",
        (Lang::Nl, RecordsChanged) => "Gewijzigde records",
        (Lang::Nl, Advice) => "Wat te doen",
        (Lang::Nl, Done) => "Gedaan",
        (Lang::Nl, HandledThroughRow) => "Verwerkt tot en met rij",
        (Lang::Nl, Processed) => "Verwerkt",
        (Lang::Nl, Refused) => "Geweigerd",
        (Lang::Nl, Skipped) => "Overgeslagen",
        (Lang::Nl, StartedAt) => "Gestart op",
        (Lang::Nl, StartedBy) => "Gestart door",
        (Lang::Nl, Total) => "Totaal",
        (Lang::Nl, FoundAt) => "Gevonden op",
        (Lang::En, Kept) => "Kept",
        (Lang::En, PerReason) => "Per reason",
        (Lang::En, ContractEndedOn) => "Contract ended on",
        (Lang::En, LegalHoldKey) => "Legal hold",
        (Lang::En, Since) => "Since",
        (Lang::En, By) => "By",
        (Lang::En, RetentionAutoErase) => "Erase lapsed records automatically",
        (Lang::En, ConsentLifetimeDays) => "Consent lifetime (days)",
        (Lang::En, RenewalGraceDays) => "Grace period for renewal (days)",
        (Lang::Nl, Kept) => "Behouden",
        (Lang::Nl, PerReason) => "Per reden",
        (Lang::Nl, ContractEndedOn) => "Contract beëindigd op",
        (Lang::Nl, LegalHoldKey) => "Bewaarplicht",
        (Lang::Nl, Since) => "Sinds",
        (Lang::Nl, By) => "Door",
        (Lang::Nl, RetentionAutoErase) => "Verlopen records automatisch wissen",
        (Lang::Nl, ConsentLifetimeDays) => "Geldigheidsduur van toestemming (dagen)",
        (Lang::Nl, RenewalGraceDays) => "Respijttermijn voor vernieuwing (dagen)",
    }
}
