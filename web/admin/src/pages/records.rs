//! `/admin/records`: the record table with its filter bar and a toolbar whose actions (change
//! the basis, ask for consent, export) act on the selected rows, or on every match when none
//! is selected; and `/admin/records/new`. Filters and order live in the URL, so the Overview
//! can link to a filtered list and a filtered list can be bookmarked.

use consentry_model::{
    ConsentStatus, ErrorCode, Lang, LegalBasis, ModuleId, Permission,
    exports::CsvSeparator,
    fields::StandardField,
    import::ImportId,
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

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        basis_choice::{BasisChoice, BasisInputs, ChosenBasis, ConfirmBasisChange},
        bulk_consent::BulkConsent,
        form::{FormProblem, FormState},
        icon::{Icon, Svg},
        notice::{LoadFailed, Loading},
        record_fields::{RecordFieldInputs, RecordInputs},
        table::{Cell, Column, DataTable, Pager, PagerBar, Selection, TableRow},
        toast::use_toasts,
    },
    i18n::{
        Msg, basis_name, figures::count, module_name, separator_name, source_name,
        standard_field_name, status_name, tr, use_i18n,
    },
    use_auth,
};

/// Reads a record filter from the URL's query.
/// Renewal due stands in the status filter beside the statuses (it is Obtained consent grown
/// old), so an address naming both is read as renewal due: the list shows what the filter bar
/// can show.
pub fn filter_from_query(query: &ParamsMap) -> RecordFilter {
    let renewal_due = query.get("renewal_due").is_some_and(|v| v == "true");
    RecordFilter {
        module: query.get("module").and_then(|m| m.parse().ok()),
        basis: query.get("basis").and_then(|b| LegalBasis::from_code(&b)),
        consent_status: query
            .get("consent_status")
            .filter(|_| !renewal_due)
            .and_then(|s| ConsentStatus::from_code(&s)),
        source: query
            .get("source")
            .and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok()),
        import: query
            .get("import")
            .map(|i| ImportId(i.trim().parse().unwrap_or(uuid::Uuid::nil()))),
        renewal_due,
        q: query.get("q").filter(|q| !q.trim().is_empty()),
        ids: Vec::new(),
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

/// What the toolbar's actions act on and which one is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    ChangeBasis,
    AskConsent,
    Export,
}

impl Action {
    /// The toolbar button's id (focus returns to it when the panel closes).
    fn button_id(self) -> &'static str {
        match self {
            Action::ChangeBasis => "action-change-basis",
            Action::AskConsent => "action-ask-consent",
            Action::Export => "action-export",
        }
    }

    fn label(self) -> Msg {
        match self {
            Action::ChangeBasis => Msg::ChangeBasis,
            Action::AskConsent => Msg::AskForConsent,
            Action::Export => Msg::Export,
        }
    }
}

/// The record table's columns: the name sorts by last name, the creation time by when, each
/// both ways.
const COLUMNS: &[Column] = &[
    Column::named("name", Msg::Name)
        .sorted_alphabetically(Some("last_name"), Some("last_name_desc")),
    Column::optional("email", Msg::Email),
    Column::optional("module", Msg::Module),
    Column::optional("basis", Msg::LegalBasisLabel),
    Column::optional("status", Msg::ConsentStatusLabel),
    Column::optional("source", Msg::DataSourceLabel),
    Column::optional("created", Msg::CreatedAt).sorted(Some("oldest"), Some("newest")),
];

/// Moves focus to the element with this id, if it is there.
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The record list.
#[component]
pub fn RecordsPage() -> impl IntoView {
    page_title(Msg::RecordsTitle);
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| filter_from_query(&query.get()));
    let sort = Memo::new(move |_| {
        query
            .get()
            .get("sort")
            .and_then(|s| RecordSort::from_code(&s))
            .unwrap_or_default()
    });
    let modules = LocalResource::new(api::modules);
    let pager = Pager::new();
    let selection = Selection::new();
    // A new filter or order starts at the first page with nothing selected.
    Effect::new(move |_| {
        filter.track();
        sort.track();
        pager.restart();
        selection.clear();
    });
    let page = LocalResource::new(move || {
        let (filter, sort, cursor, size) = (filter.get(), sort.get(), pager.cursor(), pager.size());
        async move { api::records(&filter, sort, cursor.as_deref(), size).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = page.get() {
            pager.loaded(page.next);
        }
    });
    let total = LocalResource::new(move || {
        let filter = filter.get();
        async move { api::count_records(&filter).await.map(|c| c.count) }
    });
    // What the actions act on: the selection, or else every record the filters match.
    let target = Memo::new(move |_| {
        let mut target = filter.get();
        target.ids = selection
            .keys()
            .iter()
            .filter_map(|k| k.parse().ok())
            .collect();
        target
    });
    let refresh = move || {
        page.refetch();
        total.refetch();
    };
    let can_edit = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::EditRecords));
    let module_list = move || modules.get().and_then(Result::ok).unwrap_or_default();
    let open = RwSignal::new(None::<Action>);
    let panel = NodeRef::<leptos::html::Section>::new();
    let toggle = move |action: Action| {
        let opening = open.get_untracked() != Some(action);
        open.set(opening.then_some(action));
        if opening {
            request_animation_frame(move || {
                if let Some(panel) = panel.get_untracked() {
                    let _ = panel.focus();
                }
            });
        }
    };
    let close = Callback::new(move |()| {
        if let Some(action) = open.get_untracked() {
            open.set(None);
            focus(action.button_id());
        }
    });
    let on_sort = Callback::new(move |code: String| {
        let query = api::filter_query(&filter.get_untracked());
        navigate(
            &format!("/admin/records?{query}&sort={code}"),
            Default::default(),
        );
    });
    let scope = move || {
        let lang = i18n.lang();
        match selection.len() {
            0 => format!(
                "{} {}",
                i18n.t(Msg::ScopeAllMatching),
                total
                    .get()
                    .and_then(Result::ok)
                    .map(|n| count(lang, n))
                    .unwrap_or_default()
            ),
            n => format!("{} {}", count(lang, n as u64), i18n.t(Msg::ScopeSelected)),
        }
    };
    let action_button = move |action: Action, editing: bool| {
        (!editing || can_edit).then(|| {
            view! {
                <button
                    type="button"
                    id=action.button_id()
                    aria-expanded=move || (open.get() == Some(action)).to_string()
                    aria-controls="record-action"
                    on:click=move |_| toggle(action)
                >
                    {tr(action.label())}
                </button>
            }
        })
    };

    view! {
        <h1>{tr(Msg::RecordsTitle)}</h1>
        <p class="lead">{tr(Msg::RecordsIntro)}</p>
        <FilterBar filter modules=Signal::derive(module_list) />
        {move || filter.get().import.map(|import| view! { <ImportFilter import filter /> })}
        <div class="toolbar" id="record-toolbar" role="group" aria-label=tr(Msg::RecordActions)>
            <p class="scope" id="record-scope" aria-live="polite">
                {scope}
                {move || (!selection.is_empty()).then(|| view! {
                    " "
                    <button type="button" class="link" id="clear-selection" on:click=move |_| selection.clear()>
                        {tr(Msg::ClearSelection)}
                    </button>
                })}
            </p>
            {action_button(Action::ChangeBasis, true)}
            {action_button(Action::AskConsent, true)}
            {action_button(Action::Export, false)}
            <Show when=move || can_edit>
                <A href="/admin/records/new" attr:class="button primary">{tr(Msg::NewRecord)}</A>
                <A href="/admin/records/import" attr:class="button">{tr(Msg::ImportRecords)}</A>
            </Show>
        </div>
        <section
            id="record-action"
            class="card wide action-panel"
            tabindex="-1"
            node_ref=panel
            hidden=move || open.get().is_none()
            aria-label=move || open.get().map(|a| i18n.t(a.label())).unwrap_or_default()
        >
            <button type="button" class="panel-close" on:click=move |_| close.run(())>
                {tr(Msg::ClosePanel)}
            </button>
            {move || match open.get() {
                Some(Action::ChangeBasis) => view! {
                    <BulkChange filter=target on_done=Callback::new(move |()| { refresh(); close.run(()); }) />
                }.into_any(),
                Some(Action::AskConsent) => view! { <BulkConsent filter=target on_done=refresh /> }.into_any(),
                Some(Action::Export) => view! { <ExportChoice target /> }.into_any(),
                None => ().into_any(),
            }}
        </section>
        {move || match page.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => {
                // A refused order (a last name encrypted somewhere in the list) takes the
                // table and its headings with it: offer the default order back.
                let refused_sort = sort.get_untracked() != RecordSort::default();
                view! {
                    <LoadFailed failure />
                    {refused_sort.then(|| view! {
                        <p>
                            <button type="button" id="sort-newest" on:click=move |_| {
                                on_sort.run(RecordSort::Newest.code().to_owned());
                            }>
                                {tr(Msg::SortNewestFirst)}
                            </button>
                        </p>
                    })}
                }
                .into_any()
            }
            Some(Ok(page)) => {
                let not_searched = page.not_searched;
                let shown = page.records.len();
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
                    <DataTable
                        id="records"
                        caption=Msg::RecordsTitle
                        columns=COLUMNS
                        rows=record_rows(page.records, &module_list(), i18n.lang())
                        sort=Signal::derive(move || sort.get().code().to_owned())
                        on_sort
                        selection
                        empty=move || view! {
                            <p>{tr(Msg::NoRecords)}</p>
                            <p><A href="/admin/records">{tr(Msg::ClearFilters)}</A></p>
                        }
                    />
                    <PagerBar
                        id="records-pages"
                        pager
                        total=Signal::derive(move || total.get().and_then(Result::ok))
                        shown=Signal::derive(move || shown)
                    />
                }
                .into_any()
            }
        }}
    }
}

/// The export of the selection or of every match: the separator (remembered by the server
/// for the next export) and the two formats.
#[component]
fn ExportChoice(target: Memo<RecordFilter>) -> impl IntoView {
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
        <h2>{tr(Msg::Export)}</h2>
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
            <a class="button" href=move || api::export_url(&target.get(), "csv", separator()) download="">{tr(Msg::ExportCsv)}</a>
            " "
            <a class="button" href=move || api::export_url(&target.get(), "json", None) download="">{tr(Msg::ExportJson)}</a>
        </p>
        <p class="hint">{tr(Msg::ExportHintList)}</p>
    }
}

/// The records of a page as table rows, in [`COLUMNS`]' order.
fn record_rows(records: Vec<Record>, modules: &[Module], lang: Lang) -> Vec<TableRow> {
    let i18n = use_i18n();
    let module_label = |id| {
        modules
            .iter()
            .find(|m| m.id == id)
            .map(|m| module_name(lang, m))
            .unwrap_or_default()
    };
    records
        .into_iter()
        .map(|r| {
            let href = format!("/admin/records/{}", r.id);
            let basis = r.privacy.as_ref().map(|p| p.basis);
            let status = r.privacy.as_ref().and_then(|p| p.consent.as_ref()).map(|c| c.status);
            let stopped = r.privacy.as_ref().is_some_and(|p| p.stop_processing);
            let name = r.shown_name();
            let through = r.created.through;
            TableRow {
                key: r.id.to_string(),
                name: name.clone(),
                cells: vec![
                    if stopped {
                        Cell::view(view! {
                            <A href=href>{name}</A>
                            <span class="badge lock"><Svg icon=Icon::Lock size=12 />" "{tr(Msg::StopProcessingBadge)}</span>
                        })
                    } else {
                        Cell::link(href, name)
                    },
                    Cell::text(r.shown_email().unwrap_or_default()),
                    Cell::text(module_label(r.module_id)),
                    Cell::live(move || basis.map_or(i18n.t(Msg::NoValue), |b| basis_name(i18n.lang(), b)).to_owned()),
                    Cell::live(move || status.map_or(i18n.t(Msg::NoValue), |s| status_name(i18n.lang(), s)).to_owned()),
                    Cell::live(move || source_name(i18n.lang(), through).to_owned()),
                    Cell::text(crate::format_time(r.created.at)),
                ],
            }
        })
        .collect()
}

/// The filter bar's inputs, as the select and search values say them.
#[derive(Clone, Copy)]
struct FilterInputs {
    module: RwSignal<String>,
    basis: RwSignal<String>,
    /// A consent status's code, or [`RENEWAL_DUE`].
    status: RwSignal<String>,
    source: RwSignal<String>,
    q: RwSignal<String>,
}

impl FilterInputs {
    fn new(filter: &RecordFilter) -> FilterInputs {
        let [module, basis, status, source, q] = FilterInputs::values(filter).map(RwSignal::new);
        FilterInputs {
            module,
            basis,
            status,
            source,
            q,
        }
    }

    /// Shows `filter` in the inputs.
    fn show(self, filter: &RecordFilter) {
        let [module, basis, status, source, q] = FilterInputs::values(filter);
        self.module.set(module);
        self.basis.set(basis);
        self.status.set(status);
        self.source.set(source);
        self.q.set(q);
    }

    fn values(filter: &RecordFilter) -> [String; 5] {
        let status = if filter.renewal_due {
            RENEWAL_DUE.to_owned()
        } else {
            filter
                .consent_status
                .map(|s| s.code().to_owned())
                .unwrap_or_default()
        };
        [
            filter.module.map(|m| m.to_string()).unwrap_or_default(),
            filter
                .basis
                .map(|b| b.code().to_owned())
                .unwrap_or_default(),
            status,
            filter.source.map(source_code).unwrap_or_default(),
            filter.q.clone().unwrap_or_default(),
        ]
    }
}

#[component]
fn FilterBar(filter: Memo<RecordFilter>, modules: Signal<Vec<Module>>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let shown = FilterInputs::new(&filter.get_untracked());
    let FilterInputs {
        module,
        basis,
        status,
        source,
        q,
    } = shown;
    // The address changes by history too (Back, Forward): the inputs follow what the list is
    // filtered by, so applying never sends what was left in them.
    Effect::new(move |_| shown.show(&filter.get()));
    let query_map = use_query_map();
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
            // Not in the bar: the import link's filter stays until removed (ImportFilter).
            (
                "import",
                filter
                    .get_untracked()
                    .import
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
            ),
        ] {
            if !value.is_empty() {
                map.insert(key, value);
            }
        }
        let query = api::filter_query(&filter_from_query(&map));
        // The order chosen in the table's headings stays.
        let order = query_map
            .get_untracked()
            .get("sort")
            .map(|s| format!("&sort={s}"))
            .unwrap_or_default();
        navigate(
            &format!("/admin/records?{query}{order}"),
            Default::default(),
        );
    };
    view! {
        <form class="filters" on:submit=submit role="search" aria-label=tr(Msg::Filters)>
            <div class="field">
                <label for="filter-module">{tr(Msg::Module)}</label>
                <select id="filter-module" bind:value=module>
                    <option value="">{tr(Msg::AllModules)}</option>
                    // An address may name a module that does not exist (an old bookmark): the
                    // list shows none of its records, and the bar says why.
                    {move || {
                        let chosen = module.get();
                        let listed = modules.get();
                        let unknown = !chosen.is_empty() && !listed.is_empty()
                            && listed.iter().all(|m| m.id.to_string() != chosen);
                        unknown.then(|| view! {
                            <option value=chosen.clone() prop:selected=true>{tr(Msg::UnknownModule)}</option>
                        })
                    }}
                    {move || {
                        modules
                            .get()
                            .into_iter()
                            .map(|m| {
                                // The options arrive after the select took its value from the
                                // URL, so each says whether it is the chosen one.
                                let id = m.id.to_string();
                                let chosen = id.clone();
                                view! {
                                    <option value=id prop:selected=move || module.get() == chosen>
                                        {module_name(i18n.lang(), &m)}
                                    </option>
                                }
                            })
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
            <button type="submit" class="primary">{tr(Msg::ApplyFilters)}</button>
        </form>
    }
}

/// Says that the list holds only the records of one import (the link at an import's end):
/// its file, when it started, who started it and how many records it made, or that no import
/// has this id; with a link that removes just this filter.
#[component]
fn ImportFilter(import: ImportId, filter: Memo<RecordFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let job = LocalResource::new(move || api::import_progress(import));
    // The other filters and the order stay.
    let without = move || {
        let mut rest = filter.get();
        rest.import = None;
        let order = query
            .get()
            .get("sort")
            .map(|s| format!("&sort={s}"))
            .unwrap_or_default();
        format!("/admin/records?{}{order}", api::filter_query(&rest))
    };
    view! {
        <p class="notice" id="import-filter">
            {move || match job.get() {
                Some(Ok(job)) => format!(
                    "{} {} ({}{}) · {} {}",
                    i18n.t(Msg::OnlyImportedFrom),
                    job.file_name,
                    job.started_at.map(crate::format_time).unwrap_or_default(),
                    job.started_by.map(|by| format!(", {by}")).unwrap_or_default(),
                    i18n.t(Msg::ImportedCount),
                    count(i18n.lang(), job.imported),
                ),
                Some(Err(failure)) if failure.code() == Some(ErrorCode::NotFound) => {
                    i18n.t(Msg::UnknownImport).to_owned()
                }
                // Not allowed to read imports, or not known yet.
                _ => i18n.t(Msg::OnlyOneImport).to_owned(),
            }}
            ". "
            <A href=without attr:id="remove-import-filter">{tr(Msg::RemoveImportFilter)}</A>
        </p>
    }
}

/// The change of basis of the selection or of every match: the basis and its reason, then the
/// confirmation naming the count, basis and reason; the outcome is a toast.
#[component]
fn BulkChange(filter: Memo<RecordFilter>, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let inputs = BasisInputs::new(LegalBasis::Consent);
    // The bulk body holds the change under `change`: its errors name `change.lawful_reason`.
    let form = FormState::under("change");
    let asking = RwSignal::new(false);
    // The change being confirmed, with the count it was confirmed for and the filter counted.
    let pending = RwSignal::new(None::<(ChosenBasis, u64)>);
    let counted = StoredValue::new(None::<RecordFilter>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
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
        let (Some((chosen, confirmed_count)), Some(filter)) =
            (pending.get_untracked(), counted.get_value())
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
            confirmed_count,
        };
        spawn_local(async move {
            match api::bulk_change_basis(&bulk).await {
                Ok(result) => {
                    // The next change starts with no reason: it states its own.
                    inputs.clear_reason();
                    let mut said = format!(
                        "{} {}",
                        i18n.t(Msg::BulkDone),
                        count(i18n.lang(), result.changed)
                    );
                    if !result.warnings.is_empty() {
                        said = format!("{said}. {}", i18n.t(Msg::WarningContractWithoutReason));
                    }
                    toasts.success(said);
                    on_done.run(());
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    view! {
        <h2 id="bulk-title">{tr(Msg::BulkTitle)}</h2>
        <p class="hint">{tr(Msg::BulkIntro)}</p>
        <FormProblem form />
        <form on:submit=submit class="grid-form">
            <BasisChoice id="bulk-basis" inputs form />
            <button type="submit" class="primary">{tr(Msg::ReviewChange)}</button>
        </form>
        <ConfirmBasisChange id="bulk-confirm" open=asking pending on_confirm=confirmed />
    }
}

/// `/admin/records/new`: a record entered by hand, in a module of the person's choice.
#[component]
pub fn NewRecordPage() -> impl IntoView {
    page_title(Msg::NewRecord);
    let i18n = use_i18n();
    let loaded = LocalResource::new(api::modules);
    let modules = Signal::derive(move || loaded.get().and_then(Result::ok).unwrap_or_default());
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
        <p class="back"><A href="/admin/records">{tr(Msg::BackToRecords)}</A></p>
        <h1>{tr(Msg::NewRecord)}</h1>
        <section class="card wide" aria-label=tr(Msg::NewRecord)>
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
