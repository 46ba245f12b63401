-- The abuse limits' attempts, shared by every instance: per key, how many attempts each time
-- bucket (a sixtieth of the limit's span) holds, so a window's count is a sum over at most 61
-- rows however busy the key (a form's limit counts every visitor). An attempt counts until
-- its bucket's end plus the span: never shorter than the span, at most a sixtieth longer.
-- Keys are stored as a keyed hash (they hold client and e-mail addresses). UNLOGGED: no WAL
-- is written for them (a commit waits for no disk) and a crash empties the table, which
-- forgets recent attempts as an instance's restart used to.
CREATE UNLOGGED TABLE attempt_counts (
    key_hash bytea NOT NULL,
    -- Milliseconds since the epoch, on the database's clock.
    bucket bigint NOT NULL,
    until bigint NOT NULL,
    count integer NOT NULL CHECK (count >= 0),
    PRIMARY KEY (key_hash, bucket)
);
CREATE INDEX attempt_counts_by_end ON attempt_counts (until);

-- Counts one attempt of every key in every window, or of none when any window is full:
-- `wait_ms` 0 and each key's `buckets`, or the milliseconds until the fullest frees a place.
-- `befores` are the attempts each key had counting. Keys arrive sorted, so two callers
-- sharing keys lock them in one order; the locks last until the caller's transaction ends,
-- which for a statement of its own is this call. One round trip, the lock held only while
-- the database works.
CREATE FUNCTION take_attempts(keys bytea[], maxes bigint[], spans bigint[],
                              OUT wait_ms bigint, OUT befores bigint[], OUT buckets bigint[])
LANGUAGE plpgsql AS $$
DECLARE
    now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    counting bigint;
    frees bigint;
    width bigint;
    start bigint;
BEGIN
    wait_ms := 0;
    befores := '{}';
    buckets := '{}';
    FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
        PERFORM pg_advisory_xact_lock(
            1818848628, ('x' || encode(substring(keys[i] FROM 1 FOR 4), 'hex'))::bit(32)::int);
        DELETE FROM attempt_counts WHERE key_hash = keys[i] AND until <= now_ms;
        SELECT coalesce(sum(count), 0), min(until) INTO counting, frees
        FROM attempt_counts WHERE key_hash = keys[i];
        befores := befores || counting;
        IF counting >= maxes[i] THEN
            wait_ms := greatest(wait_ms, frees - now_ms, 1);
        END IF;
    END LOOP;
    IF wait_ms > 0 THEN
        RETURN;
    END IF;
    FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
        width := greatest(spans[i] / 60, 1);
        start := now_ms / width * width;
        buckets := buckets || start;
        INSERT INTO attempt_counts (key_hash, bucket, until, count)
        VALUES (keys[i], start, start + width + spans[i], 1)
        ON CONFLICT (key_hash, bucket) DO UPDATE SET count = attempt_counts.count + 1;
    END LOOP;
END
$$;
