/// Tells who sends a request; the router runs it before the handler of every route that is
/// not declared public.
///
/// It throws the answer for a request it refuses (`401`, or `403` for a cookie write from a
/// foreign origin), and may use `context.database`: the connection it borrows stays with the
/// request, so the handler's statements do not borrow again.
public protocol RequestAuthenticator: Sendable {
    func authenticate(_ request: Request, context: RequestContext) throws -> Caller
}
