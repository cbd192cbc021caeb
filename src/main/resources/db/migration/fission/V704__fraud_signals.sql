-- Fraud signals. Distribution key: shop_id. Orders and accounts are other modules' rows:
-- referenced by id only.

-- What fission keeps of each order placed to find clusters, from ordering's events: who placed
-- it where and when, a hash of its normalised ship-to address (the address itself stays with
-- the order) and the device (first-party visitor cookie) if known.
CREATE TABLE order_signals (
	order_id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	buyer_account_id UUID NOT NULL,
	address_hash TEXT NOT NULL,
	device_id TEXT CHECK (length(device_id) BETWEEN 16 AND 40),
	placed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_signals_buyer_idx ON order_signals (shop_id, buyer_account_id, placed_at);
CREATE INDEX order_signals_address_idx ON order_signals (shop_id, address_hash, placed_at);
CREATE INDEX order_signals_device_idx ON order_signals (shop_id, device_id, placed_at) WHERE device_id IS NOT NULL;

-- Orders whose payment went back in full (refunded, or cancelled after payment). Its own table,
-- not a column of order_signals: the two events may be handled in either order.
CREATE TABLE order_refunds (
	order_id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	refunded_at TIMESTAMPTZ NOT NULL
);

-- A flag stays OPEN (the order earns no commission and counts in no statistics) until an
-- operator dismisses it with a reason.
ALTER TABLE fraud_flags ADD COLUMN status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED'));
ALTER TABLE fraud_flags ADD COLUMN dismissed_by UUID;
ALTER TABLE fraud_flags ADD COLUMN dismissed_at TIMESTAMPTZ;
ALTER TABLE fraud_flags ADD COLUMN dismiss_reason TEXT;
ALTER TABLE fraud_flags ADD CONSTRAINT fraud_flags_dismissal_check
	CHECK ((status = 'DISMISSED') = (dismissed_at IS NOT NULL AND dismissed_by IS NOT NULL AND dismiss_reason IS NOT NULL));
ALTER TABLE fraud_flags ADD CONSTRAINT fraud_flags_kind_check
	CHECK (kind IN ('SELF_REFERRAL', 'BURST', 'SHARED_ADDRESS', 'SHARED_DEVICE', 'REFUND_LOOP'));
CREATE INDEX fraud_flags_open_idx ON fraud_flags (status, at DESC);

-- REVOKED: the order was flagged while its commissions were pending; the ledger moved them
-- back to the seller's escrow part (once per order, kind COMMISSION_REVOKED).
ALTER TABLE commissions DROP CONSTRAINT commissions_status_check;
ALTER TABLE commissions ADD CONSTRAINT commissions_status_check
	CHECK (status IN ('PENDING', 'AVAILABLE', 'CANCELLED', 'REVOKED'));
