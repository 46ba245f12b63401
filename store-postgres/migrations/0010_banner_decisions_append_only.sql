-- A banner decision (`visitor_consents`) is evidence like a consent event: written once, never
-- changed or removed. It belongs to no record, so no erasure removes it; it holds a truncated
-- address and a user agent, never a name or e-mail address.
CREATE TRIGGER visitor_consents_are_immutable BEFORE UPDATE ON visitor_consents
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('banner decisions are append-only');
CREATE TRIGGER visitor_consents_are_kept BEFORE DELETE ON visitor_consents
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('banner decisions are append-only');
CREATE TRIGGER visitor_consents_are_not_truncated BEFORE TRUNCATE ON visitor_consents
    FOR EACH STATEMENT EXECUTE FUNCTION consentry_refuse('banner decisions are append-only');
