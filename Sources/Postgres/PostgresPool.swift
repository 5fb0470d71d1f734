import Dispatch
import Foundation
import Logging

/// A bounded pool of PostgreSQL connections for blocking callers: worker threads, never
/// Swift's cooperative thread pool.
///
/// At most `poolSize` connections exist. When all are lent out, callers wait in arrival order
/// and get `PostgresError.overloaded` after `acquireTimeout` rather than hanging. A connection
/// comes back only when no transaction is open on it; a broken one is dropped and a new one
/// opened on the next demand, so the pool outlives `pg_terminate_backend` and server restarts.
///
/// `@unchecked Sendable`: every mutable property is guarded by `lock`, and a connection is used
/// by one thread at a time, handed over under the lock.
public final class PostgresPool: @unchecked Sendable {
    public let configuration: PostgresConfiguration
    private let logger: Logger
    private let lock = NSLock()
    /// Connections ready to lend, most recently returned last.
    private var idle: [PostgresConnection] = []
    /// Connections open or being opened, lent out or idle.
    private var open = 0
    private var waiters: [Waiter] = []
    private var isClosed = false

    /// Someone waiting for a connection, woken by the caller who hands one over.
    private final class Waiter {
        let wakeUp = DispatchSemaphore(value: 0)
        var grant: Grant?
    }

    /// What a caller gets to use: an idle connection, or the right to open a new one.
    private enum Grant {
        case connection(PostgresConnection)
        case slot
        case closed
    }

    /// Opens no connection yet; the first caller does.
    public init(configuration: PostgresConfiguration, logger: Logger = .silent) {
        precondition(configuration.poolSize > 0, "the pool needs room for a connection")
        self.configuration = configuration
        self.logger = logger
    }

    /// Lends a connection to `body` and takes it back afterwards.
    ///
    /// Do not call the pool again from inside `body`: with every connection lent out, it would
    /// wait for itself until the acquire timeout.
    ///
    /// The connection acts on behalf of nobody (see `PostgresConfiguration.actingUserSetting`).
    public func withConnection<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        let connection = try acquire()
        defer { release(connection) }
        try connection.act(as: "")
        return try body(connection)
    }

    /// Runs `body` in a transaction on a pooled connection; see
    /// `PostgresConnection.withTransaction(isolation:retryingSerializationFailures:_:)`.
    public func withTransaction<Result>(
        isolation: PostgresIsolationLevel = .readCommitted,
        retryingSerializationFailures: Bool = false,
        _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try withConnection { connection in
            try connection.withTransaction(
                isolation: isolation, retryingSerializationFailures: retryingSerializationFailures, body)
        }
    }

    /// Lends a connection until `checkIn(_:)` gives it back, for a borrower whose use spans
    /// more than one call (a request). Every checked-out connection must be checked in once.
    func checkOut() throws(PostgresError) -> PostgresConnection {
        try acquire()
    }

    /// Takes back a connection lent by `checkOut()`.
    func checkIn(_ connection: PostgresConnection) {
        release(connection)
    }

    /// Runs one statement on a pooled connection and returns its rows.
    public func query(_ query: PostgresQuery) throws -> PostgresRows {
        try withConnection { try $0.query(query) }
    }

    /// Runs one statement on a pooled connection and returns how many rows it changed.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws -> Int {
        try withConnection { try $0.execute(query) }
    }

    /// Checks that the database answers (`SELECT 1`), for readiness probes.
    public func ping() throws {
        _ = try query("SELECT 1")
    }

    /// Closes idle connections and refuses further use; lent connections close when returned.
    public func close() {
        var dropped: [PostgresConnection] = []
        lock.withLock {
            isClosed = true
            for waiter in waiters {
                waiter.grant = .closed
                waiter.wakeUp.signal()
            }
            waiters = []
            open -= idle.count
            swap(&dropped, &idle)
        }
        dropped.removeAll()  // PQfinish, outside the lock
    }

    /// How many callers wait for a connection right now.
    var waitingCount: Int { lock.withLock { waiters.count } }

    private func acquire() throws(PostgresError) -> PostgresConnection {
        switch try reserve() {
        case .connection(let connection) where connection.isUsable:
            return connection
        case .connection:
            logger.info("postgres_connection_dropped", ["reason": "closed by the server while idle"])
        case .slot:
            break
        case .closed:
            throw .poolClosed
        }
        do {
            return try PostgresConnection(configuration: configuration)
        } catch {
            // libpq's connect messages name the host, user and database, never a password.
            logger.warning("postgres_connect_failed", ["detail": error.debugDescription])
            hand(nil)
            throw error
        }
    }

    /// Takes an idle connection, or the right to open one, waiting up to the acquire timeout.
    private func reserve() throws(PostgresError) -> Grant {
        let waiter: Waiter
        lock.lock()
        if isClosed {
            lock.unlock()
            return .closed
        } else if !idle.isEmpty {
            // The connection this thread had last, if idle: keeping each thread with one backend
            // process lets the scheduler keep the pair together (a third more queries/s in
            // `make bench-db` on 2 cores), else the one returned last.
            let thread = pthread_self()
            let connection = idle.remove(at: idle.lastIndex { $0.lastBorrower == thread } ?? idle.count - 1)
            lock.unlock()
            return .connection(connection)
        } else if open < configuration.poolSize {
            open += 1
            lock.unlock()
            return .slot
        } else {
            waiter = Waiter()
            waiters.append(waiter)
            lock.unlock()
        }
        let timeout = configuration.acquireTimeout.components
        let nanoseconds = Int(timeout.seconds) * 1_000_000_000 + Int(timeout.attoseconds / 1_000_000_000)
        let timedOut = waiter.wakeUp.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .timedOut
        let grant: Grant? = lock.withLock {
            if waiter.grant == nil {
                precondition(timedOut, "woken without a grant")
                waiters.removeAll { $0 === waiter }
            }
            return waiter.grant
        }
        guard let grant else { throw .overloaded }
        return grant
    }

    /// Takes a connection back from its borrower.
    private func release(_ connection: PostgresConnection) {
        connection.lastBorrower = pthread_self()
        if connection.resetForReuse() {
            hand(connection)
        } else {
            logger.info("postgres_connection_dropped", ["reason": "broken or stuck in a transaction"])
            hand(nil)
        }
    }

    /// Passes a connection, or the slot of a dropped one, to the longest waiter, else keeps it.
    private func hand(_ connection: PostgresConnection?) {
        let waiter: Waiter? = lock.withLock {
            if !waiters.isEmpty, !isClosed {
                let waiter = waiters.removeFirst()
                waiter.grant = connection.map(Grant.connection) ?? .slot
                return waiter
            }
            if let connection, !isClosed {
                idle.append(connection)
            } else {
                open -= 1
            }
            return nil
        }
        waiter?.wakeUp.signal()
    }
}
