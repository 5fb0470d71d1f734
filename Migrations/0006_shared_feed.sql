-- `GET /v1/shared` from an index: each share carries its sponsor and its entry's `updated_at`,
-- kept true by triggers, so a sponsor's page is one range scan of `shares_sponsor_feed_idx`
-- instead of a sort of everything ever shared with them. Whether the sponsorship is still
-- active is checked per row against `sponsorships` (not copied: ending a sponsorship would then
-- have to lock every share, against the order in which access checks lock them).

ALTER TABLE stepwork.shares
    ADD COLUMN sponsor_id uuid,
    ADD COLUMN entry_updated_at timestamptz;

UPDATE stepwork.shares s
SET sponsor_id = sp.sponsor_id, entry_updated_at = e.updated_at
FROM stepwork.sponsorships sp, stepwork.entries e
WHERE sp.id = s.sponsorship_id AND e.id = s.entry_id;

ALTER TABLE stepwork.shares
    ALTER COLUMN sponsor_id SET NOT NULL,
    ALTER COLUMN entry_updated_at SET NOT NULL;

CREATE INDEX shares_sponsor_feed_idx
    ON stepwork.shares (sponsor_id, entry_updated_at DESC, entry_id DESC);

-- A new share copies its sponsorship's sponsor and its entry's update time. The entry is read
-- FOR SHARE: an entry update racing the insert waits for it (and then updates this share
-- too), or commits first and is seen here.
CREATE FUNCTION stepwork.shares_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT sp.sponsor_id INTO NEW.sponsor_id FROM stepwork.sponsorships sp WHERE sp.id = NEW.sponsorship_id;
    SELECT e.updated_at INTO NEW.entry_updated_at
    FROM stepwork.entries e WHERE e.id = NEW.entry_id FOR SHARE;
    RETURN NEW;
END $$;
CREATE TRIGGER shares_fill BEFORE INSERT OR UPDATE OF entry_id, sponsorship_id ON stepwork.shares
    FOR EACH ROW EXECUTE FUNCTION stepwork.shares_fill();

CREATE FUNCTION stepwork.entries_touch_shares() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE stepwork.shares SET entry_updated_at = NEW.updated_at WHERE entry_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER entries_touch_shares AFTER UPDATE OF updated_at ON stepwork.entries
    FOR EACH ROW WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at)
    EXECUTE FUNCTION stepwork.entries_touch_shares();
