import HTTPServer

/// Code that runs around a handler: it may look at or change the request, call `next` (or
/// not), and look at or change the response.
///
/// `next` always returns a response: an error thrown inside it has already been turned into
/// its problem answer, so a middleware sees the final status of every request. An error a
/// middleware throws itself is answered the same way.
public protocol Middleware: Sendable {
    func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse
}
