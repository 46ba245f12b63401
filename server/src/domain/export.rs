//! Access and portability (art. 15, 20): everything held about a subject — every field of
//! every record their request found, each record's data-source and basis history, the full
//! consent event history with form versions and text hashes, and their requests — as JSON
//! (`subject.json`, format `consentry-subject-export/1`) and CSV, in one ZIP. The subject gets
//! an expiring download link by mail, never the file itself.

use std::io::Write;

use chrono::{Duration, Utc};
use consentry_model::{
    ConsentStatus, ErrorCode, RequestId,
    audit::AuditAction,
    auth::Session,
    consent::{ConsentEvent, MASKED_TOKEN},
    exports::CsvSeparator,
    fields::StandardField,
    records::{Channel, ConsentThrough, PrivacyEvent, Record, SourceKind},
    requests::{DataSubjectRequest, RequestNotice, RequestStatus, RequestType},
};
use serde::Serialize;
use serde_json::json;

use consentry_words::subject::{self, MailWord};

use super::{
    Error, Result, clock, consent::Delivery, csv_out::CsvWriter, language::mail, requests,
    token::SecretToken,
};
use crate::store::{AuditNote, NewExport, NewMessage, RequestChange, Store};

/// How long the download link works.
const LINK_DAYS: i64 = 7;

/// One record with its history.
#[derive(Debug, Serialize)]
struct RecordExport {
    record: Record,
    basis_history: Vec<PrivacyEvent>,
    consent_events: Vec<ConsentEvent>,
    requests: Vec<DataSubjectRequest>,
}

/// `subject.json`.
#[derive(Debug, Serialize)]
struct SubjectExport {
    format: &'static str,
    organisation: String,
    generated_at: chrono::DateTime<Utc>,
    request: DataSubjectRequest,
    records: Vec<RecordExport>,
}

/// Records as CSV, one per line; a value the reader sees masked is written masked. Each custom
/// field has its own column, headed by its key, so the file imports back as it was.
pub(super) fn records_csv<'a>(
    records: impl IntoIterator<Item = &'a Record> + Clone,
    separator: CsvSeparator,
) -> Result<Vec<u8>> {
    let custom_keys: std::collections::BTreeSet<&String> = records
        .clone()
        .into_iter()
        .flat_map(|r| r.fields.custom.keys().chain(r.masked.keys()))
        .filter(|key| StandardField::from_key(key).is_none())
        .collect();
    let mut header = vec![
        "record_id",
        "module_id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "company",
        "country",
    ];
    header.extend(custom_keys.iter().map(|k| k.as_str()));
    header.extend([
        "basis",
        "consent_status",
        "stop_processing",
        "created_at",
        "created_through",
        "created_by",
    ]);
    let mut out = CsvWriter::new(separator, &header)?;
    for r in records {
        let f = &r.fields;
        let privacy = r.privacy.as_ref();
        let cell = |key: &str, value: Option<String>| {
            value
                .or_else(|| r.masked.get(key).cloned())
                .unwrap_or_default()
        };
        let mut row = vec![
            r.id.to_string(),
            r.module_id.to_string(),
            cell("first_name", f.first_name.clone()),
            cell("last_name", f.last_name.clone()),
            cell("email", f.email.as_ref().map(ToString::to_string)),
            cell("phone", f.phone.clone()),
            cell("company", f.company.clone()),
            cell("country", f.country.clone()),
        ];
        row.extend(
            custom_keys
                .iter()
                .map(|key| cell(key, f.custom.get(*key).map(ToString::to_string))),
        );
        row.extend([
            privacy
                .map(|p| p.basis.code().to_owned())
                .unwrap_or_default(),
            privacy
                .and_then(|p| p.consent.as_ref())
                .map(|c| c.status.code().to_owned())
                .unwrap_or_default(),
            privacy.is_some_and(|p| p.stop_processing).to_string(),
            r.created.at.to_rfc3339(),
            serde_json::to_value(r.created.through)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            r.created.by.clone(),
        ]);
        out.row(row)?;
    }
    out.finish()
}

/// What a recorded decision's new status says, in the hosted page's words.
fn recorded_decision(status: Option<ConsentStatus>) -> &'static str {
    match status {
        Some(ConsentStatus::Obtained) => "granted",
        Some(ConsentStatus::Denied) => "refused",
        Some(ConsentStatus::Withdrawn) => "withdrawn",
        _ => "",
    }
}

/// Every consent decision of the subject's records, oldest first per record: answers on the
/// hosted page (with form version and text hash) and consent recorded from elsewhere (through
/// the API or entered by hand), each with when, how and to which channels it was given and its
/// own evidence. `at` is when the subject decided (a date for consent given elsewhere),
/// `recorded_at` when Consentry recorded it.
fn consent_csv(records: &[RecordExport]) -> Result<Vec<u8>> {
    const HEADER: [&str; 16] = [
        "record_id",
        "event_id",
        "at",
        "recorded_at",
        "recorded_through",
        "obtained_through",
        "form_id",
        "form_version",
        "text_hash",
        "language",
        "decision",
        "purposes_granted",
        "channels",
        "ip_truncated",
        "user_agent",
        "evidence",
    ];
    let mut out = CsvWriter::new(CsvSeparator::Comma, &HEADER)?;
    for r in records {
        let mut rows: Vec<(chrono::DateTime<Utc>, [String; HEADER.len()])> = Vec::new();
        for e in &r.consent_events {
            rows.push((
                e.at,
                [
                    r.record.id.to_string(),
                    e.id.to_string(),
                    e.at.to_rfc3339(),
                    e.at.to_rfc3339(),
                    code(&SourceKind::ConsentForm),
                    code(&ConsentThrough::ConsentForm),
                    e.form_id.to_string(),
                    e.form_version.to_string(),
                    e.text_hash.clone(),
                    e.lang.to_string(),
                    e.decision.clone(),
                    e.choices
                        .granted
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" "),
                    channels(&e.choices.channels),
                    e.ip.clone().unwrap_or_default(),
                    e.user_agent.clone().unwrap_or_default(),
                    String::new(),
                ],
            ));
        }
        // Consent recorded from elsewhere is the change that carries its evidence.
        for e in r
            .basis_history
            .iter()
            .filter(|e| e.given.is_some() || e.evidence.is_some())
        {
            let given = e.given.as_ref();
            rows.push((
                e.at,
                [
                    r.record.id.to_string(),
                    format!("basis-{}", e.id),
                    given.map_or_else(|| e.at.to_rfc3339(), |g| g.date.to_string()),
                    e.at.to_rfc3339(),
                    code(&e.source),
                    given.map(|g| code(&g.through)).unwrap_or_default(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    recorded_decision(e.after_status).to_owned(),
                    String::new(),
                    given
                        .map(|g| channels(&g.contact_through))
                        .unwrap_or_default(),
                    String::new(),
                    String::new(),
                    e.evidence.clone().unwrap_or_default(),
                ],
            ));
        }
        rows.sort_by_key(|(at, _)| *at);
        for (_, row) in rows {
            out.row(row)?;
        }
    }
    out.finish()
}

/// Channels as their codes, separated by spaces.
fn channels<'a>(channels: impl IntoIterator<Item = &'a Channel>) -> String {
    channels
        .into_iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An enum value's code: its JSON form without quotes.
fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The export's read-me, in the language the request was made in.
fn readme(lang: &str) -> String {
    let mut text = subject::mail(lang, MailWord::ExportReadme).to_owned();
    text.push('\n');
    text
}

/// Builds the ZIP for a request.
pub async fn build(
    store: &dyn Store,
    session: &Session,
    request: &DataSubjectRequest,
) -> Result<Vec<u8>> {
    let organisation = session.organisation.id;
    let lang = request
        .lang
        .as_ref()
        .map_or(subject::SOURCE, |l| l.as_str());
    let mut records = Vec::new();
    for id in &request.records {
        // A record deleted since the request was filed is simply not there.
        let Some(record) = store.record(organisation, *id).await? else {
            continue;
        };
        records.push(RecordExport {
            basis_history: store.privacy_events(organisation, *id).await?,
            consent_events: store.consent_events(organisation, *id).await?,
            requests: store.requests_of_record(organisation, *id).await?,
            record,
        });
    }
    let subject = SubjectExport {
        format: "consentry-subject-export/1",
        organisation: session.organisation.name.to_string(),
        generated_at: clock::now(),
        request: request.clone(),
        records,
    };
    let zip_error = |e: zip::result::ZipError| Error::Internal(format!("export zip: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let files = [
        (
            "subject.json",
            serde_json::to_vec_pretty(&subject).map_err(|e| Error::Internal(e.to_string()))?,
        ),
        (
            "records.csv",
            // The subject chooses nothing: the comma every spreadsheet can be told to read.
            records_csv(
                subject.records.iter().map(|r| &r.record),
                CsvSeparator::Comma,
            )?,
        ),
        ("consent_events.csv", consent_csv(&subject.records)?),
        ("README.txt", readme(lang).into_bytes()),
    ];
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(&bytes)
            .map_err(|e| Error::Internal(format!("export zip: {e}")))?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// The open access or portability request with this id.
async fn exportable(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
) -> Result<DataSubjectRequest> {
    let request = requests::get(store, session.organisation.id, id).await?;
    if !matches!(request.kind, RequestType::Access | RequestType::Portability) {
        return Err(Error::Conflict {
            code: ErrorCode::NotAnAccessRequest,
            field: None,
            message: "Only an access or portability request gets an export.".into(),
        });
    }
    Ok(request)
}

/// The export of a request, for the privacy officer to review before sending.
pub async fn review(store: &dyn Store, session: &Session, id: RequestId) -> Result<Vec<u8>> {
    let request = exportable(store, session, id).await?;
    build(store, session, &request).await
}

/// The mail with the download link, in the language the request was made in (English when
/// it was not said): its subject line and text.
fn export_message(
    lang: Option<&consentry_model::forms::FormLang>,
    organisation: &str,
    link: &str,
    until: chrono::NaiveDate,
) -> (String, String) {
    let lang = lang.map_or(subject::SOURCE, |l| l.as_str());
    let until = until.to_string();
    let values = [
        ("organisation", organisation),
        ("link", link),
        ("until", until.as_str()),
    ];
    (
        mail::say(lang, MailWord::MailExportSubject, &values),
        mail::letter(lang, &[mail::say(lang, MailWord::MailExportBody, &values)]),
    )
}

/// Builds the export, mails the verified subject a download link (7 days) and completes the
/// request.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, request = %id))]
pub async fn send(
    store: &dyn Store,
    session: &Session,
    id: RequestId,
    delivery: Delivery<'_>,
) -> Result<DataSubjectRequest> {
    let request = exportable(store, session, id).await?;
    requests::under_way(&request, "gets no export")?;
    let Ok(address) = consentry_model::Email::parse(&request.requested_by) else {
        return Err(Error::Conflict {
            code: ErrorCode::NoAddress,
            field: None,
            message: "The requester gave no e-mail address to send the download link to.".into(),
        });
    };
    let file = build(store, session, &request).await?;
    let token = SecretToken::generate();
    let expires_at = clock::now() + Duration::days(LINK_DAYS);
    // Sealed: the stored message holds the link masked; the token is put in only as the
    // message is handed to the mail server.
    let link = format!(
        "{}/api/public/exports/{MASKED_TOKEN}",
        delivery.base_url.trim_end_matches('/'),
    );
    let organisation = session.organisation.name.to_string();
    let (subject, body_text) = export_message(
        request.lang.as_ref(),
        &organisation,
        &link,
        clock::day_in(&session.organisation.time_zone, expires_at),
    );
    let message = NewMessage {
        about_request: Some((id, RequestNotice::ExportReady)),
        kind: consentry_model::consent::MessageKind::ExportLink,
        record: None,
        recipient: address.to_string(),
        subject,
        body_text,
        body_html: None,
        status: delivery.status,
        secret: Some(token.as_str().to_owned()),
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        expires_at: Some(expires_at),
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::RequestCompleted,
        subject: None,
        before: Some(json!({ "status": request.status })),
        after: Some(
            json!({ "action": "export_sent", "status": RequestStatus::Completed,
                            "link_expires": expires_at }),
        ),
    };
    let change = RequestChange::closing(
        &request,
        RequestStatus::Completed,
        None,
        (session.user.name.to_string(), clock::today_of(session)),
    );
    // The mail with the link is the answer; no second one.
    store
        .complete_with_export(
            session.organisation.id,
            NewExport {
                request: id,
                token_hash: &token.hash(),
                file: &file,
                expires_at,
                message,
                change,
                audit,
            },
        )
        .await
        .map_err(requests::changed_meanwhile)?
        .ok_or(Error::NotFound("request"))
}

/// The file behind a download link.
pub async fn download(store: &dyn Store, token: &SecretToken) -> Result<Vec<u8>> {
    store.export_file(&token.hash()).await?.ok_or(Error::Gone {
        code: ErrorCode::LinkExpired,
        message: "This download link has expired or is not valid. Ask the organisation \
                      again."
            .into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_mail_speaks_the_language_of_the_request_only_and_carries_its_link() {
        let until = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).expect("date");
        let nl = consentry_model::forms::FormLang::parse("nl").expect("nl");
        let (subject, body) = export_message(Some(&nl), "Acme", "https://x/e/LINK", until);
        assert_eq!(subject, "Acme: uw gegevens staan klaar");
        assert!(body.contains("https://x/e/LINK") && body.contains("2026-12-09"));
        assert!(!body.contains("Hello") && !body.contains("your"), "{body}");
        assert!(readme("nl").contains("persoonsgegevens") && readme("en").contains("subject.json"));
        let (subject, body) = export_message(None, "Acme", "https://x/e/LINK", until);
        assert_eq!(subject, "Acme: your data is ready");
        assert!(body.contains("https://x/e/LINK"));
        assert!(!body.contains("Hallo") && !body.contains("uw "), "{body}");
    }
}
