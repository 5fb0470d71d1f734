-- Read-your-writes for replica reads: the primary's WAL insert position after each user's
-- latest write through the API. A read of the user's own data may go to a streaming replica
-- only once the replica has replayed that far (`pg_last_wal_replay_lsn() >= lsn`); otherwise
-- it goes to the primary. Written only when `serve` has a replica configured.
CREATE TABLE stepwork.write_positions (
    user_id uuid PRIMARY KEY REFERENCES stepwork.users ON DELETE CASCADE,
    lsn     pg_lsn NOT NULL
);

-- Each caller reads and moves only their own position.
ALTER TABLE stepwork.write_positions ENABLE ROW LEVEL SECURITY;
CREATE POLICY write_positions_own ON stepwork.write_positions
    USING (user_id = stepwork.acting_user()) WITH CHECK (user_id = stepwork.acting_user());
