-- A complaint freezes the order's settlement until it is decided (settlement_held); partial
-- refunds given out of escrow add up in refunded_amount, and the split released at settlement
-- is the one reduced by it.
ALTER TABLE orders ADD COLUMN settlement_held BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE orders ADD COLUMN refunded_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD CONSTRAINT orders_refunded_amount_check CHECK (refunded_amount >= 0 AND refunded_amount <= total);

DROP INDEX orders_received_idx;
CREATE INDEX orders_received_idx ON orders (received_at) WHERE status = 'RECEIVED' AND NOT settlement_held;
