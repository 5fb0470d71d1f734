import HTTPServer

/// The routes that share one path template, one per method.
struct Resource: Sendable {
    let template: PathTemplate
    private(set) var routes: [Route] = []

    init(template: PathTemplate) { self.template = template }

    mutating func add(_ route: Route) {
        precondition(!routes.contains { $0.method == route.method }, "route registered twice: \(route.method) \(route.path.text)")
        routes.append(route)
    }

    /// The route for `method`; a `HEAD` is answered by the `GET` route unless one is registered.
    func route(for method: HTTPMethod) -> Route? {
        routes.first { $0.method == method } ?? (method == .head ? routes.first { $0.method == .get } : nil)
    }

    /// The methods for `Allow`, as registered, with `HEAD` after `GET`.
    var allowedMethods: [HTTPMethod] {
        var methods: [HTTPMethod] = []
        for route in routes where !methods.contains(route.method) {
            methods.append(route.method)
            if route.method == .get && !methods.contains(.head) { methods.append(.head) }
        }
        return methods
    }
}
