//! The public pages a data subject opens: the hosted consent page at `/c/{token}`. A bundle of
//! its own, far smaller than the admin app; the form itself is the shared
//! [`consentry_ui::ConsentFormView`], so the subject sees exactly what the editor previewed.

use consentry_model::{
    ErrorBody,
    consent::{
        ConsentDecision, ConsentOutcome, ConsentPage, ConsentSubmission, ReceiptCheck,
        ReceiptSummary,
    },
    forms::{ConsentChoices, FormLang},
};
use consentry_ui::{ConsentFormView, Decision};
use gloo_net::http::{Request, Response};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by the generated JavaScript once the WebAssembly is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(Site);
}

/// The few words of the page around the form, in English or Dutch (the form brings its own
/// texts in every language it has).
#[derive(Debug, Clone, Copy)]
enum Word {
    Loading,
    Language,
    Expired,
    Spent,
    Unknown,
    Failed,
    NotFound,
    Receipt,
    NewLink,
    NewLinkSent,
    VerifyTitle,
    VerifyIntro,
    VerifyLabel,
    VerifyButton,
    VerifyValid,
    VerifyInvalid,
    CheckReceipt,
}

fn word(lang: &str, word: Word) -> &'static str {
    let dutch = lang == "nl";
    match (word, dutch) {
        (Word::Loading, false) => "Loading…",
        (Word::Loading, true) => "Bezig met laden…",
        (Word::Language, false) => "Language",
        (Word::Language, true) => "Taal",
        (Word::Expired, false) => {
            "This link has expired. Ask the organisation that sent it for a new one."
        }
        (Word::Expired, true) => {
            "Deze link is verlopen. Vraag de organisatie die hem stuurde om een nieuwe."
        }
        (Word::Spent, false) => {
            "Your answer through this link was recorded. To change it, ask the organisation for a new link."
        }
        (Word::Spent, true) => {
            "Uw antwoord via deze link is vastgelegd. Vraag de organisatie om een nieuwe link om het te wijzigen."
        }
        (Word::Unknown, false) => "This link is not valid. Check that you copied it completely.",
        (Word::Unknown, true) => {
            "Deze link is niet geldig. Controleer of u hem volledig hebt gekopieerd."
        }
        (Word::Failed, false) => "Your choice could not be saved. Try again in a moment.",
        (Word::Failed, true) => "Uw keuze kon niet worden opgeslagen. Probeer het zo opnieuw.",
        (Word::NotFound, false) => "There is no page here.",
        (Word::NotFound, true) => "Hier is geen pagina.",
        (Word::Receipt, false) => "Download your signed consent receipt",
        (Word::Receipt, true) => "Download uw ondertekende toestemmingsbewijs",
        (Word::NewLink, false) => "Send me a new link",
        (Word::NewLink, true) => "Stuur mij een nieuwe link",
        (Word::NewLinkSent, false) => {
            "If this link was ours, a new one is on its way to the address it was sent to."
        }
        (Word::NewLinkSent, true) => {
            "Als deze link van ons was, is er een nieuwe onderweg naar het adres waar hij heen ging."
        }
        (Word::VerifyTitle, false) => "Check a consent receipt",
        (Word::VerifyTitle, true) => "Een toestemmingsbewijs controleren",
        (Word::VerifyIntro, false) => {
            "Paste the contents of a receipt file (consent-receipt.jws). Its signature shows whether it is exactly what the organisation issued."
        }
        (Word::VerifyIntro, true) => {
            "Plak de inhoud van een bewijsbestand (consent-receipt.jws). De handtekening laat zien of het precies is wat de organisatie uitgaf."
        }
        (Word::VerifyLabel, false) => "Receipt",
        (Word::VerifyLabel, true) => "Bewijs",
        (Word::VerifyButton, false) => "Check",
        (Word::VerifyButton, true) => "Controleren",
        (Word::VerifyValid, false) => "Valid: signed by",
        (Word::VerifyValid, true) => "Geldig: ondertekend door",
        (Word::VerifyInvalid, false) => {
            "Not valid: this receipt was altered, or was not issued by this service."
        }
        (Word::VerifyInvalid, true) => {
            "Niet geldig: dit bewijs is gewijzigd, of is niet door deze dienst uitgegeven."
        }
        (Word::CheckReceipt, false) => "Check a receipt",
        (Word::CheckReceipt, true) => "Een bewijs controleren",
    }
}

/// The language the page opens in: the link's `?lang=nl` (chosen by the organisation's
/// e-mail template for this subject), else the browser's.
fn preferred_lang() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|query| {
            query
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang="))
                .and_then(|code| FormLang::parse(code).ok())
        })
        .map(String::from)
        .unwrap_or_else(browser_lang)
}

/// The browser's preferred language as a two-letter code.
fn browser_lang() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|l| l.chars().take(2).collect::<String>().to_lowercase())
        .unwrap_or_else(|| "en".into())
}

/// Why a call failed: the server's error code, or none when it could not be reached.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Failure(Option<String>);

async fn read<T: serde::de::DeserializeOwned>(response: Response) -> Result<T, Failure> {
    if response.ok() {
        response.json::<T>().await.map_err(|_| Failure(None))
    } else {
        let body = response.json::<ErrorBody>().await.ok();
        Err(Failure(body.map(|b| b.error)))
    }
}

async fn load(token: String) -> Result<ConsentPage, Failure> {
    let response = Request::get(&format!("/api/public/consent/{token}"))
        .send()
        .await
        .map_err(|_| Failure(None))?;
    read(response).await
}

async fn answer(token: String, submission: ConsentSubmission) -> Result<ConsentOutcome, Failure> {
    let response = Request::post(&format!("/api/public/consent/{token}"))
        .header("x-requested-with", "consentry")
        .json(&submission)
        .map_err(|_| Failure(None))?
        .send()
        .await
        .map_err(|_| Failure(None))?;
    read(response).await
}

#[component]
fn Site() -> impl IntoView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if path == "/receipts/verify" {
        return view! { <VerifyReceipt /> }.into_any();
    }
    match path.strip_prefix("/c/").filter(|t| !t.is_empty()) {
        Some(token) => view! { <HostedConsent token=token.to_owned() /> }.into_any(),
        None => {
            view! { <main><p class="notice">{word(&browser_lang(), Word::NotFound)}</p></main> }
                .into_any()
        }
    }
}

/// The hosted consent page for one link.
#[component]
fn HostedConsent(token: String) -> impl IntoView {
    let browser = preferred_lang();
    let page = LocalResource::new({
        let token = token.clone();
        move || load(token.clone())
    });
    let chrome = browser.clone();
    view! {
        <main>
            {move || match page.get() {
                None => view! { <p role="status">{word(&chrome, Word::Loading)}</p> }.into_any(),
                Some(Err(Failure(code))) => {
                    let text = match code.as_deref() {
                        Some("link_expired") => Word::Expired,
                        Some("link_spent") => Word::Spent,
                        Some("not_found") => Word::Unknown,
                        _ => Word::Failed,
                    };
                    let renewable = matches!(text, Word::Expired | Word::Unknown);
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
            let answer = match Request::post("/api/public/receipts/verify")
                .header("x-requested-with", "consentry")
                .json(&receipt)
            {
                Ok(request) => match request.send().await {
                    Ok(response) => read(response).await,
                    Err(_) => Err(Failure(None)),
                },
                Err(_) => Err(Failure(None)),
            };
            result.set(Some(answer));
        });
    };
    let w = move |k| word(&lang, k);
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
                            <p>{s.decision}" · "{s.at}" · v"{s.form_version}</p>
                            <ul>
                                {s.purposes.into_iter().map(|(p, st)| view! { <li>{p}": "{st}</li> }).collect_view()}
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
            let _ = Request::post(&format!("/api/public/consent/{}/renew", token.get_value()))
                .header("x-requested-with", "consentry")
                .send()
                .await;
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
    let start_lang = FormLang::parse(&browser)
        .ok()
        .filter(|l| design.texts.contains_key(l))
        .unwrap_or_else(|| design.default_lang.clone());
    let lang = RwSignal::new(start_lang);
    let languages: Vec<FormLang> = design.texts.keys().cloned().collect();
    let design = Signal::stored(design);
    let choices = RwSignal::new(page.choices.clone());
    let outcome = RwSignal::new(None::<Result<ConsentOutcome, Failure>>);
    let token = StoredValue::new(token);
    Effect::new(move || {
        let title = design.with(|d| {
            d.texts_for(Some(&lang.get()))
                .map(|(_, t)| t.title.clone())
                .unwrap_or_default()
        });
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.get().as_str());
            }
        }
    });
    let decide = Callback::new(move |decision: Decision| {
        let submission = ConsentSubmission {
            lang: lang.get_untracked(),
            choices: match decision {
                Decision::Save => choices.get_untracked(),
                Decision::StopProcessing => ConsentChoices::default(),
            },
            decision: match decision {
                Decision::Save => ConsentDecision::Save,
                Decision::StopProcessing => ConsentDecision::StopProcessing,
            },
        };
        spawn_local(async move {
            let result = answer(token.get_value(), submission).await;
            outcome.set(Some(result));
        });
    });
    let thanks = move || {
        design.with(|d| {
            d.texts_for(Some(&lang.get()))
                .map(|(_, t)| t.thanks.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <header class="site-header">
            <p>{page.organisation.clone()}</p>
            {(languages.len() > 1).then(|| view! {
                <div>
                    <label for="site-language" class="visually-hidden">
                        {move || word(lang.get().as_str(), Word::Language)}
                    </label>
                    <select id="site-language" on:change=move |ev| {
                        if let Ok(code) = FormLang::parse(&event_target_value(&ev)) {
                            lang.set(code);
                        }
                    }>
                        {languages.iter().map(|l| {
                            let selected = *l == lang.get_untracked();
                            view! { <option value=l.to_string() selected=selected>{l.to_string()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
        </header>
        {move || match outcome.get() {
            Some(Ok(done)) => {
                // The receipt is a compact JWS: base64url and dots only, safe in a data URL.
                let href = format!("data:application/jose;charset=utf-8,{}", done.receipt);
                view! {
                    <p class="notice success" role="status">{thanks()}</p>
                    <p>
                        <a href=href download="consent-receipt.jws">
                            {move || word(lang.get().as_str(), Word::Receipt)}
                        </a>
                        " · "
                        <a href="/receipts/verify">{move || word(lang.get().as_str(), Word::CheckReceipt)}</a>
                    </p>
                }
                .into_any()
            }
            Some(Err(Failure(code))) => {
                let text = match code.as_deref() {
                    Some("link_expired") => Word::Expired,
                    Some("link_spent") => Word::Spent,
                    _ => Word::Failed,
                };
                view! { <p class="notice error" role="alert">{word(lang.get().as_str(), text)}</p> }.into_any()
            }
            None => view! {
                <ConsentFormView design lang choices on_decide=decide />
            }
            .into_any(),
        }}
    }
}
