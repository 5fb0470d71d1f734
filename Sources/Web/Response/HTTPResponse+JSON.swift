import HTTPServer

extension HTTPResponse {
    /// A JSON answer, `Content-Type: application/json; charset=utf-8`.
    public static func json(
        _ value: some Encodable, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]
    ) throws -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: try JSONOutput.encode(value))
    }

    /// `204 No Content`.
    public static var noContent: HTTPResponse { HTTPResponse(status: .noContent) }
}
