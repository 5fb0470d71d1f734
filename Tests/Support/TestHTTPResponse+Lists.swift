extension TestHTTPResponse {
    /// The problem's `code`, if the body is a problem document.
    public var code: String? { string("code") }

    /// The `items` of a list.
    public func items() throws -> [[String: Any]] {
        guard let items = try json()["items"] as? [[String: Any]] else { throw TestHTTPError("no items: \(bodyString)") }
        return items
    }

    /// The ids of a list's items.
    public func ids() throws -> [String] {
        try items().map { $0["id"] as? String ?? "" }
    }
}
