//! The domain's time rules at chosen moments, on a real store in a temporary directory: a
//! fixed [`clock`] moves instead of the test sleeping.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use consentry_model::{
    ErrorCode, LegalBasis, OrganisationId, RecordId,
    audit::AuditAction,
    auth::SetupRequest,
    consent::DeliveryStatus,
    records::{BasisChange, DataSource, RecordFields, SourceKind},
};

use super::{
    Error,
    clock::{self, FixedClock},
    consent::{self, Ask, Delivery, RequestToSend, Requester},
    data_privacy,
    token::SecretToken,
};
use crate::store::{AuditNote, RecordWrite, Store};

fn note() -> AuditNote {
    AuditNote {
        actor: "test".into(),
        action: AuditAction::FormPublished,
        subject: None,
        before: None,
        after: None,
    }
}

/// An organisation with compliance on for Leads, a published form, and one record on basis
/// Consent; the store lives as long as the directory.
struct Tenant {
    store: Arc<dyn Store>,
    organisation: OrganisationId,
    form: consentry_model::FormId,
    record: RecordId,
    _dir: tempfile::TempDir,
}

async fn tenant() -> Tenant {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("timing.db").display());
    let key =
        crate::crypto::MasterKey::load_or_create(&dir.path().join("consentry.key")).expect("key");
    let store = crate::store::connect(&url, key).await.expect("store");
    let request: SetupRequest = serde_json::from_value(serde_json::json!({
        "organisation_name": "Acme", "organisation_slug": "acme", "admin_name": "Ada Admin",
        "admin_email": "ada@acme.example", "admin_password": "a long enough password"
    }))
    .expect("valid");
    let (organisation, _) = super::setup::create_tenant(
        store.as_ref(),
        &super::passwords::Passwords::new(1, 0),
        request,
        true,
    )
    .await
    .expect("tenant");
    let organisation = organisation.id;
    let leads = store
        .modules(organisation)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.key == "leads")
        .expect("leads")
        .id;
    store
        .set_module_compliance(organisation, leads, true, note())
        .await
        .expect("compliance");
    let design = consentry_model::forms::starter_design("Acme");
    let form = store
        .insert_form(organisation, "Newsletter", "newsletter", &design, note())
        .await
        .expect("form")
        .id;
    store
        .publish(organisation, form, "test", note())
        .await
        .expect("publish");
    let (privacy, change) = data_privacy::change_basis(
        None,
        &BasisChange {
            basis: LegalBasis::Consent,
            lawful_reason: None,
            consent: None,
        },
        clock::today(),
    )
    .expect("consent basis");
    let record = store
        .insert_record(
            organisation,
            RecordWrite {
                module: leads,
                fields: RecordFields {
                    last_name: Some("Jansen".into()),
                    email: Some(consentry_model::Email::parse("jan@example.org").expect("e-mail")),
                    ..RecordFields::default()
                },
                privacy: Some(privacy),
                change,
                source: DataSource {
                    through: SourceKind::Import,
                    by: "test".into(),
                    detail: None,
                    at: clock::now(),
                },
            },
            note(),
        )
        .await
        .expect("record")
        .expect("created")
        .id;
    Tenant {
        store,
        organisation,
        form,
        record,
        _dir: dir,
    }
}

fn at(time: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(time).expect("time").to_utc()
}

#[tokio::test]
async fn a_consent_link_works_through_the_waiting_period_and_is_expired_after_it() {
    let start = at("2026-03-01T09:00:00Z");
    let time = FixedClock::at(start);
    clock::with(time.clone(), async {
        let t = tenant().await;
        let store = t.store.as_ref();
        let requester = Requester {
            organisation: t.organisation,
            organisation_name: "Acme".into(),
            name: "Ada Admin".into(),
            audit_actor: "ada@acme.example".into(),
            time_zone: consentry_model::text::TimeZoneName::utc(),
        };
        let ask = Ask::prepare(store, t.organisation, t.form, None)
            .await
            .expect("ask");
        let sent = consent::send_request(
            store,
            RequestToSend {
                requester: &requester,
                delivery: Delivery {
                    base_url: "https://consent.example",
                    status: DeliveryStatus::Stored,
                },
                ask: &ask,
                record: t.record,
                job: None,
                replaces: None,
                skip_asked_since: None,
            },
        )
        .await
        .expect("sent");
        let waiting = sent.expires_at - start;
        assert!(
            waiting >= Duration::days(1),
            "the link runs for the waiting period from the clock's now: {waiting}"
        );
        let secret = store
            .outbox_message(t.organisation, sent.message_id)
            .await
            .expect("message")
            .and_then(|m| m.secret)
            .expect("the message keeps its link's token");
        let token = SecretToken::from_client(&secret);

        time.advance(waiting - Duration::minutes(1));
        consent::open(store, &token, &Default::default())
            .await
            .expect("a minute before the end, the link still works");

        time.advance(Duration::minutes(1));
        match consent::open(store, &token, &Default::default()).await {
            Err(Error::Gone { code, .. }) => assert_eq!(code, ErrorCode::LinkExpired),
            other => panic!("at the end of the waiting period the link is expired: {other:?}"),
        }
    })
    .await;
}
