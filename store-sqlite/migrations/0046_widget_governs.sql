-- The widget governs the page: a form's widget settings become one JSON document (allowed
-- origins, Consent Mode and UET switches, consent domain, cookies per purpose, region rule,
-- decision lifetime), a banner decision names the region rule it was given under, and banners
-- shown are counted per form version, rule and day (nothing about the visitor is kept).
ALTER TABLE consent_forms ADD COLUMN widget TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(widget) AND json_type(widget) = 'object');
UPDATE consent_forms SET widget = json_object(
    'allowed_origins', json(widget_origins),
    'consent_mode', CASE consent_mode WHEN 1 THEN json('true') ELSE json('false') END);
ALTER TABLE consent_forms DROP COLUMN widget_origins;
ALTER TABLE consent_forms DROP COLUMN consent_mode;

ALTER TABLE visitor_consents ADD COLUMN region_rule TEXT NOT NULL DEFAULT 'opt_in'
    CHECK (region_rule IN ('opt_in', 'opt_out', 'notice', 'nothing'));

CREATE TABLE banner_impressions (
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    form_id             BLOB NOT NULL,
    form_version        INTEGER NOT NULL,
    region_rule         TEXT NOT NULL
        CHECK (region_rule IN ('opt_in', 'opt_out', 'notice', 'nothing')),
    -- YYYY-MM-DD, UTC
    day                 TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    shown               INTEGER NOT NULL CHECK (shown > 0),
    PRIMARY KEY (organisation_id, form_id, form_version, region_rule, day),
    FOREIGN KEY (organisation_id, form_id, form_version)
        REFERENCES form_versions(organisation_id, form_id, version)
) WITHOUT ROWID;
