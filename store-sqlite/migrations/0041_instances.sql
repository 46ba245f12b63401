-- The processes working on this database (a served Consentry, a command-line import), each
-- alive as long as it keeps renewing `alive_until`. A background job belongs to the instance
-- that runs it: it is cut off (interrupted) only when that instance stopped renewing, never
-- because another process started (a second server, a server restart beside a running
-- command-line import).
CREATE TABLE instances (
    id BLOB PRIMARY KEY NOT NULL,
    started_at INTEGER NOT NULL,
    alive_until INTEGER NOT NULL
) WITHOUT ROWID;

-- NULL for jobs started before instances were kept: no living process runs them.
ALTER TABLE jobs ADD COLUMN instance_id BLOB;
