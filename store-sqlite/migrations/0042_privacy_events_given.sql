-- Art. 7(1): consent obtained outside Consentry (entered by hand, or recorded by another system
-- through the API) keeps with its event when, how and to which channels the subject gave it
-- ({"date", "through", "contact_through"}), beside its evidence: the subject's export then
-- lists each such decision with its own date and channels, not only the record's latest.
-- Events written before this have none.
ALTER TABLE privacy_events ADD COLUMN given TEXT CHECK (given IS NULL OR json_valid(given));
