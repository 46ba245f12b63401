//! Setup > Compliance Settings > Overview: the dashboard.

use consentry_model::{
    ConsentStatus, LegalBasis,
    compliance::Overview,
    requests::{RequestQuery, Urgency, urgency},
};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        chart::{Bar, BarChart, TrendChart},
        notice::{LoadFailed, Loading},
    },
    i18n::{Msg, basis_name, request_type_name, requester_name, status_name, tr, use_i18n},
};

/// How many of the nearest deadlines the Overview lists.
const NEAREST: u32 = 5;

fn status_class(status: ConsentStatus) -> &'static str {
    match status {
        ConsentStatus::Pending => "bar-pending",
        ConsentStatus::Waiting => "bar-waiting",
        ConsentStatus::Obtained => "bar-obtained",
        ConsentStatus::Denied => "bar-denied",
        ConsentStatus::NotResponded => "bar-not-responded",
        ConsentStatus::Withdrawn => "bar-withdrawn",
    }
}

/// The Overview dashboard.
#[component]
pub fn OverviewPage() -> impl IntoView {
    page_title(Msg::OverviewTitle);
    let overview = LocalResource::new(api::overview);
    view! {
        <h1>{tr(Msg::OverviewTitle)}</h1>
        <p class="lead">{tr(Msg::OverviewIntro)}</p>
        {move || match overview.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(numbers)) => view! { <Dashboard numbers /> }.into_any(),
        }}
    }
}

#[component]
fn Dashboard(numbers: Overview) -> impl IntoView {
    let i18n = use_i18n();
    let filtered = |query: String| format!("/admin/records?{query}");
    view! {
        <div class="tiles">
            <A href=filtered("basis=not_applicable".into()) attr:class="tile">
                <span class="tile-number" id="count-not-applicable">{numbers.not_applicable}</span>
                <span>{tr(Msg::NotApplicableCount)}</span>
            </A>
            <div class="tile">
                <span class="tile-number" id="count-with-basis">{numbers.with_basis}</span>
                <span>{tr(Msg::WithBasisCount)}</span>
            </div>
            <A href="/admin/setup/requests" attr:class="tile">
                <span class="tile-number" id="count-open-requests">{numbers.requests.open}</span>
                <span>{tr(Msg::OpenRequests)}</span>
            </A>
            <A href="/admin/setup/requests" attr:class="tile">
                <span class="tile-number" id="count-overdue-requests">{numbers.requests.overdue}</span>
                <span>{tr(Msg::OverdueRequests)}</span>
            </A>
            <A href="/admin/records?renewal_due=true" attr:class="tile">
                <span class="tile-number" id="count-renewal-due">{numbers.renewal_due}</span>
                <span>{tr(Msg::RenewalDueCount)}</span>
            </A>
        </div>
        <NearestDeadlines />
        {move || {
            let lang = i18n.lang();
            let basis_bars = numbers
                .per_basis
                .iter()
                .map(|b| Bar {
                    label: basis_name(lang, b.basis).to_owned(),
                    value: b.count,
                    class: if b.basis == LegalBasis::NotApplicable { "bar-muted" } else { "bar-basis" },
                })
                .collect();
            let status_bars = numbers
                .per_status
                .iter()
                .map(|s| Bar {
                    label: status_name(lang, s.status).to_owned(),
                    value: s.count,
                    class: status_class(s.status),
                })
                .collect();
            let days = numbers.changes_per_day.iter().map(|d| (d.day, d.count)).collect();
            let trend_title = i18n.t(Msg::ChangesChart).to_owned();
            view! {
                <section class="card wide" aria-labelledby="basis-chart-heading">
                    <h2 id="basis-chart-heading">{i18n.t(Msg::PerBasisChart)}</h2>
                    <BarChart id="basis-chart" title=i18n.t(Msg::PerBasisChart).to_owned() bars=basis_bars />
                    <ul class="chart-links">
                        {numbers.per_basis.clone().into_iter().map(|b| view! {
                            <li>
                                <A href=filtered(format!("basis={}", b.basis.code()))>
                                    {basis_name(lang, b.basis)}": "{b.count}
                                </A>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="card wide" aria-labelledby="consent-chart-heading">
                    <h2 id="consent-chart-heading">{i18n.t(Msg::ConsentChart)}</h2>
                    <BarChart id="consent-chart" title=i18n.t(Msg::ConsentChart).to_owned() bars=status_bars />
                    <ul class="chart-links">
                        {numbers.per_status.clone().into_iter().map(|s| view! {
                            <li>
                                <A href=filtered(format!("consent_status={}", s.status.code()))>
                                    {status_name(lang, s.status)}": "{s.count}
                                </A>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="card wide" aria-labelledby="changes-chart-heading">
                    <h2 id="changes-chart-heading">{i18n.t(Msg::ChangesChart)}</h2>
                    <TrendChart
                        id="changes-chart"
                        title=trend_title
                        value_label=i18n.t(Msg::Changes).to_owned()
                        table_label=i18n.t(Msg::ShowTheNumbers).to_owned()
                        day_label=i18n.t(Msg::Day).to_owned()
                        days
                    />
                </section>
            }
        }}
    }
}

/// The open requests whose deadlines come first, each linking to its request.
#[component]
fn NearestDeadlines() -> impl IntoView {
    let i18n = use_i18n();
    let queue = LocalResource::new(|| async {
        let open = RequestQuery {
            open: true,
            limit: Some(NEAREST),
            ..RequestQuery::default()
        };
        api::request_queue(&open).await
    });
    view! {
        <section class="card wide" aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">{tr(Msg::NearestDeadlines)}</h2>
            {move || match queue.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(page)) => {
                    let today = crate::moment::today();
                    let open = page.requests;
                    if open.is_empty() {
                        return view! { <p class="hint">{tr(Msg::NoOpenRequests)}</p> }.into_any();
                    }
                    view! {
                        <ul class="deadlines" id="nearest-deadlines">
                            {open.into_iter().map(|r| {
                                let lang = i18n.lang();
                                let badge = match urgency(&r, today) {
                                    Urgency::Overdue => Some(view! { <span class="badge danger">{tr(Msg::Overdue)}</span> }),
                                    Urgency::DueSoon => Some(view! { <span class="badge warning">{tr(Msg::DueSoon)}</span> }),
                                    Urgency::OnTime => None,
                                };
                                view! {
                                    <li>
                                        {crate::moment::format_day(r.deadline())}" · "
                                        <A href=format!("/admin/setup/requests/{}", r.id)>
                                            {request_type_name(lang, r.kind)}": "{requester_name(lang, &r.requested_by)}
                                        </A>
                                        " "{badge}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p><A href="/admin/setup/requests">{tr(Msg::AllRequests)}</A></p>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
