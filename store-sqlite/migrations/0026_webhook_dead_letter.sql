-- Webhook deliveries: a delivery not accepted by the end of its retry schedule is a dead
-- letter ('dead', formerly 'failed') that an administrator may queue again with a fresh
-- schedule (`schedule_started_at`) and the same event id. Why an attempt failed is kept as a
-- code (`failure`), so a refused target is logged as such and nothing about what answered
-- there. SQLite cannot change a CHECK constraint in place: the table is rebuilt.
CREATE TABLE webhook_deliveries_rebuilt (
    id                  BLOB PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    webhook_id          BLOB NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event               TEXT NOT NULL,
    subject             TEXT,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_status         INTEGER,
    failure             TEXT,
    created_at          INTEGER NOT NULL,
    schedule_started_at INTEGER NOT NULL,
    next_attempt_at     INTEGER NOT NULL,
    delivered_at        INTEGER,
    event_id            BLOB,
    facts               TEXT CHECK (facts IS NULL OR json_valid(facts))
);
INSERT INTO webhook_deliveries_rebuilt (id, organisation_id, webhook_id, event, subject, status,
        attempts, last_status, failure, created_at, schedule_started_at, next_attempt_at,
        delivered_at, event_id, facts)
    SELECT id, organisation_id, webhook_id, event, subject,
           CASE status WHEN 'failed' THEN 'dead' ELSE status END,
           attempts, last_status,
           -- The three reasons earlier versions wrote.
           CASE last_error
               WHEN 'no answer within 10 seconds' THEN 'timeout'
               WHEN 'could not connect' THEN 'connect'
               WHEN 'Consentry could not build the payload' THEN 'payload'
           END,
           created_at, created_at, next_attempt_at, delivered_at, event_id, facts
    FROM webhook_deliveries;
DROP TABLE webhook_deliveries;
ALTER TABLE webhook_deliveries_rebuilt RENAME TO webhook_deliveries;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries(organisation_id, webhook_id, id);
