import HTTPServer

/// Puts the request's id on its answer as `X-Request-Id`.
public struct RequestIDMiddleware: Middleware {
    public init() {}

    public func handle(_ request: Request, next: (Request) throws -> HTTPResponse) throws -> HTTPResponse {
        var response = try next(request)
        response.headers.set("X-Request-Id", request.requestId)
        return response
    }
}
