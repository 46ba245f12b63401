-- The audit chain keeps ids and action names only. What an entry says beyond that (states
-- before and after, file names, filters, reasons) may be personal, so it lives in a detail row
-- the chain commits to through a salted hash: erasure can delete the detail while the chain
-- still verifies, and a later `audit.redacted` entry says which details went and why.
CREATE TABLE audit_details (
    organisation_id     BLOB NOT NULL,
    seq                 INTEGER NOT NULL,
    salt                BLOB NOT NULL CHECK (length(salt) = 16),
    before              TEXT,
    after               TEXT,
    PRIMARY KEY (organisation_id, seq)
) WITHOUT ROWID;

INSERT INTO audit_details (organisation_id, seq, salt, before, after)
SELECT organisation_id, seq, randomblob(16), before, after FROM audit_log
WHERE before IS NOT NULL OR after IS NOT NULL;

ALTER TABLE audit_log ADD COLUMN detail_hash BLOB;
ALTER TABLE audit_log DROP COLUMN before;
ALTER TABLE audit_log DROP COLUMN after;

-- The chains written before details moved out are hashed anew by the server at its next
-- start (their old heads are recorded in the first entry of the new chain).
CREATE TABLE audit_rechain (
    organisation_id     BLOB PRIMARY KEY NOT NULL,
    old_head            BLOB NOT NULL,
    old_entries         INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO audit_rechain (organisation_id, old_head, old_entries)
SELECT a.organisation_id, a.hash, a.seq FROM audit_log a
WHERE a.seq = (SELECT MAX(seq) FROM audit_log b WHERE b.organisation_id = a.organisation_id);

-- Append-only: an entry is never changed or removed by Consentry (a detail may be, by erasure).
CREATE TRIGGER audit_log_is_immutable BEFORE UPDATE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_rechain r WHERE r.organisation_id = OLD.organisation_id)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_is_kept BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Signed chain heads: the installation's audit key (derived from the master key, never stored)
-- signs an organisation's head at intervals and on demand. A copy goes to subscribed webhooks
-- and can be downloaded, so entries cut off after it or a chain hashed anew are noticed.
CREATE TABLE audit_checkpoints (
    organisation_id     BLOB NOT NULL,
    seq                 INTEGER NOT NULL,
    head                BLOB NOT NULL CHECK (length(head) = 32),
    at                  INTEGER NOT NULL,
    jws                 TEXT NOT NULL,
    PRIMARY KEY (organisation_id, seq)
) WITHOUT ROWID;
