-- Encryption at rest (issue 15): every text a user writes is stored as AES-256-GCM ciphertext
-- under the data key of the entry's owner, and each user's data key is stored only wrapped by a
-- key-encryption key from the key file (`STEPWORK_KEY_FILE`), which never enters the database.
--
-- Rows written before this migration stay in the clear until `stepwork encrypt` seals them, in
-- batches, while the server runs: the server reads both forms. So each sealed text gets a
-- `bytea` column of its own beside the clear one (adding a nullable column rewrites nothing),
-- and the clear column holds '' (NULL for a review's note) once the row is sealed.
--
-- What stays in the clear, because SQL needs it: kinds, steps, versions, times, and the amend
-- choices and dates in `fields` (status, method, riskToOthers, response, madeOn, revisitOn),
-- which the amend summary counts. The texts of `fields` move together, as one sealed JSON
-- object, into `fields_sealed`.

-- A user's data key, wrapped under key-encryption key `key_version` (`WrappedDataKey`, 61
-- bytes). Deleting the row is crypto-shredding: every text sealed under the key, in this
-- database and in every backup of it, can no longer be opened. Not under row-level security:
-- a wrapped key is useless without the key file, and a sponsor's read needs its owner's key.
CREATE TABLE stepwork.data_keys (
    user_id          uuid PRIMARY KEY REFERENCES stepwork.users ON DELETE CASCADE,
    data_key_version integer NOT NULL CHECK (data_key_version >= 1),
    key_version      integer NOT NULL CHECK (key_version >= 1),
    wrapped          bytea NOT NULL CHECK (length(wrapped) = 61),
    created_at       timestamptz NOT NULL DEFAULT now()
);
-- `stepwork keys rotate` finds the keys wrapped under an older key-encryption key.
CREATE INDEX data_keys_key_version_idx ON stepwork.data_keys (key_version, user_id);

-- A sealed text: format, data key version, nonce, ciphertext, tag (`SealedField`, 33 bytes
-- more than the text's UTF-8, at most 4 bytes a character). NULL for NULL. Not STRICT, so that
-- the planner inlines it into the checks (a STRICT body with AND is called, at some cost, per row).
CREATE FUNCTION stepwork.is_sealed_text(value bytea, max_characters integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT length(value) BETWEEN 33 AND 33 + 4 * max_characters AND get_byte(value, 0) = 1
$$;

ALTER TABLE stepwork.entries
    ADD COLUMN title_sealed bytea,
    ADD COLUMN body_sealed bytea,
    ADD COLUMN fields_sealed bytea,
    DROP CONSTRAINT entries_title_check,
    DROP CONSTRAINT entries_amend_person_check,
    -- Title and body are sealed together; a sealed row keeps no text in its clear columns.
    ADD CONSTRAINT entries_sealed_check CHECK ((title_sealed IS NULL) = (body_sealed IS NULL)
        AND (title_sealed IS NULL OR (title = '' AND body = ''))
        AND (fields_sealed IS NULL OR title_sealed IS NOT NULL)),
    ADD CONSTRAINT entries_title_check CHECK (CASE WHEN title_sealed IS NULL
        THEN char_length(title) BETWEEN 1 AND 200 ELSE stepwork.is_sealed_text(title_sealed, 200) END),
    ADD CONSTRAINT entries_body_sealed_check CHECK (stepwork.is_sealed_text(body_sealed, 100000)),
    -- The texts of an amend's fields, person among them, are at most 6 × 10000 + 200 characters,
    -- as a JSON object: up to 6 bytes a character (`\u001f`), so 366,000 bytes and some keys.
    ADD CONSTRAINT entries_fields_sealed_check CHECK (stepwork.is_sealed_text(fields_sealed, 92000)),
    ADD CONSTRAINT entries_amend_person_check CHECK (kind <> 'amend' OR fields_sealed IS NOT NULL OR coalesce(
        jsonb_typeof(fields -> 'person') = 'string' AND char_length(fields ->> 'person') BETWEEN 1 AND 200, false));

ALTER TABLE stepwork.comments
    ADD COLUMN body_sealed bytea,
    DROP CONSTRAINT comments_check1,
    DROP CONSTRAINT comments_check2,
    ADD CONSTRAINT comments_body_sealed_check CHECK (body_sealed IS NULL
        OR (stepwork.is_sealed_text(body_sealed, 10000) AND body = '' AND deleted_at IS NULL)),
    -- A tombstone keeps its place but not its text, in either form.
    ADD CONSTRAINT comments_tombstone_check CHECK (deleted_at IS NULL OR (body = '' AND body_sealed IS NULL)),
    ADD CONSTRAINT comments_body_present_check CHECK (
        deleted_at IS NOT NULL OR body_sealed IS NOT NULL OR char_length(btrim(body)) >= 1);

ALTER TABLE stepwork.reviews
    ADD COLUMN note_sealed bytea,
    DROP CONSTRAINT reviews_check2,
    DROP CONSTRAINT reviews_check3,
    ADD CONSTRAINT reviews_note_sealed_check CHECK (note_sealed IS NULL
        OR (stepwork.is_sealed_text(note_sealed, 10000) AND note IS NULL)),
    -- A note only with a verdict; `wait` and `not_advisable` need one (a sealed note was checked
    -- by the server before it was sealed).
    ADD CONSTRAINT reviews_note_check2 CHECK (verdict IS NOT NULL OR (note IS NULL AND note_sealed IS NULL)),
    ADD CONSTRAINT reviews_note_required_check CHECK (verdict NOT IN ('wait', 'not_advisable')
        OR note_sealed IS NOT NULL OR char_length(btrim(note)) >= 1);

-- What `stepwork encrypt` has still to seal, in its batch order; empty once it is done, and
-- sealed writes never enter them.
CREATE INDEX entries_clear_idx ON stepwork.entries (owner_id, id) WHERE title_sealed IS NULL;
CREATE INDEX comments_clear_idx ON stepwork.comments (id) WHERE body_sealed IS NULL AND body <> '';
CREATE INDEX reviews_clear_idx ON stepwork.reviews (id) WHERE note IS NOT NULL;

-- The views carry the sealed columns and the wrapped data key of the owner whose key opens
-- them, so a read needs no second statement; new columns go last (CREATE OR REPLACE VIEW).
CREATE OR REPLACE VIEW stepwork.entry_rows AS
SELECT e.id, e.owner_id, u.display_name AS owner_name, e.kind, e.title, e.body, e.step, e.fields,
       e.version, e.created_at, e.updated_at,
       (extract(epoch FROM e.updated_at) * 1000000)::bigint AS updated_micros,
       e.title_sealed, e.body_sealed, e.fields_sealed,
       k.data_key_version AS owner_data_key_version, k.key_version AS owner_key_version, k.wrapped AS owner_wrapped
FROM stepwork.entries e
JOIN stepwork.users u ON u.id = e.owner_id
LEFT JOIN stepwork.data_keys k ON k.user_id = e.owner_id;

-- A comment is sealed under the key of its entry's owner (deleting that key erases the thread).
CREATE OR REPLACE VIEW stepwork.comment_rows AS
SELECT c.id, c.entry_id, c.entry_version, c.parent_id, c.author_id, u.display_name AS author_name,
       c.body, c.created_at, c.edited_at, c.deleted_at IS NOT NULL AS deleted,
       (extract(epoch FROM c.created_at) * 1000000)::bigint AS created_micros,
       c.body_sealed, e.owner_id AS entry_owner_id,
       k.data_key_version AS owner_data_key_version, k.key_version AS owner_key_version, k.wrapped AS owner_wrapped
FROM stepwork.comments c
JOIN stepwork.entries e ON e.id = c.entry_id
LEFT JOIN stepwork.users u ON u.id = c.author_id
LEFT JOIN stepwork.data_keys k ON k.user_id = e.owner_id;

CREATE OR REPLACE VIEW stepwork.review_rows AS
SELECT r.id, r.entry_id, r.sponsorship_id, r.owner_id, sp.sponsor_id AS reviewer_id, u.display_name AS reviewer_name,
       r.requested_at, r.requested_on_version, r.verdict, r.note, r.decided_at, r.decided_on_version,
       r.decided_on_version IS NOT NULL AND e.version > r.decided_on_version AS stale,
       (extract(epoch FROM r.requested_at) * 1000000)::bigint AS requested_micros,
       r.note_sealed,
       k.data_key_version AS owner_data_key_version, k.key_version AS owner_key_version, k.wrapped AS owner_wrapped
FROM stepwork.reviews r
JOIN stepwork.entries e ON e.id = r.entry_id
JOIN stepwork.sponsorships sp ON sp.id = r.sponsorship_id
JOIN stepwork.users u ON u.id = sp.sponsor_id
LEFT JOIN stepwork.data_keys k ON k.user_id = r.owner_id;

-- An account's tombstones lose their sealed text too.
CREATE OR REPLACE FUNCTION stepwork.tombstone_comments_of_acting_user() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = stepwork, pg_temp AS $$
    UPDATE stepwork.comments c
    SET author_id = NULL, body = '', body_sealed = NULL, edited_at = NULL, deleted_at = coalesce(c.deleted_at, now())
    WHERE c.author_id = stepwork.acting_user()
      AND NOT EXISTS (SELECT FROM stepwork.entries e WHERE e.id = c.entry_id AND e.owner_id = c.author_id)
$$;
