-- Delivery decides: a message is retried with growing pauses until the SMTP server accepts
-- it (or refuses it for good, or the retries run out), and what sending it means for a record
-- (a consent request starts the waiting period) happens only then.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
    ('consent_request', 'sign_up_confirmation', 'privacy_centre_code', 'request_notice',
     'export_link', 'other'));
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
-- When a queued message is next tried, and when its current retry schedule started.
ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER;
ALTER TABLE outbox ADD COLUMN schedule_started_at INTEGER;
-- When the SMTP server accepted it, or it was handed over to be sent by hand.
ALTER TABLE outbox ADD COLUMN sent_at INTEGER;
-- The token of the link the message carries, wrapped with the master key: the bodies hold
-- the link masked, and the token is put in only when the message is handed to SMTP.
ALTER TABLE outbox ADD COLUMN secret BLOB;
-- The List-Unsubscribe address, masked like the body.
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT;
-- The consent link the message carries (its token's SHA-256) and what delivering it does.
ALTER TABLE outbox ADD COLUMN link_hash BLOB;
ALTER TABLE outbox ADD COLUMN on_delivered TEXT CHECK (on_delivered IS NULL OR json_valid(on_delivered));
-- The bulk send that made it, for the job's delivery counts.
ALTER TABLE outbox ADD COLUMN job_id BLOB;
-- The message sent in its place; a replaced message is not retried.
ALTER TABLE outbox ADD COLUMN replaced_by BLOB;

UPDATE outbox SET next_attempt_at = created_at, schedule_started_at = created_at
WHERE status = 'queued';

CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_record ON outbox(organisation_id, record_id, kind);
CREATE INDEX outbox_by_job ON outbox(job_id) WHERE job_id IS NOT NULL;
CREATE INDEX outbox_by_link ON outbox(link_hash) WHERE link_hash IS NOT NULL;

-- One live link per record and form: a new request revokes the earlier ones.
ALTER TABLE consent_links ADD COLUMN revoked_at INTEGER;
CREATE INDEX consent_links_by_record_form ON consent_links(organisation_id, record_id, form_id);

-- Notes in a record's history (a request queued, delivered or not delivered) have the same
-- basis and status before and after: the Overview's chart counts changes only.
DROP TRIGGER privacy_event_days_insert;
CREATE TRIGGER privacy_event_days_insert AFTER INSERT ON privacy_events
WHEN NEW.before_basis IS NOT NEW.after_basis OR NEW.before_status IS NOT NEW.after_status
BEGIN
    INSERT INTO privacy_event_days VALUES (NEW.organisation_id, date(NEW.at / 1000, 'unixepoch'), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
