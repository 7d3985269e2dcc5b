-- No index holds `upload_expires_at` any more (issue 11): a new upload URL for a file that
-- already has one changes only unindexed columns of its row (the slot key and the reserved
-- flag stay as they were), which PostgreSQL then rewrites in place (a HOT update) instead
-- of adding an entry to every index of `files` for each URL. Measured: 16 organizations
-- asking for upload URLs for 20 s went from 1.02 to 0.68 ms of PostgreSQL CPU a request,
-- and the old indexes grew with every URL until a vacuum.
--
-- What used the expiry indexes reads the organization's live reservations instead (a
-- partial index by organization) or the files with an upload in progress: the upload-url
-- route checks the quota against the maintained counter alone and releases the
-- organization's expired reservations only when that check refuses (see `set_upload`).
DROP INDEX files_org_upload;
DROP INDEX files_reserved;
DROP INDEX files_reserved_expiry;
CREATE INDEX files_reserved ON files (id_organization) WHERE upload_reserved = 1;
CREATE INDEX files_upload_slot ON files (id) WHERE upload_key IS NOT NULL;
