//! Each organisation's chain head is kept in `audit_heads` beside the chain: filled from the
//! log when the migration runs on an existing database, and following every append after.

use consentry_model::{
    Email, OrgSlug, OrganisationName, PersonName, Profile,
    audit::{AuditAction, AuditVerdict},
};
use consentry_store::{
    AccountStore, AuditNote, AuditStore, NewOrganisation, NewUserRow, chain, crypto::MasterKey,
};
use consentry_store_sqlite::SqliteStore;

fn note(n: usize) -> AuditNote {
    AuditNote {
        actor: "test".into(),
        action: AuditAction::RecordUpdated,
        subject: Some(format!("r{n}")),
        before: None,
        after: Some(serde_json::json!({ "n": n })),
    }
}

async fn open(dir: &std::path::Path) -> SqliteStore {
    let url = format!("sqlite://{}", dir.join("heads.db").display());
    let master = MasterKey::load_or_create(&dir.join("consentry.key")).expect("key");
    SqliteStore::connect(&url, master)
        .await
        .expect("store opens")
}

async fn verify(store: &SqliteStore, organisation: consentry_model::OrganisationId) -> usize {
    let (entries, details) = store.audit_chain(organisation).await.expect("chain");
    match chain::verify(&entries, &details, &[], true, None) {
        AuditVerdict::Intact { entries, .. } => entries as usize,
        broken => panic!("the chain is broken: {broken:?}"),
    }
}

#[tokio::test]
async fn the_head_is_filled_from_an_existing_log_and_follows_every_append() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open(dir.path()).await;
    let mut organisations = Vec::new();
    for slug in ["heads-a", "heads-b"] {
        let (organisation, _) = store
            .create_organisation(
                NewOrganisation {
                    slug: OrgSlug::parse(slug).expect("slug"),
                    name: OrganisationName::parse("Heads").expect("name"),
                },
                NewUserRow {
                    email: Email::parse(&format!("dpo@{slug}.example")).expect("email"),
                    name: PersonName::parse("Dee Poe").expect("name"),
                    profile: Profile::Administrator,
                    password_hash: "x".into(),
                },
                false,
            )
            .await
            .expect("organisation");
        organisations.push(organisation.id);
    }
    for n in 0..5 {
        for organisation in &organisations {
            store
                .append_audit(*organisation, note(n))
                .await
                .expect("append");
        }
    }
    drop(store);

    // A database from before the head table: the table, its triggers and the record of the
    // migration removed, so that opening the store runs the migration on a log of 6 entries.
    {
        use sqlx::{ConnectOptions, Executor};
        let mut raw = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.path().join("heads.db"))
            .connect()
            .await
            .expect("raw");
        raw.execute(
            "DROP TRIGGER audit_heads_follow_appends;
             DROP TRIGGER audit_heads_follow_rechaining;
             DROP TABLE audit_heads;
             DELETE FROM _sqlx_migrations WHERE version = 43;",
        )
        .await
        .expect("back to before the head table");
    }

    let store = open(dir.path()).await;
    for organisation in &organisations {
        let (seq, _) = store
            .audit_head(*organisation)
            .await
            .expect("head")
            .expect("a head");
        assert_eq!(
            seq, 6,
            "the migration takes each organisation's newest entry"
        );
    }
    // Appends chain onto the filled head, and the head follows them.
    for n in 5..8 {
        store
            .append_audit(organisations[0], note(n))
            .await
            .expect("append");
    }
    assert_eq!(verify(&store, organisations[0]).await, 9);
    assert_eq!(verify(&store, organisations[1]).await, 6);
    let (seq, hash) = store
        .audit_head(organisations[0])
        .await
        .expect("head")
        .expect("a head");
    let (entries, _) = store.audit_chain(organisations[0]).await.expect("chain");
    let newest = entries.last().expect("entries");
    assert_eq!((seq, hash.to_vec()), (newest.seq, newest.hash.clone()));
}
