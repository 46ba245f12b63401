-- A sign-up's confirmation mail belongs to it: when an unconfirmed sign-up is forgotten after
-- the waiting period, its mail (the subject's address and a link that no longer works) goes
-- with it, even when the record is kept. Sign-ups stored before learn their message from the
-- instant both were written in.
ALTER TABLE sign_ups ADD COLUMN message_id BLOB;
UPDATE sign_ups SET message_id = (
    SELECT o.id FROM outbox o
    WHERE o.organisation_id = sign_ups.organisation_id AND o.record_id = sign_ups.record_id
      AND o.kind = 'sign_up_confirmation' AND o.created_at = sign_ups.created_at
    ORDER BY o.id DESC LIMIT 1);
