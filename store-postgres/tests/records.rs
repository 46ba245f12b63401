//! Modules, records, their Data Privacy sections and fields on PostgreSQL, also while several
//! instances change the same records at once.

mod common;

use std::collections::BTreeMap;

use chrono::Utc;
use common::Scratch;
use consentry_model::{
    ConsentStatus, Email, LegalBasis, ModuleId, OrganisationId, RecordId,
    audit::AuditAction,
    fields::{Field, FieldEncryption, FieldKind, FieldValue, Personal},
    records::{
        Consent, DataPrivacy, DataSource, RecordFields, RecordFilter, RecordSort, SourceKind,
    },
};
use consentry_store::{
    AuditNote, BulkOutcome, FieldChanged, FieldStore, Position, PrivacyAudit, PrivacyChange,
    RecordStore, RecordWrite, Selection, Skipped, StoreError,
};
use consentry_store_postgres::PostgresStore;
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
        after: Some(serde_json::json!({ "by": "test" })),
    }
}

fn source() -> DataSource {
    DataSource {
        through: SourceKind::Manual,
        by: "Ada".into(),
        detail: None,
        at: Utc::now(),
    }
}

fn person(first: Option<&str>, last: Option<&str>, email: Option<&str>) -> RecordFields {
    RecordFields {
        first_name: first.map(str::to_owned),
        last_name: last.map(str::to_owned),
        email: email.map(|e| Email::parse(e).expect("an address")),
        ..RecordFields::default()
    }
}

fn write(module: ModuleId, fields: RecordFields, privacy: Option<DataPrivacy>) -> RecordWrite {
    let change = privacy.as_ref().map(|p| PrivacyChange {
        before_basis: None,
        after_basis: p.basis,
        before_status: None,
        after_status: p.consent.as_ref().map(|c| c.status),
        lawful_reason: None,
        evidence: None,
        given: None,
    });
    RecordWrite {
        module,
        fields,
        privacy,
        change,
        source: source(),
    }
}

fn consent(status: ConsentStatus) -> DataPrivacy {
    DataPrivacy {
        basis: LegalBasis::Consent,
        lawful_reason: None,
        consent: Some(Consent {
            status,
            date: None,
            through: None,
            contact_through: Vec::new(),
            remarks: None,
            mail_sent_at: None,
        }),
        stop_processing: false,
    }
}

/// A module of the organisation with compliance on.
async fn module(store: &PostgresStore, organisation: OrganisationId, key: &str) -> ModuleId {
    let module = store
        .insert_module(organisation, key, key, note(AuditAction::ModuleCreated))
        .await
        .expect("module");
    store
        .set_module_compliance(
            organisation,
            module.id,
            true,
            note(AuditAction::ModuleComplianceChanged),
        )
        .await
        .expect("compliance")
        .expect("the module");
    module.id
}

async fn insert(
    store: &PostgresStore,
    organisation: OrganisationId,
    record: RecordWrite,
) -> RecordId {
    store
        .insert_record(organisation, record, note(AuditAction::RecordCreated))
        .await
        .expect("insert")
        .expect("the module is the organisation's")
        .id
}

async fn audit_entries(db: &Scratch, organisation: OrganisationId) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE organisation_id = $1")
        .bind(organisation.0)
        .fetch_one(&db.pool)
        .await
        .expect("count");
    n
}

#[tokio::test]
async fn modules_compliance_and_the_overview_counters() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let contacts = store
        .insert_module(
            organisation,
            "contacts",
            "Contacts",
            note(AuditAction::ModuleCreated),
        )
        .await
        .expect("module");
    assert!(!contacts.compliance_enabled);
    let again = store
        .insert_module(
            organisation,
            "contacts",
            "Again",
            note(AuditAction::ModuleCreated),
        )
        .await;
    assert!(matches!(again, Err(StoreError::Conflict("modules.key"))));
    // Every module starts with the standard fields, in form order.
    let fields = store
        .fields(organisation, contacts.id)
        .await
        .expect("fields")
        .expect("the module");
    let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "company",
            "country"
        ]
    );

    for last in ["A", "B"] {
        insert(
            &store,
            organisation,
            write(contacts.id, person(None, Some(last), None), None),
        )
        .await;
    }
    let shown = store
        .set_module_compliance(
            organisation,
            contacts.id,
            true,
            note(AuditAction::ModuleComplianceChanged),
        )
        .await
        .expect("compliance")
        .expect("the module");
    assert!(shown.compliance_enabled);
    assert_eq!(shown.record_count, 2);
    let records = store
        .records(
            organisation,
            &RecordFilter::default(),
            RecordSort::Oldest,
            None,
            10,
        )
        .await
        .expect("records");
    assert!(
        records
            .iter()
            .all(|r| r.privacy.as_ref().map(|p| p.basis) == Some(LegalBasis::NotApplicable))
    );
    let consented = insert(
        &store,
        organisation,
        write(
            contacts.id,
            person(None, Some("C"), None),
            Some(consent(ConsentStatus::Obtained)),
        ),
    )
    .await;
    let mut counts = store.privacy_counts(organisation).await.expect("counts");
    counts.sort_by_key(|(_, basis, _, _)| basis.code());
    assert_eq!(
        counts,
        [
            (
                contacts.id,
                LegalBasis::Consent,
                Some(ConsentStatus::Obtained),
                1
            ),
            (contacts.id, LegalBasis::NotApplicable, None, 2),
        ]
    );
    // A deleted record leaves the counters (its events stay, as evidence).
    assert!(
        store
            .delete_record(organisation, consented, note(AuditAction::RecordDeleted))
            .await
            .expect("delete")
    );
    assert!(
        !store
            .delete_record(organisation, consented, note(AuditAction::RecordDeleted))
            .await
            .expect("delete")
    );
    assert_eq!(
        store.privacy_counts(organisation).await.expect("counts"),
        [(contacts.id, LegalBasis::NotApplicable, None, 2)]
    );
    assert_eq!(
        store
            .privacy_events(organisation, consented)
            .await
            .expect("events")
            .len(),
        1
    );
    // A module whose compliance is off shows no counts.
    store
        .set_module_compliance(
            organisation,
            contacts.id,
            false,
            note(AuditAction::ModuleComplianceChanged),
        )
        .await
        .expect("compliance");
    assert!(
        store
            .privacy_counts(organisation)
            .await
            .expect("counts")
            .is_empty()
    );
    let modules = store.modules(organisation).await.expect("modules");
    assert_eq!(modules.len(), 1);
    assert_eq!(modules[0].record_count, 2);
    db.drop_database().await;
}

#[tokio::test]
async fn names_are_searched_and_sorted_in_any_capitals_and_paged_by_position() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let module = module(&store, organisation, "contacts").await;
    let names = [
        (Some("Zoë"), Some("smith")),
        (Some("Ann"), Some("Smithers")),
        (Some("Bob"), Some("Smyth")),
        (Some("Smilla"), Some("Jones")),
        (Some("Carl"), None),
        (None, None),
        (Some("Dora"), Some("adams")),
        (Some("Eve"), Some("Östberg")),
    ];
    for (first, last) in names {
        insert(
            &store,
            organisation,
            write(module, person(first, last, None), None),
        )
        .await;
    }
    let search = |q: &str| RecordFilter {
        q: Some(q.into()),
        ..RecordFilter::default()
    };
    let found = store
        .records(organisation, &search("SMI"), RecordSort::LastName, None, 50)
        .await
        .expect("search");
    let found: Vec<(Option<String>, Option<String>)> = found
        .into_iter()
        .map(|r| (r.fields.first_name, r.fields.last_name))
        .collect();
    // Last names starting with "smi" (smith, Smithers) and first names (Smilla); not Smyth.
    assert_eq!(
        found,
        [
            (Some("Smilla".into()), Some("Jones".into())),
            (Some("Zoë".into()), Some("smith".into())),
            (Some("Ann".into()), Some("Smithers".into())),
        ]
    );
    assert_eq!(
        store
            .count_records(organisation, &search("smi"))
            .await
            .expect("count"),
        3
    );
    assert_eq!(
        store
            .count_records(organisation, &search("ös"))
            .await
            .expect("count"),
        1
    );

    // The last-name order pages the same whatever the page size: no last name first.
    let mut all = Vec::new();
    let mut after: Option<Position> = None;
    loop {
        let page = store
            .records(
                organisation,
                &RecordFilter::default(),
                RecordSort::LastName,
                after.as_ref(),
                3,
            )
            .await
            .expect("page");
        let Some(last) = page.last() else { break };
        after = Some(Position {
            id: last.id,
            last_name: last.fields.last_name.clone(),
        });
        all.extend(page.into_iter().map(|r| r.fields.last_name));
    }
    let expected: Vec<Option<String>> = [
        None,
        None,
        Some("adams"),
        Some("Jones"),
        Some("smith"),
        Some("Smithers"),
        Some("Smyth"),
        Some("Östberg"),
    ]
    .into_iter()
    .map(|n| n.map(str::to_owned))
    .collect();
    assert_eq!(all, expected);
    // Newest and oldest are the order of creation.
    let newest = store
        .records(
            organisation,
            &RecordFilter::default(),
            RecordSort::Newest,
            None,
            2,
        )
        .await
        .expect("newest");
    assert_eq!(newest[0].fields.last_name.as_deref(), Some("Östberg"));
    let next = store
        .records(
            organisation,
            &RecordFilter::default(),
            RecordSort::Newest,
            Some(&Position {
                id: newest[1].id,
                last_name: None,
            }),
            1,
        )
        .await
        .expect("next");
    assert_eq!(next[0].fields.first_name, None);
    db.drop_database().await;
}

#[tokio::test]
async fn an_address_is_found_in_any_capitals_also_when_it_is_encrypted() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let plain = module(&store, organisation, "plain").await;
    let sealed = module(&store, organisation, "sealed").await;
    sqlx::query(
        "UPDATE module_fields SET encryption = 'on' WHERE module_id = $1 AND key = 'email'",
    )
    .bind(sealed.0)
    .execute(&db.pool)
    .await
    .expect("encrypt the addresses");
    // A new instance: the one above cached nothing of the organisation's sealing.
    let store = db.store().await;
    let a = insert(
        &store,
        organisation,
        write(plain, person(None, None, Some("Ada@Example.org")), None),
    )
    .await;
    let b = insert(
        &store,
        organisation,
        write(sealed, person(None, None, Some("bob@example.org")), None),
    )
    .await;
    let (stored,): (Option<String>,) = sqlx::query_as("SELECT email FROM records WHERE id = $1")
        .bind(b.0)
        .fetch_one(&db.pool)
        .await
        .expect("stored");
    assert_ne!(
        stored.as_deref(),
        Some("bob@example.org"),
        "the address is sealed"
    );
    let by = |q: &str| RecordFilter {
        q: Some(q.into()),
        ..RecordFilter::default()
    };
    for (q, id) in [("ada@example.ORG", a), ("Bob@Example.org", b)] {
        let found = store
            .records(organisation, &by(q), RecordSort::Newest, None, 10)
            .await
            .expect("search");
        assert_eq!(found.iter().map(|r| r.id).collect::<Vec<_>>(), [id], "{q}");
    }
    let record = store
        .record(organisation, b)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(
        record.fields.email.as_ref().map(Email::as_str),
        Some("bob@example.org")
    );
    let emails: Vec<Email> = ["ADA@example.org", "bob@EXAMPLE.org", "carl@example.org"]
        .into_iter()
        .map(|e| Email::parse(e).expect("an address"))
        .collect();
    let in_plain = store
        .existing_emails(organisation, plain, &emails)
        .await
        .expect("plain");
    assert_eq!(in_plain, ["ada@example.org".to_owned()].into());
    let in_sealed = store
        .existing_emails(organisation, sealed, &emails)
        .await
        .expect("sealed");
    assert_eq!(in_sealed, ["bob@example.org".to_owned()].into());
    db.drop_database().await;
}

/// Counts in the lawful reason: each change reads the count the one before it left.
fn count_up(stored: Option<&DataPrivacy>) -> Result<(DataPrivacy, Option<PrivacyChange>), Skipped> {
    let stored = stored.ok_or(Skipped)?;
    let n: u64 = stored
        .lawful_reason
        .as_deref()
        .map_or(0, |r| r.parse().expect("a count"));
    let mut after = stored.clone();
    after.basis = LegalBasis::LegitimateInterests;
    after.consent = None;
    after.lawful_reason = Some((n + 1).to_string());
    let change = PrivacyChange {
        before_basis: Some(stored.basis),
        after_basis: after.basis,
        before_status: stored.consent.as_ref().map(|c| c.status),
        after_status: None,
        lawful_reason: after.lawful_reason.clone(),
        evidence: None,
        given: None,
    };
    Ok((after, Some(change)))
}

#[tokio::test]
async fn privacy_changes_from_several_instances_at_once_each_read_what_the_one_before_left() {
    let db = Scratch::new().await;
    let stores = [db.store().await, db.store().await, db.store().await];
    let organisation = new_organisation(&db).await;
    let module = module(&stores[0], organisation, "contacts").await;
    let record = insert(
        &stores[0],
        organisation,
        write(
            module,
            person(Some("Ada"), Some("Lovelace"), None),
            Some(consent(ConsentStatus::Obtained)),
        ),
    )
    .await;
    let before = audit_entries(&db, organisation).await;
    let filter = RecordFilter::default();
    const N: usize = 24;
    let changes = (0..N).map(|i| {
        let store = &stores[i % stores.len()];
        let filter = &filter;
        async move {
            if i % 4 == 3 {
                // Field edits and answers' sections on the same record meanwhile.
                store
                    .update_record_fields(
                        organisation,
                        record,
                        person(Some("Ada"), Some(&format!("Lovelace {i}")), None),
                        source(),
                        note(AuditAction::RecordUpdated),
                    )
                    .await
                    .map(|_| None)
            } else {
                store
                    .change_privacy(
                        organisation,
                        Selection {
                            filter,
                            only: Some(record),
                            confirmed_count: None,
                        },
                        &count_up,
                        source(),
                        PrivacyAudit::Of(note(AuditAction::BasisChanged)),
                    )
                    .await
                    .map(Some)
            }
        }
    });
    let outcomes = futures::future::join_all(changes).await;
    let mut changed = 0;
    for outcome in outcomes {
        if let Some(BulkOutcome::Applied {
            changed: n,
            skipped,
        }) = outcome.expect("no deadlock, no failure")
        {
            assert_eq!((n, skipped), (1, 0));
            changed += 1;
        }
    }
    assert_eq!(changed, N - N / 4);
    let found = stores[1]
        .record(organisation, record)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(
        found.privacy.and_then(|p| p.lawful_reason),
        Some(changed.to_string()),
        "no change lost another's"
    );
    let events = stores[2]
        .privacy_events(organisation, record)
        .await
        .expect("events");
    assert_eq!(events.len(), 1 + changed);
    // Each event starts where the one before it ended.
    for (i, event) in events.iter().skip(1).enumerate() {
        assert_eq!(event.lawful_reason, Some((i + 1).to_string()));
    }
    assert_eq!(events[1].before_basis, Some(LegalBasis::Consent));
    assert_eq!(
        events[2].before_basis,
        Some(LegalBasis::LegitimateInterests)
    );
    assert_eq!(audit_entries(&db, organisation).await - before, N as i64);
    let quarters = stores[0]
        .privacy_changes_per_quarter(organisation, Utc::now() - chrono::Duration::days(1))
        .await
        .expect("quarters");
    // The creation and the first change changed the basis; the others only the reason.
    assert_eq!(quarters.iter().map(|(_, n)| n).sum::<u64>(), 2);
    assert_eq!(
        stores[0]
            .privacy_counts(organisation)
            .await
            .expect("counts"),
        [(module, LegalBasis::LegitimateInterests, None, 1)]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn a_bulk_change_applies_to_the_confirmed_selection_or_writes_nothing() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let module = module(&store, organisation, "contacts").await;
    let mut records = Vec::new();
    for _ in 0..3 {
        let privacy = consent(ConsentStatus::Pending);
        records.push(
            insert(
                &store,
                organisation,
                write(module, person(None, Some("X"), None), Some(privacy)),
            )
            .await,
        );
    }
    let filter = RecordFilter {
        consent_status: Some(ConsentStatus::Pending),
        ..RecordFilter::default()
    };
    // Processing stopped: the section changes, its basis and status do not (no event).
    let stop = |stored: Option<&DataPrivacy>| {
        let mut after = stored.ok_or(Skipped)?.clone();
        after.stop_processing = true;
        Ok((after, None))
    };
    let stopped = store
        .change_privacy(
            organisation,
            Selection {
                filter: &filter,
                only: Some(records[2]),
                confirmed_count: None,
            },
            &stop,
            source(),
            PrivacyAudit::Of(note(AuditAction::BasisChanged)),
        )
        .await
        .expect("stop");
    assert_eq!(
        stopped,
        BulkOutcome::Applied {
            changed: 1,
            skipped: 0
        }
    );
    assert_eq!(
        store
            .privacy_events(organisation, records[2])
            .await
            .expect("events")
            .len(),
        1
    );
    let unchanged = store
        .change_privacy(
            organisation,
            Selection {
                filter: &filter,
                only: Some(records[2]),
                confirmed_count: None,
            },
            &stop,
            source(),
            PrivacyAudit::Of(note(AuditAction::BasisChanged)),
        )
        .await
        .expect("stop again");
    assert_eq!(
        unchanged,
        BulkOutcome::Applied {
            changed: 0,
            skipped: 0
        }
    );
    let withdraw = |stored: Option<&DataPrivacy>| {
        let stored = stored.ok_or(Skipped)?;
        if stored.stop_processing {
            return Err(Skipped);
        }
        let after = consent(ConsentStatus::Withdrawn);
        let change = PrivacyChange {
            before_basis: Some(stored.basis),
            after_basis: after.basis,
            before_status: stored.consent.as_ref().map(|c| c.status),
            after_status: Some(ConsentStatus::Withdrawn),
            lawful_reason: None,
            evidence: None,
            given: None,
        };
        Ok((after, Some(change)))
    };
    let entries = audit_entries(&db, organisation).await;
    let mismatch = store
        .change_privacy(
            organisation,
            Selection {
                filter: &filter,
                only: None,
                confirmed_count: Some(2),
            },
            &withdraw,
            source(),
            PrivacyAudit::Of(note(AuditAction::BasisChangedInBulk)),
        )
        .await
        .expect("change");
    assert_eq!(mismatch, BulkOutcome::CountMismatch(3));
    assert_eq!(audit_entries(&db, organisation).await, entries);
    let applied = store
        .change_privacy(
            organisation,
            Selection {
                filter: &filter,
                only: None,
                confirmed_count: Some(3),
            },
            &withdraw,
            source(),
            PrivacyAudit::Of(note(AuditAction::BasisChangedInBulk)),
        )
        .await
        .expect("change");
    assert_eq!(
        applied,
        BulkOutcome::Applied {
            changed: 2,
            skipped: 1
        }
    );
    assert_eq!(audit_entries(&db, organisation).await, entries + 1);
    let (after,): (String,) = sqlx::query_as(
        "SELECT d.after::text FROM audit_details d JOIN audit_log l USING (organisation_id, seq)
         WHERE l.organisation_id = $1 ORDER BY l.seq DESC LIMIT 1",
    )
    .bind(organisation.0)
    .fetch_one(&db.pool)
    .await
    .expect("detail");
    assert!(after.contains("\"records_changed\":2"), "{after}");
    let mut counts = store.privacy_counts(organisation).await.expect("counts");
    counts.sort_by_key(|(_, _, status, _)| status.map(ConsentStatus::code));
    assert_eq!(
        counts,
        [
            (module, LegalBasis::Consent, Some(ConsentStatus::Pending), 1),
            (
                module,
                LegalBasis::Consent,
                Some(ConsentStatus::Withdrawn),
                2
            ),
        ]
    );
    db.drop_database().await;
}

#[tokio::test]
async fn an_import_batch_is_all_or_none_and_a_late_compliance_change_reaches_it() {
    let db = Scratch::new().await;
    let store = db.store().await;
    let organisation = new_organisation(&db).await;
    let other = new_organisation(&db).await;
    let module = store
        .insert_module(
            organisation,
            "contacts",
            "Contacts",
            note(AuditAction::ModuleCreated),
        )
        .await
        .expect("module")
        .id;
    let theirs = store
        .insert_module(
            other,
            "contacts",
            "Contacts",
            note(AuditAction::ModuleCreated),
        )
        .await
        .expect("module")
        .id;
    let refused = store
        .insert_records(
            organisation,
            vec![
                write(module, person(None, Some("A"), None), None),
                write(theirs, person(None, Some("B"), None), None),
            ],
        )
        .await;
    assert!(refused.is_err());
    assert_eq!(
        store
            .count_records(organisation, &RecordFilter::default())
            .await
            .expect("count"),
        0
    );
    // The caller saw compliance off; it was turned on before the batch was written.
    store
        .set_module_compliance(
            organisation,
            module,
            true,
            note(AuditAction::ModuleComplianceChanged),
        )
        .await
        .expect("compliance");
    let mut batch: Vec<RecordWrite> = (0..1500)
        .map(|i| write(module, person(None, Some(&format!("N{i}")), None), None))
        .collect();
    batch[0] = write(
        module,
        person(None, Some("N0"), None),
        Some(consent(ConsentStatus::Obtained)),
    );
    assert_eq!(
        store
            .insert_records(organisation, batch)
            .await
            .expect("batch"),
        1500
    );
    assert_eq!(
        store
            .privacy_counts(organisation)
            .await
            .expect("counts")
            .len(),
        2,
        "every record has a section"
    );
    let not_applicable = RecordFilter {
        basis: Some(LegalBasis::NotApplicable),
        ..RecordFilter::default()
    };
    assert_eq!(
        store
            .count_records(organisation, &not_applicable)
            .await
            .expect("count"),
        1499
    );
    store.refresh_statistics().await.expect("analyse");
    db.drop_database().await;
}

fn picklist(key: &str, options: &[&str]) -> Field {
    Field {
        id: consentry_model::FieldId(Uuid::nil()),
        key: key.into(),
        label: key.into(),
        kind: FieldKind::Picklist,
        options: options.iter().map(|o| (*o).to_owned()).collect(),
        required: false,
        standard: false,
        personal: Personal::NotPersonal,
        encryption: FieldEncryption::Off,
        excluded_from: Vec::new(),
    }
}

#[tokio::test]
async fn custom_fields_are_added_after_the_others_and_their_values_go_with_them() {
    let db = Scratch::new().await;
    let stores = [db.store().await, db.store().await];
    let organisation = new_organisation(&db).await;
    let module = module(&stores[0], organisation, "contacts").await;
    // Added at once from two instances: each after the others, none in the same place.
    let added = futures::future::join_all((0..6).map(|i| {
        stores[i % 2].insert_field(
            organisation,
            module,
            picklist(&format!("size{i}"), &["S", "M", "L"]),
            note(AuditAction::FieldCreated),
        )
    }))
    .await;
    for field in added {
        field.expect("inserted").expect("the module");
    }
    let (distinct, max): (i64, i32) = sqlx::query_as(
        "SELECT COUNT(DISTINCT position), MAX(position) FROM module_fields WHERE module_id = $1",
    )
    .bind(module.0)
    .fetch_one(&db.pool)
    .await
    .expect("positions");
    assert_eq!((distinct, max), (12, 12));
    let taken = stores[0]
        .insert_field(
            organisation,
            module,
            picklist("size0", &["S"]),
            note(AuditAction::FieldCreated),
        )
        .await;
    assert!(matches!(
        taken,
        Err(StoreError::Conflict("module_fields.key"))
    ));
    // Another instance's cached fields are its own: read through a fresh one.
    let fields = db
        .store()
        .await
        .fields(organisation, module)
        .await
        .expect("fields")
        .expect("the module");
    let size = fields
        .iter()
        .find(|f| f.key == "size0")
        .expect("size0")
        .clone();
    assert_eq!(fields.last().map(|f| f.standard), Some(false));

    let mut wearing = person(None, Some("Ada"), None);
    wearing.custom = BTreeMap::from([
        ("size0".into(), FieldValue::Text("M".into())),
        ("size1".into(), FieldValue::Text("L".into())),
    ]);
    let record = insert(&stores[0], organisation, write(module, wearing, None)).await;
    let without_m = Field {
        options: vec!["S".into(), "L".into()],
        ..size.clone()
    };
    let refused = stores[0]
        .update_field(
            organisation,
            module,
            without_m,
            note(AuditAction::FieldChanged),
        )
        .await
        .expect("update");
    assert_eq!(refused, FieldChanged::OptionsInUse(1));
    let without_l = Field {
        options: vec!["S".into(), "M".into()],
        label: "Size".into(),
        ..size.clone()
    };
    let FieldChanged::Saved(saved) = stores[0]
        .update_field(
            organisation,
            module,
            without_l,
            note(AuditAction::FieldChanged),
        )
        .await
        .expect("update")
    else {
        panic!("saved");
    };
    assert_eq!((saved.label.as_str(), saved.options.len()), ("Size", 2));
    // The instance that changed it forgets what it cached.
    let cached = stores[0]
        .fields(organisation, module)
        .await
        .expect("fields")
        .expect("module");
    assert!(cached.iter().any(|f| f.label == "Size"));

    assert!(
        stores[1]
            .delete_field(
                organisation,
                module,
                size.id,
                note(AuditAction::FieldDeleted)
            )
            .await
            .expect("delete")
    );
    let standard = fields.iter().find(|f| f.key == "email").expect("email");
    assert!(
        !stores[1]
            .delete_field(
                organisation,
                module,
                standard.id,
                note(AuditAction::FieldDeleted)
            )
            .await
            .expect("delete")
    );
    let record = stores[1]
        .record(organisation, record)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(
        record.fields.custom,
        BTreeMap::from([("size1".into(), FieldValue::Text("L".into()))])
    );
    let all = stores[1]
        .organisation_fields(organisation)
        .await
        .expect("fields");
    assert_eq!(all.len(), 6 + 5);
    db.drop_database().await;
}
