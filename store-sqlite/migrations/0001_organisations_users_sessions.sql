-- Tenancy and sign-in. Ids are UUIDs (16-byte BLOBs); times are Unix milliseconds (UTC).

CREATE TABLE organisations (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE users (
    id              BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    profile         TEXT NOT NULL CHECK (profile IN ('administrator', 'standard', 'read_only')),
    password_hash   TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);
-- One account per address across the installation: sign-in asks only for e-mail + password.
CREATE UNIQUE INDEX users_email ON users(email COLLATE NOCASE);
CREATE INDEX users_organisation ON users(organisation_id, created_at);

-- Only the SHA-256 of a session token is stored: a copy of the database cannot sign anyone in.
CREATE TABLE sessions (
    token_hash      BLOB PRIMARY KEY NOT NULL,
    user_id         BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE compliance_settings (
    organisation_id         BLOB PRIMARY KEY NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    enabled                 INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    waiting_period_days     INTEGER NOT NULL DEFAULT 30,
    processing_while_pending TEXT NOT NULL DEFAULT 'allow' CHECK (processing_while_pending IN ('allow', 'restrict')),
    double_opt_in           INTEGER NOT NULL DEFAULT 1 CHECK (double_opt_in IN (0, 1)),
    retention_days          INTEGER,
    updated_at              INTEGER NOT NULL
);
