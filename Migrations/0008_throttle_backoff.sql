-- Login throttling with back-off per (account, client address), a per-account ceiling, and a
-- counter of its own for password changes; subjects become keyed hashes (HMAC-SHA-256 with the
-- server secret), so the unkeyed SHA-256 subjects recorded so far can no longer be matched.

DELETE FROM stepwork.throttle_events;

ALTER TABLE stepwork.throttle_events DROP CONSTRAINT throttle_events_scope_check;
ALTER TABLE stepwork.throttle_events ADD CONSTRAINT throttle_events_scope_check CHECK (scope IN (
    'login_account_address', 'login_account', 'login_address', 'password_change', 'register_address', 'invite_address'));

-- The addresses (IPv6: /64s) each account logged in from lately, as a keyed hash of account
-- and address: logins from there skip the account's ceiling and the failed-hash budget.
CREATE TABLE stepwork.known_login_addresses (
    subject       text PRIMARY KEY CHECK (subject ~ '^[0-9a-f]{64}$'),
    last_login_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX known_login_addresses_expiry_idx ON stepwork.known_login_addresses (last_login_at);
