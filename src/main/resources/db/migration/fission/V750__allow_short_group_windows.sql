-- A group's window may be as short as a second, as the API has always said (a flash group is odd,
-- not harmful): V702 kept a floor of a minute, so a deal for PT30S was refused by the database as
-- a constraint violation (409) instead of being offered.
ALTER TABLE group_deals DROP CONSTRAINT group_deals_window_seconds_check;
ALTER TABLE group_deals ADD CONSTRAINT group_deals_window_seconds_check CHECK (window_seconds BETWEEN 1 AND 604800);
