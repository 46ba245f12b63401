//! The embeddable widget: which sites may embed a form, the configuration its script renders,
//! and site visitors' banner decisions, each stored as an anonymous consent event with a
//! signed receipt.

use std::collections::{BTreeMap, BTreeSet};

use consentry_model::{
    ConsentStatus, ErrorCode, FieldError, FormId, OrgSlug,
    audit::AuditAction,
    auth::Session,
    forms::{ConsentForm, FormLang},
    widget::{
        BannerReport, MAX_COOKIES, MAX_LIFETIME_DAYS, MAX_ORIGINS, MAX_WAIT_FOR_UPDATE_MS, Region,
        RegionRule, VisitorChoice, VisitorConsentPage, VisitorConsentSummary, VisitorDecision,
        VisitorReceipt, WidgetConfig, WidgetLabels, WidgetSettings, parse_cookie_name,
        parse_domain, parse_origin,
    },
};
use serde_json::json;
use uuid::Uuid;

use consentry_words::subject::{self, WidgetWord};

use super::{
    Error, Result, clock,
    consent::truncate_ip,
    receipts::{self, Answered, Receipt},
    signup::double_opt_in,
};
use crate::store::{
    AuditNote, Impression, PublicForm, Store, VisitorConsentQuery, VisitorConsentWrite,
};

/// Checks widget settings: every origin parsed into its one spelling, no repeats; the consent
/// domain registrable (not a public suffix) and over at least one of the sites; cookie names
/// valid; lifetimes and Consent Mode's wait within their bounds.
fn checked(settings: WidgetSettings, purposes: &[&str]) -> Result<WidgetSettings> {
    if settings.allowed_origins.len() > MAX_ORIGINS as usize {
        return Err(Error::Rejected {
            field: "allowed_origins".into(),
            message: format!("List at most {MAX_ORIGINS} sites."),
        });
    }
    let mut origins: Vec<String> = Vec::new();
    for (i, origin) in settings.allowed_origins.iter().enumerate() {
        let origin = parse_origin(origin).map_err(|_| Error::Rejected {
            field: format!("allowed_origins[{i}]"),
            message: format!(
                "{:?} is not a site's origin: write it as https://www.example.org (no path; \
                 plain http:// only for localhost and *.test).",
                origin.trim()
            ),
        })?;
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    let consent_domain = match settings.consent_domain.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(domain) => Some(consent_domain(domain, &origins)?),
    };
    let mut cookies = BTreeMap::new();
    for (key, names) in settings.cookies {
        let field = format!("cookies.{key}");
        if !purposes.contains(&key.as_str()) {
            return Err(Error::Rejected {
                field,
                message: format!(
                    "The form has no purpose {:?}: list cookies under one of its purposes ({}).",
                    key.chars().take(40).collect::<String>(),
                    purposes.join(", ")
                ),
            });
        }
        if names.len() > MAX_COOKIES as usize {
            return Err(Error::Rejected {
                field,
                message: format!("List at most {MAX_COOKIES} cookies per purpose."),
            });
        }
        let mut parsed: Vec<String> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let field = format!("{field}[{i}]");
            let name = parse_cookie_name(name).map_err(|_| Error::Rejected {
                field: field.clone(),
                message: format!(
                    "{:?} is not a cookie name: write a name such as _fbp, or a prefix ending \
                     in * such as _ga* (no spaces, = ; , or quotes).",
                    name.trim().chars().take(100).collect::<String>()
                ),
            })?;
            if matches_own_cookie(&name) {
                return Err(Error::Rejected {
                    field,
                    message: format!(
                        "{name} would also match the widget's own cookie (consentry_…), which \
                         keeps the visitor's decision: name the purpose's cookies more exactly."
                    ),
                });
            }
            if !parsed.contains(&name) {
                parsed.push(name);
            }
        }
        if !parsed.is_empty() {
            cookies.insert(key, parsed);
        }
    }
    let lifetime = settings.lifetime;
    if !(1..=MAX_LIFETIME_DAYS).contains(&lifetime.days) {
        return Err(out_of_range("lifetime.days", 1, MAX_LIFETIME_DAYS));
    }
    if let Some(days) = lifetime.refusal_days
        && !(1..=lifetime.days).contains(&days)
    {
        return Err(out_of_range("lifetime.refusal_days", 1, lifetime.days));
    }
    if settings.google.wait_for_update_ms > MAX_WAIT_FOR_UPDATE_MS {
        return Err(out_of_range(
            "google.wait_for_update_ms",
            0,
            MAX_WAIT_FOR_UPDATE_MS,
        ));
    }
    Ok(WidgetSettings {
        allowed_origins: origins,
        consent_domain,
        cookies,
        ..settings
    })
}

/// Whether a cookie name or prefix would match the widget's own (`consentry_<org>_<form>`).
fn matches_own_cookie(pattern: &str) -> bool {
    const OWN: &str = "consentry_";
    match pattern.strip_suffix('*') {
        Some(prefix) => OWN.starts_with(prefix) || prefix.starts_with(OWN),
        None => pattern.starts_with(OWN),
    }
}

fn out_of_range(field: &str, min: u32, max: u32) -> Error {
    Error::Invalid {
        field: field.into(),
        error: FieldError::OutOfRange { min, max },
    }
}

/// A consent domain: a host name that is not a public suffix (`co.uk`, `github.io`, a bare
/// top-level domain) by the Public Suffix List, over at least one of the form's sites.
fn consent_domain(domain: &str, origins: &[String]) -> Result<String> {
    let refuse = |message: String| Error::Rejected {
        field: "consent_domain".into(),
        message,
    };
    let domain = parse_domain(domain).map_err(|_| {
        refuse(format!(
            "{domain:?} is not a domain: write it as example.org (no https://, port or path)."
        ))
    })?;
    let is_address = domain
        .rsplit('.')
        .next()
        .is_some_and(|last| last.bytes().all(|b| b.is_ascii_digit()));
    let public = psl::suffix(domain.as_bytes()).is_none_or(|s| s.as_bytes() == domain.as_bytes());
    if is_address {
        return Err(refuse(format!(
            "{domain} is an address, not a domain: name the domain your sites share, such as \
             example.org."
        )));
    }
    if public {
        return Err(refuse(format!(
            "{domain} is a public suffix, shared by sites of different owners: a cookie on it \
             would be refused by browsers. Use your own domain under it, such as example.{domain}."
        )));
    }
    let covers = |origin: &String| {
        let host = origin
            .split_once("://")
            .map_or(origin.as_str(), |(_, rest)| rest);
        let host = host.split(':').next().unwrap_or(host);
        host == domain || host.ends_with(&format!(".{domain}"))
    };
    if !origins.iter().any(covers) {
        return Err(refuse(format!(
            "None of the form's sites is on {domain}: add a site such as https://www.{domain} \
             first, or name the domain your sites share."
        )));
    }
    Ok(domain)
}

/// Sets where a form may be embedded and whether its banner drives Google Consent Mode.
pub async fn set_settings(
    store: &dyn Store,
    session: &Session,
    form: FormId,
    settings: WidgetSettings,
) -> Result<ConsentForm> {
    // The same settings again: nothing written, nothing in the trail.
    let current = super::forms::get(store, session.organisation.id, form).await?;
    let purposes: Vec<&str> = current
        .draft
        .purposes
        .iter()
        .map(|p| p.key.as_str())
        .collect();
    let settings = checked(settings, &purposes)?;
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

/// Where the visitor is: the region a page asked for with `?consentry_region=` when the form
/// allows that for testing, else the one the trusted proxy said.
pub fn visitor_region(
    form: &PublicForm,
    asked: Option<Region>,
    proxied: Option<Region>,
) -> Option<Region> {
    asked.filter(|_| form.widget.region_testing).or(proxied)
}

/// The rule for a visitor in `region`: unknown gets the opt-in banner.
pub fn rule_for(form: &PublicForm, region: Option<&Region>) -> RegionRule {
    region.map_or(RegionRule::OptIn, |r| r.rule(form.widget.elsewhere))
}

/// The widget's own labels in `lang` (the banner's texts are the form's).
fn labels(lang: &str) -> WidgetLabels {
    let say = |word| subject::widget(lang, word).to_owned();
    WidgetLabels {
        accept_all: say(WidgetWord::WidgetAcceptAll),
        reject_all: say(WidgetWord::WidgetRejectAll),
        customise: say(WidgetWord::WidgetCustomise),
        save: say(WidgetWord::WidgetSave),
        close: say(WidgetWord::WidgetClose),
        first_name: say(WidgetWord::WidgetFirstName),
        last_name: say(WidgetWord::WidgetLastName),
        email: say(WidgetWord::WidgetEmail),
        check_mail: say(WidgetWord::WidgetCheckMail),
        gpc_notice: say(WidgetWord::WidgetGpcNotice),
        privacy_policy: say(WidgetWord::WidgetPrivacyPolicy),
        kept_until: say(WidgetWord::WidgetKeptUntil),
        placeholder: say(WidgetWord::WidgetPlaceholder),
        load_once: say(WidgetWord::WidgetLoadOnce),
        always_allow: say(WidgetWord::WidgetAlwaysAllow),
        reload_hint: say(WidgetWord::WidgetReloadHint),
        reload: say(WidgetWord::WidgetReload),
        do_not_sell: say(WidgetWord::WidgetDoNotSell),
        ok: say(WidgetWord::WidgetOk),
    }
}

/// What the script renders, in `lang` when the form has it, for a visitor in `region` (none:
/// not known, so the opt-in banner).
pub async fn config(
    store: &dyn Store,
    form: &PublicForm,
    lang: Option<&FormLang>,
    region: Option<Region>,
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
        labels: labels(lang.as_str()),
        policy_url: design.policy_url.clone(),
        brand_colour: design.brand_colour.clone(),
        sign_up: form.sign_up.module_id.is_some(),
        double_opt_in: double_opt_in(form),
        kept_until,
        rule: rule_for(form, region.as_ref()),
        region,
        widget: WidgetSettings {
            allowed_origins: Vec::new(),
            ..form.widget.clone()
        },
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
    /// The rule the visitor gets where they are ([`rule_for`]).
    pub rule: RegionRule,
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
    let lang = design.written_in(&decision.lang);
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
        rule: visit.rule,
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

/// Counts a banner or notice shown: the version and the rule the visitor gets, on today's
/// counter. Nothing about the visitor is kept.
pub async fn count_shown(
    store: &dyn Store,
    form: &PublicForm,
    version: u32,
    rule: RegionRule,
) -> Result<()> {
    let latest = form.version.version;
    if version == 0 || version > latest {
        return Err(Error::Rejected {
            field: "version".into(),
            message: format!("This form has no version {version}: its latest is {latest}."),
        });
    }
    let impression = Impression {
        form: form.form,
        version,
        rule,
        day: clock::now().date_naive(),
    };
    Ok(store
        .count_impression(form.organisation, impression)
        .await?)
}

/// Longest span of banner figures, in days.
pub const MAX_FIGURE_DAYS: i64 = 3_660;

/// A form's banner figures from `from` to `to` (UTC days, both included; by default the last
/// 30 days up to today).
pub async fn figures(
    store: &dyn Store,
    session: &Session,
    form: FormId,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<BannerReport> {
    ensure_form(store, session, form).await?;
    let to = to.unwrap_or_else(|| clock::now().date_naive());
    let from = from.unwrap_or(to - chrono::Days::new(29));
    let span = (to - from).num_days();
    if span < 0 {
        return Err(Error::Rejected {
            field: "from".into(),
            message: format!("Choose a first day on or before the last ({to})."),
        });
    }
    if span >= MAX_FIGURE_DAYS {
        return Err(Error::Rejected {
            field: "from".into(),
            message: format!("Choose at most {MAX_FIGURE_DAYS} days."),
        });
    }
    let mut figures = store
        .banner_figures(session.organisation.id, form, from, to)
        .await?;
    // Every purpose of the version shown, granted or not, so the columns stay the same.
    let mut versions: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for f in &mut figures {
        let keys = match versions.entry(f.version) {
            std::collections::btree_map::Entry::Occupied(keys) => keys.into_mut(),
            std::collections::btree_map::Entry::Vacant(slot) => slot.insert(
                store
                    .form_version(session.organisation.id, form, f.version)
                    .await?
                    .map(|(_, design)| design.purposes.into_iter().map(|p| p.key).collect())
                    .unwrap_or_default(),
            ),
        };
        for key in keys.iter() {
            f.granted.entry(key.clone()).or_insert(0);
        }
    }
    Ok(BannerReport { from, to, figures })
}

/// The figures as CSV: a row per version and rule, with the opt-in rate of each purpose.
pub fn figures_csv(report: &BannerReport) -> Result<String> {
    let purposes: BTreeSet<&String> = report
        .figures
        .iter()
        .flat_map(|f| f.granted.keys())
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "version".to_owned(),
        "rule".into(),
        "shown".into(),
        "decisions".into(),
        "accepted_all".into(),
        "rejected_all".into(),
        "customised".into(),
    ];
    for purpose in &purposes {
        header.push(format!("granted_{purpose}"));
        header.push(format!("opt_in_percent_{purpose}"));
    }
    let fail = |e: csv::Error| Error::Internal(format!("writing CSV: {e}"));
    out.write_record(&header).map_err(fail)?;
    for f in &report.figures {
        let mut row = vec![
            f.version.to_string(),
            f.rule.code().to_owned(),
            f.shown.to_string(),
            f.decisions.to_string(),
            f.accepted_all.to_string(),
            f.rejected_all.to_string(),
            f.customised.to_string(),
        ];
        // Blank where the version has no such purpose.
        for purpose in &purposes {
            let granted = f.granted.get(*purpose);
            row.push(granted.map(u64::to_string).unwrap_or_default());
            row.push(
                granted
                    .and(f.opt_in_percent(purpose))
                    .map(|p| format!("{p:.1}"))
                    .unwrap_or_default(),
            );
        }
        out.write_record(&row).map_err(fail)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| Error::Internal(format!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::Internal(format!("writing CSV: {e}")))
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
            organisation_time_zone: consentry_model::text::TimeZoneName::utc(),
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
            rule: RegionRule::OptOut,
        }
    }

    fn answer(granted: &[&str], lang: &str) -> VisitorDecision {
        VisitorDecision {
            version: 3,
            lang: FormLang::parse(lang).expect("a language code"),
            granted: granted.iter().map(|k| (*k).to_owned()).collect(),
            gpc: false,
            region: None,
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
        let settings = checked(
            WidgetSettings {
                allowed_origins: vec![
                    "https://Shop.example.org/".into(),
                    "https://shop.example.org".into(),
                    "http://localhost:5173".into(),
                ],
                consent_mode: true,
                ..WidgetSettings::default()
            },
            PURPOSES,
        )
        .expect("valid");
        assert_eq!(
            settings.allowed_origins,
            vec!["https://shop.example.org", "http://localhost:5173"]
        );
        let refused = checked(
            WidgetSettings {
                allowed_origins: vec!["https://ok.example".into(), "shop.example.org/x".into()],
                ..WidgetSettings::default()
            },
            PURPOSES,
        );
        assert!(
            matches!(refused, Err(Error::Rejected { ref field, .. }) if field == "allowed_origins[1]")
        );
    }

    #[test]
    fn a_decision_keeps_the_rule_it_was_given_under() {
        let event = rule(answer(&[], "en"), visit()).expect("valid");
        assert_eq!(event.rule, RegionRule::OptOut);
    }

    /// The purposes of the form whose settings are checked.
    const PURPOSES: &[&str] = &["essential", "analytics"];

    fn with_domain(domain: &str) -> Result<WidgetSettings> {
        checked(
            WidgetSettings {
                allowed_origins: vec![
                    "https://www.example.co.uk".into(),
                    "https://shop.example.co.uk".into(),
                ],
                consent_domain: Some(domain.into()),
                ..WidgetSettings::default()
            },
            PURPOSES,
        )
    }

    #[test]
    fn a_consent_domain_is_registrable_and_covers_a_site() {
        assert_eq!(
            with_domain(" Example.co.UK ")
                .expect("valid")
                .consent_domain
                .as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            with_domain("www.example.co.uk")
                .expect("a subdomain of a site's")
                .consent_domain
                .as_deref(),
            Some("www.example.co.uk")
        );
        assert_eq!(with_domain("").expect("none").consent_domain, None);
        assert!(matches!(
            with_domain("127.0.0.1"),
            Err(Error::Rejected { ref message, .. }) if message.contains("an address")
        ));
        for public in ["co.uk", "uk", "github.io", "com"] {
            let refused = with_domain(public);
            assert!(
                matches!(&refused, Err(Error::Rejected { field, message })
                    if field == "consent_domain" && message.contains("public suffix")),
                "{public}: {refused:?}"
            );
        }
        for elsewhere in ["example.org", "other.co.uk", "https://example.co.uk"] {
            assert!(
                matches!(with_domain(elsewhere), Err(Error::Rejected { ref field, .. }) if field == "consent_domain"),
                "{elsewhere}"
            );
        }
    }

    #[test]
    fn cookies_lifetimes_and_waits_are_checked_naming_the_field() {
        let field_of = |settings: WidgetSettings| match checked(settings, PURPOSES) {
            Err(Error::Rejected { field, .. } | Error::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        let cookies = |key: &str, names: &[&str]| WidgetSettings {
            cookies: BTreeMap::from([(
                key.to_owned(),
                names.iter().map(|n| (*n).to_owned()).collect(),
            )]),
            ..WidgetSettings::default()
        };
        let ok =
            checked(cookies("analytics", &["_ga*", " _ga* ", "_gid"]), PURPOSES).expect("valid");
        assert_eq!(ok.cookies["analytics"], vec!["_ga*", "_gid"]);
        assert_eq!(
            field_of(cookies("analytics", &["_ga", "a b"])),
            "cookies.analytics[1]"
        );
        assert_eq!(field_of(cookies("nosuch", &["_ga"])), "cookies.nosuch");
        for own in ["consentry_*", "consentry_acme_cookies", "c*", "*x"] {
            assert!(
                field_of(cookies("analytics", &[own])).starts_with("cookies.analytics["),
                "{own}"
            );
        }
        let mut long = WidgetSettings::default();
        long.lifetime.days = 400;
        assert_eq!(field_of(long), "lifetime.days");
        let mut refusal = WidgetSettings::default();
        refusal.lifetime.refusal_days = Some(366);
        assert_eq!(field_of(refusal), "lifetime.refusal_days");
        let mut wait = WidgetSettings::default();
        wait.google.wait_for_update_ms = 60_000;
        assert_eq!(field_of(wait), "google.wait_for_update_ms");
    }
}
