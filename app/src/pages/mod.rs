//! One module per page.

pub mod account;
pub mod compliance;
pub mod first_run;
pub mod home;
pub mod shell;
pub mod sign_in;
pub mod users;
