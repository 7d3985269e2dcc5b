-- Webhooks (PostgreSQL): endpoints per organization, an outbox of events written in the transaction of the
-- change, one delivery job per (event, endpoint) claimed like every job (see src/db/jobs.rs),
-- and the log of every delivery attempt.

CREATE TABLE webhook_endpoints (
    id                    TEXT PRIMARY KEY,
    id_organization       TEXT NOT NULL REFERENCES organizations (id),
    url                   TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    -- The subscribed event types, comma-separated with a leading and trailing comma
    -- (`,file.available,year.closed,`), so one LIKE matches on both backends.
    events                TEXT NOT NULL,
    -- `whsec_...`: kept as is, since signing needs it; never returned after creation.
    secret                TEXT NOT NULL,
    -- The secret before the last rotation, still used to sign until `previous_until`.
    previous_secret       TEXT,
    previous_until        BIGINT,
    enabled               BIGINT NOT NULL DEFAULT 1,
    -- Why it was disabled (`gone`: the receiver answered 410; `manual`).
    disabled_reason       TEXT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_org ON webhook_endpoints (id_organization, id);

CREATE TABLE webhook_events (
    -- `msg_<id>`: the `webhook-id` header, the same for every attempt and redelivery.
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    type            TEXT NOT NULL,
    -- The exact JSON body sent.
    payload         TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX webhook_events_org ON webhook_events (id_organization, created_at);

CREATE TABLE webhook_deliveries (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    id_endpoint     TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    id_event        TEXT NOT NULL REFERENCES webhook_events (id),
    -- queued, running, then succeeded, failed (retries exhausted or 410) or cancelled
    -- (the endpoint was disabled or deleted meanwhile).
    status          TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_token     TEXT,
    lease_until     BIGINT,
    claimed_at      BIGINT,
    created_at      BIGINT NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (id_endpoint, status);

CREATE TABLE webhook_attempts (
    id              TEXT PRIMARY KEY,
    id_organization TEXT NOT NULL REFERENCES organizations (id),
    id_endpoint     TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    id_delivery     TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    id_event        TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    attempt         BIGINT NOT NULL,
    attempted_at    BIGINT NOT NULL,
    duration_ms     BIGINT NOT NULL,
    status_code     BIGINT,
    success         BIGINT NOT NULL,
    -- Why it failed: http_status, redirect, timeout, connect, blocked_address, dns, tls, request.
    error_class     TEXT,
    -- At most 256 characters of the response body.
    response_excerpt TEXT
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (id_endpoint, id);
