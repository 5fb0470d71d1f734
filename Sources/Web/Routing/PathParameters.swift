import Foundation

/// The values of a route's `{name}` segments, percent-decoded.
public struct PathParameters: Sendable {
    private let values: [String: String]

    init(_ values: [String: String] = [:]) { self.values = values }

    /// The value of `{name}`, or nil when the route has no such parameter.
    public subscript(name: String) -> String? { values[name] }

    /// The value of `{name}`. A name the route does not declare is a programming error and
    /// throws `RouteParameterError`, which answers `500`.
    public func require(_ name: String) throws(RouteParameterError) -> String {
        guard let value = values[name] else { throw RouteParameterError(name: name) }
        return value
    }

    /// The value of `{name}` as a UUID. An id that does not parse is the same as one that
    /// does not exist: `404 not_found`.
    public func uuid(_ name: String) throws -> UUID {
        guard let uuid = UUID(uuidString: try require(name)) else { throw HTTPError.notFound() }
        return uuid
    }
}
