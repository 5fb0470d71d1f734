-- Row-level security on entries, shares and comments: defence in depth behind
-- `EntryAccessPolicy`. The server's runtime role runs every request's statements with
-- `stepwork.user_id` set to the caller (empty for nobody), and these policies mirror the
-- policy's rules, so a query that forgot its owner filter still returns only what the caller
-- may see, and a write outside the rules changes nothing. The owner role (migrations, seeds)
-- owns the tables and is not subject to them.

-- The caller, or NULL for nobody.
CREATE FUNCTION stepwork.acting_user() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('stepwork.user_id', true), '')::uuid
$$;

-- Whether the caller is the sponsor of an active sponsorship through which the entry is shared.
-- SECURITY DEFINER (owned by the schema owner) reads shares and sponsorships past their own
-- policies, so the entries policy does not recurse through them.
CREATE FUNCTION stepwork.acting_user_shares(entry uuid, owner uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = stepwork, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM stepwork.shares s
        JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
        WHERE s.entry_id = entry AND sp.sponsor_id = stepwork.acting_user() AND sp.sponsee_id = owner
          AND sp.status = 'active')
$$;

-- An entry's owner never changes (the policies below rely on it).
CREATE FUNCTION stepwork.entries_owner_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an entry''s owner cannot change' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER entries_owner_fixed BEFORE UPDATE OF owner_id ON stepwork.entries
    FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION stepwork.entries_owner_fixed();

-- Entries: the owner does everything; a sponsor with an active share reads. Locking a row
-- (`FOR KEY SHARE`, as access checks in writes do) passes the UPDATE policy's USING, so it
-- admits every visible row; WITH CHECK keeps changes to the owner's own.
ALTER TABLE stepwork.entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY entries_read ON stepwork.entries FOR SELECT
    USING (owner_id = stepwork.acting_user() OR stepwork.acting_user_shares(id, owner_id));
CREATE POLICY entries_insert ON stepwork.entries FOR INSERT WITH CHECK (owner_id = stepwork.acting_user());
CREATE POLICY entries_update ON stepwork.entries FOR UPDATE
    USING (owner_id = stepwork.acting_user() OR stepwork.acting_user_shares(id, owner_id))
    WITH CHECK (owner_id = stepwork.acting_user());
CREATE POLICY entries_delete ON stepwork.entries FOR DELETE USING (owner_id = stepwork.acting_user());

-- Shares: the entry's owner manages them; the sponsor they name reads (and locks) them.
ALTER TABLE stepwork.shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY shares_read ON stepwork.shares FOR SELECT
    USING (owner_id = stepwork.acting_user() OR sponsor_id = stepwork.acting_user());
CREATE POLICY shares_insert ON stepwork.shares FOR INSERT WITH CHECK (owner_id = stepwork.acting_user());
CREATE POLICY shares_update ON stepwork.shares FOR UPDATE
    USING (owner_id = stepwork.acting_user() OR sponsor_id = stepwork.acting_user())
    WITH CHECK (owner_id = stepwork.acting_user());
CREATE POLICY shares_delete ON stepwork.shares FOR DELETE USING (owner_id = stepwork.acting_user());

-- Comments: visible (and lockable) with their entry; written by their author on an entry they
-- can see; changed by their author, or (a tombstone) by the entry's owner.
ALTER TABLE stepwork.comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_read ON stepwork.comments FOR SELECT
    USING (EXISTS (SELECT 1 FROM stepwork.entries e WHERE e.id = entry_id));
CREATE POLICY comments_insert ON stepwork.comments FOR INSERT
    WITH CHECK (author_id = stepwork.acting_user() AND EXISTS (SELECT 1 FROM stepwork.entries e WHERE e.id = entry_id));
CREATE POLICY comments_update ON stepwork.comments FOR UPDATE
    USING (EXISTS (SELECT 1 FROM stepwork.entries e WHERE e.id = entry_id))
    WITH CHECK (author_id = stepwork.acting_user()
           OR EXISTS (SELECT 1 FROM stepwork.entries e WHERE e.id = entry_id AND e.owner_id = stepwork.acting_user()));
