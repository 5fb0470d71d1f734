-- Entries (the sponsee's work) and shares (the permission for one sponsorship's sponsor to see one entry).

CREATE TABLE stepwork.entries (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id   uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('journal', 'step_work', 'inventory', 'amend', 'meeting')),
    title      text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    body       text NOT NULL DEFAULT '' CHECK (char_length(body) <= 100000),
    step       smallint CHECK (step BETWEEN 1 AND 12),
    fields     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(fields) = 'object'),
    version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'step_work' OR step IS NOT NULL),
    CONSTRAINT entries_id_owner_key UNIQUE (id, owner_id)
);
-- The owner's list, newest update first, keyset on (updated_at, id); with kind or step filters.
CREATE INDEX entries_owner_updated_idx ON stepwork.entries (owner_id, updated_at DESC, id DESC);
CREATE INDEX entries_owner_kind_updated_idx ON stepwork.entries (owner_id, kind, updated_at DESC, id DESC);
CREATE INDEX entries_owner_step_updated_idx ON stepwork.entries (owner_id, step, updated_at DESC, id DESC)
    WHERE step IS NOT NULL;

-- owner_id is repeated so that both foreign keys together force: the sponsorship's sponsee owns the entry.
CREATE TABLE stepwork.shares (
    entry_id       uuid NOT NULL,
    sponsorship_id uuid NOT NULL,
    owner_id       uuid NOT NULL,
    access         text NOT NULL CHECK (access IN ('read', 'comment')),
    granted_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, sponsorship_id),
    FOREIGN KEY (entry_id, owner_id) REFERENCES stepwork.entries (id, owner_id) ON DELETE CASCADE,
    FOREIGN KEY (sponsorship_id, owner_id) REFERENCES stepwork.sponsorships (id, sponsee_id) ON DELETE CASCADE
);
CREATE INDEX shares_sponsorship_idx ON stepwork.shares (sponsorship_id);

-- An entry as the API shows it: with its owner's display name, and `updated_micros`, the exact
-- list position (microseconds since the Unix epoch) that page cursors carry.
CREATE VIEW stepwork.entry_rows AS
SELECT e.id, e.owner_id, u.display_name AS owner_name, e.kind, e.title, e.body, e.step, e.fields,
       e.version, e.created_at, e.updated_at,
       (extract(epoch FROM e.updated_at) * 1000000)::bigint AS updated_micros
FROM stepwork.entries e
JOIN stepwork.users u ON u.id = e.owner_id;
