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
        Failure, ReceiptLinks, SiteHeader, browser_lang, call, fetch, follow_language, post,
        preferred_lang, start_lang,
        words::{Word, decision_word, word},
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
    view! { <main><p class="notice">{word(&browser_lang(), Word::NotFound)}</p></main> }.into_any()
}

/// The hosted consent page for one link.
#[component]
fn HostedConsent(token: String) -> impl IntoView {
    let browser = preferred_lang();
    let page = LocalResource::new({
        let token = token.clone();
        move || {
            let path = routes::fill(routes::PUBLIC_CONSENT, &[&token]);
            async move { fetch::<ConsentPage>(&path).await }
        }
    });
    let chrome = browser.clone();
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
                Some(Ok(page)) => view! { <Answer page token=token.clone() browser=browser.clone() /> }
                    .into_any(),
            }}
        </main>
    }
}

/// Checks a receipt's signature with the server and shows what it says.
#[component]
fn VerifyReceipt() -> impl IntoView {
    let lang = browser_lang();
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
    let w = {
        let lang = lang.clone();
        move |k| word(&lang, k)
    };
    view! {
        <main>
            <h1>{w(Word::VerifyTitle)}</h1>
            <p>{w(Word::VerifyIntro)}</p>
            <form on:submit=check>
                <label for="receipt-text">{w(Word::VerifyLabel)}</label>
                <textarea id="receipt-text" rows="6" bind:value=text></textarea>
                <button type="submit" class="renew">{w(Word::VerifyButton)}</button>
            </form>
            <div role="status">
                {move || result.get().map(|r| match r {
                    Ok(s) => view! {
                        <div class="notice success" id="receipt-result">
                            <p><strong>{w(Word::VerifyValid)}" "{s.controller}</strong></p>
                            <p>{decision_word(&lang, &s.decision)}" · "{s.at}" · "{w(Word::FormVersion)}" "{s.form_version}</p>
                            <ul>
                                {s.purposes.into_iter().map(|(p, st)| view! { <li>{p}": "{decision_word(&lang, &st)}</li> }).collect_view()}
                            </ul>
                            <p><code>{s.text_hash}</code></p>
                        </div>
                    }
                    .into_any(),
                    Err(_) => view! { <p class="notice error" id="receipt-result">{w(Word::VerifyInvalid)}</p> }
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
fn Answer(page: ConsentPage, token: String, browser: String) -> impl IntoView {
    let design = page.design.clone();
    let lang = RwSignal::new(start_lang(&design, &browser));
    let languages: Vec<FormLang> = design.texts.keys().cloned().collect();
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
                format!("{} {titles}.", word(code, Word::RecordedGranted))
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
        {recipient.map(|address| view! {
            <p class="whose-link" id="whose-link">
                {move || w(Word::WhoseLink)}" "<strong>{address}</strong>". "
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
