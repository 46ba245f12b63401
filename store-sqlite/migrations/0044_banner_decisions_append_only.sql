-- A banner decision (`visitor_consents`) is evidence like a consent event: written once, never
-- changed or removed. It belongs to no record, so no erasure removes it; it holds a truncated
-- address and a user agent, never a name or e-mail address.
CREATE TRIGGER visitor_consents_are_immutable BEFORE UPDATE ON visitor_consents
BEGIN SELECT RAISE(ABORT, 'banner decisions are append-only'); END;
CREATE TRIGGER visitor_consents_are_kept BEFORE DELETE ON visitor_consents
BEGIN SELECT RAISE(ABORT, 'banner decisions are append-only'); END;
