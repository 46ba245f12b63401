//! `/admin/setup/modules/:id/fields`: Setup > Modules and Fields. A module's standard and
//! custom fields, each classified as personal data or not; custom fields added and removed.

use consentry_model::{
    FieldError, ModuleId, Permission,
    encryption::{EncryptionJob, JobKind, JobStatus},
    fields::{
        Field, FieldEncryption, FieldKind, FieldUpdate, NewField, Personal, parse_label,
        parse_options,
    },
    handling::Destination,
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_params_map};

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        confirm::{Asking, ConfirmAction},
        form::{FormProblem, FormState, TextField},
        notice::{LoadFailed, Loading, Success},
        progress::Progress,
    },
    i18n::{Msg, field_kind_name, field_label, module_name, personal_name, tr, use_i18n},
    timer::sleep,
    use_auth,
};

/// Loads the module and its fields.
#[component]
pub fn FieldsPage() -> impl IntoView {
    page_title(Msg::ModuleFieldsTitle);
    let params = use_params_map();
    let module = move || {
        params
            .get()
            .get("id")
            .and_then(|id| id.parse::<ModuleId>().ok())
    };
    let modules = LocalResource::new(api::modules);
    let name = move || {
        let id = module()?;
        modules
            .get()
            .and_then(Result::ok)?
            .into_iter()
            .find(|m| m.id == id)
            .map(|m| module_name(use_i18n().lang(), &m))
    };
    let fields = LocalResource::new(move || {
        let module = module();
        async move {
            match module {
                Some(module) => api::fields(module).await,
                None => Err(api::ApiFailure::Status {
                    status: 404,
                    body: None,
                }),
            }
        }
    });
    let reload = move || fields.refetch();
    // Open encryption jobs are followed until they finish; the fields then show their new
    // state.
    let jobs = RwSignal::new(Vec::<EncryptionJob>::new());
    let following = RwSignal::new(false);
    let can_encrypt = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::ManageEncryption));
    let follow = move || {
        if following.get_untracked() {
            return;
        }
        following.set(true);
        let here =
            params.with_untracked(|p| p.get("id").and_then(|id| id.parse::<ModuleId>().ok()));
        spawn_local(async move {
            loop {
                let Ok(status) = api::encryption_status().await else {
                    break;
                };
                let open = status.jobs.iter().any(EncryptionJob::is_open);
                jobs.set(
                    status
                        .jobs
                        .into_iter()
                        .filter(|j| j.module.is_some() && j.module == here || j.is_open())
                        .take(5)
                        .collect(),
                );
                if !open {
                    break;
                }
                sleep(400).await;
            }
            following.set(false);
            fields.refetch();
        });
    };
    Effect::new(move |_| {
        let half_way = fields.get().and_then(Result::ok).is_some_and(|list| {
            list.iter().any(|f| {
                matches!(
                    f.encryption,
                    FieldEncryption::Encrypting | FieldEncryption::Decrypting
                )
            })
        });
        if half_way && can_encrypt {
            follow();
        }
    });
    view! {
        <p><A href="/admin/setup/compliance" exact=true>"← "{tr(Msg::NavComplianceSettings)}</A></p>
        <h1>{tr(Msg::ModuleFieldsTitle)}{move || name().map(|n| format!(" · {n}"))}</h1>
        <p class="lead">{tr(Msg::ModuleFieldsIntro)}</p>
        {move || match (module(), fields.get()) {
            (_, None) => view! { <Loading /> }.into_any(),
            (_, Some(Err(failure))) => view! { <LoadFailed failure /> }.into_any(),
            (None, _) => ().into_any(),
            (Some(module), Some(Ok(list))) => view! {
                <FieldTable module fields=list reload follow />
                <EncryptionJobs jobs />
                <AddField module reload />
            }
            .into_any(),
        }}
    }
}

/// The progress of the recent encryption jobs.
#[component]
fn EncryptionJobs(jobs: RwSignal<Vec<EncryptionJob>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || jobs.with(|j| !j.is_empty())>
            <section class="card wide" aria-labelledby="encryption-jobs-title">
                <h2 id="encryption-jobs-title">{tr(Msg::EncryptionJobsTitle)}</h2>
                <ul class="plain" id="encryption-jobs">
                    {move || jobs.get().into_iter().map(|job| {
                        let id = format!("job-{}", job.id);
                        let what = match job.kind {
                            JobKind::Encrypt => Msg::JobEncrypt,
                            JobKind::Decrypt => Msg::JobDecrypt,
                            JobKind::Rotate => Msg::JobRotate,
                        };
                        let label = job.field_label.clone().unwrap_or_default();
                        let state = match job.status {
                            JobStatus::Finished => Some(Msg::JobDone),
                            JobStatus::Failed => Some(Msg::JobFailed),
                            JobStatus::Pending | JobStatus::Running => None,
                        };
                        view! {
                            <li>
                                <label for=id.clone()>{tr(what)}" "{label}</label>
                                <Progress
                                    id
                                    done=job.done
                                    total=job.total
                                    started_at=Some(job.created_at)
                                    running=job.is_open()
                                />
                                <span class="job-state">
                                    {state.map(|m| view! { <strong>{move || i18n.t(m)}</strong> })}
                                    {job.detail.clone().map(|d| format!(" · {d}"))}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn FieldTable(
    module: ModuleId,
    fields: Vec<Field>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    follow: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_encrypt = use_auth()
        .session
        .get_untracked()
        .is_some_and(|s| s.can(Permission::ManageEncryption));
    let form = FormState::default();
    let done = RwSignal::new(None::<Msg>);
    let asking = Asking::new();
    let remove = Callback::new(move |id| {
        spawn_local(async move {
            match api::delete_field(module, id).await {
                Ok(()) => reload(),
                Err(failure) => form.fail(failure),
            }
        });
    });
    view! {
        <ConfirmAction
            id="delete-field-confirm"
            asking
            action=Msg::Remove
            consequence=Msg::ConfirmDeleteField
            on_confirm=remove
        />
        <section class="card wide" aria-labelledby="fields-title">
            <h2 id="fields-title">{tr(Msg::FieldsLink)}</h2>
            <FormProblem form />
            <Success message=done />
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::FieldLabel)}</th>
                        <th scope="col">{tr(Msg::FieldKey)}</th>
                        <th scope="col">{tr(Msg::FieldKindLabel)}</th>
                        <th scope="col">{tr(Msg::PersonalLabel)}</th>
                        <th scope="col">{tr(Msg::EncryptionColumn)}</th>
                        <th scope="col">{tr(Msg::LeftOutColumn)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(Msg::Remove)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {fields
                        .into_iter()
                        .map(|field| {
                            let id = field.id;
                            let select_id = format!("personal-{}", field.key);
                            let classify = move |ev: leptos::ev::Event| {
                                let personal = Personal::from_code(&event_target_value(&ev));
                                form.clear();
                                done.set(None);
                                let update = FieldUpdate { personal, ..FieldUpdate::default() };
                                spawn_local(async move {
                                    match api::update_field(module, id, &update).await {
                                        Ok(_) => done.set(Some(Msg::Saved)),
                                        Err(failure) => form.fail(failure),
                                    }
                                });
                            };
                            let label = {
                                let field = field.clone();
                                move || field_label(i18n.lang(), &field)
                            };
                            let remove = {
                                let label = label.clone();
                                move |_| asking.ask(id, label())
                            };
                            let row_label = label.clone();
                            let encrypt_label = label.clone();
                            let left_out_label = label.clone();
                            let current = field.personal;
                            let kind = field.kind;
                            let encryption = field.encryption;
                            let encryptable = field.encryptable();
                            let encrypt_id = format!("encrypt-{}", field.key);
                            let toggle = move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                form.clear();
                                done.set(None);
                                spawn_local(async move {
                                    match api::set_encryption(module, id, on).await {
                                        Ok(_) => {
                                            reload();
                                            follow();
                                        }
                                        Err(failure) => form.fail(failure),
                                    }
                                });
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        {label.clone()}
                                        {field.required.then(|| view! { <span class="muted">" *"</span> })}
                                        {field.standard.then(|| view! { " "<span class="badge">{tr(Msg::StandardBadge)}</span> })}
                                    </th>
                                    <td><code>{field.key.clone()}</code></td>
                                    <td>
                                        {move || field_kind_name(i18n.lang(), kind)}
                                        {(!field.options.is_empty()).then(|| view! {
                                            <span class="muted">" ("{field.options.join(", ")}")"</span>
                                        })}
                                    </td>
                                    <td>
                                        <label for=select_id.clone() class="visually-hidden">
                                            {tr(Msg::PersonalLabel)}" · "{row_label}
                                        </label>
                                        <select id=select_id on:change=classify>
                                            {Personal::ALL.into_iter().map(|p| view! {
                                                <option value=p.code() selected=p == current>
                                                    {move || personal_name(i18n.lang(), p)}
                                                </option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                    <td class="encryption">
                                        {match (encryptable, can_encrypt) {
                                            (false, _) => view! {
                                                <span class="muted">{tr(Msg::EncryptionNotPossible)}</span>
                                            }.into_any(),
                                            (true, true) => view! {
                                                <input type="checkbox" id=encrypt_id.clone()
                                                    checked=encryption.seals()
                                                    disabled=matches!(encryption, FieldEncryption::Encrypting | FieldEncryption::Decrypting)
                                                    on:change=toggle />
                                                <label for=encrypt_id>
                                                    {tr(Msg::EncryptedLabel)}
                                                    <span class="visually-hidden">" · "{encrypt_label}</span>
                                                </label>
                                                " "<span class="muted">{tr(encryption_state(encryption))}</span>
                                            }.into_any(),
                                            (true, false) => view! {
                                                <span>{tr(encryption_state(encryption))}</span>
                                            }.into_any(),
                                        }}
                                    </td>
                                    <td class="left-out">
                                        {(current != Personal::NotPersonal).then(|| {
                                            let chosen = RwSignal::new(field.excluded_from.clone());
                                            let key = field.key.clone();
                                            let row_label = left_out_label.clone();
                                            Destination::ALL.into_iter().map(move |destination| {
                                                let box_id = format!("left-out-{key}-{}", destination.code());
                                                let flip = move |ev: leptos::ev::Event| {
                                                    let on = event_target_checked(&ev);
                                                    chosen.update(|c| {
                                                        c.retain(|d| *d != destination);
                                                        if on {
                                                            c.push(destination);
                                                        }
                                                    });
                                                    let update = FieldUpdate {
                                                        excluded_from: Some(chosen.get_untracked()),
                                                        ..FieldUpdate::default()
                                                    };
                                                    form.clear();
                                                    done.set(None);
                                                    spawn_local(async move {
                                                        match api::update_field(module, id, &update).await {
                                                            Ok(_) => done.set(Some(Msg::Saved)),
                                                            Err(failure) => form.fail(failure),
                                                        }
                                                    });
                                                };
                                                let row_label = row_label.clone();
                                                view! {
                                                    <div class="choice">
                                                        <input type="checkbox" id=box_id.clone()
                                                            checked=move || chosen.with(|c| c.contains(&destination))
                                                            on:change=flip />
                                                        <label for=box_id>
                                                            {tr(short_destination(destination))}
                                                            <span class="visually-hidden">" · "{row_label}</span>
                                                        </label>
                                                    </div>
                                                }
                                            }).collect_view()
                                        })}
                                    </td>
                                    <td>
                                        {(!field.standard).then(|| view! {
                                            <button type="button" class="danger" on:click=remove.clone()>
                                                {tr(Msg::Remove)}
                                                <span class="visually-hidden">" "{label.clone()}</span>
                                            </button>
                                        })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="hint">{tr(Msg::EncryptionHint)}</p>
        </section>
    }
}

fn short_destination(destination: Destination) -> Msg {
    match destination {
        Destination::Exports => Msg::ShortExports,
        Destination::Api => Msg::ShortApi,
        Destination::Webhooks => Msg::ShortWebhooks,
    }
}

fn encryption_state(state: FieldEncryption) -> Msg {
    match state {
        FieldEncryption::Off => Msg::EncryptionOff,
        FieldEncryption::Encrypting => Msg::EncryptionEncrypting,
        FieldEncryption::On => Msg::EncryptionOn,
        FieldEncryption::Decrypting => Msg::EncryptionDecrypting,
    }
}

#[component]
fn AddField(module: ModuleId, reload: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::default();
    let done = RwSignal::new(None::<Msg>);
    let label = RwSignal::new(String::new());
    let kind = RwSignal::new(FieldKind::Text.code().to_owned());
    let options = RwSignal::new(String::new());
    let required = RwSignal::new(false);
    let personal = RwSignal::new(Personal::NotPersonal.code().to_owned());
    let is_picklist = move || kind.get() == FieldKind::Picklist.code();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.clear();
        done.set(None);
        let kind = FieldKind::from_code(&kind.get_untracked()).unwrap_or(FieldKind::Text);
        let lines: Vec<String> = if kind == FieldKind::Picklist {
            options
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        };
        let label_ok = form.check("label", parse_label(&label.get_untracked()));
        let options_ok = if kind == FieldKind::Picklist {
            form.check(
                "options",
                parse_options(&lines).map_err(|(_, e): (Option<usize>, FieldError)| e),
            )
        } else {
            Some(Vec::new())
        };
        let (Some(label_text), Some(options_list)) = (label_ok, options_ok) else {
            return;
        };
        let new = NewField {
            label: label_text,
            kind,
            options: options_list,
            required: required.get_untracked(),
            personal: Personal::from_code(&personal.get_untracked()).unwrap_or_default(),
        };
        spawn_local(async move {
            match api::add_field(module, &new).await {
                Ok(_) => {
                    label.set(String::new());
                    options.set(String::new());
                    required.set(false);
                    done.set(Some(Msg::FieldAdded));
                    reload();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <section class="card wide" aria-labelledby="add-field-title">
            <h2 id="add-field-title">{tr(Msg::AddField)}</h2>
            <FormProblem form />
            <Success message=done />
            <form on:submit=submit class="grid-form" novalidate>
                <TextField name="label" label=Msg::FieldLabel value=label form />
                <div class="field">
                    <label for="field-kind">{tr(Msg::FieldKindLabel)}</label>
                    <select id="field-kind" bind:value=kind>
                        {FieldKind::ALL.into_iter().map(|k| view! {
                            <option value=k.code()>{move || field_kind_name(i18n.lang(), k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=is_picklist>
                    <div class="field" class:invalid=move || form.field("options").is_some()>
                        <label for="field-options">{tr(Msg::FieldOptions)}</label>
                        <textarea id="field-options" rows="4" bind:value=options
                            aria-describedby="field-options-hint field-options-error"></textarea>
                        <p class="hint" id="field-options-hint">{tr(Msg::FieldOptionsHint)}</p>
                        <p class="error" id="field-options-error">
                            {move || form.field("options").map(|p| p.message(i18n.lang()))}
                        </p>
                    </div>
                </Show>
                <div class="field">
                    <label for="field-personal">{tr(Msg::PersonalLabel)}</label>
                    <select id="field-personal" bind:value=personal>
                        {Personal::ALL.into_iter().map(|p| view! {
                            <option value=p.code()>{move || personal_name(i18n.lang(), p)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="choice">
                    <input type="checkbox" id="field-required" bind:checked=required />
                    <label for="field-required">{tr(Msg::FieldRequired)}</label>
                </div>
                <button type="submit" class="primary">{tr(Msg::AddField)}</button>
            </form>
        </section>
    }
}
