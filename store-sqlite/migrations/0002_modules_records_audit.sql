-- Modules, records with their Data Privacy section, privacy events, maintained counts for the
-- Overview, and the hash-chained audit log.

CREATE TABLE modules (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    key                 TEXT NOT NULL,
    name                TEXT NOT NULL,
    builtin             INTEGER NOT NULL CHECK (builtin IN (0, 1)),
    compliance_enabled  INTEGER NOT NULL DEFAULT 0 CHECK (compliance_enabled IN (0, 1)),
    created_at          INTEGER NOT NULL,
    UNIQUE (organisation_id, key)
);

-- Organisations created before this migration get the built-in modules too.
INSERT INTO modules (id, organisation_id, key, name, builtin, compliance_enabled, created_at)
SELECT randomblob(16), o.id, m.key, m.name, 1, 0, o.created_at
FROM organisations o
CROSS JOIN (SELECT 'leads' AS key, 'Leads' AS name UNION ALL SELECT 'contacts', 'Contacts'
            UNION ALL SELECT 'vendors', 'Vendors') m;

CREATE TABLE records (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    module_id           BLOB NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    first_name          TEXT,
    last_name           TEXT,
    email               TEXT COLLATE NOCASE,
    phone               TEXT,
    company             TEXT,
    country             TEXT,
    -- Data Privacy: NULL basis means the module's compliance was never enabled for it.
    legal_basis         TEXT CHECK (legal_basis IN ('not_applicable', 'consent', 'contract',
                            'legal_obligation', 'vital_interests', 'public_interests',
                            'legitimate_interests')),
    lawful_reason       TEXT,
    consent_status      TEXT CHECK (consent_status IN ('pending', 'waiting', 'obtained',
                            'denied', 'not_responded', 'withdrawn')),
    consent_date        TEXT,
    consent_through     TEXT,
    contact_through     TEXT NOT NULL DEFAULT '',
    consent_remarks     TEXT,
    mail_sent_at        INTEGER,
    stop_processing     INTEGER NOT NULL DEFAULT 0 CHECK (stop_processing IN (0, 1)),
    created_at          INTEGER NOT NULL,
    created_through     TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    created_detail      TEXT,
    updated_at          INTEGER NOT NULL,
    updated_through     TEXT NOT NULL,
    updated_by          TEXT NOT NULL,
    updated_detail      TEXT,
    -- A consent status exists exactly while the basis is Consent.
    CHECK (CASE WHEN legal_basis = 'consent' THEN consent_status IS NOT NULL
                ELSE consent_status IS NULL END)
);
-- Lists are newest first by id (UUIDv7 is time-ordered), narrowed by module, basis, status.
CREATE INDEX records_by_module ON records(organisation_id, module_id, id);
CREATE INDEX records_by_basis ON records(organisation_id, legal_basis, consent_status, id);
CREATE INDEX records_by_source ON records(organisation_id, created_through, id);
CREATE INDEX records_by_email ON records(organisation_id, email);

-- Art. 7(1): the controller must be able to demonstrate consent, so privacy events are
-- append-only: the triggers below refuse every update and delete.
CREATE TABLE privacy_events (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id     BLOB NOT NULL,
    record_id           BLOB NOT NULL,
    at                  INTEGER NOT NULL,
    actor               TEXT NOT NULL,
    source              TEXT NOT NULL,
    before_basis        TEXT,
    after_basis         TEXT NOT NULL,
    before_status       TEXT,
    after_status        TEXT,
    detail              TEXT
);
CREATE INDEX privacy_events_by_record ON privacy_events(organisation_id, record_id, id);
CREATE INDEX privacy_events_by_time ON privacy_events(organisation_id, at);
CREATE TRIGGER privacy_events_are_immutable BEFORE UPDATE ON privacy_events
BEGIN SELECT RAISE(ABORT, 'privacy events are append-only'); END;
CREATE TRIGGER privacy_events_are_kept BEFORE DELETE ON privacy_events
BEGIN SELECT RAISE(ABORT, 'privacy events are append-only'); END;

-- Counts per module, basis and status, kept exact by triggers in the same transaction as the
-- change, so the Overview reads a few rows instead of scanning records.
CREATE TABLE privacy_counts (
    organisation_id     BLOB NOT NULL,
    module_id           BLOB NOT NULL,
    legal_basis         TEXT NOT NULL,
    consent_status      TEXT NOT NULL,
    n                   INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, module_id, legal_basis, consent_status)
) WITHOUT ROWID;

CREATE TRIGGER privacy_counts_insert AFTER INSERT ON records
WHEN NEW.legal_basis IS NOT NULL
BEGIN
    INSERT INTO privacy_counts VALUES (NEW.organisation_id, NEW.module_id, NEW.legal_basis,
        COALESCE(NEW.consent_status, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER privacy_counts_delete AFTER DELETE ON records
WHEN OLD.legal_basis IS NOT NULL
BEGIN
    UPDATE privacy_counts SET n = n - 1
    WHERE organisation_id = OLD.organisation_id AND module_id = OLD.module_id
      AND legal_basis = OLD.legal_basis AND consent_status = COALESCE(OLD.consent_status, '');
END;
CREATE TRIGGER privacy_counts_update AFTER UPDATE OF legal_basis, consent_status ON records
BEGIN
    UPDATE privacy_counts SET n = n - 1
    WHERE OLD.legal_basis IS NOT NULL AND organisation_id = OLD.organisation_id
      AND module_id = OLD.module_id AND legal_basis = OLD.legal_basis
      AND consent_status = COALESCE(OLD.consent_status, '');
    INSERT INTO privacy_counts
    SELECT NEW.organisation_id, NEW.module_id, NEW.legal_basis, COALESCE(NEW.consent_status, ''), 1
    WHERE NEW.legal_basis IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The audit trail: each entry stores the hash of the one before it in its organisation's
-- chain, so changing or removing an entry breaks every hash after it.
CREATE TABLE audit_log (
    organisation_id     BLOB NOT NULL,
    seq                 INTEGER NOT NULL,
    at                  INTEGER NOT NULL,
    actor               TEXT NOT NULL,
    action              TEXT NOT NULL,
    subject             TEXT,
    before              TEXT,
    after               TEXT,
    prev_hash           BLOB NOT NULL,
    hash                BLOB NOT NULL,
    PRIMARY KEY (organisation_id, seq)
) WITHOUT ROWID;
CREATE INDEX audit_log_by_action ON audit_log(organisation_id, action, seq);
