-- The widget governs the page: a form's widget settings become one JSON document (allowed
-- origins, Consent Mode and UET switches, consent domain, cookies per purpose, region rule,
-- decision lifetime), a banner decision names the region rule it was given under, and banners
-- shown are counted per form version, rule and day (nothing about the visitor is kept).
ALTER TABLE consent_forms ADD COLUMN widget jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(widget) = 'object');
UPDATE consent_forms SET widget = jsonb_build_object(
    'allowed_origins', widget_origins, 'consent_mode', consent_mode);
ALTER TABLE consent_forms DROP COLUMN widget_origins, DROP COLUMN consent_mode;

ALTER TABLE visitor_consents ADD COLUMN region_rule text NOT NULL DEFAULT 'opt_in'
    CHECK (region_rule IN ('opt_in', 'opt_out', 'notice', 'nothing'));

CREATE TABLE banner_impressions (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    form_id             uuid NOT NULL,
    form_version        integer NOT NULL,
    region_rule         text NOT NULL
        CHECK (region_rule IN ('opt_in', 'opt_out', 'notice', 'nothing')),
    day                 date NOT NULL,
    shown               bigint NOT NULL CHECK (shown > 0),
    PRIMARY KEY (organisation_id, form_id, form_version, region_rule, day),
    FOREIGN KEY (organisation_id, form_id, form_version)
        REFERENCES form_versions (organisation_id, form_id, version)
);
