-- The seller dashboard counts a shop's visits and attributed orders in a time range (today,
-- 7 or 30 days): by shop and time instead of scanning every visit the shop ever had.
CREATE INDEX share_visits_shop_at_idx ON share_visits (shop_id, at);
CREATE INDEX share_orders_shop_placed_idx ON share_orders (shop_id, placed_at);
CREATE INDEX share_orders_shop_paid_idx ON share_orders (shop_id, paid_at) WHERE paid_at IS NOT NULL;
