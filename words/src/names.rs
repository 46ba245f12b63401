//! The names of the vocabulary (legal bases, statuses, channels, profiles, …) and of the
//! notes Consentry writes, in the reader's language.

use consentry_model::{
    ConsentStatus, FieldError, Lang, LegalBasis, Permission, Profile,
    fields::{Field, FieldKind, Personal, StandardField},
    forms::PurposeCategory,
    handling::Exclusion,
    records::{Channel, ConsentThrough, RecordedDecision, SourceKind},
    requests::{RequestSource, RequestStatus, RequestType},
    widget::{RegionRule, VisitorChoice},
};

use crate::catalogue::{Msg, text};

/// A profile's name.
pub fn profile_name(lang: Lang, profile: Profile) -> &'static str {
    match (lang, profile) {
        (Lang::En, Profile::Administrator) => "Administrator",
        (Lang::En, Profile::Standard) => "Standard",
        (Lang::En, Profile::ReadOnly) => "Read only",
        (Lang::Nl, Profile::Administrator) => "Beheerder",
        (Lang::Nl, Profile::Standard) => "Standaard",
        (Lang::Nl, Profile::ReadOnly) => "Alleen lezen",
    }
}

/// A permission's name. The English names follow Zoho's ("Manage Compliance Settings") so
/// that privacy officers coming from there recognise them.
pub fn permission_name(lang: Lang, permission: Permission) -> &'static str {
    match (lang, permission) {
        (Lang::En, p) => p.label(),
        (Lang::Nl, Permission::ManageComplianceSettings) => "Nalevingsinstellingen beheren",
        (Lang::Nl, Permission::ManageUsers) => "Gebruikers beheren",
        (Lang::Nl, Permission::ViewRecords) => "Records bekijken",
        (Lang::Nl, Permission::EditRecords) => "Records bewerken",
        (Lang::Nl, Permission::ViewSensitiveFields) => "Gevoelige velden bekijken",
        (Lang::Nl, Permission::ManageEncryption) => "Versleuteling beheren",
        (Lang::Nl, Permission::ManageApiKeys) => "API-sleutels beheren",
    }
}

/// Why a field's value was refused, in `lang`.
pub fn field_error(lang: Lang, error: FieldError) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Nl => match error {
            FieldError::Empty => "Vul dit veld in.".into(),
            FieldError::TooLong { max } => format!("Gebruik hoogstens {max} tekens."),
            FieldError::TooShort { min } => format!("Gebruik minstens {min} tekens."),
            FieldError::Email => "Vul een e-mailadres in, zoals naam@voorbeeld.nl.".into(),
            FieldError::ControlCharacters => "Verwijder regeleinden en andere stuurtekens.".into(),
            FieldError::ControlCharactersInLines => {
                "Verwijder stuurtekens zoals NUL; regeleinden en tabs mogen hier wel.".into()
            }
            FieldError::InvisibleCharacter { code_point } => format!(
                "Verwijder het onzichtbare teken U+{code_point:04X}: tekens zonder breedte, \
                 schrijfrichtingstekens en andere onzichtbare opmaaktekens kunnen verbergen of \
                 omkeren wat een lezer ziet."
            ),
            FieldError::NothingVisible => {
                "Vul tekst in die te zien is: hier staan alleen spaties of lege tekens.".into()
            }
            FieldError::LoneMark { code_point } => format!(
                "Verwijder het teken U+{code_point:04X} of zet het na de letter waar het bij hoort: \
                 los wordt het over het voorgaande heen getekend."
            ),
            FieldError::Slug => {
                "Gebruik 2 tot 63 kleine letters, cijfers en enkele koppeltekens, zoals acme-bv."
                    .into()
            }
            FieldError::OutOfRange { min, max } => format!("Kies een getal van {min} tot {max}."),
            FieldError::Phone => {
                "Gebruik alleen cijfers, spaties en + - ( ), zoals +31 20 123 4567.".into()
            }
            FieldError::NotAllowed => "Laat dit leeg bij de gekozen optie.".into(),
            FieldError::ConsentDate => {
                "Vul de dag in waarop toestemming is gegeven: vanaf 1900-01-01 tot en met vandaag."
                    .into()
            }
            FieldError::ReceivedDate => {
                "Vul de dag in waarop het verzoek binnenkwam: vanaf 2018-05-25, toen de AVG van \
                 toepassing werd, tot en met vandaag."
                    .into()
            }
            FieldError::FutureTime => {
                "Geef een tijd die al voorbij is (UTC): records die sindsdien een \
                 toestemmingsverzoek kregen, worden overgeslagen."
                    .into()
            }
            FieldError::NotPublished => {
                "Kies een gepubliceerd formulier: dit bestaat niet of is nog niet gepubliceerd."
                    .into()
            }
            FieldError::Number => "Vul een getal in, zoals 42 of 3,5.".into(),
            FieldError::Date => "Vul een datum in als JJJJ-MM-DD, zoals 2026-05-25.".into(),
            FieldError::Boolean => "Vul ja of nee in.".into(),
            FieldError::NotAnOption => "Kies een van de genoemde opties.".into(),
            FieldError::UnknownField => "Deze module heeft zo'n veld niet.".into(),
            FieldError::Duplicate => "Dit is al in gebruik; kies iets anders.".into(),
            FieldError::Text => "Vul hier tekst in.".into(),
            FieldError::HttpsUrl { max } => format!(
                "Vul een webadres in dat met https:// begint, zoals \
                 https://voorbeeld.nl/privacy, van hoogstens {max} tekens zonder spaties of \
                 aanhalingstekens."
            ),
        },
    }
}

/// A legal basis's name (Zoho's English names; the Dutch of the AVG).
pub fn basis_name(lang: Lang, basis: LegalBasis) -> &'static str {
    use LegalBasis::*;
    match (lang, basis) {
        (Lang::En, NotApplicable) => "Not Applicable",
        (Lang::En, Consent) => "Consent",
        (Lang::En, Contract) => "Contract",
        (Lang::En, LegalObligation) => "Legal Obligation",
        (Lang::En, VitalInterests) => "Vital Interests",
        (Lang::En, PublicInterests) => "Public Interests",
        (Lang::En, LegitimateInterests) => "Legitimate Interests",
        (Lang::Nl, NotApplicable) => "Niet van toepassing",
        (Lang::Nl, Consent) => "Toestemming",
        (Lang::Nl, Contract) => "Overeenkomst",
        (Lang::Nl, LegalObligation) => "Wettelijke verplichting",
        (Lang::Nl, VitalInterests) => "Vitale belangen",
        (Lang::Nl, PublicInterests) => "Algemeen belang",
        (Lang::Nl, LegitimateInterests) => "Gerechtvaardigd belang",
    }
}

/// A consent status's name.
pub fn status_name(lang: Lang, status: ConsentStatus) -> &'static str {
    use ConsentStatus::*;
    match (lang, status) {
        (Lang::En, Pending) => "Pending",
        (Lang::En, Waiting) => "Waiting",
        (Lang::En, Obtained) => "Obtained",
        (Lang::En, Denied) => "Denied",
        (Lang::En, NotResponded) => "Not Responded",
        (Lang::En, Withdrawn) => "Withdrawn",
        (Lang::Nl, Pending) => "In behandeling",
        (Lang::Nl, Waiting) => "Wachten",
        (Lang::Nl, Obtained) => "Verkregen",
        (Lang::Nl, Denied) => "Geweigerd",
        (Lang::Nl, NotResponded) => "Niet gereageerd",
        (Lang::Nl, Withdrawn) => "Ingetrokken",
    }
}

/// A contact channel's name.
pub fn channel_name(lang: Lang, channel: Channel) -> &'static str {
    match (lang, channel) {
        (_, Channel::Email) => "E-mail",
        (Lang::En, Channel::Phone) => "Phone",
        (Lang::En, Channel::Survey) => "Survey",
        (Lang::En, Channel::Social) => "Social",
        (Lang::Nl, Channel::Phone) => "Telefoon",
        (Lang::Nl, Channel::Survey) => "Enquête",
        (Lang::Nl, Channel::Social) => "Sociale media",
    }
}

/// A decision recorded from elsewhere (or answered on the hosted page), named.
pub fn decision_name(lang: Lang, decision: RecordedDecision) -> &'static str {
    match (lang, decision) {
        (Lang::En, RecordedDecision::Granted) => "Consent given",
        (Lang::En, RecordedDecision::Refused) => "Refused",
        (Lang::En, RecordedDecision::Withdrawn) => "Withdrawn",
        (Lang::Nl, RecordedDecision::Granted) => "Toestemming gegeven",
        (Lang::Nl, RecordedDecision::Refused) => "Geweigerd",
        (Lang::Nl, RecordedDecision::Withdrawn) => "Ingetrokken",
    }
}

/// How a visitor answered the banner, named.
pub fn choice_name(lang: Lang, choice: VisitorChoice) -> &'static str {
    match (lang, choice) {
        (Lang::En, VisitorChoice::AcceptedAll) => "Accepted all",
        (Lang::En, VisitorChoice::RejectedAll) => "Rejected all",
        (Lang::En, VisitorChoice::Customised) => "Chose per purpose",
        (Lang::Nl, VisitorChoice::AcceptedAll) => "Alles geaccepteerd",
        (Lang::Nl, VisitorChoice::RejectedAll) => "Alles geweigerd",
        (Lang::Nl, VisitorChoice::Customised) => "Per doel gekozen",
    }
}

/// What a widget shows a visitor by region, named.
pub fn rule_name(lang: Lang, rule: RegionRule) -> &'static str {
    match (lang, rule) {
        (Lang::En, RegionRule::OptIn) => "Opt-in banner",
        (Lang::En, RegionRule::OptOut) => "Opt-out notice (US states)",
        (Lang::En, RegionRule::Notice) => "Notice",
        (Lang::En, RegionRule::Nothing) => "Nothing",
        (Lang::Nl, RegionRule::OptIn) => "Banner met toestemming vooraf",
        (Lang::Nl, RegionRule::OptOut) => "Opt-outmelding (Amerikaanse staten)",
        (Lang::Nl, RegionRule::Notice) => "Melding",
        (Lang::Nl, RegionRule::Nothing) => "Niets",
    }
}

/// What a purpose is used for, named.
pub fn category_name(lang: Lang, category: PurposeCategory) -> &'static str {
    match (lang, category) {
        (Lang::En, PurposeCategory::General) => "Other (newsletter, functional)",
        (Lang::En, PurposeCategory::Analytics) => "Analytics",
        (Lang::En, PurposeCategory::Advertising) => "Advertising",
        (Lang::En, PurposeCategory::SaleOrSharing) => "Selling or sharing data",
        (Lang::Nl, PurposeCategory::General) => "Overig (nieuwsbrief, functioneel)",
        (Lang::Nl, PurposeCategory::Analytics) => "Statistieken",
        (Lang::Nl, PurposeCategory::Advertising) => "Advertenties",
        (Lang::Nl, PurposeCategory::SaleOrSharing) => "Verkopen of delen van gegevens",
    }
}

/// How consent was obtained, named.
pub fn through_name(lang: Lang, through: ConsentThrough) -> &'static str {
    use ConsentThrough::*;
    match (lang, through) {
        (Lang::En, ConsentForm) => "Consent form",
        (Lang::En, WebForm) => "Web form or widget",
        (Lang::En, Email) => "E-mail",
        (Lang::En, Phone) => "Phone",
        (Lang::En, InPerson) => "In person",
        (Lang::En, Portal) => "Portal",
        (Lang::En, Import) => "Import",
        (Lang::En, Api) => "API",
        (Lang::Nl, ConsentForm) => "Toestemmingsformulier",
        (Lang::Nl, WebForm) => "Webformulier of widget",
        (Lang::Nl, Email) => "E-mail",
        (Lang::Nl, Phone) => "Telefoon",
        (Lang::Nl, InPerson) => "Persoonlijk",
        (Lang::Nl, Portal) => "Portaal",
        (Lang::Nl, Import) => "Import",
        (Lang::Nl, Api) => "API",
    }
}

/// A data source's name.
pub fn source_name(lang: Lang, source: SourceKind) -> &'static str {
    use SourceKind::*;
    match (lang, source) {
        (Lang::En, Manual) => "Manual",
        (Lang::En, Import) => "Import",
        (Lang::En, Api) => "API",
        (Lang::En, ConsentForm) => "Consent form",
        (Lang::En, Email) => "E-mail",
        (Lang::Nl, Manual) => "Handmatig",
        (Lang::Nl, Import) => "Import",
        (Lang::Nl, Api) => "API",
        (Lang::Nl, ConsentForm) => "Toestemmingsformulier",
        (Lang::Nl, Email) => "E-mail",
    }
}

/// A standard field's label.
pub fn standard_field_name(lang: Lang, field: StandardField) -> &'static str {
    text(
        lang,
        match field {
            StandardField::FirstName => Msg::FirstName,
            StandardField::LastName => Msg::LastName,
            StandardField::Email => Msg::Email,
            StandardField::Phone => Msg::Phone,
            StandardField::Company => Msg::Company,
            StandardField::Country => Msg::Country,
        },
    )
}

/// A field's label: a standard field's in `lang`, a custom field's as its administrator
/// wrote it.
pub fn field_label(lang: Lang, field: &Field) -> String {
    match StandardField::from_key(&field.key).filter(|_| field.standard) {
        Some(standard) => standard_field_name(lang, standard).to_owned(),
        None => field.label.clone(),
    }
}

/// A field kind's name.
pub fn field_kind_name(lang: Lang, kind: FieldKind) -> &'static str {
    use FieldKind::*;
    match (lang, kind) {
        (Lang::En, Text) => "Text",
        (Lang::En, Email) => "E-mail address",
        (Lang::En, Phone) => "Phone number",
        (Lang::En, Number) => "Number",
        (Lang::En, Date) => "Date",
        (Lang::En, Boolean) => "Yes/no",
        (Lang::En, Picklist) => "Picklist",
        (Lang::Nl, Text) => "Tekst",
        (Lang::Nl, Email) => "E-mailadres",
        (Lang::Nl, Phone) => "Telefoonnummer",
        (Lang::Nl, Number) => "Getal",
        (Lang::Nl, Date) => "Datum",
        (Lang::Nl, Boolean) => "Ja/nee",
        (Lang::Nl, Picklist) => "Keuzelijst",
    }
}

/// A personal-data classification's name.
pub fn personal_name(lang: Lang, personal: Personal) -> &'static str {
    use Personal::*;
    match (lang, personal) {
        (Lang::En, NotPersonal) => "Not personal",
        (Lang::En, Normal) => "Personal",
        (Lang::En, Sensitive) => "Sensitive personal",
        (Lang::Nl, NotPersonal) => "Niet persoonlijk",
        (Lang::Nl, Normal) => "Persoonlijk",
        (Lang::Nl, Sensitive) => "Gevoelig persoonlijk",
    }
}

/// A data-subject request type's name (the rights of GDPR articles 15–21).
pub fn request_type_name(lang: Lang, kind: RequestType) -> &'static str {
    use RequestType::*;
    match (lang, kind) {
        (Lang::En, Access) => "Access",
        (Lang::En, Rectification) => "Rectification",
        (Lang::En, Portability) => "Portability",
        (Lang::En, Erasure) => "Erasure",
        (Lang::En, StopProcessing) => "Stop processing",
        (Lang::En, Objection) => "Objection",
        (Lang::Nl, Access) => "Inzage",
        (Lang::Nl, Rectification) => "Rectificatie",
        (Lang::Nl, Portability) => "Overdraagbaarheid",
        (Lang::Nl, Erasure) => "Wissen",
        (Lang::Nl, StopProcessing) => "Stoppen van verwerking",
        (Lang::Nl, Objection) => "Bezwaar",
    }
}

/// How a request arrived.
pub fn request_source_name(lang: Lang, source: RequestSource) -> &'static str {
    use RequestSource::*;
    match (lang, source) {
        (Lang::En, Email) => "E-mail",
        (Lang::En, Phone) => "Phone",
        (Lang::En, InPerson) => "In person",
        (Lang::En, Portal) => "Privacy centre",
        (Lang::En, Api) => "API",
        (Lang::Nl, Email) => "E-mail",
        (Lang::Nl, Phone) => "Telefoon",
        (Lang::Nl, InPerson) => "Persoonlijk",
        (Lang::Nl, Portal) => "Privacycentrum",
        (Lang::Nl, Api) => "API",
    }
}

/// Where a request stands.
pub fn request_status_name(lang: Lang, status: RequestStatus) -> &'static str {
    use RequestStatus::*;
    match (lang, status) {
        (Lang::En, Received) => "Received",
        (Lang::En, Verified) => "Verified",
        (Lang::En, InProgress) => "In progress",
        (Lang::En, Completed) => "Completed",
        (Lang::En, Rejected) => "Rejected",
        (Lang::Nl, Received) => "Ontvangen",
        (Lang::Nl, Verified) => "Geverifieerd",
        (Lang::Nl, InProgress) => "In uitvoering",
        (Lang::Nl, Completed) => "Afgehandeld",
        (Lang::Nl, Rejected) => "Afgewezen",
    }
}

/// A record-list order's name.
pub fn sort_name(lang: Lang, sort: consentry_model::records::RecordSort) -> &'static str {
    use consentry_model::records::RecordSort::*;
    match (lang, sort) {
        (Lang::En, Newest) => "Newest first",
        (Lang::En, Oldest) => "Oldest first",
        (Lang::En, LastName) => "Last name (A–Z)",
        (Lang::Nl, Newest) => "Nieuwste eerst",
        (Lang::Nl, Oldest) => "Oudste eerst",
        (Lang::Nl, LastName) => "Achternaam (A–Z)",
    }
}

/// A CSV separator's name, saying which Excel reads it.
pub fn separator_name(
    lang: Lang,
    separator: consentry_model::exports::CsvSeparator,
) -> &'static str {
    use consentry_model::exports::CsvSeparator::*;
    match (lang, separator) {
        (Lang::En, Comma) => "Comma (,)",
        (Lang::En, Semicolon) => "Semicolon (;), for Excel in Dutch",
        (Lang::Nl, Comma) => "Komma (,)",
        (Lang::Nl, Semicolon) => "Puntkomma (;), voor Excel in het Nederlands",
    }
}

/// An audited action's name.
pub fn audit_action_name(lang: Lang, action: consentry_model::audit::AuditAction) -> &'static str {
    use consentry_model::audit::AuditAction::*;
    match (lang, action) {
        (Lang::En, SignedIn) => "Signed in",
        (Lang::En, SettingsChanged) => "Compliance settings changed",
        (Lang::En, ModuleCreated) => "Module added",
        (Lang::En, ModuleComplianceChanged) => "Module compliance switched",
        (Lang::En, FieldCreated) => "Field added",
        (Lang::En, FieldChanged) => "Field changed",
        (Lang::En, FieldDeleted) => "Field removed",
        (Lang::En, RecordCreated) => "Record created",
        (Lang::En, RecordUpdated) => "Record updated",
        (Lang::En, RecordDeleted) => "Record deleted",
        (Lang::En, BasisChanged) => "Legal basis changed",
        (Lang::En, BasisChangedInBulk) => "Legal basis changed in bulk",
        (Lang::En, RecordsImported) => "Records imported",
        (Lang::En, JobInterrupted) => "Background job interrupted by a server stop",
        (Lang::En, RequestCreated) => "Data subject request filed",
        (Lang::En, RequestChanged) => "Data-subject request handled",
        (Lang::En, RequestCompleted) => "Data-subject request completed",
        (Lang::En, SubjectErased) => "Data subject erased",
        (Lang::En, RetentionErased) => "Lapsed records erased (retention)",
        (Lang::En, RecordRetentionChanged) => "Legal hold or contract end changed",
        (Lang::En, FieldEncryptionChanged) => "Field encryption switched",
        (Lang::En, ValueRevealed) => "Sensitive value revealed",
        (Lang::En, RecordsExported) => "Records exported",
        (Lang::En, ApiKeyCreated) => "API key created",
        (Lang::En, ApiKeyRevoked) => "API key revoked",
        (Lang::En, WebhookCreated) => "Webhook subscribed",
        (Lang::En, WebhookDeleted) => "Webhook removed",
        (Lang::En, WebhookDeliveryRetried) => "Dead webhook delivery retried",
        (Lang::En, ErasureConfirmed) => "Erasure confirmation mail (message not kept)",
        (Lang::En, DataRequestLinkSent) => "Data request link sent",
        (Lang::En, ProcessingStopped) => "Processing stopped",
        (Lang::En, ProcessingResumed) => "Processing resumed",
        (Lang::En, FormCreated) => "Consent form created",
        (Lang::En, FormDraftSaved) => "Consent form draft saved",
        (Lang::En, FormPublished) => "Consent form published",
        (Lang::En, ConsentRequested) => "Consent request made",
        (Lang::En, MessageRetried) => "Undelivered message retried",
        (Lang::En, MessageHandedOver) => "Message handed over to be sent by hand",
        (Lang::En, ConsentAnswered) => "Consent answered by the data subject",
        (Lang::En, ConsentRecorded) => "Consent recorded by another system",
        (Lang::En, FormSignUpChanged) => "Consent form sign-up settings changed",
        (Lang::En, FormWidgetChanged) => "Consent form widget settings changed",
        (Lang::En, SignedUp) => "Signed up through a consent form",
        (Lang::En, SignUpForgotten) => "Unconfirmed sign-up deleted after the waiting period",
        (Lang::En, TemplateCreated) => "E-mail template created",
        (Lang::En, TemplateChanged) => "E-mail template changed",
        (Lang::En, TemplateDeleted) => "E-mail template deleted",
        (Lang::En, OrganisationCreated) => "Organisation created",
        (Lang::En, AuditRedacted) => "Details redacted",
        (Lang::En, ChainResealed) => "Chain hashed anew (details moved out)",
        (Lang::Nl, SignedIn) => "Ingelogd",
        (Lang::Nl, SettingsChanged) => "Nalevingsinstellingen gewijzigd",
        (Lang::Nl, ModuleCreated) => "Module toegevoegd",
        (Lang::Nl, ModuleComplianceChanged) => "Naleving van module omgezet",
        (Lang::Nl, FieldCreated) => "Veld toegevoegd",
        (Lang::Nl, FieldChanged) => "Veld gewijzigd",
        (Lang::Nl, FieldDeleted) => "Veld verwijderd",
        (Lang::Nl, RecordCreated) => "Record aangemaakt",
        (Lang::Nl, RecordUpdated) => "Record bijgewerkt",
        (Lang::Nl, RecordDeleted) => "Record verwijderd",
        (Lang::Nl, BasisChanged) => "Wettelijke grondslag gewijzigd",
        (Lang::Nl, BasisChangedInBulk) => "Wettelijke grondslag in bulk gewijzigd",
        (Lang::Nl, RecordsImported) => "Records geïmporteerd",
        (Lang::Nl, JobInterrupted) => "Achtergrondtaak onderbroken doordat de server stopte",
        (Lang::Nl, RequestCreated) => "Verzoek van betrokkene geregistreerd",
        (Lang::Nl, RequestChanged) => "Verzoek van betrokkene behandeld",
        (Lang::Nl, RequestCompleted) => "Verzoek van betrokkene afgehandeld",
        (Lang::Nl, SubjectErased) => "Gegevens van betrokkene gewist",
        (Lang::Nl, RetentionErased) => "Verlopen records gewist (bewaartermijn)",
        (Lang::Nl, RecordRetentionChanged) => "Bewaarplicht of einde contract gewijzigd",
        (Lang::Nl, FieldEncryptionChanged) => "Versleuteling van veld omgezet",
        (Lang::Nl, ValueRevealed) => "Gevoelige waarde getoond",
        (Lang::Nl, RecordsExported) => "Records geëxporteerd",
        (Lang::Nl, ApiKeyCreated) => "API-sleutel aangemaakt",
        (Lang::Nl, ApiKeyRevoked) => "API-sleutel ingetrokken",
        (Lang::Nl, WebhookCreated) => "Webhook aangemaakt",
        (Lang::Nl, WebhookDeleted) => "Webhook verwijderd",
        (Lang::Nl, WebhookDeliveryRetried) => "Onafgeleverde webhooklevering opnieuw geprobeerd",
        (Lang::Nl, ErasureConfirmed) => "Bevestigingsmail over het wissen (bericht niet bewaard)",
        (Lang::Nl, DataRequestLinkSent) => "Link voor verzoeken verstuurd",
        (Lang::Nl, ProcessingStopped) => "Verwerking gestopt",
        (Lang::Nl, ProcessingResumed) => "Verwerking hervat",
        (Lang::Nl, FormCreated) => "Toestemmingsformulier aangemaakt",
        (Lang::Nl, FormDraftSaved) => "Concept van toestemmingsformulier opgeslagen",
        (Lang::Nl, FormPublished) => "Toestemmingsformulier gepubliceerd",
        (Lang::Nl, ConsentRequested) => "Toestemmingsverzoek gemaakt",
        (Lang::Nl, MessageRetried) => "Niet afgeleverd bericht opnieuw geprobeerd",
        (Lang::Nl, MessageHandedOver) => "Bericht overgedragen om zelf te versturen",
        (Lang::Nl, ConsentAnswered) => "Toestemming beantwoord door betrokkene",
        (Lang::Nl, ConsentRecorded) => "Toestemming vastgelegd door ander systeem",
        (Lang::Nl, FormSignUpChanged) => "Aanmeldinstellingen van toestemmingsformulier gewijzigd",
        (Lang::Nl, FormWidgetChanged) => "Widgetinstellingen van toestemmingsformulier gewijzigd",
        (Lang::Nl, SignedUp) => "Aangemeld via een toestemmingsformulier",
        (Lang::Nl, SignUpForgotten) => "Onbevestigde aanmelding verwijderd na de wachttijd",
        (Lang::Nl, TemplateCreated) => "E-mailsjabloon aangemaakt",
        (Lang::Nl, TemplateChanged) => "E-mailsjabloon gewijzigd",
        (Lang::Nl, TemplateDeleted) => "E-mailsjabloon verwijderd",
        (Lang::Nl, OrganisationCreated) => "Organisatie aangemaakt",
        (Lang::Nl, AuditRedacted) => "Details verwijderd",
        (Lang::Nl, ChainResealed) => "Keten opnieuw gehasht (details apart gezet)",
    }
}

/// Who did something, in the reader's language: the names the server writes for the data
/// subject and for Consentry itself are translated; a user, an API key or a form is shown as
/// stored.
pub fn actor_name(lang: Lang, stored: &str) -> String {
    use consentry_model::audit::Actor;
    let Some(actor) = Actor::from_stored(stored) else {
        return stored.to_owned();
    };
    match (lang, actor) {
        (Lang::En, Actor::DataSubject) => "Data subject",
        (Lang::En, Actor::VerifiedEmail) => "Data subject (e-mail address verified)",
        (Lang::En, Actor::System) => "Consentry (automatic)",
        (Lang::Nl, Actor::DataSubject) => "Betrokkene",
        (Lang::Nl, Actor::VerifiedEmail) => "Betrokkene (e-mailadres geverifieerd)",
        (Lang::Nl, Actor::System) => "Consentry (automatisch)",
    }
    .to_owned()
}

/// A request's requester, in the reader's language when an erasure replaced them by a keyed
/// hash.
pub fn requester_name(lang: Lang, requested_by: &str) -> String {
    match consentry_model::audit::erased_requester(requested_by) {
        Some(hash) => match lang {
            Lang::En => format!("Erased (code {hash})"),
            Lang::Nl => format!("Gewist (code {hash})"),
        },
        None => requested_by.to_owned(),
    }
}

/// A module's name: a built-in module still under its first name in the reader's language.
pub fn module_name(lang: Lang, module: &consentry_model::records::Module) -> String {
    match module.builtin_kind() {
        None => module.name.clone(),
        Some(builtin) => builtin_name(lang, builtin).to_owned(),
    }
}

fn builtin_name(lang: Lang, builtin: consentry_model::records::BuiltinModule) -> &'static str {
    use consentry_model::records::BuiltinModule;
    match (lang, builtin) {
        (Lang::En, builtin) => builtin.default_name(),
        (Lang::Nl, BuiltinModule::Leads) => "Leads",
        (Lang::Nl, BuiltinModule::Contacts) => "Contactpersonen",
        (Lang::Nl, BuiltinModule::Vendors) => "Leveranciers",
    }
}

/// A module named by its key in an audit detail: a built-in one's name in the reader's
/// language; `None` for a custom module's key (shown as it is).
pub fn builtin_module_name(lang: Lang, key: &str) -> Option<String> {
    consentry_model::records::BuiltinModule::ALL
        .into_iter()
        .find(|builtin| builtin.key() == key)
        .map(|builtin| builtin_name(lang, builtin).to_owned())
}

/// What a message to a requester told them.
pub fn notice_name(lang: Lang, notice: consentry_model::requests::RequestNotice) -> &'static str {
    use consentry_model::requests::RequestNotice::*;
    match (lang, notice) {
        (Lang::En, Extended) => "More time needed (extension)",
        (Lang::En, Refused) => "Request refused",
        (Lang::En, Completed) => "Request carried out",
        (Lang::En, ExportReady) => "Data export ready (download link)",
        (Lang::Nl, Extended) => "Meer tijd nodig (verlenging)",
        (Lang::Nl, Refused) => "Verzoek afgewezen",
        (Lang::Nl, Completed) => "Verzoek afgehandeld",
        (Lang::Nl, ExportReady) => "Gegevensexport klaar (downloadlink)",
    }
}

/// A number of delivery attempts, with the noun in singular or plural.
pub fn attempt_count(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 attempt".to_owned(),
        (Lang::En, n) => format!("{n} attempts"),
        (Lang::Nl, 1) => "1 poging".to_owned(),
        (Lang::Nl, n) => format!("{n} pogingen"),
    }
}

/// A number of records, with the noun in singular or plural.
pub fn record_count(lang: Lang, n: u64) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 record".to_owned(),
        (Lang::En, n) => format!("{n} records"),
        (Lang::Nl, 1) => "1 record".to_owned(),
        (Lang::Nl, n) => format!("{n} records"),
    }
}

/// A data source's detail or a history note in the reader's language: what Consentry wrote
/// (see [`SourceNote`](consentry_model::notes::SourceNote)) is said anew; anything else (a file
/// name, a user's reason) is shown as it is.
pub fn detail_text(lang: Lang, detail: &str) -> String {
    use consentry_model::notes::{FormAnswer, MessageNoun, SourceNote};
    let Some(note) = SourceNote::parse(detail) else {
        return crate::audit_detail::reason_text(lang, detail).unwrap_or_else(|| detail.to_owned());
    };
    if lang == Lang::En {
        return note.english();
    }
    let noun = |noun: MessageNoun| match noun {
        MessageNoun::ConsentRequest => "Toestemmingsverzoek",
        MessageNoun::SignUpConfirmation => "Bevestiging van aanmelding",
        MessageNoun::Message => "Bericht",
    };
    let answer = |a: &FormAnswer, what: &str| {
        let address = a
            .address
            .as_deref()
            .map(|a| format!(" · {a}"))
            .unwrap_or_default();
        format!("{} versie {}{what}{address}", a.form, a.version)
    };
    match note {
        SourceNote::RequestQueued => "Toestemmingsverzoek in de wachtrij voor verzending".into(),
        SourceNote::RequestKeptInOutbox => {
            "Toestemmingsverzoek bewaard in de outbox, om met de hand te versturen (geen \
             SMTP-server)"
                .into()
        }
        SourceNote::Delivered(n) => {
            format!("{} afgeleverd: de mailserver heeft het aangenomen", noun(n))
        }
        SourceNote::RefusedByServer(n) => format!(
            "{} niet afgeleverd: de mailserver weigerde het (zie de outbox)",
            noun(n)
        ),
        SourceNote::RetriesRanOut(n) => format!(
            "{} niet afgeleverd: de mailserver nam het niet aan voordat de nieuwe pogingen op \
             waren (zie de outbox)",
            noun(n)
        ),
        SourceNote::Expired(n) => format!(
            "{} niet afgeleverd: wat erin stond was verlopen voordat de mailserver het aannam \
             (zie de outbox)",
            noun(n)
        ),
        SourceNote::QueuedAgain(n) => {
            format!("{} opnieuw in de wachtrij (nieuwe poging)", noun(n))
        }
        SourceNote::HandedOver(n) => {
            format!("{} overgedragen om met de hand te versturen", noun(n))
        }
        SourceNote::NoAnswer { days } => {
            format!("Geen antwoord binnen de wachttijd van {days} dagen")
        }
        SourceNote::NotRenewed { days } => {
            format!(
                "Toestemming niet vernieuwd na de geldigheidsduur van {days} dagen en de respijttermijn"
            )
        }
        SourceNote::HostedPage(a) => answer(&a, " · gehoste toestemmingspagina"),
        SourceNote::SignUp {
            answer: a,
            erased_before,
        } => {
            let mut text = format!("Toestemmingsformulier {}", answer(&a, " · aanmelding"));
            if erased_before {
                text.push_str(" · dit adres is eerder op verzoek gewist");
            }
            text
        }
        SourceNote::SignUpConfirmed(a) => format!(
            "Toestemmingsformulier {}",
            answer(&a, " · aanmelding bevestigd per e-mail")
        ),
    }
}

/// The Outbox's note on a message's delivery in the reader's language; the mail server's own
/// answer inside it is quoted as it came.
pub fn delivery_detail_text(lang: Lang, detail: &str) -> String {
    use consentry_model::notes::DeliveryNote;
    let Some(note) = DeliveryNote::parse(detail) else {
        return detail.to_owned();
    };
    match (lang, note) {
        (Lang::En, note) => note.english(),
        (Lang::Nl, DeliveryNote::Refused { answer }) => {
            format!("Geweigerd door de mailserver, niet opnieuw geprobeerd: {answer}")
        }
        (
            Lang::Nl,
            DeliveryNote::RetriesRanOut {
                attempts,
                seconds,
                answer,
            },
        ) => format!(
            "Niet afgeleverd na {} in {}; de laatste mislukte: {answer}",
            attempt_count(Lang::Nl, attempts),
            span_nl(seconds)
        ),
        (Lang::Nl, DeliveryNote::Expired { attempts }) => format!(
            "Verlopen voordat het kon worden afgeleverd ({})",
            attempt_count(Lang::Nl, attempts)
        ),
        (Lang::Nl, DeliveryNote::RecordDeleted) => {
            "Niet verstuurd: het record werd verwijderd voordat het kon worden afgeleverd"
                .to_owned()
        }
        (Lang::Nl, DeliveryNote::Replaced) => {
            "Niet verstuurd: een nieuwer toestemmingsverzoek kwam in de plaats (de link ervan werkt \
             niet meer)."
                .to_owned()
        }
        (Lang::Nl, DeliveryNote::HandedOver { to }) => {
            format!("Overgedragen aan {to} om met de hand te versturen")
        }
    }
}

/// A stretch of time in Dutch: "45 seconden", "1 minuut", "3 uur 5 minuten".
fn span_nl(seconds: i64) -> String {
    use consentry_model::notes::{SpanUnit, span_parts};
    span_parts(seconds)
        .into_iter()
        .map(|(n, unit)| match unit {
            SpanUnit::Second if n == 1 => "1 seconde".to_owned(),
            SpanUnit::Second => format!("{n} seconden"),
            SpanUnit::Minute if n == 1 => "1 minuut".to_owned(),
            SpanUnit::Minute => format!("{n} minuten"),
            SpanUnit::Hour => format!("{n} uur"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A skip reason's words.
pub fn skip_reason(code: &str) -> Msg {
    match code {
        "no_email" => Msg::SkipNoEmail,
        "stop_processing" => Msg::SkipStopProcessing,
        "subject_denied" => Msg::SkipDenied,
        "basis_not_consent" => Msg::SkipNotConsent,
        "compliance_disabled" => Msg::SkipCompliance,
        "email_channel_hidden" => Msg::SkipEmailHidden,
        "already_answered" => Msg::SkipAnswered,
        "record_deleted" => Msg::SkipDeleted,
        "asked_since" => Msg::SkipAskedSince,
        _ => Msg::SkipOther,
    }
}

/// A handling preference's exclusion, named.
pub fn exclusion_name(exclusion: Exclusion) -> Msg {
    match exclusion {
        Exclusion::None => Msg::ExcludeNone,
        Exclusion::Sensitive => Msg::ExcludeSensitive,
        Exclusion::AllPersonal => Msg::ExcludeAllPersonal,
        Exclusion::Chosen => Msg::ExcludeChosen,
    }
}

/// Where a message's delivery stands, named.
pub fn delivery_status_msg(status: consentry_model::consent::DeliveryStatus) -> Msg {
    use consentry_model::consent::DeliveryStatus::*;
    match status {
        Stored => Msg::DeliveryStored,
        Queued => Msg::DeliveryQueued,
        Sent => Msg::DeliverySent,
        Failed => Msg::DeliveryFailed,
    }
}

/// An audit entry's action by its stored code: its name, or the code itself for one this
/// version does not know.
pub fn action_text(lang: Lang, code: &str) -> String {
    consentry_model::audit::AuditAction::ALL
        .into_iter()
        .find(|action| action.code() == code)
        .map_or_else(
            || code.to_owned(),
            |action| audit_action_name(lang, action).to_owned(),
        )
}

/// What broke an audit chain, named.
pub fn chain_problem_msg(problem: consentry_model::audit::ChainProblem) -> Msg {
    use consentry_model::audit::ChainProblem::*;
    match problem {
        EntryChanged => Msg::ProblemEntryChanged,
        EntryMissing => Msg::ProblemEntryMissing,
        DetailChanged => Msg::ProblemDetailChanged,
        DetailMissing => Msg::ProblemDetailMissing,
        Truncated => Msg::ProblemTruncated,
        Rehashed => Msg::ProblemRehashed,
        Emptied => Msg::ProblemEmptied,
        CheckpointInvalid => Msg::ProblemCheckpointInvalid,
    }
}

/// Where a signed checkpoint was found, named; a file given to `verify-audit` by its name.
pub fn checkpoint_source(lang: Lang, source: &str) -> String {
    use consentry_model::audit::{CHECKPOINT_IN_DATABASE, CHECKPOINT_IN_LOG};
    match (lang, source) {
        (Lang::En, CHECKPOINT_IN_DATABASE) => "database".into(),
        (Lang::En, CHECKPOINT_IN_LOG) => "checkpoint log".into(),
        (Lang::Nl, CHECKPOINT_IN_DATABASE) => "database".into(),
        (Lang::Nl, CHECKPOINT_IN_LOG) => "logboek van controlepunten".into(),
        (_, file) => file.to_owned(),
    }
}

/// An audit chain's verdict as one sentence for a document (the evidence report); the
/// technical reason of a broken chain is kept as the verifier wrote it.
pub fn verdict_text(lang: Lang, verdict: &consentry_model::audit::AuditVerdict) -> String {
    use consentry_model::audit::AuditVerdict;
    match verdict {
        AuditVerdict::Intact {
            entries,
            redacted,
            checkpoint,
        } => {
            let mut out = format!("{} {entries}.", text(lang, Msg::ReportChainIntact));
            if *redacted > 0 {
                out.push_str(&format!(
                    " {} {redacted}.",
                    text(lang, Msg::ReportChainRedacted)
                ));
            }
            match checkpoint {
                Some(c) => out.push_str(&format!(
                    " {} {} ({}, {}).",
                    text(lang, Msg::ReportCheckpointMatch),
                    c.seq,
                    c.at.format("%Y-%m-%d %H:%M UTC"),
                    checkpoint_source(lang, &c.source)
                )),
                None => {
                    out.push(' ');
                    out.push_str(text(lang, Msg::ReportNoCheckpoint));
                }
            }
            out
        }
        AuditVerdict::Broken {
            seq,
            problem,
            reason,
        } => format!(
            "{} {seq}: {} ({reason}).",
            text(lang, Msg::ReportChainBroken),
            text(lang, chain_problem_msg(*problem))
        ),
    }
}
