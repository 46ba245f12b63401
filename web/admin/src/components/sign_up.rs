//! The "Public sign-up" section of the form editor: which module sign-ups become records of,
//! whether they confirm by e-mail, and the public address.

use consentry_model::{FormId, ModuleId, forms::FormVersion, signup::SignUpSettings};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiFailure},
    components::notice::SaveOutcome,
    i18n::{Msg, tr, use_i18n},
};

/// The double opt-in choice as the select writes it.
fn opt_in_code(choice: Option<bool>) -> &'static str {
    match choice {
        None => "default",
        Some(true) => "always",
        Some(false) => "never",
    }
}

/// The section.
#[component]
pub fn SignUpSection(
    form: FormId,
    /// The form's public short name.
    slug: String,
    settings: SignUpSettings,
    /// The latest published version (the public page shows it).
    published: RwSignal<Option<FormVersion>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = crate::use_auth();
    let modules = LocalResource::new(api::modules);
    let org_default = LocalResource::new(api::compliance_settings);
    let module = RwSignal::new(
        settings
            .module_id
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let opt_in = RwSignal::new(opt_in_code(settings.double_opt_in).to_owned());
    let saved = RwSignal::new(settings);
    let outcome = RwSignal::new(None::<Result<Msg, ApiFailure>>);
    let save = move |_| {
        outcome.set(None);
        let settings = SignUpSettings {
            module_id: module.get_untracked().parse::<ModuleId>().ok(),
            double_opt_in: match opt_in.get_untracked().as_str() {
                "always" => Some(true),
                "never" => Some(false),
                _ => None,
            },
        };
        spawn_local(async move {
            match api::save_sign_up(form, &settings).await {
                Ok(form) => {
                    saved.set(form.sign_up);
                    outcome.set(Some(Ok(Msg::SignUpSaved)));
                }
                Err(failure) => outcome.set(Some(Err(failure))),
            }
        });
    };
    let address = move || {
        let (origin, organisation) = auth.public_base();
        format!("{origin}/f/{organisation}/{slug}")
    };
    view! {
        <section class="card wide" aria-labelledby="sign-up-title">
            <h2 id="sign-up-title">{tr(Msg::SignUpTitle)}</h2>
            <p class="hint">{tr(Msg::SignUpIntro)}</p>
            <div class="grid-form">
                <div class="field">
                    <label for="sign-up-module">{tr(Msg::SignUpModule)}</label>
                    <select id="sign-up-module" bind:value=module>
                        <option value="">{tr(Msg::SignUpOff)}</option>
                        {move || modules.get().and_then(Result::ok).unwrap_or_default()
                            .into_iter()
                            .filter(|m| m.compliance_enabled)
                            .map(|m| {
                                let selected = m.id.to_string() == module.get_untracked();
                                view! { <option value=m.id.to_string() selected=selected>{m.name}</option> }
                            })
                            .collect_view()}
                    </select>
                    {move || modules.get().and_then(Result::ok)
                        .filter(|list| !list.iter().any(|m| m.compliance_enabled))
                        .map(|_| view! { <p class="hint">{tr(Msg::SignUpNoModules)}</p> })}
                </div>
                <div class="field">
                    <label for="sign-up-opt-in">{tr(Msg::DoubleOptInLabel)}</label>
                    <select id="sign-up-opt-in" bind:value=opt_in>
                        <option value="default">
                            {move || {
                                let on = org_default.get().and_then(Result::ok).is_none_or(|s| s.double_opt_in);
                                i18n.t(if on { Msg::DoubleOptInDefaultOn } else { Msg::DoubleOptInDefaultOff })
                            }}
                        </option>
                        <option value="always">{tr(Msg::DoubleOptInAlways)}</option>
                        <option value="never">{tr(Msg::DoubleOptInNever)}</option>
                    </select>
                </div>
            </div>
            <button type="button" on:click=save>{tr(Msg::SaveSignUp)}</button>
            <SaveOutcome outcome />
            {move || saved.get().module_id.map(|_| {
                if published.get().is_some() {
                    let href = address();
                    let shown = href.clone();
                    view! {
                        <p id="sign-up-address">
                            {tr(Msg::SignUpAddress)}": "
                            <a href=href target="_blank" rel="noopener">{shown}</a>
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <p class="hint">{tr(Msg::SignUpNeedsPublish)}</p> }.into_any()
                }
            })}
        </section>
    }
}
