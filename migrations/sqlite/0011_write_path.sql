-- The trash index covers deleted files only. As (status, deleted_at) for every file, SQLite's
-- planner (without statistics) took it for any `status = 'available'` condition: finalize's
-- duplicate check read every available file of the database instead of the one
-- (organization, SHA-256) entry, ~1-3 ms at 100 000 files and growing with them.
DROP INDEX files_trash;
CREATE INDEX files_trash ON files (deleted_at) WHERE status = 'deleted';

-- A file's search document depends on its content only through its OCR job (the text and
-- fields of the job done on that content): a new content without a job leaves it as it was,
-- so finalize no longer rewrites the document (and its full-text entries) for nothing.
DROP TRIGGER files_search_update;
CREATE TRIGGER files_search_update AFTER UPDATE OF name, reference, id_ocr_job, sha256 ON files
WHEN OLD.name IS NOT NEW.name OR OLD.reference IS NOT NEW.reference
    OR OLD.id_ocr_job IS NOT NEW.id_ocr_job
    OR (OLD.sha256 IS NOT NEW.sha256 AND NEW.id_ocr_job IS NOT NULL)
BEGIN
    INSERT INTO search_refresh (id_file) VALUES (NEW.id);
END;
