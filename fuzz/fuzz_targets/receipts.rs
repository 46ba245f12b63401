//! The receipt verifier: compact JWS (EdDSA) checked against a fixed key set.
//!
//! The key set is `fuzz/fixtures/jwks.json`, which verifies the receipt in
//! `fuzz/fixtures/receipt.jws` (see the README there), plus a key of this target's own (fixed
//! bytes) to sign receipts with.
//!
//! The same input is read twice: as text to verify, and (through `arbitrary`) as a receipt
//! to sign plus changes to make to signed receipts.
//!
//! Invariants: nothing panics; the only texts that verify are receipts actually signed
//! (the fixture, or one signed here, byte for byte: no second spelling of a signature or
//! of its parts is accepted); a signed receipt verifies to exactly its claims; a signed
//! receipt with any one byte changed never verifies.

#![no_main]

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use consentry_server::{
    domain::receipts::{
        Receipt, ReceiptAddress, ReceiptController, ReceiptPurpose, ReceiptService, keys_from_jwks,
        sign, verify,
    },
    jws,
};
use ed25519_dalek::{Signer, SigningKey};
use libfuzzer_sys::fuzz_target;

const FIXTURE_JWKS: &str = include_str!("../fixtures/jwks.json");
const FIXTURE_RECEIPT: &str = include_str!("../fixtures/receipt.jws");
const OWN_KID: &str = "fuzz-key";

struct Fixed {
    own: SigningKey,
    keys: Vec<(String, [u8; 32])>,
    receipt: &'static str,
}

fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| {
        let own = SigningKey::from_bytes(&[0x42; 32]);
        let jwks: serde_json::Value = serde_json::from_str(FIXTURE_JWKS).expect("fixture JWKS");
        let mut keys = keys_from_jwks(&jwks);
        assert!(!keys.is_empty(), "the fixture JWKS has keys");
        keys.push((OWN_KID.into(), own.verifying_key().to_bytes()));
        let receipt = FIXTURE_RECEIPT.trim();
        verify(receipt, &keys).expect("the fixture receipt verifies");
        Fixed { own, keys, receipt }
    })
}

#[derive(Debug, Arbitrary)]
struct Purpose {
    purpose: String,
    category: String,
    required: bool,
    granted: bool,
    third_party: Option<String>,
}

#[derive(Debug, Arbitrary)]
struct SignedInput {
    id: String,
    principal: String,
    controller: String,
    language: String,
    timestamp: i64,
    form_version: u32,
    decision: String,
    purposes: Vec<Purpose>,
    /// Changes to make, each to one byte of a signed receipt: (position, new byte).
    changes: Vec<(u16, u8)>,
}

fn receipt_of(input: &SignedInput) -> Receipt {
    Receipt {
        version: "KI-CR-v1.1.0".into(),
        jurisdiction: "EU (GDPR)".into(),
        consent_timestamp: input.timestamp,
        collection_method: "Consentry hosted consent page".into(),
        consent_receipt_id: input.id.clone(),
        language: input.language.clone(),
        pii_principal_id: input.principal.clone(),
        pii_controllers: vec![ReceiptController {
            pii_controller: input.controller.clone(),
            contact: "Privacy officer".into(),
            address: ReceiptAddress::default(),
            email: "privacy@acme.example".into(),
            phone: "+31 20 123 4567".into(),
            pii_controller_url: None,
            url: None,
        }],
        policy_url: None,
        services: vec![ReceiptService {
            service: "Newsletter".into(),
            purposes: input
                .purposes
                .iter()
                .take(8)
                .map(|p| ReceiptPurpose {
                    purpose: p.purpose.clone(),
                    purpose_category: vec![p.category.clone()],
                    consent_type: "EXPLICIT".into(),
                    pii_category: vec!["Contact".into()],
                    primary_purpose: p.required,
                    termination: "When withdrawn".into(),
                    third_party_disclosure: p.third_party.is_some(),
                    third_party_name: p.third_party.clone(),
                    status: if p.granted { "granted" } else { "refused" }.into(),
                })
                .collect(),
        }],
        sensitive: false,
        spi_cat: Vec::new(),
        legal_basis: "dpv:Consent".into(),
        consent_status: "dpv:ConsentGiven".into(),
        form_version: input.form_version,
        text_hash: "ab".repeat(32),
        decision: input.decision.clone(),
    }
}

/// `jws` with the byte at `position` (modulo its length) replaced by another ASCII byte.
fn changed(jws: &str, position: u16, byte: u8) -> String {
    let mut bytes = jws.as_bytes().to_vec();
    let i = usize::from(position) % bytes.len();
    let old = bytes[i];
    bytes[i] = (old + 1 + byte % 127) % 128;
    assert_ne!(bytes[i], old);
    String::from_utf8(bytes).expect("ASCII stays UTF-8")
}

/// Whether `jws` is, byte for byte, a receipt that was really signed.
fn really_signed(jws: &str, fixed: &Fixed) -> bool {
    if jws == fixed.receipt {
        return true;
    }
    let Some((input, signature)) = jws.rsplit_once('.') else {
        return false;
    };
    let own = fixed.own.sign(input.as_bytes());
    signature == URL_SAFE_NO_PAD.encode(own.to_bytes())
}

fuzz_target!(|data: &[u8]| {
    let fixed = fixed();

    // Any text against the fixed keys.
    if let Ok(text) = std::str::from_utf8(data) {
        match verify(text, &fixed.keys) {
            Ok(receipt) => {
                assert!(really_signed(text.trim(), fixed), "forged: {text:?}");
                let again = verify(text.trim(), &fixed.keys);
                assert_eq!(again.as_ref(), Ok(&receipt));
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
        let _ = jws::verify::<serde_json::Value>(
            text,
            &fixed.keys,
            Some("consentry-audit-checkpoint+jwt"),
        );
        let _ = jws::unverified_claims::<Receipt>(text);
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            for (kid, _) in keys_from_jwks(&value) {
                assert!(
                    value
                        .to_string()
                        .contains(&serde_json::to_string(&kid).expect("json"))
                );
            }
        }
    }

    // A receipt signed here, and the fixture: verified as signed, refused once changed.
    let Ok(input) = SignedInput::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    let receipt = receipt_of(&input);
    let signed = sign(&fixed.own, OWN_KID, &receipt);
    assert_eq!(verify(&signed, &fixed.keys).as_ref(), Ok(&receipt));
    for (position, byte) in input.changes.iter().take(4) {
        for jws in [signed.as_str(), fixed.receipt] {
            let tampered = changed(jws, *position, *byte);
            assert!(
                verify(&tampered, &fixed.keys).is_err(),
                "a changed receipt verified: {tampered:?}"
            );
        }
    }
});
