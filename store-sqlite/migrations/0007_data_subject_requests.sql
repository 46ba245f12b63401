-- Data-subject requests and the records they concern.
CREATE TABLE data_subject_requests (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  BLOB NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'portability',
                            'erasure', 'stop_processing', 'objection')),
    source              TEXT NOT NULL CHECK (source IN ('email', 'phone', 'in_person', 'portal',
                            'api')),
    requested_by        TEXT NOT NULL,
    requested_on        TEXT NOT NULL,
    due_on              TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('received', 'verified', 'in_progress',
                            'completed', 'rejected')),
    details             TEXT,
    created_at          INTEGER NOT NULL,
    created_by          TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id)
) WITHOUT ROWID;
-- The queue is read by due date.
CREATE INDEX requests_by_due_date ON data_subject_requests(organisation_id, due_on);

CREATE TABLE request_records (
    organisation_id     BLOB NOT NULL,
    request_id          BLOB NOT NULL,
    record_id           BLOB NOT NULL,
    PRIMARY KEY (organisation_id, request_id, record_id),
    FOREIGN KEY (organisation_id, request_id)
        REFERENCES data_subject_requests(organisation_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX request_records_by_record ON request_records(organisation_id, record_id);
