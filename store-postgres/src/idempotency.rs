//! Ported from `store-sqlite/src/idempotency.rs`: being written.
