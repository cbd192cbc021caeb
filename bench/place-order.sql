-- The raw-SQL baseline: the writes the platform makes to place one order, in the same order
-- (stock last, so the hot row is locked for the shortest time), with nothing around them.
\set r1 random(1, 4000000000000000000)
\set r2 random(1, 4000000000000000000)
\set r3 random(1, 4000000000000000000)
BEGIN;
INSERT INTO idempotency_keys (caller_id, idempotency_key, request_hash, order_id, created_at)
  VALUES (:buyer::uuid, 'k' || :r1::text || '-' || :r2::text, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    (lpad(to_hex(:r1::bigint), 16, '0') || lpad(to_hex(:r2::bigint), 16, '0'))::uuid, now());
INSERT INTO orders (id, shop_id, supplier_id, listing_id, buyer_account_id, status, goods_total, supply_total,
    shipping_fee, discount, total, currency, platform_fee_bps, payment_id, ship_name, ship_phone, ship_address,
    share_code, placed_at, payment_due_at)
  VALUES ((lpad(to_hex(:r1::bigint), 16, '0') || lpad(to_hex(:r2::bigint), 16, '0'))::uuid, :shop::uuid, :supplier::uuid, :listing::uuid, :buyer::uuid,
    'PENDING_PAYMENT', 1500, 1000, 0, 0, 1500, 'CNY', 200,
    (lpad(to_hex(:r3::bigint), 16, '0') || lpad(to_hex(:r2::bigint), 16, '0'))::uuid, 'Bench Buyer', '+8613912345678', '1 Load Road',
    NULL, now(), now() + interval '15 minutes');
INSERT INTO order_lines (order_id, line_no, shop_id, sku_id, title, sku_name, quantity, unit_price, unit_supply_price)
  VALUES ((lpad(to_hex(:r1::bigint), 16, '0') || lpad(to_hex(:r2::bigint), 16, '0'))::uuid, 1, :shop::uuid, :sku::uuid, 'Flash sale tea',
    'Hot SKU', 1, 1500, 1000);
INSERT INTO payments (id, order_id, shop_id, payer_account_id, provider, amount, currency, status, created_at)
  VALUES ((lpad(to_hex(:r3::bigint), 16, '0') || lpad(to_hex(:r2::bigint), 16, '0'))::uuid,
    (lpad(to_hex(:r1::bigint), 16, '0') || lpad(to_hex(:r2::bigint), 16, '0'))::uuid, :shop::uuid, :buyer::uuid, 'sandbox', 1500, 'CNY',
    'PENDING', now());
UPDATE skus SET stock = stock - 1 WHERE id = :sku::uuid AND stock >= 1;
COMMIT;
