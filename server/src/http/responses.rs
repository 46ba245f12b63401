//! The answers many routes share, declared once for the OpenAPI document: a route lists the
//! set that applies (`responses((status = 200, ...), ManageComplianceSettingsOnly)`) and keeps
//! inline only what is its own.

use consentry_model::ErrorBody;
use utoipa::IntoResponses;

/// 401: a route for people signed in (or an API key).
#[derive(IntoResponses)]
#[response(status = 401, description = "Not signed in")]
pub struct NotSignedIn(#[allow(dead_code)] ErrorBody);

/// A route for people signed in whose profile has one permission: 401 without a session, 403
/// without the permission.
macro_rules! permission_answers {
    ($(#[$doc:meta] $name:ident => $lacks:literal;)*) => {$(
        #[$doc]
        #[derive(IntoResponses)]
        pub enum $name {
            /// No session.
            #[response(status = 401, description = "Not signed in")]
            NotSignedIn(#[allow(dead_code)] ErrorBody),
            /// The profile lacks the permission.
            #[response(status = 403, description = $lacks)]
            Forbidden(#[allow(dead_code)] ErrorBody),
        }
    )*};
}

permission_answers! {
    /// A route for Manage Compliance Settings.
    ManageComplianceSettingsOnly => "Lacks Manage Compliance Settings";
    /// A route for View Records.
    ViewRecordsOnly => "Lacks View Records";
    /// A route for Edit Records.
    EditRecordsOnly => "Lacks Edit Records";
    /// A route for Manage API Keys (administrators).
    ManageApiKeysOnly => "Lacks Manage API Keys (administrators)";
    /// A route for Manage Users.
    ManageUsersOnly => "Lacks Manage Users";
    /// A route for Manage Encryption (administrators).
    ManageEncryptionOnly => "Lacks Manage Encryption (administrators)";
}

/// 400: a field of the body breaks a rule; `field` names it.
#[derive(IntoResponses)]
#[response(status = 400, description = "A field is invalid")]
pub struct InvalidField(#[allow(dead_code)] ErrorBody);

/// 404 for a route about one record.
#[derive(IntoResponses)]
#[response(status = 404, description = "No such record in your organisation")]
pub struct NoSuchRecord(#[allow(dead_code)] ErrorBody);

/// 404 for a route about one data subject request.
#[derive(IntoResponses)]
#[response(status = 404, description = "No such request in your organisation")]
pub struct NoSuchRequest(#[allow(dead_code)] ErrorBody);

/// 404 for a route about one consent form.
#[derive(IntoResponses)]
#[response(status = 404, description = "No such form in your organisation")]
pub struct NoSuchForm(#[allow(dead_code)] ErrorBody);
