-- What went back to the buyer of an attributed order (complaints upheld): a link's sales are what
-- was paid less what was refunded, and an order refunded in full stops counting, as a cancelled one.
ALTER TABLE share_orders ADD COLUMN refunded_total BIGINT NOT NULL DEFAULT 0 CHECK (refunded_total >= 0);
