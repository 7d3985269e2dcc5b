-- Coffre schema, SQLite. Timestamps are Unix milliseconds; booleans are 0/1 integers so that
-- the same queries decode identically on SQLite and PostgreSQL.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organizations (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    quota_bytes         BIGINT NOT NULL,
    used_bytes          BIGINT NOT NULL DEFAULT 0 CHECK (used_bytes >= 0),
    ocr_pages_available BIGINT NOT NULL DEFAULT 0 CHECK (ocr_pages_available >= 0),
    ocr_pages_used      BIGINT NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    key_hash        TEXT NOT NULL UNIQUE,
    read_only       BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    revoked_at      BIGINT
);
CREATE INDEX api_keys_org ON api_keys (id_organization);

CREATE TABLE years (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    label           TEXT NOT NULL,
    starting_at     TEXT NOT NULL,
    ending_at       TEXT NOT NULL,
    closed          BIGINT NOT NULL DEFAULT 0,
    closed_at       BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX years_org ON years (id_organization, id);

CREATE TABLE folders (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    id_year         TEXT NOT NULL REFERENCES years (id),
    id_parent       TEXT REFERENCES folders (id),
    -- id_parent, or '' at the root: NULLs never collide in a unique index.
    parent_key      TEXT NOT NULL,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    last_updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX folders_sibling_name ON folders (id_year, parent_key, name_key);
CREATE INDEX folders_parent ON folders (id_parent);

CREATE TABLE files (
    id                TEXT PRIMARY KEY,
    id_organization   TEXT NOT NULL REFERENCES organizations (id),
    id_year           TEXT NOT NULL REFERENCES years (id),
    id_folder         TEXT REFERENCES folders (id),
    name              TEXT NOT NULL,
    reference         TEXT,
    doc_date          TEXT,
    hash              TEXT,
    allow_duplicate   BIGINT NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    content_type      TEXT,
    size              BIGINT,
    sha256            TEXT,
    content_key       TEXT,
    -- The upload in progress: its object key, declared type and size, and when its URL
    -- expires. The declared size counts against the quota until then.
    upload_key        TEXT,
    upload_type       TEXT,
    upload_size       BIGINT,
    upload_expires_at BIGINT,
    created_at        BIGINT NOT NULL,
    last_updated_at   BIGINT NOT NULL
);
CREATE INDEX files_year ON files (id_year, id);
CREATE INDEX files_year_folder ON files (id_year, id_folder, id);
CREATE INDEX files_year_status ON files (id_year, status, id);
CREATE INDEX files_org_sha256 ON files (id_organization, sha256);
CREATE INDEX files_org_upload ON files (id_organization, upload_expires_at);
CREATE INDEX files_folder ON files (id_folder);

-- Objects whose deletion from the store is owed: retried in the background until done.
CREATE TABLE object_deletions (
    object_key TEXT PRIMARY KEY,
    due_at     BIGINT NOT NULL,
    attempts   BIGINT NOT NULL DEFAULT 0
);
