//! The OpenAPI 3.1 document, assembled from the `#[utoipa::path]` of every routed handler.

use std::collections::HashMap;

use utoipa::{
    Modify, OpenApi,
    openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use super::session::SESSION_COOKIE;

/// Title, version and security schemes; the paths come from the routers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Consentry API",
        description = "GDPR/AVG compliance and consent management: organisations, users, \
                       compliance settings. Errors always answer with an `ErrorBody`.",
    ),
    modifiers(&SecuritySchemes),
    // Enums used only in query parameters, referenced by name there.
    components(schemas(
        consentry_model::Lang,
        consentry_model::audit::AuditAction,
        consentry_model::records::RecordSort,
        crate::domain::staff_export::ExportFormat,
    )),
    tags(
        (name = "setup", description = "First run"),
        (name = "session", description = "Signing in and out"),
        (name = "users", description = "Users and profiles"),
        (name = "compliance", description = "Setup > Compliance Settings"),
        (name = "modules", description = "Modules and their compliance switch"),
        (name = "records", description = "Records and their Data Privacy section"),
        (name = "audit", description = "The hash-chained audit trail"),
        (name = "imports", description = "CSV import of records"),
        (name = "forms", description = "Consent forms, their drafts and published versions"),
        (name = "consent", description = "Consent requests, the outbox and the hosted consent page"),
        (name = "templates", description = "E-mail templates carrying consent links"),
        (name = "requests", description = "Data-subject requests: the queue and the privacy centre"),
        (name = "retention", description = "Storage limitation: the retention review, legal holds and the erasure of lapsed records"),
        (name = "encryption", description = "Encryption at rest: fields, background jobs, data keys"),
        (name = "api-keys", description = "API keys for integrators (Bearer authentication)"),
        (name = "webhooks", description = "Webhook subscriptions and their delivery log"),
        (name = "widget", description = "The embeddable widget: its public configuration and banner decisions (CORS per form), and where a form may be embedded"),
    )
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                SESSION_COOKIE,
                "Session cookie set by POST /api/v1/session. Writes also need the header \
                 `X-Requested-With: consentry`.",
            ))),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API key from Setup > API keys: `Authorization: Bearer ck_…`. Each \
                         route needs one scope (records:read, records:write, consent:read, consent:write, \
                         dsr:read, dsr:write, settings:read).",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as served: what the shared layers answer, and operation ids that are unique.
pub fn served(doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    with_operation_ids(with_idempotency_keys(doc))
}

/// The methods each documented path answers, as an `Allow` header lists them (`GET, POST`),
/// by the path as routed (`/api/v1/users/{id}`).
pub fn methods_by_path(doc: &utoipa::openapi::OpenApi) -> HashMap<String, String> {
    doc.paths
        .paths
        .iter()
        .map(|(path, item)| {
            let methods: Vec<&str> = [
                ("GET", item.get.is_some()),
                ("POST", item.post.is_some()),
                ("PUT", item.put.is_some()),
                ("PATCH", item.patch.is_some()),
                ("DELETE", item.delete.is_some()),
            ]
            .into_iter()
            .filter_map(|(method, answered)| answered.then_some(method))
            .collect();
            (path.clone(), methods.join(", "))
        })
        .collect()
}

/// Names every operation after its method and path (`delete_v1_users_id`): handler names
/// repeat across resources (`get_one`, `update`), and OpenAPI wants each id once.
fn with_operation_ids(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for (path, item) in doc.paths.paths.iter_mut() {
        let words: Vec<&str> = path
            .trim_start_matches("/api/")
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let name = words.join("_");
        let operations = [
            ("get", item.get.as_mut()),
            ("post", item.post.as_mut()),
            ("put", item.put.as_mut()),
            ("patch", item.patch.as_mut()),
            ("delete", item.delete.as_mut()),
        ];
        for (method, operation) in operations {
            if let Some(operation) = operation {
                operation.operation_id = Some(format!("{method}_{name}"));
            }
        }
    }
    doc
}

/// Documents what the shared layers answer on every route: 503 past the request timeout,
/// 400/415/408 for any body, and
/// the optional `Idempotency-Key` header on every POST under `/api/v1` with its answers (400
/// for a malformed key, 409 for a reused or running one).
fn with_idempotency_keys(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::{
        Ref, Required,
        path::{ParameterBuilder, ParameterIn},
        response::ResponseBuilder,
        schema::{ObjectBuilder, Type},
    };
    let error = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                utoipa::openapi::ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build()
    };
    for (path, item) in doc.paths.paths.iter_mut() {
        // Any request may run past the request timeout.
        for operation in [
            item.get.as_mut(),
            item.post.as_mut(),
            item.put.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            operation
                .responses
                .responses
                .entry("503".into())
                .or_insert_with(|| {
                    error(
                        "request_timeout: not answered within the request timeout (30 s by \
                         default), reading the body included",
                    )
                    .into()
                });
        }
        // Every JSON body may be malformed (400) or not JSON at all (415).
        for operation in [item.post.as_mut(), item.put.as_mut(), item.patch.as_mut()]
            .into_iter()
            .flatten()
            .filter(|o| o.request_body.is_some())
        {
            let responses = &mut operation.responses.responses;
            responses
                .entry("400".into())
                .or_insert_with(|| error("The body is not valid: `field` names the part").into());
            responses
                .entry("415".into())
                .or_insert_with(|| error("Not sent as application/json").into());
            responses.entry("408".into()).or_insert_with(|| {
                error(
                    "body_too_slow: the body arrived slower than the minimum rate (1 KiB/s by \
                     default, after 10 s); the connection is closed",
                )
                .into()
            });
        }
        if !path.starts_with("/api/v1/") {
            continue;
        }
        if let Some(post) = item.post.as_mut() {
            let parameter = ParameterBuilder::new()
                .name("Idempotency-Key")
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(
                    "1–255 visible ASCII characters (0x21–0x7E; no spaces), unique per \
                     request, such as a UUID; anything else answers 400 naming the header. A \
                     retry with the same key gets the first answer again (with \
                     `Idempotent-Replayed: true`) instead of a second write; the same key with \
                     another request answers 409 `idempotency_key_reused`; while the first \
                     still runs, 409 `idempotency_in_progress`. A request runs to its end even \
                     when its client hangs up; a key whose request never finished (its server \
                     was stopped) is free again after the lease (60 s by default), unless that \
                     request had already made its change: then every retry answers 409 \
                     `idempotency_interrupted`, naming the change's audit entry, and the change \
                     is never made twice. When the first answer concerned a data subject \
                     erased since, the retry answers 410 `subject_erased` instead.",
                ))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .max_length(Some(255)),
                ))
                .build();
            post.parameters.get_or_insert_with(Vec::new).push(parameter);
            let responses = &mut post.responses.responses;
            responses
                .entry("400".into())
                .or_insert_with(|| error("A malformed Idempotency-Key").into());
            responses.entry("409".into()).or_insert_with(|| {
                error("idempotency_key_reused, idempotency_in_progress or idempotency_interrupted")
                    .into()
            });
            responses.entry("410".into()).or_insert_with(|| {
                error("subject_erased: a retry of a request whose subject was erased since").into()
            });
        }
    }
    doc
}
