import HTTPServer

/// A registered endpoint: method, path template, who may call it, and its handler with the
/// middleware of the group it was declared in.
public struct Route: Sendable {
    public let method: HTTPMethod
    public let access: RouteAccess
    /// Whether the server may answer it on the event loop (cheap, never blocks).
    public let isInline: Bool
    let path: PathTemplate
    /// The group's middleware, outermost first; authentication last, unless the route is public.
    let middleware: [any Middleware]
    let handler: Router.Handler

    /// Whether a request may carry `Idempotency-Key` (see `IdempotencyMiddleware`).
    public var isIdempotent: Bool { middleware.contains { $0 is IdempotencyMiddleware } }

    /// The template as registered, e.g. `/v1/entries/{id}`; logged instead of the raw path.
    public var template: String { path.text }
}
