-- Idempotency-Key: the first answer to a POST, kept a day per caller (a hash of their API key
-- or session) and key; a retry gets it again instead of a second write. `status` is NULL
-- while the first request is still running.
CREATE TABLE idempotency_keys (
    caller              BLOB NOT NULL,
    key                 TEXT NOT NULL,
    fingerprint         BLOB NOT NULL,
    status              INTEGER,
    content_type        TEXT,
    body                BLOB,
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (caller, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
