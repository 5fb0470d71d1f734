import HTTPServer
import Logging
import Postgres

/// Answers requests by method and path template, through middleware, turning thrown errors
/// into problem answers. Built once by `RouterBuilder`, then immutable: matching takes no lock.
///
/// Every `GET` route answers `HEAD` too (the transport drops the body). Unknown methods get
/// `501`, unknown paths `404`, a known path with another method `405` with `Allow`. A
/// `HTTPErrorConvertible` error is answered as its problem; any other error is logged and
/// answered with a generic `500`.
///
/// Every answer passes the built-in middleware: access log (outermost), `X-Request-Id`, and
/// security headers; then the builder's middleware, then the route's group's (authentication
/// last). The request's database connection goes back to the pool once the handler answered.
public final class Router: HTTPResponder {
    /// A route's handler. It runs on a worker thread and may block.
    public typealias Handler = @Sendable (Request, RequestContext) throws -> HTTPResponse

    private let trie: RouteTrie
    private let middleware: [any Middleware]
    private let inlineRoutes: [(method: HTTPMethod, path: String)]
    private let pool: PostgresPool
    private let replica: ReplicaReads?
    private let clientAddress: ClientAddress
    private let logger: Logger

    init(
        trie: RouteTrie, middleware: [any Middleware], pool: PostgresPool, replica: ReplicaReads?,
        clientAddress: ClientAddress, logger: Logger
    ) {
        self.trie = trie
        self.middleware = [AccessLogMiddleware(logger: logger), RequestIDMiddleware(), SecurityHeadersMiddleware()]
            + middleware
        self.inlineRoutes = trie.routes.filter(\.isInline).map { ($0.method, $0.template) }
        self.pool = pool
        self.replica = replica
        self.clientAddress = clientAddress
        self.logger = logger
    }

    /// Every route, in registration order (implicit `HEAD` routes not listed).
    public var routes: [Route] { trie.routes }

    public func respond(to http: HTTPRequest) -> HTTPResponse {
        var request = Request(
            http: http, clientAddress: clientAddress.resolve(peer: http.remoteAddress, headers: http.head.headers))
        let context = RequestContext(
            requestId: request.requestId, logger: logger, database: PostgresLease(pool: pool), replica: replica)
        defer { context.releaseConnections() }
        do throws(HTTPError) {
            let (route, parameters) = try trie.match(http.head.method, http.head.path)
            request.route = route
            request.parameters = parameters
            request.query = try QueryParameters(parsing: http.head.query)
            return run(request, context, through: middleware[...] + route.middleware, handler: route.handler)
        } catch {
            return run(request, context, through: middleware[...], handler: { _, _ in throw error })
        }
    }

    /// Only the literal paths of inline routes, compared as sent: no match, no decoding.
    public func canRespondInline(to head: HTTPRequestHead) -> Bool {
        let path = head.path
        return inlineRoutes.contains { route in
            (route.method == head.method || (route.method == .get && head.method == .head)) && route.path == path
        }
    }

    private func run(
        _ request: Request, _ context: RequestContext, through middleware: ArraySlice<any Middleware>,
        handler: Handler
    ) -> HTTPResponse {
        do {
            guard let outer = middleware.first else { return try handler(request, context) }
            return try outer.handle(request, context: context) { request, context in
                run(request, context, through: middleware.dropFirst(), handler: handler)
            }
        } catch {
            return answer(error, to: request, context: context)
        }
    }

    /// The problem answer for `error`. What a client must not see (the cause of a `500` or
    /// of a mapped `5xx`) goes to the log, with fields that never carry row data.
    private func answer(_ error: any Error, to request: Request, context: RequestContext) -> HTTPResponse {
        guard let convertible = error as? any HTTPErrorConvertible else {
            log("unhandled_error", error, request, context)
            return HTTPError.internalError().response
        }
        let problem = convertible.httpError
        if problem.status.code >= 500 && !(error is HTTPError) {
            log("request_failed", error, request, context, status: problem.status.code)
        }
        return problem.response
    }

    private func log(_ event: String, _ error: any Error, _ request: Request, _ context: RequestContext, status: Int = 500) {
        let route = request.route?.template ?? "-"
        if let database = error as? PostgresError {
            context.logger.with(database.logFields).error(event, ["route": route, "status": String(status)])
        } else if let loggable = error as? any LoggableError {
            context.logger.with(loggable.logFields).error(event, [
                "route": route, "status": String(status), "error": String(describing: type(of: error)),
            ])
        } else {
            context.logger.error(event, [
                "route": route, "status": String(status), "error": String(describing: type(of: error)),
            ])
        }
    }
}
