-- Access and portability exports (art. 15, 20): the ZIP prepared for a verified subject,
-- downloaded through an expiring link whose token is stored only as its SHA-256. Erasure
-- deletes them with the subject; the hourly job deletes expired ones.
CREATE TABLE exports (
    token_hash          BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    request_id          BLOB NOT NULL,
    recipient           TEXT NOT NULL,
    file                BLOB NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX exports_by_request ON exports(organisation_id, request_id);
CREATE INDEX exports_by_expiry ON exports(expires_at);
