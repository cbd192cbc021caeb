-- Distribution key of every table here: shop_id. Listings, shops, accounts and orders are
-- other modules' rows: referenced by id only, never by a foreign key.

-- A share link: one account sharing one listing on one channel. The code is its public name.
CREATE TABLE share_links (
	code TEXT PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z]{8,10}$'),
	shop_id UUID NOT NULL,
	listing_id UUID NOT NULL,
	sharer_account_id UUID NOT NULL,
	channel TEXT NOT NULL CHECK (channel IN ('wechat', 'weibo', 'facebook', 'pinterest', 'momo', 'link')),
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX share_links_shop_idx ON share_links (shop_id, channel);
CREATE INDEX share_links_sharer_idx ON share_links (sharer_account_id, listing_id, channel, created_at DESC);

-- Each opening of a link; the visitor is the first-party cookie id of the browser.
CREATE TABLE share_visits (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	shop_id UUID NOT NULL,
	code TEXT NOT NULL REFERENCES share_links (code),
	visitor_id TEXT NOT NULL CHECK (length(visitor_id) BETWEEN 16 AND 40),
	at TIMESTAMPTZ NOT NULL
);
CREATE INDEX share_visits_code_idx ON share_visits (code, visitor_id);
CREATE INDEX share_visits_shop_idx ON share_visits (shop_id);

-- Orders a link brought, as told by ordering's events; paid_total is what counts as sales
-- while the order is paid and not cancelled.
CREATE TABLE share_orders (
	order_id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	code TEXT NOT NULL REFERENCES share_links (code),
	sharer_account_id UUID NOT NULL,
	buyer_account_id UUID NOT NULL,
	total BIGINT NOT NULL CHECK (total >= 0),
	placed_at TIMESTAMPTZ NOT NULL,
	paid_total BIGINT CHECK (paid_total >= 0),
	paid_at TIMESTAMPTZ,
	cancelled_at TIMESTAMPTZ,
	CHECK ((paid_total IS NULL) = (paid_at IS NULL))
);
CREATE INDEX share_orders_code_idx ON share_orders (code);
CREATE INDEX share_orders_shop_idx ON share_orders (shop_id, buyer_account_id);
