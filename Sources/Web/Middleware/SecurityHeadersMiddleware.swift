import HTTPServer

/// Adds the headers every API answer carries, unless the handler chose its own:
/// `Cache-Control: no-store`, `X-Content-Type-Options: nosniff`, a `Content-Security-Policy`
/// that lets a JSON answer load and frame nothing, and `Referrer-Policy: no-referrer`.
public struct SecurityHeadersMiddleware: Middleware {
    public init() {}

    public func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response = try next(request, context)
        Self.apply(to: &response.headers)
        return response
    }

    static func apply(to headers: inout HTTPHeaders) {
        let defaults: KeyValuePairs = [
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy": "no-referrer",
        ]
        for (name, value) in defaults where !headers.contains(name) {
            headers.add(name, value)
        }
    }
}
