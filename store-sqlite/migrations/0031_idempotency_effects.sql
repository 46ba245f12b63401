-- The change a keyed request made, noted in the change's own transaction beside its audit
-- entry: a retry taking over a claim whose server was killed after the change committed (but
-- before its answer was kept) finds it here and refuses to make the change a second time.
-- Only a request's first entry is noted; forgotten with the keys, after a day.
CREATE TABLE idempotency_effects (
    claim_token BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL,
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    at INTEGER NOT NULL
) WITHOUT ROWID;
