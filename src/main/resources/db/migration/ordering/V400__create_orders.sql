-- Distribution key: shop_id (an order belongs to one shop and one supplier).
CREATE TABLE orders (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	supplier_id UUID NOT NULL,
	listing_id UUID NOT NULL,
	buyer_account_id UUID NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'RECEIVED', 'SETTLED',
		'CANCELLED', 'REFUNDED')),
	goods_total BIGINT NOT NULL CHECK (goods_total >= 0),
	supply_total BIGINT NOT NULL CHECK (supply_total >= 0),
	shipping_fee BIGINT NOT NULL CHECK (shipping_fee >= 0),
	discount BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0),
	total BIGINT NOT NULL CHECK (total >= 0),
	currency CHAR(3) NOT NULL,
	platform_fee_bps INT NOT NULL CHECK (platform_fee_bps BETWEEN 0 AND 10000),
	payment_id UUID NOT NULL,
	ship_name TEXT NOT NULL,
	ship_phone TEXT NOT NULL,
	ship_address TEXT NOT NULL,
	share_code TEXT,
	carrier TEXT,
	tracking_number TEXT,
	placed_at TIMESTAMPTZ NOT NULL,
	payment_due_at TIMESTAMPTZ NOT NULL,
	paid_at TIMESTAMPTZ,
	shipped_at TIMESTAMPTZ,
	received_at TIMESTAMPTZ,
	settled_at TIMESTAMPTZ,
	cancelled_at TIMESTAMPTZ,
	refunded_at TIMESTAMPTZ,
	CHECK (total = goods_total + shipping_fee - discount)
);
CREATE INDEX orders_shop_idx ON orders (shop_id, placed_at DESC);
CREATE INDEX orders_supplier_idx ON orders (supplier_id, status, placed_at DESC);
CREATE INDEX orders_buyer_idx ON orders (buyer_account_id, placed_at DESC);
CREATE INDEX orders_due_payment_idx ON orders (payment_due_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_shipped_idx ON orders (shipped_at) WHERE status = 'SHIPPED';
CREATE INDEX orders_received_idx ON orders (received_at) WHERE status = 'RECEIVED';

CREATE TABLE order_lines (
	order_id UUID NOT NULL REFERENCES orders (id),
	line_no INT NOT NULL,
	shop_id UUID NOT NULL,
	sku_id UUID NOT NULL,
	title TEXT NOT NULL,
	sku_name TEXT NOT NULL,
	quantity INT NOT NULL CHECK (quantity BETWEEN 1 AND 999),
	unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
	unit_supply_price BIGINT NOT NULL CHECK (unit_supply_price >= 0),
	PRIMARY KEY (order_id, line_no)
);

-- One row per (caller, key): the unique key is what makes concurrent retries create one order.
CREATE TABLE idempotency_keys (
	caller_id UUID NOT NULL,
	idempotency_key TEXT NOT NULL,
	request_hash TEXT NOT NULL,
	order_id UUID NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (caller_id, idempotency_key)
);
