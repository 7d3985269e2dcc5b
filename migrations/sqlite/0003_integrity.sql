-- Accounting integrity: trash, verification, the audit trail, year exports.

ALTER TABLE files ADD COLUMN deleted_at BIGINT;
-- The status to restore from the trash.
ALTER TABLE files ADD COLUMN status_before_delete TEXT;
-- When the stored bytes were last re-read and matched their SHA-256.
ALTER TABLE files ADD COLUMN verified_at BIGINT;
CREATE INDEX files_trash ON files (status, deleted_at);

-- Append-only, per organization, each entry chained to the previous one by its hash.
CREATE TABLE audit_entries (
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    seq             BIGINT NOT NULL,
    id              TEXT NOT NULL UNIQUE,
    at              BIGINT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    id_year         TEXT,
    id_folder       TEXT,
    id_file         TEXT,
    sha256          TEXT,
    details         TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    PRIMARY KEY (id_organization, seq)
);
CREATE INDEX audit_year ON audit_entries (id_organization, id_year, seq);
CREATE INDEX audit_file ON audit_entries (id_organization, id_file, seq);

CREATE TABLE exports (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    id_year         TEXT NOT NULL REFERENCES years (id),
    status          TEXT NOT NULL,
    object_key      TEXT,
    size            BIGINT,
    sha256          TEXT,
    files           BIGINT,
    error           TEXT,
    attempts        BIGINT NOT NULL DEFAULT 0,
    lease_token     TEXT,
    lease_until     BIGINT,
    created_at      BIGINT NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX exports_queue ON exports (status, id);
