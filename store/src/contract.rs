//! The store contract: one suite of behaviours every backend must show. A backend's tests
//! run it with [`contract_suite!`](crate::contract_suite), giving it fresh stores.

use std::sync::Arc;

use chrono::{Duration, Utc};
use consentry_model::{
    ComplianceSettings, Email, OrgSlug, OrganisationName, PendingProcessing, PersonName, Profile,
    compliance::WaitingPeriod,
};

use crate::{AdminGuarded, NewOrganisation, NewUserRow, Store, StoreError};

/// A new, empty store of the backend under test, with what must live as long as it does (a
/// temporary directory, a scratch database).
pub struct Fresh {
    /// The store.
    pub store: Arc<dyn Store>,
    /// Dropped with the store: removes what the backend made for the test.
    pub keep: Box<dyn std::any::Any + Send>,
}

fn org(slug: &str) -> NewOrganisation {
    NewOrganisation {
        name: OrganisationName::parse(slug).expect("name"),
        slug: OrgSlug::parse(slug).expect("slug"),
    }
}

fn user(email: &str, profile: Profile) -> NewUserRow {
    NewUserRow {
        name: PersonName::parse("Test Person").expect("name"),
        email: Email::parse(email).expect("email"),
        profile,
        password_hash: "not-a-real-hash".into(),
    }
}

/// Contract: see the name.
pub async fn first_run_organisation_can_be_created_only_once(t: Fresh) {
    assert_eq!(t.store.organisation_count().await.expect("count"), 0);
    t.store
        .create_organisation(
            org("first"),
            user("a@first.org", Profile::Administrator),
            true,
        )
        .await
        .expect("first organisation");
    let again = t
        .store
        .create_organisation(
            org("second"),
            user("b@second.org", Profile::Administrator),
            true,
        )
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Conflict("organisations.first"))
    ));
    // Without the first-run guard (the CLI adding another tenant) it works.
    t.store
        .create_organisation(
            org("second"),
            user("b@second.org", Profile::Administrator),
            false,
        )
        .await
        .expect("second organisation");
    assert_eq!(t.store.organisation_count().await.expect("count"), 2);
}

/// Contract: see the name.
pub async fn email_addresses_are_unique_regardless_of_case_and_slugs_are_unique(t: Fresh) {
    let (acme, _) = t
        .store
        .create_organisation(
            org("acme"),
            user("Jan@acme.org", Profile::Administrator),
            true,
        )
        .await
        .expect("org");
    let dup = t
        .store
        .insert_user(acme.id, user("jan@ACME.org", Profile::Standard))
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict("users.email"))));
    let slug = t
        .store
        .create_organisation(org("acme"), user("x@y.org", Profile::Administrator), false)
        .await;
    assert!(matches!(
        slug,
        Err(StoreError::Conflict("organisations.slug"))
    ));
    let found = t
        .store
        .user_credentials(&Email::parse("JAN@acme.org").expect("email"))
        .await
        .expect("lookup");
    assert!(found.is_some(), "lookup ignores the local part's case");
}

/// Contract: see the name.
pub async fn one_organisation_never_sees_another_organisations_users(t: Fresh) {
    let (a, admin_a) = t
        .store
        .create_organisation(org("aa"), user("a@aa.org", Profile::Administrator), false)
        .await
        .expect("a");
    let (b, _) = t
        .store
        .create_organisation(org("bb"), user("b@bb.org", Profile::Administrator), false)
        .await
        .expect("b");
    assert!(
        t.store
            .user(b.id, admin_a.id)
            .await
            .expect("read")
            .is_none()
    );
    assert_eq!(t.store.users(b.id).await.expect("list").len(), 1);
    assert_eq!(
        t.store
            .set_user_profile(b.id, admin_a.id, Profile::ReadOnly)
            .await
            .expect("update"),
        AdminGuarded::NotFound
    );
    assert_eq!(
        t.store.delete_user(b.id, admin_a.id).await.expect("delete"),
        AdminGuarded::NotFound
    );
    assert!(
        t.store
            .user(a.id, admin_a.id)
            .await
            .expect("read")
            .is_some()
    );
}

/// Contract: see the name.
pub async fn the_last_administrator_can_be_neither_demoted_nor_removed(t: Fresh) {
    let (o, admin) = t
        .store
        .create_organisation(
            org("solo"),
            user("a@solo.org", Profile::Administrator),
            true,
        )
        .await
        .expect("org");
    assert_eq!(
        t.store
            .set_user_profile(o.id, admin.id, Profile::Standard)
            .await
            .expect("update"),
        AdminGuarded::LastAdministrator
    );
    assert_eq!(
        t.store.delete_user(o.id, admin.id).await.expect("delete"),
        AdminGuarded::LastAdministrator
    );
    let second = t
        .store
        .insert_user(o.id, user("b@solo.org", Profile::Administrator))
        .await
        .expect("second admin");
    // Receipts name the oldest administrator; a backend that caches it forgets on change.
    let named = || async { t.store.administrator_email(o.id).await.expect("email") };
    assert_eq!(named().await.as_deref(), Some("a@solo.org"));
    let demoted = t
        .store
        .set_user_profile(o.id, admin.id, Profile::ReadOnly)
        .await
        .expect("update");
    assert!(matches!(demoted, AdminGuarded::Done(u) if u.profile == Profile::ReadOnly));
    assert_eq!(named().await.as_deref(), Some("b@solo.org"));
    assert_eq!(
        t.store.delete_user(o.id, second.id).await.expect("delete"),
        AdminGuarded::LastAdministrator
    );
    t.store
        .set_user_profile(o.id, admin.id, Profile::Administrator)
        .await
        .expect("promoted again");
    assert_eq!(named().await.as_deref(), Some("a@solo.org"));
    assert!(matches!(
        t.store.delete_user(o.id, admin.id).await.expect("delete"),
        AdminGuarded::Done(())
    ));
    assert_eq!(named().await.as_deref(), Some("b@solo.org"));
}

/// Contract: see the name.
pub async fn sessions_are_found_until_they_expire_and_then_purged(t: Fresh) {
    let (_, admin) = t
        .store
        .create_organisation(
            org("sess"),
            user("a@sess.org", Profile::Administrator),
            true,
        )
        .await
        .expect("org");
    let now = Utc::now();
    let token = [7u8; 32];
    t.store
        .insert_session(&token, admin.id, now + Duration::minutes(5))
        .await
        .expect("insert");
    let live = t.store.session(&token, now).await.expect("read");
    assert_eq!(live.map(|s| s.user.id), Some(admin.id));
    let later = now + Duration::minutes(6);
    assert!(
        t.store
            .session(&token, later)
            .await
            .expect("read")
            .is_none()
    );
    assert_eq!(
        t.store.delete_expired_sessions(later).await.expect("purge"),
        1
    );
    assert!(
        t.store
            .session(&[8u8; 32], now)
            .await
            .expect("read")
            .is_none()
    );
}

/// Contract: see the name.
pub async fn compliance_settings_default_until_saved_then_round_trip(t: Fresh) {
    let (o, _) = t
        .store
        .create_organisation(org("cs"), user("a@cs.org", Profile::Administrator), true)
        .await
        .expect("org");
    assert_eq!(
        t.store.compliance_settings(o.id).await.expect("read"),
        ComplianceSettings::default()
    );
    let changed = ComplianceSettings {
        enabled: true,
        waiting_period_days: WaitingPeriod::new(14).expect("days"),
        processing_while_pending: PendingProcessing::Restrict,
        double_opt_in: false,
        retention_days: consentry_model::compliance::RetentionPeriod::new(400).ok(),
        retention_auto_erase: true,
        consent_lifetime_days: consentry_model::compliance::ConsentLifetime::new(730).ok(),
        renewal_grace_days: consentry_model::compliance::RenewalGrace::new(14).expect("days"),
        personal_data: consentry_model::handling::PersonalDataHandling {
            exports: consentry_model::handling::Exclusion::Chosen,
            api: consentry_model::handling::Exclusion::AllPersonal,
            webhooks: consentry_model::handling::Exclusion::None,
        },
    };
    t.store
        .save_compliance_settings(o.id, &changed, Utc::now())
        .await
        .expect("save");
    assert_eq!(
        t.store.compliance_settings(o.id).await.expect("read"),
        changed
    );
}

/// Contract: see the name.
pub async fn export_preferences_default_until_saved_and_belong_to_one_user(t: Fresh) {
    use consentry_model::exports::{CsvSeparator, ExportPreferences};
    let (o, admin) = t
        .store
        .create_organisation(org("ep"), user("a@ep.org", Profile::Administrator), true)
        .await
        .expect("org");
    let other = t
        .store
        .insert_user(o.id, user("b@ep.org", Profile::Standard))
        .await
        .expect("user");
    assert_eq!(
        t.store.export_preferences(admin.id).await.expect("read"),
        ExportPreferences::default()
    );
    let semicolon = ExportPreferences {
        csv_separator: CsvSeparator::Semicolon,
    };
    for _ in 0..2 {
        t.store
            .save_export_preferences(admin.id, semicolon)
            .await
            .expect("save");
    }
    assert_eq!(
        t.store.export_preferences(admin.id).await.expect("read"),
        semicolon
    );
    assert_eq!(
        t.store.export_preferences(other.id).await.expect("read"),
        ExportPreferences::default()
    );
}

/// Contract: see the name.
pub async fn the_published_form_is_always_the_latest_version(t: Fresh) {
    let (o, _) = t
        .store
        .create_organisation(org("pf"), user("a@pf.org", Profile::Administrator), true)
        .await
        .expect("org");
    let note = || super::AuditNote {
        actor: "test".into(),
        action: consentry_model::audit::AuditAction::FormPublished,
        subject: None,
        before: None,
        after: None,
    };
    let mut design = consentry_model::forms::starter_design("Pf");
    let form = t
        .store
        .insert_form(o.id, "Newsletter", "newsletter", &design, note())
        .await
        .expect("form");
    assert_eq!(
        t.store.published_form(o.id, form.id).await.expect("read"),
        None
    );
    t.store
        .publish(o.id, form.id, "test", note())
        .await
        .expect("publish");
    let (first, _) = t
        .store
        .published_form(o.id, form.id)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(first.version, 1);
    // Read once more (an implementation may remember it), then publish a change.
    t.store
        .published_form(o.id, form.id)
        .await
        .expect("read again");
    design.brand_colour = "#000000".into();
    t.store
        .save_draft(o.id, form.id, &design, note())
        .await
        .expect("draft");
    t.store
        .publish(o.id, form.id, "test", note())
        .await
        .expect("publish");
    let (second, latest) = t
        .store
        .published_form(o.id, form.id)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(second.version, 2);
    assert_eq!(latest.brand_colour, "#000000");
    assert_ne!(second.text_hash, first.text_hash);
}

/// Contract: see the name.
pub async fn the_audit_chain_commits_to_details_and_checkpoints_only_the_current_head(t: Fresh) {
    let (o, _) = t
        .store
        .create_organisation(org("ac"), user("a@ac.org", Profile::Administrator), true)
        .await
        .expect("org");
    t.store
        .append_audit(
            o.id,
            super::AuditNote {
                actor: "test".into(),
                action: consentry_model::audit::AuditAction::RecordUpdated,
                subject: Some("r1".into()),
                before: Some(serde_json::json!({"last_name": "Zwaan"})),
                after: Some(serde_json::json!({"last_name": "Swan"})),
            },
        )
        .await
        .expect("append");
    let noted = t
        .store
        .audit_head(o.id)
        .await
        .expect("head")
        .map(|(seq, _)| seq);
    let (entries, details) = t.store.audit_chain(o.id).await.expect("chain");
    assert_eq!(noted, Some(2), "the noted head follows every append");
    // The organisation's creation, then the change; only the change has a detail.
    assert_eq!(entries.len(), 2);
    assert!(entries[0].detail_hash.is_none() && entries[1].detail_hash.is_some());
    assert_eq!(details.len(), 1);
    assert!(matches!(
        super::chain::verify(&entries, &details, &[], true, noted),
        consentry_model::audit::AuditVerdict::Intact { entries: 2, .. }
    ));
    let listed = t
        .store
        .audit_entries(o.id, &Default::default(), None, 10)
        .await
        .expect("list");
    assert_eq!(
        listed[0].after,
        Some(serde_json::json!({"last_name": "Swan"}))
    );
    // A checkpoint of a head that is no longer the newest is not kept.
    let (seq, head) = t.store.audit_head(o.id).await.expect("head").expect("some");
    let stale = consentry_model::audit::AuditCheckpoint {
        seq: seq - 1,
        head: String::new(),
        at: chrono::Utc::now(),
        jws: "x.y.z".into(),
    };
    assert!(
        !t.store
            .insert_checkpoint(o.id, &stale, head)
            .await
            .expect("insert")
    );
    let current = consentry_model::audit::AuditCheckpoint { seq, ..stale };
    assert!(
        t.store
            .insert_checkpoint(o.id, &current, head)
            .await
            .expect("insert")
    );
    // The same head signed again (two requests at once): the first checkpoint stands.
    let again = consentry_model::audit::AuditCheckpoint {
        jws: "a.b.c".into(),
        ..current.clone()
    };
    assert!(
        !t.store
            .insert_checkpoint(o.id, &again, head)
            .await
            .expect("insert")
    );
    assert_eq!(
        t.store.audit_checkpoints(o.id).await.expect("list").len(),
        1
    );
}

/// Contract: see the name.
pub async fn a_challenge_spends_its_tries_atomically_and_no_more_than_allowed(t: Fresh) {
    let (acme, _) = t
        .store
        .create_organisation(
            org("acme"),
            user("a@acme.org", Profile::Administrator),
            true,
        )
        .await
        .expect("organisation");
    let challenge = super::Challenge {
        id: uuid::Uuid::new_v4(),
        organisation: acme.id,
        email: Email::parse("subject@example.org").expect("email"),
        kind: consentry_model::requests::RequestType::Access,
        details: None,
        lang: consentry_model::forms::FormLang::parse("en").expect("lang"),
        code_hash: [7; 32],
        attempts: 0,
        expires_at: Utc::now() + Duration::minutes(15),
        used_at: None,
    };
    let message = super::NewMessage {
        about_request: None,
        kind: consentry_model::consent::MessageKind::PrivacyCentreCode,
        record: None,
        recipient: "subject@example.org".into(),
        subject: "Your code".into(),
        body_text: "123456".into(),
        body_html: None,
        status: consentry_model::consent::DeliveryStatus::Queued,
        secret: None,
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        expires_at: None,
    };
    t.store
        .insert_challenge(&challenge, message)
        .await
        .expect("challenge");
    let mut tries = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let store = Arc::clone(&t.store);
        tries.spawn(async move { store.take_try(challenge.id, 5, Utc::now()).await });
    }
    let mut counted: Vec<u32> = tries
        .join_all()
        .await
        .into_iter()
        .filter_map(|taken| taken.expect("take a try").map(|c| c.attempts))
        .collect();
    counted.sort_unstable();
    assert_eq!(
        counted,
        vec![1, 2, 3, 4, 5],
        "40 at once spend exactly 5 tries"
    );
    let after = t
        .store
        .challenge(challenge.id)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(after.attempts, 5);
    assert!(
        t.store
            .take_try(challenge.id, 5, Utc::now())
            .await
            .expect("take")
            .is_none()
    );
    // An expired challenge gives no try either.
    let later = Utc::now() + Duration::minutes(16);
    assert!(
        t.store
            .take_try(challenge.id, 9, later)
            .await
            .expect("take")
            .is_none()
    );
}

/// Contract: see the name.
pub async fn one_attempt_at_a_message_is_claimed_once_and_never_after_it_was_given_up(t: Fresh) {
    let (acme, _) = t
        .store
        .create_organisation(
            org("acme"),
            user("a@acme.org", Profile::Administrator),
            true,
        )
        .await
        .expect("organisation");
    let queued = |body: &str| super::NewMessage {
        about_request: None,
        kind: consentry_model::consent::MessageKind::PrivacyCentreCode,
        record: None,
        recipient: "subject@example.org".into(),
        subject: "A message".into(),
        body_text: body.into(),
        body_html: None,
        status: consentry_model::consent::DeliveryStatus::Queued,
        secret: None,
        list_unsubscribe: None,
        link: None,
        on_delivered: None,
        job: None,
        expires_at: None,
    };
    let audit = || super::AuditNote {
        actor: "a@acme.org".into(),
        action: consentry_model::audit::AuditAction::MessageRetried,
        subject: None,
        before: None,
        after: None,
    };
    // The sender's instance lives throughout (a server renews its lease while it runs; a
    // backend may free the claims of an instance that stopped).
    t.store
        .keep_alive(Utc::now() + Duration::hours(1))
        .await
        .expect("alive");
    for body in ["first", "second"] {
        t.store
            .send_message(acme.id, queued(body), audit())
            .await
            .expect("queued");
    }
    let now = Utc::now() + Duration::seconds(1);
    let due = t.store.due_messages(now, 10).await.expect("due");
    assert_eq!(due.len(), 2);
    let (organisation, first) = due[0];

    // Twenty senders at once: one gets the attempt.
    let until = now + Duration::minutes(5);
    let mut claims = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let store = Arc::clone(&t.store);
        claims.spawn(async move { store.claim_message(organisation, first, now, until).await });
    }
    let claimed: Vec<_> = claims
        .join_all()
        .await
        .into_iter()
        .filter_map(|claim| claim.expect("claim"))
        .collect();
    assert_eq!(claimed.len(), 1, "twenty claims at once, one attempt");
    assert_eq!(claimed[0].message.body_text, "first");
    // Held: not due, and with both held the sender sleeps until the first claim runs out.
    let due = t.store.due_messages(now, 10).await.expect("due");
    assert_eq!(due.len(), 1);
    let (_, second) = due[0];
    let second_until = until + Duration::minutes(1);
    assert!(
        t.store
            .claim_message(organisation, second, now, second_until)
            .await
            .expect("claim")
            .is_some()
    );
    assert_eq!(
        t.store
            .next_message_due()
            .await
            .expect("next")
            .map(|at| at.timestamp_millis()),
        Some(until.timestamp_millis())
    );
    // A sender stopped mid-attempt: after the claim ran out the message is due again.
    let later = until + Duration::seconds(1);
    assert!(
        t.store
            .claim_message(organisation, first, later, later + Duration::minutes(5))
            .await
            .expect("claim")
            .is_some()
    );
    // Given up meanwhile: the next attempt is not claimed.
    t.store
        .mark_failed(super::FailedWrite {
            organisation,
            message: first,
            reason: "Refused by the mail server, not retried: 550",
            note: &consentry_model::records::DataSource {
                through: consentry_model::records::SourceKind::Email,
                by: "Consentry".into(),
                detail: None,
                at: later,
            },
            attempted: true,
        })
        .await
        .expect("failed");
    let much_later = later + Duration::hours(1);
    assert!(
        t.store
            .claim_message(organisation, first, much_later, much_later)
            .await
            .expect("claim")
            .is_none(),
        "a message given up is never claimed again"
    );
}

/// Contract: see the name.
pub async fn an_import_batch_never_writes_an_address_the_module_has_by_then(t: Fresh) {
    use consentry_model::records::{DataSource, RecordFields, SourceKind};
    let (o, _) = t
        .store
        .create_organisation(org("ib"), user("a@ib.org", Profile::Administrator), true)
        .await
        .expect("org");
    let leads = t
        .store
        .modules(o.id)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.key == "leads")
        .expect("leads")
        .id;
    let write = |email: &str| crate::RecordWrite {
        module: leads,
        fields: RecordFields {
            email: Some(Email::parse(email).expect("email")),
            ..RecordFields::default()
        },
        privacy: None,
        change: None,
        source: DataSource {
            through: SourceKind::Import,
            by: "test".into(),
            detail: None,
            at: Utc::now(),
        },
    };
    let job = uuid::Uuid::now_v7();
    t.store
        .start_job(
            o.id,
            crate::NewJob {
                id: job,
                kind: crate::JobKind::Import,
                total: 2,
                file_name: Some("leads.csv".into()),
                module: Some(leads),
                started_by: "a@ib.org".into(),
                started_at: Utc::now(),
            },
        )
        .await
        .expect("job");
    let batch = |email: &str, row: u64| crate::ImportBatch {
        job,
        records: vec![write(email)],
        failures: Vec::new(),
        refused: 0,
        rows: 1,
        through_row: row,
    };
    // Sorted when the module had no such address; a record with it arrived since.
    t.store
        .insert_records(o.id, vec![write("jan@ib.org")])
        .await
        .expect("record");
    assert!(matches!(
        t.store.import_batch(o.id, batch("Jan@IB.org", 2)).await,
        Err(StoreError::Conflict("records.email"))
    ));
    let kept = t.store.job(o.id, job).await.expect("read").expect("job");
    assert_eq!(
        (kept.processed, kept.done),
        (0, 0),
        "nothing of the batch counted"
    );
    assert_eq!(
        t.store
            .existing_emails(o.id, leads, &[Email::parse("jan@ib.org").expect("email")])
            .await
            .expect("read")
            .len(),
        1
    );
    assert_eq!(
        t.store
            .import_batch(o.id, batch("piet@ib.org", 3))
            .await
            .expect("a new address"),
        1
    );
}

/// Contract: see the name.
pub async fn a_limit_admits_its_maximum_counts_every_window_or_none_and_frees_released_slots(
    t: Fresh,
) {
    use crate::attempts::Window;
    let minute = std::time::Duration::from_secs(60);
    let client = |max| Window {
        key: "sign_ups/ip:192.0.2.1",
        max,
        span: minute,
    };
    let form = Window {
        key: "widget/to:acme/news",
        max: 2,
        span: minute,
    };
    let mut kept = Vec::new();
    for _ in 0..3 {
        let slots = t.store.take_slots(&[client(3)]).await.expect("store");
        kept.push(slots.expect("a slot").remove(0));
    }
    let wait = t
        .store
        .take_slots(&[client(3)])
        .await
        .expect("store")
        .expect_err("full");
    // A backend may count in time buckets, keeping an attempt up to a sixtieth of the span
    // longer (never shorter).
    assert!(
        (59..=61).contains(&wait),
        "waits for the window, not {wait}"
    );
    // Both windows or neither: the full client's attempt does not count against the form.
    let both = t.store.take_slots(&[client(3), form]).await.expect("store");
    assert!(both.is_err(), "refused by the client's window");
    for _ in 0..2 {
        let slots = t.store.take_slots(&[form]).await.expect("store");
        assert!(slots.is_ok(), "the form's two places were left free");
    }
    assert!(t.store.take_slots(&[form]).await.expect("store").is_err());
    // A released slot is free again, once.
    t.store
        .release_slot(kept.pop().expect("a slot"))
        .await
        .expect("release");
    assert!(
        t.store
            .take_slots(&[client(3)])
            .await
            .expect("store")
            .is_ok()
    );
    assert!(
        t.store
            .take_slots(&[client(3)])
            .await
            .expect("store")
            .is_err()
    );
    // Counting whatever the limit: how many came before; forgetting starts over.
    let account = "sign_ins/account:jan@acme.org";
    for before in 0..4 {
        let (counted, _) = t.store.count_attempt(account, minute).await.expect("count");
        assert_eq!(counted, before);
    }
    t.store.forget_attempts(account).await.expect("forget");
    let (counted, _) = t.store.count_attempt(account, minute).await.expect("count");
    assert_eq!(counted, 0, "forgotten");
    // An attempt stops counting when its span is over.
    let short = Window {
        key: "renewals/link:ab12",
        max: 1,
        span: std::time::Duration::from_millis(300),
    };
    assert!(t.store.take_slots(&[short]).await.expect("store").is_ok());
    assert!(t.store.take_slots(&[short]).await.expect("store").is_err());
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert!(t.store.take_slots(&[short]).await.expect("store").is_ok());
}

/// Contract: see the name.
pub async fn attempts_made_at_once_never_exceed_the_limit(t: Fresh) {
    let tries: Vec<_> = (0..40)
        .map(|_| {
            let store = Arc::clone(&t.store);
            tokio::spawn(async move {
                let window = crate::attempts::Window {
                    key: "widget/ip:198.51.100.7",
                    max: 10,
                    span: std::time::Duration::from_secs(3600),
                };
                store.take_slots(&[window]).await.expect("store").is_ok()
            })
        })
        .collect();
    let mut admitted = 0;
    for attempt in tries {
        admitted += usize::from(attempt.await.expect("task"));
    }
    assert_eq!(admitted, 10);
}

/// Runs the whole contract against a backend: `contract_suite!(fresh)` with an `async fn
/// fresh() -> Fresh` makes one `#[tokio::test]` per behaviour in the calling test crate.
#[macro_export]
macro_rules! contract_suite {
    ($fresh:path) => {
        $crate::contract_suite!(@each $fresh; first_run_organisation_can_be_created_only_once, email_addresses_are_unique_regardless_of_case_and_slugs_are_unique, one_organisation_never_sees_another_organisations_users, the_last_administrator_can_be_neither_demoted_nor_removed, sessions_are_found_until_they_expire_and_then_purged, compliance_settings_default_until_saved_then_round_trip, export_preferences_default_until_saved_and_belong_to_one_user, the_published_form_is_always_the_latest_version, the_audit_chain_commits_to_details_and_checkpoints_only_the_current_head, a_challenge_spends_its_tries_atomically_and_no_more_than_allowed, one_attempt_at_a_message_is_claimed_once_and_never_after_it_was_given_up, an_import_batch_never_writes_an_address_the_module_has_by_then, a_limit_admits_its_maximum_counts_every_window_or_none_and_frees_released_slots, attempts_made_at_once_never_exceed_the_limit);
    };
    (@each $fresh:path; $($name:ident),*) => {
        $(
            #[tokio::test]
            async fn $name() {
                $crate::contract::$name($fresh().await).await
            }
        )*
    };
}
