-- The instance sending a message: a claim whose instance stopped renewing its lease is free
-- at once, not only when the claim runs out.
ALTER TABLE outbox ADD COLUMN sending_by uuid;
