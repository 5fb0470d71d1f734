import HTTPServer
import Logging
import Synchronization

/// Answers requests by method and path template, through middleware, turning thrown errors
/// into problem answers.
///
/// Register routes at start-up (`router.get("/v1/entries/{id}") { request in … }`), then
/// hand the router to the server. Every `GET` route answers `HEAD` too (the transport drops
/// the body). Unknown methods get `501`, unknown paths `404`, a known path with another
/// method `405` with `Allow`. A `HTTPErrorConvertible` error is answered as its problem; any
/// other error is logged and answered with a generic `500`.
///
/// Every answer passes the built-in middleware: access log (outermost), `X-Request-Id`, and
/// security headers; `use(_:)` adds more inside them.
public final class Router: HTTPResponder {
    /// A route's handler. It runs on a worker thread and may block.
    public typealias Handler = @Sendable (Request) throws -> HTTPResponse

    private struct State: Sendable {
        var table = RouteTable()
        var middleware: [any Middleware]
    }

    private let state: Mutex<State>
    private let logger: Logger
    private let clientAddress: ClientAddress

    public init(logger: Logger, clientAddress: ClientAddress = ClientAddress()) {
        self.logger = logger
        self.clientAddress = clientAddress
        self.state = Mutex(State(middleware: [
            AccessLogMiddleware(logger: logger), RequestIDMiddleware(), SecurityHeadersMiddleware(),
        ]))
    }

    /// Adds a middleware inside those already added.
    public func use(_ middleware: any Middleware) {
        state.withLock { $0.middleware.append(middleware) }
    }

    /// Registers `handler` for `method` on `template`. `inline: true` lets the server answer
    /// on its event loop: only for handlers that are cheap and never block.
    public func on(_ method: HTTPMethod, _ template: String, inline: Bool = false, _ handler: @escaping Handler) {
        let route = Route(method: method, isInline: inline, path: PathTemplate(template), handler: handler)
        state.withLock { $0.table.add(route) }
    }

    public func get(_ template: String, inline: Bool = false, _ handler: @escaping Handler) {
        on(.get, template, inline: inline, handler)
    }

    public func post(_ template: String, inline: Bool = false, _ handler: @escaping Handler) {
        on(.post, template, inline: inline, handler)
    }

    public func put(_ template: String, inline: Bool = false, _ handler: @escaping Handler) {
        on(.put, template, inline: inline, handler)
    }

    public func patch(_ template: String, inline: Bool = false, _ handler: @escaping Handler) {
        on(.patch, template, inline: inline, handler)
    }

    public func delete(_ template: String, inline: Bool = false, _ handler: @escaping Handler) {
        on(.delete, template, inline: inline, handler)
    }

    /// Every registered route, in registration order (implicit `HEAD` routes not listed).
    public var routes: [Route] { state.withLock { $0.table.routes } }

    public func respond(to http: HTTPRequest) -> HTTPResponse {
        let state = state.withLock { $0 }
        var request = Request(
            http: http, clientAddress: clientAddress.resolve(peer: http.remoteAddress, headers: http.head.headers))
        let handler: Handler
        do throws(HTTPError) {
            let (route, parameters) = try state.table.match(http.head.method, http.head.path)
            request.route = route
            request.parameters = parameters
            request.query = try QueryParameters(parsing: http.head.query)
            handler = route.handler
        } catch {
            handler = { _ in throw error }
        }
        return run(request, through: state.middleware[...], handler: handler)
    }

    public func canRespondInline(to head: HTTPRequestHead) -> Bool {
        state.withLock { (try? $0.table.match(head.method, head.path))?.0.isInline ?? false }
    }

    private func run(_ request: Request, through middleware: ArraySlice<any Middleware>, handler: Handler) -> HTTPResponse {
        do {
            guard let outer = middleware.first else { return try handler(request) }
            return try outer.handle(request) { request in
                run(request, through: middleware.dropFirst(), handler: handler)
            }
        } catch {
            return answer(error, to: request)
        }
    }

    /// The problem answer for `error`. What a client must not see (the cause of a `500` or
    /// of a mapped `5xx`) goes to the log.
    private func answer(_ error: any Error, to request: Request) -> HTTPResponse {
        guard let convertible = error as? any HTTPErrorConvertible else {
            logger.error("unhandled_error", [
                "request_id": request.requestId,
                "route": request.route?.template ?? "-",
                "error": String(reflecting: error),
            ])
            return HTTPError.internalError().response
        }
        let problem = convertible.httpError
        if problem.status.code >= 500 && !(error is HTTPError) {
            logger.error("request_failed", [
                "request_id": request.requestId,
                "route": request.route?.template ?? "-",
                "status": String(problem.status.code),
                "error": String(reflecting: error),
            ])
        }
        return problem.response
    }
}
