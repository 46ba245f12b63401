//! Keyset paging cursors: where a page ended, handed to the client as an opaque string and
//! read back from the next request. Opaque so the position's shape may change; checked so a
//! cursor that is none, or one of another list (other filters or order), is a 400 naming the
//! field rather than a page of something else.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};

use consentry_model::FieldError;

use super::{Error, Result};

/// What a cursor holds: the list it belongs to and where its page ended.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cursor<T> {
    /// A short digest of the list's filters and order.
    of: String,
    /// The last row's position.
    at: T,
}

/// A short digest of `list`: its filters and order, as JSON.
fn digest(list: &impl Serialize) -> String {
    let hash = Sha256::digest(serde_json::to_vec(list).unwrap_or_default());
    URL_SAFE_NO_PAD.encode(&hash[..9])
}

/// The cursor of a page of `list` (its filters and order) ending at `position`.
pub fn encode(list: &impl Serialize, position: impl Serialize) -> String {
    let cursor = Cursor {
        of: digest(list),
        at: position,
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&cursor).unwrap_or_default())
}

/// The position a cursor of `list`, passed as query parameter `field`, stands for.
pub fn decode<T: DeserializeOwned>(cursor: &str, list: &impl Serialize, field: &str) -> Result<T> {
    let refused = |message: &str| Error::Rejected {
        field: field.into(),
        message: message.into(),
    };
    let cursor: Cursor<T> = URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| {
            refused(
                "This is not a cursor of this list: pass the `next` of the previous page as it \
                 was given.",
            )
        })?;
    if cursor.of != digest(list) {
        return Err(refused(
            "This cursor belongs to another list: pass it with the same filters and order as \
             the page that gave it, or start again without one.",
        ));
    }
    Ok(cursor.at)
}

/// The page size asked for as `limit` (`default` when left out), refused by name outside
/// 1 to `max`.
pub fn page_size(limit: Option<u32>, default: u32, max: u32) -> Result<u32> {
    let limit = limit.unwrap_or(default);
    if (1..=max).contains(&limit) {
        return Ok(limit);
    }
    Err(Error::Invalid {
        field: "limit".into(),
        error: FieldError::OutOfRange { min: 1, max },
    })
}
