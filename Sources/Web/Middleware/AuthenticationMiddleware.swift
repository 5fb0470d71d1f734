import HTTPServer

/// Authenticates the request before its handler runs and records the caller in the context.
/// The router puts it on every route that is not declared public.
struct AuthenticationMiddleware: Middleware {
    let authenticator: any RequestAuthenticator

    func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        context.authenticate(as: try authenticator.authenticate(request, context: context))
        return try next(request, context)
    }
}
