-- Buyers' complaints about orders, the thread with the seller and the operator, photos, and
-- the operator's decision. Distribution key: shop_id (messages and photos hang off their
-- complaint). Orders, shops and accounts are other modules' rows: referenced by id only.

-- One complaint about one order; at most one OPEN per order. Decided once: the outcome, the
-- refund (PARTIAL_REFUND only) and who decided why are written together.
CREATE TABLE complaints (
	id UUID PRIMARY KEY,
	order_id UUID NOT NULL,
	shop_id UUID NOT NULL,
	buyer_account_id UUID NOT NULL,
	reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 100),
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	status TEXT NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
	outcome TEXT CHECK (outcome IN ('REJECT', 'PARTIAL_REFUND', 'FULL_REFUND')),
	refund_amount BIGINT CHECK (refund_amount > 0),
	decision_reason TEXT,
	decided_by UUID,
	decided_at TIMESTAMPTZ,
	created_at TIMESTAMPTZ NOT NULL,
	-- when the seller is expected to have answered (created + 48 hours)
	answer_due_at TIMESTAMPTZ NOT NULL,
	CHECK ((status = 'OPEN') = (outcome IS NULL)),
	CHECK ((status = 'OPEN') = (decided_at IS NULL)),
	-- a partial refund names its amount; a full refund records what went back; a rejection none
	CHECK (outcome IS DISTINCT FROM 'PARTIAL_REFUND' OR refund_amount IS NOT NULL),
	CHECK (outcome IS DISTINCT FROM 'REJECT' OR refund_amount IS NULL),
	CHECK (status = 'DECIDED' OR refund_amount IS NULL)
);
CREATE UNIQUE INDEX complaints_one_open_idx ON complaints (order_id) WHERE status = 'OPEN';
CREATE INDEX complaints_order_idx ON complaints (order_id, created_at DESC);
CREATE INDEX complaints_shop_idx ON complaints (shop_id, created_at DESC);
CREATE INDEX complaints_status_idx ON complaints (status, created_at);

-- The thread: the buyer, the shop's seller and operators write; nothing after the decision.
CREATE TABLE complaint_messages (
	id UUID PRIMARY KEY,
	complaint_id UUID NOT NULL REFERENCES complaints (id),
	shop_id UUID NOT NULL,
	author_account_id UUID NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('BUYER', 'SELLER', 'OPERATOR')),
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	at TIMESTAMPTZ NOT NULL
);
CREATE INDEX complaint_messages_complaint_idx ON complaint_messages (complaint_id, at);

-- The buyer's photos (images by content, kept in file storage), at most 6 per complaint.
CREATE TABLE complaint_photos (
	id UUID PRIMARY KEY,
	complaint_id UUID NOT NULL REFERENCES complaints (id),
	shop_id UUID NOT NULL,
	file_key TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size BIGINT NOT NULL CHECK (size > 0),
	at TIMESTAMPTZ NOT NULL
);
CREATE INDEX complaint_photos_complaint_idx ON complaint_photos (complaint_id, at);
