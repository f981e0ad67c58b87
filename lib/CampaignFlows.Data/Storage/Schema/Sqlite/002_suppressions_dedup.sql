-- Version 2: the suppression list and transactional de-duplication keys.

CREATE TABLE suppressions (
    address    TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    source     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- One row per request key; the primary key is what makes two concurrent first requests impossible.
CREATE TABLE dedup_keys (
    key        TEXT PRIMARY KEY,
    completed  INTEGER NOT NULL,
    outcome    TEXT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX dedup_keys_expiry ON dedup_keys (expires_at);
