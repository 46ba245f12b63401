//! Ported from `store-sqlite/src/templates.rs`: being written.
