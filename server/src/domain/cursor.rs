//! Keyset paging cursors: where a page ended, handed to the client as an opaque string and
//! read back from the next request. Opaque so the position's shape may change; checked so a
//! made-up or foreign cursor is a 400 naming the field, never a wrong page.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Serialize, de::DeserializeOwned};

use super::{Error, Result};

/// The cursor of a page ending at `position`.
pub fn encode(position: &impl Serialize) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(position).unwrap_or_default())
}

/// The position a cursor passed as query parameter `field` stands for.
pub fn decode<T: DeserializeOwned>(cursor: &str, field: &str) -> Result<T> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or(Error::Rejected {
            field: field.into(),
            message: "This is not a cursor of this list: pass the `next` of the previous page \
                      as it was given, with the same filters and order."
                .into(),
        })
}
