-- Activity: what happened that concerns a user, written in the same transaction as the action
-- (a share created, a comment, a review asked or decided, a sponsorship started or ended).
-- The item names what it is about by id only; its recipient reads it through the visibility
-- rule of `EntryAccessPolicy`, so an item about an entry they can no longer see is hidden.
CREATE TABLE stepwork.activity (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_id   uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    actor_id       uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    type           text NOT NULL CHECK (type IN ('sponsorship_started', 'sponsorship_ended', 'entry_shared',
                                                 'comment_added', 'review_requested', 'review_decided')),
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    entry_id       uuid REFERENCES stepwork.entries ON DELETE CASCADE,
    sponsorship_id uuid REFERENCES stepwork.sponsorships ON DELETE CASCADE,
    comment_id     uuid REFERENCES stepwork.comments ON DELETE CASCADE,
    review_id      uuid REFERENCES stepwork.reviews ON DELETE CASCADE,
    -- The actor never receives their own items.
    CHECK (recipient_id <> actor_id)
);
-- The feed: one range per recipient, newest first.
CREATE INDEX activity_feed_idx ON stepwork.activity (recipient_id, at DESC, id DESC);
CREATE INDEX activity_actor_idx ON stepwork.activity (actor_id);

-- How far each user has read their feed: the position of the newest item they marked seen.
CREATE TABLE stepwork.activity_seen (
    user_id uuid PRIMARY KEY REFERENCES stepwork.users ON DELETE CASCADE,
    seen_at timestamptz NOT NULL,
    seen_id uuid NOT NULL
);

-- Row-level security as for entries: a user reads their own items, and writes items only as
-- their actor.
ALTER TABLE stepwork.activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_read ON stepwork.activity FOR SELECT USING (recipient_id = stepwork.acting_user());
CREATE POLICY activity_insert ON stepwork.activity FOR INSERT WITH CHECK (actor_id = stepwork.acting_user());

ALTER TABLE stepwork.activity_seen ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_seen_own ON stepwork.activity_seen USING (user_id = stepwork.acting_user());
