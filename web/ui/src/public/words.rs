//! The few words of the public pages around the form, in English or Dutch (the form brings
//! its own texts in every language it has).

/// A word of the page chrome (the variant names say what each is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Word {
    Loading,
    Language,
    Expired,
    Revoked,
    Spent,
    Unknown,
    Failed,
    NotFound,
    Receipt,
    NewLink,
    NewLinkSent,
    VerifyTitle,
    VerifyIntro,
    VerifyLabel,
    VerifyButton,
    VerifyValid,
    VerifyInvalid,
    CheckReceipt,
    FirstName,
    LastName,
    Email,
    Optional,
    EmailInvalid,
    NameInvalid,
    ChooseRequired,
    CheckInbox,
    FormChanged,
    TooMany,
    NotOpen,
    ConfirmTitle,
    ConfirmButton,
    Confirmed,
    SignUpExpired,
    SignUpSpent,
    SignUp,
    SignUpStored,
    KeptUntil,
    WhoseLink,
    WhoseLinkNotYou,
    StopTitle,
    StopMeaning,
    StopConfirm,
    Cancel,
    RecordedStop,
    RecordedGranted,
    RecordedNothing,
    Granted,
    Refused,
    Withdrawn,
    FormVersion,
}

pub fn word(lang: &str, word: Word) -> &'static str {
    let dutch = lang == "nl";
    match (word, dutch) {
        (Word::Loading, false) => "Loading…",
        (Word::Loading, true) => "Bezig met laden…",
        (Word::Language, false) => "Language",
        (Word::Language, true) => "Taal",
        (Word::Expired, false) => {
            "This link has expired. Ask the organisation that sent it for a new one."
        }
        (Word::Expired, true) => {
            "Deze link is verlopen. Vraag de organisatie die hem stuurde om een nieuwe."
        }
        (Word::Revoked, false) => {
            "A newer link was sent to you for this form, so this one no longer works. Use the link in the newest message, or ask for a new one."
        }
        (Word::Revoked, true) => {
            "U kreeg een nieuwere link voor dit formulier, dus deze werkt niet meer. Gebruik de link uit het nieuwste bericht, of vraag een nieuwe aan."
        }
        (Word::Spent, false) => {
            "Your answer through this link was recorded. To change it, ask the organisation for a new link."
        }
        (Word::Spent, true) => {
            "Uw antwoord via deze link is vastgelegd. Vraag de organisatie om een nieuwe link om het te wijzigen."
        }
        (Word::Unknown, false) => "This link is not valid. Check that you copied it completely.",
        (Word::Unknown, true) => {
            "Deze link is niet geldig. Controleer of u hem volledig hebt gekopieerd."
        }
        (Word::Failed, false) => "Your choice could not be saved. Try again in a moment.",
        (Word::Failed, true) => "Uw keuze kon niet worden opgeslagen. Probeer het zo opnieuw.",
        (Word::NotFound, false) => "There is no page here.",
        (Word::NotFound, true) => "Hier is geen pagina.",
        (Word::Receipt, false) => "Download your signed consent receipt",
        (Word::Receipt, true) => "Download uw ondertekende toestemmingsbewijs",
        (Word::NewLink, false) => "Send me a new link",
        (Word::NewLink, true) => "Stuur mij een nieuwe link",
        (Word::NewLinkSent, false) => {
            "If this link was ours, a new one is on its way to the address it was sent to."
        }
        (Word::NewLinkSent, true) => {
            "Als deze link van ons was, is er een nieuwe onderweg naar het adres waar hij heen ging."
        }
        (Word::VerifyTitle, false) => "Check a consent receipt",
        (Word::VerifyTitle, true) => "Een toestemmingsbewijs controleren",
        (Word::VerifyIntro, false) => {
            "Paste the contents of a receipt file (consent-receipt.jws). Its signature shows whether it is exactly what the organisation issued."
        }
        (Word::VerifyIntro, true) => {
            "Plak de inhoud van een bewijsbestand (consent-receipt.jws). De handtekening laat zien of het precies is wat de organisatie uitgaf."
        }
        (Word::VerifyLabel, false) => "Receipt",
        (Word::VerifyLabel, true) => "Bewijs",
        (Word::VerifyButton, false) => "Check",
        (Word::VerifyButton, true) => "Controleren",
        (Word::VerifyValid, false) => "Valid: signed by",
        (Word::VerifyValid, true) => "Geldig: ondertekend door",
        (Word::VerifyInvalid, false) => {
            "Not valid: this receipt was altered, or was not issued by this service."
        }
        (Word::VerifyInvalid, true) => {
            "Niet geldig: dit bewijs is gewijzigd, of is niet door deze dienst uitgegeven."
        }
        (Word::CheckReceipt, false) => "Check a receipt",
        (Word::CheckReceipt, true) => "Een bewijs controleren",
        (Word::FirstName, false) => "First name",
        (Word::FirstName, true) => "Voornaam",
        (Word::LastName, false) => "Last name",
        (Word::LastName, true) => "Achternaam",
        (Word::Email, false) => "E-mail address",
        (Word::Email, true) => "E-mailadres",
        (Word::Optional, false) => "optional",
        (Word::Optional, true) => "optioneel",
        (Word::EmailInvalid, false) => "Enter an e-mail address such as name@example.org.",
        (Word::EmailInvalid, true) => "Vul een e-mailadres in, zoals naam@voorbeeld.nl.",
        (Word::NameInvalid, false) => "Use at most 200 characters, without line breaks.",
        (Word::NameInvalid, true) => "Gebruik hoogstens 200 tekens, zonder regeleinden.",
        (Word::ChooseRequired, false) => {
            "Tick what you agree to; the required purposes are part of signing up."
        }
        (Word::ChooseRequired, true) => {
            "Vink aan waarmee u instemt; de verplichte doelen horen bij de aanmelding."
        }
        (Word::CheckInbox, false) => {
            "Almost done: we are sending a link to your e-mail address. Open it to confirm your sign-up; until then your consent does not count. No mail within a few minutes? Check your spam folder, or sign up again later."
        }
        (Word::CheckInbox, true) => {
            "Bijna klaar: we sturen een link naar uw e-mailadres. Open die om uw aanmelding te bevestigen; tot dan telt uw toestemming niet. Na een paar minuten nog geen e-mail? Kijk in uw spammap, of meld u later opnieuw aan."
        }
        (Word::FormChanged, false) => {
            "This form was changed while you filled it in. Reload the page and check your choices."
        }
        (Word::FormChanged, true) => {
            "Dit formulier is gewijzigd terwijl u het invulde. Laad de pagina opnieuw en controleer uw keuzes."
        }
        (Word::TooMany, false) => "Too many sign-ups at once. Try again later.",
        (Word::TooMany, true) => "Te veel aanmeldingen tegelijk. Probeer het later opnieuw.",
        (Word::NotOpen, false) => "This form does not take sign-ups.",
        (Word::NotOpen, true) => "Via dit formulier kunt u zich niet aanmelden.",
        (Word::ConfirmTitle, false) => "Confirm your sign-up",
        (Word::ConfirmTitle, true) => "Bevestig uw aanmelding",
        (Word::ConfirmButton, false) => "Yes, confirm my sign-up",
        (Word::ConfirmButton, true) => "Ja, bevestig mijn aanmelding",
        (Word::Confirmed, false) => "Thank you: your sign-up is confirmed.",
        (Word::Confirmed, true) => "Dank u wel: uw aanmelding is bevestigd.",
        (Word::SignUpExpired, false) => {
            "This confirmation link has expired. Sign up again to get a new one."
        }
        (Word::SignUpExpired, true) => {
            "Deze bevestigingslink is verlopen. Meld u opnieuw aan voor een nieuwe."
        }
        (Word::SignUpSpent, false) => "Your sign-up is confirmed already; nothing more to do.",
        (Word::SignUpSpent, true) => "Uw aanmelding is al bevestigd; u hoeft niets meer te doen.",
        (Word::SignUp, false) => "Sign up",
        (Word::SignUp, true) => "Aanmelden",
        (Word::SignUpStored, false) => {
            "When you sign up, we store your name, your e-mail address and what you ticked, and send you a link to confirm."
        }
        (Word::SignUpStored, true) => {
            "Als u zich aanmeldt, slaan we uw naam, uw e-mailadres en uw keuzes op, en sturen we u een link om te bevestigen."
        }
        // `{date}` is replaced by the day (see `kept_until`).
        (Word::KeptUntil, false) => {
            "We keep your sign-up until {date}; without confirmation it is deleted then."
        }
        (Word::KeptUntil, true) => {
            "We bewaren uw aanmelding tot {date}; zonder bevestiging wordt ze dan verwijderd."
        }
        (Word::WhoseLink, false) => "This link was sent to",
        (Word::WhoseLink, true) => "Deze link is gestuurd naar",
        (Word::WhoseLinkNotYou, false) => {
            "Not your address? Then this mail was forwarded to you: do not answer for someone else."
        }
        (Word::WhoseLinkNotYou, true) => {
            "Niet uw adres? Dan is dit bericht naar u doorgestuurd: antwoord niet voor een ander."
        }
        (Word::StopTitle, false) => "Stop processing your data?",
        (Word::StopTitle, true) => "Stoppen met het verwerken van uw gegevens?",
        (Word::StopMeaning, false) => {
            "The organisation will stop using your data: no more e-mails, and your data is not used, shared or exported while processing is stopped. Your consent for every purpose is withdrawn. Your data is kept, not deleted; to have it deleted, ask for erasure."
        }
        (Word::StopMeaning, true) => {
            "De organisatie stopt met het gebruik van uw gegevens: geen e-mails meer, en uw gegevens worden niet gebruikt, gedeeld of geëxporteerd zolang de verwerking gestopt is. Uw toestemming voor elk doel wordt ingetrokken. Uw gegevens blijven bewaard en worden niet verwijderd; vraag om verwijdering als u dat wilt."
        }
        (Word::StopConfirm, false) => "Yes, stop processing my data",
        (Word::StopConfirm, true) => "Ja, stop met het verwerken van mijn gegevens",
        (Word::Cancel, false) => "Cancel",
        (Word::Cancel, true) => "Annuleren",
        (Word::RecordedStop, false) => {
            "Recorded: you asked to stop processing your data. Your consent for every purpose is withdrawn."
        }
        (Word::RecordedStop, true) => {
            "Vastgelegd: u vroeg om te stoppen met het verwerken van uw gegevens. Uw toestemming voor elk doel is ingetrokken."
        }
        (Word::RecordedGranted, false) => "Recorded: your consent for",
        (Word::RecordedGranted, true) => "Vastgelegd: uw toestemming voor",
        (Word::RecordedNothing, false) => "Recorded: you gave consent for no purpose.",
        (Word::RecordedNothing, true) => "Vastgelegd: u gaf voor geen enkel doel toestemming.",
        (Word::Granted, false) => "Consent given",
        (Word::Granted, true) => "Toestemming gegeven",
        (Word::Refused, false) => "Consent refused",
        (Word::Refused, true) => "Toestemming geweigerd",
        (Word::Withdrawn, false) => "Consent withdrawn",
        (Word::Withdrawn, true) => "Toestemming ingetrokken",
        (Word::FormVersion, false) => "form version",
        (Word::FormVersion, true) => "formulierversie",
    }
}

/// A receipt's decision (or a purpose's status) in the reader's language; a code this version
/// does not know is shown as it is.
pub fn decision_word(lang: &str, code: &str) -> String {
    use consentry_model::consent::ReceiptDecision;
    match ReceiptDecision::from_code(code) {
        Some(ReceiptDecision::Granted) => word(lang, Word::Granted).to_owned(),
        Some(ReceiptDecision::Refused) => word(lang, Word::Refused).to_owned(),
        Some(ReceiptDecision::Withdrawn) => word(lang, Word::Withdrawn).to_owned(),
        None => code.to_owned(),
    }
}

/// "We keep your sign-up until {date}; ..." with the day written out (`2026-12-16`).
pub fn kept_until(lang: &str, date: chrono::NaiveDate) -> String {
    word(lang, Word::KeptUntil).replace("{date}", &consentry_model::signup::ymd(date))
}
