//! The standard fields of a record as form inputs, parsed with the model's rules; shared by
//! the new-record form and the record page.

use consentry_model::{
    Email,
    records::{RecordFields, parse_short_text},
};
use leptos::prelude::*;

use super::form::{FormState, TextField};
use crate::i18n::Msg;

/// One signal per standard field.
#[derive(Debug, Clone, Copy)]
pub struct RecordInputs {
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    company: RwSignal<String>,
    country: RwSignal<String>,
}

impl RecordInputs {
    /// Inputs holding `fields`.
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
        }
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
        let (
            Some(first_name),
            Some(last_name),
            Some(email),
            Some(phone),
            Some(company),
            Some(country),
        ) = parsed
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
        };
        match fields.check() {
            Ok(()) => Some(fields),
            Err((field, error)) => form.check(field, Err(error)),
        }
    }
}

/// The six labelled inputs.
#[component]
pub fn RecordFieldInputs(inputs: RecordInputs, form: FormState) -> impl IntoView {
    view! {
        <TextField name="first_name" label=Msg::FirstName value=inputs.first_name form />
        <TextField name="last_name" label=Msg::LastName value=inputs.last_name form />
        <TextField name="email" label=Msg::Email value=inputs.email form input_type="email" />
        <TextField name="phone" label=Msg::Phone value=inputs.phone form input_type="tel" />
        <TextField name="company" label=Msg::Company value=inputs.company form />
        <TextField name="country" label=Msg::Country value=inputs.country form />
    }
}
