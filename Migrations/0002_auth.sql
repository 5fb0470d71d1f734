-- Accounts, login sessions and the throttle that guards login and registration.

CREATE TABLE stepwork.users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL
                  CHECK (email = lower(btrim(email)) AND char_length(email) <= 254 AND email LIKE '_%@_%'),
    display_name  text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 80),
    password_hash text NOT NULL CHECK (password_hash LIKE '$scrypt$%'),
    sobriety_date date,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email)
);

-- A session is known by the SHA-256 (hex) of its bearer token; the token itself is never stored.
CREATE TABLE stepwork.sessions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES stepwork.users ON DELETE CASCADE,
    token_hash   text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    user_agent   text CHECK (char_length(user_agent) <= 512),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
    CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_id_idx ON stepwork.sessions (user_id, created_at);

-- Failed logins and registrations, per subject (the SHA-256 of an account email or a client
-- address, so attempted emails are not kept), shared by every server process.
CREATE TABLE stepwork.throttle_events (
    scope       text NOT NULL CHECK (scope IN ('login_account', 'login_address', 'register_address', 'invite_address')),
    subject     text NOT NULL CHECK (subject ~ '^[0-9a-f]{64}$'),
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX throttle_events_lookup_idx ON stepwork.throttle_events (scope, subject, occurred_at);
-- Lets each throttle delete its scope's expired events in small batches without a scan.
CREATE INDEX throttle_events_expiry_idx ON stepwork.throttle_events (scope, occurred_at);
