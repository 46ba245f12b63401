-- Idempotency-Key claims hold for a lease, not for a day: a request that never finished (its
-- server was killed) leaves a claim a retry may take over once `claimed_until` has passed.
-- `claim_token` tells the request holding the claim from one that took it over, so a late
-- finish or release never touches another request's claim. Claims left running from before
-- this migration belong to a server that has stopped: their lease (0) has passed.
ALTER TABLE idempotency_keys ADD COLUMN claim_token BLOB;
ALTER TABLE idempotency_keys ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;
