-- bucket4j's buckets (io.microshop.platform.ratelimit): one row per limit and key, locked by
-- SELECT ... FOR UPDATE while a request takes from it, so a limit holds across nodes.
-- expires_at (epoch milliseconds) is when the bucket is full again; the sweep deletes rows past it.
CREATE TABLE rate_limit_buckets (
	id TEXT PRIMARY KEY,
	state BYTEA,
	expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
