-- Version 1: the Durable Task SQL backend's model on SQLite. Times are UTC ticks (INTEGER) so comparisons are cheap.
-- Hot rows hold small JSON; bodies over the inline threshold live in payloads and rows keep only the reference (*_ref).

CREATE TABLE payloads (
    id INTEGER PRIMARY KEY,
    instance_id TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX ix_payloads_instance ON payloads (instance_id);

CREATE TABLE instances (
    instance_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    completed_at INTEGER,
    input TEXT, input_ref INTEGER,
    output TEXT, output_ref INTEGER,
    custom_status TEXT, custom_status_ref INTEGER,
    failure TEXT,
    parent_instance_id TEXT,
    history_length INTEGER NOT NULL DEFAULT 0,
    lock_owner TEXT,
    lock_token TEXT,
    locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_instances_created ON instances (created_at);

-- The inbox: new events not yet applied to history; timers wait here until visible_at.
CREATE TABLE new_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    visible_at INTEGER NOT NULL,
    body TEXT, body_ref INTEGER
);
CREATE INDEX ix_new_events_due ON new_events (visible_at, instance_id);
CREATE INDEX ix_new_events_instance ON new_events (instance_id, seq);

CREATE TABLE history (
    instance_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT, body_ref INTEGER,
    PRIMARY KEY (instance_id, seq)
) WITHOUT ROWID;

CREATE TABLE activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    task_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    input TEXT, input_ref INTEGER,
    attempt INTEGER NOT NULL,
    priority INTEGER NOT NULL,
    fairness_key TEXT NOT NULL,
    fairness_weight INTEGER NOT NULL,
    rate_limits TEXT,
    visible_at INTEGER NOT NULL,
    lock_owner TEXT,
    lock_token TEXT,
    locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_activities_fair ON activities (priority, fairness_key, id);
CREATE INDEX ix_activities_instance ON activities (instance_id);
CREATE INDEX ix_activities_locked ON activities (locked_until) WHERE rate_limits IS NOT NULL;

CREATE TABLE flow_limits (
    key TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    state TEXT
);

CREATE TABLE schedules (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL,
    next INTEGER NOT NULL,
    updated INTEGER NOT NULL
);
