//! A record's data-subject requests: the list, and filing one received outside Consentry.

use consentry_model::{
    RecordId,
    requests::{NewRequest, RequestSource, RequestType},
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use super::{
    form::{FormProblem, FormState, TextField},
    notice::{LoadFailed, Loading, Success},
};
use crate::{
    api,
    i18n::{Msg, request_source_name, request_status_name, request_type_name, tr, use_i18n},
};

/// The requests concerning a record; with `editable`, a form to file one.
#[component]
pub fn RecordRequests(id: RecordId, requested_by: String, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let requests = LocalResource::new(move || api::record_requests(id));
    view! {
        <section class="card" aria-labelledby="requests-title">
            <h2 id="requests-title">{tr(Msg::DataSubjectRequests)}</h2>
            {move || match requests.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="hint">{tr(Msg::NoRequests)}</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <table class="data" id="record-requests">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Msg::RequestTypeLabel)}</th>
                                <th scope="col">{tr(Msg::ReceivedOn)}</th>
                                <th scope="col">{tr(Msg::DueOn)}</th>
                                <th scope="col">{tr(Msg::RequestStatusLabel)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|r| view! {
                                <tr>
                                    <td>
                                        {move || request_type_name(i18n.lang(), r.kind)}
                                        <span class="muted">" · "{move || request_source_name(i18n.lang(), r.source)}</span>
                                    </td>
                                    <td>{crate::moment::format_day(r.requested_on)}</td>
                                    <td>{crate::moment::format_day(r.due_on)}</td>
                                    <td>{move || request_status_name(i18n.lang(), r.status)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            }}
            {editable.then(|| view! {
                <FileRequest id requested_by reload=move || requests.refetch() />
                <DataRequestLink id />
            })}
        </section>
    }
}

#[component]
fn FileRequest(
    id: RecordId,
    requested_by: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::default();
    let done = RwSignal::new(None::<Msg>);
    let kind = RwSignal::new("access".to_owned());
    let source = RwSignal::new("email".to_owned());
    let by = RwSignal::new(requested_by);
    let on = RwSignal::new(crate::moment::today().to_string());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        done.set(None);
        let code = |v: String| serde_json::Value::String(v);
        let (Ok(kind), Ok(source)) = (
            serde_json::from_value::<RequestType>(code(kind.get_untracked())),
            serde_json::from_value::<RequestSource>(code(source.get_untracked())),
        ) else {
            return;
        };
        let Some(requested_on) = form.check(
            "requested_on",
            consentry_model::fields::parse_date(&on.get_untracked()),
        ) else {
            return;
        };
        let new = NewRequest {
            kind,
            source,
            requested_by: by.get_untracked(),
            requested_on,
            details: None,
        };
        // The organisation's day, as the server checks it.
        if let Err((field, error)) = new.check(crate::moment::today()) {
            form.check::<()>(field, Err(error));
            return;
        }
        spawn_local(async move {
            match api::file_request(id, &new).await {
                Ok(_) => {
                    done.set(Some(Msg::RequestFiled));
                    reload();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <h3>{tr(Msg::FileRequest)}</h3>
        <FormProblem form />
        <Success message=done />
        <form on:submit=submit class="grid-form" novalidate>
            <div class="field">
                <label for="request-kind">{tr(Msg::RequestTypeLabel)}</label>
                <select id="request-kind" bind:value=kind>
                    {RequestType::ALL.into_iter().map(|k| {
                        let value = serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                        view! { <option value=value>{move || request_type_name(i18n.lang(), k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="request-source">{tr(Msg::RequestSourceLabel)}</label>
                <select id="request-source" bind:value=source>
                    {RequestSource::ALL.into_iter().filter(|s| *s != RequestSource::Api).map(|s| {
                        let value = serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                        view! { <option value=value>{move || request_source_name(i18n.lang(), s)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <TextField name="requested_by" label=Msg::RequestedBy value=by form />
            <TextField name="requested_on" label=Msg::ReceivedOn value=on form input_type="date" />
            <button type="submit">{tr(Msg::FileRequestButton)}</button>
        </form>
    }
}

/// Mails the subject the privacy centre's address.
#[component]
fn DataRequestLink(id: RecordId) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Result<(), api::ApiFailure>>);
    let send = move |_| {
        outcome.set(None);
        spawn_local(async move { outcome.set(Some(api::send_data_request_link(id).await)) });
    };
    view! {
        <div class="inline-form">
            <button type="button" on:click=send>{tr(Msg::SendDataRequestLink)}</button>
        </div>
        <div role="status">
            {move || match outcome.get() {
                Some(Ok(())) => Some(view! { <p class="notice success">{tr(Msg::DataRequestLinkDone)}</p> }.into_any()),
                Some(Err(failure)) => Some(view! {
                    <p class="notice error" role="alert">{failure.message(i18n.lang())}</p>
                }.into_any()),
                None => None,
            }}
        </div>
    }
}
