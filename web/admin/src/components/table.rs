//! The one data table every list uses: columns that sort where the server can sort them,
//! row checkboxes feeding a selection, a column chooser remembered in the browser, an empty
//! state that says what to do next, and keyset paging ([`Pager`]) with the total.
//!
//! It is not generic over the row type: a page turns its rows into [`TableRow`]s (a key, a
//! name for the checkbox, one view per column), so the table's code exists once in the app.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::disclosure,
    i18n::{Msg, figures::count, tr, use_i18n},
    remembered,
};

/// A column: its key (for sorting and the chooser), its heading, and how it sorts.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Stable key, remembered by the column chooser.
    pub key: &'static str,
    /// The heading.
    pub label: Msg,
    /// The sort codes the server knows for this column, if any.
    pub sort: Option<Sorts>,
    /// Whether the chooser may hide it (the column naming the row never hides).
    pub hideable: bool,
}

/// How a column sorts: the server's code for each direction it supports, and which comes
/// first.
#[derive(Debug, Clone, Copy)]
pub struct Sorts {
    /// Lowest first.
    pub ascending: Option<&'static str>,
    /// Highest (newest) first.
    pub descending: Option<&'static str>,
    /// Whether the first click sorts lowest first (names A to Z) rather than highest first
    /// (the newest dates).
    pub ascending_first: bool,
}

impl Column {
    /// The column naming the row: always shown.
    pub const fn named(key: &'static str, label: Msg) -> Column {
        Column {
            key,
            label,
            sort: None,
            hideable: false,
        }
    }

    /// A column the chooser may hide.
    pub const fn optional(key: &'static str, label: Msg) -> Column {
        Column {
            key,
            label,
            sort: None,
            hideable: true,
        }
    }

    /// The same column, sorting by these codes, highest (newest) first on the first click.
    pub const fn sorted(
        self,
        ascending: Option<&'static str>,
        descending: Option<&'static str>,
    ) -> Column {
        self.sorting(ascending, descending, false)
    }

    /// The same column, sorting by these codes, A to Z on the first click.
    pub const fn sorted_alphabetically(
        self,
        ascending: Option<&'static str>,
        descending: Option<&'static str>,
    ) -> Column {
        self.sorting(ascending, descending, true)
    }

    const fn sorting(
        self,
        ascending: Option<&'static str>,
        descending: Option<&'static str>,
        ascending_first: bool,
    ) -> Column {
        Column {
            sort: Some(Sorts {
                ascending,
                descending,
                ascending_first,
            }),
            ..self
        }
    }
}

/// One row: its key (the selection holds keys), the name its checkbox reads out, and one
/// cell per column, in the columns' order.
pub struct TableRow {
    /// The row's id.
    pub key: String,
    /// What the row is called ("Select Anne de Vries").
    pub name: String,
    /// The cells.
    pub cells: Vec<Cell>,
}

/// What a cell shows. Most cells are text (fixed, or in the reader's language) or a link;
/// those are drawn by the table itself, so each page does not carry its own drawing code for
/// them (which is what makes an area's code large).
pub enum Cell {
    /// Text as it is.
    Text(String),
    /// Text that follows the reader's language.
    Live(Signal<String>),
    /// A link to a page of the app.
    Link { href: String, text: String },
    /// Anything else.
    View(AnyView),
}

impl Cell {
    /// Text as it is.
    pub fn text(text: impl ToString) -> Cell {
        Cell::Text(text.to_string())
    }

    /// Text that follows the reader's language.
    pub fn live(text: impl Fn() -> String + Send + Sync + 'static) -> Cell {
        Cell::Live(Signal::derive(text))
    }

    /// A link to `href`, reading `text`.
    pub fn link(href: String, text: impl ToString) -> Cell {
        Cell::Link {
            href,
            text: text.to_string(),
        }
    }

    /// Anything else.
    pub fn view(view: impl IntoView + 'static) -> Cell {
        Cell::View(view.into_any())
    }

    fn draw(self) -> AnyView {
        match self {
            Cell::Text(text) => text.into_any(),
            Cell::Live(text) => (move || text.get()).into_any(),
            Cell::Link { href, text } => view! { <A href=href>{text}</A> }.into_any(),
            Cell::View(view) => view,
        }
    }
}

/// The rows picked with their checkboxes, by key; kept across pages.
#[derive(Debug, Clone, Copy)]
pub struct Selection(RwSignal<BTreeSet<String>>);

impl Selection {
    pub fn new() -> Selection {
        Selection(RwSignal::new(BTreeSet::new()))
    }

    /// The selected keys (reactive).
    pub fn keys(self) -> Vec<String> {
        self.0.with(|s| s.iter().cloned().collect())
    }

    /// How many rows are selected (reactive).
    pub fn len(self) -> usize {
        self.0.with(BTreeSet::len)
    }

    /// Whether nothing is selected (reactive).
    pub fn is_empty(self) -> bool {
        self.0.with(BTreeSet::is_empty)
    }

    /// Forgets the selection.
    pub fn clear(self) {
        self.0.update(BTreeSet::clear);
    }

    fn contains(self, key: &str) -> bool {
        self.0.with(|s| s.contains(key))
    }

    fn set(self, key: &str, selected: bool) {
        self.0.update(|s| {
            if selected {
                s.insert(key.to_owned());
            } else {
                s.remove(key);
            }
        });
    }
}

impl Default for Selection {
    fn default() -> Self {
        Self::new()
    }
}

/// Keyset paging: the cursor of the page shown, the cursors of the pages before it (to go
/// back), the next page's cursor as the server gave it, and the page size (remembered).
#[derive(Debug, Clone, Copy)]
pub struct Pager {
    size: RwSignal<u32>,
    cursor: RwSignal<Option<String>>,
    earlier: RwSignal<Vec<Option<String>>>,
    next: RwSignal<Option<String>>,
}

/// The page sizes offered.
const PAGE_SIZES: [u32; 4] = [25, 50, 100, 200];

/// Where the chosen page size is remembered.
const PAGE_SIZE_KEY: &str = "consentry.page-size";

impl Pager {
    /// A pager on its first page, at the size chosen last (50 until one is chosen).
    pub fn new() -> Pager {
        let size = remembered::get(PAGE_SIZE_KEY)
            .and_then(|s| s.parse().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(50);
        Pager {
            size: RwSignal::new(size),
            cursor: RwSignal::new(None),
            earlier: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
        }
    }

    /// The page size (reactive).
    pub fn size(self) -> u32 {
        self.size.get()
    }

    /// The page size, not tracked.
    pub fn size_untracked(self) -> u32 {
        self.size.get_untracked()
    }

    /// The cursor of the page to fetch (reactive): none for the first.
    pub fn cursor(self) -> Option<String> {
        self.cursor.get()
    }

    /// Back to the first page (after the filters or the order changed).
    pub fn restart(self) {
        if self.cursor.get_untracked().is_some() {
            self.cursor.set(None);
        }
        self.earlier.set(Vec::new());
    }

    /// The page arrived; `next` is the cursor of the one after it.
    pub fn loaded(self, next: Option<String>) {
        self.next.set(next);
    }

    fn forward(self) {
        if let Some(next) = self.next.get_untracked() {
            let current = self.cursor.get_untracked();
            self.earlier.update(|e| e.push(current));
            self.next.set(None);
            self.cursor.set(Some(next));
        }
    }

    fn back(self) {
        let mut earlier = self.earlier.get_untracked();
        if let Some(previous) = earlier.pop() {
            self.earlier.set(earlier);
            self.cursor.set(previous);
        }
    }

    fn resize(self, size: u32) {
        remembered::set(PAGE_SIZE_KEY, &size.to_string());
        self.restart();
        self.size.set(size);
    }
}

impl Default for Pager {
    fn default() -> Self {
        Self::new()
    }
}

/// The columns hidden in table `id`, as the chooser left them.
fn hidden_columns(id: &str) -> BTreeSet<String> {
    remembered::get(&format!("consentry.columns.{id}"))
        .map(|s| {
            s.split(',')
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A table of rows with sortable headings, optional row selection and a column chooser.
#[component]
pub fn DataTable(
    /// Element id; the chooser remembers hidden columns under it.
    id: &'static str,
    /// The table's accessible name.
    caption: Msg,
    /// The columns, in order.
    columns: &'static [Column],
    /// The rows of this page.
    rows: Vec<TableRow>,
    /// The sort code in force, when columns sort.
    #[prop(optional, into)]
    sort: Option<Signal<String>>,
    /// Runs with the sort code a heading asks for.
    #[prop(optional)]
    on_sort: Option<Callback<String>>,
    /// Row checkboxes feed this selection.
    #[prop(optional)]
    selection: Option<Selection>,
    /// Shown instead of the table when there are no rows: what to do next.
    #[prop(into)]
    empty: ViewFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let hidden = RwSignal::new(hidden_columns(id));
    let shown = move |key: &'static str| !hidden.with(|h| h.contains(key));
    if rows.is_empty() {
        return view! { <div class="empty-state" id=format!("{id}-empty")>{empty.run()}</div> }
            .into_any();
    }
    let keys: Vec<String> = rows.iter().map(|r| r.key.clone()).collect();
    let all_selected = {
        let keys = keys.clone();
        move || selection.is_some_and(|s| keys.iter().all(|k| s.contains(k)))
    };
    let some_selected = {
        let keys = keys.clone();
        move || selection.is_some_and(|s| keys.iter().any(|k| s.contains(k)))
    };
    let select_page = move |on: bool| {
        if let Some(selection) = selection {
            for key in &keys {
                selection.set(key, on);
            }
        }
    };
    let heading = move |column: Column| {
        let label = move || i18n.t(column.label);
        let Some(sorts) = column.sort else {
            return view! { <th scope="col" hidden=move || !shown(column.key)>{label}</th> }
                .into_any();
        };
        let current = move || sort.map(|s| s.get()).unwrap_or_default();
        let direction = move || {
            let current = current();
            if sorts.ascending.is_some_and(|c| c == current) {
                "ascending"
            } else if sorts.descending.is_some_and(|c| c == current) {
                "descending"
            } else {
                "none"
            }
        };
        let click = move |_| {
            // The column's first direction on the first click (where it exists), then the
            // other way.
            let wanted = match direction() {
                "descending" => sorts.ascending.or(sorts.descending),
                "ascending" => sorts.descending.or(sorts.ascending),
                _ if sorts.ascending_first => sorts.ascending.or(sorts.descending),
                _ => sorts.descending.or(sorts.ascending),
            };
            if let (Some(code), Some(on_sort)) = (wanted, on_sort) {
                on_sort.run(code.to_owned());
            }
        };
        view! {
            <th scope="col" aria-sort=direction hidden=move || !shown(column.key)>
                <button type="button" class="sort" on:click=click>
                    {label}
                    <svg class="sort-mark" aria-hidden="true" viewBox="0 0 10 14" width="10" height="14">
                        <path d="M5 1 1 6h8z" class="up" />
                        <path d="M5 13 1 8h8z" class="down" />
                    </svg>
                </button>
            </th>
        }
        .into_any()
    };
    let body = rows
        .into_iter()
        .map(|row| {
            let key = row.key.clone();
            let checkbox = selection.map(|selection| {
                let (checked_key, changed_key) = (key.clone(), key.clone());
                let label = format!("{} {}", i18n.t(Msg::SelectRow), row.name);
                view! {
                    <td class="select">
                        <input
                            type="checkbox"
                            aria-label=label
                            prop:checked=move || selection.contains(&checked_key)
                            on:change=move |ev| selection.set(&changed_key, event_target_checked(&ev))
                        />
                    </td>
                }
            });
            let cells = row
                .cells
                .into_iter()
                .zip(columns)
                .map(|(cell, column)| {
                    let key = column.key;
                    view! { <td data-column=key hidden=move || !shown(key)>{cell.draw()}</td> }
                })
                .collect_view();
            let selected = move || selection.is_some_and(|s| s.contains(&key));
            view! { <tr data-key=row.key class:selected=selected>{checkbox}{cells}</tr> }
        })
        .collect_view();
    let hideable: Vec<Column> = columns.iter().copied().filter(|c| c.hideable).collect();
    let chooser = (!hideable.is_empty()).then(|| {
        let toggle = move |key: &'static str, on: bool| {
            hidden.update(|h| {
                if on {
                    h.remove(key);
                } else {
                    h.insert(key.to_owned());
                }
            });
            let kept = hidden.with_untracked(|h| h.iter().cloned().collect::<Vec<_>>());
            remembered::set(&format!("consentry.columns.{id}"), &kept.join(","));
        };
        // The choices exist only while the chooser is open: a closed one adds nothing to the
        // page's accessibility tree (no second "Module" beside the filter's).
        let open = RwSignal::new(false);
        view! {
            <details
                class="column-chooser"
                on:keydown=move |ev| disclosure::fold_on_escape(&ev)
                on:focusout=move |ev| disclosure::fold_on_focus_out(&ev)
                on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    let now = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                        .is_some_and(|d| d.open());
                    open.set(now);
                }
            >
                <summary>{tr(Msg::Columns)}</summary>
                <Show when=move || open.get()>
                    <fieldset>
                        <legend class="visually-hidden">{tr(Msg::ColumnsShown)}</legend>
                        {hideable
                            .clone()
                            .into_iter()
                            .map(|column| view! {
                                <label>
                                    <input
                                        type="checkbox"
                                        prop:checked=move || shown(column.key)
                                        on:change=move |ev| toggle(column.key, event_target_checked(&ev))
                                    />
                                    " "{move || i18n.t(column.label)}
                                </label>
                            })
                            .collect_view()}
                    </fieldset>
                </Show>
            </details>
        }
    });
    let select_all = selection.map(|_| {
        let indeterminate = {
            let all_selected = all_selected.clone();
            move || some_selected() && !all_selected()
        };
        view! {
            <th scope="col" class="select">
                <input
                    type="checkbox"
                    aria-label=move || i18n.t(Msg::SelectPage)
                    prop:checked=all_selected.clone()
                    prop:indeterminate=indeterminate
                    on:change=move |ev| select_page(event_target_checked(&ev))
                />
            </th>
        }
    });
    view! {
        <div class="table-tools">{chooser}</div>
        <div class="table-scroll">
            <table class="data" id=id aria-label=move || i18n.t(caption)>
                <thead>
                    <tr>
                        {select_all}
                        {columns.iter().copied().map(heading).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Where the page is in the list ("51–100 of 1,234"), the page size, and the buttons to the
/// previous and next page.
#[component]
pub fn PagerBar(
    /// Element id.
    id: &'static str,
    pager: Pager,
    /// How many rows match, once known.
    #[prop(into)]
    total: Signal<Option<u64>>,
    /// How many rows this page holds.
    #[prop(into)]
    shown: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let range = move || {
        let lang = i18n.lang();
        let first = pager.earlier.with(Vec::len) as u64 * u64::from(pager.size.get());
        let on_page = shown.get() as u64;
        let span = if on_page == 0 {
            "0".to_owned()
        } else {
            format!(
                "{}–{}",
                count(lang, first + 1),
                count(lang, first + on_page)
            )
        };
        match total.get() {
            Some(total) => format!("{span} {} {}", i18n.t(Msg::OfTotal), count(lang, total)),
            None => span,
        }
    };
    view! {
        <nav class="pager" id=id aria-label=move || i18n.t(Msg::Pages)>
            <p class="pager-range" aria-live="polite">{range}</p>
            <label class="pager-size">
                {tr(Msg::RowsPerPage)}" "
                <select on:change=move |ev| {
                    if let Ok(size) = event_target_value(&ev).parse() {
                        pager.resize(size);
                    }
                }>
                    {PAGE_SIZES
                        .into_iter()
                        .map(|s| view! { <option value=s.to_string() prop:selected=move || pager.size.get() == s>{s}</option> })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                class="pager-previous"
                disabled=move || pager.earlier.with(Vec::is_empty)
                on:click=move |_| pager.back()
            >
                {tr(Msg::PreviousPage)}
            </button>
            <button
                type="button"
                class="pager-next"
                disabled=move || pager.next.with(Option::is_none)
                on:click=move |_| pager.forward()
            >
                {tr(Msg::NextPage)}
            </button>
        </nav>
    }
}
