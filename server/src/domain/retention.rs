//! Storage limitation (GDPR art. 5(1)(e)): with a retention period set, a daily review finds
//! the records whose basis gives no reason to keep them past it (no basis, consent not
//! answered, withdrawn or refused, a contract ended), except those to be kept whatever their
//! basis says (a legal hold, an open data-subject request about the person, processing
//! restricted on request, compliance off for the module). A privacy officer erases them in
//! bulk, or Consentry does after each daily review when automatic erasure is on, through the
//! same deletion as an erasure request: the suppression list, the erasure ledger and the
//! audit redaction included.

use chrono::{DateTime, Duration, Utc};
use consentry_model::{
    ComplianceSettings, ErrorCode, OrganisationId, RecordId, RequestId,
    audit::{Actor, AuditAction},
    auth::Session,
    compliance::RetentionPeriod,
    retention::{
        LapseCount, LapseReason, LapsedPage, LapsedRecord, RecordRetention, RetentionChange,
        RetentionErase, RetentionErased, RetentionReview, parse_hold_reason,
    },
};
use serde_json::json;

use super::{Error, Result, clock, erasure, settings};
use crate::{
    ledger::ErasureLedger,
    store::{AuditNote, LapsedErasure, LapsedOutcome, RetentionSet, Store},
};

/// Largest page of findings.
pub const MAX_PAGE: u32 = 200;

/// How often the records are reviewed.
const REVIEW_EVERY: Duration = Duration::hours(24);

/// The retention period in force: set, and compliance on.
fn period(settings: &ComplianceSettings) -> Option<RetentionPeriod> {
    settings.retention_days.filter(|_| settings.enabled)
}

/// Reviews the organisation's records as of `now` (nothing while no retention period is in
/// force); how many were found lapsed.
pub async fn review(
    store: &dyn Store,
    organisation: OrganisationId,
    now: DateTime<Utc>,
) -> Result<Option<u64>> {
    let Some(period) = period(&settings::get(store, organisation).await?) else {
        return Ok(None);
    };
    let cutoff = now - Duration::days(i64::from(period.days()));
    Ok(Some(
        store.review_retention(organisation, cutoff, now).await?,
    ))
}

/// What the daily review did across organisations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reviewed {
    /// Organisations reviewed.
    pub organisations: usize,
    /// Records found lapsed.
    pub found: u64,
    /// Records erased automatically.
    pub erased: u64,
}

/// The daily review, run by the hourly upkeep: every organisation with a retention period
/// whose last review is a day old is reviewed as of `now`, and where automatic erasure is on,
/// what was found is erased by Consentry.
pub async fn daily(
    store: &dyn Store,
    ledger: &ErasureLedger,
    now: DateTime<Utc>,
) -> Result<Reviewed> {
    let mut done = Reviewed::default();
    for organisation in store.organisations().await? {
        let settings = settings::get(store, organisation.id).await?;
        let Some(period) = period(&settings) else {
            continue;
        };
        let (reviewed_at, _) = store.retention_counts(organisation.id).await?;
        if reviewed_at.is_some_and(|at| now - at < REVIEW_EVERY) {
            continue;
        }
        let found = review(store, organisation.id, now).await?.unwrap_or(0);
        done.organisations += 1;
        done.found += found;
        if settings.retention_auto_erase && found > 0 {
            let erased = erase_found(
                store,
                ledger,
                organisation.id,
                Actor::System.stored_name().into(),
                period,
                None,
                None,
            )
            .await?;
            done.erased += erased.erased;
        }
    }
    Ok(done)
}

/// Where the review stands: the period, whether erasure is automatic, when it last ran and
/// what it found per reason (zero while no period is set).
pub async fn state(store: &dyn Store, organisation: OrganisationId) -> Result<RetentionReview> {
    let settings = settings::get(store, organisation).await?;
    let in_force = period(&settings);
    let (reviewed_at, found) = store.retention_counts(organisation).await?;
    let counts = LapseReason::ALL
        .into_iter()
        .map(|reason| LapseCount {
            reason,
            count: in_force
                .and(found.iter().find(|(r, _)| *r == reason))
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    Ok(RetentionReview {
        retention_days: in_force.map(|d| d.days()),
        auto_erase: settings.retention_auto_erase,
        reviewed_at,
        counts,
    })
}

/// A page of the findings (of one reason, or all), with each record.
pub async fn page(
    store: &dyn Store,
    organisation: OrganisationId,
    reason: Option<LapseReason>,
    after: Option<RecordId>,
    limit: Option<u32>,
) -> Result<LapsedPage> {
    let limit = super::cursor::page_size(limit, 50, MAX_PAGE)?;
    if period(&settings::get(store, organisation).await?).is_none() {
        return Ok(LapsedPage {
            records: Vec::new(),
            next: None,
        });
    }
    let findings = store
        .retention_findings(organisation, reason, after, limit + 1)
        .await?;
    let more = findings.len() > limit as usize;
    let mut records = Vec::new();
    for finding in findings.into_iter().take(limit as usize) {
        // One erased or deleted since the page was read is left out.
        if let Some(record) = store.record(organisation, finding.record).await? {
            records.push(LapsedRecord {
                record,
                reason: finding.reason,
                since: finding.since,
            });
        }
    }
    let next = more.then(|| records.last().map(|r| r.record.id)).flatten();
    Ok(LapsedPage { records, next })
}

/// Erases what the review found (of one reason, or all) for a privacy officer who confirmed
/// how many records that is.
pub async fn erase(
    store: &dyn Store,
    ledger: &ErasureLedger,
    session: &Session,
    order: RetentionErase,
) -> Result<RetentionErased> {
    let organisation = session.organisation.id;
    let Some(period) = period(&settings::get(store, organisation).await?) else {
        return Err(Error::Conflict {
            code: ErrorCode::NoRetentionPeriod,
            field: None,
            message: "No retention period is in force, so no record is found lapsed: turn \
                      compliance on and set a period under Setup > Compliance Settings first."
                .into(),
        });
    };
    erase_found(
        store,
        ledger,
        organisation,
        session.actor(),
        period,
        order.reason,
        Some(order.confirmed_count),
    )
    .await
}

/// Erases the findings in one transaction, each record only while it is still as the review
/// found it, and writes the run to the erasure ledger (what it erased only) so a restored
/// backup cannot bring them back.
async fn erase_found(
    store: &dyn Store,
    ledger: &ErasureLedger,
    organisation: OrganisationId,
    actor: String,
    period: RetentionPeriod,
    reason: Option<LapseReason>,
    confirmed_count: Option<u64>,
) -> Result<RetentionErased> {
    let run = RequestId(uuid::Uuid::now_v7());
    let key = store.hash_key(organisation).await?;
    let mut subjects = Vec::new();
    let mut after = None;
    loop {
        let findings = store
            .retention_findings(organisation, reason, after, 1000)
            .await?;
        let Some(last) = findings.last() else { break };
        after = Some(last.record);
        for finding in findings {
            let fields = store
                .record(organisation, finding.record)
                .await?
                .map(|r| r.fields);
            subjects.push(erasure::lapsed_subject(run, finding.record, fields, &key));
        }
    }
    // Each record's addresses, for the ledger entry of what the transaction erases.
    let addresses_of: std::collections::HashMap<RecordId, Vec<String>> = subjects
        .iter()
        .flat_map(|s| s.records.iter().map(|r| (*r, s.addresses.clone())))
        .collect();
    let entry_id = uuid::Uuid::now_v7();
    let audit = AuditNote {
        actor,
        action: AuditAction::RetentionErased,
        subject: Some(run.to_string()),
        before: None,
        after: Some(json!({ "reason": reason })),
    };
    let found = subjects.len() as u64;
    let erasure = LapsedErasure {
        subjects,
        reason,
        confirmed_count,
        ledger_entry: entry_id,
        period_days: period.days(),
    };
    let erased = match store.erase_lapsed(organisation, erasure, audit).await? {
        LapsedOutcome::Erased(erased) => erased,
        LapsedOutcome::CountMismatch(now) => {
            return Err(Error::Conflict {
                code: ErrorCode::CountChanged,
                field: Some("confirmed_count"),
                message: format!(
                    "The review now lists {now} records, not the {} you confirmed. Nothing was \
                     erased; look at the list again and confirm.",
                    confirmed_count.unwrap_or_default()
                ),
            });
        }
    };
    if !erased.is_empty() {
        let erased_addresses: Vec<String> = erased
            .iter()
            .filter_map(|r| addresses_of.get(r))
            .flatten()
            .cloned()
            .collect();
        let mut entry = ledger.entry(organisation, run, &erased, &erased_addresses);
        entry.id = entry_id;
        ledger.append(&entry).await.map_err(|e| {
            tracing::error!(error = %e, "lapsed records are erased but the erasure ledger was not written");
            Error::Internal(format!(
                "the records were erased, but the erasure ledger could not be written ({e}); \
                 a restored backup would bring them back until it can"
            ))
        })?;
    }
    Ok(RetentionErased {
        erased: erased.len() as u64,
        kept: found - erased.len() as u64,
    })
}

/// A record's retention section.
pub async fn of_record(
    store: &dyn Store,
    organisation: OrganisationId,
    record: RecordId,
) -> Result<RecordRetention> {
    store
        .record_retention(organisation, record)
        .await?
        .ok_or(Error::NotFound("record"))
}

/// Replaces a record's retention section (legal hold, contract end), audited.
pub async fn set(
    store: &dyn Store,
    session: &Session,
    record: RecordId,
    change: RetentionChange,
) -> Result<RecordRetention> {
    // A day people enter: checked against today where the organisation is.
    let today = clock::today_of(session);
    if let Some(ended) = change.contract_ended_on
        && (ended > today || ended < chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(ended))
    {
        return Err(Error::Rejected {
            field: "contract_ended_on".into(),
            message: format!(
                "Enter the day the contract ended, between 1970-01-01 and today ({today}), as \
                 YYYY-MM-DD."
            ),
        });
    }
    let change = RetentionChange {
        legal_hold: change
            .legal_hold
            .as_deref()
            .map(parse_hold_reason)
            .transpose()
            .map_err(|error| Error::Invalid {
                field: "legal_hold".into(),
                error,
            })?,
        ..change
    };
    let audit = AuditNote {
        actor: session.actor(),
        action: AuditAction::RecordRetentionChanged,
        subject: None,
        before: None,
        after: None,
    };
    match store
        .set_record_retention(
            session.organisation.id,
            record,
            &change,
            clock::now(),
            audit,
        )
        .await?
    {
        RetentionSet::Saved(saved) => Ok(saved),
        RetentionSet::NotFound => Err(Error::NotFound("record")),
        RetentionSet::NotContract => Err(Error::Rejected {
            field: "contract_ended_on".into(),
            message: "Only a record whose Data Processing Basis is Contract has a contract that \
                      ends: set its basis to Contract first, or leave this empty."
                .into(),
        }),
    }
}
