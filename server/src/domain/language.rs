//! Which language a data subject is spoken to in: the link's `?lang=`, then the choice they
//! made before (the `consentry_lang` cookie), then their browser's `Accept-Language` by its
//! quality values, among the languages on offer; else the form's (or organisation's) default.

use consentry_model::forms::FormLang;
use consentry_words::subject;

/// The cookie a page's language switch leaves: the data subject's own choice, remembered.
pub const CHOICE_COOKIE: &str = "consentry_lang";

/// The languages a data subject asked for, most wanted first, each one Consentry speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preferred {
    order: Vec<&'static str>,
    /// Refused by name (`q=0`).
    refused: Vec<&'static str>,
    /// `*` with a quality above 0: any other language will do.
    any: bool,
}

/// A language tag's primary subtag as one of ours: `pl-PL` → `pl`; Norwegian (`no`, `nn`)
/// reads Bokmål.
fn spoken(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let primary = match primary.as_str() {
        "no" | "nn" => "nb",
        other => other,
    };
    subject::position(primary).map(|i| subject::LANGUAGES[i].0)
}

impl Preferred {
    /// From the link's `lang`, the remembered choice and the `Accept-Language` header; what
    /// is not a language spoken here is passed over (a stale or made-up code falls back).
    pub fn new(link: Option<&str>, remembered: Option<&str>, accept: Option<&str>) -> Preferred {
        let mut order: Vec<&'static str> = Vec::new();
        let mut refused = Vec::new();
        let mut any = false;
        let mut add = |code: Option<&'static str>| {
            if let Some(code) = code
                && !order.contains(&code)
            {
                order.push(code);
            }
        };
        add(link.and_then(spoken));
        add(remembered.and_then(spoken));
        // Sorted by quality, highest first (a stable sort keeps the header's order between
        // equals); `q=0` means "not this one".
        for (tag, quality) in accept_language::parse_with_quality(accept.unwrap_or_default()) {
            if tag == "*" {
                any |= quality > 0.0;
            } else if quality > 0.0 {
                add(spoken(&tag));
            } else if let Some(code) = spoken(&tag) {
                refused.push(code);
            }
        }
        // Asked for by the link or a choice of their own, a language is not refused.
        refused.retain(|code| !order.contains(code));
        Preferred {
            order,
            refused,
            any,
        }
    }

    /// The most wanted language among `offered`; else `default`, unless the browser refused
    /// it (`q=0`) and accepts any other (`*`).
    pub fn choose(&self, offered: &[FormLang], default: &FormLang) -> FormLang {
        let wanted = self
            .order
            .iter()
            .find_map(|code| offered.iter().find(|l| l.as_str() == *code));
        let refused = |l: &FormLang| self.refused.contains(&l.as_str());
        let other = || {
            (self.any && refused(default))
                .then(|| offered.iter().find(|l| !refused(l)))
                .flatten()
        };
        wanted.or_else(other).unwrap_or(default).clone()
    }

    /// The most wanted language spoken here (English when none is): for a page that does
    /// not know yet what its form offers.
    pub fn first(&self) -> &'static str {
        self.order.first().copied().unwrap_or(subject::SOURCE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(codes: &[&str]) -> Vec<FormLang> {
        codes
            .iter()
            .map(|c| FormLang::parse(c).expect("code"))
            .collect()
    }

    #[test]
    fn quality_values_order_the_browser_languages() {
        let offered = langs(&["en", "de", "pl"]);
        let default = FormLang::parse("en").expect("code");
        let asked = Preferred::new(None, None, Some("pl;q=0.9, de;q=0.8"));
        assert_eq!(asked.choose(&offered, &default).as_str(), "pl");
        // Order in the header does not beat quality.
        let asked = Preferred::new(None, None, Some("de;q=0.5, pl-PL;q=0.7, *;q=0.1"));
        assert_eq!(asked.choose(&offered, &default).as_str(), "pl");
        // q=0 refuses a language.
        let asked = Preferred::new(None, None, Some("pl;q=0, de"));
        assert_eq!(asked.choose(&langs(&["en", "pl"]), &default).as_str(), "en");
    }

    #[test]
    fn the_link_beats_the_remembered_choice_which_beats_the_browser() {
        let offered = langs(&["en", "de", "pl", "nl"]);
        let default = FormLang::parse("en").expect("code");
        let all = Preferred::new(Some("nl"), Some("de"), Some("pl"));
        assert_eq!(all.choose(&offered, &default).as_str(), "nl");
        let no_link = Preferred::new(Some("xx"), Some("de"), Some("pl"));
        assert_eq!(no_link.choose(&offered, &default).as_str(), "de");
        assert_eq!(no_link.first(), "de");
    }

    #[test]
    fn unknown_and_unoffered_languages_fall_back_to_the_default() {
        let default = FormLang::parse("nl").expect("code");
        let asked = Preferred::new(None, None, Some("tlh, x-klingon;q=0.9, ;q=,,"));
        assert_eq!(asked.choose(&langs(&["nl", "en"]), &default).as_str(), "nl");
        assert_eq!(asked.first(), "en");
        // `*` with the default refused: another language on offer.
        let offered = langs(&["de", "en", "pl"]);
        let english = FormLang::parse("en").expect("code");
        let asked = Preferred::new(None, None, Some("*, en;q=0"));
        assert_eq!(asked.choose(&offered, &english).as_str(), "de");
        let asked = Preferred::new(None, None, Some("en;q=0, *;q=0.5"));
        assert_eq!(asked.choose(&offered, &english).as_str(), "de");
        // Without `*`, a refused default is still better than nothing.
        let asked = Preferred::new(None, None, Some("en;q=0"));
        assert_eq!(asked.choose(&offered, &english).as_str(), "en");
        let norwegian = Preferred::new(None, None, Some("nn-NO"));
        assert_eq!(norwegian.first(), "nb");
    }
}

/// What a mail to a data subject is made of, in their language.
pub mod mail {
    use consentry_model::requests::RequestType;
    use consentry_words::subject::{self, MailWord};

    /// A mail text in `lang`, its placeholders filled in.
    pub fn say(lang: &str, word: MailWord, values: &[(&str, &str)]) -> String {
        subject::fill(subject::mail(lang, word), values)
    }

    /// A mail's body: the greeting, the paragraphs, each ending in a line break.
    pub fn letter(lang: &str, paragraphs: &[String]) -> String {
        let mut body = format!("{}\n", subject::mail(lang, MailWord::MailHello));
        for paragraph in paragraphs.iter().filter(|p| !p.is_empty()) {
            body.push('\n');
            body.push_str(paragraph);
            body.push('\n');
        }
        body
    }

    /// The law's name of the right a request exercises (`right to erasure (Article 17 GDPR)`).
    pub fn right(lang: &str, kind: RequestType) -> &'static str {
        subject::mail(
            lang,
            match kind {
                RequestType::Access => MailWord::MailRightAccess,
                RequestType::Rectification => MailWord::MailRightRectification,
                RequestType::Portability => MailWord::MailRightPortability,
                RequestType::Erasure => MailWord::MailRightErasure,
                RequestType::StopProcessing => MailWord::MailRightRestriction,
                RequestType::Objection => MailWord::MailRightObject,
            },
        )
    }
}

/// The supervisory authority of an EU/EEA country (ISO 3166 code, as the controller's
/// address gives it): its name and website, for a refusal that says where to complain
/// (Art. 77 GDPR).
pub fn authority(country: &str) -> Option<(&'static str, &'static str)> {
    Some(match country.to_ascii_uppercase().as_str() {
        "AT" => (
            "Österreichische Datenschutzbehörde",
            "https://www.dsb.gv.at",
        ),
        "BE" => (
            "Gegevensbeschermingsautoriteit / Autorité de protection des données",
            "https://www.dataprotectionauthority.be",
        ),
        "BG" => ("Комисия за защита на личните данни", "https://www.cpdp.bg"),
        "CY" => (
            "Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
            "https://www.dataprotection.gov.cy",
        ),
        "CZ" => ("Úřad pro ochranu osobních údajů", "https://uoou.gov.cz"),
        // A company answers to the authority of its federal state; the Datenschutzkonferenz
        // lists them all.
        "DE" => (
            "die Datenschutzaufsichtsbehörde des Bundeslandes (Übersicht der Datenschutzkonferenz)",
            "https://www.datenschutzkonferenz-online.de/datenschutzaufsichtsbehoerden.html",
        ),
        "DK" => ("Datatilsynet", "https://www.datatilsynet.dk"),
        "EE" => ("Andmekaitse Inspektsioon", "https://www.aki.ee"),
        "ES" => (
            "Agencia Española de Protección de Datos",
            "https://www.aepd.es",
        ),
        "FI" => ("Tietosuojavaltuutetun toimisto", "https://tietosuoja.fi"),
        "FR" => (
            "Commission nationale de l'informatique et des libertés (CNIL)",
            "https://www.cnil.fr",
        ),
        "GR" | "EL" => (
            "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
            "https://www.dpa.gr",
        ),
        "HR" => ("Agencija za zaštitu osobnih podataka", "https://azop.hr"),
        "HU" => (
            "Nemzeti Adatvédelmi és Információszabadság Hatóság",
            "https://naih.hu",
        ),
        "IE" => (
            "Data Protection Commission",
            "https://www.dataprotection.ie",
        ),
        "IS" => ("Persónuvernd", "https://www.personuvernd.is"),
        "IT" => (
            "Garante per la protezione dei dati personali",
            "https://www.garanteprivacy.it",
        ),
        "LI" => (
            "Datenschutzstelle Liechtenstein",
            "https://www.datenschutzstelle.li",
        ),
        "LT" => (
            "Valstybinė duomenų apsaugos inspekcija",
            "https://vdai.lrv.lt",
        ),
        "LU" => (
            "Commission nationale pour la protection des données",
            "https://cnpd.public.lu",
        ),
        "LV" => ("Datu valsts inspekcija", "https://www.dvi.gov.lv"),
        "MT" => (
            "Information and Data Protection Commissioner",
            "https://idpc.org.mt",
        ),
        "NL" => (
            "Autoriteit Persoonsgegevens",
            "https://www.autoriteitpersoonsgegevens.nl",
        ),
        "NO" => ("Datatilsynet", "https://www.datatilsynet.no"),
        "PL" => (
            "Prezes Urzędu Ochrony Danych Osobowych",
            "https://uodo.gov.pl",
        ),
        "PT" => (
            "Comissão Nacional de Proteção de Dados",
            "https://www.cnpd.pt",
        ),
        "RO" => (
            "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal",
            "https://www.dataprotection.ro",
        ),
        "SE" => ("Integritetsskyddsmyndigheten", "https://www.imy.se"),
        "SI" => ("Informacijski pooblaščenec", "https://www.ip-rs.si"),
        "SK" => (
            "Úrad na ochranu osobných údajov Slovenskej republiky",
            "https://dataprotection.gov.sk",
        ),
        _ => return None,
    })
}
