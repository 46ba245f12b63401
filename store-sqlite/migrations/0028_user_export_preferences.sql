-- What a user chose on their last export of records, offered again on the next: the CSV
-- separator (a Dutch Excel reads `;`). No row means the defaults.
CREATE TABLE user_export_preferences (
    user_id         BLOB PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csv_separator   TEXT NOT NULL CHECK (csv_separator IN ('comma', 'semicolon'))
) WITHOUT ROWID;
