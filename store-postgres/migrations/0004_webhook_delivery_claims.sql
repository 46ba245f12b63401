-- A delivery being sent belongs to the instance sending it until its claim runs out: no other
-- instance sends it meanwhile, and one whose instance stopped mid-attempt is due again after.
ALTER TABLE webhook_deliveries
    ADD COLUMN claimed_by       uuid,
    ADD COLUMN claimed_until    timestamptz;
