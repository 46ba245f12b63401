//! The embeddable widget: which sites may embed a form, the configuration its script renders,
//! and site visitors' banner decisions, each stored as an anonymous consent event with a
//! signed receipt.

use std::collections::BTreeSet;

use consentry_model::{
    ConsentStatus, ErrorCode, FieldError, FormId, OrgSlug,
    audit::AuditAction,
    auth::Session,
    forms::{ConsentForm, FormLang},
    widget::{
        MAX_ORIGINS, VisitorChoice, VisitorConsentPage, VisitorConsentSummary, VisitorDecision,
        VisitorReceipt, WidgetConfig, WidgetLabels, WidgetSettings, parse_origin,
    },
};
use serde_json::json;
use uuid::Uuid;

use super::{
    Error, Result, clock,
    consent::truncate_ip,
    receipts::{self, Answered, Receipt},
    signup::double_opt_in,
};
use crate::store::{AuditNote, PublicForm, Store, VisitorConsentQuery, VisitorConsentWrite};

/// Checks widget settings: every origin parsed into its one spelling, no repeats.
fn checked(settings: WidgetSettings) -> Result<WidgetSettings> {
    if settings.allowed_origins.len() > MAX_ORIGINS as usize {
        return Err(Error::Invalid {
            field: "allowed_origins".into(),
            error: FieldError::OutOfRange {
                min: 0,
                max: MAX_ORIGINS,
            },
        });
    }
    let mut origins: Vec<String> = Vec::new();
    for (i, origin) in settings.allowed_origins.iter().enumerate() {
        let origin = parse_origin(origin).map_err(|_| Error::Rejected {
            field: format!("allowed_origins[{i}]"),
            message: format!(
                "{:?} is not a site's origin: write it as https://www.example.org (no path; \
                 plain http:// only for localhost).",
                origin.trim()
            ),
        })?;
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    Ok(WidgetSettings {
        allowed_origins: origins,
        consent_mode: settings.consent_mode,
    })
}

/// Sets where a form may be embedded and whether its banner drives Google Consent Mode.
pub async fn set_settings(
    store: &dyn Store,
    session: &Session,
    form: FormId,
    settings: WidgetSettings,
) -> Result<ConsentForm> {
    let settings = checked(settings)?;
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::FormWidgetChanged,
        subject: Some(form.to_string()),
        before: None,
        after: Some(json!(settings)),
    };
    store
        .set_widget(session.organisation.id, form, &settings, audit)
        .await?
        .ok_or(Error::NotFound("consent form"))
}

/// Largest page of a consent log.
pub const MAX_LOG_PAGE: u32 = 200;

/// A form's consent log, newest first, or the decision with one receipt id.
pub async fn log(
    store: &dyn Store,
    session: &Session,
    form: FormId,
    mut query: VisitorConsentQuery,
) -> Result<VisitorConsentPage> {
    let organisation = session.organisation.id;
    ensure_form(store, session, form).await?;
    if !(1..=MAX_LOG_PAGE).contains(&query.limit) {
        return Err(Error::Invalid {
            field: "limit".into(),
            error: FieldError::OutOfRange {
                min: 1,
                max: MAX_LOG_PAGE,
            },
        });
    }
    let limit = query.limit;
    // One more than asked says whether there is a next page.
    query.limit += 1;
    let mut consents = store.visitor_consents(organisation, form, query).await?;
    let next = (consents.len() > limit as usize).then(|| {
        consents.truncate(limit as usize);
        consents.last().map(|c| c.receipt_id)
    });
    Ok(VisitorConsentPage {
        consents,
        next: next.flatten(),
    })
}

/// How a form's banner has been answered.
pub async fn summary(
    store: &dyn Store,
    session: &Session,
    form: FormId,
) -> Result<VisitorConsentSummary> {
    ensure_form(store, session, form).await?;
    Ok(store
        .visitor_consent_summary(session.organisation.id, form)
        .await?)
}

/// Not found unless the form is the organisation's.
async fn ensure_form(store: &dyn Store, session: &Session, form: FormId) -> Result<()> {
    store
        .form(session.organisation.id, form)
        .await?
        .map(|_| ())
        .ok_or(Error::NotFound("consent form"))
}

/// The published form behind a widget's address.
pub async fn published(store: &dyn Store, organisation: &str, form: &str) -> Result<PublicForm> {
    let not_found = || Error::NotFound("published consent form");
    let slug = OrgSlug::parse(organisation).map_err(|_| not_found())?;
    store.public_form(&slug, form).await?.ok_or_else(not_found)
}

/// Whether a page on `origin` may use the form's widget.
pub fn allows(form: &PublicForm, origin: &str) -> bool {
    parse_origin(origin).is_ok_and(|o| form.widget.allowed_origins.contains(&o))
}

/// What the script renders, in `lang` when the form has it.
pub async fn config(
    store: &dyn Store,
    form: &PublicForm,
    lang: Option<&FormLang>,
    gpc: bool,
) -> Result<WidgetConfig> {
    // The inline form says what is kept until when, as the hosted sign-up page does.
    let kept_until = match form.sign_up.module_id {
        Some(_) => super::signup::kept_until(store, form).await?,
        None => None,
    };
    let design = &form.design;
    let (lang, texts) = design
        .texts_for(lang)
        .ok_or_else(|| Error::Internal("a published form without its default language".into()))?;
    Ok(WidgetConfig {
        organisation: form.organisation_name.clone(),
        version: form.version.version,
        purposes_fingerprint: design.purposes_fingerprint(),
        lang: lang.clone(),
        purposes: design.purposes.clone(),
        channels: design.channels.clone(),
        texts: texts.clone(),
        labels: WidgetLabels::for_lang(lang),
        policy_url: design.policy_url.clone(),
        brand_colour: design.brand_colour.clone(),
        sign_up: form.sign_up.module_id.is_some(),
        double_opt_in: double_opt_in(form),
        kept_until,
        consent_mode: form.widget.consent_mode,
        gpc,
    })
}

/// Where a decision came from.
#[derive(Debug, Clone, Copy)]
pub struct Visit<'a> {
    /// The embedding page's origin, when the browser said.
    pub origin: Option<&'a str>,
    /// The client's address.
    pub ip: &'a str,
    /// The browser.
    pub user_agent: Option<&'a str>,
    /// Whether the request carried `Sec-GPC: 1`.
    pub gpc_header: bool,
}

/// Stores a visitor's banner decision and returns its signed receipt.
#[tracing::instrument(skip_all, fields(organisation = %form.organisation, form = %form.form))]
pub async fn decide(
    store: &dyn Store,
    form: &PublicForm,
    decision: VisitorDecision,
    visit: Visit<'_>,
) -> Result<VisitorReceipt> {
    if decision.version != form.version.version {
        return Err(Error::Gone {
            code: ErrorCode::FormChanged,
            message: "A newer version of this form was published: show it and ask again.".into(),
        });
    }
    let design = &form.design;
    if let Some(unknown) = decision
        .granted
        .iter()
        .find(|k| !design.purposes.iter().any(|p| p.key == **k))
    {
        return Err(Error::Rejected {
            field: "granted".into(),
            message: format!("The form has no purpose {unknown:?}."),
        });
    }
    let mut granted = decision.granted;
    granted.extend(
        design
            .purposes
            .iter()
            .filter(|p| p.required)
            .map(|p| p.key.clone()),
    );
    let optional: BTreeSet<&String> = design
        .purposes
        .iter()
        .filter(|p| !p.required)
        .map(|p| &p.key)
        .collect();
    let chosen = optional.iter().filter(|k| granted.contains(**k)).count();
    let choice = match chosen {
        n if n == optional.len() => VisitorChoice::AcceptedAll,
        0 => VisitorChoice::RejectedAll,
        _ => VisitorChoice::Customised,
    };
    let gpc = decision.gpc || visit.gpc_header;
    let (lang, _) = design
        .texts_for(Some(&decision.lang))
        .ok_or_else(|| Error::Internal("a published form without its default language".into()))?;
    let id = Uuid::now_v7();
    let at = clock::now();
    let (kid, key) = receipts::organisation_key(store, form.organisation).await?;
    let context = receipts::context(
        store,
        form.organisation,
        &form.organisation_name,
        receipts::Covered::SiteVisitor,
    )
    .await?;
    let receipt = Receipt::of(
        Answered {
            context: &context,
            principal: "anonymous site visitor",
            form_name: &form.form_name,
            design,
            version: form.version.version,
            text_hash: &form.version.text_hash,
            lang,
            status: ConsentStatus::Obtained,
            granted: &granted,
            decision: if choice == VisitorChoice::RejectedAll {
                "refused"
            } else {
                "granted"
            },
        },
        id,
        at,
        &format!(
            "website banner{}{}",
            visit.origin.map(|o| format!(" on {o}")).unwrap_or_default(),
            if gpc { " (Global Privacy Control)" } else { "" }
        ),
    );
    store
        .insert_visitor_consent(
            form.organisation,
            &VisitorConsentWrite {
                id,
                form: form.form,
                version: form.version.version,
                text_hash: form.version.text_hash.clone(),
                lang: lang.clone(),
                choice,
                granted: granted.clone(),
                gpc,
                origin: visit.origin.map(str::to_owned),
                ip: truncate_ip(visit.ip),
                user_agent: visit.user_agent.map(|ua| ua.chars().take(300).collect()),
                at,
            },
        )
        .await?;
    Ok(VisitorReceipt {
        receipt_id: id,
        receipt: receipts::sign(&key, &kid, &receipt),
        granted,
        gpc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked_and_kept_once() {
        let settings = checked(WidgetSettings {
            allowed_origins: vec![
                "https://Shop.example.org/".into(),
                "https://shop.example.org".into(),
                "http://localhost:5173".into(),
            ],
            consent_mode: true,
        })
        .expect("valid");
        assert_eq!(
            settings.allowed_origins,
            vec!["https://shop.example.org", "http://localhost:5173"]
        );
        let refused = checked(WidgetSettings {
            allowed_origins: vec!["https://ok.example".into(), "shop.example.org/x".into()],
            consent_mode: false,
        });
        assert!(
            matches!(refused, Err(Error::Rejected { ref field, .. }) if field == "allowed_origins[1]")
        );
    }
}
