-- Verification of sellers (per shop) and suppliers, their documents, and withdrawals of
-- available balance. Distribution key: subject_id / owner_id (the shop or supplier).

-- A request to verify a shop or supplier: who the legal person is, reviewed by an operator.
-- At most one request per subject waits for review at a time.
CREATE TABLE verifications (
	id UUID PRIMARY KEY,
	subject TEXT NOT NULL CHECK (subject IN ('shop', 'supplier')),
	subject_id UUID NOT NULL,
	submitted_by UUID NOT NULL,
	legal_name TEXT NOT NULL,
	id_number TEXT NOT NULL,
	license_number TEXT,
	status TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
	decision_reason TEXT,
	decided_by UUID,
	decided_at TIMESTAMPTZ,
	created_at TIMESTAMPTZ NOT NULL,
	CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX verifications_one_pending_idx ON verifications (subject, subject_id) WHERE status = 'PENDING';
CREATE INDEX verifications_subject_idx ON verifications (subject, subject_id, created_at DESC);
CREATE INDEX verifications_status_idx ON verifications (status, created_at);

-- Identity documents and licences: images or PDFs, recognised by content, kept in file storage.
CREATE TABLE verification_documents (
	id UUID PRIMARY KEY,
	verification_id UUID NOT NULL REFERENCES verifications (id),
	file_key TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX verification_documents_verification_idx ON verification_documents (verification_id);

-- Money taken out of a shop's or supplier's available balance to its payout account.
-- PROCESSING: booked out of the balance, handed to the payout provider; PAID: the provider
-- confirmed; FAILED: refused, the money booked back. Idempotent per (requester, key).
CREATE TABLE withdrawals (
	id UUID PRIMARY KEY,
	owner TEXT NOT NULL CHECK (owner IN ('shop', 'supplier')),
	owner_id UUID NOT NULL,
	requested_by UUID NOT NULL,
	amount BIGINT NOT NULL CHECK (amount > 0),
	currency CHAR(3) NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('PROCESSING', 'PAID', 'FAILED')),
	payout_reference TEXT,
	failure TEXT,
	idempotency_key TEXT,
	request_hash TEXT,
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	UNIQUE (requested_by, idempotency_key)
);
CREATE INDEX withdrawals_owner_idx ON withdrawals (owner, owner_id, created_at DESC);
