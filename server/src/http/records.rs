//! `/api/v1/records`: records, their Data Privacy section and privacy events.

use super::responses::{EditRecordsOnly, InvalidField, NoSuchRecord, NotSignedIn, ViewRecordsOnly};
use axum::{Json, extract::State, http::StatusCode, response::Response};
use consentry_model::{
    ConsentStatus, ErrorBody, LegalBasis, ModuleId, RecordId,
    auth::Session,
    consent::ConsentEvent,
    exports::{CsvSeparator, ExportPreferences},
    import::ImportId,
    records::{
        BasisChange, BulkBasisChange, BulkResult, NewRecord, PrivacyEvent, Record, RecordCount,
        RecordFields, RecordFilter, RecordPage, RecordSort, RecordedConsent, SourceKind,
        parse_selection,
    },
    requests::{DataSubjectRequest, NewRequest},
    routes,
};
use serde::{Deserialize, Serialize};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{
        ApiJson, ApiPath, ApiQuery, Authorized, EditRecords, FileRequests, InPerson, ReadConsent,
        ReadRecordRequests, ViewRecords, WriteConsent,
    },
};
use crate::domain::{
    self,
    encryption::Masking,
    records,
    staff_export::{self, ExportFormat, ExportRequest},
};

/// A record as this user may see it: sensitive values masked without View Sensitive Fields.
pub(super) async fn shown(
    state: &AppState,
    session: &Session,
    record: Record,
) -> Result<Json<Record>, ApiError> {
    let masking = Masking::for_session(state.store.as_ref(), session).await?;
    Ok(Json(masking.apply(record)))
}

/// Record routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(count))
        .routes(routes!(export))
        .routes(routes!(export_preferences))
        .routes(routes!(get_one, update, remove))
        .routes(routes!(change_basis))
        .routes(routes!(record_consent))
        .routes(routes!(bulk_basis))
        .routes(routes!(events))
        .routes(routes!(consent_events))
        .routes(routes!(requests, file_request))
}

/// A record's consent events, oldest first: every decision with its form version, text hash
/// and receipt id.
#[utoipa::path(
    get,
    path = routes::RECORD_CONSENT_EVENTS,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 200, description = "Consent events", body = [ConsentEvent]),
        (status = 403, description = "Lacks View Records (or the consent:read scope)", body = ErrorBody),
        NoSuchRecord,
        NotSignedIn,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn consent_events(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadConsent>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<Json<Vec<ConsentEvent>>, ApiError> {
    let organisation = session.organisation.id;
    records::get(state.store.as_ref(), organisation, id).await?;
    Ok(Json(
        state
            .store
            .consent_events(organisation, id)
            .await
            .map_err(domain::Error::from)?,
    ))
}

/// Filters and paging of a record list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only this module.
    pub module: Option<ModuleId>,
    /// Only this basis.
    pub basis: Option<LegalBasis>,
    /// Only this consent status.
    pub consent_status: Option<ConsentStatus>,
    /// Only records created through this source.
    pub source: Option<SourceKind>,
    /// Only the records this import created.
    pub import: Option<ImportId>,
    /// Only records whose Obtained consent is older than the consent lifetime.
    pub renewal_due: Option<bool>,
    /// An exact e-mail address, or the start of a first or last name (any capitals).
    #[serde(default, deserialize_with = "consentry_model::records::search_text")]
    pub q: Option<String>,
    /// Only these records: their ids separated by commas (a selection, at most 500).
    pub ids: Option<String>,
    /// The order (default newest first).
    pub sort: Option<RecordSort>,
    /// The `next` of the previous page (same filters and order).
    pub after: Option<String>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<u32>,
}

/// Filters and format of an export.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only this module.
    pub module: Option<ModuleId>,
    /// Only this basis.
    pub basis: Option<LegalBasis>,
    /// Only this consent status.
    pub consent_status: Option<ConsentStatus>,
    /// Only records created through this source.
    pub source: Option<SourceKind>,
    /// Only the records this import created.
    pub import: Option<ImportId>,
    /// Only records whose Obtained consent is older than the consent lifetime.
    pub renewal_due: Option<bool>,
    /// An exact e-mail address, or the start of a first or last name (any capitals).
    #[serde(default, deserialize_with = "consentry_model::records::search_text")]
    pub q: Option<String>,
    /// Only these records: their ids separated by commas (a selection, at most 500).
    pub ids: Option<String>,
    /// `csv` (default) or `json`.
    pub format: Option<ExportFormat>,
    /// The CSV separator: `comma` or `semicolon` (for Excel in Dutch). Remembered for the
    /// user; without it, the one they chose last (`comma` until they chose).
    pub separator: Option<CsvSeparator>,
}

/// Every record matching the filters (at most 100,000) as a CSV or JSON file. Sensitive
/// values are masked for users without View Sensitive Fields; personal fields the
/// organisation leaves out of exports are left out. Audited.
#[utoipa::path(
    get,
    path = routes::RECORDS_EXPORT,
    tag = "records",
    params(ExportQuery),
    responses(
        (status = 200, description = "The file: a CSV file (text/csv) or the records as JSON", content(
            (String = "text/csv; charset=utf-8"),
            (Vec<Record> = "application/json"),
        )),
        (status = 400, description = "A parameter is invalid, or too many records match", body = ErrorBody),
        ViewRecordsOnly,
    ),
    security(("session" = []))
)]
async fn export(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ViewRecords>>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let request = ExportRequest {
        filter: RecordFilter {
            module: query.module,
            basis: query.basis,
            consent_status: query.consent_status,
            source: query.source,
            import: query.import,
            renewal_due: query.renewal_due.unwrap_or_default(),
            q: query.q,
            ids: selection(query.ids.as_deref())?,
        },
        format: query.format.unwrap_or_default(),
        separator: query.separator,
    };
    let file = staff_export::export(state.store.as_ref(), &session, &request).await?;
    Ok(super::download::download(
        file.content_type,
        &file.name,
        file.bytes,
    ))
}

/// What the user chose on their last export: the export dialog offers it again.
#[utoipa::path(
    get,
    path = routes::RECORDS_EXPORT_PREFERENCES,
    tag = "records",
    responses(
        (status = 200, description = "The user's export choices", body = ExportPreferences),
        ViewRecordsOnly,
    ),
    security(("session" = []))
)]
async fn export_preferences(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ViewRecords>>,
) -> Result<Json<ExportPreferences>, ApiError> {
    Ok(Json(
        staff_export::preferences(state.store.as_ref(), &session).await?,
    ))
}

impl ListQuery {
    fn filter(&self) -> Result<RecordFilter, ApiError> {
        Ok(RecordFilter {
            module: self.module,
            basis: self.basis,
            consent_status: self.consent_status,
            source: self.source,
            import: self.import,
            renewal_due: self.renewal_due.unwrap_or_default(),
            q: self.q.clone(),
            ids: selection(self.ids.as_deref())?,
        })
    }
}

/// A query's `ids`: the selected records, or none (every match).
fn selection(ids: Option<&str>) -> Result<Vec<RecordId>, ApiError> {
    ids.map_or(Ok(Vec::new()), |ids| {
        parse_selection(ids).map_err(|message| ApiError::Invalid {
            field: Some("ids".into()),
            message,
        })
    })
}

/// Records, newest first, one page at a time.
#[utoipa::path(
    get,
    path = routes::RECORDS,
    tag = "records",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of records", body = RecordPage),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
        ViewRecordsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn list(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<RecordPage>, ApiError> {
    let page = records::list(
        state.store.as_ref(),
        session.organisation.id,
        &query.filter()?,
        query.sort.unwrap_or_default(),
        query.after.as_deref(),
        query.limit,
    )
    .await?;
    let masking = Masking::for_session(state.store.as_ref(), &session).await?;
    Ok(Json(RecordPage {
        records: page.records.into_iter().map(|r| masking.apply(r)).collect(),
        ..page
    }))
}

/// How many records match the filters (shown before a bulk change).
#[utoipa::path(
    get,
    path = routes::RECORDS_COUNT,
    tag = "records",
    params(ListQuery),
    responses(
        (status = 200, description = "The count", body = RecordCount),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
        ViewRecordsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn count(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<RecordCount>, ApiError> {
    let count = records::count(
        state.store.as_ref(),
        session.organisation.id,
        &query.filter()?,
    )
    .await?;
    Ok(Json(RecordCount { count }))
}

/// Creates a record (data source: Manual).
#[utoipa::path(
    post,
    path = routes::RECORDS,
    tag = "records",
    request_body = NewRecord,
    responses(
        (status = 201, description = "Created", body = Record),
        (status = 409, description = "Compliance is off for the module", body = ErrorBody),
        InvalidField,
        EditRecordsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn create(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<EditRecords>,
    ApiJson(body): ApiJson<NewRecord>,
) -> Result<(StatusCode, Json<Record>), ApiError> {
    let record = records::create(state.store.as_ref(), &session, body).await?;
    Ok((StatusCode::CREATED, shown(&state, &session, record).await?))
}

/// One record with its Data Privacy section.
#[utoipa::path(
    get,
    path = routes::RECORD,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 200, description = "The record", body = Record),
        ViewRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn get_one(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<Json<Record>, ApiError> {
    let record =
        records::with_consent_request(state.store.as_ref(), session.organisation.id, id).await?;
    shown(&state, &session, record).await
}

/// Replaces a record's fields (standard and custom).
#[utoipa::path(
    put,
    path = routes::RECORD,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = RecordFields,
    responses(
        (status = 200, description = "Updated", body = Record),
        (status = 409, description = "Processing is stopped for the record", body = ErrorBody),
        InvalidField,
        EditRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn update(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<EditRecords>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<RecordFields>,
) -> Result<Json<Record>, ApiError> {
    let record = records::update_fields(state.store.as_ref(), &session, id, body).await?;
    shown(&state, &session, record).await
}

/// Deletes a record. Its privacy events are kept as evidence.
#[utoipa::path(
    delete,
    path = routes::RECORD,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 204, description = "Deleted"),
        EditRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn remove(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<EditRecords>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<StatusCode, ApiError> {
    records::delete(state.store.as_ref(), &session, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes a record's Data Processing Basis.
#[utoipa::path(
    put,
    path = routes::RECORD_BASIS,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = BasisChange,
    responses(
        (status = 200, description = "The record after the change", body = Record),
        (status = 409, description = "Compliance off, or processing stopped", body = ErrorBody),
        InvalidField,
        EditRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn change_basis(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<EditRecords>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<BasisChange>,
) -> Result<Json<Record>, ApiError> {
    let record = records::change_basis(state.store.as_ref(), &session, id, body).await?;
    shown(&state, &session, record).await
}

/// Records consent your system obtained itself (its own sign-up form, a call centre, a signed
/// paper form): the basis becomes Consent and the consent status follows the decision
/// (`granted` → Obtained, `refused` → Denied with processing stopped, `withdrawn` → Withdrawn),
/// with the date, the way, the channels and the evidence. The change appears in the record's
/// events with data source API and raises the `consent.changed` webhook.
#[utoipa::path(
    post,
    path = routes::RECORD_CONSENT,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = RecordedConsent,
    responses(
        (status = 200, description = "The record after the change", body = Record),
        (status = 400, description = "A field is invalid (`field` names it)", body = ErrorBody),
        (status = 401, description = "Not signed in, or an unknown or revoked API key", body = ErrorBody),
        (status = 403, description = "Lacks Edit Records (or the consent:write scope)", body = ErrorBody),
        (status = 409, description = "`compliance_disabled`: compliance is off for the record's module; `stop_processing`: the subject stopped processing; `invalid_transition`: e.g. withdrawing consent never given; `changed_meanwhile`: retry", body = ErrorBody),
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn record_consent(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<WriteConsent>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<RecordedConsent>,
) -> Result<Json<Record>, ApiError> {
    let record = records::record_consent(state.store.as_ref(), &session, id, body).await?;
    shown(&state, &session, record).await
}

/// Changes the basis of every record matching a filter, all or nothing.
#[utoipa::path(
    post,
    path = routes::RECORDS_BULK_BASIS,
    tag = "records",
    request_body = BulkBasisChange,
    responses(
        (status = 200, description = "What changed", body = BulkResult),
        (status = 409, description = "The filter now matches another number of records", body = ErrorBody),
        InvalidField,
        EditRecordsOnly,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn bulk_basis(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<EditRecords>,
    ApiJson(body): ApiJson<BulkBasisChange>,
) -> Result<Json<BulkResult>, ApiError> {
    Ok(Json(
        records::bulk_change_basis(state.store.as_ref(), &session, body).await?,
    ))
}

/// A record's basis and consent events, oldest first.
#[utoipa::path(
    get,
    path = routes::RECORD_EVENTS,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 200, description = "Events", body = [PrivacyEvent]),
        ViewRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn events(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ViewRecords>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<Json<Vec<PrivacyEvent>>, ApiError> {
    Ok(Json(
        records::events(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}

/// The data-subject requests concerning a record, by due date.
#[utoipa::path(
    get,
    path = routes::RECORD_REQUESTS,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    responses(
        (status = 200, description = "Requests", body = [DataSubjectRequest]),
        ViewRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn requests(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<ReadRecordRequests>,
    ApiPath(id): ApiPath<RecordId>,
) -> Result<Json<Vec<DataSubjectRequest>>, ApiError> {
    Ok(Json(
        domain::requests::of_record(state.store.as_ref(), &session, id).await?,
    ))
}

/// Files a data-subject request received by e-mail, phone or in person for a record. It is
/// due one month after receipt (GDPR art. 12(3)).
#[utoipa::path(
    post,
    path = routes::RECORD_REQUESTS,
    tag = "records",
    params(("id" = RecordId, Path, description = "Record id")),
    request_body = NewRequest,
    responses(
        (status = 201, description = "Filed", body = DataSubjectRequest),
        InvalidField,
        EditRecordsOnly,
        NoSuchRecord,
    ),
    security(("session" = []), ("api_key" = []))
)]
async fn file_request(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<FileRequests>,
    ApiPath(id): ApiPath<RecordId>,
    ApiJson(body): ApiJson<NewRequest>,
) -> Result<(StatusCode, Json<DataSubjectRequest>), ApiError> {
    let request =
        domain::requests::file_on_record(state.store.as_ref(), &session, id, body).await?;
    Ok((StatusCode::CREATED, Json(request)))
}
