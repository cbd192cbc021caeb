-- Distribution key: shop_id.
CREATE TABLE payments (
	id UUID PRIMARY KEY,
	order_id UUID NOT NULL UNIQUE,
	shop_id UUID NOT NULL,
	payer_account_id UUID NOT NULL,
	provider TEXT NOT NULL,
	amount BIGINT NOT NULL CHECK (amount >= 0),
	currency CHAR(3) NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'CANCELLED', 'REFUNDED')),
	created_at TIMESTAMPTZ NOT NULL,
	succeeded_at TIMESTAMPTZ,
	refunded_at TIMESTAMPTZ
);

-- Provider events stored by their id: a replayed event finds its row and changes nothing.
CREATE TABLE payment_events (
	id TEXT PRIMARY KEY,
	provider TEXT NOT NULL,
	payment_id UUID,
	type TEXT NOT NULL,
	payload TEXT NOT NULL,
	received_at TIMESTAMPTZ NOT NULL
);
