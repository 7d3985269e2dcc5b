-- The trash index covers deleted files only (see the SQLite migration: there the planner took
-- the (status, deleted_at) index for any `status = 'available'` condition).
DROP INDEX files_trash;
CREATE INDEX files_trash ON files (deleted_at) WHERE status = 'deleted';

-- A file's search document depends on its content only through its OCR job: a new content
-- without a job leaves it as it was, so finalize no longer rewrites it for nothing.
DROP TRIGGER files_search_update ON files;
CREATE TRIGGER files_search_update AFTER UPDATE OF name, reference, id_ocr_job, sha256 ON files
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.reference IS DISTINCT FROM NEW.reference
        OR OLD.id_ocr_job IS DISTINCT FROM NEW.id_ocr_job
        OR (OLD.sha256 IS DISTINCT FROM NEW.sha256 AND NEW.id_ocr_job IS NOT NULL))
    EXECUTE FUNCTION files_search_changed();
