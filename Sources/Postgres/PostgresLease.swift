/// A connection borrowed from the pool on first use and kept until `release()`: one request's
/// database (its session lookup and its handler's statements share one connection).
///
/// Work that must not hold a connection (password hashing) calls `release()` first; the next
/// use borrows again. Used by one thread at a time.
public final class PostgresLease {
    private let pool: PostgresPool
    private var borrowed: PostgresConnection?
    /// Transactions of `withTransaction` running now; the connection is kept while any is.
    private var openTransactions = 0

    /// On whose behalf the leased connection's statements run, for row-level security (see
    /// `PostgresConfiguration.actingUserSetting`); nil until someone (authentication) says.
    /// A connection borrowed again after `release()` is set to it before use.
    public var actingUser: String?

    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The leased connection, borrowed now if it is not yet.
    public func connection() throws(PostgresError) -> PostgresConnection {
        if let borrowed { return borrowed }
        let connection = try pool.checkOut()
        borrowed = connection
        if let actingUser { try connection.act(as: actingUser) }
        return connection
    }

    /// Runs `body` in a transaction on the leased connection (see
    /// `PostgresConnection.withTransaction`; inside another, under a savepoint).
    public func withTransaction<Result>(
        isolation: PostgresIsolationLevel = .readCommitted,
        retryingSerializationFailures: Bool = false,
        _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        let connection = try connection()
        openTransactions += 1
        defer { openTransactions -= 1 }
        return try connection.withTransaction(
            isolation: isolation, retryingSerializationFailures: retryingSerializationFailures, body)
    }

    /// Gives the connection back now, if one is borrowed and no `withTransaction` of this
    /// lease is running on it (a transaction never loses its connection halfway).
    public func release() {
        guard openTransactions == 0, let connection = borrowed else { return }
        borrowed = nil
        pool.checkIn(connection)
    }
}
