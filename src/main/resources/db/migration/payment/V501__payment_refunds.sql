-- What each payment has given back, and every refund sent (or still to send) to the provider.
ALTER TABLE payments ADD COLUMN refunded_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD CONSTRAINT payments_refund_within_amount
	CHECK (refunded_amount >= 0 AND refunded_amount <= amount);

-- Distribution key: shop_id.
-- One row per refund: a partial refund (a complaint upheld in part) and the full refund of
-- what is left later are two rows. REQUESTED rows are booked but not yet acknowledged by the
-- provider; the refund's id is the idempotency key the provider is given.
CREATE TABLE payment_refunds (
	id UUID PRIMARY KEY,
	payment_id UUID NOT NULL REFERENCES payments (id),
	shop_id UUID NOT NULL,
	amount BIGINT NOT NULL CHECK (amount > 0),
	currency CHAR(3) NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('REQUESTED', 'SENT')),
	provider_reference TEXT,
	requested_at TIMESTAMPTZ NOT NULL,
	sent_at TIMESTAMPTZ
);
CREATE INDEX payment_refunds_by_payment ON payment_refunds (payment_id);
CREATE INDEX payment_refunds_requested ON payment_refunds (requested_at) WHERE status = 'REQUESTED';
