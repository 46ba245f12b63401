-- The request queue: an extended deadline with its reason (art. 12(3): up to two more
-- months), why a request was refused, and who closed it and when.
ALTER TABLE data_subject_requests ADD COLUMN extended_due_on TEXT;
ALTER TABLE data_subject_requests ADD COLUMN extension_reason TEXT;
ALTER TABLE data_subject_requests ADD COLUMN rejection_reason TEXT;
ALTER TABLE data_subject_requests ADD COLUMN closed_by TEXT;
ALTER TABLE data_subject_requests ADD COLUMN closed_on TEXT;
CREATE INDEX requests_by_status ON data_subject_requests(organisation_id, status, due_on);

-- A request made in the privacy centre, waiting for its requester to prove control of the
-- address with the code mailed to it. The code is stored as SHA-256(challenge id || code).
CREATE TABLE privacy_challenges (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email               TEXT NOT NULL,
    kind                TEXT NOT NULL,
    details             TEXT,
    lang                TEXT NOT NULL,
    code_hash           BLOB NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    used_at             INTEGER
) WITHOUT ROWID;
CREATE INDEX privacy_challenges_by_expiry ON privacy_challenges(expires_at);
