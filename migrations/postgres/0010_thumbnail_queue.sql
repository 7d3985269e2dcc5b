-- The thumbnail worker's queue: available files whose thumbnail is still to be made. Without
-- it, each look for work (woken by every finalize) read every available file of the database
-- through the status index and sorted them, so finalize got slower as files accumulated.
CREATE INDEX files_thumbnail_due ON files (id)
    WHERE status = 'available' AND content_key IS NOT NULL AND thumbnail_state IS NULL;
