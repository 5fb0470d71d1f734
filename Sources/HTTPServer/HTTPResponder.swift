/// What the server calls to answer requests: the seam between transport and application.
///
/// `respond(to:)` may block (database work, password hashing): the server calls it on a
/// bounded pool of worker threads, never on an event loop, unless `canRespondInline(to:)`
/// says the request is cheap and never blocks (health checks, static answers).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
    func canRespondInline(to head: HTTPRequestHead) -> Bool
}

extension HTTPResponder {
    public func canRespondInline(to head: HTTPRequestHead) -> Bool { false }
}
