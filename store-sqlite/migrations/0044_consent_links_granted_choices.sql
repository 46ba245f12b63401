-- The choices of the last grant through a link that stays usable after it: the same grant
-- again (a double click, a resent form) is a repeat, not a second consent event.
ALTER TABLE consent_links ADD COLUMN granted_choices TEXT
    CHECK (granted_choices IS NULL OR json_valid(granted_choices));
