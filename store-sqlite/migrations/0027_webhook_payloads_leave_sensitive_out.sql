-- Personal data handling gains "Sensitive fields" (leave out the fields marked Sensitive),
-- the least personal default for webhook payloads, which leave the installation. An
-- organisation whose webhook preference is 'none' only because that was the default gets
-- 'sensitive'; one that chose 'none' (an audited settings change to it) keeps it, as does
-- every other choice.
CREATE TABLE compliance_settings_rebuilt (
    organisation_id         BLOB PRIMARY KEY NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    enabled                 INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    waiting_period_days     INTEGER NOT NULL DEFAULT 30,
    processing_while_pending TEXT NOT NULL DEFAULT 'allow' CHECK (processing_while_pending IN ('allow', 'restrict')),
    double_opt_in           INTEGER NOT NULL DEFAULT 1 CHECK (double_opt_in IN (0, 1)),
    retention_days          INTEGER,
    updated_at              INTEGER NOT NULL,
    exclude_from_exports    TEXT NOT NULL DEFAULT 'none'
        CHECK (exclude_from_exports IN ('none', 'sensitive', 'all_personal', 'chosen')),
    exclude_from_api        TEXT NOT NULL DEFAULT 'none'
        CHECK (exclude_from_api IN ('none', 'sensitive', 'all_personal', 'chosen')),
    exclude_from_webhooks   TEXT NOT NULL DEFAULT 'sensitive'
        CHECK (exclude_from_webhooks IN ('none', 'sensitive', 'all_personal', 'chosen'))
);
INSERT INTO compliance_settings_rebuilt (organisation_id, enabled, waiting_period_days,
        processing_while_pending, double_opt_in, retention_days, updated_at,
        exclude_from_exports, exclude_from_api, exclude_from_webhooks)
    SELECT s.organisation_id, s.enabled, s.waiting_period_days, s.processing_while_pending,
           s.double_opt_in, s.retention_days, s.updated_at, s.exclude_from_exports,
           s.exclude_from_api,
           CASE
               WHEN s.exclude_from_webhooks <> 'none' THEN s.exclude_from_webhooks
               WHEN EXISTS (
                   SELECT 1 FROM audit_log a
                   JOIN audit_details d ON d.organisation_id = a.organisation_id AND d.seq = a.seq
                   WHERE a.organisation_id = s.organisation_id
                     AND a.action = 'compliance.settings_changed'
                     AND CASE WHEN json_valid(d.before) AND json_valid(d.after) THEN
                             json_extract(d.after, '$.personal_data.webhooks') = 'none'
                             AND json_extract(d.before, '$.personal_data.webhooks') <> 'none'
                         END
               ) THEN 'none'
               ELSE 'sensitive'
           END
    FROM compliance_settings s;
DROP TABLE compliance_settings;
ALTER TABLE compliance_settings_rebuilt RENAME TO compliance_settings;
