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
    private(set) var authenticatedCaller: Caller?

    init(requestId: String, logger: Logger, database: PostgresLease) {
        self.requestId = requestId
        self.logger = logger.with(["request_id": requestId])
        self.database = database
    }

    /// The authenticated caller. A route declared public has none: asking is `401`, so a
    /// handler that needs a caller can never serve an anonymous one.
    public var caller: Caller {
        get throws(HTTPError) {
            guard let authenticatedCaller else { throw .unauthenticated() }
            return authenticatedCaller
        }
    }

    /// Records who the request comes from; called by the authentication middleware.
    func authenticate(as caller: Caller) {
        authenticatedCaller = caller
    }
}
