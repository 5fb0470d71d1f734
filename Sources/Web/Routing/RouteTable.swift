import HTTPServer

/// Every resource of a router, and the lookup from method and path to a route.
struct RouteTable: Sendable {
    private var resources: [Resource] = []

    /// Every route, in registration order.
    var routes: [Route] { resources.flatMap(\.routes) }

    mutating func add(_ route: Route) {
        if let index = resources.firstIndex(where: { $0.template.shape == route.path.shape }) {
            resources[index].add(route)
        } else {
            var resource = Resource(template: route.path)
            resource.add(route)
            resources.append(resource)
        }
    }

    /// The route and its parameters. Throws `501` for an unknown method, `404` for a path
    /// no template fits, `405` (with `Allow`) when the best-fitting template lacks `method`.
    func match(_ method: HTTPMethod, _ path: Substring) throws(HTTPError) -> (Route, PathParameters) {
        guard HTTPMethod.known.contains(method) else { throw .notImplemented() }
        guard let raw = PathTemplate.split(path) else { throw .notFound() }
        var decoded: [String] = []
        for segment in raw {
            guard let value = segment.percentDecoded() else { throw .notFound() }
            decoded.append(value)
        }
        var best: Resource?
        for resource in resources where resource.template.match(decoded) != nil {
            if best.map({ resource.template.isMoreSpecific(than: $0.template) }) ?? true {
                best = resource
            }
        }
        guard let best else { throw .notFound() }
        guard let route = best.route(for: method) else {
            throw .methodNotAllowed(allowed: best.allowedMethods)
        }
        // Same shape as the resource, so it fits; its own names label the values.
        return (route, PathParameters(route.path.match(decoded) ?? [:]))
    }
}
