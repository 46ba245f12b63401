//! `/admin/records/:id`: one record, its Data Privacy section, the basis change and history.

use chrono::NaiveDate;
use consentry_model::{
    LegalBasis, Permission, RecordId,
    fields::{Field, PersonalCounts},
    records::{
        BasisChange, Channel, ConsentThrough, DataPrivacy, ManualConsent, Record, RecordFields,
    },
};
use consentry_ui::ConfirmDialog;
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map},
};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        basis_choice::{BasisChoice, BasisInputs, ChosenBasis, ConfirmBasisChange},
        consent_request::ConsentRequestSection,
        form::{FormProblem, FormState, TextField},
        icon::{Icon, Svg},
        notice::{LoadFailed, Loading, Success},
        record_fields::{RecordFieldInputs, RecordInputs},
        requests::RecordRequests,
    },
    format_time,
    i18n::{
        Msg, actor_name, basis_name, channel_name, delivery_detail_text, detail_text, field_label,
        source_name, status_name, through_name, tr, use_i18n,
    },
    use_auth,
};

/// Loads the record, then shows it.
#[component]
pub fn RecordPage() -> impl IntoView {
    page_title(Msg::RecordPageTitle);
    let params = use_params_map();
    let id = move || {
        params
            .get()
            .get("id")
            .and_then(|id| id.parse::<RecordId>().ok())
    };
    let record = LocalResource::new(move || {
        let id = id();
        async move {
            match id {
                Some(id) => api::record(id).await,
                None => Err(api::ApiFailure::Status {
                    status: 404,
                    body: None,
                }),
            }
        }
    });
    let events = LocalResource::new(move || {
        let id = id();
        async move {
            match id {
                Some(id) => api::record_events(id).await,
                None => Ok(Vec::new()),
            }
        }
    });
    let reload = move || {
        record.refetch();
        events.refetch();
    };
    // Outcomes that must outlive the reload they cause (the record view is drawn anew).
    let flash = RwSignal::new(None::<Msg>);
    view! {
        <p><A href="/admin/records" exact=true>"← "{tr(Msg::BackToRecords)}</A></p>
        <Success message=flash />
        {move || match record.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(record)) => view! { <RecordView record events reload flash /> }.into_any(),
        }}
    }
}

#[component]
fn RecordView(
    record: Record,
    events: LocalResource<api::ApiResult<Vec<consentry_model::records::PrivacyEvent>>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    flash: RwSignal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::EditRecords));
    let stopped = record.privacy.as_ref().is_some_and(|p| p.stop_processing);
    let editable = can_edit && !stopped;
    let id = record.id;
    let module = record.module_id;
    let definitions =
        LocalResource::new(move || async move { api::fields(module).await.unwrap_or_default() });
    let personal = move || definitions.get().map(|d| PersonalCounts::of(&d));
    let created = record.created.clone();
    let updated = record.updated.clone();
    view! {
        <h1>
            {record.shown_name()}
            {stopped.then(|| view! { <span class="badge lock"><Svg icon=Icon::Lock size=12 />" "{tr(Msg::StopProcessingBadge)}</span> })}
        </h1>
        {stopped.then(|| view! { <ResumeProcessing id reload /> })}
        <div class="columns">
            <div>
                {(!record.masked.is_empty()).then(|| {
                    view! { <MaskedValues id masked=record.masked.clone() definitions /> }
                })}
                <FieldsForm
                    id
                    fields=record.fields.clone()
                    hidden=record.masked.keys().cloned().collect()
                    definitions
                    editable
                    reload
                />
                <Show when=move || can_edit>
                    <DeleteRecord id />
                </Show>
            </div>
            <div>
                <section class="card" aria-labelledby="privacy-title">
                    <h2 id="privacy-title">{tr(Msg::DataPrivacy)}</h2>
                    {match record.privacy.clone() {
                        None => view! { <p class="hint">{tr(Msg::NotTracked)}</p> }.into_any(),
                        Some(privacy) => view! {
                            <PrivacyFacts privacy />
                            {record.consent_request.clone().map(|delivery| view! { <RequestDeliveryFact delivery /> })}
                        }
                        .into_any(),
                    }}
                    <dl class="facts compact">
                        {move || personal().map(|p| view! {
                            <dt>{tr(Msg::PersonalFieldsCount)}</dt>
                            <dd id="personal-field-counts">
                                {p.normal}" "{tr(Msg::PersonalFieldsValue)}" · "
                                {p.sensitive}" "{tr(Msg::SensitiveFieldsValue)}
                            </dd>
                        })}
                        <dt>{tr(Msg::CreatedLabel)}</dt>
                        <dd>
                            {move || source_name(i18n.lang(), created.through)}" · "
                            {let by = created.by.clone(); move || actor_name(i18n.lang(), &by)}
                            {created.detail.clone().map(|d| move || format!(" · {}", detail_text(i18n.lang(), &d)))}<br />
                            <span class="muted">{format_time(created.at)}</span>
                        </dd>
                        <dt>{tr(Msg::UpdatedLabel)}</dt>
                        <dd>
                            {move || source_name(i18n.lang(), updated.through)}" · "
                            {let by = updated.by.clone(); move || actor_name(i18n.lang(), &by)}
                            {updated.detail.clone().map(|d| move || format!(" · {}", detail_text(i18n.lang(), &d)))}<br />
                            <span class="muted">{format_time(updated.at)}</span>
                        </dd>
                    </dl>
                </section>
                {(editable && record.privacy.is_some())
                    .then(|| view! { <BasisForm id current=record.privacy.clone() reload /> })}
                {(editable
                    && record.privacy.as_ref().is_some_and(|p| p.basis == LegalBasis::Consent))
                    .then(|| view! { <ConsentRequestSection id reload flash /> })}
                {record.privacy.as_ref().map(|p| {
                    let contract = p.basis == LegalBasis::Contract;
                    view! { <RetentionSection id contract /> }
                })}
                <History events />
                <RecordRequests id requested_by=record.fields.display_name() editable=can_edit />
            </div>
        </div>
    }
}

#[component]
fn PrivacyFacts(privacy: DataPrivacy) -> impl IntoView {
    let i18n = use_i18n();
    let basis = privacy.basis;
    let none = move || i18n.t(Msg::NoValue).to_owned();
    let consent = privacy.consent.clone();
    view! {
        <dl class="facts compact">
            <dt>{tr(Msg::LegalBasisLabel)}</dt>
            <dd class="basis">{move || basis_name(i18n.lang(), basis)}</dd>
            {privacy.lawful_reason.clone().map(|reason| view! {
                <dt>{tr(Msg::LawfulReason)}</dt>
                <dd>{reason}</dd>
            })}
            {consent.map(|c| {
                let status = c.status;
                let through = c.through;
                let channels = c.contact_through.clone();
                view! {
                    <dt>{tr(Msg::ConsentStatusLabel)}</dt>
                    <dd class="consent-status">{move || status_name(i18n.lang(), status)}</dd>
                    <dt>{tr(Msg::ConsentDate)}</dt>
                    <dd>{c.date.map_or_else(none, crate::moment::format_day)}</dd>
                    <dt>{tr(Msg::ConsentThroughLabel)}</dt>
                    <dd>{move || through.map_or_else(none, |t| through_name(i18n.lang(), t).to_owned())}</dd>
                    <dt>{tr(Msg::ContactThrough)}</dt>
                    <dd>
                        {move || {
                            if channels.is_empty() {
                                none()
                            } else {
                                channels
                                    .iter()
                                    .map(|ch| channel_name(i18n.lang(), *ch))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            }
                        }}
                    </dd>
                    <dt>{tr(Msg::ConsentRemarks)}</dt>
                    <dd>{c.remarks.clone().unwrap_or_else(none)}</dd>
                    <dt>{tr(Msg::MailSent)}</dt>
                    <dd>{c.mail_sent_at.map_or_else(none, format_time)}</dd>
                }
            })}
        </dl>
    }
}

/// Where the newest consent request stands: queued, kept in the Outbox, delivered (the waiting
/// period runs from then) or not delivered (the record was left where it was).
#[component]
fn RequestDeliveryFact(delivery: consentry_model::consent::RequestDelivery) -> impl IntoView {
    use consentry_model::consent::RequestDelivery as D;
    let i18n = use_i18n();
    let (class, text) = match delivery {
        D::Queued {
            attempts,
            next_attempt_at,
            ..
        } => (
            "delivery queued",
            view! {
                {tr(Msg::RequestQueued)}
                {(attempts > 0).then(|| view! { " · "{move || crate::i18n::attempt_count(i18n.lang(), attempts)} })}
                {next_attempt_at.map(|at| view! { " · "{tr(Msg::NextAttempt)}" "{format_time(at)} })}
            }
            .into_any(),
        ),
        D::Stored { .. } => ("delivery stored", view! { {tr(Msg::RequestStored)} }.into_any()),
        D::Delivered { at, .. } => (
            "delivery sent",
            view! { {tr(Msg::RequestDelivered)}" "{format_time(at)} }.into_any(),
        ),
        D::Failed { reason, .. } => (
            "delivery failed notice error",
            view! { {tr(Msg::RequestFailed)}" · "{move || delivery_detail_text(i18n.lang(), &reason)} }.into_any(),
        ),
    };
    view! {
        <dl class="facts compact">
            <dt>{tr(Msg::ConsentRequestLabel)}</dt>
            <dd class=class id="consent-request-delivery">{text}</dd>
        </dl>
    }
}

/// The values this user sees masked, each with a button that reveals it (audited).
#[component]
fn MaskedValues(
    id: RecordId,
    masked: std::collections::BTreeMap<String, String>,
    definitions: LocalResource<Vec<Field>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::default();
    view! {
        <section class="card" aria-labelledby="masked-title">
            <h2 id="masked-title">{tr(Msg::MaskedTitle)}</h2>
            <p class="hint">{tr(Msg::MaskedIntro)}</p>
            <FormProblem form />
            <dl class="facts compact" id="masked-values">
                {masked.into_iter().map(|(key, mask)| {
                    let shown = RwSignal::new(None::<String>);
                    let label = {
                        let key = key.clone();
                        move || {
                            definitions
                                .get()
                                .and_then(|d| d.into_iter().find(|f| f.key == key))
                                .map_or_else(|| key.clone(), |f| field_label(i18n.lang(), &f))
                        }
                    };
                    let button_label = label.clone();
                    let reveal = {
                        let key = key.clone();
                        move |_| {
                            let key = key.clone();
                            form.clear();
                            spawn_local(async move {
                                match api::reveal(id, &key).await {
                                    Ok(revealed) => shown.set(Some(
                                        revealed.value.map(|v| v.to_string()).unwrap_or_default(),
                                    )),
                                    Err(failure) => form.fail(failure),
                                }
                            });
                        }
                    };
                    view! {
                        <dt>{label}</dt>
                        <dd>
                            {move || match shown.get() {
                                Some(value) => view! { <span class="revealed">{value}</span> }.into_any(),
                                None => view! {
                                    <span class="masked">{mask.clone()}</span>" "
                                    <button type="button" class="link" on:click=reveal.clone()>
                                        {tr(Msg::Reveal)}
                                        <span class="visually-hidden">" · "{button_label.clone()}</span>
                                    </button>
                                }.into_any(),
                            }}
                        </dd>
                    }
                }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn FieldsForm(
    id: RecordId,
    fields: RecordFields,
    hidden: Vec<String>,
    definitions: LocalResource<Vec<Field>>,
    editable: bool,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let inputs = RecordInputs::new(&fields);
    inputs.hide(hidden);
    Effect::new(move || {
        if let Some(definitions) = definitions.get() {
            inputs.set_fields(&definitions, &fields.custom);
        }
    });
    let form = FormState::default();
    let saved = RwSignal::new(None::<Msg>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        saved.set(None);
        let Some(fields) = inputs.parse(form) else {
            return;
        };
        spawn_local(async move {
            match api::update_record(id, &fields).await {
                Ok(_) => {
                    saved.set(Some(Msg::Saved));
                    reload();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="fields-title">
            <h2 id="fields-title">{tr(Msg::Fields)}</h2>
            <FormProblem form />
            <form on:submit=submit novalidate>
                <fieldset disabled=!editable>
                    <RecordFieldInputs inputs form />
                </fieldset>
                <Success message=saved />
                {editable.then(|| view! { <button type="submit" class="primary">{tr(Msg::SaveChanges)}</button> })}
            </form>
        </section>
    }
}

#[component]
fn BasisForm(
    id: RecordId,
    current: Option<DataPrivacy>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // The current reason is shown in the Data Privacy section; a change states its own.
    let inputs = BasisInputs::new(
        current
            .as_ref()
            .map_or(LegalBasis::NotApplicable, |p| p.basis),
    );
    let by_hand = RwSignal::new(false);
    let date = RwSignal::new(crate::moment::today().to_string());
    let through = RwSignal::new("in_person".to_owned());
    let channels = RwSignal::new(vec![Channel::Email]);
    let remarks = RwSignal::new(String::new());
    let form = FormState::default();
    let done = RwSignal::new(None::<Msg>);
    let warned = RwSignal::new(None::<Msg>);
    let asking = RwSignal::new(false);
    let pending = RwSignal::new(None::<(ChosenBasis, u64)>);
    let change_to_send = StoredValue::new(None::<BasisChange>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        done.set(None);
        warned.set(None);
        let Some(chosen) = inputs.parse(form) else {
            return;
        };
        let basis = chosen.basis;
        let lawful_reason = chosen.lawful_reason.clone();
        let consent = if basis == LegalBasis::Consent && by_hand.get_untracked() {
            let Some(date) = form.check(
                "consent.date",
                date.get_untracked()
                    .parse::<NaiveDate>()
                    .map_err(|_| consentry_model::FieldError::Empty),
            ) else {
                return;
            };
            let through = serde_json::from_value::<ConsentThrough>(serde_json::Value::String(
                through.get_untracked(),
            ))
            .unwrap_or(ConsentThrough::InPerson);
            Some(ManualConsent {
                date,
                through,
                contact_through: channels.get_untracked(),
                remarks: Some(remarks.get_untracked()).filter(|r| !r.trim().is_empty()),
            })
        } else {
            None
        };
        change_to_send.set_value(Some(BasisChange {
            basis,
            lawful_reason,
            consent,
        }));
        pending.set(Some((chosen, 1)));
        asking.set(true);
    };
    let confirmed = Callback::new(move |()| {
        let Some(change) = change_to_send.get_value() else {
            return;
        };
        spawn_local(async move {
            match api::change_basis(id, &change).await {
                Ok(record) => {
                    inputs.clear_reason();
                    done.set(Some(Msg::BasisChanged));
                    warned.set(
                        (!record.warnings.is_empty()).then_some(Msg::WarningContractWithoutReason),
                    );
                    reload();
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    let through_code = |t: ConsentThrough| {
        serde_json::to_value(t)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="basis-title">
            <h2 id="basis-title">{tr(Msg::ChangeBasis)}</h2>
            <FormProblem form />
            <Success message=done />
            {move || warned.get().map(|m| view! { <p class="notice warning" role="status">{tr(m)}</p> })}
            <ConfirmBasisChange id="basis-confirm" open=asking pending on_confirm=confirmed />
            <form on:submit=submit novalidate>
                <BasisChoice id="basis" inputs form />
                <Show when=move || inputs.chosen() == LegalBasis::Consent>
                    <div class="choice">
                        <input type="checkbox" id="by-hand" bind:checked=by_hand />
                        <label for="by-hand">{tr(Msg::ConsentByHand)}</label>
                    </div>
                    <Show when=move || by_hand.get()>
                        <TextField name="consent.date" label=Msg::ConsentDate value=date form input_type="date" />
                        <div class="field">
                            <label for="consent-through">{tr(Msg::ConsentThroughLabel)}</label>
                            <select id="consent-through" bind:value=through>
                                {ConsentThrough::ALL
                                    .into_iter()
                                    .map(|t| view! { <option value=through_code(t)>{move || through_name(i18n.lang(), t)}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <fieldset>
                            <legend>{tr(Msg::ContactThrough)}</legend>
                            {Channel::ALL
                                .into_iter()
                                .map(|ch| {
                                    let id = format!("channel-{ch:?}").to_lowercase();
                                    view! {
                                        <div class="choice">
                                            <input
                                                type="checkbox"
                                                id=id.clone()
                                                prop:checked=move || channels.get().contains(&ch)
                                                on:change=move |_| channels.update(|list| {
                                                    if let Some(i) = list.iter().position(|c| *c == ch) {
                                                        list.remove(i);
                                                    } else {
                                                        list.push(ch);
                                                    }
                                                })
                                            />
                                            <label for=id>{move || channel_name(i18n.lang(), ch)}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                        <TextField name="consent.remarks" label=Msg::ConsentRemarks value=remarks form />
                    </Show>
                </Show>
                <button type="submit" class="primary">{tr(Msg::ChangeBasis)}</button>
            </form>
        </section>
    }
}

#[component]
fn History(
    events: LocalResource<api::ApiResult<Vec<consentry_model::records::PrivacyEvent>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{tr(Msg::History)}</h2>
            {move || match events.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) => {
                    let lang = i18n.lang();
                    let rows = list
                        .into_iter()
                        .rev()
                        .map(|e| {
                            let basis = |b: Option<LegalBasis>| b.map_or("—", |b| basis_name(lang, b));
                            let status = |s: Option<consentry_model::ConsentStatus>| s.map_or("—", |s| status_name(lang, s));
                            // A note (nothing changed) says what happened; a change says both.
                            let note = e.before_basis == Some(e.after_basis)
                                && e.before_status == e.after_status;
                            view! {
                                <li>
                                    <span class="muted">{format_time(e.at)}" · "{actor_name(lang, &e.actor)}" · "{source_name(lang, e.source)}</span><br />
                                    {(!note).then(|| view! {
                                        {basis(e.before_basis)}" → "{basis(Some(e.after_basis))}
                                        {(e.before_status.is_some() || e.after_status.is_some()).then(|| {
                                            format!(" ({} → {})", status(e.before_status), status(e.after_status))
                                        })}
                                    })}
                                    {e.detail.clone().map(|d| view! { <span class="event-detail">{(!note).then_some(" · ")}{detail_text(lang, &d)}</span> })}
                                    {e.lawful_reason.clone().map(|r| view! {
                                        <br /><span class="event-reason">{tr(Msg::LawfulReason)}": "{r}</span>
                                    })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ol class="history">{rows}</ol> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn DeleteRecord(id: RecordId) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = FormState::default();
    let open = RwSignal::new(false);
    let delete = Callback::new(move |()| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::delete_record(id).await {
                Ok(()) => navigate("/admin/records", Default::default()),
                Err(failure) => form.fail(failure),
            }
        });
    });
    let title = Signal::derive(move || i18n.t(Msg::ConfirmDeleteRecordTitle).to_owned());
    let confirm_label = Signal::derive(move || i18n.t(Msg::DeleteOneRecord).to_owned());
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    view! {
        <FormProblem form />
        <button type="button" class="danger" on:click=move |_| open.set(true)>{tr(Msg::DeleteRecord)}</button>
        <ConfirmDialog id="delete-record-confirm" open title confirm_label cancel_label on_confirm=delete destructive=true>
            <p>{tr(Msg::ConfirmDeleteRecord)}</p>
        </ConfirmDialog>
    }
}

/// Lifting stop processing, with the reason (for those who manage compliance settings).
#[component]
fn ResumeProcessing(
    id: consentry_model::RecordId,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let allowed = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::ManageComplianceSettings));
    let reason = RwSignal::new(String::new());
    let failed = RwSignal::new(None::<api::ApiFailure>);
    let resume = move |_| {
        failed.set(None);
        let body = consentry_model::requests::ResumeProcessing {
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match api::resume_processing(id, &body).await {
                Ok(_) => reload(),
                Err(failure) => failed.set(Some(failure)),
            }
        });
    };
    allowed.then(|| {
        view! {
            <section class="card wide" aria-labelledby="resume-title">
                <h2 id="resume-title">{tr(Msg::ResumeTitle)}</h2>
                <div role="alert">
                    {move || failed.get().map(|f| view! { <p class="notice error">{f.message(i18n.lang())}</p> })}
                </div>
                <div class="inline-form">
                    <div class="field">
                        <label for="resume-reason">{tr(Msg::ResumeReason)}</label>
                        <input id="resume-reason" type="text" bind:value=reason />
                    </div>
                    <button type="button" on:click=resume>{tr(Msg::ResumeProcessing)}</button>
                </div>
            </section>
        }
    })
}

/// The record's retention section: the end of its contract (basis Contract) and a legal hold,
/// which keeps it whatever the retention period says; edited by those who manage compliance
/// settings.
#[component]
fn RetentionSection(id: RecordId, contract: bool) -> impl IntoView {
    let can_manage = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::ManageComplianceSettings));
    let current = LocalResource::new(move || api::record_retention(id));
    view! {
        <section class="card" aria-labelledby="retention-title">
            <h2 id="retention-title">{tr(Msg::RecordRetention)}</h2>
            {move || match current.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(now)) => view! {
                    <RetentionForm id contract now can_manage saved=move || current.refetch() />
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn RetentionForm(
    id: RecordId,
    contract: bool,
    now: consentry_model::retention::RecordRetention,
    can_manage: bool,
    saved: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let form = FormState::default();
    let ended = RwSignal::new(
        now.contract_ended_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let held = RwSignal::new(now.legal_hold.is_some());
    let reason = RwSignal::new(
        now.legal_hold
            .as_ref()
            .map(|h| h.reason.clone())
            .unwrap_or_default(),
    );
    let hold = now.legal_hold.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let contract_ended_on = if contract && !ended.get_untracked().trim().is_empty() {
            match form.check(
                "contract_ended_on",
                ended
                    .get_untracked()
                    .trim()
                    .parse::<NaiveDate>()
                    .map_err(|_| consentry_model::FieldError::Date),
            ) {
                Some(day) => Some(day),
                None => return,
            }
        } else {
            None
        };
        let change = consentry_model::retention::RetentionChange {
            contract_ended_on,
            legal_hold: held.get_untracked().then(|| reason.get_untracked()),
        };
        spawn_local(async move {
            match api::save_record_retention(id, &change).await {
                Ok(_) => saved(),
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        {hold.map(|h| view! {
            <p class="notice" id="legal-hold-notice">
                <strong>{tr(Msg::LegalHold)}</strong>": "{h.reason}<br />
                <span class="muted">{h.by}" · "{format_time(h.since)}</span>
            </p>
        })}
        {(!can_manage).then(|| view! { <p class="hint">{tr(Msg::RecordRetentionHint)}</p> })}
        <Show when=move || can_manage>
            <form on:submit=submit novalidate>
                <FormProblem form />
                <p class="hint">{tr(Msg::RecordRetentionHint)}</p>
                {contract.then(|| view! {
                    <TextField name="contract_ended_on" label=Msg::ContractEndedOn value=ended form input_type="date" />
                })}
                <div class="choice">
                    <input
                        type="checkbox"
                        id="legal-hold"
                        prop:checked=move || held.get()
                        on:change=move |ev| held.set(event_target_checked(&ev))
                    />
                    <label for="legal-hold">{tr(Msg::LegalHold)}</label>
                </div>
                <Show when=move || held.get()>
                    <TextField name="legal_hold" label=Msg::LegalHoldReason value=reason form />
                </Show>
                <button type="submit">{tr(Msg::Save)}</button>
            </form>
        </Show>
    }
}
