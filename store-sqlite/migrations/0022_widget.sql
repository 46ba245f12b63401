-- The embeddable widget: the sites that may embed a form (a JSON array of origins; empty:
-- embedding is off) and whether its banner drives Google Consent Mode v2.
ALTER TABLE consent_forms ADD COLUMN widget_origins TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(widget_origins));
ALTER TABLE consent_forms ADD COLUMN consent_mode INTEGER NOT NULL DEFAULT 0
    CHECK (consent_mode IN (0, 1));

-- A site visitor's decision on a form's banner: anonymous (no record), naming the exact
-- version and text hash shown, what was granted, whether Global Privacy Control applied, and
-- the site. The id is the signed receipt's id. Kept as evidence, like consent events.
CREATE TABLE visitor_consents (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  BLOB NOT NULL,
    form_id             BLOB NOT NULL,
    form_version        INTEGER NOT NULL,
    text_hash           TEXT NOT NULL,
    lang                TEXT NOT NULL,
    -- accepted_all, rejected_all or customised
    decision            TEXT NOT NULL,
    granted             TEXT NOT NULL CHECK (json_valid(granted)),
    gpc                 INTEGER NOT NULL CHECK (gpc IN (0, 1)),
    origin              TEXT,
    ip                  TEXT,
    user_agent          TEXT,
    at                  INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, form_id, form_version)
        REFERENCES form_versions(organisation_id, form_id, version)
) WITHOUT ROWID;
CREATE INDEX visitor_consents_by_form ON visitor_consents(organisation_id, form_id, id);
