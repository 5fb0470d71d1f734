/// The query of a request URL, percent-decoded (`+` as a space), in the order sent.
public struct QueryParameters: Sendable {
    private let pairs: [(name: String, value: String)]

    /// An empty query.
    init() { pairs = [] }

    /// Parses `a=1&b=x+y`; a name without `=` has the value `""`. Throws `400 invalid_query`
    /// for malformed escapes, bytes that are not UTF-8, and control characters.
    init(parsing query: Substring?) throws(HTTPError) {
        var pairs: [(name: String, value: String)] = []
        for field in (query ?? "").split(separator: "&") {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts[0].percentDecoded(plusAsSpace: true),
                let value = (parts.count == 2 ? parts[1] : "").percentDecoded(plusAsSpace: true)
            else { throw .invalidQuery(detail: "The query string is not valid percent-encoded UTF-8.") }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The first value of `name`, or nil.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    public func values(for name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The value of `name` as a non-negative decimal integer, `defaultValue` when absent;
    /// `400 invalid_query` when it is anything else or outside `range` (the API's `limit=1…100`).
    public func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(HTTPError) -> Int {
        guard let text = self[name] else { return defaultValue }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(text), range.contains(value)
        else {
            throw .invalidQuery(detail: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }
}
