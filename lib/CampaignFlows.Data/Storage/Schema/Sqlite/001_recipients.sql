-- Version 1: campaign recipients, their planned batches and the per-domain status counters.
-- Shipped scripts never change; later versions add new files.

-- One row per campaign: the next sequence number to hand out, the last batch planned and the last sequence number it covers.
-- Locking this row serialises inserts and planning of one campaign across hosts.
CREATE TABLE recipient_campaigns (
    campaign_id TEXT PRIMARY KEY,
    next_seq    BIGINT NOT NULL,
    last_batch  INTEGER NOT NULL,
    planned_seq BIGINT NOT NULL
);

-- Keyed by (campaign, normalised address) so a duplicate can never be inserted twice.
CREATE TABLE recipients (
    campaign_id   TEXT NOT NULL,
    normalized    TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    address       TEXT NOT NULL,
    name          TEXT NULL,
    engagement    REAL NOT NULL,
    template_data TEXT NULL,
    domain        TEXT NOT NULL,
    status        TEXT NOT NULL,
    reason        TEXT NULL,
    token         TEXT NULL,
    lease_until   BIGINT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    message_id    TEXT NULL,
    account       TEXT NULL,
    updated_at    BIGINT NOT NULL,
    delivered_at  BIGINT NULL,
    PRIMARY KEY (campaign_id, normalized)
);

-- Planning walks a campaign in sequence order from a checkpoint, and a batch is a range of it: claims read at most
-- 50 rows of this index. Batches are not stamped on the rows, which saves a row update per recipient.
CREATE UNIQUE INDEX recipients_seq ON recipients (campaign_id, seq);

-- Feedback arrives keyed by SES message id.
CREATE INDEX recipients_message ON recipients (message_id) WHERE message_id IS NOT NULL;

-- Small references handed to orchestrations instead of addresses: batch n is the queued or sending rows of
-- [first_seq, last_seq]. Sequence numbers only grow, so no later row can fall into a planned range.
CREATE TABLE recipient_batches (
    campaign_id TEXT NOT NULL,
    batch       INTEGER NOT NULL,
    first_seq   BIGINT NOT NULL,
    last_seq    BIGINT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, batch)
);
-- Re-planning from a checkpoint finds the batches already planned after it without walking earlier ones.
CREATE UNIQUE INDEX recipient_batches_seq ON recipient_batches (campaign_id, first_seq);

-- Maintained in the same transaction as every status change, so progress never scans recipients.
CREATE TABLE recipient_counts (
    campaign_id TEXT NOT NULL,
    domain      TEXT NOT NULL,
    status      TEXT NOT NULL,
    n           BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, domain, status)
);
