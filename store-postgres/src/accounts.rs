//! Ported from `store-sqlite/src/accounts.rs`: being written.
