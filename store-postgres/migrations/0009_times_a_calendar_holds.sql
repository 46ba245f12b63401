-- Every time column holds a time the application can read. PostgreSQL's `timestamptz` also
-- holds 'infinity', '-infinity' and years up to 294276, which no `chrono` time holds (its
-- decoder stops the reading thread instead of reporting the column). A hand-edited or
-- damaged row is refused here, by the database, whatever code writes it. Migrations that add
-- a time column add the same check; `tests/schema.rs` fails for a column without it.

DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT c.table_name, c.column_name
        FROM information_schema.columns c
        JOIN information_schema.tables t
          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema()
          AND t.table_type = 'BASE TABLE'
          AND c.data_type = 'timestamp with time zone'
    LOOP
        EXECUTE format(
            'ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I > ''-infinity'' AND %I < ''100000-01-01Z'')',
            col.table_name,
            left(col.table_name || '_' || col.column_name, 50) || '_is_a_time',
            col.column_name,
            col.column_name
        );
    END LOOP;
END
$$;
