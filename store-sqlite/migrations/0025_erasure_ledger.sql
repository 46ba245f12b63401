-- Entries of the erasure ledger (a file kept outside the database, beside the key file) that
-- this database has applied. A restored backup lacks the entries written after it was taken,
-- so every start replays exactly those; a normal start finds nothing to do.
CREATE TABLE erasure_ledger_applied (
    entry_id            BLOB PRIMARY KEY NOT NULL,
    applied_at          INTEGER NOT NULL
) WITHOUT ROWID;
