/// How long a login lasts.
public struct SessionSettings: Sendable, Equatable {
    /// A session unused for this long ends.
    public var idleLifetime: Duration
    /// A session ends this long after login, however busy.
    public var absoluteLifetime: Duration

    public init(idleLifetime: Duration, absoluteLifetime: Duration) {
        precondition(idleLifetime > .zero && absoluteLifetime > .zero, "session lifetimes must be positive")
        self.idleLifetime = idleLifetime
        self.absoluteLifetime = absoluteLifetime
    }

    /// How stale `last_used_at` may get before a request refreshes it: a minute, so most
    /// requests write nothing, or less when the idle lifetime is very short.
    public var touchInterval: Duration {
        min(.seconds(60), idleLifetime / 4)
    }
}
