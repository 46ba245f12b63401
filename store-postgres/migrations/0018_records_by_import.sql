-- The import that created a record, so the end of an import can list exactly its records
-- (not every imported record of the module).
ALTER TABLE records ADD COLUMN import_id uuid;

-- Records imported before: by the one import of that file into that module that was running
-- when the record was created. Where two such imports overlapped, which made a record cannot
-- be told, and it is left unmarked.
UPDATE records r SET import_id = (
    SELECT MIN(j.id::text)::uuid FROM jobs j
    WHERE j.organisation_id = r.organisation_id
      AND j.kind = 'import'
      AND j.module_id = r.module_id
      AND j.file_name = r.created_detail
      AND r.created_at >= j.started_at
      AND (j.finished_at IS NULL OR r.created_at <= j.finished_at)
    HAVING COUNT(*) = 1
)
WHERE r.created_through = 'import';

CREATE INDEX records_by_import ON records (organisation_id, import_id, id)
    WHERE import_id IS NOT NULL;
