-- Each organisation's chain head, kept beside the chain. Every append reads it; reading it from
-- `audit_log` (`ORDER BY seq DESC LIMIT 1`) left the plan to the statistics, and statistics
-- taken while the log was small made SQLite scan and sort the organisation's whole log:
-- ~1 ms per append at a few thousand entries, growing with the log.
CREATE TABLE audit_heads (
    organisation_id     BLOB PRIMARY KEY NOT NULL,
    seq                 INTEGER NOT NULL,
    hash                BLOB NOT NULL
) WITHOUT ROWID;

INSERT INTO audit_heads (organisation_id, seq, hash)
SELECT a.organisation_id, a.seq, a.hash FROM audit_log a
WHERE a.seq = (SELECT MAX(seq) FROM audit_log b WHERE b.organisation_id = a.organisation_id);

-- The head follows every append, in the appending statement's transaction.
CREATE TRIGGER audit_heads_follow_appends AFTER INSERT ON audit_log
BEGIN
    INSERT INTO audit_heads (organisation_id, seq, hash)
    VALUES (NEW.organisation_id, NEW.seq, NEW.hash)
    ON CONFLICT (organisation_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
    WHERE excluded.seq > audit_heads.seq;
END;

-- ... and the one-time rechaining of old chains (the only update `audit_log` allows).
CREATE TRIGGER audit_heads_follow_rechaining AFTER UPDATE OF hash ON audit_log
BEGIN
    UPDATE audit_heads SET hash = NEW.hash
    WHERE organisation_id = NEW.organisation_id AND seq = NEW.seq;
END;
