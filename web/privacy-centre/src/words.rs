//! The privacy centre's own words, in English or Dutch (the ones every public page uses
//! come from `consentry_ui::public::words`).

use consentry_model::requests::RequestType;

/// A word of the page (the variant names say what each is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Word {
    Failed,
    NotFound,
    Title,
    Intro,
    WhatToDo,
    Email,
    EmailHint,
    Details,
    WhatIsWrong,
    DetailsNeeded,
    SendCode,
    TooMany,
    CodeSent,
    Code,
    Confirm,
    WrongCode,
    CodeExpired,
    CodeLocked,
    CodeUsed,
    Filed,
}

/// A word in `lang` (Dutch for `nl`, English otherwise).
pub fn word(lang: &str, word: Word) -> &'static str {
    let dutch = lang == "nl";
    match (word, dutch) {
        (Word::Failed, false) => "Something went wrong. Try again in a moment.",
        (Word::Failed, true) => "Er ging iets mis. Probeer het zo opnieuw.",
        (Word::NotFound, false) => "There is no privacy centre here.",
        (Word::NotFound, true) => "Hier is geen privacycentrum.",
        (Word::Title, false) => "Privacy centre",
        (Word::Title, true) => "Privacycentrum",
        (Word::Intro, false) => "Exercise your rights under the GDPR with",
        (Word::Intro, true) => "Oefen uw rechten onder de AVG uit bij",
        (Word::WhatToDo, false) => "What would you like to do?",
        (Word::WhatToDo, true) => "Wat wilt u doen?",
        (Word::Email, false) => "Your e-mail address",
        (Word::Email, true) => "Uw e-mailadres",
        (Word::EmailHint, false) => {
            "We send a code to this address to make sure it is yours. We find your data by it."
        }
        (Word::EmailHint, true) => {
            "We sturen een code naar dit adres om zeker te weten dat het van u is. Daarmee vinden we uw gegevens."
        }
        (Word::Details, false) => "Anything to add (optional)",
        (Word::Details, true) => "Iets toe te voegen (optioneel)",
        (Word::WhatIsWrong, false) => "What is wrong, and what should it be?",
        (Word::WhatIsWrong, true) => "Wat klopt er niet, en wat moet het zijn?",
        (Word::DetailsNeeded, false) => "Say what is wrong (at most 2,000 characters).",
        (Word::DetailsNeeded, true) => "Beschrijf wat er niet klopt (hoogstens 2.000 tekens).",
        (Word::SendCode, false) => "Send me a code",
        (Word::SendCode, true) => "Stuur mij een code",
        (Word::TooMany, false) => "Too many requests at once. Try again later.",
        (Word::TooMany, true) => "Te veel verzoeken tegelijk. Probeer het later opnieuw.",
        (Word::CodeSent, false) => {
            "We are sending a six-digit code to the address you entered. It works for 15 minutes; no mail within a few minutes? Check your spam folder, or ask again."
        }
        (Word::CodeSent, true) => {
            "We sturen een code van zes cijfers naar het adres dat u invulde. Die werkt 15 minuten; na een paar minuten nog geen e-mail? Kijk in uw spammap, of vraag opnieuw."
        }
        (Word::Code, false) => "Code from the e-mail",
        (Word::Code, true) => "Code uit de e-mail",
        (Word::Confirm, false) => "Confirm my request",
        (Word::Confirm, true) => "Mijn verzoek bevestigen",
        (Word::WrongCode, false) => "That code is not right. Check the e-mail and try again.",
        (Word::WrongCode, true) => "Die code klopt niet. Kijk in de e-mail en probeer het opnieuw.",
        (Word::CodeExpired, false) => "This code has expired. Reload the page to start again.",
        (Word::CodeExpired, true) => {
            "Deze code is verlopen. Laad de pagina opnieuw om opnieuw te beginnen."
        }
        (Word::CodeLocked, false) => "Too many wrong codes. Reload the page to start again.",
        (Word::CodeLocked, true) => {
            "Te vaak een verkeerde code. Laad de pagina opnieuw om opnieuw te beginnen."
        }
        (Word::CodeUsed, false) => "This request is filed already.",
        (Word::CodeUsed, true) => "Dit verzoek is al ingediend.",
        (Word::Filed, false) => "Your request is filed. You will have an answer by",
        (Word::Filed, true) => "Uw verzoek is ingediend. U krijgt uiterlijk antwoord op",
    }
}

/// A right's title and what it means, in `lang`.
pub fn kind_text(lang: &str, kind: RequestType) -> (&'static str, &'static str) {
    let dutch = lang == "nl";
    match (kind, dutch) {
        (RequestType::Access, false) => ("See my data", "A copy of everything held about you."),
        (RequestType::Access, true) => (
            "Mijn gegevens inzien",
            "Een kopie van alles wat over u is vastgelegd.",
        ),
        (RequestType::Rectification, false) => (
            "Correct my data",
            "Something about you is wrong or incomplete.",
        ),
        (RequestType::Rectification, true) => (
            "Mijn gegevens corrigeren",
            "Iets over u klopt niet of is onvolledig.",
        ),
        (RequestType::Portability, false) => (
            "Take my data elsewhere",
            "Your data in a file another service can read.",
        ),
        (RequestType::Portability, true) => (
            "Mijn gegevens meenemen",
            "Uw gegevens in een bestand dat een andere dienst kan lezen.",
        ),
        (RequestType::Erasure, false) => ("Erase my data", "Remove your personal data."),
        (RequestType::Erasure, true) => {
            ("Mijn gegevens wissen", "Uw persoonsgegevens verwijderen.")
        }
        (RequestType::StopProcessing, false) => (
            "Stop processing my data",
            "Keep your data but do nothing with it.",
        ),
        (RequestType::StopProcessing, true) => (
            "Stop met verwerken",
            "Uw gegevens bewaren maar er niets mee doen.",
        ),
        (RequestType::Objection, false) => (
            "Object to processing",
            "You disagree with how your data is used.",
        ),
        (RequestType::Objection, true) => (
            "Bezwaar maken",
            "U bent het niet eens met hoe uw gegevens worden gebruikt.",
        ),
    }
}
