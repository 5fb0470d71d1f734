import HTTPServer

/// Routes that share a path prefix and middleware, e.g. `/v1` with authentication.
///
/// `group.get("/entries/{id}") { request, context in … }` registers `/v1/entries/{id}`; it is
/// authenticated unless declared `access: .public`. `inline: true` lets the server answer on its
/// event loop: only for public, parameterless handlers that are cheap and never block.
public struct RouterGroup {
    let builder: RouterBuilder
    let prefix: String
    let middleware: [any Middleware]

    /// A group inside this one: its prefix appended, its middleware inside this one's.
    public func group(_ prefix: String, middleware: [any Middleware] = []) -> RouterGroup {
        RouterGroup(builder: builder, prefix: self.prefix + prefix, middleware: self.middleware + middleware)
    }

    public func on(
        _ method: HTTPMethod, _ path: String, access: RouteAccess = .authenticated, inline: Bool = false,
        _ handler: @escaping Router.Handler
    ) {
        builder.add(method, prefix + path, access: access, inline: inline, middleware: middleware, handler: handler)
    }

    public func get(
        _ path: String, access: RouteAccess = .authenticated, inline: Bool = false, _ handler: @escaping Router.Handler
    ) {
        on(.get, path, access: access, inline: inline, handler)
    }

    /// `idempotent: true` makes a creating `POST` safe to retry with `Idempotency-Key` (see
    /// `IdempotencyMiddleware`); the route must be authenticated, since keys are per user.
    public func post(
        _ path: String, access: RouteAccess = .authenticated, idempotent: Bool = false,
        _ handler: @escaping Router.Handler
    ) {
        precondition(!idempotent || access == .authenticated, "an idempotent route must be authenticated: \(path)")
        builder.add(
            .post, prefix + path, access: access, inline: false,
            middleware: self.middleware, innermost: idempotent ? [IdempotencyMiddleware()] : [], handler: handler)
    }

    public func put(_ path: String, access: RouteAccess = .authenticated, _ handler: @escaping Router.Handler) {
        on(.put, path, access: access, handler)
    }

    public func patch(_ path: String, access: RouteAccess = .authenticated, _ handler: @escaping Router.Handler) {
        on(.patch, path, access: access, handler)
    }

    public func delete(_ path: String, access: RouteAccess = .authenticated, _ handler: @escaping Router.Handler) {
        on(.delete, path, access: access, handler)
    }
}
