//! One module per page.

pub mod account;
pub mod api_keys;
pub mod audit;
pub mod compliance;
pub mod fields;
pub mod first_run;
pub mod form_editor;
pub mod forms;
pub mod home;
pub mod import;
pub mod outbox;
pub mod overview;
pub mod record;
pub mod records;
pub mod requests;
pub mod retention;
pub mod shell;
pub mod sign_in;
pub mod templates;
pub mod users;
