-- The access log gains a row on every read by someone other than the owner (one per entry of a
-- /v1/shared page), and each of its b-tree indexes is one more random insert per row: most of
-- what a logged read costs beyond the read. One b-tree now serves every lookup, all of which
-- know the entry's owner: an entry's log (read by its owner), the rows of a deleted entry (the
-- trigger has the owner), a deleted account's rows (its own, and those where it read: the
-- entries of the people it sponsored), the export (the owner's entries in id order). The owner's
-- whole log newest first (GET /v1/me/access-log) is the owner's range, sorted: a cold read. The
-- block range index on `at` stays for the retention purge: appending in time order costs it
-- next to nothing.
DROP INDEX stepwork.access_log_entry_idx;
DROP INDEX stepwork.access_log_owner_idx;
DROP INDEX stepwork.access_log_viewer_idx;
CREATE INDEX access_log_owner_entry_idx ON stepwork.access_log (owner_id, entry_id, at DESC, id DESC);

CREATE OR REPLACE FUNCTION stepwork.entries_forget_access_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM stepwork.access_log WHERE owner_id = OLD.owner_id AND entry_id = OLD.id;
    RETURN NULL;
END $$;
