//! The one typed client every page uses to talk to the server. Requests started under a
//! reactive owner are aborted when that owner is cleaned up (the page is left).

use consentry_model::{
    ComplianceSettings, ErrorBody, ErrorCode, FieldId, FormId, Lang, ModuleId, RecordId, RequestId,
    TemplateId, UserId,
    api_keys::{ApiKey, ApiKeyCreated, NewApiKey},
    audit::{AuditCheckpoint, AuditEntry, AuditFilter, AuditVerdict},
    auth::{NewUser, Session, SetupRequest, SetupStatus, SignInRequest, User, UserUpdate},
    compliance::{ControllerProfile, Overview},
    consent::{
        BulkConsentRequest, BulkSendProgress, ConsentRequest, ConsentRequestSent, HandedOver,
        Outbox, RetriedMessages,
    },
    encryption::{EncryptionJob, EncryptionStatus, Reveal, Revealed, SetEncryption},
    exports::{CsvSeparator, ExportPreferences},
    fields::{Field, FieldUpdate, NewField},
    forms::{ConsentForm, FormDesign, FormSummary, NewForm},
    import::{ColumnMapping, ImportId, ImportProgress},
    records::{
        BasisChange, BulkBasisChange, BulkResult, Module, ModuleCompliance, NewModule, NewRecord,
        PrivacyEvent, Record, RecordCount, RecordFields, RecordFilter, RecordPage, RecordSort,
    },
    requests::{
        DataSubjectRequest, NewRequest, ObjectionDecision, Rectification, RequestAction,
        RequestQuery, RequestQueue, ResumeProcessing,
    },
    routes,
    signup::SignUpSettings,
    templates::{EmailTemplate, RenderedMessage, TemplateContent, TemplatePreview},
    webhooks::{NewWebhook, Webhook, WebhookCreated, WebhookDelivery},
    widget::{BannerReport, VisitorConsentPage, VisitorConsentSummary, WidgetSettings},
};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::{Serialize, de::DeserializeOwned};

use crate::i18n::{Msg, text};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// The server could not be reached.
    Network,
    /// The server answered with an error status.
    Status {
        /// HTTP status.
        status: u16,
        /// The house error body, when the answer had one.
        body: Option<ErrorBody>,
    },
}

impl ApiFailure {
    /// The server's error code (`invalid_credentials`, `forbidden`, ...).
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiFailure::Status { body: Some(b), .. } => Some(b.error),
            _ => None,
        }
    }

    /// The request field the server named, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiFailure::Status { body: Some(b), .. } => b.field.as_deref(),
            _ => None,
        }
    }

    /// Whether the server could not answer for now (unreachable, restarting, busy): worth
    /// asking again shortly.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            ApiFailure::Network
                | ApiFailure::Status {
                    status: 502..=504,
                    ..
                }
        )
    }

    /// Whether the session is missing or expired.
    pub fn is_unauthenticated(&self) -> bool {
        self.code() == Some(ErrorCode::Unauthenticated)
    }

    /// A sentence for a person, in `lang`. Known codes are translated; otherwise the server's
    /// own (English) sentence is shown rather than nothing.
    pub fn message(&self, lang: Lang) -> String {
        let msg = match (self, self.code()) {
            (ApiFailure::Network, _) => Some(Msg::ErrorNetwork),
            (_, Some(ErrorCode::Unauthenticated)) => Some(Msg::ErrorSessionExpired),
            (_, Some(ErrorCode::InvalidCredentials)) => Some(Msg::ErrorInvalidCredentials),
            (_, Some(ErrorCode::Forbidden)) => Some(Msg::ErrorForbidden),
            (_, Some(ErrorCode::NotFound)) => Some(Msg::ErrorNotFound),
            (_, Some(ErrorCode::TooManyRequests)) => Some(Msg::ErrorTooManyRequests),
            (_, Some(ErrorCode::CrossSiteRequest)) => Some(Msg::ErrorCrossSite),
            (_, Some(ErrorCode::EmailTaken)) => Some(Msg::ErrorConflictEmail),
            (_, Some(ErrorCode::SlugTaken)) => Some(Msg::ErrorConflictSlug),
            (_, Some(ErrorCode::AlreadySetUp)) => Some(Msg::ErrorAlreadySetUp),
            (_, Some(ErrorCode::LastAdministrator)) => Some(Msg::ErrorLastAdministrator),
            (_, Some(ErrorCode::CannotRemoveSelf)) => Some(Msg::ErrorCannotRemoveSelf),
            (_, Some(ErrorCode::StopProcessing)) => Some(Msg::ErrorStopProcessing),
            (_, Some(ErrorCode::ComplianceDisabled)) => Some(Msg::ErrorComplianceDisabled),
            (_, Some(ErrorCode::CountChanged)) => Some(Msg::ErrorCountChanged),
            (_, Some(ErrorCode::LegalHold)) => Some(Msg::ErrorLegalHold),
            (_, Some(ErrorCode::NoRetentionPeriod)) => Some(Msg::ErrorNoRetentionPeriod),
            (_, Some(ErrorCode::ModuleTaken)) => Some(Msg::ErrorModuleTaken),
            (ApiFailure::Status { status, .. }, _) if *status >= 500 => Some(Msg::ErrorUnexpected),
            _ => None,
        };
        match (msg, self) {
            (Some(msg), _) => text(lang, msg).to_owned(),
            (None, ApiFailure::Status { body: Some(b), .. }) => b.message.clone(),
            (None, _) => text(lang, Msg::ErrorUnexpected).to_owned(),
        }
    }
}

/// Result of an API call.
pub type ApiResult<T> = Result<T, ApiFailure>;

/// Aborts the request when the current reactive owner (page, resource) is cleaned up.
fn abort_on_cleanup() -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let controller = SendWrapper::new(controller);
    on_cleanup(move || controller.abort());
    Some(signal)
}

async fn call(method: Method, path: &str, body: Option<String>) -> ApiResult<Response> {
    call_with(
        method,
        path,
        body.map(|json| ("application/json", wasm_bindgen::JsValue::from(json))),
    )
    .await
}

async fn call_with(
    method: Method,
    path: &str,
    body: Option<(&str, wasm_bindgen::JsValue)>,
) -> ApiResult<Response> {
    let signal = abort_on_cleanup();
    // The header proves to the server's CSRF check that the request came from our own pages.
    let builder = RequestBuilder::new(path)
        .method(method)
        .header("x-requested-with", "consentry")
        .header("accept", "application/json")
        .abort_signal(signal.as_ref());
    let request = match body {
        Some((content_type, body)) => builder
            .header("content-type", content_type)
            .body(body)
            .map_err(|_| ApiFailure::Network)?,
        None => builder.build().map_err(|_| ApiFailure::Network)?,
    };
    let response = request.send().await.map_err(|_| ApiFailure::Network)?;
    if response.ok() {
        Ok(response)
    } else {
        let status = response.status();
        let body = response.json::<ErrorBody>().await.ok();
        Err(ApiFailure::Status { status, body })
    }
}

async fn json<T: DeserializeOwned>(response: Response) -> ApiResult<T> {
    response.json::<T>().await.map_err(|_| ApiFailure::Status {
        status: response.status(),
        body: None,
    })
}

async fn get<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    json(call(Method::GET, path, None).await?).await
}

async fn send<B: Serialize, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: &B,
) -> ApiResult<T> {
    let body = serde_json::to_string(body).map_err(|_| ApiFailure::Network)?;
    json(call(method, path, Some(body)).await?).await
}

/// Whether the first-run page is needed.
pub async fn setup_status() -> ApiResult<SetupStatus> {
    get(routes::SETUP).await
}

/// Creates the first organisation and administrator; signs in.
pub async fn set_up(request: &SetupRequest) -> ApiResult<Session> {
    send(Method::POST, routes::SETUP, request).await
}

/// Signs in.
pub async fn sign_in(request: &SignInRequest) -> ApiResult<Session> {
    send(Method::POST, routes::SESSION, request).await
}

/// The current session.
pub async fn session() -> ApiResult<Session> {
    get(routes::SESSION).await
}

/// Signs out.
pub async fn sign_out() -> ApiResult<()> {
    call(Method::DELETE, routes::SESSION, None).await.map(drop)
}

/// The organisation's users.
pub async fn users() -> ApiResult<Vec<User>> {
    get(routes::USERS).await
}

/// Adds a user.
pub async fn add_user(user: &NewUser) -> ApiResult<User> {
    send(Method::POST, routes::USERS, user).await
}

/// Changes a user's profile.
pub async fn update_user(id: UserId, update: &UserUpdate) -> ApiResult<User> {
    send(
        Method::PATCH,
        &routes::fill(routes::USER, &[&id.to_string()]),
        update,
    )
    .await
}

/// Removes a user.
pub async fn remove_user(id: UserId) -> ApiResult<()> {
    call(
        Method::DELETE,
        &routes::fill(routes::USER, &[&id.to_string()]),
        None,
    )
    .await
    .map(drop)
}

/// The organisation's compliance settings.
pub async fn compliance_settings() -> ApiResult<ComplianceSettings> {
    get(routes::COMPLIANCE_SETTINGS).await
}

/// Saves the organisation's compliance settings.
pub async fn save_compliance_settings(
    settings: &ComplianceSettings,
) -> ApiResult<ComplianceSettings> {
    send(Method::PUT, routes::COMPLIANCE_SETTINGS, settings).await
}

/// The controller's details, as every receipt carries them.
pub async fn controller_profile() -> ApiResult<ControllerProfile> {
    get(routes::COMPLIANCE_CONTROLLER).await
}

/// Saves the controller's details.
pub async fn save_controller_profile(profile: &ControllerProfile) -> ApiResult<ControllerProfile> {
    send(Method::PUT, routes::COMPLIANCE_CONTROLLER, profile).await
}

/// Sets the organisation's language and time zone.
pub async fn save_locale(
    locale: &consentry_model::auth::OrganisationLocale,
) -> ApiResult<consentry_model::auth::OrganisationLocale> {
    send(Method::PUT, routes::ORGANISATION_LOCALE, locale).await
}

/// Query string of a record filter (`module=...&basis=...`), without the leading `?`.
pub fn filter_query(filter: &RecordFilter) -> String {
    let mut parts = Vec::new();
    let mut add = |key: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let encoded: String = js_sys::encode_uri_component(&v).into();
            parts.push(format!("{key}={encoded}"));
        }
    };
    add("module", filter.module.map(|m| m.to_string()));
    add("basis", filter.basis.map(|b| b.code().to_owned()));
    add(
        "consent_status",
        filter.consent_status.map(|s| s.code().to_owned()),
    );
    add(
        "source",
        filter.source.and_then(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
        }),
    );
    add("import", filter.import.map(|i| i.to_string()));
    add("renewal_due", filter.renewal_due.then(|| "true".to_owned()));
    add("q", filter.q.clone());
    add(
        "ids",
        Some(
            filter
                .ids
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(","),
        ),
    );
    parts.join("&")
}

/// The organisation's modules.
pub async fn modules() -> ApiResult<Vec<Module>> {
    get(routes::MODULES).await
}

/// Adds a custom module.
pub async fn add_module(module: &NewModule) -> ApiResult<Module> {
    send(Method::POST, routes::MODULES, module).await
}

/// Turns compliance on or off for a module.
pub async fn set_module_compliance(id: ModuleId, enabled: bool) -> ApiResult<Module> {
    let body = ModuleCompliance {
        compliance_enabled: enabled,
    };
    send(
        Method::PUT,
        &routes::fill(routes::MODULE_COMPLIANCE, &[&id.to_string()]),
        &body,
    )
    .await
}

/// A module's fields in form order.
pub async fn fields(module: ModuleId) -> ApiResult<Vec<Field>> {
    get(&routes::fill(routes::MODULE_FIELDS, &[&module.to_string()])).await
}

/// The organisation's API keys.
pub async fn api_keys() -> ApiResult<Vec<ApiKey>> {
    get(routes::API_KEYS).await
}

/// Creates an API key; the answer holds its secret, shown once.
pub async fn create_api_key(new: &NewApiKey) -> ApiResult<ApiKeyCreated> {
    send(Method::POST, routes::API_KEYS, new).await
}

/// Revokes an API key.
pub async fn revoke_api_key(id: consentry_model::ApiKeyId) -> ApiResult<ApiKey> {
    json(
        call(
            Method::DELETE,
            &routes::fill(routes::API_KEY, &[&id.to_string()]),
            None,
        )
        .await?,
    )
    .await
}

/// The webhook subscriptions.
pub async fn webhooks() -> ApiResult<Vec<Webhook>> {
    get(routes::WEBHOOKS).await
}

/// The latest webhook deliveries.
pub async fn webhook_deliveries() -> ApiResult<Vec<WebhookDelivery>> {
    get(routes::WEBHOOKS_DELIVERIES).await
}

/// Subscribes a URL; the answer holds the signing secret, shown once.
pub async fn create_webhook(new: &NewWebhook) -> ApiResult<WebhookCreated> {
    send(Method::POST, routes::WEBHOOKS, new).await
}

/// Queues a dead webhook delivery again (a fresh schedule, the same `webhook-id`).
pub async fn retry_webhook_delivery(
    webhook: consentry_model::WebhookId,
    delivery: uuid::Uuid,
) -> ApiResult<WebhookDelivery> {
    let path = routes::fill(
        routes::WEBHOOK_DELIVERY_RETRY,
        &[&webhook.to_string(), &delivery.to_string()],
    );
    json(call(Method::POST, &path, None).await?).await
}

/// Removes a subscription.
pub async fn delete_webhook(id: consentry_model::WebhookId) -> ApiResult<()> {
    call(
        Method::DELETE,
        &routes::fill(routes::WEBHOOK, &[&id.to_string()]),
        None,
    )
    .await
    .map(|_| ())
}

/// Switches a field's encryption at rest; the job brings the stored values along.
pub async fn set_encryption(
    module: ModuleId,
    field: FieldId,
    encrypted: bool,
) -> ApiResult<EncryptionJob> {
    send(
        Method::PUT,
        &routes::fill(
            routes::MODULE_FIELD_ENCRYPTION,
            &[&module.to_string(), &field.to_string()],
        ),
        &SetEncryption { encrypted },
    )
    .await
}

/// The data keys and recent encryption jobs.
pub async fn encryption_status() -> ApiResult<EncryptionStatus> {
    get(routes::ENCRYPTION).await
}

/// Shows a masked value in full (audited).
pub async fn reveal(record: RecordId, field: &str) -> ApiResult<Revealed> {
    send(
        Method::POST,
        &routes::fill(routes::RECORD_REVEAL, &[&record.to_string()]),
        &Reveal {
            field: field.to_owned(),
        },
    )
    .await
}

/// Adds a custom field to a module.
pub async fn add_field(module: ModuleId, field: &NewField) -> ApiResult<Field> {
    send(
        Method::POST,
        &routes::fill(routes::MODULE_FIELDS, &[&module.to_string()]),
        field,
    )
    .await
}

/// Changes a field.
pub async fn update_field(
    module: ModuleId,
    field: FieldId,
    update: &FieldUpdate,
) -> ApiResult<Field> {
    send(
        Method::PATCH,
        &routes::fill(
            routes::MODULE_FIELD,
            &[&module.to_string(), &field.to_string()],
        ),
        update,
    )
    .await
}

/// Removes a custom field and its values.
pub async fn delete_field(module: ModuleId, field: FieldId) -> ApiResult<()> {
    call(
        Method::DELETE,
        &routes::fill(
            routes::MODULE_FIELD,
            &[&module.to_string(), &field.to_string()],
        ),
        None,
    )
    .await
    .map(drop)
}

/// The organisation's consent forms.
pub async fn forms() -> ApiResult<Vec<FormSummary>> {
    get(routes::FORMS).await
}

/// Creates a consent form.
pub async fn create_form(form: &NewForm) -> ApiResult<ConsentForm> {
    send(Method::POST, routes::FORMS, form).await
}

/// One consent form.
pub async fn form(id: FormId) -> ApiResult<ConsentForm> {
    get(&routes::fill(routes::FORM, &[&id.to_string()])).await
}

/// Saves a form's draft.
pub async fn save_draft(id: FormId, draft: &FormDesign) -> ApiResult<ConsentForm> {
    send(
        Method::PUT,
        &routes::fill(routes::FORM_DRAFT, &[&id.to_string()]),
        draft,
    )
    .await
}

/// Publishes a form's draft.
pub async fn publish_form(id: FormId) -> ApiResult<ConsentForm> {
    json(
        call(
            Method::POST,
            &routes::fill(routes::FORM_PUBLISH, &[&id.to_string()]),
            None,
        )
        .await?,
    )
    .await
}

/// Sets which sites may embed a form and whether its banner drives Google Consent Mode.
pub async fn save_widget(id: FormId, settings: &WidgetSettings) -> ApiResult<ConsentForm> {
    send(
        Method::PUT,
        &routes::fill(routes::FORM_WIDGET, &[&id.to_string()]),
        settings,
    )
    .await
}

/// A form's consent log, newest first (or the decision with one receipt id).
pub async fn visitor_consent_log(
    id: FormId,
    receipt: Option<uuid::Uuid>,
    after: Option<&str>,
    limit: u32,
) -> ApiResult<VisitorConsentPage> {
    let mut query = format!("limit={limit}");
    if let Some(receipt) = receipt {
        query.push_str(&format!("&receipt={receipt}"));
    }
    if let Some(after) = after {
        query.push_str(&format!("&after={after}"));
    }
    let path = routes::fill(routes::FORM_VISITOR_CONSENTS, &[&id.to_string()]);
    get(&format!("{path}?{query}")).await
}

/// A form's banner figures over the last 30 days.
pub async fn banner_figures(id: FormId) -> ApiResult<BannerReport> {
    get(&routes::fill(
        routes::FORM_WIDGET_FIGURES,
        &[&id.to_string()],
    ))
    .await
}

/// How a form's banner has been answered.
pub async fn visitor_consents(id: FormId) -> ApiResult<VisitorConsentSummary> {
    get(&routes::fill(
        routes::FORM_VISITOR_CONSENTS_SUMMARY,
        &[&id.to_string()],
    ))
    .await
}

/// Sets where a form's sign-ups go and whether they need confirming.
pub async fn save_sign_up(id: FormId, settings: &SignUpSettings) -> ApiResult<ConsentForm> {
    send(
        Method::PUT,
        &routes::fill(routes::FORM_SIGN_UP, &[&id.to_string()]),
        settings,
    )
    .await
}

/// Throws a form's draft away.
pub async fn revert_form(id: FormId) -> ApiResult<ConsentForm> {
    json(
        call(
            Method::POST,
            &routes::fill(routes::FORM_REVERT, &[&id.to_string()]),
            None,
        )
        .await?,
    )
    .await
}

/// Sends a record a consent request for a published form, with a template's message.
pub async fn send_consent_request(
    id: RecordId,
    request: &ConsentRequest,
) -> ApiResult<ConsentRequestSent> {
    send(
        Method::POST,
        &routes::fill(routes::RECORD_CONSENT_REQUESTS, &[&id.to_string()]),
        request,
    )
    .await
}

/// A page of the request queue, soonest deadline first, with how many match.
pub async fn request_queue(query: &RequestQuery) -> ApiResult<RequestQueue> {
    let mut params = Vec::new();
    if let Some(kind) = query.kind {
        params.push(format!("kind={}", code(&kind)));
    }
    if let Some(status) = query.status {
        params.push(format!("status={}", code(&status)));
    }
    if query.open {
        params.push("open=true".to_owned());
    }
    if let Some(after) = &query.after {
        params.push(format!(
            "after={}",
            String::from(js_sys::encode_uri_component(after))
        ));
    }
    if let Some(limit) = query.limit {
        params.push(format!("limit={limit}"));
    }
    get(&format!("{}?{}", routes::REQUESTS, params.join("&"))).await
}

/// One request.
pub async fn request(id: RequestId) -> ApiResult<DataSubjectRequest> {
    get(&routes::fill(routes::REQUEST, &[&id.to_string()])).await
}

/// An action on a request.
pub async fn act_on_request(
    id: RequestId,
    action: &RequestAction,
) -> ApiResult<DataSubjectRequest> {
    send(
        Method::POST,
        &routes::fill(routes::REQUEST_ACTIONS, &[&id.to_string()]),
        action,
    )
    .await
}

/// Carries out a verified erasure request.
pub async fn erase_subject(id: RequestId) -> ApiResult<consentry_model::requests::Erased> {
    json(
        call(
            Method::POST,
            &routes::fill(routes::REQUEST_ERASE, &[&id.to_string()]),
            None,
        )
        .await?,
    )
    .await
}

/// Sends the requester the download link to their export.
pub async fn send_export(id: RequestId) -> ApiResult<DataSubjectRequest> {
    json(
        call(
            Method::POST,
            &routes::fill(routes::REQUEST_EXPORT, &[&id.to_string()]),
            None,
        )
        .await?,
    )
    .await
}

/// Carries out a verified stop-processing request.
pub async fn stop_processing(id: RequestId) -> ApiResult<DataSubjectRequest> {
    json(
        call(
            Method::POST,
            &routes::fill(routes::REQUEST_STOP_PROCESSING, &[&id.to_string()]),
            None,
        )
        .await?,
    )
    .await
}

/// Decides a verified objection.
pub async fn decide_objection(
    id: RequestId,
    decision: &ObjectionDecision,
) -> ApiResult<DataSubjectRequest> {
    send(
        Method::POST,
        &routes::fill(routes::REQUEST_OBJECTION, &[&id.to_string()]),
        decision,
    )
    .await
}

/// Applies a rectification request's correction to one of its records.
pub async fn rectify(id: RequestId, rectification: &Rectification) -> ApiResult<Record> {
    send(
        Method::POST,
        &routes::fill(routes::REQUEST_RECTIFY, &[&id.to_string()]),
        rectification,
    )
    .await
}

/// Mails a record's subject the privacy centre's address.
pub async fn send_data_request_link(id: RecordId) -> ApiResult<()> {
    call(
        Method::POST,
        &routes::fill(routes::RECORD_DATA_REQUEST_LINK, &[&id.to_string()]),
        None,
    )
    .await
    .map(drop)
}

/// Lifts stop processing on a record.
pub async fn resume_processing(id: RecordId, resume: &ResumeProcessing) -> ApiResult<Record> {
    send(
        Method::POST,
        &routes::fill(routes::RECORD_RESUME_PROCESSING, &[&id.to_string()]),
        resume,
    )
    .await
}

/// An enum value's wire code (`stop_processing`).
pub fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The organisation's e-mail templates.
pub async fn templates() -> ApiResult<Vec<EmailTemplate>> {
    get(routes::EMAIL_TEMPLATES).await
}

/// One e-mail template.
pub async fn template(id: TemplateId) -> ApiResult<EmailTemplate> {
    get(&routes::fill(routes::EMAIL_TEMPLATE, &[&id.to_string()])).await
}

/// Saves a template: a new one when `id` is `None`.
pub async fn save_template(
    id: Option<TemplateId>,
    content: &TemplateContent,
) -> ApiResult<EmailTemplate> {
    match id {
        Some(id) => {
            send(
                Method::PUT,
                &routes::fill(routes::EMAIL_TEMPLATE, &[&id.to_string()]),
                content,
            )
            .await
        }
        None => send(Method::POST, routes::EMAIL_TEMPLATES, content).await,
    }
}

/// Deletes a template.
pub async fn delete_template(id: TemplateId) -> ApiResult<()> {
    call(
        Method::DELETE,
        &routes::fill(routes::EMAIL_TEMPLATE, &[&id.to_string()]),
        None,
    )
    .await
    .map(drop)
}

/// A template rendered for a record.
pub async fn preview_template(preview: &TemplatePreview) -> ApiResult<RenderedMessage> {
    send(Method::POST, routes::EMAIL_TEMPLATES_PREVIEW, preview).await
}

/// Starts asking every record of a filtered list for consent.
pub async fn send_bulk_consent(request: &BulkConsentRequest) -> ApiResult<BulkSendProgress> {
    send(Method::POST, routes::CONSENT_REQUESTS_BULK, request).await
}

/// A bulk send's progress.
pub async fn bulk_consent_progress(id: uuid::Uuid) -> ApiResult<BulkSendProgress> {
    get(&routes::fill(
        routes::CONSENT_REQUESTS_BULK_PROGRESS,
        &[&id.to_string()],
    ))
    .await
}

/// The outbox, newest first, and whether an SMTP server delivers it.
pub async fn outbox(
    status: Option<consentry_model::consent::DeliveryStatus>,
    before: Option<&str>,
    limit: u32,
) -> ApiResult<Outbox> {
    let mut query = format!("{}?limit={limit}", routes::OUTBOX);
    if let Some(code) = status
        .and_then(|s| serde_json::to_value(s).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
    {
        query.push_str(&format!("&status={code}"));
    }
    if let Some(before) = before {
        query.push_str(&format!("&before={before}"));
    }
    get(&query).await
}

/// Queues a failed message again (a consent request whose link stopped working is sent anew
/// with a fresh link).
pub async fn retry_message(id: uuid::Uuid) -> ApiResult<RetriedMessages> {
    let path = routes::fill(routes::OUTBOX_RETRY, &[&id.to_string()]);
    json(call(Method::POST, &path, None).await?).await
}

/// Queues every failed message again.
pub async fn retry_failed_messages() -> ApiResult<RetriedMessages> {
    json(call(Method::POST, routes::OUTBOX_RETRY_FAILED, None).await?).await
}

/// Hands a message kept in the Outbox over to be sent by hand: its text with the link.
pub async fn hand_over_message(id: uuid::Uuid) -> ApiResult<HandedOver> {
    let path = routes::fill(routes::OUTBOX_HAND_OVER, &[&id.to_string()]);
    json(call(Method::POST, &path, None).await?).await
}

/// A page of records in `sort` order, after the cursor of the previous page.
pub async fn records(
    filter: &RecordFilter,
    sort: RecordSort,
    after: Option<&str>,
    limit: u32,
) -> ApiResult<RecordPage> {
    let mut query = filter_query(filter);
    query.push_str(&format!("&sort={}&limit={limit}", sort.code()));
    if let Some(after) = after {
        let encoded: String = js_sys::encode_uri_component(after).into();
        query.push_str(&format!("&after={encoded}"));
    }
    get(&format!("{}?{query}", routes::RECORDS)).await
}

/// Where the file of every record matching a filter downloads from (`csv` or `json`). A CSV
/// separator given is remembered for the user; without one the server takes the last chosen.
pub fn export_url(filter: &RecordFilter, format: &str, separator: Option<CsvSeparator>) -> String {
    let mut url = format!(
        "{}?{}&format={format}",
        routes::RECORDS_EXPORT,
        filter_query(filter)
    );
    if let Some(separator) = separator {
        url.push_str(&format!("&separator={}", separator.code()));
    }
    url
}

/// What the user chose on their last export.
pub async fn export_preferences() -> ApiResult<ExportPreferences> {
    get(routes::RECORDS_EXPORT_PREFERENCES).await
}

/// How many records match a filter.
pub async fn count_records(filter: &RecordFilter) -> ApiResult<RecordCount> {
    get(&format!(
        "{}?{}",
        routes::RECORDS_COUNT,
        filter_query(filter)
    ))
    .await
}

/// One record.
pub async fn record(id: RecordId) -> ApiResult<Record> {
    get(&routes::fill(routes::RECORD, &[&id.to_string()])).await
}

/// Creates a record.
pub async fn create_record(record: &NewRecord) -> ApiResult<Record> {
    send(Method::POST, routes::RECORDS, record).await
}

/// Replaces a record's fields.
pub async fn update_record(id: RecordId, fields: &RecordFields) -> ApiResult<Record> {
    send(
        Method::PUT,
        &routes::fill(routes::RECORD, &[&id.to_string()]),
        fields,
    )
    .await
}

/// Deletes a record.
pub async fn delete_record(id: RecordId) -> ApiResult<()> {
    call(
        Method::DELETE,
        &routes::fill(routes::RECORD, &[&id.to_string()]),
        None,
    )
    .await
    .map(drop)
}

/// Changes a record's basis.
pub async fn change_basis(id: RecordId, change: &BasisChange) -> ApiResult<Record> {
    send(
        Method::PUT,
        &routes::fill(routes::RECORD_BASIS, &[&id.to_string()]),
        change,
    )
    .await
}

/// Changes the basis of a filtered set.
pub async fn bulk_change_basis(bulk: &BulkBasisChange) -> ApiResult<BulkResult> {
    send(Method::POST, routes::RECORDS_BULK_BASIS, bulk).await
}

/// A record's privacy events.
pub async fn record_events(id: RecordId) -> ApiResult<Vec<PrivacyEvent>> {
    get(&routes::fill(routes::RECORD_EVENTS, &[&id.to_string()])).await
}

/// The data-subject requests concerning a record.
pub async fn record_requests(id: RecordId) -> ApiResult<Vec<DataSubjectRequest>> {
    get(&routes::fill(routes::RECORD_REQUESTS, &[&id.to_string()])).await
}

/// Files a request for a record.
pub async fn file_request(id: RecordId, request: &NewRequest) -> ApiResult<DataSubjectRequest> {
    send(
        Method::POST,
        &routes::fill(routes::RECORD_REQUESTS, &[&id.to_string()]),
        request,
    )
    .await
}

/// The Overview's numbers.
pub async fn overview() -> ApiResult<Overview> {
    get(routes::COMPLIANCE_OVERVIEW).await
}

/// An audit filter as a query string.
fn audit_query(filter: &AuditFilter) -> String {
    let mut parts = Vec::new();
    if let Some(action) = filter.action {
        parts.push(format!("action={}", action.code()));
    }
    if let Some(actor) = &filter.actor {
        let encoded: String = js_sys::encode_uri_component(actor).into();
        parts.push(format!("actor={encoded}"));
    }
    let moment =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if let Some(from) = filter.from {
        parts.push(format!("from={}", moment(from)));
    }
    if let Some(until) = filter.until {
        parts.push(format!("until={}", moment(until)));
    }
    parts.join("&")
}

/// A page of audit entries matching `filter`, newest first, before sequence number `before`.
pub async fn audit_entries(
    filter: &AuditFilter,
    before: Option<&str>,
    limit: u32,
) -> ApiResult<Vec<AuditEntry>> {
    let mut query = format!("{}?{}&limit={limit}", routes::AUDIT, audit_query(filter));
    if let Some(before) = before {
        query.push_str(&format!("&before={before}"));
    }
    get(&query).await
}

/// How many audit entries match `filter`.
pub async fn audit_count(filter: &AuditFilter) -> ApiResult<u64> {
    #[derive(serde::Deserialize)]
    struct Count {
        count: u64,
    }
    let counted: Count = get(&format!("{}?{}", routes::AUDIT_COUNT, audit_query(filter))).await?;
    Ok(counted.count)
}

/// Everyone in the audit trail, as it names them.
pub async fn audit_actors() -> ApiResult<Vec<String>> {
    get(routes::AUDIT_ACTORS).await
}

/// Where the CSV file of the entries matching `filter` downloads from.
pub fn audit_export_url(filter: &AuditFilter, separator: Option<CsvSeparator>) -> String {
    let mut url = format!("{}?{}", routes::AUDIT_EXPORT, audit_query(filter));
    if let Some(separator) = separator {
        url.push_str(&format!("&separator={}", separator.code()));
    }
    url
}

/// Verifies the audit chain.
pub async fn verify_audit() -> ApiResult<AuditVerdict> {
    get(routes::AUDIT_VERIFY).await
}

/// The audit trail's signed checkpoints, newest first.
pub async fn audit_checkpoints() -> ApiResult<Vec<AuditCheckpoint>> {
    get(routes::AUDIT_CHECKPOINTS).await
}

/// Signs the audit trail's head now; returns the newest checkpoint.
pub async fn sign_audit_checkpoint() -> ApiResult<AuditCheckpoint> {
    send(
        Method::POST,
        routes::AUDIT_CHECKPOINTS,
        &serde_json::json!({}),
    )
    .await
}

/// Where the newest checkpoint downloads from.
pub const LATEST_CHECKPOINT_URL: &str = routes::AUDIT_CHECKPOINTS_LATEST;

/// Starts importing a CSV file into a module.
pub async fn start_import(
    module: ModuleId,
    file: &web_sys::File,
    mapping: &ColumnMapping,
) -> ApiResult<ImportProgress> {
    let mapping = serde_json::to_string(mapping).map_err(|_| ApiFailure::Network)?;
    let path = format!(
        "{}?module={module}&file_name={}&mapping={}",
        routes::IMPORTS,
        String::from(js_sys::encode_uri_component(&file.name())),
        String::from(js_sys::encode_uri_component(&mapping)),
    );
    let body: &wasm_bindgen::JsValue = file.as_ref();
    json(call_with(Method::POST, &path, Some(("text/csv", body.clone()))).await?).await
}

/// An import's progress.
pub async fn import_progress(id: ImportId) -> ApiResult<ImportProgress> {
    get(&routes::fill(routes::IMPORT, &[&id.to_string()])).await
}

/// Where the retention review stands.
pub async fn retention_review() -> ApiResult<consentry_model::retention::RetentionReview> {
    get(routes::RETENTION).await
}

/// Reviews the records against the retention period now.
pub async fn review_retention_now() -> ApiResult<consentry_model::retention::RetentionReview> {
    json(call(Method::POST, routes::RETENTION_REVIEW, None).await?).await
}

/// A page of the records the review found lapsed (of one reason, or all).
pub async fn lapsed_records(
    reason: Option<consentry_model::retention::LapseReason>,
    after: Option<RecordId>,
) -> ApiResult<consentry_model::retention::LapsedPage> {
    let mut query = format!("{}?limit=50", routes::RETENTION_RECORDS);
    if let Some(reason) = reason {
        query.push_str(&format!("&reason={}", reason.code()));
    }
    if let Some(after) = after {
        query.push_str(&format!("&after={after}"));
    }
    get(&query).await
}

/// Erases the records the review found lapsed (of one reason, or all).
pub async fn erase_lapsed(
    order: &consentry_model::retention::RetentionErase,
) -> ApiResult<consentry_model::retention::RetentionErased> {
    send(Method::POST, routes::RETENTION_ERASE, order).await
}

/// A record's retention section (legal hold, contract end).
pub async fn record_retention(
    id: RecordId,
) -> ApiResult<consentry_model::retention::RecordRetention> {
    get(&routes::fill(routes::RECORD_RETENTION, &[&id.to_string()])).await
}

/// Replaces a record's retention section.
pub async fn save_record_retention(
    id: RecordId,
    change: &consentry_model::retention::RetentionChange,
) -> ApiResult<consentry_model::retention::RecordRetention> {
    send(
        Method::PUT,
        &routes::fill(routes::RECORD_RETENTION, &[&id.to_string()]),
        change,
    )
    .await
}
