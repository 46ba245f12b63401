-- Storage limitation (art. 5(1)(e)) and consent that ages: what a record holds about its retention, and what the
-- daily retention review found lapsed.

-- Whether the review's findings are erased without a privacy officer.
ALTER TABLE compliance_settings ADD COLUMN retention_auto_erase boolean NOT NULL DEFAULT false;
-- How long Obtained consent holds before it is renewal due (NULL: it does not age), and how
-- long it stays Obtained after that without a renewed answer.
ALTER TABLE compliance_settings ADD COLUMN consent_lifetime_days integer
    CHECK (consent_lifetime_days BETWEEN 30 AND 3650);
ALTER TABLE compliance_settings ADD COLUMN renewal_grace_days integer NOT NULL DEFAULT 30
    CHECK (renewal_grace_days BETWEEN 1 AND 365);

-- A record's legal hold (kept whatever the retention period says) and the end of the
-- contract that is its basis. Goes with the record.
CREATE TABLE record_retention (
    organisation_id     uuid NOT NULL,
    record_id           uuid NOT NULL,
    contract_ended_on   date,
    hold_reason         text,
    hold_by             text,
    hold_since          timestamptz CHECK (hold_since > '-infinity' AND hold_since < '100000-01-01Z'),
    CHECK ((hold_reason IS NULL) = (hold_by IS NULL) AND (hold_reason IS NULL) = (hold_since IS NULL)),
    PRIMARY KEY (organisation_id, record_id),
    FOREIGN KEY (organisation_id, record_id) REFERENCES records (organisation_id, id) ON DELETE CASCADE
);

-- The last review's findings: record ids and why, never a personal value. `event_id` is the
-- record's newest privacy event when found: an erasure erases a finding only while it is
-- still the newest (the record's basis and status have not changed since).
CREATE TABLE retention_findings (
    organisation_id     uuid NOT NULL,
    record_id           uuid NOT NULL,
    reason              text NOT NULL CHECK (reason IN ('no_basis', 'not_responded', 'withdrawn',
                            'denied', 'contract_ended')),
    since               timestamptz NOT NULL CHECK (since > '-infinity' AND since < '100000-01-01Z'),
    event_id            bigint NOT NULL,
    PRIMARY KEY (organisation_id, record_id),
    FOREIGN KEY (organisation_id, record_id) REFERENCES records (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX retention_findings_by_reason ON retention_findings (organisation_id, reason, record_id);

CREATE TABLE retention_reviews (
    organisation_id     uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    reviewed_at         timestamptz NOT NULL
        CHECK (reviewed_at > '-infinity' AND reviewed_at < '100000-01-01Z')
);

-- A contract's end goes with the contract: when a record's basis is no longer Contract, its
-- end date is dropped (a later contract has its own), in the statement that changed the basis.
CREATE FUNCTION contract_end_goes_with_the_contract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE record_retention SET contract_ended_on = NULL
    WHERE organisation_id = NEW.organisation_id AND record_id = NEW.id
      AND contract_ended_on IS NOT NULL;
    DELETE FROM record_retention
    WHERE organisation_id = NEW.organisation_id AND record_id = NEW.id
      AND contract_ended_on IS NULL AND hold_reason IS NULL;
    RETURN NULL;
END;
$$;
CREATE TRIGGER contract_end_goes_with_the_contract AFTER UPDATE OF legal_basis ON records
    FOR EACH ROW WHEN (NEW.legal_basis IS DISTINCT FROM 'contract')
    EXECUTE FUNCTION contract_end_goes_with_the_contract();
