/// A handler asked for a path parameter its route template does not declare: a bug, so it
/// is answered `500` and logged.
public struct RouteParameterError: Error, CustomStringConvertible {
    public let name: String
    public var description: String { "route has no path parameter {\(name)}" }
}
