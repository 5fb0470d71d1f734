import Synchronization

/// The origin the browser app is served from (`STEPWORK_PUBLIC_ORIGIN`, e.g.
/// `https://stepwork.example`): cookie-authenticated writes must come from it, and its scheme
/// decides whether the session cookie is `Secure`.
///
/// When not configured it is `http://<host>:<port>` of the listening socket, known only once
/// the server is bound (port `0`), so it can be settled after start.
public final class PublicOrigin: Sendable {
    private let origin: Mutex<String>

    public init(_ origin: String) {
        self.origin = Mutex(origin)
    }

    /// The origin, e.g. `http://127.0.0.1:8080`, without a trailing slash.
    public var value: String { origin.withLock { $0 } }

    /// Whether the origin is `https`, so cookies must be `Secure`.
    public var isSecure: Bool { value.hasPrefix("https://") }

    /// Settles the origin once the listening port is known.
    public func settle(_ origin: String) {
        self.origin.withLock { $0 = origin }
    }
}
