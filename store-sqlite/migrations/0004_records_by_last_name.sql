-- Sorting the record list by last name, paged by (last name, id).
CREATE INDEX records_by_last_name ON records(organisation_id, last_name, id);
