extension TestApp {
    /// Backends of the app's database waiting for a lock: how a race test sees that a request
    /// it holds up has reached the lock it is held at.
    public func lockWaiters() throws -> Int {
        try pool.query("""
            SELECT count(*) AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
            """)[0].decode("waiting")
    }
}
