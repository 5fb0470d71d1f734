import Foundation

/// One answer: status, headers (names in lower case) and body, with JSON helpers.
struct Reply: Sendable {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0 == name.lowercased() }?.1
    }

    /// The body as a JSON object; throws when it is not one.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw ScenarioError("the body is not a JSON object: \(text)")
        }
        return object
    }

    /// The problem's `code`, if the body is a problem document.
    var code: String? { (try? json())?["code"] as? String }

    /// The `items` of a list.
    func items() throws -> [[String: Any]] {
        guard let items = try json()["items"] as? [[String: Any]] else { throw ScenarioError("no items: \(text)") }
        return items
    }

    /// The ids of a list's items.
    func ids() throws -> [String] {
        try items().map { $0["id"] as? String ?? "" }
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct ScenarioError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
