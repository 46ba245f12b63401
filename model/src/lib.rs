//! Consentry's typed vocabulary, shared by the browser app and the server.
//!
//! Everything here compiles for `wasm32-unknown-unknown` and the host and does no I/O. Values
//! that arrive from outside (JSON bodies, form fields) are parsed into newtypes at the boundary,
//! so code further in never sees an unchecked e-mail address or slug.

pub mod access;
pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod compliance;
pub mod consent;
pub mod encryption;
pub mod error;
pub mod exports;
pub mod fields;
pub mod forms;
pub mod handling;
pub mod ids;
pub mod import;
pub mod invisible;
pub mod lang;
pub mod lawful_reason;
pub mod notes;
pub mod records;
pub mod requests;
pub mod retention;
pub mod routes;
pub mod signup;
pub mod templates;
pub mod text;
pub mod webhooks;
pub mod widget;

pub use access::{Permission, Profile};
pub use compliance::{ComplianceSettings, ConsentStatus, LegalBasis, PendingProcessing};
pub use error::{ErrorBody, ErrorCode, FieldError};
pub use ids::{
    ApiKeyId, EncryptionJobId, FieldId, FormId, ModuleId, OrganisationId, RecordId, RequestId,
    TemplateId, UserId, WebhookId,
};
pub use lang::Lang;
pub use text::{Email, OrgSlug, OrganisationName, Password, PersonName};
