//! Public sign-ups on PostgreSQL with several server instances on one database: one address
//! makes one record, a sign-up is confirmed once, and unconfirmed sign-ups are forgotten once.

mod common;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use common::Scratch;
use consentry_model::{
    ConsentStatus, Email, FormId, ModuleId, OrgSlug, OrganisationId, RecordId,
    audit::AuditAction,
    consent::{DeliveryStatus, MessageKind},
    forms::{ConsentChoices, FormLang, starter_design},
    records::{DataSource, RecordFields, SourceKind},
    signup::SignUpSettings,
};
use consentry_store::{
    AnswerOutcome, AnswerPlan, AuditNote, ConsentEventWrite, ForgottenSignUp, LinkGone, NewMessage,
    PendingWrite, PublicAnswer, RecordWrite, SignUpRecord, SignUpStore, SignUpWrite, StoreError,
};
use futures::future::join_all;
use uuid::Uuid;

/// An organisation with a module whose compliance is on and a form published twice.
struct World {
    organisation: OrganisationId,
    slug: String,
    module: ModuleId,
    form: FormId,
}

async fn world(db: &Scratch) -> World {
    let organisation = Uuid::now_v7();
    let slug = format!("acme-{}", organisation.simple());
    sqlx::query(
        "INSERT INTO organisations (id, name, slug, created_at) VALUES ($1, 'Acme', $2, now())",
    )
    .bind(organisation)
    .bind(&slug)
    .execute(&db.pool)
    .await
    .expect("organisation");
    let module = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO modules (id, organisation_id, key, name, builtin, compliance_enabled,
             created_at)
         VALUES ($1, $2, 'leads', 'Leads', true, true, now())",
    )
    .bind(module)
    .bind(organisation)
    .execute(&db.pool)
    .await
    .expect("module");
    let form = Uuid::now_v7();
    let design = serde_json::to_string(&starter_design("Acme")).expect("design");
    sqlx::query(
        "INSERT INTO consent_forms (organisation_id, id, name, slug, draft, created_at, updated_at)
         VALUES ($1, $2, 'Newsletter', 'newsletter', $3::json, now(), now())",
    )
    .bind(organisation)
    .bind(form)
    .bind(&design)
    .execute(&db.pool)
    .await
    .expect("form");
    for (version, hash) in [(1, "v1"), (2, "v2")] {
        sqlx::query(
            "INSERT INTO form_versions (organisation_id, form_id, version, design, text_hash,
                 published_at, published_by)
             VALUES ($1, $2, $3, $4::json, $5, now(), 'Ada')",
        )
        .bind(organisation)
        .bind(form)
        .bind(version)
        .bind(&design)
        .bind(hash)
        .execute(&db.pool)
        .await
        .expect("version");
    }
    World {
        organisation: OrganisationId(organisation),
        slug,
        module: ModuleId(module),
        form: FormId(form),
    }
}

/// A record on Consent, Pending, created and last changed `through`.
async fn record(db: &Scratch, w: &World, through: &str) -> RecordId {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO records (organisation_id, id, module_id, email, legal_basis, consent_status,
             created_at, created_through, created_by, updated_at, updated_through, updated_by)
         VALUES ($1, $2, $3, $4, 'consent', 'pending', now(), $5, 'Newsletter', now(), $5,
             'Newsletter')",
    )
    .bind(w.organisation.0)
    .bind(id)
    .bind(w.module.0)
    .bind(format!("{}@example.org", id.simple()))
    .bind(through)
    .execute(&db.pool)
    .await
    .expect("record");
    RecordId(id)
}

/// A queued confirmation mail to the record.
async fn mail(db: &Scratch, w: &World, record: RecordId) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO outbox (organisation_id, id, record_id, recipient, subject, body_text,
             created_at, status, kind)
         VALUES ($1, $2, $3, 'jan@example.org', 'Confirm', 'Click', now(), 'queued',
             'sign_up_confirmation')",
    )
    .bind(w.organisation.0)
    .bind(id)
    .bind(record.0)
    .execute(&db.pool)
    .await
    .expect("mail");
    id
}

fn choices() -> ConsentChoices {
    ConsentChoices {
        granted: ["newsletter".to_owned()].into_iter().collect(),
        ..ConsentChoices::default()
    }
}

/// A sign-up of the record on version 1 waiting for confirmation until `expires_at`, with
/// its confirmation mail; its token hash.
async fn pending(
    db: &Scratch,
    w: &World,
    record: RecordId,
    expires_at: DateTime<Utc>,
    created_record: bool,
) -> [u8; 32] {
    let token: [u8; 32] = *Uuid::new_v4()
        .as_bytes()
        .repeat(2)
        .first_chunk()
        .expect("32");
    let message = mail(db, w, record).await;
    sqlx::query(
        "INSERT INTO sign_ups (token_hash, organisation_id, record_id, form_id, form_version,
             lang, choices, created_at, expires_at, created_record, message_id)
         VALUES ($1, $2, $3, $4, 1, 'en', $5::json, now(), $6, $7, $8)",
    )
    .bind(token.as_slice())
    .bind(w.organisation.0)
    .bind(record.0)
    .bind(w.form.0)
    .bind(serde_json::to_string(&choices()).expect("choices"))
    .bind(expires_at.trunc_subsecs(3))
    .bind(created_record)
    .bind(message)
    .execute(&db.pool)
    .await
    .expect("sign-up");
    token
}

fn note(action: AuditAction) -> AuditNote {
    AuditNote {
        actor: "test".into(),
        action,
        subject: None,
        before: None,
        after: None,
    }
}

fn source() -> DataSource {
    DataSource {
        through: SourceKind::ConsentForm,
        by: "Newsletter".into(),
        detail: None,
        at: Utc::now(),
    }
}

/// The confirmation of the sign-up behind `token`, granting consent.
fn confirmation(w: &World, record: RecordId, token: [u8; 32]) -> PublicAnswer {
    PublicAnswer {
        organisation: w.organisation,
        token_hash: token,
        event: ConsentEventWrite {
            record,
            form: w.form,
            version: 1,
            text_hash: "v1".into(),
            lang: FormLang::parse("en").expect("lang"),
            decision: "",
            choices: choices(),
            at: Utc::now(),
            ip: None,
            user_agent: None,
        },
        source: source(),
        rule: Box::new(|before| {
            let mut privacy = before.cloned().expect("a section");
            if let Some(consent) = privacy.consent.as_mut() {
                consent.status = ConsentStatus::Obtained;
            }
            Ok(AnswerPlan {
                privacy,
                change: None,
                decision: "granted",
                spend: true,
                audit: note(AuditAction::ConsentAnswered),
            })
        }),
    }
}

async fn count(db: &Scratch, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(&db.pool)
        .await
        .expect("count");
    n
}

#[tokio::test]
async fn a_pending_sign_up_reads_back_as_stored_and_one_confirmed_takes_no_confirmation() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let w = world(&db).await;
    let jan = record(&db, &w, "consent_form").await;
    let expires_at = Utc::now() + TimeDelta::days(1);
    let token = pending(&db, &w, jan, expires_at, true).await;
    let read = store
        .pending_sign_up(&token)
        .await
        .expect("read")
        .expect("the sign-up");
    assert_eq!(read.organisation, w.organisation);
    assert_eq!(read.organisation_name, "Acme");
    assert_eq!(read.record, jan);
    assert_eq!(read.form, w.form);
    assert_eq!(read.form_name, "Newsletter");
    assert_eq!(read.version, 1);
    assert_eq!(read.lang.as_str(), "en");
    assert_eq!(read.choices, choices());
    assert_eq!(read.expires_at, expires_at.trunc_subsecs(3));
    assert_eq!(read.confirmed_at, None);
    assert_eq!(store.pending_sign_up(&[7; 32]).await.expect("read"), None);

    sqlx::query("UPDATE sign_ups SET confirmed_at = now()")
        .execute(&db.pool)
        .await
        .expect("confirmed");
    assert_eq!(
        store
            .confirm_sign_up(confirmation(&w, jan, token))
            .await
            .expect("answered"),
        AnswerOutcome::LinkGone(LinkGone::Spent)
    );
    assert_eq!(
        store
            .confirm_sign_up(confirmation(&w, jan, [7; 32]))
            .await
            .expect("answered"),
        AnswerOutcome::LinkGone(LinkGone::Spent),
        "no such sign-up"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM consent_events").await, 0);
    db.drop_database().await;
}

#[tokio::test]
async fn sign_ups_expired_before_the_cutoff_are_purged() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let w = world(&db).await;
    let jan = record(&db, &w, "consent_form").await;
    let now = Utc::now();
    let old = pending(&db, &w, jan, now - TimeDelta::days(10), true).await;
    let recent = pending(&db, &w, jan, now - TimeDelta::hours(1), true).await;
    assert_eq!(
        store
            .purge_sign_ups(now - TimeDelta::days(1))
            .await
            .expect("purged"),
        1
    );
    assert_eq!(store.pending_sign_up(&old).await.expect("read"), None);
    assert!(
        store
            .pending_sign_up(&recent)
            .await
            .expect("read")
            .is_some()
    );
    db.drop_database().await;
}

#[tokio::test]
async fn unconfirmed_sign_ups_are_forgotten_once_while_instances_sweep_at_once() {
    let db = Scratch::new().await;
    let stores = [
        db.store().await,
        db.store().await,
        db.store().await,
        db.store().await,
    ];
    let w = world(&db).await;
    let now = Utc::now();
    let past = now - TimeDelta::hours(1);
    // Made by two sign-ups never confirmed, and nothing else: it goes with them.
    let made = record(&db, &w, "consent_form").await;
    pending(&db, &w, made, past, true).await;
    pending(&db, &w, made, past - TimeDelta::hours(1), false).await;
    // Another sign-up of it still waits: nothing goes yet.
    let waiting = record(&db, &w, "consent_form").await;
    pending(&db, &w, waiting, past, true).await;
    pending(&db, &w, waiting, now + TimeDelta::days(1), false).await;
    // Known before the sign-up: the record stays.
    let known = record(&db, &w, "manual").await;
    pending(&db, &w, known, past, false).await;
    // Made by the sign-up, then given a basis by a person: the record stays.
    let decided = record(&db, &w, "consent_form").await;
    pending(&db, &w, decided, past, true).await;
    sqlx::query(
        "INSERT INTO privacy_events (organisation_id, record_id, at, actor, source, after_basis)
         VALUES ($1, $2, now(), 'Ada', 'manual', 'consent')",
    )
    .bind(w.organisation.0)
    .bind(decided.0)
    .execute(&db.pool)
    .await
    .expect("event");
    // Confirmed: kept as the evidence of its consent.
    let confirmed = record(&db, &w, "consent_form").await;
    pending(&db, &w, confirmed, past, true).await;
    sqlx::query("UPDATE sign_ups SET confirmed_at = now() WHERE record_id = $1")
        .bind(confirmed.0)
        .execute(&db.pool)
        .await
        .expect("confirmed");

    let audit = |gone: &ForgottenSignUp| AuditNote {
        subject: Some(gone.record.to_string()),
        ..note(AuditAction::SignUpForgotten)
    };
    let sweeps = join_all(
        stores
            .iter()
            .map(|store| store.forget_unconfirmed_sign_ups(now, &audit)),
    )
    .await;
    let mut forgotten: Vec<ForgottenSignUp> = sweeps
        .into_iter()
        .flat_map(|swept| swept.expect("swept"))
        .collect();
    forgotten.sort_by_key(|gone| gone.record.0);
    let expect = |record: RecordId, sign_ups: u64, record_deleted: bool| ForgottenSignUp {
        organisation: w.organisation,
        record,
        sign_ups,
        messages_deleted: sign_ups,
        record_deleted,
    };
    assert_eq!(
        forgotten,
        vec![
            expect(made, 2, true),
            expect(known, 1, false),
            expect(decided, 1, false),
        ],
        "each record's sign-ups forgotten by one instance"
    );
    let kept: Vec<(Uuid,)> = sqlx::query_as("SELECT id FROM records ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .expect("records");
    assert_eq!(
        kept,
        vec![(waiting.0,), (known.0,), (decided.0,), (confirmed.0,)]
    );
    assert_eq!(count(&db, "SELECT count(*) FROM sign_ups").await, 3);
    assert_eq!(
        count(&db, "SELECT count(*) FROM outbox").await,
        3,
        "the mails of the waiting and the confirmed sign-ups"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM audit_log").await,
        3,
        "one entry per record"
    );
    // Swept again: nothing more.
    assert_eq!(
        stores[0]
            .forget_unconfirmed_sign_ups(now, &audit)
            .await
            .expect("swept"),
        Vec::new()
    );
    db.drop_database().await;
}

// From here on the sign-up writes and reads records, consent events and messages: these
// tests need the records, consent, forms, audit (chain head, group entries) and webhooks
// helpers of this crate.

#[tokio::test]
async fn confirmations_of_one_sign_up_from_two_instances_at_once_record_one() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let w = world(&db).await;
    let jan = record(&db, &w, "consent_form").await;
    let token = pending(&db, &w, jan, Utc::now() + TimeDelta::days(1), true).await;
    let outcomes = join_all((0..16).map(|n| {
        let store = if n % 2 == 0 { &a } else { &b };
        store.confirm_sign_up(confirmation(&w, jan, token))
    }))
    .await;
    let recorded = outcomes
        .iter()
        .filter(|o| matches!(o, Ok(AnswerOutcome::Recorded { .. })))
        .count();
    let spent = outcomes
        .iter()
        .filter(|o| matches!(o, Ok(AnswerOutcome::LinkGone(LinkGone::Spent))))
        .count();
    assert_eq!((recorded, spent), (1, 15), "{outcomes:?}");
    assert_eq!(count(&db, "SELECT count(*) FROM consent_events").await, 1);
    let (status,): (String,) = sqlx::query_as("SELECT consent_status FROM records")
        .fetch_one(&db.pool)
        .await
        .expect("record");
    assert_eq!(status, "obtained");
    assert!(
        a.pending_sign_up(&token)
            .await
            .expect("read")
            .expect("kept")
            .confirmed_at
            .is_some()
    );

    // A sign-up whose link ran out takes no confirmation and stays unconfirmed.
    let late = record(&db, &w, "consent_form").await;
    let expired = pending(&db, &w, late, Utc::now() - TimeDelta::minutes(1), true).await;
    assert_eq!(
        b.confirm_sign_up(confirmation(&w, late, expired))
            .await
            .expect("answered"),
        AnswerOutcome::LinkGone(LinkGone::Expired)
    );
    assert_eq!(
        a.pending_sign_up(&expired)
            .await
            .expect("read")
            .expect("kept")
            .confirmed_at,
        None
    );
    db.drop_database().await;
}

/// A sign-up making a new record with the address, nothing else.
fn new_record(w: &World, email: &str) -> SignUpWrite {
    SignUpWrite {
        record: SignUpRecord::New(Box::new(RecordWrite {
            module: w.module,
            fields: RecordFields {
                email: Some(Email::parse(email).expect("email")),
                ..RecordFields::default()
            },
            privacy: None,
            change: None,
            source: source(),
        })),
        source: source(),
        pending: None,
        event: None,
        audit: note(AuditAction::SignedUp),
    }
}

#[tokio::test]
async fn sign_ups_of_one_address_from_two_instances_at_once_make_one_record() {
    let db = Scratch::new().await;
    let (a, b) = (db.store().await, db.store().await);
    let w = world(&db).await;
    let results = join_all((0..12).map(|n| {
        let store = if n % 2 == 0 { &a } else { &b };
        store.sign_up(w.organisation, new_record(&w, "jan@example.org"))
    }))
    .await;
    let made: Vec<RecordId> = results
        .iter()
        .filter_map(|r| match r {
            Ok(Ok((record, None))) => Some(*record),
            _ => None,
        })
        .collect();
    let conflicts = results
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Conflict("records.email"))))
        .count();
    assert_eq!((made.len(), conflicts), (1, 11), "{results:?}");
    assert_eq!(count(&db, "SELECT count(*) FROM records").await, 1);
    let found = b
        .record_by_email(
            w.organisation,
            w.module,
            &Email::parse("Jan@Example.org").expect("email"),
        )
        .await
        .expect("read")
        .expect("the record");
    assert_eq!(found.id, made[0]);
    let (subject,): (Option<String>,) = sqlx::query_as("SELECT subject FROM audit_log")
        .fetch_one(&db.pool)
        .await
        .expect("one entry");
    assert_eq!(subject, Some(made[0].to_string()));
    db.drop_database().await;
}

#[tokio::test]
async fn a_double_opt_in_sign_up_keeps_its_mail_and_waits_for_its_confirmation() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let w = world(&db).await;
    let token = [3; 32];
    let expires_at = Utc::now() + TimeDelta::days(2);
    let mut write = new_record(&w, "piet@example.org");
    write.pending = Some(PendingWrite {
        token_hash: token,
        form: w.form,
        version: 2,
        lang: FormLang::parse("en").expect("lang"),
        choices: choices(),
        expires_at,
        message: NewMessage {
            kind: MessageKind::SignUpConfirmation,
            record: None,
            recipient: "piet@example.org".into(),
            subject: "Confirm".into(),
            body_text: "Click".into(),
            body_html: None,
            status: DeliveryStatus::Queued,
            secret: None,
            list_unsubscribe: None,
            link: None,
            on_delivered: None,
            job: None,
            about_request: None,
            expires_at: Some(expires_at),
        },
    });
    let (record, event) = store
        .sign_up(w.organisation, write)
        .await
        .expect("written")
        .expect("not refused");
    assert_eq!(event, None);
    let waiting = store
        .pending_sign_up(&token)
        .await
        .expect("read")
        .expect("the sign-up");
    assert_eq!((waiting.record, waiting.version), (record, 2));
    assert_eq!(waiting.expires_at, expires_at.trunc_subsecs(3));
    let (mail_record, kind, created_record): (Option<Uuid>, String, bool) = sqlx::query_as(
        "SELECT o.record_id, o.kind, s.created_record FROM sign_ups s
         JOIN outbox o ON o.organisation_id = s.organisation_id AND o.id = s.message_id",
    )
    .fetch_one(&db.pool)
    .await
    .expect("its mail");
    assert_eq!(mail_record, Some(record.0));
    assert_eq!(kind, "sign_up_confirmation");
    assert!(created_record);
    db.drop_database().await;
}

#[tokio::test]
async fn the_public_form_is_the_latest_version_with_its_sign_up_settings() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let w = world(&db).await;
    let slug = OrgSlug::parse(&w.slug).expect("slug");
    let form = store
        .public_form(&slug, "newsletter")
        .await
        .expect("read")
        .expect("published");
    assert_eq!((form.organisation, form.form), (w.organisation, w.form));
    assert_eq!(form.version.version, 2);
    assert_eq!(form.version.text_hash, "v2");
    assert!(form.organisation_double_opt_in, "on until saved");
    assert_eq!(form.sign_up, SignUpSettings::default());
    assert_eq!(store.public_form(&slug, "other").await.expect("read"), None);
    let settings = SignUpSettings {
        module_id: Some(w.module),
        double_opt_in: Some(false),
    };
    assert!(
        store
            .set_sign_up(
                w.organisation,
                w.form,
                settings,
                note(AuditAction::FormSignUpChanged)
            )
            .await
            .expect("set")
            .is_some()
    );
    let form = store
        .public_form(&slug, "newsletter")
        .await
        .expect("read")
        .expect("published");
    assert_eq!(form.sign_up, settings);
    assert_eq!(
        store
            .set_sign_up(
                w.organisation,
                FormId(Uuid::now_v7()),
                settings,
                note(AuditAction::FormSignUpChanged)
            )
            .await
            .expect("set"),
        None
    );
    let (v1, _) = store
        .form_version(w.organisation, w.form, 1)
        .await
        .expect("read")
        .expect("version 1");
    assert_eq!(v1.text_hash, "v1");
    assert_eq!(
        store
            .form_version(w.organisation, w.form, 3)
            .await
            .expect("read"),
        None
    );
    db.drop_database().await;
}
