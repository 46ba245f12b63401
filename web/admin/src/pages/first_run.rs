//! `/admin/welcome`: create the first organisation and administrator.

use consentry_model::{Email, OrgSlug, OrganisationName, Password, PersonName, auth::SetupRequest};
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

/// The first-run form. Only reachable while no organisation exists.
#[component]
pub fn FirstRunPage() -> impl IntoView {
    page_title(Msg::FirstRunTitle);
    let auth = use_auth();
    if !auth.needs_setup.get_untracked() {
        return view! { <Redirect path="/admin" /> }.into_any();
    }
    let navigate = use_navigate();
    let organisation = RwSignal::new(String::new());
    let slug = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::default();
    let pending = RwSignal::new(false);

    // Suggest a short name from the organisation's name until the person edits it.
    let last_suggestion = RwSignal::new(String::new());
    Effect::new(move |_| {
        let suggestion = OrgSlug::suggest(&organisation.get());
        if slug.get_untracked() == last_suggestion.get_untracked() {
            slug.set(suggestion.clone());
        }
        last_suggestion.set(suggestion);
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let request = (
            form.check(
                "organisation_name",
                OrganisationName::parse(&organisation.get_untracked()),
            ),
            form.check("organisation_slug", OrgSlug::parse(&slug.get_untracked())),
            form.check("admin_name", PersonName::parse(&name.get_untracked())),
            form.check("admin_email", Email::parse(&email.get_untracked())),
            form.check("admin_password", Password::parse(&password.get_untracked())),
        );
        let (
            Some(organisation_name),
            Some(organisation_slug),
            Some(admin_name),
            Some(admin_email),
            Some(admin_password),
        ) = request
        else {
            return;
        };
        let request = SetupRequest {
            organisation_name,
            organisation_slug,
            admin_name,
            admin_email,
            admin_password,
        };
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::set_up(&request).await;
            pending.set(false);
            match result {
                Ok(session) => {
                    auth.needs_setup.set(false);
                    auth.session.set(Some(session));
                    navigate("/admin", Default::default());
                }
                Err(failure) => form.fail(failure),
            }
        });
    };

    view! {
        <main id="main" class="centered">
            <div class="card">
                <header class="card-header">
                    <h1>{tr(Msg::FirstRunTitle)}</h1>
                    <p class="lead">{tr(Msg::FirstRunIntro)}</p>
                </header>
                <FormProblem form />
                <form on:submit=submit novalidate>
                    <fieldset>
                        <legend>{tr(Msg::OrganisationSection)}</legend>
                        <TextField
                            name="organisation_name"
                            label=Msg::OrganisationName
                            value=organisation
                            form
                            autocomplete="organization"
                        />
                        <TextField
                            name="organisation_slug"
                            label=Msg::OrganisationSlug
                            value=slug
                            form
                            hint=Msg::OrganisationSlugHint
                        />
                    </fieldset>
                    <fieldset>
                        <legend>{tr(Msg::AdministratorSection)}</legend>
                        <TextField
                            name="admin_name"
                            label=Msg::YourName
                            value=name
                            form
                            autocomplete="name"
                        />
                        <TextField
                            name="admin_email"
                            label=Msg::Email
                            value=email
                            form
                            input_type="email"
                            autocomplete="username"
                        />
                        <TextField
                            name="admin_password"
                            label=Msg::Password
                            value=password
                            form
                            input_type="password"
                            autocomplete="new-password"
                            hint=Msg::PasswordHint
                        />
                    </fieldset>
                    <button type="submit" class="primary" disabled=move || pending.get()>
                        {move || {
                            if pending.get() { tr(Msg::Creating)() } else { tr(Msg::CreateOrganisation)() }
                        }}
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
