//! Ported from `store-sqlite/src/signup.rs`: being written.
