-- Erasure (art. 17). A record named here was erased: its evidence rows may go with it (the
-- triggers below refuse every other deletion). Kept: which request erased it, and when.
CREATE TABLE erased_records (
    organisation_id     BLOB NOT NULL,
    record_id           BLOB NOT NULL,
    request_id          BLOB NOT NULL,
    erased_at           INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, record_id)
) WITHOUT ROWID;

DROP TRIGGER privacy_events_are_kept;
CREATE TRIGGER privacy_events_are_kept BEFORE DELETE ON privacy_events
WHEN NOT EXISTS (SELECT 1 FROM erased_records e
                 WHERE e.organisation_id = OLD.organisation_id AND e.record_id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'privacy events are append-only (except of an erased record)'); END;

DROP TRIGGER consent_events_are_kept;
CREATE TRIGGER consent_events_are_kept BEFORE DELETE ON consent_events
WHEN NOT EXISTS (SELECT 1 FROM erased_records e
                 WHERE e.organisation_id = OLD.organisation_id AND e.record_id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'consent events are append-only (except of an erased record)'); END;

-- Addresses erased before, as HMAC-SHA256 under the organisation's key: a later import or
-- sign-up of the same address is flagged without the address being kept.
CREATE TABLE suppressions (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email_hash          BLOB NOT NULL,
    request_id          BLOB NOT NULL,
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, email_hash)
) WITHOUT ROWID;

-- Each organisation's key for those hashes (and the request's hashed requester).
CREATE TABLE organisation_secrets (
    organisation_id     BLOB PRIMARY KEY NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    hash_key            BLOB NOT NULL
) WITHOUT ROWID;
