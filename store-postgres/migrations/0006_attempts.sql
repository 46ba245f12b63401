-- The abuse limits' attempts, shared by every instance: one row per attempt still counting.
-- Keys are stored as a keyed hash (they hold client and e-mail addresses). UNLOGGED: no WAL
-- is written for them and a crash empties the table, which forgets recent attempts as an
-- instance's restart used to.
CREATE UNLOGGED TABLE attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_hash bytea NOT NULL,
    until timestamptz NOT NULL
);
CREATE INDEX attempts_by_key ON attempts (key_hash, until);
CREATE INDEX attempts_by_end ON attempts (until);
