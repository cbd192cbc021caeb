-- Group buys. Distribution key: shop_id. Listings, SKUs, accounts and orders are other
-- modules' rows: referenced by id only.

-- A seller's offer: this SKU of this listing at the group price when group_size buyers pay
-- within the window (seconds) after the leader started the group.
CREATE TABLE group_deals (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	listing_id UUID NOT NULL,
	sku_id UUID NOT NULL,
	group_price BIGINT NOT NULL CHECK (group_price > 0),
	group_size INT NOT NULL CHECK (group_size BETWEEN 2 AND 100),
	window_seconds BIGINT NOT NULL CHECK (window_seconds BETWEEN 60 AND 604800),
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX group_deals_shop_idx ON group_deals (shop_id, created_at DESC);

-- One group of a deal, led by the buyer who started it. paid_members only grows by a
-- conditional update, so it never passes group_size.
CREATE TABLE groups (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	deal_id UUID NOT NULL REFERENCES group_deals (id),
	leader_account_id UUID NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('OPEN', 'SUCCEEDED', 'FAILED')),
	group_size INT NOT NULL CHECK (group_size BETWEEN 2 AND 100),
	paid_members INT NOT NULL DEFAULT 0 CHECK (paid_members >= 0),
	expires_at TIMESTAMPTZ NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	-- when the member orders of a failed group were all cancelled
	closed_at TIMESTAMPTZ,
	CHECK (paid_members <= group_size)
);
CREATE INDEX groups_open_idx ON groups (expires_at) WHERE status = 'OPEN';
CREATE INDEX groups_failed_idx ON groups (id) WHERE status = 'FAILED' AND closed_at IS NULL;

-- An order placed into a group: JOINED (awaiting payment), PAID (has a seat), REFUSED (paid
-- but no seat left: refunded) or CANCELLED.
CREATE TABLE group_members (
	group_id UUID NOT NULL REFERENCES groups (id),
	order_id UUID NOT NULL,
	account_id UUID NOT NULL,
	shop_id UUID NOT NULL,
	initial TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('JOINED', 'PAID', 'REFUSED', 'CANCELLED')),
	at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (group_id, order_id)
);
CREATE INDEX group_members_order_idx ON group_members (order_id);
