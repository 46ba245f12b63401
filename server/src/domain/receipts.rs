//! Signed consent receipts: for every consent event, a receipt in the structure of the
//! Kantara Consent Receipt 1.1 (the basis of ISO/IEC TS 27560), signed with the
//! organisation's Ed25519 key as a compact JWS. Anyone holding the receipt can check it
//! against the public keys at `/.well-known/consentry/jwks.json`.

use argon2::password_hash::rand_core::OsRng;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};

use super::{Error, Result};
use crate::store::Store;
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use consentry_model::{
    ConsentStatus, ErrorCode, ModuleId, OrganisationId, RecordId,
    consent::{ConsentOutcome, ReceiptSummary},
    fields::{Field, FieldKind, Personal},
    forms::{FormDesign, FormLang, PurposeCategory},
};
use uuid::Uuid;

/// One purpose of a receipt, with what the subject decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptPurpose {
    /// The purpose's title in the language the subject read.
    pub purpose: String,
    /// Kantara CR 1.1's purpose category (from a fixed list, see [`purpose_category`]).
    pub purpose_category: Vec<String>,
    /// Always explicit: a ticked box.
    pub consent_type: String,
    /// The categories of personal data the purpose covers (see [`PiiCoverage`]).
    #[serde(default)]
    pub pii_category: Vec<String>,
    /// Whether it was required.
    pub primary_purpose: bool,
    /// How consent ends.
    pub termination: String,
    /// Whether data goes to third parties (purposes of selling or sharing).
    pub third_party_disclosure: bool,
    /// To whom, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_name: Option<String>,
    /// `granted` or `refused`.
    pub status: String,
}

/// A service (here: a consent form) and its purposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptService {
    /// The form's name.
    pub service: String,
    /// Its purposes.
    pub purposes: Vec<ReceiptPurpose>,
}

/// A postal address, with schema.org `PostalAddress` names (CR 1.1's `address` is an
/// object).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptAddress {
    /// Street and number.
    pub street_address: String,
    /// Postal code.
    pub postal_code: String,
    /// Town or city.
    pub address_locality: String,
    /// ISO 3166-1 alpha-2 country code.
    pub address_country: String,
}

/// The controller: its name and the contact details of the organisation's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptController {
    /// Its name.
    pub pii_controller: String,
    /// Whom to contact.
    #[serde(default)]
    pub contact: String,
    /// Its postal address.
    #[serde(default)]
    pub address: ReceiptAddress,
    /// Its e-mail address.
    #[serde(default)]
    pub email: String,
    /// Its phone number.
    #[serde(default)]
    pub phone: String,
    /// Its website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pii_controller_url: Option<String>,
    /// The privacy policy, as receipts before CR 1.1's controller fields named it (read
    /// only, so older receipts still verify).
    #[serde(default, skip_serializing)]
    pub url: Option<String>,
}

/// A consent receipt's claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    /// The receipt specification.
    pub version: String,
    /// The law that applies.
    pub jurisdiction: String,
    /// When consent was given or refused (Unix seconds).
    pub consent_timestamp: i64,
    /// How it was collected.
    pub collection_method: String,
    /// The receipt's id: the consent event's id.
    #[serde(rename = "consentReceiptID")]
    pub consent_receipt_id: String,
    /// The language the subject read.
    pub language: String,
    /// The data subject, as the record's id (no personal data in the receipt).
    pub pii_principal_id: String,
    /// The controller.
    pub pii_controllers: Vec<ReceiptController>,
    /// The privacy policy: the form's, or else the controller's website.
    pub policy_url: Option<String>,
    /// The form and the decisions.
    pub services: Vec<ReceiptService>,
    /// Whether sensitive data (GDPR art. 9) is involved.
    pub sensitive: bool,
    /// Which sensitive data: the labels of the sensitive fields (when `sensitive`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spi_cat: Vec<String>,
    /// The legal basis, a W3C Data Privacy Vocabulary term: `dpv:Consent`.
    #[serde(default)]
    pub legal_basis: String,
    /// The decision as a DPV consent status: `dpv:ConsentGiven`, `dpv:ConsentRefused` or
    /// `dpv:ConsentWithdrawn`.
    #[serde(default)]
    pub consent_status: String,
    /// The published form version the subject read.
    pub form_version: u32,
    /// SHA-256 of that version's text.
    pub text_hash: String,
    /// The decision: `granted`, `refused` or `withdrawn`.
    pub decision: String,
}

/// The DPV consent status of a decision.
pub fn dpv_status(decision: &str) -> &'static str {
    match decision {
        "granted" => "dpv:ConsentGiven",
        "withdrawn" => "dpv:ConsentWithdrawn",
        _ => "dpv:ConsentRefused",
    }
}

/// Kantara CR 1.1's purpose category (its list in the specification's appendix) of a
/// purpose, from what the form says it is for and whether it is required — never its key.
pub fn purpose_category(category: PurposeCategory, required: bool) -> &'static str {
    match (category, required) {
        (PurposeCategory::Analytics, _) => "Improve Performance",
        (PurposeCategory::Advertising, _) => "Marketing",
        (PurposeCategory::SaleOrSharing, _) => "Sharing for Marketing",
        // Required: the form cannot be answered without it, it is what the service is.
        (PurposeCategory::General, true) => "Core Function",
        (PurposeCategory::General, false) => "Marketing",
    }
}

/// What personal data a form's answers cover: the Kantara PII categories of the personal
/// fields of the module it writes to, and the labels of its sensitive fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PiiCoverage {
    /// Kantara PII categories, e.g. `Contact`, `Biographical`.
    pub categories: Vec<String>,
    /// Labels of sensitive fields (GDPR art. 9), for `spiCat`.
    pub sensitive: Vec<String>,
}

impl PiiCoverage {
    /// The coverage of a module's fields.
    pub fn of_fields(fields: &[Field]) -> PiiCoverage {
        let mut categories = BTreeSet::new();
        let mut sensitive = Vec::new();
        for field in fields {
            if field.personal == Personal::NotPersonal {
                continue;
            }
            categories.insert(match field.kind {
                FieldKind::Email | FieldKind::Phone => "Contact",
                _ => "Biographical",
            });
            if field.personal == Personal::Sensitive {
                sensitive.push(field.label.clone());
            }
        }
        // Consent is asked and confirmed by e-mail: even a module whose fields are all
        // marked not personal holds the subject's contact details.
        if categories.is_empty() {
            categories.insert("Contact");
        }
        PiiCoverage {
            categories: categories.into_iter().map(str::to_owned).collect(),
            sensitive,
        }
    }

    /// An anonymous site visitor's banner decision: the site's tags read device and
    /// browsing data.
    pub fn site_visitor() -> PiiCoverage {
        PiiCoverage {
            categories: vec!["Network/Service".into(), "Behavioural".into()],
            sensitive: Vec::new(),
        }
    }
}

/// Whose data an answer is about, for what the receipt says it covers.
#[derive(Debug, Clone, Copy)]
pub enum Covered {
    /// A record (its module's fields).
    Record(RecordId),
    /// A new record of a module.
    Module(ModuleId),
    /// An anonymous site visitor.
    SiteVisitor,
}

/// What a receipt needs beyond the answer: the controller and the data covered.
#[derive(Debug, Clone)]
pub struct ReceiptContext {
    /// The controller, with its profile's contact details.
    pub controller: ReceiptController,
    /// The personal data covered.
    pub pii: PiiCoverage,
}

/// Loads the controller's details and the data an answer covers. A form cannot be
/// published without a complete controller profile; only a form published before the
/// profile existed gets here without one, and then the receipt names the organisation as
/// contact, its first administrator's address, and says the rest was not provided.
pub async fn context(
    store: &dyn Store,
    organisation: OrganisationId,
    organisation_name: &str,
    covered: Covered,
) -> Result<ReceiptContext> {
    let profile = store.controller_profile(organisation).await?;
    let or_missing = |value: &str| {
        if value.is_empty() {
            NOT_PROVIDED.to_owned()
        } else {
            value.to_owned()
        }
    };
    let email = if profile.email.is_empty() {
        store
            .administrator_email(organisation)
            .await?
            .unwrap_or_else(|| NOT_PROVIDED.to_owned())
    } else {
        profile.email.clone()
    };
    let controller = ReceiptController {
        pii_controller: organisation_name.to_owned(),
        contact: if profile.contact.is_empty() {
            organisation_name.to_owned()
        } else {
            profile.contact.clone()
        },
        address: ReceiptAddress {
            street_address: or_missing(&profile.street_address),
            postal_code: or_missing(&profile.postal_code),
            address_locality: or_missing(&profile.locality),
            address_country: or_missing(&profile.country),
        },
        email,
        phone: or_missing(&profile.phone),
        pii_controller_url: Some(profile.url.clone()).filter(|u| !u.is_empty()),
        url: None,
    };
    let module = match covered {
        Covered::Record(id) => store.record(organisation, id).await?.map(|r| r.module_id),
        Covered::Module(id) => Some(id),
        Covered::SiteVisitor => None,
    };
    let pii = match module {
        Some(module) => PiiCoverage::of_fields(
            &store
                .fields(organisation, module)
                .await?
                .unwrap_or_default(),
        ),
        None => PiiCoverage::site_visitor(),
    };
    Ok(ReceiptContext { controller, pii })
}

/// What a receipt says of a contact detail an older organisation never filled in.
const NOT_PROVIDED: &str = "not provided by the controller";

/// What a subject answered, as a receipt tells it.
#[derive(Debug, Clone, Copy)]
pub struct Answered<'a> {
    /// The controller and the data covered.
    pub context: &'a ReceiptContext,
    /// Who answered, without personal data: a record's id, or "anonymous site visitor".
    pub principal: &'a str,
    /// The form's name.
    pub form_name: &'a str,
    /// The version's design.
    pub design: &'a FormDesign,
    /// The version read.
    pub version: u32,
    /// Its text hash.
    pub text_hash: &'a str,
    /// The language read.
    pub lang: &'a FormLang,
    /// The status it led to.
    pub status: ConsentStatus,
    /// The purposes granted.
    pub granted: &'a BTreeSet<String>,
    /// `granted`, `refused` or `withdrawn`.
    pub decision: &'a str,
}

impl Receipt {
    /// The receipt of consent event `id`, collected by `method` at `at`.
    pub fn of(answer: Answered<'_>, id: Uuid, at: DateTime<Utc>, method: &str) -> Receipt {
        let design = answer.design;
        let texts = design.texts_for(Some(answer.lang)).map(|(_, t)| t);
        let controller = answer.context.controller.clone();
        let policy_url = design
            .policy_url
            .clone()
            .or_else(|| controller.pii_controller_url.clone())
            .or_else(|| Some(NOT_PROVIDED.to_owned()));
        let pii = &answer.context.pii;
        Receipt {
            version: "KI-CR-v1.1.0".into(),
            jurisdiction: "EU (GDPR)".into(),
            consent_timestamp: at.timestamp(),
            collection_method: method.into(),
            consent_receipt_id: id.to_string(),
            language: answer.lang.to_string(),
            pii_principal_id: answer.principal.to_owned(),
            pii_controllers: vec![controller],
            services: vec![ReceiptService {
                service: answer.form_name.to_owned(),
                purposes: design
                    .purposes
                    .iter()
                    .map(|p| {
                        let shared = p.category == PurposeCategory::SaleOrSharing;
                        ReceiptPurpose {
                            purpose: texts
                                .and_then(|t| t.purposes.get(&p.key))
                                .map(|t| t.title.clone())
                                .unwrap_or_else(|| p.key.clone()),
                            purpose_category: vec![
                                purpose_category(p.category, p.required).to_owned(),
                            ],
                            consent_type: "EXPLICIT".into(),
                            pii_category: pii.categories.clone(),
                            primary_purpose: p.required,
                            termination: "When withdrawn through the consent link or on request"
                                .into(),
                            third_party_disclosure: shared,
                            third_party_name: shared.then(|| {
                                format!(
                                    "The recipients named in the privacy policy ({})",
                                    policy_url.as_deref().unwrap_or("ask the controller")
                                )
                            }),
                            status: if answer.status == ConsentStatus::Obtained
                                && answer.granted.contains(&p.key)
                            {
                                "granted".into()
                            } else {
                                "refused".into()
                            },
                        }
                    })
                    .collect(),
            }],
            policy_url,
            sensitive: !pii.sensitive.is_empty(),
            spi_cat: pii.sensitive.clone(),
            legal_basis: "dpv:Consent".into(),
            consent_status: dpv_status(answer.decision).into(),
            form_version: answer.version,
            text_hash: answer.text_hash.to_owned(),
            decision: answer.decision.to_owned(),
        }
    }
}

/// Why a receipt does not verify.
pub type ReceiptError = crate::jws::JwsError;

/// The `typ` of a receipt's JWS header.
const RECEIPT_TYPE: &str = "JWT";

/// Signs a receipt as a compact JWS.
pub fn sign(key: &SigningKey, kid: &str, receipt: &Receipt) -> String {
    crate::jws::sign(key, kid, RECEIPT_TYPE, receipt)
}

/// What a subject is told once their answer is recorded (on the consent page or through a
/// sign-up): the status it led to and its receipt, signed with the organisation's key
/// `(kid, key)`. The receipt's id is the consent event's.
pub fn issue(
    (kid, key): &(String, SigningKey),
    answered: Answered<'_>,
    event_id: Uuid,
    at: DateTime<Utc>,
    method: &str,
    link_usable: bool,
) -> ConsentOutcome {
    let receipt = Receipt::of(answered, event_id, at, method);
    ConsentOutcome {
        status: answered.status,
        event_id,
        link_usable,
        receipt: sign(key, kid, &receipt),
    }
}

/// Checks a compact JWS against public keys by key id; returns the receipt's claims.
pub fn verify(
    jws: &str,
    keys: &[(String, [u8; 32])],
) -> std::result::Result<Receipt, ReceiptError> {
    crate::jws::verify(jws, keys, None)
}

/// The organisation's signing key, created on first use.
pub async fn organisation_key(
    store: &dyn Store,
    organisation: OrganisationId,
) -> Result<(String, SigningKey)> {
    if let Some((kid, secret)) = store.signing_key(organisation).await? {
        return Ok((kid, SigningKey::from_bytes(&secret)));
    }
    let key = SigningKey::generate(&mut OsRng);
    let kid = format!(
        "{}-{}",
        organisation.0.simple(),
        uuid::Uuid::now_v7().simple()
    );
    store
        .insert_signing_key(
            organisation,
            &kid,
            &key.to_bytes(),
            key.verifying_key().as_bytes(),
        )
        .await?;
    // Another request may have created one first; the stored key is the one that counts.
    let (kid, secret) = store
        .signing_key(organisation)
        .await?
        .ok_or_else(|| Error::Internal("signing key vanished".into()))?;
    Ok((kid, SigningKey::from_bytes(&secret)))
}

/// The public keys as a JSON Web Key Set.
pub async fn jwks(store: &dyn Store) -> Result<serde_json::Value> {
    let keys: Vec<serde_json::Value> = store
        .public_keys()
        .await?
        .into_iter()
        .map(|(kid, public)| {
            serde_json::json!({
                "kty": "OKP", "crv": "Ed25519", "use": "sig", "alg": "EdDSA",
                "kid": kid, "x": URL_SAFE_NO_PAD.encode(public),
            })
        })
        .collect();
    Ok(serde_json::json!({ "keys": keys }))
}

/// Checks a receipt against this installation's keys; what it says, or why not.
pub async fn check(store: &dyn Store, jws: &str) -> Result<ReceiptSummary> {
    let keys = store.public_keys().await?;
    let receipt = verify(jws, &keys).map_err(|e| Error::Conflict {
        code: ErrorCode::ReceiptInvalid,
        field: Some("receipt"),
        message: format!("This receipt does not verify: {e}."),
    })?;
    Ok(ReceiptSummary {
        receipt_id: receipt.consent_receipt_id,
        controller: receipt
            .pii_controllers
            .first()
            .map(|c| c.pii_controller.clone())
            .unwrap_or_default(),
        at: chrono::DateTime::from_timestamp(receipt.consent_timestamp, 0)
            .unwrap_or_default()
            .format("%Y-%m-%d %H:%M UTC")
            .to_string(),
        decision: receipt.decision,
        purposes: receipt
            .services
            .into_iter()
            .flat_map(|s| s.purposes)
            .map(|p| (p.purpose, p.status))
            .collect(),
        form_version: receipt.form_version,
        text_hash: receipt.text_hash,
    })
}

/// Public keys from a JSON Web Key Set (as served at the well-known URL).
pub fn keys_from_jwks(jwks: &serde_json::Value) -> Vec<(String, [u8; 32])> {
    jwks["keys"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|k| {
            let kid = k["kid"].as_str()?.to_owned();
            let x: [u8; 32] = URL_SAFE_NO_PAD
                .decode(k["x"].as_str()?)
                .ok()?
                .try_into()
                .ok()?;
            Some((kid, x))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_get_a_kantara_category_and_decisions_a_dpv_status() {
        assert_eq!(
            purpose_category(PurposeCategory::General, true),
            "Core Function"
        );
        assert_eq!(
            purpose_category(PurposeCategory::Analytics, false),
            "Improve Performance"
        );
        assert_eq!(dpv_status("granted"), "dpv:ConsentGiven");
        assert_eq!(dpv_status("refused"), "dpv:ConsentRefused");
        assert_eq!(dpv_status("withdrawn"), "dpv:ConsentWithdrawn");
    }

    fn receipt() -> Receipt {
        Receipt {
            version: "KI-CR-v1.1.0".into(),
            jurisdiction: "EU (GDPR)".into(),
            consent_timestamp: 1_780_000_000,
            collection_method: "Consentry hosted consent page".into(),
            consent_receipt_id: "0190".into(),
            language: "nl".into(),
            pii_principal_id: "record".into(),
            pii_controllers: vec![ReceiptController {
                pii_controller: "Acme B.V.".into(),
                contact: "Privacy officer".into(),
                address: ReceiptAddress::default(),
                email: "privacy@acme.example".into(),
                phone: "+31 20 123 4567".into(),
                pii_controller_url: Some("https://acme.example".into()),
                url: None,
            }],
            policy_url: None,
            services: vec![],
            sensitive: false,
            spi_cat: vec![],
            legal_basis: "dpv:Consent".into(),
            consent_status: "dpv:ConsentGiven".into(),
            form_version: 1,
            text_hash: "ab".repeat(32),
            decision: "granted".into(),
        }
    }

    #[test]
    fn a_signed_receipt_verifies_and_any_changed_byte_breaks_it() {
        let key = SigningKey::generate(&mut OsRng);
        let keys = vec![("k1".to_owned(), key.verifying_key().to_bytes())];
        let jws = sign(&key, "k1", &receipt());
        assert_eq!(verify(&jws, &keys), Ok(receipt()));
        // Change one character of every part in turn (keeping it valid base64url).
        for position in [3, jws.find('.').map_or(0, |p| p + 5), jws.len() - 3] {
            let mut bytes = jws.clone().into_bytes();
            bytes[position] = if bytes[position] == b'A' { b'B' } else { b'A' };
            let tampered = String::from_utf8(bytes).expect("ascii");
            assert!(verify(&tampered, &keys).is_err(), "changed at {position}");
        }
        let other = SigningKey::generate(&mut OsRng);
        let forged = sign(&other, "k1", &receipt());
        assert_eq!(verify(&forged, &keys), Err(ReceiptError::BadSignature));
        assert_eq!(
            verify(&jws, &[]),
            Err(ReceiptError::UnknownKey("k1".into()))
        );
    }
}
