//! Profiles (roles) and the permissions they grant.

use serde::{Deserialize, Serialize};

/// Something a user may be allowed to do. Every admin route checks one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// "Manage Compliance Settings": everything under Setup > Compliance Settings.
    ManageComplianceSettings,
    /// Add users, change their profile, remove them.
    ManageUsers,
    /// Read records and their Data Privacy section.
    ViewRecords,
    /// Create, edit and delete records.
    EditRecords,
    /// See the values of fields classified Sensitive; without it they are masked, and
    /// revealing one is audited.
    ViewSensitiveFields,
    /// Switch encryption at rest on or off for a field.
    ManageEncryption,
    /// Create and revoke API keys.
    ManageApiKeys,
}

impl Permission {
    /// Every permission, for listings.
    pub const ALL: [Permission; 7] = [
        Permission::ManageComplianceSettings,
        Permission::ManageUsers,
        Permission::ViewRecords,
        Permission::EditRecords,
        Permission::ViewSensitiveFields,
        Permission::ManageEncryption,
        Permission::ManageApiKeys,
    ];

    /// The permission's name as shown in Zoho-style profile screens.
    pub fn label(self) -> &'static str {
        match self {
            Permission::ManageComplianceSettings => "Manage Compliance Settings",
            Permission::ManageUsers => "Manage Users",
            Permission::ViewRecords => "View Records",
            Permission::EditRecords => "Edit Records",
            Permission::ViewSensitiveFields => "View Sensitive Fields",
            Permission::ManageEncryption => "Manage Encryption",
            Permission::ManageApiKeys => "Manage API Keys",
        }
    }
}

/// A user's profile: a fixed bundle of permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Has every permission.
    Administrator,
    /// Works with records; no settings.
    Standard,
    /// Reads records; changes nothing.
    ReadOnly,
}

impl Profile {
    /// Every profile, most powerful first.
    pub const ALL: [Profile; 3] = [Profile::Administrator, Profile::Standard, Profile::ReadOnly];

    /// The permissions this profile grants.
    pub fn permissions(self) -> &'static [Permission] {
        match self {
            Profile::Administrator => &Permission::ALL,
            Profile::Standard => &[Permission::ViewRecords, Permission::EditRecords],
            Profile::ReadOnly => &[Permission::ViewRecords],
        }
    }

    /// Whether this profile grants `permission`.
    pub fn has(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }

    /// Stable storage code (`administrator`, `standard`, `read_only`).
    pub fn code(self) -> &'static str {
        match self {
            Profile::Administrator => "administrator",
            Profile::Standard => "standard",
            Profile::ReadOnly => "read_only",
        }
    }

    /// Parses a storage code written by [`Profile::code`].
    pub fn from_code(code: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn administrator_has_every_permission_and_others_no_settings() {
        for permission in Permission::ALL {
            assert!(Profile::Administrator.has(permission));
        }
        assert!(!Profile::Standard.has(Permission::ManageComplianceSettings));
        assert!(Profile::Standard.has(Permission::EditRecords));
        assert!(!Profile::ReadOnly.has(Permission::EditRecords));
        assert!(Profile::ReadOnly.has(Permission::ViewRecords));
    }

    #[test]
    fn profile_codes_round_trip_and_match_serde() {
        for profile in Profile::ALL {
            assert_eq!(Profile::from_code(profile.code()), Some(profile));
            let json = serde_json::to_string(&profile).expect("serializes");
            assert_eq!(json, format!("\"{}\"", profile.code()));
        }
        assert_eq!(
            serde_json::to_string(&Permission::ManageComplianceSettings).expect("serializes"),
            "\"manage_compliance_settings\""
        );
    }
}
