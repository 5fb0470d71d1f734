-- Reviews (API.md 1.1): the sponsee asks a sponsor, through one sponsorship, for their word on an
-- amend before making it. A review goes with its entry (cascade); the sponsor sees it only while
-- the entry is shared with that sponsorship and the sponsorship is active (EntryAccessPolicy).

CREATE TABLE stepwork.reviews (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entry_id             uuid NOT NULL,
    sponsorship_id       uuid NOT NULL,
    owner_id             uuid NOT NULL,
    requested_at         timestamptz NOT NULL DEFAULT now(),
    requested_on_version integer NOT NULL CHECK (requested_on_version >= 1),
    verdict              text CHECK (verdict IN ('go_ahead', 'wait', 'talk_first', 'not_advisable')),
    note                 text CHECK (char_length(note) <= 10000),
    decided_at           timestamptz,
    decided_on_version   integer CHECK (decided_on_version >= requested_on_version),
    -- owner_id is repeated so that both foreign keys together force: the sponsorship's sponsee owns the entry.
    FOREIGN KEY (entry_id, owner_id) REFERENCES stepwork.entries (id, owner_id) ON DELETE CASCADE,
    FOREIGN KEY (sponsorship_id, owner_id) REFERENCES stepwork.sponsorships (id, sponsee_id) ON DELETE CASCADE,
    -- A verdict comes with when and on which version it was given; a note only with a verdict.
    CHECK ((verdict IS NULL) = (decided_at IS NULL) AND (verdict IS NULL) = (decided_on_version IS NULL)),
    CHECK (verdict IS NOT NULL OR note IS NULL),
    CHECK (verdict NOT IN ('wait', 'not_advisable') OR char_length(btrim(note)) >= 1)
);
-- One undecided review per entry and sponsorship.
CREATE UNIQUE INDEX reviews_pending_key ON stepwork.reviews (entry_id, sponsorship_id) WHERE verdict IS NULL;
-- An entry's reviews and a sponsorship's, newest first, keyset on (requested_at, id).
CREATE INDEX reviews_entry_requested_idx ON stepwork.reviews (entry_id, requested_at DESC, id DESC);
CREATE INDEX reviews_sponsorship_requested_idx ON stepwork.reviews (sponsorship_id, requested_at DESC, id DESC);
-- The owner's undecided reviews (the amend summary's `awaitingReview`).
CREATE INDEX reviews_owner_pending_idx ON stepwork.reviews (owner_id) WHERE verdict IS NULL;

-- A review as the API shows it: with its reviewer (the sponsorship's sponsor), whether the entry
-- has changed since the verdict, and `requested_micros`, the exact list position (microseconds
-- since the Unix epoch) that page cursors carry.
CREATE VIEW stepwork.review_rows AS
SELECT r.id, r.entry_id, r.sponsorship_id, r.owner_id, sp.sponsor_id AS reviewer_id, u.display_name AS reviewer_name,
       r.requested_at, r.requested_on_version, r.verdict, r.note, r.decided_at, r.decided_on_version,
       r.decided_on_version IS NOT NULL AND e.version > r.decided_on_version AS stale,
       (extract(epoch FROM r.requested_at) * 1000000)::bigint AS requested_micros
FROM stepwork.reviews r
JOIN stepwork.entries e ON e.id = r.entry_id
JOIN stepwork.sponsorships sp ON sp.id = r.sponsorship_id
JOIN stepwork.users u ON u.id = sp.sponsor_id;
