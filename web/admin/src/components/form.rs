//! Form fields with labels, hints and errors wired up for screen readers, and the error state
//! of a form: client-side parse errors (from the model's parsers) and server answers.

use std::collections::HashMap;

use consentry_model::{FieldError, Lang};
use leptos::prelude::*;

use crate::{
    api::ApiFailure,
    i18n::{Msg, field_error, tr, use_i18n},
};

/// Something wrong with a field or a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A value the model's parser refused.
    Field(FieldError),
    /// What the server answered.
    Api(ApiFailure),
    /// A message of the catalogue.
    Text(Msg),
}

impl Problem {
    /// A sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Field(e) => field_error(lang, *e),
            Problem::Api(e) => e.message(lang),
            Problem::Text(m) => crate::i18n::text(lang, *m).to_owned(),
        }
    }
}

/// The problems of one form: per field, and for the form as a whole.
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    fields: RwSignal<HashMap<String, Problem>>,
    form: RwSignal<Option<Problem>>,
    /// Where the form's fields sit in the request body (`fields` for `fields.last_name`), so a
    /// server error lands beside the input it names.
    prefix: Option<&'static str>,
}

impl Default for FormState {
    fn default() -> Self {
        FormState {
            fields: RwSignal::new(HashMap::new()),
            form: RwSignal::new(None),
            prefix: None,
        }
    }
}

impl FormState {
    /// A form whose inputs sit under `prefix` in the request body.
    pub fn under(prefix: &'static str) -> FormState {
        FormState {
            prefix: Some(prefix),
            ..FormState::default()
        }
    }

    /// Forgets all problems (before a new attempt).
    pub fn clear(self) {
        self.fields.set(HashMap::new());
        self.form.set(None);
    }

    /// Parses a field, remembering its problem; `None` when it failed.
    pub fn check<T>(self, field: &str, parsed: Result<T, FieldError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(e) => {
                self.fields.update(|f| {
                    f.insert(field.to_owned(), Problem::Field(e));
                });
                self.form.set(Some(Problem::Text(Msg::FixFields)));
                None
            }
        }
    }

    /// Shows a server answer: beside the field it names (with a summary above the form), or
    /// for the whole form.
    pub fn fail(self, failure: ApiFailure) {
        let field = failure.field().map(|f| {
            self.prefix
                .and_then(|p| f.strip_prefix(p)?.strip_prefix('.'))
                .unwrap_or(f)
                .to_owned()
        });
        match field {
            Some(field) => {
                self.fields.update(|f| {
                    f.insert(field, Problem::Api(failure));
                });
                self.form.set(Some(Problem::Text(Msg::FixFields)));
            }
            None => self.form.set(Some(Problem::Api(failure))),
        }
    }

    /// Shows a form-wide problem.
    pub fn fail_with(self, problem: Problem) {
        self.form.set(Some(problem));
    }

    /// The problem of one field, if it has one.
    pub fn field(self, name: &str) -> Option<Problem> {
        self.fields.with(|f| f.get(name).cloned())
    }
}

/// A labelled text input with an optional hint and its error, announced to screen readers.
#[component]
pub fn TextField(
    /// Field name (also the server's name for it).
    name: &'static str,
    /// Label text.
    label: Msg,
    /// The value.
    value: RwSignal<String>,
    /// The form whose problems to show.
    form: FormState,
    /// `type` attribute.
    #[prop(default = "text")]
    input_type: &'static str,
    /// `autocomplete` attribute.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// A hint under the field.
    #[prop(optional)]
    hint: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let problem = move || form.field(name);
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if problem().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=id.clone()>{tr(label)}</label>
            <input
                id=id
                name=name
                type=input_type
                autocomplete=autocomplete
                bind:value=value
                aria-invalid=move || if problem().is_some() { "true" } else { "false" }
                aria-describedby=described_by
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
            <p class="error" id=error_id>
                {move || problem().map(|p| p.message(i18n.lang()))}
            </p>
        </div>
    }
}

/// The form-wide problem, announced as an alert.
#[component]
pub fn FormProblem(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="alert" class="form-problem">
            {move || {
                form.form.get().map(|p| view! { <p class="notice error">{p.message(i18n.lang())}</p> })
            }}
        </div>
    }
}

/// The options of a select of the languages data subjects are written to in, each by its own
/// name and code (`Nederlands (nl)`), the one in `selected` chosen.
pub fn subject_language_options(selected: RwSignal<String>) -> impl IntoView {
    consentry_words::subject::LANGUAGES
        .iter()
        .map(|(code, name)| {
            view! {
                <option value=*code selected=selected.get_untracked() == *code>
                    {format!("{name} ({code})")}
                </option>
            }
        })
        .collect_view()
}
