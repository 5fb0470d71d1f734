import HTTPServer

/// A registered endpoint: method, path template and handler.
public struct Route: Sendable {
    public let method: HTTPMethod
    /// Whether the server may answer it on the event loop (cheap, never blocks).
    public let isInline: Bool
    let path: PathTemplate
    let handler: Router.Handler

    /// The template as registered, e.g. `/v1/entries/{id}`; logged instead of the raw path.
    public var template: String { path.text }
}
