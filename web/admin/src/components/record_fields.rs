//! A record's fields as form inputs: the six standard ones and the module's custom fields,
//! parsed with the model's rules; shared by the new-record form and the record page.

use std::collections::BTreeMap;

use consentry_model::{
    Email,
    fields::{Field, FieldKind, FieldValue},
    records::{RecordFields, parse_short_text},
};
use leptos::prelude::*;

use super::form::{FormState, TextField};
use crate::i18n::{Msg, tr, use_i18n};

/// A custom field, its input's text, and the value it was filled from.
type CustomInput = (Field, RwSignal<String>, Option<FieldValue>);

/// One signal per standard field, and one per custom field of the module.
#[derive(Debug, Clone, Copy)]
pub struct RecordInputs {
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    company: RwSignal<String>,
    country: RwSignal<String>,
    /// The module's custom fields, each with its input's text and the value it was filled
    /// from.
    custom: RwSignal<Vec<CustomInput>>,
    /// Fields whose values this user sees masked: no input (the server keeps their values).
    hidden: RwSignal<Vec<String>>,
}

impl RecordInputs {
    /// Inputs holding `fields`; custom inputs appear once [`RecordInputs::set_fields`] is
    /// given the module's fields.
    pub fn new(fields: &RecordFields) -> RecordInputs {
        let text = |v: &Option<String>| RwSignal::new(v.clone().unwrap_or_default());
        RecordInputs {
            first_name: text(&fields.first_name),
            last_name: text(&fields.last_name),
            email: RwSignal::new(
                fields
                    .email
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            phone: text(&fields.phone),
            company: text(&fields.company),
            country: text(&fields.country),
            custom: RwSignal::new(Vec::new()),
            hidden: RwSignal::new(Vec::new()),
        }
    }

    /// Leaves out the inputs of fields this user sees masked.
    pub fn hide(self, keys: Vec<String>) {
        self.hidden.set(keys);
    }

    fn shows(self, key: &str) -> bool {
        self.hidden.with(|h| !h.iter().any(|k| k == key))
    }

    /// Shows the custom fields of the module, filled from `values`.
    pub fn set_fields(self, fields: &[Field], values: &BTreeMap<String, FieldValue>) {
        self.custom.set(
            fields
                .iter()
                .filter(|f| !f.standard && self.shows(&f.key))
                .map(|f| {
                    // Yes/no reads as `true`/`false`, the values of its select.
                    let value = values.get(&f.key).cloned();
                    let text = value.as_ref().map(ToString::to_string).unwrap_or_default();
                    (f.clone(), RwSignal::new(text), value)
                })
                .collect(),
        );
    }

    /// Parses every input, marking the ones that fail in `form`.
    pub fn parse(self, form: FormState) -> Option<RecordFields> {
        let text = |name, signal: RwSignal<String>| {
            form.check(name, parse_short_text(&signal.get_untracked()))
        };
        let email_text = self.email.get_untracked();
        let parsed = (
            text("first_name", self.first_name),
            text("last_name", self.last_name),
            if email_text.trim().is_empty() {
                Some(None)
            } else {
                form.check("email", Email::parse(&email_text)).map(Some)
            },
            text("phone", self.phone),
            text("company", self.company),
            text("country", self.country),
        );
        let mut custom = BTreeMap::new();
        let mut custom_ok = true;
        for (field, value, stored) in self.custom.get_untracked() {
            let name = format!("custom.{}", field.key);
            let text = value.get_untracked();
            // A value nobody touched goes back as it was stored (0.125 written out reads
            // as ambiguous, though the number itself is not).
            let parsed = match stored {
                Some(stored) if stored.to_string() == text => Ok(Some(stored)),
                _ => field.parse_text(&text),
            }
            .and_then(|v| match v {
                None if field.required => Err(consentry_model::FieldError::Empty),
                other => Ok(other),
            });
            match form.check(&name, parsed) {
                Some(Some(v)) => {
                    custom.insert(field.key.clone(), v);
                }
                Some(None) => {}
                None => custom_ok = false,
            }
        }
        let (
            Some(first_name),
            Some(last_name),
            Some(email),
            Some(phone),
            Some(company),
            Some(country),
            true,
        ) = (
            parsed.0, parsed.1, parsed.2, parsed.3, parsed.4, parsed.5, custom_ok,
        )
        else {
            return None;
        };
        let fields = RecordFields {
            first_name,
            last_name,
            email,
            phone,
            company,
            country,
            custom,
        };
        match fields.check() {
            Ok(()) => Some(fields),
            Err((field, error)) => form.check(field, Err(error)),
        }
    }
}

/// The labelled inputs: standard fields, then custom ones.
#[component]
pub fn RecordFieldInputs(inputs: RecordInputs, form: FormState) -> impl IntoView {
    view! {
        <Show when=move || inputs.shows("first_name")>
            <TextField name="first_name" label=Msg::FirstName value=inputs.first_name form />
        </Show>
        <Show when=move || inputs.shows("last_name")>
            <TextField name="last_name" label=Msg::LastName value=inputs.last_name form />
        </Show>
        <Show when=move || inputs.shows("email")>
            <TextField name="email" label=Msg::Email value=inputs.email form input_type="email" />
        </Show>
        <Show when=move || inputs.shows("phone")>
            <TextField name="phone" label=Msg::Phone value=inputs.phone form input_type="tel" />
        </Show>
        <Show when=move || inputs.shows("company")>
            <TextField name="company" label=Msg::Company value=inputs.company form />
        </Show>
        <Show when=move || inputs.shows("country")>
            <TextField name="country" label=Msg::Country value=inputs.country form />
        </Show>
        <For
            each=move || inputs.custom.get()
            key=|(field, _, _)| field.id
            children=move |(field, value, _)| view! { <CustomFieldInput field value form /> }
        />
    }
}

/// One custom field's input, of the kind its field asks for.
#[component]
fn CustomFieldInput(field: Field, value: RwSignal<String>, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("custom.{}", field.key);
    let id = format!("field-custom-{}", field.key);
    let error_id = format!("{id}-error");
    let problem = {
        let name = StoredValue::new(name.clone());
        move || name.with_value(|n| form.field(n))
    };
    let invalid = move || if problem().is_some() { "true" } else { "false" };
    let described_by = {
        let error_id = error_id.clone();
        move || problem().map(|_| error_id.clone())
    };
    let input = match field.kind {
        FieldKind::Boolean | FieldKind::Picklist => {
            let choices: Vec<(String, Option<Msg>)> = if field.kind == FieldKind::Boolean {
                vec![
                    ("true".into(), Some(Msg::Yes)),
                    ("false".into(), Some(Msg::No)),
                ]
            } else {
                field.options.iter().map(|o| (o.clone(), None)).collect()
            };
            view! {
                <select id=id.clone() name=name.clone() bind:value=value
                    aria-invalid=invalid aria-describedby=described_by
                    aria-required=field.required.to_string()>
                    <option value="">{tr(Msg::Unset)}</option>
                    {choices
                        .into_iter()
                        .map(|(v, msg)| {
                            let text = v.clone();
                            view! {
                                <option value=v>
                                    {move || msg.map_or_else(|| text.clone(), |m| crate::i18n::text(i18n.lang(), m).to_owned())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        kind => {
            let input_type = match kind {
                FieldKind::Email => "email",
                FieldKind::Phone => "tel",
                FieldKind::Number => "text",
                FieldKind::Date => "date",
                _ => "text",
            };
            let mode = (kind == FieldKind::Number).then_some("decimal");
            view! {
                <input id=id.clone() name=name.clone() type=input_type inputmode=mode bind:value=value
                    aria-invalid=invalid aria-describedby=described_by
                    aria-required=field.required.to_string() />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=id>
                {field.label.clone()}
                {field.required.then(|| view! { <span class="muted">" *"</span> })}
            </label>
            {input}
            <p class="error" id=error_id>
                {move || problem().map(|p| p.message(i18n.lang()))}
            </p>
        </div>
    }
}
