-- A shop suspended from new orders (its complaint rate passed the threshold, or an operator
-- said so) until an operator reinstates it. Orders already placed carry on as usual.
ALTER TABLE shops ADD COLUMN suspended_at TIMESTAMPTZ;
ALTER TABLE shops ADD COLUMN suspension_reason TEXT;
ALTER TABLE shops ADD CONSTRAINT shops_suspension_reason_check
	CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL));
-- The operators' queue of suspended shops, newest first.
CREATE INDEX shops_suspended_idx ON shops (suspended_at DESC) WHERE suspended_at IS NOT NULL;
