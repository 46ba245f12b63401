//! The audit trail, or the part of it a filter picks, as a CSV file for an auditor: every
//! entry with its place in the chain, time (UTC), actor, action, subject, detail and hash, so
//! a reader can match each row with `verify-audit` and a checkpoint. The export is audited
//! itself (`audit.exported`: by whom, how many entries, which filter).

use consentry_model::{
    audit::{AuditAction, AuditFilter},
    auth::Session,
    exports::CsvSeparator,
};
use serde_json::json;

use super::{Error, Result, csv_out::CsvWriter, staff_export::MAX_EXPORT};
use crate::store::{AuditNote, Store};

/// The file's columns.
const HEADER: [&str; 9] = [
    "seq", "at", "actor", "action", "subject", "before", "after", "redacted", "hash",
];

/// Entries read from the store at a time.
const PAGE: u32 = 1000;

/// Every entry matching `filter`, oldest first, as CSV in the separator asked for (or the
/// one the user chose last).
pub async fn export(
    store: &dyn Store,
    session: &Session,
    filter: &AuditFilter,
    separator: Option<CsvSeparator>,
) -> Result<Vec<u8>> {
    let organisation = session.organisation.id;
    let count = store.count_audit(organisation, filter).await?;
    if count > MAX_EXPORT {
        return Err(Error::Rejected {
            field: "from".into(),
            message: format!(
                "These filters match {count} entries; one export holds at most {MAX_EXPORT}. \
                 Choose a shorter period or one action."
            ),
        });
    }
    let separator = super::staff_export::separator(store, session, separator).await?;
    let mut entries = Vec::new();
    let mut before = None;
    loop {
        let page = store
            .audit_entries(organisation, filter, before, PAGE)
            .await?;
        let Some(last) = page.last() else { break };
        before = Some(last.seq);
        entries.extend(page);
    }
    let mut file = CsvWriter::new(separator, &HEADER)?;
    let json = |value: &Option<serde_json::Value>| {
        value.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    for entry in entries.iter().rev() {
        file.row([
            entry.seq.to_string(),
            entry
                .at
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            entry.actor.clone(),
            entry.action.clone(),
            entry.subject.clone().unwrap_or_default(),
            json(&entry.before),
            json(&entry.after),
            entry
                .redacted
                .as_ref()
                .map(|r| format!("{} (entry {})", r.reason, r.by_seq))
                .unwrap_or_default(),
            entry.hash.clone(),
        ])?;
    }
    let bytes = file.finish()?;
    // Who took the evidence out, and which part: audited once the file is made.
    store
        .append_audit(
            organisation,
            AuditNote {
                actor: session.actor(),
                action: AuditAction::AuditExported,
                subject: None,
                before: None,
                after: Some(json!({ "entries": entries.len(), "filter": filter })),
            },
        )
        .await?;
    Ok(bytes)
}
