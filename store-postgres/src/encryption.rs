//! Ported from `store-sqlite/src/encryption.rs`: being written.
