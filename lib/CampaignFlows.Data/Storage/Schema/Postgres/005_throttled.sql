-- Version 5: throttled send attempts per bucket, so a campaign's report can say how often SES pushed back.

ALTER TABLE feedback_buckets ADD COLUMN throttled BIGINT NOT NULL DEFAULT 0;
