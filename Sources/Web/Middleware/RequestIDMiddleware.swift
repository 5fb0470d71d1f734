import HTTPServer

/// Puts the request's id on its answer as `X-Request-Id`.
public struct RequestIDMiddleware: Middleware {
    public init() {}

    public func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response = try next(request, context)
        response.headers.set("X-Request-Id", request.requestId)
        return response
    }
}
