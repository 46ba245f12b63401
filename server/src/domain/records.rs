//! Modules, records and their Data Privacy section: what the admin app and the API may do.

use consentry_model::{
    ConsentStatus, ErrorCode, FieldError, LegalBasis, ModuleId, OrganisationId, RecordId,
    audit::AuditAction,
    auth::{OrganisationSummary, Session},
    compliance::{BasisCount, DayCount, Overview, StatusCount},
    lawful_reason::{ChangeWarning, parse_lawful_reason},
    records::{
        BasisChange, BulkBasisChange, BulkResult, DataPrivacy, DataSource, Module, NewModule,
        NewRecord, PrivacyEvent, Record, RecordFields, RecordFilter, RecordPage, RecordSort,
        RecordedConsent, SourceKind,
    },
};
use serde_json::json;

use super::{
    Error, Result, clock, cursor,
    data_privacy::{self, PrivacyError},
};
use crate::store::{
    AuditNote, BulkOutcome, Position, PrivacyAudit, PrivacyRule, RecordWrite, Selection, Skipped,
    Store,
};

/// Largest page of a record list.
pub const MAX_PAGE: u32 = 200;

/// Who acts, as recorded in data sources and the audit trail.
fn manual_source(session: &Session) -> DataSource {
    let (through, by) = match &session.api_key {
        Some(key) => (SourceKind::Api, key.name.clone()),
        None => (SourceKind::Manual, session.user.name.to_string()),
    };
    DataSource {
        through,
        by,
        detail: None,
        at: clock::now(),
    }
}

fn note(session: &Session, action: AuditAction, subject: Option<String>) -> AuditNote {
    AuditNote {
        actor: session.actor(),
        action,
        subject,
        before: None,
        after: None,
    }
}

fn stop_processing() -> Error {
    Error::Conflict {
        code: ErrorCode::StopProcessing,
        field: None,
        message: "Processing is stopped for this record (GDPR art. 18): it is read-only until \
                  the restriction is lifted."
            .into(),
    }
}

fn compliance_disabled() -> Error {
    Error::Conflict {
        code: ErrorCode::ComplianceDisabled,
        field: None,
        message: "Compliance is off for this record's module; enable it under Setup > \
                  Compliance Settings first."
            .into(),
    }
}

/// The error of a refused privacy change; a field is named under `prefix`, where the change
/// sits in the request body (`change.` in a bulk change, nothing in a single one).
fn from_privacy_in(prefix: &str, e: PrivacyError) -> Error {
    match e {
        PrivacyError::Invalid { field, error } => Error::Invalid {
            field: format!("{prefix}{field}"),
            error,
        },
        PrivacyError::StopProcessing => stop_processing(),
        PrivacyError::Transition { from, action } => Error::Conflict {
            code: ErrorCode::InvalidTransition,
            field: None,
            message: format!("Consent cannot go from {from:?} through {action:?}."),
        },
    }
}

fn from_privacy(e: PrivacyError) -> Error {
    from_privacy_in("change.", e)
}

/// Checks a basis change on its own (every rule but those that depend on the record), naming
/// a field under `prefix`; returns what a reviewer would ask about the accepted change.
fn check_change(
    change: &BasisChange,
    prefix: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<ChangeWarning>> {
    match data_privacy::change_basis(None, change, today) {
        Ok(_) | Err(PrivacyError::StopProcessing) => {}
        Err(e) => return Err(from_privacy_in(prefix, e)),
    }
    // Checked above: the reason parses; only its warning is wanted here.
    Ok(
        parse_lawful_reason(change.basis, change.lawful_reason.as_deref())
            .ok()
            .and_then(|r| r.warning)
            .into_iter()
            .collect(),
    )
}

/// The lawful reason a change stores (trimmed), for the audit detail.
fn stored_reason(change: &BasisChange) -> Option<String> {
    parse_lawful_reason(change.basis, change.lawful_reason.as_deref())
        .ok()
        .and_then(|r| r.text)
}

/// The organisation's modules.
pub async fn modules(store: &dyn Store, organisation: OrganisationId) -> Result<Vec<Module>> {
    Ok(store.modules(organisation).await?)
}

/// Adds a custom module (compliance off until switched on).
pub async fn add_module(store: &dyn Store, session: &Session, new: NewModule) -> Result<Module> {
    let name = new.checked_name().map_err(|error| Error::Invalid {
        field: "name".into(),
        error,
    })?;
    let key = NewModule::key(&name).ok_or(Error::Invalid {
        field: "name".into(),
        error: FieldError::Slug,
    })?;
    let mut audit = note(session, AuditAction::ModuleCreated, None);
    audit.after = Some(json!({ "key": key, "name": name }));
    store
        .insert_module(session.organisation.id, &key, &name, audit)
        .await
        .map_err(|e| match e {
            crate::store::StoreError::Conflict("modules.key") => Error::Conflict {
                code: ErrorCode::ModuleTaken,
                field: Some("name"),
                message: format!("A module called {name} (key {key}) exists already."),
            },
            other => other.into(),
        })
}

/// Turns compliance on or off for a module.
pub async fn set_module_compliance(
    store: &dyn Store,
    session: &Session,
    module: ModuleId,
    enabled: bool,
) -> Result<Module> {
    let mut audit = note(
        session,
        AuditAction::ModuleComplianceChanged,
        Some(module.to_string()),
    );
    audit.after = Some(json!({ "compliance_enabled": enabled }));
    store
        .set_module_compliance(session.organisation.id, module, enabled, audit)
        .await?
        .ok_or(Error::NotFound("module"))
}

/// Checks record fields against the fields of `module`; an error names the field under
/// `prefix`, where the fields sit in the request body.
async fn checked_fields(
    store: &dyn Store,
    organisation: OrganisationId,
    module: ModuleId,
    fields: RecordFields,
    prefix: &str,
) -> Result<RecordFields> {
    let definitions = super::fields::list(store, organisation, module).await?;
    super::fields::check_record(&definitions, fields).map_err(|(field, error)| Error::Invalid {
        field: format!("{prefix}{field}"),
        error,
    })
}

/// Creates a record. In a module with compliance on it starts as Not Applicable unless a basis
/// is given.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id))]
pub async fn create(store: &dyn Store, session: &Session, new: NewRecord) -> Result<Record> {
    let organisation = session.organisation.id;
    let module = store
        .modules(organisation)
        .await?
        .into_iter()
        .find(|m| m.id == new.module_id)
        .ok_or(Error::Invalid {
            field: "module_id".into(),
            error: FieldError::NotAllowed,
        })?;
    let fields = checked_fields(store, organisation, module.id, new.fields, "fields.").await?;
    let (privacy, change) = match (&new.basis, module.compliance_enabled) {
        (Some(_), false) => {
            return Err(Error::Conflict {
                code: ErrorCode::ComplianceDisabled,
                field: Some("basis"),
                message: format!(
                    "Compliance is off for {}; enable it under Setup > Compliance Settings \
                     before setting a legal basis.",
                    module.name
                ),
            });
        }
        (None, false) => (None, None),
        // Not Applicable is the absence of a basis decision: the record starts there without an
        // event, exactly as when compliance is enabled for a module. Only a decision is evidence.
        (None, true) => (Some(data_privacy::not_applicable()), None),
        (Some(change), true) => {
            let (privacy, change) =
                data_privacy::change_basis(None, change, clock::today_of(session)).map_err(
                    |e| match e {
                        PrivacyError::Invalid { field, error } => Error::Invalid {
                            field: format!("basis.{field}"),
                            error,
                        },
                        other => from_privacy(other),
                    },
                )?;
            (Some(privacy), change)
        }
    };
    let mut audit = note(session, AuditAction::RecordCreated, None);
    audit.after = Some(json!({ "module": module.key, "basis": privacy.as_ref().map(|p| p.basis) }));
    store
        .insert_record(
            organisation,
            RecordWrite {
                module: module.id,
                fields,
                privacy,
                change,
                source: manual_source(session),
            },
            audit,
        )
        .await?
        .ok_or(Error::NotFound("module"))
}

/// One record.
pub async fn get(store: &dyn Store, organisation: OrganisationId, id: RecordId) -> Result<Record> {
    store
        .record(organisation, id)
        .await?
        .ok_or(Error::NotFound("record"))
}

/// One record, with where its newest consent request stands on its way.
pub async fn with_consent_request(
    store: &dyn Store,
    organisation: OrganisationId,
    id: RecordId,
) -> Result<Record> {
    store
        .record_with_consent_request(organisation, id)
        .await?
        .ok_or(Error::NotFound("record"))
}

/// Where a page ending at `record` ended, in `sort`.
fn position(record: &Record, sort: RecordSort) -> Position {
    Position {
        id: record.id,
        last_name: sort
            .by_last_name()
            .then(|| record.fields.last_name.clone())
            .flatten(),
    }
}

/// A page of records in the requested order.
pub async fn list(
    store: &dyn Store,
    organisation: OrganisationId,
    filter: &RecordFilter,
    sort: RecordSort,
    after: Option<&str>,
    limit: Option<u32>,
) -> Result<RecordPage> {
    let limit = cursor::page_size(limit, 50, MAX_PAGE)?;
    let after = after
        .map(|c| cursor::decode::<Position>(c, &(filter, sort), "after"))
        .transpose()?;
    let encrypted = encrypted_names(store, organisation, filter.module).await?;
    if sort.by_last_name() && encrypted.iter().any(|k| k == "last_name") {
        return Err(Error::Rejected {
            field: "sort".into(),
            message: "Last name is encrypted, so records cannot be sorted by it: sort by \
                      newest or oldest instead."
                .into(),
        });
    }
    let searches_names = filter
        .q
        .as_deref()
        .is_some_and(|q| !q.trim().is_empty() && !q.contains('@'));
    // One more than the page: only when it is there does a next page exist (a last page that
    // happens to be full has no `next`).
    let mut records = store
        .records(organisation, filter, sort, after.as_ref(), limit + 1)
        .await?;
    let more = records.len() > limit as usize;
    records.truncate(limit as usize);
    let next = more
        .then(|| {
            records
                .last()
                .map(|r| cursor::encode(&(filter, sort), position(r, sort)))
        })
        .flatten();
    Ok(RecordPage {
        records,
        next,
        not_searched: if searches_names {
            encrypted
        } else {
            Vec::new()
        },
    })
}

/// The name fields (searched and sorted on) that are encrypted in any module listed.
async fn encrypted_names(
    store: &dyn Store,
    organisation: OrganisationId,
    module: Option<ModuleId>,
) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for (of, field) in store.organisation_fields(organisation).await? {
        if module.is_none_or(|m| m == of)
            && matches!(field.key.as_str(), "first_name" | "last_name")
            && field.encryption.hides_values()
            && !names.contains(&field.key)
        {
            names.push(field.key);
        }
    }
    names.sort();
    Ok(names)
}

/// How many records match a filter (what a bulk change would touch).
pub async fn count(
    store: &dyn Store,
    organisation: OrganisationId,
    filter: &RecordFilter,
) -> Result<u64> {
    Ok(store.count_records(organisation, filter).await?)
}

/// Replaces a record's fields; refused while processing is stopped.
pub async fn update_fields(
    store: &dyn Store,
    session: &Session,
    id: RecordId,
    fields: RecordFields,
) -> Result<Record> {
    update_fields_because(store, session, id, fields, None).await
}

/// Replaces a record's fields, naming why in the data source (`Rectification request`).
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, record = %id))]
pub async fn update_fields_because(
    store: &dyn Store,
    session: &Session,
    id: RecordId,
    fields: RecordFields,
    because: Option<&str>,
) -> Result<Record> {
    let organisation = session.organisation.id;
    let current = get(store, organisation, id).await?;
    if current.privacy.as_ref().is_some_and(|p| p.stop_processing) {
        return Err(stop_processing());
    }
    // Values this user sees masked are not theirs to change: they stay as stored.
    let fields = super::encryption::Masking::for_session(store, session)
        .await?
        .keep_hidden(current.module_id, &current.fields, fields);
    let fields = checked_fields(store, organisation, current.module_id, fields, "").await?;
    let mut audit = note(session, AuditAction::RecordUpdated, Some(id.to_string()));
    // Which fields changed and why, never their values: the trail outlives the record.
    let mut after = json!({ "fields": changed_fields(&current.fields, &fields) });
    if let Some(because) = because {
        after["reason"] = json!(because);
    }
    audit.after = Some(after);
    let mut source = manual_source(session);
    source.detail = because.map(str::to_owned);
    store
        .update_record_fields(organisation, id, fields, source, audit)
        .await?
        .ok_or(Error::NotFound("record"))
}

/// The keys of the fields whose values differ (a custom field by its own key).
fn changed_fields(old: &RecordFields, new: &RecordFields) -> Vec<String> {
    let flat = |fields: &RecordFields| {
        let mut flat = match serde_json::to_value(fields) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        if let Some(serde_json::Value::Object(custom)) = flat.remove("custom") {
            flat.extend(custom);
        }
        flat.retain(|_, value| !value.is_null());
        flat
    };
    let (old, new) = (flat(old), flat(new));
    let mut keys: Vec<String> = old.keys().chain(new.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    keys.retain(|key| old.get(key) != new.get(key));
    keys
}

/// Deletes a record; its privacy events stay as evidence.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, record = %id))]
pub async fn delete(store: &dyn Store, session: &Session, id: RecordId) -> Result<()> {
    let audit = note(session, AuditAction::RecordDeleted, Some(id.to_string()));
    let deleted = store
        .delete_record(session.organisation.id, id, audit)
        .await
        .map_err(|e| match e {
            crate::store::StoreError::Conflict("record_retention.hold_reason") => Error::Conflict {
                code: ErrorCode::LegalHold,
                field: None,
                message: "This record is under a legal hold: lift the hold (its Retention \
                          section) before deleting it."
                    .into(),
            },
            other => other.into(),
        })?;
    if deleted {
        Ok(())
    } else {
        Err(Error::NotFound("record"))
    }
}

/// Changes one record's basis.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, record = %id))]
pub async fn change_basis(
    store: &dyn Store,
    session: &Session,
    id: RecordId,
    change: BasisChange,
) -> Result<Record> {
    // The body is the change itself: a field is named as it is there (`lawful_reason`).
    let warnings = check_change(&change, "", clock::today_of(session))?;
    let organisation = session.organisation.id;
    let Some(before) = get(store, organisation, id).await?.privacy else {
        return Err(compliance_disabled());
    };
    let today = clock::today_of(session);
    // Checked against the record as read, so that each mistake gets its own answer; the rule
    // decides again inside the change's transaction.
    data_privacy::change_basis(Some(&before), &change, today)
        .map_err(|e| from_privacy_in("", e))?;
    let rule = |current: Option<&_>| {
        data_privacy::change_basis(current, &change, today).map_err(|_| Skipped)
    };
    let status = |privacy: &DataPrivacy| privacy.consent.as_ref().map(|c| c.status);
    let describe = |before: Option<&DataPrivacy>, after: &DataPrivacy| {
        let mut audit = note(session, AuditAction::BasisChanged, Some(id.to_string()));
        audit.before = Some(json!({
            "basis": before.map(|b| b.basis),
            "status": before.and_then(status),
            "lawful_reason": before.and_then(|b| b.lawful_reason.as_deref()),
        }));
        let mut done = json!({
            "basis": after.basis,
            "status": status(after),
            "lawful_reason": stored_reason(&change),
        });
        // Consent entered by hand: when, how and to which channels it was given (the remarks
        // stay with the record's history, as the evidence of consent recorded through the
        // API).
        if let Some(consent) = &change.consent {
            done["consent"] = json!({
                "date": consent.date,
                "through": consent.through,
                "contact_through": consent.contact_through,
            });
        }
        audit.after = Some(done);
        audit
    };
    match change_one(store, session, id, &rule, &describe).await? {
        BulkOutcome::Applied { skipped: 1, .. } => Err(stop_processing()),
        _ => {
            let mut record = get(store, organisation, id).await?;
            record.warnings = warnings;
            Ok(record)
        }
    }
}

/// Applies `rule` to one record's Data Privacy section, by the session's person or key. Its
/// audit entry is made by `describe` from the section as the change found it and left it,
/// inside the change's transaction: a subject's answer landing between reading the record
/// and writing the change shows in the entry's before.
async fn change_one(
    store: &dyn Store,
    session: &Session,
    id: RecordId,
    rule: PrivacyRule<'_>,
    describe: &(dyn Fn(Option<&DataPrivacy>, &DataPrivacy) -> AuditNote + Send + Sync),
) -> Result<BulkOutcome> {
    let only_this = Selection {
        filter: &RecordFilter::default(),
        only: Some(id),
        confirmed_count: None,
    };
    Ok(store
        .change_privacy(
            session.organisation.id,
            only_this,
            rule,
            manual_source(session),
            PrivacyAudit::OfOne(describe),
        )
        .await?)
}

/// Records consent another system obtained (through an API key with `consent:write`): the
/// record's basis becomes Consent with the decision's status, date, way, channels and evidence.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id, record = %id))]
pub async fn record_consent(
    store: &dyn Store,
    session: &Session,
    id: RecordId,
    recorded: RecordedConsent,
) -> Result<Record> {
    let organisation = session.organisation.id;
    let Some(before) = get(store, organisation, id).await?.privacy else {
        return Err(compliance_disabled());
    };
    let today = clock::today_of(session);
    // Checked against the record as read, so each mistake gets its own answer; the rule below
    // applies it again inside the change's transaction.
    data_privacy::record_consent(&before, &recorded, today).map_err(|e| match e {
        PrivacyError::Invalid { field, error } => Error::Invalid {
            field: field.into(),
            error,
        },
        other => from_privacy(other),
    })?;
    let rule = |current: Option<&_>| {
        current
            .ok_or(Skipped)
            .and_then(|c| data_privacy::record_consent(c, &recorded, today).map_err(|_| Skipped))
    };
    let describe = |before: Option<&DataPrivacy>, after: &DataPrivacy| {
        let mut audit = note(session, AuditAction::ConsentRecorded, Some(id.to_string()));
        audit.before = Some(json!({
            "basis": before.map(|b| b.basis),
            "status": before.and_then(|b| b.consent.as_ref()).map(|c| c.status),
        }));
        // The trail says what the record became, and when, how and to which channels consent
        // was given. The evidence text stays with the record's history (erased with it), not
        // in the permanent trail: it may name people.
        audit.after = Some(json!({
            "basis": after.basis,
            "status": after.consent.as_ref().map(|c| c.status),
            "decision": recorded.decision,
            "through": recorded.through,
            "date": recorded.date,
            "contact_through": recorded.contact_through,
        }));
        audit
    };
    match change_one(store, session, id, &rule, &describe).await? {
        BulkOutcome::Applied { skipped: 1, .. } => Err(Error::Conflict {
            code: ErrorCode::ChangedMeanwhile,
            field: None,
            message: "The record's consent changed while this was recorded; read it and try \
                      again."
                .into(),
        }),
        _ => {
            crate::telemetry::consent_event(crate::telemetry::ConsentThrough::Api);
            get(store, organisation, id).await
        }
    }
}

/// Changes the basis of every record matching a filter, after the person confirmed how many.
#[tracing::instrument(skip_all, fields(organisation = %session.organisation.id))]
pub async fn bulk_change_basis(
    store: &dyn Store,
    session: &Session,
    bulk: BulkBasisChange,
) -> Result<BulkResult> {
    let warnings = check_change(&bulk.change, "change.", clock::today_of(session))?;
    let today = clock::today_of(session);
    let change = bulk.change.clone();
    let rule = move |current: Option<&_>| {
        data_privacy::change_basis(current, &change, today).map_err(|_| Skipped)
    };
    let mut audit = note(session, AuditAction::BasisChangedInBulk, None);
    // The search text may be an address: the permanent trail keeps only that there was one.
    let mut filter = json!(bulk.filter);
    if let Some(q) = filter.get_mut("q").filter(|q| !q.is_null()) {
        *q = json!("(search)");
    }
    audit.after = Some(json!({
        "basis": bulk.change.basis,
        "lawful_reason": stored_reason(&bulk.change),
        "filter": filter,
    }));
    match store
        .change_privacy(
            session.organisation.id,
            Selection {
                filter: &bulk.filter,
                only: None,
                confirmed_count: Some(bulk.confirmed_count),
            },
            &rule,
            manual_source(session),
            PrivacyAudit::Of(audit),
        )
        .await?
    {
        BulkOutcome::Applied { changed, skipped } => Ok(BulkResult {
            changed,
            skipped_stop_processing: skipped,
            warnings,
        }),
        BulkOutcome::CountMismatch(now) => Err(Error::Conflict {
            code: ErrorCode::CountChanged,
            field: Some("confirmed_count"),
            message: format!(
                "The filter now matches {now} records, not the {} you confirmed. Nothing was \
                 changed; review the list and confirm again.",
                bulk.confirmed_count
            ),
        }),
    }
}

/// A record's privacy events, oldest first.
pub async fn events(
    store: &dyn Store,
    organisation: OrganisationId,
    id: RecordId,
) -> Result<Vec<PrivacyEvent>> {
    get(store, organisation, id).await?;
    Ok(store.privacy_events(organisation, id).await?)
}

/// How many records' consent is older than the consent lifetime (0 while consent does not
/// age).
async fn renewal_due(store: &dyn Store, organisation: OrganisationId) -> Result<u64> {
    let ages = super::settings::get(store, organisation)
        .await?
        .consent_lifetime_days
        .is_some();
    if !ages {
        return Ok(0);
    }
    let due = RecordFilter {
        renewal_due: true,
        ..RecordFilter::default()
    };
    Ok(store.count_records(organisation, &due).await?)
}

/// The Overview's numbers, from maintained counters; consent due renewal is counted only
/// where consent ages.
pub async fn overview(store: &dyn Store, of: &OrganisationSummary) -> Result<Overview> {
    let organisation = of.id;
    let counts = store.privacy_counts(organisation).await?;
    let per_basis: Vec<BasisCount> = LegalBasis::ALL
        .into_iter()
        .map(|basis| BasisCount {
            basis,
            count: counts.iter().filter(|c| c.1 == basis).map(|c| c.3).sum(),
        })
        .collect();
    let per_status = ConsentStatus::ALL
        .into_iter()
        .map(|status| StatusCount {
            status,
            count: counts
                .iter()
                .filter(|c| c.2 == Some(status))
                .map(|c| c.3)
                .sum(),
        })
        .collect();
    let not_applicable = per_basis
        .iter()
        .filter(|b| b.basis == LegalBasis::NotApplicable)
        .map(|b| b.count)
        .sum();
    let with_basis = per_basis
        .iter()
        .filter(|b| b.basis != LegalBasis::NotApplicable)
        .map(|b| b.count)
        .sum();
    // The 30-day trend counts the organisation's days, from the quarter hours the store counts.
    let zone = &of.time_zone;
    let first = clock::today_in(zone) - chrono::Days::new(29);
    let quarters = store
        .privacy_changes_per_quarter(organisation, clock::start_of_day_in(zone, first))
        .await?;
    let mut per_day = std::collections::BTreeMap::<chrono::NaiveDate, u64>::new();
    for (start, n) in quarters {
        *per_day.entry(clock::day_in(zone, start)).or_default() += n;
    }
    let changes_per_day = first
        .iter_days()
        .take(30)
        .map(|day| DayCount {
            day,
            count: per_day.get(&day).copied().unwrap_or_default(),
        })
        .collect();
    Ok(Overview {
        not_applicable,
        with_basis,
        per_basis,
        per_status,
        changes_per_day,
        // Overdue and due soon as the organisation's day stands.
        requests: store
            .request_counts(organisation, clock::today_in(&of.time_zone))
            .await?,
        renewal_due: renewal_due(store, organisation).await?,
    })
}
