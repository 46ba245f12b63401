-- The fields of each module: the six standard fields (stored in records' own columns) and
-- custom fields (stored by key in records.custom as a JSON object), with their personal-data
-- classification.
CREATE TABLE module_fields (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    module_id           BLOB NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    key                 TEXT NOT NULL,
    label               TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('text', 'email', 'phone', 'number', 'date',
                            'boolean', 'picklist')),
    -- A JSON array of the picklist's options; non-empty exactly for picklists.
    options             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options)
                            AND (kind = 'picklist') = (json_array_length(options) > 0)),
    required            INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    standard            INTEGER NOT NULL CHECK (standard IN (0, 1)),
    personal            TEXT NOT NULL DEFAULT 'not_personal'
                            CHECK (personal IN ('not_personal', 'normal', 'sensitive')),
    position            INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    UNIQUE (module_id, key)
);

-- The standard fields with their default classification (names, e-mail and phone identify a
-- person; company and country alone do not).
CREATE VIEW standard_fields (key, label, kind, personal, position) AS
    VALUES ('first_name', 'First name', 'text', 'normal', 1),
           ('last_name', 'Last name', 'text', 'normal', 2),
           ('email', 'E-mail', 'email', 'normal', 3),
           ('phone', 'Phone', 'phone', 'normal', 4),
           ('company', 'Company', 'text', 'not_personal', 5),
           ('country', 'Country', 'text', 'not_personal', 6);

-- Every module, now and later, has the standard fields.
CREATE TRIGGER modules_get_standard_fields AFTER INSERT ON modules
BEGIN
    INSERT INTO module_fields (id, organisation_id, module_id, key, label, kind, standard,
                               personal, position, created_at)
    SELECT randomblob(16), NEW.organisation_id, NEW.id, f.key, f.label, f.kind, 1, f.personal,
           f.position, NEW.created_at
    FROM standard_fields f;
END;

INSERT INTO module_fields (id, organisation_id, module_id, key, label, kind, standard, personal,
                           position, created_at)
SELECT randomblob(16), m.organisation_id, m.id, f.key, f.label, f.kind, 1, f.personal,
       f.position, m.created_at
FROM modules m
CROSS JOIN standard_fields f;

-- Custom field values by field key.
ALTER TABLE records ADD COLUMN custom TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom));
