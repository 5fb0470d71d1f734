/// A complete response. The server adds `Content-Length`, `Date` and `Connection` itself
/// and leaves the body out for `HEAD` requests and bodiless statuses. A large body can be a
/// `bodySource` instead, which the transport pulls as the client takes it (`body` is then
/// not sent).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var bodySource: (any HTTPBodySource)?

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
}
