//! `/admin/setup/requests`: Setup > Compliance Settings > Data Subject Requests. The queue by
//! deadline with overdue and soon-due requests marked (in words, not colour alone), and each
//! request with what may be done to it now.

use consentry_model::{
    RequestId,
    consent::DeliveryStatus,
    requests::{
        DataSubjectRequest, Erased, ErasureConfirmation, Rectification, RequestAction,
        RequestQuery, RequestStatus, RequestType, Urgency, urgency,
    },
    routes,
};
use consentry_ui::ConfirmDialog;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_params_map};

use crate::components::title::page_title;
use crate::{
    api::{self, ApiFailure},
    components::{
        audit_detail::confirmation_msg,
        notice::{LoadFailed, Loading},
        table::{Cell, Column, DataTable, Pager, PagerBar, TableRow},
    },
    format_time,
    i18n::{
        Msg, delivery_status_msg, figures, notice_name, request_source_name, request_status_name,
        request_type_name, requester_name, tr, use_i18n,
    },
};

/// The urgency in words beside the deadline.
#[component]
fn UrgencyBadge(request: DataSubjectRequest) -> impl IntoView {
    match urgency(&request, crate::moment::today()) {
        Urgency::Overdue => Some(view! { <span class="badge danger">{tr(Msg::Overdue)}</span> }),
        Urgency::DueSoon => Some(view! { <span class="badge warning">{tr(Msg::DueSoon)}</span> }),
        Urgency::OnTime => None,
    }
}

/// The queue's columns.
const COLUMNS: &[Column] = &[
    Column::named("deadline", Msg::Deadline),
    Column::named("kind", Msg::RequestTypeLabel),
    Column::optional("requested-by", Msg::RequestedBy),
    Column::optional("received", Msg::ReceivedOn),
    Column::named("status", Msg::RequestStatusLabel),
    Column::optional("records", Msg::RecordsFound),
];

/// The requests as table rows: each named by its right, linking to it.
fn queue_rows(list: Vec<DataSubjectRequest>) -> Vec<TableRow> {
    let i18n = use_i18n();
    list.into_iter()
        .map(|r| {
            let href = format!("/admin/setup/requests/{}", r.id);
            let (kind, source, status) = (r.kind, r.source, r.status);
            let requester = requester_name(i18n.lang(), &r.requested_by);
            TableRow {
                key: r.id.to_string(),
                name: requester.clone(),
                cells: vec![
                    Cell::view(view! { {crate::moment::format_day(r.deadline())}" "<UrgencyBadge request=r.clone() /> }),
                    Cell::view(view! {
                        <A href=href>{move || request_type_name(i18n.lang(), kind)}</A>
                        <span class="muted">" · "{move || request_source_name(i18n.lang(), source)}</span>
                    }),
                    Cell::Text(requester),
                    Cell::text(r.requested_on),
                    Cell::live(move || request_status_name(i18n.lang(), status).to_owned()),
                    Cell::text(r.records.len()),
                ],
            }
        })
        .collect()
}

/// The queue.
#[component]
pub fn RequestsPage() -> impl IntoView {
    page_title(Msg::NavRequests);
    let i18n = use_i18n();
    let kind = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let pager = Pager::new();
    Effect::new(move |_| {
        kind.track();
        status.track();
        pager.restart();
    });
    let queue = LocalResource::new(move || {
        let query = RequestQuery {
            kind: serde_json::from_value(serde_json::Value::String(kind.get())).ok(),
            status: serde_json::from_value(serde_json::Value::String(status.get())).ok(),
            after: pager.cursor(),
            limit: Some(pager.size()),
            ..RequestQuery::default()
        };
        async move { api::request_queue(&query).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = queue.get() {
            pager.loaded(page.next);
        }
    });
    view! {
        <h1>{tr(Msg::NavRequests)}</h1>
        <p class="lead">{tr(Msg::RequestsIntro)}</p>
        <section class="card wide">
            <div class="filters">
                <div class="field">
                    <label for="queue-kind">{tr(Msg::RequestTypeLabel)}</label>
                    <select id="queue-kind" bind:value=kind>
                        <option value="">{tr(Msg::AnyType)}</option>
                        {RequestType::ALL.into_iter().map(|k| view! {
                            <option value=api::code(&k)>{move || request_type_name(i18n.lang(), k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="queue-status">{tr(Msg::RequestStatusLabel)}</label>
                    <select id="queue-status" bind:value=status>
                        <option value="">{tr(Msg::AnyStatus)}</option>
                        {[RequestStatus::Received, RequestStatus::Verified, RequestStatus::InProgress,
                          RequestStatus::Completed, RequestStatus::Rejected].into_iter().map(|s| view! {
                            <option value=api::code(&s)>{move || request_status_name(i18n.lang(), s)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || match queue.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(page)) => {
                    let (total, shown) = (page.total, page.requests.len());
                    view! {
                        <p class="table-total" id="request-total">
                            {move || figures::count(i18n.lang(), total)}" "{tr(Msg::RequestsInList)}
                        </p>
                        <DataTable
                            id="request-queue"
                            caption=Msg::NavRequests
                            columns=COLUMNS
                            rows=queue_rows(page.requests)
                            empty=move || view! { <p>{tr(Msg::NoQueue)}</p> }
                        />
                        <PagerBar
                            id="request-pages"
                            pager
                            total=Signal::derive(move || Some(total))
                            shown=Signal::derive(move || shown)
                        />
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// `/admin/setup/requests/:id`.
#[component]
pub fn RequestPage() -> impl IntoView {
    page_title(Msg::RequestTitle);
    let params = use_params_map();
    let request = LocalResource::new(move || {
        let id = params
            .get()
            .get("id")
            .and_then(|id| id.parse::<RequestId>().ok());
        async move {
            match id {
                Some(id) => api::request(id).await,
                None => Err(ApiFailure::Status {
                    status: 404,
                    body: None,
                }),
            }
        }
    });
    view! {
        <p><A href="/admin/setup/requests" exact=true>"← "{tr(Msg::NavRequests)}</A></p>
        {move || match request.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(request)) => view! { <RequestView request /> }.into_any(),
        }}
    }
}

#[component]
fn RequestView(request: DataSubjectRequest) -> impl IntoView {
    let i18n = use_i18n();
    let id = request.id;
    let current = RwSignal::new(request);
    let outcome = RwSignal::new(None::<Result<Msg, ApiFailure>>);
    let reason = RwSignal::new(String::new());
    let months = RwSignal::new("1".to_owned());
    let run = move |action: RequestAction| {
        outcome.set(None);
        spawn_local(async move {
            match api::act_on_request(id, &action).await {
                Ok(updated) => {
                    current.set(updated);
                    reason.set(String::new());
                    outcome.set(Some(Ok(Msg::RequestUpdated)));
                }
                Err(failure) => outcome.set(Some(Err(failure))),
            }
        });
    };
    let status = move || current.with(|r| r.status);
    let send_export = move |_| {
        outcome.set(None);
        spawn_local(async move {
            match api::send_export(id).await {
                Ok(updated) => {
                    current.set(updated);
                    outcome.set(Some(Ok(Msg::ExportSent)));
                }
                Err(failure) => outcome.set(Some(Err(failure))),
            }
        });
    };
    let carried_out = move |result: api::ApiResult<DataSubjectRequest>| match result {
        Ok(updated) => {
            current.set(updated);
            outcome.set(Some(Ok(Msg::RequestUpdated)));
        }
        Err(failure) => outcome.set(Some(Err(failure))),
    };
    let stop = move |_| {
        outcome.set(None);
        spawn_local(async move { carried_out(api::stop_processing(id).await) });
    };
    let grounds = RwSignal::new(String::new());
    let decide = move |_| {
        outcome.set(None);
        let decision = consentry_model::requests::ObjectionDecision {
            overriding_grounds: Some(grounds.get_untracked()).filter(|g| !g.trim().is_empty()),
        };
        spawn_local(async move { carried_out(api::decide_objection(id, &decision).await) });
    };
    let asking_erase = RwSignal::new(false);
    let erase = Callback::new(move |()| {
        outcome.set(None);
        spawn_local(async move {
            match api::erase_subject(id).await {
                Ok(Erased {
                    request,
                    confirmation,
                }) => {
                    current.set(request);
                    outcome.set(Some(Ok(match confirmation {
                        ErasureConfirmation::Sent => Msg::SubjectErasedTold,
                        ErasureConfirmation::NoSmtpServer => Msg::SubjectErasedNoSmtp,
                        ErasureConfirmation::DeliveryFailed | ErasureConfirmation::Interrupted => {
                            Msg::SubjectErasedNotDelivered
                        }
                        ErasureConfirmation::Retrying => Msg::SubjectErasedRetrying,
                        ErasureConfirmation::NoAddress => Msg::SubjectErasedNoAddress,
                    })));
                }
                Err(failure) => outcome.set(Some(Err(failure))),
            }
        });
    });
    let erase_title = Signal::derive(move || {
        let subject = current.with(|r| requester_name(i18n.lang(), &r.requested_by));
        format!("{}: {subject}", i18n.t(Msg::EraseSubject))
    });
    let erase_label = Signal::derive(move || i18n.t(Msg::EraseSubject).to_owned());
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    view! {
        <ConfirmDialog id="erase-confirm" open=asking_erase title=erase_title
            confirm_label=erase_label cancel_label on_confirm=erase destructive=true>
            <p>{tr(Msg::ConfirmErase)}</p>
            <p>{tr(Msg::RecordsFound)}": "<strong>{move || current.with(|r| r.records.len())}</strong></p>
        </ConfirmDialog>
        <h1>{tr(Msg::RequestTitle)}": "{move || request_type_name(i18n.lang(), current.with(|r| r.kind))}</h1>
        <div role="status">
            {move || match outcome.get() {
                Some(Ok(msg)) => Some(view! { <p class="notice success">{tr(msg)}</p> }.into_any()),
                Some(Err(failure)) => Some(view! {
                    <p class="notice error" role="alert">{failure.message(i18n.lang())}</p>
                }.into_any()),
                None => None,
            }}
        </div>
        {move || {
            let r = current.get();
            view! {
                <dl class="facts" id="request-facts">
                    <dt>{tr(Msg::RequestStatusLabel)}</dt>
                    <dd id="request-status">{move || request_status_name(i18n.lang(), r.status)}</dd>
                    <dt>{tr(Msg::Deadline)}</dt>
                    <dd>{crate::moment::format_day(r.deadline())}" "<UrgencyBadge request=r.clone() /></dd>
                    <dt>{tr(Msg::RequestedBy)}</dt>
                    <dd>{requester_name(i18n.lang(), &r.requested_by)}</dd>
                    <dt>{tr(Msg::ReceivedOn)}</dt>
                    <dd>{r.requested_on.to_string()}" · "{move || request_source_name(i18n.lang(), r.source)}</dd>
                    {r.details.clone().map(|d| view! { <dt>{tr(Msg::RequestDetails)}</dt><dd class="pre">{d}</dd> })}
                    {r.extension_reason.clone().map(|d| view! { <dt>{tr(Msg::ExtendedBecause)}</dt><dd>{d}</dd> })}
                    {r.rejection_reason.clone().map(|d| view! { <dt>{tr(Msg::RejectedBecause)}</dt><dd>{d}</dd> })}
                    {r.closed_by.clone().map(|by| view! {
                        <dt>{tr(Msg::ClosedBy)}</dt>
                        <dd>{by}{r.closed_on.map(|d| format!(" · {d}"))}</dd>
                    })}
                    {(!r.messages.is_empty()).then(|| view! {
                        <dt>{tr(Msg::RequestMessages)}</dt>
                        <dd>
                            <ul class="plain" id="request-messages">
                                {r.messages.clone().into_iter().map(|m| {
                                    let state = delivery_status_msg(m.status);
                                    let code = match m.status {
                                        DeliveryStatus::Stored => "stored",
                                        DeliveryStatus::Queued => "queued",
                                        DeliveryStatus::Sent => "sent",
                                        DeliveryStatus::Failed => "failed",
                                    };
                                    view! {
                                        <li data-delivery=code>
                                            {notice_name(i18n.lang(), m.notice)}": "
                                            <strong>{tr(state)}</strong>
                                            " · "{format_time(m.sent_at.unwrap_or(m.queued_at))}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </dd>
                    })}
                    {r.erasure_confirmation.map(|c| view! {
                        <dt>{tr(Msg::ErasureConfirmationLabel)}</dt>
                        <dd id="erasure-confirmation">{tr(confirmation_msg(c))}</dd>
                    })}
                    <dt>{tr(Msg::RecordsFound)}</dt>
                    <dd>
                        {if r.records.is_empty() {
                            view! { <span class="muted">{tr(Msg::NoLinkedRecords)}</span> }.into_any()
                        } else {
                            view! {
                                <ul class="plain">
                                    {r.records.clone().into_iter().map(|id| view! {
                                        <li><A href=format!("/admin/records/{id}")>{id.to_string()}</A></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </dd>
                </dl>
            }
        }}
        <p>
            <a href=move || format!("{}?lang={}", routes::fill(routes::REQUEST_REPORT, &[&id.to_string()]), i18n.lang().code()) download=format!("request-{id}.html")>
                {tr(Msg::EvidenceReport)}
            </a>
        </p>
        <Show when=move || current.with(DataSubjectRequest::is_open)>
            <section class="card" aria-labelledby="request-actions-title">
                <h2 id="request-actions-title">{tr(Msg::RequestStatusLabel)}</h2>
                <div class="inline-form">
                    <Show when=move || status() == RequestStatus::Received>
                        <button type="button" on:click=move |_| run(RequestAction::Verify {})>{tr(Msg::VerifyRequest)}</button>
                    </Show>
                    <Show when=move || matches!(status(), RequestStatus::Received | RequestStatus::Verified)>
                        <button type="button" on:click=move |_| run(RequestAction::Start {})>{tr(Msg::StartRequest)}</button>
                    </Show>
                    <Show when=move || matches!(status(), RequestStatus::Verified | RequestStatus::InProgress)
                        && current.with(|r| !matches!(r.kind, RequestType::Erasure
                            | RequestType::StopProcessing | RequestType::Objection))>
                        <button type="button" class="primary" on:click=move |_| run(RequestAction::Complete {})>{tr(Msg::CompleteRequest)}</button>
                    </Show>
                </div>
                <Show when=move || matches!(status(), RequestStatus::Verified | RequestStatus::InProgress)
                    && current.with(|r| matches!(r.kind, RequestType::Access | RequestType::Portability))>
                    <p class="hint">{tr(Msg::ExportHint)}</p>
                    <div class="inline-form">
                        <a class="button" href=routes::fill(routes::REQUEST_EXPORT, &[&id.to_string()]) download="subject-export.zip">
                            {tr(Msg::ReviewExport)}
                        </a>
                        <button type="button" class="primary" on:click=send_export>{tr(Msg::SendExport)}</button>
                    </div>
                </Show>
                <Show when=move || matches!(status(), RequestStatus::Verified | RequestStatus::InProgress)
                    && current.with(|r| r.kind == RequestType::Rectification)>
                    {move || current.with(|r| r.records.clone()).into_iter().map(|record| view! {
                        <RectifyRecord request=id record asked=current.with(|r| r.details.clone()).unwrap_or_default() />
                    }).collect_view()}
                </Show>
                <Show when=move || matches!(status(), RequestStatus::Verified | RequestStatus::InProgress)
                    && current.with(|r| r.kind == RequestType::StopProcessing)>
                    <p class="hint">{tr(Msg::StopRecordsHint)}</p>
                    <button type="button" class="primary" on:click=stop>{tr(Msg::StopRecords)}</button>
                </Show>
                <Show when=move || matches!(status(), RequestStatus::Verified | RequestStatus::InProgress)
                    && current.with(|r| r.kind == RequestType::Objection)>
                    <p class="hint">{tr(Msg::ObjectionHint)}</p>
                    <div class="field">
                        <label for="objection-grounds">{tr(Msg::OverridingGrounds)}</label>
                        <textarea id="objection-grounds" rows="3" bind:value=grounds></textarea>
                    </div>
                    <button type="button" class="primary" on:click=decide>{tr(Msg::DecideObjection)}</button>
                </Show>
                <Show when=move || matches!(status(), RequestStatus::Verified | RequestStatus::InProgress)
                    && current.with(|r| r.kind == RequestType::Erasure)>
                    <p class="hint">{tr(Msg::EraseHint)}</p>
                    <button type="button" class="danger" on:click=move |_| asking_erase.set(true)>{tr(Msg::EraseSubject)}</button>
                </Show>
                <div class="field">
                    <label for="request-reason">{tr(Msg::ReasonLabel)}</label>
                    <textarea id="request-reason" rows="3" bind:value=reason></textarea>
                </div>
                <div class="inline-form">
                    <div class="field">
                        <label for="request-months">{tr(Msg::MonthsLabel)}</label>
                        <select id="request-months" bind:value=months>
                            <option value="1">{tr(Msg::OneMonth)}</option>
                            <option value="2">{tr(Msg::TwoMonths)}</option>
                        </select>
                    </div>
                    <button type="button" on:click=move |_| run(RequestAction::Extend {
                        months: months.get_untracked().parse().unwrap_or(1),
                        reason: reason.get_untracked(),
                    })>{tr(Msg::ExtendRequest)}</button>
                    <button type="button" class="danger" on:click=move |_| run(RequestAction::Reject {
                        reason: reason.get_untracked(),
                    })>{tr(Msg::RejectRequest)}</button>
                </div>
            </section>
        </Show>
    }
}

/// The subject's words beside one record's fields, to correct and apply.
#[component]
fn RectifyRecord(
    request: RequestId,
    record: consentry_model::RecordId,
    asked: String,
) -> impl IntoView {
    let loaded = LocalResource::new(move || api::record(record));
    view! {
        {move || match loaded.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(found)) => view! { <Correction request found asked=asked.clone() /> }.into_any(),
        }}
    }
}

#[component]
fn Correction(
    request: RequestId,
    found: consentry_model::records::Record,
    asked: String,
) -> impl IntoView {
    use consentry_model::{Email, fields::StandardField, records::RecordFields};
    let i18n = use_i18n();
    let record = found.id;
    let custom = found.fields.custom.clone();
    let value = |v: &Option<String>| RwSignal::new(v.clone().unwrap_or_default());
    let f = &found.fields;
    let inputs = [
        (StandardField::FirstName, value(&f.first_name)),
        (StandardField::LastName, value(&f.last_name)),
        (
            StandardField::Email,
            RwSignal::new(
                f.email
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        ),
        (StandardField::Phone, value(&f.phone)),
        (StandardField::Company, value(&f.company)),
        (StandardField::Country, value(&f.country)),
    ];
    let outcome = RwSignal::new(None::<Result<Msg, ApiFailure>>);
    let apply = move |_| {
        outcome.set(None);
        let text = |field: StandardField| {
            inputs
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.get_untracked().trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let email = match text(StandardField::Email).map(|e| Email::parse(&e)) {
            Some(Err(_)) => {
                outcome.set(Some(Err(ApiFailure::Status {
                    status: 400,
                    body: Some(consentry_model::ErrorBody {
                        error: consentry_model::ErrorCode::InvalidField,
                        message: i18n.t(Msg::FixFields).into(),
                        field: Some("fields.email".into()),
                        request_id: None,
                    }),
                })));
                return;
            }
            Some(Ok(email)) => Some(email),
            None => None,
        };
        let body = Rectification {
            record_id: record,
            fields: RecordFields {
                first_name: text(StandardField::FirstName),
                last_name: text(StandardField::LastName),
                email,
                phone: text(StandardField::Phone),
                company: text(StandardField::Company),
                country: text(StandardField::Country),
                custom: custom.clone(),
            },
        };
        spawn_local(async move {
            outcome.set(Some(
                api::rectify(request, &body)
                    .await
                    .map(|_| Msg::CorrectionApplied),
            ));
        });
    };
    view! {
        <section class="card wide" aria-label=format!("{record}")>
            <div class="columns">
                <div>
                    <h3>{tr(Msg::SubjectAsked)}</h3>
                    <p class="pre">{asked}</p>
                </div>
                <div>
                    <h3><A href=format!("/admin/records/{record}")>{found.fields.display_name()}</A></h3>
                    {inputs.into_iter().map(|(field, signal)| {
                        let id = format!("rectify-{record}-{}", field.key());
                        view! {
                            <div class="field">
                                <label for=id.clone()>{move || crate::i18n::standard_field_name(i18n.lang(), field)}</label>
                                <input id=id type="text" bind:value=signal />
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" class="primary" on:click=apply>{tr(Msg::ApplyCorrection)}</button>
                    <div role="status">
                        {move || match outcome.get() {
                            Some(Ok(msg)) => Some(view! { <p class="notice success">{tr(msg)}</p> }.into_any()),
                            Some(Err(failure)) => Some(view! {
                                <p class="notice error" role="alert">{failure.message(i18n.lang())}</p>
                            }.into_any()),
                            None => None,
                        }}
                    </div>
                </div>
            </div>
        </section>
    }
}
