//! Components shared by the admin app and the public pages. The consent form is rendered by
//! one component everywhere, so the editor's preview is exactly what the data subject sees.

pub mod dialog;
pub mod public;

pub use dialog::ConfirmDialog;

use consentry_model::forms::{ConsentChoices, FormDesign, FormLang};
use leptos::prelude::*;

/// What the data subject decided with a form's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Save the choices as ticked.
    Save,
    /// Stop processing my data (GDPR art. 18/21).
    StopProcessing,
}

/// A consent form in one language: purposes and channels to tick, the statements, and two
/// equally prominent buttons. Without `on_decide` it is a preview whose buttons do nothing.
#[component]
pub fn ConsentFormView(
    /// The design to show.
    #[prop(into)]
    design: Signal<FormDesign>,
    /// The language to show (the default language when the design lacks it).
    #[prop(into)]
    lang: Signal<FormLang>,
    /// The subject's choices, changed by the checkboxes.
    choices: RwSignal<ConsentChoices>,
    /// Prefix of element ids, so two forms on one page do not clash.
    #[prop(default = "consent")]
    id_prefix: &'static str,
    /// Called when a button is pressed.
    #[prop(optional)]
    on_decide: Option<Callback<Decision>>,
    /// Whether to offer the stop-processing button (not on a sign-up form, where leaving
    /// the form is the refusal).
    #[prop(default = true)]
    stop_processing: bool,
    /// Fields shown under the introduction (a sign-up form's name and e-mail address).
    #[prop(optional)]
    children: Option<ChildrenFn>,
    /// A heading instead of the form's title (a sign-up form says what one signs up for).
    #[prop(optional, into)]
    heading: Option<Signal<String>>,
    /// A label for the save button instead of the form's (a sign-up form's "Sign up").
    #[prop(optional, into)]
    submit_label: Option<Signal<String>>,
    /// Shown under the save button (what signing up stores, and for how long).
    #[prop(optional, into)]
    note: Option<Signal<String>>,
) -> impl IntoView {
    let texts = move || {
        design.with(|d| {
            d.texts_for(Some(&lang.get()))
                .map(|(l, t)| (l.clone(), t.clone()))
        })
    };
    let heading_id = format!("{id_prefix}-title");
    let decide = move |decision: Decision| {
        if let Some(callback) = on_decide {
            callback.run(decision);
        }
    };
    view! {
        <section
            class="consent-form"
            aria-labelledby=format!("{id_prefix}-title")
            style:--brand=move || design.with(|d| d.brand_colour.clone())
            lang=move || design.with(|d| d.written_in(&lang.get()).to_string())
        >
            {move || design.with(|d| d.logo_url.clone()).map(|src| view! {
                <img class="consent-logo" src=src alt="" />
            })}
            {move || texts().map(|(_, t)| {
                let heading_id = heading_id.clone();
                let purposes = design.with(|d| d.purposes.clone());
                let channels = design.with(|d| d.channels.clone());
                let policy = design.with(|d| d.policy_url.clone());
                view! {
                    <h2 id=heading_id>{heading.map_or_else(|| t.title.clone(), |h| h.get())}</h2>
                    <p class="consent-intro">{t.intro.clone()}</p>
                    {children.clone().map(|fields| fields())}
                    <fieldset class="consent-purposes">
                        <legend class="visually-hidden">
                            {heading.map_or_else(|| t.title.clone(), |h| h.get())}
                        </legend>
                        {purposes.into_iter().map(|p| {
                            let text = t.purposes.get(&p.key).cloned();
                            let id = format!("{id_prefix}-purpose-{}", p.key);
                            let desc_id = format!("{id}-desc");
                            let key = p.key.clone();
                            let checked = {
                                let key = key.clone();
                                move || choices.with(|c| c.granted.contains(&key))
                            };
                            let toggle = move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                let key = key.clone();
                                choices.update(|c| {
                                    if on {
                                        c.granted.insert(key);
                                    } else {
                                        c.granted.remove(&key);
                                    }
                                });
                            };
                            view! {
                                <div class="consent-choice">
                                    <input type="checkbox" id=id.clone()
                                        prop:checked=checked disabled=p.required
                                        aria-describedby=desc_id.clone() on:change=toggle />
                                    <label for=id>
                                        {text.as_ref().map(|t| t.title.clone())}
                                        {p.required.then(|| view! { " ("{t.required_label.clone()}")" })}
                                    </label>
                                    <p class="consent-description" id=desc_id>
                                        {text.map(|t| t.description)}
                                    </p>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    {(!channels.is_empty()).then(|| view! {
                        <fieldset class="consent-channels">
                            <legend>{t.channels_heading.clone()}</legend>
                            {channels.into_iter().map(|channel| {
                                let id = format!("{id_prefix}-channel-{}", channel.code());
                                let label = t.channel_labels.get(&channel).cloned().unwrap_or_default();
                                let toggle = move |ev: leptos::ev::Event| {
                                    let on = event_target_checked(&ev);
                                    choices.update(|c| {
                                        if on {
                                            c.channels.insert(channel);
                                        } else {
                                            c.channels.remove(&channel);
                                        }
                                    });
                                };
                                view! {
                                    <div class="consent-choice">
                                        <input type="checkbox" id=id.clone()
                                            prop:checked=move || choices.with(|c| c.channels.contains(&channel))
                                            on:change=toggle />
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    })}
                    <p class="consent-statement">{t.consent_statement.clone()}</p>
                    <p class="consent-privacy">
                        {match policy {
                            Some(url) => view! {
                                <a href=url rel="noopener" target="_blank">{t.privacy_statement.clone()}</a>
                            }.into_any(),
                            None => t.privacy_statement.clone().into_any(),
                        }}
                    </p>
                    <div class="consent-actions">
                        <button type="button" class="consent-save"
                            on:click=move |_| decide(Decision::Save)>
                            {submit_label.map_or_else(|| t.submit_label.clone(), |l| l.get())}
                        </button>
                        {stop_processing.then(|| view! {
                            <button type="button" class="consent-stop"
                                on:click=move |_| decide(Decision::StopProcessing)>{t.stop_processing_label.clone()}</button>
                        })}
                    </div>
                    {note.map(|n| n.get()).filter(|n| !n.is_empty()).map(|n| view! {
                        <p class="consent-note" id=format!("{id_prefix}-note")>{n}</p>
                    })}
                }
            })}
        </section>
    }
}
