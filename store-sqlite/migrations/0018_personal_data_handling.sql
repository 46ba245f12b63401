-- Personal data handling preferences: which personal fields staff exports, API reads and
-- webhook payloads leave out: none, every personal field, or the fields chosen per field.
ALTER TABLE compliance_settings ADD COLUMN exclude_from_exports TEXT NOT NULL DEFAULT 'none'
    CHECK (exclude_from_exports IN ('none', 'all_personal', 'chosen'));
ALTER TABLE compliance_settings ADD COLUMN exclude_from_api TEXT NOT NULL DEFAULT 'none'
    CHECK (exclude_from_api IN ('none', 'all_personal', 'chosen'));
ALTER TABLE compliance_settings ADD COLUMN exclude_from_webhooks TEXT NOT NULL DEFAULT 'none'
    CHECK (exclude_from_webhooks IN ('none', 'all_personal', 'chosen'));
-- Per field: a JSON array of the destinations ('exports', 'api', 'webhooks') it is left out of
-- where that destination's preference is 'chosen'.
ALTER TABLE module_fields ADD COLUMN excluded_from TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(excluded_from));
