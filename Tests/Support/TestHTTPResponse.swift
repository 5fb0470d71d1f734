import Foundation

/// A response as `TestHTTPClient` read it off the wire.
public struct TestHTTPResponse: Sendable, CustomStringConvertible {
    public let status: Int
    public let reason: String
    /// Fields in the order received, names as sent.
    public let headers: [(String, String)]
    /// The body, de-chunked.
    public let body: [UInt8]

    /// The first value of the field `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// Every value of the field `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.0.caseInsensitiveCompare(name) == .orderedSame }.map(\.1)
    }

    /// The body as UTF-8 text.
    public var bodyString: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed by `JSONSerialization` (fragments allowed).
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    /// The body as a JSON object; numbers come as `NSNumber` (`as? Int` works).
    public func jsonObject() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw TestHTTPClientError.malformed("body is not a JSON object") }
        return object
    }

    public var description: String { "\(status) \(reason) \(headers) \(bodyString)" }
}
