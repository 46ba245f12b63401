//! An audit entry's detail as labelled facts in the reader's language: the evidence is stored
//! as JSON with English keys and vocabulary codes, and shown here as a list of label → value,
//! known keys and vocabulary values translated, anything else in a readable form, never as
//! raw JSON.

use consentry_model::{
    ConsentStatus, Lang, LegalBasis,
    audit::{RESUMED_PREFIX, WrittenReason},
    compliance::PendingProcessing,
    consent::DeliveryStatus,
    fields::{FieldKind, Personal, StandardField},
    handling::Exclusion,
    records::{Channel, ConsentThrough, RecordedDecision, SourceKind},
    requests::{ErasureConfirmation, RequestSource, RequestStatus, RequestType},
    webhooks::DeliveryState,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalogue::{Msg, text};
use crate::detail_keys::{DetailKey, detail_key_name};
use crate::names::{
    basis_name, builtin_module_name, channel_name, decision_name, delivery_status_msg,
    exclusion_name, field_kind_name, personal_name, request_source_name, request_status_name,
    request_type_name, skip_reason, source_name, standard_field_name, status_name, through_name,
};

/// One fact of a detail: its label and its value, both as the reader reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What it is.
    pub label: String,
    /// What it was or became.
    pub value: String,
}

/// The facts of an entry's detail: what changed from `before` to `after` ("old → new"), what
/// stayed, what was only before or only after. `action` (the entry's code) tells which
/// vocabulary a status belongs to.
pub fn facts(lang: Lang, action: &str, before: Option<&Value>, after: Option<&Value>) -> Vec<Fact> {
    let mut old = Vec::new();
    let mut new = Vec::new();
    if let Some(before) = before {
        flatten(lang, action, "", before, &mut old);
    }
    if let Some(after) = after {
        flatten(lang, action, "", after, &mut new);
    }
    let mut out: Vec<Fact> = Vec::new();
    for (label, value) in &new {
        match old.iter().find(|(l, _)| l == label) {
            Some((_, was)) if was != value => out.push(Fact {
                label: label.clone(),
                value: format!("{was} → {value}"),
            }),
            _ => out.push(Fact {
                label: label.clone(),
                value: value.clone(),
            }),
        }
    }
    for (label, was) in &old {
        if !new.iter().any(|(l, _)| l == label) {
            let value = if after.is_some() {
                format!("{was} → —")
            } else {
                was.clone()
            };
            out.push(Fact {
                label: label.clone(),
                value,
            });
        }
    }
    // What to do after a cut-off job is written in English by the server: said again here,
    // from the entry's own numbers, in the reader's language.
    if let Some(advice) = after.and_then(|after| interruption_advice(lang, action, after)) {
        let label = key_label(lang, "advice");
        if let Some(fact) = out.iter_mut().find(|f| f.label == label) {
            fact.value = advice;
        }
    }
    out
}

/// What to do after a job a stopped process cut off (`job.interrupted`) in the reader's
/// language; `None` in English (the stored text says it) or for another entry.
fn interruption_advice(lang: Lang, action: &str, after: &Value) -> Option<String> {
    if action != "job.interrupted" {
        return None;
    }
    let n = |key: &str| after.get(key).and_then(Value::as_u64);
    let done = n("done").unwrap_or_default();
    match after.get("kind")?.as_str()? {
        "import" => {
            let refused = n("refused").unwrap_or_default();
            match n("handled_through_row") {
                None => import_cut_before_start(lang).map(str::to_owned),
                Some(last) => import_cut(lang, last, done, refused),
            }
        }
        "bulk_send" => {
            let skipped: u64 = after
                .get("skipped")
                .and_then(Value::as_object)
                .map(|reasons| reasons.values().filter_map(Value::as_u64).sum())
                .unwrap_or_default();
            let rest = n("total")
                .unwrap_or_default()
                .saturating_sub(done + skipped);
            let since = after
                .get("started_at")
                .and_then(Value::as_str)
                .and_then(time)
                .unwrap_or_default();
            bulk_send_cut(lang, done, skipped, rest, &since)
        }
        _ => None,
    }
}

/// An import cut off before its first batch of rows was written.
fn import_cut_before_start(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Nl => Some(
            "Het proces dat deze import uitvoerde (de server of een import via de opdrachtregel) \
             stopte voordat de eerste reeks rijen was geschreven: niets van dit bestand is \
             geïmporteerd. Importeer het hele bestand opnieuw.",
        ),
        Lang::De => Some(
            "Der Prozess, der diesen Import ausführte (der Server oder ein Import über die \
             Befehlszeile), wurde beendet, bevor der erste Stapel Zeilen geschrieben war: Nichts \
             aus dieser Datei wurde importiert. Importieren Sie die ganze Datei erneut.",
        ),
        Lang::Fr => Some(
            "Le processus qui exécutait cet import (le serveur ou un import en ligne de \
             commande) s'est arrêté avant l'écriture du premier lot de lignes : rien de ce \
             fichier n'a été importé. Importez de nouveau le fichier entier.",
        ),
    }
}

/// An import cut off after rows 2 to `last` were handled.
fn import_cut(lang: Lang, last: u64, done: u64, refused: u64) -> Option<String> {
    let next = last + 1;
    match lang {
        Lang::En => None,
        Lang::Nl => Some(format!(
            "Het proces dat deze import uitvoerde (de server of een import via de \
             opdrachtregel) stopte tijdens de import. Rijen 2–{last} zijn verwerkt: {done} \
             record(s) geïmporteerd, {refused} rij(en) geweigerd. Rijen vanaf {next} zijn niet \
             geïmporteerd — importeer ze opnieuw uit een bestand met alleen die rijen (met \
             dezelfde kopregel). Het bestand zelf is niet bewaard: het bevat \
             persoonsgegevens."
        )),
        Lang::De => Some(format!(
            "Der Prozess, der diesen Import ausführte (der Server oder ein Import über die \
             Befehlszeile), wurde während des Imports beendet. Die Zeilen 2–{last} wurden \
             verarbeitet: importierte Datensätze: {done}, abgelehnte Zeilen: {refused}. Zeilen \
             ab {next} wurden nicht importiert — importieren Sie sie erneut aus einer Datei, die \
             nur diese Zeilen enthält (mit derselben Kopfzeile). Die Datei selbst wurde nicht \
             aufbewahrt: Sie enthält personenbezogene Daten."
        )),
        Lang::Fr => Some(format!(
            "Le processus qui exécutait cet import (le serveur ou un import en ligne de \
             commande) s'est arrêté en cours d'import. Les lignes 2 à {last} ont été traitées : \
             fiches importées : {done}, lignes refusées : {refused}. Les lignes à partir de \
             {next} n'ont pas été importées — importez-les de nouveau depuis un fichier ne \
             contenant que ces lignes (avec la même ligne d'en-tête). Le fichier lui-même n'a \
             pas été conservé : il contient des données personnelles."
        )),
    }
}

/// A consent request to a list cut off after `done` requests; `rest` records were not asked.
fn bulk_send_cut(lang: Lang, done: u64, skipped: u64, rest: u64, since: &str) -> Option<String> {
    match lang {
        Lang::En => None,
        Lang::Nl => Some(format!(
            "De server stopte tijdens dit toestemmingsverzoek aan een lijst. {done} \
             verzoek(en) zijn gemaakt voordat hij stopte: de berichten staan in de Outbox en \
             worden gewoon verstuurd. {skipped} record(s) zijn overgeslagen. De andere \
             records van de lijst (ongeveer {rest}) zijn niet gevraagd: verstuur het verzoek \
             opnieuw naar dezelfde lijst met \"Records overslaan die een \
             toestemmingsverzoek kregen sinds\" op {since}, zodat niemand die dit verzoek bereikte \
             twee keer wordt gevraagd; een record waarvan het verzoek mislukte, wordt opnieuw \
             gevraagd."
        )),
        Lang::De => Some(format!(
            "Der Server wurde während dieser Einwilligungsanfrage an eine Liste beendet. Vor dem \
             Stopp gestellte Anfragen: {done}; ihre Nachrichten liegen im Postausgang und werden \
             wie gewohnt gesendet. Übersprungene Datensätze: {skipped}. Die übrigen Datensätze \
             der Liste (etwa {rest}) wurden nicht angefragt: Senden Sie die Anfrage erneut an \
             dieselbe Liste, mit „Datensätze überspringen, die seit diesem Zeitpunkt eine \
             Einwilligungsanfrage erhalten haben“ auf {since}, damit niemand, den diese Anfrage \
             erreicht hat, zweimal gefragt wird; ein Datensatz, dessen Anfrage fehlgeschlagen \
             ist, wird erneut angefragt."
        )),
        Lang::Fr => Some(format!(
            "Le serveur s'est arrêté pendant cette demande de consentement à une liste. \
             Demandes effectuées avant l'arrêt : {done} ; leurs messages sont dans la boîte \
             d'envoi et sont envoyés normalement. Fiches ignorées : {skipped}. Les autres fiches \
             de la liste (environ {rest}) n'ont pas été sollicitées : renvoyez la demande à la \
             même liste avec « Ignorer les fiches ayant reçu une demande de consentement \
             depuis » réglé sur {since}, afin que personne ayant reçu cette demande ne soit \
             sollicité deux fois ; une fiche dont la demande a échoué est sollicitée de nouveau."
        )),
    }
}

/// Flattens a JSON value into (label, value) pairs; a nested object's labels are joined with
/// " · ".
fn flatten(lang: Lang, action: &str, prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let label = key_label(lang, key);
                let label = if prefix.is_empty() {
                    label
                } else {
                    format!("{prefix} · {label}")
                };
                match inner {
                    // Records a bulk send skipped, by reason: one fact, the reasons named.
                    Value::Object(nested) if key == "skipped" => out.push((
                        label,
                        if nested.is_empty() {
                            "0".to_owned()
                        } else {
                            nested
                                .iter()
                                .map(|(why, n)| format!("{}: {n}", text(lang, skip_reason(why))))
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                    )),
                    Value::Object(nested) if !nested.is_empty() => {
                        flatten(lang, action, &label, inner, out)
                    }
                    _ => out.push((label, value_text(lang, action, key, inner))),
                }
            }
        }
        other => out.push((
            if prefix.is_empty() {
                text(lang, Msg::AuditDetails).to_owned()
            } else {
                prefix.to_owned()
            },
            value_text(lang, action, "", other),
        )),
    }
}

/// A key's label: translated when known, else the key made readable ("file_name" → "File
/// name").
pub fn key_label(lang: Lang, key: &str) -> String {
    match DetailKey::from_code(key) {
        Some(known) => detail_key_name(lang, known).to_owned(),
        None => readable(key),
    }
}

/// "file_name" → "File name".
fn readable(key: &str) -> String {
    let words = key.replace(['_', '.'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A code read as one of the vocabulary's types.
fn code<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

/// A value as the reader reads it: vocabulary in their language, yes/no, dates, lists.
pub fn value_text(lang: Lang, action: &str, key: &str, value: &Value) -> String {
    match value {
        Value::Null => "—".to_owned(),
        Value::Bool(yes) => text(lang, if *yes { Msg::Yes } else { Msg::No }).to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => "—".to_owned(),
        Value::Array(items) => items
            .iter()
            .map(|item| value_text(lang, action, key, item))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{}: {}", key_label(lang, k), value_text(lang, action, k, v)))
            .collect::<Vec<_>>()
            .join("; "),
        Value::String(s) => vocabulary(lang, action, key, value)
            .or_else(|| time(s))
            .unwrap_or_else(|| s.clone()),
    }
}

/// A stored time as a date (and minute, UTC).
fn time(s: &str) -> Option<String> {
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(at.format("%Y-%m-%d %H:%M UTC").to_string());
    }
    None
}

/// The translated name of a vocabulary value, chosen by its key (and for a status, by the
/// entry's action).
fn vocabulary(lang: Lang, action: &str, key: &str, value: &Value) -> Option<String> {
    let s = value.as_str()?;
    let named = match key {
        "basis" | "before_basis" | "after_basis" | "legal_basis" => {
            basis_name(lang, code::<LegalBasis>(value)?).to_owned()
        }
        "status" | "state" | "delivery" | "before_status" | "after_status" => {
            status_text(lang, action, value)?
        }
        "kind" if action.starts_with("job.") => text(
            lang,
            match s {
                "import" => Msg::JobImport,
                "bulk_send" => Msg::JobBulkSend,
                _ => return None,
            },
        )
        .to_owned(),
        "kind" => match (action.starts_with("field."), code::<RequestType>(value)) {
            (false, Some(kind)) => request_type_name(lang, kind).to_owned(),
            _ => field_kind_name(lang, code::<FieldKind>(value)?).to_owned(),
        },
        "source" if action.starts_with("request.") => {
            request_source_name(lang, code::<RequestSource>(value)?).to_owned()
        }
        "personal" => personal_name(lang, code::<Personal>(value)?).to_owned(),
        "decision" => decision_name(lang, code::<RecordedDecision>(value)?).to_owned(),
        "consent_status" => status_name(lang, code::<ConsentStatus>(value)?).to_owned(),
        "api" | "exports" | "webhooks" if action.starts_with("compliance.") => {
            text(lang, exclusion_name(code::<Exclusion>(value)?)).to_owned()
        }
        "processing_while_pending" => text(
            lang,
            match code::<PendingProcessing>(value)? {
                PendingProcessing::Allow => Msg::ProcessingAllow,
                PendingProcessing::Restrict => Msg::ProcessingRestrict,
            },
        )
        .to_owned(),
        "contact_through" | "channels" => channel_name(lang, code::<Channel>(value)?).to_owned(),
        "through" | "updated_through" => match code::<ConsentThrough>(value) {
            Some(through) => through_name(lang, through).to_owned(),
            None => source_name(lang, code::<SourceKind>(value)?).to_owned(),
        },
        "confirmation" => {
            text(lang, confirmation_msg(code::<ErasureConfirmation>(value)?)).to_owned()
        }
        "reason" => reason_text(lang, s)?,
        "action" if action.starts_with("request.") => text(
            lang,
            match s {
                "verify" => Msg::StepVerify,
                "start" => Msg::StepStart,
                "complete" => Msg::StepComplete,
                "reject" => Msg::StepReject,
                "extend" => Msg::StepExtend,
                "export_sent" => Msg::StepExportQueued,
                _ => return None,
            },
        )
        .to_owned(),
        "module" => builtin_module_name(lang, s)?,
        "field" | "fields" => standard_field_name(lang, StandardField::from_key(s)?).to_owned(),
        "q" if s == "(search)" => text(lang, Msg::SearchText).to_owned(),
        _ => return None,
    };
    Some(named)
}

/// Where an erasure's confirmation mail stands, in words.
pub fn confirmation_msg(confirmation: ErasureConfirmation) -> Msg {
    match confirmation {
        ErasureConfirmation::Sent => Msg::ConfirmationDelivered,
        ErasureConfirmation::Retrying => Msg::ConfirmationRetrying,
        ErasureConfirmation::DeliveryFailed => Msg::ConfirmationFailed,
        ErasureConfirmation::Interrupted => Msg::ConfirmationInterrupted,
        ErasureConfirmation::NoSmtpServer => Msg::ConfirmationNoSmtp,
        ErasureConfirmation::NoAddress => Msg::ConfirmationNoAddress,
    }
}

/// A reason Consentry itself writes (a redaction's, a forgotten sign-up's) in the reader's
/// language; `None` for one a person typed.
pub fn reason_text(lang: Lang, reason: &str) -> Option<String> {
    if let Some(typed) = reason.strip_prefix(RESUMED_PREFIX) {
        return Some(format!("{} {typed}", text(lang, Msg::ReasonResumed)));
    }
    let msg = match WrittenReason::from_stored(reason)? {
        WrittenReason::Erasure => Msg::ReasonErasure,
        WrittenReason::NotConfirmed => Msg::ReasonNotConfirmed,
        WrittenReason::StopRequested => Msg::ReasonStopRequested,
        WrittenReason::Objected => Msg::ReasonObjected,
        WrittenReason::Rectification => Msg::ReasonRectification,
    };
    Some(text(lang, msg).to_owned())
}

/// A status by the vocabulary the action's subject uses.
fn status_text(lang: Lang, action: &str, value: &Value) -> Option<String> {
    if action.starts_with("request.") || action.starts_with("subject.") {
        return Some(request_status_name(lang, code::<RequestStatus>(value)?).to_owned());
    }
    if action.starts_with("outbox.") || action.starts_with("consent.requested") {
        return Some(text(lang, delivery_status_msg(code::<DeliveryStatus>(value)?)).to_owned());
    }
    if action.starts_with("webhook.") {
        let msg = match code::<DeliveryState>(value)? {
            DeliveryState::Pending => Msg::DeliveryPending,
            DeliveryState::Delivered => Msg::DeliveryDelivered,
            DeliveryState::Dead => Msg::DeliveryDead,
        };
        return Some(text(lang, msg).to_owned());
    }
    Some(status_name(lang, code::<ConsentStatus>(value)?).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_reason_consentry_writes_is_named_in_each_language() {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            for reason in WrittenReason::ALL {
                let named = reason_text(lang, reason.stored()).expect("named");
                assert_ne!(named, reason.stored(), "{lang:?} {reason:?}");
            }
        }
        assert_eq!(
            reason_text(Lang::De, &format!("{RESUMED_PREFIX}Kunde rief an")).as_deref(),
            Some("Verarbeitung fortgesetzt: Kunde rief an")
        );
        assert_eq!(
            reason_text(Lang::Nl, &format!("{RESUMED_PREFIX}klant belde")).as_deref(),
            Some("Verwerking hervat: klant belde")
        );
        assert_eq!(reason_text(Lang::Nl, "typed by a person"), None);
    }

    #[test]
    fn a_request_step_and_a_built_in_module_are_named_not_coded() {
        let facts = facts(
            Lang::Nl,
            "request.changed",
            Some(&json!({"status": "received"})),
            Some(&json!({"action": "verify", "status": "verified"})),
        );
        let values: Vec<&str> = facts.iter().map(|f| f.value.as_str()).collect();
        assert!(values.contains(&"Identiteit gecontroleerd"), "{facts:?}");
        let facts = super::facts(
            Lang::Nl,
            "record.created",
            None,
            Some(&json!({"module": "contacts"})),
        );
        assert_eq!(facts[0].value, "Contactpersonen");
        let facts = super::facts(
            Lang::Nl,
            "record.created",
            None,
            Some(&json!({"module": "mine"})),
        );
        assert_eq!(
            facts[0].value, "mine",
            "a custom module's key stays as it is"
        );
        let facts = super::facts(
            Lang::Nl,
            "request.changed",
            None,
            Some(&json!({"action": "export_sent"})),
        );
        assert!(
            facts[0].value.starts_with("Exportlink geschreven"),
            "{facts:?}"
        );
        let facts = super::facts(
            Lang::Nl,
            "record.updated",
            None,
            Some(&json!({"fields": ["email", "loyalty"], "reason": "Rectification request"})),
        );
        assert_eq!(facts[0].value, "E-mailadres, loyalty", "{facts:?}");
        assert_eq!(facts[1].value, "Verzoek tot rectificatie", "{facts:?}");
        assert_eq!(
            crate::checkpoint_source(Lang::Nl, "checkpoint log"),
            "logboek van controlepunten"
        );
    }

    #[test]
    fn advice_after_a_cut_off_job_is_said_anew_in_each_language() {
        let import = json!({"kind": "import", "done": 40, "refused": 2, "handled_through_row": 42,
            "advice": "stored in English"});
        let bulk = json!({"kind": "bulk_send", "done": 5, "total": 20, "skipped": {"no_email": 3},
            "started_at": "2026-05-25T10:00:00Z", "advice": "stored in English"});
        for lang in [Lang::Nl, Lang::De, Lang::Fr] {
            let advice = |after: &Value| {
                facts(lang, "job.interrupted", None, Some(after))
                    .into_iter()
                    .find(|f| f.label == key_label(lang, "advice"))
                    .expect("advice")
                    .value
            };
            let said = advice(&import);
            assert!(
                said.contains("2–42") || said.contains("2 à 42"),
                "{lang:?}: {said}"
            );
            assert!(said.contains("43"), "{lang:?}: {said}");
            let said = advice(&bulk);
            assert!(
                said.contains("(") && said.contains("12)"),
                "{lang:?}: {said}"
            );
            assert!(said.contains("2026-05-25 10:00 UTC"), "{lang:?}: {said}");
        }
        let english = facts(Lang::En, "job.interrupted", None, Some(&import));
        assert!(english.iter().any(|f| f.value == "stored in English"));
    }

    #[test]
    fn german_and_french_name_a_request_step_and_a_module() {
        let after = json!({"action": "verify", "status": "verified", "module": "contacts"});
        let de = facts(Lang::De, "request.changed", None, Some(&after));
        let values: Vec<&str> = de.iter().map(|f| f.value.as_str()).collect();
        assert!(values.contains(&"Identität geprüft"), "{de:?}");
        assert!(values.contains(&"Verifiziert"), "{de:?}");
        assert!(values.contains(&"Kontakte"), "{de:?}");
        let fr = facts(Lang::Fr, "request.changed", None, Some(&after));
        let values: Vec<&str> = fr.iter().map(|f| f.value.as_str()).collect();
        assert!(values.contains(&"Identité vérifiée"), "{fr:?}");
        assert!(values.contains(&"Vérifiée"), "{fr:?}");
        assert!(fr.iter().any(|f| f.label == "Étape"), "{fr:?}");
    }
}
