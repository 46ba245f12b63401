//! `/api/v1/retention`: the Retention review (storage limitation, art. 5(1)(e)), and
//! `/api/v1/records/{id}/retention`: a record's legal hold and contract end.

use super::responses::{InvalidField, ManageComplianceSettingsOnly, NoSuchRecord, ViewRecordsOnly};
use axum::{Json, extract::State};
use consentry_model::{
    ErrorBody, RecordId,
    retention::{
        LapsedPage, LapsedQuery, RecordRetention, RetentionChange, RetentionErase, RetentionErased,
        RetentionReview,
    },
    routes,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiJson, ApiPath, ApiQuery, Authorized, ManageComplianceSettings, ViewRecords},
};
use crate::domain::{clock, encryption::Masking, retention};

/// Retention routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(state))
        .routes(routes!(records))
        .routes(routes!(review))
        .routes(routes!(erase))
        .routes(routes!(of_record, set_of_record))
}

/// Where the retention review stands: the period, whether lapsed records are erased
/// automatically, when the records were last reviewed and how many were found per reason.
#[utoipa::path(
    get,
    path = routes::RETENTION,
    tag = "retention",
    responses(
        (status = 200, description = "The review", body = RetentionReview),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn state(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<RetentionReview>, ApiError> {
    Ok(Json(
        retention::state(state.store.as_ref(), session.organisation.id).await?,
    ))
}

/// A page of the records the last review found lapsed (of one reason, or all), in record
/// order; sensitive values masked without View Sensitive Fields.
#[utoipa::path(
    get,
    path = routes::RETENTION_RECORDS,
    tag = "retention",
    params(LapsedQuery),
    responses(
        (status = 200, description = "The page", body = LapsedPage),
        InvalidField,
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn records(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiQuery(query): ApiQuery<LapsedQuery>,
) -> Result<Json<LapsedPage>, ApiError> {
    let mut page = retention::page(
        state.store.as_ref(),
        session.organisation.id,
        query.reason,
        query.after,
        query.limit,
    )
    .await?;
    let masking = Masking::for_session(state.store.as_ref(), &session).await?;
    for found in &mut page.records {
        found.record = masking.apply(found.record.clone());
    }
    Ok(Json(page))
}

/// Reviews the records now (the daily review does the same); answers where it stands.
#[utoipa::path(
    post,
    path = routes::RETENTION_REVIEW,
    tag = "retention",
    responses(
        (status = 200, description = "Reviewed", body = RetentionReview),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn review(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
) -> Result<Json<RetentionReview>, ApiError> {
    let store = state.store.as_ref();
    retention::review(store, session.organisation.id, clock::now()).await?;
    Ok(Json(
        retention::state(store, session.organisation.id).await?,
    ))
}

/// Erases the records the review found lapsed (of one reason, or all) through the same
/// deletion as an erasure request: their addresses join the suppression list, the erasure
/// ledger keeps the run, audit details about them are redacted, and one audit entry records
/// the run. A record changed since the review, placed under a legal hold or named by an open
/// data-subject request is kept.
#[utoipa::path(
    post,
    path = routes::RETENTION_ERASE,
    tag = "retention",
    request_body = RetentionErase,
    responses(
        (status = 200, description = "Erased", body = RetentionErased),
        InvalidField,
        (status = 409, description = "count_changed (the review lists another number now; \
            nothing erased) or no_retention_period", body = ErrorBody),
        ManageComplianceSettingsOnly,
    ),
    security(("session" = []))
)]
async fn erase(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiJson(order): ApiJson<RetentionErase>,
) -> Result<Json<RetentionErased>, ApiError> {
    Ok(Json(
        retention::erase(state.store.as_ref(), &state.ledger, &session, order).await?,
    ))
}

/// A record's retention section: its legal hold and the end of its contract.
#[utoipa::path(
    get,
    path = routes::RECORD_RETENTION,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 200, description = "The section", body = RecordRetention),
        ViewRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn of_record(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<Json<RecordRetention>, ApiError> {
    Ok(Json(
        retention::of_record(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// Replaces a record's retention section. A legal hold keeps the record whatever the
/// retention period says (and stops an erasure request from erasing it, art. 17(3)(e)) until
/// lifted; a contract end (basis Contract only) starts the retention period. Audited.
#[utoipa::path(
    put,
    path = routes::RECORD_RETENTION,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = RetentionChange,
    responses(
        (status = 200, description = "Saved", body = RecordRetention),
        InvalidField,
        ManageComplianceSettingsOnly,
        NoSuchRecord,
    ),
    security(("session" = []))
)]
async fn set_of_record(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ManageComplianceSettings>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(change): ApiJson<RetentionChange>,
) -> Result<Json<RecordRetention>, ApiError> {
    Ok(Json(
        retention::set(state.store.as_ref(), &session, id, change).await?,
    ))
}
