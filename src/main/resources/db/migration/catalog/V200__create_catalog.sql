CREATE TABLE suppliers (
	id UUID PRIMARY KEY,
	owner_account_id UUID NOT NULL,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	verified BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX suppliers_owner_idx ON suppliers (owner_account_id);

-- Distribution key: supplier_id (every row of the catalog belongs to one supplier).
CREATE TABLE products (
	id UUID PRIMARY KEY,
	supplier_id UUID NOT NULL REFERENCES suppliers (id),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT '',
	image_urls TEXT[] NOT NULL DEFAULT '{}',
	shipping_fee BIGINT NOT NULL CHECK (shipping_fee >= 0),
	currency CHAR(3) NOT NULL DEFAULT 'CNY',
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX products_supplier_idx ON products (supplier_id);
CREATE INDEX products_title_idx ON products (lower(title) text_pattern_ops);

CREATE TABLE skus (
	id UUID PRIMARY KEY,
	product_id UUID NOT NULL REFERENCES products (id),
	supplier_id UUID NOT NULL REFERENCES suppliers (id),
	code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	supply_price BIGINT NOT NULL CHECK (supply_price >= 0),
	min_retail_price BIGINT NOT NULL CHECK (min_retail_price >= supply_price),
	-- stock is shared by every shop listing the product and must never be oversold
	stock INT NOT NULL CHECK (stock >= 0),
	position INT NOT NULL DEFAULT 0,
	UNIQUE (product_id, code)
);
CREATE INDEX skus_product_idx ON skus (product_id);
