-- Version 2: indexes for set-based dispatch.
-- Instances still able to run, so the due-instance poll probes only those, not every finished instance ever kept.
CREATE INDEX ix_instances_active ON instances (updated_at) WHERE completed_at IS NULL;
-- Due messages of one instance without reading its future timers.
CREATE INDEX ix_new_events_instance_due ON new_events (instance_id, visible_at);
