-- Consent links: one per record and form per request, found by the SHA-256 of the token in
-- the link (the token itself is never stored). A link is spent when its subject withdraws or
-- refuses through it, and expires after the waiting period.
CREATE TABLE consent_links (
    token_hash          BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    record_id           BLOB NOT NULL,
    form_id             BLOB NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    spent_at            INTEGER
) WITHOUT ROWID;
CREATE INDEX consent_links_by_record ON consent_links(organisation_id, record_id);

-- What a data subject decided on a form: the evidence of art. 7(1). Append-only like
-- privacy_events; the form version and text hash name exactly what the subject read.
CREATE TABLE consent_events (
    organisation_id     BLOB NOT NULL,
    id                  BLOB NOT NULL,
    record_id           BLOB NOT NULL,
    form_id             BLOB NOT NULL,
    form_version        INTEGER NOT NULL,
    text_hash           TEXT NOT NULL,
    lang                TEXT NOT NULL,
    decision            TEXT NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
    choices             TEXT NOT NULL CHECK (json_valid(choices)),
    at                  INTEGER NOT NULL,
    -- The client's address with the host part cut off (IPv4 /24, IPv6 /48).
    ip                  TEXT,
    user_agent          TEXT,
    PRIMARY KEY (organisation_id, id)
) WITHOUT ROWID;
CREATE INDEX consent_events_by_record ON consent_events(organisation_id, record_id, id);
CREATE TRIGGER consent_events_are_immutable BEFORE UPDATE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;
CREATE TRIGGER consent_events_are_kept BEFORE DELETE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;

-- Every message Consentry sends, with its delivery state. Without SMTP configured, the
-- outbox is the delivery: messages stay 'stored' for the administrator to see.
CREATE TABLE outbox (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  BLOB NOT NULL,
    record_id           BLOB,
    recipient           TEXT NOT NULL,
    subject             TEXT NOT NULL,
    body_text           TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('stored', 'queued', 'sent', 'failed')),
    detail              TEXT,
    PRIMARY KEY (organisation_id, id)
) WITHOUT ROWID;
