/// A complete response. The server adds `Content-Length`, `Date` and `Connection` itself
/// and leaves the body out for `HEAD` requests and bodiless statuses.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
