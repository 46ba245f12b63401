-- Art. 7(1), art. 15: consent recorded from another system (through the API or by hand)
-- carries its evidence (the call, the signed form). It is kept with its event, so the
-- subject's export lists every decision with its own evidence, not only the record's latest.
-- Erased with the subject's privacy events. Events written before this have none.
ALTER TABLE privacy_events ADD COLUMN evidence TEXT;
