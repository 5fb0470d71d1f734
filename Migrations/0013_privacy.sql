-- Privacy rights (API.md 1.1, "Access log" and "The account's own data").
--
-- The access log: one row per read of an entry, its thread or its reviews by someone other
-- than its owner, and per appearance of an entry in a page of GET /v1/shared. Rows are written
-- by the very statement (or transaction) that reads, so a read that is not logged did not
-- happen. No foreign keys: a key check would lock the entry row (FOR KEY SHARE) on every read,
-- turning each read into a write of the entry's page; the rows go with their entry by the
-- trigger below and with an account by its deletion, and age out after the retention.
CREATE TABLE stepwork.access_log (
    id        uuid NOT NULL DEFAULT gen_random_uuid(),
    entry_id  uuid NOT NULL,
    owner_id  uuid NOT NULL,
    viewer_id uuid NOT NULL,
    what      text NOT NULL CHECK (what IN ('entry', 'comments', 'reviews', 'list')),
    at        timestamptz NOT NULL DEFAULT statement_timestamp(),
    CHECK (viewer_id <> owner_id)
);
CREATE INDEX access_log_entry_idx ON stepwork.access_log (entry_id, at DESC, id DESC);
CREATE INDEX access_log_owner_idx ON stepwork.access_log (owner_id, at DESC, id DESC);
CREATE INDEX access_log_viewer_idx ON stepwork.access_log (viewer_id);
-- Rows arrive in time order: a block range index finds the expired ones for a few bytes.
CREATE INDEX access_log_at_idx ON stepwork.access_log USING brin (at);

CREATE FUNCTION stepwork.entries_forget_access_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM stepwork.access_log WHERE entry_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER entries_forget_access_log AFTER DELETE ON stepwork.entries
    FOR EACH ROW EXECUTE FUNCTION stepwork.entries_forget_access_log();

-- A deleted account's comments on other people's entries stay as tombstones with no author,
-- so that the replies to them keep their place.
ALTER TABLE stepwork.comments ALTER COLUMN author_id DROP NOT NULL;
ALTER TABLE stepwork.comments DROP CONSTRAINT comments_author_id_fkey;
ALTER TABLE stepwork.comments ADD CONSTRAINT comments_author_id_fkey
    FOREIGN KEY (author_id) REFERENCES stepwork.users ON DELETE SET NULL;
ALTER TABLE stepwork.comments ADD CONSTRAINT comments_authorless_deleted_check
    CHECK (author_id IS NOT NULL OR deleted_at IS NOT NULL);
-- An account's comments, found at its export and its deletion (and by the key's SET NULL).
CREATE INDEX comments_author_idx ON stepwork.comments (author_id, id);

CREATE OR REPLACE VIEW stepwork.comment_rows AS
SELECT c.id, c.entry_id, c.entry_version, c.parent_id, c.author_id, u.display_name AS author_name,
       c.body, c.created_at, c.edited_at, c.deleted_at IS NOT NULL AS deleted,
       (extract(epoch FROM c.created_at) * 1000000)::bigint AS created_micros
FROM stepwork.comments c
LEFT JOIN stepwork.users u ON u.id = c.author_id;

-- Row-level security lets a user change only comments on entries they see, and only into
-- comments of their own; an account's deletion must reach all its comments on other
-- people's entries, also those it no longer sees. This does exactly that, for the acting
-- user only.
CREATE FUNCTION stepwork.tombstone_comments_of_acting_user() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = stepwork, pg_temp AS $$
    UPDATE stepwork.comments c
    SET author_id = NULL, body = '', edited_at = NULL, deleted_at = coalesce(c.deleted_at, now())
    WHERE c.author_id = stepwork.acting_user()
      AND NOT EXISTS (SELECT FROM stepwork.entries e WHERE e.id = c.entry_id AND e.owner_id = c.author_id)
$$;

-- The acting user's own comments on other people's entries, also those they no longer see
-- (the export holds everything they wrote), after `after` in id order.
CREATE FUNCTION stepwork.comments_elsewhere_of_acting_user(after uuid, page bigint)
RETURNS SETOF stepwork.comment_rows
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = stepwork, pg_temp AS $$
    SELECT r.* FROM stepwork.comment_rows r
    WHERE r.author_id = stepwork.acting_user() AND r.id > after
      AND NOT EXISTS (SELECT FROM stepwork.entries e WHERE e.id = r.entry_id AND e.owner_id = r.author_id)
    ORDER BY r.id
    LIMIT page
$$;
REVOKE EXECUTE ON FUNCTION stepwork.tombstone_comments_of_acting_user() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION stepwork.comments_elsewhere_of_acting_user(uuid, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stepwork.tombstone_comments_of_acting_user() TO stepwork_runtime;
GRANT EXECUTE ON FUNCTION stepwork.comments_elsewhere_of_acting_user(uuid, bigint) TO stepwork_runtime;
