//! Pieces shared by the pages.

pub mod audit_detail;
pub mod basis_choice;
pub mod bulk_consent;
pub mod chart;
pub mod confirm;
pub mod consent_request;
pub mod copy;
pub mod disclosure;
pub mod form;
pub mod icon;
pub mod language_switch;
pub mod notice;
pub mod progress;
pub mod record_fields;
pub mod requests;
pub mod sign_up;
pub mod table;
pub mod title;
pub mod toast;
pub mod widget;
