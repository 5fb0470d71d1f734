/// A throttle refused an attempt; answered `429 too_many_requests` with `Retry-After`.
public struct Throttled: Error, Sendable, Equatable {
    public let scope: ThrottleScope
    /// Whole seconds (at least 1) until the subject may try again.
    public let retryAfter: Int
}
