//! `/admin/account`: who you are and what you may do.

use leptos::prelude::*;

use crate::components::title::page_title;
use crate::{
    i18n::{Msg, permission_name, profile_name, tr, use_i18n},
    use_auth,
};

/// The signed-in user's account.
#[component]
pub fn AccountPage() -> impl IntoView {
    page_title(Msg::AccountTitle);
    let auth = use_auth();
    let i18n = use_i18n();
    move || {
        auth.session.get().map(|session| {
            let lang = i18n.lang();
            view! {
                <h1>{tr(Msg::AccountTitle)}</h1>
                <dl class="facts">
                    <dt>{tr(Msg::Name)}</dt>
                    <dd>{session.user.name.to_string()}</dd>
                    <dt>{tr(Msg::Email)}</dt>
                    <dd>{session.user.email.to_string()}</dd>
                    <dt>{tr(Msg::Organisation)}</dt>
                    <dd>{session.organisation.name.to_string()}</dd>
                    <dt>{tr(Msg::ProfileLabel)}</dt>
                    <dd>{profile_name(lang, session.user.profile)}</dd>
                    <dt>{tr(Msg::PermissionsLabel)}</dt>
                    <dd>
                        <ul class="plain">
                            {session
                                .permissions
                                .iter()
                                .map(|p| view! { <li>{permission_name(lang, *p)}</li> })
                                .collect_view()}
                        </ul>
                    </dd>
                    <dt>{tr(Msg::SessionEnds)}</dt>
                    <dd>{crate::format_time(session.expires_at)}</dd>
                </dl>
            }
        })
    }
}
