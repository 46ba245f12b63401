-- A message telling a requester about their request (an extension, a refusal, its completion,
-- the export's download link) belongs to that request: the request shows it as sent only once
-- the mail server accepted it, and as failed when it could not be delivered.
ALTER TABLE outbox ADD COLUMN request_id BLOB;
ALTER TABLE outbox ADD COLUMN notice TEXT CHECK (notice IS NULL OR notice IN
    ('extended', 'refused', 'completed', 'export_ready'));
CREATE INDEX outbox_by_request ON outbox(organisation_id, request_id)
WHERE request_id IS NOT NULL;
