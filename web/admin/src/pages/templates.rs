//! `/admin/setup/email-templates`: the messages that carry consent links. The list, and an
//! editor with a merge-field palette that inserts at the cursor, and a preview rendered by
//! the server for a chosen record (the HTML part in a sandboxed frame).

use consentry_model::{
    RecordId, TemplateId,
    records::{RecordFilter, RecordSort},
    templates::{EmailTemplate, MergeField, RenderedMessage, TemplateContent, default_template},
};
use leptos::{html, prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map},
};

use crate::components::title::page_title;
use crate::{
    api::{self, ApiFailure},
    components::{
        confirm::{Asking, ConfirmAction},
        form::{FormProblem, FormState},
        notice::{LoadFailed, Loading, Success},
    },
    i18n::{Msg, tr, use_i18n},
};

/// The list of templates.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    page_title(Msg::NavTemplates);
    let templates = LocalResource::new(api::templates);
    view! {
        <h1>{tr(Msg::NavTemplates)}</h1>
        <p class="lead">{tr(Msg::TemplatesIntro)}</p>
        <section class="card wide">
            {move || match templates.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="hint">{tr(Msg::NoTemplates)}</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Msg::TemplateName)}</th>
                                <th scope="col">{tr(Msg::TemplateSubject)}</th>
                                <th scope="col">{tr(Msg::UpdatedAt)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|t| view! {
                                <tr>
                                    <th scope="row">
                                        <A href=format!("/admin/setup/email-templates/{}", t.id)>{t.content.name}</A>
                                    </th>
                                    <td>{t.content.subject}</td>
                                    <td>{crate::format_time(t.updated_at)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            }}
            <p><A href="/admin/setup/email-templates/new" attr:class="button">{tr(Msg::NewTemplate)}</A></p>
        </section>
    }
}

/// `/admin/setup/email-templates/:id` (`new` for a new one): loads, then shows the editor.
#[component]
pub fn TemplateEditorPage() -> impl IntoView {
    let params = use_params_map();
    page_title(Signal::derive(move || {
        match params.with(|p| p.get("id")).as_deref() {
            Some("new") => Msg::NewTemplate,
            _ => Msg::EditTemplate,
        }
    }));
    // Kept here: saving a new template moves to its own address, which redraws the editor.
    let saved = RwSignal::new(None::<Msg>);
    let template = LocalResource::new(move || {
        let id = params.get().get("id").unwrap_or_default();
        async move {
            if id == "new" {
                return Ok(None);
            }
            match id.parse::<TemplateId>() {
                Ok(id) => api::template(id).await.map(Some),
                Err(_) => Err(ApiFailure::Status {
                    status: 404,
                    body: None,
                }),
            }
        }
    });
    view! {
        <p><A href="/admin/setup/email-templates">"← "{tr(Msg::NavTemplates)}</A></p>
        {move || match template.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(template)) => view! { <Editor template saved /> }.into_any(),
        }}
    }
}

/// Which part of the message the palette writes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Subject,
    Text,
    Html,
}

/// The byte offset of a UTF-16 offset (what the DOM's selection reports) in `text`.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units >= utf16 as usize {
            return at;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[component]
fn Editor(template: Option<EmailTemplate>, saved: RwSignal<Option<Msg>>) -> impl IntoView {
    let navigate = use_navigate();
    let id = template.as_ref().map(|t| t.id);
    // The delete dialog names the template as saved, not as the name field has it now.
    let saved_name = StoredValue::new(
        template
            .as_ref()
            .map(|t| t.content.name.clone())
            .unwrap_or_default(),
    );
    let content = template
        .map(|t| t.content)
        .unwrap_or_else(|| TemplateContent {
            name: String::new(),
            ..default_template()
        });
    let name = RwSignal::new(content.name);
    let subject = RwSignal::new(content.subject);
    let body_text = RwSignal::new(content.body_text);
    let body_html = RwSignal::new(content.body_html.unwrap_or_default());
    // A new template starts in the organisation's language.
    let language = RwSignal::new(match (&content.language, id) {
        (Some(language), _) => language.to_string(),
        (None, Some(_)) => String::new(),
        (None, None) => crate::use_auth()
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.organisation.language.to_string()))
            .unwrap_or_default(),
    });
    let current = move || TemplateContent {
        name: name.get_untracked(),
        subject: subject.get_untracked(),
        body_text: body_text.get_untracked(),
        body_html: Some(body_html.get_untracked()).filter(|h| !h.trim().is_empty()),
        language: consentry_model::forms::FormLang::parse(&language.get_untracked()).ok(),
    };
    // Preview errors name `template.subject`; save errors name `subject`: both land beside it.
    let form = FormState::under("template");

    let focused = RwSignal::new(Part::Text);
    let subject_ref = NodeRef::<html::Input>::new();
    let text_ref = NodeRef::<html::Textarea>::new();
    let html_ref = NodeRef::<html::Textarea>::new();
    let insert = move |field: &'static str| {
        let snippet = format!("{{{{{field}}}}}");
        let part = focused.get_untracked();
        let (signal, selection) = match part {
            Part::Subject => (
                subject,
                subject_ref
                    .get_untracked()
                    .and_then(|e| Some((e.selection_start().ok()??, e.selection_end().ok()??))),
            ),
            Part::Text => (
                body_text,
                text_ref
                    .get_untracked()
                    .and_then(|e| Some((e.selection_start().ok()??, e.selection_end().ok()??))),
            ),
            Part::Html => (
                body_html,
                html_ref
                    .get_untracked()
                    .and_then(|e| Some((e.selection_start().ok()??, e.selection_end().ok()??))),
            ),
        };
        let mut value = signal.get_untracked();
        let (start, end) = selection
            .map(|(s, e)| (byte_offset(&value, s), byte_offset(&value, e)))
            .unwrap_or((value.len(), value.len()));
        value.replace_range(start..end, &snippet);
        let cursor = value[..start + snippet.len()].encode_utf16().count() as u32;
        signal.set(value.clone());
        // Put the cursor after the inserted field, in the element itself.
        match part {
            Part::Subject => {
                if let Some(e) = subject_ref.get_untracked() {
                    e.set_value(&value);
                    let _ = e.focus();
                    let _ = e.set_selection_range(cursor, cursor);
                }
            }
            Part::Text | Part::Html => {
                let element = if part == Part::Text {
                    text_ref.get_untracked()
                } else {
                    html_ref.get_untracked()
                };
                if let Some(e) = element {
                    e.set_value(&value);
                    let _ = e.focus();
                    let _ = e.set_selection_range(cursor, cursor);
                }
            }
        }
    };

    let save = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            form.clear();
            saved.set(None);
            let content = current();
            let navigate = navigate.clone();
            spawn_local(async move {
                match api::save_template(id, &content).await {
                    Ok(template) => {
                        saved.set(Some(Msg::TemplateSaved));
                        if id.is_none() {
                            navigate(
                                &format!("/admin/setup/email-templates/{}", template.id),
                                Default::default(),
                            );
                        }
                    }
                    Err(failure) => form.fail(failure),
                }
            });
        }
    };
    let asking = Asking::new();
    let delete = Callback::new(move |id| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::delete_template(id).await {
                Ok(()) => navigate("/admin/setup/email-templates", Default::default()),
                Err(failure) => form.fail(failure),
            }
        });
    });

    view! {
        <h1>{tr(if id.is_some() { Msg::EditTemplate } else { Msg::NewTemplate })}</h1>
        <div class="columns">
            <form class="card" on:submit=save novalidate>
                <Success message=saved />
                <FormProblem form />
                <MessagePart
                    name="name" label=Msg::TemplateName value=name form
                    on_focus=move || ()
                />
                <div class="field">
                    <label for="template-language">{tr(Msg::TemplateLanguage)}</label>
                    <select id="template-language" bind:value=language>
                        <option value="" selected=language.get_untracked().is_empty()>
                            {tr(Msg::LanguageNotSaid)}
                        </option>
                        {crate::components::form::subject_language_options(language)}
                    </select>
                </div>
                <MessagePart
                    name="subject" label=Msg::TemplateSubject value=subject form
                    input_ref=subject_ref on_focus=move || focused.set(Part::Subject)
                />
                <fieldset class="merge-fields">
                    <legend>{tr(Msg::MergeFieldsLabel)}</legend>
                    {MergeField::OFFERED.into_iter().map(|field| view! {
                        <button type="button" class="secondary chip" on:click=move |_| insert(field)>
                            <code>{format!("{{{{{field}}}}}")}</code>
                        </button>
                    }).collect_view()}
                </fieldset>
                <MessagePart
                    name="body_text" label=Msg::TemplateText value=body_text form
                    area_ref=text_ref rows=10 on_focus=move || focused.set(Part::Text)
                />
                <MessagePart
                    name="body_html" label=Msg::TemplateHtml value=body_html form
                    area_ref=html_ref rows=8 hint=Msg::TemplateHtmlHint
                    on_focus=move || focused.set(Part::Html)
                />
                <div class="inline-form">
                    <button type="submit">{tr(Msg::SaveTemplate)}</button>
                    {id.map(|id| view! {
                        <button type="button" class="danger"
                            on:click=move |_| asking.ask(id, saved_name.get_value())>
                            {tr(Msg::DeleteTemplate)}
                        </button>
                    })}
                </div>
            </form>
            <Preview content=Callback::new(move |()| current()) form />
        </div>
        <ConfirmAction
            id="delete-template-confirm"
            asking
            action=Msg::DeleteTemplate
            consequence=Msg::ConfirmDeleteTemplate
            on_confirm=delete
        />
    }
}

/// A labelled input or text area of the template, with its error.
#[component]
fn MessagePart(
    name: &'static str,
    label: Msg,
    value: RwSignal<String>,
    form: FormState,
    on_focus: impl Fn() + 'static,
    #[prop(optional)] input_ref: Option<NodeRef<html::Input>>,
    #[prop(optional)] area_ref: Option<NodeRef<html::Textarea>>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] hint: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("template-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let problem = move || form.field(name);
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let invalid = move || if problem().is_some() { "true" } else { "false" };
    let input = match area_ref {
        Some(node) => view! {
            <textarea id=id.clone() node_ref=node rows=rows bind:value=value
                on:focus=move |_| on_focus() aria-invalid=invalid
                aria-describedby=described.clone()></textarea>
        }
        .into_any(),
        None => {
            let node = input_ref.unwrap_or_default();
            view! {
                <input id=id.clone() node_ref=node type="text" bind:value=value
                    on:focus=move |_| on_focus() aria-invalid=invalid
                    aria-describedby=described.clone() />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=id.clone()>{tr(label)}</label>
            {input}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
            <p class="error" id=error_id>{move || problem().map(|p| p.message(i18n.lang()))}</p>
        </div>
    }
}

/// Pick a record, see the message it would get.
#[component]
fn Preview(content: Callback<(), TemplateContent>, form: FormState) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let chosen = RwSignal::new(String::new());
    let records = LocalResource::new(move || {
        let q = search.get().trim().to_owned();
        async move {
            let filter = RecordFilter {
                q: (q.chars().count() >= 2).then_some(q),
                ..RecordFilter::default()
            };
            api::records(&filter, RecordSort::Newest, None, 50).await
        }
    });
    // The select shows the first match until another is picked: keep the choice in step.
    Effect::new(move || {
        if let Some(Ok(page)) = records.get() {
            let current = chosen.get_untracked();
            if !page.records.iter().any(|r| r.id.to_string() == current) {
                chosen.set(
                    page.records
                        .first()
                        .map(|r| r.id.to_string())
                        .unwrap_or_default(),
                );
            }
        }
    });
    let rendered = RwSignal::new(None::<RenderedMessage>);
    let show = move |_| {
        form.clear();
        let Ok(record_id) = chosen.get_untracked().parse::<RecordId>() else {
            return;
        };
        let preview = consentry_model::templates::TemplatePreview {
            template: content.run(()),
            record_id,
            form_id: None,
        };
        spawn_local(async move {
            match api::preview_template(&preview).await {
                Ok(message) => rendered.set(Some(message)),
                Err(failure) => {
                    rendered.set(None);
                    form.fail(failure);
                }
            }
        });
    };
    view! {
        <section class="card preview" aria-labelledby="template-preview-title">
            <h2 id="template-preview-title">{tr(Msg::PreviewTitle)}</h2>
            <div class="field">
                <label for="preview-search">{tr(Msg::PreviewSearch)}</label>
                <input id="preview-search" type="search" bind:value=search />
            </div>
            {move || match records.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(page)) if page.records.is_empty() => {
                    view! { <p class="hint">{tr(Msg::NoMatchingRecords)}</p> }.into_any()
                }
                Some(Ok(page)) => view! {
                    <div class="field">
                        <label for="preview-record">{tr(Msg::PreviewRecord)}</label>
                        <select id="preview-record" bind:value=chosen>
                            {page.records.into_iter().take(20).map(|r| {
                                let email = r.fields.email.as_ref().map(|e| format!(" <{e}>")).unwrap_or_default();
                                let selected = r.id.to_string() == chosen.get_untracked();
                                view! { <option value=r.id.to_string() selected=selected>{format!("{}{email}", r.fields.display_name())}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="button" class="secondary" on:click=show>{tr(Msg::ShowPreview)}</button>
                }
                .into_any(),
            }}
            {move || rendered.get().map(|m| view! {
                <div id="template-preview">
                    <p class="hint">{tr(Msg::PreviewLinkNote)}</p>
                    <p><strong>{tr(Msg::TemplateSubject)}": "</strong>{m.subject}</p>
                    <pre class="message-body">{m.body_text}</pre>
                    {m.body_html.map(|html| view! {
                        // No scripts, no same-origin access: the admin's HTML is shown, not run.
                        <iframe class="message-html" sandbox="" srcdoc=html title=tr(Msg::HtmlPreview)></iframe>
                    })}
                </div>
            })}
        </section>
    }
}
