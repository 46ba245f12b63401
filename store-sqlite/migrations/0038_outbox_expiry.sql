-- What a message carries can expire: a privacy-centre code (minutes), an export's download
-- link (days), a sign-up's confirmation link (the waiting period). Such a message is not
-- retried past that moment: it is given up as failed ("expired before it could be
-- delivered"), since delivering it later would hand the recipient something that no longer
-- works. NULL: nothing in it expires (a consent link's time runs from its delivery).
ALTER TABLE outbox ADD COLUMN expires_at INTEGER;

-- Messages written before learn the expiry of what they carry (a code lived 15 minutes, an
-- export link 7 days; a confirmation was written in the same instant as its sign-up).
UPDATE outbox SET expires_at = created_at + 15 * 60 * 1000 WHERE kind = 'privacy_centre_code';
UPDATE outbox SET expires_at = created_at + 7 * 24 * 60 * 60 * 1000 WHERE kind = 'export_link';
UPDATE outbox SET expires_at = (
    SELECT MAX(s.expires_at) FROM sign_ups s
    WHERE s.organisation_id = outbox.organisation_id AND s.record_id = outbox.record_id
      AND s.created_at = outbox.created_at)
WHERE kind = 'sign_up_confirmation';
