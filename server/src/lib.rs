//! Consentry's server: JSON API, admin SPA, public consent endpoints.
//!
//! Layers: [`http`] (axum handlers, thin) → [`domain`] (the GDPR rules) → [`store`] (SQL).

pub mod backoff;
pub mod backup;
pub mod config;
pub use consentry_store::{crypto, ledger};
pub mod domain;
pub mod http;
pub mod jws;
pub mod mail;
pub mod migrate_data;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod workers;

pub use config::Settings;
pub use startup::Application;
