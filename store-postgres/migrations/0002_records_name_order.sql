-- Records found by the start of a last or first name, and listed by last name, case-folded
-- and in code-point order (as SQLite's NOCASE orders them) whatever the database's
-- collation: the names that start with a text are then exactly one range of the index, and
-- records without a last name come first, as on SQLite.
DROP INDEX records_by_last_name;
DROP INDEX records_by_first_name;
CREATE INDEX records_by_last_name
    ON records (organisation_id, (lower(last_name) COLLATE "C") NULLS FIRST, id);
CREATE INDEX records_by_first_name ON records (organisation_id, (lower(first_name) COLLATE "C"));
