-- The audit trail filtered by who did it, and the list of everyone in it.
CREATE INDEX audit_log_by_actor ON audit_log(organisation_id, actor, seq);
