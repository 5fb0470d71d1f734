import HTTPServer

/// The lookup from method and path to a route: a tree of path segments built once, walked
/// once per request with each segment percent-decoded once.
///
/// Where a literal segment and a parameter both fit, the literal is tried first, so the most
/// specific template wins (`/v1/me/sessions` over `/v1/{x}/sessions`).
struct RouteTrie: Sendable {
    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        var resource: Resource?
    }

    /// Node 0 is the root (the path `/`).
    private var nodes = [Node()]

    /// Every route, in registration order.
    private(set) var routes: [Route] = []

    mutating func add(_ route: Route) {
        var index = 0
        for segment in route.path.segments {
            switch segment {
            case .literal(let text):
                index = child(of: index, existing: nodes[index].literals[text]) { $0.literals[text] = $1 }
            case .parameter:
                index = child(of: index, existing: nodes[index].parameter) { $0.parameter = $1 }
            }
        }
        nodes[index].resource = nodes[index].resource ?? Resource(template: route.path)
        nodes[index].resource?.add(route)
        routes.append(route)
    }

    /// The route and its parameters. Throws `501` for an unknown method, `404` for a path no
    /// template fits, `405` (with `Allow`) when the best-fitting template lacks `method`.
    func match(_ method: HTTPMethod, _ path: Substring) throws(HTTPError) -> (Route, PathParameters) {
        guard HTTPMethod.known.contains(method) else { throw .notImplemented() }
        guard let raw = PathTemplate.split(path) else { throw .notFound() }
        var decoded: [String] = []
        decoded.reserveCapacity(raw.count)
        for segment in raw {
            guard let value = segment.percentDecoded() else { throw .notFound() }
            decoded.append(value)
        }
        var values: [String] = []
        guard let resource = find(decoded[...], from: 0, values: &values) else { throw .notFound() }
        guard let route = resource.route(for: method) else {
            throw .methodNotAllowed(allowed: resource.allowedMethods)
        }
        return (route, PathParameters(Dictionary(uniqueKeysWithValues: zip(route.path.parameterNames, values))))
    }

    private func find(_ path: ArraySlice<String>, from index: Int, values: inout [String]) -> Resource? {
        guard let segment = path.first else { return nodes[index].resource }
        if let next = nodes[index].literals[segment], let found = find(path.dropFirst(), from: next, values: &values) {
            return found
        }
        if let next = nodes[index].parameter, !segment.isEmpty {
            values.append(segment)
            if let found = find(path.dropFirst(), from: next, values: &values) { return found }
            values.removeLast()
        }
        return nil
    }

    private mutating func child(of index: Int, existing: Int?, link: (inout Node, Int) -> Void) -> Int {
        if let existing { return existing }
        nodes.append(Node())
        link(&nodes[index], nodes.count - 1)
        return nodes.count - 1
    }
}
