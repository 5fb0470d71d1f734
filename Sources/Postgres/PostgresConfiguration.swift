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
    /// How long one statement may run (`statement_timeout`) before it fails with
    /// `PostgresError.timeout(.statement)`; nil leaves the server's setting.
    public var statementTimeout: Duration?
    /// How long a statement may wait for a lock (`lock_timeout`), a row lock included, before it
    /// fails with `PostgresError.timeout(.lock)`; nil leaves the server's setting.
    public var lockTimeout: Duration?
    /// How long a transaction may sit idle (`idle_in_transaction_session_timeout`) before the
    /// server ends the session (the next statement fails with `PostgresError.connection`);
    /// nil leaves the server's setting.
    public var idleInTransactionTimeout: Duration?
    /// The custom setting (e.g. `stepwork.user_id`) through which row-level security learns on
    /// whose behalf a connection's statements run, or nil when the database uses none. The pool
    /// keeps it empty for plain borrowers; a `PostgresLease` sets it to its acting user.
    public var actingUserSetting: String?

    public init(
        connectionString: String,
        poolSize: Int = 10,
        acquireTimeout: Duration = .seconds(5),
        connectTimeout: Duration = .seconds(5),
        searchPath: String? = nil,
        statementTimeout: Duration? = nil,
        lockTimeout: Duration? = nil,
        idleInTransactionTimeout: Duration? = nil,
        actingUserSetting: String? = nil
    ) {
        self.searchPath = searchPath
        self.connectionString = connectionString
        self.poolSize = poolSize
        self.acquireTimeout = acquireTimeout
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
        self.actingUserSetting = actingUserSetting
    }

    /// The `SET` statements every new connection runs, in order.
    var sessionSettings: [String] {
        var settings = ["SET DateStyle = ISO", "SET TimeZone = 'UTC'"]
        if let searchPath {
            settings.append("SET search_path = \"" + searchPath.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }
        let timeouts = [
            ("statement_timeout", statementTimeout), ("lock_timeout", lockTimeout),
            ("idle_in_transaction_session_timeout", idleInTransactionTimeout),
        ]
        for case let (name, duration?) in timeouts {
            settings.append("SET \(name) = \(Self.milliseconds(duration))")
        }
        return settings
    }

    /// Whole milliseconds, rounded up and at least 1: PostgreSQL reads `0` as "no limit".
    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        return max(1, seconds * 1000 + (attoseconds + perMillisecond - 1) / perMillisecond)
    }

    /// Leaves out the connection string, which may hold a password.
    public var description: String {
        "PostgresConfiguration(poolSize: \(poolSize), acquireTimeout: \(acquireTimeout), connectTimeout: \(connectTimeout))"
    }
}
