-- Sponsorships (a sponsor and a sponsee) and the one-time invite codes that create them.

CREATE TABLE stepwork.sponsorships (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sponsor_id uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    sponsee_id uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    status     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    started_at timestamptz NOT NULL DEFAULT now(),
    ended_at   timestamptz,
    CHECK (sponsor_id <> sponsee_id),
    CHECK ((status = 'ended') = (ended_at IS NOT NULL)),
    -- Lets a share name (sponsorship, sponsee) so the schema can demand sponsee = entry owner.
    CONSTRAINT sponsorships_id_sponsee_key UNIQUE (id, sponsee_id)
);
-- At most one active sponsorship per (sponsor, sponsee).
CREATE UNIQUE INDEX sponsorships_active_pair_key
    ON stepwork.sponsorships (sponsor_id, sponsee_id) WHERE status = 'active';
CREATE INDEX sponsorships_sponsor_idx ON stepwork.sponsorships (sponsor_id, status);
CREATE INDEX sponsorships_sponsee_idx ON stepwork.sponsorships (sponsee_id, status);

-- An invite is known by the SHA-256 (hex) of its code; the code itself is never stored.
CREATE TABLE stepwork.invites (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    inviter_id     uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    inviter_role   text NOT NULL CHECK (inviter_role IN ('sponsor', 'sponsee')),
    code_hash      text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    accepted_at    timestamptz,
    sponsorship_id uuid REFERENCES stepwork.sponsorships ON DELETE SET NULL,
    CONSTRAINT invites_code_hash_key UNIQUE (code_hash),
    CHECK (expires_at > created_at)
);
CREATE INDEX invites_inviter_idx ON stepwork.invites (inviter_id);

-- A sponsorship as the API shows it: with both parties' display names.
CREATE VIEW stepwork.sponsorship_rows AS
SELECT sp.id, sp.sponsor_id, sponsor.display_name AS sponsor_name, sp.sponsee_id,
       sponsee.display_name AS sponsee_name, sp.status, sp.started_at, sp.ended_at
FROM stepwork.sponsorships sp
JOIN stepwork.users sponsor ON sponsor.id = sp.sponsor_id
JOIN stepwork.users sponsee ON sponsee.id = sp.sponsee_id;
