-- The web interface: server-side sessions (only a hash of the cookie's token is stored),
-- and each file's thumbnail object, made in the background after finalize.
CREATE TABLE web_sessions (
    token_hash      TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL,
    id_key          TEXT NOT NULL,
    csrf            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
-- `thumbnail_state`: NULL (to make), `done`, or `none` (no thumbnail can be made).
ALTER TABLE files ADD COLUMN thumbnail_key TEXT;
ALTER TABLE files ADD COLUMN thumbnail_state TEXT;
