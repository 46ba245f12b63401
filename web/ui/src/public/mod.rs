//! What every public page shares (the hosted consent page, the sign-up form, the receipt
//! check): calls to the public endpoints, the language the page opens in, the header with
//! its language switch, the receipt links, and the few words around the form in English and
//! Dutch. Each public page is a bundle of its own; these parts are compiled into each.

pub mod words;

use consentry_model::{ErrorCode, forms::FormLang};
use gloo_net::http::Request;
use leptos::prelude::*;

use words::{Word, word};

/// The link's own `?lang=`, if it names a language: passed on to the server, which weighs
/// it first when it chooses among the form's languages.
fn link_lang() -> Option<String> {
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
}

/// A public endpoint's path carrying the link's `?lang=`, so the server chooses the page's
/// language the way it chose the page's own (see [`words::page_lang`]).
pub fn with_link_lang(path: &str) -> String {
    match link_lang() {
        Some(code) => format!("{path}?lang={code}"),
        None => path.to_owned(),
    }
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
        }
    });
    follow_document_lang(lang);
}

/// Keeps the document's title `title` in the language shown.
pub fn follow_title(lang: RwSignal<FormLang>, title: Word) {
    Effect::new(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(word(lang.get().as_str(), title));
        }
    });
}

/// Keeps `<html lang>` the language shown.
pub fn follow_document_lang(lang: RwSignal<FormLang>) {
    Effect::new(move || {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.get().as_str());
        }
    });
}

/// The page's language as a form language (see [`words::page_lang`]).
pub fn page_form_lang() -> FormLang {
    FormLang::parse(&words::page_lang())
        .or_else(|_| FormLang::parse(consentry_words::subject::SOURCE))
        .expect("a language code")
}

/// Switches the page to `code`: its words are fetched first (the page keeps its language
/// when they cannot be had), and the choice is remembered for the reader's next visit (the
/// `consentry_lang` cookie the server reads; a preference, not tracking).
pub fn switch_language(lang: RwSignal<FormLang>, code: FormLang) {
    leptos::task::spawn_local(async move {
        if words::load(code.as_str()).await {
            remember(code.as_str());
            lang.set(code);
        }
    });
}

fn remember(code: &str) {
    use wasm_bindgen::JsCast;
    if let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        let _ = document.set_cookie(&format!(
            "consentry_lang={code}; path=/; max-age=31536000; samesite=lax"
        ));
    }
}

/// A switch between `languages`, each in its own name; none when there is one.
#[component]
pub fn LanguageSwitch(languages: Vec<FormLang>, lang: RwSignal<FormLang>) -> impl IntoView {
    (languages.len() > 1).then(|| {
        view! {
            <div>
                <label for="site-language" class="visually-hidden">
                    {move || word(lang.get().as_str(), Word::Language)}
                </label>
                <select id="site-language" on:change=move |ev| {
                    if let Ok(code) = FormLang::parse(&event_target_value(&ev)) {
                        switch_language(lang, code);
                    }
                }>
                    {languages.into_iter().map(|l| {
                        let code = l.clone();
                        let selected = move || code == lang.get();
                        view! {
                            <option value=l.to_string() selected=selected lang=l.to_string()>
                                {words::native_name(l.as_str()).to_owned()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
        }
    })
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
            <LanguageSwitch languages lang />
        </header>
    }
}

/// Says so when the form's texts in the language shown are still the untranslated copy of
/// its default language.
#[component]
pub fn UntranslatedNote(
    design: Signal<consentry_model::forms::FormDesign>,
    lang: RwSignal<FormLang>,
) -> impl IntoView {
    move || {
        design
            .with(|d| d.untranslated.contains(&lang.get()))
            .then(|| view! { <p class="notice" id="untranslated">{word(lang.get().as_str(), Word::Untranslated)}</p> })
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
