import Foundation

extension TestHTTPResponse {
    /// The body's top-level keys, to check that an output has exactly the documented fields.
    public var keys: Set<String> { (try? json()).map { Set($0.keys) } ?? [] }

    public func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// The `field:code` of each problem a `422` (or `400 unknown_field`) lists.
    public var problems: [String] {
        let errors = (try? json())?["errors"] as? [[String: Any]] ?? []
        return errors.map { "\($0["field"] as? String ?? "?"):\($0["code"] as? String ?? "?")" }
    }

    /// `self` if it has `status`, else an error that shows what came instead.
    @discardableResult
    public func expect(_ status: Int) throws -> TestHTTPResponse {
        guard self.status == status else {
            throw TestHTTPError("expected \(status), got \(self.status): \(bodyString.prefix(500))")
        }
        return self
    }
}
