-- The entries policies without a function call per row. `acting_user_shares` is SECURITY
-- DEFINER, so PostgreSQL cannot inline it: every entry row a statement of the runtime role
-- touches ran its query through the SQL-function executor (a comment thread's access check
-- and its access log insert, twice per request). The same rule as a plain EXISTS is planned
-- into the statement that reads. It reads shares under their own policy, which admits the
-- share's sponsor (`sponsor_id`, kept equal to the sponsorship's by `shares_fill`) and never
-- looks back at entries, so the policies do not recurse.
ALTER POLICY entries_read ON stepwork.entries
    USING (owner_id = stepwork.acting_user() OR EXISTS (
        SELECT 1 FROM stepwork.shares s
        JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
        WHERE s.entry_id = entries.id AND sp.sponsor_id = stepwork.acting_user() AND sp.sponsee_id = entries.owner_id
          AND sp.status = 'active'));
ALTER POLICY entries_update ON stepwork.entries
    USING (owner_id = stepwork.acting_user() OR EXISTS (
        SELECT 1 FROM stepwork.shares s
        JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
        WHERE s.entry_id = entries.id AND sp.sponsor_id = stepwork.acting_user() AND sp.sponsee_id = entries.owner_id
          AND sp.status = 'active'))
    WITH CHECK (owner_id = stepwork.acting_user());
DROP FUNCTION stepwork.acting_user_shares(uuid, uuid);
