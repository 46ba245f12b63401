-- Basis and consent changes per quarter of an hour (seconds since 1970 / 900), kept by trigger
-- like the per-day counts they replace: every time zone's days start on a quarter hour, so
-- the Overview's 30-day chart counts the organisation's days, not UTC's, from at most 2,880
-- rows however many events there are.
CREATE TABLE privacy_event_quarters (
    organisation_id     BLOB NOT NULL,
    quarter             INTEGER NOT NULL,
    n                   INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, quarter)
) WITHOUT ROWID;

INSERT INTO privacy_event_quarters
SELECT organisation_id, at / 900000, COUNT(*) FROM privacy_events
WHERE before_basis IS NOT after_basis OR before_status IS NOT after_status
GROUP BY organisation_id, at / 900000;

-- The days kept counting the changes of records erased since, whose events are gone: those
-- are counted at the start of their (UTC) day, so every day's total stays what it was.
INSERT INTO privacy_event_quarters
SELECT organisation_id, first_quarter, missing FROM (
    SELECT d.organisation_id AS organisation_id,
           CAST(strftime('%s', d.day) AS INTEGER) / 900 AS first_quarter,
           d.n - COALESCE((
               SELECT SUM(q.n) FROM privacy_event_quarters q
               WHERE q.organisation_id = d.organisation_id
                 AND q.quarter >= CAST(strftime('%s', d.day) AS INTEGER) / 900
                 AND q.quarter < CAST(strftime('%s', d.day) AS INTEGER) / 900 + 96
           ), 0) AS missing
    FROM privacy_event_days d
)
WHERE missing > 0
ON CONFLICT (organisation_id, quarter) DO UPDATE SET n = n + excluded.n;

DROP TRIGGER privacy_event_days_insert;
DROP TABLE privacy_event_days;

CREATE TRIGGER privacy_event_quarters_insert AFTER INSERT ON privacy_events
WHEN NEW.before_basis IS NOT NEW.after_basis OR NEW.before_status IS NOT NEW.after_status
BEGIN
    INSERT INTO privacy_event_quarters VALUES (NEW.organisation_id, NEW.at / 900000, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
