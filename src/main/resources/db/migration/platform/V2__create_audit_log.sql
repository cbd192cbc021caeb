-- What operators did, kept for good: who, when, what, to which subject, and why. Rows are
-- only ever added; the triggers refuse UPDATE and DELETE as the ledger's postings do.
-- Distribution key: none (a reference table read by operators only; see docs/scaling.md).
CREATE TABLE audit_log (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at TIMESTAMPTZ NOT NULL,
	actor_account_id UUID NOT NULL,
	action TEXT NOT NULL,
	subject_kind TEXT NOT NULL,
	subject_id TEXT NOT NULL,
	reason TEXT,
	detail TEXT
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, subject_id);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
