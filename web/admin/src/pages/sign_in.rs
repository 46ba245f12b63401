//! `/admin/sign-in`.

use consentry_model::{Email, FieldError, auth::SignInRequest};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{components::Redirect, hooks::use_navigate};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        form::{FormProblem, FormState, TextField},
        language_switch::LanguageSwitch,
    },
    i18n::{Msg, tr},
    use_auth,
};

/// The sign-in form.
#[component]
pub fn SignInPage() -> impl IntoView {
    page_title(Msg::SignIn);
    let auth = use_auth();
    if auth.needs_setup.get_untracked() {
        return view! { <Redirect path="/admin/welcome" /> }.into_any();
    }
    if auth.session.get_untracked().is_some() {
        return view! { <Redirect path="/admin" /> }.into_any();
    }
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::default();
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let email = form.check("email", Email::parse(&email.get_untracked()));
        let password = form.check(
            "password",
            Some(password.get_untracked())
                .filter(|p| !p.is_empty())
                .ok_or(FieldError::Empty),
        );
        let (Some(email), Some(password)) = (email, password) else {
            return;
        };
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::sign_in(&SignInRequest { email, password }).await;
            pending.set(false);
            match result {
                Ok(session) => {
                    auth.session.set(Some(session));
                    navigate("/admin", Default::default());
                }
                Err(failure) => form.fail(failure),
            }
        });
    };

    view! {
        <main id="main" class="centered">
            <div class="card narrow">
                <header class="card-header">
                    <h1>{tr(Msg::SignInTitle)}</h1>
                    <p class="lead">{tr(Msg::SignInIntro)}</p>
                </header>
                <FormProblem form />
                <form on:submit=submit novalidate>
                    <TextField
                        name="email"
                        label=Msg::Email
                        value=email
                        form
                        input_type="email"
                        autocomplete="username"
                    />
                    <TextField
                        name="password"
                        label=Msg::Password
                        value=password
                        form
                        input_type="password"
                        autocomplete="current-password"
                    />
                    <button type="submit" class="primary" disabled=move || pending.get()>
                        {move || if pending.get() { tr(Msg::SigningIn)() } else { tr(Msg::SignIn)() }}
                    </button>
                </form>
                <footer class="card-footer">
                    <LanguageSwitch />
                </footer>
            </div>
        </main>
    }
    .into_any()
}
