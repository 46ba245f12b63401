//! Setup > Compliance Settings > Audit trail: its verification and checkpoints, and the
//! entries in a table filtered by action, actor and period, paged, and exported as CSV.

use chrono::{Days, NaiveDate};
use consentry_model::audit::{AuditAction, AuditEntry, AuditFilter, AuditVerdict};
use leptos::{prelude::*, task::spawn_local};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        audit_detail::{AuditDetail, reason_text},
        notice::{LoadFailed, Loading},
        table::{Cell, Column, DataTable, Pager, PagerBar, TableRow},
    },
    i18n::{Msg, action_text, actor_name, audit_action_name, checkpoint_source, tr, use_i18n},
    moment,
};

/// The audit table's columns.
const COLUMNS: &[Column] = &[
    Column::named("seq", Msg::SequenceNumber),
    Column::named("at", Msg::When),
    Column::optional("actor", Msg::Who),
    Column::named("action", Msg::Action),
    Column::optional("subject", Msg::Subject),
    Column::optional("detail", Msg::AuditDetails),
];

/// A day picked in a date input, and the day after it, as the moments they start in the
/// organisation's time zone.
fn day_start(value: &str, days_after: u64) -> Option<chrono::DateTime<chrono::Utc>> {
    let day = value.parse::<NaiveDate>().ok()?;
    Some(moment::day_start(
        day.checked_add_days(Days::new(days_after))?,
    ))
}

/// Where an entry's subject is shown, from its action: a record, a request, a form or a
/// template; other subjects have no page.
fn subject_href(action: &str, subject: &str) -> Option<String> {
    let (kind, _) = action.split_once('.')?;
    let base = match kind {
        "record" => "/admin/records",
        "request" | "erasure" => "/admin/setup/requests",
        "form" => "/admin/setup/forms",
        "template" => "/admin/setup/email-templates",
        _ => return None,
    };
    subject
        .parse::<uuid::Uuid>()
        .ok()
        .map(|id| format!("{base}/{id}"))
}

/// The filters: action, actor and the days from and until (inclusive).
#[derive(Debug, Clone, Copy)]
struct AuditFilters {
    action: RwSignal<String>,
    actor: RwSignal<String>,
    from: RwSignal<String>,
    until: RwSignal<String>,
}

impl AuditFilters {
    fn new() -> AuditFilters {
        AuditFilters {
            action: RwSignal::new(String::new()),
            actor: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            until: RwSignal::new(String::new()),
        }
    }

    /// Whether the period ends before it starts (reactive): nothing is asked for then.
    fn backwards(self) -> bool {
        let (from, until) = (self.from.get(), self.until.get());
        !from.is_empty() && !until.is_empty() && until < from
    }

    /// The filter the server reads (reactive); the last day counts in full.
    fn filter(self) -> AuditFilter {
        let action = self.action.get();
        let actor = self.actor.get();
        AuditFilter {
            action: AuditAction::ALL.into_iter().find(|a| a.code() == action),
            actor: (!actor.is_empty()).then_some(actor),
            from: day_start(&self.from.get(), 0),
            until: day_start(&self.until.get(), 1),
        }
    }
}

/// The audit trail with its verification.
#[component]
pub fn AuditPage() -> impl IntoView {
    page_title(Msg::AuditTitle);
    let i18n = use_i18n();
    let filters = AuditFilters::new();
    let filter = Memo::new(move |_| filters.filter());
    let pager = Pager::new();
    Effect::new(move |_| {
        filter.track();
        pager.restart();
    });
    let backwards = Memo::new(move |_| filters.backwards());
    let entries = LocalResource::new(move || {
        let (filter, cursor, size) = (filter.get(), pager.cursor(), pager.size());
        let backwards = backwards.get();
        async move {
            if backwards {
                return Ok(Vec::new());
            }
            api::audit_entries(&filter, cursor.as_deref(), size).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = entries.get() {
            // A full page may have older entries after it; the next page says if not.
            let full = page.len() == pager.size_untracked() as usize;
            pager.loaded(
                full.then(|| page.last().map(|e| e.seq.to_string()))
                    .flatten(),
            );
        }
    });
    let total = LocalResource::new(move || {
        let (filter, backwards) = (filter.get(), backwards.get());
        async move {
            if backwards {
                return Ok(0);
            }
            api::audit_count(&filter).await
        }
    });
    let actors = LocalResource::new(api::audit_actors);
    let verdict = RwSignal::new(None::<Result<AuditVerdict, api::ApiFailure>>);
    let verify = move |_| {
        spawn_local(async move {
            verdict.set(Some(api::verify_audit().await));
        });
    };
    let checkpoints = LocalResource::new(api::audit_checkpoints);
    let signing = RwSignal::new(None::<api::ApiFailure>);
    let sign = move |_| {
        spawn_local(async move {
            match api::sign_audit_checkpoint().await {
                Ok(_) => {
                    signing.set(None);
                    checkpoints.refetch();
                    entries.refetch();
                }
                Err(failure) => signing.set(Some(failure)),
            }
        });
    };
    view! {
        <h1>{tr(Msg::AuditTitle)}</h1>
        <p class="lead">{tr(Msg::AuditIntro)}</p>
        <button type="button" class="primary" on:click=verify>{tr(Msg::VerifyChain)}</button>
        <div role="status" class="verdict">
            {move || verdict.get().map(|v| match v {
                Ok(AuditVerdict::Intact { entries, redacted, checkpoint }) => view! {
                    <div class="notice success">
                        <p>{i18n.t(Msg::ChainIntact)}" "{entries}</p>
                        {(redacted > 0).then(|| view! { <p>{i18n.t(Msg::ChainRedacted)}" "{redacted}</p> })}
                        <p>
                            {match checkpoint {
                                Some(c) => format!(
                                    "{} {} ({}, {})",
                                    i18n.t(Msg::ChainCheckedAgainst),
                                    c.seq,
                                    crate::format_time(c.at),
                                    checkpoint_source(i18n.lang(), &c.source),
                                ),
                                None => i18n.t(Msg::ChainNoCheckpoint).to_owned(),
                            }}
                        </p>
                    </div>
                }.into_any(),
                Ok(AuditVerdict::Broken { seq, reason, .. }) => view! {
                    <p class="notice error">{i18n.t(Msg::ChainBroken)}" "{seq}": "{reason}</p>
                }.into_any(),
                Err(failure) => view! { <LoadFailed failure /> }.into_any(),
            })}
        </div>
        <section aria-labelledby="checkpoints-title">
            <h2 id="checkpoints-title">{tr(Msg::NewestCheckpoint)}</h2>
            <p>{tr(Msg::CheckpointIntro)}</p>
            {move || match checkpoints.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) => match list.into_iter().next() {
                    Some(c) => view! {
                        <p>
                            {i18n.t(Msg::NewestCheckpoint)}" "{c.seq}", "
                            {crate::format_time(c.at)}" · "
                            <code>{c.head.get(..16).unwrap_or_default().to_owned()}"…"</code>
                        </p>
                        <a class="button" href=api::LATEST_CHECKPOINT_URL download="">{tr(Msg::DownloadCheckpoint)}</a>
                    }.into_any(),
                    None => view! { <p>{tr(Msg::NoCheckpointYet)}</p> }.into_any(),
                },
            }}
            <button type="button" on:click=sign>{tr(Msg::SignCheckpoint)}</button>
            {move || signing.get().map(|failure| view! { <LoadFailed failure /> })}
        </section>
        <section aria-labelledby="entries-title">
            <h2 id="entries-title">{tr(Msg::AuditEntries)}</h2>
            <div class="filters" role="search" aria-label=tr(Msg::Filters)>
                <div class="field">
                    <label for="audit-action">{tr(Msg::Action)}</label>
                    <select id="audit-action" bind:value=filters.action>
                        <option value="">{tr(Msg::AllActions)}</option>
                        {AuditAction::ALL
                            .into_iter()
                            .map(|a| view! { <option value=a.code()>{move || audit_action_name(i18n.lang(), a)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-actor">{tr(Msg::Who)}</label>
                    <select id="audit-actor" bind:value=filters.actor>
                        <option value="">{tr(Msg::Anyone)}</option>
                        {move || actors
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|actor| {
                                let value = actor.clone();
                                view! { <option value=value>{move || actor_name(i18n.lang(), &actor)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-from">{tr(Msg::FromDay)}</label>
                    <input id="audit-from" type="date" bind:value=filters.from />
                </div>
                <div class="field">
                    <label for="audit-until">{tr(Msg::UntilDay)}</label>
                    <input id="audit-until" type="date" bind:value=filters.until />
                </div>
                <a class="button" id="audit-export" href=move || api::audit_export_url(&filter.get(), None) download="">
                    {tr(Msg::ExportCsv)}
                </a>
            </div>
            <p class="hint">{tr(Msg::AuditDaysHint)}</p>
            {move || backwards.get().then(|| view! {
                <p class="notice error" role="alert" id="audit-backwards">{tr(Msg::UntilBeforeFrom)}</p>
            })}
            {move || match entries.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) => {
                    let shown = list.len();
                    view! {
                        <DataTable
                            id="audit"
                            caption=Msg::AuditEntries
                            columns=COLUMNS
                            rows=entry_rows(list)
                            empty=move || view! { <p>{tr(Msg::NoAuditEntries)}</p> }
                        />
                        <PagerBar
                            id="audit-pages"
                            pager
                            total=Signal::derive(move || total.get().and_then(Result::ok))
                            shown=Signal::derive(move || shown)
                        />
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The entries of a page as table rows.
fn entry_rows(list: Vec<AuditEntry>) -> Vec<TableRow> {
    let i18n = use_i18n();
    list.into_iter()
        .map(|e| {
            let subject = e.subject.clone().unwrap_or_default();
            let subject_cell = match subject_href(&e.action, &subject) {
                Some(href) => Cell::link(href, subject),
                None => Cell::Text(subject),
            };
            let action = e.action.clone();
            let actor = e.actor.clone();
            TableRow {
                key: e.seq.to_string(),
                name: format!("#{}", e.seq),
                cells: vec![
                    Cell::text(e.seq),
                    Cell::text(moment::format_time_seconds(e.at)),
                    Cell::live(move || actor_name(i18n.lang(), &actor)),
                    Cell::live(move || action_text(i18n.lang(), &action)),
                    subject_cell,
                    match e.redacted {
                        Some(r) => Cell::view(view! {
                            <em>
                                {move || i18n.t(Msg::DetailRedacted)}" "{r.by_seq}" ("
                                {move || reason_text(i18n.lang(), &r.reason).unwrap_or(r.reason.clone())}")"
                            </em>
                        }),
                        None => Cell::view(view! {
                            <AuditDetail action=e.action.clone() before=e.before after=e.after />
                        }),
                    },
                ],
            }
        })
        .collect()
}
