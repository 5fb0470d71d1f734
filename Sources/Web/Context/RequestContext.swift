import Logging
import Postgres

/// What travels with one request beside the request itself: the authenticated caller, a
/// logger that already carries the request id, and the request's database connection.
///
/// The router makes one per request and hands it through middleware to the handler; it lives
/// on the request's thread only. The caller is set by the authentication middleware before a
/// route's handler runs, so a handler of an authenticated route always finds one.
public final class RequestContext {
    /// The client's `X-Request-Id` when sane, else a generated one.
    public let requestId: String
    /// The router's logger with `request_id` on every line.
    public let logger: Logger
    /// The connection of this request, borrowed on first use and given back after the handler.
    public let database: PostgresLease
    /// The streaming replica, when one is configured (see `readingOwnRows(_:)`).
    let replica: ReplicaReads?
    /// The replica connection of this request's read, given back with `database`'s.
    private var replicaLease: PostgresLease?
    private(set) var authenticatedCaller: Caller?

    init(requestId: String, logger: Logger, database: PostgresLease, replica: ReplicaReads? = nil) {
        self.requestId = requestId
        self.logger = logger.with(["request_id": requestId])
        self.database = database
        self.replica = replica
    }

    /// The authenticated caller. A route declared public has none: asking is `401`, so a
    /// handler that needs a caller can never serve an anonymous one.
    public var caller: Caller {
        get throws(HTTPError) {
            guard let authenticatedCaller else { throw .unauthenticated() }
            return authenticatedCaller
        }
    }

    /// Runs `body`, a read of the caller's own rows only (access by ownership, never by a
    /// share), on the streaming replica when one is configured and has replayed the caller's
    /// last write; otherwise, and again on the primary when it fails on the replica, on
    /// `database`. A read that depends on another user's rows (a share, a sponsorship, a
    /// revoke) must not use it.
    public func readingOwnRows<Result>(_ body: (PostgresLease) throws -> Result) throws -> Result {
        guard let replica else { return try body(database) }
        let caller = try caller
        guard let lease = try replica.caughtUpLease(for: caller.userId, primary: database) else {
            return try body(database)
        }
        replicaLease = lease
        do {
            return try body(lease)
        } catch {
            lease.release()
            logger.warning("replica_read_failed", ["fallback": "primary"])
            return try body(database)
        }
    }

    /// Gives back the request's connections; called by the router after the answer.
    func releaseConnections() {
        database.release()
        replicaLease?.release()
    }

    /// Records who the request comes from; called by the authentication middleware.
    func authenticate(as caller: Caller) {
        authenticatedCaller = caller
    }
}
