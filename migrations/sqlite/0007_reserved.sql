-- Reserved bytes as a maintained counter (issue 11): the upload-url route no longer sums
-- every live reservation of the organization. `organizations.reserved_bytes` is the sum of
-- `upload_size` over the organization's files whose `upload_reserved` is 1, kept in the same
-- transaction as every change of a reservation; the sweeper releases expired ones, and reads
-- subtract those expired since its last pass (at most one pass's worth), so quota checks and
-- usage stay exact.
ALTER TABLE organizations ADD COLUMN reserved_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN upload_reserved BIGINT NOT NULL DEFAULT 0;
UPDATE files SET upload_reserved = 1 WHERE upload_key IS NOT NULL AND upload_size IS NOT NULL;
UPDATE organizations SET reserved_bytes = (
    SELECT COALESCE(SUM(f.upload_size), 0) FROM files f
    WHERE f.id_organization = organizations.id AND f.upload_reserved = 1
);
CREATE INDEX files_reserved ON files (id_organization, upload_expires_at) WHERE upload_reserved = 1;
CREATE INDEX files_reserved_expiry ON files (upload_expires_at) WHERE upload_reserved = 1;
