//! The public sign-up form (`/f/{organisation}/{form}`) and the page its confirmation link
//! opens (`/confirm/{token}`): a bundle of its own, so neither it nor the hosted consent page
//! downloads the other's code. The form is the shared [`consentry_ui::ConsentFormView`].

mod pages;

use consentry_ui::public::words::{Word, page_lang, word};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by the generated JavaScript once the WebAssembly is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(SignUpSite);
}

#[component]
fn SignUpSite() -> impl IntoView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if let Some(token) = path.strip_prefix("/confirm/").filter(|t| !t.is_empty()) {
        return view! { <pages::Confirm token=token.to_owned() /> }.into_any();
    }
    let form = path
        .strip_prefix("/f/")
        .and_then(|rest| rest.split_once('/'))
        .filter(|(o, f)| !o.is_empty() && !f.is_empty() && !f.contains('/'));
    match form {
        Some((organisation, form)) => view! {
            <pages::SignUp organisation=organisation.to_owned() form=form.to_owned() />
        }
        .into_any(),
        None => view! { <main><p class="notice">{word(&page_lang(), Word::NotFound)}</p></main> }
            .into_any(),
    }
}
