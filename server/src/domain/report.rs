//! The evidence of one data-subject request as a self-contained HTML page in the reader's
//! language: the request and every audited step about it and its records, each step's details
//! as labelled facts, with their place in the hash-chained audit trail and whether that chain
//! still verifies. Printable to PDF from any browser.

use consentry_model::{Lang, RequestId, audit::AuditEntry, auth::Session, templates::escape_html};
use consentry_words::{
    Msg, action_text, actor_name, audit_detail, delivery_status_msg, notice_name,
    request_source_name, request_status_name, request_type_name, requester_name, text,
    verdict_text,
};

use super::{Result, clock, requests};
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

/// One step: its place in the chain, when, who, what, its details as facts, its hash.
fn row(lang: Lang, entry: &AuditEntry) -> String {
    let details = match &entry.redacted {
        Some(r) => format!(
            "<em>{} {} ({})</em>",
            text(lang, Msg::DetailRedacted),
            r.by_seq,
            esc(&audit_detail::reason_text(lang, &r.reason).unwrap_or_else(|| r.reason.clone()))
        ),
        None => {
            let facts = audit_detail::facts(
                lang,
                &entry.action,
                entry.before.as_ref(),
                entry.after.as_ref(),
            );
            if facts.is_empty() {
                String::new()
            } else {
                let facts: String = facts
                    .iter()
                    .map(|f| format!("<dt>{}</dt><dd>{}</dd>", esc(&f.label), esc(&f.value)))
                    .collect();
                format!("<dl>{facts}</dl>")
            }
        }
    };
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{details}</td><td><code>{}…</code></td></tr>",
        entry.seq,
        entry.at.format("%Y-%m-%d %H:%M:%S UTC"),
        esc(&actor_name(lang, &entry.actor)),
        esc(&action_text(lang, &entry.action)),
        esc(entry.hash.get(..16).unwrap_or_default()),
    )
}

/// The report of a request, in `lang`.
pub async fn evidence(
    store: &dyn Store,
    checkpoints: &super::audit::CheckpointLog,
    session: &Session,
    id: RequestId,
    lang: Lang,
) -> Result<String> {
    let organisation = session.organisation.id;
    let request = requests::get(store, organisation, id).await?;
    let mut subjects = vec![id.to_string()];
    subjects.extend(request.records.iter().map(ToString::to_string));
    let trail = store.audit_entries_about(organisation, &subjects).await?;
    let verdict = super::audit::verify(store, checkpoints, organisation, &[]).await?;
    let name = esc(session.organisation.name.as_ref());
    let t = |msg| text(lang, msg);
    let mut facts = vec![
        (t(Msg::ReportRequestId), id.to_string()),
        (
            t(Msg::ReportRight),
            request_type_name(lang, request.kind).to_owned(),
        ),
        (
            t(Msg::ReportReceivedThrough),
            request_source_name(lang, request.source).to_owned(),
        ),
        (
            t(Msg::RequestedBy),
            requester_name(lang, &request.requested_by),
        ),
        (t(Msg::ReceivedOn), request.requested_on.to_string()),
        (t(Msg::ReportDueOn), request.due_on.to_string()),
        (
            t(Msg::RequestStatusLabel),
            request_status_name(lang, request.status).to_owned(),
        ),
    ];
    if let Some(details) = &request.details {
        facts.push((t(Msg::RequestDetails), details.clone()));
    }
    if let Some(extended) = request.extended_due_on {
        facts.push((t(Msg::ReportExtendedTo), extended.to_string()));
    }
    for (label, value) in [
        (Msg::ExtendedBecause, &request.extension_reason),
        (Msg::RejectedBecause, &request.rejection_reason),
    ] {
        if let Some(value) = value {
            facts.push((t(label), value.clone()));
        }
    }
    if let Some(by) = &request.closed_by {
        facts.push((t(Msg::ClosedBy), actor_name(lang, by)));
    }
    if let Some(closed) = request.closed_on {
        facts.push((t(Msg::ReportClosedOn), closed.to_string()));
    }
    // What the requester was told, and whether the mail server took it: sent only once it
    // did.
    for message in &request.messages {
        let status = t(delivery_status_msg(message.status));
        let state = match message.sent_at {
            Some(at) => format!("{status} {}", at.format("%Y-%m-%d %H:%M UTC")),
            None => format!(
                "{status} ({} {})",
                t(Msg::ReportWrittenAt),
                message.queued_at.format("%Y-%m-%d %H:%M UTC")
            ),
        };
        facts.push((
            t(Msg::ReportToldRequester),
            format!("{}: {state}", notice_name(lang, message.notice)),
        ));
    }
    if let Some(confirmation) = request.erasure_confirmation {
        facts.push((
            t(Msg::ErasureConfirmationLabel),
            t(audit_detail::confirmation_msg(confirmation)).to_owned(),
        ));
    }
    facts.push((
        t(Msg::RecordsFound),
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
    let rows: String = trail.iter().map(|entry| row(lang, entry)).collect();
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title} {id} — {name}</title>\
         <style>body{{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#111}}\
         dl{{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:0}}\
         dt{{font-weight:600}}table{{border-collapse:collapse;width:100%}}\
         th,td{{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}}\
         code{{font-size:12px;word-break:break-all}}</style></head><body>\
         <h1>{title}</h1><p>{name}</p><dl>{facts}</dl>\
         <h2>{steps}</h2><table><thead><tr><th>#</th><th>{when}</th><th>{who}</th>\
         <th>{what}</th><th>{details}</th><th>{hash}</th></tr></thead><tbody>{rows}</tbody>\
         </table><p>{intro} {chain}</p><p>{generated} {now}.</p></body></html>\n",
        lang = lang.code(),
        title = t(Msg::ReportTitle),
        steps = t(Msg::ReportEveryStep),
        when = t(Msg::When),
        who = t(Msg::Who),
        what = t(Msg::Action),
        details = t(Msg::AuditDetails),
        hash = t(Msg::ReportEntryHash),
        intro = t(Msg::ReportChainIntro),
        chain = esc(&verdict_text(lang, &verdict)),
        generated = t(Msg::ReportGenerated),
        now = clock::now().format("%Y-%m-%d %H:%M UTC"),
    ))
}
