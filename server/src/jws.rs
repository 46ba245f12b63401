//! Compact JWS signed with EdDSA (Ed25519): consent receipts and audit checkpoints.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize, de::DeserializeOwned};

#[derive(Serialize, Deserialize)]
struct Header {
    alg: String,
    typ: String,
    kid: String,
}

/// Why a JWS does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwsError {
    /// Not three base64url parts of JSON, or not of the expected type.
    #[error("not a compact JWS of the expected kind")]
    Malformed,
    /// Not signed with EdDSA.
    #[error("unsupported algorithm {0}")]
    Algorithm(String),
    /// The key id is not one of the given keys.
    #[error("unknown key {0}")]
    UnknownKey(String),
    /// The signature does not match the content: it was changed, or signed by another key.
    #[error("the signature does not match: it was altered or not signed by this key")]
    BadSignature,
}

fn base64_json<T: Serialize>(value: &T) -> String {
    // Structs of strings and numbers always serialise.
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap_or_default())
}

/// Signs `claims` as a compact JWS of type `typ` under key id `kid`.
pub fn sign<T: Serialize>(key: &SigningKey, kid: &str, typ: &str, claims: &T) -> String {
    let header = Header {
        alg: "EdDSA".into(),
        typ: typ.into(),
        kid: kid.into(),
    };
    let input = format!("{}.{}", base64_json(&header), base64_json(claims));
    let signature = key.sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// Checks a compact JWS against public keys by key id (and its type, when given) and returns
/// its claims.
pub fn verify<T: DeserializeOwned>(
    jws: &str,
    keys: &[(String, [u8; 32])],
    typ: Option<&str>,
) -> Result<T, JwsError> {
    let mut parts = jws.trim().split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwsError::Malformed);
    };
    let decode = |part: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| JwsError::Malformed)
    };
    let head: Header = serde_json::from_slice(&decode(header)?).map_err(|_| JwsError::Malformed)?;
    if head.alg != "EdDSA" {
        return Err(JwsError::Algorithm(head.alg));
    }
    if typ.is_some_and(|t| t != head.typ) {
        return Err(JwsError::Malformed);
    }
    let public = keys
        .iter()
        .find(|(kid, _)| *kid == head.kid)
        .map(|(_, key)| key)
        .ok_or_else(|| JwsError::UnknownKey(head.kid.clone()))?;
    let key = VerifyingKey::from_bytes(public).map_err(|_| JwsError::BadSignature)?;
    let signature: [u8; 64] = decode(signature)?
        .try_into()
        .map_err(|_| JwsError::Malformed)?;
    key.verify(
        format!("{header}.{payload}").as_bytes(),
        &Signature::from_bytes(&signature),
    )
    .map_err(|_| JwsError::BadSignature)?;
    serde_json::from_slice(&decode(payload)?).map_err(|_| JwsError::Malformed)
}

/// The claims of a JWS read without checking its signature (to pick what to check it
/// against).
pub fn unverified_claims<T: DeserializeOwned>(jws: &str) -> Option<T> {
    let payload = jws.trim().split('.').nth(1)?;
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}
