-- Whether a sign-up created its record. An unconfirmed sign-up is deleted after the waiting
-- period, and with it the record it created when that record holds nothing else; a record that
-- existed before the sign-up is never deleted for it. Sign-ups stored before this are taken as
-- not having created their record (kept, the safe side).
ALTER TABLE sign_ups ADD COLUMN created_record INTEGER NOT NULL DEFAULT 0
    CHECK (created_record IN (0, 1));
CREATE INDEX sign_ups_by_record ON sign_ups(organisation_id, record_id);
