//! The public sign-up form (`/f/{organisation}/{form}`) and the page its confirmation link
//! opens (`/confirm/{token}`).

use consentry_model::{
    ErrorCode,
    consent::ConsentOutcome,
    forms::{ConsentChoices, FormLang},
    routes,
    signup::{SignUpConfirmation, SignUpOutcome, SignUpPage, SignUpSubmission},
};
use consentry_ui::{ConsentFormView, Decision};
use leptos::{prelude::*, task::spawn_local};

use consentry_ui::public::{
    Failure, ReceiptLinks, SiteHeader, UntranslatedNote, fetch, follow_document_lang,
    follow_language, follow_title, post, with_link_lang,
    words::{self, Word, kept_until as kept_until_text, page_lang, word},
};

/// Loads the form, then shows it.
#[component]
pub fn SignUp(organisation: String, form: String) -> impl IntoView {
    let chrome = page_lang();
    let path = routes::fill(routes::PUBLIC_SIGN_UP, &[&organisation, &form]);
    let page = LocalResource::new({
        let path = with_link_lang(&path);
        move || {
            let path = path.clone();
            async move {
                let page = fetch::<SignUpPage>(&path).await?;
                words::load(page.lang.as_str()).await;
                Ok::<_, Failure>(page)
            }
        }
    });
    view! {
        <main>
            {move || match page.get() {
                None => view! { <p role="status">{word(&chrome, Word::Loading)}</p> }.into_any(),
                Some(Err(failure)) => {
                    let text = if failure.code() == Some(ErrorCode::NotFound) { Word::NotOpen } else { Word::Failed };
                    view! { <p class="notice error" role="alert">{word(&chrome, text)}</p> }.into_any()
                }
                Some(Ok(page)) => view! { <SignUpForm page path=path.clone() /> }.into_any(),
            }}
        </main>
    }
}

/// A labelled input of the sign-up form with its error.
#[component]
fn Entry(
    id: &'static str,
    label: Word,
    value: RwSignal<String>,
    lang: RwSignal<FormLang>,
    error: Signal<Option<Word>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = false)] optional: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="entry">
            <label for=id>
                {move || word(lang.get().as_str(), label)}
                {optional.then(|| view! { " ("{move || word(lang.get().as_str(), Word::Optional)}")" })}
            </label>
            <input id=id type=input_type autocomplete=autocomplete bind:value=value
                required=!optional
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone() />
            <p class="entry-error" id=error_id>{move || error.get().map(|w| word(lang.get().as_str(), w))}</p>
        </div>
    }
}

#[component]
fn SignUpForm(page: SignUpPage, path: String) -> impl IntoView {
    let design = page.design.clone();
    let lang = RwSignal::new(page.lang.clone());
    let languages = design.languages();
    let choices = RwSignal::new(ConsentChoices::initial(&design));
    let design = Signal::stored(design);
    follow_language(design, lang);
    // Sign-up wording, not the consent page's: "Sign up" and what one signs up for (the
    // form's purposes), also as the document's title.
    let heading = Signal::derive(move || {
        let code = lang.get();
        let purposes: Vec<String> = design.with(|d| {
            let texts = d.texts_for(Some(&code)).map(|(_, t)| t.clone());
            d.purposes
                .iter()
                .filter_map(|p| {
                    texts
                        .as_ref()?
                        .purposes
                        .get(&p.key)
                        .map(|t| t.title.clone())
                })
                .collect()
        });
        let sign_up = word(code.as_str(), Word::SignUp);
        if purposes.is_empty() {
            sign_up.to_owned()
        } else {
            format!("{sign_up}: {}", purposes.join(", "))
        }
    });
    Effect::new(move || {
        let title = heading.get();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
    let submit_label = Signal::derive(move || word(lang.get().as_str(), Word::SignUp).to_owned());
    // What is stored, and until when (double opt-in: deleted unless confirmed).
    let kept_until = page.kept_until;
    let note = Signal::derive(move || {
        let code = lang.get();
        match kept_until {
            Some(day) => format!(
                "{} {}",
                word(code.as_str(), Word::SignUpStored),
                kept_until_text(code.as_str(), day)
            ),
            None => String::new(),
        }
    });
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<SignUpOutcome, Failure>>);
    let field_error = move |fields: &'static [&'static str], text: Word| {
        Signal::derive(move || match outcome.get() {
            Some(Err(f)) if f.field.as_deref().is_some_and(|n| fields.contains(&n)) => Some(text),
            _ => None,
        })
    };
    let version = page.version;
    let path = StoredValue::new(path);
    let decide = Callback::new(move |_: Decision| {
        let optional = |v: String| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        let submission = SignUpSubmission {
            lang: lang.get_untracked(),
            version,
            first_name: optional(first_name.get_untracked()),
            last_name: optional(last_name.get_untracked()),
            email: email.get_untracked().trim().to_owned(),
            choices: choices.get_untracked(),
        };
        spawn_local(async move {
            outcome.set(Some(post(&path.get_value(), &submission).await));
        });
    });
    let thanks = move || {
        design.with(|d| {
            d.texts_for(Some(&lang.get()))
                .map(|(_, t)| t.thanks.clone())
                .unwrap_or_default()
        })
    };
    let fields = move || {
        view! {
            <div class="entries">
                <Entry id="signup-first-name" label=Word::FirstName value=first_name lang
                    error=field_error(&["first_name"], Word::NameInvalid) autocomplete="given-name" optional=true />
                <Entry id="signup-last-name" label=Word::LastName value=last_name lang
                    error=field_error(&["last_name"], Word::NameInvalid) autocomplete="family-name" optional=true />
                <Entry id="signup-email" label=Word::Email value=email lang input_type="email"
                    error=field_error(&["email"], Word::EmailInvalid) autocomplete="email" />
            </div>
        }
    };
    view! {
        <SiteHeader organisation=page.organisation.clone() languages lang />
        <UntranslatedNote design lang />
        {move || match outcome.get() {
            Some(Ok(SignUpOutcome::ConfirmationSent)) => view! {
                <div class="notice success" role="status" id="signup-sent">
                    <p>{word(lang.get().as_str(), Word::CheckInbox)}</p>
                    {kept_until.map(|day| view! { <p>{kept_until_text(lang.get().as_str(), day)}</p> })}
                </div>
            }
            .into_any(),
            Some(Ok(SignUpOutcome::Recorded(done))) => view! {
                <p class="notice success" role="status">{thanks()}</p>
                <ReceiptLinks receipt=done.receipt lang />
            }
            .into_any(),
            failed => {
                let problem = failed.and_then(Result::err).map(|f| match (f.code(), f.field.as_deref()) {
                    (_, Some("choices.granted" | "choices.channels")) => Word::ChooseRequired,
                    (Some(ErrorCode::InvalidField), Some(_)) => Word::Failed,
                    (Some(ErrorCode::FormChanged), _) => Word::FormChanged,
                    (Some(ErrorCode::TooManyRequests), _) => Word::TooMany,
                    (Some(ErrorCode::NotFound), _) => Word::NotOpen,
                    _ => Word::Failed,
                });
                // A field's error is shown beside it; other problems above the buttons.
                let named_field = matches!(
                    outcome.get_untracked(),
                    Some(Err(Failure { field: Some(ref f), .. }))
                        if ["email", "first_name", "last_name"].contains(&f.as_str())
                );
                view! {
                    <div role="alert">
                        {problem.filter(|_| !named_field).map(|w| view! {
                            <p class="notice error">{word(lang.get_untracked().as_str(), w)}</p>
                        })}
                    </div>
                    <ConsentFormView design lang choices on_decide=decide stop_processing=false
                        id_prefix="signup" heading submit_label note>
                        {fields()}
                    </ConsentFormView>
                }
                .into_any()
            }
        }}
    }
}

/// The page a confirmation link opens: what is being confirmed, and one button.
#[component]
pub fn Confirm(token: String) -> impl IntoView {
    let chrome = page_lang();
    let path = routes::fill(routes::PUBLIC_SIGN_UP_CONFIRMATION, &[&token]);
    let shown = LocalResource::new({
        let path = path.clone();
        move || {
            let path = path.clone();
            async move {
                let sign_up = fetch::<SignUpConfirmation>(&path).await?;
                // The page speaks the language the subject signed up in.
                words::load(sign_up.lang.as_str()).await;
                Ok::<_, Failure>(sign_up)
            }
        }
    });
    let problem = move |failure: &Failure| match failure.code() {
        Some(ErrorCode::LinkExpired) => Word::SignUpExpired,
        Some(ErrorCode::LinkSpent) => Word::SignUpSpent,
        Some(ErrorCode::NotFound) => Word::Unknown,
        _ => Word::Failed,
    };
    view! {
        <main>
            {move || match shown.get() {
                None => view! { <p role="status">{word(&chrome, Word::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! {
                    <p class="notice error" role="alert">{word(&chrome, problem(&failure))}</p>
                }
                .into_any(),
                Some(Ok(sign_up)) => view! { <ConfirmSignUp sign_up path=path.clone() problem /> }
                    .into_any(),
            }}
        </main>
    }
}

#[component]
fn ConfirmSignUp(
    sign_up: SignUpConfirmation,
    path: String,
    problem: impl Fn(&Failure) -> Word + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = RwSignal::new(sign_up.lang.clone());
    follow_document_lang(lang);
    follow_title(lang, Word::ConfirmTitle);
    let outcome = RwSignal::new(None::<Result<ConsentOutcome, Failure>>);
    let path = StoredValue::new(path);
    let confirm = move |_| {
        spawn_local(async move {
            outcome.set(Some(post(&path.get_value(), &()).await));
        });
    };
    let w = move |k| word(lang.get().as_str(), k);
    view! {
        <header class="site-header"><p>{sign_up.organisation.clone()}</p></header>
        <h1>{w(Word::ConfirmTitle)}</h1>
        <p>{sign_up.title.clone()}</p>
        {move || match outcome.get() {
            Some(Ok(done)) => view! {
                <p class="notice success" role="status">{w(Word::Confirmed)}</p>
                <ReceiptLinks receipt=done.receipt lang />
            }
            .into_any(),
            Some(Err(failure)) => view! {
                <p class="notice error" role="alert">{w(problem(&failure))}</p>
            }
            .into_any(),
            None => view! {
                <button type="button" class="renew" on:click=confirm>{w(Word::ConfirmButton)}</button>
            }
            .into_any(),
        }}
    }
}
