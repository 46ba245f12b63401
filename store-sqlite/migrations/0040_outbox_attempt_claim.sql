-- One attempt at a queued message is claimed before it starts: the sender sets
-- `sending_until` with a conditional update on a message still queued and due, and reads the
-- message back from that update. A message failed, replaced or deleted meanwhile (its record
-- deleted, its subject erased) is then never sent from a copy read earlier, and a second
-- sender (another server instance, the CLI) never sends the same attempt twice. A claim whose
-- time ran out (the sender was stopped mid-attempt) makes the message due again.
ALTER TABLE outbox ADD COLUMN sending_until INTEGER;
