//! `/admin/setup/forms`: Setup > Compliance Settings > Consent Forms, the list and a new form.

use consentry_model::forms::NewForm;
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_navigate};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        form::{FormProblem, FormState, TextField},
        notice::{LoadFailed, Loading},
    },
    i18n::{Msg, tr},
};

/// The forms and a field to create one.
#[component]
pub fn FormsPage() -> impl IntoView {
    page_title(Msg::NavConsentForms);
    let forms = LocalResource::new(api::forms);
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let form = FormState::default();
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let new = NewForm {
            name: name.get_untracked(),
        };
        if form
            .check(
                "name",
                consentry_model::records::parse_short_text(&new.name)
                    .and_then(|n| n.ok_or(consentry_model::FieldError::Empty)),
            )
            .is_none()
        {
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::create_form(&new).await {
                Ok(created) => navigate(
                    &format!("/admin/setup/forms/{}", created.id),
                    Default::default(),
                ),
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <h1>{tr(Msg::NavConsentForms)}</h1>
        <p class="lead">{tr(Msg::FormsIntro)}</p>
        <section class="card wide">
            {move || match forms.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) => view! {
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Msg::FormName)}</th>
                                <th scope="col">{tr(Msg::FormLinkName)}</th>
                                <th scope="col">{tr(Msg::FormLanguages)}</th>
                                <th scope="col">{tr(Msg::PublishedVersion)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|f| view! {
                                <tr>
                                    <th scope="row">
                                        <A href=format!("/admin/setup/forms/{}", f.id)>{f.name}</A>
                                    </th>
                                    <td><code>{f.slug}</code></td>
                                    <td>{f.languages.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")}</td>
                                    <td>
                                        {match f.published {
                                            Some(v) => v.version.to_string().into_any(),
                                            None => view! { <span class="muted">{tr(Msg::NotPublished)}</span> }.into_any(),
                                        }}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            }}
            <FormProblem form />
            <form on:submit=create class="inline-form" novalidate>
                <TextField name="name" label=Msg::FormName value=name form />
                <button type="submit">{tr(Msg::CreateForm)}</button>
            </form>
        </section>
    }
}
