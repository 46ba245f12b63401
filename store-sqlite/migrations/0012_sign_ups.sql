-- Public sign-up through a consent form (`/f/{organisation}/{form}`): the module new records
-- go to (NULL: sign-up is off) and the form's double opt-in choice (NULL: the organisation's
-- default).
ALTER TABLE consent_forms ADD COLUMN signup_module_id BLOB;
ALTER TABLE consent_forms ADD COLUMN double_opt_in INTEGER CHECK (double_opt_in IN (0, 1));

-- A sign-up waiting for its confirmation (double opt-in), found by the SHA-256 of the token
-- in the confirmation link. It keeps what the subject chose and the exact version they read;
-- the consent event is recorded only when they confirm. Purged after expiry.
CREATE TABLE sign_ups (
    token_hash          BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    record_id           BLOB NOT NULL,
    form_id             BLOB NOT NULL,
    form_version        INTEGER NOT NULL,
    lang                TEXT NOT NULL,
    choices             TEXT NOT NULL CHECK (json_valid(choices)),
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    confirmed_at        INTEGER
) WITHOUT ROWID;
CREATE INDEX sign_ups_by_expiry ON sign_ups(expires_at);
