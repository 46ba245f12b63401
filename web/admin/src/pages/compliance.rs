//! `/admin/setup/compliance`: Setup > Compliance Settings (permission: Manage Compliance
//! Settings).

use consentry_model::{
    ComplianceSettings, PendingProcessing,
    compliance::{
        ConsentLifetime, ControllerProfile, RenewalGrace, RetentionPeriod, WaitingPeriod,
    },
    handling::{Destination, Exclusion},
    records::NewModule,
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::components::A;

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        form::{FormProblem, FormState, TextField, subject_language_options},
        notice::{LoadFailed, Loading, Success},
    },
    i18n::{Msg, exclusion_name, module_name, record_count, tr, use_i18n},
};

/// Loads the settings, then shows the form.
#[component]
pub fn CompliancePage() -> impl IntoView {
    page_title(Msg::ComplianceTitle);
    let settings = LocalResource::new(api::compliance_settings);
    view! {
        <h1>{tr(Msg::ComplianceTitle)}</h1>
        <p class="lead">{tr(Msg::ComplianceIntro)}</p>
        {move || match settings.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(current)) => view! { <SettingsForm current /> }.into_any(),
        }}
        <ControllerSection />
        <LocaleSection />
        <ModulesSection />
    }
}

/// Which modules hold data subjects: one switch per module, applied at once, and a form to
/// add a custom module.
#[component]
fn ModulesSection() -> impl IntoView {
    let modules = LocalResource::new(api::modules);
    let form = FormState::default();
    let done = RwSignal::new(None::<Msg>);
    let new_name = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        done.set(None);
        let new = NewModule {
            name: new_name.get_untracked(),
        };
        if form.check("name", new.checked_name()).is_none() {
            return;
        }
        spawn_local(async move {
            match api::add_module(&new).await {
                Ok(_) => {
                    new_name.set(String::new());
                    done.set(Some(Msg::ModuleAdded));
                    modules.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="modules-title">
            <h2 id="modules-title">{tr(Msg::ModulesTitle)}</h2>
            <p class="hint">{tr(Msg::ModulesIntro)}</p>
            <FormProblem form />
            <Success message=done />
            {move || match modules.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) => list
                    .into_iter()
                    .map(|module| {
                        let id = module.id;
                        let input_id = format!("module-{}", module.key);
                        let name = module_name(use_i18n().lang(), &module);
                        let toggle = move |ev: leptos::ev::Event| {
                            let enabled = event_target_checked(&ev);
                            form.clear();
                            done.set(None);
                            spawn_local(async move {
                                match api::set_module_compliance(id, enabled).await {
                                    Ok(_) => {
                                        done.set(Some(Msg::Saved));
                                        modules.refetch();
                                    }
                                    Err(failure) => form.fail(failure),
                                }
                            });
                        };
                        view! {
                            <div class="choice">
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=module.compliance_enabled
                                    on:change=toggle
                                />
                                <label for=input_id>{module_name(use_i18n().lang(), &module)}</label>
                                <span class="muted">
                                    "("{record_count(use_i18n().lang(), module.record_count)}")"
                                </span>
                                " "
                                <A href=format!("/admin/setup/modules/{id}/fields")>
                                    {tr(Msg::FieldsLink)}
                                    <span class="visually-hidden">" · "{name}</span>
                                </A>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any(),
            }}
            <form on:submit=add class="inline-form" novalidate>
                <TextField name="name" label=Msg::ModuleName value=new_name form />
                <button type="submit">{tr(Msg::AddModule)}</button>
            </form>
        </section>
    }
}

/// The controller's identity and contact details (GDPR art. 13(1)(a)), which every consent
/// receipt carries; checked field by field by the server.
#[component]
fn ControllerSection() -> impl IntoView {
    let profile = LocalResource::new(api::controller_profile);
    view! {
        <section class="card" aria-labelledby="controller-title">
            <h2 id="controller-title">{tr(Msg::ControllerTitle)}</h2>
            <p class="hint">{tr(Msg::ControllerIntro)}</p>
            {move || match profile.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(current)) => view! { <ControllerForm current /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ControllerForm(current: ControllerProfile) -> impl IntoView {
    let contact = RwSignal::new(current.contact);
    let street_address = RwSignal::new(current.street_address);
    let postal_code = RwSignal::new(current.postal_code);
    let locality = RwSignal::new(current.locality);
    let country = RwSignal::new(current.country);
    let email = RwSignal::new(current.email);
    let phone = RwSignal::new(current.phone);
    let url = RwSignal::new(current.url);
    let form = FormState::default();
    let saved = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        saved.set(None);
        let entered = ControllerProfile {
            contact: contact.get_untracked(),
            street_address: street_address.get_untracked(),
            postal_code: postal_code.get_untracked(),
            locality: locality.get_untracked(),
            country: country.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            url: url.get_untracked(),
        };
        let profile = match entered.parse() {
            Ok(profile) => profile,
            Err((field, error)) => {
                form.check::<()>(field, Err(error));
                return;
            }
        };
        busy.set(true);
        spawn_local(async move {
            let result = api::save_controller_profile(&profile).await;
            busy.set(false);
            match result {
                Ok(_) => saved.set(Some(Msg::Saved)),
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <FormProblem form />
        <form on:submit=submit novalidate class="settings">
            <TextField name="contact" label=Msg::ControllerContact value=contact form />
            <TextField
                name="street_address"
                label=Msg::ControllerStreet
                value=street_address
                form
                autocomplete="street-address"
            />
            <TextField
                name="postal_code"
                label=Msg::ControllerPostalCode
                value=postal_code
                form
                autocomplete="postal-code"
            />
            <TextField
                name="locality"
                label=Msg::ControllerLocality
                value=locality
                form
                autocomplete="address-level2"
            />
            <TextField
                name="country"
                label=Msg::ControllerCountry
                value=country
                form
                autocomplete="country"
                hint=Msg::ControllerCountryHint
            />
            <TextField
                name="email"
                label=Msg::ControllerEmail
                value=email
                form
                input_type="email"
                autocomplete="email"
            />
            <TextField
                name="phone"
                label=Msg::ControllerPhone
                value=phone
                form
                input_type="tel"
                autocomplete="tel"
            />
            <TextField
                name="url"
                label=Msg::ControllerUrl
                value=url
                form
                input_type="url"
                autocomplete="url"
            />
            <Success message=saved />
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || if busy.get() { tr(Msg::Saving)() } else { tr(Msg::SaveController)() }}
            </button>
        </form>
    }
}

/// The organisation's language (for its e-mails) and time zone (for every moment shown).
/// Saved, every page shows moments in the new zone at once.
#[component]
fn LocaleSection() -> impl IntoView {
    let auth = crate::use_auth();
    let organisation = auth
        .session
        .with_untracked(|s| s.as_ref().map(|s| s.organisation.clone()));
    let language = RwSignal::new(
        organisation
            .as_ref()
            .map_or_else(|| "en".to_owned(), |o| o.language.to_string()),
    );
    let zone = RwSignal::new(
        organisation
            .as_ref()
            .map_or_else(|| "UTC".to_owned(), |o| o.time_zone.to_string()),
    );
    let mut zones = crate::moment::time_zones();
    // A zone the browser does not list (an older browser) stays choosable.
    if !zones.contains(&zone.get_untracked()) {
        zones.insert(0, zone.get_untracked());
    }
    let form = FormState::default();
    let saved = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        saved.set(None);
        let Some(language) = form.check(
            "language",
            consentry_model::forms::FormLang::parse(&language.get_untracked()),
        ) else {
            return;
        };
        let Some(time_zone) = form.check(
            "time_zone",
            consentry_model::text::TimeZoneName::parse(&zone.get_untracked()),
        ) else {
            return;
        };
        let locale = consentry_model::auth::OrganisationLocale {
            language,
            time_zone,
        };
        busy.set(true);
        spawn_local(async move {
            let result = api::save_locale(&locale).await;
            busy.set(false);
            match result {
                Ok(saved_locale) => {
                    auth.session.update(|s| {
                        if let Some(s) = s {
                            s.organisation.language = saved_locale.language;
                            s.organisation.time_zone = saved_locale.time_zone;
                        }
                    });
                    saved.set(Some(Msg::Saved));
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let problem = move |field: &'static str| {
        let i18n = use_i18n();
        move || form.field(field).map(|p| p.message(i18n.lang()))
    };
    view! {
        <section class="card" aria-labelledby="locale-title">
            <h2 id="locale-title">{tr(Msg::LocaleTitle)}</h2>
            <p class="hint">{tr(Msg::LocaleIntro)}</p>
            <FormProblem form />
            <form on:submit=submit novalidate class="settings">
                <div class="field" class:invalid=move || form.field("language").is_some()>
                    <label for="field-language">{tr(Msg::OrganisationLanguage)}</label>
                    <select
                        id="field-language"
                        aria-invalid=move || if form.field("language").is_some() { "true" } else { "false" }
                        bind:value=language
                        aria-describedby="field-language-hint field-language-error"
                    >
                        {subject_language_options(language)}
                    </select>
                    <p class="hint" id="field-language-hint">{tr(Msg::OrganisationLanguageHint)}</p>
                    <p class="error" id="field-language-error">{problem("language")}</p>
                </div>
                <div class="field" class:invalid=move || form.field("time_zone").is_some()>
                    <label for="field-time_zone">{tr(Msg::TimeZone)}</label>
                    <select
                        id="field-time_zone"
                        aria-invalid=move || if form.field("time_zone").is_some() { "true" } else { "false" }
                        bind:value=zone
                        aria-describedby="field-time_zone-error"
                    >
                        {zones.into_iter().map(|z| {
                            let selected = zone.get_untracked() == z;
                            view! { <option value=z.clone() selected=selected>{z.replace('_', " ")}</option> }
                        }).collect_view()}
                    </select>
                    <p class="error" id="field-time_zone-error">{problem("time_zone")}</p>
                </div>
                <Success message=saved />
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { tr(Msg::Saving)() } else { tr(Msg::SaveLocale)() }}
                </button>
            </form>
        </section>
    }
}

/// A destination's name in the handling preferences.
pub fn destination_name(destination: Destination) -> Msg {
    match destination {
        Destination::Exports => Msg::DestinationExports,
        Destination::Api => Msg::DestinationApi,
        Destination::Webhooks => Msg::DestinationWebhooks,
    }
}

fn parse_days(text: &str) -> Result<u32, consentry_model::FieldError> {
    text.trim()
        .parse::<u32>()
        .map_err(|_| consentry_model::FieldError::OutOfRange {
            min: WaitingPeriod::MIN,
            max: WaitingPeriod::MAX,
        })
}

#[component]
fn SettingsForm(current: ComplianceSettings) -> impl IntoView {
    let enabled = RwSignal::new(current.enabled);
    let waiting = RwSignal::new(current.waiting_period_days.days().to_string());
    let pending_processing = RwSignal::new(current.processing_while_pending);
    let double_opt_in = RwSignal::new(current.double_opt_in);
    let keep_forever = RwSignal::new(current.retention_days.is_none());
    let retention = RwSignal::new(
        current
            .retention_days
            .map_or_else(|| "365".to_owned(), |d| d.days().to_string()),
    );
    let auto_erase = RwSignal::new(current.retention_auto_erase);
    let ages = RwSignal::new(current.consent_lifetime_days.is_some());
    let lifetime = RwSignal::new(
        current
            .consent_lifetime_days
            .map_or_else(|| "365".to_owned(), |d| d.days().to_string()),
    );
    let grace = RwSignal::new(current.renewal_grace_days.days().to_string());
    let handling = RwSignal::new(current.personal_data);
    let form = FormState::default();
    let saved = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        saved.set(None);
        let waiting_period = form.check(
            "waiting_period_days",
            parse_days(&waiting.get_untracked()).and_then(WaitingPeriod::new),
        );
        let retention_days = if keep_forever.get_untracked() {
            Some(None)
        } else {
            form.check(
                "retention_days",
                retention
                    .get_untracked()
                    .trim()
                    .parse::<u32>()
                    .map_err(|_| consentry_model::FieldError::OutOfRange {
                        min: RetentionPeriod::MIN,
                        max: RetentionPeriod::MAX,
                    })
                    .and_then(RetentionPeriod::new),
            )
            .map(Some)
        };
        let consent_lifetime_days = if ages.get_untracked() {
            form.check(
                "consent_lifetime_days",
                parse_days(&lifetime.get_untracked()).and_then(ConsentLifetime::new),
            )
            .map(Some)
        } else {
            Some(None)
        };
        let renewal_grace_days = form.check(
            "renewal_grace_days",
            parse_days(&grace.get_untracked()).and_then(RenewalGrace::new),
        );
        let (
            Some(waiting_period_days),
            Some(retention_days),
            Some(consent_lifetime_days),
            Some(renewal_grace_days),
        ) = (
            waiting_period,
            retention_days,
            consent_lifetime_days,
            renewal_grace_days,
        )
        else {
            return;
        };
        let settings = ComplianceSettings {
            enabled: enabled.get_untracked(),
            waiting_period_days,
            processing_while_pending: pending_processing.get_untracked(),
            double_opt_in: double_opt_in.get_untracked(),
            retention_days,
            retention_auto_erase: auto_erase.get_untracked(),
            consent_lifetime_days,
            renewal_grace_days,
            personal_data: handling.get_untracked(),
        };
        busy.set(true);
        spawn_local(async move {
            let result = api::save_compliance_settings(&settings).await;
            busy.set(false);
            match result {
                Ok(_) => saved.set(Some(Msg::Saved)),
                Err(failure) => form.fail(failure),
            }
        });
    };

    let radio = move |value: PendingProcessing, label: Msg| {
        let id = format!("pending-{}", value.code());
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="processing_while_pending"
                    value=value.code()
                    prop:checked=move || pending_processing.get() == value
                    on:change=move |_| pending_processing.set(value)
                />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };

    view! {
        <FormProblem form />
        <form on:submit=submit novalidate class="settings">
            <section class="card">
                <div class="choice">
                    <input type="checkbox" id="enabled" bind:checked=enabled aria-describedby="enabled-hint" />
                    <label for="enabled">{tr(Msg::EnableCompliance)}</label>
                </div>
                <p class="hint" id="enabled-hint">{tr(Msg::EnableComplianceHint)}</p>
            </section>
            <section class="card">
                <TextField
                    name="waiting_period_days"
                    label=Msg::WaitingPeriod
                    value=waiting
                    form
                    input_type="number"
                    hint=Msg::WaitingPeriodHint
                />
                <fieldset>
                    <legend>{tr(Msg::ProcessingWhilePending)}</legend>
                    {radio(PendingProcessing::Allow, Msg::ProcessingAllow)}
                    {radio(PendingProcessing::Restrict, Msg::ProcessingRestrict)}
                </fieldset>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="double_opt_in"
                        bind:checked=double_opt_in
                        aria-describedby="double-opt-in-hint"
                    />
                    <label for="double_opt_in">{tr(Msg::DoubleOptIn)}</label>
                </div>
                <p class="hint" id="double-opt-in-hint">{tr(Msg::DoubleOptInHint)}</p>
            </section>
            <section class="card">
                <fieldset aria-describedby="retention-hint">
                    <legend>{tr(Msg::Retention)}</legend>
                    <p class="hint" id="retention-hint">{tr(Msg::RetentionHint)}</p>
                    <div class="choice">
                        <input
                            type="radio"
                            id="retention-keep"
                            name="retention"
                            prop:checked=move || keep_forever.get()
                            on:change=move |_| keep_forever.set(true)
                        />
                        <label for="retention-keep">{tr(Msg::RetentionKeep)}</label>
                    </div>
                    <div class="choice">
                        <input
                            type="radio"
                            id="retention-days"
                            name="retention"
                            prop:checked=move || !keep_forever.get()
                            on:change=move |_| keep_forever.set(false)
                        />
                        <label for="retention-days">{tr(Msg::RetentionDays)}</label>
                    </div>
                    <Show when=move || !keep_forever.get()>
                        <TextField
                            name="retention_days"
                            label=Msg::Days
                            value=retention
                            form
                            input_type="number"
                        />
                        <div class="choice">
                            <input
                                type="checkbox"
                                id="retention_auto_erase"
                                aria-describedby="retention-auto-erase-hint"
                                prop:checked=move || auto_erase.get()
                                on:change=move |ev| auto_erase.set(event_target_checked(&ev))
                            />
                            <label for="retention_auto_erase">{tr(Msg::RetentionAutoErase)}</label>
                        </div>
                        <p class="hint" id="retention-auto-erase-hint">
                            {tr(Msg::RetentionAutoEraseHint)}" "
                            <a href="/admin/setup/compliance/retention">{tr(Msg::NavRetention)}</a>
                        </p>
                    </Show>
                </fieldset>
            </section>
            <section class="card">
                <fieldset aria-describedby="renewal-hint">
                    <legend>{tr(Msg::ConsentRenewal)}</legend>
                    <p class="hint" id="renewal-hint">{tr(Msg::ConsentRenewalHint)}</p>
                    <div class="choice">
                        <input
                            type="checkbox"
                            id="consent-ages"
                            prop:checked=move || ages.get()
                            on:change=move |ev| ages.set(event_target_checked(&ev))
                        />
                        <label for="consent-ages">{tr(Msg::ConsentAges)}</label>
                    </div>
                    <Show when=move || ages.get()>
                        <TextField
                            name="consent_lifetime_days"
                            label=Msg::ConsentLifetimeDays
                            value=lifetime
                            form
                            input_type="number"
                        />
                        <TextField
                            name="renewal_grace_days"
                            label=Msg::RenewalGraceDays
                            value=grace
                            form
                            input_type="number"
                        />
                    </Show>
                </fieldset>
            </section>
            <section class="card">
                <fieldset aria-describedby="handling-hint">
                    <legend>{tr(Msg::HandlingTitle)}</legend>
                    <p class="hint" id="handling-hint">{tr(Msg::HandlingHint)}</p>
                    {Destination::ALL.into_iter().map(|destination| {
                        let id = format!("handling-{}", destination.code());
                        view! {
                            <div class="field">
                                <label for=id.clone()>{tr(destination_name(destination))}</label>
                                <select
                                    id=id
                                    on:change=move |ev| {
                                        let choice = Exclusion::from_code(&event_target_value(&ev))
                                            .unwrap_or_default();
                                        handling.update(|h| match destination {
                                            Destination::Exports => h.exports = choice,
                                            Destination::Api => h.api = choice,
                                            Destination::Webhooks => h.webhooks = choice,
                                        });
                                    }
                                >
                                    {Exclusion::ALL.into_iter().map(|e| view! {
                                        <option
                                            value=e.code()
                                            selected=move || handling.get().for_destination(destination) == e
                                        >
                                            {tr(exclusion_name(e))}
                                        </option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            </section>
            <Success message=saved />
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || if busy.get() { tr(Msg::Saving)() } else { tr(Msg::Save)() }}
            </button>
        </form>
    }
}
