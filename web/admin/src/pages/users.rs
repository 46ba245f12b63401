//! `/admin/users`: the organisation's users and their profiles (permission: Manage Users).

use consentry_model::{
    Email, Password, PersonName, Profile,
    auth::{NewUser, User, UserUpdate},
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        confirm::{Asking, ConfirmAction},
        form::{FormProblem, FormState, TextField},
        notice::{LoadFailed, Loading, Success},
    },
    i18n::{Msg, profile_name, tr, use_i18n},
    use_auth,
};

/// The user list with profile changes, removal, and the add-user form.
#[component]
pub fn UsersPage() -> impl IntoView {
    page_title(Msg::UsersTitle);
    let users = LocalResource::new(api::users);
    let done = RwSignal::new(None::<Msg>);
    let list_problem = FormState::default();
    view! {
        <h1>{tr(Msg::UsersTitle)}</h1>
        <p class="lead">{tr(Msg::UsersIntro)}</p>
        <Success message=done />
        <FormProblem form=list_problem />
        {move || match users.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(list)) => {
                view! { <UserTable list on_change=move |msg| {
                    done.set(msg);
                    users.refetch();
                } problems=list_problem /> }
                    .into_any()
            }
        }}
        <AddUserForm on_added=move || {
            done.set(Some(Msg::UserAdded));
            users.refetch();
        } />
    }
}

#[component]
fn UserTable(
    list: Vec<User>,
    on_change: impl Fn(Option<Msg>) + Copy + Send + Sync + 'static,
    problems: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let me = use_auth().session.get_untracked().map(|s| s.user.id);
    let asking = Asking::new();
    let remove = Callback::new(move |id| {
        problems.clear();
        spawn_local(async move {
            match api::remove_user(id).await {
                Ok(()) => on_change(Some(Msg::UserRemoved)),
                Err(failure) => problems.fail(failure),
            }
        });
    });
    let rows = list
        .into_iter()
        .map(|user| {
            let id = user.id;
            let is_me = Some(id) == me;
            let select_id = format!("profile-{id}");
            let change_profile = move |ev: leptos::ev::Event| {
                let Some(profile) = Profile::from_code(&event_target_value(&ev)) else {
                    return;
                };
                problems.clear();
                spawn_local(async move {
                    match api::update_user(id, &UserUpdate { profile }).await {
                        Ok(_) => on_change(Some(Msg::ProfileChanged)),
                        Err(failure) => {
                            problems.fail(failure);
                            on_change(None);
                        }
                    }
                });
            };
            let name = user.name.to_string();
            let named = format!("{name} ({})", user.email);
            let ask = move |_| asking.ask(id, named.clone());
            let label = format!("{}: {}", name, i18n.t(Msg::ProfileLabel));
            view! {
                <tr>
                    <td>
                        {name.clone()}
                        {is_me.then(|| view! { <span class="muted">" ("{tr(Msg::You)}")"</span> })}
                    </td>
                    <td>{user.email.to_string()}</td>
                    <td>
                        <label for=select_id.clone() class="visually-hidden">{label}</label>
                        <select id=select_id on:change=change_profile>
                            {Profile::ALL
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <option value=p.code() selected=p == user.profile>
                                            {move || profile_name(i18n.lang(), p)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </td>
                    <td>
                        <Show when=move || !is_me>
                            <button type="button" class="danger small" on:click=ask.clone()>
                                {tr(Msg::Remove)}
                                <span class="visually-hidden">" "{name.clone()}</span>
                            </button>
                        </Show>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ConfirmAction
            id="remove-user-confirm"
            asking
            action=Msg::Remove
            consequence=Msg::ConfirmRemoveUser
            on_confirm=remove
        />
        <table class="data">
            <thead>
                <tr>
                    <th scope="col">{tr(Msg::Name)}</th>
                    <th scope="col">{tr(Msg::Email)}</th>
                    <th scope="col">{tr(Msg::ProfileLabel)}</th>
                    <th scope="col">
                        <span class="visually-hidden">{tr(Msg::Remove)}</span>
                    </th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn AddUserForm(on_added: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let profile = RwSignal::new(Profile::Standard);
    let form = FormState::default();
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let parsed = (
            form.check("name", PersonName::parse(&name.get_untracked())),
            form.check("email", Email::parse(&email.get_untracked())),
            form.check("password", Password::parse(&password.get_untracked())),
        );
        let (Some(n), Some(e), Some(p)) = parsed else {
            return;
        };
        let new = NewUser {
            name: n,
            email: e,
            profile: profile.get_untracked(),
            password: p,
        };
        pending.set(true);
        spawn_local(async move {
            let result = api::add_user(&new).await;
            pending.set(false);
            match result {
                Ok(_) => {
                    name.set(String::new());
                    email.set(String::new());
                    password.set(String::new());
                    on_added();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="add-user-title">
            <h2 id="add-user-title">{tr(Msg::AddUser)}</h2>
            <p class="hint">{tr(Msg::AddUserIntro)}</p>
            <FormProblem form />
            <form on:submit=submit novalidate class="grid-form">
                <TextField name="name" label=Msg::Name value=name form autocomplete="off" />
                <TextField name="email" label=Msg::Email value=email form input_type="email" />
                <div class="field">
                    <label for="new-user-profile">{tr(Msg::ProfileLabel)}</label>
                    <select
                        id="new-user-profile"
                        on:change=move |ev| {
                            if let Some(p) = Profile::from_code(&event_target_value(&ev)) {
                                profile.set(p);
                            }
                        }
                    >
                        {Profile::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option value=p.code() selected=move || profile.get() == p>
                                        {move || profile_name(i18n.lang(), p)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField
                    name="password"
                    label=Msg::InitialPassword
                    value=password
                    form
                    input_type="password"
                    autocomplete="new-password"
                    hint=Msg::PasswordHint
                />
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { tr(Msg::Adding)() } else { tr(Msg::AddUser)() }}
                </button>
            </form>
        </section>
    }
}
