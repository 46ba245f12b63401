//! Ported from `store-sqlite/src/group.rs`: being written.
