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
        (Lang::De, Profile::Administrator) => "Administrator",
        (Lang::De, Profile::Standard) => "Standard",
        (Lang::De, Profile::ReadOnly) => "Nur Lesen",
        (Lang::Fr, Profile::Administrator) => "Administrateur",
        (Lang::Fr, Profile::Standard) => "Standard",
        (Lang::Fr, Profile::ReadOnly) => "Lecture seule",
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
        (Lang::De, Permission::ManageComplianceSettings) => "Compliance-Einstellungen verwalten",
        (Lang::De, Permission::ManageUsers) => "Benutzer verwalten",
        (Lang::De, Permission::ViewRecords) => "Datensätze ansehen",
        (Lang::De, Permission::EditRecords) => "Datensätze bearbeiten",
        (Lang::De, Permission::ViewSensitiveFields) => "Sensible Felder ansehen",
        (Lang::De, Permission::ManageEncryption) => "Verschlüsselung verwalten",
        (Lang::De, Permission::ManageApiKeys) => "API-Schlüssel verwalten",
        (Lang::Fr, Permission::ManageComplianceSettings) => "Gérer les paramètres de conformité",
        (Lang::Fr, Permission::ManageUsers) => "Gérer les utilisateurs",
        (Lang::Fr, Permission::ViewRecords) => "Voir les fiches",
        (Lang::Fr, Permission::EditRecords) => "Modifier les fiches",
        (Lang::Fr, Permission::ViewSensitiveFields) => "Voir les champs sensibles",
        (Lang::Fr, Permission::ManageEncryption) => "Gérer le chiffrement",
        (Lang::Fr, Permission::ManageApiKeys) => "Gérer les clés API",
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
            FieldError::AmbiguousNumber => "Schrijf dit getal zonder scheidingsteken voor duizendtallen (1000), of met een ander aantal decimalen dan drie: met een komma of punt vóór drie cijfers kan het allebei zijn.".into(),
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
        Lang::De => match error {
            FieldError::Empty => "Füllen Sie dieses Feld aus.".into(),
            FieldError::TooLong { max } => format!("Verwenden Sie höchstens {max} Zeichen."),
            FieldError::TooShort { min } => format!("Verwenden Sie mindestens {min} Zeichen."),
            FieldError::Email => "Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.de.".into(),
            FieldError::ControlCharacters => {
                "Entfernen Sie Zeilenumbrüche und andere Steuerzeichen.".into()
            }
            FieldError::ControlCharactersInLines => {
                "Entfernen Sie Steuerzeichen wie NUL; Zeilenumbrüche und Tabulatoren sind hier erlaubt."
                    .into()
            }
            FieldError::InvisibleCharacter { code_point } => format!(
                "Entfernen Sie das unsichtbare Zeichen U+{code_point:04X}: Nullbreiten-, \
                 Schreibrichtungs- und andere unsichtbare Formatierungszeichen können verbergen \
                 oder umordnen, was ein Leser sieht."
            ),
            FieldError::NothingVisible => {
                "Geben Sie sichtbaren Text ein: Hier stehen nur Leerzeichen oder leer aussehende \
                 Zeichen."
                    .into()
            }
            FieldError::LoneMark { code_point } => format!(
                "Entfernen Sie das Zeichen U+{code_point:04X} oder setzen Sie es hinter den \
                 Buchstaben, zu dem es gehört: Allein wird es über das Vorangehende gezeichnet."
            ),
            FieldError::Slug => {
                "Verwenden Sie 2 bis 63 Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. \
                 acme-gmbh."
                    .into()
            }
            FieldError::OutOfRange { min, max } => {
                format!("Wählen Sie eine Zahl von {min} bis {max}.")
            }
            FieldError::Phone => {
                "Verwenden Sie nur Ziffern, Leerzeichen und + - ( ), z. B. +49 30 1234567.".into()
            }
            FieldError::NotAllowed => "Lassen Sie dies bei der gewählten Option leer.".into(),
            FieldError::ConsentDate => {
                "Geben Sie den Tag ein, an dem die Einwilligung erteilt wurde: von 1900-01-01 bis \
                 heute."
                    .into()
            }
            FieldError::ReceivedDate => {
                "Geben Sie den Tag ein, an dem der Antrag einging: ab 2018-05-25, seit die DSGVO \
                 gilt, bis heute."
                    .into()
            }
            FieldError::FutureTime => {
                "Geben Sie einen vergangenen Zeitpunkt an (UTC): Datensätze, die seitdem eine \
                 Einwilligungsanfrage erhalten haben, werden übersprungen."
                    .into()
            }
            FieldError::NotPublished => {
                "Wählen Sie ein veröffentlichtes Formular: Dieses existiert nicht oder ist noch \
                 nicht veröffentlicht."
                    .into()
            }
            FieldError::Number => "Geben Sie eine Zahl ein, z. B. 42 oder 3,5.".into(),
            FieldError::AmbiguousNumber => "Schreiben Sie diese Zahl ohne Tausendertrennzeichen (1000) oder mit einer anderen Zahl von Nachkommastellen als drei: mit Komma oder Punkt vor drei Ziffern kann sie beides bedeuten.".into(),
            FieldError::Date => {
                "Geben Sie ein Datum als JJJJ-MM-TT ein, z. B. 2026-05-25.".into()
            }
            FieldError::Boolean => "Geben Sie ja oder nein ein.".into(),
            FieldError::NotAnOption => "Wählen Sie eine der aufgeführten Optionen.".into(),
            FieldError::UnknownField => "Dieses Modul hat kein solches Feld.".into(),
            FieldError::Duplicate => {
                "Dies wird bereits verwendet; wählen Sie etwas anderes.".into()
            }
            FieldError::Text => "Geben Sie hier Text ein.".into(),
            FieldError::HttpsUrl { max } => format!(
                "Geben Sie eine Webadresse ein, die mit https:// beginnt, z. B. \
                 https://beispiel.de/datenschutz, mit höchstens {max} Zeichen ohne Leerzeichen \
                 oder Anführungszeichen."
            ),
        },
        Lang::Fr => match error {
            FieldError::Empty => "Renseignez ce champ.".into(),
            FieldError::TooLong { max } => format!("Utilisez au plus {max} caractères."),
            FieldError::TooShort { min } => format!("Utilisez au moins {min} caractères."),
            FieldError::Email => "Saisissez une adresse e-mail, par ex. nom@exemple.fr.".into(),
            FieldError::ControlCharacters => {
                "Retirez les sauts de ligne et autres caractères de contrôle.".into()
            }
            FieldError::ControlCharactersInLines => {
                "Retirez les caractères de contrôle comme NUL ; les sauts de ligne et les \
                 tabulations sont acceptés ici."
                    .into()
            }
            FieldError::InvisibleCharacter { code_point } => format!(
                "Retirez le caractère invisible U+{code_point:04X} : les caractères de largeur \
                 nulle, de sens d'écriture et autres caractères de mise en forme invisibles \
                 peuvent masquer ou réordonner ce que voit le lecteur."
            ),
            FieldError::NothingVisible => {
                "Saisissez un texte visible : celui-ci ne contient que des espaces ou des \
                 caractères qui semblent vides."
                    .into()
            }
            FieldError::LoneMark { code_point } => format!(
                "Retirez le signe U+{code_point:04X} ou placez-le après la lettre à laquelle il \
                 appartient : seul, il se dessine sur ce qui le précède."
            ),
            FieldError::Slug => {
                "Utilisez de 2 à 63 lettres minuscules, chiffres et tirets simples, par ex. \
                 acme-sas."
                    .into()
            }
            FieldError::OutOfRange { min, max } => {
                format!("Choisissez un nombre de {min} à {max}.")
            }
            FieldError::Phone => {
                "Utilisez uniquement des chiffres, des espaces et + - ( ), par ex. \
                 +33 1 23 45 67 89."
                    .into()
            }
            FieldError::NotAllowed => "Laissez ce champ vide avec l'option choisie.".into(),
            FieldError::ConsentDate => {
                "Saisissez le jour où le consentement a été donné : du 1900-01-01 à aujourd'hui."
                    .into()
            }
            FieldError::ReceivedDate => {
                "Saisissez le jour de réception de la demande : du 2018-05-25, date d'entrée en \
                 application du RGPD, à aujourd'hui."
                    .into()
            }
            FieldError::FutureTime => {
                "Indiquez un moment passé (UTC) : les fiches ayant reçu une demande de \
                 consentement depuis sont ignorées."
                    .into()
            }
            FieldError::NotPublished => {
                "Choisissez un formulaire publié : celui-ci n'existe pas ou n'est pas encore \
                 publié."
                    .into()
            }
            FieldError::Number => "Saisissez un nombre, par ex. 42 ou 3,5.".into(),
            FieldError::AmbiguousNumber => "Écrivez ce nombre sans séparateur de milliers (1000), ou avec un autre nombre de décimales que trois : avec une virgule ou un point avant trois chiffres, il peut se lire des deux façons.".into(),
            FieldError::Date => {
                "Saisissez une date au format AAAA-MM-JJ, par ex. 2026-05-25.".into()
            }
            FieldError::Boolean => "Saisissez oui ou non.".into(),
            FieldError::NotAnOption => "Choisissez l'une des options proposées.".into(),
            FieldError::UnknownField => "Ce module n'a pas de tel champ.".into(),
            FieldError::Duplicate => "Déjà utilisé ; choisissez autre chose.".into(),
            FieldError::Text => "Saisissez du texte ici.".into(),
            FieldError::HttpsUrl { max } => format!(
                "Saisissez une adresse web commençant par https://, par ex. \
                 https://exemple.fr/confidentialite, de {max} caractères au plus, sans espaces \
                 ni guillemets."
            ),
        },
    }
}

/// A legal basis's name (Zoho's English names; the Dutch of the AVG, the German of the
/// DSGVO, the French of the RGPD).
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
        (Lang::De, NotApplicable) => "Nicht zutreffend",
        (Lang::De, Consent) => "Einwilligung",
        (Lang::De, Contract) => "Vertragserfüllung",
        (Lang::De, LegalObligation) => "Rechtliche Verpflichtung",
        (Lang::De, VitalInterests) => "Lebenswichtige Interessen",
        (Lang::De, PublicInterests) => "Öffentliches Interesse",
        (Lang::De, LegitimateInterests) => "Berechtigte Interessen",
        (Lang::Fr, NotApplicable) => "Non applicable",
        (Lang::Fr, Consent) => "Consentement",
        (Lang::Fr, Contract) => "Exécution d'un contrat",
        (Lang::Fr, LegalObligation) => "Obligation légale",
        (Lang::Fr, VitalInterests) => "Intérêts vitaux",
        (Lang::Fr, PublicInterests) => "Intérêt public",
        (Lang::Fr, LegitimateInterests) => "Intérêts légitimes",
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
        (Lang::De, Pending) => "Ausstehend",
        (Lang::De, Waiting) => "Wartend",
        (Lang::De, Obtained) => "Erteilt",
        (Lang::De, Denied) => "Verweigert",
        (Lang::De, NotResponded) => "Keine Antwort",
        (Lang::De, Withdrawn) => "Widerrufen",
        (Lang::Fr, Pending) => "En suspens",
        (Lang::Fr, Waiting) => "En attente",
        (Lang::Fr, Obtained) => "Obtenu",
        (Lang::Fr, Denied) => "Refusé",
        (Lang::Fr, NotResponded) => "Sans réponse",
        (Lang::Fr, Withdrawn) => "Retiré",
    }
}

/// A contact channel's name.
pub fn channel_name(lang: Lang, channel: Channel) -> &'static str {
    match (lang, channel) {
        (Lang::De, Channel::Email) => "E-Mail",
        (_, Channel::Email) => "E-mail",
        (Lang::En, Channel::Phone) => "Phone",
        (Lang::En, Channel::Survey) => "Survey",
        (Lang::En, Channel::Social) => "Social",
        (Lang::Nl, Channel::Phone) => "Telefoon",
        (Lang::Nl, Channel::Survey) => "Enquête",
        (Lang::Nl, Channel::Social) => "Sociale media",
        (Lang::De, Channel::Phone) => "Telefon",
        (Lang::De, Channel::Survey) => "Umfrage",
        (Lang::De, Channel::Social) => "Soziale Medien",
        (Lang::Fr, Channel::Phone) => "Téléphone",
        (Lang::Fr, Channel::Survey) => "Enquête",
        (Lang::Fr, Channel::Social) => "Réseaux sociaux",
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
        (Lang::De, RecordedDecision::Granted) => "Einwilligung erteilt",
        (Lang::De, RecordedDecision::Refused) => "Verweigert",
        (Lang::De, RecordedDecision::Withdrawn) => "Widerrufen",
        (Lang::Fr, RecordedDecision::Granted) => "Consentement donné",
        (Lang::Fr, RecordedDecision::Refused) => "Refusé",
        (Lang::Fr, RecordedDecision::Withdrawn) => "Retiré",
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
        (Lang::De, VisitorChoice::AcceptedAll) => "Alles akzeptiert",
        (Lang::De, VisitorChoice::RejectedAll) => "Alles abgelehnt",
        (Lang::De, VisitorChoice::Customised) => "Je Zweck gewählt",
        (Lang::Fr, VisitorChoice::AcceptedAll) => "Tout accepté",
        (Lang::Fr, VisitorChoice::RejectedAll) => "Tout refusé",
        (Lang::Fr, VisitorChoice::Customised) => "Choix par finalité",
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
        (Lang::De, RegionRule::OptIn) => "Opt-in-Banner",
        (Lang::De, RegionRule::OptOut) => "Opt-out-Hinweis (US-Bundesstaaten)",
        (Lang::De, RegionRule::Notice) => "Hinweis",
        (Lang::De, RegionRule::Nothing) => "Nichts",
        (Lang::Fr, RegionRule::OptIn) => "Bannière d'opt-in",
        (Lang::Fr, RegionRule::OptOut) => "Avis d'opt-out (États américains)",
        (Lang::Fr, RegionRule::Notice) => "Avis",
        (Lang::Fr, RegionRule::Nothing) => "Rien",
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
        (Lang::De, PurposeCategory::General) => "Sonstiges (Newsletter, funktional)",
        (Lang::De, PurposeCategory::Analytics) => "Statistik",
        (Lang::De, PurposeCategory::Advertising) => "Werbung",
        (Lang::De, PurposeCategory::SaleOrSharing) => "Verkauf oder Weitergabe von Daten",
        (Lang::Fr, PurposeCategory::General) => "Autre (newsletter, fonctionnel)",
        (Lang::Fr, PurposeCategory::Analytics) => "Mesure d'audience",
        (Lang::Fr, PurposeCategory::Advertising) => "Publicité",
        (Lang::Fr, PurposeCategory::SaleOrSharing) => "Vente ou partage de données",
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
        (Lang::De, ConsentForm) => "Einwilligungsformular",
        (Lang::De, WebForm) => "Webformular oder Widget",
        (Lang::De, Email) => "E-Mail",
        (Lang::De, Phone) => "Telefon",
        (Lang::De, InPerson) => "Persönlich",
        (Lang::De, Portal) => "Portal",
        (Lang::De, Import) => "Import",
        (Lang::De, Api) => "API",
        (Lang::Fr, ConsentForm) => "Formulaire de consentement",
        (Lang::Fr, WebForm) => "Formulaire web ou widget",
        (Lang::Fr, Email) => "E-mail",
        (Lang::Fr, Phone) => "Téléphone",
        (Lang::Fr, InPerson) => "En personne",
        (Lang::Fr, Portal) => "Portail",
        (Lang::Fr, Import) => "Import",
        (Lang::Fr, Api) => "API",
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
        (Lang::De, Manual) => "Manuell",
        (Lang::De, Import) => "Import",
        (Lang::De, Api) => "API",
        (Lang::De, ConsentForm) => "Einwilligungsformular",
        (Lang::De, Email) => "E-Mail",
        (Lang::Fr, Manual) => "Saisie manuelle",
        (Lang::Fr, Import) => "Import",
        (Lang::Fr, Api) => "API",
        (Lang::Fr, ConsentForm) => "Formulaire de consentement",
        (Lang::Fr, Email) => "E-mail",
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
        (Lang::De, Text) => "Text",
        (Lang::De, Email) => "E-Mail-Adresse",
        (Lang::De, Phone) => "Telefonnummer",
        (Lang::De, Number) => "Zahl",
        (Lang::De, Date) => "Datum",
        (Lang::De, Boolean) => "Ja/Nein",
        (Lang::De, Picklist) => "Auswahlliste",
        (Lang::Fr, Text) => "Texte",
        (Lang::Fr, Email) => "Adresse e-mail",
        (Lang::Fr, Phone) => "Numéro de téléphone",
        (Lang::Fr, Number) => "Nombre",
        (Lang::Fr, Date) => "Date",
        (Lang::Fr, Boolean) => "Oui/non",
        (Lang::Fr, Picklist) => "Liste de choix",
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
        (Lang::De, NotPersonal) => "Nicht personenbezogen",
        (Lang::De, Normal) => "Personenbezogen",
        (Lang::De, Sensitive) => "Personenbezogen, sensibel",
        (Lang::Fr, NotPersonal) => "Non personnel",
        (Lang::Fr, Normal) => "Personnel",
        (Lang::Fr, Sensitive) => "Personnel sensible",
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
        (Lang::De, Access) => "Auskunft",
        (Lang::De, Rectification) => "Berichtigung",
        (Lang::De, Portability) => "Datenübertragbarkeit",
        (Lang::De, Erasure) => "Löschung",
        (Lang::De, StopProcessing) => "Einschränkung der Verarbeitung",
        (Lang::De, Objection) => "Widerspruch",
        (Lang::Fr, Access) => "Accès",
        (Lang::Fr, Rectification) => "Rectification",
        (Lang::Fr, Portability) => "Portabilité",
        (Lang::Fr, Erasure) => "Effacement",
        (Lang::Fr, StopProcessing) => "Limitation du traitement",
        (Lang::Fr, Objection) => "Opposition",
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
        (Lang::De, Email) => "E-Mail",
        (Lang::De, Phone) => "Telefon",
        (Lang::De, InPerson) => "Persönlich",
        (Lang::De, Portal) => "Datenschutzcenter",
        (Lang::De, Api) => "API",
        (Lang::Fr, Email) => "E-mail",
        (Lang::Fr, Phone) => "Téléphone",
        (Lang::Fr, InPerson) => "En personne",
        (Lang::Fr, Portal) => "Centre de confidentialité",
        (Lang::Fr, Api) => "API",
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
        (Lang::De, Received) => "Eingegangen",
        (Lang::De, Verified) => "Verifiziert",
        (Lang::De, InProgress) => "In Bearbeitung",
        (Lang::De, Completed) => "Abgeschlossen",
        (Lang::De, Rejected) => "Abgelehnt",
        (Lang::Fr, Received) => "Reçue",
        (Lang::Fr, Verified) => "Vérifiée",
        (Lang::Fr, InProgress) => "En cours",
        (Lang::Fr, Completed) => "Traitée",
        (Lang::Fr, Rejected) => "Refusée",
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
        (Lang::De, Comma) => "Komma (,)",
        (Lang::De, Semicolon) => "Semikolon (;), für Excel auf Deutsch",
        (Lang::Fr, Comma) => "Virgule (,)",
        (Lang::Fr, Semicolon) => "Point-virgule (;), pour Excel en français",
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
        (Lang::En, AuditExported) => "Audit trail exported",
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
        (Lang::Nl, AuditExported) => "Audittrail geëxporteerd",
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
        (Lang::De, SignedIn) => "Angemeldet",
        (Lang::De, SettingsChanged) => "Compliance-Einstellungen geändert",
        (Lang::De, ModuleCreated) => "Modul hinzugefügt",
        (Lang::De, ModuleComplianceChanged) => "Compliance des Moduls umgeschaltet",
        (Lang::De, FieldCreated) => "Feld hinzugefügt",
        (Lang::De, FieldChanged) => "Feld geändert",
        (Lang::De, FieldDeleted) => "Feld entfernt",
        (Lang::De, RecordCreated) => "Datensatz angelegt",
        (Lang::De, RecordUpdated) => "Datensatz aktualisiert",
        (Lang::De, RecordDeleted) => "Datensatz gelöscht",
        (Lang::De, BasisChanged) => "Rechtsgrundlage geändert",
        (Lang::De, BasisChangedInBulk) => "Rechtsgrundlage gesammelt geändert",
        (Lang::De, RecordsImported) => "Datensätze importiert",
        (Lang::De, JobInterrupted) => "Hintergrundaufgabe durch Serverstopp unterbrochen",
        (Lang::De, RequestCreated) => "Antrag einer betroffenen Person erfasst",
        (Lang::De, RequestChanged) => "Antrag einer betroffenen Person bearbeitet",
        (Lang::De, RequestCompleted) => "Antrag einer betroffenen Person abgeschlossen",
        (Lang::De, SubjectErased) => "Daten einer betroffenen Person gelöscht",
        (Lang::De, RetentionErased) => "Abgelaufene Datensätze gelöscht (Speicherdauer)",
        (Lang::De, RecordRetentionChanged) => "Aufbewahrungspflicht oder Vertragsende geändert",
        (Lang::De, FieldEncryptionChanged) => "Feldverschlüsselung umgeschaltet",
        (Lang::De, ValueRevealed) => "Sensibler Wert aufgedeckt",
        (Lang::De, RecordsExported) => "Datensätze exportiert",
        (Lang::De, AuditExported) => "Prüfprotokoll exportiert",
        (Lang::De, ApiKeyCreated) => "API-Schlüssel erstellt",
        (Lang::De, ApiKeyRevoked) => "API-Schlüssel widerrufen",
        (Lang::De, WebhookCreated) => "Webhook abonniert",
        (Lang::De, WebhookDeleted) => "Webhook entfernt",
        (Lang::De, WebhookDeliveryRetried) => "Unzustellbare Webhook-Zustellung wiederholt",
        (Lang::De, ErasureConfirmed) => "Löschbestätigung per Mail (Nachricht nicht aufbewahrt)",
        (Lang::De, DataRequestLinkSent) => "Link für Anträge gesendet",
        (Lang::De, ProcessingStopped) => "Verarbeitung gestoppt",
        (Lang::De, ProcessingResumed) => "Verarbeitung fortgesetzt",
        (Lang::De, FormCreated) => "Einwilligungsformular angelegt",
        (Lang::De, FormDraftSaved) => "Entwurf des Einwilligungsformulars gespeichert",
        (Lang::De, FormPublished) => "Einwilligungsformular veröffentlicht",
        (Lang::De, ConsentRequested) => "Einwilligungsanfrage gestellt",
        (Lang::De, MessageRetried) => "Nicht zugestellte Nachricht wiederholt",
        (Lang::De, MessageHandedOver) => "Nachricht zum manuellen Senden übergeben",
        (Lang::De, ConsentAnswered) => "Einwilligung von der betroffenen Person beantwortet",
        (Lang::De, ConsentRecorded) => "Einwilligung von einem anderen System erfasst",
        (Lang::De, FormSignUpChanged) => "Anmeldeeinstellungen des Einwilligungsformulars geändert",
        (Lang::De, FormWidgetChanged) => "Widget-Einstellungen des Einwilligungsformulars geändert",
        (Lang::De, SignedUp) => "Über ein Einwilligungsformular angemeldet",
        (Lang::De, SignUpForgotten) => "Unbestätigte Anmeldung nach der Wartezeit gelöscht",
        (Lang::De, TemplateCreated) => "E-Mail-Vorlage erstellt",
        (Lang::De, TemplateChanged) => "E-Mail-Vorlage geändert",
        (Lang::De, TemplateDeleted) => "E-Mail-Vorlage gelöscht",
        (Lang::De, OrganisationCreated) => "Organisation angelegt",
        (Lang::De, AuditRedacted) => "Details geschwärzt",
        (Lang::De, ChainResealed) => "Kette neu gehasht (Details ausgelagert)",
        (Lang::Fr, SignedIn) => "Connexion",
        (Lang::Fr, SettingsChanged) => "Paramètres de conformité modifiés",
        (Lang::Fr, ModuleCreated) => "Module ajouté",
        (Lang::Fr, ModuleComplianceChanged) => "Conformité du module basculée",
        (Lang::Fr, FieldCreated) => "Champ ajouté",
        (Lang::Fr, FieldChanged) => "Champ modifié",
        (Lang::Fr, FieldDeleted) => "Champ retiré",
        (Lang::Fr, RecordCreated) => "Fiche créée",
        (Lang::Fr, RecordUpdated) => "Fiche mise à jour",
        (Lang::Fr, RecordDeleted) => "Fiche supprimée",
        (Lang::Fr, BasisChanged) => "Base juridique modifiée",
        (Lang::Fr, BasisChangedInBulk) => "Base juridique modifiée en masse",
        (Lang::Fr, RecordsImported) => "Fiches importées",
        (Lang::Fr, JobInterrupted) => "Tâche de fond interrompue par un arrêt du serveur",
        (Lang::Fr, RequestCreated) => "Demande de personne concernée enregistrée",
        (Lang::Fr, RequestChanged) => "Demande de personne concernée traitée",
        (Lang::Fr, RequestCompleted) => "Demande de personne concernée clôturée",
        (Lang::Fr, SubjectErased) => "Personne concernée effacée",
        (Lang::Fr, RetentionErased) => "Fiches expirées effacées (conservation)",
        (Lang::Fr, RecordRetentionChanged) => {
            "Obligation de conservation ou fin de contrat modifiée"
        }
        (Lang::Fr, FieldEncryptionChanged) => "Chiffrement du champ basculé",
        (Lang::Fr, ValueRevealed) => "Valeur sensible révélée",
        (Lang::Fr, RecordsExported) => "Fiches exportées",
        (Lang::Fr, AuditExported) => "Journal d'audit exporté",
        (Lang::Fr, ApiKeyCreated) => "Clé API créée",
        (Lang::Fr, ApiKeyRevoked) => "Clé API révoquée",
        (Lang::Fr, WebhookCreated) => "Webhook abonné",
        (Lang::Fr, WebhookDeleted) => "Webhook retiré",
        (Lang::Fr, WebhookDeliveryRetried) => "Livraison de webhook non distribuable réessayée",
        (Lang::Fr, ErasureConfirmed) => {
            "E-mail de confirmation d'effacement (message non conservé)"
        }
        (Lang::Fr, DataRequestLinkSent) => "Lien de demande envoyé",
        (Lang::Fr, ProcessingStopped) => "Traitement arrêté",
        (Lang::Fr, ProcessingResumed) => "Traitement repris",
        (Lang::Fr, FormCreated) => "Formulaire de consentement créé",
        (Lang::Fr, FormDraftSaved) => "Brouillon du formulaire de consentement enregistré",
        (Lang::Fr, FormPublished) => "Formulaire de consentement publié",
        (Lang::Fr, ConsentRequested) => "Demande de consentement effectuée",
        (Lang::Fr, MessageRetried) => "Message non distribué réessayé",
        (Lang::Fr, MessageHandedOver) => "Message remis pour envoi manuel",
        (Lang::Fr, ConsentAnswered) => "Consentement donné par la personne concernée",
        (Lang::Fr, ConsentRecorded) => "Consentement enregistré par un autre système",
        (Lang::Fr, FormSignUpChanged) => {
            "Paramètres d'inscription du formulaire de consentement modifiés"
        }
        (Lang::Fr, FormWidgetChanged) => {
            "Paramètres du widget du formulaire de consentement modifiés"
        }
        (Lang::Fr, SignedUp) => "Inscription via un formulaire de consentement",
        (Lang::Fr, SignUpForgotten) => {
            "Inscription non confirmée supprimée après le délai d'attente"
        }
        (Lang::Fr, TemplateCreated) => "Modèle d'e-mail créé",
        (Lang::Fr, TemplateChanged) => "Modèle d'e-mail modifié",
        (Lang::Fr, TemplateDeleted) => "Modèle d'e-mail supprimé",
        (Lang::Fr, OrganisationCreated) => "Organisation créée",
        (Lang::Fr, AuditRedacted) => "Détails caviardés",
        (Lang::Fr, ChainResealed) => "Chaîne hachée de nouveau (détails déplacés)",
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
        (Lang::De, Actor::DataSubject) => "Betroffene Person",
        (Lang::De, Actor::VerifiedEmail) => "Betroffene Person (E-Mail-Adresse verifiziert)",
        (Lang::De, Actor::System) => "Consentry (automatisch)",
        (Lang::Fr, Actor::DataSubject) => "Personne concernée",
        (Lang::Fr, Actor::VerifiedEmail) => "Personne concernée (adresse e-mail vérifiée)",
        (Lang::Fr, Actor::System) => "Consentry (automatique)",
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
            Lang::De => format!("Gelöscht (Code {hash})"),
            Lang::Fr => format!("Effacé (code {hash})"),
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
        (Lang::De, BuiltinModule::Leads) => "Leads",
        (Lang::De, BuiltinModule::Contacts) => "Kontakte",
        (Lang::De, BuiltinModule::Vendors) => "Lieferanten",
        (Lang::Fr, BuiltinModule::Leads) => "Prospects",
        (Lang::Fr, BuiltinModule::Contacts) => "Contacts",
        (Lang::Fr, BuiltinModule::Vendors) => "Fournisseurs",
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
        (Lang::De, Extended) => "Mehr Zeit erforderlich (Fristverlängerung)",
        (Lang::De, Refused) => "Antrag abgelehnt",
        (Lang::De, Completed) => "Antrag ausgeführt",
        (Lang::De, ExportReady) => "Datenexport bereit (Download-Link)",
        (Lang::Fr, Extended) => "Délai supplémentaire nécessaire (prolongation)",
        (Lang::Fr, Refused) => "Demande refusée",
        (Lang::Fr, Completed) => "Demande exécutée",
        (Lang::Fr, ExportReady) => "Export des données prêt (lien de téléchargement)",
    }
}

/// A number of delivery attempts, with the noun in singular or plural.
pub fn attempt_count(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 attempt".to_owned(),
        (Lang::En, n) => format!("{n} attempts"),
        (Lang::Nl, 1) => "1 poging".to_owned(),
        (Lang::Nl, n) => format!("{n} pogingen"),
        (Lang::De, 1) => "1 Versuch".to_owned(),
        (Lang::De, n) => format!("{n} Versuche"),
        (Lang::Fr, 1) => "1 tentative".to_owned(),
        (Lang::Fr, n) => format!("{n} tentatives"),
    }
}

/// A number of records, with the noun in singular or plural.
pub fn record_count(lang: Lang, n: u64) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 record".to_owned(),
        (Lang::En, n) => format!("{n} records"),
        (Lang::Nl, 1) => "1 record".to_owned(),
        (Lang::Nl, n) => format!("{n} records"),
        (Lang::De, 1) => "1 Datensatz".to_owned(),
        (Lang::De, n) => format!("{n} Datensätze"),
        (Lang::Fr, 1) => "1 fiche".to_owned(),
        (Lang::Fr, n) => format!("{n} fiches"),
    }
}

/// A data source's detail or a history note in the reader's language: what Consentry wrote
/// (see [`SourceNote`](consentry_model::notes::SourceNote)) is said anew; anything else (a file
/// name, a user's reason) is shown as it is.
pub fn detail_text(lang: Lang, detail: &str) -> String {
    use consentry_model::notes::SourceNote;
    let Some(note) = SourceNote::parse(detail) else {
        return crate::audit_detail::reason_text(lang, detail).unwrap_or_else(|| detail.to_owned());
    };
    match lang {
        Lang::En => note.english(),
        Lang::Nl => note_nl(note),
        Lang::De => note_de(note),
        Lang::Fr => note_fr(note),
    }
}

/// A note Consentry wrote, in Dutch.
fn note_nl(note: consentry_model::notes::SourceNote) -> String {
    use consentry_model::notes::{FormAnswer, MessageNoun, SourceNote};
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

/// A note Consentry wrote, in German.
fn note_de(note: consentry_model::notes::SourceNote) -> String {
    use consentry_model::notes::{FormAnswer, MessageNoun, SourceNote};
    let noun = |noun: MessageNoun| match noun {
        MessageNoun::ConsentRequest => "Einwilligungsanfrage",
        MessageNoun::SignUpConfirmation => "Anmeldebestätigung",
        MessageNoun::Message => "Nachricht",
    };
    let answer = |a: &FormAnswer, what: &str| {
        let address = a
            .address
            .as_deref()
            .map(|a| format!(" · {a}"))
            .unwrap_or_default();
        format!("{} Version {}{what}{address}", a.form, a.version)
    };
    match note {
        SourceNote::RequestQueued => "Einwilligungsanfrage zur Zustellung eingereiht".into(),
        SourceNote::RequestKeptInOutbox => {
            "Einwilligungsanfrage im Postausgang aufbewahrt, zum manuellen Senden (kein \
             SMTP-Server)"
                .into()
        }
        SourceNote::Delivered(n) => {
            format!("{} zugestellt: Der Mailserver hat sie angenommen", noun(n))
        }
        SourceNote::RefusedByServer(n) => format!(
            "{} nicht zugestellt: Der Mailserver hat sie abgewiesen (siehe Postausgang)",
            noun(n)
        ),
        SourceNote::RetriesRanOut(n) => format!(
            "{} nicht zugestellt: Der Mailserver hat sie nicht angenommen, bevor die \
             Wiederholungsversuche erschöpft waren (siehe Postausgang)",
            noun(n)
        ),
        SourceNote::Expired(n) => format!(
            "{} nicht zugestellt: Ihr Inhalt ist abgelaufen, bevor der Mailserver sie annahm \
             (siehe Postausgang)",
            noun(n)
        ),
        SourceNote::QueuedAgain(n) => {
            format!("{} erneut eingereiht (Wiederholung)", noun(n))
        }
        SourceNote::HandedOver(n) => {
            format!("{} zum manuellen Senden übergeben", noun(n))
        }
        SourceNote::NoAnswer { days } => {
            format!("Keine Antwort innerhalb der Wartezeit von {days} Tagen")
        }
        SourceNote::NotRenewed { days } => format!(
            "Einwilligung nach ihrer Gültigkeitsdauer von {days} Tagen und der Nachfrist nicht \
             erneuert"
        ),
        SourceNote::HostedPage(a) => answer(&a, " · gehostete Einwilligungsseite"),
        SourceNote::SignUp {
            answer: a,
            erased_before,
        } => {
            let mut text = format!("Einwilligungsformular {}", answer(&a, " · Anmeldung"));
            if erased_before {
                text.push_str(" · diese Adresse wurde früher auf Antrag gelöscht");
            }
            text
        }
        SourceNote::SignUpConfirmed(a) => format!(
            "Einwilligungsformular {}",
            answer(&a, " · Anmeldung per E-Mail bestätigt")
        ),
    }
}

/// A note Consentry wrote, in French: the adjectives agree with the message's noun.
fn note_fr(note: consentry_model::notes::SourceNote) -> String {
    use consentry_model::notes::{FormAnswer, MessageNoun, SourceNote};
    // The noun, and the ending that agrees with it ("distribuée", "distribué").
    let noun = |noun: MessageNoun| match noun {
        MessageNoun::ConsentRequest => ("Demande de consentement", "e"),
        MessageNoun::SignUpConfirmation => ("Confirmation d'inscription", "e"),
        MessageNoun::Message => ("Message", ""),
    };
    let answer = |a: &FormAnswer, what: &str| {
        let address = a
            .address
            .as_deref()
            .map(|a| format!(" · {a}"))
            .unwrap_or_default();
        format!("{} version {}{what}{address}", a.form, a.version)
    };
    match note {
        SourceNote::RequestQueued => {
            "Demande de consentement mise en file d'attente pour distribution".into()
        }
        SourceNote::RequestKeptInOutbox => {
            "Demande de consentement conservée dans la boîte d'envoi, à envoyer manuellement \
             (pas de serveur SMTP)"
                .into()
        }
        SourceNote::Delivered(n) => {
            let (noun, e) = noun(n);
            format!("{noun} distribué{e} : le serveur de messagerie l'a accepté{e}")
        }
        SourceNote::RefusedByServer(n) => {
            let (noun, e) = noun(n);
            format!(
                "{noun} non distribué{e} : le serveur de messagerie l'a refusé{e} (voir la boîte \
                 d'envoi)"
            )
        }
        SourceNote::RetriesRanOut(n) => {
            let (noun, e) = noun(n);
            format!(
                "{noun} non distribué{e} : le serveur de messagerie ne l'a pas pris{e} avant la \
                 fin des nouvelles tentatives (voir la boîte d'envoi)"
            )
        }
        SourceNote::Expired(n) => {
            let (noun, e) = noun(n);
            format!(
                "{noun} non distribué{e} : son contenu a expiré avant sa prise en charge par le \
                 serveur de messagerie (voir la boîte d'envoi)"
            )
        }
        SourceNote::QueuedAgain(n) => {
            let (noun, e) = noun(n);
            format!("{noun} remis{e} en file d'attente (nouvel essai)")
        }
        SourceNote::HandedOver(n) => {
            let (noun, e) = noun(n);
            format!("{noun} remis{e} pour envoi manuel")
        }
        SourceNote::NoAnswer { days } => {
            format!("Pas de réponse dans le délai d'attente de {days} jours")
        }
        SourceNote::NotRenewed { days } => format!(
            "Consentement non renouvelé après sa durée de validité de {days} jours et le délai \
             de grâce"
        ),
        SourceNote::HostedPage(a) => answer(&a, " · page de consentement hébergée"),
        SourceNote::SignUp {
            answer: a,
            erased_before,
        } => {
            let mut text = format!(
                "Formulaire de consentement {}",
                answer(&a, " · inscription")
            );
            if erased_before {
                text.push_str(" · cette adresse a déjà été effacée sur demande");
            }
            text
        }
        SourceNote::SignUpConfirmed(a) => format!(
            "Formulaire de consentement {}",
            answer(&a, " · inscription confirmée par e-mail")
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
            span(Lang::Nl, seconds)
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
        (
            Lang::De,
            DeliveryNote::RetriesRanOut {
                attempts,
                seconds,
                answer,
            },
        ) => format!(
            "Nach {} in {} nicht zugestellt; der letzte schlug fehl: {answer}",
            match attempts {
                1 => "1 Versuch".to_owned(),
                n => format!("{n} Versuchen"),
            },
            span(Lang::De, seconds)
        ),
        (Lang::De, DeliveryNote::Refused { answer }) => {
            format!("Vom Mailserver abgewiesen, nicht wiederholt: {answer}")
        }
        (Lang::De, DeliveryNote::Expired { attempts }) => format!(
            "Abgelaufen, bevor sie zugestellt werden konnte ({})",
            attempt_count(Lang::De, attempts)
        ),
        (Lang::De, DeliveryNote::RecordDeleted) => {
            "Nicht gesendet: Der Datensatz wurde gelöscht, bevor sie zugestellt werden konnte"
                .to_owned()
        }
        (Lang::De, DeliveryNote::Replaced) => {
            "Nicht gesendet: Eine neuere Einwilligungsanfrage hat sie ersetzt (ihr Link \
             funktioniert nicht mehr)."
                .to_owned()
        }
        (Lang::De, DeliveryNote::HandedOver { to }) => {
            format!("An {to} zum manuellen Senden übergeben")
        }
        (Lang::Fr, DeliveryNote::Refused { answer }) => {
            format!("Refusé par le serveur de messagerie, sans nouvel essai : {answer}")
        }
        (
            Lang::Fr,
            DeliveryNote::RetriesRanOut {
                attempts,
                seconds,
                answer,
            },
        ) => format!(
            "Non distribué après {} en {} ; la dernière a échoué : {answer}",
            attempt_count(Lang::Fr, attempts),
            span(Lang::Fr, seconds)
        ),
        (Lang::Fr, DeliveryNote::Expired { attempts }) => format!(
            "Expiré avant de pouvoir être distribué ({})",
            attempt_count(Lang::Fr, attempts)
        ),
        (Lang::Fr, DeliveryNote::RecordDeleted) => {
            "Non envoyé : sa fiche a été supprimée avant qu'il puisse être distribué".to_owned()
        }
        (Lang::Fr, DeliveryNote::Replaced) => {
            "Non envoyé : une demande de consentement plus récente l'a remplacé (son lien ne \
             fonctionne plus)."
                .to_owned()
        }
        (Lang::Fr, DeliveryNote::HandedOver { to }) => {
            format!("Remis à {to} pour envoi manuel")
        }
    }
}

/// A stretch of time in `lang`: "45 seconden", "1 Minute", "3 heures 5 minutes".
fn span(lang: Lang, seconds: i64) -> String {
    use consentry_model::notes::{SpanUnit, span_parts};
    span_parts(seconds)
        .into_iter()
        .map(|(n, unit)| {
            let (one, many) = match (lang, unit) {
                (Lang::En, SpanUnit::Second) => ("second", "seconds"),
                (Lang::En, SpanUnit::Minute) => ("minute", "minutes"),
                (Lang::En, SpanUnit::Hour) => ("hour", "hours"),
                (Lang::Nl, SpanUnit::Second) => ("seconde", "seconden"),
                (Lang::Nl, SpanUnit::Minute) => ("minuut", "minuten"),
                (Lang::Nl, SpanUnit::Hour) => ("uur", "uur"),
                (Lang::De, SpanUnit::Second) => ("Sekunde", "Sekunden"),
                (Lang::De, SpanUnit::Minute) => ("Minute", "Minuten"),
                (Lang::De, SpanUnit::Hour) => ("Stunde", "Stunden"),
                (Lang::Fr, SpanUnit::Second) => ("seconde", "secondes"),
                (Lang::Fr, SpanUnit::Minute) => ("minute", "minutes"),
                (Lang::Fr, SpanUnit::Hour) => ("heure", "heures"),
            };
            format!("{n} {}", if n == 1 { one } else { many })
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
        (Lang::De, CHECKPOINT_IN_DATABASE) => "Datenbank".into(),
        (Lang::De, CHECKPOINT_IN_LOG) => "Prüfpunkt-Protokoll".into(),
        (Lang::Fr, CHECKPOINT_IN_DATABASE) => "base de données".into(),
        (Lang::Fr, CHECKPOINT_IN_LOG) => "journal des points de contrôle".into(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::notes::{DeliveryNote, MessageNoun, SourceNote};

    #[test]
    fn every_language_names_the_vocabulary_in_its_own_words() {
        for lang in [Lang::Nl, Lang::De, Lang::Fr] {
            assert_ne!(
                basis_name(lang, LegalBasis::LegitimateInterests),
                basis_name(Lang::En, LegalBasis::LegitimateInterests)
            );
            assert_ne!(
                status_name(lang, ConsentStatus::NotResponded),
                status_name(Lang::En, ConsentStatus::NotResponded)
            );
            assert_ne!(
                request_type_name(lang, RequestType::Erasure),
                request_type_name(Lang::En, RequestType::Erasure)
            );
            assert_ne!(
                field_error(lang, FieldError::Empty),
                field_error(Lang::En, FieldError::Empty)
            );
            let too_long = field_error(lang, FieldError::TooLong { max: 63 });
            assert!(too_long.contains("63"), "{lang:?}: {too_long}");
        }
        assert_eq!(basis_name(Lang::De, LegalBasis::Consent), "Einwilligung");
        assert_eq!(
            basis_name(Lang::Fr, LegalBasis::Contract),
            "Exécution d'un contrat"
        );
        assert_eq!(channel_name(Lang::De, Channel::Email), "E-Mail");
        assert_eq!(channel_name(Lang::Fr, Channel::Email), "E-mail");
    }

    #[test]
    fn notes_consentry_wrote_are_said_anew_in_german_and_french() {
        let delivered = SourceNote::Delivered(MessageNoun::Message).english();
        assert_eq!(
            detail_text(Lang::Fr, &delivered),
            "Message distribué : le serveur de messagerie l'a accepté"
        );
        let delivered = SourceNote::Delivered(MessageNoun::ConsentRequest).english();
        assert_eq!(
            detail_text(Lang::Fr, &delivered),
            "Demande de consentement distribuée : le serveur de messagerie l'a acceptée"
        );
        assert_eq!(
            detail_text(Lang::De, &SourceNote::NoAnswer { days: 14 }.english()),
            "Keine Antwort innerhalb der Wartezeit von 14 Tagen"
        );
        let ran_out = DeliveryNote::RetriesRanOut {
            attempts: 12,
            seconds: 24 * 3600 + 60,
            answer: "451 busy".into(),
        }
        .english();
        assert_eq!(
            delivery_detail_text(Lang::De, &ran_out),
            "Nach 12 Versuchen in 24 Stunden 1 Minute nicht zugestellt; der letzte schlug fehl: \
             451 busy"
        );
        assert_eq!(
            delivery_detail_text(Lang::Fr, &ran_out),
            "Non distribué après 12 tentatives en 24 heures 1 minute ; la dernière a échoué : \
             451 busy"
        );
        assert_eq!(
            delivery_detail_text(Lang::Nl, &ran_out),
            "Niet afgeleverd na 12 pogingen in 24 uur 1 minuut; de laatste mislukte: 451 busy"
        );
    }
}
