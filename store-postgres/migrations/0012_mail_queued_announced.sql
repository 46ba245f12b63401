-- Mail queued by one instance is announced to all of them, so every instance's sender looks at
-- the outbox at once (not only the one that queued it, nor the others a minute later). A
-- notification is sent when its transaction commits, and the same one sent many times in one
-- transaction (a bulk request) arrives once.
CREATE FUNCTION outbox_announce_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('consentry_mail_queued', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_queued_announced AFTER INSERT ON outbox
    FOR EACH ROW WHEN (NEW.status = 'queued')
    EXECUTE FUNCTION outbox_announce_queued();

-- Requeued after it failed, or queued again from Stored.
CREATE TRIGGER outbox_requeued_announced AFTER UPDATE OF status ON outbox
    FOR EACH ROW WHEN (NEW.status = 'queued' AND OLD.status <> 'queued')
    EXECUTE FUNCTION outbox_announce_queued();
