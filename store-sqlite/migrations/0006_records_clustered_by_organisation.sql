-- Records are stored clustered by (organisation, id): a tenant's newest-first list is one
-- range of the table itself, with no sort and no separate primary-key index, however many
-- records other organisations hold. Ids are UUIDv7, so new records append at the end.
--
-- The basis index is split in two so that each filter reads its rows already in id order:
-- (organisation, basis, id) for a basis, (organisation, consent status, id) for a status.
--
-- Names and company compare case-insensitively (NOCASE), so sorting by last name is
-- alphabetical whatever the capitals, and a search for the start of a first or last name is a
-- range of its index instead of a scan. (Company gets no index: with few distinct values it
-- tripled the cost of an import's index inserts.)

CREATE TABLE records_clustered (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  BLOB NOT NULL,
    module_id           BLOB NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    first_name          TEXT COLLATE NOCASE,
    last_name           TEXT COLLATE NOCASE,
    email               TEXT COLLATE NOCASE,
    phone               TEXT,
    company             TEXT COLLATE NOCASE,
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
    -- Custom field values by field key.
    custom              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom)),
    -- A consent status exists exactly while the basis is Consent.
    CHECK (CASE WHEN legal_basis = 'consent' THEN consent_status IS NOT NULL
                ELSE consent_status IS NULL END),
    PRIMARY KEY (organisation_id, id)
) WITHOUT ROWID;

INSERT INTO records_clustered (organisation_id, id, module_id, first_name, last_name, email,
    phone, company, country, legal_basis, lawful_reason, consent_status, consent_date,
    consent_through, contact_through, consent_remarks, mail_sent_at, stop_processing,
    created_at, created_through, created_by, created_detail, updated_at, updated_through,
    updated_by, updated_detail, custom)
SELECT organisation_id, id, module_id, first_name, last_name, email, phone, company, country,
    legal_basis, lawful_reason, consent_status, consent_date, consent_through, contact_through,
    consent_remarks, mail_sent_at, stop_processing, created_at, created_through, created_by,
    created_detail, updated_at, updated_through, updated_by, updated_detail, custom
FROM records;

DROP TABLE records;
ALTER TABLE records_clustered RENAME TO records;

CREATE INDEX records_by_module ON records(organisation_id, module_id, id);
CREATE INDEX records_by_basis ON records(organisation_id, legal_basis, id);
CREATE INDEX records_by_status ON records(organisation_id, consent_status, id);
CREATE INDEX records_by_source ON records(organisation_id, created_through, id);
CREATE INDEX records_by_email ON records(organisation_id, email);
CREATE INDEX records_by_last_name ON records(organisation_id, last_name, id);
CREATE INDEX records_by_first_name ON records(organisation_id, first_name);

-- The Overview's counters, exactly as before (dropping the table dropped its triggers).
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
