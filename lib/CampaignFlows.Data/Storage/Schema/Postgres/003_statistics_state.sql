-- Version 3: feedback statistics in time buckets and the small shared state of the mail app.

CREATE TABLE feedback_buckets (
    scope_kind    TEXT NOT NULL,
    scope_id      TEXT NOT NULL,
    bucket        BIGINT NOT NULL,
    sent          BIGINT NOT NULL,
    delivered     BIGINT NOT NULL,
    hard_bounced  BIGINT NOT NULL,
    soft_bounced  BIGINT NOT NULL,
    complained    BIGINT NOT NULL,
    send_errors   BIGINT NOT NULL,
    PRIMARY KEY (scope_kind, scope_id, bucket)
);

CREATE TABLE template_blocklist (
    template   TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    blocked_at BIGINT NOT NULL
);

CREATE TABLE verified_addresses (
    address     TEXT PRIMARY KEY,
    verified_at BIGINT NOT NULL
);

CREATE TABLE account_circuits (
    account    TEXT PRIMARY KEY,
    state      TEXT NOT NULL,
    reason     TEXT NULL,
    until      BIGINT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE dead_letters (
    id          BIGSERIAL PRIMARY KEY,
    campaign_id TEXT NULL,
    address     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    queue_id    TEXT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX dead_letters_campaign ON dead_letters (campaign_id, id);

CREATE TABLE campaign_definitions (
    campaign_id TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX campaign_definitions_created ON campaign_definitions (created_at, campaign_id);

CREATE TABLE warmup_days (
    warmup_id       TEXT NOT NULL,
    day             INTEGER NOT NULL,
    planned         BIGINT NOT NULL,
    sent            BIGINT NOT NULL,
    dip             BIGINT NOT NULL,
    shared          BIGINT NOT NULL,
    bounce_rate     DOUBLE PRECISION NOT NULL,
    complaint_rate  DOUBLE PRECISION NOT NULL,
    decision        TEXT NOT NULL,
    reason          TEXT NULL,
    recorded_at     BIGINT NOT NULL,
    PRIMARY KEY (warmup_id, day)
);
