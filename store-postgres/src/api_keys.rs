//! Ported from `store-sqlite/src/api_keys.rs`: being written.
