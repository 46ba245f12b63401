//! The privacy centre (`/privacy/{organisation}`): a data subject chooses the right they want
//! to exercise, enters their e-mail address, and proves it with the six-digit code mailed to
//! it; the request is then filed with the organisation. A bundle of its own.

use consentry_model::{
    ErrorCode,
    forms::FormLang,
    requests::{
        ChallengeAnswer, ChallengeSent, PortalRequest, PrivacyCentre, RequestFiled, RequestType,
    },
    routes,
};
use consentry_ui::public::{
    Failure, LanguageSwitch, fetch, follow_document_lang, follow_title, page_form_lang, post,
    with_link_lang,
    words::{self, Word, word, word_with},
};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by the generated JavaScript once the WebAssembly is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(PrivacySite);
}

#[component]
fn PrivacySite() -> impl IntoView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let organisation = path
        .strip_prefix("/privacy/")
        .filter(|o| !o.is_empty() && !o.contains('/'))
        .map(str::to_owned);
    let lang = RwSignal::new(page_form_lang());
    follow_document_lang(lang);
    follow_title(lang, Word::PrivacyTitle);
    match organisation {
        Some(organisation) => view! { <Centre organisation lang /> }.into_any(),
        None => view! {
            <main><p class="notice">{word(lang.get_untracked().as_str(), Word::PrivacyNotFound)}</p></main>
        }
        .into_any(),
    }
}

#[component]
fn Centre(organisation: String, lang: RwSignal<FormLang>) -> impl IntoView {
    let path = routes::fill(routes::PUBLIC_PRIVACY, &[&organisation]);
    let centre = LocalResource::new({
        let path = with_link_lang(&path);
        move || {
            let path = path.clone();
            async move {
                let centre = fetch::<PrivacyCentre>(&path).await?;
                if words::load(centre.lang.as_str()).await {
                    lang.set(centre.lang.clone());
                }
                Ok::<_, Failure>(centre)
            }
        }
    });
    let w = move |k| word(lang.get().as_str(), k);
    view! {
        <main>
            <header class="site-header">
                <p>{move || centre.get().and_then(Result::ok).map(|c| c.organisation)}</p>
                {move || centre.get().and_then(Result::ok).map(|c| view! {
                    <LanguageSwitch languages=c.languages lang />
                })}
            </header>
            {move || match centre.get() {
                None => view! { <p role="status">{w(Word::Loading)}</p> }.into_any(),
                Some(Err(failure)) => {
                    let text = if failure.code() == Some(ErrorCode::NotFound) { Word::PrivacyNotFound } else { Word::PrivacyFailed };
                    view! { <p class="notice error" role="alert">{w(text)}</p> }.into_any()
                }
                Some(Ok(centre)) => view! { <Ask path=path.clone() centre lang /> }.into_any(),
            }}
        </main>
    }
}

/// Step one: what, and the address; step two: the code.
#[component]
fn Ask(path: String, centre: PrivacyCentre, lang: RwSignal<FormLang>) -> impl IntoView {
    let w = move |k| word(lang.get().as_str(), k);
    let kind = RwSignal::new(RequestType::Access);
    let email = RwSignal::new(String::new());
    let details = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Failure>);
    let sent = RwSignal::new(None::<ChallengeSent>);
    let path = StoredValue::new(path);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let request = PortalRequest {
            kind: kind.get_untracked(),
            email: email.get_untracked().trim().to_owned(),
            details: Some(details.get_untracked()).filter(|d| !d.trim().is_empty()),
            lang: lang.get_untracked(),
        };
        spawn_local(async move {
            match post::<_, ChallengeSent>(&path.get_value(), &request).await {
                Ok(challenge) => sent.set(Some(challenge)),
                Err(failure) => problem.set(Some(failure)),
            }
        });
    };
    let field_problem = move |field: &'static str| {
        move || {
            problem
                .get()
                .filter(|f| f.field.as_deref() == Some(field))
                .map(|_| {
                    if field == "email" {
                        w(Word::EmailInvalid)
                    } else {
                        w(Word::PrivacyDetailsNeeded)
                    }
                })
        }
    };
    view! {
        <h1>{move || w(Word::PrivacyTitle)}</h1>
        <p>{move || word_with(lang.get().as_str(), Word::PrivacyIntro, &[("organisation", &centre.organisation)])}</p>
        {move || match sent.get() {
            Some(challenge) => view! { <Code challenge lang /> }.into_any(),
            None => view! {
                <form on:submit=submit novalidate>
                    <fieldset class="choices">
                        <legend>{move || w(Word::PrivacyWhatToDo)}</legend>
                        {RequestType::ALL.into_iter().map(|k| {
                            let id = format!("kind-{}", serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default());
                            view! {
                                <div class="choice">
                                    <input type="radio" name="kind" id=id.clone()
                                        prop:checked=move || kind.get() == k
                                        on:change=move |_| kind.set(k) />
                                    <label for=id>{move || w(right(k).0)}</label>
                                    <p class="choice-description">
                                        {move || w(right(k).1)}" "
                                        <span class="law">{move || w(right(k).2)}</span>
                                    </p>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="entry">
                        <label for="privacy-email">{move || w(Word::PrivacyEmail)}</label>
                        <input id="privacy-email" type="email" autocomplete="email" bind:value=email
                            required=true aria-describedby="privacy-email-hint privacy-email-error"
                            aria-invalid=move || if field_problem("email")().is_some() { "true" } else { "false" } />
                        <p class="hint" id="privacy-email-hint">{move || w(Word::PrivacyEmailHint)}</p>
                        <p class="entry-error" id="privacy-email-error">{field_problem("email")}</p>
                    </div>
                    <div class="entry">
                        <label for="privacy-details">
                            {move || w(if kind.get() == RequestType::Rectification { Word::PrivacyWhatIsWrong } else { Word::PrivacyDetails })}
                        </label>
                        <textarea id="privacy-details" rows="4" bind:value=details
                            aria-describedby="privacy-details-error"
                            aria-invalid=move || if field_problem("details")().is_some() { "true" } else { "false" }></textarea>
                        <p class="entry-error" id="privacy-details-error">{field_problem("details")}</p>
                    </div>
                    <div role="alert">
                        {move || problem.get().filter(|f| f.field.is_none()).map(|f| {
                            let text = match f.code() {
                                Some(ErrorCode::TooManyRequests) => Word::PrivacyTooMany,
                                _ => Word::PrivacyFailed,
                            };
                            view! { <p class="notice error">{w(text)}</p> }
                        })}
                    </div>
                    <button type="submit" class="renew">{move || w(Word::PrivacySendCode)}</button>
                </form>
            }
            .into_any(),
        }}
    }
}

/// Step two: the code from the mail.
#[component]
fn Code(challenge: ChallengeSent, lang: RwSignal<FormLang>) -> impl IntoView {
    let w = move |k| word(lang.get().as_str(), k);
    let code = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<RequestFiled, Failure>>);
    let path = routes::fill(
        routes::PUBLIC_PRIVACY_CHALLENGE,
        &[&challenge.challenge.to_string()],
    );
    let path = StoredValue::new(path);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answer = ChallengeAnswer {
            code: code.get_untracked().trim().to_owned(),
        };
        spawn_local(async move {
            outcome.set(Some(post(&path.get_value(), &answer).await));
        });
    };
    let wrong =
        move || matches!(outcome.get(), Some(Err(ref f)) if f.field.as_deref() == Some("code"));
    view! {
        {move || match outcome.get() {
            Some(Ok(filed)) => view! {
                <div class="notice success" role="status" id="request-filed">
                    <p>{move || word_with(lang.get().as_str(), Word::PrivacyFiled, &[("date", &filed.due_on.to_string())])}</p>
                    <p>{move || w(Word::PrivacyComplaint)}</p>
                </div>
            }
            .into_any(),
            Some(Err(failure)) if failure.field.is_none() => {
                let text = match failure.code() {
                    Some(ErrorCode::CodeExpired) => Word::PrivacyCodeExpired,
                    Some(ErrorCode::TooManyAttempts) => Word::PrivacyCodeLocked,
                    Some(ErrorCode::CodeUsed) => Word::PrivacyCodeUsed,
                    _ => Word::PrivacyFailed,
                };
                view! { <p class="notice error" role="alert">{w(text)}</p> }.into_any()
            }
            _ => view! {
                <p role="status" class="notice">{move || w(Word::PrivacyCodeSent)}</p>
                <form on:submit=confirm novalidate>
                    <div class="entry">
                        <label for="privacy-code">{move || w(Word::PrivacyCode)}</label>
                        <input id="privacy-code" inputmode="numeric" autocomplete="one-time-code"
                            maxlength="6" bind:value=code aria-describedby="privacy-code-error"
                            aria-invalid=move || if wrong() { "true" } else { "false" } />
                        <p class="entry-error" id="privacy-code-error" role="alert">
                            {move || wrong().then(|| w(Word::PrivacyWrongCode))}
                        </p>
                    </div>
                    <button type="submit" class="renew">{move || w(Word::PrivacyConfirm)}</button>
                </form>
            }
            .into_any(),
        }}
    }
}

/// A right's button, what it means, and the law's name for it.
fn right(kind: RequestType) -> (Word, Word, Word) {
    match kind {
        RequestType::Access => (
            Word::RightAccessTitle,
            Word::RightAccessMeaning,
            Word::RightAccessLaw,
        ),
        RequestType::Rectification => (
            Word::RightRectificationTitle,
            Word::RightRectificationMeaning,
            Word::RightRectificationLaw,
        ),
        RequestType::Portability => (
            Word::RightPortabilityTitle,
            Word::RightPortabilityMeaning,
            Word::RightPortabilityLaw,
        ),
        RequestType::Erasure => (
            Word::RightErasureTitle,
            Word::RightErasureMeaning,
            Word::RightErasureLaw,
        ),
        RequestType::StopProcessing => (
            Word::RightRestrictionTitle,
            Word::RightRestrictionMeaning,
            Word::RightRestrictionLaw,
        ),
        RequestType::Objection => (
            Word::RightObjectTitle,
            Word::RightObjectMeaning,
            Word::RightObjectLaw,
        ),
    }
}
