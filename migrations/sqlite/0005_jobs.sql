-- Background jobs: one claim/lease implementation over ocr_jobs and exports, fair between
-- organizations (claimed_at); bounded exports (reuse by fingerprint, expiry); at most one
-- queued or running job per content and per year.

ALTER TABLE ocr_jobs ADD COLUMN claimed_at BIGINT;
-- A stable code for a failure (`too_many_pages`, `ocr_credits_exhausted`, ...).
ALTER TABLE ocr_jobs ADD COLUMN error_code TEXT;
ALTER TABLE exports ADD COLUMN claimed_at BIGINT;
-- The year's state when the export was requested: an unchanged year reuses the archive.
ALTER TABLE exports ADD COLUMN fingerprint TEXT;
-- When a ready archive is deleted by the sweeper (the export then reads `expired`).
ALTER TABLE exports ADD COLUMN expires_at BIGINT;
UPDATE exports SET expires_at = finished_at + 7 * 86400000 WHERE status = 'ready';
CREATE INDEX ocr_jobs_org_claimed ON ocr_jobs (id_organization, claimed_at);
CREATE INDEX exports_org_claimed ON exports (id_organization, claimed_at);
CREATE INDEX exports_year ON exports (id_year, status, id);
CREATE INDEX exports_expiry ON exports (status, expires_at);

-- Older versions could queue several jobs for one year or one content: keep the newest,
-- fail the others (returning their reserved OCR credits), then forbid it.
UPDATE exports SET status = 'failed', error = 'superseded by a newer export of the year',
    lease_token = NULL, lease_until = NULL
 WHERE status IN ('queued', 'running')
   AND id NOT IN (SELECT MAX(id) FROM exports WHERE status IN ('queued', 'running') GROUP BY id_year);
CREATE UNIQUE INDEX exports_one_active_per_year ON exports (id_year) WHERE status IN ('queued', 'running');

UPDATE organizations SET ocr_pages_available = ocr_pages_available + COALESCE((
    SELECT SUM(j.pages_reserved) FROM ocr_jobs j
     WHERE j.id_organization = organizations.id AND j.status IN ('queued', 'running')
       AND j.id NOT IN (SELECT MAX(id) FROM ocr_jobs WHERE status IN ('queued', 'running')
                         GROUP BY id_organization, sha256)), 0);
UPDATE ocr_jobs SET status = 'failed', error = 'superseded by a newer job for the same content',
    pages_charged = 0, lease_token = NULL, lease_until = NULL
 WHERE status IN ('queued', 'running')
   AND id NOT IN (SELECT MAX(id) FROM ocr_jobs WHERE status IN ('queued', 'running') GROUP BY id_organization, sha256);
CREATE UNIQUE INDEX ocr_jobs_one_active_per_content ON ocr_jobs (id_organization, sha256)
    WHERE status IN ('queued', 'running');
