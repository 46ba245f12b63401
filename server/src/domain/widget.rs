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
    // The same settings again: nothing written, nothing in the trail.
    let current = super::forms::get(store, session.organisation.id, form).await?;
    if current.widget == settings {
        return Ok(current);
    }
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

/// What a visitor's banner decision comes to, decided from the published form alone: the
/// event to store. Refused when the banner showed an older version or named a purpose the
/// form does not have; the form's required purposes are always granted, and Global Privacy
/// Control applies when the page or the browser's header said so.
fn ruling(
    form: &PublicForm,
    decision: VisitorDecision,
    visit: Visit<'_>,
    id: Uuid,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<VisitorConsentWrite> {
    // Versions count from 1.
    if decision.version == 0 || decision.version > form.version.version {
        return Err(Error::Rejected {
            field: "version".into(),
            message: format!(
                "This form has no version {}: its latest is {}.",
                decision.version, form.version.version
            ),
        });
    }
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
    let (lang, _) = design
        .texts_for(Some(&decision.lang))
        .ok_or_else(|| Error::Internal("a published form without its default language".into()))?;
    Ok(VisitorConsentWrite {
        id,
        form: form.form,
        version: form.version.version,
        text_hash: form.version.text_hash.clone(),
        lang: lang.clone(),
        choice,
        granted,
        gpc: decision.gpc || visit.gpc_header,
        origin: visit.origin.map(str::to_owned),
        ip: truncate_ip(visit.ip),
        user_agent: visit.user_agent.map(|ua| ua.chars().take(300).collect()),
        at,
    })
}

/// Stores a visitor's banner decision and returns its signed receipt.
#[tracing::instrument(skip_all, fields(organisation = %form.organisation, form = %form.form))]
pub async fn decide(
    store: &dyn Store,
    form: &PublicForm,
    decision: VisitorDecision,
    visit: Visit<'_>,
) -> Result<VisitorReceipt> {
    let event = ruling(form, decision, visit, Uuid::now_v7(), clock::now())?;
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
            design: &form.design,
            version: event.version,
            text_hash: &event.text_hash,
            lang: &event.lang,
            status: ConsentStatus::Obtained,
            granted: &event.granted,
            decision: if event.choice == VisitorChoice::RejectedAll {
                "refused"
            } else {
                "granted"
            },
        },
        event.id,
        event.at,
        &format!(
            "website banner{}{}",
            event
                .origin
                .as_deref()
                .map(|o| format!(" on {o}"))
                .unwrap_or_default(),
            if event.gpc {
                " (Global Privacy Control)"
            } else {
                ""
            }
        ),
    );
    store
        .insert_visitor_consent(form.organisation, &event)
        .await?;
    crate::telemetry::widget_decision(event.choice);
    Ok(VisitorReceipt {
        receipt_id: event.id,
        receipt: receipts::sign(&key, &kid, &receipt),
        granted: event.granted,
        gpc: event.gpc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use consentry_model::{
        OrganisationId,
        forms::{FormVersion, Purpose, PurposeCategory, starter_design},
    };

    /// A banner with a required purpose and two optional ones.
    fn banner() -> PublicForm {
        let mut design = starter_design("Acme");
        for (key, required) in [("essential", true), ("analytics", false)] {
            design.purposes.push(Purpose {
                key: key.into(),
                required,
                category: PurposeCategory::General,
            });
        }
        PublicForm {
            organisation: OrganisationId(Uuid::nil()),
            organisation_name: "Acme".into(),
            organisation_double_opt_in: false,
            form: FormId(Uuid::nil()),
            form_name: "Cookies".into(),
            sign_up: Default::default(),
            widget: WidgetSettings::default(),
            version: FormVersion {
                version: 3,
                text_hash: "ab".repeat(32),
                published_at: chrono::DateTime::UNIX_EPOCH,
                published_by: "Ada".into(),
            },
            design,
        }
    }

    fn visit() -> Visit<'static> {
        Visit {
            origin: Some("https://shop.example.org"),
            ip: "203.0.113.77",
            user_agent: Some("Firefox"),
            gpc_header: false,
        }
    }

    fn answer(granted: &[&str], lang: &str) -> VisitorDecision {
        VisitorDecision {
            version: 3,
            lang: FormLang::parse(lang).expect("a language code"),
            granted: granted.iter().map(|k| (*k).to_owned()).collect(),
            gpc: false,
        }
    }

    fn rule(decision: VisitorDecision, visit: Visit<'_>) -> Result<VisitorConsentWrite> {
        ruling(
            &banner(),
            decision,
            visit,
            Uuid::nil(),
            chrono::DateTime::UNIX_EPOCH,
        )
    }

    #[test]
    fn a_decision_is_classified_by_its_optional_purposes_and_always_grants_the_required() {
        let none = rule(answer(&[], "en"), visit()).expect("valid");
        assert_eq!(none.choice, VisitorChoice::RejectedAll);
        assert_eq!(none.granted, BTreeSet::from(["essential".to_owned()]));
        let some = rule(answer(&["analytics"], "en"), visit()).expect("valid");
        assert_eq!(some.choice, VisitorChoice::Customised);
        let all = rule(answer(&["analytics", "newsletter"], "nl"), visit()).expect("valid");
        assert_eq!(all.choice, VisitorChoice::AcceptedAll);
        assert_eq!(all.granted.len(), 3);
        assert_eq!(all.lang.as_str(), "nl");
        // A language the form lacks falls back to its default.
        let fallback = rule(answer(&[], "de"), visit()).expect("valid");
        assert_eq!(fallback.lang.as_str(), "en");
    }

    #[test]
    fn a_decision_keeps_the_shown_version_and_only_a_truncated_address() {
        let event = rule(answer(&[], "en"), visit()).expect("valid");
        assert_eq!(event.version, 3);
        assert_eq!(event.text_hash, "ab".repeat(32));
        assert_eq!(event.ip.as_deref(), Some("203.0.113.0"));
        assert_eq!(event.origin.as_deref(), Some("https://shop.example.org"));
        let long = "x".repeat(1_000);
        let event = rule(
            answer(&[], "en"),
            Visit {
                user_agent: Some(&long),
                ..visit()
            },
        )
        .expect("valid");
        assert_eq!(event.user_agent.map(|ua| ua.len()), Some(300));
    }

    #[test]
    fn global_privacy_control_applies_from_the_page_or_the_header() {
        assert!(!rule(answer(&[], "en"), visit()).expect("valid").gpc);
        let header = Visit {
            gpc_header: true,
            ..visit()
        };
        assert!(rule(answer(&[], "en"), header).expect("valid").gpc);
        let page = VisitorDecision {
            gpc: true,
            ..answer(&[], "en")
        };
        assert!(rule(page, visit()).expect("valid").gpc);
    }

    #[test]
    fn a_version_never_published_is_refused_naming_the_version() {
        for version in [0, 99] {
            let never = VisitorDecision {
                version,
                ..answer(&[], "en")
            };
            assert!(matches!(
                rule(never, visit()),
                Err(Error::Rejected { ref field, .. }) if field == "version"
            ));
        }
    }

    #[test]
    fn an_older_version_or_an_unknown_purpose_is_refused() {
        let older = VisitorDecision {
            version: 2,
            ..answer(&[], "en")
        };
        assert!(matches!(
            rule(older, visit()),
            Err(Error::Gone {
                code: ErrorCode::FormChanged,
                ..
            })
        ));
        assert!(matches!(
            rule(answer(&["marketing"], "en"), visit()),
            Err(Error::Rejected { ref field, .. }) if field == "granted"
        ));
    }

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
