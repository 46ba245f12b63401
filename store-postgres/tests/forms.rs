//! Consent forms and the widget on PostgreSQL: drafts, immutable versions published one after
//! the other also when several instances publish one form at once, and visitors' decisions.

mod common;

use std::collections::BTreeSet;

use chrono::{SubsecRound, Utc};
use common::Scratch;
use consentry_model::{
    FormId, OrganisationId,
    audit::AuditAction,
    forms::{FormLang, starter_design},
    widget::{VisitorChoice, WidgetSettings},
};
use consentry_store::{
    AuditNote, FormStore, StoreError, VisitorConsentQuery, VisitorConsentWrite, WidgetStore,
};
use futures::future::join_all;
use sha2::Digest;
use uuid::Uuid;

async fn new_organisation(db: &Scratch) -> OrganisationId {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', $2, now())",
    )
    .bind(id)
    .bind(format!("acme-{}", id.simple()))
    .execute(&db.pool)
    .await
    .expect("organisation");
    OrganisationId(id)
}

fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "Ada".into(),
        action,
        subject: None,
        before: None,
        after: Some(serde_json::json!({})),
    }
}

/// The organisation's audit entries' actions, in chain order.
async fn actions(db: &Scratch, organisation: OrganisationId) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT action FROM audit_log WHERE organisation_id = $1 ORDER BY seq")
            .bind(organisation.0)
            .fetch_all(&db.pool)
            .await
            .expect("entries");
    rows.into_iter().map(|(a,)| a).collect()
}

#[tokio::test]
async fn a_form_is_drafted_published_as_stored_and_reverted() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let design = starter_design("Acme");
    let form = store
        .insert_form(
            organisation,
            "Newsletter",
            "newsletter",
            &design,
            note(AuditAction::FormCreated),
        )
        .await
        .expect("created");
    assert_eq!(form.draft, design);
    assert!(form.draft_changed);
    assert_eq!(form.published, None);
    let taken = store
        .insert_form(
            organisation,
            "Other",
            "newsletter",
            &design,
            note(AuditAction::FormCreated),
        )
        .await;
    assert!(
        matches!(taken, Err(StoreError::Conflict("consent_forms.slug"))),
        "{taken:?}"
    );
    assert!(
        store
            .revert_draft(organisation, form.id, note(AuditAction::FormDraftSaved))
            .await
            .expect("revert")
            .is_none(),
        "nothing published to revert to"
    );

    let published = store
        .publish(
            organisation,
            form.id,
            "Ada",
            note(AuditAction::FormPublished),
        )
        .await
        .expect("publish")
        .expect("the form");
    let version = published.published.clone().expect("a version");
    assert_eq!(version.version, 1);
    assert!(!published.draft_changed);
    // The hash is over the design exactly as stored.
    let (stored,): (String,) =
        sqlx::query_as("SELECT design::text FROM form_versions WHERE form_id = $1 AND version = 1")
            .bind(form.id.0)
            .fetch_one(&db.pool)
            .await
            .expect("the version");
    assert_eq!(stored, design.canonical_json());
    let hash: String = sha2::Sha256::digest(stored.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(version.text_hash, hash);
    let (after,): (String,) = sqlx::query_as(
        "SELECT d.after::text FROM audit_details d JOIN audit_log l USING (organisation_id, seq)
         WHERE l.organisation_id = $1 AND l.action = 'form.published'",
    )
    .bind(organisation.0)
    .fetch_one(&db.pool)
    .await
    .expect("the entry's detail");
    let after: serde_json::Value = serde_json::from_str(&after).expect("json");
    assert_eq!(after["version"], 1);
    assert_eq!(after["text_hash"], hash);

    let mut changed = design.clone();
    changed.brand_colour = "#123456".into();
    let saved = store
        .save_draft(
            organisation,
            form.id,
            &changed,
            note(AuditAction::FormDraftSaved),
        )
        .await
        .expect("save")
        .expect("the form");
    assert_eq!(saved.draft, changed);
    assert!(saved.draft_changed);
    assert_eq!(saved.published, Some(version.clone()));
    let reverted = store
        .revert_draft(organisation, form.id, note(AuditAction::FormDraftSaved))
        .await
        .expect("revert")
        .expect("the form");
    assert_eq!(reverted.draft, design);
    assert!(!reverted.draft_changed);

    let summaries = store.forms(organisation).await.expect("forms");
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].published, Some(version.clone()));
    assert_eq!(
        summaries[0].languages,
        design.texts.keys().cloned().collect::<Vec<_>>()
    );
    assert_eq!(
        store
            .form_versions(organisation, form.id)
            .await
            .expect("versions"),
        vec![version]
    );

    // Nothing of another organisation's, or of a form that is not there.
    let other = new_organisation(&db).await;
    assert!(store.form(other, form.id).await.expect("form").is_none());
    let missing = FormId(Uuid::now_v7());
    assert!(
        store
            .publish(
                organisation,
                missing,
                "Ada",
                note(AuditAction::FormPublished)
            )
            .await
            .expect("publish")
            .is_none()
    );
    assert!(
        store
            .save_draft(
                organisation,
                missing,
                &design,
                note(AuditAction::FormDraftSaved)
            )
            .await
            .expect("save")
            .is_none()
    );
    assert_eq!(
        actions(&db, organisation).await,
        [
            "form.created",
            "form.published",
            "form.draft_saved",
            "form.draft_saved"
        ]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn instances_publishing_one_form_at_once_give_it_consecutive_versions() {
    let db = Scratch::new().await;
    let instances = [db.store().await, db.store().await, db.store().await];
    let organisation = new_organisation(&db).await;
    let form = instances[0]
        .insert_form(
            organisation,
            "Newsletter",
            "newsletter",
            &starter_design("Acme"),
            note(AuditAction::FormCreated),
        )
        .await
        .expect("created");
    const PUBLISHES: usize = 30;
    let publishers: Vec<String> = (0..PUBLISHES).map(|n| format!("publisher {n}")).collect();
    let published = join_all(publishers.iter().enumerate().map(|(n, publisher)| {
        instances[n % instances.len()].publish(
            organisation,
            form.id,
            publisher,
            note(AuditAction::FormPublished),
        )
    }))
    .await;
    let mut versions: Vec<u32> = published
        .into_iter()
        .map(|p| {
            p.expect("published")
                .expect("the form")
                .published
                .expect("a version")
                .version
        })
        .collect();
    versions.sort_unstable();
    let expected: Vec<u32> = (1..=u32::try_from(PUBLISHES).expect("few")).collect();
    assert_eq!(versions, expected, "one version each, none skipped");
    let stored: Vec<u32> = instances[1]
        .form_versions(organisation, form.id)
        .await
        .expect("versions")
        .into_iter()
        .rev()
        .map(|v| v.version)
        .collect();
    assert_eq!(stored, expected);
    assert_eq!(actions(&db, organisation).await.len(), PUBLISHES + 1);
    db.drop_database().await;
}

fn decision(form: FormId, choice: VisitorChoice, gpc: bool) -> VisitorConsentWrite {
    VisitorConsentWrite {
        id: Uuid::now_v7(),
        form,
        version: 1,
        text_hash: "ab".repeat(32),
        lang: FormLang::parse("en").expect("lang"),
        choice,
        granted: BTreeSet::from(["analytics".to_owned(), "necessary".to_owned()]),
        gpc,
        origin: Some("https://www.example.org".into()),
        ip: Some("192.0.2.0".into()),
        user_agent: Some("Browser".into()),
        rule: Default::default(),
        at: Utc::now(),
    }
}

#[tokio::test]
async fn the_widget_is_set_and_visitors_decisions_read_back_newest_first() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let organisation = new_organisation(&db).await;
    let form = one
        .insert_form(
            organisation,
            "Banner",
            "banner",
            &starter_design("Acme"),
            note(AuditAction::FormCreated),
        )
        .await
        .expect("created");
    let settings = WidgetSettings {
        allowed_origins: vec!["https://www.example.org".into()],
        consent_mode: true,
        consent_domain: Some("example.org".into()),
        ..WidgetSettings::default()
    };
    let set = one
        .set_widget(
            organisation,
            form.id,
            &settings,
            note(AuditAction::FormWidgetChanged),
        )
        .await
        .expect("set")
        .expect("the form");
    assert_eq!(set.widget, settings);
    assert_eq!(
        two.form(organisation, form.id)
            .await
            .expect("form")
            .expect("there")
            .widget,
        settings
    );
    assert!(
        one.set_widget(
            organisation,
            FormId(Uuid::now_v7()),
            &settings,
            note(AuditAction::FormWidgetChanged)
        )
        .await
        .expect("set")
        .is_none()
    );
    assert_eq!(
        actions(&db, organisation).await,
        ["form.created", "form.widget_changed"]
    );

    // A decision names a published version.
    let early = one
        .insert_visitor_consent(
            organisation,
            &decision(form.id, VisitorChoice::AcceptedAll, false),
        )
        .await;
    assert!(early.is_err(), "no version 1 yet");
    one.publish(
        organisation,
        form.id,
        "Ada",
        note(AuditAction::FormPublished),
    )
    .await
    .expect("published");

    let choices = [
        (VisitorChoice::AcceptedAll, false),
        (VisitorChoice::RejectedAll, true),
        (VisitorChoice::Customised, false),
        (VisitorChoice::AcceptedAll, true),
        (VisitorChoice::RejectedAll, false),
        (VisitorChoice::AcceptedAll, false),
    ];
    let decisions: Vec<VisitorConsentWrite> = choices
        .iter()
        .map(|(choice, gpc)| decision(form.id, *choice, *gpc))
        .collect();
    let written = join_all(decisions.iter().enumerate().map(|(n, d)| {
        let store = if n.is_multiple_of(2) { &one } else { &two };
        store.insert_visitor_consent(organisation, d)
    }))
    .await;
    for result in written {
        result.expect("stored");
    }

    let summary = two
        .visitor_consent_summary(organisation, form.id)
        .await
        .expect("summary");
    assert_eq!(
        (
            summary.decisions,
            summary.accepted_all,
            summary.rejected_all,
            summary.gpc
        ),
        (6, 3, 2, 2)
    );
    let page = |after, limit| VisitorConsentQuery {
        receipt: None,
        after,
        limit,
    };
    let first = two
        .visitor_consents(organisation, form.id, page(None, 4))
        .await
        .expect("log");
    let ids: Vec<Uuid> = first.iter().map(|c| c.receipt_id).collect();
    let newest: Vec<Uuid> = decisions.iter().rev().take(4).map(|d| d.id).collect();
    assert_eq!(ids, newest);
    let rest = two
        .visitor_consents(organisation, form.id, page(ids.last().copied(), 4))
        .await
        .expect("log");
    let oldest: Vec<Uuid> = decisions.iter().rev().skip(4).map(|d| d.id).collect();
    assert_eq!(
        rest.iter().map(|c| c.receipt_id).collect::<Vec<_>>(),
        oldest
    );

    let wanted = &decisions[2];
    let receipt = one
        .visitor_consents(
            organisation,
            form.id,
            VisitorConsentQuery {
                receipt: Some(wanted.id),
                after: None,
                limit: 10,
            },
        )
        .await
        .expect("log");
    assert_eq!(receipt.len(), 1);
    let shown = &receipt[0];
    assert_eq!(shown.choice, VisitorChoice::Customised);
    assert_eq!(shown.granted, wanted.granted);
    assert_eq!(shown.lang, wanted.lang);
    assert_eq!(shown.version, 1);
    assert_eq!(shown.origin, wanted.origin);
    assert_eq!(shown.at, wanted.at.trunc_subsecs(3));
    assert!(
        one.visitor_consents(new_organisation(&db).await, form.id, page(None, 10))
            .await
            .expect("log")
            .is_empty()
    );
    db.drop_database().await;
}

#[tokio::test]
async fn forms_are_listed_by_name_byte_by_byte_as_on_sqlite() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    // Names in a linguistic collation, as in a database created with one (where the server
    // has ICU): the list's order must not follow it.
    let (icu,): (bool,) =
        sqlx::query_as("SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu')")
            .fetch_one(&db.pool)
            .await
            .expect("collations");
    if icu {
        sqlx::query(r#"ALTER TABLE consent_forms ALTER COLUMN name TYPE text COLLATE "und-x-icu""#)
            .execute(&db.pool)
            .await
            .expect("collation");
    }
    for name in ["newsletter", "Events", "éclair", "Zoo"] {
        store
            .insert_form(
                organisation,
                name,
                &format!("form-{}", name.len()),
                &starter_design("Acme"),
                note(AuditAction::FormCreated),
            )
            .await
            .expect("created");
    }
    let names: Vec<String> = store
        .forms(organisation)
        .await
        .expect("forms")
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["Events", "Zoo", "newsletter", "éclair"]);
    db.drop_database().await;
}
