-- Bulk shipping: a supplier's CSV upload (orderId,carrier,trackingNumber) and the outcome of
-- each of its rows. Rows are applied one by one in the background, each in its own
-- transaction with the order it ships, so the counters always match what was applied.
CREATE TABLE shipment_batches (
	id UUID PRIMARY KEY,
	supplier_id UUID NOT NULL,
	account_id UUID NOT NULL,
	file_name TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
	total INT NOT NULL CHECK (total >= 0),
	shipped INT NOT NULL DEFAULT 0,
	already INT NOT NULL DEFAULT 0,
	failed INT NOT NULL DEFAULT 0,
	created_at TIMESTAMPTZ NOT NULL,
	finished_at TIMESTAMPTZ,
	CHECK (shipped + already + failed <= total)
);
CREATE INDEX shipment_batches_supplier_idx ON shipment_batches (supplier_id, created_at DESC);
CREATE INDEX shipment_batches_running_idx ON shipment_batches (created_at) WHERE status = 'RUNNING';

CREATE TABLE shipment_batch_rows (
	batch_id UUID NOT NULL REFERENCES shipment_batches (id),
	-- the distribution key (docs/scaling.md): rows live with their batch's supplier
	supplier_id UUID NOT NULL,
	line INT NOT NULL CHECK (line > 0),
	order_id TEXT NOT NULL,
	carrier TEXT NOT NULL,
	tracking_number TEXT NOT NULL,
	outcome TEXT NOT NULL CHECK (outcome IN ('PENDING', 'SHIPPED', 'ALREADY', 'FAILED')),
	error TEXT,
	PRIMARY KEY (batch_id, line)
);
CREATE INDEX shipment_batch_rows_pending_idx ON shipment_batch_rows (batch_id, line) WHERE outcome = 'PENDING';
