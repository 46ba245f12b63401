-- Trails on PostgreSQL were never written in the form from before details moved out of the
-- chain (a move from SQLite reads an up-to-date source), so none is ever hashed anew: an
-- entry is never changed, and the table a request to hash one anew was written to is gone
-- (a row in it let anyone with plain INSERT rights change entries).
DROP TRIGGER audit_log_is_immutable ON audit_log;
DROP TRIGGER audit_heads_follow_rechaining ON audit_log;
DROP FUNCTION audit_log_changes_only_when_rechaining();
DROP TABLE audit_rechain;
CREATE TRIGGER audit_log_is_immutable BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('the audit trail is append-only');
