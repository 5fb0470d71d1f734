/// Where PostgreSQL is and how a `PostgresPool` uses it.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    /// A libpq connection string, `key=value` pairs or a `postgresql://` URL, handed to libpq as is.
    public var connectionString: String
    /// The most connections the pool keeps open at once.
    public var poolSize: Int
    /// How long a caller waits for a free connection before `PostgresError.overloaded`.
    public var acquireTimeout: Duration
    /// How long opening a connection may take: libpq's `connect_timeout`, in whole seconds and at
    /// least 2; a `connect_timeout` in the connection string wins.
    public var connectTimeout: Duration
    /// The schema(s) unqualified names resolve in (`search_path`), or nil for the server's default.
    public var searchPath: String?

    public init(
        connectionString: String,
        poolSize: Int = 10,
        acquireTimeout: Duration = .seconds(5),
        connectTimeout: Duration = .seconds(5),
        searchPath: String? = nil
    ) {
        self.searchPath = searchPath
        self.connectionString = connectionString
        self.poolSize = poolSize
        self.acquireTimeout = acquireTimeout
        self.connectTimeout = connectTimeout
    }

    /// Leaves out the connection string, which may hold a password.
    public var description: String {
        "PostgresConfiguration(poolSize: \(poolSize), acquireTimeout: \(acquireTimeout), connectTimeout: \(connectTimeout))"
    }
}
