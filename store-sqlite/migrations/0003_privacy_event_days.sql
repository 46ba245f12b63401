-- Basis and consent changes per UTC day, kept by a trigger like privacy_counts, so the
-- Overview's 30-day chart reads at most 30 rows however many events there are.
CREATE TABLE privacy_event_days (
    organisation_id     BLOB NOT NULL,
    day                 TEXT NOT NULL,
    n                   INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, day)
) WITHOUT ROWID;

INSERT INTO privacy_event_days
SELECT organisation_id, date(at / 1000, 'unixepoch'), COUNT(*) FROM privacy_events
GROUP BY organisation_id, date(at / 1000, 'unixepoch');

CREATE TRIGGER privacy_event_days_insert AFTER INSERT ON privacy_events
BEGIN
    INSERT INTO privacy_event_days VALUES (NEW.organisation_id, date(NEW.at / 1000, 'unixepoch'), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
