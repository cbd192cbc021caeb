-- A link may point at a group buy: opening it leads to the group page instead of the listing.
ALTER TABLE share_links ADD COLUMN group_id UUID;
