-- The Overview's counters kept per statement instead of per row: an import of 500 records, or
-- a bulk change of a million, adds its counts in one grouped statement over the statement's
-- transition tables. Per row, each of the 500 inserts updated the same counter row again,
-- walking a longer chain of its versions each time (an import batch took 15 times longer).
-- Counter rows are changed in key order, so statements at once never wait in a circle.

DROP TRIGGER privacy_counts_insert ON records;
DROP TRIGGER privacy_counts_delete ON records;
DROP TRIGGER privacy_counts_update ON records;
DROP FUNCTION privacy_counts_follow_records();

-- Each trigger adds the count changes of its statement, per (organisation, module, basis,
-- status), in key order.
CREATE FUNCTION privacy_counts_follow_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO privacy_counts (organisation_id, module_id, legal_basis, consent_status, n)
    SELECT organisation_id, module_id, legal_basis, consent_status, sum(n)
    FROM (SELECT organisation_id, module_id, legal_basis,
                 coalesce(consent_status, '') AS consent_status, 1 AS n
          FROM new_rows WHERE legal_basis IS NOT NULL) AS changes
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (organisation_id, module_id, legal_basis, consent_status)
    DO UPDATE SET n = privacy_counts.n + excluded.n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION privacy_counts_follow_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO privacy_counts (organisation_id, module_id, legal_basis, consent_status, n)
    SELECT organisation_id, module_id, legal_basis, consent_status, sum(n)
    FROM (SELECT organisation_id, module_id, legal_basis,
                 coalesce(consent_status, '') AS consent_status, -1 AS n
          FROM old_rows WHERE legal_basis IS NOT NULL) AS changes
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (organisation_id, module_id, legal_basis, consent_status)
    DO UPDATE SET n = privacy_counts.n + excluded.n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION privacy_counts_follow_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO privacy_counts (organisation_id, module_id, legal_basis, consent_status, n)
    SELECT organisation_id, module_id, legal_basis, consent_status, sum(n)
    FROM (SELECT organisation_id, module_id, legal_basis,
                 coalesce(consent_status, '') AS consent_status, -1 AS n
          FROM old_rows WHERE legal_basis IS NOT NULL
          UNION ALL
          SELECT organisation_id, module_id, legal_basis,
                 coalesce(consent_status, '') AS consent_status, 1 AS n
          FROM new_rows WHERE legal_basis IS NOT NULL) AS changes
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (organisation_id, module_id, legal_basis, consent_status)
    DO UPDATE SET n = privacy_counts.n + excluded.n;
    RETURN NULL;
END;
$$;

CREATE TRIGGER privacy_counts_insert AFTER INSERT ON records
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_counts_follow_inserts();
CREATE TRIGGER privacy_counts_delete AFTER DELETE ON records
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_counts_follow_deletes();
CREATE TRIGGER privacy_counts_update AFTER UPDATE ON records
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_counts_follow_updates();

DROP TRIGGER privacy_event_days_insert ON privacy_events;
DROP FUNCTION privacy_event_days_count();

CREATE FUNCTION privacy_event_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO privacy_event_days (organisation_id, day, n)
    SELECT organisation_id, (at AT TIME ZONE 'UTC')::date, count(*)
    FROM new_rows
    WHERE before_basis IS DISTINCT FROM after_basis
       OR before_status IS DISTINCT FROM after_status
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (organisation_id, day) DO UPDATE SET n = privacy_event_days.n + excluded.n;
    RETURN NULL;
END;
$$;
CREATE TRIGGER privacy_event_days_insert AFTER INSERT ON privacy_events
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_event_days_count();
