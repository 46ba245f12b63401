//! Consentry's words: every message and vocabulary name in English and Dutch, and an audit
//! entry's detail as labelled facts. The admin app shows them; the server writes them into
//! documents a regulator reads (the evidence report of a data-subject request).

pub mod audit_detail;
pub mod catalogue;
pub mod detail_keys;
pub mod names;
pub mod subject;

pub use catalogue::{Msg, text};
pub use detail_keys::{DetailKey, detail_key_name};
pub use names::*;
