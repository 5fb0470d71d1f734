import Foundation

/// A response as a test reads it off the wire.
public struct TestHTTPResponse: Sendable {
    public let status: Int
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var bodyString: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (throws when it is not one).
    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw TestHTTPError("body is not a JSON object: \(bodyString.prefix(200))")
        }
        return object
    }

    /// A string member of the JSON body, e.g. `code` of a problem.
    public func string(_ key: String) -> String? {
        (try? json())?[key] as? String
    }
}

/// A test-side failure to talk HTTP: timeout, closed connection, malformed answer.
public struct TestHTTPError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
