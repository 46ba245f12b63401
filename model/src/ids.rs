//! Typed identifiers. Public ids are random UUIDs so that one organisation cannot guess or
//! enumerate another's rows.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies an organisation (tenant). Every row of data belongs to exactly one.
    OrganisationId
);
id_type!(
    /// Identifies a user of the admin app.
    UserId
);
id_type!(
    /// Identifies a module (Leads, Contacts, Vendors, or a custom one).
    ModuleId
);
id_type!(
    /// Identifies a record: one data subject in one module.
    RecordId
);
id_type!(
    /// Identifies a field of a module (standard or custom).
    FieldId
);
id_type!(
    /// Identifies a data-subject request.
    RequestId
);
id_type!(
    /// Identifies a consent form.
    FormId
);
id_type!(
    /// Identifies an e-mail template.
    TemplateId
);
id_type!(
    /// Identifies a background encryption job.
    EncryptionJobId
);
id_type!(
    /// Identifies an API key.
    ApiKeyId
);
id_type!(
    /// Identifies a webhook subscription.
    WebhookId
);
