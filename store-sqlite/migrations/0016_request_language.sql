-- The language the subject asked in (the privacy centre's), for the mails that answer them.
ALTER TABLE data_subject_requests ADD COLUMN lang TEXT;
