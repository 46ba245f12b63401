//! `/admin/records`: the record list with filters, paging, a new-record form and the bulk
//! change of the legal basis. Filters live in the URL, so the Overview can link to a filtered
//! list and a filtered list can be bookmarked.

use consentry_model::{
    ConsentStatus, LegalBasis, ModuleId, Permission,
    exports::CsvSeparator,
    fields::StandardField,
    lawful_reason::ChangeWarning,
    records::{
        BasisChange, BulkBasisChange, Module, NewRecord, Record, RecordFields, RecordFilter,
        RecordSort, SourceKind,
    },
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_query_map},
    params::ParamsMap,
};

use crate::{
    api,
    components::{
        basis_choice::{BasisChoice, BasisInputs, ChosenBasis, ConfirmBasisChange},
        bulk_consent::BulkConsent,
        form::{FormProblem, FormState},
        notice::{LoadFailed, Loading},
        record_fields::{RecordFieldInputs, RecordInputs},
    },
    i18n::{
        Msg, basis_name, module_name, separator_name, sort_name, source_name, standard_field_name,
        status_name, tr, use_i18n,
    },
    use_auth,
};

/// Reads a record filter from the URL's query.
pub fn filter_from_query(query: &ParamsMap) -> RecordFilter {
    RecordFilter {
        module: query.get("module").and_then(|m| m.parse().ok()),
        basis: query.get("basis").and_then(|b| LegalBasis::from_code(&b)),
        consent_status: query
            .get("consent_status")
            .and_then(|s| ConsentStatus::from_code(&s)),
        source: query
            .get("source")
            .and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok()),
        renewal_due: query.get("renewal_due").is_some_and(|v| v == "true"),
        q: query.get("q").filter(|q| !q.trim().is_empty()),
    }
}

/// The status filter's value for consent that is renewal due (it stands beside the statuses).
const RENEWAL_DUE: &str = "renewal_due";

fn source_code(source: SourceKind) -> String {
    serde_json::to_value(source)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The record list.
#[component]
pub fn RecordsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| filter_from_query(&query.get()));
    let sort = Memo::new(move |_| {
        query
            .get()
            .get("sort")
            .and_then(|s| RecordSort::from_code(&s))
            .unwrap_or_default()
    });
    let modules = LocalResource::new(api::modules);
    let first_page = LocalResource::new(move || {
        let (filter, sort) = (filter.get(), sort.get());
        async move { api::records(&filter, sort, None).await }
    });
    let more = RwSignal::new(Vec::<Record>::new());
    let next = RwSignal::new(None::<String>);
    let problems = FormState::default();
    // A new filter starts a new list.
    Effect::new(move |_| {
        filter.track();
        sort.track();
        more.set(Vec::new());
        next.set(None);
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = first_page.get() {
            next.set(page.next);
        }
    });
    let load_more = move |_| {
        let Some(after) = next.get_untracked() else {
            return;
        };
        let (filter, sort) = (filter.get_untracked(), sort.get_untracked());
        spawn_local(async move {
            match api::records(&filter, sort, Some(&after)).await {
                Ok(page) => {
                    more.update(|m| m.extend(page.records));
                    next.set(page.next);
                }
                Err(failure) => problems.fail(failure),
            }
        });
    };
    let can_edit = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::EditRecords));
    let module_list = move || modules.get().and_then(Result::ok).unwrap_or_default();
    let i18n = use_i18n();
    // The separator picked here, else the one the server remembers from the last export (a
    // CSV link without one gets the remembered one too, before the choice has loaded).
    let preferences = LocalResource::new(api::export_preferences);
    let picked = RwSignal::new(None::<CsvSeparator>);
    let separator = move || {
        picked.get().or_else(|| {
            preferences
                .get()
                .and_then(Result::ok)
                .map(|p| p.csv_separator)
        })
    };

    view! {
        <h1>{tr(Msg::RecordsTitle)}</h1>
        <p class="lead">{tr(Msg::RecordsIntro)}</p>
        <Show when=move || can_edit>
            <p><A href="/admin/records/import">{tr(Msg::ImportRecords)}</A></p>
        </Show>
        <FilterBar filter sort modules=Signal::derive(module_list) />
        <p class="exports" id="record-exports">
            <label for="export-separator">{tr(Msg::CsvSeparatorLabel)}</label>" "
            <select
                id="export-separator"
                on:change=move |ev| picked.set(CsvSeparator::from_code(&event_target_value(&ev)))
            >
                {CsvSeparator::ALL
                    .into_iter()
                    .map(|s| view! {
                        <option value=s.code() prop:selected=move || separator().unwrap_or_default() == s>
                            {move || separator_name(i18n.lang(), s)}
                        </option>
                    })
                    .collect_view()}
            </select>" "
            <a href=move || api::export_url(&filter.get(), "csv", separator()) download="">{tr(Msg::ExportCsv)}</a>
            " · "
            <a href=move || api::export_url(&filter.get(), "json", None) download="">{tr(Msg::ExportJson)}</a>
            " "<span class="hint">{tr(Msg::ExportHintList)}</span>
        </p>
        <FormProblem form=problems />
        {move || match first_page.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(page)) => {
                let not_searched = page.not_searched;
                let mut rows = page.records;
                rows.extend(more.get());
                view! {
                    {(!not_searched.is_empty()).then(|| view! {
                        <p class="notice" id="not-searched">
                            {tr(Msg::NotSearchedPrefix)}" "
                            {move || not_searched
                                .iter()
                                .filter_map(|key| StandardField::from_key(key))
                                .map(|f| standard_field_name(i18n.lang(), f))
                                .collect::<Vec<_>>()
                                .join(", ")}". "
                            {tr(Msg::NotSearchedSuffix)}
                        </p>
                    })}
                    <RecordTable rows modules=module_list() />
                }
                .into_any()
            }
        }}
        <Show when=move || next.get().is_some()>
            <button type="button" on:click=load_more>{tr(Msg::LoadMore)}</button>
        </Show>
        <Show when=move || can_edit>
            <BulkChange filter on_done=move || first_page.refetch() />
            <BulkConsent filter on_done=move || first_page.refetch() />
            <NewRecordForm modules=Signal::derive(module_list) />
        </Show>
    }
}

#[component]
fn FilterBar(
    filter: Memo<RecordFilter>,
    sort: Memo<RecordSort>,
    modules: Signal<Vec<Module>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let current = filter.get_untracked();
    let module = RwSignal::new(current.module.map(|m| m.to_string()).unwrap_or_default());
    let basis = RwSignal::new(
        current
            .basis
            .map(|b| b.code().to_owned())
            .unwrap_or_default(),
    );
    let status = RwSignal::new(if current.renewal_due {
        RENEWAL_DUE.to_owned()
    } else {
        current
            .consent_status
            .map(|s| s.code().to_owned())
            .unwrap_or_default()
    });
    let source = RwSignal::new(current.source.map(source_code).unwrap_or_default());
    let q = RwSignal::new(current.q.unwrap_or_default());
    let order = RwSignal::new(sort.get_untracked().code().to_owned());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut map = ParamsMap::new();
        let (status, renewal_due) = match status.get_untracked() {
            s if s == RENEWAL_DUE => (String::new(), "true".to_owned()),
            s => (s, String::new()),
        };
        for (key, value) in [
            ("module", module.get_untracked()),
            ("basis", basis.get_untracked()),
            ("consent_status", status),
            ("renewal_due", renewal_due),
            ("source", source.get_untracked()),
            ("q", q.get_untracked()),
        ] {
            if !value.is_empty() {
                map.insert(key, value);
            }
        }
        let query = api::filter_query(&filter_from_query(&map));
        let order = order.get_untracked();
        navigate(
            &format!("/admin/records?{query}&sort={order}"),
            Default::default(),
        );
    };
    view! {
        <form class="filters card wide" on:submit=submit role="search" aria-label=tr(Msg::Filters)>
            <div class="field">
                <label for="filter-module">{tr(Msg::Module)}</label>
                <select id="filter-module" bind:value=module>
                    <option value="">{tr(Msg::AllModules)}</option>
                    {move || {
                        modules
                            .get()
                            .into_iter()
                            .map(|m| view! { <option value=m.id.to_string()>{module_name(i18n.lang(), &m)}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="filter-basis">{tr(Msg::LegalBasisLabel)}</label>
                <select id="filter-basis" bind:value=basis>
                    <option value="">{tr(Msg::AllBases)}</option>
                    {LegalBasis::ALL
                        .into_iter()
                        .map(|b| view! { <option value=b.code()>{move || basis_name(i18n.lang(), b)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-status">{tr(Msg::ConsentStatusLabel)}</label>
                <select id="filter-status" bind:value=status>
                    <option value="">{tr(Msg::AllStatuses)}</option>
                    {ConsentStatus::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.code()>{move || status_name(i18n.lang(), s)}</option> })
                        .collect_view()}
                    <option value=RENEWAL_DUE>{tr(Msg::RenewalDue)}</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-source">{tr(Msg::DataSourceLabel)}</label>
                <select id="filter-source" bind:value=source>
                    <option value="">{tr(Msg::AllSources)}</option>
                    {SourceKind::ALL
                        .into_iter()
                        .map(|s| view! { <option value=source_code(s)>{move || source_name(i18n.lang(), s)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-q">{tr(Msg::Search)}</label>
                <input id="filter-q" type="search" bind:value=q aria-describedby="filter-q-hint" />
                <p class="hint" id="filter-q-hint">{tr(Msg::SearchHint)}</p>
            </div>
            <div class="field">
                <label for="filter-sort">{tr(Msg::SortBy)}</label>
                <select id="filter-sort" bind:value=order>
                    {RecordSort::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.code()>{move || sort_name(i18n.lang(), s)}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{tr(Msg::ApplyFilters)}</button>
        </form>
    }
}

#[component]
fn RecordTable(rows: Vec<Record>, modules: Vec<Module>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="notice">{tr(Msg::NoRecords)}</p> }.into_any();
    }
    let lang = i18n.lang();
    let module_label = move |id| {
        modules
            .iter()
            .find(|m| m.id == id)
            .map(|m| module_name(lang, m))
            .unwrap_or_default()
    };
    let body = rows
        .into_iter()
        .map(|r| {
            let href = format!("/admin/records/{}", r.id);
            let basis = r.privacy.as_ref().map(|p| p.basis);
            let status = r.privacy.as_ref().and_then(|p| p.consent.as_ref()).map(|c| c.status);
            let stopped = r.privacy.as_ref().is_some_and(|p| p.stop_processing);
            let name = r.shown_name();
            let email = r.shown_email().unwrap_or_default();
            let through = r.created.through;
            view! {
                <tr>
                    <td>
                        <A href=href>{name}</A>
                        {stopped.then(|| view! { <span class="badge lock">{tr(Msg::StopProcessingBadge)}</span> })}
                    </td>
                    <td>{email}</td>
                    <td>{module_label(r.module_id)}</td>
                    <td>{move || basis.map_or(i18n.t(Msg::NoValue), |b| basis_name(i18n.lang(), b))}</td>
                    <td>{move || status.map_or(i18n.t(Msg::NoValue), |s| status_name(i18n.lang(), s))}</td>
                    <td>{move || source_name(i18n.lang(), through)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data">
            <thead>
                <tr>
                    <th scope="col">{tr(Msg::Name)}</th>
                    <th scope="col">{tr(Msg::Email)}</th>
                    <th scope="col">{tr(Msg::Module)}</th>
                    <th scope="col">{tr(Msg::LegalBasisLabel)}</th>
                    <th scope="col">{tr(Msg::ConsentStatusLabel)}</th>
                    <th scope="col">{tr(Msg::DataSourceLabel)}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

#[component]
fn BulkChange(
    filter: Memo<RecordFilter>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let inputs = BasisInputs::new(LegalBasis::Consent);
    // The bulk body holds the change under `change`: its errors name `change.lawful_reason`.
    let form = FormState::under("change");
    let outcome = RwSignal::new(None::<String>);
    let warned = RwSignal::new(None::<ChangeWarning>);
    let asking = RwSignal::new(false);
    // The change being confirmed, with the count it was confirmed for and the filter counted.
    let pending = RwSignal::new(None::<(ChosenBasis, u64)>);
    let counted = StoredValue::new(None::<RecordFilter>);
    let outcome_ref = NodeRef::<leptos::html::Div>::new();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        outcome.set(None);
        warned.set(None);
        let filter = filter.get_untracked();
        let Some(chosen) = inputs.parse(form) else {
            return;
        };
        spawn_local(async move {
            let count = match api::count_records(&filter).await {
                Ok(c) => c.count,
                Err(failure) => return form.fail(failure),
            };
            counted.set_value(Some(filter));
            pending.set(Some((chosen, count)));
            asking.set(true);
        });
    };
    let confirmed = Callback::new(move |()| {
        let (Some((chosen, count)), Some(filter)) = (pending.get_untracked(), counted.get_value())
        else {
            return;
        };
        let bulk = BulkBasisChange {
            filter,
            change: BasisChange {
                basis: chosen.basis,
                lawful_reason: chosen.lawful_reason,
                consent: None,
            },
            confirmed_count: count,
        };
        spawn_local(async move {
            match api::bulk_change_basis(&bulk).await {
                Ok(result) => {
                    // The next change starts with no reason: it states its own.
                    inputs.clear_reason();
                    warned.set(result.warnings.first().copied());
                    outcome.set(Some(format!(
                        "{} {}",
                        i18n.t(Msg::BulkDone),
                        result.changed
                    )));
                    if let Some(status) = outcome_ref.get_untracked() {
                        let _ = status.focus();
                    }
                    on_done();
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    view! {
        <section class="card wide" aria-labelledby="bulk-title">
            <h2 id="bulk-title">{tr(Msg::BulkTitle)}</h2>
            <p class="hint">{tr(Msg::BulkIntro)}</p>
            <FormProblem form />
            <div role="status" tabindex="-1" node_ref=outcome_ref id="bulk-outcome">
                {move || outcome.get().map(|o| view! { <p class="notice success">{o}</p> })}
                {move || warned.get().map(|_| view! {
                    <p class="notice warning">{tr(Msg::WarningContractWithoutReason)}</p>
                })}
            </div>
            <form on:submit=submit class="grid-form">
                <BasisChoice id="bulk-basis" inputs form />
                <button type="submit" class="primary">{tr(Msg::ChangeBasis)}</button>
            </form>
            <ConfirmBasisChange id="bulk-confirm" open=asking pending on_confirm=confirmed />
        </section>
    }
}

#[component]
fn NewRecordForm(modules: Signal<Vec<Module>>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let module = RwSignal::new(String::new());
    let module_id = move || -> Option<ModuleId> {
        module
            .get()
            .parse()
            .ok()
            .or_else(|| modules.get().first().map(|m| m.id))
    };
    let inputs = RecordInputs::new(&RecordFields::default());
    let definitions = LocalResource::new(move || {
        let module = module_id();
        async move {
            match module {
                Some(module) => api::fields(module).await.unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });
    Effect::new(move || {
        inputs.set_fields(&definitions.get().unwrap_or_default(), &Default::default());
    });
    let form = FormState::under("fields");
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let module_id = untrack(module_id);
        let (Some(fields), Some(module_id)) = (inputs.parse(form), module_id) else {
            return;
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let new = NewRecord {
                module_id,
                fields,
                basis: None,
            };
            match api::create_record(&new).await {
                Ok(record) => {
                    navigate(&format!("/admin/records/{}", record.id), Default::default())
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <section class="card wide" aria-labelledby="new-record-title">
            <h2 id="new-record-title">{tr(Msg::NewRecord)}</h2>
            <FormProblem form />
            <form on:submit=submit class="grid-form" novalidate>
                <div class="field">
                    <label for="new-record-module">{tr(Msg::Module)}</label>
                    <select id="new-record-module" bind:value=module>
                        {move || {
                            modules
                                .get()
                                .into_iter()
                                .map(|m| view! { <option value=m.id.to_string()>{module_name(i18n.lang(), &m)}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <RecordFieldInputs inputs form />
                <button type="submit" class="primary">{tr(Msg::CreateRecord)}</button>
            </form>
        </section>
    }
}
