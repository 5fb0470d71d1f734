-- Comment threads on entries. A reply belongs to the same entry as its parent (composite key).

CREATE TABLE stepwork.comments (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entry_id      uuid NOT NULL REFERENCES stepwork.entries ON DELETE CASCADE,
    parent_id     uuid,
    author_id     uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    entry_version integer NOT NULL CHECK (entry_version >= 1),
    body          text NOT NULL CHECK (char_length(body) <= 10000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    edited_at     timestamptz,
    deleted_at    timestamptz,
    CONSTRAINT comments_entry_id_key UNIQUE (entry_id, id),
    CONSTRAINT comments_parent_same_entry_fkey
        FOREIGN KEY (entry_id, parent_id) REFERENCES stepwork.comments (entry_id, id) ON DELETE CASCADE,
    CHECK (parent_id IS NULL OR parent_id <> id),
    -- A tombstone keeps its place but not its text.
    CHECK (deleted_at IS NULL OR body = ''),
    CHECK (deleted_at IS NOT NULL OR char_length(btrim(body)) >= 1)
);
-- The thread, oldest first, keyset on (created_at, id).
CREATE INDEX comments_entry_created_idx ON stepwork.comments (entry_id, created_at, id);

-- A comment as the API shows it: with its author's display name, and `created_micros`, the exact
-- thread position (microseconds since the Unix epoch) that page cursors carry.
CREATE VIEW stepwork.comment_rows AS
SELECT c.id, c.entry_id, c.entry_version, c.parent_id, c.author_id, u.display_name AS author_name,
       c.body, c.created_at, c.edited_at, c.deleted_at IS NOT NULL AS deleted,
       (extract(epoch FROM c.created_at) * 1000000)::bigint AS created_micros
FROM stepwork.comments c
JOIN stepwork.users u ON u.id = c.author_id;
