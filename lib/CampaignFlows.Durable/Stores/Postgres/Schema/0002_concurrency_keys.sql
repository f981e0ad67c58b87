-- Version 2: concurrency caps count running activities per key from the leases themselves (so a crashed host's count
-- heals when its leases expire). Version 1 kept the keys only inside the rate_limits JSON, which cannot be indexed
-- cheaply; the keys now get their own array column, back-filled for activities already queued.

ALTER TABLE {schema}.activities ADD COLUMN limit_keys text[];

UPDATE {schema}.activities
SET limit_keys = ARRAY(SELECT e ->> 'key' FROM jsonb_array_elements(rate_limits::jsonb) AS e)
WHERE rate_limits IS NOT NULL;

CREATE INDEX ix_activities_leased_keys ON {schema}.activities (locked_until) WHERE limit_keys IS NOT NULL;
