import HTTPServer
import Logging
import Postgres

/// Collects routes at start-up, then builds the immutable `Router` that serves them.
///
/// Routes are declared in groups (`builder.group("/v1")`). Every route is authenticated by
/// `authenticator` unless it is declared `access: .public`; a handler cannot forget to
/// authenticate, because it never does so itself.
public final class RouterBuilder {
    private let logger: Logger
    private let pool: PostgresPool
    private let replica: ReplicaReads?
    private let authentication: AuthenticationMiddleware
    private let clientAddress: ClientAddress
    private var middleware: [any Middleware] = []
    private var trie = RouteTrie()

    /// With `replica`, reads of the caller's own rows may go to a streaming replica
    /// (`RequestContext.readingOwnRows(_:)`), and every authenticated write records its position.
    public init(
        logger: Logger, pool: PostgresPool, replica: ReplicaReads? = nil, authenticator: any RequestAuthenticator,
        clientAddress: ClientAddress = ClientAddress()
    ) {
        self.logger = logger
        self.pool = pool
        self.replica = replica
        if let replica { middleware.append(WritePositionMiddleware(replica: replica)) }
        self.authentication = AuthenticationMiddleware(authenticator: authenticator)
        self.clientAddress = clientAddress
    }

    /// A group of routes under `prefix` (`""` for the root), whose handlers `middleware` wraps.
    public func group(_ prefix: String = "", middleware: [any Middleware] = []) -> RouterGroup {
        RouterGroup(builder: self, prefix: prefix, middleware: middleware)
    }

    /// Adds a middleware around every route, inside the built-in ones (access log,
    /// `X-Request-Id`, security headers) and outside every group's.
    public func add(middleware: any Middleware) {
        self.middleware.append(middleware)
    }

    /// `innermost` runs after authentication, just around the handler.
    func add(
        _ method: HTTPMethod, _ template: String, access: RouteAccess, inline: Bool,
        middleware groupMiddleware: [any Middleware], innermost: [any Middleware] = [],
        handler: @escaping Router.Handler
    ) {
        let path = PathTemplate(template)
        precondition(
            !inline || (access == .public && path.parameterNames.isEmpty),
            "an inline route must be public and have no parameters: \(template)")
        let middleware = (access == .public ? groupMiddleware : groupMiddleware + [authentication]) + innermost
        trie.add(Route(
            method: method, access: access, isInline: inline, path: path, middleware: middleware, handler: handler))
    }

    /// The router serving every route added so far; later additions do not change it.
    public func build() -> Router {
        Router(
            trie: trie, middleware: middleware, pool: pool, replica: replica, clientAddress: clientAddress,
            logger: logger)
    }
}
