-- What partial refunds of the order took off a commission: amount stays the commission decided
-- at payment (ordering's split is rebuilt from it), amount - refunded is what it is worth now,
-- floor(amount x still paid / paid) as the ledger booked it.
ALTER TABLE commissions ADD COLUMN refunded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE commissions ADD CONSTRAINT commissions_refunded_check CHECK (refunded >= 0 AND refunded <= amount);
