-- OCR jobs, page credits, and search.

CREATE TABLE ocr_jobs (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    -- The content read, identified by its digest: a second request for the same content
    -- reuses the job.
    sha256          TEXT NOT NULL,
    content_key     TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    status          TEXT NOT NULL,
    pages           BIGINT NOT NULL,
    pages_reserved  BIGINT NOT NULL,
    pages_charged   BIGINT NOT NULL DEFAULT 0,
    engine          TEXT,
    error           TEXT,
    -- JSON {pages, fields} once done.
    result          TEXT,
    -- Normalized text for `q` searches.
    search_text     TEXT,
    attempts        BIGINT NOT NULL DEFAULT 0,
    -- The claim of the worker running it; another worker may take over once it lapses.
    lease_token     TEXT,
    lease_until     BIGINT,
    created_at      BIGINT NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX ocr_jobs_queue ON ocr_jobs (status, id);
CREATE INDEX ocr_jobs_content ON ocr_jobs (id_organization, sha256, status);

ALTER TABLE files ADD COLUMN id_ocr_job TEXT REFERENCES ocr_jobs (id);
-- 'user' or 'ocr': where the document date and the reference came from.
ALTER TABLE files ADD COLUMN date_source TEXT;
ALTER TABLE files ADD COLUMN reference_source TEXT;
-- Normalized name and reference for `q` searches.
ALTER TABLE files ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX files_ocr_job ON files (id_ocr_job);
UPDATE files SET search_text = lower(name || ' ' || COALESCE(reference, ''));
UPDATE files SET date_source = 'user' WHERE doc_date IS NOT NULL;
UPDATE files SET reference_source = 'user' WHERE reference IS NOT NULL;
