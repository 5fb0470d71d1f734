import HTTPServer

/// What a handler gets: the HTTP request, the matched route with its path parameters, the
/// parsed query, the request id and the client's address.
public struct Request: Sendable {
    public let http: HTTPRequest
    /// The client's `X-Request-Id` when sane, else a generated one; on every answer and log line.
    public let requestId: String
    /// The client's address, resolved through trusted proxies (see `ClientAddress`).
    public let clientAddress: String
    /// The matched route; nil while answering a request that matched none.
    public internal(set) var route: Route?
    public internal(set) var parameters = PathParameters()
    public internal(set) var query = QueryParameters()

    init(http: HTTPRequest, clientAddress: String) {
        self.http = http
        self.requestId = RequestID.resolve(from: http.head.headers)
        self.clientAddress = clientAddress
    }

    public var method: HTTPMethod { http.head.method }
    /// The raw path, still percent-encoded, without the query.
    public var path: Substring { http.head.path }
    public var headers: HTTPHeaders { http.head.headers }
    public var body: [UInt8] { http.body }
    /// The peer's address as the socket saw it (a proxy, when there is one).
    public var remoteAddress: String { http.remoteAddress }
}
