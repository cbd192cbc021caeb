-- Product images uploaded by suppliers, resized at upload into three JPEGs kept in the file
-- storage (thumbnail, card, full); the URL names the image, the row names the files.
CREATE TABLE product_images (
	id UUID PRIMARY KEY,
	product_id UUID NOT NULL REFERENCES products (id),
	supplier_id UUID NOT NULL REFERENCES suppliers (id),
	width INT NOT NULL CHECK (width > 0),
	height INT NOT NULL CHECK (height > 0),
	thumb_key TEXT NOT NULL,
	card_key TEXT NOT NULL,
	full_key TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX product_images_product_idx ON product_images (product_id);

-- A low-stock alert per SKU: the console warns when stock is at or below it (0: never).
ALTER TABLE skus ADD COLUMN low_stock_at INT NOT NULL DEFAULT 10 CHECK (low_stock_at BETWEEN 0 AND 1000000000);
CREATE INDEX skus_supplier_idx ON skus (supplier_id);
