-- Background jobs the API reports on (CSV imports, bulk consent requests), kept in the
-- database instead of in memory: a job's counts are written in the same transaction as the
-- work they count, so after a crash or kill the job says exactly what was done. A job found
-- still `running` when the server starts was cut off and becomes `interrupted`.
-- No personal value is kept here: failures name a row, a column header and a rule broken,
-- never a cell's content (erasure need not touch them). A file name can name someone: jobs
-- whose file name mentions an erased subject are deleted with them.
CREATE TABLE jobs (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('import', 'bulk_send')),
    state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'interrupted')),
    -- Import: data rows in the file. Bulk send: records matching the filter at the start.
    total INTEGER NOT NULL,
    -- Import: rows handled (imported or refused). Bulk send: records skipped or asked.
    processed INTEGER NOT NULL DEFAULT 0,
    -- Import: records created. Bulk send: requests made (each a link and a queued message).
    done INTEGER NOT NULL DEFAULT 0,
    -- Import: the last file row handled (rows 2 up to it are done).
    handled_through_row INTEGER,
    -- Import: rows refused in all (the first 1,000 are listed in job_failures).
    error_count INTEGER NOT NULL DEFAULT 0,
    -- Bulk send: records skipped, by reason code (a JSON object).
    skipped TEXT NOT NULL DEFAULT '{}',
    file_name TEXT,
    module_id BLOB,
    started_by TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER
) WITHOUT ROWID;
CREATE INDEX jobs_running ON jobs(state) WHERE state = 'running';

CREATE TABLE job_failures (
    job_id BLOB NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    row_number INTEGER NOT NULL,
    column_name TEXT,
    message TEXT NOT NULL,
    PRIMARY KEY (job_id, row_number, message)
) WITHOUT ROWID;
