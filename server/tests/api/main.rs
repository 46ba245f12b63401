//! HTTP integration tests: each test starts the real server on a random port with its own
//! temporary SQLite file and talks to it over a socket.

mod helpers;
mod rows;

mod answers;
mod api_keys;
mod auth;
mod backup;
mod banner;
mod capacity;
mod connections;
mod consent;
mod crash;
mod csv_safety;
mod encryption;
mod erasure;
mod errors;
mod export;
mod fields;
mod forms;
mod handling;
mod idempotency;
mod idempotency_crash;
mod imports;
mod instances;
mod job_crash;
mod languages;
mod limits;
mod lists;
mod locale;
mod mail_delivery;
mod metrics;
mod migrate;
mod reasons;
mod records;
mod renewal;
mod requests;
mod retention;
mod signup;
mod spa;
mod templates;
mod unconfirmed;
mod users;
mod webhooks;
mod widget;
