//! Every path of the API, defined once: the server routes and documents each one under
//! these names, and the browser apps call them through [`fill`]. A path's `{name}` segments
//! are its parameters, in the order [`fill`] takes their values.

/// `route` with each `{name}` segment replaced by the next of `values`: ids, tokens and slugs,
/// which are path-safe as they are. Extra values are ignored and missing ones leave their
/// segment as it is (a route the server does not answer, so a test catches it). Plain text,
/// not `Display`, keeps the public pages' download small.
pub fn fill(route: &str, values: &[&str]) -> String {
    let mut filled = String::with_capacity(route.len() + 40);
    let mut values = values.iter();
    let mut rest = route;
    while let Some((before, after)) = rest.split_once('{') {
        let Some((name, after)) = after.split_once('}') else {
            break;
        };
        filled.push_str(before);
        match values.next() {
            Some(value) => filled.push_str(value),
            None => {
                filled.push('{');
                filled.push_str(name);
                filled.push('}');
            }
        }
        rest = after;
    }
    filled.push_str(rest);
    filled
}

// The public API: the hosted pages, the widget and the privacy centre, without a session.

pub const PUBLIC_CONSENT: &str = "/api/public/consent/{token}";
pub const PUBLIC_CONSENT_RENEW: &str = "/api/public/consent/{token}/renew";
pub const PUBLIC_EXPORT: &str = "/api/public/exports/{token}";
pub const PUBLIC_PRIVACY_CHALLENGE: &str = "/api/public/privacy/challenges/{challenge}";
pub const PUBLIC_PRIVACY: &str = "/api/public/privacy/{organisation}";
pub const PUBLIC_RECEIPTS_VERIFY: &str = "/api/public/receipts/verify";
pub const PUBLIC_SIGN_UP: &str = "/api/public/sign-up/{organisation}/{form}";
pub const PUBLIC_SIGN_UP_CONFIRMATION: &str = "/api/public/sign-ups/{token}";
pub const PUBLIC_WORDS: &str = "/api/public/words/{lang}";
pub const PUBLIC_WIDGET: &str = "/api/public/widget/{organisation}/{form}";
pub const PUBLIC_WIDGET_DECISIONS: &str = "/api/public/widget/{organisation}/{form}/decisions";
/// Counts a banner shown.
pub const PUBLIC_WIDGET_IMPRESSIONS: &str = "/api/public/widget/{organisation}/{form}/impressions";

// The admin API: the admin app and integrations, with a session or an API key.

pub const API_KEYS: &str = "/api/v1/api-keys";
pub const API_KEY: &str = "/api/v1/api-keys/{id}";
pub const AUDIT: &str = "/api/v1/audit";
pub const AUDIT_ACTORS: &str = "/api/v1/audit/actors";
pub const AUDIT_COUNT: &str = "/api/v1/audit/count";
pub const AUDIT_EXPORT: &str = "/api/v1/audit/export";
pub const AUDIT_CHECKPOINTS: &str = "/api/v1/audit/checkpoints";
pub const AUDIT_CHECKPOINTS_LATEST: &str = "/api/v1/audit/checkpoints/latest";
pub const AUDIT_VERIFY: &str = "/api/v1/audit/verify";
pub const COMPLIANCE_CONTROLLER: &str = "/api/v1/compliance/controller";
pub const COMPLIANCE_OVERVIEW: &str = "/api/v1/compliance/overview";
pub const COMPLIANCE_SETTINGS: &str = "/api/v1/compliance/settings";
pub const ORGANISATION_LOCALE: &str = "/api/v1/organisation/locale";
pub const CONSENT_REQUESTS_BULK: &str = "/api/v1/consent-requests/bulk";
pub const CONSENT_REQUESTS_BULK_PROGRESS: &str = "/api/v1/consent-requests/bulk/{id}";
pub const EMAIL_TEMPLATES: &str = "/api/v1/email-templates";
pub const EMAIL_TEMPLATES_PREVIEW: &str = "/api/v1/email-templates/preview";
pub const EMAIL_TEMPLATE: &str = "/api/v1/email-templates/{id}";
pub const ENCRYPTION: &str = "/api/v1/encryption";
pub const FORMS: &str = "/api/v1/forms";
pub const FORM: &str = "/api/v1/forms/{id}";
pub const FORM_DRAFT: &str = "/api/v1/forms/{id}/draft";
pub const FORM_PUBLISH: &str = "/api/v1/forms/{id}/publish";
pub const FORM_REVERT: &str = "/api/v1/forms/{id}/revert";
pub const FORM_SIGN_UP: &str = "/api/v1/forms/{id}/sign-up";
pub const FORM_VERSIONS: &str = "/api/v1/forms/{id}/versions";
pub const FORM_VISITOR_CONSENTS: &str = "/api/v1/forms/{id}/visitor-consents";
pub const FORM_VISITOR_CONSENTS_SUMMARY: &str = "/api/v1/forms/{id}/visitor-consents/summary";
pub const FORM_WIDGET: &str = "/api/v1/forms/{id}/widget";
/// A form's banner figures (JSON, or CSV with `format=csv`).
pub const FORM_WIDGET_FIGURES: &str = "/api/v1/forms/{id}/widget/figures";
pub const IMPORTS: &str = "/api/v1/imports";
pub const IMPORT: &str = "/api/v1/imports/{id}";
pub const MODULES: &str = "/api/v1/modules";
pub const MODULE_COMPLIANCE: &str = "/api/v1/modules/{id}/compliance";
pub const MODULE_FIELDS: &str = "/api/v1/modules/{id}/fields";
pub const MODULE_FIELD: &str = "/api/v1/modules/{id}/fields/{field}";
pub const MODULE_FIELD_ENCRYPTION: &str = "/api/v1/modules/{id}/fields/{field}/encryption";
pub const OUTBOX: &str = "/api/v1/outbox";
pub const OUTBOX_RETRY_FAILED: &str = "/api/v1/outbox/retry-failed";
pub const OUTBOX_HAND_OVER: &str = "/api/v1/outbox/{id}/hand-over";
pub const OUTBOX_RETRY: &str = "/api/v1/outbox/{id}/retry";
pub const RECORDS: &str = "/api/v1/records";
pub const RECORDS_BULK_BASIS: &str = "/api/v1/records/bulk-basis";
pub const RECORDS_COUNT: &str = "/api/v1/records/count";
pub const RECORDS_EXPORT: &str = "/api/v1/records/export";
pub const RECORDS_EXPORT_PREFERENCES: &str = "/api/v1/records/export/preferences";
pub const RECORD: &str = "/api/v1/records/{id}";
pub const RECORD_BASIS: &str = "/api/v1/records/{id}/basis";
pub const RECORD_CONSENT: &str = "/api/v1/records/{id}/consent";
pub const RECORD_CONSENT_EVENTS: &str = "/api/v1/records/{id}/consent-events";
pub const RECORD_CONSENT_REQUESTS: &str = "/api/v1/records/{id}/consent-requests";
pub const RECORD_DATA_REQUEST_LINK: &str = "/api/v1/records/{id}/data-request-link";
pub const RECORD_EVENTS: &str = "/api/v1/records/{id}/events";
pub const RECORD_REQUESTS: &str = "/api/v1/records/{id}/requests";
pub const RECORD_RESUME_PROCESSING: &str = "/api/v1/records/{id}/resume-processing";
pub const RECORD_RETENTION: &str = "/api/v1/records/{id}/retention";
pub const RECORD_REVEAL: &str = "/api/v1/records/{id}/reveal";
pub const REQUESTS: &str = "/api/v1/requests";
pub const REQUEST: &str = "/api/v1/requests/{id}";
pub const REQUEST_ACTIONS: &str = "/api/v1/requests/{id}/actions";
pub const REQUEST_ERASE: &str = "/api/v1/requests/{id}/erase";
pub const REQUEST_EXPORT: &str = "/api/v1/requests/{id}/export";
pub const REQUEST_OBJECTION: &str = "/api/v1/requests/{id}/objection";
pub const REQUEST_RECTIFY: &str = "/api/v1/requests/{id}/rectify";
pub const REQUEST_REPORT: &str = "/api/v1/requests/{id}/report";
pub const REQUEST_STOP_PROCESSING: &str = "/api/v1/requests/{id}/stop-processing";
pub const RETENTION: &str = "/api/v1/retention";
pub const RETENTION_ERASE: &str = "/api/v1/retention/erase";
pub const RETENTION_RECORDS: &str = "/api/v1/retention/records";
pub const RETENTION_REVIEW: &str = "/api/v1/retention/review";
pub const SESSION: &str = "/api/v1/session";
pub const SETUP: &str = "/api/v1/setup";
pub const SUPPRESSIONS_CHECK: &str = "/api/v1/suppressions/check";
pub const USERS: &str = "/api/v1/users";
pub const USER: &str = "/api/v1/users/{id}";
pub const WEBHOOKS: &str = "/api/v1/webhooks";
pub const WEBHOOKS_DELIVERIES: &str = "/api/v1/webhooks/deliveries";
pub const WEBHOOK: &str = "/api/v1/webhooks/{id}";
pub const WEBHOOK_DELIVERY_RETRY: &str = "/api/v1/webhooks/{id}/deliveries/{delivery}/retry";

/// Every path above: the OpenAPI document lists exactly these.
pub const ALL: &[&str] = &[
    PUBLIC_CONSENT,
    PUBLIC_CONSENT_RENEW,
    PUBLIC_EXPORT,
    PUBLIC_PRIVACY_CHALLENGE,
    PUBLIC_PRIVACY,
    PUBLIC_RECEIPTS_VERIFY,
    PUBLIC_SIGN_UP,
    PUBLIC_SIGN_UP_CONFIRMATION,
    PUBLIC_WIDGET,
    PUBLIC_WIDGET_DECISIONS,
    PUBLIC_WIDGET_IMPRESSIONS,
    PUBLIC_WORDS,
    API_KEYS,
    API_KEY,
    AUDIT,
    AUDIT_ACTORS,
    AUDIT_COUNT,
    AUDIT_EXPORT,
    AUDIT_CHECKPOINTS,
    AUDIT_CHECKPOINTS_LATEST,
    AUDIT_VERIFY,
    COMPLIANCE_CONTROLLER,
    COMPLIANCE_OVERVIEW,
    COMPLIANCE_SETTINGS,
    ORGANISATION_LOCALE,
    CONSENT_REQUESTS_BULK,
    CONSENT_REQUESTS_BULK_PROGRESS,
    EMAIL_TEMPLATES,
    EMAIL_TEMPLATES_PREVIEW,
    EMAIL_TEMPLATE,
    ENCRYPTION,
    FORMS,
    FORM,
    FORM_DRAFT,
    FORM_PUBLISH,
    FORM_REVERT,
    FORM_SIGN_UP,
    FORM_VERSIONS,
    FORM_VISITOR_CONSENTS,
    FORM_VISITOR_CONSENTS_SUMMARY,
    FORM_WIDGET,
    FORM_WIDGET_FIGURES,
    IMPORTS,
    IMPORT,
    MODULES,
    MODULE_COMPLIANCE,
    MODULE_FIELDS,
    MODULE_FIELD,
    MODULE_FIELD_ENCRYPTION,
    OUTBOX,
    OUTBOX_RETRY_FAILED,
    OUTBOX_HAND_OVER,
    OUTBOX_RETRY,
    RECORDS,
    RECORDS_BULK_BASIS,
    RECORDS_COUNT,
    RECORDS_EXPORT,
    RECORDS_EXPORT_PREFERENCES,
    RECORD,
    RECORD_BASIS,
    RECORD_CONSENT,
    RECORD_CONSENT_EVENTS,
    RECORD_CONSENT_REQUESTS,
    RECORD_DATA_REQUEST_LINK,
    RECORD_EVENTS,
    RECORD_REQUESTS,
    RECORD_RESUME_PROCESSING,
    RECORD_RETENTION,
    RECORD_REVEAL,
    REQUESTS,
    REQUEST,
    REQUEST_ACTIONS,
    REQUEST_ERASE,
    REQUEST_EXPORT,
    REQUEST_OBJECTION,
    REQUEST_RECTIFY,
    REQUEST_REPORT,
    REQUEST_STOP_PROCESSING,
    RETENTION,
    RETENTION_ERASE,
    RETENTION_RECORDS,
    RETENTION_REVIEW,
    SESSION,
    SETUP,
    SUPPRESSIONS_CHECK,
    USERS,
    USER,
    WEBHOOKS,
    WEBHOOKS_DELIVERIES,
    WEBHOOK,
    WEBHOOK_DELIVERY_RETRY,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_is_filled_in_order_and_keeps_its_other_segments() {
        assert_eq!(
            fill(WEBHOOK_DELIVERY_RETRY, &["w1", "7"]),
            "/api/v1/webhooks/w1/deliveries/7/retry"
        );
        assert_eq!(fill(SESSION, &[]), SESSION);
        assert_eq!(fill(RECORD, &[]), "/api/v1/records/{id}");
    }

    #[test]
    fn every_path_is_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        assert!(ALL.iter().all(|path| seen.insert(*path)));
    }
}
