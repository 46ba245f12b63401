//! Choosing a Data Processing Basis with its lawful reason: the record page's basis change and
//! the bulk change share it.

use consentry_model::{LegalBasis, records::parse_short_text};
use leptos::prelude::*;

use super::form::{FormState, TextField};
use crate::i18n::{Msg, basis_name, tr, use_i18n};

/// The chosen basis and the reason typed for it.
#[derive(Debug, Clone, Copy)]
pub struct BasisInputs {
    basis: RwSignal<String>,
    reason: RwSignal<String>,
}

impl BasisInputs {
    /// Inputs starting at `basis` with `reason`.
    pub fn new(basis: LegalBasis, reason: Option<String>) -> BasisInputs {
        BasisInputs {
            basis: RwSignal::new(basis.code().to_owned()),
            reason: RwSignal::new(reason.unwrap_or_default()),
        }
    }

    /// The basis chosen now (reactive).
    pub fn chosen(self) -> LegalBasis {
        LegalBasis::from_code(&self.basis.get()).unwrap_or_default()
    }

    /// The basis and, for bases that take one, the checked lawful reason; `None` (with the
    /// problem marked in `form`) when the reason is invalid.
    pub fn parse(self, form: FormState) -> Option<(LegalBasis, Option<String>)> {
        let basis = LegalBasis::from_code(&self.basis.get_untracked()).unwrap_or_default();
        if !basis.takes_lawful_reason() {
            return Some((basis, None));
        }
        let reason = form.check(
            "lawful_reason",
            parse_short_text(&self.reason.get_untracked()),
        )?;
        Some((basis, reason))
    }
}

/// The basis select and, when the basis takes one, the lawful-reason field.
#[component]
pub fn BasisChoice(id: &'static str, inputs: BasisInputs, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{tr(Msg::NewBasis)}</label>
            <select id=id bind:value=inputs.basis>
                {LegalBasis::ALL
                    .into_iter()
                    .map(|b| view! { <option value=b.code()>{move || basis_name(i18n.lang(), b)}</option> })
                    .collect_view()}
            </select>
        </div>
        <Show when=move || inputs.chosen().takes_lawful_reason()>
            <TextField name="lawful_reason" label=Msg::LawfulReason value=inputs.reason form hint=Msg::LawfulReasonHint />
        </Show>
    }
}
