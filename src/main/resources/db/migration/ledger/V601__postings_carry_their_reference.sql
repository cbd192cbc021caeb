-- Distribution key of the ledger (docs/scaling.md): the business reference of a transaction
-- (the order id for an order's payment, refunds and settlement; the withdrawal id for a
-- withdrawal). Postings carry it too, so a transaction and its postings live on one shard and
-- UNIQUE (kind, reference) includes the key.
ALTER TABLE ledger_postings DISABLE TRIGGER ledger_postings_append_only;
ALTER TABLE ledger_postings ADD COLUMN reference TEXT;
UPDATE ledger_postings p SET reference = t.reference FROM ledger_transactions t WHERE t.id = p.transaction_id;
ALTER TABLE ledger_postings ALTER COLUMN reference SET NOT NULL;
ALTER TABLE ledger_postings ENABLE TRIGGER ledger_postings_append_only;
