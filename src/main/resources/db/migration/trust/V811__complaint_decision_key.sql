-- A decision gives money back (a partial or full refund): the operator's Idempotency-Key is kept
-- with it, so the same decision sent again answers as the first did instead of 409, while the
-- key with another decision is refused.
ALTER TABLE complaints
	ADD COLUMN decision_key TEXT CHECK (length(decision_key) BETWEEN 1 AND 200),
	ADD COLUMN decision_hash TEXT,
	ADD CHECK ((decision_key IS NULL) = (decision_hash IS NULL));
