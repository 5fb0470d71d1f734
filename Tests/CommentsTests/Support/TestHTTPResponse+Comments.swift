import Foundation
import TestSupport

extension TestHTTPResponse {
    /// The body's top-level keys, to check that an output has exactly the documented fields.
    var keys: Set<String> { (try? json()).map { Set($0.keys) } ?? [] }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// `self` if it has `status`, else an error that shows what came instead.
    @discardableResult
    func expect(_ status: Int) throws -> TestHTTPResponse {
        guard self.status == status else {
            throw TestHTTPError("expected \(status), got \(self.status): \(bodyString.prefix(500))")
        }
        return self
    }
}
