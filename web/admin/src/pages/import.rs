//! `/admin/records/import`: CSV import with column mapping, a progress bar driven by the
//! server's progress, and the report of refused rows.

use consentry_model::{
    ModuleId,
    fields::guess_field,
    import::{ColumnMapping, ImportId, ImportProgress, ImportState, MappedColumn},
};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    components::A,
    hooks::{use_navigate, use_query_map},
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::title::page_title;
use crate::timer::sleep;

use crate::{
    api,
    components::{
        form::{FormProblem, FormState, Problem},
        notice::{LoadFailed, Loading},
        progress::Progress,
    },
    i18n::{Msg, field_label, module_name, tr, use_i18n},
};

/// Data rows the mapping form shows values of, beside each column.
const SAMPLE_ROWS: usize = 3;

/// The header cells of a CSV file and up to [`SAMPLE_ROWS`] rows after it, for the mapping
/// form (the server parses the file itself): cells split on the file's separator (`;` or `,`,
/// whichever its first line has more of) outside quotes, a quote opening a quoted cell only at
/// the cell's start, a doubled quote inside one read as one, blank rows skipped.
fn preview(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while rows.len() <= SAMPLE_ROWS {
        let Some(c) = chars.next() else {
            if !cell.is_empty() || !row.is_empty() {
                row.push(cell);
                rows.push(row);
            }
            break;
        };
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            // A quote opens a quoted cell only at its start; elsewhere it is text, as the
            // server reads it.
            '"' if quoted || cell.is_empty() => quoted = !quoted,
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                let cells = std::mem::take(&mut row);
                if cells.iter().any(|c| !c.trim().is_empty()) {
                    rows.push(cells);
                }
            }
            c if c == delimiter && !quoted => row.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    let mut rows = rows.into_iter().map(|r| {
        r.into_iter()
            .map(|c| c.trim().to_owned())
            .collect::<Vec<_>>()
    });
    let headers = rows.next().unwrap_or_default();
    (headers, rows.collect())
}

/// A column's values in the sample rows, as the mapping form shows them.
fn sample_of(samples: &[Vec<String>], column: usize) -> String {
    samples
        .iter()
        .filter_map(|row| row.get(column))
        .filter(|value| !value.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    page_title(Msg::ImportTitle);
    let i18n = use_i18n();
    let navigate = use_navigate();
    let modules = LocalResource::new(api::modules);
    let module = RwSignal::new(String::new());
    let module_id = move || -> Option<ModuleId> {
        module.get().parse().ok().or_else(|| {
            modules
                .get()
                .and_then(Result::ok)
                .and_then(|m| m.first().map(|m| m.id))
        })
    };
    let fields = LocalResource::new(move || {
        let module = module_id();
        async move {
            match module {
                Some(module) => api::fields(module).await.unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });
    let file = RwSignal::new(None::<send_wrapper::SendWrapper<web_sys::File>>);
    let headers = RwSignal::new(Vec::<String>::new());
    let samples = RwSignal::new(Vec::<Vec<String>>::new());
    // Per column, the key of the field it fills (`None`: not imported); guessed again when
    // another file or module is chosen.
    let columns = RwSignal::new(Vec::<(String, Option<String>)>::new());
    Effect::new(move || {
        let fields = fields.get().unwrap_or_default();
        columns.set(
            headers
                .get()
                .into_iter()
                .map(|h| {
                    let guess = guess_field(&h, &fields).map(|f| f.key.clone());
                    (h, guess)
                })
                .collect(),
        );
    });
    let progress = RwSignal::new(None::<ImportProgress>);
    let form = FormState::default();

    let choose_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        progress.set(None);
        form.clear();
        let text_promise = chosen.text();
        file.set(Some(send_wrapper::SendWrapper::new(chosen)));
        spawn_local(async move {
            let text = JsFuture::from(text_promise)
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let (cells, rows) = preview(&text);
            samples.set(rows);
            headers.set(cells);
        });
    };

    let start = move |_| {
        form.clear();
        let Some(chosen) = file.get_untracked() else {
            form.fail_with(Problem::Text(Msg::ChooseFileFirst));
            return;
        };
        let Some(module_id) = untrack(module_id) else {
            return;
        };
        let mapping = ColumnMapping {
            columns: columns
                .get_untracked()
                .into_iter()
                .filter_map(|(column, field)| field.map(|field| MappedColumn { column, field }))
                .collect(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let started = match api::start_import(module_id, &chosen, &mapping).await {
                Ok(p) => p,
                Err(failure) => return form.fail(failure),
            };
            let id = started.id;
            progress.set(Some(started));
            // The address names the import, so its report is there again after Back (from
            // its records) or a reload.
            navigate(
                &format!("/admin/records/import?job={id}"),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
            follow(id, progress, form).await;
        });
    };
    // Opened with an import named: its report, followed while it runs (an id cut short names
    // no import, which the page says).
    if let Some(id) = use_query_map()
        .get_untracked()
        .get("job")
        .map(|id| ImportId(id.trim().parse().unwrap_or(uuid::Uuid::nil())))
    {
        spawn_local(follow(id, progress, form));
    }

    view! {
        <p><A href="/admin/records" exact=true>"← "{tr(Msg::BackToRecords)}</A></p>
        <h1>{tr(Msg::ImportTitle)}</h1>
        <p class="lead">{tr(Msg::ImportIntro)}</p>
        <FormProblem form />
        <section class="card wide">
            <div class="grid-form">
                <div class="field">
                    <label for="import-module">{tr(Msg::Module)}</label>
                    <select id="import-module" bind:value=module>
                        {move || match modules.get() {
                            Some(Ok(list)) => list
                                .into_iter()
                                .map(|m| view! { <option value=m.id.to_string()>{module_name(use_i18n().lang(), &m)}</option> })
                                .collect_view()
                                .into_any(),
                            _ => ().into_any(),
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="import-file">{tr(Msg::CsvFile)}</label>
                    <input
                        id="import-file"
                        type="file"
                        accept=".csv,text/csv"
                        on:change=choose_file
                        aria-describedby="import-file-error"
                        aria-invalid=move || if form.field("file").is_some() { "true" } else { "false" }
                    />
                    // What is wrong with the file itself (empty, two columns for one field,
                    // nothing mapped), as the server says it.
                    <p class="error" id="import-file-error">
                        {move || form.field("file").map(|p| p.message(i18n.lang()))}
                    </p>
                </div>
            </div>
            {move || match modules.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <Show when=move || !columns.get().is_empty()>
                <h2>{tr(Msg::ColumnMappingTitle)}</h2>
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::Column)}</th>
                            <th scope="col">{tr(Msg::Field)}</th>
                            <th scope="col">{tr(Msg::SampleValues)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            columns
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, (header, field))| {
                                    let id = format!("map-{i}");
                                    let selected = field.unwrap_or_default();
                                    let choices = fields.get().unwrap_or_default();
                                    let sample = samples.with_untracked(|rows| sample_of(rows, i));
                                    view! {
                                        <tr>
                                            <td><label for=id.clone()>{header}</label></td>
                                            <td>
                                                <select
                                                    id=id
                                                    on:change=move |ev| {
                                                        let value = event_target_value(&ev);
                                                        let chosen = (!value.is_empty()).then_some(value);
                                                        columns.update(|c| {
                                                            if let Some(entry) = c.get_mut(i) {
                                                                entry.1 = chosen;
                                                            }
                                                        });
                                                    }
                                                >
                                                    <option value="" selected=selected.is_empty()>{tr(Msg::Ignore)}</option>
                                                    {choices.into_iter().map(|f| {
                                                        let is_selected = f.key == selected;
                                                        let key = f.key.clone();
                                                        view! {
                                                            <option value=key selected=is_selected>
                                                                {move || field_label(i18n.lang(), &f)}
                                                            </option>
                                                        }
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                            <td class="sample">{sample}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
                <p class="hint" id="import-formats">{tr(Msg::ImportFormatsHint)}</p>
            </Show>
            <button type="button" class="primary" on:click=start>{tr(Msg::StartImport)}</button>
        </section>
        {move || progress.get().map(|p| view! { <ImportReport progress=p /> })}
    }
}

/// Shows where import `id` stands until it has ended, or until the page shows something
/// else (another file chosen, another import started).
async fn follow(id: ImportId, progress: RwSignal<Option<ImportProgress>>, form: FormState) {
    let mut first = true;
    loop {
        let fetched = api::import_progress(id).await;
        if !first && progress.get_untracked().map(|p| p.id) != Some(id) {
            return;
        }
        first = false;
        match fetched {
            Ok(p) => {
                let running = p.state == ImportState::Running;
                progress.set(Some(p));
                if !running {
                    return;
                }
            }
            Err(failure) => return form.fail(failure),
        }
        sleep(250).await;
    }
}

#[component]
fn ImportReport(progress: ImportProgress) -> impl IntoView {
    let state = progress.state;
    // Once it stopped, the records it made are one click away.
    let records = (state != ImportState::Running && progress.imported > 0).then(|| {
        let href = format!("/admin/records?import={}", progress.id);
        view! { <p><A href=href attr:id="import-records">{tr(Msg::ShowImportedRecords)}</A></p> }
    });
    view! {
        <section class="card wide" aria-labelledby="import-progress-label">
            <label id="import-progress-label" for="import-progress">{tr(Msg::ImportProgressLabel)}</label>
            <Progress
                id="import-progress".to_owned()
                done=progress.processed
                total=progress.total
                started_at=progress.started_at
                running=state == ImportState::Running
            />
            <p role="status">
                {match state {
                    ImportState::Running => ().into_any(),
                    ImportState::Finished => view! { <strong>{tr(Msg::ImportFinished)}" "</strong> }.into_any(),
                    ImportState::Failed => view! { <strong class="error">{tr(Msg::ImportFailed)}" "</strong> }.into_any(),
                    ImportState::Interrupted => ().into_any(),
                }}
                {tr(Msg::ImportedCount)}" "<span id="import-imported">{progress.imported}</span>" · "
                {tr(Msg::RefusedCount)}" "<span id="import-refused">{progress.error_count}</span>
            </p>
            {records}
            {(state == ImportState::Interrupted).then(|| {
                let last = progress.handled_through_row.unwrap_or(1);
                view! {
                    <p class="notice error" id="import-interrupted">
                        <strong>{tr(Msg::ImportInterrupted)}</strong>" "
                        {(last > 1).then(|| view! { {tr(Msg::ImportInterruptedHandled)}" 2–"{last}". " })}
                        {tr(Msg::ImportInterruptedFrom)}" "<span id="import-resume-row">{last + 1}</span>" "
                        {tr(Msg::ImportInterruptedAgain)}
                    </p>
                }
            })}
            {(!progress.errors.is_empty()).then(|| view! {
                <h2>{tr(Msg::RowErrors)}</h2>
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::Row)}</th>
                            <th scope="col">{tr(Msg::Column)}</th>
                            <th scope="col">{tr(Msg::Reason)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {progress.errors.clone().into_iter().map(|e| view! {
                            <tr>
                                <td>{e.row}</td>
                                <td>{e.column.unwrap_or_default()}</td>
                                <td>{e.reason}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}
