-- Promoters, the commissions they earn and the fraud flags of fission. Distribution key:
-- shop_id (commissions are also read per promoter account). Accounts, shops and orders are
-- other modules' rows: referenced by id only.

-- A fan who joined a shop as a promoter, optionally recruited by another promoter of the same
-- shop. The recruiter exists before the recruit and never changes, so the tree has no cycles
-- and nobody recruits themselves. level: 1 without recruiter, the recruiter's level + 1.
CREATE TABLE promoters (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	account_id UUID NOT NULL,
	code TEXT NOT NULL CHECK (code ~ '^[0-9A-Za-z]{8,10}$'),
	recruiter_id UUID REFERENCES promoters (id),
	level INT NOT NULL CHECK (level >= 1),
	created_at TIMESTAMPTZ NOT NULL,
	UNIQUE (shop_id, account_id),
	UNIQUE (code),
	CHECK (recruiter_id IS NULL OR recruiter_id <> id),
	CHECK ((recruiter_id IS NULL) = (level = 1))
);
CREATE INDEX promoters_recruiter_idx ON promoters (recruiter_id);

-- That an order's commissions were decided (at payment), so the decision, even "none", is
-- given again at refund and settlement.
CREATE TABLE commission_decisions (
	order_id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	buyer_account_id UUID NOT NULL,
	share_code TEXT NOT NULL,
	decided_at TIMESTAMPTZ NOT NULL
);

-- The commissions decided for an order: level 1 to the sharing promoter, level 2 to its
-- recruiter. PENDING while the order is paid, AVAILABLE once settled, CANCELLED with it.
CREATE TABLE commissions (
	order_id UUID NOT NULL REFERENCES commission_decisions (order_id),
	level INT NOT NULL CHECK (level IN (1, 2)),
	shop_id UUID NOT NULL,
	promoter_id UUID NOT NULL REFERENCES promoters (id),
	promoter_account_id UUID NOT NULL,
	amount BIGINT NOT NULL CHECK (amount > 0),
	status TEXT NOT NULL CHECK (status IN ('PENDING', 'AVAILABLE', 'CANCELLED')),
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (order_id, level)
);
CREATE INDEX commissions_account_idx ON commissions (promoter_account_id, created_at DESC);
CREATE INDEX commissions_promoter_idx ON commissions (promoter_id);

-- Signals for the operators to review; SELF_REFERRAL: a promoter bought through their own
-- link (or through a recruit's), and earned nothing for it.
CREATE TABLE fraud_flags (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL,
	order_id UUID,
	kind TEXT NOT NULL,
	detail TEXT NOT NULL,
	at TIMESTAMPTZ NOT NULL,
	UNIQUE (order_id, kind)
);
CREATE INDEX fraud_flags_at_idx ON fraud_flags (at DESC);
