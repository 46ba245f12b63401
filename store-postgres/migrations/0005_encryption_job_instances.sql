-- The instance running an encryption job: only that instance goes on with it, and another
-- puts it back in the queue only once that instance stopped renewing its lease.
ALTER TABLE encryption_jobs ADD COLUMN instance_id uuid;
