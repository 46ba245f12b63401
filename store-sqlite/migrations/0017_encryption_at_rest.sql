-- Encryption at rest. Data keys are stored wrapped (AES-256-GCM) under the master key, which
-- lives outside the database. The newest 'values' key seals new values; older ones stay until
-- no value uses them. The one 'index' key makes the blind index of encrypted e-mail addresses.
CREATE TABLE data_keys (
    id                  INTEGER PRIMARY KEY,
    purpose             TEXT NOT NULL CHECK (purpose IN ('values', 'index')),
    wrapped             BLOB NOT NULL,
    created_at          INTEGER NOT NULL
);

-- Per field: off, on, or on its way (existing values being sealed or opened by a job).
ALTER TABLE module_fields ADD COLUMN encryption TEXT NOT NULL DEFAULT 'off'
    CHECK (encryption IN ('off', 'encrypting', 'on', 'decrypting'));

-- HMAC-SHA256 of the normalised address under the index key, while the e-mail is encrypted:
-- exact-match lookups use it instead of the (sealed) address.
ALTER TABLE records ADD COLUMN email_index BLOB;
CREATE INDEX records_by_email_index ON records(organisation_id, email_index)
    WHERE email_index IS NOT NULL;

-- Background work over every record: sealing or opening one field's values, or re-sealing
-- everything under the newest key (organisation_id NULL: the whole installation).
CREATE TABLE encryption_jobs (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB REFERENCES organisations(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('encrypt', 'decrypt', 'rotate')),
    field_id            BLOB REFERENCES module_fields(id) ON DELETE CASCADE,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'running', 'finished',
                            'failed')),
    total               INTEGER NOT NULL DEFAULT 0,
    done                INTEGER NOT NULL DEFAULT 0,
    detail              TEXT,
    started_by          TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    finished_at         INTEGER,
    CHECK ((kind = 'rotate') = (field_id IS NULL))
);
CREATE INDEX encryption_jobs_open ON encryption_jobs(status) WHERE status IN ('pending', 'running');
