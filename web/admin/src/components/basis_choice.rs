//! Choosing a Data Processing Basis with its lawful reason, and the in-page confirmation that
//! names what will be recorded: the record page's basis change and the bulk change share it.
//!
//! Each change carries its own reason: the reason starts empty and is emptied whenever the
//! basis changes, so a reason typed for one basis is never sent with another.

use consentry_model::{
    LegalBasis,
    lawful_reason::{ChangeWarning, ReasonNeed, ReasonShows, parse_lawful_reason, reason_need},
};
use consentry_ui::ConfirmDialog;
use leptos::prelude::*;

use super::form::{FormState, TextField};
use crate::i18n::{Msg, basis_name, tr, use_i18n};

/// The chosen basis and the reason typed for it.
#[derive(Debug, Clone, Copy)]
pub struct BasisInputs {
    basis: RwSignal<String>,
    reason: RwSignal<String>,
}

/// A checked basis change, ready to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenBasis {
    /// The new basis.
    pub basis: LegalBasis,
    /// The lawful reason given for it.
    pub lawful_reason: Option<String>,
    /// What a reviewer would ask about it (shown in the confirmation).
    pub warning: Option<ChangeWarning>,
}

impl BasisInputs {
    /// Inputs starting at `basis`, with an empty reason.
    pub fn new(basis: LegalBasis) -> BasisInputs {
        BasisInputs {
            basis: RwSignal::new(basis.code().to_owned()),
            reason: RwSignal::new(String::new()),
        }
    }

    /// The basis chosen now (reactive).
    pub fn chosen(self) -> LegalBasis {
        LegalBasis::from_code(&self.basis.get()).unwrap_or_default()
    }

    /// Chooses a basis; a different one starts with an empty reason.
    pub fn choose(self, code: String) {
        if code != self.basis.get_untracked() {
            self.basis.set(code);
            self.reason.set(String::new());
        }
    }

    /// Empties the reason (after a change was made with it).
    pub fn clear_reason(self) {
        self.reason.set(String::new());
    }

    /// The basis and its lawful reason, checked by the model's rule (the server applies the
    /// same); `None`, with the problem marked in `form`, when the reason is missing or
    /// invalid.
    pub fn parse(self, form: FormState) -> Option<ChosenBasis> {
        let basis = LegalBasis::from_code(&self.basis.get_untracked()).unwrap_or_default();
        let text = basis
            .takes_lawful_reason()
            .then(|| self.reason.get_untracked());
        let checked = form.check("lawful_reason", parse_lawful_reason(basis, text.as_deref()))?;
        Some(ChosenBasis {
            basis,
            lawful_reason: checked.text,
            warning: checked.warning,
        })
    }
}

/// The hint under the reason: what it must (or should) show for the basis.
fn reason_hint(basis: LegalBasis) -> Msg {
    match reason_need(basis) {
        ReasonNeed::Required(ReasonShows::BalancingTest) => Msg::ReasonHintBalancingTest,
        ReasonNeed::Required(ReasonShows::Law) => Msg::ReasonHintLaw,
        ReasonNeed::Required(ReasonShows::PublicTask) => Msg::ReasonHintPublicTask,
        ReasonNeed::Required(ReasonShows::VitalInterest) => Msg::ReasonHintVitalInterest,
        ReasonNeed::Recommended | ReasonNeed::NotTaken => Msg::ReasonHintContract,
    }
}

/// The basis select and, when the basis takes one, the lawful-reason field with what it must
/// show.
#[component]
pub fn BasisChoice(id: &'static str, inputs: BasisInputs, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| inputs.choose(event_target_value(&ev));
    view! {
        <div class="field">
            <label for=id>{tr(Msg::NewBasis)}</label>
            <select id=id prop:value=move || inputs.basis.get() on:change=on_change>
                {LegalBasis::ALL
                    .into_iter()
                    .map(|b| view! {
                        <option value=b.code() selected=move || inputs.chosen() == b>
                            {move || basis_name(i18n.lang(), b)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
        {move || {
            let basis = inputs.chosen();
            basis.takes_lawful_reason().then(|| {
                let label = if matches!(reason_need(basis), ReasonNeed::Required(_)) {
                    Msg::LawfulReasonRequired
                } else {
                    Msg::LawfulReason
                };
                view! {
                    <TextField name="lawful_reason" label value=inputs.reason form hint=reason_hint(basis) />
                }
            })
        }}
    }
}

/// The in-page confirmation of a basis change: how many records, the new basis and the
/// reason exactly as it will be recorded, and the warning a reviewer would raise.
#[component]
pub fn ConfirmBasisChange(
    /// Element id of the dialog.
    id: &'static str,
    /// Whether it is shown.
    open: RwSignal<bool>,
    /// The change to confirm and how many records it touches.
    pending: RwSignal<Option<(ChosenBasis, u64)>>,
    /// Runs on confirmation.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || pending.with(|p| p.as_ref().map_or(0, |(_, n)| *n));
    let title = Signal::derive(move || {
        let n = count();
        match n {
            1 => i18n.t(Msg::ConfirmBasisOne).to_owned(),
            n => format!("{n} {}", i18n.t(Msg::ConfirmBasisMany)),
        }
    });
    let confirm_label = Signal::derive(move || i18n.t(Msg::ConfirmChangeBasis).to_owned());
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    let body = move || {
        pending.get().map(|(chosen, _)| {
            let lang = i18n.lang();
            view! {
                <dl class="confirm-facts">
                    <dt>{tr(Msg::NewBasis)}</dt>
                    <dd class="confirm-basis">{basis_name(lang, chosen.basis)}</dd>
                    {chosen.basis.takes_lawful_reason().then(|| view! {
                        <dt>{tr(Msg::LawfulReason)}</dt>
                        <dd class="confirm-reason">
                            {chosen.lawful_reason.clone().unwrap_or_else(|| i18n.t(Msg::NoReasonGiven).to_owned())}
                        </dd>
                    })}
                </dl>
                {chosen.warning.map(|w| match w {
                    ChangeWarning::ContractWithoutReason => view! {
                        <p class="notice warning" role="note">{tr(Msg::WarningContractWithoutReason)}</p>
                    },
                })}
            }
        })
    };
    view! {
        <ConfirmDialog id open title confirm_label cancel_label on_confirm>
            {body}
        </ConfirmDialog>
    }
}
