-- Group-buy orders: the group an order belongs to (fission's row, referenced by id only) and
-- whether it still waits for its group to fill (then the supplier does not see it yet).
ALTER TABLE orders ADD COLUMN group_id UUID;
ALTER TABLE orders ADD COLUMN awaiting_group BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX orders_group_idx ON orders (group_id) WHERE group_id IS NOT NULL;
