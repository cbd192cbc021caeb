-- Orders a shop received (paid) in a window: the denominator of its complaint rate, read on
-- every shop page and every upheld complaint. Unpaid orders never count, so they stay out.
CREATE INDEX orders_shop_paid_idx ON orders (shop_id, paid_at) WHERE paid_at IS NOT NULL;
