//! The "Website widget" section of the form editor: the sites that may embed the form, how its
//! banner governs them (consent domain, lifetime, region rule, cookies per purpose, Consent
//! Mode and UET), the snippets to paste, the consent-rate figures and the consent log.

use std::collections::BTreeMap;

use consentry_model::{
    FormId,
    forms::{FormDesign, FormVersion},
    routes,
    widget::{
        DecisionLifetime, GoogleConsentMode, RegionRule, VisitorConsentSummary, WidgetSettings,
    },
};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiFailure},
    components::{
        chart::{Bar, BarChart},
        copy::CopyButton,
        notice::SaveOutcome,
        table::{Cell, Column, DataTable, Pager, PagerBar, TableRow},
    },
    i18n::{Msg, choice_name, rule_name, tr, use_i18n},
};

/// The snippets for a form: (banner, inline).
fn snippets(origin: &str, organisation: &str, slug: &str, consent_mode: bool) -> (String, String) {
    let script = |mode: &str, extra: &str| {
        format!(
            "<script src=\"{origin}/widget.js\" data-organisation=\"{organisation}\" \
             data-form=\"{slug}\" data-mode=\"{mode}\"{extra}></script>"
        )
    };
    // With Consent Mode the banner must run before the tags (so not async).
    let banner = script(
        "banner",
        if consent_mode {
            " data-consent-mode"
        } else {
            " async"
        },
    );
    let inline = format!(
        "<div data-consentry-form=\"{slug}\"></div>\n{}",
        script("inline", " async")
    );
    (banner, inline)
}

/// Cookie names typed as a list: commas, spaces or line breaks between them.
fn cookie_list(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A number typed into a field, or `None` when it is empty or not a number (the server names
/// the field when it is out of range).
fn number(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

/// The section.
#[component]
pub fn WidgetSection(
    form: FormId,
    /// The form's public short name.
    slug: String,
    settings: WidgetSettings,
    /// The latest published version (the widget shows it).
    published: RwSignal<Option<FormVersion>>,
    /// The draft, for its purposes (each lists the cookies its tags set).
    draft: RwSignal<FormDesign>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = crate::use_auth();
    let origins = RwSignal::new(settings.allowed_origins.join("\n"));
    let consent_mode = RwSignal::new(settings.consent_mode);
    let advanced = RwSignal::new(settings.google.advanced);
    let wait = RwSignal::new(settings.google.wait_for_update_ms.to_string());
    let redaction = RwSignal::new(settings.google.ads_data_redaction);
    let passthrough = RwSignal::new(settings.google.url_passthrough);
    let uet = RwSignal::new(settings.microsoft_uet);
    let domain = RwSignal::new(settings.consent_domain.clone().unwrap_or_default());
    let elsewhere = RwSignal::new(settings.elsewhere);
    let region_testing = RwSignal::new(settings.region_testing);
    let lifetime = RwSignal::new(settings.lifetime.days.to_string());
    let refusal = RwSignal::new(
        settings
            .lifetime
            .refusal_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let cookies = RwSignal::new(
        settings
            .cookies
            .iter()
            .map(|(k, v)| (k.clone(), v.join(", ")))
            .collect::<BTreeMap<String, String>>(),
    );
    let saved = RwSignal::new(settings);
    let outcome = RwSignal::new(None::<Result<Msg, ApiFailure>>);
    let summary = LocalResource::new(move || {
        saved.track();
        api::visitor_consents(form)
    });
    let save = move |_| {
        outcome.set(None);
        let current = saved.get_untracked();
        let settings = WidgetSettings {
            allowed_origins: origins
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            consent_mode: consent_mode.get_untracked(),
            google: GoogleConsentMode {
                advanced: advanced.get_untracked(),
                wait_for_update_ms: number(&wait.get_untracked())
                    .unwrap_or(current.google.wait_for_update_ms),
                ads_data_redaction: redaction.get_untracked(),
                url_passthrough: passthrough.get_untracked(),
            },
            microsoft_uet: uet.get_untracked(),
            consent_domain: Some(domain.get_untracked()).filter(|d| !d.trim().is_empty()),
            cookies: cookies
                .get_untracked()
                .iter()
                .map(|(k, v)| (k.clone(), cookie_list(v)))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            elsewhere: elsewhere.get_untracked(),
            region_testing: region_testing.get_untracked(),
            lifetime: DecisionLifetime {
                days: number(&lifetime.get_untracked()).unwrap_or(current.lifetime.days),
                refusal_days: number(&refusal.get_untracked()),
            },
        };
        spawn_local(async move {
            match api::save_widget(form, &settings).await {
                Ok(form) => {
                    origins.set(form.widget.allowed_origins.join("\n"));
                    domain.set(form.widget.consent_domain.clone().unwrap_or_default());
                    saved.set(form.widget);
                    outcome.set(Some(Ok(Msg::WidgetSaved)));
                }
                Err(failure) => outcome.set(Some(Err(failure))),
            }
        });
    };
    let code = move || {
        let (origin, organisation) = auth.public_base();
        snippets(&origin, &organisation, &slug, saved.get().consent_mode)
    };
    let counts = move |s: VisitorConsentSummary| {
        format!(
            "{}: {} · {} {} · {} {} · {} {}",
            i18n.t(Msg::WidgetDecisions),
            s.decisions,
            s.accepted_all,
            i18n.t(Msg::WidgetAcceptedAll),
            s.rejected_all,
            i18n.t(Msg::WidgetRejectedAll),
            s.gpc,
            i18n.t(Msg::WidgetWithGpc),
        )
    };
    // One cookie field per purpose of the draft, titled in the draft's default language.
    let cookie_fields = move || {
        draft.with(|d| {
            let texts = d.texts.get(&d.default_lang);
            d.purposes
                .iter()
                .filter(|p| !p.required)
                .map(|p| {
                    let key = p.key.clone();
                    let title = texts
                        .and_then(|t| t.purposes.get(&key))
                        .map_or_else(|| key.clone(), |t| t.title.clone());
                    let id = format!("widget-cookies-{key}");
                    let get_key = key.clone();
                    let value = move || {
                        cookies.with(|c| c.get(&get_key).cloned().unwrap_or_default())
                    };
                    let set = move |ev| {
                        let text = event_target_value(&ev);
                        cookies.update(|c| {
                            c.insert(key.clone(), text);
                        });
                    };
                    view! {
                        <div class="field">
                            <label for=id.clone()>{move || i18n.t(Msg::WidgetCookiesOf).replace("{purpose}", &title)}</label>
                            <input id=id spellcheck="false" prop:value=value on:input=set
                                aria-describedby="widget-cookies-hint" />
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let rules = [RegionRule::OptIn, RegionRule::Notice, RegionRule::Nothing];
    view! {
        <section class="card wide" aria-labelledby="widget-title">
            <h2 id="widget-title">{tr(Msg::WidgetTitle)}</h2>
            <p class="hint">{tr(Msg::WidgetIntro)}</p>
            <div class="field">
                <label for="widget-origins">{tr(Msg::WidgetOrigins)}</label>
                <textarea id="widget-origins" rows="3" spellcheck="false" bind:value=origins></textarea>
            </div>
            <div class="field">
                <label for="widget-consent-domain">{tr(Msg::WidgetConsentDomain)}</label>
                <input id="widget-consent-domain" spellcheck="false" bind:value=domain
                    aria-describedby="widget-consent-domain-hint" />
                <p class="hint" id="widget-consent-domain-hint">{tr(Msg::WidgetConsentDomainHint)}</p>
            </div>
            <fieldset>
                <legend>{tr(Msg::WidgetLifetime)}</legend>
                <div class="field">
                    <label for="widget-lifetime">{tr(Msg::WidgetLifetimeDays)}</label>
                    <input id="widget-lifetime" type="number" min="1" max="395" bind:value=lifetime />
                </div>
                <div class="field">
                    <label for="widget-refusal-lifetime">{tr(Msg::WidgetRefusalDays)}</label>
                    <input id="widget-refusal-lifetime" type="number" min="1" max="395" bind:value=refusal />
                </div>
            </fieldset>
            <div class="field">
                <label for="widget-elsewhere">{tr(Msg::WidgetElsewhere)}</label>
                <select id="widget-elsewhere" aria-describedby="widget-elsewhere-hint"
                    on:change=move |ev| {
                        if let Some(rule) = RegionRule::from_code(&event_target_value(&ev)) {
                            elsewhere.set(rule);
                        }
                    }>
                    {rules.into_iter().map(|rule| view! {
                        <option value=rule.code() selected=move || elsewhere.get() == rule>
                            {move || rule_name(i18n.lang(), rule)}
                        </option>
                    }).collect_view()}
                </select>
                <p class="hint" id="widget-elsewhere-hint">{tr(Msg::WidgetElsewhereHint)}</p>
            </div>
            <div class="choice">
                <input type="checkbox" id="widget-region-testing" bind:checked=region_testing />
                <label for="widget-region-testing">{tr(Msg::WidgetRegionTesting)}</label>
            </div>
            <fieldset>
                <legend>{tr(Msg::WidgetCookies)}</legend>
                <p class="hint" id="widget-cookies-hint">{tr(Msg::WidgetCookiesHint)}</p>
                {cookie_fields}
            </fieldset>
            <fieldset>
                <legend>{tr(Msg::WidgetTags)}</legend>
                <div class="choice">
                    <input type="checkbox" id="widget-consent-mode" bind:checked=consent_mode />
                    <label for="widget-consent-mode">{tr(Msg::WidgetConsentMode)}</label>
                </div>
                <div class="choice">
                    <input type="checkbox" id="widget-advanced" bind:checked=advanced
                        prop:disabled=move || !consent_mode.get() />
                    <label for="widget-advanced">{tr(Msg::WidgetAdvanced)}</label>
                </div>
                <div class="choice">
                    <input type="checkbox" id="widget-redaction" bind:checked=redaction
                        prop:disabled=move || !consent_mode.get() />
                    <label for="widget-redaction">{tr(Msg::WidgetAdsDataRedaction)}</label>
                </div>
                <div class="choice">
                    <input type="checkbox" id="widget-passthrough" bind:checked=passthrough
                        prop:disabled=move || !consent_mode.get() />
                    <label for="widget-passthrough">{tr(Msg::WidgetUrlPassthrough)}</label>
                </div>
                <div class="field">
                    <label for="widget-wait">{tr(Msg::WidgetWaitForUpdate)}</label>
                    <input id="widget-wait" type="number" min="0" max="10000" step="100" bind:value=wait
                        prop:disabled=move || !consent_mode.get() />
                </div>
                <div class="choice">
                    <input type="checkbox" id="widget-uet" bind:checked=uet />
                    <label for="widget-uet">{tr(Msg::WidgetMicrosoftUet)}</label>
                </div>
            </fieldset>
            <button type="button" on:click=save>{tr(Msg::SaveWidget)}</button>
            <SaveOutcome outcome />
            {move || {
                if published.get().is_none() {
                    view! { <p class="hint">{tr(Msg::WidgetNeedsPublish)}</p> }.into_any()
                } else if saved.get().allowed_origins.is_empty() {
                    view! { <p class="hint">{tr(Msg::WidgetNoOrigins)}</p> }.into_any()
                } else {
                    let (banner, inline) = code();
                    view! {
                        <h3>{tr(Msg::WidgetBannerSnippet)}</h3>
                        <pre><code id="widget-banner-snippet">{banner.clone()}</code></pre>
                        <CopyButton text=banner what=Msg::WidgetBannerSnippet />
                        <h3>{tr(Msg::WidgetInlineSnippet)}</h3>
                        <pre><code id="widget-inline-snippet">{inline.clone()}</code></pre>
                        <CopyButton text=inline what=Msg::WidgetInlineSnippet />
                        <h3>{tr(Msg::WidgetMarkupHeading)}</h3>
                        <p class="hint">{tr(Msg::WidgetMarkupHint)}</p>
                        <pre><code id="widget-markup-snippet">{MARKUP}</code></pre>
                        <CopyButton text=MARKUP.to_owned() what=Msg::WidgetMarkupHeading />
                    }
                    .into_any()
                }
            }}
            <p id="widget-decisions">
                {move || summary.get().and_then(Result::ok).map(counts)}
            </p>
            <BannerFiguresView form saved draft />
            <ConsentLog form saved />
        </section>
    }
}

/// How a site marks what needs consent.
const MARKUP: &str = "<script type=\"text/plain\" data-consentry=\"analytics\" src=\"https://…\"></script>\n\
<iframe data-consentry=\"advertising\" data-consentry-name=\"YouTube\" data-src=\"https://www.youtube-nocookie.com/embed/…\"></iframe>\n\
<template data-consentry=\"advertising\">…</template>";

/// A form's consent-rate figures: per version and rule, banners shown and decisions, and the
/// opt-in rate per purpose as a chart; CSV to download.
#[component]
fn BannerFiguresView(
    form: FormId,
    saved: RwSignal<WidgetSettings>,
    draft: RwSignal<FormDesign>,
) -> impl IntoView {
    let i18n = use_i18n();
    let report = LocalResource::new(move || {
        saved.track();
        api::banner_figures(form)
    });
    let csv = routes::fill(routes::FORM_WIDGET_FIGURES, &[&form.to_string()]) + "?format=csv";
    let rows = move || {
        report.get().and_then(Result::ok).map(|report| {
            if report.figures.is_empty() {
                return view! { <p class="hint">{tr(Msg::WidgetFiguresEmpty)}</p> }.into_any();
            }
            let titles = draft.with_untracked(|d| {
                let texts = d.texts.get(&d.default_lang).cloned();
                d.purposes
                    .iter()
                    .map(|p| {
                        let title = texts
                            .as_ref()
                            .and_then(|t| t.purposes.get(&p.key))
                            .map_or_else(|| p.key.clone(), |t| t.title.clone());
                        (p.key.clone(), title)
                    })
                    .collect::<Vec<_>>()
            });
            let lang = i18n.lang();
            report
                .figures
                .into_iter()
                .enumerate()
                .map(|(i, f)| {
                    let heading = format!(
                        "{} {} · {}",
                        i18n.t(Msg::WidgetVersion),
                        f.version,
                        rule_name(lang, f.rule)
                    );
                    let bars = titles
                        .iter()
                        .filter_map(|(key, title)| {
                            f.opt_in_percent(key).map(|p| Bar {
                                label: title.clone(),
                                value: p.round() as u64,
                                class: "bar-obtained",
                            })
                        })
                        .collect::<Vec<_>>();
                    let chart_title = format!("{} — {heading}", i18n.t(Msg::WidgetOptInRate));
                    view! {
                        <h4>{heading}</h4>
                        <dl class="figures">
                            <div><dt>{tr(Msg::WidgetShown)}</dt><dd>{f.shown}</dd></div>
                            <div><dt>{tr(Msg::WidgetDecisions)}</dt><dd>{f.decisions}</dd></div>
                            <div><dt>{tr(Msg::WidgetAcceptedAll)}</dt><dd>{f.accepted_all}</dd></div>
                            <div><dt>{tr(Msg::WidgetRejectedAll)}</dt><dd>{f.rejected_all}</dd></div>
                            <div><dt>{tr(Msg::WidgetCustomised)}</dt><dd>{f.customised}</dd></div>
                        </dl>
                        {(!bars.is_empty()).then(|| view! {
                            <BarChart id=format!("optin-chart-{i}") title=chart_title bars unit="%" max=100 />
                        })}
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <h3 id="widget-figures">{tr(Msg::WidgetFiguresHeading)}</h3>
        <p class="hint">{tr(Msg::WidgetFiguresHint)}</p>
        <div id="widget-figures-body">{rows}</div>
        <p><a href=csv download>{tr(Msg::WidgetFiguresCsv)}</a></p>
    }
}

/// The consent log's columns.
const LOG_COLUMNS: &[Column] = &[
    Column::named("at", Msg::When),
    Column::named("decision", Msg::WidgetLogDecision),
    Column::optional("granted", Msg::WidgetLogGranted),
    Column::optional("gpc", Msg::Gpc),
    Column::optional("rule", Msg::WidgetLogRule),
    Column::optional("site", Msg::WidgetLogSite),
    Column::optional("receipt", Msg::WidgetLogReceipt),
];

/// The newest banner decisions, or the one with a receipt id the privacy officer looks up.
#[component]
fn ConsentLog(form: FormId, saved: RwSignal<WidgetSettings>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let receipt = RwSignal::new(None::<uuid::Uuid>);
    let invalid = RwSignal::new(false);
    let pager = Pager::new();
    Effect::new(move |_| {
        receipt.track();
        pager.restart();
    });
    let log = LocalResource::new(move || {
        saved.track();
        let (receipt, cursor, size) = (receipt.get(), pager.cursor(), pager.size());
        async move { api::visitor_consent_log(form, receipt, cursor.as_deref(), size).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = log.get() {
            pager.loaded(page.next.map(|n| n.to_string()));
        }
    });
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = typed.get_untracked();
        match text.trim() {
            "" => {
                invalid.set(false);
                receipt.set(None);
            }
            id => match id.parse::<uuid::Uuid>() {
                Ok(id) => {
                    invalid.set(false);
                    receipt.set(Some(id));
                }
                Err(_) => invalid.set(true),
            },
        }
    };
    let rows = move || {
        log.get().and_then(Result::ok).map(|page| {
            let lang = i18n.lang();
            let shown = page.consents.len();
            let rows = page
                .consents
                .into_iter()
                .map(|c| {
                    let granted = c.granted.into_iter().collect::<Vec<_>>().join(", ");
                    TableRow {
                        key: c.receipt_id.to_string(),
                        name: c.receipt_id.to_string(),
                        cells: vec![
                            Cell::text(crate::format_time(c.at)),
                            Cell::text(choice_name(lang, c.choice)),
                            Cell::Text(granted),
                            Cell::text(i18n.t(if c.gpc { Msg::Yes } else { Msg::No })),
                            Cell::text(rule_name(lang, c.rule)),
                            Cell::Text(c.origin.unwrap_or_default()),
                            Cell::text(c.receipt_id),
                        ],
                    }
                })
                .collect();
            view! {
                <DataTable
                    id="widget-log"
                    caption=Msg::WidgetLogHeading
                    columns=LOG_COLUMNS
                    rows
                    empty=move || view! { <p class="hint">{tr(Msg::WidgetLogEmpty)}</p> }
                />
                <PagerBar id="widget-log-pages" pager total=Signal::derive(|| None) shown=Signal::derive(move || shown) />
            }
        })
    };
    view! {
        <h3>{tr(Msg::WidgetLogHeading)}</h3>
        <form class="inline-form" on:submit=find>
            <div class="field" class:invalid=move || invalid.get()>
                <label for="widget-log-receipt">{tr(Msg::WidgetLogReceipt)}</label>
                <input id="widget-log-receipt" bind:value=typed spellcheck="false"
                    aria-invalid=move || invalid.get().to_string() />
            </div>
            <button type="submit">{tr(Msg::WidgetLogFind)}</button>
        </form>
        {rows}
    }
}
