//! `/api/v1/imports`: CSV import of records, run as a background job with progress.

use super::responses::EditRecordsOnly;
use std::sync::Arc;

use axum::{Json, extract::DefaultBodyLimit, extract::State, http::StatusCode};
use consentry_model::{
    ErrorBody, ModuleId,
    import::{ColumnMapping, ImportId, ImportProgress},
    routes,
};
use serde::{Deserialize, Serialize};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    error::ApiError,
    extract::{ApiPath, ApiQuery, Authorized, CsvBody, EditRecords, InPerson, parse_json},
};
use crate::domain::import::{self, ImportRequest};

/// Import routes; uploads may be larger than other requests.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start))
        .routes(routes!(progress))
        .layer(DefaultBodyLimit::max(super::bodies::MAX_IMPORT_BYTES))
}

/// Where to import and how to read the columns.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The module to import into.
    pub module: ModuleId,
    /// The file's name, recorded as the records' data source.
    pub file_name: String,
    /// A JSON `ColumnMapping`; without it, columns are mapped by their headers
    /// (`E-mail`, `Achternaam`, ...).
    pub mapping: Option<String>,
}

/// Starts importing a CSV file (UTF-8, comma- or semicolon-separated, header row first).
/// Rows that fail are skipped and reported with their row number and column; every batch of
/// rows is written in one transaction.
#[utoipa::path(
    post,
    path = routes::IMPORTS,
    tag = "imports",
    params(ImportQuery),
    request_body(content = String, content_type = "text/csv"),
    responses(
        (status = 202, description = "Started; poll the progress", body = ImportProgress),
        (status = 400, description = "The file or a parameter cannot be used", body = ErrorBody),
        (status = 413, description = "The file is larger than 25 MiB", body = ErrorBody),
        (status = 415, description = "Not sent as text/csv", body = ErrorBody),
        EditRecordsOnly,
    ),
    security(("session" = []))
)]
async fn start(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<EditRecords>>,
    ApiQuery(query): ApiQuery<ImportQuery>,
    CsvBody(bytes): CsvBody,
) -> Result<(StatusCode, Json<ImportProgress>), ApiError> {
    let mapping: ColumnMapping = match &query.mapping {
        Some(json) => parse_json(json.as_bytes()).map_err(|e| match e {
            ApiError::Invalid { field, message } => ApiError::Invalid {
                field: Some(field.map_or("mapping".into(), |f| format!("mapping.{f}"))),
                message,
            },
            _ => ApiError::Invalid {
                field: Some("mapping".into()),
                message: "The mapping is not valid JSON.".into(),
            },
        })?,
        None => ColumnMapping::default(),
    };
    let request = ImportRequest {
        organisation: session.organisation.id,
        module: query.module,
        file_name: query.file_name,
        actor_name: session.user.name.to_string(),
        actor_email: session.actor(),
    };
    let prepared = import::prepare(state.store.as_ref(), &request, &bytes, &mapping).await?;
    let started = prepared.progress.clone();
    // Still part of a keyed request: its rows are noted under the request's claim.
    tokio::spawn(crate::store::keyed::carry(import::run(
        Arc::clone(&state.store),
        request,
        prepared,
    )));
    Ok((StatusCode::ACCEPTED, Json(started)))
}

/// An import's progress and row errors. Kept in the database: after a server stop cut an
/// import off, it is `interrupted` and says which rows were imported and which were not.
#[utoipa::path(
    get,
    path = routes::IMPORT,
    tag = "imports",
    params(("id" = ImportId, Path, description = "Import id")),
    responses(
        (status = 200, description = "Progress", body = ImportProgress),
        (status = 404, description = "No such import in your organisation", body = ErrorBody),
        EditRecordsOnly,
    ),
    security(("session" = []))
)]
async fn progress(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<EditRecords>>,
    ApiPath(id): ApiPath<ImportId>,
) -> Result<Json<ImportProgress>, ApiError> {
    Ok(Json(
        crate::domain::jobs::import(state.store.as_ref(), session.organisation.id, id).await?,
    ))
}
