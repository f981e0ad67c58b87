-- Version 3: the W3C trace context (traceparent) of the request or episode that made the work, so the engine's spans
-- continue the caller's trace across hosts and restarts. Rows written before this version have none and start new traces.
ALTER TABLE instances ADD COLUMN trace_parent TEXT;
ALTER TABLE activities ADD COLUMN trace_parent TEXT;
