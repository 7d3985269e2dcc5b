-- Upload slots and owed deletions (issue 8).
-- Every presigned PUT of a file writes its one upload slot; `upload_id` names the live
-- upload URL, so that the embedded endpoint can refuse the URLs it replaced.
ALTER TABLE files ADD COLUMN upload_id TEXT;
-- A deletion owed for content detached by a delete URL keeps counting against its
-- organization's usage until the object is gone: who to release, and how much.
ALTER TABLE object_deletions ADD COLUMN id_organization TEXT;
ALTER TABLE object_deletions ADD COLUMN size BIGINT;
