//! The hosted consent page a data subject opens from a consent link (`/c/{token}`), and the
//! receipt check (`/receipts/verify`). A bundle of its own, far smaller than the admin app;
//! the form itself is the shared [`consentry_ui::ConsentFormView`], so the subject sees
//! exactly what the editor previewed. The sign-up form is another bundle
//! (`consentry-signup`).

use consentry_model::{
    ErrorCode,
    consent::{
        ConsentDecision, ConsentOutcome, ConsentPage, ConsentSubmission, ReceiptCheck,
        ReceiptSummary,
    },
    forms::{ConsentChoices, FormLang},
    routes,
};
use consentry_ui::{
    ConfirmDialog, ConsentFormView, Decision,
    public::{
        Failure, LanguageSwitch, ReceiptLinks, SiteHeader, UntranslatedNote, call, fetch,
        follow_document_lang, follow_language, follow_title, page_form_lang, post, with_link_lang,
        words::{self, LANGUAGES, Word, decision_word, page_lang, word, word_with},
    },
};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by the generated JavaScript once the WebAssembly is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(Site);
}

#[component]
fn Site() -> impl IntoView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if path == "/receipts/verify" {
        return view! { <VerifyReceipt /> }.into_any();
    }
    if let Some(token) = path.strip_prefix("/c/").filter(|t| !t.is_empty()) {
        return view! { <HostedConsent token=token.to_owned() /> }.into_any();
    }
    view! { <main><p class="notice">{word(&page_lang(), Word::NotFound)}</p></main> }.into_any()
}

/// The hosted consent page for one link.
#[component]
fn HostedConsent(token: String) -> impl IntoView {
    let chrome = page_lang();
    let page = LocalResource::new({
        let token = token.clone();
        move || {
            let path = with_link_lang(&routes::fill(routes::PUBLIC_CONSENT, &[&token]));
            async move {
                let page = fetch::<ConsentPage>(&path).await?;
                // The form's language may not be the one the page opened in.
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
                    let text = match failure.code() {
                        Some(ErrorCode::LinkExpired) => Word::Expired,
                        Some(ErrorCode::LinkRevoked) => Word::Revoked,
                        Some(ErrorCode::LinkSpent) => Word::Spent,
                        Some(ErrorCode::NotFound) => Word::Unknown,
                        _ => Word::Failed,
                    };
                    let renewable = matches!(text, Word::Expired | Word::Revoked | Word::Unknown);
                    view! {
                        <p class="notice error" role="alert">{word(&chrome, text)}</p>
                        {renewable.then(|| view! { <RenewLink token=token.clone() lang=chrome.clone() /> })}
                    }
                    .into_any()
                }
                Some(Ok(page)) => view! { <Answer page token=token.clone() /> }
                    .into_any(),
            }}
        </main>
    }
}

/// Checks a receipt's signature with the server and shows what it says.
#[component]
fn VerifyReceipt() -> impl IntoView {
    let lang = RwSignal::new(page_form_lang());
    follow_title(lang, Word::VerifyTitle);
    // Any receipt, any reader: every language spoken here.
    let languages: Vec<FormLang> = LANGUAGES
        .iter()
        .filter_map(|(code, _)| FormLang::parse(code).ok())
        .collect();
    follow_document_lang(lang);
    let text = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<ReceiptSummary, Failure>>);
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let receipt = ReceiptCheck {
            receipt: text.get_untracked().trim().to_owned(),
        };
        spawn_local(async move {
            result.set(Some(post(routes::PUBLIC_RECEIPTS_VERIFY, &receipt).await));
        });
    };
    let w = move |k| word(lang.get().as_str(), k);
    view! {
        <header class="site-header">
            <LanguageSwitch languages lang />
        </header>
        <main>
            <h1>{move || w(Word::VerifyTitle)}</h1>
            <p>{move || w(Word::VerifyIntro)}</p>
            <form on:submit=check>
                <label for="receipt-text">{move || w(Word::VerifyLabel)}</label>
                <textarea id="receipt-text" rows="6" bind:value=text></textarea>
                <button type="submit" class="renew">{move || w(Word::VerifyButton)}</button>
            </form>
            <div role="status">
                {move || result.get().map(|r| match r {
                    Ok(s) => view! {
                        <div class="notice success" id="receipt-result">
                            <p><strong>{move || word_with(lang.get().as_str(), Word::VerifyValid, &[("controller", &s.controller)])}</strong></p>
                            <p>{move || decision_word(lang.get().as_str(), &s.decision)}" · "{s.at}" · "{move || w(Word::FormVersion)}" "{s.form_version}</p>
                            <ul>
                                {s.purposes.into_iter().map(|(p, st)| view! { <li>{p}": "{move || decision_word(lang.get().as_str(), &st)}</li> }).collect_view()}
                            </ul>
                            <p><code>{s.text_hash}</code></p>
                        </div>
                    }
                    .into_any(),
                    Err(_) => view! { <p class="notice error" id="receipt-result">{move || w(Word::VerifyInvalid)}</p> }
                        .into_any(),
                })}
            </div>
        </main>
    }
}

/// Offers a new link for an expired (or unknown) one; the answer never says which it was.
#[component]
fn RenewLink(token: String, lang: String) -> impl IntoView {
    let sent = RwSignal::new(false);
    let token = StoredValue::new(token);
    let ask = move |_| {
        spawn_local(async move {
            let path = routes::fill(routes::PUBLIC_CONSENT_RENEW, &[&token.get_value()]);
            let _ = call(&path, Some("null".into())).await;
            sent.set(true);
        });
    };
    let done = word(&lang, Word::NewLinkSent);
    let button = word(&lang, Word::NewLink);
    view! {
        <div role="status">
            {move || sent.get().then(|| view! { <p class="notice success">{done}</p> })}
        </div>
        <Show when=move || !sent.get()>
            <button type="button" class="renew" on:click=ask>{button}</button>
        </Show>
    }
}

#[component]
fn Answer(page: ConsentPage, token: String) -> impl IntoView {
    let design = page.design.clone();
    let lang = RwSignal::new(page.lang.clone());
    let languages = design.languages();
    let design = Signal::stored(design);
    let choices = RwSignal::new(page.choices.clone());
    let outcome = RwSignal::new(None::<Result<ConsentOutcome, Failure>>);
    // What the subject sent, to say afterwards what was recorded.
    let sent = RwSignal::new(None::<(Decision, ConsentChoices)>);
    let asking_stop = RwSignal::new(false);
    let token = StoredValue::new(token);
    follow_language(design, lang);
    let send = move |decision: Decision| {
        let chosen = match decision {
            Decision::Save => choices.get_untracked(),
            Decision::StopProcessing => ConsentChoices::default(),
        };
        let submission = ConsentSubmission {
            lang: lang.get_untracked(),
            choices: chosen.clone(),
            decision: match decision {
                Decision::Save => ConsentDecision::Save,
                Decision::StopProcessing => ConsentDecision::StopProcessing,
            },
        };
        spawn_local(async move {
            let path = routes::fill(routes::PUBLIC_CONSENT, &[&token.get_value()]);
            let answer = post(&path, &submission).await;
            sent.set(Some((decision, chosen)));
            outcome.set(Some(answer));
        });
    };
    // Stopping processing is asked about first, in the page: it says what it means.
    let decide = Callback::new(move |decision: Decision| match decision {
        Decision::Save => send(Decision::Save),
        Decision::StopProcessing => asking_stop.set(true),
    });
    let stop_confirmed = Callback::new(move |()| send(Decision::StopProcessing));
    let thanks = move || {
        design.with(|d| {
            d.texts_for(Some(&lang.get()))
                .map(|(_, t)| t.thanks.clone())
                .unwrap_or_default()
        })
    };
    // What was recorded, in the subject's words: the purposes consented to, or the stop.
    let recorded = move || {
        let code = lang.get();
        let code = code.as_str();
        match sent.get() {
            Some((Decision::StopProcessing, _)) => word(code, Word::RecordedStop).to_owned(),
            Some((Decision::Save, chosen)) if chosen.granted.is_empty() => {
                word(code, Word::RecordedNothing).to_owned()
            }
            Some((Decision::Save, chosen)) => {
                let titles = design.with(|d| {
                    let texts = d
                        .texts_for(Some(&lang.get()))
                        .map(|(_, t)| t.purposes.clone());
                    chosen
                        .granted
                        .iter()
                        .map(|key| {
                            texts
                                .as_ref()
                                .and_then(|t| t.get(key))
                                .map_or(key.as_str(), |t| t.title.as_str())
                                .to_owned()
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                });
                word_with(code, Word::RecordedGranted, &[("purposes", &titles)])
            }
            None => String::new(),
        }
    };
    let done_ref = NodeRef::<leptos::html::Div>::new();
    // After saving, focus moves to what was recorded (the receipt link follows it).
    Effect::new(move || {
        if matches!(outcome.get(), Some(Ok(_)))
            && let Some(done) = done_ref.get()
        {
            let _ = done.focus();
        }
    });
    let w = move |k| word(lang.get().as_str(), k);
    let recipient = page.recipient.clone();
    view! {
        <SiteHeader organisation=page.organisation.clone() languages lang />
        <UntranslatedNote design lang />
        {recipient.map(|address| view! {
            <p class="whose-link" id="whose-link">
                {move || words::around(w(Word::WhoseLink), "address").0}
                <strong>{address}</strong>
                {move || words::around(w(Word::WhoseLink), "address").1}" "
                {move || w(Word::WhoseLinkNotYou)}
            </p>
        })}
        {move || match outcome.get() {
            Some(Ok(done)) => view! {
                <div class="notice success" id="answer-done" role="status" tabindex="-1" node_ref=done_ref>
                    <p>{recorded()}</p>
                    <p>{thanks()}</p>
                    <ReceiptLinks receipt=done.receipt lang />
                </div>
            }
            .into_any(),
            Some(Err(failure)) => {
                let text = match failure.code() {
                    Some(ErrorCode::LinkExpired) => Word::Expired,
                    Some(ErrorCode::LinkRevoked) => Word::Revoked,
                    Some(ErrorCode::LinkSpent) => Word::Spent,
                    _ => Word::Failed,
                };
                view! { <p class="notice error" role="alert">{word(lang.get().as_str(), text)}</p> }.into_any()
            }
            None => view! {
                <ConsentFormView design lang choices on_decide=decide />
            }
            .into_any(),
        }}
        <ConfirmDialog id="stop-confirm" open=asking_stop
            title=Signal::derive(move || w(Word::StopTitle).to_owned())
            confirm_label=Signal::derive(move || w(Word::StopConfirm).to_owned())
            cancel_label=Signal::derive(move || w(Word::Cancel).to_owned())
            on_confirm=stop_confirmed>
            <p>{move || w(Word::StopMeaning)}</p>
        </ConfirmDialog>
    }
}
