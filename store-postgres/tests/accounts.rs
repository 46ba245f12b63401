//! Organisations, users, sessions, settings, API keys, `Idempotency-Key` claims and e-mail
//! templates on PostgreSQL, with several server instances on one database: the first-run
//! guard, the last administrator and the claim of a key hold when instances race.

mod common;

use chrono::{Duration, Utc};
use common::Scratch;
use consentry_model::{
    ApiKeyId, ComplianceSettings, Email, OrgSlug, OrganisationName, PendingProcessing, PersonName,
    Profile, TemplateId,
    api_keys::{ApiKey, Scope},
    audit::AuditAction,
    auth::{OrganisationSummary, User},
    compliance::{ControllerProfile, WaitingPeriod},
    exports::{CsvSeparator, ExportPreferences},
    templates::TemplateContent,
};
use consentry_store::{
    AccountStore, AdminGuarded, ApiKeyStore, AuditNote, Claim, HeldKey, IdempotencyClaim,
    IdempotencyStore, LifecycleStore, NewOrganisation, NewUserRow, StoreError, TemplateStore,
    keyed,
};
use consentry_store_postgres::PostgresStore;
use futures::future::join_all;
use uuid::Uuid;

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

fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "a@acme.org".into(),
        action,
        subject: None,
        before: None,
        after: None,
    }
}

async fn acme(store: &PostgresStore) -> (OrganisationSummary, User) {
    store
        .create_organisation(
            org("acme"),
            user("a@acme.org", Profile::Administrator),
            false,
        )
        .await
        .expect("organisation")
}

/// The organisation's audit actions, in order.
async fn actions(db: &Scratch, organisation: &OrganisationSummary) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM audit_log WHERE organisation_id = $1 ORDER BY seq")
        .bind(organisation.id.0)
        .fetch_all(&db.pool)
        .await
        .expect("audit trail")
}

#[tokio::test]
async fn the_first_run_page_creates_one_organisation_while_instances_race() {
    let db = Scratch::new().await;
    let instances = [db.store().await, db.store().await, db.store().await];
    assert_eq!(instances[0].organisation_count().await.expect("count"), 0);
    let attempts = (0..24).map(|n| {
        let store = &instances[n % instances.len()];
        async move {
            store
                .create_organisation(
                    org(&format!("first-{n}")),
                    user(&format!("a{n}@first.org"), Profile::Administrator),
                    true,
                )
                .await
        }
    });
    let outcomes = join_all(attempts).await;
    let created = outcomes.iter().filter(|o| o.is_ok()).count();
    let refused = outcomes
        .iter()
        .filter(|o| matches!(o, Err(StoreError::Conflict("organisations.first"))))
        .count();
    assert_eq!((created, refused), (1, 23), "{outcomes:?}");
    assert_eq!(instances[1].organisation_count().await.expect("count"), 1);
    // Without the guard (the CLI adding another tenant) it works, also many at once.
    let tenants = (0..8).map(|n| {
        let store = &instances[n % instances.len()];
        async move {
            store
                .create_organisation(
                    org(&format!("tenant-{n}")),
                    user(&format!("a{n}@tenant.org"), Profile::Administrator),
                    false,
                )
                .await
        }
    });
    assert!(join_all(tenants).await.iter().all(Result::is_ok));
    let organisations = instances[2].organisations().await.expect("list");
    assert_eq!(organisations.len(), 9);
    // Each starts with the built-in modules (and their standard fields) and its audit entry.
    let (modules, fields): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM modules WHERE builtin),
                (SELECT COUNT(*) FROM module_fields WHERE standard)",
    )
    .fetch_one(&db.pool)
    .await
    .expect("counts");
    let per_organisation = consentry_model::records::BuiltinModule::ALL.len() as i64;
    assert_eq!(modules, 9 * per_organisation);
    assert_eq!(fields, 9 * per_organisation * 6);
    assert_eq!(
        actions(&db, &organisations[0]).await,
        ["organisation.created"]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn addresses_are_unique_regardless_of_case_across_instances_and_slugs_are_unique() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (acme, _) = one
        .create_organisation(
            org("acme"),
            user("Jan@acme.org", Profile::Administrator),
            true,
        )
        .await
        .expect("org");
    let dup = two
        .insert_user(acme.id, user("jan@ACME.org", Profile::Standard))
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict("users.email"))));
    let slug = two
        .create_organisation(org("acme"), user("x@y.org", Profile::Administrator), false)
        .await;
    assert!(matches!(
        slug,
        Err(StoreError::Conflict("organisations.slug"))
    ));
    let found = two
        .user_credentials(&Email::parse("JAN@acme.org").expect("email"))
        .await
        .expect("lookup")
        .expect("found regardless of case");
    assert_eq!(found.organisation_id, acme.id);
    assert_eq!(found.user.email.as_str(), "Jan@acme.org");
    assert_eq!(found.password_hash, "not-a-real-hash");
    // One address in several spellings, added at once on two instances: one user.
    let spellings = [
        "piet@acme.org",
        "Piet@acme.org",
        "PIET@acme.org",
        "piet@ACME.ORG",
    ];
    let adds = spellings.iter().enumerate().map(|(n, email)| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.insert_user(acme.id, user(email, Profile::Standard))
    });
    let outcomes = join_all(adds).await;
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
    assert!(
        outcomes
            .iter()
            .filter_map(|o| o.as_ref().err())
            .all(|e| matches!(e, StoreError::Conflict("users.email")))
    );
    assert_eq!(one.users(acme.id).await.expect("users").len(), 2);
    db.drop_database().await;
}

#[tokio::test]
async fn one_organisation_never_sees_another_organisations_users() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let (a, admin_a) = store
        .create_organisation(org("aa"), user("a@aa.org", Profile::Administrator), false)
        .await
        .expect("a");
    let (b, _) = store
        .create_organisation(org("bb"), user("b@bb.org", Profile::Administrator), false)
        .await
        .expect("b");
    assert!(store.user(b.id, admin_a.id).await.expect("read").is_none());
    assert_eq!(store.users(b.id).await.expect("list").len(), 1);
    assert_eq!(
        store
            .set_user_profile(b.id, admin_a.id, Profile::ReadOnly)
            .await
            .expect("update"),
        AdminGuarded::NotFound
    );
    assert_eq!(
        store.delete_user(b.id, admin_a.id).await.expect("delete"),
        AdminGuarded::NotFound
    );
    let kept = store.user(a.id, admin_a.id).await.expect("read");
    assert_eq!(kept, Some(admin_a));
    db.drop_database().await;
}

#[tokio::test]
async fn the_last_administrator_can_be_neither_demoted_nor_removed() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let (o, admin) = store
        .create_organisation(
            org("solo"),
            user("a@solo.org", Profile::Administrator),
            true,
        )
        .await
        .expect("org");
    assert_eq!(
        store
            .set_user_profile(o.id, admin.id, Profile::Standard)
            .await
            .expect("update"),
        AdminGuarded::LastAdministrator
    );
    assert_eq!(
        store.delete_user(o.id, admin.id).await.expect("delete"),
        AdminGuarded::LastAdministrator
    );
    let second = store
        .insert_user(o.id, user("b@solo.org", Profile::Administrator))
        .await
        .expect("second admin");
    // Receipts name the oldest administrator; the cache forgets it on every change.
    let named = || async { store.administrator_email(o.id).await.expect("email") };
    assert_eq!(named().await.as_deref(), Some("a@solo.org"));
    let demoted = store
        .set_user_profile(o.id, admin.id, Profile::ReadOnly)
        .await
        .expect("update");
    assert!(matches!(demoted, AdminGuarded::Done(u) if u.profile == Profile::ReadOnly));
    assert_eq!(named().await.as_deref(), Some("b@solo.org"));
    assert_eq!(
        store.delete_user(o.id, second.id).await.expect("delete"),
        AdminGuarded::LastAdministrator
    );
    // A user who already has the profile asked for is done, not refused.
    assert!(matches!(
        store
            .set_user_profile(o.id, second.id, Profile::Administrator)
            .await
            .expect("unchanged"),
        AdminGuarded::Done(u) if u.profile == Profile::Administrator
    ));
    store
        .set_user_profile(o.id, admin.id, Profile::Administrator)
        .await
        .expect("promoted again");
    assert_eq!(named().await.as_deref(), Some("a@solo.org"));
    assert!(matches!(
        store.delete_user(o.id, admin.id).await.expect("delete"),
        AdminGuarded::Done(())
    ));
    assert_eq!(named().await.as_deref(), Some("b@solo.org"));
    assert_eq!(
        store.delete_user(o.id, admin.id).await.expect("gone"),
        AdminGuarded::NotFound
    );
    db.drop_database().await;
}

/// How two administrators' last change ends when both are made at once.
#[derive(Debug, Clone, Copy)]
enum Change {
    Demote,
    Remove,
}

async fn change(
    store: &PostgresStore,
    organisation: &OrganisationSummary,
    who: &User,
    what: Change,
) -> bool {
    match what {
        Change::Demote => went_through(
            store
                .set_user_profile(organisation.id, who.id, Profile::Standard)
                .await
                .expect("demote"),
            who,
        ),
        Change::Remove => went_through(
            store
                .delete_user(organisation.id, who.id)
                .await
                .expect("remove"),
            who,
        ),
    }
}

fn went_through<T>(outcome: AdminGuarded<T>, who: &User) -> bool {
    match outcome {
        AdminGuarded::Done(_) => true,
        AdminGuarded::LastAdministrator => false,
        AdminGuarded::NotFound => panic!("{} was there", who.email),
    }
}

#[tokio::test]
async fn two_instances_demoting_or_removing_the_last_two_administrators_at_once_leave_one() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let pairs = [
        (Change::Demote, Change::Demote),
        (Change::Remove, Change::Remove),
        (Change::Demote, Change::Remove),
        (Change::Remove, Change::Demote),
    ];
    for round in 0..24 {
        let (first_change, second_change) = pairs[round % pairs.len()];
        let (o, a) = one
            .create_organisation(
                org(&format!("duo-{round}")),
                user(&format!("a{round}@duo.org"), Profile::Administrator),
                false,
            )
            .await
            .expect("org");
        let b = two
            .insert_user(
                o.id,
                user(&format!("b{round}@duo.org"), Profile::Administrator),
            )
            .await
            .expect("second admin");
        let (done_a, done_b) = tokio::join!(
            change(&one, &o, &a, first_change),
            change(&two, &o, &b, second_change),
        );
        assert!(
            done_a != done_b,
            "round {round} ({first_change:?}, {second_change:?}): exactly one change goes \
             through, not {done_a} and {done_b}"
        );
        let admins: Vec<_> = one
            .users(o.id)
            .await
            .expect("users")
            .into_iter()
            .filter(|u| u.profile == Profile::Administrator)
            .collect();
        assert_eq!(admins.len(), 1, "round {round}");
    }
    db.drop_database().await;
}

#[tokio::test]
async fn of_many_administrators_demoted_at_once_on_two_instances_one_remains() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, first) = acme(&one).await;
    let mut admins = vec![first];
    for n in 0..9 {
        admins.push(
            one.insert_user(
                o.id,
                user(&format!("admin{n}@acme.org"), Profile::Administrator),
            )
            .await
            .expect("admin"),
        );
    }
    let changes = admins.iter().enumerate().map(|(n, admin)| {
        let store = if n % 2 == 0 { &one } else { &two };
        let what = if n % 3 == 0 {
            Change::Remove
        } else {
            Change::Demote
        };
        change(store, &o, admin, what)
    });
    let done = join_all(changes).await;
    assert_eq!(done.iter().filter(|d| !**d).count(), 1, "{done:?}");
    let left: Vec<_> = two
        .users(o.id)
        .await
        .expect("users")
        .into_iter()
        .filter(|u| u.profile == Profile::Administrator)
        .collect();
    assert_eq!(left.len(), 1);
    db.drop_database().await;
}

#[tokio::test]
async fn a_session_started_on_one_instance_holds_on_another_until_it_ends() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, admin) = acme(&one).await;
    let now = Utc::now();
    let token = [7u8; 32];
    one.insert_session(&token, admin.id, now + Duration::minutes(5))
        .await
        .expect("insert");
    let live = two
        .session(&token, now)
        .await
        .expect("read")
        .expect("seen by the other instance");
    assert_eq!(live.user, admin);
    assert_eq!(live.organisation, o);
    assert_eq!(
        live.expires_at.timestamp_millis(),
        (now + Duration::minutes(5)).timestamp_millis()
    );
    let later = now + Duration::minutes(6);
    assert!(two.session(&token, later).await.expect("read").is_none());
    assert!(two.session(&[8u8; 32], now).await.expect("read").is_none());
    // Signing out on one instance ends the session on all.
    let other = [9u8; 32];
    two.insert_session(&other, admin.id, now + Duration::minutes(5))
        .await
        .expect("insert");
    one.delete_session(&other).await.expect("sign out");
    assert!(two.session(&other, now).await.expect("read").is_none());
    assert_eq!(one.delete_expired_sessions(later).await.expect("purge"), 1);
    assert_eq!(one.delete_expired_sessions(later).await.expect("purge"), 0);
    // A removed user's sessions go with them.
    let standard = one
        .insert_user(o.id, user("s@acme.org", Profile::Standard))
        .await
        .expect("user");
    one.insert_session(&[10u8; 32], standard.id, now + Duration::minutes(5))
        .await
        .expect("insert");
    assert!(matches!(
        two.delete_user(o.id, standard.id).await.expect("delete"),
        AdminGuarded::Done(())
    ));
    assert!(one.session(&[10u8; 32], now).await.expect("read").is_none());
    db.drop_database().await;
}

#[tokio::test]
async fn settings_and_export_preferences_default_until_saved_then_round_trip() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, admin) = acme(&one).await;
    assert_eq!(
        one.compliance_settings(o.id).await.expect("read"),
        ComplianceSettings::default()
    );
    let mut changed = ComplianceSettings {
        enabled: true,
        waiting_period_days: WaitingPeriod::new(14).expect("days"),
        processing_while_pending: PendingProcessing::Restrict,
        double_opt_in: false,
        retention_days: None,
        retention_auto_erase: true,
        consent_lifetime_days: consentry_model::compliance::ConsentLifetime::new(730).ok(),
        renewal_grace_days: consentry_model::compliance::RenewalGrace::new(14).expect("days"),
        personal_data: consentry_model::handling::PersonalDataHandling {
            exports: consentry_model::handling::Exclusion::Chosen,
            api: consentry_model::handling::Exclusion::AllPersonal,
            webhooks: consentry_model::handling::Exclusion::None,
        },
    };
    one.save_compliance_settings(o.id, &changed, Utc::now())
        .await
        .expect("save");
    assert_eq!(two.compliance_settings(o.id).await.expect("read"), changed);
    changed.retention_days =
        Some(consentry_model::compliance::RetentionPeriod::new(400).expect("retention"));
    two.save_compliance_settings(o.id, &changed, Utc::now())
        .await
        .expect("save again");
    assert_eq!(one.compliance_settings(o.id).await.expect("read"), changed);

    let other = one
        .insert_user(o.id, user("b@acme.org", Profile::Standard))
        .await
        .expect("user");
    assert_eq!(
        one.export_preferences(admin.id).await.expect("read"),
        ExportPreferences::default()
    );
    let semicolon = ExportPreferences {
        csv_separator: CsvSeparator::Semicolon,
    };
    for store in [&one, &two] {
        store
            .save_export_preferences(admin.id, semicolon)
            .await
            .expect("save");
    }
    assert_eq!(
        two.export_preferences(admin.id).await.expect("read"),
        semicolon
    );
    assert_eq!(
        two.export_preferences(other.id).await.expect("read"),
        ExportPreferences::default()
    );
    db.drop_database().await;
}

#[tokio::test]
async fn the_controller_profile_is_saved_with_its_audit_entry_and_read_afresh() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let (o, _) = acme(&store).await;
    assert_eq!(
        store.controller_profile(o.id).await.expect("read"),
        ControllerProfile::default()
    );
    let profile = ControllerProfile {
        contact: "Data Protection Officer".into(),
        street_address: "Keizersgracht 1".into(),
        postal_code: "1015 AA".into(),
        locality: "Amsterdam".into(),
        country: "NL".into(),
        email: "privacy@acme.org".into(),
        phone: "+31 20 000 0000".into(),
        url: "https://acme.org/privacy".into(),
    };
    store
        .save_controller_profile(o.id, &profile, note(AuditAction::SettingsChanged))
        .await
        .expect("save");
    // The instance that saved it never serves the cached empty profile again.
    assert_eq!(store.controller_profile(o.id).await.expect("read"), profile);
    assert_eq!(
        actions(&db, &o).await,
        ["organisation.created", "compliance.settings_changed"]
    );
    db.drop_database().await;
}

fn api_key(name: &str, created_at: chrono::DateTime<Utc>) -> ApiKey {
    ApiKey {
        id: ApiKeyId(Uuid::now_v7()),
        name: name.into(),
        scopes: vec![Scope::RecordsRead, Scope::DsrWrite],
        prefix: format!("ck_{name}"),
        created_by: "a@acme.org".into(),
        created_at,
        last_used_at: None,
        revoked_at: None,
    }
}

#[tokio::test]
async fn an_api_key_is_found_by_its_secret_on_every_instance_until_revoked_on_one() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, _) = acme(&one).await;
    let (other, _) = one
        .create_organisation(
            org("other"),
            user("a@other.org", Profile::Administrator),
            false,
        )
        .await
        .expect("other");
    let created = Utc::now() - Duration::hours(1);
    let older = api_key("older", created);
    let newer = api_key("newer", created + Duration::minutes(1));
    for (key, secret) in [(&older, [1u8; 32]), (&newer, [2u8; 32])] {
        one.insert_api_key(o.id, key, &secret, note(AuditAction::ApiKeyCreated))
            .await
            .expect("insert");
    }
    let listed = two.api_keys(o.id).await.expect("list");
    assert_eq!(
        listed.iter().map(|k| k.name.as_str()).collect::<Vec<_>>(),
        ["newer", "older"]
    );
    assert_eq!(listed[1].scopes, older.scopes);
    assert_eq!(
        listed[1].created_at.timestamp_millis(),
        created.timestamp_millis()
    );
    assert!(two.api_keys(other.id).await.expect("list").is_empty());

    // Use is noted to the minute, once however many instances see it.
    let now = Utc::now();
    let uses = (0..8).map(|n| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.api_key_by_secret(&[1u8; 32], now)
    });
    for found in join_all(uses).await {
        let (key, organisation) = found.expect("lookup").expect("found");
        assert_eq!((key.id, organisation), (older.id, o.clone()));
    }
    let used = |store: &PostgresStore| {
        let store = store.clone();
        async move {
            store.api_keys(o.id).await.expect("list")[1]
                .last_used_at
                .map(|t| t.timestamp_millis())
        }
    };
    assert_eq!(used(&one).await, Some(now.timestamp_millis()));
    let soon = now + Duration::seconds(30);
    two.api_key_by_secret(&[1u8; 32], soon)
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!(used(&one).await, Some(now.timestamp_millis()));
    let later = now + Duration::minutes(2);
    two.api_key_by_secret(&[1u8; 32], later)
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!(used(&one).await, Some(later.timestamp_millis()));

    // Revoked on one instance: refused on the other.
    assert!(
        one.revoke_api_key(other.id, older.id, note(AuditAction::ApiKeyRevoked))
            .await
            .expect("revoke")
            .is_none(),
        "another organisation's key"
    );
    let revoked = one
        .revoke_api_key(o.id, older.id, note(AuditAction::ApiKeyRevoked))
        .await
        .expect("revoke")
        .expect("revoked");
    let at = revoked.revoked_at.expect("a time");
    assert!(
        two.api_key_by_secret(&[1u8; 32], later)
            .await
            .expect("lookup")
            .is_none()
    );
    let again = two
        .revoke_api_key(o.id, older.id, note(AuditAction::ApiKeyRevoked))
        .await
        .expect("revoke")
        .expect("still there");
    assert_eq!(
        again.revoked_at,
        Some(at),
        "revoked when it was first revoked"
    );
    assert!(
        one.api_key_by_secret(&[2u8; 32], later)
            .await
            .expect("lookup")
            .is_some()
    );
    assert_eq!(
        actions(&db, &o).await,
        [
            "organisation.created",
            "api_key.created",
            "api_key.created",
            "api_key.revoked",
            "api_key.revoked"
        ]
    );
    db.drop_database().await;
}

fn held(key: &str, token: u8) -> HeldKey {
    HeldKey {
        caller: [3u8; 32],
        key: key.into(),
        token: [token; 16],
    }
}

fn claim_of<'a>(
    held: &'a HeldKey,
    fingerprint: &'a [u8; 32],
    now: chrono::DateTime<Utc>,
) -> IdempotencyClaim<'a> {
    IdempotencyClaim {
        held,
        fingerprint,
        now,
        lease_until: now + Duration::seconds(30),
    }
}

#[tokio::test]
async fn of_many_claims_of_one_key_on_two_instances_exactly_one_runs() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let fingerprint = [5u8; 32];
    let now = Utc::now();
    let holders: Vec<HeldKey> = (0..32).map(|n| held("order-1", n)).collect();
    let claims = holders.iter().enumerate().map(|(n, h)| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.claim_idempotent(claim_of(h, &fingerprint, now))
    });
    let outcomes: Vec<Claim> = join_all(claims)
        .await
        .into_iter()
        .map(|c| c.expect("claim"))
        .collect();
    let winners: Vec<usize> = (0..outcomes.len())
        .filter(|&n| outcomes[n] == Claim::New)
        .collect();
    assert_eq!(winners.len(), 1, "{outcomes:?}");
    assert!(
        outcomes
            .iter()
            .all(|c| matches!(c, Claim::New | Claim::Running))
    );
    let winner = &holders[winners[0]];
    // Another request under the same key is refused while it runs, and after.
    assert_eq!(
        one.claim_idempotent(claim_of(&held("order-1", 99), &[6u8; 32], now))
            .await
            .expect("claim"),
        Claim::Mismatch
    );
    // A loser cannot finish or release the winner's claim.
    let loser = &holders[(winners[0] + 1) % holders.len()];
    assert!(
        !one.finish_idempotent(loser, Some((500, None, vec![])))
            .await
            .expect("finish")
    );
    assert!(!two.finish_idempotent(loser, None).await.expect("release"));
    // The winner's answer, kept on one instance, is replayed on the other.
    let winning_store = if winners[0].is_multiple_of(2) {
        &one
    } else {
        &two
    };
    assert!(
        winning_store
            .finish_idempotent(
                winner,
                Some((201, Some("application/json".into()), b"{\"id\":1}".to_vec()))
            )
            .await
            .expect("finish")
    );
    for store in [&one, &two] {
        assert_eq!(
            store
                .claim_idempotent(claim_of(&held("order-1", 100), &fingerprint, now))
                .await
                .expect("claim"),
            Claim::Answered(201, Some("application/json".into()), b"{\"id\":1}".to_vec())
        );
    }
    db.drop_database().await;
}

#[tokio::test]
async fn a_released_or_expired_claim_is_taken_over_by_exactly_one_retry() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let fingerprint = [5u8; 32];
    let now = Utc::now();
    let first = held("order-2", 1);
    assert_eq!(
        one.claim_idempotent(claim_of(&first, &fingerprint, now))
            .await
            .expect("claim"),
        Claim::New
    );
    // Released (the request failed before changing anything): a retry runs again.
    assert!(one.finish_idempotent(&first, None).await.expect("release"));
    let second = held("order-2", 2);
    assert_eq!(
        two.claim_idempotent(claim_of(&second, &fingerprint, now))
            .await
            .expect("claim"),
        Claim::New
    );
    // Its server stopped: once the lease ran out, retries racing on both instances take it
    // over once.
    let after = now + Duration::minutes(1);
    let retries: Vec<HeldKey> = (10..40).map(|n| held("order-2", n)).collect();
    let claims = retries.iter().enumerate().map(|(n, h)| {
        let store = if n % 2 == 0 { &one } else { &two };
        store.claim_idempotent(claim_of(h, &fingerprint, after))
    });
    let outcomes: Vec<Claim> = join_all(claims)
        .await
        .into_iter()
        .map(|c| c.expect("claim"))
        .collect();
    assert_eq!(
        outcomes.iter().filter(|c| **c == Claim::New).count(),
        1,
        "{outcomes:?}"
    );
    // The stopped request's late finish no longer counts.
    assert!(
        !two.finish_idempotent(&second, Some((200, None, vec![])))
            .await
            .expect("finish")
    );
    db.drop_database().await;
}

#[tokio::test]
async fn a_claim_whose_change_committed_is_never_run_again() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, _) = acme(&one).await;
    let fingerprint = [5u8; 32];
    let now = Utc::now();
    let first = held("template-1", 1);
    assert_eq!(
        one.claim_idempotent(claim_of(&first, &fingerprint, now))
            .await
            .expect("claim"),
        Claim::New
    );
    // The keyed request makes its change, then fails before keeping its answer.
    keyed::within(first.token, async {
        one.insert_template(
            o.id,
            &content("Welcome"),
            note(AuditAction::TemplateCreated),
        )
        .await
        .expect("template")
    })
    .await;
    assert!(
        one.finish_idempotent(&first, None)
            .await
            .expect("lease ended")
    );
    let seq = actions(&db, &o).await.len() as u64;
    let retry = held("template-1", 2);
    let told = two
        .claim_idempotent(claim_of(&retry, &fingerprint, now + Duration::seconds(1)))
        .await
        .expect("claim");
    let Claim::Interrupted(change) = told else {
        panic!("the retry is told of the change, not run: {told:?}");
    };
    assert_eq!(
        (change.seq, change.action.as_str()),
        (seq, "template.created")
    );
    assert_eq!(one.templates(o.id).await.expect("list").len(), 1);
    // Its answer kept, the change is no longer needed to tell: the answer is replayed.
    let third = held("template-2", 3);
    one.claim_idempotent(claim_of(&third, &fingerprint, now))
        .await
        .expect("claim");
    keyed::within(third.token, async {
        one.insert_template(
            o.id,
            &content("Goodbye"),
            note(AuditAction::TemplateCreated),
        )
        .await
        .expect("template")
    })
    .await;
    assert!(
        one.finish_idempotent(&third, Some((201, None, b"ok".to_vec())))
            .await
            .expect("kept")
    );
    let (effects,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM idempotency_effects WHERE claim_token = $1")
            .bind(&third.token[..])
            .fetch_one(&db.pool)
            .await
            .expect("effects");
    assert_eq!(effects, 0);
    // Answers and marks older than the purge's limit go.
    assert_eq!(
        two.purge_idempotent(now + Duration::hours(1))
            .await
            .expect("purge"),
        2
    );
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM idempotency_effects")
        .fetch_one(&db.pool)
        .await
        .expect("effects");
    assert_eq!(left, 0);
    assert_eq!(
        one.claim_idempotent(claim_of(&held("template-1", 4), &fingerprint, now))
            .await
            .expect("claim"),
        Claim::New
    );
    db.drop_database().await;
}

fn content(name: &str) -> TemplateContent {
    TemplateContent {
        name: name.into(),
        subject: "Your consent, {{first_name}}".into(),
        body_text: "Please answer: {{consent_link}}".into(),
        body_html: None,
        language: consentry_model::forms::FormLang::parse("nl").ok(),
    }
}

#[tokio::test]
async fn templates_are_audited_and_their_names_unique_within_an_organisation() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, _) = acme(&one).await;
    let (other, _) = one
        .create_organisation(
            org("other"),
            user("a@other.org", Profile::Administrator),
            false,
        )
        .await
        .expect("other");
    let b = one
        .insert_template(o.id, &content("B"), note(AuditAction::TemplateCreated))
        .await
        .expect("b");
    let a = two
        .insert_template(o.id, &content("A"), note(AuditAction::TemplateCreated))
        .await
        .expect("a");
    assert_eq!(
        one.template(o.id, b.id).await.expect("read"),
        Some(b.clone())
    );
    assert_eq!(
        one.templates(o.id).await.expect("list"),
        [a.clone(), b.clone()]
    );
    // The same name in another organisation is fine; twice in one it is not.
    one.insert_template(other.id, &content("A"), note(AuditAction::TemplateCreated))
        .await
        .expect("another organisation's");
    assert!(matches!(
        two.insert_template(o.id, &content("A"), note(AuditAction::TemplateCreated))
            .await,
        Err(StoreError::Conflict("email_templates.name"))
    ));
    assert!(matches!(
        two.update_template(
            o.id,
            b.id,
            &content("A"),
            note(AuditAction::TemplateChanged)
        )
        .await,
        Err(StoreError::Conflict("email_templates.name"))
    ));
    let mut html = content("B, with HTML");
    html.body_html = Some("<p>{{consent_link}}</p>".into());
    let changed = two
        .update_template(o.id, b.id, &html, note(AuditAction::TemplateChanged))
        .await
        .expect("update")
        .expect("there");
    assert_eq!(one.template(o.id, b.id).await.expect("read"), Some(changed));
    assert!(one.template(other.id, b.id).await.expect("read").is_none());
    assert!(
        one.update_template(
            other.id,
            b.id,
            &content("C"),
            note(AuditAction::TemplateChanged)
        )
        .await
        .expect("update")
        .is_none()
    );
    let missing = TemplateId(Uuid::now_v7());
    assert!(
        !one.delete_template(o.id, missing, note(AuditAction::TemplateDeleted))
            .await
            .expect("delete")
    );
    assert!(
        one.delete_template(o.id, a.id, note(AuditAction::TemplateDeleted))
            .await
            .expect("delete")
    );
    assert_eq!(one.templates(o.id).await.expect("list").len(), 1);
    assert_eq!(
        actions(&db, &o).await,
        [
            "organisation.created",
            "template.created",
            "template.created",
            "template.changed",
            "template.deleted"
        ]
    );
    let subjects: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT subject FROM audit_log WHERE organisation_id = $1 AND action = 'template.created'
         ORDER BY seq",
    )
    .bind(o.id.0)
    .fetch_all(&db.pool)
    .await
    .expect("subjects");
    assert_eq!(subjects, [Some(b.id.to_string()), Some(a.id.to_string())]);
    db.drop_database().await;
}

#[tokio::test]
async fn compacting_leaves_the_data_and_closing_ends_only_this_instance() {
    let db = Scratch::new().await;
    let (one, two) = (db.store().await, db.store().await);
    let (o, _) = acme(&one).await;
    one.insert_user(o.id, user("b@acme.org", Profile::Standard))
        .await
        .expect("user");
    one.compact().await.expect("compact");
    one.close().await.expect("close");
    assert!(one.organisation_count().await.is_err(), "closed");
    assert_eq!(two.users(o.id).await.expect("users").len(), 2);
    two.compact().await.expect("compact");
    db.drop_database().await;
}
