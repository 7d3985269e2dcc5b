-- SQLite: a file's create writes no leaf of its organization's own in three indexes.
-- Measured (issue 11, creates spread over 16 organizations): every commit of a batch wrote
-- one leaf of each organization-keyed index per request, six indexes in all, which were 97 %
-- of the pages in the log; the log's pages, written one system call each, were most of the
-- writer's time.
--
-- The audit trail by file is keyed by the file first: a file's id is time-ordered and unique
-- across organizations, so the entries of new files go to the index's last leaf, shared by
-- every organization, and a file's history is still one range. Entries without a file (a
-- year closed, a key created) are not indexed by file at all.
DROP INDEX audit_file;
CREATE INDEX audit_file ON audit_entries (id_file, seq) WHERE id_file IS NOT NULL;

-- New files have no folder (most are filed at the root) and no OCR job yet: not indexed.
-- Lookups are by equality, which such a partial index serves.
DROP INDEX files_folder;
CREATE INDEX files_folder ON files (id_folder) WHERE id_folder IS NOT NULL;
DROP INDEX files_ocr_job;
CREATE INDEX files_ocr_job ON files (id_ocr_job) WHERE id_ocr_job IS NOT NULL;
