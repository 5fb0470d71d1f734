/// Who may call a route. Every route is `authenticated` unless declared `public`, and the
/// public ones are few: health, registration, login, the browser's static files.
public enum RouteAccess: Sendable, Equatable {
    /// The router authenticates the request before the handler runs (the default).
    case authenticated
    /// Anyone may call it; the handler gets no caller.
    case `public`
}
