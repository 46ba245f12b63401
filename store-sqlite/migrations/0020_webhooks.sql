-- Webhooks: a URL subscribed to events, signed with its own secret (kept as entered: the
-- server signs with it). Deliveries hold ids only, never personal data; the payload is built
-- when it is sent, under the personal data handling preference for webhooks.
CREATE TABLE webhooks (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    url                 TEXT NOT NULL,
    events              TEXT NOT NULL CHECK (json_valid(events)),
    secret              TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    created_at          INTEGER NOT NULL
);
CREATE INDEX webhooks_by_organisation ON webhooks(organisation_id);

CREATE TABLE webhook_deliveries (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    webhook_id          BLOB NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event               TEXT NOT NULL,
    subject             TEXT,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_status         INTEGER,
    last_error          TEXT,
    created_at          INTEGER NOT NULL,
    next_attempt_at     INTEGER NOT NULL,
    delivered_at        INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries(organisation_id, webhook_id, id);
