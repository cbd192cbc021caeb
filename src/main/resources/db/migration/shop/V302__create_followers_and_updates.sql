-- Fans follow shops; sellers post short updates that only their followers see, a few a day.
CREATE TABLE followers (
	shop_id UUID NOT NULL REFERENCES shops (id),
	account_id UUID NOT NULL,
	muted BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (shop_id, account_id)
);
CREATE INDEX followers_account_idx ON followers (account_id, shop_id);

CREATE TABLE shop_updates (
	id UUID PRIMARY KEY,
	shop_id UUID NOT NULL REFERENCES shops (id),
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX shop_updates_shop_idx ON shop_updates (shop_id, created_at DESC);

-- The daily cap: one counter per shop and day (the platform's day, Asia/Shanghai), raised by a
-- conditional upsert in the update's own transaction, so concurrent posts never pass the cap.
CREATE TABLE shop_update_days (
	shop_id UUID NOT NULL REFERENCES shops (id),
	day DATE NOT NULL,
	used INT NOT NULL CHECK (used >= 1),
	PRIMARY KEY (shop_id, day)
);
