CREATE TABLE accounts (
	id UUID PRIMARY KEY,
	phone TEXT NOT NULL UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	password_hash TEXT,
	operator BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMPTZ NOT NULL
);

-- Tokens are stored as SHA-256 of the secret: a leaked table grants nothing.
CREATE TABLE api_tokens (
	id UUID PRIMARY KEY,
	account_id UUID NOT NULL REFERENCES accounts (id),
	token_hash TEXT NOT NULL UNIQUE,
	created_at TIMESTAMPTZ NOT NULL,
	revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);

CREATE TABLE one_time_codes (
	phone TEXT PRIMARY KEY,
	code_hash TEXT NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL,
	attempts INT NOT NULL DEFAULT 0
);

-- What the built-in development SMS adapter "sent"; read by the dev inbox page.
CREATE TABLE dev_sms_messages (
	id BIGSERIAL PRIMARY KEY,
	phone TEXT NOT NULL,
	text TEXT NOT NULL,
	sent_at TIMESTAMPTZ NOT NULL
);
