-- The controller's identity and contact details (GDPR art. 13(1)(a)), as Kantara CR 1.1's
-- piiControllers[] carries them on every receipt. Empty until an administrator fills them;
-- a form cannot be published before they are.
ALTER TABLE organisations ADD COLUMN controller_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_street_address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_locality TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_country TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_email TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN controller_url TEXT NOT NULL DEFAULT '';

-- Webhook secrets are wrapped by the master key (AES-256-GCM, the webhook's id bound in), so
-- a copy of the database alone cannot sign. The store wraps secrets of older rows when it
-- opens and empties `secret`. Secrets made before Standard Webhooks signing are marked
-- `legacy`: their HMAC key is the secret's text as shown, and they also get the old
-- `Consentry-Signature` header until rotated.
ALTER TABLE webhooks ADD COLUMN secret_wrapped BLOB;
ALTER TABLE webhooks ADD COLUMN legacy INTEGER NOT NULL DEFAULT 0;
UPDATE webhooks SET legacy = 1;

-- A delivery reports the event as it happened: its id (the `webhook-id` header, the same
-- for every subscriber and every retry) and the non-personal facts at that moment, kept
-- here when it is queued. Personal fields are still read when it is sent (and are gone
-- once the record is erased).
ALTER TABLE webhook_deliveries ADD COLUMN event_id BLOB;
ALTER TABLE webhook_deliveries ADD COLUMN facts TEXT CHECK (facts IS NULL OR json_valid(facts));
UPDATE webhook_deliveries SET event_id = id;

-- Receipt signing keys and the keys of the hashes kept after erasure are wrapped by the
-- master key too (the store wraps older rows when it opens).
CREATE TABLE signing_keys_wrapped (
    kid                 TEXT PRIMARY KEY NOT NULL,
    organisation_id     BLOB NOT NULL UNIQUE REFERENCES organisations(id) ON DELETE CASCADE,
    secret              BLOB NOT NULL,
    wrapped             INTEGER NOT NULL DEFAULT 0,
    public              BLOB NOT NULL CHECK (length(public) = 32),
    created_at          INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO signing_keys_wrapped (kid, organisation_id, secret, wrapped, public, created_at)
    SELECT kid, organisation_id, secret, 0, public, created_at FROM signing_keys;
DROP TABLE signing_keys;
ALTER TABLE signing_keys_wrapped RENAME TO signing_keys;

ALTER TABLE organisation_secrets ADD COLUMN wrapped INTEGER NOT NULL DEFAULT 0;
