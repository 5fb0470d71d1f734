/// The head of a request as parsed: method, target, version and header fields.
public struct HTTPRequestHead: Sendable {
    public var method: HTTPMethod
    /// The request target as sent, e.g. `/v1/entries?kind=amend`.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders

    public init(method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The target's path, before any `?`.
    public var path: Substring {
        questionMark.map { target[..<$0] } ?? target[...]
    }

    /// The target's query, after the first `?`, or nil.
    public var query: Substring? {
        questionMark.map { target[target.utf8.index(after: $0)...] }
    }

    /// The first `?`, found byte by byte (a target is ASCII: no grapheme breaking needed).
    private var questionMark: String.Index? {
        target.utf8.firstIndex(of: UInt8(ascii: "?"))
    }
}

/// A complete request: head, the whole body (already de-chunked) and the peer's address.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    public var body: [UInt8]
    /// The peer's IP address in text form (`127.0.0.1`, `::1`).
    public var remoteAddress: String

    public init(head: HTTPRequestHead, body: [UInt8] = [], remoteAddress: String = "") {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
    }
}
