-- Consent forms: a draft being edited, and immutable published versions. Every consent event
-- names the version (and so the exact text and its hash) the data subject saw.
CREATE TABLE consent_forms (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  BLOB NOT NULL,
    name                TEXT NOT NULL,
    slug                TEXT NOT NULL,
    draft               TEXT NOT NULL CHECK (json_valid(draft)),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    UNIQUE (organisation_id, slug)
) WITHOUT ROWID;

CREATE TABLE form_versions (
    organisation_id     BLOB NOT NULL,
    form_id             BLOB NOT NULL,
    version             INTEGER NOT NULL CHECK (version >= 1),
    design              TEXT NOT NULL CHECK (json_valid(design)),
    -- SHA-256 of `design` exactly as stored, hex.
    text_hash           TEXT NOT NULL,
    published_at        INTEGER NOT NULL,
    published_by        TEXT NOT NULL,
    PRIMARY KEY (organisation_id, form_id, version),
    FOREIGN KEY (organisation_id, form_id) REFERENCES consent_forms(organisation_id, id)
) WITHOUT ROWID;

CREATE TRIGGER form_versions_are_immutable BEFORE UPDATE ON form_versions
BEGIN SELECT RAISE(ABORT, 'published form versions are immutable'); END;
CREATE TRIGGER form_versions_are_kept BEFORE DELETE ON form_versions
BEGIN SELECT RAISE(ABORT, 'published form versions are kept as evidence'); END;
