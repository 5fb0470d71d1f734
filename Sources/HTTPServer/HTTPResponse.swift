/// A complete response. The server adds `Content-Length`, `Date` and `Connection` itself
/// and leaves the body out for `HEAD` requests and bodiless statuses. A large body can be a
/// `bodySource` instead, which the transport pulls as the client takes it, or a `stream` fed
/// over time from outside (`body` is then not sent).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var bodySource: (any HTTPBodySource)?
    public var stream: HTTPStream?

    public init(status: HTTPStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body the transport reads from `source` chunk by chunk.
    public init(status: HTTPStatus, headers: HTTPHeaders = [:], bodySource source: any HTTPBodySource) {
        self.init(status: status, headers: headers)
        bodySource = source
    }

    /// A response whose body is whatever is sent to `stream` until it finishes; the connection
    /// closes after it.
    public init(status: HTTPStatus, headers: HTTPHeaders = [:], stream: HTTPStream) {
        self.init(status: status, headers: headers)
        self.stream = stream
    }
}
