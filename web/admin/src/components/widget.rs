//! The "Website widget" section of the form editor: the sites that may embed the form, the
//! Google Consent Mode switch, the snippets to paste, and how visitors answered the banner.

use consentry_model::{
    FormId,
    forms::FormVersion,
    widget::{VisitorConsentSummary, WidgetSettings},
};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiFailure},
    components::notice::SaveOutcome,
    i18n::{Msg, choice_name, tr, use_i18n},
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

/// The section.
#[component]
pub fn WidgetSection(
    form: FormId,
    /// The form's public short name.
    slug: String,
    settings: WidgetSettings,
    /// The latest published version (the widget shows it).
    published: RwSignal<Option<FormVersion>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = crate::use_auth();
    let origins = RwSignal::new(settings.allowed_origins.join("\n"));
    let consent_mode = RwSignal::new(settings.consent_mode);
    let saved = RwSignal::new(settings);
    let outcome = RwSignal::new(None::<Result<Msg, ApiFailure>>);
    let summary = LocalResource::new(move || {
        saved.track();
        api::visitor_consents(form)
    });
    let save = move |_| {
        outcome.set(None);
        let settings = WidgetSettings {
            allowed_origins: origins
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            consent_mode: consent_mode.get_untracked(),
        };
        spawn_local(async move {
            match api::save_widget(form, &settings).await {
                Ok(form) => {
                    origins.set(form.widget.allowed_origins.join("\n"));
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
    view! {
        <section class="card wide" aria-labelledby="widget-title">
            <h2 id="widget-title">{tr(Msg::WidgetTitle)}</h2>
            <p class="hint">{tr(Msg::WidgetIntro)}</p>
            <div class="field">
                <label for="widget-origins">{tr(Msg::WidgetOrigins)}</label>
                <textarea id="widget-origins" rows="3" spellcheck="false" bind:value=origins></textarea>
            </div>
            <div class="choice">
                <input type="checkbox" id="widget-consent-mode" bind:checked=consent_mode />
                <label for="widget-consent-mode">{tr(Msg::WidgetConsentMode)}</label>
            </div>
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
                        <pre><code id="widget-banner-snippet">{banner}</code></pre>
                        <h3>{tr(Msg::WidgetInlineSnippet)}</h3>
                        <pre><code id="widget-inline-snippet">{inline}</code></pre>
                    }
                    .into_any()
                }
            }}
            <p id="widget-decisions">
                {move || summary.get().and_then(Result::ok).map(counts)}
            </p>
            <ConsentLog form saved />
        </section>
    }
}

/// The newest banner decisions, or the one with a receipt id the privacy officer looks up.
#[component]
fn ConsentLog(form: FormId, saved: RwSignal<WidgetSettings>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let receipt = RwSignal::new(None::<uuid::Uuid>);
    let invalid = RwSignal::new(false);
    let log = LocalResource::new(move || {
        saved.track();
        api::visitor_consent_log(form, receipt.get())
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
            if page.consents.is_empty() {
                return view! { <p class="hint">{tr(Msg::WidgetLogEmpty)}</p> }.into_any();
            }
            let lang = i18n.lang();
            view! {
                <table class="data" id="widget-log">
                    <thead><tr>
                        <th scope="col">{tr(Msg::When)}</th>
                        <th scope="col">{tr(Msg::WidgetLogDecision)}</th>
                        <th scope="col">{tr(Msg::WidgetLogGranted)}</th>
                        <th scope="col">"GPC"</th>
                        <th scope="col">{tr(Msg::WidgetLogSite)}</th>
                        <th scope="col">{tr(Msg::WidgetLogReceipt)}</th>
                    </tr></thead>
                    <tbody>
                        {page.consents.into_iter().map(|c| {
                            let granted = c.granted.into_iter().collect::<Vec<_>>().join(", ");
                            view! {
                                <tr>
                                    <td>{crate::format_time(c.at)}</td>
                                    <td>{choice_name(lang, c.choice)}</td>
                                    <td>{granted}</td>
                                    <td>{i18n.t(if c.gpc { Msg::Yes } else { Msg::No })}</td>
                                    <td>{c.origin.unwrap_or_default()}</td>
                                    <td><code>{c.receipt_id.to_string()}</code></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
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
