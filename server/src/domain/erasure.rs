//! Erasure (art. 17) that provably erases: a subject's records go with every consent and
//! privacy event, link, sign-up and message about them; their address leaves every request,
//! privacy-centre code and message; what stays is what shows the law was followed — the
//! request (requester replaced by a keyed hash), its dates, the fact of erasure — and a keyed
//! hash of each address, so a later import or sign-up of it is flagged. The store then
//! checkpoints the WAL; SQLite's `secure_delete` has zeroed the freed space.

use std::sync::Arc;

use crate::crypto::hex;
use chrono::Utc;
use consentry_model::{
    Email, ErrorCode, OrganisationId, RecordId, RequestId,
    audit::{Actor, AuditAction, ERASED_REQUESTER_PREFIX},
    auth::Session,
    consent::DeliveryStatus,
    fields::FieldValue,
    records::RecordFields,
    requests::{DataSubjectRequest, Erased, ErasureConfirmation, RequestStatus, RequestType},
};
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

use super::{Error, Result, clock, requests};
use crate::{
    ledger::{ErasureLedger, LedgerEntry, LedgerError},
    mail::MailQueue,
    store::{
        AuditNote, ErasedSubject, Erasure, LedgerFind, ReErasure, RequestChange, Store, StoreError,
    },
};

/// HMAC-SHA256 of an address (trimmed, lower-case) under the organisation's key.
pub fn keyed_hash(key: &[u8; 32], address: &str) -> [u8; 32] {
    // HMAC takes keys of any length; 32 bytes cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(address.trim().to_lowercase().as_bytes());
    mac.finalize().into_bytes().into()
}

/// Shortest value searched for: shorter ones (initials, a country code) would take others'
/// entries with them.
const MIN_SEARCHED: usize = 4;

/// A value worth searching for; `None` for short values and dates.
fn searchable(value: &str) -> Option<String> {
    let value = value.trim();
    let is_date = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok();
    (value.chars().count() >= MIN_SEARCHED && !is_date).then(|| value.to_owned())
}

/// The forms a value is searched for in: lower-case, and lower-case in ASCII only, as the
/// database's `lower()` leaves `Ø` and `É` as they are; each with its accents composed and
/// decomposed (`ë` may arrive as `e` and a combining diaeresis).
fn needles(values: &[String]) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut needles: Vec<String> = values
        .iter()
        .flat_map(|v| [v.nfc().collect::<String>(), v.nfd().collect::<String>()])
        .flat_map(|v| [v.to_lowercase(), v.to_ascii_lowercase()])
        .collect();
    needles.sort();
    needles.dedup();
    needles
}

/// The subject's values that copies (audit details, kept answers, job reports) may hold.
fn searchable_values(fields: &RecordFields) -> Vec<String> {
    let text = [
        &fields.first_name,
        &fields.last_name,
        &fields.phone,
        &fields.company,
    ];
    let mut values: Vec<String> = text
        .into_iter()
        .flatten()
        .filter_map(|v| searchable(v))
        .collect();
    if let (Some(first), Some(last)) = (&fields.first_name, &fields.last_name) {
        values.extend(searchable(&format!("{first} {last}")));
    }
    values.extend(fields.email.iter().filter_map(|e| searchable(e.as_str())));
    // A phone number is written with and without its spaces and dashes.
    if let Some(phone) = &fields.phone {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        values.extend(searchable(&digits));
        if phone.trim_start().starts_with('+') {
            values.extend(searchable(&format!("+{digits}")));
        }
    }
    values.extend(fields.custom.values().filter_map(|v| match v {
        FieldValue::Text(text) => searchable(text),
        FieldValue::Boolean(_) | FieldValue::Number(_) => None,
    }));
    values
}

/// How a value appears inside a JSON string (quotes and controls escaped).
fn json_text(value: &str) -> String {
    let quoted = serde_json::to_string(value).unwrap_or_default();
    quoted
        .get(1..quoted.len().saturating_sub(1))
        .unwrap_or_default()
        .to_owned()
}

/// What is known of a subject when they are erased (or erased again from the ledger).
struct Known<'a> {
    /// The erasure request.
    request: RequestId,
    /// Their records.
    records: Vec<RecordId>,
    /// Those records' fields as found now (one erased meanwhile is gone).
    found: Vec<RecordFields>,
    /// Their addresses known besides the records' own.
    addresses: Vec<String>,
    /// Who asked, as they named themselves: a keyed hash of it replaces it on the request.
    requester: &'a str,
    /// Whether the requester's words are searched for in copies too (not when the requester
    /// is only an address already searched for, or a ledger entry's id).
    requester_searched: bool,
}

impl Known<'_> {
    /// What erasing them removes and keeps: their records; their addresses, lower-case, each
    /// once; every value of theirs that copies may hold, as it appears inside JSON; and the
    /// keyed hashes that stay, for the suppression list and in place of the requester.
    fn erased(self, key: &[u8; 32]) -> ErasedSubject {
        let mut records = self.records;
        records.sort_by_key(|r| r.0);
        records.dedup();
        let mut addresses: Vec<String> = self
            .addresses
            .into_iter()
            .chain(
                self.found
                    .iter()
                    .filter_map(|f| f.email.as_ref().map(|e| e.to_string())),
            )
            .map(|a| a.to_lowercase())
            .collect();
        addresses.sort();
        addresses.dedup();
        let mut values: Vec<String> = self.found.iter().flat_map(searchable_values).collect();
        values.extend(addresses.iter().cloned());
        if self.requester_searched {
            values.extend(searchable(self.requester));
        }
        ErasedSubject {
            request: self.request,
            suppress: addresses.iter().map(|a| keyed_hash(key, a)).collect(),
            requester_hash: format!(
                "{ERASED_REQUESTER_PREFIX}{}",
                &hex(&keyed_hash(key, self.requester))[..16]
            ),
            values: needles(&values).iter().map(|v| json_text(v)).collect(),
            records,
            addresses,
        }
    }
}

/// One record the retention review found lapsed, as a subject of the same deletion as a
/// request's erasure: its address suppressed, its values looked for in the copies. `run`
/// stands where a request would (the suppression list and the ledger name it).
pub(crate) fn lapsed_subject(
    run: RequestId,
    record: RecordId,
    fields: Option<RecordFields>,
    key: &[u8; 32],
) -> ErasedSubject {
    let named = fields
        .as_ref()
        .and_then(|f| f.email.as_ref())
        .map_or_else(|| record.to_string(), ToString::to_string);
    Known {
        request: run,
        records: vec![record],
        found: fields.into_iter().collect(),
        addresses: Vec::new(),
        requester: &named,
        requester_searched: false,
    }
    .erased(key)
}

/// Whether a request may erase: an erasure request, verified and not closed.
fn erasable(request: &DataSubjectRequest) -> Result<()> {
    if request.kind != RequestType::Erasure {
        return Err(Error::Conflict {
            code: ErrorCode::NotAnErasure,
            field: None,
            message: "Only an erasure request erases data.".into(),
        });
    }
    requests::under_way(request, "erases nothing")
}

/// Whether this address was erased before (for flagging imports and sign-ups).
pub async fn suppressed(
    store: &dyn Store,
    organisation: OrganisationId,
    email: &Email,
) -> Result<bool> {
    let key = store.hash_key(organisation).await?;
    Ok(store
        .is_suppressed(organisation, &keyed_hash(&key, email.as_str()))
        .await?)
}

/// Carries out a verified erasure request and completes it, then tells the subject in their
/// language through a mail sent straight to the SMTP server and never stored.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, request = %id))]
pub async fn erase(
    store: &Arc<dyn Store>,
    mail: &Arc<MailQueue>,
    ledger: &ErasureLedger,
    session: &Session,
    id: RequestId,
) -> Result<Erased> {
    let shared = store;
    let store: &dyn Store = store.as_ref();
    let organisation = session.organisation.id;
    let request = requests::get(store, organisation, id).await?;
    erasable(&request)?;
    let mut found = Vec::new();
    for record in &request.records {
        // A record erased by another request is gone already.
        if let Some(record) = store.record(organisation, *record).await? {
            found.push(record.fields);
        }
    }
    let subject = Known {
        request: id,
        records: request.records.clone(),
        found,
        addresses: Email::parse(&request.requested_by)
            .map(|e| e.to_string())
            .into_iter()
            .collect(),
        requester: &request.requested_by,
        requester_searched: true,
    }
    .erased(&store.hash_key(organisation).await?);
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::SubjectErased,
        subject: None,
        before: None,
        after: Some(
            json!({ "records": request.records.len(), "addresses": subject.addresses.len() }),
        ),
    };
    let closed = (session.user.name.to_string(), clock::today_of(session));
    let confirmation = requests::notice(
        &requests::Sender::of(store, session).await?,
        &request,
        &RequestChange::closing(&request, RequestStatus::Completed, None, closed.clone()),
        DeliveryStatus::Queued,
    );
    let entry = ledger.entry(organisation, id, &request.records, &subject.addresses);
    let erasure = Erasure {
        subject,
        closed,
        ledger_entry: entry.id,
    };
    let request = store
        .erase(organisation, erasure, audit)
        .await
        .map_err(requests::changed_meanwhile)?
        .ok_or(Error::NotFound("request"))?;
    // Outside the database, so a backup restored from before today cannot bring the subject
    // back; on disk before the erasure is answered.
    ledger.append(&entry).await.map_err(|e| {
        tracing::error!(error = %e, "the erasure is done but the erasure ledger was not written");
        Error::Internal(format!(
            "the subject was erased, but the erasure ledger could not be written ({e}); \
             a restored backup would bring them back until it can"
        ))
    })?;
    let (confirmation, retry) = match confirmation {
        Some(message) => {
            let first = mail.send_unstored(&message).await;
            (
                first,
                (first == ErasureConfirmation::Retrying).then_some(message),
            )
        }
        None => (ErasureConfirmation::NoAddress, None),
    };
    // No address or no SMTP server: nothing was attempted.
    let attempts = u32::from(!matches!(
        confirmation,
        ErasureConfirmation::NoAddress | ErasureConfirmation::NoSmtpServer
    ));
    store
        .append_audit(
            organisation,
            confirmed_note(
                session.actor(),
                id,
                confirmation,
                attempts,
                retry.is_some().then(|| store.instance()),
            ),
        )
        .await?;
    if let Some(message) = retry {
        tokio::spawn(retry_confirmation(
            Arc::clone(shared),
            Arc::clone(mail),
            message,
            organisation,
            id,
        ));
    }
    Ok(Erased {
        request,
        confirmation,
    })
}

/// The audit entry saying what became of an erasure's confirmation mail: delivered, being
/// retried (by which process: see [`end_cut_off_confirmations`]), or not delivered, never
/// "told" before the server took it.
fn confirmed_note(
    actor: String,
    request: RequestId,
    confirmation: ErasureConfirmation,
    attempts: u32,
    sender: Option<uuid::Uuid>,
) -> AuditNote {
    let mut after = json!({ "confirmation": confirmation });
    if attempts > 0 {
        after["attempts"] = json!(attempts);
    }
    if let Some(sender) = sender {
        after["sender"] = json!(sender);
    }
    AuditNote {
        actor,
        action: AuditAction::ErasureConfirmed,
        subject: Some(request.to_string()),
        before: None,
        after: Some(after),
    }
}

/// Retries an erasure's confirmation mail from memory (it is never stored: the subject's
/// address must not outlive the erasure) until the server takes or refuses it, or an hour is
/// over; the audit trail records how it ended, by Consentry. A stop ends the retries; once
/// this process no longer renews its life they are recorded as interrupted
/// ([`end_cut_off_confirmations`]).
async fn retry_confirmation(
    store: Arc<dyn Store>,
    mail: Arc<MailQueue>,
    message: crate::store::NewMessage,
    organisation: OrganisationId,
    request: RequestId,
) {
    let schedule = mail.unstored_schedule();
    let started = Utc::now();
    let mut attempts = 1;
    let outcome = loop {
        let Some(at) = schedule.next_attempt(attempts, started, Utc::now()) else {
            break ErasureConfirmation::DeliveryFailed;
        };
        tokio::time::sleep((at - Utc::now()).to_std().unwrap_or_default()).await;
        // Another process may have ended it meanwhile (this one was paused longer than its
        // lease and taken for stopped: the trail says "interrupted, tell the subject another
        // way"): then it is not sent after all.
        match store.request(organisation, request).await {
            Ok(Some(now)) if now.erasure_confirmation == Some(ErasureConfirmation::Retrying) => {}
            Ok(_) => {
                tracing::warn!("an erasure confirmation was ended elsewhere; not retried");
                return;
            }
            Err(e) => tracing::warn!(error = %e, "could not check an erasure confirmation"),
        }
        attempts += 1;
        match mail.send_unstored(&message).await {
            ErasureConfirmation::Retrying => continue,
            outcome => break outcome,
        }
    };
    drop(message);
    let note = confirmed_note(
        Actor::System.stored_name().into(),
        request,
        outcome,
        attempts,
        None,
    );
    if let Err(e) = store.append_audit(organisation, note).await {
        tracing::error!(error = %e, "could not record how an erasure confirmation ended");
    }
}

/// Ends, in the audit trail, every erasure confirmation still being retried by a process that
/// stopped (it no longer renews its life): the retries lived only in its memory, so the mail
/// was not delivered and the trail says so (by Consentry) instead of "being retried" for ever.
/// Run at start-up and then regularly; a confirmation a living process retries is left.
pub async fn end_cut_off_confirmations(store: &dyn Store) -> Result<usize> {
    let confirmations = consentry_model::audit::AuditFilter {
        action: Some(AuditAction::ErasureConfirmed),
        ..Default::default()
    };
    let mut ended = 0;
    for organisation in store.organisations().await? {
        // Newest first: the first entry seen for a request is how its confirmation stands.
        let mut seen = std::collections::HashSet::new();
        let mut before = None;
        loop {
            let page = store
                .audit_entries(organisation.id, &confirmations, before, 500)
                .await?;
            let Some(last) = page.last() else { break };
            before = Some(last.seq);
            for entry in &page {
                let Some(subject) = entry.subject.clone() else {
                    continue;
                };
                if !seen.insert(subject.clone()) {
                    continue;
                }
                let detail = entry.after.as_ref();
                let confirmation = detail
                    .and_then(|after| after.get("confirmation"))
                    .and_then(|c| serde_json::from_value(c.clone()).ok());
                if confirmation != Some(ErasureConfirmation::Retrying) {
                    continue;
                }
                let Ok(request) = subject.parse() else {
                    continue;
                };
                // Still retried by a living process (this one, another server, before a
                // restart): not cut off.
                let sender = detail
                    .and_then(|after| after.get("sender"))
                    .and_then(|s| serde_json::from_value::<uuid::Uuid>(s.clone()).ok());
                if let Some(sender) = sender
                    && store.instance_alive(sender, clock::now()).await?
                {
                    continue;
                }
                let attempts = detail
                    .and_then(|after| after.get("attempts"))
                    .and_then(serde_json::Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok())
                    .unwrap_or(1);
                store
                    .append_audit(
                        organisation.id,
                        confirmed_note(
                            Actor::System.stored_name().into(),
                            RequestId(request),
                            ErasureConfirmation::Interrupted,
                            attempts,
                            None,
                        ),
                    )
                    .await?;
                ended += 1;
            }
        }
    }
    Ok(ended)
}

/// What a replay of the erasure ledger did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Ledger entries this database had not applied.
    pub entries: usize,
    /// Records erased again.
    pub records: usize,
    /// Addresses erased again.
    pub addresses: usize,
}

/// Why the ledger could not be replayed.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    /// The ledger file.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Applies every erasure of the ledger that this database has not applied yet (a backup
/// restored from before it): the records and addresses its hashes find are erased through the
/// same deletion as a request's erasure, their addresses suppressed, and the audit trail
/// notes it. Costs one read of the ledger and of the applied ids when there is nothing to do.
#[tracing::instrument(skip_all)]
pub async fn replay(
    store: &dyn Store,
    ledger: &ErasureLedger,
) -> std::result::Result<Replayed, ReplayError> {
    let entries = ledger.read()?;
    if entries.is_empty() {
        return Ok(Replayed::default());
    }
    let applied = store.applied_ledger_entries().await?;
    let pending: Vec<&LedgerEntry> = entries
        .iter()
        .filter(|e| !applied.contains(&e.id))
        .collect();
    let mut replayed = Replayed {
        entries: pending.len(),
        ..Replayed::default()
    };
    if pending.is_empty() {
        return Ok(replayed);
    }
    let organisations: std::collections::HashSet<uuid::Uuid> = store
        .organisations()
        .await?
        .into_iter()
        .map(|o| o.id.0)
        .collect();
    let mut by_organisation: std::collections::BTreeMap<uuid::Uuid, Vec<&LedgerEntry>> =
        Default::default();
    let mut nothing = Vec::new();
    for entry in pending {
        if organisations.contains(&entry.organisation) {
            by_organisation
                .entry(entry.organisation)
                .or_default()
                .push(entry);
        } else {
            nothing.push(entry.id);
        }
    }
    for (organisation, entries) in by_organisation {
        let organisation = OrganisationId(organisation);
        let matcher = ledger.matcher(organisation.0, &entries);
        let found = store.find_erased(organisation, &matcher).await?;
        let key = store.hash_key(organisation).await?;
        for entry in entries {
            let mut records = Vec::new();
            let mut addresses = Vec::new();
            for (id, find) in &found {
                match find {
                    LedgerFind::Record(record) if *id == entry.id => records.push(*record),
                    LedgerFind::Address(address) if *id == entry.id => {
                        addresses.push(address.clone());
                    }
                    _ => {}
                }
            }
            if records.is_empty() && addresses.is_empty() {
                nothing.push(entry.id);
                continue;
            }
            let mut known = Vec::new();
            for record in &records {
                if let Some(found) = store.record(organisation, *record).await? {
                    known.push(found.fields);
                }
            }
            // Named by their first address (searched for anyway), or by the entry.
            let named = addresses
                .first()
                .cloned()
                .unwrap_or_else(|| entry.id.to_string());
            let subject = Known {
                request: RequestId(entry.request),
                records,
                found: known,
                addresses,
                requester: &named,
                requester_searched: false,
            }
            .erased(&key);
            let audit = AuditNote {
                actor: "erasure ledger".into(),
                action: AuditAction::SubjectErased,
                subject: Some(entry.request.to_string()),
                before: None,
                after: Some(json!({
                    "replayed_ledger_entry": entry.id,
                    "erased_at": entry.at,
                    "records": subject.records.len(),
                    "addresses": subject.addresses.len(),
                })),
            };
            replayed.records += subject.records.len();
            replayed.addresses += subject.addresses.len();
            let erasure = ReErasure {
                entry: entry.id,
                subject,
            };
            store.reapply_erasure(organisation, erasure, audit).await?;
        }
    }
    store.mark_ledger_applied(&nothing).await?;
    if replayed.records + replayed.addresses > 0 {
        // Rare (a restored backup) and worth it: no fragment of what was erased again may
        // stay in a rebalanced page's unused space.
        store.compact().await?;
    }
    tracing::info!(
        entries = replayed.entries,
        records = replayed.records,
        addresses = replayed.addresses,
        "erasure ledger replayed: erased again what a restored backup brought back"
    );
    Ok(replayed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::fields::FieldValue;

    fn jan() -> RecordFields {
        RecordFields {
            first_name: Some("Jan".into()),
            last_name: Some("de Vries".into()),
            email: Some(Email::parse("Jan@Example.NL").expect("an address")),
            company: Some("Øresund \"BV\"".into()),
            phone: Some("+31 6 1234 5678".into()),
            custom: [
                ("loyalty".to_owned(), FieldValue::Text("Gold member".into())),
                ("nickname".to_owned(), FieldValue::Text("Zoëtje".into())),
            ]
            .into(),
            ..RecordFields::default()
        }
    }

    #[test]
    fn an_erased_subject_takes_every_address_and_value_once_and_keeps_only_keyed_hashes() {
        let key = [7u8; 32];
        let record = RecordId(uuid::Uuid::now_v7());
        let subject = Known {
            request: RequestId(uuid::Uuid::nil()),
            records: vec![record, record],
            found: vec![jan()],
            addresses: vec!["jan@example.nl".into(), "J.Vries@Work.example".into()],
            requester: "Jan de Vries, Kerkstraat 1",
            requester_searched: true,
        }
        .erased(&key);
        assert_eq!(subject.records, vec![record]);
        assert_eq!(
            subject.addresses,
            vec!["j.vries@work.example", "jan@example.nl"]
        );
        assert_eq!(
            subject.suppress,
            vec![
                keyed_hash(&key, "j.vries@work.example"),
                keyed_hash(&key, "jan@example.nl")
            ]
        );
        for value in [
            "de vries",
            "jan de vries",
            "+31612345678",
            "31612345678",
            // Composed and decomposed: the same name to a reader.
            "zo\u{eb}tje",
            "zoe\u{308}tje",
            "gold member",
            "jan@example.nl",
            "jan de vries, kerkstraat 1",
            // As it appears inside JSON, in both lower-case forms a database may use.
            "øresund \\\"bv\\\"",
            "Øresund \\\"bv\\\"",
        ] {
            assert!(
                subject.values.contains(&value.to_owned()),
                "{value}: {:?}",
                subject.values
            );
        }
        assert!(
            !subject.values.contains(&"jan".to_owned()),
            "too short to search for without taking others' entries"
        );
        assert!(subject.requester_hash.starts_with(ERASED_REQUESTER_PREFIX));
        assert!(!subject.requester_hash.to_lowercase().contains("vries"));
        let unsearched = Known {
            request: RequestId(uuid::Uuid::nil()),
            records: vec![],
            found: vec![],
            addresses: vec![],
            requester: "Jan de Vries, Kerkstraat 1",
            requester_searched: false,
        }
        .erased(&key);
        assert!(unsearched.values.is_empty(), "{:?}", unsearched.values);
        assert_eq!(unsearched.requester_hash, subject.requester_hash);
    }

    #[test]
    fn the_keyed_hash_ignores_capitals_and_depends_on_the_key() {
        let key = [7u8; 32];
        assert_eq!(
            keyed_hash(&key, "Jan@Example.NL"),
            keyed_hash(&key, " jan@example.nl ")
        );
        assert_ne!(
            keyed_hash(&key, "jan@example.nl"),
            keyed_hash(&[8u8; 32], "jan@example.nl")
        );
    }
}
