//! Consentry's words: every message and vocabulary name of the admin app in English, Dutch,
//! German and French, and an audit entry's detail as labelled facts (the admin app shows them;
//! the server writes them into documents a regulator reads, the evidence report of a
//! data-subject request); and the data subject's words in every language of the EU and EEA
//! ([`subject`]).

pub mod audit_detail;
pub mod catalogue;
pub mod detail_keys;
pub mod figures;
pub mod names;
pub mod subject;

pub use catalogue::{Msg, text};
pub use detail_keys::{DetailKey, detail_key_name};
pub use names::*;
