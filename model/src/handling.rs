//! Personal data handling preferences: which personal fields staff exports, API reads and
//! webhook payloads leave out. The data subject's own export always holds everything.
//! Webhook payloads, which leave the installation for another system, leave Sensitive
//! fields out unless the organisation chooses otherwise.

use serde::{Deserialize, Serialize};

use crate::{
    fields::{Field, Personal},
    records::RecordFields,
};

/// Where records go that personal fields may be left out of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Destination {
    /// CSV and JSON exports made by staff.
    Exports,
    /// Reads through the REST API with an API key.
    Api,
    /// Webhook payloads.
    Webhooks,
}

impl Destination {
    /// Every destination.
    pub const ALL: [Destination; 3] = [
        Destination::Exports,
        Destination::Api,
        Destination::Webhooks,
    ];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Destination::Exports => "exports",
            Destination::Api => "api",
            Destination::Webhooks => "webhooks",
        }
    }

    /// Parses a code written by [`Destination::code`].
    pub fn from_code(code: &str) -> Option<Destination> {
        Destination::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// Which personal fields one destination leaves out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// Nothing is left out.
    #[default]
    None,
    /// Every field marked Sensitive (the default for webhook payloads).
    Sensitive,
    /// Every field marked personal (Normal or Sensitive).
    AllPersonal,
    /// The personal fields marked for this destination in Modules and Fields.
    Chosen,
}

impl Exclusion {
    /// Every choice, from the most kept to the least.
    pub const ALL: [Exclusion; 4] = [
        Exclusion::None,
        Exclusion::Sensitive,
        Exclusion::AllPersonal,
        Exclusion::Chosen,
    ];

    /// Stable code, identical to the JSON form.
    pub fn code(self) -> &'static str {
        match self {
            Exclusion::None => "none",
            Exclusion::Sensitive => "sensitive",
            Exclusion::AllPersonal => "all_personal",
            Exclusion::Chosen => "chosen",
        }
    }

    /// Parses a code written by [`Exclusion::code`].
    pub fn from_code(code: &str) -> Option<Exclusion> {
        Exclusion::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// The personal data handling preferences (Setup > Compliance Settings). By default staff
/// exports and API reads keep everything and webhook payloads leave Sensitive fields out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalDataHandling {
    /// What staff exports (CSV, JSON) leave out.
    #[serde(default)]
    pub exports: Exclusion,
    /// What reads through the REST API with an API key leave out.
    #[serde(default)]
    pub api: Exclusion,
    /// What webhook payloads leave out (Sensitive fields unless chosen otherwise).
    #[serde(default = "Exclusion::webhooks_default")]
    pub webhooks: Exclusion,
}

impl Exclusion {
    /// The least personal default for webhook payloads: they leave the installation.
    pub fn webhooks_default() -> Exclusion {
        Exclusion::Sensitive
    }
}

impl Default for PersonalDataHandling {
    fn default() -> Self {
        Self {
            exports: Exclusion::None,
            api: Exclusion::None,
            webhooks: Exclusion::webhooks_default(),
        }
    }
}

impl PersonalDataHandling {
    /// The preference for one destination.
    pub fn for_destination(&self, destination: Destination) -> Exclusion {
        match destination {
            Destination::Exports => self.exports,
            Destination::Api => self.api,
            Destination::Webhooks => self.webhooks,
        }
    }

    /// Whether `destination` leaves `field` out.
    pub fn leaves_out(&self, destination: Destination, field: &Field) -> bool {
        field.personal != Personal::NotPersonal
            && match self.for_destination(destination) {
                Exclusion::None => false,
                Exclusion::Sensitive => field.personal == Personal::Sensitive,
                Exclusion::AllPersonal => true,
                Exclusion::Chosen => field.excluded_from.contains(&destination),
            }
    }

    /// Removes from `values` what `destination` leaves out, given the record's module's fields.
    pub fn strip(&self, destination: Destination, fields: &[Field], values: &mut RecordFields) {
        for field in fields.iter().filter(|f| self.leaves_out(destination, f)) {
            match field.key.as_str() {
                "first_name" => values.first_name = None,
                "last_name" => values.last_name = None,
                "email" => values.email = None,
                "phone" => values.phone = None,
                "company" => values.company = None,
                "country" => values.country = None,
                custom => {
                    values.custom.remove(custom);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Email, FieldId, fields::FieldKind, fields::FieldValue};

    fn field(key: &str, personal: Personal, excluded_from: Vec<Destination>) -> Field {
        Field {
            id: FieldId(uuid::Uuid::nil()),
            key: key.into(),
            label: key.into(),
            kind: FieldKind::Text,
            options: Vec::new(),
            required: false,
            standard: key != "diagnosis",
            personal,
            encryption: Default::default(),
            excluded_from,
        }
    }

    fn values() -> RecordFields {
        let mut v = RecordFields {
            first_name: Some("Jan".into()),
            email: Some(Email::parse("jan@example.nl").expect("email")),
            company: Some("Acme".into()),
            ..RecordFields::default()
        };
        v.custom
            .insert("diagnosis".into(), FieldValue::Text("flu".into()));
        v
    }

    #[test]
    fn each_destination_leaves_out_what_its_preference_says() {
        let fields = [
            field("first_name", Personal::Normal, vec![]),
            field("email", Personal::Normal, vec![Destination::Exports]),
            field("company", Personal::NotPersonal, vec![Destination::Exports]),
            field("diagnosis", Personal::Sensitive, vec![Destination::Api]),
        ];
        let handling = PersonalDataHandling {
            exports: Exclusion::Chosen,
            api: Exclusion::AllPersonal,
            webhooks: Exclusion::None,
        };
        let mut exported = values();
        handling.strip(Destination::Exports, &fields, &mut exported);
        assert_eq!(exported.first_name.as_deref(), Some("Jan"));
        assert_eq!(exported.email, None, "chosen for exports");
        assert_eq!(
            exported.company.as_deref(),
            Some("Acme"),
            "not personal: never left out"
        );
        assert!(exported.custom.contains_key("diagnosis"));

        let mut read = values();
        handling.strip(Destination::Api, &fields, &mut read);
        assert_eq!((read.first_name, read.email), (None, None));
        assert!(read.custom.is_empty());
        assert_eq!(read.company.as_deref(), Some("Acme"));

        let mut sent = values();
        handling.strip(Destination::Webhooks, &fields, &mut sent);
        assert_eq!(sent, values());

        let sensitive = PersonalDataHandling {
            webhooks: Exclusion::Sensitive,
            ..handling
        };
        let mut sent = values();
        sensitive.strip(Destination::Webhooks, &fields, &mut sent);
        assert!(sent.custom.is_empty(), "the Sensitive field is left out");
        assert_eq!(sent.first_name.as_deref(), Some("Jan"), "Normal stays");
        assert!(sent.email.is_some());
    }

    #[test]
    fn webhook_payloads_leave_sensitive_fields_out_by_default() {
        let handling = PersonalDataHandling::default();
        assert_eq!(handling.webhooks, Exclusion::Sensitive);
        assert_eq!(
            (handling.exports, handling.api),
            (Exclusion::None, Exclusion::None)
        );
        // A body that names no webhook preference gets the same default.
        let parsed: PersonalDataHandling =
            serde_json::from_str(r#"{"exports": "chosen"}"#).expect("json");
        assert_eq!(parsed.webhooks, Exclusion::Sensitive);
        for e in Exclusion::ALL {
            assert_eq!(Exclusion::from_code(e.code()), Some(e));
        }
    }
}
