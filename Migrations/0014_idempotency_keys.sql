-- Safe retries (API.md 1.1): the answer to a creating POST sent with `Idempotency-Key`, stored in
-- the same transaction as the write it answers, so a retry gets that answer instead of a second
-- write. Only successful answers are stored; a key lives 24 hours (purged as new keys arrive).
-- Not under row-level security: the server reads a row only by its own caller's id.
-- Neither the key nor the answer's body is kept in the clear: the row holds the key's SHA-256,
-- and the body (an invite's code, an entry's text) sealed with AES-256-GCM under a key derived
-- from the client's key, which only the client holds.

CREATE TABLE stepwork.idempotency_keys (
    user_id      uuid NOT NULL REFERENCES stepwork.users (id) ON DELETE CASCADE,
    key_hash     bytea NOT NULL CHECK (length(key_hash) = 32),
    -- SHA-256 of method, path and body: the same key with another request is refused.
    request_hash bytea NOT NULL CHECK (length(request_hash) = 32),
    status       integer NOT NULL CHECK (status BETWEEN 200 AND 399),
    reason       text NOT NULL,
    -- The answer's Location, ETag and Content-Type, one `Name: value` per line.
    headers      text NOT NULL,
    -- Nonce, ciphertext and tag.
    sealed_body  bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key_hash)
);
-- The purge takes the oldest first.
CREATE INDEX idempotency_keys_created_idx ON stepwork.idempotency_keys (created_at);
