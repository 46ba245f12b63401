-- E-mail templates: the message that carries a consent link, with merge fields. The texts
-- are checked (known merge fields only, a consent link present) before they are stored.
CREATE TABLE email_templates (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  BLOB NOT NULL,
    name                TEXT NOT NULL,
    subject             TEXT NOT NULL,
    body_text           TEXT NOT NULL,
    body_html           TEXT,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, id),
    UNIQUE (organisation_id, name)
) WITHOUT ROWID;

-- A message may have an HTML part beside its plain text.
ALTER TABLE outbox ADD COLUMN body_html TEXT;
