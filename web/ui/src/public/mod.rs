//! What every public page shares (the hosted consent page, the sign-up form, the receipt
//! check): calls to the public endpoints, the language the page opens in, the header with
//! its language switch, the receipt links, and the few words around the form in English and
//! Dutch. Each public page is a bundle of its own; these parts are compiled into each.

pub mod words;

use consentry_model::{ErrorCode, forms::FormLang};
use gloo_net::http::Request;
use leptos::prelude::*;

use words::{Word, word};

/// The language the page opens in: the link's `?lang=nl` (chosen by the organisation's
/// e-mail template for this subject), else the browser's.
pub fn preferred_lang() -> String {
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
pub fn browser_lang() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|l| l.chars().take(2).collect::<String>().to_lowercase())
        .unwrap_or_else(|| "en".into())
}

/// The codes the public pages tell apart, with their names. Any other reads as
/// [`ErrorCode::Other`]: a public page carries these ten names, not the table of every code
/// the admin app knows (its size budget).
const PUBLIC_CODES: [(&str, ErrorCode); 10] = [
    ("not_found", ErrorCode::NotFound),
    ("invalid_field", ErrorCode::InvalidField),
    ("too_many_requests", ErrorCode::TooManyRequests),
    ("link_expired", ErrorCode::LinkExpired),
    ("link_revoked", ErrorCode::LinkRevoked),
    ("link_spent", ErrorCode::LinkSpent),
    ("form_changed", ErrorCode::FormChanged),
    ("code_expired", ErrorCode::CodeExpired),
    ("code_used", ErrorCode::CodeUsed),
    ("too_many_attempts", ErrorCode::TooManyAttempts),
];

// The names are the model's, checked when this is compiled.
const _: () = {
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    let mut i = 0;
    while i < PUBLIC_CODES.len() {
        assert!(
            same(PUBLIC_CODES[i].0, PUBLIC_CODES[i].1.code()),
            "a public code's name is not the model's"
        );
        i += 1;
    }
};

fn public_code(name: &str) -> ErrorCode {
    PUBLIC_CODES
        .into_iter()
        .find(|(known, _)| *known == name)
        .map_or(ErrorCode::Other, |(_, code)| code)
}

/// An error body as a public page reads it (the code as text, see [`PUBLIC_CODES`]).
#[derive(serde::Deserialize)]
struct PublicError {
    error: String,
    #[serde(default)]
    field: Option<String>,
}

/// Why a call failed: the server's error code and the field it names, or nothing when the
/// server could not be reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failure {
    /// The house error code (`not_found`, `link_expired`, ...).
    pub code: Option<ErrorCode>,
    /// The request field at fault.
    pub field: Option<String>,
}

impl Failure {
    /// The error code, if the server answered with one.
    pub fn code(&self) -> Option<ErrorCode> {
        self.code
    }
}

/// One call to a public endpoint: the answer's text, or why it failed. Not generic, so the
/// request machinery is compiled once for every endpoint.
pub async fn call(path: &str, body: Option<String>) -> Result<String, Failure> {
    let request = match body {
        Some(json) => Request::post(path)
            .header("x-requested-with", "consentry")
            .header("content-type", "application/json")
            .body(json)
            .map_err(|_| Failure::default())?,
        None => Request::get(path).build().map_err(|_| Failure::default())?,
    };
    let response = request.send().await.map_err(|_| Failure::default())?;
    let text = response.text().await.map_err(|_| Failure::default())?;
    if response.ok() {
        Ok(text)
    } else {
        let body = serde_json::from_str::<PublicError>(&text).ok();
        Err(Failure {
            code: body.as_ref().map(|b| public_code(&b.error)),
            field: body.and_then(|b| b.field),
        })
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: Result<String, Failure>) -> Result<T, Failure> {
    serde_json::from_str(&text?).map_err(|_| Failure::default())
}

/// GETs a public endpoint.
pub async fn fetch<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, Failure> {
    parse(call(path, None).await)
}

/// POSTs JSON to a public endpoint.
pub async fn post<B: serde::Serialize, T: serde::de::DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, Failure> {
    let json = serde_json::to_string(body).map_err(|_| Failure::default())?;
    parse(call(path, Some(json)).await)
}

/// The language a form opens in: the preferred one if the form has it, else its default.
pub fn start_lang(design: &consentry_model::forms::FormDesign, preferred: &str) -> FormLang {
    FormLang::parse(preferred)
        .ok()
        .filter(|l| design.texts.contains_key(l))
        .unwrap_or_else(|| design.default_lang.clone())
}

/// Keeps the document's title and `lang` attribute in step with the language shown.
pub fn follow_language(
    design: Signal<consentry_model::forms::FormDesign>,
    lang: RwSignal<FormLang>,
) {
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
}

/// The organisation's name and, when the form has several languages, a switch between them.
#[component]
pub fn SiteHeader(
    organisation: String,
    languages: Vec<FormLang>,
    lang: RwSignal<FormLang>,
) -> impl IntoView {
    view! {
        <header class="site-header">
            <p>{organisation}</p>
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
    }
}

/// The signed receipt to download, and the page that checks one.
#[component]
pub fn ReceiptLinks(receipt: String, #[prop(into)] lang: Signal<FormLang>) -> impl IntoView {
    // The receipt is a compact JWS: base64url and dots only, safe in a data URL.
    let href = format!("data:application/jose;charset=utf-8,{receipt}");
    view! {
        <p>
            <a href=href download="consent-receipt.jws">
                {move || word(lang.get().as_str(), Word::Receipt)}
            </a>
            " · "
            <a href="/receipts/verify">{move || word(lang.get().as_str(), Word::CheckReceipt)}</a>
        </p>
    }
}
