//! `/admin/setup/forms/:id`: the consent form editor. Every text per language, the purposes,
//! channels and appearance on the left; on the right a live preview rendered by the same
//! component the data subject sees. Save draft, Publish, Revert to published.

use consentry_model::{
    FormId,
    forms::{
        ConsentChoices, ConsentForm, FormDesign, FormLang, FormTexts, FormVersion, Purpose,
        PurposeCategory, PurposeText, is_purpose_key,
    },
    records::Channel,
};
use consentry_ui::{ConfirmDialog, ConsentFormView};
use consentry_words::subject::{LANGUAGES, native_name};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_params_map};

use crate::components::title::page_title;
use crate::{
    api::{self, ApiFailure},
    components::{
        notice::{LoadFailed, Loading},
        sign_up::SignUpSection,
        widget::WidgetSection,
    },
    i18n::{Msg, category_name, channel_name, tr, use_i18n},
};

/// Loads the form, then shows the editor.
#[component]
pub fn FormEditorPage() -> impl IntoView {
    page_title(Msg::FormPageTitle);
    let params = use_params_map();
    let form = LocalResource::new(move || {
        let id = params
            .get()
            .get("id")
            .and_then(|id| id.parse::<FormId>().ok());
        async move {
            match id {
                Some(id) => api::form(id).await,
                None => Err(ApiFailure::Status {
                    status: 404,
                    body: None,
                }),
            }
        }
    });
    view! {
        <p><A href="/admin/setup/forms">"← "{tr(Msg::NavConsentForms)}</A></p>
        {move || match form.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(form)) => view! { <Editor form /> }.into_any(),
        }}
    }
}

/// Where the editor stands with the server.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Done(Msg),
    Failed(ApiFailure),
}

#[component]
fn Editor(form: ConsentForm) -> impl IntoView {
    let i18n = use_i18n();
    let id = form.id;
    let published = RwSignal::new(form.published.clone());
    let changed = RwSignal::new(form.draft_changed);
    let draft = RwSignal::new(form.draft.clone());
    let lang = RwSignal::new(form.draft.default_lang.clone());
    let choices = RwSignal::new(ConsentChoices::initial(&form.draft));
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);

    let apply = move |result: api::ApiResult<ConsentForm>, done: Msg| match result {
        Ok(saved) => {
            published.set(saved.published);
            changed.set(saved.draft_changed);
            draft.set(saved.draft);
            outcome.set(Some(Outcome::Done(done)));
        }
        Err(failure) => outcome.set(Some(Outcome::Failed(failure))),
    };
    let save = move |_| {
        outcome.set(None);
        busy.set(true);
        spawn_local(async move {
            apply(
                api::save_draft(id, &draft.get_untracked()).await,
                Msg::DraftSaved,
            );
            busy.set(false);
        });
    };
    let asking_publish = RwSignal::new(false);
    let publish_now = move || {
        outcome.set(None);
        busy.set(true);
        spawn_local(async move {
            // What is on screen is what gets published.
            match api::save_draft(id, &draft.get_untracked()).await {
                Ok(_) => apply(api::publish_form(id).await, Msg::FormPublishedMsg),
                Err(failure) => outcome.set(Some(Outcome::Failed(failure))),
            }
            busy.set(false);
        });
    };
    // Languages still holding the default language's copy: publishing warns, not blocks.
    let untranslated_names = move || {
        draft.with(|d| {
            d.untranslated
                .iter()
                .map(|l| format!("{} ({l})", native_name(l.as_str())))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let publish = move |_| {
        if draft.with_untracked(|d| d.untranslated.is_empty()) {
            publish_now();
        } else {
            asking_publish.set(true);
        }
    };
    let revert = move |_| {
        outcome.set(None);
        spawn_local(async move { apply(api::revert_form(id).await, Msg::DraftReverted) });
    };

    view! {
        <h1>{form.name.clone()}" "<code class="muted">{form.slug.clone()}</code></h1>
        <p role="status" id="form-status">
            {move || match published.get() {
                Some(FormVersion { version, text_hash, .. }) => view! {
                    {tr(Msg::PublishedVersion)}" "{version}
                    <span class="muted">" · SHA-256 "{text_hash[..12].to_owned()}"…"</span>
                }.into_any(),
                None => view! { {tr(Msg::NotPublished)} }.into_any(),
            }}
            {move || changed.get().then(|| view! { " · "{tr(Msg::UnpublishedChanges)} })}
        </p>
        <div role="alert" class="form-problem">
            {move || match outcome.get() {
                Some(Outcome::Failed(failure)) => {
                    let at = failure.field().map(|f| format!(" ({f})")).unwrap_or_default();
                    Some(view! { <p class="notice error">{failure.message(i18n.lang())}{at}</p> })
                }
                _ => None,
            }}
        </div>
        <div role="status">
            {move || match outcome.get() {
                Some(Outcome::Done(msg)) => Some(view! { <p class="notice success">{tr(msg)}</p> }),
                _ => None,
            }}
        </div>
        <div class="toolbar">
            <button type="button" on:click=save disabled=move || busy.get()>{tr(Msg::SaveDraft)}</button>
            <button type="button" class="primary" on:click=publish disabled=move || busy.get()>{tr(Msg::Publish)}</button>
            <button type="button" on:click=revert disabled=move || published.get().is_none()>
                {tr(Msg::RevertToPublished)}
            </button>
        </div>
        <ConfirmDialog id="publish-untranslated" open=asking_publish
            title=Signal::derive(move || i18n.t(Msg::PublishUntranslatedTitle).to_owned())
            confirm_label=Signal::derive(move || i18n.t(Msg::PublishAnyway).to_owned())
            cancel_label=Signal::derive(move || i18n.t(Msg::Cancel).to_owned())
            on_confirm=Callback::new(move |()| publish_now())>
            <p>{tr(Msg::PublishUntranslatedBody)}</p>
            <p><strong>{untranslated_names}</strong></p>
        </ConfirmDialog>
        <div class="columns">
            <div>
                <Languages draft lang />
                <Texts draft lang />
                <Purposes draft lang choices />
                <Channels draft lang />
                <Appearance draft />
            </div>
            <div>
                <section class="card preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">{tr(Msg::Preview)}</h2>
                    <ConsentFormView design=draft lang=lang choices id_prefix="preview" />
                </section>
            </div>
        </div>
        <SignUpSection form=id slug=form.slug.clone() settings=form.sign_up published />
        <WidgetSection form=id slug=form.slug.clone() settings=form.widget.clone() published draft />
    }
}

/// A labelled text input or text area bound to a getter and setter.
#[component]
fn Bound(
    id: String,
    label: Msg,
    #[prop(into)] value: Signal<String>,
    set: Callback<String>,
    #[prop(default = false)] multiline: bool,
    #[prop(default = "text")] input_type: &'static str,
) -> impl IntoView {
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="3" prop:value=value
                on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=input_type prop:value=value
                on:input=move |ev| set.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {input}
        </div>
    }
}

/// Binds one text of the language being edited.
fn text_of(
    draft: RwSignal<FormDesign>,
    lang: RwSignal<FormLang>,
    get: fn(&FormTexts) -> &String,
    set: fn(&mut FormTexts, String),
) -> (Signal<String>, Callback<String>) {
    let value = Signal::derive(move || {
        let lang = lang.get();
        draft.with(|d| {
            d.texts
                .get(&lang)
                .map(|t| get(t).clone())
                .unwrap_or_default()
        })
    });
    let setter = Callback::new(move |v: String| {
        let lang = lang.get_untracked();
        draft.update(|d| {
            if let Some(t) = d.texts.get_mut(&lang) {
                set(t, v);
                d.untranslated.remove(&lang);
            }
        });
    });
    (value, setter)
}

#[component]
fn Languages(draft: RwSignal<FormDesign>, lang: RwSignal<FormLang>) -> impl IntoView {
    let new_code = RwSignal::new(String::new());
    let languages = move || draft.with(|d| d.texts.keys().cloned().collect::<Vec<_>>());
    // Every language the subject's side speaks that the form does not have yet.
    let addable = move || {
        draft.with(|d| {
            LANGUAGES
                .iter()
                .filter_map(|(code, _)| FormLang::parse(code).ok())
                .filter(|l| !d.texts.contains_key(l))
                .collect::<Vec<_>>()
        })
    };
    let name = |l: &FormLang| format!("{} ({l})", native_name(l.as_str()));
    let add = move |_| {
        let Ok(code) = FormLang::parse(&new_code.get_untracked()) else {
            return;
        };
        // A new language starts as a copy of the default one, marked untranslated until its
        // texts are edited.
        draft.update(|d| {
            if let Some(base) = d.texts.get(&d.default_lang).cloned()
                && !d.texts.contains_key(&code)
            {
                d.texts.insert(code.clone(), base);
                d.untranslated.insert(code.clone());
            }
        });
        lang.set(code);
        new_code.set(String::new());
    };
    let untranslated = move || draft.with(|d| d.untranslated.contains(&lang.get()));
    let mark_translated = move |_| {
        let code = lang.get_untracked();
        draft.update(|d| {
            d.untranslated.remove(&code);
        });
    };
    view! {
        <section class="card" aria-labelledby="languages-title">
            <h2 id="languages-title">{tr(Msg::FormLanguages)}</h2>
            <div class="grid-form">
                <div class="field">
                    <label for="edited-language">{tr(Msg::EditedLanguage)}</label>
                    <select id="edited-language"
                        on:change=move |ev| {
                            if let Ok(code) = FormLang::parse(&event_target_value(&ev)) {
                                lang.set(code);
                            }
                        }>
                        {move || languages().into_iter().map(|l| {
                            let selected = l == lang.get();
                            let mark = draft.with(|d| d.untranslated.contains(&l));
                            view! {
                                <option value=l.to_string() selected=selected>
                                    {name(&l)}{mark.then(|| view! { " · "{tr(Msg::LanguageUntranslated)} })}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="default-language">{tr(Msg::DefaultLanguage)}</label>
                    <select id="default-language"
                        on:change=move |ev| {
                            if let Ok(code) = FormLang::parse(&event_target_value(&ev)) {
                                draft.update(|d| d.default_lang = code);
                            }
                        }>
                        // A language still holding the untranslated copy is no default.
                        {move || languages().into_iter().map(|l| {
                            let selected = draft.with(|d| d.default_lang == l);
                            let copy = draft.with(|d| d.untranslated.contains(&l));
                            view! {
                                <option value=l.to_string() selected=selected disabled=copy>{name(&l)}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || untranslated().then(|| view! {
                <div class="notice warning" role="note" id="untranslated-note">
                    <p>{tr(Msg::UntranslatedNotice)}</p>
                    <button type="button" on:click=mark_translated>{tr(Msg::MarkTranslated)}</button>
                </div>
            })}
            <div class="inline-form">
                <div class="field">
                    <label for="new-language">{tr(Msg::LanguageToAdd)}</label>
                    <select id="new-language" on:change=move |ev| new_code.set(event_target_value(&ev))>
                        <option value="" selected=move || new_code.get().is_empty()>"—"</option>
                        {move || addable().into_iter().map(|l| {
                            view! { <option value=l.to_string()>{name(&l)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" on:click=add disabled=move || new_code.get().is_empty()>
                    {tr(Msg::AddLanguage)}
                </button>
            </div>
        </section>
    }
}

#[component]
fn Texts(draft: RwSignal<FormDesign>, lang: RwSignal<FormLang>) -> impl IntoView {
    type Getter = fn(&FormTexts) -> &String;
    type Setter = fn(&mut FormTexts, String);
    let fields: [(&str, Msg, Getter, Setter, bool); 9] = [
        (
            "title",
            Msg::FormTitleLabel,
            |t| &t.title,
            |t, v| t.title = v,
            false,
        ),
        (
            "intro",
            Msg::FormIntroLabel,
            |t| &t.intro,
            |t, v| t.intro = v,
            true,
        ),
        (
            "consent-statement",
            Msg::ConsentStatementLabel,
            |t| &t.consent_statement,
            |t, v| t.consent_statement = v,
            true,
        ),
        (
            "privacy-statement",
            Msg::PrivacyStatementLabel,
            |t| &t.privacy_statement,
            |t, v| t.privacy_statement = v,
            true,
        ),
        (
            "channels-heading",
            Msg::ChannelsHeadingLabel,
            |t| &t.channels_heading,
            |t, v| t.channels_heading = v,
            false,
        ),
        (
            "required-label",
            Msg::RequiredLabelLabel,
            |t| &t.required_label,
            |t, v| t.required_label = v,
            false,
        ),
        (
            "submit-label",
            Msg::SubmitLabelLabel,
            |t| &t.submit_label,
            |t, v| t.submit_label = v,
            false,
        ),
        (
            "stop-label",
            Msg::StopLabelLabel,
            |t| &t.stop_processing_label,
            |t, v| t.stop_processing_label = v,
            false,
        ),
        (
            "thanks",
            Msg::ThanksLabel,
            |t| &t.thanks,
            |t, v| t.thanks = v,
            true,
        ),
    ];
    view! {
        <section class="card" aria-labelledby="texts-title">
            <h2 id="texts-title">{tr(Msg::TextsHeading)}" ("{move || lang.get().to_string()}")"</h2>
            {fields.into_iter().map(|(id, label, get, set, multiline)| {
                let (value, set) = text_of(draft, lang, get, set);
                view! { <Bound id=format!("text-{id}") label value set multiline /> }
            }).collect_view()}
        </section>
    }
}

#[component]
fn Purposes(
    draft: RwSignal<FormDesign>,
    lang: RwSignal<FormLang>,
    choices: RwSignal<ConsentChoices>,
) -> impl IntoView {
    let keys = Memo::new(move |_| {
        draft.with(|d| d.purposes.iter().map(|p| p.key.clone()).collect::<Vec<_>>())
    });
    let new_key = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let add = move |_| {
        let key = new_key.get_untracked().trim().to_owned();
        if !is_purpose_key(&key) || keys.get_untracked().contains(&key) {
            invalid.set(true);
            return;
        }
        invalid.set(false);
        draft.update(|d| {
            d.purposes.push(Purpose {
                key: key.clone(),
                required: false,
                category: PurposeCategory::General,
            });
            // Every language gets the key as a placeholder, to be written properly.
            for texts in d.texts.values_mut() {
                texts.purposes.insert(
                    key.clone(),
                    PurposeText {
                        title: key.clone(),
                        description: key.clone(),
                    },
                );
            }
        });
        new_key.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="purposes-title">
            <h2 id="purposes-title">{tr(Msg::PurposesHeading)}</h2>
            <For each=move || keys.get() key=|k| k.clone() let:key>
                <PurposeRow key draft lang choices />
            </For>
            <div class="inline-form">
                <div class="field" class:invalid=move || invalid.get()>
                    <label for="new-purpose">{tr(Msg::PurposeKey)}</label>
                    <input id="new-purpose" bind:value=new_key
                        aria-invalid=move || invalid.get().to_string() />
                </div>
                <button type="button" on:click=add>{tr(Msg::AddPurpose)}</button>
            </div>
        </section>
    }
}

#[component]
fn PurposeRow(
    key: String,
    draft: RwSignal<FormDesign>,
    lang: RwSignal<FormLang>,
    choices: RwSignal<ConsentChoices>,
) -> impl IntoView {
    let key = StoredValue::new(key);
    let text = move |get: fn(&PurposeText) -> &String| {
        Signal::derive(move || {
            let lang = lang.get();
            draft.with(|d| {
                d.texts
                    .get(&lang)
                    .and_then(|t| t.purposes.get(&key.get_value()))
                    .map(|p| get(p).clone())
                    .unwrap_or_default()
            })
        })
    };
    let setter = move |set: fn(&mut PurposeText, String)| {
        Callback::new(move |v: String| {
            let lang = lang.get_untracked();
            draft.update(|d| {
                if let Some(p) = d
                    .texts
                    .get_mut(&lang)
                    .and_then(|t| t.purposes.get_mut(&key.get_value()))
                {
                    set(p, v);
                    d.untranslated.remove(&lang);
                }
            });
        })
    };
    let required = move || {
        draft.with(|d| {
            d.purposes
                .iter()
                .any(|p| p.key == key.get_value() && p.required)
        })
    };
    let toggle_required = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let k = key.get_value();
        draft.update(|d| {
            if let Some(p) = d.purposes.iter_mut().find(|p| p.key == k) {
                p.required = on;
            }
        });
        choices.update(|c| {
            if on {
                c.granted.insert(k);
            }
        });
    };
    let category = move || {
        draft.with(|d| {
            d.purposes
                .iter()
                .find(|p| p.key == key.get_value())
                .map(|p| p.category)
                .unwrap_or_default()
        })
    };
    let set_category = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        let k = key.get_value();
        if let Some(chosen) = PurposeCategory::ALL.into_iter().find(|c| c.code() == code) {
            draft.update(|d| {
                if let Some(p) = d.purposes.iter_mut().find(|p| p.key == k) {
                    p.category = chosen;
                }
            });
        }
    };
    let i18n = use_i18n();
    let remove = move |_| {
        let k = key.get_value();
        draft.update(|d| {
            d.purposes.retain(|p| p.key != k);
            for texts in d.texts.values_mut() {
                texts.purposes.remove(&k);
            }
        });
    };
    let k = key.get_value();
    view! {
        <fieldset class="purpose">
            <legend><code>{k.clone()}</code></legend>
            <Bound id=format!("purpose-{k}-title") label=Msg::PurposeTitle
                value=text(|p| &p.title) set=setter(|p, v| p.title = v) />
            <Bound id=format!("purpose-{k}-description") label=Msg::PurposeDescription
                value=text(|p| &p.description) set=setter(|p, v| p.description = v) multiline=true />
            <div class="choice">
                <input type="checkbox" id=format!("purpose-{k}-required")
                    prop:checked=required on:change=toggle_required />
                <label for=format!("purpose-{k}-required")>{tr(Msg::PurposeRequired)}</label>
            </div>
            <div class="field">
                <label for=format!("purpose-{k}-category")>{tr(Msg::PurposeCategoryLabel)}</label>
                <select id=format!("purpose-{k}-category") on:change=set_category>
                    {PurposeCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.code() selected=move || category() == c>
                            {move || category_name(i18n.lang(), c)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="button" class="danger" on:click=remove>
                {tr(Msg::Remove)}<span class="visually-hidden">" "{k.clone()}</span>
            </button>
        </fieldset>
    }
}

#[component]
fn Channels(draft: RwSignal<FormDesign>, lang: RwSignal<FormLang>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="channels-title">
            <h2 id="channels-title">{tr(Msg::ShownChannels)}</h2>
            {Channel::ALL.into_iter().map(|channel| {
                let shown = move || draft.with(|d| d.channels.contains(&channel));
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    draft.update(|d| {
                        d.channels.retain(|c| *c != channel);
                        if on {
                            d.channels.push(channel);
                            d.channels.sort();
                        }
                    });
                };
                let value = Signal::derive(move || {
                    let lang = lang.get();
                    draft.with(|d| {
                        d.texts
                            .get(&lang)
                            .and_then(|t| t.channel_labels.get(&channel).cloned())
                            .unwrap_or_default()
                    })
                });
                let set = Callback::new(move |v: String| {
                    let lang = lang.get_untracked();
                    draft.update(|d| {
                        if let Some(t) = d.texts.get_mut(&lang) {
                            t.channel_labels.insert(channel, v);
                            d.untranslated.remove(&lang);
                        }
                    });
                });
                let id = format!("channel-{}", channel.code());
                view! {
                    <div class="channel-row">
                        <div class="choice">
                            <input type="checkbox" id=id.clone() prop:checked=shown on:change=toggle />
                            <label for=id.clone()>{move || channel_name(i18n.lang(), channel)}</label>
                        </div>
                        <Bound id=format!("{id}-label") label=Msg::ChannelLabelFor value set />
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn Appearance(draft: RwSignal<FormDesign>) -> impl IntoView {
    let optional = |get: fn(&FormDesign) -> &Option<String>,
                    set: fn(&mut FormDesign, Option<String>)| {
        (
            Signal::derive(move || draft.with(|d| get(d).clone().unwrap_or_default())),
            Callback::new(move |v: String| {
                let v = v.trim().to_owned();
                draft.update(|d| set(d, (!v.is_empty()).then_some(v)));
            }),
        )
    };
    let (policy, set_policy) = optional(|d| &d.policy_url, |d, v| d.policy_url = v);
    let (logo, set_logo) = optional(|d| &d.logo_url, |d, v| d.logo_url = v);
    let colour = Signal::derive(move || draft.with(|d| d.brand_colour.clone()));
    let set_colour = Callback::new(move |v: String| draft.update(|d| d.brand_colour = v));
    view! {
        <section class="card" aria-labelledby="appearance-title">
            <h2 id="appearance-title">{tr(Msg::AppearanceHeading)}</h2>
            <Bound id="policy-url".to_owned() label=Msg::PolicyUrl value=policy set=set_policy input_type="url" />
            <Bound id="logo-url".to_owned() label=Msg::LogoUrl value=logo set=set_logo input_type="url" />
            <Bound id="brand-colour".to_owned() label=Msg::BrandColour value=colour set=set_colour input_type="color" />
        </section>
    }
}
