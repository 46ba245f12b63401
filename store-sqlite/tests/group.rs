//! The group commit on SQLite: an answer that fails inside a group fails alone.

use std::sync::Arc;

use chrono::{Duration, Utc};
use consentry_model::{
    ConsentStatus, Email, LegalBasis, OrgSlug, OrganisationName, PersonName, Profile, RecordId,
    audit::{AuditAction, AuditVerdict},
    forms::FormLang,
    records::{DataPrivacy, DataSource, RecordFields, SourceKind},
};
use consentry_store::{
    AccountStore, AnswerOutcome, AnswerPlan, AuditNote, AuditStore, ConsentEventWrite,
    ConsentStore, FormStore, NewOrganisation, NewUserRow, PublicAnswer, RecordStore, RecordWrite,
    chain, crypto::MasterKey,
};
use consentry_store_sqlite::SqliteStore;

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

/// An answer granting consent through link `token`, in `lang`.
fn granting(
    organisation: consentry_model::OrganisationId,
    form: consentry_model::FormId,
    record: RecordId,
    token: [u8; 32],
    lang: &str,
) -> PublicAnswer {
    PublicAnswer {
        organisation,
        token_hash: token,
        event: ConsentEventWrite {
            record,
            form,
            version: 1,
            text_hash: "ab".into(),
            lang: FormLang::parse(lang).expect("lang"),
            decision: "",
            choices: Default::default(),
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

#[tokio::test]
async fn an_answer_that_fails_inside_a_group_is_refused_alone_and_the_others_are_recorded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("group.db");
    let url = format!("sqlite://{}", path.display());
    let master = MasterKey::load_or_create(&dir.path().join("consentry.key")).expect("key");
    let store = Arc::new(SqliteStore::connect(&url, master).await.expect("store"));
    let (o, _) = store
        .create_organisation(
            NewOrganisation {
                name: OrganisationName::parse("Group").expect("name"),
                slug: OrgSlug::parse("group").expect("slug"),
            },
            NewUserRow {
                name: PersonName::parse("Test Person").expect("name"),
                email: Email::parse("a@group.org").expect("email"),
                profile: Profile::Administrator,
                password_hash: "not-a-real-hash".into(),
            },
            true,
        )
        .await
        .expect("org");
    let leads = store
        .modules(o.id)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.key == "leads")
        .expect("leads")
        .id;
    store
        .set_module_compliance(
            o.id,
            leads,
            true,
            note(AuditAction::ModuleComplianceChanged),
        )
        .await
        .expect("compliance");
    let waiting = DataPrivacy {
        basis: LegalBasis::Consent,
        lawful_reason: None,
        consent: Some(consentry_model::records::Consent {
            status: ConsentStatus::Waiting,
            date: None,
            through: None,
            contact_through: Vec::new(),
            remarks: None,
            mail_sent_at: None,
        }),
        stop_processing: false,
    };
    const ANSWERS: usize = 32;
    let writes = (0..ANSWERS)
        .map(|i| RecordWrite {
            module: leads,
            fields: RecordFields {
                last_name: Some(format!("Subject {i}")),
                ..RecordFields::default()
            },
            privacy: Some(waiting.clone()),
            change: None,
            source: source(),
        })
        .collect();
    store.insert_records(o.id, writes).await.expect("records");
    let form = store
        .insert_form(
            o.id,
            "Newsletter",
            "newsletter",
            &consentry_model::forms::starter_design("Group"),
            note(AuditAction::FormPublished),
        )
        .await
        .expect("form");
    store
        .publish(o.id, form.id, "test", note(AuditAction::FormPublished))
        .await
        .expect("publish");
    // One link per record, and a trigger that makes the database refuse one answer's event.
    let pool = sqlx::SqlitePool::connect(&url).await.expect("pool");
    let records: Vec<(uuid::Uuid,)> = sqlx::query_as("SELECT id FROM records ORDER BY id")
        .fetch_all(&pool)
        .await
        .expect("ids");
    for (i, (record,)) in records.iter().enumerate() {
        sqlx::query(
            "INSERT INTO consent_links (token_hash, organisation_id, record_id, form_id,
                 created_at, expires_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
        )
        .bind(vec![u8::try_from(i).expect("small"); 32])
        .bind(o.id.0)
        .bind(record)
        .bind(form.id.0)
        .bind((Utc::now() + Duration::days(1)).timestamp_millis())
        .execute(&pool)
        .await
        .expect("link");
    }
    sqlx::query(
        "CREATE TRIGGER refuse_one BEFORE INSERT ON consent_events WHEN NEW.lang = 'nl'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
    )
    .execute(&pool)
    .await
    .expect("trigger");

    let bad = ANSWERS / 2;
    let answers: Vec<_> = records
        .iter()
        .enumerate()
        .map(|(i, (record,))| {
            let store = Arc::clone(&store);
            let token = [u8::try_from(i).expect("small"); 32];
            let lang = if i == bad { "nl" } else { "en" };
            let answer = granting(o.id, form.id, RecordId(*record), token, lang);
            tokio::spawn(async move { store.record_consent(answer).await })
        })
        .collect();
    let mut recorded = 0;
    for (i, answer) in answers.into_iter().enumerate() {
        match answer.await.expect("task") {
            Ok(AnswerOutcome::Recorded { .. }) => recorded += 1,
            Ok(other) => panic!("answer {i}: {other:?}"),
            Err(_) => assert_eq!(i, bad, "only the refused answer fails"),
        }
    }
    assert_eq!(recorded, ANSWERS - 1);
    let (events,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consent_events")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(events, i64::try_from(ANSWERS - 1).expect("small"));
    let (spent,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM consent_links WHERE spent_at IS NOT NULL")
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(spent, events, "the refused answer's link is still live");
    let (entries, details) = store.audit_chain(o.id).await.expect("chain");
    assert!(matches!(
        chain::verify(&entries, &details, &[], true, None),
        AuditVerdict::Intact { .. }
    ));
}
