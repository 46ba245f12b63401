//! Setup > Compliance Settings > Audit trail.

use consentry_model::audit::{AuditAction, AuditVerdict};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api,
    components::{
        audit_detail::{AuditDetail, reason_text},
        notice::{LoadFailed, Loading},
    },
    i18n::{Msg, action_text, actor_name, audit_action_name, checkpoint_source, tr, use_i18n},
};

/// The audit trail with its verification.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = RwSignal::new(None::<AuditAction>);
    let entries = LocalResource::new(move || api::audit_entries(action.get()));
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
        <div class="field narrow-field">
            <label for="audit-action">{tr(Msg::Action)}</label>
            <select
                id="audit-action"
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    action.set(AuditAction::ALL.into_iter().find(|a| a.code() == code));
                }
            >
                <option value="">{tr(Msg::AllActions)}</option>
                {AuditAction::ALL
                    .into_iter()
                    .map(|a| view! { <option value=a.code()>{move || audit_action_name(i18n.lang(), a)}</option> })
                    .collect_view()}
            </select>
        </div>
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
                                    c.at.format("%Y-%m-%d %H:%M UTC"),
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
                            {c.at.format("%Y-%m-%d %H:%M UTC").to_string()}" · "
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
        {move || match entries.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(list)) => view! {
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{tr(Msg::When)}</th>
                            <th scope="col">{tr(Msg::Who)}</th>
                            <th scope="col">{tr(Msg::Action)}</th>
                            <th scope="col">{tr(Msg::Subject)}</th>
                            <th scope="col">{tr(Msg::AuditDetails)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.into_iter().map(|e| view! {
                            <tr>
                                <td>{e.seq}</td>
                                <td>{e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string()}</td>
                                <td>{actor_name(i18n.lang(), &e.actor)}</td>
                                <td>
                                    {action_text(i18n.lang(), &e.action)}
                                </td>
                                <td>{e.subject.unwrap_or_default()}</td>
                                <td>
                                    {match e.redacted {
                                        Some(r) => view! {
                                            <em>
                                                {i18n.t(Msg::DetailRedacted)}" "{r.by_seq}" ("
                                                {reason_text(i18n.lang(), &r.reason).unwrap_or(r.reason)}")"
                                            </em>
                                        }.into_any(),
                                        None => view! {
                                            <AuditDetail action=e.action.clone() before=e.before after=e.after />
                                        }.into_any(),
                                    }}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}
