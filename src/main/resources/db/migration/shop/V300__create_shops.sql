-- Distribution key: shop_id.
CREATE TABLE shops (
	id UUID PRIMARY KEY,
	owner_account_id UUID NOT NULL,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	slug TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$'),
	verified BOOLEAN NOT NULL DEFAULT FALSE,
	level1_commission_bps INT NOT NULL DEFAULT 0 CHECK (level1_commission_bps BETWEEN 0 AND 5000),
	level2_commission_bps INT NOT NULL DEFAULT 0 CHECK (level2_commission_bps BETWEEN 0 AND 5000),
	created_at TIMESTAMPTZ NOT NULL,
	CHECK (level1_commission_bps + level2_commission_bps <= 5000)
);
CREATE INDEX shops_owner_idx ON shops (owner_account_id);

CREATE TABLE listings (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL REFERENCES shops (id),
	product_id UUID NOT NULL,
	supplier_id UUID NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX listings_shop_idx ON listings (shop_id, created_at DESC);

CREATE TABLE listing_prices (
	listing_id UUID NOT NULL REFERENCES listings (id),
	sku_id UUID NOT NULL,
	shop_id UUID NOT NULL,
	price BIGINT NOT NULL CHECK (price > 0),
	PRIMARY KEY (listing_id, sku_id)
);
