-- Basis and consent changes per quarter of an hour (seconds since 1970 / 900), kept by trigger
-- like the per-day counts they replace: every time zone's days start on a quarter hour, so
-- the Overview's 30-day chart counts the organisation's days, not UTC's, from at most 2,880
-- rows however many events there are.
CREATE TABLE privacy_event_quarters (
    organisation_id     uuid NOT NULL,
    quarter             bigint NOT NULL,
    n                   bigint NOT NULL,
    PRIMARY KEY (organisation_id, quarter)
);

INSERT INTO privacy_event_quarters
SELECT organisation_id, floor(extract(epoch FROM at) / 900)::bigint, count(*) FROM privacy_events
WHERE before_basis IS DISTINCT FROM after_basis OR before_status IS DISTINCT FROM after_status
GROUP BY 1, 2;

-- The days kept counting the changes of records erased since, whose events are gone: those
-- are counted at the start of their (UTC) day, so every day's total stays what it was.
INSERT INTO privacy_event_quarters
SELECT organisation_id, first_quarter, missing FROM (
    SELECT d.organisation_id,
           floor(extract(epoch FROM d.day::timestamp AT TIME ZONE 'UTC') / 900)::bigint AS first_quarter,
           d.n - COALESCE((
               SELECT sum(q.n) FROM privacy_event_quarters q
               WHERE q.organisation_id = d.organisation_id
                 AND q.quarter >= floor(extract(epoch FROM d.day::timestamp AT TIME ZONE 'UTC') / 900)::bigint
                 AND q.quarter < floor(extract(epoch FROM d.day::timestamp AT TIME ZONE 'UTC') / 900)::bigint + 96
           ), 0) AS missing
    FROM privacy_event_days d
) AS days
WHERE missing > 0
ON CONFLICT (organisation_id, quarter) DO UPDATE SET n = privacy_event_quarters.n + excluded.n;

DROP TRIGGER privacy_event_days_insert ON privacy_events;
DROP FUNCTION privacy_event_days_count();
DROP TABLE privacy_event_days;

CREATE FUNCTION privacy_event_quarters_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO privacy_event_quarters (organisation_id, quarter, n)
    SELECT organisation_id, floor(extract(epoch FROM at) / 900)::bigint, count(*)
    FROM new_rows
    WHERE before_basis IS DISTINCT FROM after_basis
       OR before_status IS DISTINCT FROM after_status
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (organisation_id, quarter) DO UPDATE SET n = privacy_event_quarters.n + excluded.n;
    RETURN NULL;
END;
$$;
CREATE TRIGGER privacy_event_quarters_insert AFTER INSERT ON privacy_events
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_event_quarters_count();
