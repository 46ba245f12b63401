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
    i18n::{Msg, tr, use_i18n},
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
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let organisation = auth
            .session
            .get()
            .map(|s| s.organisation.slug.to_string())
            .unwrap_or_default();
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
            <div role="status">
                {move || match outcome.get() {
                    Some(Ok(msg)) => Some(view! { <p class="notice success">{tr(msg)}</p> }.into_any()),
                    Some(Err(failure)) => Some(view! {
                        <p class="notice error">{failure.message(i18n.lang())}</p>
                    }.into_any()),
                    None => None,
                }}
            </div>
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
        </section>
    }
}
