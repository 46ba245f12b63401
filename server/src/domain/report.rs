//! The evidence of one data-subject request as a self-contained HTML page: the request and
//! every audited step about it and its records, with their place in the hash-chained audit
//! trail and whether that chain still verifies. Printable to PDF from any browser.

use chrono::Utc;
use consentry_model::{RequestId, audit::AuditEntry, auth::Session, templates::escape_html};

use super::{Result, requests};
use crate::store::Store;

fn esc(value: &str) -> String {
    let mut out = String::new();
    escape_html(value, &mut out);
    out
}

/// An enum value in words: its wire code with spaces (`stop processing`).
pub(super) fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

fn row(entry: &AuditEntry) -> String {
    let what = match &entry.redacted {
        Some(r) => format!("(redacted by entry {}: {})", r.by_seq, r.reason),
        None => entry
            .after
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    };
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td><code>{}…</code></td></tr>",
        entry.seq,
        entry.at.format("%Y-%m-%d %H:%M:%S UTC"),
        esc(&entry.actor),
        esc(&entry.action),
        esc(&what),
        esc(entry.hash.get(..16).unwrap_or_default()),
    )
}

/// The report of a request.
pub async fn evidence(
    store: &dyn Store,
    checkpoints: &super::audit::CheckpointLog,
    session: &Session,
    id: RequestId,
) -> Result<String> {
    let organisation = session.organisation.id;
    let request = requests::get(store, organisation, id).await?;
    let mut subjects = vec![id.to_string()];
    subjects.extend(request.records.iter().map(ToString::to_string));
    let trail = store.audit_entries_about(organisation, &subjects).await?;
    let chain = esc(&super::audit::describe(
        &super::audit::verify(store, checkpoints, organisation, &[]).await?,
    ));
    let name = esc(session.organisation.name.as_ref());
    let mut facts = vec![
        ("Request", id.to_string()),
        ("Right", code(&request.kind)),
        ("Received through", code(&request.source)),
        ("Requested by", request.requested_by.clone()),
        ("Received on", request.requested_on.to_string()),
        ("Due on", request.due_on.to_string()),
        ("Status", code(&request.status)),
    ];
    if let Some(extended) = request.extended_due_on {
        facts.push(("Extended to", extended.to_string()));
    }
    for (label, value) in [
        ("Extended because", &request.extension_reason),
        ("Refused because", &request.rejection_reason),
        ("Closed by", &request.closed_by),
    ] {
        if let Some(value) = value {
            facts.push((label, value.clone()));
        }
    }
    if let Some(closed) = request.closed_on {
        facts.push(("Closed on", closed.to_string()));
    }
    // What the requester was told, and whether the mail server took it: sent only once it
    // did.
    for message in &request.messages {
        let state = match message.sent_at {
            Some(at) => format!(
                "{} {}",
                code(&message.status),
                at.format("%Y-%m-%d %H:%M UTC")
            ),
            None => format!(
                "{} (written {})",
                code(&message.status),
                message.queued_at.format("%Y-%m-%d %H:%M UTC")
            ),
        };
        facts.push((
            "Told the requester",
            format!("{}: {state}", code(&message.notice)),
        ));
    }
    facts.push((
        "Records",
        request
            .records
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    ));
    let facts: String = facts
        .iter()
        .map(|(label, value)| format!("<dt>{label}</dt><dd>{}</dd>", esc(value)))
        .collect();
    let rows: String = trail.iter().map(row).collect();
    Ok(format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Data-subject request {id} — {name}</title>\
         <style>body{{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#111}}\
         dl{{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem}}\
         dt{{font-weight:600}}table{{border-collapse:collapse;width:100%}}\
         th,td{{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}}\
         code{{font-size:12px;word-break:break-all}}</style></head><body>\
         <h1>Evidence of a data-subject request</h1><p>{name}</p><dl>{facts}</dl>\
         <h2>Every step</h2><table><thead><tr><th>#</th><th>When</th><th>Who</th>\
         <th>What</th><th>Details</th><th>Entry hash</th></tr></thead><tbody>{rows}</tbody>\
         </table><p>Each step is an entry of {name}'s hash-chained audit trail (the number is \
         its place in the chain); the chain is {chain}. Generated {}.</p></body></html>\n",
        Utc::now().format("%Y-%m-%d %H:%M UTC")
    ))
}
