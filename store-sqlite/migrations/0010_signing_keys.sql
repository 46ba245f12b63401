-- Each organisation's Ed25519 key for signing consent receipts. The public half is served at
-- /.well-known/consentry/jwks.json; a receipt names its key by `kid`.
CREATE TABLE signing_keys (
    kid                 TEXT PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL UNIQUE REFERENCES organisations(id) ON DELETE CASCADE,
    secret              BLOB NOT NULL CHECK (length(secret) = 32),
    public              BLOB NOT NULL CHECK (length(public) = 32),
    created_at          INTEGER NOT NULL
) WITHOUT ROWID;
