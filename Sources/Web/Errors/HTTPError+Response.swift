import HTTPServer

extension HTTPError {
    /// The answer: the problem document as `application/problem+json; charset=utf-8`,
    /// with the error's own headers.
    public var response: HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/problem+json; charset=utf-8")
        // Only strings and integers: encoding cannot fail.
        let body = (try? JSONOutput.encode(ProblemDocument(self))) ?? []
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// The problem answer for an error the transport detects itself (framing, limits,
    /// timeouts), with the headers every answer carries. `head` is the request's head when
    /// it was parsed far enough, so its `X-Request-Id` can be echoed.
    public static func transportResponse(status: HTTPStatus, head: HTTPRequestHead?) -> HTTPResponse {
        var response = HTTPError(status: status).response
        SecurityHeadersMiddleware.apply(to: &response.headers)
        response.headers.set("X-Request-Id", RequestID.resolve(from: head?.headers ?? [:]))
        if status == .serviceUnavailable { response.headers.set("Retry-After", "1") }
        return response
    }
}
