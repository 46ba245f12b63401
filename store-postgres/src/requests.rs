//! Ported from `store-sqlite/src/requests.rs`: being written.
