-- API keys for integrators: a name and scopes; the secret is shown once and only its SHA-256
-- is kept. Revoked keys stay listed (who made them, when they were last used).
CREATE TABLE api_keys (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    scopes              TEXT NOT NULL CHECK (json_valid(scopes)),
    secret_hash         BLOB NOT NULL UNIQUE,
    prefix              TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    last_used_at        INTEGER,
    revoked_at          INTEGER
);
CREATE INDEX api_keys_by_organisation ON api_keys(organisation_id, created_at);
