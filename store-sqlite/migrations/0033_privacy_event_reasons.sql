-- Each basis change carries its own lawful reason: kept with its event, so a record's history
-- shows the reason given for every change (never one carried over from an earlier change).
-- Events written before this have none (the record's current reason was all there was).
ALTER TABLE privacy_events ADD COLUMN lawful_reason TEXT;
