-- Double-entry ledger. Postings are append-only and every transaction sums to zero: enforced
-- here, not only in code. Balances are derived from postings.
CREATE TABLE ledger_accounts (
	code TEXT PRIMARY KEY,
	created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE ledger_transactions (
	id UUID PRIMARY KEY,
	kind TEXT NOT NULL,
	reference TEXT NOT NULL,
	currency CHAR(3) NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	-- one booking of a kind per business reference: a retried event cannot credit twice
	UNIQUE (kind, reference)
);

CREATE TABLE ledger_postings (
	id BIGSERIAL PRIMARY KEY,
	transaction_id UUID NOT NULL REFERENCES ledger_transactions (id),
	account TEXT NOT NULL REFERENCES ledger_accounts (code),
	amount BIGINT NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ledger_postings_account_idx ON ledger_postings (account);
CREATE INDEX ledger_postings_transaction_idx ON ledger_postings (transaction_id);

CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	s NUMERIC;
BEGIN
	SELECT COALESCE(SUM(amount), 0) INTO s FROM ledger_postings WHERE transaction_id = NEW.transaction_id;
	IF s <> 0 THEN
		RAISE EXCEPTION 'ledger transaction % does not balance (sum %)', NEW.transaction_id, s
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_postings_balanced
	AFTER INSERT ON ledger_postings
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
		USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
	FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
	FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
